"""What the docs generators share: write a generated reference, or with
``--check`` say whether the file on disk is stale (exit 1) without writing."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(target: Path, text: str, argv: list[str], command: str, repo: Path) -> int:
    """``target`` rewritten with ``text``; with ``--check`` in ``argv``, 0 when
    it already holds ``text``, else 1 and how to regenerate it (``command``)."""
    if "--check" in argv:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target.relative_to(repo)} is stale: run {command}", file=sys.stderr)
            return 1
        return 0
    target.parent.mkdir(exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target.relative_to(repo)}")
    return 0

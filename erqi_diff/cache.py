"""A small on-disk cache of derived results, keyed by content (as mypy or
pytest cache theirs).

Where: ``$ERQI_DIFF_CACHE``, else ``$XDG_CACHE_HOME/erqi-diff``, else
``~/.cache/erqi-diff``; ``ERQI_DIFF_CACHE=off`` turns it off. One JSON file a
value, written atomically. A key mixes the erqi-diff version, the source
code of the modules that compute the value, and the inputs (snapshot
bodies), so an edited snapshot or a changed extractor is a miss, never a
stale hit. A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Callable

from . import __version__

_PACKAGE = Path(__file__).resolve().parent


def cache_dir() -> Path | None:
    setting = os.environ.get("ERQI_DIFF_CACHE")
    if setting is not None:
        return None if setting.strip().lower() in ("", "0", "off", "no", "false") else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "erqi-diff"


def cached_json(kind: str, inputs: list[str], modules: list[str], compute: Callable[[], Any]) -> Any:
    """``compute()`` (a JSON-able value), or its cached value for the same
    ``inputs`` and the same source of ``modules`` (file names in the package)."""
    folder = cache_dir()
    if folder is None:
        return compute()
    import hashlib

    digest = hashlib.sha256(__version__.encode())
    try:
        for name in modules:
            digest.update((_PACKAGE / name).read_bytes())
    except OSError:
        return compute()
    for text in inputs:
        digest.update(b"\0" + text.encode("utf-8"))
    path = folder / kind / f"{digest.hexdigest()}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    value = compute()
    try:
        from .fsutil import atomic_write_text

        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, json.dumps(value, ensure_ascii=False))
    except Exception:  # a read-only or full disk only costs the speed-up
        pass
    return value

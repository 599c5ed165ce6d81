"""docs/cli.md is the commands' own --help: regenerated, it must not change."""

from __future__ import annotations

import runpy

from conftest import REPO


def test_the_cli_reference_is_up_to_date() -> None:
    import difflib

    gen = runpy.run_path(str(REPO / "scripts" / "gen_cli_reference.py"))
    current = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    fresh = gen["reference"]()
    changes = "\n".join(list(difflib.unified_diff(current.splitlines(), fresh.splitlines(), lineterm=""))[:40])
    assert current == fresh, f"docs/cli.md is stale: run python scripts/gen_cli_reference.py\n{changes}"


def test_every_command_is_in_the_reference() -> None:
    from erqi_diff.cli import COMMANDS

    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"## erqi-diff {name}\n" in text, name

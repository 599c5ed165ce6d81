"""Write docs/cli.md, the command-line reference, from the commands' own
``--help`` (so the reference is never out of date: tests/test_docs.py fails
when docs/cli.md differs from what this prints).

    python scripts/gen_cli_reference.py          # rewrite docs/cli.md
    python scripts/gen_cli_reference.py --check  # exit 1 when it is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

REPO = Path(__file__).resolve().parent.parent
TARGET = REPO / "docs" / "cli.md"
WIDTH = 88

HEAD = """# Command-line reference

Generated from the commands' own `--help` by `python scripts/gen_cli_reference.py`;
do not edit by hand (tests/test_docs.py checks it is up to date). The README
says what each command is for; docs/json.md describes their `--json` output.
"""


def _walk(ctx: click.Context, path: list[str]):
    """(path, context) of every command under ``ctx``'s group, each context a
    child of its group's (so it inherits what a user's run inherits: -h)."""
    group = ctx.command
    if not isinstance(group, click.Group):
        return
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        if command is None:
            continue
        child = click.Context(command, parent=ctx, info_name=name, terminal_width=WIDTH, max_content_width=WIDTH,
                              **command.context_settings)
        yield [*path, name], child
        yield from _walk(child, [*path, name])


def reference() -> str:
    from erqi_diff.cli import cli

    root = click.Context(cli, info_name="erqi-diff", terminal_width=WIDTH, max_content_width=WIDTH, **cli.context_settings)
    parts = [HEAD, "## erqi-diff\n", "```text", cli.get_help(root), "```", ""]
    for path, ctx in _walk(root, ["erqi-diff"]):
        parts += [f"## {' '.join(path)}\n", "```text", ctx.command.get_help(ctx), "```", ""]
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from reference_io import write_or_check

    return write_or_check(TARGET, reference(), argv, "python scripts/gen_cli_reference.py", REPO)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

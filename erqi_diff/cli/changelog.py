"""``erqi-diff changelog FROM TO [-o FILE] [--json]``."""

from __future__ import annotations

from pathlib import Path

import click

from erqi_diff.cli.common import get_project, json_option, page, pager_option, root_option, span_years


def _check_output(path: Path) -> None:
    """Fail before any work when ``path`` cannot be written: its folder is
    missing or read-only, or the path is a folder. The write itself is atomic."""
    import os

    from erqi_diff.errors import OutputError

    folder = path.parent
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder; give a file name, e.g. {path / 'CHANGELOG.md'}")
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: folder {folder} does not exist; create it or choose another -o path")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"cannot write {path}: folder {folder} is read-only; choose another -o path")


@click.command()
@click.argument("from_year", metavar="FROM")
@click.argument("to_year", metavar="TO", required=False)
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), default=None, metavar="FILE",
              help="Write to FILE (atomically) instead of stdout; with --json, the JSON.")
@json_option
@pager_option
@root_option
def changelog(from_year: str, to_year: str | None, out: Path | None, as_json: bool, no_pager: bool) -> None:
    """A Markdown changelog of what changed between the reports of FROM..TO
    (two years, or one span: 2016 2021, 2016..2021).

    A summary of the span on top, then one section per consecutive pair of
    reports, newest first: slogans, goals, metrics, sections, reused wording.
    Years without a report are skipped, and the gap is said.

    \b
    erqi-diff changelog 2016 2021
    erqi-diff changelog 1997..1999
    erqi-diff changelog 2016 2021 -o CHANGELOG.md
    """
    from erqi_diff.summarize.changelog import build_changelog
    from erqi_diff.core.fsutil import atomic_write_text

    first, last = span_years(from_year, to_year)
    if out is not None:
        _check_output(out)
    result = build_changelog(get_project(), first, last)
    if as_json:
        from erqi_diff.views.encode import dumps

        text = dumps("changelog", result) + "\n"
    else:
        from erqi_diff.views.markdown import render

        text = render(result)
    if out is None:
        page(text, no_pager)  # on a terminal through the pager, as git log; else as it is
    else:
        atomic_write_text(out, text)
        click.echo(f"wrote {out}", err=True)

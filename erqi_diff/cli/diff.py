"""``erqi-diff diff FROM TO`` (also plain ``erqi-diff FROM TO``)."""

from __future__ import annotations

import sys

import click

from erqi_diff.cli.common import get_project, json_option, page, pager_option, parse_years, root_option, view_settings, write


@click.command()
@click.argument("years", nargs=-1, metavar="FROM TO")
@click.option("--section", metavar="TEXT", help="Only the sections whose heading (older or newer) contains TEXT.")
@click.option("--granularity", type=click.Choice(["char", "sentence", "word"]), default="char", show_default=True,
              help="Unit of the changes: characters (numbers kept whole), sentences, or jieba words "
                   "(needs the 'word' extra).")
@click.option("-U", "--context", type=click.IntRange(min=0), default=1, show_default=True,
              help="Sentences of unchanged text shown around each change.")
@click.option("--full", is_flag=True, help="Show all text, unchanged sections and paragraphs too.")
@click.option("-y", "--side-by-side", is_flag=True, help="Two columns, older left, newer right.")
@click.option("--stat", is_flag=True, help="Only the summary and one line per section.")
@click.option("--exit-code", is_flag=True, help="Exit 1 when the reports differ, 0 when they do not (as diff).")
@json_option
@pager_option
@root_option
def diff(years: tuple[str, ...], section: str | None, granularity: str, context: int, full: bool,
         side_by_side: bool, stat: bool, exit_code: bool, as_json: bool, no_pager: bool) -> None:
    """Show what changed from one year's report to another's.

    Sections are paired by content and heading; inside each pair, paragraphs
    are paired and diffed. The years may come in either order: the older is
    always shown as the one changed from. A year against itself shows no change.

    \b
    erqi-diff 2017 2021
    erqi-diff 2017 2021 --section 生态 --full
    erqi-diff 2017 2021 --json
    """
    if len(years) != 2:
        raise click.UsageError(f"give two years, e.g. `erqi-diff 2017 2021` (got {len(years)})")
    older, newer = sorted(parse_years(years))
    project = get_project()
    for year in (older, newer):
        project.report(year)  # UnknownYear, listing the years there are
    options = [str(older), str(newer), section, granularity, context, full, side_by_side, stat, as_json]
    view = _cached_view(project, options, lambda: _view(project, older, newer, section, granularity, context, full,
                                                        side_by_side, stat, as_json))
    if as_json:
        write(view["text"])
    else:
        page(view["text"], no_pager)
    if exit_code and not view["identical"]:
        sys.exit(1)


def _cached_view(project, options: list, compute) -> dict:
    """The finished view (its text, and whether the reports are identical),
    cached by everything it depends on: the options, the terminal's width
    and colour, the two snapshots' text, every snapshot's size and time and
    the project's slogans.toml (the strip reads them), and erqi-diff's own
    code. The common repeated call then prints at once, importing neither
    rich nor the diff."""
    from erqi_diff.core.cache import WHOLE_PACKAGE, cached_json, digest

    inputs = [str(o) for o in options] + view_settings()
    for year in options[:2]:
        try:
            inputs.append(digest(project.snapshot_path(int(year)).read_bytes()))
        except OSError:
            inputs.append("(missing)")
    for report in project.reports:
        try:
            info = project.snapshot_path(report.year).stat()
            inputs.append(f"{report.year}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            inputs.append(f"{report.year}:missing")
    inputs.append(_read(project.root / "slogans.toml"))
    return cached_json("view-diff", inputs, WHOLE_PACKAGE, compute)


def _read(path) -> str:
    try:
        return path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return "(missing)"


def _view(project, older: int, newer: int, section: str | None, granularity: str, context: int, full: bool,
          side_by_side: bool, stat: bool, as_json: bool) -> dict:
    """The view of ``erqi-diff OLDER NEWER`` with these options, computed."""
    from erqi_diff.cli.common import render_text
    from erqi_diff.compare.diff import compare
    from erqi_diff.core import snapshot as store

    a = store.load(project, older)
    b = a if newer == older else store.load(project, newer)
    result = compare(a, b, granularity, project=project)
    if section is not None:
        result = result.select(section)
    if as_json:
        from erqi_diff.views.encode import dumps

        text = dumps("diff", result) + "\n"
    else:
        from erqi_diff.views.terminal.diff import View, render

        view = View(context=context, full=full, side_by_side=side_by_side, stat=stat)
        text = render_text(lambda console: render(console, result, view))
    return {"text": text, "identical": result.identical}

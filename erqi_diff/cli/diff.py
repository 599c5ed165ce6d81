"""``erqi-diff diff FROM TO`` (also plain ``erqi-diff FROM TO``)."""

from __future__ import annotations

import sys

import click

from erqi_diff.cli.common import emit_json, get_project, json_option, output, pager_option, parse_years, root_option


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
    from erqi_diff.core import snapshot as store
    from erqi_diff.compare.diff import compare
    from erqi_diff.views.terminal.diff import View, render

    if len(years) != 2:
        raise click.UsageError(f"give two years, e.g. `erqi-diff 2017 2021` (got {len(years)})")
    older, newer = sorted(parse_years(years))
    project = get_project()
    a = store.load(project, older)
    b = a if newer == older else store.load(project, newer)
    result = compare(a, b, granularity, project=project)
    if section is not None:
        result = result.select(section)
    if as_json:
        emit_json("diff", result)
    else:
        view = View(context=context, full=full, side_by_side=side_by_side, stat=stat)
        output(lambda console: render(console, result, view), no_pager=no_pager)
    if exit_code and not result.identical:
        sys.exit(1)

"""``erqi-diff reuse [YEARS...]``: wording reused across years and within a report."""

from __future__ import annotations

import click

from erqi_diff.cli.common import emit_json, get_project, json_option, output, pager_option, parse_years, root_option

TERMINAL_LIMIT = 10  # passages shown by default on the terminal


@click.command()
@click.argument("years", nargs=-1)
@click.option("--min-chars", type=int, default=15, show_default=True,
              help="Shortest passage, in characters the two places share (whitespace not counted).")
@click.option("--include-formulas", is_flag=True,
              help="Also show formulas (slogans, stock phrases found in many years, boilerplate), "
                   "headlines restating the text under them and statistics lines said again with new figures.")
@click.option("--limit", type=click.IntRange(min=0), default=None,
              help=f"Longest passages shown (default {TERMINAL_LIMIT} on the terminal, all with --json; 0: all).")
@json_option
@pager_option
@root_option
def reuse(years: tuple[str, ...], min_chars: int, include_formulas: bool, limit: int | None, as_json: bool,
          no_pager: bool) -> None:
    """Audit wording reused across years and within a report.

    Finds passages of one report that stand again, verbatim or nearly (a
    changed number, a swapped word, an added clause), in another year's
    report or elsewhere in the same report; shows the share of each report
    written before, the year-by-year matrix as a heat map, then the longest
    passages with both contexts and the differences marked ([-old-] {+new+}).
    Formulas (slogans, stock phrases found in three reports or more of the
    series, the years not asked for included), headlines restating their
    story and statistics lines said again with new figures (社会消费品零售总额
    完成…亿元，增长…%) are hidden unless --include-formulas. YEARS: two or more (default: all; a span 1997..1999
    for the series' years in it).

    \b
    erqi-diff reuse
    erqi-diff reuse 2017 2018 --min-chars 20
    erqi-diff reuse --include-formulas --json
    """
    from erqi_diff.core import snapshot as store
    from erqi_diff.errors import UsageError
    from erqi_diff.reuse.snapshots import audit_snapshots

    project = get_project()
    snaps = store.load_many(project, parse_years(years, project.years) or None)
    asked = {s.year for s in snaps}
    others = store.load_available(project, [y for y in project.years if y not in asked])
    try:
        result = audit_snapshots(snaps, min_chars, background=others)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    if as_json:
        emit_json("reuse", result.listing(include_formulas, limit or None))
        return
    shown = result.shown(include_formulas, None if limit == 0 else (limit or TERMINAL_LIMIT))
    bodies = {str(s.year): s.body for s in snaps}
    from erqi_diff.views.terminal.reuse import render

    output(lambda console: render(console, result, shown, bodies, include_formulas), no_pager=no_pager)

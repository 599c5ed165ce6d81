"""``erqi-diff sections [YEARS...]``: each topic's sections across the years."""

from __future__ import annotations

import click

from erqi_diff.cli.common import emit_json, get_project, json_option, output, pager_option, parse_years, root_option


@click.command()
@click.argument("years", nargs=-1, metavar="[YEARS...]")
@click.option("--csv", "as_csv", is_flag=True, help="Print one row per section of every chain, as CSV.")
@json_option
@pager_option
@root_option
def sections(years: tuple[str, ...], as_csv: bool, as_json: bool, no_pager: bool) -> None:
    """Each topic's sections across the years: where it began, split, merged and ended.

    Every report is paired with the next as `erqi-diff A B` pairs them (by
    role, outline and topic); a chain is the sections those pairs tie
    together from year to year. All years when none are given; with YEARS,
    those years only (a span 2013..2015 for the series' years in it), each
    paired with the next given.

    \b
    erqi-diff sections
    erqi-diff sections 2016 2017 2018 --json
    erqi-diff sections --csv > sections.csv
    """
    if as_csv and as_json:
        raise click.UsageError("--csv and --json cannot be used together")
    from erqi_diff.compare.lineage import lineage
    from erqi_diff.core import snapshot as store

    project = get_project()
    wanted = sorted(set(parse_years(years, project.years))) or None
    result = lineage(store.load_many(project, wanted))
    if as_json:
        emit_json("sections", result)
        return
    if as_csv:
        import csv
        import sys

        from erqi_diff.views.terminal.sections import CSV_HEADER, csv_rows

        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        writer.writerows(csv_rows(result))
        return
    from erqi_diff.views.terminal.sections import lineage_view

    output(lambda console: lineage_view(console, result), no_pager=no_pager)

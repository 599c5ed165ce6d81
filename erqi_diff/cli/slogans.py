"""``erqi-diff slogans``: a thin wrapper over :mod:`erqi_diff.extract.slogans`."""

from __future__ import annotations

import click

from erqi_diff.cli.common import emit_json, get_project, json_option, output, pager_option, parse_years, root_option
from erqi_diff.errors import UsageError


def csv_option(f):
    return click.option("--csv", "as_csv", is_flag=True, help="Print the table as CSV (a header row, one record a row).")(f)


def lexicon_option(f):
    return click.option("--lexicon", "lexicon_file", metavar="FILE", type=click.Path(dir_okay=False),
                        help="Slogans known in advance, added to erqi-diff's list and the project's "
                             "slogans.toml (the same TOML format; see `erqi-diff slogans --help`).")(f)


def json_or_csv(as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        raise UsageError("--json and --csv cannot go together: choose one")


@click.command()
@click.argument("years", nargs=-1, metavar="[YEARS...]")
@lexicon_option
@json_option
@csv_option
@pager_option
@root_option
def slogans(years: tuple[str, ...], lexicon_file: str | None, as_json: bool, as_csv: bool, no_pager: bool) -> None:
    """Slogans (提法) by year: counts, first and last year, new, returned, changed, retired.

    Quoted and numbered formulas, parallel series, campaigns, and the
    well-known national formulas of erqi-diff's lexicon (extended by a
    slogans.toml in the project folder and by --lexicon FILE). A slogan is
    counted where it stands as a whole (never inside a longer numeral, year
    or slogan); its reordered, extended or re-spelt forms are one lineage
    (↳ rows). YEARS: the reports read, all when none given, a span
    1993..1998 for the series' years in it; the marks compare the reports
    read (`slogans 1993 1998` compares those two), and the series' other
    reports decide new against returned and retired against left out.
    `--json` gives every occurrence with its offsets and section.

    \b
    erqi-diff slogans
    erqi-diff slogans 1993..1998
    erqi-diff slogans 2016 2017 --json
    erqi-diff slogans --csv --lexicon my-formulas.toml
    """
    from erqi_diff.core import snapshot as store
    from erqi_diff.extract.lexicon import load as load_lexicon
    from erqi_diff.extract.slogans import extract, years_in
    from erqi_diff.summarize.series import slogan_rows

    json_or_csv(as_json, as_csv)
    project = get_project()
    lexicon = load_lexicon(project.root, lexicon_file)
    snaps = store.load_many(project, parse_years(years, project.years) or None)
    found = extract(snaps, lexicon)
    if as_json:
        emit_json("slogans", found)
        return
    shown = [s.year for s in snaps]
    others = store.load_available(project, [y for y in project.years if y not in shown])
    # the series' other reports: a slogan standing in one before is returned, in one after left out
    elsewhere = years_in(found, others, lexicon) if others else {}
    rows = slogan_rows(found, shown, elsewhere)
    if as_csv:
        from erqi_diff.views.terminal.slogans import slogans_csv

        click.echo(slogans_csv(rows, shown, elsewhere), nl=False)
        return
    empty = [y for y in shown if not any(y in s.counts for s in found)]

    def render(console):
        from erqi_diff.views.terminal.slogans import slogans_view

        if found:
            slogans_view(console, rows, shown, empty, elsewhere)
        else:
            console.print(f"No slogans found in {', '.join(map(str, shown))}.")

    output(render, no_pager=no_pager)

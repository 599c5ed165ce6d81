"""``erqi-diff slogans``: a thin wrapper over :mod:`erqi_diff.extract.slogans`
(``metrics``, ``goals`` and ``targets`` are in :mod:`erqi_diff.cli.facts`)."""

from __future__ import annotations

import click

from erqi_diff.views.terminal.extract import slogans_view
from erqi_diff.cli.common import emit_json, get_project, json_option, output, pager_option, parse_years, root_option


def _load(years: tuple[str, ...]):
    from erqi_diff.core import snapshot as store

    project = get_project()
    wanted = parse_years(years) or None
    return project, store.load_many(project, wanted)


def _years_label(snaps) -> str:
    return ", ".join(str(s.year) for s in snaps)


def _show(found: list, snaps, as_json: bool, no_pager: bool, kind: str, why: str, body) -> None:
    """``--json`` (the records' ``to_json()``), or the view: ``body(console)``
    when something was found, else one line saying nothing was (and ``why``)."""
    if as_json:
        emit_json(kind, found)
        return

    def render(console):
        if found:
            body(console)
        else:
            console.print(f"No {kind} found in {_years_label(snaps)}{why}.")

    output(render, no_pager=no_pager)


@click.command()
@click.argument("years", nargs=-1, metavar="[YEARS...]")
@json_option
@pager_option
@root_option
def slogans(years: tuple[str, ...], as_json: bool, no_pager: bool) -> None:
    """Slogans (提法) by year: counts, first and last year, new and retired.

    Quoted formulas, numbered formulas (三定四推五落实, 8个100%), parallel
    series (品质二七、田园二七、温暖二七) and named campaigns; variants of one
    slogan across years are shown as one lineage. All years when none given.

    \b
    erqi-diff slogans
    erqi-diff slogans 2016 2017 --json
    """
    from erqi_diff.extract.slogans import extract

    _, snaps = _load(years)
    found = extract(snaps)
    shown = [s.year for s in snaps]
    empty = [y for y in shown if not any(y in s.counts for s in found)]

    def body(console):
        slogans_view(console, found, shown, empty)

    _show(found, snaps, as_json, no_pager, "slogans", "", body)

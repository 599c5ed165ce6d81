"""``erqi-diff metrics`` and ``goals``: thin wrappers over
:mod:`erqi_diff.extract.metrics` and :mod:`erqi_diff.extract.goals` (``slogans`` is in
:mod:`erqi_diff.cli.slogans`)."""

from __future__ import annotations

import click

from erqi_diff.errors import UsageError
from erqi_diff.views.terminal.extract import goals_view, metrics_view
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
@click.option("--indicator", metavar="TEXT",
              help="Only this indicator: a name (地区生产总值), an alias (GDP, 国内生产总值) or part of a name.")
@json_option
@pager_option
@root_option
def metrics(years: tuple[str, ...], indicator: str | None, as_json: bool, no_pager: bool) -> None:
    """Metrics by indicator and year: value, growth, period and trend.

    A half-year or to-date figure is marked with its period and never
    compared with a full year. All years when none given.

    \b
    erqi-diff metrics
    erqi-diff metrics 2017 2018 --indicator GDP
    erqi-diff metrics --json
    """
    from erqi_diff.extract.metrics import extract_many, indicators, match_indicator

    _, snaps = _load(years)
    records = extract_many(snaps)
    if indicator is not None:
        names = indicators(records)
        hits = match_indicator(indicator, names)
        if not hits:
            listed = ", ".join(names) or "none"
            raise UsageError(f"no indicator matches {indicator!r} in {_years_label(snaps)}; "
                             f"indicators there: {listed}")
        records = [r for r in records if r.indicator in hits]
    empty = [s.year for s in snaps if not any(r.year == s.year for r in records)]

    def body(console):
        metrics_view(console, records, empty)

    _show(records, snaps, as_json, no_pager, "metrics",
          " (no sentence names a known indicator with a number)", body)


@click.command()
@click.argument("years", nargs=-1, metavar="[YEARS...]")
@json_option
@pager_option
@root_option
def goals(years: tuple[str, ...], as_json: bool, no_pager: bool) -> None:
    """Goals set (力争, 确保, 计划, 预期目标...) and what later reports say.

    Each goal of YEARS is linked to the first later report of the series
    that reports on it (ratio = outcome / target); a goal no later report
    speaks of is shown as open. All years when none given.

    \b
    erqi-diff goals
    erqi-diff goals 2016 --json
    """
    from erqi_diff.core import snapshot as store
    from erqi_diff.extract.goals import extract_many

    project, snaps = _load(years)
    pool = snaps if not years else store.load_many(project)
    found = extract_many(snaps, link_with=pool)
    empty = [s.year for s in snaps if not any(g.year == s.year for g in found)]

    def body(console):
        goals_view(console, found, empty)

    _show(found, snaps, as_json, no_pager, "goals", " (no sentence sets a target with a number)", body)

"""``erqi-diff metrics``, ``goals`` and ``targets``: thin wrappers over
:mod:`erqi_diff.extract.metrics` and :mod:`erqi_diff.extract.goals`.

Each prints a terminal table, ``--json`` (the fact records of
:mod:`erqi_diff.extract.facts` and the links of :mod:`erqi_diff.extract.links`
through the one encoder) or ``--csv`` (the columns of :mod:`erqi_diff.views.facts`).
"""

from __future__ import annotations

import click

from erqi_diff.cli.common import emit_json, get_project, json_option, output, pager_option, parse_years, root_option


def csv_option(f):
    return click.option("--csv", "as_csv", is_flag=True, help="Print the table as CSV (a header row, one record a row).")(f)


def indicator_option(f):
    return click.option("--indicator", metavar="TEXT",
                        help="Only this indicator: its name or one of its words (GDP, 国内生产总值, 城镇新增就业).")(f)


def _check(as_json: bool, as_csv: bool) -> None:
    if as_json and as_csv:
        raise click.UsageError("--csv and --json cannot be used together")


def _label(snaps) -> str:
    return ", ".join(str(s.year) for s in snaps)


def _csv(columns, rows) -> None:
    from erqi_diff.views.facts import to_csv

    click.echo(to_csv(columns, rows), nl=False)


def _links_out(kind: str, links, as_json: bool, as_csv: bool) -> bool:
    """Goal links (``goals``, ``targets``) as JSON or CSV when asked; whether they were."""
    if as_json:
        emit_json(kind, links)
        return True
    if as_csv:
        from erqi_diff.views.facts import GOAL_COLUMNS, goal_row

        _csv(GOAL_COLUMNS, [goal_row(lk) for lk in links])
        return True
    return False


@click.command()
@click.argument("years", nargs=-1, metavar="[YEARS...]")
@indicator_option
@json_option
@csv_option
@pager_option
@root_option
def metrics(years: tuple[str, ...], indicator: str | None, as_json: bool, as_csv: bool, no_pager: bool) -> None:
    """Outcomes of the canonical indicators (GDP, prices, jobs...), by figure year.

    Each figure is filed under the year it describes ("2020 · report 2021"):
    a report given in March speaks of the year before. A trend arrow only
    compares a figure with the one before it of the same measure and period.
    YEARS: the reports read (not the years the figures describe), all when
    none given, a span 2022..2025 for the series' years in it.

    \b
    erqi-diff metrics
    erqi-diff metrics 2017 2018 --indicator GDP
    erqi-diff metrics --csv > metrics.csv
    """
    from erqi_diff.core import snapshot as store
    from erqi_diff.extract import metrics as m

    _check(as_json, as_csv)
    project = get_project()
    snaps = store.load_many(project, parse_years(years, project.years) or None)
    records = m.extract_many(snaps)
    if indicator is not None:
        records = m.select(records, indicator, _label(snaps))
    rows = m.trends(records)
    if as_json:
        emit_json("metrics", records)
        return
    if as_csv:
        from erqi_diff.views.facts import METRIC_COLUMNS, metric_row

        _csv(METRIC_COLUMNS, [metric_row(f, t) for f, t in rows])
        return
    empty = [s.year for s in snaps if not any(r.year == s.year for r in records)]

    def render(console):
        from erqi_diff.views.terminal.facts import metrics_view

        if records:
            metrics_view(console, rows, empty)
        else:
            console.print(f"No metrics found in {_label(snaps)} (no figure of a known indicator).", soft_wrap=True)

    output(render, no_pager=no_pager)


@click.command()
@click.argument("years", nargs=-1, metavar="[YEARS...]")
@json_option
@csv_option
@pager_option
@root_option
def goals(years: tuple[str, ...], as_json: bool, as_csv: bool, no_pager: bool) -> None:
    """Goals set (targets and plans) and what later reports say of them.

    Each goal of YEARS is linked to the outcome a later report of the series
    gives for the same thing and year, and judged: met, missed (with the
    margin), not comparable or open (with the reason). All years when none
    given; a span 1992..1995 stands for the series' years in it.

    \b
    erqi-diff goals
    erqi-diff goals 2016 --json
    """
    from erqi_diff.extract.goals import for_project

    _check(as_json, as_csv)
    project = get_project()
    wanted = parse_years(years, project.years) or None
    links = for_project(project, wanted)
    if _links_out("goals", links, as_json, as_csv):
        return
    shown = wanted or project.years
    empty = [y for y in shown if not any(lk.goal.year == y for lk in links)]

    def render(console):
        from erqi_diff.views.terminal.facts import goals_view

        if links:
            goals_view(console, links, empty)
        else:
            console.print(f"No goals found in {', '.join(map(str, shown))} (no sentence sets a target with a figure; "
                          "a plan restated with its progress, as N个项目已开工M个, is not counted).",
                          soft_wrap=True)

    output(render, no_pager=no_pager)


@click.command()
@click.argument("years", nargs=-1, metavar="[YEARS...]")
@indicator_option
@json_option
@csv_option
@pager_option
@root_option
def targets(years: tuple[str, ...], indicator: str | None, as_json: bool, as_csv: bool, no_pager: bool) -> None:
    """The targets panel: indicator by figure year, target, outcome, verdict, margin.

    Targets set in YEARS (all when none given; a span 2022..2025 for the
    series' years in it) for a canonical indicator,
    each with the outcome a later report gives and the report it came from.

    \b
    erqi-diff targets
    erqi-diff targets 2022 2023 --indicator GDP
    erqi-diff targets --csv > targets.csv
    """
    from erqi_diff.errors import UsageError
    from erqi_diff.extract import goals as g
    from erqi_diff.extract import indicators as ind

    _check(as_json, as_csv)
    project = get_project()
    wanted = parse_years(years, project.years) or None
    panel = g.targets(g.for_project(project, wanted))
    if indicator is not None:
        names = ind.resolve(indicator)
        hits = [lk for lk in panel if lk.goal.indicator in names]
        if not hits:
            there = [n for n in ind.names() if any(lk.goal.indicator == n for lk in panel)]
            raise UsageError(f"no indicator matches {indicator!r} among the targets; indicators there: "
                             f"{', '.join(there) or 'none'}")
        panel = hits
    if _links_out("targets", panel, as_json, as_csv):
        return

    def render(console):
        from erqi_diff.views.terminal.facts import targets_view

        if panel:
            targets_view(console, panel)
        else:
            console.print("No target of a known indicator found in "
                          f"{', '.join(map(str, wanted or project.years))}.", soft_wrap=True)

    output(render, no_pager=no_pager)

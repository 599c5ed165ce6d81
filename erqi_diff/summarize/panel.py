"""Targets and metrics of a whole series by indicator and figure year, the
panel of ``erqi-diff browse``, and one series of it as chart points.

A row is one target (a goal of a canonical indicator, linked and judged as
``erqi-diff targets`` shows it: :func:`erqi_diff.extract.goals.targets`), or
the outcomes (``erqi-diff metrics``) of one series and figure year that no
target speaks of. A series is an indicator with one measure and period (a
half year is never set against a full year, a growth never against a
level); its unit is the row's, and a figure in another unit joins the chart
only when it converts (万吨 and 亿吨; :func:`erqi_diff.extract.verdicts.convert`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from erqi_diff.extract.facts import Fact, Measure, Period
from erqi_diff.extract.links import Link
from erqi_diff.extract.verdicts import Verdict


@dataclass(frozen=True)
class FigureRow:
    """One row of the panel: ``indicator``, its ``measure``, ``period`` and
    ``unit``, the ``figure_year`` described (None when the text does not
    settle it); ``target``, the judged target (None for a row of outcomes
    only); ``outcomes``, what the reports say of this series and figure year,
    the target's own outcome first, then the latest report first."""

    indicator: str
    measure: Measure
    period: Period | None
    unit: str
    figure_year: int | None
    target: Link | None
    outcomes: tuple[Fact, ...]

    @property
    def outcome(self) -> Fact | None:
        """The outcome shown: the one the target was judged by, else the latest report's."""
        if self.target is not None:
            return self.target.outcome
        return self.outcomes[0] if self.outcomes else None

    @property
    def fact(self) -> Fact:
        """The row's own figure: the target, else its outcome."""
        if self.target is not None:
            return self.target.goal
        return self.outcomes[0]


@dataclass(frozen=True)
class FiguresPanel:
    """The panel of a series: ``years`` (reports, oldest first), ``rows`` by
    indicator (the indicators table's order), series, then figure year;
    ``no_targets`` and ``no_metrics``: the reports that set no target of a
    known indicator, and those that give no metric."""

    years: tuple[int, ...]
    rows: tuple[FigureRow, ...]
    no_targets: tuple[int, ...]
    no_metrics: tuple[int, ...]


#: The order of an indicator's series in the panel: full years first, growth before level.
_PERIODS = [Period.YEAR, Period.YEAR_END, Period.HALF, Period.QUARTER, Period.TO_DATE, Period.MULTI_YEAR, None]
_MEASURES = [Measure.GROWTH, Measure.LEVEL, Measure.CHANGE, Measure.RATIO]


def _key(fact: Fact) -> tuple:
    return (fact.indicator, fact.measure, fact.period, fact.unit, fact.figure_year)


def figures_panel(snapshots: Sequence) -> FiguresPanel:
    """The panel of ``snapshots`` (the whole series, oldest first): targets
    linked to outcomes in every later report, and the metrics."""
    from erqi_diff.extract import goals, metrics
    from erqi_diff.extract import indicators as ind

    snaps = sorted(snapshots, key=lambda s: s.year)
    targets = goals.targets(goals.extract_many(snaps))
    found = metrics.extract_many(snaps)
    by_key: dict[tuple, list[Fact]] = {}
    for fact in sorted(found, key=lambda f: (-f.year, f.quote_start)):
        by_key.setdefault(_key(fact), []).append(fact)
    rows: list[FigureRow] = []
    for lk in targets:
        g = lk.goal
        said = by_key.get(_key(g), [])
        own = (lk.outcome,) if lk.outcome is not None else ()
        rest = tuple(f for f in said if lk.outcome is None or (f.year, f.quote_start) != (lk.outcome.year,
                                                                                          lk.outcome.quote_start))
        rows.append(FigureRow(g.indicator or "", g.measure, g.period, g.unit, g.figure_year, lk, own + rest))
    covered = {_key(r.target.goal) for r in rows if r.target is not None}
    for key, facts in by_key.items():
        if key not in covered:
            f = facts[0]
            rows.append(FigureRow(f.indicator or "", f.measure, f.period, f.unit, f.figure_year, None, tuple(facts)))
    order = {name: i for i, name in enumerate(ind.names())}
    rows.sort(key=lambda r: (order.get(r.indicator, 99), r.indicator, _PERIODS.index(r.period), _MEASURES.index(r.measure),
                             r.unit, r.figure_year or 0, r.fact.year, r.fact.quote_start))
    years = tuple(s.year for s in snaps)
    return FiguresPanel(years, tuple(rows), tuple(y for y in years if not any(lk.goal.year == y for lk in targets)),
                        tuple(y for y in years if not any(f.year == y for f in found)))


@dataclass(frozen=True)
class ChartPoint:
    """One figure year of a series: the ``target`` (a value or a ``(low,
    high)`` range) and the ``outcome``, both in the chart's unit (None where
    there is none, or where it does not convert), the ``verdict`` (None for
    a row without a target), and the ``row`` they come from."""

    figure_year: int
    target: float | tuple[float, float] | None
    outcome: float | None
    verdict: Verdict | None
    row: FigureRow


@dataclass(frozen=True)
class Chart:
    """A series as points (oldest figure year first): ``indicator``,
    ``measure``, ``period``, ``unit`` (the chart's); ``left_out``, figures of
    the series whose unit does not convert to it or whose year is unsettled."""

    indicator: str
    measure: Measure
    period: Period | None
    unit: str
    points: tuple[ChartPoint, ...]
    left_out: int


def _in(value: float | None, unit: str, to_unit: str) -> float | None:
    from erqi_diff.extract.verdicts import convert

    return None if value is None else convert(float(value), unit, to_unit)


def _value(fact: Fact | None, unit: str) -> float | tuple[float, float] | None:
    if fact is None or fact.value is None:
        return None
    if isinstance(fact.value, tuple):
        low, high = _in(fact.value[0], fact.unit, unit), _in(fact.value[1], fact.unit, unit)
        return None if low is None or high is None else (low, high)
    return _in(fact.value, fact.unit, unit)


def chart(panel: FiguresPanel, row: FigureRow) -> Chart:
    """The series of ``row`` (its indicator, measure and period) in ``row``'s unit."""
    unit = row.unit
    points, left_out = [], 0
    for r in panel.rows:
        if (r.indicator, r.measure, r.period) != (row.indicator, row.measure, row.period):
            continue
        target = _value(r.target.goal, unit) if r.target is not None else None
        outcome = _value(r.outcome, unit)
        if isinstance(outcome, tuple):  # an outcome given as a range is not a point
            outcome = None
        if r.figure_year is None or (target is None and outcome is None):
            left_out += 1
            continue
        points.append(ChartPoint(r.figure_year, target, outcome, r.target.verdict if r.target else None, r))
    points.sort(key=lambda p: (p.figure_year, p.row.fact.year))
    return Chart(row.indicator, row.measure, row.period, unit, tuple(points), left_out)

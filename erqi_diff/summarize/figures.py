"""The figures of a changelog: goals with what later reports say of them,
and the key metrics of two reports side by side.

Typed throughout: goals are :class:`erqi_diff.extract.links.Link`, figures
:class:`erqi_diff.extract.facts.Fact`. A figure is always filed under the
year it describes (its ``figure_year``), and two figures are compared only
like for like: the same measure, period, unit and base (a half year is never
set against a full year, a growth never against a level).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from erqi_diff.extract.facts import Fact, Measure, Period
from erqi_diff.extract.numbers import Modifier

#: How many headline metrics the summary shows.
HEADLINE_METRICS = 6
PERCENT_UNITS = ("%", "个百分点", "‰")


_SUPERSEDED = re.compile(r"原定[^，；。]{0,10}$")


@dataclass(frozen=True)
class GoalChanges:
    """``new``: the goals the newer report sets (their outcomes are for later
    reports; a goal it restates, for a year before its own or a span begun
    years before, is not new: 去年政府工作报告提出…, 提前实现了…翻两番的目标);
    ``previous``: the older report's goals (an old figure it replaces aside),
    with the verdict of the report that speaks of them (``outcome.year`` says which)."""

    new: tuple  # erqi_diff.extract.links.Link
    previous: tuple


def goal_changes(links: Iterable, before: int, after: int) -> GoalChanges:
    links = list(links)
    return GoalChanges(_once(lk for lk in links if lk.goal.year == after and not _restated(lk.goal)),
                       _once(lk for lk in links if lk.goal.year == before and not _superseded(lk.goal)))


def _once(links: Iterable) -> tuple:
    """Each goal once: a report states its GDP target in the summary and again
    in the task (the same indicator, figure, unit and year: the first kept)."""
    seen, out = set(), []
    for lk in links:
        g = lk.goal
        key = (g.indicator, g.measure, g.period, g.figure_year, g.figure_span, g.value, g.unit) if g.indicator else id(g)
        if key not in seen:
            seen.add(key)
            out.append(lk)
    return tuple(out)


def _restated(goal: Fact) -> bool:
    """A goal of an earlier report said again: for a year before the report's,
    over a span that began more than a year before it, or the old figure a
    report replaces (由原定平均每年百分之六调高到百分之八至九: 6 was set before)."""
    if _superseded(goal):
        return True
    if goal.figure_span:
        return goal.figure_span[0] < goal.year - 1
    return goal.figure_year is not None and goal.figure_year < goal.year


def _superseded(goal: Fact) -> bool:
    """The old figure of a goal the report replaces (由原定…百分之六调高到…)."""
    return bool(_SUPERSEDED.search(goal.text[:goal.quote_start - goal.start]))


@dataclass(frozen=True)
class MetricRow:
    """One indicator in two reports: each report's key figure (``before``,
    ``after``). ``like_for_like`` is False when they are of different series
    (measure, period, unit, base); then no change is given, only ``note``
    saying why. ``change`` is after − before in the unit (points for rates),
    ``change_pct`` that change as a % of before (levels only, not rates)."""

    indicator: str
    before: Fact | None
    after: Fact | None
    like_for_like: bool
    change: float | None
    change_pct: float | None
    note: str

    @property
    def show_period(self) -> bool:
        """Whether a view should name the periods: they differ, or neither is a full year."""
        periods = {f.period for f in (self.before, self.after) if f is not None}
        return periods != {Period.YEAR}


def _scalar(fact: Fact) -> float | None:
    return None if fact.value is None or fact.is_range else float(fact.low or 0)


def compare_metric(indicator: str, before: Fact, after: Fact) -> MetricRow:
    """Two figures of one indicator, compared only like for like; units that
    differ only by magnitude convert (95933亿元 against 10.2万亿元: the change
    in 万亿元). A bound (突破5000亿美元, 超过…) gives no exact change."""
    from erqi_diff.extract.metrics import base_of, unit_factor

    factor = unit_factor(before.unit, after.unit)
    parts = [(before.measure, after.measure), (before.period, after.period), (base_of(before), base_of(after))]
    if factor is None:  # 亿元 and 万亿元 convert; 亿元 and 亿美元 do not
        parts.insert(2, (before.unit, after.unit))
    for a, b in parts:
        if a != b:
            shown_a = getattr(a, "value", a) or "unstated"
            shown_b = getattr(b, "value", b) or "unstated"
            return MetricRow(indicator, before, after, False, None, None,
                             f"not like for like: {shown_a} against {shown_b}")
    old, new = _scalar(before), _scalar(after)
    if old is None or new is None or factor is None:
        return MetricRow(indicator, before, after, True, None, None, "")
    if {before.modifier, after.modifier} & {Modifier.AT_LEAST, Modifier.AT_MOST}:
        return MetricRow(indicator, before, after, True, None, None, "a bound (超过, 突破, 以内…): no exact change")
    old *= factor
    change = round(new - old, 6)
    pct = None
    if old and before.measure is Measure.LEVEL and after.unit not in PERCENT_UNITS:
        pct = round(100.0 * change / old, 1)
    return MetricRow(indicator, before, after, True, change, pct, "")


#: report year -> indicator -> the figure shown for it (:func:`key_metrics`).
KeyMetrics = Mapping[int, Mapping[str, Fact]]


#: report year -> every metric figure of the report (:func:`metrics.extract`).
MetricFacts = Mapping[int, tuple[Fact, ...]]


def key_metrics(snaps: list) -> tuple[dict[int, dict[str, Fact]], tuple[str, ...], dict[int, tuple[Fact, ...]]]:
    """report year -> indicator -> its key figure (:func:`metrics.key_metric`),
    indicators in the table's order; the headline indicators; and every
    metric figure of each report (to pair two reports' figures like for like)."""
    from erqi_diff.extract import metrics

    key: dict[int, dict[str, Fact]] = {}
    every: dict[int, tuple[Fact, ...]] = {}
    for snap in snaps:
        mine = metrics.extract(snap)
        every[snap.year] = tuple(mine)
        shown = {}
        for name in metrics.indicators(mine):
            fact = metrics.key_metric(mine, name)
            if fact is not None:
                shown[name] = fact
        key[snap.year] = shown
    return key, tuple(metrics.KEY_INDICATORS), every


def metric_rows(key: KeyMetrics, before: int, after: int, every: MetricFacts | None = None) -> tuple[MetricRow, ...]:
    """Indicators found in both reports, in the newer report's order; with
    ``every``, the figures paired like for like where the key ones are not
    (:func:`erqi_diff.extract.metrics.key_pair`)."""
    from erqi_diff.extract.metrics import key_pair

    old, new = key.get(before, {}), key.get(after, {})
    rows = []
    for name, fact in new.items():
        if name in old:
            left, right = key_pair(every[before], every[after], name) if every else (old[name], fact)
            row = compare_metric(name, left or old[name], right or fact)
            if every and row.change is None:
                row = _exact_pair(every[before], every[after], row) or row
            rows.append(row)
    return tuple(rows)


def _exact_pair(a: Sequence[Fact], b: Sequence[Fact], row: MetricRow) -> MetricRow | None:
    """Where the key figures give no exact change (a bound: 突破3万亿元 against
    43800亿元; or not like for like), the first pair of the two reports'
    figures of the same indicator and of the same years as the key figures
    that does (the same sentence's 增长百分之十三点四 against 增长百分之十一点八),
    the key figures' own order kept (levels, then growths, in text order);
    None when there is none."""
    if row.before is None or row.after is None:
        return None
    years = (row.before.figure_year, row.after.figure_year)

    def own(facts: Sequence[Fact], year: int | None) -> list[Fact]:
        mine = [f for f in facts if f.indicator == row.indicator and f.figure_year == year and f.period is Period.YEAR]
        return sorted(mine, key=lambda f: (f.measure is not Measure.LEVEL, f.measure is not Measure.GROWTH, f.quote_start))

    for x in own(a, years[0]):
        for y in own(b, years[1]):
            if x is row.before and y is row.after:
                continue
            found = compare_metric(row.indicator, x, y)
            if found.change is not None:
                return found
    return None


@dataclass(frozen=True)
class Headline:
    """An indicator's earliest and latest figures in the span, compared."""

    indicator: str
    first: Fact
    last: Fact
    change: MetricRow


def headline_metrics(key: KeyMetrics, years: list[int], preferred: tuple[str, ...] = (),
                     limit: int = HEADLINE_METRICS, every: MetricFacts | None = None) -> tuple[Headline, ...]:
    """Indicators reported in at least two reports of the span, with their
    earliest and latest figures of one series where two are (full years
    first; among all of each report's figures with ``every``): the
    ``preferred`` ones first, then those reported most often."""
    order: dict[str, int] = {}
    for year in years:
        for name in key.get(year, {}):
            order.setdefault(name, len(order))
    counts = {name: sum(name in key.get(y, {}) for y in years) for name in order}
    rank = {name: i for i, name in enumerate(preferred)}
    chosen = sorted((n for n in order if counts[n] >= 2),
                    key=lambda n: (rank.get(n, len(rank)), -counts[n], order[n]))[:limit]
    out = []
    for name in chosen:
        keyed = [key[y][name] for y in years if name in key.get(y, {})]
        seen = [f for y in years for f in every.get(y, ()) if f.indicator == name] if every else keyed
        first, last = _first_and_last(seen or keyed, keyed)
        out.append(Headline(name, first, last, compare_metric(name, first, last)))
    return tuple(out)


def _first_and_last(seen: list[Fact], keyed: list[Fact] | None = None) -> tuple[Fact, Fact]:
    """The earliest and latest figures (by figure year) of one series, full
    years preferred, then the widest span, then levels; the very first and
    last of ``keyed`` (the reports' key figures; default ``seen``) when no
    two figures are of one series."""
    from erqi_diff.extract.metrics import comparable_key

    groups: dict[tuple, list[Fact]] = {}
    for fact in seen:
        groups.setdefault(comparable_key(fact), []).append(fact)
    pairs = []
    for facts in groups.values():
        exact = [f for f in facts if f.modifier not in (Modifier.AT_LEAST, Modifier.AT_MOST)]
        facts = sorted(exact if len(exact) >= 2 else facts, key=lambda f: (f.figure_year or 0, f.year))
        if len(facts) >= 2 and facts[0].figure_year != facts[-1].figure_year:
            span = (facts[-1].figure_year or 0) - (facts[0].figure_year or 0)
            pairs.append((facts[0].period is not Period.YEAR, -span, facts[0].measure is not Measure.LEVEL,
                          facts[0].year, facts[0], facts[-1]))
    if not pairs:
        keyed = keyed or seen
        return keyed[0], keyed[-1]
    best = min(pairs, key=lambda t: t[:4])
    return best[4], best[5]

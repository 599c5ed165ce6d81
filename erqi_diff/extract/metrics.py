"""Metrics: the outcomes the reports give for the canonical indicators.

``erqi-diff metrics`` shows a fact (:class:`~erqi_diff.extract.facts.Fact`)
when it is an outcome (actual or estimate) of a canonical indicator
(:mod:`erqi_diff.extract.indicators`) whose figure year the text settles.
Figures of anything else (a concrete count: 20条道路建成通车) are not
metrics; goals are not metrics (:mod:`erqi_diff.extract.goals`). The
development set measures precision on exactly these records
(``benchmarks/score_facts.py``).

Pure, regex only: the strip of ``erqi-diff A B`` reads its metrics here.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

from erqi_diff.errors import UsageError
from erqi_diff.extract import indicators as ind
from erqi_diff.extract.facts import Fact, Measure, Period, read_facts
from erqi_diff.extract.numbers import to_base
from erqi_diff.extract.bases import base_year
from erqi_diff.extract.coverage import coverage_of
from erqi_diff.extract import keymetric
from erqi_diff.extract.keymetric import KEY_INDICATORS as KEY_INDICATORS  # re-exported: the strip and the changelog read it here


def is_metric(fact: Fact) -> bool:
    """Does ``erqi-diff metrics`` show this fact?"""
    return fact.indicator is not None and fact.kind.is_outcome and fact.figure_year is not None


def extract(snapshot) -> list[Fact]:
    """The metrics of one snapshot, in text order; a figure the report
    gives again (a news page's headline GDP增长9% over its story's
    地区生产总值…增长9%) once, where it first stands."""
    out: list[Fact] = []
    seen: set[tuple] = set()
    for f in read_facts(snapshot):
        if is_metric(f) and (key := _said(f)) not in seen:
            seen.add(key)
            out.append(f)
    return out


def _said(fact: Fact) -> tuple:
    """What a figure says: the same key is the same figure said again."""
    return (fact.indicator, fact.measure, fact.period, fact.figure_year, fact.figure_span, fact.value, fact.unit,
            fact.modifier, fact.kind, base_of(fact))


def extract_many(snapshots: Iterable) -> list[Fact]:
    """The metrics of several snapshots, report by report (oldest first)."""
    return [f for snap in sorted(snapshots, key=lambda s: s.year) for f in extract(snap)]


def indicators(records: Iterable[Fact]) -> list[str]:
    """The indicators present, in the order of the table (:mod:`erqi_diff.extract.indicators`)."""
    present = {r.indicator for r in records}
    return [name for name in ind.names() if name in present]


def select(records: list[Fact], query: str, where: str) -> list[Fact]:
    """The records of the indicators ``query`` asks for (a name or one of its
    words, case-insensitive: GDP, 国内生产总值; never 单位GDP能耗 for GDP).
    :class:`UsageError` listing the indicators there are when none matches."""
    wanted = ind.resolve(query)
    hits = [r for r in records if r.indicator in wanted]
    if not hits:
        listed = ", ".join(indicators(records)) or "none"
        raise UsageError(f"no indicator matches {query!r} in {where}; indicators there: {listed}")
    return hits


def series_key(fact: Fact) -> tuple:
    """Facts that can be set side by side, one trend: same indicator, measure,
    period, unit, base and coverage (a half year is never set against a full
    year, 工业总产值（不包括村办工业） never against 工业总产值): the tuple
    (indicator, measure, period, unit, base, coverage)."""
    return (fact.indicator, fact.measure, fact.period, fact.unit, base_of(fact), coverage_of(fact.what))


_PREVIOUS = frozenset({"比上年", "比去年", "比上一年", "较上年", "较去年", "同上年", "与上年"})


def base_of(fact: Fact) -> str | None:
    """The base of a growth, the year before said in any of its ways (比上年,
    比去年, 一九七八年比一九七七年, or not said of a year's growth: 一九八三年，
    全国工业总产值增长10.5%: "比上年"), else as written."""
    if fact.base in _PREVIOUS or (fact.base is None and fact.measure is Measure.GROWTH and fact.period is Period.YEAR):
        return "比上年"
    named = base_year(fact.base)
    if named is not None and fact.figure_year is not None and named == fact.figure_year - 1:
        return "比上年"
    return fact.base


def unit_factor(unit: str, to_unit: str) -> float | None:
    """What one ``unit`` is in ``to_unit`` when the two differ only by a
    magnitude (1 万亿元 = 10000 亿元; reports write 万亿 once a total passes
    it), else None (亿元 and 亿美元, % and 元)."""
    if unit == to_unit:
        return 1.0
    one, base = to_base(1.0, unit)
    other, other_base = to_base(1.0, to_unit)
    return one / other if base == other_base and other else None


def comparable_key(fact: Fact) -> tuple:
    """:func:`series_key` with the unit's magnitude set aside (亿元 and 万亿元
    are one unit: reports write 万亿 once a total passes it)."""
    return (fact.indicator, fact.measure, fact.period, to_base(1.0, fact.unit or "")[1], base_of(fact),
            coverage_of(fact.what))


def like_for_like(a: Fact, b: Fact) -> bool:
    """Two facts that can be set side by side: one series, or differing only
    by their unit's magnitude (95933亿元 and 10.2万亿元)."""
    return comparable_key(a) == comparable_key(b)


def info(fact: Fact) -> tuple:
    """What choosing a fact to show needs of it (:data:`erqi_diff.extract.keymetric.Info`)."""
    return (fact.indicator, fact.period is Period.YEAR, fact.figure_year or 0, fact.measure is Measure.LEVEL,
            fact.measure is Measure.GROWTH, fact.quote_start, comparable_key(fact))


def key_metric(records: Iterable[Fact], indicator: str, report: int | None = None) -> Fact | None:
    """The figure to show for ``indicator`` in one report's column (the strip,
    the changelog): the report's latest full year, its level first, then its
    growth; else any figure of it (its period says which)
    (:func:`erqi_diff.extract.keymetric.key_metric`)."""
    mine = [r for r in records if report is None or r.year == report]
    return keymetric.key_metric(mine, indicator, info)


def key_pair(a: Iterable[Fact], b: Iterable[Fact], indicator: str) -> tuple[Fact | None, Fact | None]:
    """The figures of ``indicator`` to set side by side from two reports
    (:func:`erqi_diff.extract.keymetric.key_pair`)."""
    return keymetric.key_pair(list(a), list(b), indicator, info)


class Trend(str, enum.Enum):
    """A figure against the one before it in its series (same indicator,
    measure, period, unit and base, an earlier figure year)."""

    UP = "up"
    DOWN = "down"
    SAME = "same"


def trends(records: list[Fact]) -> list[tuple[Fact, Trend | None]]:
    """``records`` in the order a table shows them (by indicator, then series,
    then figure year and report), each with its trend against the previous
    figure of its series; a restatement of a figure year already seen, a
    range, or a first figure has none."""
    order = {name: i for i, name in enumerate(ind.names())}
    ranked = sorted(records, key=lambda r: (order.get(r.indicator or "", 99), r.measure.value,
                                            (r.period or Period.YEAR).value, r.unit, base_of(r) or "",
                                            r.figure_year or 0, r.year, r.quote_start))
    out: list[tuple[Fact, Trend | None]] = []
    last: dict[tuple, Fact] = {}
    for r in ranked:
        key = series_key(r)
        prev = last.get(key)
        trend = None
        if prev is not None and prev.figure_year != r.figure_year and not prev.is_range and not r.is_range \
                and prev.value is not None and r.value is not None:
            a, b = float(prev.low or 0), float(r.low or 0)
            trend = Trend.UP if b > a else Trend.DOWN if b < a else Trend.SAME
        if prev is None or prev.figure_year != r.figure_year:
            last[key] = r
        out.append((r, trend))
    return out

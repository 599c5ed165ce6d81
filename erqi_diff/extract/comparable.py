"""When a goal and a later figure of its indicator cannot be set side by
side, whatever their values say (:mod:`erqi_diff.extract.links` asks before
it gives a verdict):

- another coverage: a figure in brackets for another coverage of the
  statistic (农业总产值（包括村办工业）) against the whole statistic, or the
  reverse (:func:`erqi_diff.extract.coverage.same_coverage`);
- prices not said: a money value set :data:`PRICED_AHEAD` years ahead or
  more (1988's 到1992年…国民生产总值达到15500亿元左右) against a later
  report's value (1992年国民生产总值接近24000亿元), neither sentence saying
  its prices (按1987年价格计算, 可比价格, 不变价…): the gap may be prices
  alone (the 1988 target was at 1987 prices: 10920亿元 grown 7.5% a year)."""

from __future__ import annotations

import re

from erqi_diff.extract.coverage import same_coverage
from erqi_diff.extract.facts import Fact, Measure
from erqi_diff.extract.verdicts import Judgement, Verdict

#: A money value set this many years ahead or more is judged by a later value only if a price basis is said.
PRICED_AHEAD = 3
_PRICE_BASIS = re.compile(r"价格计算|不变价|可比价|现价|当年价|按[^，。；]{0,8}价格")


def apart(goal: Fact, outcome: Fact, judged: Judgement) -> Judgement | None:
    """Not comparable, with the reason (see the module doc), or None; the
    prices only weigh against a verdict ``judged`` (met or missed) by value."""
    if not same_coverage(goal.what, outcome.what):
        return Judgement(Verdict.NOT_COMPARABLE, None, None,
                         f"another coverage: {_coverage_said(goal.what)} against {_coverage_said(outcome.what)}")
    ahead = _years_ahead(goal)
    if ahead is not None and judged.verdict in (Verdict.MET, Verdict.MISSED) and \
            not (_PRICE_BASIS.search(goal.text) or _PRICE_BASIS.search(outcome.text)):
        return Judgement(Verdict.NOT_COMPARABLE, None, None,
                         f"a value set {ahead} years ahead, its prices not said; the outcome is at its own year's prices")
    return None


def _years_ahead(goal: Fact) -> int | None:
    """How many years ahead a money level is set, from :data:`PRICED_AHEAD` on; else None."""
    if goal.measure is not Measure.LEVEL or "元" not in goal.unit or goal.figure_year is None:
        return None
    ahead = goal.figure_year - goal.year
    return ahead if ahead >= PRICED_AHEAD else None


def _coverage_said(what: str) -> str:
    return what if "（" in what else "the whole statistic"

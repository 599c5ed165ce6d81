"""Verdicts: how an outcome stands against its target.

:func:`judge` compares a goal with the outcome a later report gives for it:

- only like with like: the same measure (a level with a level, a growth
  with a growth), the same period (a year-end figure never judges an annual
  target), units that convert (万吨 and 亿吨, % and ‰), and a target with a
  figure; else ``not_comparable``, with the reason;
- the direction (which way is better): from the target's modifier where it
  gives one (以上: more is better; 以内: less is better; applied to the size
  of a decrease: 降低3.9%以上 is -3.9 and less is better), else from its verb
  (降到, 降低, 控制在, 减少, 压减: less; 提高到, 增加到, 达到, 突破: more), else
  from the indicator's table (:mod:`erqi_diff.extract.indicators`), else more;
- ``point``, ``at_least``, ``at_most``: met when the outcome reaches the
  target on the better side (equal is met);
- ``about`` (左右): as a point, but an outcome on the worse side by no more
  than the tolerance is met: 2% of the target, and at least 0.1 for a rate
  (% or 个百分点): 7.5%左右 is met by 7.4%, 5.5%左右 is missed by 3%;
- ``range``: met inside it or beyond it on the better side;
- an outcome that is itself a bound (超过2.4万亿元, 6600多万, 1.3万亿斤以上)
  settles only when the bound does: a floor at or beyond a floor target is
  met, a ceiling short of it missed (不超过5000万 against 6000万以上), and a
  bound on the other side of the target (超过5000万 against 6000万) leaves it
  unsure (not comparable);
- an approximate outcome (约, 近, 左右) settles only when the verdict holds
  over the approximation (2% of the figure, and at least 0.1 for a rate):
  近6000万 neither meets nor misses 6000万 (unsure), 近7000万 meets it;
- an outcome of a run of years (:func:`per_year`: 连续两年增长10%以上) says
  the same of each year of the run: it judges the target of its last year
  (the year it is dated to) as a figure of that year;
- ``margin`` = outcome − target in the target's unit (points for rates; for
  a range, against the bound on the worse side).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from erqi_diff.extract.facts import Fact, Measure, Period
from erqi_diff.extract.indicators import Better, better
from erqi_diff.extract.numbers import COUNT_UNITS, Modifier, tidy, to_base

_LESS_VERBS = re.compile(r"降到|降至|降低|下降|控制在|减少|压减|压缩|不超过|低于|回落到")
_MORE_VERBS = re.compile(r"提高到|增加到|达到|突破|超过")


class Verdict(str, enum.Enum):
    """What a later report's figure says of a goal."""

    MET = "met"
    MISSED = "missed"
    NOT_COMPARABLE = "not_comparable"  # an outcome was found, but no honest verdict exists (reason given)
    OPEN = "open"                      # no outcome found (reason given)


@dataclass(frozen=True)
class Judgement:
    """A verdict with its ``margin`` (outcome − target, in the target's unit;
    null unless met or missed), the ``better`` direction it was judged by, and
    the ``reason`` in words."""

    verdict: Verdict
    margin: float | None
    better: Better | None
    reason: str


def direction(goal: Fact) -> Better:
    """Which way is better for ``goal`` (see the module doc)."""
    low = goal.low or 0
    if goal.modifier is Modifier.AT_LEAST:
        return Better.LESS if low < 0 else Better.MORE
    if goal.modifier is Modifier.AT_MOST:
        return Better.MORE if low < 0 else Better.LESS
    clause = goal.text[:goal.quote_start - goal.start][-10:]
    verbs = [(m.start(), Better.LESS) for m in _LESS_VERBS.finditer(clause)]
    verbs += [(m.start(), Better.MORE) for m in _MORE_VERBS.finditer(clause)]
    table = better(goal.indicator)
    if verbs and not (goal.measure is Measure.GROWTH and table is not None):
        return max(verbs)[1]
    if table is not None:
        return table
    return max(verbs)[1] if verbs else Better.MORE


def convert(value: float, unit: str, to_unit: str) -> float | None:
    """``value`` in ``unit`` expressed in ``to_unit`` (49250万吨 -> 4.925亿吨,
    1.17% -> 11.7‰, 8所 -> 8个), or None when they do not convert."""
    if unit == to_unit:
        return value
    rates = {"%": 10.0, "‰": 1.0}
    if unit in rates and to_unit in rates:
        return value * rates[unit] / rates[to_unit]
    got, base = to_base(value, unit)
    one, want_base = to_base(1.0, to_unit)
    counts = COUNT_UNITS | {"人", "人次", "户"}
    if base != want_base and {base, want_base} <= counts | {""} and ({"个", ""} & {base, want_base}):
        base = want_base  # a generic 个 or a bare count counts what a 所, a 条 or 人 counts (6个项目, 8所学校)
    if base != want_base or one == 0:
        return None
    return got / one


def comparable(goal: Fact, outcome: Fact) -> str | None:
    """Why ``outcome`` cannot judge ``goal`` (None when it can)."""
    if goal.modifier is Modifier.ABSENT:
        return "the report sets no target for the year"
    if goal.value is None:
        return "the target has no figure (stated in words)"
    if outcome.value is None:
        return "the outcome has no figure"
    if goal.indicator != outcome.indicator and goal.indicator and outcome.indicator:
        return f"another indicator: the target is of {goal.indicator}, the outcome of {outcome.indicator}"
    if goal.measure is not outcome.measure:
        return f"another measure: a {goal.measure.value} target against a {outcome.measure.value} outcome"
    if goal.measure is Measure.GROWTH and goal.period is Period.MULTI_YEAR and yearly(goal) != yearly(outcome):
        return "a growth over the years against a yearly average" if yearly(outcome) else \
            "a yearly average against a growth over the years"  # 计划增长百分之二十一点七 / 平均每年增长百分之十一
    gp, op = goal.period or Period.YEAR, outcome.period or Period.YEAR
    if gp is Period.YEAR and op is Period.MULTI_YEAR and per_year(outcome):
        op = Period.YEAR  # 连续两年增长10%以上: each year's, its last year's too
    if gp is not op:
        return f"another period: a {op.value} figure against a {gp.value} target"
    if gp is Period.MULTI_YEAR and goal.figure_span and outcome.figure_span and goal.figure_span != outcome.figure_span:
        return "another span of years"
    if convert(1.0, outcome.unit, goal.unit) is None:
        return f"another unit: {outcome.unit or 'a count'} against {goal.unit or 'a count'}"
    return None


#: A target in words tying an indicator's growth to the economy's (居民收入增长与经济增长基本同步).
IN_STEP = re.compile(r"[与和]经济增长(?:基本)?同步")


def in_step(goal: Fact) -> bool:
    """``goal`` ties its indicator's growth to the economy's, in words."""
    return goal.value is None and bool(IN_STEP.search(goal.text, goal.quote_start - goal.start))


def judge_in_step(goal: Fact, outcome: Fact, economy: Fact) -> Judgement:
    """A target in step with the economy's growth is not judged (its words set
    no figure, and how close "in step" is they do not say), but the reason
    gives both growths the same report gives for the year, so that a reader
    can: ``outcome`` (the indicator's), ``economy`` (GDP's)."""
    if outcome.value is None or economy.value is None or outcome.is_range or economy.is_range \
            or not outcome.unit == economy.unit == "%" or outcome.measure is not Measure.GROWTH:
        return judge(goal, outcome)  # what a target in words always gets
    if outcome.period is Period.MULTI_YEAR or yearly(outcome):
        return Judgement(Verdict.NOT_COMPARABLE, None, None, "a growth over the years against the year's")
    pace = f"{tidy(float(outcome.low or 0))}% against the economy's {tidy(float(economy.low or 0))}% the same year"
    return Judgement(Verdict.NOT_COMPARABLE, None, None, f"the target is in words (in step with the economy): {pace}")


#: A run of years a figure holds in each of (连续两年, 连续3年): the words right before the figure's clause verb.
_RUN = re.compile(r"连续(?:[两二三四五六七八九十]|\d{1,2})年")
#: Words that make a figure a total or an average over the run, not each year's.
_OVER_RUN = re.compile(r"累计|合计|共计?|总计|年均|平均|总共|翻")


def per_year(f: Fact) -> bool:
    """``f`` (a figure over several years) holds in each year of a run (连续两年增长10%以上, 粮食产量连续
    三年稳定在1.3万亿斤以上): its clause names the run, and no total or average over it."""
    if f.period is not Period.MULTI_YEAR or f.figure_year is None or f.measure not in (Measure.GROWTH, Measure.LEVEL):
        return False
    lead = f.text[:f.quote_start - f.start]
    lead = lead[max(lead.rfind(c) for c in "，；：。") + 1:]
    return bool(_RUN.search(lead)) and not _OVER_RUN.search(lead) and not yearly(f)


def yearly(f: Fact) -> bool:
    """A growth given as a yearly average (年均, 平均每年递增)."""
    return f.base in ("年均", "平均每年", "每年平均", "年平均", "平均", "每年")


def judge(goal: Fact, outcome: Fact) -> Judgement:
    """The verdict of ``outcome`` on ``goal`` (see the module doc)."""
    why = comparable(goal, outcome)
    if why is None and outcome.is_range:
        why = "the outcome is a range"
    out = None if why else convert(float(outcome.low or 0), outcome.unit, goal.unit)
    if why or out is None:
        return Judgement(Verdict.NOT_COMPARABLE, None, None, why or "the units do not convert")
    way = direction(goal)
    more = way is Better.MORE
    if isinstance(goal.value, tuple):
        bound = goal.value[0] if more else goal.value[1]
    else:
        bound = float(goal.low or 0)
    tolerance = 0.0
    if goal.modifier is Modifier.ABOUT:
        tolerance = max(0.02 * abs(bound), 0.1 if goal.unit in ("%", "个百分点") else 0.0)

    def met(x: float) -> bool:
        return (x >= bound - tolerance - 1e-9) if more else (x <= bound + tolerance + 1e-9)

    verdict_met = met(out)
    if outcome.modifier is Modifier.ABOUT:  # 近6000万, 约5%: settled only when the approximation does not matter
        blur = max(0.02 * abs(out), 0.1 if goal.unit in ("%", "个百分点") else 0.0)
        if met(out - blur) != met(out + blur):
            return Judgement(Verdict.NOT_COMPARABLE, None, way,
                             "the outcome is approximate (约, 近, 左右) and too near the target to settle it")
    # An outcome that is itself a bound (超过2.4万亿元: 2.4 or more) settles only
    # when every value it allows gets the same verdict.
    if outcome.modifier in (Modifier.AT_LEAST, Modifier.AT_MOST):
        upward = (outcome.modifier is Modifier.AT_LEAST) == (out >= 0)
        if met(float("inf") if upward else float("-inf")) != verdict_met:
            return Judgement(Verdict.NOT_COMPARABLE, None, way, "the outcome is a bound that does not settle it")
    side = "more" if more else "less"
    named = _RUN.search(outcome.text) if per_year(outcome) else None
    run = f" (each year of the run it states: {named.group()})" if named else ""
    if outcome.modifier in (Modifier.AT_LEAST, Modifier.AT_MOST):
        run += f" (the outcome is a bound, {outcome.quote}: the margin is from it)"
    return Judgement(Verdict.MET if verdict_met else Verdict.MISSED, tidy(out - bound), way,
                     f"{side} is better; the outcome is {'within' if verdict_met else 'short of'} the target{run}")

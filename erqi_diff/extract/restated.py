"""Restated targets: figures of the goal kind that set no goal to follow up,
and a past target restated with its outcome in the same sentence, as
:mod:`erqi_diff.extract.links` reads them."""

from __future__ import annotations

import re
from dataclasses import replace

from erqi_diff.extract.facts import Fact, Kind, Measure
from erqi_diff.extract.verdicts import Judgement, judge
from erqi_diff.extract.wording import SPEED_AFTER, linking_only

#: The places a measure covers: the count first in its clause (or after 在), then the places and the measure.
_SCOPE_LEAD = re.compile(r"(?:^|[，；：。]|在)$")
_SCOPE_REST = re.compile(r"[^，；。]{0,14}?(?:县|市|城市|省|省份|自治区|地区|乡镇?|镇|村)(?:全面|全部|率先|继续)?"
                         r"(?:免征|免除|减征|减免|取消|实行|实施|推行|开展|进行)")
#: A figure pointed back to (这一百二十个项目建成后, 上述500个项目): one the report gave before, restated.
_BACK = re.compile(r"(?:这|这些|上述|前述)$")
#: A target replaced in its own sentence: 由原定…X调高到/调整为/改为 Y.
_SUPERSEDED_LEAD = re.compile(r"(?:由|从)原(?:定|计划|来的?)[^，；。]{0,12}$")
_SUPERSEDED_REST = re.compile(r"^[^，；。]{0,4}?(?:调高|调低|调整|提高|降低|改)(?:到|为|至)")


def no_goal_to_follow(goal: Fact, after: list[Fact]) -> bool:
    """Figures of the plan kind that set no goal of their report to follow up:

    - a list of projects sized in a sentence that says what it achieved
      (全年150个重大项目完成投资470亿元; 32个重大生态建设项目已开工24个): the
      plan an earlier report set, restated with its outcome;
    - the total investment of a list of projects (总投资3216亿元): it describes
      the list; the year's goal is the investment planned in it;
    - a figure pointed back to (这一百二十个项目建成后): the report gave it before,
      as a goal where it is one;
    - a target the sentence replaces (由原定平均每年百分之六调高到百分之八至九):
      the goal is the new one;
    - the places a measure covers (592个国家扶贫开发工作重点县免征农业税; 在100个
      城市进行…试点): a count of places standing first in its clause (or after
      在), a verb of a measure right after the places: where the measure
      applies, not a figure to reach."""
    from erqi_diff.extract.kinds import PORTFOLIO, TOTAL

    lead = goal.text[:goal.quote_start - goal.start]
    rest = goal.text[goal.quote_end - goal.start:]
    if _BACK.search(lead):
        return True
    if TOTAL.search(lead) or (_SUPERSEDED_LEAD.search(lead) and _SUPERSEDED_REST.match(rest)):
        return True
    if goal.unit == "个" and _SCOPE_LEAD.search(lead) and _SCOPE_REST.match(rest):
        return True
    nxt = after[0] if after and after[0].start == goal.start else None
    if nxt is None or not nxt.kind.is_outcome:
        return False
    return goal.unit in ("个", "项") and bool(PORTFOLIO.search(rest[:14]))


def actual_after(goal: Fact, goals: list[Fact], outcomes: list[Fact]) -> list[tuple[tuple, Fact, Judgement]]:
    """A past target of no indicator restated with its outcome in the same
    sentence (物价涨幅要从14.8%降到10%左右，经过…努力，实际回落到6.1%): the
    sentence's next figure, of the same unit and year, in a clause of its own
    that starts with 实际 and names nothing (实际回落到), no other goal between:
    the target's figure, as it turned out (of the target's measure).
    ``goals``: the goals of the report; ``outcomes``: its outcomes of the goal's year."""
    if goal.indicator is not None:
        return []
    for f in outcomes:
        if f.start != goal.start or f.quote_start < goal.quote_end:
            continue
        if any(g.start == goal.start and goal.quote_end <= g.quote_start < f.quote_start for g in goals):
            return []
        lead = f.text[:f.quote_start - f.start]
        clause = lead[max(lead.rfind(c) for c in "，；：") + 1:]
        if f.indicator is None and f.kind is Kind.ACTUAL and f.unit == goal.unit and f.period is goal.period \
                and clause.startswith("实际") and linking_only(clause):
            outcome = replace(f, measure=goal.measure)
            return [((0,), outcome, judge(goal, outcome))]
        return []
    return []


#: The words after a figure that restate the economy's growth target (:data:`~erqi_diff.extract.wording.SPEED_AFTER`).
_GROWTH_AFTER = SPEED_AFTER
#: The headline aggregate's names (:func:`erqi_diff.extract.indicators.headline`).
_HEADLINE = ("GDP", "国民生产总值")


def restatement(goal: Fact, goals: list[Fact]) -> Fact | None:
    """The goal of the same report that ``goal`` (of no indicator) restates:
    its clause names nothing before the figure (实现, 要保持) and nothing but a
    growth after it (7%左右的增长速度: the economy's, as a bare 增长速度 is), and
    one goal of the economy's growth, elsewhere in the report, has the same
    figure, bound and year (经济增长预期为7%左右); None when none does, or more
    than one."""
    if goal.indicator is not None or goal.value is None:
        return None
    lead = goal.text[:goal.quote_start - goal.start]
    clause = lead[max(lead.rfind(c) for c in "，；：") + 1:]
    rest = goal.text[goal.quote_end - goal.start:]
    if not (linking_only(clause) and _GROWTH_AFTER.match(rest)):
        return None
    same = [g for g in goals if g.indicator in _HEADLINE and g.start != goal.start and g.measure is Measure.GROWTH
            and (g.figure_year, g.value, g.unit, g.modifier, g.period)
            == (goal.figure_year, goal.value, goal.unit, goal.modifier, goal.period)]
    return same[0] if len(same) == 1 else None

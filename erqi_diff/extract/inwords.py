"""Outcomes of an indicator's target said in words in a review: the review
of a year says how one indicator stood against that year's target without a
figure (国内生产总值增长率达到预期目标, the 2000 report on 1999; 去年财政赤字控制在
预算范围内, the 2014 report on 2013).

How the reports write them: a clause of the review of a year (dated as
:func:`erqi_diff.extract.states.review_clauses` dates it) whose subject is
one indicator, with at most a word of its measure (增长率, 增速, 涨幅…) and of
time (去年, 全年), and whose predicate is one of:

- reached: (超额) 达到, 实现, 完成 (了) (年初确定的) 预期 (调控) 目标, or
  (国家, 年度) 计划 -> met; with
  基本 before it (基本达到…): largely, not wholly -> unsure (not comparable);
- not reached: 未(能), 没有 before the verb -> missed;
- beyond it: 超过, 高于 / short of it: 低于 … 预期目标 -> met or missed by
  the target's direction (:func:`erqi_diff.extract.verdicts.direction`:
  涨幅超过预期目标 misses a price target);
- within the budget: 控制在 (…) 预算 (范围|目标) 之内/以内/内 -> unsure (not
  comparable, the words quoted): the budget a review speaks of is the one
  in force at the year's end, which may have been revised since the target
  was set;
- a direction only: 比上年 (有所|继续…) 下降/回落/降低 or 上涨/上升/提高/增长
  -> answers a growth target only where every change that way gets the
  same verdict (:func:`_judge_way`: a fall meets 涨幅控制在3%以内), else
  unsure; never of a subject naming a rate (涨幅比上年回落: a smaller rise).
  A subject said of each (A和B的总水平都…) keeps its one indicator, the
  items that name none left aside.

A clause answers the goals of its indicator for its year: of a growth when
its subject names one (增长, 增速, 增长率), else of a level. A clause whose
subject names no indicator, or more than one, or anything else (主要预期目标,
各项目标任务, 年度目标任务圆满完成, 实现了全年预期发展目标) answers no goal: too
vague to attach to any. A sentence that speaks of what is ahead (要, 将,
今年…) answers none. A figure the same report gives for the goal stands
before these words (:mod:`erqi_diff.extract.links`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from erqi_diff.extract.facts import Fact, Kind, Measure, Period
from erqi_diff.extract.indicators import Better, headline, mentions
from erqi_diff.extract.numbers import Modifier
from erqi_diff.extract.timing import Frame
from erqi_diff.extract.verdicts import Judgement, Verdict, direction
from erqi_diff.extract.wording import AHEAD_WORDS

_TARGET = r"(?:年初|年度|全年|国家)?(?:确定|预定|提出|制定|规定)?的?(?:(?:预期|计划)?(?:调控)?目标|计划)"
#: The predicate of a clause saying how an indicator stood against its target, at the clause's end.
_SAID = re.compile(
    rf"(?P<largely>基本)?(?P<neg>未能?|没有|没能)?(?:超额)?(?P<verb>达到|实现|完成|超过|高于|低于)了?{_TARGET}$"
    r"|(?P<budget>控制在[^，；。]{0,10}?预算(?:目标|范围)?(?:之内|以内|内))$"
    r"|比(?:上年|去年|上一年)(?:有所|继续|略有|明显)?(?:(?P<fell>下降|回落|降低)|(?P<rose>上涨|上升|提高|增长))$")
#: Other items of a subject said of each (A和B的总水平都比上年下降): they name no indicator, and are left aside.
_OTHERS = re.compile(r"(?:和|与|以及|、)[\u4e00-\u9fff]{2,8}?(?=的|都|均)")
#: Words a subject may hold beside its indicator's: its measure, time, adverbs.
_SUBJECT_REST = re.compile(r"(?:(?:19|20)\d\d年|去年|上年|全年|当年|实际|的|增长率|增长速度|增速|增幅|涨幅|上涨幅度|"
                           r"增长|总额|规模|总量|总水平|均|都|已经|已|顺利|圆满)")
_GROWTH = re.compile(r"增长|增速|增幅|涨幅")
#: A subject naming a rate of change: its direction against last year's says nothing of the change's sign.
_RATE = re.compile(r"增长|增速|增幅|涨幅|幅度|速度|率")
_AHEAD = re.compile(AHEAD_WORDS + r"|今年|明年")


@dataclass(frozen=True)
class Worded:
    """A review's words on how ``indicator`` stood against its target in
    ``year``: the ``measure`` of the targets it answers, the ``said``
    (met, missed, largely, within_budget), the ``sentence`` (at ``start``
    in the body, under ``section``) and the predicate's span in it."""

    indicator: str
    measure: Measure
    said: str
    year: int
    sentence: str
    start: int
    section: str
    quote_start: int
    quote_end: int


def review_words(body: str, frame: Frame) -> list[Worded]:
    """Every clause of a report's review saying in words how one indicator
    stood against the target of a year it reviews (see the module doc)."""
    from erqi_diff.extract.states import review_clauses

    name = headline(body)
    last: list[tuple[str, Measure, str, int]] = []  # the clause kept last (yielded right after it is kept)

    def keep(text: str, clause: re.Match) -> bool:
        read = _reads(clause.group(), name)
        if not read or _AHEAD.search(text, 0, clause.end()):
            return False
        last[:] = read
        return True

    out = []
    for sent, clause, year in review_clauses(body, frame, keep):
        for indicator, measure, said, at in last:
            out.append(Worded(indicator, measure, said, year, sent.text, sent.start, sent.section,
                              clause.start() + at, clause.end()))
    return out


def _read(clause: str, headline_name: str) -> tuple[str, Measure, str, int] | None:
    """(indicator, measure, said, where the predicate starts) of a clause of one indicator, or None."""
    read = _reads(clause, headline_name)
    return read[0] if len(read) == 1 else None


def _reads(clause: str, headline_name: str) -> list[tuple[str, Measure, str, int]]:
    """(indicator, measure, said, where the predicate starts) of each
    indicator a clause speaks of: one, or for a direction only each of a
    list said 都/均 of each (A和B都比上年下降: each fell; A和B均达到预期目标 says
    not which target); none when it speaks of none or of anything else."""
    said = _SAID.search(clause)
    if said is None:
        return []
    subject = clause[:said.start()]
    named = mentions(subject, headline_name)
    names = list(dict.fromkeys(m.name for m in named))
    if not names or None in names:
        return []
    rest = subject
    for m in reversed(named):
        rest = rest[:m.start] + rest[m.end:]
    each = bool(re.search(r"都|均", rest))
    if len(names) > 1 and not (each and (said.group("fell") or said.group("rose"))
                               and not re.sub(r"(?:和|与|及|以及|、)", "", rest[:_first_tail(rest)])):
        return []  # two indicators, not a direction said of each in a plain list
    if len(names) > 1:
        rest = rest[_first_tail(rest):]  # (the joining words, nothing else, checked above)
    if each:
        rest = _OTHERS.sub("", rest)  # A和B的总水平都…: said of A, and of B (no indicator) aside
    if _SUBJECT_REST.sub("", rest):
        return []  # 主要预期目标, 以…为重点的…: not the indicator alone
    way = said.group("fell") or said.group("rose")
    if way and _RATE.search(subject):
        return []  # 涨幅比上年回落: the rate of rise is lower, prices did not fall
    measure = Measure.GROWTH if way or _GROWTH.search(subject) else Measure.LEVEL
    if way:
        kind = "fell" if said.group("fell") else "rose"
    elif said.group("budget"):
        kind = "within_budget"
    elif said.group("largely"):
        kind = "largely"
    elif said.group("neg"):
        kind = "missed" if said.group("verb") in ("达到", "实现", "完成") else ""
    else:
        kind = {"超过": "above", "高于": "above", "低于": "below"}.get(said.group("verb"), "met")
    return [(name, measure, kind, said.start()) for name in names if name] if kind else []


def _first_tail(rest: str) -> int:
    """Where the words after a list of names start (的总水平都, 都): what stays
    of a subject once its names are taken out, the joining words first."""
    at = re.search(r"(?:的|都|均|增长|涨幅|总水平|水平)", rest)
    return at.start() if at else len(rest)


def judge_words(goal: Fact, worded: list[Worded], report_year: int) -> tuple[Fact, Judgement] | None:
    """The outcome in words and the verdict a report (of ``report_year``,
    which says ``worded``) gives ``goal``, or None when its review says
    nothing in words of the goal's indicator and measure for its year."""
    if goal.indicator is None or goal.figure_year is None or goal.modifier is Modifier.ABSENT \
            or goal.period not in (Period.YEAR, None):
        return None
    found = [w for w in worded if w.indicator == goal.indicator and w.year == goal.figure_year
             and w.measure is goal.measure]
    if not found:
        return None
    first = found[0]
    quote = first.sentence[first.quote_start:first.quote_end]
    words = f"the {report_year} report says, in words: “{first.sentence}”"
    said = first.said
    if said in ("above", "below"):
        more = goal.value is None or direction(goal) is Better.MORE
        said = "met" if (said == "above") == more else "missed"
    if len({w.said for w in found}) > 1:
        judged = Judgement(Verdict.NOT_COMPARABLE, None, None, f"unsure: the {report_year} report says it two ways")
    elif said == "met":
        judged = Judgement(Verdict.MET, None, None, f"{words} (the target reached)")
    elif said == "missed":
        judged = Judgement(Verdict.MISSED, None, None, f"{words} (the target not reached)")
    elif said in ("fell", "rose"):
        judged = _judge_way(goal, said, words)
    elif said == "largely":
        judged = Judgement(Verdict.NOT_COMPARABLE, None, None, f"unsure: {words} (largely, not wholly)")
    else:
        judged = Judgement(Verdict.NOT_COMPARABLE, None, None,
                           f"unsure: {words} (within the budget, which may have been revised in the year)")
    outcome = Fact(year=report_year, indicator=goal.indicator, what=goal.what, measure=goal.measure,
                   value=None, unit="", modifier=Modifier.QUALITATIVE, period=Period.YEAR,
                   figure_year=first.year, figure_span=None, kind=Kind.ACTUAL, base=None, quote=quote,
                   text=first.sentence, start=first.start, end=first.start + len(first.sentence),
                   quote_start=first.start + first.quote_start, quote_end=first.start + first.quote_end,
                   section=first.section)
    return outcome, judged


def _judge_way(goal: Fact, said: str, words: str) -> Judgement:
    """A change a review gives only by its direction (价格总水平比上年下降: some
    fall, how much unsaid), against a growth target: settled only where every
    change that way gets the same verdict (a fall meets a ceiling at or above
    zero, 涨幅控制在3%以内, and misses a floor above it; a rise meets a floor at or
    below zero and misses a ceiling below it); else unsure (a rise against a
    ceiling of 3% says nothing definite)."""
    if goal.value is None or goal.measure is not Measure.GROWTH:
        return Judgement(Verdict.NOT_COMPARABLE, None, None, f"unsure: {words} (the direction only)")
    more = direction(goal) is Better.MORE
    bound = (goal.value[0] if more else goal.value[1]) if isinstance(goal.value, tuple) else float(goal.low or 0)
    tol = max(0.02 * abs(bound), 0.1 if goal.unit in ("%", "个百分点") else 0.0) \
        if goal.modifier is Modifier.ABOUT else 0.0
    worse = bound - tol if more else bound + tol  # the target's edge on the worse side
    fell = said == "fell"
    way = "fall" if fell else "rise"
    if (worse >= 0) if fell else (worse <= 0):  # every change that way is on one side of the target
        if fell != more:
            return Judgement(Verdict.MET, None, direction(goal), f"{words} (a {way}: within the target, whatever its size)")
        return Judgement(Verdict.MISSED, None, direction(goal), f"{words} (a {way}: short of the target, whatever its size)")
    return Judgement(Verdict.NOT_COMPARABLE, None, None,
                     f"unsure: {words} (a {way}, its size unsaid, does not settle it)")

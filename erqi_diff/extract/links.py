"""Goals linked to their outcomes in later reports, and judged.

A goal (a :class:`~erqi_diff.extract.facts.Fact` of kind target or plan)
for figure year Y is linked to the outcome (actual or estimate) of the same
thing for the same figure year in a later report of the series -- the first
later report, in order, that speaks of it among those that review Y:

- a goal of a canonical indicator, to a figure of that indicator (the
  comparable one first: the same measure, period and unit); failing that,
  to a figure of a renamed statistic (国民生产总值 for GDP), judged not
  comparable;
- a concrete goal (no indicator: 22条道路年底建成通车), to a figure counted in
  the same unit, of the same action (建成通车, 开工, 回迁, 完成投资...) on the
  same object (道路, 安置房, 学校...).

A restatement of the target in a later report is a target, never its outcome.
A goal with no outcome says why: no later report in the series, or none that
speaks of it. The verdict is :func:`erqi_diff.extract.verdicts.judge`'s.
Which later reports are searched is decided here, not by the commands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from erqi_diff.extract import wording as w
from erqi_diff.extract.facts import Fact, Kind, read_facts
from erqi_diff.extract.indicators import Better
from erqi_diff.extract.numbers import to_base
from erqi_diff.extract.timing import Frame, clause_start
from erqi_diff.extract.verdicts import Verdict, judge

#: Statistics renamed or of another coverage: an outcome of one never judges a target of the other.
RELATED = {"国民生产总值": ("GDP",), "GDP": ("国民生产总值",), "农民人均纯收入": ("农村居民人均可支配收入",),
           "农村居民人均可支配收入": ("农民人均纯收入",), "工农业总产值": ("工业总产值",)}
_STOP = re.compile(r"[，；。：,;:（）()]")
_STOP_ITEM = re.compile(r"[，；。：,;:（）()、]")
_VERBS = re.compile(r"^(?:加大|加快|推进|实施|推动|做好|抓好|完成|新建|新开工|开工|建设|继续|全面|大力)+")
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_FILLER = re.compile(r"(?:19|20)\d\d年|[12] [0-9] [0-9] [0-9]年|年底前?|年内|今年|全年|以上|左右|实现|全部|顺利|基本|"
                     r"已|共|等|的|和|及|个|其中|继续|进一步|水平|达到|保持在|突破|超过|再|项目?(?=\d)")
_HEADS = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:工程|项目|住房|安置房|道路|学校)")


@dataclass(frozen=True)
class Link:
    """A goal and what a later report says of it, as ``goals`` and ``targets`` print it.

    - ``goal``: the target or plan (a :class:`~erqi_diff.extract.facts.Fact`);
    - ``outcome``: the figure a later report gives for it (a Fact, its
      ``year`` the report's), or null;
    - ``verdict``: met, missed, not_comparable or open; ``margin``: outcome −
      target in the target's unit (points for rates), null unless met or
      missed; ``better``: the direction judged by (more or less);
    - ``reason``: why it is open or not comparable, or how it was judged;
    - ``searched``: the later reports looked in, in order.
    """

    goal: Fact
    outcome: Fact | None
    verdict: Verdict
    margin: float | None
    better: Better | None
    reason: str
    searched: tuple[int, ...] = ()

    @property
    def fact(self) -> Fact:
        return self.goal


@dataclass(frozen=True)
class Thing:
    """What a concrete figure counts and what is done to it."""

    unit: str
    action: str | None
    obj: str


_QUANTITY = re.compile(r"[\d.,，]+[万亿千]*(?:[\u4e00-\u9fff]{0,3}?)(?=[\u4e00-\u9fff]|$)")
_PROJECTS = re.compile(r"([\u4e00-\u9fff]{1,8}项目)")


def _clean(text: str) -> str:
    text = re.sub(r"\d+(?:\.\d+)?(?:[,，]\d{3})*[万亿千]*(?:平方米|平方公里|千瓦|公里|[个所条套座项处户家人米亩吨元])?", "", text)
    return _FILLER.sub("", text)


def thing(fact: Fact) -> Thing:
    """The unit, action and object of a concrete figure: 22条道路年底建成通车 ->
    (条, open, 道路); 新开工…11个项目310万平方米安置房 -> (个, start, 项目安置房);
    完成投资470亿元 of 150个重大项目 -> (元, invest, 重大项目)."""
    text = fact.text
    q0, q1 = fact.quote_start - fact.start, fact.quote_end - fact.start
    cs = clause_start(text, q0)
    stop = _STOP_ITEM.search(text, q1)
    after = text[q1:stop.start() if stop else len(text)]
    lead = text[cs:q0]
    near = w.action_of(lead[-6:], last=True)
    act = near if near and lead.endswith(near[0]) else (w.action_of(after) or w.action_of(lead, last=True))
    obj = _clean(after[:after.find(act[0])] if act and act[0] in after else after)
    if len(obj) < 2:
        tail = lead.split("等")[-1].split("、")[-1]
        if act and act[0] in tail:
            tail = tail[tail.rfind(act[0]) + len(act[0]):] or tail[:tail.rfind(act[0])]
        obj = _clean(tail)
    if len(obj) < 2:  # 加大保障性安居工程建设力度，今年新开工700万套: the thing named before
        heads = _HEADS.findall(text[:q0])
        obj = _FILLER.sub("", _VERBS.sub("", heads[-1])) if heads else obj
    if act and act[1] == "invest":
        found = _PROJECTS.findall(re.sub(r"\d+个", "，", text[:q0]))
        if found:
            obj = _FILLER.sub("", found[-1].split("，")[-1])
    unit = to_base(1.0, fact.unit)[1]
    return Thing("rate" if unit in ("%", "‰") else unit, act[1] if act else None, obj[:10])


_THINGS: dict[int, tuple[Fact, Thing]] = {}


def _thing(fact: Fact) -> Thing:
    """:func:`thing`, once per fact (links compare each goal with many figures)."""
    found = _THINGS.get(id(fact))
    if found is None or found[0] is not fact:
        found = _THINGS[id(fact)] = (fact, thing(fact))
    return found[1]


def _same_thing(goal: Fact, other: Fact) -> int:
    """Whether ``other`` counts the concrete thing ``goal`` counts: the same
    unit, the same action (建成通车, 开工...) and the same object (道路, 安置房),
    word for word (1), or not (0)."""
    a, b = _thing(goal), _thing(other)
    if a.unit != b.unit or a.action != b.action:
        return 0
    if a.obj and a.obj == b.obj:
        return 1
    return 1 if (not a.obj and not b.obj and a.action is not None) else 0


def _year(goal: Fact) -> int | None:
    return goal.figure_span[1] if goal.figure_span else goal.figure_year


def _rank(goal: Fact, fact: Fact) -> tuple:
    judged = judge(goal, fact)
    return (judged.verdict is Verdict.NOT_COMPARABLE, fact.measure is not goal.measure,
            fact.period is not goal.period, fact.quote_start)


def _candidates(goal: Fact, by_year: dict[int | None, list[Fact]]) -> list[Fact]:
    found = by_year.get(_year(goal), [])
    if goal.indicator is not None:
        same = [f for f in found if f.indicator == goal.indicator]
        if same:
            return sorted(same, key=lambda f: _rank(goal, f))
        related = [f for f in found if f.indicator in RELATED.get(goal.indicator, ())]
        return sorted(related, key=lambda f: _rank(goal, f))
    top = [f for f in found if f.indicator is None and _same_thing(goal, f)]
    if len({(f.value, f.unit) for f in top}) > 1:
        return []  # two figures name it as well: unsure, so no link
    return sorted(top, key=lambda f: (-len(f.text), f.quote_start))  # a heading restating it last


def outcomes_by_year(facts: list[Fact]) -> dict[int | None, list[Fact]]:
    """A report's outcomes (actual, estimate) by the year they describe."""
    out: dict[int | None, list[Fact]] = {}
    for f in facts:
        if f.kind in (Kind.ACTUAL, Kind.ESTIMATE):
            out.setdefault(_year(f), []).append(f)
    return out


def link(goal: Fact, later: list[tuple[int, Frame, dict[int | None, list[Fact]]]]) -> Link:
    """``goal`` linked to the first of the ``later`` reports ((year, frame,
    outcomes by year), in order) that speaks of it."""
    year = _year(goal)
    if not later:
        return Link(goal, None, Verdict.OPEN, None, None, "no later report in the series")
    if year is None:
        return Link(goal, None, Verdict.OPEN, None, None, "the year the goal is for is not stated")
    searched = tuple(y for y, frame, _ in later if frame.review >= year)
    if not searched:
        return Link(goal, None, Verdict.OPEN, None, None,
                    f"no later report in the series reviews {year}", ())
    for _, frame, facts in later:
        if frame.review < year:
            continue
        found = _candidates(goal, facts)
        if found:
            outcome = found[0]
            judged = judge(goal, outcome)
            return Link(goal, outcome, judged.verdict, judged.margin, judged.better, judged.reason, searched)
    listed = ", ".join(map(str, searched))
    return Link(goal, None, Verdict.OPEN, None, None, f"no later report ({listed}) speaks of it", searched)


def link_goals(snapshots: Iterable, pool: Iterable | None = None) -> list[Link]:
    """Every goal of ``snapshots``, linked to an outcome in the later reports of
    ``pool`` (default: the same snapshots; give the whole series to search it all)."""
    snaps = sorted(snapshots, key=lambda s: s.year)
    series = sorted(pool if pool is not None else snaps, key=lambda s: s.year)
    read = {s.year: read_facts(s) for s in series}
    for s in snaps:
        if s.year not in read:
            read[s.year] = read_facts(s)
    frames = {s.year: Frame.of(s.date, s.year, s.body) for s in series}
    outcomes = {s.year: outcomes_by_year(read[s.year]) for s in series}
    out = []
    for snap in snaps:
        later = [(s.year, frames[s.year], outcomes[s.year]) for s in series if s.year > snap.year]
        for fact in read[snap.year]:
            if fact.kind.is_goal:
                out.append(link(fact, later))
    return out

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
  a unit of the same kind, of the same action (建成通车, 开工, 回迁, 完成投资...)
  on the same object (道路, 安置房, 学校...), as :mod:`erqi_diff.extract.objects`
  reads and compares them (the surest object first); never to a total of
  several years for the goal of one. A goal naming no action (推进32个项目)
  may be linked to a figure of one, judged not comparable; so is an outcome
  of another coverage (39条市管代建道路 for 65条道路). An outcome claimed by
  two goals of a report goes to the surer; two figures of one thing in a
  goal's sentence are answered in one sentence; two figures of the same
  kind that disagree leave the goal open (unsure).

A restatement of the target in a later report is a target, never its outcome.
A goal with no outcome says why: no later report in the series, none that
reviews its year, or no figure for it found in those that do. Where no
figure judges it, a review's words on the indicator may
(:mod:`erqi_diff.extract.inwords`: 增长率达到预期目标). A past target restated with its
outcome in the same sentence (要从14.8%降到10%左右，…实际回落到6.1%), and a goal that restates
another of its report (实现7%左右的增长速度), are read as :mod:`erqi_diff.extract.restated` says.
The verdict is :func:`erqi_diff.extract.verdicts.judge`'s.
Which later reports are searched is decided here, not by the commands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from erqi_diff.extract.bases import goal_start
from erqi_diff.extract.comparable import apart
from erqi_diff.extract.facts import _READER_MODULES, Fact, Kind, Measure, Period, read_facts
from erqi_diff.extract.indicators import Better
from erqi_diff.extract.inwords import Worded, judge_words, review_words
from erqi_diff.extract.objects import Thing, coverage, examples, other_examples, same_thing, same_unit, thing
from erqi_diff.extract.reached import Reached, largely, said_done, said_reached
from erqi_diff.extract.restated import actual_after, no_goal_to_follow, restatement
from erqi_diff.extract.states import Said, judge_state, review_states
from erqi_diff.extract.states import read as read_state
from erqi_diff.extract.timing import Frame
from erqi_diff.extract.verdicts import Judgement, Verdict, in_step, judge, judge_in_step, per_year

#: The modules whose code reads the things figures count (a change to any is a miss of the cache).
_THING_MODULES = [*_READER_MODULES, "extract/objects.py", "extract/links.py"]  # links.py: the rows' shape
#: Statistics renamed or of another coverage: an outcome of one never judges a target of the other.
RELATED = {"国民生产总值": ("GDP",), "GDP": ("国民生产总值",), "农民人均纯收入": ("农村居民人均可支配收入",),
           "农村居民人均可支配收入": ("农民人均纯收入",), "工农业总产值": ("工业总产值",)}


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
    - ``searched``: the later reports looked in, in order;
    - ``restates``: true when the goal restates another goal of its report
      (实现7%左右的增长速度 after 经济增长预期为7%左右) and takes that one's
      verdict: one goal, said twice, counted once.
    """

    goal: Fact
    outcome: Fact | None
    verdict: Verdict
    margin: float | None
    better: Better | None
    reason: str
    searched: tuple[int, ...] = ()
    restates: bool = False

    @property
    def fact(self) -> Fact:
        return self.goal


_PARTS = (Period.HALF, Period.QUARTER, Period.TO_DATE)


def _year(goal: Fact) -> int | None:
    return goal.figure_span[1] if goal.figure_span else goal.figure_year


def _rank(goal: Fact, fact: Fact, judged: Judgement) -> tuple:
    """Comparable first, then the same measure, the same period; among figures
    of a part of the year, the last (the latest quarter), else the first."""
    part = fact.period in _PARTS and fact.period is not goal.period
    return (judged.verdict is Verdict.NOT_COMPARABLE, fact.measure is not goal.measure,
            fact.period is not goal.period, -fact.quote_start if part else fact.quote_start)


def _indicator_candidates(goal: Fact, found: list[Fact]) -> list[tuple[tuple, Fact, Judgement]]:
    """Outcomes of the goal's indicator (or a related one); a figure over
    several years never answers a target of one year with a figure (五年全社会
    固定资产投资完成26000亿元 is not 1992's investment): that goal stays open."""
    if goal.value is not None and goal.period is not Period.MULTI_YEAR:
        found = [f for f in found if f.period is not Period.MULTI_YEAR or per_year(f)]  # 连续两年…以上: each year's
    same = [f for f in found if f.indicator == goal.indicator]
    if not same:
        same = [f for f in found if f.indicator in RELATED.get(goal.indicator or "", ())]
    economy = next((f for f in found if f.indicator == "GDP" and f.measure is Measure.GROWTH
                    and f.period in (Period.YEAR, None) and f.value is not None), None) if in_step(goal) else None
    out = []
    for f in same:
        judged = judge_in_step(goal, f, economy) if economy is not None else judge(goal, f)
        judged = apart(goal, f, judged) or judged
        out.append(((0,), f, judged))
    return sorted(out, key=lambda c: _rank(goal, c[1], c[2]))


_OTHER_ITEMS = "other items named"


def _judge_thing(goal: Fact, outcome: Fact, a: Thing, b: Thing) -> Judgement:
    """The verdict on a concrete goal: not comparable when the outcome counts
    another set (a qualifier of coverage), another action, or when the goal
    names only work to be done; else :func:`judge`, save that a goal met by
    a count of other items named as examples (陇西国际城小学等8所学校 for
    81中、渠南路一小等6个项目) is not comparable: the outcome does not say the
    goal's items were done (a count short of the goal is short whichever
    items it counts)."""
    qualifier = coverage(a.obj, b.obj)
    if qualifier:
        return Judgement(Verdict.NOT_COMPARABLE, None, None,
                         f"another coverage: one side counts only {qualifier}")
    if a.process:
        return Judgement(Verdict.NOT_COMPARABLE, None, None,
                         "the goal names work to be done, not a result to reach")
    if a.action != b.action:
        return Judgement(Verdict.NOT_COMPARABLE, None, None,
                         f"another action: the outcome is of {b.action or 'a level'}")
    judged = judge(goal, outcome)
    if judged.verdict is Verdict.MET and other_examples(goal, outcome):  # fewer done is short whichever they are
        return Judgement(Verdict.NOT_COMPARABLE, None, None,
                         f"{_OTHER_ITEMS}: {examples(outcome)}等 against {examples(goal)}等, not said to be the same")
    return judged


def _thing_candidates(goal: Fact, found: list[Fact], things: Things,
                      within: str | None = None) -> list[tuple[tuple, Fact, Judgement]]:
    """Figures counting the thing ``goal`` counts (in the sentence ``within``
    when given), best first: the surest object, the same action, then as
    :func:`_rank`, the sentence before a heading restating it. Empty when two
    figures of the best kind disagree (unsure: no link)."""
    a = things.get(id(goal))
    if a is None:
        return []
    out = []
    for f in found:
        b = things.get(id(f))
        if f.indicator is not None or b is None or (a.action is not None and a.action != b.action):
            continue
        if within is not None and f.text != within:
            continue
        if f.period is Period.MULTI_YEAR and goal.period is not Period.MULTI_YEAR and not per_year(f):
            continue  # a total of several years never answers the goal of one (连续两年…以上, each year's, may)
        unit_ok = same_unit(a.unit, b.unit)
        score = same_thing(a, b) or _one_of(a, b, f)
        if score == 0 or (not unit_ok and score < 2):
            continue
        judged = _judge_thing(goal, f, a, b)
        out.append(((-score, a.action != b.action), f, judged))
    # the figure of other items named, said again without its names (a headline's 8所学校建成投用): those items still
    apart = {(c[1].value, c[1].unit) for c in out if c[2].reason.startswith(_OTHER_ITEMS)}
    out = [c for c in out if (c[1].value, c[1].unit) not in apart or examples(c[1]) is not None]
    out.sort(key=lambda c: (c[0], _rank(goal, c[1], c[2])[:3], -len(c[1].text), _rank(goal, c[1], c[2])[3]))
    if out:
        def kind(c: tuple) -> tuple:
            f = c[1]
            return c[0] + _rank(goal, f, c[2])[:3] + (f.measure, f.period, getattr(things.get(id(f)), 'unit', ''))

        top = [c for c in out if kind(c) == kind(out[0])]
        if len({(c[1].value, c[1].unit) for c in top}) > 1:
            return []  # two figures of the same kind name it as well: unsure, so no link
    return out


def _one_of(a: Thing, b: Thing, outcome: Fact) -> int:
    """1 when ``outcome`` is a figure said respectively of a list (将A、B分别…
    提高至100%) one of whose items the goal's object names, and the outcome's
    sentence names the rest of the goal's object (科技型中小企业 of
    科技型中小企业加计扣除比例, and 加计扣除比例 in the sentence); else 0."""
    for item in b.items:
        rest = a.obj.replace(item, "", 1) if len(item) >= 2 and item in a.obj else ""
        if len(rest) >= 2 and rest in outcome.text:
            return 1
    return 0


def outcomes_by_year(facts: list[Fact]) -> dict[int | None, list[Fact]]:
    """A report's outcomes (actual, estimate) by the year they describe."""
    out: dict[int | None, list[Fact]] = {}
    for f in facts:
        if f.kind in (Kind.ACTUAL, Kind.ESTIMATE) and not _plan_start(f):
            out.setdefault(_year(f), []).append(f)
    return out


def _plan_start(f: Fact) -> bool:
    """A level a plan starts from, of a year before the one the report
    reviews (由1980年的4972亿元增加到6050亿元 in 1982's plan): where the plan
    begins, not where the report gives that year's outcome."""
    start, end = f.quote_start - f.start, f.quote_end - f.start
    return goal_start(f.text, start, end) and f.figure_year is not None and f.figure_year < f.year - 1


@dataclass
class _Later:
    """A later report as the links see it."""

    year: int
    frame: Frame
    outcomes: dict[int | None, list[Fact]]
    body: str = ""

    @cached_property
    def states(self) -> list[Said]:
        """The states the report says held in the years it reviews (:mod:`erqi_diff.extract.states`)."""
        return review_states(self.body, self.frame)

    @cached_property
    def worded(self) -> list[Worded]:
        """What the report says in words of indicators against their targets (:mod:`erqi_diff.extract.inwords`)."""
        return review_words(self.body, self.frame)

    @cached_property
    def reached(self) -> list[Reached]:
        """The goals the report says were reached (:func:`erqi_diff.extract.reached.said_reached`),
        read once for every goal that looks here."""
        return said_reached(self.body)


def _candidates(goal: Fact, report: _Later, things: Things) -> list[tuple[tuple, Fact, Judgement]]:
    found = report.outcomes.get(_year(goal), [])
    if goal.indicator is not None:
        return _indicator_candidates(goal, found)
    if goal.value is None:
        return []  # a thing's state in words (国际收支基本平衡): judged only by what a review says in words
    return _thing_candidates(goal, found, things)


def _link_report(goals: list[Fact], later: list[_Later], things: Things, own: _Later) -> list[Link]:
    """The goals of one report, each linked to the first of the ``later``
    reports that speaks of it; an outcome claimed by several goals of the
    report goes to the surest (学校建成投用 to the goal of schools to finish, not
    to the one of schools to build), unless they count the same thing. A
    target of a year the report itself reviews is one it restates, answered
    first by the report's own figures (一九八一年计划为百分之三点七，实际达到百分之四点六)."""
    chosen: dict[int, tuple[_Later, list]] = {}
    for goal in goals:
        year = _year(goal)
        for report in ([own] if _restated(goal, own) else []) + later:
            if year is None or report.frame.review < year:
                continue
            stated = judge_state(goal, report.states, report.year)  # 国际收支基本平衡, said in words
            found = [((0,), *stated)] if stated else _candidates(goal, report, things)
            if not found and report is own:
                found = actual_after(goal, goals, own.outcomes.get(_year(goal), []))  # 要从14.8%降到10%左右，…实际回落到6.1%
            if not found or found[0][2].verdict is Verdict.NOT_COMPARABLE:  # 增长率达到预期目标: in words
                worded = judge_words(goal, report.worded, report.year)
                found = [((0,), *worded)] if worded else found
            if found and id(goal) in chosen:  # an estimate found before: this report's actual, if it gives one
                if _actuals(found):
                    chosen[id(goal)] = (report, _actuals(found))
                    break
            elif found:
                chosen[id(goal)] = (report, found)
                if found[0][1].kind is not Kind.ESTIMATE:
                    break
    def figure(report: _Later, fact: Fact) -> tuple:  # an outcome and its restatements in the report
        t = things.get(id(fact))
        return report.year, fact.value, fact.unit, fact.period, t.obj if t else fact.indicator

    for _ in range(3):  # settle outcomes claimed twice (each round drops the weaker claims)
        claims: dict[tuple, list[Fact]] = {}
        for goal in goals:
            if chosen.get(id(goal)) and chosen[id(goal)][1]:
                report, found = chosen[id(goal)]
                claims.setdefault(figure(report, found[0][1]), []).append(goal)
        dropped = False
        for key, rivals in claims.items():
            best = min(chosen[id(g)][1][0][0] for g in rivals)
            for g in rivals:
                report, found = chosen[id(g)]
                if found[0][0] > best and not any(_same_goal(g, o, things) for o in rivals if o is not g):
                    chosen[id(g)] = (report, [c for c in found if figure(report, c[1]) != key])
                    dropped = True
        if not dropped:
            break
    for goal in goals:  # 增加300亿元以上，比上年增长20%以上: answered where its sibling is
        if goal.indicator is None and id(goal) not in chosen:  # (not one that lost its outcome to a surer goal)
            sibling = _sibling_outcome(goal, goals, chosen, things)
            if sibling is not None:
                report, outcome = sibling
                found = _thing_candidates(goal, report.outcomes.get(_year(goal), []), things, outcome.text)
                if found:
                    chosen[id(goal)] = (report, found)
    links = [_linked(goal, later, chosen.get(id(goal)), own.frame.review) for goal in goals]
    return _with_parts([_as_restated(lk, goals, links) for lk in links])


def _as_restated(lk: Link, goals: list[Fact], links: list[Link]) -> Link:
    """A goal left open that restates another goal of its report (实现7%左右的增长速度
    after 经济增长预期为7%左右) takes that goal's link (:func:`erqi_diff.extract.restated.restatement`)."""
    if lk.verdict is not Verdict.OPEN or lk.outcome is not None:
        return lk
    other = restatement(lk.goal, goals)
    if other is None:
        return lk
    first = links[goals.index(other)]
    if first.verdict is Verdict.OPEN:
        return lk
    reason = f"restates the target “{other.what}{other.quote}” of the same report: {first.reason}"
    return replace(first, goal=lk.goal, restates=True, reason=reason)


_PART = re.compile(r"[，,]其中")  # matched at the total's end


def _with_parts(links: list[Link]) -> list[Link]:
    """A total left open whose sentence names a part of it right after it
    (约2.5万亿元，其中留抵退税约1.5万亿元) and whose part has an outcome is not
    comparable, the reason saying so (no sum of parts is ever guessed): a
    later report speaks of it, so it is not open."""
    out = []
    for k, lk in enumerate(links):
        g = lk.goal
        part = next((o for o in links[k + 1:k + 2] if o.goal.start == g.start and o.outcome is not None
                     and _PART.match(g.text, g.quote_end - g.start)), None)
        if part is not None and part.outcome is not None and lk.verdict is Verdict.OPEN and lk.outcome is None:
            # not open: a later report speaks of it, only not of the whole (no verdict, no outcome shown)
            lk = replace(lk, verdict=Verdict.NOT_COMPARABLE,
                         reason=f"the {part.outcome.year} report gives only a part of it "
                                f"({part.goal.what}: {part.outcome.quote}), not the whole")
        out.append(lk)
    return out


def _actuals(found: list) -> list:
    """The candidates ``found`` that are actual figures judging the goal (not
    estimates, not figures of another measure or period): a later report's
    actual (一九八一年…实际达到百分之四点六) stands before an earlier one's
    estimate (今年预计的3%)."""
    return [c for c in found if c[1].kind is not Kind.ESTIMATE and c[2].verdict is not Verdict.NOT_COMPARABLE]


def _restated(goal: Fact, own: _Later) -> bool:
    """A target of a year its report has seen whole: before the report's year,
    or its own year in a report given late in it (十二月)."""
    year = _year(goal)
    return year is not None and (year < own.frame.year or (year == own.frame.year and own.frame.month >= 10))


def _sibling_outcome(goal: Fact, goals: list[Fact], chosen: dict, things: Things) -> tuple | None:
    """The report and outcome linked to another figure of the same thing in
    ``goal``'s sentence, or None."""
    mine = things.get(id(goal))
    for other in goals:
        theirs = things.get(id(other))
        if other is goal or other.start != goal.start or mine is None or theirs is None or theirs.obj != mine.obj:
            continue
        report, found = chosen.get(id(other)) or (None, [])
        if found:
            return report, found[0][1]
    return None


def _same_goal(a: Fact, b: Fact, things: Things) -> bool:
    """One goal stated twice (the same figure of the same thing)."""
    ta, tb = things.get(id(a)), things.get(id(b))
    return (a.value, a.unit, a.measure, a.figure_year) == (b.value, b.unit, b.measure, b.figure_year) \
        and ta is not None and tb is not None and ta.obj == tb.obj


def _linked(goal: Fact, later: list[_Later], chosen: tuple[_Later, list] | None, own_review: int) -> Link:
    """``own_review``: the year the goal's own report reviews (a target of a
    year it reviews is one it restates, and that report may give its outcome)."""
    year = _year(goal)
    if not later and not (chosen and chosen[1]):
        return Link(goal, None, Verdict.OPEN, None, None, "no later report in the series")
    if not (chosen and chosen[1]) or chosen[1][0][2].verdict is Verdict.NOT_COMPARABLE:
        said = said_done(goal, later)
        if said is not None:  # 提前实现了本世纪末国民生产总值比1980年翻两番的目标: an outcome in words
            # (before a figure that cannot judge it: 翻两番 against a level)
            if largely(said[1]):  # 基本实现: largely, not wholly
                return Link(goal, None, Verdict.NOT_COMPARABLE, None, None,
                            f"the {said[0]} report says it was largely reached, in words: “{said[1]}”", (said[0],))
            return Link(goal, None, Verdict.MET, None, None,
                        f"the {said[0]} report says it was reached, in words: “{said[1]}”", (said[0],))
    if year is None:
        return Link(goal, None, Verdict.OPEN, None, None, "the year the goal is for is not stated")
    searched = tuple(r.year for r in later if r.frame.review >= year)
    if chosen and chosen[1]:
        _, outcome, judged = chosen[1][0]
        return Link(goal, outcome, judged.verdict, judged.margin, judged.better, judged.reason,
                    searched if any(r is chosen[0] for r in later) else (chosen[0].year,))
    if not searched:
        listed = ", ".join(str(r.year) for r in later)
        return Link(goal, None, Verdict.OPEN, None, None, f"no later report ({listed}) reviews {year}", ())
    listed = ", ".join(map(str, searched))
    if own_review < year and not any(r.frame.review == year for r in later):
        # 2015's goal, and the series jumps from 2015 to 2022: none reviews 2015 itself
        return Link(goal, None, Verdict.OPEN, None, None,
                    f"no later report reviews {year} itself; {_none_found(goal)} in the later ones ({listed})",
                    searched)
    return Link(goal, None, Verdict.OPEN, None, None, f"{_none_found(goal)} in a later report ({listed})", searched)


def _none_found(goal: Fact) -> str:
    """What was looked for and not found: a figure, or for a target of a state
    in words also a review saying whether the state held."""
    if goal.value is None and read_state(goal.quote) is not None:
        return "no figure for it, and no statement of its state in that year, found"
    return "no figure for it found"


class Things:
    """The :class:`Thing` of each figure without an indicator, read with its
    paragraph; cached per report with its facts (:mod:`erqi_diff.core.cache`)."""

    def __init__(self) -> None:
        self._read: dict[int, Thing] = {}

    def add(self, snap, facts: list[Fact]) -> None:
        from erqi_diff.core.cache import cached_json

        def compute() -> list:
            out: list = []
            for f in facts:
                if f.indicator is None:
                    line = snap.body.rfind("\n", 0, f.start) + 1
                    t = thing(f, snap.body[line:f.start])
                    out.append([t.unit, t.action, t.obj, t.process, t.topic, list(t.items)])
                else:
                    out.append(None)
            return out

        rows = cached_json("things", [str(snap.year), snap.date, snap.body], _THING_MODULES, compute)
        for f, row in zip(facts, rows):
            if row is not None:
                self._read[id(f)] = Thing(row[0], row[1], row[2], row[3], row[4], tuple(row[5]))

    def get(self, key: int) -> Thing | None:
        return self._read.get(key)


def link_goals(snapshots: Iterable, pool: Iterable | None = None) -> list[Link]:
    """Every goal of ``snapshots``, linked to an outcome in the later reports of
    ``pool`` (default: the same snapshots; give the whole series to search it all)."""
    snaps = sorted(snapshots, key=lambda s: s.year)
    series = sorted(pool if pool is not None else snaps, key=lambda s: s.year)
    by_year = {s.year: s for s in series}
    for s in snaps:
        by_year.setdefault(s.year, s)
    read = {y: read_facts(s) for y, s in by_year.items()}
    things = Things()
    for y, s in by_year.items():
        things.add(s, read[y])
    reports = [_Later(s.year, Frame.of(s.date, s.year, s.body), outcomes_by_year(read[s.year]), s.body)
               for s in series]
    out = []
    for snap in snaps:
        facts = read[snap.year]
        goals = [f for k, f in enumerate(facts) if f.kind.is_goal and not no_goal_to_follow(f, facts[k + 1:k + 2])]
        own = next(r for r in reports if r.year == snap.year)
        out.extend(_link_report(goals, [r for r in reports if r.year > snap.year], things, own))
    return out

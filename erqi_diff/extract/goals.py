"""Goals: sentences that set a target (力争, 确保, 计划, 目标, 年底前,
预期目标...), with what, how much and by when, and the later report that
says how it went.

A clause is a goal when it carries a number and stands at or after a target
word in its sentence (今年计划完成投资446亿元), or, in a report given in
Jan-Mar, when it names a known indicator for the report's own year with a
hedge (能耗强度下降3.1%以上). A goal of year N is linked to the first later
report with a full-year figure of the same indicator for the goal's year
(2016's 今年计划完成投资446亿元 -> 2017's 150个重大项目完成投资470亿元,
ratio 1.054); growth targets (增长5%左右) are compared with growth figures.
A goal no later report speaks of stays open (``outcome`` null).
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from collections.abc import Iterable

from erqi_diff.extract import metrics as _m
from erqi_diff.extract.numbers import Qualifier, Quantity, find_quantities, parse_chinese_numeral, to_base

_MARKER = re.compile(r"力争|确保|(?<!占)(?<!占的)计划(?=完成|投资|实现|新增|建设|开工|年度)|(?<!占)(?<!占的)年度计划|预期|目标(?:是|为|：|定为|定在|拟定为)|争取|年底前|月底前|要达到|将达到")
_SHARE_OF_PLAN = re.compile(r"占[^，；]{0,3}计划")  # 占年度计划的117.5%: an outcome
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|「[^」]*」|『[^』]*』")
_CLAUSE = re.compile(r"[，；：,;:]")
_COUNT_UNITS = {"个", "所", "条", "家", "项", "处", "座", "套", "支", "名", "位", "件", "户", "栋", "辆", "张"}
_GROWTH_BEFORE = re.compile(r"(?:增长|涨幅|上涨|增速|下降|降低|减少|提高)(?:控制在|保持在|达到|为)?(?:约|近)?$")
_YEAR = re.compile(r"(20\d\d)年")
_MONTH_END = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,2})月底")
_YEARS_WITHIN = re.compile(r"(\d+|[一二两三四五六七八九十]+)年内")


@dataclass(frozen=True)
class Outcome:
    year: int
    text: str
    value: float
    unit: str
    ratio: float | None

    def to_json(self) -> dict:
        return {"year": self.year, "text": self.text, "value": self.value, "unit": self.unit, "ratio": self.ratio}


@dataclass(frozen=True)
class Goal:
    """A target set in one report, as ``erqi-diff goals --json`` prints it."""

    year: int
    text: str
    value: float | list[float]
    unit: str
    deadline: str | None
    indicator: str | None
    growth: bool
    target_year: int
    section: str
    outcome: Outcome | None = None
    qualifier: str = "exact"  # of the target: about (左右), at_least (以上), at_most (以内), range...

    @property
    def is_open(self) -> bool:
        return self.outcome is None

    @property
    def direction(self) -> str | None:
        return target_direction(self.qualifier)

    @property
    def verdict(self) -> Verdict:
        if self.outcome is None:
            return Verdict.OPEN
        return judge(self.outcome.ratio, self.direction)

    def to_json(self) -> dict:
        """As the issue's schema, plus ``direction`` (floor, ceiling or null)
        and ``verdict`` (met, missed, reported, open)."""
        return {"year": self.year, "text": self.text, "target": {"value": self.value, "unit": self.unit},
                "deadline": self.deadline, "outcome": self.outcome.to_json() if self.outcome else None,
                "direction": self.direction, "verdict": self.verdict.value}


class Verdict(str, enum.Enum):
    """What a later report's figure says of a goal."""

    MET = "met"
    MISSED = "missed"
    REPORTED = "reported"  # spoken of, but no figure to compare or no direction (左右) to judge by
    OPEN = "open"          # no later report speaks of it


def target_direction(qualifier: str) -> str | None:
    """"floor" when a target is a minimum (以上, 突破, or a plain figure:
    完成投资446亿元), "ceiling" when a maximum (以内, 不超过), None when the
    text does not say (左右 is a floor for growth and a ceiling for prices; a
    range): from the qualifier of the target quantity."""
    if qualifier in (Qualifier.EXACT.value, Qualifier.AT_LEAST.value, Qualifier.OVER.value):
        return "floor"
    return "ceiling" if qualifier == Qualifier.AT_MOST.value else None


def judge(ratio: float | None, direction: str | None) -> Verdict:
    """Met or missed when the ratio (figure / target) and the target's
    direction say so; else only reported."""
    if ratio is None or ratio < 0 or direction is None:
        return Verdict.REPORTED
    reached = ratio >= 1 if direction == "floor" else ratio <= 1
    return Verdict.MET if reached else Verdict.MISSED


def _target(quantities: list[Quantity]) -> Quantity:
    """The target of a clause: a measured quantity over a count (18个项目320万平方米), else the last."""
    measured = [q for q in quantities if q.unit not in _COUNT_UNITS]
    return (measured or quantities)[-1]


def _target_year(sent: _m.Sentence, upto: int) -> int:
    m = _m.last_match(_YEAR, sent.text[:upto + 8])
    return int(m.group(1)) if m else _m.year_of(sent.date)


def _deadline(clause: str, before: str, year: int) -> str | None:
    """By when: the clause's own 6月底前 / 3年内 / 年底, else the sentence's before it."""
    for text in (clause, before):
        found = _deadline_in(text, year)
        if found:
            return found
    return None


def _deadline_in(text: str, year: int) -> str | None:
    m = _m.last_match(_MONTH_END, text)
    if m:
        raw = m.group(1)
        month = int(raw) if raw.isdigit() else parse_chinese_numeral(raw)
        if month and 1 <= month <= 12:
            return f"{year}-{month:02d}"
    m = _YEARS_WITHIN.search(text)
    if m:
        raw = m.group(1)
        n = int(raw) if raw.isdigit() else parse_chinese_numeral(raw)
        if n:
            return f"{year + n - 1}-12"
    if re.search(r"年底|今年|全年|年度|20\d\d年", text):
        return f"{year}-12"
    return None


def _clauses(text: str):
    start = 0
    for m in _CLAUSE.finditer(text + "，"):
        yield start, text[start:m.start()]
        start = m.end()


def _unquoted(text: str) -> str:
    """``text`` with quoted spans blanked (same length): 救助计划 in “…计划” sets no target."""
    blank = _QUOTED.sub(lambda m: " " * len(m.group()), text)
    return _SHARE_OF_PLAN.sub(lambda m: " " * len(m.group()), blank)


def goals_of_sentence(sent: _m.Sentence) -> list[Goal]:
    bare = _unquoted(sent.text)
    marker = _MARKER.search(bare)
    found = []
    for start, clause in _clauses(sent.text):
        # digits only (三个二七 is a name, not a target), and nothing inside quotes
        quantities = [q for q in find_quantities(clause) if q.text[0].isdigit() or q.text[0] in "突超逾约近不至低"
                      if bare[start + q.start:start + q.end] == clause[q.start:q.end] and any(c.isdigit() for c in q.text)]
        quantities = [q for q in quantities if q.unit not in ("万", "亿", "万亿")]  # 13亿中国人: no unit, no target
        if not quantities:
            continue
        q = _target(quantities)
        pos = start + q.start
        ind = _m.find_indicator(sent.text, pos)
        in_scope = marker is not None and marker.start() < start + len(clause)
        if not in_scope:
            # 能耗强度下降3.1%以上: a hedged figure of a known indicator for the report's own year
            hedged = q.qualifier in (Qualifier.ABOUT, Qualifier.AT_LEAST, Qualifier.AT_MOST, Qualifier.RANGE)
            if not (hedged and ind and ind[1] >= start and _m.is_plan(sent, _m.reference_year(sent, pos))):
                continue
        if re.search(r"[从由]$", clause[:q.start]):
            continue
        year = _target_year(sent, pos)
        growth = bool(_GROWTH_BEFORE.search(clause[:q.start])) and q.is_percent
        if ind and (ind[1] < start or len(sent.text[ind[2]:pos]) > 8 or "的" in sent.text[ind[2]:pos]):
            ind = None  # the indicator belongs to an earlier clause, or is not what the number measures
        found.append(Goal(sent.year, clause, q.json_value(), q.unit, _deadline(clause, sent.text[:start], year),
                          ind[0] if ind else None, growth, year, sent.section, qualifier=q.qualifier.value))
    return found


def extract(snapshot) -> list[Goal]:
    """The goals of one snapshot, unlinked, in text order; a target restated
    (same indicator, value and unit) is kept where it first stands."""
    seen: set = set()
    out = []
    for sent in _m.sentences(snapshot):
        for goal in goals_of_sentence(sent):
            key = (goal.indicator, str(goal.value), goal.unit, goal.growth)
            if goal.indicator is not None and key in seen:
                continue
            seen.add(key)
            out.append(goal)
    return out


def _outcome(goal: Goal, later: list[tuple[int, list[_m.Metric]]]) -> Outcome | None:
    if goal.indicator is None:
        return None
    target = goal.value[0] if isinstance(goal.value, list) else goal.value
    for year, records in later:
        for r in records:
            if r.indicator != goal.indicator or not r.full_year or r.ref_year != goal.target_year:
                continue
            if goal.growth:
                if r.growth_pct is None or isinstance(r.growth_pct, list):
                    continue
                value, unit, ratio = r.growth_pct, "%", _ratio(r.growth_pct, target)
            else:
                if r.value is None or isinstance(r.value, list) or r.unit is None:
                    continue
                got, got_unit = to_base(r.value, r.unit)
                want, want_unit = to_base(target, goal.unit)
                if got_unit != want_unit:
                    continue
                value, unit, ratio = r.value, r.unit, _ratio(got, want)
            return Outcome(year, r.text, value, unit, ratio)
    return None


def _ratio(got: float, want: float) -> float | None:
    return round(got / want, 3) if want else None


def extract_many(snapshots: Iterable, link_with: Iterable | None = None) -> list[Goal]:
    """Goals of ``snapshots`` (oldest first), each linked to the first later
    report of ``link_with`` (default: the same snapshots) that reports on it."""
    snaps = sorted(snapshots, key=lambda s: s.year)
    pool = sorted(link_with if link_with is not None else snaps, key=lambda s: s.year)
    records = [(s.year, _m.extract(s)) for s in pool]
    out = []
    for snap in snaps:
        later = [(y, recs) for y, recs in records if y > snap.year]
        for goal in extract(snap):
            out.append(_link(goal, later))
    return out


def _link(goal: Goal, later) -> Goal:
    outcome = _outcome(goal, later)
    if outcome is None:
        return goal
    return Goal(**{**goal.__dict__, "outcome": outcome})

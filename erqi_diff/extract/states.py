"""Targets of a state, in words, and the later reports that say whether the
state held (国际收支基本平衡 set for 2023; the 2024 report, reviewing 2023:
国际收支基本平衡).

How these reports write a state: a clause that is a thing and the state it is
to be in or was in, the state last (国际收支基本平衡, 人民币汇率在合理均衡水平上
基本稳定, 经济运行保持在合理区间), the same words in the targets of a year and
in the next report's review of it. A state is one of :data:`STATES` (balance,
stability, the reasonable range), whatever adverb stands before it (基本,
总体, 保持); a clause that negates it (不平衡, 未能保持稳定, 失衡) says the
opposite.

A target of a state (a target in words, :mod:`erqi_diff.extract.qualitative`)
is judged by the first later report whose review of the target's year
states a state of the same thing (:func:`said_of`):

- the same thing: the words before the state, bare of verbs of holding and
  adverbs (保持在, 总体, 基本), equal (国际收支 and 国际收支); a list shares
  the state among its items (就业、物价总体平稳: 就业 and 物价);
- in the review of the year: a sentence under a heading that reviews,
  dated to the year by its own words of time up to the clause's end
  (去年国际收支基本平衡), else by the opening of its
  paragraph or of the nearest paragraph before it that opens with one
  (过去一年，…; 2023年，…), else by its heading; one dated to a span of years
  (过去五年) or another year never answers, nor one that speaks of what is
  ahead (要, 将, 今年…) or restates a target (目标);
- met when the report states the same state, missed when it states the
  opposite, unsure (not comparable, both quoted) when it says both.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from erqi_diff.extract.facts import Fact, Kind, Measure, Period
from erqi_diff.extract.hanscan import is_han
from erqi_diff.extract.kinds import frame_goal
from erqi_diff.extract.numbers import Modifier
from erqi_diff.extract.sentences import Sentence, split
from erqi_diff.extract.timing import Frame, Mark, heading_time, marks
from erqi_diff.extract.verdicts import Judgement, Verdict
from erqi_diff.extract.wording import AHEAD_WORDS

#: The states a thing may be set to be in: name and the words that say it, at the end of a clause.
STATES = (("balance", r"平衡"), ("stable", r"稳定|平稳"), ("range", r"合理区间(?:内)?"))
#: Words saying a state does not hold (失衡, 不平衡, 未能保持稳定).
OPPOSITE = {"balance": r"失衡|不平衡|失去平衡", "stable": r"不稳定|不平稳|大起大落|大幅波动",
            "range": r"(?:偏离|滑出|超出)合理区间"}
_NEGATED = r"(?:不|未能?|没有|难以|很难)(?:能|够)?(?:保持|实现|继续)?(?:基本|总体)?(?:在)?$"
#: Words before the state that say how or that it holds: not the thing's name (a letter class, not a Han
#: one: CPython compiles a class of Han characters slowly, and this is read on the diff view's path).
_HOLD_TAIL = re.compile(r"(?:(?:保持|处|稳定|维持)(?:在|于)?|运行(?:在|于)|在[^\W\d_A-Za-z]{2,8}?(?:水平上|水平|区间)|"
                        r"继续|总体上?|基本上?|大体|整体|持续|仍然|仍|更加|进一步|实现|保持了|实现了|总的|比较|较为|相对|的)+$")
_LINK = re.compile(r"^(?:并|和|与|同时|全年|今年|去年|上年|我国|全国|总体上|总的看|其中|"
                   r"(?:19|20)\d\d年|[一二三四五六七八九][〇○零一二三四五六七八九]{3}年)+")
#: Verbs that may lead a clause setting a state (保持经济运行在合理区间): in a review, work done, not a state.
_VERB = re.compile(r"^(?:要|确保|力争|努力|争取|促进|推动|保持|实现|使|继续|进一步|保障|维护|推进)+")
_SUFFIX = re.compile(r"(?:状况|形势|态势|局势|局面)$")
#: A sentence that speaks of what is ahead or would be, or restates a target: no outcome.
_AHEAD = re.compile(AHEAD_WORDS + r"|今年|明年|目标|预期")
_CLAUSE = re.compile(r"[^，；。：,;:！？]+")
_RE: dict[str, re.Pattern] = {}


def _re(name: str) -> re.Pattern:
    if not _RE:
        words = "|".join(f"(?P<{n}>{p})" for n, p in STATES)
        _RE["state"] = re.compile(rf"(?:{words})\s*$")
        _RE["opposite"] = re.compile("(?:" + "|".join(f"(?P<{n}>{p})" for n, p in OPPOSITE.items()) + r")\s*$")
        _RE["averted"] = re.compile(r"避免|防止|抑制|消除|克服|扭转|化解|纠正")
        _RE["negated"] = re.compile(_NEGATED)
    return _RE[name]


@dataclass(frozen=True)
class State:
    """A state said of things in a clause: ``things`` (the names, bare of
    verbs of holding; several for a list), the ``state`` (a name of
    :data:`STATES`), whether the clause says its ``opposite``, and the
    clause's span ``start``..``end`` in the text read."""

    things: tuple[str, ...]
    state: str
    opposite: bool
    start: int
    end: int
    led: bool = False  # a verb leads the clause (保持…稳定): what is done to hold it


def _bare(lead: str) -> tuple[str, bool]:
    """``lead`` without the words linking it and the verb leading it, and whether a verb did."""
    bare = _LINK.sub("", lead.strip())
    verb = _VERB.match(bare)
    return (bare[verb.end():], True) if verb else (bare, False)


def thing_name(lead: str) -> str | None:
    """The name of the thing ``lead`` (a clause up to its state) speaks of:
    国际收支 for 国际收支, 经济运行 for 保持经济运行在; None when what is left
    is no plain name (2-10 Han characters)."""
    bare = _HOLD_TAIL.sub("", _bare(lead)[0])
    bare = _SUFFIX.sub("", bare)
    return bare if 2 <= len(bare) <= 10 and all(map(is_han, bare)) else None


def read(text: str, start: int = 0, end: int | None = None) -> State | None:
    """The state the clause ``text[start:end]`` ends with, or None."""
    clause = text[start:len(text) if end is None else end]
    opposite = _re("opposite").search(clause)
    found = opposite or _re("state").search(clause)
    if found is None:
        return None
    state = next(n for n, v in found.groupdict().items() if v)
    lead = clause[:found.start()]
    negated = _re("negated").search(lead)
    if negated is not None:
        if opposite is not None:
            return None  # 不滑出合理区间: two negations, left unread
        lead = lead[:negated.start()]
    if opposite is not None and _re("averted").search(lead):
        return None  # 避免了经济的大起大落: the opposite averted, left unread
    names = [thing_name(part) for part in lead.split("、")]
    if not names or any(n is None for n in names):
        return None
    return State(tuple(n for n in names if n), state, opposite is not None or negated is not None, start,
                 start + len(clause.rstrip()), _bare(lead)[1])


@dataclass(frozen=True)
class Said:
    """A state a report says held in a year it reviews: the ``state`` read,
    the ``year`` its words date it to, the ``sentence`` and where it stands
    in the body (``start``), and the ``headings`` above it."""

    state: State
    year: int
    sentence: str
    start: int
    section: str


#: A sentence opening on the year the report reviews (去年财政增发…；…都比上年下降), under a plan heading too.
_LAST_YEAR = re.compile(r"(?:去年|上年)(?!以来|底|末|年底)")


def review_clauses(body: str, frame: Frame,
                   keep: Callable[[str, re.Match], bool]) -> Iterator[tuple[Sentence, re.Match, int]]:
    """Every clause ``keep`` (given the sentence's text and the clause) keeps,
    of a sentence under a heading that reviews (or under none that plans),
    with the single year its words date it to (see the module doc):
    (sentence, clause match in the sentence's text, year). A clause dated to
    a span of years, to none, or to a year after the one the report reviews
    is left out."""
    dated: Mark | None = None  # the time the nearest paragraph opening with one set, under the heading
    para = -1
    for sent in split(body):
        if sent.heading:
            dated = None
            continue
        if sent.para_start != para:
            para = sent.para_start
            opening = [m for m in marks(sent.text[:12], frame) if m.start == 0]
            if opening:
                dated = opening[-1]
        if frame_goal(sent.headings) is not False and not _LAST_YEAR.match(sent.text):
            continue  # (under a plan, a sentence that opens on last year reviews it: 去年…，…都比上年下降)
        for clause in _CLAUSE.finditer(sent.text):
            if not keep(sent.text, clause):
                continue
            year = _year(sent.text[:clause.end()], dated, sent.headings, frame)
            if year is not None and year <= frame.review:
                yield sent, clause, year


def review_states(body: str, frame: Frame) -> list[Said]:
    """Every state a report says held in a single year it reviews (see the module doc)."""
    last: list[State] = []  # the state of the clause kept last (yielded right after it is kept)

    def keep(text: str, clause: re.Match) -> bool:
        state = read(text, clause.start(), clause.end())
        if state is None or state.led or _AHEAD.search(text, 0, clause.end()):
            return False
        last[:] = [state]
        return True

    return [Said(last[0], year, sent.text, sent.start, sent.section)
            for sent, clause, year in review_clauses(body, frame, keep)]


def _year(before: str, dated: Mark | None, headings: tuple[str, ...], frame: Frame) -> int | None:
    """The single year a clause of a review speaks of: its sentence's own last
    word of time before it, else the paragraph's opening, else the nearest
    heading's; None for a span of years or none."""
    own = [m for m in marks(before, frame) if not m.attached]
    while len(own) > 1 and own[-1].year is None and own[-1].span is None and own[-1].period is Period.YEAR:
        own.pop()  # 去年…，但全年…: the whole of the year named before
    if own:
        return _single(own[-1])
    if dated is not None:
        return _single(dated)
    for h in headings:
        found = heading_time(h, frame)
        if found:
            return _single(found[-1]) if len(found) == 1 and "五年" not in h else None
    return None


def _single(mark: Mark) -> int | None:
    whole = mark.period in (None, Period.YEAR)  # 去年上半年: a part of the year
    return mark.year if mark.span is None and not mark.future and whole else None


def said_of(goal_words: str, year: int, said: list[Said]) -> list[Said]:
    """What ``said`` states of the state and thing of ``goal_words`` (a
    target's clause) for ``year``: the same state, or its opposite."""
    mine = read(goal_words)
    if mine is None or mine.opposite or len(mine.things) != 1:
        return []
    return [s for s in said if s.year == year and s.state.state == mine.state and mine.things[0] in s.state.things]


def judge_state(goal: Fact, said: list[Said], report_year: int) -> tuple[Fact, Judgement] | None:
    """The outcome in words and the verdict a report (of ``report_year``,
    which says ``said``) gives a target of a state, or None when it says
    nothing of its state and thing for the target's year."""
    if goal.value is not None or goal.modifier is not Modifier.QUALITATIVE or goal.figure_year is None:
        return None
    found = said_of(goal.quote, goal.figure_year, said)
    if not found:
        return None
    first = found[0]
    ways = {s.state.opposite for s in found}
    if len(ways) > 1:
        both = "” and “".join(s.sentence[s.state.start:s.state.end] for s in found[:2])
        judged = Judgement(Verdict.NOT_COMPARABLE, None, None,
                           f"unsure: the {report_year} report says both, in words: “{both}”")
    elif first.state.opposite:
        judged = Judgement(Verdict.MISSED, None, None, f"the {report_year} report says the opposite, in words")
    else:
        judged = Judgement(Verdict.MET, None, None, f"the {report_year} report states the same, in words")
    s = first.state
    quote = first.sentence[s.start:s.end]
    outcome = Fact(year=report_year, indicator=goal.indicator, what=", ".join(s.things), measure=Measure.LEVEL,
                   value=None, unit="", modifier=Modifier.QUALITATIVE, period=Period.YEAR,
                   figure_year=first.year, figure_span=None, kind=Kind.ACTUAL, base=None, quote=quote,
                   text=first.sentence, start=first.start, end=first.start + len(first.sentence),
                   quote_start=first.start + s.start, quote_end=first.start + s.end, section=first.section)
    return outcome, judged

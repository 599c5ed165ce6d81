"""Targets stated in words, with no figure: 居民收入增长与经济增长基本同步,
单位国内生产总值能耗和主要污染物排放量继续下降; and targets a report says
it does not set (能耗强度目标在“十四五”规划期内统筹考核).

A clause with no figure of its own, in a sentence that sets targets (one of
its figures is a target, or it says its content is a target: 主要预期目标是…,
outside a review), that names a
canonical indicator and says where it should go (:data:`PREDICATES`) is a
target of that indicator with no value: modifier ``qualitative``; where it
says that no target is set for the year (:data:`ABSENT`), modifier
``absent``. Its figure year is the year the sentence's goals are for.

A clause that sets a thing in a state, the state last (国际收支基本平衡,
价格总水平处在合理区间: :mod:`erqi_diff.extract.states`), is a target in words
too, of its indicator when it names one, else of no indicator (``what`` the
thing's name). A target of a state is judged by what the review of its year
in a later report says of the same thing's state (met, missed, unsure: see
:mod:`erqi_diff.extract.states`); any other target in words is never judged
(``not_comparable`` when a later report gives a figure, ``open`` when none
does) but it is listed, and linked like any target.
"""

from __future__ import annotations

import re

from erqi_diff.extract import indicators as ind
from erqi_diff.extract import states
from erqi_diff.extract import wording as w
from erqi_diff.extract.facts import Fact, Kind, Measure, Period
from erqi_diff.extract.kinds import frame_goal
from erqi_diff.extract.numbers import Modifier
from erqi_diff.extract.timing import Frame

#: Where a target in words says an indicator should go.
PREDICATES = (r"基本同步|同步|继续下降|持续下降|稳步下降|有所下降|进一步下降|明显下降|继续降低|进一步降低|"
              r"保持稳定|基本稳定|总体稳定|保持平稳|稳中有升|稳中有降|稳定增长|合理增长|平稳增长|较快增长|"
              r"保稳提质|促稳提质|稳中提质|逐步提高|有所提高|继续提高")
#: A report saying it sets no target for the year.
ABSENT = r"统筹考核|不设(?:定)?[^，；]{0,8}目标|不再设定|未设定|没有提出[^，；]{0,12}目标"
#: Words that name an indicator at the start of a target in words only (居民收入增长与经济增长基本同步).
SUBJECTS = {"居民收入": "居民人均可支配收入"}
_RE: dict[str, re.Pattern] = {}


def _re(name: str) -> re.Pattern:
    if not _RE:
        _RE["cue"] = re.compile(f"{PREDICATES}|{ABSENT}|{'|'.join(p for _, p in states.STATES)}")
        _RE["absent"] = re.compile(ABSENT)
        _RE["predicate"] = re.compile(PREDICATES)
        _RE["clause"] = re.compile(r"[^，；。：,;:]+")
        _RE["called"] = re.compile(r"预期目标|主要目标|目标(?:是|为)")
        _RE["share"] = re.compile(r"占|比重|之比|比例")
        _RE["state"] = re.compile(rf"(?:(?:保持|运行|处|维持)(?:在|于)?)?(?:基本|总体|大体)?"
                                  rf"(?:{'|'.join(p for _, p in states.STATES)})\s*$")
    return _RE[name]


def may_hold(text: str) -> bool:
    """Whether ``text`` may hold a target in words (a cheap test first)."""
    return bool(_re("cue").search(text))


def _goal_year(found: list[Fact], text: str, headings, frame: Frame) -> int | None:
    """The year the targets of the sentence are for, or None when it sets none
    (a sentence sets targets when one of its figures is a target, or when it
    says its content is a target: 主要预期目标是…)."""
    years = [f.figure_year for f in found if f.kind is Kind.TARGET and f.period in (Period.YEAR, None) and f.figure_year]
    if years:
        return max(years)
    if found or not _re("called").search(text) or frame_goal(headings) is False:
        return None
    return frame.year if frame.early or frame.month < 10 else frame.year + 1


def read_words(report_year: int, text: str, start: int, headings, found: list[Fact], frame: Frame,
               headline: str) -> list[Fact]:
    """The targets in words of the sentence ``text`` (at ``start`` in the
    body), whose figures are ``found``."""
    if not may_hold(text):
        return []
    year = _goal_year(found, text, headings, frame)
    if year is None:
        return []
    taken = [(f.quote_start - start, f.quote_end - start) for f in found]
    out = []
    for clause in _re("clause").finditer(text):
        c0, c1 = clause.span()
        if any(c0 <= a < c1 for a, _ in taken):
            continue  # a clause with a figure says it with the figure
        said = _re("absent").search(text, c0, c1) or _re("predicate").search(text, c0, c1)
        subject: tuple[str | None, int] | None = None if said is None else _subject(text[c0:said.start()], headline)
        if said is None or subject is None:
            stated = _state(text, c0, c1)  # 国际收支基本平衡: a state of a thing with no indicator
            if stated is None:
                continue
            said, subject = stated
        name, at = subject
        absent = _re("absent").fullmatch(said.group()) is not None
        quote_start, quote_end = c0 + at, said.end()
        quote = text[quote_start:quote_end]
        growing = not absent and (bool(w.last_direction(quote)) or "下降" in said.group() or "降低" in said.group())
        out.append(Fact(
            year=report_year, indicator=name, what=text[quote_start:said.start()], measure=Measure.GROWTH
            if growing else Measure.LEVEL, value=None, unit="", modifier=Modifier.ABSENT if absent else
            Modifier.QUALITATIVE, period=Period.YEAR, figure_year=year, figure_span=None, kind=Kind.TARGET, base=None,
            quote=quote, text=text, start=start, end=start + len(text), quote_start=start + quote_start,
            quote_end=start + quote_end, section=headings[0] if headings else ""))
    return out


def _state(text: str, c0: int, c1: int) -> tuple[re.Match, tuple[str | None, int]] | None:
    """(the state's words, (no indicator, offset of the thing)) of a clause
    that sets one thing in a state (:mod:`erqi_diff.extract.states`), or None."""
    state = states.read(text, c0, c1)
    if state is None or state.opposite or len(state.things) != 1:
        return None
    at = text.find(state.things[0], c0, c1)
    said = _re("state").search(text, at, state.end)
    return (said, (None, at - c0)) if at >= 0 and said is not None else None


def _subject(lead: str, headline: str) -> tuple[str, int] | None:
    """(indicator, offset) of the first indicator the clause names before its predicate."""
    for word, name in SUBJECTS.items():
        if lead.startswith(word):
            return name, 0
    found = [(m.name, m.start, m.end) for m in ind.mentions(lead, headline) if m.name]
    if not found or _re("share").search(lead, found[0][2]):
        return None  # 财政收入占国民收入的比重…有所下降: a share, not the indicator
    return found[0][0], found[0][1]

"""Parts of a report on a plan ahead, and whether they set this year's goals too.

A report that presents a five-year plan gives its goals under a heading that
names the plan (二、“七五”时期的基本任务, 今后五年…的目标, 绘就“十四五”蓝图):
a goal there that names no time of its own is of the plan's years. Some such
parts also set this year's goals (今年，…力争…; 2021年底前完成…; 确保今年打通…):
there a goal with no time of its own may be of either, and its year is left
unstated rather than guessed (:class:`PlanParts`, :attr:`~erqi_diff.extract.timing.When.unsure`).
A part runs from its heading to the next heading that names a time, as the
reader's frame of a flat outline does (:func:`erqi_diff.extract.reader.read_snapshot`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from erqi_diff.extract.facts import Period
from erqi_diff.extract.timing import Frame, Mark, marks, plan_named


@dataclass(frozen=True)
class PlanPart:
    """A part of a report under a heading that names a period ahead (“十四五”
    蓝图, “七五”时期的基本任务, 今后五年…的目标): from the heading (``start``) to
    the next heading that names a time (``end``, as the reader's frame runs), the
    period (``span``), and the offsets of its sentences that set goals of a single
    year of it, this year's above all (今年…力争, 2021年底前, 1月底前完成: ``dated``)."""

    start: int
    end: int
    span: tuple[int, int]
    dated: tuple[int, ...]


@dataclass(frozen=True)
class PlanParts:
    """The plan parts of one report (:func:`plan_parts`) and where its sections
    begin (``headings``, offsets), to tell a goal's time from its part's heading."""

    parts: tuple[PlanPart, ...]
    headings: tuple[int, ...]
    end: int

    def settle(self, contexts: list[list[Mark]], pos: int) -> list[list[Mark]]:
        """The heading ``contexts`` of a figure at ``pos``, the period of its
        plan part marked as the part's (``part``: it dates a goal only, not a
        result reported there), and unsure where the part is mixed: where a
        sentence of the part before the figure, or of the figure's own
        section, sets goals of this year (a reader of the part cannot tell
        which years a goal it gives no time is of: the plan's, or this one)."""
        part = next((p for p in self.parts if p.start <= pos < p.end), None)
        if part is None:
            return contexts
        section_end = next((h for h in self.headings if h > pos), self.end)
        if any(part.start <= d < section_end for d in part.dated):
            made = Mark(0, 0, None, None, unsure=True, part=True)
        else:
            made = Mark(0, 0, Period.MULTI_YEAR, part.span[1], part.span, future=True, part=True)
        return [[replace(made, start=m.start, end=m.end) if m.span == part.span and m.future else m
                 for m in ms] for ms in contexts]


_DATED_GATE = re.compile(r"今年|本年|明年|年内|底前|月底|月末|半年|季度|全年|(?:19|20)\d\d年|"
                         r"[一二三四五六七八九][一二三四五六七八九○〇零]{3}年")
_PLAN_NOUN = re.compile(r"[“\"][^”\"]{1,6}[”\"](?:计划|规划)|第[^，。；]{1,3}个五年(?:计划|规划)")
_PART_OF_YEAR = (Period.YEAR, Period.HALF, Period.QUARTER, Period.TO_DATE, Period.YEAR_END)


_HEADING_LINE = re.compile(r"^#{1,6}[ \t]+.*$", re.M)


def _ahead_span(found: list[Mark], frame: Frame) -> tuple[int, int] | None:
    """The span of years ahead a heading's marks name (a part's period), if any."""
    return next((m.span for m in found if m.span and m.future and frame.last_full < m.span[0] <= frame.planned), None)


def _ahead(heading: str, frame: Frame) -> bool:
    return _ahead_span(plan_named(heading, frame, marks(heading, frame)), frame) is not None


def plan_parts(body: str, frame: Frame) -> PlanParts:
    """The parts of ``body`` under headings that name a period ahead (see :class:`PlanPart`)."""
    from erqi_diff.extract import wording as w
    from erqi_diff.extract.sentences import split

    if not any(_ahead(line.lstrip("#").strip(), frame) for line in _HEADING_LINE.findall(body)):
        return PlanParts((), (), len(body))  # no heading names a period ahead: no part (most reports)
    heads: list[int] = []
    parts: list[PlanPart] = []
    current: tuple[int, tuple[int, int]] | None = None
    dated: list[int] = []

    def close(end: int) -> None:
        if current is not None:
            parts.append(PlanPart(current[0], end, current[1], tuple(dated)))

    for sent in split(body):
        if sent.heading:
            heads.append(sent.start)
            found = [m for m in plan_named(sent.text, frame, marks(sent.text, frame)) if not m.attached]
            ahead = _ahead_span(found, frame)
            if ahead is not None and current is not None and ahead == current[1]:
                continue  # a heading inside the part naming its plan again
            if any(m.year is not None or m.span or m.unsure for m in found):  # a heading naming a time: a new frame
                close(sent.start)
                current, dated = ((sent.start, ahead) if ahead else None), []
                continue
        if current is None or not _DATED_GATE.search(sent.text):
            continue
        if not sent.heading and not w.has_any(_PLAN_NOUN.sub("", sent.text), rf"{w.GOAL_WORDS}|将(?!近)"):
            continue
        for m in marks(sent.text, frame):
            single = m.year is not None and frame.planned <= m.year < current[1][1]
            part_of = m.year is None and m.period in _PART_OF_YEAR and sent.text[m.start:m.end] != "当年"
            if m.span is None and (single or part_of) and not sent.text.startswith("是", m.end):  # 今年是…开局之年
                dated.append(sent.start)
                break
    close(len(body))
    return PlanParts(tuple(parts), tuple(heads), len(body))

"""A box of the year's figures and the section it goes with (part of the
topic steps of :mod:`erqi_diff.compare.sections`).

A news page on a meeting sets the year's main figures apart in a box, one
indicator a line (初步预计: 全年地区生产总值完成567亿元，增长9% / 一般公共预算收入完成
29.4亿元，增长8.5% / 固定资产投资完成407.7亿元，增长12% …: :func:`tabled`). A
reader reads such a box beside the section whose topic is the economy: the
one whose heading or opening sentence names it (经济持续较快增长…; 今年上半年，全区
地区生产总值完成282.8亿元…: :func:`on_economy`), not beside a section on
another topic that cites a few of the same indicators further down (党的建设…
政治生态, whose second paragraph ends 预计全年GDP增长1.2%、固定资产投资增长11.1%: the
outcome of the epidemic response), though its words share more with that
one: the indicator names are the same on every page and say nothing of the
topic. :func:`untold_figures` gives the pairs the topic steps leave out.

A box left without a partner after the topic steps goes with the one
section of the other report that may take it (roles not opposed, not kept
apart: a verdict on the whole year names the economy too, but is read
against the other verdict only) and names the economy as its topic, when
there is exactly one such (:func:`figure_links`): the box's indicators
share few words with a review that gives the economy's figures in a
sentence of its own (2020年，二七区预计实现地区生产总值773亿元), but a reader
looks for the figures there. Two such sections or none: no pair. The
same for a review headed by the economy's figures (经济上半年GDP同比增长8%: the
heading names the economy, :func:`economy_review`), paired or not: it goes
with the one section of the other report on the economy too (“进”的态势持续巩固,
a split with the section it shares its projects with), as a reader puts
the two reviews of the economy side by side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from erqi_diff.compare.grouping import Basis, Link, Relation, may_link, partners
from erqi_diff.compare.outline import Outline, Role
from erqi_diff.core.document import Section

#: One indicator a line: short, a figure with its unit or a growth rate, no sentence closed inside.
_INDICATOR = re.compile(r"[0-9][0-9.]*\s*(?:%|％|亿元|万元|万人|个百分点)|增长[0-9]|下降[0-9]")
#: An indicator line holds at most this many characters.
INDICATOR_CHARS = 40
#: A box of figures holds at least this many indicator lines, and they are at least half its paragraphs.
BOX_LINES = 3
#: The economy named as a section's topic (in its heading or opening sentence).
_ECONOMY = re.compile(r"经济|地区生产总值|生产总值|GDP|ＧＤＰ")
_SENTENCE_END = re.compile(r"[。！？!?]")


def _indicator(paragraph: str) -> bool:
    text = paragraph.strip().rstrip("。；;")
    return len(text) <= INDICATOR_CHARS and not _SENTENCE_END.search(text) and bool(_INDICATOR.search(text))


def tabled(section: Section) -> bool:
    """The section is a box of figures: at least :data:`BOX_LINES` of its
    paragraphs are indicator lines (a figure or growth rate in a line of
    at most :data:`INDICATOR_CHARS` characters), and they are half of them or more."""
    lines = sum(_indicator(p) for p in section.paragraphs)
    return lines >= BOX_LINES and 2 * lines >= len(section.paragraphs)


def opening_sentence(section: Section) -> str:
    """The first sentence of the section's text ('' when it has none)."""
    if not section.paragraphs:
        return ""
    first = section.paragraphs[0]
    end = _SENTENCE_END.search(first)
    return first[:end.end()] if end else first


def on_economy(section: Section) -> bool:
    """The section's heading or opening sentence names the economy (its topic)."""
    return bool(_ECONOMY.search(section.heading) or _ECONOMY.search(opening_sentence(section)))


def untold_figures(a: Sequence[Section], b: Sequence[Section]) -> set[tuple[int, int]]:
    """The pairs of a box of figures (:func:`tabled`) with a section of the
    other report that has text, is not itself such a box and does not name
    the economy as its topic (:func:`on_economy`)."""
    out: set[tuple[int, int]] = set()
    for mine, theirs, flip in ((a, b, False), (b, a, True)):
        boxes = [x for x, s in enumerate(mine) if tabled(s)]
        if not boxes:
            continue
        away = [y for y, s in enumerate(theirs) if s.paragraphs and not tabled(s) and not on_economy(s)]
        out |= {(y, x) if flip else (x, y) for x in boxes for y in away}
    return out


def economy_review(section: Section, o: Outline, k: int) -> bool:
    """Section ``k`` is a review with text whose heading names the economy,
    not the report's opening (the news lead, read against the other lead)."""
    return bool(section.paragraphs and _ECONOMY.search(section.heading)) and k != o.opening and o.role[k] is Role.REVIEW


def figure_links(a: Sequence[Section], b: Sequence[Section], oa: Outline, ob: Outline, links: dict[tuple[int, int], Link],
                 factor: Callable[[int, int], float]) -> None:
    """A box of figures left without a partner, and a review headed by the
    economy (:func:`economy_review`), join the one section of the other
    report on the economy that ``factor`` (structure, roles, the pairs kept
    apart) allows, when there is exactly one (see the module doc)."""
    for side, mine, theirs, o in ((0, a, b, oa), (1, b, a, ob)):
        of = partners(links, side)
        for x, box in enumerate(mine):
            if not ((x not in of and tabled(box)) or economy_review(box, o, x)):
                continue
            keys = [(x, y) if side == 0 else (y, x) for y, s in enumerate(theirs) if s.paragraphs and on_economy(s)]
            found = [k for k in keys if factor(*k) > 0]
            if len(found) == 1 and may_link(links, *found[0]):
                links[found[0]] = Link(*found[0], 0.0, Relation.ONE, Basis.OUTLINE)

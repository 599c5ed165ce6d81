"""A section headed by an area of work alone, and the sections it may meet
(part of the topic steps of :mod:`erqi_diff.compare.sections`).

A news page sets out the year's work under bare headings, an area of work
and nothing more, unnumbered (新型城镇化, 生态环境, 改善民生, 重点项目: :func:`bare_area`). The
heading tells the topic; the text gives its items, and may touch another
area on the way (新型城镇化's 安置房 and roads, then 8所学校建成投用). A reader
reads such a section beside one that speaks of its area, not beside one on
another area that shares the passing item (“暖”的态势全域涌动: 温暖二七, 美好教育,
建成中小学、幼儿园39所), however much the shared item weighs in the words. So a
section under a bare area heading is not read by topic against a section
with text that names neither that area nor an area within it (:data:`WITHIN`:
生态 holds 大气, 水, 绿化, 低碳; 民生 holds 教育, 医疗, 养老, 救助, 社保, 就业,
住房, 脱贫; 城镇化 holds 住房, 市政, 交通, as a page's own words put it:
紧盯新型城镇化建设，抓好安置房、基础设施、老旧小区改造等重点工作), in its heading
or text (:func:`untold_areas`). Nor is it read against a section headed by
another area that a bare heading of its own report holds (重点项目 against
坚持绿色发展，提高生态水平 when its report has 生态环境): that section is the
counterpart of the sibling on its area, not a part of the projects, though
it tells of 生态项目 开工 and 完成投资. A heading that is not bare, or an area
no bare heading of the report holds, keeps nothing apart so: a national
part headed 加强精神文明和民主法制建设，加强国防建设 tells foreign policy in its
unheaded closing paragraphs, and takes 关于外交工作.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from erqi_diff.compare.concepts import concept_terms
from erqi_diff.compare.topics import heading_words, topic_text
from erqi_diff.core.document import Section

#: A bare area heading holds at most this many characters (after its numbering).
BARE_CHARS = 6
#: Areas of work that hold narrower ones (:mod:`erqi_diff.compare.concepts`).
WITHIN: dict[str, tuple[str, ...]] = {
    "生态": ("大气", "水", "绿化", "低碳"),
    "民生": ("教育", "医疗", "养老", "救助", "社保", "就业", "住房", "脱贫"),
    "城镇化": ("住房", "市政", "交通"),
}
_WORD = re.compile(r"^[\u3400-\u9fff\uf900-\ufaff]+$")


def bare_area(heading: str) -> set[str]:
    """The areas a bare area heading names (新型城镇化: {'@城镇化'}), with the
    areas within them; empty for any other heading (a sentence, a slogan, a
    heading naming no area, a numbered part: 二、产业 is one of a report's
    parts, whose text may go on to take in a part the next report drops)."""
    words = heading_words(heading).strip()
    if not (words and words == heading.strip() and len(words) <= BARE_CHARS and _WORD.match(words)):
        return set()
    return widened(concept_terms(words))


def widened(areas: Iterable[str]) -> set[str]:
    """The areas (concept terms: '@生态') with the areas within them (:data:`WITHIN`)."""
    found = set(areas)
    return found | {"@" + inner for area in found for inner in WITHIN.get(area[1:], ())}


def untold_areas(a: Sequence[Section], b: Sequence[Section]) -> set[tuple[int, int]]:
    """The pairs of a section under a bare area heading (:func:`bare_area`)
    with a section of the other report that has text and names none of
    those areas in its heading or topic text."""
    out: set[tuple[int, int]] = set()
    named: dict[tuple[int, int], set[str]] = {}
    for side, mine, theirs in ((0, a, b), (1, b, a)):
        bare = {x: areas for x, section in enumerate(mine) if (areas := bare_area(section.heading))}
        # the areas the bare headings name themselves (改善民生: 民生, not the 住房 within it)
        held = {t for x in bare for t in concept_terms(heading_words(mine[x].heading))}
        for x, areas in bare.items():
            for y, other in enumerate(theirs):
                if not other.paragraphs:
                    continue
                if (side, y) not in named:
                    named[side, y] = set(concept_terms(heading_words(other.heading) + "\n" + topic_text(other)))
                # headed by another area that a bare heading of this report holds: that one's counterpart
                heading = set(concept_terms(heading_words(other.heading))) & held
                if not areas & named[side, y] or (heading and not areas & heading):
                    out.add((x, y) if side == 0 else (y, x))
    return out

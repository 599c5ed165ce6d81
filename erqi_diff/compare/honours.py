"""Commendation lines: a unit's honour reported on a news page of a work
meeting (the last steps of :mod:`erqi_diff.compare.sections`).

A page on a meeting that commends the year's work (2016年度工作总结表彰…大会)
runs one headline per honour, a topic clause and the honour won:
切实关爱困难群体区残联喜获“全国残疾人工作先进单位”,
大力发展慈善事业成为全国唯一被中国慈善联合会授予“2016年度推动者”称号的城区,
空气质量明显好转被授予“河南省大气污染防治攻坚战先进单位”荣誉称号. The honours
of one area of work stand together, and a reader reads them with the
other report's section on that area (残联 and 慈善 with 2017's 改善民生).
So a commendation line left without a partner, next to a commendation
line of the same main area of work (:mod:`erqi_diff.compare.concepts`: the
area its text names most, alone) that has one partner, goes with that
partner too (a merge or split), when roles allow: its topic, told in the
unit's own terms (残疾人事业, 天使救助计划), may share few words with the
partner's (民生支出, 补贴补助) while the neighbour's shares them.

The other way round, a commendation line is read by topic only beside a
section on its area (:func:`other_areas`): when the other section's heading,
or a label without text above it (民生 over 对158个老旧小区提升改造), names areas
of work, one of them is the line's main area or holds it (生态 holds 绿化,
民生 holds 救助). The greening award 专项治理成效显著园林绿化工作荣获“城区金杯”奖
is not the counterpart of a first-half review of old housing estates under
民生, however many words on parks and greening the two share; it still meets
生态环境 or 坚持绿色发展，提高生态水平, and a heading naming no area (“暖”的态势全域涌动)
keeps nothing apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from erqi_diff.compare.areas import WITHIN, widened
from erqi_diff.compare.concepts import concept_terms
from erqi_diff.compare.grouping import Link, join, partners
from erqi_diff.compare.outline import Outline
from erqi_diff.compare.topics import heading_words, topic_text
from erqi_diff.core.document import Section

#: A heading reporting an honour won: 荣获, 获评, 喜获, 被评为, 授予…称号, 殊荣, 入选, 奖, 金杯; not
#: 获得 alone (群众获得感), nor 奖 of 奖补, 奖励, 奖惩, 奖金 (a subsidy or an incentive, not an honour).
AWARD = re.compile(r"荣获|获评|喜获|被评为|授予|称号|殊荣|入选|表彰|奖(?![补励惩金])|金杯")


def commendation(section: Section) -> bool:
    """The section's heading reports an honour won, and it has text of its own."""
    return bool(section.paragraphs) and bool(AWARD.search(section.heading))


def main_area(section: Section) -> str | None:
    """The area of work the section's text names most often, if one leads alone."""
    found = concept_terms(topic_text(section)).most_common(2)
    if not found or (len(found) == 2 and found[0][1] == found[1][1]):
        return None
    return found[0][0]


def honour_links(a: Sequence[Section], b: Sequence[Section], oa: Outline, ob: Outline,
                 links: dict[tuple[int, int], Link]) -> None:
    """Commendation lines left without a partner join the partner of a
    neighbouring commendation line of the same main area (see the module doc)."""
    for side, mine, o, theirs in ((0, a, oa, ob), (1, b, ob, oa)):
        of = partners(links, side)
        for x, section in enumerate(mine):
            if x in of or o.children[x] or not commendation(section) or (area := main_area(section)) is None:
                continue
            for y in (x - 1, x + 1):
                if not (0 <= y < len(mine) and o.parent[y] == o.parent[x] and len(of.get(y, ())) == 1
                        and commendation(mine[y]) and main_area(mine[y]) == area):
                    continue
                q = of[y][0]
                if o.role[x].compatible(theirs.role[q]):
                    join(links, *((x, q) if side == 0 else (q, x)), 0.0, oa, ob, joining_a=side == 0)
                break


def other_areas(a: Sequence[Section], b: Sequence[Section], oa: Outline, ob: Outline) -> set[tuple[int, int]]:
    """The pairs of a commendation line (:func:`commendation`, with a
    :func:`main_area`) with a section of the other report that has text and
    whose heading, or a label without text above it (not the report's
    title), names areas of work (with the areas within them:
    :data:`erqi_diff.compare.areas.WITHIN`) none of which is the line's
    main area or an area holding it."""
    out: set[tuple[int, int]] = set()
    for side, mine, theirs, o in ((0, a, b, ob), (1, b, a, oa)):
        lines = {x: area for x, section in enumerate(mine) if commendation(section) and (area := main_area(section))}
        if not lines:
            continue
        named: dict[int, set[str]] = {}
        for y, other in enumerate(theirs):
            heads = [other.heading]
            p = o.parent[y]
            if p is not None and not theirs[p].paragraphs and p not in o.titles:
                heads.append(theirs[p].heading)
            named[y] = widened(t for h in heads for t in concept_terms(heading_words(h)))
        for x, area in lines.items():
            held = {area} | {"@" + outer for outer, inner in WITHIN.items() if area[1:] in inner}
            for y, other in enumerate(theirs):
                if other.paragraphs and named[y] and not named[y] & held:
                    out.add((x, y) if side == 0 else (y, x))
    return out

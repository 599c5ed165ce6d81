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
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from erqi_diff.compare.concepts import concept_terms
from erqi_diff.compare.grouping import Link, join, partners
from erqi_diff.compare.outline import Outline
from erqi_diff.compare.topics import topic_text
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

"""A point of a numbered list read with the points around it.

A report states a part's measures or results as a list of points (第一，…
第二，… or （一）… （二）…), and a reader reads the list in order. When the
points just before and just after a point left without a partner both go on
in one section of the other report, and that section is the point's own best
counterpart by topic (above the floor, though under the join floor), the
point goes there too: it stands inside a run of the list that goes on there
(1988's 三、以深化企业改革为中心… takes 1987's reform points 第三 and 第五, and
第四，进一步扩大生产资料市场 between them; 1981's （一）当前的经济形势 takes 1980's
review points 第四 and 第六, and 第五，商品购销两旺 between them). A point at
either end of the run, or next to a point paired elsewhere, is left as it
was: the list may turn to another topic there (1987's last point 第六，改进
固定资产投资管理办法 goes on in 1988's opening-up part, not with its
siblings). The points joined are checked as any join is
(:func:`erqi_diff.compare.grouping.drop_empty_parts`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from erqi_diff.compare.grouping import Link, drop_empty_parts, join, may_link, partners
from erqi_diff.compare.outline import Outline
from erqi_diff.core.document import Section

#: The numbering of a point, by style: 第一， / 一、 / （一） / 1.
_STYLES = (re.compile(r"\s*第[一二三四五六七八九十]+[，、,.]"), re.compile(r"\s*[一二三四五六七八九十]+、"),
           re.compile(r"\s*[（(][一二三四五六七八九十]+[）)]"), re.compile(r"\s*[0-9]+[.、，,]"))


def style(heading: str) -> int | None:
    """The numbering style of a heading (an index into :data:`_STYLES`), None for none."""
    return next((k for k, pattern in enumerate(_STYLES) if pattern.match(heading)), None)


def neighbours(sections: Sequence[Section], o: Outline, k: int) -> tuple[int | None, int | None]:
    """The points just before and just after ``k`` in its list (the sections
    with the same parent and the same numbering style), None at either end."""
    mine = style(sections[k].heading)
    if mine is None:
        return None, None
    points = [x for x in range(len(sections)) if o.parent[x] == o.parent[k] and style(sections[x].heading) == mine]
    before = [x for x in points if x < k]
    after = [x for x in points if x > k]
    return (before[-1] if before else None), (after[0] if after else None)


def sibling_joins(links: dict[tuple[int, int], Link], a: Sequence[Section], b: Sequence[Section],
                  oa: Outline, ob: Outline, best_a: Mapping[int, tuple[int, int]],
                  best_b: Mapping[int, tuple[int, int]], score: Callable[[int, int], float]) -> None:
    """Each point left without a partner joins its best counterpart
    (``best_a``/``best_b``: its best pair by topic, above the floor) when the
    points around it in its list are both linked to that section (see the
    module doc); ``score`` gives the link's score."""
    joined = False
    for side, (sections, o, bests) in enumerate(((a, oa, best_a), (b, ob, best_b))):
        mine, of_theirs = partners(links, side), partners(links, 1 - side)  # taken again after each join
        for k in range(len(sections)):
            if k in mine or k not in bests:
                continue
            i, j = bests[k]
            theirs = of_theirs.get(bests[k][1 - side], [])
            before, after = neighbours(sections, o, k)
            if before in theirs and after in theirs and may_link(links, i, j):
                join(links, i, j, round(score(i, j), 4), oa, ob, joining_a=side == 0)
                joined = True
                mine, of_theirs = partners(links, side), partners(links, 1 - side)
    if joined:
        drop_empty_parts(links, a, b)

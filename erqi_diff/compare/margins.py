"""Which low-scoring pairs stand clear of their rivals (step 3 of
:mod:`erqi_diff.compare.sections`).

Two reports of different build (a five-year plan report against a year's
report, a news page on a meeting against one on another) share few
headings, and their sections share the stock vocabulary of all such
reports: a section then scores about as well with several sections of the
other report, none of them its counterpart (科技进步和智力开发 against
当前国内形势和基本任务 at 0.23, the runner-up at 0.20). A reader pairs two
sections when one is plainly the other's counterpart; so below
:data:`CLEAR` a pair is made only when it leads every rival of both its
sections by :data:`LEAD` (its score that many times theirs); else both are
shown unpaired. A section joining a pair (a split or a merge) below
:data:`CLEAR` must lead its own rivals so: the partners of a split are each
other's rivals by nature.
"""

from __future__ import annotations

from collections.abc import Mapping

from erqi_diff.compare.outline import Outline

#: From this score on, a pair needs no lead over its rivals.
CLEAR = 0.25
#: Below :data:`CLEAR`, a pair's score must be this many times each rival's.
LEAD = 1.15

Pair = tuple[int, int]


def clear_sides(ranked: Mapping[Pair, float], scored: Mapping[Pair, float], oa: Outline | None = None,
                ob: Outline | None = None) -> tuple[set[Pair], set[Pair]]:
    """The pairs clear of the rivals of their older section, and those clear
    of the rivals of their newer one: from :data:`CLEAR` on (by ``scored``,
    the similarity), or ranking :data:`LEAD` times above every rival in
    ``ranked``. A rival of pair (i, j) on i's side is another pair (i, k)
    unless k and j stand under the same heading (two tasks of one list: i's
    topic may go on in both, a split); likewise on j's side. Without the
    outlines every other pair is a rival."""
    mine: tuple[dict[int, list[tuple[float, Pair]]], dict[int, list[tuple[float, Pair]]]] = ({}, {})
    for k, r in ranked.items():
        mine[0].setdefault(k[0], []).append((r, k))
        mine[1].setdefault(k[1], []).append((r, k))
    out: tuple[set[Pair], set[Pair]] = (set(), set())
    for side, theirs in ((0, ob), (1, oa)):
        other = 1 - side
        for pairs in mine[side].values():
            pairs.sort(reverse=True)
            for r, k in pairs:
                rival = next((v for v, q in pairs
                              if q != k and (theirs is None or not _siblings(theirs, q[other], k[other]))), 0.0)
                if scored[k] >= CLEAR or r >= LEAD * rival:
                    out[side].add(k)
    return out


def _siblings(o: Outline, x: int, y: int) -> bool:
    """``x`` and ``y`` stand under the same heading (not the report's title)."""
    p = o.parent[x]
    return p is not None and p == o.parent[y] and p not in o.titles

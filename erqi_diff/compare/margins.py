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

#: From this score on, a pair needs no lead over its rivals.
CLEAR = 0.25
#: Below :data:`CLEAR`, a pair's score must be this many times each rival's.
LEAD = 1.15

Pair = tuple[int, int]


def clear_sides(ranked: Mapping[Pair, float], scored: Mapping[Pair, float]) -> tuple[set[Pair], set[Pair]]:
    """The pairs clear of the rivals of their older section, and those clear
    of the rivals of their newer one: from :data:`CLEAR` on (by ``scored``,
    the similarity), or ranking :data:`LEAD` times above every other pair
    of that section in ``ranked`` (its rivals)."""
    tops: tuple[dict[int, list[tuple[float, Pair]]], dict[int, list[tuple[float, Pair]]]] = ({}, {})
    for k, r in ranked.items():
        for side in (0, 1):
            top = tops[side].setdefault(k[side], [])
            top.append((r, k))
            if len(top) > 2:
                top.sort(reverse=True)
                top.pop()
    out: tuple[set[Pair], set[Pair]] = (set(), set())
    for k, r in ranked.items():
        for side in (0, 1):
            rival = max((v for v, other in tops[side][k[side]] if other != k), default=0.0)
            if scored[k] >= CLEAR or r >= LEAD * rival:
                out[side].add(k)
    return out

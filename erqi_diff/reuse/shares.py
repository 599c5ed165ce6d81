"""Shares: how much of each text stands in another, and what stood before.

One rule for :func:`erqi_diff.reuse.audit.find_reuse` and ``corpus report``:
a text's characters are counted in its prepared form (whitespace and
heading markers not counted, see :func:`erqi_diff.reuse.fingerprint.prepare`);
the characters of text x found in text y are the union of the spans of x
in the passages between the two (:func:`union`), and what x "wrote before"
is the union of its spans in the passages with texts earlier than it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from erqi_diff.reuse.fingerprint import Prepared

Interval = tuple[int, int]


def union(intervals: Iterable[Interval]) -> int:
    """Characters covered by the half-open ``intervals``, each counted once."""
    total, end = 0, -1
    for s, e in sorted(intervals):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total


def prepared_interval(p: Prepared, start: int, end: int) -> Interval:
    """The prepared positions of the original span ``[start, end)`` of ``p``."""
    return p.to_prepared(start), p.to_prepared(end - 1) + 1


def coverage(passages: Iterable[tuple[int, int, Interval, Interval]]) -> dict[tuple[int, int], list[Interval]]:
    """``(x, y) -> `` the intervals of text x standing in text y, from
    passages ``(x, y, interval in x, interval in y)``; a passage inside one
    text (``x == y``) counts its later span, the repeat."""
    cover: dict[tuple[int, int], list[Interval]] = defaultdict(list)
    for x, y, in_x, in_y in passages:
        if x == y:
            cover[(x, x)].append(in_y)
        else:
            cover[(x, y)].append(in_x)
            cover[(y, x)].append(in_y)
    return cover


def written_before(cover: dict[tuple[int, int], list[Interval]],
                   earlier: Callable[[int, int], bool]) -> dict[int, tuple[int, frozenset[int]]]:
    """``x -> (characters, sources)``: the characters of x standing in a
    text y earlier than it (``earlier(y, x)``), and those texts."""
    spans: dict[int, list[Interval]] = defaultdict(list)
    sources: dict[int, set[int]] = defaultdict(set)
    for (x, y), intervals in cover.items():
        if x != y and earlier(y, x):
            spans[x].extend(intervals)
            sources[x].add(y)
    return {x: (union(spans[x]), frozenset(sources[x])) for x in spans}


def matrix(cover: dict[tuple[int, int], list[Interval]], lengths: list[int],
           keys: Sequence[str]) -> dict[str, dict[str, float]]:
    """``keys[x] -> keys[y] ->`` the share of text x's characters standing
    in text y (only the pairs with passages)."""
    grid: dict[str, dict[str, float]] = {key: {} for key in keys}
    for (x, y), intervals in sorted(cover.items()):
        grid[keys[x]][keys[y]] = union(intervals) / lengths[x]
    return grid

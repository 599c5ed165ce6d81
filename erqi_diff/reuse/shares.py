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

import numpy as np

from erqi_diff.reuse.fingerprint import Prepared

Interval = tuple[int, int]


def union(intervals: Iterable[Interval]) -> int:
    """Characters covered by the half-open ``intervals``, each counted once."""
    pairs = np.array(list(intervals), dtype=np.int64).reshape(-1, 2)
    return int(union_by_group(np.zeros(len(pairs), np.int64), pairs[:, 0], pairs[:, 1], 1)[0])


def union_by_group(group: np.ndarray, starts: np.ndarray, ends: np.ndarray, groups: int) -> np.ndarray:
    """For each of ``groups`` groups, the characters covered by its
    half-open intervals ``[starts, ends)`` (non-negative positions), each
    counted once: the one interval union of the reuse audit and corpus report."""
    total = np.zeros(groups, np.int64)
    if not len(group):
        return total
    span = int(max(starts.max(), ends.max())) + 1  # groups shifted apart: a running maximum never crosses one
    s, e = group * span + starts, group * span + ends
    order = np.lexsort((e, s))
    s, e, g = s[order], e[order], group[order]
    reach = np.maximum.accumulate(e)  # the end of what is covered so far
    before = np.concatenate(([-1], reach[:-1]))
    np.add.at(total, g, np.maximum(0, e - np.maximum(s, before)))
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


def covered(owner: np.ndarray, other: np.ndarray, starts: np.ndarray, ends: np.ndarray, count: int
            ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """What :func:`coverage` and :func:`union` give, on arrays: from the
    intervals ``[starts, ends)`` of text ``owner`` standing in text
    ``other`` (``count`` texts), each pair ``(x, y)`` with intervals once,
    sorted, and the characters of x covered in y."""
    pair = owner * count + other
    pairs, group = np.unique(pair, return_inverse=True)
    return pairs // count, pairs % count, union_by_group(group.reshape(-1), starts, ends, len(pairs))


def matrix(xs: np.ndarray, ys: np.ndarray, chars: np.ndarray, lengths: list[int],
           keys: Sequence[str]) -> dict[str, dict[str, float]]:
    """``keys[x] -> keys[y] ->`` the share of text x's characters standing
    in text y (only the pairs with passages), from :func:`covered`."""
    grid: dict[str, dict[str, float]] = {key: {} for key in keys}
    for x, y, n in zip(xs.tolist(), ys.tolist(), chars.tolist()):
        grid[keys[x]][keys[y]] = n / lengths[x]
    return grid

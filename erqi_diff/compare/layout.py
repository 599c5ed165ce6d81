"""A section pairing laid out for reading: which sections are read together,
and in what order.

Each :class:`Unit` is what a diff shows under one ``@@`` line: a pair, a
merge (several older sections against one newer), one part of a split (an
older section against one of the newer sections it went on in), or a
section added or removed. Units come in the newer report's order; a
removed section stands where the older report had it (after the unit that
holds the older section before it). A unit whose older section is out of
the older report's order, against the longest run of units that keep it
(the run holding the most text), is *moved*.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from erqi_diff.compare.sections import Basis, Relation, SectionPairing


class UnitKind(str, enum.Enum):
    MATCHED = "matched"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Unit:
    """Older sections ``a`` read against newer sections ``b`` (indices)."""

    kind: UnitKind
    a: tuple[int, ...]
    b: tuple[int, ...]
    relation: Relation
    score: float | None
    basis: Basis | None = None
    moved: bool = False


def units(pairing: SectionPairing, n: int, m: int, sizes: tuple[Sequence[int], Sequence[int]]) -> list[Unit]:
    """The units of ``pairing`` (``n`` older and ``m`` newer sections, of
    ``sizes`` characters) in reading order (see the module doc)."""
    by_a: dict[int, list[int]] = {}
    by_b: dict[int, list[int]] = {}
    score: dict[tuple[int, int], float] = {}
    basis: dict[tuple[int, int], Basis] = {}
    for link in pairing.links:
        by_a.setdefault(link.a, []).append(link.b)
        by_b.setdefault(link.b, []).append(link.a)
        score[link.a, link.b] = link.score
        basis[link.a, link.b] = link.basis
    matched: list[Unit] = []
    for j in range(m):
        olders = sorted(by_b.get(j, ()))
        if not olders:
            continue
        if len(olders) == 1 and len(by_a[olders[0]]) > 1:
            relation = Relation.SPLIT
        else:
            relation = Relation.MERGE if len(olders) > 1 else Relation.ONE
        best = max(olders, key=lambda i: score[i, j])
        matched.append(Unit(UnitKind.MATCHED, tuple(olders), (j,), relation, score[best, j], basis[best, j]))
    keep = _in_order(matched, sizes)
    out: list[Unit] = []
    removed = [i for i in range(n) if i not in by_a]
    k = 0  # next removed section to place
    next_matched = 0
    for j in range(m):
        if j not in by_b:
            out.append(Unit(UnitKind.ADDED, (), (j,), Relation.ONE, None))
            continue
        unit = matched[next_matched]
        next_matched += 1
        if next_matched - 1 in keep:
            while k < len(removed) and removed[k] < unit.a[0]:
                out.append(Unit(UnitKind.REMOVED, (removed[k],), (), Relation.ONE, None))
                k += 1
            out.append(unit)
        else:
            out.append(Unit(unit.kind, unit.a, unit.b, unit.relation, unit.score, unit.basis, moved=True))
    out.extend(Unit(UnitKind.REMOVED, (i,), (), Relation.ONE, None) for i in removed[k:])
    return out


def _in_order(matched: list[Unit], sizes: tuple[Sequence[int], Sequence[int]]) -> set[int]:
    """Positions in ``matched`` (the units in newer order) of the run whose
    first older sections never go back and that holds the most text, found
    in O(k log k) with a Fenwick tree of the best run ending at each older
    index."""
    if not matched:
        return set()
    top = max(u.a[0] for u in matched) + 2
    tree_val = [0] * (top + 1)
    tree_arg = [-1] * (top + 1)
    best: list[int] = []
    prev: list[int] = []
    for k, u in enumerate(matched):
        weight = sum(sizes[0][i] for i in u.a) + sum(sizes[1][j] for j in u.b) + 1
        val, arg, pos = 0, -1, u.a[0] + 1  # runs ending at an older index <= u.a[0]
        while pos > 0:
            if tree_val[pos] > val:
                val, arg = tree_val[pos], tree_arg[pos]
            pos -= pos & -pos
        best.append(val + weight)
        prev.append(arg)
        pos = u.a[0] + 1
        while pos <= top:
            if best[k] > tree_val[pos]:
                tree_val[pos], tree_arg[pos] = best[k], k
            pos += pos & -pos
    k = max(range(len(matched)), key=best.__getitem__)
    keep = set()
    while k >= 0:
        keep.add(k)
        k = prev[k]
    return keep

"""Shares: how much of each text stands in another, and what stood before."""

from __future__ import annotations

from collections import defaultdict

from erqi_diff.reuse.fingerprint import Prepared
from erqi_diff.reuse.model import Kind, Passage, Span


def union(intervals: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(intervals):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total


def _prepared_span(p: Prepared, span: Span) -> tuple[int, int]:
    return p.to_prepared(span.start), p.to_prepared(span.end - 1) + 1


def _shares(keys, prepared, passages: list[tuple[int, int, Passage]], formulas: bool):
    """(ratios before, matrix) over the passages; with ``formulas`` False,
    formulas are left out."""
    n = len(keys)
    cover: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)  # (x, y) -> intervals of x
    for x, y, passage in passages:
        if passage.kind is Kind.FORMULA and not formulas:
            continue
        if x == y:
            cover[(x, x)].append(_prepared_span(prepared[x], passage.b))
        else:
            cover[(x, y)].append(_prepared_span(prepared[x], passage.a))
            cover[(y, x)].append(_prepared_span(prepared[y], passage.b))
    matrix: dict[str, dict[str, float]] = {key: {} for key in keys}
    earlier: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (x, y), intervals in sorted(cover.items()):
        matrix[keys[x]][keys[y]] = union(intervals) / len(prepared[x].text)
        if y < x:
            earlier[x].extend(intervals)
    before = [union(earlier.get(x, [])) for x in range(n)]
    return before, matrix

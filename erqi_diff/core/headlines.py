"""Headlines set after the paragraphs they head.

A news page laid out in columns and copied as text can come out with a
run of its stories' headlines each standing *after* its story (计生 story,
then 计生工作成功转型…, then the 工商联 story, then 主动服务发展大局区工商联…):
read as it stands, every section would hold the next story. The text says
so itself: a headline shares its distinctive words with the paragraphs
above it, not with those below. :func:`headlines_first` finds such runs and
puts each headline back before its paragraphs:

- a headline's *distinctive* words are its character bigrams less those
  most headlines of its level share (the 建设/项目/攻坚 of ●突出…建设项目攻坚);
- a headline stands after its story when paragraphs stand on both sides of
  it, at least :data:`SHARE` of its distinctive bigrams are found above it
  and at least twice as many above as below;
- two such headlines in a row, at one level, make a run (one alone is the
  end of a long section that happens to share words with the next heading,
  as in many reports); the run goes on with the next headline of its level
  whose words are found above it at least as much as below, or that heads
  nothing where it stands (the last story of the run).

The first headline of a run takes the paragraphs above it from the latest
one that still holds all of its words it finds there (what comes before is
the end of the section before). Nothing is dropped or reworded: only
headlines move, and only in plain text (Markdown headings say where they
stand).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

#: Share of a headline's distinctive bigrams found in the paragraphs above it, from which it may head them.
SHARE = 0.3


@cache
def _not_han() -> re.Pattern[str]:
    return re.compile(r"[^\u4e00-\u9fff]+")  # compiled when first needed: normalizing only


def _han(text: str) -> str:
    """The Chinese characters of ``text``, run together."""
    return _not_han().sub("", text)


def _bigrams(text: str) -> set[str]:
    han = _han(text)
    return set(map(str.__add__, han, han[1:]))


def _found(own: set[str], han: str) -> float:
    """Share of the bigrams ``own`` found in ``han``."""
    return sum(1 for gram in own if gram in han) / len(own) if own else 0.0


def _common(units: Sequence[tuple[bool, str, int]]) -> dict[int, set[str]]:
    """The bigrams shared by half or more of the headlines of each level (with three or more)."""
    by_level: dict[int, list[set[str]]] = {}
    for heading, text, level in units:
        if heading:
            by_level.setdefault(level, []).append(_bigrams(text))
    out: dict[int, set[str]] = {}
    for level, grams in by_level.items():
        counts = Counter(g for gs in grams for g in gs)
        out[level] = {g for g, n in counts.items() if len(grams) >= 3 and 2 * n >= len(grams)}
    return out


def headlines_first(units: Sequence[tuple[bool, str, int]]) -> list[int]:
    """The order of ``units`` ((is a heading, text, level), in document
    order) with the headlines that stood after their paragraphs moved
    before them (see the module doc): a permutation of their indices."""
    heads = [i for i, unit in enumerate(units) if unit[0]]
    common = _common(units)
    owns = [_bigrams(units[h][1]) - common[units[h][2]] for h in heads]
    # the paragraphs between two headlines: below one headline, above the next
    bounds = [-1, *heads, len(units)]
    blocks = [_han("".join(units[i][1] for i in range(lo + 1, hi))) for lo, hi in zip(bounds, bounds[1:])]
    shares = [(_found(owns[k], blocks[k]), _found(owns[k], blocks[k + 1]), bounds[k] + 1 < h, h + 1 < bounds[k + 2])
              for k, h in enumerate(heads)]  # above, below, paragraphs above, paragraphs below
    moved = _runs(heads, units, shares)
    starts = {k: _story_start(owns[k], units, heads[k - 1] + 1 if k else 0, heads[k])
              for k in moved if k - 1 not in moved}
    return _apply(len(units), heads, moved, starts)


def _share(own: set[str], units: Sequence[tuple[bool, str, int]], start: int, end: int) -> float:
    """Share of the bigrams ``own`` found in the paragraphs units[start:end]."""
    return _found(own, _han("".join(units[i][1] for i in range(start, end))))


def _story_start(own: set[str], units: Sequence[tuple[bool, str, int]], start: int, end: int) -> int:
    """Where the story of the first headline of a run begins among the
    paragraphs units[start:end] above it: the latest paragraph from which
    on they hold as many of its words as all of them do (the paragraphs
    before are the end of the section before)."""
    best = _share(own, units, start, end)
    return max(j for j in range(start, end) if _share(own, units, j, end) >= best)


def _strong(share: tuple[float, float, bool, bool]) -> bool:
    a, b, above, below = share
    return above and below and a >= SHARE and a >= 2 * b


def _runs(heads: list[int], units: Sequence[tuple[bool, str, int]],
          shares: list[tuple[float, float, bool, bool]]) -> set[int]:
    """The headlines (by their number among the headlines) that move."""
    moved: set[int] = set()
    k = 0
    while k < len(heads):
        level = units[heads[k]][2]
        run = k
        while run < len(heads) and units[heads[run]][2] == level and _strong(shares[run]):
            run += 1
        if run - k >= 2:
            while run < len(heads) and units[heads[run]][2] == level and shares[run][2] and (
                    (shares[run][0] >= SHARE and shares[run][0] >= shares[run][1])
                    or (not shares[run][3] and shares[run][0] > 0)):
                run += 1
            moved.update(range(k, run))
        k = max(run, k + 1)
    return moved


def _apply(n: int, heads: list[int], moved: set[int], starts: dict[int, int]) -> list[int]:
    """Indices 0..n-1 with each moved headline put before its story: the
    paragraphs between it and the headline before it, or from ``starts``
    (the first of a run)."""
    before = {starts.get(k, heads[k - 1] + 1 if k else 0): heads[k] for k in moved}
    skip = {heads[k] for k in moved}
    order: list[int] = []
    for i in range(n):
        if i in before:
            order.append(before[i])
        if i not in skip:
            order.append(i)
    return order

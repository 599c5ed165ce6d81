"""Pairing the units of two texts: paragraphs of two sections, sentences
of a changed stretch (sections are paired by :mod:`erqi_diff.compare.sections`).

Chinese has no spaces, so wording is compared on character bigrams taken
inside runs of letters (punctuation and spaces break a run and do not
count): the Dice coefficient of two units' bigram sets (:func:`dice`), the
share of bigrams the two have in common.

:func:`pair` turns a similarity table into pairs. Candidates at or above a
threshold are taken best first (a small bonus for lying at the same relative
place in both documents breaks near ties in favour of document order); the
run of pairs in the order of both documents with the greatest summed
similarity stays in place; a pair out of that order is *moved* when its
similarity reaches ``move_threshold`` (0.4 for paragraphs, as wikidiff2 does)
and is otherwise split into a removed and an added unit. :func:`merge` lays
the result out in reading order.

Identical paragraphs pair at 1.0 without any bigram being counted; only the
paragraphs left over are compared. In a long section edited rather than
rewritten (more than :data:`WINDOWS_FROM` comparisons, the identical
paragraphs in order leaving short runs between them), a changed paragraph is
compared only with those of its run and a few beyond (:func:`_windowed`).
Other large inputs (more than :data:`ALL_PAIRS_LIMIT` comparisons) are not
compared all against all either: a unit is compared with the units sharing
one of its rarest bigrams and with the units at about the same place, which
keeps the work near linear in the size of the documents.
"""

from __future__ import annotations

import enum
from bisect import bisect_left
import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain
from operator import add, itemgetter
from collections.abc import Collection, Hashable, Iterable, Mapping, Sequence


#: Paragraph pairs below this similarity are not paired.
PARAGRAPH_THRESHOLD = 0.3
#: A pair out of document order is shown as moved from this similarity on.
MOVE_THRESHOLD = 0.4
#: Two texts alike at both ends over this share are paired at once (:func:`edited_in_place`).
IN_PLACE = 0.6
#: A paragraph shorter than this (各位代表！) is never shown as moved.
MOVE_MIN_CHARS = 20
#: Above this many comparisons, compare only likely candidates.
ALL_PAIRS_LIMIT = 10_000
_SAME_COPIES = 8  # an identical paragraph is paired with at most this many copies of itself
#: Two paragraphs of a section pair that share whole clauses of this many
#: characters or more, making up :data:`SHARED_SHARE` of the shorter one
#: (a sentence kept word for word in a rewritten paragraph), are paired below
#: the threshold, where that keeps the reading order. Shorter shared clauses
#: are mostly the series' formulas (在以…为核心的党中央领导下), which say
#: nothing of the two paragraphs being one.
SHARED_CLAUSE = 20
SHARED_SHARE = 0.2
_CLAUSE_END = re.compile(r"[，；。：！？,;:!?]+")
_SIGNATURE = 24  # rarest bigrams of a unit used to find its candidates
#: Above this many comparisons, a long section's changed paragraphs are
#: compared within the runs its unchanged ones leave (:func:`_windowed`) when
#: those runs are short: a section edited, not rewritten.
WINDOWS_FROM = 400
_WINDOW_SHARE = 4
_WINDOW_MARGIN = 3  # changed paragraphs compared beyond the unchanged ones around them (:func:`_windowed`)
_ORDER_BONUS = 0.05

_BREAK = re.compile(r"[\W_]+")


def bigrams(text: str) -> Counter:
    """Character bigrams of ``text`` within runs of letters and digits; a run
    of one character counts as itself."""
    grams: Counter = Counter()
    for run in _BREAK.split(text):
        if len(run) > 1:
            grams.update(map(add, run, run[1:]))
        elif run:
            grams[run] += 1
    return grams


def bigram_set(text: str) -> frozenset[int]:
    """The bigrams :func:`dice` compares, made in one pass: the bigrams
    within runs of letters and digits, and each run's first and last
    character marked as such (which stands for a run of one character).

    A bigram is an int, its two code points read as one 64-bit word (the
    text in UTF-32 viewed as words, from its first and its second
    character): building a set of ints is about twice as fast as of
    two-character strings, and its order does not depend on the hash seed.
    A text of one character or none is a set of one negative int."""
    marked = _BREAK.sub("\0", text)
    if len(marked) < 2:
        return frozenset((-2 - ord(marked) if marked else -1,))
    data = memoryview(marked.encode("utf-32-le"))
    n = len(marked)
    return frozenset(chain(data[:n // 2 * 8].cast("Q"), data[4:4 + (n - 1) // 2 * 8].cast("Q")))


def kept_share(a: str, b: str) -> float:
    """The share of the longer text that the two begin and end with alike."""
    head = _common_prefix(a, b)
    tail = _common_prefix(a[head:][::-1], b[head:][::-1])
    return (head + tail) / max(len(a), len(b), 1)


def edited_in_place(a: str, b: str) -> bool:
    """Two texts that begin and end alike over at least :data:`IN_PLACE` of
    the longer are one text edited in the middle: they are paired without
    counting bigrams (their Dice would be well above any threshold)."""
    return kept_share(a, b) >= IN_PLACE


def _common_prefix(a: str, b: str) -> int:
    """Length of the common beginning, by halving (slices compare in C)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        mid = (low + high + 1) // 2
        if a[low:mid] == b[low:mid]:
            low = mid
        else:
            high = mid - 1
    return low


def dice(a: frozenset | set, b: frozenset | set) -> float:
    """2|A∩B| / (|A|+|B|): 1.0 for the same bigrams, 0.0 for none shared
    (and 1.0 for two texts without any letters)."""
    if not a and not b:
        return 1.0
    return 2 * len(a & b) / (len(a) + len(b))


class Kind(str, enum.Enum):
    """Where a unit stands in the merged reading order."""

    PAIRED = "paired"        # in both, in document order
    MOVED_IN = "moved_in"    # in both, shown at its place in the newer document
    MOVED_OUT = "moved_out"  # the older place of a moved unit
    REMOVED = "removed"
    ADDED = "added"


@dataclass(frozen=True)
class Pair:
    """A unit of the older document (``a``) paired with one of the newer (``b``)."""

    a: int
    b: int
    similarity: float
    moved: bool = False


@dataclass(frozen=True)
class Slot:
    """One entry of the merged reading order."""

    kind: Kind
    a: int | None
    b: int | None
    similarity: float | None = None


def _candidates(a_grams: Sequence[Iterable[Hashable]], b_grams: Sequence[Iterable[Hashable]]) -> set[tuple[int, int]]:
    """Pairs worth comparing when all against all is too much: units sharing
    one of their rarest bigrams, and units at about the same place."""
    n, m = len(a_grams), len(b_grams)
    postings_b: dict[Hashable, list[int]] = {}
    for j, grams in enumerate(b_grams):
        for g in grams:
            postings_b.setdefault(g, []).append(j)
    postings_a: dict[Hashable, list[int]] = {}
    for i, grams in enumerate(a_grams):
        for g in grams:
            postings_a.setdefault(g, []).append(i)
    # (sorted(...)[:k] is heapq.nsmallest(k, ...), ties in order, with the key looked up in C)
    count_b = {g: len(js) for g, js in postings_b.items()}
    count_a = {g: len(ids) for g, ids in postings_a.items()}
    out: set[tuple[int, int]] = set()
    for i, grams in enumerate(a_grams):
        shared = [g for g in grams if g in count_b]
        for g in sorted(shared, key=count_b.__getitem__)[:_SIGNATURE]:
            out.update((i, j) for j in postings_b[g])
        centre = round(i * m / n) if n else 0
        out.update((i, j) for j in range(max(0, centre - 2), min(m, centre + 3)))
    for j, grams in enumerate(b_grams):
        shared = [g for g in grams if g in count_a]
        for g in sorted(shared, key=count_a.__getitem__)[:_SIGNATURE]:
            out.update((i, j) for i in postings_a[g])
    return out


def _all_or_candidates(a_grams: Sequence[Iterable[Hashable]], b_grams: Sequence[Iterable[Hashable]]):
    n, m = len(a_grams), len(b_grams)
    if n * m <= ALL_PAIRS_LIMIT:
        return ((i, j) for i in range(n) for j in range(m))
    return _candidates(a_grams, b_grams)


def _gaps(same: Sequence[tuple[int, int]], rest_a: Sequence[int], rest_b: Sequence[int]) -> list[tuple[int, int]]:
    """For each paragraph of ``rest_a``, the run of ``rest_b`` (positions in
    it, end excluded) between the identical pairs kept in order around it."""
    kept = sorted(_in_order(same, dict.fromkeys(same, 1.0)))
    at_a = [i for i, _ in kept]
    out = []
    for i in rest_a:
        k = bisect_left(at_a, i)
        out.append((bisect_left(rest_b, kept[k - 1][1]) if k else 0,
                    bisect_left(rest_b, kept[k][1]) if k < len(kept) else len(rest_b)))
    return out


def _windowed(a: Sequence[str], b: Sequence[str], rest_a: Sequence[int], rest_b: Sequence[int],
              same: Sequence[tuple[int, int]]) -> dict[tuple[int, int], float] | None:
    """The similarities of a long section edited rather than rewritten: a
    changed paragraph's counterpart stands between the same unchanged
    neighbours (:func:`_gaps`), so each is compared only with the paragraphs
    there and :data:`_WINDOW_MARGIN` on either side; a gap of one paragraph
    on each side edited in place (:func:`edited_in_place`) pairs at once.
    None when those runs hold more than 1/:data:`_WINDOW_SHARE` of all pairs
    (a section rewritten)."""
    gaps = _gaps(same, rest_a, rest_b)
    if sum(hi - lo for lo, hi in gaps) * _WINDOW_SHARE > len(rest_a) * len(rest_b):
        return None
    scored: dict[tuple[int, int], float] = {}
    sharing = Counter(gaps)
    settled_a: set[int] = set()  # positions in rest_a and rest_b paired in place
    settled_b: set[int] = set()
    for x, (lo, hi) in enumerate(gaps):
        if sharing[lo, hi] == 1 and hi - lo == 1 and edited_in_place(a[rest_a[x]], b[rest_b[lo]]):
            scored[rest_a[x], rest_b[lo]] = round(kept_share(a[rest_a[x]], b[rest_b[lo]]), 4)
            settled_a.add(x)
            settled_b.add(lo)
    sets_b: dict[int, frozenset[int]] = {}
    for x, (lo, hi) in enumerate(gaps):
        if x in settled_a:
            continue
        mine = bigram_set(a[rest_a[x]])
        for y in range(max(0, lo - _WINDOW_MARGIN), min(len(rest_b), hi + _WINDOW_MARGIN)):
            if y not in settled_b:
                if y not in sets_b:
                    sets_b[y] = bigram_set(b[rest_b[y]])
                scored[rest_a[x], rest_b[y]] = round(dice(mine, sets_b[y]), 4)
    return scored


def _in_order(pairs: Sequence[tuple[int, int]], weight: Mapping[tuple[int, int], float]) -> set[tuple[int, int]]:
    """The run of pairs ``(a, b)`` increasing in both documents with the
    greatest summed weight (a Fenwick tree over ``b`` keeps it O(k log k))."""
    pairs = sorted(pairs, key=itemgetter(0))
    if _all_in_order(pairs, weight):
        return set(pairs)
    size = max((b for _, b in pairs), default=-1) + 2
    tree_val = [0.0] * (size + 1)
    tree_arg = [-1] * (size + 1)
    best: list[float] = []
    prev: list[int] = []
    for k, p in enumerate(pairs):
        # best chain ending at b' < p[1]
        val, arg, pos = 0.0, -1, p[1]  # positions 1..p[1] hold b' = 0..p[1]-1
        while pos > 0:
            if tree_val[pos] > val:
                val, arg = tree_val[pos], tree_arg[pos]
            pos -= pos & -pos
        here = val + weight[p]
        best.append(here)
        prev.append(arg)
        pos = p[1] + 1
        while pos <= size:
            if here > tree_val[pos]:
                tree_val[pos], tree_arg[pos] = here, k
            pos += pos & -pos
    keep: set[tuple[int, int]] = set()
    k = max(range(len(pairs)), key=best.__getitem__, default=-1)
    while k >= 0:
        keep.add(pairs[k])
        k = prev[k]
    return keep


def _all_in_order(pairs: Sequence[tuple[int, int]], weight: Mapping[tuple[int, int], float]) -> bool:
    """Whether :func:`_in_order` keeps every pair of ``pairs`` (sorted by
    ``a``): their ``b`` increase and each weight makes the running sum grow,
    so the best chain ending at each pair is the one through all before it
    (the common case: paragraphs left in their order)."""
    last, total = -1, 0.0
    for p in pairs:
        if p[1] <= last:
            return False
        grown = total + weight[p]
        if not grown > total:
            return False
        last, total = p[1], grown
    return True


def pair(n: int, m: int, scored: dict[tuple[int, int], float], threshold: float,
         move_threshold: float = MOVE_THRESHOLD, sizes: tuple[Sequence[int], Sequence[int]] | None = None,
         also: Collection[tuple[int, int]] = ()) -> list[Pair]:
    """Pairs from a table of similarities ``{(i, j): s}`` (missing pairs
    count as 0), as explained in the module doc; sorted by ``a``. With
    ``sizes`` (the lengths of the units of both documents), the pairs kept
    in place are those holding the most text (similarity times length), and
    a unit shorter than :data:`MOVE_MIN_CHARS` is never shown as moved.
    The pairs of ``also`` may pair below ``threshold``, after every pair
    above it (a unit left unpaired otherwise)."""
    def bonus(i: int, j: int) -> float:
        return _ORDER_BONUS * (1 - abs((i + 0.5) / n - (j + 0.5) / m))

    ranked = sorted(((s + bonus(i, j), s, i, j) for (i, j), s in scored.items() if s >= threshold),
                    reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    chosen: list[Pair] = []
    for _, s, i, j in ranked:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            chosen.append(Pair(i, j, s))
    if sizes:
        weight = {(p.a, p.b): p.similarity * (sizes[0][p.a] + sizes[1][p.b]) for p in chosen}
    else:
        weight = {(p.a, p.b): p.similarity for p in chosen}
    keep = _in_order(list(weight), weight)
    out = []
    for p in chosen:
        if (p.a, p.b) in keep:
            out.append(p)
        elif p.similarity >= move_threshold and (not sizes or min(sizes[0][p.a], sizes[1][p.b]) >= MOVE_MIN_CHARS):
            out.append(Pair(p.a, p.b, p.similarity, moved=True))
    out += _fitting(also, scored, sorted(keep), {p.a for p in out}, {p.b for p in out})
    return sorted(out, key=lambda p: p.a)


def _fitting(also: Collection[tuple[int, int]], scored: Mapping[tuple[int, int], float],
             kept: list[tuple[int, int]], used_a: set[int], used_b: set[int]) -> list[Pair]:
    """The pairs of ``also`` (most alike first) of units still free that
    keep the reading order of the ``kept`` pairs and of each other."""
    out = []
    for i, j in sorted(also, key=lambda p: (-scored.get(p, 0.0), p)):
        if i in used_a or j in used_b:
            continue
        at = bisect_left(kept, (i, j))
        if (at and kept[at - 1][1] > j) or (at < len(kept) and kept[at][1] < j):
            continue
        kept.insert(at, (i, j))
        used_a.add(i)
        used_b.add(j)
        out.append(Pair(i, j, scored.get((i, j), 0.0)))
    return out


def merge(n: int, m: int, pairs: list[Pair]) -> list[Slot]:
    """Reading order of a pairing: before each in-place pair, the older
    units since the previous one (removed, or the old place of a moved one),
    then the newer units (added, or a moved one at its new place)."""
    by_a = {p.a: p for p in pairs}
    by_b = {p.b: p for p in pairs}
    anchors = sorted((p for p in pairs if not p.moved), key=lambda p: p.a)
    slots: list[Slot] = []
    ia = ib = 0
    for anchor in [*anchors, None]:
        end_a = anchor.a if anchor else n
        end_b = anchor.b if anchor else m
        for i in range(ia, end_a):
            p = by_a.get(i)
            slots.append(Slot(Kind.MOVED_OUT, i, p.b, p.similarity) if p else Slot(Kind.REMOVED, i, None))
        for j in range(ib, end_b):
            p = by_b.get(j)
            slots.append(Slot(Kind.MOVED_IN, p.a, j, p.similarity) if p else Slot(Kind.ADDED, None, j))
        if anchor:
            slots.append(Slot(Kind.PAIRED, anchor.a, anchor.b, anchor.similarity))
            ia, ib = anchor.a + 1, anchor.b + 1
    return slots


def align_paragraphs(a: Sequence[str], b: Sequence[str],
                     threshold: float = PARAGRAPH_THRESHOLD) -> list[Slot]:
    """Pair the paragraphs of two sections; identical paragraphs score 1.0.
    The result holds every paragraph of both, each older one once and each
    newer one once (a moved pair gives a MOVED_OUT and a MOVED_IN slot)."""
    where_b: dict[str, list[int]] = {}
    for j, text in enumerate(b):
        where_b.setdefault(text, []).append(j)
    scored: dict[tuple[int, int], float] = {}
    same_a: set[int] = set()
    same_b: set[int] = set()
    same: list[tuple[int, int]] = []
    for i, text in enumerate(a):
        for j in where_b.get(text, ())[:_SAME_COPIES]:
            scored[i, j] = 1.0
            same.append((i, j))
            same_a.add(i)
            same_b.add(j)
    rest_a = [i for i in range(len(a)) if i not in same_a]
    rest_b = [j for j in range(len(b)) if j not in same_b]
    if len(rest_a) == 1 and len(rest_b) == 1 and edited_in_place(a[rest_a[0]], b[rest_b[0]]):
        scored[rest_a[0], rest_b[0]] = round(kept_share(a[rest_a[0]], b[rest_b[0]]), 4)
    elif rest_a and rest_b:
        windowed = _windowed(a, b, rest_a, rest_b, same) if len(rest_a) * len(rest_b) > WINDOWS_FROM else None
        if windowed is not None:
            scored.update(windowed)
        else:
            sets_a = [bigram_set(a[i]) for i in rest_a]
            sets_b = [bigram_set(b[j]) for j in rest_b]
            for x, y in _all_or_candidates(sets_a, sets_b):
                scored[rest_a[x], rest_b[y]] = round(dice(sets_a[x], sets_b[y]), 4)
    sizes = ([len(t) for t in a], [len(t) for t in b])
    sharing = _sharing_runs(a, b, rest_a, rest_b, scored, threshold)
    return merge(len(a), len(b), pair(len(a), len(b), scored, threshold, sizes=sizes, also=sharing))


def _sharing_runs(a: Sequence[str], b: Sequence[str], rest_a: Sequence[int], rest_b: Sequence[int],
                  scored: Mapping[tuple[int, int], float], threshold: float) -> set[tuple[int, int]]:
    """The pairs under ``threshold`` whose paragraphs share whole clauses
    (:data:`SHARED_CLAUSE`, :data:`SHARED_SHARE`): a sentence kept word for
    word inside otherwise rewritten paragraphs is shown kept, not deleted
    and inserted. Only where every pair was compared (a section of a report)."""
    if len(rest_a) * len(rest_b) > ALL_PAIRS_LIMIT:
        return set()
    clauses_b = {j: _long_clauses(b[j]) for j in rest_b}
    holding: dict[str, list[int]] = {}  # a clause: the paragraphs of rest_b holding it
    for j, clauses in clauses_b.items():
        for clause in clauses:
            holding.setdefault(clause, []).append(j)
    out = set()
    for i in rest_a if holding else ():
        mine = _long_clauses(a[i])
        for j in {j for clause in mine for j in holding.get(clause, ())}:
            shared = sum(map(len, mine & clauses_b[j]))
            if scored.get((i, j), 0.0) < threshold and shared >= SHARED_SHARE * min(len(a[i]), len(b[j])):
                out.add((i, j))
    return out


def _long_clauses(text: str) -> set[str]:
    return {c for c in _CLAUSE_END.split(text) if len(c) >= SHARED_CLAUSE}


def align_runs(a: Sequence[str], b: Sequence[str], threshold: float = PARAGRAPH_THRESHOLD) -> list[tuple[int | None, int | None]]:
    """Order-keeping pairing of two short runs (the sentences of a changed
    stretch): dynamic programming maximizing the summed Dice similarity of
    pairs at or above ``threshold``. Returns (i, j), (i, None), (None, j)
    entries in reading order covering every unit of both runs."""
    n, m = len(a), len(b)
    if n == m == 1 and edited_in_place(a[0], b[0]):
        return [(0, 0)]
    if not n or not m:
        return [(i, None) for i in range(n)] + [(None, j) for j in range(m)]
    sets_a = [bigram_set(t) for t in a]
    sets_b = [bigram_set(t) for t in b]
    sim = [[dice(sa, sb) for sb in sets_b] for sa in sets_a]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            take = best[i + 1][j + 1] + sim[i][j] if sim[i][j] >= threshold else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], take)
    out: list[tuple[int | None, int | None]] = []
    i = j = 0
    pending_b: list[int] = []
    while i < n and j < m:
        if sim[i][j] >= threshold and best[i][j] == best[i + 1][j + 1] + sim[i][j]:
            out.extend((None, k) for k in pending_b)
            pending_b = []
            out.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            out.append((i, None))
            i += 1
        else:
            pending_b.append(j)
            j += 1
    out.extend((k, None) for k in range(i, n))
    out.extend((None, k) for k in pending_b)
    out.extend((None, k) for k in range(j, m))
    return out

"""The seeding rule of the reuse audit: which places two documents share
start an alignment (:func:`pair_seeds`), from the fingerprints they share
(:func:`shared_prints`, or the inverted index of :mod:`erqi_diff.reuse.index`)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence

from erqi_diff.reuse.align import MAX_GAP

MAX_SEEDS_PER_HASH = 16  # positions of one hash paired within one document pair
DEFAULT_FORMULA_DOCS = 3  # documents from which a fingerprint is a formula's
NEAR = 1000  # characters: how far from rare wording formula wording is aligned


# What two documents share of one fingerprint: (hash, its positions in a,
# its positions in b), positions in text order, at most MAX_SEEDS_PER_HASH each.
Shared = tuple[int, Sequence[int], Sequence[int]]


def shared_prints(fa: Iterable[tuple[int, int]], fb: Iterable[tuple[int, int]],
                  same_doc: bool = False) -> list[Shared]:
    """The fingerprints two documents share, from their ``(position, hash)``
    lists in text order (:func:`erqi_diff.reuse.fingerprint.fingerprints_prepared`):
    ``(hash, positions in a, positions in b)``, the first MAX_SEEDS_PER_HASH
    positions on each side. ``same_doc``: ``fa`` is ``fb``; the hashes found
    twice or more in it. :func:`find_reuse` reads the same from its inverted
    index instead (the first MAX_SEEDS_PER_HASH places of a hash in each
    document; the first one for a formula's), which costs nothing per pair."""
    where: dict[int, list[int]] = {}
    for pos, h in fa:
        positions = where.get(h)
        if positions is None:
            where[h] = [pos]
        elif len(positions) < MAX_SEEDS_PER_HASH:
            positions.append(pos)
    if same_doc:
        return [(h, positions, positions) for h, positions in where.items() if len(positions) > 1]
    there: dict[int, list[int]] = {}
    for pos, h in fb:
        if h in where:
            positions = there.get(h)
            if positions is None:
                there[h] = [pos]
            elif len(positions) < MAX_SEEDS_PER_HASH:
                positions.append(pos)
    return [(h, where[h], positions) for h, positions in there.items()]


def pair_seeds(shared: Iterable[Shared], df: Mapping[int, int] | None = None, *,
               formula_docs: int = DEFAULT_FORMULA_DOCS, widespread_docs: int | None = None,
               same_doc: bool = False) -> list[tuple[int, int]]:
    """The seeds of one pair of documents, ``(position in a, position in b)``,
    from the fingerprints they share (:func:`shared_prints`). This is the
    one seeding rule of the reuse audit: :func:`find_reuse`,
    :func:`align_pair` and the corpus alignment stage
    (:mod:`erqi_diff.corpus.pystages`) all call it.

    ``df``: the number of documents of the whole corpus holding each hash
    (a hash missing from it, or every hash when ``df`` is None, counts as
    rare: the formula hashes are enough). A rare hash (in fewer than
    ``formula_docs`` documents) seeds every pair of its positions. A
    formula's hash (in ``formula_docs`` documents or more) seeds once, its
    first position in a with its first in b; if it is in
    ``widespread_docs`` documents or more, only near a rare seed
    (:func:`near_seeds`), so that the work per pair stays bounded however
    many documents hold a stock passage. ``same_doc``: a text against
    itself: the pairs of places of a rare hash repeated in it (first before
    second); formula hashes seed nothing there."""
    get = (df or {}).get
    rare: list[tuple[int, int]] = []
    common: list[tuple[int, int]] = []
    wide: list[tuple[int, int]] = []
    for h, pa, pb in shared:
        ndocs = get(h, 0)
        if ndocs < formula_docs:
            if same_doc:
                rare.extend((p, q) for x, p in enumerate(pa) for q in pa[x + 1:])
            else:
                rare.extend((p, q) for p in pa for q in pb)
        elif not same_doc:
            (wide if widespread_docs is not None and ndocs >= widespread_docs else common).append((pa[0], pb[0]))
    return rare + common + near_seeds(rare, wide)


def near_seeds(rare: list[tuple[int, int]], common: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The seeds of ``common`` (shared fingerprints of stock passages found
    in most documents) near a seed of ``rare`` (wording the two documents
    share more rarely): within NEAR characters in the first text and
    4 * MAX_GAP diagonals. Such wording is aligned where it adjoins a copied
    passage, not in every pair of documents (it is listed once, with its
    count, in :attr:`ReuseResult.formulas`): what one pair costs stays
    bounded however many documents hold the stock passage."""
    if not rare or not common:
        return []
    band = 4 * MAX_GAP
    anchors = sorted(rare)
    kept = []
    for i, j in common:
        d = i - j
        lo = bisect_left(anchors, (i - NEAR, -1))
        for i0, j0 in anchors[lo:]:
            if i0 > i + NEAR:
                break
            if abs(d - (i0 - j0)) <= band:
                kept.append((i, j))
                break
    return kept

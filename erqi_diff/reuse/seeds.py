"""The seeding rule of the reuse audit: which places two documents share
start an alignment (:func:`pair_seeds`), from the fingerprints they share
(:func:`shared_prints`, or the inverted index of :mod:`erqi_diff.reuse.index`)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from erqi_diff.reuse.align import MAX_GAP

MAX_SEEDS_PER_HASH = 16  # positions of one hash paired within one document pair
DEFAULT_FORMULA_DOCS = 3  # documents from which a fingerprint is a formula's
NEAR = 1000  # characters: how far from rare wording formula wording is aligned
BAND = 4 * MAX_GAP  # diagonals: how near a rare seed's formula wording is aligned


# What two documents share of one fingerprint: (hash, its positions in a,
# its positions in b), positions in text order, at most MAX_SEEDS_PER_HASH each.
Shared = tuple[int, Sequence[int], Sequence[int]]


@dataclass(frozen=True)
class DocPrints:
    """One document's fingerprints by hash: ``hashes`` (each once, sorted),
    and for each its first MAX_SEEDS_PER_HASH places in text order,
    ``pos[start[i]:start[i + 1]]``."""

    hashes: np.ndarray
    start: np.ndarray
    pos: np.ndarray

    @classmethod
    def of(cls, positions, hashes) -> DocPrints:
        """From a document's fingerprints in text order (positions, hashes)."""
        positions = np.asarray(positions, dtype=np.int64)
        hashes = np.asarray(hashes, dtype=np.int64)
        order = np.argsort(hashes, kind="stable")
        h, p = hashes[order], positions[order]
        new = np.ones(len(h), bool)
        new[1:] = h[1:] != h[:-1]
        runs = np.flatnonzero(new)
        rank = np.arange(len(h)) - runs[np.cumsum(new) - 1] if len(h) else np.empty(0, np.int64)
        keep = rank < MAX_SEEDS_PER_HASH
        kept_new = new[keep]
        return cls(h[keep][kept_new], np.append(np.flatnonzero(kept_new), int(keep.sum())), p[keep])

    def places(self, i: int) -> list[int]:
        return self.pos[self.start[i]:self.start[i + 1]].tolist()


def shared_prints(fa: Iterable[tuple[int, int]], fb: Iterable[tuple[int, int]],
                  same_doc: bool = False) -> list[Shared]:
    """The fingerprints two documents share, from their ``(position, hash)``
    lists in text order (:func:`erqi_diff.reuse.fingerprint.fingerprints_prepared`):
    ``(hash, positions in a, positions in b)``, the first MAX_SEEDS_PER_HASH
    positions on each side, by hash. ``same_doc``: ``fa`` is ``fb``; the
    hashes found twice or more in it."""
    a = _prints(fa)
    if same_doc:
        return [(h, a.places(i), a.places(i)) for i, h in enumerate(a.hashes.tolist())
                if a.start[i + 1] - a.start[i] > 1]
    b = _prints(fb)
    _, ia, ib = np.intersect1d(a.hashes, b.hashes, assume_unique=True, return_indices=True)
    return [(int(a.hashes[i]), a.places(i), b.places(j)) for i, j in zip(ia.tolist(), ib.tolist())]


def _prints(pairs: Iterable[tuple[int, int]]) -> DocPrints:
    listed = list(pairs)
    return DocPrints.of([p for p, _ in listed], [h for _, h in listed])


def pair_places(a: DocPrints, b: DocPrints, formula_hashes: np.ndarray, formula_counts: np.ndarray):
    """What documents ``a`` and ``b`` share, as :func:`seeds_from` takes it:
    ``(rare_p, rare_q, formula_p, formula_q, formula_docs)``: every pair of
    places of a shared hash that is not a formula's, and the first places
    of each shared formula hash (``formula_hashes``, sorted, found in
    ``formula_counts`` documents)."""
    common, ia, ib = np.intersect1d(a.hashes, b.hashes, assume_unique=True, return_indices=True)
    at = np.searchsorted(formula_hashes, common)
    at[at == len(formula_hashes)] = 0
    is_formula = formula_hashes[at] == common if len(formula_hashes) else np.zeros(len(common), bool)
    fa, fb = ia[is_formula], ib[is_formula]
    formula = (a.pos[a.start[fa]], b.pos[b.start[fb]], formula_counts[at[is_formula]])
    ra, rb = ia[~is_formula], ib[~is_formula]
    single = (a.start[ra + 1] - a.start[ra] == 1) & (b.start[rb + 1] - b.start[rb] == 1)
    rare_p = [a.pos[a.start[ra[single]]]]
    rare_q = [b.pos[b.start[rb[single]]]]
    for i, j in zip(ra[~single].tolist(), rb[~single].tolist()):
        pa, pb = a.places(i), b.places(j)
        rare_p.append(np.repeat(np.array(pa, np.int64), len(pb)))
        rare_q.append(np.tile(np.array(pb, np.int64), len(pa)))
    return np.concatenate(rare_p), np.concatenate(rare_q), *formula


def seeds_from(rare_p: np.ndarray, rare_q: np.ndarray, formula_p: np.ndarray, formula_q: np.ndarray,
               formula_docs: np.ndarray, widespread_docs: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The seeding rule of the reuse audit, on arrays: the seeds
    ``(positions in a, positions in b)`` of one pair of documents from
    every pair of places of their shared rare fingerprints (``rare_p``,
    ``rare_q``) and the first places of their shared formula fingerprints
    (``formula_p``, ``formula_q``, each in ``formula_docs`` documents).
    Every rare pair seeds; a formula's first places seed too, but when the
    formula is in ``widespread_docs`` documents or more, only near a rare
    seed (:func:`near_mask`), so that the work per pair stays bounded
    however many documents hold a stock passage. :func:`pair_seeds`,
    :func:`erqi_diff.reuse.audit.find_reuse` and the corpus alignment stage
    all seed through it."""
    if widespread_docs is None or not len(formula_p):
        return np.concatenate((rare_p, formula_p)), np.concatenate((rare_q, formula_q))
    wide = formula_docs >= widespread_docs
    if wide.all():
        near = near_mask(rare_p, rare_q, formula_p, formula_q)
        return np.concatenate((rare_p, formula_p[near])), np.concatenate((rare_q, formula_q[near]))
    near = near_mask(rare_p, rare_q, formula_p[wide], formula_q[wide])
    keep = ~wide
    keep[np.flatnonzero(wide)[near]] = True
    return np.concatenate((rare_p, formula_p[keep])), np.concatenate((rare_q, formula_q[keep]))


def near_mask(rare_p: np.ndarray, rare_q: np.ndarray, wide_p: np.ndarray, wide_q: np.ndarray) -> np.ndarray:
    """Which seeds ``(wide_p, wide_q)`` (shared fingerprints of stock
    passages found in most documents) stand near a rare seed (wording the
    two documents share more rarely): within NEAR characters in the first
    text and 4 * MAX_GAP diagonals. Such wording is aligned where it
    adjoins a copied passage, not in every pair of documents (it is listed
    once, with its count, in :attr:`ReuseResult.formulas`)."""
    out = np.zeros(len(wide_p), bool)
    if not len(rare_p) or not len(wide_p):
        return out
    rare_d = (rare_p - rare_q)[None, :]
    rp = rare_p[None, :]
    if len(rare_p) * len(wide_p) <= 1 << 16:
        i = wide_p[:, None]
        return ((np.abs(rp - i) <= NEAR) & (np.abs(rare_d - (i - wide_q[:, None])) <= BAND)).any(axis=1)
    step = max(1, (1 << 20) // len(rare_p))
    for lo in range(0, len(wide_p), step):
        i = wide_p[lo:lo + step, None]
        d = i - wide_q[lo:lo + step, None]
        out[lo:lo + step] = ((np.abs(rp - i) <= NEAR) & (np.abs(rare_d - d) <= BAND)).any(axis=1)
    return out


def pair_seeds(shared: Iterable[Shared], df: Mapping[int, int] | None = None, *,
               formula_docs: int = DEFAULT_FORMULA_DOCS, widespread_docs: int | None = None,
               same_doc: bool = False) -> list[tuple[int, int]]:
    """The seeds of one pair of documents, ``(position in a, position in b)``,
    from the fingerprints they share (:func:`shared_prints`), by the rule
    of :func:`seeds_from`.

    ``df``: the number of documents of the whole corpus holding each hash
    (a hash missing from it, or every hash when ``df`` is None, counts as
    rare: the formula hashes are enough). A rare hash (in fewer than
    ``formula_docs`` documents) seeds every pair of its positions. A
    formula's hash (in ``formula_docs`` documents or more) seeds once, its
    first position in a with its first in b; if it is in
    ``widespread_docs`` documents or more, only near a rare seed.
    ``same_doc``: a text against itself: the pairs of places of a rare hash
    repeated in it (first before second); formula hashes seed nothing there."""
    get = (df or {}).get
    rare: list[tuple[int, int]] = []
    formula: list[tuple[int, int, int]] = []
    for h, pa, pb in shared:
        ndocs = get(h, 0)
        if ndocs < formula_docs:
            if same_doc:
                rare.extend((p, q) for x, p in enumerate(pa) for q in pa[x + 1:])
            else:
                rare.extend((p, q) for p in pa for q in pb)
        elif not same_doc:
            formula.append((pa[0], pb[0], ndocs))
    r = np.array(rare, np.int64).reshape(-1, 2)
    f = np.array(formula, np.int64).reshape(-1, 3)
    p, q = seeds_from(r[:, 0], r[:, 1], f[:, 0], f[:, 1], f[:, 2], widespread_docs)
    return list(zip(p.tolist(), q.tolist()))

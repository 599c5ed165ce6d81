"""The inverted index of :func:`erqi_diff.reuse.audit.find_reuse`, as arrays.

Built from a :class:`~erqi_diff.reuse.fingerprint_arrays.FingerprintTable`
in passes linear in its rows (:func:`_postings`: groups of hashes by their
top bits, each sorted in the cache; postings of a hash stay in document
then text order; :mod:`erqi_diff.reuse.radix`). A fingerprint found in ``formula_docs`` documents or more is a
formula's: it keeps its document count, its first place and the first place
in the second document holding it, and pairs no documents; what one k-gram
may pull in is capped, whatever the number of documents holding it. The
others (rare fingerprints) keep their first :data:`~erqi_diff.reuse.seeds.MAX_SEEDS_PER_HASH`
places in each document, and pair the documents holding them.

numpy is imported here: the reuse commands only.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from erqi_diff.reuse.fingerprint_arrays import FingerprintTable, ranges
from erqi_diff.reuse.radix import find, stable_order
from erqi_diff.reuse.seeds import BAND, MAX_SEEDS_PER_HASH, NEAR

_AT = 1 << 32  # a place as one number: document * _AT + position


@dataclass(frozen=True)
class FormulaPrints:
    """The formula fingerprints, one row each, sorted by hash: ``hash``,
    ``docs`` (documents holding it), ``doc`` and ``pos`` (its first place),
    ``other_doc`` and ``other_pos`` (its first place in the second document
    holding it)."""

    hash: np.ndarray
    docs: np.ndarray
    doc: np.ndarray
    pos: np.ndarray
    other_doc: np.ndarray
    other_pos: np.ndarray

    def __len__(self) -> int:
        return len(self.hash)


@dataclass(frozen=True)
class PairSeeds:
    """What the candidate pairs of documents share of the rare
    fingerprints, one row per pair of places: documents ``x <= y`` (``x ==
    y``: a fingerprint repeated inside a document, ``p < q``), ``hash``,
    place ``p`` in x and ``q`` in y; rows sorted by (x, y). ``starts``:
    where each pair's rows begin (one more entry than pairs, the last the
    row count), ``pairs``: (x, y) of each, ``hashes``: the distinct
    fingerprints each shares (what ``minmatch`` counts)."""

    x: np.ndarray
    y: np.ndarray
    hash: np.ndarray
    p: np.ndarray
    q: np.ndarray
    starts: np.ndarray
    pairs: np.ndarray
    hashes: np.ndarray


@dataclass(frozen=True)
class Index:
    """Every distinct hash (sorted) with the number of documents holding it,
    the formula fingerprints, each document's formula places and the
    candidate pairs' shared rare fingerprints."""

    hashes: np.ndarray
    docs: np.ndarray
    formula_docs: int
    formulas: FormulaPrints
    places_start: np.ndarray  # per document, where its rows of places_hash / places_pos begin
    places_hash: np.ndarray   # its formula fingerprints, sorted by hash
    places_pos: np.ndarray    # the first place of each in it
    places_docs: np.ndarray   # the documents holding each
    shared: PairSeeds
    places_fid: np.ndarray    # the number of each among the formulas (a row of formulas)
    places_order: np.ndarray  # the rows of places_pos in text order: by document, then position

    def doc_freq(self, hashes: np.ndarray) -> np.ndarray:
        """Documents holding each of ``hashes`` (0: not a fingerprint)."""
        hashes = np.asarray(hashes)
        if hashes.dtype != np.int64:  # a uint64 query would be compared as float64
            hashes = hashes.astype(np.int64)
        i = find(self.hashes, hashes)
        i[i == len(self.hashes)] = 0
        found = self.hashes[i] == hashes if len(self.hashes) else np.zeros(len(hashes), bool)
        return np.where(found, self.docs[i] if len(self.docs) else 0, 0)

    def places(self, doc: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(hashes, first positions, documents)`` of the formula fingerprints in ``doc``, by hash."""
        lo, hi = int(self.places_start[doc]), int(self.places_start[doc + 1])
        return self.places_hash[lo:hi], self.places_pos[lo:hi], self.places_docs[lo:hi]

    def shared_formulas(self, x: int, y: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The formula fingerprints documents ``x`` and ``y`` share: ``(first
        place in x, first place in y, documents holding it)``."""
        starts = self._starts
        lo, hi = starts[x], starts[x + 1]
        px, dx = self.places_pos[lo:hi], self.places_docs[lo:hi]
        hx = self.places_hash[lo:hi]
        lo, hi = starts[y], starts[y + 1]
        if lo == hi or not len(hx):
            return px[:0], px[:0], dx[:0]
        hy = self.places_hash[lo:hi]
        j = hy.searchsorted(hx)
        np.minimum(j, hi - lo - 1, out=j)
        both = hy[j] == hx
        return px[both], self.places_pos[lo:hi][j[both]], dx[both]

    @cached_property
    def _starts(self) -> list[int]:
        return self.places_start.tolist()

    def make_by_place(self) -> None:
        """Make :attr:`by_place` and :attr:`members` now (before worker processes fork, so they share them)."""
        for name in ("by_place", "members"):
            if name not in self.__dict__:  # functools.cached_property keeps its value there
                self.__dict__[name] = getattr(type(self), name).func(self)

    @cached_property
    def members(self) -> tuple[np.ndarray, int]:
        """``(bits, shift)``: which formulas each document may hold, a
        filter small enough for the cache (a Bloom filter of one hash): bit
        ``doc << shift | fid % 2**shift`` of ``bits`` (bytes, lowest bit
        first) is set for every formula number ``fid`` (a row of formulas)
        the document holds, so a clear bit says it does not hold it; a set
        bit may still be another formula's (``2**shift`` bits a document,
        at least four times its formulas on average: about one in eight).
        Nine of ten lookups of the seeds in the formula places fail (two
        documents share few of their formulas): most are told here, in 5
        MB on 10,000 reports, instead of searching the 23 MB of places."""
        ndocs = len(self.places_start) - 1
        shift = max(6, (4 * len(self.places_fid) // max(ndocs, 1)).bit_length())
        doc = np.repeat(np.arange(ndocs, dtype=np.int64), np.diff(self.places_start))
        flags = np.zeros(ndocs << shift, bool)
        flags[(doc << shift) | (self.places_fid & ((1 << shift) - 1))] = True
        return np.packbits(flags, bitorder="little"), shift

    @cached_property
    def by_place(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The formula places looked up both ways: ``(key, at, fid)``. ``key``
        (a row of places_pos): document * formulas + the fingerprint's
        number among the formulas, sorted as the rows are; ``at``: document *
        2**32 + position, sorted (a document's places in text order), with
        ``fid``, the number of each."""
        doc = np.repeat(np.arange(len(self.places_start) - 1, dtype=np.int64), np.diff(self.places_start))
        fid = self.places_fid
        key = (doc * max(len(self.formulas), 1) + fid).astype(self._key_type, copy=False)
        np.multiply(doc, _AT, out=doc)
        doc += self.places_pos
        order = self.places_order
        return key, doc[order], fid[order]

    @property
    def _key_type(self) -> type:
        """The dtype of :attr:`by_place`'s keys: uint32 when they fit (half
        the memory a lookup in them reads: on 10,000 reports, 23 MB, within
        the processor's cache, instead of 47), else int64."""
        return np.uint32 if (len(self.places_start) - 1) * max(len(self.formulas), 1) <= 1 << 32 else np.int64

    def widespread_seeds(self, rows: np.ndarray) -> tuple[list[int], np.ndarray, np.ndarray]:
        """The seeds of the candidate pairs ``rows`` (rows of ``shared.pairs``)
        all at once, as :func:`~erqi_diff.reuse.seeds.seeds_from` gives them
        from :meth:`shared_formulas` when every formula is widespread: each
        pair's rare seeds, then its shared formula places near one (not
        sorted; a seed may come twice). ``(starts, p, q)``: the seeds of
        ``rows[i]`` are ``p[starts[i]:starts[i + 1]]``, likewise q."""
        sh = self.shared
        lo = sh.starts[rows]
        count = sh.starts[rows + 1] - lo
        owner = np.repeat(np.arange(len(rows)), count)
        at = ranges(lo, count)
        p, q = sh.p[at], sh.q[at]
        x, y = sh.pairs[rows, 0], sh.pairs[rows, 1]
        fo, fp, fq = self._near_formulas(owner, p, q, x, y)
        owner, p, q = np.concatenate((owner, fo)), np.concatenate((p, fp)), np.concatenate((q, fq))
        order = np.argsort(owner, kind="stable")
        starts = np.searchsorted(owner[order], np.arange(len(rows) + 1)).tolist()
        return starts, p[order], q[order]

    def _near_formulas(self, owner: np.ndarray, p: np.ndarray, q: np.ndarray, x: np.ndarray, y: np.ndarray
                       ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(pair, place in x, place in y)`` of the formula fingerprints
        pair ``(x, y)`` shares near one of its rare seeds ``(p, q)`` (by pair,
        then place in x): within NEAR characters in x and BAND diagonals."""
        cross = (x != y)[owner]
        owner, p, q = owner[cross], p[cross], q[cross]
        # the places of x within NEAR of a seed: one window per run of seeds closer than 2 * NEAR
        new = np.ones(len(owner), bool)
        new[1:] = (owner[1:] != owner[:-1]) | (p[1:] - p[:-1] > 2 * NEAR)
        first = np.flatnonzero(new)
        last = np.append(first[1:], len(owner))[:len(first)] - 1  # (none when no seed is between two documents)
        key, at, fid = self.by_place
        base = x[owner[first]] * _AT
        lo = np.searchsorted(at, base + p[first] - NEAR)
        count = np.searchsorted(at, base + p[last] + NEAR, side="right") - lo
        window = np.repeat(np.arange(len(first)), count)
        cand = ranges(lo, count)
        fp = at[cand] % _AT
        # the same fingerprint's first place in y
        other, fc = y[owner[first]][window], fid[cand]
        bits, shift = self.members  # (most are not there: told without a search)
        slot = (other << shift) | (fc & ((1 << shift) - 1))
        maybe = np.flatnonzero((bits[slot >> 3] >> (slot & 7).astype(np.uint8)) & 1)
        window, fp = window[maybe], fp[maybe]
        wanted = (other[maybe] * max(len(self.formulas), 1) + fc[maybe]).astype(key.dtype, copy=False)
        j = np.minimum(find(key, wanted), max(len(key) - 1, 0))
        shared = key[j] == wanted if len(key) else np.zeros(len(wanted), bool)
        window, fp, fq = window[shared], fp[shared], self.places_pos[j[shared]].astype(np.int64)
        # near: a seed of the window within NEAR in x (a range of them, by place) and BAND diagonals
        seed_key = np.repeat(np.arange(len(first)), last - first + 1) * (2 * _AT) + p
        s_lo = np.searchsorted(seed_key, window * (2 * _AT) + fp - NEAR)
        s_count = np.searchsorted(seed_key, window * (2 * _AT) + fp + NEAR, side="right") - s_lo
        which = np.repeat(np.arange(len(window)), s_count)
        seed = ranges(s_lo, s_count)
        ok = np.abs((p - q)[seed] - (fp - fq)[which]) <= BAND
        near = np.zeros(len(window), bool)
        near[which[ok]] = True
        return owner[first][window[near]], fp[near], fq[near]

    def formula_counts(self) -> dict[int, int]:
        """formula hash -> documents (what :func:`erqi_diff.reuse.seeds.pair_seeds` takes as ``df``)."""
        return dict(zip(self.formulas.hash.tolist(), self.formulas.docs.tolist()))


_BUCKET = 1 << 17  # fingerprints whose hashes are gone through at once by build_index (about 1 MB: the cache)


def _counts(flags: np.ndarray) -> np.ndarray:
    """``cumsum`` of a boolean array (through int8: many times faster), as int32."""
    return np.cumsum(flags.view(np.int8), dtype=np.int32)


_ROWS = 1 << 20  # rows of the table put in groups at once by _groups (their hashes: 8 MB)


def _groups(hash_: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """``(hashes, rows)`` of the rows of ``hash_`` (non-negative), a group
    at a time, in row order inside a group; the groups of about
    :data:`_BUCKET` rows by the top bits of their hash, in order (every hash
    of a group is above the previous group's). Linear: a radix pass (numpy's
    stable argsort of 8-bit keys) over some rows at a time, in the cache."""
    n = len(hash_)
    bits = min(8, (n // _BUCKET).bit_length())
    if bits == 0 or int(hash_.min()) < 0:  # (hashes are below 2**61: never negative)
        if n:
            yield hash_, np.arange(n, dtype=np.int32)
        return
    shift = max(int(hash_.max()).bit_length() - bits, 0)
    pieces = []  # per run of rows: their hashes and rows by group, and where each group ends
    for lo in range(0, n, _ROWS):
        part = hash_[lo:lo + _ROWS]
        key = (part >> shift).astype(np.uint8)
        order = np.argsort(key, kind="stable")
        ends = np.cumsum(np.bincount(key, minlength=1 << bits)).tolist()
        pieces.append((part[order], (order + lo).astype(np.int32), [0] + ends))  # (rows below 2**31)
    del hash_, part, key, order  # the table's hashes are let go here when the caller handed them over
    for g in range(1 << bits):
        yield (np.concatenate([h[e[g]:e[g + 1]] for h, _, e in pieces]),
               np.concatenate([r[e[g]:e[g + 1]] for _, r, e in pieces]))


class _Pieces:
    """Columns made a group of hashes at a time, joined at the end."""

    def __init__(self, *dtypes: type) -> None:
        self.dtypes = dtypes
        self.parts: list[list[np.ndarray]] = [[] for _ in dtypes]

    def add(self, *columns: np.ndarray) -> None:
        for part, column in zip(self.parts, columns):
            part.append(column)

    def joined(self) -> list[np.ndarray]:
        out = [np.concatenate(part) if part else np.empty(0, dtype) for part, dtype in zip(self.parts, self.dtypes)]
        self.parts = [[] for _ in self.dtypes]
        return out


def _scan(columns: list[np.ndarray], formula_docs: int
          ) -> tuple[np.ndarray, np.ndarray, list[np.ndarray], list[np.ndarray], list[np.ndarray]]:
    """Everything :func:`build_index` reads of a fingerprint table's
    postings, a group of hashes at a time: ``(hashes, docs, formulas,
    places, rare)``, every distinct hash (sorted) and the documents holding
    it; the formula fingerprints' columns (:class:`FormulaPrints`); each
    posting of a formula's first in its document ``(doc, pos, formula
    number, row)``, by hash; and the rare postings among the first
    :data:`MAX_SEEDS_PER_HASH` of their (hash, document) ``(hash, doc, pos,
    documents of the hash, first of its hash)``, by hash, document and
    position. ``columns``: the table's hash, doc and pos, taken out of the
    list (the hashes are let go once read).

    The rows are gone through a group of hashes at a time
    (:func:`_groups`: a group's hashes all lie between the previous
    group's and the next one's), and each group's postings are sorted,
    counted and sorted out while they are in the cache; only what the
    index keeps is joined: on 10,000 reports (30 million fingerprints, 7
    million postings of repeated hashes) passes over arrays of all the
    postings read and write memory beyond the cache, each new array is
    memory the process has not touched yet, and each grew 12 to 20 times
    from 1,000 reports."""
    hash_, doc, pos = columns
    columns.clear()
    out = np.empty(len(hash_), np.int64)  # the distinct hashes, group after group
    docs = np.empty(len(hash_), np.int32)  # the documents holding each
    written = 0
    formulas = _Pieces(np.int64, np.int32, doc.dtype.type, pos.dtype.type, doc.dtype.type, pos.dtype.type)
    places = _Pieces(doc.dtype.type, pos.dtype.type, np.int32, np.int32)
    rare = _Pieces(np.int64, doc.dtype.type, pos.dtype.type, np.int32, np.bool_)
    nformulas = 0
    groups = _groups(hash_)
    del hash_  # let go with the groups' own copies
    for hb, group_rows in groups:
        sb = np.sort(hb)
        new = np.ones(len(sb), bool)
        np.not_equal(sb[1:], sb[:-1], out=new[1:])
        distinct = sb[new]
        repeated = sb[1:][~new[1:] & new[:-1]]  # the second posting of each hash with two or more
        out[written:written + len(distinct)] = distinct
        group_docs = docs[written:written + len(distinct)]
        group_docs.fill(1)
        written += len(distinct)
        if not len(repeated):
            continue
        # the rows holding one of them: a table of their low bits (32 entries or more each) lets few others
        # through, found out by a binary search in the group's own
        bits = len(repeated).bit_length() + 5
        low = (1 << bits) - 1
        hit = np.zeros(1 << bits, bool)
        hit[repeated & low] = True
        rows = np.flatnonzero(hit[hb & low])
        held_hash = hb[rows]
        rank = np.minimum(np.searchsorted(repeated, held_hash), len(repeated) - 1)
        held = repeated[rank] == held_hash
        rows, rank = rows[held], rank[held]
        by_hash = stable_order(rank, len(repeated))  # by hash, then row
        row = group_rows[rows[by_hash]]  # rows of the table, in order
        h, d, p = repeated[rank[by_hash]], doc[row], pos[row]
        # the group's postings: by hash, then document and position (row order)
        n = len(h)
        new_hash = np.ones(n, bool)
        new_hash[1:] = h[1:] != h[:-1]
        new_doc = new_hash.copy()
        new_doc[1:] |= d[1:] != d[:-1]
        hash_start = np.flatnonzero(new_hash)
        doc_start = np.flatnonzero(new_doc)
        docs_per_hash = np.add.reduceat(new_doc.view(np.int8), hash_start, dtype=np.int32)
        group_docs[np.searchsorted(distinct, repeated)] = docs_per_hash
        # per posting: its hash's document count, its rank among the places of its (hash, doc)
        run_of = _counts(new_doc) - 1
        rank_in_doc = np.arange(n, dtype=np.int32) - doc_start[run_of].astype(np.int32)
        df = docs_per_hash[_counts(new_hash) - 1]
        # formula fingerprints: first place, first place in the second document
        fidx = np.flatnonzero(docs_per_hash >= formula_docs)
        if len(fidx):
            first = hash_start[fidx]
            second = doc_start[run_of[first] + 1]
            formulas.add(h[first], docs_per_hash[fidx], d[first], p[first], d[second], p[second])
            # each document's formula fingerprints with their first place there (by hash)
            widespread = df >= formula_docs
            keep = new_doc & widespread
            fid = _counts(new_hash & widespread) + np.int32(nformulas - 1)  # the number of each among the formulas
            places.add(d[keep], p[keep], fid[keep], row[keep])
            nformulas += len(fidx)
        chosen = (df < formula_docs) & (rank_in_doc < MAX_SEEDS_PER_HASH)
        rare.add(h[chosen], d[chosen], p[chosen], df[chosen], new_hash[chosen])
    del groups
    out.resize((written,), refcheck=False)  # no view of it was made: the tail is given back
    docs.resize((written,), refcheck=False)
    return out, docs, formulas.joined(), places.joined(), rare.joined()


def _by_doc(doc: np.ndarray, ndocs: int) -> np.ndarray:
    """The stable order of ``doc`` (numbers below ``ndocs``): a radix sort
    when they fit 16 bits, many times faster than a comparison sort."""
    if ndocs <= 1 << 16:
        return np.argsort(doc.astype(np.uint16), kind="stable")
    return np.argsort(doc, kind="stable")


def build_index(table: FingerprintTable, ndocs: int, formula_docs: int) -> Index:
    """The index of ``table`` (fingerprints of ``ndocs`` documents)."""
    # the table is let go as soon as it has served: this is the peak of a large audit
    columns = [table.hash, table.doc, table.pos]
    del table  # its hashes are freed by _scan once read when the caller handed it over (find_reuse does)
    hashes, docs, formula_columns, (fd, fp, ffid, frow), rare = _scan(columns, formula_docs)
    formulas = FormulaPrints(*formula_columns)
    # each document's formula fingerprints, sorted by (doc, hash): they are by hash already
    by_doc = _by_doc(fd, ndocs)
    # (each gather through by_doc reads at random: the hash and documents of a place are its formula's)
    fp, ffid, frow = fp[by_doc], ffid[by_doc], frow[by_doc]
    fh, fdocs = formulas.hash[ffid], formulas.docs[ffid]
    places_start = np.concatenate(([0], np.cumsum(np.bincount(fd, minlength=ndocs)))).astype(np.int64)
    shared = _pair_seeds(*rare)
    return Index(hashes, docs, formula_docs, formulas, places_start, fh, fp, fdocs, shared, ffid,
                 _row_order(frow, places_start))


_SPAN = 1 << 16  # places put in row order at once by _row_order


def _row_order(rows: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """The order that sorts ``rows`` (distinct rows of a fingerprint table,
    which is by document then position; given by document, those of
    document i from ``starts[i]``): each document's places in text order.
    A counting sort of a few documents at a time (their rows a short range,
    whose table stays in the cache): linear in the places, where a sort of
    them all takes ``n log n``."""
    n = len(rows)
    order = np.empty(n, np.int32)
    # chunks of whole documents, about _SPAN places each
    cuts = np.unique(starts[np.searchsorted(starts, np.arange(0, n, _SPAN), side="right") - 1]).tolist() + [n]
    for lo, hi in zip(cuts, cuts[1:]):
        if hi <= lo:
            continue
        part = rows[lo:hi]
        base = int(part.min())
        slot = np.full(int(part.max()) - base + 1, -1, np.int32)
        slot[part - base] = np.arange(lo, hi)
        order[lo:hi] = slot[slot >= 0]
    return order


def _pair_seeds(h: np.ndarray, d: np.ndarray, p: np.ndarray, df: np.ndarray, first: np.ndarray) -> PairSeeds:
    """The rows of :class:`PairSeeds` from the rare postings (sorted by
    hash, document, position; ``first``: the first posting of its hash)."""
    n = len(h)
    group = _counts(first) - 1
    size = np.bincount(group, minlength=int(group[-1]) + 1 if n else 0) if n else np.empty(0, np.int64)
    starts = np.flatnonzero(first)
    # the common case: in two documents, once in each
    simple = (size == 2) & (df[starts] == 2) if n else np.empty(0, bool)
    s = starts[simple]
    cols: list[list[np.ndarray]] = [[d[s]], [d[s + 1]], [h[s]], [p[s]], [p[s + 1]]]
    # the rest (a k-gram repeated inside a document, or in more documents): pairs of places
    rest_x: list[int] = []
    rest_y: list[int] = []
    rest_h: list[int] = []
    rest_p: list[int] = []
    rest_q: list[int] = []
    for g in np.flatnonzero(~simple & (size > 1)).tolist():
        lo = int(starts[g])
        hi = lo + int(size[g])
        hv = int(h[lo])
        places: dict[int, list[int]] = {}
        for doc, pos in zip(d[lo:hi].tolist(), p[lo:hi].tolist()):
            places.setdefault(doc, []).append(pos)
        owners = list(places)
        for i, ox in enumerate(owners):
            px = places[ox]
            for a in range(len(px)):
                for b in range(a + 1, len(px)):
                    rest_x.append(ox)
                    rest_y.append(ox)
                    rest_h.append(hv)
                    rest_p.append(px[a])
                    rest_q.append(px[b])
            for oy in owners[i + 1:]:
                for pa in px:
                    for qb in places[oy]:
                        rest_x.append(ox)
                        rest_y.append(oy)
                        rest_h.append(hv)
                        rest_p.append(pa)
                        rest_q.append(qb)
    if rest_x:
        for col, extra in zip(cols, (rest_x, rest_y, rest_h, rest_p, rest_q)):
            col.append(np.array(extra, np.int64))
    xa, ya, ha, pa_, qa = (np.concatenate(c).astype(np.int64) for c in cols)
    # by (x, y, p, q): np.lexsort((qa, pa_, ya, xa)), as stable radix sorts from the last key (linear)
    order = stable_order(qa)
    for key in (pa_, ya, xa):
        order = order[stable_order(key[order])]
    x, y, hh, pp, qq = xa[order], ya[order], ha[order], pa_[order], qa[order]
    m = len(x)
    new_pair = np.ones(m, bool)
    new_pair[1:] = (x[1:] != x[:-1]) | (y[1:] != y[:-1])
    pair_starts = np.flatnonzero(new_pair)
    # distinct hashes per pair: a simple hash is one row of one pair, so only the other rows can repeat a
    # (pair, hash): their rows less the repeats among those
    distinct = np.diff(np.append(pair_starts, m)).astype(np.int64)
    if rest_x:
        rx, ry, rh = (np.array(c, np.int64) for c in (rest_x, rest_y, rest_h))
        by = np.lexsort((rh, ry, rx))  # (few: the hashes repeated inside a document or in more than two)
        rx, ry, rh = rx[by], ry[by], rh[by]
        again = (rx[1:] == rx[:-1]) & (ry[1:] == ry[:-1]) & (rh[1:] == rh[:-1])
        span = int(ya.max()) + 1
        pair_key = x[pair_starts] * span + y[pair_starts]
        repeats = np.searchsorted(pair_key, rx[1:][again] * span + ry[1:][again])
        distinct -= np.bincount(repeats, minlength=len(pair_starts))
    pairs = np.stack((x[pair_starts], y[pair_starts]), axis=1) if m else np.empty((0, 2), np.int64)
    return PairSeeds(x, y, hh, pp, qq, np.append(pair_starts, m), pairs, distinct)

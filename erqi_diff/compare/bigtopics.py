"""The term vectors of :mod:`erqi_diff.compare.topics` for long reports, with numpy.

Two reports of 1,000,000 characters give a few million n-grams: counted
in Python dictionaries, weighed and compared pair by pair they take
seconds. Here the same vectors are made from arrays: the texts' code
points, each n-gram a number (its characters' ranks among the characters
used, side by side in one integer, with the document's index below
them), one sort of those numbers giving every term's count in every
document and the number of documents holding it.

The values are the very same as :class:`erqi_diff.compare.topics.Weights`
gives, to the last bit, and so are the cosines: every logarithm is taken
by Python's math.log (a term's weight depends only on how many documents
hold it and how many times its document does), every product and quotient
is the one Python makes (IEEE 754 arithmetic is the same in numpy), and a
sum that Python takes with math.fsum (the exact sum, rounded once) is taken
exactly here too: each value is cut at fixed binary places into integer
chunks of 30 bits, the chunks are summed per group (integers below 2**53
add up exactly in floating point), and the whole, an integer, is divided by
the power of two as Python divides integers (rounded once, half to even).
A value that chunks cannot hold exactly sends the sum to math.fsum.

numpy is imported by this module's functions alone, only for long texts
(see :data:`erqi_diff.compare.topics.BIG_TEXT`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from erqi_diff.compare.concepts import CONCEPTS, concept_terms

_CHUNK = 30
_CHUNKS = 4
#: Above this many products, the cosines are taken document by document rather than term by term.
TERM_PRODUCTS = 12_000_000
_AREAS = tuple("@" + area for area in CONCEPTS)
_AREA_INDEX = {term: k for k, term in enumerate(_AREAS)}



def _runs(values: Any) -> tuple[Any, Any]:
    """Where each run of equal values of a sorted array starts, and its length."""
    import numpy as np

    first = np.empty(len(values), dtype=bool)
    first[:1] = True
    np.not_equal(values[1:], values[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    return starts, np.diff(np.append(starts, len(values)))


def exact_sums(values: Any, groups: Any, ngroups: int) -> list[float]:
    """math.fsum of the ``values`` (floats >= 0) of each group ``0 .. ngroups - 1``."""
    import numpy as np

    if not len(values):
        return [0.0] * ngroups
    top = math.frexp(float(values.max()))[1]  # every value is below 2**top
    # scaled exactly unless a value would fall among the subnormal numbers
    exact = float(values.min()) >= math.ldexp(1.0, top - 1000)
    rest = np.ldexp(values, -top)  # in [0, 1)
    chunks: list[Any] = []
    while exact and len(chunks) < _CHUNKS and (not chunks or rest.any()):
        rest = rest * float(1 << _CHUNK)
        whole = np.floor(rest)
        rest -= whole
        chunks.append(np.bincount(groups, weights=whole, minlength=ngroups))
    if not exact or rest.any() or len(values) >= 1 << (52 - _CHUNK):  # not held exactly: sum as Python does
        order = np.argsort(groups, kind="stable")
        bounds = np.searchsorted(groups[order], np.arange(ngroups + 1))
        ordered = values[order].tolist()
        return [math.fsum(ordered[bounds[k]:bounds[k + 1]]) for k in range(ngroups)]
    while len(chunks) < _CHUNKS:
        chunks.append(np.zeros(ngroups))
    # two chunks side by side in one 64-bit integer where they fit, the whole as a Python integer
    hi, lo = (c.astype(np.int64) for c in chunks[:2]), (c.astype(np.int64) for c in chunks[2:])
    halves = []
    for upper, lower in (hi, lo):
        if int(upper.max()) >= 1 << (62 - _CHUNK):
            return [(((a << _CHUNK) + b << 2 * _CHUNK) + (c << _CHUNK) + d) / (1 << (_CHUNK * _CHUNKS - top))
                    for a, b, c, d in zip(*(k.astype(np.int64).tolist() for k in chunks))]
        halves.append(((upper << _CHUNK) + lower).tolist())
    shift = _CHUNK * _CHUNKS - top
    if shift < 0:
        return [float((h << 2 * _CHUNK) + k << -shift) for h, k in zip(*halves)]
    div = 1 << shift
    return [((h << 2 * _CHUNK) + k) / div for h, k in zip(*halves)]


class TermBatch:
    """The unit vectors of ``texts`` (the topic texts of the sections to
    pair, then those of the background), weighted over all of them: for
    each term a document holds, ordered by term then document, the term's
    number (``ids``), its weight there (``values``) and the document
    (``docs``). Built by :meth:`build`."""

    def __init__(self, np: Any, ids: Any, values: Any, docs: Any, ndocs: int, idf: Any, names: Any) -> None:
        self._np = np
        self.ndocs = ndocs
        self.ids, self.values, self.docs = ids, values, docs  # ordered by term, then document
        self.idf = idf  # by term number
        self._names = names
        self._by_doc: tuple[Any, Any] | None = None

    @classmethod
    def build(cls, texts: Sequence[str], min_df: int) -> TermBatch | None:
        """The vectors of ``texts`` (see :class:`erqi_diff.compare.topics.Weights`),
        None when the n-grams of these texts do not fit in 64-bit numbers."""
        import numpy as np

        ndocs = len(texts)
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=ndocs)
        cps = np.frombuffer("\n".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        in_run = (((cps >= 0x3400) & (cps <= 0x9FFF)) | ((cps >= 0xF900) & (cps <= 0xFAFF))
                  | ((cps >= 0x41) & (cps <= 0x5A)) | ((cps >= 0x61) & (cps <= 0x7A)))
        present = np.zeros(0x10000, dtype=np.int64)
        present[cps[in_run]] = 1
        rank = np.cumsum(present)
        used = int(rank[-1])
        bits, doc_bits = used.bit_length(), max(1, ndocs.bit_length())
        if 4 * bits + 1 + doc_bits > 62:
            return None
        k = np.where(in_run, rank[np.minimum(cps, 0xFFFF)], 0)
        doc = np.repeat(np.arange(ndocs, dtype=np.int64), lengths + 1)[:len(k)]
        keys = []
        code = k[:-1]
        ok = code > 0
        for n in (2, 3, 4):
            nxt = k[n - 1:]
            ok = ok[:len(nxt)] & (nxt > 0)
            code = (code[:len(nxt)] << bits) | nxt
            keys.append((code[ok] << doc_bits) | doc[:len(nxt)][ok])
        ordered = np.sort(np.concatenate(keys))
        starts, tf = _runs(ordered)
        group = ordered[starts]
        term, gdoc = group >> doc_bits, group & ((1 << doc_bits) - 1)
        chars = np.flatnonzero(present).astype(np.uint32)  # rank r is chars[r - 1]

        # the areas of work named (:mod:`erqi_diff.compare.concepts`), from the n-gram counts
        found: list[dict[str, int]] = [{} for _ in range(ndocs)]
        wanted = [(t, c) for t in _gram_terms() if (c := _code(t, present, rank, bits)) is not None]
        if wanted:
            codes = np.array([c for _, c in wanted], dtype=np.int64)
            lo, hi = np.searchsorted(term, codes, "left"), np.searchsorted(term, codes, "right")
            for (t, _), x, y in zip(wanted, lo.tolist(), hi.tolist()):
                for d, c in zip(gdoc[x:y].tolist(), tf[x:y].tolist()):
                    found[d][t] = c
        rows = sorted((_AREA_INDEX[area], d, n) for d, text in enumerate(texts)
                      for area, n in concept_terms(text, found[d]).items())
        if rows:
            extra = np.array(rows, dtype=np.int64).reshape(-1, 3)
            term = np.concatenate([term, (1 << 4 * bits) + extra[:, 0]])
            gdoc = np.concatenate([gdoc, extra[:, 1]])
            tf = np.concatenate([tf, extra[:, 2]])

        # document frequencies, inverse; the terms of one document kept from min_df on
        term_starts, df = _runs(term)
        codes_kept = term[term_starts]
        keep_term = df >= min_df
        tid = np.cumsum(keep_term) - 1  # a kept term's number, in order of code
        idf_of = np.array([math.log(1 + ndocs / n) if n else 0.0 for n in range(int(df.max(initial=0)) + 1)])
        concept = codes_kept >= 1 << 4 * bits
        idf = idf_of[df[keep_term]] * np.where(concept[keep_term], _concept_weight(), 1.0)
        group_term = np.repeat(np.arange(len(df)), df)
        keep = keep_term[group_term]
        gid, gdoc, tf = tid[group_term[keep]], gdoc[keep], tf[keep]
        tf_of = np.array([1 + math.log(c) if c > 1 else 1.0 for c in range(int(tf.max(initial=0)) + 1)])
        weights = idf[gid] * tf_of[tf]
        norms = np.array([math.sqrt(s) or 1.0 for s in exact_sums(weights * weights, gdoc, ndocs)])
        values = weights / norms[gdoc]
        names = (codes_kept[keep_term], chars, bits)
        return cls(np, gid, values, gdoc, ndocs, idf, names)

    def term(self, number: int) -> str:
        """The term (n-gram or ``@area``) numbered ``number``."""
        codes, chars, bits = self._names
        code = int(codes[number])
        if code >= 1 << 4 * bits:
            return _AREAS[code - (1 << 4 * bits)]
        out = []
        while code:
            out.append(chr(chars[(code & ((1 << bits) - 1)) - 1]))
            code >>= bits
        return "".join(reversed(out))

    def _doc_order(self) -> tuple[Any, Any]:
        """The entries ordered by document then term, and where each document starts there."""
        if self._by_doc is None:
            np = self._np
            order = np.argsort(self.docs, kind="stable")
            self._by_doc = order, np.searchsorted(self.docs[order], np.arange(self.ndocs + 1))
        return self._by_doc

    def vector(self, d: int) -> dict[int, float]:
        """Document ``d``'s vector, term number -> weight."""
        order, starts = self._doc_order()
        at = order[starts[d]:starts[d + 1]]
        return dict(zip(self.ids[at].tolist(), self.values[at].tolist()))

    def cosines(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """math.fsum of the products of the shared terms of documents
        ``d`` and ``e`` for each ``(d, e)`` of ``pairs`` (d < e)."""
        np = self._np
        if len(set(pairs)) < len(pairs):
            found = dict(zip(unique := list(dict.fromkeys(pairs)), self.cosines(unique)))
            return [found[p] for p in pairs]
        if not pairs:
            return []
        firsts = sorted({d for d, _ in pairs})
        seconds = sorted({e for _, e in pairs})
        if self._term_products(firsts, seconds) <= TERM_PRODUCTS:
            return self._by_term(pairs, firsts, seconds)
        out: dict[tuple[int, int], float] = {}
        dense = np.zeros(len(self.idf))
        partners: dict[int, list[int]] = {}
        for d, e in pairs:
            partners.setdefault(d, []).append(e)
        order, starts = self._doc_order()
        for d, es in partners.items():
            mine = order[starts[d]:starts[d + 1]]
            dense[self.ids[mine]] = self.values[mine]
            spans = [order[starts[e]:starts[e + 1]] for e in es]
            at = np.concatenate(spans)
            which = np.repeat(np.arange(len(es)), [len(s) for s in spans])
            products = dense[self.ids[at]] * self.values[at]
            shared = products != 0.0  # weights are > 0: 0 means not shared
            for e, s in zip(es, exact_sums(products[shared], which[shared], len(es))):
                out[d, e] = s
            dense[self.ids[mine]] = 0.0
        return [out[p] for p in pairs]

    def _side(self, docs: Sequence[int]) -> tuple[Any, Any, Any]:
        """The entries of ``docs``: term numbers, weights and the document's place in ``docs``, by term."""
        np = self._np
        place = np.full(self.ndocs, -1, dtype=np.int64)
        place[list(docs)] = np.arange(len(docs))
        local = place[self.docs]
        mine = local >= 0
        return self.ids[mine], self.values[mine], local[mine]

    def _term_products(self, firsts: Sequence[int], seconds: Sequence[int]) -> int:
        """How many products the cosines of all ``firsts`` with all ``seconds`` take, term by term."""
        np = self._np
        self._sides = self._side(firsts), self._side(seconds)
        count_a = np.bincount(self._sides[0][0], minlength=len(self.idf))
        count_b = np.bincount(self._sides[1][0], minlength=len(self.idf))
        self._count_b = count_b
        return int(count_a @ count_b)

    def _by_term(self, pairs: Sequence[tuple[int, int]], firsts: Sequence[int],
                 seconds: Sequence[int]) -> list[float]:
        """Every product of a term held by a document of ``firsts`` and one
        of ``seconds``, summed per pair of documents."""
        np = self._np
        (ids_a, values_a, local_a), (_, values_b, local_b) = self._sides
        count_b = self._count_b
        start_b = np.concatenate([[0], np.cumsum(count_b)])
        per_a = count_b[ids_a]  # how many documents of seconds each entry of firsts meets
        total = int(per_a.sum())
        row = np.repeat(np.arange(len(ids_a)), per_a)
        block = np.concatenate([[0], np.cumsum(per_a)])[:-1]
        col = start_b[ids_a][row] + (np.arange(total) - block[row])
        m = len(seconds)
        pos_a = {d: k for k, d in enumerate(firsts)}
        pos_b = {e: k for k, e in enumerate(seconds)}
        where = np.full(len(firsts) * m, -1, dtype=np.int64)
        where[[pos_a[d] * m + pos_b[e] for d, e in pairs]] = np.arange(len(pairs))
        slot = where[local_a[row] * m + local_b[col]]
        wanted = slot >= 0
        products = values_a[row[wanted]] * values_b[col[wanted]]
        return exact_sums(products, slot[wanted], len(pairs))


def _concept_weight() -> float:
    from erqi_diff.compare.topics import CONCEPT_WEIGHT

    return CONCEPT_WEIGHT


def _gram_terms() -> frozenset[str]:
    from erqi_diff.compare.concepts import _GRAM_TERMS

    return _GRAM_TERMS


def _code(term: str, present: Any, rank: Any, bits: int) -> int | None:
    """The number of an n-gram, None when one of its characters is not used."""
    code = 0
    for c in map(ord, term):
        if c > 0xFFFF or not present[c]:
            return None
        code = (code << bits) | int(rank[c])
    return code

"""The inverted index of :func:`erqi_diff.reuse.audit.find_reuse`: hash -> postings."""

from __future__ import annotations

from collections import defaultdict

from erqi_diff.reuse.seeds import MAX_SEEDS_PER_HASH, Shared

_POS_BITS = 32
_POS_MASK = (1 << _POS_BITS) - 1


def _index(fps: list[list[tuple[int, int]]], formula_docs: int) -> dict:
    """hash -> postings, a posting being ``doc << 32 | position``. The value
    is one posting (int) or a list of postings (at most MAX_SEEDS_PER_HASH
    per document) while the hash is in fewer than ``formula_docs``
    documents; from then on (a formula fingerprint) only ``[-documents, last document, first posting, a posting in another
    document]``: what one k-gram may pull in is capped, whatever the number
    of documents holding it."""
    index: dict = {}
    get = index.get
    cap = formula_docs - 1
    for d, fp in enumerate(fps):
        base = d << _POS_BITS
        for pos, h in fp:
            v = get(h)
            if v is None:
                index[h] = base | pos
            elif v.__class__ is int:
                index[h] = [v, base | pos]
            elif v[0] < 0:
                if v[1] != d:
                    v[0] -= 1
                    v[1] = d
            elif v[-1] >> _POS_BITS == d:
                if len(v) < MAX_SEEDS_PER_HASH or v[-MAX_SEEDS_PER_HASH] >> _POS_BITS != d:
                    v.append(base | pos)  # a k-gram repeated in one document: its first places
            else:
                ndocs = len({e >> _POS_BITS for e in v}) + 1
                if ndocs > cap:
                    other = next(e for e in v if e >> _POS_BITS != v[0] >> _POS_BITS)
                    index[h] = [-ndocs, d, v[0], other]
                else:
                    v.append(base | pos)
    return index


def _shared_by_pair(index: dict) -> dict[tuple[int, int], list[Shared]]:
    """What every pair of documents (x <= y; x == y for a document with
    itself) shares of the fingerprints that are not a formula's, as
    :func:`shared_prints` would give it, read from the index."""
    shared: dict[tuple[int, int], list[Shared]] = defaultdict(list)
    for h, v in index.items():
        if v.__class__ is int or v[0] < 0:
            continue
        if len(v) == 2:  # the common case: in two documents, or twice in one
            (x, p), (y, q) = divmod(v[0], 1 << _POS_BITS), divmod(v[1], 1 << _POS_BITS)
            shared[(x, y)].append((h, [p, q], [p, q]) if x == y else (h, (p,), (q,)))
            continue
        places: dict[int, list[int]] = {}
        for e in v:  # in document order, then text order
            places.setdefault(e >> _POS_BITS, []).append(e & _POS_MASK)
        docs = list(places)
        for n, x in enumerate(docs):
            if len(places[x]) > 1:
                shared[(x, x)].append((h, places[x], places[x]))
            for y in docs[n + 1:]:
                shared[(x, y)].append((h, places[x], places[y]))
    return shared


def _formula_places(fps, index: dict) -> tuple[list[dict[int, int]], dict[int, int]]:
    """Per document, formula fingerprint -> its first position there; and
    formula fingerprint -> the documents holding it."""
    formula = {h: -v[0] for h, v in index.items() if v.__class__ is not int and v[0] < 0}
    return [{h: pos for pos, h in reversed(list(zip(*fp))) if h in formula} for fp in fps], formula


def _doc_freq(v) -> int:
    if v.__class__ is int:
        return 1
    if v[0] < 0:
        return -v[0]
    return len({e >> _POS_BITS for e in v})

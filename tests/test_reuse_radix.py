"""The linear-time index (erqi_diff/reuse/radix.py, index.py's groups of
hashes and counting sort of places): the same numbers as numpy's sorts and
searches, the same index whatever the sizes of its groups and chunks, and
the same passages as the code before it (issue 16)."""

from __future__ import annotations

import dataclasses
import hashlib
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from erqi_diff.reuse import index as index_module
from erqi_diff.reuse.audit import find_reuse
from erqi_diff.reuse.fingerprint import params_for
from erqi_diff.reuse.fingerprint_arrays import fingerprint_table, prepare_many
from erqi_diff.reuse.radix import find, stable_order


@settings(deadline=None, max_examples=60)
@given(arrays(np.int64, st.integers(0, 3000), elements=st.integers(0, (1 << 40) - 1)))
def test_stable_order_is_numpys_stable_argsort(keys):
    assert np.array_equal(stable_order(keys), np.argsort(keys, kind="stable"))
    small = keys & 0x3F  # many ties: stability shows
    assert np.array_equal(stable_order(small, 64), np.argsort(small, kind="stable"))


@settings(deadline=None, max_examples=40)
@given(arrays(np.int64, st.integers(0, 5000), elements=st.integers(0, (1 << 61) - 1)),
       arrays(np.int64, st.integers(0, 5000), elements=st.integers(0, (1 << 61) - 1)), st.integers(0, 3))
def test_find_is_searchsorted(ordered, values, repeat):
    ordered = np.sort(ordered)
    values = np.concatenate([values] + [ordered[::3]] * repeat)  # values found, and not
    assert np.array_equal(find(ordered, values), np.searchsorted(ordered, values))


def _texts(seeds_root, n: int, chars: int, seed: int) -> list[str]:
    sys.path.insert(0, str(seeds_root / "benchmarks"))
    from gen_corpus import generate

    texts = [p.text for p in prepare_many(list(generate(n, chars=chars, seed=seed).docs.values()))]
    texts[5] += texts[5][200:900]  # a passage repeated inside one document
    return texts


def _same(a, b, path="index"):
    if dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            _same(getattr(a, f.name), getattr(b, f.name), f"{path}.{f.name}")
    elif isinstance(a, np.ndarray):
        assert a.dtype == b.dtype and np.array_equal(a, b), path
    else:
        assert a == b, path


def test_index_is_the_same_whatever_its_groups_and_chunks(seeds_root, monkeypatch):
    """Many groups of hashes, partitioned a few rows at a time, and places
    put in order a few at a time, give the index of one group at once; and
    the formula places in text order are those a sort gives."""
    texts = _texts(seeds_root, 80, 2500, 7)
    k, w = params_for(15)
    whole = index_module.build_index(fingerprint_table(texts, k, w), len(texts), 3)
    monkeypatch.setattr(index_module, "_BUCKET", 512)
    monkeypatch.setattr(index_module, "_ROWS", 3000)
    monkeypatch.setattr(index_module, "_SPAN", 100)
    table = fingerprint_table(texts, k, w)
    assert len(table) // index_module._BUCKET >= 1 << 7  # the most groups: 256
    parts = index_module.build_index(table, len(texts), 3)
    _same(whole, parts)
    doc = np.repeat(np.arange(len(texts), dtype=np.int64), np.diff(whole.places_start))
    assert np.array_equal(whole.places_order, np.argsort(doc * (1 << 32) + whole.places_pos))
    assert np.array_equal(whole.places_fid, np.searchsorted(whole.formulas.hash, whole.places_hash))
    assert len(whole.formulas) > 100 and len(whole.shared.pairs) > 100


def _digest(result) -> str:
    d = hashlib.sha256()
    for p in result.passages:
        d.update(repr((p.a.key, p.a.start, p.a.end, p.a.text, p.b.key, p.b.start, p.b.end, p.b.text, p.chars,
                       round(p.similarity, 9), p.kind.value, p.docs, p.also,
                       [(x.a, x.b, x.a_start, x.a_end, x.b_start, x.b_end) for x in p.differences])).encode())
    for f in result.formulas:
        d.update(repr((f.span.key, f.span.start, f.span.end, f.span.text, f.docs)).encode())
    for key, r in result.ratios.items():
        d.update(repr((key, r.chars, r.before, r.before_formulas)).encode())
    return d.hexdigest()[:16]


@pytest.mark.parametrize("n, chars, seed, passages, formulas, digest", [
    (300, 3000, 3, 2198, 2982, "0f57e87ff1e1c2d3"),
    (120, 2000, 4, 999, 527, "40d3b15779410e82"),
])
def test_passages_are_those_of_the_code_before(seeds_root, monkeypatch, n, chars, seed, passages, formulas, digest):
    """The digests were made by the code before the linear index (commit
    8bc19df, its sorts and searches of whole arrays) on these corpora of
    gen_corpus.py: passages, formulas and ratios, field for field. The
    statistics lines, told apart after the index and newer than the
    digests (tests/test_reuse_statistics.py), are left as the copies they were."""
    sys.path.insert(0, str(seeds_root / "benchmarks"))
    from gen_corpus import generate

    monkeypatch.setattr("erqi_diff.reuse.audit.mark_statistics", lambda found: None)
    result = find_reuse(generate(n, chars=chars, seed=seed).docs)
    assert (len(result.passages), len(result.formulas)) == (passages, formulas)
    assert _digest(result) == digest


def test_the_members_filter_lets_every_formula_a_document_holds_through(seeds_root):
    """Index.members (the filter of the seeds' lookups in the formula
    places): each formula a document holds has its bit set, and most of
    those it does not hold are told apart (else the filter saves nothing)."""
    texts = _texts(seeds_root, 80, 2500, 7)
    k, w = params_for(15)
    index = index_module.build_index(fingerprint_table(texts, k, w), len(texts), 3)
    bits, shift = index.members
    doc = np.repeat(np.arange(len(texts), dtype=np.int64), np.diff(index.places_start))

    def told(d, fid):
        slot = (d << shift) | (fid & ((1 << shift) - 1))
        return ((bits[slot >> 3] >> (slot & 7).astype(np.uint8)) & 1).astype(bool)

    assert told(doc, index.places_fid.astype(np.int64)).all()
    rng = np.random.default_rng(1)
    d = rng.integers(0, len(texts), 5000)
    fid = rng.integers(0, len(index.formulas), 5000)
    held = np.isin(d * len(index.formulas) + fid, doc * len(index.formulas) + index.places_fid)
    assert held.sum() < 0.2 * len(d)  # documents hold few of the formulas
    assert told(d[~held], fid[~held]).mean() < 0.3


def _pair_seeds_by_lexsort(h, d, p):
    """PairSeeds' rows, pairs and distinct fingerprints per pair as the code
    before the radix sorts made them (np.lexsort), from rare postings by
    hash, document and position: every two places of a hash, in two
    documents or one."""
    rows = []
    for hv in np.unique(h).tolist():
        at = np.flatnonzero(h == hv)
        for i in at.tolist():
            for j in at.tolist():
                if (d[i], p[i]) < (d[j], p[j]):
                    rows.append((d[i], d[j], hv, p[i], p[j]))
    x, y, hh, pp, qq = (np.array([r[c] for r in rows], np.int64) for c in range(5))
    order = np.lexsort((qq, pp, y, x))
    x, y, hh = x[order], y[order], hh[order]
    pair_starts = np.flatnonzero(np.r_[True, (x[1:] != x[:-1]) | (y[1:] != y[:-1])]) if len(x) else x
    distinct = [len(set(hh[a:b].tolist())) for a, b in zip(pair_starts, np.r_[pair_starts[1:], len(x)])]
    return x, y, hh, pp[order], qq[order], pair_starts, distinct


@settings(deadline=None, max_examples=60)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(0, 5), st.integers(0, 40)), min_size=2, max_size=80,
                unique_by=lambda t: (t[1], t[2])))
def test_pair_seeds_are_those_of_lexsort(postings):
    """index._pair_seeds (stable radix sorts, distinct fingerprints counted
    from the rows that can repeat one) gives the rows, pairs and counts of
    sorting every pair of places with np.lexsort."""
    postings.sort()
    h = np.array([t[0] for t in postings], np.int64)
    d = np.array([t[1] for t in postings], np.int32)
    p = np.array([t[2] for t in postings], np.int32)
    first = np.r_[True, h[1:] != h[:-1]]
    df = np.array([len({t[1] for t in postings if t[0] == hv}) for hv in h.tolist()], np.int32)
    got = index_module._pair_seeds(h, d, p, df, first)
    x, y, hh, pp, qq, starts, distinct = _pair_seeds_by_lexsort(h, d, p)
    for a, b in ((got.x, x), (got.y, y), (got.hash, hh), (got.p, pp), (got.q, qq), (got.starts[:-1], starts)):
        assert np.array_equal(a, b)
    assert got.hashes.tolist() == distinct

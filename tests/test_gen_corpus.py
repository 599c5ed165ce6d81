"""The synthetic corpus generator's regions (benchmarks/gen_corpus.py): a
corpus of at most one region is the one made without regions, and chance
matches of the recombined clause pool stay inside a region."""

from __future__ import annotations

import sys
from itertools import combinations

import pytest


@pytest.fixture(scope="module")
def gen(seeds_root):
    sys.path.insert(0, str(seeds_root / "benchmarks"))
    import gen_corpus

    return gen_corpus


def grams(text: str, k: int = 10) -> set[str]:
    text = "".join(text.split())
    return {text[i:i + k] for i in range(len(text) - k + 1)}


def test_one_region_is_the_corpus_without_regions(gen, monkeypatch):
    made = gen.generate(12, chars=2000, seed=5)
    monkeypatch.setattr(gen._Model, "mapping", lambda self, region: None)
    unmapped = gen.generate(12, chars=2000, seed=5)
    assert made.docs == unmapped.docs and made.planted == unmapped.planted and made.formulas == unmapped.formulas


def test_later_regions_leave_earlier_documents_alone(gen, monkeypatch):
    monkeypatch.setattr(gen, "REGION", 4)
    small, large = gen.generate(4, chars=2000, seed=2), gen.generate(10, chars=2000, seed=2)
    assert list(large.docs.items())[:4] == list(small.docs.items())
    assert [p for p in large.planted if p.dst in small.docs] == small.planted


def test_chance_matches_stay_inside_a_region(gen, monkeypatch):
    monkeypatch.setattr(gen, "REGION", 5)
    corpus = gen.generate(10, chars=3000, seed=3, copy_rate=0.0, formulas=0)  # no copies, no stock sentences
    docs = [grams(text) for text in corpus.docs.values()]
    inside = [len(docs[x] & docs[y]) for x, y in combinations(range(10), 2) if x // 5 == y // 5]
    across = [len(docs[x] & docs[y]) for x, y in combinations(range(10), 2) if x // 5 != y // 5]
    assert sum(inside) > 5 * len(inside)  # real clauses recur between the documents of a region
    assert sum(across) <= len(across) // 5  # ... but hardly ever between regions


def test_a_region_maps_characters_to_characters_as_frequent(gen):
    model = gen._Model(gen.real_sentences())
    table = model.mapping(1)
    assert model.mapping(0) is None and table == model.mapping(1) and table != model.mapping(2)
    assert sorted(table) == sorted(table.values())  # a permutation of the pool's characters
    assert sum(a != b for a, b in table.items()) > 0.9 * len(table)
    counts = {ord(c): n for c, n in __import__("collections").Counter(model.chars).items()}
    ranked = sorted(table, key=lambda c: (-counts[c], chr(c)))
    rank = {c: i for i, c in enumerate(ranked)}
    assert all(rank[a] // gen._BAND == rank[b] // gen._BAND for a, b in table.items())

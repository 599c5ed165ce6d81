"""The numpy path of the topics (erqi_diff.compare.bigtopics) gives what
the Python path gives, to the last bit: the vectors, the cosines and the
pairing, on real reports and on generated text."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.compare import scoring
from erqi_diff.compare.bigtopics import TermBatch, exact_sums
from erqi_diff.compare.scoring import Topics
from erqi_diff.compare.sections import pair_sections, present_year
from erqi_diff.compare.topics import MIN_DF, Weights, cosine, section_terms, topic_text
from erqi_diff.core.document import Section
from erqi_diff.core.snapshot import load


def python_vectors(docs: list[Section]) -> list[dict[str, float]]:
    grams = [section_terms(s) for s in docs]
    words = Weights(grams)
    return [words.vector(g) for g in grams]


def batch_vectors(docs: list[Section]) -> tuple[TermBatch, list[dict[str, float]]]:
    batch = TermBatch.build([topic_text(s) for s in docs], MIN_DF)
    assert batch is not None
    return batch, [{batch.term(k): v for k, v in batch.vector(d).items()} for d in range(len(docs))]


def check_same(docs: list[Section], split: int) -> None:
    """The vectors of ``docs`` and the cosines of the first ``split`` against the rest."""
    expected = python_vectors(docs)
    batch, got = batch_vectors(docs)
    assert got == expected
    pairs = list(itertools.product(range(split), range(split, len(docs))))
    assert batch.cosines(pairs) == [cosine(expected[d], expected[e]) for d, e in pairs]


def test_vectors_and_cosines_of_the_seeds_and_national_reports(seeds_project, gwr_project):
    for project, (y1, y2) in ((seeds_project, (2017, 2021)), (seeds_project, (2018, 2019)),
                              (gwr_project, (2023, 2024)), (gwr_project, (2014, 2015))):
        a, b = load(project, y1), load(project, y2)
        check_same([*a.sections, *b.sections], len(a.sections))


def test_the_cosines_document_by_document_are_those_term_by_term(gwr_project, monkeypatch):
    from erqi_diff.compare import bigtopics

    a, b = load(gwr_project, 2024), load(gwr_project, 2025)
    docs = [*a.sections, *b.sections]
    batch, _ = batch_vectors(docs)
    pairs = list(itertools.product(range(len(a.sections)), range(len(a.sections), len(docs))))
    by_term = batch.cosines(pairs)
    monkeypatch.setattr(bigtopics, "TERM_PRODUCTS", -1)
    assert batch.cosines(pairs) == by_term
    assert batch.cosines(pairs[::7] + pairs[:3]) == by_term[::7] + by_term[:3]  # a few, and repeated


@pytest.mark.parametrize("y1, y2", [(2016, 2017), (2017, 2021), (2018, 2019), (2019, 2021)])
def test_pairing_of_the_seeds_with_the_numpy_path(seeds_project, monkeypatch, y1, y2):
    a, b = load(seeds_project, y1), load(seeds_project, y2)
    small = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    monkeypatch.setattr(scoring, "BIG_TEXT", 0)
    big = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    assert big == small


def test_pairing_of_the_national_reports_with_the_numpy_path(gwr_project, monkeypatch):
    years = [2013, 2014, 2015, 2022, 2023, 2024, 2025]
    snaps = {y: load(gwr_project, y) for y in years}
    small = {(y1, y2): pair_sections(snaps[y1].sections, snaps[y2].sections, present_year(snaps[y1]),
                                     present_year(snaps[y2])) for y1, y2 in zip(years, years[1:])}
    monkeypatch.setattr(scoring, "BIG_TEXT", 0)
    for (y1, y2), pairing in small.items():
        assert pair_sections(snaps[y1].sections, snaps[y2].sections, present_year(snaps[y1]),
                             present_year(snaps[y2])) == pairing


def test_topics_on_the_numpy_path_serve_the_candidates(seeds_project):
    """Vectors and weights by term number, as the choice of candidates reads them."""
    a, b = load(seeds_project, 2017), load(seeds_project, 2021)
    rest_a, rest_b = list(range(len(a.sections))), list(range(len(b.sections)))
    small = Topics(a.sections, b.sections, rest_a, rest_b, ())
    big = Topics(a.sections, b.sections, rest_a, rest_b, (), big_text=0)
    assert big.batch is not None and small.batch is None
    names = big.batch.term
    assert {names(k): v for k, v in big.idf.items() if k in set(big.batch.ids.tolist())} == {
        g: v for g, v in small.idf.items()}
    for i in rest_a:
        assert {names(k): v for k, v in big.vec_a[i].items()} == small.vec_a[i]
    pairs = [(i, j) for i in rest_a for j in rest_b]
    for i, j in pairs[::5]:
        assert big.content(i, j) == small.content(i, j)


_WORDS = ["发展", "改革", "生态", "大气污染防治", "绿化", "民生", "就业", "项目", "城市", "乡村", "GDP",
          "地区生产总值", "5G", "养老保险", "养老", "新质生产力", "一般公共预算收入", "各位代表", "发展发展"]
_TEXT = st.lists(st.one_of(st.sampled_from(_WORDS), st.sampled_from(list("，。、 1234abcAB\n\U00020000𠀀")),
                           st.text(alphabet="发展改革生态民生城乡村区县镇", min_size=1, max_size=5)),
                 max_size=40).map("".join)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(_TEXT, max_size=4), min_size=2, max_size=8), st.integers(1, 7))
def test_generated_text_gives_the_same_vectors_and_cosines(paragraphs, split):
    docs = [Section(f"第{k}节", 2, tuple(ps)) for k, ps in enumerate(paragraphs)]
    check_same(docs, min(split, len(docs) - 1))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(_TEXT, min_size=1, max_size=3), min_size=2, max_size=6),
       st.lists(st.lists(_TEXT, min_size=1, max_size=3), min_size=2, max_size=6))
def test_generated_reports_pair_alike_on_both_paths(old, new):
    a = [Section(f"{k}、{ps[0][:6]}", 2, tuple(ps)) for k, ps in enumerate(old)]
    b = [Section(f"{k}、{ps[0][:6]}", 2, tuple(ps)) for k, ps in enumerate(new)]
    small = pair_sections(a, b)
    saved = scoring.BIG_TEXT
    scoring.BIG_TEXT = 0
    try:
        assert pair_sections(a, b) == small
    finally:
        scoring.BIG_TEXT = saved


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(0.0, 1e6, exclude_min=True) | st.floats(1e-300, 1e-6), st.integers(0, 4)),
                max_size=60))
def test_exact_sums_are_fsum(items):
    import numpy as np

    values = np.array([v for v, _ in items], dtype=np.float64)
    groups = np.array([g for _, g in items], dtype=np.int64)
    assert exact_sums(values, groups, 5) == [math.fsum(v for v, g in items if g == k) for k in range(5)]

"""Pairing sections and paragraphs (erqi_diff.compare.align)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.compare import align
from erqi_diff.compare.align import Kind, Pair, align_paragraphs, align_runs, align_sections, bigrams, dice, merge, pair
from erqi_diff.core.document import Section
from erqi_diff.core.snapshot import load


@pytest.mark.parametrize("text, expected", [
    ("生态环境", {"生态": 1, "态环": 1, "环境": 1}),
    ("绿化，生态", {"绿化": 1, "生态": 1}),            # punctuation breaks a run
    ("新增567亿元", {"新增": 1, "增5": 1, "56": 1, "67": 1, "7亿": 1, "亿元": 1}),
    ("是。", {"是": 1}),                                 # a run of one counts as itself
    ("，。", {}),
    ("发展发展", {"发展": 2, "展发": 1}),
])
def test_bigrams(text, expected):
    assert dict(bigrams(text)) == expected


@pytest.mark.parametrize("a, b, expected", [
    ("生态环境", "生态环境", 1.0),
    ("生态环境", "美丽田园", 0.0),
    ("生态环境保护", "生态环境", 2 * 3 / (5 + 3)),
    ("", "", 1.0),
])
def test_dice(a, b, expected):
    assert dice(frozenset(bigrams(a)), frozenset(bigrams(b))) == pytest.approx(expected)


def test_pair_keeps_order_and_marks_moves():
    # 1-2 and 2-1 cross: the chain with the greater summed similarity
    # (0-0, 2-1, 3-3) stays in place, 1-2 is moved
    scores = {(0, 0): 0.9, (1, 2): 0.8, (2, 1): 0.85, (3, 3): 0.9}
    pairs = {(p.a, p.b): p.moved for p in pair(4, 4, scores, threshold=0.3)}
    assert pairs == {(0, 0): False, (1, 2): True, (2, 1): False, (3, 3): False}


def test_pair_weak_crossing_pair_is_split_not_moved():
    scores = {(0, 1): 0.9, (1, 0): 0.35}  # crossing, second below the move threshold
    pairs = pair(2, 2, scores, threshold=0.3)
    assert [(p.a, p.b, p.moved) for p in pairs] == [(0, 1, False)]
    kinds = [s.kind for s in merge(2, 2, pairs)]
    assert kinds == [Kind.ADDED, Kind.PAIRED, Kind.REMOVED]


def test_pair_prefers_document_order_on_near_ties():
    scores = {(0, 0): 0.50, (0, 1): 0.51, (1, 1): 0.5}
    assert [(p.a, p.b) for p in pair(2, 2, scores, threshold=0.3)] == [(0, 0), (1, 1)]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 7), st.integers(0, 7), st.data())
def test_merge_covers_every_unit_once_in_order(n, m, data):
    scores = {(i, j): data.draw(st.floats(0, 1)) for i in range(n) for j in range(m)}
    slots = merge(n, m, pair(n, m, scores, threshold=0.3))
    old = [s.a for s in slots if s.kind in (Kind.PAIRED, Kind.REMOVED, Kind.MOVED_OUT)]
    new = [s.b for s in slots if s.kind in (Kind.PAIRED, Kind.ADDED, Kind.MOVED_IN)]
    assert old == list(range(n))
    assert new == list(range(m))


def test_paragraphs_identical_moved_and_new():
    a = ["今年要坚持稳中求进，推动经济高质量发展。", "加快建设现代化产业体系，发展新质生产力。", "切实保障和改善民生。"]
    b = ["加快建设现代化产业体系，大力发展新质生产力。", "今年要坚持稳中求进，推动经济高质量发展。", "全新的一段话，与前文无关。"]
    slots = align_paragraphs(a, b)
    by_kind = {}
    for s in slots:
        by_kind.setdefault(s.kind, []).append((s.a, s.b))
    assert by_kind[Kind.PAIRED] == [(0, 1)]
    assert by_kind[Kind.MOVED_IN] == [(1, 0)] and by_kind[Kind.MOVED_OUT] == [(1, 0)]
    assert by_kind[Kind.REMOVED] == [(2, None)] and by_kind[Kind.ADDED] == [(None, 2)]
    moved = next(s for s in slots if s.kind is Kind.MOVED_IN)
    assert align.MOVE_THRESHOLD <= moved.similarity < 1


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text("生态环境保护发展", min_size=1, max_size=8), max_size=6),
       st.lists(st.text("生态环境保护发展", min_size=1, max_size=8), max_size=6))
def test_align_runs_covers_both_runs_in_order(a, b):
    out = align_runs(a, b)
    assert [i for i, _ in out if i is not None] == list(range(len(a)))
    assert [j for _, j in out if j is not None] == list(range(len(b)))


def test_candidates_find_the_same_pairs_as_all_against_all(monkeypatch, gwr_project):
    a, b = load(gwr_project, 2024), load(gwr_project, 2025)
    exact = align_sections(a.sections, b.sections)
    monkeypatch.setattr(align, "ALL_PAIRS_LIMIT", 0)
    assert align_sections(a.sections, b.sections) == exact


def _pairs(project, y1, y2):
    a, b = load(project, y1), load(project, y2)
    return {(a.sections[s.a].heading, b.sections[s.b].heading): s
            for s in align_sections(a.sections, b.sections) if s.a is not None and s.b is not None}


def test_seeds_2017_ecology_pairs_with_2021_beautiful_countryside(seeds_project):
    pairs = _pairs(seeds_project, 2017, 2021)
    assert ("生态环境", "在美丽田园打造上争先出彩") in pairs
    assert ("产业升级", "在主导产业升级上争先出彩") in pairs
    # every pair carries its score
    assert all(0 < s.similarity <= 1 for s in pairs.values())


def test_national_reports_pair_by_topic(gwr_project):
    pairs = _pairs(gwr_project, 2024, 2025)
    assert ("一、2023年工作回顾", "一、2024年工作回顾") in pairs
    assert ("（九）加强生态文明建设，推进绿色低碳发展。", "（九）协同推进降碳减污扩绿增长，加快经济社会发展全面绿色转型。") in pairs
    demand = pairs[("（三）着力扩大国内需求，推动经济实现良性循环。", "（一）大力提振消费、提高投资效益，全方位扩大国内需求。")]
    assert demand.kind is Kind.MOVED_IN  # domestic demand moved from third task to first


def test_heading_only_sections_pair_by_heading():
    a = [Section("生态环境", 2, ()), Section("改善民生", 2, ("民生支出累计完成25.2亿元。",))]
    b = [Section("改善民生", 2, ("民生支出累计完成25.2亿元。",)), Section("生态环境", 2, ())]
    slots = align_sections(a, b)
    paired = {(s.a, s.b) for s in slots if s.a is not None and s.b is not None}
    assert paired == {(0, 1), (1, 0)}


def test_pair_result_type():
    assert isinstance(pair(1, 1, {(0, 0): 1.0}, 0.5)[0], Pair)

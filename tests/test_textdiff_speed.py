"""The shortcuts taken for speed in compare/textdiff.py and compare/align.py
(issue 15) give what the longer way gives: each is checked against the
code it replaced, kept here as the reference."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.compare import align, textdiff
from erqi_diff.compare.align import SHARED_CLAUSE, SHARED_SHARE, align_runs
from erqi_diff.compare.textdiff import DELETE, EQUAL, INSERT, anchored_diff, diff_text, new_text, old_text

_TEXT = "改革发展经济，。！？；”）、：12a.%\n"


def _old_sentence_cut(text: str, at: int, forward: bool = False) -> int:
    if at <= 0 or at >= len(text):
        return max(0, min(at, len(text)))
    if forward:
        found = [k for k in (text.find(c, at - 1) for c in "。！？；!?;") if k >= 0]
        if not found:
            return len(text)
        cut, limit = min(found) + 1, len(text)
    else:
        cut, limit = max(text.rfind(c, 0, at) for c in "。！？；!?;") + 1, at
        if cut <= 0:
            return 0
    while cut < limit and text[cut] in textdiff._FOLLOWERS:
        cut += 1
    return cut


@settings(max_examples=400, deadline=None)
@given(st.text("改革。！？；!?;”）", max_size=20), st.integers(-2, 22), st.booleans())
def test_sentence_cut_by_regex_is_the_cut_by_find(text, at, forward):
    assert textdiff._sentence_cut(text, at, forward) == _old_sentence_cut(text, at, forward)


def _old_in_order(pairs, weight):
    """_in_order before its shortcut: the Fenwick tree for every input."""
    pairs = sorted(pairs, key=lambda p: p[0])
    size = max((b for _, b in pairs), default=-1) + 2
    tree_val = [0.0] * (size + 1)
    tree_arg = [-1] * (size + 1)
    best: list[float] = []
    prev: list[int] = []
    for k, (_, b) in enumerate(pairs):
        val, arg, pos = 0.0, -1, b
        while pos > 0:
            if tree_val[pos] > val:
                val, arg = tree_val[pos], tree_arg[pos]
            pos -= pos & -pos
        best.append(val + weight[pairs[k]])
        prev.append(arg)
        pos = b + 1
        while pos <= size:
            if best[k] > tree_val[pos]:
                tree_val[pos], tree_arg[pos] = best[k], k
            pos += pos & -pos
    keep = set()
    k = max(range(len(pairs)), key=best.__getitem__, default=-1)
    while k >= 0:
        keep.add(pairs[k])
        k = prev[k]
    return keep


_PAIRS = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=12, unique=True)
_WEIGHTS = st.sampled_from([0.0, 0.3, 1.0, 2.5, 1e-300, 1e18])


@settings(max_examples=500, deadline=None)
@given(_PAIRS, st.data())
def test_in_order_is_the_fenwick_chain(pairs, data):
    weight = {p: data.draw(_WEIGHTS) for p in pairs}
    assert align._in_order(pairs, weight) == _old_in_order(pairs, weight)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 30), max_size=12, unique=True), st.data())
def test_in_order_pairs_in_order_are_all_kept(bs, data):
    pairs = list(enumerate(sorted(bs)))
    weight = {p: data.draw(_WEIGHTS) for p in pairs}
    kept = align._in_order(pairs, weight)
    assert kept == _old_in_order(pairs, weight)
    if align._all_in_order(pairs, weight):  # weights that make the running sum grow (not 0.3 then 1e-300)
        assert kept == set(pairs)
    if all(w >= 0.3 for w in weight.values()) and 1e18 not in weight.values():
        assert align._all_in_order(pairs, weight)


def test_all_in_order_needs_increasing_b_and_growing_weight():
    assert align._all_in_order([(0, 0), (1, 2), (1, 3)], dict.fromkeys([(0, 0), (1, 2), (1, 3)], 1.0))
    assert not align._all_in_order([(0, 2), (1, 1)], {(0, 2): 1.0, (1, 1): 1.0})
    assert not align._all_in_order([(0, 0), (1, 1)], {(0, 0): 1.0, (1, 1): 0.0})


def _old_sharing_runs(a, b, rest_a, rest_b, scored, threshold):
    clauses_b = {j: align._long_clauses(b[j]) for j in rest_b}
    out = set()
    for i in rest_a:
        mine = align._long_clauses(a[i])
        for j in rest_b if mine else ():
            shared = sum(map(len, mine & clauses_b[j]))
            if shared and scored.get((i, j), 0.0) < threshold and shared >= SHARED_SHARE * min(len(a[i]), len(b[j])):
                out.add((i, j))
    return out


_CLAUSES = ["坚持以人民为中心的发展思想推进高质量发展取得新成效", "全面深化改革开放持续激发市场主体活力和社会创造力",
            "加强生态文明建设推动绿色低碳发展", "稳", "保障和改善民生"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_CLAUSES), max_size=4), min_size=1, max_size=5),
       st.lists(st.lists(st.sampled_from(_CLAUSES), max_size=4), min_size=1, max_size=5), st.data())
def test_sharing_runs_by_clause_index_is_the_scan(a_parts, b_parts, data):
    a = ["，".join(p) + "。" for p in a_parts]
    b = ["，".join(p) + "。" for p in b_parts]
    rest_a, rest_b = list(range(len(a))), list(range(len(b)))
    scored = {(i, j): data.draw(st.sampled_from([0.0, 0.1, 0.5])) for i in rest_a for j in rest_b}
    assert all(len(c) >= SHARED_CLAUSE for c in _CLAUSES[:2])
    assert (align._sharing_runs(a, b, rest_a, rest_b, scored, 0.3)
            == _old_sharing_runs(a, b, rest_a, rest_b, scored, 0.3))


def test_align_runs_with_one_side_empty():
    assert align_runs([], ["甲。", "乙。"]) == [(None, 0), (None, 1)]
    assert align_runs(["甲。"], []) == [(0, None)]
    assert align_runs([], []) == []


@settings(max_examples=300, deadline=None)
@given(st.text(_TEXT, min_size=1, max_size=30), st.text(_TEXT, min_size=1, max_size=30))
def test_one_unit_each_is_what_anchored_diff_gives(x, y):
    if x != y:
        assert anchored_diff([x], [y]) == [(DELETE, [x]), (INSERT, [y])]


@settings(max_examples=400, deadline=None)
@given(st.text(_TEXT, max_size=60), st.text(_TEXT, max_size=60))
def test_diff_text_ops_join_to_both_texts(a, b):
    for granularity in ("char", "sentence"):
        ops = diff_text(a, b, textdiff.Granularity(granularity))
        assert old_text(ops) == a and new_text(ops) == b
        assert all(text for _, text in ops)
        assert all(op in (EQUAL, DELETE, INSERT) for op, _ in ops)


def test_a_number_changed_in_place_keeps_its_neighbours():
    ops = diff_text("今年增长6.5%左右。其他不变。", "今年增长5.5%左右。其他不变。")
    assert ops == [(EQUAL, "今年增长"), (DELETE, "6.5%"), (INSERT, "5.5%"), (EQUAL, "左右。其他不变。")]


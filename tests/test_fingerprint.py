"""Character k-gram fingerprints: stable hashes, winnowing's guarantee, prepare's offset map."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.reuse.fingerprint import (
    MOD,
    fingerprints,
    fingerprints_prepared,
    kgram_hashes,
    params_for,
    prepare,
    winnow,
)

CJK = st.sampled_from("二七区经济发展建设项目完成投资亿元增长的和，。、“”0123456789")


def test_hashes_are_fixed_values():
    # Stored fingerprints (issue 7 writes them to Parquet) must never change
    # silently: these are the values of the first release.
    assert kgram_hashes("二七区", 3) == [1_189_052_199_594_286_791]
    assert kgram_hashes("增长5%", 4) == [879_973_987_298_481_308]
    assert kgram_hashes("ab", 1) == [97, 98]


def test_hashes_same_in_another_process_with_another_hash_seed():
    code = "from erqi_diff.reuse.fingerprint import kgram_hashes; print(kgram_hashes('全区上下紧紧围绕全市工作格局', 10))"
    outputs = set()
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        outputs.add(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                   check=True).stdout)
    outputs.add(str(kgram_hashes("全区上下紧紧围绕全市工作格局", 10)) + "\n")
    assert len(outputs) == 1


@pytest.mark.parametrize("text,k,count", [("", 3, 0), ("二七", 3, 0), ("二七区", 3, 1), ("二七区经济", 3, 3),
                                          ("二七区经济", 1, 5)])
def test_one_hash_per_position(text, k, count):
    hashes = kgram_hashes(text, k)
    assert len(hashes) == count
    assert all(0 <= h < MOD < 2**63 for h in hashes)


def test_digits_are_kept():
    assert kgram_hashes("增长5%左右", 6) != kgram_hashes("增长6%左右", 6)
    assert kgram_hashes("567亿元", 5) != kgram_hashes("576亿元", 5)


def test_bad_k_and_w():
    with pytest.raises(ValueError, match="k must be at least 1"):
        kgram_hashes("二七区", 0)
    with pytest.raises(ValueError, match="w must be at least 1"):
        winnow([1, 2, 3], 0)


@pytest.mark.parametrize("hashes,w,expected", [
    ([], 4, []),
    ([5, 3, 9], 4, [(1, 3)]),                      # shorter than one window: its minimum
    ([5, 3, 9, 3], 2, [(1, 3), (3, 3)]),          # rightmost minimum once the first leaves
    ([7, 7, 7, 7, 7, 7], 3, [(2, 7), (5, 7)]),     # robust: a tie keeps the minimum chosen while in the window
    ([4, 1, 2], 1, [(0, 4), (1, 1), (2, 2)]),     # w = 1: every hash
])
def test_winnow_table(hashes, w, expected):
    assert winnow(hashes, w) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 20), min_size=1, max_size=120), st.integers(1, 12))
def test_winnow_keeps_a_minimum_of_every_window(hashes, w):
    chosen = winnow(hashes, w)
    positions = [p for p, _ in chosen]
    assert positions == sorted(set(positions))
    assert all(hashes[p] == h for p, h in chosen)
    for left in range(max(1, len(hashes) - w + 1)):
        window = range(left, min(len(hashes), left + w))
        low = min(hashes[i] for i in window)
        assert any(p in window and hashes[p] == low for p in positions)


@settings(max_examples=100, deadline=None)
@given(st.text(CJK, min_size=0, max_size=40), st.text(CJK, min_size=15, max_size=40),
       st.text(CJK, min_size=0, max_size=40), st.text(CJK, min_size=0, max_size=40))
def test_shared_run_of_w_plus_k_minus_1_shares_a_fingerprint(left_a, shared, right_a, left_b):
    k, w = params_for(15)
    a = {h for _, h in fingerprints_prepared(left_a + shared + right_a, k, w)}
    b = {h for _, h in fingerprints_prepared(left_b + shared, k, w)}
    assert a & b


@pytest.mark.parametrize("original,compared", [
    ("二七区 经济\n发展", "二七区经济发展"),
    ("## 总结2017\n\n取得成效", "总结2017取得成效"),
    ("#### 亮点·直接引语", "亮点·直接引语"),
    ("ＧＤＰ增长９％", "gdp增长9%"),
    ("\u3000\u3000各位代表：\u200b现在", "各位代表:现在"),  # full-width punctuation folded too
    ("C919投入运营 #1", "c919投入运营#1"),
    ("", ""),
])
def test_prepare_table(original, compared):
    assert prepare(original).text == compared


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(CJK, max_size=8), st.sampled_from(["\n", " ", "\n\n## ", "\u3000", "### ", "Ｇ"])),
                max_size=20))
def test_prepare_maps_every_character_back(pieces):
    original = "".join(pieces)
    p = prepare(original)
    back = [p.to_original(i) for i in range(len(p.text))]
    assert back == sorted(set(back))
    for i, (ch, o) in enumerate(zip(p.text, back)):
        assert original[o] == ch or prepare(original[o]).text == ch
        assert p.to_prepared(o) == i
    for start in range(len(p.text)):
        for end in range(start + 1, len(p.text) + 1):
            assert p.span_to_original(start, end) == (back[start], back[end - 1] + 1)


def test_fingerprints_offsets_are_into_the_original():
    text = "## 总结\n\n全区上下紧紧围绕全市工作格局，坚持目标导向"
    k, w = 5, 4
    p = prepare(text)
    for offset, h in fingerprints(text, k, w):
        i = p.to_prepared(offset)
        assert kgram_hashes(p.text[i:i + k], k) == [h]
        assert text[offset] == p.text[i]


@pytest.mark.parametrize("min_chars,k,w", [(5, 3, 3), (12, 7, 6), (15, 10, 6), (25, 10, 16), (200, 10, 16)])
def test_params_for(min_chars, k, w):
    assert params_for(min_chars) == (k, w)
    assert w + k - 1 <= min_chars


# ---------------------------------------------------------------- the array path equals the reference

def _reference_table(texts, k, w):
    """The pure-Python reference (kgram_hashes + winnow), row for row."""
    return [(d, p, h) for d, text in enumerate(texts) for p, h in winnow(kgram_hashes(text, k), w)]


def _table(texts, k, w):
    from erqi_diff.reuse.fingerprint_arrays import fingerprint_table

    table = fingerprint_table(texts, k, w)
    return list(zip(table.doc.tolist(), table.pos.tolist(), table.hash.tolist()))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 6), max_size=90), st.integers(1, 20))
def test_winnow_array_equals_winnow(hashes, w):
    """Small values: ties everywhere, where robust winnowing's rule matters."""
    import numpy as np

    from erqi_diff.reuse.fingerprint_arrays import winnow_array

    assert winnow_array(np.array(hashes, np.uint64), w).tolist() == [p for p, _ in winnow(hashes, w)]



@pytest.mark.parametrize("w", [2, 6, 8, 9])
@pytest.mark.parametrize("runs", [(), (500,), (70_000,), (500, 70_000)])
def test_winnow_array_equals_winnow_across_chunks(w, runs):
    """Hashes of many chunks, most with no hash twice in a window (the
    minima taken with their places packed in), some with a run of a
    repeated hash (ties: the general way), first or after packed ones."""
    import random

    import numpy as np

    from erqi_diff.reuse.fingerprint_arrays import winnow_array

    rng = random.Random(w)
    hashes = [rng.randrange(2**61 - 1) for _ in range(100_000)]
    for at in runs:
        hashes[at:at + 40] = [hashes[at - 1]] * 40
    assert winnow_array(np.array(hashes, np.uint64), w).tolist() == [p for p, _ in winnow(hashes, w)]

@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(st.sampled_from("二七区经济发展——……ab1"), max_size=70), min_size=1, max_size=8),
       st.integers(1, 12), st.integers(1, 18))
def test_fingerprint_table_equals_the_reference(texts, k, w):
    """Many texts at once (none crossing into the next), short ones, empty
    ones and runs of one character (ties) included."""
    assert _table(texts, k, w) == _reference_table(texts, k, w)


def test_fingerprint_table_equals_the_reference_on_real_reports(seeds_root):
    """The committed snapshots and synthetic reports, at the corpus's and
    find_reuse's k and w: the same fingerprints as the pure-Python
    reference (HASH_VERSION unchanged)."""
    sys.path.insert(0, str(seeds_root / "benchmarks"))
    from gen_corpus import generate

    from erqi_diff.reuse.fingerprint_arrays import code_points, kgram_hash_array

    bodies = [path.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
              for path in sorted((seeds_root / "snapshots").glob("*.md"))]
    texts = [prepare(t).text for t in bodies + list(generate(6, chars=3000, seed=3).docs.values())]
    assert len(texts) >= 10 and sum(map(len, texts)) > 30_000
    for k, w in ((10, 16), (10, 6), (3, 3)):
        assert _table(texts, k, w) == _reference_table(texts, k, w)
    assert kgram_hash_array(code_points(texts[0]), 10).tolist() == kgram_hashes(texts[0], 10)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(st.sampled_from("二七 区\n\t\u3000\u00a0\u2028#ＡＢｃ！～Ab\u200b\ufeff，。\U00020bb7"), max_size=40),
                max_size=6))
def test_prepare_many_equals_prepare(texts):
    from erqi_diff.reuse.fingerprint_arrays import prepare_many

    assert prepare_many(texts) == [prepare(t) for t in texts]

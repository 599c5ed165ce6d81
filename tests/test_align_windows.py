"""A long section edited rather than rewritten: its changed paragraphs are
compared only between the unchanged ones around them
(erqi_diff.compare.align._windowed), with the same pairs as all against all."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.compare import align
from erqi_diff.compare.align import Kind, align_paragraphs
from erqi_diff.core.snapshot import load


@pytest.fixture(scope="module")
def long_section(gwr_root) -> list[str]:
    """The paragraphs of the national reports 2023-2025, as one section of about 250."""
    from erqi_diff.core.project import load_project

    project = load_project(gwr_root)
    paragraphs = [p for year in (2023, 2024, 2025) for s in load(project, year).sections
                  for p in s.paragraphs if len(p) > 40]
    assert len(paragraphs) > 200
    return paragraphs


def _redraft(paragraphs: list[str], seed: int, moved: int = 2) -> list[str]:
    """A third of the paragraphs edited (a phrase put in mid-way, or a clause
    cut from the start), one in twenty dropped, and ``moved`` edited
    paragraphs moved two places on."""
    rng = random.Random(seed)
    out = []
    for text in paragraphs:
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.2:
            text = text[:len(text) // 2] + "进一步全面" + text[len(text) // 2:]
        elif roll < 0.38:
            text = text[text.find("，") + 1:]
        out.append(text)
    for k in rng.sample(range(10, len(out) - 10), moved):
        out[k] = "着力" + out[k]
        out.insert(k + 2, out.pop(k))
    return out


def _slots(a, b):
    return [(s.kind, s.a, s.b) for s in align_paragraphs(a, b)]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_long_edited_section_pairs_as_all_against_all(monkeypatch, long_section, seed):
    a = long_section
    b = _redraft(a, seed)
    windowed = _slots(a, b)
    monkeypatch.setattr(align, "WINDOWS_FROM", 10 ** 9)
    assert windowed == _slots(a, b)
    kinds = [k for k, _, _ in windowed]
    assert kinds.count(Kind.PAIRED) > 0.8 * len(a)
    assert kinds.count(Kind.MOVED_IN) >= 1


def test_the_windows_are_taken_only_in_an_edited_section(long_section):
    a = long_section
    b = _redraft(a, 4)
    rest_a = [i for i, t in enumerate(a) if t not in set(b)]
    rest_b = [j for j, t in enumerate(b) if t not in set(a)]
    assert len(rest_a) * len(rest_b) > align.WINDOWS_FROM
    same = [(i, b.index(t)) for i, t in enumerate(a) if t in set(b)]
    assert align._windowed(a, b, rest_a, rest_b, same) is not None
    # rewritten: nothing left unchanged to stand between, so all are compared
    rewritten = ["新" + t for t in b]
    assert align._windowed(a, rewritten, list(range(len(a))), list(range(len(b))), []) is None


def test_a_gap_of_one_paragraph_edited_in_place_pairs_at_once():
    kept = [f"第{k}段保持不变，内容各不相同，用于锚定。" * 2 for k in range(40)]
    a, b = list(kept), list(kept)
    for k in range(1, 40, 2):
        a[k] = f"第{k}段原文开头很长很长，中间是旧的说法，结尾也很长很长很长。"
        b[k] = f"第{k}段原文开头很长很长，中间是新的提法，结尾也很长很长很长。"
    rest = list(range(1, 40, 2))
    same = [(k, k) for k in range(0, 40, 2)]
    scored = align._windowed(a, b, rest, rest, same)
    assert scored is not None
    assert set(scored) == {(k, k) for k in rest}  # no bigram compared
    assert all(s >= align.IN_PLACE for s in scored.values())


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10 ** 6), st.integers(0, 3))
def test_every_paragraph_once_in_order(long_section, seed, moved):
    a = long_section[:120]
    b = _redraft(a, seed, moved)
    slots = align_paragraphs(a, b)
    assert [s.a for s in slots if s.kind in (Kind.PAIRED, Kind.REMOVED, Kind.MOVED_OUT)] == list(range(len(a)))
    assert [s.b for s in slots if s.kind in (Kind.PAIRED, Kind.ADDED, Kind.MOVED_IN)] == list(range(len(b)))

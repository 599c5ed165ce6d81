"""Diffing texts, sections and whole reports (erqi_diff.compare.textdiff and .diff)."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.compare import diff as D
from erqi_diff.compare import textdiff as T
from erqi_diff.compare.diff import (DELETE, EQUAL, INSERT, BlockKind, Granularity, compare, diff_sections, diff_text,
                            new_text, old_text, split_sentences)
from erqi_diff.core.document import Section
from erqi_diff.errors import UsageError
from erqi_diff.core.snapshot import load

from conftest import GWR_YEARS, SEED_YEARS, make_project

CJK = st.text(alphabet="生态环境保护发展建设，。；、567亿元%.二七区“”", max_size=60)


@settings(max_examples=300, deadline=None)
@given(CJK, CJK, st.sampled_from([Granularity.CHAR, Granularity.SENTENCE]))
def test_ops_reproduce_both_texts(a, b, granularity):
    ops = diff_text(a, b, granularity)
    assert old_text(ops) == a
    assert new_text(ops) == b
    assert all(op in (EQUAL, DELETE, INSERT) and text for op, text in ops)


@settings(max_examples=40, deadline=None)
@given(CJK, CJK)
def test_word_granularity_reproduces_both_texts(a, b):
    ops = diff_text(a, b, Granularity.WORD)
    assert (old_text(ops), new_text(ops)) == (a, b)


@given(CJK)
def test_sentences_join_back(text):
    assert "".join(split_sentences(text)) == text


@pytest.mark.parametrize("a, b, expected", [
    # numbers stay whole: 567 -> 600, not 5[-67-]{+00+}
    ("完成567亿元，增长9%", "完成600亿元，增长9%",
     [("=", "完成"), ("-", "567"), ("+", "600"), ("=", "亿元，增长9%")]),
    ("增长6.5%。", "增长5%。", [("=", "增长"), ("-", "6.5%"), ("+", "5%"), ("=", "。")]),
    ("PM2.5下降", "PM10下降", [("-", "PM2.5"), ("+", "PM10"), ("=", "下降")]),
    ("", "新增", [("+", "新增")]),
    ("同样", "同样", [("=", "同样")]),
])
def test_char_diffs(a, b, expected):
    assert diff_text(a, b) == expected


def test_edit_boundaries_fall_on_chinese_punctuation():
    a = "坚持稳中求进。推进改革开放。"
    b = "坚持稳中求进。推进改革开放。推进改革开放。"
    ops = diff_text(a, b)
    # the inserted sentence is a whole sentence, starting after 。
    assert ops == [("=", a), ("+", "推进改革开放。")]


def test_sentence_granularity_changes_whole_sentences():
    a = "坚持稳中求进。完成567亿元。保障民生。"
    b = "坚持稳中求进。完成600亿元。保障民生。"
    assert diff_text(a, b, Granularity.SENTENCE) == [
        ("=", "坚持稳中求进。"), ("-", "完成567亿元。"), ("+", "完成600亿元。"), ("=", "保障民生。")]


@pytest.mark.slow  # loads jieba's dictionary
def test_word_granularity_keeps_words_whole():
    ops = diff_text("加快发展新质生产力", "加快培育新质生产力", Granularity.WORD)
    assert ("-", "发展") in ops and ("+", "培育") in ops


def test_diff_is_exact_no_timeout():
    assert T._dmp().Diff_Timeout == 0


def test_a_long_unit_is_diffed_exactly(gwr_project):
    # one 17,000-character paragraph with three small edits keeps all the rest
    text = "".join(p for s in load(gwr_project, 2024).sections for p in s.paragraphs)
    edited = text.replace("高质量发展", "高水平发展", 3)
    ops = diff_text(text, edited)
    assert (old_text(ops), new_text(ops)) == (text, edited)
    deleted = sum(len(t) for op, t in ops if op == DELETE)
    assert deleted <= 3 * 3  # at most 高质量 three times: nothing unchanged is reported changed


def unit_texts(sections, s):
    """The older and newer text a unit of the diff stands for: the
    paragraphs its parts list, joined by newlines."""
    a, b = sections
    old = "\n".join(a[p.index].paragraphs[k] for p in s.from_sections for k in p.paragraphs)
    new = "\n".join(b[p.index].paragraphs[k] for p in s.to_sections for k in p.paragraphs)
    return old, new


def check_units(a, b, sections):
    """Every unit's ops give its two texts exactly, and every paragraph of
    both reports shows exactly once: nothing lost, nothing invented."""
    seen_a, seen_b = [], []
    for s in sections:
        assert (old_text(s.ops), new_text(s.ops)) == unit_texts((a, b), s)
        seen_a += [(p.index, k) for p in s.from_sections for k in (p.paragraphs or [None])]
        seen_b += [(p.index, k) for p in s.to_sections for k in (p.paragraphs or [None])]
    every_a = [(i, k) for i, sec in enumerate(a) for k in (range(len(sec.paragraphs)) or [None])]
    every_b = [(j, k) for j, sec in enumerate(b) for k in (range(len(sec.paragraphs)) or [None])]
    # a section split in parts shows once per part; its paragraphs once in all
    assert sorted(x for x in seen_a if x[1] is not None) == [x for x in every_a if x[1] is not None]
    assert {x[0] for x in seen_a} == set(range(len(a)))
    assert sorted(seen_b) == sorted(every_b)


def _check_report_pair(a, b):
    result = compare(a, b, strip=False)
    check_units(a.sections, b.sections, result.sections)
    st_ = result.stats
    assert st_.chars_from == sum(len(s.text) - s.text.count("\n") for s in a.sections)
    assert st_.chars_to == sum(len(s.text) - s.text.count("\n") for s in b.sections)
    return result


@pytest.mark.parametrize("y1, y2", list(itertools.combinations(SEED_YEARS, 2)))
def test_every_pair_of_seed_years_reproduces_both_texts(seeds_project, y1, y2):
    _check_report_pair(load(seeds_project, y1), load(seeds_project, y2))


@pytest.mark.parametrize("y1, y2", list(itertools.combinations(GWR_YEARS, 2)))
def test_every_pair_of_national_reports_reproduces_both_texts(gwr_project, y1, y2):
    _check_report_pair(load(gwr_project, y1), load(gwr_project, y2))


@pytest.mark.slow
def test_every_pair_of_early_national_reports_reproduces_both_texts(gwr_early_root):
    # 24 reports of 1978-2005: 276 pairs, long sections, few headings
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many

    snaps = load_many(load_project(gwr_early_root))
    for a, b in itertools.combinations(snaps, 2):
        _check_report_pair(a, b)


@pytest.mark.parametrize("year", SEED_YEARS)
def test_a_report_against_itself_is_identical(seeds_project, year):
    snap = load(seeds_project, year)
    result = compare(snap, snap, strip=False)
    assert result.identical
    assert result.stats.changed_share == 0.0
    assert all(op == EQUAL for s in result.sections for op, _ in s.ops)


def test_traditional_script_copy_diffs_as_identical(seeds_project, tmp_path):
    import opencc

    from erqi_diff.core.project import load_project
    from erqi_diff.core.read import decode

    report = seeds_project.report(2017)
    raw = decode(seeds_project.seed_path(report).read_bytes(), report.file, report.encoding)
    trad = opencc.OpenCC("s2t").convert(raw)
    assert trad != raw
    (tmp_path / "src").mkdir()
    original = tmp_path / "src" / "simplified.txt"
    original.write_text(raw, encoding="utf-8")
    copy = tmp_path / "src" / "traditional.txt"
    copy.write_text(trad, encoding="utf-8")
    project = load_project(make_project(tmp_path / "proj", {2017: original, 2018: copy}))
    result = compare(load(project, 2017), load(project, 2018), strip=False)
    assert result.identical, [s.ops for s in result.sections if s.changed][:1]


def test_paragraph_moved_within_a_section_shows_as_moved():
    first = "大力推进现代化产业体系建设，加快发展新质生产力，推动产业升级。"
    second = "切实保障和改善民生，加强和创新社会治理，办好民生实事。"
    a = [Section("任务", 2, ("着力扩大国内需求，推动经济实现良性循环，增强发展后劲。", first, second))]
    b = [Section("任务", 2, (first, second, "着力扩大国内需求，推动经济良性循环，增强发展后劲。"))]
    (s,) = diff_sections(a, b)
    kinds = [blk.kind for blk in s.blocks]
    assert BlockKind.MOVED_OUT in kinds and BlockKind.MOVED_IN in kinds
    moved = s.moves[0]
    assert (moved.from_paragraph, moved.to_paragraph) == (0, 2)
    assert old_text(moved.ops) == a[0].paragraphs[0] and new_text(moved.ops) == b[0].paragraphs[2]
    assert (old_text(s.ops), new_text(s.ops)) == (a[0].text, b[0].text)
    from erqi_diff.views.encode import to_data

    data = to_data(s)
    assert data["moves"][0]["from_paragraph"] == 0 and data["moves"][0]["to_paragraph"] == 2


def test_a_short_paragraph_is_never_shown_as_moved():
    # 各位代表！ standing elsewhere is removed and added, not a "move"
    a = [Section("", 0, ("各位代表！", "一段很长的正文，讲的是今年的经济工作安排和主要目标任务。", "结束语。"))]
    b = [Section("", 0, ("一段很长的正文，讲的是今年的经济工作安排和主要目标任务。", "各位代表！", "结束语。"))]
    (s,) = diff_sections(a, b)
    assert not s.moves
    assert [blk.kind for blk in s.blocks].count(BlockKind.SAME) == 2


def test_hand_edited_sections_empty_and_heading_only():
    a = [Section("", 0, ("导语。",)), Section("生态环境", 2, ()), Section("改善民生", 2, ("民生支出25.2亿元。",))]
    b = [Section("生态环境", 2, ()), Section("改善民生", 2, ("民生支出30亿元。", "新增一段。"))]
    sections = diff_sections(a, b)
    by_heading = {(s.from_heading, s.to_heading): s for s in sections}
    assert set(by_heading) == {("", None), ("生态环境", "生态环境"), ("改善民生", "改善民生")}
    assert by_heading["生态环境", "生态环境"].blocks == () and not by_heading["生态环境", "生态环境"].changed
    assert by_heading["", None].status is D.Status.REMOVED
    民生 = by_heading["改善民生", "改善民生"]
    assert (old_text(民生.ops), new_text(民生.ops)) == (a[2].text, b[1].text)


def test_json_schema(seeds_project):
    from erqi_diff.views.encode import dumps

    result = compare(load(seeds_project, 2017), load(seeds_project, 2021))
    data = json.loads(dumps("diff", result))
    assert set(data) == {"schema", "from", "to", "granularity", "sections", "stats", "strip"}
    assert data["from"]["year"] == 2017 and data["to"]["year"] == 2021
    for s in data["sections"]:
        assert set(s) == {"status", "relation", "from_sections", "to_sections", "similarity", "moved", "also_to",
                          "paired_by", "from_heading", "to_heading", "ops", "moves", "host", "held", "below"}
        assert s["paired_by"] in ("text", "heading", "topic", "outline", None)
        assert s["relation"] in ("one", "split", "merge")
        for part in s["from_sections"] + s["to_sections"]:
            assert set(part) == {"index", "heading", "level", "role", "paragraphs"}
        assert s["status"] in ("matched", "added", "removed", "regrouped")
        assert bool(s["held"]) == (s["status"] == "regrouped") and len(s["held"]) <= s["below"]
        assert all(op in ("=", "-", "+") and isinstance(t, str) for op, t in s["ops"])
        if s["status"] == "added":
            assert s["from_heading"] is None and {op for op, _ in s["ops"]} <= {"+"}
    assert {"matched", "added", "removed", "moved", "changed_share", "chars_from", "chars_to"} <= set(data["stats"])


def test_select_keeps_matching_sections_and_lists_headings_when_none(seeds_project):
    result = compare(load(seeds_project, 2017), load(seeds_project, 2021), strip=False)
    kept = result.select("生态环境")
    assert [[p.heading for p in s.from_sections if "生态环境" in p.heading] for s in kept.sections] == [["生态环境"]]
    assert kept.stats.matched == 1
    with pytest.raises(UsageError, match="在美丽田园打造上争先出彩"):
        result.select("没有这个标题")


def test_missing_jieba_is_a_usage_error(monkeypatch):
    import builtins

    real = builtins.__import__

    def fake(name, *args, **kwargs):
        if name == "jieba":
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(UsageError, match="erqi-diff\\[word\\]"):
        T.word_tokens("发展")


PARAGRAPH = st.text(alphabet="生态环境保护发展建设，。；567亿元", min_size=1, max_size=30)
SECTIONS = st.lists(st.builds(lambda h, ps: Section(h, 2, tuple(ps)), st.text("生态民生改革", max_size=4),
                              st.lists(PARAGRAPH, max_size=4)), max_size=5)


@settings(max_examples=150, deadline=None)
@given(SECTIONS, SECTIONS)
def test_random_reports_every_section_once_and_texts_exact(a, b):
    check_units(a, b, diff_sections(a, b))


@given(st.text(alphabet="生态环境，、。", max_size=3000))
@settings(max_examples=50, deadline=None)
def test_diff_units_join_back_and_stay_short(text):
    units = T.diff_units(text)
    assert "".join(units) == text
    assert all(units) and all(len(u) <= T.MAX_UNIT for u in units)


def test_a_long_unpunctuated_paragraph_is_diffed_exactly():
    import random

    rng = random.Random(3)
    text = "".join(rng.choice("生态环境保护发展建设改革开放创新协调绿色共享") for _ in range(60_000))
    edited = "新增" + text[:30_000] + "改动" + text[30_010:]
    ops = diff_text(text, edited)
    assert (old_text(ops), new_text(ops)) == (text, edited)
    # cut in 400-character pieces, it still keeps nearly all that is unchanged
    assert sum(len(t) for op, t in ops if op == EQUAL) >= len(text) - 10 - 2 * T.MAX_UNIT


def test_a_huge_rewritten_stretch_is_shown_as_whole_units(monkeypatch):
    monkeypatch.setattr(T, "MAX_RUN_PAIRS", 3)
    a = "第一句话。第二句话。第三句话。"
    b = "第一句改。第二句改。第三句改。"
    ops = diff_text(a, b)
    assert ops == [("-", a), ("+", b)]
    monkeypatch.setattr(T, "MAX_RUN_PAIRS", 250_000)
    assert len(diff_text(a, b)) > 2  # paired and diffed by character otherwise

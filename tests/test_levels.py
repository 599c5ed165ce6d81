"""Heading levels of numbered points inside numbered parts, and part headings
the layout hid (erqi_diff.core.levels, erqi_diff.core.normalize._join):
hand-made CJK cases, the early national reports, invariants (hypothesis)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.core.normalize import normalize, normalize_text

from conftest import GWR, GWR_YEARS, REPO
from normalize_checks import assert_idempotent_and_nothing_lost

EARLY = REPO.parent / "shared" / "corpora" / "gwr-early"
#: A part heading of 49 characters (1988's 二): longer than a heading is, alone on its line.
_LONG = "二、加快科学技术和教育事业的发展和改革，把经济建设切实转到依靠科技进步和提高劳动者素质的轨道上来"


def _headings(raw: str) -> list[tuple[str, int]]:
    return [(s.heading, s.level) for s in normalize(raw).sections if s.level]


def _early(year: int) -> list[tuple[str, int]]:
    return _headings((EARLY / f"{year}.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("raw, expected", [
    # a restarted 一、 sequence inside 二 (each point with text of its own), then 三 goes on: inner
    ("一、回顾\n\n正文。\n\n二、任务\n\n正文。\n\n一、确定增长率\n\n正文。\n\n二、规定投资规模\n\n正文。\n\n三、发展科技\n\n"
     "正文。\n\n三、改革\n\n正文。",
     [("一、回顾", 2), ("二、任务", 2), ("一、确定增长率", 3), ("二、规定投资规模", 3), ("三、发展科技", 3), ("三、改革", 2)]),
    # 三 after inner 一、二 and outer 二 fits both: the inner (a list goes on) is read, nesting unproven, levels stay
    ("一、回顾\n\n正文。\n\n二、任务\n\n正文。\n\n一、确定增长率\n\n正文。\n\n二、规定投资规模\n\n正文。\n\n三、改革\n\n正文。",
     [("一、回顾", 2), ("二、任务", 2), ("一、确定增长率", 2), ("二、规定投资规模", 2), ("三、改革", 2)]),
    # a heading under an inner point moves with it
    ("一、回顾\n\n正文。\n\n二、任务\n\n正文。\n\n一、确定增长率\n\n正文。\n\n（一）农业\n\n正文。\n\n二、规定投资规模\n\n正文。"
     "\n\n三、发展科技\n\n正文。\n\n三、改革\n\n正文。",
     [("一、回顾", 2), ("二、任务", 2), ("一、确定增长率", 3), ("（一）农业", 4), ("二、规定投资规模", 3), ("三、发展科技", 3),
      ("三、改革", 2)]),
    # no outer sequence ever goes on after a restart: no evidence of nesting, levels stay
    ("一、回顾\n\n正文。\n\n二、任务\n\n正文。\n\n一、确定增长率\n\n正文。\n\n二、规定投资规模\n\n正文。",
     [("一、回顾", 2), ("二、任务", 2), ("一、确定增长率", 2), ("二、规定投资规模", 2)]),
    # a number that fits no sequence open (三 after 一 … 一): no reading, levels stay
    ("一、回顾\n\n正文。\n\n一、确定增长率\n\n正文。\n\n三、改革\n\n正文。\n\n二、任务\n\n正文。",
     [("一、回顾", 2), ("一、确定增长率", 2), ("三、改革", 2), ("二、任务", 2)]),
    # points 第一，第二， (some headings, some paragraphs) right under a part: one level below it
    ("一、当前形势\n\n正文。\n\n二、坚持稳定发展的方针\n\n要着重解决好哪些问题呢？\n\n第一，必须加强农业\n\n正文。\n\n"
     "第二，必须控制建设规模。正文。\n\n第三，必须保持财政平衡\n\n正文。\n\n三、改革\n\n正文。",
     [("一、当前形势", 2), ("二、坚持稳定发展的方针", 2), ("第一，必须加强农业", 3), ("第三，必须保持财政平衡", 3),
      ("三、改革", 2)]),
    # under a （一） part: one level below it (4)
    ("（一）关于经济建设\n\n正文。\n\n第一、大力提高经济效益\n\n正文。\n\n第二、合理分配国民收入\n\n正文。\n\n（二）关于改革\n\n正文。",
     [("（一）关于经济建设", 3), ("第一、大力提高经济效益", 4), ("第二、合理分配国民收入", 4), ("（二）关于改革", 3)]),
    # the speech addresses the audience again before 第一: a new, unnumbered part; levels stay
    ("一、关于财政\n\n正文。\n\n各位代表！\n\n今后三年要做好以下工作。\n\n第一、严格控制投资规模\n\n正文。\n\n"
     "第二、调整现有企业\n\n正文。",
     [("一、关于财政", 2), ("第一、严格控制投资规模", 2), ("第二、调整现有企业", 2)]),
    # points under an unnumbered heading, or not starting at 第一: levels stay
    ("今后的任务\n\n正文。\n\n第一、发展农业\n\n正文。\n\n第二、发展工业\n\n正文。",
     [("今后的任务", 2), ("第一、发展农业", 2), ("第二、发展工业", 2)]),
    ("一、任务\n\n正文。\n\n第二、发展工业\n\n正文。\n\n第三、发展商业\n\n正文。",
     [("一、任务", 2), ("第二、发展工业", 2), ("第三、发展商业", 2)]),
], ids=["restart-inside-two", "restart-ambiguous", "heading-under-an-inner-point", "restart-never-closed",
        "number-out-of-sequence", "points-under-a-part", "points-under-a-subpart", "points-after-an-address",
        "points-under-an-unnumbered-heading",
        "points-not-from-one"])
def test_levels(raw: str, expected: list[tuple[str, int]]) -> None:
    assert _headings(raw) == expected
    assert normalize_text(normalize_text(raw)) == normalize_text(raw)


@pytest.mark.parametrize("raw, expected", [
    # a part heading too long for a heading (over 40 characters), alone in its block, numbered on from 一
    (f"一、大力发展农业\n\n正文。\n\n{_LONG}\n\n　　实现四个现代化，科技是关键。", [("一、大力发展农业", 2), (_LONG, 2)]),
    # the first part so: the next part is numbered 二
    ("导语。\n\n一、认真地有步骤地改革城市经济中普遍存在的吃“大锅饭”的弊端，更好地调动企业和职工的积极性\n\n"
     "　　当前的中心课题是改变这种状况。\n\n二、改革建筑业\n\n正文。",
     [("一、认真地有步骤地改革城市经济中普遍存在的吃“大锅饭”的弊端，更好地调动企业和职工的积极性", 2), ("二、改革建筑业", 2)]),
    # a part heading after a sentence the page left open, numbered on from the parts before: no sentence cut
    ("一、回顾\n\n正文。\n\n二、任务\n\n正文。\n\n三、改革\n\n总之，改革任务十分繁重。我们一定要继续发扬开拓前进的精神\n\n\n四、坚持独立自主的和平外交政策\n\n"
     "　　当前的国际局势依然动荡。",
     [("一、回顾", 2), ("二、任务", 2), ("三、改革", 2), ("四、坚持独立自主的和平外交政策", 2)]),
], ids=["long-part-in-sequence", "long-first-part", "part-after-an-open-sentence"])
def test_part_headings_the_layout_hid(raw: str, expected: list[tuple[str, int]]) -> None:
    assert _headings(raw) == expected
    assert normalize_text(normalize_text(raw)) == normalize_text(raw)


@pytest.mark.parametrize("raw", [
    # a long numbered line with no part before or after it of its sequence: a paragraph
    f"导语。\n\n{_LONG}\n\n　　正文。",
    # 统一、 cut by a page break before 一、: the sentence goes on (nothing numbers on from it)
    "我们要按照国家的部署，实行统\n\n一、规划和管理\n\n正文。",
    # over 50 characters: a paragraph even in sequence
    "一、发展农业\n\n正文。\n\n二、加快科学技术和教育事业的发展和改革，把经济建设切实转到依靠科技进步和提高劳动者素质"
    "和管理水平的轨道上来\n\n　　正文。",
])
def test_long_numbered_lines_out_of_sequence_stay_text(raw: str) -> None:
    assert not [h for h, _ in _headings(raw) if h.startswith(("二、加快", "一、规划"))]


def test_1986_sub_points_stand_below_their_parts() -> None:
    """1986: parts 一 二 三 四; inside 二 five points 一…五, inside 三 six points 一…六 (充分认识…);
    四、坚持独立自主的和平外交政策 had been run into the sentence the page left open before it."""
    heads = _early(1986)
    parts = [h for h, level in heads if level == 2]
    assert [p.split("、")[0] for p in parts] == list("一二三四")
    assert parts[-1] == "四、坚持独立自主的和平外交政策"
    inner = [h for h, level in heads if level == 3 and not h.startswith("（")]
    assert [p.split("、")[0] for p in inner] == list("一二三四五") + list("一二三四五六")
    assert all(h.startswith("一、确定适度的经济增长率") or "、" in h for h in inner)


def test_1987_points_stand_below_part_two() -> None:
    heads = _early(1987)
    assert ("二、坚持长期稳定发展经济的方针", 2) in heads
    first_run = [h for h, level in heads if h.startswith("第") and level == 3]
    assert [h[:2] for h in first_run] == ["第一", "第二", "第三", "第四", "第六"]  # 第五 is a paragraph
    # the second run (under 三、深入改革经济体制和扩大对外开放, run into its paragraph: no heading) keeps its level
    assert ("第一，深化企业改革，建立和健全责权利相结合的企业经营机制", 2) in heads


def test_1988_long_part_headings() -> None:
    heads = dict(_early(1988))
    assert heads["二、加快科学技术和教育事业的发展和改革，把经济建设切实转到依靠科技进步和提高劳动者素质的轨道上来"] == 2
    assert heads["六、进一步加强社会主义民主和法制建设，维护民族平等和民族团结，巩固和发展全国安定团结的政治局面"] == 2
    assert heads["一、牢固树立建设要依靠改革，改革要促进建设的指导思想，坚持把改革放在总揽全局的位置上"] == 2


@pytest.mark.parametrize("year, part, points", [
    (1978, "三、加快社会主义经济建设", 6), (1980, "一、国民经济在调整、改革、整顿、提高中取得了新的进展", 4),
    (1998, "二、关于1998年政府工作的建议", 8),
])
def test_points_under_their_part(year: int, part: str, points: int) -> None:
    heads = _early(year)
    at = heads.index((part, 2))
    run = []
    for heading, level in heads[at + 1:]:
        if not heading.startswith("第"):
            break
        run.append(level)
    assert run == [3] * points


@pytest.mark.parametrize("year", [1982, 1985])
def test_points_after_an_address_keep_their_level(year: int) -> None:
    """1982 and 1985: the points 第一… follow 各位代表！ (the speech moves on): they stay at level 2."""
    assert [level for h, level in _early(year) if h.startswith("第")] == [2] * len(
        [h for h, _ in _early(year) if h.startswith("第")])


@pytest.mark.parametrize("path", [GWR / f"{y}.txt" for y in GWR_YEARS] + sorted((REPO / "seeds").glob("*.txt")),
                         ids=lambda p: p.name)
def test_later_reports_have_no_heading_moved(path: Path) -> None:
    """The rules find nothing to move in the 2013-2025 reports and the seeds: their
    第 headings (none) and restarted parts (none) stay as they were."""
    heads = _headings(path.read_text(encoding="utf-8"))
    assert not [h for h, level in heads if h.startswith("第") and level > 2]


_PIECE = st.tuples(
    st.sampled_from(["一、", "二、", "三、", "四、", "（一）", "（二）", "第一，", "第二，", "第三、", "各位代表！", "", "　　"]),
    st.sampled_from(["发展农业", "加快科学技术和教育事业的发展和改革，把经济建设切实转到依靠科技进步的轨道上来",
                     "正文", "改革，要着重解决以下问题"]),
    st.sampled_from(["", "。", "：", "，"]),
    st.sampled_from(["\n", "\n\n", "\n\n\n"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECE, max_size=14))
def test_levels_idempotent_and_nothing_lost(pieces: list[tuple[str, str, str, str]]) -> None:
    assert_idempotent_and_nothing_lost("".join(a + b + c + d for a, b, c, d in pieces), " \n\u3000")

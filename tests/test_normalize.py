"""Normalization: table-driven CJK cases, invariances on the real reports,
and idempotence (hypothesis)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from erqi_diff.core.document import parse_body
from erqi_diff.core.normalize import normalize, normalize_text
from erqi_diff.core.read import decode

from conftest import GWR, GWR_YEARS, REPO
from normalize_checks import assert_idempotent_and_nothing_lost

SEED_FILES = sorted((REPO / "seeds").glob("*.txt"))
GWR_FILES = [GWR / f"{y}.txt" for y in GWR_YEARS]
ALL_FILES = SEED_FILES + GWR_FILES


def _raw(path: Path) -> str:
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def bodies() -> dict[str, str]:
    return {p.name + p.parent.name: normalize_text(_raw(p)) for p in ALL_FILES}


# --- table-driven cases ----------------------------------------------------------

@pytest.mark.parametrize("raw, expected", [
    # Page breaks inside a sentence (a paragraph too long to be a heading).
    ("1.二七区创新推进的经济发展与环境治理双统筹为全国环境治理提供了郑州理念、二七方案，省长批示要求持续抓好、力求\n\n实效。",
     "1.二七区创新推进的经济发展与环境治理双统筹为全国环境治理提供了郑州理念、二七方案，省长批示要求持续抓好、力求实效。"),
    ("全区上下紧紧围绕全市“四重点一稳定一保证”工作格局和“创优势、增实力、补短板、能抓住”工\n\n作方针，坚持目标导向。",
     "全区上下紧紧围绕全市“四重点一稳定一保证”工作格局和“创优势、增实力、补短板、能抓住”工作方针，坚持目标导向。"),
    ("以更加优异的成绩为郑\n州建设国家中心城市增光添彩。", "以更加优异的成绩为郑州建设国家中心城市增光添彩。"),
    ("细颗粒物（PM\n2.5\n）浓度下降。", "细颗粒物（PM2.5）浓度下降。"),
    ("2016年 6月，二七区综合成绩第一。", "2016年6月，二七区综合成绩第一。"),
    ("新增绿地 263.89 万平方米。", "新增绿地263.89万平方米。"),
    ("# 数据\n\n全年地区生产总值完成**567亿元**,增长**9%**", "# 数据\n\n全年地区生产总值完成567亿元，增长9%"),
    ("二七区召开区委十一届四次全体(扩大)会议。", "二七区召开区委十一届四次全体（扩大）会议。"),
    ("坚持目标导向:问题导向;项目带动!", "坚持目标导向：问题导向；项目带动！"),
    ("增长６．５％左右，投资１，０００亿元。", "增长6.5%左右，投资1,000亿元。"),
    ("“5＋1”的方式考核。", "“5+1”的方式考核。"),
    ("打造\u200b「三个二七」\u3000建设。", "打造“三个二七”建设。"),
    ('打造"三个二七"建设。', "打造“三个二七”建设。"),
    ("对商圈周边2.9万平方米的区域进行规划，8个100%动态达标。", "对商圈周边2.9万平方米的区域进行规划，8个100%动态达标。"),
    ("坏事变好事，坏账清零。", "坏事变好事，坏账清零。"),
    ("發展經濟，堅持開放。", "发展经济，坚持开放。"),
    ("Public domain and open data 共享。", "Public domain and open data共享。"),
    ("会议在10:30召开。", "会议在10:30召开。"),
])
def test_normalize_cases(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected + "\n"


@pytest.mark.parametrize("raw, boilerplate, body", [
    ("取得了瞩目的业绩。记者 景静\n", ["记者 景静"], "取得了瞩目的业绩。"),
    ("第一段。\n\n记者 张改华\n\n通讯员 郭佳星/文 杨坤/图\n\n第二段。", ["记者 张改华", "通讯员 郭佳星/文 杨坤/图"],
     "第一段。\n\n第二段。"),
    ("第一段。\n\n\n\n樱桃沟美景\n\n\n\n第二段。", ["樱桃沟美景"], "第一段。\n\n第二段。"),
    ("记者从现场了解到，全区上下紧紧围绕。", [], "记者从现场了解到，全区上下紧紧围绕。"),
    ("报告正文。\n\n本作品是中华人民共和国的\n法律\n、\n法规\n\nPublic domain\nfalse",
     ["本作品是中华人民共和国的法律、法规Public domain false"], "报告正文。"),
])
def test_boilerplate(raw: str, boilerplate: list[str], body: str) -> None:
    result = normalize(raw)
    assert list(result.boilerplate) == boilerplate
    assert result.body == body + "\n"


@pytest.mark.parametrize("raw, headings", [
    ("# 标题\n\n正文。\n\n## 小节\n\n内容。", [("标题", 1), ("小节", 2)]),
    ("各位代表：\n\n一、过去五年工作回顾\n\n正文。\n\n（一）加快转变发展方式。\n\n内容。",
     [("一、过去五年工作回顾", 2), ("（一）加快转变发展方式。", 3)]),
    ("（一）创新宏观调控，保持经济运行在合理区间。坚持稳字当头。", [("（一）创新宏观调控，保持经济运行在合理区间。", 3)]),
    ("导语。\n\n坚持绿色发展,提高生态水平\n\n二七区牢固树立理念。", [("坚持绿色发展，提高生态水平", 2)]),
    ("导语。\n\n●突出生态建设项目攻坚\n\n安置房建设方面。", [("●突出生态建设项目攻坚", 3)]),
    # A wrapped fragment is not a heading: a dangling clause, unbalanced quotes, a function word.
    ("区卫计委认真履行创建工作牵头责任，周\n\n密部署、有序推进。", []),
    ("今年，二七区全面落实河长制，以\n\n“四河两库一渠”为重点。", []),
    ("特别在“温暖二七·让爱传\n\n递”启动暨捐赠活动现场。", []),
])
def test_headings(raw: str, headings: list[tuple[str, int]]) -> None:
    sections = normalize(raw).sections
    assert [(s.heading, s.level) for s in sections if s.level] == headings


def test_markdown_mode_keeps_data_lines_as_paragraphs() -> None:
    raw = "# 数据\n\n全年地区生产总值完成**567亿元**,增长**9%**\n\n一般公共预算收入完成**29.4亿元**,增长**8.5%**\n"
    (section,) = normalize(raw).sections
    assert section.paragraphs == ("全年地区生产总值完成567亿元，增长9%", "一般公共预算收入完成29.4亿元，增长8.5%")


# --- the real seeds -----------------------------------------------------------------

def test_seed_snapshots_read_as_a_reader_expects(seeds_project) -> None:
    from erqi_diff.core.snapshot import load

    assert "力求实效" in load(seeds_project, 2017).body
    assert "工作方针" in load(seeds_project, 2017).body
    assert "为郑州建设国家中心城市" in load(seeds_project, 2016).body
    assert "记者 景静" in load(seeds_project, 2017).boilerplate
    assert "南水北调运河" in load(seeds_project, 2018).boilerplate
    assert "记者" not in load(seeds_project, 2021).body.split("记者从")[0]


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_no_paragraph_broken_inside_a_sentence(path: Path) -> None:
    """Inside a section, a paragraph followed by another never stops mid-sentence
    (on a Chinese character or ，、): the layout healer would have joined them."""
    for section in normalize(_raw(path)).sections:
        for paragraph in section.paragraphs[:-1]:
            assert not re.search(r"[\u4e00-\u9fff，、]$", paragraph), paragraph[-40:]


def test_licence_footer_kept_out_of_national_reports() -> None:
    for path in GWR_FILES:
        result = normalize(_raw(path))
        assert "本作品" not in result.body and "Public domain" not in result.body
        assert any(b.startswith("本作品是中华人民共和国") for b in result.boilerplate)


# --- invariances: the same report in other clothes normalizes to the same body -----

def test_simplified_text_passes_through_opencc_unchanged() -> None:
    from erqi_diff.core.normalize import _t2s

    for path in ALL_FILES:
        raw = _raw(path)
        assert _t2s().convert(raw) == raw, path.name


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_traditional_script_normalizes_to_the_same_body(path: Path, bodies) -> None:
    import opencc

    traditional = opencc.OpenCC("s2t").convert(_raw(path))
    assert traditional != _raw(path)
    assert normalize_text(traditional) == bodies[path.name + path.parent.name]


def _rewrap(body: str, rng: random.Random) -> str:
    """Hard-wrap every paragraph at 20-30 characters and put blank lines (page
    breaks) at random points where a sentence is open."""
    out = []
    for line in body.splitlines():
        if not line or line.startswith("#"):
            out.append(line)
            continue
        pieces, pos = [], 0
        while pos < len(line):
            step = rng.randint(20, 30)
            cut = min(len(line), pos + step)
            # never split a Latin word or number in two
            while 0 < cut < len(line) and line[cut - 1].isascii() and line[cut].isascii() and line[cut].isalnum():
                cut += 1
            pieces.append(line[pos:cut])
            pos = cut
        text = pieces[0]
        for piece in pieces[1:]:
            open_end = re.search(r"[\u4e00-\u9fff，、]$", text)
            text += ("\n\n" if open_end and rng.random() < 0.3 else "\n") + piece
        out.append(text)
    return "\n".join(out)


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_rewrapped_report_normalizes_to_the_same_body(path: Path, bodies) -> None:
    body = bodies[path.name + path.parent.name]
    rewrapped = _rewrap(body, random.Random(path.name))
    assert rewrapped.count("\n") > body.count("\n") * 2
    assert normalize_text(rewrapped) == body


_TO_HALF = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?"})


@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_half_width_punctuation_normalizes_to_the_same_body(path: Path, bodies) -> None:
    body = bodies[path.name + path.parent.name]
    half = re.sub(r"(?<!\d)，|，(?!\d)", ",", body).translate(_TO_HALF)
    assert half != body
    assert normalize_text(half) == body


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16", "utf-8-sig"])
@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_other_encodings_normalize_to_the_same_body(path: Path, encoding: str, bodies) -> None:
    data = _raw(path).encode(encoding)
    assert normalize_text(decode(data, path.name)) == bodies[path.name + path.parent.name]


# --- idempotence -----------------------------------------------------------------------

@pytest.mark.parametrize("path", ALL_FILES, ids=lambda p: p.name)
def test_idempotent_on_real_reports(path: Path, bodies) -> None:
    body = bodies[path.name + path.parent.name]
    assert normalize_text(body) == body


_ALPHABET = st.sampled_from(list("二七区发展建设项目年的以和，、。；：！？,.:;()（）“”\"'「」 \n\n\n\u3000\u200b#*-●一（）"
                                  "0123456789%亿元万ABCab记者景静坏發展"))


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(_ALPHABET, max_size=200))
def test_idempotent_property(raw: str) -> None:
    once = normalize_text(raw)
    assert normalize_text(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, max_size=200))
def test_body_round_trips_through_its_text_form(raw: str) -> None:
    result = normalize(raw)
    assert parse_body(result.body) == tuple(s for s in result.sections)


# --- invariance to layout (issue 11) -------------------------------------------------------

EARLY = REPO.parent / "shared" / "corpora" / "gwr-early"
EVERY_FILE = ALL_FILES + sorted(EARLY.glob("*.txt"))


def test_a_byline_cut_by_a_wrap_comes_out_as_in_the_original() -> None:
    """The 2017 seed hard-wrapped so that the byline is cut inside its role
    word (…业绩。记\\n者 景静): same body, byline out of it."""
    raw = _raw(SEED_FILES[0])
    assert "业绩。记者 景静" in raw
    cut = raw.replace("业绩。记者 景静", "业绩。记\n者 景静")
    original, wrapped = normalize(raw), normalize(cut)
    assert wrapped.body == original.body
    assert "景静" not in wrapped.body and any("景静" in b for b in wrapped.boilerplate)


def _reference(raw: str, script: bool) -> str:
    """The body the relaid text must give: the original's, except where
    OpenCC's own s2t/t2s round trip changes a word (想象 -> 想像), which is no
    layout matter. Such words are few."""
    if not script:
        return normalize(raw).body
    import opencc

    back = opencc.OpenCC("t2s").convert(opencc.OpenCC("s2t").convert(raw))
    assert sum(a != b for a, b in zip(raw, back)) <= 3
    return normalize(back).body


def _relaid_body(path: Path, seed: int, **options) -> str:
    from relayout import ENCODINGS, relayout

    encoding = ENCODINGS[seed % len(ENCODINGS)]
    data = relayout(_raw(path), seed, encoding=encoding, **options)
    return normalize(decode(data, path.name)).body


@pytest.mark.slow
@pytest.mark.parametrize("path", EVERY_FILE, ids=lambda p: p.name)
def test_every_report_relaid_normalizes_to_the_same_body(path: Path) -> None:
    """Each seed and national report hard-wrapped at 12-50 columns, with page
    breaks inside sentences, in traditional script, with punctuation widths
    swapped, in another encoding: the same body."""
    expected = _reference(_raw(path), script=True)
    for seed in range(2):
        assert _relaid_body(path, seed + EVERY_FILE.index(path)) == expected


@pytest.mark.slow
@settings(max_examples=60, derandomize=True)
@given(st.sampled_from(EVERY_FILE), st.integers(0, 2**32), st.booleans(), st.integers(0, 12), st.booleans(),
       st.booleans())
def test_layout_invariance_property(path: Path, seed: int, wrap: bool, breaks: int, script: bool,
                                    punctuation: bool) -> None:
    """Any mix of the relayouts above. Known limit (not drawn here): a page
    break within a paragraph's first 50 characters, or within a newspaper
    headline's own paragraph line that has no comma, leaves a piece that
    reads as a heading, and nothing in the text tells the two apart."""
    expected = _reference(_raw(path), script)
    got = _relaid_body(path, seed, wrap=wrap, breaks=breaks, script=script, punctuation=punctuation)
    assert got == expected


@pytest.mark.parametrize("raw, front, first", [
    ("政府工作报告\n\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n\n国务院总理　\n李　强\n\n"
     "各位代表：\n\n现在，我代表国务院报告。\n",
     ("政府工作报告", "——2024年3月5日在第十四届全国人民代表大会第二次会议上", "国务院总理李强"), "各位代表："),
    ("政府工作报告\n\n——一九九○年三月二十日在第七届全国人民代表大会第三次会议上\n\n各位代表：\n\n现在报告。\n",
     ("政府工作报告", "——一九九○年三月二十日在第七届全国人民代表大会第三次会议上"), "各位代表："),
    # a headline alone is the body's first heading, not front matter
    ("二七区荣获全国四个百强称号\n\n10月8日，二七区入选。\n", (), "10月8日，二七区入选。"),
])
def test_front_matter(raw: str, front: tuple[str, ...], first: str) -> None:
    result = normalize(raw)
    assert result.front == front
    assert result.sections[0].paragraphs[0] == first
    assert not any(line in result.body for line in front)


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_national_front_matter_kept_not_lost(year: int) -> None:
    raw = _raw(GWR / f"{year}.txt")
    result = normalize(raw)
    assert result.front[0] == "政府工作报告" and result.front[1].startswith(f"——{year}年3月5日在")
    assert result.front[2].startswith("国务院总理")
    assert "国务院总理" not in result.body and not any(s.heading == "政府工作报告" for s in result.sections)
    # every character of the text is in the body, the front matter or the boilerplate
    kept = re.sub(r"\s", "", result.body + "".join(result.front) + "".join(result.boilerplate))
    text = re.sub(r"[\s#\u200b]", "", raw)
    assert len(kept) >= len(text) * 0.99


# --- numbered list items are no headings (erqi_diff.core.lists) ------------------------------

@pytest.mark.parametrize("raw, headings, items", [
    # a run ending in ；: every item (the last one ending in 。 too) is text
    ("二、改革体制\n\n重点做三件事：\n\n一、推行以税代利，改进国家和企业的关系；\n\n二、发挥中心城市的作用；\n\n"
     "三、改革商业流通体制。\n\n通过这三项工作带动改革。",
     [("二、改革体制", 2)], ["一、推行以税代利，改进国家和企业的关系；", "二、发挥中心城市的作用；", "三、改革商业流通体制。"]),
    # ；” closes an item too
    ("导语。\n\n（一）坚持“两个毫不动摇；”\n\n（二）坚持改革开放。\n\n正文。", [],
     ["（一）坚持“两个毫不动摇；”", "（二）坚持改革开放。"]),
    # an item cut at its 。 gets the rest of its line back
    ("导语：\n\n一、加强物价管理；\n\n二、建立监督制度。对违反规定的单位要依法惩处。\n\n正文。", [],
     ["一、加强物价管理；", "二、建立监督制度。对违反规定的单位要依法惩处。"]),
    # a restart between 四 and 五: a list inside 四, though no item ends in ；
    ("三、发展能源\n\n正文。\n\n四、进行技术改造\n\n技术改造要达到：\n\n一、节约能源\n\n二、改革产品结构\n\n三、合理利用资源\n\n"
     "正文。\n\n五、整顿企业\n\n正文。",
     [("三、发展能源", 2), ("四、进行技术改造", 2), ("五、整顿企业", 2)],
     ["一、节约能源", "二、改革产品结构", "三、合理利用资源"]),
    # sub-headings ending in 。 with text of their own stay headings
    ("导语。\n\n（八）加强社会建设。\n\n正文。\n\n（九）努力建设生态文明的美好家园。\n\n正文。",
     [("（八）加强社会建设。", 3), ("（九）努力建设生态文明的美好家园。", 3)], []),
    # a restart whose run goes past the next part of the outer sequence is no inner list (1986: 二 … 一…五 … 三)
    ("一、回顾\n\n正文。\n\n二、任务\n\n正文。\n\n一、确定增长率\n\n二、规定投资规模\n\n三、坚持科技进步\n\n正文。\n\n三、改革\n\n正文。",
     # (headings still, one level below 二、任务 since normalizer 8: erqi_diff.core.levels)
     [("一、回顾", 2), ("二、任务", 2), ("一、确定增长率", 3), ("二、规定投资规模", 3), ("三、坚持科技进步", 3), ("三、改革", 2)],
     []),
    # items apart (paragraphs between them) are no run: a part ending in 。 keeps its heading
    ("一、第一部分。\n\n正文。\n\n二、有关规定；\n\n正文。\n\n三、第三部分。\n\n正文。",
     [("一、第一部分。", 2), ("三、第三部分。", 2)],
     ["二、有关规定；"]),
    # a run one paragraph each, some items too long to be headings: the run-in heading among them is an item too
    ("导语：\n\n（一）增强企业特别是全民所有制大中型企业的活力，使它们真正成为相对独立的经济实体。要继续发展。\n"
     "（二）发展商品市场。要减少统一分配的产品。\n（三）国家对企业的管理逐步由直接控制为主转向间接控制为主，建立新的管理制度。要完善。\n\n"
     "上述三个方面是一个整体。",
     [], ["（二）发展商品市场。要减少统一分配的产品。"]),
    # run-in headings one paragraph each, none too long: they stay
    ("导语。\n\n（一）发展商品市场。要减少统一分配的产品。\n\n（二）加强宏观管理。要完善经济手段。\n\n（三）深化企业改革。要增强活力。",
     [("（一）发展商品市场。", 3), ("（二）加强宏观管理。", 3), ("（三）深化企业改革。", 3)], []),
], ids=["semicolon-run", "semicolon-quote", "item-cut-at-its-full-stop", "restart-inside-four", "run-in-headings-stay",
        "restart-past-the-outer-part", "items-apart", "run-in-heading-among-paragraph-items", "run-in-headings-alone"])
def test_numbered_list_items_are_text(raw: str, headings: list[tuple[str, int]], items: list[str]) -> None:
    sections = normalize(raw).sections
    assert [(s.heading, s.level) for s in sections if s.level] == headings
    paragraphs = [p for s in sections for p in s.paragraphs]
    for item in items:
        assert item in paragraphs
    assert normalize_text(normalize_text(raw)) == normalize_text(raw)


def test_1981_inner_list_is_text_and_the_ten_parts_stay() -> None:
    """1981: 四、有重点有步骤地进行技术改造… holds a list 一、…；二、…；三、…。 and the
    ten parts run 一 to 十 without it."""
    sections = normalize(_raw(EARLY / "1981.txt")).sections
    parts = [s.heading.split("、")[0] for s in sections if s.level == 2]
    assert parts == list("一二三四五六七八九") + ["十"]
    (four,) = [s for s in sections if s.heading.startswith("四、")]
    assert "一、节约能源，节约原材料，降低消耗，降低生产成本；" in four.paragraphs
    assert "三、合理地利用资源，提高综合利用水平。" in four.paragraphs


def test_1982_rules_are_text() -> None:
    """1982: 国务院作出了以下规定。 then five rules one paragraph each; 三、 and 五、 have a short
    first sentence, the others are too long for a heading: all five are text."""
    sections = normalize(_raw(EARLY / "1982.txt")).sections
    assert not [s.heading for s in sections if s.heading.startswith(("三、所有建设项目", "五、用于基本建设的投资"))]
    (first,) = [s for s in sections if s.heading.startswith("第一、严格控制固定资产投资")]
    assert any(p.startswith("三、所有建设项目必须严格按照基本建设程序办事。事前没有") for p in first.paragraphs)


@pytest.mark.parametrize("name", sorted(p.name for p in EARLY.glob("*.txt")))
def test_no_heading_of_the_early_reports_ends_in_a_semicolon(name: str) -> None:
    sections = normalize(_raw(EARLY / name)).sections
    assert not [s.heading for s in sections if s.heading.rstrip("”’）").endswith("；")]


_ITEM = st.tuples(st.sampled_from(["一、", "二、", "三、", "四、", "五、", "（一）", "（二）", "（三）", "正文"]),
                  st.sampled_from(["节约能源", "改革产品结构，提高质量", "建设", "合理利用资源。对此要依法处理"]),
                  st.sampled_from(["；", "。", "", "；”", "：", "，"]),
                  st.sampled_from(["\n", "\n\n", "\n\n\n"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_ITEM, max_size=12))
def test_numbered_lists_idempotent_and_nothing_lost(lines: list[tuple[str, str, str, str]]) -> None:
    assert_idempotent_and_nothing_lost("".join(a + b + c + d for a, b, c, d in lines))


def test_a_markdown_heading_that_reads_as_a_list_item_stays() -> None:
    # its writer made it a heading; the unmarked item of the same run is text
    sections = normalize("# 一、加强物价管理；\n\n二、建立监督制度；\n\n正文。").sections
    assert [(s.heading, s.level) for s in sections if s.level] == [("一、加强物价管理；", 1)]
    assert sections[0].paragraphs[0] == "二、建立监督制度；"

"""The Han scans find what the regular expressions they stand in for find:
on every report of the seeds and the national corpora, and on random text
over small alphabets made of the characters the expressions turn on."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.extract import hanscan

H = r"[\u4e00-\u9fff]"
ROOT = Path(__file__).resolve().parent.parent
CORPORA = [ROOT / "seeds", ROOT.parent / "shared" / "corpora" / "gwr", ROOT.parent / "shared" / "corpora" / "gwr-early"]

CN = "一二三四五六七八九十两"
STOPS = "进统唯第之万逐"
HEADS = ("的", "等", "项目", "机制", "工作", "体系", "格局", "要求", "措施")
DRIVES = ("奋力", "全力", "全面", "品质", "加快", "深化", "集中", "强力", "质量")
ACTS = ("推进", "攻坚", "提升", "突破", "落实", "提质", "服务", "创新")
NOUNS = ("城区", "城市", "新城", "强国", "国家", "社会", "体系", "都市")
FOLLOW = "、，；。等）)”"
PART = rf"[{CN}](?:(?![{CN}]){H}){{1,3}}?"

#: (scan, its expression, the alphabet random texts are drawn from)
CASES = {
    "held_years": (hanscan.held_years, rf"(?:办好|举办)({H}{{4,8}}年)(?!{H})", "办好举年周中国旅游，a"),
    "campaign_years": (lambda t: hanscan.campaign_years(t, frozenset(DRIVES), frozenset(ACTS)),
                       rf"({H}{{4}})({'|'.join(DRIVES)})({'|'.join(ACTS)})年", "项目建设奋力推进年全面攻坚，a"),
    "modifier_formulas": (lambda t: hanscan.modifier_formulas(t, frozenset(NOUNS)),
                          rf"(?:{H}{{2}}[化型]){{2,}}{H}{{0,2}}(?:{'|'.join(NOUNS)})", "现代化型国际新城区市，a"),
    "series": (hanscan.series, rf"{H}{{2,6}}(?:、{H}{{2,6}}){{2,}}", "品质二七、、、，a"),
    "numbered_chains": (lambda t: hanscan.numbered_chains(t, frozenset(CN), HEADS, frozenset(STOPS)),
                        rf"(?<!{H})(?:{PART}){{2,4}}(?!{H})|(?<![{STOPS}])(?:{PART}){{2,4}}(?={'|'.join(HEADS)})",
                        "一两三十国制定推的等项目进第，a"),
    "han_before": (lambda t: hanscan.han_before(t, ("倡议", "攻坚战", "保卫战"), 2, 8),
                   rf"{H}{{2,8}}?(?:倡议|攻坚战|保卫战)", "全球发展倡议攻坚战保卫蓝天、，a"),
    "named_pairs": (lambda t: hanscan.named_pairs(t, ("中国", "强国")), rf"{H}{{2}}(?:中国|强国)(?!{H})",
                    "健康中国强海洋，a"),
    "led_by": (lambda t: hanscan.led_by(t, "习近平", "思想", 6), rf"习近平{H}{{0,6}}?思想", "习近平强军思想新时代，a"),
    "plan_nouns": (lambda t: hanscan.plan_nouns(t, frozenset(FOLLOW)), rf"{H}{{1,4}}计划(?=[{FOLLOW}])|等计划",
                   "天使救助计划等、，；。）)”a"),
}


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for folder in CORPORA for p in sorted(folder.glob("*.txt"))]


@pytest.mark.parametrize("name", list(CASES))
def test_scan_finds_what_its_expression_finds_in_the_reports(name: str) -> None:
    scan, expression, _ = CASES[name]
    pattern = re.compile(expression)
    texts = _texts()
    assert texts
    for text in texts:
        assert scan(text) == _spans(pattern, text)


@pytest.mark.parametrize("name", list(CASES))
def test_scan_finds_what_its_expression_finds_in_random_text(name: str) -> None:
    scan, expression, alphabet = CASES[name]
    pattern = re.compile(expression)

    @settings(max_examples=400, deadline=None)
    @given(st.text(alphabet=alphabet, max_size=40))
    def check(text: str) -> None:
        assert scan(text) == _spans(pattern, text)

    check()


def test_removed_is_what_sub_leaves() -> None:
    pattern = re.compile(CASES["plan_nouns"][1])
    for text in ["科技攻关等计划和天使救助计划、阳光家园计划等", "", "计划", "占年度计划51%"]:
        assert hanscan.removed(text, hanscan.plan_nouns(text, frozenset(FOLLOW))) == pattern.sub("", text)

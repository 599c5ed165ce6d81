"""A statistics line said again with new figures is a statistic passage,
not a copy (erqi_diff.reuse.statistics); a long sentence brought up to
date, or the same line with the same figures, stays a copy."""

from __future__ import annotations

import pytest

from erqi_diff.reuse.audit import find_reuse
from erqi_diff.reuse.model import Difference, Kind, Passage, Span
from erqi_diff.reuse.statistics import STATISTIC_CHARS, is_statistic

FILLER_A = "今年以来，全区上下紧紧围绕中心工作，坚持稳中求进，推动经济持续健康发展。"
FILLER_B = "过去一年，我们认真贯彻各项决策部署，攻坚克难，人民生活水平不断提高。"


def _passage(a: str, b: str, differences: list[tuple[str, str]]) -> Passage:
    diffs = tuple(Difference(x, y, 0, 0, 0, 0) for x, y in differences)
    return Passage(Span("1", 0, len(a), a), Span("2", 0, len(b), b), 10, 0.8, diffs)


@pytest.mark.parametrize(("a", "b", "differences", "statistic"), [
    # a figure's name and verbs, new figures: the form of reporting
    ("社会消费品零售总额完成474亿元，增长11", "社会消费品零售总额完成250.2亿元，同比增长11",
     [("474", "250.2"), ("", "同比")], True),
    ("国内生产总值达到43800亿元，按可比价格计算，比上年增长", "国内生产总值达到67700多亿元，按可比价格计算，比上年增长",
     [("43800", "67700多")], True),
    ("常住人口城镇化率提高到66.2%。", "常住人口城镇化率提高到67%。", [("66.2%", "67%")], True),
    # the same figures: a line said again, a copy
    ("全区175个重大项目完成投资253亿元", "全区175个重大项目完成投资253亿元", [], False),
    # a word changed besides the figure: wording, a copy
    ("社会消费品零售总额完成474亿元，增长11", "社会商品零售总额完成250亿元，增长11", [("474", "250"), ("消费品", "商品")], False),
    # a long sentence brought up to date: reused wording
    ("坚持目标导向、问题导向和项目带动，围绕打造“三个二七”、建设现代化新城区的目标，完成投资470亿元",
     "坚持目标导向、问题导向和项目带动，围绕打造“三个二七”、建设现代化新城区的目标，完成投资520亿元",
     [("470", "520")], False),
    # a template of several figures, all new, a word or two changed around them (2013 -> 2014)
    ("今年拟安排财政赤字1.2万亿元，比去年预算增加4000亿元，其中中央财政赤字8500亿元，代地方发债3500亿元。",
     "今年拟安排财政赤字13500亿元，比上年增加1500亿元，其中中央财政赤字9500亿元，由中央代地方发债4000亿元。",
     [("1.2万", "13500"), ("去", "上"), ("预算", ""), ("4000", "1500"), ("8500", "9500"), ("", "由中央"),
      ("3500", "4000")], True),
    # several figures, but the same ones: a line said again, a copy
    ("新开工保障性安居工程666万套，基本建成544万套，企业退休人员基本养老金提高10%。",
     "新开工保障性安居工程666万套，基本建成544万套，企业退休人员基本养老金又提高10%。", [("", "又")], False),
    # a changed name that holds a numeral is no figure (二七 is a place)
    ("围绕打造“三个二七”建设新城区", "围绕打造“三个中原”建设新城区", [("二七", "中原")], False),
])
def test_is_statistic(a: str, b: str, differences: list[tuple[str, str]], statistic: bool) -> None:
    assert is_statistic(_passage(a, b, differences)) is statistic


def test_the_limit_is_on_what_the_line_says_besides_its_figures() -> None:
    words = "地区生产总值完成"  # 8 characters
    long_name = words * (STATISTIC_CHARS // len(words) + 1)
    assert is_statistic(_passage(f"{words}567亿元", f"{words}600亿元", [("567", "600")]))
    assert not is_statistic(_passage(f"{long_name}567亿元", f"{long_name}600亿元", [("567", "600")]))


def test_find_reuse_marks_the_statistics_line_and_counts_it_in_no_share() -> None:
    docs = {"2017": FILLER_A + "社会消费品零售总额完成474亿元，增长11%。" + FILLER_A[::-1],
            "2018": FILLER_B + "社会消费品零售总额完成250.2亿元，同比增长11%。" + FILLER_B[::-1]}
    result = find_reuse(docs, 12)
    kinds = [p.kind for p in result.passages]
    assert kinds == [Kind.STATISTIC]
    assert result.matrix["2018"].get("2017", 0.0) == 0.0
    assert not result.copies()


def test_the_seeds_statistics_line(seeds_project) -> None:
    """2017's and 2018's pages give 社会消费品零售总额 in one form with new figures."""
    from erqi_diff.core.snapshot import load_many
    from erqi_diff.reuse.snapshots import audit_snapshots

    result = audit_snapshots(load_many(seeds_project, None))
    stats = [p for p in result.passages if p.kind is Kind.STATISTIC]
    assert any("社会消费品零售总额" in p.a.text and p.a.year == 2017 and p.b.year == 2018 for p in stats)
    assert all(p.differences for p in stats)

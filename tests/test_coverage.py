"""Whose figure it is: a part of the country (三分之一的省…, 一些地区) or what
an action moved an indicator by (减少财政收入…) is not the national statistic;
the retail price index (零售物价, 商品零售价格) is an indicator apart from the
CPI; a bare 涨幅 takes the thing of the paragraph's last figure. Hand-made
CJK cases and the national reports of 1978-2005."""

from __future__ import annotations

import pytest

from erqi_diff.extract import indicators as ind
from erqi_diff.extract.coverage import acted_on, bare_rate, of_a_part
from erqi_diff.extract.facts import Kind, Measure, read_facts

from extract_quality import make_snapshot


def facts_of(body: str, year: int = 1998, date: str = "1998-03-05") -> list:
    return read_facts(make_snapshot(year, body, date=date))


def one(facts, quote: str):
    (found,) = [f for f in facts if f.quote == quote]
    return found


@pytest.mark.parametrize("text, name, expected", [
    ("仍然有三分之一的省、市、自治区，粮食产量平均每年增长百分之四", "粮食产量", True),
    ("一些地区粮食产量下降百分之五", "粮食产量", True),
    ("部分企业的财政收入下降", "财政收入", True),
    ("有的省工业总产值增长百分之二十", "工业总产值", True),
    ("二十个省粮食增产", "粮食", True),
    ("全国粮食产量达到五亿吨", "粮食产量", False),
    ("在一些地区受灾的情况下，粮食产量仍然增长百分之二", "粮食产量", False),  # a circumstance, not the subject
    ("农业部门努力工作，粮食产量增长百分之二", "粮食产量", False),
])
def test_of_a_part(text: str, name: str, expected: bool) -> None:
    at = text.index(name)
    cs = max(text.rfind("，", 0, at) + 1, 0)
    assert of_a_part(text, cs, at) is expected


@pytest.mark.parametrize("text, name, expected", [
    ("共计减少财政收入五百二十亿元", "财政收入", True),
    ("国家增加财政开支和减少财政收入共四百零五亿元", "财政收入", True),
    ("财政收入比上年减少五十亿元", "财政收入", False),
])
def test_acted_on(text: str, name: str, expected: bool) -> None:
    assert acted_on(text, 0, text.index(name)) is expected


@pytest.mark.parametrize("lead, named, expected", [
    ("涨幅仍然高达", False, True),
    ("增幅为", False, True),
    ("涨幅仍然高达", True, False),            # something named before it in its sentence
    ("食品价格涨幅为", False, False),         # its own thing named
])
def test_bare_rate(lead: str, named: bool, expected: bool) -> None:
    text = lead + "百分之五"
    assert bare_rate(text, 0, len(lead), named) is expected


@pytest.mark.parametrize("words, expected", [
    ("商品零售价格涨幅为0.8%", "商品零售价格"),
    ("全年零售物价上涨百分之二点九", "商品零售价格"),
    ("全国零售物价总水平上涨6%", "商品零售价格"),
    ("居民消费价格上涨0.2%", "居民消费价格"),
    ("物价涨幅为6.1%", None),                 # a bare 物价: the words do not say which index
    ("粮食零售价格提高20%", None),            # the price of one good
])
def test_retail_prices_are_an_indicator_apart(words: str, expected) -> None:
    names = [m.name for m in ind.mentions(words)]
    assert (names[0] if names else None) == expected


def test_hand_made_reports() -> None:
    facts = facts_of("去年经济增长8.8%，商品零售价格涨幅为0.8%。\n")
    assert (one(facts, "0.8%").indicator, one(facts, "0.8%").measure, one(facts, "0.8%").figure_year) == \
        ("商品零售价格", Measure.GROWTH, 1997)
    facts = facts_of("从1979至1981年，国家由于提高农副产品收购价格，共计减少财政收入五百二十亿元，相应地增加了农民的收入。\n",
                     1981, "1981-11-30")
    assert one(facts, "五百二十亿元").indicator is None
    facts = facts_of("要把全年零售物价上涨幅度控制在百分之十以内。虽然做了很大努力，涨幅仍然高达百分之二十一点七。\n")
    assert one(facts, "百分之二十一点七").indicator == "商品零售价格"
    # a base is no time: 与去年大体持平 does not date the clause after it
    facts = facts_of("今年计划要求，国民生产总值增长百分之六。货币发行与去年大体持平，零售物价上涨幅度控制在百分之六以内。\n",
                     1992, "1992-03-20")
    assert (one(facts, "百分之六以内").kind, one(facts, "百分之六以内").figure_year) == (Kind.TARGET, 1992)


@pytest.mark.slow
def test_the_early_national_reports(gwr_early_root) -> None:
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    project = load_project(gwr_early_root)
    by_year = {y: read_facts(load(project, y)) for y in (1978, 1981, 1983, 1992, 1995, 1998)}
    assert one(by_year[1978], "百分之四点三以上").indicator is None         # 三分之一的省、市、自治区
    assert one(by_year[1981], "五百二十亿元").indicator is None             # 减少财政收入
    assert one(by_year[1981], "四百零五亿元").indicator is None
    down = one(by_year[1983], "百分之三点三")                               # 而国内财政收入却下降了
    assert (down.indicator, down.value, down.figure_span) == ("财政收入", -3.3, (1979, 1982))
    target = one(by_year[1992], "百分之六以内")
    assert (target.indicator, target.kind, target.figure_year) == ("商品零售价格", Kind.TARGET, 1992)
    assert one(by_year[1995], "百分之二十一点七").indicator == "商品零售价格"
    assert [(f.indicator, f.figure_year) for f in by_year[1998] if f.quote in ("0.8%", "3%以内")] == \
        [("商品零售价格", 1997), ("商品零售价格", 1998)]

"""Fewer false goal claims (a reader's audit of ``goals`` and the changelog):
statements that are no goal of the year (a standing red line, a named problem,
a comparison of how things stand, what a figure would bring), the years ahead
of 今后N年计划, and a group of the year's tasks said done in words
(钢铁、水泥等15个重点行业…年度任务如期完成)."""

from __future__ import annotations

import pytest

from erqi_diff.extract.facts import Kind, Measure
from erqi_diff.extract.links import link_goals
from erqi_diff.extract.reader import read_snapshot
from erqi_diff.extract.verdicts import Verdict

from extract_quality import make_snapshot

_PLAN = "## 二、2015年主要任务\n\n"


def _fact(body: str, quote: str, year: int = 2015, heading: str = _PLAN):
    snap = make_snapshot(year, heading + body + "\n", date=f"{year}-03-05")
    (fact,) = [f for f in read_snapshot(snap) if f.quote == quote]
    return fact


@pytest.mark.parametrize("body, quote", [
    # the real sentences' patterns
    ("农村土地制度关乎农村的根本稳定，其核心是要保障农民的财产权益，底线是严守18亿亩耕地红线。", "18亿亩"),
    ("坚决守住18亿亩耕地红线，划足划实永久基本农田。", "18亿亩"),
    ("要坚持以人为核心，以解决三个1亿人问题为着力点，发挥好城镇化对现代化的支撑作用。", "1亿人"),
    ("目前原油的加工深度很低。一亿吨石油所创造的价值同工业发达国家比较，相差很远，这也是一个很大的浪费。", "一亿吨"),
    # made-up variants of the same forms
    ("要守住森林面积2亿公顷的生态红线。", "2亿公顷"),
    ("全国粮食产量6亿吨同世界先进水平相比，差距还很大。", "6亿吨"),
])
def test_a_statement_that_sets_no_goal(body: str, quote: str) -> None:
    fact = _fact(body, quote)
    assert not fact.kind.is_goal
    assert fact.figure_year is None and fact.figure_span is None  # of no year the text gives


@pytest.mark.parametrize("body, quote", [
    # a goal beside a red line, or a problem solved for so many people: still goals
    ("坚守耕地红线，全面开展永久基本农田划定工作，增加深松土地1333万公顷。", "1333万公顷"),
    ("要基本解决8000万人的温饱问题。", "8000万人"),
    ("今年要新建高标准农田1亿亩，与去年相比增加一成。", "1亿亩"),  # a base year, no gap said
    ("要使粮食产量达到6亿吨，缩小同世界先进水平的差距。", "6亿吨"),  # the gap is ahead, no comparison
])
def test_a_goal_near_those_words_stays_a_goal(body: str, quote: str) -> None:
    fact = _fact(body, quote)
    assert fact.kind.is_goal and fact.figure_year == 2015


def test_a_figure_compared_with_a_years_keeps_its_year() -> None:
    fact = _fact("全年粮食产量6亿吨，与上年相比，相差不大。", "6亿吨", 2015, "## 一、2014年工作回顾\n\n")
    assert fact.kind is Kind.ACTUAL and fact.figure_year == 2014


def test_a_bare_speed_after_a_figure_is_the_economys_growth() -> None:
    body = "今年国内生产总值增长7%左右。稳增长也是为了保就业，随着服务业比重上升，7%左右的速度可以实现比较充分的就业。"
    facts = [f for f in read_snapshot(make_snapshot(2015, _PLAN + body + "\n", date="2015-03-05"))
             if f.quote == "7%左右"]
    assert len(facts) == 2
    restated = facts[1]
    assert (restated.indicator, restated.measure, restated.kind, restated.what) == ("GDP", Measure.GROWTH,
                                                                                     Kind.TARGET, "速度")
    # a figure naming nothing whose clause says what it would bring: no goal
    other = _fact("随着技术进步，3000万吨的产能可以满足需要。", "3000万吨")
    assert other.kind is Kind.FORECAST
    # a goal named after the figure is the goal itself (翻两番的目标是完全可以做到的)
    named = _fact("人民相信到本世纪末实现工农业总产值翻两番的目标是完全可以做到的。", "翻两番")
    assert named.kind.is_goal


@pytest.mark.parametrize("body, quote, span", [
    # 计划 a verb after 今后八年: the eight years ahead, from the report's year (given in March)
    ("对国家今后八年计划建设的一百二十个大型项目，全国上下要大力协同。", "一百二十个", (1978, 1985)),
    ("今后十年规划新建铁路5000公里。", "5000公里", (1978, 1987)),
    # 特别是近三年 after a span ahead: its first three years
    ("今后八年，特别是近三年，要新建大型项目四十个。", "四十个", (1978, 1980)),
])
def test_the_years_ahead(body: str, quote: str, span: tuple) -> None:
    fact = _fact(body, quote, 1978, "## 三、加快社会主义经济建设\n\n")
    assert fact.kind.is_goal and fact.figure_span == span


def test_the_narrowed_span_dates_its_own_sentence_only() -> None:
    body = "今后八年，特别是近三年，生产的增长必须立足于现有基础。在这同时，国家计划新建和续建一百二十个大型项目。"
    fact = _fact(body, "一百二十个", 1978, "## 三、加快社会主义经济建设\n\n")
    assert fact.kind.is_goal and fact.figure_span == (1978, 1985)
    # 近三年 with no span ahead before it is still the three years past
    past = _fact("近三年，全国新建大型项目四十个。", "四十个", 1978, "## 一、三年来的斗争\n\n")
    assert not past.kind.is_goal and past.figure_span == (1975, 1977)


def test_a_figure_pointed_back_to_sets_no_new_goal() -> None:
    body = ("国家计划新建和续建一百二十个大型项目。这一百二十个项目建成后，全国可以形成十四个工业基地。")
    snaps = [make_snapshot(1978, "## 三、加快社会主义经济建设\n\n" + body + "\n", date="1978-02-26")]
    goals = [lk.goal.text[lk.goal.quote_start - lk.goal.start - 1:lk.goal.quote_end - lk.goal.start]
             for lk in link_goals(snaps)]
    assert "建一百二十个" in goals and "这一百二十个" not in goals


_STEEL = "## 二、2014年工作总体部署\n\n今年要淘汰钢铁2700万吨、水泥4200万吨、平板玻璃3500万标准箱等落后产能。\n"


def _steel(review: str, year: int = 2015) -> dict[str, Verdict]:
    snaps = [make_snapshot(2014, _STEEL, date="2014-03-05"), make_snapshot(year, review, date=f"{year}-03-05")]
    return {lk.goal.quote: lk.verdict for lk in link_goals(snaps) if lk.goal.year == 2014}


def test_a_group_of_the_years_tasks_said_done() -> None:
    review = "## 一、2014年工作回顾\n\n继续化解过剩产能，钢铁、水泥等15个重点行业淘汰落后产能年度任务如期完成。\n"
    got = _steel(review)
    assert got == {"2700万吨": Verdict.MET, "4200万吨": Verdict.MET, "3500万": Verdict.MET}


@pytest.mark.parametrize("review", [
    # items the goal's list does not give
    "## 一、2014年工作回顾\n\n电解铝、焦炭等15个重点行业淘汰落后产能年度任务如期完成。\n",
    # one item only: no group
    "## 一、2014年工作回顾\n\n钢铁行业淘汰落后产能年度任务如期完成。\n",
    # another thing done to the same items
    "## 一、2014年工作回顾\n\n钢铁、水泥等15个重点行业兼并重组年度任务如期完成。\n",
    # a figure other than the count
    "## 一、2014年工作回顾\n\n钢铁、水泥等15个重点行业淘汰落后产能3000万吨的年度任务如期完成。\n",
])
def test_a_group_that_is_not_the_goals_stays_open(review: str) -> None:
    assert set(_steel(review).values()) == {Verdict.OPEN}


def test_a_group_said_done_of_another_year_stays_open() -> None:
    review = "## 一、2015年工作回顾\n\n钢铁、水泥等15个重点行业淘汰落后产能年度任务如期完成。\n"
    assert set(_steel(review, 2016).values()) == {Verdict.OPEN}


# --- the real reports ----------------------------------------------------------------


def test_the_claims_in_the_national_reports(gwr_project) -> None:
    from erqi_diff.extract.goals import for_project

    links = for_project(gwr_project, [2013, 2014, 2015, 2022])
    quotes = {(lk.goal.year, lk.goal.quote) for lk in links}
    assert (2013, "18亿亩") not in quotes and (2022, "18亿亩") not in quotes  # the red line
    assert (2015, "1亿人") not in quotes                                     # 三个1亿人问题
    (speed,) = [lk for lk in links if lk.goal.year == 2015 and "比较充分的就业" in lk.goal.text]
    assert speed.goal.indicator == "GDP" and speed.goal.measure is Measure.GROWTH
    steel = {lk.goal.quote: lk for lk in links if lk.goal.year == 2014 and "淘汰钢铁" in lk.goal.text}
    assert set(steel) == {"2700万吨", "4200万吨", "3500万"}
    for lk in steel.values():
        assert lk.verdict is Verdict.MET and "15个重点行业淘汰落后产能年度任务如期完成" in lk.reason
    # the three 约1亿人 goals of 2014 (促进…落户, 改造…, 引导…) stay goals
    assert len([lk for lk in links if lk.goal.year == 2014 and lk.goal.quote.startswith("约1亿")]) == 3


@pytest.mark.slow
def test_the_claims_in_the_early_reports(gwr_early_root) -> None:
    from erqi_diff.core.project import load_project
    from erqi_diff.extract.goals import for_project

    links = for_project(load_project(gwr_early_root), [1978, 1981])
    projects = [lk for lk in links if lk.goal.year == 1978 and lk.goal.quote == "一百二十个"]
    assert len(projects) == 2 and all(lk.goal.figure_span == (1978, 1985) for lk in projects)
    assert not [lk for lk in links if lk.goal.year == 1981 and "相差很远" in lk.goal.text]


POVERTY = ("## 二、1994年的主要任务\n\n要认真实施扶贫攻坚计划，在从现在起到本世纪末的七年时间里，积极扶持贫困地区发展经济，"
           "基本解决8000万人的温饱问题。\n")


@pytest.mark.parametrize(("review", "verdict"), [
    # the programme the goal carries out said largely reached: not wholly, so not comparable
    ("## 一、“九五”时期的回顾\n\n农村贫困人口大幅度减少，“八七”扶贫攻坚目标基本实现。\n", Verdict.NOT_COMPARABLE),
    # another programme: nothing said of this goal
    ("## 一、“九五”时期的回顾\n\n农村贫困人口大幅度减少，“西部开发”目标基本实现。\n", Verdict.OPEN),
])
def test_the_programme_a_goal_carries_out_said_reached(review: str, verdict) -> None:
    snaps = [make_snapshot(1994, POVERTY, date="1994-03-10"), make_snapshot(2001, review, date="2001-03-05")]
    (link,) = [lk for lk in link_goals(snaps) if lk.goal.quote.startswith("8000万")]
    assert link.verdict is verdict


@pytest.mark.parametrize(("goal", "verdict"), [
    # a money value four years ahead, no prices said: the later value's gap may be prices alone
    ("到1992年，力争使国民生产总值达到15500亿元左右。", Verdict.NOT_COMPARABLE),
    # the prices said: judged
    ("到1992年，按1987年价格计算，力争使国民生产总值达到15500亿元左右。", Verdict.MET),
])
def test_a_money_value_years_ahead_needs_its_prices(goal: str, verdict) -> None:
    snaps = [make_snapshot(1988, f"## 二、今后五年的任务\n\n{goal}\n", date="1988-03-25"),
             make_snapshot(1993, "## 一、过去五年的回顾\n\n1992年国民生产总值接近24000亿元。\n", date="1993-03-15")]
    (link,) = [lk for lk in link_goals(snaps) if lk.goal.quote.startswith("15500")]
    assert link.verdict is verdict

"""Goals linked to their outcomes in later reports, and the verdicts:
direction from the modifier, the verb or the indicator; tolerance for 左右;
ranges; like periods and measures only; restatements never outcomes."""

from __future__ import annotations

import dataclasses

import pytest

from erqi_diff.extract.facts import Fact, Kind, Measure, Modifier, Period, read_facts
from erqi_diff.extract.indicators import Better
from erqi_diff.extract.links import link_goals
from erqi_diff.extract.verdicts import Verdict, judge

from extract_quality import make_snapshot


def fact(value, unit="%", modifier="point", measure="growth", indicator="GDP", kind="target", text="",
         period="year", year=2023, figure_year=2023) -> Fact:
    """A fact made by hand; ``text`` is the sentence, ending with the quote."""
    quote = text or "x"
    return Fact(year=year, indicator=indicator, what="", measure=Measure(measure),
                value=tuple(value) if isinstance(value, list) else value, unit=unit, modifier=Modifier(modifier),
                period=Period(period), figure_year=figure_year, figure_span=None, kind=Kind(kind), base=None,
                quote=quote[-4:], text=quote, start=0, end=len(quote), quote_start=len(quote) - 4, quote_end=len(quote))


def outcome(value, **kw) -> Fact:
    return fact(value, kind="actual", year=2024, **kw)


@pytest.mark.parametrize("goal, got, verdict, margin, better", [
    # a CPI ceiling (控制在…以内) under its target is met
    (fact(3, modifier="at_most", indicator="居民消费价格", text="居民消费价格涨幅控制在3%以内"),
     outcome(1.5, indicator="居民消费价格"), "met", -1.5, Better.LESS),
    # 控制在 without 以内 is a ceiling too, by its verb
    (fact(3, indicator="居民消费价格", text="居民消费价格涨幅控制在3%"), outcome(3.2, indicator="居民消费价格"),
     "missed", 0.2, Better.LESS),
    # prices: less is better by the table (左右 gives no direction)
    (fact(3.5, modifier="about", indicator="居民消费价格"), outcome(2.6, indicator="居民消费价格"), "met", -0.9, Better.LESS),
    # a range 6%-6.5% is met by 6.1% (margin against the low bound when more is better)
    (fact([6, 6.5], modifier="range"), outcome(6.1), "met", 0.1, Better.MORE),
    (fact([6, 6.5], modifier="range"), outcome(7.2), "met", 1.2, Better.MORE),
    (fact([6, 6.5], modifier="range"), outcome(5.9), "missed", -0.1, Better.MORE),
    # 左右: met on the worse side within 2% of the target, at least 0.1 point for a rate
    (fact(7.5, modifier="about"), outcome(7.4), "met", -0.1, Better.MORE),
    (fact(5.5, modifier="about"), outcome(3), "missed", -2.5, Better.MORE),
    (fact(1200, unit="万人", modifier="about", measure="level", indicator="城镇新增就业"),
     outcome(1180, unit="万人", measure="level", indicator="城镇新增就业"), "met", -20, Better.MORE),
    # 以上 on a decrease applies to its size: -3.9 at least, -4.8 is met
    (fact(-3.9, modifier="at_least", indicator="单位GDP能耗"), outcome(-4.8, indicator="单位GDP能耗"), "met", -0.9,
     Better.LESS),
    # an outcome that is a bound settles only when the bound does (超过2.4万亿元 against 约1.5万亿元)
    (fact(1.5, unit="万亿元", modifier="about", measure="level", indicator=None, kind="plan"),
     outcome(2.4, unit="万亿元", modifier="at_least", measure="level", indicator=None), "met", 0.9, Better.MORE),
    # magnitudes and per-mille convert: 49250万吨 against 4.75亿吨; 1.17% against 千分之十 (降到: less)
    (fact(4.75, unit="亿吨", measure="level", indicator="粮食产量"),
     outcome(49250, unit="万吨", measure="level", indicator="粮食产量"), "met", 0.175, Better.MORE),
    (fact(10, unit="‰", modifier="about", measure="level", indicator=None, text="人口增长率降到千分之十左右"),
     outcome(1.17, measure="level", indicator=None), "missed", 1.7, Better.LESS),
])
def test_verdicts(goal, got, verdict, margin, better) -> None:
    judged = judge(goal, got)
    assert (judged.verdict.value, judged.margin, judged.better) == (verdict, pytest.approx(margin), better)


@pytest.mark.parametrize("got, why", [
    (outcome(5.5, measure="level", period="year-end", indicator="城镇调查失业率"), "another period"),
    (outcome(126, unit="万亿元", measure="level"), "another measure"),
    (outcome(5.2, indicator="国民生产总值"), "another indicator"),
])
def test_no_honest_verdict_says_why(got, why) -> None:
    goal = fact(5.5, modifier="at_most", measure="level" if "period" in why else "growth",
                indicator="城镇调查失业率" if "period" in why else "GDP")
    judged = judge(goal, got)
    assert judged.verdict is Verdict.NOT_COMPARABLE and judged.margin is None and why in judged.reason


def test_a_target_without_a_figure_is_not_comparable() -> None:
    goal = dataclasses.replace(fact(5), value=None, modifier=Modifier.ABSENT)
    assert judge(goal, outcome(5.2)).reason == "the report sets no target for the year"
    goal = dataclasses.replace(fact(5), value=None, modifier=Modifier.QUALITATIVE)
    judged = judge(goal, outcome(5.2))
    assert judged.verdict is Verdict.NOT_COMPARABLE and judged.reason == "the target has no figure (stated in words)"


# ------------------------------------------------------------------ links


def series(*reports):
    return [make_snapshot(year, body, date=date) for year, date, body in reports]


def test_a_restatement_is_never_the_outcome() -> None:
    snaps = series(
        (2023, "2023-03-05", "## 二、2023年工作安排\n\n今年发展主要预期目标是：国内生产总值增长5%左右。\n"),
        (2024, "2024-03-05", "## 一、2023年工作回顾\n\n去年经济增长预期目标为5%左右。国内生产总值超过126万亿元，增长5.2%。\n"),
    )
    (lk, *restated) = [lk for lk in link_goals(snaps) if lk.goal.year == 2023]
    assert not restated
    assert (lk.outcome.quote, lk.outcome.year, lk.verdict, lk.margin) == ("5.2%", 2024, Verdict.MET, 0.2)


def test_open_goals_say_why() -> None:
    snaps = series((2023, "2023-03-05", "## 二、2023年工作安排\n\n今年粮食产量保持在1.3万亿斤以上。\n"),
                   (2024, "2024-03-05", "## 一、2023年工作回顾\n\n国内生产总值增长5.2%。\n## 二、2024年安排\n\n"
                                        "今年粮食产量1.3万亿斤以上。\n"))
    links = {lk.goal.year: lk for lk in link_goals(snaps)}
    assert links[2023].verdict is Verdict.OPEN and links[2023].reason == "no figure for it found in a later report (2024)"
    assert links[2024].verdict is Verdict.OPEN and links[2024].reason == "no later report in the series"


def test_an_open_goal_says_when_the_series_skips_its_year() -> None:
    snaps = series((2015, "2015-03-05", "## 二、2015年工作安排\n\n今年国内生产总值增长7%左右。\n"),
                   (2022, "2022-03-05", "## 一、2021年工作回顾\n\n国内生产总值增长8.1%。\n"))
    (lk,) = [lk for lk in link_goals(snaps) if lk.goal.year == 2015]
    assert lk.verdict is Verdict.OPEN and lk.outcome is None
    assert lk.reason == "no later report reviews 2015 itself; no figure for it found in the later ones (2022)"


def test_the_22_roads_are_linked_and_judged(seeds_project) -> None:
    from erqi_diff.extract.goals import for_project

    links = for_project(seeds_project, [2016])
    (roads,) = [lk for lk in links if lk.goal.quote == "22条"]
    assert (roads.goal.kind, roads.goal.figure_year) == (Kind.PLAN, 2017)
    assert roads.outcome is not None and roads.outcome.year == 2017 and roads.outcome.quote == "20条"
    assert "道路建成通车" in roads.outcome.text
    assert (roads.verdict, roads.margin) == (Verdict.MISSED, -2)


def test_national_targets_linked_to_the_next_report(gwr_project) -> None:
    from erqi_diff.extract.goals import for_project, targets

    panel = targets(for_project(gwr_project, [2023]))
    got = {(lk.goal.indicator, lk.goal.quote): (lk.outcome.quote if lk.outcome else None, lk.verdict.value)
           for lk in panel}
    assert got[("GDP", "5%左右")] == ("5.2%", "met")
    assert got[("居民消费价格", "3%左右")] == ("0.2%", "met")        # a price rise far under its target
    assert got[("城镇新增就业", "1200万人左右")] == ("1244万人", "met")
    assert got[("粮食产量", "1.3万亿斤以上")] == ("1.39万亿斤", "met")
    # every outcome is an outcome of a later report, for the goal's own figure year
    for lk in panel:
        if lk.outcome is not None:
            assert lk.outcome.year > lk.goal.year and lk.outcome.kind.is_outcome
            assert lk.outcome.figure_year == lk.goal.figure_year


@pytest.mark.parametrize("body", [
    "全年150个重大项目完成投资470亿元，82个项目开工。",      # the list's size, restated with what it achieved
    "32个重大生态建设项目已开工24个。",
    "先后实施35个区级普惠项目，受益群众达27万人次。",        # 先后: done one after another
    "新建、改扩建中小学、幼儿园18所，新增学位2万个，有效解决大班额问题。",  # what it brought: a result
])
def test_a_review_sets_no_goal(body: str) -> None:
    snap = make_snapshot(2017, "## 2017年工作回顾\n\n" + body + "\n", date="2018-01-13")
    assert [lk.goal.quote for lk in link_goals([snap])] == []


def test_a_plan_of_projects_is_a_goal() -> None:
    snap = make_snapshot(2016, "## 2017年工作安排\n\n今年计划实施150个重大项目，完成投资446亿元。\n", date="2017-02-17")
    assert "150个" in [lk.goal.quote for lk in link_goals([snap])]


@pytest.mark.parametrize("later, verdict", [
    ("## 一、过去一年工作回顾\n\n圆满完成裁减军队员额20万的任务。\n", Verdict.MET),
    ("## 一、过去一年工作回顾\n\n裁减军队员额20万的任务基本完成。\n", Verdict.NOT_COMPARABLE),  # largely
    # the second goal said reached in the sentence is this one
    ("## 一、过去一年工作回顾\n\n顺利完成了国防建设计划，圆满完成裁减军队员额20万的任务。\n", Verdict.MET),
    ("## 二、今年的任务\n\n要圆满完成裁减军队员额20万的任务。\n", None),     # to be done
    # an instruction among the year's tasks (2005's defence paragraph): no 了, under no reviewing heading
    ("## 六、加强国防建设\n\n继续推进国防科技工业改革和发展。圆满完成裁减军队员额20万的任务。推进军队后勤建设。\n", None),
    ("## 五年来，国防建设迈出新步伐\n\n如期完成裁减军队员额20万的任务。\n", Verdict.MET),  # a review: no 了 needed
    ("## 一、过去一年工作回顾\n\n圆满完成裁减军队员额50万的任务。\n", None),   # another reduction
    ("## 一、过去一年工作回顾\n\n提前实现了裁减军队员额翻一番的目标。\n", None),  # a figure, not the goal's
])
def test_a_goal_said_reached_in_words(later: str, verdict: Verdict | None) -> None:
    goal = make_snapshot(2004, "## 二、2004年主要任务\n\n确保年底前完成裁减军队员额20万。\n", date="2004-03-05")
    (link,) = link_goals([goal, make_snapshot(2005, later, date="2005-03-05")])[:1]
    said = "the 2005 report says it was" in link.reason
    assert (link.verdict if said else None) is verdict


def test_a_goal_said_reached_before_its_year_is_no_target() -> None:
    """提前实现了…翻两番的目标: a report says a goal for a year ahead was reached;
    the figure is no target of that report, and its year is not said."""
    body = "## 一、过去五年的工作\n\n顺利完成了“八五”计划，提前实现了本世纪末国民生产总值比1980年翻两番的目标。\n"
    facts = read_facts(make_snapshot(1998, body, date="1998-03-05"))
    (fact,) = [f for f in facts if f.quote == "翻两番"]
    assert fact.kind is Kind.ACTUAL and fact.figure_year is None
    assert link_goals([make_snapshot(1998, body, date="1998-03-05")]) == []


def test_a_list_s_total_investment_is_no_goal_to_follow() -> None:
    body = "## 2017年工作安排\n\n目前，全区共梳理了150个重大项目，总投资3216亿元，今年计划完成投资446亿元。\n"
    quotes = [lk.goal.quote for lk in link_goals([make_snapshot(2016, body, date="2017-02-17")])]
    assert "446亿元" in quotes and "3216亿元" not in quotes


def test_a_total_of_five_years_answers_no_target_of_one() -> None:
    goal = make_snapshot(1992, "## 二、1992年的任务\n\n今年全国固定资产投资总规模为5700亿元。\n", date="1992-03-20")
    later = make_snapshot(1993, "## 一、五年的回顾\n\n基本建设取得新成就，五年全社会固定资产投资完成26000亿元。\n",
                          date="1993-03-15")
    (link,) = [lk for lk in link_goals([goal, later]) if lk.goal.quote == "5700亿元"]
    assert link.outcome is None and link.verdict is Verdict.OPEN


def test_a_growth_over_the_years_is_no_yearly_average() -> None:
    """计划增长百分之二十一点七 over five years is not judged by 平均每年增长百分之十一 (shown, not compared)."""
    goal = make_snapshot(1982, "作关于我国国民经济和社会发展第六个五年计划的报告。\n\n## 一、关于发展速度\n\n"
                         "在这个期间，我国工农业总产值计划增长百分之二十一点七。\n", date="1982-12-10")
    later = make_snapshot(1986, "## 一、第六个五年计划的完成情况\n\n在过去的五年中，我国工农业总产值平均每年增长百分之十一。\n",
                          date="1986-03-25")
    (link,) = [lk for lk in link_goals([goal, later]) if lk.goal.quote == "百分之二十一点七"]
    assert link.goal.figure_span == (1981, 1985)
    assert link.verdict is Verdict.NOT_COMPARABLE and link.margin is None
    assert link.reason == "a growth over the years against a yearly average"


def test_a_past_target_restated_with_its_result_is_answered_in_the_same_report() -> None:
    """一九八一年计划为百分之三点七，实际达到百分之四点六 (a report of December 1982)."""
    snap = make_snapshot(1982, "## 一、关于发展速度\n\n工农业总产值的增长速度，一九八一年计划为百分之三点七，"
                         "实际达到百分之四点六。\n", date="1982-12-10")
    (link,) = [lk for lk in link_goals([snap]) if lk.goal.quote == "百分之三点七"]
    assert link.outcome is not None and link.outcome.quote == "百分之四点六" and link.verdict is Verdict.MET


def test_a_list_under_one_verb_answers_each_of_its_goals() -> None:
    """五年内新增…，采煤能力…，原油开采能力五千万吨: 新增 is every item's verb."""
    goal = make_snapshot(1982, "作关于我国国民经济和社会发展第六个五年计划的报告。\n\n## 一、关于能源\n\n"
                         "五年内，新增原油开采能力三千五百万吨，天然气开采能力二十五亿立方米。\n", date="1982-12-10")
    later = make_snapshot(1986, "## 一、“六五”计划执行情况的回顾\n\n在过去的五年中，我国的基本建设取得了重大成就。"
                          "五年内新增发电装机容量一千九百五十万千瓦，采煤能力八千万吨，原油开采能力五千万吨。\n",
                          date="1986-03-25")
    (link,) = [lk for lk in link_goals([goal, later]) if lk.goal.quote == "三千五百万吨"]
    assert link.outcome is not None and link.outcome.quote == "五千万吨" and link.verdict is Verdict.MET


def test_quadrupling_by_2000_said_reached_in_1998(gwr_early_root) -> None:
    """The 1988 and 1993 reports' goal of 国民生产总值 翻两番 by 2000 is met by
    the 1998 report's words (提前实现了…翻两番的目标), not left not comparable
    against a level of GDP; the 七五 targets of 1986 are not (another figure)."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many

    links = link_goals(load_many(load_project(gwr_early_root)))
    quadrupling = [lk for lk in links if lk.goal.quote == "翻两番" and lk.goal.year in (1988, 1993)]
    assert quadrupling and all(lk.verdict is Verdict.MET and "the 1998 report says it was reached" in lk.reason
                               for lk in quadrupling)
    assert not [lk for lk in links if lk.goal.year == 1998 and lk.goal.quote == "翻两番"]
    assert not [lk for lk in links if lk.goal.year == 1986 and "1998 report says" in lk.reason]


def test_a_later_actual_stands_before_an_earlier_estimate() -> None:
    """1980's target for 1981; the report of late 1981 estimates the year
    (今年预计的3%), the next gives the actual (实际达到百分之四点六): the actual
    judges it. With no actual later, the estimate does, marked as one."""
    goal = make_snapshot(1980, "## 二、1981年的计划\n\n1981年工农业总产值比1980年计划增长5.5%。\n", date="1980-12-01")
    estimate = make_snapshot(1981, "## 一、今年的情况\n\n今年工农业总产值预计增长3%。\n", date="1981-11-30")
    actual = make_snapshot(1982, "## 一、过去一年\n\n工农业总产值的增长速度，一九八一年计划为百分之三点七，实际达到百分之四点六。\n",
                           date="1982-11-30")
    (link,) = [lk for lk in link_goals([goal, estimate, actual]) if lk.goal.year == 1980]
    assert (link.outcome.year, link.outcome.kind, link.outcome.value) == (1982, Kind.ACTUAL, 4.6)
    assert link.verdict is Verdict.MISSED
    (alone,) = [lk for lk in link_goals([goal, estimate]) if lk.goal.year == 1980]
    assert (alone.outcome.year, alone.outcome.kind, alone.outcome.value) == (1981, Kind.ESTIMATE, 3.0)


@pytest.mark.parametrize("sentence, followed", [
    ("按调整后的“八五”计划，国民经济增长速度由原定平均每年百分之六调高到百分之八至九。", ["百分之八至九"]),
    ("今年粮食产量由原计划的9000亿斤调整为9500亿斤。", ["9500亿斤"]),
    ("国民经济增长速度要达到百分之八。", ["百分之八"]),   # no target replaced
])
def test_a_target_replaced_in_its_sentence_is_not_followed(sentence: str, followed: list[str]) -> None:
    snap = make_snapshot(1993, "## 二、今后五年的主要任务\n\n" + sentence + "\n", date="1993-03-15")
    assert [lk.goal.quote for lk in link_goals([snap])] == followed


@pytest.mark.parametrize("body, quote", [
    # a programme's name before what it did: 计划惠及 is no plan
    ("## 一、过去一年工作回顾\n\n启动教育扶贫工程，学生营养改善计划惠及3200万孩子。\n", "3200万"),
    # what the country has, item after item of a list: no goal, even in a plan part
    ("## 二、今年的工作\n\n我国有13亿人口、9亿劳动力资源，人民勤劳而智慧，一定能够顶住经济下行压力。\n", "9亿"),
])
def test_a_state_of_things_is_no_goal(body: str, quote: str) -> None:
    snap = make_snapshot(2015, body, date="2015-03-05")
    (fact,) = [f for f in read_facts(snap) if f.quote == quote]
    assert fact.kind is Kind.ACTUAL
    assert quote not in [lk.goal.quote for lk in link_goals([snap])]

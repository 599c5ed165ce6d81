"""Goals restated and outcomes said in few words: a past target restated with
its outcome in one sentence (要从14.8%降到10%左右，…实际回落到6.1%), a target
restated with no subject of its own (实现7%左右的增长速度), the places a measure
covers (592个…重点县免征农业税: no goal), 预定 between an indicator and its
verb, goals said reached as the year's target (…的工作达到了年度目标), and
changes given only by their direction (价格总水平都比上年下降)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.extract.facts import Fact, Kind, Measure, Period
from erqi_diff.extract.inwords import _judge_way
from erqi_diff.extract.links import link_goals
from erqi_diff.extract.numbers import Modifier
from erqi_diff.extract.reached import said_reached
from erqi_diff.extract.verdicts import Verdict

from extract_quality import make_snapshot

PLAN = "## 二、1998年的主要任务\n\n"
REVIEW = "## 一、1998年工作回顾\n\n"


def _links(goal_body: str, later_body: str = "", year: int = 1998) -> list:
    snaps = [make_snapshot(year, goal_body, date=f"{year}-03-05")]
    if later_body:
        snaps.append(make_snapshot(year + 1, later_body, date=f"{year + 1}-03-05"))
    return [lk for lk in link_goals(snaps) if lk.goal.year == year]


def _one(links: list, quote: str):
    (link,) = [lk for lk in links if lk.goal.quote == quote]
    return link


# -- the places a measure covers -------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, quote, goal", [
    ("592个国家扶贫开发工作重点县免征农业税。", "592个", False),            # the pattern of the 2005 report
    ("今年在100个地级以上城市进行公立医院改革试点。", "100个", False),      # 在 + the places + the measure
    ("今年，30个省份全面取消农业特产税。", "30个", False),                 # a variant: the count first in its clause
    ("在50个县实行农村义务教育经费保障机制改革。", "50个", False),
    ("今年试点城市扩大到110个。", "110个", True),                          # how far a pilot goes: a goal to follow
    ("今年要新建改建100个县的医院。", "100个", True),                      # a count of things to build
])
def test_the_places_a_measure_covers_are_no_goal(sentence: str, quote: str, goal: bool) -> None:
    quotes = [lk.goal.quote for lk in _links(PLAN + sentence + "\n")]
    assert (quote in quotes) is goal, quotes


def test_the_2005_report_s_592_counties_are_no_goal(gwr_early_root) -> None:
    from erqi_diff.core.project import load_project
    from erqi_diff.extract.goals import for_project

    links = for_project(load_project(gwr_early_root), [2005])
    assert links and not [lk for lk in links if lk.goal.quote == "592个"]


# -- a past target restated with its outcome in the same sentence -----------------------------------------------

PAST = "## 一、1997年工作回顾\n\n去年政府工作报告提出，物价涨幅要从14.8%降到10%左右，经过各方面的努力，{}。\n"


@pytest.mark.parametrize("outcome, verdict, margin", [
    ("实际回落到6.1%", Verdict.MET, -3.9),          # the 1997 report's sentence
    ("实际降到9.5%", Verdict.MET, -0.5),
    ("实际为12%", Verdict.MISSED, 2.0),            # above the ceiling (and its tolerance)
])
def test_a_past_target_restated_with_its_outcome(outcome: str, verdict: Verdict, margin: float) -> None:
    link = _one(_links(PAST.format(outcome), year=1997), "10%左右")
    assert link.goal.figure_year == 1996 and link.goal.kind is Kind.TARGET
    assert link.verdict is verdict, link.reason
    assert link.outcome is not None and link.outcome.year == 1997 and link.margin == pytest.approx(margin)


@pytest.mark.parametrize("outcome", [
    "全年比上年回落8.7个百分点",       # not 实际…: another figure (of another unit too)
    "实际工业增长回落到6.1%",         # its clause names something else
])
def test_a_figure_after_a_restated_target_that_is_not_its_outcome(outcome: str) -> None:
    link = _one(_links(PAST.format(outcome), year=1997), "10%左右")
    assert link.verdict is Verdict.OPEN and link.outcome is None


def test_the_1997_report_s_price_target(gwr_early_root) -> None:
    from erqi_diff.core.project import load_project
    from erqi_diff.extract.goals import for_project

    link = _one(for_project(load_project(gwr_early_root), [1997]), "10%左右")
    assert link.goal.figure_year == 1996 and link.verdict is Verdict.MET
    assert link.outcome is not None and link.outcome.quote == "6.1%"


# -- a target restated with no subject of its own ---------------------------------------------------------------

GROWTH = ("## 二、1999年的主要任务\n\n今年的经济增长预期为7%左右。在优化结构的基础上，实现7%左右的增长速度并不容易，"
          "但是经过努力可以达到。\n")
SAID = "## 一、1999年工作回顾\n\n国内生产总值增长率达到预期目标，经济结构有所调整。\n"


def test_a_target_restated_takes_the_link_of_the_one_it_restates() -> None:
    links = _links(GROWTH, SAID, year=1999)
    first, again = [lk for lk in links if lk.goal.quote == "7%左右"]
    assert first.goal.indicator == "GDP" and first.verdict is Verdict.MET
    assert again.goal.indicator is None and again.verdict is Verdict.MET
    assert again.reason.startswith("restates the target") and again.outcome == first.outcome
    assert again.restates and not first.restates


@pytest.mark.parametrize("goal_body", [
    GROWTH.replace("实现7%左右", "实现8%左右"),                        # another figure: no restatement
    GROWTH.replace("实现7%左右的增长速度", "实现7%左右的出口增长"),        # something else after the figure
    GROWTH.replace("实现7%左右", "使工业实现7%左右"),                  # a subject of its own
    GROWTH.replace("增长速度", "增长"),                                 # a bare 增长 may be of anything
    GROWTH.replace("经济增长预期为7%左右", "出口增长预期为7%左右"),         # the same figure of another indicator
])
def test_what_is_no_restatement_stays_open(goal_body: str) -> None:
    links = [lk for lk in _links(goal_body, SAID, year=1999) if lk.goal.indicator is None and lk.goal.unit == "%"]
    assert links and all(lk.verdict is Verdict.OPEN for lk in links)


def test_the_1999_report_s_restated_growth(gwr_early_root) -> None:
    from erqi_diff.core.project import load_project
    from erqi_diff.extract.goals import for_project

    links = [lk for lk in for_project(load_project(gwr_early_root), [1999]) if lk.goal.quote == "7%左右"]
    assert len(links) == 2 and all(lk.verdict is Verdict.MET for lk in links)


# -- 预定 between an indicator and its verb ---------------------------------------------------------------------

@pytest.mark.parametrize("goal, later, verdict", [
    ("今年全社会固定资产投资预定增长10%或者更多一些。", "全社会固定资产投资增长14·1%。", Verdict.MET),
    ("今年全社会固定资产投资预定增长10%。", "全社会固定资产投资增长8.5%。", Verdict.MISSED),
])
def test_a_target_with_yuding_is_of_its_indicator(goal: str, later: str, verdict: Verdict) -> None:
    link = _one(_links(PLAN + goal + "\n", REVIEW + later + "\n"), "10%")
    assert link.goal.indicator == "固定资产投资" and link.verdict is verdict


# -- a goal said reached as the year's target -------------------------------------------------------------------

EDUCATION = PLAN + "今年，基本普及九年义务教育的地区要增加到全国人口的72%，再扫除350万青壮年文盲。\n"
REACHED = "全国基本普及九年义务教育和基本扫除青壮年文盲的工作达到了年度目标，中等职业教育有了进一步发展。\n"


def test_goals_said_reached_as_the_year_s_target() -> None:
    links = _links(EDUCATION, REVIEW + REACHED)
    for quote in ("72%", "350万"):
        link = _one(links, quote)
        assert link.verdict is Verdict.MET and "年度目标" in link.reason, link.reason


def test_the_year_s_target_answers_only_the_year_the_report_reviews() -> None:
    snaps = [make_snapshot(1998, EDUCATION, date="1998-03-05"),
             make_snapshot(1999, "## 一、1998年工作回顾\n\n经济平稳增长。\n", date="1999-03-05"),
             make_snapshot(2000, "## 一、1999年工作回顾\n\n" + REACHED, date="2000-03-05")]
    links = [lk for lk in link_goals(snaps) if lk.goal.year == 1998]
    assert links and all(lk.verdict is Verdict.OPEN for lk in links)


@pytest.mark.parametrize("sentence, obj, of_year", [
    ("全国基本普及九年义务教育和基本扫除青壮年文盲的工作达到了年度目标",
     "全国基本普及九年义务教育和基本扫除青壮年文盲的工作", True),
    ("国务院机构改革进展顺利，实现了预定目标", "国务院机构改革进展顺利，", True),   # the subject in the clause before
    ("提前实现了本世纪末国民生产总值比1980年翻两番的目标", "本世纪末国民生产总值比1980年翻两番", False),
])
def test_what_a_sentence_says_was_reached(sentence: str, obj: str, of_year: bool) -> None:
    (said,) = said_reached(REVIEW + sentence + "。\n")
    assert said.obj == obj and said.of_year is of_year


# -- a change given only by its direction -----------------------------------------------------------------------

PRICES = PLAN + "今年国民经济宏观调控的主要目标是：经济增长速度8%，商品零售价格涨幅控制在3%以内。\n"


@pytest.mark.parametrize("later, quote, verdict", [
    ("去年财政增发1000亿元国债，但全年货币发行还比年初计划少了近500亿元；社会商品零售价格和消费价格的总水平都比上年下降。",
     "3%以内", Verdict.MET),                      # the 1999 report's words, under a plan heading, on 去年
    ("商品零售价格总水平比上年下降。", "3%以内", Verdict.MET),       # a fall meets any ceiling at or above zero
    ("商品零售价格总水平比上年上涨。", "3%以内", Verdict.NOT_COMPARABLE),  # a rise of unsaid size: unsure
    ("商品零售价格总水平比上年有所回落。", "3%以内", Verdict.MET),
    ("商品零售价格和居民消费价格都比上年下降。", "3%以内", Verdict.MET),   # two indicators, said of each
    ("商品零售价格和居民消费价格总水平均比上年有所下降。", "3%以内", Verdict.MET),
    ("商品零售价格和居民消费价格比上年下降。", "3%以内", Verdict.OPEN),   # two, not said of each: unsure
    ("商品零售价格涨幅比上年回落。", "3%以内", Verdict.OPEN),    # the rate of rise fell, not prices
    ("商品零售价格上涨幅度比上年下降。", "3%以内", Verdict.OPEN),
])
def test_a_change_given_only_by_its_direction(later: str, quote: str, verdict: Verdict) -> None:
    heading = "## 二、继续扩大内需\n\n" if later.startswith("去年") else REVIEW
    link = _one(_links(PRICES, heading + later + "\n"), quote)
    assert link.verdict is verdict, link.reason
    if verdict is Verdict.OPEN:
        assert link.outcome is None
    else:
        assert link.outcome is not None and link.outcome.value is None and link.margin is None


def _growth_target(value: float, modifier: Modifier, verb: str) -> Fact:
    text = f"{verb}{value:g}%"
    return Fact(year=2014, indicator="居民消费价格" if "涨幅" in verb else "GDP", what=verb, measure=Measure.GROWTH,
                value=value, unit="%", modifier=modifier, period=Period.YEAR, figure_year=2014, figure_span=None,
                kind=Kind.TARGET, base=None, quote=f"{value:g}%", text=text, start=0, end=len(text),
                quote_start=len(verb), quote_end=len(text), section="")


@pytest.mark.parametrize("verb, value, modifier, said, verdict", [
    ("涨幅控制在", 3.0, Modifier.AT_MOST, "fell", Verdict.MET),
    ("涨幅控制在", 3.0, Modifier.AT_MOST, "rose", Verdict.NOT_COMPARABLE),
    ("涨幅控制在", 0.0, Modifier.AT_MOST, "rose", Verdict.MISSED),       # any rise breaks a ceiling of zero
    ("增长", 8.0, Modifier.POINT, "fell", Verdict.MISSED),               # a fall misses any growth target above zero
    ("增长", 8.0, Modifier.POINT, "rose", Verdict.NOT_COMPARABLE),
    ("增长", 0.05, Modifier.ABOUT, "fell", Verdict.NOT_COMPARABLE),      # within the tolerance of 左右: unsure
])
def test_judging_a_direction(verb: str, value: float, modifier: Modifier, said: str, verdict: Verdict) -> None:
    assert _judge_way(_growth_target(value, modifier, verb), said, "words").verdict is verdict


@settings(deadline=None)
@given(st.floats(min_value=-20, max_value=20, allow_nan=False), st.sampled_from(["fell", "rose"]),
       st.sampled_from([Modifier.AT_MOST, Modifier.AT_LEAST, Modifier.POINT]))
def test_a_direction_never_settles_what_a_figure_that_way_would_not(value: float, said: str,
                                                                    modifier: Modifier) -> None:
    """Whatever a direction settles, every figure that way gets the same verdict from :func:`judge`."""
    from erqi_diff.extract.verdicts import judge

    goal = _growth_target(value, modifier, "增长")
    got = _judge_way(goal, said, "words").verdict
    if got is Verdict.NOT_COMPARABLE:
        return
    for size in (0.01, 1.0, 50.0):
        x = -size if said == "fell" else size
        outcome = _growth_target(x, Modifier.POINT, "增长")
        assert judge(goal, outcome).verdict is got


# -- statements read as goals -----------------------------------------------------------------------------------

@pytest.mark.parametrize("body, quote, goal", [
    # a heading that counts the years it reviews (五年来，…): a weak goal word there reports a result
    ("## 五年来，国民经济保持良好发展势头\n\n五年建成新线5944公里。新建、改扩建机场50个。\n", "50个", False),
    ("## 二、今后五年的主要任务\n\n新建、改扩建机场50个。\n", "50个", True),
    # what a measure already in force covers (…已由15.3%降到12%，涉及5300多个税目)
    ("## 二、2002年的主要任务\n\n从2002年1月1日起，我国关税总水平已由15.3%降到12%，涉及5300多个税目。\n", "5300多个", False),
    ("## 二、2002年的主要任务\n\n今年关税总水平要由15.3%降到12%，涉及5300多个税目。\n", "5300多个", True),
    # a plan drawn up: what it covers is still ahead
    ("## 二、2002年的主要任务\n\n今年的实施方案已经基本成熟，共涉及养老服务、教育基金等17个项目。\n", "17个", True),
])
def test_statements_are_no_goals(body: str, quote: str, goal: bool) -> None:
    quotes = [lk.goal.quote for lk in _links(body, year=2002)]
    assert (quote in quotes) is goal, quotes


@pytest.mark.parametrize("clause, names", [
    ("商品零售价格和居民消费价格都比上年下降", ["商品零售价格", "居民消费价格"]),
    ("社会商品零售价格和消费价格的总水平都比上年下降", ["商品零售价格"]),   # 消费价格 names no indicator
    ("国内生产总值和财政收入都比上年增长", ["GDP", "财政收入"]),
    ("国内生产总值和财政收入比上年增长", []),                               # not said of each
    ("国内生产总值和财政收入都达到预期目标", []),                           # each reached, but which target?
    ("以扩大内需为重点的国内生产总值增长达到预期目标", []),
])
def test_the_indicators_a_clause_speaks_of(clause: str, names: list[str]) -> None:
    from erqi_diff.extract.inwords import _reads

    assert [r[0] for r in _reads(clause, "GDP")] == names


def test_the_1998_goals_the_1999_report_answers(gwr_early_root) -> None:
    """1999 on 1998: investment 14·1% against 预定增长10%; prices 都比上年下降 against 3%以内 (under a plan
    heading, on 去年); 九年义务教育 and 扫除文盲 达到了年度目标. Grain (49250万吨) is said nowhere: open."""
    from erqi_diff.core.project import load_project
    from erqi_diff.extract.goals import for_project

    links = {lk.goal.quote: lk for lk in for_project(load_project(gwr_early_root), [1998])}
    assert links["10%"].goal.indicator == "固定资产投资" and links["10%"].verdict is Verdict.MET
    assert links["3%以内"].verdict is Verdict.MET and links["3%以内"].outcome is not None
    assert links["3%以内"].outcome.quote == "比上年下降" and links["3%以内"].outcome.year == 1999
    assert links["72%"].verdict is Verdict.MET and links["350万"].verdict is Verdict.MET
    assert links["49250万吨"].verdict is Verdict.OPEN


def test_statements_of_2002_and_2003_are_no_goals(gwr_early_root) -> None:
    from erqi_diff.core.project import load_project
    from erqi_diff.extract.goals import for_project

    quotes = {lk.goal.quote for lk in for_project(load_project(gwr_early_root), [2002, 2003])}
    assert quotes and not quotes & {"5300多个", "50个"}

"""Outcomes given as bounds (6600多万, 超过…, …以上, 近…), as runs of years
(连续两年增长10%以上), and in words for one indicator's target in the review
of its year (国内生产总值增长率达到预期目标, 财政赤字控制在预算范围内); blanket
words (全面完成年度目标任务) answer no goal."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.extract import inwords
from erqi_diff.extract.facts import Fact, Kind, Measure, Period
from erqi_diff.extract.links import link_goals
from erqi_diff.extract.numbers import Modifier
from erqi_diff.extract.verdicts import Verdict, judge

from extract_quality import make_snapshot

REVIEW = "## 一、2014年工作回顾\n\n"
WATER = "## 三、2014年重点工作\n\n今年再解决6000万农村人口的饮水安全问题。\n"


def _link(goal_body: str, later_body: str, quote: str):
    snaps = [make_snapshot(2014, goal_body, date="2014-03-05"), make_snapshot(2015, later_body, date="2015-03-05")]
    (link,) = [lk for lk in link_goals(snaps) if lk.goal.year == 2014 and lk.goal.quote == quote]
    return link


@pytest.mark.parametrize("later, verdict, outcome", [
    ("6600多万农村人口饮水安全问题得到解决。", Verdict.MET, "6600多万"),                # a floor beyond the target
    ("超过6000万农村人口饮水安全问题得到解决。", Verdict.MET, "超过6000万"),             # a floor at the target
    ("6000万以上农村人口饮水安全问题得到解决。", Verdict.MET, "6000万以上"),
    ("超过5000万农村人口饮水安全问题得到解决。", Verdict.NOT_COMPARABLE, "超过5000万"),  # a floor short of it: unsure
    ("近6000万农村人口饮水安全问题得到解决。", Verdict.NOT_COMPARABLE, "近6000万"),      # nearly: unsure
    ("近7000万农村人口饮水安全问题得到解决。", Verdict.MET, "近7000万"),                 # nearly, but well beyond
    ("不超过5000万农村人口饮水安全问题得到解决。", Verdict.MISSED, "不超过5000万"),      # a ceiling short of it
    ("5800万农村人口饮水安全问题得到解决。", Verdict.MISSED, "5800万"),
])
def test_an_outcome_given_as_a_bound(later: str, verdict: Verdict, outcome: str) -> None:
    link = _link(WATER, REVIEW + later + "\n", "6000万")
    assert link.outcome is not None and link.outcome.quote == outcome
    assert link.verdict is verdict, link.reason
    if verdict is Verdict.NOT_COMPARABLE:
        assert link.margin is None


SCHOOL = "## 三、2014年重点工作\n\n贫困地区农村学生上重点高校人数要再增长10%以上。\n"


@pytest.mark.parametrize("later, verdict", [
    ("贫困地区农村学生上重点高校人数连续两年增长10%以上。", Verdict.MET),
    ("贫困地区农村学生上重点高校人数连续三年增长12%以上。", Verdict.MET),
    ("贫困地区农村学生上重点高校人数连续两年增长8%。", Verdict.MISSED),
    ("贫困地区农村学生上重点高校人数连续两年累计增长20%。", Verdict.OPEN),   # a total over the run: not each year's
])
def test_an_outcome_of_a_run_of_years_judges_its_last_year(later: str, verdict: Verdict) -> None:
    link = _link(SCHOOL, REVIEW + later + "\n", "10%以上")
    assert link.verdict is verdict, link.reason
    if verdict is Verdict.MET:
        assert link.outcome is not None and "连续" in link.reason


GOALS = ("## 二、2014年经济社会发展总体部署\n\n今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右，"
         "居民消费价格涨幅控制在3.5%左右。今年拟安排财政赤字13500亿元。\n")


def _targets(later: str) -> dict[str, object]:
    snaps = [make_snapshot(2014, GOALS, date="2014-03-05"), make_snapshot(2015, later, date="2015-03-05")]
    return {lk.goal.indicator: lk for lk in link_goals(snaps) if lk.goal.year == 2014 and lk.goal.indicator}


@pytest.mark.parametrize("later, indicator, verdict, quote", [
    ("国内生产总值增长率达到预期目标，经济结构有所调整。", "GDP", Verdict.MET, "达到预期目标"),
    ("去年经济增长实现了预期目标。", "GDP", Verdict.MET, "实现了预期目标"),
    ("国内生产总值增长未能达到预期目标。", "GDP", Verdict.MISSED, "未能达到预期目标"),
    ("国内生产总值增长基本达到预期目标。", "GDP", Verdict.NOT_COMPARABLE, "基本达到预期目标"),
    ("居民消费价格涨幅低于预期目标。", "居民消费价格", Verdict.MET, "低于预期目标"),       # less is better
    ("居民消费价格涨幅超过预期目标。", "居民消费价格", Verdict.MISSED, "超过预期目标"),
    ("去年财政赤字控制在预算范围内，广义货币增长13.6%。", "财政赤字", Verdict.NOT_COMPARABLE, "控制在预算范围内"),
    ("财政赤字控制在预算目标之内。", "财政赤字", Verdict.NOT_COMPARABLE, "控制在预算目标之内"),
])
def test_a_target_said_reached_in_words_in_the_review_of_its_year(later: str, indicator: str, verdict: Verdict,
                                                                  quote: str) -> None:
    links = _targets(REVIEW + later + "\n")
    link = links[indicator]
    assert link.verdict is verdict, link.reason  # type: ignore[attr-defined]
    assert link.outcome is not None and link.outcome.quote == quote  # type: ignore[attr-defined]
    assert link.outcome.year == 2015 and link.outcome.figure_year == 2014  # type: ignore[attr-defined]
    assert link.outcome.value is None and link.margin is None  # type: ignore[attr-defined]
    others = [lk for name, lk in links.items() if name != indicator]
    assert all(lk.verdict is Verdict.OPEN for lk in others)  # type: ignore[attr-defined]


@pytest.mark.parametrize("later", [
    REVIEW + "全面完成年度目标任务。\n",                          # blanket: no goal in particular
    REVIEW + "经济社会发展主要目标任务圆满完成。\n",
    REVIEW + "不仅实现了全年预期发展目标，而且经济结构有所调整。\n",
    REVIEW + "以扩大内需为重点的国内生产总值增长达到预期目标。\n",  # more than the indicator in its subject
    "## 二、2015年经济社会发展总体部署\n\n今年国内生产总值增长要达到预期目标。\n",  # a plan, not a review
    REVIEW + "前三季度国内生产总值增长达到预期目标。\n",          # a part of the year
])
def test_words_that_name_no_goal_leave_it_open(later: str) -> None:
    links = _targets(later)
    assert links and all(lk.verdict is Verdict.OPEN for lk in links.values())  # type: ignore[attr-defined]


def test_a_figure_stands_before_words() -> None:
    links = _targets(REVIEW + "国内生产总值增长7.4%，增长率达到预期目标。\n")
    gdp = links["GDP"]
    assert gdp.outcome.quote == "7.4%" and gdp.verdict is Verdict.MET  # type: ignore[attr-defined]


@pytest.mark.parametrize("clause, read", [
    ("国内生产总值增长率达到预期目标", ("GDP", "growth", "met")),
    ("去年财政赤字控制在预算范围内", ("财政赤字", "level", "within_budget")),
    ("工业总产值超额完成了国家计划", ("工业总产值", "level", "met")),
    ("全年固定资产投资完成年度计划", ("固定资产投资", "level", "met")),
    ("交通运输和邮电通信都超额完成了国家计划", None),   # no indicator
    ("主要预期目标圆满完成", None),
    ("各项预期目标全面完成", None),
    ("国内生产总值和财政收入均达到预期目标", None),   # two indicators: which goal is not said
])
def test_clauses_read(clause: str, read: tuple | None) -> None:
    got = inwords._read(clause, "GDP")
    assert (got[:3] if got else None) == (read and (read[0], Measure(read[1]), read[2]))


# ------------------------------------------------------------------ real data


def test_the_national_reports_bounds_runs_and_words(gwr_project) -> None:
    from erqi_diff.extract.goals import for_project

    links = {(lk.goal.year, lk.goal.quote, lk.goal.what): lk for lk in for_project(gwr_project, [2013, 2014])}
    water = links[2014, "6000万", "再解决"]
    assert water.verdict is Verdict.MET and water.outcome is not None and water.outcome.quote == "6600多万"
    school = next(lk for k, lk in links.items() if k[0] == 2014 and "重点高校" in k[2])
    assert school.verdict is Verdict.MET and school.outcome is not None and "连续两年" in school.outcome.text
    deficit = links[2013, "1.2万亿元", "财政赤字"]
    assert deficit.verdict is Verdict.NOT_COMPARABLE and deficit.outcome is not None
    assert deficit.outcome.quote == "控制在预算范围内" and deficit.outcome.year == 2014
    # the 2014 report's 2013 赤字率 is not said in words: still open
    assert links[2013, "2%左右", "赤字率在"].verdict is Verdict.OPEN


def test_the_early_national_reports_growth_said_reached(gwr_early_root) -> None:
    from erqi_diff.core.project import load_project
    from erqi_diff.extract.goals import for_project

    links = [lk for lk in for_project(load_project(gwr_early_root), [1999]) if lk.goal.indicator == "GDP"]
    assert links and all(lk.verdict is Verdict.MET for lk in links)
    assert links[0].outcome is not None and links[0].outcome.quote == "达到预期目标" and links[0].outcome.year == 2000


@pytest.mark.parametrize("text, modifier", [
    ("不超过5000万人", "at_most"),    # not 超过: a ceiling
    ("不到5000万人", "at_most"),
    ("不足5000万人", "at_most"),
    ("超过5000万人", "at_least"),
    ("不少于10%", "at_least"),
    ("不低于3%", "at_least"),
    ("6600多万人", "at_least"),
    ("近6000万人", "about"),
])
def test_bound_words_read_on_figures(text: str, modifier: str) -> None:
    from erqi_diff.extract.numbers import find_quantities

    (q,) = find_quantities(text)
    assert q.modifier.value == modifier and q.start == 0


# ------------------------------------------------------------------ invariants

def _fact(value: float, modifier: Modifier, kind: Kind, year: int) -> Fact:
    text = "粮食产量达到x"
    return Fact(year=year, indicator="粮食产量", what="粮食产量", measure=Measure.LEVEL, value=value, unit="万吨",
                modifier=modifier, period=Period.YEAR, figure_year=2014, figure_span=None, kind=kind, base=None,
                quote="x", text=text, start=0, end=len(text), quote_start=len(text) - 1, quote_end=len(text))


@settings(deadline=None)
@given(target=st.integers(1, 100_000), bound=st.integers(1, 100_000),
       goal_mod=st.sampled_from([Modifier.POINT, Modifier.AT_LEAST]),
       out_mod=st.sampled_from([Modifier.AT_LEAST, Modifier.AT_MOST, Modifier.ABOUT]))
def test_a_bound_never_claims_more_than_it_says(target: int, bound: int, goal_mod: Modifier, out_mod: Modifier) -> None:
    """A floor at or beyond the target meets it, and a floor never misses it;
    a ceiling short of it misses it, and a ceiling never meets a target above
    it; an approximate figure near the target settles nothing."""
    got = judge(_fact(target, goal_mod, Kind.TARGET, 2014), _fact(bound, out_mod, Kind.ACTUAL, 2015))
    if out_mod is Modifier.AT_LEAST:
        assert got.verdict is (Verdict.MET if bound >= target else Verdict.NOT_COMPARABLE)
    elif out_mod is Modifier.AT_MOST:
        assert got.verdict is (Verdict.MISSED if bound < target else Verdict.NOT_COMPARABLE)
    elif abs(bound - target) <= 0.02 * bound - 1e-6:
        assert got.verdict is Verdict.NOT_COMPARABLE
    else:
        assert got.verdict is (Verdict.MET if bound > target else Verdict.MISSED)

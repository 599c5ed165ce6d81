"""Goals: targets found, deadlines, and the link to the later report that
says how it went; checked against tests/data/goals_gold.json (read in the
texts) on the seeds and the national reports."""

from __future__ import annotations

import pytest

from erqi_diff.extract import goals
from erqi_diff.core.snapshot import load_many

from extract_quality import gold, gwr_goal_key, make_snapshot, score_goals_gwr, score_goals_seeds

GOLD = gold("goals")


@pytest.fixture(scope="module")
def seed_goals(seeds_project):
    return goals.extract_many(load_many(seeds_project))


@pytest.fixture(scope="module")
def gwr_goals(gwr_project):
    return goals.extract_many(load_many(gwr_project))


def test_seeds_against_the_hand_checked_list(seed_goals) -> None:
    score = score_goals_seeds(seed_goals, GOLD["seeds"], "seeds")
    assert score.recall >= 0.95, score
    assert score.precision >= 0.9, score


@pytest.mark.parametrize("row", GOLD["seeds"], ids=[f"{r[0]}-{r[1][:10]}" for r in GOLD["seeds"]])
def test_each_seed_goal(seed_goals, row) -> None:
    year, text, value, unit, deadline, out_year, out_value = row
    (goal,) = [g for g in seed_goals if (g.year, g.text) == (year, text)]
    assert (goal.value, goal.unit, goal.deadline) == (value, unit, deadline)
    if out_year is None:
        assert goal.outcome is None and goal.to_json()["outcome"] is None
    else:
        assert (goal.outcome.year, goal.outcome.value) == (out_year, out_value)


def test_2016_investment_goal_is_met_in_2017(seed_goals) -> None:
    (goal,) = [g for g in seed_goals if g.text == "今年计划完成投资446亿元"]
    assert goal.to_json() == {
        "year": 2016, "text": "今年计划完成投资446亿元", "target": {"value": 446, "unit": "亿元"}, "deadline": "2017-12",
        "outcome": {"year": 2017, "text": goal.outcome.text, "value": 470, "unit": "亿元", "ratio": 1.054},
        "direction": "floor", "verdict": "met"}
    assert goal.outcome.text.startswith("全年150个重大项目完成投资470亿元")


def test_national_targets_against_the_hand_checked_list(gwr_goals) -> None:
    score = score_goals_gwr(gwr_goals, GOLD["gwr"], GOLD["gwr_indicators"], "gwr")
    assert score.recall == 1.0, score
    assert score.precision >= 0.9, score


@pytest.mark.parametrize("row", GOLD["gwr"], ids=[f"{r[0]}-{r[1]}" for r in GOLD["gwr"]])
def test_each_national_target_and_outcome(gwr_goals, row) -> None:
    year, indicator, value, unit, out_year, out_value = row
    matches = [g for g in gwr_goals if gwr_goal_key(g) == (year, indicator, float(value), unit)]
    assert matches, row
    goal = matches[0]
    if out_year is None:
        assert goal.is_open  # 2015 and 2025: no later report speaks of that year
    else:
        assert (goal.outcome.year, goal.outcome.value) == (out_year, out_value)
        assert goal.outcome.ratio == round(out_value / value, 3)


def test_2024_targets_read_in_the_text(gwr_goals) -> None:
    texts = {g.text for g in gwr_goals if g.year == 2024}
    assert {"国内生产总值增长5%左右", "居民消费价格涨幅3%左右", "城镇新增就业1200万人以上"} <= texts


def _goals(*bodies: tuple[int, str, str]):
    snaps = [make_snapshot(year, text + "\n", date) for year, date, text in bodies]
    return goals.extract_many(snaps)


def test_hand_made_link_and_ratio() -> None:
    found = _goals((2030, "2030-03-05", "今年地区生产总值预期增长6%左右。"),
                   (2031, "2031-03-05", "去年地区生产总值增长6.3%，城镇新增就业1300万人。"))
    assert [(g.text, g.growth, g.outcome.value, g.outcome.ratio) for g in found] == [
        ("今年地区生产总值预期增长6%左右", True, 6.3, 1.05)]


def test_goal_with_no_later_report_is_open() -> None:
    (goal,) = _goals((2030, "2030-03-05", "力争城镇新增就业1100万人以上。"))
    assert goal.is_open and goal.to_json()["outcome"] is None
    assert goal.to_json()["target"] == {"value": 1100, "unit": "万人"}


def test_outcome_for_another_year_is_not_an_outcome() -> None:
    # the 2032 report speaks of 2031, not of 2030's target
    (goal,) = _goals((2030, "2030-03-05", "力争城镇新增就业1100万人以上。"),
                     (2032, "2032-03-05", "去年城镇新增就业1250万人。"))
    assert goal.is_open


def test_half_year_figure_does_not_close_a_goal() -> None:
    h1 = (2031, "2030-08-01", "上半年，全区20个重大项目完成投资60亿元。")
    full = (2031, "2031-01-10", "全年20个重大项目完成投资110亿元。")
    (goal,) = _goals((2030, "2030-02-01", "全区20个重大项目年度计划完成投资100亿元。"), h1)
    assert goal.indicator == "重大项目投资" and goal.is_open
    (goal,) = _goals((2030, "2030-02-01", "全区20个重大项目年度计划完成投资100亿元。"), full)
    assert (goal.outcome.value, goal.outcome.ratio) == (110, 1.1)


@pytest.mark.parametrize("text, deadline", [("确保6月底前完成3条道路改造", "2030-06"),
                                            ("力争3年内建成10个产业园", "2032-12"),
                                            ("确保年底前完成200个小区改造", "2030-12"),
                                            ("力争2031年底前建成5所学校", "2031-12"),
                                            ("力争建成5所学校", None)])
def test_deadlines(text: str, deadline) -> None:
    (goal,) = _goals((2030, "2030-01-15", text + "。"))
    assert goal.deadline == deadline


@pytest.mark.parametrize("text", ["相继出台了天使救助计划、阳光家园计划等五项制度。",
                                  "完成投资227.2亿元，占年度计划的117.5%。",
                                  "围绕“三个二七”建设的目标，加快发展。",
                                  "力争基本形成生态保障体系。"])
def test_not_goals(text: str) -> None:
    assert _goals((2030, "2030-01-15", text)) == []


@pytest.mark.parametrize("text, direction", [
    ("今年计划完成投资446亿元", "floor"),
    ("粮食产量保持在1.3万亿斤以上", "floor"),
    ("专利申请量突破3500件", "floor"),
    ("城镇调查失业率全年控制在5.5%以内", "ceiling"),
    ("国内生产总值增长5%左右", None),          # 左右: a floor for growth, a ceiling for prices
    ("国内生产总值预期增长6.5%－7%", None),
])
def test_target_direction(text: str, direction) -> None:
    from erqi_diff.extract.numbers import find_quantities

    target = find_quantities(text)[-1]
    assert goals.target_direction(target.qualifier.value) == direction


@pytest.mark.parametrize("ratio, direction, verdict", [
    (1.054, "floor", goals.Verdict.MET), (0.8, "floor", goals.Verdict.MISSED),
    (1.0, "ceiling", goals.Verdict.MET), (1.1, "ceiling", goals.Verdict.MISSED),
    (1.04, None, goals.Verdict.REPORTED), (None, "floor", goals.Verdict.REPORTED),
    (-0.5, "floor", goals.Verdict.REPORTED),
])
def test_judge(ratio, direction, verdict) -> None:
    assert goals.judge(ratio, direction) is verdict


def test_verdicts_on_the_national_reports(gwr_goals) -> None:
    """CPI 3%左右 met by 0.2% is no 7% achievement: 左右 gives no verdict."""
    by_text = {(g.year, g.text): g for g in gwr_goals}
    cpi = [g for (y, t), g in by_text.items() if y == 2023 and "居民消费价格涨幅" in t]
    assert cpi and all(g.verdict is goals.Verdict.REPORTED for g in cpi if g.outcome)
    assert all(g.to_json()["verdict"] == g.verdict.value for g in gwr_goals)
    assert {g.verdict for g in gwr_goals} >= {goals.Verdict.OPEN, goals.Verdict.REPORTED}

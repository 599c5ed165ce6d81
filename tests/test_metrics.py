"""Metrics on the seeds and the national reports, checked against lists made
by reading the texts (tests/data/metrics_gold.json), plus small hand-made
cases: canonical indicators, periods, hedges, no number -> no metric."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from erqi_diff.extract import goals
from erqi_diff.extract import metrics
from erqi_diff.extract.metrics import Period
from erqi_diff.core.snapshot import load_many

from extract_quality import gold, gold_metric_row, make_snapshot, metric_row, score_metrics


@pytest.fixture(scope="module")
def seed_records(seeds_project):
    return metrics.extract_many(load_many(seeds_project))


@pytest.fixture(scope="module")
def gwr_records(gwr_project):
    return metrics.extract_many(load_many(gwr_project))


def test_seeds_against_the_hand_checked_list(seed_records) -> None:
    score = score_metrics(seed_records, gold("metrics")["seeds"], "seeds")
    assert score.recall >= 0.95, score
    assert score.precision >= 0.95, score


def test_national_against_the_hand_checked_list(gwr_records) -> None:
    data = gold("metrics")
    score = score_metrics(gwr_records, data["gwr"], "gwr", data["gwr_indicators"])
    assert score.recall >= 0.9, score
    assert score.precision >= 0.9, score


# each national report's GDP, CPI and jobs outcome for the year before it (read in the texts)
NATIONAL = [row for row in gold("metrics")["gwr"] if row[5] == "year"]


@pytest.mark.parametrize("row", NATIONAL, ids=[f"{r[0]}-{r[1]}-{r[2] or r[4]}" for r in NATIONAL])
def test_each_national_outcome_is_found(gwr_records, row) -> None:
    assert gold_metric_row(row) in {metric_row(r) for r in gwr_records}


def test_erqi_2017_gdp_record(seed_records) -> None:
    (gdp,) = [r for r in seed_records if r.year == 2017 and r.indicator == "地区生产总值"]
    assert gdp.to_json() == {"year": 2017, "indicator": "地区生产总值", "value": 567, "unit": "亿元", "growth_pct": 9,
                             "period": "year", "qualifier": "estimate", "section": "初步预计",
                             "text": "全年地区生产总值完成567亿元，增长9%"}


def test_half_year_is_never_a_full_year(seed_records) -> None:
    h1 = [r for r in seed_records if r.year in (2018, 2019) and r.indicator == "地区生产总值"]
    assert [(r.value, r.period) for r in h1] == [(282.8, Period.H1), (323.3, Period.H1)]
    assert not any(r.full_year for r in h1)
    # the strip's choice for 2018 GDP is the H1 figure, labelled as such
    key = metrics.key_metric([r for r in seed_records if r.year == 2018], "地区生产总值")
    assert key.period is Period.H1 and key.to_json()["period"] == "H1"


def test_share_of_budget(seed_records) -> None:
    shares = {(r.year, r.value, r.period.value) for r in seed_records
              if r.indicator == "民生支出占一般公共预算支出比重"}
    assert shares == {(2017, 71.6, "year"), (2019, 73, "H1")}


def test_every_text_is_verbatim_in_its_snapshot(seeds_project, gwr_project) -> None:
    for project in (seeds_project, gwr_project):
        snaps = load_many(project)
        bodies = {s.year: s.body for s in snaps}
        for r in metrics.extract_many(snaps):
            assert r.text in bodies[r.year], r
        for g in goals.extract_many(snaps):
            assert g.text in bodies[g.year], g
            if g.outcome:
                assert g.outcome.text in bodies[g.outcome.year], g


def _extract(text: str, year: int = 2020, date: str | None = None):
    return [(r.indicator, r.value, r.unit, r.growth_pct, r.period.value, r.qualifier)
            for r in metrics.extract(make_snapshot(year, text + "\n", date))]


CASES = [
    ("全年地区生产总值完成567亿元，增长9%。", [("地区生产总值", 567, "亿元", 9, "year", "exact")]),
    ("全年GDP增长6.1%。", [("地区生产总值", None, None, 6.1, "year", "exact")]),
    ("国内生产总值达到99万亿元，比上年增长6.1%。", [("地区生产总值", 99, "万亿元", 6.1, "year", "exact")]),
    ("前三季度，全区地区生产总值完成300亿元，同比增长7%。", [("地区生产总值", 300, "亿元", 7, "Q1-Q3", "exact")]),
    ("1-5月，固定资产投资同比增长8.2%。", [("固定资产投资", None, None, 8.2, "months", "exact")]),
    ("五年来，经济总量稳步提升，地区生产总值年均增长7.3%。", [("地区生产总值", None, None, 7.3, "multi-year", "exact")]),
    ("单位国内生产总值能耗下降3.1%。", [("单位GDP能耗", None, None, -3.1, "year", "exact")]),
    ("城镇调查失业率平均为5.2%。", [("城镇调查失业率", 5.2, "%", None, "year", "exact")]),
    ("居民消费价格上涨2%左右。", [("居民消费价格", None, None, 2, "year", "about")]),
    ("城镇新增就业1.2万人，居民消费价格上涨1.8%。",
     [("城镇新增就业", 1.2, "万人", None, "year", "exact"), ("居民消费价格", None, None, 1.8, "year", "exact")]),
    ("预计全年地区生产总值完成800亿元。", [("地区生产总值", 800, "亿元", None, "year", "estimate")]),
    ("全年30个重点项目完成投资120亿元。", [("重点项目投资", 120, "亿元", None, "year", "exact")]),
    # no number, no metric; no known indicator, no metric; malformed numbers skipped
    ("地区生产总值稳步增长，质量效益明显提升。", []),
    ("全年举办各类活动30场。", []),
    ("地区生产总值完成3.2.1亿元。", []),
    ("地区生产总值完成1,2345万元。", []),
    # a share of GDP is not GDP
    ("服务业增加值占国内生产总值比重提高2个百分点。", []),
    # targets are goals, not metrics
    ("力争地区生产总值增长8%。", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:16] for c in CASES])
def test_hand_made_sentences(text: str, expected: list) -> None:
    assert _extract(text) == expected


def test_mid_year_report_without_period_is_to_date() -> None:
    got = _extract("全区28个生态项目完成投资20亿元。", year=2018, date="2018-10-08")
    assert got == [("生态项目投资", 20, "亿元", None, "to-date", "exact")]


def test_plan_figures_of_an_early_year_report_are_not_metrics() -> None:
    # given in March 2024, about 2024: a plan, not an outcome
    assert _extract("今年国内生产总值增长5%左右。", year=2024, date="2024-03-05") == []
    assert _extract("去年国内生产总值增长5.2%。", year=2024, date="2024-03-05") == [
        ("地区生产总值", None, None, 5.2, "year", "exact")]


@pytest.mark.parametrize("query, expected", [("GDP", ["地区生产总值"]), ("国内生产总值", ["地区生产总值"]),
                                             ("地区生产总值", ["地区生产总值"]), ("gdp", ["地区生产总值"]),
                                             ("投资", ["固定资产投资", "重大项目投资"]), ("人口", [])])
def test_indicator_matching(query: str, expected: list) -> None:
    names = ["地区生产总值", "固定资产投资", "重大项目投资", "民生支出"]
    assert metrics.match_indicator(query, names) == expected


def test_a_year_without_numbers_has_no_metrics() -> None:
    assert metrics.extract(make_snapshot(2020, "## 总体要求\n\n坚持稳中求进工作总基调。\n")) == []


_ALPHABET = "地区生产总值GDP国内居民消费价格城镇新增就业完成增长同比上半年全年力争确保计划今年去年，。；、1234567890.%亿万元人个左右以上突破从到"


@given(st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=40), min_size=1, max_size=4),
       st.sampled_from(["2020-02-01", "2020-08-01"]))
@settings(max_examples=150, deadline=None)
def test_records_are_verbatim_and_carry_a_number(paragraphs: list[str], date: str) -> None:
    snap = make_snapshot(2020, "\n\n".join(p.replace("#", "") for p in paragraphs) + "\n", date)
    for r in metrics.extract(snap):
        assert r.text in snap.body
        assert r.value is not None or r.growth_pct is not None
        assert any(c.isdigit() for c in r.text)  # never a metric without a number
    for g in goals.extract(snap):
        assert g.text in snap.body and any(c.isdigit() for c in g.text)

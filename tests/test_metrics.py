"""The fact reader and the metrics it shows: the year each figure describes,
its period, kind, indicator and measure; every record verbatim at its
offsets. Real reports (the seeds, the national series) and small hand-made
cases."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from erqi_diff.errors import UsageError
from erqi_diff.extract import metrics
from erqi_diff.extract.facts import Kind, Measure, Period, read_facts
from erqi_diff.extract.numbers import Modifier
from erqi_diff.views import format as fmt

from extract_quality import make_snapshot


def facts_of(body: str, year: int, date: str) -> list:
    return read_facts(make_snapshot(year, body, date=date))


def one(facts, quote: str):
    (found,) = [f for f in facts if f.quote == quote]
    return found


# ------------------------------------------------------------------ real reports


def test_773_is_2020s_gdp_an_estimate(seeds_project) -> None:
    from erqi_diff.core.snapshot import load

    fact = one(read_facts(load(seeds_project, 2021)), "773亿元")
    assert (fact.indicator, fact.value, fact.unit) == ("GDP", 773, "亿元")
    assert (fact.figure_year, fact.kind, fact.period) == (2020, Kind.ESTIMATE, Period.YEAR)
    assert fact.year == 2021 and metrics.is_metric(fact)


def test_national_2024_figures_are_2023s(gwr_project) -> None:
    from erqi_diff.core.snapshot import load

    facts = read_facts(load(gwr_project, 2024))
    gdp = one(facts, "超过126万亿元")
    assert (gdp.indicator, gdp.figure_year, gdp.kind.value, gdp.modifier.value) == ("GDP", 2023, "actual", "at_least")
    growth = next(f for f in facts if f.quote == "5.2%" and f.text == gdp.text)
    assert (growth.indicator, growth.measure, growth.growth_pct, growth.figure_year) == ("GDP", Measure.GROWTH, 5.2, 2023)
    target = next(f for f in facts if f.quote == "5%左右" and "预期目标" in f.text)
    assert (target.indicator, target.kind, target.figure_year, target.modifier.value) == ("GDP", Kind.TARGET, 2024, "about")
    assert not metrics.is_metric(target)  # a target is never listed as a metric


def test_ten_years_after_five_span_ten_years(gwr_project) -> None:
    """2023 reviews five years (2018-2022): 五年年均增长5.2%，十年增加近70万亿元、年均增长6.2%:
    the ten years end in 2022 too, from 2013."""
    from erqi_diff.core.snapshot import load

    facts = read_facts(load(gwr_project, 2023))
    five = next(f for f in facts if f.quote == "5.2%" and "十年增加" in f.text)
    ten = [f for f in facts if f.quote in ("近70万亿元", "6.2%") and "十年增加" in f.text]
    assert (five.period, five.figure_span) == (Period.MULTI_YEAR, (2018, 2022))
    assert [(f.period, f.figure_span) for f in ten] == [(Period.MULTI_YEAR, (2013, 2022))] * 2


def test_ten_years_before_doubling_span_ten_years(gwr_project) -> None:
    """2023: 全国财政收入十年接近翻一番 is a doubling over 2013-2022, not 2022's; 城镇新增就业年均1270多万人
    is a level a year on average over the five years reviewed (its base says so)."""
    from erqi_diff.core.snapshot import load

    facts = read_facts(load(gwr_project, 2023))
    doubled = next(f for f in facts if f.quote == "接近翻一番")
    assert (doubled.period, doubled.figure_span) == (Period.MULTI_YEAR, (2013, 2022))
    jobs = next(f for f in facts if f.quote == "1270多万人")
    assert (jobs.measure, jobs.base, jobs.figure_span) == (Measure.LEVEL, "年均", (2018, 2022))
    assert fmt.series_label(jobs.measure.value, jobs.period.value, jobs.base) == "level, multi-year, a year on average"


@pytest.mark.parametrize(("measure", "period", "base", "label"), [
    ("growth", "multi-year", "年均", "growth, multi-year, a year on average"),
    ("level", "multi-year", "平均每年", "level, multi-year, a year on average"),
    ("level", "multi-year", None, "level, multi-year"),            # 五年累计…: a total
    ("growth", "year", "比上年", "growth, year"),
    ("growth", "year", "年均", "growth, year"),                   # one year: no average to speak of
    ("level", None, None, "level, period unstated"),
])
def test_series_labels(measure: str, period: str | None, base: str | None, label: str) -> None:
    assert fmt.series_label(measure, period, base) == label


def test_a_count_of_years_under_a_plan_not_all_past_keeps_its_years(gwr_early_root) -> None:
    """1982, on the sixth plan (1981-1985): 两年平均每年递增百分之五点五 (1981 and 1982) is not
    re-spanned to the plan's last two years."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    fact = one(read_facts(load(load_project(gwr_early_root), 1982)), "百分之五点五")
    assert fact.period is Period.MULTI_YEAR and fact.figure_span != (1984, 1985)


@pytest.mark.slow
def test_every_record_stands_verbatim_at_its_offsets(seeds_project, gwr_project, gwr_early_root) -> None:
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many

    checked = 0
    for project in (seeds_project, gwr_project, load_project(gwr_early_root)):
        for snap in load_many(project):
            for f in read_facts(snap):
                assert snap.body[f.start:f.end] == f.text
                assert snap.body[f.quote_start:f.quote_end] == f.quote
                assert f.start <= f.quote_start < f.quote_end <= f.end
                checked += 1
    assert checked > 2000


# ------------------------------------------------------------------ small cases


REVIEW = "## 一、2023年工作回顾\n\n国内生产总值超过126万亿元，增长5.2%。城镇新增就业1244万人，年末城镇调查失业率降到5.1%。\n"
PLAN = ("## 二、2024年经济社会发展总体要求\n\n今年发展主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，"
        "城镇调查失业率5.5%左右；居民消费价格涨幅3%左右；单位国内生产总值能耗降低2.5%左右。\n")


def test_review_and_targets_of_a_march_report() -> None:
    facts = facts_of(REVIEW + PLAN, 2024, "2024-03-05")
    got = [(f.indicator, f.measure.value, f.value, f.modifier.value, f.figure_year, f.kind.value) for f in facts]
    assert got == [
        ("GDP", "level", 126, "at_least", 2023, "actual"),
        ("GDP", "growth", 5.2, "point", 2023, "actual"),
        ("城镇新增就业", "level", 1244, "point", 2023, "actual"),
        ("城镇调查失业率", "level", 5.1, "point", 2023, "actual"),
        ("GDP", "growth", 5, "about", 2024, "target"),
        ("城镇新增就业", "level", 1200, "at_least", 2024, "target"),
        ("城镇调查失业率", "level", 5.5, "about", 2024, "target"),
        ("居民消费价格", "growth", 3, "about", 2024, "target"),
        ("单位GDP能耗", "growth", -2.5, "about", 2024, "target"),  # a decrease is negative; never GDP
    ]
    assert one(facts, "5.1%").period is Period.YEAR_END  # 年末: a year-end stock, never an annual figure


def test_a_plan_for_1990_in_1986_is_not_gdp_and_not_one_wan() -> None:
    body = "按一九八○年不变价格计算，一九九○年工农业总产值达到一万六千七百七十亿元，比一九八○年增长一点三倍。\n"
    facts = facts_of(body, 1986, "1986-03-25")
    level = one(facts, "一万六千七百七十亿元")
    assert (level.indicator, level.value, level.unit, level.figure_year) == ("工农业总产值", 16770, "亿元", 1990)
    assert level.kind is Kind.TARGET
    ratio = one(facts, "一点三倍")
    assert (ratio.indicator, ratio.measure, ratio.value, ratio.base) == ("工农业总产值", Measure.GROWTH, 1.3, "比一九八○年")


def test_full_width_thousands_and_years_in_chinese_numerals() -> None:
    facts = facts_of("一九七九年原煤产量达到6,35万吨。1980年钢产量3，712万吨，原煤1，000万吨。\n", 1981, "1981-11-30")
    assert [(f.quote, f.value, f.figure_year) for f in facts] == [("3，712万吨", 3712, 1980), ("1，000万吨", 1000, 1980)]


def test_five_years_and_a_span() -> None:
    body = "## 一、过去五年工作回顾\n\n国内生产总值增加到121万亿元，五年年均增长5.2%，城镇新增就业年均1270多万人。\n"
    facts = facts_of(body, 2023, "2023-03-05")
    level, growth, jobs = facts
    assert (level.period, level.figure_year) == (Period.YEAR, 2022)  # the level reached at the end
    assert (growth.period, growth.figure_span, growth.figure_year) == (Period.MULTI_YEAR, (2018, 2022), 2022)
    assert (jobs.indicator, jobs.modifier.value, jobs.period) == ("城镇新增就业", "at_least", Period.MULTI_YEAR)


@pytest.mark.parametrize("body, expected", [
    # a total investment under a review heading: the size of projects begun last year
    ("## 一、过去一年工作回顾\n\n西部大开发继续推进，新开工10项国家重点建设工程，总投资800亿元。\n", Kind.ACTUAL),
    # ... a plan's size where the sentence plans, or under no review
    ("## 一、过去一年工作回顾\n\n今年全区共梳理了45个重大产业项目，总投资800亿元，年度计划投资126亿元。\n", Kind.PLAN),
    ("## 二、2005年主要任务\n\n新开工10项国家重点建设工程，总投资800亿元。\n", Kind.PLAN),
])
def test_a_total_investment_under_a_review(body: str, expected) -> None:
    assert one(facts_of(body, 2005, "2005-03-05"), "800亿元").kind is expected


@pytest.mark.parametrize("body, expected", [
    ("今年高校毕业生将达727万人，要做好就业工作。", Kind.FORECAST),  # what is expected to come
    ("今年中央财政用于这方面的支出总额将达到727万元。", Kind.PLAN),  # the government's own means
    ("预计今年高校毕业生超过727万人，要做好就业工作。", Kind.FORECAST),  # expected, in a March report
    ("明年计划提高轻工业比重，即提高1%，可以少用标准煤727万吨。", Kind.FORECAST),  # what a measure would bring
    ("五年内预计农民新建住宅727万平方米。", Kind.FORECAST),  # expected to come, no goal set
    ("今年要新建住宅727万平方米。", Kind.PLAN),              # ... where the clause sets one
])
def test_what_will_reach(body: str, expected) -> None:
    (fact,) = [f for f in facts_of("## 二、2014年工作总体部署\n\n" + body + "\n", 2014, "2014-03-05") if "727万" in f.quote]
    assert fact.kind is expected



@pytest.mark.parametrize("body, expected", [
    # under a heading that frames the five years just past, 五年内 is those years (a review at the end of a term)
    ("## 五年来，生态建设成效显著\n\n五年内，全国造林面积2787万公顷，封山育林3153万公顷。\n", (1998, 2002, Kind.ACTUAL)),
    # ... but not where the sentence sets a goal, nor under a heading of the years ahead
    ("## 五年来，生态建设成效显著\n\n五年内，全国造林面积要达到2787万公顷。\n", (2007, 2007, Kind.PLAN)),
    ("## 今后五年的主要任务\n\n五年内，全国造林面积2787万公顷。\n", (2003, 2007, Kind.PLAN)),
])
def test_within_five_years_in_a_review_of_five_years(body: str, expected: tuple) -> None:
    fact = one(facts_of(body, 2003, "2003-03-05"), "2787万公顷")
    assert (*(fact.figure_span or (fact.figure_year, fact.figure_year)), fact.kind) == expected


def test_half_year_figures_of_a_mid_year_report() -> None:
    body = "## 上半年成绩不错\n\n今年上半年，二七区地区生产总值完成323.3亿元，同比增长8%。\n"
    level, growth = facts_of(body, 2019, "2019-08-05")
    assert (level.indicator, level.period, level.figure_year, level.kind) == ("GDP", Period.HALF, 2019, Kind.ACTUAL)
    assert (growth.base, growth.measure, growth.period) == ("同比", Measure.GROWTH, Period.HALF)


@pytest.mark.parametrize("body", [
    "围绕打造“三个二七”，推进“5+1”工作。",      # names in quotes
    "今年的工作主要有三个方面，抓好两项工作。",   # the text counting itself
    "1月13日，二七区召开第十一届四次全会。",       # dates and ordinals
    "PM2.5浓度下降，5G基站建成。",                 # model names
    "藏族是中国56个民族大家庭的一员。",            # the nation's make-up
    "到1997年7月1日，离香港回归只有849天了。",     # a countdown
    "确保“零就业”家庭至少有一人就业。",            # 一人: a word, not a count
    "逐步改变城乡二元结构。",                      # 二元: a word, not money
    "对小微企业年应纳税所得额100万元至300万元部分，再减半征收。",  # a bracket
    "首先要充分发挥八亿农民的积极性。",             # the people, named to rally them
    "明年要对年综合能耗5万吨标准煤以上的企业，加强定额管理。",  # which enterprises are meant
    "其中投资在五亿元以上的重大建设项目要优先保证。",            # which projects are meant
    "翻两番，决不仅仅是一个量的概念。",             # the goal named, nothing measured
    "一九八五年二十九个省、市、自治区的总人口要控制住。",  # where, not a count measured
])
def test_not_facts(body: str) -> None:
    assert facts_of(body + "\n", 2018, "2018-01-13") == []


def test_shares_and_parts_are_not_the_indicator() -> None:
    facts = facts_of("全国财政支出70%以上用于民生。人均国内生产总值8.9万元。\n今年拟安排财政赤字1.62万亿元。"
                     "其中，中央财政赤字1.12万亿元，增加1700亿元。\n", 2015, "2015-03-05")
    assert [(f.quote, f.indicator) for f in facts] == [("70%以上", None), ("8.9万元", None), ("1.62万亿元", "财政赤字"),
                                                       ("1.12万亿元", None), ("1700亿元", None)]


@pytest.mark.parametrize("body, expected", [
    # the names in the clause before the one with 分别, and the next clause going on with them
    ("农村居民人均纯收入和城镇居民人均可支配收入，2000年分别达到2253元和6280元，平均每年实际增长4.7%和5.7%。",
     [("2253元", "农民人均纯收入"), ("6280元", "城镇居民人均可支配收入"),
      ("4.7%", "农民人均纯收入"), ("5.7%", "城镇居民人均可支配收入")]),
    # the names in the clause of 分别
    ("城镇居民人均可支配收入和农村居民人均纯收入分别增长5%和6%。",
     [("5%", "城镇居民人均可支配收入"), ("6%", "农民人均纯收入")]),
    # one name known (棉花产量 is no indicator) for two figures: unsure which is whose, so of none
    ("粮食产量和棉花产量分别达到5亿吨和400万吨，分别增长1%、2%和3%。",
     [("5亿吨", None), ("400万吨", None), ("1%", None), ("2%", None), ("3%", None)]),
])
def test_respectively_gives_each_figure_its_name(body: str, expected: list) -> None:
    facts = facts_of(body + "\n", 2001, "2001-03-05")
    assert [(f.quote, f.indicator) for f in facts] == expected


@pytest.mark.parametrize("body, year, date, quote, expected", [
    # a change since a year more than one back covers the years since
    ("一九八二年全国工农业总产值达到八千二百九十一亿元，比一九七八年增长百分之三十二点六。", 1983, "1983-06-06",
     "百分之三十二点六", (Period.MULTI_YEAR, 1982, (1979, 1982))),
    ("2020年，二七区预计实现地区生产总值773亿元，是2015年的1.67倍。", 2021, "2021-01-15",
     "1.67倍", (Period.MULTI_YEAR, 2020, (2016, 2020))),
    # against the year before: one year's
    ("1979年农业总产值比1978年增长8.6%。", 1980, "1980-08-30", "8.6%", (Period.YEAR, 1979, None)),
    # 在这个期间: the period named before it, never the report's year (which one: unsure when not named)
    ("在这个期间，我国工农业总产值计划增长百分之二十一点七。", 1982, "1982-11-30",
     "百分之二十一点七", (Period.MULTI_YEAR, None, None)),
    # a year inside a phrase naming a thing frames nothing: the figures are of the year reviewed
    ("在经济领域，过去一年里取得的最重要的成绩，就是把1984年末至1985年一度出现的经济过热现象初步调整过来。"
     "粮食产量达到39109万吨，比上年增产1199万吨。", 1987, "1987-03-25", "39109万吨", (Period.YEAR, 1986, None)),
    # 在这个期间 after two periods named: which one is not said, so none
    ("第六个五年计划期间，我们要继续贯彻调整方针，并且为第七个五年计划期间的发展奠定基础。"
     "在这个期间，我国工农业总产值计划增长百分之二十一点七。", 1982, "1982-11-30",
     "百分之二十一点七", (Period.MULTI_YEAR, None, None)),
    # the period a figure is compared with is the base's, not the figure's
    ("经费计划为九百六十七亿元，比第五个五年计划期间的五百七十七亿元增加百分之六十八。", 1982, "1982-11-30",
     "五百七十七亿元", (Period.MULTI_YEAR, 1980, (1976, 1980))),
    ("从一九八一年到本世纪末的二十年内力争实现我国工农业年总产值翻两番。", 1982, "1982-11-30",
     "翻两番", (Period.MULTI_YEAR, 2000, (1981, 2000))),
    # the second figure of one comparison: the same years
    ("一九八一年国内财政收入比一九七八年减少一百多亿元，减少近百分之十。", 1982, "1982-11-30",
     "近百分之十", (Period.MULTI_YEAR, 1981, (1979, 1981))),
])
def test_period_of_a_change(body: str, year: int, date: str, quote: str, expected: tuple) -> None:
    fact = one(facts_of(body + "\n", year, date), quote)
    assert (fact.period, fact.figure_year, fact.figure_span) == expected


@pytest.mark.parametrize("body, year, date, expected", [
    # a part or a branch of a statistic is not the statistic
    ("轻工业总产值，一九八一年比一九八○年增长百分之十四点一。重工业总产值一九八一年比一九八○年下降百分之四点七。",
     1982, "1982-11-30", [("百分之十四点一", None), ("百分之四点七", None)]),
    ("地方财政赤字200亿元，乡镇工业总产值增长20%，全国工业总产值增长10%。", 1985, "1985-03-27",
     [("200亿元", None), ("20%", None), ("10%", "工业总产值")]),
    # what was lost is not the total
    ("全国大约损失工业总产值一千亿元，钢产量二千八百万吨，财政收入四百亿元。", 1978, "1978-02-26",
     [("一千亿元", None), ("二千八百万吨", None), ("四百亿元", None)]),
])
def test_parts_and_losses_are_not_the_indicator(body: str, year: int, date: str, expected: list) -> None:
    assert [(f.quote, f.indicator) for f in facts_of(body + "\n", year, date)] == expected


@pytest.mark.parametrize("body, year, date, quote, expected", [
    # 同1978年相比 at the head of the sentence: 由A增加到B has A in 1978, the growth is of the years since
    ("1986年同1978年相比，国民生产总值由3480亿元增加到9380亿元，按可比价格计算增长102%。", 1987, "1987-03-25",
     "3480亿元", (Period.YEAR, 1978, None, Kind.ACTUAL)),
    ("1986年同1978年相比，国民生产总值由3480亿元增加到9380亿元，按可比价格计算增长102%。", 1987, "1987-03-25",
     "102%", (Period.MULTI_YEAR, 1986, (1979, 1986), Kind.ACTUAL)),
    # the value of the year a change is measured from
    ("第六个五年计划规定，一九八五年工农业总产值达到八千七百一十亿元，比一九八○年的七千一百五十九亿元增加一千五百五十一亿元。",
     1982, "1982-11-30", "七千一百五十九亿元", (Period.YEAR, 1980, None, Kind.ACTUAL)),
    # 第六个五年计划 is “六五”: 由A增加到B under it has A in 1980 and B in 1985
    ("第六个五年计划草案已经分送给各位代表。这里，就计划的要点和一些有关问题作以下说明。\n\n"
     "## 一、关于工农业生产的发展速度和经济效益\n\n"
     "第六个五年计划规定，一九八五年工农业总产值达到八千七百一十亿元，比一九八○年的七千一百五十九亿元增加一千五百五十一亿元。"
     "其中，农业总产值由二千一百八十七亿元增加到二千六百六十亿元。",
     1982, "1982-11-30", "二千一百八十七亿元", (Period.YEAR, 1980, None, Kind.ACTUAL)),
])
def test_years_a_sentence_compares(body: str, year: int, date: str, quote: str, expected: tuple) -> None:
    fact = one(facts_of(body + "\n", year, date), quote)
    assert (fact.period, fact.figure_year, fact.figure_span, fact.kind) == expected


@pytest.mark.parametrize("body, year, date, quote, expected", [
    # 当年: the year of the context (1991, reviewed), not the report's
    ("1991年，全社会固定资产投资比上年增长百分之十八点六，当年新增加的主要生产能力有煤炭2714万吨。", 1992, "1992-03-20",
     "2714万吨", (1991, Kind.ACTUAL)),
    # where a goal starts from: the year before, as it was
    ("去年政府工作报告提出，物价涨幅要从14.8%降到10%左右。", 1997, "1997-03-01", "14.8%", (1995, Kind.ACTUAL)),
    ("去年政府工作报告提出，物价涨幅要从14.8%降到10%左右。", 1997, "1997-03-01", "10%左右", (1996, Kind.TARGET)),
    ("今年要把城镇登记失业率由4.5%降到4%以内。", 2010, "2010-03-05", "4.5%", (2009, Kind.ACTUAL)),
    # N年合计…，其中Y年…: the N years up to Y (a plan's years, in a report of its second year)
    ("五年合计财政支出为六千零九十八亿元，其中一九八五年为一千三百零四亿元。", 1982, "1982-11-30", "六千零九十八亿元",
     (1985, Kind.PLAN)),
])
def test_the_year_and_kind_of_a_figure(body: str, year: int, date: str, quote: str, expected: tuple) -> None:
    fact = one(facts_of(body + "\n", year, date), quote)
    assert (fact.figure_year, fact.kind) == expected


# ------------------------------------------------------------------ the metrics shown


def test_indicator_filter_never_returns_energy_use_for_gdp(gwr_project) -> None:
    from erqi_diff.core.snapshot import load_many

    records = metrics.extract_many(load_many(gwr_project))
    gdp = metrics.select(records, "GDP", "the series")
    assert gdp and {r.indicator for r in gdp} == {"GDP"}
    assert {r.indicator for r in metrics.select(records, "国内生产总值", "x")} == {"GDP"}
    with pytest.raises(UsageError, match="indicators there: GDP"):
        metrics.select(records, "人口", "the series")


def test_trends_compare_like_with_like_only() -> None:
    body = ("## 2022年\n\n国内生产总值增长3%。\n\n## 2023年\n\n国内生产总值121万亿元，增长5.2%。\n\n"
            "## 2024年上半年\n\n国内生产总值增长5.5%。\n")
    records = [f for f in facts_of(body, 2024, "2024-09-30") if metrics.is_metric(f)]
    rows = metrics.trends(records)
    arrows = {(f.quote, f.period.value): (t.value if t else None) for f, t in rows}
    assert arrows[("5.2%", "year")] == "up"        # against 2022's 3%: the same series
    assert arrows[("121万亿元", "year")] is None    # the only level
    assert arrows[("5.5%", "half")] is None         # a half year never gets a full year's arrow


@settings(deadline=None, max_examples=60)
@given(st.lists(st.sampled_from(["国内生产总值增长5.2%", "，", "城镇新增就业1244万人", "；", "2023年", "今年",
                                 "力争", "五年来", "年均增长", "一九九○年", "百分之八点一", "左右", "“三个二七”",
                                 "以上", "比上年", "达到", "3.2.1亿", "亿", "1，000万吨", "。", "上半年"]),
                max_size=20))
def test_reader_never_raises_and_quotes_stand_verbatim(parts) -> None:
    body = "".join(parts) + "\n"
    snap = make_snapshot(2024, body, date="2024-03-05")
    for f in read_facts(snap):
        assert body[f.start:f.end] == f.text and body[f.quote_start:f.quote_end] == f.quote
        assert f.figure_year is None or 1949 <= f.figure_year <= 2100


def test_a_milestone_passed_is_a_bound() -> None:
    fact = one(facts_of("粮食产量首次跃上1.4万亿斤新台阶。\n", 2025, "2025-03-05"), "跃上1.4万亿斤")
    assert fact.modifier.value == "at_least"


def test_the_people_are_no_goal() -> None:
    body = "## 三、2022年政府工作任务\n\n要把14亿多中国人的饭碗牢牢端在自己手中。\n"
    assert all(f.kind is not Kind.PLAN and f.kind is not Kind.TARGET for f in facts_of(body, 2022, "2022-03-05"))


def test_save_is_no_about() -> None:
    """约 in 节约 is no hedge: 节约10% is a cut of 10%, not "about 10%"."""
    fact = one(facts_of("## 二、1987年的任务\n\n各项开支要比去年预算执行数节约10%。\n", 1987, "1987-03-25"), "10%")
    assert fact.modifier is not Modifier.ABOUT
    assert one(facts_of("投资约10亿元。\n", 2018, "2018-01-13"), "约10亿元").modifier is Modifier.ABOUT


REPORT_ON_THE_PLAN = ("现在，我代表国务院，作关于我国国民经济和社会发展第六个五年计划的报告，请大会审议。\n\n"
                      "## 一、关于生产的发展速度\n\n第六个五年计划期间，我们要继续调整，并且为第七个五年计划期间的发展"
                      "奠定基础。在这个期间，工农业总产值计划增长百分之二十一点七。\n\n"
                      "## 二、关于卫生事业\n\n要继续坚持城乡并重的方针，五年内增加卫生专业人员六十万人。\n")


def test_the_years_of_the_plan_a_report_presents() -> None:
    """In the report on a five-year plan (given in December 1982, on 1981-1985),
    在这个期间 and 五年内 are the plan's years, not the five years after the report."""
    facts = facts_of(REPORT_ON_THE_PLAN, 1982, "1982-12-10")
    assert one(facts, "百分之二十一点七").figure_span == (1981, 1985)
    assert one(facts, "六十万人").figure_span == (1981, 1985)
    # in another report, 在这个期间 after two periods stays unsure, and 五年内 is the years ahead
    other = facts_of(REPORT_ON_THE_PLAN.replace("作关于我国国民经济和社会发展第六个五年计划的报告", "作政府工作报告"),
                     1982, "1982-12-10")
    assert one(other, "百分之二十一点七").figure_span is None
    plan = facts_of(REPORT_ON_THE_PLAN + "\n## 六、关于财政\n\n这五年计划安排平均每年有财政赤字三十亿元左右。\n",
                    1982, "1982-12-10")
    assert one(plan, "三十亿元左右").figure_span == (1981, 1985)  # 这五年计划: the plan, not the five years before
    assert one(other, "六十万人").figure_span == (1983, 1987)


def test_rising_year_by_year_is_a_growth() -> None:
    """平均每年递增百分之四 is a yearly growth (递增), not a level of 4%."""
    fact = one(facts_of("工农业总产值计划增长百分之二十一点七，平均每年递增百分之四。\n", 1982, "1982-12-10"), "百分之四")
    assert (fact.measure, fact.base) == (Measure.GROWTH, "平均每年")


@pytest.mark.parametrize("body", [
    "全国城镇共安排3700多万人就业，基本解决了长期积累的城镇待业青年就业问题。",  # 共安排: a total arranged, done
    "当国际形势许可的时候，我们就主动地把军队裁减了100万人。",                  # V了: done
    "全年施工的更新改造项目七万四千个，对增加生产、提高质量、改进品种和节约能源，都发挥了重要作用。",  # what it did
])
def test_what_was_done_in_a_report_early_in_the_year(body: str) -> None:
    (fact,) = facts_of("## 二、1988年的任务\n\n" + body + "\n", 1988, "1988-03-25")
    assert fact.kind in (Kind.ACTUAL, Kind.ESTIMATE)


def test_a_list_of_projects_drawn_up_stays_the_size_of_the_plan() -> None:
    """梳理了150个重大项目…今年计划完成投资446亿元: the dev set's convention (the year's list of projects)."""
    facts = facts_of("## 2017，确定为项目建设奋力推进年\n\n目前，全区共梳理了150个重大项目，今年计划完成投资446亿元。\n",
                     2016, "2017-02-17")
    assert one(facts, "150个").kind is Kind.PLAN


def test_the_level_a_planned_change_starts_from_is_no_target() -> None:
    """计划由一九八○年的三千二百万亩增加到一九八五年的一亿亩: 3200万亩 is 1980's level."""
    facts = facts_of("## 三、关于农业\n\n扩大人工草场面积，计划由一九八○年的三千二百万亩增加到一九八五年的一亿亩。\n",
                     1982, "1982-12-10")
    start, end = one(facts, "三千二百万亩"), one(facts, "一亿亩")
    assert (start.kind, start.figure_year) == (Kind.ACTUAL, 1980)
    assert end.kind.is_goal and end.figure_year == 1985


def test_the_years_ahead_of_a_report_given_by_june_begin_with_its_own() -> None:
    facts = facts_of("## 二、今后五年的任务\n\n今后五年，普通高等学校招生人数要增长百分之七十五。\n", 1983, "1983-06-06")
    assert one(facts, "百分之七十五").figure_span == (1983, 1987)


def test_a_total_over_a_plan_period_is_of_the_period() -> None:
    """“六五”期间，进出口贸易总额合计达到二千三百亿美元: the five years' total, not 1985's."""
    fact = one(facts_of("## 一、第六个五年计划的完成情况\n\n“六五”期间，进出口贸易总额合计达到二千三百亿美元。\n",
                        1986, "1986-03-25"), "二千三百亿美元")
    assert (fact.period, fact.figure_span) == (Period.MULTI_YEAR, (1981, 1985))


def test_an_addition_is_a_change() -> None:
    fact = one(facts_of("基本建设投资总额，今年2月修订计划时减少为三百亿元，后来又追加了八十亿元。\n", 1981, "1981-12-13"),
               "八十亿元")
    assert (fact.measure, fact.value) == (Measure.CHANGE, 80)


@pytest.mark.parametrize("sentence, quote, measure, value", [
    ("规模以上工业增加值完成45.7亿元，增长5%。\n", "45.7亿元", Measure.LEVEL, 45.7),   # 增加值: value added, a noun
    ("规模以上工业增加值完成45.7亿元，增长5%。\n", "5%", Measure.GROWTH, 5.0),
    ("第三产业增加值达到2000亿元。\n", "2000亿元", Measure.LEVEL, 2000),
    ("财政收入比上年增加120亿元。\n", "120亿元", Measure.CHANGE, 120),             # 增加 as a verb: a change
])
def test_value_added_is_no_increase(sentence, quote, measure, value) -> None:
    fact = one(facts_of(sentence, 2017, "2018-01-13"), quote)
    assert (fact.measure, fact.value) == (measure, value)


@pytest.mark.parametrize("sentence, quote, indicator", [
    # the year's total of the indicator just told: 总 and its head noun
    ("一九八四年国内财政收入增加二百五十五亿元，一九八五年增加三百六十二亿元，全年总收入达到一千八百二十九亿元。\n",
     "一千八百二十九亿元", "财政收入"),
    # a total after a figure per head is another total: of no indicator
    ("农民人均纯收入增长百分之十三点七，全年总收入达到三千亿元。\n", "三千亿元", None),
    # another noun than the indicator's head: not its total
    ("国内财政收入增加三百六十二亿元，全年总支出达到一千八百亿元。\n", "一千八百亿元", None),
])
def test_the_years_total_of_the_indicator_just_told(sentence, quote, indicator) -> None:
    assert one(facts_of(sentence, 1986, "1986-03-25"), quote).indicator == indicator


def test_years_ahead_the_text_does_not_count_stay_unstated() -> None:
    """今后一个时期，…促进约1亿农业转移人口落户城镇: a goal, for years the text does not count
    (not the report's year, nor the years before it)."""
    facts = facts_of("## 二、2014年重点工作\n\n推进以人为核心的新型城镇化。今年要完成一些任务。"
                     "今后一个时期，着重解决好现有问题，促进约1亿农业转移人口落户城镇。\n", 2014, "2014-03-05")
    fact = one(facts, "约1亿")
    assert fact.kind.is_goal and fact.figure_year is None and fact.figure_span is None


def test_a_verb_before_the_indicator_makes_the_figure_a_change() -> None:
    """共计减少财政收入五百二十亿元: revenue forgone, not a level of revenue, nor a
    change of the revenue statistic: what a policy gave up (of no indicator)."""
    fact = one(facts_of("从1979至1981年，国家由于提高收购价格，共计减少财政收入五百二十亿元。\n", 1981, "1981-12-13"),
               "五百二十亿元")
    assert (fact.indicator, fact.measure, fact.value) == (None, Measure.CHANGE, -520)


@pytest.mark.parametrize("body, kind", [
    ("我国人口80%以上在农村，农村是计划生育工作的重点。", Kind.ACTUAL),   # the country as it is
    ("全国人口要控制在十二亿以内。", Kind.TARGET),                     # ... unless the clause sets a goal
])
def test_the_country_as_it_is(body: str, kind) -> None:
    (fact,) = facts_of("## 二、明年的任务\n\n" + body + "\n", 1981, "1981-12-13")
    assert fact.kind is kind


def test_a_base_year_written_once_in_a_list_of_targets() -> None:
    """…比一九八○年增长百分之十二点三；棉花三百六十万吨，增长百分之三十三: both over 1980, five years."""
    facts = facts_of("## 一、关于发展速度\n\n到一九八五年，全国粮食产量计划达到三亿六千万吨，比一九八○年增长百分之十二点三；"
                     "棉花三百六十万吨，增长百分之三十三。\n", 1982, "1982-12-10")
    assert one(facts, "百分之三十三").figure_span == one(facts, "百分之十二点三").figure_span == (1981, 1985)


def test_the_yearly_averages_of_two_periods() -> None:
    """“六五”时期同“五五”时期相比，…年平均产量由…增加到…，棉花由…增加到…: averages of the period, not 1985's."""
    facts = facts_of("## 一、“六五”计划执行情况的回顾\n\n“六五”时期同“五五”时期相比，我国粮食的年平均产量由三亿零五百三十万吨"
                     "增加到三亿七千零六十二万吨，棉花由二百二十四万吨增加到四百三十二万吨。\n", 1986, "1986-03-25")
    fact = one(facts, "四百三十二万吨")
    assert (fact.period, fact.figure_span) == (Period.MULTI_YEAR, (1981, 1985))


def test_within_the_plan_is_no_goal_word() -> None:
    """计划内签约成交的…有一千多项: 计划内 says which contracts, it sets nothing."""
    (fact,) = facts_of("## 四、关于对外经济技术交流\n\n计划内签约成交的技术引进项目有一千多项，成交额比上年大幅度增加。\n",
                       1985, "1985-03-27")
    assert fact.kind in (Kind.ACTUAL, Kind.ESTIMATE)


def test_what_each_figure_of_a_list_counts() -> None:
    facts = facts_of("## 一、“六五”计划执行情况的回顾\n\n五年内新增铁路通车里程一千五百公里、复线里程一千五百公里、"
                     "电气化里程二千四百公里。\n", 1986, "1986-03-25")
    assert [f.what for f in facts][1:] == ["复线里程", "电气化里程"]  # not 铁路通车里程一千五百公里、复线里程


@pytest.mark.parametrize("body, goal", [
    ("在城镇，五年安排三千八百多万人就业，职工生活也得到明显的改善。", False),  # jobs found: a result
    ("今年要安排一千万人就业。", True),                                       # ... unless the clause plans it
])
def test_jobs_found_are_no_plan(body: str, goal: bool) -> None:
    (fact,) = facts_of("## 一、五年来的工作\n\n" + body + "\n", 1983, "1983-06-06")
    assert fact.kind.is_goal is goal


def test_the_five_year_average_growth_of_the_economy_is_gdp(seeds_project) -> None:
    # 2021: “十三五”期间经济年均增速达到7.3% (经济增速 with 年均 between its words)
    from erqi_diff.core.snapshot import load

    fact = one(metrics.extract(load(seeds_project, 2021)), "7.3%")
    assert (fact.indicator, fact.measure, fact.period, fact.figure_span) == ("GDP", Measure.GROWTH,
                                                                             Period.MULTI_YEAR, (2016, 2020))
    assert fmt.series_label(fact.measure, fact.period, fact.base).endswith("a year on average")


@pytest.mark.parametrize(("body", "kept"), [
    # a headline over its story says the story's figure again: one row
    ("## GDP增长9%，重大项目完成投资470亿元\n\n全年地区生产总值完成567亿元，增长9%。\n", ["9%", "567亿元"]),
    # two figures of one indicator in two periods stay two
    ("## 经济运行\n\n上半年地区生产总值增长8%，全年地区生产总值增长9%。\n", ["8%", "9%"]),
    # the same number of two indicators stays two
    ("## 经济运行\n\n全年地区生产总值增长9%，规模以上工业增加值增长9%。\n", ["9%", "9%"]),
])
def test_a_figure_said_again_is_one_row(body: str, kept: list[str]) -> None:
    found = metrics.extract(make_snapshot(2018, body, date="2018-01-13"))
    assert [f.quote for f in found] == kept


def test_a_year_compared_with_a_year_named_with_what_it_was() -> None:
    # 1981: 1980年同完成经济恢复的1952年相比，工农业总产值增长八点一倍 is of 1953-1980, not of 1952
    found = facts_of("## 一、情况\n\n1980年同完成经济恢复的1952年相比，工农业总产值增长八点一倍。\n", 1981, "1981-11-30")
    fact = one(found, "八点一倍")
    assert (fact.figure_year, fact.period, fact.figure_span) == (1980, Period.MULTI_YEAR, (1953, 1980))


def test_trends_run_in_time_order_whatever_the_base_is_written() -> None:
    # 1979: 一九七七年比一九七六年增长14.3%，一九七八年又比一九七七年增长13.5%; 1984: 一九八三年…增长10.5% (no base)
    body79 = "## 一、情况\n\n工业总产值一九七七年比一九七六年增长百分之十四点三，一九七八年又比一九七七年增长百分之十三点五。\n"
    body84 = "## 一、情况\n\n一九八三年，全国工业总产值增长10.5%。\n"
    records = metrics.extract(make_snapshot(1979, body79, date="1979-06-18")) + \
        metrics.extract(make_snapshot(1984, body84, date="1984-05-15"))
    rows = [(f.figure_year, trend) for f, trend in metrics.trends(records) if f.indicator == "工业总产值"]
    assert rows == [(1977, None), (1978, metrics.Trend.DOWN), (1983, metrics.Trend.DOWN)]


@pytest.mark.parametrize(("body", "quote", "kind", "year", "span"), [
    # a plan's projects counted by the plan's years (“六五”计划安排…), not the years after the report
    ("“六五”计划安排的续建和新建的大中型项目共八百九十个，其中已开工建设的投资在五亿元以上的重大建设项目有九十三个。",
     "八百九十个", Kind.PLAN, 1985, (1981, 1985)),
    # …of which some already begun: done by the time of the report, no plan
    ("“六五”计划安排的续建和新建的大中型项目共八百九十个，其中已开工建设的投资在五亿元以上的重大建设项目有九十三个。",
     "九十三个", Kind.ACTUAL, None, None),
    # the cost against the first estimate: an overrun, no plan
    ("据检查，现在要花的投资就比原来的概算增加一百八十五亿元，其中有些是原概算偏低。", "一百八十五亿元", Kind.ACTUAL, None, None),
    # work under way: no plan
    ("此外，政府正在组织有关科技力量，参加二百七十九项重大预备项目的前期准备工作。", "二百七十九项", Kind.ACTUAL, None, None),
])
def test_what_a_plan_paragraph_says_is_not_all_plans(body: str, quote: str, kind, year, span) -> None:
    frame = "## （一）关于经济建设\n\n今后五年，“七五”期间的发展速度有可能比“六五”高一些。"
    fact = one(facts_of(f"{frame}{body}\n", 1983, "1983-06-06"), quote)
    assert (fact.kind, fact.figure_year, fact.figure_span) == (kind, year, span)


def test_twenty_years_in_a_paragraph_on_a_five_year_plan_is_no_five_years() -> None:
    # 1983: 二十年实现工农业年总产值翻两番 after “七五”期间: which twenty, the sentence does not say
    body = "## （一）关于经济建设\n\n“七五”期间的发展速度有可能比“六五”高一些。二十年实现工农业年总产值翻两番，是就全国来讲的。\n"
    fact = one(facts_of(body, 1983, "1983-06-06"), "翻两番")
    assert fact.figure_year is None and fact.figure_span is None


def test_a_figure_for_another_coverage_in_brackets_says_so() -> None:
    body = "## 二、“七五”时期的基本任务\n\n“七五”期间，农业总产值平均每年增长百分之四（包括村办工业为百分之六）。\n"
    found = facts_of(body, 1986, "1986-03-25")
    assert one(found, "百分之四").what != one(found, "百分之六").what == "农业总产值（包括村办工业）"
    assert one(found, "百分之六").indicator == "农业总产值"

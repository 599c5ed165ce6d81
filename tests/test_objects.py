"""Concrete goals matched with their outcomes by unit, action and object
(head nouns, synonyms, the clause before, coverage), targets stated in words,
and the kind of a figure (outcome, target, plan) in mid-year and early reports:
small hand-made CJK cases and invariants."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.extract.facts import Kind, Modifier, Period
from erqi_diff.extract.links import link_goals
from erqi_diff.extract.objects import coverage, object_score, thing
from erqi_diff.extract.reader import read_snapshot
from erqi_diff.extract.verdicts import Verdict

from extract_quality import make_snapshot


def facts(year: int, body: str, date: str | None = None):
    return read_snapshot(make_snapshot(year, body, date=date or f"{year}-03-05"))


def one(found, quote: str):
    (fact,) = [f for f in found if f.quote == quote]
    return fact


def links_of(*reports):
    snaps = [make_snapshot(year, body, date=date) for year, date, body in reports]
    return {lk.goal.quote: lk for lk in link_goals(snaps) if lk.goal.year == snaps[0].year}


# ------------------------------------------------------------------ objects


def test_things_read_from_their_clause() -> None:
    found = facts(2016, "## 二、2017年工作安排\n\n确保长江西路、双铁路等22条道路年底建成通车。\n", date="2017-02-17")
    roads = thing(one(found, "22条"))
    assert (roads.unit, roads.action, roads.obj) == ("条", "open", "道路")
    found = facts(2014, "## 一、2013年工作回顾\n\n新开工保障性安居工程666万套，基本建成544万套。\n")
    built = thing(one(found, "544万套"))  # no object in its clause: the one before, under its synonym
    assert (built.unit, built.action, built.obj) == ("套", "finish", "保障房")


def test_a_bare_measure_word_looks_back_in_its_paragraph() -> None:
    body = ("## 一、1994年工作回顾\n\n去年曾提出，要把全年商品零售物价上涨幅度控制在百分之十以内。"
            "虽然做了很大努力，涨幅仍然高达百分之二十一点七。\n")
    snap = make_snapshot(1995, body, date="1995-03-05")
    found = read_snapshot(snap)
    rise = one(found, "百分之二十一点七")
    line = snap.body.rfind("\n", 0, rise.start) + 1
    assert thing(rise, snap.body[line:rise.start]).obj == "商品零售物价"
    assert one(found, "百分之十以内").kind is Kind.TARGET  # the goal set then, restated: never an outcome


def test_object_scores() -> None:
    assert object_score("道路", "道路") == 3
    assert object_score("学校", "中小学校") == 2                  # the head noun with a qualifier
    assert object_score("重大项目", "重大产业项目") == 0            # another portfolio
    assert object_score("资金", "专项补助资金") == 0               # a general head names nothing by itself
    assert object_score("新农合城镇居民医保财政补助标准", "城乡居民医保财政补助标准") == 1  # a long shared head
    assert coverage("道路", "市管代建道路") == "市管" and coverage("道路", "道路") is None


@settings(deadline=None)
@given(st.text(alphabet="道路学校项目安置房资金重大产业生态", min_size=0, max_size=8),
       st.text(alphabet="道路学校项目安置房资金重大产业生态", min_size=0, max_size=8))
def test_object_score_is_symmetric_and_bounded(a: str, b: str) -> None:
    assert object_score(a, b) == object_score(b, a)
    assert 0 <= object_score(a, b) <= 3
    assert (object_score(a, b) == 3) == (a == b and a != "")


# ------------------------------------------------------------------ links


def test_a_goal_and_its_outcome_worded_differently() -> None:
    got = links_of((2013, "2013-03-05", "## 二、2013年工作\n\n今年城镇保障性住房基本建成470万套、新开工630万套。\n"),
                   (2014, "2014-03-05", "## 一、2013年工作回顾\n\n新开工保障性安居工程666万套，基本建成544万套。\n"))
    assert (got["470万套"].outcome.quote, got["470万套"].verdict, got["470万套"].margin) == ("544万套", Verdict.MET, 74)
    assert (got["630万套"].outcome.quote, got["630万套"].verdict, got["630万套"].margin) == ("666万套", Verdict.MET, 36)


def test_an_outcome_goes_to_the_surer_goal() -> None:
    got = links_of((2016, "2017-02-17", "## 二、2017年工作安排\n\n持续加大长江东路第二小学等35个中小学校建设力度，"
                                        "力争81中等6个项目建成使用。\n"),
                   (2017, "2018-01-13", "## 一、2017年工作回顾\n\n全年8所学校建成投用。\n"))
    schools = got["6个"]  # 6个项目: the projects of the clause before, schools; 个 counts what 所 counts
    assert (schools.outcome.quote, schools.verdict, schools.margin) == ("8所", Verdict.MET, 2)
    assert got["35个"].outcome is None and got["35个"].verdict is Verdict.OPEN


def test_work_to_be_done_another_set_and_unsure_outcomes_are_not_judged() -> None:
    got = links_of((2016, "2017-02-17", "## 二、2017年工作安排\n\n加快京沙快速路南延等4条生态廊道建设。"
                                        "促进大顺路等65条道路开工建设。\n"),
                   (2017, "2018-01-13", "## 一、2017年工作回顾\n\n京广快速路南延等4条生态廊道建设进展顺利。"
                                        "39条市管代建道路全部开工。\n"))
    assert got["4条"].verdict is Verdict.NOT_COMPARABLE and "work to be done" in got["4条"].reason
    assert got["65条"].outcome.quote == "39条" and "coverage" in got["65条"].reason
    got = links_of((2016, "2017-02-17", "## 二、2017年工作安排\n\n确保22条道路年底建成通车。\n"),
                   (2017, "2018-01-13", "## 一、2017年工作回顾\n\n20条道路建成通车。另有25条道路建成通车。\n"))
    assert got["22条"].outcome is None  # two figures of the same kind disagree: no link


def test_targets_in_words_and_targets_not_set() -> None:
    body = ("## 二、2022年工作\n\n今年发展主要预期目标是：国内生产总值增长5.5%左右；居民收入增长与经济增长基本同步；"
            "能耗强度目标在“十四五”规划期内统筹考核。\n")
    found = [f for f in facts(2022, body) if f.value is None]
    assert [(f.indicator, f.modifier, f.kind, f.figure_year, f.quote) for f in found] == [
        ("居民人均可支配收入", Modifier.QUALITATIVE, Kind.TARGET, 2022, "居民收入增长与经济增长基本同步"),
        ("单位GDP能耗", Modifier.ABSENT, Kind.TARGET, 2022, "能耗强度目标在“十四五”规划期内统筹考核")]
    got = links_of((2022, "2022-03-05", body),
                   (2023, "2023-03-05", "## 一、2022年工作回顾\n\n居民人均可支配收入增长5%。\n"))
    income = got["居民收入增长与经济增长基本同步"]
    assert (income.outcome.quote, income.verdict, income.margin) == ("5%", Verdict.NOT_COMPARABLE, None)
    assert "no figure" in income.reason
    energy = got["能耗强度目标在“十四五”规划期内统筹考核"]
    assert energy.verdict is Verdict.OPEN
    # the same words reporting an outcome are no target
    review = "## 一、2022年工作回顾\n\n居民收入增长与经济增长基本同步，全国居民人均可支配收入年均增长5.1%。\n"
    assert not [f for f in facts(2023, review) if f.value is None]


# ------------------------------------------------------------------ kinds


def test_half_year_outcomes_in_a_mid_year_report() -> None:
    body = ("## 上半年成绩不错\n\n上半年，全区175个重大项目完成投资253亿元，占年度计划51%，新开工郑投科技园等30个项目。\n"
            "## 下半年打算这样干\n\n下半年，力争新开工项目20个。\n")
    found = facts(2019, body, date="2019-08-05")
    started = one(found, "30个")  # 占年度计划: the plan as a yardstick, no goal word
    assert (started.kind, started.period, started.figure_year) == (Kind.ACTUAL, Period.HALF, 2019)
    assert one(found, "20个").kind is Kind.PLAN


@pytest.mark.parametrize("sentence, quote", [
    ("但全年货币发行还比年初计划少了近500亿元。", "近500亿元"),  # by how much the year fell short of the plan
    ("全年粮食收购比计划多收了300亿斤。", "300亿斤"),
    ("全年发行国债比原计划增加了200亿元。", "200亿元"),
])
def test_a_figure_against_the_plan_is_a_result(sentence: str, quote: str) -> None:
    found = facts(1999, "## 一、1998年工作回顾\n\n" + sentence + "\n", date="1999-03-05")
    assert one(found, quote).kind is Kind.ACTUAL


def test_plan_as_a_name_is_no_goal_word() -> None:
    found = facts(2016, "## 荣誉\n\n相继出台了天使救助计划、阳光家园计划等五项惠残制度，发放救助金400万元。\n", date="2017-02-17")
    assert one(found, "400万元").kind is Kind.ACTUAL


def test_the_things_a_plan_holds_are_no_goal() -> None:
    # 1985 report: the products listed in the plan are which ones; how many reached their targets is a result
    body = ("## 一、1984年的经济形势\n\n列入第六个五年计划的六十五种主要产品的产量，到1984年已有四十三种提前达到1985年的指标。"
            "计划内的项目今年要安排五十个。\n")
    found = facts(1985, body, date="1985-03-27")
    assert one(found, "六十五种").kind not in (Kind.TARGET, Kind.PLAN)
    assert one(found, "五十个").kind is Kind.PLAN  # 计划内的 alone leaves the goal word 要安排 its say


def test_a_change_with_no_thing_named_is_of_the_thing_before() -> None:
    # a list of targets: each change follows its level, the thing named once, before the level
    body = ("## 二、1981年国民经济计划\n\n轻工业，棉纱产量286.5万吨，比1980年预计增加9万吨；纸520万吨，增加20万吨；"
            "到1985年全日制高等学校招生数将从1980年的28万人增加到40万人，增长42.2%。\n")
    found = facts(1980, body, date="1980-12-13")
    assert one(found, "9万吨").what == "棉纱产量，比预计增加"
    assert one(found, "20万吨").what == "纸，增加"
    assert one(found, "42.2%").what == "全日制高等学校招生数，增长"


def test_a_count_before_a_list_of_qualities_counts_the_noun_after_them() -> None:
    body = "## 在主导产业升级上争先出彩\n\n力争3年内新启动建设10个布局合理、充满活力、特色突出的小微企业园。推进32个重大生态项目。\n"
    found = facts(2021, body, date="2021-01-15")
    assert one(found, "10个").what == "小微企业园"      # not 布局合理, the first quality
    assert one(found, "32个").what == "重大生态项目"


def test_the_size_of_a_cohort_is_no_goal() -> None:
    # the graduates a year brings are what is to come, not what the government sets out to reach
    body = ("## 三、2022年政府工作任务\n\n今年高校毕业生超过1000万人，要加强就业创业指导。今年高校毕业生749万人，为历史最高。"
            "城镇新增就业1100万人以上。\n")
    found = facts(2022, body)
    assert one(found, "超过1000万人").kind is Kind.FORECAST
    assert one(found, "749万人").kind is Kind.FORECAST
    assert one(found, "1100万人以上").kind.is_goal  # jobs created: the goal the cohort calls for
    moved = facts(2022, "## 三、2022年政府工作任务\n\n全年转移农村劳动力500万人。\n")
    assert one(moved, "500万人").kind.is_goal  # people moved by a policy: a plan, the cohort only as its object


def test_targets_are_outcomes_and_plans_are_means() -> None:
    body = ("## 二、2014年工作\n\n今年再减少农村贫困人口1000万人以上。今年企业退休人员基本养老金继续提高10%。"
            "广义货币M2预期增长目标拟定为13%左右。\n")
    found = facts(2014, body)
    assert one(found, "1000万人以上").kind is Kind.TARGET   # poverty: an outcome of society
    assert one(found, "10%").kind is Kind.PLAN              # pensions: a means of the government
    assert one(found, "13%左右").kind is Kind.TARGET        # called a target


def test_a_span_named_after_the_figure() -> None:
    found = facts(2004, "## 二、2004年工作\n\n从今年起，逐步降低农业税税率，平均每年降低1个百分点以上，五年内取消农业税。\n")
    cut = one(found, "1个百分点以上")
    assert (cut.period, cut.figure_span, cut.figure_year) == (Period.MULTI_YEAR, (2004, 2008), 2008)


# ------------------------------------------------------------------ real reports


def test_national_targets_in_words_are_linked_not_judged(gwr_project) -> None:
    from erqi_diff.extract.goals import for_project, targets

    panel = {(lk.goal.indicator, lk.goal.modifier): lk for lk in targets(for_project(gwr_project, [2022]))}
    energy = panel[("单位GDP能耗", Modifier.ABSENT)]
    assert energy.goal.value is None and energy.goal.quote.startswith("能耗强度目标")
    assert (energy.verdict, energy.outcome.quote, energy.outcome.year) == (Verdict.NOT_COMPARABLE, "8.1%", 2023)
    income = panel[("居民人均可支配收入", Modifier.QUALITATIVE)]
    assert income.verdict is Verdict.NOT_COMPARABLE and income.outcome.quote == "5.1%" and income.margin is None
    assert income.reason == "a growth over the years against the year's"  # 2023 gives the five years' average only
    # in step with the economy: not judged, but both growths of the year are said
    in_step = {lk.goal.year: lk for lk in targets(for_project(gwr_project, [2023, 2024]))
               if (lk.goal.indicator, lk.goal.modifier) == ("居民人均可支配收入", Modifier.QUALITATIVE)}
    assert in_step[2023].verdict is Verdict.NOT_COMPARABLE
    assert in_step[2023].reason.endswith("6.1% against the economy's 5.2% the same year")
    assert in_step[2024].reason.endswith("5.1% against the economy's 5.0% the same year")


def test_half_year_outcomes_of_the_2019_seed(seeds_project) -> None:
    from erqi_diff.core.snapshot import load_many
    from erqi_diff.extract.facts import read_facts

    (snap,) = load_many(seeds_project, [2019])
    found = read_facts(snap)
    schools = [f for f in found if f.quote == "7所"]
    assert schools and all((f.kind, f.period, f.figure_year) == (Kind.ACTUAL, Period.HALF, 2019) for f in schools)
    assert not [f for f in found if f.kind.is_goal and "下半年" not in f.text and f.period is Period.HALF
                and f.quote in ("30个", "38项", "4个", "33个", "67处")]


@pytest.mark.parametrize("sentence, whats", [
    # the k-th figure of a run given respectively is the k-th item's (2022: the 30元 is 居民医保's)
    ("居民医保和基本公共卫生服务经费人均财政补助标准分别再提高30元和5元。",
     {"30元": "居民医保…再提高", "5元": "基本公共卫生服务经费人均财政补助标准…再提高"}),
    ("全年基础设施、制造业投资分别增长9.4%、9.1%。", {"9.4%": "基础设施…增长", "9.1%": "制造业投资…增长"}),
    ("将制造业企业、科技型中小企业分别从50%、75%提高至100%。", {"50%": "制造业企业…从", "75%": "科技型中小企业…从"}),
])
def test_figures_given_respectively_are_each_of_their_item(sentence: str, whats: dict) -> None:
    found = facts(2023, "## 一、2022年工作回顾\n\n" + sentence + "\n", date="2023-03-05")
    assert {quote: one(found, quote).what for quote in whats} == whats


def test_a_list_and_a_run_of_other_lengths_tell_no_item() -> None:
    found = facts(2023, "## 一、2022年工作回顾\n\n水土流失、荒漠化、沙化土地面积分别净减少10.6万和3.8万平方公里。\n", date="2023-03-05")
    assert "…" not in one(found, "3.8万平方公里").what  # three items, two figures: no guess


@pytest.mark.parametrize(("goal", "outcome", "verdict"), [
    # the goal's items named, the outcome names others: met is not said
    ("加大长江东路第二小学等35个中小学校建设力度，力争81中、渠南路一小等6个项目建成使用。", "陇西国际城小学等8所学校建成投用。",
     Verdict.NOT_COMPARABLE),
    # short of the goal whichever items were done: missed
    ("确保长江西路、双铁路等22条道路年底建成通车。", "望桥路等20条道路建成通车。", Verdict.MISSED),
    # a name in common: the same items, judged
    ("力争王胡砦、贾砦等18个项目开工。", "新开工贾砦等20个项目。", Verdict.MET),
])
def test_a_count_of_other_named_items_does_not_meet_a_goal(goal: str, outcome: str, verdict) -> None:
    links = links_of((2016, "2017-02-17", f"## 2017年工作安排\n\n{goal}\n"),
                     (2017, "2018-01-13", f"## 2017年工作回顾\n\n{outcome}\n"))
    (link,) = [lk for lk in links.values() if lk.goal.value in (6, 22, 18)]
    assert link.verdict is verdict

"""The period of a goal whose sentence names no time, read from the part it
stands in: a part under a heading that names a five-year plan ahead (绘就“十四五”
蓝图, “七五”时期的基本任务) gives the plan's years; a part that also sets this
year's goals leaves such a goal's year unstated; a part on the year's work gives
the year. Hand-made CJK cases, an invariant, and the Erqi 2021 report."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.extract.facts import Fact, Period, read_facts
from erqi_diff.extract.reader import read_snapshot
from erqi_diff.extract.timing import Frame, marks, plan_named

from extract_quality import make_snapshot

GOAL = "全力推进8个精品村建设。"


def goals(body: str, year: int = 2021, date: str = "2021-01-15") -> dict[str, Fact]:
    return {f.quote: f for f in read_snapshot(make_snapshot(year, body, date=date)) if f.kind.is_goal}


def when(f: Fact) -> tuple:
    return f.period, f.figure_year, f.figure_span


PLAN = (Period.MULTI_YEAR, 2025, (2021, 2025))
YEAR = (Period.YEAR, 2021, None)
UNSTATED = (None, None, None)


@pytest.mark.parametrize("body, expected", [
    # the plan's part, nothing of this year in it: the plan's years
    (f"## 绘就“十四五”蓝图\n\n{GOAL}\n", PLAN),
    (f"## “十四五”规划主要目标\n\n{GOAL}\n", PLAN),
    (f"## 第十四个五年规划的主要任务\n\n{GOAL}\n", PLAN),
    # a flat outline: the plan's heading, then its sections at the same level
    (f"## 绘就“十四五”蓝图\n\n## 在美丽田园打造上争先出彩\n\n{GOAL}\n", PLAN),
    # the part also sets this year's goals, before the goal or in its own section: unstated
    (f"## 绘就“十四五”蓝图\n\n## 在主导产业升级上争先出彩\n\n今年，全区将力争新建5个产业园。\n\n"
     f"## 在美丽田园打造上争先出彩\n\n{GOAL}\n", UNSTATED),
    (f"## 绘就“十四五”蓝图\n\n{GOAL}确保年底前完成12个老旧小区改造。\n", UNSTATED),
    (f"## 绘就“十四五”蓝图\n\n{GOAL}\n\n1月底前完成3条道路综合改造。\n", UNSTATED),
    # the part's own sections before: a year's goal set after the goal's section does not mix it
    (f"## 绘就“十四五”蓝图\n\n## 在美丽田园打造上争先出彩\n\n{GOAL}\n\n## 在城市品质提升上争先出彩\n\n"
     "确保今年打通14条“断头路”。\n", PLAN),
    # a sentence about this year that sets no goal does not mix the part
    (f"## 绘就“十四五”蓝图\n\n今年是“十四五”开局之年。\n\n{GOAL}\n", PLAN),
    (f"## 二、“十四五”时期主要目标任务\n\n2021年是开局之年，要开好局、起好步。\n\n{GOAL}\n", PLAN),
    # the year's work: the year
    (f"## 2021年工作安排\n\n{GOAL}\n", YEAR),
    (f"## 今年重点工作\n\n{GOAL}\n", YEAR),
    (f"## 绘就“十四五”蓝图\n\n## 2021年重点工作\n\n{GOAL}\n", YEAR),
    (f"## 2021年工作：确保“十四五”开好局\n\n{GOAL}\n", YEAR),
    (f"## 奋力实现“十四五”良好开局\n\n{GOAL}\n", YEAR),
    (f"## 二、“十四五”时期主要目标任务\n\n{GOAL}\n\n## 三、2021年重点工作\n\n力争新建12个产业园。\n", PLAN),
    # a paragraph that opens with this year, inside the plan's part: this year
    (f"## 绘就“十四五”蓝图\n\n今年，全区将突出抓好乡村振兴。{GOAL}\n", YEAR),
    # a plan already past or begun is no frame: the year, as before
    (f"## 书写“十三五”答卷\n\n## 下一步打算\n\n{GOAL}\n", YEAR),
])
def test_a_goal_without_time_takes_the_time_of_its_part(body: str, expected: tuple) -> None:
    assert when(goals(body)["8个"]) == expected


@pytest.mark.parametrize("sentence", ["全区已建成8个精品村。", "全区已经建成8个精品村。", "全区建成了8个精品村。"])
@pytest.mark.parametrize("heading", ["绘就“十四五”蓝图", "二、“十四五”时期主要目标任务"])
def test_a_result_reported_in_a_plan_s_part_is_no_goal_of_the_plan(heading: str, sentence: str) -> None:
    found = read_snapshot(make_snapshot(2021, f"## {heading}\n\n{sentence}\n", date="2021-01-15"))
    assert [(f.quote, f.kind.is_goal, f.figure_span) for f in found] == [("8个", False, None)]


def test_a_present_stock_in_a_plan_s_part_has_no_year() -> None:
    found = read_snapshot(make_snapshot(1986, "## 二、“七五”时期的基本任务\n\n我国有十亿多人口，每年城镇有几百万人需要就业。\n",
                                        date="1986-03-25"))
    assert [(f.quote, f.kind.is_goal, f.figure_year, f.figure_span) for f in found] == [("十亿多", False, None, None)]


def test_a_goal_in_a_mixed_part_keeps_the_time_its_sentence_names() -> None:
    body = (f"## 绘就“十四五”蓝图\n\n今年，全区将力争新建5个产业园，力争3年内新启动建设10个小微企业园。\n\n"
            f"到2025年，力争建成20个示范村。\n\n{GOAL}\n")
    found = goals(body)
    assert when(found["5个"]) == YEAR
    assert when(found["10个"]) == (Period.MULTI_YEAR, 2023, (2021, 2023))
    assert when(found["20个"]) == (Period.YEAR, 2025, None)
    assert when(found["8个"]) == UNSTATED


def test_the_second_half_s_plan_in_a_mid_year_report_stays_the_year_s() -> None:
    body = "## 绘就“十四五”蓝图\n\n## 下半年打算这样干\n\n力争新建8个精品村。\n"
    assert when(goals(body, 2021, "2021-08-05")["8个"]) == (Period.HALF, 2021, None)


def test_a_plan_begun_frames_nothing_in_a_report_of_its_middle_years() -> None:
    body = "## 推进“十四五”规划重大工程\n\n力争新开工12个重大项目。\n"
    assert when(goals(body, 2023, "2023-03-05")["12个"]) == (Period.YEAR, 2023, None)


@pytest.mark.parametrize("heading", ["科学编制“十四五”规划", "谋划“十四五”发展"])
def test_a_plan_being_drafted_is_the_year_s_work(heading: str) -> None:
    """In January 2020 the 十四五 begins after the year planned; in January 2021
    drafting it (编制) is still that year's work."""
    body = f"## {heading}\n\n力争新建8个精品村。\n"
    assert when(goals(body, 2020, "2020-01-15")["8个"]) == (Period.YEAR, 2020, None)
    assert when(goals(body, 2021, "2021-01-15")["8个"]) == YEAR


def test_a_national_plan_section_flat_or_nested_gives_the_plan_s_years() -> None:
    body = ("## 二、“七五”时期的基本任务和主要建设方针\n\n### （一）保持经济稳定增长。\n\n"
            "国家预算内基本建设投资计划安排一千五百亿元。\n\n## 一、规定恰当的投资规模\n\n"
            "全民所有制单位的技术改造投资计划安排二千亿元。\n")
    found = goals(body, 1986, "1986-03-25")
    assert when(found["一千五百亿元"]) == (Period.MULTI_YEAR, 1990, (1986, 1990))
    assert when(found["二千亿元"]) == (Period.MULTI_YEAR, 1990, (1986, 1990))


@pytest.mark.parametrize("heading, expected", [
    ("绘就“十四五”蓝图", (2021, 2025)),
    ("十四五规划主要目标", (2021, 2025)),
    ("第十四个五年规划纲要", (2021, 2025)),
    ("“十四五”规划和二〇三五年远景目标", "unsure"),  # the plan beside a later year: which, unsaid
    ("书写“十三五”答卷", None),                 # the plan reviewed
    ("确保“十四五”开好局", None),               # its start: the year's work
    ("2021年工作：绘就“十四五”蓝图", None),     # beside the year planned: the year's work
    ("党的十五大精神", None),                   # no plan
])
def test_plan_named_in_a_heading(heading: str, expected) -> None:
    frame = Frame.of("2021-01-15", 2020)
    found = plan_named(heading, frame, marks(heading, frame))
    spans = [m.span for m in found if m.span]
    assert spans == ([expected] if isinstance(expected, tuple) else [])
    assert any(m.unsure for m in found) == (expected == "unsure")


def test_a_goal_under_a_plan_and_a_later_year_is_of_unstated_year() -> None:
    assert when(goals(f"## “十四五”规划和2035年远景目标\n\n{GOAL}\n")["8个"]) == UNSTATED


DATED = st.sampled_from([("今年，全区将力争新建5个产业园。", "5个", YEAR),
                         ("确保2021年底前完成248个老旧小区改造。", "248个", YEAR),
                         ("力争3年内新启动建设10个小微企业园。", "10个", (Period.MULTI_YEAR, 2023, (2021, 2023))),
                         ("到2025年，力争建成20个示范村。", "20个", (Period.YEAR, 2025, None))])
FILLER = st.sampled_from(["", "今年，全区将力争新建7个产业园。\n\n", "1月底前完成3条道路综合改造。\n\n",
                          "## 在城市品质提升上争先出彩\n\n", "坚持生态优先、绿色发展。\n\n"])


@settings(deadline=None, max_examples=60)
@given(dated=DATED, before=FILLER, after=FILLER, heading=st.sampled_from(["绘就“十四五”蓝图", "2021年工作安排"]))
def test_a_goal_s_own_time_is_never_overridden_by_its_part(dated, before, after, heading) -> None:
    sentence, quote, expected = dated
    body = f"## {heading}\n\n{before}{sentence}\n\n{after}"
    assert when(goals(body)[quote]) == expected


def test_the_erqi_2021_blueprint(seeds_project) -> None:
    """绘就“十四五”蓝图 in the Erqi report of January 2021: its sections set goals
    of this year (今年…, 2021年底前…) beside goals with no time, whose year is
    then unstated, never the report's by default."""
    from erqi_diff.core.snapshot import load

    facts = [f for f in read_facts(load(seeds_project, 2021)) if f.kind.is_goal]
    unstated = {(f.quote, f.what) for f in facts if f.figure_year is None and f.period is None}
    for quote, word in [("6个", "核心板块"), ("4个", "精品村"), ("4个", "示范村"), ("6个", "规范村"), ("30个", "生态项目")]:
        assert any(q == quote and word in what for q, what in unstated), (quote, word)
    stated = {f.quote: when(f) for f in facts}
    assert stated["248个"] == YEAR                      # 2021年底前
    assert stated["14条"] == YEAR                       # 确保今年打通
    assert stated["10个"] == (Period.MULTI_YEAR, 2023, (2021, 2023))  # 力争3年内

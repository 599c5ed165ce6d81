"""Goals in words: targets of a state (国际收支基本平衡) judged by what a later
review says of the same thing; figures said of a list respectively (分别);
a total whose part alone has an outcome."""

from __future__ import annotations

import pytest

from erqi_diff.extract import states
from erqi_diff.extract.links import link_goals
from erqi_diff.extract.objects import respective
from erqi_diff.extract.timing import Frame
from erqi_diff.extract.verdicts import Verdict

from extract_quality import make_snapshot


@pytest.mark.parametrize("clause, things, state, opposite", [
    ("国际收支基本平衡", ("国际收支",), "balance", False),
    ("国际收支保持平衡", ("国际收支",), "balance", False),
    ("国际收支保持基本平衡", ("国际收支",), "balance", False),
    ("就业形势总体保持稳定", ("就业",), "stable", False),          # 形势: the thing's state, not another thing
    ("就业、物价总体平稳", ("就业", "物价"), "stable", False),      # a list shares its state
    ("人民币汇率在合理均衡水平上基本稳定", ("人民币汇率",), "stable", False),
    ("价格总水平处在合理区间", ("价格总水平",), "range", False),
    ("区域发展不平衡", ("区域发展",), "balance", True),
    ("社会秩序未能保持稳定", ("社会秩序",), "stable", True),
    ("出口大幅波动", ("出口",), "stable", True),
])
def test_a_state_read(clause: str, things: tuple, state: str, opposite: bool) -> None:
    got = states.read(clause)
    assert got is not None
    assert (got.things, got.state, got.opposite) == (things, state, opposite)


@pytest.mark.parametrize("clause", [
    "保持经济平稳健康发展",        # the state is not last: a direction of work
    "保障经济运行不滑出合理区间",   # two negations: left unread
    "避免了经济的大起大落",        # the opposite averted
    "稳定增长",
    "实现了50%的平衡",             # no plain name
])
def test_no_state_read(clause: str) -> None:
    assert states.read(clause) is None


def test_a_verb_leading_a_state_is_work_done() -> None:
    got = states.read("保持社会和谐稳定")
    assert got is not None and got.led and got.things == ("社会和谐",)


GOAL = ("## 二、2023年经济社会发展总体要求\n\n今年发展主要预期目标是：国内生产总值增长5%左右；"
        "进出口促稳提质，国际收支基本平衡；粮食产量保持在1.3万亿斤以上。\n")


def _balance(later: str):
    snaps = [make_snapshot(2023, GOAL, date="2023-03-05"), make_snapshot(2024, later, date="2024-03-05")]
    (link,) = [lk for lk in link_goals(snaps) if lk.goal.year == 2023 and lk.goal.what == "国际收支"]
    return link


@pytest.mark.parametrize("later, verdict, said", [
    ("## 一、2023年工作回顾\n\n过去一年，经济回升向好。国际收支基本平衡。\n", Verdict.MET, "国际收支基本平衡"),
    ("## 一、2023年工作回顾\n\n过去一年，国际收支保持平衡，人民币汇率基本稳定。\n", Verdict.MET, "国际收支保持平衡"),
    ("## 一、2023年工作回顾\n\n去年国际收支失衡。\n", Verdict.MISSED, "去年国际收支失衡"),
    # said of five years, not of 2023
    ("## 一、过去五年工作回顾\n\n过去五年，国际收支基本平衡。\n", Verdict.OPEN, None),
    # a target, not a review
    ("## 二、2024年经济社会发展总体要求\n\n今年发展主要预期目标是：国际收支保持基本平衡。\n", Verdict.OPEN, None),
    ("## 一、2023年工作回顾\n\n去年要保持国际收支基本平衡。\n", Verdict.OPEN, None),   # what was to be done
    ("## 一、2023年工作回顾\n\n过去一年，财政收支基本平衡。\n", Verdict.OPEN, None),     # another thing
    ("## 一、2023年工作回顾\n\n去年上半年，国际收支基本平衡。\n", Verdict.OPEN, None),   # a part of the year
])
def test_a_target_of_a_state_judged_by_the_review_of_its_year(later: str, verdict: Verdict, said: str | None) -> None:
    link = _balance(later)
    assert link.goal.indicator is None and link.goal.quote == "国际收支基本平衡" and link.goal.figure_year == 2023
    assert link.verdict is verdict
    assert (link.outcome.quote if link.outcome else None) == said
    if link.outcome is not None:
        assert link.outcome.figure_year == 2023 and link.outcome.value is None and link.margin is None
        assert link.outcome.text[link.outcome.quote_start - link.outcome.start:].startswith(said)
    else:
        assert "no statement of its state" in link.reason


def test_a_review_saying_both_is_unsure() -> None:
    link = _balance("## 一、2023年工作回顾\n\n过去一年，国际收支基本平衡。上半年以后，国际收支不平衡。\n")
    assert link.verdict is Verdict.MET  # 上半年以后 dates it to no whole year: only the first is read
    link = _balance("## 一、2023年工作回顾\n\n过去一年，国际收支基本平衡。2023年国际收支不平衡。\n")
    assert link.verdict is Verdict.NOT_COMPARABLE and link.reason.startswith("unsure: the 2024 report says both")


def test_states_of_a_review_are_dated() -> None:
    body = ("## 一、过去一年和五年工作回顾\n\n过去一年，国际收支保持平衡。\n\n过去五年，物价总体平稳。\n\n"
            "## 二、今年的工作\n\n就业基本稳定。\n")
    said = states.review_states(body, Frame.of("2023-03-05", 2023))
    assert [(s.state.things, s.year) for s in said] == [(("国际收支",), 2022)]


@pytest.mark.parametrize("text, quote, items", [
    ("将制造业企业、科技型中小企业分别从50%、75%提高至100%", "50%", ("制造业企业",)),
    ("将制造业企业、科技型中小企业分别从50%、75%提高至100%", "75%", ("科技型中小企业",)),
    ("将制造业企业、科技型中小企业分别从50%、75%提高至100%", "100%", ("制造业企业", "科技型中小企业")),
    ("粮食、棉花产量分别增长2%和5%", "5%", ("棉花",)),  # normalized: 产量 is the measure
    ("粮食、棉花产量分别增长2%", "2%", ("粮食", "棉花")),           # one figure: every item's
    ("粮食、棉花、油料分别增长2%、5%", "5%", ()),                       # two figures, three items: unsure
    ("制造业企业研发费用加计扣除比例提高到100%", "100%", ()),           # no list
])
def test_a_figure_said_of_a_list_respectively(text: str, quote: str, items: tuple) -> None:
    q0 = text.index(quote)
    assert respective(text, 0, q0, q0 + len(quote)) == items


def test_a_goal_answered_by_a_list_given_respectively() -> None:
    goal = make_snapshot(2022, "## 三、2022年政府工作任务\n\n加大研发费用加计扣除政策实施力度，"
                         "将科技型中小企业加计扣除比例从75%提高到100%。\n", date="2022-03-05")
    later = make_snapshot(2023, "## 一、过去一年工作回顾\n\n过去一年，不断提高企业研发费用加计扣除比例，"
                          "将制造业企业、科技型中小企业分别从50%、75%提高至100%。\n", date="2023-03-05")
    (link,) = [lk for lk in link_goals([goal, later]) if lk.goal.year == 2022 and lk.goal.quote == "100%"]
    assert link.outcome is not None and link.outcome.quote == "100%" and link.outcome.year == 2023
    assert link.verdict is Verdict.MET and link.margin == 0
    # the rest of the goal's thing (加计扣除比例) must be named where the list is given
    other = make_snapshot(2023, "## 一、过去一年工作回顾\n\n过去一年，将制造业企业、科技型中小企业的贷款利率"
                          "分别从5%、6%降至4%。\n", date="2023-03-05")
    (link,) = [lk for lk in link_goals([goal, other]) if lk.goal.year == 2022 and lk.goal.quote == "100%"]
    assert link.outcome is None and link.verdict is Verdict.OPEN


def test_a_total_whose_part_alone_has_an_outcome() -> None:
    goal = make_snapshot(2022, "## 三、2022年政府工作任务\n\n预计全年退税减税约2.5万亿元，其中留抵退税约1.5万亿元。\n",
                         date="2022-03-05")
    later = make_snapshot(2023, "## 一、过去一年工作回顾\n\n全年增值税留抵退税超过2.4万亿元，新增减税降费超过1万亿元。\n",
                          date="2023-03-05")
    links = {lk.goal.quote: lk for lk in link_goals([goal, later]) if lk.goal.year == 2022}
    total, part = links["约2.5万亿元"], links["约1.5万亿元"]
    assert part.outcome is not None and part.outcome.quote == "超过2.4万亿元"
    # not open (a later report speaks of it), but no sum of parts is guessed: no verdict, no outcome, no margin
    assert total.verdict is Verdict.NOT_COMPARABLE and total.outcome is None and total.margin is None
    assert total.reason == "the 2023 report gives only a part of it (留抵退税: 超过2.4万亿元), not the whole"


# ------------------------------------------------------------------ real data


def test_the_balance_of_payments_in_the_national_reports(gwr_project) -> None:
    from erqi_diff.extract.goals import for_project

    links = [lk for lk in for_project(gwr_project) if lk.goal.what == "国际收支"]
    got = {lk.goal.year: (lk.verdict, lk.outcome.year if lk.outcome else None,
                          lk.outcome.quote if lk.outcome else None) for lk in links}
    assert got[2022] == (Verdict.MET, 2023, "国际收支保持平衡")
    assert got[2023] == (Verdict.MET, 2024, "国际收支基本平衡")
    assert got[2024] == (Verdict.MET, 2025, "国际收支基本平衡")
    assert got[2014][0] is Verdict.OPEN   # the 2015 report says nothing of it
    assert got[2025][0] is Verdict.OPEN   # no later report
    for lk in links:
        assert lk.goal.kind.value == "target" and lk.goal.figure_year == lk.goal.year


def test_the_2022_tax_goals_in_the_national_reports(gwr_project) -> None:
    from erqi_diff.extract.goals import for_project

    links = [lk for lk in for_project(gwr_project, [2022]) if "加计扣除" in lk.goal.text or "退税减税" in lk.goal.text]
    (deduction,) = [lk for lk in links if "科技型中小企业" in lk.goal.what]
    assert deduction.verdict is Verdict.MET and deduction.outcome is not None
    assert "分别从50%、75%提高至100%" in deduction.outcome.text and deduction.outcome.year == 2023
    (total,) = [lk for lk in links if lk.goal.quote == "约2.5万亿元"]
    assert total.verdict is Verdict.NOT_COMPARABLE and "gives only a part of it (留抵退税" in total.reason

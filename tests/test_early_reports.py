"""The pairing on reports built as the national ones of 1978-1983 are: parts
一、二、…, ordinal points 第一，第二， standing as headings, reviews named
without review words (helper early80, issue 15)."""

from __future__ import annotations

import pytest

from erqi_diff.compare.outline import Role, heading_cue, outline
from erqi_diff.compare.sections import Basis, pair_sections, present_year
from erqi_diff.core.document import Section


@pytest.mark.parametrize("heading, present, expected", [
    ("一、三年来的斗争和新时期的总任务", 1978, 0),  # a period up to now against a task: the text decides
    ("五年来，外交工作开创新局面", 2003, 1),
    ("一、一年来工作回顾", 2004, 1),
    ("今后五年建设和改革的目标、方针和任务", 1988, -1),  # five years to come: no review
])
def test_years_up_to_now_in_a_heading_name_a_review(heading, present, expected):
    assert heading_cue(heading, present) == expected


def test_a_part_on_the_years_up_to_now_and_the_task_ahead_is_told_by_its_text():
    a = [Section("", 0, ("各位代表：我代表国务院作报告。",)),
         Section("一、三年来的斗争和新时期的总任务", 2,
                 ("三年来，粮食生产取得了很大成绩，钢铁产量增长了，工业生产已经恢复。今后要继续努力。",)),
         Section("二、加强外交工作", 2, ("我们将继续坚持独立自主的和平外交政策，反对霸权主义。",))]
    b = [Section("", 0, ("各位代表：我受国务院的委托作报告。",)),
         Section("一、伟大的转变", 2, ("一年来，粮食生产取得了丰收，钢铁产量增长了，工业生产已经好转。",)),
         Section("二、反对霸权主义", 2, ("我们要坚持独立自主的和平外交政策，反对霸权主义，维护世界和平。",))]
    assert outline(a, 1978).role[1] is Role.REVIEW
    links = {(link.a, link.b): link for link in pair_sections(a, b, 1978, 1979).links}
    assert links[1, 1].basis is Basis.TOPIC  # two reviews side by side, not a plan beside its outcome


@pytest.mark.slow
def test_national_1978_review_part_goes_with_1979_review(gwr_early_root):
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    project = load_project(gwr_early_root)
    a, b = load(project, 1978), load(project, 1979)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    review = next(k for k, s in enumerate(a.sections) if s.heading.startswith("一、三年来"))
    assert {b.sections[j].heading for j in pairing.partners_of_a(review)} == {"一、伟大的历史性转变"}

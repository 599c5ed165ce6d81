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


def _task(heading: str, *paragraphs: str) -> Section:
    return Section(heading, 2, paragraphs)


_HUB = _task("第三，加强材料工业，推进经济体制改革",
             "金属材料的发展，必须根据社会需要，不断扩大品种，提高质量，逐步提高合金钢的比重。",
             "积极发展塑料、合成纤维、合成橡胶三大化工合成材料，逐步提高它们在轻工业原料中的比重。",
             "积极组织各种形式的经济联合，各地区、各部门、各企业要发挥自己的特点和长处，走联合的道路。",
             "在国家计划指导下广泛地开展竞争，各企业之间互相竞争，有利于促进企业改善经营管理。")
_REFORM = _task("八、积极稳妥地改革经济体制",
                "积极组织各种形式的经济联合，各地区、各部门、各企业要发挥自己的特点和长处，走联合的道路。",
                "在国家计划指导下广泛地开展竞争，各企业之间互相竞争，有利于促进企业改善经营管理。")
_MATERIALS = _task("二、加强材料工业",
                   "金属材料的发展，必须根据社会需要，不断扩大品种，提高质量，逐步提高合金钢的比重。")
_CONSOLIDATION = _task("五、分批进行企业的全面整顿",
                       "企业整顿要建立和健全经济责任制，整顿劳动组织，整顿财政纪律，整顿领导班子。")


def test_paragraph_owners_take_counterparts_and_wording():
    from erqi_diff.compare.grouping import paragraph_owners

    # the plastics line has no counterpart, and shares most of its wording (逐步提高…的比重) with 材料
    assert paragraph_owners(_HUB, [_REFORM, _MATERIALS]) == [1, 1, 0, 0]
    assert paragraph_owners(_HUB, [_CONSOLIDATION]) == [None] * 4


def test_a_part_taking_none_of_the_text_leaves_the_split():
    from erqi_diff.compare.grouping import Link, Relation, drop_empty_parts

    def links(*parts):
        out = {(0, 0): Link(0, 0, 0.32, Relation.ONE, Basis.TOPIC)}
        out.update({(0, j): Link(0, j, 0.2, Relation.SPLIT, basis) for j, basis in parts})
        return out

    found = links((1, Basis.TOPIC))
    drop_empty_parts(found, [_HUB], [_REFORM, _CONSOLIDATION])
    assert set(found) == {(0, 0)}  # 整顿 holds none of 第三's four paragraphs
    found = links((1, Basis.TOPIC))
    drop_empty_parts(found, [_HUB], [_REFORM, _MATERIALS])
    assert set(found) == {(0, 0), (0, 1)}  # 材料 holds two of them
    # by the outline, not by topic: kept (the outline says where a heading's sections went)
    found = links((1, Basis.OUTLINE))
    drop_empty_parts(found, [_HUB], [_REFORM, _CONSOLIDATION])
    assert set(found) == {(0, 0), (0, 1)}
    # a short section (under two paragraphs per part) cannot give each part a paragraph: kept
    short = _task("第三，加强材料工业", *_HUB.paragraphs[:3])
    found = links((1, Basis.TOPIC))
    drop_empty_parts(found, [short], [_REFORM, _CONSOLIDATION])
    assert set(found) == {(0, 0), (0, 1)}
    # the pair joined leaves too when it takes none of them: the section that joined holds the text
    found = {(0, 1): Link(0, 1, 0.32, Relation.ONE, Basis.TOPIC), (0, 0): Link(0, 0, 0.2, Relation.SPLIT, Basis.TOPIC)}
    drop_empty_parts(found, [_HUB], [_REFORM, _CONSOLIDATION])
    assert set(found) == {(0, 0)}
    # merges alike: the newer section is the one whose paragraphs are shared out
    found = {(0, 0): Link(0, 0, 0.32, Relation.ONE, Basis.TOPIC), (1, 0): Link(1, 0, 0.2, Relation.MERGE, Basis.TOPIC)}
    drop_empty_parts(found, [_REFORM, _CONSOLIDATION], [_HUB])
    assert set(found) == {(0, 0)}


@pytest.mark.slow
def test_national_1982_consolidation_does_not_split_into_1983_law_and_order(gwr_early_root):
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    project = load_project(gwr_early_root)
    a, b = load(project, 1982), load(project, 1983)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    law = next(k for k, s in enumerate(b.sections) if s.heading == "（四）关于政法工作")
    assert law in pairing.unpaired_b  # 1982's 第二 (整顿企业) shares none of its paragraphs
    consolidation = next(k for k, s in enumerate(a.sections) if s.heading.startswith("第二、坚决调整"))
    assert "第一、大力提高经济效益，积极扩大财源" in {b.sections[j].heading for j in pairing.partners_of_a(consolidation)}

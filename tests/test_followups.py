"""A year's plan stands beside the next report's review of that year
(compare/followup.py); the situation at home is a review cue."""

from __future__ import annotations


from erqi_diff.compare.outline import Role, heading_cue
from erqi_diff.compare.sections import Basis, pair_sections, present_year
from erqi_diff.core.document import Section
from erqi_diff.core.project import load_project
from erqi_diff.core.snapshot import load


def test_the_situation_at_home_is_a_review_cue():
    assert heading_cue("一、当前国内形势和基本任务", 1987) == 0  # 形势 against 任务: the text decides
    assert heading_cue("（一）关于经济形势", 1985) == 1
    assert heading_cue("四、适应加入世贸组织新形势，全面提高对外开放水平", 2002) <= 0  # a new situation to meet
    assert heading_cue("六、关于国际形势和外交工作", 1995) == 0


def _plan_and_review():
    """A report given in 2017 planning 2017, and one given in 2018 reviewing it."""
    older = [Section("", 0, ("2月17日，某区召开工作大会，部署2017年工作。",)),
             Section("一、2016年工作回顾", 1, ("去年全区生产总值增长8%，完成了各项任务。",)),
             Section("二、2017年重点工作", 1, ()),
             Section("●突出重大产业项目攻坚", 2, ("今年要加快花花牛二期、郑州CSD时尚商贸中心等项目建设，力争年底前投产。",)),
             Section("●突出安置房建设攻坚", 2, ("力争王胡砦、贾砦等18个项目320万平方米安置房实现开工。",))]
    newer = [Section("", 0, ("1月13日，某区召开全体会议，总结2017年工作。",)),
             Section("一、2017年工作回顾", 1, ()),
             Section("产业升级", 2, ("花花牛二期、郑州CSD时尚商贸中心等项目建成投产，产业升级取得成效。",)),
             Section("新型城镇化", 2, ("新开工贾砦等11个项目310万平方米安置房，王胡砦项目已经回迁。",)),
             Section("二、2018年工作安排", 1, ("坚持稳中求进，抓好乡村振兴和教育、医疗。",))]
    return older, newer


def test_a_plan_stands_beside_the_next_reports_review_of_its_year():
    older, newer = _plan_and_review()
    pairing = pair_sections(older, newer, 2017, 2018)
    follow = {(older[k.a].heading, newer[k.b].heading) for k in pairing.links if k.basis is Basis.FOLLOWUP}
    assert follow == {("●突出重大产业项目攻坚", "产业升级"), ("●突出安置房建设攻坚", "新型城镇化")}
    assert all(pairing.roles_a[k.a] is Role.PLAN and pairing.roles_b[k.b] is Role.REVIEW
               for k in pairing.links if k.basis is Basis.FOLLOWUP)


def test_no_follow_up_unless_the_review_is_of_the_planned_year():
    older, newer = _plan_and_review()
    for present in ((2017, 2019), (2017, 2017), (None, None)):
        pairing = pair_sections(older, newer, *present)
        assert not [k for k in pairing.links if k.basis is Basis.FOLLOWUP]


def test_no_follow_up_on_vocabulary_alone():
    """Sections sharing only the stock words of a plan and a review stay unpaired."""
    older, newer = _plan_and_review()
    newer[2] = Section("党的建设", 2, ("全面从严治党取得成效，干部作风持续好转。",))
    newer[3] = Section("平安建设", 2, ("社会大局保持稳定，信访总量下降。",))
    pairing = pair_sections(older, newer, 2017, 2018)
    assert not [k for k in pairing.links if k.basis is Basis.FOLLOWUP]


def test_erqi_2016_plan_for_2017_and_the_2017_review(seeds_project):
    """What a reader pairs: the plan for 2017 (2016 report, given February
    2017) beside the 2017 report's review (the same projects: 150个重大项目,
    花花牛二期, 贾砦 安置房, the roads); 亮点 and 保障 are no plan's outcome."""
    a, b = load(seeds_project, 2016), load(seeds_project, 2017)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    links = {(a.sections[k.a].heading, b.sections[k.b].heading): k for k in pairing.links}
    follow = {k for k, link in links.items() if link.basis is Basis.FOLLOWUP}
    assert {("重点工作走在前列年度综合考核成绩市内六区第一", "重点项目"), ("●突出重大产业项目攻坚", "产业升级"),
            ("●突出基础设施建设项目攻坚", "新型城镇化")} <= follow
    assert not [k for k in follow if k[1] in ("总结2017·亮点", "总结2017·保障")]


def test_national_1986_five_year_plan_against_1987(gwr_early_root):
    """1986 (the 七五 plan report) against 1987 (a year's report): the
    reviews pair (the situation at home, 当前国内形势, is a review cue)."""
    project = load_project(gwr_early_root)
    a, b = load(project, 1986), load(project, 1987)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    links = {(a.sections[k.a].heading, b.sections[k.b].heading) for k in pairing.links}
    assert ("一、“六五”计划执行情况的回顾", "一、当前国内形势和基本任务") in links
    assert not [k for k in links if k[0] == "一、“六五”计划执行情况的回顾" and k[1].startswith("第四")]

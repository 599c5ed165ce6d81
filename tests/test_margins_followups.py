"""Section pairs below CLEAR need a lead over their rivals (compare/margins.py);
a year's plan stands beside the next report's review of that year
(compare/followup.py); the situation at home is a review cue."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.compare.margins import CLEAR, LEAD, clear_sides
from erqi_diff.compare.outline import Role, heading_cue, outline
from erqi_diff.compare.sections import Basis, pair_sections, present_year
from erqi_diff.core.document import Section
from erqi_diff.core.project import load_project
from erqi_diff.core.snapshot import load


def test_a_low_pair_needs_a_lead_over_its_rivals():
    ranked = {(0, 0): 0.22, (0, 1): 0.20, (1, 1): 0.18, (2, 2): 0.21}
    sure_a, sure_b = clear_sides(ranked, ranked)
    assert (0, 0) not in sure_a and (0, 0) in sure_b  # 0.22 < 1.15 x 0.20 on the older side; alone on the newer
    assert (1, 1) in sure_a and (1, 1) not in sure_b  # the newer section 1 has 0.20 against it
    assert (2, 2) in sure_a and (2, 2) in sure_b      # no rival
    high = {k: v + CLEAR for k, v in ranked.items()}
    assert all(k in clear_sides(high, high)[0] for k in high)  # from CLEAR on no lead is asked


def test_tasks_of_one_list_are_partners_not_rivals():
    """Older 任务 over two tasks: section 0 of the newer report scores alike
    with both, which may be a split; not so with two tasks of different parts."""
    older = [Section("一、回顾", 1, ("去年完成了。",)), Section("二、任务", 1, ()),
             Section("（一）农业", 2, ("粮食。",)), Section("（二）工业", 2, ("制造。",))]
    newer = [Section("一、任务", 1, ()), Section("（一）农业和工业", 2, ("粮食和制造。",))]
    oa, ob = outline(older), outline(newer)
    ranked = {(2, 1): 0.22, (3, 1): 0.21}
    _, sure_b = clear_sides(ranked, ranked, oa, ob)
    assert (2, 1) in sure_b and (3, 1) in sure_b  # siblings (2 and 3 under 二、任务): no rivals
    assert (2, 1) not in clear_sides(ranked, ranked)[1]  # without the outline they are


@settings(deadline=None, max_examples=60)
@given(st.dictionaries(st.tuples(st.integers(0, 5), st.integers(0, 5)), st.floats(0.12, 0.6), max_size=20))
def test_clear_sides_invariants(ranked):
    sure_a, sure_b = clear_sides(ranked, ranked)
    for k, r in ranked.items():
        if r >= CLEAR:
            assert k in sure_a and k in sure_b
        rivals = [v for q, v in ranked.items() if q != k and q[0] == k[0]]
        assert (k in sure_a) == (r >= CLEAR or all(r >= LEAD * v for v in rivals))


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
    花花牛二期, 贾砦 安置房, the roads); the procuratorate's award is no
    counterpart of 总结2017·亮点."""
    a, b = load(seeds_project, 2016), load(seeds_project, 2017)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    links = {(a.sections[k.a].heading, b.sections[k.b].heading): k for k in pairing.links}
    follow = {k for k, link in links.items() if link.basis is Basis.FOLLOWUP}
    assert {("重点工作走在前列年度综合考核成绩市内六区第一", "重点项目"), ("●突出重大产业项目攻坚", "产业升级"),
            ("●突出基础设施建设项目攻坚", "新型城镇化")} <= follow
    assert not [k for k in links if k[1] == "总结2017·亮点"]
    assert not [k for k in follow if k[1] in ("总结2017·亮点", "总结2017·保障")]


def test_national_1986_five_year_plan_against_1987(gwr_early_root):
    """1986 (the 七五 plan report) against 1987 (a year's report): the
    reviews pair; science and education finds no counterpart by stock
    vocabulary (a pair at 0.23 with a rival at 0.20 before)."""
    project = load_project(gwr_early_root)
    a, b = load(project, 1986), load(project, 1987)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    links = {(a.sections[k.a].heading, b.sections[k.b].heading) for k in pairing.links}
    assert ("一、“六五”计划执行情况的回顾", "一、当前国内形势和基本任务") in links
    assert not [k for k in links if k[0].startswith("三、坚持把科技进步和智力开发")]
    assert not [k for k in links if k[0] == "一、“六五”计划执行情况的回顾" and k[1].startswith("第四")]

"""What a section is for and what it is about, as the pairing reads them
(erqi_diff.compare.outline, topics, concepts, grouping)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.compare.concepts import CONCEPT_TERMS, concept_terms
from erqi_diff.compare.outline import Role, heading_cue, markers, outline
from erqi_diff.compare.sections import Basis, Relation, pair_sections, present_year
from erqi_diff.compare.topics import topic_text
from erqi_diff.core.document import Section
from erqi_diff.core.snapshot import load


@pytest.mark.parametrize("text, present, expected", [
    ("已完成了改造", 2017, (3, 0)),                       # 已, 完成, 了
    ("确保年底前完成，计划完成投资", 2017, (0, 3)),        # 完成 after a plan word is to be done
    ("记者从现场了解到", 2017, (0, 0)),                   # 了解 is no past
    ("二七区将残疾人事业纳入温暖二七", 2017, (0, 0)),      # 将 taking an object is no future
    ("二七区将加快建设", 2017, (0, 1)),
    ("天使救助计划、阳光家园计划等", 2017, (0, 0)),        # a programme's name
    ("2016年3月启动", 2017, (1, 0)),                     # a year before the report's: the past
    ("2016年3月启动", 2016, (0, 1)),                     # the report's own year: the plan
    ("完成投资12016亿元", 2017, (1, 0)),                  # a longer number is no year
])
def test_tense_markers(text, present, expected):
    assert markers(text, present) == expected


@pytest.mark.parametrize("heading, present, expected", [
    ("一、2023年工作回顾", 2024, 1),
    ("三、2024年政府工作任务", 2024, -1),
    ("二、2024年经济社会发展总体要求和政策取向", 2024, -1),
    ("一、“六五”计划执行情况的回顾", 1986, 1),                 # 计划 names the plan reviewed
    ("一、1998年工作回顾和1999年工作的总体要求", 1999, 0),      # both: 要求 inside 总体要求 counts once
    ("一、1993年国内工作的回顾和1994年工作的基本方针", 1994, 1),  # a weak plan cue (方针) against a strong review
    ("（三）加快推进经济结构调整和增长方式转变。", 2005, 0),
    ("第二，国有企业改革要取得新的突破", 1998, -1),            # 要取得: what is to be done
    ("改革取得新的突破", 1998, 1),                             # 取得 alone: what was done
    ("力争实现经济较快增长", 2005, -1),
])
def test_heading_cue(heading, present, expected):
    assert heading_cue(heading, present) == expected


def test_a_task_takes_the_role_its_headline_tells(seeds_project):
    # 2016: the ●突出…攻坚 tasks stand under a headline whose text is the plan for 2017
    a = load(seeds_project, 2016)
    o = outline(a.sections, present_year(a))
    tasks = [i for i, s in enumerate(a.sections) if s.heading.startswith("●突出")]
    assert len(tasks) == 5
    assert all(o.role[i] is Role.PLAN for i in tasks)
    # hand-made: a headline with a plan text over two tasks that say nothing of their tense
    sections = [Section("", 0, ("会议召开。",)),
                Section("一、重点工作", 2, ("今年计划完成投资，确保项目开工，力争年底前建成。",)),
                Section("生态", 3, ("公园绿地和生态廊道。",)), Section("民生", 3, ("学校和养老服务中心。",))]
    assert outline(sections, 2020).role[2:] == (Role.PLAN, Role.PLAN)


def test_plan_tasks_are_not_read_against_the_next_years_review(seeds_project):
    """The 2016 report's plan for 2017 is never paired by topic with the 2017
    report's review; it stands beside the review of 2017 only as a follow-up."""
    a, b = load(seeds_project, 2016), load(seeds_project, 2017)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    planned = [k for k in pairing.links if a.sections[k.a].heading.startswith("●突出")]
    assert planned and all(k.basis is Basis.FOLLOWUP for k in planned)
    assert all(pairing.roles_a[k.a] is Role.PLAN and pairing.roles_b[k.b] is Role.REVIEW for k in planned)


def test_a_news_box_pairs_only_with_a_box(seeds_project):
    a, b = load(seeds_project, 2018), load(seeds_project, 2019)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    box = next(i for i, s in enumerate(a.sections) if s.heading == "新闻链接")
    assert box in pairing.unpaired_a
    text = "评价从经济发展、生态环境和营商环境等方面进行，数据来自统计公报。"
    old = [Section("", 0, ("导语。",)), Section("新闻链接", 2, (text,)), Section("生态", 2, ("公园绿地。",))]
    new = [Section("", 0, ("导语。",)), Section("发展", 2, (text,)), Section("相关链接", 2, (text,))]
    links = {(k.a, k.b) for k in pair_sections(old, new).links}
    assert (1, 2) in links and (1, 1) not in links


def test_a_closing_quote_is_not_the_topic():
    quote = "“我们要加快打造三个二七，建设新城区。”二七区委书记陈红民表示。"
    section = Section("民生", 2, ("新建学校八所，新增学位两万个。", quote))
    assert topic_text(section) == "新建学校八所，新增学位两万个。"
    alone = Section("总结·直接引语", 4, (quote, "——区委书记陈红民"))
    assert topic_text(alone).startswith("“我们要")  # a quote that is the section's own text stays


@pytest.mark.parametrize("text, expected", [
    ("GDP增长9%", {"@生产总值": 1}),
    ("全年地区生产总值完成567亿元", {"@生产总值": 1}),
    ("PM2.5平均浓度下降，落实控尘、控煤措施", {"@大气": 3}),
    ("养老保险", {"@社保": 1}),                          # the longer term counts, not 养老 inside it
    ("生态廊道", {"@生态": 1, "@绿化": 1}),            # two terms side by side, two areas
    ("", {}),
    ("养老年", {"@养老": 2}),                           # two terms overlapping in part: each counts
])
def test_areas_of_work_under_their_several_names(text, expected):
    assert dict(concept_terms(text)) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="GDP生产总值大气污染治理学校养老保险医疗，。2015年", max_size=60))
def test_area_terms_are_known_and_counted_within_the_text(text):
    found = concept_terms(text)
    assert set(found) <= CONCEPT_TERMS
    assert all(n > 0 for n in found.values())
    # every term is two characters or more and one inside another counts once, so at most one occurrence
    # starts at each place; two may overlap in part (养老年: 养老 and 老年, both 养老)
    assert sum(found.values()) <= max(0, len(text) - 1)


def test_areas_pair_sections_that_share_few_words():
    old = [Section("", 0, ("导语。",)),
           Section("空气质量明显好转", 2, ("深入实施蓝天工程，落实控尘、控煤、控车措施，PM2.5平均浓度下降。",)),
           Section("民生", 2, ("发放低保和救助资金，慈善工作站覆盖社区。",))]
    new = [Section("", 0, ("导语。",)),
           Section("救助", 2, ("困难群众救助标准提高，残疾人帮扶到位。",)),
           Section("生态环境", 2, ("全年优良天数达202天，大气污染防治成效显著，空气质量位于前列。",))]
    links = {(k.a, k.b) for k in pair_sections(old, new).links}
    assert (1, 2) in links and (2, 1) in links


def test_an_umbrella_with_text_goes_where_its_subsections_went(seeds_project):
    a, b = load(seeds_project, 2017), load(seeds_project, 2018)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    heads = {(a.sections[k.a].heading, b.sections[k.b].heading): k for k in pairing.links}
    umbrella = heads[("总结2017·数据", "坚持创优创新，提升品质发展")]
    assert umbrella.basis is Basis.OUTLINE and umbrella.relation is Relation.MERGE
    assert ("初步预计", "坚持创优创新，提升品质发展") in heads
    # an umbrella without text of its own stays a bare heading
    assert all(a.sections[k.a].heading != "总结2017·抓手" for k in pairing.links)


def test_sections_left_over_pair_with_each_other(seeds_project):
    # 2019's economic review: its best counterpart 干 is left over when 干's own best (老旧小区) pairs with 暖
    a, b = load(seeds_project, 2019), load(seeds_project, 2021)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    heads = {(a.sections[k.a].heading, b.sections[k.b].heading): k for k in pairing.links}
    # (a split since the economy's review also goes with 进, the one section on the economy: compare/figures.py)
    assert heads[("经济上半年GDP同比增长8%", "“干”的态势更加强劲")].basis is Basis.TOPIC
    assert heads[("经济上半年GDP同比增长8%", "“进”的态势持续巩固")].relation is Relation.SPLIT
    assert heads[("对158个老旧小区提升改造", "“暖”的态势全域涌动")].relation is Relation.ONE


@settings(max_examples=60, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["发展", "改革", "生态", "民生", "项目", "就业", "城市", "乡村"]),
                                st.floats(0.001, 1.0), min_size=0, max_size=8), min_size=1, max_size=5),
       st.lists(st.dictionaries(st.sampled_from(["发展", "改革", "生态", "民生", "项目", "就业", "城市", "乡村"]),
                                st.floats(0.001, 1.0), min_size=0, max_size=8), min_size=1, max_size=5))
def test_cosines_in_a_batch_are_the_cosines_to_the_last_bit(left, right) -> None:
    """The numpy path of topics.cosines gives exactly what topics.cosine gives."""
    from erqi_diff.compare import topics

    vec_a, vec_b = dict(enumerate(left)), dict(enumerate(right))
    pairs = [(i, j) for i in vec_a for j in vec_b]
    one_by_one = {(i, j): topics.cosine(vec_a[i], vec_b[j]) for i, j in pairs}
    assert topics.cosines(vec_a, vec_b, pairs, batch_work=0) == one_by_one  # the numpy path, whatever the size
    assert topics.cosines(vec_a, vec_b, pairs) == one_by_one

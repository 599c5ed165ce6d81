"""Section pairing of reports years apart (helper span-p): hand-made reports in the shapes of the
held-out pairs 1985→1986, 1988→1992, 2013→2015 and the Erqi pages 2016→2018 and 2018→2021."""

from __future__ import annotations

from erqi_diff.compare.grouping import Basis, Link, Relation, joinable
from erqi_diff.compare.outline import outline
from erqi_diff.compare.standing import mixed_ranks, share_an_area
from erqi_diff.compare.topics import section_terms, topic_text
from erqi_diff.core.document import Section

_ADDRESS = Section("", 0, ("各位代表：现在，我代表国务院报告工作。",))


def _ranks_case() -> tuple:
    """An older report's reform part against a newer report's five-year tasks (part 二 over points 一…三)
    and its reform part (三 over two points of its own)."""
    old = [_ADDRESS, Section("（一）关于经济形势", 3, ("去年工农业总产值增长，粮食产量增加。",)),
           Section("（二）关于经济体制改革", 3, ("要增强企业活力，改革工资制度和价格体系，发展科学技术，扩大对外贸易。",))]
    new = [_ADDRESS, Section("二、“七五”时期的基本任务", 2, ("今后五年要保持经济稳定增长。",)),
           Section("一、确定适度的经济增长率", 3, ("增长速度要适度。",)),
           Section("二、坚持把科技进步放在重要的战略地位", 3, ("要发展科学技术和教育事业，改革科技体制。",)),
           Section("三、扩大对外贸易", 3, ("要增强出口创汇能力，扩大对外贸易。",)),
           Section("三、“七五”时期的经济体制改革", 2, ("要增强企业活力，改革工资制度和价格体系。",)),
           Section("一、充分认识改革的要求", 3, ("发展商品经济。",)),
           Section("二、充分认识改革的复杂性", 3, ("新旧体制转换。",)),
           Section("四、坚持独立自主的和平外交政策", 2, ("我们坚持独立自主的和平外交政策。",))]
    oa, ob = outline(old, 1985), outline(new, 1986)
    assert ob.children[1] == (2, 3, 4) and ob.children[5] == (6, 7)
    links = {(0, 0): Link(0, 0, 0.1, Relation.ONE, Basis.OUTLINE), (2, 5): Link(2, 5, 0.37, Relation.ONE, Basis.TOPIC)}
    return oa, ob, links


def test_a_point_of_a_list_does_not_join_a_part_over_its_own_list():
    # 1985's reform part is read beside 1986's reform part (over its own points): the science point of the
    # five-year tasks shares some words with it, but is one task of another part, not a piece of the same telling
    oa, ob, links = _ranks_case()
    assert mixed_ranks(links, oa, ob, 2, 3, joining_a=False)
    assert mixed_ranks(links, oa, ob, 2, 4, joining_a=False)
    ranked = {(2, 5): 0.4, (2, 3): 0.2, (2, 4): 0.2}
    assert not joinable(ranked, links, [], [], oa, ob, 2, 3, joining_a=False)


def test_a_part_may_join_a_part():
    # a part of the same rank (a heading over no list, at the top) may still join the reform part's pair
    oa, ob, links = _ranks_case()
    assert not mixed_ranks(links, oa, ob, 2, 8, joining_a=False)
    # and the other way round: a point joins a pair of points
    links = {(2, 6): Link(2, 6, 0.3, Relation.ONE, Basis.TOPIC)}
    assert not mixed_ranks(links, oa, ob, 2, 3, joining_a=False)


_SHARED = "二七区第一时间成立领导小组，采取一系列务实有效的举措，解决基层群众困难，受益群众达27万人次。"


def test_a_split_needs_an_area_of_work_in_common():
    # a review on livelihood (schools, 养老) and one on party building and the epidemic share stock words
    # (一系列, 有效, 举措, 解决, 基层): no area of work, no split
    livelihood = Section("坚持宗旨意识增强民生福祉", 2, ("实施普惠项目，社区综合养老服务，新建中小学、幼儿园18所。" + _SHARED,))
    party = Section("“严”的态势日益彰显", 2, ("纵深推进党的建设，面对新冠肺炎疫情，构筑严密防线。" + _SHARED,))
    school = Section("“暖”的态势全域涌动", 2, ("全面建设“美好教育”，建成中小学、幼儿园39所。",))
    assert not share_an_area(livelihood, party)
    assert share_an_area(livelihood, school)


def test_indicator_names_cited_on_another_topic_are_not_its_topic():
    # party building that ends on the year's figures: the indicator names leave its topic, the economy keeps them
    party = Section("“严”的态势日益彰显", 2, (
        "二七区纵深推进党的建设、持续加强基层基础、不断优化政治生态。",
        "克难攻坚推动经济迅速恢复，预计全年GDP增长1.2%、固定资产投资增长11.1%、规模以上工业增加值增长4.7%。"))
    economy = Section("坚持创优创新，提升品质发展", 2, (
        "今年上半年，全区地区生产总值完成282.8亿元，同比增长10.5%；固定资产投资同比增长13.9%；"
        "规模以上工业增加值同比增长2%。",))
    assert "固定资产投资" not in topic_text(party) and "GDP" not in topic_text(party)
    assert "@固定资产投资" not in section_terms(party) and "@党建" in section_terms(party)
    assert "固定资产投资" in topic_text(economy) and "@工业增加值" in section_terms(economy)
    # named without a figure, an indicator stays (固定资产投资管理 is a topic of its own)
    plain = Section("改进投资管理", 2, ("党的建设要加强，改进固定资产投资管理办法。",))
    assert "固定资产投资" in topic_text(plain)


def test_a_review_of_the_year_so_far_is_no_follow_up_of_last_years_plan():
    # a plan for 2017 (given in February 2017) against an article of October 2018 on 2018's first half:
    # the same projects named, but the review tells 2018, not the year the plan was for
    from erqi_diff.compare.followup import follow_ups, this_year

    plan = Section("●突出生态建设项目攻坚", 3, ("今年要加快推进贾鲁河湿地公园、西岗生态公园等32个重大生态项目建设，新开工安置房项目。",))
    old = [_ADDRESS, Section("2017，确定为项目建设奋力推进年", 2, ("区委确定2017年为项目建设奋力推进年。",)), plan]
    text = "贾鲁河湿地公园已建成，西岗生态公园完成投资5亿元，新开工安置房项目7个，回迁安置房140万平方米。"
    for opening, follows in (("今年上半年，全区完成投资120亿元，同比增长15%。", False),
                             ("2017年，全区完成投资120亿元，同比增长15%。", True)):
        review = Section("坚持绿色发展，提高生态水平", 2, (opening, text))
        new = [Section("二七区荣获全国四个“百强”市辖区称号", 2, ("10月8日，研究成果发布。",)), review]
        assert this_year(review) is not follows
        oa, ob = outline(old, 2017), outline(new, 2018)
        links = follow_ups(old, new, oa, ob, 2017, 2018, set(), set(), [1, 2], [1], lambda i, j: 0.5 if i == 2 else 0.1)
        assert [(link.a, link.b) for link in links] == ([(2, 1)] if follows else [])

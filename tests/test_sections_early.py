"""Section pairing on the structure of the early national reports (1978-2005): sentences that became
headings, text standing under a heading it does not belong to (hand-made reports)."""

from __future__ import annotations

from erqi_diff.compare.grouping import Basis, Link, Relation, outline_links
from erqi_diff.compare.outline import outline
from erqi_diff.core.document import Section

_ADDRESS = Section("", 0, ("各位代表：现在，我代表国务院报告工作。",))


def _umbrella_case(own: str) -> dict[tuple[int, int], Link]:
    """1981's 三 (energy) was paired with 1982's 下面，着重讲一下能源、交通… (a sentence of 1982's 二 that
    became a heading below it); does 1982's 二 itself go there too?"""
    old = [_ADDRESS,
           Section("一、依靠政策和科学，加快农业的发展", 2, ("要稳定农村政策，增加粮食生产，发展多种经营。",)),
           Section("二、提高能源的利用效率，加强能源工业和交通运输业的建设", 2,
                   ("要开发和节约并重，加强煤炭、石油、电力的建设，提高铁路和港口的运输能力。",))]
    new = [_ADDRESS,
           Section("一、关于工农业生产的发展速度", 2, ("要增加粮食生产，稳定农村政策。",)),
           Section("二、关于基本建设的规模、重点和企业的技术改造", 2, (own,)),
           Section("下面，着重讲一下能源、交通的建设计划", 3,
                   ("要加强煤炭、石油、电力的建设，提高铁路和港口的运输能力，开发和节约并重。" * 12,) * 4)]
    oa, ob = outline(old, 1981), outline(new, 1982)
    assert ob.children[2] == (3,)
    links = {(0, 0): Link(0, 0, 0.5, Relation.ONE, Basis.TOPIC), (1, 1): Link(1, 1, 0.4, Relation.ONE, Basis.TOPIC),
             (2, 3): Link(2, 3, 0.4, Relation.ONE, Basis.TOPIC)}
    outline_links(links, old, new, oa, ob)
    return links


def test_a_paragraph_over_a_single_subsection_does_not_follow_it():
    # a heading with a paragraph of its own topic (the scale of building, technical transformation of
    # enterprises) over one sentence that became a heading: the paragraph does not open that sentence
    own = ("今后五年，基本建设的规模必须同国家的财力物力相适应，全民所有制单位的固定资产投资总额控制在"
           "三千六百亿元左右，其中用于现有企业技术改造的投资占三分之一以上，要把技术改造同基本建设"
           "统筹安排，防止铺新摊子，集中力量保证重点建设，提高投资效果和企业的经济效益。") * 2
    assert len(own) > 120
    assert (2, 2) not in _umbrella_case(own)


def test_a_line_over_a_single_subsection_goes_where_it_went():
    # one line that opens the subsection goes with it, as before
    assert (2, 2) in _umbrella_case("下面讲一讲建设的重点。")


def _points_case(middle_text: str, last_partner: bool = True) -> tuple[list[Section], list[Section], dict]:
    """A newer report's reform part 三 against an older report's reform points 第一…第四 (one list):
    第一 and 第三 are linked to 三 already; 第二, between them, is left over with 三 as its best."""
    from erqi_diff.compare.siblings import sibling_joins

    old = [_ADDRESS, Section("二、深入改革经济体制", 2, ("今年要继续深化改革。",)),
           Section("第一，深化企业改革", 3, ("推行承包经营责任制，增强企业活力。",)),
           Section("第二，进一步扩大生产资料市场", 3, (middle_text,)),
           Section("第三，深入进行金融体制改革", 3, ("发展金融市场，管好用活资金。",)),
           Section("第四，改进固定资产投资管理办法", 3, ("实行投资包干和招标。",))]
    new = [_ADDRESS, Section("三、以深化企业改革为中心进行综合配套改革", 2, ("企业改革，金融市场，生产资料市场。",)),
           Section("四、进一步扩大对外开放", 2, ("沿海地区发展外向型经济。",))]
    oa, ob = outline(old, 1987), outline(new, 1988)
    links = {(0, 0): Link(0, 0, 0.5, Relation.ONE, Basis.TOPIC), (2, 1): Link(2, 1, 0.3, Relation.MERGE, Basis.TOPIC),
             (4, 1): Link(4, 1, 0.3, Relation.MERGE, Basis.TOPIC)}
    if not last_partner:
        del links[4, 1]
    best_a = {3: (3, 1), 5: (5, 1)}
    sibling_joins(links, old, new, oa, ob, best_a, {}, lambda i, j: 0.13)
    return old, new, links


def test_a_point_between_two_points_of_its_list_goes_where_they_went():
    _, _, links = _points_case("扩大生产资料市场，为增强企业活力创造良好环境。" * 4)
    assert (3, 1) in links and links[3, 1].relation is Relation.MERGE


def test_a_point_at_the_end_of_the_run_or_beside_a_point_paired_elsewhere_stays_unpaired():
    # 第四 follows the run (no point after it): its list may turn to another topic there
    _, _, links = _points_case("扩大生产资料市场。")
    assert (5, 1) not in links
    # 第二 with only 第一 linked (第三 unpaired): not inside a run
    _, _, links = _points_case("扩大生产资料市场。", last_partner=False)
    assert (3, 1) not in links


def _measures_case() -> dict[tuple[int, int], Link]:
    """1979's 二 holds （一） and a long （三）, under which the year's ten tasks stand; （三） split into
    1980's 二 (next year's tasks) and the points 第二, 第三 under 1980's 三 (the measures)."""
    old = [_ADDRESS, Section("二、打好四个现代化的第一个战役", 2, ("今后三年要调整国民经济。",)),
           Section("（一）要使粮食生产的发展同人口的增长比较适应。", 3, ("粮食要增产。",)),
           Section("（三）要使燃料动力和交通运输的紧张局面有所缓和。", 3,
                   ("要加强煤炭、石油、电力的建设。", "要调整重工业，发展机械工业。", "要加强材料工业。"))]
    new = [_ADDRESS, Section("二、1981年国民经济计划的任务和主要指标", 2, ("明年要继续调整。",)),
           Section("三、采取有力措施，保证计划的完成", 2, ("要开发和节约能源，加强煤炭、石油、电力的建设。",)),
           Section("第二，进一步调整重工业特别是机械工业结构", 3, ("要调整重工业，发展机械工业。",)),
           Section("第三，加强材料工业", 3, ("要加强材料工业。",))]
    oa, ob = outline(old, 1979), outline(new, 1980)
    assert ob.children[2] == (3, 4)
    links = {(0, 0): Link(0, 0, 0.5, Relation.ONE, Basis.TOPIC)}
    for j in (1, 3, 4):
        links[3, j] = Link(3, j, 0.3, Relation.SPLIT, Basis.TOPIC)
    outline_links(links, old, new, oa, ob)
    return links


def test_one_section_split_over_a_heading_s_subsections_takes_the_heading_not_its_parent():
    # the subsections of 1980's 三 all went to 1979's （三）: no two lists are read together, so 1979's 二
    # (over （一） and （三）) is not paired with 1980's 三; 1980's 三 goes where its subsections went
    links = _measures_case()
    assert (1, 2) not in links
    assert (3, 2) in links

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

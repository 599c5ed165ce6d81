"""Section pairing: the structure of a report's parts (numbered 一、二、 …) and what they hold."""

from __future__ import annotations

import pytest

from erqi_diff.compare.outline import Role, _ordinal, outline
from erqi_diff.compare.sections import pair_sections, present_year
from erqi_diff.core.document import Section


@pytest.mark.parametrize(("numeral", "number"), [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20),
                                                 ("二十三", 23), ("百", 0)])
def test_ordinal(numeral, number):
    assert _ordinal(numeral) == number


def _report(*headings: tuple[str, int]) -> list[Section]:
    return [Section("", 0, ("各位代表：现在，我代表国务院报告工作。",))] + [
        Section(h, level, (f"{h}的内容，取得了显著成绩。",)) for h, level in headings]


def test_unnumbered_headings_between_two_parts_belong_to_the_first():
    # an end-of-term review: 五年来，… at the parts' level, between 一、 and 二、
    o = outline(_report(("一、过去五年政府工作的回顾", 2), ("五年来，国民经济保持良好发展势头", 2),
                        ("五年来，人民生活显著改善", 2), ("（一）坚持扩大内需", 3), ("（二）坚持改革", 3),
                        ("二、对今年政府工作的建议", 2), ("（一）继续扩大国内需求", 3)))
    assert o.parent[2] == 1 and o.parent[3] == 1
    assert o.children[1] == (2, 3)
    assert o.parent[4] == 3 and o.parent[5] == 3  # the items stay under the heading above them
    assert o.parent[6] is None and o.parent[7] == 6


@pytest.mark.parametrize("after", ["一、今后五年的任务", "四、今后五年的任务"])
def test_a_list_begun_anew_or_a_gap_holds_nothing(after):
    # 五、… then an unnumbered heading then 一、 (a new list) or 四、: nothing is held
    o = outline(_report(("四、妥善处理各方面的利益关系", 2), ("五、加强法制", 2), ("今后五年建设和改革的目标", 2),
                        (after, 2)))
    assert o.parent[3] is None


def test_numbered_or_higher_headings_are_not_held():
    o = outline(_report(("一、关于过去五年的政府工作", 2), ("第一，进一步稳定和加强农业", 2),
                        ("二、关于今年的建议", 2)))
    assert o.parent[2] is None
    o = outline(_report(("一、回顾", 2), ("总的情况", 1), ("二、任务", 2)))
    assert o.parent[2] is None


@pytest.mark.slow
def test_national_2003_five_year_achievements_stay_in_its_review(gwr_early_root):
    """2003 (end of term) sets its eight 五年来，… achievements at the level of its parts; they are
    part 一's, so none of them is paired with 2004's part 一 as if it were a part (a reader pairs
    the two review parts, and 2004's review items with 2003's review sections); nor is the last,
    over the nine lessons （一）…（九）, paired by its subsections' partners with 2004's part 一,
    which 一 holding it is paired with already."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    project = load_project(gwr_early_root)
    a, b = load(project, 2003), load(project, 2004)
    oa = outline(a.sections, present_year(a))
    review = next(k for k, s in enumerate(a.sections) if s.heading.startswith("一、过去五年"))
    held = [k for k, s in enumerate(a.sections) if s.heading.startswith("五年来，")]
    assert len(held) == 8 and all(oa.parent[k] == review for k in held)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    part_one = next(k for k, s in enumerate(b.sections) if s.heading.startswith("一、一年来"))
    into_part_one = {a.sections[link.a].heading for link in pairing.links if link.b == part_one}
    assert "一、过去五年政府工作的回顾" in into_part_one
    # neither by topic (人民生活) nor by its subsections' partners (外交, over the nine lessons)
    assert not any(h.startswith("五年来，") for h in into_part_one)


@pytest.mark.slow
def test_national_1994_culture_part_goes_on_from_the_part_in_order(gwr_early_root):
    """1994's 四、发展科技教育文化事业 scores as well with 1993's 二 (economy) as with
    五 (social progress: science, education, culture); it stands between 1994's 三 and
    五 as 1993's 五 stands after 三 and 四, so it is a part of 五's split, not of 二's."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    project = load_project(gwr_early_root)
    a, b = load(project, 1993), load(project, 1994)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    named = {(a.sections[link.a].heading[:2], b.sections[link.b].heading[:2]) for link in pairing.links}
    assert ("五、", "四、") in named and ("二、", "四、") not in named
    assert ("五、", "五、") in named and ("二、", "二、") in named


def test_in_order_takes_the_near_tie_that_crosses_no_link():
    from erqi_diff.compare.grouping import Basis, Link, Relation, in_order

    o = outline([Section(f"{n}、部分", 2, ("内容。",)) for n in "一二三四五"])
    links = {(k, k): Link(k, k, 0.5, Relation.ONE, Basis.TOPIC) for k in (1, 2, 4)}
    # newer 3 (left over) scores 0.40 with older 1 and 0.39 with older 4: 4 keeps the order
    ranked = {(1, 3): 0.40, (4, 3): 0.39, (2, 3): 0.10}
    assert in_order((1, 3), 1, ranked, links, o) == (4, 3)
    # a clear best (0.40 against 0.30) stays, whatever the order
    assert in_order((1, 3), 1, {(1, 3): 0.40, (4, 3): 0.30}, links, o) == (1, 3)


@pytest.mark.parametrize(("heading", "whole"), [
    ("二、2015年工作总体部署", True), ("二、“十五”期间的奋斗目标和指导方针", True),
    ("二、2024年经济社会发展总体要求和政策取向", True), ("一、1998年工作回顾和1999年工作的总体要求", False),
    ("三、大力推进经济结构的战略性调整", False), ("（一）着力扩大国内需求。", False),
    ("今后五年建设和改革的目标、方针和任务", True), ("二、坚持长期稳定发展经济的方针", False),
    ("一、“九五”期间的目标和任务", True)])
def test_overall(heading, whole):
    from erqi_diff.compare.outline import overall

    assert overall(heading) is whole


@pytest.mark.parametrize(("heading", "holds", "whole"), [
    ("二、坚持长期稳定发展经济的方针", True, True),  # over its guidelines 第一…第六
    ("二、坚持实行扩大内需的方针", False, False),  # a task carrying out one guideline
    ("二、“七五”时期的基本任务和主要建设方针", True, True),
    ("一、牢固树立建设要依靠改革，改革要促进建设的指导思想，坚持把改革放在总揽全局的位置上", False, False),  # a lesson
    ("一、坚持正确方针，加快发展", True, False),  # clauses: a sentence, not the name of a part
    ("一、过去五年贯彻基本方针的回顾", True, False),  # a review
    ("三、加强农业", True, False)])
def test_overall_guidelines_set_out_below(heading, holds, whole):
    """A heading naming guidelines (方针) over sections setting them out one by one names the
    plan as a whole; a heading of clauses (a comma) is one lesson or task, not a part's name."""
    from erqi_diff.compare.outline import overall

    assert overall(heading, holds) is whole


def test_guidelines_part_goes_with_the_other_reports_goals_and_guidelines():
    """1987's 二、坚持长期稳定发展经济的方针 (its guidelines 第一… below it) against a report
    whose lessons come before its 今后五年…的目标、方针和任务: the guidelines part is not paired
    with a lesson sharing a few words (0.23 here: below the 0.25 an overall plan needs with a
    section that is not one), it goes with the other statement of the plan as a whole."""
    old = [Section("", 0, ("各位代表：现在，我代表国务院报告工作。",)),
           Section("一、当前国内形势", 2, ("去年经济增长了百分之八，取得了显著成绩。",)),
           Section("二、坚持长期稳定发展经济的方针", 2, ("要保持经济长期稳定发展，防止经济过热，坚持量力而行。",)),
           Section("第一，必须加强农业", 3, ("要增加农业投入，发展粮食生产。",)),
           Section("第二，必须控制建设规模", 3, ("要压缩基本建设投资，控制建设规模。",))]
    new = [Section("", 0, ("各位代表：现在，我代表国务院报告工作。",)),
           Section("五年来，经济体制改革取得了重大进展", 2, ("五年来，经济增长了，取得了显著成绩。",)),
           Section("二、无论建设还是改革，都必须坚持从实际出发", 2,
                   ("经验证明，建设和改革都必须从实际出发，解放思想，尊重实践，保持稳定。",)),
           Section("今后五年建设和改革的目标、方针和任务", 2, ("今后五年要深化改革，扩大开放，提高效益，建设和改革要协调。",)),
           Section("一、大力发展农业生产", 2, ("要增加农业投入，发展粮食生产。",)),
           Section("二、控制建设规模", 2, ("要压缩基本建设投资，控制建设规模。",))]
    pairing = pair_sections(old, new, 1987, 1988)
    assert pairing.partners_of_a(2) == [3]
    assert 2 in pairing.unpaired_b
    assert pairing.partners_of_a(3) == [4] and pairing.partners_of_a(4) == [5]


@pytest.mark.slow
def test_national_1987_guidelines_part_goes_with_1988_goals_and_guidelines(gwr_early_root):
    """Real data: 1987's 二、坚持长期稳定发展经济的方针 was paired at the floor (0.12) with 1988's
    lesson 二、无论建设还是改革…; it goes with 1988's 今后五年建设和改革的目标、方针和任务, as the
    annotators pair it, and 1986's 二 stays with it."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    project = load_project(gwr_early_root)
    for y0, y1, other in ((1987, 1988, "今后五年建设和改革的目标、方针和任务"),
                          (1986, 1987, "二、坚持长期稳定发展经济的方针")):
        a, b = load(project, y0), load(project, y1)
        pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
        named = [(a.sections[link.a].heading, b.sections[link.b].heading) for link in pairing.links]
        mine = "二、坚持长期稳定发展经济的方针" if y0 == 1987 else "二、“七五”时期的基本任务和主要建设方针"
        assert [y for x, y in named if x == mine] == [other]


@pytest.mark.slow
def test_national_tenth_plan_goals_are_not_read_as_a_task(gwr_early_root):
    """2001's 二、“十五”期间的奋斗目标和指导方针 (the plan's goals and guidelines as a whole)
    shares a little of every task's wording: it is not paired at a low score with 2000's
    structural-adjustment task nor with 2002's demand task (2000's 三 still goes on in 2001's
    三、四、五); with 2002 it goes to the untitled lead, where 2002 states its overall
    requirements (今年工作的总体要求是), and with 2000 it has no partner (2000 states none)."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    project = load_project(gwr_early_root)
    for y0, y1 in ((2000, 2001), (2001, 2002)):
        a, b = load(project, y0), load(project, y1)
        pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
        named = [(a.sections[link.a].heading, b.sections[link.b].heading) for link in pairing.links]
        assert not any("奋斗目标" in x + y for x, y in named if (x, y) != ("二、“十五”期间的奋斗目标和指导方针", ""))
        if y0 == 2001:
            assert ("二、“十五”期间的奋斗目标和指导方针", "") in named
        if y0 == 2000:
            assert sum(x.startswith("三、大力推进经济结构") for x, _ in named) == 3


@pytest.mark.slow
def test_national_2002_review_in_its_opening_goes_with_the_review_parts(gwr_early_root):
    """2002 has no review part: its address runs on into the review of 2001 under no heading.
    Its opening is read against 2001's 一、“九五”时期…的回顾 and 2003's 一、过去五年政府工作的回顾
    as well as against their openings."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    project = load_project(gwr_early_root)
    for y0, y1, review in ((2001, 2002, "一、“九五”时期"), (2002, 2003, "一、过去五年")):
        a, b = load(project, y0), load(project, y1)
        pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
        named = {(a.sections[link.a].heading, b.sections[link.b].heading) for link in pairing.links}
        assert ("", "") in named
        assert any((x == "" and y.startswith(review)) or (y == "" and x.startswith(review)) for x, y in named)
        if y0 == 2002:  # and 2003's achievements under its review part that share the opening's topics
            into = {y for x, y in named if x == ""}
            assert {"五年来，国民经济", "五年来，人民生活"} <= {y[:8] for y in into}
            assert not any(y.startswith(("五年来，外交", "（")) for y in into)


def test_a_report_with_its_own_review_part_keeps_openings_to_openings():
    # both reports have a review part: the openings pair with each other only
    old = [Section("", 0, ("各位代表：过去一年，我们取得了显著成绩，经济增长了百分之八。",)),
           Section("一、过去一年的工作回顾", 2, ("过去一年，经济增长了百分之八，粮食产量创历史新高。",))]
    new = [Section("", 0, ("各位代表：过去一年，我们取得了显著成绩，经济增长了百分之七。",)),
           Section("一、一年来工作回顾", 2, ("一年来，经济增长了百分之七，粮食产量创历史新高。",))]
    pairing = pair_sections(old, new, 2002, 2003)
    assert {(link.a, link.b) for link in pairing.links} <= {(0, 0), (1, 1)}


def test_a_join_never_takes_a_section_of_another_list_under_the_same_heading():
    from erqi_diff.compare.grouping import Basis, Link, Relation, join

    # 一 holds 五年来，A and 五年来，B; B holds the lessons （一）（二）: two tellings of one review
    old = [Section("", 0, ("开头。",)), Section("一、回顾", 2, ("回顾。",)), Section("五年来，甲", 2, ("甲。",)),
           Section("五年来，乙", 2, ("乙。",)), Section("（一）坚持丙", 3, ("丙。",)), Section("（二）坚持丁", 3, ("丁。",)),
           Section("二、建议", 2, ("建议。",))]
    oa = outline(old, 2003)
    ob = outline([Section("", 0, ("开头。",)), Section("一、回顾", 2, ("回顾。",)), Section("（一）甲乙", 3, ("甲。",))], 2004)
    links = {(2, 2): Link(2, 2, 0.3, Relation.ONE, Basis.TOPIC)}
    join(links, 4, 2, 0.2, oa, ob, joining_a=True)  # a lesson beside an achievement: refused
    assert (4, 2) not in links
    join(links, 3, 2, 0.2, oa, ob, joining_a=True)  # two achievements: a merge
    assert (3, 2) in links


def test_parts_after_a_review_told_in_the_opening_lean_to_the_plan():
    review = "过去一年，经济增长了百分之八，取得了显著成绩，完成了全年目标，实现了稳定增长。"
    fill = "加强市场体系建设，规范市场秩序，推动对外贸易发展，" * 40  # neither tense: the markers are few
    mixed = "我们推进改革。今年将扩大开放，要力争突破。" + fill
    past = "外交成果显著，访问取得成功，工作完成。今后继续推进。" + fill
    sections = [Section("", 0, (review,)), Section("一、扩大内需", 2, ("今年要扩大内需，将增加投资，要确保增长。",)),
                Section("二、扩大开放", 2, (mixed,)), Section("三、外交工作", 2, (past,))]
    o = outline(sections, 2002)
    assert o.role[0] is Role.REVIEW and o.role[2] is Role.PLAN  # undecided, leaning to the future: a plan
    assert o.role[3] is not Role.PLAN  # leaning to the past: left as its text tells
    # with a review part of its own, the opening tells nothing of the parts after it
    with_review = [sections[0], Section("一、过去一年工作回顾", 2, (review,)), *sections[1:]]
    assert outline(with_review, 2002).role[3] is Role.OTHER


def test_a_numbered_part_after_a_plan_part_is_no_review_by_its_tense_alone():
    # 1997's 六、确保香港政权的顺利交接… after four tasks tells much of what was done to prepare it
    past = "各项准备工作已经完成，取得了重大进展，实现了平稳过渡的条件，累计培训了大批人员。"
    plan = "今年要扩大内需，将增加投资，要确保增长，力争突破。"
    sections = [Section("", 0, ("各位代表：现在，我代表国务院报告工作。",)),
                Section("一、1996年国内工作的回顾", 2, (past,)), Section("二、保持经济发展的良好势头", 2, (plan,)),
                Section("三、确保政权的顺利交接", 2, (past,)), Section("四、过去五年的成就", 2, (past,))]
    o = outline(sections, 1997)
    assert o.role[1] is Role.REVIEW and o.role[2] is Role.PLAN
    assert o.role[3] is Role.OTHER  # its tense leans to the past, but a plan part came before it
    assert o.role[4] is Role.REVIEW  # its heading tells a review
    # before any plan part, the tense decides as before
    assert outline([sections[0], sections[3], sections[2]], 1997).role[1] is Role.REVIEW


def test_an_overall_plan_left_over_goes_where_the_other_report_states_its_overall_requirements():
    from erqi_diff.compare.grouping import states_overall

    review = "过去一年，经济增长了百分之八，粮食产量创历史新高，取得了显著成绩。"
    old = [Section("", 0, ("各位代表：现在，我代表国务院报告工作。",)),
           Section("一、过去一年的工作回顾", 2, (review,)),
           Section("二、今年工作的建议", 2, ("今年工作的总体要求是：坚持稳中求进，扩大内需，深化改革。",)),
           Section("三、着力扩大内需", 2, ("今年要扩大消费，将增加投资。",))]
    new = [Section("", 0, ("各位代表：现在，我代表国务院报告工作。",)),
           Section("一、过去一年的工作回顾和今年工作的总体要求", 2, (review, "做好今年的工作，要坚持稳中求进。")),
           Section("二、着力扩大国内需求", 2, ("今年要扩大消费，将增加投资。",))]
    assert [states_overall(s) for s in old] == [False, False, True, False]
    assert [states_overall(s) for s in new] == [False, True, False]
    pairing = pair_sections(old, new, 2003, 2004)
    assert 2 in pairing.partners_of_b(1) and 1 in pairing.partners_of_b(1)  # a merge into the review part's close
    assert pairing.partners_of_a(3) == [2]
    # two statements on the other side: which one is meant is not told, nothing is added
    from erqi_diff.compare.grouping import overall_links

    twice = [*new, Section("三、今年的总体要求", 2, ("今年工作的总体要求是：坚持稳中求进。",))]
    links: dict = {}
    overall_links(links, old, twice, outline(old, 2003), outline(twice, 2004))
    assert links == {}
    overall_links(links, old, new, outline(old, 2003), outline(new, 2004))
    assert set(links) == {(2, 1)}


def test_a_section_joins_a_pair_only_if_the_partner_ranks_it_among_its_first_two():
    from erqi_diff.compare.grouping import Basis, Link, Relation, supported

    links = {(0, 0): Link(0, 0, 0.5, Relation.ONE, Basis.TOPIC)}
    # newer 0's candidates of the older report: 0 (its partner), then 1, 2, 3
    ranked = {(0, 0): 0.5, (1, 0): 0.3, (2, 0): 0.25, (3, 0): 0.2, (3, 1): 0.22}
    assert supported(ranked, links, 1, 0, joining_a=True)
    assert supported(ranked, links, 2, 0, joining_a=True)  # behind 1 only
    assert not supported(ranked, links, 3, 0, joining_a=True)  # 1 and 2 are closer to newer 0
    links[1, 0] = Link(1, 0, 0.3, Relation.MERGE, Basis.TOPIC)  # 1 joined: the group does not count
    assert supported(ranked, links, 3, 0, joining_a=True)
    # a split: older 0's candidates of the newer report
    ranked2 = {(0, 0): 0.5, (0, 1): 0.2, (0, 2): 0.3, (0, 3): 0.28}
    assert not supported(ranked2, {(0, 0): links[0, 0]}, 0, 1, joining_a=False)
    assert supported(ranked2, {(0, 0): links[0, 0]}, 0, 3, joining_a=False)


def test_a_pair_barely_above_the_floor_takes_no_third_section():
    from erqi_diff.compare.grouping import JOIN_BASE, Basis, Link, Relation, supported

    ranked = {(0, 0): 0.3, (1, 0): 0.25}
    weak = {(0, 0): Link(0, 0, JOIN_BASE - 0.02, Relation.ONE, Basis.TOPIC)}
    firm = {(0, 0): Link(0, 0, JOIN_BASE + 0.02, Relation.ONE, Basis.TOPIC)}
    assert not supported(ranked, weak, 1, 0, joining_a=True)
    assert supported(ranked, firm, 1, 0, joining_a=True)
    outright = {(0, 0): Link(0, 0, 1.0, Relation.ONE, Basis.HEADING)}  # paired by heading
    assert supported(ranked, outright, 1, 0, joining_a=True)


def test_a_heading_with_a_section_of_text_of_its_own_does_not_follow_its_subsections():
    """1983's （一）关于经济建设 holds the five-year targets in text of its own, as long as its
    three points on state finance; one point goes on in 1984's 二 (基本建设). The heading does
    not go there with it: its own text is no opening line of its points but a topic of its own."""
    targets = ("今后五年，农业总产值要增长百分之二十，粮食产量要达到四亿吨，能源交通要抓好重点建设，"
               "人民生活要逐步改善，人口要控制在十亿五千万以内。") * 3
    old = [Section("", 0, ("各位代表：现在，我代表国务院报告工作。",)),
           Section("（一）关于经济建设", 3, (targets,)),
           Section("第一、大力提高经济效益，积极扩大财源", 4, ("要降低物质消耗，减少亏损，扩大财源。",)),
           Section("第二、合理分配国民收入", 4, ("要提高财政收入在国民收入中的比重。",)),
           Section("第三、正确地确定基本建设的总规模", 4, ("要控制基本建设总规模，保证重点建设，实行投资包干和招标承包。",)),
           Section("（二）关于外交工作", 3, ("我国坚持独立自主的和平外交政策，维护世界和平。",))]
    new = [Section("", 0, ("各位代表：现在，我代表国务院报告工作。",)),
           Section("一、改革建筑业和基本建设的管理体制", 2, ("基本建设要实行投资包干和招标承包，控制基本建设总规模。",)),
           Section("二、坚持独立自主的和平外交政策", 2, ("我国坚持独立自主的和平外交政策，维护世界和平。",))]
    pairing = pair_sections(old, new, 1983, 1984)
    assert pairing.partners_of_a(4) == [1]
    assert 1 in pairing.unpaired_a
    # the same heading opening its points with a line goes where they went
    opened = [*old[:1], Section("（一）关于经济建设", 3, ("下面讲三个问题。",)), *old[2:]]
    assert pair_sections(opened, new, 1983, 1984).partners_of_a(1) == [1]


@pytest.mark.slow
def test_national_1983_economic_part_and_1981_tenth_guideline_are_not_paired_by_their_subsections(gwr_early_root):
    """Real data: 1983's （一）关于经济建设 (2,437 characters of its own, its points 2,706) no
    longer merges into 1984's 二 with its point 第三, and 1981's 十、从一切为人民的思想出发…
    (2,136 characters of its own over a misplaced （三）我国经济发展的前景) no longer goes with
    1980's 第三，加强材料工业…, where that subsection went; both are shown removed/added."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    project = load_project(gwr_early_root)
    for y0, y1, side, heading in ((1983, 1984, 0, "（一）关于经济建设"),
                                  (1980, 1981, 1, "十、从一切为人民的思想出发，统筹安排生产建设和人民生活")):
        a, b = load(project, y0), load(project, y1)
        pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
        mine = (a, b)[side].sections
        k = next(i for i, s in enumerate(mine) if s.heading == heading)
        assert k in (pairing.unpaired_a, pairing.unpaired_b)[side]

"""Pairing sections and paragraphs (erqi_diff.compare.align)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.compare import align
from erqi_diff.compare.align import Kind, Pair, align_paragraphs, align_runs, bigrams, dice, merge, pair
from erqi_diff.compare import scoring, sections
from erqi_diff.compare.diff import compare, diff_sections, new_text, old_text
from erqi_diff.compare.outline import Role
from erqi_diff.compare.sections import Basis, Relation, pair_sections, present_year
from erqi_diff.core.document import Section
from erqi_diff.core.snapshot import load


@pytest.mark.parametrize("text, expected", [
    ("生态环境", {"生态": 1, "态环": 1, "环境": 1}),
    ("绿化，生态", {"绿化": 1, "生态": 1}),            # punctuation breaks a run
    ("新增567亿元", {"新增": 1, "增5": 1, "56": 1, "67": 1, "7亿": 1, "亿元": 1}),
    ("是。", {"是": 1}),                                 # a run of one counts as itself
    ("，。", {}),
    ("发展发展", {"发展": 2, "展发": 1}),
])
def test_bigrams(text, expected):
    assert dict(bigrams(text)) == expected


def _string_bigrams(text: str) -> frozenset[str]:
    """The definition bigram_set's ints stand for: two-character strings of
    the text with every run of non-letters read as one \\0."""
    marked = align._BREAK.sub("\0", text)
    return frozenset(a + b for a, b in zip(marked, marked[1:])) if len(marked) > 1 else frozenset((marked,))


@settings(max_examples=500, deadline=None)
@given(st.text("改革发展，。、12a 😀\n\0经济", max_size=14), st.text("改革发展，。、12a 😀\n\0经济", max_size=14))
def test_bigram_set_counts_as_the_string_bigrams(a, b):
    """Same sizes and same overlaps as the two-character strings, so Dice
    is the same (astral characters, NULs, empty and one-character texts too)."""
    x, y = align.bigram_set(a), align.bigram_set(b)
    assert len(x) == len(_string_bigrams(a))
    assert len(x & y) == len(_string_bigrams(a) & _string_bigrams(b))


@pytest.mark.parametrize("a, b, expected", [
    ("生态环境", "生态环境", 1.0),
    ("生态环境", "美丽田园", 0.0),
    ("生态环境保护", "生态环境", 2 * 3 / (5 + 3)),
    ("", "", 1.0),
])
def test_dice(a, b, expected):
    assert dice(frozenset(bigrams(a)), frozenset(bigrams(b))) == pytest.approx(expected)


def test_pair_keeps_order_and_marks_moves():
    # 1-2 and 2-1 cross: the chain with the greater summed similarity
    # (0-0, 2-1, 3-3) stays in place, 1-2 is moved
    scores = {(0, 0): 0.9, (1, 2): 0.8, (2, 1): 0.85, (3, 3): 0.9}
    pairs = {(p.a, p.b): p.moved for p in pair(4, 4, scores, threshold=0.3)}
    assert pairs == {(0, 0): False, (1, 2): True, (2, 1): False, (3, 3): False}


def test_pair_weak_crossing_pair_is_split_not_moved():
    scores = {(0, 1): 0.9, (1, 0): 0.35}  # crossing, second below the move threshold
    pairs = pair(2, 2, scores, threshold=0.3)
    assert [(p.a, p.b, p.moved) for p in pairs] == [(0, 1, False)]
    kinds = [s.kind for s in merge(2, 2, pairs)]
    assert kinds == [Kind.ADDED, Kind.PAIRED, Kind.REMOVED]


def test_pair_prefers_document_order_on_near_ties():
    scores = {(0, 0): 0.50, (0, 1): 0.51, (1, 1): 0.5}
    assert [(p.a, p.b) for p in pair(2, 2, scores, threshold=0.3)] == [(0, 0), (1, 1)]


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 7), st.integers(0, 7), st.data())
def test_merge_covers_every_unit_once_in_order(n, m, data):
    scores = {(i, j): data.draw(st.floats(0, 1)) for i in range(n) for j in range(m)}
    slots = merge(n, m, pair(n, m, scores, threshold=0.3))
    old = [s.a for s in slots if s.kind in (Kind.PAIRED, Kind.REMOVED, Kind.MOVED_OUT)]
    new = [s.b for s in slots if s.kind in (Kind.PAIRED, Kind.ADDED, Kind.MOVED_IN)]
    assert old == list(range(n))
    assert new == list(range(m))


def test_paragraphs_identical_moved_and_new():
    a = ["今年要坚持稳中求进，推动经济高质量发展。", "加快建设现代化产业体系，发展新质生产力。", "切实保障和改善民生。"]
    b = ["加快建设现代化产业体系，大力发展新质生产力。", "今年要坚持稳中求进，推动经济高质量发展。", "全新的一段话，与前文无关。"]
    slots = align_paragraphs(a, b)
    by_kind = {}
    for s in slots:
        by_kind.setdefault(s.kind, []).append((s.a, s.b))
    assert by_kind[Kind.PAIRED] == [(0, 1)]
    assert by_kind[Kind.MOVED_IN] == [(1, 0)] and by_kind[Kind.MOVED_OUT] == [(1, 0)]
    assert by_kind[Kind.REMOVED] == [(2, None)] and by_kind[Kind.ADDED] == [(None, 2)]
    moved = next(s for s in slots if s.kind is Kind.MOVED_IN)
    assert align.MOVE_THRESHOLD <= moved.similarity < 1


_KEPT = "在全市率先开展“掌上办事”“同区通办”、24小时自助服务"  # 28 characters, one clause


@pytest.mark.parametrize("old, new, paired", [
    # a clause kept word for word in two rewritten paragraphs: paired, though their Dice is low
    (f"高新技术产业增加值突破20亿元，专利申请量突破3500件，科技进步奖项11项，5名人才入围聚才计划。"
     f"{_KEPT}，代表本市迎接了国务院专项督查。",
     f"一直以来，本区不断深化简政放权，{_KEPT}。强化双创政策引领，将创新创业资金预算列入区级民生实事，"
     "众创空间等载体健康运行，起到了明显辐射带动作用。", True),
    # a shared formula clause in otherwise unrelated paragraphs: not a reason to pair
    ("展望未来的五年，我们将初步建立社会主义市场经济体制，全面完成第九个五年计划，任重而道远。我们相信，"
     "在以江泽民同志为核心的党中央领导下，依靠全国各族人民的智慧和力量，一定能够把现代化事业推向新世纪！",
     "敬爱的邓小平同志不幸逝世，是全国各族人民不可估量的损失。让我们化悲痛为力量，继承遗志，"
     "在以江泽民同志为核心的党中央领导下，把握大局，再接再厉，同心同德，夺取改革开放的新胜利！", False),
    # the same long clause, but a small share of two long paragraphs
    (f"{_KEPT}。农业生产稳定增长，粮食总产量再创新高，农民收入持续提高，农村公路通达所有行政村，"
     "农田水利设施不断完善，高标准农田建设稳步推进，种业振兴行动全面实施，农产品质量安全水平稳定向好，"
     "乡村旅游蓬勃发展，休闲农业园区数量翻番，家庭农场和合作社规范提升，农村人居环境整治三年行动圆满收官。",
     f"{_KEPT}。工业结构不断优化，高技术制造业增加值增长较快，企业效益明显改善，外贸进出口保持稳定，"
     "利用外资规模扩大，营商环境持续优化，市场主体活力增强，新登记企业数量大幅增长，"
     "数字经济核心产业增速领先，规上工业企业研发机构覆盖率提高，专精特新企业梯度培育成效显现。", False),
])
def test_paragraphs_sharing_a_clause(old, new, paired):
    assert dice(align.bigram_set(old), align.bigram_set(new)) < align.PARAGRAPH_THRESHOLD
    kinds = [s.kind for s in align_paragraphs([old], [new])]
    assert kinds == ([Kind.PAIRED] if paired else [Kind.REMOVED, Kind.ADDED])


def test_a_shared_clause_never_crosses_a_pair_above_the_threshold():
    keep = "各位代表，今年要坚持稳中求进，推动经济高质量发展。"
    a = [f"高新技术产业增加值突破20亿元，专利申请量突破3500件，科技进步奖项11项，5名人才入围聚才计划。"
         f"{_KEPT}，代表本市迎接了国务院专项督查。", keep]
    b = [keep, f"一直以来，本区不断深化简政放权，{_KEPT}。强化双创政策引领，将创新创业资金预算列入区级民生实事，"
         "众创空间等载体健康运行，起到了明显辐射带动作用。"]
    assert ({(s.a, s.b) for s in align_paragraphs(a[:1], b[1:]) if s.kind is Kind.PAIRED} == {(0, 0)})
    slots = align_paragraphs(a, b)
    assert [(s.kind, s.a, s.b) for s in slots if s.kind is Kind.PAIRED] == [(Kind.PAIRED, 1, 0)]


def test_erqi_2017_2018_keeps_the_sentence_both_reports_share(seeds_project):
    diff = compare(load(seeds_project, 2017), load(seeds_project, 2018), strip=False)
    kept = "".join(text for unit in diff.sections for block in unit.blocks for op, text in block.ops if op == "=")
    assert _KEPT in kept


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text("生态环境保护发展", min_size=1, max_size=8), max_size=6),
       st.lists(st.text("生态环境保护发展", min_size=1, max_size=8), max_size=6))
def test_align_runs_covers_both_runs_in_order(a, b):
    out = align_runs(a, b)
    assert [i for i, _ in out if i is not None] == list(range(len(a)))
    assert [j for _, j in out if j is not None] == list(range(len(b)))


def test_candidates_find_the_same_pairs_as_all_against_all(monkeypatch, gwr_project):
    a, b = load(gwr_project, 2024), load(gwr_project, 2025)
    exact = pair_sections(a.sections, b.sections, 2024, 2025)
    monkeypatch.setattr(scoring, "ALL_PAIRS_LIMIT", 0)
    assert pair_sections(a.sections, b.sections, 2024, 2025) == exact


def _links(project, y1, y2):
    """(older heading, newer heading) -> link, over the pairing of two years."""
    a, b = load(project, y1), load(project, y2)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    return {(a.sections[k.a].heading, b.sections[k.b].heading): k for k in pairing.links}, pairing, a, b


def test_erqi_2017_review_never_pairs_with_2021_plan(seeds_project):
    # the issue: 总结2017·直接引语 was paired with 在社会治理强化上争先出彩 (a 2021 task)
    links, pairing, _, b = _links(seeds_project, 2017, 2021)
    tasks = {s.heading for s in b.sections if s.heading.startswith("在") and s.heading.endswith("争先出彩")}
    assert len(tasks) == 6
    assert not [k for k in links if k[1] in tasks]  # 2017 is a review: it has no plan to pair them with
    assert all(pairing.roles_b[j] is Role.PLAN for j, s in enumerate(b.sections) if s.heading in tasks)
    # topics a reader pairs at a glance: industry and ecology go on in the 干 review of the 十三五
    assert ("产业升级", "“干”的态势更加强劲") in links
    assert ("生态环境", "“干”的态势更加强劲") in links
    assert all(0 < k.score <= 1 for k in links.values() if k.basis is Basis.TOPIC)


def test_national_2022_plan_pairs_with_2023_plan_not_its_review(gwr_project):
    links, _, _, b = _links(gwr_project, 2022, 2023)
    review_items = {s.heading for j, s in enumerate(b.sections) if j in b_children(b, "一、过去一年和五年工作回顾")}
    assert len(review_items) == 10
    assert not [k for k in links if k[1] in review_items]
    assert not [k for k in links if k[0] == "三、2022年政府工作任务" and k[1].startswith("（十）")]
    for expected in [("（三）坚定不移深化改革，更大激发市场活力和发展内生动力。", "（三）切实落实“两个毫不动摇”。"),
                 ("（四）深入实施创新驱动发展战略，巩固壮大实体经济根基。", "（二）加快建设现代化产业体系。"),
                 ("（六）大力抓好农业生产，促进乡村全面振兴。", "（六）稳定粮食生产和推进乡村振兴。"),
                 ("（七）扩大高水平对外开放，推动外贸外资平稳发展。", "（四）更大力度吸引和利用外资。"),
                 ("（八）持续改善生态环境，推动绿色低碳发展。", "（七）推动发展方式绿色转型。"),
                 ("（九）切实保障和改善民生，加强和创新社会治理。", "（八）保障基本民生和发展社会事业。"),
                 ("一、2021年工作回顾", "一、过去一年和五年工作回顾")]:
        assert expected in links, expected
    # the general requirements and the task list both go on in 2023's 二 (a merge)
    merged = [k for k in links if k[1] == "二、对今年政府工作的建议"]
    assert sorted(merged) == [("三、2022年政府工作任务", "二、对今年政府工作的建议"),
                              ("二、2022年经济社会发展总体要求和政策取向", "二、对今年政府工作的建议")]
    assert {links[k].relation for k in merged} == {Relation.MERGE}


def b_children(snap, heading):
    from erqi_diff.compare.outline import outline

    o = outline(snap.sections)
    (top,) = [i for i, s in enumerate(snap.sections) if s.heading == heading]
    return set(o.descendants(top))


def test_national_2024_2025_pair_task_by_task(gwr_project):
    links = _links(gwr_project, 2024, 2025)[0]
    assert ("一、2023年工作回顾", "一、2024年工作回顾") in links
    assert ("（九）加强生态文明建设，推进绿色低碳发展。",
            "（九）协同推进降碳减污扩绿增长，加快经济社会发展全面绿色转型。") in links
    assert ("（三）着力扩大国内需求，推动经济实现良性循环。", "（一）大力提振消费、提高投资效益，全方位扩大国内需求。") in links
    tasks = [k for k in links if k[0].startswith("（")]
    assert len(tasks) == 10 and all(links[k].relation is Relation.ONE for k in tasks)


def test_a_section_split_in_two_is_shown_as_a_split(gwr_project):
    # 2013's task on agriculture and urban-rural integration became 2014's two tasks
    from erqi_diff.compare.diff import compare

    old = "（二）强化农业农村发展基础，推动城乡发展一体化。"
    links, _, a, b = _links(gwr_project, 2013, 2014)
    parts = sorted(k[1] for k in links if k[0] == old)
    assert parts == ["（五）推进以人为核心的新型城镇化。", "（四）促进农业现代化和农村改革发展。"]
    assert {links[old, p].relation for p in parts} == {Relation.SPLIT}
    shown = [s for s in compare(a, b, strip=False).sections if s.from_heading == old]
    assert [s.to_heading for s in shown] == sorted(parts, reverse=True)
    assert all(s.relation is Relation.SPLIT for s in shown)
    assert [p.heading for p in shown[0].also_to] == [shown[1].to_heading]
    # the older section's paragraphs are shared out, each shown once
    held = [k for s in shown for k in s.from_sections[0].paragraphs]
    assert sorted(held) == list(range(len(a.sections[shown[0].from_index].paragraphs)))


TOPICS = {"生态": ("加强生态环境保护，治理大气污染，建设公园绿地和生态廊道，改善空气质量。",
                   "推进生态廊道和公园绿地建设，持续治理大气污染，空气优良天数增加。"),
          "民生": ("办好民生实事，新建学校和养老服务中心，发放困难群众救助补贴。",
                   "新建学校八所，建设养老服务中心，提高困难群众救助标准。"),
          "产业": ("推动主导产业升级，引进商贸物流和现代服务业重大项目，培育新兴产业。",
                   "引进现代服务业和商贸物流重大项目，培育新兴产业，推动产业升级。")}


def test_hand_made_split_and_merge():
    old = [Section("", 0, ("导语，回顾一年工作。",)),
           Section("一、生态和民生", 2, (TOPICS["生态"][0], TOPICS["民生"][0])),
           Section("二、产业", 2, (TOPICS["产业"][0],))]
    new = [Section("", 0, ("导语，回顾一年工作。",)),
           Section("一、生态", 2, (TOPICS["生态"][1],)), Section("二、民生", 2, (TOPICS["民生"][1],)),
           Section("三、产业", 2, (TOPICS["产业"][1],))]
    pairing = pair_sections(old, new)
    assert {(k.a, k.b, k.relation) for k in pairing.links} == {
        (0, 0, Relation.ONE), (1, 1, Relation.SPLIT), (1, 2, Relation.SPLIT), (2, 3, Relation.ONE)}
    back = pair_sections(new, old)  # the other way round it is a merge
    assert {(k.a, k.b, k.relation) for k in back.links} == {
        (0, 0, Relation.ONE), (1, 1, Relation.MERGE), (2, 1, Relation.MERGE), (3, 2, Relation.ONE)}


def test_below_the_floor_nothing_is_paired():
    old = [Section("一、生态", 2, (TOPICS["生态"][0],))]
    new = [Section("一、产业", 2, (TOPICS["产业"][1],))]
    pairing = pair_sections(old, new)
    assert pairing.links == () and pairing.unpaired_a == (0,) and pairing.unpaired_b == (0,)


# bad input: each gives sensible pairs and no crash

def test_reports_without_headings():
    old = [Section("", 0, (TOPICS["生态"][0], TOPICS["民生"][0]))]
    new = [Section("", 0, (TOPICS["民生"][1], TOPICS["生态"][1], TOPICS["产业"][1]))]
    pairing = pair_sections(old, new)
    assert [(k.a, k.b) for k in pairing.links] == [(0, 0)]
    (s,) = diff_sections(old, new)
    assert (old_text(s.ops), new_text(s.ops)) == (old[0].text, new[0].text)


def test_a_single_section_against_many():
    old = [Section("工作报告", 1, tuple(p[0] for p in TOPICS.values()))]
    new = [Section(name, 2, (texts[1],)) for name, texts in TOPICS.items()]
    pairing = pair_sections(old, new)
    assert sorted(k.b for k in pairing.links) == [0, 1, 2] and {k.a for k in pairing.links} == {0}
    assert {k.relation for k in pairing.links} == {Relation.SPLIT}
    sections = diff_sections(old, new)
    assert sorted(k for s in sections for p in s.from_sections for k in p.paragraphs) == [0, 1, 2]
    assert [s.to_heading for s in sections] == list(TOPICS)


def test_identical_headings_in_another_order():
    old = [Section(name, 2, (texts[0],)) for name, texts in TOPICS.items()]
    new = [Section(name, 2, (texts[1],)) for name, texts in reversed(TOPICS.items())]
    pairing = pair_sections(old, new)
    assert {(old[k.a].heading, new[k.b].heading) for k in pairing.links} == {(h, h) for h in TOPICS}
    sections = diff_sections(old, new)
    assert sum(s.moved for s in sections) == 2 and all(s.status.value == "matched" for s in sections)


def test_a_heading_repeated_inside_one_report(seeds_project):
    # 2017 has 总结2017·直接引语 twice (two leaders' quotes): each is shown once, nothing crashes
    a, b = load(seeds_project, 2017), load(seeds_project, 2018)
    twice = [i for i, s in enumerate(a.sections) if s.heading == "总结2017·直接引语"]
    assert len(twice) == 2
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    assert not any(k.basis is Basis.HEADING for k in pairing.links if k.a in twice)
    same = [Section("引语", 2, ("第一位领导说，要加快发展。",)), Section("引语", 2, ("第二位领导说，要改善民生。",))]
    pairing = pair_sections(same, list(reversed(same)))
    assert {(k.a, k.b) for k in pairing.links} == {(0, 1), (1, 0)}


def test_empty_title_section_does_not_disturb_the_pairs(gwr_project):
    a, b = load(gwr_project, 2024), load(gwr_project, 2025)
    titled = [Section("政府工作报告", 2, ()), *b.sections]
    plain = {(a.sections[k.a].heading, b.sections[k.b].heading)
             for k in pair_sections(a.sections, b.sections, 2024, 2025).links}
    with_title = {(a.sections[k.a].heading, titled[k.b].heading)
                  for k in pair_sections(a.sections, titled, 2024, 2025).links}
    assert {p for p in with_title if p[1] != "政府工作报告"} == plain


def test_pair_result_type():
    assert isinstance(pair(1, 1, {(0, 0): 1.0}, 0.5)[0], Pair)


def _scorer_totals(roots: dict):
    import sys

    from conftest import REPO

    sys.path.insert(0, str(REPO / "benchmarks"))
    import score_sections

    return score_sections, score_sections.series_totals(score_sections.score_all(roots))


def test_the_scorer_floors_reached(seeds_root, gwr_root):
    """The section pairing against the hand-made pairs of
    benchmarks/devsets/sections/ (in-sample: the floors are what the pairing
    reaches, rounded down, so that a change that loses ground fails)."""
    score_sections, totals = _scorer_totals({"seeds": seeds_root, "gwr": gwr_root})
    for part, floors in score_sections.FLOORS.items():
        for name in ("seeds", "gwr"):
            precision, recall = floors[name]
            tally = getattr(totals[name], part)
            assert tally.precision >= precision and tally.recall >= recall, (part, name, tally)


def test_the_scorer_floors_reached_early(seeds_root, gwr_root, gwr_early_root):
    """The same for the national reports 1993-2005 and all three series together."""
    score_sections, totals = _scorer_totals({"seeds": seeds_root, "gwr": gwr_root, "gwr-early": gwr_early_root})
    for part, floors in score_sections.FLOORS.items():
        for name in ("gwr-early", "overall"):
            precision, recall = floors[name]
            tally = getattr(totals[name], part)
            assert tally.precision >= precision and tally.recall >= recall, (part, name, tally)


def test_the_news_leads_of_two_meeting_reports_pair_by_role(seeds_project):
    # a reader pairs the leads of two news reports on meetings (the date and 召开…) whatever their topics
    def lead_pair(older: int, newer: int) -> tuple[str, str]:
        a, b = load(seeds_project, older), load(seeds_project, newer)
        pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
        (link,) = [k for k in pairing.links if "召开" in "".join(a.sections[k.a].paragraphs[:2])
                   and "召开" in "".join(b.sections[k.b].paragraphs[:2])]
        return a.sections[link.a].heading, b.sections[link.b].heading

    assert lead_pair(2016, 2017) == ("2016，各项工作取得新突破、呈现新气象、开创新局面",
                                     "GDP增长9%，150个重大项目完成投资470亿元8所学校建成投用")
    assert lead_pair(2019, 2021)[1] == "加快“三个二七”争先出彩全面推进有活力有秩序有品质的高质量发展"


@pytest.mark.parametrize("paragraphs, lead", [
    (["开头。", "1月13日，二七区召开区委全体会议。", "其他。"], 1),
    (["1月13日，二七区召开区委全体会议。", "3月5日，召开另一次会议。"], None),   # two: no lead told
    (["甲。", "乙。", "丙。", "5月6日召开的会议。"], None),                         # not among the first sections
    (["二七区全年完成投资470亿元。"], None),                                       # no meeting at all
])
def test_news_lead(paragraphs, lead):
    secs = [Section(f"标题{k}", 2, (p,)) for k, p in enumerate(paragraphs)]
    assert sections._news_lead(secs) == lead


def test_the_untitled_openings_pair_whatever_they_hold():
    # the address before the first heading is read against the other report's, even when
    # topic would not pair them (one tells the year's plan, the other holds the review)
    old = [Section("", 0, ("各位代表：今年起实施新的五年计划，要扩大内需，增加农民收入。",)),
           Section("一、生态", 2, (TOPICS["生态"][0],))]
    new = [Section("", 0, ("各位代表：过去一年，国民经济保持良好势头，完成了预定目标。",)),
           Section("一、生态", 2, (TOPICS["生态"][1],))]
    pairing = pair_sections(old, new, 2001, 2002)
    assert {(k.a, k.b, k.basis) for k in pairing.links} == {(0, 0, Basis.OUTLINE), (1, 1, Basis.HEADING)}
    # an opening under a heading is no untitled opening: nothing is paired outright
    titled = [Section("导语", 2, new[0].paragraphs), new[1]]
    assert (0, 0) not in {(k.a, k.b) for k in pair_sections(old, titled, 2001, 2002).links}


@pytest.mark.slow
def test_national_openings_pair_across_roles(gwr_early_root):
    # 2002 opens with its review of 2001 under no heading; 2001's opening announces the plan
    from erqi_diff.core.project import load_project

    project = load_project(gwr_early_root)
    for older, newer in ((1980, 1981), (2001, 2002)):
        a, b = load(project, older), load(project, newer)
        pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
        assert a.sections[0].heading == b.sections[0].heading == ""
        assert 0 in pairing.partners_of_a(0), (older, newer)


def test_a_section_left_over_merges_into_a_pair_made_by_its_heading():
    # 二、产业 keeps its heading; the older 三、生态 has no section of its own in the newer report,
    # whose 二、产业 now also tells the ecology work: a merge into the pair made by the heading
    old = [Section("一、民生", 2, (TOPICS["民生"][0],)), Section("二、产业", 2, (TOPICS["产业"][0],)),
           Section("三、生态", 2, (TOPICS["生态"][0],))]
    new = [Section("一、民生", 2, (TOPICS["民生"][1],)),
           Section("二、产业", 2, (TOPICS["产业"][1], TOPICS["生态"][1]))]
    pairing = pair_sections(old, new)
    assert {(k.a, k.b, k.relation) for k in pairing.links} == {
        (0, 0, Relation.ONE), (1, 1, Relation.MERGE), (2, 1, Relation.MERGE)}
    # a pair kept word for word holds nothing of a third section
    kept = [new[0], Section("二、产业", 2, (TOPICS["产业"][0],))]
    assert pair_sections(old, kept).unpaired_a == (2,)


@pytest.mark.slow
def test_national_1993_part_merges_into_the_1994_part_of_the_same_heading(gwr_early_root):
    # 1994's 三、加快建立社会主义市场经济体制 also carries the 机构改革 1993 had as part 四
    from erqi_diff.core.project import load_project

    project = load_project(gwr_early_root)
    a, b = load(project, 1993), load(project, 1994)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    links = {(a.sections[k.a].heading, b.sections[k.b].heading): k.relation for k in pairing.links}
    assert links[("四、认真进行行政管理体制和政府机构改革", "三、加快建立社会主义市场经济体制")] is Relation.MERGE

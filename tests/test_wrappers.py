"""Regrouped headings (erqi_diff.compare.fold.find_regrouped): a heading
without a partner, with no text of its own or a line, over sections that are
paired, is neither added nor removed; and how the views name it."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.compare.diff import Status, compare, diff_sections
from erqi_diff.compare.fold import LINE_CHARS, FoldKind
from erqi_diff.compare.lineage import lineage
from erqi_diff.compare.outline import outline
from erqi_diff.compare.sections import pair_sections, present_year
from erqi_diff.core.document import Section
from erqi_diff.core.snapshot import load, load_many
from erqi_diff.summarize.changelog import SectionStatus, section_changes
from erqi_diff.views.encode import dumps
from erqi_diff.views.markdown import render_sections
from erqi_diff.views.terminal.diff import section_title

LEAD = Section("", 0, ("各位代表：现在，我代表区委常委会，向全会报告工作。",))
ECONOMY = ("上半年，全区地区生产总值完成三百二十亿元，同比增长百分之八，一百七十五个重大项目完成投资二百五十亿元，"
           "新签约重点产业项目五个，招商引资综合评价全市第一，放管服改革纵深推进。")
HOMES = ("上半年，老旧小区改造设计完成一百五十八个，新建中小学校七所，新增优质学位一万一千个，民生支出占一般公共预算支出七成，"
         "温暖二七品牌效益持续扩大。")
PLAN = ("下半年，要加快重大项目建设，确保项目投资按节点完成，持续推进城市精细化管理，力争生活垃圾分类覆盖率达到七成以上，"
        "确保八个安置房项目年底前实现回迁。")


def _older(wrapper: Section) -> list[Section]:
    return [LEAD, wrapper,
            Section("经济运行稳中向好", 3, (ECONOMY,)),
            Section("民生福祉持续改善", 3, (HOMES,)),
            Section("下半年重点工作", 2, (PLAN,))]


def _newer(label: str = "“进、暖”") -> list[Section]:
    """A flat outline: a bare label over the two reviews (a heading without
    text ends it: 蓝图 labels the plan)."""
    return [LEAD, Section(label, 2, ()),
            Section("“进”的态势持续巩固", 2, (ECONOMY.replace("上半年", "过去一年").replace("八", "七"),)),
            Section("“暖”的态势全域涌动", 2, (HOMES.replace("上半年", "过去一年"),)),
            Section("绘就蓝图", 2, ()),
            Section("今年重点工作", 2, (PLAN.replace("下半年", "今年"),))]


def _spread() -> list[Section]:
    """The two reviews as parts of their own, under no heading."""
    return [s for k, s in enumerate(_newer()) if k not in (1, 4)]


def _by_heading(units, heading):
    return [u for u in units if heading in (u.from_heading, u.to_heading)]


def test_a_wrapper_whose_sections_pair_into_one_part_is_regrouped_both_ways():
    """上半年成绩不错 (no text) over two reviews, against a bare label over the
    same two reviews: neither is added or removed; each names the other as
    the section holding its sections' partners; no pair is claimed."""
    a, b = _older(Section("上半年成绩不错", 2, ())), _newer()
    pairing = pair_sections(a, b, 2019, 2021)
    assert 1 in pairing.unpaired_a and 1 in pairing.unpaired_b  # never paired
    kinds = {(f.kind, f.section): f for f in pairing.folds}
    assert kinds[FoldKind.UNWRAPPED, 1].host == 1 and kinds[FoldKind.UNWRAPPED, 1].held == (2, 3)
    assert kinds[FoldKind.WRAPPED, 1].host == 1 and kinds[FoldKind.WRAPPED, 1].held == (2, 3)
    units = diff_sections(a, b, present=(2019, 2021))
    (old,) = _by_heading(units, "上半年成绩不错")
    (new,) = _by_heading(units, "“进、暖”")
    assert old.status is Status.REGROUPED and not old.to_sections and old.host.heading == "“进、暖”"
    assert new.status is Status.REGROUPED and not new.from_sections and new.host.heading == "上半年成绩不错"
    assert [p.heading for p in old.held] == ["经济运行稳中向好", "民生福祉持续改善"]
    assert old.below == 2 and new.below == 2
    assert str(section_title(old)) == ("@@ 上半年成绩不错 → regrouped: both sections under it paired with sections in "
                                       "“进、暖” (no heading of its own there)")
    assert str(section_title(new)).startswith("@@ regrouped: both sections under it paired from sections in 上半年成绩不错")


def test_a_wrapper_whose_sections_spread_has_no_host():
    """The newer report holds the two reviews as parts of their own, under
    no heading: the wrapper is regrouped, its sections 'in several parts'."""
    a, b = _older(Section("上半年成绩不错", 2, ())), _spread()
    units = diff_sections(a, b, present=(2019, 2021))
    (old,) = _by_heading(units, "上半年成绩不错")
    assert old.status is Status.REGROUPED and old.host is None and len(old.held) == 2
    assert "in several parts" in str(section_title(old))
    stats = compare_stats(units)
    assert stats.regrouped == 1 and stats.removed == 0


def compare_stats(units):
    from erqi_diff.compare.diff import make_stats

    return make_stats(units)


def test_a_wrapper_with_text_of_its_own_keeps_todays_reading():
    """Two paragraphs of its own (or one longer than a line) make a part in
    its own right: paired by the outline where its sections went under one
    heading, and removed where they spread, as before; a line of
    LINE_CHARS is regrouped."""
    words = "上半年，全区上下克难攻坚，经济社会发展稳中有进，各项工作取得新成效"
    two = (words + "。", words + "，成绩来之不易。")
    units = diff_sections(_older(Section("上半年成绩不错", 2, two)), _newer(), present=(2019, 2021))
    (old,) = _by_heading(units, "上半年成绩不错")
    assert old.status is Status.MATCHED and old.to_heading == "“进、暖”" and not old.held
    for own, status in [(two, Status.REMOVED), (("成" * (LINE_CHARS + 1),), Status.REMOVED),
                        (("成" * LINE_CHARS,), Status.REGROUPED)]:
        units = diff_sections(_older(Section("上半年成绩不错", 2, own)), _spread(), present=(2019, 2021))
        (old,) = _by_heading(units, "上半年成绩不错")
        assert old.status is status, own


def test_a_wrapper_whose_sections_are_all_unpaired_stays_added():
    """2018 has no plan: 2019's 下半年打算这样干 and its tasks are added, the
    heading with them (nothing under it goes on)."""
    a = _older(Section("上半年成绩不错", 2, ()))[:4]
    b = [*_older(Section("上半年成绩不错", 2, ()))[:4], Section("下半年打算这样干", 2, ()),
         Section("抓好项目建设", 3, (PLAN,)),
         Section("提升城市管理", 3, ("下半年，将持续推进以路长制为抓手的城市精细化管理改革。",))]
    units = diff_sections(a, b, present=(2018, 2019))
    (plan,) = _by_heading(units, "下半年打算这样干")
    assert plan.status is Status.ADDED and not plan.held


def test_seeds_2018_2019(seeds_project):
    """The 2019 half-year review 上半年成绩不错 and 民生: their sections are
    paired with 2018's parts (2018 reviews the same half year), so they are
    regrouped, not added; the plan 下半年打算这样干 (2018 has none) stays added."""
    result = compare(load(seeds_project, 2018), load(seeds_project, 2019), strip=False)
    by = {s.to_heading: s for s in result.sections if not s.from_sections}
    assert by["上半年成绩不错"].status is Status.REGROUPED and by["上半年成绩不错"].host is None
    assert [p.heading for p in by["上半年成绩不错"].held] == ["经济上半年GDP同比增长8%", "对158个老旧小区提升改造"]
    assert by["民生"].status is Status.REGROUPED
    assert by["下半年打算这样干"].status is Status.ADDED
    assert result.stats.regrouped == 2 and result.stats.added == 6


def test_seeds_2019_2021(seeds_project):
    """The review label of 2021 holds the partners of sections under 2019's
    review wrapper, which pairs with 2021's verdict 书写“十三五”答卷 (both
    sum up the period reviewed: compare/verdict.py); 民生's one section went
    into “暖”; the plan wrappers stay paired by the outline; nothing is removed."""
    result = compare(load(seeds_project, 2019), load(seeds_project, 2021), strip=False)
    regrouped = {(s.from_heading, s.to_heading): s.host.heading if s.host else None
                 for s in result.sections if s.status is Status.REGROUPED}
    assert regrouped == {(None, "“进、干、暖、严”"): "上半年成绩不错", ("民生", None): "“暖”的态势全域涌动"}
    assert any(s.from_heading == "下半年打算这样干" and s.to_heading == "绘就“十四五”蓝图" for s in result.sections)
    assert any(s.from_heading == "上半年成绩不错" and s.to_heading == "书写“十三五”答卷" and s.status is Status.MATCHED
               for s in result.sections)
    assert result.stats.removed == 0 and result.stats.regrouped == 2
    data = json.loads(dumps("diff", result))
    (unit,) = [s for s in data["sections"] if s["to_heading"] == "“进、干、暖、严”"]
    assert unit["status"] == "regrouped" and unit["host"]["heading"] == "上半年成绩不错"
    assert [p["heading"] for p in unit["held"]] == ["书写“十三五”答卷", "“进”的态势持续巩固", "“干”的态势更加强劲",
                                                  "“暖”的态势全域涌动"]
    assert data["stats"]["regrouped"] == 2
    changes = section_changes(result)
    assert sum(c.status is SectionStatus.REGROUPED for c in changes.changes) == 2
    lines = render_sections(changes)
    assert "3 added, 0 removed, 0 unchanged, 2 headings over paired sections" in lines[2]
    assert ("- Regrouped (4 of the 5 sections under it paired from sections in 上半年成绩不错; no heading of its own in "
            "the older report): “进、干、暖、严”") in lines


def test_sections_view_lists_regrouped_headings_apart(seeds_project):
    """erqi-diff sections: the regrouped headings are not 'in one report only'."""
    result = lineage(load_many(seeds_project))
    over = {(n.year, n.heading) for n in result.regrouped}
    assert {(2019, "上半年成绩不错"), (2019, "民生"), (2021, "“进、干、暖、严”")} <= over
    alone = {(c.nodes[0].year, c.nodes[0].heading) for c in result.alone()}
    assert not alone & over
    # the two verdicts regrouped against one report and paired with the other's verdict (compare/verdict.py) are in chains
    paired = {(2017, "2017攻坚克难、务实重干，取得瞩目业绩"), (2019, "上半年成绩不错")}
    assert paired <= over
    assert {(c.nodes[0].year, c.nodes[0].heading) for c in result.regrouped_chains()} == over - paired


def test_national_task_umbrellas(gwr_project):
    """三、2014年重点工作 (one line, nine tasks) against 2015's tasks as parts;
    2022's 三、2022年政府工作任务 against 2015's: regrouped, in several parts."""
    snaps = {s.year: s for s in load_many(gwr_project)}
    for older, newer, heading in ((2014, 2015, "三、2014年重点工作"), (2015, 2022, "三、2022年政府工作任务")):
        result = compare(snaps[older], snaps[newer], strip=False)
        (unit,) = [s for s in result.sections if heading in (s.from_heading, s.to_heading)]
        assert unit.status is Status.REGROUPED and unit.host is None and len(unit.held) == 9


def test_regrouped_keep_their_rules_on_real_pairs(gwr_project, seeds_project):
    """Every regrouped heading of the national and Erqi series: unpaired,
    with sections below it, at most a line of text, the sections in ``held``
    paired and below it, its host (if any) is or holds all their partners."""
    seen = 0
    for project in (gwr_project, seeds_project):
        snaps = load_many(project)
        for older, newer in zip(snaps, snaps[1:]):
            a, b = older.sections, newer.sections
            pairing = pair_sections(a, b, present_year(older), present_year(newer))
            oa, ob = outline(a, present_year(older)), outline(b, present_year(newer))
            for fold in pairing.folds:
                if fold.kind not in (FoldKind.UNWRAPPED, FoldKind.WRAPPED):
                    continue
                seen += 1
                older_side = fold.kind is FoldKind.UNWRAPPED
                mine, theirs, sections = (oa, ob, a) if older_side else (ob, oa, b)
                unpaired = pairing.unpaired_a if older_side else pairing.unpaired_b
                partners = pairing.partners_of_a if older_side else pairing.partners_of_b
                own = sections[fold.section].paragraphs
                assert fold.section in unpaired and mine.children[fold.section]
                assert not own or (len(own) == 1 and len(own[0]) <= LINE_CHARS)
                assert fold.held and set(fold.held) <= set(mine.descendants(fold.section))
                found = [q for k in fold.held for q in partners(k)]
                assert found
                if fold.host is not None:
                    assert all(q == fold.host or fold.host in theirs.ancestors(q) for q in found)
    assert seen == 11  # 2014, 2022 national; 9 Erqi (2017攻坚克难… against 2016, 上半年成绩不错 against 2021: verdicts, paired)


def test_a_nested_wrapper_is_no_section_of_its_own_count():
    """民生 (no text) under 上半年成绩不错 holds one paired section: the outer
    wrapper counts its two sections with text, not the heading between."""
    a = _older(Section("上半年成绩不错", 2, ()))
    a = [*a[:3], Section("民生", 3, ()), Section("民生福祉持续改善", 4, (HOMES,)), a[4]]
    units = diff_sections(a, _spread(), present=(2019, 2021))
    (outer,) = _by_heading(units, "上半年成绩不错")
    (inner,) = _by_heading(units, "民生")
    assert outer.status is inner.status is Status.REGROUPED
    assert (len(outer.held), outer.below) == (2, 2) and (len(inner.held), inner.below) == (1, 1)
    assert inner.host.heading == "“暖”的态势全域涌动" and outer.host is None
    assert str(section_title(inner)).startswith("@@ 民生 → regrouped: the section under it paired with sections in ")


def test_part_of_reads_the_counts():
    from erqi_diff.views.format import part_of

    assert [part_of(*c, "section") for c in ((1, 1), (2, 2), (9, 9), (2, 3), (1, 12))] == [
        "the section", "both sections", "all 9 sections", "2 of the 3 sections", "1 of the 12 sections"]


@settings(deadline=None, max_examples=40)
@given(st.lists(st.booleans(), min_size=8, max_size=8), st.integers(0, LINE_CHARS + 40))
def test_regrouped_invariants(keep, line):
    """Whatever sections the two reports keep, and however long the
    wrapper's line: a regrouped unit has no partner, stands over sections
    (its held ones paired in units of their own), and is counted apart."""
    wrapper = Section("上半年成绩不错", 2, ("成" * line,) if line else ())
    a = [s for s, k in zip(_older(wrapper), keep[:5]) if k or s is wrapper]
    b = [s for s, k in zip(_newer(), keep[3:] + keep[:1]) if k]
    units = diff_sections(a, b, present=(2019, 2021))
    paired = {("a", p.index) for u in units if u.status is Status.MATCHED for p in u.from_sections}
    paired |= {("b", p.index) for u in units if u.status is Status.MATCHED for p in u.to_sections}
    for u in units:
        if u.status is not Status.REGROUPED:
            assert not u.held and not u.below
            continue
        side, own = ("a", u.from_sections) if u.from_sections else ("b", u.to_sections)
        assert len(own) == 1 and not (u.from_sections and u.to_sections)
        assert (side, own[0].index) not in paired and u.held and len(u.held) <= u.below
        assert all((side, p.index) in paired for p in u.held)
        text = (a if side == "a" else b)[own[0].index].paragraphs
        assert not text or (len(text) == 1 and len(text[0]) <= LINE_CHARS)
    stats = compare_stats(units)
    assert stats.regrouped == sum(u.status is Status.REGROUPED for u in units)
    assert stats.added + stats.removed + stats.regrouped + stats.folded + stats.drawn == sum(
        u.status is not Status.MATCHED for u in units)

"""Sections folded into (drawn out of) the text of a paired section
(erqi_diff.compare.fold), and how the views name them."""

from __future__ import annotations

import json

from erqi_diff.compare.diff import Status, compare, diff_sections
from erqi_diff.compare.fold import FOLD_FLOOR, FoldKind
from erqi_diff.compare.lineage import EventKind, lineage
from erqi_diff.compare.outline import outline
from erqi_diff.compare.sections import pair_sections, present_year
from erqi_diff.compare.topics import passages
from erqi_diff.core.document import Section
from erqi_diff.core.snapshot import load, load_many

LEAD = Section("", 0, ("各位代表：现在，我代表国务院，向大会报告政府工作。",))
TASKS = [
    Section("二、今年工作任务", 2, ("今年要着力稳增长稳就业稳物价，确保完成全年目标。",)),
    Section("（一）深化改革，激发市场活力。", 3, (
        "坚持深化改革，深入开展营商环境创新试点，持续推进国有企业改革，支持民营企业发展壮大。",)),
    Section("（二）坚持创新驱动，建设现代化产业体系。", 3, (
        "坚持创新驱动发展，深入开展关键核心技术攻关，持续深化科技体制改革，推动制造业高端化智能化绿色化。",)),
    Section("（三）保障和改善民生。", 3, (
        "坚持在发展中保障和改善民生，深入开展就业促进行动，持续深化医药卫生体制改革，健全社会保障体系。",)),
]
SUMMARY = ("面对复杂严峻的国际环境和艰巨繁重的改革发展稳定任务，我们坚持稳中求进工作总基调，经济社会发展取得{}，"
           "国内生产总值稳步增长，城镇新增就业保持较高水平，居民消费价格总体平稳，经济运行保持在合理区间，人民生活水平持续提高。")
# a last report of a term: five years reviewed in subsections
FIVE_YEARS = [
    LEAD,
    Section("一、过去五年工作回顾", 2, ("过去五年，" + SUMMARY.format("重大成就"), "五年来，我们攻坚克难，主要做了以下工作。")),
    Section("（一）稳定粮食生产，推进乡村振兴。", 3, (
        "粮食产量连续五年稳定在一万三千亿斤以上，高标准农田建设累计完成四亿亩，种业振兴行动深入实施，农村人居环境整治扎实推进，"
        "乡村振兴取得新进展。",)),
    Section("（二）加强生态环境保护，推动绿色低碳发展。", 3, (
        "蓝天碧水净土保卫战取得显著成效，地级市细颗粒物浓度下降，重点流域水质持续改善，可再生能源装机规模居世界首位，"
        "生态环境保护督察全面推开。",)),
    Section("（三）扩大对外开放，深化国际经贸合作。", 3, (
        "进出口总额连续增长，外商投资准入负面清单大幅缩减，自由贸易试验区布局扩大，共建一带一路合作走深走实，稳外贸稳外资政策落地见效。",)),
    # a topic the next year's review does not tell
    Section("（四）巩固国防，加强军队现代化建设。", 3, (
        "坚持政治建军改革强军，练兵备战深入开展，海上维权执法有力有效，退役军人服务保障体系逐步健全，双拥共建持续深化。",)),
    *TASKS,
]
# the next report: one year reviewed in paragraphs 一是…三是
ONE_YEAR = [
    LEAD,
    Section("一、过去一年工作回顾", 2, (
        "过去一年，" + SUMMARY.format("新成就"),
        "过去一年，我们攻坚克难，主要做了以下工作。",
        "一是稳定粮食生产，推进乡村振兴。粮食产量稳定在一万三千亿斤以上，新建高标准农田八千万亩，种业振兴行动取得进展，乡村振兴扎实推进。",
        "二是加强生态环境保护。蓝天碧水净土保卫战深入开展，细颗粒物浓度继续下降，重点流域水质改善，可再生能源装机规模继续扩大。",
        "三是扩大对外开放。进出口总额增长，外商投资准入负面清单继续缩减，自由贸易试验区建设深化，共建一带一路合作扎实推进，稳外贸稳外资成效明显。",
    )),
    *TASKS,
]
FOLDED = ["（一）稳定粮食生产，推进乡村振兴。", "（二）加强生态环境保护，推动绿色低碳发展。",
          "（三）扩大对外开放，深化国际经贸合作。"]


def test_no_folds_above_the_text_limit(monkeypatch):
    """Reports holding FOLD_TEXT_LIMIT characters together: their sections without a partner stay so."""
    from erqi_diff.compare import fold

    assert pair_sections(FIVE_YEARS, ONE_YEAR, 2023, 2024).folds
    text = sum(len(p) for s in (*FIVE_YEARS, *ONE_YEAR) for p in s.paragraphs)
    monkeypatch.setattr(fold, "FOLD_TEXT_LIMIT", text)
    pairing = pair_sections(FIVE_YEARS, ONE_YEAR, 2023, 2024)
    assert not [f for f in pairing.folds if f.kind in (FoldKind.FOLDED, FoldKind.DRAWN)]
    assert set(pairing.unpaired_a) == {2, 3, 4, 5}


def test_subsections_fold_into_a_review_in_paragraphs():
    pairing = pair_sections(FIVE_YEARS, ONE_YEAR, 2023, 2024)
    # the pairs are not touched: the subsections stay without a partner
    assert {(link.a, link.b) for link in pairing.links} >= {(1, 1)}
    assert set(pairing.unpaired_a) == {2, 3, 4, 5}
    assert {(f.kind, f.section, f.host) for f in pairing.folds} == {(FoldKind.FOLDED, k, 1) for k in (2, 3, 4)}
    units = diff_sections(FIVE_YEARS, ONE_YEAR, present=(2023, 2024))
    folded = [u for u in units if u.status is Status.FOLDED]
    assert [u.from_heading for u in folded] == FOLDED
    assert all(u.host is not None and u.host.heading == "一、过去一年工作回顾" and u.to_sections == () for u in folded)
    # the topic the other review does not tell stays removed
    assert [u.from_heading for u in units if u.status is Status.REMOVED] == ["（四）巩固国防，加强军队现代化建设。"]


def test_read_the_other_way_they_are_drawn_out():
    pairing = pair_sections(ONE_YEAR, FIVE_YEARS, 2024, 2025)
    assert {(f.kind, f.section, f.host) for f in pairing.folds} == {(FoldKind.DRAWN, k, 1) for k in (2, 3, 4)}
    units = diff_sections(ONE_YEAR, FIVE_YEARS, present=(2024, 2025))
    assert [u.to_heading for u in units if u.status is Status.DRAWN] == FOLDED
    assert [u.to_heading for u in units if u.status is Status.ADDED] == ["（四）巩固国防，加强军队现代化建设。"]


def test_a_partner_with_subsections_of_its_own_takes_nothing_in():
    """When the other review lists its topics as subsections, a subsection
    with no partner there is removed, even if the review's text names it."""
    with_own = [*ONE_YEAR[:2], Section("（一）深入推进区域协调发展。", 3, (
        "区域重大战略深入实施，京津冀协同发展、长江经济带发展、粤港澳大湾区建设扎实推进，城乡融合发展取得新进展。",)),
        *ONE_YEAR[2:]]
    pairing = pair_sections(FIVE_YEARS, with_own, 2023, 2024)
    assert pairing.folds == ()
    assert not any(u.status is Status.FOLDED for u in diff_sections(FIVE_YEARS, with_own, present=(2023, 2024)))


def test_the_national_2023_five_year_review(gwr_project):
    """2023, a term's last report, reviews five years in （一）…（十）; 2024
    reviews 2023 in 一是…六是 under one heading."""
    result = compare(load(gwr_project, 2023), load(gwr_project, 2024), strip=False)
    folded = [s for s in result.sections if s.status is Status.FOLDED]
    assert len(folded) == 10 and result.stats.folded == 10 and result.stats.removed == 0
    assert folded[0].from_heading == "（一）创新宏观调控，保持经济运行在合理区间。"
    assert {s.host.heading for s in folded if s.host} == {"一、2023年工作回顾"}
    # 2024's task (八) has no partner among 2023's tasks, which are subsections too: still added
    assert [s.to_heading for s in result.sections if s.status is Status.ADDED] == [
        "（八）推动城乡融合和区域协调发展，大力优化经济布局。"]
    from erqi_diff.views.encode import dumps

    data = json.loads(dumps("diff", result))
    first = next(s for s in data["sections"] if s["status"] == "folded")
    assert first["host"]["heading"] == "一、2023年工作回顾" and first["to_sections"] == []
    assert data["stats"]["folded"] == 10 and data["stats"]["removed"] == 0


def test_national_lineage_names_the_folds(gwr_project):
    snaps = [load(gwr_project, y) for y in (2022, 2023, 2024)]
    chains = lineage(snaps).chains
    five = [c for c in chains if c.nodes[0].year == 2023 and c.nodes[0].heading.startswith("（")
            and c.nodes[0].level == 3 and any(e.kind is EventKind.FOLDED_INTO for e in c.events)]
    assert len(five) == 10
    review = next(c for c in chains if any(n.heading == "一、2023年工作回顾" for n in c.nodes))
    for chain in five:
        kinds = {(e.kind, e.heading, e.chain) for e in chain.events}
        assert kinds == {(EventKind.DRAWN_FROM, "一、2021年工作回顾", review.ident),
                         (EventKind.FOLDED_INTO, "一、2023年工作回顾", review.ident)}


def test_folds_keep_their_rules_on_real_pairs(gwr_project):
    """Every fold of the national series: a section without a partner, no
    subsections, whose parent's partner is the host, the host without
    subsections of a compatible role; or whose topic is in a passage after
    an address of a paired host."""
    snaps = load_many(gwr_project)
    seen = passage = 0
    for older, newer in zip(snaps, snaps[1:]):
        a, b = older.sections, newer.sections
        pairing = pair_sections(a, b, present_year(older), present_year(newer))
        oa, ob = outline(a, present_year(older)), outline(b, present_year(newer))
        for fold in pairing.folds:
            if fold.kind not in (FoldKind.FOLDED, FoldKind.DRAWN):  # regrouped headings: tests/test_wrappers.py
                continue
            seen += 1
            if fold.kind is FoldKind.FOLDED:
                mine, theirs, unpaired, partners, hosts = oa, ob, pairing.unpaired_a, pairing.partners_of_a, b
                host_partners = pairing.partners_of_b
            else:
                mine, theirs, unpaired, partners, hosts = ob, oa, pairing.unpaired_b, pairing.partners_of_b, a
                host_partners = pairing.partners_of_a
            assert fold.section in unpaired and not mine.children[fold.section]
            assert fold.score >= FOLD_FLOOR
            parent = mine.parent[fold.section]
            if parent is not None and fold.host in partners(parent):
                assert not any(mine.role[fold.section].compatible(theirs.role[k])
                               for k in theirs.children[fold.host])
            else:
                passage += 1
                assert passages(hosts[fold.host]) and host_partners(fold.host)
    assert seen == 22 and passage == 2  # 2022→2023 drawn, 2023→2024 folded; 2015's self-building part


GOVERNMENT = ("做好政府工作，必须加强政府自身建设。各级政府要坚持依法行政，自觉接受人大监督和政协民主监督，"
              "厉行节约反对浪费，严格执行中央八项规定精神，坚决惩治腐败，建设人民满意的法治政府、廉洁政府、服务型政府。")
LAST_TASK = Section("（三）保障和改善民生。", 3, (
    "坚持在发展中保障和改善民生，深入开展就业促进行动，持续深化医药卫生体制改革，健全社会保障体系。",
    "各位代表！",
    GOVERNMENT,
    "各位代表！",
    "我们要坚持独立自主的和平外交政策，推动构建人类命运共同体，同世界各国一道维护世界和平、促进共同发展。",
))
OWN_PART = Section("三、加强政府自身建设", 2, (
    "各级政府要坚持依法行政，把政府工作全面纳入法治轨道，自觉接受人大监督和政协民主监督，加强审计监督。",
    "厉行节约反对浪费，严格执行中央八项规定精神，坚决惩治腐败，建设人民满意的法治政府、廉洁政府、服务型政府。",
))
ARMY = Section("四、加强国防和军队建设", 2, (
    "坚持政治建军改革强军，练兵备战深入开展，海上维权执法有力有效，退役军人服务保障体系逐步健全，双拥共建持续深化。",))


def test_a_part_drawn_out_of_a_passage_after_an_address():
    """A part of its own (三、加强政府自身建设) where the other report tells the
    topic at the end of its last task, after 各位代表！, is drawn out of that
    task (or folded into it, read the other way); a part whose topic the other
    report does not tell (defence) stays added."""
    older = [LEAD, *TASKS[:3], LAST_TASK]
    newer = [LEAD, *TASKS, OWN_PART, ARMY]
    assert passages(LAST_TASK) == ((GOVERNMENT,), (LAST_TASK.paragraphs[4],))
    pairing = pair_sections(older, newer, 2023, 2024)
    assert 4 in pairing.partners_of_a(4) and {5, 6} <= set(pairing.unpaired_b)
    assert {(f.kind, f.section, f.host) for f in pairing.folds} == {(FoldKind.DRAWN, 5, 4)}
    units = diff_sections(older, newer, present=(2023, 2024))
    drawn = [u for u in units if u.status is Status.DRAWN]
    assert [(u.to_heading, u.host.heading if u.host else None) for u in drawn] == [
        ("三、加强政府自身建设", "（三）保障和改善民生。")]
    assert [u.to_heading for u in units if u.status is Status.ADDED] == ["四、加强国防和军队建设"]
    back = pair_sections(newer, older, 2024, 2025)
    assert {(f.kind, f.section, f.host) for f in back.folds} == {(FoldKind.FOLDED, 5, 4)}


def test_a_passage_on_another_topic_takes_nothing_in():
    """Without the address the government's conduct is part of the task's own
    topic, not a passage: the part stays added (the task is not its parent's
    partner)."""
    plain = Section(LAST_TASK.heading, 3, tuple(p for p in LAST_TASK.paragraphs if p != "各位代表！"))
    assert passages(plain) == ()
    older = [LEAD, *TASKS[:3], plain]
    newer = [LEAD, *TASKS, OWN_PART, ARMY]
    pairing = pair_sections(older, newer, 2023, 2024)
    assert pairing.folds == ()
    units = diff_sections(older, newer, present=(2023, 2024))
    assert [u.to_heading for u in units if u.status is Status.ADDED] == ["三、加强政府自身建设", "四、加强国防和军队建设"]


def test_national_self_building_drawn_out_of_the_last_task(gwr_project):
    """2015 gives the government's own conduct a part, 六、切实加强政府自身建设;
    2014 and 2022 tell it at the end of their ninth task, after 各位代表！."""
    result = compare(load(gwr_project, 2014), load(gwr_project, 2015), strip=False)
    drawn = [s for s in result.sections if s.status is Status.DRAWN]
    assert [(s.to_heading, s.host.heading if s.host else None) for s in drawn] == [
        ("六、切实加强政府自身建设", "（九）努力建设生态文明的美好家园。")]
    assert result.stats.drawn == 1 and result.stats.added == 0
    on = compare(load(gwr_project, 2015), load(gwr_project, 2022), strip=False)
    folded = [s for s in on.sections if s.status is Status.FOLDED]
    assert [(s.from_heading, s.host.heading if s.host else None) for s in folded] == [
        ("六、切实加强政府自身建设", "（九）切实保障和改善民生，加强和创新社会治理。")]
    # 2023's （五）有效防范化解重大经济金融风险: 2022 tells risks in several sections, none by a clear lead
    back = compare(load(gwr_project, 2022), load(gwr_project, 2023), strip=False)
    assert "（五）有效防范化解重大经济金融风险。" in [s.to_heading for s in back.sections if s.status is Status.ADDED]


def test_early_foreign_policy_drawn_out_of_the_self_building_part(gwr_early_root):
    """2005 gives foreign policy a part (七、坚持和平发展道路…); 2004 tells it
    after 各位代表！ at the end of 三、加强政府自身建设."""
    from erqi_diff.core.project import load_project

    early = load_project(gwr_early_root)
    result = compare(load(early, 2004), load(early, 2005), strip=False)
    drawn = [s for s in result.sections if s.status is Status.DRAWN]
    assert [(s.to_heading, s.host.heading if s.host else None) for s in drawn] == [
        ("七、坚持和平发展道路与独立自主的和平外交政策", "三、加强政府自身建设")]


def test_views_name_folded_sections(gwr_project):
    from erqi_diff.summarize.changelog import SectionStatus, section_changes
    from erqi_diff.views.markdown import render_sections
    from erqi_diff.views.terminal.diff import section_title, summary_line

    result = compare(load(gwr_project, 2023), load(gwr_project, 2024), strip=False)
    line = summary_line(result).plain
    assert "1 added, 0 removed, 10 folded into a paired section" in line
    titles = [section_title(s).plain for s in result.sections if s.status is Status.FOLDED]
    assert titles[0] == "@@ （一）创新宏观调控，保持经济运行在合理区间。 → folded into 一、2023年工作回顾 (no section of its own)"
    changes = section_changes(result)
    assert sum(c.status is SectionStatus.FOLDED for c in changes.changes) == 10
    md = "\n".join(render_sections(changes))
    assert "Removed:" not in md and "10 folded into a paired section" in md
    assert "- Folded into 一、2023年工作回顾 (no section of its own): （一）创新宏观调控" in md
    back = compare(load(gwr_project, 2022), load(gwr_project, 2023), strip=False)
    assert "10 drawn out of a paired section" in summary_line(back).plain
    drawn = [section_title(s).plain for s in back.sections if s.status is Status.DRAWN]
    assert drawn[0] == ("@@ drawn out of 一、2021年工作回顾 (no section of its own there) → "
                        "（一）创新宏观调控，保持经济运行在合理区间。")

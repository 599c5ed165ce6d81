"""The year's verdict headline with the other year's, and a box of a
speaker's words with the verdict (compare/verdict.py)."""

from __future__ import annotations

from erqi_diff.compare.outline import outline
from erqi_diff.compare.sections import Basis, pair_sections, present_year
from erqi_diff.compare.verdict import listed, spoken, untold_lists, verdict
from erqi_diff.core.document import Section
from erqi_diff.core.project import load_project
from erqi_diff.core.snapshot import load


def _pages() -> tuple[list[Section], list[Section]]:
    """Two news pages on a district's work meetings: a lead, a verdict
    headline over the review, topics, and (newer) a box of the secretary's words."""
    older = [Section("某区召开上半年经济形势分析会", 1, ("7月20日，某区召开区委常委会（扩大）会议，分析上半年经济形势。",)),
             Section("上半年成绩不错", 2, ()),
             Section("经济", 3, ("上半年全区生产总值同比增长8%，签约产业项目12个，完成投资80亿元。",)),
             Section("民生", 3, ("新建学校3所，新增学位2000个，发放救助资金300万元。",)),
             Section("下半年打算这样干", 2, ()),
             Section("项目建设再提速", 3, ("下半年要加快项目建设，力争完成全年投资目标。",))]
    newer = [Section("", 0, ("1月15日召开的区委全会暨经济工作会议，部署今年工作。",)),
             Section("书写“十三五”答卷", 2, ("“十三五”期间，全区上下攻坚克难，圆满完成规划主要目标。",)),
             Section("“进”的态势持续巩固", 2, ("5年来，全区生产总值年均增长7.3%，签约产业项目96个。",)),
             Section("“暖”的态势全域涌动", 2, ("5年来，建成学校39所，新增学位4万个，救助困难群众。",)),
             Section("区残联喜获“全国残疾人工作先进单位”", 2, ("区残联落实助残政策，被评为全国残疾人工作先进单位。",)),
             Section("总结·直接引语", 2, ("五年来，我们攻坚克难，各项事业取得显著成效。", "——区委书记某某")),
             Section("绘就“十四五”蓝图", 2, ()),
             Section("在主导产业升级上争先出彩", 2, ("今年将提升主导产业质量，力争引进项目20个。",))]
    return older, newer


def _links(older, newer, years=(2019, 2021)):
    pairing = pair_sections(older, newer, *years)
    return {(older[k.a].heading, newer[k.b].heading): k for k in pairing.links}


def test_a_verdict_names_the_review_as_a_whole():
    older, newer = _pages()
    assert verdict(older, outline(older, 2019)) == 1  # 上半年成绩不错, not the lead (a heading on 经济形势)
    assert verdict(newer, outline(newer, 2021)) == 1  # not the award line, nor the box of words
    topics = [Section("", 0, ("会议总结去年工作。", "部署今年工作。")),
              Section("生态建设取得新成效", 2, ("新增绿地200万平方米，空气质量明显好转。",)),
              Section("区检察院被评为全国先进基层检察院", 2, ("检察院强化法律监督，取得显著成效。",))]
    assert verdict(topics, outline(topics, 2018)) is None  # a topic's result, an honour: no verdict


def test_two_verdicts_pair_by_the_outline_and_words_go_with_the_stated_one():
    older, newer = _pages()
    links = _links(older, newer)
    assert links["上半年成绩不错", "书写“十三五”答卷"].basis is Basis.OUTLINE
    assert spoken(newer[5]) and not spoken(newer[1])
    # the older page has its verdict without text: the newer box of words stays unpaired
    assert not [k for k in links if k[1] == "总结·直接引语"]
    # the other way round, the words go with the verdict that states the period's result
    flipped = _links(newer[1:], older[1:], (2021, 2022))
    assert [k for k in flipped if k[0] == "总结·直接引语"] == []  # no verdict with text on the newer side
    stated = [Section("", 0, ("1月13日，某区召开全体会议。",)), Section("2022，各项工作取得新突破", 2,
              ("2022年，全区各项事业取得显著成效，攻坚克难，圆满完成目标。",)),
              Section("生态", 2, ("新增绿地200万平方米，建成公园5个。",))]
    links = _links(newer, stated, (2021, 2023))
    assert ("书写“十三五”答卷", "2022，各项工作取得新突破") in links
    assert links["总结·直接引语", "2022，各项工作取得新突破"].basis is Basis.OUTLINE


def test_a_box_of_words_is_not_paired_by_topic():
    older, newer = _pages()
    older.append(Section("总结·直接引语", 2, ("五年来项目建设取得显著成效，生产总值年均增长。", "——区长某某")))
    links = _links(older, newer)
    # the same heading pairs outright; no topic link takes the box
    assert all(k.basis is not Basis.TOPIC for (x, y), k in links.items() if "直接引语" in x or "直接引语" in y)


def _seeds(root, x: int, y: int):
    project = load_project(root)
    a, b = load(project, x), load(project, y)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    return {(a.sections[k.a].heading, b.sections[k.b].heading): k for k in pairing.links}


def test_verdicts_and_words_on_the_seeds(seeds_root):
    assert _seeds(seeds_root, 2019, 2021)["上半年成绩不错", "书写“十三五”答卷"].basis is Basis.OUTLINE
    links = _seeds(seeds_root, 2016, 2017)
    assert {y for x, y in links if x.startswith("2016，各项工作")} == {
        "2017攻坚克难、务实重干，取得瞩目业绩", "GDP增长9%，150个重大项目完成投资470亿元8所学校建成投用"}
    assert not [k for k in links if k[1] == "总结2017·直接引语"]  # 2016's verdict is the meeting's lead
    assert not [k for k in _seeds(seeds_root, 2017, 2018) if k[0].startswith(("2017攻坚克难", "总结2017·直接引语"))]
    into = sorted(x for x, y in _seeds(seeds_root, 2017, 2021) if y == "书写“十三五”答卷")
    assert into == ["2017攻坚克难、务实重干，取得瞩目业绩", "总结2017·直接引语"]  # both boxes: one heading, twice


def test_national_verdicts_are_the_review_parts_paired_already(gwr_root):
    project = load_project(gwr_root)
    for x, y in ((2013, 2014), (2022, 2023), (2023, 2024)):
        a, b = load(project, x), load(project, y)
        i = verdict(a.sections, outline(a.sections, present_year(a)))
        j = verdict(b.sections, outline(b.sections, present_year(b)))
        assert a.sections[i].heading.startswith("一、") and b.sections[j].heading.startswith("一、")
        pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
        assert j in pairing.partners_of_a(i)


def test_a_verdict_is_not_taken_by_a_topic():
    """A topic section sharing words with the other report's verdict does
    not join it by topic: the verdicts go together."""
    older, newer = _pages()
    newer[1] = Section("书写“十三五”答卷", 2, ("“十三五”期间，全区坚持项目带动，生产总值稳步增长，圆满完成规划主要目标。",))
    links = _links(older, newer)
    assert links["上半年成绩不错", "书写“十三五”答卷"].basis is Basis.OUTLINE
    assert [x for x, y in links if y == "书写“十三五”答卷"] == ["上半年成绩不错"]


_HIGHLIGHTS = Section("总结·亮点", 4, (
    "1.全区推进经济发展与环境治理双统筹，空气质量明显好转，新增绿地200万平方米。",
    "2.温暖工程精准帮扶困难群众，慈善救助经验在全国慈善年会上交流。",
    "3.“双迎攻坚”、全面从严治党、司法体制改革等工作成效扎实，成为全省典型。"))


def test_a_box_of_highlights_is_a_numbered_list():
    assert listed(_HIGHLIGHTS)
    assert not listed(Section("亮点", 4, _HIGHLIGHTS.paragraphs[:2]))  # two items: no box
    assert not listed(Section("亮点", 4, (_HIGHLIGHTS.paragraphs[0], _HIGHLIGHTS.paragraphs[2], "4.其他。")))
    assert not listed(Section("数据", 4, ("全年地区生产总值完成567亿元，增长9%", "一般公共预算收入完成29.4亿元")))


def test_highlights_pair_only_with_a_section_telling_two_of_them():
    older = [Section("", 0, ("2月17日，某区召开工作总结表彰大会。",)),
             Section("区人民检察院被评为全国先进基层检察院", 2, ("检察院深化司法体制改革，强化法律监督，成为全省典型。",)),
             Section("计生工作成功转型", 2, ("计生工作由管理型向服务型转变，开展失独家庭养老服务。",))]
    newer = [Section("", 0, ("1月13日，某区召开全体会议。",)), _HIGHLIGHTS,
             Section("生态环境", 4, ("全区新增绿地200万平方米，优良天数202天。",))]
    assert untold_lists(older, newer, 0.12) >= {(1, 1), (2, 1)}
    assert not [k for k in _links(older, newer, (2017, 2018)) if k[1] == "总结·亮点"]
    broad = Section("民生与生态", 2, ("空气质量明显好转，新增绿地200万平方米；帮扶困难群众，慈善救助款项2600万元。",))
    assert (3, 1) not in untold_lists([*older, broad], newer, 0.12)


def test_highlights_on_the_seeds(seeds_root):
    assert not [k for k in _seeds(seeds_root, 2016, 2017) if k[1] == "总结2017·亮点"]  # one commendation is no highlight box
    assert ("总结2017·亮点", "“进”的态势持续巩固") in _seeds(seeds_root, 2017, 2021)  # 智慧督查 and 三定四推五落实

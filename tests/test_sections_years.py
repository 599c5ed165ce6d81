"""Which year and which part a section speaks of, on news pages of meetings
some years apart (compare/verdict.py, compare/grouping.py)."""

from __future__ import annotations

from erqi_diff.compare.sections import Basis, pair_sections
from erqi_diff.core.document import Section


def _links(older, newer, years):
    pairing = pair_sections(older, newer, *years)
    return {(older[k.a].heading, newer[k.b].heading): k for k in pairing.links}


def _mid_year() -> list[Section]:
    """A mid-year meeting: a headline over the whole page holding the lead,
    the verdict on the first half over its review, the plan for the second half."""
    return [Section("某区召开上半年经济形势分析会", 1, (
                "8月5日，某区召开区委常委会（扩大）会议暨上半年经济形势分析会，交出上半年答卷。",)),
            Section("上半年成绩不错", 2, ()),
            Section("经济上半年增长8%", 3, ("上半年，全区重大项目完成投资253亿元，新签约产业项目5个，签约额205亿元。",)),
            Section("民生", 3, ("上半年，新建中小学校7所，新增学位1.1万个，民生支出10.1亿元。",)),
            Section("下半年打算这样干", 2, ()),
            Section("项目建设再提速", 3, ("下半年，将加快重点项目建设，确保项目投资按节点完成。",))]


def test_a_verdict_holding_the_lead_does_not_take_a_verdict_apart_from_the_lead():
    older = [Section("", 0, ("去年11月，某区荣获综合实力百强区称号。",)),
             Section("2016，各项工作取得新突破", 2, (
                "2月17日上午，某区召开2016年度工作总结表彰大会，总结表彰先进，部署全年工作。",
                "2016年，全区各项工作取得了新突破、呈现出新气象。")),
             Section("生态", 2, ("新增绿地263万平方米，建成公园5个，空气质量明显好转。",))]
    links = _links(older, _mid_year(), (2017, 2019))
    assert links["2016，各项工作取得新突破", "某区召开上半年经济形势分析会"].basis is Basis.OUTLINE
    assert ("2016，各项工作取得新突破", "上半年成绩不错") not in links
    # a verdict standing over the lead takes both: the lead and the verdict are one block
    newer = [Section("2017攻坚克难，取得瞩目业绩", 2, ()),
             Section("GDP增长9%", 3, ("1月13日，某区召开区委全体（扩大）会议。2017年，全区攻坚克难，取得了瞩目的业绩。",)),
             Section("生态环境", 4, ("新增绿化面积247万平方米，全年优良天数达202天。",))]
    links = _links(older, newer, (2017, 2018))
    assert {y for x, y in links if x.startswith("2016")} == {"2017攻坚克难，取得瞩目业绩", "GDP增长9%"}


def test_a_box_under_the_verdict_is_read_within_it():
    older = [Section("某区委全体会议·解读", 1, ()),
             Section("2017攻坚克难，取得瞩目业绩", 2, ()),
             Section("GDP增长9%", 3, ("1月13日，某区召开区委全体（扩大）会议，总结2017年工作。",)),
             Section("总结2017·抓手", 4, ()),
             Section("重点项目", 5, ("一年来，全区重大项目完成投资470亿元，签约产业项目20个，82个项目开工。",)),
             Section("改善民生", 5, ("过去一年，民生支出25.2亿元，建成中小学校8所，新增学位1万个。",))]
    links = _links(older, _mid_year(), (2018, 2019))
    assert links["2017攻坚克难，取得瞩目业绩", "上半年成绩不错"].basis is Basis.OUTLINE
    assert ("总结2017·抓手", "上半年成绩不错") not in links  # its items went there, within the verdicts' pair


def test_a_bare_label_naming_a_role_pairs_only_with_a_heading_naming_it():
    """下半年打算这样干, a label over the plan for the rest of the year, is not
    read against a heading with text that names no role (an honour's
    headline standing over the year's project plan)."""
    older = [Section("", 0, ("去年11月，某区荣获综合实力百强区称号。",)),
             Section("重点工作走在前列年度综合考核成绩第一", 2, (
                 "某区将2017年确定为项目建设奋力推进年，全区共梳理了150个重大项目，今年计划完成投资446亿元。",)),
             Section("●突出产业项目攻坚", 3, ("今年要加快商贸项目建设，推进食品装备制造业提档升级，扩大互联网经济。",)),
             Section("●突出安置房项目攻坚", 3, ("力争18个项目安置房实现开工，确保年底前已拆迁项目群众回迁。",))]
    links = _links(older, _mid_year() + [
        Section("做好安置房建设", 3, ("确保安置房项目尽快开工，确保8个项目年底前实现回迁。",))], (2017, 2019))
    assert ("●突出产业项目攻坚", "项目建设再提速") in links and ("●突出安置房项目攻坚", "做好安置房建设") in links
    assert not [k for k in links if k[1] == "下半年打算这样干"]
    # a label over the plan with a heading naming the plan: two lists of tasks, read together
    older[1] = Section("2017年工作部署", 2, older[1].paragraphs)
    assert _links(older, _mid_year() + [
        Section("做好安置房建设", 3, ("确保安置房项目尽快开工，确保8个项目年底前实现回迁。",))], (2017, 2019))[
        "2017年工作部署", "下半年打算这样干"].basis is Basis.OUTLINE


def test_a_commendation_line_meets_only_a_section_on_its_area():
    from erqi_diff.compare.honours import other_areas
    from erqi_diff.compare.outline import outline

    older = [Section("", 0, ("2月17日，某区召开2016年度工作总结表彰大会。",)),
             Section("专项治理成效显著园林绿化工作荣获“城区金杯”奖", 2, (
                 "强力推进公园游园建设、生态廊道建设，新增绿地263万平方米，园林绿化成效明显。",
                 "在月季花杯竞赛活动中，某区荣获“城区金杯”。"))]
    newer = [Section("某区召开上半年经济形势分析会", 1, ("8月5日，某区召开上半年经济形势分析会。",)),
             Section("民生", 2, ()),
             Section("对老旧小区提升改造", 3, ("上半年对158个老旧小区进行改造设计，建成4个综合性公园、33个微公园，绿化建设全部完成。",)),
             Section("生态环境", 2, ("新增绿化面积247万平方米，公园游园建设成效显著。",)),
             Section("“暖”的态势全域涌动", 2, ("建成公园绿地，增加优质学位4万个。",))]
    apart = other_areas(older, newer, outline(older, 2017), outline(newer, 2019))
    assert (1, 2) in apart  # 老旧小区 (住房) under 民生: neither is 绿化 nor holds it
    assert (1, 3) not in apart and (1, 4) not in apart  # 生态 holds 绿化; a heading naming no area
    links = _links(older, newer[:3], (2017, 2019))
    assert not [k for k in links if k[1] == "对老旧小区提升改造"]

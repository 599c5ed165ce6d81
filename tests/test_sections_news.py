"""Erqi-style news pages on district meetings: a box of figures goes with the
section on the economy (compare/figures.py); a section under a bare area
heading meets only sections naming its area (compare/areas.py)."""

from __future__ import annotations

from erqi_diff.compare.areas import bare_area, untold_areas
from erqi_diff.compare.figures import on_economy, tabled
from erqi_diff.compare.sections import pair_sections, present_year
from erqi_diff.core.document import Section
from erqi_diff.core.project import load_project
from erqi_diff.core.snapshot import load

_BOX = Section("初步预计", 4, ("全年地区生产总值完成500亿元，增长8%",
                             "一般公共预算收入完成30亿元，增长7.5%",
                             "固定资产投资完成400亿元，增长11%",
                             "社会消费品零售总额完成450亿元，增长10%"))


def _pages(economy: str = "5年来，某区经济持续较快增长、发展能级明显提升。"):
    older = [Section("", 0, ("1月12日，某区召开区委全体（扩大）会议。",)),
             Section("生态环境", 3, ("新增绿化面积200万平方米，优良天数210天，生态廊道建设进展顺利。",)),
             _BOX]
    newer = [Section("", 0, ("1月14日，某区召开区委全会暨经济工作会议。",)),
             Section("“进”的态势持续巩固", 2,
                     (economy + "确定了建设现代化新城区的愿景，2020年预计实现地区生产总值700亿元，年均增长7%。",)),
             Section("“绿”的态势更加鲜明", 2, ("新增绿化面积2000万平方米，建成生态廊道30公里，优良天数逐年增加。",)),
             Section("“严”的态势日益彰显", 2,
                     ("某区纵深推进党的建设、持续加强基层基础、不断优化政治生态。",
                      "面对疫情，某区帮扶企业3000家，推动经济迅速恢复，预计全年地区生产总值增长1%、"
                      "固定资产投资增长11%、社会消费品零售总额增长2%。"))]
    return older, newer


def _links(older, newer):
    pairing = pair_sections(older, newer, 2018, 2021)
    return {(older[k.a].heading, newer[k.b].heading) for k in pairing.links}


def test_a_box_of_figures_is_one_indicator_a_line():
    assert tabled(_BOX)
    prose = Section("改善民生", 3, ("全年民生支出25.2亿元，占一般公共预算支出的71.6%，新增就业24295人，"
                                "发放各类补贴补助11053万元，建成公租房1122套。",) * 3)
    assert not tabled(prose)  # figures, but in sentences
    assert not tabled(Section("数据", 3, ("增长9%", "某区获评百强区，连续四年入选，位列第86名，较上年前进3位。",
                                         "某区获评创新百强区。", "某区获评绿色百强区。")))  # one line of four


def test_the_economy_is_named_in_the_heading_or_the_opening_sentence():
    _, newer = _pages()
    assert on_economy(newer[1])
    assert not on_economy(newer[3])  # party building; the figures come in its second paragraph
    assert on_economy(Section("经济上半年GDP同比增长8%", 3, ("上半年，某区主要指标好于预期。",)))


def test_the_box_goes_with_the_section_on_the_economy():
    older, newer = _pages()
    links = _links(older, newer)
    assert (_BOX.heading, "“严”的态势日益彰显") not in links  # shares the indicators' words, another topic
    assert (_BOX.heading, "“进”的态势持续巩固") in links
    assert ("生态环境", "“绿”的态势更加鲜明") in links


def test_no_section_on_the_economy_no_pair():
    older, newer = _pages(economy="5年来，某区新发展理念深入人心、发展路径更加清晰。")
    links = _links(older, newer)
    assert not [k for k in links if k[0] == _BOX.heading]


def test_figures_on_the_seeds(seeds_root):
    project = load_project(seeds_root)
    a, b = load(project, 2017), load(project, 2021)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    into = {b.sections[k.b].heading for k in pairing.links if a.sections[k.a].heading in ("初步预计", "总结2017·数据")}
    assert into == {"“进”的态势持续巩固"}


# A section under a bare area heading (compare/areas.py)

def _area_pages():
    older = [Section("", 0, ("1月13日，某区召开区委全体（扩大）会议。",)),
             Section("新型城镇化", 3, ("新开工11个项目310万平方米安置房，4个项目顺利回迁；20条道路建成通车；"
                                  "8所学校建成投用，创造了全市中小学建设的新速度。",)),
             Section("改善民生", 3, ("全年民生支出25亿元，家庭医生签约服务30万人，新增就业2万人。",))]
    newer = [Section("", 0, ("1月15日，某区召开区委全会暨经济工作会议。",)),
             Section("“暖”的态势全域涌动", 2, ("全面推进“温暖二七”，受益群众31万人。全面建设“美好教育”，"
                                        "建成中小学、幼儿园39所，增加优质学位4万个；中小学午餐供应、课后延时服务成效显著。",)),
             Section("“干”的态势更加强劲", 2, ("城乡面貌显著变化，美丽街区建设、老旧小区改造成效显著。",))]
    return older, newer


def test_a_bare_area_heading_names_its_areas():
    assert bare_area("新型城镇化") >= {"@城镇化", "@住房", "@交通"}
    assert "@教育" in bare_area("改善民生")  # 民生 holds 教育
    assert not bare_area("“暖”的态势全域涌动")  # a slogan, no area
    assert not bare_area("坚持绿色发展，提高生态水平")  # a sentence
    assert not bare_area("开放创新")  # no area named


def test_a_bare_area_heading_keeps_to_sections_naming_its_area():
    older, newer = _area_pages()
    links = _links(older, newer)
    # 新型城镇化 shares 学校/中小学 with 暖 (its passing item), but 暖 names no urbanisation
    assert ("新型城镇化", "“暖”的态势全域涌动") not in links
    assert ("改善民生", "“暖”的态势全域涌动") in links  # 民生 holds 教育
    # not kept apart from a section naming an area within its own (老旧小区: housing, within urbanisation)
    assert ("新型城镇化", "“干”的态势更加强劲") not in untold_areas(older, newer)


def test_a_bare_heading_does_not_join_the_counterpart_of_a_sibling_of_another_area():
    older = [Section("", 0, ("1月13日，某区召开区委全体（扩大）会议。",)),
             Section("重点项目", 3, ("全年150个重大项目完成投资470亿元，82个项目开工，19个省市重点项目开工率100%。",)),
             Section("生态环境", 3, ("1000亩生态林建设任务全面完成，新增绿化面积247万平方米，优良天数202天。",))]
    newer = [Section("", 0, ("10月8日，某区获评百强区。",)),
             Section("坚持创优创新，提升品质发展", 2,
                     ("上半年地区生产总值同比增长10%。先后集中开工40个重点项目，8个重点产业项目签约落户。",)),
             Section("坚持绿色发展，提高生态水平", 2,
                     ("狠抓扬尘整治，推进空气质量持续改善。28个生态项目已开工14个，完成投资20亿元，"
                      "公园游园建设成效显著，新增绿化面积100万平方米。",))]
    apart = untold_areas(older, newer)
    # 绿色 is headed by 生态, which the older report's own bare heading 生态环境 holds: that one's counterpart
    assert (1, 2) in apart and (2, 2) not in apart
    assert (1, 1) not in apart  # a heading naming no area
    links = _links(older, newer)
    assert ("生态环境", "坚持绿色发展，提高生态水平") in links
    assert ("重点项目", "坚持绿色发展，提高生态水平") not in links
    # without a bare 生态环境 in the older report, the heading alone keeps nothing apart (a national part
    # headed 加强精神文明…国防建设 takes 关于外交工作 by its unheaded closing text)
    assert (1, 2) not in untold_areas(older[:2], newer)


def test_an_area_within_a_bare_heading_is_not_held_by_it():
    # 改善民生 holds 住房 for its own pairs, but does not make a section headed by 住房 its counterpart:
    # 生态环境 may still join 对158个老旧小区提升改造 (its paragraph on 生态项目 and parks)
    older = [Section("生态环境", 3, ("新增绿化面积247万平方米，生态项目开工24个。",)),
             Section("改善民生", 3, ("全年民生支出25亿元，建成公租房1122套。",))]
    newer = [Section("对158个老旧小区提升改造", 4, ("开工百城提质项目98个，基本建成安置房5688套。",
                                              "生态优势不断厚植，20个重大生态项目完成投资18亿元，4个综合性公园基本建成。"))]
    assert (0, 0) not in untold_areas(older, newer)


def test_a_review_headed_by_the_economy_goes_with_the_section_on_the_economy_too():
    older = [Section("", 0, ("8月5日，某区召开上半年经济形势分析会。",)),
             Section("经济上半年GDP同比增长8%", 3, ("上半年，全区175个重大项目完成投资253亿元，新开工30个项目；"
                                              "招商引资成果丰硕，新签约5个重点产业项目，签约额205亿元。",))]
    newer = [Section("", 0, ("1月15日，某区召开区委全会暨经济工作会议。",)),
             Section("“进”的态势持续巩固", 2, ("5年来，某区新发展理念深入人心、经济持续较快增长、高质量发展迈出重大步伐，"
                                        "明确了打造品质城区的发展路径，构筑了四梁八柱。",)),
             Section("“干”的态势更加强劲", 2,
                     ("累计引进龙头产业项目96个、签约额2840亿元，运作重大项目570个、完成投资2300亿元。",))]
    links = _links(older, newer)
    assert {y for x, y in links if x == older[1].heading} == {"“进”的态势持续巩固", "“干”的态势更加强劲"}
    # a second section on the economy: which one is not told, no pair by the rule
    more = [*newer, Section("“稳”的态势不断巩固", 2, ("5年来，某区经济运行总体平稳，地区生产总值年均增长7%。",))]
    assert ("经济上半年GDP同比增长8%", "“进”的态势持续巩固") not in _links(older, more)

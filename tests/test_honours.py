"""Commendation lines of one area go with the partner of their neighbour (compare/honours.py)."""

from __future__ import annotations

import pytest

from erqi_diff.compare.honours import commendation, main_area
from erqi_diff.compare.sections import pair_sections, present_year
from erqi_diff.core.document import Section
from erqi_diff.core.project import load_project
from erqi_diff.core.snapshot import load


def _pages(second: str = "区残联喜获“全国残疾人工作先进单位”"):
    older = [Section("", 0, ("2月17日，某区召开年度工作总结表彰大会。",)),
             Section("大力发展慈善事业成为全国唯一获“年度推动者”称号的城区", 2,
                     ("全区每年投入民生资金3000余万元，发放各类补贴补助，设立慈善工作站18个，救助困难群众。",)),
             Section(second, 2, ("区残联出台天使救助计划、阳光家园计划，发放残疾人救助金400万元，救助残疾人1500人次。",)),
             Section("计生工作成功转型获评“新国优”", 2, ("计生工作由管理型向服务型转变。",))]
    newer = [Section("", 0, ("1月13日，某区召开全体会议。",)),
             Section("改善民生", 3, ("全年民生支出25.2亿元，发放各类补贴补助1.1亿元，新增就业2.4万人，建成公租房1122套。",)),
             Section("生态环境", 3, ("新增绿地200万平方米，优良天数202天。",))]
    return older, newer


def _links(older, newer):
    pairing = pair_sections(older, newer, 2017, 2018)
    return {(older[k.a].heading, newer[k.b].heading) for k in pairing.links}


def test_a_commendation_line_is_a_heading_reporting_an_honour_with_text():
    older, _ = _pages()
    assert commendation(older[1]) and commendation(older[2])
    assert not commendation(Section("切实关爱困难群体", 2, ("救助残疾人1500人次。",)))
    assert not commendation(Section("区残联喜获“全国残疾人工作先进单位”", 2, ()))
    assert main_area(older[1]) == main_area(older[2]) == "@救助"


@pytest.mark.parametrize("heading, honour", [
    ("园林绿化工作荣获“城区金杯”奖", True),
    ("被授予“全国文明城区”称号", True),
    ("（八）切实保障和改善民生，不断增强人民群众获得感", False),  # 获得 of 获得感: no honour
    ("落实稳岗奖补政策", False),                                  # 奖 of 奖补: a subsidy
    ("完善科技奖励制度", False),
])
def test_what_names_an_honour(heading, honour):
    assert commendation(Section(heading, 2, ("正文。",))) is honour


def test_the_honours_of_one_area_go_together():
    older, newer = _pages()
    links = _links(older, newer)
    assert {x for x, y in links if y == "改善民生"} == {older[1].heading, older[2].heading}
    assert not [k for k in links if k[0] == older[3].heading]  # 计生: no area of its own there
    # not a commendation (no honour in its heading): left to its topic
    plain = _links(*_pages("切实关爱困难群体，实施天使救助计划"))
    assert ("切实关爱困难群体，实施天使救助计划", "改善民生") not in plain


def test_honours_on_the_seeds(seeds_root):
    project = load_project(seeds_root)
    a, b = load(project, 2016), load(project, 2017)
    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    into = {a.sections[k.a].heading for k in pairing.links if b.sections[k.b].heading == "改善民生"}
    assert into == {"切实关爱困难群体区残联喜获“全国残疾人工作先进单位”",
                    "大力发展慈善事业成为全国唯一被中国慈善联合会授予“2016年度推动者”称号的城区"}

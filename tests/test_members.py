"""Members of a slogan (extract/members.py): a form keeps its slogan's members; what a longer slogan holds."""

from __future__ import annotations

import pytest

from erqi_diff.extract.lineage import similar
from erqi_diff.extract.members import Holders, members, members_differ, partition


@pytest.mark.parametrize(("key", "expected"), [
    ("保基本、兜底线、促公平", ("保基本", "兜底线", "促公平")),
    ("法治政府、创新政府、廉洁政府和服务型政府", ("法治政府", "创新政府", "廉洁政府", "服务型政府")),
    ("跨周期和逆周期调节", ("跨周期调节", "逆周期调节")),
    ("两不愁三保障", ("两不愁", "三保障")),
    ("碳达峰碳中和", ("碳达峰", "碳中和")),
    ("两个一百年", ()),             # a count and its measure word, not two parts
    ("两岸关系和平发展", ()),       # 和平 is a word, not a joint
    ("中国特色现代企业制度", ()),
])
def test_members(key: str, expected: tuple[str, ...]) -> None:
    assert members(key) == expected


@pytest.mark.parametrize(("a", "b", "differ"), [
    ("转方式调结构", "转方式、调结构、提质量、增效益", True),    # extended: members added
    ("转方式调结构", "转方式、调结构", False),                  # the same two, with or without commas
    ("两不愁三保障", "三保障", True),                           # shortened: a member dropped
    ("保基本、兜底线、建机制", "保基本、兜底线、促公平", True),  # a member replaced
    ("跨周期调节", "跨周期和逆周期调节", True),                 # one member of a coordination
    ("跨周期和逆周期调节", "逆周期和跨周期调节", False),         # reordered
    ("医保、医疗、医药", "医疗、医保、医药", False),
    ("稳增长、调结构、促改革", "稳增长、调结构、推改革", False),  # one member re-spelt in one character
    ("对内搞活、对外开放", "对内搞活经济、对外实行开放", False),  # words added inside each member
    ("放管服", "简政放权、放管结合、优化服务", False),           # an abbreviation: the shapes do not tell
    ("一国两制", "一个国家、两种制度", False),
])
def test_members_differ(a: str, b: str, differ: bool) -> None:
    assert members_differ(a, b) is differ
    assert members_differ(b, a) is differ
    if differ:
        assert not similar(a, b)


def test_similar_keeps_reordered_series_and_refuses_a_replaced_member() -> None:
    assert similar("医保、医疗、医药", "医疗、医保、医药")
    assert not similar("保基本、兜底线、建机制", "保基本、兜底线、促公平")
    assert not similar("控尘、控煤、控烟、控车、控企", "控尘、控煤、控排、控企")


@pytest.mark.parametrize(("name", "forms", "held"), [
    ("现代企业制度", ["中国特色现代企业制度"], True),              # a modifier before the name
    ("逆周期调节", ["跨周期和逆周期调节"], True),                  # a member of a coordination, head shared
    ("保基本、兜底线", ["保基本、兜底线、促公平"], True),          # every member among the series'
    ("物质文明和精神文明", ["物质文明、政治文明和精神文明"], True),  # a coordination's members too
    ("物质文明和生态文明", ["物质文明、政治文明和精神文明"], False),  # not every member
    ("转方式调结构", ["转方式、调结构、提质量、增效益"], True),    # run-together members
    ("扶贫攻坚", ["扶贫攻坚计划"], True),                          # a generic head after the name
    ("扶贫攻坚", ["八七扶贫攻坚计划"], True),                      # and a plan's code before it (“八七”)
    ("三保障", ["两不愁三保障"], True),                            # a counted member, held as a member
    ("三保障工程", ["两不愁三保障工程"], False),                    # a counted part is no modifier
    ("中国制造", ["中国制造2025"], False),                         # more words after the name: another name
    ("互联网+", ["互联网+督查"], False),
    ("中国特色社会主义", ["习近平新时代中国特色社会主义思想"], False),
    ("碳中和", ["碳达峰碳中和"], True),                            # a parallel member, not a modifier's name
    ("严打", ["高压严打态势"], False),
])
def test_held(name: str, forms: list[str], held: bool) -> None:
    assert Holders(forms).holds(name) is held


def test_partition_splits_a_lineage_by_members() -> None:
    assert partition(["两不愁三保障", "两不愁、三保障", "三保障"]) == [["两不愁三保障", "两不愁、三保障"], ["三保障"]]
    assert partition(["港人治港、澳人治澳", "港人治港", "澳人治澳"]) == [["港人治港、澳人治澳"], ["港人治港"], ["澳人治澳"]]
    assert partition(["放管服", "简政放权、放管结合、优化服务"]) == [["放管服", "简政放权、放管结合、优化服务"]]


def test_the_package_lexicon_keeps_members_in_each_lineage() -> None:
    import tomllib

    from erqi_diff.extract.lexicon import PACKAGE_LEXICON
    from erqi_diff.extract.textkey import key_of

    data = tomllib.loads(PACKAGE_LEXICON.read_text(encoding="utf-8"))
    split = [group for table in data.values() if isinstance(table, dict) for group in table.get("lineages", [])
             if len(partition(group, key_of)) > 1]
    assert split == []


def test_a_user_lineage_that_drops_a_member_is_read_as_two_slogans() -> None:
    from erqi_diff.extract.lexicon import parse

    lexicon = parse('[t]\nlineages = [["两不愁三保障", "三保障"]]\n', "test")
    assert [e.forms for e in lexicon.entries] == [("两不愁三保障",), ("三保障",)]

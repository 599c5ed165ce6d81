"""Where a phrase stands decides whether it is a slogan: short lexicon
formulas used as plain words (erqi_diff.extract.naming), and the positions
and shapes that make a quoted phrase a formula (erqi_diff.extract.candidates).
Hand-made cases: none is a sentence of the development set."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.extract import slogans
from erqi_diff.extract.lexicon import Entry, Lexicon, no_lexicon
from erqi_diff.extract.naming import as_name
from erqi_diff.extract.textkey import KeyText, key_of

from extract_quality import make_snapshot


def found(text: str, lexicon: Lexicon | None = None) -> list[str]:
    return [s.slogan for s in slogans.extract([make_snapshot(2001, text + "\n")], lexicon or no_lexicon())]


def lexicon(*terms: str) -> Lexicon:
    return Lexicon(tuple(Entry(t, (t,), "test") for t in terms))


# ------------------------------------------------------- short lexicon formulas


@pytest.mark.parametrize("text, listed", [
    ("对电信诈骗保持高压严打态势。", False),     # a modifier run into the words on both sides
    ("深入开展“严打”斗争。", True),             # quoted
    ("坚持严打方针，打防结合。", True),          # after a verb, before a name's head
    ("严打整治取得成效。", True),               # opening its clause
    ("## 严打\n", True),                      # a heading
    ("扩大农副土特产品出口。", False),
    ("做好土特产文章。", True),
])
def test_a_short_lexicon_formula_counts_where_it_stands_as_a_name(text: str, listed: bool) -> None:
    names = found(text, lexicon("严打", "土特产"))
    assert bool(names) is listed, names


@pytest.mark.parametrize("text, listed", [
    ("继续开展房地产市场治理整顿。", False),   # the market it is applied to, right before it: plain words
    ("推进资本市场改革开放。", False),
    ("继续进行治理整顿。", True),
    ("治理整顿取得成效，改革开放继续推进。", True),
])
def test_a_formula_applied_to_a_market_is_plain_words(text: str, listed: bool) -> None:
    assert bool(found(text, lexicon("治理整顿", "改革开放"))) is listed


def test_a_form_names_its_slogan_only_from_its_year_on() -> None:
    """动态清零 is the epidemic formula from 2020; before, words describing a target."""
    from erqi_diff.extract.lexicon import package_lexicon

    lex = package_lexicon()
    assert not lex.counts_in("动态清零", 2018) and lex.counts_in("动态清零", 2022)


def test_a_longer_lexicon_formula_counts_wherever_it_stands() -> None:
    assert found("建立同高质量发展相适应的管理制度。", lexicon("高质量发展")) == ["高质量发展"]


@pytest.mark.parametrize("text, listed", [
    ("不断创新发展理念。", False),       # 创新 + 发展理念
    ("完整准确全面贯彻新发展理念。", True),
    ("以“新发展理念”引领发展。", True),
])
def test_a_formula_led_by_xin_does_not_begin_inside_a_word(text: str, listed: bool) -> None:
    assert bool(found(text, lexicon("新发展理念"))) is listed


@settings(deadline=None)
@given(st.text(alphabet="严打高压态势方针“”，。的和坚持开展斗争", max_size=30))
def test_as_name_is_total_and_quotes_always_name(text: str) -> None:
    """Any span can be judged; a quoted term is a name wherever it stands."""
    keyed = KeyText.of(text)
    for at in range(len(keyed.key) - 1):
        as_name(keyed, at, at + 2)
    quoted = KeyText.of(text + "“严打”")
    start = len(quoted.key) - 2
    assert key_of(quoted.key[start:]) == "严打" and as_name(quoted, start, start + 2)


# ------------------------------------------------------------ quoted formulas


FORMULAS = [
    ("按照人才链、资金链、政策链“三链”协同要求招商。", "三链"),        # names the items spelt out before it
    ("着眼于稳住存量和扩大增量“双目标”，推动发展。", "双目标"),
    ("3.“双百行动”、基层减负、作风建设取得新成效。", "双百行动"),     # opens its clause, an item of a list
    ("在“良种工程”、节水灌溉等方面加大投入。", "良种工程"),         # a name ending in a programme's head
    ("以“活力东城”统揽产业发展。", "活力东城"),                  # 以“X”统揽: what leads the work
    ("## “稳、进、立、破”\n", "稳、进、立、破"),                 # single characters as a heading of their own
    ("构建了“党委领导、政府负责、社会协同”的基层治理格局。", "党委领导、政府负责、社会协同"),
    ("搞好“书香工程”和“边疆文化走廊”的建设。", "边疆文化走廊"),   # 搞好 is carrying out, not 搞 (opposed)
    ("办好“2001中国体育旅游年”。", "2001中国体育旅游年"),       # a campaign year
    ("对粮站实行了“统一收购、分级结算”的管理办法。", "统一收购、分级结算"),  # a series naming a method
    ("继续实施“春苗计划”。", "春苗计划"),                        # a coined programme name
    ("实施“春苗计划”等惠民项目。", "春苗计划"),                  # ... also given as one of the projects
    ("推行“公司加农户”模式。", "公司加农户"),                  # a model joining households to another
    ("打好“两西”工程攻坚战。", "两西"),                          # a region's count naming its programme
]


@pytest.mark.parametrize("text, slogan", FORMULAS, ids=[f[1] for f in FORMULAS])
def test_quoted_formulas_by_position_and_shape(text: str, slogan: str) -> None:
    assert slogan in found(text)


NOT_FORMULAS = [
    "草地、林地面积持续“双增长”。",                     # a result, not the name of the items before it
    "“双轨制”范围显著缩小。",                           # opens a clause as its subject
    "办好“2001东亚运动会”。",                          # an event
    "严防出现“豆腐渣工程”。",                           # a programme's shape, opposed
    "北部商圈板块突出“时尚街区、夜间经济、老字号”。",    # a place's branding
    "构建“医、养、康、游”产业生态圈。",                  # single characters in running text
    "形成了“邻里守望、互帮互助”的社区氛围。",            # describes what follows
    "推进“特困户”帮扶工作。",                           # a category of households
    "推进“三无”人员帮扶工作。",                         # ... or of persons, named by the noun after it
    "实施“北煤南运”工程。",                             # a transfer named by its directions
    "实施“引江济淮”调水工程。",                          # a transfer project named by its places
    "推进“两西”防护林建设。",                            # a region, not the programme's name
    "推进“川藏铁路”建设。",                              # a thing built
    "实施“北气南输”管道工程。",                          # ... or named by what is built there
    "实施“通电到村”、“道路进乡”等民生工程。",            # named as instances of projects
    "建立“红橙黄”三色预警机制。",                        # a code of colours
    "围绕“班子团结好、队伍建设好、服务群众好”三个方面开展创建。",  # the criteria of an award
    "实施“2011计划”。",                                 # a funding programme by its code
    "增加“国家自然科学研究发展计划”投入。",              # ... or by its official title
    "他们攻击改革，说什么“两个市场之日，就是倒退之时”。",  # a saying quoted to refute it
    "批判了他们炮制的“三个估计”的反革命谬论。",          # ... an opponents' formula
    "坚持揭批“五人帮”的斗争。",                          # a faction of persons
    "推进“东方”反党集团的清查工作。",                    # ... named by the noun after it
]


@pytest.mark.parametrize("text", NOT_FORMULAS)
def test_quoted_phrases_that_are_not_formulas(text: str) -> None:
    assert found(text) == []


def test_a_one_character_variant_keeps_the_leading_word() -> None:
    snaps = [make_snapshot(2001, "实施“良种工程”。\n"), make_snapshot(2002, "严防“钓鱼”项目和“狼种”工程。\n")]
    record = next(s for s in slogans.extract(snaps, no_lexicon()) if s.slogan == "良种工程")
    assert record.years == (2001,) and record.variants == ()


# ---------------------------------------------------------- unquoted formulas


UNQUOTED = [
    ("先后推出了春苗助学计划、银龄关爱计划等三项惠民制度。", ["春苗助学计划", "银龄关爱计划"]),  # named measures
    ("坚持统一规划、统一建设、统一管理的原则。", ["统一规划、统一建设、统一管理"]),      # a series named a 原则
    ("办好中国乡村旅游年。", ["中国乡村旅游年"]),                                      # a campaign year held
    ("统一规划、统一建设、统一管理。", []),                                          # a plain list
    ("多出有利于稳物价、稳就业、稳预期的政策。", []),                                # what the policies are for
    ("筹备建国五十周年庆祝活动，办好建国五十周年。", []),
]


@pytest.mark.parametrize("text, listed", UNQUOTED)
def test_unquoted_formulas_by_position(text: str, listed: list[str]) -> None:
    assert found(text) == listed


def test_swapped_objects_are_one_slogan() -> None:
    snaps = [make_snapshot(2001, "推进减污降碳协同增效。\n"), make_snapshot(2002, "全面落实减碳降污。\n")]
    record = slogans.extract(snaps, lexicon("减污降碳"))[0]
    assert record.slogan == "减污降碳" and record.years == (2001, 2002)
    assert [v.slogan for v in record.variants] == ["减污降碳", "减碳降污"]

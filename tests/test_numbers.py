"""Numbers as the reports write them: units, magnitudes, ranges, hedges,
Chinese numerals; malformed numbers skipped, never guessed."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from erqi_diff.extract.numbers import Qualifier, find_quantities, parse_chinese_numeral, parse_number, to_base

CASES = [
    # text, [(value, unit, qualifier, text)]
    ("全年地区生产总值完成567亿元，增长9%", [(567, "亿元", "exact", "567亿元"), (9, "%", "exact", "9%")]),
    ("国内生产总值达到56.9万亿元", [(56.9, "万亿元", "exact", "56.9万亿元")]),
    ("新增市场主体1.11万家", [(1.11, "万家", "exact", "1.11万家")]),
    ("增长6.5%－7%", [([6.5, 7], "%", "range", "6.5%－7%")]),
    ("增长6.5%-7%", [([6.5, 7], "%", "range", "6.5%-7%")]),
    ("增长6.5-7%", [([6.5, 7], "%", "range", "6.5-7%")]),
    ("增长6.5%左右", [(6.5, "%", "about", "6.5%左右")]),
    ("增长6%以上", [(6, "%", "at_least", "6%以上")]),
    ("专利申请量突破3500件", [(3500, "件", "over", "突破3500件")]),
    ("城镇新增就业1200万人以上", [(1200, "万人", "at_least", "1200万人以上")]),
    ("城镇登记失业率4.6%以内", [(4.6, "%", "at_most", "4.6%以内")]),
    ("新增绿地263.89万平方米", [(263.89, "万平方米", "exact", "263.89万平方米")]),
    ("建成中小学、幼儿园39所", [(39, "所", "exact", "39所")]),
    ("优良天数达202天", [(202, "天", "exact", "202天")]),
    ("提高2.7个百分点", [(2.7, "个百分点", "exact", "2.7个百分点")]),
    ("一百五十个重大项目", [(150, "个", "exact", "一百五十个")]),
    ("两千万人", [(2000, "万人", "exact", "两千万人")]),
    ("投入1,234万元", [(1234, "万元", "exact", "1,234万元")]),
    ("约2569万平方米", [(2569, "万平方米", "about", "约2569万平方米")]),
    # malformed: skipped, never guessed
    ("完成3.2.1亿元", []),
    ("完成1,2345万元", []),
    ("亿元", []),
    ("一个亿的投入？亿", [(1, "个", "exact", "一个")]),
    # not quantities: years, dates, model names, bare numbers
    ("2017年1月13日", []),
    ("PM2.5浓度", []),
    ("5G应用", []),
    ("2014~2016年全国", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0] for c in CASES])
def test_find_quantities(text: str, expected: list) -> None:
    got = [(q.json_value(), q.unit, q.qualifier.value, q.text) for q in find_quantities(text)]
    assert got == expected


@pytest.mark.parametrize("numeral, value", [("一", 1), ("十", 10), ("十五", 15), ("二十", 20), ("一百五十", 150),
                                            ("两千", 2000), ("一千零五", 1005), ("三万", 30000), ("一二", None),
                                            ("", None), ("亿x", None)])
def test_chinese_numerals(numeral: str, value) -> None:
    assert parse_chinese_numeral(numeral) == value


@pytest.mark.parametrize("token, value", [("567", 567.0), ("1.67", 1.67), ("12,345", 12345.0), ("3.2.1", None),
                                          ("1,2345", None), ("1,234.5", 1234.5)])
def test_parse_number(token: str, value) -> None:
    assert parse_number(token) == value


def test_to_base_lines_up_magnitudes() -> None:
    assert to_base(567, "亿元") == (5.67e10, "元")
    assert to_base(1.2, "万亿斤") == (1.2e12, "斤")
    assert to_base(5, "%") == (5, "%")
    assert to_base(24295, "人")[1] == to_base(2.4, "万人")[1] == "人"


def test_range_keeps_both_ends_and_never_a_midpoint() -> None:
    (q,) = find_quantities("预期增长6.5%－7%")
    assert q.qualifier is Qualifier.RANGE and q.value == 6.5 and q.high == 7


@given(st.text(alphabet="0123456789.,亿万元%个人天左右以上突破－-年 增长完成，。一二三十百", max_size=40))
def test_spans_are_verbatim_and_nothing_raises(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.unit  # a number without a unit or magnitude is never a quantity


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["亿元", "万人", "个", "%", "万平方米", "天"]))
def test_written_numbers_are_read_back(n: int, unit: str) -> None:
    (q,) = find_quantities(f"完成{n}{unit}，")
    assert q.value == n and q.unit == unit and q.qualifier is Qualifier.EXACT

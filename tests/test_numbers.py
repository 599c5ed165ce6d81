"""Numbers as the reports write them: units, magnitudes, ranges, hedges,
Chinese numerals with mixed magnitudes, full-width thousands commas;
years, dates and malformed numbers skipped, never guessed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from erqi_diff.extract.numbers import Modifier, find_quantities, parse_chinese_numeral, parse_number, to_base

CASES = [
    # text, [(value, unit, modifier, quote)]
    ("全年地区生产总值完成567亿元，增长9%", [(567, "亿元", "point", "567亿元"), (9, "%", "point", "9%")]),
    ("国内生产总值达到56.9万亿元", [(56.9, "万亿元", "point", "56.9万亿元")]),
    ("新增市场主体1.11万家", [(1.11, "万家", "point", "1.11万家")]),
    ("增长6.5%－7%", [([6.5, 7], "%", "range", "6.5%－7%")]),
    ("国内生产总值增长6%-6.5%", [([6, 6.5], "%", "range", "6%-6.5%")]),
    ("增长6.5-7%", [([6.5, 7], "%", "range", "6.5-7%")]),
    ("定为百分之八至九", [([8, 9], "%", "range", "百分之八至九")]),
    ("实际增长百分之四至百分之五", [([4, 5], "%", "range", "百分之四至百分之五")]),
    ("增长6.5%左右", [(6.5, "%", "about", "6.5%左右")]),
    ("增长6%以上", [(6, "%", "at_least", "6%以上")]),
    ("专利申请量突破3500件", [(3500, "件", "at_least", "突破3500件")]),
    ("国内生产总值超过126万亿元", [(126, "万亿元", "at_least", "超过126万亿元")]),
    ("城镇新增就业1200万人以上", [(1200, "万人", "at_least", "1200万人以上")]),
    ("城镇登记失业率4.6%以内", [(4.6, "%", "at_most", "4.6%以内")]),
    ("城镇登记失业率低于4.6%", [(4.6, "%", "at_most", "低于4.6%")]),
    ("新增绿地263.89万平方米", [(263.89, "万平方米", "point", "263.89万平方米")]),
    ("建成中小学、幼儿园39所", [(39, "所", "point", "39所")]),
    ("新增发电装机容量一千九百五十万千瓦", [(1950, "万千瓦", "point", "一千九百五十万千瓦")]),  # 千 of 千瓦 is the unit's
    ("开支要比去年预算执行数节约10%", [(10, "%", "point", "10%")]),                  # 节约 is no 约
    ("提高2.7个百分点", [(2.7, "个百分点", "point", "2.7个百分点")]),
    ("一百五十个重大项目", [(150, "个", "point", "一百五十个")]),
    ("两千万人", [(2000, "万人", "point", "两千万人")]),
    ("投入1,234万元", [(1234, "万元", "point", "1,234万元")]),
    ("约2569万平方米", [(2569, "万平方米", "about", "约2569万平方米")]),
    # Chinese numerals counted in their last magnitude
    ("一九九○年工农业总产值达到一万六千七百七十亿元", [(16770, "亿元", "point", "一万六千七百七十亿元")]),
    ("总产量达到三亿零四百七十五万吨", [(30475, "万吨", "point", "三亿零四百七十五万吨")]),
    ("农村新建住房六亿三千多万平方米", [(63000, "万平方米", "at_least", "六亿三千多万平方米")]),
    ("化学纤维二十八万五千吨", [(285000, "吨", "point", "二十八万五千吨")]),
    ("安排七百多万人就业", [(700, "万人", "at_least", "七百多万人")]),
    ("增长百分之八点一", [(8.1, "%", "point", "百分之八点一")]),
    ("降到千分之十左右", [(10, "‰", "about", "千分之十左右")]),
    ("比一九八○年增长一点三倍", [(1.3, "倍", "point", "一点三倍")]),
    ("国民生产总值翻两番", [(2, "番", "point", "翻两番")]),
    ("惠及上千万家庭", [(1000, "万", "at_least", "上千万")]),
    # full-width thousands commas, and digits spaced out by an old typesetting
    ("原煤1，000万吨", [(1000, "万吨", "point", "1，000万吨")]),
    ("粮食产量达到4 9 2 5 0万吨", [(49250, "万吨", "point", "4 9 2 5 0万吨")]),
    # malformed: skipped, never guessed
    ("完成3.2.1亿元", []),
    ("完成1,2345万元", []),
    ("亿元", []),
    ("几千万吨", []),
    ("数亿人", []),
    # not quantities: years (also in Chinese numerals), dates, model names, ordinals, bare numbers
    ("2017年1月13日", []),
    ("一九九○年", []),
    ("一九七九和一九八○两年", []),
    ("PM2.5浓度", []),
    ("5G应用", []),
    ("2014~2016年全国", []),
    ("1-10月", []),
    ("第三个", []),
    ("“十三五”期间", []),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0] for c in CASES])
def test_find_quantities(text: str, expected: list) -> None:
    got = [(q.json_value(), q.unit, q.modifier.value, q.text) for q in find_quantities(text)]
    assert got == expected


@pytest.mark.parametrize("numeral, value", [("一", 1), ("十", 10), ("十五", 15), ("二十", 20), ("一百五十", 150),
                                            ("两千", 2000), ("一千零五", 1005), ("三万", 30000), ("一二", None),
                                            ("一九九○", None), ("", None), ("亿x", None), ("八点一", 8.1),
                                            ("一万六千七百七十亿", 1.677e12), ("三亿零四百七十五万", 304750000)])
def test_chinese_numerals(numeral: str, value) -> None:
    assert parse_chinese_numeral(numeral) == value


@pytest.mark.parametrize("token, value", [("567", 567.0), ("1.67", 1.67), ("12,345", 12345.0), ("3.2.1", None),
                                          ("1,2345", None), ("1,234.5", 1234.5), ("1，000", 1000.0)])
def test_parse_number(token: str, value) -> None:
    assert parse_number(token) == value


def test_to_base_lines_up_magnitudes() -> None:
    assert to_base(567, "亿元") == (5.67e10, "元")
    assert to_base(1.2, "万亿斤") == (6e8, "吨")  # one quantity: 1吨 is 2000斤
    assert to_base(15, "亩") == (1, "公顷")
    assert to_base(5, "%") == (5, "%")
    assert to_base(24295, "人")[1] == to_base(2.4, "万人")[1] == "人"
    assert to_base(900, "万千瓦") == (9e6, "千瓦")


def test_range_keeps_both_ends_and_never_a_midpoint() -> None:
    (q,) = find_quantities("预期增长6.5%－7%")
    assert q.modifier is Modifier.RANGE and q.value == 6.5 and q.high == 7


@settings(deadline=None)
@given(st.text(alphabet="0123456789.,，亿万元%个人天左右以上突破－-年 增长完成，。一二三十百千零○九", max_size=40))
def test_spans_are_verbatim_and_nothing_raises(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start:q.end] == q.text
        assert q.unit  # a number without a unit or magnitude is never a quantity
        assert q.start <= q.num_start < q.end


@settings(deadline=None)
@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["亿元", "万人", "个", "%", "万平方米", "天"]))
def test_written_numbers_are_read_back(n: int, unit: str) -> None:
    (q,) = find_quantities(f"完成{n}{unit}，")
    assert q.value == n and q.unit == unit and q.modifier is Modifier.POINT


@settings(deadline=None)
@given(st.integers(min_value=1000, max_value=999_999))
def test_thousands_commas_ascii_and_full_width_read_alike(n: int) -> None:
    grouped = f"{n:,}"
    for text in (grouped, grouped.replace(",", "，")):
        (q,) = find_quantities(f"产量{text}万吨，")
        assert q.value == n and q.unit == "万吨"


@settings(deadline=None)
@given(st.integers(min_value=1950, max_value=2049))
def test_years_are_never_quantities(year: int) -> None:
    cn = "".join("○一二三四五六七八九"[int(d)] for d in str(year))
    assert find_quantities(f"{year}年，{cn}年工作") == []


@pytest.mark.parametrize("text, expected", [
    ("全社会固定资产投资增长14·1%", [(14.1, "%", "14·1%")]),  # a middle dot typed for the point (1999's report)
    ("实际增长5・8％", [(5.8, "%", "5・8％")]),
    ("遭遇“7·20”特大暴雨", []),  # a name: no 7.20 (nor 7 nor 20)
    ("智汇郑州·1125聚才计划", []),
])
def test_a_middle_dot_is_a_point_only_before_a_percent_sign(text: str, expected: list) -> None:
    assert [(q.value, q.unit, q.text) for q in find_quantities(text)] == expected

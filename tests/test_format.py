"""The one formatting module every view uses (erqi_diff.views.format):
numbers, units, shares and years, table-driven with the reports' own units."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from hypothesis import given, settings, strategies as st

from erqi_diff.views import format as fmt


@pytest.mark.parametrize("value, shown", [
    (567.0, "567"), (323.30, "323.3"), (12345.67, "12345.67"), (-0.0, "0"), (0.1 + 0.2, "0.3"), (1e20, "100000000000000000000"),
])
def test_number(value, shown) -> None:
    assert fmt.number(value) == shown


@pytest.mark.parametrize("args, shown", [
    ((567, "亿元", "point", "level"), "567亿元"),
    ((5.2, "%", "point", "growth"), "+5.2%"),
    ((-3, "%", "point", "growth"), "-3%"),
    ((5, "%", "about", "growth"), "about +5%"),
    ((1200, "万人", "at_least", "level"), "at least 1200万人"),
    (((6, 6.5), "%", "range", "growth"), "+6–6.5%"),
    ((1.67, "倍", "point", "ratio"), "1.67倍"),
    ((1800, "亿元", "point", "change"), "+1800亿元"),
    ((-1, "个百分点", "at_least", "growth"), "≤ -1个百分点"),   # 降低1个百分点以上: the change is -1 or below
    ((-300, "亿元", "at_most", "change"), "≥ -300亿元"),       # 减少不超过300亿元
    ((None, "%", "absent", "level"), "none set"),
    ((None, "%", "qualitative", "growth"), "in words"),
])
def test_figure(args, shown) -> None:
    assert fmt.figure(*args) == shown


@pytest.mark.parametrize("args, shown", [
    ((2020, 2021, None), "2020 · report 2021"),
    ((2017, 2017, None), "2017"),
    ((2020, 2021, (2016, 2020)), "2016–2020 · report 2021"),
    ((None, 2019, None), "year unstated · report 2019"),
    ((1985, 1982, None, "multi-year"), "years to 1985 · report 1982"),  # 平均每年递增百分之七, its first year unsaid
    ((1985, 1985, None, "multi-year"), "years to 1985 · report 1985"),
])
def test_year_label(args, shown) -> None:
    assert fmt.year_label(*args) == shown


@pytest.mark.parametrize("goal, outcome, shown", [
    ((2022, None), (2022, None, 2023), "report 2023"),                 # the same year: the report alone
    ((2022, None), (2022, (2018, 2022), 2023), "2018–2022, report 2023"),  # a five-year figure beside a year's goal
    ((2020, (2016, 2020)), (2020, (2016, 2020), 2021), "report 2021"),
    ((2015, None), (None, None, 2016), "unstated, report 2016"),
    ((1982, None), (1982, None, 1982, "estimate"), "report 1982, estimate"),  # 预计可以达到百分之六点四
])
def test_outcome_source_says_the_years_when_they_are_not_the_goals(goal, outcome, shown) -> None:
    g = SimpleNamespace(figure_year=goal[0], figure_span=goal[1])
    kind = SimpleNamespace(value=outcome[3] if len(outcome) > 3 else "actual")
    o = SimpleNamespace(figure_year=outcome[0], figure_span=outcome[1], year=outcome[2], kind=kind)
    assert fmt.outcome_source(g, o) == shown


@pytest.mark.parametrize("value, unit, shown", [(0.2, "%", "+0.2 pt"), (-0.5, "%", "-0.5 pt"), (74, "万套", "+74万套"),
                                                (None, "%", "")])
def test_margin(value, unit, shown) -> None:
    assert fmt.margin(value, unit) == shown


@pytest.mark.parametrize("ratio, shown", [(0.5, "50%"), (0.996, ">99%"), (0.004, "<1%"), (0.0, "0%"), (1.0, "100%"),
                                          (None, "")])
def test_share_never_rounds_to_all_or_nothing(ratio, shown) -> None:
    assert fmt.share(ratio) == shown


@settings(max_examples=300, deadline=None)
@given(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e15, max_value=1e15))
def test_numbers_have_no_exponent_and_no_grouping(value) -> None:
    shown = fmt.number(value)
    assert "e" not in shown and "," not in shown
    assert abs(float(shown) - value) <= 1e-6 * max(1.0, abs(value))


def test_years_phrase_joins_runs() -> None:
    assert fmt.years_phrase([2018, 2016, 2017, 2021]) == "2016–2018, 2021"


@pytest.mark.parametrize("low, modifier, margin, shown", [
    (10000, "at_least", 600, "≥ +600万吨"),   # 产量1亿吨以上 against 9400万吨
    (-3, "at_least", -0.5, "≤ -0.5 pt"),     # 能耗降低3%以上 against 降低2.5%: a fall of 3 or more
    (9500, "point", 100, "+100万吨"),
])
def test_link_margin_of_a_bound(low, modifier, margin, shown) -> None:
    from types import SimpleNamespace

    from erqi_diff.extract.numbers import Modifier

    unit = "%" if low < 0 else "万吨"
    link = SimpleNamespace(margin=margin, goal=SimpleNamespace(unit=unit),
                           outcome=SimpleNamespace(low=low, modifier=Modifier(modifier)))
    assert fmt.link_margin(link) == shown


@pytest.mark.parametrize("kind, shown", [("estimate", "773亿元 est."), ("actual", "773亿元"), (None, "773亿元")])
def test_an_estimate_is_marked(kind, shown) -> None:
    assert fmt.estimated("773亿元", kind) == shown

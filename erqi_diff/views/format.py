"""How every view writes numbers, units, shares and years: one place, so the
terminal, Markdown, HTML and CSV say the same thing the same way.

Numbers are written as the reports write them: no exponent, no thousands
grouping inside a figure (567亿元, 1244万人, 12345.67), up to six decimals
with trailing zeros dropped. Counts of characters, sections and the like are
grouped (2,421 characters). A range is ``low–high`` with one unit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Number = int | float
Value = Number | Sequence[Number]

#: Units that are rates: a change of a rate is in points, not a percentage of it.
PERCENT_UNITS = ("%", "％", "个百分点")


def number(value: Number) -> str:
    """567.0 -> "567", 323.30 -> "323.3", 12345.67 -> "12345.67",
    1234567.5 -> "1234567.5", -0.0 -> "0": no exponent, no grouping."""
    value = float(value)
    if value.is_integer():
        return str(int(value)) if abs(value) < 1e18 else f"{value:.0f}"
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def signed(value: Number) -> str:
    """+9, -0.3, 0."""
    return ("+" if value > 0 else "") + number(value)


def value(v: Value | None) -> str:
    """A figure or a range ([6, 6.5] -> "6–6.5"); "" for None."""
    if v is None:
        return ""
    if isinstance(v, (int, float)):
        return number(v)
    return "–".join(number(x) for x in v)


def amount(v: Value | None, unit: str | None) -> str:
    """A figure with its unit as written: 567亿元, 6–6.5%, 20条."""
    shown = value(v)
    return f"{shown}{unit or ''}" if shown else ""


def growth(g: Value | None) -> str:
    """A signed growth rate: +9%, -0.3%, +5–6%."""
    if g is None:
        return ""
    if isinstance(g, (int, float)):
        return signed(g) + "%"
    low, high = g
    return signed(low) + "–" + (number(high) if low >= 0 else signed(high)) + "%"


def share(ratio: float | None) -> str:
    """A share of a whole: 0.5 -> "50%", 0.996 -> ">99%", 0.004 -> "<1%"
    (never rounded to all or nothing); "" for None."""
    if ratio is None:
        return ""
    if 0 < ratio < 0.01:
        return "<1%"
    if 0.99 < ratio < 1:
        return ">99%"
    return f"{ratio:.0%}"


def share_precise(ratio: float) -> str:
    """A share with one decimal: 0.1234 -> "12.3%"."""
    return f"{ratio:.1%}"


def count(n: int) -> str:
    """A count of things the tool counts (characters, sections): grouped, 2,421."""
    return f"{n:,}"


def plural(n: int, word: str) -> str:
    """1 section, 2 sections (English words of the views)."""
    return f"{count(n)} {word}" + ("" if n == 1 else "s")


def part_of(part: int, whole: int, word: str) -> str:
    """Some of a whole: "the section" (1 of 1), "both sections", "all 9 sections", "2 of the 3 sections"."""
    if part == whole:
        return f"the {word}" if whole == 1 else f"both {word}s" if whole == 2 else f"all {count(whole)} {word}s"
    return f"{count(part)} of the {plural(whole, word)}"


def years_phrase(years: Iterable[int]) -> str:
    """(2016, 2017, 2018) -> "2016–2018"; (2016, 2018) -> "2016, 2018"."""
    years = sorted(set(years))
    if not years:
        return ""
    runs, start = [], years[0]
    for i, year in enumerate(years):
        if i + 1 == len(years) or years[i + 1] != year + 1:
            runs.append(str(start) if start == year else f"{start}–{year}")
            if i + 1 < len(years):
                start = years[i + 1]
    return ", ".join(runs)


def keys_phrase(keys: Iterable[str]) -> str:
    """Document keys: years as :func:`years_phrase` puts them ("2013, 2022–2023"), other keys joined."""
    keys = list(keys)
    if keys and all(key.isdigit() for key in keys):
        return years_phrase(int(key) for key in keys)
    return ", ".join(keys)


def recurring(keys: Iterable[str | int], share: float) -> str:
    """A copy's wording found in other reports of its series (``Passage.also``):
    "recurring: 54% of it also in 1994–1995, 1997" (``share``: the least any of them holds)."""
    return f"recurring: {round(100 * share)}% of it also in {keys_phrase(str(key) for key in keys)}"


def figure_years(figure_year: int | None, span: Sequence[int] | None = None) -> str:
    """The year a figure describes: "2020", "2016–2020" (a span), "unstated"."""
    if span:
        return f"{span[0]}–{span[-1]}" if span[0] != span[-1] else str(span[0])
    return "unstated" if figure_year is None else str(figure_year)


def other_years(goal_year: int | None, goal_span: Sequence[int] | None, year: int | None,
                span: Sequence[int] | None) -> str:
    """The years an outcome describes when they are not its goal's ("2018–2022"
    for a five-year figure beside a goal of 2022), else ""."""
    mine = figure_years(year, span)
    return "" if mine == figure_years(goal_year, goal_span) else mine


def estimated(shown: str, kind: str | None) -> str:
    """``shown`` (a figure as written) marked when its report only estimates
    it (kind ``estimate``: 预计实现地区生产总值773亿元): "773亿元 est."."""
    return f"{shown} est." if kind == "estimate" else shown


def outcome_source(goal, outcome) -> str:
    """Where an outcome comes from, with its years when they are not the
    goal's, and "estimate" when the report only estimates it (预计可以达到):
    "report 2023", "2018–2022, report 2023", "report 1982, estimate"
    (``goal`` and ``outcome``: :class:`~erqi_diff.extract.facts.Fact`)."""
    years = other_years(goal.figure_year, goal.figure_span, outcome.figure_year, outcome.figure_span)
    source = f"{years}, report {outcome.year}" if years else f"report {outcome.year}"
    return source + (", estimate" if outcome.kind.value == "estimate" else "")


def year_label(figure_year: int | None, report_year: int, span: Sequence[int] | None = None,
               period: str | None = None) -> str:
    """Where a figure belongs, said in full when the figure's year is not the
    report's: "2020 · report 2021", "2016–2020 · report 2021", "2017",
    "year unstated · report 2019"; a figure over several years whose first
    year the text leaves out (平均每年递增百分之七, 一九八五年…): "years to 1985"."""
    if span:
        shown = f"{span[0]}–{span[-1]}" if span[0] != span[-1] else str(span[0])
    elif figure_year is None:
        shown = "year unstated"
    elif period == "multi-year":
        shown = f"years to {figure_year}"
    else:
        shown = str(figure_year)
    if figure_year == report_year and not span and period != "multi-year":
        return shown
    return f"{shown} · report {report_year}"


#: The bases that make a figure over several years an average a year (年均增长5.2%, 年均1270多万人).
PER_YEAR_BASES = ("年均", "平均每年", "每年平均", "每年")


def series_label(measure: str, period: str | None, base: str | None = None) -> str:
    """How a figure is measured, in words: "growth, year", "level, period
    unstated", and, for a figure over several years that is an average a
    year (年均增长5.2%, 城镇新增就业年均1270多万人), "growth, multi-year, a year on average"."""
    shown = f"{measure}, {period or 'period unstated'}"
    return shown + ", a year on average" if period == "multi-year" and base in PER_YEAR_BASES else shown


def is_percent(unit: str | None) -> bool:
    return unit in PERCENT_UNITS


#: How a figure's modifier reads before it (左右 -> "about 5%").
HEDGES = {"about": "about ", "at_least": "at least ", "at_most": "at most ", "absent": "none set",
          "qualitative": "in words"}


def figure(value: Value | None, unit: str | None, modifier: str = "point", measure: str = "level") -> str:
    """A figure as a reader says it: 567亿元, +5.2% (a growth), -3% (a fall),
    about 5%, at least 1200万人, ≤ -1个百分点 (降低1个百分点以上), 6–6.5%, 1.67倍; "none set", "in words" for a
    target not set or stated without a figure; "" for no value."""
    if modifier in ("absent", "qualitative"):  # no target set; a target in words (the quote says it)
        return HEDGES[modifier]
    if value is None:
        return ""
    if measure in ("growth", "change"):
        shown = growth(value) if unit == "%" else _signed_amount(value, unit)
        if modifier in ("at_least", "at_most") and isinstance(value, (int, float)) and value < 0:
            # 降低1个百分点以上: a fall of 1 point or more, the change -1 or below: never "at least -1"
            return ("≤ " if modifier == "at_least" else "≥ ") + shown
    else:
        shown = amount(value, unit)
    return HEDGES.get(modifier, "") + shown


def _signed_amount(v: Value, unit: str | None) -> str:
    if isinstance(v, (int, float)):
        return signed(v) + (unit or "")
    low, high = v
    return signed(low) + "–" + (number(high) if low >= 0 else signed(high)) + (unit or "")


def link_margin(link) -> str:
    """A verdict's margin (:func:`margin`); when the outcome is itself a
    bound, which way the true margin may lie: 产量1亿吨以上 against 9400万吨,
    "≥ +600万吨"; 能耗降低3%以上 against 降低2.5%, "≤ -0.5 pt"."""
    shown = margin(link.margin, link.goal.unit)
    bound = getattr(getattr(link.outcome, "modifier", None), "value", "")
    if not shown or bound not in ("at_least", "at_most"):
        return shown
    negative = (link.outcome.low or 0) < 0  # a fall: 以上 bounds its size, so the signed value from above
    return ("≥ " if (bound == "at_least") != negative else "≤ ") + shown


def margin(value: float | None, unit: str | None) -> str:
    """A verdict's margin: +0.2 pt for rates, +74万套 for amounts; "" for None."""
    if value is None:
        return ""
    if unit in PERCENT_UNITS:
        return f"{signed(value)} pt"
    if unit == "‰":
        return f"{signed(value)}‰"
    return signed(value) + (unit or "")

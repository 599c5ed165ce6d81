"""What a figure is measured from: the year a change is against (比一九七八年,
1986年同1978年相比), the value of that year (比一九八○年的七千一百五十九亿元),
the start of a goal (从14.8%降到10%左右), and the years a total covers
(五年合计…，其中一九八五年…). Regex only; :mod:`erqi_diff.extract.reader`
applies them to a figure's time and kind."""

from __future__ import annotations

import re

from erqi_diff.extract.facts import Measure, Period
from erqi_diff.extract.timing import When, read_year

_YEAR = r"((?:19|20)\d\d|[一二三四五六七八九][一二三四五六七八九○〇零]{3})年"
_BASE_YEAR = re.compile(_YEAR)
#: 1986年同1978年相比，国民生产总值由3480亿元增加到9380亿元，增长102%: the sentence compares with a year
#: (named with what it was: 同完成经济恢复的1952年相比)
_COMPARED = re.compile(rf"(?:同|与|和|跟)(?:[^，,。；;\d年]{{1,12}}的)?{_YEAR}(?:相比|比较)")
#: the value of a named year a change is measured from: 比一九八○年的七千一百五十九亿元
_BASE_VALUE = re.compile(rf"(?:比|较|同|与|和){_YEAR}(底|末)?的$")
#: 五年合计…，其中一九八五年为…: a year the total holds
_PART_YEAR = re.compile(rf"[，,]?其中{_YEAR}")
_FROM_TO = re.compile(r"(?:左右)?[，,]?(?:提高|增加|上升|下降|降低|减少|扩大|增长|发展|压缩|回落|降|升)(?:到|至)")
#: 由一九八○年的三千二百万亩增加到…: a change from a named year's level
_FROM_DATED = re.compile(rf"(?:从|由){_YEAR}(?:底|末)?的$")
_DATED_BEFORE = re.compile(r"(?:\d{4}|[一二三四五六七八九][一二三四五六七八九○〇零]{3})年(?:底|末)?的?$")


#: a base that names a year, as written: 比一九八○年, 较1995年
_NAMED_BASE = re.compile(rf"(?:比|较|同){_YEAR}")


def base_year(base: str | None) -> int | None:
    """The year a base as written names (比一九八○年 -> 1980), else None."""
    m = _NAMED_BASE.fullmatch(base or "")
    return read_year(m.group(1)) if m else None


def since_a_year(when: When, measure: Measure, base: str | None) -> When:
    """A change against a named year more than one year back (比一九七八年增长
    百分之三十二点六, 是2015年的1.67倍, 比1995年增长69%) is of the years since
    that year: multi-year, spanning the year after it to the figure year,
    never one year's change (which an annual target would be judged by)."""
    if base is None or measure is Measure.LEVEL or when.year is None or when.period is not Period.YEAR:
        return when
    m = _BASE_YEAR.search(base)
    since = read_year(m.group(1)) if m else None
    if since is None or since >= when.year - 1:
        return when
    return When(Period.MULTI_YEAR, when.year, (since + 1, when.year), when.stated, when.future)


def compared_year(text: str, pos: int) -> int | None:
    """The year ``text`` compares with before ``pos`` (同1978年相比), or None."""
    found = list(_COMPARED.finditer(text, 0, pos))
    return read_year(found[-1].group(1)) if found else None


def base_value(text: str, start: int) -> tuple[int, bool] | None:
    """(year, year-end?) when the figure at ``start`` is the value a change is
    measured from (比一九八○年的X, 比1995年底的X), else None."""
    m = _BASE_VALUE.search(text, max(0, start - 12), start)
    year = read_year(m.group(1)) if m else None
    return (year, bool(m.group(2))) if m and year is not None else None


def goal_start(text: str, start: int, end: int) -> bool:
    """The figure at ``start:end`` is where a goal starts from: 从14.8%降到…, 由4.5%降到…,
    计划由一九八○年的三千二百万亩增加到一九八五年的一亿亩 (that year's level)."""
    before = text[max(0, start - 14):start]
    return bool(_FROM_TO.match(text, end)) and (before.endswith(("从", "由")) or bool(_FROM_DATED.search(before)))


def dated_before(text: str, start: int) -> bool:
    """A year is named right before ``start`` (由1978年的…)."""
    return bool(_DATED_BEFORE.search(text[max(0, start - 12):start]))


def part_year(text: str, end: int) -> int | None:
    """The year of 其中Y年 right after a figure ending at ``end`` (a total's last year), or None."""
    m = _PART_YEAR.match(text, end)
    return read_year(m.group(1)) if m else None

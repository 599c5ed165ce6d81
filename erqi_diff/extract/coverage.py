"""Whose figure it is: when an indicator's name stands before a figure that is
not the national statistic.

Two ways these reports write such a figure:

- **a part of the country or of the economy** as the subject
  (:func:`of_a_part`): 仍然有三分之一的省、市、自治区，粮食产量平均每年的增长速度都在
  百分之四点三以上; 一些地区工业总产值增长20%; 部分企业财政收入下降. The figure
  is of those provinces, regions or enterprises, never the national one.
- **what an action gives up, spends or adds** (:func:`acted_on`): the
  indicator is the object of a verb of change, the figure what that verb moved
  it by (共计减少财政收入五百二十亿元，相应地增加了农民的收入; 国家增加财政开支和减少财政收入
  共四百零五亿元): the cost or yield of a policy, not the level or change of the
  statistic (that is written subject first: 财政收入比上年减少…).

Word lists only; the reader (:mod:`erqi_diff.extract.reader`) asks.
"""

from __future__ import annotations

import re

#: A part: a share, some, many, a count of provinces, regions, cities,
#: counties, enterprises, trades... (三分之一的省、市、自治区, 一些地区, 部分企业, 有的省, 二十个省).
_PART = re.compile(
    r"(?:[一二三四五六七八九十\d]+分之[一二三四五六七八九十\d]+|一半|(?<!大)部分|大部分|一些|有些|有的|不少|许多|"
    r"多数|大多数|少数|个别|[\d一二三四五六七八九十两]+个)(?:的)?"
    r"(?:省、市、自治区|省、自治区、直辖市|省区市|省份|省|自治区|直辖市|地区|地方|城市|县|市|企业|行业|部门|单位|乡镇)")
#: What may stand between the part and the indicator's name in its clause (一些地区的粮食产量).
_TO_NAME = re.compile(r"^[的，,]?(?:[^，,；;。]{0,6}的)?$")
#: A verb of change whose object is the indicator (减少财政收入, 增加财政收入).
_ACTING = re.compile(r"(?:增加|减少|提高|降低|减收|增收)$")


def of_a_part(text: str, clause_start: int, name_start: int) -> bool:
    """Whether the indicator named at ``name_start`` is said of a part (of the
    provinces, regions, enterprises): the part is its clause's subject, right
    before the name (一些地区粮食产量, 部分企业的利润), or the clause before
    it is that part alone, as a topic (有三分之一的省、市、自治区，粮食产量…)."""
    lead = text[clause_start:name_start]
    for m in _PART.finditer(lead):
        if _TO_NAME.match(lead[m.end():]):
            return True
    if clause_start < 2 or text[clause_start - 1] not in "，,":
        return False
    before = text[:clause_start - 1]
    cut = max(before.rfind(c) for c in "，,；;。：:")
    topic = re.sub(r"^(?:而|但|并|仍然|仍|还|也|却|都)*(?:有)?", "", before[cut + 1:])
    return bool(_PART.fullmatch(topic)) and not lead.strip()


def acted_on(text: str, clause_start: int, name_start: int) -> bool:
    """Whether the indicator at ``name_start`` is the object of a verb of
    change standing right before it (减少财政收入五百二十亿元): what an action
    moved it by, not the statistic."""
    return bool(_ACTING.search(text, clause_start, name_start))


#: A clause whose subject is a bare rate of change, its thing named before (涨幅仍然高达百分之二十一点七).
_BARE_RATE = re.compile(r"^(?:其|全年)?(?:涨幅|上涨幅度|增幅|增长幅度|增速|降幅)[^，,；;。、\d]{0,6}$")


def bare_rate(text: str, clause_start: int, pos: int, named_before: bool) -> bool:
    """Whether the figure at ``pos`` is a bare rate of change (涨幅, 增幅, 增速)
    with nothing named before it in its sentence (``named_before`` False) and
    its clause the first of the sentence or after a clause of no figure
    (虽然在这方面做了很大努力，涨幅仍然高达百分之二十一点七): the rate of the thing of
    the paragraph's last figure (the reader decides which)."""
    return not named_before and bool(_BARE_RATE.match(text[clause_start:pos]))


# a figure given again for another coverage, in brackets: （包括村办工业为百分之六）, （不包括村办工业百分之七）
_OTHER_COVERAGE = re.compile(r"[（(]((?:包括|不包括|含|不含|扣除|剔除)[^）)，,为是]{1,12})[为是]?$")


def other_coverage(text: str, pos: int) -> str | None:
    """The coverage the brackets holding the figure at ``pos`` give the
    statistic for (包括村办工业 for 农业总产值平均每年增长百分之四（包括村办工业为百分之六）):
    not the named indicator's own figure, which the text gives outside; else None."""
    m = _OTHER_COVERAGE.search(text, max(0, pos - 22), pos)
    return m.group(1) if m else None


def same_coverage(what_a: str, what_b: str) -> bool:
    """Two figures of one indicator are of the same coverage: both or neither
    carry the bracketed coverage :func:`other_coverage` reads, and the same one."""
    return coverage_of(what_a) == coverage_of(what_b)


def coverage_of(what: str) -> str | None:
    """The bracketed coverage a figure's ``what`` carries (:func:`other_coverage`), else None."""
    m = re.search(r"（((?:包括|不包括|含|不含|扣除|剔除)[^）]*)）$", what)
    return m.group(1) if m else None

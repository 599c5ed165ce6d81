"""Numbers as Chinese reports write them: 567亿元, 26.6万亿元, 1，000万吨,
6%-6.5%, 5%左右, 1200万人以上, 突破3500件, 一万六千七百七十亿元,
百分之八点一, 千分之十左右, 七百多万人, 翻两番.

:func:`find_quantities` finds every well-formed quantity in a text with its
span. A quantity has a number and a magnitude or a unit; the value is the
number as written before its magnitude (567 for 567亿元; a Chinese numeral
with mixed magnitudes is counted in its last one: 三亿零四百七十五万吨 is
30475 万吨). Never read as quantities: years and dates (2017年, 一九九○年,
1月13日), numbers glued to Latin letters (PM2.5, 5G, M2), vague numbers
(几千万吨, 数亿), and malformed ones (3.2.1亿, 1,2345万, a lone 亿), which
are skipped, never guessed. Pure and fast: only ``re``, compiled on first use.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

__all__ = ["Modifier", "Quantity", "find_quantities", "parse_chinese_numeral", "parse_number", "to_base"]


class Modifier(str, enum.Enum):
    """How a figure is meant: plain, or one of the hedges reports use."""

    POINT = "point"          # a plain figure
    ABOUT = "about"          # 左右, 上下, 约, 近, 接近, 大约
    AT_LEAST = "at_least"    # 以上, 超过, 突破, 逾, 多, 余, 不低于, 不少于, 至少
    AT_MOST = "at_most"      # 以内, 以下, 不超过, 不到, 不足, 低于, 控制在…以内
    RANGE = "range"          # 6%-6.5%, 百分之八至九
    ABSENT = "absent"        # the report says it sets no target (能耗强度目标在“十四五”规划期内统筹考核)
    QUALITATIVE = "qualitative"  # a target in words, no figure (与经济增长基本同步, 继续下降)


_CN_DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}

#: Units after a number (and its magnitude), longest first so 平方公里 wins over 公里.
UNITS = ("个百分点", "平方公里", "平方千米", "平方米", "立方米", "千瓦时", "吨公里", "大类别", "万亿美元",
         "千瓦", "美元", "欧元", "公里", "千米", "公顷", "人次", "小时", "公斤", "千克", "批次", "大类",
         "连增", "元", "吨", "斤", "亩", "米", "个", "所", "人", "天", "件", "家", "条", "套", "座", "项",
         "处", "辆", "户", "栋", "支", "名", "位", "张", "倍", "度", "门", "只", "台", "架", "艘", "部",
         "次", "种", "类", "期", "岁", "成", "头", "株", "册", "间", "床", "场", "宗", "笔", "篇", "起",
         "%", "％", "‰")
#: Units that count things (a small Chinese numeral before one is a name or an
#: enumeration of the text: 三个二七, 四个方面, 两项工作).
COUNT_UNITS = frozenset("个所件家条套座项处辆户栋支名位张门只台架艘部次种类期头株册间床场宗笔篇起") | {"批次", "大类", "大类别"}
PERCENT_UNITS = ("%", "个百分点", "‰")
#: Words that begin with a unit's character but are no unit (上千万家庭: 万 + 家庭).
NOT_UNITS = ("家庭", "家电", "人民", "人口", "条件", "项目", "期间", "期限", "种类", "部门", "门户", "台阶",
             "场所", "所有", "度假", "天然", "处理", "起来", "次数", "名单", "位置", "元素", "成为", "成本",
             "成果", "成效", "成立", "成功", "类型", "类似", "台湾", "户籍", "套餐", "只有", "座谈", "米粮")

# longest first where one word ends another (不超过 before 超过: 不超过5000万 is a ceiling, not a floor)
_BEFORE = (("不超过", Modifier.AT_MOST), ("不到", Modifier.AT_MOST), ("不足", Modifier.AT_MOST),
           ("不低于", Modifier.AT_LEAST), ("不少于", Modifier.AT_LEAST), ("至少", Modifier.AT_LEAST),
           ("超过", Modifier.AT_LEAST), ("跃上", Modifier.AT_LEAST), ("迈上", Modifier.AT_LEAST),
           ("站上", Modifier.AT_LEAST),  # …新台阶: passed it
           ("突破", Modifier.AT_LEAST), ("逾", Modifier.AT_LEAST), ("低于", Modifier.AT_MOST),
           ("大约", Modifier.ABOUT), ("接近", Modifier.ABOUT),
           ("将近", Modifier.ABOUT), ("约有", Modifier.ABOUT), ("约", Modifier.ABOUT), ("近", Modifier.ABOUT))
#: 约 as part of a word before a figure (节约10%: a cut of 10%; 制约, 签约, 条约): no "about"
_NOT_ABOUT = ("节", "制", "签", "条", "公", "契", "预", "集", "俭")
_AFTER = (("左右", Modifier.ABOUT), ("上下", Modifier.ABOUT), ("以上", Modifier.AT_LEAST),
          ("以内", Modifier.AT_MOST), ("以下", Modifier.AT_MOST))

_CN_CHARS = "零〇○一二两三四五六七八九十百千万亿"
_CN_DIGIT_CHARS = "零〇○一二两三四五六七八九"
_PATTERN: re.Pattern | None = None


def _pattern() -> re.Pattern:
    """The one scanning pattern, compiled on first use."""
    global _PATTERN
    if _PATTERN is None:
        unit = "|".join(re.escape(u) for u in UNITS)
        # a middle dot typed for the point before a percent sign (全年增长19·5%), never in a name (7·20特大暴雨)
        arabic = r"\d(?:\d| (?=[\d.]))*(?:[,，]\d{3}(?!\d))*(?:\.\d(?:\d| (?=\d))*|[·・]\d+(?=[%‰％]))?"
        cn = rf"[{_CN_CHARS}](?:(?!千[瓦米克])[{_CN_CHARS}]|点(?=[{_CN_DIGIT_CHARS}]))*"  # 一千九百五十万千瓦
        num = rf"(?:{arabic}|{cn})"
        dash = "[-－—–~～至到]"
        _PATTERN = re.compile(
            rf"(?P<pct>百分之|千分之)?(?P<lo>{num})(?P<more>多|余)?(?P<mag>万亿|亿|万)?(?P<unit>{unit})?"
            rf"(?:(?P<dash>{dash})(?P<pct2>百分之|千分之)?(?P<hi>{num})(?P<mag2>万亿|亿|万)?(?P<unit2>{unit})?)?"
            rf"|翻(?P<fan>[一两二三四五六七八九十]|\d+)番")
    return _PATTERN


def parse_chinese_numeral(text: str) -> float | None:
    """一百五十 -> 150, 两千 -> 2000, 十五 -> 15, 一万六千七百七十亿 -> 1.677e12,
    八点一 -> 8.1; None if not a numeral (一二, 一九九○: digits in a row are a year or a code)."""
    if not text:
        return None
    whole, _, frac = text.partition("点")
    if frac and (frac.strip(_CN_DIGIT_CHARS) != "" or "两" in frac):
        return None
    if any(c not in _CN_DIGITS and c not in _CN_SMALL and c not in _CN_BIG for c in whole):
        return None
    yi, wan, section, digit = 0.0, 0.0, 0, None
    for char in whole:
        if char in _CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # 一二: two digits in a row is not a numeral
            digit = _CN_DIGITS[char]
        elif char in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[char]
            digit = None
        elif char == "万":
            wan += (section + (digit or 0) or 1) * 10_000
            section, digit = 0, None
        else:
            yi = (yi + wan + section + (digit or 0) or 1) * 100_000_000
            wan, section, digit = 0.0, 0, None
    value = yi + wan + section + (digit or 0)
    if frac:
        value += float("0." + "".join(str(_CN_DIGITS[c]) for c in frac))
    return value


def parse_number(token: str) -> float | None:
    """A number token: 567, 1.67, 12,345, 1，000, 4 9 2 5 0, 19·5 (a middle dot for the point), 一百五十.
    None when malformed."""
    if token[0].isdigit():
        plain = token.replace(" ", "").replace("·", ".").replace("・", ".")
        if "," in plain or "，" in plain:
            if not re.fullmatch(r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?", plain):
                return None
            plain = plain.replace(",", "").replace("，", "")
        return float(plain) if re.fullmatch(r"\d+(?:\.\d+)?", plain) else None
    return parse_chinese_numeral(token)


@dataclass(frozen=True)
class Quantity:
    """A number found in text.

    ``value`` is the number as written before its magnitude (567 for
    567亿元), ``unit`` the magnitude and unit as written (``亿元``; ``%`` for
    百分之X, ``‰`` for 千分之X, ``番`` for 翻两番, ``""`` for a bare count),
    ``high`` the upper end of a range. ``start``/``end`` span ``text``, the
    quote with its hedge words (约, 以上...); ``num_start`` is where the number
    itself begins. ``chinese`` is True for a number written in Chinese numerals."""

    value: float
    unit: str
    modifier: Modifier
    start: int
    end: int
    text: str
    high: float | None = None
    num_start: int = 0
    chinese: bool = False

    @property
    def is_percent(self) -> bool:
        return self.unit in PERCENT_UNITS

    @property
    def is_count(self) -> bool:
        """A count of things (个, 条, 所...), with or without a magnitude."""
        return self.unit.lstrip("万亿") in COUNT_UNITS

    def json_value(self) -> float | list[float]:
        v = tidy(self.value)
        return [v, tidy(self.high)] if self.high is not None else v


def tidy(value: float) -> float:
    """A float without binary noise (0.1 + 0.2 -> 0.3), whole numbers kept whole."""
    return float(int(value)) if float(value).is_integer() else round(value, 6)


def _read(token: str, more: str, mag: str, bare: bool = False) -> tuple[float | None, str]:
    """(value as written before the magnitude, the magnitude). A Chinese
    numeral is counted in its last magnitude (八亿 -> 8, 亿; 六亿三千多万 ->
    63000, 万); ``bare`` allows a numeral with no digit (千 in 上千万)."""
    if token[0].isdigit():
        return parse_number(token), mag
    if not bare and (token[0] in "百千万亿" or not any(c in _CN_DIGIT_CHARS or c == "十" for c in token)):
        return None, mag  # 千万 (by all means), 万众: words, not numbers
    whole = token + mag if (more and mag) else token
    if not mag or more:
        for m in ("万亿", "亿", "万"):
            if whole.endswith(m) and len(whole) > len(m):
                if m == "万亿":  # 一点五万亿: the numeral before 万亿
                    return parse_chinese_numeral(whole[:-2]), m
                total = parse_chinese_numeral(whole)
                return (None if total is None else total / _SCALE[m]), m
    return parse_chinese_numeral(token), mag


def _glued(text: str, start: int, end: int) -> bool:
    """A number glued to Latin letters or to more digits and dots (PM2.5, 5G, 3.2.1)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if before and before.isascii() and (before.isalpha() or before.isdigit() or before in "./"):
        return True
    if before == "," and start > 1 and text[start - 2].isdigit():
        return True  # 1,2345: a malformed group
    if after and after.isascii() and after.isalpha():
        return True
    return bool(after and after in ".,/" and end + 1 < len(text) and text[end + 1].isdigit())


def _modifier(text: str, start: int, end: int, current: Modifier) -> tuple[Modifier, int, int]:
    for word, mod in _AFTER:
        if text.startswith(word, end):
            return (mod if current is Modifier.POINT else current), start, end + len(word)
    for word, mod in _BEFORE:
        if text.endswith(word, 0, start) and not (word == "约" and text.endswith(_NOT_ABOUT, 0, start - 1)):
            if current is not Modifier.POINT and mod is not current:
                return current, start, end
            return mod, start - len(word), end
    return current, start, end


def _vague(text: str, start: int, token: str) -> bool:
    """几千万, 数亿, 上百万 without a digit: no number to read (上千万 and 近千万 are 1000万)."""
    before = text[start - 1] if start > 0 else ""
    if before and before in "几数":
        return True
    return token[0] in "百千万亿" and not (before and before in "上近")


def find_quantities(text: str) -> list[Quantity]:
    """Every well-formed quantity in ``text`` (value, unit, modifier, span).

    A number is kept only with a magnitude or a unit (a bare 2017 is a year
    or an ordinal, not a quantity). The span covers the hedge words."""
    found: list[Quantity] = []
    for m in _pattern().finditer(text):
        if m.group("fan"):
            fan = m.group("fan")
            n = float(fan) if fan.isdigit() else parse_chinese_numeral(fan)
            if n:
                mod, qs, qe = _modifier(text, m.start(), m.end(), Modifier.POINT)
                found.append(Quantity(n, "番", mod, qs, qe, text[qs:qe], num_start=m.start("fan"),
                                      chinese=not fan.isdigit()))
            continue
        q = _quantity(text, m)
        if q is not None:
            found.append(q)
    return found


def _quantity(text: str, m: re.Match) -> Quantity | None:
    token, pct = m.group("lo"), m.group("pct") or ""
    if not (pct or m.group("unit") or m.group("mag") or m.group("more") or m.group("hi")) and (
            token[0].isdigit() or token[-1] not in "万亿"):
        return None  # a number with neither unit nor magnitude (2017, 一是): no quantity
    lo_start, lo_end = m.start("lo"), m.end("lo")
    if " " in token and any(len(p) > 2 for p in token.split(" ")):
        return None  # 2016 2017: two numbers, not one spaced out
    if token[0].isdigit() and _glued(text, lo_start, lo_end):
        return None
    if text.endswith("第", 0, m.start()) or _vague(text, lo_start, token):
        return None  # 第三个: an ordinal; 几千万: no number to read
    more, mag = m.group("more") or "", m.group("mag") or ""
    before = text[lo_start - 1] if lo_start > 0 else ""
    if before == "、" and lo_start > 1 and text[lo_start - 2] in _CN_DIGIT_CHARS:
        return None  # 二、三百亿度: a rough span, not a figure
    value, mag = _read(token, more, mag, bare=bool(before) and before in "上近")
    if value is None:
        return None
    unit = (m.group("unit") or "").replace("％", "%")
    dropped = bool(unit) and text.startswith(NOT_UNITS, m.start("unit"))
    if dropped:
        unit = ""
    if pct:
        if unit or mag or more:
            return None  # 百分之八十万: not a percentage
        unit = "%" if pct == "百分之" else "‰"
    modifier, high = (Modifier.AT_LEAST if more else Modifier.POINT), None
    end = m.start("unit") if dropped else _end_of(m)
    if m.group("hi") and not dropped:
        high, range_unit = _range_high(m, pct, mag, unit)
        if high is not None:
            unit, modifier, end = range_unit, Modifier.RANGE, m.end()
    if not mag and not unit:
        return None
    mod, qs, qe = _modifier(text, m.start(), end, modifier)
    if token[0] in "千百" and text.startswith("上", qs - 1) and mod is Modifier.POINT:
        mod, qs = Modifier.AT_LEAST, qs - 1  # 上千万: a thousand ten-thousands or more
    return Quantity(value, mag + unit, mod, qs, qe, text[qs:qe], high, lo_start, not token[0].isdigit())


def _end_of(m: re.Match) -> int:
    """End of the single quantity (no range) in match ``m``."""
    for group in ("unit", "mag", "more", "lo"):
        if m.group(group):
            return m.end(group)
    return m.end()


def _range_high(m: re.Match, pct: str, mag: str, unit: str) -> tuple[float | None, str]:
    """The high end and unit of a range (6%-6.5%, 6.5-7%, 百分之八至九,
    百分之四至百分之五, 3.5万-4万人), or (None, "") when the dash is no range
    (1-6月, 2014~2016年)."""
    token = m.group("hi")
    mag2, unit2, pct2 = m.group("mag2") or "", (m.group("unit2") or "").replace("％", "%"), m.group("pct2") or ""
    if (pct2 and pct2 != pct) or token[0].isdigit() != m.group("lo")[0].isdigit() or m.group("more"):
        return None, ""
    high, mag2 = _read(token, "", mag2)
    if high is None or mag2 != mag:
        return None, ""
    if pct:
        if unit2:
            return None, ""
        unit2 = unit
    if not unit2 or (unit and unit != unit2):
        return None, ""
    low = _read(m.group("lo"), "", m.group("mag") or "")[0]
    if low is None or high <= low:
        return None, ""
    return high, unit2


#: Units of one quantity in another (1.2万亿斤 of grain is 6亿吨).
_SAME_QUANTITY = {"斤": ("吨", 1 / 2000), "公斤": ("吨", 1 / 1000), "千克": ("吨", 1 / 1000), "亩": ("公顷", 1 / 15)}


def to_base(value: float, unit: str) -> tuple[float, str]:
    """567, 亿元 -> 5.67e10, 元: compare quantities written with different
    magnitudes, or units of one quantity (斤 and 吨, 亩 and 公顷)."""
    for mag in ("万亿", "亿", "万", "千"):
        if unit.startswith(mag) and len(unit) > len(mag) and unit not in ("千瓦", "千瓦时", "千米", "千克"):
            value, unit = value * _SCALE[mag], unit[len(mag):]
            break
    else:
        if unit in ("万亿", "亿", "万"):
            return value * _SCALE[unit], ""
    if unit in _SAME_QUANTITY:
        base, factor = _SAME_QUANTITY[unit]
        return value * factor, base
    return value, unit

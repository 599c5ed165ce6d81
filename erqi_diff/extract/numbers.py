"""Numbers as Chinese reports write them: 567亿元, 26.6万亿元, 1.11万家,
6.5%－7%, 5%左右, 1200万人以上, 突破3500件, 一百五十个.

:func:`find_quantities` finds every well-formed quantity in a text with its
span; malformed numbers (``3.2.1亿``, ``1,2345万``) and magnitudes without a
number (a lone ``亿``) are skipped, never guessed. Pure and fast: only ``re``.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

__all__ = ["Qualifier", "Quantity", "find_quantities", "parse_chinese_numeral", "parse_number", "to_base"]


class Qualifier(str, enum.Enum):
    """How the number is meant: exact, or one of the hedges reports use."""

    EXACT = "exact"
    ABOUT = "about"          # 左右, 约, 近, 大约
    AT_LEAST = "at_least"    # 以上, 不低于, 至少
    OVER = "over"            # 突破, 超过, 逾, 多, 余
    AT_MOST = "at_most"      # 以内, 以下, 不超过, 低于
    RANGE = "range"          # 6.5%－7%


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000}
_CN_BIG = {"万": 10_000, "亿": 100_000_000}
_MAGNITUDES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}

# Units, longest first so 平方公里 wins over 公里 and 人次 over 人.
UNITS = ("个百分点", "平方公里", "平方米", "立方米", "千瓦时", "千瓦", "美元", "元", "公里", "千米", "公顷",
         "人次", "小时", "吨", "斤", "亩", "米", "个", "所", "人", "天", "件", "家", "条", "套", "座", "项",
         "处", "辆", "户", "栋", "支", "名", "位", "张", "倍", "%", "％")
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
_CN_NUM = "[零〇一二两三四五六七八九十百千]+"
_NUM = rf"(?:\d[\d.,]*\d|\d|{_CN_NUM})"
_MAG = "万亿|亿|万"
_DASH = "[-－—–~～至到]"

# One quantity: number, magnitude, unit; or a range "a(unit)? - b unit".
QUANTITY_RE = re.compile(
    rf"(?P<lo>{_NUM})(?P<lomag>{_MAG})?(?P<lounit>{_UNIT_RE})?"
    rf"(?:(?P<dash>{_DASH})(?P<hi>{_NUM})(?P<himag>{_MAG})?(?P<hiunit>{_UNIT_RE}))?"
)
_PLAIN = re.compile(r"^\d+(?:\.\d+)?$")
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")

_BEFORE = (("突破", Qualifier.OVER), ("超过", Qualifier.OVER), ("逾", Qualifier.OVER),
           ("约", Qualifier.ABOUT), ("近", Qualifier.ABOUT), ("不低于", Qualifier.AT_LEAST),
           ("至少", Qualifier.AT_LEAST), ("不超过", Qualifier.AT_MOST), ("低于", Qualifier.AT_MOST))
_AFTER = (("左右", Qualifier.ABOUT), ("以上", Qualifier.AT_LEAST), ("以内", Qualifier.AT_MOST),
          ("以下", Qualifier.AT_MOST), ("多", Qualifier.OVER), ("余", Qualifier.OVER))


def parse_chinese_numeral(text: str) -> int | None:
    """一百五十 -> 150, 两千 -> 2000, 十五 -> 15, 三 -> 3; None if not a numeral."""
    if not text or any(c not in _CN_DIGITS and c not in _CN_SMALL and c not in _CN_BIG for c in text):
        return None
    total, section, digit = 0, 0, None
    for char in text:
        if char in _CN_DIGITS:
            if digit is not None and digit != 0:
                return None  # 一二: two digits in a row is not a numeral
            digit = _CN_DIGITS[char]
        elif char in _CN_SMALL:
            section += (1 if digit is None else digit) * _CN_SMALL[char]
            digit = None
        else:
            section += digit or 0
            total += (section or 1) * _CN_BIG[char]
            section, digit = 0, None
    return total + section + (digit or 0)


def parse_number(token: str) -> float | None:
    """A number token: 567, 1.67, 12,345, 一百五十. None when malformed."""
    if _PLAIN.match(token):
        return float(token)
    if _GROUPED.match(token):
        return float(token.replace(",", ""))
    if token[0].isdigit():
        return None
    value = parse_chinese_numeral(token)
    return None if value is None else float(value)


@dataclass(frozen=True)
class Quantity:
    """A number found in text. ``value`` is as written (567 for 567亿元), with
    ``unit`` holding the magnitude (``亿元``); ``high`` is set for a range."""

    value: float
    unit: str
    qualifier: Qualifier
    start: int
    end: int
    text: str
    high: float | None = None

    @property
    def is_percent(self) -> bool:
        return self.unit in ("%", "个百分点")

    def json_value(self) -> float | list[float]:
        v = _tidy(self.value)
        return [v, _tidy(self.high)] if self.high is not None else v

    def to_json(self) -> dict:
        return {"value": self.json_value(), "unit": self.unit, "qualifier": self.qualifier.value, "text": self.text}


def _tidy(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 6)


def _qualifier(text: str, start: int, end: int) -> tuple[Qualifier, int, int]:
    for word, qual in _AFTER:
        if text.startswith(word, end):
            return qual, start, end + len(word)
    for word, qual in _BEFORE:
        if text.endswith(word, 0, start):
            return qual, start - len(word), end
    return Qualifier.EXACT, start, end


def find_quantities(text: str) -> list[Quantity]:
    """Every well-formed quantity in ``text`` (value, unit, qualifier, span).

    A number is kept only with a magnitude or a unit (a bare 2017 is a year or
    an ordinal, not a quantity). The span covers the qualifier words."""
    found: list[Quantity] = []
    for m in QUANTITY_RE.finditer(text):
        lo_tok = m.group("lo")
        # a number glued to more digits or dots around it (3.2.1, 1,2345) is malformed
        if m.start() > 0 and (text[m.start() - 1].isdigit() or text[m.start() - 1] in ".,"):
            continue
        if m.end() < len(text) and text[m.end() - 1].isdigit() and text[m.end()] in ".,":
            continue
        lo = parse_number(lo_tok)
        if lo is None:
            continue
        cn = not lo_tok[0].isdigit()
        lomag, lounit = m.group("lomag") or "", m.group("lounit") or ""
        if m.group("hi"):
            hi = parse_number(m.group("hi"))
            himag, hiunit = m.group("himag") or "", m.group("hiunit")
            if hi is None or (lomag and lomag != himag) or (lounit and lounit != hiunit) or hi < lo:
                continue
            unit = _norm_unit(himag + hiunit)
            found.append(Quantity(lo, unit, Qualifier.RANGE, m.start(), m.end(), text[m.start():m.end()], hi))
            continue
        if not lomag and not lounit:
            continue
        if cn and len(lo_tok) == 1 and lo_tok in _CN_SMALL and not lounit:
            continue  # 千万, 百亿: words, not numbers
        end = m.end()
        unit = _norm_unit(lomag + lounit)
        qual, qstart, qend = _qualifier(text, m.start(), end)
        found.append(Quantity(lo, unit, qual, qstart, qend, text[qstart:qend]))
    return found


def _norm_unit(unit: str) -> str:
    return unit.replace("％", "%")


_SCALE = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3}


def to_base(value: float, unit: str) -> tuple[float, str]:
    """567, 亿元 -> 5.67e10, 元: compare quantities written with different magnitudes."""
    for mag in ("万亿", "亿", "万", "千"):
        if unit.startswith(mag) and len(unit) > len(mag):
            return value * _SCALE[mag], unit[len(mag):]
    return value, unit

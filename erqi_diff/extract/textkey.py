"""Where a term stands *as a whole* in a report: the text as slogans are
compared, and the boundary rules every slogan count and ``trace`` share.

A report's *key text* is its snapshot body without quote marks, spaces and
dots (·), with ，,;； read as 、 (a series is the same series whatever
separates its items): “三网”融合 reads 三网融合, “港人治港”、“澳人治澳”
reads 港人治港、澳人治澳. Offsets in the key text map back to offsets in the
body, so every occurrence can be shown where it stands.

A term found in the key text stands there as a whole unless:

- **it is part of a longer numeral**: a term beginning with a numeral right
  after a numeral, or ending with one right before a numeral (九五 in
  一九九五年, 一五 in 十一五, 十五 in 二十五), unless a quote mark parts
  them (温暖二七“三个二七”); likewise a term beginning or
  ending with a Latin letter or digit inside a longer Latin/digit run;
- **it is a bare number**: a term made only of numerals (a plan's name:
  九五, 十四五) counts only quoted on its own (“十四五”) or naming a plan or
  period (十四五规划, 六五计划期间), never as a quantity (十五个, 十五年) or
  an ordinal (第十五, 十五届);
- **it cuts a quoted phrase**: quotes mark a phrase (each 、-item of a quoted
  series; not a quotation of speech, longer or holding sentence punctuation)
  as one unit; a term standing partly inside a unit, or inside it
  without being all of it, is not that unit (中国制造 in “中国制造2025”,
  三保 in “三保障”). A term may hold whole units (三网融合 holds “三网”).

The rule that a shorter slogan inside a longer one does not count there
(三保 in 两不愁三保障) needs the list of slogans: :mod:`erqi_diff.extract.matching`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

_DROP = re.compile(r"[ \t\u3000“”‘’「」『』\"'·・•]")
_QUOTE_MARKS = frozenset("“”‘’「」『』\"'")
_SEPARATORS = "，,;；"  # read as 、 (str.replace: str.translate is slow on CJK text)
NUMERALS = frozenset("〇○零一二三四五六七八九十百千万亿两0123456789")
_ALNUM = re.compile(r"[0-9A-Za-z]")
# a quoted phrase (a quotation of speech, longer or holding sentence punctuation, is ordinary text)
_QUOTED = re.compile(r"“([^“”\n。！？：]{1,48})”|‘([^‘’\n。！？：]{1,48})’"
                     r"|「([^「」\n。！？：]{1,48})」|『([^『』\n。！？：]{1,48})』")
_UNIT_SPLIT = re.compile(r"[、，,；;]")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*$", re.M)
# what may follow a bare numeral that names a plan or its period
_LONGEST_UNIT = 200
_PLAN_AFTER = ("计划", "规划", "纲要", "时期", "期间", "期末", "末期", "初期")


@lru_cache(maxsize=8192)
def key_of(text: str) -> str:
    """The comparison key of a term: no quotes, spaces or dots; ，,;； become 、."""
    return _separators(_DROP.sub("", text))


def _separators(text: str) -> str:
    for sep in _SEPARATORS:
        text = text.replace(sep, "、")
    return text


def all_numerals(term: str) -> bool:
    return bool(term) and all(c in NUMERALS for c in term)


@dataclass(frozen=True)
class KeyText:
    """A body as terms are matched in it (see the module doc).

    ``key`` is the key text; ``units`` the quoted units as sorted (start,
    end) spans of the key; ``headings`` the (body offset, heading) of every
    heading line, in order."""

    body: str
    key: str
    _dropped: tuple[int, ...]      # body offsets of the dropped characters
    _shift: tuple[int, ...]        # the key position each of them would have had
    units: tuple[tuple[int, int], ...]
    headings: tuple[tuple[int, str], ...]
    breaks: frozenset[int] = frozenset()   # key positions where a quote mark stood

    @classmethod
    def of(cls, body: str) -> KeyText:
        dropped = [m.start() for m in _DROP.finditer(body)]
        shift = tuple(pos - rank for rank, pos in enumerate(dropped))
        key = _separators(_DROP.sub("", body))
        breaks = frozenset(k for k, pos in zip(shift, dropped) if body[pos] in _QUOTE_MARKS)
        text = cls(body, key, tuple(dropped), shift, (), tuple((m.start(), m.group(1)) for m in _HEADING.finditer(body)),
                   breaks)
        units = []
        for m in _QUOTED.finditer(body):
            group = next(i for i in range(1, 5) if m.group(i) is not None)
            start = m.start(group)
            for part in _UNIT_SPLIT.split(m.group(group)):
                left = len(part) - len(part.lstrip(" \t\u3000"))
                inner = part.strip(" \t\u3000")
                if inner:
                    ks = text.key_index(start + left)
                    units.append((ks, ks + len(key_of(inner))))
                start += len(part) + 1
        object.__setattr__(text, "units", tuple(sorted(units)))
        return text

    def key_index(self, offset: int) -> int:
        """The key position of the body character at ``offset`` (not a dropped one)."""
        return offset - bisect.bisect_left(self._dropped, offset)

    def offset(self, index: int) -> int:
        """The body offset of the key character at ``index``."""
        return index + bisect.bisect_right(self._shift, index)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Body offsets (start, end) of the key span [start, end)."""
        return self.offset(start), self.offset(end - 1) + 1

    def heading(self, offset: int) -> str:
        """The heading of the section holding body ``offset`` ("" before the first)."""
        i = bisect.bisect_right(self.headings, (offset, "\uffff")) - 1
        return self.headings[i][1] if i >= 0 else ""

    def in_heading(self, index: int) -> bool:
        """The key character at ``index`` stands on a heading line."""
        at = self.offset(index)
        return self.body.startswith("#", self.body.rfind("\n", 0, at) + 1)

    def quoted_whole(self, start: int, end: int) -> bool:
        """The key span [start, end) is exactly one quoted unit."""
        i = bisect.bisect_left(self.units, (start, end))
        return i < len(self.units) and self.units[i] == (start, end)

    def stands(self, start: int, end: int) -> bool:
        """The key span [start, end) stands as a whole (the module's rules,
        all but the longest-slogan rule)."""
        key = self.key
        first, last = key[start], key[end - 1]
        before = key[start - 1] if start > 0 else ""
        after = key[end] if end < len(key) else ""
        # a quote mark between two numerals parts them: 温暖二七“三个二七”
        if first in NUMERALS and before in NUMERALS and before and start not in self.breaks:
            return False
        if last in NUMERALS and after in NUMERALS and after and end not in self.breaks:
            return False
        if _ALNUM.match(first) and before and _ALNUM.match(before):
            return False
        if _ALNUM.match(last) and after and _ALNUM.match(after):
            return False
        if all_numerals(key[start:end]) and not self.quoted_whole(start, end) and (
                before == "第" or not key.startswith(_PLAN_AFTER, end)):
            return False
        return not self._cuts_unit(start, end)

    def _cuts_unit(self, start: int, end: int) -> bool:
        units = self.units
        j = bisect.bisect_right(units, (start, 1 << 60))
        # units starting at or before ``start`` (one may hold the term: quoted units are short)
        i = j - 1
        while i >= 0 and units[i][0] > start - _LONGEST_UNIT:
            us, ue = units[i]
            if ue > start and not (us == start and ue <= end):
                return True
            i -= 1
        # units starting inside the term must end inside it
        while j < len(units) and units[j][0] < end:
            if units[j][1] > end:
                return True
            j += 1
        return False

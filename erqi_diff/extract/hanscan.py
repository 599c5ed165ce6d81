"""Scans of Chinese text that stand in for regular expressions holding a
class of Han characters.

CPython compiles a class such as ``[\\u4e00-\\u9fff]`` (20,992 code points)
in a Python loop over its range: about a millisecond each time a pattern
holds one, paid on every first run of ``erqi-diff A B`` (the slogans and
figures of the strip). Each scan here returns the spans (start, end) that
its expression, quoted in its doc with ``H`` for the Han class, finds with
``finditer``: leftmost first, never overlapping, each where the
expression's own backtracking ends it. The tests check every scan against
its expression. A Han character is one of U+4E00-U+9FFF, as in those
classes; the words given must be Han too, and sets of words are sets (a
string would hold its substrings).
"""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet


def is_han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def han_end(text: str, i: int) -> int:
    """The end of the run of Han characters from ``i`` (``i`` when there is none)."""
    n = len(text)
    while i < n and "\u4e00" <= text[i] <= "\u9fff":
        i += 1
    return i


def han_start(text: str, i: int) -> int:
    """The start of the run of Han characters ending right before ``i``."""
    while i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff":
        i -= 1
    return i


def positions(text: str, words: Iterable[str]) -> list[int]:
    """Where each of ``words`` starts in ``text``, in order (overlapping ones too)."""
    found = set()
    for word in words:
        at = text.find(word)
        while at >= 0:
            found.add(at)
            at = text.find(word, at + 1)
    return sorted(found)


def held_years(text: str) -> list[tuple[int, int]]:
    """``(?:办好|举办)(H{4,8}年)(?!H)``: the name runs to the end of its Han
    run, which ends in 年 (the group is ``text[start + 2:end]``)."""
    out: list[tuple[int, int]] = []
    last = 0
    for at in positions(text, ("办好", "举办")):
        end = han_end(text, at + 2)
        if at >= last and 5 <= end - at - 2 <= 9 and text[end - 1] == "年":
            out.append((at, end))
            last = end
    return out


def campaign_years(text: str, drives: AbstractSet[str], acts: AbstractSet[str]) -> list[tuple[int, int]]:
    """``H{4}(drive)(act)年`` for two-character ``drives`` and ``acts``
    (项目建设奋力推进年): nine characters ending in 年."""
    out: list[tuple[int, int]] = []
    last = 0
    at = text.find("年", 8)
    while at >= 0:
        start = at - 8
        if start >= last and text[at - 4:at - 2] in drives and text[at - 2:at] in acts and \
                han_end(text, start) >= start + 4:
            out.append((start, at + 1))
            last = at + 1
        at = text.find("年", at + 1)
    return out


def modifier_formulas(text: str, nouns: AbstractSet[str]) -> list[tuple[int, int]]:
    """``(?:H{2}[化型]){2,}H{0,2}(?:noun)`` for two-character ``nouns``
    (现代化国际化生态化新城区)."""
    out: list[tuple[int, int]] = []
    last = 0
    for at in positions(text, ("化", "型")):
        start = at - 2
        end = _modifier_end(text, start, nouns) if start >= last else 0
        if end:
            out.append((start, end))
            last = end
    return out


def _modifier_end(text: str, start: int, nouns: AbstractSet[str]) -> int:
    units = 0
    while text[start + 3 * units + 2:start + 3 * units + 3] in ("化", "型") and \
            han_end(text, start + 3 * units) >= start + 3 * units + 2:
        units += 1
    for k in range(units, 1, -1):  # as many units as there are first, then fewer
        at = start + 3 * k
        for extra in range(min(2, han_end(text, at) - at), -1, -1):
            if text[at + extra:at + extra + 2] in nouns:
                return at + extra + 2
    return 0


def series(text: str) -> list[tuple[int, int]]:
    """``H{2,6}(?:、H{2,6}){2,}``: three items or more; an item longer than
    six characters ends the series (cut to six when it is not the first)."""
    out: list[tuple[int, int]] = []
    last = 0
    at = text.find("、")
    while at >= 0:
        start = max(last, han_start(text, at), at - 6)
        end = _series_end(text, at) if at - start >= 2 else 0
        if end:
            out.append((start, end))
            last = end
        at = text.find("、", max(at + 1, last))
    return out


def _series_end(text: str, at: int) -> int:
    items, end = 0, at
    while text.startswith("、", end):
        item_end = han_end(text, end + 1)
        if item_end - end - 1 < 2:
            break
        end = min(item_end, end + 7)
        items += 1
    return end if items >= 2 else 0


def numbered_chains(text: str, numerals: AbstractSet[str], heads: tuple[str, ...],
                    stops: AbstractSet[str]) -> list[tuple[int, int]]:
    """``(?<!H)P{2,4}(?!H)|(?<![stops])P{2,4}(?=heads)`` where a part ``P``
    is ``[numerals](?:(?![numerals])H){1,3}?`` (四梁八柱, 三定四推五落实): a
    whole Han run cut into numbered parts, else parts followed by a head."""
    out: list[tuple[int, int]] = []
    last = 0
    for at in positions(text, numerals):
        if at < last:
            continue
        end = _whole_chain(text, at, numerals) or (
            0 if at and text[at - 1] in stops else _chain_parts(text, at, 0, numerals, heads))
        if end:
            out.append((at, end))
            last = end
    return out


def _whole_chain(text: str, start: int, numerals: AbstractSet[str]) -> int:
    if start and is_han(text[start - 1]):
        return 0
    end = han_end(text, start)
    parts, i = 0, start
    while i < end:
        j = i + 1
        while j < end and text[j] not in numerals:
            j += 1
        if text[i] not in numerals or not 2 <= j - i <= 4:
            return 0
        parts, i = parts + 1, j
    return end if 2 <= parts <= 4 else 0


def _chain_parts(text: str, at: int, parts: int, numerals: AbstractSet[str], heads: tuple[str, ...]) -> int:
    """The end of the parts from ``at`` the expression settles on (another
    part first, each part as short as will do), or 0."""
    if parts < 4 and text[at:at + 1] in numerals:
        for size in range(1, 4):
            char = text[at + size:at + size + 1]
            if not char or char in numerals or not is_han(char):
                break
            end = _chain_parts(text, at + size + 1, parts + 1, numerals, heads)
            if end:
                return end
    return at if parts >= 2 and text.startswith(heads, at) else 0


def han_before(text: str, heads: Iterable[str], shortest: int, longest: int) -> list[tuple[int, int]]:
    """``H{shortest,longest}?(?:head)`` for ``heads`` of which no two start
    alike: the run before a head, from its nearest start that the run allows."""
    heads = tuple(heads)
    out: list[tuple[int, int]] = []
    last = 0
    for at in positions(text, heads):
        start = max(last, at - longest, han_start(text, at))
        if at - start >= shortest:
            end = at + len(next(h for h in heads if text.startswith(h, at)))
            out.append((start, end))
            last = end
    return out


def named_pairs(text: str, heads: Iterable[str]) -> list[tuple[int, int]]:
    """``H{2}(?:head)(?!H)`` for two-character ``heads`` (健康中国, 海洋强国)."""
    out: list[tuple[int, int]] = []
    last = 0
    for at in positions(text, heads):
        if at - 2 >= last and han_end(text, at - 2) >= at and han_end(text, at) == at + 2:
            out.append((at - 2, at + 2))
            last = at + 2
    return out


def led_by(text: str, lead: str, head: str, longest: int) -> list[tuple[int, int]]:
    """``lead H{0,longest}? head`` (习近平…思想): the nearest ``head`` after ``lead``."""
    out: list[tuple[int, int]] = []
    at = text.find(lead)
    while at >= 0:
        i = at + len(lead)
        end = next((k + len(head) for k in range(i, min(han_end(text, i), i + longest) + 1)
                    if text.startswith(head, k)), 0)
        if end:
            out.append((at, end))
        at = text.find(lead, end if end else at + 1)
    return out


def plan_nouns(text: str, follow: AbstractSet[str]) -> list[tuple[int, int]]:
    """``H{1,4}计划(?=[follow])|等计划`` (天使救助计划、; 科技攻关等计划)."""
    out: list[tuple[int, int]] = []
    last = 0
    for at in positions(text, ("计划",)):
        for start in range(max(last, at - 4), at):
            end = _plan_noun_end(text, start, follow)
            if end:
                out.append((start, end))
                last = end
                break
    return out


def _plan_noun_end(text: str, start: int, follow: AbstractSet[str]) -> int:
    for size in range(min(4, han_end(text, start) - start), 0, -1):
        if text.startswith("计划", start + size) and text[start + size + 2:start + size + 3] in follow:
            return start + size + 2
    return start + 3 if text.startswith("等计划", start) else 0


def removed(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without ``spans`` (in order, not overlapping): what ``sub("", text)`` leaves."""
    if not spans:
        return text
    kept, at = [], 0
    for start, end in spans:
        kept.append(text[at:start])
        at = end
    kept.append(text[at:])
    return "".join(kept)

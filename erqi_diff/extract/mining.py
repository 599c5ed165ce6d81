"""Fixed phrases that recur across a series with the shape of a formula.

A policy formula is a fixed name: the same words, report after report, in
the position of a name (after a verb of carrying out, in a series, at the
head of a clause). Many recurring phrases are not formulas (经济社会发展,
基础设施建设), so only names whose head says they are a formula are mined:

- initiatives and campaigns of struggle: …倡议 (全球发展倡议), …攻坚战 and
  …保卫战 (污染防治攻坚战, 蓝天保卫战);
- named visions of the country: two characters and 中国 or 强国 (健康中国,
  平安中国, 海洋强国, 教育强国);
- guiding thoughts named after a leader: 习近平…思想 (习近平强军思想).

A phrase is kept when it stands, bounded on the left by punctuation, a
conjunction or a verb of carrying out, in two reports of the series or
twice in one. Its left edge is the nearest bounded one (打好污染防治攻坚战
gives 污染防治攻坚战, never 好污染防治攻坚战), taking in the items of a series
that shares the head (蓝天、碧水、净土保卫战).
"""

from __future__ import annotations

from collections.abc import Mapping

from erqi_diff.extract import hanscan
from erqi_diff.extract.candidate import CARRY as _CARRY
from erqi_diff.extract.candidate import Candidate, Kind
from erqi_diff.extract.textkey import NUMERALS, KeyText


def _shapes(key: str) -> list[list[tuple[int, int]]]:
    """The spans of each shape in ``key``, by the Han scans (whose regular
    expressions would cost a millisecond each to compile): two to eight
    characters and 倡议, 攻坚战 or 保卫战 (the fewest that will do); two
    characters and 中国 or 强国 standing alone; 习近平, up to six
    characters and 思想 (the nearest)."""
    return [hanscan.han_before(key, ("倡议", "攻坚战", "保卫战"), 2, 8), hanscan.named_pairs(key, ("中国", "强国")),
            hanscan.led_by(key, "习近平", "思想", 6)]


_HEADS = ("倡议", "攻坚战", "保卫战", "中国", "强国", "思想")
_BOUNDARY = set("的和与及、等")
_NOT_LEAD = set("的和与及等在是为把将对从向了着") | NUMERALS
_LEADS = tuple(sorted(_CARRY + ("打好", "打赢", "坚决", "深入", "持续", "全面", "加快", "大力", "继续"), key=len, reverse=True))


def _bounded(key: str, at: int) -> bool:
    if at == 0:
        return True
    before = key[at - 1]
    if not ("\u4e00" <= before <= "\u9fff") or before in _BOUNDARY:
        return True
    return key.endswith(_LEADS, 0, at)


def _series_start(key: str, start: int) -> int:
    """Where a series of short items sharing the head begins: 蓝天、碧水、净土保卫战
    is one formula, not 净土保卫战 (全球发展倡议、全球安全倡议 are two)."""
    while start > 1 and key[start - 1] == "、":
        for size in range(1, 5):
            at = start - 1 - size
            item = key[at:start - 1]
            if at < 0 or not all("\u4e00" <= c <= "\u9fff" for c in item):
                return start
            if item.endswith(_HEADS):
                return start  # 全球发展倡议、全球安全倡议: each item a name of its own
            if item[0] not in _NOT_LEAD and not key.startswith(_LEADS, at) and _bounded(key, at):
                start = at
                break
        else:
            return start
    return start


def mine(snaps: list, texts: Mapping[int, KeyText]) -> list[Candidate]:
    """The mined formulas of a series (see the module doc), as written."""
    seen: dict[str, dict[int, int]] = {}
    for year, text in texts.items():
        key = text.key
        for spans in _shapes(key):
            for first, end in spans:
                # the shortest left edge that is bounded (the match may start inside a verb)
                for start in range(end - 4, first - 1, -1):
                    if key[start] in _NOT_LEAD or key.startswith(_LEADS, start) or not _bounded(key, start):
                        continue
                    start = _series_start(key, start)
                    counts = seen.setdefault(key[start:end], {})
                    counts[year] = counts.get(year, 0) + 1
                    break
    return [Candidate(phrase, Kind.MINED, min(counts)) for phrase, counts in seen.items()
            if len(counts) >= 2 or max(counts.values()) >= 2]

"""Which figure of an indicator a report's column shows, and which two are
set side by side: the choice :func:`erqi_diff.extract.metrics.key_metric`
and :func:`~erqi_diff.extract.metrics.key_pair` make for facts, and the
diff strip makes for the reduced facts of a report's derived file
(:mod:`erqi_diff.extract.derived`), with one code.

A fact is seen through ``info(fact)``, a :data:`Info` sequence:
``(indicator, full_year, figure_year, level, growth, quote_start, comparable)``:
its indicator; whether its period is a calendar year; its figure year (0
when the text does not settle it); whether its measure is a level, a
growth; where its number stands in the body; and its
:func:`erqi_diff.extract.metrics.comparable_key` (two facts with equal keys
can be set side by side).

Standard library only, nothing compiled: the diff view reads it on its hot path.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

#: The headline indicators, in the order the strip and the changelog show them.
KEY_INDICATORS = ("GDP", "财政收入", "固定资产投资", "规模以上工业增加值", "社会消费品零售总额", "居民消费价格",
                  "城镇新增就业", "城镇调查失业率", "粮食产量", "民生支出")

#: (indicator, full_year, figure_year, level, growth, quote_start, comparable)
Info = Sequence[Any]
T = TypeVar("T")
INDICATOR, FULL_YEAR, FIGURE_YEAR, LEVEL, GROWTH, QUOTE_START, COMPARABLE = range(7)


def key_metric(items: Sequence[T], indicator: str, info: Callable[[Any], Info]) -> T | None:
    """The figure to show for ``indicator`` among ``items`` (one report's):
    its latest full year, its level first, then its growth; else any
    figure of it (its period says which); the first in text order of equals."""
    mine = [r for r in items if info(r)[INDICATOR] == indicator]
    if not mine:
        return None
    latest = max(info(r)[FIGURE_YEAR] for r in mine)

    def rank(r: T) -> tuple:
        i = info(r)
        return (not i[FULL_YEAR], i[FIGURE_YEAR] != latest, not i[LEVEL], not i[GROWTH], i[QUOTE_START])

    return min(mine, key=rank)


def key_pair(a: Sequence[T], b: Sequence[T], indicator: str,
             info: Callable[[Any], Info]) -> tuple[T | None, T | None]:
    """The figures of ``indicator`` to set side by side from two reports:
    each one's :func:`key_metric`, unless they cannot be compared and one
    report gives the other's kind too (a level and a growth: 完成407.7亿元，
    增长12% against 增长11.1%), then the pair that can."""
    left, right = key_metric(a, indicator, info), key_metric(b, indicator, info)
    if left is None or right is None or comparable(left, right, info):
        return left, right
    for mine, theirs, flip in ((a, right, False), (b, left, True)):
        other = key_metric([f for f in mine if info(f)[INDICATOR] == indicator and comparable(f, theirs, info)],
                           indicator, info)
        if other is not None:
            return (theirs, other) if flip else (other, theirs)
    return left, right


def comparable(x: T, y: T, info: Callable[[Any], Info]) -> bool:
    """Can the two be set side by side (equal comparable keys)?"""
    return bool(info(x)[COMPARABLE] == info(y)[COMPARABLE])

"""Numbered list items that are not section headings.

The normalizer makes a heading of a short line opening with a numbered part
(一、 level 2, （一） level 3). The reports also number the items of a list
inside a section the same way (规定如下：一、…；二、…；三、…。), and an item
short enough reads as a part of its own. Two rules, from how such lists are
written, turn those items back into paragraph text (every character kept):

1. **A run ending in ；.** Items of a list end on ； (the last one on 。);
   a heading never does. A numbered line ending in ； (or ；” and the like) is
   an item, and so is every other line of its *run*: the numbered lines of
   the same style standing one right after the other (nothing but an item's
   own text between them) with consecutive numbers, the last one included.
   Also a run of three or more in which some items are paragraphs (too long
   to be headings) and the others headings cut from a line that goes on (a
   first sentence, then the rest of the item): each item is one paragraph,
   and a heading among them would swallow the items after it (1982's rules
   after 国务院作出了以下规定。, 1978's nine measures （一）…（九）).
2. **A restart inside a sequence.** When the parts run 一 … 四, then
   一、二、三 stand one right after the other, then 五 follows, the restarted
   run is a list inside 四 (its numbers stay below the one that continues
   the outer sequence, so there is no doubt which run is the outer one).

Sub-headings that restart the numbering with text of their own under each
(二、…七五… 一、… 二、… with paragraphs between) are not touched: their
lines do not stand one right after the other.

A Markdown heading (# 一、…；) is left alone: its writer made it one. It still
counts in a run or as a part of the outer sequence.

The rules look at the units' text and order only, so a second pass over the
normalized text (where each item is a paragraph of its own) finds the same
runs: normalizing stays idempotent.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", start=1)}
_ORDINAL = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
# The numbering styles a list item and a part share: 一、 and （一）.
_STYLES = (("、", re.compile(rf"^({_ORDINAL})、")), ("（）", re.compile(rf"^（({_ORDINAL})）")))
# What may close an item after its ； (a quotation, a bracket).
_CLOSERS = "”’）》」』 "


class UnitLike(Protocol):
    kind: str
    text: str
    level: int
    rest: bool
    marked: bool


U = TypeVar("U", bound=UnitLike)


@dataclass(frozen=True)
class _Item:
    index: int  # the unit's position
    style: str
    number: int


def ordinal_value(numeral: str) -> int:
    """一 -> 1, 十 -> 10, 二十三 -> 23 (the ordinals 一 to 九十九)."""
    if "十" not in numeral:
        return _DIGITS[numeral]
    tens, _, ones = numeral.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


def _numbering(text: str) -> tuple[str, int] | None:
    for style, pattern in _STYLES:
        match = pattern.match(text)
        if match:
            return style, ordinal_value(match.group(1))
    return None


def _ends_item(text: str) -> bool:
    return text.rstrip(_CLOSERS).endswith("；")


def _items(units: Sequence[UnitLike]) -> list[_Item]:
    """The numbered units (headings, and paragraphs that open with a number)."""
    out = []
    for index, unit in enumerate(units):
        numbering = None if unit.rest else _numbering(unit.text)
        if numbering:
            out.append(_Item(index, *numbering))
    return out


def _adjacent(units: Sequence[UnitLike], a: _Item, b: _Item) -> bool:
    """``b`` stands right after ``a``: nothing between them but ``a``'s own text
    (the rest of its line, when ``a`` became a heading cut at its 。)."""
    between = units[a.index + 1 : b.index]
    return all(unit.kind == "para" and unit.rest for unit in between)


def _runs(units: Sequence[UnitLike], items: list[_Item]) -> list[list[_Item]]:
    """Maximal runs of items of one style, consecutive numbers, adjacent."""
    runs: list[list[_Item]] = []
    for item in items:
        last = runs[-1][-1] if runs else None
        if (last is not None and item.style == last.style and item.number == last.number + 1
                and _adjacent(units, last, item)):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def list_items(units: Sequence[UnitLike]) -> set[int]:
    """The positions of the numbered headings among ``units`` that are list
    items (see the module doc)."""
    items = _items(units)
    runs = _runs(units, items)
    found: set[int] = set()
    for run in runs:
        if any(_ends_item(units[item.index].text) for item in run) or (len(run) >= 3 and _mixed(units, run)):
            found.update(item.index for item in run)
    # Rule 2: a run restarting at 一 between k and k+1 of the same style.
    for position, run in enumerate(runs):
        if run[0].number != 1 or position == 0:
            continue
        # the outer sequence: the parts of that style that stand as headings
        before = [r[-1] for r in runs[:position] if r[-1].style == run[0].style and _is_heading(units, r[-1])]
        after = [r[0] for r in runs[position + 1 :] if r[0].style == run[0].style and _is_heading(units, r[0])]
        if len(run) < 2 or not before or not after:
            continue
        outer = before[-1].number
        if after[0].number == outer + 1 and run[-1].number <= outer:
            found.update(item.index for item in run)
    return {index for index in found if units[index].kind == "heading" and not units[index].marked}


def _mixed(units: Sequence[UnitLike], run: list[_Item]) -> bool:
    """Some items of the run are paragraphs, and the others headings cut from
    a line that goes on (the rest of it right after): one paragraph each."""
    heads = [item for item in run if _is_heading(units, item)]
    return (bool(heads) and len(heads) < len(run)
            and all(item.index + 1 < len(units) and units[item.index + 1].rest for item in heads))


def _is_heading(units: Sequence[UnitLike], item: _Item) -> bool:
    return units[item.index].kind == "heading"


def demote(units: list[U], make_para: Callable[[U, str], U]) -> list[U]:
    """``units`` with the list items among the numbered headings made
    paragraphs: an item's text, and the rest of its line when the heading was
    cut at its 。, become one paragraph again."""
    found = list_items(units)
    if not found:
        return units
    out: list[U] = []
    for index, unit in enumerate(units):
        prev = index - 1
        if unit.rest and prev in found and units[prev].kind == "heading":
            out[-1] = make_para(out[-1], out[-1].text + unit.text)
            continue
        out.append(make_para(unit, unit.text) if index in found else unit)
    return out

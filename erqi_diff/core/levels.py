"""Heading levels of numbered points inside numbered parts.

The normalizer gives every numbered part 一、 level 2 and every short line
that reads as a heading level 2 too. The reports number the points inside a
part in two ways that then stand at the level of the parts themselves:

1. **A restarted 一、 sequence.** The parts run 一、二、…; inside one of them
   the points restart at 一、 (一、…二、…三、 with text of their own under
   each), and then the parts go on (三、 after 二、). Read as a stack of
   sequences, every numbered heading either restarts (一: a sequence inside
   the one in progress) or continues one of the sequences open (k after
   k-1: the innermost that fits, the sequences inside it closed). A restarted
   sequence is one level below the heading it stands under. The rule only
   applies when *every* 一、 heading of the text fits that reading and at
   least one inner sequence is closed by the outer one going on (that is the
   evidence of nesting); otherwise nothing changes.
2. **Points written 第一，第二，** (or 第一、). A run of them (第一 first,
   then consecutive numbers, some standing as headings, some as paragraphs
   that open with their number) right under a numbered part (一、 or （一）)
   is one level below that part, when nothing between the part's heading and
   第一 addresses the audience again (各位代表: the speech moving on to a new
   part whose heading the text does not number). A run under an unnumbered
   heading, or after such an address, keeps its level.

A part heading the layout hid (too long for a heading, or taken into a
sentence a page left open) is found by :func:`continues_parts` (its number
fits the parts around it), called by the normalizer while it joins lines.

Headings under a point that moves (a （一） under a restarted 一、) move with
it. Markdown headings are never touched (their writer set their level): in a
second pass over the normalized text every heading is one, so normalizing
stays idempotent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Protocol

from erqi_diff.core.lists import ordinal_value

_ORDINAL = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_PART = re.compile(rf"^({_ORDINAL})、")
_SUBPART = re.compile(rf"^（{_ORDINAL}）")
_POINT = re.compile(rf"^第({_ORDINAL})[，、]")
#: A paragraph that addresses the audience again: the speech moves on.
_ADDRESS = re.compile(r"^各位代表")


class UnitLike(Protocol):
    kind: str
    text: str
    level: int
    marked: bool


class PartLike(Protocol):
    kind: str
    text: str
    level: int
    long_part: int


#: The numbering style of the parts of each level: 一、 (2) and （一） (3).
_STYLES = ((_PART, 2), (re.compile(rf"^（({_ORDINAL})）"), 3))


def continues_parts(before: Sequence[PartLike], after: Sequence[PartLike], text: str, level: int) -> bool:
    """``text`` opens with a part number k of the style of ``level``, and the
    parts around it say it is one of them: a heading numbered k-1 in the same
    style stands before it (``before``), or (k = 1) the next part of that
    style after it (``after``: a heading, or a line too long for one that
    reads like one, ``long_part``) is numbered 2. The normalizer takes such a
    line, alone in its block, for a part heading (see its module doc)."""
    for pattern, style_level in _STYLES:
        match = pattern.match(text)
        if not match or style_level != level:
            continue
        number = ordinal_value(match.group(1))
        if number >= 2:
            return any(u.kind == "heading" and u.level == level and (m := pattern.match(u.text)) is not None
                       and ordinal_value(m.group(1)) == number - 1 for u in before)
        following = next((m for u in after if ((u.kind == "heading" and u.level == level) or u.long_part == level)
                          and (m := pattern.match(u.text)) is not None), None)
        return following is not None and ordinal_value(following.group(1)) == 2
    return False


def part_number(text: str) -> int | None:
    """2 for 二、…, None when ``text`` does not open with a part number."""
    match = _PART.match(text)
    return ordinal_value(match.group(1)) if match else None


def relevel(units: Sequence[UnitLike]) -> list[int]:
    """The level of each unit (see the module doc); paragraphs keep 0."""
    levels = [unit.level for unit in units]
    if any(unit.marked for unit in units):
        return levels
    _restarted(units, levels)
    _points(units, levels)
    return levels


def _restarted(units: Sequence[UnitLike], levels: list[int]) -> None:
    """Rule 1: restarted 一、 sequences one level below the heading they stand under."""
    heads = [(i, n) for i, unit in enumerate(units)
             if unit.kind == "heading" and unit.level == 2 and (n := part_number(unit.text)) is not None]
    stack: list[int] = []  # the last number of each open sequence, outermost first
    depth: dict[int, int] = {}
    closed = False
    for index, number in heads:
        if number == 1 and stack:
            stack.append(1)
        elif not stack and number == 1:
            stack = [1]
        else:
            fits = [d for d in range(len(stack) - 1, -1, -1) if stack[d] == number - 1]
            if not fits:
                return  # a number out of any sequence: no reading, no change
            d = fits[0]
            closed = closed or d < len(stack) - 1
            del stack[d + 1:]
            stack[d] = number
        depth[index] = len(stack) - 1
    if not closed:
        return
    for index, d in depth.items():
        if d:
            _shift(units, levels, index, d)


def _shift(units: Sequence[UnitLike], levels: list[int], index: int, by: int) -> None:
    """Move the heading at ``index`` ``by`` levels down, and the headings under it with it."""
    own = levels[index]
    levels[index] = own + by
    for j in range(index + 1, len(units)):
        if units[j].kind != "heading":
            continue
        if units[j].level <= own:
            break
        levels[j] = units[j].level + by


def _points(units: Sequence[UnitLike], levels: list[int]) -> None:
    """Rule 2: runs of 第一，第二，… one level below the numbered part they stand in."""
    part: int | None = None  # the index of the heading the points would stand under
    addressed = False
    last = 0  # the number of the run's last point (0: no run)
    for index, unit in enumerate(units):
        match = _POINT.match(unit.text)
        if unit.kind == "heading" and not match:
            numbered = _PART.match(unit.text) or _SUBPART.match(unit.text)
            part, addressed, last = (index if numbered else None), False, 0
            continue
        if not match:
            addressed = addressed or (last == 0 and bool(_ADDRESS.match(unit.text)))
            continue
        number = ordinal_value(match.group(1))
        if number == 1 and last == 0 and part is not None and not addressed:
            last = 1
        elif last and number == last + 1:
            last = number
        else:
            last, part = 0, None  # out of order: the rest of this part keeps its levels
            continue
        if unit.kind == "heading" and part is not None and unit.level == 2:
            levels[index] = levels[part] + 1

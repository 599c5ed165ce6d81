"""Lines cut for a terminal: Chinese text wraps between any two characters
(it has no spaces), but never inside a number or a Latin word, and no line
starts with closing punctuation. Used by every terminal view that wraps."""

from __future__ import annotations

import re

from rich.text import Text

DIM = "dim"
_NO_LINE_START = frozenset("，。、；：？！）》”’,.;:?!)")


#: What a line is never cut inside: a number with its decimals, thousands
#: separators and percent sign (2.9万, 7.3%, 1,000), a Latin word.
_UNBREAKABLE = re.compile(r"\d+(?:[.,]\d+)*(?:%|‰)?|[A-Za-z]+")


def wrap_cells(text: Text, width: int) -> list[Text]:
    """``text`` cut into lines of at most ``width`` cells, character by
    character (Chinese has no spaces to break at; a CJK character is 2 cells),
    but never inside a number or a Latin word (:data:`_UNBREAKABLE`) and never
    so that a line starts with closing punctuation (。、，”…), which moves
    down with the character before it. A token longer than a line is cut."""
    from rich.cells import get_character_cell_size

    plain = text.plain
    whole = [(m.start(), m.end()) for m in _UNBREAKABLE.finditer(plain) if m.end() - m.start() > 1]
    inside = {i: s for s, e in whole for i in range(s + 1, e)}  # a cut at i would split the token from s
    offsets, used, start = [], 0, 0
    for k, ch in enumerate(plain):
        size = get_character_cell_size(ch)
        while used + size > width and used:  # twice when what moved down leaves no room for ch
            cut = _cut(plain, k, start, inside)
            if cut <= start:
                break
            offsets.append(cut)
            used = sum(get_character_cell_size(c) for c in plain[cut:k])
            start = cut
        used += size
    return list(text.divide(offsets)) if text.plain else [text]


def _cut(plain: str, k: int, start: int, inside: dict[int, int]) -> int:
    """Where to end the line that character ``k`` no longer fits on."""
    cut = k
    while cut > start:
        if cut in inside and inside[cut] > start:
            cut = inside[cut]  # the whole number (or word) moves down
        if plain[cut:cut + 1] in _NO_LINE_START and cut - 1 > start:
            cut -= 1  # the punctuation takes the character before it along
            continue
        break
    if cut in inside or cut <= start:
        cut = k  # nowhere better on this line: a number never splits before a stop does
    return cut


def print_hanging(console, marker: str, text: Text, style: str = DIM) -> None:
    """``marker`` and a space, then ``text`` wrapped and indented under itself
    (not wrapped at all on a console that does not wrap: a pipe or a file)."""
    from rich.cells import cell_len

    indent = cell_len(marker) + 1 if marker else 0
    wrap = not getattr(console, "soft_wrap", False)
    lines = wrap_cells(text, max(console.width - indent, 8)) if wrap else [text]
    for k, line in enumerate(lines):
        out = Text()
        out.append(marker + " " if k == 0 and marker else " " * indent, style=style)
        out.append_text(line)
        console.print(out, soft_wrap=True)


class Wrapped:
    """A table cell whose text wraps as :func:`wrap_cells` cuts it (rich's own
    folding would start a line with 。 or split 7.3%)."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_measure__(self, console, options):
        from rich.measure import Measurement

        return Measurement.get(console, options, self.text)

    def __rich_console__(self, console, options):
        yield Text("\n").join(wrap_cells(self.text, max(options.max_width, 2)))

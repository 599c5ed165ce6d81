"""Sentences of a snapshot body with their offsets and what stands around them.

A sentence is the text between sentence ends (。！？) inside one paragraph
(one line of the body), without the closing mark; a heading line is one
sentence of its own (its text without the ``#`` marks). Offsets are into
the snapshot body exactly as stored, so ``body[s.start:s.end] == s.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")
_END = re.compile(r"[。！？!?]")


@dataclass(frozen=True)
class Sentence:
    """One sentence and its surroundings.

    ``text`` stands at ``start``..``end`` in the body; ``paragraph`` is its
    whole line (starting at ``para_start``), ``index`` its place there;
    ``heading`` is True for a heading line; ``headings`` are the headings
    above it, innermost first (a heading line's own parents only)."""

    text: str
    start: int
    end: int
    paragraph: str
    para_start: int
    index: int
    heading: bool
    headings: tuple[str, ...]

    @property
    def section(self) -> str:
        return self.headings[0] if self.headings else ""

    @property
    def before(self) -> str:
        """The paragraph's text before this sentence."""
        return self.paragraph[:self.start - self.para_start]


def split(body: str) -> Iterator[Sentence]:
    """Every sentence of ``body`` (the text form of :mod:`erqi_diff.core.document`)."""
    stack: list[tuple[int, str]] = []
    pos = 0
    for line in body.splitlines(keepends=True):
        line_start, pos = pos, pos + len(line)
        stripped = line.strip()
        if not stripped:
            continue
        lead = line_start + (len(line) - len(line.lstrip()))
        head = _HEADING.match(stripped)
        if head:
            level, text = len(head.group(1)), head.group(2)
            while stack and stack[-1][0] >= level:
                stack.pop()
            parents = tuple(h for _, h in reversed(stack))
            stack.append((level, text))
            if text:
                t_start = lead + head.start(2)
                yield Sentence(text, t_start, t_start + len(text), text, t_start, 0, True, parents)
            continue
        headings = tuple(h for _, h in reversed(stack))
        start, index = 0, 0
        for m in _END.finditer(stripped + "。"):
            text = stripped[start:m.start()]
            if text.strip():
                yield Sentence(text, lead + start, lead + m.start(), stripped, lead, index, False, headings)
                index += 1
            start = m.end()

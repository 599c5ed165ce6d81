"""The normalized document: sections of paragraphs, and its text form.

A report body is a tuple of :class:`Section`. Its text form (the body of a
snapshot file, after the front matter) is::

    lead paragraph            <- section 0: heading "" (level 0), if any text
                                 stands before the first heading
    ## heading                <- "#" * level, a space, the heading
    paragraph                 <- one paragraph per line
    paragraph

Paragraphs and headings are separated by one blank line. :func:`render_body`
and :func:`parse_body` are exact inverses on what :func:`render_body` makes;
parse_body also accepts hand edits (extra blank lines, a heading with no
paragraphs, a section with no heading text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADING_RE = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*$")

NORMALIZER_VERSION = 8
"""The version of the normalization rules (erqi_diff.core.normalize), recorded in
every snapshot: a snapshot built by another version is stale. Kept here, not in
normalize, so that reading a snapshot never imports the normalizer."""


@dataclass(frozen=True)
class Section:
    """One section: ``heading`` ("" for the lead), ``level`` (0 for the lead,
    else 1-6 as in Markdown) and its ``paragraphs`` (each one line of text)."""

    heading: str
    level: int
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        """The section's paragraphs joined by newlines: the unit that is diffed."""
        return "\n".join(self.paragraphs)


def render_body(sections: tuple[Section, ...] | list[Section]) -> str:
    """Text form of ``sections`` (see module doc); ends with one newline, or is ""."""
    blocks: list[str] = []
    for section in sections:
        if section.level > 0:
            blocks.append("#" * section.level + " " + section.heading)
        blocks.extend(section.paragraphs)
    return "\n\n".join(blocks) + "\n" if blocks else ""


def parse_body(body: str) -> tuple[Section, ...]:
    """Sections of a body in text form; a line matching ``#{1,6} text`` is a heading."""
    sections: list[Section] = []
    heading, level = "", 0
    paragraphs: list[str] = []
    started = False
    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            continue
        match = HEADING_RE.match(line)
        if match:
            if started or paragraphs:
                sections.append(Section(heading, level, tuple(paragraphs)))
            heading, level, paragraphs = match.group(2), len(match.group(1)), []
            started = True
        else:
            paragraphs.append(line)
    if started or paragraphs:
        sections.append(Section(heading, level, tuple(paragraphs)))
    return tuple(sections)


def section_offsets(body: str, sections: tuple[Section, ...]) -> list[tuple[int, int]]:
    """(start, end) character offsets of each section within ``body``
    (its rendered text form), heading line included; used to place a span."""
    offsets: list[tuple[int, int]] = []
    pos = 0
    for section in sections:
        first = ("#" * section.level + " " + section.heading) if section.level > 0 else (
            section.paragraphs[0] if section.paragraphs else "")
        start = body.find(first, pos) if first else pos
        start = pos if start < 0 else start
        last = section.paragraphs[-1] if section.paragraphs else first
        end = body.find(last, start)
        end = (end + len(last)) if end >= 0 else start
        offsets.append((start, end))
        pos = end
    return offsets

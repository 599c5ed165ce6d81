"""A heading restating the text under it is no reused wording.

A news page puts its story's main sentence in a headline, then says it again
in the story (## 二七区荣获全国四个“百强”市辖区称号, then 10月8日，…二七区获得全国
四个“百强”市辖区称号); a report's part heading may repeat its first sentence.
Within one text, a passage one side of which stands on a heading line (a
line opening with ``#``, as snapshots write headings) is therefore
:attr:`~erqi_diff.reuse.model.Kind.HEADLINE`, not a copy: it counts in no
share of reused wording and is shown only with the formulas. Between two
texts a heading's wording found again is left a copy (an award or a slogan
a later report repeats is the audit's business). Texts without ``#`` lines
(a corpus) are not touched."""

from __future__ import annotations

from dataclasses import replace

from erqi_diff.reuse.model import Kind, Passage, Span


def mark_headlines(found: list[tuple[int, int, Passage]], originals: list[str]) -> None:
    """In place: each copy of ``found`` (``(x, y, passage)``, x and y the
    texts of its two sides in ``originals``) inside one text with a side on
    a heading line becomes a headline passage."""
    for n, (x, y, passage) in enumerate(found):
        if x == y and passage.kind is Kind.COPY and (_on_heading(originals[x], passage.a)
                                                     or _on_heading(originals[x], passage.b)):
            found[n] = (x, y, replace(passage, kind=Kind.HEADLINE))


def _on_heading(text: str, span: Span) -> bool:
    """Most of ``span`` stands on one heading line of ``text``."""
    line_start = text.rfind("\n", 0, span.start) + 1
    if not text.startswith("#", line_start):
        return False
    line_end = text.find("\n", span.start)
    line_end = len(text) if line_end < 0 else line_end
    return 2 * (min(span.end, line_end) - span.start) >= span.end - span.start

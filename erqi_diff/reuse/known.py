"""A passage made mostly of the series' own slogans is no copied wording.

A report restates its district's or its country's formulas every year
(二七，建设现代化国际化复合型城区，为郑州建设国家中心城市增光添彩; 落实更加严格的
“控尘、控煤、控烟、控车、控企”措施): two reports share those words because
both use the same 提法, not because one copied the other. Given the
series' slogans (``known``: their forms, as :mod:`erqi_diff.extract.slogans`
finds them), a copy is a :attr:`~erqi_diff.reuse.model.Kind.FORMULA` when
on both sides the slogans cover at least :data:`KNOWN_SHARE` of its
characters (punctuation and whitespace not counted): it is hidden with the
formulas and counted in no share. A sentence that quotes a slogan in
wording of its own (在全市率先开展“掌上办事”“同区通办”、24小时自助服务) stays a
copy. Forms shorter than :data:`SHORTEST` characters are not used (a
two-character name would cover ordinary words)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from erqi_diff.reuse.model import Kind, Passage, wording

#: The share of a passage's characters the slogans must cover, on both sides.
KNOWN_SHARE = 0.5
#: Forms shorter than this are not used.
SHORTEST = 4


def mark_known(found: list[tuple[int, int, Passage]], known: Iterable[str]) -> None:
    """In place: each copy of ``found`` (``(x, y, passage)``) made mostly of
    the ``known`` slogans becomes a formula."""
    pattern = _pattern(known)
    if pattern is None:
        return
    for n, (x, y, passage) in enumerate(found):
        if passage.kind is Kind.COPY and all(covered_share(text, pattern) >= KNOWN_SHARE
                                             for text in (passage.a.text, passage.b.text)):
            found[n] = (x, y, replace(passage, kind=Kind.FORMULA))


def _pattern(known: Iterable[str]) -> re.Pattern | None:
    forms = sorted({f for f in known if len(wording(f)) >= SHORTEST}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, forms))) if forms else None


def covered_share(text: str, pattern: re.Pattern) -> float:
    """The share of ``text``'s characters (punctuation and whitespace not
    counted) inside a match of ``pattern``."""
    inside = sum(len(wording(m.group())) for m in pattern.finditer(text))
    total = len(wording(text))
    return inside / total if total else 0.0

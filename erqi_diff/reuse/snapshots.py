"""The reuse audit of a project's snapshots."""

from __future__ import annotations

from erqi_diff.reuse.audit import find_reuse
from erqi_diff.reuse.model import ReuseResult, Span, YearSpan
from erqi_diff.reuse.seeds import DEFAULT_FORMULA_DOCS


def _with_section(span: Span, starts: list[int], headings: list[str]) -> YearSpan:
    from bisect import bisect_right

    i = bisect_right(starts, span.start) - 1
    return YearSpan(span.key, span.start, span.end, span.text, headings[i] if i >= 0 else "")


def audit_snapshots(snapshots, min_chars: int = 15, formula_docs: int = DEFAULT_FORMULA_DOCS,
                    background=(), lexicon=None) -> ReuseResult:
    """:func:`find_reuse` on the bodies of ``snapshots`` (oldest first),
    keyed by year (as text); every span's start and end are offsets into
    its year's ``Snapshot.body`` and its ``section`` is the heading of the
    section holding its start ("" before the first heading): spans are
    :class:`erqi_diff.reuse.model.YearSpan` and the result's ``years`` is set.
    ``background``: the series' other snapshots, whose wording counts
    towards what is a formula (stock wording of the series) but which are
    not audited. The slogans of all those reports (:mod:`erqi_diff.extract.slogans`,
    with ``lexicon``: the package's and the project's when None) are the
    series' own formulas: a copy made mostly of them is a formula
    (:mod:`erqi_diff.reuse.known`)."""
    from dataclasses import replace

    from erqi_diff.core.document import section_offsets
    from erqi_diff.extract.slogans import extract

    snaps = sorted(snapshots, key=lambda s: s.year)
    asked = {s.year for s in snaps}
    others = {str(s.year): s.body for s in background if s.year not in asked}
    every = sorted([*snaps, *(s for s in background if s.year not in asked)], key=lambda s: s.year)
    known = [form for slogan in extract(every, lexicon) for form in slogan.forms()]
    result = find_reuse({str(s.year): s.body for s in snaps}, min_chars, formula_docs=formula_docs,
                        background=others, known=known)
    places = {}
    for snap in snaps:
        offsets = section_offsets(snap.body, snap.sections)
        places[str(snap.year)] = ([start for start, _ in offsets], [s.heading for s in snap.sections])
    passages = tuple(replace(p, a=_with_section(p.a, *places[p.a.key]), b=_with_section(p.b, *places[p.b.key]))
                     for p in result.passages)
    formulas = tuple(replace(f, span=_with_section(f.span, *places[f.span.key])) for f in result.formulas)
    return replace(result, passages=passages, formulas=formulas, years=True)

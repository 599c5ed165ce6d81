"""A whole series gathered for ``erqi-diff browse``: typed results the
terminal UI lays out, computed here and never in the view.

- :func:`slogan_timeline`: every slogan (:func:`erqi_diff.extract.slogans.extract`)
  with what became of it at each report (:func:`erqi_diff.extract.lineage.marks`:
  added, returned, changed, retired), and the reports with no slogan;
- :func:`occurrences`: one slogan's occurrences with their context, as
  :class:`erqi_diff.extract.trace.Hit` (the record ``erqi-diff trace`` prints);
- :func:`figures_panel` and :func:`chart` (in :mod:`erqi_diff.summarize.panel`):
  targets and metrics by indicator and figure year, and one series as points;
- :func:`chain_links` and :func:`link_diff`: the links of a section chain
  (:mod:`erqi_diff.compare.lineage`) and the part of a pair's diff
  (:func:`erqi_diff.compare.diff.compare`) that shows one link;
- :func:`search`: any text through every report (:func:`erqi_diff.extract.trace.trace`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from typing import TYPE_CHECKING

from erqi_diff.extract.lineage import Change
from erqi_diff.extract.slogans import Slogan
from erqi_diff.extract.trace import Hit, Trace

if TYPE_CHECKING:  # (the section chains: not imported by ``erqi-diff slogans``, which takes its rows from here)
    from erqi_diff.compare.lineage import Chain, Lineage, Node, Step

_HEADING_MARKS = re.compile(r"#{1,6}[ \t]+")
#: Characters of context shown either side of an occurrence (as ``trace -C``'s default).
CONTEXT = 20


@dataclass(frozen=True)
class SloganRow:
    """One slogan of the timeline and what became of it at each report of
    the series compared with the report before (``marks``: year -> change,
    :func:`erqi_diff.extract.lineage.marks`; reports where nothing did, and
    the first report, are left out); ``held``: the reports where it is there
    only as an item of a longer slogan (:func:`erqi_diff.extract.lineage.held_years`)."""

    slogan: Slogan
    marks: Mapping[int, Change] = field(compare=False)
    held: tuple[int, ...] = ()

    @property
    def first(self) -> int:
        """The first report it is there in, alone or as an item."""
        return min((self.slogan.first, *self.held))

    @property
    def last(self) -> int:
        """The last report it is there in, alone or as an item."""
        return max((self.slogan.last, *self.held))


def slogan_rows(found: Sequence[Slogan], years: Sequence[int],
                elsewhere: Mapping[str, Sequence[int]] | None = None) -> tuple[SloganRow, ...]:
    """A row of each slogan ``found``: its marks over ``years`` and the years
    it is there only as an item; ``elsewhere``: by slogan name, the series'
    other reports it stands in (:func:`erqi_diff.extract.lineage.all_marks`)."""
    from erqi_diff.extract.lineage import all_marks, held_years

    held = held_years(found, years)
    return tuple(SloganRow(s, m, held.get(s.slogan, ())) for s, m in all_marks(found, years, elsewhere))


@dataclass(frozen=True)
class SloganTimeline:
    """The year-by-slogan timeline: ``years`` of the series (oldest first),
    ``rows`` in order of first year then frequency, ``empty`` the reports
    where no slogan stands."""

    years: tuple[int, ...]
    rows: tuple[SloganRow, ...]
    empty: tuple[int, ...]


def slogan_timeline(snapshots: Sequence, lexicon=None) -> SloganTimeline:
    """The timeline of ``snapshots`` (oldest first); ``lexicon`` as
    :func:`erqi_diff.extract.slogans.extract` takes it (the package's when None)."""
    from erqi_diff.extract.slogans import extract

    years = tuple(s.year for s in snapshots)
    found = extract(snapshots, lexicon)
    rows = slogan_rows(found, years)
    empty = tuple(y for y in years if not any(y in s.counts for s in found))
    return SloganTimeline(years, rows, empty)


def occurrences(slogan: Slogan, snapshots: Sequence, context: int = CONTEXT) -> tuple[Hit, ...]:
    """Every occurrence of ``slogan`` in ``snapshots``, oldest report first,
    in text order, with up to ``context`` characters of its paragraph on
    either side and its section heading."""
    bodies = {s.year: s.body for s in snapshots}
    out = []
    for year in sorted(slogan.occurrences):
        body = bodies.get(year)
        if body is None:
            continue
        for occ in slogan.occurrences[year]:
            out.append(_hit(year, body, occ.start, occ.end, occ.section, context))
    return tuple(out)


def _hit(year: int, body: str, start: int, end: int, section: str, context: int) -> Hit:
    line_start = body.rfind("\n", 0, start) + 1
    marks = _HEADING_MARKS.match(body, line_start)
    if marks and marks.end() <= start:  # a heading: its text, without the ## marks
        line_start = marks.end()
    line_end = body.find("\n", end)
    line_end = len(body) if line_end < 0 else line_end
    return Hit(year, start, end, body[start:end], body[max(line_start, start - context):start],
               body[end:min(line_end, end + context)], section)


# --- sections --------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainLink:
    """Two consecutive sections of one chain: ``older`` in one report,
    ``newer`` in the next, and the ``step`` that paired them (its basis and
    score; None only if the lineage holds no such step)."""

    chain: int
    older: Node
    newer: Node
    step: Step | None


def chain_links(result: Lineage, chain: Chain) -> tuple[ChainLink, ...]:
    """The links of ``chain``, oldest first (none for a chain of one section)."""
    steps = {(s.from_year, s.from_index, s.to_year, s.to_index): s for s in result.steps}
    return tuple(ChainLink(chain.ident, a, b, steps.get((a.year, a.index, b.year, b.index)))
                 for a, b in zip(chain.nodes, chain.nodes[1:]))


def link_diff(result, link: ChainLink) -> tuple:
    """The units of ``result`` (the :class:`erqi_diff.compare.diff.DiffResult`
    of the link's two reports) that read the link's older section against its
    newer one: one unit, or the part of a split or the merge holding them."""
    if (result.from_meta.year, result.to_meta.year) != (link.older.year, link.newer.year):
        raise ValueError(f"the diff is of {result.from_meta.year} → {result.to_meta.year}, "
                         f"not of the link's {link.older.year} → {link.newer.year}")
    return tuple(s for s in result.sections
                 if any(p.index == link.older.index for p in s.from_sections)
                 and any(p.index == link.newer.index for p in s.to_sections))


# --- search ----------------------------------------------------------------------------


def search(snapshots: Sequence, text: str, context: int = CONTEXT) -> Trace:
    """``text`` through every report, oldest first (``erqi-diff trace``'s
    rules: found where it stands as a whole, quotes and spaces aside).
    :class:`erqi_diff.extract.trace.TraceError` for an empty text."""
    from erqi_diff.extract.trace import trace

    return trace(snapshots, [text], context=context, newest_first=False)

"""What the HTML report shows: every analysis of a span of years, gathered.

:func:`build_report` loads the snapshots of the span and asks the other
modules for their results (snapshot metadata, slogans, metrics, goals, the
diff of every pair of years, the reuse audit); :mod:`erqi_diff.views.html`
lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from erqi_diff.reuse.model import ReuseResult
from erqi_diff.summarize.series import SloganRow, slogan_rows
from erqi_diff.summarize.span import span_years

if TYPE_CHECKING:
    from erqi_diff.core.snapshot import ReportMeta
    from erqi_diff.compare.diff import DiffResult


@dataclass(frozen=True)
class ReportData:
    """Everything the page shows, from the other modules: the metrics as
    :class:`erqi_diff.extract.facts.Fact`, the goals as
    :class:`erqi_diff.extract.links.Link` (typed), the rest as JSON-able records."""

    years: tuple[int, ...]
    overview: tuple[ReportMeta, ...]  # the header of each report
    slogans: tuple[SloganRow, ...]    # the slogans of the span, with what became of them when
    metrics: tuple                    # erqi_diff.extract.facts.Fact: the outcomes `metrics` shows
    goals: tuple                      # erqi_diff.extract.links.Link: the goals set in the span, linked
    pairs: dict[str, DiffResult]      # "A-B" (A < B) -> erqi_diff.compare.diff.compare()
    reuse: ReuseResult                # the reuse audit of the span's snapshots


def build_report(project, first: int, last: int) -> ReportData:
    """Load the snapshots from ``first`` to ``last`` and run every analysis the page shows."""
    from erqi_diff.extract import goals
    from erqi_diff.extract import metrics
    from erqi_diff.extract import slogans
    from erqi_diff.extract.lexicon import load as load_lexicon
    from erqi_diff.core import snapshot as store
    from erqi_diff.compare.diff import compare
    from erqi_diff.reuse.snapshots import audit_snapshots

    for year in (first, last):
        project.report(year)  # UnknownYear lists the years there are
    years = span_years(project.years, first, last, "the page")
    snaps = store.load_many(project, years)
    pairs = {f"{a.year}-{b.year}": compare(a, b, strip=False)
             for i, a in enumerate(snaps) for b in snaps[i + 1:]}
    return ReportData(
        years=tuple(years),
        overview=tuple(s.meta() for s in snaps),
        slogans=slogan_rows(slogans.extract(snaps, load_lexicon(project.root)), years),
        metrics=tuple(metrics.extract_many(snaps)),
        goals=tuple(goals.extract_many(snaps, store.load_many(project))),
        pairs=pairs,
        reuse=audit_snapshots(snaps, background=store.load_available(project, [y for y in project.years if y not in years])),
    )


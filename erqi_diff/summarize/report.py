"""What the HTML report shows: every analysis of a span of years, gathered.

:func:`build_report` loads the snapshots of the span and asks the other
modules for their results (snapshot metadata, slogans, metrics, goals, the
diff of every pair of years, the reuse audit); :mod:`erqi_diff.views.html`
lays them out.
"""

from __future__ import annotations

from dataclasses import dataclass

from erqi_diff.reuse.model import ReuseResult
from erqi_diff.summarize.span import span_years


@dataclass(frozen=True)
class ReportData:
    """Everything the page shows, as JSON-able records from the other modules."""

    years: tuple[int, ...]
    overview: tuple[dict, ...]        # Snapshot.meta() of each year
    slogans: tuple[dict, ...]         # slogan records' to_json()
    metrics: tuple[dict, ...]         # metric records' to_json()
    goals: tuple[dict, ...]           # goal records' to_json()
    pairs: dict[str, dict]            # "A-B" (A < B) -> diff to_json()
    reuse: ReuseResult                # the reuse audit of the span's snapshots

    def to_json(self) -> dict:
        return {"years": list(self.years), "overview": list(self.overview), "slogans": list(self.slogans),
                "metrics": list(self.metrics), "goals": list(self.goals), "pairs": self.pairs,
                "reuse": self.reuse}


def build_report(project, first: int, last: int) -> ReportData:
    """Load the snapshots from ``first`` to ``last`` and run every analysis the page shows."""
    from erqi_diff.extract import goals
    from erqi_diff.extract import metrics
    from erqi_diff.extract import slogans
    from erqi_diff.core import snapshot as store
    from erqi_diff.compare.diff import compare
    from erqi_diff.reuse.snapshots import audit_snapshots

    for year in (first, last):
        project.report(year)  # UnknownYear lists the years there are
    years = span_years(project.years, first, last, "the page")
    snaps = store.load_many(project, years)
    pairs = {f"{a.year}-{b.year}": compare(a, b, strip=False).to_json()
             for i, a in enumerate(snaps) for b in snaps[i + 1:]}
    return ReportData(
        years=tuple(years),
        overview=tuple(s.meta() for s in snaps),
        slogans=tuple(r.to_json() for r in slogans.extract(snaps)),
        metrics=tuple(r.to_json() for r in metrics.extract_many(snaps)),
        goals=tuple(r.to_json() for r in goals.extract_many(snaps)),
        pairs=pairs,
        reuse=audit_snapshots(snaps),
    )

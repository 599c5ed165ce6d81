"""Small hand-made snapshots for the extractors' tests. The extractors'
precision and recall come from the development sets (benchmarks/devsets/),
printed by benchmarks/score_facts.py and benchmarks/score_slogans.py."""

from __future__ import annotations


def make_snapshot(year: int, body: str, date: str | None = None, title: str = ""):
    """A snapshot made from ``body`` (text form: ``## heading`` lines and
    paragraphs) for small hand-made cases."""
    from erqi_diff.core.document import parse_body
    from erqi_diff.core.snapshot import Snapshot

    return Snapshot(year=year, source="", source_sha256="", date=date or f"{year + 1}-01-15", title=title,
                    normalizer_version=1, body_sha256="", boilerplate=(), body=body, sections=parse_body(body))

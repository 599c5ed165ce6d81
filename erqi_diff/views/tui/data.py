"""The series as ``erqi-diff browse`` holds it: the snapshots, and each
pane's results asked of the library the first time the pane needs them,
then kept (a pane is computed once, in a worker thread; a pair's diff
once per pair). Nothing here computes: it calls the library and remembers.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any


class SeriesData:
    """``snapshots`` of the series (oldest first) under ``root``; ``name``
    (shown on top): the project folder's, unless given."""

    def __init__(self, root: Path, snapshots: list, lexicon=None, name: str | None = None) -> None:
        self.root = root
        self.name = name or Path(root).resolve().name
        self.snapshots = list(snapshots)
        self.years = [s.year for s in self.snapshots]
        self.lexicon = lexicon
        self._lock = threading.Lock()
        self._kept: dict[Any, Any] = {}

    def _once(self, key, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if key in self._kept:
                return self._kept[key]
        value = compute()
        with self._lock:
            return self._kept.setdefault(key, value)

    def snapshot(self, year: int):
        return self.snapshots[self.years.index(year)]

    def timeline(self):
        from erqi_diff.summarize.series import slogan_timeline

        return self._once("timeline", lambda: slogan_timeline(self.snapshots, self.lexicon))

    def occurrences(self, row) -> tuple:
        from erqi_diff.summarize.series import occurrences

        return self._once(("occurrences", row.slogan.slogan, row.slogan.kind),
                          lambda: occurrences(row.slogan, self.snapshots))

    def panel(self):
        from erqi_diff.summarize.panel import figures_panel

        return self._once("panel", lambda: figures_panel(self.snapshots))

    def chart(self, row):
        from erqi_diff.summarize.panel import chart

        return chart(self.panel(), row)

    def lineage(self):
        from erqi_diff.compare.lineage import lineage

        return self._once("lineage", lambda: lineage(self.snapshots))

    def diff(self, older: int, newer: int, strip: bool = True):
        """The diff of two reports (older first), as ``erqi-diff OLDER NEWER`` computes it."""
        from erqi_diff.compare.diff import compare

        return self._once(("diff", older, newer, strip),
                          lambda: compare(self.snapshot(older), self.snapshot(newer), strip=strip))

    def search(self, text: str):
        from erqi_diff.summarize.series import search

        return search(self.snapshots, text)

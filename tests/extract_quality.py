"""Precision and recall of the metrics and goals extractors against the
lists in tests/data/ (checked by reading the texts); the slogans are scored
against the development set by benchmarks/score_slogans.py. Used by the tests, and run as a script to
print the figures quoted in the README::

    python tests/extract_quality.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"


def gold(name: str) -> dict:
    return json.loads((DATA / f"{name}_gold.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Score:
    name: str
    found: int
    expected: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.expected if self.expected else 0.0

    def line(self) -> str:
        return (f"| {self.name} | {self.correct}/{self.found} = {self.precision:.0%} | "
                f"{self.correct}/{self.expected} = {self.recall:.0%} |")


def _num(v):
    if isinstance(v, list):
        return tuple(float(x) for x in v)
    return None if v is None else float(v)


def metric_row(r) -> tuple:
    return (r.year, r.indicator, _num(r.value), r.unit, _num(r.growth_pct), r.period.value)


def gold_metric_row(row: list) -> tuple:
    year, indicator, value, unit, growth, period = row
    return (year, indicator, _num(value), unit, _num(growth), period)


def score_metrics(records, rows: list, name: str, indicators: list[str] | None = None) -> Score:
    found = [metric_row(r) for r in records if indicators is None or r.indicator in indicators]
    expected = {gold_metric_row(r) for r in rows}
    return Score(name, len(found), len(expected), len(set(found) & expected))


def score_goals_seeds(goals, rows: list, name: str) -> Score:
    found = {(g.year, g.text) for g in goals}
    expected = {(r[0], r[1]) for r in rows}
    return Score(name, len(found), len(expected), len(found & expected))


def gwr_goal_key(g) -> tuple:
    return (g.year, g.indicator, _num(g.value), g.unit)


def score_goals_gwr(goals, rows: list, indicators: list[str], name: str) -> Score:
    found = [gwr_goal_key(g) for g in goals if g.indicator in indicators]
    expected = {(r[0], r[1], _num(r[2]), r[3]) for r in rows}
    return Score(name, len(found), len(expected), len(set(found) & expected))


def score_links(goals, rows: list, name: str, key) -> Score:
    """Of the gold goals found, how many got the right outcome (or stayed open)."""
    by_key = {key(g): g for g in goals}
    found = expected = correct = 0
    for row in rows:
        k, want = row[0], row[1]
        expected += 1
        g = by_key.get(k)
        if g is None:
            continue
        found += 1
        got = None if g.outcome is None else (g.outcome.year, _num(g.outcome.value))
        correct += got == (None if want[0] is None else (want[0], _num(want[1])))
    return Score(name, found, expected, correct)


def all_scores(seeds_project, gwr_project) -> list[Score]:
    from erqi_diff.extract import goals, metrics
    from erqi_diff.core.snapshot import load_many

    seeds, national = load_many(seeds_project), load_many(gwr_project)
    m, g = gold("metrics"), gold("goals")
    seed_goals, gwr_goals = goals.extract_many(seeds), goals.extract_many(national)
    seed_links = [((r[0], r[1]), (r[5], r[6])) for r in g["seeds"]]
    gwr_links = [((r[0], r[1], _num(r[2]), r[3]), (r[4], r[5])) for r in g["gwr"]]
    return [
        score_metrics(metrics.extract_many(seeds), m["seeds"], "metrics, seeds"),
        score_metrics(metrics.extract_many(national), m["gwr"], "metrics, national (GDP, CPI, jobs)",
                      m["gwr_indicators"]),
        score_goals_seeds(seed_goals, g["seeds"], "goals, seeds"),
        score_goals_gwr(gwr_goals, g["gwr"], g["gwr_indicators"], "goals, national (GDP, CPI, jobs targets)"),
        score_links(seed_goals, seed_links, "goal -> outcome links, seeds", lambda x: (x.year, x.text)),
        score_links(gwr_goals, gwr_links, "goal -> outcome links, national", gwr_goal_key),
    ]


def main() -> None:
    sys.path.insert(0, str(HERE))
    from conftest import GWR, GWR_YEARS, REPO, make_project
    from erqi_diff.core.project import load_project

    with tempfile.TemporaryDirectory() as tmp:
        gwr = load_project(make_project(Path(tmp), {y: GWR / f"{y}.txt" for y in GWR_YEARS}))
        print("| extractor | precision | recall |")
        print("| --- | --- | --- |")
        for score in all_scores(load_project(REPO), gwr):
            print(score.line())


def make_snapshot(year: int, body: str, date: str | None = None, title: str = ""):
    """A snapshot made from ``body`` (text form: ``## heading`` lines and
    paragraphs) for small hand-made cases."""
    from erqi_diff.core.document import parse_body
    from erqi_diff.core.snapshot import Snapshot

    return Snapshot(year=year, source="", source_sha256="", date=date or f"{year + 1}-01-15", title=title,
                    normalizer_version=1, body_sha256="", boilerplate=(), body=body, sections=parse_body(body))


if __name__ == "__main__":
    main()

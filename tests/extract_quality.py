"""Precision and recall of the slogans extractor against the lists in
tests/data/ (checked by reading the texts), and a snapshot made by hand for
small cases. The facts (metrics, goals, targets) are scored against the
development set by benchmarks/score_facts.py instead. Run as a script::

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


def slogan_forms(slogans) -> set[str]:
    from erqi_diff.extract.slogans import key_of

    forms = set()
    for s in slogans:
        forms |= {key_of(v.slogan) for v in s.variants} if s.variants else {key_of(s.slogan)}
    return forms


def score_slogans(slogans, rows: list, name: str) -> Score:
    from erqi_diff.extract.slogans import key_of

    found = slogan_forms(slogans)
    expected = {key_of(r[0]) for r in rows}
    return Score(name, len(found), len(expected), len(found & expected))


def all_scores(seeds_project, gwr_project) -> list[Score]:
    from erqi_diff.extract import slogans
    from erqi_diff.core.snapshot import load_many

    seeds, national = load_many(seeds_project), load_many(gwr_project)
    s = gold("slogans")
    national_2024 = [snap for snap in national if snap.year == 2024]
    return [
        score_slogans(slogans.extract(seeds), s["seeds"], "slogans, seeds"),
        score_slogans(slogans.extract(national_2024), [[x] for x in s["gwr_2024"]], "slogans, national 2024"),
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

"""Precision and recall of the slogan (提法) extractor against the
hand-annotated development set benchmarks/devsets/slogans/ (see its README).

    python benchmarks/score_slogans.py              # every series
    python benchmarks/score_slogans.py gwr --misses # and what is wrong
    python benchmarks/score_slogans.py --no-lexicon # the mining and patterns alone
    python benchmarks/score_slogans.py --json       # the figures as data (the tests read them)

IN-SAMPLE: the extractor was developed on these very reports, and its
lexicon of national 提法 (erqi_diff/extract/data/slogans.toml) was written by
someone who had read them; the figures are an upper bound on what held-out
reports of the same kinds would give. ``--no-lexicon`` shows what the
patterns and the series mining find alone.

Two levels, per series:

- *slogans*: a listed lineage is correct when one of its forms is one of the
  forms of a gold slogan (forms compared without quotes, punctuation or
  spaces); precision counts listed lineages standing in an annotated year,
  recall counts gold slogans.
- *slogan-years*: (lineage, year) pairs over the annotated years; a listed
  pair is correct when the gold slogan it matches stands in that year.

The whole series is extracted (gwr-early: all 24 reports, so recurrence in
the unannotated years counts as evidence), then scored on the annotated years.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from common import DEVSETS, series_project  # noqa: E402

SERIES = ("seeds", "gwr", "gwr-early")
_PUNCT = re.compile(r"[\s“”‘’「」『』\"'·・•、，,；;：:。（）()《》]")


def score_key(text: str) -> str:
    """A form as the scorer compares it: no quotes, punctuation or spaces."""
    return _PUNCT.sub("", text)


@dataclass(frozen=True)
class Ratio:
    correct: int
    total: int

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.correct}/{self.total} = {self.value:.1%}"


@dataclass(frozen=True)
class SeriesScore:
    series: str
    precision: Ratio
    recall: Ratio
    year_precision: Ratio
    year_recall: Ratio
    false: tuple[str, ...]          # listed, matching no gold slogan
    missed: tuple[str, ...]         # gold slogans nothing listed matches
    wrong_years: tuple[str, ...]    # matched, with years listed that gold does not have, or missing
    negatives: tuple[str, ...]      # gold not_slogans that were listed


def load_gold(series: str) -> dict:
    return json.loads((DEVSETS / "slogans" / f"{series}.json").read_text(encoding="utf-8"))


def _forms(slogan) -> set[str]:
    forms = {slogan.slogan} | {v.slogan for v in slogan.variants}
    return {score_key(f) for f in forms}


def score(series: str, found: list, gold: dict) -> SeriesScore:
    years = set(gold["years"])
    entries = [(s, _forms(s), set(s.years) & years) for s in found]
    entries = [e for e in entries if e[2]]
    golds = [(g, {score_key(f) for f in [g["slogan"], *g["forms"]]}, set(g["years"])) for g in gold["slogans"]]
    correct = 0
    false = []
    good_years = listed_years = 0
    hit_years: dict[int, set[int]] = {}
    wrong = []
    for s, forms, ys in entries:
        matches = [i for i, (_, gforms, _) in enumerate(golds) if forms & gforms]
        listed_years += len(ys)
        if not matches:
            false.append(f"{s.slogan} {sorted(ys)}")
            continue
        correct += 1
        gold_years = set().union(*(golds[i][2] for i in matches))
        good_years += len(ys & gold_years)
        for i in matches:
            hit_years.setdefault(i, set()).update(ys & golds[i][2])
        extra = ys - gold_years
        if extra:
            wrong.append(f"{s.slogan}: listed in {sorted(extra)} where gold has not")
    missed = [f"{g['slogan']} {g['years']}" for i, (g, _, _) in enumerate(golds) if i not in hit_years]
    for i, (g, _, gy) in enumerate(golds):
        if i in hit_years and hit_years[i] != gy:
            wrong.append(f"{g['slogan']}: gold {sorted(gy)}, found {sorted(hit_years[i])}")
    gold_year_total = sum(len(gy) for _, _, gy in golds)
    listed_keys = set().union(*(f for _, f, _ in entries)) if entries else set()
    negatives = [n["text"] for n in gold.get("not_slogans", []) if score_key(n["text"]) in listed_keys]
    return SeriesScore(series, Ratio(correct, len(entries)), Ratio(len(hit_years), len(golds)),
                       Ratio(good_years, listed_years), Ratio(sum(len(v) for v in hit_years.values()), gold_year_total),
                       tuple(false), tuple(missed), tuple(wrong), tuple(negatives))


def run(series: str, workdir: Path, lexicon: bool = True) -> SeriesScore:
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many
    from erqi_diff.extract import slogans

    root = series_project(series, workdir / series)
    snaps = load_many(load_project(root))
    found = slogans.extract(snaps, lexicon=None if lexicon else slogans.no_lexicon())
    return score(series, found, load_gold(series))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("series", nargs="*", choices=[*SERIES, []], default=[])
    parser.add_argument("--misses", action="store_true", help="list false, missed and wrong-year slogans")
    parser.add_argument("--no-lexicon", action="store_true", help="patterns and mining alone")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        scores = [run(name, Path(tmp), lexicon=not args.no_lexicon) for name in (args.series or SERIES)]
    if args.json:
        print(json.dumps({s.series: {"precision": s.precision.value, "recall": s.recall.value,
                                     "year_precision": s.year_precision.value, "year_recall": s.year_recall.value}
                          for s in scores}, indent=2))
        return 0
    print("IN-SAMPLE figures: the extractor and its lexicon were developed on these reports "
          "(benchmarks/devsets/slogans/).")
    print("Lexicon: " + ("off (patterns and series mining alone)" if args.no_lexicon else "on"))
    print(f"{'series':<10} {'precision':>18} {'recall':>18} {'years precision':>20} {'years recall':>20}")
    for s in scores:
        print(f"{s.series:<10} {s.precision!s:>18} {s.recall!s:>18} {s.year_precision!s:>20} {s.year_recall!s:>20}")
    for s in scores:
        if s.negatives:
            print(f"{s.series}: listed although annotated as not a 提法: {'; '.join(s.negatives)}")
        if args.misses:
            print(f"\n== {s.series}: listed, not in gold ({len(s.false)})\n" + "\n".join(s.false))
            print(f"\n== {s.series}: missed ({len(s.missed)})\n" + "\n".join(s.missed))
            print(f"\n== {s.series}: years differ ({len(s.wrong_years)})\n" + "\n".join(s.wrong_years))
    return 0


if __name__ == "__main__":
    sys.exit(main())

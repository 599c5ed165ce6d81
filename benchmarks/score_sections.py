"""Score erqi-diff's section pairing against the hand-made pairs of
benchmarks/devsets/sections/ (see its README for how they were made).

For each annotated pair of reports it prints the precision and recall of:

- **pairs**: every link of an older section with a newer one (a split or a
  merge of one section with three counts three links), compared as
  (older heading, newer heading), repeated headings counted as often as
  they occur;
- **splits/merges**: the links the tool puts in a split or a merge against
  those the annotators did, with the same relation;
- **unpaired**: the sections left without a counterpart, per side;
- **follow-ups**: the links of a year's plan with the next report's review
  of that year (``"followups"`` in a file; the tool's links paired by
  ``followup``). They stand apart from the pairs: a section in a follow-up
  only still counts as unpaired (it has no partner of its own role).

Front matter (title lines, bylines: the file's ``front_matter``) is left out
of both sides, with every link that touches it: another branch moves those
lines out of the sections.

THE SET IS IN-SAMPLE: the pairing was developed while looking at these
reports, so these figures flatter it. Acceptance is measured on held-out
pairs of reports.

With ``--scores`` it also prints the scores of the links the tool made by
topic, right and wrong, per series: what the floors of the pairing
(``FLOOR``, ``JOIN_FLOOR`` in erqi_diff/compare/sections.py) are set against.

    python benchmarks/score_sections.py [-v] [--scores]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEVSETS, series_project

SECTIONS = DEVSETS / "sections"
#: The series annotated (the part of a file's name before "_").
SERIES = ("seeds", "gwr", "gwr-early")
#: The targets of issue 15, for precision and recall of the pairs.
TARGET = (0.95, 0.95)
#: What tests/test_align.py holds the pairing to: the figures reached, rounded down
#: (part -> series or "overall" -> (precision, recall)). The unpaired floors of gwr-early and overall
#: came down with normalizer 7: 11 numbered list items of 1987 and 1988 that the gold and the tool both
#: left unpaired are paragraph text now, so easy agreements left the tally (sections/README.md).
#: The seeds' floors went up with the verdicts, boxes (compare/verdict.py) and commendation lines (compare/honours.py).
#: The pairs of gwr-early and overall count the pairs 1978-1983 (added 2026-11-28, held out when first scored).
# lowered on 2026-11-28 (evening) with the five held-out pairs 1985-1986, 1988-1992, 2013-2015, Erqi 2016-2018
# and 2018-2021, scored once as they came (docs/accuracy.md); raised again with the rules of helpers seeds-p and
# early-p (which did not change a link of those five pairs)
# raised with the rules of helper span-p (compare/standing.py, compare/indicators.py)
# and again with five more held-out pairs (2016-2019, 2017-2019, 2014-2023, 1993-1995, 1998-2000), as first scored
# raised with the rules of helper span2 (verdict.apart, the verdicts first, bare labels naming a role,
# honours.other_areas): seeds pairs P 85.5% to 90.8%
FLOORS = {"pairs": {"gwr": (0.97, 0.93), "gwr-early": (0.92, 0.87), "seeds": (0.90, 0.88), "overall": (0.93, 0.88)},
          "relations": {"gwr": (0.92, 0.76), "gwr-early": (0.83, 0.73), "seeds": (0.93, 0.88),
                        "overall": (0.86, 0.76)},
          # unpaired recall lowered with normalizer 8: part headings it recovered (1984 一, 1988 一 and 二)
          # hold text no gold entry was annotated by, so they are unpaired in the gold, and the pairing pairs them
          # overall unpaired precision lowered with the held-out pairs 1978-1983 (scored once as they came)
          # seeds unpaired precision lowered with the figures and bare-area rules (helper seeds-p): two wrong
          # links (2017's 新型城镇化 into 2021's 暖, 重点项目 into 2018's 绿色) became sections left unpaired
          # that the annotators pair (with 干, with 创优创新, each below the floor): false claims the same
          # span-p: gwr-early's unpaired precision 68.1% to 67.7% (1980's 第二, refused a split with no area of
          # work in common, is shown removed where the annotators pair it elsewhere: false claims the same)
          # span2: seeds and overall unpaired recall raised (sections no longer wrongly paired)
          "unpaired": {"gwr": (0.90, 0.96), "gwr-early": (0.67, 0.82), "seeds": (0.94, 0.95),
                       "overall": (0.84, 0.92)}}


@dataclass
class Tally:
    """Counts behind one precision and recall."""

    hit: int = 0
    made: int = 0
    gold: int = 0

    def add(self, tool: Counter, gold: Counter) -> None:
        self.hit += sum((tool & gold).values())
        self.made += sum(tool.values())
        self.gold += sum(gold.values())

    @property
    def precision(self) -> float:
        return self.hit / self.made if self.made else 1.0

    @property
    def recall(self) -> float:
        return self.hit / self.gold if self.gold else 1.0


@dataclass
class FileScore:
    name: str
    pairs: Tally = field(default_factory=Tally)
    relations: Tally = field(default_factory=Tally)
    unpaired: Tally = field(default_factory=Tally)
    follows: Tally = field(default_factory=Tally)
    wrong: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    #: (score, "pair" or "join", right?) of every link made by topic: what FLOOR and JOIN_FLOOR are set against
    scored: list[tuple[float, str, bool]] = field(default_factory=list)


def gold_of(spec: dict) -> tuple[Counter, Counter, Counter]:
    links: Counter = Counter()
    relations: Counter = Counter()
    for p in spec["pairs"]:
        relation = p.get("relation")
        for fa in p["from"]:
            for tb in p["to"]:
                links[fa, tb] += 1
                if relation:
                    relations[fa, tb, relation] += 1
    unpaired = Counter([("from", h) for h in spec["unpaired_from"]] + [("to", h) for h in spec["unpaired_to"]])
    return links, relations, unpaired


def followups_of(spec: dict) -> Counter:
    """The gold links of a year's plan with the next report's review of that year."""
    return Counter((fa, tb) for p in spec.get("followups", ()) for fa in p["from"] for tb in p["to"])


def tool_of(spec: dict, a, b, scored: list | None = None,
            follows: Counter | None = None) -> tuple[Counter, Counter, Counter]:
    """The tool's links, split/merge links and unpaired sections, front
    matter left out; ``follows`` gets the follow-up links (left out of the
    rest); ``scored`` gets (score, "pair"/"join", heading pair) of
    each link made by topic."""
    from erqi_diff.compare.sections import pair_sections, present_year

    pairing = pair_sections(a.sections, b.sections, present_year(a), present_year(b))
    front_a = set(spec.get("front_matter", {}).get("from", ()))
    front_b = set(spec.get("front_matter", {}).get("to", ()))
    heads_a = [s.heading for s in a.sections]
    heads_b = [s.heading for s in b.sections]
    links: Counter = Counter()
    relations: Counter = Counter()
    linked_a: set[int] = set()
    linked_b: set[int] = set()
    for link in pairing.links:
        ha, hb = heads_a[link.a], heads_b[link.b]
        if ha in front_a or hb in front_b:
            continue
        if link.basis.value == "followup":
            if follows is not None:
                follows[ha, hb] += 1
            continue
        linked_a.add(link.a)
        linked_b.add(link.b)
        links[ha, hb] += 1
        if scored is not None and link.basis.value == "topic":
            scored.append((link.score, "pair" if link.relation.value == "one" else "join", (ha, hb)))
        if link.relation.value != "one":
            relations[ha, hb, link.relation.value] += 1
    unpaired = Counter([("from", h) for i, h in enumerate(heads_a) if i not in linked_a and h not in front_a]
                       + [("to", h) for j, h in enumerate(heads_b) if j not in linked_b and h not in front_b])
    return links, relations, unpaired


def score_file(path: Path, roots: dict[str, Path]) -> FileScore:
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    spec = json.loads(path.read_text(encoding="utf-8"))
    project = load_project(roots[spec["series"]])
    a, b = load(project, spec["from"]), load(project, spec["to"])
    gold = gold_of(spec)
    scored: list = []
    follows: Counter = Counter()
    tool = tool_of(spec, a, b, scored, follows)
    out = FileScore(path.stem)
    out.scored = [(score, kind, pair in gold[0]) for score, kind, pair in scored]
    out.pairs.add(tool[0], gold[0])
    out.relations.add(tool[1], gold[1])
    out.unpaired.add(tool[2], gold[2])
    out.follows.add(follows, followups_of(spec))
    out.wrong = [f"{fa or '(lead)'} → {tb or '(lead)'}" for fa, tb in (tool[0] - gold[0]).elements()]
    out.missed = [f"{fa or '(lead)'} → {tb or '(lead)'}" for fa, tb in (gold[0] - tool[0]).elements()]
    out.wrong += [f"follow-up {fa} → {tb}" for fa, tb in (follows - followups_of(spec)).elements()]
    out.missed += [f"follow-up {fa} → {tb}" for fa, tb in (followups_of(spec) - follows).elements()]
    return out


def score_all(roots: dict[str, Path]) -> list[FileScore]:
    """The score of every annotated pair of reports whose series is in ``roots``."""
    return [score_file(path, roots) for path in sorted(SECTIONS.glob("*.json")) if path.stem.split("_")[0] in roots]


def total(scores: list[FileScore], name: str = "overall") -> FileScore:
    out = FileScore(name)
    for s in scores:
        out.scored += s.scored
        for part in ("pairs", "relations", "unpaired", "follows"):
            mine, theirs = getattr(out, part), getattr(s, part)
            mine.hit += theirs.hit
            mine.made += theirs.made
            mine.gold += theirs.gold
    return out


def series_totals(scores: list[FileScore]) -> dict[str, FileScore]:
    """The totals of each series (the part of a file's name before "_") and overall."""
    names = sorted({s.name.split("_")[0] for s in scores})
    out = {name: total([s for s in scores if s.name.startswith(name + "_")], name) for name in names}
    out["overall"] = total(scores)
    return out


def false_claims(s: FileScore) -> int:
    """The claims a reader would find false: links the annotators did not
    make, and sections left without a partner (shown added or removed, or
    folded) that the annotators paired. What a change of the pairing is
    judged by: refusing a wrong link only helps when the section it leaves
    is unpaired in the gold too."""
    return (s.pairs.made - s.pairs.hit) + (s.unpaired.made - s.unpaired.hit)


def _cell(t: Tally) -> str:
    return f"{t.precision:6.1%} {t.recall:6.1%} ({t.hit}/{t.made}/{t.gold})"


def _print_scores(totals: dict[str, FileScore]) -> None:
    """The scores of the links made by topic, right and wrong, as the floors
    (FLOOR for a pair, JOIN_FLOOR for a split or merge) are set against them."""
    from erqi_diff.compare.sections import FLOOR, JOIN_FLOOR

    print(f"\nscores of the links made by topic (floors: pair {FLOOR}, split/merge {JOIN_FLOOR})")
    for name, t in totals.items():
        for kind in ("pair", "join"):
            for right in (True, False):
                values = sorted(score for score, k, ok in t.scored if k == kind and ok is right)
                label = f"{name} {'pair' if kind == 'pair' else 'split/merge'} {'right' if right else 'wrong'}"
                print(f"  {label:28} {len(values):3}  " + " ".join(f"{v:.2f}" for v in values))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list the wrong and the missed pairs")
    parser.add_argument("--scores", action="store_true",
                        help="the scores of the right and the wrong links made by topic, per series (the floors)")
    args = parser.parse_args()
    print("Section pairing against benchmarks/devsets/sections/ -- IN-SAMPLE: the pairing was developed")
    print("on these reports, so the figures flatter it; acceptance is on held-out pairs of reports.\n")
    with tempfile.TemporaryDirectory() as tmp:
        roots = {name: series_project(name, Path(tmp) / name) for name in SERIES}
        scores = score_all(roots)
    head = (f"{'file':18} {'pairs P      R   (hit/made/gold)':34} {'splits/merges P  R':34} {'unpaired P  R':30}"
            f" {'follow-ups P  R':30}")
    print(head)
    for s in [*scores, *series_totals(scores).values()]:
        print(f"{s.name:18} {_cell(s.pairs):34} {_cell(s.relations):34} {_cell(s.unpaired):30} {_cell(s.follows):30}")
        if args.verbose:
            for line in s.wrong:
                print(f"     wrong:  {line}")
            for line in s.missed:
                print(f"     missed: {line}")
    if args.scores:
        _print_scores(series_totals(scores))
    t = total(scores).pairs
    print(f"\npairs overall: precision {t.precision:.1%}, recall {t.recall:.1%} "
          f"(issue 15 targets {TARGET[0]:.0%} and {TARGET[1]:.0%}; in-sample)")
    print("false claims a reader sees (wrong links + sections wrongly left unpaired, shown added/removed): "
          + ", ".join(f"{name} {false_claims(s)}" for name, s in series_totals(scores).items()))


if __name__ == "__main__":
    main()

"""Score erqi-diff's facts, links and verdicts against the hand-annotated
development set (benchmarks/devsets/facts/, see its README).

    python benchmarks/score_facts.py [--series seeds,gwr,gwr-early] [--work DIR] [-v | --links]

``-v`` lists the records shown wrong, the records missed and the links
missed or wrong; ``--links`` the links only (why each annotated link is not
made: the target not read as a goal, no outcome found, another outcome, a
link where the annotators found none, a wrong verdict).

THESE FIGURES ARE IN-SAMPLE: the extractor was developed against this very
set, so they flatter it. Acceptance is measured on reports outside the repo.

What is scored:

- Facts, over the scoped paragraphs of each annotated report: every record
  the tool SHOWS there (``metrics`` shows outcomes -- actual or estimate --
  of a canonical indicator; ``goals`` and ``targets`` show targets and plans)
  is matched to the gold record at the same place of the same sentence
  (sentences are matched by text, not offsets, so a re-normalized snapshot
  still scores). Precision of a field = shown records with that field right /
  shown records (a record at a gold record marked ``unsure`` counts neither
  way); recall = gold records of the shown classes (outcomes of a canonical
  indicator, targets and plans) found with that field right / all of them.
  The headline is the tuple (indicator, value, unit, figure_year). The same
  figures are printed for every fact the reader finds, shown or not.
- Links, over the annotated links (links-*.jsonl): a gold target is matched
  to the tool's goal at the same place; the tool's outcome for it is right
  when it is the gold outcome (same report, sentence, place), or when both say
  there is none. Precision = right links / links the tool makes for the
  annotated targets; recall = right links / gold links with an outcome
  figure. Gold outcomes stated without a figure (quote null) cannot be found
  by a reader of figures and are counted apart. Verdict accuracy is over the
  pairs linked right (verdict and margin both right). Targets stated without
  a figure (居民收入增长与经济增长基本同步) or not set are scored here only: the
  fact set annotates numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from common import DEVSETS, series_project  # noqa: E402

FACTS = DEVSETS / "facts"
LINKS = True
SERIES = ("seeds", "gwr", "gwr-early")
FIELDS = ("indicator", "value", "unit", "figure_year", "period", "kind", "modifier", "measure")
LINK_FILES = {"seeds": ["links-seeds-gwr2013.jsonl"], "gwr": ["links-seeds-gwr2013.jsonl", "links-gwr2022.jsonl"],
              "gwr-early": ["links-gwr-early.jsonl"]}


def squash(text: str) -> str:
    """A sentence with its whitespace removed: what sentences are matched by."""
    return "".join(str(text).split())


def load_gold(series: str) -> dict[int, list[dict]]:
    out: dict[int, list[dict]] = {}
    for path in sorted((FACTS / series).glob("*.jsonl")):
        out[int(path.stem)] = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def load_scope(series: str, year: int) -> set[str] | None:
    """The scoped paragraphs (squashed), or None for the whole report."""
    lines = [ln.strip() for ln in (FACTS / series / f"{year}.scope.txt").read_text(encoding="utf-8").splitlines()]
    lines = [ln for ln in lines if ln]
    if lines == ["*"]:
        return None
    return {squash(ln.lstrip("#").strip()) for ln in lines}


def load_links(series: str) -> list[dict]:
    out = []
    for name in LINK_FILES[series]:
        for line in (FACTS / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                if rec["corpus"] == series:
                    out.append(rec)
    return out


def place(sentence: str, quote: str | None, occurrence: int = 1) -> tuple[int, int] | None:
    """Span of the ``occurrence``-th ``quote`` in the squashed ``sentence``."""
    if not quote:
        return None
    s, q = squash(sentence), squash(quote)
    at = -1
    for _ in range(max(occurrence, 1)):
        at = s.find(q, at + 1)
        if at < 0:
            return None
    return at, at + len(q)


def fact_span(fact) -> tuple[int, int]:
    """Span of a fact's quote in its squashed sentence."""
    offset = fact.quote_start - fact.start
    before = squash(fact.text[:offset])
    return len(before), len(before) + len(squash(fact.quote))


def same_value(a, b) -> bool:
    if isinstance(a, (list, tuple)) or isinstance(b, (list, tuple)):
        if not (isinstance(a, (list, tuple)) and isinstance(b, (list, tuple))) or len(a) != len(b):
            return False
        return all(same_value(x, y) for x, y in zip(a, b))
    if a is None or b is None:
        return a is b
    return abs(float(a) - float(b)) < 1e-6


def field_of(fact, name: str):
    value = getattr(fact, name)
    return getattr(value, "value", value)


def right(fact, gold: dict, name: str) -> bool:
    got = field_of(fact, name)
    if name == "value":
        return same_value(got, gold["value"])
    return got == gold[name]


def headline_right(fact, gold: dict) -> bool:
    return all(right(fact, gold, f) for f in ("indicator", "value", "unit", "figure_year"))


def shown(fact) -> bool:
    """Does a command show this fact? (``metrics``: outcomes of a canonical
    indicator; ``goals``/``targets``: targets and plans.)"""
    from erqi_diff.extract.goals import is_goal
    from erqi_diff.extract.metrics import is_metric

    return is_metric(fact) or is_goal(fact)


def has_figure(fact) -> bool:
    """A fact with a number (the fact set annotates numbers; targets stated in
    words or not set are scored by the links only)."""
    return fact.value is not None or fact.modifier.value not in ("qualitative", "absent")


def gold_shown(g: dict) -> bool:
    return (g["indicator"] is not None and g["kind"] in ("actual", "estimate")) or g["kind"] in ("target", "plan")


@dataclass
class Tally:
    shown: int = 0                    # records shown (not at an unsure gold)
    right: dict = field(default_factory=lambda: defaultdict(int))       # field -> shown & right
    gold: int = 0
    found: dict = field(default_factory=lambda: defaultdict(int))       # field -> gold found right
    wrong: list = field(default_factory=list)
    missed: list = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.shown += other.shown
        self.gold += other.gold
        for k, v in other.right.items():
            self.right[k] += v
        for k, v in other.found.items():
            self.found[k] += v
        self.wrong += other.wrong
        self.missed += other.missed


def match(facts: list, golds: list[dict]) -> list[tuple[object, dict | None]]:
    """Pair each fact with the gold record at the same place of the same sentence (or None)."""
    by_sentence: dict[str, list[tuple[dict, tuple[int, int]]]] = defaultdict(list)
    for g in golds:
        span = place(g["sentence"], g["quote"], g.get("occurrence", 1))
        if span is not None:
            by_sentence[squash(g["sentence"])].append((g, span))
    used: set[int] = set()
    out = []
    for fact in facts:
        a, b = fact_span(fact)
        best, best_overlap = None, 0
        for g, (c, d) in by_sentence.get(squash(fact.text), ()):
            overlap = min(b, d) - max(a, c)
            if overlap > best_overlap and id(g) not in used:
                best, best_overlap = g, overlap
        if best is not None:
            used.add(id(best))
        out.append((fact, best))
    return out


def score_report(facts: list, golds: list[dict], scope: set[str] | None, which) -> Tally:
    """Score the facts ``which`` selects (shown or all) of one report against its gold."""
    t = Tally()
    in_scope = [f for f in facts if (scope is None or squash(paragraph_of(f)) in scope) and has_figure(f)]
    pairs = match(in_scope, golds)
    for fact, g in pairs:
        if not which(fact) or (g is not None and g["unsure"]):
            continue
        t.shown += 1
        for name in FIELDS:
            t.right[name] += g is not None and right(fact, g, name)
        t.right["headline"] += g is not None and headline_right(fact, g)
        if g is None or not headline_right(fact, g):
            t.wrong.append((fact, g))
    found = {id(g): fact for fact, g in pairs if g is not None and which(fact)}
    for g in golds:
        if g["unsure"] or (which is shown and not gold_shown(g)):
            continue
        t.gold += 1
        fact = found.get(id(g))
        for name in FIELDS:
            t.found[name] += fact is not None and right(fact, g, name)
        t.found["headline"] += fact is not None and headline_right(fact, g)
        if fact is None or not headline_right(fact, g):
            t.missed.append((fact, g))
    return t


_PARAGRAPHS: dict[int, str] = {}


def paragraph_of(fact) -> str:
    """The body line a fact stands in (a heading without its # marks)."""
    return fact.__dict__.get("_paragraph") or _PARAGRAPHS.get(id(fact), fact.text)


def attach_paragraphs(snap, facts: list) -> None:
    lines, pos = [], 0
    for line in snap.body.splitlines(keepends=True):
        lines.append((pos, pos + len(line), line.strip().lstrip("#").strip()))
        pos += len(line)
    for f in facts:
        for a, b, text in lines:
            if a <= f.start < b:
                _PARAGRAPHS[id(f)] = text
                break


def series_root(series: str, work: Path) -> Path:
    if series == "seeds":
        return series_project("seeds", work)
    dest = work / series
    if not (dest / "snapshots").is_dir():
        series_project(series, dest)
    return dest


def pct(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.1%}" if b else f"{a}/0"


def run_series(series: str, work: Path):
    """(shown tally, all-facts tally, link score) of one series."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many
    from erqi_diff.extract.facts import read_facts

    project = load_project(series_root(series, work))
    snaps = load_many(project)
    gold = load_gold(series)
    shown_t, all_t = Tally(), Tally()
    facts_by_year = {}
    for snap in snaps:
        facts = read_facts(snap)
        attach_paragraphs(snap, facts)
        facts_by_year[snap.year] = facts
        if snap.year not in gold:
            continue
        scope = load_scope(series, snap.year)
        shown_t.add(score_report(facts, gold[snap.year], scope, shown))
        all_t.add(score_report(facts, gold[snap.year], scope, lambda f: True))
    links = score_links(series, snaps) if LINKS else LinkScore()
    return shown_t, all_t, links


@dataclass
class LinkScore:
    made: int = 0            # links the tool makes for annotated targets
    right: int = 0           # of those, the gold outcome
    gold: int = 0            # gold links with an outcome figure
    found: int = 0           # of those, found by the tool
    no_figure: int = 0       # gold outcomes stated without a figure
    open_gold: int = 0       # gold targets with no outcome
    open_right: int = 0      # of those, left open by the tool
    targets_missing: int = 0  # gold targets the tool does not read as goals
    verdicts: int = 0        # pairs linked right
    verdicts_right: int = 0  # of those, verdict and margin right
    problems: list = field(default_factory=list)


def score_links(series: str, snaps) -> LinkScore:
    from erqi_diff.extract.links import link_goals

    s = LinkScore()
    goals = link_goals(snaps)
    for rec in load_links(series):
        t, o = rec["target"], rec["outcome"]
        span = place(t["sentence"], t["quote"])
        goal = None
        for g in goals:
            if g.fact.year == t["year"] and squash(g.fact.text) == squash(t["sentence"]) and span:
                a, b = fact_span(g.fact)
                if min(b, span[1]) > max(a, span[0]):
                    goal = g
                    break
        if o is not None and o.get("quote") is None:
            s.no_figure += 1
            continue
        if o is not None:
            s.gold += 1
        else:
            s.open_gold += 1
        if goal is None:
            s.targets_missing += 1
            s.problems.append(("target not read as a goal", rec, None))
            continue
        got = goal.outcome
        if got is not None:
            s.made += 1
        if o is None:
            if got is None:
                s.open_right += 1
            else:
                s.problems.append(("linked, gold open", rec, goal))
            continue
        if got is None:
            s.problems.append(("not linked", rec, goal))
            continue
        ospan = place(o["sentence"], o["quote"])
        ok = got.year == o["year"] and squash(got.text) == squash(o["sentence"]) and ospan is not None
        if ok:
            a, b = fact_span(got)
            ok = min(b, ospan[1]) > max(a, ospan[0])
        if not ok:
            s.problems.append(("wrong outcome", rec, goal))
            continue
        s.right += 1
        s.found += 1
        s.verdicts += 1
        margin_ok = (rec["margin"] is None and goal.margin is None) or (
            rec["margin"] is not None and goal.margin is not None and abs(rec["margin"] - goal.margin) < 1e-6)
        if goal.verdict.value == rec["verdict"] and margin_ok:
            s.verdicts_right += 1
        else:
            s.problems.append(("verdict", rec, goal))
    s.made += 0
    return s


def report(series: str, shown_t: Tally, all_t: Tally, links: LinkScore, verbose: bool, only_links: bool = False) -> None:
    print(f"\n## {series}  (IN-SAMPLE: the extractor was developed against this set)\n")
    for label, t in (("shown by metrics/goals/targets", shown_t), ("every fact read", all_t)):
        print(f"{label}: {t.shown} records at gold places or none, {t.gold} gold records")
        print(f"  {'field':<12} {'precision':>22} {'recall':>22}")
        for name in ("headline", *FIELDS):
            print(f"  {name:<12} {pct(t.right[name], t.shown):>22} {pct(t.found[name], t.gold):>22}")
    print(f"links: precision {pct(links.right, links.made)}, recall {pct(links.found, links.gold)}; "
          f"open targets left open {pct(links.open_right, links.open_gold)}; "
          f"verdicts right on pairs linked right {pct(links.verdicts_right, links.verdicts)}; "
          f"gold targets not read as goals {links.targets_missing}; gold outcomes without a figure "
          f"(not scored) {links.no_figure}")
    if verbose and not only_links:
        for fact, g in shown_t.wrong:
            print("  WRONG", _brief(fact), "| gold:", _gold(g))
        for fact, g in shown_t.missed:
            print("  MISSED", _gold(g), "| got:", _brief(fact) if fact else None)
    if verbose or only_links:
        for why, rec, goal in links.problems:
            print("  LINK", why, "|", rec["target"]["year"], rec["what"], rec["target"]["quote"], "->",
                  (rec["outcome"] or {}).get("quote"), rec["verdict"], rec["margin"], "| got:",
                  goal and goal.outcome and (goal.outcome.year, goal.outcome.quote), goal and goal.verdict.value,
                  goal and goal.margin, goal and goal.reason)


def _brief(f) -> str:
    return (f"{f.year} {f.indicator} {f.quote} v={f.value} {f.unit} fy={f.figure_year} {f.period and f.period.value} "
            f"{f.kind.value} {f.measure.value} {f.modifier.value} «{f.text[:50]}»")


def _gold(g) -> str:
    if g is None:
        return "none"
    return (f"{g['indicator']} {g['quote']} v={g['value']} {g['unit']} fy={g['figure_year']} {g['period']} "
            f"{g['kind']} {g['measure']} {g['modifier']} «{g['sentence'][:50]}»")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--series", default=",".join(SERIES))
    parser.add_argument("--work", type=Path, help="where to lay out the national series (kept for reuse)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the records and links wrong or missed")
    parser.add_argument("--links", action="store_true", help="list the links missed or wrong (and why)")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp())
    print("Facts, links and verdicts against benchmarks/devsets/facts/. IN-SAMPLE figures: the extractor was "
          "developed against this set; they flatter it.")
    total_s, total_a, total_l = Tally(), Tally(), LinkScore()
    for series in args.series.split(","):
        s, a, links = run_series(series, work)
        report(series, s, a, links, args.verbose, args.links)
        total_s.add(s)
        total_a.add(a)
        for name in ("made", "right", "gold", "found", "no_figure", "open_gold", "open_right", "targets_missing",
                     "verdicts", "verdicts_right"):
            setattr(total_l, name, getattr(total_l, name) + getattr(links, name))
    report("all series", total_s, total_a, total_l, False)


if __name__ == "__main__":
    main()

"""Score ``erqi-diff sections`` (the lineage of a series) against the
hand-made topic chains of benchmarks/devsets/lineage/ (see its README for
how they were made).

For each annotated series it runs the lineage over the annotated years and
prints:

- **same topic**: every two sections of different years that the tool puts
  in one chain, against those a reader put in one chain (precision and
  recall of these pairs of sections); ``with events`` counts a chain and the
  chains it split from or merged into as one topic;
- **steps**: each step of a tool chain (a section and the next one of its
  chain) that the reader's chains hold too (precision);
- **chains wholly right**: the tool chains of two or more sections whose
  sections all lie in one chain of the reader's (a chain that drifts from
  one topic to another fails it).

A heading is matched by its text and its occurrence in the report (``nth``).
Sections without text of their own (a part label such as 绘就“十四五”蓝图, an
umbrella over subsections) are left out of the tool's chains, as the
annotators left them out: a chain of labels is not a topic's text.

    python benchmarks/score_lineage.py [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEVSETS, series_project

LINEAGE = DEVSETS / "lineage"
#: What tests/test_lineage.py holds the lineage to: the figures reached, rounded down
#: (series -> same-topic precision and recall, as pairs of sections in one chain).
FLOORS = {"gwr": (1.0, 0.88), "seeds": (0.87, 0.16)}

Node = tuple[int, str, int]  # year, heading, occurrence (1 for the first)


@dataclass
class SeriesScore:
    name: str
    same: tuple[int, int, int] = (0, 0, 0)         # hit, made, gold
    same_events: tuple[int, int, int] = (0, 0, 0)
    steps: tuple[int, int] = (0, 0)                  # right, made
    chains: tuple[int, int] = (0, 0)                 # wholly right, made (two sections or more)
    wrong_steps: list[str] = field(default_factory=list)
    drifting: list[str] = field(default_factory=list)


def _pairs(groups: list[list[Node]]) -> set[frozenset[Node]]:
    """Every two sections of different years within one group."""
    return {frozenset((x, y)) for group in groups for x, y in combinations(group, 2) if x[0] != y[0]}


def gold_chains(spec: dict) -> list[list[Node]]:
    return [[(s["year"], s["heading"], s.get("nth", 1)) for s in chain["sections"]] for chain in spec["chains"]]


def tool_chains(spec: dict, root: Path) -> tuple[list[list[Node]], list[list[Node]]]:
    """The tool's chains over the spec's years, and the same with the chains
    joined by their events (split from, merged into...)."""
    from erqi_diff.compare.lineage import lineage
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    project = load_project(root)
    snaps = [load(project, year) for year in spec["years"]]
    nth: dict[tuple[int, int], Node] = {}
    for snap in snaps:
        seen: dict[str, int] = {}
        for k, section in enumerate(snap.sections):
            seen[section.heading] = seen.get(section.heading, 0) + 1
            nth[snap.year, k] = (snap.year, section.heading, seen[section.heading])
    result = lineage(snaps)
    chains = {c.ident: [nth[n.year, n.index] for n in c.nodes if n.chars] for c in result.chains}
    parent = {ident: ident for ident in chains}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for chain in result.chains:
        for event in chain.events:
            parent[find(event.chain)] = find(chain.ident)
    joined: dict[int, list[Node]] = {}
    for ident, nodes in chains.items():
        joined.setdefault(find(ident), []).extend(nodes)
    return list(chains.values()), list(joined.values())


def _label(node: Node) -> str:
    return f"{node[0]} {node[1] or '(lead)'}" + (f" #{node[2]}" if node[2] > 1 else "")


def score(spec: dict, root: Path) -> SeriesScore:
    gold = gold_chains(spec)
    chains, joined = tool_chains(spec, root)
    gold_pairs = _pairs(gold)
    out = SeriesScore(spec["series"])
    for attr, groups in (("same", chains), ("same_events", joined)):
        made = _pairs(groups)
        setattr(out, attr, (len(made & gold_pairs), len(made), len(gold_pairs)))
    topic_of = {node: k for k, chain in enumerate(gold) for node in chain}
    right = made_steps = whole = long_chains = 0
    for chain in chains:
        for x, y in zip(chain, chain[1:]):
            made_steps += 1
            if x in topic_of and topic_of.get(y) == topic_of[x]:
                right += 1
            else:
                out.wrong_steps.append(f"{_label(x)} → {_label(y)}")
        if len(chain) > 1:
            long_chains += 1
            topics = {topic_of.get(node) for node in chain}
            if len(topics) == 1 and None not in topics:
                whole += 1
            else:
                out.drifting.append(" → ".join(_label(node) for node in chain))
    out.steps, out.chains = (right, made_steps), (whole, long_chains)
    return out


def _ratio(hit: int, total: int) -> str:
    return f"{hit}/{total} = {hit / total:.1%}" if total else f"{hit}/0"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list the wrong steps and the drifting chains")
    args = parser.parse_args()
    print("Lineage (erqi-diff sections) against benchmarks/devsets/lineage/ (see its README: whether a series")
    print("is still held out or in-sample now).\n")
    specs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(LINEAGE.glob("*.json"))]
    with tempfile.TemporaryDirectory() as tmp:
        roots = {name: series_project(name, Path(tmp) / name) for name in {s["series"] for s in specs}}
        scores = [score(spec, roots[spec["series"]]) for spec in specs]
    for s in scores:
        hit, made, gold = s.same
        ehit, emade, egold = s.same_events
        print(f"{s.name}: same topic precision {_ratio(hit, made)}, recall {_ratio(hit, gold)}; "
              f"with events precision {_ratio(ehit, emade)}, recall {_ratio(ehit, egold)}")
        print(f"  steps right {_ratio(*s.steps)}; chains wholly right {_ratio(*s.chains)}")
        if args.verbose:
            for line in s.wrong_steps:
                print(f"     wrong step: {line}")
            for line in s.drifting:
                print(f"     not one topic: {line}")


if __name__ == "__main__":
    main()

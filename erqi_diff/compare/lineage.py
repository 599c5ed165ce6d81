"""Lineage: each topic's sections across all the years of a series.

Each report is paired with the next one (:func:`erqi_diff.compare.sections.pair_sections`,
the very pairs ``erqi-diff A B`` and the changelog show for two consecutive
years). A *chain* follows one topic from report to report, one section per
report, as ``git log --follow`` follows a file through renames: it goes on
from a section to the newer section that is its best partner (the highest
score; the same text or heading first) when that section's best partner is
it in turn. Where a section split (its topic went on in several newer
sections), the chain goes on in the best of them and the others begin
chains of their own, *split from* it; where several merged into one, the
chain of the best goes on and the others end, *merged into* it. A chain
is a claim over many years, so it goes on only through a step that is
sure (:func:`_sure_steps`): paired by text, heading or outline, or by topic from
:data:`CHAIN_FLOOR` up and clearly ahead of the other parts of its split or
merge; a weaker pair ends one chain and begins another, each saying it was
*loosely paired with* the other (the diff still shows the pair, with its
score). A chain *began* in its first report and *ended* in its last; one
whose last section is in the series' last report goes on. A section
without a partner whose topic goes on in the text of its parent's partner,
or in a passage of another paired section (:mod:`erqi_diff.compare.fold`), ends its chain *folded into* that
section's chain, or begins one *drawn out of* it: the chain of the
section that holds the topic carries no event for it. A heading without
a partner, with no text of its own (or a line), over sections that are
paired (*regrouped*: :mod:`erqi_diff.compare.fold`) is no topic of one
report only: its chain is listed apart (:meth:`Lineage.regrouped_chains`).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from erqi_diff.compare.fold import FoldKind
from erqi_diff.compare.outline import Role
from erqi_diff.compare.sections import Basis, Relation, pair_sections, present_year


#: A chain goes on through a pair made by topic from this score on: a chain is a claim over
#: many years, its steps want more than a pair shown once (sections.FLOOR).
CHAIN_FLOOR = 0.25
#: ... and when that pair scores more than this share above the other parts of its split or merge.
CLEAR_LEAD = 0.9


@dataclass(frozen=True)
class Node:
    """One section of one year's report. JSON:
    ``{"year": 2014, "index": 5, "heading": "（三）…", "level": 3, "role": "plan", "chars": 1182}``:
    its place among that report's sections (from 0), heading ("" for the
    text before the first heading), level, role (``review``, ``plan``,
    ``other``) and characters of text."""

    year: int
    index: int
    heading: str
    level: int
    role: Role
    chars: int


@dataclass(frozen=True)
class Step:
    """A section of one report paired with one of the next report. JSON:
    ``{"from_year": 2013, "from_index": 4, "to_year": 2014, "to_index": 6, "score": 0.39,
    "relation": "split", "basis": "topic"}``: ``relation`` is ``one``,
    ``split`` (the older section went on in several) or ``merge`` (several
    went into the newer); ``basis`` why they were paired (``text``,
    ``heading``, ``topic``, ``outline``); ``score`` the topical similarity."""

    from_year: int
    from_index: int
    to_year: int
    to_index: int
    score: float
    relation: Relation
    basis: Basis


class EventKind(str, enum.Enum):
    """How a chain meets another."""

    SPLIT_FROM = "split from"    # the chain began as a part of the other's section
    SPLIT_OFF = "split off"      # a part of the chain's section began the other chain
    MERGED_INTO = "merged into"  # the chain ended in the other's section
    MERGED_FROM = "merged from"  # the other chain ended in this one's section
    LOOSELY_TO = "loosely paired with"      # the chain's section is paired, weakly, with the other's next one
    LOOSELY_FROM = "loosely paired from"    # the chain began in a section paired, weakly, with the other's
    FOLDED_INTO = "folded into"  # the chain ended; its topic goes on in the text of the other's next section
    DRAWN_FROM = "drawn out of"  # the chain began from a topic told in the text of the other's section


@dataclass(frozen=True)
class Event:
    """Where a chain meets another, in the report of ``year``. JSON:
    ``{"kind": "split from", "year": 2014, "chain": 2, "heading": "（一）…"}``:
    ``chain`` the other chain's id; ``heading`` the other chain's section
    the topic came from (split from, merged from, loosely paired from, drawn
    out of: in the older report) or went into (split off, merged into,
    loosely paired with, folded into: in the newer report). ``year`` is the
    newer report's."""

    kind: EventKind
    year: int
    chain: int
    heading: str


@dataclass(frozen=True)
class Chain:
    """One topic across the years. JSON: ``{"id": 3, "title": "…", "began":
    2013, "ended": 2025, "goes_on": true, "nodes": [Node, ...], "events":
    [Event, ...]}``: ``nodes`` one section per report, oldest first;
    ``title`` the heading of the newest."""

    ident: int = field(metadata={"json": "id"})
    nodes: tuple[Node, ...]
    began: int
    ended: int
    goes_on: bool
    events: tuple[Event, ...]

    __json_extra__ = ("title",)

    @property
    def title(self) -> str:
        return self.nodes[-1].heading if self.nodes else ""


@dataclass(frozen=True)
class Lineage:
    """The chains of a series. JSON: ``{"years": [2016, ...], "chains":
    [Chain, ...], "steps": [Step, ...], "regrouped": [Node, ...],
    "followups": [Step, ...]}``: chains in the order of their first section
    (first year, then place); ``steps`` every pair of sections of
    consecutive reports; ``regrouped`` the headings without a partner in
    the report before or after, with no text of their own (or a line), over
    sections paired with that report's (:mod:`erqi_diff.compare.fold`);
    ``followups`` a year's plan beside the next report's review of that year
    (basis ``followup``, :mod:`erqi_diff.compare.followup`): no step of a
    chain (a chain holds one role), but the plan's outcome is told there."""

    years: tuple[int, ...]
    chains: tuple[Chain, ...]
    steps: tuple[Step, ...]
    regrouped: tuple[Node, ...] = ()
    followups: tuple[Step, ...] = ()

    def alone(self) -> list[Chain]:
        """The chains of one section meeting no other chain: topics of one
        report only (the regrouped headings and the sections of a follow-up aside)."""
        over = {(n.year, n.index) for n in self.regrouped} | self._followed()
        return [c for c in self.chains if len(c.nodes) == 1 and not c.events
                and (c.nodes[0].year, c.nodes[0].index) not in over]

    def followed_chains(self) -> list[Chain]:
        """The chains of one section meeting no other chain whose section is
        in a follow-up (a year's plan, or the next report's review of it)."""
        followed = self._followed()
        return [c for c in self.chains if len(c.nodes) == 1 and not c.events
                and (c.nodes[0].year, c.nodes[0].index) in followed]

    def _followed(self) -> set[tuple[int, int]]:
        return {key for f in self.followups for key in ((f.from_year, f.from_index), (f.to_year, f.to_index))}

    def heading(self, year: int, index: int) -> str:
        """The heading of section ``index`` of the report of ``year``."""
        return self._headings[year, index]

    @cached_property
    def _headings(self) -> dict[tuple[int, int], str]:
        return {(n.year, n.index): n.heading for c in self.chains for n in c.nodes}

    def regrouped_chains(self) -> list[Chain]:
        """The chains of one section meeting no other chain that is a heading
        over sections paired with the report before or after (regrouped)."""
        over = {(n.year, n.index) for n in self.regrouped}
        return [c for c in self.chains if len(c.nodes) == 1 and not c.events
                and (c.nodes[0].year, c.nodes[0].index) in over]


def lineage(snapshots: Sequence) -> Lineage:
    """The lineage of ``snapshots`` (:class:`erqi_diff.core.snapshot.Snapshot`,
    oldest first), each paired with the next."""
    nodes: dict[tuple[int, int], Node] = {}
    steps: list[Step] = []
    folds: list[tuple[EventKind, tuple[int, int], tuple[int, int]]] = []  # kind, the section, its host
    regrouped: list[tuple[int, int]] = []
    followups: list[Step] = []
    for older, newer in zip(snapshots, snapshots[1:]):
        pairing = pair_sections(older.sections, newer.sections, present_year(older), present_year(newer))
        for snap, roles in ((older, pairing.roles_a), (newer, pairing.roles_b)):
            for k, (s, role) in enumerate(zip(snap.sections, roles)):
                nodes[snap.year, k] = Node(snap.year, k, s.heading, s.level, role, len(s.text) - s.text.count("\n"))
        # a chain holds one role: a year's plan beside the next report's review of it (a follow-up) is no step
        for link in pairing.links:
            step = Step(older.year, link.a, newer.year, link.b, link.score, link.relation, link.basis)
            (followups if link.basis is Basis.FOLLOWUP else steps).append(step)
        for fold in pairing.folds:
            if fold.kind is FoldKind.UNWRAPPED or fold.kind is FoldKind.WRAPPED:
                regrouped.append((older.year if fold.kind is FoldKind.UNWRAPPED else newer.year, fold.section))
            elif fold.kind is FoldKind.FOLDED and fold.host is not None:
                folds.append((EventKind.FOLDED_INTO, (older.year, fold.section), (newer.year, fold.host)))
            elif fold.host is not None:
                folds.append((EventKind.DRAWN_FROM, (newer.year, fold.section), (older.year, fold.host)))
    if len(snapshots) == 1:
        snap = snapshots[0]
        for k, s in enumerate(snap.sections):
            nodes[snap.year, k] = Node(snap.year, k, s.heading, s.level, Role.OTHER, len(s.text) - s.text.count("\n"))
    years = tuple(s.year for s in snapshots)
    return Lineage(years, tuple(_chains(nodes, steps, years[-1] if years else 0, folds)), tuple(steps),
                   tuple(nodes[key] for key in dict.fromkeys(regrouped)), tuple(followups))


def _strength(step: Step) -> tuple[int, float]:
    return (step.basis in (Basis.TEXT, Basis.HEADING), step.score)


def _sure_steps(steps: list[Step]) -> set[int]:
    """The steps (by place in ``steps``) a chain may go on through: one
    paired by text, heading or outline, or by topic from :data:`CHAIN_FLOOR`
    up and clearly ahead of the other partners of both its sections (a split
    or merge whose best part scores within :data:`CLEAR_LEAD` of the next is
    not told)."""
    by_node: dict[tuple[str, int, int], list[int]] = {}
    for k, step in enumerate(steps):
        if step.basis is Basis.TOPIC:
            by_node.setdefault(("from", step.from_year, step.from_index), []).append(k)
            by_node.setdefault(("to", step.to_year, step.to_index), []).append(k)
    sure: set[int] = set()
    for k, step in enumerate(steps):
        if step.basis is not Basis.TOPIC:
            sure.add(k)
            continue
        rivals = [steps[r].score for node in (("from", step.from_year, step.from_index), ("to", step.to_year, step.to_index))
                  for r in by_node[node] if r != k]
        if step.score >= CHAIN_FLOOR and (not rivals or max(rivals) < CLEAR_LEAD * step.score):
            sure.add(k)
    return sure


def _chains(nodes: dict[tuple[int, int], Node], steps: list[Step], last: int,
            folds: Sequence[tuple[EventKind, tuple[int, int], tuple[int, int]]] = ()) -> list[Chain]:
    best_out: dict[tuple[int, int], Step] = {}
    best_in: dict[tuple[int, int], Step] = {}
    for step in steps:
        old, new = (step.from_year, step.from_index), (step.to_year, step.to_index)
        if old not in best_out or _strength(step) > _strength(best_out[old]):
            best_out[old] = step
        if new not in best_in or _strength(step) > _strength(best_in[new]):
            best_in[new] = step
    sure = _sure_steps(steps)
    follows = {(s.from_year, s.from_index): (s.to_year, s.to_index) for k, s in enumerate(steps)
               if best_out[s.from_year, s.from_index] is s and best_in[s.to_year, s.to_index] is s and k in sure}
    starts = sorted(set(nodes) - set(follows.values()))
    chain_of: dict[tuple[int, int], int] = {}
    members: list[list[tuple[int, int]]] = []
    for start in starts:
        path = [start]
        while path[-1] in follows:
            path.append(follows[path[-1]])
        for key in path:
            chain_of[key] = len(members) + 1
        members.append(path)
    events: dict[int, list[Event]] = {k: [] for k in range(1, len(members) + 1)}
    for step in steps:
        old, new = (step.from_year, step.from_index), (step.to_year, step.to_index)
        x, y = chain_of[old], chain_of[new]
        if x == y:
            continue
        if step.relation is Relation.MERGE:
            events[x].append(Event(EventKind.MERGED_INTO, step.to_year, y, nodes[new].heading))
            events[y].append(Event(EventKind.MERGED_FROM, step.to_year, x, nodes[old].heading))
        elif step.relation is Relation.ONE:  # a pair too weak for a chain to go on through (_sure_steps)
            events[x].append(Event(EventKind.LOOSELY_TO, step.to_year, y, nodes[new].heading))
            events[y].append(Event(EventKind.LOOSELY_FROM, step.to_year, x, nodes[old].heading))
        else:
            events[y].append(Event(EventKind.SPLIT_FROM, step.to_year, x, nodes[old].heading))
            events[x].append(Event(EventKind.SPLIT_OFF, step.to_year, y, nodes[new].heading))
    for kind, section, host in folds:
        events[chain_of[section]].append(Event(kind, max(section[0], host[0]), chain_of[host], nodes[host].heading))
    return [Chain(k, tuple(nodes[key] for key in path), path[0][0], path[-1][0], path[-1][0] == last,
                  tuple(sorted(events[k], key=lambda e: (e.year, e.kind.value, e.chain))))
            for k, path in enumerate(members, start=1)]

"""What changed between two reports: the result behind ``erqi-diff A B``.

:func:`compare` pairs the sections of two snapshots as a reader would
(:mod:`erqi_diff.compare.sections`: by role, outline and topic, with splits
and merges), lays the pairs out in reading order
(:mod:`erqi_diff.compare.layout`), pairs the paragraphs inside each unit
(:func:`erqi_diff.compare.align.align_paragraphs`, with moves) and diffs
each pair of paragraphs (:func:`erqi_diff.compare.textdiff.diff_text`).

A merge is read as one text: the older sections' paragraphs in their
order against the newer section's. In a split, each newer section is read
against the older section's paragraphs that went into it (each older
paragraph goes with the newer section holding its counterpart; one with no
counterpart with the newer section whose wording it shares most), so every
paragraph of both reports is shown exactly once.

Every :class:`SectionDiff` carries ``ops``: joining the ``=`` and ``-``
texts gives the older text of the unit exactly (the paragraphs listed in
``from_sections``, joined by newlines), the ``=`` and ``+`` texts the newer.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

# The pairing modules (align, sections, layout, fold, outline, topics...) are imported where
# they are used: a diff read back from its stored form (erqi_diff.compare.stored) needs only
# these records and the words of erqi_diff.compare.vocab.
from erqi_diff.compare.textdiff import (  # noqa: F401 (re-exported: the diff's vocabulary)
    DELETE, EQUAL, INSERT, MAX_RUN_PAIRS, MAX_UNIT, Granularity, Op, diff_text, diff_units, merge_ops, new_text,
    old_text, split_sentences, word_tokens)
from erqi_diff.compare.vocab import Basis, Relation, Role
from erqi_diff.core.document import Section
from erqi_diff.core.snapshot import ReportMeta
from erqi_diff.errors import UsageError

if TYPE_CHECKING:
    from erqi_diff.compare.sections import SectionPairing


class Status(str, enum.Enum):
    """What became of a unit's sections."""

    MATCHED = "matched"
    ADDED = "added"
    REMOVED = "removed"
    FOLDED = "folded"  # an older section without a partner whose topic goes on in ``host``'s own text
    DRAWN = "drawn"    # a newer section without a partner whose topic was in ``host``'s own text
    REGROUPED = "regrouped"  # a heading without a partner and (nearly) without text over sections that are paired


class BlockKind(str, enum.Enum):
    """One paragraph, or a pair of paragraphs, within a section's diff."""

    SAME = "same"
    CHANGED = "changed"
    REMOVED = "removed"
    ADDED = "added"
    MOVED_OUT = "moved_out"  # the older place of a moved paragraph
    MOVED_IN = "moved_in"    # its newer place; ``inner`` diffs old against new


@dataclass(frozen=True)
class Block:
    """A paragraph (or a pair) of a section's diff, in reading order. ``ops``
    include the newline that follows the paragraph in the unit's text;
    ``from_paragraph``/``to_paragraph`` count paragraphs within the unit's
    older and newer text. Not in the JSON (a section shows ``ops`` and ``moves``)."""

    kind: BlockKind
    ops: tuple[Op, ...]
    from_paragraph: int | None = None
    to_paragraph: int | None = None
    similarity: float | None = None
    inner: tuple[Op, ...] = ()  # MOVED_IN: old paragraph -> new paragraph


@dataclass(frozen=True)
class Move:
    """A paragraph that moved within a unit. JSON:
    ``{"from_paragraph": 0, "to_paragraph": 2, "similarity": 0.87, "ops": [["=", "…"], ["+", "…"]]}``:
    the paragraph's place in the older and the newer text (counted from 0),
    the likeness of its two versions, and their diff."""

    from_paragraph: int
    to_paragraph: int
    similarity: float | None
    ops: tuple[Op, ...]


@dataclass(frozen=True)
class SectionPart:
    """One section of a report as it takes part in a :class:`SectionDiff`. JSON:
    ``{"index": 3, "heading": "（三）…", "level": 3, "role": "plan", "paragraphs": [0, 1, 2]}``:
    its place among the report's sections (from 0), heading ("" for the
    text before the first heading), level (0 for that text), role
    (``review``, ``plan`` or ``other``: :class:`erqi_diff.compare.outline.Role`)
    and which of its paragraphs are in this unit (all of them, except in
    one part of a split)."""

    index: int
    heading: str
    level: int
    role: Role
    paragraphs: tuple[int, ...]


@dataclass(frozen=True)
class SectionDiff:
    """One unit of the diff: sections of the older report read against
    sections of the newer. JSON::

        {"status": "matched",        // "matched" | "added" | "removed" | "folded" | "drawn" | "regrouped"
                                     //   (folded: an older section with no partner whose topic goes on in
                                     //   the text of its parent's newer partner, ``host``; drawn: a newer
                                     //   one whose topic was in the text of its parent's older partner;
                                     //   regrouped: a heading, older or newer, with no partner and no text
                                     //   of its own or a line, over sections of which those in ``held``
                                     //   are paired: erqi_diff.compare.fold)
         "relation": "one",          // "one" | "split" (one older section goes on in several newer ones:
                                     //   this is one of them) | "merge" (several older sections in one newer)
         "from_sections": [SectionPart, ...],  // [] when added
         "to_sections": [SectionPart, ...],    // [] when removed
         "similarity": 0.31,         // the pairing score (0-1), null when added or removed
         "paired_by": "topic",       // "text" (the same), "heading" (the same or reworded: score 1),
                                     //   "topic" (the score), "outline" (their subsections: score 0),
                                     //   "followup" (a year's plan and the next report's review of that year:
                                     //   erqi_diff.compare.followup; the score); null
         "moved": false,             // paired out of the order of the older report
         "also_to": [SectionPart, ...],  // in a split: the other newer sections the older one went on in
         "from_heading": "生态环境",  // the older headings joined by " + ", null when added
         "to_heading": "…",          // the newer heading, null when removed
         "ops": [["=", "…"], ["-", "…"], ["+", "…"]],
         "moves": [Move, ...],
         "host": SectionPart,        // folded, drawn: the section of the other report holding its topic;
                                     //   regrouped: the one section of the other report that is or holds the
                                     //   partners of all its paired sections, null when they went to several
                                     //   places; else null. The unit's ops are the section's own text, as
                                     //   removed (folded) or added (drawn): the host's text is shown in its
                                     //   own unit.
         "held": [SectionPart, ...], // regrouped: the sections below it that are paired (in their own
                                     //   units); else []
         "below": 3}                 // regrouped: how many sections are below it (paired or not); else 0
    """

    status: Status
    relation: Relation
    from_sections: tuple[SectionPart, ...]
    to_sections: tuple[SectionPart, ...]
    similarity: float | None
    moved: bool
    blocks: tuple[Block, ...] = field(metadata={"json": None})
    also_to: tuple[SectionPart, ...] = ()
    paired_by: Basis | None = None
    host: SectionPart | None = None
    held: tuple[SectionPart, ...] = ()
    below: int = 0

    __json_extra__ = ("from_heading", "to_heading", "ops", "moves")

    @property
    def from_heading(self) -> str | None:
        return " + ".join(p.heading for p in self.from_sections) if self.from_sections else None

    @property
    def to_heading(self) -> str | None:
        return " + ".join(p.heading for p in self.to_sections) if self.to_sections else None

    @property
    def from_index(self) -> int | None:
        return self.from_sections[0].index if self.from_sections else None

    @property
    def to_index(self) -> int | None:
        return self.to_sections[0].index if self.to_sections else None

    @property
    def ops(self) -> list[Op]:
        return merge_ops(op for block in self.blocks for op in block.ops)

    @property
    def changed(self) -> bool:
        return (self.status is not Status.MATCHED or self.relation is not Relation.ONE
                or self.from_heading != self.to_heading
                or any(op != EQUAL for block in self.blocks for op, _ in block.ops))

    @property
    def moves(self) -> list[Move]:
        return [Move(b.from_paragraph if b.from_paragraph is not None else -1,
                     b.to_paragraph if b.to_paragraph is not None else -1, b.similarity, b.inner)
                for b in self.blocks if b.kind is BlockKind.MOVED_IN]


@dataclass(frozen=True)
class Stats:
    """Counts of a diff. JSON: the fields, and ``changed_share``: the share of
    the text of both reports that is not kept (0.0 same, 1.0 nothing in
    common), 1 − 2·kept/(older + newer characters). ``folded``, ``drawn``
    and ``regrouped`` (units of those statuses) are not counted in
    ``removed`` and ``added``."""

    sections_from: int
    sections_to: int
    matched: int          # units read side by side (pairs, merges, parts of splits)
    unchanged: int
    added: int
    removed: int
    folded: int
    drawn: int
    regrouped: int
    moved: int
    splits: int           # older sections that went on in several newer ones
    merges: int           # newer sections that several older ones went into
    paragraphs_moved: int
    chars_from: int
    chars_to: int
    chars_equal: int
    chars_deleted: int
    chars_inserted: int

    __json_extra__ = ("changed_share",)

    @property
    def changed_share(self) -> float:
        total = self.chars_from + self.chars_to
        return round(1 - 2 * self.chars_equal / total, 4) if total else 0.0


def _chars(text: str) -> int:
    return len(text) - text.count("\n")


def make_stats(sections: Sequence[SectionDiff]) -> Stats:
    counts = {EQUAL: 0, DELETE: 0, INSERT: 0}
    for s in sections:
        for block in s.blocks:
            for op, text in block.ops:
                counts[op] += _chars(text)
    matched = [s for s in sections if s.status is Status.MATCHED]
    return Stats(
        sections_from=len({p.index for s in sections for p in s.from_sections}),
        sections_to=len({p.index for s in sections for p in s.to_sections}),
        matched=len(matched),
        unchanged=sum(not s.changed for s in matched),
        added=sum(s.status is Status.ADDED for s in sections),
        removed=sum(s.status is Status.REMOVED for s in sections),
        folded=sum(s.status is Status.FOLDED for s in sections),
        drawn=sum(s.status is Status.DRAWN for s in sections),
        regrouped=sum(s.status is Status.REGROUPED for s in sections),
        moved=sum(s.moved for s in sections),
        splits=len({s.from_sections[0].index for s in matched if s.relation is Relation.SPLIT}),
        merges=sum(s.relation is Relation.MERGE for s in matched),
        paragraphs_moved=sum(len(s.moves) for s in sections),
        chars_from=counts[EQUAL] + counts[DELETE],
        chars_to=counts[EQUAL] + counts[INSERT],
        chars_equal=counts[EQUAL],
        chars_deleted=counts[DELETE],
        chars_inserted=counts[INSERT],
    )


@dataclass(frozen=True)
class DiffResult:
    """Two reports compared: serves ``--json``, the terminal and HTML views,
    the changelog and the API. JSON: ``{"from": meta, "to": meta,
    "granularity": "char", "sections": [SectionDiff, ...], "stats": Stats,
    "strip": {...} | null}`` where meta is the snapshot's header
    (:class:`erqi_diff.core.snapshot.ReportMeta`) and ``strip`` the slogans and metrics
    of :func:`erqi_diff.extract.strip.diff_strip`."""

    from_meta: ReportMeta = field(metadata={"json": "from"})
    to_meta: ReportMeta = field(metadata={"json": "to"})
    granularity: Granularity
    sections: tuple[SectionDiff, ...]
    stats: Stats
    strip: dict | None = field(default=None, compare=False)

    @property
    def identical(self) -> bool:
        return not any(s.changed for s in self.sections)

    def headings(self) -> list[str]:
        out: list[str] = []
        for s in self.sections:
            for part in (*s.from_sections, *s.to_sections):
                if part.heading and part.heading not in out:
                    out.append(part.heading)
        return out

    def select(self, text: str) -> DiffResult:
        """Only the units where an older or newer heading contains ``text``;
        :class:`UsageError` listing the headings when none does."""
        needle = text.strip().casefold()
        kept = tuple(s for s in self.sections
                     if any(needle in p.heading.casefold() for p in (*s.from_sections, *s.to_sections)))
        if not kept:
            listed = "\n  ".join(h for h in self.headings()) or "(none)"
            raise UsageError(f"no section heading contains {text!r}; the headings are:\n  {listed}")
        return replace(self, sections=kept, stats=make_stats(kept))


def _sep_ops(sep_a: str, sep_b: str) -> list[Op]:
    if sep_a and sep_b:
        return [(EQUAL, "\n")]
    return [(DELETE, "\n")] if sep_a else ([(INSERT, "\n")] if sep_b else [])


def diff_paragraphs(a: Sequence[str], b: Sequence[str],
                    granularity: Granularity = Granularity.CHAR) -> tuple[Block, ...]:
    """Blocks of two runs of paragraphs, in reading order."""
    n, m = len(a), len(b)
    if tuple(a) == tuple(b):  # the same text: no pairing to do
        return tuple(Block(BlockKind.SAME, ((EQUAL, p + ("\n" if k < n - 1 else "")),), k, k, 1.0)
                     for k, p in enumerate(a))
    from erqi_diff.compare.align import Kind, align_paragraphs

    blocks = []
    for slot in align_paragraphs(a, b):
        i, j = slot.a, slot.b
        sep_a = "\n" if i is not None and i < n - 1 else ""
        sep_b = "\n" if j is not None and j < m - 1 else ""
        if slot.kind is Kind.PAIRED:
            assert i is not None and j is not None
            if a[i] == b[j] and sep_a == sep_b:  # what merge_ops makes of the paragraph and its newline
                kept = a[i] + sep_a
                blocks.append(Block(BlockKind.SAME, ((EQUAL, kept),) if kept else (), i, j, slot.similarity))
                continue
            same = a[i] == b[j]
            ops = [(EQUAL, a[i])] if same else diff_text(a[i], b[j], granularity)
            blocks.append(Block(BlockKind.SAME if same else BlockKind.CHANGED,
                                tuple(merge_ops(ops + _sep_ops(sep_a, sep_b))), i, j, slot.similarity))
        elif slot.kind is Kind.REMOVED:
            assert i is not None
            blocks.append(Block(BlockKind.REMOVED, ((DELETE, a[i] + sep_a),), i, None))
        elif slot.kind is Kind.ADDED:
            assert j is not None
            blocks.append(Block(BlockKind.ADDED, ((INSERT, b[j] + sep_b),), None, j))
        elif slot.kind is Kind.MOVED_OUT:
            assert i is not None
            blocks.append(Block(BlockKind.MOVED_OUT, ((DELETE, a[i] + sep_a),), i, j, slot.similarity))
        else:
            assert i is not None and j is not None
            blocks.append(Block(BlockKind.MOVED_IN, ((INSERT, b[j] + sep_b),), i, j, slot.similarity,
                                tuple(diff_text(a[i], b[j], granularity))))
    return tuple(blocks)


def split_paragraphs(old: Section, parts: Sequence[Section]) -> list[list[int]]:
    """Which paragraphs of ``old`` go with each of ``parts`` (the newer
    sections it split into): each paragraph goes with the part holding its
    counterpart, or sharing most of its wording
    (:func:`erqi_diff.compare.grouping.paragraph_owners`), else with the
    paragraph before it (the first part when none is before it): a short
    line (a byline such as ——区委书记陈红民) always stays with the paragraph
    before it."""
    from erqi_diff.compare.grouping import paragraph_owners

    part_of = paragraph_owners(old, parts)
    out: list[list[int]] = [[] for _ in parts]
    owners = [k for k in part_of if k is not None]
    last: int = owners[0] if owners else 0
    for i, owned in enumerate(part_of):
        if owned is not None:
            last = owned
        out[last].append(i)
    return out


def diff_sections(a: Sequence[Section], b: Sequence[Section], granularity: Granularity = Granularity.CHAR,
                  present: tuple[int | None, int | None] = (None, None)) -> tuple[SectionDiff, ...]:
    """Pair two reports' sections and diff each unit; ``present``: the
    years the reports were given (see :func:`erqi_diff.compare.sections.pair_sections`)."""
    from erqi_diff.compare.sections import pair_sections
    from erqi_diff.core.runtime import gc_paused

    with gc_paused():
        pairing = pair_sections(a, b, *present)
        return _diff_units(a, b, pairing, granularity)


def _part(section: Section, index: int, role: Role, paragraphs: Sequence[int] | None = None) -> SectionPart:
    chosen = tuple(range(len(section.paragraphs))) if paragraphs is None else tuple(paragraphs)
    return SectionPart(index, section.heading, section.level, role, chosen)


def _diff_units(a: Sequence[Section], b: Sequence[Section], pairing: SectionPairing,
                granularity: Granularity) -> tuple[SectionDiff, ...]:
    from erqi_diff.compare.fold import FoldKind
    from erqi_diff.compare.layout import UnitKind, units

    fold_status = {FoldKind.FOLDED: Status.FOLDED, FoldKind.DRAWN: Status.DRAWN,
                   FoldKind.UNWRAPPED: Status.REGROUPED, FoldKind.WRAPPED: Status.REGROUPED}
    sizes = ([len(s.text) for s in a], [len(s.text) for s in b])
    split_of: dict[int, dict[int, list[int]]] = {}
    for i in {link.a for link in pairing.links if link.relation is Relation.SPLIT}:
        parts = sorted(link.b for link in pairing.links if link.a == i)
        shares = split_paragraphs(a[i], [b[j] for j in parts])
        split_of[i] = dict(zip(parts, shares))
    folds = {(fold.kind, fold.section): fold for fold in pairing.folds}
    out = []
    for unit in units(pairing, len(a), len(b), sizes):
        also: tuple[SectionPart, ...] = ()
        if unit.relation is Relation.SPLIT:
            (i,), (j,) = unit.a, unit.b
            olds = [_part(a[i], i, pairing.roles_a[i], split_of[i][j])]
            also = tuple(_part(b[k], k, pairing.roles_b[k]) for k in split_of[i] if k != j)
        else:
            olds = [_part(a[i], i, pairing.roles_a[i]) for i in unit.a]
        news = [_part(b[j], j, pairing.roles_b[j]) for j in unit.b]
        old_paragraphs = [a[p.index].paragraphs[k] for p in olds for k in p.paragraphs]
        new_paragraphs = [b[p.index].paragraphs[k] for p in news for k in p.paragraphs]
        blocks = diff_paragraphs(old_paragraphs, new_paragraphs, granularity)
        status = {UnitKind.MATCHED: Status.MATCHED, UnitKind.ADDED: Status.ADDED,
                  UnitKind.REMOVED: Status.REMOVED}[unit.kind]
        host: SectionPart | None = None
        held: tuple[SectionPart, ...] = ()
        below = 0
        fold = None
        if unit.kind is UnitKind.REMOVED:
            fold = folds.get((FoldKind.FOLDED, unit.a[0])) or folds.get((FoldKind.UNWRAPPED, unit.a[0]))
            mine, theirs, roles_mine, roles_theirs = a, b, pairing.roles_a, pairing.roles_b
        elif unit.kind is UnitKind.ADDED:
            fold = folds.get((FoldKind.DRAWN, unit.b[0])) or folds.get((FoldKind.WRAPPED, unit.b[0]))
            mine, theirs, roles_mine, roles_theirs = b, a, pairing.roles_b, pairing.roles_a
        if fold is not None:
            status = fold_status[fold.kind]
            if fold.host is not None:
                host = _part(theirs[fold.host], fold.host, roles_theirs[fold.host])
            held = tuple(_part(mine[k], k, roles_mine[k]) for k in fold.held)
            below = fold.below
        out.append(SectionDiff(status, unit.relation, tuple(olds), tuple(news), unit.score, unit.moved, blocks, also,
                               unit.basis, host, held, below))
    return tuple(out)


def compare(a, b, granularity: Granularity | str = Granularity.CHAR, strip: bool = True, project=None) -> DiffResult:
    """Compare two snapshots (:class:`erqi_diff.core.snapshot.Snapshot`), older
    first; with the strip of slogans and metrics unless ``strip`` is False,
    for ``project`` when given (its own lexicon; a slogan back after an
    absence is *returned*: :mod:`erqi_diff.extract.strip`). With ``project``,
    at granularity ``char``, the units are read from the project's stored
    diffs when they hold this pair (:mod:`erqi_diff.compare.stored`: the same units)."""
    granularity = Granularity(granularity)
    sections = None
    if project is not None and granularity is Granularity.CHAR:
        from erqi_diff.compare.stored import read

        sections = read(project, a, b)
    if sections is None:
        from erqi_diff.compare.sections import present_year

        sections = diff_sections(a.sections, b.sections, granularity, (present_year(a), present_year(b)))
    return DiffResult(a.meta(), b.meta(), granularity, sections, make_stats(sections),
                      _strip(a, b, project) if strip else None)


def _strip(a, b, project=None) -> dict | None:
    """The slogans and metrics strip (issue 4), cached by content."""
    from erqi_diff.extract.strip import cached_strip

    return cached_strip(a, b, project)

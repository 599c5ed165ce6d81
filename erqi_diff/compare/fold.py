"""Sections whose topic goes on inside the text of a paired section.

A report may give a topic a subsection where the next one writes it into
the text of a part: the last report of a government's term reviews five
years in ten subsections （一）…（十） under its review part, where the
year's review before and after it runs 一是…六是 over the same topics in
paragraphs of its own. The two review parts are paired; the subsections
have no section to pair with, yet their topics are not dropped (nor new
when read the other way): they are *folded into* the newer review part,
or *drawn out of* the older one.

A section without a partner (:class:`erqi_diff.compare.sections.SectionPairing`)
is read so when all of these hold:

1. it has text of its own and no subsections, and its parent in the
   outline (:mod:`erqi_diff.compare.outline`) is paired and is not the
   report's title (a heading over nearly all of it, paired with the other
   title, says nothing of where a topic went), nor the opening, nor a box
   beside a news story;
2. no partner of that parent holds subsections of a role compatible with
   the section's (the other report does list such topics as sections: a
   task with no task to pair with is added or removed);
3. the partner it goes with (the one of the parent's partners it is most
   like) has text of its own, and the section's content is like that
   text: the topical similarity the pairing uses
   (:func:`erqi_diff.compare.topics.cosine` of the
   :func:`~erqi_diff.compare.topics.section_terms` vectors, weighted over the
   sections of both reports) is at least :data:`FOLD_FLOOR`;
4. and that partner is, by the same similarity, the section of the other
   report it is most like among those of a compatible role with text, by
   :data:`FOLD_LEAD` times the next (the topic is told there and nowhere
   else as well).

A report may also tell a topic with no heading at all: after an address
(各位代表！) that follows some text, a section runs on into topics its
heading does not announce (the national reports of 2014 and 2022 end their
last task so with the government's own conduct, nationalities, defence,
Hong Kong and Taiwan, foreign policy), where the report before or after
gives one of them a part of its own (六、切实加强政府自身建设). Such a
*passage* (:func:`erqi_diff.compare.topics.passages`) is left out of its
section's topic, so the pairing cannot see it. A section without a partner
is also folded into (drawn out of) section X of the other report, X not
the partner of its parent, when all of these hold:

1. it has text of its own and no subsections, and is not the report's
   opening nor a box beside a news story;
2. X is paired (its own headed topic goes on) and of a role compatible
   with the section's;
3. of all the topics of the other report's sections of a compatible role
   with text, each section's own topic and each of its passages, the one
   the section is most like, by the same topical similarity, is a passage
   of X, at least :data:`FOLD_FLOOR`, and :data:`PASSAGE_LEAD` times the
   best of any other section (a topic without a heading to name it must
   stand out more clearly than one a heading names).

Neither rule is tried where the two reports hold :data:`FOLD_TEXT_LIMIT`
characters of text or more together.

A heading may also hold no text of its own, or a line, and only hold
sections (上半年成绩不错 over the review's subsections, 三、2014年重点工作
over nine tasks), where the other report puts those sections under another
heading, or under none (its tasks as parts of their own). Such a heading
without a partner is *regrouped* (:attr:`FoldKind.UNWRAPPED` in the older
report, :attr:`FoldKind.WRAPPED` in the newer) when all of these hold:

1. it holds sections, and has no text of its own or one paragraph of at
   most :data:`LINE_CHARS` characters; it is not a box beside a news story;
2. one section or more below it is paired (:func:`find_regrouped` does
   not say whether all are: the sections below it are added, removed,
   folded or paired in their own right).

Its ``host`` is then the lowest section of the other report that is, or
holds, the partners of every paired section below it, the report's title
aside (the review under 上半年成绩不错 went on under “进、干、暖、严”);
None when there is none (the sections went to several parts). Such a heading is not
paired with its host: the host shows only where the sections went, a
claim the pairing of those sections makes already.

Anything else stays added or removed: a claim that a topic goes on where
it does not costs a reader more than a topic shown as dropped.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from erqi_diff.compare.outline import Outline
from erqi_diff.compare.topics import Vector, Weights, cosine, passages, section_terms
from erqi_diff.core.document import Section

#: The least topical similarity between a section and the text of the section it is folded into
#: (or drawn out of). A subtopic against a whole year's review scores low: on the national reports
#: the true ones score 0.09-0.25, a section against an unrelated part 0.01-0.07.
FOLD_FLOOR = 0.08
#: ... and the partner must be the section's best counterpart by this factor over the next best.
FOLD_LEAD = 1.5
#: A section is folded into (drawn out of) a passage of a section other than its parent's partner only
#: when the passage leads every other section by this factor: on the three series the true ones lead by
#: 3.8-5.5, a passage that touches the topic among others (a long closing on the five-year plan) by 1.5-2.0.
PASSAGE_LEAD = 2.5
#: A heading over sections with one paragraph of text of its own up to this many characters (a line that
#: opens its tasks: 做好今年政府工作，要以深化改革为强大动力…, 58 characters) may be regrouped; more
#: text is a part of its own, added or removed.
LINE_CHARS = 120
#: Folds are not looked for in reports holding this many characters of text together (a national
#: report holds about 20,000): both rules weigh the words of every section (and passage) of both,
#: seconds on a pair of 1,000,000-character documents, which are no reports of this kind; there a
#: section without a partner is shown added or removed.
FOLD_TEXT_LIMIT = 200_000


class FoldKind(str, enum.Enum):
    """Where the topic of a section without a partner went."""

    FOLDED = "folded"  # an older section's topic goes on in the text of the newer partner of its parent
    DRAWN = "drawn"    # a newer section's topic was in the text of the older partner of its parent
    UNWRAPPED = "unwrapped"  # an older heading without (much) text whose sections go on without it
    WRAPPED = "wrapped"      # a newer heading without (much) text over sections that were there before it


@dataclass(frozen=True)
class Fold:
    """Section ``section`` of one report (the older for ``folded`` and
    ``unwrapped``, the newer for ``drawn`` and ``wrapped``) has no partner.
    Folded, drawn: its topic is in the own text of section ``host`` of the
    other report, the partner of its parent or a paired section holding it
    in a passage after an address (see the module doc); ``score`` their
    topical similarity (0-1). Unwrapped, wrapped: it is a heading over
    sections, ``below`` of them (headings without text over sections
    aside, unless paired), of which those in ``held`` are paired;
    ``host`` the one section of the other report holding all their
    partners, or None; ``score`` the share of the sections below it that
    are paired."""

    kind: FoldKind
    section: int
    host: int | None
    score: float
    held: tuple[int, ...] = ()
    below: int = 0


def find_folds(a: Sequence[Section], b: Sequence[Section], oa: Outline, ob: Outline,
               partners_a: dict[int, list[int]], partners_b: dict[int, list[int]],
               known: tuple[Mapping[int, Counter], Mapping[int, Counter]] = ({}, {})) -> tuple[Fold, ...]:
    """The folds of two paired reports (see the module doc): ``partners_a``
    maps each paired older section to its newer partners, ``partners_b`` the
    reverse; ``known``: the terms (:func:`~erqi_diff.compare.topics.section_terms`)
    of sections of ``a`` and ``b`` the pairing has read already, by index."""
    if sum(len(p) for s in (*a, *b) for p in s.paragraphs) >= FOLD_TEXT_LIMIT:
        return ()
    sides = ((FoldKind.FOLDED, a, b, oa, ob, partners_a), (FoldKind.DRAWN, b, a, ob, oa, partners_b))
    candidates = [(kind, x, hosts) for kind, mine, theirs, om, ot, partners in sides
                  for x, hosts in _candidates(mine, theirs, om, ot, partners)]
    held = ([passages(s) for s in a], [passages(s) for s in b])
    loose = [(kind, x) for kind, mine, theirs, om, ot, partners in sides
             if any(held[1 if kind is FoldKind.FOLDED else 0])
             for x in _loose(mine, om, partners)]
    if not candidates and not loose:
        return ()
    terms = [known[0].get(i) or section_terms(s) for i, s in enumerate(a)]
    terms += [known[1].get(j) or section_terms(s) for j, s in enumerate(b)]
    weights = Weights(terms)
    vec_a = [weights.vector(t) for t in terms[:len(a)]]
    vec_b = [weights.vector(t) for t in terms[len(a):]]
    out = []
    for kind, x, hosts in candidates:
        mine_vec, theirs_vec = (vec_a, vec_b) if kind is FoldKind.FOLDED else (vec_b, vec_a)
        om, ot, theirs = (oa, ob, b) if kind is FoldKind.FOLDED else (ob, oa, a)
        like = {k: cosine(mine_vec[x], theirs_vec[k]) for k in range(len(theirs))
                if theirs[k].paragraphs and om.role[x].compatible(ot.role[k])}
        host = max(hosts, key=lambda y: like.get(y, 0.0))
        score = like.get(host, 0.0)
        rival = max((s for k, s in like.items() if k != host), default=0.0)
        if score >= FOLD_FLOOR and score >= FOLD_LEAD * rival:
            out.append(Fold(kind, x, host, round(score, 4)))
    passage_vec = [[[weights.vector(section_terms(Section("", s.level, run))) for run in runs]
                    for s, runs in zip(side, side_runs)] for side, side_runs in zip((a, b), held)] if loose else []
    done = {(fold.kind, fold.section) for fold in out}
    for kind, x in loose:
        if (kind, x) in done:
            continue
        if kind is FoldKind.FOLDED:
            fold = _passage_fold(kind, x, vec_a[x], oa, (ob, b, vec_b, passage_vec[1], partners_b))
        else:
            fold = _passage_fold(kind, x, vec_b[x], ob, (oa, a, vec_a, passage_vec[0], partners_a))
        if fold is not None:
            out.append(fold)
    return tuple(out)


def _loose(mine: Sequence[Section], om: Outline, partners: dict[int, list[int]]) -> list[int]:
    """The sections of ``mine`` without a partner that may have gone into a
    passage (condition 1 of the passage rule)."""
    return [x for x, s in enumerate(mine) if x not in partners and s.paragraphs
            and not om.children[x] and x != om.opening and x not in om.asides]


def _passage_fold(kind: FoldKind, x: int, vec: Vector, om: Outline,
                  other: tuple[Outline, Sequence[Section], Sequence[Vector], Sequence[Sequence[Vector]],
                               dict[int, list[int]]]) -> Fold | None:
    """Section ``x`` (vector ``vec``, outline ``om``) folded into (drawn out
    of) the section of the other report (``other``: its outline, sections,
    their vectors, the vectors of their passages, its paired sections)
    holding the passage it is most like, when conditions 2 and 3 of the
    passage rule hold; else None."""
    ot, theirs, theirs_vec, theirs_passages, their_partners = other
    best: dict[int, float] = {}  # section -> its best topic, own or passage
    in_passage: dict[int, float] = {}
    for k, s in enumerate(theirs):
        if not s.paragraphs or not om.role[x].compatible(ot.role[k]):
            continue
        own = cosine(vec, theirs_vec[k])
        runs = [cosine(vec, v) for v in theirs_passages[k]]
        best[k] = max([own, *runs])
        if runs and max(runs) > own:
            in_passage[k] = max(runs)
    if not in_passage:
        return None
    host = max(best, key=best.__getitem__)
    if host not in in_passage or host not in their_partners:
        return None
    score = best[host]
    rival = max((s for k, s in best.items() if k != host), default=0.0)
    if score >= FOLD_FLOOR and score >= PASSAGE_LEAD * rival:
        return Fold(kind, x, host, round(score, 4))
    return None


def _candidates(mine: Sequence[Section], theirs: Sequence[Section], om: Outline, ot: Outline,
                partners: dict[int, list[int]]) -> list[tuple[int, list[int]]]:
    """The sections of ``mine`` without a partner that conditions 1 and 2
    allow, each with the partners of its parent that have text of their own."""
    out = []
    for x, section in enumerate(mine):
        parent = om.parent[x]
        if (x in partners or not section.paragraphs or om.children[x] or x == om.opening or x in om.asides
                or parent is None or parent not in partners or parent in om.titles or parent == om.opening
                or parent in om.asides):
            continue
        hosts = partners[parent]
        if any(om.role[x].compatible(ot.role[k]) for y in hosts for k in ot.children[y]):
            continue
        hosts = [y for y in hosts if theirs[y].paragraphs]
        if hosts:
            out.append((x, hosts))
    return out


def find_regrouped(a: Sequence[Section], b: Sequence[Section], oa: Outline, ob: Outline,
                   partners_a: dict[int, list[int]], partners_b: dict[int, list[int]]) -> tuple[Fold, ...]:
    """The headings of two paired reports that are regrouped (see the module
    doc): ``partners_a`` maps each paired older section to its newer
    partners, ``partners_b`` the reverse."""
    out = []
    for kind, mine, om, ot, partners in ((FoldKind.UNWRAPPED, a, oa, ob, partners_a),
                                         (FoldKind.WRAPPED, b, ob, oa, partners_b)):
        for x, section in enumerate(mine):
            if x in partners or not om.children[x] or x in om.asides or not _little_text(section):
                continue
            # the sections below it, headings that only hold sections aside (民生 under 上半年成绩不错)
            below = [k for k in om.descendants(x) if k in partners or mine[k].paragraphs or not om.children[k]]
            held = tuple(k for k in below if k in partners)
            if held:
                host = _holder([q for k in held for q in partners[k]], ot)
                out.append(Fold(kind, x, host, round(len(held) / len(below), 4), held, len(below)))
    return tuple(out)


def _little_text(section: Section) -> bool:
    """No text of its own, or one line (:data:`LINE_CHARS`)."""
    return not section.paragraphs or (len(section.paragraphs) == 1 and len(section.paragraphs[0]) <= LINE_CHARS)


def _holder(found: Sequence[int], o: Outline) -> int | None:
    """The lowest section of outline ``o`` that is or holds every one of
    ``found``, the report's title aside (unless it is one of them); None
    when there is none."""
    common: set[int] | None = None
    for q in found:
        mine = {q} | (set(o.ancestors(q)) - o.titles)
        common = mine if common is None else common & mine
    if not common:
        return None
    return max(common, key=lambda k: len(o.ancestors(k)))

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

Anything else stays added or removed: a claim that a topic goes on where
it does not costs a reader more than a topic shown as dropped.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass

from erqi_diff.compare.outline import Outline
from erqi_diff.compare.topics import Weights, cosine, section_terms
from erqi_diff.core.document import Section

#: The least topical similarity between a section and the text of the section it is folded into
#: (or drawn out of). A subtopic against a whole year's review scores low: on the national reports
#: the true ones score 0.09-0.25, a section against an unrelated part 0.01-0.07.
FOLD_FLOOR = 0.08
#: ... and the partner must be the section's best counterpart by this factor over the next best.
FOLD_LEAD = 1.5


class FoldKind(str, enum.Enum):
    """Where the topic of a section without a partner went."""

    FOLDED = "folded"  # an older section's topic goes on in the text of the newer partner of its parent
    DRAWN = "drawn"    # a newer section's topic was in the text of the older partner of its parent


@dataclass(frozen=True)
class Fold:
    """Section ``section`` of one report (the older for ``folded``, the newer
    for ``drawn``) has no partner, but its topic is in the own text of
    section ``host`` of the other report, the partner of its parent;
    ``score`` their topical similarity (0-1)."""

    kind: FoldKind
    section: int
    host: int
    score: float


def find_folds(a: Sequence[Section], b: Sequence[Section], oa: Outline, ob: Outline,
               partners_a: dict[int, list[int]], partners_b: dict[int, list[int]]) -> tuple[Fold, ...]:
    """The folds of two paired reports (see the module doc): ``partners_a``
    maps each paired older section to its newer partners, ``partners_b`` the
    reverse."""
    sides = ((FoldKind.FOLDED, a, b, oa, ob, partners_a), (FoldKind.DRAWN, b, a, ob, oa, partners_b))
    candidates = [(kind, x, hosts) for kind, mine, theirs, om, ot, partners in sides
                  for x, hosts in _candidates(mine, theirs, om, ot, partners)]
    if not candidates:
        return ()
    terms = [section_terms(s) for s in (*a, *b)]
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
    return tuple(out)


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

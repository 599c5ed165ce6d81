"""How the links between two reports' sections group, and the links the
outline makes (steps 4 and 5 of :mod:`erqi_diff.compare.sections`).

A link reads an older section against a newer one; links group one to
one, one to many (a split: one older section's topic goes on in several
newer ones) or many to one (a merge), never many to many
(:func:`may_link`). Once the sections are paired by topic, the outline
adds what a reader pairs by structure: a heading over subsections with
the heading whose subsections hold their partners (:func:`outline_links`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from erqi_diff.compare.outline import Outline
from erqi_diff.compare.vocab import Basis, Relation  # defined there, still importable from here
from erqi_diff.core.document import Section


@dataclass(frozen=True)
class Link:
    """Older section ``a`` read against newer section ``b`` (indices into
    the reports' sections); ``score`` is their topical similarity (0-1)."""

    a: int
    b: int
    score: float
    relation: Relation
    basis: Basis


def kinds_agree(oa: Outline, ob: Outline, i: int, j: int) -> bool:
    """The opening (address, news lead) of one report is read against the
    other's opening only, when both have one; a box beside a news story
    (新闻链接) against a box only."""
    if (i in oa.asides) != (j in ob.asides):
        return False
    if oa.opening is None or ob.opening is None:
        return True
    return (i == oa.opening) == (j == ob.opening)


#: A section left over joins, of the pairs it scores within this share of its best, the one it keeps in order with.
NEAR_TIE = 0.95


def in_order(best: tuple[int, int], side: int, ranked: Mapping[tuple[int, int], float],
             links: Mapping[tuple[int, int], Link], theirs: Outline) -> tuple[int, int]:
    """The pair a section left over joins: its best (``best``; ``side`` 0
    for an older section, 1 a newer one), or, among its pairs ranked nearly
    as high (:data:`NEAR_TIE`) with a paired section of the same list (the
    same parent as the best's partner: parts with parts), the one crossing the
    fewest links already made, as a reader who finds two parts equally close
    takes the one in the reports' order (1994's 四、发展科技教育文化事业, between
    1993's 二 and 五 at 0.38 each, goes on from 五, which stands after 三 and
    四 as it stands after 1994's 三)."""
    x = best[side]
    paired = {k[1 - side] for k in links}
    if best[1 - side] not in paired:
        return best
    near = [k for k, r in ranked.items() if k[side] == x and k[1 - side] in paired and r >= NEAR_TIE * ranked[best]
            and theirs.parent[k[1 - side]] == theirs.parent[best[1 - side]]]
    if len(near) < 2:
        return best

    def crossings(k: tuple[int, int]) -> int:
        return sum((i - k[0]) * (j - k[1]) < 0 for i, j in links)

    return min(near, key=lambda k: (crossings(k), -ranked[k]))


def join(links: dict[tuple[int, int], Link], i: int, j: int, s: float, oa: Outline, ob: Outline,
         joining_a: bool) -> None:
    """Older ``i`` joins newer ``j``'s pair as a merge (``joining_a``), or
    newer ``j`` joins older ``i``'s as a split, unless one holds the other's
    partner (the partner holds it already) or the groups would not stay
    one to many or many to one."""
    if not may_link(links, i, j):
        return
    if joining_a:
        if any(oa.related(i, x) or _other_list(oa, i, x) for x in partners(links, 1).get(j, ())):
            return
        relation = Relation.MERGE
    else:
        if any(ob.related(j, y) or _other_list(ob, j, y) for y in partners(links, 0).get(i, ())):
            return
        relation = Relation.SPLIT
    links[i, j] = Link(i, j, s, relation, Basis.TOPIC)


def _other_list(o: Outline, x: int, y: int) -> bool:
    """``x`` and ``y`` stand in two different lists of one part (under a
    common heading that is not the report's title, with different parents):
    an end-of-term review tells its five years twice, as achievements
    (五年来，…) and as lessons （一）…（九）坚持…, and a section of the other
    report goes with one telling, not both."""
    return o.parent[x] != o.parent[y] and bool((set(o.ancestors(x)) & set(o.ancestors(y))) - o.titles)


def outline_links(links: dict[tuple[int, int], Link], a: Sequence[Section], b: Sequence[Section],
                   oa: Outline, ob: Outline) -> None:
    """Headings over subsections: a heading pairs with the heading whose
    subsections hold most of the partners of its own subsections (at least
    two, more than half: two task lists), roles not opposed, if the two are
    more than bare labels; then a heading with text of its own goes where
    all its subsections went, if that is one section without subsections."""
    def fits(i: int, j: int) -> bool:
        return (kinds_agree(oa, ob, i, j) and _bare_labels_agree(a[i], b[j], oa.cue[i], ob.cue[j])
                and may_link(links, i, j) and not _held_by_partner(links, oa, ob, i, j))

    for i in range(len(a)):
        if oa.children[i]:
            j = _outline_partner(i, oa, ob, partners(links, 0))
            if j is not None and fits(i, j):
                links[i, j] = Link(i, j, 0.0, Relation.ONE, Basis.OUTLINE)
    for j in range(len(b)):
        if ob.children[j]:
            found = _outline_partner(j, ob, oa, partners(links, 1))
            if found is not None and fits(found, j):
                links[found, j] = Link(found, j, 0.0, Relation.ONE, Basis.OUTLINE)
    of_a = partners(links, 0)  # what the umbrellas add below holds nothing of theirs
    for i in _umbrellas(a, oa):
        j = _whole_partner(i, oa, ob, of_a)
        if j is not None and may_link(links, i, j):
            links[i, j] = Link(i, j, 0.0, Relation.ONE, Basis.OUTLINE)
    of_b = partners(links, 1)
    for j in _umbrellas(b, ob):
        found = _whole_partner(j, ob, oa, of_b)
        if found is not None and may_link(links, found, j):
            links[found, j] = Link(found, j, 0.0, Relation.ONE, Basis.OUTLINE)


def _held_by_partner(links: dict[tuple[int, int], Link], oa: Outline, ob: Outline, i: int, j: int) -> bool:
    """A section above ``i`` is paired with ``j`` (or one above ``j`` with
    ``i``): ``i`` is read against ``j`` already, inside the section above it
    (2003's 五年来，外交工作开创新局面, whose subsections' partners are 2004's
    review items, under 一、过去五年政府工作的回顾, paired with 2004's review part)."""
    return any((p, j) in links for p in oa.ancestors(i)) or any((i, q) in links for q in ob.ancestors(j))


def _umbrellas(sections: Sequence[Section], o: Outline) -> list[int]:
    """Headings over subsections with text of their own, the report's title aside."""
    return [k for k, s in enumerate(sections) if o.children[k] and s.paragraphs and k not in o.titles]


def _whole_partner(x: int, o: Outline, theirs: Outline, partners: dict[int, list[int]]) -> int | None:
    """The one section of the other report, itself without subsections,
    where all the subsections of ``x`` went: ``x``'s own text (a line that
    opens them, 2017年经济社会发展态势更加明显) goes there too."""
    if x in partners:
        return None
    found = {q for p in o.descendants(x) for q in partners.get(p, ())}
    if len(found) != 1:
        return None
    y = found.pop()
    return None if theirs.children[y] or not o.role[x].compatible(theirs.role[y]) else y


def partners(links: dict[tuple[int, int], Link], side: int) -> dict[int, list[int]]:
    """Each section's partners, for the older report's sections (``side`` 0) or the newer's (1)."""
    out: dict[int, list[int]] = {}
    for pair in links:
        out.setdefault(pair[side], []).append(pair[1 - side])
    return out


def _outline_partner(x: int, mine: Outline, theirs: Outline, partners: dict[int, list[int]]) -> int | None:
    """The heading of the other report whose subsections hold most partners
    of ``x``'s subsections (at least two, and more than half of them)."""
    if x in partners or x in mine.titles:  # a title holds everything: its subsections prove nothing
        return None
    votes: Counter = Counter()
    held = 0
    for p in mine.descendants(x):
        for q in partners.get(p, ()):
            held += 1
            votes.update(k for k in theirs.ancestors(q) if k not in theirs.titles)
    if not votes:
        return None
    y, count = votes.most_common(1)[0]
    if count < 2 or count * 2 <= held or not mine.role[x].compatible(theirs.role[y]):
        return None
    return y


def _bare_labels_agree(sa: Section, sb: Section, cue_a: int, cue_b: int) -> bool:
    """Two headings over subsections are paired when they are more than bare
    labels: one has text of its own, or both headings say the same role."""
    return bool(sa.paragraphs or sb.paragraphs or (cue_a and cue_a == cue_b))


def may_link(links: dict[tuple[int, int], Link], i: int, j: int) -> bool:
    """(i, j) keeps every group one to one, one to many or many to one."""
    of_a, of_b = partners(links, 0), partners(links, 1)
    partners_i, partners_j = of_a.get(i, []), of_b.get(j, [])
    if partners_i and partners_j:
        return False
    if partners_i:  # i would be split: its partners must have no other partner
        return all(len(of_b[q]) == 1 for q in partners_i)
    if partners_j:  # j would be merged
        return all(len(of_a[q]) == 1 for q in partners_j)
    return True

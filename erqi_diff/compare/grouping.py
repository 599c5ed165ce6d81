"""How the links between two reports' sections group, and the links the
outline makes (steps 4 and 5 of :mod:`erqi_diff.compare.sections`).

A link reads an older section against a newer one; links group one to
one, one to many (a split: one older section's topic goes on in several
newer ones) or many to one (a merge), never many to many
(:func:`may_link`), and a section joins a pair only with the partner's
support (:func:`supported`: among the partner's first two candidates
outside the group, the pair itself scoring 0.2 or more), and stays in it
only if it takes some of the other side's paragraphs
(:func:`drop_empty_parts`). Once the sections
are paired by topic, the outline adds what a reader pairs by structure: a
heading over subsections with the heading whose subsections hold their
partners (:func:`outline_links`), and the two statements of the plan as a
whole (:func:`overall_links`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from erqi_diff.compare.outline import Outline, overall
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


#: A section joins a pair only when the partner ranks it among its first this many candidates not in the group.
JOIN_RANK = 2
#: ... and only a pair whose own score reaches this: a pair near the floor carries no third section.
JOIN_BASE = 0.2


def supported(ranked: Mapping[tuple[int, int], float], links: Mapping[tuple[int, int], Link], i: int, j: int,
              joining_a: bool) -> bool:
    """Older ``i`` may join newer ``j``'s pair (``joining_a``), or ``j``
    ``i``'s, only if the partner would rank it among its first
    :data:`JOIN_RANK` candidates of that report not already in the group: a
    split or merge says the partner's topic goes on in the section joining,
    and when more sections of its report are closer to the partner than it
    is, the partner's topic is not told by it (for 1987's 四、…安定团结, 1986's
    五、…政府机构转变管理职能 comes behind the 科技 and the 人民生活 parts, which
    are paired elsewhere); and only if the pair's own score reaches
    :data:`JOIN_BASE`: a pair itself barely above the floor is too weak a
    claim to build a split or merge on (2022's （一）…稳定宏观经济大盘 does not
    join 2023's （一）着力扩大国内需求, paired with 2022's （五）…扩大内需 at 0.18).
    The pair's score is its best link's (1.0 for pairs made outright)."""
    side = 0 if joining_a else 1
    x, y = (i, j) if joining_a else (j, i)
    group = {k[side] for k in links if k[1 - side] == y}
    mine = ranked[i, j]
    closer = sum(r > mine for k, r in ranked.items() if k[1 - side] == y and k[side] != x and k[side] not in group)
    base = max((link.score for k, link in links.items() if k[1 - side] == y), default=1.0)
    return closer < JOIN_RANK and base >= JOIN_BASE


def joinable(ranked: Mapping[tuple[int, int], float], links: Mapping[tuple[int, int], Link], a: Sequence[Section],
             b: Sequence[Section], oa: Outline, ob: Outline, i: int, j: int, joining_a: bool) -> bool:
    """Older ``i`` may join newer ``j``'s pair by topic (``joining_a``), or ``j``
    ``i``'s: the pair :func:`supported` it, and the group keeps its sections at
    one rank (:func:`erqi_diff.compare.standing.mixed_ranks`)."""
    from erqi_diff.compare.standing import mixed_ranks

    from erqi_diff.compare.standing import share_an_area

    return supported(ranked, links, i, j, joining_a) and not mixed_ranks(links, oa, ob, i, j, joining_a) \
        and share_an_area(a[i], b[j])


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
    more than bare labels; then a heading with text of its own opening its subsections goes where
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
        j = _whole_partner(i, oa, ob, of_a, a)
        if j is not None and may_link(links, i, j):
            links[i, j] = Link(i, j, 0.0, Relation.ONE, Basis.OUTLINE)
    of_b = partners(links, 1)
    for j in _umbrellas(b, ob):
        found = _whole_partner(j, ob, oa, of_b, b)
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


#: A heading's own text goes where its subsections went only when it opens them: under this share of their text.
OPENING_SHARE = 0.25
#: ... and, over a single subsection, when it is one line at most (more is a paragraph of its own topic).
ONE_LINE = 120


def _whole_partner(x: int, o: Outline, theirs: Outline, partners: dict[int, list[int]],
                   sections: Sequence[Section]) -> int | None:
    """The one section of the other report, itself without subsections,
    where all the subsections of ``x`` went: ``x``'s own text (a line that
    opens them, 2017年经济社会发展态势更加明显) goes there too. Only when that
    text opens them, under :data:`OPENING_SHARE` of theirs: a heading holding
    as much text as its subsections is a section of its own topic (1983's
    （一）关于经济建设, the five-year targets, over three points on state
    finance, one of which goes on in 1984's 二、改革建筑业和基本建设的管理体制).
    Over a single subsection, only a line (:data:`ONE_LINE`): a paragraph over
    one subsection is a part of its own topic, the subsection a sentence of it
    set as a heading (1982's 二、关于基本建设的规模… over 下面，着重讲一下能源…)."""
    if x in partners or (len(o.children[x]) < 2 and _chars(sections[x]) > ONE_LINE):
        return None
    below = o.descendants(x)
    if _chars(sections[x]) >= OPENING_SHARE * sum(_chars(sections[k]) for k in below):
        return None
    found = {q for p in below for q in partners.get(p, ())}
    if len(found) != 1:
        return None
    y = found.pop()
    return None if theirs.children[y] or not o.role[x].compatible(theirs.role[y]) else y


def _chars(section: Section) -> int:
    return sum(map(len, section.paragraphs))


def partners(links: dict[tuple[int, int], Link], side: int) -> dict[int, list[int]]:
    """Each section's partners, for the older report's sections (``side`` 0) or the newer's (1)."""
    out: dict[int, list[int]] = {}
    for pair in links:
        out.setdefault(pair[side], []).append(pair[1 - side])
    return out


def _outline_partner(x: int, mine: Outline, theirs: Outline, partners: dict[int, list[int]]) -> int | None:
    """The heading of the other report whose subsections hold most partners
    of ``x``'s subsections (at least two, and more than half of them), two
    of ``x``'s subsections among them: two lists read together. When those
    partners all come from one section of the other report (its subsections
    went to one section, split over them: 1980's 三 over 第二 and 第三, both
    from 1979's （三）), ``x`` goes to that section, if it has no subsections,
    and not to the heading above it; the other way round (1979's 二, whose
    （三） alone split there) ``x`` is not paired by the outline."""
    if x in partners or x in mine.titles:  # a title holds everything: its subsections prove nothing
        return None
    votes: Counter = Counter()
    sides: dict[int, tuple[set[int], set[int]]] = {}
    held = 0
    for p in mine.descendants(x):
        for q in partners.get(p, ()):
            held += 1
            above = [k for k in theirs.ancestors(q) if k not in theirs.titles]
            votes.update(above)
            for k in above:
                sides.setdefault(k, (set(), set()))[0].add(p)
                sides[k][1].add(q)
    if not votes:
        return None
    y, count = votes.most_common(1)[0]
    if count < 2 or count * 2 <= held or not mine.role[x].compatible(theirs.role[y]):
        return None
    mine_held, theirs_held = sides[y]
    if len(theirs_held) == 1 and len(mine_held) >= 2:  # they all went to one section: x goes there too
        single = next(iter(theirs_held))
        return None if theirs.children[single] or not mine.role[x].compatible(theirs.role[single]) else single
    return None if len(mine_held) < 2 else y  # one section split: no two lists read together


def _bare_labels_agree(sa: Section, sb: Section, cue_a: int, cue_b: int) -> bool:
    """Two headings over subsections are paired when they are more than bare
    labels: one has text of its own, or both headings say the same role. A
    bare label that says a role (下半年打算这样干: the plan for the rest of
    the year) goes with a heading with text only when that heading says the
    same role: a headline naming none, or the other (an honour's headline,
    重点工作走在前列年度综合考核成绩市内六区第一, standing over the project plan
    of a news page), is read by its text, not as the label's list."""
    if bool(sa.paragraphs) != bool(sb.paragraphs):
        label = cue_b if sa.paragraphs else cue_a
        return not label or label == (cue_a if sa.paragraphs else cue_b)
    return bool(sa.paragraphs or (cue_a and cue_a == cue_b))


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


#: A paragraph stating the year's overall requirements (今年工作的总体要求是：…, 中共中央对今年工作的总体要求是).
_OVERALL_TEXT = re.compile(r"(?:今年|本年|明年|新的一年|[0-9]{4}年)(?:政府)?工作的?总体要求是|总的要求是")


def states_overall(section: Section, holds: bool = False) -> bool:
    """The section states a plan as a whole: its heading names one
    (:func:`erqi_diff.compare.outline.overall`; ``holds``: it has sections
    below it; or 总体要求 after a review: 一、1998年工作回顾和1999年工作的总体要求),
    or a paragraph of its own opens the year's overall requirements
    (今年工作的总体要求是：…)."""
    return (overall(section.heading, holds) or "总体要求" in section.heading
            or any(_OVERALL_TEXT.search(p[:40]) for p in section.paragraphs))


def overall_links(links: dict[tuple[int, int], Link], a: Sequence[Section], b: Sequence[Section],
                  oa: Outline, ob: Outline) -> None:
    """When each report states its plan as a whole in one section
    (:func:`states_overall`) and one of the two is left without a partner,
    it goes with the other wherever that stands (in the untitled lead after
    the review, at the close of a review part, as the head of the task
    part), as a split or merge: a reader reads the two statements of the
    year's overall requirements side by side whatever part holds them."""
    told_a = [k for k, s in enumerate(a) if states_overall(s, bool(oa.children[k]))]
    told_b = [k for k, s in enumerate(b) if states_overall(s, bool(ob.children[k]))]
    if len(told_a) != 1 or len(told_b) != 1:
        return
    i, j = told_a[0], told_b[0]
    paired_a, paired_b = {k[0] for k in links}, {k[1] for k in links}
    if i in paired_a and j in paired_b:
        return
    join(links, i, j, 0.0, oa, ob, joining_a=i not in paired_a)
    if (i, j) in links:  # by structure: where each report states its plan as a whole
        links[i, j] = Link(i, j, 0.0, links[i, j].relation, Basis.OUTLINE)


#: In a split, an older paragraph with no counterpart goes with the newer section that shares
#: this much of its wording or more (the most of all; see :func:`paragraph_owners`) ...
SPLIT_LIKENESS = 0.1
#: ... if it has at least this many bigrams (a shorter line stays with the paragraph before it).
SPLIT_MIN_BIGRAMS = 12


def paragraph_owners(old: Section, parts: Sequence[Section]) -> list[int | None]:
    """For each paragraph of ``old``, the one of ``parts`` (the sections it
    split into, or merged from) that takes it: the part holding its
    counterpart (the paragraph alignment of :mod:`erqi_diff.compare.align`),
    else the part sharing most of its wording (bigrams in common over the
    geometric mean of the two counts, from :data:`SPLIT_LIKENESS` up, one
    part alone); None when no part does (a line under
    :data:`SPLIT_MIN_BIGRAMS` bigrams, wording shared with none, or with two
    parts alike)."""
    from erqi_diff.compare.align import Kind, align_paragraphs, bigram_set

    owner: list[int] = []
    for k, part in enumerate(parts):
        owner.extend([k] * len(part.paragraphs))
    joined = [p for part in parts for p in part.paragraphs]
    part_of: list[int | None] = [None] * len(old.paragraphs)
    for slot in align_paragraphs(old.paragraphs, joined):
        if slot.a is not None and slot.b is not None and slot.kind in (Kind.PAIRED, Kind.MOVED_OUT):
            part_of[slot.a] = owner[slot.b]
    if None in part_of:
        wording = [bigram_set(part.text) for part in parts]
        for i, owned in enumerate(part_of):
            mine = bigram_set(old.paragraphs[i])
            if owned is None and len(mine) >= SPLIT_MIN_BIGRAMS:
                likeness = [len(mine & w) / math.sqrt(len(mine) * len(w)) if w else 0.0 for w in wording]
                best = max(likeness)
                if best >= SPLIT_LIKENESS and likeness.count(best) == 1:
                    part_of[i] = likeness.index(best)
    return part_of


#: A part taking none of the text leaves a split (merge) whose section has this many paragraphs per part or more.
EMPTY_PART_PARAGRAPHS = 2


def drop_empty_parts(links: dict[tuple[int, int], Link], a: Sequence[Section], b: Sequence[Section]) -> None:
    """A split says the older section's text goes on in several newer
    sections, a merge the reverse: a section of the group paired by topic
    (one that joined, or the pair it joined: 1984's 五、更加重视知识和知识分子…,
    paired with 1985's （二）关于经济体制改革, which 1984's reform parts 一 and
    三 joined) that takes none of the other side's paragraphs
    (:func:`paragraph_owners`: none has its counterpart there or shares most
    of its wording with it) holds none of that text, and leaves the group,
    the weakest first, while the section split (merged) has
    :data:`EMPTY_PART_PARAGRAPHS` paragraphs or more for each section of
    the group (a short one cannot give each part a paragraph)."""
    for side in (0, 1):
        hubs = Counter(k[side] for k in links)
        for hub in [h for h, n in hubs.items() if n > 1]:
            mine, theirs = (a, b) if side == 0 else (b, a)
            while True:
                group = sorted(k for k in links if k[side] == hub)
                if len(group) < 2 or len(mine[hub].paragraphs) < EMPTY_PART_PARAGRAPHS * len(group):
                    break
                owners = paragraph_owners(mine[hub], [theirs[k[1 - side]] for k in group])
                empty = [k for n, k in enumerate(group) if n not in owners
                         and links[k].basis is Basis.TOPIC]
                if not empty:
                    break
                del links[min(empty, key=lambda k: links[k].score)]

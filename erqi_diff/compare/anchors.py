"""Sections paired outright (step 1 of :mod:`erqi_diff.compare.sections`):
the same text, the same heading, headings that differ by a word or two,
the news leads of two reports on meetings."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from erqi_diff.compare.grouping import Basis
from erqi_diff.compare.outline import Outline, Role
from erqi_diff.compare.topics import heading_words
from erqi_diff.core.document import Section

#: Two headings this alike (bigram Dice) are the same heading reworded: paired outright.
NEAR_SAME = 0.8


def _anchors(a: Sequence[Section], b: Sequence[Section], oa: Outline, ob: Outline) -> list[tuple[int, int, Basis]]:
    """Sections paired outright: the same text (found once in each report);
    then the same heading, as a diff of the two lists of headings keeps them
    in order (a heading found twice is read in order: the first
    总结2017·直接引语 with the first), and a heading found once in each of
    the sections left (a section that moved); roles not opposed."""
    from erqi_diff.compare.textdiff import anchored_diff

    out: list[tuple[int, int, Basis]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()

    def take(i: int, j: int, basis: Basis) -> None:
        if i not in used_a and j not in used_b and (basis is Basis.TEXT or oa.role[i].compatible(ob.role[j])):
            out.append((i, j, basis))
            used_a.add(i)
            used_b.add(j)

    for i, j in _same(a, b, range(len(a)), range(len(b)), lambda s: s.text):
        take(i, j, Basis.TEXT)
    heads_a = [s.heading or f"\0{i}" for i, s in enumerate(a)]  # the lead ("") is paired by topic
    heads_b = [s.heading or f"\1{j}" for j, s in enumerate(b)]
    i = j = 0
    for op, units in anchored_diff(heads_a, heads_b):
        if op == "=":
            for _ in units:
                take(i, j, Basis.HEADING)
                i, j = i + 1, j + 1
        elif op == "-":
            i += len(units)
        else:
            j += len(units)
    rest_a = [i for i in range(len(a)) if i not in used_a]
    rest_b = [j for j in range(len(b)) if j not in used_b]
    for i, j in _same(a, b, rest_a, rest_b, lambda s: s.heading):
        take(i, j, Basis.HEADING)
    for i, j in _near_same_headings(a, b, [i for i in rest_a if i not in used_a], [j for j in rest_b if j not in used_b]):
        take(i, j, Basis.HEADING)
    lead_a, lead_b = _news_lead(a), _news_lead(b)
    if lead_a is not None and lead_b is not None:
        take(lead_a, lead_b, Basis.OUTLINE)
    return out


def openings(a: Sequence[Section], b: Sequence[Section], oa: Outline, ob: Outline) -> bool:
    """Both reports open with text under no heading (the address 各位代表…)
    that is their opening: a reader reads the two openings side by side
    whatever they hold (an opening may hold a review whose heading the
    text lacks), and an opening pairs with no other section."""
    def untitled(sections: Sequence[Section], o: Outline) -> bool:
        return bool(sections) and not sections[0].heading and bool(sections[0].paragraphs) and o.opening == 0

    return untitled(a, oa) and untitled(b, ob)


_MEETING = re.compile(r"\d{1,2}月\d{1,2}日[^。；]{0,40}?召开")
#: A news lead stands among this many first sections with text.
LEAD_WITHIN = 3


def _news_lead(sections: Sequence[Section]) -> int | None:
    """The news lead of a report on a meeting: the one section, among the
    first with text, that tells the meeting's date (1月13日，二七区召开…; 1月15日召开的…)."""
    with_text = [k for k, s in enumerate(sections) if s.paragraphs][:LEAD_WITHIN]
    found = [k for k in with_text if any(_MEETING.search(p) for p in sections[k].paragraphs[:2])]
    return found[0] if len(found) == 1 else None


def _near_same_headings(a: Sequence[Section], b: Sequence[Section], rest_a: list[int],
                        rest_b: list[int]) -> list[tuple[int, int]]:
    """Headings that differ by a word or two (七、关于外交工作 and 七、关于稳步外交工作):
    bigram Dice from :data:`NEAR_SAME` up (numbering and years aside), each
    the other's best."""
    from erqi_diff.compare.align import bigram_set, dice

    heads_a = {i: bigram_set(heading_words(a[i].heading)) for i in rest_a if len(heading_words(a[i].heading)) >= 4}
    heads_b = {j: bigram_set(heading_words(b[j].heading)) for j in rest_b if len(heading_words(b[j].heading)) >= 4}
    best_a: dict[int, tuple[float, int]] = {}
    best_b: dict[int, tuple[float, int]] = {}
    postings: dict[int, list[int]] = {}  # headings sharing no bigram have a Dice of 0
    for j, y in heads_b.items():
        for g in y:
            postings.setdefault(g, []).append(j)
    place = {j: k for k, j in enumerate(heads_b)}
    for i, x in heads_a.items():
        for j in sorted({j for g in x for j in postings.get(g, ())}, key=place.__getitem__):
            d = dice(x, heads_b[j])
            if d >= NEAR_SAME:
                if d > best_a.get(i, (0.0, -1))[0]:
                    best_a[i] = (d, j)
                if d > best_b.get(j, (0.0, -1))[0]:
                    best_b[j] = (d, i)
    return [(i, j) for i, (_, j) in best_a.items() if best_b[j][1] == i]


def _same(a: Sequence[Section], b: Sequence[Section], rest_a, rest_b, key) -> list[tuple[int, int]]:
    """Sections (among ``rest_a`` and ``rest_b``) with the same non-empty
    ``key``, found once among each."""
    where_a: dict[str, list[int]] = {}
    where_b: dict[str, list[int]] = {}
    for i in rest_a:
        if key(a[i]):
            where_a.setdefault(key(a[i]), []).append(i)
    for j in rest_b:
        if key(b[j]):
            where_b.setdefault(key(b[j]), []).append(j)
    return [(xs[0], where_b[k][0]) for k, xs in where_a.items() if len(xs) == 1 and len(where_b.get(k, ())) == 1]


def review_in_opening(oa: Outline, ob: Outline, links: Collection[tuple[int, int]],
                      score: Callable[[int, int], float], floor: float) -> list[tuple[int, int, float]]:
    """A report with no review part of its own may tell its review in its
    opening (2002: the address runs on into the review of 2001 under no
    heading). When the two openings are paired and one is so, the other
    report's review parts left without a partner go with it too (a split or
    merge), and so do the review sections right under such a part left
    without one (2003's 五年来，国民经济… under 一、过去五年政府工作的回顾), from
    ``floor``: the pairs (older, newer, score) to add."""
    if (0, 0) not in links or oa.opening != 0 or ob.opening != 0:
        return []
    paired = ({i for i, _ in links}, {j for _, j in links})

    def parts(o: Outline) -> list[int]:
        return [k for k in range(len(o.role)) if o.role[k] is Role.REVIEW and o.parent[k] is None and k != o.opening]

    out = []
    for mine, theirs, side in ((oa, ob, 1), (ob, oa, 0)):
        if mine.role[0] is not Role.REVIEW or parts(mine):
            continue
        for part in parts(theirs):
            if part in paired[side]:
                continue
            for k in (part, *(c for c in theirs.children[part] if theirs.role[c] is Role.REVIEW)):
                pair = (0, k) if side == 1 else (k, 0)
                if k not in paired[side] and (s := score(*pair)) >= floor:
                    out.append((*pair, s))
    return out

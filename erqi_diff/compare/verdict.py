"""The review as a whole, and the speaker's words on the whole (part of
step 1 and the close of :mod:`erqi_diff.compare.sections`).

A news page on a government work meeting sums up the period it reviews in
one headline before the review's topics: 2016，各项工作取得新突破、呈现新气象、
开创新局面; 2017攻坚克难、务实重干，取得瞩目业绩; 上半年成绩不错; 书写“十三五”答卷.
Such a *verdict* names the review (回顾, 成绩, 业绩, 答卷, 取得…: the
heading's own cue, :func:`erqi_diff.compare.outline.heading_cue`) and no
area of work (:mod:`erqi_diff.compare.concepts`: 生态, 民生, 项目…), nor an
award (区残联喜获“全国残疾人工作先进单位” reports one unit's honour, 所获殊荣
lists honours: a commendation, not the year's verdict). A reader holding
two such pages reads the two verdicts side by side, whatever each holds
(text of its own, a lead, or only the review's sections below it), and
their topics cannot tell it: a heading with no text has none, and the
text of one is the whole year's. :func:`verdict` finds a report's verdict:
of the sections so named, not the report's opening (the news lead, read
against the other lead only), the one standing highest in the outline,
when no other stands as high (the boxes 总结2017·亮点, 总结2017·数据 name a
review too, below 2017攻坚克难…). The two verdicts pair by the outline
(:func:`verdict_link`), before the outline's other links (a box under a
verdict, 总结2017·抓手, is read within the verdicts' pair then, not as a
third part of it), also when one is paired already (a split or merge:
the 2016 headline holds the meeting's lead, paired with 2017's lead) if
its partner stands under the other verdict (2017攻坚克难… over its lead; not
上半年成绩不错, a part of a mid-year page whose lead stands over it all); when
both reports have one, neither is read against another section by topic
(a section of the other report sharing the verdict's words does not take it).

A box of a speaker's words (总结2017·直接引语: the district secretary's
summing-up, signed ——区委书记陈红民; :func:`spoken`) speaks of the whole
year, as the closing quote of a news report does (which
:func:`erqi_diff.compare.topics.topic_text` leaves out of a section's
topic): it is not paired by topic with one of the other report's topics,
and goes with the other report's verdict when that one is paired with this
report's verdict and states the period's result in text of its own, not
the meeting's lead (:func:`spoken_links`).

A box of highlights (总结2017·亮点: 1.…双统筹… 2.…温暖二七… 3.…智慧督查…; a
numbered list, one item a paragraph, :func:`listed`) sums up several areas
of the year's work: it pairs only with a section that tells two of its
items or more, not with a section on one of them (:func:`untold_lists`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from erqi_diff.compare.areas import untold_areas
from erqi_diff.compare.concepts import concept_terms
from erqi_diff.compare.figures import untold_figures
from erqi_diff.compare.grouping import Basis, Link, Relation, may_link
from erqi_diff.compare.honours import AWARD as _AWARD  # a commendation, not a verdict on the year
from erqi_diff.compare.honours import other_areas
from erqi_diff.compare.outline import Outline, Role
from erqi_diff.compare.topics import Weights, cosine, heading_words, section_terms
from erqi_diff.core.document import Section

#: An item of a numbered list: 1. 2、 3．
_ITEM = re.compile(r"\s*([0-9]{1,2})\s*[.、．]")
#: A box of highlights lists at least this many items.
LIST_ITEMS = 3
#: A speaker's signature closing a box of quotes: ——区委书记陈红民.
_SIGNATURE = re.compile(r"^\s*(?:——|—|--)\s*[^。！？；，,.!?;“”\"]{2,30}$")


def spoken(section: Section) -> bool:
    """The section's text is a speaker's words: paragraphs closed by a
    signature line (——区委书记陈红民)."""
    paragraphs = section.paragraphs
    return len(paragraphs) >= 2 and bool(_SIGNATURE.match(paragraphs[-1]))


def _names_verdict(section: Section, o: Outline, k: int) -> bool:
    heading = section.heading
    return (bool(heading) and o.cue[k] > 0 and o.role[k] is Role.REVIEW and k != o.opening
            and k not in o.asides and not _AWARD.search(heading) and not spoken(section)
            and not concept_terms(heading_words(heading)))


def verdict(sections: Sequence[Section], o: Outline) -> int | None:
    """The heading summing up the review as a whole (see the module doc), or None."""
    named = [k for k, s in enumerate(sections) if _names_verdict(s, o, k)]
    if not named:
        return None
    depth = {k: len(o.ancestors(k)) for k in named}
    top = min(depth.values())
    found = [k for k in named if depth[k] == top]
    return found[0] if len(found) == 1 else None


def verdict_link(links: dict[tuple[int, int], Link], tops: tuple[int | None, int | None],
                 oa: Outline, ob: Outline) -> tuple[int, int] | None:
    """Pair the two reports' verdicts ``tops`` (:func:`verdict` of each) by
    the outline, when each has one and the groups stay one to one, one to
    many or many to one; the pair (also when topic paired it already), or None.
    A verdict paired already (the 2016 headline holding the meeting's lead,
    paired with the other report's lead) takes the other verdict only when
    its partners stand under that verdict (2017攻坚克难… over the lead
    GDP增长9%…), not when they stand apart from it (a mid-year page's lead
    over the whole page, 上半年成绩不错 a part of it over the review): the
    verdict is read against the lead there already (:func:`apart`)."""
    i, j = tops
    if i is None or j is None:
        return None
    if (i, j) not in links:
        if not may_link(links, i, j) or apart(links, oa, ob, i, j):
            return None
        # by structure, as the outline's other links: no score (a lineage goes on through a scored part first)
        links[i, j] = Link(i, j, 0.0, Relation.ONE, Basis.OUTLINE)
    return i, j


def apart(links: dict[tuple[int, int], Link], oa: Outline, ob: Outline, i: int, j: int) -> bool:
    """Verdict ``i`` has a partner that is not verdict ``j`` nor under it, or
    ``j`` one that is not ``i`` nor under it."""
    return any(y != j and j not in ob.ancestors(y) for x, y in links if x == i) \
        or any(x != i and i not in oa.ancestors(x) for x, y in links if y == j)


def spoken_links(a: Sequence[Section], b: Sequence[Section], oa: Outline, ob: Outline,
                 links: dict[tuple[int, int], Link], verdicts: tuple[int, int] | None,
                 leads: tuple[int | None, int | None]) -> None:
    """The boxes of a speaker's words left without a partner go with the
    other report's verdict, when the two verdicts are paired and that one
    states the result in text of its own that is not the meeting's lead
    (``leads``: each report's news lead)."""
    if verdicts is None:
        return
    reports, outlines = (a, b), (oa, ob)
    paired = ({k[0] for k in links}, {k[1] for k in links})
    for side in (0, 1):
        mine, other = reports[side], 1 - side
        target = verdicts[other]
        if not reports[other][target].paragraphs or target in (leads[other], outlines[other].opening):
            continue
        for x in range(len(mine)):
            key = (x, target) if side == 0 else (target, x)
            if x not in paired[side] and spoken(mine[x]) and may_link(links, *key):
                links[key] = Link(*key, 0.0, Relation.ONE, Basis.OUTLINE)


def listed(section: Section) -> bool:
    """The section's text is a numbered list, one item a paragraph (1.… 2.… 3.…),
    of at least :data:`LIST_ITEMS` items: a box of the year's highlights."""
    numbers = [m.group(1) for p in section.paragraphs if (m := _ITEM.match(p))]
    return (len(section.paragraphs) >= LIST_ITEMS and len(numbers) == len(section.paragraphs)
            and numbers == [str(k) for k in range(1, len(numbers) + 1)])


def untold_lists(a: Sequence[Section], b: Sequence[Section], floor: float) -> set[tuple[int, int]]:
    """The pairs of a box of highlights (:func:`listed`) with a section of
    the other report, not itself such a box, that tells fewer than two of
    its items: whose topic score with each item alone (the vocabulary
    weighted over both reports' sections) reaches ``floor`` for one item
    at most. Highlights sum up several areas of the year's work; a section
    on one of them (区人民检察院被评为“第六届全国先进基层检察院”, against item 5's
    司法体制改革) is not the part they sum up, one telling two of them is
    (2021's “进”的态势持续巩固 names item 3's 智慧督查 and item 4's 三定四推五落实)."""
    lists_a = [i for i, s in enumerate(a) if listed(s)]
    lists_b = [j for j, s in enumerate(b) if listed(s)]
    if not lists_a and not lists_b:
        return set()
    terms_a, terms_b = [section_terms(s) for s in a], [section_terms(s) for s in b]
    weights = Weights([*terms_a, *terms_b])
    out: set[tuple[int, int]] = set()
    for boxes, mine, theirs, their_terms, flip in ((lists_a, a, b, terms_b, False), (lists_b, b, a, terms_a, True)):
        for x in boxes:
            items = [weights.vector(section_terms(Section("", mine[x].level, (p,)))) for p in mine[x].paragraphs]
            for y, other in enumerate(theirs):
                if not other.paragraphs or listed(other):
                    continue
                vector = weights.vector(their_terms[y])
                if sum(cosine(vector, item) >= floor for item in items) < 2:
                    out.add((y, x) if flip else (x, y))
    return out


def kept_apart(a: Sequence[Section], b: Sequence[Section], tops: tuple[int | None, int | None],
               floor: float, oa: Outline, ob: Outline) -> set[tuple[int, int]]:
    """The pairs the topic steps leave out: a box of highlights with a
    section telling fewer than two of its items (:func:`untold_lists`), a box
    of figures with a section whose topic is not the economy
    (:func:`erqi_diff.compare.figures.untold_figures`), a section under a
    bare area heading with one naming none of its areas
    (:func:`erqi_diff.compare.areas.untold_areas`), a commendation line with
    a section whose heading names other areas of work
    (:func:`erqi_diff.compare.honours.other_areas`), and,
    when both reports have a verdict (``tops``: :func:`verdict` of each),
    either verdict with any other section than the other verdict."""
    out = untold_lists(a, b, floor) | untold_figures(a, b) | untold_areas(a, b) | other_areas(a, b, oa, ob)
    i, j = tops
    if i is not None and j is not None:
        out |= {(i, y) for y in range(len(b)) if y != j} | {(x, j) for x in range(len(a)) if x != i}
    return out

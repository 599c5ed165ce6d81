"""Pairing the sections of two reports as a reader pairs them.

A reader puts two sections side by side when they cover the same topic in
the same role: a review part with a review part, a plan task with a plan
task (:mod:`erqi_diff.compare.outline` tells the roles), whatever their
headings or levels. :func:`pair_sections` does it in five steps:

1. **Anchors.** Sections with the same text, sections with the same
   heading (found as many times in each report, read in order), and
   sections whose headings differ by a word or two (bigram Dice from
   :data:`NEAR_SAME`, each the other's best), roles not opposed, are
   paired outright and take no further part; so are the news leads of two
   reports on meetings (the one section among the first that tells the
   meeting's date, 1月13日，二七区召开…: :func:`_news_lead`), by their role.
2. **Topic.** Every other pair of sections that structure allows is scored
   by topic. Structure allows a pair when the roles are not opposed (a
   review is never read against a plan), when both or neither are the
   report's opening (the address, the news lead), both or neither a box
   beside a news story (新闻链接), and when it is not an item of a list
   against a heading over a list of its own (tasks go with tasks, parts
   with parts). The score is the topical similarity (:mod:`erqi_diff.compare.topics`, the cosine of
   their vocabularies and of the areas of work they name) blended with the likeness of their headings
   (up to :data:`HEADING_WEIGHT`); a section without text is judged by its heading. A pair where one
   side's role is not told counts :data:`UNTOLD_FACTOR` of its score. Order is a weak prior: up to
   :data:`ORDER_BONUS` for lying at the same relative place.
3. **One to one.** Two sections that are each other's best counterpart
   are paired, from :data:`FLOOR` up. Below the floor nothing is paired:
   the section is shown as added or removed, never as a nonsense pair.
   Then, among the sections left, a section whose best counterpart is
   left too pairs with it if it is that one's best among those left and
   scores at least :data:`LEFT_SHARE` of that one's best (else that one
   rather joins its own best's pair), until no more pair so.
4. **Splits and merges.** A section left over joins the pair of its best counterpart when their score reaches
   :data:`JOIN_FLOOR` (a split or a merge is a stronger claim than a pair): a split when one older section's topic goes
   on in two or more newer ones, a merge for the reverse. The pairs made outright in step 1 may take such a section too
   (a part that kept its heading and took in the topic of a part the newer report dropped), unless their texts stand
   nearly word for word (:data:`KEPT_SHARE`). If both reports open with untitled text (the address), the two openings
   pair here whatever topic said. A section never joins a pair that holds its own parent or child, nor is in a split and
   a merge at once. A section joins a pair only if the partner ranks it among its first two candidates outside the
   group, and only a pair that itself scores 0.2 or more (:func:`erqi_diff.compare.grouping.supported`); a section that
   joined and takes none of the other side's paragraphs leaves the group
   (:func:`erqi_diff.compare.grouping.drop_empty_parts`). A point of a numbered list left over whose neighbours in the
   list both went to its best counterpart goes there too, under the join floor (:mod:`erqi_diff.compare.siblings`).
5. **Outline.** A heading over subsections (三、2024年政府工作任务 over its
   ten tasks) pairs with the heading whose subsections hold most of the
   partners of its own subsections (at least two, more than half), as a
   reader pairs two task lists, if the roles are not opposed and the two
   are more than bare labels (one has text of its own, or both headings
   name the same role); a report's title (a heading over nearly all of
   it) takes no part. A heading with text of its own whose subsections
   all went to one section without subsections goes there too (its text
   opens what they say). When each report states its plan as a whole in
   one section (an overall heading, or a paragraph 今年工作的总体要求是…) and
   one of the two is left without a partner, the two go together, wherever
   each stands (:func:`erqi_diff.compare.grouping.overall_links`).
   :mod:`erqi_diff.compare.grouping` holds steps 4 and 5; a news page's verdict, boxes (of figures:
   :mod:`erqi_diff.compare.figures`) and commendation lines go as :mod:`erqi_diff.compare.verdict` and
   :mod:`erqi_diff.compare.honours` say.

Last, the sections left without a partner whose topic goes on in the own
text of their parent's partner (a five-year review's subsections against
a year's review in paragraphs), or in a passage after an address of
another paired section, are noted as ``folds``
(:mod:`erqi_diff.compare.fold`); so are the headings left without a
partner that hold no text of their own (or a line) but sections that are
paired (*regrouped*: the other report holds those sections under another
heading, or under none). Both stay unpaired.

Large inputs: when the two reports hold more than :data:`ALL_PAIRS_LIMIT`
candidate pairs after the anchors, a section is compared only with those
sharing one of its rarest n-grams and with its neighbours in place.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from dataclasses import dataclass, replace

from erqi_diff.compare.fold import Fold, FoldKind, find_folds, find_regrouped
from erqi_diff.compare.anchors import NEAR_SAME, _anchors, _news_lead, openings, review_in_opening  # noqa: F401 (NEAR_SAME, _news_lead: the doc's, tests')
from erqi_diff.compare.figures import figure_links
from erqi_diff.compare.followup import follow_ups
from erqi_diff.compare.honours import honour_links
from erqi_diff.compare.siblings import sibling_joins
from erqi_diff.compare.grouping import (Basis, Link, Relation, drop_empty_parts, in_order, join, kinds_agree,
                                        joinable, outline_links, overall_links, partners)
from erqi_diff.compare.outline import Outline, Role, outline, overall
from erqi_diff.compare.verdict import kept_apart, spoken, spoken_links, verdict, verdict_link
from erqi_diff.compare.topics import (BIG_TEXT, MIN_DF, Weights, cosine, cosines, heading_words, ngrams, section_terms,
                                      topic_text)
from erqi_diff.core.document import Section

#: Pairs scoring below this are not made (see the module doc).
FLOOR = 0.12
#: Share of a pair's score that the likeness of the headings may give.
HEADING_WEIGHT = 0.3
#: Factor on the score of a pair where one section's role is not told.
UNTOLD_FACTOR = 0.85
#: Bonus for two sections at the same relative place in their reports.
ORDER_BONUS = 0.03
#: An overall plan (总体要求, 总体部署, 奋斗目标和指导方针) and a section that is not one pair from this score on:
#: the overall plan sums up every task, and shares some of its words with each.
OVERALL_FLOOR = 0.25
#: A section joins a pair as a split or merge from this score on (a stronger claim than a pair).
JOIN_FLOOR = 0.15
#: A section left over takes a counterpart left over when that scores this share of its best (else it may join its best's pair).
LEFT_SHARE = 0.8
#: A pair paired outright whose texts keep this share of their characters word for word takes no split or merge.
KEPT_SHARE = 0.8
#: Sections left over are read against the pairs made outright only below this many characters of text in all.
OUTRIGHT_TEXT_LIMIT = 100_000
#: Above this many candidate pairs, compare only likely candidates.
ALL_PAIRS_LIMIT = 40_000
_SIGNATURE = 24


@dataclass(frozen=True)
class SectionPairing:
    """The pairing of two reports' sections: ``links`` sorted by newer then
    older section; the sections of each report that no link holds; the role
    of every section of each report; ``folds``: the unpaired sections whose
    topic goes on in the text of their parent's partner or of another paired section,
    and the unpaired headings over paired sections (regrouped)
    (:mod:`erqi_diff.compare.fold`; they stay in ``unpaired_a``/``unpaired_b``)."""

    links: tuple[Link, ...]
    unpaired_a: tuple[int, ...]
    unpaired_b: tuple[int, ...]
    roles_a: tuple[Role, ...]
    roles_b: tuple[Role, ...]
    folds: tuple[Fold, ...] = ()

    def partners_of_a(self, i: int) -> list[int]:
        return [link.b for link in self.links if link.a == i]

    def partners_of_b(self, j: int) -> list[int]:
        return [link.a for link in self.links if link.b == j]


class _Topics:
    """N-gram vectors of the texts and headings of the sections still to
    pair (``rest_a`` of the older report, ``rest_b`` of the newer), with the
    weights of words over those sections (and the background). From
    :data:`erqi_diff.compare.topics.BIG_TEXT` characters of text on, the
    text vectors are made with numpy (:mod:`erqi_diff.compare.bigtopics`:
    the same values)."""

    def __init__(self, a: Sequence[Section], b: Sequence[Section], rest_a: Sequence[int], rest_b: Sequence[int],
                 background: Sequence[Section], big_text: int | None = None) -> None:
        heads_a = {i: ngrams(heading_words(a[i].heading)) for i in rest_a}
        heads_b = {j: ngrams(heading_words(b[j].heading)) for j in rest_b}
        heads = Weights([*heads_a.values(), *heads_b.values(), *(ngrams(heading_words(s.heading)) for s in background)],
                        min_df=1)
        self.hvec_a = {i: heads.vector(g) for i, g in heads_a.items()}
        self.hvec_b = {j: heads.vector(g) for j, g in heads_b.items()}
        self._contents: dict[tuple[int, int], float] = {}
        self.texts = ({i: bool(a[i].paragraphs) for i in rest_a}, {j: bool(b[j].paragraphs) for j in rest_b})
        self.batch = _batch([*(a[i] for i in rest_a), *(b[j] for j in rest_b), *background],
                            BIG_TEXT if big_text is None else big_text)
        self.grams: tuple[dict[int, Counter], dict[int, Counter]] = ({}, {})  # the terms read, for the folds
        if self.batch is not None:
            self._doc_a = {i: k for k, i in enumerate(rest_a)}
            self._doc_b = {j: k + len(rest_a) for k, j in enumerate(rest_b)}
            return
        grams_a = {i: section_terms(a[i]) for i in rest_a}
        grams_b = {j: section_terms(b[j]) for j in rest_b}
        self.grams = (grams_a, grams_b)
        extra = [section_terms(s) for s in background]
        words = Weights([*grams_a.values(), *grams_b.values(), *extra])
        self._idf: Mapping[Any, float] = words.idf
        self._words = ({i: words.vector(g) for i, g in grams_a.items()}, {j: words.vector(g) for j, g in grams_b.items()})
        self._vec_a: Mapping[int, Mapping[Any, float]] = self._words[0]
        self._vec_b: Mapping[int, Mapping[Any, float]] = self._words[1]

    @property
    def idf(self) -> Mapping[Any, float]:
        """Term -> inverse document frequency (a term is a number on the numpy path)."""
        if self.batch is not None and not hasattr(self, "_idf"):
            self._idf = dict(enumerate(self.batch.idf.tolist()))
        return self._idf

    @property
    def vec_a(self) -> Mapping[int, Mapping[Any, float]]:
        if self.batch is not None and not hasattr(self, "_vec_a"):
            self._vec_a = {i: self.batch.vector(k) for i, k in self._doc_a.items()}
        return self._vec_a

    @property
    def vec_b(self) -> Mapping[int, Mapping[Any, float]]:
        if self.batch is not None and not hasattr(self, "_vec_b"):
            self._vec_b = {j: self.batch.vector(k) for j, k in self._doc_b.items()}
        return self._vec_b

    def content(self, i: int, j: int) -> float:
        if (i, j) not in self._contents:
            self.prepare([(i, j)])
        return self._contents[i, j]

    def prepare(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Take the content similarities of ``pairs`` at once (see :func:`erqi_diff.compare.topics.cosines`)."""
        if self.batch is None:
            self._contents.update(cosines(*self._words, pairs))
            return
        pairs = list(pairs)
        found = self.batch.cosines([(self._doc_a[i], self._doc_b[j]) for i, j in pairs])
        self._contents.update(zip(pairs, found))

    def heading(self, i: int, j: int) -> float:
        return cosine(self.hvec_a[i], self.hvec_b[j])

    def score(self, i: int, j: int) -> float:
        """The topic score of older ``i`` and newer ``j`` (:func:`score`), roles aside."""
        return score(self.content(i, j) if self.texts[0][i] and self.texts[1][j] else None, self.heading(i, j))

    def contents(self) -> Mapping[tuple[int, int], float]:
        """The content similarities taken so far (:meth:`prepare`)."""
        return self._contents

    def headings_sharing(self) -> set[tuple[int, int]]:
        """The pairs whose headings share a term (the others' cosine is 0.0)."""
        postings: dict[Any, list[int]] = {}
        for j, v in self.hvec_b.items():
            for g in v:
                postings.setdefault(g, []).append(j)
        return {(i, j) for i, u in self.hvec_a.items() for g in u for j in postings.get(g, ())}


def _batch(sections: Sequence[Section], big_text: int):
    """The vectors of ``sections`` made with numpy when their topic texts
    hold ``big_text`` characters or more (and their n-grams fit in 64-bit
    numbers), else None."""
    texts = [topic_text(s) for s in sections]
    if sum(map(len, texts)) < big_text:
        return None
    from erqi_diff.compare.bigtopics import TermBatch

    return TermBatch.build(texts, MIN_DF)


def score(content: float | None, heading: float) -> float:
    """A pair's score from the similarity of its texts (None when a side
    has no text) and of its headings."""
    if content is None:
        return heading * (1 - HEADING_WEIGHT)
    return max(content, (1 - HEADING_WEIGHT) * content + HEADING_WEIGHT * heading)


def _candidates(t: _Topics, rest_a: list[int], rest_b: list[int]) -> set[tuple[int, int]]:
    """Pairs worth scoring when all against all is too much: sections
    sharing one of their rarest n-grams, and sections at about the same place."""
    if len(rest_a) * len(rest_b) <= ALL_PAIRS_LIMIT:
        return {(i, j) for i in rest_a for j in rest_b}
    idf = t.idf
    out: set[tuple[int, int]] = set()
    for mine, theirs, vectors, others, flip in ((rest_a, rest_b, t.vec_a, t.vec_b, False),
                                               (rest_b, rest_a, t.vec_b, t.vec_a, True)):
        postings: dict[Any, list[int]] = {}
        for y in theirs:
            for g in others[y]:
                postings.setdefault(g, []).append(y)
        n, m = len(mine), len(theirs)
        for pos, x in enumerate(mine):
            rare = heapq.nlargest(_SIGNATURE, (g for g in vectors[x] if g in postings), key=idf.__getitem__)
            near = [theirs[q] for q in range(max(0, round(pos * m / n) - 2), min(m, round(pos * m / n) + 3))]
            for y in [*(y for g in rare for y in postings[g]), *near]:
                out.add((y, x) if flip else (x, y))
    return out


def pair_sections(a: Sequence[Section], b: Sequence[Section], present_a: int | None = None,
                  present_b: int | None = None, background: Sequence[Section] = ()) -> SectionPairing:
    """Pair the sections of two reports, older ``a`` and newer ``b``, as
    the module doc explains. ``present_a``/``present_b``: the years the
    reports were given (their dates' years), which tell a past year's
    review from this year's plan; ``background``: sections of other reports
    of the series, which make the weights of words the series' own."""
    oa, ob = outline(a, present_a), outline(b, present_b)
    n, m = len(a), len(b)
    links: dict[tuple[int, int], Link] = {}
    for i, j, basis in _anchors(a, b, oa, ob):
        links[i, j] = Link(i, j, 1.0, Relation.ONE, basis)
    paired_a = {link.a for link in links.values()}
    paired_b = {link.b for link in links.values()}
    rest_a = [i for i in range(n) if i not in paired_a]
    rest_b = [j for j in range(m) if j not in paired_b]
    t = _Topics(a, b, rest_a, rest_b, background)

    def bonus(i: int, j: int) -> float:
        return ORDER_BONUS * (1 - abs((i + 0.5) / n - (j + 0.5) / m))

    kind_a, kind_b, allowed = _allowed(oa, ob)
    # not read against one topic: a box of a speaker's words (on the whole year: verdict.spoken_links), a box of
    # highlights but by a section telling two of its items, the verdicts of two reports but each other
    said_a, said_b = {i for i in range(n) if spoken(a[i])}, {j for j in range(m) if spoken(b[j])}
    tops = verdict(a, oa), verdict(b, ob)  # each report's verdict on the year (news pages), if any
    untold = kept_apart(a, b, tops, FLOOR)
    kept = [(i, j, f) for i, j in _candidates(t, rest_a, rest_b)
            if i not in said_a and j not in said_b and (i, j) not in untold and (f := allowed[kind_a[i]][kind_b[j]])]
    text_a, text_b = [bool(s.paragraphs) for s in a], [bool(s.paragraphs) for s in b]
    t.prepare((i, j) for i, j, _ in kept if text_a[i] and text_b[j])
    contents, heads = t.contents(), t.headings_sharing()
    scored = {}
    for i, j, factor in kept:
        # headings sharing no term have a cosine of 0.0, and a text's score with such a heading is its own
        h = cosine(t.hvec_a[i], t.hvec_b[j]) if (i, j) in heads else 0.0
        if text_a[i] and text_b[j]:
            scored[i, j] = factor * (score(contents[i, j], h) if h else contents[i, j])
        else:
            scored[i, j] = factor * score(None, h)
    whole_a = [overall(x.heading, bool(oa.children[k])) for k, x in enumerate(a)]
    whole_b = [overall(y.heading, bool(ob.children[k])) for k, y in enumerate(b)]
    ranked = {k: s + bonus(*k) for k, s in scored.items()
              if s >= (OVERALL_FLOOR if whole_a[k[0]] != whole_b[k[1]] else FLOOR)}
    best_a, best_b = _bests(ranked)
    # one to one: sections that are each other's best counterpart; then, among
    # the sections left, one whose best counterpart is left too, if it is that one's best of those left
    chosen = set(best_a.values()) & set(best_b.values())
    while chosen:
        for i, j in sorted(chosen, key=ranked.__getitem__, reverse=True):
            if i not in paired_a and j not in paired_b:
                links[i, j] = Link(i, j, round(scored[i, j], 4), Relation.ONE, Basis.TOPIC)
                paired_a.add(i)
                paired_b.add(j)
        chosen = _left_best(ranked, best_a, best_b, paired_a, paired_b)
    if 0 not in paired_a and 0 not in paired_b and openings(a, b, oa, ob):
        links[0, 0] = Link(0, 0, round(t.score(0, 0), 4), Relation.ONE, Basis.OUTLINE)
        paired_a.add(0)
        paired_b.add(0)
    # splits and merges: a section left over joins the pair of its best partner, or of one paired outright
    may = lambda i, j: 0.0 if i in said_a or j in said_b or (i, j) in untold else allowed[kind_a[i]][kind_b[j]]
    _anchored_bests(a, b, oa, ob, list(links), background, rest_a, rest_b, paired_a, paired_b, best_a, best_b,
                    scored, ranked, may, bonus)
    left = [in_order(best_a[i], 0, ranked, links, ob) for i in rest_a if i not in paired_a and i in best_a]
    left += [in_order(best_b[j], 1, ranked, links, oa) for j in rest_b if j not in paired_b and j in best_b]
    for i, j in sorted(left, key=ranked.__getitem__, reverse=True):
        if (i not in paired_a or j not in paired_b) and scored[i, j] >= JOIN_FLOOR \
                and joinable(ranked, links, a, b, oa, ob, i, j, joining_a=i not in paired_a):
            join(links, i, j, round(scored[i, j], 4), oa, ob, joining_a=i not in paired_a)
    drop_empty_parts(links, a, b)
    sibling_joins(links, a, b, oa, ob, best_a, best_b, lambda i, j: scored[i, j])
    for i, j, s in review_in_opening(oa, ob, links, lambda i, j: t.score(i, j) if i in t.texts[0] and j in t.texts[1]
                                     else 0.0, JOIN_FLOOR):
        links[i, j] = Link(i, j, round(s, 4), Relation.ONE, Basis.TOPIC)
    figure_links(a, b, oa, ob, links, may)
    outline_links(links, a, b, oa, ob)
    overall_links(links, a, b, oa, ob)
    honour_links(a, b, oa, ob, links)
    verdicts = verdict_link(links, tops)
    spoken_links(a, b, oa, ob, links, verdicts, (_news_lead(a), _news_lead(b)))
    of_a, of_b = partners(links, 0), partners(links, 1)
    folds = find_folds(a, b, oa, ob, of_a, of_b, t.grams) + find_regrouped(a, b, oa, ob, of_a, of_b)
    # a plan left without a partner (nor a fold: a partner of its role) beside the next report's review of its year
    told_a = {f.section for f in folds if f.kind in (FoldKind.FOLDED, FoldKind.UNWRAPPED)}
    told_b = {f.section for f in folds if f.kind in (FoldKind.DRAWN, FoldKind.WRAPPED)}
    for link in follow_ups(a, b, oa, ob, present_a, present_b, {x for x, _ in links} | told_a | said_a,
                           {y for _, y in links} | told_b | said_b, rest_a, rest_b, t.score):
        links[link.a, link.b] = link
    return replace(_result(links, oa, ob, n, m), folds=folds)


def _anchored_bests(a: Sequence[Section], b: Sequence[Section], oa: Outline, ob: Outline, links: Iterable[tuple[int, int]],
                    background: Sequence[Section], rest_a: Sequence[int], rest_b: Sequence[int], paired_a: set[int],
                    paired_b: set[int], best_a: dict[int, tuple[int, int]], best_b: dict[int, tuple[int, int]],
                    scored: dict[tuple[int, int], float], ranked: dict[tuple[int, int], float],
                    factor: Callable[[int, int], float], bonus: Callable[[int, int], float]) -> None:
    """A section left over after the one-to-one step may go on in a section
    paired outright (by its heading or text: 1993's 四、认真进行行政管理体制和政府机构改革
    in 1994's 三、加快建立社会主义市场经济体制, paired with 1993's 三 by heading): score
    the sections left against those paired outright (weights over both sets),
    and make such a pair their best when it beats their best so far, so that
    they join it as a merge or split (step 4). The openings take no part."""
    rest = (set(rest_a), set(rest_b))
    left_a = [i for i in rest_a if i not in paired_a]
    left_b = [j for j in rest_b if j not in paired_b]
    kept = [k for k in links if _rewritten(a[k[0]], b[k[1]])]
    fixed_a = sorted({i for i, _ in kept if i not in rest[0] and i != oa.opening})
    fixed_b = sorted({j for _, j in kept if j not in rest[1] and j != ob.opening})
    if not ((left_a and fixed_b) or (left_b and fixed_a)) \
            or sum(len(topic_text(x[k])) for x, ks in ((a, left_a), (a, fixed_a), (b, left_b), (b, fixed_b))
                   for k in ks) >= OUTRIGHT_TEXT_LIMIT:
        return  # large inputs (a report of hundreds of thousands of characters): not tried
    t = _Topics(a, b, [*left_a, *fixed_a], [*left_b, *fixed_b], background)
    pairs = [k for k in [*((i, j) for i in left_a for j in fixed_b), *((i, j) for i in fixed_a for j in left_b)]
             if factor(*k)]
    t.prepare(k for k in pairs if t.texts[0][k[0]] and t.texts[1][k[1]])
    for i, j in pairs:
        if (s := factor(i, j) * t.score(i, j)) >= FLOOR:
            scored[i, j] = s
            ranked[i, j] = s + bonus(i, j)
            if i in rest[0] and (i not in best_a or ranked[i, j] > ranked[best_a[i]]):
                best_a[i] = (i, j)
            if j in rest[1] and (j not in best_b or ranked[i, j] > ranked[best_b[j]]):
                best_b[j] = (i, j)


def _rewritten(x: Section, y: Section) -> bool:
    """Less than :data:`KEPT_SHARE` of the characters of either section's text
    stands in paragraphs the other has word for word: a pair kept nearly as
    it was holds nothing of a third section."""
    px, py = set(x.paragraphs), set(y.paragraphs)
    for mine, theirs in ((x.paragraphs, py), (y.paragraphs, px)):
        total = sum(map(len, mine))
        if total and sum(len(p) for p in mine if p in theirs) >= KEPT_SHARE * total:
            return False
    return True


def _bests(ranked: dict[tuple[int, int], float]) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int]]]:
    """The best pair of each older section, and of each newer one."""
    best_a: dict[int, tuple[int, int]] = {}
    best_b: dict[int, tuple[int, int]] = {}
    for k, r in ranked.items():
        if k[0] not in best_a or r > ranked[best_a[k[0]]]:
            best_a[k[0]] = k
        if k[1] not in best_b or r > ranked[best_b[k[1]]]:
            best_b[k[1]] = k
    return best_a, best_b


def _left_best(ranked: dict[tuple[int, int], float], best_a: dict[int, tuple[int, int]],
               best_b: dict[int, tuple[int, int]], paired_a: set[int], paired_b: set[int]) -> set[tuple[int, int]]:
    """Pairs of sections not yet paired where one's best counterpart is the
    other, and that one's best among the sections not yet paired is the first."""
    left_a: dict[int, tuple[int, int]] = {}
    left_b: dict[int, tuple[int, int]] = {}
    for k, r in ranked.items():
        if k[0] in paired_a or k[1] in paired_b:
            continue
        if k[0] not in left_a or r > ranked[left_a[k[0]]]:
            left_a[k[0]] = k
        if k[1] not in left_b or r > ranked[left_b[k[1]]]:
            left_b[k[1]] = k
    return ({k for i, k in best_a.items() if i not in paired_a and left_b.get(k[1]) == k
             and ranked[k] >= LEFT_SHARE * ranked[best_b[k[1]]]}
            | {k for j, k in best_b.items() if j not in paired_b and left_a.get(k[0]) == k
               and ranked[k] >= LEFT_SHARE * ranked[best_a[k[0]]]})


def _allowed(oa: Outline, ob: Outline) -> tuple[list[int], list[int], list[list[float]]]:
    """What structure allows (see the module doc) depends on a few traits of
    each section: the kind of each section of both reports, and for each
    two kinds the factor on the pair's score (0 when not allowed)."""
    def kinds(o: Outline) -> tuple[list[int], list[int]]:
        traits = [(o.role[k], _item(o, k), bool(o.children[k]), k in o.asides, k == o.opening)
                  for k in range(len(o.role))]
        numbers: dict[tuple, int] = {}
        first: list[int] = []
        for k, trait in enumerate(traits):
            if trait not in numbers:
                numbers[trait] = len(first)
                first.append(k)
        return [numbers[trait] for trait in traits], first

    kind_a, first_a = kinds(oa)
    kind_b, first_b = kinds(ob)
    table = [[f if (f := _role_factor(oa.role[i], ob.role[j])) and _levels_agree(oa, ob, i, j)
              and kinds_agree(oa, ob, i, j) else 0.0 for j in first_b] for i in first_a]
    return kind_a, kind_b, table


def _role_factor(x: Role, y: Role) -> float:
    if not x.compatible(y):
        return 0.0
    return 1.0 if x is y else UNTOLD_FACTOR


def _levels_agree(oa: Outline, ob: Outline, i: int, j: int) -> bool:
    """An item of a list (a section under a heading that holds several) is
    not read against a heading over a list of its own: tasks go with tasks,
    parts with parts."""
    return not ((_item(oa, i) and ob.children[j]) or (_item(ob, j) and oa.children[i]))


def _item(o: Outline, k: int) -> bool:
    """Section ``k`` is an item of a list: under a heading that holds several, with none below it."""
    p = o.parent[k]
    return p is not None and len(o.children[p]) > 1 and not o.children[k]


def _result(links: dict[tuple[int, int], Link], oa: Outline, ob: Outline, n: int, m: int) -> SectionPairing:
    by_a = Counter(i for i, _ in links)
    by_b = Counter(j for _, j in links)
    final = []
    for (i, j), link in links.items():
        relation = Relation.SPLIT if by_a[i] > 1 else Relation.MERGE if by_b[j] > 1 else Relation.ONE
        final.append(Link(i, j, link.score, relation, link.basis))
    final.sort(key=lambda k: (k.b, k.a))
    return SectionPairing(tuple(final), tuple(i for i in range(n) if not by_a[i]),
                          tuple(j for j in range(m) if not by_b[j]), oa.role, ob.role)


def present_year(snapshot) -> int:
    """The year a report was given: its date's year (the 2017 review given in
    January 2018 speaks of 2018 as 今年), else its year in the series."""
    date = str(getattr(snapshot, "date", "") or "")
    return int(date[:4]) if date[:4].isdigit() else int(snapshot.year)


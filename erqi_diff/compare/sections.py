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
   (up to :data:`erqi_diff.compare.scoring.HEADING_WEIGHT`); a section without text is judged by its heading. A pair where one
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
   name the same role; a bare label naming a role goes only with a heading
   naming that role); a report's title (a heading over nearly all of
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

Large inputs: when the two reports hold more than :data:`erqi_diff.compare.scoring.ALL_PAIRS_LIMIT`
candidate pairs after the anchors, a section is compared only with those
sharing one of its rarest n-grams and with its neighbours in place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

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
from erqi_diff.compare.scoring import Topics, candidates, score
from erqi_diff.compare.topics import cosine, topic_text
from erqi_diff.core.document import Section

#: Pairs scoring below this are not made (see the module doc).
FLOOR = 0.12
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


def pair_sections(a: Sequence[Section], b: Sequence[Section], present_a: int | None = None,
                  present_b: int | None = None, background: Sequence[Section] = ()) -> SectionPairing:
    """Pair the sections of two reports, older ``a`` and newer ``b``, as
    the module doc explains. ``present_a``/``present_b``: the years the
    reports were given (their dates' years), which tell a past year's
    review from this year's plan; ``background``: sections of other reports
    of the series, which make the weights of words the series' own."""
    w = _Work.start(a, b, outline(a, present_a), outline(b, present_b), background)
    _score(w)
    _one_to_one(w)
    _splits_and_merges(w)
    _by_structure(w)
    return _finish(w, present_a, present_b)


@dataclass
class _Work:
    """What the steps of :func:`pair_sections` share: the two reports and
    their outlines, the links made so far and the sections they hold, the
    sections left after the anchors (``rest_a``, ``rest_b``) with their
    topics, what structure allows, and the topic scores (``scored``; with
    the order bonus, above the floors: ``ranked``) with each section's best."""

    a: Sequence[Section]
    b: Sequence[Section]
    oa: Outline
    ob: Outline
    background: Sequence[Section]
    links: dict[tuple[int, int], Link]
    paired_a: set[int]
    paired_b: set[int]
    rest_a: list[int]
    rest_b: list[int]
    t: Topics
    kinds: tuple[list[int], list[int], list[list[float]]]
    said: tuple[set[int], set[int]]  # boxes of a speaker's words (on the whole year: verdict.spoken_links)
    tops: tuple[int | None, int | None]  # each report's verdict on the year (news pages), if any
    untold: set[tuple[int, int]]  # pairs not read against one topic (verdict.kept_apart)
    scored: dict[tuple[int, int], float] = field(default_factory=dict)
    ranked: dict[tuple[int, int], float] = field(default_factory=dict)
    best_a: dict[int, tuple[int, int]] = field(default_factory=dict)
    best_b: dict[int, tuple[int, int]] = field(default_factory=dict)

    @classmethod
    def start(cls, a: Sequence[Section], b: Sequence[Section], oa: Outline, ob: Outline,
              background: Sequence[Section]) -> _Work:
        """Step 1, the anchors, and what the later steps need."""
        links = {(i, j): Link(i, j, 1.0, Relation.ONE, basis) for i, j, basis in _anchors(a, b, oa, ob)}
        paired_a, paired_b = {i for i, _ in links}, {j for _, j in links}
        rest_a = [i for i in range(len(a)) if i not in paired_a]
        rest_b = [j for j in range(len(b)) if j not in paired_b]
        tops = verdict(a, oa), verdict(b, ob)
        return cls(a, b, oa, ob, background, links, paired_a, paired_b, rest_a, rest_b,
                   Topics(a, b, rest_a, rest_b, background), _allowed(oa, ob),
                   ({i for i, x in enumerate(a) if spoken(x)}, {j for j, y in enumerate(b) if spoken(y)}), tops,
                   kept_apart(a, b, tops, FLOOR, oa, ob))

    def bonus(self, i: int, j: int) -> float:
        return ORDER_BONUS * (1 - abs((i + 0.5) / len(self.a) - (j + 0.5) / len(self.b)))

    def may(self, i: int, j: int) -> float:
        """The factor structure puts on a pair (0: not read by topic)."""
        if i in self.said[0] or j in self.said[1] or (i, j) in self.untold:
            return 0.0
        kind_a, kind_b, allowed = self.kinds
        return allowed[kind_a[i]][kind_b[j]]

    def pair(self, i: int, j: int, score: float, basis: Basis) -> None:
        self.links[i, j] = Link(i, j, round(score, 4), Relation.ONE, basis)
        self.paired_a.add(i)
        self.paired_b.add(j)


def _score(w: _Work) -> None:
    """Step 2: the topic score of every pair structure allows, and each section's best."""
    t = w.t
    kept = [(i, j, f) for i, j in candidates(t, w.rest_a, w.rest_b) if (f := w.may(i, j))]
    text_a, text_b = [bool(s.paragraphs) for s in w.a], [bool(s.paragraphs) for s in w.b]
    t.prepare((i, j) for i, j, _ in kept if text_a[i] and text_b[j])
    contents, heads = t.contents(), t.headings_sharing()
    for i, j, factor in kept:
        # headings sharing no term have a cosine of 0.0, and a text's score with such a heading is its own
        h = cosine(t.hvec_a[i], t.hvec_b[j]) if (i, j) in heads else 0.0
        if text_a[i] and text_b[j]:
            w.scored[i, j] = factor * (score(contents[i, j], h) if h else contents[i, j])
        else:
            w.scored[i, j] = factor * score(None, h)
    whole_a = [overall(x.heading, bool(w.oa.children[k])) for k, x in enumerate(w.a)]
    whole_b = [overall(y.heading, bool(w.ob.children[k])) for k, y in enumerate(w.b)]
    w.ranked.update((k, s + w.bonus(*k)) for k, s in w.scored.items()
                    if s >= (OVERALL_FLOOR if whole_a[k[0]] != whole_b[k[1]] else FLOOR))
    w.best_a, w.best_b = _bests(w.ranked)


def _one_to_one(w: _Work) -> None:
    """Step 3: sections that are each other's best counterpart; then, among
    the sections left, one whose best counterpart is left too, if it is that
    one's best of those left; and the two untitled openings."""
    chosen = set(w.best_a.values()) & set(w.best_b.values())
    while chosen:
        for i, j in sorted(chosen, key=w.ranked.__getitem__, reverse=True):
            if i not in w.paired_a and j not in w.paired_b:
                w.pair(i, j, w.scored[i, j], Basis.TOPIC)
        chosen = _left_best(w.ranked, w.best_a, w.best_b, w.paired_a, w.paired_b)
    if 0 not in w.paired_a and 0 not in w.paired_b and openings(w.a, w.b, w.oa, w.ob):
        w.pair(0, 0, w.t.score(0, 0), Basis.OUTLINE)


def _splits_and_merges(w: _Work) -> None:
    """Step 4: a section left over joins the pair of its best partner, or of one paired outright."""
    _anchored_bests(w.a, w.b, w.oa, w.ob, list(w.links), w.background, w.rest_a, w.rest_b, w.paired_a, w.paired_b,
                    w.best_a, w.best_b, w.scored, w.ranked, w.may, w.bonus)
    left = [in_order(w.best_a[i], 0, w.ranked, w.links, w.ob) for i in w.rest_a if i not in w.paired_a and i in w.best_a]
    left += [in_order(w.best_b[j], 1, w.ranked, w.links, w.oa) for j in w.rest_b if j not in w.paired_b and j in w.best_b]
    for i, j in sorted(left, key=w.ranked.__getitem__, reverse=True):
        joining_a = i not in w.paired_a
        if (joining_a or j not in w.paired_b) and w.scored[i, j] >= JOIN_FLOOR \
                and joinable(w.ranked, w.links, w.a, w.b, w.oa, w.ob, i, j, joining_a=joining_a):
            join(w.links, i, j, round(w.scored[i, j], 4), w.oa, w.ob, joining_a=joining_a)
    drop_empty_parts(w.links, w.a, w.b)
    sibling_joins(w.links, w.a, w.b, w.oa, w.ob, w.best_a, w.best_b, lambda i, j: w.scored[i, j])


def _by_structure(w: _Work) -> None:
    """Step 5 and a news page's parts: the review in an opening, the boxes of
    figures, the outline, the overall plans, commendation lines, the
    verdicts and the boxes of a speaker's words."""
    a, b, oa, ob, links, t = w.a, w.b, w.oa, w.ob, w.links, w.t
    for i, j, s in review_in_opening(oa, ob, links, lambda i, j: t.score(i, j) if i in t.texts[0] and j in t.texts[1]
                                     else 0.0, JOIN_FLOOR):
        links[i, j] = Link(i, j, round(s, 4), Relation.ONE, Basis.TOPIC)
    figure_links(a, b, oa, ob, links, w.may)
    verdicts = verdict_link(links, w.tops, oa, ob)  # first: a heading under a verdict is read within it
    outline_links(links, a, b, oa, ob)
    overall_links(links, a, b, oa, ob)
    honour_links(a, b, oa, ob, links)
    spoken_links(a, b, oa, ob, links, verdicts, (_news_lead(a), _news_lead(b)))


def _finish(w: _Work, present_a: int | None, present_b: int | None) -> SectionPairing:
    """The folds, and a plan left without a partner (nor a fold: a partner
    of its role) beside the next report's review of its year."""
    a, b, oa, ob, links = w.a, w.b, w.oa, w.ob, w.links
    of_a, of_b = partners(links, 0), partners(links, 1)
    folds = find_folds(a, b, oa, ob, of_a, of_b, w.t.grams) + find_regrouped(a, b, oa, ob, of_a, of_b)
    told_a = {f.section for f in folds if f.kind in (FoldKind.FOLDED, FoldKind.UNWRAPPED)}
    told_b = {f.section for f in folds if f.kind in (FoldKind.DRAWN, FoldKind.WRAPPED)}
    for link in follow_ups(a, b, oa, ob, present_a, present_b, {x for x, _ in links} | told_a | w.said[0],
                           {y for _, y in links} | told_b | w.said[1], w.rest_a, w.rest_b, w.t.score):
        links[link.a, link.b] = link
    return replace(_result(links, oa, ob, len(a), len(b)), folds=folds)


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
    t = Topics(a, b, [*left_a, *fixed_a], [*left_b, *fixed_b], background)
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
        traits = [(o.role[k], o.point(k), bool(o.children[k]), k in o.asides, k == o.opening)
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
    return not ((oa.point(i) and ob.children[j]) or (ob.point(j) and oa.children[i]))


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


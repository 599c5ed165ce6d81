"""A year's plan read against the next report's review of that year (the
last step of :mod:`erqi_diff.compare.sections`).

A report given in year Y plans year Y (今年, 2017年确定为项目建设奋力推进年:
the projects, the 安置房 to start, the roads to open); the next report,
given in Y+1, reviews year Y, often in sections on the same topics (重点项目,
新型城镇化: the same projects named again, now done). A reader holding the
two puts the plan beside its outcome, although a review is never read
against a plan otherwise. So once the sections are paired by role, a plan
section of the older report left without a partner is paired with a
review section of the newer left without one when:

- the newer report was given the year after the older one (the review is
  of the year the plan was for), and the review section does not tell the
  year it is given in so far (今年以来, 今年上半年: :func:`this_year`; an
  article of October reviews that year's first half, not the year before);
- their topic score (as in step 2: texts and headings) is at least
  :data:`FOLLOW_FLOOR`, a stricter floor than a pair of one role's (the
  texts differ in tense and in purpose; what they share is what they
  name: projects, places, figures of scope);
- each is the other's best such counterpart and leads every rival on both
  sides by :data:`LEAD`.

Such a pair is one to one, marked :attr:`Basis.FOLLOWUP`: its text differs
throughout (what was to be done against what was done), and the views say
so rather than a similarity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from erqi_diff.compare.grouping import Basis, Link, Relation, kinds_agree, may_link
from erqi_diff.compare.outline import Outline, Role
from erqi_diff.core.document import Section

#: A review of the year it is given in, so far (今年以来, 今年上半年, 今年前三季度): not the year before.
_THIS_YEAR = re.compile(r"今年(?:以来|上半年|前[一二三四五六七八九十]+(?:个月|个?季度))")
#: A plan and the next report's review of its year pair from this topic score on.
FOLLOW_FLOOR = 0.3
#: ... when that score is this many times every rival's, on both sides.
LEAD = 1.15


def follow_ups(a: Sequence[Section], b: Sequence[Section], oa: Outline, ob: Outline, present_a: int | None,
               present_b: int | None, held_a: set[int], held_b: set[int], rest_a: Sequence[int],
               rest_b: Sequence[int], scorer: Callable[[int, int], float]) -> list[Link]:
    """The plan sections of ``a`` (among ``rest_a``, not in ``held_a``) paired
    with the review sections of ``b`` that tell their outcome, as the module
    doc explains; ``scorer(i, j)`` is the topic score of a pair."""
    if present_a is None or present_b is None or present_b != present_a + 1:
        return []

    def free(o: Outline, sections: Sequence[Section], k: int, role: Role) -> bool:
        return o.role[k] is role and k not in o.titles and k != o.opening and bool(sections[k].heading)

    plans = [i for i in rest_a if i not in held_a and free(oa, a, i, Role.PLAN)]
    reviews = [j for j in rest_b if j not in held_b and free(ob, b, j, Role.REVIEW) and not this_year(b[j])]
    scores = {(i, j): s for i in plans for j in reviews
              if kinds_agree(oa, ob, i, j) and not (oa.children[i] and ob.children[j]) and (s := scorer(i, j))}
    tops: tuple[dict[int, list[float]], dict[int, list[float]]] = ({}, {})
    for k, s in scores.items():
        tops[0].setdefault(k[0], []).append(s)
        tops[1].setdefault(k[1], []).append(s)
    for top in (*tops[0].values(), *tops[1].values()):
        top.sort(reverse=True)

    def clear(k: tuple[int, int], side: int) -> bool:
        """``k`` is its section's best and leads the runner-up by LEAD."""
        top = tops[side][k[side]]
        return scores[k] == top[0] and (len(top) < 2 or scores[k] >= LEAD * top[1])

    links: dict[tuple[int, int], Link] = {}
    ranked = sorted((k for k, s in scores.items() if s >= FOLLOW_FLOOR), key=scores.__getitem__, reverse=True)
    for k in ranked:  # each the other's clear best
        if clear(k, 0) and clear(k, 1):
            links[k] = Link(*k, round(scores[k], 4), Relation.ONE, Basis.FOLLOWUP)
    paired = ({i for i, _ in links}, {j for _, j in links})
    for k in ranked:  # a section whose clear best is in such a pair joins it (the plan of two tasks told in one review)
        for side in (0, 1):
            if k[side] not in paired[side] and k[1 - side] in paired[1 - side] and clear(k, side) \
                    and may_link(links, *k):
                links[k] = Link(*k, round(scores[k], 4), Relation.ONE, Basis.FOLLOWUP)
                paired[side].add(k[side])
    return list(links.values())


def this_year(section: Section) -> bool:
    """The section reviews the year it is given in so far (今年以来…, 今年上半年…): a
    report given late in a year (an article of October on the first half) tells
    that year's outcome, not the last year's; it is no follow-up of a plan for the year before."""
    return any(_THIS_YEAR.search(p) for p in section.paragraphs)

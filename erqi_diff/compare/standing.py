"""Rules of standing: which sections may be read together in one split or merge.

A split puts one older section beside several newer ones (a merge the
reverse), which a reader reads as one telling of the topic cut in parts.
The parts stand at one rank in their report: the points of one list, or
the parts of the report. A point of a list (a section under a heading
that holds several, with none below it) and a heading over a list of its
own (a part with its points) are not two parts of one telling: the part
tells a topic with all its points, the point one task of another part.
Pairing already keeps a point from being read against a heading over a
list (step 2 of :mod:`erqi_diff.compare.sections`); :func:`mixed_ranks`
keeps a split or merge by topic (step 4) from putting the two in one group.
"""

from __future__ import annotations

from collections.abc import Mapping

from erqi_diff.compare.outline import Outline
from erqi_diff.compare.topics import heading_words
from erqi_diff.core.document import Section


def _ranks_differ(o: Outline, x: int, y: int) -> bool:
    """One of ``x`` and ``y`` is a point of a list, the other a heading over a list of its own."""
    return (o.point(x) and bool(o.children[y])) or (o.point(y) and bool(o.children[x]))


def mixed_ranks(links: Mapping[tuple[int, int], object], oa: Outline, ob: Outline, i: int, j: int,
                joining_a: bool) -> bool:
    """Older ``i`` joining newer ``j``'s pair as a merge (``joining_a``), or
    newer ``j`` joining older ``i``'s as a split, would put a point of a list
    and a heading over a list of its own in one group (1986's
    三、坚持把科技进步… a point of the 七五 tasks, beside 三、“七五”时期的经济体制改革
    over its six points, both from 1985's （二）关于经济体制改革): not joined."""
    if joining_a:
        return any(_ranks_differ(oa, i, x) for x, y in links if y == j)
    return any(_ranks_differ(ob, j, y) for x, y in links if x == i)


def share_an_area(x: Section, y: Section) -> bool:
    """The two sections name one area of work in common (:mod:`erqi_diff.compare.concepts`)."""
    from erqi_diff.compare.concepts import concept_terms
    from erqi_diff.compare.topics import topic_text

    return bool(concept_terms(heading_words(x.heading) + "\n" + topic_text(x)).keys()
                & concept_terms(heading_words(y.heading) + "\n" + topic_text(y)).keys())

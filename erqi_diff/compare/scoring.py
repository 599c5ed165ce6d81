"""The topic score of two sections (step 2 of :mod:`erqi_diff.compare.sections`):
the cosine of their vocabularies (:mod:`erqi_diff.compare.topics`, words
weighted by how distinctive they are among the sections still to pair and
the series' other reports) blended with the likeness of their headings, up
to :data:`HEADING_WEIGHT`; and which pairs are worth scoring (all of them
up to :data:`ALL_PAIRS_LIMIT`, else those sharing a rare n-gram or standing
at about the same place)."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from erqi_diff.compare.topics import (BIG_TEXT, MIN_DF, Weights, cosine, cosines, heading_words, ngrams, section_terms,
                                      topic_text)
from erqi_diff.core.document import Section

#: Share of a pair's score that the likeness of the headings may give.
HEADING_WEIGHT = 0.3
#: Above this many candidate pairs, compare only likely candidates.
ALL_PAIRS_LIMIT = 40_000
_SIGNATURE = 24


class Topics:
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


def candidates(t: Topics, rest_a: list[int], rest_b: list[int]) -> set[tuple[int, int]]:
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

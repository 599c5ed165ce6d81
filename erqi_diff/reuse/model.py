"""The results of the reuse audit: passages, their spans and differences,
formulas, the shares written before, and :class:`ReuseResult` holding them."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

# whitespace and punctuation: what a count of a passage's wording leaves out
_UNCOUNTED = re.compile(r"[\s，,。、；;：:！!？?（）()“”\"'《》—\-·…]")


def wording(text: str) -> str:
    """``text`` without whitespace and punctuation (what the rules of
    :mod:`erqi_diff.reuse.statistics` and :mod:`erqi_diff.reuse.known` count)."""
    return _UNCOUNTED.sub("", text)


class Kind(str, enum.Enum):
    """What a reused passage is: real copying, a formula (stock phrase,
    slogan, boilerplate found in many documents), a headline: a heading
    restating the text under it in the same text
    (:mod:`erqi_diff.reuse.headlines`), or a statistic: a statistics line
    said again with new figures (:mod:`erqi_diff.reuse.statistics`). Only
    copies count as reused wording."""

    COPY = "copy"
    FORMULA = "formula"
    HEADLINE = "headline"
    STATISTIC = "statistic"


@dataclass(frozen=True, slots=True)
class Span:
    """One side of a passage: ``text == docs[key][start:end]``.
    ``section`` is the heading of the section holding it, when known.

    JSON: ``{"key", "start", "end", "text", "section"}`` (``section`` null
    when not known); in an audit of snapshots (:class:`YearSpan`) the key is
    ``"year"``, an integer."""

    key: str
    start: int
    end: int
    text: str
    section: str | None = None


@dataclass(frozen=True, slots=True)
class YearSpan(Span):
    """A span of an audit of snapshots: ``key`` is a year (as text), given
    in JSON as ``"year"`` (an integer) instead of ``"key"``."""

    key: str = field(metadata={"json": None})

    __json_extra__ = ("year",)

    @property
    def year(self) -> int:
        return int(self.key)


@dataclass(frozen=True, slots=True)
class Difference:
    """One edit inside a passage: ``a`` (text in the first span) became ``b``;
    offsets are into the original texts.

    JSON: ``{"a", "b", "a_start", "a_end", "b_start", "b_end"}``."""

    a: str
    b: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int


@dataclass(frozen=True, slots=True)
class Passage:
    """A reused passage: span ``a`` (the earlier text, or the earlier place
    in the same text) and span ``b``. ``chars`` counts the characters the two
    share (whitespace not counted), ``similarity`` is 2 * chars over both
    spans' lengths (1.0 for verbatim), ``differences`` the edits, ``kind``
    copy, formula, headline or statistic, ``docs`` the documents in which the passage's
    text is found (its typical fingerprint's count). ``also``: for a copy in
    a series (between two texts, or inside one), the series' other texts
    (keys; years as text in an audit of snapshots) holding half its shared
    characters or more too
    (:meth:`erqi_diff.reuse.formulas.Classifier.recurring`): wording that
    recurs across the series, not carried from ``a`` to ``b`` alone;
    ``also_share`` the least share of them any of those texts holds (0.0
    when none).

    JSON: ``{"a": Span, "b": Span, "chars", "similarity", "differences":
    [Difference], "kind": "copy" | "formula" | "headline" | "statistic", "docs", "also": [str], "also_share"}``."""

    a: Span
    b: Span
    chars: int
    similarity: float
    differences: tuple[Difference, ...] = ()
    kind: Kind = Kind.COPY
    docs: int = 2
    also: tuple[str, ...] = ()
    also_share: float = 0.0
    # the exact matches the passage is made of: (start in a, start in b, length),
    # in prepared-text positions (see erqi_diff.reuse.fingerprint.prepare); not in JSON
    blocks: tuple[tuple[int, int, int], ...] = field(default=(), compare=False, repr=False,
                                                     metadata={"json": None})


@dataclass(frozen=True, slots=True)
class Formula:
    """A stock passage (its fingerprints are each in ``formula_docs``
    documents or more): ``span``, where it was seen first, and ``docs``,
    the most documents any of its fingerprints is in.

    JSON: ``{"span": Span, "docs"}``."""

    span: Span
    docs: int


@dataclass(frozen=True, slots=True)
class Ratio:
    """Of the ``chars`` characters of text ``key`` (whitespace not
    counted), ``before`` already stood in an earlier text by copying, and
    ``before_formulas`` counting formulas too; ``share`` and
    ``share_formulas`` are those over ``chars``.

    JSON: ``{"chars", "before", "before_formulas", "share", "share_formulas"}``."""

    key: str = field(metadata={"json": None})
    chars: int = 0
    before: int = 0
    before_formulas: int = 0

    __json_extra__ = ("share", "share_formulas")

    @property
    def share(self) -> float:
        return self.before / self.chars if self.chars else 0.0

    @property
    def share_formulas(self) -> float:
        return self.before_formulas / self.chars if self.chars else 0.0


@dataclass(frozen=True)
class ReuseResult:
    """Everything :func:`erqi_diff.reuse.audit.find_reuse` found.
    ``passages`` are longest first; ``ratios`` per key; ``matrix[x][y]`` is
    the share of text x's characters that also stand in text y (``x ==
    y``: repeated within x), copies only, and ``matrix_formulas`` the same
    counting formulas; ``params`` the fingerprinting and seeding parameters
    (k, w, formula_docs, maxdf, minmatch). What ``erqi-diff reuse --json``
    prints is :meth:`listing`."""

    keys: tuple[str, ...]
    passages: tuple[Passage, ...]
    formulas: tuple[Formula, ...]
    ratios: dict[str, Ratio]
    matrix: dict[str, dict[str, float]]
    matrix_formulas: dict[str, dict[str, float]]
    min_chars: int
    params: dict = field(default_factory=dict)
    years: bool = False  # the keys are years (an audit of snapshots: spans are YearSpan)

    def copies(self) -> list[Passage]:
        return [p for p in self.passages if p.kind is Kind.COPY]

    def shown(self, include_formulas: bool = False, limit: int | None = None) -> list[Passage]:
        """The passages a reader sees: copies (formulas, headlines and statistics too
        when asked), longest first, at most ``limit``."""
        shown = list(self.passages) if include_formulas else self.copies()
        return shown if limit is None else shown[:limit]

    def listing(self, include_formulas: bool = False, limit: int | None = None) -> ReuseListing:
        """The audit as a reader asks for it (``erqi-diff reuse --json``):
        copies only, or formulas too, at most ``limit`` passages and formulas."""
        matrix = self.matrix_formulas if include_formulas else self.matrix
        return ReuseListing(
            keys=tuple(int(k) for k in self.keys) if self.years else self.keys,
            min_chars=self.min_chars,
            include_formulas=include_formulas,
            spans=tuple(self.shown(include_formulas, limit)),
            ratios={k: r.share_formulas if include_formulas else r.share for k, r in self.ratios.items()},
            ratio_detail=dict(self.ratios),
            matrix={x: {y: matrix[x].get(y, 0.0) for y in self.keys} for x in self.keys},
            formulas=tuple(self.formulas[:limit]) if include_formulas else (),
            formula_count=len(self.formulas),
            params=dict(self.params),
        )


@dataclass(frozen=True)
class ReuseListing:
    """``erqi-diff reuse --json``: ``keys`` (years, as integers, for
    snapshots), ``min_chars``, ``include_formulas``, ``spans`` (the
    passages shown, :class:`Passage`, longest first; formulas only when
    ``include_formulas``), ``ratios`` (key -> share written before, formulas
    counted when ``include_formulas``), ``ratio_detail`` (key ->
    :class:`Ratio`), ``matrix`` (row key -> column key -> share of the row's
    text found in the column's), ``formulas`` (:class:`Formula`, only when
    ``include_formulas``), ``formula_count`` and ``params``."""

    keys: tuple[str | int, ...]
    min_chars: int
    include_formulas: bool
    spans: tuple[Passage, ...]
    ratios: dict[str, float]
    ratio_detail: dict[str, Ratio]
    matrix: dict[str, dict[str, float]]
    formulas: tuple[Formula, ...]
    formula_count: int
    params: dict

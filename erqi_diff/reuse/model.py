"""The results of the reuse audit: passages, their spans and differences,
formulas, the shares written before, and :class:`ReuseResult` holding them."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Kind(str, enum.Enum):
    """What a reused passage is: real copying, or a formula (stock phrase,
    slogan, boilerplate found in many documents)."""

    COPY = "copy"
    FORMULA = "formula"


@dataclass(frozen=True)
class Span:
    """One side of a passage: ``text == docs[key][start:end]``.
    ``section`` is the heading of the section holding it, when known."""

    key: str
    start: int
    end: int
    text: str
    section: str | None = None

    def to_json(self, years: bool = False) -> dict:
        """``{"key", "start", "end", "text"}`` (plus ``section`` when known);
        ``years``: the key as ``"year": int`` instead (for snapshots)."""
        data: dict = {"year": int(self.key)} if years else {"key": self.key}
        if self.section is not None:
            data["section"] = self.section
        data.update(start=self.start, end=self.end, text=self.text)
        return data


@dataclass(frozen=True)
class Difference:
    """One edit inside a passage: ``a`` (text in the first span) became ``b``;
    offsets are into the original texts."""

    a: str
    b: str
    a_start: int
    a_end: int
    b_start: int
    b_end: int

    def to_json(self) -> dict:
        return {"a": self.a, "b": self.b, "a_start": self.a_start, "a_end": self.a_end,
                "b_start": self.b_start, "b_end": self.b_end}


@dataclass(frozen=True)
class Passage:
    """A reused passage: span ``a`` (the earlier text, or the earlier place
    in the same text) and span ``b``. ``chars`` counts the characters the two
    share (whitespace not counted), ``similarity`` is 2 * chars over both
    spans' lengths (1.0 for verbatim), ``differences`` the edits."""

    a: Span
    b: Span
    chars: int
    similarity: float
    differences: tuple[Difference, ...] = ()
    kind: Kind = Kind.COPY
    docs: int = 2  # documents in which the passage's text is found (typical fingerprint)
    # the exact matches the passage is made of: (start in a, start in b, length),
    # in prepared-text positions (see erqi_diff.reuse.fingerprint.prepare); not in JSON
    blocks: tuple[tuple[int, int, int], ...] = field(default=(), compare=False, repr=False)

    def to_json(self, years: bool = False) -> dict:
        return {"a": self.a.to_json(years), "b": self.b.to_json(years), "chars": self.chars,
                "similarity": round(self.similarity, 4), "kind": self.kind.value, "docs": self.docs,
                "differences": [d.to_json() for d in self.differences]}


@dataclass(frozen=True)
class Formula:
    """A stock passage (its fingerprints are each in ``formula_docs``
    documents or more): where it was seen first, and the fewest documents
    any of its fingerprints is in."""

    span: Span
    docs: int

    def to_json(self, years: bool = False) -> dict:
        return {"span": self.span.to_json(years), "docs": self.docs}


@dataclass(frozen=True)
class Ratio:
    """Of the ``chars`` characters of a text (whitespace not counted),
    ``before`` already stood in an earlier text by copying, and
    ``before_formulas`` counting formulas too."""

    key: str
    chars: int
    before: int
    before_formulas: int

    @property
    def share(self) -> float:
        return self.before / self.chars if self.chars else 0.0

    @property
    def share_formulas(self) -> float:
        return self.before_formulas / self.chars if self.chars else 0.0

    def to_json(self) -> dict:
        return {"chars": self.chars, "before": self.before, "share": round(self.share, 4),
                "before_formulas": self.before_formulas, "share_formulas": round(self.share_formulas, 4)}


@dataclass(frozen=True)
class ReuseResult:
    """Everything :func:`find_reuse` found. ``passages`` are longest first;
    ``matrix[x][y]`` is the share of text x's characters that also stand in
    text y (``x == y``: repeated within x), copies only, and
    ``matrix_formulas`` the same counting formulas."""

    keys: tuple[str, ...]
    passages: tuple[Passage, ...]
    formulas: tuple[Formula, ...]
    ratios: dict[str, Ratio]
    matrix: dict[str, dict[str, float]]
    matrix_formulas: dict[str, dict[str, float]]
    min_chars: int
    params: dict = field(default_factory=dict)

    def copies(self) -> list[Passage]:
        return [p for p in self.passages if p.kind is Kind.COPY]

    def shown(self, include_formulas: bool = False, limit: int | None = None) -> list[Passage]:
        """The passages a reader sees: copies (formulas too when asked),
        longest first, at most ``limit``."""
        shown = list(self.passages) if include_formulas else self.copies()
        return shown if limit is None else shown[:limit]

    def to_json(self, include_formulas: bool = False, limit: int | None = None, years: bool = False) -> dict:
        """The JSON of the audit: ``spans`` (passages, formulas only when
        ``include_formulas``), ``ratios`` (share written before, per key),
        ``matrix`` (share of row found in column), ``formulas`` (stock
        stretches) and the details. ``years``: keys are years (snapshots)."""
        matrix = self.matrix_formulas if include_formulas else self.matrix
        return {
            "keys": [int(k) for k in self.keys] if years else list(self.keys),
            "min_chars": self.min_chars,
            "include_formulas": include_formulas,
            "spans": [p.to_json(years) for p in self.shown(include_formulas, limit)],
            "ratios": {k: round(r.share_formulas if include_formulas else r.share, 4) for k, r in self.ratios.items()},
            "ratio_detail": {k: r.to_json() for k, r in self.ratios.items()},
            "matrix": {x: {y: round(matrix[x].get(y, 0.0), 4) for y in self.keys} for x in self.keys},
            "formulas": [f.to_json(years) for f in self.formulas[:limit]] if include_formulas else [],
            "formula_count": len(self.formulas),
            "params": dict(self.params),
        }

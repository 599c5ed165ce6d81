"""Character k-gram fingerprints: the seeds of the reuse audit.

Chinese has no word boundaries, so texts are compared character by
character, digits kept (567亿元 and 576亿元 differ). Before hashing, a text
goes through :func:`prepare`, which drops what must not break a match
(whitespace, line breaks, zero-width spaces, Markdown heading markers) and
folds full-width ASCII to half-width, one character for one character; a
:class:`Prepared` keeps the map back to offsets in the original text.

Hashes are a polynomial rolling hash modulo the Mersenne prime 2**61 - 1 over
the code points: plain integer arithmetic, so the same k-gram has the same
hash on every machine and in every process (unlike Python's ``hash()``,
which is salted per process). Every value is a non-negative integer below
2**61, so it fits a signed 64-bit column (DuckDB BIGINT, Spark LongType).

:func:`winnow` is robust winnowing (Schleimer, Wilkerson and Aiken 2003): of
every window of ``w`` consecutive hashes the minimum is kept (the rightmost
on a tie, unless the minimum chosen for the previous window is still in this
one), so two texts sharing a run of at least ``w + k - 1`` characters share
at least one fingerprint, while about ``2 / (w + 1)`` of the positions are
kept.

Typical use (the corpus stage does the same per document)::

    >>> fps = fingerprints("二七区坚持目标导向、问题导向和项目带动", k=5, w=4)
    >>> all(0 <= h < 2**61 for _, h in fps)
    True
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

MOD = (1 << 61) - 1
BASE = 1_000_003_483  # fixed: changing it changes every stored fingerprint
HASH_VERSION = 1  # bump whenever MOD, BASE, prepare() or the folding change

DEFAULT_K = 10
DEFAULT_W = 16

# What prepare() drops: whitespace (including U+3000), zero-width characters,
# and the "## " marker that opens a Markdown heading line.
_DROP = re.compile(r"(?m)^[ \t\u3000]*#{1,6}[ \t\u3000]+|[\s\u200b\u200c\u200d\u2060\ufeff]+")
# A heading line: its marker (dropped) and its text (kept, but no passage runs across it).
_HEADING = re.compile(r"(?m)^[ \t\u3000]*#{1,6}[ \t\u3000]+([^\n]*)")
_BREAK = re.compile(r"\n")
# The same without headings, for a text with no "#" (twice as fast, the same matches).
_DROP_SPACE = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")
# Full-width ASCII (！..～) to half-width, lower case: one character for one.
_FOLD = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FOLD.update({cp: cp + 32 for cp in range(ord("A"), ord("Z") + 1)})
_FOLD.update({cp: cp - 0xFEE0 + 32 for cp in range(0xFF21, 0xFF3B)})


@dataclass(frozen=True)
class Prepared:
    """A text as compared: ``text`` (whitespace and heading markers dropped,
    full-width ASCII folded), with ``runs`` mapping it back to ``original``.

    ``runs`` is a tuple of ``(prepared_start, original_start)``, one per
    stretch of characters kept contiguous in the original, in order.
    """

    original: str
    text: str
    runs: tuple[tuple[int, int], ...]

    def to_original(self, pos: int) -> int:
        """Offset in ``original`` of the character at ``pos`` in ``text``
        (``pos == len(text)`` maps to ``len(original)``)."""
        if pos >= len(self.text):
            return len(self.original)
        i = bisect_right(self._starts, pos) - 1
        p0, o0 = self.runs[i]
        return o0 + (pos - p0)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` covering prepared ``[start, end)``;
        dropped characters inside the span (a line break) stay in it."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1

    def to_prepared(self, offset: int) -> int:
        """Position in ``text`` of the original offset; an offset inside a
        dropped stretch maps to the next kept character."""
        i = bisect_right(self._ostarts, offset) - 1
        if i < 0:
            return 0
        p0, o0 = self.runs[i]
        run_len = (self.runs[i + 1][0] if i + 1 < len(self.runs) else len(self.text)) - p0
        return p0 + min(offset - o0, run_len)

    @property
    def _starts(self) -> list[int]:
        cache = self.__dict__.get("_starts_cache")
        if cache is None:
            cache = [p for p, _ in self.runs]
            object.__setattr__(self, "_starts_cache", cache)
        return cache

    @property
    def _ostarts(self) -> list[int]:
        cache = self.__dict__.get("_ostarts_cache")
        if cache is None:
            cache = [o for _, o in self.runs]
            object.__setattr__(self, "_ostarts_cache", cache)
        return cache


def prepare(text: str) -> Prepared:
    """The string compared for ``text`` and its map back (see :class:`Prepared`).

    >>> p = prepare("## 总结\\n\\n取得 显著成效")
    >>> p.text
    '总结取得显著成效'
    >>> p.original[slice(*p.span_to_original(2, 8))]
    '取得 显著成效'
    """
    kept, runs = dropped(text)
    return Prepared(text, kept.translate(_FOLD), runs)


def heading_cuts(p: Prepared) -> list[int]:
    """Positions in ``p.text`` where a heading line of ``p.original``
    begins and ends (sorted, each once): a reused passage is cut there
    (:mod:`erqi_diff.reuse.align`). Computed once per text."""
    cache = p.__dict__.get("_cuts_cache")
    if cache is None:
        cuts: set[int] = set()
        if "#" in p.original:
            for match in _HEADING.finditer(p.original):
                cuts.update((p.to_prepared(match.start(1)), p.to_prepared(match.end(1))))
        cache = sorted(cuts)
        object.__setattr__(p, "_cuts_cache", cache)
    return cache


def paragraph_cuts(p: Prepared) -> list[int]:
    """Positions in ``p.text`` where a line break of ``p.original`` falls
    (sorted, each once): a passage needs one paragraph holding enough of it
    (:mod:`erqi_diff.reuse.align`). Computed once per text."""
    cache = p.__dict__.get("_paragraphs_cache")
    if cache is None:
        cache = sorted({p.to_prepared(m.start()) for m in _BREAK.finditer(p.original)})
        object.__setattr__(p, "_paragraphs_cache", cache)
    return cache


def dropped(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """``text`` without what :func:`prepare` drops (not yet folded), and
    its ``runs`` (see :class:`Prepared`)."""
    pieces: list[str] = []
    runs: list[tuple[int, int]] = []
    kept = 0
    pos = 0
    for match in (_DROP if "#" in text else _DROP_SPACE).finditer(text):
        if match.start() > pos:
            runs.append((kept, pos))
            pieces.append(text[pos:match.start()])
            kept += match.start() - pos
        pos = match.end()
    if pos < len(text):
        runs.append((kept, pos))
        pieces.append(text[pos:])
    return "".join(pieces), tuple(runs)


def kgram_hashes(text: str, k: int) -> list[int]:
    """Hash of the k characters starting at each position of ``text``:
    ``len(text) - k + 1`` values (none when the text is shorter than k),
    each in ``[0, 2**61 - 1)``, the same on every machine.

    ``text`` is hashed as given; pass ``prepare(text).text`` to compare
    texts the way the reuse audit does.
    """
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    n = len(text)
    if n < k:
        return []
    codes = list(map(ord, text))
    h = 0
    for c in codes[:k]:
        h = (h * BASE + c) % MOD
    out = [h]
    append = out.append
    top = pow(BASE, k - 1, MOD)
    mod, base = MOD, BASE
    for old, new in zip(codes, codes[k:]):
        h = ((h - old * top) * base + new) % mod
        append(h)
    return out


def winnow(hashes: list[int], w: int) -> list[tuple[int, int]]:
    """Robust winnowing: ``(position, hash)`` of the minimum of every window
    of ``w`` consecutive hashes, each selected position listed once, in order.

    Ties go to the rightmost minimum, except that a minimum already selected
    for the previous window is kept while it stays in the window (fewer
    fingerprints in low-entropy runs such as "——————"). With fewer than
    ``w`` hashes the whole list is one window. Every run of ``w`` hashes
    contributes a fingerprint, hence the ``w + k - 1`` guarantee.
    """
    if w < 1:
        raise ValueError(f"w must be at least 1, got {w}")
    n = len(hashes)
    if n == 0:
        return []
    if w == 1:
        return list(enumerate(hashes))
    first = hashes[:w]
    low = min(first)
    best = len(first) - 1 - first[::-1].index(low)
    out = [(best, low)]
    append = out.append
    for right in range(w, n):
        h = hashes[right]
        if h < low:
            best, low = right, h
            append((best, low))
        elif best <= right - w:
            window = hashes[right - w + 1:right + 1]
            low = min(window)
            best = right - window[::-1].index(low)
            append((best, low))
    return out


def fingerprints_prepared(text: str, k: int = DEFAULT_K, w: int = DEFAULT_W) -> list[tuple[int, int]]:
    """:func:`winnow` of :func:`kgram_hashes`: positions are into ``text``
    as given (already prepared)."""
    return winnow(kgram_hashes(text, k), w)


def fingerprints(text: str, k: int = DEFAULT_K, w: int = DEFAULT_W) -> list[tuple[int, int]]:
    """``(offset, hash)`` fingerprints of ``text``: prepared (see
    :func:`prepare`), hashed per k-gram, winnowed with windows of ``w``.
    Offsets are into the ORIGINAL ``text`` (where the k-gram's first kept
    character stands), so they can be passed as seeds to
    :func:`erqi_diff.reuse.audit.align_pair`."""
    prepared = prepare(text)
    return [(prepared.to_original(p), h) for p, h in fingerprints_prepared(prepared.text, k, w)]


def params_for(min_chars: int) -> tuple[int, int]:
    """The ``(k, w)`` that see every exact match of ``min_chars`` characters
    (``w + k - 1 <= min_chars``): k as long as allows a window of at least 6
    (long k-grams are rarely shared by chance: fewer false seeds), at most
    10 and at least 3; w at most 16.

    >>> params_for(15), params_for(40), params_for(5)
    ((10, 6), (10, 16), (3, 3))
    """
    if min_chars < 5:
        raise ValueError(f"min_chars must be at least 5, got {min_chars}")
    k = max(3, min(DEFAULT_K, min_chars - 5))
    w = max(1, min(DEFAULT_W, min_chars - k + 1))
    return k, w

"""Reuse audit: passages of one text that reappear, verbatim or nearly, in
another text or elsewhere in the same one.

How a passage is found (no all-pairs difflib):

1. every text is prepared (:func:`erqi_diff.fingerprint.prepare`: whitespace
   and heading markers dropped, offsets kept) and fingerprinted (character
   k-grams, digits kept, winnowed: every exact match of ``min_chars``
   characters shares at least one fingerprint);
2. an inverted index maps each fingerprint to the documents holding it. A
   fingerprint held by more than ``maxdf`` documents (a stock formula found
   everywhere) keeps only its count, so memory stays bounded; pairs of
   documents sharing enough indexed fingerprints are the candidates;
3. for each candidate pair (:func:`align_pair`) every shared fingerprint,
   capped ones included, seeds an exact match extended as far as it goes
   (seed and extend); exact matches on nearby diagonals are chained across
   small gaps (a changed number, a swapped word, an added clause), and the
   chain is extended past its ends while a local alignment of the next
   characters still finds substantial matches (near-verbatim extension);
4. passages of at least ``min_chars`` shared characters are kept, each a pair
   of :class:`Span` (offsets into the ORIGINAL texts given) with its
   similarity and differences; passages whose text is found in many
   documents, and short quoted slogans, are :attr:`Kind.FORMULA`, the rest
   :attr:`Kind.COPY`;
5. ratios: the share of each text's characters that already stood in a text
   before it (the mapping's order is taken as time order), and the matrix of
   shares between every two texts.
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from .fingerprint import Prepared, fingerprints_prepared, params_for, prepare

MAX_GAP = 24  # characters: the largest edit bridged inside one passage
MIN_BLOCK = 5  # characters: shortest exact match a seed must grow into
WINDOW = 2 * MAX_GAP  # characters looked at past a passage's end when extending
MAX_SEEDS_PER_HASH = 16  # positions of one hash paired within one document pair


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

    def to_json(self) -> dict:
        data = {"key": self.key, "start": self.start, "end": self.end, "text": self.text}
        if self.section is not None:
            data["section"] = self.section
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
    docs: int = 2  # documents in which the passage's text is found

    def to_json(self) -> dict:
        return {"a": self.a.to_json(), "b": self.b.to_json(), "chars": self.chars,
                "similarity": round(self.similarity, 4), "kind": self.kind.value, "docs": self.docs,
                "differences": [d.to_json() for d in self.differences]}


@dataclass(frozen=True)
class Formula:
    """A stock passage too widespread to align pair by pair (its
    fingerprints are in more than ``maxdf`` documents): where it was seen
    first, and in how many documents."""

    span: Span
    docs: int

    def to_json(self) -> dict:
        return {"span": self.span.to_json(), "docs": self.docs}


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

    def to_json(self, include_formulas: bool = False) -> dict:
        shown = self.passages if include_formulas else self.copies()
        matrix = self.matrix_formulas if include_formulas else self.matrix
        return {
            "keys": list(self.keys),
            "min_chars": self.min_chars,
            "include_formulas": include_formulas,
            "spans": [p.to_json() for p in shown],
            "ratios": {k: round(r.share_formulas if include_formulas else r.share, 4) for k, r in self.ratios.items()},
            "ratio_detail": {k: r.to_json() for k, r in self.ratios.items()},
            "matrix": {x: {y: round(v, 4) for y, v in row.items()} for x, row in matrix.items()},
            "formulas": [f.to_json() for f in self.formulas],
            "params": dict(self.params),
        }


# --------------------------------------------------------------------------
# exact extension (C-speed slice comparisons, galloping then bisecting)

def _match_right(a: str, b: str, i: int, j: int) -> int:
    """Length of the longest common prefix of a[i:] and b[j:]."""
    limit = min(len(a) - i, len(b) - j)
    done, step = 0, 16
    while done < limit:
        size = min(step, limit - done)
        if a[i + done:i + done + size] == b[j + done:j + done + size]:
            done += size
            step *= 2
            continue
        lo, hi = 0, size  # a[..lo] equal, a[..hi] not
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if a[i + done:i + done + mid] == b[j + done:j + done + mid]:
                lo = mid
            else:
                hi = mid
        return done + lo
    return done


def _match_left(a: str, b: str, i: int, j: int) -> int:
    """Length of the longest common suffix of a[:i] and b[:j]."""
    limit = min(i, j)
    done, step = 0, 16
    while done < limit:
        size = min(step, limit - done)
        if a[i - done - size:i - done] == b[j - done - size:j - done]:
            done += size
            step *= 2
            continue
        lo, hi = 0, size
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if a[i - done - mid:i - done] == b[j - done - mid:j - done]:
                lo = mid
            else:
                hi = mid
        return done + lo
    return done


# A block is an exact match: (a_start, b_start, length) in prepared text.
Block = tuple[int, int, int]


def _seed_blocks(a: str, b: str, seeds, same_doc: bool) -> list[Block]:
    """Grow every seed into the maximal exact match through it; each match once."""
    covered: dict[int, int] = {}  # diagonal -> end (in a) of the last block found on it
    blocks: list[Block] = []
    ordered = sorted(((i, j) if i < j else (j, i)) if same_doc else (i, j) for i, j in seeds)
    ordered.sort(key=lambda s: (s[0] - s[1], s[0]))
    for i, j in ordered:
        if same_doc and i == j:
            continue
        if i >= len(a) or j >= len(b) or i < 0 or j < 0:
            continue
        diag = i - j
        if covered.get(diag, -1) > i:
            continue
        left = _match_left(a, b, i, j)
        right = _match_right(a, b, i, j)
        start_a, start_b, length = i - left, j - left, left + right
        if same_doc and start_a + length > start_b:  # a run overlapping itself
            length = start_b - start_a
        covered[diag] = start_a + length if length else i + 1
        if length >= MIN_BLOCK:
            blocks.append((start_a, start_b, length))
    return blocks


def _chain(blocks: list[Block], same_doc: bool) -> list[list[Block]]:
    """Chain exact matches into passages across gaps of at most MAX_GAP
    characters on each side, each chain increasing in both texts."""
    chains: list[list[Block]] = []
    open_: list[list[Block]] = []
    for sa, sb, n in sorted(blocks):
        best, best_cost, best_block = None, None, None
        still_open = []
        for chain in open_:
            ea, eb = chain[-1][0] + chain[-1][2], chain[-1][1] + chain[-1][2]
            if ea < sa - MAX_GAP:
                continue  # no later block (sorted by sa) can join it
            still_open.append(chain)
            trim = max(0, ea - sa, eb - sb)
            if trim >= n:
                if sb + n <= eb and sa + n <= ea and sb - sa == chain[-1][1] - chain[-1][0]:
                    best, best_cost, best_block = chain, -1, None  # inside the chain already
                continue
            ga, gb = sa + trim - ea, sb + trim - eb
            if max(ga, gb) > MAX_GAP:
                continue
            if same_doc and sa + n > chain[0][1]:
                continue  # span a would run into span b
            cost = ga + gb
            if best_cost is None or cost < best_cost:
                best, best_cost, best_block = chain, cost, (sa + trim, sb + trim, n - trim)
        open_ = still_open
        if best is None:
            chain = [(sa, sb, n)]
            chains.append(chain)
            open_.append(chain)
        elif best_block is not None:
            best.append(best_block)
    return chains


def _window_blocks(wa: str, wb: str) -> list[Block]:
    from difflib import SequenceMatcher

    return [tuple(m) for m in SequenceMatcher(None, wa, wb, autojunk=False).get_matching_blocks() if m[2]]


def _extend_right(a: str, b: str, chain: list[Block], limit_a: int) -> None:
    """Near-verbatim extension past the chain's end, in place: take the
    next matching stretch found by a local alignment while the gap before
    it is small and the stretch is long enough to outweigh it."""
    while True:
        ea, eb = chain[-1][0] + chain[-1][2], chain[-1][1] + chain[-1][2]
        wa, wb = a[ea:min(ea + WINDOW, limit_a)], b[eb:eb + WINDOW]
        if not wa or not wb:
            return
        block = None
        for i, j, _ in _window_blocks(wa, wb):
            if max(i, j) > MAX_GAP:
                break
            n = min(_match_right(a, b, ea + i, eb + j), limit_a - ea - i)
            if n >= 2 and n * 2 >= max(i, j):
                block = (ea + i, eb + j, n)
                break
        if block is None:
            return
        chain.append(block)


def _extend_left(a: str, b: str, chain: list[Block], limit_b: int) -> None:
    """As :func:`_extend_right`, before the chain's start (``limit_b``: the
    b side may not start before it, for a text against itself)."""
    while True:
        sa, sb = chain[0][0], chain[0][1]
        wa, wb = a[max(0, sa - WINDOW):sa][::-1], b[max(limit_b, sb - WINDOW):sb][::-1]
        if not wa or not wb:
            return
        block = None
        for i, j, _ in _window_blocks(wa, wb):
            if max(i, j) > MAX_GAP:
                break
            n = min(_match_left(a, b, sa - i, sb - j), sb - j - limit_b)
            if n >= 2 and n * 2 >= max(i, j):
                block = (sa - i - n, sb - j - n, n)
                break
        if block is None:
            return
        chain.insert(0, block)


def _details(a: Prepared, b: Prepared, chain: list[Block]) -> tuple[int, list[Difference]]:
    """Shared characters and the differences of a chained passage: each gap
    between two blocks is aligned character by character."""
    from difflib import SequenceMatcher

    shared = sum(n for _, _, n in chain)
    diffs: list[Difference] = []
    for (sa, sb, n), (ta, tb, _) in zip(chain, chain[1:]):
        ga0, gb0 = sa + n, sb + n
        gap_a, gap_b = a.text[ga0:ta], b.text[gb0:tb]
        ops = SequenceMatcher(None, gap_a, gap_b, autojunk=False).get_opcodes() if gap_a and gap_b else \
            [("replace", 0, len(gap_a), 0, len(gap_b))]
        for tag, i1, i2, j1, j2 in ops:
            if tag == "equal":
                shared += i2 - i1
                continue
            oa = a.span_to_original(ga0 + i1, ga0 + i2) if i2 > i1 else (a.to_original(ga0 + i1),) * 2
            ob = b.span_to_original(gb0 + j1, gb0 + j2) if j2 > j1 else (b.to_original(gb0 + j1),) * 2
            diffs.append(Difference(a.original[oa[0]:oa[1]], b.original[ob[0]:ob[1]], *oa, *ob))
    return shared, diffs


def _merge_chains(chains: list[list[Block]]) -> list[list[Block]]:
    """Drop chains lying inside another (in both texts), longest kept."""
    spans = sorted(chains, key=lambda c: -(c[-1][0] + c[-1][2] - c[0][0]))
    kept: list[list[Block]] = []
    for chain in spans:
        a0, a1 = chain[0][0], chain[-1][0] + chain[-1][2]
        b0, b1 = chain[0][1], chain[-1][1] + chain[-1][2]
        if any(k[0][0] <= a0 and a1 <= k[-1][0] + k[-1][2] and k[0][1] <= b0 and b1 <= k[-1][1] + k[-1][2]
               for k in kept):
            continue
        kept.append(chain)
    return kept


def align_prepared(a: Prepared, b: Prepared, seeds, min_chars: int = 15, same_doc: bool = False,
                   key_a: str = "a", key_b: str = "b") -> list[Passage]:
    """:func:`align_pair` on prepared texts, with ``seeds`` as
    ``(position in a.text, position in b.text)``; spans are keyed
    ``key_a`` and ``key_b``. Used by :func:`find_reuse` and the corpus stage."""
    blocks = _seed_blocks(a.text, b.text, seeds, same_doc)
    if not blocks:
        return []
    chains = _chain(blocks, same_doc)
    for chain in chains:
        limit_a = chain[0][1] if same_doc else len(a.text)
        _extend_right(a.text, b.text, chain, limit_a)
        _extend_left(a.text, b.text, chain, chain[-1][0] + chain[-1][2] if same_doc else 0)
    # extension may have made chains meet: chain their blocks again
    chains = _merge_chains(_chain([blk for chain in chains for blk in chain], same_doc))
    passages: list[Passage] = []
    for chain in chains:
        shared, diffs = _details(a, b, chain)
        if shared < min_chars:
            continue
        pa0, pa1 = chain[0][0], chain[-1][0] + chain[-1][2]
        pb0, pb1 = chain[0][1], chain[-1][1] + chain[-1][2]
        oa, ob = a.span_to_original(pa0, pa1), b.span_to_original(pb0, pb1)
        similarity = 2 * shared / ((pa1 - pa0) + (pb1 - pb0))
        passages.append(Passage(Span(key_a, *oa, a.original[oa[0]:oa[1]]), Span(key_b, *ob, b.original[ob[0]:ob[1]]),
                                shared, similarity, tuple(diffs)))
    passages.sort(key=lambda p: (-p.chars, p.a.start, p.b.start))
    return passages


def pair_seeds(fa: list[tuple[int, int]], fb: list[tuple[int, int]], same_doc: bool = False) -> list[tuple[int, int]]:
    """Seeds for a pair: every (position in a, position in b) of a hash both
    fingerprint lists hold (at most MAX_SEEDS_PER_HASH positions per side)."""
    where: dict[int, list[int]] = defaultdict(list)
    for pos, h in fa:
        where[h].append(pos)
    seeds = []
    if same_doc:
        for positions in where.values():
            if len(positions) > 1:
                positions = positions[:MAX_SEEDS_PER_HASH]
                seeds.extend((p, q) for x, p in enumerate(positions) for q in positions[x + 1:])
        return seeds
    for pos, h in fb:
        positions = where.get(h)
        if positions:
            seeds.extend((p, pos) for p in positions[:MAX_SEEDS_PER_HASH])
    return seeds


def align_pair(a: str, b: str, seeds: list[tuple[int, int]] | None = None, min_chars: int = 15,
               same_doc: bool = False) -> list[Passage]:
    """Passages of ``a`` found again, verbatim or nearly, in ``b``; longest first.

    ``seeds`` are ``(offset in a, offset in b)`` of shared k-grams, offsets
    into the texts as given (the positions :func:`erqi_diff.fingerprint.fingerprints`
    returns); by default they are computed with the k and w of
    :func:`erqi_diff.fingerprint.params_for` (min_chars). ``same_doc``: ``a``
    and ``b`` are the same text and passages repeated inside it are sought
    (span a before span b, never overlapping). Spans are keyed "a" and "b";
    each passage has at least ``min_chars`` shared characters.
    """
    pa = prepare(a)
    pb = pa if same_doc else prepare(b)
    if seeds is None:
        k, w = params_for(max(3, min_chars))
        fa = fingerprints_prepared(pa.text, k, w)
        fb = fa if same_doc else fingerprints_prepared(pb.text, k, w)
        prepared_seeds = pair_seeds(fa, fb, same_doc)
    else:
        prepared_seeds = [(pa.to_prepared(i), pb.to_prepared(j)) for i, j in seeds]
    return align_prepared(pa, pb, prepared_seeds, min_chars, same_doc)

"""Reuse audit: passages of one text that reappear, verbatim or nearly, in
another text or elsewhere in the same one.

How a passage is found (no all-pairs difflib):

1. every text is prepared (:func:`erqi_diff.reuse.fingerprint.prepare`: whitespace
   and heading markers dropped, offsets kept) and fingerprinted (character
   k-grams, digits kept, winnowed: every exact match of ``min_chars``
   characters shares at least one fingerprint);
2. an inverted index maps each fingerprint to the documents holding it. A
   fingerprint found in ``formula_docs`` documents or more (a stock formula)
   keeps only its count and one place, so memory stays bounded even when a
   passage stands in every document, and it pairs no documents; pairs of
   documents sharing rarer fingerprints are the candidates;
3. each candidate pair is seeded by :func:`pair_seeds` from the
   fingerprints the two share and their document counts (a rare one at
   every place, a formula's once; the corpus path's alignment stage calls
   the same function with its SQL document counts) and aligned
   (:func:`align_prepared`): every seed grows into an exact match extended
   as far as it goes (seed and extend); exact matches on nearby diagonals are chained across
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
from erqi_diff.core.runtime import gc_paused
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from erqi_diff.reuse.fingerprint import (
    Prepared,
    fingerprints_prepared,
    kgram_hashes,
    params_for,
    prepare,
)

MAX_GAP = 24  # characters: the largest edit bridged inside one passage
MIN_BLOCK = 5  # characters: shortest exact match a seed must grow into
MAX_SEEDS_PER_HASH = 16  # positions of one hash paired within one document pair
DEFAULT_FORMULA_DOCS = 3  # documents from which a fingerprint is a formula's


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


def _anchor(wa: str, wb: str, match) -> tuple[int, int, int] | None:
    """Where a match resumes after an edit: the ``(i, j, n)`` with the
    smallest ``max(i, j) <= MAX_GAP`` such that ``wa[i:i+2] == wb[j:j+2]``
    and ``n = match(i, j)`` (the length of the exact match from there) is at
    least 2 and at least half the gap, so a stray common character pair
    far off does not count."""
    grams: dict[str, list[int]] = {}
    for j in range(min(len(wb) - 1, MAX_GAP + 1)):
        grams.setdefault(wb[j:j + 2], []).append(j)
    best, best_cost = None, MAX_GAP + 1
    for i in range(min(len(wa) - 1, MAX_GAP + 1)):
        if i >= best_cost:
            break
        for j in grams.get(wa[i:i + 2], ()):
            cost = max(i, j)
            if cost >= best_cost:
                continue
            n = match(i, j)
            if n >= 2 and 2 * n >= cost:
                best, best_cost = (i, j, n), cost
    return best


def _extend_right(a: str, b: str, chain: list[Block], limit_a: int) -> None:
    """Near-verbatim extension past the chain's end, in place, while the
    match resumes after a small edit (see :func:`_anchor`); span a stays
    before ``limit_a``."""
    while True:
        ea, eb = chain[-1][0] + chain[-1][2], chain[-1][1] + chain[-1][2]
        found = _anchor(a[ea:min(ea + MAX_GAP + 2, limit_a)], b[eb:eb + MAX_GAP + 2],
                        lambda i, j, ea=ea, eb=eb: min(_match_right(a, b, ea + i, eb + j), limit_a - ea - i))
        if found is None:
            return
        i, j, n = found
        chain.append((ea + i, eb + j, n))


def _extend_left(a: str, b: str, chain: list[Block], limit_b: int) -> None:
    """As :func:`_extend_right`, before the chain's start; span b stays
    at or after ``limit_b`` (a text against itself)."""
    while True:
        sa, sb = chain[0][0], chain[0][1]
        found = _anchor(a[max(0, sa - MAX_GAP - 2):sa][::-1], b[max(limit_b, sb - MAX_GAP - 2):sb][::-1],
                        lambda i, j, sa=sa, sb=sb: min(_match_left(a, b, sa - i, sb - j), sb - j - limit_b))
        if found is None:
            return
        i, j, n = found
        chain.insert(0, (sa - i - n, sb - j - n, n))


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
        exact = sum(n for _, _, n in chain)
        gaps = sum(min(t[0] - s[0] - s[2], t[1] - s[1] - s[2]) for s, t in zip(chain, chain[1:]))
        if exact + gaps < min_chars:
            continue  # cannot reach min_chars shared characters
        shared, diffs = _details(a, b, chain)
        if shared < min_chars:
            continue
        pa0, pa1 = chain[0][0], chain[-1][0] + chain[-1][2]
        pb0, pb1 = chain[0][1], chain[-1][1] + chain[-1][2]
        oa, ob = a.span_to_original(pa0, pa1), b.span_to_original(pb0, pb1)
        similarity = 2 * shared / ((pa1 - pa0) + (pb1 - pb0))
        passages.append(Passage(Span(key_a, *oa, a.original[oa[0]:oa[1]]), Span(key_b, *ob, b.original[ob[0]:ob[1]]),
                                shared, similarity, tuple(diffs), blocks=tuple(chain)))
    passages.sort(key=lambda p: (-p.chars, p.a.start, p.b.start))
    return passages


# What two documents share of one fingerprint: (hash, its positions in a,
# its positions in b), positions in text order, at most MAX_SEEDS_PER_HASH each.
Shared = tuple[int, Sequence[int], Sequence[int]]


def shared_prints(fa: Iterable[tuple[int, int]], fb: Iterable[tuple[int, int]],
                  same_doc: bool = False) -> list[Shared]:
    """The fingerprints two documents share, from their ``(position, hash)``
    lists in text order (:func:`erqi_diff.reuse.fingerprint.fingerprints_prepared`):
    ``(hash, positions in a, positions in b)``, the first MAX_SEEDS_PER_HASH
    positions on each side. ``same_doc``: ``fa`` is ``fb``; the hashes found
    twice or more in it. :func:`find_reuse` reads the same from its inverted
    index instead (the first MAX_SEEDS_PER_HASH places of a hash in each
    document; the first one for a formula's), which costs nothing per pair."""
    where: dict[int, list[int]] = {}
    for pos, h in fa:
        positions = where.get(h)
        if positions is None:
            where[h] = [pos]
        elif len(positions) < MAX_SEEDS_PER_HASH:
            positions.append(pos)
    if same_doc:
        return [(h, positions, positions) for h, positions in where.items() if len(positions) > 1]
    there: dict[int, list[int]] = {}
    for pos, h in fb:
        if h in where:
            positions = there.get(h)
            if positions is None:
                there[h] = [pos]
            elif len(positions) < MAX_SEEDS_PER_HASH:
                positions.append(pos)
    return [(h, where[h], positions) for h, positions in there.items()]


def pair_seeds(shared: Iterable[Shared], df: Mapping[int, int] | None = None, *,
               formula_docs: int = DEFAULT_FORMULA_DOCS, widespread_docs: int | None = None,
               same_doc: bool = False) -> list[tuple[int, int]]:
    """The seeds of one pair of documents, ``(position in a, position in b)``,
    from the fingerprints they share (:func:`shared_prints`). This is the
    one seeding rule of the reuse audit: :func:`find_reuse`,
    :func:`align_pair` and the corpus alignment stage
    (:mod:`erqi_diff.corpus.pystages`) all call it.

    ``df``: the number of documents of the whole corpus holding each hash
    (a hash missing from it, or every hash when ``df`` is None, counts as
    rare: the formula hashes are enough). A rare hash (in fewer than
    ``formula_docs`` documents) seeds every pair of its positions. A
    formula's hash (in ``formula_docs`` documents or more) seeds once, its
    first position in a with its first in b; if it is in
    ``widespread_docs`` documents or more, only near a rare seed
    (:func:`near_seeds`), so that the work per pair stays bounded however
    many documents hold a stock passage. ``same_doc``: a text against
    itself: the pairs of places of a rare hash repeated in it (first before
    second); formula hashes seed nothing there."""
    get = (df or {}).get
    rare: list[tuple[int, int]] = []
    common: list[tuple[int, int]] = []
    wide: list[tuple[int, int]] = []
    for h, pa, pb in shared:
        ndocs = get(h, 0)
        if ndocs < formula_docs:
            if same_doc:
                rare.extend((p, q) for x, p in enumerate(pa) for q in pa[x + 1:])
            else:
                rare.extend((p, q) for p in pa for q in pb)
        elif not same_doc:
            (wide if widespread_docs is not None and ndocs >= widespread_docs else common).append((pa[0], pb[0]))
    return rare + common + near_seeds(rare, wide)


def align_pair(a: str, b: str, seeds: list[tuple[int, int]] | None = None, min_chars: int = 15,
               same_doc: bool = False) -> list[Passage]:
    """Passages of ``a`` found again, verbatim or nearly, in ``b``; longest first.

    ``seeds`` are ``(offset in a, offset in b)`` of shared k-grams, offsets
    into the texts as given (the positions :func:`erqi_diff.reuse.fingerprint.fingerprints`
    returns); by default they are computed with the k and w of
    :func:`erqi_diff.reuse.fingerprint.params_for` (min_chars). ``same_doc``: ``a``
    and ``b`` are the same text and passages repeated inside it are sought
    (span a before span b, never overlapping). Spans are keyed "a" and "b";
    each passage has at least ``min_chars`` shared characters.
    """
    pa = prepare(a)
    pb = pa if same_doc else prepare(b)
    if seeds is None:
        k, w = params_for(max(5, min_chars))
        fa = fingerprints_prepared(pa.text, k, w)
        fb = fa if same_doc else fingerprints_prepared(pb.text, k, w)
        prepared_seeds = pair_seeds(shared_prints(fa, fb, same_doc), same_doc=same_doc)
    else:
        prepared_seeds = [(pa.to_prepared(i), pb.to_prepared(j)) for i, j in seeds]
    return align_prepared(pa, pb, prepared_seeds, min_chars, same_doc)


# --------------------------------------------------------------------------
# many documents

_POS_BITS = 32
_POS_MASK = (1 << _POS_BITS) - 1
_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"'}


def _check_args(docs: Mapping[str, str], min_chars: int, formula_docs: int, maxdf: int, minmatch: int) -> None:
    if not isinstance(docs, Mapping):
        raise ValueError(f"docs must be a mapping of key to text, not {type(docs).__name__}")
    if len(docs) < 2:
        raise ValueError(f"reuse needs at least two documents, got {len(docs)}: give two texts or more "
                         "(passages repeated inside one text are found when it is audited with others)")
    for key, text in docs.items():
        if not isinstance(text, str):
            raise ValueError(f"document {key!r} is not text but {type(text).__name__}")
    names = [str(key) for key in docs]
    if len(set(names)) < len(names):
        twice = sorted({n for n in names if names.count(n) > 1})
        raise ValueError(f"two documents have the same key once written as text: {', '.join(twice)}")
    if isinstance(min_chars, bool) or not isinstance(min_chars, int):
        raise ValueError(f"min_chars must be an integer, not {min_chars!r}")
    if min_chars < 5:
        raise ValueError(f"min_chars must be at least 5 (shorter matches are mostly common words), got {min_chars}")
    if formula_docs < 3:
        raise ValueError(f"formula_docs must be at least 3 (a passage in two documents is a copy), got {formula_docs}")
    if maxdf < formula_docs:
        raise ValueError(f"maxdf must be at least formula_docs ({formula_docs}), got {maxdf}")
    if minmatch < 1:
        raise ValueError(f"minmatch must be at least 1, got {minmatch}")


def _check_prepared(keys, prepared: list[Prepared], min_chars: int) -> None:
    for key, p in zip(keys, prepared):
        if not p.text:
            raise ValueError(f"document {key!r} is empty (no characters besides whitespace): leave it out")
    longest = max(len(p.text) for p in prepared)
    if min_chars > longest:
        raise ValueError(f"min_chars is {min_chars} but the longest document has only {longest} characters "
                         "(whitespace not counted): give a smaller --min-chars")


def _index(fps: list[list[tuple[int, int]]], formula_docs: int) -> dict:
    """hash -> postings, a posting being ``doc << 32 | position``. The value
    is one posting (int) or a list of postings (at most MAX_SEEDS_PER_HASH
    per document) while the hash is in fewer than ``formula_docs``
    documents; from then on (a formula fingerprint) only ``[-documents, last document, first posting, a posting in another
    document]``: what one k-gram may pull in is capped, whatever the number
    of documents holding it."""
    index: dict = {}
    get = index.get
    cap = formula_docs - 1
    for d, fp in enumerate(fps):
        base = d << _POS_BITS
        for pos, h in fp:
            v = get(h)
            if v is None:
                index[h] = base | pos
            elif v.__class__ is int:
                index[h] = [v, base | pos]
            elif v[0] < 0:
                if v[1] != d:
                    v[0] -= 1
                    v[1] = d
            elif v[-1] >> _POS_BITS == d:
                if len(v) < MAX_SEEDS_PER_HASH or v[-MAX_SEEDS_PER_HASH] >> _POS_BITS != d:
                    v.append(base | pos)  # a k-gram repeated in one document: its first places
            else:
                ndocs = len({e >> _POS_BITS for e in v}) + 1
                if ndocs > cap:
                    other = next(e for e in v if e >> _POS_BITS != v[0] >> _POS_BITS)
                    index[h] = [-ndocs, d, v[0], other]
                else:
                    v.append(base | pos)
    return index


def _shared_by_pair(index: dict) -> dict[tuple[int, int], list[Shared]]:
    """What every pair of documents (x <= y; x == y for a document with
    itself) shares of the fingerprints that are not a formula's, as
    :func:`shared_prints` would give it, read from the index."""
    shared: dict[tuple[int, int], list[Shared]] = defaultdict(list)
    for h, v in index.items():
        if v.__class__ is int or v[0] < 0:
            continue
        if len(v) == 2:  # the common case: in two documents, or twice in one
            (x, p), (y, q) = divmod(v[0], 1 << _POS_BITS), divmod(v[1], 1 << _POS_BITS)
            shared[(x, y)].append((h, [p, q], [p, q]) if x == y else (h, (p,), (q,)))
            continue
        places: dict[int, list[int]] = {}
        for e in v:  # in document order, then text order
            places.setdefault(e >> _POS_BITS, []).append(e & _POS_MASK)
        docs = list(places)
        for n, x in enumerate(docs):
            if len(places[x]) > 1:
                shared[(x, x)].append((h, places[x], places[x]))
            for y in docs[n + 1:]:
                shared[(x, y)].append((h, places[x], places[y]))
    return shared


def _formula_places(fps, index: dict) -> tuple[list[dict[int, int]], dict[int, int]]:
    """Per document, formula fingerprint -> its first position there; and
    formula fingerprint -> the documents holding it."""
    formula = {h: -v[0] for h, v in index.items() if v.__class__ is not int and v[0] < 0}
    return [{h: pos for pos, h in reversed(list(zip(*fp))) if h in formula} for fp in fps], formula


NEAR = 1000  # characters: how far from rare wording formula wording is aligned


def near_seeds(rare: list[tuple[int, int]], common: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The seeds of ``common`` (shared fingerprints of stock passages found
    in most documents) near a seed of ``rare`` (wording the two documents
    share more rarely): within NEAR characters in the first text and
    4 * MAX_GAP diagonals. Such wording is aligned where it adjoins a copied
    passage, not in every pair of documents (it is listed once, with its
    count, in :attr:`ReuseResult.formulas`): what one pair costs stays
    bounded however many documents hold the stock passage."""
    if not rare or not common:
        return []
    band = 4 * MAX_GAP
    anchors = sorted(rare)
    from bisect import bisect_left

    kept = []
    for i, j in common:
        d = i - j
        lo = bisect_left(anchors, (i - NEAR, -1))
        for i0, j0 in anchors[lo:]:
            if i0 > i + NEAR:
                break
            if abs(d - (i0 - j0)) <= band:
                kept.append((i, j))
                break
    return kept


def _doc_freq(v) -> int:
    if v.__class__ is int:
        return 1
    if v[0] < 0:
        return -v[0]
    return len({e >> _POS_BITS for e in v})


def _quoted_share(text: str) -> float:
    """Share of ``text``'s characters standing between quote marks."""
    inside, closing, count = 0, None, 0
    for ch in text:
        if closing is not None:
            if ch == closing:
                closing = None
            else:
                inside += 1
        elif ch in _QUOTES:
            closing = _QUOTES[ch]
        count += 1
    return inside / count if count else 0.0


FORMULA_SHARE = 0.75  # of a passage's shared characters in formula wording, for a formula


class _Classifier:
    """Tells formulas from copies. A character of a passage's exact
    matches is formula wording when a k-gram covering it is a fingerprint
    found in ``formula_docs`` documents or more. A passage is a copy when
    what remains (its own wording) is at least ``min_chars`` characters and
    a quarter of the passage: a copied passage quoting stock phrases still
    has its own wording between them, while two stock phrases that happen
    to stand side by side in two reports have next to none. Short passages
    mostly between quote marks are slogans, hence formulas."""

    def __init__(self, prepared: list[Prepared], index: dict, min_chars: int, formula_docs: int):
        self.prepared, self.index = prepared, index
        self.min_chars, self.formula_docs = min_chars, formula_docs
        self.k = params_for(min_chars)[0]

    def classify(self, passage: Passage, doc: int, same_doc: bool) -> Passage:
        text, k, index = self.prepared[doc].text, self.k, self.index
        own, dfs = 0, []
        for sa, _, n in passage.blocks:
            covered_to, covered = sa, 0
            for i, h in enumerate(kgram_hashes(text[sa:sa + n], k)):
                v = index.get(h)
                if v is None:
                    continue
                df = _doc_freq(v)
                dfs.append(df)
                if df >= self.formula_docs:
                    start = max(sa + i, covered_to)
                    covered += sa + i + k - start
                    covered_to = sa + i + k
            own += n - covered
        dfs.sort()
        ndocs = max(dfs[len(dfs) // 2] if dfs else 0, 1 if same_doc else 2)
        stock = own < self.min_chars or own < (1 - FORMULA_SHARE) * passage.chars
        slogan = passage.chars < 3 * self.min_chars and _quoted_share(passage.a.text) >= 0.6
        kind = Kind.FORMULA if stock or slogan else Kind.COPY
        return Passage(passage.a, passage.b, passage.chars, passage.similarity, passage.differences, kind, ndocs,
                       passage.blocks)


def _union(intervals: list[tuple[int, int]]) -> int:
    total, end = 0, -1
    for s, e in sorted(intervals):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total


def _prepared_span(p: Prepared, span: Span) -> tuple[int, int]:
    return p.to_prepared(span.start), p.to_prepared(span.end - 1) + 1


def _shares(keys, prepared, passages: list[tuple[int, int, Passage]], formulas: bool):
    """(ratios before, matrix) over the passages; with ``formulas`` False,
    formulas are left out."""
    n = len(keys)
    cover: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)  # (x, y) -> intervals of x
    for x, y, passage in passages:
        if passage.kind is Kind.FORMULA and not formulas:
            continue
        if x == y:
            cover[(x, x)].append(_prepared_span(prepared[x], passage.b))
        else:
            cover[(x, y)].append(_prepared_span(prepared[x], passage.a))
            cover[(y, x)].append(_prepared_span(prepared[y], passage.b))
    matrix: dict[str, dict[str, float]] = {key: {} for key in keys}
    earlier: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for (x, y), intervals in sorted(cover.items()):
        matrix[keys[x]][keys[y]] = _union(intervals) / len(prepared[x].text)
        if y < x:
            earlier[x].extend(intervals)
    before = [_union(earlier.get(x, [])) for x in range(n)]
    return before, matrix


def _formulas(keys, prepared, index: dict, k: int, w: int) -> list[Formula]:
    """Stock passages: stretches of formula fingerprints, placed in the
    document where their first fingerprint was first seen, each with the
    most documents any of its fingerprints is in (those at its edges,
    chosen by their neighbours, may be fewer). A stretch mostly inside a
    longer one (the same stock passage, first seen elsewhere) is counted
    with it, not listed."""
    samples: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for v in index.values():
        if v.__class__ is not int and v[0] < 0:
            samples[v[2] >> _POS_BITS].append((v[2] & _POS_MASK, -v[0], v[3]))
    runs = []
    for doc, points in samples.items():
        points.sort()
        text = prepared[doc].text
        run_start, run_end, run_docs, other = points[0][0], points[0][0] + k, points[0][1], points[0][2]
        for pos, ndocs, posting in points[1:] + [(None, 0, 0)]:
            if pos is not None and pos <= run_end + w:
                run_end, run_docs = max(run_end, pos + k), max(run_docs, ndocs)
                continue
            # grow the stretch as far as it stands in the other document too
            there, at = prepared[other >> _POS_BITS].text, other & _POS_MASK
            start = min(run_start, run_start - _match_left(text, there, run_start, at))
            end = max(run_end, run_start + _match_right(text, there, run_start, at))
            runs.append((doc, start, end, run_docs, text[start:end]))
            if pos is not None:
                run_start, run_end, run_docs, other = pos, pos + k, ndocs, posting
    runs.sort(key=lambda r: (-(r[2] - r[1]), r[0], r[1]))
    kept: list[list] = []  # [doc, start, end, documents]
    owner: dict[str, int] = {}  # q-gram of a stretch kept -> which
    q = max(3, k // 2)
    for doc, start, end, ndocs, text in runs:
        grams = {text[i:i + q] for i in range(len(text) - q + 1)}
        inside = [owner[g] for g in grams if g in owner]
        if len(inside) >= 0.8 * len(grams):  # the same stock passage: count its documents there
            host = max(sorted(set(inside)), key=inside.count)  # ties: the first kept, whatever the hash seed
            kept[host][3] = max(kept[host][3], ndocs)
            continue
        for g in grams:
            owner.setdefault(g, len(kept))
        kept.append([doc, start, end, ndocs])
    formulas = []
    for doc, start, end, ndocs in kept:
        p = prepared[doc]
        s, e = p.span_to_original(start, end)
        formulas.append(Formula(Span(keys[doc], s, e, p.original[s:e]), ndocs))
    kept = formulas
    order = {key: x for x, key in enumerate(keys)}
    kept.sort(key=lambda f: (-f.docs, -(f.span.end - f.span.start), order[f.span.key], f.span.start))
    return kept


def find_reuse(docs: Mapping[str, str], min_chars: int = 15, *, formula_docs: int = DEFAULT_FORMULA_DOCS,
               maxdf: int | None = None, minmatch: int = 1, workers: int = 1) -> ReuseResult:
    """Passages reused between any two of ``docs`` or inside one of them.

    ``docs`` maps a key (a year, a district...) to a text; its order is
    taken as time order: in a passage, span ``a`` is in the earlier text
    and the ratios count what already stood in an earlier one. Every span
    carries offsets into the texts as given: ``docs[key][start:end] == text``.

    ``min_chars``: shortest passage, in shared characters (whitespace not
    counted). ``formula_docs``: the document-frequency cap. A fingerprint
    found in at least this many documents is a formula's: it keeps only its
    count and one place (memory stays bounded when a stock passage is in
    every document) and pairs no documents (as passim's maxdf, which is
    ``formula_docs - 1`` here); it still seeds the alignment of documents
    paired by rarer wording, and its stretches are listed in ``formulas``
    with their document counts. A passage whose fingerprints are mostly formula ones,
    or a short quoted slogan, is a :attr:`Kind.FORMULA` passage.
    ``maxdf``: formula fingerprints in fewer than this many documents seed
    the whole of every pair of documents that is aligned; the others only
    next to wording the two share more rarely (a copied passage quoting
    stock phrases), so that the work per pair stays bounded however many
    documents hold a stock passage. Default: all of them on a series of at
    most SMALL_CORPUS documents (formula wording between any two reports of
    a series is seen), else ``formula_docs`` (none on its own). ``minmatch``: fingerprints below the cap two
    documents must share to be aligned (1 sees every exact match of
    ``min_chars`` characters). ``workers``: processes for fingerprinting
    and alignment (forked; the result is the same whatever the number). Two
    pay off on a large corpus only when a second core is idle: 1,000
    reports take about 12 s in one process here (benchmarks/bench_reuse.py).

    Raises ValueError for fewer than two documents (one text alone is an
    error, as for the command; its inner repeats are found when it is
    audited with others), an empty document, or ``min_chars`` below 5 or
    above the length of the longest document.
    """
    if maxdf is None:
        maxdf = len(docs) + 1 if len(docs) <= SMALL_CORPUS else formula_docs
    _check_args(docs, min_chars, formula_docs, maxdf, minmatch)
    keys = tuple(str(key) for key in docs)
    texts = list(docs.values())
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    with gc_paused():
        return _Audit(keys, texts, min_chars, formula_docs, maxdf, minmatch, workers).run()


SMALL_CORPUS = 50  # documents up to which formula wording seeds every aligned pair (maxdf)
_STATE: _Audit | None = None  # the audit a forked worker process works on


def _fingerprint_range(bounds: tuple[int, int]):
    audit = _STATE
    out = []
    for text in audit.texts[bounds[0]:bounds[1]]:
        p = prepare(text)
        fp = fingerprints_prepared(p.text, audit.k, audit.w)
        # the original text stays behind: the parent has it
        out.append((p.text, p.runs, array("q", [pos for pos, _ in fp]), array("q", [h for _, h in fp])))
    return out


def _align_range(bounds: tuple[int, int]):
    return [found for pair in _STATE.pairs[bounds[0]:bounds[1]] for found in _STATE.align(*pair)]


def _ranges(n: int, parts: int) -> list[tuple[int, int]]:
    step = -(-n // parts) if n else 1
    return [(i, min(n, i + step)) for i in range(0, n, step)]


class _Audit:
    """One run of :func:`find_reuse`; its stages can run in forked processes."""

    def __init__(self, keys, texts, min_chars: int, formula_docs: int, maxdf: int, minmatch: int, workers: int):
        self.keys, self.texts, self.min_chars = keys, texts, min_chars
        self.formula_docs, self.maxdf, self.minmatch, self.workers = formula_docs, maxdf, minmatch, workers
        self.k, self.w = params_for(min_chars)

    def _map(self, func, n: int, parts: int):
        """``func`` over ranges of ``range(n)``, in forked workers when asked
        (not from inside a pool worker, which may not start processes)."""
        import multiprocessing

        global _STATE
        ranges = _ranges(n, parts)
        parallel = self.workers > 1 and n > 1 and not multiprocessing.current_process().daemon
        _STATE = self
        try:
            if not parallel:
                return [x for r in ranges for x in func(r)]
            with multiprocessing.get_context("fork").Pool(self.workers) as pool:
                return [x for chunk in pool.imap(func, ranges) for x in chunk]
        finally:
            _STATE = None

    def run(self) -> ReuseResult:
        done = self._map(_fingerprint_range, len(self.texts), 8 * self.workers)
        self.prepared = [Prepared(original, text, runs) for original, (text, runs, _, _) in zip(self.texts, done)]
        _check_prepared(self.keys, self.prepared, self.min_chars)
        fps = [(pos, hashes) for _, _, pos, hashes in done]
        del done
        self.index = _index([zip(pos, hashes) for pos, hashes in fps], self.formula_docs)
        self.places, self.formula_df = _formula_places(fps, self.index)
        del fps
        shared = _shared_by_pair(self.index)
        # as many shared rare fingerprints as minmatch (the corpus path's stage 4 counts the same)
        self.pairs = [(x, y, rare) for (x, y), rare in sorted(shared.items()) if len(rare) >= self.minmatch]
        del shared
        self.classifier = _Classifier(self.prepared, self.index, self.min_chars, self.formula_docs)
        found = self._map(_align_range, len(self.pairs), 16 * self.workers)
        return self._result(found)

    def align(self, x: int, y: int, shared: list[Shared]) -> list[tuple[int, int, Passage]]:
        """The passages of one candidate pair, seeded by :func:`pair_seeds`
        (``shared``: its rare fingerprints; the formula ones are added here), classified."""
        if x != y:
            px, py = self.places[x], self.places[y]
            shared = shared + [(h, (px[h],), (py[h],)) for h in px.keys() & py.keys()]
        seeds = pair_seeds(shared, self.formula_df, formula_docs=self.formula_docs, widespread_docs=self.maxdf,
                           same_doc=x == y)
        passages = align_prepared(self.prepared[x], self.prepared[y], seeds, self.min_chars, x == y,
                                  self.keys[x], self.keys[y])
        return [(x, y, self.classifier.classify(p, x, x == y)) for p in passages]

    def _result(self, found: list[tuple[int, int, Passage]]) -> ReuseResult:
        keys, prepared = self.keys, self.prepared
        before, matrix = _shares(keys, prepared, found, formulas=False)
        before_f, matrix_f = _shares(keys, prepared, found, formulas=True)
        ratios = {key: Ratio(key, len(prepared[x].text), before[x], before_f[x]) for x, key in enumerate(keys)}
        order = {key: x for x, key in enumerate(keys)}
        passages = sorted((p for _, _, p in found), key=lambda p: (-p.chars, order[p.a.key], p.a.start, p.b.start))
        formulas = _formulas(keys, prepared, self.index, self.k, self.w)
        params = {"k": self.k, "w": self.w, "formula_docs": self.formula_docs, "maxdf": self.maxdf,
                  "minmatch": self.minmatch}
        return ReuseResult(keys, tuple(passages), tuple(formulas), ratios, matrix, matrix_f, self.min_chars, params)


# --------------------------------------------------------------------------
# snapshots

def _with_section(span: Span, starts: list[int], headings: list[str]) -> Span:
    from bisect import bisect_right

    i = bisect_right(starts, span.start) - 1
    return Span(span.key, span.start, span.end, span.text, headings[i] if i >= 0 else "")


def audit_snapshots(snapshots, min_chars: int = 15, formula_docs: int = DEFAULT_FORMULA_DOCS) -> ReuseResult:
    """:func:`find_reuse` on the bodies of ``snapshots`` (oldest first),
    keyed by year (as text); every span's start and end are offsets into
    its year's ``Snapshot.body`` and its ``section`` is the heading of the
    section holding its start ("" before the first heading)."""
    from dataclasses import replace

    from erqi_diff.core.document import section_offsets

    snaps = sorted(snapshots, key=lambda s: s.year)
    result = find_reuse({str(s.year): s.body for s in snaps}, min_chars, formula_docs=formula_docs)
    places = {}
    for snap in snaps:
        offsets = section_offsets(snap.body, snap.sections)
        places[str(snap.year)] = ([start for start, _ in offsets], [s.heading for s in snap.sections])
    passages = tuple(replace(p, a=_with_section(p.a, *places[p.a.key]), b=_with_section(p.b, *places[p.b.key]))
                     for p in result.passages)
    formulas = tuple(replace(f, span=_with_section(f.span, *places[f.span.key])) for f in result.formulas)
    return replace(result, passages=passages, formulas=formulas)

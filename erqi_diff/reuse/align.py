"""Aligning two texts from their seeds: every seed grows into an exact
match (seed and extend); exact matches on nearby diagonals are chained
across small gaps (a changed number, a swapped word, an added clause), and
a chain is extended past its ends while a local alignment of the next
characters still finds substantial matches (near-verbatim extension).
A passage never runs across a heading line (a Markdown ``#`` line): a
heading shared by two texts joins nothing (a repeated heading and a common
opening of two different paragraphs are not one copied passage)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from erqi_diff.reuse.fingerprint import Prepared, heading_cuts, paragraph_cuts
from erqi_diff.reuse.model import Difference, Passage, Span

MAX_GAP = 24  # characters: the largest edit bridged inside one passage
MIN_BLOCK = 5  # characters: shortest exact match a seed must grow into


# exact extension (C-speed slice comparisons, galloping then bisecting)

def match_right(a: str, b: str, i: int, j: int) -> int:
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


def match_left(a: str, b: str, i: int, j: int) -> int:
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
        left = match_left(a, b, i, j)
        right = match_right(a, b, i, j)
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
    wb = wb[:MAX_GAP + 2]  # a 2-gram of b starts at MAX_GAP at the latest
    best, best_cost = None, MAX_GAP + 1
    for i in range(min(len(wa) - 1, MAX_GAP + 1)):
        if i >= best_cost:
            break
        gram = wa[i:i + 2]
        j = wb.find(gram)
        while j >= 0:
            cost = max(i, j)
            if cost >= best_cost:
                break  # later places of the gram in b cost more
            n = match(i, j)
            if n >= 2 and 2 * n >= cost:
                best, best_cost = (i, j, n), cost
            j = wb.find(gram, j + 1)
    return best


def _extend_right(a: str, b: str, chain: list[Block], limit_a: int) -> None:
    """Near-verbatim extension past the chain's end, in place, while the
    match resumes after a small edit (see :func:`_anchor`); span a stays
    before ``limit_a``."""
    while True:
        ea, eb = chain[-1][0] + chain[-1][2], chain[-1][1] + chain[-1][2]
        found = _anchor(a[ea:min(ea + MAX_GAP + 2, limit_a)], b[eb:eb + MAX_GAP + 2],
                        lambda i, j, ea=ea, eb=eb: min(match_right(a, b, ea + i, eb + j), limit_a - ea - i))
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
                        lambda i, j, sa=sa, sb=sb: min(match_left(a, b, sa - i, sb - j), sb - j - limit_b))
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


def _cut_at(chains: list[list[Block]], cuts_a: list[int], cuts_b: list[int]) -> list[list[Block]]:
    """The chains cut where either text has a cut (a position in its
    prepared text, sorted): no chain holds characters on both sides of one."""
    if not cuts_a and not cuts_b:
        return chains
    out: list[list[Block]] = []
    for chain in chains:
        piece: list[Block] = []
        for sa, sb, n in chain:
            if piece:
                ea, eb = piece[-1][0] + piece[-1][2], piece[-1][1] + piece[-1][2]
                if _any_in(cuts_a, ea, sa) or _any_in(cuts_b, eb, sb):
                    out.append(piece)
                    piece = []
            inside = sorted({c - sa for c in _within(cuts_a, sa, sa + n)} | {c - sb for c in _within(cuts_b, sb, sb + n)})
            start = 0
            for at in inside:
                piece.append((sa + start, sb + start, at - start))
                out.append(piece)
                piece, start = [], at
            piece.append((sa + start, sb + start, n - start))
        out.append(piece)
    return out


def _holds_in_a_paragraph(chain: list[Block], breaks_a: list[int], breaks_b: list[int], min_chars: int) -> bool:
    """Whether ``chain`` matches ``min_chars`` characters exactly within one
    paragraph of both texts (its blocks cut at the line breaks of either)."""
    if not _any_in(breaks_a, chain[0][0] + 1, chain[-1][0] + chain[-1][2] - 1) and \
            not _any_in(breaks_b, chain[0][1] + 1, chain[-1][1] + chain[-1][2] - 1):
        return True  # within one paragraph: min_chars is checked with its details
    return any(sum(n for _, _, n in piece) >= min_chars for piece in _cut_at([chain], breaks_a, breaks_b))


def _any_in(cuts: list[int], lo: int, hi: int) -> bool:
    """Whether a cut lies in ``[lo, hi]``."""
    i = bisect_left(cuts, lo)
    return i < len(cuts) and cuts[i] <= hi


def _within(cuts: list[int], lo: int, hi: int) -> list[int]:
    """The cuts strictly inside ``(lo, hi)``."""
    return cuts[bisect_right(cuts, lo):bisect_left(cuts, hi)]


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
    chains = _cut_at(chains, heading_cuts(a), heading_cuts(b))
    breaks = (paragraph_cuts(a), paragraph_cuts(b))
    passages: list[Passage] = []
    for chain in chains:
        if not _holds_in_a_paragraph(chain, *breaks, min_chars):
            continue  # two short matches joined across a paragraph break (…的作用。 / 第五、积极发展…)
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

"""Formulas: telling stock wording from copying (:class:`Classifier`), and
the stock stretches (:func:`stock_stretches`), used by
:func:`erqi_diff.reuse.audit.find_reuse` and by ``corpus report`` alike.

A formula fingerprint is one found in ``formula_docs`` documents or more
(find_reuse's cap; the corpus's ``maxdf + 1``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import compress, groupby
from operator import is_, itemgetter
from dataclasses import dataclass, replace

import numpy as np

from erqi_diff.extract.hanscan import is_han
from erqi_diff.reuse.align import match_left, match_right
from erqi_diff.reuse.fingerprint import Prepared
from erqi_diff.reuse.fingerprint_arrays import code_points, kgram_hash_array, ranges as _ranges
from erqi_diff.reuse.model import Kind, Passage

_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"', "《": "》"}  # 《》: a document's or a book's title


def _quoted_share(text: str) -> float:
    """Share of ``text``'s characters standing between quote marks or title marks (names)."""
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
#: The shortest piece of a passage (an exact match between its two places) looked for in every text of a
#: series, in Chinese characters: four (向大会报告, 各民主党派) say a stock phrase; one or two (的, 发展), or
#: digits (增长11), stand anywhere.
STOCK_PIECE = 4
#: A passage between two documents whose typical k-gram (the median of its indexed ones) stands in this many
#: times formula_docs documents is a formula whatever its own wording: a phrase of the whole series with a
#: variant of two reports (the opening 现在，我代表国务院向大会作政府工作报告，请予审议，并请全国政协各位委员
#: 和其他列席人员提出意见 of 1993 and 1994; the thanks after 成就来之不易). In-sample: 2 turns five passages of
#: the development series into formulas, all five stock wording; 1 would turn real copies of three
#: consecutive reports (2023-2025) into formulas.
WIDESPREAD = 2
#: A copy between two texts of a series whose shared characters stand, for :data:`RECUR_SHARE` of them or
#: more, in another text of the series, by pieces of :data:`RECUR_PIECE` characters (shorter than a k-gram:
#: figures change inside a restated sentence), is marked recurring there (``Passage.also``). In-sample:
#: readers called such passages (targets sentence, supervision, diplomacy and defence lines) stock wording
#: as often as copies; "recurring, also in 2013" is true for either reading.
RECUR_PIECE = 8
RECUR_SHARE = 0.5
#: A copy so held in this many texts of the series or more, its own included, is a formula (hidden with the
#: formulas, counted in no share): the formula rule's three reports. In-sample: the readers of audit23 and
#: audit24 called such "copies" false (the yearly thanks, the targets sentence with new figures, the
#: defence, religion and diplomacy paragraphs: 11 of audit24's 14 reuse claims).
FORMULA_TEXTS = 3


class Classifier:
    """Tells formulas from copies. A character of a passage's exact
    matches is formula wording when a k-gram covering it is a fingerprint
    found in ``formula_docs`` documents or more. A passage is a copy when
    what remains (its own wording) is at least ``min_chars`` characters and
    a quarter of the passage: a copied passage quoting stock phrases still
    has its own wording between them, while two stock phrases that happen
    to stand side by side in two reports have next to none. A passage whose
    typical k-gram stands in :data:`WIDESPREAD` times ``formula_docs``
    documents is a formula: a stock phrase with a variant two reports share.
    Short passages mostly between quote marks are slogans, hence formulas.

    ``doc_freq(hashes)``: the documents holding each hash (0 when it is no
    fingerprint), e.g. :meth:`erqi_diff.reuse.index.Index.doc_freq`.

    ``search_texts`` (a series, not a corpus: every text can be read for
    each passage): a stock passage edited in many small places (the closing
    thanks of two years, 向全国工人、农民、知识分子[-、-]干部…) keeps pieces
    shorter than a k-gram, which no fingerprint covers; a piece of
    :data:`STOCK_PIECE` characters or more that stands in ``formula_docs``
    of the texts is formula wording too; and so is a k-gram standing in
    ``formula_docs`` of the texts among all their k-grams (a text's
    fingerprints leave out k-grams where the words around them were edited:
    a paragraph standing, edited, in three reports)."""

    def __init__(self, prepared: list[Prepared], doc_freq: Callable[[np.ndarray], np.ndarray], k: int,
                 min_chars: int, formula_docs: int, search_texts: bool = False):
        self.prepared, self.doc_freq = prepared, doc_freq
        self.min_chars, self.formula_docs, self.k = min_chars, formula_docs, k
        self.search_texts = search_texts
        self._kgrams: tuple[np.ndarray, np.ndarray] | None = None  # every k-gram of the texts, and their counts

    def _block_kgrams(self, items: list[tuple[int, Passage]], k: int
                      ) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The exact-match blocks of each passage of ``items`` (``(x, passage)``:
        its blocks in the prepared text of document x), one after another:
        their texts, lengths, the passage each is of (its place in
        ``items``), their counts of k-grams and the hashes of those k-grams."""
        pieces, lengths, owner = [], [], []
        for slot, (x, passage) in enumerate(items):
            text = self.prepared[x].text
            for sa, _, n in passage.blocks:
                pieces.append(text[sa:sa + n])
                lengths.append(n)
                owner.append(slot)
        lengths_a = np.array(lengths, np.int64)
        counts = np.maximum(lengths_a - k + 1, 0)  # k-grams per block
        starts = np.concatenate(([0], np.cumsum(lengths_a)[:-1])) if len(lengths_a) else lengths_a
        hashes = kgram_hash_array(code_points("".join(pieces)), k)[_ranges(starts, counts)].view(np.int64)
        return pieces, lengths_a, np.array(owner, np.int64), counts, hashes

    def _stock_pieces(self, pieces: list[str]) -> np.ndarray:
        """Whether each piece stands in ``formula_docs`` of the texts (pieces of
        fewer than :data:`STOCK_PIECE` Chinese characters never: a word or
        two, or a number's digits, stand everywhere)."""
        texts = [p.text for p in self.prepared]
        need = self.formula_docs
        out = np.zeros(len(pieces), bool)
        seen: dict[str, bool] = {}
        for b, piece in enumerate(pieces):
            if len(piece) < STOCK_PIECE or sum(map(is_han, piece)) < STOCK_PIECE:
                continue
            if piece not in seen:
                count = 0
                for text in texts:
                    if piece in text:
                        count += 1
                        if count >= need:
                            break
                seen[piece] = count >= need
            out[b] = seen[piece]
        return out

    def _kgram_docs(self, hashes: np.ndarray) -> np.ndarray:
        """The number of texts holding each of ``hashes`` among all their
        k-grams (not only their fingerprints: winnowing keeps a k-gram in
        one text and not in another where the text around it was edited)."""
        if self._kgrams is None:
            each = [np.unique(kgram_hash_array(code_points(p.text), self.k).view(np.int64)) for p in self.prepared]
            self._kgrams = np.unique(np.concatenate(each) if each else np.zeros(0, np.int64), return_counts=True)
        values, counts = self._kgrams
        if not len(values):
            return np.zeros(len(hashes), np.int64)
        at = np.minimum(np.searchsorted(values, hashes), len(values) - 1)
        return np.where(values[at] == hashes, counts[at], 0)

    def classify(self, found: list[tuple[int, int, Passage]]) -> None:
        """Give each passage of ``found`` (``(x, y, passage)``, its blocks in
        the prepared text of document x; ``x == y``: inside one document) its
        kind and ``docs`` (the median document count of the indexed k-grams
        of its blocks, at least 2 between two documents), in place (each
        replaced as it is done: the old one is freed at once). All the
        k-grams of all the blocks are hashed and looked up at once."""
        k = self.k
        pieces, lengths_a, owner_a, counts, hashes = self._block_kgrams([(x, p) for x, _, p in found], k)
        dfs = self.doc_freq(hashes)
        block_of = np.repeat(np.arange(len(counts)), counts)
        # characters covered by the formula k-grams [i, i + k) of each block (never across two)
        formula = np.flatnonzero(dfs >= self.formula_docs)
        fblock = block_of[formula]
        steps = np.full(len(formula), k, np.int64)
        same = fblock[1:] == fblock[:-1]
        steps[1:][same] = np.minimum(np.diff(formula), k)[same]
        npass = len(found)
        by_block = np.bincount(fblock, weights=steps, minlength=len(lengths_a)).astype(np.int64)
        if self.search_texts and len(pieces):
            stock_kgrams = self._kgram_docs(hashes) >= self.formula_docs
            by_block = np.maximum(by_block, _covered(stock_kgrams, block_of, counts, k, len(lengths_a)))
            by_block = np.where(self._stock_pieces(pieces), lengths_a, by_block)
        covered = np.bincount(owner_a, weights=by_block, minlength=npass).astype(np.int64)
        own = np.bincount(owner_a, weights=lengths_a, minlength=npass).astype(np.int64) - covered
        # the median document count of each passage's indexed k-grams
        indexed = dfs > 0
        who = owner_a[block_of[indexed]]
        top = int(dfs.max()) + 1 if len(dfs) else 1
        keyed = np.sort(who * top + dfs[indexed])
        per = np.bincount(who, minlength=npass)
        first = np.concatenate(([0], np.cumsum(per)[:-1])) if npass else per
        median = np.where(per > 0, keyed[np.minimum(first + per // 2, max(len(keyed) - 1, 0))] % top if len(keyed)
                          else 0, 0)
        for n, (own_chars, ndocs) in enumerate(zip(own.tolist(), median.tolist())):
            x, y, passage = found[n]
            ndocs = max(ndocs, 1 if x == y else 2)
            stock = own_chars < self.min_chars or own_chars < (1 - FORMULA_SHARE) * passage.chars or \
                (x != y and ndocs >= WIDESPREAD * self.formula_docs)
            slogan = passage.chars < 3 * self.min_chars and _quoted_share(passage.a.text) >= 0.6
            kind = Kind.FORMULA if stock or slogan else Kind.COPY
            found[n] = (x, y, replace(passage, kind=kind, docs=ndocs))

    def recurring(self, found: list[tuple[int, int, Passage]], keys: Sequence[str]) -> None:
        """Give each copy of ``found`` in a series (between two texts, or
        inside one: a stock phrase of the series said twice in one report)
        its ``also``: the other texts (``keys[d]`` for prepared text d) holding,
        by pieces of :data:`RECUR_PIECE` characters, at least
        :data:`RECUR_SHARE` of its shared characters (the targets sentence
        of three reports with new figures, a diplomacy paragraph restated
        every year). A copy so held in :data:`FORMULA_TEXTS` texts or more,
        its own included (a copy between two reports held by a third, one
        inside a report held by two others), is a formula of the series:
        the yearly thanks, the targets sentence with new figures, a
        diplomacy paragraph. In place; nothing outside a series (a corpus)."""
        chosen = [n for n, (x, y, p) in enumerate(found) if p.kind is Kind.COPY]
        if not self.search_texts or not chosen:
            return
        k = RECUR_PIECE
        _, lengths_a, owner, counts, hashes = self._block_kgrams([(found[n][0], found[n][2]) for n in chosen], k)
        block_of = np.repeat(np.arange(len(counts)), counts)
        total = np.bincount(owner, weights=lengths_a, minlength=len(chosen))
        also: list[list[tuple[str, float]]] = [[] for _ in chosen]
        for d, prepared in enumerate(self.prepared):
            grams = np.unique(kgram_hash_array(code_points(prepared.text), k).view(np.int64))
            held = _covered(np.isin(hashes, grams), block_of, counts, k, len(lengths_a))
            share = np.bincount(owner, weights=held, minlength=len(chosen)) / np.maximum(total, 1)
            for slot in np.flatnonzero(share >= RECUR_SHARE).tolist():
                x, y, _ = found[chosen[slot]]
                if d not in (x, y):
                    also[slot].append((keys[d], float(share[slot])))
        for slot, n in enumerate(chosen):
            if also[slot]:
                x, y, passage = found[n]
                least = round(min(s for _, s in also[slot]), 2)
                # in three texts or more: a formula of the series, as a stock phrase is
                kind = Kind.FORMULA if len(also[slot]) + len({x, y}) >= FORMULA_TEXTS else Kind.COPY
                found[n] = (x, y, replace(passage, also=tuple(sorted(key for key, _ in also[slot])), also_share=least,
                                          kind=kind))


@dataclass(frozen=True)
class Stretch:
    """A stock stretch: ``text`` is ``original[start:end]`` of document
    ``doc`` (offsets into its original text), found in ``docs`` documents."""

    doc: int
    start: int
    end: int
    docs: int
    text: str


_is_none = partial(is_, None)


def stock_stretches(points: Iterable[tuple[int, int, int, int, int]], prepared_of: Callable[[int], Prepared],
                    k: int, w: int) -> list[Stretch]:
    """Stock passages: stretches of formula fingerprints, placed in the
    document where their first fingerprint was first seen, each with the
    most documents any of its fingerprints is in (those at its edges,
    chosen by their neighbours, may be fewer). A stretch mostly inside a
    longer one (the same stock passage, first seen elsewhere) is counted
    with it, not listed. Most documents first, then longest, then by
    document and place.

    ``points``: one per formula fingerprint, ``(doc, pos, docs, other_doc,
    other_pos)``: its first place (positions in prepared text), the
    documents holding it, and its first place in the second document
    holding it; ``prepared_of(doc)``: that document prepared. ``points``
    come grouped by document, in document order (one document's at a time
    in memory)."""
    runs = []
    for doc, group in groupby(points, key=itemgetter(0)):
        points_ = sorted(point[1:] for point in group)
        text = prepared_of(doc).text
        run_start, run_end, run_docs = points_[0][0], points_[0][0] + k, points_[0][1]
        other = points_[0][2:]
        for pos, ndocs, odoc, opos in points_[1:] + [(-1, 0, 0, 0)]:
            if pos >= 0 and pos <= run_end + w:
                run_end, run_docs = max(run_end, pos + k), max(run_docs, ndocs)
                continue
            # grow the stretch as far as it stands in the other document too
            there, at = prepared_of(other[0]).text, other[1]
            start = min(run_start, run_start - match_left(text, there, run_start, at))
            end = max(run_end, run_start + match_right(text, there, run_start, at))
            runs.append((doc, start, end, run_docs, text[start:end]))
            if pos >= 0:
                run_start, run_end, run_docs, other = pos, pos + k, ndocs, (odoc, opos)
    runs.sort(key=lambda r: (-(r[2] - r[1]), r[0], r[1]))
    kept: list[list] = []  # [doc, start, end, documents]
    owner: dict[str, int] = {}  # q-gram of a stretch kept -> which
    q = max(3, k // 2)
    for doc, start, end, ndocs, text in runs:
        grams = list({text[i:i + q] for i in range(len(text) - q + 1)})
        hosts = list(map(owner.get, grams))  # (each q-gram looked up once: the table outgrows the cache)
        inside = [host for host in hosts if host is not None]
        if len(inside) >= 0.8 * len(grams):  # the same stock passage: count its documents there
            host = max(sorted(set(inside)), key=inside.count)  # ties: the first kept, whatever the hash seed
            kept[host][3] = max(kept[host][3], ndocs)
            continue
        owner.update(dict.fromkeys(compress(grams, map(_is_none, hosts)), len(kept)))  # the q-grams no stretch kept has
        kept.append([doc, start, end, ndocs])
    stretches = []
    for doc, start, end, ndocs in kept:
        p = prepared_of(doc)
        s, e = p.span_to_original(start, end)
        stretches.append(Stretch(doc, s, e, ndocs, p.original[s:e]))
    stretches.sort(key=lambda f: (-f.docs, -(f.end - f.start), f.doc, f.start))
    return stretches


def _covered(flags: np.ndarray, block_of: np.ndarray, counts: np.ndarray, k: int, blocks: int) -> np.ndarray:
    """Characters of each block covered by its flagged k-grams (k-gram i of
    a block covers its characters i to i + k; ``flags`` and ``block_of``
    run over every k-gram of every block in order, ``counts`` k-grams a block)."""
    out = np.zeros(blocks, np.int64)
    firsts = np.concatenate(([0], np.cumsum(counts)[:-1])) if len(counts) else counts
    for b in np.unique(block_of[flags]).tolist():
        at = np.flatnonzero(flags[firsts[b]:firsts[b] + counts[b]])
        ends = np.minimum(np.diff(at, append=at[-1] + k), k)
        out[b] = int(ends.sum())
    return out

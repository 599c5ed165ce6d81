"""Reuse audit: passages of one text that reappear, verbatim or nearly, in
another text or elsewhere in the same one.

How a passage is found (no all-pairs difflib):

1. every text is prepared (:func:`erqi_diff.reuse.fingerprint.prepare`: whitespace
   and heading markers dropped, offsets kept) and fingerprinted, all at once
   (:mod:`erqi_diff.reuse.fingerprint_arrays`; character
   k-grams, digits kept, winnowed: every exact match of ``min_chars``
   characters shares at least one fingerprint);
2. an inverted index (numpy arrays, :mod:`erqi_diff.reuse.index`) maps
   each fingerprint to the documents holding it. A
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
   documents, and short quoted slogans, are :attr:`Kind.FORMULA`, a heading
   restating the text under it :attr:`Kind.HEADLINE`
   (:mod:`erqi_diff.reuse.headlines`), a statistics line said again with
   new figures :attr:`Kind.STATISTIC` (:mod:`erqi_diff.reuse.statistics`),
   one made mostly of the series' slogans a formula too
   (:mod:`erqi_diff.reuse.known`), the rest :attr:`Kind.COPY`;
5. ratios: the share of each text's characters that already stood in a text
   before it (the mapping's order is taken as time order), and the matrix of
   shares between every two texts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from erqi_diff.core.runtime import gc_paused
from erqi_diff.reuse.align import align_prepared
from erqi_diff.reuse.fingerprint import Prepared, fingerprints_prepared, params_for, prepare
from erqi_diff.reuse.fingerprint_arrays import fingerprint_table, prepare_many
from erqi_diff.reuse.formulas import Classifier, stock_stretches
from erqi_diff.reuse.headlines import mark_headlines
from erqi_diff.reuse.index import FormulaPrints, build_index
from erqi_diff.reuse.model import Formula, Kind, Passage, Ratio, ReuseResult, Span
from erqi_diff.reuse.parallel import fork_map
from erqi_diff.reuse.seeds import DEFAULT_FORMULA_DOCS, pair_seeds, seeds_from, shared_prints
from erqi_diff.reuse.known import mark_known
from erqi_diff.reuse.statistics import mark_statistics
from erqi_diff.reuse.shares import covered, matrix, prepared_interval, union_by_group


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


def find_reuse(docs: Mapping[str, str], min_chars: int = 15, *, formula_docs: int = DEFAULT_FORMULA_DOCS,
               maxdf: int | None = None, minmatch: int = 1, workers: int = 1,
               background: Mapping[str, str] | None = None, known: Sequence[str] = ()) -> ReuseResult:
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
    ``min_chars`` characters). ``workers``: processes for the alignment of
    the candidate pairs (forked; the result is the same whatever the
    number; fingerprints and the index are numpy arrays, made in one
    process). Two pay off on a large corpus only when a second core is
    idle (figures: docs/benchmarks.md, from benchmarks/bench_reuse.py).

    ``background``: other texts of the same series (the years of a series
    not asked for) that count towards a fingerprint's documents, and so
    tell stock wording from copying, but are neither aligned nor reported:
    a phrase in every other report of the series is a formula even when
    two years are audited. Its texts follow ``docs`` in time order or not:
    only their wording counts.

    ``known``: the series' slogans (their forms): a copy made mostly of
    them is a formula (:mod:`erqi_diff.reuse.known`).

    Raises ValueError for fewer than two documents (one text alone is an
    error, as for the command; its inner repeats are found when it is
    audited with others), an empty document, or ``min_chars`` below 5 or
    above the length of the longest document.
    """
    background = dict(background or {})
    total = len(docs) + len(background)
    if maxdf is None:
        maxdf = total + 1 if total <= SMALL_CORPUS else formula_docs
    _check_args(docs, min_chars, formula_docs, maxdf, minmatch)
    keys = tuple(str(key) for key in docs)
    texts = list(docs.values())
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    for key, text in background.items():
        if not isinstance(text, str):
            raise ValueError(f"background document {key!r} is not text but {type(text).__name__}")
    extra = {str(key): text for key, text in background.items() if text.strip()}
    with gc_paused():
        audit = _Audit(keys, texts + list(extra.values()), min_chars, formula_docs, maxdf, minmatch, workers,
                       tuple(extra))
        audit.known = tuple(known)
        return audit.run()


SMALL_CORPUS = 50  # documents up to which formula wording seeds every aligned pair (maxdf)


def _align_range(audit: _Audit, bounds: tuple[int, int]) -> list:
    return [found for lo, hi in audit.chunks(*bounds) for found in audit.align(lo, hi)]


def _by_document(f: FormulaPrints, chunk: int = 1 << 16):
    """The formula fingerprints as stock_stretches takes them, ``(doc, pos,
    docs, other_doc, other_pos)`` by document and place, a chunk at a time."""
    order = np.lexsort((f.pos, f.doc))
    for lo in range(0, len(order), chunk):
        at = order[lo:lo + chunk]
        yield from zip(f.doc[at].tolist(), f.pos[at].tolist(), f.docs[at].tolist(), f.other_doc[at].tolist(),
                       f.other_pos[at].tolist())


def _ranges(n: int, parts: int) -> list[tuple[int, int]]:
    step = -(-n // parts) if n else 1
    return [(i, min(n, i + step)) for i in range(0, n, step)]


class _Audit:
    """One run of :func:`find_reuse`; its alignment can run in forked processes."""

    def __init__(self, keys, texts, min_chars: int, formula_docs: int, maxdf: int, minmatch: int, workers: int,
                 extra_keys: tuple[str, ...] = ()):
        self.keys, self.texts, self.min_chars = keys, texts, min_chars
        self.extra_keys = extra_keys  # the background's, after the keys
        self.formula_docs, self.maxdf, self.minmatch, self.workers = formula_docs, maxdf, minmatch, workers
        self.k, self.w = params_for(min_chars)
        self.known: tuple[str, ...] = ()  # the series' slogans (find_reuse's known)

    def run(self) -> ReuseResult:
        self.prepared = prepare_many(self.texts)
        _check_prepared(self.keys, self.prepared[:len(self.keys)], self.min_chars)
        # the table is handed over, not kept: build_index lets it go once it has read it
        # (no local name for the index: it must go with self.index before the shares are counted)
        self.index = build_index(fingerprint_table([p.text for p in self.prepared], self.k, self.w),
                                 len(self.prepared), self.formula_docs)
        # as many shared rare fingerprints as minmatch (the corpus path's stage 4 counts the same)
        # ... between the documents asked for (the others, after them, only count documents)
        between = (self.index.shared.pairs < len(self.keys)).all(axis=1)
        self.pairs = np.flatnonzero((self.index.shared.hashes >= self.minmatch) & between)
        self.candidates = len(self.pairs)
        self.classifier = Classifier(self.prepared, self.index.doc_freq, self.k, self.min_chars, self.formula_docs,
                                     search_texts=len(self.prepared) <= SMALL_CORPUS)
        if self.maxdf <= self.formula_docs:
            self.index.make_by_place()  # once, before any worker forks, for Index.widespread_seeds
        bounds = _ranges(len(self.pairs), 16 * self.workers)
        found = [x for chunk in fork_map(_align_range, self, bounds, self.workers) for x in chunk]
        self.classifier.classify(found)
        mark_headlines(found, [p.original for p in self.prepared])
        mark_statistics(found)
        mark_known(found, self.known)
        self.classifier.recurring(found, self.keys + self.extra_keys)
        formulas = self.index.formulas
        del self.index, self.classifier, self.pairs  # the index's arrays go before the shares are counted
        return self._result(found, formulas)

    def chunks(self, lo: int, hi: int, places: int = 1 << 20) -> list[tuple[int, int]]:
        """Candidate pairs ``lo`` to ``hi`` in runs whose first documents hold
        at most about ``places`` formula places together: what the seeds of
        one run (:meth:`Index.widespread_seeds`) may look at stays bounded."""
        index = self.index
        x = index.shared.pairs[self.pairs[lo:hi], 0]
        held = np.cumsum(np.diff(index.places_start)[x] + 1)
        cuts = np.searchsorted(held, np.arange(places, int(held[-1]) if len(held) else 0, places)).tolist()
        edges = [lo] + [lo + c for c in dict.fromkeys(cuts) if 0 < c < hi - lo] + [hi]
        return list(zip(edges, edges[1:]))

    def align(self, lo: int, hi: int) -> list[tuple[int, int, Passage]]:
        """The passages of candidate pairs ``self.pairs[lo:hi]``, seeded by the
        rule of :func:`erqi_diff.reuse.seeds.seeds_from` from their rare
        fingerprints and, between two documents, the formula ones they share:
        all the pairs' seeds at once when every formula is widespread (the
        default on a long series), else pair by pair."""
        rows = self.pairs[lo:hi]
        pairs = self.index.shared.pairs[rows].tolist()
        if self.maxdf <= self.formula_docs:
            starts, p_all, q_all = self.index.widespread_seeds(rows)
            p, q = p_all.tolist(), q_all.tolist()
            seeds = (zip(p[s:e], q[s:e]) for s, e in zip(starts, starts[1:]))
        else:
            seeds = (self._seeds(int(row), x, y) for row, (x, y) in zip(rows, pairs))
        found: list[tuple[int, int, Passage]] = []
        for (x, y), pair_seeds_ in zip(pairs, seeds):
            passages = align_prepared(self.prepared[x], self.prepared[y], pair_seeds_, self.min_chars, x == y,
                                      self.keys[x], self.keys[y])
            found.extend((x, y, passage) for passage in passages)
        return found

    def _seeds(self, row: int, x: int, y: int):
        """The seeds of pair ``row`` of the index, by :func:`erqi_diff.reuse.seeds.seeds_from`."""
        shared = self.index.shared
        lo, hi = int(shared.starts[row]), int(shared.starts[row + 1])
        p, q = shared.p[lo:hi], shared.q[lo:hi]
        if x != y:
            p, q = seeds_from(p, q, *self.index.shared_formulas(x, y), widespread_docs=self.maxdf)
        return zip(p.tolist(), q.tolist())

    def _result(self, found: list[tuple[int, int, Passage]], f: FormulaPrints) -> ReuseResult:
        keys, prepared = self.keys, self.prepared
        lengths = [len(p.text) for p in prepared[:len(keys)]]
        ratios_of, matrices = [], []
        # each passage covers its span a in x (seen in y) and its span b in y (seen in x); inside one text, b only
        owner, other, starts, ends, formula = (np.empty(2 * len(found), np.int64) for _ in range(5))
        n = 0
        for x, y, p in found:
            is_formula = p.kind is not Kind.COPY  # formulas and headlines: no reused wording
            if x != y:
                owner[n], other[n], formula[n] = x, y, is_formula
                starts[n], ends[n] = prepared_interval(prepared[x], p.a.start, p.a.end)
                n += 1
            owner[n], other[n], formula[n] = y, x, is_formula
            starts[n], ends[n] = prepared_interval(prepared[y], p.b.start, p.b.end)
            n += 1
        owner, other, starts, ends, formula = owner[:n], other[:n], starts[:n], ends[:n], formula[:n].astype(bool)
        count = len(keys)
        for with_formulas in (False, True):
            use = np.ones(n, bool) if with_formulas else ~formula
            earlier = use & (other < owner)  # what stood in a text before it (the mapping's order is time order)
            ratios_of.append(union_by_group(owner[earlier], starts[earlier], ends[earlier], count).tolist())
            matrices.append(matrix(*covered(owner[use], other[use], starts[use], ends[use], count), lengths, keys))
        ratios = {key: Ratio(key, lengths[x], ratios_of[0][x], ratios_of[1][x]) for x, key in enumerate(keys)}
        order = {key: x for x, key in enumerate(keys)}
        passages = sorted((p for _, _, p in found), key=lambda p: (-p.chars, order[p.a.key], p.a.start, p.b.start))
        points = _by_document(f)
        formulas = [Formula(Span(keys[s.doc], s.start, s.end, s.text), s.docs)
                    for s in stock_stretches(points, prepared.__getitem__, self.k, self.w) if s.doc < count]
        params = {"k": self.k, "w": self.w, "formula_docs": self.formula_docs, "maxdf": self.maxdf,
                  "minmatch": self.minmatch}
        return ReuseResult(keys, tuple(passages), tuple(formulas), ratios, matrices[0], matrices[1], self.min_chars,
                           params)


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

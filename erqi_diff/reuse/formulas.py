"""Formulas: telling stock wording from copying, and the stock stretches."""

from __future__ import annotations

from collections import defaultdict

from erqi_diff.reuse.align import match_left, match_right
from erqi_diff.reuse.fingerprint import Prepared, kgram_hashes, params_for
from erqi_diff.reuse.index import _POS_BITS, _POS_MASK, _doc_freq
from erqi_diff.reuse.model import Formula, Kind, Passage, Span

_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"'}


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
            start = min(run_start, run_start - match_left(text, there, run_start, at))
            end = max(run_end, run_start + match_right(text, there, run_start, at))
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

"""Stages 2 and 5, the Python ones: the same functions on both engines.

Locally they run in a pool of worker processes that memory-map
``texts.arrow``; on Spark they run inside ``mapInArrow``. Both call the
reuse audit's own code, :mod:`erqi_diff.fingerprint` and
:func:`erqi_diff.reuse.align_pair`: there is no second fingerprinting or
alignment here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

_SIGN = 1 << 63
_MASK = (1 << 64) - 1


def signed64(h: int) -> int:
    """A hash as a signed 64-bit integer (Parquet and SQL BIGINT)."""
    h &= _MASK
    return h - (1 << 64) if h >= _SIGN else h


def fingerprint_text(text: str, k: int, w: int) -> list[tuple[int, int]]:
    """(pos, hash) of the winnowed k-grams of ``text``, as the reuse audit makes them."""
    from ..fingerprint import fingerprints

    return [(int(pos), signed64(h)) for pos, h in fingerprints(text, k=k, w=w)]


PASSAGE_FIELDS = ("doc1", "doc2", "start1", "end1", "start2", "end2", "chars", "similarity")


def align_texts(text1: str, text2: str, min_chars: int, seeds=None) -> list[tuple[int, int, int, int, int, float]]:
    """(start1, end1, start2, end2, chars, similarity) of every passage the
    reuse audit finds between two texts, in its order. ``seeds``: what
    :func:`erqi_diff.reuse.align_pair` would compute itself (see
    :func:`align_batch`)."""
    from ..reuse import align_pair

    return [passage_tuple(p) for p in align_pair(text1, text2, seeds=seeds, min_chars=min_chars)]


def passage_tuple(p) -> tuple[int, int, int, int, int, float]:
    """Adapter from :class:`erqi_diff.reuse.Passage` to a row."""
    return (p.a.start, p.a.end, p.b.start, p.b.end, p.chars, float(p.similarity))


# --- Arrow schemas and batch functions --------------------------------------------------

def fp_schema():
    import pyarrow as pa

    return pa.schema([("doc", pa.int32()), ("pos", pa.int32()), ("hash", pa.int64())])


def passages_schema():
    import pyarrow as pa

    return pa.schema([("doc1", pa.int32()), ("doc2", pa.int32()), ("start1", pa.int32()), ("end1", pa.int32()),
                      ("start2", pa.int32()), ("end2", pa.int32()), ("chars", pa.int32()),
                      ("similarity", pa.float64())])


def fingerprint_batch(docs: Iterable[int], texts: Iterable[str], k: int, w: int):
    """A record batch (doc, pos, hash) for the given documents."""
    import pyarrow as pa

    out_doc: list[int] = []
    out_pos: list[int] = []
    out_hash: list[int] = []
    for doc, text in zip(docs, texts):
        fps = fingerprint_text(text, k, w)
        out_doc.extend([doc] * len(fps))
        out_pos.extend(p for p, _ in fps)
        out_hash.extend(h for _, h in fps)
    return pa.record_batch([pa.array(out_doc, pa.int32()), pa.array(out_pos, pa.int32()),
                            pa.array(out_hash, pa.int64())], schema=fp_schema())


def align_batch(pairs: Iterable[tuple[int, int]], text_of, min_chars: int):
    """A record batch of passages for ``pairs`` of doc numbers; ``text_of(doc)``
    gives a text. Each document is fingerprinted once per batch (pairs come
    sorted by their first document), with the k and w align_pair itself
    uses, and the pair's seeds are the reuse audit's :func:`pair_seeds` of
    them: the passages are those of ``align_pair(a, b)`` without seeds, only
    without fingerprinting a document again for every pair it is in."""
    import pyarrow as pa

    from ..fingerprint import fingerprints, params_for
    from ..reuse import pair_seeds

    k, w = params_for(max(3, min_chars))
    prints: dict[int, list[tuple[int, int]]] = {}

    def fp(doc: int) -> list[tuple[int, int]]:
        if doc not in prints:
            prints[doc] = fingerprints(text_of(doc), k, w)
        return prints[doc]

    cols: list[list] = [[] for _ in PASSAGE_FIELDS]
    for doc1, doc2 in pairs:
        for row in align_texts(text_of(doc1), text_of(doc2), min_chars, seeds=pair_seeds(fp(doc1), fp(doc2))):
            for col, value in zip(cols, (doc1, doc2, *row)):
                col.append(value)
    schema = passages_schema()
    return pa.record_batch([pa.array(c, f.type) for c, f in zip(cols, schema)], schema=schema)


# --- on Spark: mapInArrow functions ------------------------------------------------------

def spark_fingerprint(batches: Iterator, k: int, w: int) -> Iterator:
    for batch in batches:
        cols = batch.to_pydict()
        yield fingerprint_batch(cols["doc"], cols["text"], k, w)


def spark_align(batches: Iterator, min_chars: int) -> Iterator:
    for batch in batches:
        cols = batch.to_pydict()
        texts: dict[int, str] = {}
        for d1, t1, d2, t2 in zip(cols["doc1"], cols["text1"], cols["doc2"], cols["text2"]):
            texts[d1], texts[d2] = t1, t2
        yield align_batch(list(zip(cols["doc1"], cols["doc2"])), texts.__getitem__, min_chars)


# --- locally: pool workers over the memory-mapped texts ------------------------------------

_STORE = None


def _worker_init(texts_path: str) -> None:
    global _STORE
    from .ingest import TextStore

    _STORE = TextStore(texts_path)


def local_fingerprint(task: tuple[int, int, int, int]):
    lo, hi, k, w = task
    docs = range(lo, hi)
    return fingerprint_batch(docs, (_STORE[d] for d in docs), k, w)


def local_align(task: tuple[list[tuple[int, int]], int]):
    pairs, min_chars = task
    cache: dict[int, str] = {}

    def text_of(doc: int) -> str:
        if doc not in cache:
            cache[doc] = _STORE[doc]
        return cache[doc]

    return len(pairs), align_batch(pairs, text_of, min_chars)

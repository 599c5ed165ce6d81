"""Stages 2 and 5, the Python ones: the same functions on both engines.

Locally they run in a pool of worker processes that memory-map
``texts.arrow``; on Spark they run inside ``mapInArrow``. Both call the
reuse audit's own code, :mod:`erqi_diff.reuse.fingerprint`, and
:func:`erqi_diff.reuse.seeds.pair_seeds` and :func:`erqi_diff.reuse.align.align_prepared`
as :func:`erqi_diff.reuse.audit.find_reuse` does: there is no second
fingerprinting, seeding or alignment here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

_SIGN = 1 << 63
_MASK = (1 << 64) - 1


def signed64(h: int) -> int:
    """A hash as a signed 64-bit integer (Parquet and SQL BIGINT)."""
    h &= _MASK
    return h - (1 << 64) if h >= _SIGN else h


def fingerprint_text(text: str, k: int, w: int) -> list[tuple[int, int]]:
    """(pos, hash) of the winnowed k-grams of ``text``, as the reuse audit makes them."""
    from erqi_diff.reuse.fingerprint import fingerprints

    return [(int(pos), signed64(h)) for pos, h in fingerprints(text, k=k, w=w)]


PASSAGE_FIELDS = ("doc1", "doc2", "start1", "end1", "start2", "end2", "chars", "similarity")


def align_texts(text1: str, text2: str, min_chars: int, seeds=None) -> list[tuple[int, int, int, int, int, float]]:
    """(start1, end1, start2, end2, chars, similarity) of every passage
    :func:`erqi_diff.reuse.audit.align_pair` finds between two texts, in its
    order (``seeds``: given to it; by default its own, every shared
    fingerprint a rare one). Stage 5 itself runs :func:`align_batch`."""
    from erqi_diff.reuse.audit import align_pair

    return [passage_tuple(p) for p in align_pair(text1, text2, seeds=seeds, min_chars=min_chars)]


def passage_tuple(p) -> tuple[int, int, int, int, int, float]:
    """Adapter from :class:`erqi_diff.reuse.model.Passage` to a row."""
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


def align_batch(pairs: Iterable[tuple[int, int]], text_of, min_chars: int, k: int, w: int,
                df: Mapping[int, int] | None = None, formula_docs: int | None = None):
    """A record batch of passages for ``pairs`` of doc numbers; ``text_of(doc)``
    gives a text. Each document is prepared and fingerprinted once per batch
    (pairs come sorted by their first document) with the run's ``k`` and
    ``w`` (the fingerprints of stage 2); each pair is seeded by the reuse
    audit's :func:`erqi_diff.reuse.seeds.pair_seeds` of the fingerprints the two
    share (:func:`erqi_diff.reuse.seeds.shared_prints`) with ``df``, the document
    counts of stage 3's formula hashes (those in ``formula_docs`` documents
    or more), and aligned by its :func:`erqi_diff.reuse.align.align_prepared`:
    the passages :func:`erqi_diff.reuse.audit.find_reuse` finds between the two."""
    import pyarrow as pa

    from erqi_diff.reuse.fingerprint import fingerprints_prepared, prepare
    from erqi_diff.reuse.align import align_prepared
    from erqi_diff.reuse.seeds import DEFAULT_FORMULA_DOCS, pair_seeds, shared_prints

    formula_docs = formula_docs or DEFAULT_FORMULA_DOCS
    done: dict[int, tuple] = {}

    def fp(doc: int):
        if doc not in done:
            prepared = prepare(text_of(doc))
            done[doc] = prepared, fingerprints_prepared(prepared.text, k, w)
        return done[doc]

    cols: list[list] = [[] for _ in PASSAGE_FIELDS]
    for doc1, doc2 in pairs:
        (p1, f1), (p2, f2) = fp(doc1), fp(doc2)
        seeds = pair_seeds(shared_prints(f1, f2), df, formula_docs=formula_docs)
        for passage in align_prepared(p1, p2, seeds, min_chars):
            for col, value in zip(cols, (doc1, doc2, *passage_tuple(passage))):
                col.append(value)
    schema = passages_schema()
    return pa.record_batch([pa.array(c, f.type) for c, f in zip(cols, schema)], schema=schema)


def formula_counts(path) -> dict[int, int]:
    """hash -> documents, of stage 3's ``formulas`` (the hashes in more than
    maxdf documents): what :func:`align_batch` takes as ``df``."""
    import pyarrow.dataset as ds

    table = ds.dataset(str(path), format="parquet").to_table(columns=["hash", "ndocs"])
    return dict(zip(table.column(0).to_pylist(), table.column(1).to_pylist()))


# --- on Spark: mapInArrow functions ------------------------------------------------------

def spark_fingerprint(batches: Iterator, k: int, w: int) -> Iterator:
    for batch in batches:
        cols = batch.to_pydict()
        yield fingerprint_batch(cols["doc"], cols["text"], k, w)


def spark_align(batches: Iterator, min_chars: int, k: int, w: int, df, formula_docs: int) -> Iterator:
    """``df``: a broadcast variable holding :func:`formula_counts`."""
    for batch in batches:
        cols = batch.to_pydict()
        texts: dict[int, str] = {}
        for d1, t1, d2, t2 in zip(cols["doc1"], cols["text1"], cols["doc2"], cols["text2"]):
            texts[d1], texts[d2] = t1, t2
        yield align_batch(list(zip(cols["doc1"], cols["doc2"])), texts.__getitem__, min_chars, k, w, df.value,
                          formula_docs)


# --- locally: pool workers over the memory-mapped texts ------------------------------------

_STORE = None
_DF: dict[int, int] | None = None


def _worker_init(texts_path: str, formulas_path: str | None = None) -> None:
    global _STORE, _DF
    from erqi_diff.corpus.ingest import TextStore

    _STORE = TextStore(texts_path)
    _DF = formula_counts(formulas_path) if formulas_path else None


def local_fingerprint(task: tuple[int, int, int, int]):
    lo, hi, k, w = task
    docs = range(lo, hi)
    return fingerprint_batch(docs, (_STORE[d] for d in docs), k, w)


def local_align(task: tuple[list[tuple[int, int]], int, int, int, int]):
    pairs, min_chars, k, w, formula_docs = task
    cache: dict[int, str] = {}

    def text_of(doc: int) -> str:
        if doc not in cache:
            cache[doc] = _STORE[doc]
        return cache[doc]

    return len(pairs), align_batch(pairs, text_of, min_chars, k, w, _DF, formula_docs)

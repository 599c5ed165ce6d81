"""Stages 2 and 5, the Python ones: the same functions on both engines.

Locally they run in a pool of worker processes that memory-map
``texts.arrow``; on Spark they run inside ``mapInArrow``. Both call the
reuse audit's own code: the array fingerprints of
:mod:`erqi_diff.reuse.fingerprint_arrays`, the seeding rule
:func:`erqi_diff.reuse.seeds.seeds_from` and the alignment
:func:`erqi_diff.reuse.align.align_prepared`, as
:func:`erqi_diff.reuse.audit.find_reuse` does: there is no second
fingerprinting, seeding or alignment here.

Each batch of documents is prepared and fingerprinted at once (numpy);
a batch of pairs prepares and fingerprints each document it needs once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from typing import Any
from pathlib import Path

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


def prints_schema():
    import pyarrow as pa

    return pa.schema([("doc", pa.int32()), ("text", pa.large_string()), ("runs", pa.list_(pa.int32())),
                      ("hashes", pa.list_(pa.int64())), ("starts", pa.list_(pa.int32())),
                      ("places", pa.list_(pa.int32()))])


def fingerprint_batch(docs: Sequence[int], texts: Sequence[str], k: int, w: int, with_prints: bool = False):
    """A record batch (doc, pos, hash) for the given documents: their
    winnowed k-grams (:func:`erqi_diff.reuse.fingerprint.fingerprints`),
    ``pos`` the offset in the original text of the k-gram's first kept
    character, ``hash`` below 2**61 (a signed 64-bit integer as it is).
    ``with_prints``: also a batch of :func:`prints_schema`, what stage 5
    needs of each document (its prepared text and runs, its
    :class:`erqi_diff.reuse.seeds.DocPrints`), so that it need not make
    them again (:class:`PrintsStore`)."""
    import numpy as np
    import pyarrow as pa

    from erqi_diff.reuse.fingerprint_arrays import fingerprint_table, prepare_many

    prepared = prepare_many(list(texts))
    table = fingerprint_table([p.text for p in prepared], k, w)
    docs_a = np.asarray(docs, dtype=np.int64)
    # prepared positions -> original offsets through each text's runs (Prepared.to_original), all at once
    counts = [len(p.runs) for p in prepared]
    runs = np.fromiter(chain.from_iterable(chain.from_iterable(p.runs for p in prepared)), np.int64,
                       count=2 * sum(counts)).reshape(-1, 2)
    span = max((len(p.text) for p in prepared), default=0) + 1
    run_keys = np.repeat(np.arange(len(prepared), dtype=np.int64), counts) * span + runs[:, 0]
    pos = table.pos.astype(np.int64)
    run = np.searchsorted(run_keys, table.doc.astype(np.int64) * span + pos, side="right") - 1
    original = runs[run, 1] + (pos - runs[run, 0]) if len(pos) else pos
    bounds = np.searchsorted(table.doc, np.arange(len(prepared) + 1))
    fp = pa.record_batch([pa.array(docs_a[table.doc], pa.int32()), pa.array(original, pa.int32()),
                          pa.array(table.hash, pa.int64())], schema=fp_schema())
    if not with_prints:
        return fp
    from erqi_diff.reuse.seeds import DocPrints

    cols: list[list] = [[], [], [], [], [], []]
    for i, p in enumerate(prepared):
        lo, hi = int(bounds[i]), int(bounds[i + 1])
        prints = DocPrints.of(table.pos[lo:hi], table.hash[lo:hi])
        for col, value in zip(cols, (int(docs_a[i]), p.text, [v for run in p.runs for v in run], prints.hashes,
                                     prints.start, prints.pos)):
            col.append(value)
    schema = prints_schema()
    return fp, pa.record_batch([pa.array(c, f.type) for c, f in zip(cols, schema)], schema=schema)


class PrintsStore:
    """Stage 2's ``prints.arrow`` memory-mapped: ``get(doc, original)``
    gives the document's :class:`erqi_diff.reuse.fingerprint.Prepared`
    and :class:`erqi_diff.reuse.seeds.DocPrints` as stage 2 made them."""

    def __init__(self, path: Path) -> None:
        import numpy as np
        import pyarrow as pa

        self._source = pa.memory_map(str(path), "r")
        self._reader = pa.ipc.open_file(self._source)
        first = [self._reader.get_batch(i).column(0)[0].as_py() for i in range(self._reader.num_record_batches)]
        self._first = np.array(first, np.int64)
        self._batches: dict[int, Any] = {}

    def get(self, doc: int, original: str) -> tuple:
        import numpy as np

        from erqi_diff.reuse.fingerprint import Prepared
        from erqi_diff.reuse.seeds import DocPrints

        at = int(np.searchsorted(self._first, doc, side="right")) - 1
        batch = self._batches.get(at)
        if batch is None:
            batch = self._batches[at] = self._reader.get_batch(at)
        row = doc - int(self._first[at])
        text = batch.column(1)[row].as_py()
        runs = batch.column(2)[row].values.to_numpy()
        prepared = Prepared(original, text, tuple(zip(runs[0::2].tolist(), runs[1::2].tolist())))
        lists = [batch.column(c)[row].values.to_numpy() for c in (3, 4, 5)]
        return prepared, DocPrints(lists[0], lists[1].astype(np.int64), lists[2].astype(np.int64))

    def close(self) -> None:
        self._batches.clear()
        self._source.close()


class Prints:
    """Documents prepared and fingerprinted on demand, many at once:
    ``get(doc)`` gives ``(Prepared, DocPrints)``; read from stage 2's
    ``store`` (:class:`PrintsStore`) when there is one."""

    def __init__(self, text_of: Callable[[int], str], k: int, w: int, store: PrintsStore | None = None) -> None:
        self.text_of, self.k, self.w, self.store = text_of, k, w, store
        self.done: dict[int, tuple] = {}

    def load(self, docs: Iterable[int]) -> None:
        if self.store is not None:
            for doc in set(docs) - self.done.keys():
                self.done[doc] = self.store.get(doc, self.text_of(doc))
            return
        from erqi_diff.reuse.fingerprint_arrays import fingerprint_table, prepare_many
        from erqi_diff.reuse.seeds import DocPrints

        todo = sorted(set(docs) - self.done.keys())
        prepared = prepare_many([self.text_of(doc) for doc in todo])
        table = fingerprint_table([p.text for p in prepared], self.k, self.w)
        for i, (doc, p) in enumerate(zip(todo, prepared)):
            self.done[doc] = p, DocPrints.of(*table.of(i))

    def get(self, doc: int) -> tuple:
        if doc not in self.done:
            self.load([doc])
        return self.done[doc]


def align_batch(pairs: Sequence[tuple[int, int]], text_of, min_chars: int, k: int, w: int,
                df: tuple | None = None, formula_docs: int | None = None, store: PrintsStore | None = None):
    """A record batch of passages for ``pairs`` of doc numbers; ``text_of(doc)``
    gives a text. Each document is prepared and fingerprinted once per batch
    with the run's ``k`` and ``w`` (the fingerprints of stage 2); each pair
    is seeded by the reuse audit's rule (:func:`erqi_diff.reuse.seeds.seeds_from`)
    from the fingerprints the two share (:func:`erqi_diff.reuse.seeds.pair_places`):
    every place of those in fewer than ``formula_docs`` documents, the first
    place of the others (``df``: stage 3's formula hashes and their counts,
    :func:`formula_counts`), and aligned by :func:`erqi_diff.reuse.align.align_prepared`:
    the passages :func:`erqi_diff.reuse.audit.find_reuse` finds between the two.
    ``store``: stage 2's prepared texts and fingerprints, read instead of made again."""
    import numpy as np
    import pyarrow as pa

    from erqi_diff.reuse.align import align_prepared
    from erqi_diff.reuse.seeds import pair_places, seeds_from

    hashes, counts = df if df is not None else (np.empty(0, np.int64), np.empty(0, np.int64))
    prints = Prints(text_of, k, w, store)
    prints.load(d for pair in pairs for d in pair)
    cols: list[list] = [[] for _ in PASSAGE_FIELDS]
    for doc1, doc2 in pairs:
        (p1, f1), (p2, f2) = prints.get(doc1), prints.get(doc2)
        seeds = seeds_from(*pair_places(f1, f2, hashes, counts))
        for passage in align_prepared(p1, p2, zip(*(s.tolist() for s in seeds)), min_chars):
            for col, value in zip(cols, (doc1, doc2, *passage_tuple(passage))):
                col.append(value)
    schema = passages_schema()
    return pa.record_batch([pa.array(c, f.type) for c, f in zip(cols, schema)], schema=schema)


def formula_counts(path) -> tuple:
    """``(hashes, documents)`` of stage 3's ``formulas`` (the hashes in more
    than maxdf documents), sorted by hash: what :func:`align_batch` takes as ``df``."""
    import numpy as np
    import pyarrow.dataset as ds

    table = ds.dataset(str(path), format="parquet").to_table(columns=["hash", "ndocs"])
    hashes = table.column(0).to_numpy().astype(np.int64)
    counts = table.column(1).to_numpy().astype(np.int64)
    order = np.argsort(hashes)
    return hashes[order], counts[order]


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

class Worker:
    """What a local pool worker holds: the memory-mapped texts and stage 3's
    formula counts, opened in the worker itself (its pool's initializer,
    :func:`start_worker`, is given their paths)."""

    def __init__(self, texts_path: str, formulas_path: str | None = None, prints_path: str | None = None) -> None:
        from erqi_diff.corpus.ingest import TextStore

        self.store = TextStore(Path(texts_path))
        self.df = formula_counts(formulas_path) if formulas_path else None
        self.prints = PrintsStore(Path(prints_path)) if prints_path and Path(prints_path).exists() else None

    def fingerprint(self, task: tuple[int, int, int, int]):
        lo, hi, k, w = task
        docs = range(lo, hi)
        return fingerprint_batch(docs, [self.store[d] for d in docs], k, w, with_prints=True)

    def align(self, task: tuple[list[tuple[int, int]], int, int, int, int]):
        pairs, min_chars, k, w, formula_docs = task
        return len(pairs), align_batch(pairs, self.store.__getitem__, min_chars, k, w, self.df, formula_docs,
                                       self.prints)


_worker: Worker | None = None  # in a pool worker process only: set by start_worker from its arguments


def start_worker(texts_path: str, formulas_path: str | None = None, prints_path: str | None = None) -> None:
    global _worker
    _worker = Worker(texts_path, formulas_path, prints_path)


def local_fingerprint(task: tuple[int, int, int, int]):
    if _worker is None:
        raise RuntimeError("local_fingerprint runs in a pool started with start_worker")
    return _worker.fingerprint(task)


def local_align(task: tuple[list[tuple[int, int]], int, int, int, int]):
    if _worker is None:
        raise RuntimeError("local_align runs in a pool started with start_worker")
    return _worker.align(task)

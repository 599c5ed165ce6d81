"""The engines: DuckDB (embedded, the default) and Spark SQL.

Both offer the same four operations, used by :mod:`.stages`:

- ``run_sql(statement, tables, out)``: the result of one SQL statement of
  :mod:`.sql` written as Parquet into the folder ``out``;
- ``fingerprint(docs, texts, ndocs, out, k, w, advance)``: stage 2;
- ``align(docs, texts, pairs, npairs, out, min_chars, advance, k, w, formulas, formula_docs)``:
  stage 5 (``formulas``: stage 3's table of the hashes in ``formula_docs``
  documents or more, whose counts seed as :func:`erqi_diff.reuse.seeds.pair_seeds` says);
- ``close()``.

DuckDB runs the Python stages in a pool of ``threads`` worker processes; it
is given ``memory_limit``, ``threads`` and a ``temp_directory`` in the output
folder, so a join larger than memory spills to disk instead of failing.
Spark runs them in ``mapInArrow``, on ``local[N]`` or any master URL.
"""

from __future__ import annotations

import enum
import os
import re
import shutil
import sys
from functools import partial
from pathlib import Path

from erqi_diff.corpus import EngineError

_UNITS = {"": 1, "b": 1, "k": 1 << 10, "kb": 1 << 10, "m": 1 << 20, "mb": 1 << 20,
          "g": 1 << 30, "gb": 1 << 30, "t": 1 << 40, "tb": 1 << 40}
MB = 1 << 20

FP_DOCS_PER_TASK = 64
ALIGN_PAIRS_PER_TASK = 256


class EngineName(str, enum.Enum):
    DUCKDB = "duckdb"
    SPARK = "spark"


def parse_memory(value: str) -> int:
    """``4GB``, ``512MB``, ``2g`` -> bytes; :class:`EngineError` otherwise."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", str(value))
    unit = match.group(2).lower() if match else None
    if not match or unit not in _UNITS:
        raise EngineError(f"--memory {value!r} is not a size: write it like 4GB or 512MB")
    return int(float(match.group(1)) * _UNITS[unit])


def human(n: int) -> str:
    for unit, size in (("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= size:
            return f"{n / size:.1f}{unit}".replace(".0", "")
    return f"{n}B"


def minimum_memory(engine: EngineName, threads: int) -> int:
    """What a run needs at least: the engine's own share plus one Python
    worker per thread (a worker holds the erqi-diff modules, a batch of
    documents and their fingerprints)."""
    base = 256 * MB if engine is EngineName.DUCKDB else 1024 * MB
    return base + threads * 128 * MB


def available_memory() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def check_memory(engine: EngineName, memory: int, threads: int, local: bool = True) -> None:
    """Refuse, before anything starts, a --memory that cannot work."""
    need = minimum_memory(engine, threads)
    if memory < need:
        raise EngineError(
            f"--memory {human(memory)} is too small: {engine.value} with {threads} thread(s) needs at least "
            f"{human(need)} (what does not fit is spilled to disk, but not below that); "
            f"give --memory {human(need)} or more, or fewer --threads")
    have = available_memory() if local else None
    if have is not None and memory > have:
        raise EngineError(f"--memory {human(memory)} is more than this machine has available ({human(have)}): "
                          f"give --memory {human(have * 3 // 4)} or less")


def default_threads() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def _glob(path: Path) -> str:
    return str(path / "*.parquet")


# --- DuckDB --------------------------------------------------------------------------------

class DuckDBEngine:
    """SQL on DuckDB, Python stages in a pool of worker processes.

    The DuckDB connection is opened for each statement and closed after it,
    so the worker pool is forked from a process without DuckDB's threads
    (fork, not spawn: a user's script need not guard its main module)."""

    name = EngineName.DUCKDB

    def __init__(self, memory: int, threads: int, temp_dir: Path) -> None:
        try:
            import duckdb  # noqa: F401
        except ImportError:
            raise EngineError("the corpus engine needs DuckDB: pip install 'erqi-diff[corpus]'") from None
        self.memory = memory
        self.threads = threads
        self.temp_dir = temp_dir

    def _connect(self):
        import duckdb

        self.temp_dir.mkdir(parents=True, exist_ok=True)
        # DuckDB's limit covers its buffers, not all it allocates: keep a margin.
        return duckdb.connect(config={
            "memory_limit": f"{max(128, int(self.memory * 0.6) // MB)}MB",
            "threads": self.threads,
            "temp_directory": str(self.temp_dir),
            "preserve_insertion_order": False,
        })

    def run_sql(self, statement, tables: dict[str, Path], out: Path) -> None:
        con = self._connect()
        try:
            con.execute("SET enable_progress_bar = false")  # a long query would draw it into `--json`'s standard output
            for name in statement.inputs:
                source = _glob(tables[name]).replace("'", "''")
                con.execute(f"CREATE OR REPLACE VIEW {name} AS SELECT * FROM read_parquet('{source}')")
            out.mkdir(parents=True, exist_ok=True)
            target = str(out / "part-0.parquet").replace("'", "''")
            con.execute(f"COPY ({statement.sql}) TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
        except Exception as exc:
            if type(exc).__name__ == "OutOfMemoryException":
                raise EngineError(f"DuckDB ran out of memory in `{statement.sql}` even spilling to {self.temp_dir}: "
                                  f"give more --memory (now {human(self.memory)}) or free disk space") from None
            raise
        finally:
            con.close()

    def _pool(self, texts: Path, formulas: Path | None = None, prints: Path | None = None):
        import multiprocessing

        from erqi_diff.corpus.pystages import start_worker

        return multiprocessing.get_context("fork").Pool(self.threads, start_worker,
                                                        (str(texts), str(formulas) if formulas else None,
                                                         str(prints) if prints else None))

    def fingerprint(self, docs: Path, texts: Path, ndocs: int, out: Path, k: int, w: int, advance) -> None:
        """Stage 2: ``out`` (fp.parquet) and, beside it, ``prints.arrow``
        (:class:`erqi_diff.corpus.pystages.PrintsStore`: what stage 5 reads
        instead of preparing and fingerprinting the documents again)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        from erqi_diff.corpus.pystages import fp_schema, local_fingerprint, prints_schema

        out.mkdir(parents=True, exist_ok=True)
        tasks = [(lo, min(lo + FP_DOCS_PER_TASK, ndocs), k, w) for lo in range(0, ndocs, FP_DOCS_PER_TASK)]
        sink = pa.OSFile(str(out.parent / "prints.arrow"), "wb")
        try:
            with self._pool(texts) as pool, pq.ParquetWriter(out / "part-0.parquet", fp_schema(),
                                                             compression="zstd") as writer, \
                    pa.ipc.new_file(sink, prints_schema()) as prints:
                for (lo, hi, _, _), (batch, printed) in zip(tasks, pool.imap(local_fingerprint, tasks)):
                    writer.write_batch(batch)
                    prints.write_batch(printed)
                    advance(hi - lo)
        finally:
            sink.close()

    def align(self, docs: Path, texts: Path, pairs: Path, npairs: int, out: Path, min_chars: int, advance,
              k: int, w: int, formulas: Path, formula_docs: int) -> None:
        import pyarrow.dataset as ds
        import pyarrow.parquet as pq

        from erqi_diff.corpus.pystages import local_align, passages_schema

        out.mkdir(parents=True, exist_ok=True)
        ordered = ds.dataset(str(pairs), format="parquet").to_table(columns=["doc1", "doc2"]).sort_by(
            [("doc1", "ascending"), ("doc2", "ascending")])

        def tasks():
            for lo in range(0, ordered.num_rows, ALIGN_PAIRS_PER_TASK):
                part = ordered.slice(lo, ALIGN_PAIRS_PER_TASK)
                yield list(zip(part.column(0).to_pylist(), part.column(1).to_pylist())), min_chars, k, w, formula_docs

        with self._pool(texts, formulas, texts.parent / "prints.arrow") as pool, \
                pq.ParquetWriter(out / "part-0.parquet", passages_schema(), compression="zstd") as writer:
            for n, batch in pool.imap(local_align, tasks()):
                writer.write_batch(batch)
                advance(n)

    def close(self) -> None:
        pass


# --- Spark ---------------------------------------------------------------------------------

def java_command() -> str | None:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    return shutil.which("java")


def spark_session(master: str, memory: int, threads: int, shuffle_partitions: int | None = None):
    """A SparkSession on ``master`` (``local[2]``, ``spark://host:7077``...)."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        raise EngineError("--engine spark needs pyspark: pip install 'erqi-diff[spark]' "
                          "(and a Java 17 runtime: apt-get install openjdk-17-jre-headless)") from None
    if java_command() is None:
        raise EngineError("--engine spark needs a Java runtime and none was found (no JAVA_HOME, no java on PATH): "
                          "install one with `apt-get install openjdk-17-jre-headless`, or use --engine duckdb")
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = (SparkSession.builder.master(master).appName("erqi-diff corpus")
               .config("spark.ui.enabled", "false")
               .config("spark.ui.showConsoleProgress", "false")
               .config("spark.sql.shuffle.partitions", str(shuffle_partitions or max(4, threads * 4)))
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256"))
    if master.startswith("local"):
        # local mode: everything runs in the driver JVM; leave room for the Python workers.
        builder = builder.config("spark.driver.memory", f"{max(512, int(memory * 0.5) // MB)}m")
    try:
        session = builder.getOrCreate()
        session.sparkContext.setLogLevel("ERROR")
        return session
    except Exception as exc:
        raise EngineError(f"Spark could not start on {master}: {str(exc).splitlines()[0] if str(exc) else exc}") from None


class SparkEngine:
    name = EngineName.SPARK

    def __init__(self, spark=None, master: str = "local[2]", memory: int = 4 << 30, threads: int = 2) -> None:
        self.own = spark is None
        self.spark = spark or spark_session(master, memory, threads)
        self.threads = threads
        try:
            import pandas  # noqa: F401  pyspark's Arrow UDFs need it
            self.arrow = True
        except ImportError:
            self.arrow = False

    def _read(self, path: Path):
        return self.spark.read.parquet(str(path))

    def run_sql(self, statement, tables: dict[str, Path], out: Path) -> None:
        for name in statement.inputs:
            self._read(tables[name]).createOrReplaceTempView(name)
        self.spark.sql(statement.sql).write.mode("overwrite").parquet(str(out))

    def _map(self, frame, fn, schema):
        """``fn`` (record batches in, record batches out) over every partition:
        ``mapInArrow`` when pandas is there (pyspark requires it for Arrow
        UDFs), else the same function over ``rdd.mapPartitions``."""
        if not self.arrow:
            return self.spark.createDataFrame(frame.rdd.mapPartitions(partial(_rows_through, fn=fn)),
                                              _spark_schema(schema))
        return frame.mapInArrow(fn, _spark_schema(schema))

    def _partitions(self, n: int, per: int) -> int:
        return max(self.threads * 2, -(-n // per))

    def fingerprint(self, docs: Path, texts: Path, ndocs: int, out: Path, k: int, w: int, advance) -> None:
        from erqi_diff.corpus.pystages import fp_schema, spark_fingerprint

        frame = self._read(docs).select("doc", "text").repartition(self._partitions(ndocs, 4 * FP_DOCS_PER_TASK))
        self._map(frame, partial(spark_fingerprint, k=k, w=w), fp_schema()).write.mode("overwrite").parquet(str(out))
        advance(ndocs)

    def align(self, docs: Path, texts: Path, pairs: Path, npairs: int, out: Path, min_chars: int, advance,
              k: int, w: int, formulas: Path, formula_docs: int) -> None:
        from erqi_diff.corpus.pystages import formula_counts, passages_schema, spark_align

        d = self._read(docs)
        d1 = d.selectExpr("doc AS doc1", "text AS text1")
        d2 = d.selectExpr("doc AS doc2", "text AS text2")
        frame = (self._read(pairs).select("doc1", "doc2").join(d1, "doc1").join(d2, "doc2")
                 .select("doc1", "text1", "doc2", "text2")
                 .repartition(self._partitions(npairs, ALIGN_PAIRS_PER_TASK)))
        df = self.spark.sparkContext.broadcast(formula_counts(formulas))
        fn = partial(spark_align, min_chars=min_chars, k=k, w=w, df=df, formula_docs=formula_docs)
        self._map(frame, fn, passages_schema()).write.mode("overwrite").parquet(str(out))
        advance(npairs)

    def close(self) -> None:
        if self.own:
            self.spark.stop()


def _rows_through(rows, fn):
    """Rows in, ``fn`` over record batches of them, rows out (the pandas-free path)."""
    import pyarrow as pa

    chunk: list[dict] = []

    def flush():
        if chunk:
            for batch in fn(iter([pa.RecordBatch.from_pylist(chunk)])):
                yield from (tuple(row.values()) for row in batch.to_pylist())
            chunk.clear()

    for row in rows:
        chunk.append(row.asDict())
        if len(chunk) == 256:
            yield from flush()
    yield from flush()


def _spark_schema(schema) -> str:
    names = {"int32": "int", "int64": "bigint", "double": "double", "string": "string"}
    return ", ".join(f"{f.name} {names[str(f.type)]}" for f in schema)

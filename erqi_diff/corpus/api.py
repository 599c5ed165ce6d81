"""The Python entry point of a corpus run (the CLI and spark_main call it)."""

from __future__ import annotations

from pathlib import Path

from erqi_diff.corpus.engines import EngineName, check_memory, default_threads, parse_memory
from erqi_diff.corpus.stages import Params, Progress, RunResult, file_sha256, run


def run_corpus(input_path: Path | str, out: Path | str, *, engine: str = "duckdb", master: str | None = None,
               memory: str | int = "4GB", threads: int | None = None, k: int = 10, w: int = 16,
               maxdf: int = 100, minmatch: int = 5, minunique: int = 2, min_chars: int = 15, skip_bad: bool = False,
               other_series: bool = False, other_years: bool = False, force: bool = False,
               progress: Progress | None = None, spark=None) -> RunResult:
    """Run or resume the corpus audit of the JSON Lines ``input_path`` into
    the folder ``out``. ``spark``: an existing SparkSession to use (then
    ``master`` and ``memory`` are the session's business). ``other_series``,
    ``other_years``: only pairs of reports of two series, of two years."""
    from erqi_diff.corpus import CorpusError

    try:
        name = EngineName(engine)
    except ValueError:
        raise CorpusError(f"unknown engine {engine!r}: use duckdb or spark") from None
    threads = threads or default_threads()
    size = parse_memory(memory) if isinstance(memory, str) else int(memory)
    master = master or f"local[{threads}]"
    if spark is None:
        check_memory(name, size, threads, local=name is EngineName.DUCKDB or master.startswith("local"))
    params = Params(file_sha256(Path(input_path)), skip_bad, k, w, maxdf, minmatch, minunique, min_chars, other_series,
                    other_years)

    def make_engine(temp_dir: Path):
        if name is EngineName.DUCKDB:
            from erqi_diff.corpus.engines import DuckDBEngine

            return DuckDBEngine(size, threads, temp_dir)
        from erqi_diff.corpus.engines import SparkEngine

        return SparkEngine(spark, master, size, threads)

    return run(input_path, out, params, make_engine, force=force, progress=progress)

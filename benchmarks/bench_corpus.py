"""Corpus-scale benchmark (issue 7): synthetic corpora of N reports through
``erqi-diff corpus run`` on DuckDB, wall time per stage, peak memory of the
whole process tree, and the share of planted copies found.

The corpora come from benchmarks/gen_corpus.py (the reuse audit's
generator: new text from an order-2 character model of the real reports,
stock formulas in every document, planted near-verbatim copies between
chosen pairs). A report of 10 KB is ``--chars 3400`` characters (10 KB of
UTF-8 at 3 bytes a character); ``--chars 10000`` gives reports of 10,000
characters.

Peak memory is the sum of the proportional set sizes (PSS, shared pages
split between the processes sharing them) of the command and every process
it starts, sampled every 50 ms. Ratios are against the smallest size
measured in the same run.

    python benchmarks/bench_corpus.py                       # 1,000 and 10,000 reports
    python benchmarks/bench_corpus.py --sizes 1000 --chars 10000 --json
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import erqi
from gen_corpus import generate, write_jsonl


def planted_recall(corpus, passages: list[tuple]) -> tuple[float, list]:
    """Share of ``corpus.planted`` found: the passages between the same two
    documents whose source side overlaps the planted source cover, together,
    at least half of the planted copy (an edit can cut a copy in two
    passages). ``passages``: rows (doc1, doc2, start1, end1, start2, end2, ...)
    with doc numbers in the corpus' order."""
    ids = {key: doc for doc, key in enumerate(corpus.docs)}
    by_pair: dict[tuple[int, int], list[tuple]] = {}
    for d1, d2, s1, e1, s2, e2, *_ in passages:
        by_pair.setdefault((d1, d2), []).append((s1, e1, s2, e2))
    missed = []
    for p in corpus.planted:
        a, b = ids[p.src], ids[p.dst]
        inside: set[int] = set()
        for s1, e1, s2, e2 in by_pair.get((min(a, b), max(a, b)), []):
            dst, src = ((s2, e2), (s1, e1)) if a < b else ((s1, e1), (s2, e2))
            if min(src[1], p.src_end) > max(src[0], p.src_start):
                inside.update(range(max(dst[0], p.dst_start), min(dst[1], p.dst_end)))
        if len(inside) < 0.5 * (p.dst_end - p.dst_start):
            missed.append(p)
    return 1 - len(missed) / max(1, len(corpus.planted)), missed


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return out


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return 0
    return 0


class TreeMemory:
    """Peak PSS of a process and its descendants, sampled in a thread."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            tree, todo = [], [self.pid]
            while todo:
                pid = todo.pop()
                tree.append(pid)
                todo.extend(_children(pid))
            self.peak = max(self.peak, sum(_pss(p) for p in tree))
            self._stop.wait(self.every)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def measure(n: int, chars: int, work: Path, args) -> dict:
    started = time.perf_counter()
    corpus = generate(n, chars=chars, seed=args.seed)
    source = work / f"corpus-{n}-{chars}.jsonl"
    write_jsonl(corpus, source)
    generated = time.perf_counter() - started
    out = work / f"run-{n}-{chars}"
    shutil.rmtree(out, ignore_errors=True)  # a fresh run, never a resumed one
    argv = erqi("corpus", "run", "--in", str(source), "--out", str(out), "--json",
                "--engine", "duckdb", "--memory", args.memory, "--threads", str(args.threads),
                "--maxdf", str(args.maxdf), "--minmatch", str(args.minmatch))
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    memory = TreeMemory(proc.pid)
    stdout, _ = proc.communicate()
    wall = time.perf_counter() - start
    peak = memory.stop()
    if proc.returncode != 0:
        raise SystemExit(f"corpus run failed on {n} reports (exit {proc.returncode})")
    result = json.loads(stdout)
    import duckdb

    passages = duckdb.sql(f"SELECT * FROM read_parquet('{out / 'passages.parquet' / '*.parquet'}')").fetchall()
    recall, _missed = planted_recall(corpus, passages)
    stages = {s["name"]: s for s in result["stages"]}
    return {
        "reports": n, "chars_per_report": chars, "mb_utf8": round(source.stat().st_size / 1e6, 1),
        "generate_s": round(generated, 1), "wall_s": round(wall, 1),
        "stage_s": {name: s["seconds"] for name, s in stages.items()},
        "sql_s": round(stages["df"]["seconds"] + stages["pairs"]["seconds"], 1),
        "fingerprints": stages["fp"]["rows"], "pairs": stages["pairs"]["rows"], "passages": stages["passages"]["rows"],
        "peak_mb": round(peak / 2**20), "memory_limit": args.memory, "threads": args.threads,
        "planted": len(corpus.planted), "recall": round(recall, 4),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--chars", type=int, default=3400, help="characters per report (3400: 10 KB of UTF-8)")
    parser.add_argument("--memory", default="2GB")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--maxdf", type=int, default=5)
    parser.add_argument("--minmatch", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, default=None, help="keep corpora and runs here (default: a temp folder)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        rows = [measure(n, args.chars, work, args) for n in sorted(args.sizes)]
    base = rows[0]
    for row in rows:
        row["time_ratio"] = round(row["wall_s"] / base["wall_s"], 2)
        row["size_ratio"] = round(row["reports"] / base["reports"], 2)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print(f"DuckDB, {args.threads} threads, --memory {args.memory}, k=10 w=16 maxdf={args.maxdf} "
          f"minmatch={args.minmatch}, {args.chars} characters per report")
    print(f"{'reports':>8} {'MB':>6} {'wall s':>7} {'ingest':>7} {'fp':>6} {'SQL':>6} {'align':>7} "
          f"{'pairs':>8} {'passages':>9} {'peak MB':>8} {'recall':>7} {'x time':>7} {'x size':>7}")
    for r in rows:
        s = r["stage_s"]
        print(f"{r['reports']:>8} {r['mb_utf8']:>6} {r['wall_s']:>7} {s['docs']:>7.1f} {s['fp']:>6.1f} {r['sql_s']:>6.1f} "
              f"{s['passages']:>7.1f} {r['pairs']:>8} {r['passages']:>9} {r['peak_mb']:>8} {r['recall']:>7.2%} "
              f"{r['time_ratio']:>7} {r['size_ratio']:>7}")


if __name__ == "__main__":
    main()

"""Corpus-scale benchmark (issues 7 and 16): ``erqi-diff corpus run`` on
DuckDB, the code now against a baseline measured in the same run.

Two rows, each printed by this one command:

1. speed: synthetic corpora of N reports (default 10,000 of 10 KB:
   ``--chars 3400``, 3 bytes a character) through ``corpus run`` with the
   benchmark's settings (``--maxdf 5 --minmatch 2``), the baseline and now
   one after the other on the same input: wall time, the fingerprint and
   alignment stages, peak memory of the process tree, and whether the two
   wrote the same passages;
2. recall at the defaults: corpora of 1,000 reports of 10 KB with 100
   planted passages of 60-300 characters, a character or two changed
   (``gen_corpus.generate_planted``), one per ``--seeds``, through ``corpus
   run`` at each version's own defaults: planted passages found, pairs.

The baseline is the package at ``--baseline`` (a git revision; default the
commit before the array path), extracted with ``git archive`` and run from
there; "now" is this working tree. The corpora come from
benchmarks/gen_corpus.py. Peak memory is the sum of the proportional set
sizes (PSS) of the command and every process it starts, sampled every
50 ms. Other work on the machine slows both alike: trust the ratios.

    python benchmarks/bench_corpus.py                         # both rows, full size
    python benchmarks/bench_corpus.py --sizes 2000 --seeds 1  # moderate size first
    python benchmarks/bench_corpus.py --skip-baseline --sizes 1000 10000
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
from bench_reuse import BASELINE, baseline_tree
from gen_corpus import generate, generate_planted, write_jsonl

REPO = Path(__file__).resolve().parent.parent
MAIN = "import sys; from erqi_diff.cli import main; main(sys.argv[1:])"


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


def _memory(pid: int, field: str) -> int:
    """``Pss`` (smaps_rollup) or ``Rss`` of a process, in bytes."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return 0
    return 0


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants, as /proc tells them now."""
    tree, todo = [], [pid]
    while todo:
        one = todo.pop()
        tree.append(one)
        todo.extend(_children(one))
    return tree


class TreeMemory:
    """Peak memory (``field``: ``Pss`` or ``Rss``) of a process and its
    descendants, summed, sampled in a thread."""

    def __init__(self, pid: int, every: float = 0.05, field: str = "Pss") -> None:
        self.pid, self.every, self.field, self.peak = pid, every, field, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, sum(_memory(p, self.field) for p in process_tree(self.pid)))
            self._stop.wait(self.every)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def run(tree: Path | None, source: Path, out: Path, options: list[str], threads: int, memory: str) -> dict:
    """``corpus run`` of the package in ``tree`` (None: this working tree) in a fresh process."""
    shutil.rmtree(out, ignore_errors=True)  # a fresh run, never a resumed one
    argv = [sys.executable, "-c", MAIN, "corpus", "run", "--in", str(source), "--out", str(out), "--json",
            "--engine", "duckdb", "--memory", memory, "--threads", str(threads), *options]
    env = {**os.environ, "PYTHONPATH": str(tree or REPO)}
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            cwd=tempfile.gettempdir())
    sampler = TreeMemory(proc.pid)
    stdout, stderr = proc.communicate()
    wall = time.perf_counter() - start
    peak = sampler.stop()
    if proc.returncode != 0:
        raise SystemExit(f"corpus run failed ({tree or 'now'}, exit {proc.returncode}): {stderr[-2000:]}")
    # the baseline's DuckDB may draw a progress bar on standard output: the JSON document starts at "{"
    at = stdout.find('{\n  "schema"')
    result = json.JSONDecoder().raw_decode(stdout[at if at >= 0 else 0:])[0]
    import duckdb

    passages = duckdb.sql(f"SELECT * FROM read_parquet('{out / 'passages.parquet' / '*.parquet'}') "
                          "ORDER BY ALL").fetchall()
    stages = {s["name"]: s for s in result["stages"]}
    return {"wall_s": wall, "stage_s": {name: s["seconds"] for name, s in stages.items()},
            "pairs": stages["pairs"]["rows"], "passages": passages, "peak_mb": peak / 2**20}


def speed(n: int, args, work: Path, base: Path | None) -> dict:
    corpus = generate(n, chars=args.chars, seed=args.seed)
    source = work / f"corpus-{n}.jsonl"
    write_jsonl(corpus, source)
    options = ["--maxdf", str(args.maxdf), "--minmatch", str(args.minmatch)]
    rows = {}
    for name, tree in (("baseline", base), ("now", None)):
        if name == "baseline" and base is None:
            continue
        rows[name] = run(tree, source, work / f"run-{name}-{n}", options, args.threads, args.memory)
        rows[name]["recall"] = planted_recall(corpus, rows[name]["passages"])[0]
    return rows


def recall(seed: int, args, work: Path, base: Path | None) -> dict:
    corpus = generate_planted(args.recall_reports, chars=args.chars, planted=args.planted, seed=seed)
    source = work / f"planted-{seed}.jsonl"
    write_jsonl(corpus, source)
    rows = {}
    for name, tree in (("baseline", base), ("now", None)):
        if name == "baseline" and base is None:
            continue
        row = run(tree, source, work / f"recall-{name}-{seed}", [], args.threads, args.memory)
        found = round(planted_recall(corpus, row["passages"])[0] * len(corpus.planted))
        rows[name] = {"found": found, "planted": len(corpus.planted), "pairs": row["pairs"], "wall_s": row["wall_s"]}
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000], help="reports per speed corpus")
    parser.add_argument("--chars", type=int, default=3400, help="characters per report (3400: 10 KB of UTF-8)")
    parser.add_argument("--memory", default="2GB")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--maxdf", type=int, default=5)
    parser.add_argument("--minmatch", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seeds", type=int, nargs="*", default=[1, 2, 3], help="one recall corpus per seed")
    parser.add_argument("--recall-reports", type=int, default=1000)
    parser.add_argument("--planted", type=int, default=100)
    parser.add_argument("--baseline", default=BASELINE, help=f"git revision of the baseline (default {BASELINE})")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--work", type=Path, default=None, help="keep corpora and runs here (default: a temp folder)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    report: dict = {"date": time.strftime("%Y-%m-%d"), "load_before": os.getloadavg()[0], "cpus": os.cpu_count(),
                    "speed": {}, "recall": {}}
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        base = None if args.skip_baseline else baseline_tree(args.baseline, work / "baseline")
        if not args.json:
            print(f"{report['date']}: load average {report['load_before']:.2f} on {report['cpus']} CPUs; DuckDB, "
                  f"{args.threads} threads, --memory {args.memory}, {args.chars} characters per report; "
                  f"baseline {args.baseline if base else '(skipped)'}", flush=True)
        for n in sorted(args.sizes):
            rows = speed(n, args, work, base)
            report["speed"][n] = {k: {f: v for f, v in r.items() if f != "passages"} for k, r in rows.items()}
            if not args.json:
                _print_speed(n, rows, args)
        for seed in args.seeds:
            rows = recall(seed, args, work, base)
            report["recall"][seed] = rows
            if not args.json:
                print("  recall at the defaults, seed " + str(seed) + ": " + "; ".join(
                    f"{name} {r['found']}/{r['planted']} found, {r['pairs']:,} pairs, {r['wall_s']:.1f} s"
                    for name, r in rows.items()), flush=True)
    report["load_after"] = os.getloadavg()[0]
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"load average after: {report['load_after']:.2f}")


def _print_speed(n: int, rows: dict, args) -> None:
    print(f"  corpus run, {n:,} reports (--maxdf {args.maxdf} --minmatch {args.minmatch}):")
    for name, r in rows.items():
        s = r["stage_s"]
        print(f"    {name:8} {r['wall_s']:7.1f} s wall  fp {s['fp']:6.1f} s  align {s['passages']:6.1f} s  "
              f"SQL {s['df'] + s['pairs']:5.1f} s  {r['pairs']:>8,} pairs {len(r['passages']):>9,} passages  "
              f"peak {r['peak_mb']:6.0f} MB  planted found {r['recall']:.1%}")
    if "baseline" in rows:
        b, now = rows["baseline"], rows["now"]
        same = b["passages"] == now["passages"]
        print(f"    now / baseline: wall {now['wall_s'] / b['wall_s']:.2f}x ({b['wall_s'] / now['wall_s']:.1f} times "
              f"faster), fp {b['stage_s']['fp'] / max(now['stage_s']['fp'], 1e-9):.1f} times, "
              f"alignment {b['stage_s']['passages'] / max(now['stage_s']['passages'], 1e-9):.1f} times faster; "
              f"same passages: {'yes' if same else 'NO'}", flush=True)


if __name__ == "__main__":
    main()

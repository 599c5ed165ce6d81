"""The reuse audit at scale: ``find_reuse`` on synthetic corpora of 250, 500
and 1,000 reports of 10,000 characters each (gen_corpus.py: real report
clauses recombined, planted near-verbatim copies, stock sentences in every
report). Targets (issue 6): 1,000 reports in under 30 s on 2 cores, peak
memory under 2 GB, 1,000 within 4.5 times 250.

Each audit runs in a fresh process (so peak memory is its own); the figures
are wall time, peak resident memory of the audit process and of its largest
worker, passages found, and the planted copies found (as any passage, and
as a copy). The machine's load average is printed too: other work on the
2 cores slows every figure alike, the ratio to 250 less so.

    python benchmarks/bench_reuse.py                  # 250, 500, 1000; 1 process, then 2
    python benchmarks/bench_reuse.py --sizes 250 --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

CHILD = r"""
import json, pickle, resource, sys, time
sys.path.insert(0, {here!r}); sys.path.insert(0, {repo!r})
from erqi_diff.reuse.audit import find_reuse
from erqi_diff.reuse.model import Kind
corpus = pickle.load(open({path!r}, "rb"))
start = time.perf_counter()
result = find_reuse(corpus.docs, 15, workers={workers})
seconds = time.perf_counter() - start
found = {{}}
for p in result.passages:
    found.setdefault((p.a.key, p.b.key), []).append(p)
def hit(planted, copies_only):
    for p in found.get((planted.src, planted.dst), []):
        if copies_only and p.kind is not Kind.COPY:
            continue
        over_a = min(p.a.end, planted.src_end) - max(p.a.start, planted.src_start)
        over_b = min(p.b.end, planted.dst_end) - max(p.b.start, planted.dst_start)
        if (over_a > 0.5 * (planted.src_end - planted.src_start)
                and over_b > 0.5 * (planted.dst_end - planted.dst_start)):
            return True
    return False
print(json.dumps({{
    "seconds": seconds,
    "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    "passages": len(result.passages), "copies": len(result.copies()), "formulas": len(result.formulas),
    "planted": len(corpus.planted),
    "found": sum(hit(p, False) for p in corpus.planted),
    "found_as_copy": sum(hit(p, True) for p in corpus.planted),
}}))
"""


def audit(path: Path, workers: int | None) -> dict:
    code = CHILD.format(here=str(HERE), repo=str(HERE.parent), path=str(path), workers=workers)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    from gen_corpus import generate

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000])
    parser.add_argument("--chars", type=int, default=10_000, help="characters per report (default 10000)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2],
                        help="processes, one series of audits each (default: 1, the default of find_reuse, and 2)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores; "
          f"reports of {args.chars} characters")
    print(f"{'workers':>7} {'reports':>8} {'seconds':>8} {'x first':>7} {'peak MB':>8} {'worker MB':>9} "
          f"{'passages':>9} {'copies':>7} {'planted':>8} {'found':>6} {'as copy':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        paths = {}
        for n in args.sizes:
            paths[n] = Path(tmp) / f"corpus{n}.pkl"
            with open(paths[n], "wb") as out:
                pickle.dump(generate(n, args.chars, seed=args.seed), out)
        for workers in args.workers:
            rows = []
            for n in args.sizes:
                row = audit(paths[n], workers)
                rows.append(row)
                ratio = row["seconds"] / rows[0]["seconds"]
                print(f"{workers:>7} {n:>8} {row['seconds']:>8.1f} {ratio:>7.2f} "
                      f"{row['rss_mb']:>8.0f} {row['worker_rss_mb']:>9.0f} {row['passages']:>9} {row['copies']:>7} "
                      f"{row['planted']:>8} {row['found']:>6} {row['found_as_copy']:>8}", flush=True)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

"""The reuse audit at scale (issue 16): ``find_reuse`` on synthetic corpora
of reports of 10,000 characters (gen_corpus.py: real report clauses
recombined, planted near-verbatim copies, stock sentences in every report),
the code now against a baseline measured in the same run.

Rows, each printed by this one command:

1. ``find_reuse``, 1,000 reports: the baseline and now, interleaved
   (``--repeat`` times each, best kept), seconds and peak memory, and
   whether both found the same passages and formulas (a digest of them);
2. ``find_reuse``, 10,000 reports, now only: seconds (the best of as many
   runs as the small size had, ``--large-repeat`` to say otherwise: the same
   statistic on both sides of the ratio; until 2026-11-28 one run was set
   against the best of two, which leaned the ratio up by the small run's
   spread, about 5%), the ratio to the
   1,000-report time (target: at most 10.5, linear) and the peak memory of
   the process tree (target: under 2 GB), each said met or not, with the
   candidate pairs, the passages and how much each kind grew, and the time
   per passage found (for reference: the target is the time). The time
   is the wall clock, as the target says; the CPU time of the audit's
   processes is printed beside it, and said met or not too, because other
   work on a shared machine can change between the small and the large run
   (the wall-clock ratio then moves with it; the CPU time much less).

What the passages are (each row): *planted copies* (a passage between a
planted copy's two documents, over both its spans: the reuse to find),
*formulas* (:attr:`Kind.FORMULA`: real clauses in many documents, and the
corpus's stock sentences, aligned where a pair of documents was a
candidate), *other copies* (the rest: chance matches of the generator, two
documents that put the same two real clauses side by side or made the same
one-character change). With one clause pool for the whole corpus the
chance matches grew with the square of the documents (planted 10.4x, other
copies 28.7x, formulas 28x for 10x the reports, seed 1); the generator's
regions (gen_corpus.py) keep them linear, so the row measures find_reuse on
a corpus ten times as large, not a corpus that holds 28 times as much to
find.

Each audit runs in a fresh process. Peak memory is the peak resident set
(RSS) of the audit's process and any worker it forks, summed (shared pages
counted in each process: an upper bound): each process's own high-water
mark, kept by the kernel (``VmHWM``, read every 50 ms while it runs; the
audit's own also read by itself as it ends). Not ``wait4``'s ``ru_maxrss``:
a child started by ``vfork`` and ``exec`` inherits the high-water mark of
its parent's memory, so every audit would show at least what this script
holds (the corpora it made: 528 MB against the audit's own 222 MB of a
1,000-report run). It used to be sampled from
``/proc/PID/smaps_rollup``, which walks the whole memory of the process
under its memory-map lock: every 50 ms on a process of 1.5 GB that held up
the audit itself (10,000 reports: 2 to 4 s of its wall-clock time, the
CPU time unchanged; 1,000 reports: nothing measurable). The baseline
is the package at ``--baseline`` (a git revision; default the commit before
the array path) extracted with ``git archive`` and imported from there.
Other work on the machine slows every figure alike: trust the ratios.

    python benchmarks/bench_reuse.py                          # both rows, full size
    python benchmarks/bench_reuse.py --sizes 1000 --large 4000 --repeat 1
    python benchmarks/bench_reuse.py --workers 2
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from gen_corpus import REGION, generate  # noqa: E402

BASELINE = "140c316"  # the commit before the array path (pure-Python fingerprints and index)

CHILD = r"""
import hashlib, json, os, pickle, sys, time
sys.path.insert(0, {tree!r}); sys.path.insert(0, {here!r})
from erqi_diff.reuse import audit as A
seen = {{}}
old = A._Audit._result
def counted(self, *args):
    seen["pairs"] = self.candidates if hasattr(self, "candidates") else len(self.pairs)  # the baseline has no count
    return old(self, *args)
A._Audit._result = counted
corpus = pickle.load(open({path!r}, "rb"))
start, cpu = time.perf_counter(), sum(os.times()[:4])
result = A.find_reuse(corpus.docs, 15, workers={workers})
seconds, cpu = time.perf_counter() - start, sum(os.times()[:4]) - cpu  # cpu: with forked workers, once waited
copies = {{}}
for p in result.passages:
    if p.kind.value == "copy":
        copies.setdefault((p.a.key, p.b.key), []).append(p.a.start)
found = sum(any(p.src_start <= start < p.src_end for start in copies.get((p.src, p.dst), ()))
            for p in corpus.planted)
planted = {{}}
for q in corpus.planted:
    planted.setdefault((q.src, q.dst), []).append(q)
kinds = {{"planted": 0, "formula": 0, "stock": 0, "other": 0}}
for p in result.passages:  # what the passages are: see the module doc
    if any(p.a.start < q.src_end and q.src_start < p.a.end and p.b.start < q.dst_end and q.dst_start < p.b.end
           for q in planted.get((p.a.key, p.b.key), ())):
        kinds["planted"] += 1
    elif p.kind.value == "formula":
        kinds["formula"] += 1
        kinds["stock"] += any(f[:12] in p.a.text or f[-12:] in p.a.text or p.a.text in f for f in corpus.formulas)
    else:
        kinds["other"] += 1
digest = hashlib.sha256()  # one record at a time: the digest adds nothing to the peak memory
for p in result.passages:
    digest.update(repr((p.a.key, p.a.start, p.a.end, p.a.text, p.b.key, p.b.start, p.b.end, p.b.text, p.chars,
                        round(p.similarity, 9), p.kind.value, p.docs,
                        [(d.a, d.b, d.a_start, d.a_end, d.b_start, d.b_end) for d in p.differences])).encode())
for f in result.formulas:
    digest.update(repr((f.span.key, f.span.start, f.span.end, f.span.text, f.docs)).encode())
for k, r in result.ratios.items():
    digest.update(repr((k, r.chars, r.before, r.before_formulas)).encode())
hwm = next(int(line.split()[1]) * 1024 for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps({{"hwm": hwm, "seconds": seconds, "cpu": cpu, "pairs": seen["pairs"], "passages": len(result.passages),
                  "formulas": len(result.formulas),
                  "planted": len(corpus.planted), "found": found, "kinds": kinds, "digest": digest.hexdigest()[:16]}}))
"""


def baseline_tree(revision: str, dest: Path) -> Path:
    """The ``erqi_diff`` package at ``revision`` of this repository, extracted under ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(REPO), "archive", revision, "erqi_diff"], check=True,
                             capture_output=True).stdout
    with tempfile.TemporaryFile() as fh:
        fh.write(archive)
        fh.seek(0)
        with tarfile.open(fileobj=fh) as tar:
            tar.extractall(dest, filter="data")
    return dest


class PeakMemory:
    """The peak resident memory of a process and its descendants: the sum,
    over the processes seen, of each one's high-water mark (``VmHWM`` of
    ``/proc/PID/status``: the kernel keeps it, and reading it does not walk
    the process's memory), read every ``every`` seconds in a thread."""

    def __init__(self, pid: int, every: float = 0.05) -> None:
        self.pid, self.every = pid, every
        self.seen: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    @staticmethod
    def _hwm(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _run(self) -> None:
        from bench_corpus import process_tree

        while not self._stop.is_set():
            for pid in process_tree(self.pid):
                self.seen[pid] = max(self.seen.get(pid, 0), self._hwm(pid))
            self._stop.wait(self.every)

    def stop(self, own_peak: int = 0) -> int:
        """The peak, in bytes; ``own_peak``: the process's own, as it said when it ended."""
        self._stop.set()
        self._thread.join()
        self.seen[self.pid] = max(self.seen.get(self.pid, 0), own_peak)
        return sum(self.seen.values())


def audit(tree: Path, path: Path, workers: int) -> dict:
    """One ``find_reuse`` in a fresh process importing the package from ``tree``."""
    code = CHILD.format(tree=str(tree), here=str(HERE), path=str(path), workers=workers)
    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=err, text=True,
                                cwd=tempfile.gettempdir())
        sampler = PeakMemory(proc.pid)
        stdout = proc.stdout.read() if proc.stdout else ""
        if proc.stdout:
            proc.stdout.close()
        proc.wait()
        err.seek(0)
        stderr = err.read()
        if proc.returncode != 0:
            sampler.stop()
            raise SystemExit(f"find_reuse failed ({tree}): {stderr[-2000:]}")
        row = json.loads(stdout.strip().splitlines()[-1])
        row["peak_mb"] = sampler.stop(row["hwm"]) / 2**20
    return row


def breakdown(row: dict) -> str:
    """What the passages of one run are, in words."""
    k = row["kinds"]
    return (f"{k['planted']:,} planted copies, {k['other']:,} other copies (chance matches of the corpus), "
            f"{k['formula']:,} formulas ({k['stock']:,} of the stock sentences)")


def report_large(row: dict, base: dict, large: int, small: int) -> None:
    """Row 2: the large run against the small one, each target said met or not."""
    times, linear = row["seconds"] / base["seconds"], large / small
    print(f"  find_reuse, {large:,} reports (now): {row['seconds']:.1f} s, peak RSS of the process tree "
          f"{row['peak_mb']:.0f} MB; candidate pairs {row['pairs']:,} against {base['pairs']:,} "
          f"({row['pairs'] / base['pairs']:.1f}x)")
    print(f"    passages: {breakdown(row)}")
    growth = ", ".join(f"{name} {row['kinds'][key] / base['kinds'][key]:.1f}x" for key, name in
                       (("planted", "planted copies"), ("other", "other copies"), ("formula", "formulas"))
                       if base["kinds"][key])
    print(f"    for {linear:.0f}x the reports: passages {row['passages'] / base['passages']:.1f}x ({growth})")
    cpu = row["cpu"] / base["cpu"]
    per = (row["seconds"] / row["passages"]) / (base["seconds"] / base["passages"])
    print(f"    time: {times:.1f}x the {small:,}-report time ({base['seconds']:.2f} s); CPU time {cpu:.1f}x "
          f"({row['cpu']:.1f} s against {base['cpu']:.2f} s); time per passage found {per:.2f}x")
    target = 1.05 * linear
    print(f"    target time <= {target:.1f}x the {small:,}-report time (linear): {'met' if times <= target else 'NOT met'} "
          f"({'met' if cpu <= target else 'NOT met'} in CPU time); target peak < 2048 MB: "
          f"{'met' if row['peak_mb'] < 2048 else 'NOT met'}", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000], help="reports, baseline and now (default 1000)")
    parser.add_argument("--large", type=int, default=10000, help="reports, now only (default 10000; 0: none)")
    parser.add_argument("--chars", type=int, default=10_000, help="characters per report (default 10000)")
    parser.add_argument("--workers", type=int, default=1, help="processes of find_reuse (default 1, its default)")
    parser.add_argument("--repeat", type=int, default=2, help="interleaved runs of each at the small sizes")
    parser.add_argument("--large-repeat", type=int, default=None,
                        help="runs at the large size, the best taken as at the small sizes (default: --repeat)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--baseline", default=BASELINE, help=f"git revision of the baseline (default {BASELINE})")
    parser.add_argument("--work", type=Path, default=None, help="keep the corpora here (default: a temp folder)")
    args = parser.parse_args(argv)

    print(f"{time.strftime('%Y-%m-%d')}: load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs; reports of "
          f"{args.chars} characters; workers {args.workers}; baseline {args.baseline}", flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-reuse-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        base = baseline_tree(args.baseline, work / "baseline")
        paths = {}
        for n in sorted(set(args.sizes) | ({args.large} if args.large else set())):
            paths[n] = work / f"corpus-{n}-{args.chars}-{args.seed}-region{REGION}.pkl"
            if not paths[n].exists():
                with open(paths[n], "wb") as out:
                    pickle.dump(generate(n, args.chars, seed=args.seed), out)
        now_small = {}
        for n in sorted(args.sizes):
            runs: dict[str, list[dict]] = {"baseline": [], "now": []}
            for _ in range(args.repeat):
                for name, tree in (("baseline", base), ("now", REPO)):
                    runs[name].append(audit(tree, paths[n], args.workers))
            best = {name: min(rows, key=lambda r: r["seconds"]) for name, rows in runs.items()}
            now_small[n] = best["now"]
            print(f"  find_reuse, {n:,} reports (best of {args.repeat}, interleaved):")
            for name, r in best.items():
                print(f"    {name:8} {r['seconds']:7.2f} s (CPU {r['cpu']:6.2f} s)  peak {r['peak_mb']:6.0f} MB  "
                      f"{r['passages']:>7,} passages  "
                      f"{r['formulas']:>6,} formulas  planted found as copies {r['found']}/{r['planted']}  "
                      f"digest {r['digest']}")
            print(f"    passages (now): {breakdown(best['now'])}")
            b, now = best["baseline"], best["now"]
            print(f"    now / baseline: {now['seconds'] / b['seconds']:.2f}x ({b['seconds'] / now['seconds']:.1f} times "
                  f"faster), memory {now['peak_mb'] / b['peak_mb']:.2f}x; same passages, formulas and ratios: "
                  f"{'yes' if b['digest'] == now['digest'] else 'NO (the output changed since the baseline)'}", flush=True)
        if args.large:
            small = max(args.sizes)
            # the best of as many runs as the small size had: one statistic for both sides of the ratio
            rows = [audit(REPO, paths[args.large], args.workers) for _ in range(args.large_repeat or args.repeat)]
            if len(rows) > 1:
                print(f"  find_reuse, {args.large:,} reports: runs " + ", ".join(f"{r['seconds']:.1f} s" for r in rows)
                      + " (the best taken)")
            report_large(min(rows, key=lambda r: r["seconds"]), now_small[small], args.large, small)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()

"""`erqi-diff trace` over all 31 national development reports (1978-2005
from ../shared/corpora/gwr-early/, 2013-2025 from ../shared/corpora/gwr/, as
one project), beyond start-up. Target: within 0.3 s beyond start-up.

Start-up is measured in the same run (`erqi-diff --version`: Python, click
and the command group); each case is the best of 5 wall times, printed with
its time beyond start-up and its ratio to start-up. The library alone
(loading the 31 snapshots and tracing) is timed in process too.

    python benchmarks/bench_trace.py
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import erqi, national_project, wall

TARGET = 0.3
CASES = [
    ("one term", ["trace", "高质量发展", "--no-pager"]),
    ("one term, oldest first, -C 40", ["trace", "改革开放", "--oldest-first", "-C", "40", "--no-pager"]),
    ("a common term (JSON)", ["trace", "发展", "--json"]),
    ("a regular expression", ["trace", "-E", "十[一二三四五]?五", "--no-pager"]),
    ("a grid of five terms", ["trace", "三农", "乡村振兴", "脱贫攻坚", "九五", "一国两制", "--no-pager"]),
]


def in_process(root: Path, terms: list[str], repeat: int = 5) -> float:
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many
    from erqi_diff.extract.trace import trace

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        trace(load_many(load_project(root)), terms)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    tmp = Path(tempfile.mkdtemp())
    root = national_project(tmp / "national")
    from erqi_diff.core.project import load_project

    years = load_project(root).years
    print(f"{len(years)} reports, {years[0]}-{years[-1]}")
    startup = wall(erqi("--version"))
    print(f"start-up (erqi-diff --version): {startup:.3f} s")
    print(f"{'case':<34} {'wall s':>8} {'beyond start-up s':>18} {'x start-up':>11}")
    worst = 0.0
    for label, args in CASES:
        # trace exits 1 when a term is nowhere: none of these is
        t = wall(erqi("--root", str(root), *args))
        worst = max(worst, t - startup)
        print(f"{label:<34} {t:8.3f} {t - startup:18.3f} {t / startup:11.2f}")
    print(f"library alone (load 31 snapshots + trace 高质量发展): {in_process(root, ['高质量发展']):.3f} s")
    verdict = "within" if worst <= TARGET else "OVER"
    print(f"slowest case beyond start-up: {worst:.3f} s, {verdict} the {TARGET} s target")
    shutil.rmtree(tmp, ignore_errors=True)
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())

"""`erqi-diff metrics`, `goals` and `targets` on all 31 national reports of
the two development corpora (../shared/corpora/gwr and gwr-early, laid out
as one series with their real dates), and `slogans`, `metrics`, `goals` on
the seeds.

Target (issue 13): each of metrics, goals and targets on the 31 reports
within 1 s beyond start-up. Start-up is measured in the same run
(`erqi-diff --version`: Python, click and the command group), so the figure
is a difference and a ratio against that baseline, not an absolute. The
diff strip (`diff_strip`, on the hot path of `erqi-diff A B`) is timed in
process against loading the two snapshots.

    python benchmarks/bench_extract.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import REPO, erqi, national_project, wall

TARGET_BEYOND_STARTUP = 1.0  # seconds, for metrics, goals and targets on the 31 national reports


def strip_in_process(root: Path, repeat: int) -> tuple[float, float]:
    """(median seconds of diff_strip on the first and last reports, of loading them) with the cache off."""
    import os

    os.environ["ERQI_DIFF_CACHE"] = "off"
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load
    from erqi_diff.extract.strip import diff_strip

    project = load_project(root)
    first, last = project.years[0], project.years[-1]
    loads, strips = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        a, b = load(project, first), load(project, last)
        t1 = time.perf_counter()
        diff_strip(a, b)
        strips.append(time.perf_counter() - t1)
        loads.append(t1 - t0)
    return statistics.median(strips), statistics.median(loads)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import os

    # the erqi-diff of this interpreter's environment, as a user runs it
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    tmp = Path(tempfile.mkdtemp())
    national = national_project(tmp / "national")
    startup = wall(erqi("--version"), args.repeat)
    print(f"start-up (erqi-diff --version): {startup:.3f} s (the baseline)")
    print("cold: no cache (every report read); warm: the facts of each report cached (erqi-diff's cache)")
    print(f"{'command':<34} {'wall s':>8} {'beyond start-up s':>18} {'x start-up':>11} {'target':>8}")
    failed = []
    cache = tmp / "cache"
    for label, root, commands in (("31 national", national, ("metrics", "goals", "targets")),
                                  ("seeds", REPO, ("slogans", "metrics", "goals", "targets"))):
        for command in commands:
            for state in ("cold", "warm"):
                os.environ["ERQI_DIFF_CACHE"] = "off" if state == "cold" else str(cache)
                t = wall(erqi("--root", str(root), command, "--no-pager"), args.repeat)
                beyond = t - startup
                target = ""
                if label == "31 national":
                    ok = beyond <= TARGET_BEYOND_STARTUP
                    target = "ok" if ok else "MISSED"
                    if not ok:
                        failed.append(f"{command} ({state})")
                print(f"{command + ', ' + label + ', ' + state:<34} {t:8.3f} {beyond:18.3f} {t / startup:11.1f} "
                      f"{target:>8}")
    strip, loads = strip_in_process(national, args.repeat)
    print(f"diff_strip(1978, 2025) in process: {strip:.3f} s, {strip / loads:.1f}x loading the two snapshots")
    if failed:
        print(f"target missed (more than {TARGET_BEYOND_STARTUP} s beyond start-up): {', '.join(failed)}")
        sys.exit(1)


if __name__ == "__main__":
    main()

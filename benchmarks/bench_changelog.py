"""`erqi-diff changelog` on the seeds (2016-2021) and on the national
reports (2013-2025), beyond start-up (target on the seeds: well under a
second). Start-up is measured in the same run: `erqi-diff --version` (Python,
click and the command group) and `python -c pass`.

    python benchmarks/bench_changelog.py
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import REPO, erqi, gwr_project, wall


def in_process(root: Path, first: int, last: int, repeat: int = 5) -> tuple[float, float]:
    """(first run, median of the next ``repeat``) seconds of build + render in
    this process: the first run includes importing the diff and extractors."""
    from erqi_diff.summarize.changelog import build_changelog
    from erqi_diff.core.project import load_project
    from erqi_diff.views.markdown import render

    times = []
    for _ in range(repeat + 1):
        start = time.perf_counter()
        render(build_changelog(load_project(root), first, last))
        times.append(time.perf_counter() - start)
    return times[0], statistics.median(times[1:])


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    gwr = gwr_project(tmp / "gwr-project")
    subprocess.run(erqi("--root", str(gwr), "snapshot"), check=True, stdout=subprocess.DEVNULL)
    python = wall([sys.executable, "-c", "pass"])
    startup = wall(erqi("--version"))
    rows = [("python -c pass", python, None), ("erqi-diff --version (start-up)", startup, None)]
    cases = (("changelog 2016 2021, seeds", REPO, 2016, 2021), ("changelog 2013 2025, 7 national", gwr, 2013, 2025))
    for name, root, first, last in cases:
        t = wall(erqi("--root", str(root), "changelog", str(first), str(last)))
        rows.append((name, t, t - startup))
    print(f"{'what':<40} {'wall s':>8} {'beyond start-up s':>18}")
    for name, t, beyond in rows:
        print(f"{name:<40} {t:8.3f} {'' if beyond is None else f'{beyond:18.3f}'}")
    print()
    for name, root, first, last in cases:
        cold, warm = in_process(root, first, last)
        print(f"in process, {name}: first run {cold:.3f} s, then {warm:.3f} s (median)")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()

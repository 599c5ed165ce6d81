"""`erqi-diff slogans`, `metrics` and `goals` on all snapshots of the seeds
(5 reports) and of the national reports (7 reports, ~18,000 characters each),
beyond start-up (target: well under a second). Start-up is measured in the
same run (`erqi-diff --version`: Python, click and the command group), and
the extractors alone are timed in process (load + extract, median of 5).
Also the diff strip (`diff_strip`, on the hot path of `erqi-diff A B`).

    python benchmarks/bench_extract.py
"""

from __future__ import annotations

import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from common import REPO, erqi, gwr_project, wall


def in_process(root: Path, what: str, repeat: int = 5) -> float:
    """Median seconds of loading every snapshot and running one extractor."""
    from erqi_diff import goals, metrics, slogans
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many
    from erqi_diff.extract.strip import diff_strip

    def once() -> None:
        snaps = load_many(load_project(root))
        if what == "slogans":
            slogans.extract(snaps)
        elif what == "metrics":
            metrics.extract_many(snaps)
        elif what == "goals":
            goals.extract_many(snaps)
        else:
            diff_strip(snaps[0], snaps[-1])

    once()  # imports
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        once()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    gwr = gwr_project(tmp / "gwr-project")
    subprocess.run(erqi("--root", str(gwr), "snapshot"), check=True, stdout=subprocess.DEVNULL)
    startup = wall(erqi("--version"))
    print(f"start-up (erqi-diff --version): {startup:.3f} s")
    print(f"{'command':<34} {'wall s':>8} {'beyond start-up s':>18} {'in process s':>13}")
    for label, root in (("seeds", REPO), ("national", gwr)):
        for command in ("slogans", "metrics", "goals"):
            t = wall(erqi("--root", str(root), command, "--no-pager"))
            print(f"{command + ', ' + label:<34} {t:8.3f} {t - startup:18.3f} {in_process(root, command):13.3f}")
        print(f"{'diff_strip(first, last), ' + label:<34} {'':>8} {'':>18} {in_process(root, 'strip'):13.3f}")


if __name__ == "__main__":
    main()

"""`erqi-diff snapshot` on the seeds and on the national reports, beyond
Python's own start-up (target: well under a second each).

    python benchmarks/bench_snapshot.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from common import REPO, erqi, gwr_project, wall


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    seeds = tmp / "seeds-project"
    shutil.copytree(REPO / "seeds", seeds / "seeds")
    gwr = gwr_project(tmp / "gwr-project")

    def clear(root: Path):
        return lambda: shutil.rmtree(root / "snapshots", ignore_errors=True)

    python = wall([sys.executable, "-c", "pass"])
    rows = [("python -c pass (start-up)", python, None)]
    for name, root in (("snapshot, 5 seeds", seeds), ("snapshot, 7 national reports", gwr)):
        t = wall(erqi("--root", str(root), "snapshot"), setup=clear(root))
        rows.append((name, t, t - python))
    t = wall(erqi("--root", str(gwr), "snapshot", "--check"))
    rows.append(("snapshot --check, 7 national reports", t, t - python))
    print(f"{'what':<40} {'wall s':>8} {'beyond start-up s':>18}")
    for name, t, beyond in rows:
        print(f"{name:<40} {t:8.3f} {'' if beyond is None else f'{beyond:18.3f}'}")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()

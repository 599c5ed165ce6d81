"""Shared helpers for the benchmarks: wall time of a command, best of N,
measured in the same run as a baseline so figures are ratios, not absolutes."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GWR = REPO.parent / "shared" / "corpora" / "gwr"


def wall(argv: list[str], repeat: int = 5, setup=None, cwd: Path | None = None) -> float:
    """Best wall time in seconds of running ``argv`` ``repeat`` times."""
    best = float("inf")
    for _ in range(repeat):
        if setup:
            setup()
        start = time.perf_counter()
        subprocess.run(argv, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def erqi(*args: str) -> list[str]:
    exe = shutil.which("erqi-diff")
    return [exe, *args] if exe else [sys.executable, "-m", "erqi_diff.cli", *args]


def gwr_project(dest: Path) -> Path:
    """The national reports laid out as a project under ``dest`` (no snapshots)."""
    seeds = dest / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    entries = []
    for path in sorted(GWR.glob("*.txt")):
        shutil.copyfile(path, seeds / path.name)
        year = int(path.stem)
        entries.append(f'[[report]]\nyear = {year}\nfile = "{path.name}"\ndate = "{year}-03-05"\ntitle = "政府工作报告"\n')
    (seeds / "manifest.toml").write_text("\n".join(entries), encoding="utf-8")
    return dest

"""Shared helpers for the benchmarks: wall time of a command, best of N,
measured in the same run as a baseline so figures are ratios, not absolutes."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO.parent / "shared" / "corpora"
GWR = CORPORA / "gwr"
DEVSETS = REPO / "benchmarks" / "devsets"


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
    """The ``erqi-diff`` command of this Python (its venv's script), else ``python -m erqi_diff``."""
    script = Path(sys.executable).parent / "erqi-diff"
    exe = str(script) if script.exists() else shutil.which("erqi-diff")
    return [exe, *args] if exe else [sys.executable, "-m", "erqi_diff", *args]


def gwr_project(dest: Path) -> Path:
    """The national reports 2013-2025 laid out as a project under ``dest`` (no snapshots)."""
    return series_project("gwr", dest, build=False)


def series_project(name: str, dest: Path, build: bool = True) -> Path:
    """A series of the development sets as an erqi-diff project under ``dest``:
    ``seeds`` is this repository itself; ``gwr`` and ``gwr-early`` are the
    national reports of ../shared/corpora/<name>/, laid out with the manifest
    of benchmarks/devsets/corpora/<name>.toml (real dates), snapshots built."""
    if name == "seeds":
        return REPO
    seeds = dest / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    for path in sorted((CORPORA / name).glob("*.txt")):
        shutil.copyfile(path, seeds / path.name)
    shutil.copyfile(DEVSETS / "corpora" / f"{name}.toml", seeds / "manifest.toml")
    if build:
        from erqi_diff.core.project import load_project
        from erqi_diff.core.snapshot import build_all

        build_all(load_project(dest))
    return dest


def national_project(dest: Path) -> Path:
    """gwr-early (1978-2005) and gwr (2013-2025) as one series of 31 reports
    under ``dest`` (the two manifests joined), snapshots built."""
    seeds = dest / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    manifests = []
    for name in ("gwr-early", "gwr"):
        for path in sorted((CORPORA / name).glob("*.txt")):
            shutil.copyfile(path, seeds / path.name)
        manifests.append((DEVSETS / "corpora" / f"{name}.toml").read_text(encoding="utf-8"))
    (seeds / "manifest.toml").write_text("\n".join(manifests), encoding="utf-8")
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import build_all

    build_all(load_project(dest))
    return dest

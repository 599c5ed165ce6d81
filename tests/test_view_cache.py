"""The finished view of ``erqi-diff A B`` is cached by everything it depends
on: the repeated call prints the same bytes without importing rich or the
diff, and an edited snapshot, other options or another width are misses."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from conftest import REPO

PROBE = ("import atexit, sys; from erqi_diff.cli import main\n"
         "atexit.register(lambda: print(sorted(m for m in ('rich', 'erqi_diff.compare.diff', 'erqi_diff.extract.strip')"
         " if m in sys.modules), file=sys.stderr))\n"
         "main(sys.argv[1:])")


def _run(root, *args: str, cache, columns: str = "100") -> tuple[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    env.update({"ERQI_DIFF_CACHE": str(cache), "COLUMNS": columns})
    proc = subprocess.run([sys.executable, "-c", PROBE, "--root", str(root), *args], capture_output=True, text=True,
                          env=env, timeout=300)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout, proc.stderr.strip().splitlines()[-1]


@pytest.mark.slow  # child processes
def test_a_repeated_call_is_served_from_the_cache(tmp_path) -> None:
    project = tmp_path / "p"
    shutil.copytree(REPO / "seeds", project / "seeds")
    shutil.copytree(REPO / "snapshots", project / "snapshots")
    cache = tmp_path / "cache"
    first, loaded = _run(project, "2017", "2021", "--no-pager", cache=cache)
    assert "erqi_diff.compare.diff" in loaded  # computed
    again, loaded = _run(project, "2017", "2021", "--no-pager", cache=cache)
    assert again == first and loaded == "[]"  # the same bytes; neither rich nor the diff imported
    # another option, another width: computed anew
    _, loaded = _run(project, "2017", "2021", "--no-pager", "--stat", cache=cache)
    assert "erqi_diff.compare.diff" in loaded
    _, loaded = _run(project, "2017", "2021", "--no-pager", cache=cache, columns="60")
    assert "erqi_diff.compare.diff" in loaded
    # an edited snapshot is a miss, and the view shows the edit
    path = project / "snapshots" / "2021.md"
    path.write_text(path.read_text(encoding="utf-8").replace("773亿元", "774亿元"), encoding="utf-8")
    edited, loaded = _run(project, "2017", "2021", "--no-pager", cache=cache)
    assert "erqi_diff.compare.diff" in loaded and "774亿元" in edited and edited != first


@pytest.mark.slow
def test_exit_code_comes_with_the_cached_view(tmp_path) -> None:
    cache = tmp_path / "cache"
    for _ in range(2):  # computed, then cached
        env = {**os.environ, "ERQI_DIFF_CACHE": str(cache)}
        same = subprocess.run([sys.executable, "-m", "erqi_diff", "--root", str(REPO), "2017", "2017", "--exit-code",
                               "--no-pager"], capture_output=True, env=env, timeout=300)
        differ = subprocess.run([sys.executable, "-m", "erqi_diff", "--root", str(REPO), "2017", "2021",
                                 "--exit-code", "--no-pager"], capture_output=True, env=env, timeout=300)
        assert (same.returncode, differ.returncode) == (0, 1)

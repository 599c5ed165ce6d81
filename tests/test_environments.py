"""The suite passes whatever the user's shell sets: a sample of CLI tests
(the diff view and its golden files, tables, piped output, bad output
streams) run again in a child pytest under each setting."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import REPO

SAMPLE = [
    "tests/test_cli_diff.py",
    "tests/test_cli_facts.py::test_metrics_table_labels_figure_years",
    "tests/test_cli_facts.py::test_targets_table",
    "tests/test_cli_facts.py::test_metrics_and_goals_csv",
    "tests/test_cli_slogans.py::test_timeline_marks",
    "tests/test_cli_slogans.py::test_csv",
    "tests/test_snapshot.py::test_years_lists_the_series",
    "tests/test_output.py",
    "tests/test_bad_input.py::test_an_output_that_cannot_encode_chinese",
    "tests/test_bad_input.py::test_a_closed_stdout",
    "tests/test_bad_input.py::test_ctrl_c_exits_130_without_aborted",
]

SETTINGS = [
    {"NO_COLOR": "1"},
    {"COLUMNS": "40"},
    {"TERM": "dumb"},
    {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"},
    {"PAGER": "cat"},
    {"FORCE_COLOR": "1"},
]


@pytest.mark.slow
@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: ",".join(f"{k}={v}" for k, v in s.items()))
def test_cli_sample_passes_under(setting: dict[str, str], tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "ERQI_REGEN"))}
    env.update(setting)
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-x",
                           "--basetemp", str(tmp_path / "t"), *SAMPLE],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert " passed" in proc.stdout and "failed" not in proc.stdout.splitlines()[-1]

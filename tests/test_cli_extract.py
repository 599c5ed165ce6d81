"""``erqi-diff slogans`` as a user runs it (``metrics``, ``goals``, ``targets``: test_cli_facts.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from erqi_diff.cli import cli as main

from conftest import make_project


def run(*args: str, root: Path | None = None):
    argv = [*(["--root", str(root)] if root else []), *args]
    return CliRunner().invoke(main, argv)


@pytest.fixture(scope="module")
def quiet_root(tmp_path_factory) -> Path:
    """A series of two reports with neither numbers nor slogans."""
    raw = tmp_path_factory.mktemp("raw")
    for year in (2001, 2002):
        (raw / f"r{year}.txt").write_text("总体要求\n\n坚持稳中求进工作总基调，推动高质量发展。\n\n全面深化改革，扩大对外开放。\n",
                                          encoding="utf-8")
    root = tmp_path_factory.mktemp("quiet")
    return make_project(root, {y: raw / f"r{y}.txt" for y in (2001, 2002)})


def payload(output: str, kind: str):
    """The records of a ``--json`` document, after checking its schema."""
    data = json.loads(output)
    assert data["schema"] == f"erqi-diff/{kind}/1"
    return data[kind]


def test_slogans_json_shape(seeds_root) -> None:
    result = run("slogans", "--json", root=seeds_root)
    assert result.exit_code == 0, result.output
    data = payload(result.output, "slogans")
    assert all(set(r) == {"slogan", "years", "counts", "variants"} for r in data)
    lineage = next(r for r in data if any(v["slogan"] == "智慧督察" for v in r["variants"]))
    assert [v["slogan"] for v in lineage["variants"]] == ["智慧督察", "智慧督查"]
    assert lineage["counts"] == {"2016": 1, "2017": 1, "2021": 1}


def test_slogans_timeline_marks_new_and_retired(seeds_root) -> None:
    result = run("slogans", "--no-pager", root=seeds_root)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "\x1b[" not in out  # no colour without a terminal
    line = next(l for l in out.splitlines() if l.startswith("六个争先出彩"))
    assert "new 2021" in line
    line = next(l for l in out.splitlines() if l.startswith("四重点一稳定一保证"))
    assert "retired after 2017" in line
    assert "↳ 智慧督察" in out


def test_slogans_of_chosen_years(seeds_root) -> None:
    data = payload(run("slogans", "2016", "2017", "--json", root=seeds_root).output, "slogans")
    assert {y for r in data for y in r["years"]} == {2016, 2017}


@pytest.mark.parametrize("command, words", [("slogans", "No slogans found in 2001, 2002")])
def test_a_year_without_anything_says_so(quiet_root, command: str, words: str) -> None:
    result = run(command, "--no-pager", root=quiet_root)
    assert result.exit_code == 0, result.output
    assert words in result.output
    assert payload(run(command, "--json", root=quiet_root).output, command) == []


@pytest.mark.parametrize("command", ["slogans"])
def test_unknown_year(seeds_root, command: str) -> None:
    result = run(command, "2020", root=seeds_root)
    assert result.exit_code == 2
    assert "there is no snapshot for 2020" in result.output and "2021" in result.output


@pytest.mark.parametrize("command", ["slogans"])
def test_root_after_the_command(seeds_root, command: str) -> None:
    result = CliRunner().invoke(main, [command, "2017", "--json", "--root", str(seeds_root)])
    assert result.exit_code == 0, result.output
    assert isinstance(payload(result.output, command), list)


def test_not_a_year(seeds_root) -> None:
    result = run("slogans", "twenty", root=seeds_root)
    assert result.exit_code == 2 and "is not a year" in result.output


GOLDEN = Path(__file__).resolve().parent / "golden" / "extract_seeds"


@pytest.mark.parametrize("command", ["slogans"])
def test_golden_json_on_the_seeds(seeds_root, command: str) -> None:
    """The whole --json output on the seeds, read and checked once; regenerate
    with ERQI_REGEN=1 python -m pytest tests/test_cli_extract.py (then read the diff)."""
    import os

    result = run(command, "--json", root=seeds_root)
    assert result.exit_code == 0, result.output
    path = GOLDEN / f"{command}.json"
    if os.environ.get("ERQI_REGEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(result.output, encoding="utf-8")
    assert json.loads(result.output) == json.loads(path.read_text(encoding="utf-8"))

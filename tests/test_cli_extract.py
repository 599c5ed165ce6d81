"""``erqi-diff slogans``, ``metrics`` and ``goals`` as a user runs them."""

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


def test_metrics_json_shape_and_indicator(seeds_root) -> None:
    result = run("metrics", "--indicator", "GDP", "--json", root=seeds_root)
    assert result.exit_code == 0, result.output
    data = payload(result.output, "metrics")
    assert all(set(r) == {"year", "indicator", "value", "unit", "growth_pct", "period", "qualifier", "section", "text"}
               for r in data)
    assert {r["indicator"] for r in data} == {"地区生产总值"}
    assert [(r["year"], r["value"], r["period"]) for r in data if r["value"] is not None] == [
        (2017, 567, "year"), (2018, 282.8, "H1"), (2019, 323.3, "H1"), (2021, 773, "year")]


def test_metrics_table_marks_part_year_and_trend(seeds_root) -> None:
    out = run("metrics", "--indicator", "地区生产总值", "--no-pager", root=seeds_root).output
    assert "H1 (part of the year)" in out
    assert "▲" in out


def test_metrics_unknown_indicator_lists_those_there(seeds_root) -> None:
    result = run("metrics", "--indicator", "人口", root=seeds_root)
    assert result.exit_code == 2
    assert "no indicator matches '人口'" in result.output
    assert "地区生产总值" in result.output and "Traceback" not in result.output


def test_metrics_indicator_alias_on_the_national_reports(gwr_root) -> None:
    data = payload(run("metrics", "2024", "2025", "--indicator", "国内生产总值", "--json", root=gwr_root).output, "metrics")
    assert {(r["year"], r["growth_pct"]) for r in data if r["period"] == "year"} == {(2024, 5.2), (2025, 5)}


def test_goals_json_and_text(seeds_root) -> None:
    data = payload(run("goals", "2016", "--json", root=seeds_root).output, "goals")
    assert all(set(r) == {"year", "text", "target", "deadline", "outcome", "direction", "verdict"} for r in data)
    met = next(r for r in data if r["text"] == "今年计划完成投资446亿元")
    assert met["outcome"]["ratio"] == 1.054 and met["verdict"] == "met" and met["direction"] == "floor"
    out = run("goals", "2016", "--no-pager", root=seeds_root).output
    assert "open: no later report says" in out
    assert "105.4% of target" in out


def test_goals_are_linked_to_later_reports_not_chosen(gwr_root) -> None:
    # only 2024 is asked for, the 2025 report still says how 2024 went
    data = payload(run("goals", "2024", "--json", root=gwr_root).output, "goals")
    gdp = next(r for r in data if r["text"] == "国内生产总值增长5%左右")
    assert gdp["outcome"]["year"] == 2025 and gdp["outcome"]["value"] == 5


@pytest.mark.parametrize("command, words", [("slogans", "No slogans found in 2001, 2002"),
                                            ("metrics", "No metrics found in 2001, 2002"),
                                            ("goals", "No goals found in 2001, 2002")])
def test_a_year_without_anything_says_so(quiet_root, command: str, words: str) -> None:
    result = run(command, "--no-pager", root=quiet_root)
    assert result.exit_code == 0, result.output
    assert words in result.output
    assert payload(run(command, "--json", root=quiet_root).output, command) == []


def test_one_empty_year_among_others_is_named(seeds_root) -> None:
    out = run("metrics", "--no-pager", root=seeds_root).output
    assert "no metrics found in" not in out  # every seed year has some
    out = run("goals", "2017", "2018", "--no-pager", root=seeds_root).output
    assert "no goals found in 2017, 2018" in out or "No goals found in 2017, 2018" in out


@pytest.mark.parametrize("command", ["slogans", "metrics", "goals"])
def test_unknown_year(seeds_root, command: str) -> None:
    result = run(command, "2020", root=seeds_root)
    assert result.exit_code == 2
    assert "there is no snapshot for 2020" in result.output and "2021" in result.output


@pytest.mark.parametrize("command", ["slogans", "metrics", "goals"])
def test_root_after_the_command(seeds_root, command: str) -> None:
    result = CliRunner().invoke(main, [command, "2017", "--json", "--root", str(seeds_root)])
    assert result.exit_code == 0, result.output
    assert isinstance(payload(result.output, command), list)


def test_not_a_year(seeds_root) -> None:
    result = run("metrics", "twenty", root=seeds_root)
    assert result.exit_code == 2 and "is not a year" in result.output


GOLDEN = Path(__file__).resolve().parent / "golden" / "extract_seeds"


@pytest.mark.parametrize("command", ["slogans", "metrics", "goals"])
def test_golden_json_on_the_seeds(seeds_root, golden, command: str) -> None:
    """The whole --json output on the seeds, read and checked once; regenerate
    with ERQI_REGEN=1 python -m pytest tests/test_cli_extract.py (then read the diff)."""
    result = run(command, "--json", root=seeds_root)
    assert result.exit_code == 0, result.output
    golden(GOLDEN / f"{command}.json", result.output, lambda got, expected: json.loads(got) == json.loads(expected))

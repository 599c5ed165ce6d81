"""``erqi-diff metrics``, ``goals`` and ``targets`` as a user runs them:
terminal tables, ``--json`` (with its schema), ``--csv`` (read back with the
csv module into the documented columns), bad options."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from erqi_diff.cli import cli as main
from erqi_diff.views.facts import GOAL_COLUMNS, METRIC_COLUMNS

from conftest import plain_project

GOLDEN = Path(__file__).resolve().parent / "golden" / "extract_seeds"


def run(*args: str, root: Path | None = None):
    argv = [*(["--root", str(root)] if root else []), *args]
    return CliRunner().invoke(main, argv)


def payload(output: str, kind: str):
    data = json.loads(output)
    assert data["schema"] == f"erqi-diff/{kind}/1"
    return data[kind]


def rows_of(output: str) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(output))
    return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def quiet_root(tmp_path_factory) -> Path:
    return plain_project(tmp_path_factory, "总体要求\n\n坚持稳中求进工作总基调，推动高质量发展。\n")


def test_metrics_json_files_figures_under_their_year(seeds_root) -> None:
    data = payload(run("metrics", "2021", "--indicator", "GDP", "--json", root=seeds_root).output, "metrics")
    gdp = next(r for r in data if r["quote"] == "773亿元")
    assert (gdp["year"], gdp["figure_year"], gdp["kind"], gdp["indicator"]) == (2021, 2020, "estimate", "GDP")
    assert {"value", "unit", "modifier", "period", "figure_span", "measure", "growth_pct", "base", "text",
            "start", "end", "quote_start", "quote_end", "what"} <= set(gdp)


def test_metrics_table_labels_figure_years(seeds_root) -> None:
    out = run("metrics", "2021", "--indicator", "GDP", "--no-pager", root=seeds_root).output
    assert "2020 · report 2021" in out and "773亿元" in out


def test_metrics_indicator_filter_excludes_energy_use(gwr_root) -> None:
    data = payload(run("metrics", "--indicator", "GDP", "--json", root=gwr_root).output, "metrics")
    assert data and {r["indicator"] for r in data} == {"GDP"}


def test_unknown_indicator_lists_those_there(seeds_root) -> None:
    result = run("metrics", "--indicator", "人口", root=seeds_root)
    assert result.exit_code == 2
    assert "no indicator matches '人口'" in result.output and "GDP" in result.output
    result = run("targets", "--indicator", "人口", root=seeds_root)
    assert result.exit_code == 2 and "indicators there" in result.output


@pytest.mark.parametrize("command", ["metrics", "goals", "targets"])
def test_csv_with_json_is_a_usage_error(seeds_root, command: str) -> None:
    result = run(command, "--csv", "--json", root=seeds_root)
    assert result.exit_code == 2 and "cannot be used together" in result.output


def test_targets_csv_parses_into_the_documented_columns(gwr_root) -> None:
    result = run("targets", "2023", "--csv", root=gwr_root)
    assert result.exit_code == 0, result.output
    header, rows = rows_of(result.output)
    assert header == list(GOAL_COLUMNS)
    gdp = next(r for r in rows if r["indicator"] == "GDP" and r["measure"] == "growth")
    assert (gdp["report_year"], gdp["figure_year"], gdp["target"], gdp["modifier"]) == ("2023", "2023", "about +5%",
                                                                                      "about")
    assert (gdp["outcome_report"], gdp["outcome_value"], gdp["verdict"], gdp["margin"]) == ("2024", "5.2", "met", "0.2")
    assert all(r["verdict"] in ("met", "missed", "not_comparable", "open") for r in rows)


def test_metrics_and_goals_csv(seeds_root) -> None:
    header, rows = rows_of(run("metrics", "--csv", root=seeds_root).output)
    assert header == list(METRIC_COLUMNS) and rows
    assert all(r["indicator"] and r["figure_year"] for r in rows)
    header, rows = rows_of(run("goals", "2016", "--csv", root=seeds_root).output)
    assert header == list(GOAL_COLUMNS)
    roads = next(r for r in rows if r["quote"] == "22条")
    assert (roads["outcome_report"], roads["outcome_value"], roads["verdict"], roads["margin"]) == ("2017", "20",
                                                                                                 "missed", "-2")


def test_goals_are_judged_by_later_reports_not_chosen(gwr_root) -> None:
    data = payload(run("goals", "2024", "--json", root=gwr_root).output, "goals")
    gdp = next(lk for lk in data if lk["goal"]["indicator"] == "GDP" and lk["goal"]["measure"] == "growth")
    assert (gdp["outcome"]["year"], gdp["outcome"]["value"], gdp["verdict"]) == (2025, 5, "met")
    assert gdp["searched"] == [2025]


def test_the_goals_summary_counts_the_verdicts_the_rows_show(gwr_root) -> None:
    data = payload(run("goals", "2022", "2023", "--json", root=gwr_root).output, "goals")
    last = run("goals", "2022", "2023", "--no-pager", root=gwr_root).output.strip().splitlines()[-1]
    counts = [sum(1 for lk in data if lk["verdict"] == v) for v in ("met", "missed", "not_comparable", "open")]
    assert counts[2] and last == (f"{len(data)} goals: {counts[0]} met, {counts[1]} missed, "
                                  f"{counts[2]} not comparable, {counts[3]} open")


def test_the_goals_summary_counts_a_restated_goal_once(gwr_early_root) -> None:
    # 1999: 经济增长预期为7%左右, then 实现7%左右的增长速度: one goal said twice
    data = payload(run("goals", "1999", "--json", root=gwr_early_root).output, "goals")
    last = run("goals", "1999", "--no-pager", root=gwr_early_root).output.strip().splitlines()[-1]
    again = [lk for lk in data if lk["restates"]]
    counted = [lk for lk in data if not lk["restates"]]
    met = sum(1 for lk in counted if lk["verdict"] == "met")
    assert len(again) == 1 and again[0]["verdict"] == "met"
    assert last.startswith(f"{len(counted)} goals (and 1 restating one of them, not counted again): {met} met, ")


def test_targets_table(gwr_root) -> None:
    out = run("targets", "2022", "--no-pager", root=gwr_root).output
    assert "GDP" in out and "about +5.5%" in out and "missed" in out
    assert "2023" in out  # the report the outcome came from


@pytest.mark.parametrize("command, words", [("metrics", "No metrics found in 2001, 2002"),
                                            ("goals", "No goals found in 2001, 2002"),
                                            ("targets", "No target of a known indicator found in 2001, 2002")])
def test_a_series_without_figures_says_so(quiet_root, command: str, words: str) -> None:
    result = run(command, "--no-pager", root=quiet_root)
    assert result.exit_code == 0, result.output
    assert words in result.output
    assert payload(run(command, "--json", root=quiet_root).output, command) == []


@pytest.mark.parametrize("command", ["metrics", "goals", "targets"])
def test_unknown_year_and_root_after_the_command(seeds_root, command: str) -> None:
    result = run(command, "2020", root=seeds_root)
    assert result.exit_code == 2 and "there is no snapshot for 2020" in result.output
    result = CliRunner().invoke(main, [command, "2017", "--json", "--root", str(seeds_root)])
    assert result.exit_code == 0, result.output
    assert isinstance(payload(result.output, command), list)


@pytest.mark.parametrize("command", ["metrics", "goals"])
def test_golden_json_on_the_seeds(seeds_root, golden, command: str) -> None:
    """The whole --json output on the seeds, read and checked once; regenerate
    with ERQI_REGEN=1 python -m pytest tests/test_cli_facts.py -k golden (then read the diff)."""
    result = run(command, "--json", root=seeds_root)
    assert result.exit_code == 0, result.output
    golden(GOLDEN / f"{command}.json", result.output, lambda got, expected: json.loads(got) == json.loads(expected))

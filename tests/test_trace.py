"""``erqi-diff trace``: any term through the years, as the library gives it
and as a user runs it (counts, occurrences, grid, CSV, JSON, bad input)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from erqi_diff.cli import cli as main
from erqi_diff.core.snapshot import load_many
from erqi_diff.extract.trace import TraceError, trace

from extract_quality import make_snapshot


def run(*args: str, root: Path | None = None):
    argv = [*(["--root", str(root)] if root else []), *args]
    return CliRunner().invoke(main, argv)


SNAPS = [
    make_snapshot(1994, "## 一、回顾\n\n一九九五年的任务很重。实现“八五”计划。\n"),
    make_snapshot(1995, "## 一、回顾\n\n制定“九五”计划。\n\n## 二、任务\n\n“九五”期间，推进“三网”融合，实施“九五”计划。\n"),
    make_snapshot(1997, "## 一、回顾\n\n“九五”开局良好，三网融合加快。\n"),
]


def test_counts_first_last_and_occurrences() -> None:
    (term,) = trace(SNAPS, ["九五"]).terms
    assert dict(term.counts) == {1994: 0, 1995: 3, 1997: 1}  # never inside 一九九五年
    assert (term.first, term.last, term.found) == (1995, 1997, True)
    assert [h.year for h in term.hits] == [1997, 1995, 1995, 1995]  # newest first
    hit = term.hits[1]
    assert (hit.text, hit.section, hit.after[:3]) == ("九五", "一、回顾", "”计划")
    body = SNAPS[1].body
    assert all(body[h.start:h.end] == "九五" for h in term.hits if h.year == 1995)
    assert term.hits[2].section == "二、任务"


def test_oldest_first_and_context() -> None:
    (term,) = trace(SNAPS, ["九五"], newest_first=False, context=2).terms
    assert [h.year for h in term.hits] == [1995, 1995, 1995, 1997]
    assert all(len(h.before) <= 2 and len(h.after) <= 2 for h in term.hits)
    assert term.hits[0].before == "定“"  # the quote mark is text, counted in the context


def test_quotes_do_not_matter_and_a_regex_sees_the_text() -> None:
    (term,) = trace(SNAPS, ["三网融合"]).terms
    assert dict(term.counts) == {1994: 0, 1995: 1, 1997: 1}
    (pattern,) = trace(SNAPS, ["[八九]五"], regex=True).terms
    assert dict(pattern.counts) == {1994: 2, 1995: 3, 1997: 1}  # a pattern adds no rule: 一九九五 counts


def test_several_terms() -> None:
    result = trace(SNAPS, ["八五", "九五", "十五"])
    assert [t.term for t in result.terms] == ["八五", "九五", "十五"]
    assert result.missing == ("十五",)


@pytest.mark.parametrize("terms, regex, words", [
    ([""], False, "empty term"),
    (["  "], False, "empty term"),
    (["“”"], False, "empty term"),
    ([], False, "give a term"),
    (["九五("], True, "does not compile"),
    (["a*"], True, "matches the empty text"),
    (["九五" * 200], False, "longer"),
])
def test_bad_input(terms, regex, words) -> None:
    with pytest.raises(TraceError, match=words):
        trace(SNAPS, terms, regex=regex)


# ------------------------------------------------------------------ the command


def test_one_term_on_the_national_reports(gwr_root) -> None:
    result = run("trace", "新质生产力", "--no-pager", root=gwr_root)
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())  # a narrow terminal wraps the lines
    assert flat.startswith("新质生产力: 3 occurrences in 2 reports, first 2024, last 2025")
    assert "2023 · 2024 1 2025 2" in flat and "【新质生产力】" in flat  # no colour: the term is marked
    assert flat.index("2025 (2 occurrences)") < flat.index("2024 (1 occurrence)")


def test_json_and_csv(gwr_root) -> None:
    data = json.loads(run("trace", "三保", "--json", root=gwr_root).output)
    assert data["schema"] == "erqi-diff/trace/1"
    (term,) = data["terms"]
    assert (term["first"], term["last"]) == (2023, 2025) and term["counts"]["2013"] == 0
    assert set(term["hits"][0]) == {"year", "start", "end", "text", "before", "after", "section"}
    rows = list(csv.DictReader(io.StringIO(run("trace", "三保", "--csv", root=gwr_root).output)))
    assert [r["year"] for r in rows] == ["2025", "2024", "2023"] and rows[0]["text"] == "三保"
    grid = list(csv.DictReader(io.StringIO(run("trace", "三保", "三农", "--csv", "--oldest-first",
                                               root=gwr_root).output)))
    assert list(grid[0]) == ["year", "三保", "三农"] and grid[0]["year"] == "2013"


def test_watch_file_grid(gwr_root, tmp_path) -> None:
    watch = tmp_path / "watch.txt"
    watch.write_text("# 提法\n高质量发展\n\n新质生产力\n", encoding="utf-8")
    result = run("trace", "--watch", str(watch), "--no-pager", root=gwr_root)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["year", "高质量发展", "新质生产力"]
    assert lines[1].split()[0] == "2025" and lines[-1].split()[0] == "last"


def test_not_found_is_exit_1(gwr_root) -> None:
    result = run("trace", "不存在的提法", "--no-pager", root=gwr_root)
    assert result.exit_code == 1 and "stands in no report" in result.output
    result = run("trace", "高质量发展", "不存在的提法", "--no-pager", root=gwr_root)
    assert result.exit_code == 1 and "stands in no report: 不存在的提法" in result.output


@pytest.mark.parametrize("args, words", [
    (["trace", ""], "empty term"),
    (["trace", "-E", "十五("], "does not compile"),
    (["trace", "十五", "--json", "--csv"], "--json and --csv"),
    (["trace", "--watch", "/nonexistent/watch.txt"], "does not exist"),
    (["trace"], "give a term"),
])
def test_bad_input_is_exit_2(seeds_root, args, words) -> None:
    result = run(*args, root=seeds_root)
    assert result.exit_code == 2, result.output
    assert words in result.output


def test_a_term_longer_than_any_report(seeds_root) -> None:
    longest = max(len(s.body) for s in load_many(__import__("erqi_diff.core.project", fromlist=["x"])
                                                  .load_project(seeds_root)))
    result = run("trace", "改" * (longest + 1), root=seeds_root)
    assert result.exit_code == 2 and "longer" in result.output

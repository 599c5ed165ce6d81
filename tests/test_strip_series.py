"""The diff strip in a project: the project's own lexicon reaches it (and its
text is part of the cache key), and a slogan back after reports without it
is *returned* (the series before the older report is looked at)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import make_project
from erqi_diff.cli import cli as main
from erqi_diff.compare.diff import compare
from erqi_diff.core.project import load_project
from erqi_diff.core.snapshot import load


@pytest.fixture()
def root(tmp_path) -> Path:
    """Three short reports: a quoted formula absent from the middle one, and
    a phrase only a lexicon knows."""
    raw = tmp_path / "raw"
    raw.mkdir()
    texts = {2001: "总体要求\n\n深化“两学一做”学习教育，建设东城绿谷。\n",
             2002: "总体要求\n\n推进医疗卫生事业发展，办好民生实事。\n",
             2003: "总体要求\n\n巩固“两学一做”学习教育成果，建设东城绿谷。\n"}
    for year, text in texts.items():
        (raw / f"r{year}.txt").write_text(text, encoding="utf-8")
    return make_project(tmp_path / "project", {y: raw / f"r{y}.txt" for y in texts})


def strip(root: Path, *years: str) -> dict:
    result = CliRunner().invoke(main, ["--root", str(root), *years, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["strip"]


def test_a_slogan_back_after_an_absence_is_returned(root) -> None:
    got = strip(root, "2002", "2003")
    assert got["slogans_returned"] == [{"slogan": "两学一做", "since": 2001, "as": "", "within": ""}]
    assert "两学一做" not in got["slogans_added"]
    # the two reports alone cannot tell: without the project, it is added
    project = load_project(root)
    alone = compare(load(project, 2002), load(project, 2003)).strip
    assert alone is not None and "两学一做" in alone["slogans_added"] and alone["slogans_returned"] == []


def test_the_terminal_strip_says_returned(root) -> None:
    result = CliRunner().invoke(main, ["--root", str(root), "2002", "2003", "--no-pager"], env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "Slogans returned:" in result.output and "两学一做 (last in 2001)" in result.output


def test_the_project_lexicon_reaches_the_strip(root) -> None:
    assert "东城绿谷" not in json.dumps(strip(root, "2001", "2002"), ensure_ascii=False)
    (root / "slogans.toml").write_text('[local]\nterms = ["东城绿谷"]\n', encoding="utf-8")
    got = strip(root, "2001", "2002")  # the same two bodies: the lexicon's text is in the cache key
    assert got["slogans_retired"] == ["两学一做", "东城绿谷"]
    assert {"slogan": "东城绿谷", "since": 2001, "as": "", "within": ""} in strip(root, "2002", "2003")["slogans_returned"]
    (root / "slogans.toml").write_text('exclude = ["两学一做"]\n', encoding="utf-8")
    assert strip(root, "2001", "2002")["slogans_retired"] == []


def test_a_malformed_project_lexicon_is_an_error(root) -> None:
    (root / "slogans.toml").write_text('[local]\nterms = ["东城绿谷"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(root), "2001", "2002", "--json"])
    assert result.exit_code == 2 and "slogans.toml" in result.output


def test_an_edited_earlier_report_is_a_cache_miss(root) -> None:
    assert strip(root, "2002", "2003")["slogans_returned"]
    path = root / "snapshots" / "2001.md"
    path.write_text(path.read_text(encoding="utf-8").replace("“两学一做”学习教育", "理论学习"), encoding="utf-8")
    got = strip(root, "2002", "2003")
    assert got["slogans_returned"] == [] and "两学一做" in got["slogans_added"]

"""``erqi-diff slogans`` as a user runs it: the table, --json (with
occurrences), --csv, the lexicon (package, project slogans.toml, --lexicon)
and its errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from erqi_diff.cli import cli as main

from conftest import make_project, plain_project

GOLDEN = Path(__file__).resolve().parent / "golden" / "extract_seeds"


def run(*args: str, root: Path | None = None):
    argv = [*(["--root", str(root)] if root else []), *args]
    return CliRunner().invoke(main, argv)


def payload(output: str):
    data = json.loads(output)
    assert data["schema"] == "erqi-diff/slogans/1"
    return data["slogans"]


@pytest.fixture(scope="module")
def small_root(tmp_path_factory) -> Path:
    """Three short reports: a quoted formula, a formula back after a year
    without it, a series reordered, and a phrase only a lexicon knows."""
    raw = tmp_path_factory.mktemp("raw")
    texts = {2001: "总体要求\n\n深化“两学一做”学习教育，推进医保、医疗、医药协同发展，建设东城绿谷。\n",
             2002: "总体要求\n\n推进“医保、医疗、医药”协同发展，建设东城绿谷。\n",
             2003: "总体要求\n\n巩固“两学一做”成果，推进“医疗、医保、医药”协同发展。\n"}
    for year, text in texts.items():
        (raw / f"r{year}.txt").write_text(text, encoding="utf-8")
    return make_project(tmp_path_factory.mktemp("small"), {y: raw / f"r{y}.txt" for y in texts})


@pytest.fixture(scope="module")
def quiet_root(tmp_path_factory) -> Path:
    return plain_project(tmp_path_factory, "工作回顾\n\n今年春天雨水多，道路修好了。\n")


def test_json_shape_with_occurrences(seeds_root) -> None:
    result = run("slogans", "--json", root=seeds_root)
    assert result.exit_code == 0, result.output
    data = payload(result.output)
    assert all(set(r) == {"slogan", "kind", "years", "counts", "variants", "occurrences"} for r in data)
    lineage = next(r for r in data if any(v["slogan"] == "现代化国际化复合型城区" for v in r["variants"]))
    assert [v["slogan"] for v in lineage["variants"]] == ["现代化国际化复合型城区", "现代化国际化生态化新城区"]
    record = next(r for r in data if r["slogan"] == "三个二七")
    assert record["counts"] == {str(y): len(record["occurrences"][str(y)]) for y in record["years"]}
    body = (seeds_root / "snapshots" / "2018.md").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    for o in record["occurrences"]["2018"]:
        assert set(o) == {"start", "end", "form", "section"}
        assert body[o["start"]:o["end"]] == "三个二七"


def test_timeline_marks(small_root) -> None:
    result = run("slogans", "--no-pager", root=small_root)
    assert result.exit_code == 0, result.output
    out = result.output
    assert "\x1b[" not in out  # no colour without a terminal
    line = next(row for row in out.splitlines() if row.startswith("两学一做"))
    assert "left out after 2001" in line and "returned 2003" in line
    # a lexicon slogan goes by the lexicon's name; its forms are listed under it
    line = next(row for row in out.splitlines() if row.startswith("医保、医疗、医药"))
    assert "changed 2003" in line and "new" not in line
    assert "↳ 医疗、医保、医药" in out


def test_csv(small_root) -> None:
    result = run("slogans", "--csv", root=small_root)
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert list(rows[0]) == ["slogan", "kind", "first", "last", "2001", "2002", "2003", "marks", "forms"]
    record = next(r for r in rows if r["slogan"] == "两学一做")
    assert (record["2001"], record["2002"], record["2003"]) == ("1", "", "1")
    assert record["marks"] == "left out after 2001, returned 2003"


def test_json_and_csv_together_is_a_usage_error(small_root) -> None:
    result = run("slogans", "--json", "--csv", root=small_root)
    assert result.exit_code == 2 and "--json and --csv" in result.output


def test_chosen_years(seeds_root) -> None:
    data = payload(run("slogans", "2016", "2017", "--json", root=seeds_root).output)
    assert {y for r in data for y in r["years"]} == {2016, 2017}


def test_nothing_found_says_so(quiet_root) -> None:
    result = run("slogans", "--no-pager", root=quiet_root)
    assert result.exit_code == 0 and "No slogans found in 2001, 2002" in result.output
    assert payload(run("slogans", "--json", root=quiet_root).output) == []


def test_unknown_year_and_root_after_the_command(seeds_root) -> None:
    result = run("slogans", "2020", root=seeds_root)
    assert result.exit_code == 2 and "there is no snapshot for 2020" in result.output
    result = CliRunner().invoke(main, ["slogans", "2017", "--json", "--root", str(seeds_root)])
    assert result.exit_code == 0 and isinstance(payload(result.output), list)


# ------------------------------------------------------------------ lexicons


def test_project_lexicon_and_lexicon_option(small_root, tmp_path) -> None:
    assert "东城绿谷" not in run("slogans", "--csv", root=small_root).output
    own = small_root / "slogans.toml"
    own.write_text('[local]\nterms = ["东城绿谷"]\n', encoding="utf-8")
    try:
        rows = list(csv.DictReader(io.StringIO(run("slogans", "--csv", root=small_root).output)))
        record = next(r for r in rows if r["slogan"] == "东城绿谷")
        assert (record["kind"], record["first"], record["last"]) == ("lexicon", "2001", "2002")
        extra = tmp_path / "more.toml"
        extra.write_text('exclude = ["两学一做"]\n[more]\nlineages = [["协同发展", "协同推进"]]\n', encoding="utf-8")
        out = run("slogans", "--csv", "--lexicon", str(extra), root=small_root).output
        assert "两学一做" not in out and "协同发展" in out and "东城绿谷" in out
    finally:
        own.unlink()


@pytest.mark.parametrize("text, words", [
    ('[local]\nterms = ["东城绿谷"\n', "line 3"),                     # not TOML
    ('[local]\nterms = "东城绿谷"\n', "line 1"),                      # not a list
    ('[local]\nterms = ["东城绿谷", "谷"]\n', "line 2"),               # a term of one character
    ('[local]\nnames = ["东城绿谷"]\n', "line 2"),                    # an unknown key
    ('schema = 2\n', "schema 2"),
    ('exclude = "帽子"\n', "line 1"),
    ('since = {"党的基本路线" = "1987"}\n', "line 1"),                  # a year that is not a number
])
def test_a_malformed_lexicon_names_its_line(small_root, tmp_path, text: str, words: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(text, encoding="utf-8")
    result = run("slogans", "--lexicon", str(bad), root=small_root)
    assert result.exit_code == 2, result.output
    assert str(bad) in result.output and words in result.output


def test_a_form_counts_only_from_its_since_year() -> None:
    """党的基本路线 is 一个中心、两个基本点 from 1987 on; in 1978 it was another line."""
    from erqi_diff.extract import slogans
    from erqi_diff.extract.lexicon import package_lexicon, parse

    from extract_quality import make_snapshot

    body = "坚持党的基本路线不动摇。\n"
    old, new = make_snapshot(1978, body, date="1978-02-26"), make_snapshot(1993, body, date="1993-03-15")
    found = {s.slogan: s.years for s in slogans.extract([old, new], package_lexicon())}
    assert found.get("一个中心、两个基本点") == (1993,)
    own = parse('since = {"党的基本路线" = 1994}\n', "own.toml")
    assert not own.counts_in("党的基本路线", 1993) and own.counts_in("党的基本路线", 1994)
    merged = package_lexicon().merged(own)
    assert not merged.counts_in("党的基本路线", 1993)  # the user's year wins


def test_a_missing_lexicon(small_root, tmp_path) -> None:
    result = run("slogans", "--lexicon", str(tmp_path / "none.toml"), root=small_root)
    assert result.exit_code == 2 and "does not exist" in result.output


def test_the_package_lexicon_is_well_formed() -> None:
    from erqi_diff.extract.lexicon import PACKAGE_LEXICON, package_lexicon, read

    lexicon = package_lexicon()
    assert len(lexicon.entries) > 300 and lexicon.exclude == frozenset()
    forms = [f for e in lexicon.entries for f in e.forms]
    assert len(forms) == len(set(forms))  # a form belongs to one slogan
    assert read(PACKAGE_LEXICON) == lexicon


def test_golden_json_on_the_seeds(seeds_root, golden) -> None:
    """The whole --json output on the seeds, read and checked; regenerate with
    ERQI_REGEN=1 python -m pytest tests/test_cli_slogans.py -k golden (then read the diff)."""
    result = run("slogans", "--json", root=seeds_root)
    assert result.exit_code == 0, result.output
    golden(GOLDEN / "slogans.json", result.output, lambda got, expected: json.loads(got) == json.loads(expected))


def test_a_slogan_held_by_a_longer_series_is_there(tmp_path) -> None:
    """普惠金融 stands alone in 2001, not in 2002, and in 2003 only as an item of a series of five
    (科技金融、绿色金融、普惠金融、养老金融、数字金融): left out after 2001, returned 2003, not gone; the
    series itself is new in 2003, and an item standing alone after the series only is new then too."""
    texts = {
        2001: "## 一、今年的任务\n\n大力发展普惠金融，支持小微企业。\n",
        2002: "## 一、今年的任务\n\n稳定宏观经济大盘，保持经济运行在合理区间。\n",
        2003: "## 一、今年的任务\n\n做好科技金融、绿色金融、普惠金融、养老金融、数字金融五篇大文章。\n",
    }
    root = _series(tmp_path, texts)
    result = run("slogans", "--csv", root=root)
    assert result.exit_code == 0, result.output
    rows = {r["slogan"]: r for r in csv.DictReader(io.StringIO(result.output))}
    assert rows["普惠金融"]["marks"] == "left out after 2001, returned 2003"
    assert rows["科技金融、绿色金融、普惠金融、养老金融、数字金融"]["marks"] == "new 2003"


def test_the_series_other_reports_decide_new_and_retired(tmp_path) -> None:
    """slogans 2002 2003 reads two reports, but 稳中求进 stood in 2001 too: returned, not new;
    slogans 2001 2002: it stands again in 2003, so it was left out, not retired (as the diff's strip says)."""
    texts = {2001: "## 一、任务\n\n坚持稳中求进工作总基调。\n", 2002: "## 一、任务\n\n推动高质量发展。\n",
             2003: "## 一、任务\n\n坚持稳中求进工作总基调，推动高质量发展。\n"}
    root = _series(tmp_path, texts)

    def marks(*years: str) -> dict[str, str]:
        result = run("slogans", *years, "--csv", root=root)
        assert result.exit_code == 0, result.output
        return {r["slogan"]: r["marks"] for r in csv.DictReader(io.StringIO(result.output))}

    assert marks("2002", "2003")["稳中求进"] == "returned 2003"
    assert marks("2001", "2002")["稳中求进"] == "left out after 2001"
    assert marks()["稳中求进"] == "left out after 2001, returned 2003"  # every report read: as before


def test_retired_after_the_last_report_it_stood_in_read_or_not(tmp_path) -> None:
    """slogans 2001 2003: 稳中求进 stood in 2002 too (not read), not in 2003: retired after 2002, not 2001."""
    texts = {2001: "## 一、任务\n\n坚持稳中求进工作总基调。\n", 2002: "## 一、任务\n\n坚持稳中求进工作总基调。\n",
             2003: "## 一、任务\n\n推动高质量发展。\n"}
    root = _series(tmp_path, texts)
    result = run("slogans", "2001", "2003", "--csv", root=root)
    assert result.exit_code == 0, result.output
    marks = {r["slogan"]: r["marks"] for r in csv.DictReader(io.StringIO(result.output))}
    assert marks["稳中求进"] == "retired after 2002"


def _series(tmp_path, texts: dict[int, str]):
    """A project of the reports ``texts`` ({year: raw text}), snapshots built."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for year, text in texts.items():
        (raw / f"{year}.txt").write_text(text, encoding="utf-8")
    return make_project(tmp_path / "p", {y: raw / f"{y}.txt" for y in texts})


def test_an_item_of_a_series_is_there_before_it_stands_alone(seeds_root) -> None:
    """品质二七 stands alone in 2021 only, but 品质二七、田园二七、温暖二七 holds it in
    2016-2018: '+' there, first 2016, and returned (not new) in 2021."""
    out = run("slogans", "--no-pager", root=seeds_root).output
    (row,) = [line for line in out.splitlines() if line.split()[:1] == ["品质二七"]]
    cells = row.split()
    assert cells[1:6] == ["+", "+", "+", "·", "1"] and cells[6:8] == ["2016", "2021"]
    assert "returned 2021" in row and "new" not in row
    assert "+: there only as an item of a longer slogan" in out

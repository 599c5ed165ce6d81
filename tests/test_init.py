"""``erqi-diff init`` and ``add``: guessing year, date and title from real
reports and hand-made ones, and every bad folder."""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from erqi_diff.cli import cli as main
from erqi_diff.core.guess import Certainty, cn_number, guess_report
from erqi_diff.core.project import load_project

from conftest import GWR, GWR_YEARS, REPO

DEVSET = tomllib.loads((REPO / "benchmarks" / "devsets" / "corpora" / "gwr.toml").read_text(encoding="utf-8"))
REAL = {r["year"]: r for r in DEVSET["report"]}


def run(*args: str):
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output
    return result


def _manifest(folder: Path) -> list[dict]:
    return tomllib.loads((folder / "seeds" / "manifest.toml").read_text(encoding="utf-8"))["report"]


def _lines(folder: Path) -> list[str]:
    return (folder / "seeds" / "manifest.toml").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("text, value", [("二〇二一", 2021), ("一九九○", 1990), ("一九七八", 1978), ("十五", 15),
                                         ("二十", 20), ("三十一", 31), ("十", 10), ("2024", 2024), ("十二三", None),
                                         ("", None), ("年", None)])
def test_chinese_numerals(text, value) -> None:
    assert cn_number(text) == value


def test_init_on_the_national_reports(tmp_path) -> None:
    """All seven years sure; the dates the texts state (2022-2024) sure and
    right; the others not found and marked; every title right."""
    for path in GWR.glob("*.txt"):
        shutil.copyfile(path, tmp_path / path.name)
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.output
    entries = {e["year"]: e for e in _manifest(tmp_path)}
    assert sorted(entries) == GWR_YEARS
    lines = _lines(tmp_path)
    for year, entry in entries.items():
        assert entry["title"] == REAL[year]["title"]
        date_line = next(ln for ln in lines if ln.startswith("date = ") and ln.count(str(year)))
        if year in (2022, 2023, 2024):
            assert entry["date"] == REAL[year]["date"] and "from the dateline" in date_line
        else:  # the text states no date: a stand-in, marked
            assert "# guessed (not found)" in date_line
        assert any(ln.startswith(f"year = {year}  # from the file name") for ln in lines)
    assert sorted(p.name for p in (tmp_path / "seeds").glob("*.txt")) == [f"{y}.txt" for y in GWR_YEARS]
    assert run("--root", str(tmp_path), "snapshot").exit_code == 0
    assert load_project(tmp_path).years == GWR_YEARS


def test_init_on_the_erqi_seeds(tmp_path) -> None:
    """Years right wherever the guess is likely or sure; what it cannot
    guess (2019: 今年上半年) left out and named; unsure guesses marked."""
    (tmp_path / "seeds").mkdir()
    truth = {r.file: r for r in load_project(REPO).reports}
    for name in truth:
        shutil.copyfile(REPO / "seeds" / name, tmp_path / "seeds" / name)
    shutil.copyfile(REPO / "seeds" / "README.md", tmp_path / "seeds" / "README.md")
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.output
    entries = {e["file"]: e for e in _manifest(tmp_path)}
    text = "\n".join(_lines(tmp_path))
    for name, report in truth.items():
        guess = guess_report(name, (REPO / "seeds" / name).read_text(encoding="utf-8"))
        if guess.year.certainty in (Certainty.SURE, Certainty.LIKELY):
            assert entries[name]["year"] == report.year, name
        elif guess.year.certainty is Certainty.UNSURE:
            assert f"year = {guess.year.value}  # guessed (unsure)" in text, name
        else:
            assert name not in entries and name in result.output and "--year" in result.output
    assert "002_89392e222e8dac3e.txt" not in entries  # 2019 does not say its year
    assert entries["000_316189b98bfa6228.txt"]["year"] == 2017
    assert entries["001_6bf828c3fc352534.txt"]["year"] == 2016
    assert entries["003_27f9ff5f142f7a0a.txt"]["year"] == 2018
    assert entries["000_316189b98bfa6228.txt"]["title"] == "区委十一届四次全体（扩大）会议"
    # the one left out goes in with add, its year given
    added = run("--root", str(tmp_path), "add", str(tmp_path / "seeds" / "002_89392e222e8dac3e.txt"),
                "--year", "2019", "--date", "2019-08-05")
    assert added.exit_code == 0, added.output
    assert {e["file"]: e for e in _manifest(tmp_path)}["002_89392e222e8dac3e.txt"]["year"] == 2019


def test_dates_in_chinese_numerals_and_a_title_file_name(tmp_path) -> None:
    (tmp_path / "2021年某区经济工作会议.txt").write_text(
        "二〇二一年一月十五日，区委召开经济工作会议。\n\n会议指出，二〇二〇年全区经济稳中有进。\n", encoding="utf-8")
    (tmp_path / "1990.txt").write_text(
        "政府工作报告\n\n——一九九○年三月二十日在第七届全国人民代表大会第三次会议上\n\n各位代表：\n\n"
        "现在，我代表国务院，向大会作政府工作报告。\n", encoding="utf-8")
    result = run("init", str(tmp_path), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["schema"].startswith("erqi-diff/init/")
    entries = {e["year"]: e for e in _manifest(tmp_path)}
    assert entries[2021]["date"] == "2021-01-15" and entries[2021]["title"] == "2021年某区经济工作会议"
    assert entries[1990]["date"] == "1990-03-20" and entries[1990]["title"] == "1990年政府工作报告"


def test_an_empty_folder(tmp_path) -> None:
    result = run("init", str(tmp_path))
    assert result.exit_code == 2 and "no report files" in result.output
    assert not (tmp_path / "seeds").exists()


def test_a_folder_of_files_that_are_not_text(tmp_path) -> None:
    (tmp_path / "a.pdf").write_bytes(b"%PDF-1.4\x00\x01\x02" * 50)
    (tmp_path / "b.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" * 50)
    result = run("init", str(tmp_path))
    assert result.exit_code == 2
    assert "a.pdf" in result.output and "b.png" in result.output and "binary" in result.output
    assert not (tmp_path / "seeds" / "manifest.toml").exists()
    assert (tmp_path / "a.pdf").exists()  # nothing moved


def test_two_files_of_one_year_and_one_without_a_year(tmp_path) -> None:
    shutil.copyfile(GWR / "2024.txt", tmp_path / "2024.txt")
    shutil.copyfile(GWR / "2024.txt", tmp_path / "2024-copy.txt")
    shutil.copyfile(GWR / "2023.txt", tmp_path / "2023.txt")
    (tmp_path / "notes.txt").write_text("今年上半年，全区经济运行平稳。\n", encoding="utf-8")
    result = run("init", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert [e["year"] for e in _manifest(tmp_path)] == [2023]
    for name in ("2024.txt", "2024-copy.txt", "notes.txt"):
        assert f"left out {name}" in result.output
        assert (tmp_path / name).exists()  # left where it was
    assert "looks like 2024" in result.output and "cannot be guessed" in result.output


def test_init_never_overwrites_a_manifest(tmp_path) -> None:
    shutil.copyfile(GWR / "2024.txt", tmp_path / "2024.txt")
    assert run("init", str(tmp_path)).exit_code == 0
    before = (tmp_path / "seeds" / "manifest.toml").read_bytes()
    result = run("init", str(tmp_path))
    assert result.exit_code == 2 and "already exists" in result.output and "erqi-diff add" in result.output
    assert (tmp_path / "seeds" / "manifest.toml").read_bytes() == before


def test_add(tmp_path) -> None:
    project = tmp_path / "p"
    project.mkdir()
    shutil.copyfile(GWR / "2024.txt", project / "2024.txt")
    assert run("init", str(project)).exit_code == 0
    # from elsewhere: copied, guessed
    result = run("--root", str(project), "add", str(GWR / "2025.txt"))
    assert result.exit_code == 0, result.output
    assert "copied" in result.output and (project / "seeds" / "2025.txt").exists()
    # given values win and carry no "guessed" mark
    other = tmp_path / "report.txt"
    other.write_text("各位代表：\n\n现在，我代表市政府，向大会报告政府工作。\n", encoding="utf-8")
    result = run("--root", str(project), "add", str(other), "--year", "2023", "--date", "2023-01-10",
                 "--title", "某市政府工作报告")
    assert result.exit_code == 0, result.output
    entries = {e["year"]: e for e in _manifest(project)}
    assert entries[2023] == {"year": 2023, "file": "report.txt", "date": "2023-01-10", "title": "某市政府工作报告"}
    assert "year = 2023\n" in "\n".join(_lines(project)) + "\n"
    assert entries[2025]["title"] == "2025年政府工作报告"
    assert run("--root", str(project), "snapshot").exit_code == 0


@pytest.mark.parametrize("args, message", [
    (["{gwr}/2024.txt"], "already has a report for 2024"),
    (["{tmp}/noyear.txt"], "give it with --year"),
    (["{gwr}/2013.txt", "--date", "5 March"], "ISO date"),
    (["{tmp}/missing.txt"], "does not exist"),
])
def test_add_bad(tmp_path, args, message) -> None:
    shutil.copyfile(GWR / "2024.txt", tmp_path / "2024.txt")
    assert run("init", str(tmp_path)).exit_code == 0
    (tmp_path / "noyear.txt").write_text("今年上半年，全区经济运行平稳。\n", encoding="utf-8")
    before = (tmp_path / "seeds" / "manifest.toml").read_bytes()
    result = run("--root", str(tmp_path), "add", *[a.format(gwr=GWR, tmp=tmp_path) for a in args])
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert (tmp_path / "seeds" / "manifest.toml").read_bytes() == before


def test_add_without_a_project(tmp_path) -> None:
    result = run("--root", str(tmp_path), "add", str(GWR / "2024.txt"))
    assert result.exit_code == 2 and "erqi-diff init" in result.output

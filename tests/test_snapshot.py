"""Reading, the manifest, the snapshot store and its commands: the real
seeds plus every bad input the snapshots issue names."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from erqi_diff.core import snapshot as store
from erqi_diff.cli import cli as main
from erqi_diff.errors import ManifestError, SeedError
from erqi_diff.core.project import load_project
from erqi_diff.core.read import decode

from conftest import REPO, SEED_YEARS, make_project

SEED = REPO / "seeds" / "000_316189b98bfa6228.txt"


def run(root: Path, *args: str):
    return CliRunner().invoke(main, ["--root", str(root), *args])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small series of two real reports, snapshots built."""
    return make_project(tmp_path, {2017: SEED, 2021: REPO / "seeds" / "004_4bf64f3dfd69d62e.txt"})


# --- the committed seeds ------------------------------------------------------------

def test_committed_snapshots_are_what_the_normalizer_makes(seeds_project) -> None:
    """A normalizer change without a version bump would leave stale snapshots
    that --check calls fresh: rebuild in memory and compare."""
    for report in seeds_project.reports:
        built = store.build(seeds_project, report)
        on_disk = store.load(seeds_project, report.year)
        assert on_disk.body == built.body, report.year
        assert store.status(seeds_project, report).status is store.Status.FRESH


def test_seeds_are_the_shared_raw_files_unchanged(seeds_root) -> None:
    shared = REPO.parent / "shared" / "seeds"
    for path in shared.glob("*.txt"):
        assert (seeds_root / "seeds" / path.name).read_bytes() == path.read_bytes()


def test_years_lists_the_series() -> None:
    result = run(REPO, "years", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)["years"]
    assert [r["year"] for r in rows] == SEED_YEARS
    assert all(r["status"] == "fresh" and r["chars"] > 1000 and r["sections"] > 3 for r in rows)
    text = run(REPO, "years").output
    assert "2019" in text and "区委常委会" in text and "2020" not in text


def test_show_prints_sections_and_json() -> None:
    result = run(REPO, "show", "2021")
    assert result.exit_code == 0
    assert "## 在美丽田园打造上争先出彩" in result.output
    data = json.loads(run(REPO, "show", "2021", "--json").output)
    assert data["year"] == 2021 and data["date"] == "2021-01-15"
    headings = [s["heading"] for s in data["sections"]]
    assert "在美丽田园打造上争先出彩" in headings


@pytest.mark.parametrize("args", [["show", "2020"], ["show", "1999"]])
def test_unknown_year_lists_the_years_there_are(args) -> None:
    result = run(REPO, *args)
    assert result.exit_code == 2
    assert f"no snapshot for {args[1]}" in result.output
    assert "2016, 2017, 2018, 2019, 2021" in result.output


def test_show_rejects_a_non_year() -> None:
    result = run(REPO, "show", "twenty")
    assert result.exit_code == 2 and "not a year" in result.output


def test_root_is_found_from_a_subfolder(monkeypatch) -> None:
    monkeypatch.chdir(REPO / "snapshots")
    result = CliRunner().invoke(main, ["years", "--json"])
    assert result.exit_code == 0 and len(json.loads(result.output)["years"]) == 5


def test_no_project_is_a_clear_error(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["years"])
    assert result.exit_code == 2 and "no seeds/manifest.toml" in result.output
    result = CliRunner().invoke(main, ["--root", str(tmp_path), "years"])
    assert result.exit_code == 2 and "not an erqi-diff project" in result.output


# --- reading --------------------------------------------------------------------------

@pytest.mark.parametrize("data, message", [
    (b"", "is empty"),
    (b"  \n\n \t\n", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
    (bytes(range(1, 31)) * 20, "looks binary"),
    (b"\xff\xfe\x00\xd8", "does not decode"),
    (bytes([0x81, 0x30, 0xff, 0xff, 0x80]) * 10, "neither UTF-8 nor GB18030"),
])
def test_decode_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(SeedError, match=message) as info:
        decode(data, "seeds/x.txt")
    assert "seeds/x.txt" in str(info.value)


def test_decode_wrong_declared_encoding() -> None:
    with pytest.raises(SeedError, match="not valid ascii"):
        decode("二七区".encode(), "x.txt", "ascii")
    with pytest.raises(SeedError, match="unknown encoding"):
        decode(b"abc", "x.txt", "klingon")


def test_decode_declared_encoding_wins() -> None:
    text = "二七發展"
    assert decode(text.encode("big5"), "x.txt", "big5") == text


# --- the manifest ----------------------------------------------------------------------

def _write_manifest(root: Path, text: str) -> None:
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "seeds" / "manifest.toml").write_text(text, encoding="utf-8")


@pytest.mark.parametrize("manifest, message", [
    ('[[report]]\nyear = 2017\nfile = "a.txt"\ndate = "2018-01-13"\n', "has no `title`"),
    ('[[report]]\nyear = "2017"\nfile = "a.txt"\ndate = "2018-01-13"\ntitle = "t"\n', "`year` must be an integer"),
    ('[[report]]\nyear = 2017\nfile = 3\ndate = "2018-01-13"\ntitle = "t"\n', "`file` must be a string"),
    ('[[report]]\nyear = 2017\nfile = "a.txt"\ndate = "13/01/2018"\ntitle = "t"\n', "ISO date"),
    ('[[report]]\nyear = 2017\nfile = "a.txt"\ndate = 2018-01-13\ntitle = "t"\n'
     '[[report]]\nyear = 2017\nfile = "b.txt"\ndate = 2018-01-13\ntitle = "t"\n', "year 2017 appears twice"),
    ('[[report]]\nyear = 2017\nfile = "../../etc/passwd"\ndate = "2018-01-13"\ntitle = "t"\n', "outside the seeds folder"),
    ('[[report]]\nyear = 2017\nfile = "/etc/passwd"\ndate = "2018-01-13"\ntitle = "t"\n', "outside the seeds folder"),
    ('[[report]]\nyear = 2017\nfile = "a.txt"\ndate = "2018-01-13"\ntitle = "t"\ncolour = "red"\n', "unknown field"),
    ("[report]\nyear = 2017\n", "no [[report]] tables"),
    ("year = = 2017", "not valid TOML"),
])
def test_malformed_manifest(tmp_path: Path, manifest: str, message: str) -> None:
    _write_manifest(tmp_path, manifest)
    with pytest.raises(ManifestError, match=re.escape(message)):
        load_project(tmp_path)
    result = run(tmp_path, "years")
    assert result.exit_code == 2 and "manifest.toml" in result.output


# --- building snapshots: bad seeds write nothing ---------------------------------------

@pytest.mark.parametrize("content, message", [
    (b"", "is empty"),
    (b"\x00\x01\x02binary", "looks binary"),
    (None, "does not exist"),
])
def test_bad_seed_writes_nothing(project: Path, content, message: str) -> None:
    before = {p.name: p.read_bytes() for p in (project / "snapshots").iterdir()}
    bad = project / "seeds" / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    manifest = project / "seeds" / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8") +
                        '\n[[report]]\nyear = 2022\nfile = "bad.txt"\ndate = "2022-01-01"\ntitle = "t"\n',
                        encoding="utf-8")
    (project / "seeds" / SEED.name).write_bytes(SEED.read_bytes() + "新增一句。".encode())
    result = run(project, "snapshot")
    assert result.exit_code == 2
    assert "bad.txt" in result.output and message in result.output
    assert {p.name: p.read_bytes() for p in (project / "snapshots").iterdir()} == before


def test_gb18030_and_utf16_seeds_make_the_same_snapshot(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    encoded = {}
    for encoding in ("gb18030", "utf-16"):
        path = tmp_path / f"src-{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        encoded[encoding] = path
    root = make_project(tmp_path / "p", {2017: SEED, 2018: encoded["gb18030"], 2019: encoded["utf-16"]})
    p = load_project(root)
    bodies = {y: store.load(p, y).body for y in (2017, 2018, 2019)}
    assert bodies[2017] == bodies[2018] == bodies[2019]


# --- freshness, hand edits, --force ------------------------------------------------------

def test_check_reports_stale_and_missing(project: Path) -> None:
    assert run(project, "snapshot", "--check").exit_code == 0
    seed = project / "seeds" / SEED.name
    seed.write_bytes(seed.read_bytes() + "补充一段新的内容。".encode())
    (project / "snapshots" / "2021.md").unlink()
    result = run(project, "snapshot", "--check", "--json")
    assert result.exit_code == 1
    rows = {r["year"]: r for r in json.loads(result.output)["snapshot-check"]}
    assert rows[2017]["status"] == "stale" and "seed changed" in rows[2017]["reason"]
    assert rows[2021]["status"] == "missing"
    assert run(project, "snapshot").exit_code == 0
    assert run(project, "snapshot", "--check").exit_code == 0


def test_check_says_which_derived_files_are_not_current(project: Path) -> None:
    """Derived files only spare work: --check names the stale ones on stderr
    and keeps its exit status for the snapshots alone."""
    run(project, "snapshot")
    result = CliRunner().invoke(main, ["--root", str(project), "snapshot", "--check"])
    assert result.exit_code == 0 and "derived files" not in result.output
    (project / "snapshots" / ".derived" / "2021.json").write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(project), "snapshot", "--check"])
    assert result.exit_code == 0
    assert "derived files not current for 2021" in result.output and "2017" not in result.output.split("derived")[1]
    assert run(project, "snapshot").exit_code == 0
    assert "derived files" not in run(project, "snapshot", "--check").output


def test_hand_edit_is_kept_then_refused_then_forced(project: Path) -> None:
    path = project / "snapshots" / "2017.md"
    edited = path.read_text(encoding="utf-8").replace("#### 总结2017·亮点", "#### 总结2017·亮点（手改）")
    path.write_text(edited, encoding="utf-8")
    assert json.loads(run(project, "years", "--json").output)["years"][0]["status"] == "edited"
    # Seed unchanged: the edit is kept, and --check passes.
    result = run(project, "snapshot")
    assert result.exit_code == 0 and "kept (edited by hand)" in result.output
    assert path.read_text(encoding="utf-8") == edited
    assert run(project, "snapshot", "--check").exit_code == 0
    # Seed changed: refused, naming the file and showing the difference.
    seed = project / "seeds" / SEED.name
    seed.write_bytes(seed.read_bytes() + "补充一段新的内容。".encode())
    result = run(project, "snapshot")
    assert result.exit_code == 2
    assert "snapshots/2017.md" in result.output and "-#### 总结2017·亮点（手改）" in result.output
    assert path.read_text(encoding="utf-8") == edited
    # --force overwrites and keeps the previous file beside it.
    result = run(project, "snapshot", "--force")
    assert result.exit_code == 0 and "2017.md.bak" in result.output
    assert (project / "snapshots" / "2017.md.bak").read_text(encoding="utf-8") == edited
    assert "补充一段新的内容。" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("damage, message", [
    (lambda t: t.replace("---\n", "", 1), "no front matter"),
    (lambda t: t.replace("\n---\n", "\n", 1), "never closed"),
    (lambda t: t.replace('year: 2017', 'year: "2017"'), "`year` must be int"),
    (lambda t: t.replace('boilerplate: [', 'boilerplate: ["oops"'), "not valid"),
    (lambda t: "\n".join(ln for ln in t.split("\n") if not ln.startswith("title:")), "no `title`"),
    (lambda t: t.replace('year: 2017', 'year: 2018'), "says it is the snapshot of 2018"),
    (lambda t: t.split("---\n")[0] + "---\n" + t.split("---\n")[1] + "---\n", "empty body"),
])
def test_broken_snapshot_is_a_clear_error(project: Path, damage, message: str) -> None:
    path = project / "snapshots" / "2017.md"
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    result = run(project, "show", "2017")
    assert result.exit_code == 2
    assert "snapshots/2017.md" in result.output and message in result.output


def test_missing_snapshot_says_how_to_build_it(project: Path) -> None:
    (project / "snapshots" / "2021.md").unlink()
    result = run(project, "show", "2021")
    assert result.exit_code == 2 and "erqi-diff snapshot" in result.output


def test_interrupted_run_leaves_old_or_new_files(project: Path, monkeypatch) -> None:
    """The write of the second snapshot fails halfway: each file is then
    either the old one or the new one, whole."""
    old = {p.name: p.read_bytes() for p in (project / "snapshots").iterdir()}
    for name in ("000_316189b98bfa6228.txt", "004_4bf64f3dfd69d62e.txt"):
        seed = project / "seeds" / name
        seed.write_bytes(seed.read_bytes() + "补充一段新的内容。".encode())
    real_replace = os.replace
    calls = []

    def failing_replace(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing_replace)
    result = run(project, "snapshot")
    assert result.exit_code == 2 and "No space left" in result.output
    monkeypatch.setattr(os, "replace", real_replace)
    p = load_project(project)
    for report in p.reports:
        current = (project / "snapshots" / f"{report.year}.md").read_bytes()
        new = store.build(p, report).render().encode("utf-8")
        assert current in (old[f"{report.year}.md"], new)
    assert sorted(f.name for f in (project / "snapshots").iterdir()) == sorted(old)  # no temp files left


def test_national_reports_snapshot_cleanly(gwr_project) -> None:
    for report in gwr_project.reports:
        snap = store.load(gwr_project, report.year)
        assert store.status(gwr_project, report).status is store.Status.FRESH
        assert snap.chars > 15000
        assert any(s.heading.startswith("一、") for s in snap.sections)
        assert "Public domain" not in snap.body


def test_terminal_size_of_zero_falls_back(monkeypatch) -> None:
    """A pseudo-terminal may report 0x0 columns (script, some CI runners)."""
    import erqi_diff.cli.common as common

    monkeypatch.setattr(common.os, "get_terminal_size", lambda fd: os.terminal_size((0, 0)))
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("LINES", raising=False)
    assert tuple(common._terminal_size()) == (100, 24)
    monkeypatch.setenv("COLUMNS", "72")
    assert common._terminal_size().columns == 72
    monkeypatch.setenv("COLUMNS", "wide")
    assert common._terminal_size().columns == 100


def test_a_seed_that_is_a_folder_is_named(project: Path) -> None:
    seed = project / "seeds" / SEED.name
    seed.unlink()
    seed.mkdir()
    result = run(project, "snapshot")
    assert result.exit_code == 2 and f"seeds/{SEED.name} is a folder" in result.output


def test_snapshots_of_another_normalizer_are_noted_on_stderr(project: Path) -> None:
    """A snapshot made by an older normalizer is still read (it is the series'
    text as committed), but every command that reads it says so on stderr,
    naming the years, and leaves stdout as it was; `snapshot` itself and
    `years` list the state instead."""
    before = run(project, "slogans", "--json")
    assert before.exit_code == 0 and "normalizer" not in before.stderr
    path = project / "snapshots" / "2017.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"(?m)^normalizer_version: \d+$", "normalizer_version: 1", text, count=1), encoding="utf-8")
    after = run(project, "slogans", "--json")
    assert after.exit_code == 0 and after.stdout == before.stdout
    assert "snapshots of 2017 were made by normalizer 1" in after.stderr
    assert "2021" not in after.stderr and "`erqi-diff snapshot` rebuilds them" in after.stderr
    for args in (("snapshot", "--check"), ("years",)):
        assert "made by normalizer" not in run(project, *args).stderr
    assert run(project, "snapshot").exit_code == 0
    assert "normalizer" not in run(project, "slogans", "--json").stderr

"""The derived files beside the snapshots (snapshots/.derived/<year>.json,
erqi_diff.extract.derived): the strip is the same read from them as computed
from the text, and a file that is stale, made by other code, broken or
missing is never used."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from erqi_diff.cli import cli as main
from erqi_diff.compare import stored
from erqi_diff.core.project import PARSED_MANIFEST, load_project, manifest_data
from erqi_diff.core.snapshot import load, load_available
from erqi_diff.extract import derive, derived, pairstrip
from erqi_diff.extract.strip import cached_strip, diff_strip

REGENERATE = "run `erqi-diff snapshot` in the repository (it rewrites snapshots/.derived) and commit the files"


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch):
    monkeypatch.setenv("ERQI_DIFF_CACHE", "off")  # every strip computed here, none from a cache


def _strips(project) -> dict:
    snaps = load_available(project, project.years)
    return {(a.year, b.year): cached_strip(a, b, project) for a, b in itertools.combinations(snaps, 2)}


def test_the_committed_derived_files_are_current(seeds_project) -> None:
    """Like a golden file: the seeds' derived files are what the code makes of the snapshots now."""
    for year in seeds_project.years:
        snap = load(seeds_project, year)
        current = derived.read(seeds_project, snap) == derive.compute(snap, seeds_project)
        assert current, f"snapshots/.derived/{year}.json is stale: {REGENERATE}"
    names = sorted(p.name for p in (seeds_project.snapshots_dir / derived.FOLDER).iterdir())
    assert names == [f"{y}.json" for y in seeds_project.years] + [stored.DIFFS, derived.LEXICON, "manifest.json",
                                                                   pairstrip.PAIRS]
    snaps = [load(seeds_project, year) for year in seeds_project.years]
    pairs = stored.chosen(snaps, pairstrip.chosen(seeds_project.years))
    assert len(pairs) == 10 and stored.current(seeds_project, snaps, pairs), f"diffs.json is stale: {REGENERATE}"
    text = (seeds_project.root / PARSED_MANIFEST).read_text(encoding="utf-8")
    assert json.loads(text) == manifest_data(seeds_project.root), f"manifest.json is stale: {REGENERATE}"
    text = derived.lexicon_path(seeds_project).read_text(encoding="utf-8")
    assert text == derive.render_lexicon(derive.lexicon_data(seeds_project)), f"lexicon.json is stale: {REGENERATE}"


def test_the_strip_is_the_same_with_and_without_derived_files_on_the_seeds(seeds_copy) -> None:
    project = load_project(seeds_copy)
    with_files = _strips(project)
    shutil.rmtree(seeds_copy / "snapshots" / derived.FOLDER)
    assert _strips(project) == with_files
    assert len(with_files) == 10 and any(s["metrics"] for s in with_files.values())


@pytest.mark.slow
def test_the_strip_is_the_same_with_and_without_derived_files_on_national_reports(gwr_root, tmp_path) -> None:
    """A sample of benchmarks/check_derived.py (every pair of the three series: 307, no difference on 2026-11-28)."""
    for name in ("seeds", "snapshots"):
        shutil.copytree(gwr_root / name, tmp_path / name, ignore=shutil.ignore_patterns(".derived"))
    project = load_project(tmp_path)
    derive.refresh(project)
    snaps = {y: load(project, y) for y in (2013, 2015, 2022, 2024, 2025)}
    pairs = [(2013, 2015), (2015, 2022), (2022, 2025), (2024, 2025)]
    assert all(derived.read(project, s) is not None for s in snaps.values())
    with_files = {p: cached_strip(snaps[p[0]], snaps[p[1]], project) for p in pairs}
    shutil.rmtree(tmp_path / "snapshots" / derived.FOLDER)
    assert {p: cached_strip(snaps[p[0]], snaps[p[1]], project) for p in pairs} == with_files
    assert all(s["metrics"] for s in with_files.values())


def _edit_figure(project, year: int, quote: str) -> None:
    """Rewrite the quote of every figure in ``year``'s derived file, its key left as it was."""
    path = derived.path_for(project, year)
    data = json.loads(path.read_text(encoding="utf-8"))
    for pick in data["metrics"]:
        pick["figure"]["quote"] = quote
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_current_file_is_what_the_strip_reads(seeds_copy) -> None:
    """The strip takes the figures from the file (here edited, its key kept) and not from the text."""
    project = load_project(seeds_copy)
    _edit_figure(project, 2017, "读自派生文件")
    a, b = load(project, 2017), load(project, 2021)
    rows = cached_strip(a, b, project)["metrics"]
    assert rows and all(r["from"]["quote"] == "读自派生文件" for r in rows if r["from"])
    assert [r["from"] for r in diff_strip(a, b)["metrics"]] != [r["from"] for r in rows]


def test_the_slogan_candidates_are_read_from_the_file(seeds_copy) -> None:
    """With the candidates of 2021 taken out of its file (its key kept), the strip's slogans are not the text's."""
    project = load_project(seeds_copy)
    pairstrip.path_for(project).unlink()  # the pair's slogans stored whole (test_pairstrip.py) are not used here
    path = derived.path_for(project, 2021)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["candidates"]["strong"]
    data["candidates"] = {"strong": [], "weak": []}
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    a, b = load(project, 2017), load(project, 2021)
    read = cached_strip(a, b, project)
    computed = diff_strip(a, b, *_series(project, a, b))
    assert read["metrics"] == computed["metrics"]
    assert len(read["slogans_added"]) < len(computed["slogans_added"])


def test_a_file_of_another_body_is_not_used(seeds_copy) -> None:
    project = load_project(seeds_copy)
    _edit_figure(project, 2017, "读自派生文件")
    path = project.snapshot_path(2017)
    path.write_text(path.read_text(encoding="utf-8").replace("二七区", "二七 区", 1), encoding="utf-8")
    a, b = load(project, 2017), load(project, 2021)
    assert derived.read(project, a) is None
    assert cached_strip(a, b, project) == diff_strip(a, b, *_series(project, a, b))


def test_a_file_made_by_other_code_is_not_used(seeds_copy, monkeypatch) -> None:
    project = load_project(seeds_copy)
    _edit_figure(project, 2017, "读自派生文件")
    a, b = load(project, 2017), load(project, 2021)
    assert derived.read(project, a) is not None
    other = derived.code_digest().replace("blake2b-256:", "blake2b-256:0")
    monkeypatch.setattr(derived, "code_digest", lambda: other)
    assert derived.read(project, a) is None
    assert cached_strip(a, b, project) == diff_strip(a, b, *_series(project, a, b))


def test_the_code_digest_is_of_the_modules_content(monkeypatch, tmp_path) -> None:
    """Content, not times: a copy of the package (a clone) has the same digest, an edited module another."""
    import erqi_diff.extract.derived as mod

    package = Path(mod.__file__).resolve().parent.parent
    copy = tmp_path / "erqi_diff"
    shutil.copytree(package / "extract", copy / "extract", ignore=shutil.ignore_patterns("__pycache__"))
    mine = derived.code_digest()
    monkeypatch.setattr(derived, "_PACKAGE", str(copy))
    derived.code_digest.cache_clear()
    try:
        assert derived.code_digest() == mine
        (copy / "extract" / "metrics.py").write_text("# edited\n" + (package / "extract" / "metrics.py").read_text("utf-8"))
        derived.code_digest.cache_clear()
        assert derived.code_digest() != mine
    finally:
        derived.code_digest.cache_clear()  # the package's own again for the other tests


@pytest.mark.parametrize("damage", [
    b"", b"{", b"\xff\xfe not utf-8", b"[]", b"null", b'{"format": 1}',
    "wrong shape",  # the key kept, the figures not what they should be
    "no figure", "a string as figure year", "an unknown kind of candidate", "no weak candidates",
    "a figure without its value", "a range of three",
])
def test_a_broken_file_is_not_used(seeds_copy, damage) -> None:
    project = load_project(seeds_copy)
    path = derived.path_for(project, 2017)
    if isinstance(damage, bytes):
        path.write_bytes(damage)
    else:
        data = json.loads(path.read_text(encoding="utf-8"))
        if damage == "wrong shape":
            data["metrics"] = [{"info": "GDP"}]
        elif damage == "no figure":
            del data["metrics"][0]["figure"]
        elif damage == "an unknown kind of candidate":
            data["candidates"]["strong"][0][1] = "slogan"
        elif damage == "no weak candidates":
            del data["candidates"]["weak"]
        elif damage == "a figure without its value":
            del data["metrics"][0]["figure"]["value"]
        elif damage == "a range of three":
            data["metrics"][0]["figure"]["value"] = [1, 2, 3]
        else:
            data["metrics"][0]["info"][2] = "2017"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    a, b = load(project, 2017), load(project, 2021)
    assert derived.read(project, a) is None
    assert cached_strip(a, b, project) == diff_strip(a, b, *_series(project, a, b))
    result = CliRunner().invoke(main, ["--root", str(seeds_copy), "2017", "2021", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["strip"]["metrics"] == diff_strip(a, b)["metrics"]


def test_a_missing_file_is_computed(seeds_copy) -> None:
    project = load_project(seeds_copy)
    derived.path_for(project, 2021).unlink()
    a, b = load(project, 2017), load(project, 2021)
    assert derived.read(project, b) is None
    assert cached_strip(a, b, project) == diff_strip(a, b, *_series(project, a, b))


def _series(project, a, b) -> tuple:
    from erqi_diff.extract.strip import _series

    return _series(project, [y for y in project.years if y < a.year], [y for y in project.years if y > b.year])


def test_snapshot_writes_keeps_and_cleans_the_derived_files(seeds_copy) -> None:
    folder = seeds_copy / "snapshots" / derived.FOLDER
    shutil.rmtree(folder)
    runner = CliRunner()
    first = runner.invoke(main, ["--root", str(seeds_copy), "snapshot"])
    assert first.exit_code == 0, first.output
    assert "snapshots/.derived/2017.json: written" in first.output
    assert "snapshots/.derived/lexicon.json: written" in first.output
    assert "snapshots/.derived/manifest.json: written" in first.output
    assert sorted(p.name for p in folder.iterdir()) == ["2016.json", "2017.json", "2018.json", "2019.json", "2021.json",
                                                        "diffs.json",
                                                        "lexicon.json", "manifest.json", "pairs.json"]
    (folder / "1999.json").write_text("{}", encoding="utf-8")  # a year the project no longer has
    (folder / ".2017.json.abc123.tmp").write_text("", encoding="utf-8")  # left by a killed run
    _edit_figure(load_project(seeds_copy), 2018, "改过")
    again = runner.invoke(main, ["--root", str(seeds_copy), "snapshot"])
    assert again.exit_code == 0, again.output
    assert "snapshots/.derived/2017.json: unchanged" in again.output
    assert "snapshots/.derived/2018.json: written" in again.output  # its content was not what the code makes
    assert "snapshots/.derived/1999.json: removed" in again.output
    assert "snapshots/.derived/lexicon.json: unchanged" in again.output
    assert "snapshots/.derived/manifest.json: unchanged" in again.output
    assert sorted(p.name for p in folder.iterdir()) == ["2016.json", "2017.json", "2018.json", "2019.json", "2021.json",
                                                        "diffs.json",
                                                        "lexicon.json", "manifest.json", "pairs.json"]


def test_a_folder_that_cannot_be_written_is_a_warning(seeds_copy) -> None:
    folder = seeds_copy / "snapshots" / derived.FOLDER
    shutil.rmtree(folder)
    folder.write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(seeds_copy), "snapshot"])
    assert result.exit_code == 0
    assert "warning: derived files not written" in result.output
    result = CliRunner().invoke(main, ["--root", str(seeds_copy), "2017", "2021", "--json"])
    assert result.exit_code == 0 and json.loads(result.output)["strip"]["metrics"]


def test_the_code_key_covers_every_module_the_strip_runs(seeds_root) -> None:
    """Every module of erqi_diff.extract that computing a strip or a derived file loads is
    in STRIP_MODULES (its content keys the derived files, its size and time the cache)."""
    import subprocess
    import sys

    script = ("import os, sys; os.environ['ERQI_DIFF_CACHE'] = 'off'\n"
              "from pathlib import Path\n"
              "from erqi_diff.core.project import load_project\n"
              "from erqi_diff.core.snapshot import load\n"
              "from erqi_diff.extract import derive\n"
              "from erqi_diff.extract.strip import cached_strip, diff_strip\n"
              f"p = load_project(Path({str(seeds_root)!r})); a, b = load(p, 2017), load(p, 2021)\n"
              "cached_strip(a, b, p); diff_strip(a, b); derive.compute(a)\n"
              "print(' '.join(m for m in sys.modules if m.startswith('erqi_diff.extract.')))\n")
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout.split()
    from erqi_diff.extract.strip import STRIP_MODULES

    assert "erqi_diff.extract.candidate" in loaded
    assert [m for m in loaded if m.replace("erqi_diff.", "").replace(".", "/") + ".py" not in STRIP_MODULES] == []


@pytest.mark.parametrize("name", ["pairs.json", "diffs.json"])
def test_snapshot_writes_a_pairs_file_and_removes_it_when_fewer_than_two_reports_remain(seeds_copy, name) -> None:
    """The files of pairs of reports (pairstrip: the slogans, compare.stored: the diffs)."""
    from erqi_diff.compare import stored

    shutil.rmtree(seeds_copy / "snapshots" / derived.FOLDER)
    runner = CliRunner()
    first = runner.invoke(main, ["--root", str(seeds_copy), "snapshot"])
    assert first.exit_code == 0, first.output
    assert f"snapshots/.derived/{name}: written" in first.output
    again = runner.invoke(main, ["--root", str(seeds_copy), "snapshot"])
    assert f"snapshots/.derived/{name}: unchanged" in again.output
    project = load_project(seeds_copy)
    for year in project.years[1:]:
        project.snapshot_path(year).unlink()
    snaps = [load(project, project.years[0])]
    refresh = derive._refresh_pairs(project, project.years[:1]) if name == "pairs.json" else \
        derive._refresh_diffs(project, snaps)
    assert refresh[0].action is derive.Action.REMOVED
    path = pairstrip.path_for(project) if name == "pairs.json" else stored.path_for(project)
    assert not path.exists()

"""The project's lexicon kept parsed beside the snapshots
(snapshots/.derived/lexicon.json, erqi_diff.extract.derived.lexicon): the
same lexicon as parsed from the TOML files, used only while it is current."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from erqi_diff.cli import cli as main
from erqi_diff.core.project import load_project
from erqi_diff.core.snapshot import load
from erqi_diff.extract import derive, derived, lexicon
from erqi_diff.extract.strip import cached_strip

OWN = """schema = 1
exclude = ["发展"]

[since]
"乡村振兴战略" = 2017

[own]
terms = ["品质二七", "田园二七", "“放管服”改革"]
lineages = [["智慧督查", "智慧督察"], ["减税降费", "减费降税"]]
"""


@pytest.fixture
def project(seeds_copy) -> Path:
    return seeds_copy


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch):
    monkeypatch.setenv("ERQI_DIFF_CACHE", "off")


def _read_file(root: Path, monkeypatch) -> lexicon.Lexicon:
    """derived.lexicon, failing if it parses TOML (so the file must have been used)."""
    def no_parse(*args, **kwargs):
        raise AssertionError("parsed the TOML")

    with monkeypatch.context() as m:
        m.setattr(lexicon, "load", no_parse)
        return derived.lexicon(load_project(root))


def test_the_file_is_the_lexicon_parsed(project, monkeypatch) -> None:
    assert _read_file(project, monkeypatch) == lexicon.load(project)


def test_a_project_lexicon_is_in_the_file(project, monkeypatch) -> None:
    (project / "slogans.toml").write_text(OWN, encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(project), "snapshot"])
    assert result.exit_code == 0, result.output
    assert "snapshots/.derived/lexicon.json: written" in result.output
    stored = json.loads(derived.lexicon_path(load_project(project)).read_text(encoding="utf-8"))
    assert stored["own"] is not None and stored["exclude"] == ["发展"]
    got = _read_file(project, monkeypatch)
    assert got == lexicon.load(project)
    assert got.sources[-1] == str(project / "slogans.toml")
    assert any(e.forms == ("智慧督查", "智慧督察") for e in got.entries)
    assert ("乡村振兴战略", 2017) in got.since


def test_an_edited_project_lexicon_is_parsed_again(project, monkeypatch) -> None:
    (project / "slogans.toml").write_text(OWN, encoding="utf-8")
    CliRunner().invoke(main, ["--root", str(project), "snapshot"])
    (project / "slogans.toml").write_text(OWN.replace("品质二七", "温暖二七"), encoding="utf-8")
    got = derived.lexicon(load_project(project))
    assert got == lexicon.load(project)
    assert any(e.name == "温暖二七" for e in got.entries)
    with pytest.raises(AssertionError, match="parsed the TOML"):
        _read_file(project, monkeypatch)


def test_a_lexicon_file_made_by_other_code_or_broken_is_not_used(project, monkeypatch) -> None:
    path = derived.lexicon_path(load_project(project))
    data = json.loads(path.read_text(encoding="utf-8"))
    for damaged in ({**data, "code": "blake2b-256:0:0"}, {**data, "entries": [["x", [], "t"]]},
                    {**data, "since": [["x", "1987"]]}, {**data, "format": 2}):
        path.write_text(json.dumps(damaged, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(AssertionError, match="parsed the TOML"):
            _read_file(project, monkeypatch)
        assert derived.lexicon(load_project(project)) == lexicon.load(project)
    path.write_text("{not json", encoding="utf-8")
    assert derived.lexicon(load_project(project)) == lexicon.load(project)


def test_a_broken_project_lexicon_still_fails_the_diff_and_its_file_goes(project) -> None:
    (project / "slogans.toml").write_text("[own\nterms = 1", encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(project), "snapshot"])
    assert result.exit_code == 0, result.output
    assert "snapshots/.derived/lexicon.json: removed" in result.output
    assert not derived.lexicon_path(load_project(project)).exists()
    p = load_project(project)
    with pytest.raises(lexicon.LexiconError, match="not valid TOML"):
        cached_strip(load(p, 2017), load(p, 2021), p)


def test_the_strip_is_the_same_with_the_lexicon_file_and_without(project) -> None:
    (project / "slogans.toml").write_text(OWN, encoding="utf-8")
    CliRunner().invoke(main, ["--root", str(project), "snapshot"])
    p = load_project(project)
    a, b = load(p, 2017), load(p, 2021)
    with_file = cached_strip(a, b, p)
    derived.lexicon_path(p).unlink()
    assert cached_strip(a, b, p) == with_file
    assert derive.lexicon_data(p)["own"] is not None


def _gwr_copy(gwr_root: Path, tmp_path: Path) -> Path:
    for name in ("seeds", "snapshots"):
        shutil.copytree(gwr_root / name, tmp_path / name, ignore=shutil.ignore_patterns(".derived"))
    return tmp_path


def test_the_lexicon_variants_of_a_year_file_are_those_found_in_the_text(gwr_root, tmp_path) -> None:
    """A national report restates lexicon formulas (京津冀地区协同发展): the file holds them, as found."""
    from erqi_diff.extract.slogans import lexicon_variants

    p = load_project(_gwr_copy(gwr_root, tmp_path))
    derive.refresh(p)
    held = 0
    for year in p.years:
        snap = load(p, year)
        data = derived.read(p, snap)
        assert data is not None and data["lexicon"]["own"] is None
        assert data["lexicon"]["variants"] == lexicon_variants(lexicon.load(p.root), snap.body)
        held += len(data["lexicon"]["variants"])
    assert held > 0


def test_lexicon_variants_made_with_another_project_lexicon_are_not_used(project) -> None:
    p = load_project(project)
    a, b = load(p, 2017), load(p, 2021)
    files = {s.year: derived.read(p, s) for s in (a, b)}
    assert set(derived.variants(p, files)) == {2017, 2021}
    (project / "slogans.toml").write_text(OWN, encoding="utf-8")  # the files were made without it
    assert derived.variants(p, files) == {}
    CliRunner().invoke(main, ["--root", str(project), "snapshot"])
    files = {s.year: derived.read(p, s) for s in (a, b)}
    assert set(derived.variants(p, files)) == {2017, 2021}
    assert files[2017] is not None and files[2017]["lexicon"]["own"] == derived.own_key(p)


def test_restated_forms_given_are_the_forms_found(gwr_root, tmp_path) -> None:
    """slogans.extract with the variants of the derived files is extract without them."""
    from erqi_diff.extract import slogans

    p = load_project(_gwr_copy(gwr_root, tmp_path))
    derive.refresh(p)
    lex = lexicon.load(p.root)
    snaps = [load(p, y) for y in (2014, 2015)]  # 2014 restates 京津冀协同发展 as 京津冀地区协同发展
    files = {s.year: derived.read(p, s) for s in snaps}
    given = derived.variants(p, files)
    assert "京津冀地区协同发展" in given[2014]
    assert slogans.extract(snaps, lex, variants=given) == slogans.extract(snaps, lex)

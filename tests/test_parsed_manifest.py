"""The manifest kept parsed beside the derived files (snapshots/.derived/manifest.json,
erqi_diff.core.project.read_manifest): the same reports as parsing the TOML,
used only while the manifest's bytes are those it was made from."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from erqi_diff.cli import cli as main
from erqi_diff.core import project as proj
from erqi_diff.errors import ManifestError


@pytest.fixture
def root(seeds_copy) -> Path:
    return seeds_copy


def _no_parse(monkeypatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("parsed the TOML")

    monkeypatch.setattr(proj, "parse_manifest", fail)


def test_the_parsed_manifest_is_the_manifest(root, monkeypatch) -> None:
    parsed = proj.parse_manifest(root / proj.MANIFEST)
    _no_parse(monkeypatch)
    assert proj.load_project(root).reports == parsed


def test_an_edited_manifest_is_parsed_again(root, monkeypatch) -> None:
    manifest = root / proj.MANIFEST
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("区委十一届四次全体", "区委十一届第四次全体"),
                        encoding="utf-8")
    reports = proj.load_project(root).reports
    assert any("第四次" in r.title for r in reports)
    assert reports == proj.parse_manifest(manifest)
    result = CliRunner().invoke(main, ["--root", str(root), "snapshot"])
    assert "snapshots/.derived/manifest.json: written" in result.output
    _no_parse(monkeypatch)
    assert proj.load_project(root).reports == reports


def test_a_broken_manifest_still_fails_as_before(root) -> None:
    (root / proj.MANIFEST).write_text("[[report]]\nyear = 2017\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="has no `file`"):
        proj.load_project(root)


def test_a_seed_moved_outside_is_still_refused(root, monkeypatch) -> None:
    """The seeds' places are checked on every load, the parsed manifest used or not."""
    reports = proj.load_project(root).reports
    seed = root / "seeds" / reports[0].file
    outside = root / "elsewhere.txt"
    shutil.move(seed, outside)
    seed.symlink_to(outside)
    with pytest.raises(ManifestError, match="points outside the seeds folder") as parsed:
        proj.parse_manifest(root / proj.MANIFEST)
    _no_parse(monkeypatch)
    with pytest.raises(ManifestError, match="points outside the seeds folder") as read:
        proj.load_project(root)
    assert str(read.value) == str(parsed.value)


@pytest.mark.parametrize("damage", [
    lambda d: {**d, "manifest": "blake2b-256:0:0"}, lambda d: {**d, "format": 2}, lambda d: {**d, "reports": []},
    lambda d: {**d, "reports": [[2017, "a.txt", "2018-01-13", "t"]]}, lambda d: {k: v for k, v in d.items() if k != "reports"},
    lambda d: [d],
])
def test_a_broken_parsed_manifest_is_not_used(root, damage) -> None:
    path = root / proj.PARSED_MANIFEST
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps(damage(data), ensure_ascii=False), encoding="utf-8")
    assert proj.load_project(root).reports == proj.parse_manifest(root / proj.MANIFEST)
    path.write_bytes(b"\xff{")
    assert proj.load_project(root).reports == proj.parse_manifest(root / proj.MANIFEST)


def test_a_diff_with_current_derived_files_parses_no_toml(seeds_root) -> None:
    script = ("import os, sys; os.environ['ERQI_DIFF_CACHE'] = 'off'\n"
              "from erqi_diff.cli import main\n"
              "try:\n"
              f"    main(['--root', {str(seeds_root)!r}, '2017', '2021', '--no-pager'])\n"
              "except SystemExit:\n"
              "    pass\n"
              "print('tomllib' in sys.modules, file=sys.stderr)\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stderr.split()[-1:] == ["False"]

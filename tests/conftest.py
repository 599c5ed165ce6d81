"""Shared fixtures: the real seeds project, and the national reports
(../shared/corpora/gwr/) laid out as a project of their own; the golden-file
check; the hypothesis profile; the environment every CliRunner run starts
from; which tests are slow."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

# No per-example deadline: a loaded machine (CI, two cores, a parallel build)
# makes a 200 ms deadline flake while checking nothing about correctness.
settings.register_profile("erqi", deadline=None)
settings.load_profile("erqi")

REPO = Path(__file__).resolve().parent.parent
GWR = REPO.parent / "shared" / "corpora" / "gwr"
GWR_YEARS = [2013, 2014, 2015, 2022, 2023, 2024, 2025]
SEED_YEARS = [2016, 2017, 2018, 2019, 2021]


def make_project(root: Path, files: dict[int, Path], build: bool = True) -> Path:
    """Lay out ``files`` ({year: raw file}) as an erqi-diff project under
    ``root`` (copied into seeds/, with a manifest) and build its snapshots."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import build_all

    seeds = root / "seeds"
    seeds.mkdir(parents=True, exist_ok=True)
    entries = []
    for year, path in sorted(files.items()):
        shutil.copyfile(path, seeds / path.name)
        entries.append(f'[[report]]\nyear = {year}\nfile = "{path.name}"\ndate = "{year}-03-05"\n'
                       f'title = "政府工作报告 {year}"\n')
    (seeds / "manifest.toml").write_text("\n".join(entries), encoding="utf-8")
    if build:
        build_all(load_project(root))
    return root


def plain_project(tmp_path_factory, body: str, years=(2001, 2002)) -> Path:
    """A project of ``years`` whose reports all read ``body`` (a series
    where an extractor finds nothing, say), snapshots built."""
    raw = tmp_path_factory.mktemp("raw")
    for year in years:
        (raw / f"r{year}.txt").write_text(body, encoding="utf-8")
    return make_project(tmp_path_factory.mktemp("plain"), {y: raw / f"r{y}.txt" for y in years})


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory):
    """Tests never read or write the user's cache (~/.cache/erqi-diff)."""
    import os

    folder = tmp_path_factory.mktemp("cache")
    old = os.environ.get("ERQI_DIFF_CACHE")
    os.environ["ERQI_DIFF_CACHE"] = str(folder)
    yield folder
    if old is None:
        os.environ.pop("ERQI_DIFF_CACHE", None)
    else:
        os.environ["ERQI_DIFF_CACHE"] = old


@pytest.fixture(scope="session")
def seeds_root() -> Path:
    """The repository itself: seeds/ and the committed snapshots/."""
    return REPO


@pytest.fixture(scope="session")
def gwr_root(tmp_path_factory) -> Path:
    """The seven national reports as a project, snapshots built."""
    if not GWR.is_dir():
        pytest.fail(f"{GWR} is missing: the national reports must sit in ../shared/corpora/gwr/")
    root = tmp_path_factory.mktemp("gwr")
    return make_project(root, {y: GWR / f"{y}.txt" for y in GWR_YEARS})


@pytest.fixture(scope="session")
def gwr_early_root(tmp_path_factory) -> Path:
    """The 24 national reports of 1978-2005 (../shared/corpora/gwr-early/) as a
    project, with the manifest of benchmarks/devsets/corpora/gwr-early.toml
    (the dates each report was given), snapshots built."""
    early = REPO.parent / "shared" / "corpora" / "gwr-early"
    if not early.is_dir():
        pytest.fail(f"{early} is missing: the early national reports must sit in ../shared/corpora/gwr-early/")
    root = tmp_path_factory.mktemp("gwr-early")
    seeds = root / "seeds"
    seeds.mkdir()
    for path in sorted(early.glob("*.txt")):
        shutil.copyfile(path, seeds / path.name)
    shutil.copyfile(REPO / "benchmarks" / "devsets" / "corpora" / "gwr-early.toml", seeds / "manifest.toml")
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import build_all

    build_all(load_project(root))
    return root


@pytest.fixture
def seeds_copy(seeds_root, tmp_path) -> Path:
    """The seeds project copied (its seeds and snapshots, derived files with them), to change freely."""
    for name in ("seeds", "snapshots"):
        shutil.copytree(seeds_root / name, tmp_path / name)
    return tmp_path


@pytest.fixture(scope="session")
def seeds_project(seeds_root):
    from erqi_diff.core.project import load_project

    return load_project(seeds_root)


@pytest.fixture(scope="session")
def gwr_project(gwr_root):
    from erqi_diff.core.project import load_project

    return load_project(gwr_root)


# --- environment hygiene ------------------------------------------------------------

#: Variables a user's shell may set that change what a command prints. A
#: CliRunner run starts without them (a test that wants one passes it in its
#: own ``env``, which wins); tests that start a process choose its environment.
OUTPUT_ENV = ("NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLUMNS", "LINES", "PAGER", "LESS",
              "TERM", "PYTHONIOENCODING")


@pytest.fixture(autouse=True, scope="session")
def _clean_cli_environment():
    from click.testing import CliRunner

    original = CliRunner.make_env

    def make_env(self, overrides=None):
        return {**dict.fromkeys(OUTPUT_ENV), **original(self, overrides)}

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(CliRunner, "make_env", make_env)
        yield


# --- golden files ---------------------------------------------------------------------

def check_golden(path: Path, got: str, same=None) -> None:
    """Compare ``got`` with the golden file ``path``. With ``ERQI_REGEN=1`` the
    file is written instead and the test skipped (a regeneration run checks
    nothing: read the diff of the golden files, then run the tests again).
    ``same(got, expected)`` compares when plain equality is too strict (JSON)."""
    if os.environ.get("ERQI_REGEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(got, encoding="utf-8")
        pytest.skip(f"regenerated {path.relative_to(REPO)} (ERQI_REGEN=1): read its diff, then run without it")
    assert path.exists(), f"{path} is missing: regenerate it with ERQI_REGEN=1"
    expected = path.read_text(encoding="utf-8")
    if same is None:
        assert got == expected
    else:
        assert same(got, expected)


@pytest.fixture
def golden():
    """:func:`check_golden`, as a fixture."""
    return check_golden


# --- slow tests -----------------------------------------------------------------------

#: Fixtures that make a test slow (a Spark session, a browser, a synthetic
#: corpus run, the HTML reports of two series, the 24 early reports, corpus
#: runs on DuckDB).
SLOW_FIXTURES = {"spark", "spark_run", "browser", "duck_run", "built", "gwr_early_root", "series_jsonl", "small"}


def pytest_collection_modifyitems(config, items):
    """Mark ``slow`` every test that uses a slow fixture (``-m "not slow"``
    runs the rest: the fast suite)."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)

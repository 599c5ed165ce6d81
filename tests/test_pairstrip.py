"""The slogans of pairs of reports stored by `erqi-diff snapshot`
(snapshots/.derived/pairs.json, erqi_diff.extract.pairstrip): the strip is
the same read from the file as computed, and a file that is not current
(any snapshot of the series, the lexicon or the code changed) or broken is
never used."""

from __future__ import annotations

import json

import pytest

from erqi_diff.core.project import load_project
from erqi_diff.core.snapshot import load, load_available
from erqi_diff.extract import derive, derived, pairstrip
from erqi_diff.extract.strip import cached_strip, slogan_strip

REGENERATE = "run `erqi-diff snapshot` in the repository (it rewrites snapshots/.derived) and commit the files"


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch):
    monkeypatch.setenv("ERQI_DIFF_CACHE", "off")  # every strip computed here, none from a cache


def _computed(project, older: int, newer: int) -> dict:
    """The slogans part of the strip computed from the texts (no derived file read)."""
    snaps = load_available(project, project.years)
    by_year = {s.year: s for s in snaps}
    return slogan_strip(by_year[older], by_year[newer], derived.lexicon(project),
                        [s for s in snaps if s.year < older], [s for s in snaps if s.year > newer])


def _plant(project, older: int, newer: int, marker: str = "读自文件") -> None:
    """Put ``marker`` as the only added slogan of the pair in the file, its keys kept."""
    path = pairstrip.path_for(project)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["slogans"][f"{older}-{newer}"]["slogans_added"] = [marker]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_the_committed_file_is_current(seeds_project) -> None:
    text = pairstrip.path_for(seeds_project).read_text(encoding="utf-8")
    assert text == pairstrip.render(pairstrip.compute(seeds_project)), f"pairs.json is stale: {REGENERATE}"


@pytest.mark.parametrize(("count", "pairs"), [
    (1, []),
    (2, [(1, 2)]),
    (4, [(1, 2), (1, 3), (1, 4), (2, 3), (2, 4), (3, 4)]),
    (6, [(a, b) for a in range(1, 7) for b in range(a + 1, 7)]),
    (7, []),                                   # a long series: none (each pair costs a slogan strip)
])
def test_every_pair_of_a_short_series_none_of_a_long_one(count: int, pairs: list) -> None:
    assert pairstrip.chosen(list(range(1, count + 1))) == pairs


def test_every_pair_of_the_seeds_reads_as_computed(seeds_copy) -> None:
    project = load_project(seeds_copy)
    years = project.years
    for older, newer in pairstrip.chosen(years):
        stored = pairstrip.read(project, older, newer)
        assert stored is not None, (older, newer)
        assert stored == _computed(project, older, newer), (older, newer)
    assert len(pairstrip.chosen(years)) == 10


def test_the_strip_reads_the_file(seeds_copy) -> None:
    """What the diff shows comes from the file (here edited, its keys kept), the figures from the years' files."""
    project = load_project(seeds_copy)
    _plant(project, 2017, 2021)
    a, b = load(project, 2017), load(project, 2021)
    strip = cached_strip(a, b, project)
    assert strip["slogans_added"] == ["读自文件"]
    assert strip["metrics"]  # still there: read from the reports' own files


def test_a_snapshot_changed_anywhere_in_the_series_stops_its_use(seeds_copy) -> None:
    """2018 is not one of the pair, but a slogan standing there decides returned against added."""
    project = load_project(seeds_copy)
    _plant(project, 2017, 2021)
    path = project.snapshot_path(2018)
    path.write_text(path.read_text(encoding="utf-8").replace("二七区", "二七 区", 1), encoding="utf-8")
    assert pairstrip.read(project, 2017, 2021) is None
    a, b = load(project, 2017), load(project, 2021)
    assert "读自文件" not in cached_strip(a, b, project)["slogans_added"]


def test_a_year_removed_from_the_series_stops_its_use(seeds_copy) -> None:
    project = load_project(seeds_copy)
    project.snapshot_path(2019).unlink()
    assert pairstrip.read(project, 2017, 2021) is None


def test_another_lexicon_or_other_code_stops_its_use(seeds_copy, monkeypatch) -> None:
    project = load_project(seeds_copy)
    assert pairstrip.read(project, 2016, 2017) is not None
    (seeds_copy / derived.PROJECT_FILE).write_text('[[slogan]]\nname = "三个二七"\nforms = ["三个二七"]\n',
                                                   encoding="utf-8")
    assert pairstrip.read(project, 2016, 2017) is None
    (seeds_copy / derived.PROJECT_FILE).unlink()
    assert pairstrip.read(project, 2016, 2017) is not None
    other = derived.code_digest().replace("blake2b-256:", "blake2b-256:0")
    monkeypatch.setattr(pairstrip, "code_digest", lambda: other)
    assert pairstrip.read(project, 2016, 2017) is None


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],                                   # torn
    lambda text: "\ufeff" + text,                                          # not JSON as read
    lambda text: "[]",                                                     # not a mapping
    lambda text: text.replace('"slogans_added": [', '"slogans_added": [1, ', 1),  # a wrong type
    lambda text: text.replace('"slogans_back"', '"slogans_other"', 1),    # a missing key
])
def test_a_broken_file_is_not_used(seeds_copy, damage) -> None:
    project = load_project(seeds_copy)
    path = pairstrip.path_for(project)
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert pairstrip.read(project, 2016, 2017) is None
    a, b = load(project, 2016), load(project, 2017)
    strip = cached_strip(a, b, project)
    assert {k: v for k, v in strip.items() if k != "metrics"} == _computed(project, 2016, 2017)


def test_a_current_file_is_kept_without_computing_it(seeds_copy, monkeypatch) -> None:
    project = load_project(seeds_copy)
    monkeypatch.setattr(pairstrip, "compute", lambda project: pytest.fail("computed again"))
    (result,) = derive._refresh_pairs(project, project.years)
    assert result.action is derive.Action.UNCHANGED
    path = project.snapshot_path(2019)
    path.write_text(path.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    assert not pairstrip.current(project, project.years)  # a snapshot changed: it is computed again

"""The diffs of pairs of reports stored by `erqi-diff snapshot`
(snapshots/.derived/diffs.json, erqi_diff.compare.stored): what
`erqi-diff A B` prints is byte for byte the same read from the file as
computed, reading it imports no pairing module, and a file that is not
current (either snapshot, or the code, changed) or broken is never used."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.cli import cli as main
from erqi_diff.compare import diff as D
from erqi_diff.compare import stored
from erqi_diff.core.document import Section
from erqi_diff.core.project import load_project
from erqi_diff.core.snapshot import load
from erqi_diff.extract import derive, pairstrip

REGENERATE = "run `erqi-diff snapshot` in the repository (it rewrites snapshots/.derived) and commit the files"
PAIR = "2016-2017"


@pytest.fixture(autouse=True)
def _no_cache(monkeypatch):
    monkeypatch.setenv("ERQI_DIFF_CACHE", "off")  # every view computed here, none from a cache


def _computed(project, older: int, newer: int) -> tuple:
    return D.compare(load(project, older), load(project, newer), strip=False).sections


def _read(project, older: int, newer: int):
    return stored.read(project, load(project, older), load(project, newer))


def _edit(project, change) -> None:
    """Rewrite the file's data with ``change`` (its keys kept)."""
    path = stored.path_for(project)
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_the_committed_file_is_current(seeds_project) -> None:
    snaps = [load(seeds_project, year) for year in seeds_project.years]
    pairs = stored.chosen(snaps, pairstrip.chosen(seeds_project.years))
    assert pairs == pairstrip.chosen(seeds_project.years)  # the seeds' ten pairs: within the budget
    text = stored.path_for(seeds_project).read_text(encoding="utf-8")
    assert text == stored.render(stored.compute(snaps, pairs)), f"diffs.json is stale: {REGENERATE}"


def test_every_pair_of_the_seeds_reads_as_computed(seeds_copy) -> None:
    project = load_project(seeds_copy)
    pairs = pairstrip.chosen(project.years)
    assert len(pairs) == 10
    for older, newer in pairs:
        units = _read(project, older, newer)
        assert units is not None, (older, newer)
        assert units == _computed(project, older, newer), (older, newer)


def _outputs(root, pairs, options) -> dict:
    runner = CliRunner()
    out = {}
    for older, newer in pairs:
        for opts in options:
            result = runner.invoke(main, ["--root", str(root), str(older), str(newer), "--no-pager", *opts],
                                   env={"COLUMNS": "100"})
            assert result.exit_code == 0, result.output
            out[older, newer, opts] = result.output
    return out


def _same_with_and_without(seeds_copy, pairs, options) -> None:
    with_file = _outputs(seeds_copy, pairs, options)
    stored.path_for(load_project(seeds_copy)).unlink()
    assert _outputs(seeds_copy, pairs, options) == with_file


def test_every_pair_prints_the_same_with_and_without_the_file(seeds_copy) -> None:
    """The acceptance of the file: the view of the bench (COLUMNS=100), --json and --stat, byte for byte, every pair."""
    project = load_project(seeds_copy)
    _same_with_and_without(seeds_copy, pairstrip.chosen(project.years), [(), ("--json",), ("--stat",)])


def test_the_diff_reads_the_file(seeds_copy, monkeypatch) -> None:
    """No pairing done: the units come from the file, the same as computed."""
    project = load_project(seeds_copy)
    a, b = load(project, 2016), load(project, 2017)
    computed = _computed(project, 2016, 2017)
    monkeypatch.setattr(D, "diff_sections", lambda *args, **kw: pytest.fail("computed"))
    result = D.compare(a, b, project=project)
    assert result.sections == computed and result.stats == D.make_stats(computed) and result.strip


def test_reading_it_imports_no_pairing_module(seeds_copy) -> None:
    code = ("import sys; from erqi_diff.cli import main\n"
            "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
            "import json; print(json.dumps(sorted(m for m in sys.modules if m.startswith('erqi_diff.compare.'))), "
            "file=sys.stderr)")
    env = {**os.environ, "ERQI_DIFF_CACHE": "off", "COLUMNS": "100"}
    args = ["--root", str(seeds_copy), "2017", "2021", "--no-pager"]
    loaded = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True)
    modules = set(json.loads(loaded.stderr.strip().splitlines()[-1]))
    assert modules == {"erqi_diff.compare.diff", "erqi_diff.compare.stored", "erqi_diff.compare.textdiff",
                       "erqi_diff.compare.vocab"}
    stored.path_for(load_project(seeds_copy)).unlink()
    loaded = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=True)
    assert "erqi_diff.compare.sections" in loaded.stderr  # without the file: computed


def test_a_snapshot_of_the_pair_changed_stops_its_use_another_does_not(seeds_copy) -> None:
    project = load_project(seeds_copy)
    path = project.snapshot_path(2018)  # not one of the pair: the diff of 2017 and 2021 does not read it
    path.write_text(path.read_text(encoding="utf-8").replace("二七区", "二七 区", 1), encoding="utf-8")
    assert _read(project, 2017, 2021) is not None
    path = project.snapshot_path(2021)
    path.write_text(path.read_text(encoding="utf-8").replace("二七区", "二七 区", 1), encoding="utf-8")
    assert _read(project, 2017, 2021) is None
    assert _read(project, 2016, 2017) is not None


def test_other_code_stops_its_use(seeds_copy, monkeypatch) -> None:
    project = load_project(seeds_copy)
    assert _read(project, 2016, 2017) is not None
    other = stored.code_digest().replace("blake2b-256:", "blake2b-256:0")
    monkeypatch.setattr(stored, "code_digest", lambda: other)
    assert _read(project, 2016, 2017) is None


def test_the_code_digest_covers_every_module_of_the_diff() -> None:
    names = set(stored.modules())
    assert {"compare/diff.py", "compare/sections.py", "compare/textdiff.py", "compare/stored.py",
            "core/document.py", "diff_match_patch/diff_match_patch.py", "diff_match_patch/__version__.py"} <= names
    assert all(os.path.isfile(path) for _, path in stored._sources())
    folder = os.path.dirname(D.__file__)
    assert {f"compare/{n}" for n in os.listdir(folder) if n.endswith(".py")} <= names


def test_another_granularity_or_pair_is_computed(seeds_copy, monkeypatch) -> None:
    project = load_project(seeds_copy)
    a, b = load(project, 2016), load(project, 2017)
    assert stored.read(project, b, a) is None  # not a pair the file holds (newer first)
    assert stored.read(project, a, a) is None
    monkeypatch.setattr(stored, "read", lambda *args: pytest.fail("read"))
    sentences = D.compare(a, b, "sentence", project=project, strip=False)
    assert sentences == D.compare(a, b, "sentence", strip=False)


def test_the_nearest_pairs_are_stored_within_the_budget() -> None:
    from types import SimpleNamespace

    snaps = [SimpleNamespace(year=year, chars=chars) for year, chars in
             ((2013, 60_000), (2014, 50_000), (2015, 40_000), (2016, 30_000))]
    every = pairstrip.chosen([2013, 2014, 2015, 2016])
    # consecutive pairs first: 110,000 + 90,000 = 200,000 (the budget), then 2015-2016 would pass it
    assert stored.chosen(snaps, every) == [(2013, 2014), (2014, 2015)]
    small = [SimpleNamespace(year=s.year, chars=s.chars // 10) for s in snaps]
    assert stored.chosen(small, every) == every
    assert stored.chosen(small, []) == []


def _op_length(delta: int):
    def change(data: dict) -> None:
        for unit in data["pairs"][PAIR]["units"]:
            for block in unit[6]:
                if block[1]:
                    block[1][1] += delta
                    return
    return change


def _set(index: int, value):
    def change(data: dict) -> None:
        data["pairs"][PAIR]["units"][0][index] = value
    return change


def _last_part_index(value):
    def change(data: dict) -> None:
        unit = next(u for u in data["pairs"][PAIR]["units"] if u[2])
        unit[2][0][1] = value
    return change


@pytest.mark.parametrize("damage", [
    lambda text: text[: len(text) // 2],                              # torn
    lambda text: "\ufeff" + text,                                     # not JSON as read
    lambda text: "[]",                                                # not a mapping
    lambda text: text.replace('"units"', '"unit"', 1),                # a missing key
])
def test_a_broken_file_is_not_used(seeds_copy, damage) -> None:
    project = load_project(seeds_copy)
    path = stored.path_for(project)
    path.write_text(damage(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert _read(project, 2016, 2017) is None
    a, b = load(project, 2016), load(project, 2017)
    assert D.compare(a, b, project=project, strip=False).sections == _computed(project, 2016, 2017)


@pytest.mark.parametrize("change", [
    _op_length(1), _op_length(-1),           # the texts not used up, or overrun
    _op_length(10**9),
    _set(0, "gone"),                          # no such status
    _set(5, 1),                               # moved: not a bool
    _set(11, -1),                             # below: negative
    _set(6, [["same", ["=", 3], 0, 0, 1.0]]),  # a block of five fields
    _last_part_index(10_000),                 # no such section
    _last_part_index(True),                   # not an index
])
def test_stored_units_that_do_not_rebuild_are_not_used(seeds_copy, change) -> None:
    project = load_project(seeds_copy)
    _edit(project, change)
    assert _read(project, 2016, 2017) is None
    a, b = load(project, 2016), load(project, 2017)
    assert D.compare(a, b, project=project, strip=False).sections == _computed(project, 2016, 2017)


def test_an_equal_op_whose_texts_differ_is_not_used(seeds_copy) -> None:
    """Lengths that add up but put a kept text where the two reports differ
    (the seeds' one changed paragraph, 2017 -> 2018: an inserted text and the kept one after it swapped)."""
    project = load_project(seeds_copy)
    swapped = []

    def swap(data: dict) -> None:
        for unit in data["pairs"]["2017-2018"]["units"]:
            for block in unit[6]:
                ops = block[1]
                for k in range(0, len(ops) - 2, 2):
                    if ops[k] == "+" and ops[k + 2] == "=":
                        ops[k:k + 4] = ops[k + 2:k + 4] + ops[k:k + 2]
                        swapped.append(k)
                        return

    assert _read(project, 2017, 2018) is not None
    _edit(project, swap)
    assert swapped and _read(project, 2017, 2018) is None


def test_a_current_file_is_kept_without_computing_it(seeds_copy, monkeypatch) -> None:
    project = load_project(seeds_copy)
    snaps = [load(project, year) for year in project.years]
    monkeypatch.setattr(stored, "compute", lambda *args: pytest.fail("computed again"))
    (result,) = derive._refresh_diffs(project, snaps)
    assert result.action is derive.Action.UNCHANGED
    path = project.snapshot_path(2019)
    path.write_text(path.read_text(encoding="utf-8") + "\n新的一段。\n", encoding="utf-8")
    snaps = [load(project, year) for year in project.years]
    assert not stored.current(project, snaps, pairstrip.chosen(project.years))  # a snapshot changed


@pytest.mark.slow
def test_national_reports_print_the_same_with_and_without_the_file(tmp_path) -> None:
    """Three national reports (a short series: every pair stored), with paragraphs changed within sections."""
    from conftest import GWR, make_project

    root = make_project(tmp_path, {year: GWR / f"{year}.txt" for year in (2013, 2014, 2015)})
    result = CliRunner().invoke(main, ["--root", str(root), "snapshot"])
    assert result.exit_code == 0 and "diffs.json: written" in result.output, result.output
    project = load_project(root)
    units = [u for older, newer in pairstrip.chosen(project.years) for u in _read(project, older, newer) or ()]
    assert any(b.kind is D.BlockKind.CHANGED for u in units for b in u.blocks)
    _same_with_and_without(root, pairstrip.chosen(project.years), [(), ("--json",), ("-y",)])


def _round_trip(a, b) -> tuple:
    units = D.diff_sections(a, b)
    return units, stored.decode(json.loads(json.dumps(stored.encode(units))), a, b)


def test_a_moved_paragraph_reads_back() -> None:
    first = "大力推进现代化产业体系建设，加快发展新质生产力，推动产业升级。"
    second = "切实保障和改善民生，加强和创新社会治理，办好民生实事。"
    a = [Section("任务", 2, ("着力扩大国内需求，推动经济实现良性循环，增强发展后劲。", first, second))]
    b = [Section("任务", 2, (first, second, "着力扩大国内需求，推动经济良性循环，增强发展后劲。"))]
    units, back = _round_trip(a, b)
    assert any(blk.kind is D.BlockKind.MOVED_IN and blk.inner for u in units for blk in u.blocks)
    assert back == units


_PARAGRAPHS = ["着力扩大国内需求，推动经济实现良性循环。", "大力推进现代化产业体系建设，加快发展新质生产力。",
               "切实保障和改善民生，办好民生实事，增加收入2.5%。", "各位代表！", "生态环境持续改善，PM2.5浓度下降。",
               "深化改革开放，优化营商环境。"]
_HEADINGS = ["", "一、过去一年工作回顾", "二、今年主要任务", "（一）扩大内需", "（二）改善民生"]


@st.composite
def _report(draw):
    sections = []
    for heading in draw(st.lists(st.sampled_from(_HEADINGS), min_size=1, max_size=4)):
        chosen = draw(st.lists(st.sampled_from(_PARAGRAPHS), max_size=4))
        edited = [p.replace("，", draw(st.sampled_from(["，", "、", "，进一步"])), 1) for p in chosen]
        sections.append(Section(heading, 0 if not heading else 2, tuple(edited)))
    return sections


@settings(deadline=None, max_examples=60)
@given(_report(), _report())
def test_any_diff_reads_back_from_its_stored_form(a, b) -> None:
    units, back = _round_trip(a, b)
    assert back == units

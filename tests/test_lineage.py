"""Each topic's sections across the years (erqi_diff.compare.lineage) and
``erqi-diff sections``."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from erqi_diff.cli import cli as main
from erqi_diff.compare.diff import compare
from erqi_diff.compare.lineage import CHAIN_FLOOR, EventKind, lineage
from erqi_diff.compare.sections import Basis, pair_sections, present_year
from erqi_diff.core.snapshot import load, load_many

from conftest import GWR_YEARS, SEED_YEARS


@pytest.fixture(scope="module")
def gwr_lineage(gwr_project):
    return lineage(load_many(gwr_project))


def test_every_section_is_in_one_chain_one_per_report(gwr_project, gwr_lineage):
    seen = [(n.year, n.index) for c in gwr_lineage.chains for n in c.nodes]
    assert sorted(seen) == sorted((y, k) for y in GWR_YEARS for k in range(len(load(gwr_project, y).sections)))
    for chain in gwr_lineage.chains:
        years = [n.year for n in chain.nodes]
        assert years == [y for y in GWR_YEARS if chain.began <= y <= chain.ended]  # no year skipped
        assert chain.goes_on == (chain.ended == GWR_YEARS[-1])


def test_the_review_goes_through_every_report(gwr_lineage):
    (review,) = [c for c in gwr_lineage.chains if c.title == "一、2024年工作回顾"]
    assert (review.began, review.ended, review.goes_on) == (2013, 2025, True)
    assert all("回顾" in n.heading for n in review.nodes) and not review.events


def test_a_split_and_a_merge_are_told_on_both_sides(gwr_lineage):
    by_id = {c.ident: c for c in gwr_lineage.chains}
    # 2013's task on agriculture and towns went on in two 2014 tasks, merged again in 2015
    (towns,) = [c for c in gwr_lineage.chains if c.nodes[0].heading == "（五）推进以人为核心的新型城镇化。"]
    kinds = {(e.kind, e.year) for e in towns.events}
    assert kinds == {(EventKind.SPLIT_FROM, 2014), (EventKind.MERGED_INTO, 2015)}
    split = next(e for e in towns.events if e.kind is EventKind.SPLIT_FROM)
    assert split.heading == "（二）强化农业农村发展基础，推动城乡发展一体化。"
    other = by_id[split.chain]
    assert any(e.kind is EventKind.SPLIT_OFF and e.chain == towns.ident for e in other.events)


@pytest.fixture(scope="module")
def seeds_lineage(seeds_project):
    return lineage(load_many(seeds_project))


def test_a_chain_goes_on_only_through_a_sure_step(seeds_lineage):
    # 2018's 坚持绿色发展 (0.33) and 坚持宗旨意识增强民生福祉 (0.31) merged into 2019's
    # 对158个老旧小区提升改造: neither is clearly the one that goes on, so both end there
    chain_of = {(n.year, n.heading): c for c in seeds_lineage.chains for n in c.nodes}
    quarters = chain_of[2019, "对158个老旧小区提升改造"]
    assert quarters.nodes[0].year == 2019
    for heading in ("坚持绿色发展，提高生态水平", "坚持宗旨意识增强民生福祉"):
        ended = chain_of[2018, heading]
        assert ended.nodes[-1].year == 2018
        assert any(e.kind is EventKind.MERGED_INTO and e.chain == quarters.ident for e in ended.events)
    steps = {(s.from_year, s.from_index, s.to_year, s.to_index): s for s in seeds_lineage.steps}
    for chain in seeds_lineage.chains:
        for a, b in zip(chain.nodes, chain.nodes[1:]):
            step = steps[a.year, a.index, b.year, b.index]
            assert step.basis is not Basis.TOPIC or step.score >= CHAIN_FLOOR


def test_a_weak_pair_is_told_loose_on_both_sides(seeds_lineage, seeds_root):
    by_id = {c.ident: c for c in seeds_lineage.chains}
    steps = {(s.from_year, s.from_index, s.to_year, s.to_index): s for s in seeds_lineage.steps}
    loose = [(c, e) for c in seeds_lineage.chains for e in c.events if e.kind is EventKind.LOOSELY_TO]
    assert loose
    for chain, event in loose:
        other = by_id[event.chain]
        assert any(e.kind is EventKind.LOOSELY_FROM and e.chain == chain.ident for e in other.events)
        a, b = chain.nodes[-1], other.nodes[0]  # the pair is the diff's, too weak to carry the chain on
        assert steps[a.year, a.index, b.year, b.index].score < CHAIN_FLOOR
    out = run(seeds_root, "sections", "--no-pager")
    assert out.exit_code == 0, out.output
    line = next(ln for ln in out.output.splitlines() if "loosely paired with" in ln)
    assert "ends" not in line  # something does go on from it, loosely


def test_the_scorer_floors_reached(seeds_root, gwr_root):
    """The chains against the topic chains of benchmarks/devsets/lineage/ (the
    first score was blind; the floors are what the lineage reaches now,
    rounded down, so that a change that loses ground fails)."""
    import sys

    from conftest import REPO

    sys.path.insert(0, str(REPO / "benchmarks"))
    import score_lineage

    roots = {"seeds": seeds_root, "gwr": gwr_root}
    for path in sorted(score_lineage.LINEAGE.glob("*.json")):
        spec = json.loads(path.read_text(encoding="utf-8"))
        hit, made, gold = score_lineage.score(spec, roots[spec["series"]]).same
        precision, recall = score_lineage.FLOORS[spec["series"]]
        assert made and hit / made >= precision and hit / gold >= recall, (spec["series"], hit, made, gold)


def test_lineage_uses_the_pairs_of_the_diff(gwr_project, gwr_lineage):
    # the same pairs as `erqi-diff 2024 2025` and the changelog's entry for 2025
    a, b = load(gwr_project, 2024), load(gwr_project, 2025)
    steps = {(s.from_index, s.to_index) for s in gwr_lineage.steps if (s.from_year, s.to_year) == (2024, 2025)}
    links = {(k.a, k.b) for k in pair_sections(a.sections, b.sections, present_year(a), present_year(b)).links}
    shown = {(p.index, q.index) for s in compare(a, b, strip=False).sections
             for p in s.from_sections for q in s.to_sections}
    assert steps == links == shown


def run(root, *args):
    return CliRunner().invoke(main, ["--root", str(root), *args], env={"COLUMNS": "120"})


def test_cli_view_json_and_csv(gwr_root, gwr_project):
    out = run(gwr_root, "sections", "--no-pager")
    assert out.exit_code == 0, out.output
    assert "一、2024年工作回顾  2013–2025, goes on" in out.output
    assert "split from" in out.output and "merged into" in out.output
    data = json.loads(run(gwr_root, "sections", "--json").output)
    assert data["schema"] == "erqi-diff/sections/1" and data["years"] == GWR_YEARS
    assert {"id", "title", "began", "ended", "goes_on", "nodes", "events"} <= set(data["chains"][0])
    rows = list(csv.reader(io.StringIO(run(gwr_root, "sections", "--csv").output)))
    assert rows[0][:3] == ["chain", "title", "began"]
    assert len(rows) - 1 == sum(len(load(gwr_project, y).sections) for y in GWR_YEARS)


def test_cli_years_and_bad_input(seeds_root):
    out = run(seeds_root, "sections", "2017", "2021", "--json")
    assert json.loads(out.output)["years"] == [2017, 2021]
    assert run(seeds_root, "sections", "--json", "--csv").exit_code == 2
    bad = run(seeds_root, "sections", "2020")
    assert bad.exit_code == 2 and "years available" in bad.output
    one = run(seeds_root, "sections", "2019", "--json")
    assert one.exit_code == 0 and all(len(c["nodes"]) == 1 for c in json.loads(one.output)["chains"])


@pytest.mark.parametrize("years", [SEED_YEARS])
def test_seeds_every_section_once(seeds_project, years):
    result = lineage(load_many(seeds_project, years))
    seen = sorted((n.year, n.index) for c in result.chains for n in c.nodes)
    assert seen == sorted((y, k) for y in years for k in range(len(load(seeds_project, y).sections)))


@pytest.mark.slow  # child processes under other hash seeds
def test_same_chains_whatever_the_hash_seed(gwr_root):
    """Sets of n-grams iterate in another order in another process: the
    scores are summed exactly, so the pairs and chains never change."""
    import os
    import subprocess
    import sys

    def process(seed: str) -> bytes:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        return subprocess.run([sys.executable, "-m", "erqi_diff", "--root", str(gwr_root), "sections", "--json"],
                              env=env, capture_output=True, check=True).stdout

    first = process("1")
    assert json.loads(first)["chains"] and first == process("2") == process("3")


def test_csv_marks_regrouped_headings(seeds_root, seeds_project):
    """erqi-diff sections --csv: a heading over sections paired with another
    report's (2019's 上半年成绩不错, 民生, 2021's “进、干、暖、严”) is marked
    regrouped; a section of one report only is not."""
    rows = list(csv.DictReader(io.StringIO(run(seeds_root, "sections", "--csv").output)))
    marked = {(int(r["year"]), r["heading"]) for r in rows if r["regrouped"] == "True"}
    assert {(2019, "上半年成绩不错"), (2019, "民生"), (2021, "“进、干、暖、严”")} <= marked
    assert all(r["regrouped"] in ("True", "False") for r in rows)
    result = lineage(load_many(seeds_project))
    assert marked == {(n.year, n.heading) for n in result.regrouped}
    alone = {(c.nodes[0].year, c.nodes[0].heading) for c in result.alone()}
    assert alone and not alone & marked


def test_a_plan_and_the_next_review_of_its_year_are_listed_not_alone(seeds_lineage, seeds_root):
    """2016's ●突出重大产业项目攻坚 (2017's plan) and 2017's 产业升级 (its review): a
    follow-up, no chain step, but neither is in one report only."""
    follow = {(f.from_year, seeds_lineage.heading(f.from_year, f.from_index), f.to_year,
               seeds_lineage.heading(f.to_year, f.to_index)) for f in seeds_lineage.followups}
    assert (2016, "●突出重大产业项目攻坚", 2017, "产业升级") in follow
    assert all(f.basis.value == "followup" for f in seeds_lineage.followups)
    alone = {(c.nodes[0].year, c.nodes[0].index) for c in seeds_lineage.alone()}
    assert not alone & {(f.from_year, f.from_index) for f in seeds_lineage.followups}
    out = CliRunner().invoke(main, ["--root", str(seeds_root), "sections", "--no-pager"]).output
    assert "A year's plan, and the next report's review of that year:" in out
    assert "●突出重大产业项目攻坚  →  2017 产业升级" in out
    rows = list(csv.reader(io.StringIO(
        CliRunner().invoke(main, ["--root", str(seeds_root), "sections", "--csv"]).output)))
    assert any(r[7] == "●突出重大产业项目攻坚" and "reviewed in 2017 产业升级" in r[9] for r in rows[1:])

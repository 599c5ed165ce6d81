"""The fact reader, the links and the verdicts against the hand-annotated
development set (benchmarks/devsets/facts/), with the matching of
benchmarks/score_facts.py: the floors below are the figures reached, so a
regression fails. The set is IN-SAMPLE (the reader was developed against
it): these floors guard against regressions, they do not measure accuracy
on new reports."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import score_facts

# series -> (headline precision, headline recall) of the records shown, floors
FLOORS = {"seeds": (1.0, 0.955), "gwr": (0.99, 0.985), "gwr-early": (0.975, 0.875)}
# series -> (links right / links made, links found / gold links with a figure), floors
LINK_FLOORS = {"seeds": (1.0, 1.0), "gwr": (1.0, 0.975), "gwr-early": (1.0, 0.89)}


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    work = tmp_path_factory.mktemp("devset")
    return {series: score_facts.run_series(series, work) for series in score_facts.SERIES}


@pytest.mark.slow
@pytest.mark.parametrize("series", list(FLOORS))
def test_facts_shown_reach_their_floors(scores, series: str) -> None:
    shown, every, _ = scores[series]
    precision = shown.right["headline"] / shown.shown
    recall = shown.found["headline"] / shown.gold
    floor_p, floor_r = FLOORS[series]
    assert precision >= floor_p, f"{series}: precision {precision:.3f} < {floor_p}"
    assert recall >= floor_r, f"{series}: recall {recall:.3f} < {floor_r}"
    # the value and unit of a figure are read right practically always
    assert shown.right["value"] / shown.shown >= 0.98 and shown.right["unit"] / shown.shown >= 0.98
    assert every.gold >= shown.gold


@pytest.mark.slow
def test_all_series_together(scores) -> None:
    total = score_facts.Tally()
    for shown, _, _ in scores.values():
        total.add(shown)
    assert total.gold >= 540
    assert total.right["headline"] / total.shown >= 0.985
    assert total.found["headline"] / total.gold >= 0.93
    # the kind (actual, estimate, target, plan) and the period of the records shown
    assert total.right["kind"] / total.shown >= 0.985
    assert total.right["period"] / total.shown >= 0.98


@pytest.mark.slow
def test_links_and_verdicts(scores) -> None:
    made = right = gold = found = verdicts = verdicts_right = open_gold = open_right = 0
    for _, _, links in scores.values():
        made += links.made
        right += links.right
        gold += links.gold
        found += links.found
        verdicts += links.verdicts
        verdicts_right += links.verdicts_right
        open_gold += links.open_gold
        open_right += links.open_right
    assert right / made >= 0.99        # a link made is the annotated one
    assert found / gold >= 0.94        # and most annotated links are found (see the README for the rest)
    assert verdicts_right == verdicts  # every pair linked right is judged right
    assert open_right / open_gold >= 0.96


@pytest.mark.slow
@pytest.mark.parametrize("series", list(LINK_FLOORS))
def test_links_per_series(scores, series: str) -> None:
    links = scores[series][2]
    floor_p, floor_r = LINK_FLOORS[series]
    assert links.right / links.made >= floor_p, f"{series}: link precision {links.right}/{links.made}"
    assert links.found / links.gold >= floor_r, f"{series}: link recall {links.found}/{links.gold}"

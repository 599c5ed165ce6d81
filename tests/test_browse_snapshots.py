"""Snapshots of the main screens of ``erqi-diff browse`` at 100x30
(pytest-textual-snapshot: the SVGs in __snapshots__/, each read before it
was committed). Regenerate with ``pytest --snapshot-update`` after a change
meant to show, and read the new SVGs' text before committing them."""

from __future__ import annotations

import pytest

from tui_helpers import make_app, press, settle

pytest.importorskip("textual")
pytest.importorskip("pytest_textual_snapshot")

pytestmark = pytest.mark.slow  # each screen drives a whole app (about 1 s)

SIZE = (100, 30)


def _keys(*groups):
    """A run_before pressing each group of keys, waiting for the panes after each."""

    async def run_before(pilot):
        await settle(pilot)
        for keys in groups:
            await press(pilot, *keys)

    return run_before


def test_slogans(snap_compare, seeds_root) -> None:
    assert snap_compare(make_app(seeds_root, name="seeds"), terminal_size=SIZE,
                        run_before=_keys(["down", "down"]))


def test_targets_with_a_verdict(snap_compare, gwr_root) -> None:
    # GDP 2022: about +5.5%, +3% in report 2023, missed by 2.5 points
    assert snap_compare(make_app(gwr_root, name="gwr"), terminal_size=SIZE,
                        run_before=_keys(["2"], ["down"] * 5))


def test_sections_link_diff(snap_compare, seeds_root) -> None:
    assert snap_compare(make_app(seeds_root, name="seeds", no_color=True), terminal_size=SIZE,
                        run_before=_keys(["3"], ["down", "down", "down"], ["enter"]))


def test_diff_pane_side_by_side(snap_compare, seeds_root) -> None:
    assert snap_compare(make_app(seeds_root, name="seeds"), terminal_size=SIZE,
                        run_before=_keys(["4"], ["v"]))


def test_search(snap_compare, seeds_root) -> None:
    assert snap_compare(make_app(seeds_root, name="seeds"), terminal_size=SIZE,
                        run_before=_keys(["slash"], list("温暖二七") + ["enter"], ["escape"]))


def test_keys(snap_compare, seeds_root) -> None:
    assert snap_compare(make_app(seeds_root, name="seeds"), terminal_size=SIZE,
                        run_before=_keys(["question_mark"]))


def test_too_small(snap_compare, seeds_root) -> None:
    assert snap_compare(make_app(seeds_root, name="seeds"), terminal_size=(50, 15))

"""``erqi-diff browse`` (issue 17): Textual's headless pilot drives the panes
with keys, and what they show is checked against the library's results, on
the seeds and on the national reports; then the bad inputs (one report, a
year with no slogans or figures, a small terminal, no terminal, no extra)
and the imports of the other commands."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPO, make_project
from tui_helpers import make_app, press, screen_segments, screen_text, settle, widget_text

pytest.importorskip("textual")

SIZE = (100, 30)


def run(app, scenario, size=SIZE):
    """Run ``scenario(pilot)`` on ``app`` in a headless terminal of ``size``."""

    async def main():
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            return await scenario(pilot)

    return asyncio.run(main())


def _flat(text: str) -> str:
    """Text without the line breaks and spaces that wrapping adds."""
    return "".join(text.split())


def shows(app, text: str) -> bool:
    """Whether the screen shows ``text`` (wrapped or not)."""
    return _flat(text) in _flat(screen_text(app))


def _detail(app, ident: str) -> str:
    return widget_text(app.screen.query_one(f"#{ident}"))


# --- slogans -----------------------------------------------------------------------------


def test_first_screen_is_the_slogans_timeline_with_the_first_slogans_occurrences(seeds_root) -> None:
    app = make_app(seeds_root)

    async def scenario(pilot):
        timeline = app.data.timeline()
        first = timeline.rows[0]
        shown = screen_text(app)
        assert f"{len(timeline.rows)} slogans in 2016–2019, 2021" in shown
        assert "slogan" in shown and "2016  2017  2018  2019  2021" in shown
        assert first.slogan.slogan in shown
        detail = _detail(app, "slogan-text")
        hits = app.data.occurrences(first)
        assert len(hits) == sum(first.slogan.counts.values())
        for year, count in first.slogan.counts.items():
            assert f"{year}  ({count} occurrence" in detail
        flat = _flat(detail)
        for hit in hits:  # every occurrence with its section and its context
            assert _flat(f"[{hit.section}]") in flat
            assert _flat(f"…{hit.before}{hit.text}{hit.after}…") in flat
        assert app.first_screen_at is not None

    run(app, scenario)


def test_the_cursor_shows_a_slogans_lineage_and_marks(seeds_root) -> None:
    app = make_app(seeds_root)

    async def scenario(pilot):
        rows = app.data.timeline().rows
        k = next(i for i, r in enumerate(rows) if r.slogan.variants and r.marks)
        await press(pilot, *["down"] * k)
        row = rows[k]
        detail = _detail(app, "slogan-text")
        assert detail.startswith(row.slogan.slogan)
        assert "Lineage (its forms):" in detail
        for v in row.slogan.variants:
            assert f"↳ {v.slogan}" in detail
        for year, mark in row.marks.items():
            word = {"added": "new", "returned": "returned", "changed": "changed"}.get(mark.value)
            if word:
                assert f"{word} {year}" in detail

    run(app, scenario)


def test_marks_in_the_timeline_follow_the_library(seeds_root) -> None:
    """现代化国际化生态化新城区: changed 2017, left out after 2018, returned 2021 (as `erqi-diff slogans`)."""
    app = make_app(seeds_root)

    async def scenario(pilot):
        line = next(x for x in screen_text(app).splitlines() if "现代化国际化生态化新城区" in x)
        assert "~3" in line and " _ " in line and "^3" in line  # absent after 2018, back in 2021
        assert "changed 2017, left out after 2018" in line

    run(app, scenario)


@pytest.mark.slow
def test_slogans_on_the_national_reports(gwr_root) -> None:
    app = make_app(gwr_root)

    async def scenario(pilot):
        rows = app.data.timeline().rows
        k = next(i for i, r in enumerate(rows) if r.slogan.variants and len(r.slogan.years) < 7)
        await press(pilot, *["down"] * k)
        row = rows[k].slogan
        detail = _detail(app, "slogan-text")
        assert detail.startswith(row.slogan)
        for year in (2013, 2014, 2015, 2022, 2023, 2024, 2025):
            assert (f"{year}  (" in detail) is (year in row.counts)
        for v in row.variants:
            assert f"↳ {v.slogan}" in detail

    run(app, scenario)


# --- targets and metrics -----------------------------------------------------------------


@pytest.mark.slow
def test_a_targets_verdict_chart_and_sentences_on_the_national_reports(gwr_root) -> None:
    app = make_app(gwr_root)

    async def scenario(pilot):
        await press(pilot, "2")
        rows = app.data.panel().rows
        k = next(i for i, r in enumerate(rows) if r.indicator == "GDP" and r.figure_year == 2022 and r.target)
        link = rows[k].target
        await press(pilot, *["down"] * k)
        line = next(x for x in screen_text(app).splitlines() if " 2022 " in x and "about +5.5%" in x)
        assert "+3%" in line and "missed" in line and "-2.5 pt" in line
        detail = _detail(app, "figure-text")
        assert "GDP · growth, year · in %" in detail
        chart = next(x for x in detail.splitlines() if x.startswith("2022"))
        assert "target" in chart and "+5.5%" in chart
        assert _flat(link.goal.text)[:30] in _flat(detail)
        assert _flat(link.outcome.text)[:30] in _flat(detail)
        assert f"report {link.outcome.year}" in detail

    run(app, scenario)


@pytest.mark.slow
def test_seeds_have_metrics_but_no_target(seeds_root) -> None:
    app = make_app(seeds_root)

    async def scenario(pilot):
        await press(pilot, "2")
        shown = screen_text(app)
        assert shows(app, "no target of a known indicator in 2016, 2017, 2018, 2019, 2021")
        assert shows(app, "no metrics found in 2016")
        gdp = next(x for x in shown.splitlines() if x.lstrip().startswith("GDP"))
        assert "no target" in gdp and "+9%" in gdp  # GDP growth 2017, an estimate of report 2018
        detail = _detail(app, "figure-text")
        assert "GDP · growth, year · in %" in detail and "outcome" in detail

    run(app, scenario)


# --- sections and diffs ------------------------------------------------------------------


async def _to_link(pilot, wanted=None):
    """Move the tree's cursor down to ``wanted`` (a link, or a test of one;
    else the first link), press enter."""
    tree = pilot.app.screen.query_one("#chains")
    for _ in range(400):
        data = tree.cursor_node.data if tree.cursor_node is not None else None
        if data is not None and (wanted is None or (wanted(data) if callable(wanted) else data == wanted)):
            break
        await pilot.press("down")
    else:
        raise AssertionError("no such link in the tree")
    await press(pilot, "enter")
    return tree.cursor_node.data


@pytest.mark.slow
def test_a_links_diff_inline_then_side_by_side(seeds_root) -> None:
    app = make_app(seeds_root, no_color=True)

    async def scenario(pilot):
        await press(pilot, "3")
        # the first link with text on both sides (2016's verdict splits into 2017's text-less headline too)
        link = await _to_link(pilot, lambda d: hasattr(d, "older") and d.older.chars and d.newer.chars)
        detail = _detail(app, "link-text")
        assert f"Chain {link.chain} · {link.older.year} → {link.newer.year}" in detail
        assert _flat(link.older.heading) in _flat(detail) and _flat(link.newer.heading) in _flat(detail)
        assert "@@ " in detail
        assert "[-" in detail or "{+" in detail or "unchanged" in detail  # NO_COLOR marks
        await press(pilot, "v")
        assert app.side_by_side
        side = _detail(app, "link-text")
        assert "│" in side and side != detail

    run(app, scenario)


#: Four paragraphs of one section; the next year's report moves the last to the front.
PARAGRAPHS = ("全年地区生产总值增长百分之七，城乡居民收入稳步提高，财政收入结构持续优化，"
              "重点项目建设取得明显进展，营商环境不断改善。",
              "坚持生态优先，完成植树造林一万亩，空气质量优良天数明显增加，河道综合治理全面推进，城乡人居环境持续改善。",
              "办好民生实事，新建改扩建学校八所，新增城镇就业两万人，基本医疗保险实现全覆盖，养老服务体系更加完善。",
              "深化改革开放，推进简政放权，优化政务服务流程，企业开办时间压缩到三个工作日以内，市场主体活力进一步增强。")


def _moved_project(tmp_path: Path) -> Path:
    a, b, c, d = PARAGRAPHS
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("一、过去一年的工作\n\n" + "\n\n".join((a, b, c, d)) + "\n", encoding="utf-8")
    new.write_text("一、过去一年的工作\n\n" + "\n\n".join((d, a, b, c.replace("八所", "十所"))) + "\n", encoding="utf-8")
    return make_project(tmp_path / "p", {2020: old, 2021: new})


@pytest.mark.slow
def test_moved_paragraphs_are_marked_in_a_links_diff_and_the_diff_pane(tmp_path) -> None:
    app = make_app(_moved_project(tmp_path), no_color=True)

    async def scenario(pilot):
        await press(pilot, "3")
        await _to_link(pilot)
        detail = _detail(app, "link-text")
        assert "> moved here from paragraph 4" in detail
        assert "< paragraph 1 moved to paragraph 4" not in detail  # the old place: paragraph 4 moved to 1
        assert "< paragraph 4 moved to paragraph 1" in detail
        assert "[-八-]{+十+}" in _flat(detail)
        await press(pilot, "4")
        assert "> moved here from paragraph 4" in _detail(app, "diff-text")

    run(app, scenario)


@pytest.mark.slow
def test_the_diff_pane_follows_the_years_picked(seeds_root) -> None:
    app = make_app(seeds_root)

    async def scenario(pilot):
        await press(pilot, "4")
        assert "erqi-diff 2019 → 2021" in _detail(app, "diff-text")
        await press(pilot, "pagedown")  # the diff has the focus: keys scroll it
        assert app.screen.query_one("#diff-scroll").scroll_y > 0
        await press(pilot, "y", "left", "left", "space")  # the cursor starts on 2021: pick 2018
        assert "[2018]" in screen_text(app) and "[2019]" not in screen_text(app)
        await press(pilot, "4")
        shown = _detail(app, "diff-text")
        assert "erqi-diff 2018 → 2021" in shown
        assert "--- 2018" in shown and "+++ 2021" in shown

    run(app, scenario)


# --- search, keys, quitting --------------------------------------------------------------


@pytest.mark.slow
def test_search_gives_results_by_year(seeds_root) -> None:
    app = make_app(seeds_root)

    async def scenario(pilot):
        await press(pilot, "slash")
        await press(pilot, *"温暖二七", "enter")
        result = app.data.search("温暖二七")
        term = result.terms[0]
        shown = screen_text(app)
        assert f"温暖二七: {sum(term.counts.values())} occurrences in {len(term.years)} reports" in shown
        detail = _detail(app, "search-text")
        for year in term.years:
            assert f"{year}  ({term.counts[year]} occurrence" in detail
        assert detail.index(f"{term.years[0]}  (") < detail.index(f"{term.years[-1]}  (")  # oldest first

    run(app, scenario)


@pytest.mark.slow
def test_a_search_finding_nothing_says_so(seeds_root) -> None:
    app = make_app(seeds_root)

    async def scenario(pilot):
        await press(pilot, "slash")
        await press(pilot, *"火星基地", "enter")
        assert "火星基地: stands in no report" in screen_text(app)

    run(app, scenario)


@pytest.mark.slow
def test_question_mark_lists_the_keys_and_q_quits(seeds_root) -> None:
    app = make_app(seeds_root)

    async def scenario(pilot):
        await press(pilot, "question_mark")
        shown = screen_text(app)
        assert "Keys of erqi-diff browse" in shown and "inline or side by side" in shown
        await press(pilot, "escape")
        assert "Keys of erqi-diff browse" not in screen_text(app)
        await pilot.press("q")
        await pilot.pause()
        return app.return_code

    assert run(app, scenario) in (0, None)
    assert not app.is_running


@pytest.mark.slow
def test_the_mouse_picks_a_year_and_a_tab(seeds_root) -> None:
    app = make_app(seeds_root)

    async def scenario(pilot):
        bar = app.screen.query_one("#years")
        start = next(s for s, _, y in bar._spans if y == 2016)
        await pilot.click("#years", offset=(start + 2, 0))
        await settle(pilot)
        assert bar.pair == (2016, 2021)
        await pilot.click("#--content-tab-diff")
        await settle(pilot)
        assert "erqi-diff 2016 → 2021" in _detail(app, "diff-text")

    run(app, scenario)


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.slow
def test_one_report_the_diff_pane_says_no_diff_is_possible(tmp_path) -> None:
    root = make_project(tmp_path, {2017: REPO / "seeds" / "000_316189b98bfa6228.txt"})
    app = make_app(root)

    async def scenario(pilot):
        assert "one report: no diff" in screen_text(app)
        await press(pilot, "4")
        assert shows(app, "Only one report in this series (2017): no diff is possible")
        await press(pilot, "3")
        assert shows(app, "One report: no link between reports, no diff possible.")
        await press(pilot, "y", "left", "space")
        assert app.screen.query_one("#years").pair == (2017, 2017)

    run(app, scenario)


@pytest.mark.slow
def test_a_year_with_no_slogans_and_no_figures(tmp_path) -> None:
    quiet = tmp_path / "quiet.txt"
    quiet.write_text("一、总体情况\n\n我们认真学习，扎实工作，努力做好各方面的工作。\n\n"
                     "二、下一步\n\n继续努力，把各项工作做得更好，让群众满意。\n", encoding="utf-8")
    root = make_project(tmp_path / "p", {2021: REPO / "seeds" / "004_4bf64f3dfd69d62e.txt", 2022: quiet})
    app = make_app(root)

    async def scenario(pilot):
        assert shows(app, "No slogans found in 2022.")
        await press(pilot, "2")
        assert shows(app, "no metrics found in 2022") and shows(app, "no target of a known indicator in 2021, 2022")

    run(app, scenario)


def test_a_terminal_smaller_than_60x20_shows_a_message(seeds_root) -> None:
    app = make_app(seeds_root)

    async def scenario(pilot):
        shown = screen_text(app)
        assert shows(app, "The terminal is 50x15; erqi-diff browse needs at least 60x20.")
        assert "Slogans" not in shown
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        shown = screen_text(app)
        assert "needs at least" not in shown and "Slogans" in shown

    run(app, scenario, size=(50, 15))


@pytest.mark.slow
def test_80x24_and_200_columns(seeds_root) -> None:
    for size, wide in (((80, 24), False), ((200, 50), True)):
        app = make_app(seeds_root)

        async def scenario(pilot, app=app, wide=wide):
            assert app.screen.has_class("wide") is wide
            lines = screen_text(app).splitlines()
            from rich.cells import cell_len

            assert all(cell_len(x) <= app.size.width for x in lines)  # CJK counted as two cells
            assert any("三个二七" in x for x in lines)

        run(app, scenario, size=size)


@pytest.mark.slow
def test_no_color_means_no_colour(seeds_root, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(seeds_root, no_color=None)

    async def scenario(pilot):
        assert app.no_color
        await press(pilot, "4")
        colours = set()
        for seg in screen_segments(app):
            if seg.style is not None:
                for c in (seg.style.color, seg.style.bgcolor):
                    if c is not None and not c.is_default:
                        colours.add(c.name)
        assert not colours
        assert "{+" in _detail(app, "diff-text")  # insertions marked without colour

    run(app, scenario)


def test_not_a_terminal_is_exit_2() -> None:
    from erqi_diff.cli import cli

    result = CliRunner().invoke(cli, ["--root", str(REPO), "browse"])
    assert result.exit_code == 2
    assert "browse needs a terminal" in result.output
    assert "Traceback" not in result.output


def test_without_the_extra_it_says_which_to_install(monkeypatch) -> None:
    from erqi_diff.cli import cli

    monkeypatch.setitem(sys.modules, "textual", None)
    result = CliRunner().invoke(cli, ["--root", str(REPO), "browse"])
    assert result.exit_code == 2
    assert "pip install 'erqi-diff[tui]'" in result.output


@pytest.mark.slow
def test_browse_piped_to_cat_exits_2(tmp_path) -> None:
    exe = Path(sys.executable).parent / "erqi-diff"
    proc = subprocess.run(f"'{exe}' --root '{REPO}' browse | cat", shell=True, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=60, executable="/bin/bash",
                          env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "PIPESTATUS": ""})
    assert "browse needs a terminal" in proc.stderr
    check = subprocess.run(f"'{exe}' --root '{REPO}' browse | cat; exit ${{PIPESTATUS[0]}}", shell=True,
                           capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,
                           executable="/bin/bash", env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    assert check.returncode == 2


@pytest.mark.slow
def test_other_commands_do_not_import_textual() -> None:
    code = ("import sys\n"
            "from erqi_diff.cli import main\n"
            f"for args in (['--root', {str(REPO)!r}, '2017', '2021', '--no-pager'], ['--help']):\n"
            "    try: main(args)\n"
            "    except SystemExit: pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'erqi_diff') and "
            "(m.startswith('textual') or m.startswith('erqi_diff.views.tui') or m == 'erqi_diff.cli.browse')), "
            "file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.stderr.strip().splitlines()[-1] == "[]", proc.stderr

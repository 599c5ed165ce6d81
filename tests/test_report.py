"""``erqi-diff report`` (issue 8): the HTML page, opened in a real browser.

The page is built for the seeds (2016-2021) and for the national reports,
opened in Debian's headless Chromium driven by Playwright (executable path
set; no browser download), and every part is looked for: the overview, the
slogan grid, the metric charts and table, the goals, the side-by-side view
(switched between years), the reuse heat map and passages. The tests also
check that the page logs no console error, asks no other host for anything,
stays under 1 MB, and that long passages wrap on a phone-width screen.
Screenshots are saved under the pytest tmp dir, or $ERQI_SCREENSHOTS if set
(paths printed; run with -s).
"""

from __future__ import annotations

from collections import Counter

import dataclasses
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from erqi_diff.cli import cli as main
from erqi_diff.extract.lineage import Change
from erqi_diff.reuse.model import Passage as ReusedPassage
from erqi_diff.reuse.model import Span
from erqi_diff.core.project import load_project
from erqi_diff.core.snapshot import ReportMeta
from erqi_diff.summarize.report import ReportData, build_report
from erqi_diff.views.html.render import (
    LONGEST_PASSAGES,
    _marked,
    pack_pairs,
    render_report,
)

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MAX_BYTES = 1_000_000
PHONE = 390
CASES = {"seeds": (2016, 2021), "gwr": (2013, 2025)}


# ------------------------------------------------------------------ fixtures

@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Where screenshots go: $ERQI_SCREENSHOTS if set, else a pytest tmp dir."""
    wanted = os.environ.get("ERQI_SCREENSHOTS")
    if wanted:
        Path(wanted).mkdir(parents=True, exist_ok=True)
        return Path(wanted)
    return tmp_path_factory.mktemp("report-screenshots")


@pytest.fixture(scope="module")
def built(seeds_root, gwr_root, tmp_path_factory) -> dict[str, tuple[ReportData, Path]]:
    """The page of each case, written where the browser can open it."""
    out = tmp_path_factory.mktemp("report-pages")
    roots = {"seeds": seeds_root, "gwr": gwr_root}
    pages = {}
    for name, (first, last) in CASES.items():
        data = build_report(load_project(roots[name]), first, last)
        path = out / f"{name}.html"
        path.write_text(render_report(data), encoding="utf-8")
        pages[name] = (data, path)
    return pages


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Opened:
    """A page opened in its own context, with every request and console error recorded."""

    def __init__(self, browser, path: Path, width: int = 1280) -> None:
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.context.set_default_timeout(5000)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("websocket", lambda ws: self.requests.append(ws.url))
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")

    def _route(self, route) -> None:
        url = route.request.url
        self.requests.append(url)
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    def foreign(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file:", "data:"))]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def opened(browser, built, request):
    pages = []

    def open_(name_or_path, width: int = 1280) -> Opened:
        path = built[name_or_path][1] if isinstance(name_or_path, str) else name_or_path
        page = Opened(browser, path, width)
        pages.append(page)
        return page

    yield open_
    for page in pages:
        page.close()


def older_newer(section) -> tuple[str, str]:
    ops = section.ops
    return ("".join(t for op, t in ops if op in "=-"), "".join(t for op, t in ops if op in "=+"))


def hand_result(units: list[tuple[str, str, list]]):
    """A DiffResult made by hand: (older heading, newer heading, ops) per unit,
    each unit one changed paragraph whose ops are given (or a list of blocks)."""
    from erqi_diff.compare.diff import Block, BlockKind, DiffResult, SectionDiff, SectionPart, Status, make_stats
    from erqi_diff.compare.outline import Role
    from erqi_diff.compare.sections import Relation

    sections = []
    for k, (older, newer, ops) in enumerate(units):
        blocks = ops if ops and isinstance(ops[0], Block) else (
            (Block(BlockKind.CHANGED, tuple((op, t) for op, t in ops)),) if ops else ())
        sections.append(SectionDiff(Status.MATCHED, Relation.ONE, (SectionPart(k, older, 2, Role.OTHER, (0,)),),
                                    (SectionPart(k, newer, 2, Role.OTHER, (0,)),), 0.5, False, tuple(blocks)))
    meta = ReportMeta(0, "", "", sections=len(units))
    return DiffResult(meta, meta, "char", tuple(sections), make_stats(sections))


# ------------------------------------------------------------------ the page, part by part

@pytest.mark.parametrize("name", list(CASES))
def test_page_is_small_and_self_contained(built, name):
    data, path = built[name]
    size = path.stat().st_size
    print(f"\n{name}: {path} {size / 1024:.0f} KB, {len(data.years)} reports, {len(data.pairs)} pairs")
    assert size < MAX_BYTES, f"{name} page is {size} bytes"
    text = path.read_text(encoding="utf-8")
    # nothing loaded from elsewhere: no src/href to another host, no @import, no url() but data:
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", text)
    assert "@import" not in text
    assert not re.search(r"url\((?!['\"]?data:)", text)
    assert "Content-Security-Policy" in text


@pytest.mark.parametrize("name", list(CASES))
def test_every_part_is_there(opened, built, shots, name):
    data, _ = built[name]
    view = opened(name)
    page = view.page
    years = data.years

    # overview: one row per report of the span
    rows = page.locator("#overview table.overview tbody tr")
    assert rows.count() == len(years)
    assert [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())] == [str(y) for y in years]

    # slogans: one row per slogan, one per form; added, returned, changed and retired marked where the data says so
    assert data.slogans, "the extractor found no slogan: the grid cannot be checked"
    assert page.locator("#slogans tr.slogan-row").count() == len(data.slogans)
    assert page.locator("#slogans tr.variant-row").count() == sum(len(r.slogan.variants) for r in data.slogans)
    assert page.locator("#slogans table.timeline").first.locator("thead th").count() == len(years) + 1
    words = Counter(m.value for r in data.slogans for m in r.marks.values())
    # new where it is first there after the span's first report: in its own form, or as an item of a
    # longer slogan (lineage.marks, lineage.held_years: 品质二七 in 品质二七、田园二七、温暖二七)
    from erqi_diff.extract.lineage import held_years

    held = held_years([r.slogan for r in data.slogans], years)
    first = {r.slogan.slogan: min((*r.slogan.years, *held.get(r.slogan.slogan, ()))) for r in data.slogans}
    new = [r for r in data.slogans if first[r.slogan.slogan] > years[0]]
    assert words["added"] == len(new)
    assert all(r.marks.get(first[r.slogan.slogan]) is Change.ADDED for r in new)
    assert page.locator("#slogans td.is-new .tag.new").count() == words["added"]
    assert page.locator("#slogans td.retired .tag.gone").count() == words["retired"]
    assert page.locator("#slogans .tag.back").count() == words["returned"] + 1  # and the one in the lead
    assert page.locator("#slogans .tag.changed").count() == words["changed"] + 1

    # metrics: small multiples (pygal SVG, x-axis years to scale) and the table behind them
    assert data.metrics, "the extractor found no metric: the charts cannot be checked"
    tiles = page.locator("#metrics figure.tile")
    assert tiles.count() >= 1
    assert page.locator("#metrics figure.tile svg.pygal-chart").count() == tiles.count()
    assert page.locator("#metrics table.metrics tbody tr").count() == len(data.metrics)
    partial = [m for m in data.metrics if m.period is not None and m.period.value not in ("year", "multi-year")]
    assert page.locator("#metrics table.metrics tr.partial .tag.part").count() == len(partial)
    if name == "seeds":
        # 2018 and 2019 are mid-year reports (上半年): their GDP is a series of its own; 2021's 773亿元 is 2020's
        gdp = page.locator("#metrics figure.tile", has=page.locator("figcaption", has_text="GDP"))
        assert gdp.locator("svg text", has_text="level, half only").count() == 1
        assert gdp.locator("svg text", has_text="level, full year").count() == 1
        assert page.locator("#metrics table.metrics td", has_text="2020 · report 2021").count() >= 1
        # years to scale: 2017, 2018, 2019, 2020 are all on the axis although no report describes 2020 alone
        assert gdp.locator("svg .axis.x text", has_text="2020").count() == 1

    # goals: every goal with its verdict, or why there is none
    rows = page.locator("#goals table.goals tbody tr")
    assert rows.count() == len(data.goals)
    with_outcome = [g for g in data.goals if g.outcome is not None]
    assert page.locator("#goals td.share").count() == len(with_outcome)
    assert page.locator("#goals td.share.met, #goals td.share.missed").count() == sum(
        1 for g in with_outcome if g.verdict.value in ("met", "missed"))
    assert page.locator("#goals td.open").count() == sum(1 for g in data.goals if g.outcome is None)

    # side by side: the default pair, then other years chosen with the <select>s
    summary = page.locator("#sbs-summary")
    assert summary.inner_text().startswith(f"{years[-2]} → {years[-1]}:")  # the two latest to start with
    default = f"{years[-2]}-{years[-1]}"
    assert page.locator("#sbs-body .row").count() == len(data.pairs[default].sections)
    before = page.locator("#sbs-body").inner_text()
    a, b = years[1], years[2]
    page.select_option("#sbs-from", str(a))
    page.select_option("#sbs-to", str(b))
    assert summary.inner_text().startswith(f"{a} → {b}:")
    assert page.locator("#sbs-body").inner_text() != before
    assert page.locator("#sbs-body .row").count() == len(data.pairs[f"{a}-{b}"].sections)
    assert page.locator("#sbs-body .row").first.locator(".col h4").first.inner_text().startswith(str(a))
    page.select_option("#sbs-to", str(a))
    assert "two different years" in summary.inner_text()
    assert page.locator("#sbs-body .row").count() == 0

    # reuse: the heat map (one row per report) and the longest passages
    assert page.locator("#reuse table.heatmap tbody tr").count() == len(years)
    spans = data.reuse.copies()
    assert spans, "the reuse audit found no passage: the list cannot be checked"
    assert page.locator("#reuse li.passage").count() == min(len(spans), LONGEST_PASSAGES)
    assert page.locator("#reuse svg.pygal-chart").count() == 1

    assert view.errors == []
    assert view.foreign() == []
    assert any(u.startswith("file:") for u in view.requests)
    path = shots / f"{name}-1280.png"
    page.select_option("#sbs-from", str(years[-2]))
    page.select_option("#sbs-to", str(years[-1]))
    page.screenshot(path=str(path), full_page=True, timeout=120_000)
    print(f"\nscreenshot: {path}")
    assert path.stat().st_size > 10_000


@pytest.mark.parametrize("name", list(CASES))
def test_side_by_side_shows_both_texts_exactly(opened, built, name):
    """Each column of the view holds exactly the section's text in its year,
    in either order of the years (the page only switches between embedded
    diff results)."""
    data, _ = built[name]
    view = opened(name)
    page = view.page
    years = data.years
    for a, b in ((years[0], years[-1]), (years[-1], years[0]), (years[-2], years[-1])):
        page.select_option("#sbs-from", str(a))
        page.select_option("#sbs-to", str(b))
        low, high = sorted((a, b))
        sections = data.pairs[f"{low}-{high}"].sections
        columns = page.eval_on_selector_all(
            "#sbs-body .row", "rows => rows.map(r => Array.from(r.querySelectorAll('.col .text')).map(t => t.textContent))")
        expected = []
        for sec in sections:
            older, newer = older_newer(sec)
            expected.append([older, newer] if a < b else [newer, older])
        assert columns == expected
        # what the first year alone has is struck out, what the second alone has is inserted
        dels = "".join(page.eval_on_selector_all("#sbs-body del", "xs => xs.map(x => x.textContent)"))
        ins = "".join(page.eval_on_selector_all("#sbs-body ins", "xs => xs.map(x => x.textContent)"))
        only_low = "".join(t for sec in sections for op, t in sec.ops if op == "-")
        only_high = "".join(t for sec in sections for op, t in sec.ops if op == "+")
        assert (dels, ins) == ((only_low, only_high) if a < b else (only_high, only_low))
    assert view.errors == []


@pytest.mark.parametrize("name", list(CASES))
def test_phone_width(opened, built, shots, name):
    view = opened(name, width=PHONE)
    page = view.page
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    # the two columns of the side-by-side view stack on a phone
    boxes = page.eval_on_selector_all("#sbs-body .row:has(del):has(ins) .col",
                                      "cols => cols.slice(0, 2).map(c => c.getBoundingClientRect().x)")
    assert len(boxes) == 2 and boxes[0] == boxes[1]
    path = shots / f"{name}-{PHONE}.png"
    page.screenshot(path=str(path), full_page=True, timeout=120_000)
    print(f"\nscreenshot: {path}")
    assert view.errors == [] and view.foreign() == []


# ------------------------------------------------------------------ bad input

LONG_LATIN = "ABCDEFGHIJ0123456789" * 150   # 3000 characters without a break opportunity
LONG_CJK = "二七区坚持项目建设奋力推进年" * 200


def test_long_passages_wrap(opened, built, tmp_path):
    data, _ = built["seeds"]
    goal = dataclasses.replace(data.goals[0], goal=dataclasses.replace(data.goals[0].goal, text=LONG_LATIN + LONG_CJK))
    span = ReusedPassage(Span(str(data.years[0]), 0, 3000, LONG_LATIN), Span(str(data.years[1]), 0, 3000, LONG_CJK),
                         99999, 1.0)
    metric = dataclasses.replace(data.metrics[0], text=LONG_LATIN)
    pair = hand_result([(LONG_LATIN, "短", [["=", LONG_CJK], ["-", LONG_LATIN], ["+", LONG_LATIN[::-1]]])])
    long = dataclasses.replace(data, goals=(goal,), metrics=(metric, *data.metrics[1:]),
                               reuse=dataclasses.replace(data.reuse, passages=(span,)),
                               pairs={**data.pairs, f"{data.years[-2]}-{data.years[-1]}": pair})  # the pair shown first
    path = tmp_path / "long.html"
    path.write_text(render_report(long), encoding="utf-8")
    for width in (PHONE, 1280):
        view = opened(path, width=width)
        page = view.page
        page.eval_on_selector("#metrics details.table", "d => d.open = true")
        assert page.locator("#sbs-body h4", has_text=LONG_LATIN[:40]).count() == 1
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        overflowing = page.eval_on_selector_all(
            ".quote, .side, .sbs .col, .sbs h4",
            "xs => xs.filter(x => x.scrollWidth > x.clientWidth + 1).map(x => x.className)")
        assert overflowing == []
        assert view.errors == []


def test_no_metrics_no_slogans_no_goals_say_so(built):
    data, _ = built["seeds"]
    page = render_report(dataclasses.replace(data, slogans=(), metrics=(), goals=()))
    for ident in ("slogans", "metrics", "goals"):
        part = re.search(rf'<section id="{ident}">(.*?)</section>', page, re.DOTALL).group(1)
        assert '<p class="empty">' in part, ident
        assert "<svg" not in part and "<table" not in part, ident
    part = re.search(r'<section id="reuse">(.*?)</section>',
                     render_report(dataclasses.replace(data, reuse=dataclasses.replace(
                         data.reuse, passages=(), ratios={}, matrix={}))),
                     re.DOTALL).group(1)
    assert "No passage of one report reappears" in part and "<svg" not in part
    # figures in one year only: the table, and a note instead of an empty chart
    single = tuple(m for m in data.metrics if m.year == data.years[1])
    assert single
    part = re.search(r'<section id="metrics">(.*?)</section>',
                     render_report(dataclasses.replace(data, metrics=single)), re.DOTALL).group(1)
    assert "nothing to chart" in part and "<svg" not in part
    assert part.count("<tr") == len(single) + 1


# ------------------------------------------------------------------ the packed diff results

HAND_MADE = [
    # (older, newer, ops) as diff.py gives them: = and - join to older, = and + to newer
    [["=", "全年地区生产总值完成"], ["-", "567"], ["+", "773"], ["=", "亿元，增长9%。\n"]],
    [["-", "𠮷祥“三个二七”"], ["+", "吉祥“三个二七”"], ["=", "建设"]],          # astral character
    [["+", "新增一段。\n"], ["=", "保留的段落。"]],
    [["-", "删去的段落。"]],
    [],
]


@pytest.mark.parametrize("ops", HAND_MADE)
def test_pack_pairs_keeps_every_text(ops):
    packed = pack_pairs({"2016-2017": hand_result([("旧", "新", ops)])})
    (sec,) = packed["pairs"]["2016-2017"]["sections"]
    assert unpack(packed["texts"], sec) == [(op, t) for op, t in ops if t]


def unpack(texts: list[str], sec: dict) -> list[tuple[str, str]]:
    """What the page's script does, in Python: cut the ops back out of the texts."""
    older, newer = ("\n".join(texts[k] for k in sec[side]) for side in ("ft", "tt"))
    i = j = 0
    out = []
    for op, n in re.findall(r"([=+<>-])(\d+)(?::\d+)?", sec["ops"]):
        n = int(n)
        op = {"<": "-", ">": "+"}.get(op, op)
        if op == "=":
            assert older[i:i + n] == newer[j:j + n]
            out.append((op, older[i:i + n]))
            i, j = i + n, j + n
        elif op == "-":
            out.append((op, older[i:i + n]))
            i += n
        else:
            out.append((op, newer[j:j + n]))
            j += n
    assert (i, j) == (len(older), len(newer))
    return out


@given(st.lists(st.tuples(st.sampled_from("=-+"), st.text(alphabet="二七区年亿元%0123456789\n𠮷。，", min_size=1)),
                max_size=12))
def test_pack_pairs_round_trip(ops):
    packed = pack_pairs({"2016-2017": hand_result([("旧", "新", ops)])})
    assert unpack(packed["texts"], packed["pairs"]["2016-2017"]["sections"][0]) == ops


def test_hand_made_pair_in_the_browser(opened, built, tmp_path):
    """Astral characters (two UTF-16 units in JavaScript) are cut where Python cut them."""
    data, _ = built["seeds"]
    a, b = data.years[0], data.years[1]
    result = hand_result([("旧", "新", ops) for ops in HAND_MADE])
    sections = result.sections
    small = dataclasses.replace(data, years=(a, b), overview=data.overview[:2], pairs={f"{a}-{b}": result})
    path = tmp_path / "hand.html"
    path.write_text(render_report(small), encoding="utf-8")
    view = opened(path)
    columns = view.page.eval_on_selector_all(
        "#sbs-body .row", "rows => rows.map(r => Array.from(r.querySelectorAll('.col .text')).map(t => t.textContent))")
    assert columns == [list(older_newer(s)) for s in sections]
    assert view.page.eval_on_selector_all("#sbs-body del", "xs => xs.map(x => x.textContent)") == [
        "567", "𠮷祥“三个二七”", "删去的段落。"]
    assert view.errors == []


def test_moved_paragraph_highlighted_in_both_columns(opened, built, tmp_path):
    """A paragraph that moved within a section is framed at its old place
    (left) and its new place (right); pointing at one lights both."""
    import dataclasses as dc

    from erqi_diff.compare.diff import diff_sections, make_stats
    from erqi_diff.core.document import Section

    data, _ = built["seeds"]
    a, b = data.years[0], data.years[1]
    first = "大力推进现代化产业体系建设，加快发展新质生产力，推动产业升级。"
    second = "切实保障和改善民生，加强和创新社会治理，办好民生实事。"
    moving = "着力扩大国内需求，推动经济实现良性循环，增强发展后劲。"
    units = diff_sections([Section("任务", 2, (moving, first, second))],
                          [Section("任务", 2, (first, second, moving.replace("实现", "")))])
    result = dc.replace(data.pairs[f"{a}-{b}"], sections=units, stats=make_stats(units))
    small = dataclasses.replace(data, years=(a, b), overview=data.overview[:2], pairs={f"{a}-{b}": result})
    path = tmp_path / "moved.html"
    path.write_text(render_report(small), encoding="utf-8")
    page = opened(path).page
    away = page.locator("#sbs-body del.moved")
    here = page.locator("#sbs-body ins.moved")
    assert away.count() == 1 and here.count() == 1
    assert away.inner_text().strip() == moving and here.inner_text().strip() == moving.replace("实现", "")
    assert away.get_attribute("data-move") == here.get_attribute("data-move")
    here.hover()
    assert "hot" in away.get_attribute("class")
    assert "1 paragraph moved" in page.locator("#sbs-body .hd").inner_text()


@pytest.mark.parametrize("text, start, edits, expected", [
    ("建设现代化国际化复合型城区", 100, [(108, 111)], "建设现代化国际化<mark>复合型</mark>城区"),
    ("品质二七<田园>", 0, [(4, 8)], "品质二七<mark>&lt;田园&gt;</mark>"),
    ("取得了瞩目的业绩", 50, [(53, 53), (55, 56)], "取得了瞩目<mark>的</mark>业绩"),   # an empty side of an insertion
    ("增长9%", 10, [(5, 20)], "增长9%"),          # an offset outside the passage: shown unmarked
    ("增长9%", 10, [], "增长9%"),
])
def test_reuse_differences_marked(text, start, edits, expected):
    assert _marked(text, start, edits) == expected


# ------------------------------------------------------------------ the command

def test_command_writes_the_page(seeds_root, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["--root", str(seeds_root), "report", "2021", "2016", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 reports (2016-2021)" in result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert all(f'<section id="{ident}">' in page for ident in ("overview", "slogans", "metrics", "goals", "compare", "reuse"))
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


@pytest.mark.parametrize("args, message", [
    (["2018", "2018"], "holds 1 report(s) (2018); the page needs two"),
    (["2020", "2021"], "there is no snapshot for 2020"),
    (["2016", "twenty"], "'twenty' is not a year"),
])
def test_command_bad_years(seeds_root, tmp_path, args, message):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["--root", str(seeds_root), "report", *args, "-o", str(out)])
    assert result.exit_code == 2
    assert message in result.output
    assert list(tmp_path.iterdir()) == []


def test_command_unwritable_output(seeds_root, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    for target, message in ((tmp_path / "missing" / "report.html", "does not exist"),
                            (blocker / "report.html", "does not exist"),
                            (tmp_path, "is a directory")):
        result = CliRunner().invoke(main, ["--root", str(seeds_root), "report", "2016", "2021", "-o", str(target)])
        assert result.exit_code == 2, result.output
        assert message in result.output
        assert "Traceback" not in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]

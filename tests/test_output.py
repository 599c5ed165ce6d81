"""Output to a pipe or a file (plain, unwrapped, one paragraph per line), and
the terminal's line wrapping (numbers whole, no line opening on 。 or 、)."""

from __future__ import annotations

import io
import re

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.text import Text

from erqi_diff.cli import cli as main
from erqi_diff.core.snapshot import load
from erqi_diff.views.terminal.wrap import _UNBREAKABLE, wrap_cells

from conftest import REPO, SEED_YEARS

NUMBER = re.compile(r"\d+(?:[.,]\d+)*%?")


def run(root, *args, env=None):
    result = CliRunner().invoke(main, ["--root", str(root), *args], env=env or {})
    assert "Traceback" not in result.output
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("year", SEED_YEARS)
def test_show_piped_has_every_paragraph_on_one_line(seeds_project, year) -> None:
    """`erqi-diff show YEAR | grep SENTENCE` finds every sentence of the
    snapshot, and each paragraph is one line (any $COLUMNS)."""
    snap = load(seeds_project, year)
    for columns in ("40", "100"):
        lines = set(run(REPO, "show", str(year), "--no-pager", env={"COLUMNS": columns}).splitlines())
        for section in snap.sections:
            for paragraph in section.paragraphs:
                assert paragraph in lines
                for sentence in re.findall(r"[^。！？]+[。！？]?", paragraph):
                    assert sum(sentence in line for line in lines) >= 1
    out = run(REPO, "show", "2017", "--no-pager")
    assert out.count("150个重大项目") == load(seeds_project, 2017).body.count("150个重大项目") == 2


def test_piped_output_has_no_colour_and_no_padding() -> None:
    for args in (["2017", "2021"], ["2017", "2021", "-y"], ["years"], ["metrics"], ["slogans"], ["show", "2017"]):
        out = run(REPO, *args)
        assert "\x1b[" not in out, args
        assert all(line == line.rstrip() for line in out.splitlines()), args


def test_force_color_colours_a_pipe_and_no_color_wins() -> None:
    assert "\x1b[" in run(REPO, "2017", "2021", env={"FORCE_COLOR": "1"})
    assert "\x1b[" not in run(REPO, "2017", "2021", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})


def test_tables_do_not_fold_in_a_pipe() -> None:
    out = run(REPO, "years", env={"COLUMNS": "40"})
    assert "2016年度工作总结表彰暨2017年项目建设奋力推进年工作大会" in out
    assert "…" not in out


def test_side_by_side_piped_keeps_columns_and_no_line_opens_on_a_stop() -> None:
    for columns in ("60", "100", "161"):
        out = run(REPO, "2017", "2021", "-y", "--full", env={"COLUMNS": columns})
        rows = [line for line in out.splitlines() if "│" in line]
        assert len(rows) > 50
        assert all(cell_len(line) <= int(columns) for line in rows)
        for row in rows:
            for cell in row.split("│"):
                assert cell.strip()[:1] not in ("。", "、"), row


# --- wrap_cells --------------------------------------------------------------------------

def _wrapped(text: str, width: int) -> list[str]:
    return [line.plain for line in wrap_cells(Text(text), width)]


def test_numbers_are_never_split() -> None:
    text = "国内生产总值超过126万亿元，增长5.2%，城镇新增就业1244万人，外汇储备超过3.2万亿美元，增长7.3%。"
    for width in range(8, 40):
        lines = _wrapped(text, width)
        assert "".join(lines) == text
        for number in NUMBER.findall(text):
            assert any(number in line for line in lines), (width, number, lines)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["增长", "2.9万", "7.3%", "1,000", "2024", "。", "、", "，", "亿元", "GDP", "PM2.5",
                                 "“", "”", "发展", " "]), max_size=60), st.integers(8, 50))
def test_wrap_cells_keeps_text_fits_and_breaks_well(parts, width) -> None:
    text = "".join(parts)
    lines = _wrapped(text, width)
    assert "".join(lines) == text
    for k, line in enumerate(lines):
        # a line longer than the width only when one token alone is longer
        if cell_len(line) > width:
            assert any(cell_len(m.group()) + 2 > width for m in _UNBREAKABLE.finditer(line)), (line, width)
        # no line opens on closing punctuation unless the line before is one token and stops
        if k and line[:1] in "。、，”":
            assert re.fullmatch(r"(?:.|[\d.,%‰A-Za-z]+)[。、，”]*", lines[k - 1]), (lines, width)
    for m in _UNBREAKABLE.finditer(text):
        token = m.group()
        if cell_len(token) + 3 < width:  # a token that fits on a line is never split
            assert any(token in line for line in lines), (token, lines, width)


def test_a_terminal_view_of_a_real_pair_splits_no_number(gwr_project) -> None:
    from rich.console import Console

    from erqi_diff.compare.diff import compare
    from erqi_diff.views.terminal.diff import View, render

    result = compare(load(gwr_project, 2024), load(gwr_project, 2025), strip=False)
    for width, view in ((50, View()), (100, View(side_by_side=True))):
        console = Console(width=width, height=25, no_color=True, color_system=None, file=io.StringIO(),
                          soft_wrap=False)  # a height too: else TERM=dumb with FORCE_COLOR means 80 columns
        with console.capture() as capture:
            render(console, result, view)
        lines = capture.get().splitlines()
        assert all(cell_len(line) <= width for line in lines)
        for a, b in zip(lines, lines[1:]):
            a, b = a.rstrip(), b.lstrip(" │")
            assert not (a[-1:].isdigit() and (b[:1] == "%" or (b[:1] == "." and b[1:2].isdigit()))), (a, b)
            assert not (a[-1:].isdigit() and b[:1].isdigit()), (a, b)
        cells = [cell.strip() for line in lines if view.side_by_side for cell in line.split("│")]
        assert not any(cell[:1] in ("。", "、") for cell in cells)

"""``erqi-diff A B`` / ``erqi-diff diff A B``: options, bad input, golden output."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from erqi_diff.cli import cli as main
from erqi_diff.compare.diff import compare, new_text, old_text
from erqi_diff.core.snapshot import ReportMeta
from erqi_diff.views.terminal.diff import View, render
from erqi_diff.core.snapshot import load

GOLDEN = Path(__file__).parent / "golden"
ENV = {"COLUMNS": "100", "NO_COLOR": None, "PAGER": "cat"}


def run(root, *args, env=ENV):
    result = CliRunner().invoke(main, ["--root", str(root), *args], env=env)
    assert "Traceback" not in result.output
    return result


def render_plain(result, view: View | None = None, width: int = 100, soft_wrap: bool = False) -> str:
    from rich.console import Console

    console = Console(width=width, no_color=True, color_system=None, force_terminal=False, highlight=False,
                      soft_wrap=soft_wrap, emoji=False, file=io.StringIO())
    with console.capture() as capture:
        render(console, result, view or View())
    return capture.get()


@pytest.mark.parametrize("case, fixture, years", [
    ("diff_2017_2021", "seeds_project", (2017, 2021)),
    ("diff_gwr_2024_2025", "gwr_project", (2024, 2025)),
])
def test_golden_terminal_view(request, golden, case, fixture, years):
    project = request.getfixturevalue(fixture)
    result = compare(load(project, years[0]), load(project, years[1]), strip=False)
    got = render_plain(result)
    golden(GOLDEN / case / "expected.txt", got)
    # the command prints the same view, with the slogans/metrics strip above the summary
    # (unwrapped: its output is not a terminal)
    got = "\n".join(line.rstrip() for line in render_plain(result, soft_wrap=True).split("\n"))
    root = project.root
    out = run(root, str(years[0]), str(years[1]), "--no-pager").output
    body = got.split("\n\n", 1)[1]
    assert out.endswith(body)
    assert out.startswith(got.split("\n\n", 1)[0])


@pytest.mark.parametrize("args", [["2017", "2021"], ["diff", "2017", "2021"], ["2021", "2017"],
                                  ["diff", "2021", "2017", "--no-pager"]])
def test_forms_and_order_of_years_agree(seeds_root, args):
    reference = run(seeds_root, "2017", "2021")
    result = run(seeds_root, *args)
    assert result.exit_code == 0
    assert result.output == reference.output
    assert result.output.startswith("erqi-diff 2017 → 2021")


def test_no_colour_when_not_a_terminal(seeds_root):
    out = run(seeds_root, "2017", "2021").output
    assert "\x1b[" not in out
    assert "[-" in out and "{+" in out


def test_json_reproduces_the_snapshots(seeds_root, seeds_project):
    result = run(seeds_root, "2021", "2017", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert (data["from"]["year"], data["to"]["year"]) == (2017, 2021)
    a, b = load(seeds_project, 2017), load(seeds_project, 2021)
    # each unit's ops give the paragraphs its parts list; together, every paragraph of both reports once
    held_a, held_b = [], []
    for s in data["sections"]:
        old = [a.sections[p["index"]].paragraphs[k] for p in s["from_sections"] for k in p["paragraphs"]]
        new = [b.sections[p["index"]].paragraphs[k] for p in s["to_sections"] for k in p["paragraphs"]]
        assert (old_text(s["ops"]), new_text(s["ops"])) == ("\n".join(old), "\n".join(new))
        held_a += [(p["index"], k) for p in s["from_sections"] for k in p["paragraphs"]]
        held_b += [(p["index"], k) for p in s["to_sections"] for k in p["paragraphs"]]
    assert sorted(held_a) == [(i, k) for i, sec in enumerate(a.sections) for k in range(len(sec.paragraphs))]
    assert sorted(held_b) == [(j, k) for j, sec in enumerate(b.sections) for k in range(len(sec.paragraphs))]


@pytest.mark.parametrize("years, flags, code", [
    (["2017", "2021"], ["--exit-code"], 1),
    (["2017", "2017"], ["--exit-code"], 0),
    (["2017", "2021"], [], 0),
])
def test_exit_codes(seeds_root, years, flags, code):
    assert run(seeds_root, *years, *flags).exit_code == code


def test_same_year_shows_no_change(seeds_root):
    result = run(seeds_root, "2019", "2019")
    assert result.exit_code == 0
    assert "No differences" in result.output


@pytest.mark.parametrize("args, message", [
    (["2017", "2020"], "years available: 2016, 2017, 2018, 2019, 2021"),
    (["2017"], "give two years"),
    (["2016", "2017", "2018"], "give two years"),
    (["diff"], "give two years"),
    (["2017", "20x1"], "is not a year"),
    (["2017", "2021", "--section", "没有这个标题"], "在美丽田园打造上争先出彩"),
    (["2017", "2021", "--granularity", "line"], "Invalid value"),
])
def test_bad_input_exits_2_with_a_message(seeds_root, args, message):
    result = run(seeds_root, *args)
    assert result.exit_code == 2
    assert message in result.output


def test_section_keeps_matching_sections(seeds_root):
    out = run(seeds_root, "2017", "2021", "--section", "生态环境").output
    assert "生态环境" in out.split("@@ ")[1].split("→")[0] and "“干”的态势更加强劲" in out
    assert out.count("@@ ") == 1


def test_stat_prints_one_line_per_section(seeds_root):
    out = run(seeds_root, "2017", "2021", "--stat").output
    assert "similarity" in out and "@@" not in out
    table = out[out.index("status"):].splitlines()
    assert len(table) == 1 + 19  # a header, then one line per unit
    # 新型城镇化 removed: not merged into 暖 by its one sentence on schools (compare/areas.py)
    assert any(line.startswith("removed") and "新型城镇化" in line for line in table)
    assert any(line.startswith("merged") and "重点项目" in line and "“干”的态势更加强劲" in line for line in table)
    # the year's verdict and the two boxes of the leaders' words, with the 十三五 verdict (compare/verdict.py)
    # (cut to the width: the older column reads "2017攻坚克难、务实重干，取 …")
    assert any(line.startswith("merged") and "2017攻坚克难" in line and "书写“十三五”答卷" in line for line in table)
    assert not any("总结2017·直接引语" in line for line in table)  # both boxes are in that merge, none alone
    assert any(line.startswith("added") and "在美丽田园打造上争先出彩" in line for line in table)


def test_side_by_side_and_narrow_fallback(seeds_root):
    wide = run(seeds_root, "2017", "2021", "--side-by-side", "--section", "生态").output
    assert "│" in wide and "showing the changes inline" not in wide
    narrow = run(seeds_root, "2017", "2021", "-y", "--section", "生态", env={**ENV, "COLUMNS": "40"})
    assert narrow.exit_code == 0
    assert "needs at least 51 columns" in narrow.output and "│" not in narrow.output


def test_side_by_side_counts_chinese_two_columns_wide(gwr_root):
    from rich.cells import cell_len

    out = run(gwr_root, "2024", "2025", "-y", "--section", "（九）", env={**ENV, "COLUMNS": "80"}).output
    rows = [line for line in out.splitlines() if "│" in line]
    assert rows
    assert all(cell_len(line) <= 80 for line in rows)  # piped: the columns keep $COLUMNS, text lines do not wrap


def test_context_and_full(gwr_root):
    zero = run(gwr_root, "2024", "2025", "--context", "0").output
    default = run(gwr_root, "2024", "2025").output
    full = run(gwr_root, "2024", "2025", "--full").output
    assert len(zero) < len(default) < len(full)
    assert "⋯" in zero and "⋯" not in full.split("@@", 1)[1]


@pytest.mark.parametrize("context, shown, hidden", [
    (0, ["⋯ 第三句{+改了+}。 ⋯"], ["第一句", "第二句", "第四句", "第五句"]),
    (1, ["第二句", "第三句{+改了+}", "第四句"], ["第一句", "第五句"]),
    (9, ["第一句", "第二句", "第三句{+改了+}", "第四句", "第五句"], []),
])
def test_context_counts_sentences_around_a_change(context, shown, hidden):
    from erqi_diff.compare.diff import DiffResult, Granularity, diff_sections, make_stats
    from erqi_diff.core.document import Section

    old = "第一句。第二句。第三句。第四句。第五句。"
    new = old.replace("第三句", "第三句改了")
    sections = diff_sections([Section("节", 2, (old, "不变的一段。"))], [Section("节", 2, (new, "不变的一段。"))])
    meta = ReportMeta(1, "", "", sections=1)
    result = DiffResult(meta, meta, Granularity.CHAR, sections, make_stats(sections))
    out = render_plain(result, View(context=context)).split("@@", 1)[1]
    assert all(s in out for s in shown)
    assert not any(s in out for s in hidden)
    assert "1 unchanged paragraph" in out
    assert "不变的一段" in render_plain(result, View(full=True))


@pytest.mark.parametrize("first", [True, False])
def test_a_folded_paragraph_counts_its_own_characters(first: bool) -> None:
    """各位代表： is 5 characters, before a changed paragraph (a newline after it) or after one."""
    from erqi_diff.compare.diff import DiffResult, Granularity, diff_sections, make_stats
    from erqi_diff.core.document import Section

    def section(changed: str) -> Section:
        return Section("节", 2, ("各位代表：", changed) if first else (changed, "各位代表："))

    sections = diff_sections([section("现在，我代表国务院报告工作。")], [section("现在，我代表国务院报告政府工作。")])
    meta = ReportMeta(1, "", "", sections=1)
    result = DiffResult(meta, meta, Granularity.CHAR, sections, make_stats(sections))
    assert "1 unchanged paragraph (5 characters)" in render_plain(result, View(context=0))


@pytest.mark.parametrize("granularity", ["char", "sentence", pytest.param("word", marks=pytest.mark.slow)])
def test_granularities(gwr_root, granularity):
    result = run(gwr_root, "2024", "2025", "--granularity", granularity, "--json", "--section", "（十）")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["granularity"] == granularity


def test_hand_edited_snapshot_with_empty_sections(tmp_path, seeds_root):
    import shutil

    root = tmp_path / "proj"
    shutil.copytree(seeds_root / "seeds", root / "seeds")
    shutil.copytree(seeds_root / "snapshots", root / "snapshots")
    path = root / "snapshots" / "2021.md"
    text = path.read_text(encoding="utf-8")
    # a heading with no body, and a section emptied by hand
    text = text.replace("## 在美丽田园打造上争先出彩\n", "## 空的标题\n\n## 在美丽田园打造上争先出彩\n")
    path.write_text(text + "\n## 最后一个空节\n", encoding="utf-8")
    result = run(root, "2017", "2021", "--full")
    assert result.exit_code == 0
    assert "空的标题" in result.output and "(no text)" in result.output
    data = json.loads(run(root, "2017", "2021", "--json").output)
    assert any(s["to_heading"] == "最后一个空节" and s["ops"] == [] for s in data["sections"])


def test_colour_view_strikes_deletions_red_and_inserts_green(gwr_project):
    from rich.console import Console

    result = compare(load(gwr_project, 2024), load(gwr_project, 2025), strip=False).select("（十）")
    # a colour terminal even when the tests run under NO_COLOR
    console = Console(width=100, height=25, force_terminal=True, color_system="standard", no_color=False, file=io.StringIO())
    with console.capture() as capture:
        render(console, result)
    out = capture.get()
    assert "\x1b[9;31m" in out and "\x1b[32m" in out  # struck red, green
    assert "[-" not in out and "{+" not in out          # no text markers when colour shows the changes
    # unchanged text is printed plain: the dim marker does not leak into the paragraph
    assert "\x1b[2m~ \x1b[0m" in out and "\x1b[2;" not in out


def test_default_path_imports_neither_jieba_nor_opencc(seeds_root):
    import subprocess
    import sys

    code = ("import sys\nfrom erqi_diff.cli import main\n"
            "try:\n    main(['--root', sys.argv[1], '2017', '2021', '--no-pager'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('jieba', 'opencc') if m in sys.modules), file=sys.stderr)")
    proc = subprocess.run([sys.executable, "-c", code, str(seeds_root)], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "100"}, timeout=120)
    assert proc.stderr.strip().splitlines()[-1] == "[]"
    assert "@@ " in proc.stdout and "生态环境" in proc.stdout


def test_the_indicator_table_marks_estimates(seeds_root):
    """The 2021 report gives 2020's GDP as an estimate (预计实现地区生产总值773亿元),
    the 2019 report its half year as an outcome: the table says which."""
    result = run(seeds_root, "2019", "2021")
    assert result.exit_code == 0, result.output
    (gdp,) = [line for line in result.output.splitlines() if line.startswith("GDP ")]
    assert "773亿元 est." in gdp and "323.3亿元 [half]" in gdp and "323.3亿元 est." not in gdp

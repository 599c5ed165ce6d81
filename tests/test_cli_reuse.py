"""`erqi-diff reuse` on the seeds and the national reports: JSON, terminal view, exit status."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from erqi_diff.cli import cli as main


def run(root, *args):
    result = CliRunner().invoke(main, ["--root", str(root), "reuse", *args], env={"NO_COLOR": "1", "COLUMNS": "120"})
    return result


@pytest.fixture(scope="module")
def seeds_json(seeds_root):
    result = run(seeds_root, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_json_shape(seeds_json):
    assert seeds_json["keys"] == [2016, 2017, 2018, 2019, 2021]
    assert set(seeds_json["ratios"]) == {"2016", "2017", "2018", "2019", "2021"}
    assert set(seeds_json["matrix"]) == set(seeds_json["ratios"])
    assert all(set(row) == set(seeds_json["ratios"]) for row in seeds_json["matrix"].values())
    span = seeds_json["spans"][0]
    assert set(span) >= {"a", "b", "chars", "similarity", "differences", "kind"}
    assert set(span["a"]) == {"year", "section", "start", "end", "text"}
    assert all(s["kind"] == "copy" for s in seeds_json["spans"])  # formulas hidden by default
    chars = [s["chars"] for s in seeds_json["spans"]]
    assert chars == sorted(chars, reverse=True) and min(chars) >= 15


def test_json_spans_point_into_the_snapshot_bodies(seeds_json, seeds_project):
    from erqi_diff.core.snapshot import load

    bodies = {y: load(seeds_project, y).body for y in seeds_json["keys"]}
    for span in seeds_json["spans"]:
        for side in (span["a"], span["b"]):
            assert bodies[side["year"]][side["start"]:side["end"]] == side["text"]


def test_json_first_is_the_2017_paragraph_stated_twice(seeds_json):
    first = seeds_json["spans"][0]
    assert first["a"]["year"] == first["b"]["year"] == 2017
    assert "四重点一稳定一保证" in first["a"]["text"] and "四重点一稳定一保证" in first["b"]["text"]
    assert [(d["a"], d["b"]) for d in first["differences"]] == [("", "全市"), ("", "辉煌")]


def test_include_formulas_and_limit(seeds_root, seeds_json):
    result = run(seeds_root, "--json", "--include-formulas", "--limit", "50")
    data = json.loads(result.output)
    kinds = {s["kind"] for s in data["spans"]}
    assert kinds == {"copy", "formula", "headline", "statistic"}
    assert len(data["spans"]) > len(seeds_json["spans"])
    assert data["formulas"] and all(f["docs"] >= 3 for f in data["formulas"])
    two = json.loads(run(seeds_root, "--json", "--limit", "2").output)
    assert two["spans"] == seeds_json["spans"][:2]


def test_min_chars_narrows(seeds_root, seeds_json):
    data = json.loads(run(seeds_root, "--json", "--min-chars", "40").output)
    assert data["spans"] and all(s["chars"] >= 40 for s in data["spans"])
    assert len(data["spans"]) < len(seeds_json["spans"])


def test_years_subset(seeds_root):
    data = json.loads(run(seeds_root, "2017", "2018", "--json").output)
    assert data["keys"] == [2017, 2018]
    assert {(s["a"]["year"], s["b"]["year"]) for s in data["spans"]} <= {(2017, 2017), (2017, 2018), (2018, 2018)}
    assert any(s["a"]["year"] == 2017 and s["b"]["year"] == 2018 for s in data["spans"])


def test_terminal_view(seeds_root):
    result = run(seeds_root, "--limit", "3")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "2018:" in out and "written before" in out
    assert "share of the row's report found in the column's" in out
    assert out.count("\n#") == 3  # three passages
    assert "#1  2017 §" in out and "{+全市+}" in out and "{+辉煌+}" in out
    assert "\x1b[" not in out  # no colour without a terminal


@pytest.mark.parametrize("args,message", [
    (["2017"], "at least two documents, got 1"),
    (["--min-chars", "4"], "min_chars must be at least 5"),
    (["--min-chars", "100000"], "longest document has only"),
    (["2020", "2021"], "there is no snapshot for 2020"),
    (["twenty"], "'twenty' is not a year"),
])
def test_bad_input_exits_2(seeds_root, args, message):
    result = run(seeds_root, *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_national_reports(gwr_root):
    result = run(gwr_root, "2024", "2025", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    carried = [s for s in data["spans"] if s["a"]["year"] == 2024 and s["b"]["year"] == 2025]
    assert carried and all(s["kind"] == "copy" for s in carried)
    # the targets sentence, with new figures in 2023 too: a formula of the series, shown with the formulas
    assert not any("今年发展主要预期目标是" in s["b"]["text"] for s in carried)
    formulas = json.loads(run(gwr_root, "2024", "2025", "--json", "--include-formulas").output)["spans"]
    assert any("今年发展主要预期目标是：国内生产总值增长5%左右" in s["b"]["text"] and s["kind"] == "formula"
               and "2023" in s["also"] for s in formulas)
    # 2025 carries a fifth of 2024's wording over, most of it the series' stock wording (formulas)
    detail = data["ratio_detail"]["2025"]
    assert detail["share_formulas"] > 0.15 and 0.03 < data["ratios"]["2025"] < detail["share_formulas"] / 3
    assert data["ratios"]["2024"] == 0


def test_golden_terminal_view(seeds_root, golden):
    """tests/golden/reuse_seeds/: read and checked (see its README);
    regenerate with ERQI_REGEN=1 python -m pytest tests/test_cli_reuse.py -k golden."""
    from pathlib import Path

    path = Path(__file__).parent / "golden" / "reuse_seeds" / "reuse.txt"
    result = CliRunner().invoke(main, ["--root", str(seeds_root), "reuse", "--limit", "5", "--include-formulas"],
                                env={"NO_COLOR": "1", "COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    golden(path, result.output)


def test_diff_view_does_not_import_numpy(seeds_root):
    """numpy is the reuse audit's: the diff view's start-up never loads it
    (the reuse command does)."""
    import subprocess
    import sys

    probe = ("import atexit, sys; atexit.register(lambda: print('numpy' in sys.modules, file=sys.stderr)); "
             "from erqi_diff.cli import main; main({args!r})")
    for args, loads in ((["2017", "2021", "--no-pager"], False), (["reuse", "2017", "2018", "--json"], True)):
        done = subprocess.run([sys.executable, "-c", probe.format(args=args)], cwd=seeds_root, capture_output=True,
                              text=True, env={**__import__("os").environ, "NO_COLOR": "1"})
        assert done.stderr.strip().splitlines()[-1] == str(loads), (args, done.stderr[-500:])


def test_years_asked_are_read_against_the_whole_series(gwr_root):
    """Two years of seven: wording the other five hold too is a formula
    (hidden), as it is when all seven are audited; what is left are copies."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many
    from erqi_diff.reuse.snapshots import audit_snapshots

    result = run(gwr_root, "2024", "2025", "--json", "--include-formulas")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    snaps = load_many(load_project(gwr_root))
    asked = [s for s in snaps if s.year in (2024, 2025)]
    alone = audit_snapshots(asked)
    kinds = {(s["a"]["text"], s["kind"]) for s in data["spans"]}
    turned = [p for p in alone.copies() if (p.a.text, "formula") in kinds]
    assert turned, "some wording the two share only looks copied when the other five are not read"
    assert all(s["a"]["year"] in (2024, 2025) and s["b"]["year"] in (2024, 2025) for s in data["spans"])

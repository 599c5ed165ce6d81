"""YEARS on the command line: single years, and spans (1993..1998) where a
command reads several reports (slogans, metrics, goals, targets, sections,
reuse): the series' years in the span, both ends included."""

from __future__ import annotations

import json

import click
import pytest
from click.testing import CliRunner

from erqi_diff.cli import cli as main
from erqi_diff.cli.common import parse_years

SERIES = [1992, 1993, 1994, 1995, 1997, 1998]


@pytest.mark.parametrize(("values", "years"), [
    (["1993..1998"], [1993, 1994, 1995, 1997, 1998]),   # 1996 has no report: not made up
    (["1993-1995"], [1993, 1994, 1995]),
    (["1993–1995"], [1993, 1994, 1995]),
    (["1996..1997"], [1997]),
    (["1992", "1997..1998"], [1992, 1997, 1998]),
    (["1990..2030"], SERIES),
    (["1995"], [1995]),
])
def test_spans_stand_for_the_series_years_in_them(values: list[str], years: list[int]) -> None:
    assert parse_years(values, SERIES) == years


@pytest.mark.parametrize(("value", "message"), [
    ("1995..1993", "the first year comes after the last"),
    ("1980..1990", "holds no year of the series"),
    ("九五", "is not a year (nor a span"),
    ("1993..", "is not a year"),
])
def test_a_bad_span_is_a_usage_error(value: str, message: str) -> None:
    with pytest.raises(click.BadParameter, match=message.replace("(", r"\(")):
        parse_years([value], SERIES)


def test_where_one_year_is_asked_a_span_is_not_a_year() -> None:
    with pytest.raises(click.BadParameter, match="is not a year"):
        parse_years(["2017..2021"])


@pytest.mark.parametrize("command", ["slogans", "metrics", "goals", "targets", "sections"])
def test_commands_read_the_reports_of_a_span(seeds_root, command: str) -> None:
    spanned = CliRunner().invoke(main, ["--root", str(seeds_root), command, "2017..2019", "--json"])
    listed = CliRunner().invoke(main, ["--root", str(seeds_root), command, "2017", "2018", "2019", "--json"])
    assert spanned.exit_code == 0, spanned.output
    assert json.loads(spanned.output) == json.loads(listed.output)


def test_a_span_without_reports_exits_2(seeds_root) -> None:
    result = CliRunner().invoke(main, ["--root", str(seeds_root), "slogans", "2010..2015"])
    assert result.exit_code == 2
    assert "holds no year of the series (2016–2019, 2021)" in result.output

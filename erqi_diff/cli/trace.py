"""``erqi-diff trace``: any term through the years, as ``git log -S`` or a
concordance (:mod:`erqi_diff.extract.trace`)."""

from __future__ import annotations

import sys

import click

from erqi_diff.cli.common import emit_json, get_project, json_option, output, pager_option, root_option
from erqi_diff.cli.slogans import csv_option, json_or_csv


@click.command()
@click.argument("terms", nargs=-1, metavar="TERM...")
@click.option("-E", "--regex", is_flag=True, help="TERM is a regular expression (Python's), matched in the text as written.")
@click.option("-C", "--context", type=int, default=20, show_default=True,
              help="Characters of context shown either side of each occurrence.")
@click.option("--watch", "watch", metavar="FILE", help="Also trace the terms of FILE (one a line; # starts a comment).")
@click.option("--oldest-first/--newest-first", default=False, help="Order of the years (default: newest first).")
@json_option
@csv_option
@pager_option
@root_option
def trace(terms: tuple[str, ...], regex: bool, context: int, watch: str | None, oldest_first: bool,
          as_json: bool, as_csv: bool, no_pager: bool) -> None:
    """Follow TERM through every report: its count each year, first and
    last year, and each occurrence with its context and section.

    A TERM is found where it stands as a whole (quotes and spacing do not
    matter; never inside a longer numeral or year), whether erqi-diff lists
    it as a slogan or not. Several terms, or --watch FILE, print a grid of
    counts, year by term. Exit 1 when a term stands in no report (as grep),
    2 on a bad pattern or an empty term.

    \b
    erqi-diff trace 高质量发展
    erqi-diff trace -C 40 --oldest-first 新质生产力
    erqi-diff trace -E '十[一二三四五]五' --json
    erqi-diff trace 三农 乡村振兴 脱贫攻坚 --csv
    """
    from erqi_diff.core import snapshot as store
    from erqi_diff.extract.trace import read_watch, trace as run_trace

    json_or_csv(as_json, as_csv)
    wanted = list(terms) + (read_watch(watch) if watch else [])
    project = get_project()
    snaps = store.load_many(project)
    result = run_trace(snaps, wanted, regex=regex, context=context, newest_first=not oldest_first)
    if as_json:
        emit_json("trace", result)
    elif as_csv:
        from erqi_diff.views.terminal.slogans import trace_csv

        click.echo(trace_csv(result), nl=False)
    else:
        from erqi_diff.views.terminal.slogans import trace_view

        output(lambda console: trace_view(console, result), no_pager=no_pager)
    if result.missing:
        sys.exit(1)

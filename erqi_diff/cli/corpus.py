"""``erqi-diff corpus``: run, report and import (the reuse audit at corpus scale)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from erqi_diff.cli.common import emit_json, json_option, output, pager_option


@click.group()
def corpus() -> None:
    """Reuse audit across thousands of reports, on DuckDB (default) or Spark.

    \b
    erqi-diff corpus import ROOT... -o reports.jsonl
    erqi-diff corpus run --in reports.jsonl --out runs/a
    erqi-diff corpus report runs/a
    """


def _default_threads() -> int:
    from erqi_diff.corpus.engines import default_threads

    return default_threads()


@corpus.command()
@click.option("--in", "input_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="JSON Lines, one report per line: id, text, and optionally series (or government), year, metadata.")
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder: one Parquet folder per stage and params.json. A rerun resumes it.")
@click.option("--engine", type=click.Choice(["duckdb", "spark"]), default="duckdb", show_default=True,
              help="DuckDB (embedded, spills to disk) or Spark SQL.")
@click.option("--master", default=None, help="Spark master URL. Default: local[THREADS].")
@click.option("--memory", default="4GB", show_default=True, help="Memory for the whole run (DuckDB spills beyond it).")
@click.option("--threads", type=click.IntRange(1, 1024), default=None,
              help="Worker threads/processes. Default: the CPUs available.")
@click.option("--k", type=int, default=10, show_default=True, help="Characters per k-gram.")
@click.option("--w", type=int, default=16, show_default=True, help="Winnowing window: every match of w+k-1 characters is seen.")
@click.option("--maxdf", type=int, default=100, show_default=True, help="Hashes in more documents are formulas, not pair seeds.")
@click.option("--minmatch", type=int, default=5, show_default=True, help="Shared hashes a candidate pair needs.")
@click.option("--minunique", type=int, default=2, show_default=True,
              help="Or this many shared hashes found in those two reports only (a copy between the two).")
@click.option("--min-chars", type=int, default=15, show_default=True, help="Shortest passage kept (shared characters).")
@click.option("--other-series", is_flag=True, help="Only pairs of reports of two different series (governments).")
@click.option("--other-years", is_flag=True, help="Only pairs of reports of two different years.")
@click.option("--skip-bad", is_flag=True,
              help="Leave out malformed lines, duplicate ids and empty texts (listed) instead of stopping.")
@click.option("--force", is_flag=True, help="The folder holds a run with other parameters: redo the stages they change.")
@json_option
def run(input_path: Path, out: Path, engine: str, master: str | None, memory: str, threads: int | None,
        k: int, w: int, maxdf: int, minmatch: int, minunique: int, min_chars: int, other_series: bool, other_years: bool,
        skip_bad: bool, force: bool, as_json: bool) -> None:
    """Fingerprint, pair and align the reports of --in into --out."""
    from erqi_diff.corpus import api

    threads = threads or _default_threads()
    from erqi_diff.views.terminal.progress import StageProgress

    with StageProgress() as progress:
        result = api.run_corpus(input_path, out, engine=engine, master=master, memory=memory, threads=threads,
                                k=k, w=w, maxdf=maxdf, minmatch=minmatch, minunique=minunique, min_chars=min_chars,
                                other_series=other_series, other_years=other_years, skip_bad=skip_bad,
                                force=force, progress=progress)
    for bad in result.skipped_lines[:20]:
        click.echo(f"skipped line {bad.line}: {bad.reason}", err=True)
    if len(result.skipped_lines) > 20:
        click.echo(f"... and {len(result.skipped_lines) - 20} more skipped lines", err=True)
    if as_json:
        emit_json("corpus-run", result)
        return
    click.echo(f"{result.rows('docs'):,} reports, {result.rows('pairs'):,} candidate pairs, "
               f"{result.rows('passages'):,} passages in {out}; see `erqi-diff corpus report {out}`")


@corpus.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--top", type=click.IntRange(1, 10000), default=20, show_default=True, help="Rows per list.")
@json_option
@pager_option
def report(folder: Path, top: int, as_json: bool, no_pager: bool) -> None:
    """Most-reused sources, most-copying reports, longest passages, formulas."""
    from erqi_diff.corpus.report import build_report

    result = build_report(folder, top=top)
    if as_json:
        emit_json("corpus-report", result)
        return
    from erqi_diff.views.terminal.corpus import render_report

    output(lambda console: render_report(console, result), no_pager=no_pager)


@corpus.command(name="import")
@click.argument("roots", nargs=-1, required=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("-o", "--output", "output_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the JSON Lines here (atomically). Default: standard output.")
def import_(roots: tuple[Path, ...], output_path: Path | None) -> None:
    """Turn erqi-diff projects (seeds + manifest + snapshots) into JSON Lines.

    One line per snapshot: id SERIES:YEAR (the series is the project folder's
    name), series, year, the snapshot body as text, date, title, source.
    """
    from erqi_diff.corpus.ingest import dumps_jsonl, import_projects
    from erqi_diff.core.fsutil import atomic_write_text

    text = dumps_jsonl(import_projects(roots))
    if output_path is None:
        sys.stdout.write(text)
    else:
        atomic_write_text(output_path, text)
        click.echo(f"{output_path}: {text.count(chr(10))} reports", err=True)

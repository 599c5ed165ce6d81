"""``erqi-diff snapshot``, ``years`` and ``show``."""

from __future__ import annotations

import sys

import click

from erqi_diff.core import snapshot as store
from erqi_diff.views import format as fmt
from erqi_diff.cli.common import emit_json, get_project, json_option, output, pager_option, parse_years, root_option


@click.command()
@click.option("--check", is_flag=True, help="Build nothing; exit 1 listing stale or missing snapshots, 0 when all are fresh.")
@click.option("--force", is_flag=True, help="Overwrite snapshots edited by hand, keeping each old file as <year>.md.bak.")
@json_option
@root_option
def snapshot(check: bool, force: bool, as_json: bool) -> None:
    """Build snapshots/<year>.md for every report in seeds/manifest.toml.

    A snapshot edited by hand is kept while its seed is unchanged; when the
    seed or the normalizer changed, the command refuses and shows the
    difference, unless --force. Also brings snapshots/.derived/<year>.json
    up to date: what the diff view's strip needs of each report, computed
    once (a file made from another snapshot or by other code is not used).
    """
    project = get_project(builds=True)
    if check:
        rows = [store.status(project, r) for r in project.reports]
        bad = [r for r in rows if r.status in (store.Status.STALE, store.Status.STALE_EDITED, store.Status.MISSING)]
        if as_json:
            emit_json("snapshot-check", rows)
        else:
            for r in rows:
                click.echo(f"{r.year}  {r.status.value:<13} {r.reason}".rstrip())
            if bad:
                click.echo(f"{len(bad)} snapshot(s) out of date: run `erqi-diff snapshot`", err=True)
            _note_stale_derived(project)
        sys.exit(1 if bad else 0)
    results = store.build_all(project, force=force)
    derived = _refresh_derived(project)
    if as_json:
        emit_json("snapshot", results)
        return
    for built in results:
        extra = f" (previous file kept as {built.backup})" if built.backup else ""
        click.echo(f"{built.path}: {built.action.value}{extra}")
    for made in derived:
        click.echo(f"{made.path}: {made.action.value}")


def _note_stale_derived(project) -> None:
    """Say (on stderr, the exit status unchanged) which derived files are not
    current: they only spare work, the results are the same without them."""
    from erqi_diff.extract import derive

    years = derive.stale(project)
    if years:
        click.echo(f"derived files not current for {fmt.years_phrase(years)}: the diff view computes what they hold "
                   "(slower, the same result); `erqi-diff snapshot` writes them again", err=True)


def _refresh_derived(project) -> list:
    """The derived files beside the snapshots (erqi_diff.extract.derived): they
    only spare work, so one that cannot be written is a warning, not a failure."""
    from erqi_diff.errors import ErqiError
    from erqi_diff.extract import derive

    try:
        return derive.refresh(project)
    except (ErqiError, OSError) as exc:
        click.echo(f"warning: derived files not written ({exc}); the diff view computes them", err=True)
        return []


@click.command()
@json_option
@root_option
def years(as_json: bool) -> None:
    """List year, date, title, characters, sections and snapshot status."""
    rows = store.series_years(get_project(builds=True))
    if as_json:
        emit_json("years", rows)
        return

    def render(console):
        from rich.table import Table

        table = Table(box=None, header_style="bold")
        for name in ("year", "date", "title", "chars", "sections", "status"):
            table.add_column(name, justify="right" if name in ("chars", "sections") else "left")
        for row in rows:
            table.add_row(str(row.year), row.date, row.title, "" if row.chars is None else fmt.count(row.chars),
                          "" if row.sections is None else str(row.sections), row.status.value)
        console.print(table)

    output(render)


@click.command()
@click.argument("year")
@json_option
@pager_option
@root_option
def show(year: str, as_json: bool, no_pager: bool) -> None:
    """Print the snapshot of YEAR section by section."""
    project = get_project()
    (y,) = parse_years([year])
    snap = store.load(project, y)
    if as_json:
        emit_json("show", snap)
        return

    def render(console):
        from rich.text import Text

        console.print(Text(f"{snap.year}  {snap.date}  {snap.title}", style="bold"))
        console.print(Text(f"{snap.chars} characters, {len(snap.sections)} sections, source seeds/{snap.source}"
                           + (" (edited by hand)" if snap.edited else ""), style="dim"))
        for section in snap.sections:
            console.print()
            if section.level:
                console.print(Text("#" * section.level + " " + section.heading, style="bold cyan"))
            for paragraph in section.paragraphs:
                console.print(Text(paragraph))

    output(render, no_pager=no_pager)

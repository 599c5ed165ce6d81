"""``erqi-diff init [DIR]`` and ``erqi-diff add FILE``."""

from __future__ import annotations

import click

from erqi_diff.cli.common import emit_json, json_option, root_option


def _show(guesses, problems=(), moved=(), manifest: str = "") -> None:
    from erqi_diff.core.init import entry_values

    for g in guesses:
        year, date, title = entry_values(g)
        click.echo(f"{g.file}")
        for name, value, guess in (("year", year, g.year), ("date", date, g.date), ("title", title, g.title)):
            how = guess.certainty.value + (f", from {guess.source}" if guess.source else "")
            if guess.certainty.value == "not found":
                how += ": a stand-in, set the real one"
            click.echo(f"  {name:<5} {value}  ({how})")
    if moved:
        click.echo(f"moved {len(moved)} file(s) into seeds/")
    for p in problems:
        click.echo(f"left out {p.file}: {p.reason}", err=True)
    if manifest:
        click.echo(f"wrote {manifest} ({len(guesses)} report(s)): check the values marked # guessed, "
                   "then run `erqi-diff snapshot`")


@click.command()
@click.argument("folder", metavar="[DIR]", default=".", type=click.Path(file_okay=False, path_type=str))
@json_option
def init(folder: str, as_json: bool) -> None:
    """Start a series from a folder of raw reports: write DIR/seeds/manifest.toml.

    The reports are the files in DIR/seeds/, or, when DIR has no seeds/ yet,
    the files in DIR (moved into DIR/seeds/). Each report's year, date and
    title are guessed from its text and file name (年/月/日, 二〇二一年一月十五日,
    2024年政府工作报告...); what was guessed, and how sure, is printed and marked
    "# guessed" in the manifest. A file that cannot be read or placed is
    named and left out. An existing manifest is never overwritten.

    \b
    erqi-diff init my-series && cd my-series && erqi-diff snapshot
    """
    from erqi_diff.core.init import init_series

    result = init_series(folder)
    if as_json:
        emit_json("init", result)
    else:
        _show(result.reports, result.problems, result.moved, result.manifest)


@click.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=str))
@click.option("--year", type=click.IntRange(1000, 9999), default=None, help="The report's year (else guessed).")
@click.option("--date", default=None, metavar="YYYY-MM-DD", help="The date of the meeting or publication (else guessed).")
@click.option("--title", default=None, help="The meeting or publication (else guessed).")
@click.option("--encoding", default=None, help="The file's text encoding, when it is not UTF-8 or GB18030 (e.g. big5).")
@json_option
@root_option
def add(file: str, year: int | None, date: str | None, title: str | None, encoding: str | None,
        as_json: bool) -> None:
    """Add the report FILE to the series' seeds/manifest.toml.

    A FILE outside seeds/ is copied into it. What --year, --date and --title
    do not give is guessed as `init` does, printed and marked "# guessed".

    \b
    erqi-diff add ~/reports/2024.txt
    erqi-diff add seeds/002.txt --year 2019 --date 2019-08-05
    """
    from pathlib import Path

    from erqi_diff.cli.common import find_root_path
    from erqi_diff.core.init import Added, add_report

    guess, copied = add_report(find_root_path(), Path(file), year, date, title, encoding)
    if as_json:
        emit_json("add", Added(guess, copied))
        return
    if copied:
        click.echo(f"copied {file} to {copied}")
    _show([guess])
    click.echo("added to seeds/manifest.toml: run `erqi-diff snapshot`")

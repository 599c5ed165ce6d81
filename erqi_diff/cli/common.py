"""What every command shares: the project, JSON output, the console, the pager."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from erqi_diff.core.project import Project, load_project


def root_option(f):
    """``--root DIR`` on a command too, so it works after the command name."""
    def store(ctx: click.Context, _param, value):
        if value is not None:
            ctx.ensure_object(dict)["root"] = value
            root = ctx.find_root()
            root.ensure_object(dict)["root"] = value
        return value
    return click.option("--root", type=click.Path(file_okay=False), default=None, expose_value=False,
                        callback=store, is_eager=True,
                        help="Project folder (holding seeds/manifest.toml).")(f)


def json_option(f):
    return click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")(f)


def pager_option(f):
    return click.option("--no-pager", is_flag=True, help="Never page long output.")(f)


def get_project(ctx: click.Context | None = None) -> Project:
    ctx = ctx or click.get_current_context()
    root = None
    while ctx is not None:
        if isinstance(ctx.obj, dict) and ctx.obj.get("root"):
            root = ctx.obj["root"]
            break
        ctx = ctx.parent
    return load_project(root)


def parse_years(values: tuple[str, ...] | list[str]) -> list[int]:
    years = []
    for value in values:
        try:
            years.append(int(value))
        except ValueError:
            raise click.BadParameter(f"{value!r} is not a year", param_hint="YEARS") from None
    return years


def emit_json(kind: str, payload: Any) -> None:
    """Print ``payload`` as the ``--json`` document of result ``kind``
    (:mod:`erqi_diff.views.encode`: the one encoder, with its schema)."""
    from erqi_diff.views.encode import dumps

    click.echo(dumps(kind, payload))


def _terminal_size() -> os.terminal_size:
    """As shutil.get_terminal_size (without importing shutil): $COLUMNS and
    $LINES first, then the terminal, then 100x24 for what is unknown or 0."""
    try:
        columns, lines = os.get_terminal_size(sys.stdout.fileno())
    except (OSError, ValueError):
        columns = lines = 0
    columns = _env_int("COLUMNS") or columns or 100
    lines = _env_int("LINES") or lines or 24
    return os.terminal_size((columns, lines))


def _env_int(name: str) -> int:
    try:
        return max(int(os.environ.get(name, "")), 0)
    except ValueError:
        return 0


def use_color() -> bool:
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def make_console(width: int | None = None):
    """A rich console: colour only on a terminal and never with NO_COLOR;
    width from the terminal, else $COLUMNS, else 100."""
    from rich.console import Console

    if width is None:
        width = _terminal_size().columns
    color = use_color()
    return Console(width=width, no_color=not color, color_system="auto" if color else None,
                   force_terminal=color, highlight=False, soft_wrap=False, emoji=False)


def output(render, no_pager: bool = False, width: int | None = None) -> None:
    """Render with ``render(console)`` and print, through a pager like git's
    (``$PAGER``, else ``less -FRX``) when stdout is a terminal and the output
    is longer than the screen."""
    console = make_console(width)
    with console.capture() as capture:
        render(console)
    text = capture.get()
    tty = sys.stdout.isatty()
    if tty and not no_pager and text.count("\n") > _terminal_size().lines - 1:
        import shutil
        import subprocess

        pager = os.environ.get("PAGER") or "less -FRX"
        if shutil.which(pager.split()[0]):
            env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
            try:
                proc = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=env)
                proc.communicate(text.encode("utf-8"))
                return
            except (OSError, KeyboardInterrupt):
                pass
    sys.stdout.write(text)
    sys.stdout.flush()

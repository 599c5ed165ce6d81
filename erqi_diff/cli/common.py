"""What every command shares: the project, JSON output, the console, the pager.

Output follows git: on a terminal it is coloured (unless ``NO_COLOR`` or
``TERM=dumb``), wrapped to the terminal's width and paged when longer than
the screen; to a pipe or a file it is plain, never wrapped (one paragraph
per line, so ``grep`` finds every sentence) and never paged. Layouts that
need a width whatever the output (``-y``'s two columns, a table's cells)
use ``$COLUMNS``, else 100. ``FORCE_COLOR`` asks for colour in a pipe too.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
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


def get_project(ctx: click.Context | None = None, *, builds: bool = False) -> Project:
    """The project of --root (else the nearest one). Unless the command
    ``builds`` the snapshots, a note on stderr names the snapshots made by
    another version of the normalizer: their sections and text are what that
    version made, and ``erqi-diff snapshot`` rebuilds them."""
    ctx = ctx or click.get_current_context()
    root = None
    while ctx is not None:
        if isinstance(ctx.obj, dict) and ctx.obj.get("root"):
            root = ctx.obj["root"]
            break
        ctx = ctx.parent
    project = load_project(root)
    if not builds:
        _note_other_normalizer(project)
    return project


def _note_other_normalizer(project: Project) -> None:
    from erqi_diff.core.document import NORMALIZER_VERSION
    from erqi_diff.core.snapshot import other_normalizer

    old = other_normalizer(project)
    if old:
        years = ", ".join(str(y) for y in sorted(old))
        versions = "/".join(str(v) for v in sorted(set(old.values())))
        click.echo(f"erqi-diff: note: the snapshots of {years} were made by normalizer {versions} "
                   f"(this version has {NORMALIZER_VERSION}); `erqi-diff snapshot` rebuilds them", err=True)


def find_root_path(ctx: click.Context | None = None):
    """The project folder: --root, else the nearest one above the working directory."""
    from pathlib import Path

    from erqi_diff.core.project import find_root

    ctx = ctx or click.get_current_context()
    while ctx is not None:
        if isinstance(ctx.obj, dict) and ctx.obj.get("root"):
            return Path(ctx.obj["root"])
        ctx = ctx.parent
    return find_root()


_RANGE = re.compile(r"^(\d{1,4})\s*(?:\.\.|-|–|—)\s*(\d{1,4})$")


def parse_years(values: tuple[str, ...] | list[str], series: Sequence[int] | None = None) -> list[int]:
    """The years given on the command line, in their order. With ``series``
    (the project's years) a value may also be a span, ``1993..1998`` (or
    ``1993-1998``): the series' years from the first to the last, both
    included; a span holding none of them is a usage error."""
    years = []
    for value in values:
        span = _RANGE.match(value.strip()) if series is not None else None
        if span is not None and series is not None:
            first, last = int(span.group(1)), int(span.group(2))
            if first > last:
                raise click.BadParameter(f"{value!r}: the first year comes after the last", param_hint="YEARS")
            inside = [y for y in series if first <= y <= last]
            if not inside:
                from erqi_diff.views import format as fmt

                raise click.BadParameter(f"{value!r} holds no year of the series ({fmt.years_phrase(list(series))})",
                                         param_hint="YEARS")
            years.extend(inside)
            continue
        try:
            years.append(int(value))
        except ValueError:
            hint = " (nor a span such as 1993..1998)" if series is not None else ""
            raise click.BadParameter(f"{value!r} is not a year{hint}", param_hint="YEARS") from None
    return years


def span_years(from_year: str, to_year: str | None) -> tuple[int, int]:
    """FROM and TO of a command over a span of years, given as two years
    (``2016 2021``) or as one span (``2016..2021``, ``2016-2021``)."""
    if to_year is None:
        span = _RANGE.match(from_year.strip())
        if span is None:
            raise click.UsageError(f"give two years, FROM TO, or a span FROM..TO (not {from_year!r} alone)")
        first, last = int(span.group(1)), int(span.group(2))
        if first > last:
            raise click.BadParameter(f"{from_year!r}: the first year comes after the last", param_hint="FROM..TO")
        return first, last
    first, last = parse_years([from_year, to_year])
    return first, last


def emit_json(kind: str, payload: Any) -> None:
    """Print ``payload`` as the ``--json`` document of result ``kind``
    (:mod:`erqi_diff.views.encode`: the one encoder, with its schema)."""
    from erqi_diff.views.encode import dumps

    write(dumps(kind, payload) + "\n")


def write(text: str) -> None:
    """Write ``text`` to stdout whole, or nothing at all when stdout's
    encoding cannot hold it (an :class:`OutputError` saying what to set)."""
    check_encodable(text)
    sys.stdout.write(text)
    sys.stdout.flush()


def check_encodable(text: str) -> None:
    from erqi_diff.errors import OutputError

    encoding = getattr(sys.stdout, "encoding", None)
    if not encoding:
        return
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        from erqi_diff.cli import output_encoding_message

        raise OutputError(output_encoding_message()) from None
    except LookupError:
        pass


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


def is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def use_color() -> bool:
    """Colour: never with NO_COLOR; always with FORCE_COLOR (not "0");
    otherwise on a terminal that is not TERM=dumb."""
    if os.environ.get("NO_COLOR"):
        return False
    force = os.environ.get("FORCE_COLOR")
    if force and force != "0":
        return True
    return is_terminal() and os.environ.get("TERM") != "dumb"


#: A console's width when its output is not a terminal: wide enough that no
#: table folds a cell; text does not wrap at all there.
UNBOUNDED = 4096


def make_console(width: int | None = None):
    """A rich console: colour as :func:`use_color` says. On a terminal text
    wraps at its width (else $COLUMNS, else 100). Elsewhere text never wraps
    (``soft_wrap``), tables take the room they need, and that width is the
    console's ``layout_width``, for layouts that must have one (``-y``)."""
    from rich.console import Console

    from erqi_diff.views.terminal.controls import install

    install()  # rich's Text without str.translate on Chinese text (the same text, ~10 ms less on a diff)
    size = _terminal_size()
    layout = width or size.columns
    color = use_color()
    terminal = is_terminal()
    # a height too: rich takes a width alone as 80 columns on TERM=dumb when colour is forced
    console = Console(width=layout if terminal or width else UNBOUNDED, height=size.lines, no_color=not color,
                      color_system="auto" if color else None, force_terminal=color, highlight=False,
                      soft_wrap=not terminal, emoji=False)
    setattr(console, "layout_width", layout)  # noqa: B010 (rich's Console has no such field)
    return console


def output(render, no_pager: bool = False, width: int | None = None) -> None:
    """Render with ``render(console)`` and print, through a pager like git's
    (``$PAGER``, else ``less -FRX``) when stdout is a terminal and the output
    is longer than the screen."""
    page(render_text(render, width), no_pager)


def render_text(render, width: int | None = None) -> str:
    """What ``render(console)`` prints, as text (with colour codes on a
    colour terminal; without padding at the ends of lines elsewhere)."""
    console = make_console(width)
    with console.capture() as capture:
        render(console)
    text = capture.get()
    if not is_terminal():
        text = "\n".join(line.rstrip() for line in text.split("\n"))  # no padding at the ends of lines
    return text


def view_settings() -> list[str]:
    """What a rendered view depends on besides its data: the width, colour,
    and whether stdout is a terminal (a key part of a cached view)."""
    return [str(_terminal_size().columns), str(use_color()), str(is_terminal())]


def page(text: str, no_pager: bool = False) -> None:
    """Print ``text``, through the pager when stdout is a terminal and the
    text is longer than the screen (see :func:`output`)."""
    check_encodable(text)
    tty = is_terminal()
    if tty and not no_pager and text.count("\n") > _terminal_size().lines - 1:
        import shutil
        import subprocess

        pager = os.environ.get("PAGER") or "less -FRX"
        if shutil.which(pager.split()[0]):
            env = {**os.environ, "LESS": os.environ.get("LESS", "FRX")}
            try:
                proc = subprocess.Popen(pager, shell=True, stdin=subprocess.PIPE, env=env)
            except OSError:
                proc = None
            if proc is not None:
                try:
                    proc.communicate(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
                except KeyboardInterrupt:  # Ctrl-C in the pager is the pager's: wait for it to quit
                    proc.wait()
                return
    sys.stdout.write(text)
    sys.stdout.flush()

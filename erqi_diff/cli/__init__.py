"""The ``erqi-diff`` command line: a thin layer over the library.

Each command lives in a small module of this package and is imported only
when it runs, so ``erqi-diff --help`` and every command start fast. Library
errors (:class:`erqi_diff.errors.ErqiError`) become a one-line message and
exit status 2, as diff does for trouble.

Exit statuses: 0 done (for ``--exit-code`` and ``snapshot --check``: no
difference, all fresh), 1 different or stale, 2 trouble (a message on
stderr says what and what to do), 130 interrupted (Ctrl-C), 141 the reader
of a pipe went away (``erqi-diff show 2017 | head``: nothing printed).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import os
import re
import signal
import sys

import click

from erqi_diff import __version__
from erqi_diff.errors import ErqiError

# name -> (module, attribute, one-line help shown by `erqi-diff --help`)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "diff": ("erqi_diff.cli.diff", "diff", "Compare two years section by section (the default command)."),
    "sections": ("erqi_diff.cli.sections", "sections", "Each topic's sections across the years: splits, merges, ends."),
    "snapshot": ("erqi_diff.cli.snapshot", "snapshot", "Build the snapshots from the seeds, or --check them."),
    "years": ("erqi_diff.cli.snapshot", "years", "List the years of the series and their snapshots' status."),
    "show": ("erqi_diff.cli.snapshot", "show", "Print one year's snapshot, section by section."),
    "slogans": ("erqi_diff.cli.slogans", "slogans", "Slogans (提法) by year: new, returned, changed, retired."),
    "trace": ("erqi_diff.cli.trace", "trace", "Follow any term through the years, occurrence by occurrence."),
    "metrics": ("erqi_diff.cli.facts", "metrics", "Metrics (GDP, prices, jobs...) by the year they describe."),
    "goals": ("erqi_diff.cli.facts", "goals", "Goals set (targets, plans) and what later reports say: met, missed..."),
    "targets": ("erqi_diff.cli.facts", "targets", "The targets panel: target, outcome, verdict and margin by year."),
    "changelog": ("erqi_diff.cli.changelog", "changelog", "Markdown changelog of what changed between years."),
    "reuse": ("erqi_diff.cli.reuse", "reuse", "Audit wording reused across years and within a report."),
    "corpus": ("erqi_diff.cli.corpus", "corpus", "Reuse audit across thousands of reports (DuckDB or Spark)."),
    "report": ("erqi_diff.cli.report", "report", "One self-contained HTML page of a span of years."),
    "init": ("erqi_diff.cli.init", "init", "Start a series from a folder of reports: write seeds/manifest.toml."),
    "add": ("erqi_diff.cli.init", "add", "Add one report to the series' seeds/manifest.toml."),
    "browse": ("erqi_diff.cli.browse", "browse", "Browse the series full-screen: slogans, targets, sections, diffs."),
}

# Optional packages (imported only where used) -> the extra that installs them.
EXTRAS = {"pygal": "report", "duckdb": "corpus", "pyarrow": "corpus", "pyspark": "spark", "pandas": "spark",
          "jieba": "word", "textual": "tui"}

_YEAR = re.compile(r"^\d{4}$")
# Commands that may run long over many documents: the cyclic collector stays on.
_COLLECTED = {"reuse", "corpus", "report", "browse"}


class LazyGroup(click.Group):
    """A group that imports a command's module only when the command runs,
    treats ``erqi-diff 2017 2021`` as ``erqi-diff diff 2017 2021``, and turns
    library errors into exit status 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, attr, _ = COMMANDS[name]
        return getattr(importlib.import_module(module), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Short help from the table above: listing commands imports none of them.
        with formatter.section("Commands"):
            formatter.write_dl([(name, text) for name, (_, _, text) in COMMANDS.items()])

    def resolve_command(self, ctx: click.Context, args: list[str]):
        if args and _YEAR.match(args[0]):
            args = ["diff", *args]
        name, command, rest = super().resolve_command(ctx, args)
        if name in _COLLECTED:
            gc.enable()
        return name, command, rest

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        # `erqi-diff 2017 2021` and `erqi-diff --root X 2017 2021`: insert "diff".
        args = list(args)
        i = 0
        while i < len(args) and args[i].startswith("-") and args[i] not in ("--help", "--version"):
            i += 2 if args[i] == "--root" else 1
        if i < len(args) and _YEAR.match(args[i]):
            args.insert(i, "diff")
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            # Not click's "Aborted!" and 1 (which --exit-code uses for "different").
            raise SystemExit(INTERRUPTED) from None
        except BrokenPipeError:
            _silence_stdout()
            raise SystemExit(BROKEN_PIPE) from None
        except ErqiError as exc:
            raise _trouble(str(exc)) from None
        except UnicodeEncodeError as exc:
            if not _is_output_encoding(exc):
                raise
            raise _trouble(output_encoding_message()) from None
        except ModuleNotFoundError as exc:
            package = (exc.name or "").split(".")[0]
            if package not in EXTRAS:
                raise
            raise _trouble(f"this needs the Python package {package}, which is not installed: "
                           f"pip install 'erqi-diff[{EXTRAS[package]}]'") from None


def _trouble(message: str) -> click.ClickException:
    """A message and exit status 2, as diff reports trouble."""
    error = click.ClickException(message)
    error.exit_code = 2
    return error


INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C
BROKEN_PIPE = 141  # 128 + SIGPIPE, as git exits when its reader goes away


def _is_output_encoding(exc: UnicodeEncodeError) -> bool:
    """Whether ``exc`` came from writing to a standard stream whose encoding
    cannot hold the text (PYTHONIOENCODING=ascii, an old code page)."""
    import codecs

    def norm(name: str | None) -> str:
        try:
            return codecs.lookup(name or "").name
        except LookupError:
            return name or ""

    streams = (sys.stdout, sys.stderr)
    return any(s is not None and norm(getattr(s, "encoding", None)) == norm(exc.encoding) for s in streams)


def output_encoding_message() -> str:
    encoding = getattr(sys.stdout, "encoding", None) or "unknown"
    return (f"the output's encoding ({encoding}) cannot write Chinese text: use a UTF-8 locale "
            "(e.g. LANG=C.UTF-8) or set PYTHONIOENCODING=utf-8")


def main(args: list[str] | None = None, prog_name: str = "erqi-diff") -> None:
    """The ``erqi-diff`` program: the command group run with the cyclic
    collector paused. A short command allocates many acyclic objects at
    start-up (imports, dataclasses) that the collector would keep rescanning;
    when the command is done they are frozen (:func:`gc.freeze`), so that
    neither the collection that switching it back on sets off nor the one at
    the process's exit scans them again (~10 ms on the diff's first run).
    Commands that work through large corpora switch it back on
    (:meth:`LazyGroup.resolve_command`).

    Outside the commands it handles what no command can: a standard output
    that is closed (``erqi-diff 2017 2021 >&-``: exit 2, saying so), a reader
    that goes away (exit 141, silently), Ctrl-C (exit 130, no traceback)."""
    _catch_interrupts()
    try:
        _main(args, prog_name)
    except KeyboardInterrupt:
        sys.exit(INTERRUPTED)
    finally:
        # the outcome is decided: a Ctrl-C now (while Python shuts down) would
        # only turn it into a death by signal
        with contextlib.suppress(ValueError, AttributeError):  # not the main thread; no SIGALRM (Windows)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.setitimer(signal.ITIMER_REAL, 0)  # an interrupt waiting to be delivered again
            signal.signal(signal.SIGALRM, signal.SIG_IGN)


#: A Ctrl-C that lands inside Python's import machinery is delivered again this many seconds later.
RETRY_INTERRUPT = 0.01


def _catch_interrupts() -> None:
    """Ctrl-C raises KeyboardInterrupt, as by default, except inside Python's
    import machinery: a module imported on first use (most are) may be
    interrupted in a weak-reference callback of its import lock, where the
    exception is printed as "Exception ignored" with a traceback and the
    command runs on. There it is delivered again a moment later (SIGALRM)."""
    def interrupt(signum, frame) -> None:
        while frame is not None:
            if frame.f_code.co_filename.startswith("<frozen importlib"):
                signal.setitimer(signal.ITIMER_REAL, RETRY_INTERRUPT)
                return
            frame = frame.f_back
        raise KeyboardInterrupt

    if not hasattr(signal, "setitimer"):  # Windows: the default
        return
    with contextlib.suppress(ValueError):  # ValueError: not the main thread
        signal.signal(signal.SIGINT, interrupt)
        signal.signal(signal.SIGALRM, interrupt)


def _main(args: list[str] | None, prog_name: str) -> None:
    from erqi_diff.core.runtime import gc_paused

    if sys.stdout is None or _closed(sys.stdout):
        _say("erqi-diff: standard output is closed: there is nowhere to print; "
             "run it with its output going to a terminal, a file or a pipe")
        sys.exit(2)
    with contextlib.suppress(AttributeError, ValueError):  # a message must get out whatever stderr's encoding
        sys.stderr.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    try:
        with gc_paused():
            try:
                # not click's standalone mode: it turns Ctrl-C into "Aborted!" and exit 1
                code = cli.main(args, prog_name=prog_name, standalone_mode=False)
            finally:
                gc.freeze()  # the run is over: what it made stays until the process ends (see main)
    except click.exceptions.Abort as exc:
        if isinstance(exc.__cause__, KeyboardInterrupt):
            sys.exit(INTERRUPTED)
        _say("Aborted!")  # end of input where a prompt wanted an answer
        sys.exit(1)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.exit(INTERRUPTED)
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(BROKEN_PIPE)
    except SystemExit as exc:
        if exc.code in (0, None):
            _flush()
        raise
    _flush()
    sys.exit(code if isinstance(code, int) else 0)


def _flush() -> None:
    """Flush stdout now: a reader gone before the last write is 141, quietly."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(BROKEN_PIPE)
    except (OSError, ValueError):
        pass


def _closed(stream) -> bool:
    import io

    try:
        os.fstat(stream.fileno())
    except io.UnsupportedOperation:  # a stream without a file descriptor (a test runner's buffer)
        return False
    except (OSError, ValueError):
        return True
    return False


def _say(message: str) -> None:
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(message, file=sys.stderr)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's flush at exit does not
    complain about the pipe a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--root", type=click.Path(file_okay=False, path_type=str), default=None,
              help="Project folder (holding seeds/manifest.toml). Default: the nearest one above the working directory.")
@click.version_option(__version__, prog_name="erqi-diff")
@click.pass_context
def cli(ctx: click.Context, root: str | None) -> None:
    """Diff and version a series of Chinese government work reports.

    \b
    erqi-diff 2017 2021          what changed from 2017 to 2021
    erqi-diff snapshot --check   are the snapshots up to date?
    erqi-diff changelog 2016 2021 -o CHANGELOG.md
    """
    ctx.obj = {"root": root}

"""The ``erqi-diff`` command line: a thin layer over the library.

Each command lives in a small module of this package and is imported only
when it runs, so ``erqi-diff --help`` and every command start fast. Library
errors (:class:`erqi_diff.errors.ErqiError`) become a one-line message and
exit status 2, as diff does for trouble.
"""

from __future__ import annotations

import gc
import importlib
import re

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
    "slogans": ("erqi_diff.cli.extract", "slogans", "Slogans (提法) by year: new, retired, variants."),
    "metrics": ("erqi_diff.cli.extract", "metrics", "Metrics (GDP, growth...) by year, with trend."),
    "goals": ("erqi_diff.cli.extract", "goals", "Goals set (力争, 确保...) and what later reports say."),
    "changelog": ("erqi_diff.cli.changelog", "changelog", "Markdown changelog of what changed between years."),
    "reuse": ("erqi_diff.cli.reuse", "reuse", "Audit wording reused across years and within a report."),
    "corpus": ("erqi_diff.cli.corpus", "corpus", "Reuse audit across thousands of reports (DuckDB or Spark)."),
    "report": ("erqi_diff.cli.report", "report", "One self-contained HTML page of a span of years."),
}

# Optional packages (imported only where used) -> the extra that installs them.
EXTRAS = {"pygal": "report", "duckdb": "corpus", "pyarrow": "corpus", "pyspark": "spark", "pandas": "spark",
          "jieba": "word"}

_YEAR = re.compile(r"^\d{4}$")
# Commands that may run long over many documents: the cyclic collector stays on.
_COLLECTED = {"reuse", "corpus", "report"}


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
        except ErqiError as exc:
            raise _trouble(str(exc)) from None
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


def main(args: list[str] | None = None, prog_name: str = "erqi-diff") -> None:
    """The ``erqi-diff`` program: the command group run with the cyclic
    collector paused. A short command allocates many acyclic objects at
    start-up (imports, dataclasses) that the collector would keep rescanning,
    and run once more at exit; paused, a short command pays for neither.
    Commands that work through large corpora switch it back on
    (:meth:`LazyGroup.resolve_command`)."""
    from erqi_diff.core.runtime import gc_paused

    with gc_paused():
        cli.main(args, prog_name=prog_name)


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

"""Progress bars of long runs (``erqi-diff corpus run``), on stderr and
only when stderr is a terminal."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rich.progress import TaskID


class StageProgress:
    """One progress bar per stage, on stderr."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        color = sys.stderr.isatty() and not os.environ.get("NO_COLOR")
        console = Console(stderr=True, no_color=not color, color_system="auto" if color else None, highlight=False)
        self.bar = Progress(TextColumn("{task.description:<20}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), TextColumn("{task.fields[note]}"), console=console,
                            transient=False, disable=not sys.stderr.isatty())
        self.console = console
        self.task: TaskID | None = None

    def __enter__(self):
        self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        self.bar.stop()

    def start(self, stage, total) -> None:
        self.task = self.bar.add_task(stage.title, total=total, note="")

    def advance(self, n: int) -> None:
        if self.task is not None:
            self.bar.advance(self.task, n)

    def finish(self, result) -> None:
        note = f"{result.rows:,} rows" + (" (done before, skipped)" if result.skipped else f" in {result.seconds:.1f}s")
        task_id = self.task if self.task is not None else self.bar.add_task(result.title, total=1, note="")
        task = self.bar.tasks[-1]
        self.bar.update(task_id, total=task.total or 1, completed=task.total or 1, note=note)
        if self.bar.disable:
            click.echo(f"{result.title:<20} {note}", err=True)
        self.task = None

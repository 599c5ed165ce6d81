"""Helpers of the ``erqi-diff browse`` tests: an app over a project, what a
screen or a widget shows as plain text, keys pressed with the panes' workers
waited for."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console


def make_app(root: Path, name: str | None = None, no_color: bool | None = False):
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many
    from erqi_diff.extract.lexicon import load as load_lexicon
    from erqi_diff.views.tui.app import BrowseApp
    from erqi_diff.views.tui.data import SeriesData

    project = load_project(root)
    data = SeriesData(project.root, load_many(project), load_lexicon(project.root), name=name)
    return BrowseApp(data, no_color=no_color)


async def settle(pilot) -> None:
    """Wait for the panes' workers and the screen to catch up."""
    from erqi_diff.views.tui.panes import REST

    await pilot.app.workers.wait_for_complete()
    await pilot.pause(REST * 2)  # a detail is laid out once the cursor rests
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def press(pilot, *keys: str) -> None:
    """Press ``keys``, then wait for what they started."""
    await pilot.press(*keys)
    await settle(pilot)


def screen_text(app) -> str:
    """The screen as a reader sees it, as plain text."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, color_system="truecolor",
                      record=True, legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


def widget_text(widget, width: int | None = None) -> str:
    """All a Static holds (scrolled out of sight too), laid out at its width."""
    console = Console(width=width or max(widget.content_size.width, 40), file=io.StringIO(), record=True,
                      color_system=None, legacy_windows=False)
    console.print(widget.content)
    return console.export_text()


def screen_segments(app) -> list:
    """The styled segments of the screen (after the app's filters)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, color_system="truecolor",
                      record=True, legacy_windows=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return list(console._record_buffer)

"""`erqi-diff browse`: the first screen after start-up (issue 17). Target:
the slogans pane laid out with its results within 0.8 s on the seeds.

Measured in process, headless (Textual's run_test, 100x30), from the moment
the modules are imported (Python, click, textual: start-up) to the first
pane laid out with its results: loading the project and its snapshots,
building the app, mounting it, reading the slogans in a worker and filling
the timeline. The baseline, measured in the same run the same way, is an
app of one Static line (Textual's own cost of a first screen); each figure
is the best of 5 and its ratio to the baseline is printed. "cold" runs with
an empty cache (ERQI_DIFF_CACHE), "warm" with the cache of the run before.
The national reports (7, gwr) are timed too, for information.

    python benchmarks/bench_browse.py
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

from common import REPO

sys.path.insert(0, str(REPO / "tests"))

TARGET = 0.8
SIZE = (100, 30)
REPEAT = 5


async def _until(app, attribute: str) -> float:
    start = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        while getattr(app, attribute) is None:
            await asyncio.sleep(0.001)
        await pilot.pause()  # the frame with the results drawn
        return time.perf_counter() - start


def baseline() -> float:
    from textual.app import App
    from textual.widgets import Static

    class Hello(App):
        shown: float | None = None

        def compose(self):
            yield Static("erqi-diff")

        def on_mount(self) -> None:
            self.call_after_refresh(lambda: setattr(self, "shown", time.perf_counter()))

    async def once() -> float:
        start = time.perf_counter()
        app = Hello()
        async with app.run_test(size=SIZE) as pilot:
            while app.shown is None:
                await asyncio.sleep(0.001)
            await pilot.pause()
        return time.perf_counter() - start

    return min(asyncio.run(once()) for _ in range(REPEAT))


def first_screen(root: Path) -> float:
    """Seconds from nothing loaded to the slogans pane laid out with its results."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many
    from erqi_diff.extract.lexicon import load as load_lexicon
    from erqi_diff.views.tui.app import BrowseApp
    from erqi_diff.views.tui.data import SeriesData

    async def once() -> float:
        start = time.perf_counter()
        project = load_project(root)
        data = SeriesData(project.root, load_many(project), load_lexicon(project.root))
        app = BrowseApp(data, no_color=False)
        async with app.run_test(size=SIZE) as pilot:
            while app.first_screen_at is None:
                await asyncio.sleep(0.001)
            await pilot.pause()
        return time.perf_counter() - start

    return asyncio.run(once())


def main() -> int:
    start = time.perf_counter()
    import textual.app  # noqa: F401  (start-up: imported before timing, as the command imports it)

    import erqi_diff.views.tui.app  # noqa: F401

    print(f"imports (textual and the app's modules): {time.perf_counter() - start:.3f} s")
    base = baseline()
    print(f"baseline: first screen of a one-line Textual app: {base:.3f} s")
    from conftest import GWR, GWR_YEARS, make_project

    tmp = Path(tempfile.mkdtemp())
    gwr = make_project(tmp / "gwr", {y: GWR / f"{y}.txt" for y in GWR_YEARS})
    worst = 0.0
    print(f"{'series':<8} {'cache':<6} {'first screen s':>15} {'x baseline':>11}")
    for name, root in (("seeds", REPO), ("gwr", gwr)):
        os.environ["ERQI_DIFF_CACHE"] = str(tmp / f"cache-{name}")
        cold = first_screen(root)
        warm = min(first_screen(root) for _ in range(REPEAT))
        for label, t in (("cold", cold), ("warm", warm)):
            print(f"{name:<8} {label:<6} {t:15.3f} {t / base:11.2f}")
        if name == "seeds":
            worst = max(cold, warm)
    verdict = "within" if worst <= TARGET else "OVER"
    print(f"seeds: first screen {worst:.3f} s, {verdict} the target of {TARGET} s after start-up")
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())

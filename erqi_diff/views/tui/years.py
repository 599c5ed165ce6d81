"""The years along the top of ``erqi-diff browse``: every report of the
series, the two picked for the diff marked ``[2019]``. ←/→ move the cursor,
space or enter picks the year under it (it replaces the one picked longer
ago), a click picks a year."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class YearsBar(Widget, can_focus=True):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "move(-1)", "Earlier", show=False),
        Binding("right", "move(1)", "Later", show=False),
        Binding("space,enter", "pick", "Pick year"),
    ]

    cursor: reactive[int] = reactive(0)

    class Picked(Message):
        """The two years picked changed: ``older`` and ``newer`` (equal with one report)."""

        def __init__(self, older: int, newer: int) -> None:
            super().__init__()
            self.older = older
            self.newer = newer

    def __init__(self, years: list[int], **kwargs) -> None:
        super().__init__(**kwargs)
        self.years = list(years)
        self.picks: list[int] = self.years[-2:]  # oldest pick first
        self.cursor = max(len(self.years) - 1, 0)
        self._spans: list[tuple[int, int, int]] = []  # (start, end, year) in cells

    @property
    def pair(self) -> tuple[int, int]:
        return min(self.picks), max(self.picks)

    def render(self) -> Text:
        out = Text()
        out.append("Years ", style="bold")
        self._spans = []
        for k, year in enumerate(self.years):
            picked = year in self.picks
            label = f"[{year}]" if picked else f" {year} "
            style = "bold reverse" if picked else ""
            if k == self.cursor and self.has_focus:
                style += " underline"
            start = out.cell_len
            out.append(label, style=style.strip())
            self._spans.append((start, out.cell_len, year))
            out.append(" ")
        older, newer = self.pair
        if len(self.years) < 2:
            out.append("  one report: no diff", style="dim")
        else:
            out.append(f"  diff {older} → {newer}", style="dim")
        return out

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def watch_cursor(self) -> None:
        self.refresh()

    def action_move(self, step: int) -> None:
        if self.years:
            self.cursor = (self.cursor + step) % len(self.years)

    def action_pick(self) -> None:
        if self.years:
            self.pick(self.years[self.cursor])

    def pick(self, year: int) -> None:
        """Pick ``year`` for the diff (it replaces the year picked longer ago)."""
        if year in self.picks or year not in self.years:
            return
        self.picks = (self.picks + [year])[-2:]
        self.cursor = self.years.index(year)
        self.refresh()
        self.post_message(self.Picked(*self.pair))

    def on_click(self, event: events.Click) -> None:
        for start, end, year in self._spans:
            if start <= event.x < end:
                self.cursor = self.years.index(year)
                self.pick(year)
                return

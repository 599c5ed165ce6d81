"""``erqi-diff browse``: the Textual app over a series' results.

The screen: the series' name, the years along the top (two picked for the
diff), five panes in tabs (slogans, targets and metrics, sections, diff,
search) and the keys at the bottom. A terminal smaller than
:data:`MIN_SIZE` shows a message instead of the panes until it grows.
"""

from __future__ import annotations

from typing import ClassVar

import time

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Static, TabbedContent, TabPane

from erqi_diff.views import format as fmt
from erqi_diff.views.tui.data import SeriesData
from erqi_diff.views.tui.panes import DiffPane, FiguresPane, Pane, SearchPane, SectionsPane, SlogansPane
from erqi_diff.views.tui.years import YearsBar

#: The smallest terminal the layout works in (columns, lines).
MIN_SIZE = (60, 20)
#: From this many columns on, a pane's list and its detail stand side by side.
WIDE = 150
PANES = (("slogans", "Slogans", SlogansPane), ("figures", "Targets & metrics", FiguresPane),
         ("sections", "Sections", SectionsPane), ("diff", "Diff", DiffPane), ("search", "Search", SearchPane))

#: The keys, as ``?`` lists them (and docs/browse.md).
KEYS = (
    ("1 … 5", "show a pane: slogans, targets & metrics, sections, diff, search"),
    ("tab / shift+tab", "move between the years bar, the list and the detail of a pane"),
    ("↑ ↓ pgup pgdn home end", "move in a list (its detail follows) or scroll a detail"),
    ("enter", "sections: show the diff of the link under the cursor"),
    ("y", "the years bar: ← → move, space or enter picks a year for the diff"),
    ("v", "diffs inline or side by side"),
    ("/", "search every report's text (enter runs it; escape leaves the box)"),
    ("?", "this list of keys (escape closes it)"),
    ("q", "quit"),
    ("mouse", "click a tab, a year, a row or a link; the wheel scrolls"),
)


class HelpScreen(ModalScreen):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        from rich.console import Group
        from rich.table import Table

        keys = Table.grid(padding=(0, 2))
        keys.add_column(style="bold", no_wrap=True)
        keys.add_column()
        for key, what in KEYS:
            keys.add_row(key, what)
        signs = (("+", "new"), ("^", "returned"), ("~", "changed"), ("-", "retired"), ("_", "left out"),
                 ("·", "absent"))
        marks = Text("Marks in the slogans timeline: " + "   ".join(f"{sign} {word}" for sign, word in signs),
                     style="dim")
        marks.append("\nIn a diff: ~ changed, - removed, + added, > moved here, < moved away", style="dim")
        with VerticalScroll(id="help"):
            yield Static(Group(Text("Keys of erqi-diff browse\n", style="bold"), keys, Text(""), marks))

    def action_dismiss(self, result=None) -> None:  # type: ignore[override]
        self.app.pop_screen()


class MainScreen(Screen):
    def compose(self) -> ComposeResult:
        data: SeriesData = self.app.data  # type: ignore[attr-defined]
        with Container(id="main"):
            title = Text()
            title.append("erqi-diff browse", style="bold")
            title.append(f"  {data.name} · {fmt.plural(len(data.years), 'report')} "
                         f"{fmt.years_phrase(data.years)}", style="dim")
            yield Static(title, id="title")
            yield YearsBar(data.years, id="years")
            with TabbedContent(initial="slogans"):
                for ident, label, kind in PANES:
                    with TabPane(label, id=ident):
                        yield kind(id=f"{ident}-pane")
            yield Footer()
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self._fit(self.size.width, self.size.height)
        self.call_after_refresh(self.app._activate, "slogans")  # type: ignore[attr-defined]

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        small = width < MIN_SIZE[0] or height < MIN_SIZE[1]
        self.set_class(small, "too-small")
        self.set_class(width >= WIDE, "wide")
        if small:
            self.query_one("#too-small", Static).update(Text(
                f"The terminal is {width}x{height}; erqi-diff browse needs at least {MIN_SIZE[0]}x{MIN_SIZE[1]}.\n"
                "Make it larger, or press q to quit.", justify="center"))


class BrowseApp(App):
    """The app over ``data`` (:class:`SeriesData`)."""

    CSS_PATH = "browse.tcss"
    ENABLE_COMMAND_PALETTE = False
    TITLE = "erqi-diff browse"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("question_mark", "help", "Keys"),
        Binding("slash", "search", "Search"),
        Binding("y", "years", "Years"),
        Binding("v", "toggle_side", "Inline/side"),
        Binding("1", "pane('slogans')", "Slogans", show=False),
        Binding("2", "pane('figures')", "Targets", show=False),
        Binding("3", "pane('sections')", "Sections", show=False),
        Binding("4", "pane('diff')", "Diff", show=False),
        Binding("5", "pane('search')", "Search", show=False),
    ]

    def __init__(self, data: SeriesData, no_color: bool | None = None) -> None:
        import os

        from textual.filter import Monochrome, NoColor

        plain = bool(os.environ.get("NO_COLOR")) if no_color is None else no_color
        super().__init__(ansi_color=True if plain else None)
        self.no_color = plain
        # Textual greys the screen out on NO_COLOR; here no colour at all, and only when ``plain``
        self._filters = [f for f in self._filters if not isinstance(f, (Monochrome, NoColor))]
        if plain:
            self._filters.append(NoColor())
            self.theme = "ansi-dark"
        self.data = data
        self.side_by_side = False
        self.started = time.perf_counter()
        self.first_screen_at: float | None = None

    def get_default_screen(self) -> Screen:
        return MainScreen()

    def first_screen_shown(self) -> None:
        """The first pane is laid out with its results (the benchmark's mark)."""
        if self.first_screen_at is None:
            self.first_screen_at = time.perf_counter()

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id:
            self._activate(event.pane.id)

    def _pane(self, ident: str) -> Pane:
        return self.screen.query_one(f"#{ident}-pane", Pane)

    def _activate(self, ident: str) -> None:
        self._pane(ident).activate()
        self.call_after_refresh(self._focus_pane, ident)  # once shown: a hidden widget takes no focus

    def _focus_pane(self, ident: str) -> None:
        """Focus the list of pane ``ident`` if it is still the one shown and
        the focus is elsewhere (never pulling the tabs back to another pane)."""
        if not isinstance(self.screen, MainScreen) or self.screen.query_one(TabbedContent).active != ident:
            return
        pane = self._pane(ident)
        if self.focused is None or pane not in self.focused.ancestors:
            pane.focus_main()

    def action_pane(self, ident: str) -> None:
        tabs = self.screen.query_one(TabbedContent)
        if tabs.active != ident:
            self.screen.set_focus(None)  # a focused widget in the pane hidden would pull its tab back
            tabs.active = ident

    def action_search(self) -> None:
        self.action_pane("search")
        self.screen.set_focus(self.screen.query_one("#search-input"))  # now: keys typed ahead go to the box

    def action_years(self) -> None:
        self.screen.set_focus(self.screen.query_one(YearsBar))  # now: keys typed ahead go to the bar

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_side(self) -> None:
        self.side_by_side = not self.side_by_side
        for ident in ("sections", "diff"):
            pane = self._pane(ident)
            pane.refresh_diff()  # type: ignore[attr-defined]

    def on_years_bar_picked(self, event: YearsBar.Picked) -> None:
        diff = self._pane("diff")
        if self.screen.query_one(TabbedContent).active == "diff":
            diff.activate()

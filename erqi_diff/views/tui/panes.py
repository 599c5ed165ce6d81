"""The panes of ``erqi-diff browse``: slogans, targets and metrics, sections,
the diff of the two years picked, and search.

Each pane asks :class:`erqi_diff.views.tui.data.SeriesData` for its results
the first time it is shown, in a worker thread, with a line saying what it
is reading meanwhile; the rich text comes from :mod:`erqi_diff.views.tui.text`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.console import Group
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, VerticalScroll
from textual.widgets import DataTable, Input, Static, Tree

from erqi_diff.errors import ErqiError
from erqi_diff.views import format as fmt
from erqi_diff.views.tui import text as tx

#: Cells of a slogan's name in the timeline (the detail has it whole).
SLOGAN_CELLS = 28
INDICATOR_CELLS = 14
#: Seconds the cursor rests on a row before its detail is laid out.
REST = 0.04
MARK_STYLE = {"added": "green", "returned": "cyan", "changed": "yellow", "retired": "red", "left_out": "dim"}


def clip(text: str, cells: int) -> str:
    return text if cell_len(text) <= cells else set_cell_size(text, cells - 1) + "…"


def fill(table: DataTable, header: Sequence[str], rows: Sequence[Sequence[Text]]) -> None:
    """Columns as wide as their widest cell (CJK counted as two cells), then the rows."""
    table.clear(columns=True)
    for k, name in enumerate(header):
        table.add_column(name, key=name, width=max([cell_len(name)] + [r[k].cell_len for r in rows]))
    for k, row in enumerate(rows):
        table.add_row(*row, key=str(k))


class Pane(Container):
    """A pane whose results are read once, in a worker thread."""

    loaded = False
    reading = "Reading…"

    @property
    def data(self):
        return self.app.data  # type: ignore[attr-defined]

    @property
    def plain(self) -> bool:
        return bool(self.app.no_color)

    def status(self, text: str, style: str = "dim") -> None:
        self.query_one(".status", Static).update(Text(text, style=style))

    def activate(self) -> None:
        """The pane is shown: read its results the first time."""
        if not self.loaded:
            self.loaded = True
            self.status(self.reading)
            self.run_worker(self._work, thread=True, group=f"load-{self.id}", exclusive=True)

    def _work(self) -> None:
        try:
            result = self.compute()
        except ErqiError as exc:
            self._later(self.status, f"Cannot show this: {exc}", "red")
            return
        self._later(self.show, result)

    def _later(self, *call) -> None:
        with contextlib.suppress(RuntimeError):  # the app has quit meanwhile
            self.app.call_from_thread(*call)

    def compute(self):
        raise NotImplementedError

    def show(self, result) -> None:
        raise NotImplementedError

    _timer = None

    def later(self, show) -> None:
        """Run ``show`` once the cursor rests (a key held down does not lay out every row passed)."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(REST, show)

    def focus_main(self) -> None:
        for widget in self.query("DataTable, Tree, Input, VerticalScroll"):
            widget.focus()
            return


class SlogansPane(Pane):
    reading = "Reading the slogans of every report…"

    def compose(self) -> ComposeResult:
        yield Static(classes="status")
        with Container(classes="split"):
            yield DataTable(id="slogan-table", classes="list", cursor_type="row", zebra_stripes=False)
            with VerticalScroll(id="slogan-detail", classes="detail"):
                yield Static(id="slogan-text")

    def compute(self):
        return self.data.timeline()

    def show(self, timeline) -> None:
        self.timeline = timeline
        rows = []
        for row in timeline.rows:
            style = "green" if "added" in {m.value for m in row.marks.values()} else ""
            cells: list = [Text(clip(row.slogan.slogan, SLOGAN_CELLS), style=style)]
            for y in timeline.years:
                mark = row.marks.get(y)
                cells.append(Text(tx.timeline_cell(row, y), justify="right",
                                  style=MARK_STYLE.get(mark.value, "") if mark is not None else ""))
            cells.append(Text(tx.marks_note(row.marks, timeline.years), style="dim"))
            rows.append(cells)
        fill(self.query_one(DataTable), ["slogan", *map(str, timeline.years), "what became of it"], rows)
        note = f"{fmt.plural(len(timeline.rows), 'slogan')} in {fmt.years_phrase(timeline.years)}.  {tx.LEGEND}"
        if timeline.empty:
            note += f"\nNo slogans found in {', '.join(map(str, timeline.empty))}."
        self.status(note)
        if not timeline.rows:
            self.query_one("#slogan-text", Static).update(Text("No slogans found in any report.", style="dim"))
            self.app.first_screen_shown()  # type: ignore[attr-defined]

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is None or event.row_key.value is None:
            return
        row = self.timeline.rows[int(event.row_key.value)]
        if self.app.first_screen_at is None:  # type: ignore[attr-defined]
            self._detail(row)  # the first screen: at once
        else:
            self.later(lambda: self._detail(row))

    def _detail(self, row) -> None:
        hits = self.data.occurrences(row)
        self.query_one("#slogan-text", Static).update(tx.slogan_detail(row, hits, self.timeline.years, self.plain))
        self.query_one("#slogan-detail", VerticalScroll).scroll_home(animate=False)
        self.app.first_screen_shown()  # type: ignore[attr-defined]


class FiguresPane(Pane):
    reading = "Reading the targets and metrics of every report…"

    def compose(self) -> ComposeResult:
        yield Static(classes="status")
        with Container(classes="split"):
            yield DataTable(id="figure-table", classes="list", cursor_type="row")
            with VerticalScroll(id="figure-detail", classes="detail"):
                yield Static(id="figure-text")

    def compute(self):
        return self.data.panel()

    def show(self, panel) -> None:
        self.panel = panel
        rows, last = [], None
        for row in panel.rows:
            cells = tx.row_cells(row)
            cells[0] = clip(cells[0], INDICATOR_CELLS)
            if cells[0] == last:
                cells[0] = ""
            else:
                last = cells[0]
            style = tx.VERDICT_STYLE.get(row.target.verdict.value, "") if row.target is not None else ""
            rows.append([Text(c, style=style if name in ("verdict", "margin") else "")
                         for name, c in zip(tx.ROW_COLUMNS, cells)])
        fill(self.query_one(DataTable), tx.ROW_COLUMNS, rows)
        targets = sum(1 for r in panel.rows if r.target is not None)
        notes = [f"{fmt.plural(targets, 'target')} and {fmt.plural(len(panel.rows) - targets, 'row')} of outcomes "
                 f"only, by indicator and figure year"]
        if panel.no_targets:
            notes.append(f"no target of a known indicator in {', '.join(map(str, panel.no_targets))}")
        if panel.no_metrics:
            notes.append(f"no metrics found in {', '.join(map(str, panel.no_metrics))}")
        if not panel.rows:
            notes = [f"No targets or metrics of a known indicator found in {fmt.years_phrase(panel.years)}."]
        self.status("; ".join(n.rstrip(".") for n in notes) + ".")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.row_key is None or event.row_key.value is None:
            return
        row = self.panel.rows[int(event.row_key.value)]
        self.later(lambda: self._detail(row))

    def _detail(self, row) -> None:
        chart = self.data.chart(row)
        body = Group(tx.ChartView(chart, self.plain), Text(""), tx.sentences(chart, self.plain))
        self.query_one("#figure-text", Static).update(body)
        self.query_one("#figure-detail", VerticalScroll).scroll_home(animate=False)


def basis_words(step) -> str:
    if step is None:
        return "paired"
    words = {"text": "the same text", "heading": "the heading", "outline": "the outline",
             "followup": f"the year's plan and its review (similarity {step.score:.2f})"}
    how = words.get(step.basis.value, f"topic (similarity {step.score:.2f})")
    relation = "" if step.relation.value == "one" else f"; {step.relation.value}"
    return f"paired by {how}{relation}"


class SectionsPane(Pane):
    reading = "Pairing the sections of every report with the next…"
    link = None

    def compose(self) -> ComposeResult:
        yield Static(classes="status")
        with Container(classes="split"):
            yield Tree("Topics", id="chains", classes="list")
            with VerticalScroll(id="link-detail", classes="detail"):
                yield Static(Text("Select a link (enter or click) to see the diff of its two sections.",
                                  style="dim"), id="link-text")

    def compute(self):
        return self.data.lineage()

    def show(self, lineage) -> None:
        from erqi_diff.summarize.series import chain_links

        self.lineage = lineage
        tree: Tree = self.query_one(Tree)
        tree.clear()
        tree.show_root = False
        alone = lineage.alone()
        regrouped = lineage.regrouped_chains()
        followed = lineage.followed_chains()
        for chain in (c for c in lineage.chains if c not in alone and c not in regrouped and c not in followed):
            span = f"{chain.began}" if chain.began == chain.ended else f"{chain.began}–{chain.ended}"
            label = Text()
            label.append(f"{chain.ident} ", style="dim")
            label.append(clip(chain.title or "(untitled lead)", 40), style="bold")
            label.append(f"  {span}" + (", goes on" if chain.goes_on and chain.began != chain.ended else ""),
                         style="dim")
            node = tree.root.add(label, expand=True)
            for link in chain_links(lineage, chain):
                leaf = Text(f"{link.older.year} → {link.newer.year}  ")
                leaf.append(clip(link.newer.heading or "(untitled lead)", 36))
                node.add_leaf(leaf, data=link)
            for event in chain.events:
                node.add_leaf(Text(f"{event.year}: {event.kind.value} {event.chain} "
                                   f"{clip(event.heading or '(untitled lead)', 24)}", style="yellow"))
        for chains, title in ((followed, "A year's plan, or the next report's review of it"),
                              (alone, "In one report only"), (regrouped, "Headings over paired sections")):
            if chains:
                group = tree.root.add(Text(f"{title} ({len(chains)})", style="bold"))
                for chain in chains:
                    group.add_leaf(Text(f"{chain.began}  {clip(chain.title or '(untitled lead)', 40)}"))
        links = len(lineage.steps)
        over = f", {fmt.count(len(regrouped))} headings over paired sections" if regrouped else ""
        topics = len(lineage.chains) - len(alone) - len(regrouped) - len(followed)
        self.status(f"{fmt.plural(topics, 'topic')} across reports, "
                    f"{fmt.plural(links, 'link')}; {fmt.count(len(alone))} sections in one report only{over}. "
                    + ("Enter on a link: its diff (v: inline / side by side)." if len(lineage.years) > 1
                       else "One report: no link between reports, no diff possible."))
        tree.root.expand()
        tree.move_cursor(tree.root.children[0] if tree.root.children else None)

    def on_tree_node_selected(self, event: Tree.NodeSelected) -> None:
        link = event.node.data
        if link is None:
            return
        self.link = link
        self.query_one("#link-text", Static).update(Text(
            f"Computing the diff of {link.older.year} → {link.newer.year}…", style="dim"))
        self.run_worker(lambda: self._diff(link), thread=True, group="link-diff", exclusive=True)

    def _diff(self, link) -> None:
        result = self.data.diff(link.older.year, link.newer.year, strip=False)
        self._later(self._show_diff, link, result)

    def _show_diff(self, link, result) -> None:
        if link is not self.link:
            return
        self.result = result
        self.refresh_diff()

    def refresh_diff(self) -> None:
        from erqi_diff.summarize.series import link_diff

        link = self.link
        if link is None or getattr(self, "result", None) is None:
            return
        head = Text()
        head.append(f"Chain {link.chain} · {link.older.year} → {link.newer.year} · {basis_words(link.step)}",
                    style="bold")
        for node in (link.older, link.newer):
            head.append(f"\n  {node.year}  ", style="bold")
            head.append(f"{node.heading or '(untitled lead)'}")
            head.append(f"  ({node.role.value}, {fmt.count(node.chars)} characters)", style="dim")
        units = link_diff(self.result, link)
        view = tx.DiffView(self.result, self.app.side_by_side, self.plain, units=units)  # type: ignore[attr-defined]
        self.query_one("#link-text", Static).update(Group(head, view))
        self.query_one("#link-detail", VerticalScroll).scroll_home(animate=False)


class DiffPane(Pane):
    reading = "Comparing the two years picked…"
    pair: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        yield Static(classes="status")
        with VerticalScroll(id="diff-scroll"):
            yield Static(id="diff-text")

    def activate(self) -> None:
        years = self.data.years
        if len(years) < 2:
            self.status(f"Only one report in this series ({years[0] if years else 'none'}): no diff is possible. "
                        "A diff needs two reports.", "bold")
            return
        older, newer = self.app.query_one("YearsBar").pair  # type: ignore[attr-defined]
        if (older, newer) == self.pair:
            return
        self.pair = (older, newer)
        self.status(f"Comparing {older} and {newer}…")
        self.query_one("#diff-text", Static).update("")
        self.run_worker(lambda: self._work_pair(older, newer), thread=True, group="diff", exclusive=True)

    def _work_pair(self, older: int, newer: int) -> None:
        try:
            result = self.data.diff(older, newer)
        except ErqiError as exc:
            self._later(self.status, f"Cannot compare {older} and {newer}: {exc}", "red")
            return
        self._later(self.show, (older, newer, result))

    def show(self, item) -> None:
        older, newer, result = item
        if (older, newer) != self.pair:
            return
        self.result = result
        self.refresh_diff()

    def refresh_diff(self) -> None:
        if getattr(self, "result", None) is None or self.pair is None:
            return
        side = self.app.side_by_side  # type: ignore[attr-defined]
        self.status(f"{self.pair[0]} → {self.pair[1]}, {'side by side' if side else 'inline'} (v toggles); "
                    "other years: y, then ←/→ and space")
        self.query_one("#diff-text", Static).update(
            tx.DiffView(self.result, self.app.side_by_side, self.plain))  # type: ignore[attr-defined]


class SearchPane(Pane):
    loaded = True  # nothing to read before a search
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", "Leave the box", show=False)]

    def action_leave(self) -> None:
        self.query_one("#search-scroll", VerticalScroll).focus()

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Search every report (a word or phrase), then enter", id="search-input")
        yield Static(Text("Results by year appear here.", style="dim"), classes="status")
        with VerticalScroll(id="search-scroll"):
            yield Static(id="search-text")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.status("Type some text to search for.")
            return
        self.status(f"Searching for {text}…")
        self.run_worker(lambda: self._search(text), thread=True, group="search", exclusive=True)

    def _search(self, text: str) -> None:
        try:
            result = self.data.search(text)
        except ErqiError as exc:
            self._later(self.status, str(exc), "red")
            return
        self._later(self.show, result)

    def show(self, result) -> None:
        term = result.terms[0]
        found = (f"{fmt.plural(sum(term.counts.values()), 'occurrence')} in {fmt.plural(len(term.years), 'report')}"
                 if term.found else "stands in no report")
        self.status(f"{term.term}: {found}", "bold")
        self.query_one("#search-text", Static).update(tx.search_results(result, self.plain))
        self.query_one("#search-scroll", VerticalScroll).scroll_home(animate=False)

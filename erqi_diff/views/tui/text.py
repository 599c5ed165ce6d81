"""What the panes of ``erqi-diff browse`` show, as rich text: a slogan's
detail, an indicator's chart and sentences, search results, a diff. They
lay out typed results (:mod:`erqi_diff.summarize.series`,
:mod:`erqi_diff.summarize.panel`, :class:`erqi_diff.compare.diff.DiffResult`)
and compute nothing; numbers go through :mod:`erqi_diff.views.format`.

``plain`` (``NO_COLOR``): marks that need no colour (【】 around a hit,
``[-deleted-]`` and ``{+inserted+}`` in a diff, ▒ a target and █ an outcome).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.cells import cell_len
from rich.console import Group
from rich.text import Text

from erqi_diff.views import format as fmt
from erqi_diff.views.facts import shown_figure
from erqi_diff.views.terminal.facts import year_of

HEAD = "bold"
DIM = "dim"
HIT = "bold yellow"
VERDICT_STYLE = {"met": "green", "missed": "red", "not_comparable": "yellow", "open": "dim"}
#: A slogan's mark in a year's cell of the timeline, and the words for it.
MARK_SIGNS = {"added": "+", "returned": "^", "changed": "~", "retired": "-", "left_out": "_"}
MARK_WORDS = {"added": "new", "returned": "returned", "changed": "changed", "retired": "retired",
              "left_out": "left out"}
LEGEND = "+new ^back ~changed -retired _left out ◦in a longer one ·none"
#: The count cell of a year where a slogan is there only as an item of a longer one ('+' is "new" here).
HELD = "◦"
TARGET_BAR, OUTCOME_BAR, RANGE_BAR = "▒", "█", "░"


def marks_note(marks: Mapping, years: Sequence[int]) -> str:
    """new 2021, returned 2019, changed 2021, retired after 2017 (left out after 2017: back later)."""
    words = []
    for year, mark in sorted(marks.items()):
        if mark.value in ("retired", "left_out"):
            before = max((y for y in years if y < year), default=year)
            words.append(f"{MARK_WORDS[mark.value]} after {before}")
        else:
            words.append(f"{MARK_WORDS[mark.value]} {year}")
    return ", ".join(words)


def timeline_cell(row, year: int) -> str:
    """A slogan's cell of the timeline: its count that year (:data:`HELD` where
    it is there only as an item of a longer slogan), with its mark."""
    mark = row.marks.get(year)
    count = row.slogan.counts.get(year) or (HELD if year in row.held else None)
    sign = MARK_SIGNS[mark.value] if mark is not None else ""
    return f"{sign}{count}" if count else (sign or "·")


def hit_line(hit, plain: bool) -> Text:
    """``…before【text】after…``."""
    line = Text("…" + hit.before)
    line.append(f"【{hit.text}】" if plain else hit.text, style=HIT)
    line.append(hit.after + "…")
    return line


def hits_by_year(out: list, hits: Sequence, counts: Mapping[int, int], plain: bool) -> None:
    """Append ``hits`` to ``out`` (renderables): a line per year with its
    count, a line per section (its heading in brackets), a hit a paragraph
    (its lines wrapped under one another)."""
    from rich.padding import Padding

    year, section = None, None
    for hit in hits:
        if hit.year != year:
            year, section = hit.year, None
            out.append(Text(f"\n{year}  ({fmt.plural(counts.get(year, 0), 'occurrence')})", style=HEAD))
        if hit.section != section:
            section = hit.section
            out.append(Padding(Text(f"[{section or '(untitled lead)'}]", style="cyan"), (0, 0, 0, 2)))
        out.append(Padding(hit_line(hit, plain), (0, 0, 0, 4)))


def slogan_detail(row, hits: Sequence, years: Sequence[int], plain: bool) -> Group:
    """A slogan: how it was found, its years and marks, its lineage (every
    form, with years and counts), then its occurrences year by year."""
    s = row.slogan
    head = Text()
    head.append(s.slogan, style=HEAD)
    head.append(f"   {s.kind.value} · {fmt.years_phrase(s.years)} · "
                f"{fmt.plural(sum(s.counts.values()), 'occurrence')}", style=DIM)
    note = marks_note(row.marks, years)
    head.append("\n" + (note or "no change between reports"))
    head.append("\n" + "  ".join(f"{y} {s.counts.get(y, '·')}" for y in years), style=DIM)
    if s.variants:
        head.append("\nLineage (its forms):", style=HEAD)
        for v in s.variants:
            counts = ", ".join(f"{y}: {v.counts[y]}" for y in v.years)
            head.append(f"\n  ↳ {v.slogan}  ({counts})")
    else:
        head.append("\nLineage: one form only", style=DIM)
    out: list = [head]
    hits_by_year(out, hits, s.counts, plain)
    return Group(*out)


# --- targets and metrics -------------------------------------------------------------


def series_label(row) -> str:
    return fmt.series_label(row.measure.value, row.period.value if row.period is not None else None)


#: The columns of the targets and metrics table (:func:`row_cells`).
ROW_COLUMNS = ("indicator", "year", "target", "outcome", "verdict", "margin", "measure, period", "reports")


def row_cells(row) -> list[str]:
    """A row of the table as :data:`ROW_COLUMNS` names them: ``year`` is the
    figure year; ``reports`` the report setting the target → the report
    giving the outcome."""
    fact, outcome = row.fact, row.outcome
    year = fmt.figure_years(fact.figure_year, fact.figure_span)
    shown = shown_figure(outcome) if outcome is not None else "—"
    if row.target is None:
        return [row.indicator, year, "—", shown, "no target", "", series_label(row), str(outcome.year if outcome else "")]
    lk = row.target
    reports = str(lk.goal.year)
    if outcome is not None:
        years = fmt.other_years(lk.goal.figure_year, lk.goal.figure_span, outcome.figure_year, outcome.figure_span)
        reports += f" → {outcome.year}" + (f" (of {years})" if years else "")
    return [row.indicator, year, shown_figure(lk.goal), shown, lk.verdict.value, fmt.link_margin(lk),
            series_label(row), reports]


def _amount(value, unit: str, measure: str) -> str:
    return fmt.figure(value, unit, "point", measure) if value is not None else "—"


class ChartView:
    """A series as paired horizontal bars, one pair per figure year: the
    target (▒, a range's upper part ░) and the outcome (█), scaled to the
    largest value's size (bars start at 0; a fall is drawn by its size and
    labelled with its sign), fitted to the width it is given."""

    def __init__(self, chart, plain: bool) -> None:
        self.chart = chart
        self.plain = plain

    def _label(self, point) -> str:
        row = point.row
        return year_of(row.fact) if row.figure_year is not None else "?"

    def __rich_console__(self, console, options):
        c = self.chart
        title = Text(f"{c.indicator} · {c.measure.value}, {c.period.value if c.period else 'period unstated'}"
                     f" · in {c.unit or 'a count'}", style=HEAD)
        yield title
        if not c.points:
            yield Text("no figure of this series has a value to draw", style=DIM)
            return
        sizes: list[float] = []
        for p in c.points:
            if isinstance(p.target, tuple):
                sizes.extend(abs(v) for v in p.target)
            elif p.target is not None:
                sizes.append(abs(p.target))
            if p.outcome is not None:
                sizes.append(abs(p.outcome))
        top = max(sizes) or 1.0
        labels = [self._label(p) for p in c.points]
        label_w = max(cell_len(x) for x in labels)
        values = [(_amount(p.target, c.unit, c.measure.value), _amount(p.outcome, c.unit, c.measure.value))
                  for p in c.points]
        value_w = max(max(cell_len(a), cell_len(b)) for a, b in values)
        fixed = label_w + 2 + 8 + 2 + value_w + 12
        room = max(options.max_width - fixed, 4)

        def bar(value: float) -> int:
            return max(1, round(room * abs(value) / top)) if value else 0

        for p, label, (target, outcome) in zip(c.points, labels, values):
            line = Text()
            line.append(label + " " * (label_w - cell_len(label)) + "  ", style=HEAD)
            line.append("target  ")
            if isinstance(p.target, tuple):
                low, high = bar(p.target[0]), bar(p.target[1])
                line.append(TARGET_BAR * low, style="cyan")
                line.append(RANGE_BAR * max(high - low, 0), style="cyan")
                used = max(low, high)
            elif p.target is not None:
                used = bar(p.target)
                line.append(TARGET_BAR * used, style="cyan")
            else:
                used = 0
            line.append(" " * (room - used) + "  " + target)
            yield line
            line = Text(" " * label_w + "  ")
            line.append("outcome ")
            used = bar(p.outcome) if p.outcome is not None else 0
            style = VERDICT_STYLE.get(p.verdict.value, "") if p.verdict is not None else "blue"
            line.append(OUTCOME_BAR * used, style=style)
            line.append(" " * (room - used) + "  " + outcome)
            if p.verdict is not None:
                line.append("  " + p.verdict.value, style=VERDICT_STYLE.get(p.verdict.value, ""))
            yield line
        legend = f"{TARGET_BAR} target  {OUTCOME_BAR} outcome  (bars from 0, by size)"
        if c.left_out:
            legend += f"; {fmt.plural(c.left_out, 'figure')} of the series not drawn (another unit, or no year)"
        yield Text(legend, style=DIM)


def quoted(fact, plain: bool) -> Text:
    """A fact's sentence with its figure marked."""
    text = fact.text
    at, end = fact.quote_start - fact.start, fact.quote_end - fact.start
    if not (0 <= at <= end <= len(text)):
        return Text(text)
    out = Text(text[:at])
    out.append(f"【{text[at:end]}】" if plain else text[at:end], style=HIT)
    out.append(text[end:])
    return out


def _sentence(label: str, fact, plain: bool) -> Text:
    where = f"report {fact.year}" + (f", [{fact.section}]" if fact.section else "")
    out = Text()
    out.append(f"  {label} ({where}): ", style=DIM)
    out.append_text(quoted(fact, plain))
    return out


def sentences(chart, plain: bool) -> Text:
    """The sentences behind each point of ``chart``: the target, the outcome it
    was judged by, and what other reports say of that figure year."""
    out = Text()
    out.append("The sentences behind each point", style=HEAD)
    for p in chart.points:
        row = p.row
        out.append(f"\n\n{year_of(row.fact)}", style=HEAD)
        if row.target is not None:
            lk = row.target
            verdict = lk.verdict.value + (f", {fmt.link_margin(lk)}" if lk.margin is not None else "")
            out.append(f"  {verdict}: {lk.reason}", style=VERDICT_STYLE.get(lk.verdict.value, ""))
            out.append("\n")
            out.append_text(_sentence("target", lk.goal, plain))
        for k, fact in enumerate(row.outcomes):
            out.append("\n")
            judged = row.target is not None and k == 0 and row.target.outcome is fact
            out.append_text(_sentence("outcome" if judged or (row.target is None and k == 0) else "also said", fact,
                                      plain))
    if not chart.points:
        out.append("\n(none)", style=DIM)
    return out


# --- search --------------------------------------------------------------------------


def search_results(result, plain: bool, limit: int = 400) -> Group:
    """A search's count in each report, then its occurrences year by year
    (the first ``limit`` shown; ``erqi-diff trace`` prints them all)."""
    term = result.terms[0]
    total = sum(term.counts.values())
    out: list = [Text("  ".join(f"{y} {term.counts[y] or '·'}" for y in result.years), style=DIM)]
    hits_by_year(out, term.hits[:limit], term.counts, plain)
    if total > limit:
        out.append(Text(f"\n… and {fmt.count(total - limit)} more: erqi-diff trace {term.term}", style=DIM))
    return Group(*out)


# --- diffs ---------------------------------------------------------------------------


class _Collect:
    """A console stand-in for :mod:`erqi_diff.views.terminal.diff`: what it
    prints is kept (text wrapped at ``width``), to be drawn by a widget."""

    def __init__(self, console, width: int, plain: bool) -> None:
        self.console = console
        self.width = self.layout_width = width
        self.soft_wrap = False
        self.no_color = plain
        self.color_system = None if plain else "truecolor"
        self.items: list = []

    def print(self, renderable=None, soft_wrap: bool = False, **kwargs) -> None:
        if renderable is None:
            self.items.append(Text())
        elif isinstance(renderable, Text) and not soft_wrap:
            self.items.extend(renderable.wrap(self.console, self.width))
        else:
            self.items.append(renderable)


class DiffView:
    """A diff, laid out by the terminal view of ``erqi-diff A B`` at the
    width the widget has: the whole ``result``, or only its ``units``
    (the link of a section chain); inline, or side by side."""

    def __init__(self, result, side_by_side: bool, plain: bool, units: Sequence | None = None) -> None:
        self.result = result
        self.units = units
        self.side_by_side = side_by_side
        self.plain = plain

    def __rich_console__(self, console, options):
        from erqi_diff.views.terminal import diff as dv

        out = _Collect(console, options.max_width, self.plain)
        view = dv.View(side_by_side=self.side_by_side)
        if self.units is None:
            dv.render(out, self.result, view)
        else:
            side = self.side_by_side and options.max_width >= 2 * dv.MIN_COLUMN + 3
            if self.side_by_side and not side:
                out.print(Text(f"side by side needs {2 * dv.MIN_COLUMN + 3} columns: inline", style="yellow"))
            for unit in self.units:
                (dv.section_side_by_side if side else dv.section_inline)(out, unit, view)
        yield from out.items

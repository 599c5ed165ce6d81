"""Terminal views of ``erqi-diff metrics``, ``goals`` and ``targets``.

Every figure is filed under its figure year, labelled as such when the
report is of another year ("2020 · report 2021"); a trend arrow only ever
compares a figure with the one before it of the same series (indicator,
measure, period, unit), never a half year with a full year or a growth with
a level.
"""

from __future__ import annotations

from erqi_diff.views import format as fmt
from erqi_diff.views.facts import shown_figure

_ARROWS = {"up": "▲", "down": "▼", "same": "="}
_VERDICT_STYLE = {"met": "green", "missed": "red", "not_comparable": "yellow", "open": "dim"}


def _cells_len(text: str) -> int:
    from rich.cells import cell_len

    return cell_len(text)


def _print_table(console, header: list[str], rows: list[tuple[list[str], str]]) -> None:
    """Aligned columns (CJK counted as two cells); the last column is free text."""
    from rich.text import Text

    widths = [max([_cells_len(header[i])] + [_cells_len(r[0][i]) for r in rows]) for i in range(len(header) - 1)]

    def line(cells: list[str]) -> str:
        parts = [c + " " * (w - _cells_len(c)) for c, w in zip(cells[:-1], widths)]
        return ("  ".join(parts) + "  " + cells[-1]).rstrip()

    console.print(Text(line(header), style="bold"), crop=False, overflow="ignore")
    for cells, style in rows:
        console.print(Text(line(cells), style=style), crop=False, overflow="ignore")


QUOTE_CHARS = 60  # of a sentence in the goals list; --json and --csv have them whole


def _cut(text: str) -> str:
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS] + "…"


def year_of(fact) -> str:
    return fmt.year_label(fact.figure_year, fact.year, fact.figure_span, fact.period)


def _series(fact) -> str:
    return fmt.series_label(fact.measure.value, fact.period.value if fact.period else None, fact.base)


def metrics_view(console, rows, empty: list[int]) -> None:
    """``rows``: (fact, trend) as :func:`erqi_diff.extract.metrics.trends` orders them."""
    from rich.text import Text

    table, last = [], None
    for fact, trend in rows:
        name = fact.indicator if fact.indicator != last else ""
        last = fact.indicator
        style = "" if fact.period is not None and fact.period.value == "year" else "yellow"
        arrow = _ARROWS.get(trend.value, "") if trend is not None else ""
        kind = "" if fact.kind.value == "actual" else fact.kind.value
        table.append(([name, year_of(fact), _series(fact), shown_figure(fact), arrow, kind, fact.quote], style))
    _print_table(console, ["indicator", "figure year", "measure, period", "value", "trend", "kind", "as written"],
                 table)
    if empty:
        console.print(Text("no metrics found in " + ", ".join(map(str, empty)), style="dim"))


def _outcome(link) -> str:
    o = link.outcome
    if o is None:
        return ""
    return f"{shown_figure(o)} ({fmt.outcome_source(link.goal, o)})"


def targets_view(console, links) -> None:
    """The panel: indicator by figure year, target as written, outcome, verdict, margin."""
    table, last = [], None
    for lk in links:
        g = lk.goal
        name = g.indicator if g.indicator != last else ""
        last = g.indicator
        table.append(([name or "", year_of(g), _series(g), shown_figure(g), _outcome(lk), lk.verdict.value,
                       fmt.link_margin(lk), lk.reason], _VERDICT_STYLE.get(lk.verdict.value, "")))
    _print_table(console, ["indicator", "figure year", "measure, period", "target", "outcome", "verdict", "margin",
                           "why"], table)


def goals_view(console, links, empty: list[int]) -> None:
    """Each goal with what it sets and what a later report says of it (one
    text printed once: a national series has hundreds of goals)."""
    from rich.text import Text

    out = Text()
    for lk in links:
        g = lk.goal
        out.append(f"{g.year}  ", style="bold")
        out.append(_cut(g.text) + "\n")
        what = f"[{g.indicator}] " if g.indicator else ""
        out.append(f"    {g.kind.value} for {year_of(g)}: {what}{g.what} {shown_figure(g)}\n", style="dim")
        style = _VERDICT_STYLE.get(lk.verdict.value, "")
        if lk.outcome is None:
            out.append(f"    {lk.verdict.value}: {lk.reason}\n", style=style)
        else:
            o = lk.outcome
            margin = fmt.link_margin(lk)
            estimate = ", estimate" if o.kind.value == "estimate" else ""
            out.append(f"    {lk.verdict.value}{', ' + margin if margin else ''} ({lk.reason}); report {o.year}{estimate}: ",
                       style=style)
            out.append(_cut(o.text) + "\n")
    if links:
        out.rstrip()
        console.print(out, soft_wrap=True)
    note = ("; no goals found in " + ", ".join(map(str, empty)) + " (plans restated with their progress not counted)"
            if empty else "")
    goals = [lk for lk in links if not lk.restates]
    again = len(links) - len(goals)
    also = f" (and {again} restating {'one' if again == 1 else 'some'} of them, not counted again)" if again else ""
    console.print(Text(f"{fmt.plural(len(goals), 'goal')}{also}: {verdict_counts(goals)}{note}", style="dim"))


def verdict_counts(links) -> str:
    """"6 met, 2 missed, 1 not comparable, 13 open": each verdict of ``links``, counted."""
    counts = {v: sum(1 for lk in links if lk.verdict.value == v) for v in ("met", "missed", "not_comparable", "open")}
    return ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in counts.items())

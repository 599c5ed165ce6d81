"""Terminal views of ``erqi-diff metrics`` and ``goals`` (and the table layout the slogans view shares)."""

from __future__ import annotations

from erqi_diff.views import format as fmt


_FIRST_MAX = 30  # cells of the first column; a longer first cell gets a line of its own


def table_lines(header: list[str], rows: list[tuple[list[str], str]]):
    """Plain aligned columns (CJK counted as two cells): (line, style) pairs.
    The first column is left-aligned, the others right-aligned, the last
    (a free note) left as is. Much faster than rich.table on long lists."""
    from rich.cells import cell_len

    width = min(_FIRST_MAX, max(cell_len(c[0]) for c, _ in rows + [(header, "")]))
    others = [max(cell_len(c[i]) for c, _ in rows + [(header + [""], "")]) for i in range(1, len(header))]

    def fmt(cells: list[str]) -> tuple[str, str]:
        first = cells[0]
        rest = "  ".join(" " * (w - cell_len(c)) + c for c, w in zip(cells[1:len(header)], others))
        note = ("  " + cells[len(header)]) if len(cells) > len(header) and cells[len(header)] else ""
        if cell_len(first) > width:
            return first, " " * width + "  " + rest + note
        return first + " " * (width - cell_len(first)) + "  " + rest + note, ""

    head, _ = fmt(header)
    yield head, "bold"
    for cells, style in rows:
        line, extra = fmt(cells)
        yield line, style
        if extra:
            yield extra, style


def none_note(kind: str, empty_years: list[int]) -> str | None:
    if not empty_years:
        return None
    return f"no {kind} found in " + ", ".join(map(str, empty_years))


def years_label(years) -> str:
    return ", ".join(str(y) for y in years)


def _indicators(records) -> list[str]:
    return list(dict.fromkeys(r.indicator for r in records))


def metrics_view(console, records, empty: list[int]) -> None:
    """The table of ``erqi-diff metrics``: indicator by year, with trend."""
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold", pad_edge=False)
    for name, justify in (("indicator", "left"), ("year", "right"), ("value", "right"), ("growth", "right"),
                          ("period", "left"), ("qualifier", "left"), ("trend", "center")):
        table.add_column(name, justify=justify, no_wrap=name != "indicator")
    for name in _indicators(records):
        rows = [r for r in records if r.indicator == name]
        for i, r in enumerate(rows):
            table.add_row(name if i == 0 else "", str(r.year), _value(r), _growth(r),
                          _period(r, Text),
                          r.qualifier, _trend(r, rows[:i]))
    console.print(table)
    note = none_note("metrics", empty)
    if note:
        console.print(Text(note, style="dim"))


def _period(r, Text):
    if r.full_year or r.period.value == "multi-year":
        return r.period.value
    return Text(f"{r.period.value} (part of the year)", style="yellow")


def _value(r) -> str:
    return fmt.amount(r.value, r.unit)


def _growth(r) -> str:
    return fmt.growth(r.growth_pct)


def _trend(r, earlier) -> str:
    """▲ ▼ = against the latest earlier record of the same indicator with the same period and unit."""
    for prev in reversed(earlier):
        if prev.period is not r.period or prev.year == r.year:
            continue
        for a, b in ((prev.value, r.value) if prev.unit == r.unit else (None, None), (prev.growth_pct, r.growth_pct)):
            if isinstance(a, (int, float)) and isinstance(b, (int, float)):
                return "▲" if b > a else "▼" if b < a else "="
    return ""


def goals_view(console, found, empty: list[int]) -> None:
    """The list of ``erqi-diff goals``: each goal, its target and what a later report says."""
    from rich.text import Text

    for g in found:
        head = Text(f"{g.year}  ", style="bold")
        head.append(g.text)
        console.print(head)
        hedge = {"about": "about ", "at_least": "at least ", "at_most": "at most ", "over": "over "}.get(g.qualifier, "")
        target = f"    target: {'growth ' if g.growth else ''}{hedge}{fmt.value(g.value)}{g.unit}"
        if g.deadline:
            target += f", by {g.deadline}"
        if g.indicator:
            target += f"  [{g.indicator}]"
        console.print(Text(target, style="dim"))
        if g.outcome is None:
            console.print(Text("    open: no later report says", style="yellow"))
        else:
            o = g.outcome
            pct = f" ({o.ratio * 100:.1f}% of target)" if o.ratio is not None else ""
            style = {"met": "green", "missed": "red"}.get(g.verdict.value, "cyan")
            line = Text(f"    {g.verdict.value}, {o.year}: {fmt.value(o.value)}{o.unit}{pct}  ", style=style)
            line.append(o.text, style="")
            console.print(line)
    linked = sum(1 for g in found if g.outcome)
    note = none_note("goals", empty)
    console.print(Text(f"{len(found)} goals, {linked} with an outcome, {len(found) - linked} open"
                       + (f"; {note}" if note else ""), style="dim"))

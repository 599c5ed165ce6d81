"""Terminal view of ``erqi-diff slogans`` (``metrics``, ``goals``, ``targets``: :mod:`erqi_diff.views.terminal.facts`)."""

from __future__ import annotations



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


def slogans_view(console, found, shown: list[int], empty: list[int]) -> None:
    """The table of ``erqi-diff slogans``: counts per year, first and last year, marks."""
    from rich.text import Text

    rows: list[tuple[list[str], str, str]] = []  # cells, mark, style
    for s in found:
        marks = []
        if s.first > shown[0]:
            marks.append(f"new {s.first}")
        if s.last < shown[-1]:
            marks.append(f"retired after {s.last}")
        style = "green" if s.first > shown[0] else "red" if marks else ""
        rows.append(([s.slogan, *(str(s.counts.get(y, "·")) for y in shown), str(s.first), str(s.last)],
                     ", ".join(marks), style))
        for v in s.variants:
            rows.append(([f"  ↳ {v.slogan}", *(str(v.counts.get(y, "")) for y in shown),
                          str(v.years[0]), str(v.years[-1])], "", "dim"))
    header = ["slogan", *map(str, shown), "first", "last"]
    for line, style in table_lines(header, [(cells + [mark], style) for cells, mark, style in rows]):
        console.print(Text(line, style=style), crop=False, overflow="ignore")
    note = none_note("slogans", empty)
    console.print(Text(f"{len(found)} slogans in {years_label(shown)}" + (f"; {note}" if note else ""), style="dim"))

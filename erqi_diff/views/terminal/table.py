"""Plain aligned tables for the terminal (CJK counted as two cells), shared by
the slogans and trace views."""

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

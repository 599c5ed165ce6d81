"""The terminal view of ``erqi-diff reuse``: the share of each report
written before, the year-by-year matrix as a heat map, the longest passages
with both contexts and their differences marked."""

from __future__ import annotations

from erqi_diff.views import format as fmt

CONTEXT = 24  # characters of context shown on each side of a passage
# background of a matrix cell, from none to much reuse
HEAT = ("", "on grey23", "on dark_orange3", "on red3", "on red1")


def _percent(value: float) -> str:
    return fmt.share_precise(value) if value else "·"


def _heat(value: float) -> str:
    for level, bound in enumerate((0.005, 0.02, 0.05, 0.15)):
        if value < bound:
            return HEAT[level]
    return HEAT[-1]


def render(console, result, shown, bodies: dict[str, str], include_formulas: bool) -> None:
    """The terminal view: ratios, the matrix as a heat map, the passages."""
    from rich.table import Table
    from rich.text import Text

    keys = list(result.keys)
    kinds = "copies and formulas" if include_formulas else "copies (formulas hidden: --include-formulas)"
    console.print(Text(f"Reuse in {len(keys)} reports ({keys[0]}-{keys[-1]}), passages of at least "
                       f"{result.min_chars} shared characters: {kinds}", style="bold"))
    for key in keys:
        ratio = result.ratios[key]
        share = ratio.share_formulas if include_formulas else ratio.share
        before = ratio.before_formulas if include_formulas else ratio.before
        console.print(f"  {key}: {fmt.share_precise(share):>5} written before ({before} of {ratio.chars} characters)")
    matrix = result.matrix_formulas if include_formulas else result.matrix
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("")
    for key in keys:
        table.add_column(key, justify="right")
    for row in keys:
        cells = [Text(_percent(matrix[row].get(col, 0.0)), style=_heat(matrix[row].get(col, 0.0))) for col in keys]
        table.add_row(row, *cells)
    console.print()
    console.print(Text("share of the row's report found in the column's (diagonal: repeated within it)", style="bold"))
    console.print(table)
    copies = sum(1 for p in result.passages if p.kind.value == "copy")
    recurring = sum(1 for p in result.passages if p.also and p.kind.value == "copy")
    also = f" ({recurring} recurring: half their wording or more in another report too)" if recurring else ""
    console.print()
    headlines = sum(1 for p in result.passages if p.kind.value == "headline")
    statistics = sum(1 for p in result.passages if p.kind.value == "statistic")
    others = f", {headlines} headlines restating their story" if headlines else ""
    others += f", {fmt.plural(statistics, 'statistics line')} with new figures" if statistics else ""
    formulas = len(result.passages) - copies - headlines - statistics
    console.print(Text(f"{copies} copied passages{also}, {formulas} formula passages{others}; longest {len(shown)}:",
                       style="bold"))
    for number, passage in enumerate(shown, 1):
        console.print()
        console.print(_headline(number, passage))
        console.print(_side(passage, "a", bodies))
        console.print(_side(passage, "b", bodies))
    if include_formulas and result.formulas:
        console.print()
        console.print(Text(f"stock stretches ({len(result.formulas)}), found in the most reports first:", style="bold"))
        for formula in result.formulas[:len(shown) or None]:
            console.print(Text(f"  {formula.docs} reports  ({formula.span.key}) {formula.span.text}"))


def _headline(number: int, passage):
    from rich.text import Text

    def place(span) -> str:
        return f"{span.key}" + (f" §{span.section}" if span.section else "")

    kind = f", {passage.kind.value}" if passage.kind.value != "copy" else ""
    if passage.also:
        kind += f", {fmt.recurring(passage.also, passage.also_share)}"
    return Text(f"#{number}  {place(passage.a)}  ->  {place(passage.b)}   {passage.chars} characters, "
                f"similarity {passage.similarity:.2f}{kind}", style="bold cyan")


def _side(passage, side: str, bodies: dict[str, str]):
    """One span in its context, the differences marked: [-…-] on the
    earlier side, {+…+} on the later one."""
    from rich.text import Text

    span = getattr(passage, side)
    body = bodies[span.key]
    text = Text("  " + side + "  ")
    text.append("…" + body[max(0, span.start - CONTEXT):span.start].replace("\n", " ⏎ "), style="dim")
    edits = sorted((getattr(d, f"{side}_start"), getattr(d, f"{side}_end")) for d in passage.differences)
    pos = span.start
    opening, closing, style = ("[-", "-]", "bold red") if side == "a" else ("{+", "+}", "bold green")
    for start, end in edits:
        if end == start:
            continue  # nothing on this side: the other side marks the insertion
        text.append(body[pos:start].replace("\n", " ⏎ "))
        text.append(opening + body[start:end].replace("\n", " ⏎ ") + closing, style=style)
        pos = end
    text.append(body[pos:span.end].replace("\n", " ⏎ "))
    text.append(body[span.end:span.end + CONTEXT].replace("\n", " ⏎ ") + "…", style="dim")
    return text

"""Terminal and CSV views of ``erqi-diff slogans`` and ``erqi-diff trace``.

They lay out typed results (:class:`erqi_diff.summarize.series.SloganRow`:
a slogan with the marks of :func:`erqi_diff.extract.lineage.marks`, and
:class:`erqi_diff.extract.trace.Trace`); they compute nothing.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from typing import TYPE_CHECKING

from erqi_diff.views import format as fmt
from erqi_diff.views.terminal.table import none_note, table_lines, years_label

if TYPE_CHECKING:
    from erqi_diff.summarize.series import SloganRow

_MARK_WORDS = {"added": "new", "returned": "returned", "changed": "changed", "retired": "retired",
               "left_out": "left out"}


def _marks_note(marks: Mapping, shown: Sequence[int], elsewhere: Sequence[int] = ()) -> str:
    """new 2021, returned 2019, changed 2021, retired after 2017 (left out after 2017: back later);
    ``elsewhere``: the series' reports not shown it stands in (retired after 1997, a report not read)."""
    words = []
    for year, mark in sorted(marks.items()):
        word = _MARK_WORDS[mark.value]
        if word in ("retired", "left out"):
            before = max((y for y in (*shown, *elsewhere) if y < year), default=year)
            words.append(f"{word} after {before}")
        else:
            words.append(f"{word} {year}")
    return ", ".join(words)


#: The count cell of a year where a slogan is there only as an item of a longer one (lineage.held_as_item).
HELD = "+"


def slogans_view(console, rows: Sequence[SloganRow], shown: list[int], empty: list[int],
                 elsewhere: Mapping[str, Sequence[int]] | None = None) -> None:
    """The table of ``erqi-diff slogans``: one row per slogan, its count in
    each year (:data:`HELD` where it is there only as an item of a longer
    slogan), first and last year it is there (alone or as such an item), and
    what became of it (new, returned, changed, retired); its forms under it (↳)."""
    from rich.text import Text

    lines: list[tuple[list[str], str]] = []
    for row in rows:
        slogan = row.slogan
        values = {m.value for m in row.marks.values()}
        style = "green" if "added" in values else "red" if "retired" in values else ""
        cells = [slogan.slogan, *(str(slogan.counts.get(y, HELD if y in row.held else "·")) for y in shown),
                 str(row.first), str(row.last), _marks_note(row.marks, shown, (elsewhere or {}).get(slogan.slogan, ()))]
        lines.append((cells, style))
        for v in slogan.variants:
            lines.append(([f"  ↳ {v.slogan}", *(str(v.counts.get(y, "")) for y in shown),
                           str(v.years[0]), str(v.years[-1]), ""], "dim"))
    header = ["slogan", *map(str, shown), "first", "last"]
    for line, style in table_lines(header, lines):
        console.print(Text(line, style=style), crop=False, overflow="ignore")
    note = none_note("slogans", empty)
    console.print(Text(f"{fmt.plural(len(rows), 'slogan')} in {years_label(shown)}" + (f"; {note}" if note else ""),
                       style="dim"))
    if any(row.held for row in rows):
        console.print(Text(f"{HELD}: there only as an item of a longer slogan (普惠金融 in 科技金融、绿色金融、普惠金融、…)",
                           style="dim"))


def _csv(header: list[str], records: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(records)
    return out.getvalue()


def slogans_csv(rows: Sequence[SloganRow], shown: list[int],
                elsewhere: Mapping[str, Sequence[int]] | None = None) -> str:
    """One slogan a row: name, how it was found, first and last year, its count
    in each year (empty where it does not stand), what became of it, its forms."""
    header = ["slogan", "kind", "first", "last", *map(str, shown), "marks", "forms"]
    records = [[s.slogan, s.kind.value, s.first, s.last, *(s.counts.get(y, "") for y in shown),
                _marks_note(row.marks, shown, (elsewhere or {}).get(s.slogan, ())), " / ".join(s.forms())]
               for row in rows for s in (row.slogan,)]
    return _csv(header, records)


# ------------------------------------------------------------------ trace


def trace_view(console, result) -> None:
    """One term: its count by year, first and last report, then each
    occurrence with its context and section, in the order asked for. Several
    terms: a year-by-term grid of counts."""
    if len(result.terms) == 1:
        _concordance(console, result, result.terms[0])
    else:
        _grid(console, result)


def _summary(term) -> str:
    if not term.found:
        return f"{term.term}: stands in no report"
    return (f"{term.term}: {fmt.plural(sum(term.counts.values()), 'occurrence')} in "
            f"{fmt.plural(len(term.years), 'report')}, first {term.first}, last {term.last}")


def _concordance(console, result, term) -> None:
    from rich.text import Text

    console.print(Text(_summary(term), style="bold"))
    counts = "  ".join(f"{y} {term.counts[y] or '·'}" for y in result.years)
    console.print(Text(counts, style="dim"), soft_wrap=True)
    plain = console.no_color or console.color_system is None
    year = None
    for hit in term.hits:
        if hit.year != year:
            year = hit.year
            console.print()
            console.print(Text(f"{year}  ({fmt.plural(term.counts[year], 'occurrence')})", style="bold"))
        line = Text("  ")
        if hit.section:
            line.append(f"[{hit.section}] ", style="cyan")
        line.append("…" + hit.before)
        line.append(f"【{hit.text}】" if plain else hit.text, style="bold yellow")
        line.append(hit.after + "…")
        console.print(line, soft_wrap=True)


def _grid(console, result) -> None:
    from rich.text import Text

    header = ["year", *(t.term for t in result.terms)]
    years = list(reversed(result.years)) if result.newest_first else list(result.years)
    rows = [([str(y), *(str(t.counts[y] or "·") for t in result.terms)], "") for y in years]
    rows.append((["first", *(str(t.first or "—") for t in result.terms)], "dim"))
    rows.append((["last", *(str(t.last or "—") for t in result.terms)], "dim"))
    for line, style in table_lines(header, rows):
        console.print(Text(line, style=style), crop=False, overflow="ignore")
    if result.missing:
        console.print(Text("stands in no report: " + "；".join(result.missing), style="yellow"))


def trace_csv(result) -> str:
    """One term: one occurrence a row (term, year, offsets, section, context,
    text). Several: one report a row with each term's count."""
    if len(result.terms) == 1:
        term = result.terms[0]
        return _csv(["term", "year", "start", "end", "section", "before", "text", "after"],
                    [[term.term, h.year, h.start, h.end, h.section, h.before, h.text, h.after] for h in term.hits])
    years = list(reversed(result.years)) if result.newest_first else list(result.years)
    return _csv(["year", *(t.term for t in result.terms)], [[y, *(t.counts[y] for t in result.terms)] for y in years])

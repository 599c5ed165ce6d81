"""``erqi-diff slogans``, ``metrics`` and ``goals``: thin wrappers over
:mod:`erqi_diff.extract.slogans`, :mod:`erqi_diff.extract.metrics` and :mod:`erqi_diff.extract.goals`."""

from __future__ import annotations

import click

from erqi_diff.errors import UsageError
from erqi_diff.cli.common import emit_json, get_project, json_option, output, pager_option, parse_years, root_option


def _load(years: tuple[str, ...]):
    from erqi_diff.core import snapshot as store

    project = get_project()
    wanted = parse_years(years) or None
    return project, store.load_many(project, wanted)


_FIRST_MAX = 30  # cells of the first column; a longer first cell gets a line of its own


def _table(header: list[str], rows: list[tuple[list[str], str]]):
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


def _none_note(kind: str, empty_years: list[int]) -> str | None:
    if not empty_years:
        return None
    return f"no {kind} found in " + ", ".join(map(str, empty_years))


def _years_label(snaps) -> str:
    return ", ".join(str(s.year) for s in snaps)


def _show(found: list, snaps, as_json: bool, no_pager: bool, kind: str, why: str, body) -> None:
    """``--json`` (the records' ``to_json()``), or the view: ``body(console)``
    when something was found, else one line saying nothing was (and ``why``)."""
    if as_json:
        emit_json(kind, found)
        return

    def render(console):
        if found:
            body(console)
        else:
            console.print(f"No {kind} found in {_years_label(snaps)}{why}.")

    output(render, no_pager=no_pager)


@click.command()
@click.argument("years", nargs=-1, metavar="[YEARS...]")
@json_option
@pager_option
@root_option
def slogans(years: tuple[str, ...], as_json: bool, no_pager: bool) -> None:
    """Slogans (提法) by year: counts, first and last year, new and retired.

    Quoted formulas, numbered formulas (三定四推五落实, 8个100%), parallel
    series (品质二七、田园二七、温暖二七) and named campaigns; variants of one
    slogan across years are shown as one lineage. All years when none given.

    \b
    erqi-diff slogans
    erqi-diff slogans 2016 2017 --json
    """
    from erqi_diff.extract.slogans import extract

    _, snaps = _load(years)
    found = extract(snaps)
    shown = [s.year for s in snaps]
    empty = [y for y in shown if not any(y in s.counts for s in found)]

    def body(console):
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
        for line, style in _table(header, [(cells + [mark], style) for cells, mark, style in rows]):
            console.print(Text(line, style=style), crop=False, overflow="ignore")
        note = _none_note("slogans", empty)
        console.print(Text(f"{len(found)} slogans in {_years_label(snaps)}" + (f"; {note}" if note else ""), style="dim"))

    _show(found, snaps, as_json, no_pager, "slogans", "", body)


@click.command()
@click.argument("years", nargs=-1, metavar="[YEARS...]")
@click.option("--indicator", metavar="TEXT",
              help="Only this indicator: a name (地区生产总值), an alias (GDP, 国内生产总值) or part of a name.")
@json_option
@pager_option
@root_option
def metrics(years: tuple[str, ...], indicator: str | None, as_json: bool, no_pager: bool) -> None:
    """Metrics by indicator and year: value, growth, period and trend.

    A half-year or to-date figure is marked with its period and never
    compared with a full year. All years when none given.

    \b
    erqi-diff metrics
    erqi-diff metrics 2017 2018 --indicator GDP
    erqi-diff metrics --json
    """
    from erqi_diff.extract.metrics import extract_many, indicators, match_indicator

    _, snaps = _load(years)
    records = extract_many(snaps)
    if indicator is not None:
        names = indicators(records)
        hits = match_indicator(indicator, names)
        if not hits:
            listed = ", ".join(names) or "none"
            raise UsageError(f"no indicator matches {indicator!r} in {_years_label(snaps)}; "
                             f"indicators there: {listed}")
        records = [r for r in records if r.indicator in hits]
    empty = [s.year for s in snaps if not any(r.year == s.year for r in records)]

    def body(console):
        from rich.table import Table
        from rich.text import Text

        table = Table(box=None, header_style="bold", pad_edge=False)
        for name, justify in (("indicator", "left"), ("year", "right"), ("value", "right"), ("growth", "right"),
                              ("period", "left"), ("qualifier", "left"), ("trend", "center")):
            table.add_column(name, justify=justify, no_wrap=name != "indicator")
        for name in indicators(records):
            rows = [r for r in records if r.indicator == name]
            for i, r in enumerate(rows):
                table.add_row(name if i == 0 else "", str(r.year), _value(r), _growth(r),
                              _period(r, Text),
                              r.qualifier, _trend(r, rows[:i]))
        console.print(table)
        note = _none_note("metrics", empty)
        if note:
            console.print(Text(note, style="dim"))

    _show(records, snaps, as_json, no_pager, "metrics",
          " (no sentence names a known indicator with a number)", body)


def _period(r, Text):
    if r.full_year or r.period.value == "multi-year":
        return r.period.value
    return Text(f"{r.period.value} (part of the year)", style="yellow")


def _num(v) -> str:
    if isinstance(v, list):
        return "–".join(_num(x) for x in v)
    return f"{v:g}" if isinstance(v, float) else str(v)


def _value(r) -> str:
    return "" if r.value is None else f"{_num(r.value)}{r.unit or ''}"


def _growth(r) -> str:
    if r.growth_pct is None:
        return ""
    g = r.growth_pct
    return f"{'+' if not isinstance(g, list) and g >= 0 else ''}{_num(g)}%"


def _trend(r, earlier) -> str:
    """▲ ▼ = against the latest earlier record of the same indicator with the same period and unit."""
    for prev in reversed(earlier):
        if prev.period is not r.period or prev.year == r.year:
            continue
        for a, b in ((prev.value, r.value) if prev.unit == r.unit else (None, None), (prev.growth_pct, r.growth_pct)):
            if isinstance(a, (int, float)) and isinstance(b, (int, float)):
                return "▲" if b > a else "▼" if b < a else "="
    return ""


@click.command()
@click.argument("years", nargs=-1, metavar="[YEARS...]")
@json_option
@pager_option
@root_option
def goals(years: tuple[str, ...], as_json: bool, no_pager: bool) -> None:
    """Goals set (力争, 确保, 计划, 预期目标...) and what later reports say.

    Each goal of YEARS is linked to the first later report of the series
    that reports on it (ratio = outcome / target); a goal no later report
    speaks of is shown as open. All years when none given.

    \b
    erqi-diff goals
    erqi-diff goals 2016 --json
    """
    from erqi_diff.core import snapshot as store
    from erqi_diff.extract.goals import extract_many

    project, snaps = _load(years)
    pool = snaps if not years else store.load_many(project)
    found = extract_many(snaps, link_with=pool)
    empty = [s.year for s in snaps if not any(g.year == s.year for g in found)]

    def body(console):
        from rich.text import Text

        for g in found:
            head = Text(f"{g.year}  ", style="bold")
            head.append(g.text)
            console.print(head)
            hedge = {"about": "about ", "at_least": "at least ", "at_most": "at most ", "over": "over "}.get(g.qualifier, "")
            target = f"    target: {'growth ' if g.growth else ''}{hedge}{_num(g.value)}{g.unit}"
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
                line = Text(f"    {g.verdict.value}, {o.year}: {_num(o.value)}{o.unit}{pct}  ", style=style)
                line.append(o.text, style="")
                console.print(line)
        linked = sum(1 for g in found if g.outcome)
        note = _none_note("goals", empty)
        console.print(Text(f"{len(found)} goals, {linked} with an outcome, {len(found) - linked} open"
                           + (f"; {note}" if note else ""), style="dim"))

    _show(found, snaps, as_json, no_pager, "goals", " (no sentence sets a target with a number)", body)

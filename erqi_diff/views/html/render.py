"""The HTML report: one self-contained page on a span of years.

:func:`render_report` turns a :class:`erqi_diff.summarize.report.ReportData`
into one HTML page. Nothing is computed
here beyond layout: which cell of a grid a slogan falls in, which series of
a chart a half-year figure belongs to.

The page opens offline: CSS and the small script are inline, the charts are
SVG written by pygal (its config script and its per-chart copy of the CSS
are taken out and the CSS is put once in the page), and the side-by-side
view reads the diff results embedded as JSON. To keep the page small, each
pair's ops are stored as lengths into a table of texts shared by all pairs
(the ``=``/``-`` ops of a section join to its older text and ``=``/``+`` to
its newer one, so lengths are enough to cut them back out).
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter, defaultdict
from typing import Any

from erqi_diff.reuse.model import Passage as ReusedPassage
from erqi_diff.reuse.model import Span
from erqi_diff.summarize.report import ReportData
from erqi_diff.views import format as fmt


def _asset(name: str) -> str:
    """A file of this package (the page's stylesheet and script)."""
    from importlib.resources import files

    return files(__package__).joinpath(name).read_text(encoding="utf-8")

SECTIONS = (("overview", "Overview"), ("slogans", "Slogans"), ("metrics", "Metrics"),
            ("goals", "Goals"), ("compare", "Side by side"), ("reuse", "Reuse"))
LONGEST_PASSAGES = 15
FULL_YEAR = "year"  # erqi_diff.extract.metrics.Period.YEAR: every other period is part of a year, or several years


# ---------------------------------------------------------------- helpers

def esc(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def fmt_num(value: Any) -> str:
    """A number as the views write it (:func:`erqi_diff.views.format.number`); '' for None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return fmt.number(value)
    return "" if value is None else str(value)


def fmt_value(value: Any) -> str:
    """A figure or a range ([6.5, 7] -> 6.5–7)."""
    return fmt.value(value) if isinstance(value, (int, float, list, tuple)) and not isinstance(value, bool) else fmt_num(value)


def fmt_pct(ratio: float | None) -> str:
    """A share of a target or a whole, whole percent: 1.054 -> "105%"."""
    return "" if ratio is None else f"{ratio * 100:.0f}%"


def section(ident: str, title: str, body: str, lead: str = "") -> str:
    lead_html = f'<p class="lead">{lead}</p>' if lead else ""
    return f'<section id="{ident}"><h2>{esc(title)}</h2>{lead_html}{body}</section>'


def empty_note(what: str) -> str:
    return f'<p class="empty">{what}</p>'


def json_script(ident: str, data: Any) -> str:
    """Data for the page's script; '<' escaped so no text can close the tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{ident}">{text}</script>'


def is_full_year(period: Any) -> bool:
    return period == FULL_YEAR


# ---------------------------------------------------------------- charts (pygal)

_STYLE_RE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL)
_SCRIPT_RE = re.compile(r"<script[^>]*>.*?</script>", re.DOTALL)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)


class Charts:
    """pygal charts as inline SVG sharing one copy of pygal's CSS."""

    def __init__(self) -> None:
        self.css: dict[str, None] = {}

    @staticmethod
    def style():
        from pygal.style import Style

        font = 'system-ui, "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif'
        return Style(background="transparent", plot_background="#fff", font_family=font,
                     colors=("#1f6fb2", "#d9822b", "#3a9d5d", "#b23b3b", "#7b5ea7"),
                     label_font_size=11, major_label_font_size=11, value_font_size=10,
                     legend_font_size=11, title_font_size=13, tooltip_font_size=11,
                     guide_stroke_color="#c8c8c8", guide_stroke_dasharray="2,3",
                     major_guide_stroke_color="#aaa", major_guide_stroke_dasharray="2,3")

    def config(self, **extra) -> dict:
        return dict(style=self.style(), js=[], disable_xml_declaration=True, explicit_size=False,
                    show_y_guides=True, **extra)

    def svg(self, chart, title: str) -> str:
        """Render ``chart``; its CSS goes to :attr:`css`, keyed to ``.pygal-chart``."""
        text = chart.render(is_unicode=True)
        prefix = f"#chart-{chart.uuid}"
        for css in _STYLE_RE.findall(text):
            self.css[css.replace(prefix, ".pygal-chart").replace("&gt;", ">")] = None
        text = _STYLE_RE.sub("", _SCRIPT_RE.sub("", _COMMENT_RE.sub("", text)))
        text = text.replace("<title>Pygal</title>", f"<title>{esc(title)}</title>", 1)
        return text.replace('<svg ', f'<svg role="img" aria-label="{esc(title)}" ', 1)

    def stylesheet(self) -> str:
        return "\n".join(self.css)


# ---------------------------------------------------------------- overview

def render_overview(data: ReportData) -> str:
    rows = "".join(
        f"<tr><td>{esc(m['year'])}</td><td>{esc(m.get('date'))}</td><td class=\"wrap\">{esc(m.get('title'))}</td>"
        f"<td class=\"num\">{esc(m.get('chars'))}</td><td class=\"num\">{esc(m.get('sections'))}</td></tr>"
        for m in data.overview)
    table = ('<div class="scroll"><table class="overview"><thead><tr><th>Year</th><th>Date</th><th>Title</th>'
             f'<th class="num">Characters</th><th class="num">Sections</th></tr></thead><tbody>{rows}</tbody></table></div>')
    missing = [y for y in range(data.years[0], data.years[-1] + 1) if y not in data.years]
    lead = f"{len(data.years)} reports from {data.years[0]} to {data.years[-1]}"
    if missing:
        lead += f"; the series has no report for {', '.join(map(str, missing))}"
    return section("overview", "Overview", table, esc(lead) + ".")


# ---------------------------------------------------------------- slogans

def _year_cells(years: tuple[int, ...], found: list[int], counts: dict[int, Any], marks: bool) -> str:
    """One grid row's cells: the count in each year it is used, ``new`` on its
    first year (unless the span starts there), ``retired`` on the first report
    after its last year."""
    first, last = (found[0], found[-1]) if found else (None, None)
    after_last = next((y for y in years if last is not None and y > last), None)
    cells = []
    for year in years:
        if year in found:
            new = marks and year == first and year != years[0]
            tag = ' <span class="tag new">new</span>' if new else ""
            cells.append(f'<td class="num hit{" is-new" if new else ""}">{esc(counts.get(year) or "•")}{tag}</td>')
        elif marks and year == after_last:
            cells.append('<td class="num retired"><span class="tag gone">retired</span></td>')
        else:
            cells.append("<td></td>")
    return "".join(cells)


def _slogan_rows(record: dict, years: tuple[int, ...]) -> str:
    found = sorted(int(y) for y in record.get("years", []))
    counts = {int(k): v for k, v in (record.get("counts") or {}).items()}
    kind = f' <span class="kind">{esc(record["kind"])}</span>' if record.get("kind") else ""
    head = f'<th class="slogan wrap" scope="row">{esc(record.get("slogan"))}{kind}</th>'
    rows = [f'<tr class="slogan-row">{head}{_year_cells(years, found, counts, True)}</tr>']
    for variant in record.get("variants") or ():
        if not isinstance(variant, dict):
            variant = {"slogan": variant}
        v_found = sorted(int(y) for y in variant.get("years", []))
        v_counts = {int(k): v for k, v in (variant.get("counts") or {}).items()}
        rows.append(f'<tr class="variant-row"><th class="slogan wrap" scope="row"><span class="variant">↳ '
                    f'{esc(variant.get("slogan"))}</span></th>{_year_cells(years, v_found, v_counts, False)}</tr>')
    return "".join(rows)


def _slogan_table(records: list[dict], years: tuple[int, ...]) -> str:
    head = "".join(f'<th class="num">{y}</th>' for y in years)
    body = "".join(_slogan_rows(r, years) for r in records)
    return (f'<div class="scroll"><table class="timeline"><thead><tr><th>Slogan</th>{head}</tr></thead>'
            f'<tbody>{body}</tbody></table></div>')


def render_slogans(data: ReportData) -> str:
    if not data.slogans:
        return section("slogans", "Slogans", empty_note("No slogan (提法) was found in any report of the span."))
    lasting = [r for r in data.slogans if len(r.get("years", [])) >= 2]
    once = [r for r in data.slogans if len(r.get("years", [])) < 2]
    body = _slogan_table(lasting, data.years) if lasting else empty_note("No slogan is used in two reports of the span.")
    if once:
        body += (f'<details class="table"><summary>{len(once)} slogans used in one report only</summary>'
                 f'{_slogan_table(once, data.years)}</details>')
    lead = (f"{len(data.slogans)} slogans, {len(lasting)} of them used in two reports or more; a number is how often "
            "a report uses it. <span class=\"tag new\">new</span> first report using it, "
            "<span class=\"tag gone\">retired</span> first report without it after its last use; "
            "the ↳ rows under a slogan are its variants (other wordings of it) with their own counts.")
    return section("slogans", "Slogans", body, lead)


# ---------------------------------------------------------------- metrics

def _numeric(value: Any) -> float | None:
    """A single figure to plot; ranges ([6.5, 7]) and missing values are not plotted."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None


def _metric_unit(records: list[dict]) -> str | None:
    units = Counter(r.get("unit") for r in records if _numeric(r.get("value")) is not None)
    return units.most_common(1)[0][0] if units else None


def _chart_plan(records: list[dict]) -> tuple[str, str | None] | None:
    """What one indicator's chart plots: ("value", unit) when values in one
    unit stand in two years or more, else ("growth", "%") when growth rates
    do, else None (the table alone shows it)."""
    unit = _metric_unit(records)
    if len({r["year"] for r in records if _numeric(r.get("value")) is not None and r.get("unit") == unit}) >= 2:
        return "value", unit
    if len({r["year"] for r in records if _numeric(r.get("growth_pct")) is not None}) >= 2:
        return "growth", "%"
    return None


def _period_label(period: Any) -> str:
    return "full year" if is_full_year(period) else f"{period} only"


def _metric_chart(charts: Charts, name: str, records: list[dict], years: tuple[int, ...],
                  plan: tuple[str, str | None]) -> str:
    """One small chart of an indicator across the years: full-year figures as
    one line, each shorter or longer period (H1, multi-year...) as a dashed
    series of its own, so a half-year figure never reads as a full year."""
    import pygal

    field, unit = plan
    series: dict[str, list] = {}
    for record in records:
        value = _numeric(record.get("value" if field == "value" else "growth_pct"))
        if value is None or (field == "value" and record.get("unit") != unit) or int(record["year"]) not in years:
            continue
        label = _period_label(record.get("period"))
        values = series.setdefault(label, [None] * len(years))
        index = years.index(int(record["year"]))
        if values[index] is None:  # the first figure of a year, in document order
            values[index] = {"value": value, "label": f"{record['year']} {label}"}
    title = f"{name}: {'growth, %' if field == 'growth' else unit or ''}"
    legend = len(series) > 1 or "full year" not in series
    chart = pygal.Line(**charts.config(width=360, height=230 if legend else 210, show_legend=legend,
                                       legend_at_bottom=True, legend_at_bottom_columns=max(2, len(series)),
                                       legend_box_size=10, print_values=True,
                                       print_values_position="top", margin=14, margin_top=22, margin_right=40,
                                       min_scale=3, max_scale=5, dots_size=4, formatter=fmt_num, truncate_legend=-1))
    chart.x_labels = [str(y) for y in years]
    for label, values in sorted(series.items(), key=lambda kv: kv[0] != "full year"):
        dashed = {"width": 2, "dasharray": "5,4"} if label != "full year" else {"width": 2}
        chart.add(label, values, stroke_style=dashed)
    return charts.svg(chart, title)


def _metric_row(r: dict) -> str:
    full = is_full_year(r.get("period"))
    growth = r.get("growth_pct")
    period = esc(r.get("period")) + ("" if full else ' <span class="tag part">part of year</span>')
    return (f'<tr class="{"" if full else "partial"}"><td>{esc(r.get("indicator"))}</td><td>{esc(r.get("year"))}</td>'
            f'<td class="num">{esc(fmt_value(r.get("value")))}</td><td>{esc(r.get("unit"))}</td>'
            f'<td class="num">{esc(fmt_num(growth))}{"%" if growth is not None else ""}</td>'
            f'<td>{period}</td><td>{esc(r.get("qualifier"))}</td><td class="wrap quote">{esc(r.get("text"))}</td></tr>')


def render_metrics(data: ReportData, charts: Charts) -> str:
    if not data.metrics:
        return section("metrics", "Metrics", empty_note("No metric (a figure with its indicator) was found in any report of the span."))
    by_indicator: dict[str, list[dict]] = defaultdict(list)
    for record in data.metrics:
        by_indicator[record.get("indicator") or "?"].append(record)
    # A chart for each indicator with figures in two years at least; the table lists all.
    planned = [(name, recs, plan) for name, recs in by_indicator.items() if (plan := _chart_plan(recs))]
    planned.sort(key=lambda item: (-len({r["year"] for r in item[1]}), item[0]))
    tiles = "".join(
        f'<figure class="tile"><figcaption>{esc(name)} <span class="unit">{esc("growth, %" if plan[0] == "growth" else plan[1])}'
        f'</span></figcaption>{_metric_chart(charts, name, recs, data.years, plan)}</figure>'
        for name, recs, plan in planned)
    multiples = (f'<div class="multiples">{tiles}</div>' if tiles else
                 empty_note("No indicator has a figure in two years of the span, so there is nothing to chart; the table lists every figure."))
    rows = "".join(_metric_row(r) for r in sorted(data.metrics, key=lambda r: (str(r.get("indicator")), r.get("year", 0))))
    table = ('<details class="table"><summary>The table behind the charts: '
             f'{len(data.metrics)} figures of {len(by_indicator)} indicators</summary>'
             '<div class="scroll"><table class="metrics"><thead><tr><th>Indicator</th><th>Year</th><th class="num">Value</th>'
             '<th>Unit</th><th class="num">Growth</th><th>Period</th><th>Qualifier</th><th>Sentence</th></tr></thead>'
             f'<tbody>{rows}</tbody></table></div></details>')
    lead = ("One chart per indicator with figures in two years or more: its values in their commonest unit, "
            "else its growth rates. Half-year (H1) and other part-year or multi-year figures are a dashed series "
            "of their own, never joined to full-year ones. Ranges are in the table only.")
    return section("metrics", "Metrics", multiples + table, lead)


# ---------------------------------------------------------------- goals

def _goal_target(goal: dict) -> str:
    target = goal.get("target") or {}
    return f"{fmt_value(target.get('value'))}{target.get('unit') or ''}" if target.get("value") is not None else ""


def render_goals(data: ReportData, charts: Charts) -> str:
    if not data.goals:
        return section("goals", "Goals", empty_note("No goal (力争, 确保, 计划, 目标…) was found in any report of the span."))
    import pygal

    # A share achieved only where the goals module could judge it: a floor or
    # a ceiling (CPI 3%左右 against 0.2% is no "7% achieved").
    met = [g for g in data.goals if g.get("verdict") in ("met", "missed") and g["outcome"].get("ratio") is not None]
    chart_html = ""
    if met:
        chart = pygal.HorizontalBar(**charts.config(width=720, height=60 + 26 * len(met), show_legend=False,
                                                    print_values=True, margin=10, margin_left=130, truncate_label=20,
                                                    formatter=lambda v: f"{v:.0f}%"))
        shown = list(reversed(met))  # pygal draws the first bar at the bottom
        chart.x_labels = [f"{g['year']} {g.get('text')}" for g in shown]
        chart.add("share achieved", [{"value": round(g["outcome"]["ratio"] * 100, 1),
                                      "label": f"{g['year']}: {g.get('text')} → {g['outcome']['year']}: {g['outcome'].get('text')}"}
                                     for g in shown])
        chart_html = (f'<figure class="wide"><figcaption>Share of each goal achieved, as the later report states it</figcaption>'
                      f'<div class="scroll">{charts.svg(chart, "Share of each goal achieved")}</div></figure>')
    rows = []
    for g in sorted(data.goals, key=lambda g: (g.get("year", 0), str(g.get("text")))):
        outcome = g.get("outcome")
        if outcome:
            verdict = g.get("verdict") or "reported"
            share = fmt_pct(outcome.get("ratio")) if verdict in ("met", "missed") else ""
            result = (f'<td class="wrap quote" data-label="Outcome">{esc(outcome.get("year"))}: {esc(outcome.get("text"))}</td>'
                      f'<td class="num share {esc(verdict)}" data-label="Achieved">{esc(verdict)}'
                      f'{f" ({share})" if share else ""}</td>')
        else:
            result = '<td class="open" data-label="Outcome">no later report says</td><td class="num" data-label="Achieved">open</td>'
        rows.append(f'<tr><td data-label="Year">{esc(g.get("year"))}</td><td class="wrap quote" data-label="Goal">{esc(g.get("text"))}</td>'
                    f'<td class="num" data-label="Target">{esc(_goal_target(g))}</td>'
                    f'<td class="nowrap" data-label="By">{esc(g.get("deadline"))}</td>{result}</tr>')
    table = ('<div class="scroll"><table class="goals"><thead><tr><th>Year</th><th>Goal</th><th class="num">Target</th>'
             '<th>By</th><th>Outcome</th><th class="num">Achieved</th></tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table></div>')
    lead = (f"{len(data.goals)} goals; {sum(1 for g in data.goals if g.get('outcome'))} have an outcome in a later report, "
            f"{len(met)} judged met or missed against a floor or ceiling; the rest are reported without a verdict "
            "(a target 左右 or a range) or stay open.")
    return section("goals", "Goals", chart_html + table, esc(lead))


# ---------------------------------------------------------------- side by side

def pack_pairs(pairs: dict[str, dict]) -> dict:
    """The diff results of every pair, ops as lengths into one shared table of texts."""
    texts: list[str] = []
    index: dict[str, int] = {}

    def intern(text: str) -> int:
        if text not in index:
            index[text] = len(texts)
            texts.append(text)
        return index[text]

    packed = {}
    for key, result in pairs.items():
        sections = []
        for sec in result.get("sections", []):
            ops = [(op, text) for op, text in sec.get("ops", [])]
            older = "".join(t for op, t in ops if op in "=-")
            newer = "".join(t for op, t in ops if op in "=+")
            sim = sec.get("similarity")
            sections.append({"s": sec.get("status"), "fh": sec.get("from_heading"), "th": sec.get("to_heading"),
                             "sim": None if sim is None else round(float(sim), 3), "mv": bool(sec.get("moved")),
                             "pm": len(sec.get("moves") or ()), "ft": intern(older), "tt": intern(newer),
                             "ops": "".join(f"{op}{len(text)}" for op, text in ops if text)})
        stats = result.get("stats") or {}
        packed[key] = {"stats": {k: stats.get(k) for k in ("matched", "unchanged", "added", "removed", "moved",
                                                           "paragraphs_moved", "changed_share")},
                       "sections": sections}
    return {"texts": texts, "pairs": packed}


def render_compare(data: ReportData) -> str:
    # The two latest reports to start with, as one reads this year's statement against last year's.
    first, last = data.years[-2], data.years[-1]
    options_from = "".join(f'<option value="{y}"{" selected" if y == first else ""}>{y}</option>' for y in data.years)
    options_to = "".join(f'<option value="{y}"{" selected" if y == last else ""}>{y}</option>' for y in data.years)
    controls = (f'<div class="controls"><label>From <select id="sbs-from">{options_from}</select></label> '
                f'<label>to <select id="sbs-to">{options_to}</select></label></div>')
    body = ('<p id="sbs-summary" class="summary"></p><div id="sbs-body" class="sbs"></div>'
            '<noscript><p class="empty">The side-by-side view needs JavaScript.</p></noscript>')
    lead = ("Choose two years: sections are aligned by content, "
            "<del>struck out</del> is only in the first year, <ins>underlined</ins> only in the second.")
    return section("compare", "Side by side", controls + body, lead) + json_script("erqi-pairs", pack_pairs(data.pairs))


# ---------------------------------------------------------------- reuse

def _heat(value: float | None, top: float) -> str:
    """Cell colour: darker as the share nears the largest share of the matrix."""
    if value is None:
        return ""
    strength = max(0.0, min(1.0, float(value) / top)) if top > 0 else 0.0
    return f' style="background:rgba(192,57,43,{0.04 + 0.86 * strength:.2f});color:{"#fff" if strength > 0.55 else "#222"}"'


def fmt_share(ratio: float | None) -> str:
    return "" if ratio is None else fmt.share_precise(ratio)


def _matrix_cell(matrix: dict[str, dict[str, float]], row: int, col: int) -> float:
    return matrix.get(str(row), {}).get(str(col), 0.0)


def _marked(text: str, start: int, edits: list[tuple[int, int]]) -> str:
    """``text`` (found at ``start`` of its report) escaped, the reuse audit's
    differences, given as offsets into the report, marked; unmarked if an
    offset does not fall inside the passage."""
    out, pos = [], 0
    for a, b in sorted(edits):
        a, b = a - start, b - start
        if a < pos or b > len(text) or a > b:
            return esc(text)
        out.append(esc(text[pos:a]))
        if b > a:
            out.append(f"<mark>{esc(text[a:b])}</mark>")
        pos = b
    out.append(esc(text[pos:]))
    return "".join(out)


def _span_side(side: Span, edits: list[tuple[int, int]]) -> str:
    where = side.key + (f" · {side.section}" if side.section else "")
    return (f'<div class="side"><div class="where">{esc(where)}</div>'
            f'<div class="wrap quote">{_marked(side.text, side.start, edits)}</div></div>')


def _passage(passage: ReusedPassage) -> str:
    diffs = passage.differences
    sides = (_span_side(passage.a, [(d.a_start, d.a_end) for d in diffs])
             + _span_side(passage.b, [(d.b_start, d.b_end) for d in diffs]))
    similarity = fmt_num(round(float(passage.similarity), 3))
    changes = f", {len(diffs)} difference{'s' if len(diffs) != 1 else ''} marked" if diffs else ""
    return (f'<li class="passage"><div class="meta">{esc(passage.chars)} characters, similarity '
            f'{similarity}{changes}</div><div class="pair">{sides}</div></li>')


def _ratios_chart(charts: Charts, ratios: dict[str, float], years: tuple[int, ...]) -> str:
    import pygal

    chart = pygal.Bar(**charts.config(width=720, height=240, show_legend=False, print_values=True, margin=10,
                                      formatter=lambda v: f"{v:.1f}%", include_x_axis=True))
    chart.x_labels = [str(y) for y in years]
    chart.add("written before", [None if ratios.get(str(y)) is None else round(ratios[str(y)] * 100, 1) for y in years])
    return (f'<figure class="wide"><figcaption>Share of each report that already stood in an earlier one</figcaption>'
            f'<div class="scroll">{charts.svg(chart, "Share of each report written before")}</div></figure>')


def _heatmap(matrix: dict[str, dict[str, float]], years: tuple[int, ...]) -> str:
    cells = {(row, col): _matrix_cell(matrix, row, col) for row in years for col in years}
    top = max((v for v in cells.values() if v is not None), default=0.0)
    head = "".join(f'<th class="num">{y}</th>' for y in years)
    rows = "".join(
        f'<tr><th scope="row">{row}</th>' + "".join(
            f'<td class="num heat{" self" if row == col else ""}"{_heat(cells[row, col], top)}>{fmt_share(cells[row, col])}</td>'
            for col in years) + "</tr>" for row in years)
    return ('<figure class="wide"><figcaption>Heat map: share of the row\'s report that stands in the column\'s '
            'report (on the diagonal: repeated within the report itself)</figcaption>'
            f'<div class="scroll"><table class="heatmap"><thead><tr><th></th>{head}</tr></thead>'
            f'<tbody>{rows}</tbody></table></div></figure>')


def render_reuse(data: ReportData, charts: Charts) -> str:
    reuse = data.reuse
    spans = reuse.copies()
    parts = []
    if reuse.ratios:
        parts.append(_ratios_chart(charts, {key: r.share for key, r in reuse.ratios.items()}, data.years))
    if reuse.matrix:
        parts.append(_heatmap(reuse.matrix, data.years))
    longest = sorted(spans, key=lambda p: -p.chars)[:LONGEST_PASSAGES]
    if longest:
        items = "".join(_passage(p) for p in longest)
        parts.append(f'<h3>The longest reused passages</h3><ol class="passages">{items}</ol>')
    else:
        parts.append(empty_note("No passage of one report reappears in another report of the span."))
    formulas = len(reuse.formulas)
    lead = (f"{len(spans)} reused passages found; the {min(len(spans), LONGEST_PASSAGES)} longest are shown, "
            "with what differs between the two sides marked"
            + (f"; {formulas} stock formulas found in many reports are left out." if formulas else "."))
    return section("reuse", "Reuse", "".join(parts), esc(lead))


# ---------------------------------------------------------------- page




def render_report(data: ReportData) -> str:
    """The whole page as one string of HTML."""
    charts = Charts()
    parts = [render_overview(data), render_slogans(data), render_metrics(data, charts), render_goals(data, charts),
             render_compare(data), render_reuse(data, charts)]
    nav = "".join(f'<a href="#{ident}">{esc(title)}</a>' for ident, title in SECTIONS)
    span = f"{data.years[0]}–{data.years[-1]}"
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-Hans\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">"
        f"<title>erqi-diff report {span}</title><style>{_asset('style.css')}\n{charts.stylesheet()}</style></head><body>"
        f"<header class=\"top\"><h1>Reports {span}</h1><p>{esc(', '.join(map(str, data.years)))} · made by erqi-diff</p></header>"
        f"<nav><div>{nav}</div></nav><main>{''.join(parts)}</main>"
        "<footer>Every figure, slogan and passage on this page is quoted from the snapshots; "
        "open it offline, it asks nothing of any other host.</footer>"
        f"<script>{_asset('script.js')}</script></body></html>\n"
    )

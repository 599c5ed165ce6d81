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
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from erqi_diff.reuse.model import Passage as ReusedPassage
from erqi_diff.reuse.model import Span
from erqi_diff.summarize.report import ReportData
from erqi_diff.summarize.series import SloganRow

if TYPE_CHECKING:
    from erqi_diff.compare.diff import DiffResult
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


def section(ident: str, title: str, body: str, lead: str = "") -> str:
    lead_html = f'<p class="lead">{lead}</p>' if lead else ""
    return f'<section id="{ident}"><h2>{esc(title)}</h2>{lead_html}{body}</section>'


def empty_note(what: str) -> str:
    return f'<p class="empty">{what}</p>'


def json_script(ident: str, data: Any) -> str:
    """Data for the page's script; '<' escaped so no text can close the tag."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{ident}">{text}</script>'


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
        f"<tr><td>{esc(m.year)}</td><td>{esc(m.date)}</td><td class=\"wrap\">{esc(m.title)}</td>"
        f"<td class=\"num\">{esc(m.chars)}</td><td class=\"num\">{esc(m.sections)}</td></tr>"
        for m in data.overview)
    table = ('<div class="scroll"><table class="overview"><thead><tr><th>Year</th><th>Date</th><th>Title</th>'
             f'<th class="num">Characters</th><th class="num">Sections</th></tr></thead><tbody>{rows}</tbody></table></div>')
    missing = [y for y in range(data.years[0], data.years[-1] + 1) if y not in data.years]
    lead = f"{len(data.years)} reports from {data.years[0]} to {data.years[-1]}"
    if missing:
        lead += f"; the series has no report for {', '.join(map(str, missing))}"
    return section("overview", "Overview", table, esc(lead) + ".")


# ---------------------------------------------------------------- slogans

_TAGS = {"added": ("new", "new"), "returned": ("back", "returned"), "changed": ("changed", "changed"),
         "retired": ("gone", "retired"), "left_out": ("out", "left out")}


def _year_cells(years: tuple[int, ...], counts: Mapping[int, int], marks: Mapping[int, Any],
                held: tuple[int, ...] = ()) -> str:
    """One grid row's cells: the count in each year it is used (+ where it is
    there only as an item of a longer slogan), and the word for what became
    of it there (added, returned, changed; retired, or left out when a later
    report uses it again, in the first report without it)."""
    cells = []
    for year in years:
        mark = marks.get(year)
        css, word = _TAGS.get(getattr(mark, "value", ""), ("", ""))
        tag = f' <span class="tag {css}">{word}</span>' if mark is not None else ""
        if year in counts or year in held:
            cls = " is-new" if word == "new" else f" is-{css}" if mark is not None else ""
            shown = esc(counts[year]) if year in counts else \
                '<span title="there only as an item of a longer slogan">+</span>'
            cells.append(f'<td class="num hit{cls}">{shown}{tag}</td>')
        elif mark is not None:
            cells.append(f'<td class="num {"retired" if css == "gone" else "left-out"}">{tag}</td>')
        else:
            cells.append("<td></td>")
    return "".join(cells)


def _slogan_rows(row: SloganRow, years: tuple[int, ...]) -> str:
    slogan = row.slogan
    kind = f' <span class="kind">{esc(slogan.kind.value)}</span>'
    head = f'<th class="slogan wrap" scope="row">{esc(slogan.slogan)}{kind}</th>'
    rows = [f'<tr class="slogan-row">{head}{_year_cells(years, slogan.counts, row.marks, row.held)}</tr>']
    for variant in slogan.variants:
        rows.append(f'<tr class="variant-row"><th class="slogan wrap" scope="row"><span class="variant">↳ '
                    f'{esc(variant.slogan)}</span></th>{_year_cells(years, variant.counts, {})}</tr>')
    return "".join(rows)


def _slogan_table(rows: list[SloganRow], years: tuple[int, ...]) -> str:
    head = "".join(f'<th class="num">{y}</th>' for y in years)
    body = "".join(_slogan_rows(r, years) for r in rows)
    return (f'<div class="scroll"><table class="timeline"><thead><tr><th>Slogan</th>{head}</tr></thead>'
            f'<tbody>{body}</tbody></table></div>')


def render_slogans(data: ReportData) -> str:
    if not data.slogans:
        return section("slogans", "Slogans", empty_note("No slogan (提法) was found in any report of the span."))
    lasting = [r for r in data.slogans if len(r.slogan.years) >= 2]
    once = [r for r in data.slogans if len(r.slogan.years) < 2]
    body = _slogan_table(lasting, data.years) if lasting else empty_note("No slogan is used in two reports of the span.")
    if once:
        body += (f'<details class="table"><summary>{len(once)} slogans used in one report only</summary>'
                 f'{_slogan_table(once, data.years)}</details>')
    lead = (f"{len(data.slogans)} slogans, {len(lasting)} of them used in two reports or more; a number is how often "
            "a report uses it. <span class=\"tag new\">new</span> first report using it, "
            "<span class=\"tag back\">returned</span> used again after reports without it, "
            "<span class=\"tag changed\">changed</span> worded otherwise than in the report before, "
            "<span class=\"tag gone\">retired</span> first report without it after a use, none later using it; "
            "<span class=\"tag out\">left out</span> first report without it, a later one using it again; "
            "the ↳ rows under a slogan are its forms (other wordings of it) with their own counts.")
    return section("slogans", "Slogans", body, lead)


# ---------------------------------------------------------------- side by side

def pack_pairs(pairs: dict[str, DiffResult]) -> dict:
    """The diff results of every pair for the page's script: the lines
    (paragraphs) of every text in one shared table, so a paragraph found in
    many pairs is stored once; a unit's older and newer text are lists of
    line numbers (``ft``, ``tt``: join them with newlines), and its ops a
    string of codes and lengths:
    ``=`` kept, ``-`` deleted, ``+`` inserted, ``<`` a paragraph moved away
    and ``>`` moved here, followed by ``:k``, the move both ends share."""
    texts: list[str] = []
    index: dict[str, int] = {}

    def intern(text: str) -> list[int]:
        lines = []
        for line in text.split("\n"):
            if line not in index:
                index[line] = len(texts)
                texts.append(line)
            lines.append(index[line])
        return lines

    packed = {}
    for key, result in pairs.items():
        sections = []
        for sec in result.sections:
            codes: list[str] = []
            older: list[str] = []
            newer: list[str] = []
            moves: dict[tuple[int | None, int | None], int] = {}
            for block in sec.blocks:
                mark = ""
                if block.kind.value in ("moved_out", "moved_in"):
                    move = moves.setdefault((block.from_paragraph, block.to_paragraph), len(moves) + 1)
                    mark = f":{move}"
                for op, text in block.ops:
                    if not text:
                        continue
                    if op != "+":
                        older.append(text)
                    if op != "-":
                        newer.append(text)
                    code = {"moved_out": "<", "moved_in": ">"}.get(block.kind.value, op) if op != "=" else op
                    codes.append(f"{code}{len(text)}{mark if code in '<>' else ''}")
            sections.append({"s": sec.status.value, "rel": sec.relation.value,
                             "by": sec.paired_by.value if sec.paired_by else None,
                             "fh": sec.from_heading, "th": sec.to_heading,
                             "hh": sec.host.heading if sec.host is not None else None,
                             "nh": len(sec.held), "nb": sec.below,
                             "sim": None if sec.similarity is None else round(float(sec.similarity), 3),
                             "mv": sec.moved, "pm": len(sec.moves), "ft": intern("".join(older)),
                             "tt": intern("".join(newer)), "ops": "".join(codes)})
        st = result.stats
        packed[key] = {"stats": {"matched": st.matched, "unchanged": st.unchanged, "added": st.added,
                                 "removed": st.removed, "folded": st.folded, "drawn": st.drawn,
                                 "regrouped": st.regrouped, "moved": st.moved,
                                 "splits": st.splits, "merges": st.merges,
                                 "paragraphs_moved": st.paragraphs_moved, "changed_share": st.changed_share},
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
    lead = ("Choose two years: sections are paired as a reader pairs them (review with review, plan with plan, "
            "by topic; a section split in two or two merged into one are shown as such), "
            "<del>struck out</del> is only in the first year, <ins>underlined</ins> only in the second, "
            "<span class=\"moved-key\">a framed paragraph</span> moved within the section "
            "(point at it to see both places).")
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
    if passage.also:
        changes += f", {esc(fmt.recurring(passage.also, passage.also_share))}"
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
    from erqi_diff.views.html.figures import render_goals, render_metrics

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

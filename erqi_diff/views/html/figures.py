"""The figures of the HTML report: the metrics (charts by figure year, to
scale, one line per series, and the table) and the goals (targets and
outcomes by figure year, and the table of verdicts). Layout only: the
figures, links and verdicts come typed from :mod:`erqi_diff.summarize.report`.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from erqi_diff.summarize.report import ReportData
from erqi_diff.views import format as fmt
from erqi_diff.views.html.render import FULL_YEAR, Charts, empty_note, esc, fmt_num, section


# ---------------------------------------------------------------- metrics

def _year(fact) -> str:
    """Where a figure belongs: its figure year, and the report when another ("2020 · report 2021")."""
    return fmt.year_label(fact.figure_year, fact.year, fact.figure_span, fact.period)


def _shown(fact) -> str:
    return fmt.figure(fact.value, fact.unit, fact.modifier.value, fact.measure.value)


def _series_label(key: tuple) -> str:
    """A series of one indicator: its measure and period, in words."""
    _, measure, period, _unit, base, coverage = key
    period_text = "full year" if period is not None and period.value == FULL_YEAR else (
        f"{period.value} only" if period is not None else "period unstated")
    return f"{measure.value}, {period_text}" + (f" ({base})" if base else "") + (f" ({coverage})" if coverage else "")


def _chart_series(records) -> tuple[str, list[tuple[tuple, dict[int, object]]]] | None:
    """What one indicator's chart plots: its series in the unit most of its
    figures share (each series one measure and period: a half year or a
    growth is never joined to a full-year level), with a point per figure
    year (the latest report's figure); None when no series has two years."""
    from erqi_diff.extract.metrics import series_key

    single = [r for r in records if r.value is not None and not r.is_range and r.figure_year is not None]
    units = Counter(r.unit for r in single)
    plans = []
    for unit, _ in units.most_common():
        series: dict[tuple, dict[int, object]] = {}
        for r in sorted(single, key=lambda r: (r.year, r.quote_start)):
            if r.unit == unit:
                series.setdefault(series_key(r), {})[r.figure_year] = r
        kept = [(k, pts) for k, pts in series.items() if len(pts) >= 2]
        if kept:
            kept.sort(key=lambda kp: (kp[0][2] is None or kp[0][2].value != FULL_YEAR, -len(kp[1])))
            plans.append((not any(k[1].value == "level" for k, _ in kept), unit, kept[:4]))
    if not plans:
        return None
    _, unit, kept = min(plans, key=lambda p: p[0])  # levels before growth rates, then the commonest unit
    return unit, kept


def _metric_chart(charts: Charts, name: str, unit: str, series) -> str:
    """One small chart of an indicator: x is the figure year, to scale
    (2015 to 2022 is seven steps); each series (measure, period) a line of its
    own, the full-year one solid, any other dashed."""
    import pygal

    years = sorted({y for _, pts in series for y in pts})
    legend = len(series) > 1
    chart = pygal.XY(**charts.config(width=360, height=230 if legend else 210, show_legend=legend,
                                     legend_at_bottom=True, legend_at_bottom_columns=2, legend_box_size=10,
                                     print_values=True, print_values_position="top", margin=14, margin_top=22,
                                     margin_right=40, dots_size=4, formatter=fmt_num, truncate_legend=-1,
                                     x_value_formatter=lambda x: str(int(x)), show_x_guides=False,
                                     xrange=(years[0] - 0.5, years[-1] + 0.5)))
    chart.x_labels = years
    for key, pts in series:
        full = key[2] is not None and key[2].value == FULL_YEAR and key[1].value == "level"
        dashed = {"width": 2} if full else {"width": 2, "dasharray": "5,4"}
        chart.add(_series_label(key), [{"value": (y, float(pts[y].low)), "label": f"{_year(pts[y])}: {_shown(pts[y])}"}
                                       for y in sorted(pts)], stroke_style=dashed)
    return charts.svg(chart, f"{name}: {unit or 'count'}")


def _metric_row(r) -> str:
    full = r.period is not None and r.period.value == FULL_YEAR
    period = esc(r.period.value if r.period else "unstated") + ("" if full else ' <span class="tag part">part of year</span>'
                                                                 if r.period is None or r.period.value != "multi-year"
                                                                 else "")
    return (f'<tr class="{"" if full else "partial"}"><td>{esc(r.indicator)}</td><td>{esc(_year(r))}</td>'
            f'<td>{esc(r.measure.value)}</td><td class="num">{esc(_shown(r))}</td>'
            f'<td>{period}</td><td>{esc(r.kind.value)}</td><td class="wrap quote">{esc(r.text)}</td></tr>')


def render_metrics(data: ReportData, charts: Charts) -> str:
    if not data.metrics:
        return section("metrics", "Metrics",
                       empty_note("No metric (a figure with its indicator) was found in any report of the span."))
    by_indicator: dict[str, list] = defaultdict(list)
    for record in data.metrics:
        by_indicator[record.indicator or "?"].append(record)
    planned = [(name, plan) for name, recs in by_indicator.items() if (plan := _chart_series(recs))]
    planned.sort(key=lambda item: (-len({y for _, pts in item[1][1] for y in pts}), item[0]))
    tiles = "".join(
        f'<figure class="tile"><figcaption>{esc(name)} <span class="unit">{esc(plan[0] or "count")}'
        f'</span></figcaption>{_metric_chart(charts, name, plan[0], plan[1])}</figure>'
        for name, plan in planned)
    multiples = (f'<div class="multiples">{tiles}</div>' if tiles else
                 empty_note("No indicator has figures of one series in two years of the span, so there is nothing "
                            "to chart; the table lists every figure."))
    rows = "".join(_metric_row(r) for r in sorted(data.metrics, key=lambda r: (str(r.indicator), r.figure_year or 0, r.year)))
    table = ('<details class="table"><summary>The table behind the charts: '
             f'{len(data.metrics)} figures of {len(by_indicator)} indicators</summary>'
             '<div class="scroll"><table class="metrics"><thead><tr><th>Indicator</th><th>Figure year</th>'
             '<th>Measure</th><th class="num">Value</th><th>Period</th><th>Kind</th><th>Sentence</th></tr></thead>'
             f'<tbody>{rows}</tbody></table></div></details>')
    lead = ("One chart per indicator with figures of one series in two years or more. The x-axis is the year each "
            "figure describes, to scale (a report given in March speaks of the year before); each series is one "
            "measure and period: half-year, multi-year and growth figures are lines of their own, never joined to "
            "full-year levels. Ranges are in the table only.")
    return section("metrics", "Metrics", multiples + table, lead)


# ---------------------------------------------------------------- goals

def _target_chart(charts: Charts, name: str, links) -> str:
    """Targets and their outcomes of one indicator, by figure year (to scale)."""
    import pygal

    years = sorted({lk.goal.figure_year for lk in links})
    chart = pygal.XY(**charts.config(width=360, height=230, show_legend=True, legend_at_bottom=True,
                                     legend_box_size=10, margin=14, dots_size=4, formatter=fmt_num,
                                     x_value_formatter=lambda x: str(int(x)), show_x_guides=False,
                                     xrange=(years[0] - 0.5, years[-1] + 0.5)))
    chart.x_labels = years
    chart.add("target", [{"value": (lk.goal.figure_year, float(lk.goal.low)), "label": _shown(lk.goal)}
                         for lk in links], stroke_style={"width": 2, "dasharray": "5,4"})
    chart.add("outcome", [{"value": (lk.goal.figure_year, float(lk.outcome.low)),
                           "label": f"{_shown(lk.outcome)} ({fmt.outcome_source(lk.goal, lk.outcome)})"}
                          for lk in links],
              stroke_style={"width": 2})
    return charts.svg(chart, f"{name}: target and outcome")


def render_goals(data: ReportData, charts: Charts) -> str:
    if not data.goals:
        return section("goals", "Goals", empty_note("No goal (力争, 确保, 计划, 目标…) was found in any report of the span."))
    judged = [lk for lk in data.goals if lk.verdict.value in ("met", "missed") and lk.goal.indicator
              and not lk.goal.is_range and not lk.outcome.is_range]
    by_indicator: dict[tuple, list] = defaultdict(list)
    for lk in judged:
        by_indicator[(lk.goal.indicator, lk.goal.measure.value, lk.goal.unit)].append(lk)
    tiles = "".join(
        f'<figure class="tile"><figcaption>{esc(key[0])} <span class="unit">{esc(key[1])}, {esc(key[2])}</span>'
        f'</figcaption>{_target_chart(charts, key[0], sorted(lks, key=lambda lk: lk.goal.figure_year))}</figure>'
        for key, lks in sorted(by_indicator.items()) if len({lk.goal.figure_year for lk in lks}) >= 2)
    chart_html = f'<div class="multiples">{tiles}</div>' if tiles else ""
    rows = []
    for lk in sorted(data.goals, key=lambda lk: (lk.goal.year, lk.goal.quote_start)):
        g, o = lk.goal, lk.outcome
        verdict = lk.verdict.value
        margin = fmt.link_margin(lk)
        if o is not None:
            result = (f'<td class="wrap quote" data-label="Outcome">{esc(_shown(o))} (report {esc(o.year)}): {esc(o.text)}</td>'
                      f'<td class="num share {esc(verdict)}" data-label="Verdict">{esc(verdict.replace("_", " "))}'
                      f'{f" ({esc(margin)})" if margin else ""}</td>')
        else:
            result = (f'<td class="open" data-label="Outcome">{esc(lk.reason)}</td>'
                      '<td class="num" data-label="Verdict">open</td>')
        rows.append(f'<tr><td data-label="Year">{esc(_year(g))}</td><td class="wrap quote" data-label="Goal">{esc(g.text)}</td>'
                    f'<td class="num" data-label="Target">{esc(_shown(g))}</td>'
                    f'<td class="nowrap" data-label="Kind">{esc(g.kind.value)}</td>{result}</tr>')
    table = ('<div class="scroll"><table class="goals"><thead><tr><th>Figure year</th><th>Goal</th><th class="num">Target</th>'
             '<th>Kind</th><th>Outcome</th><th class="num">Verdict</th></tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table></div>')
    linked = sum(1 for lk in data.goals if lk.outcome is not None)
    lead = (f"{len(data.goals)} goals; {linked} have an outcome in a later report, {len(judged)} of a known "
            "indicator judged met or missed (charted by the year they are for, to scale); the others are not "
            "comparable (another period, measure or unit: the reason is given) or open.")
    return section("goals", "Goals", chart_html + table, esc(lead))

"""The tables of ``erqi-diff metrics``, ``goals`` and ``targets``: one list
of columns per command, shared by the terminal view and ``--csv``.

CSV columns (a header row, then one record per row; read with Python's csv
module or pandas.read_csv):

``metrics``
    report_year, figure_year, figure_span, period, indicator, what, measure,
    value, value_high, unit, modifier, kind, base, trend, quote, sentence,
    start, end
``goals`` and ``targets``
    report_year, figure_year, figure_span, period, indicator, what, kind,
    measure, target, value, value_high, unit, modifier, outcome_report,
    outcome_figure_year, outcome_period, outcome_value, outcome_unit,
    outcome_modifier, verdict, margin, better, reason, quote, sentence,
    outcome_quote, outcome_sentence

A range is ``value`` (low) and ``value_high``; ``figure_span`` is
``first-last``; empty cells are unknown or not applicable. ``target`` is
the target as a reader says it (about 5%, at least 1200万人). Numbers are
written as :mod:`erqi_diff.views.format` writes them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from erqi_diff.views import format as fmt

METRIC_COLUMNS = ("report_year", "figure_year", "figure_span", "period", "indicator", "what", "measure", "value",
                  "value_high", "unit", "modifier", "kind", "base", "trend", "quote", "sentence", "start", "end")
GOAL_COLUMNS = ("report_year", "figure_year", "figure_span", "period", "indicator", "what", "kind", "measure",
                "target", "value", "value_high", "unit", "modifier", "outcome_report", "outcome_figure_year",
                "outcome_period", "outcome_value", "outcome_unit", "outcome_modifier", "verdict", "margin", "better",
                "reason", "quote", "sentence", "outcome_quote", "outcome_sentence")


def _num(v) -> str:
    return "" if v is None else fmt.number(v)


def _low_high(value) -> tuple[str, str]:
    if isinstance(value, (list, tuple)):
        return _num(value[0]), _num(value[1])
    return _num(value), ""


def _enum(v) -> str:
    return "" if v is None else str(getattr(v, "value", v))


def _span(span) -> str:
    return f"{span[0]}-{span[1]}" if span else ""


def shown_figure(fact) -> str:
    """A fact's figure as a reader says it (about 5%, +5.2%)."""
    return fmt.figure(fact.value, fact.unit, _enum(fact.modifier), _enum(fact.measure))


def metric_row(fact, trend) -> dict[str, str]:
    low, high = _low_high(fact.value)
    return {"report_year": str(fact.year), "figure_year": _num(fact.figure_year), "figure_span": _span(fact.figure_span),
            "period": _enum(fact.period), "indicator": fact.indicator or "", "what": fact.what,
            "measure": _enum(fact.measure), "value": low, "value_high": high, "unit": fact.unit,
            "modifier": _enum(fact.modifier), "kind": _enum(fact.kind), "base": fact.base or "",
            "trend": _enum(trend), "quote": fact.quote, "sentence": fact.text, "start": str(fact.start),
            "end": str(fact.end)}


def goal_row(link) -> dict[str, str]:
    g, o = link.goal, link.outcome
    low, high = _low_high(g.value)
    o_low = _low_high(o.value)[0] if o is not None else ""
    return {"report_year": str(g.year), "figure_year": _num(g.figure_year), "figure_span": _span(g.figure_span),
            "period": _enum(g.period), "indicator": g.indicator or "", "what": g.what, "kind": _enum(g.kind),
            "measure": _enum(g.measure), "target": shown_figure(g), "value": low, "value_high": high, "unit": g.unit,
            "modifier": _enum(g.modifier), "outcome_report": str(o.year) if o else "",
            "outcome_figure_year": _num(o.figure_year) if o else "", "outcome_period": _enum(o.period) if o else "",
            "outcome_value": o_low, "outcome_unit": o.unit if o else "",
            "outcome_modifier": _enum(o.modifier) if o else "", "verdict": _enum(link.verdict),
            "margin": _num(link.margin), "better": _enum(link.better), "reason": link.reason, "quote": g.quote,
            "sentence": g.text, "outcome_quote": o.quote if o else "", "outcome_sentence": o.text if o else ""}


def to_csv(columns: Iterable[str], rows: Iterable[dict[str, str]]) -> str:
    """The rows as CSV text with a header row (RFC 4180, as Python's csv module writes it)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue()

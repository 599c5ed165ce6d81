"""The strip on top of ``erqi-diff A B``: slogans added, retired and
changed between two snapshots, and the key metrics side by side.

``diff_strip(a, b)`` returns a JSON-able dict (it is cached as JSON)::

    {"slogans_added": [str, ...], "slogans_retired": [str, ...],
     "slogans_changed": [{"from": str, "to": str}, ...],
     "metrics": [{"indicator": str, "from": figure|None, "to": figure|None,
                  "comparable": bool}]}

The slogans part comes from :func:`erqi_diff.extract.lineage.changes` over the
two reports (the words the changelog uses): a slogan that only changed form
(智慧督察 -> 智慧督查, 医保、医疗、医药 -> 医疗、医保、医药) is *changed*, not
added and retired; a slogan is named by its form in the report it stands in.
Only the two reports are read (the package lexicon applies, a project's own
``slogans.toml`` does not), so a slogan back after an absence shows as added:
the changelog, which reads the whole span, says *returned*.

``figure`` holds the fields of the fact shown (see
:class:`erqi_diff.extract.facts.Fact`): ``report_year``, ``figure_year``,
``figure_span``, ``period``, ``measure``, ``value``, ``unit``, ``modifier``,
``kind``, ``quote``. Metrics listed: the key indicators
(:data:`metrics.KEY_INDICATORS`) present in either report, then any other
indicator present in both. For each side the figure shown is the report's
latest full year, its level first (:func:`metrics.key_metric`), filed under
its figure year; ``comparable`` is False when the two are of different
measures, periods or units (a half year beside a full year is never compared).

Regex only, no heavy imports: this runs on the hot path of the diff view.
"""

from __future__ import annotations

from erqi_diff.extract import metrics as _metrics
from erqi_diff.extract import slogans as _slogans


def slogan_strip(a, b) -> dict:
    """The slogans part of the strip (see the module doc)."""
    from erqi_diff.extract.lineage import changes

    moved = changes(_slogans.extract([a, b]), a.year, b.year)
    return {"slogans_added": [c.new for c in moved.added + moved.returned],
            "slogans_retired": [c.old for c in moved.retired],
            "slogans_changed": [{"from": c.old, "to": c.new} for c in moved.changed]}


def diff_strip(a, b) -> dict:
    """Slogans added/retired/changed from snapshot ``a`` to ``b`` and key metrics side by side."""
    return {**slogan_strip(a, b), "metrics": metric_rows(a, b)}


def metric_rows(a, b) -> list[dict]:
    """The metrics part of the strip (see the module doc)."""
    ma, mb = _metrics.extract(a), _metrics.extract(b)
    names_a, names_b = _metrics.indicators(ma), _metrics.indicators(mb)
    names = [n for n in _metrics.KEY_INDICATORS if n in names_a or n in names_b]
    names += [n for n in names_a if n in names_b and n not in names]
    rows = []
    for name in names:
        left, right = _metrics.key_metric(ma, name), _metrics.key_metric(mb, name)
        same = left is not None and right is not None and _metrics.series_key(left) == _metrics.series_key(right)
        rows.append({"indicator": name, "from": _figure(left), "to": _figure(right), "comparable": same})
    return rows


def _figure(fact) -> dict | None:
    if fact is None:
        return None
    value = list(fact.value) if isinstance(fact.value, tuple) else fact.value
    return {"report_year": fact.year, "figure_year": fact.figure_year,
            "figure_span": list(fact.figure_span) if fact.figure_span else None,
            "period": fact.period.value if fact.period else None, "measure": fact.measure.value, "value": value,
            "unit": fact.unit, "modifier": fact.modifier.value, "kind": fact.kind.value, "quote": fact.quote}

"""The strip on top of ``erqi-diff A B``: slogans added, retired and
changed between two snapshots, and the key metrics side by side.

``diff_strip(a, b)`` returns a JSON-able dict (it is cached as JSON)::

    {"slogans_added": [str, ...], "slogans_retired": [str, ...],
     "slogans_changed": [{"from": str, "to": str}, ...],
     "metrics": [{"indicator": str, "from": record|None, "to": record|None}]}

where ``record`` is a metrics record as printed by ``erqi-diff metrics --json``.
The slogans part comes from :func:`erqi_diff.extract.lineage.changes` over the
two reports (the words the changelog uses): a slogan that only changed form
(智慧督察 -> 智慧督查, 医保、医疗、医药 -> 医疗、医保、医药) is *changed*, not
added and retired; a slogan is named by its form in the report it stands in.
Only the two reports are read (the package lexicon applies, a project's own
``slogans.toml`` does not), so a slogan back after an absence shows as added:
the changelog, which reads the whole span, says *returned*. Metrics listed: the key indicators (:data:`metrics.KEY_INDICATORS`)
present in either year, then any other indicator present in both with
figures of the same period (a year beside a year, H1 beside H1). For each
side the record shown is the first full-year one (a half-year figure only
when the year has no full-year one, and its ``period`` says so).

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
    slogans = slogan_strip(a, b)
    ma, mb = _metrics.extract(a), _metrics.extract(b)
    names_a, names_b = _metrics.indicators(ma), _metrics.indicators(mb)
    rows = []
    for name in [n for n in _metrics.KEY_INDICATORS if n in names_a or n in names_b]:
        left, right = _metrics.key_metric(ma, name), _metrics.key_metric(mb, name)
        rows.append({"indicator": name, "from": left.to_json() if left else None,
                     "to": right.to_json() if right else None})
    for name in names_a:
        if name in names_b and name not in _metrics.KEY_INDICATORS:
            left, right = _metrics.key_metric(ma, name), _metrics.key_metric(mb, name)
            if left.period is right.period:  # 470亿元 in a year beside 2300亿元 in five is no comparison
                rows.append({"indicator": name, "from": left.to_json(), "to": right.to_json()})
    return {**slogans, "metrics": rows}

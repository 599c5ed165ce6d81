"""The strip on top of ``erqi-diff A B``: slogans added and retired between
two snapshots, and the key metrics side by side.

PLACEHOLDER CONTRACT (to be implemented by the extractors' work, issue 4):
``diff_strip(a, b)`` returns a JSON-able dict::

    {"slogans_added": [str, ...], "slogans_retired": [str, ...],
     "metrics": [{"indicator": str, "from": record|None, "to": record|None}]}

where ``record`` is a metrics record as printed by ``erqi-diff metrics --json``.
"""

from __future__ import annotations


def diff_strip(a, b) -> dict:
    raise NotImplementedError("diff_strip is built by the extractors (issue 4)")

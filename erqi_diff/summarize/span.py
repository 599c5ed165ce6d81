"""The span of years a summary covers (the changelog, the HTML report)."""

from __future__ import annotations

from collections.abc import Iterable

from erqi_diff.errors import UsageError


def span_years(available: Iterable[int], first: int, last: int, needs: str = "a summary") -> list[int]:
    """The years of the series from ``first`` to ``last`` (either order, as
    ``erqi-diff A B`` takes them), oldest first. :class:`UsageError` naming
    the years there are when the span holds fewer than two reports: ``needs``
    says what needed them ("a changelog")."""
    available = sorted(set(available))
    low, high = sorted((first, last))
    years = [y for y in available if low <= y <= high]
    if len(years) < 2:
        held = ", ".join(map(str, years)) or "none"
        listed = ", ".join(map(str, available)) or "none"
        raise UsageError(f"{low}..{high} holds {len(years)} report(s) ({held}); {needs} needs two. "
                         f"Years available: {listed}")
    return years

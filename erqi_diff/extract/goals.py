"""Goals: the targets and plans the reports set, each linked to what a later
report of the series says of it and judged (:mod:`erqi_diff.extract.links`,
:mod:`erqi_diff.extract.verdicts`).

``erqi-diff goals`` shows every goal (a fact of kind target or plan);
``erqi-diff targets`` the panel of those with a canonical indicator. The
later reports searched are always the whole series, whatever years are
asked for: a goal of 2016 is judged by 2017 even when only 2016 is shown.
"""

from __future__ import annotations

from collections.abc import Iterable

from erqi_diff.extract.facts import Fact
from erqi_diff.extract.links import Link, link_goals


def is_goal(fact: Fact) -> bool:
    """Does ``erqi-diff goals`` show this fact?"""
    return fact.kind.is_goal


def is_target(link: Link) -> bool:
    """Does ``erqi-diff targets`` show this goal? (a goal of a canonical indicator)"""
    return link.goal.indicator is not None


def extract_many(snapshots: Iterable, pool: Iterable | None = None) -> list[Link]:
    """The goals of ``snapshots`` (oldest first), each linked to an outcome in
    the later reports of ``pool`` (default: the same snapshots)."""
    return link_goals(snapshots, pool)


def for_project(project, years: list[int] | None = None) -> list[Link]:
    """The goals of ``years`` (all when None) of ``project``, linked to
    outcomes in every later report of the series."""
    from erqi_diff.core.snapshot import load_many

    wanted = load_many(project, years)  # UnknownYear lists the years there are
    pool = load_many(project)
    return link_goals(wanted, pool)


def targets(links: Iterable[Link]) -> list[Link]:
    """The panel: goals of a canonical indicator, by indicator then figure year."""
    from erqi_diff.extract.indicators import names

    order = {name: i for i, name in enumerate(names())}
    chosen, seen = [], set()
    for lk in links:
        g = lk.goal
        key = (g.year, g.indicator, g.measure, g.period, g.figure_year, g.value, g.unit)
        if is_target(lk) and key not in seen:  # a target restated in its own report is shown once
            seen.add(key)
            chosen.append(lk)
    return sorted(chosen, key=lambda lk: (order.get(lk.goal.indicator or "", 99), lk.goal.figure_year or 0,
                                          lk.goal.year, lk.goal.quote_start))

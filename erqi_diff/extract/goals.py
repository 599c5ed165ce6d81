"""Goals: targets and plans."""

from __future__ import annotations

from erqi_diff.extract.facts import Fact


def is_goal(fact: Fact) -> bool:
    return fact.kind.is_goal

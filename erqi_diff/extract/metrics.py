"""Metrics: the outcomes (actual or estimate) of the canonical indicators."""

from __future__ import annotations

from erqi_diff.extract.facts import Fact


def is_metric(fact: Fact) -> bool:
    return fact.indicator is not None and fact.kind.is_outcome

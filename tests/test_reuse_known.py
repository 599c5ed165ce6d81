"""A copy made mostly of the series' own slogans is a formula
(erqi_diff.reuse.known); a sentence quoting a slogan in wording of its
own stays a copy."""

from __future__ import annotations

import pytest

from erqi_diff.reuse.known import KNOWN_SHARE, _pattern, covered_share, mark_known
from erqi_diff.reuse.model import Kind, Passage, Span

SLOGANS = ["现代化国际化复合型城区", "国家中心城市", "控尘、控煤、控烟、控车、控企", "掌上办事", "同区通办", "二七"]


def _passage(a: str, b: str) -> Passage:
    return Passage(Span("2016", 0, len(a), a), Span("2018", 0, len(b), b), len(a), 0.9)


@pytest.mark.parametrize(("a", "b", "formula"), [
    # the district's goal formula restated
    ("二七，建设现代化国际化复合型城区，为郑州建设国家中心城市增光添彩", "二七，建设现代化国际化复合型城区，为郑州建设国家中心城市增光添彩", True),
    # a slogan with a verb around it
    ("落实更加严格的“控尘、控煤、控烟、控车、控企”措施", "落实最严格的“控尘、控煤、控烟、控车、控企”措施", True),
    # a sentence of its own quoting two slogans: a copy
    ("在全市率先开展“掌上办事”“同区通办”、24小时自助服务", "在全市率先开展“掌上办事”“同区通办”、24小时自助服务", False),
    # no slogan at all
    ("新签约海利根国际生态文化城等5个重点产业项目", "新签约海利根国际生态文化城等5个重点产业项目", False),
])
def test_a_copy_made_of_slogans_is_a_formula(a: str, b: str, formula: bool) -> None:
    found = [(0, 1, _passage(a, b))]
    mark_known(found, SLOGANS)
    assert (found[0][2].kind is Kind.FORMULA) is formula


def test_short_forms_are_not_used_and_the_share_counts_no_punctuation() -> None:
    pattern = _pattern(SLOGANS)
    assert pattern is not None and "二七" not in pattern.pattern.split("|")
    assert covered_share("“掌上办事”", pattern) == 1.0
    assert covered_share("办事", pattern) == 0.0
    assert 0 < covered_share("在全市率先开展“掌上办事”", pattern) < KNOWN_SHARE


def test_no_slogans_changes_nothing() -> None:
    found = [(0, 1, _passage("二七，建设现代化国际化复合型城区", "二七，建设现代化国际化复合型城区"))]
    mark_known(found, [])
    assert found[0][2].kind is Kind.COPY


def test_the_seeds_goal_formula_is_no_copy(seeds_project) -> None:
    from erqi_diff.core.snapshot import load_many
    from erqi_diff.reuse.snapshots import audit_snapshots

    result = audit_snapshots(load_many(seeds_project, None))
    copies = [p for p in result.copies() if "复合型城区" in p.a.text and "国家中心城市" in p.a.text]
    assert not copies
    assert any(p.kind is Kind.FORMULA and "控尘" in p.a.text for p in result.passages)
    assert any(p.kind is Kind.COPY and "掌上办事" in p.a.text for p in result.passages)

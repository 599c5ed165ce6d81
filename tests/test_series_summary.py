"""The series gathered for ``erqi-diff browse`` (erqi_diff.summarize.series
and erqi_diff.summarize.panel): the same results as the commands, on the
seeds and the national reports."""

from __future__ import annotations

import pytest

from erqi_diff.core.snapshot import load_many
from erqi_diff.extract import goals, metrics
from erqi_diff.extract.trace import TraceError
from erqi_diff.summarize.panel import chart, figures_panel
from erqi_diff.summarize.series import chain_links, link_diff, occurrences, search, slogan_timeline


@pytest.fixture(scope="module")
def seeds(seeds_project):
    return load_many(seeds_project)


@pytest.fixture(scope="module")
def national(gwr_project):
    return load_many(gwr_project)


def test_every_occurrence_with_its_context_in_the_same_paragraph(seeds) -> None:
    timeline = slogan_timeline(seeds)
    bodies = {s.year: s.body for s in seeds}
    for row in timeline.rows:
        hits = occurrences(row.slogan, seeds)
        assert len(hits) == sum(row.slogan.counts.values())
        for hit in hits:
            body = bodies[hit.year]
            assert body[hit.start:hit.end] == hit.text
            assert body[hit.start - len(hit.before):hit.end + len(hit.after)] == hit.before + hit.text + hit.after
            assert "\n" not in hit.before + hit.after and not hit.before.startswith("#")
            assert len(hit.before) <= 20 and len(hit.after) <= 20


def test_the_timeline_marks_are_the_slogans_commands(seeds) -> None:
    from erqi_diff.extract.lineage import all_marks
    from erqi_diff.extract.slogans import extract

    timeline = slogan_timeline(seeds)
    years = [s.year for s in seeds]
    found = extract(seeds)
    assert [r.slogan.slogan for r in timeline.rows] == [s.slogan for s in found]
    assert [dict(r.marks) for r in timeline.rows] == [m for _, m in all_marks(found, years)]
    assert timeline.empty == ()


def test_the_panel_has_every_target_once_and_the_metrics_no_target_speaks_of(national) -> None:
    panel = figures_panel(national)
    targets = goals.targets(goals.extract_many(national))
    shown = [r.target for r in panel.rows if r.target is not None]
    assert len(shown) == len(targets) and all(lk in shown for lk in targets)
    keys = {(f.indicator, f.measure, f.period, f.unit, f.figure_year) for f in metrics.extract_many(national)}
    own = {(r.indicator, r.measure, r.period, r.unit, r.figure_year) for r in panel.rows if r.target is None}
    targeted = {(lk.goal.indicator, lk.goal.measure, lk.goal.period, lk.goal.unit, lk.goal.figure_year)
                for lk in targets}
    assert own == keys - targeted
    for r in panel.rows:
        if r.target is not None and r.target.outcome is not None:
            assert r.outcome is r.target.outcome and r.outcomes[0] is r.target.outcome


def test_a_chart_is_one_series_in_one_unit(national) -> None:
    panel = figures_panel(national)
    row = next(r for r in panel.rows if r.indicator == "GDP" and r.figure_year == 2022 and r.target)
    c = chart(panel, row)
    assert (c.measure.value, c.period.value, c.unit) == ("growth", "year", "%")
    years = [p.figure_year for p in c.points]
    assert years == sorted(years) and 2022 in years
    point = next(p for p in c.points if p.figure_year == 2022)
    assert (point.target, point.outcome, point.verdict.value) == (5.5, 3.0, "missed")
    assert all(p.row.measure is row.measure and p.row.period is row.period for p in c.points)


def test_a_chart_converts_units_and_leaves_out_what_does_not(national) -> None:
    """财政赤字: 13500亿元 (2014) drawn as 1.35 on a chart in 万亿元; 粮食产量: 6.07亿吨
    (2014) drawn as 1.214 on a chart in 万亿斤 (1吨 is 2000斤)."""
    panel = figures_panel(national)
    deficit = next(r for r in panel.rows if r.indicator == "财政赤字" and r.unit == "万亿元" and r.target
                   and r.measure.value == "level")
    point = next(p for p in chart(panel, deficit).points if p.figure_year == 2014)
    assert point.row.unit == "亿元" and point.target == pytest.approx(1.35)
    grain = next(r for r in panel.rows if r.indicator == "粮食产量" and r.unit == "万亿斤" and r.target)
    c = chart(panel, grain)
    point = next(p for p in c.points if p.figure_year == 2014)
    assert point.row.unit == "亿吨" and point.outcome == pytest.approx(1.214) and c.left_out == 0
    assert c.unit == "万亿斤"


def test_a_links_diff_is_the_unit_reading_its_two_sections(seeds) -> None:
    from erqi_diff.compare.diff import compare
    from erqi_diff.compare.lineage import lineage

    result = lineage(seeds)
    by_year = {s.year: s for s in seeds}
    seen = 0
    for chain in result.chains:
        links = chain_links(result, chain)
        assert len(links) == len(chain.nodes) - 1
        for link in links:
            assert link.step is not None and link.newer.year > link.older.year
            units = link_diff(compare(by_year[link.older.year], by_year[link.newer.year], strip=False), link)
            assert units
            for u in units:
                assert link.older.index in [p.index for p in u.from_sections]
                assert link.newer.index in [p.index for p in u.to_sections]
            seen += 1
    assert seen == sum(len(c.nodes) - 1 for c in result.chains) > 0


def test_a_link_against_another_pairs_diff_is_refused(seeds) -> None:
    from erqi_diff.compare.diff import compare
    from erqi_diff.compare.lineage import lineage

    result = lineage(seeds)
    link = next(lk for c in result.chains for lk in chain_links(result, c))
    with pytest.raises(ValueError):
        link_diff(compare(seeds[-2], seeds[-1], strip=False) if link.older.year != seeds[-2].year
                  else compare(seeds[0], seeds[1], strip=False), link)


def test_search_is_trace_oldest_first(seeds) -> None:
    result = search(seeds, "温暖二七")
    hits = result.terms[0].hits
    assert [h.year for h in hits] == sorted(h.year for h in hits)
    with pytest.raises(TraceError):
        search(seeds, "  ")

"""`erqi-diff changelog`: the assembly from the modules' results (hand-made
CJK cases), the Markdown (escaping, CommonMark structure, stable bytes), the
command (golden outputs on the seeds and the national reports, bad input).

Regenerate the golden files with ``ERQI_REGEN=1 python -m pytest tests/test_changelog.py``.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from erqi_diff.summarize.changelog import (SectionStatus, Sources, assemble,
                                 build_changelog, compare_metric, goal_changes, headline_metrics,
                                 metric_rows, reused_passages, section_changes, slogan_changes, slogan_span)
from erqi_diff.core.snapshot import ReportMeta
from erqi_diff.summarize.span import span_years
from erqi_diff.cli import cli as main
from erqi_diff.errors import UsageError
from erqi_diff.views.markdown import escape, render, render_slogans, years_phrase

GOLDEN = Path(__file__).parent / "golden"


def run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def commonmark() -> MarkdownIt:
    """CommonMark plus GitHub tables, the one extension the changelog uses."""
    return MarkdownIt("commonmark").enable("table")


# ------------------------------------------------------------------ the span


@pytest.mark.parametrize("available, a, b, expected", [
    ([2016, 2017, 2018, 2019, 2021], 2016, 2021, [2016, 2017, 2018, 2019, 2021]),
    ([2016, 2017, 2018, 2019, 2021], 2019, 2021, [2019, 2021]),
    ([2016, 2017, 2018, 2019, 2021], 2010, 2017, [2016, 2017]),      # FROM before the series
    ([2013, 2014, 2015, 2022, 2023], 2015, 2022, [2015, 2022]),      # a six-year gap
    ([2021, 2016, 2017], 2016, 2021, [2016, 2017, 2021]),            # order of the manifest does not matter
    ([2016, 2017, 2018], 2018, 2016, [2016, 2017, 2018]),            # either order, as erqi-diff A B
])
def test_span_years(available, a, b, expected):
    assert span_years(available, a, b) == expected


@pytest.mark.parametrize("available, a, b, message", [
    ([2016, 2017, 2018], 2017, 2017, "holds 1 report(s) (2017)"),
    ([2016, 2017, 2019, 2021], 2020, 2020, "holds 0 report(s) (none)"),
    ([2016, 2017, 2019, 2021], 2018, 2020, "Years available: 2016, 2017, 2019, 2021"),
])
def test_span_years_refuses(available, a, b, message):
    with pytest.raises(UsageError, match=re.escape(message)):
        span_years(available, a, b)


@settings(max_examples=200, deadline=None)
@given(st.sets(st.integers(2010, 2030), max_size=8), st.integers(2008, 2032), st.integers(2008, 2032))
def test_pairs_cover_the_span_newest_first(available, a, b):
    """Any series, any FROM..TO: either a clear refusal, or one entry per
    consecutive pair of the reports in the span, newest first, gaps said."""
    try:
        years = span_years(available, a, b)
    except UsageError:
        assert len([y for y in available if min(a, b) <= y <= max(a, b)]) < 2
        return
    metas = [ReportMeta(y, "", "") for y in years]
    result = assemble(metas, Sources(), a, b)
    assert [(e.previous.year, e.current.year) for e in reversed(result.entries)] == list(zip(years, years[1:]))
    for e in result.entries:
        assert e.skipped == tuple(y for y in range(e.previous.year + 1, e.current.year))
        assert not set(e.skipped) & set(available)
    assert result.summary.years == tuple(years)
    text = render(result)
    assert [t for lvl, t in _headings(text) if lvl == 2] == ["Summary"] + [
        f"{e.current.year} (compared with {e.previous.year})" for e in result.entries]


def test_years_phrase():
    assert years_phrase([2020]) == "2020"
    assert years_phrase([2016, 2017, 2018, 2019, 2020, 2021]) == "2016–2021"
    assert years_phrase([2016, 2018, 2019]) == "2016, 2018–2019"


# ------------------------------------------------------------ hand-made data

def slogan(text, counts, variants=()):
    from erqi_diff.extract.slogans import Kind, Slogan, Variant

    return Slogan(text, next(iter(Kind)), tuple(sorted(counts)), dict(sorted(counts.items())),
                  tuple(Variant(v, tuple(sorted(c)), c) for v, c in variants))


SLOGANS = [
    slogan("三个二七", {2017: 2, 2019: 1, 2021: 3}),
    slogan("六个争先出彩", {2021: 1}),
    slogan("智慧督查", {2017: 1, 2019: 1}, [("智慧督察", {2017: 1}), ("智慧督查", {2019: 1})]),
    slogan("项目建设奋力推进年", {2017: 1}),
    slogan("放管服", {2019: 2, 2021: 1}),
]


def test_slogan_changes_between_two_years():
    changes = slogan_changes(SLOGANS, 2019, 2021)
    assert [c.new for c in changes.added] == ["六个争先出彩"]
    assert [c.old for c in changes.retired] == ["智慧督查"]
    assert changes.changed == () and changes.returned == ()
    changes = slogan_changes(SLOGANS, 2017, 2019)
    assert [c.new for c in changes.added] == ["放管服"]
    assert [c.old for c in changes.retired] == ["项目建设奋力推进年"]
    (changed,) = changes.changed
    assert (changed.old, changed.new, changed.lineage) == ("智慧督察", "智慧督查", ("智慧督察", "智慧督查"))


def test_a_slogan_back_after_an_absence_has_returned():
    back = [slogan("三个二七", {2016: 1, 2019: 2})]
    changes = slogan_changes(back, 2017, 2019)
    assert changes.added == () and [(c.new, c.since) for c in changes.returned] == [("三个二七", 2016)]
    text = "\n".join(render_slogans(changes))
    assert "Returned: “三个二七” (last in 2016)" in text and "Added" not in text


def test_slogan_span():
    throughout, born, retired, once = slogan_span(SLOGANS, [2017, 2019, 2021])
    assert throughout == ("三个二七",)
    # born and retired among slogans found in two reports or more; the rest are one-offs
    assert [(s.slogan, s.first) for s in born] == [("放管服", 2019)]
    assert [(s.slogan, s.last) for s in retired] == [("智慧督查", 2019)]
    assert once == 2


def test_a_slogan_held_inside_a_longer_one_is_not_found_there():
    """三保障 stands on its own in 2021 only; in 2019 only inside 两不愁三保障: found
    in one report (a one-off), not born in 2019 "found in two reports or more"."""
    lines = [slogan("两不愁三保障", {2019: 1}), slogan("三保障", {2021: 1}),
             slogan("三个二七", {2017: 2, 2019: 1, 2021: 3})]
    throughout, born, retired, once = slogan_span(lines, [2017, 2019, 2021])
    assert throughout == ("三个二七",)
    assert born == () and retired == () and once == 2  # 两不愁三保障 in 2019, 三保障 in 2021: one report each
    # the words of a member stand in every report: it ran throughout
    member = [slogan("品质二七、田园二七、温暖二七", {2019: 1}), slogan("温暖二七", {2017: 1, 2021: 2})]
    assert slogan_span(member, [2017, 2019, 2021])[0] == ("温暖二七",)
    # an item of a series stands there in its own right: 田园二七 found in 2019 and 2021, born in 2019
    item = [slogan("品质二七、田园二七、温暖二七", {2019: 1}), slogan("田园二七", {2021: 1})]
    _, born, _, once = slogan_span(item, [2017, 2019, 2021])
    assert [(s.slogan, s.first) for s in born] == [("田园二七", 2019)] and once == 1


def test_slogan_span_and_changes_know_the_reports_outside_the_span():
    # 放管服 stands in 2015, before the span: not born in it; 智慧督查 in 2023, after it: not retired in it
    elsewhere = {"放管服": (2015,), "智慧督查": (2023,)}
    _, born, retired, _ = slogan_span(SLOGANS, [2017, 2019, 2021], elsewhere)
    assert born == () and retired == ()
    changes = slogan_changes(SLOGANS, 2017, 2019, elsewhere)
    assert changes.added == () and [(c.new, c.since) for c in changes.returned] == [("放管服", 2015)]


def test_the_same_words_typeset_otherwise_are_no_change():
    # 2003 writes “扫黄”、“打非”, 2004 “扫黄”“打非”
    line = slogan("扫黄、打非", {2003: 2, 2004: 1}, [("“扫黄”、“打非”", {2003: 2}), ("“扫黄”“打非”", {2004: 1})])
    assert slogan_changes([line], 2003, 2004).empty


def test_a_form_used_beside_the_other_is_no_change():
    # 1992 writes 政企职责分开 and 政企分开; 1993 only 政企分开: the short form was there already
    line = slogan("政企分开", {1992: 2, 1993: 2}, [("政企职责分开", {1992: 1}), ("政企分开", {1992: 1, 1993: 2})])
    assert slogan_changes([line], 1992, 1993).empty
    # ... but a form given up for one the older report did not use is a change
    line = slogan("智慧督查", {2017: 1, 2019: 1}, [("智慧督察", {2017: 1}), ("智慧督查", {2019: 1})])
    assert [(c.old, c.new) for c in slogan_changes([line], 2017, 2019).changed] == [("智慧督察", "智慧督查")]


def test_a_slogan_throughout_in_changing_forms_names_them():
    line = slogan("精神文明建设", {1994: 1, 1995: 1}, [("社会主义精神文明建设", {1994: 1}), ("精神文明建设", {1995: 1})])
    throughout, *_ = slogan_span([line], [1994, 1995])
    assert throughout == ("社会主义精神文明建设 / 精神文明建设",)


def test_an_item_of_a_series_stands_where_the_series_does():
    series = slogan("品质二七、田园二七、温暖二七", {2017: 1, 2018: 1})
    item = slogan("田园二七", {2016: 1, 2021: 1})
    town = slogan("新型城镇化", {2017: 1, 2019: 1})
    listed = slogan("项目推进落实、新型城镇化建设、城市管理", {2018: 1})
    moved = slogan_changes([series, item], 2018, 2021)  # 田园二七 stood in 2018, as an item: it did not return
    assert moved.returned == () and moved.added == () and [c.old for c in moved.retired] == [series.slogan]
    changes = slogan_changes([series, item], 2019, 2021)
    assert [(c.new, c.since) for c in changes.returned] == [("田园二七", 2018)]  # not "last in 2016"
    # 新型城镇化建设 as an item in 2018: 新型城镇化 did not retire in 2018, nor return in 2019
    assert slogan_changes([town, listed], 2017, 2018).retired == ()
    assert slogan_changes([town, listed], 2018, 2019).returned == ()
    throughout, *_ = slogan_span([series, item], [2016, 2017, 2018, 2021])
    assert throughout == ("田园二七",)
    from erqi_diff.extract.lineage import with_items

    assert with_items([series, item], {"品质二七、田园二七、温暖二七": (2017, 2018), "田园二七": (2016,)}) == {
        "品质二七、田园二七、温暖二七": (2017, 2018), "田园二七": (2016, 2017, 2018)}


def test_slogan_span_names_the_form_in_the_text():
    # a lineage named by the lexicon (脱贫攻坚) that the span's reports write otherwise (扶贫攻坚)
    line = slogan("脱贫攻坚", {1999: 1, 2001: 2}, [("扶贫攻坚", {1999: 1, 2001: 2})])
    _, _, retired, _ = slogan_span([line], [1999, 2001, 2003])
    assert [(s.slogan, s.form, s.last) for s in retired] == [("脱贫攻坚", "扶贫攻坚", 2001)]


# Goals and figures as the extractors give them (typed), made by hand.


def figure(report, indicator, value, unit="亿元", figure_year=None, period="year", measure="level", kind="actual",
           modifier="point", quote="x", base=None):
    from erqi_diff.extract.facts import Fact, Kind, Measure, Modifier, Period

    return Fact(year=report, indicator=indicator, what="", measure=Measure(measure),
                value=tuple(value) if isinstance(value, list) else value, unit=unit, modifier=Modifier(modifier),
                period=Period(period), figure_year=figure_year or report - 1, figure_span=None, kind=Kind(kind),
                base=base, quote=quote, text=quote, start=0, end=len(quote), quote_start=0, quote_end=len(quote))


def goal_link(report, quote, outcome=None, verdict="open", margin=None, reason="", unit="亿元"):
    from erqi_diff.extract.links import Link
    from erqi_diff.extract.verdicts import Verdict

    goal = figure(report, None, 1, unit, kind="plan", figure_year=report + 1, quote=quote)
    return Link(goal, outcome, Verdict(verdict), margin, None, reason)


GOALS = [
    goal_link(2016, "今年计划完成投资446亿元", figure(2017, None, 470, figure_year=2017, quote="完成投资470亿元"),
              "met", 24),
    goal_link(2016, "确保22条道路年底建成通车", figure(2017, None, 20, "条", figure_year=2017, quote="20条道路建成通车"),
              "missed", -2, unit="条"),
    goal_link(2016, "力争引进项目20个", reason="no figure for it found in a later report (2017)"),
    goal_link(2017, "确保GDP增长8%"),
]


def test_goals_of_the_newer_and_of_the_older_report():
    goals = goal_changes(GOALS, 2016, 2017)
    assert [lk.goal.quote for lk in goals.new] == ["确保GDP增长8%"]
    assert [(lk.goal.quote, lk.verdict.value) for lk in goals.previous] == [
        ("今年计划完成投资446亿元", "met"), ("确保22条道路年底建成通车", "missed"), ("力争引进项目20个", "open")]
    from erqi_diff.views.markdown import render_goals

    class Entry:
        class previous:
            year = 2016

        class current:
            year = 2017

    text = "\n".join(render_goals(goals, Entry))
    assert "**missed**" in text and "-2条" in text and "the 2017 report gives 20条" in text
    assert "**open** (no figure for it found in a later report (2017))" in text


@pytest.mark.parametrize("before, after, like, change, pct, note", [
    (figure(2018, "GDP", 567), figure(2019, "GDP", 610), True, 43, 7.6, ""),
    (figure(2018, "GDP", 610), figure(2019, "GDP", 323.3, period="half", figure_year=2019),
     False, None, None, "not like for like: year against half"),
    (figure(2018, "GDP", 9, "%", measure="growth"), figure(2019, "GDP", 610), False, None, None,
     "not like for like: growth against level"),
    (figure(2023, "城镇调查失业率", 5.5, "%"), figure(2024, "城镇调查失业率", 5.2, "%"), True, -0.3, None, ""),
    (figure(2017, "城镇新增就业", 1.2, "万人"), figure(2018, "城镇新增就业", 11000, "人"),
     True, -1000, -8.3, ""),                                  # magnitudes convert: the change in the newer unit
    (figure(2001, "GDP", 95933), figure(2002, "GDP", 10.2, "万亿元"), True, 0.6067, 6.3, ""),
    (figure(2017, "进出口总额", 4743, "亿美元"), figure(2018, "进出口总额", 5000, "亿美元", modifier="at_least"),
     True, None, None, "a bound (超过, 突破, 以内…): no exact change"),
    (figure(2017, "进出口总额", 4743, "亿美元"), figure(2018, "进出口总额", 5000, "亿元"),
     False, None, None, "not like for like: 亿美元 against 亿元"),
    (figure(2013, "GDP", [6.5, 7], "%", measure="growth"), figure(2014, "GDP", 7.5, "%", measure="growth"),
     True, None, None, ""),                                   # a range never gets a computed change
    # the year before, said two ways: 一九七八年又比一九七七年增长 and 1979年…比上年增长
    (figure(1979, "工业总产值", 13.5, "%", measure="growth", base="比一九七七年"),
     figure(1980, "工业总产值", 8.5, "%", measure="growth", base="比上年"), True, -5, None, ""),
    (figure(1979, "工业总产值", 13.5, "%", measure="growth", base="比一九七六年"),
     figure(1980, "工业总产值", 8.5, "%", measure="growth", base="比上年"), False, None, None,
     "not like for like: 比一九七六年 against 比上年"),
])
def test_compare_metric(before, after, like, change, pct, note):
    row = compare_metric(after.indicator, before, after)
    assert (row.like_for_like, row.change, row.change_pct, row.note) == (like, change, pct, note)
    assert row.show_period == (before.period.value != "year" or after.period.value != "year")


def test_headline_prefers_exact_figures_to_bounds():
    gdp = [figure(1994, "GDP", 3, "万亿元", modifier="at_least"), figure(1995, "GDP", 43800),
           figure(1998, "GDP", 74772)]
    (row,) = headline_metrics({f.year: {"GDP": f} for f in gdp}, [1994, 1995, 1998])
    assert (row.first.value, row.last.value, row.change.change) == (43800, 74772, 30972)


def test_metric_rows_and_headline_file_figures_under_their_year():
    from erqi_diff.views.markdown import render_metrics

    key = {2017: {"GDP": figure(2017, "GDP", 567, figure_year=2017), "优良天数": figure(2017, "优良天数", 202, "天")},
           2019: {"GDP": figure(2019, "GDP", 323.3, period="half", figure_year=2019),
                  "优良天数": figure(2019, "优良天数", 210, "天")},
           2021: {"优良天数": figure(2021, "优良天数", 250, "天"), "GDP": figure(2021, "GDP", 773)}}
    rows = metric_rows(key, 2017, 2019)
    assert [(r.indicator, r.like_for_like) for r in rows] == [("GDP", False), ("优良天数", True)]
    assert (rows[1].change, rows[1].change_pct) == (8, 4.0)
    headline = headline_metrics(key, [2017, 2019, 2021], preferred=("GDP",))
    assert [(h.indicator, h.first.figure_year, h.last.figure_year, h.last.value) for h in headline] == [
        ("GDP", 2017, 2020, 773), ("优良天数", 2016, 2020, 250)]
    assert (headline[0].change.change, headline[0].change.change_pct) == (206, 36.3)

    class Entry:
        class previous:
            year = 2019

        class current:
            year = 2021

    text = "\n".join(render_metrics(metric_rows(key, 2019, 2021), Entry))
    assert "| report 2019 | report 2021 |" in text
    assert "2020 · report 2021: 773亿元" in text  # 2021's figure describes 2020
    assert "not like for like: half against year" in text


def _diff(units):
    """A DiffResult made by hand: (status, older heading, newer heading, similarity, moved, blocks) per
    unit; blocks are (kind, ops) or (kind, ops, from_paragraph, to_paragraph, inner ops)."""
    from erqi_diff.compare.diff import Block, BlockKind, DiffResult, SectionDiff, SectionPart, Status, make_stats
    from erqi_diff.compare.outline import Role
    from erqi_diff.compare.sections import Relation

    def part(k, heading):
        return () if heading is None else (SectionPart(k, heading, 2, Role.OTHER, (0,)),)

    sections = []
    for k, (status, older, newer, similarity, moved, blocks) in enumerate(units):
        made = tuple(Block(BlockKind(b[0]), tuple(map(tuple, b[1])), *b[2:4], 1.0 if len(b) > 2 else None,
                           tuple(map(tuple, b[4])) if len(b) > 4 else ()) for b in blocks)
        sections.append(SectionDiff(Status(status), Relation.ONE, part(k, older), part(k, newer), similarity, moved,
                                    made))
    stats = make_stats(sections)
    return DiffResult(ReportMeta(2017, "", ""), ReportMeta(2021, "", ""), "char", tuple(sections), stats)


DIFF = _diff([
    ("matched", "生态环境", "在美丽田园打造上争先出彩", 0.41, False,
     [("changed", [["=", "持续推进"], ["-", "大气污染防治"], ["+", "南水北调生态文化公园建设，打造美丽田园"], ["=", "。"]])]),
    ("matched", "改善民生", "改善民生", 1.0, False, [("same", [["=", "新建学校8所。"]])]),
    ("added", None, "绘就“十四五”蓝图", None, False,
     [("added", [["+", "展望“十四五”，二七区将全面推进有活力有秩序有品质的高质量发展，奋力建设现代化国际化生态化新城区。"]])]),
    ("removed", "总结2017·数据", None, None, False, [("removed", [["-", "GDP增长9%"]])]),
    ("matched", "总结2017·抓手", "抓手", 0.5, True, []),
    ("matched", "民生", "民生", 0.9, False,
     [("same", [["=", "改造老旧小区。\n"]]), ("moved_out", [["-", "新建公厕20座。\n"]], 1, 0),
      ("moved_in", [["+", "新建公厕20座。\n"]], 1, 0, [["=", "新建公厕20座。"]]), ("added", [["+", "打通断头路"]])]),
])


def test_section_changes():
    changes = section_changes(DIFF)
    assert changes.unchanged == 1 and changes.share_changed == DIFF.stats.changed_share
    rewritten, added, removed, heading_only, with_move = changes.changes
    # a new heading over the same text is a change, of the heading only
    assert (heading_only.status, heading_only.share_changed, heading_only.excerpt, heading_only.moved) == (
        SectionStatus.REWRITTEN, 0.0, None, True)
    # a paragraph that moved is not the most telling change, however long
    assert (with_move.excerpt.op, with_move.excerpt.text) == ("+", "打通断头路")
    assert rewritten.status is SectionStatus.REWRITTEN
    # 6 deleted + 19 inserted out of 11 + 24 characters on the two sides
    assert rewritten.share_changed == round(25 / 35, 4)
    assert (rewritten.excerpt.op, rewritten.excerpt.text) == ("+", "南水北调生态文化公园建设，打造美丽田园")
    assert added.status is SectionStatus.ADDED and added.excerpt.cut and added.excerpt.text.endswith("…")
    assert removed.status is SectionStatus.REMOVED and removed.excerpt.text == "GDP增长9%"


def test_reused_passages_longest_first_either_orientation():
    from erqi_diff.reuse.model import Kind, ReuseResult, YearSpan
    from erqi_diff.reuse.model import Passage as Reused

    def reused(a, b, text, kind=Kind.COPY):
        side = lambda year: YearSpan(str(year), 0, len(text), text, "s")
        return Reused(side(a), side(b), len(text), 1.0, kind=kind)

    result = ReuseResult(("2017", "2019", "2021"), (
        reused(2019, 2021, "短的段落重复"), reused(2021, 2019, "较长的一段被沿用下来的话"),
        reused(2017, 2021, "别的年份"), reused(2021, 2021, "同一报告内"),
        reused(2019, 2021, "一段套话在许多年份都有", Kind.FORMULA)), (), {}, {}, {}, 4, years=True)
    passages = reused_passages(result, 2019, 2021)
    assert [p.chars for p in passages] == [12, 6]


def test_reuse_spans_in_their_sections(seeds_project):
    from erqi_diff.core.snapshot import load_many
    from erqi_diff.summarize.changelog import _reuse

    snaps = load_many(seeds_project)
    result = _reuse(snaps)
    by_year = {s.year: s for s in snaps}
    for passage in result.copies():
        for side in (passage.a, passage.b):
            snap = by_year[int(side.key)]
            assert snap.body[side.start:side.end] == side.text
            assert side.section in {sec.heading for sec in snap.sections}
    # read in the snapshots: 2017 (开放创新, line 55) and 2018 (坚持创优创新, line 33) share this sentence
    passages = reused_passages(result, 2017, 2018)
    assert any(p.from_section == "开放创新" and p.to_section == "坚持创优创新，提升品质发展"
               and "在全市率先开展“掌上办事”“同区通办”" in p.to_text for p in passages)


def test_passage_shows_both_wordings_without_heading_marks():
    from erqi_diff.summarize.changelog import Passage
    from erqi_diff.views.markdown import _passage_line

    older, newer = "过去一年。\n\n## 二、2024年任务\n\n今年增长5%", "过去一年。\n\n## 二、2025年任务\n\n今年增长5%"
    line = _passage_line(Passage(20, 0.9, "一、2023年工作回顾", "一、2024年工作回顾", older, newer))
    assert line == ("- 20 characters, 90% alike (一、2023年工作回顾 → 一、2024年工作回顾): "
                    "“过去一年。 / 二、2024年任务 / 今年增长5%” → “过去一年。 / 二、2025年任务 / 今年增长5%”")


def test_assemble_newest_first_with_gap_and_missing_parts():
    metas = [ReportMeta(y, f"{y}-01-01", f"报告{y}", chars=100) for y in (2017, 2019, 2021)]
    result = assemble(metas, Sources(slogans=SLOGANS), 2017, 2021)
    assert [(e.current.year, e.previous.year, e.skipped) for e in result.entries] == [
        (2021, 2019, (2020,)), (2019, 2017, (2018,))]
    assert result.summary.missing == (2018, 2020)
    assert result.entries[0].goals is None and result.entries[0].slogans is not None
    from erqi_diff.views.encode import to_data

    data = json.loads(json.dumps(to_data(result), ensure_ascii=False))
    assert data["entries"][0]["anchor"] == "y2021" and data["entries"][0]["goals"] is None
    text = render(result)
    assert "### Goals" not in text and "### Slogans" in text
    assert "There is no report for 2020" in text


# -------------------------------------------------------------------- escaping

_ALPHABET = st.sampled_from(list("二七区生态“”，。%亿元abc 123") + list("\\`*_[]<>|~&!#-+=.:()'\"{}"))


def _inline_text(tokens) -> str:
    return "".join(t.content for t in tokens if t.type == "text")


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, min_size=1, max_size=30))
def test_escaped_text_reads_back_verbatim_in_a_table_cell_and_a_list(text):
    flat = text.strip()
    if not flat:
        return
    md = commonmark()
    table = md.parse(f"| a | b |\n| --- | --- |\n| {escape(text)} | x |\n")
    cells = [t for t in table if t.type == "inline"]
    assert [_inline_text(c.children) for c in cells] == ["a", "b", flat, "x"]
    item = md.parse(f"- Added: {escape(text)}\n")
    assert [t.type for t in item][:3] == ["bullet_list_open", "list_item_open", "paragraph_open"]
    assert _inline_text(item[3].children) == f"Added: {flat}"


# ------------------------------------------------------------ real reports

def _golden(case: str, name: str, text: str) -> None:
    from conftest import check_golden

    check_golden(GOLDEN / case / name, text)


@pytest.mark.parametrize("case, fixture, years", [
    ("changelog_2016_2021", "seeds_root", ("2016", "2021")),
    ("changelog_gwr", "gwr_root", ("2022", "2025")),
])
def test_golden(case, fixture, years, request):
    root = request.getfixturevalue(fixture)
    result = run("--root", str(root), "changelog", *years)
    assert result.exit_code == 0, result.output
    _golden(case, "changelog.md", result.output)


def _headings(text: str) -> list[tuple[int, str]]:
    tokens = commonmark().parse(text)
    return [(int(t.tag[1]), tokens[i + 1].content) for i, t in enumerate(tokens) if t.type == "heading_open"]


@pytest.mark.parametrize("fixture, years", [("seeds_root", (2016, 2021)), ("gwr_root", (2013, 2025))])
def test_heading_structure_and_anchors(fixture, years, request):
    root = request.getfixturevalue(fixture)
    from erqi_diff.core.project import load_project

    project = load_project(root)
    expected_years = [y for y in sorted(project.years, reverse=True) if years[0] <= y <= years[1]]
    text = run("--root", str(root), "changelog", *map(str, years)).output
    heads = _headings(text)
    assert heads[0] == (1, f"Changelog {expected_years[-1]}–{expected_years[0]}")
    assert [h for h in heads if h[0] == 1] == heads[:1]
    twos = [title for level, title in heads if level == 2]
    assert twos == ["Summary"] + [f"{cur} (compared with {prev})"
                                  for cur, prev in zip(expected_years, expected_years[1:])]
    # under each year the same parts in the same order, and nothing deeper
    order = ["Slogans", "Goals", "Metrics", "Sections", "Reused wording"]
    groups: list[list[str]] = []
    for level, title in heads[1:]:
        assert level in (2, 3)
        if level == 2:
            groups.append([])
        else:
            groups[-1].append(title)
    assert groups[0] == []  # the summary has no sub-headings
    for group in groups[1:]:
        assert group == [p for p in order if p in group] and group == groups[1]
    # an anchor before each year's heading, and the links to it resolve
    tokens = commonmark().parse(text)
    anchors = re.findall(r'<a id="(y\d{4})"></a>', text)
    assert anchors == [f"y{y}" for y in expected_years[:-1]]
    links = [t.attrs["href"] for t in tokens if t.type == "inline" for t in t.children if t.type == "link_open"]
    assert sorted(links) == sorted(f"#{a}" for a in anchors)


@pytest.mark.slow  # three child processes
def test_stable_bytes_and_json_matches(seeds_root, tmp_path):
    """Same snapshots, same bytes: in two processes with different string
    hashing (set and dict order may not leak into the output)."""
    import subprocess
    import sys

    def process(seed: str) -> bytes:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        return subprocess.run([sys.executable, "-m", "erqi_diff", "--root", str(seeds_root), "changelog", "2016", "2021"],
                              env=env, capture_output=True, check=True).stdout

    assert process("1") == process("2")
    first = run("--root", str(seeds_root), "changelog", "2016", "2021").output
    assert first.encode() == process("3")
    out = tmp_path / "CHANGELOG.md"
    result = run("--root", str(seeds_root), "changelog", "2016", "2021", "-o", str(out))
    assert result.exit_code == 0 and out.read_text(encoding="utf-8") == first
    assert [p.name for p in tmp_path.iterdir()] == ["CHANGELOG.md"]  # no temp file left behind
    data = json.loads(run("--root", str(seeds_root), "changelog", "2016", "2021", "--json").output)
    assert [e["year"] for e in data["entries"]] == [2021, 2019, 2018, 2017]
    assert data["entries"][0]["skipped"] == [2020]
    from erqi_diff.core.project import load_project

    assert data.pop("schema") == "erqi-diff/changelog/1"
    from erqi_diff.views.encode import to_data

    assert data == to_data(build_changelog(load_project(seeds_root), 2016, 2021))


# ------------------------------------------------------------------ bad input


@pytest.mark.parametrize("args, message", [
    (["2019", "2020"], "2019..2020 holds 1 report(s) (2019); a changelog needs two"),
    (["2010", "2012"], "holds 0 report(s)"),
    (["20x1", "2021"], "'20x1' is not a year"),
    (["2017"], "give two years, FROM TO, or a span FROM..TO"),
    (["2021..2017"], "the first year comes after the last"),
])
def test_bad_years(seeds_root, args, message):
    result = run("--root", str(seeds_root), "changelog", *args)
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("span", ["2017..2019", "2017-2019"])
def test_a_span_is_two_years(seeds_root, span):
    assert run("--root", str(seeds_root), "changelog", span).output == \
        run("--root", str(seeds_root), "changelog", "2017", "2019").output


def test_output_in_a_missing_folder(seeds_root, tmp_path):
    target = tmp_path / "nope" / "CHANGELOG.md"
    result = run("--root", str(seeds_root), "changelog", "2016", "2021", "-o", str(target))
    assert result.exit_code == 2
    assert f"folder {target.parent} does not exist" in result.output
    assert not target.parent.exists()


def test_output_on_a_folder(seeds_root, tmp_path):
    result = run("--root", str(seeds_root), "changelog", "2016", "2021", "-o", str(tmp_path))
    assert result.exit_code == 2 and "it is a folder" in result.output
    assert list(tmp_path.iterdir()) == []


def test_output_in_a_read_only_folder(seeds_root, tmp_path, monkeypatch):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    if os.access(folder, os.W_OK):  # root ignores permissions: make the check see what a user would
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if Path(p) == folder else real(p, mode, **kw))
    result = run("--root", str(seeds_root), "changelog", "2016", "2021", "-o", str(folder / "CHANGELOG.md"))
    folder.chmod(0o755)
    assert result.exit_code == 2
    assert f"folder {folder} is read-only" in result.output
    assert list(folder.iterdir()) == []


def test_failed_write_leaves_no_partial_file(seeds_root, tmp_path, monkeypatch):
    """The folder passes the first check but the write fails (disk full):
    the old file stays as it was and no temp file is left."""
    out = tmp_path / "CHANGELOG.md"
    out.write_text("old\n", encoding="utf-8")

    def full(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", lambda fd: full(fd, b""))
    result = run("--root", str(seeds_root), "changelog", "2016", "2021", "-o", str(out))
    assert result.exit_code == 2 and "No space left on device" in result.output
    assert out.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["CHANGELOG.md"]


def test_the_old_figure_a_report_replaces_is_no_goal() -> None:
    text = "国民经济增长速度由原定平均每年百分之六调高到百分之八至九"
    old = figure(1993, "GDP", 6, "%", measure="growth", kind="target", quote="百分之六", figure_year=1995)
    old = dataclasses.replace(old, text=text, start=0, quote_start=text.index("百分之六"))
    new = dataclasses.replace(old, value=(8, 9), quote="百分之八至九", quote_start=text.index("百分之八至九"))
    links = [goal_link(1993, "x")]
    links = [dataclasses.replace(links[0], goal=g) for g in (old, new)]
    changes = goal_changes(links, 1993, 1994)
    assert [lk.goal.quote for lk in changes.previous] == ["百分之八至九"]
    assert [lk.goal.quote for lk in goal_changes(links, 1992, 1993).new] == ["百分之八至九"]


def test_a_goal_restated_is_not_new() -> None:
    """去年政府工作报告提出…(a year before the report's) and 提前实现了…翻两番的目标 (a span
    begun long before) are goals said again, not goals the report sets."""
    import dataclasses

    from erqi_diff.summarize.figures import goal_changes

    new = goal_link(1998, "经济增长速度8%")
    last_year = dataclasses.replace(goal_link(1998, "物价涨幅要从14.8%降到10%左右"), goal=dataclasses.replace(
        goal_link(1998, "x").goal, figure_year=1997, quote="10%左右"))
    long_ago = dataclasses.replace(goal_link(1998, "x"), goal=dataclasses.replace(
        goal_link(1998, "x").goal, figure_year=2000, figure_span=(1981, 2000), quote="翻两番"))
    plan = dataclasses.replace(goal_link(1998, "x"), goal=dataclasses.replace(
        goal_link(1998, "x").goal, figure_year=2000, figure_span=(1998, 2000), quote="五十万"))
    changes = goal_changes([new, last_year, long_ago, plan], 1997, 1998)
    assert [lk.goal.quote for lk in changes.new] == [new.goal.quote, "五十万"]


def test_long_changelog_goes_through_the_pager_on_a_terminal(seeds_root, tmp_path, monkeypatch):
    # as git log: on a terminal a changelog longer than the screen is paged; --no-pager prints it
    import erqi_diff.cli.common as common
    from erqi_diff.cli import cli

    paged = tmp_path / "paged.md"
    monkeypatch.setattr(common, "is_terminal", lambda: True)
    env = {"PAGER": f"cat > {paged}", "LINES": "20", "NO_COLOR": "1"}
    out = CliRunner().invoke(cli, ["--root", str(seeds_root), "changelog", "2016", "2021"], env=env)
    assert out.exit_code == 0, out.output
    assert paged.read_text(encoding="utf-8").startswith("# Changelog 2016–2021") and out.output == ""
    paged.unlink()
    out = CliRunner().invoke(cli, ["--root", str(seeds_root), "changelog", "2016", "2021", "--no-pager"], env=env)
    assert out.exit_code == 0 and out.output.startswith("# Changelog 2016–2021") and not paged.exists()


def test_a_changelog_says_how_a_slogan_stood_in_a_report_outside_its_span(gwr_root):
    """changelog 2023 2025: 2022 lies outside the span, yet the line says what
    held 逆周期调节 there, as the diff strip does (the same words)."""
    from erqi_diff.core.project import load_project
    from erqi_diff.summarize.changelog import build_changelog

    log = build_changelog(load_project(gwr_root), 2023, 2025)
    returned = {c.new: c for e in log.entries if e.slogans for c in e.slogans.returned}
    assert (returned["逆周期调节"].since, returned["逆周期调节"].since_within) == (2022, "跨周期和逆周期调节")
    assert (returned["耕地红线"].since, returned["耕地红线"].since_form) == (2022, "18亿亩耕地红线")


@pytest.mark.parametrize("lineage, old, new, shown", [
    (("智慧督察", "智慧督查"), "智慧督察", "智慧督查", ""),  # the two forms of the change: nothing more to say
    (("保交楼", "保交房"), "保交房", "保交楼", ""),
    # a form that came back: a list in order of first use, never an arrow chain ending on the wrong form
    (("拥政爱民、拥军优属", "双拥", "拥军优属、拥政爱民"), "拥军优属、拥政爱民", "拥政爱民、拥军优属",
     " (its forms, by first use: “拥政爱民、拥军优属”, “双拥”, “拥军优属、拥政爱民”)"),
])
def test_changed_slogan_lists_its_other_forms(lineage, old, new, shown):
    from erqi_diff.views.markdown import _forms

    assert _forms(lineage, old, new) == shown


def test_a_bound_gives_way_to_figures_of_the_same_years_that_compare_exactly(gwr_root):
    """2024 gives 2023's GDP as 超过126万亿元 (a bound) and 2025 gives 2024's as
    134.9万亿元: no exact change; both also give the year's growth (5.2%, 5%),
    which the row then sets side by side."""
    from erqi_diff.core.project import load_project
    from erqi_diff.extract.facts import Measure
    from erqi_diff.summarize.changelog import build_changelog

    log = build_changelog(load_project(gwr_root), 2024, 2025)
    (gdp,) = [r for e in log.entries for r in e.metrics if r.indicator == "GDP"]
    assert (gdp.before.figure_year, gdp.after.figure_year) == (2023, 2024)
    assert gdp.before.measure is gdp.after.measure is Measure.GROWTH
    assert (gdp.before.low, gdp.after.low, gdp.change) == (5.2, 5.0, -0.2)
    assert "5.2%" in gdp.before.text and "5%" in gdp.after.text

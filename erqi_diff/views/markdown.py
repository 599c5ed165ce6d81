"""Render a :class:`~erqi_diff.summarize.changelog.Changelog` as Markdown.

The output is CommonMark (tables in the GitHub form, the one extension
used), the same bytes for the same changelog (no dates, no clock, every list
in a fixed order), with an HTML anchor before each year's heading
(``<a id="y2021"></a>``) so a link such as ``CHANGELOG.md#y2021`` reaches it
on any renderer. Every piece of report text is escaped (:func:`escape`), so
a ``|``, ``*`` or ``<`` in a report cannot break a table or start markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from erqi_diff.summarize.changelog import (
    Changelog,
    Excerpt,
    GoalChanges,
    MetricRow,
    Passage,
    SectionChange,
    SectionChanges,
    SectionStatus,
    Summary,
    YearEntry,
)
from erqi_diff.extract.lineage import SloganChanges
from erqi_diff.views import format as fmt
from erqi_diff.views.format import part_of, plural, signed, years_phrase
from erqi_diff.views.format import share as percent

# ASCII characters with a meaning in CommonMark or GFM tables inside a line.
# All ASCII punctuation may be backslash-escaped in CommonMark.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&!#])")


def escape(text: str) -> str:
    """``text`` as literal inline Markdown: special characters backslash-escaped,
    line breaks turned into " / " (a quote stays on one line)."""
    flat = " / ".join(part.strip() for part in str(text).splitlines() if part.strip())
    return _SPECIAL.sub(r"\\\1", flat)


#: Longest quote of a sentence a report says of a goal, or of a reused passage.
QUOTE_CHARS = 80


def cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def quote(text: str) -> str:
    return f"“{escape(text)}”"


def _as(form: str, within: str = "") -> str:
    """ " as <form>" when a slogan stood then in another form (SloganChange.since_form / back_form),
    " within <slogan>" when only inside a longer one (since_within / back_within)."""
    if form:
        return f" as {quote(form)}"
    return f" within {quote(within)}" if within else ""


def _list(items: Iterable[str]) -> str:
    items = list(items)
    return ", ".join(items) if items else "none"


# ------------------------------------------------------------------- summary


def _figure(f) -> str:
    """A fact as a reader says it: 567亿元, growth +9%, about 5%, an estimate marked."""
    shown = fmt.figure(f.value, f.unit, f.modifier.value, f.measure.value) or "no figure"
    if f.measure.value == "growth":
        shown = "growth " + shown
    return escape(fmt.estimated(shown, f.kind.value))


def _value(f, show_period: bool = False) -> str:
    """A figure filed under its figure year: "2020 · report 2021: 773亿元 est.",
    with its period when asked (a half year never passes for a full year)."""
    text = f"{escape(fmt.year_label(f.figure_year, f.year, f.figure_span, f.period))}: {_figure(f)}"
    if show_period:
        text += f" ({escape(f.period.value if f.period else 'period unstated')})"
    return text


def render_summary(summary: Summary, entries: tuple[YearEntry, ...]) -> list[str]:
    out = ['<a id="summary"></a>', "", "## Summary", ""]
    covered = ", ".join(str(y) for y in summary.years)
    gap = f" (no report for {years_phrase(summary.missing)})" if summary.missing else ""
    out.append(f"- Years covered: {covered}{gap}.")
    if summary.throughout is not None and summary.born is not None and summary.retired is not None:
        out.append(f"- Slogans that ran throughout: {_list(quote(s) for s in summary.throughout)}.")
        out.append("- Slogans born within the span, found in two reports or more: "
                   f"{_list(f'{quote(s.form or s.slogan)} ({s.first})' for s in summary.born)}.")
        out.append("- Slogans retired within the span, found in two reports or more: "
                   f"{_list(f'{quote(s.form or s.slogan)} (last in {s.last})' for s in summary.retired)}.")
        out.append(f"- {plural(summary.one_offs or 0, 'slogan')} found in one report only (listed under its year).")
    out.append("- Year by year: " + ", ".join(f"[{e.current.year}](#{e.anchor})" for e in entries) + ".")
    if summary.headline:
        out += ["", "Headline metrics, first and last (the earliest and latest figures covering the same "
                "period, where two do):", "",
                "| indicator | first | last | change |", "| --- | --- | --- | --- |"]
        for h in summary.headline:
            show = h.change.show_period
            out.append(f"| {escape(h.indicator)} | {_value(h.first, show)} "
                       f"| {_value(h.last, show)} | {_change(h.change)} |")
    return out


# ------------------------------------------------------------------ a year


def render_slogans(changes: SloganChanges) -> list[str]:
    """Added, returned, retired (or left out, back later) and changed: the words of the diff strip."""
    out = ["### Slogans", ""]
    if changes.empty:
        return out + ["No slogan added, returned, retired or changed."]
    if changes.added:
        out.append(f"- Added: {_list(quote(c.new) for c in changes.added)}.")
    if changes.returned:
        returned = (f"{quote(c.new)} (last in {c.since}{_as(c.since_form, c.since_within)})" for c in changes.returned)
        out.append(f"- Returned: {_list(returned)}.")
    gone = [c for c in changes.retired if c.back is None]
    if gone:
        out.append(f"- Retired: {_list(quote(c.old) for c in gone)}.")
    if len(gone) < len(changes.retired):
        back = (f"{quote(c.old)} (back in {c.back}{_as(c.back_form, c.back_within)})"
                for c in changes.retired if c.back is not None)
        out.append(f"- Not in {changes.after}, back later: {_list(back)}.")
    for c in changes.changed:
        out.append(f"- Changed: {quote(c.old)} → {quote(c.new)}{_forms(c.lineage, c.old, c.new)}.")
    return out


def _forms(lineage: tuple[str, ...], old: str, new: str) -> str:
    """The slogan's forms, in the order each was first used, when there are
    others than ``old`` and ``new``: a list, not a chain (a form may come
    back: 拥政爱民、拥军优属, then 双拥, then 拥军优属、拥政爱民, then the first again)."""
    if set(lineage) <= {old, new}:
        return ""
    return f" (its forms, by first use: {', '.join(map(quote, lineage))})"


def _around(text: str, at: int, length: int, before: int = 30, after: int = 12) -> str:
    """The words around a quote of a sentence (…城镇新增就业1200万人以上，…)."""
    start, end = max(0, at - before), min(len(text), at + length + after)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _goal_line(link) -> str:
    g = link.goal
    year = fmt.year_label(g.figure_year, g.year, g.figure_span, g.period)
    words = _around(g.text, g.quote_start - g.start, len(g.quote))
    said = f" {quote(g.quote)}" if g.value is None and g.modifier.value in ("qualitative", "absent") else ""
    return f"{quote(words)} ({g.kind.value} for {escape(year)}: {_figure(g)}{said})"


def render_goals(goals: GoalChanges, entry: YearEntry) -> list[str]:
    out = ["### Goals", ""]
    before, after = entry.previous.year, entry.current.year
    if goals.new:
        out += [f"New goals set in {after}:", ""]
        out += [f"- {_goal_line(g)}" for g in goals.new]
    else:
        out.append(f"No new goal found in {after} (a plan restated with its progress, as N个项目已开工M个, "
                   "is not counted as a new one).")
    out.append("")
    if not goals.previous:
        return out + [f"No goal found in {before} to follow up."]
    out += [f"Goals of {before}, and what later reports say:", ""]
    for lk in goals.previous:
        said = ""
        if lk.outcome is not None:
            o = lk.outcome
            margin = fmt.link_margin(lk)
            years = fmt.other_years(lk.goal.figure_year, lk.goal.figure_span, o.figure_year, o.figure_span)
            said = (f"; the {o.year} report gives {_figure(o)}{f' for {years}' if years else ''}"
                    f"{f' ({escape(margin)})' if margin else ''}: "
                    f"{quote(_around(o.text, o.quote_start - o.start, len(o.quote)))}")
        why = "" if lk.verdict.value in ("met", "missed") else f" ({escape(lk.reason)})"
        out.append(f"- **{escape(lk.verdict.value.replace('_', ' '))}**{why}: {_goal_line(lk)}{said}")
    return out


def _change(row: MetricRow) -> str:
    if not row.like_for_like:
        return escape(row.note)
    if row.change is None:
        return escape(row.note) if row.note else "no comparable figure"
    if row.change == 0:
        return "same figure"  # as written: rounded figures may hide a change (1.37万亿斤 twice, 增产74亿斤)
    unit = row.after.unit if row.after else ""
    rate = fmt.is_percent(unit) or (row.after is not None and row.after.measure.value != "level")
    text = escape(signed(row.change) + (" pt" if fmt.is_percent(unit) else (unit or "")))
    if row.change_pct is not None and not rate:
        text += f" ({escape(signed(row.change_pct))}%)"
    return text


def render_metrics(rows: tuple[MetricRow, ...], entry: YearEntry) -> list[str]:
    out = ["### Metrics", ""]
    if not rows:
        return out + [f"No indicator found in both {entry.previous.year} and {entry.current.year}."]
    out += [f"| indicator | report {entry.previous.year} | report {entry.current.year} | change |",
            "| --- | --- | --- | --- |"]
    for row in rows:
        out.append(f"| {escape(row.indicator)} | {_value(row.before, row.show_period)} "
                   f"| {_value(row.after, row.show_period)} | {_change(row)} |")
    return out


def _heading(text: str | None) -> str:
    return escape(text) if text else "(opening, untitled)"


def _excerpt(ex: Excerpt | None) -> str:
    if ex is None:
        return ""
    verb = {"+": "added", "-": "dropped"}.get(ex.op, "reads")
    return f"; {verb} {quote(ex.text)}"


def _section_line(change: SectionChange) -> str:
    if change.status is SectionStatus.ADDED:
        return f"- Added: {_heading(change.to_heading)}{_excerpt(change.excerpt)}"
    if change.status is SectionStatus.REMOVED:
        return f"- Removed: {_heading(change.from_heading)}{_excerpt(change.excerpt)}"
    if change.status is SectionStatus.FOLDED:
        return (f"- Folded into {_heading(change.host)} (no section of its own): "
                f"{_heading(change.from_heading)}{_excerpt(change.excerpt)}")
    if change.status is SectionStatus.DRAWN:
        return (f"- Drawn out of {_heading(change.host)} (no section of its own there): "
                f"{_heading(change.to_heading)}{_excerpt(change.excerpt)}")
    if change.status is SectionStatus.REGROUPED:
        older = change.from_heading is not None
        where = f"in {_heading(change.host)}" if change.host is not None else "in several parts"
        return (f"- Regrouped ({part_of(change.held, change.below, 'section')} under it paired "
                f"{'with' if older else 'from'} "
                f"sections {where}; no heading of its own "
                f"{'in the newer report' if older else 'in the older report'}): "
                f"{_heading(change.from_heading if older else change.to_heading)}{_excerpt(change.excerpt)}")
    names = _heading(change.to_heading)
    if change.from_heading != change.to_heading:
        names = f"{_heading(change.from_heading)} → {names}"
    moved = {"split": " (split)", "merge": " (merged)"}.get(change.relation.value, "")
    moved += " (moved)" if change.moved else ""
    if change.status is SectionStatus.FOLLOWED:
        return f"- Plan beside its outcome (the year planned, as the next report reviews it): {names}{moved}"
    if change.share_changed == 0:
        return f"- Rewritten: {names}{moved}, heading only"
    return f"- Rewritten: {names}{moved}, {percent(change.share_changed)} changed{_excerpt(change.excerpt)}"


def render_sections(sections: SectionChanges) -> list[str]:
    counts = {status: sum(c.status is status for c in sections.changes) for status in SectionStatus}
    head = (f"{plural(counts[SectionStatus.REWRITTEN], 'section')} rewritten, {counts[SectionStatus.ADDED]} added, "
            f"{counts[SectionStatus.REMOVED]} removed, {sections.unchanged} unchanged")
    if counts[SectionStatus.FOLDED]:
        head += f", {counts[SectionStatus.FOLDED]} folded into a paired section"
    if counts[SectionStatus.DRAWN]:
        head += f", {counts[SectionStatus.DRAWN]} drawn out of a paired section"
    if counts[SectionStatus.REGROUPED]:
        head += f", {plural(counts[SectionStatus.REGROUPED], 'heading')} over paired sections"
    if counts[SectionStatus.FOLLOWED]:
        head += f", {plural(counts[SectionStatus.FOLLOWED], 'plan')} beside the next report's review"
    if sections.share_changed is not None:
        head += f"; {percent(sections.share_changed)} of the text marked changed"
    out = ["### Sections", "", head + "."]
    order = (SectionStatus.REWRITTEN, SectionStatus.FOLLOWED, SectionStatus.ADDED, SectionStatus.REMOVED,
             SectionStatus.FOLDED, SectionStatus.DRAWN, SectionStatus.REGROUPED)
    lines = [_section_line(c) for status in order for c in sections.changes if c.status is status]
    return out + ([""] + lines if lines else [])


_HEADING_MARK = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)


def _passage_line(p: Passage) -> str:
    """A reused passage; one that runs across a heading shows the heading as
    text, without the snapshot's ``##`` marks."""
    where = _heading(p.from_section)
    if p.to_section != p.from_section:
        where += f" → {_heading(p.to_section)}"
    old, new = _HEADING_MARK.sub("", p.from_text), _HEADING_MARK.sub("", p.to_text)
    text = quote(cut(new, QUOTE_CHARS))
    if old != new:
        text = f"{quote(cut(old, QUOTE_CHARS))} → {text}"
    also = f", {fmt.recurring(p.also, p.also_share)}" if p.also else ""
    return f"- {p.chars} characters, {percent(p.similarity)} alike{also} ({where}): {text}"


def render_reuse(passages: tuple[Passage, ...], entry: YearEntry) -> list[str]:
    out = ["### Reused wording", ""]
    if not passages:
        return out + [f"No passage of {entry.previous.year} found again in {entry.current.year}."]
    return out + [f"Longest passages of {entry.previous.year} carried over:", ""] + [_passage_line(p) for p in passages]


def render_entry(entry: YearEntry) -> list[str]:
    cur, prev = entry.current, entry.previous
    out = [f'<a id="{entry.anchor}"></a>', "", f"## {cur.year} (compared with {prev.year})", ""]
    line = f"{cur.year}: {escape(cur.title)}, {escape(cur.date)}, {cur.chars} characters"
    line += f" (against {prev.chars} in {prev.year})."
    if entry.skipped:
        line += f" There is no report for {years_phrase(entry.skipped)}: this compares {cur.year} with {prev.year}."
    out.append(line)
    parts = []
    if entry.slogans is not None:
        parts.append(render_slogans(entry.slogans))
    if entry.goals is not None:
        parts.append(render_goals(entry.goals, entry))
    if entry.metrics is not None:
        parts.append(render_metrics(entry.metrics, entry))
    if entry.sections is not None:
        parts.append(render_sections(entry.sections))
    if entry.reuse is not None:
        parts.append(render_reuse(entry.reuse, entry))
    for part in parts:
        out += [""] + part
    return out


def render(changelog: Changelog) -> str:
    """The changelog as Markdown text, ending with one newline."""
    years = changelog.summary.years
    out = [f"# Changelog {years[0]}–{years[-1]}", "",
           f"What changed from each report to the next, newest first "
           f"(asked for {changelog.from_year}–{changelog.to_year}).", ""]
    out += render_summary(changelog.summary, changelog.entries)
    for entry in changelog.entries:
        out += [""] + render_entry(entry)
    return "\n".join(out) + "\n"

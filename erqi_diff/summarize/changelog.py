"""The changelog of a span of years: what changed from each report to the next.

:func:`build_changelog` loads the snapshots of the years of the series that
fall within FROM..TO and asks the other modules for their results (the
section diff of :mod:`erqi_diff.compare.diff`, the slogans, goals and metrics of
:mod:`erqi_diff.extract.slogans`, :mod:`erqi_diff.extract.goals` and :mod:`erqi_diff.extract.metrics`,
the reuse audit of :mod:`erqi_diff.reuse.audit`). It computes nothing of its own
beyond selecting from those results: it groups them by consecutive pair of
available years, newest first, under a summary of the whole span.

The result, :class:`Changelog`, is one JSON-able value serving ``--json``,
the Markdown renderer (:mod:`erqi_diff.views.markdown`) and the Python API.
:func:`assemble` builds it from the JSON-shaped results of those modules
(:class:`Sources`), so it can be driven by hand-made data too.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any
from collections.abc import Mapping

from erqi_diff.reuse.model import ReuseResult
from erqi_diff.summarize.span import span_years

#: How long a quoted excerpt may be, in characters, before it is cut with "…".
EXCERPT_CHARS = 48
#: How many reused passages are shown per pair of years.
REUSE_SHOWN = 5
#: The ``period`` of a full-year figure in the metrics records (``metrics --json``).
FULL_YEAR = "year"
#: How many headline metrics the summary shows.
HEADLINE_METRICS = 6


class Outcome(str, enum.Enum):
    """What the next report says of a goal."""

    MET = "met"
    MISSED = "missed"
    REPORTED = "reported"          # spoken of, but no figure to compare or no direction (左右) to judge by
    NOT_REPORTED = "not reported"


class SectionStatus(str, enum.Enum):
    ADDED = "added"
    REMOVED = "removed"
    REWRITTEN = "rewritten"


# --------------------------------------------------------------------- values


@dataclass(frozen=True)
class YearRef:
    """One report of the span, as :meth:`Snapshot.meta` describes it."""

    year: int
    date: str
    title: str
    chars: int

    def to_json(self) -> dict:
        return {"year": self.year, "date": self.date, "title": self.title, "chars": self.chars}


@dataclass(frozen=True)
class Reworded:
    """A slogan found in both years under different wordings."""

    slogan: str
    before: str
    after: str
    lineage: tuple[str, ...]  # every variant of the slogan, oldest first

    def to_json(self) -> dict:
        return {"slogan": self.slogan, "before": self.before, "after": self.after, "lineage": list(self.lineage)}


@dataclass(frozen=True)
class SloganChanges:
    added: tuple[str, ...]
    retired: tuple[str, ...]
    reworded: tuple[Reworded, ...]

    def to_json(self) -> dict:
        return {"added": list(self.added), "retired": list(self.retired),
                "reworded": [r.to_json() for r in self.reworded]}


@dataclass(frozen=True)
class Goal:
    """A goal set by a report; ``outcome`` is what the next report of the span says."""

    year: int
    text: str
    target_value: float | None
    target_unit: str | None
    deadline: str | None
    outcome: Outcome
    outcome_year: int | None = None    # the report that speaks of it (maybe a later one)
    outcome_text: str | None = None    # what ``after`` says, when it says something
    outcome_value: float | None = None
    outcome_unit: str | None = None
    ratio: float | None = None         # outcome_value / target_value, as the goals module gives it

    def to_json(self) -> dict:
        return {"year": self.year, "text": self.text,
                "target": {"value": self.target_value, "unit": self.target_unit},
                "deadline": self.deadline, "outcome": self.outcome.value, "outcome_year": self.outcome_year,
                "outcome_text": self.outcome_text, "outcome_value": self.outcome_value,
                "outcome_unit": self.outcome_unit, "ratio": self.ratio}


@dataclass(frozen=True)
class GoalChanges:
    new: tuple[Goal, ...]        # set by the newer report
    previous: tuple[Goal, ...]   # set by the older report, with what the newer one says

    def to_json(self) -> dict:
        return {"new": [g.to_json() for g in self.new], "previous": [g.to_json() for g in self.previous]}


@dataclass(frozen=True)
class MetricValue:
    """One metrics record (as ``erqi-diff metrics --json`` prints it), trimmed."""

    year: int
    value: float | list[float] | None  # a list [low, high] for a range
    unit: str | None
    growth_pct: float | list[float] | None
    period: str | None
    qualifier: str | None
    text: str

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> MetricValue:
        return cls(year=int(record["year"]), value=record.get("value"), unit=record.get("unit"),
                   growth_pct=record.get("growth_pct"), period=record.get("period"),
                   qualifier=record.get("qualifier"), text=record.get("text", ""))

    def to_json(self) -> dict:
        return {"year": self.year, "value": self.value, "unit": self.unit, "growth_pct": self.growth_pct,
                "period": self.period, "qualifier": self.qualifier, "text": self.text}


@dataclass(frozen=True)
class MetricRow:
    """One indicator in two years. ``like_for_like`` is False when the two
    figures cover different periods (a half year against a full year) or
    units; then no change is given, only ``note`` saying why."""

    indicator: str
    before: MetricValue | None
    after: MetricValue | None
    show_period: bool               # periods differ, or neither is a full year
    like_for_like: bool
    value_change: float | None      # after.value - before.value, same unit and period
    value_change_pct: float | None  # that change as a share of before.value, in % (None for rates)
    growth_change_pt: float | None  # after.growth_pct - before.growth_pct, in points
    note: str

    def to_json(self) -> dict:
        return {"indicator": self.indicator,
                "before": self.before.to_json() if self.before else None,
                "after": self.after.to_json() if self.after else None,
                "show_period": self.show_period, "like_for_like": self.like_for_like, "value_change": self.value_change,
                "value_change_pct": self.value_change_pct, "growth_change_pt": self.growth_change_pt,
                "note": self.note}


@dataclass(frozen=True)
class Excerpt:
    """A short quote of one change: ``op`` is ``+`` (inserted), ``-`` (deleted)
    or ``=`` (for a whole added or removed section, its opening words)."""

    op: str
    text: str
    cut: bool  # True when ``text`` was shortened

    def to_json(self) -> dict:
        return {"op": self.op, "text": self.text, "cut": self.cut}


@dataclass(frozen=True)
class SectionChange:
    status: SectionStatus
    from_heading: str | None
    to_heading: str | None
    similarity: float | None
    share_changed: float        # 0..1 of the section's characters (both sides); 0 when only the heading changed
    excerpt: Excerpt | None
    moved: bool = False         # the diff found it in another place in the order of sections

    def to_json(self) -> dict:
        return {"status": self.status.value, "from_heading": self.from_heading, "to_heading": self.to_heading,
                "similarity": self.similarity, "share_changed": self.share_changed,
                "excerpt": self.excerpt.to_json() if self.excerpt else None, "moved": self.moved}


@dataclass(frozen=True)
class SectionChanges:
    changes: tuple[SectionChange, ...]
    unchanged: int                     # sections paired with no change at all
    share_changed: float | None        # of the whole report, as the diff's stats give it

    def to_json(self) -> dict:
        return {"changes": [c.to_json() for c in self.changes], "unchanged": self.unchanged,
                "share_changed": self.share_changed}


@dataclass(frozen=True)
class Passage:
    """A passage of the older report carried over into the newer one."""

    chars: int
    similarity: float
    from_section: str
    to_section: str
    from_text: str
    to_text: str

    def to_json(self) -> dict:
        return {"chars": self.chars, "similarity": self.similarity, "from_section": self.from_section,
                "to_section": self.to_section, "from_text": self.from_text, "to_text": self.to_text}


@dataclass(frozen=True)
class YearEntry:
    """What changed from ``previous`` to ``current``; ``skipped`` are the
    years between them with no report. A part is None when it was not asked
    for (:class:`Sources` without it); the renderer leaves it out."""

    current: YearRef
    previous: YearRef
    skipped: tuple[int, ...]
    slogans: SloganChanges | None
    goals: GoalChanges | None
    metrics: tuple[MetricRow, ...] | None
    sections: SectionChanges | None
    reuse: tuple[Passage, ...] | None

    @property
    def anchor(self) -> str:
        return f"y{self.current.year}"

    def to_json(self) -> dict:
        def part(value):
            if value is None:
                return None
            if isinstance(value, tuple):
                return [v.to_json() for v in value]
            return value.to_json()

        return {"year": self.current.year, "compared_with": self.previous.year, "anchor": self.anchor,
                "skipped": list(self.skipped), "current": self.current.to_json(),
                "previous": self.previous.to_json(), "slogans": part(self.slogans), "goals": part(self.goals),
                "metrics": part(self.metrics), "sections": part(self.sections), "reuse": part(self.reuse)}


@dataclass(frozen=True)
class SloganSpan:
    slogan: str
    first: int
    last: int

    def to_json(self) -> dict:
        return {"slogan": self.slogan, "first": self.first, "last": self.last}


@dataclass(frozen=True)
class Headline:
    """An indicator's earliest and latest figures in the span, compared."""

    indicator: str
    first: MetricValue
    last: MetricValue
    change: MetricRow

    def to_json(self) -> dict:
        return {"indicator": self.indicator, "first": self.first.to_json(), "last": self.last.to_json(),
                "change": self.change.to_json()}


@dataclass(frozen=True)
class Summary:
    """The whole span: years covered and missing, slogans that ran
    throughout, were born or retired within it, headline metrics first and last."""

    years: tuple[int, ...]
    missing: tuple[int, ...]
    throughout: tuple[str, ...] | None
    born: tuple[SloganSpan, ...] | None     # found in two reports or more
    retired: tuple[SloganSpan, ...] | None  # found in two reports or more
    one_offs: int | None                    # slogans found in one report only
    headline: tuple[Headline, ...] | None

    def to_json(self) -> dict:
        def many(values):
            return None if values is None else [v if isinstance(v, str) else v.to_json() for v in values]

        return {"years": list(self.years), "missing": list(self.missing), "throughout": many(self.throughout),
                "born": many(self.born), "retired": many(self.retired), "one_offs": self.one_offs,
                "headline": many(self.headline)}


@dataclass(frozen=True)
class Changelog:
    from_year: int
    to_year: int
    reports: tuple[YearRef, ...]   # oldest first
    summary: Summary
    entries: tuple[YearEntry, ...]  # newest first

    def to_json(self) -> dict:
        return {"from": self.from_year, "to": self.to_year, "reports": [r.to_json() for r in self.reports],
                "summary": self.summary.to_json(), "entries": [e.to_json() for e in self.entries]}


# -------------------------------------------------------------------- sources


@dataclass(frozen=True)
class Sources:
    """The other modules' results: the slogans as :class:`erqi_diff.extract.slogans.Slogan`
    (so its helpers apply), the rest in their documented JSON shapes. A part
    left None is left out of the changelog."""

    diffs: Mapping[tuple[int, int], Mapping[str, Any]] | None = None  # (older, newer) -> diff --json
    slogans: list | None = None                # erqi_diff.extract.slogans.Slogan, from the span's reports
    goals: list[Mapping[str, Any]] | None = None                       # goals --json
    metrics: KeyMetrics | None = None          # year -> indicator -> key record (metrics --json shape)
    key_indicators: tuple[str, ...] = ()       # the metrics module's headline indicators, in its order
    reuse: ReuseResult | None = None           # the reuse audit of the span's snapshots


# ------------------------------------------------------------------- assembly


def _ref(meta: Mapping[str, Any]) -> YearRef:
    return YearRef(year=int(meta["year"]), date=str(meta.get("date", "")), title=str(meta.get("title", "")),
                   chars=int(meta.get("chars", 0)))


def excerpt(text: str, op: str, limit: int = EXCERPT_CHARS) -> Excerpt:
    """``text`` on one line (paragraph breaks shown as " / "), cut to ``limit`` characters."""
    flat = " / ".join(part.strip() for part in text.split("\n") if part.strip())
    if len(flat) <= limit:
        return Excerpt(op, flat, False)
    return Excerpt(op, flat[:limit].rstrip() + "…", True)


# slogans


def _wordings(record: Mapping[str, Any], year: int) -> tuple[str, ...]:
    """The variants of a slogan (``slogans --json`` shape) used in ``year``."""
    return tuple(str(v["slogan"]) for v in record.get("variants") or () if year in {int(y) for y in v["years"]})


def slogan_changes(slogans: list, before: int, after: int) -> SloganChanges:
    """Slogans (:class:`erqi_diff.extract.slogans.Slogan`) added and retired from
    ``before`` to ``after`` (as :func:`slogans.added_retired` says), and those
    found in both years under other wordings, with their lineage."""
    from erqi_diff.extract.slogans import added_retired

    added, retired = added_retired(slogans, before, after)
    reworded = []
    for slogan in slogans:
        record = slogan.to_json()
        old, new = _wordings(record, before), _wordings(record, after)
        if old and new and old != new:
            lineage = tuple(str(v["slogan"]) for v in record["variants"])
            reworded.append(Reworded(record["slogan"], " / ".join(old), " / ".join(new), lineage))
    return SloganChanges(tuple(added), tuple(retired), tuple(reworded))


def slogan_span(slogans: list, years: list[int]) -> tuple[tuple, tuple, tuple, int]:
    """(throughout, born, retired, one-offs) over ``years`` (oldest first),
    from slogans extracted from those years' reports. Born and retired count
    slogans found in two reports or more; those found in one report only
    (listed under their year) are counted as one-offs."""
    throughout, born, retired, once = [], [], [], 0
    for slogan in slogans:
        seen = sorted(set(slogan.years) & set(years))
        if not seen:
            continue
        if seen == years:
            throughout.append(slogan.slogan)
            continue
        if len(seen) == 1:
            once += 1
            continue
        if seen[0] > years[0]:
            born.append(SloganSpan(slogan.slogan, seen[0], seen[-1]))
        if seen[-1] < years[-1]:
            retired.append(SloganSpan(slogan.slogan, seen[0], seen[-1]))
    born.sort(key=lambda s: (s.first, s.slogan))
    retired.sort(key=lambda s: (s.last, s.slogan))
    return tuple(throughout), tuple(born), tuple(retired), once


# goals


def _goal(record: Mapping[str, Any], after: int) -> Goal:
    target = record.get("target") or {}
    outcome = record.get("outcome")
    kind, o_year, said = Outcome.NOT_REPORTED, None, {}
    if outcome:
        o_year = int(outcome["year"])
    if outcome and o_year == after:
        said = outcome
        # The goals module judges (met, missed, reported); "open" cannot be: there is an outcome.
        kind = Outcome(record.get("verdict") or Outcome.REPORTED.value)
    return Goal(year=int(record["year"]), text=str(record["text"]), target_value=target.get("value"),
                target_unit=target.get("unit"), deadline=record.get("deadline"), outcome=kind,
                outcome_year=o_year, outcome_text=said.get("text"), outcome_value=said.get("value"),
                outcome_unit=said.get("unit"), ratio=said.get("ratio"))


def goal_changes(records: list[Mapping[str, Any]], before: int, after: int) -> GoalChanges:
    """Goals set by ``after`` (their outcome is for later reports: not shown
    as met or missed here), and goals set by ``before`` with what ``after`` says."""
    new = tuple(_goal(r, after=after) for r in records if int(r["year"]) == after)
    previous = tuple(_goal(r, after=after) for r in records if int(r["year"]) == before)
    return GoalChanges(new, previous)


# metrics


def _scalar(value) -> float | None:
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def is_percent(unit: str | None) -> bool:
    return unit in ("%", "％", "个百分点")


def compare_metric(indicator: str, before: MetricValue, after: MetricValue) -> MetricRow:
    """One indicator in two years. A change is given only like for like: same
    period (a half year is never set against a full year) and same unit."""
    if (before.period or "") != (after.period or ""):
        return MetricRow(indicator, before, after, True, False, None, None, None,
                         f"not like-for-like: {before.period or 'unstated'} against {after.period or 'unstated'}")
    show_period = after.period != FULL_YEAR
    value_change = value_pct = growth_pt = None
    notes = []
    old, new = _scalar(before.value), _scalar(after.value)
    if old is not None and new is not None:
        if (before.unit or "") == (after.unit or ""):
            value_change = round(new - old, 6)
            if old and not is_percent(after.unit):  # a rate's change is in points, not a percentage of it
                value_pct = round(100.0 * value_change / old, 1)
        else:
            notes.append(f"units differ: {before.unit or 'none'} against {after.unit or 'none'}")
    if _scalar(before.growth_pct) is not None and _scalar(after.growth_pct) is not None:
        growth_pt = round(after.growth_pct - before.growth_pct, 6)
    return MetricRow(indicator, before, after, show_period, not notes, value_change, value_pct, growth_pt,
                     "; ".join(notes))


KeyMetrics = Mapping[int, Mapping[str, Mapping[str, Any]]]


def metric_rows(key: KeyMetrics, before: int, after: int) -> tuple[MetricRow, ...]:
    """Indicators found in both years (each year's key record of the
    indicator, as the metrics module picks it), in the newer report's order."""
    old, new = key.get(before, {}), key.get(after, {})
    return tuple(compare_metric(name, MetricValue.from_record(old[name]), MetricValue.from_record(record))
                 for name, record in new.items() if name in old)


def headline_metrics(key: KeyMetrics, years: list[int], preferred: tuple[str, ...] = (),
                     limit: int = HEADLINE_METRICS) -> tuple[Headline, ...]:
    """Indicators reported in at least two years of the span, with their
    earliest and latest figures (like for like where possible, see
    :func:`_first_and_last`): the ``preferred`` ones (the metrics module's
    key indicators) first, then those reported in most years."""
    order: dict[str, int] = {}
    for year in years:
        for name in key.get(year, {}):
            order.setdefault(name, len(order))
    counts = {name: sum(name in key.get(y, {}) for y in years) for name in order}
    rank = {name: i for i, name in enumerate(preferred)}
    chosen = sorted((n for n in order if counts[n] >= 2),
                    key=lambda n: (rank.get(n, len(rank)), -counts[n], order[n]))[:limit]
    out = []
    for name in chosen:
        first, last = _first_and_last([MetricValue.from_record(key[y][name]) for y in years if name in key.get(y, {})])
        out.append(Headline(name, first, last, compare_metric(name, first, last)))
    return tuple(out)


def _first_and_last(seen: list[MetricValue]) -> tuple[MetricValue, MetricValue]:
    """The earliest and latest of an indicator's yearly figures (oldest first)
    that cover the same period, full years preferred, then the widest span;
    the very first and last (not like-for-like) when no two periods agree."""
    by_period: dict[str, list[MetricValue]] = {}
    for value in seen:
        by_period.setdefault(value.period or "", []).append(value)
    pairs = [(p != FULL_YEAR, -(v[-1].year - v[0].year), v[0].year, v[0], v[-1])
             for p, v in by_period.items() if len(v) >= 2]
    if not pairs:
        return seen[0], seen[-1]
    return min(pairs, key=lambda t: t[:3])[3:]


# sections


def _side_lengths(ops) -> tuple[int, int, int, int]:
    """(chars of the older text, of the newer, deleted, inserted)."""
    old = new = deleted = inserted = 0
    for op, text in ops:
        n = len(text)
        if op != "+":
            old += n
        if op != "-":
            new += n
        deleted += n if op == "-" else 0
        inserted += n if op == "+" else 0
    return old, new, deleted, inserted


def _moved_paragraphs(section: Mapping[str, Any]) -> set[str]:
    """Texts of the paragraphs the diff shows as moved (old and new wording),
    which its ops hold as a deletion and an insertion."""
    out = set()
    for move in section.get("moves") or ():
        inner = move.get("ops") or ()
        out.add("".join(t for op, t in inner if op != "+").strip())
        out.add("".join(t for op, t in inner if op != "-").strip())
    return out


def _telling(ops, moved: set[str] = frozenset()) -> Excerpt | None:
    """The longest run of inserted or deleted text, a moved paragraph aside (ties: the first)."""
    best = None
    for op, text in ops:
        flat = text.strip()
        if op in "+-" and flat and flat not in moved and (best is None or len(flat) > len(best[1].strip())):
            best = (op, text)
    return excerpt(best[1], best[0]) if best else None


def section_changes(diff: Mapping[str, Any]) -> SectionChanges:
    changes, unchanged = [], 0
    for sec in diff.get("sections", ()):
        status, ops = sec["status"], sec.get("ops") or []
        old, new, deleted, inserted = _side_lengths(ops)
        if status == "matched":
            if not deleted and not inserted and sec.get("from_heading") == sec.get("to_heading"):
                unchanged += 1
                continue
            kind, quote = SectionStatus.REWRITTEN, _telling(ops, _moved_paragraphs(sec))
        else:
            kind = SectionStatus.ADDED if status == "added" else SectionStatus.REMOVED
            body = "".join(t for _, t in ops)
            quote = excerpt(body, "+" if kind is SectionStatus.ADDED else "-") if body.strip() else None
        share = (deleted + inserted) / (old + new) if old + new else 0.0
        changes.append(SectionChange(kind, sec.get("from_heading"), sec.get("to_heading"), sec.get("similarity"),
                                     round(share, 4), quote, bool(sec.get("moved"))))
    stats = diff.get("stats") or {}
    share = stats.get("share_changed", stats.get("changed_share"))
    return SectionChanges(tuple(changes), unchanged, share)


# reuse


def reused_passages(result: ReuseResult, before: int, after: int, limit: int = REUSE_SHOWN) -> tuple[Passage, ...]:
    """The longest copied passages (formulas aside) of ``before`` found
    again in ``after``, from the reuse audit of the span's snapshots
    (:func:`erqi_diff.reuse.snapshots.audit_snapshots`: keys are years)."""
    found = []
    for passage in result.copies():
        a, b = passage.a, passage.b
        if (int(a.key), int(b.key)) == (after, before):
            a, b = b, a
        if (int(a.key), int(b.key)) != (before, after):
            continue
        found.append(Passage(passage.chars, passage.similarity, a.section or "", b.section or "", a.text, b.text))
    found.sort(key=lambda p: (-p.chars, p.from_text))
    return tuple(found[:limit])


def assemble(metas: list[Mapping[str, Any]], sources: Sources, from_year: int, to_year: int) -> Changelog:
    """The changelog of the reports ``metas`` (oldest first, as
    :meth:`Snapshot.meta` gives them) from the modules' results."""
    refs = [_ref(m) for m in metas]
    years = [r.year for r in refs]
    entries = []
    for prev, cur in zip(refs[:-1], refs[1:]):
        diff = sources.diffs.get((prev.year, cur.year)) if sources.diffs is not None else None
        entries.append(YearEntry(
            current=cur, previous=prev, skipped=tuple(range(prev.year + 1, cur.year)),
            slogans=None if sources.slogans is None else slogan_changes(sources.slogans, prev.year, cur.year),
            goals=None if sources.goals is None else goal_changes(sources.goals, prev.year, cur.year),
            metrics=None if sources.metrics is None else metric_rows(sources.metrics, prev.year, cur.year),
            sections=None if diff is None else section_changes(diff),
            reuse=None if sources.reuse is None else reused_passages(sources.reuse, prev.year, cur.year)))
    throughout = born = retired = headline = once = None
    if sources.slogans is not None:
        throughout, born, retired, once = slogan_span(sources.slogans, years)
    if sources.metrics is not None:
        headline = headline_metrics(sources.metrics, years, sources.key_indicators)
    missing_years = tuple(y for y in range(years[0], years[-1] + 1) if y not in years)
    summary = Summary(tuple(years), missing_years, throughout, born, retired, once, headline)
    return Changelog(from_year, to_year, tuple(refs), summary, tuple(reversed(entries)))


# ------------------------------------------------------------ from a project


def _key_metrics(snaps: list) -> tuple[dict, tuple[str, ...]]:
    """year -> indicator -> the record the metrics module shows for it
    (:func:`metrics.key_metric`), indicators in order of first appearance;
    and the module's key indicators."""
    from erqi_diff.extract import metrics

    records = metrics.extract_many(snaps)
    key: dict[int, dict[str, dict]] = {}
    for snap in snaps:
        mine = [r for r in records if r.year == snap.year]
        key[snap.year] = {name: metrics.key_metric(mine, name).to_json() for name in metrics.indicators(mine)}
    return key, tuple(metrics.KEY_INDICATORS)


def _reuse(snaps: list) -> ReuseResult:
    """The reuse audit (:func:`erqi_diff.reuse.snapshots.audit_snapshots`) of the span's reports."""
    from erqi_diff.reuse.snapshots import audit_snapshots

    return audit_snapshots(snaps)


def collect_sources(snaps: list) -> Sources:
    """Ask the diff, extractor and reuse modules about ``snaps`` (oldest first)."""
    from erqi_diff.extract import goals
    from erqi_diff.extract import slogans
    from erqi_diff.compare.diff import compare

    key_metrics, key_indicators = _key_metrics(snaps)
    return Sources(
        diffs={(a.year, b.year): compare(a, b, strip=False).to_json() for a, b in zip(snaps, snaps[1:])},
        slogans=slogans.extract(snaps),
        goals=[g.to_json() for g in goals.extract_many(snaps)],
        metrics=key_metrics, key_indicators=key_indicators, reuse=_reuse(snaps))


def build_changelog(project, from_year: int, to_year: int) -> Changelog:
    """The changelog of the reports of ``project`` within FROM..TO.

    Raises :class:`UsageError` when the span holds fewer than two reports, and the snapshot errors of :func:`snapshot.load`.
    """
    from erqi_diff.core.snapshot import load_many

    years = span_years(project.years, from_year, to_year, "a changelog")
    snaps = load_many(project, years)
    return assemble([s.meta() for s in snaps], collect_sources(snaps), from_year, to_year)

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
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from collections.abc import Mapping, Sequence

from erqi_diff.extract.lineage import SloganChanges
from erqi_diff.summarize.figures import (  # noqa: F401 - the goal and metric parts, re-exported
    GoalChanges,
    Headline,
    KeyMetrics,
    MetricFacts,
    MetricRow,
    compare_metric,
    goal_changes,
    headline_metrics,
    key_metrics,
    metric_rows,
)
from erqi_diff.compare.sections import Relation
from erqi_diff.reuse.model import ReuseResult
from erqi_diff.core.snapshot import ReportMeta
from erqi_diff.summarize.span import span_years

if TYPE_CHECKING:
    from erqi_diff.compare.diff import DiffResult, SectionDiff

#: How long a quoted excerpt may be, in characters, before it is cut with "…".
EXCERPT_CHARS = 48
#: How many reused passages are shown per pair of years.
REUSE_SHOWN = 5


class SectionStatus(str, enum.Enum):
    ADDED = "added"
    REMOVED = "removed"
    REWRITTEN = "rewritten"
    FOLDED = "folded"  # an older section without a partner whose topic goes on in ``host``'s own text
    DRAWN = "drawn"    # a newer section without a partner whose topic was in ``host``'s own text
    REGROUPED = "regrouped"  # a heading without a partner and (nearly) without text over paired sections
    FOLLOWED = "followed"  # a year's plan (older report) beside the newer report's review of that year


# --------------------------------------------------------------------- values


@dataclass(frozen=True)
class Excerpt:
    """A short quote of one change: ``op`` is ``+`` (inserted), ``-`` (deleted)
    or ``=`` (for a whole added or removed section, its opening words)."""

    op: str
    text: str
    cut: bool  # True when ``text`` was shortened



@dataclass(frozen=True)
class SectionChange:
    status: SectionStatus
    from_heading: str | None
    to_heading: str | None
    similarity: float | None
    share_changed: float        # 0..1 of the section's characters (both sides); 0 when only the heading changed
    excerpt: Excerpt | None
    moved: bool = False         # the diff found it in another place in the order of sections
    relation: Relation = Relation.ONE  # split: one older section went on in several; merge: several in one
    host: str | None = None     # folded, drawn: the heading of the other report's section holding its topic;
                                # regrouped: the one holding all the partners of its paired sections, if one
    held: int = 0               # regrouped: how many sections under it are paired
    below: int = 0              # regrouped: how many sections are under it



@dataclass(frozen=True)
class SectionChanges:
    changes: tuple[SectionChange, ...]
    unchanged: int                     # sections paired with no change at all
    share_changed: float | None        # of the whole report, as the diff's stats give it



@dataclass(frozen=True)
class Passage:
    """A passage of the older report carried over into the newer one;
    ``also``: the series' other years holding most of its wording too
    (:attr:`erqi_diff.reuse.model.Passage.also`: recurring wording)."""

    chars: int
    similarity: float
    from_section: str
    to_section: str
    from_text: str
    to_text: str
    also: tuple[int, ...] = ()
    also_share: float = 0.0



@dataclass(frozen=True)
class YearEntry:
    """What changed from ``previous`` to ``current``; ``skipped`` are the
    years between them with no report. A part is None when it was not asked
    for (:class:`Sources` without it); the renderer leaves it out."""

    current: ReportMeta
    previous: ReportMeta
    skipped: tuple[int, ...]
    slogans: SloganChanges | None
    goals: GoalChanges | None
    metrics: tuple[MetricRow, ...] | None
    sections: SectionChanges | None
    reuse: tuple[Passage, ...] | None

    __json_extra__ = ("year", "compared_with", "anchor")

    @property
    def year(self) -> int:
        return self.current.year

    @property
    def compared_with(self) -> int:
        return self.previous.year

    @property
    def anchor(self) -> str:
        return f"y{self.current.year}"



@dataclass(frozen=True)
class SloganSpan:
    """A slogan born or retired within the span: its name, first and last
    report, and ``form``, the words it stands in at the year said (its first
    year when born, its last when retired: 扶贫攻坚, not the lineage's name 脱贫攻坚)."""

    slogan: str
    first: int
    last: int
    form: str = ""


@dataclass(frozen=True)
class Summary:
    """The whole span: years covered and missing, slogans that ran
    throughout, were born or retired within it, headline metrics first and last."""

    years: tuple[int, ...]
    missing: tuple[int, ...]
    throughout: tuple[str, ...] | None      # each slogan's forms over the span, "A / B" when it changed
    born: tuple[SloganSpan, ...] | None     # found in two reports or more
    retired: tuple[SloganSpan, ...] | None  # found in two reports or more
    one_offs: int | None                    # slogans found in one report only
    headline: tuple[Headline, ...] | None



@dataclass(frozen=True)
class Changelog:
    """The changelog of a span: ``from`` and ``to`` (the years asked for),
    the ``reports`` of the span (oldest first), the ``summary`` of the whole
    span, and one entry per consecutive pair of reports, newest first."""

    from_year: int = field(metadata={"json": "from"})
    to_year: int = field(metadata={"json": "to"})
    reports: tuple[ReportMeta, ...]   # oldest first
    summary: Summary
    entries: tuple[YearEntry, ...]  # newest first



# -------------------------------------------------------------------- sources


@dataclass(frozen=True)
class Sources:
    """The other modules' results: the slogans as :class:`erqi_diff.extract.slogans.Slogan`
    (so its helpers apply), the goals and metrics typed (:mod:`erqi_diff.summarize.figures`),
    the rest in their documented JSON shapes. A part left None is left out of the changelog."""

    diffs: Mapping[tuple[int, int], DiffResult] | None = None  # (older, newer) -> erqi_diff.compare.diff.compare()
    slogans: list | None = None                # erqi_diff.extract.slogans.Slogan, from the span's reports
    goals: list | None = None                  # erqi_diff.extract.links.Link, the span's goals linked
    metrics: KeyMetrics | None = None          # report year -> indicator -> key Fact (figures.key_metrics)
    metric_facts: MetricFacts | None = None    # report year -> every metric Fact (figures.key_metrics)
    key_indicators: tuple[str, ...] = ()       # the metrics module's headline indicators, in its order
    reuse: ReuseResult | None = None           # the reuse audit of the span's snapshots
    elsewhere: Mapping[str, tuple[int, ...]] | None = None  # slogan -> the series' years outside the span holding it
    forms_elsewhere: Mapping[str, Mapping[int, tuple[str, str]]] | None = None  # ... and its (form, within) there


# ------------------------------------------------------------------- assembly


def excerpt(text: str, op: str, limit: int = EXCERPT_CHARS) -> Excerpt:
    """``text`` on one line (paragraph breaks shown as " / "), cut to ``limit`` characters."""
    flat = " / ".join(part.strip() for part in text.split("\n") if part.strip())
    if len(flat) <= limit:
        return Excerpt(op, flat, False)
    return Excerpt(op, flat[:limit].rstrip() + "…", True)


# slogans


def slogan_changes(slogans: list, before: int, after: int,
                   elsewhere: Mapping[str, tuple[int, ...]] | None = None,
                   forms_elsewhere: Mapping[str, Mapping[int, tuple[str, str]]] | None = None) -> SloganChanges:
    """Slogans (:class:`erqi_diff.extract.slogans.Slogan`, extracted from the
    span's reports) added, returned, retired and changed from ``before`` to
    ``after``: :func:`erqi_diff.extract.lineage.changes`, the words the diff
    strip uses too; ``elsewhere``: the years of the series' reports outside
    the span that hold each (one there before ``before`` makes it returned),
    ``forms_elsewhere`` the forms it stood in there (:func:`erqi_diff.extract.slogans.forms_in`)."""
    from erqi_diff.extract.lineage import changes

    return changes(slogans, before, after, elsewhere, forms_elsewhere)


def slogan_span(slogans: list, years: list[int],
                elsewhere: Mapping[str, tuple[int, ...]] | None = None) -> tuple[tuple, tuple, tuple, int]:
    """(throughout, born, retired, one-offs) over ``years`` (oldest first),
    from slogans extracted from those years' reports. Born and retired count
    slogans found in two reports or more; those found in one report only
    (listed under their year) are counted as one-offs. For born, retired and
    one-offs a report counts where the slogan stands in its own words or as
    an item of a series (:func:`erqi_diff.extract.lineage.listed`); one where it
    stands only as a part of a longer slogan (三保障 in 两不愁三保障) does not
    make it found there, but it was not born after that report nor retired
    before it; it ran throughout when its words stand in every report. A
    slogan standing in a report of the series before the span (``elsewhere``)
    was not born in it, nor retired in it when one after the span holds it."""
    from erqi_diff.extract.lineage import listed, present_years, series_items

    elsewhere = elsewhere or {}
    present = present_years(slogans)
    items = {year: series_items(slogans, year) for year in years}
    throughout, born, retired, once = [], [], [], 0
    for slogan in slogans:
        outside = elsewhere.get(slogan.slogan, ())
        seen = [y for y in years if y in slogan.counts or listed(slogan, items[y])]  # in its own right
        held = [y for y in present[slogan.slogan] if y in years]
        if not seen:
            continue
        if held == years:  # its words stand in every report (温暖二七, one year only in 品质二七、田园二七、温暖二七)
            throughout.append(_forms_used(slogan, years))
            continue
        if len(seen) == 1:
            once += 1
            continue
        if min(held) > years[0] and not any(y < years[0] for y in outside):
            born.append(SloganSpan(slogan.slogan, seen[0], seen[-1], slogan.main_form(seen[0])))
        if max(held) < years[-1] and not any(y > years[-1] for y in outside):
            retired.append(SloganSpan(slogan.slogan, seen[0], seen[-1], slogan.main_form(seen[-1])))
    born.sort(key=lambda s: (s.first, s.slogan))
    retired.sort(key=lambda s: (s.last, s.slogan))
    return tuple(throughout), tuple(born), tuple(retired), once


def _forms_used(slogan, years: list[int]) -> str:
    """The forms a slogan stands in over ``years`` (the main one of each
    year, in order of use): 精神文明建设 / 社会主义精神文明建设 when neither
    stands in every report."""
    forms: list[str] = []
    for year in years:
        form = slogan.main_form(year)
        if form and form not in forms:
            forms.append(form)
    return " / ".join(forms) if forms else slogan.slogan


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


def _telling(section: SectionDiff) -> Excerpt | None:
    """The longest run of inserted or deleted text, paragraphs that only
    moved aside (ties: the first)."""
    from erqi_diff.compare.diff import merge_ops

    kept = merge_ops(op for block in section.blocks if block.kind.value not in ("moved_in", "moved_out")
                     for op in block.ops)
    best = None
    for op, text in kept:
        flat = text.strip()
        if op in "+-" and flat and (best is None or len(flat) > len(best[1].strip())):
            best = (op, text)
    return excerpt(best[1], best[0]) if best else None


def section_changes(diff: DiffResult) -> SectionChanges:
    """The sections part of one year's entry, from the diff of the two reports
    (the same pairs, splits and merges as ``erqi-diff A B`` and ``erqi-diff sections``)."""
    changes, unchanged = [], 0
    for sec in diff.sections:
        ops = sec.ops
        old, new, deleted, inserted = _side_lengths(ops)
        if sec.status.value == "matched":
            if not sec.changed:
                unchanged += 1
                continue
            # a year's plan beside its review: the text differs throughout, no change to quote
            followed = sec.paired_by is not None and sec.paired_by.value == "followup"
            kind, quote = (SectionStatus.FOLLOWED, None) if followed else (SectionStatus.REWRITTEN, _telling(sec))
        else:
            kind = SectionStatus(sec.status.value)
            body = "".join(t for _, t in ops)
            # a folded or drawn section's text is not dropped or new: its topic is told in the host's
            sign = {SectionStatus.ADDED: "+", SectionStatus.REMOVED: "-"}.get(kind, "=")
            quote = excerpt(body, sign) if body.strip() else None
        share = (deleted + inserted) / (old + new) if old + new else 0.0
        changes.append(SectionChange(kind, sec.from_heading, sec.to_heading, sec.similarity, round(share, 4), quote,
                                     sec.moved, sec.relation, sec.host.heading if sec.host is not None else None,
                                     len(sec.held), sec.below))
    return SectionChanges(tuple(changes), unchanged, diff.stats.changed_share)


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
        found.append(Passage(passage.chars, passage.similarity, a.section or "", b.section or "", a.text, b.text,
                             tuple(int(key) for key in passage.also), passage.also_share))
    found.sort(key=lambda p: (-p.chars, p.from_text))
    return tuple(found[:limit])


def assemble(metas: list[ReportMeta], sources: Sources, from_year: int, to_year: int) -> Changelog:
    """The changelog of the reports ``metas`` (oldest first, as
    :meth:`Snapshot.meta` gives them) from the modules' results."""
    refs = list(metas)
    years = [r.year for r in refs]
    entries = []
    for prev, cur in zip(refs[:-1], refs[1:]):
        diff = sources.diffs.get((prev.year, cur.year)) if sources.diffs is not None else None
        entries.append(YearEntry(
            current=cur, previous=prev, skipped=tuple(range(prev.year + 1, cur.year)),
            slogans=None if sources.slogans is None else slogan_changes(sources.slogans, prev.year, cur.year,
                                                                        sources.elsewhere, sources.forms_elsewhere),
            goals=None if sources.goals is None else goal_changes(sources.goals, prev.year, cur.year),
            metrics=None if sources.metrics is None else metric_rows(sources.metrics, prev.year, cur.year,
                                                                     sources.metric_facts),
            sections=None if diff is None else section_changes(diff),
            reuse=None if sources.reuse is None else reused_passages(sources.reuse, prev.year, cur.year)))
    throughout = born = retired = headline = once = None
    if sources.slogans is not None:
        throughout, born, retired, once = slogan_span(sources.slogans, years, sources.elsewhere)
    if sources.metrics is not None:
        headline = headline_metrics(sources.metrics, years, sources.key_indicators, every=sources.metric_facts)
    missing_years = tuple(y for y in range(years[0], years[-1] + 1) if y not in years)
    summary = Summary(tuple(years), missing_years, throughout, born, retired, once, headline)
    return Changelog(from_year, to_year, tuple(refs), summary, tuple(reversed(entries)))


# ------------------------------------------------------------ from a project


def _reuse(snaps: list, others: Sequence = ()) -> ReuseResult:
    """The reuse audit (:func:`erqi_diff.reuse.snapshots.audit_snapshots`) of the span's reports,
    the series' other reports telling its stock wording (formulas) from copies."""
    from erqi_diff.reuse.snapshots import audit_snapshots

    return audit_snapshots(snaps, background=others)


def collect_sources(snaps: list, lexicon=None, others: Sequence = ()) -> Sources:
    """Ask the diff, extractor and reuse modules about ``snaps`` (oldest first);
    ``lexicon``: the slogans known in advance (:mod:`erqi_diff.extract.lexicon`;
    the package's when None); ``others``: the series' snapshots outside the
    span, where the span's slogans are looked for (born before it, still used after) and whose
    wording counts towards the formulas of the reuse audit."""
    from erqi_diff.extract import goals
    from erqi_diff.extract import slogans
    from erqi_diff.extract.lineage import with_items
    from erqi_diff.compare.diff import compare

    key, key_indicators, every = key_metrics(snaps)
    found = slogans.extract(snaps, lexicon)
    seen = slogans.forms_in(found, others, lexicon) if others else {}
    return Sources(
        diffs={(a.year, b.year): compare(a, b, strip=False) for a, b in zip(snaps, snaps[1:])},
        slogans=found,
        goals=goals.extract_many(snaps),
        metrics=key, key_indicators=key_indicators, metric_facts=every, reuse=_reuse(snaps, others),
        elsewhere=with_items(found, slogans.years_of(seen)),
        forms_elsewhere=seen)


def build_changelog(project, from_year: int, to_year: int) -> Changelog:
    """The changelog of the reports of ``project`` within FROM..TO.

    Raises :class:`UsageError` when the span holds fewer than two reports, and the snapshot errors of :func:`snapshot.load`.
    """
    from erqi_diff.core.snapshot import load_available, load_many
    from erqi_diff.extract.lexicon import load as load_lexicon

    years = span_years(project.years, from_year, to_year, "a changelog")
    snaps = load_many(project, years)
    others = load_available(project, [y for y in project.years if y not in years])
    return assemble([s.meta() for s in snaps], collect_sources(snaps, load_lexicon(project.root), others),
                    from_year, to_year)

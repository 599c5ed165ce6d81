"""The strip on top of ``erqi-diff A B``: slogans added, returned, retired
and changed between two snapshots, and the key metrics side by side.

``diff_strip(a, b, lexicon, earlier, later)`` returns a JSON-able dict (it is cached as JSON)::

    {"slogans_added": [str, ...], "slogans_returned": [{"slogan": str, "since": int, "as": str, "within": str}, ...],
     "slogans_retired": [str, ...], "slogans_back": [{"slogan": str, "back": int, "as": str, "within": str}, ...],
     "slogans_changed": [{"from": str, "to": str}, ...],
     "metrics": [{"indicator": str, "from": figure|None, "to": figure|None,
                  "comparable": bool}]}

The slogans part comes from :func:`erqi_diff.extract.lineage.changes` over the
two reports (the words the changelog uses): a slogan that only changed form
(智慧督察 -> 智慧督查, 医保、医疗、医药 -> 医疗、医保、医药) is *changed*, not
added and retired; a slogan is named by its form in the report it stands in.
The slogans are found in the two reports, with ``lexicon`` (the package's
when None; :func:`cached_strip` passes the project's, its own
``slogans.toml`` included). A slogan new from A to B that stands in one of
the ``earlier`` reports (the series before A) has *returned*: ``since`` is
the last of them it stood in (its forms matched there as
:func:`erqi_diff.extract.slogans.years_in` says). ``slogans_back`` lists those
of ``slogans_retired`` that stand again in one of the ``later`` reports (the
series after B): ``back`` is the first of them; such a slogan was left out
of B, not retired for good. ``as`` names the form it stood in then when
another (两不愁三保障, back as 三保障); ``within`` the longer slogan it stood in
then only as part of, having no form of its own there (逆周期调节, last in
2022 within 跨周期和逆周期调节); "" else.

``figure`` holds the fields of the fact shown (see
:class:`erqi_diff.extract.facts.Fact`): ``report_year``, ``figure_year``,
``figure_span``, ``period``, ``measure``, ``value``, ``unit``, ``modifier``,
``kind``, ``quote``. Metrics listed: the key indicators
(:data:`metrics.KEY_INDICATORS`) present in either report, then any other
indicator present in both. For each side the figure shown is the report's
latest full year, its level first (:func:`metrics.key_metric`), filed under
its figure year; ``comparable`` is False when the two are of different
measures, periods or units (a half year beside a full year is never compared).

The figures of each report are read from its derived file
(``snapshots/.derived/<year>.json``, :mod:`erqi_diff.extract.derived`) when
it is current, else extracted from the text (the same records either way:
:func:`erqi_diff.extract.derive.metric_picks`); only their pairing is done here.

Regex only, no heavy imports (the extractors are imported when a strip is
computed, not when it comes from the cache or the derived files): this runs
on the hot path of the diff view.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

#: The modules whose code makes the strip: a change to any is a cache miss.
STRIP_MODULES = ["extract/strip.py", "extract/slogans.py", "extract/metrics.py", "extract/numbers.py",
                 "extract/candidates.py", "extract/lineage.py", "extract/matching.py", "extract/textkey.py",
                 "extract/lexicon.py", "extract/mining.py", "extract/naming.py", "extract/data/slogans.toml",
                 "extract/facts.py", "extract/reader.py", "extract/bases.py", "extract/timing.py", "extract/wording.py",
                 "extract/indicators.py", "extract/sentences.py", "extract/figure.py", "extract/kinds.py",
                 "extract/qualitative.py", "extract/hanscan.py", "extract/states.py", "extract/members.py",
                 "extract/keymetric.py", "extract/derived.py", "extract/derive.py", "extract/candidate.py",
                 "extract/verdicts.py", "extract/coverage.py", "extract/what.py",
                 "extract/planparts.py", "extract/pairstrip.py", "extract/respelt.py"]


def cached_strip(a, b, project=None) -> dict:
    """:func:`diff_strip` of snapshots ``a`` and ``b`` of ``project`` (its
    lexicon and its reports before ``a`` and after ``b``; the two reports and the package
    lexicon alone when None), cached by content (:mod:`erqi_diff.core.cache`):
    the two bodies, the text of the project's ``slogans.toml``, and the size
    and time of each other snapshot. Extracting costs more than the diff
    itself, and a reader runs the same comparison many times."""
    from erqi_diff.core.cache import cached_json
    from erqi_diff.extract.derived import PROJECT_FILE

    own, stamps, earlier, later = "", [], [], []
    if project is not None:
        try:
            own = (project.root / PROJECT_FILE).read_bytes().decode("utf-8", "replace")
        except OSError:
            own = ""  # none (or unreadable: the lexicon's own error says so when computed)
        earlier = [y for y in project.years if y < a.year]
        later = [y for y in project.years if y > b.year]
        stamps = [_stamp(project.snapshot_path(y)) for y in (*earlier, *later)]

    def compute() -> dict:
        if project is None:
            return diff_strip(a, b)
        from erqi_diff.extract import derived, pairstrip

        files = {snap.year: derived.read(project, snap) for snap in (a, b)}
        picks = [None if d is None else d["metrics"] for d in files.values()]
        slogans = pairstrip.read(project, a.year, b.year)
        if slogans is not None:  # stored by `erqi-diff snapshot`
            return {**slogans, "metrics": metric_rows(a, b, picks[0], picks[-1])}
        found = {year: derived.candidates(data) for year, data in files.items() if data is not None}
        return diff_strip(a, b, *_series(project, earlier, later), picks=(picks[0], picks[-1]), found=found,
                          variants=derived.variants(project, files))

    return cached_json("strip", [str(a.year), a.body, str(b.year), b.body, own, *stamps], STRIP_MODULES, compute)


def _stamp(path) -> str:
    try:
        info = path.stat()
    except OSError:
        return f"{path.name}:missing"
    return f"{path.name}:{info.st_size}:{info.st_mtime_ns}"


def _series(project, earlier: Sequence[int], later: Sequence[int]) -> tuple[Any, list, list]:
    """The project's lexicon and its snapshots of ``earlier`` and ``later``
    years (one missing or broken is left out: it cannot say a slogan
    returned, nor that it is back)."""
    from erqi_diff.core.snapshot import load_available
    from erqi_diff.extract.derived import lexicon

    return lexicon(project), load_available(project, earlier), load_available(project, later)


def slogan_strip(a, b, lexicon=None, earlier: Sequence = (), later: Sequence = (),
                 candidates: Mapping | None = None, variants: Mapping | None = None) -> dict:
    """The slogans part of the strip (see the module doc). ``candidates``
    and ``variants``: the two reports' candidates and lexicon variants by
    year where their derived files hold them (:func:`erqi_diff.extract.slogans.extract`'s
    ``found`` and ``variants``)."""
    from erqi_diff.extract import slogans
    from erqi_diff.extract.lineage import changes, with_items
    from erqi_diff.extract.textkey import key_of

    found = slogans.extract([a, b], lexicon, candidates, variants)
    moved = changes(found, a.year, b.year)
    others = [*(earlier if moved.added or moved.returned else ()), *(later if moved.retired else ())]
    if others:  # the series' other reports: returned rather than added, left out rather than retired
        seen = slogans.forms_in(found, others, lexicon)
        moved = changes(found, a.year, b.year, with_items(found, slogans.years_of(seen)), seen)
    return {"slogans_added": [c.new for c in moved.added],
            "slogans_returned": [{"slogan": c.new, "since": c.since, "as": key_of(c.since_form) if c.since_form else "",
                                  "within": c.since_within} for c in moved.returned],
            "slogans_retired": [c.old for c in moved.retired],
            "slogans_back": [{"slogan": c.old, "back": c.back, "as": key_of(c.back_form) if c.back_form else "",
                              "within": c.back_within} for c in moved.retired if c.back is not None],
            "slogans_changed": [{"from": c.old, "to": c.new} for c in moved.changed]}


def diff_strip(a, b, lexicon=None, earlier: Sequence = (), later: Sequence = (),
               picks: tuple[list | None, list | None] = (None, None), found: Mapping | None = None,
               variants: Mapping | None = None) -> dict:
    """Slogans added/returned/retired/changed from snapshot ``a`` to ``b``
    and key metrics side by side (see the module doc). ``picks``: the two
    reports' metric facts, ``found`` their slogan candidates and ``variants``
    their lexicon variants by year, as their derived files hold them
    (:mod:`erqi_diff.extract.derived`); what is not given is computed."""
    return {**slogan_strip(a, b, lexicon, earlier, later, found, variants), "metrics": metric_rows(a, b, *picks)}


def metric_rows(a, b, picks_a: list | None = None, picks_b: list | None = None) -> list[dict]:
    """The metrics part of the strip (see the module doc), from the two
    reports' reduced metric facts (:func:`erqi_diff.extract.derive.metric_picks`,
    computed when not given)."""
    from erqi_diff.extract.keymetric import KEY_INDICATORS, comparable, key_pair

    if picks_a is None or picks_b is None:
        from erqi_diff.extract.derive import metric_picks

        picks_a = metric_picks(a) if picks_a is None else picks_a
        picks_b = metric_picks(b) if picks_b is None else picks_b
    pa: list[dict] = picks_a
    pb: list[dict] = picks_b
    names_a, names_b = _indicators(pa), _indicators(pb)
    names = [n for n in KEY_INDICATORS if n in names_a or n in names_b]
    names += [n for n in names_a if n in names_b and n not in names]
    rows = []
    for name in names:
        left, right = key_pair(pa, pb, name, _info)
        same = left is not None and right is not None and comparable(left, right, _info)
        rows.append({"indicator": name, "from": _figure(left), "to": _figure(right), "comparable": same})
    return rows


def _info(pick: dict) -> list:
    return pick["info"]


def _figure(pick: dict | None) -> dict | None:
    return None if pick is None else dict(pick["figure"])


def _indicators(picks: list) -> list[str]:
    """The indicators present, in the order of the table (:func:`erqi_diff.extract.metrics.indicators`)."""
    order = {p["info"][0]: p["order"] for p in picks if p["order"] is not None}
    return sorted(order, key=order.__getitem__)

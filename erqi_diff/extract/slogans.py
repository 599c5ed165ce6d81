"""Slogans (提法): the formulas a series of reports coins, repeats, rewords and drops.

``extract(snapshots)`` lists every slogan of a series with, per year, its
count and its occurrences. Where slogans come from:

- candidates found in each report by how formulas are written
  (:mod:`erqi_diff.extract.candidates`: quoted formulas that pass its tests,
  numbered formulas, parallel series, campaigns, modifier formulas);
- fixed phrases recurring across the series with the shape of a formula
  (:mod:`erqi_diff.extract.mining`);
- the lexicon of well-known formulas, and the user's own
  (:mod:`erqi_diff.extract.lexicon`).

A slogan found once is counted in every year where one of its forms stands
as a whole (:mod:`erqi_diff.extract.textkey`, :mod:`erqi_diff.extract.matching`:
never inside a longer numeral, year, quoted phrase or longer slogan; quotes
and spacing do not matter). A lexicon slogan is listed only where it
stands, and a form of it the texts do not show as a formula only where it
stands as a name (:mod:`erqi_diff.extract.naming`: not 严打 in 高压严打态势).
:func:`years_in` finds the years of other reports where found slogans stand
(the diff strip's *returned*).
Forms of one slogan (reordered, extended, re-spelt) are one lineage
(:mod:`erqi_diff.extract.lineage`).

Regex and the standard library only: this runs on the hot path of the diff view.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import add

from erqi_diff.extract.candidate import Candidate, Kind
from erqi_diff.extract.lexicon import Lexicon, no_lexicon, package_lexicon
from erqi_diff.extract.lineage import buckets, conditional_forms, similar
from erqi_diff.extract.matching import Matcher
from erqi_diff.extract.members import Holders, members
from erqi_diff.extract.naming import as_name
from erqi_diff.extract.respelt import inserted_variants, one_char_variants, swapped, uncommaed
from erqi_diff.extract.textkey import KeyText, all_numerals, key_of

__all__ = ["Kind", "Lexicon", "Occurrence", "Slogan", "Variant", "extract", "key_of", "no_lexicon", "years_in"]

_ORDER = list(Kind)


@dataclass(frozen=True)
class Occurrence:
    """One place a slogan stands in a year's report: ``start``/``end`` are
    offsets into that snapshot's body (``body[start:end]`` is the text there,
    quote marks included, and its key is ``form``'s), ``form`` the form found,
    ``section`` the heading of the section holding it ("" before the first)."""

    start: int
    end: int
    form: str
    section: str


@dataclass(frozen=True)
class Variant:
    """One form of a slogan: ``slogan`` as written, the ``years`` it stands
    in and its count per year."""

    slogan: str
    years: tuple[int, ...]
    counts: Mapping[int, int] = field(compare=False)


@dataclass(frozen=True)
class Slogan:
    """One slogan across the years, as ``erqi-diff slogans --json`` prints it:

    - ``slogan``: its form in the latest year it stands in (the one used most there);
    - ``kind``: how it was found (:class:`Kind`: quoted, numbered, series,
      campaign, formula, mined, lexicon);
    - ``years``, and ``counts`` per year (every form together);
    - ``variants``: each form with its own years and counts, oldest first,
      when there are several (else empty);
    - ``occurrences``: per year, every place it stands (:class:`Occurrence`).
    """

    slogan: str
    kind: Kind
    years: tuple[int, ...]
    counts: Mapping[int, int] = field(compare=False)
    variants: tuple[Variant, ...] = ()
    occurrences: Mapping[int, tuple[Occurrence, ...]] = field(default_factory=dict, compare=False)

    @property
    def first(self) -> int:
        return self.years[0]

    @property
    def last(self) -> int:
        return self.years[-1]

    def forms(self) -> tuple[str, ...]:
        return tuple(v.slogan for v in self.variants) or (self.slogan,)

    def main_form(self, year: int) -> str:
        """The form used most in ``year`` ("" when the slogan does not stand there)."""
        if year not in self.counts:
            return ""
        if not self.variants:
            return self.slogan
        used = [v for v in self.variants if year in v.counts]
        return max(used, key=lambda v: (v.counts[year], len(v.slogan))).slogan

    def first_offset(self, year: int) -> int:
        found = self.occurrences.get(year)
        return found[0].start if found else 0


@dataclass
class _Lineage:
    forms: dict[str, str]      # key -> the form as written
    kind: Kind
    name: str = ""             # the lexicon's name for it
    weak: bool = False         # a slogan only when merged with one that is not weak

    @property
    def fixed(self) -> bool:   # from the lexicon: never merged with another lexicon slogan
        return bool(self.name)


def _body_text(snap) -> str:
    return snap.body


#: A report's candidates as :func:`erqi_diff.extract.candidates.candidates` gives them: (strong, weak).
Found = tuple[list[Candidate], list[Candidate]]


def extract(snapshots: Iterable, lexicon: Lexicon | None = None,
            found: Mapping[int, Found] | None = None, variants: Mapping[int, Sequence[str]] | None = None) -> list[Slogan]:
    """Slogans of ``snapshots`` (oldest first), in order of first year then
    of frequency. ``lexicon``: the package's when None (:func:`no_lexicon` for none).
    ``found``: the candidates of some of the reports by year, already found
    (a report's derived file holds them); the others' are found here.
    ``variants``: likewise, :func:`lexicon_variants` of some of the reports
    with this ``lexicon``."""
    snaps = list(snapshots)
    lexicon = package_lexicon() if lexicon is None else lexicon
    texts = {snap.year: KeyText.of(_body_text(snap)) for snap in snaps}
    lineages, index, judged = _lineages(snaps, texts, lexicon, found or {}, variants or {})
    forms = {key: i for key, i in index.items() if key not in lexicon.exclude}
    matcher = Matcher(forms)
    hits: dict[int, dict[int, list]] = {}
    for year, text in texts.items():
        for hit in matcher.find(text):
            if hit.form in judged and not as_name(text, hit.start, hit.end):
                continue  # a lexicon form used as plain words (naming.py)
            if not lexicon.counts_in(hit.form, year):
                continue  # 党的基本路线 before 1987: another line
            hits.setdefault(hit.slogan, {}).setdefault(year, []).append(hit)
    result = [_record(lineages[i], by_year, texts) for i, by_year in hits.items()]
    result.sort(key=lambda s: (s.first, -len(s.years), -sum(s.counts.values()), s.slogan))
    return result


def years_in(found: Sequence[Slogan], snapshots: Iterable, lexicon: Lexicon | None = None) -> dict[str, tuple[int, ...]]:
    """The years of ``snapshots`` where each slogan of ``found`` stands (:func:`forms_in`)."""
    return years_of(forms_in(found, snapshots, lexicon))


def years_of(forms: Mapping[str, Mapping[int, tuple[str, str]]]) -> dict[str, tuple[int, ...]]:
    """The years of the forms :func:`forms_in` found, by slogan name, in order."""
    return {name: tuple(sorted(by_year)) for name, by_year in forms.items()}


def forms_in(found: Sequence[Slogan], snapshots: Iterable,
             lexicon: Lexicon | None = None) -> dict[str, dict[int, tuple[str, str]]]:
    """The years of ``snapshots`` (other reports of the series) where each
    slogan of ``found`` stands, by its name (slogans standing in none are
    left out). Its forms are those of ``found`` and, for a lexicon slogan,
    every form of its entry; they are matched as :func:`extract` matches
    them (a short lexicon form only where it stands as a name), the
    longest of these forms winning where two overlap; the lexicon's other
    slogans are looked for too, so that a shorter form does not count inside
    one of them (转方式、调结构 in 转方式、调结构、提质量、增效益). By name:
    year -> ``(form, within)``: the form found there first (as a key,
    :func:`erqi_diff.extract.textkey.key_of`) and ""; or, for a slogan held
    by a longer one standing there (:class:`erqi_diff.extract.members.Holders`:
    逆周期调节 in 跨周期和逆周期调节), "" and the form holding it."""
    lexicon = package_lexicon() if lexicon is None else lexicon
    entries = {e.name: e.forms for e in lexicon.entries}
    index: dict[str, int] = {}
    judged: set[str] = set()
    for i, s in enumerate(found):
        for key in map(key_of, (*s.forms(), s.slogan, *entries.get(s.slogan, ()))):
            index.setdefault(key, i)
            if s.kind is Kind.LEXICON and not all_numerals(key):
                judged.add(key)
    # the lexicon's other slogans hold their place: 转方式、调结构 is not found in 转方式、调结构、提质量、增效益
    others = len(found)
    for entry in lexicon.entries:
        for key in map(key_of, entry.forms):
            if key not in index and not all_numerals(key):
                index[key] = others
                judged.add(key)
    matcher = Matcher({key: i for key, i in index.items() if key not in lexicon.exclude})
    forms: dict[str, dict[int, tuple[str, str]]] = {}
    for snap in snapshots:
        text = KeyText.of(_body_text(snap))
        standing: set[str] = set()
        for hit in matcher.find(text):
            if (hit.form not in judged or as_name(text, hit.start, hit.end)) and lexicon.counts_in(hit.form, snap.year):
                standing.add(hit.form)
                if hit.slogan < others:
                    forms.setdefault(found[hit.slogan].slogan, {}).setdefault(snap.year, (hit.form, ""))
        for s in found:  # a two-clause formula restated as a condition (lineage.conditional_forms)
            if snap.year not in forms.get(s.slogan, {}):
                said = next((f for key in map(key_of, s.forms()) for f in conditional_forms(key, text.key)), "")
                if said:
                    forms.setdefault(s.slogan, {})[snap.year] = (said, "")
        holders = Holders(standing)
        for s in found:  # held by a longer slogan standing there (members.py): there, without a form of its own
            if snap.year not in forms.get(s.slogan, {}):
                within = next((h for h in map(holders.holder, map(key_of, s.forms())) if h), None)
                if within is not None:
                    forms.setdefault(s.slogan, {})[snap.year] = ("", within)
    return forms


def _lineages(snaps: list, texts: Mapping[int, KeyText], lexicon: Lexicon, given: Mapping[int, Found],
              variants: Mapping[int, Sequence[str]]) -> tuple[list[_Lineage], dict[str, int], frozenset[str]]:
    """Every lineage (lexicon entries, then candidates joined to them or
    linked among themselves), key -> lineage index, and the lexicon forms
    the texts do not show as formulas (counted only where they stand as
    names: :mod:`erqi_diff.extract.naming`)."""
    lineages: list[_Lineage] = []
    index: dict[str, int] = {}
    for entry in lexicon.entries:
        forms = {key_of(f): f for f in entry.forms}
        forms = {k: v for k, v in forms.items() if k not in index}
        if forms:
            lineages.append(_Lineage(forms, Kind.LEXICON, entry.name))
            for key in forms:
                index[key] = len(lineages) - 1
    found: dict[str, Candidate] = {}
    weak: dict[str, Candidate] = {}
    for snap in snaps:
        strong, maybe = given[snap.year] if snap.year in given else candidates_of(snap)
        for cand in strong:
            key = key_of(cand.text)
            found[key] = found[key].joined(cand) if key in found else cand
        for cand in maybe:
            weak.setdefault(key_of(cand.text), cand)
    from erqi_diff.extract.mining import mine

    for cand in mine(snaps, texts):
        found.setdefault(key_of(cand.text), cand)
    found = {key: cand for key, cand in found.items() if cand.accepted}
    for key, cand in list(found.items()):
        for year, text in texts.items():
            for variant in one_char_variants(key, text.key):
                found.setdefault(variant, Candidate(variant, cand.kind, year))
    for key, cand in list(found.items()):  # 在A的前提下，B for A，B (a re-spelt B too)
        for year, text in texts.items():
            for variant, written in conditional_forms(key, text).items():
                found.setdefault(variant, Candidate(written, cand.kind, year))
    for variant, year in _lexicon_variants(lexicon, texts, variants):
        found.setdefault(variant, Candidate(variant, Kind.LEXICON, year))
    swaps = {swapped(key): cand.kind for key, cand in found.items()}
    swaps.update((uncommaed(key), cand.kind) for key, cand in found.items())
    # the lexicon's series of three items or more run in (处理好改革发展稳定关系); of two, run-in words are words
    swaps.update((uncommaed(key_of(f)), Kind.LEXICON) for e in lexicon.entries for f in e.forms if key_of(f).count("、") >= 2)
    swaps.update((swapped(key_of(f)), Kind.LEXICON) for e in lexicon.entries for f in e.forms)
    every = "\n".join(text.key for text in texts.values())
    for variant, kind in swaps.items():
        if variant and variant in every:
            year = next(y for y, text in texts.items() if variant in text.key)
            found.setdefault(variant, Candidate(variant, kind, year))
    for key, cand in found.items():
        if key in lexicon.exclude:
            continue
        if key in index:
            line = lineages[index[key]]
            if _ORDER.index(cand.kind) < _ORDER.index(line.kind):
                line.kind = cand.kind
            continue
        lineages.append(_Lineage({key: cand.text}, cand.kind))
        index[key] = len(lineages) - 1
    for key, cand in weak.items():
        if key not in index and key not in found and key not in lexicon.exclude:
            lineages.append(_Lineage({key: cand.text}, cand.kind, weak=True))
            index[key] = len(lineages) - 1
    _link(lineages, index, texts)
    _extended_known(lineages, index)
    index = {key: i for key, i in index.items() if not lineages[i].weak}
    judged = frozenset(key for e in lexicon.entries for key in map(key_of, e.forms)
                       if not all_numerals(key) and key not in found)
    return lineages, index, judged


def _extended_known(lineages: list[_Lineage], index: Mapping[str, int]) -> None:
    """A weak series holding every member of a lexicon series and more
    (全民治污、依法治污、科学治污、精准治污 over 精准治污、科学治污、依法治污) is
    a slogan: another than the lexicon's (members.py), written as one."""
    known = [set(members(key)) for line in lineages if line.fixed for key in line.forms if "、" in key]
    known = [m for m in known if len(m) >= 3]
    for key, i in index.items():
        if lineages[i].weak and "、" in key:
            own = set(members(key))
            if any(m < own for m in known):
                lineages[i].weak = False


def candidates_of(snap) -> Found:
    """The candidates of one report (:func:`erqi_diff.extract.candidates.candidates`;
    its patterns are compiled when first needed, not when this module is imported)."""
    from erqi_diff.extract.candidates import candidates

    return candidates(snap.year, _body_text(snap))


def lexicon_variants(lexicon: Lexicon, body: str) -> list[str]:
    """The forms of the lexicon's formulas in a report's ``body`` restated
    with a word added or re-spelt (:func:`_lexicon_variants`), sorted: what
    a report's derived file holds (:mod:`erqi_diff.extract.derived`)."""
    return sorted({variant for variant, _ in _lexicon_variants(lexicon, {0: KeyText.of(body)})})


def _lexicon_variants(lexicon: Lexicon, texts: Mapping[int, KeyText],
                      known: Mapping[int, Sequence[str]] | None = None) -> Iterable[tuple[str, int]]:
    """(form, year) of the lexicon's formulas restated with a word added
    (京津冀地区协同发展), and of its series of three items or more re-spelt in
    one character (有理想、有道德、有文化、守纪律); those of the years in
    ``known`` as given there (:func:`lexicon_variants`, the same forms)."""
    lexicon_keys = [k for k in {key_of(f) for e in lexicon.entries for f in e.forms} if len(k) >= 5]
    series = [k for k in lexicon_keys if k.count("、") >= 2]
    for year, text in texts.items():
        if known and year in known:
            yield from ((variant, year) for variant in known[year])
            continue
        pairs = set(map(add, text.key, text.key[1:]))
        for key in lexicon_keys:
            if key[:2] in pairs and key[-2:] in pairs:
                yield from ((variant, year) for variant in inserted_variants(key, text.key))
        for key in series:
            yield from ((variant, year) for variant in one_char_variants(key, text.key))


def _link(lineages: list[_Lineage], index: dict[str, int], texts: Mapping[int, KeyText]) -> None:
    """Merge lineages holding similar forms (:func:`lineage.similar`); two
    lexicon lineages are never merged, nor two same-length forms that stand
    side by side in one report (最初一公里 / 最后一公里)."""
    parent = list(range(len(lineages)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_bucket: dict[tuple[str, str], list[str]] = {}
    for key in index:
        for bucket in buckets(key):
            by_bucket.setdefault(bucket, []).append(key)
    seen: set[tuple[str, str]] = set()
    for keys in by_bucket.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1:]:
                if (a, b) in seen or (b, a) in seen:
                    continue
                seen.add((a, b))
                ra, rb = root(index[a]), root(index[b])
                if ra == rb or (lineages[ra].fixed and lineages[rb].fixed):
                    continue
                if len(a) == len(b) and "、" not in a and any(a in t.key and b in t.key for t in texts.values()):
                    continue
                if similar(a, b):
                    keep, gone = (ra, rb) if _rank(lineages[ra]) <= _rank(lineages[rb]) else (rb, ra)
                    parent[gone] = keep
                    lineages[keep].forms.update(lineages[gone].forms)
                    lineages[keep].weak = lineages[keep].weak and lineages[gone].weak
                    if _ORDER.index(lineages[gone].kind) < _ORDER.index(lineages[keep].kind):
                        lineages[keep].kind = lineages[gone].kind
    for key, i in index.items():
        index[key] = root(i)


def _rank(line: _Lineage) -> int:
    """Which of two merged lineages keeps its identity: the lexicon's, then a found one, then a weak one."""
    return 0 if line.fixed else 2 if line.weak else 1


def _record(line: _Lineage, by_year: Mapping[int, list], texts: Mapping[int, KeyText]) -> Slogan:
    years = tuple(sorted(by_year))
    counts = {y: len(by_year[y]) for y in years}
    occurrences: dict[int, tuple[Occurrence, ...]] = {}
    per_form: dict[str, dict[int, int]] = {}
    for year in years:
        text = texts[year]
        out = []
        for hit in by_year[year]:
            start, end = text.span(hit.start, hit.end)
            out.append(Occurrence(start, end, line.forms[hit.form], text.heading(start)))
            per_form.setdefault(hit.form, {})
            per_form[hit.form][year] = per_form[hit.form].get(year, 0) + 1
        occurrences[year] = tuple(out)
    variants = tuple(
        Variant(line.forms[k], tuple(sorted(c)), dict(sorted(c.items())))
        for k, c in sorted(per_form.items(), key=lambda kc: (min(kc[1]), -max(kc[1]), kc[0])))
    last = years[-1]
    latest = max((v for v in variants if last in v.counts), key=lambda v: (v.counts[last], len(v.slogan)))
    name = line.name or latest.slogan
    shown = variants if len(variants) > 1 or variants[0].slogan != name else ()
    return Slogan(name, line.kind, years, counts, shown, occurrences)

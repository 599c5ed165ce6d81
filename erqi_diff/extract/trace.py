"""Follow any term through a series, as ``git log -S`` or a concordance:
``erqi-diff trace``.

A literal term is found where it stands as a whole
(:mod:`erqi_diff.extract.textkey`: quotes, spaces and the separator between
series items do not matter, so 三网融合 finds “三网”融合; never inside a
longer numeral or year, so 九五 is not found in 一九九五年; never cutting a
quoted phrase, so 中国制造 is not found in “中国制造2025”). A regular
expression (``regex=True``) is matched in the body as written, with no
rule added: the pattern says what it means.

:func:`trace` returns a :class:`Trace`: for each term its count in every
report and every occurrence with its context and section. It raises
:class:`TraceError` (exit 2 in the CLI) for an empty term, a pattern that
does not compile or matches the empty text, and a term longer than any report.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from erqi_diff.errors import ErqiError
from erqi_diff.extract.textkey import KeyText, key_of


class TraceError(ErqiError):
    """A term or pattern that cannot be traced."""


@dataclass(frozen=True)
class Hit:
    """One occurrence: body offsets [``start``, ``end``) of the ``year``'s
    snapshot, the ``text`` there, ``before``/``after`` (up to the context's
    length of the same paragraph) and the ``section`` heading ("" before the first)."""

    year: int
    start: int
    end: int
    text: str
    before: str
    after: str
    section: str


@dataclass(frozen=True)
class TermTrace:
    """One term through the series: ``counts`` per report year (0 where it
    does not stand), ``hits`` in the order asked for; ``first``/``last``
    report it stands in (None when none)."""

    term: str
    regex: bool
    counts: Mapping[int, int] = field(compare=False)
    hits: tuple[Hit, ...] = ()
    __json_extra__ = ("first", "last")

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(y for y, n in sorted(self.counts.items()) if n)

    @property
    def first(self) -> int | None:
        return self.years[0] if self.years else None

    @property
    def last(self) -> int | None:
        return self.years[-1] if self.years else None

    @property
    def found(self) -> bool:
        return bool(self.years)


@dataclass(frozen=True)
class Trace:
    """Terms through the ``years`` of a series (oldest first), each a :class:`TermTrace`."""

    years: tuple[int, ...]
    newest_first: bool
    terms: tuple[TermTrace, ...]

    @property
    def missing(self) -> tuple[str, ...]:
        """The terms that stand in no year."""
        return tuple(t.term for t in self.terms if not t.found)


def read_watch(path: str) -> list[str]:
    """Terms of a watch file: one a line; blank lines and lines starting with # skipped."""
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        raise TraceError(f"watch file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TraceError(f"watch file {path} cannot be read: {exc}") from None
    terms = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not terms:
        raise TraceError(f"watch file {path} holds no term (one a line; # starts a comment)")
    return terms


def _compile(term: str) -> re.Pattern:
    try:
        pattern = re.compile(term, re.M)
    except re.error as exc:
        raise TraceError(f"pattern {term!r} does not compile: {exc}") from None
    if pattern.search(""):
        raise TraceError(f"pattern {term!r} matches the empty text; say what it must find")
    return pattern


def trace(snapshots: Iterable, terms: Sequence[str], regex: bool = False, context: int = 20,
          newest_first: bool = True) -> Trace:
    """Trace ``terms`` through ``snapshots`` (see the module doc); ``context``:
    characters shown either side of each occurrence."""
    snaps = sorted(snapshots, key=lambda s: s.year)
    if not terms:
        raise TraceError("give a term to trace (or --watch FILE)")
    if context < 0:
        raise TraceError(f"context must be 0 or more characters, not {context}")
    for term in terms:
        if not term.strip() or (not regex and not key_of(term)):
            raise TraceError("an empty term traces nothing; give some text")
    patterns = [_compile(t) for t in terms] if regex else []
    longest = max((len(s.body) for s in snaps), default=0)
    for term in terms:
        if not regex and len(key_of(term)) > longest:
            raise TraceError(f"{term[:20]!r}… is longer ({len(key_of(term))} characters) than any report "
                             f"of the series (the longest has {longest})")
    texts = {s.year: KeyText.of(s.body) for s in snaps} if not regex else {}
    out = []
    headings: dict[int, list[tuple[int, str]]] = {}
    for i, term in enumerate(terms):
        hits: list[Hit] = []
        for snap in snaps:
            spans = _regex_spans(patterns[i], snap.body) if regex else _literal_spans(texts[snap.year], key_of(term))
            found = list(spans)
            if found:
                heads = headings.setdefault(snap.year, _headings(snap.body))
                hits.extend(_hit(snap.year, snap.body, start, end, context, heads) for start, end in found)
        counts = {s.year: 0 for s in snaps}
        for h in hits:
            counts[h.year] += 1
        if newest_first:
            hits.sort(key=lambda h: (-h.year, h.start))
        out.append(TermTrace(term, regex, counts, tuple(hits)))
    return Trace(tuple(s.year for s in snaps), newest_first, tuple(out))


def _literal_spans(text: KeyText, key: str) -> Iterable[tuple[int, int]]:
    at = text.key.find(key)
    while at >= 0:
        if text.stands(at, at + len(key)):
            yield text.span(at, at + len(key))
        at = text.key.find(key, at + 1)


def _regex_spans(pattern: re.Pattern, body: str) -> Iterable[tuple[int, int]]:
    for m in pattern.finditer(body):
        if m.end() > m.start():
            yield m.start(), m.end()


_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t]*$", re.M)


def _headings(body: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(1)) for m in _HEADING.finditer(body)]


def _hit(year: int, body: str, start: int, end: int, context: int, headings: list[tuple[int, str]]) -> Hit:
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line_end = len(body) if line_end < 0 else line_end
    before = body[max(line_start, start - context):start]
    after = body[end:min(line_end, end + context)]
    at = bisect.bisect_right(headings, (start, "\uffff")) - 1
    return Hit(year, start, end, body[start:end], before, after, headings[at][1] if at >= 0 else "")

"""The lexicon of slogans (提法) kept as data: the package's list of
well-known national formulas (``erqi_diff/extract/data/slogans.toml``, whose
head documents the format and where the list comes from), a project's own
``slogans.toml`` beside ``seeds/``, and any file given with ``--lexicon``.

A :class:`Lexicon` is a tuple of :class:`Entry` (one slogan: its name and
every form of it) and the terms a user excludes. Files are read in order
(package, project, ``--lexicon``); a form listed again joins the slogan it
already belongs to. A file that is missing, is not TOML, or has an entry of
the wrong shape raises :class:`LexiconError` naming the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from erqi_diff.errors import ErqiError
from erqi_diff.extract.derived import PROJECT_FILE
from erqi_diff.extract.members import members_differ, partition
from erqi_diff.extract.textkey import key_of

PACKAGE_LEXICON = Path(__file__).resolve().parent / "data" / "slogans.toml"
_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


class LexiconError(ErqiError):
    """A lexicon file is missing, not TOML, or holds an entry of the wrong shape."""


@dataclass(frozen=True)
class Entry:
    """One slogan of a lexicon: ``name`` (the form shown) and ``forms`` (every
    form, the name first); ``topic`` is the table it is listed under."""

    name: str
    forms: tuple[str, ...]
    topic: str


@dataclass(frozen=True)
class Lexicon:
    """Slogans known in advance, and terms never to list (``exclude``)."""

    entries: tuple[Entry, ...] = ()
    exclude: frozenset[str] = frozenset()
    sources: tuple[str, ...] = ()
    since: tuple[tuple[str, int], ...] = ()  # (form's key, year): the form names its slogan from that year on

    def counts_in(self, key: str, year: int) -> bool:
        """Whether the form ``key`` names its slogan in a report of ``year``
        (党的基本路线 is 一个中心、两个基本点 only from 1987 on)."""
        return all(year >= first for form, first in self.since if form == key)

    def merged(self, other: Lexicon) -> Lexicon:
        """This lexicon and ``other``'s entries (a form known here joins its slogan)."""
        by_form = {key_of(f): i for i, e in enumerate(self.entries) for f in e.forms}
        entries = list(self.entries)
        for entry in other.entries:
            known = next((by_form[key_of(f)] for f in entry.forms if key_of(f) in by_form), None)
            if known is None:
                entries.append(entry)
                index = len(entries) - 1
            else:
                old = entries[known]
                extra = tuple(f for f in entry.forms if key_of(f) not in {key_of(x) for x in old.forms})
                apart = tuple(f for f in extra if members_differ(key_of(old.name), key_of(f)))
                entries[known] = Entry(old.name, old.forms + tuple(f for f in extra if f not in apart), old.topic)
                index = known
                for forms in partition(apart, key_of):  # another slogan than the one it was listed with
                    entries.append(Entry(forms[0], tuple(forms), entry.topic))
                    for form in forms:
                        by_form.setdefault(key_of(form), len(entries) - 1)
            for form in entry.forms:
                by_form.setdefault(key_of(form), index)
        since = dict(self.since) | dict(other.since)
        return Lexicon(tuple(entries), self.exclude | other.exclude, self.sources + other.sources,
                       tuple(sorted(since.items())))


def no_lexicon() -> Lexicon:
    """An empty lexicon: the patterns and the series alone."""
    return Lexicon()


def _line_of(text: str, needle: str) -> int:
    at = text.find(needle)
    return text.count("\n", 0, at) + 1 if at >= 0 else 0


def _fail(where: str, text: str, needle: str, what: str) -> LexiconError:
    line = _line_of(text, needle)
    return LexiconError(f"{where}{f', line {line}' if line else ''}: {what}")


def parse(text: str, where: str) -> Lexicon:
    """The lexicon in TOML ``text`` (``where`` names it in errors)."""
    import tomllib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_LINE.search(message)
        line = found.group(1) if found else str(text.count("\n") + 1) if "end of document" in message else ""
        place = f", line {line}" if line else ""
        reason = _TOML_LINE.sub("", message).replace("(at end of document)", "at the end").strip()
        raise LexiconError(f"{where}{place}: not valid TOML ({reason})") from None
    entries: list[Entry] = []
    exclude: set[str] = set()
    since: dict[str, int] = {}
    for name, value in data.items():
        if name == "schema":
            if value != 1:
                raise _fail(where, text, "schema", f"schema {value!r} is not known (this erqi-diff reads schema 1)")
        elif name == "exclude":
            if not isinstance(value, list) or not all(isinstance(v, str) and key_of(v) for v in value):
                raise _fail(where, text, "exclude", "`exclude` must be a list of terms")
            exclude |= {key_of(v) for v in value}
        elif name == "since":
            if not isinstance(value, dict) or not all(
                    key_of(k) and isinstance(v, int) and not isinstance(v, bool) for k, v in value.items()):
                raise _fail(where, text, "since", "`since` must be a table of form = year (e.g. \"党的基本路线\" = 1987)")
            since |= {key_of(k): v for k, v in value.items()}
        elif isinstance(value, dict):
            entries.extend(_topic(name, value, where, text))
        else:
            raise _fail(where, text, name, f"`{name}` must be a table of `terms` and `lineages` "
                        "(or `schema`, `exclude`, `since`)")
    return Lexicon(tuple(entries), frozenset(exclude), (where,), tuple(sorted(since.items())))


def _topic(topic: str, table: dict, where: str, text: str) -> list[Entry]:
    out = []
    for key, value in table.items():
        if key == "terms":
            if not isinstance(value, list):
                raise _fail(where, text, f"[{topic}]", f"`terms` of [{topic}] must be a list of strings")
            groups = [[v] for v in value]
        elif key == "lineages":
            if not isinstance(value, list) or not all(isinstance(v, list) for v in value):
                raise _fail(where, text, f"[{topic}]", f"`lineages` of [{topic}] must be a list of lists of strings")
            groups = value
        else:
            raise _fail(where, text, key, f"[{topic}] has `{key}`; a topic holds only `terms` and `lineages`")
        for group in groups:
            bad = next((v for v in group if not isinstance(v, str) or len(key_of(v)) < 2), None)
            if bad is not None or not group:
                shown = repr(bad) if bad is not None else "[]"
                raise _fail(where, text, str(bad) if isinstance(bad, str) and bad else f"[{topic}]",
                            f"{shown} in [{topic}] is not a term (a string of two characters or more)")
            for forms in partition(tuple(dict.fromkeys(group)), key_of):  # members.py: 三保障 is not 两不愁三保障
                out.append(Entry(forms[0], tuple(forms), topic))
    return out


def read(path: Path | str) -> Lexicon:
    """The lexicon in the file ``path``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(f"lexicon {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"lexicon {path} cannot be read: {exc}") from None
    return Lexicon().merged(parse(text, str(path)))  # a form listed twice is one slogan


@lru_cache(maxsize=1)
def package_lexicon() -> Lexicon:
    """The lexicon shipped with erqi-diff."""
    return read(PACKAGE_LEXICON)


def load(root: Path | str | None = None, extra: Path | str | None = None, package: bool = True) -> Lexicon:
    """The package lexicon (unless ``package`` is False), then the project's
    ``slogans.toml`` under ``root`` when there is one, then ``extra``."""
    lexicon = package_lexicon() if package else Lexicon()
    if root is not None:
        own = Path(root) / PROJECT_FILE
        if own.is_file():
            lexicon = lexicon.merged(read(own))
    if extra is not None:
        lexicon = lexicon.merged(read(extra))
    return lexicon

"""Derived files: what the diff strip needs of one report, computed once,
when the report is stored (as git keeps its index beside the objects).

``erqi-diff snapshot`` writes ``snapshots/.derived/<year>.json`` beside each
snapshot (:func:`erqi_diff.extract.derive.refresh`); the strip of ``erqi-diff A B``
(:mod:`erqi_diff.extract.strip`) reads the two reports' files instead of
extracting their figures (:func:`read`), and does only the work that
needs both reports. A file is used only when it was made from the same
snapshot by the same code, which its key says::

    {"format": 1, "year": 2017,
     "input": "blake2b-256:<hex>:<length>",   # the snapshot's year, date and body
     "code": "blake2b-256:<hex>:<length>",    # the content of the strip's modules (strip.STRIP_MODULES)
     "metrics": [{"info": [...], "order": int|null, "figure": {...}}, ...],
     "candidates": {"strong": [[text, kind, year, uses, opposed, placed], ...], "weak": [...]},
     "lexicon": {"own": "blake2b-256:<hex>:<length>"|null, "variants": [str, ...]}|null}

``metrics`` holds the report's metric facts (:func:`erqi_diff.extract.metrics.extract`),
in text order (:func:`erqi_diff.extract.derive.metric_picks`), each reduced to what the strip's choice needs:
``info`` (:data:`erqi_diff.extract.keymetric.Info`, the comparable key as a
list of strings and nulls), ``order`` (the indicator's place in the table of
:mod:`erqi_diff.extract.indicators`, null when not in it) and ``figure``
(the fields the strip shows, see :mod:`erqi_diff.extract.strip`).
``candidates`` holds the report's slogan candidates, strong and weak, as
:func:`erqi_diff.extract.candidates.candidates` finds them (the fields of
:class:`erqi_diff.extract.candidate.Candidate`, in its order); the slogans
of the two reports are then found from them (the work that needs both
texts: variants, mined phrases, lineages, matching, is done by the diff).
``lexicon`` holds the forms of the project's lexicon restated in the report
(:func:`erqi_diff.extract.slogans.lexicon_variants`), with ``own`` the digest
of the project's ``slogans.toml`` they were found with (null: it had none);
they are used only while that file is the same (:func:`variants`); the
whole is null when the project's lexicon could not be read.

The code is known by its content, not by modification times, so the files
committed with a project stay valid after a clone and a file made by other
code is never used. A file missing, stale, made by other code or unreadable
in any way is not used: the strip is then computed from the text, with the
same result (benchmarks/check_derived.py compares both ways on every pair of
the three series).

The project's lexicon (the package's ``data/slogans.toml`` and the
project's own ``slogans.toml``, :func:`erqi_diff.extract.lexicon.load`) is
kept parsed in ``snapshots/.derived/lexicon.json`` (:func:`lexicon`), so
that a first diff does not parse TOML::

    {"format": 1, "code": "blake2b-256:...",   # as above (the package's lexicon is one of the modules)
     "own": "blake2b-256:<hex>:<length>"|null,  # the project's slogans.toml as bytes; null: it has none
     "entries": [[name, [form, ...], topic], ...],   # :class:`erqi_diff.extract.lexicon.Entry`, in order
     "exclude": [key, ...], "since": [[key, year], ...]}

It is used only when its ``code`` and ``own`` are those of now; its
``sources`` are the files' paths where the project is now.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any

FORMAT = 1
#: The project's own lexicon, beside its manifest (read by :mod:`erqi_diff.extract.lexicon`).
PROJECT_FILE = "slogans.toml"
FOLDER = ".derived"
LEXICON = "lexicon.json"
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def path_for(project, year: int) -> Path:
    return project.snapshots_dir / FOLDER / f"{year}.json"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The digest of the content of the modules that compute the strip
    (:data:`erqi_diff.extract.strip.STRIP_MODULES`), read once a process."""
    from erqi_diff.core.cache import files_digest
    from erqi_diff.extract.strip import STRIP_MODULES

    return files_digest((name, os.path.join(_PACKAGE, name)) for name in STRIP_MODULES)


def input_digest(snap) -> str:
    """The digest of what a report's derived data is computed from: its year, date and body."""
    from erqi_diff.core.cache import snapshot_digest

    return snapshot_digest(snap)


def read(project, snap) -> dict[str, Any] | None:
    """The derived data of ``snap`` from its file when the file is current
    (made from this snapshot by this code) and well formed, else None."""
    try:
        with open(path_for(project, snap.year), "rb") as fh:
            data = json.loads(fh.read().decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("year") != snap.year:
            return None
        if data.get("code") != code_digest() or data.get("input") != input_digest(snap):
            return None
    except (OSError, ValueError):  # missing, unreadable, not UTF-8 or not JSON
        return None
    ok = _well_formed(data.get("metrics")) and _candidates_ok(data.get("candidates")) and _variants_ok(data.get("lexicon"))
    return data if ok else None


def _variants_ok(part: Any) -> bool:
    return part is None or (isinstance(part, dict) and set(part) == {"own", "variants"}
                            and (part["own"] is None or isinstance(part["own"], str))
                            and isinstance(part["variants"], list) and all(isinstance(v, str) for v in part["variants"]))


def variants(project, files: dict[int, dict[str, Any] | None]) -> dict[int, list[str]]:
    """The lexicon's forms restated in each report, by year, from the derived
    files :func:`read` returned (None: not current) that were made with the
    project's ``slogans.toml`` as it is now."""
    key = own_key(project)
    return {year: data["lexicon"]["variants"] for year, data in files.items()
            if data is not None and data["lexicon"] is not None and data["lexicon"]["own"] == key}


def lexicon_path(project) -> Path:
    return project.snapshots_dir / FOLDER / LEXICON


def own_lexicon(project) -> bytes | None:
    """The bytes of the project's own ``slogans.toml``, None when it has none
    (:func:`erqi_diff.extract.lexicon.load`'s test); OSError when unreadable."""
    own = Path(project.root) / PROJECT_FILE
    return own.read_bytes() if own.is_file() else None


def own_key(project) -> str | None:
    """The digest of the project's own ``slogans.toml``: None when it has
    none, "" (no digest) when it cannot be read."""
    try:
        own = own_lexicon(project)
    except OSError:
        return ""
    return None if own is None else _digest(own)


def lexicon(project):
    """The project's lexicon, as :func:`erqi_diff.extract.lexicon.load` of
    its root gives it: from ``lexicon.json`` when it is current, else parsed
    (the same lexicon; a file that cannot be read raises the same error)."""
    from erqi_diff.extract.lexicon import PACKAGE_LEXICON, Entry, Lexicon, load

    own = own_key(project)
    try:
        with open(lexicon_path(project), "rb") as fh:
            data = json.loads(fh.read().decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("code") != code_digest():
            return load(project.root)
        if own == "" or data.get("own") != own or not _lexicon_ok(data):
            return load(project.root)
    except (OSError, ValueError):  # missing, unreadable, not UTF-8 or not JSON
        return load(project.root)
    sources = (str(PACKAGE_LEXICON), *(() if own is None else (str(Path(project.root) / PROJECT_FILE),)))
    entries = tuple(Entry(name, tuple(forms), topic) for name, forms, topic in data["entries"])
    return Lexicon(entries, frozenset(data["exclude"]), sources, tuple((key, year) for key, year in data["since"]))


def _digest(data: bytes) -> str:
    from erqi_diff.core.cache import digest

    return digest(data)


def _lexicon_ok(data: dict[str, Any]) -> bool:
    entries, exclude, since = data.get("entries"), data.get("exclude"), data.get("since")
    return (isinstance(entries, list) and all(
        isinstance(e, list) and len(e) == 3 and isinstance(e[0], str) and isinstance(e[2], str)
        and isinstance(e[1], list) and e[1] and all(isinstance(f, str) for f in e[1]) for e in entries)
        and isinstance(exclude, list) and all(isinstance(x, str) for x in exclude)
        and isinstance(since, list) and all(
            isinstance(x, list) and len(x) == 2 and isinstance(x[0], str) and _int(x[1]) for x in since))


def candidates(data: dict[str, Any]) -> tuple[list, list]:
    """The slogan candidates of a derived file :func:`read` returned, as
    :func:`erqi_diff.extract.candidates.candidates` gives them (strong, weak)."""
    from erqi_diff.extract.candidate import Candidate, Kind

    def made(rows: list) -> list:
        return [Candidate(text, Kind(kind), year, uses, opposed, placed)
                for text, kind, year, uses, opposed, placed in rows]

    return made(data["candidates"]["strong"]), made(data["candidates"]["weak"])


def _candidates_ok(found: Any) -> bool:
    from erqi_diff.extract.candidate import Kind

    kinds = {k.value for k in Kind}
    if not isinstance(found, dict) or set(found) != {"strong", "weak"}:
        return False
    return all(isinstance(rows, list) and all(
        isinstance(row, list) and len(row) == 6 and isinstance(row[0], str) and row[0] and row[1] in kinds
        and _int(row[2]) and _int(row[3]) and _int(row[4]) and isinstance(row[5], bool) for row in rows)
        for rows in found.values())


def _well_formed(picks: Any) -> bool:
    return isinstance(picks, list) and all(_pick(p) for p in picks)


#: A figure's fields (:func:`erqi_diff.extract.derive.figure`) and what each may hold.
_FIGURE = {"report_year": (int,), "figure_year": (int, type(None)), "figure_span": (list, type(None)),
           "period": (str, type(None)), "measure": (str,), "value": (int, float, list, type(None)), "unit": (str,),
           "modifier": (str,), "kind": (str,), "quote": (str,)}


def _figure_ok(figure: Any) -> bool:
    if not isinstance(figure, dict) or set(figure) != set(_FIGURE):
        return False
    if not all(isinstance(figure[k], types) and not isinstance(figure[k], bool) for k, types in _FIGURE.items()):
        return False
    span, value = figure["figure_span"], figure["value"]
    return (span is None or (len(span) == 2 and all(_int(y) for y in span))) and \
        (not isinstance(value, list) or (len(value) == 2 and all(_number(x) for x in value)))


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _pick(p: Any) -> bool:
    if not isinstance(p, dict) or not _figure_ok(p.get("figure")):
        return False
    order, info = p.get("order"), p.get("info")
    if not (order is None or _int(order)) or not isinstance(info, list) or len(info) != 7:
        return False
    indicator, full_year, figure_year, level, growth, quote_start, comparable = info
    return (isinstance(indicator, str) and all(isinstance(x, bool) for x in (full_year, level, growth))
            and _int(figure_year) and _int(quote_start) and isinstance(comparable, list)
            and all(x is None or isinstance(x, str) for x in comparable))


def _int(x: Any) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)



"""Diffs stored: what :func:`erqi_diff.compare.diff.compare` finds for pairs
of reports (its units, at the default granularity, ``char``), computed once
when the snapshots are stored (``snapshots/.derived/diffs.json``, written by
:func:`erqi_diff.extract.derive.refresh` for the pairs of
:func:`erqi_diff.extract.pairstrip.chosen`, every pair of a series of up to
six reports, as far as :func:`chosen` takes them: the nearest pairs first,
within :data:`BUDGET` characters), so that the first ``erqi-diff A B`` after ``erqi-diff snapshot``
(or after a clone: the file is committed) neither imports the pairing
modules nor pairs and diffs the sections. Reading a pair imports only the
diff's records (:mod:`erqi_diff.compare.diff`, :mod:`erqi_diff.compare.vocab`).

The file holds no text: each op is a length, its text taken in turn from
the unit's older text (``=`` and ``-``) and newer text (``=`` and ``+``),
the paragraphs of its sections joined by newlines, as
:mod:`erqi_diff.compare.diff` promises; a moved paragraph's inner ops from
that paragraph's two versions. The sections' headings and levels come
from the snapshots. The format (a storage format, not the ``--json`` of
``erqi-diff A B``)::

    {"format": 1,
     "code": "blake2b-256:<hex>:<length>",   # the modules that compute a diff (code_digest)
     "pairs": {"2017-2021": {"from": "blake2b-256:...", "to": "blake2b-256:...",  # the two reports (snapshot_key)
                             "units": [unit, ...]}, ...}}
    unit:  [status, relation, from_sections, to_sections, similarity, moved, blocks,
            also_to, paired_by, host, held, below]      # SectionDiff's fields, in order; enums by value
    part:  [side, index, role, [paragraph, ...]]   # SectionPart: side 0 the older report, 1 the newer
    block: [kind, ops, from_paragraph, to_paragraph, similarity, inner]   # Block
    ops:   [op, length, op, length, ...]     # op "=", "-" or "+"

A pair is used only when the file's ``code`` is the digest of the code now,
and the pair's ``from`` and ``to`` those of the two snapshots given (their
year, date and body); the units must rebuild exactly (every op's text in
its place, the equal texts equal, both texts used up to their end): a
file missing, stale, made by other code or broken in any way is not used,
and the diff is computed, with the same result (tests/test_stored_diffs.py,
benchmarks/check_derived.py). A pair is written only when it reads back
equal to what was computed.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from typing import Any

from erqi_diff.compare.diff import Block, BlockKind, SectionDiff, SectionPart, Status
from erqi_diff.compare.vocab import Basis, Relation, Role

DIFFS = "diffs.json"
FORMAT = 1
_HERE = os.path.dirname(os.path.abspath(__file__))
_PACKAGE = os.path.dirname(_HERE)
#: Besides every module of erqi_diff/compare: what turns a snapshot's body into sections (and gc_paused).
_ALSO = ("core/document.py", "core/snapshot.py", "core/runtime.py")
#: Each pair stored costs a diff when the snapshots are stored (about 4 ms per
#: thousand characters of the two reports): the pairs stored hold at most this
#: many characters of text in all (the seeds' ten pairs about 60,000; six national
#: reports' five consecutive pairs about 175,000, their fifteen 525,000: 2.2 s).
BUDGET = 200_000


def path_for(project):
    return project.snapshots_dir / ".derived" / DIFFS  # erqi_diff.extract.derived.FOLDER


def _sources() -> list[tuple[str, str]]:
    """(name, path) of the files whose content :func:`code_digest` covers:
    every module of erqi_diff/compare, those of :data:`_ALSO`, and the sources
    of diff-match-patch (its version decides the ops of a changed paragraph)."""
    import importlib.util

    own = [(f"compare/{name}", os.path.join(_HERE, name)) for name in sorted(os.listdir(_HERE)) if name.endswith(".py")]
    own += [(name, os.path.join(_PACKAGE, name)) for name in _ALSO]
    try:
        spec = importlib.util.find_spec("diff_match_patch")
    except (ImportError, ValueError):
        spec = None
    folders = list(spec.submodule_search_locations or ()) if spec is not None else []
    for name in ("__version__.py", "diff_match_patch.py"):
        own.append((f"diff_match_patch/{name}", os.path.join(folders[0], name) if folders else ""))
    return own


def modules() -> list[str]:
    """The names of the files :func:`code_digest` covers."""
    return [name for name, _ in _sources()]


@lru_cache(maxsize=1)
def code_digest() -> str:
    """The digest of the content of :func:`modules` (a file missing or unreadable: empty), read once a process."""
    from erqi_diff.core.cache import files_digest

    return files_digest(_sources())


def snapshot_key(snap) -> str:
    """The digest of what a diff reads of a snapshot: its year, date and body."""
    from erqi_diff.core.cache import snapshot_digest

    return snapshot_digest(snap)


def chosen(snaps: list, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of ``pairs`` (older, newer) of the snapshots ``snaps``, those whose
    diff the file holds: nearest first (consecutive reports, then one
    apart...; the older year first among equals) while their text (the two
    reports' characters, summed over the pairs) stays within :data:`BUDGET`;
    in the order of ``pairs``."""
    by_year = {snap.year: snap for snap in snaps}
    place = {year: i for i, year in enumerate(sorted(by_year))}
    kept, spent = set(), 0
    for older, newer in sorted(pairs, key=lambda pair: (place[pair[1]] - place[pair[0]], pair)):
        spent += by_year[older].chars + by_year[newer].chars
        if spent > BUDGET:
            break
        kept.add((older, newer))
    return [pair for pair in pairs if pair in kept]


def _load(project) -> dict[str, Any] | None:
    """The file's pairs when it is made by this code, else None."""
    try:
        with open(path_for(project), "rb") as fh:
            data = json.loads(fh.read().decode("utf-8"))
    except (OSError, ValueError):  # missing, unreadable, not UTF-8, not JSON
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("code") != code_digest():
        return None
    pairs = data.get("pairs")
    return pairs if isinstance(pairs, dict) else None


def read(project, a, b) -> tuple | None:
    """The units of the diff of snapshots ``a`` → ``b`` (as
    :func:`erqi_diff.compare.diff.diff_sections` gives them at granularity
    ``char``) from the file, when it is current for them and well formed; else None."""
    pairs = _load(project)
    return None if pairs is None else _entry(pairs.get(f"{a.year}-{b.year}"), a, b)


def _entry(entry: Any, a, b) -> tuple | None:
    if not isinstance(entry, dict) or set(entry) != {"from", "to", "units"}:
        return None
    if entry["from"] != snapshot_key(a) or entry["to"] != snapshot_key(b):
        return None
    return decode(entry["units"], a.sections, b.sections)


def current(project, snaps: list, pairs: list[tuple[int, int]]) -> bool:
    """The file is current: made by this code, holding exactly ``pairs``
    (older, newer), each from these snapshots (``snaps``) and well formed
    (``erqi-diff snapshot`` then keeps it without computing it again)."""
    stored = _load(project)
    by_year = {snap.year: snap for snap in snaps}
    return stored is not None and set(stored) == {f"{x}-{y}" for x, y in pairs} and all(
        _entry(stored[f"{x}-{y}"], by_year[x], by_year[y]) is not None for x, y in pairs)


def compute(snaps: list, pairs: list[tuple[int, int]]) -> dict[str, Any]:
    """The file's data for ``pairs`` of the snapshots ``snaps``: each pair's
    diff computed, stored when it reads back equal (else left out: computed when asked)."""
    from erqi_diff.compare.diff import compare

    by_year = {snap.year: snap for snap in snaps}
    out = {}
    for older, newer in pairs:
        a, b = by_year[older], by_year[newer]
        sections = compare(a, b, strip=False).sections
        units = json.loads(json.dumps(encode(sections)))
        if decode(units, a.sections, b.sections) == sections:
            out[f"{older}-{newer}"] = {"from": snapshot_key(a), "to": snapshot_key(b), "units": units}
    return {"format": FORMAT, "code": code_digest(), "pairs": out}


def render(data: dict[str, Any]) -> str:
    """The text of the file: one line a pair."""
    def line(x: Any) -> str:
        return json.dumps(x, ensure_ascii=False, separators=(",", ":"))

    head = ",\n".join(f"{line(k)}: {line(v)}" for k, v in data.items() if k != "pairs")
    rows = ",\n".join(f"{line(k)}: {line(v)}" for k, v in data["pairs"].items())
    return "{" + head + ',\n"pairs": {\n' + rows + "\n}}\n"


def encode(sections) -> list:
    """The units of a diff (:class:`erqi_diff.compare.diff.SectionDiff`) as the file holds them."""
    def parts(items, side: int) -> list:
        return [[side, p.index, p.role.value, list(p.paragraphs)] for p in items]

    out = []
    for s in sections:
        mine, theirs = (0, 1) if s.from_sections else (1, 0)  # held: the unit's own report; host: the other
        out.append([s.status.value, s.relation.value, parts(s.from_sections, 0), parts(s.to_sections, 1),
                    s.similarity, s.moved, [_block(b) for b in s.blocks], parts(s.also_to, 1),
                    None if s.paired_by is None else s.paired_by.value,
                    None if s.host is None else parts([s.host], theirs)[0], parts(s.held, mine), s.below])
    return out


def _block(b) -> list:
    return [b.kind.value, _lengths(b.ops), b.from_paragraph, b.to_paragraph, b.similarity, _lengths(b.inner)]


def _lengths(ops) -> list:
    out: list = []
    for op, text in ops:
        out += [op, len(text)]
    return out


class _Broken(Exception):
    """The stored units do not rebuild."""


def decode(units: Any, a, b) -> tuple | None:
    """The units rebuilt with the sections ``a`` (older) and ``b`` (newer)
    of the two reports; None when they do not rebuild exactly."""
    try:
        if not isinstance(units, list):
            raise _Broken
        return tuple(_unit(u, (a, b)) for u in units)
    except (_Broken, ValueError, TypeError, IndexError, KeyError):
        return None


def _int(x: Any) -> int:
    if type(x) is not int or x < 0:
        raise _Broken
    return x


def _score(x: Any) -> float | None:
    if x is not None and (type(x) not in (int, float)):
        raise _Broken
    return x


def _unit(u: Any, sides) -> Any:
    if not isinstance(u, list) or len(u) != 12:
        raise _Broken
    status, relation, olds, news, similarity, moved, blocks, also, basis, host, held, below = u
    if not isinstance(moved, bool) or not isinstance(blocks, list):
        raise _Broken
    from_sections, to_sections = _parts(olds, sides), _parts(news, sides)
    olds_text = [sides[0][p.index].paragraphs[k] for p in from_sections for k in p.paragraphs]
    news_text = [sides[1][p.index].paragraphs[k] for p in to_sections for k in p.paragraphs]
    texts = ("\n".join(olds_text), "\n".join(news_text))
    cursor = [0, 0]
    built = tuple(_rebuild(block, texts, (olds_text, news_text), cursor) for block in blocks)
    if cursor != [len(texts[0]), len(texts[1])]:
        raise _Broken
    return SectionDiff(Status(status), Relation(relation), from_sections, to_sections, _score(similarity), moved,
                       built, _parts(also, sides), None if basis is None else Basis(basis),
                       None if host is None else _part(host, sides), _parts(held, sides), _int(below))


def _parts(items: Any, sides) -> tuple:
    if not isinstance(items, list):
        raise _Broken
    return tuple(_part(p, sides) for p in items)


def _part(p: Any, sides) -> Any:
    if not isinstance(p, list) or len(p) != 4 or p[0] not in (0, 1) or type(p[0]) is not int:
        raise _Broken
    side, index, role, paragraphs = p
    section = sides[side][_int(index)]
    if not isinstance(paragraphs, list):
        raise _Broken
    chosen = tuple(_int(k) for k in paragraphs)
    if any(k >= len(section.paragraphs) for k in chosen):
        raise _Broken
    return SectionPart(index, section.heading, section.level, Role(role), chosen)


def _rebuild(block: Any, texts: tuple[str, str], paragraphs: tuple[list[str], list[str]], cursor: list[int]) -> Any:
    """A block, its ops' texts taken from the unit's older and newer ``texts``
    at ``cursor`` (moved on), a moved paragraph's inner ops from its two versions (``paragraphs``)."""
    if not isinstance(block, list) or len(block) != 6:
        raise _Broken
    kind, ops, i, j, similarity, inner = block
    i = None if i is None else _int(i)
    j = None if j is None else _int(j)
    kind = BlockKind(kind)
    built = _ops(ops, *texts, cursor)
    inner_ops: tuple = ()
    if inner:
        if kind is not BlockKind.MOVED_IN or i is None or j is None:
            raise _Broken
        old, new = paragraphs[0][i], paragraphs[1][j]
        at = [0, 0]
        inner_ops = _ops(inner, old, new, at)
        if at != [len(old), len(new)]:
            raise _Broken
    return Block(kind, built, i, j, _score(similarity), inner_ops)


def _ops(flat: Any, old_text: str, new_text: str, cursor: list[int]) -> tuple:
    if not isinstance(flat, list) or len(flat) % 2:
        raise _Broken
    out = []
    x, y = cursor
    for k in range(0, len(flat), 2):
        op, n = flat[k], _int(flat[k + 1])
        if op == "=":
            text = old_text[x:x + n]
            if len(text) != n or new_text[y:y + n] != text:
                raise _Broken
            x, y = x + n, y + n
        elif op == "-":
            text = old_text[x:x + n]
            x += n
        elif op == "+":
            text = new_text[y:y + n]
            y += n
        else:
            raise _Broken
        if len(text) != n:
            raise _Broken
        out.append((op, text))
    cursor[:] = [x, y]
    return tuple(out)

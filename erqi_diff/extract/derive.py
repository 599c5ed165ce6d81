"""Computing and writing the derived files of a project's snapshots
(the format and the reading: :mod:`erqi_diff.extract.derived`)."""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from typing import Any

from erqi_diff.extract.pairstrip import PAIRS
from erqi_diff.extract.derived import (FOLDER, FORMAT, LEXICON, code_digest, input_digest, lexicon_path,
                                       own_key, own_lexicon, path_for, read)


class Action(str, enum.Enum):
    WRITTEN = "written"
    UNCHANGED = "unchanged"
    REMOVED = "removed"


@dataclass(frozen=True)
class DerivedResult:
    """What :func:`refresh` did with one derived file: ``year`` (None for
    the project's lexicon, ``lexicon.json``), ``action`` (written, unchanged,
    removed: a file of a year the project no longer has, or the lexicon's
    when the project's ``slogans.toml`` cannot be read) and ``path``
    relative to the project."""

    year: int | None
    action: Action
    path: str


def compute(snap, project=None) -> dict[str, Any]:
    """The derived file of snapshot ``snap`` (see the module doc), with the
    lexicon of ``project`` (the package's alone when None)."""
    return {"format": FORMAT, "year": snap.year, "input": input_digest(snap), "code": code_digest(),
            "metrics": metric_picks(snap), "candidates": found_in(snap), "lexicon": variants_in(snap, project)}


def variants_in(snap, project=None) -> dict[str, Any] | None:
    """The lexicon's forms restated in ``snap`` as a derived file holds them
    (see :mod:`erqi_diff.extract.derived`); None when the project's lexicon
    cannot be read."""
    from erqi_diff.extract.lexicon import LexiconError, load, package_lexicon
    from erqi_diff.extract.slogans import lexicon_variants

    if project is None:
        return {"own": None, "variants": lexicon_variants(package_lexicon(), snap.body)}
    own = own_key(project)
    try:
        lexicon = load(project.root)
    except (LexiconError, OSError):
        return None
    return None if own == "" else {"own": own, "variants": lexicon_variants(lexicon, snap.body)}


def found_in(snap) -> dict[str, list]:
    """The slogan candidates of ``snap`` as a derived file holds them (see :mod:`erqi_diff.extract.derived`)."""
    from erqi_diff.extract.slogans import candidates_of

    def rows(found: list) -> list:
        return [[c.text, c.kind.value, c.year, c.uses, c.opposed, c.placed] for c in found]

    strong, weak = candidates_of(snap)
    return {"strong": rows(strong), "weak": rows(weak)}


def metric_picks(snap) -> list[dict[str, Any]]:
    """The metric facts of ``snap`` reduced to what the strip needs (see the module doc)."""
    from erqi_diff.extract import indicators, metrics

    order = {name: i for i, name in enumerate(indicators.names())}
    out = []
    for fact in metrics.extract(snap):
        info = metrics.info(fact)
        comparable = [x.value if isinstance(x, enum.Enum) else x for x in info[-1]]
        out.append({"info": [*info[:-1], comparable], "order": order.get(fact.indicator or ""),
                    "figure": figure(fact)})
    return out


def figure(fact) -> dict[str, Any]:
    """The fields of ``fact`` the strip shows (JSON values)."""
    value = list(fact.value) if isinstance(fact.value, tuple) else fact.value
    return {"report_year": fact.year, "figure_year": fact.figure_year,
            "figure_span": list(fact.figure_span) if fact.figure_span else None,
            "period": fact.period.value if fact.period else None, "measure": fact.measure.value, "value": value,
            "unit": fact.unit, "modifier": fact.modifier.value, "kind": fact.kind.value, "quote": fact.quote}


def lexicon_data(project) -> dict[str, Any]:
    """The lexicon file of ``project`` (see :mod:`erqi_diff.extract.derived`);
    :class:`erqi_diff.extract.lexicon.LexiconError` (or OSError) when its
    ``slogans.toml`` cannot be read."""
    from erqi_diff.core.cache import digest
    from erqi_diff.extract.lexicon import load

    own = own_lexicon(project)
    lexicon = load(project.root)
    return {"format": FORMAT, "code": code_digest(), "own": None if own is None else digest(own),
            "entries": [[e.name, list(e.forms), e.topic] for e in lexicon.entries],
            "exclude": sorted(lexicon.exclude), "since": [list(x) for x in lexicon.since]}


def render_lexicon(data: dict[str, Any]) -> str:
    """The text of the lexicon file: one line an entry."""
    def line(x: Any) -> str:
        return json.dumps(x, ensure_ascii=False)

    head = ",\n".join(f"{line(k)}: {line(v)}" for k, v in data.items() if k != "entries")
    rows = ",\n".join(line(e) for e in data["entries"])
    return "{" + head + ',\n"entries": [\n' + rows + "\n]}\n"


def render(data: dict[str, Any]) -> str:
    """The text of a derived file: one line a figure or a candidate, so that a change reads well in git."""
    def line(x: Any) -> str:
        return json.dumps(x, ensure_ascii=False)

    def rows(items: list) -> str:
        return "[\n" + ",\n".join(line(x) for x in items) + "\n]" if items else "[]"

    head = ",\n".join(f"{line(k)}: {line(v)}" for k, v in data.items() if k not in ("metrics", "candidates"))
    found = data["candidates"]
    return ("{" + head + ',\n"metrics": ' + rows(data["metrics"]) + ',\n"candidates": {"strong": '
            + rows(found["strong"]) + ',\n"weak": ' + rows(found["weak"]) + "}}\n")


def stale(project) -> list[int]:
    """The years whose snapshot reads but whose derived file is missing, made
    from another snapshot or by other code, or unreadable: the diff view
    computes what it would hold (slower, the same result)."""
    from erqi_diff.core.snapshot import load_available

    return [snap.year for snap in load_available(project, project.years) if read(project, snap) is None]


def refresh(project) -> list[DerivedResult]:
    """Bring ``snapshots/.derived`` up to date with the project's snapshots:
    write the file of every snapshot whose file is not current, remove the
    files of years the project has no snapshot of (and temporary files a
    killed run left). A snapshot that cannot be read gets no file."""
    from erqi_diff.core.fsutil import atomic_write_text
    from erqi_diff.core.snapshot import load_available

    folder = project.snapshots_dir / FOLDER
    results = []
    snaps = load_available(project, project.years)
    if snaps:
        folder.mkdir(parents=True, exist_ok=True)
    for snap in snaps:
        rel = f"snapshots/{FOLDER}/{snap.year}.json"
        fresh = compute(snap, project)
        if read(project, snap) == fresh:
            results.append(DerivedResult(snap.year, Action.UNCHANGED, rel))
            continue
        atomic_write_text(path_for(project, snap.year), render(fresh))
        results.append(DerivedResult(snap.year, Action.WRITTEN, rel))
    if snaps:
        results.extend(_refresh_lexicon(project))
        results.extend(_refresh_manifest(project))
        results.extend(_refresh_pairs(project, [snap.year for snap in snaps]))
        results.extend(_refresh_diffs(project, snaps))
    kept = {f"{snap.year}.json" for snap in snaps}
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            stray = (path.suffix == ".json" and path.stem.isdigit() and path.name not in kept) or \
                (path.name in (LEXICON, MANIFEST, PAIRS, DIFFS) and not snaps)
            if (stray or (path.name.startswith(".") and path.name.endswith(".tmp"))) and path.is_file():
                try:
                    path.unlink()
                except OSError:
                    continue
                if stray:
                    results.append(DerivedResult(int(path.stem), Action.REMOVED, f"snapshots/{FOLDER}/{path.name}"))
    return results


MANIFEST = "manifest.json"  # erqi_diff.core.project.PARSED_MANIFEST
DIFFS = "diffs.json"  # erqi_diff.compare.stored.DIFFS


def _refresh_manifest(project) -> list[DerivedResult]:
    """Write ``manifest.json`` (the manifest parsed: :data:`erqi_diff.core.project.PARSED_MANIFEST`)
    when it is not current."""
    from erqi_diff.core.project import PARSED_MANIFEST, manifest_data

    path, rel = project.root / PARSED_MANIFEST, PARSED_MANIFEST.as_posix()
    data = manifest_data(project.root)
    text = "{" + ",\n".join(f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items()
                            if k != "reports")
    text += ',\n"reports": [\n' + ",\n".join(json.dumps(r, ensure_ascii=False) for r in data["reports"]) + "\n]}\n"
    return _write_if_changed(path, rel, text)


def _write_if_changed(path, rel: str, text: str) -> list[DerivedResult]:
    """Write ``text`` to ``path`` (atomically) unless it holds it already."""
    from erqi_diff.core.fsutil import atomic_write_text

    try:
        if path.read_text(encoding="utf-8") == text:
            return [DerivedResult(None, Action.UNCHANGED, rel)]
    except (OSError, ValueError):
        pass
    atomic_write_text(path, text)
    return [DerivedResult(None, Action.WRITTEN, rel)]


def _refresh_lexicon(project) -> list[DerivedResult]:
    """Write ``lexicon.json`` when it is not current; remove it when the
    project's ``slogans.toml`` cannot be read (the diff reports the error)."""
    from erqi_diff.extract.lexicon import LexiconError

    path, rel = lexicon_path(project), f"snapshots/{FOLDER}/{LEXICON}"
    try:
        text = render_lexicon(lexicon_data(project))
    except (LexiconError, OSError):
        if not path.is_file():
            return []
        path.unlink()
        return [DerivedResult(None, Action.REMOVED, rel)]
    return _write_if_changed(path, rel, text)


def _refresh_pairs(project, years: list[int]) -> list[DerivedResult]:
    """Write ``pairs.json`` (:mod:`erqi_diff.extract.pairstrip`) when it is not
    current (its keys, not its content: computing it costs a slogan strip a
    pair); remove it when the project has fewer than two readable
    snapshots or its ``slogans.toml`` cannot be read. ``years``: the years of the readable snapshots."""
    from erqi_diff.extract import pairstrip
    from erqi_diff.extract.lexicon import LexiconError

    path, rel = pairstrip.path_for(project), f"snapshots/{FOLDER}/{PAIRS}"
    if pairstrip.current(project, years):
        return [DerivedResult(None, Action.UNCHANGED, rel)]  # its keys say it is what the code would make now
    try:
        data = pairstrip.compute(project)
    except (LexiconError, OSError):
        data = None
    if data is None:
        if not path.is_file():
            return []
        path.unlink()
        return [DerivedResult(None, Action.REMOVED, rel)]
    return _write_if_changed(path, rel, pairstrip.render(data))


def _refresh_diffs(project, snaps: list) -> list[DerivedResult]:
    """Write ``diffs.json`` (:mod:`erqi_diff.compare.stored`: the diffs of the
    pairs :func:`erqi_diff.extract.pairstrip.chosen` names, within the budget
    of :func:`erqi_diff.compare.stored.chosen`) when it is not
    current (its keys, not its content: computing it costs a diff a pair);
    remove it when there is no pair to hold. ``snaps``: the readable snapshots."""
    from erqi_diff.compare import stored
    from erqi_diff.extract.pairstrip import chosen

    path, rel = stored.path_for(project), f"snapshots/{FOLDER}/{DIFFS}"
    pairs = stored.chosen(snaps, chosen([snap.year for snap in snaps]))
    if not pairs:
        if not path.is_file():
            return []
        path.unlink()
        return [DerivedResult(None, Action.REMOVED, rel)]
    if stored.current(project, snaps, pairs):
        return [DerivedResult(None, Action.UNCHANGED, rel)]
    return _write_if_changed(path, rel, stored.render(stored.compute(snaps, pairs)))

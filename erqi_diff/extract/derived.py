"""Derived files: what the diff strip needs of one report, computed once,
when the report is stored (as git keeps its index beside the objects).

``erqi-diff snapshot`` writes ``snapshots/.derived/<year>.json`` beside each
snapshot (:func:`refresh`); the strip of ``erqi-diff A B``
(:mod:`erqi_diff.extract.strip`) reads the two reports' files instead of
extracting their figures (:func:`read`), and does only the work that
needs both reports. A file is used only when it was made from the same
snapshot by the same code, which its key says::

    {"format": 1, "year": 2017,
     "input": "blake2b-256:<hex>:<length>",   # the snapshot's year, date and body
     "code": "blake2b-256:<hex>:<length>",    # the content of the strip's modules (strip.STRIP_MODULES)
     "metrics": [{"info": [...], "order": int|null, "figure": {...}}, ...]}

``metrics`` holds the report's metric facts (:func:`erqi_diff.extract.metrics.extract`),
in text order, each reduced to what the strip's choice needs:
``info`` (:data:`erqi_diff.extract.keymetric.Info`, the comparable key as a
list of strings and nulls), ``order`` (the indicator's place in the table of
:mod:`erqi_diff.extract.indicators`, null when not in it) and ``figure``
(the fields the strip shows, see :mod:`erqi_diff.extract.strip`).

The code is known by its content, not by modification times, so the files
committed with a project stay valid after a clone and a file made by other
code is never used. A file missing, stale, made by other code or unreadable
in any way is not used: the strip is then computed from the text, with the
same result (tests/test_derived.py checks both ways agree on every pair of
the three series).
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT = 1
FOLDER = ".derived"
_PACKAGE = Path(__file__).resolve().parent.parent
_code: str | None = None


class Action(str, enum.Enum):
    WRITTEN = "written"
    UNCHANGED = "unchanged"
    REMOVED = "removed"


@dataclass(frozen=True)
class DerivedResult:
    """What :func:`refresh` did with one derived file: ``year``, ``action``
    (written, unchanged, removed: a file of a year the project no longer
    has) and ``path`` relative to the project."""

    year: int
    action: Action
    path: str


def path_for(project, year: int) -> Path:
    return project.snapshots_dir / FOLDER / f"{year}.json"


def code_digest() -> str:
    """The digest of the content of the modules that compute the strip
    (:data:`erqi_diff.extract.strip.STRIP_MODULES`), read once a process."""
    global _code
    if _code is None:
        from erqi_diff.core.cache import digest
        from erqi_diff.extract.strip import STRIP_MODULES

        parts = []
        for name in STRIP_MODULES:
            data = (_PACKAGE / name).read_bytes()
            parts.append(f"{name}:{len(data)}:".encode() + data)
        _code = digest(b"\0".join(parts))
    return _code


def input_digest(snap) -> str:
    """The digest of what a report's derived data is computed from: its year, date and body."""
    from erqi_diff.core.cache import digest

    return digest(json.dumps([snap.year, snap.date, snap.body], ensure_ascii=False).encode("utf-8", "surrogatepass"))


def compute(snap) -> dict[str, Any]:
    """The derived file of snapshot ``snap`` (see the module doc)."""
    return {"format": FORMAT, "year": snap.year, "input": input_digest(snap), "code": code_digest(),
            "metrics": metric_picks(snap)}


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


def render(data: dict[str, Any]) -> str:
    """The text of a derived file: one line a figure, so that a change reads well in git."""
    def line(x: Any) -> str:
        return json.dumps(x, ensure_ascii=False)

    head = ",\n".join(f"{line(k)}: {line(v)}" for k, v in data.items() if k != "metrics")
    picks = ",\n".join(line(p) for p in data["metrics"])
    return "{" + head + ',\n"metrics": [\n' + picks + "\n]}\n"


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
    return data if _well_formed(data.get("metrics")) else None


def _well_formed(picks: Any) -> bool:
    return isinstance(picks, list) and all(_pick(p) for p in picks)


def _pick(p: Any) -> bool:
    if not isinstance(p, dict) or not isinstance(p.get("figure"), dict):
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
        fresh = compute(snap)
        if read(project, snap) == fresh:
            results.append(DerivedResult(snap.year, Action.UNCHANGED, rel))
            continue
        atomic_write_text(path_for(project, snap.year), render(fresh))
        results.append(DerivedResult(snap.year, Action.WRITTEN, rel))
    kept = {f"{snap.year}.json" for snap in snaps}
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            stray = path.suffix == ".json" and path.stem.isdigit() and path.name not in kept
            if (stray or (path.name.startswith(".") and path.name.endswith(".tmp"))) and path.is_file():
                try:
                    path.unlink()
                except OSError:
                    continue
                if stray:
                    results.append(DerivedResult(int(path.stem), Action.REMOVED, f"snapshots/{FOLDER}/{path.name}"))
    return results

"""The slogans part of the diff strip of pairs of reports, computed once when
the snapshots are stored (``snapshots/.derived/pairs.json``), so that the
first ``erqi-diff A B`` after ``erqi-diff snapshot`` (or after a clone, the
files being committed) does not find the slogans of two reports and trace
them through the series: the work of the strip that needs both reports
(:func:`erqi_diff.extract.strip.slogan_strip`) and, for returned and
retired slogans, every other report.

Which pairs: every pair of a series of up to :data:`ALL_PAIRS_UP_TO`
reports (at most 15 pairs, each costing a slogan strip: 25 ms on the seeds,
about 100 ms on national reports, so that ``snapshot`` stays quick); a
longer series gets no file, and any pair not in it is computed, with the
same result::

    {"format": 1,
     "code": "blake2b-256:<hex>:<length>",    # the strip's modules (derived.code_digest)
     "own": "blake2b-256:<hex>:<length>"|null,  # the project's slogans.toml (derived.own_key)
     "series": "blake2b-256:<hex>:<length>",  # every year of the project and the bytes of its snapshot
     "slogans": {"2017-2021": {<the slogans_* keys of erqi_diff.extract.strip's dict>}, ...}}

The file is used only when all three digests are those of now: a snapshot
rebuilt, added or removed anywhere in the series, another lexicon or other
code, and it is not used (the strip is computed from the text, the same
result: benchmarks/check_derived.py compares both ways on every pair).
"""

from __future__ import annotations

import json
from typing import Any

from erqi_diff.extract.derived import FOLDER, FORMAT, code_digest, own_key

PAIRS = "pairs.json"
#: A series of at most this many reports gets every pair; a longer one none
#: (the pairs grow with the square of the reports, each costing a slogan strip).
ALL_PAIRS_UP_TO = 6
_KEYS = {"slogans_added": str, "slogans_returned": dict, "slogans_retired": str, "slogans_back": dict,
         "slogans_changed": dict}


def path_for(project):
    return project.snapshots_dir / FOLDER / PAIRS


def series_key(project) -> str:
    """The digest of the project's years and the bytes of their snapshot files (a missing one: null)."""
    from erqi_diff.core.cache import digest

    parts: list[Any] = []
    for year in project.years:
        try:
            with open(project.snapshot_path(year), "rb") as fh:
                parts.append([year, digest(fh.read())])
        except OSError:
            parts.append([year, None])
    return digest(json.dumps(parts).encode("ascii"))


def chosen(years: list[int]) -> list[tuple[int, int]]:
    """The pairs (older, newer) the file holds for a series of ``years`` (in order): none for a long one."""
    if len(years) > ALL_PAIRS_UP_TO:
        return []
    return [(a, b) for i, a in enumerate(years) for b in years[i + 1:]]


def current(project, years: list[int]) -> bool:
    """The file is current for ``years`` (the readable snapshots' years):
    made by this code, with this lexicon, from these snapshots, holding
    the pairs :func:`chosen` names, each well formed (``erqi-diff snapshot``
    then keeps it without computing it again)."""
    data = _load(project)
    return data is not None and set(data["slogans"]) == {f"{a}-{b}" for a, b in chosen(years)} and all(
        _entry_ok(entry) for entry in data["slogans"].values())


def _load(project) -> dict[str, Any] | None:
    """The file's data when its keys are those of now, else None."""
    try:
        with open(path_for(project), "rb") as fh:
            data = json.loads(fh.read().decode("utf-8"))
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("code") != code_digest():
            return None
        own = own_key(project)
        if own == "" or data.get("own") != own or data.get("series") != series_key(project):
            return None
    except (OSError, ValueError):  # missing, unreadable, not UTF-8, not JSON
        return None
    return data if isinstance(data.get("slogans"), dict) else None


def read(project, older: int, newer: int) -> dict[str, Any] | None:
    """The slogans part of the strip of ``older`` → ``newer`` from the file,
    when it is current and holds that pair, well formed; else None."""
    data = _load(project)
    entry = None if data is None else data["slogans"].get(f"{older}-{newer}")
    return entry if _entry_ok(entry) else None


def _entry_ok(entry: Any) -> bool:
    return isinstance(entry, dict) and set(entry) == set(_KEYS) and all(
        isinstance(entry[key], list) and all(isinstance(x, kind) for x in entry[key]) for key, kind in _KEYS.items())


def compute(project) -> dict[str, Any] | None:
    """The file's data for ``project`` as its snapshots and lexicon are now;
    None when it has fewer than two readable snapshots or more than
    :data:`ALL_PAIRS_UP_TO`.
    :class:`erqi_diff.extract.lexicon.LexiconError` (or OSError) when its
    ``slogans.toml`` cannot be read."""
    from erqi_diff.core.snapshot import load_available
    from erqi_diff.extract import derived
    from erqi_diff.extract.strip import slogan_strip

    snaps = load_available(project, project.years)
    if not chosen([snap.year for snap in snaps]):
        return None
    lexicon = derived.lexicon(project)
    files = {snap.year: derived.read(project, snap) for snap in snaps}
    found = {year: derived.candidates(data) for year, data in files.items() if data is not None}
    variants = derived.variants(project, files)
    by_year = {snap.year: snap for snap in snaps}
    strips = {}
    for older, newer in chosen(list(by_year)):
        earlier = [s for s in snaps if s.year < older]
        later = [s for s in snaps if s.year > newer]
        strips[f"{older}-{newer}"] = slogan_strip(by_year[older], by_year[newer], lexicon, earlier, later,
                                                  found, variants)
    return {"format": FORMAT, "code": code_digest(), "own": own_key(project), "series": series_key(project),
            "slogans": strips}


def render(data: dict[str, Any]) -> str:
    """The text of the file: one line a pair, so that a change reads well in git."""
    def line(x: Any) -> str:
        return json.dumps(x, ensure_ascii=False)

    head = ",\n".join(f"{line(k)}: {line(v)}" for k, v in data.items() if k != "slogans")
    rows = ",\n".join(f"{line(k)}: {line(v)}" for k, v in data["slogans"].items())
    return "{" + head + ',\n"slogans": {\n' + rows + "\n}}\n"

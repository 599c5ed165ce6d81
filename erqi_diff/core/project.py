"""The project: a folder holding ``seeds/manifest.toml`` (a series of reports).

The root is the nearest ancestor of the working directory holding
``seeds/manifest.toml`` (as git finds ``.git``), unless given explicitly.
The manifest has one ``[[report]]`` table per raw report::

    [[report]]
    year = 2017                          # int, the key
    file = "000_316189b98bfa6228.txt"    # relative to seeds/, inside it
    date = "2018-01-13"                  # ISO date
    title = "区委十一届四次全体(扩大)会议"
    encoding = "gb18030"                 # optional
"""

from __future__ import annotations

import datetime as _dt
import os
from dataclasses import dataclass
from pathlib import Path

from erqi_diff.errors import ManifestError, ProjectNotFound

MANIFEST = Path("seeds") / "manifest.toml"


@dataclass(frozen=True)
class Report:
    """One manifest entry."""

    year: int
    file: str
    date: str
    title: str
    encoding: str | None = None


@dataclass(frozen=True)
class Project:
    root: Path
    reports: tuple[Report, ...]

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def snapshots_dir(self) -> Path:
        return self.root / "snapshots"

    @property
    def years(self) -> list[int]:
        return [r.year for r in self.reports]

    def report(self, year: int) -> Report:
        from erqi_diff.errors import UnknownYear

        for r in self.reports:
            if r.year == year:
                return r
        raise UnknownYear(year, self.years)

    def seed_path(self, report: Report) -> Path:
        return self.seeds_dir / report.file

    def snapshot_path(self, year: int) -> Path:
        return self.snapshots_dir / f"{year}.md"

    def check_snapshots_dir(self) -> None:
        """:class:`SnapshotError` when ``snapshots`` exists but is not a folder."""
        from erqi_diff.errors import SnapshotError

        folder = self.snapshots_dir
        if (folder.exists() or folder.is_symlink()) and not folder.is_dir():
            raise SnapshotError(f"{folder} is a file, not a folder: erqi-diff keeps the snapshots in it; "
                                "move or rename that file, then run `erqi-diff snapshot`")


def find_root(start: Path | str | None = None) -> Path:
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MANIFEST).is_file():
            return folder
    raise ProjectNotFound(
        f"no erqi-diff project here: no seeds/manifest.toml in {here} or any parent folder; "
        "run inside a project or pass --root DIR")


def load_project(root: Path | str | None = None) -> Project:
    """Load the project at ``root`` (or found from the working directory)."""
    if root is None:
        root_path = find_root()
    else:
        root_path = Path(root).resolve()
        if not (root_path / MANIFEST).is_file():
            raise ProjectNotFound(f"{root_path} is not an erqi-diff project: it has no seeds/manifest.toml")
    return Project(root_path, read_manifest(root_path))


#: The manifest parsed, kept beside the snapshots' derived files by ``erqi-diff snapshot``
#: (:func:`manifest_data`), so that a command need not import and run a TOML parser::
#:
#:     {"format": 1, "manifest": "blake2b-256:<hex>:<length>",   # the bytes of seeds/manifest.toml
#:      "reports": [[year, file, date, title, encoding|null], ...]}   # in the manifest's order
#:
#: Used only when the manifest's bytes are those it was made from; the seed
#: files' places are checked again each time, as when parsing.
PARSED_MANIFEST = Path("snapshots") / ".derived" / "manifest.json"


def read_manifest(root: Path) -> tuple[Report, ...]:
    """The reports of the manifest of the project at ``root``: from
    :data:`PARSED_MANIFEST` when it is current, else parsed (the same
    reports, the same errors)."""
    import json

    from erqi_diff.core.cache import digest

    path = root / MANIFEST
    try:
        text = path.read_bytes()
        with open(root / PARSED_MANIFEST, "rb") as fh:
            data = json.loads(fh.read().decode("utf-8"))
        current = isinstance(data, dict) and data.get("format") == 1 and data.get("manifest") == digest(text)
        rows = data.get("reports") if current else None
        if not current or not isinstance(rows, list) or not rows or not all(map(_row_ok, rows)):
            return parse_manifest(path)
    except (OSError, ValueError):  # none, unreadable, not UTF-8 or not JSON
        return parse_manifest(path)
    seeds = path.parent.resolve()
    reports = []
    for index, (year, file, date, title, encoding) in enumerate(rows, 1):
        _check_seed_place(seeds, file, f"{path}, report #{index}")
        reports.append(Report(year, file, date, title, encoding))
    return tuple(sorted(reports, key=lambda r: r.year))


def manifest_data(root: Path) -> dict:
    """What :data:`PARSED_MANIFEST` holds for the project at ``root`` now
    (:class:`ManifestError` when its manifest does not parse)."""
    from erqi_diff.core.cache import digest

    path = root / MANIFEST
    text = path.read_bytes()
    reports = parse_manifest(path, ordered=False)
    return {"format": 1, "manifest": digest(text),
            "reports": [[r.year, r.file, r.date, r.title, r.encoding] for r in reports]}


def _row_ok(row) -> bool:
    return (isinstance(row, list) and len(row) == 5 and isinstance(row[0], int) and not isinstance(row[0], bool)
            and all(isinstance(x, str) for x in row[1:4]) and (row[4] is None or isinstance(row[4], str)))


def parse_manifest(path: Path, ordered: bool = True) -> tuple[Report, ...]:
    """The reports of the manifest at ``path``, by year (in the manifest's
    order when not ``ordered``); :class:`ManifestError` saying what is wrong."""
    import tomllib

    where = str(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise ManifestError(f"{where} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ManifestError(f"{where} is not valid TOML: {exc}") from None
    entries = data.get("report")
    if not isinstance(entries, list) or not entries:
        raise ManifestError(f"{where} has no [[report]] tables: add one per raw report")
    seeds = path.parent.resolve()
    reports: list[Report] = []
    seen: dict[int, int] = {}
    for index, entry in enumerate(entries, 1):
        label = f"{where}, report #{index}"
        if not isinstance(entry, dict):
            raise ManifestError(f"{label} is not a table")
        for key, kind in (("year", int), ("file", str), ("date", (str, _dt.date)), ("title", str)):
            if key not in entry:
                raise ManifestError(f"{label} has no `{key}`")
            value = entry[key]
            if not isinstance(value, kind) or isinstance(value, bool):
                raise ManifestError(f"{label}: `{key}` must be {_kind_name(key)}, not {value!r}")
        extra = set(entry) - {"year", "file", "date", "title", "encoding"}
        if extra:
            raise ManifestError(f"{label} has unknown field(s): {', '.join(sorted(extra))}")
        year = entry["year"]
        if not 1000 <= year <= 9999:
            raise ManifestError(f"{label}: `year` must be a four-digit year, not {year}")
        if year in seen:
            raise ManifestError(f"{where}: year {year} appears twice (reports #{seen[year]} and #{index})")
        seen[year] = index
        date = entry["date"]
        date = date.isoformat() if isinstance(date, _dt.date) else date
        try:
            _dt.date.fromisoformat(date)
        except ValueError:
            raise ManifestError(f"{label}: `date` must be an ISO date like 2018-01-13, not {date!r}") from None
        encoding = entry.get("encoding")
        if encoding is not None and not isinstance(encoding, str):
            raise ManifestError(f"{label}: `encoding` must be a string")
        file = entry["file"]
        _check_seed_place(seeds, file, label)
        reports.append(Report(year, file, date, entry["title"], encoding))
    return tuple(sorted(reports, key=lambda r: r.year)) if ordered else tuple(reports)


def _check_seed_place(seeds: Path, file: str, label: str) -> None:
    """:class:`ManifestError` when the seed ``file`` is not inside the ``seeds`` folder."""
    try:
        target = (seeds / file).resolve()
    except (RuntimeError, OSError):  # a symbolic link that loops
        raise ManifestError(f"{label}: seeds/{file} is a symbolic link that loops (it leads back to itself): "
                            "replace it with the file it should point to") from None
    if Path(file).is_absolute() or seeds not in target.parents:
        raise ManifestError(f"{label}: file {file!r} points outside the seeds folder")


def _kind_name(key: str) -> str:
    return {"year": "an integer", "file": "a string", "date": "an ISO date", "title": "a string"}[key]

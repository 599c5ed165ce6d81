"""Snapshots: one normalized, committed, hand-editable file per year.

``snapshots/<year>.md`` is front matter between two ``---`` lines, one
``key: value`` per line with the value in JSON (so also valid YAML), then
the body in the text form of :mod:`erqi_diff.core.document`::

    ---
    year: 2017
    source: "000_316189b98bfa6228.txt"
    source_sha256: "…"            # of the raw seed bytes
    date: "2018-01-13"
    title: "区委十一届四次全体(扩大)会议"
    normalizer_version: 1
    body_sha256: "…"              # of the body as written: differs once edited by hand
    boilerplate: ["记者 景静"]     # bylines, captions, footers kept out of the body
    front: ["政府工作报告", "——2024年3月5日在…会议上", "国务院总理李强"]  # title, dateline, signature
    ---
    # 二七区委十一届四次全体（扩大）会议·解读
    ...

A snapshot's :class:`Status` is fresh, stale (seed, manifest entry or
normalizer changed since it was made), edited (body changed by hand) or
missing. ``snapshot`` never overwrites an edited body without ``--force``,
and then keeps the previous file beside it.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from erqi_diff.core.document import NORMALIZER_VERSION, Section, parse_body
from erqi_diff.errors import ErqiError, SnapshotError, UnknownYear
from erqi_diff.core.fsutil import atomic_write_text
from erqi_diff.core.project import Project, Report

if TYPE_CHECKING:  # made only by the commands that report them (start-up: core/build_records.py)
    from erqi_diff.core.build_records import BuildResult, YearInfo, YearStatus

FIELDS = ("year", "source", "source_sha256", "date", "title", "normalizer_version", "body_sha256", "boilerplate",
          "front")


class Status(str, enum.Enum):
    FRESH = "fresh"
    STALE = "stale"
    EDITED = "edited"
    STALE_EDITED = "stale+edited"
    MISSING = "missing"


def sha256(data: bytes | str) -> str:
    import hashlib

    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class ReportMeta:
    """A report's header, as every result that names a report gives it:
    ``year``, ``date``, ``title`` (from the manifest), ``source`` (the seed
    file), ``chars`` (characters of text) and ``sections`` (how many)."""

    year: int
    date: str
    title: str
    source: str = ""
    chars: int = 0
    sections: int = 0


@dataclass(frozen=True)
class Snapshot:
    """One year's normalized report, as stored in ``snapshots/<year>.md``.

    ``show --json`` prints it: the front matter's fields (``year``,
    ``source`` and its ``source_sha256``, ``date``, ``title``,
    ``normalizer_version``, ``body_sha256``, ``boilerplate``: the bylines,
    captions and footers kept out of the body), ``sections`` (each
    ``heading``, ``level`` and ``paragraphs``), ``front`` (title, dateline,
    signature lines the report opens with) and ``chars`` (characters of text)."""

    __json_extra__ = ("chars",)

    year: int
    source: str
    source_sha256: str
    date: str
    title: str
    normalizer_version: int
    body_sha256: str
    boilerplate: tuple[str, ...]
    body: str = field(metadata={"json": None})
    sections: tuple[Section, ...] = field(compare=False)
    path: Path | None = field(default=None, compare=False, metadata={"json": None})
    #: The lines the report opens with before its text (title, dateline,
    #: signature: :class:`erqi_diff.core.normalize.Normalized`); kept, not diffed.
    front: tuple[str, ...] = ()

    @property
    def edited(self) -> bool:
        return sha256(self.body) != self.body_sha256

    @property
    def chars(self) -> int:
        """Characters of text (headings and paragraphs, no whitespace)."""
        return sum(len(p) for s in self.sections for p in (s.heading, *s.paragraphs))

    def meta(self) -> ReportMeta:
        """The report's header (see :class:`ReportMeta`)."""
        return ReportMeta(self.year, self.date, self.title, self.source, self.chars, len(self.sections))

    def render(self) -> str:
        head = ["---"]
        for key in FIELDS:
            value = getattr(self, key)
            value = list(value) if isinstance(value, tuple) else value
            head.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
        head.append("---")
        return "\n".join(head) + "\n" + self.body


def build(project: Project, report: Report) -> Snapshot:
    """Read and normalize one seed; nothing is written."""
    from erqi_diff.core.normalize import normalize
    from erqi_diff.core.read import decode, read_bytes

    name = f"seeds/{report.file}"
    data = read_bytes(project.seed_path(report), name,
                      f"(year {report.year}) does not exist: check `file` in seeds/manifest.toml")
    text = decode(data, name, report.encoding)
    result = normalize(text)
    body = result.body
    if not body.strip():
        raise SnapshotError(f"{name} holds no report text once bylines and captions are taken out")
    return Snapshot(
        year=report.year, source=report.file, source_sha256=sha256(data), date=report.date,
        title=report.title, normalizer_version=NORMALIZER_VERSION, body_sha256=sha256(body),
        boilerplate=result.boilerplate, body=body, sections=result.sections,
        path=project.snapshot_path(report.year), front=result.front,
    )


def parse(text: str, where: str) -> Snapshot:
    """Parse the text of a snapshot file; ``where`` names it in errors."""
    fix = "fix it by hand or rebuild it with `erqi-diff snapshot --force`"
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise SnapshotError(f"{where}: no front matter (the first line must be ---); {fix}")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise SnapshotError(f"{where}: the front matter is never closed (no second --- line); {fix}") from None
    meta: dict = {}
    for number, line in enumerate(lines[1:end], 2):
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise SnapshotError(f"{where}, line {number}: expected `key: value`, got {line!r}; {fix}")
        try:
            meta[key.strip()] = json.loads(value.strip())
        except json.JSONDecodeError:
            raise SnapshotError(f"{where}, line {number}: the value of {key.strip()} is not valid: "
                                f"{value.strip()!r}; {fix}") from None
    kinds = {"year": int, "source": str, "source_sha256": str, "date": str, "title": str,
             "normalizer_version": int, "body_sha256": str, "boilerplate": list}
    for key, kind in kinds.items():
        if key not in meta:
            raise SnapshotError(f"{where}: the front matter has no `{key}`; {fix}")
        if not isinstance(meta[key], kind) or isinstance(meta[key], bool):
            raise SnapshotError(f"{where}: `{key}` must be {kind.__name__}, not {meta[key]!r}; {fix}")
    front = meta.get("front", [])
    if not isinstance(front, list):
        raise SnapshotError(f"{where}: `front` must be a list, not {front!r}; {fix}")
    body = "\n".join(lines[end + 1:])
    return Snapshot(
        year=meta["year"], source=meta["source"], source_sha256=meta["source_sha256"], date=meta["date"],
        title=meta["title"], normalizer_version=meta["normalizer_version"], body_sha256=meta["body_sha256"],
        boilerplate=tuple(str(b) for b in meta["boilerplate"]), body=body, sections=parse_body(body),
        front=tuple(str(f) for f in front),
    )


def load(project: Project, year: int) -> Snapshot:
    """The snapshot of ``year``; :class:`UnknownYear` if the series has no such year."""
    project.report(year)  # raises UnknownYear listing the years there are
    project.check_snapshots_dir()
    from erqi_diff.core.read import read_bytes

    path = project.snapshot_path(year)
    where = f"snapshots/{year}.md"
    data = read_bytes(path, where, "is missing: run `erqi-diff snapshot` to build it", SnapshotError)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise SnapshotError(f"{where} is not UTF-8 text; rebuild it with `erqi-diff snapshot --force`") from None
    snap = parse(text, where)
    if snap.year != year:
        raise SnapshotError(f"{where} says it is the snapshot of {snap.year}; fix its `year` or rebuild it")
    if not snap.sections:
        raise SnapshotError(f"{where} has an empty body; rebuild it with `erqi-diff snapshot --force`")
    return Snapshot(**{**snap.__dict__, "path": path})


def load_many(project: Project, years: list[int] | None = None) -> list[Snapshot]:
    """Snapshots of ``years`` (all of the series when None), oldest first."""
    if years is None:
        years = project.years
    for year in years:
        if year not in project.years:
            raise UnknownYear(year, project.years)
    return [load(project, y) for y in sorted(set(years))]


def load_available(project: Project, years: Iterable[int]) -> list[Snapshot]:
    """The snapshots of ``years`` that load, oldest first: one missing or
    broken is left out (for context only: whether a slogan stood in another
    report of the series)."""
    out = []
    for year in sorted(set(years)):
        try:
            out.append(load(project, year))
        except ErqiError:
            continue
    return out


_VERSION_LINE = re.compile(rb"^normalizer_version: (\d+)\r?$", re.M)


def other_normalizer(project: Project) -> dict[int, int]:
    """Year -> normalizer version of each snapshot built by a normalizer other
    than this one (read from the files' front matter only: cheap enough to
    run before every command). Missing or unreadable files are left to the
    commands that load them."""
    out = {}
    for year in project.years:
        try:
            with open(project.snapshot_path(year), "rb") as fh:
                head = fh.read(4096)
        except OSError:
            continue
        found = _VERSION_LINE.search(head)
        if found and int(found.group(1)) != NORMALIZER_VERSION:
            out[year] = int(found.group(1))
    return out


def series_years(project: Project) -> list[YearInfo]:
    """Every report of the manifest with its snapshot's size and status."""
    from erqi_diff.core.build_records import YearInfo

    rows = []
    for report in project.reports:
        st = status(project, report)
        snap = st.snapshot
        rows.append(YearInfo(report.year, report.date, report.title, snap.chars if snap else None,
                             len(snap.sections) if snap else None, st.status))
    return rows


def status(project: Project, report: Report, fresh: Snapshot | None = None) -> YearStatus:
    """Compare the snapshot file with what the seed and normalizer make now."""
    from erqi_diff.core.build_records import YearStatus
    from erqi_diff.core.read import read_bytes
    from erqi_diff.errors import SeedError

    project.check_snapshots_dir()
    try:
        current = load(project, report.year)
    except SnapshotError as exc:
        if not project.snapshot_path(report.year).exists():
            return YearStatus(report.year, Status.MISSING, "no snapshot file", None)
        raise exc
    reasons = []
    seed = project.seed_path(report)
    if fresh:
        seed_sha = fresh.source_sha256
    else:
        try:
            seed_sha = sha256(read_bytes(seed, f"seeds/{report.file}", "does not exist"))
        except SeedError:  # missing, a folder, a FIFO...: `snapshot` says what is wrong with it
            seed_sha = ""
    if current.source_sha256 != seed_sha or current.source != report.file:
        reasons.append("seed changed")
    if current.normalizer_version != NORMALIZER_VERSION:
        reasons.append(f"normalizer {current.normalizer_version} -> {NORMALIZER_VERSION}")
    if (current.date, current.title) != (report.date, report.title):
        reasons.append("manifest entry changed")
    edited = current.edited
    if reasons and edited:
        return YearStatus(report.year, Status.STALE_EDITED, "; ".join(reasons) + "; body edited by hand", current)
    if reasons:
        return YearStatus(report.year, Status.STALE, "; ".join(reasons), current)
    if edited:
        return YearStatus(report.year, Status.EDITED, "body edited by hand", current)
    return YearStatus(report.year, Status.FRESH, "", current)


def build_all(project: Project, force: bool = False) -> list[BuildResult]:
    """Build every snapshot of the manifest.

    Every seed is read and normalized before anything is written, so a bad
    seed leaves all files as they were. An edited snapshot that would change
    is refused (SnapshotError with the difference) unless ``force``, which
    keeps the old file as ``<year>.md.bak`` (or ``.bak.N``) beside the new.
    """
    from erqi_diff.core.build_records import Action, BuildResult

    built = [build(project, r) for r in project.reports]
    plans: list[tuple[Snapshot, YearStatus]] = []
    refusals: list[str] = []
    for report, snap in zip(project.reports, built):
        st = status(project, report, snap)
        plans.append((snap, st))
        if st.status is Status.STALE_EDITED and not force:
            refusals.append(_refusal(st, snap))
    if refusals:
        raise SnapshotError("\n\n".join(refusals))
    project.check_snapshots_dir()
    try:
        project.snapshots_dir.mkdir(exist_ok=True)
    except OSError as exc:
        raise SnapshotError(f"cannot make the folder {project.snapshots_dir}: {exc.strerror or exc}") from None
    remove_stale_temporaries(project.snapshots_dir)
    results = []
    for snap, st in plans:
        path = project.snapshot_path(snap.year)
        rel = f"snapshots/{snap.year}.md"
        if st.status is Status.FRESH:
            results.append(BuildResult(snap.year, Action.UNCHANGED, rel))
        elif st.status is Status.EDITED and not force:
            results.append(BuildResult(snap.year, Action.KEPT_EDITED, rel))
        elif st.status in (Status.EDITED, Status.STALE_EDITED):
            backup = _backup_path(path)
            backup.write_bytes(path.read_bytes())
            atomic_write_text(path, snap.render())
            results.append(BuildResult(snap.year, Action.OVERWRITTEN, rel, f"snapshots/{backup.name}"))
        else:
            atomic_write_text(path, snap.render())
            results.append(BuildResult(snap.year, Action.WRITTEN, rel))
    return results


_TEMPORARY = re.compile(r"^\.\d{4}\.md\..+\.tmp$")


def remove_stale_temporaries(folder: Path) -> list[str]:
    """Remove the temporary files (``.YEAR.md.*.tmp``) a run killed while
    writing a snapshot left behind; the names of those removed."""
    removed = []
    for path in folder.iterdir():
        if _TEMPORARY.match(path.name) and path.is_file():
            try:
                path.unlink()
                removed.append(path.name)
            except OSError:
                pass
    return removed


def _backup_path(path: Path) -> Path:
    candidate = path.with_name(path.name + ".bak")
    n = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.name}.bak.{n}")
        n += 1
    return candidate


def _refusal(st: YearStatus, new: Snapshot) -> str:
    import difflib

    old = st.snapshot.body if st.snapshot else ""
    diff = difflib.unified_diff(old.splitlines(), new.body.splitlines(),
                                f"snapshots/{st.year}.md (edited)", f"snapshots/{st.year}.md (rebuilt)",
                                lineterm="", n=1)
    shown = list(diff)
    if len(shown) > 40:
        shown = shown[:40] + [f"... ({len(shown) - 40} more lines)"]
    return (f"refusing to overwrite snapshots/{st.year}.md: its body was edited by hand and "
            f"it is stale ({st.reason}). Rebuilt, it would change like this:\n" + "\n".join(shown) +
            "\nKeep your edits by re-applying them after `erqi-diff snapshot --force` "
            "(which keeps the edited file as a .bak beside it).")

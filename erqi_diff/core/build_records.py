"""What ``snapshot``, ``snapshot --check`` and ``years`` report of each
year (made by :mod:`erqi_diff.core.snapshot`'s :func:`~erqi_diff.core.snapshot.status`,
:func:`~erqi_diff.core.snapshot.series_years` and :func:`~erqi_diff.core.snapshot.build_all`).
Kept apart from the snapshots themselves: the diff view reads snapshots and
need not make these classes (each frozen dataclass costs start-up time)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from erqi_diff.core.snapshot import Snapshot, Status


@dataclass(frozen=True)
class YearStatus:
    """A snapshot's state, as ``snapshot --check --json`` lists it: ``year``,
    ``status`` (fresh, stale, edited, stale+edited, missing) and ``reason``
    (what changed; "" when fresh). ``snapshot`` is the file as it is, when
    it could be read (not in the JSON)."""

    year: int
    status: Status
    reason: str
    snapshot: Snapshot | None = field(default=None, metadata={"json": None})


@dataclass(frozen=True)
class YearInfo:
    """One report of the series, as ``years --json`` lists it: the manifest's
    ``year``, ``date`` and ``title``, the snapshot's ``chars`` and
    ``sections`` (None when it cannot be read) and its ``status``."""

    year: int
    date: str
    title: str
    chars: int | None
    sections: int | None
    status: Status


class Action(str, enum.Enum):
    WRITTEN = "written"
    UNCHANGED = "unchanged"
    KEPT_EDITED = "kept (edited by hand)"
    OVERWRITTEN = "overwritten (backup kept)"


@dataclass(frozen=True)
class BuildResult:
    """What ``snapshot`` did for one year: ``action``, the snapshot's path
    (relative to the project) and the backup kept, if any."""

    year: int
    action: Action
    path: str
    backup: str | None = None

"""Exceptions raised by the library.

Every error a user can cause derives from :class:`ErqiError`; the CLI turns
it into a message and exit status 2 (diff's code for trouble). Messages say
what is wrong and what to do.
"""

from __future__ import annotations


class ErqiError(Exception):
    """Base class of every error erqi-diff reports to a user."""


class ProjectNotFound(ErqiError):
    """No seeds/manifest.toml in the directory or any of its parents."""


class ManifestError(ErqiError):
    """seeds/manifest.toml is missing a field, has a wrong type, a duplicate year..."""


class SeedError(ErqiError):
    """A raw report cannot be read: missing, empty, binary, undecodable, outside seeds/."""


class SnapshotError(ErqiError):
    """A snapshot file is missing, malformed, or would be overwritten unsafely."""


class UnknownYear(ErqiError):
    """A year was asked for that the series does not have."""

    def __init__(self, year: int, available: list[int]) -> None:
        self.year = year
        self.available = sorted(available)
        listed = ", ".join(str(y) for y in self.available) or "none"
        super().__init__(f"there is no snapshot for {year}; years available: {listed}")


class UsageError(ErqiError):
    """Arguments that cannot work together (a year given twice, FROM after TO...)."""


class OutputError(ErqiError):
    """An output file cannot be written (missing or read-only folder)."""

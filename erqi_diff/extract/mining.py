"""Fixed phrases recurring across a series with the shape of a formula."""

from __future__ import annotations

from collections.abc import Mapping

from erqi_diff.extract.candidates import Candidate
from erqi_diff.extract.textkey import KeyText


def mine(snaps: list, texts: Mapping[int, KeyText]) -> list[Candidate]:
    return []

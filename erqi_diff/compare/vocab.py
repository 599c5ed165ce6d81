"""The words of a section pairing that its results carry: a section's
:class:`Role`, a link's :class:`Relation` and :class:`Basis`.

They live here, apart from the modules that compute them
(:mod:`erqi_diff.compare.outline`, :mod:`erqi_diff.compare.grouping`, which
re-export them), so that a diff read back from its stored form
(:mod:`erqi_diff.compare.stored`) and the views that show it import no
pairing code.
"""

from __future__ import annotations

import enum


class Role(str, enum.Enum):
    """What a section is for."""

    REVIEW = "review"  # what was done (the past year, five years, the first half)
    PLAN = "plan"      # what is to be done (targets, policies, tasks)
    OTHER = "other"    # neither is told apart: an opening, a quote, a mixed part

    def compatible(self, other: Role) -> bool:
        """A review is never read against a plan."""
        return {self, other} != {Role.REVIEW, Role.PLAN}


class Relation(str, enum.Enum):
    """How a link stands among the others of its sections."""

    ONE = "one"      # one older section, one newer
    SPLIT = "split"  # one older section goes on in several newer ones
    MERGE = "merge"  # several older sections go on in one newer one


class Basis(str, enum.Enum):
    """Why two sections were paired."""

    TEXT = "text"        # the same text
    HEADING = "heading"  # the same heading, once in each report
    TOPIC = "topic"      # the same topic (the score)
    OUTLINE = "outline"  # their subsections are paired with each other
    FOLLOWUP = "followup"  # a year's plan and the next report's review of that year (erqi_diff.compare.followup)

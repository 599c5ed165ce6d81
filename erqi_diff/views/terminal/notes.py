"""What the diff view says of a section without a partner: where its topic
is told (folded, drawn), where the sections under a heading went
(regrouped), or which counterpart is likeliest (unsure)."""

from __future__ import annotations

from erqi_diff.compare.diff import SectionDiff, Status
from erqi_diff.views import format as fmt


def _label(heading: str | None) -> str:
    return heading if heading else "(untitled lead)"


def host_note(s: SectionDiff) -> str:
    """Where the topic of a section without a partner is told in the other
    report: ``folded into 一、2023年工作回顾 (no section of its own)``."""
    host = _label(s.host.heading) if s.host is not None else "?"
    if s.status is Status.REGROUPED:
        return regrouped_note(s)
    if s.status is Status.FOLDED:
        return f"folded into {host} (no section of its own)"
    return f"drawn out of {host} (no section of its own there)"


def unsure_note(s: SectionDiff) -> str:
    """Why a section without a partner is not called added or removed:
    ``no clear counterpart: likeliest 第四，… (similarity 0.16), a rival nearly as alike``."""
    host = _label(s.host.heading) if s.host is not None else "?"
    return f"no clear counterpart: likeliest {host} (similarity {s.similarity or 0:.2f}), a rival nearly as alike"


def regrouped_note(s: SectionDiff) -> str:
    """Where the sections under a regrouped heading went (or came from):
    ``regrouped: 2 sections under it paired with sections in “进、干、暖、严” (no heading of its own there)``."""
    count = f"{fmt.part_of(len(s.held), s.below, 'section')} under it paired"
    where = f"in {_label(s.host.heading)}" if s.host is not None else "in several parts"
    return f"regrouped: {count} {'with' if s.from_sections else 'from'} sections {where} (no heading of its own there)"

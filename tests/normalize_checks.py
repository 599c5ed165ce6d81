"""The two invariants every normalizer rule keeps, for the property tests:
normalizing twice changes nothing, and no character of the raw text is lost."""

from __future__ import annotations

from erqi_diff.core.normalize import normalize, normalize_text


def assert_idempotent_and_nothing_lost(raw: str, ignored: str = " \n") -> None:
    """``raw`` normalized once is normalized already, and it keeps every
    character of ``raw`` but those of ``ignored`` (line breaks and spaces the
    layout re-flows), headings, boilerplate and front matter included."""
    result = normalize(raw)
    once = result.body
    assert normalize_text(once) == once
    kept = "".join(s.heading + "".join(s.paragraphs) for s in result.sections) + "".join(result.boilerplate + result.front)
    drop = str.maketrans("", "", ignored)
    assert sorted(kept.translate(drop)) == sorted(raw.translate(drop))

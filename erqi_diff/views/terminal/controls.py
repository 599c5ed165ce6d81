"""rich's Text strips control codes from every string it is given
(``rich.control.strip_control_codes``) with ``str.translate``, which is slow
on Chinese text: about 0.25 µs a character, some 10 ms on the first
``erqi-diff 2017 2021`` of the seeds, where a report's text passes through
several Text objects (built, joined, divided into lines). Reports rarely hold
a control code: :func:`strip_control_codes` looks for one first (``in``, fast
on any text) and leaves the translating to rich where there is one, so the
result is rich's, string for string. :func:`install` puts it in place of
rich's in :mod:`rich.text` (what Text calls); every console erqi-diff makes
does (:func:`erqi_diff.cli.common.make_console`)."""

from __future__ import annotations

import rich.text
from rich.control import _CONTROL_STRIP_TRANSLATE, STRIP_CONTROL_CODES
from rich.control import strip_control_codes as rich_strip_control_codes

_CODES = tuple(map(chr, STRIP_CONTROL_CODES))


def strip_control_codes(text: str, _translate_table: dict[int, None] = _CONTROL_STRIP_TRANSLATE) -> str:
    """``text`` without the control codes rich strips (rich's own function,
    with the same arguments, where there is one)."""
    if _translate_table is _CONTROL_STRIP_TRANSLATE:
        for code in _CODES:
            if code in text:
                break
        else:
            return text
    return rich_strip_control_codes(text, _translate_table)


def install() -> None:
    """Text (and Lines, divide, wrap...) strips control codes with :func:`strip_control_codes`."""
    rich.text.strip_control_codes = strip_control_codes

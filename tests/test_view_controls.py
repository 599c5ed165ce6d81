"""erqi_diff.views.terminal.controls: rich's Text strips control codes as
before, without translating Chinese text that holds none."""

from __future__ import annotations

import rich.text
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.control import strip_control_codes as rich_strip

from erqi_diff.cli.common import make_console
from erqi_diff.views.terminal import controls

_TEXT = st.text(alphabet=st.sampled_from(list("推进供给侧结构性改革，。abc 1\x07\x08\x0b\x0c\r\n\t\x1b")), max_size=40)


@settings(deadline=None)
@given(_TEXT)
def test_the_same_as_richs(text: str) -> None:
    assert controls.strip_control_codes(text) == rich_strip(text)


@settings(deadline=None)
@given(_TEXT, st.sets(st.sampled_from([7, 8, 9, 10, 13, 27])))
def test_the_same_as_richs_with_another_table(text: str, codes: set[int]) -> None:
    table: dict[int, None] = dict.fromkeys(codes)
    assert controls.strip_control_codes(text, table) == rich_strip(text, table)


def test_every_console_erqi_diff_makes_uses_it() -> None:
    make_console()
    assert rich.text.strip_control_codes is controls.strip_control_codes
    assert rich.text.Text("两不愁\r三保障\x07").plain == "两不愁三保障"
    assert rich.text.Text("两不愁三保障").plain == "两不愁三保障"

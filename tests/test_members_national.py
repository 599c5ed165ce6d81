"""The members rule on the national reports (../shared/corpora/gwr): the claims a blind reader checked."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def strips(gwr_root):
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many
    from erqi_diff.extract.strip import slogan_strip

    project = load_project(gwr_root)
    years = sorted(project.years)
    snaps = {s.year: s for s in load_many(project, years)}

    def strip(a: int, b: int) -> dict:
        return slogan_strip(snaps[a], snaps[b], None, [snaps[y] for y in years if y < a],
                            [snaps[y] for y in years if y > b])
    return strip


def test_2023_2024(strips) -> None:
    s = strips(2023, 2024)
    returned = {r["slogan"]: r for r in s["slogans_returned"]}
    assert "转方式、调结构、提质量、增效益" in s["slogans_added"]          # 2015 has only the two-part form
    assert returned["逆周期调节"]["since"] == 2022                           # held by 跨周期和逆周期调节 in 2022
    assert returned["逆周期调节"]["within"] == "跨周期和逆周期调节"          # ... and said so
    assert (returned["逆周期和跨周期调节"]["as"], returned["逆周期和跨周期调节"]["within"]) == ("跨周期和逆周期调节", "")
    assert returned["未来产业"]["since"] == 2014                             # 引领未来产业发展 (2014)
    assert "现代企业制度" not in s["slogans_retired"]                         # 完善中国特色现代企业制度 (2024)
    assert "保基本、兜底线、促公平" in s["slogans_retired"]
    assert not any(c["from"] == "保基本、兜底线、促公平" for c in s["slogans_changed"])
    assert "两不愁三保障" in s["slogans_retired"]
    assert not any(b["slogan"] == "两不愁三保障" for b in s["slogans_back"])  # 三保障 (2025) is not it


def test_2022_2023_and_2024_2025(strips) -> None:
    s = strips(2022, 2023)
    assert "保基本、兜底线、促公平" in s["slogans_added"]                     # 2015's triad has 建机制
    s = strips(2024, 2025)
    assert all(r["as"] != "两不愁三保障" for r in s["slogans_returned"])

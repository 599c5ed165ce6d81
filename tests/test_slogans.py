"""Slogans on the seeds (against tests/data/slogans_gold.json, checked by
reading), variant lineages, generic patterns on hand-made and national
texts, and the diff strip built from them."""

from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from erqi_diff.extract import slogans
from erqi_diff.extract.slogans import key_of
from erqi_diff.core.snapshot import load, load_many
from erqi_diff.extract.strip import diff_strip

from extract_quality import gold, make_snapshot, score_slogans


@pytest.fixture(scope="module")
def seed_slogans(seeds_project):
    return slogans.extract(load_many(seeds_project))


def _group(found, form: str):
    for s in found:
        forms = [v.slogan for v in s.variants] or [s.slogan]
        if key_of(form) in map(key_of, forms):
            return s
    return None


def test_seeds_against_the_hand_checked_list(seed_slogans) -> None:
    score = score_slogans(seed_slogans, gold("slogans")["seeds"], "seeds")
    assert score.recall >= 0.95, score
    assert score.precision >= 0.8, score


LINEAGES = [
    ("智慧督察", "智慧督查", (2016,), (2017, 2021)),
    ("控尘、控煤、控烟、控车、控企", "控尘、控煤、控排、控企", (2016,), (2016,)),
    ("现代化国际化复合型城区", "现代化国际化生态化新城区", (2016,), (2017, 2018, 2021)),
]


@pytest.mark.parametrize("old, new, old_years, new_years", LINEAGES, ids=[l[1] for l in LINEAGES])
def test_variant_lineage_on_the_seeds(seed_slogans, old, new, old_years, new_years) -> None:
    group = _group(seed_slogans, old)
    assert group is not None and group is _group(seed_slogans, new)
    years = {v.slogan: v.years for v in group.variants}
    assert years[old] == old_years and years[new] == new_years
    assert set(group.years) == set(old_years) | set(new_years)


def test_timeline_of_the_seeds(seed_slogans) -> None:
    by_name = {s.slogan: s for s in seed_slogans}
    assert by_name["三个二七"].years == (2016, 2017, 2018, 2019, 2021)
    assert by_name["三个二七"].counts[2016] == 3
    assert by_name["六个争先出彩"].years == (2021,)
    assert by_name["四梁八柱"].years == (2016, 2021)  # quoted in 2016, bare in 2021
    assert by_name["项目建设奋力推进年"].first == 2016
    record = by_name["三个二七"].to_json()
    assert set(record) == {"slogan", "years", "counts", "variants"}
    assert record["counts"] == {"2016": 3, "2017": 3, "2018": 2, "2019": 2, "2021": 3}


def test_quotes_punctuation_and_spacing_are_one_slogan() -> None:
    snaps = [make_snapshot(2001, "推进“美丽东城”建设。\n"), make_snapshot(2002, "推进‘美丽东城’建设。\n"),
             make_snapshot(2003, "推进「美丽 东城」建设。\n")]
    found = slogans.extract(snaps)
    assert [(s.slogan, s.years) for s in found] == [("美丽东城", (2001, 2002, 2003))]


GENERIC = [
    # not one Erqi name: the patterns are generic
    ("打造美丽东城、活力东城、幸福东城。", "美丽东城、活力东城、幸福东城"),
    ("落实“五个坚持”。", "五个坚持"),
    ("深化“两学一做”学习教育。", "两学一做"),
    ("构建一核两翼三带的发展格局。", "一核两翼三带"),
    ("开展民生改善全面提升年活动。", "民生改善全面提升年"),
    ("实施“清洁家园行动”。", "清洁家园行动"),
    ("建设现代化国际化生态化中心城区。", "现代化国际化生态化中心城区"),
    ("确保工地“6个100%”达标。", "6个100%"),
]


@pytest.mark.parametrize("text, slogan", GENERIC, ids=[g[1] for g in GENERIC])
def test_generic_patterns(text: str, slogan: str) -> None:
    found = slogans.extract([make_snapshot(2001, text + "\n")])
    assert slogan in [s.slogan for s in found]


NOT_SLOGANS = [
    "被评为“全国文明城区”。",
    "荣获“城区金杯”称号。",
    "他说：“我们要倍加珍惜来之不易的奋斗成果，把智慧和力量凝聚起来。”",
    "大学路街道、建中街街道、淮河路街道积极配合。",
    "全区共有3所学校、5家医院。",
    "坚持稳中求进工作总基调。",
]


@pytest.mark.parametrize("text", NOT_SLOGANS)
def test_not_slogans(text: str) -> None:
    assert slogans.extract([make_snapshot(2001, text + "\n")]) == []


def test_national_reports(gwr_project) -> None:
    found = slogans.extract(load_many(gwr_project))
    by_name = {s.slogan: s for s in found}
    assert by_name["一带一路"].years == (2015, 2022, 2023, 2024, 2025)
    assert by_name["四个全面"].years[0] == 2015
    assert 2022 in by_name["两个确立"].years
    # one-character twins used side by side in one report are two slogans
    assert _group(found, "最初一公里") is not _group(found, "最后一公里")


def test_added_and_retired() -> None:
    snaps = [make_snapshot(2001, "推进“美丽东城”和“智慧东城”。\n"), make_snapshot(2002, "推进“美丽东城”和“平安东城”。\n")]
    found = slogans.extract(snaps)
    assert slogans.added_retired(found, 2001, 2002) == (["平安东城"], ["智慧东城"])


def test_strip_2017_2021(seeds_project) -> None:
    strip = diff_strip(load(seeds_project, 2017), load(seeds_project, 2021))
    assert set(strip) == {"slogans_added", "slogans_retired", "metrics"}
    assert "六个争先出彩" in strip["slogans_added"]
    assert "四重点一稳定一保证" in strip["slogans_retired"]
    everywhere = strip["slogans_added"] + strip["slogans_retired"]
    assert "三个二七" not in everywhere and "智慧督查" not in everywhere
    gdp = next(m for m in strip["metrics"] if m["indicator"] == "GDP")
    assert (gdp["from"]["value"], gdp["to"]["value"]) == (567, 773)
    # each figure filed under the year it describes: 2021's 773亿元 is 2020's
    assert (gdp["from"]["figure_year"], gdp["to"]["figure_year"], gdp["to"]["report_year"]) == (2017, 2020, 2021)


def test_strip_variant_is_neither_added_nor_retired(seeds_project) -> None:
    strip = diff_strip(load(seeds_project, 2016), load(seeds_project, 2017))
    everywhere = strip["slogans_added"] + strip["slogans_retired"]
    for form in ("智慧督察", "智慧督查", "现代化国际化复合型城区", "现代化国际化生态化新城区"):
        assert form not in everywhere


def test_strip_shows_half_year_as_half_year(seeds_project) -> None:
    strip = diff_strip(load(seeds_project, 2017), load(seeds_project, 2018))
    gdp = next(m for m in strip["metrics"] if m["indicator"] == "GDP")
    assert gdp["from"]["period"] == "year" and gdp["to"]["period"] == "half" and not gdp["comparable"]


def test_strip_imports_nothing_heavy() -> None:
    import subprocess
    import sys

    code = ("import sys, erqi_diff.extract.strip; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'jieba', 'opencc', 'duckdb', 'pygal', 'click')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@given(st.text(alphabet="“”‘’「」 、，品质东城一二三", max_size=30))
def test_key_is_idempotent_and_quote_free(text: str) -> None:
    key = key_of(text)
    assert key_of(key) == key
    assert not set(key) & set("“”‘’「」 ，")


def test_national_2024_against_the_hand_checked_list(gwr_project) -> None:
    snap = [s for s in load_many(gwr_project) if s.year == 2024]
    score = score_slogans(slogans.extract(snap), [[x] for x in gold("slogans")["gwr_2024"]], "gwr 2024")
    assert score.precision >= 0.85, score
    assert score.recall >= 0.8, score

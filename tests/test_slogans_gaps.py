"""A slogan left out of a report but back in a later one is not *retired*
(the changelog's steps, the diff strip), and variant wordings of one formula
are one slogan: a series item re-spelt, a numbered formula named or
enumerated, a short name and its long form."""

from __future__ import annotations

import pytest

from erqi_diff.core.project import load_project
from erqi_diff.core.snapshot import load_many
from erqi_diff.extract import respelt, slogans
from erqi_diff.extract.lexicon import Entry, Lexicon, no_lexicon
from erqi_diff.extract.lineage import Change, back_in, changes, conditional_forms, marks, similar, with_items
from erqi_diff.extract.strip import diff_strip
from erqi_diff.views.markdown import render_slogans

from extract_quality import make_snapshot


@pytest.mark.parametrize("years, after, back", [
    ((2001, 2003), 2002, 2003),           # left out of 2002, back in 2003
    ((2001, 2004, 2006), 2002, 2004),     # the first later report holding it
    ((2001,), 2002, None),                # none after: retired
    ((2001, 2002), 2002, None),           # the report itself is not "later"
])
def test_back_in(years, after, back) -> None:
    assert back_in(years, after) == back


GAP_TEXTS = {2001: "坚持“两学一做”，推进“东城绿谷”建设。\n",
             2002: "推进“东城绿谷”建设，办好民生实事。\n",
             2003: "巩固“两学一做”成果，推进“东城绿谷”建设。\n"}


def test_a_slogan_back_later_is_not_retired_for_good() -> None:
    snaps = [make_snapshot(y, t) for y, t in GAP_TEXTS.items()]
    found = slogans.extract(snaps, no_lexicon())
    (left,) = changes(found, 2001, 2002).retired
    assert (left.old, left.back) == ("两学一做", 2003)
    # only the two reports: nothing says it is back
    (gone,) = changes(slogans.extract(snaps[:2], no_lexicon()), 2001, 2002).retired
    assert gone.back is None


def test_the_markdown_step_says_left_out_not_retired() -> None:
    snaps = [make_snapshot(y, t) for y, t in GAP_TEXTS.items()]
    lines = render_slogans(changes(slogans.extract(snaps, no_lexicon()), 2001, 2002))
    assert "- Not in 2002, back later: “两学一做” (back in 2003)." in lines
    assert not any(line.startswith("- Retired") for line in lines)


def test_the_strip_lists_what_is_back_later() -> None:
    a, b, later = (make_snapshot(y, t) for y, t in GAP_TEXTS.items())
    got = diff_strip(a, b, no_lexicon(), (), [later])
    assert got["slogans_retired"] == ["两学一做"]
    assert got["slogans_back"] == [{"slogan": "两学一做", "back": 2003, "as": "", "within": ""}]
    assert diff_strip(a, b, no_lexicon())["slogans_back"] == []


@pytest.mark.parametrize("a, b, same", [
    # a series with one item re-spelt in one character
    ("决不放松粮食生产、积极开展多种经营", "决不放松粮食生产、积极发展多种经营", True),
    ("稳定粮食生产、积极发展多种经营", "稳定粮食生产、积极开展多种经营", True),
    # numerals differ: two plans, not variants
    ("完成十三五规划、启动十四五规划", "完成十三五规划、启动十五五规划", False),
    # two items differ
    ("决不放松粮食生产、积极开展多种经营", "决不放松棉花生产、积极发展多种经营", False),
    # short items: a re-spelt two-character word is another word
    ("稳增长、调结构", "稳增长、调机构", False),
])
def test_a_series_with_one_item_respelt(a, b, same) -> None:
    assert similar(a, b) is same


@pytest.mark.parametrize("older, newer", [
    ("提出“一个国家、两种制度”的设想。", "按照“一国两制”的方针实现统一。"),
    ("根据“一个国家两种制度”的设想解决香港问题。", "按照“一国两制”的方针实现统一。"),
    ("在互相尊重主权和领土完整、互不侵犯、互不干涉内政、平等互利、和平共处的基础上发展关系。",
     "在和平共处五项原则的基础上发展关系。"),
    ("鼓励一部分人依靠辛勤劳动先富裕起来。", "允许一部分人先富起来。"),
    ("社会主义经济是有计划的商品经济。", "发展有计划商品经济。"),
    ("坚持公有制为主体。", "坚持以公有制为主体。"),
    ("建立同改革、开放相适应的管理制度。", "坚持改革开放。"),
    # a two-item series in the other order
    ("坚持“为人民服务、为社会主义服务”的方向。", "坚持为社会主义服务、为人民服务的方向。"),
])
def test_lexicon_forms_of_one_formula_are_one_slogan(older, newer) -> None:
    snaps = [make_snapshot(2001, older + "\n"), make_snapshot(2002, newer + "\n")]
    moved = changes(slogans.extract(snaps), 2001, 2002)
    assert not moved.added and not moved.retired, moved


@pytest.fixture(scope="module")
def early_steps(gwr_early_root):
    """The changelog's slogan steps over 1978-1988, the series' later reports looked at."""
    project = load_project(gwr_early_root)
    span = load_many(project, [y for y in project.years if y <= 1988])
    found = slogans.extract(span)
    others = load_many(project, [y for y in project.years if y > 1988])
    elsewhere = with_items(found, slogans.years_in(found, others))
    return {b.year: changes(found, a.year, b.year, elsewhere) for a, b in zip(span, span[1:])}


def test_the_early_reports_left_out_is_not_retired(early_steps) -> None:
    step = early_steps[1984]
    back = {c.old: c.back for c in step.retired}
    assert back["以经济建设为中心"] == 1987  # 1987: 以现代化经济建设为中心 … 1988: 坚持以经济建设为中心
    assert back["马克思列宁主义"] == 1987
    gone = {c.old for c in step.retired if c.back is None}
    assert "以经济建设为中心" not in gone
    later = {c.old: c.back for c in early_steps[1988].retired}
    assert later["毛泽东思想"] == 1992  # beyond the span, in the series


def test_the_early_reports_variants(early_steps) -> None:
    added_1985 = {c.new for c in early_steps[1985].added}
    assert "一国两制" not in added_1985  # 1984: 实行“一个国家、两种制度”的设想
    step_1983 = early_steps[1983]
    assert not any("粮食生产" in c.old for c in step_1983.retired)  # 1983: 积极开展 / 1982: 积极发展
    assert not any("和平共处" in c.old for c in early_steps[1986].retired)
    assert "有计划商品经济" not in {c.new for c in early_steps[1987].added}  # 1986: 有计划的商品经济


def test_both_forms_are_found_as_one_slogan() -> None:
    snaps = [make_snapshot(2001, "提出“一个国家、两种制度”的设想。\n"), make_snapshot(2002, "按照“一国两制”的方针实现统一。\n")]
    (found,) = [s for s in slogans.extract(snaps) if s.slogan == "一国两制"]
    assert found.years == (2001, 2002)


@pytest.mark.parametrize("key, other", [
    ("减税降费", "减费降税"),                                  # objects of two verbs swapped
    ("为人民服务、为社会主义服务", "为社会主义服务、为人民服务"),  # a two-item series reversed
    ("百花齐放、百家争鸣", "百家争鸣、百花齐放"),
    ("港人治港、澳", ""),                                      # an item too short to be a formula's
    ("改革、发展、稳定", ""),                                  # three items: reorderings are not looked for
])
def test_the_other_order_looked_for(key, other) -> None:
    assert respelt.swapped(key) == other


@pytest.mark.parametrize("years, mark", [
    ((2001, 2002, 2003), Change.LEFT_OUT),   # 2003 uses it again
    ((2001, 2002), Change.RETIRED),          # no later report: retired
])
def test_the_timeline_mark_of_an_absence(years, mark) -> None:
    snaps = [make_snapshot(y, GAP_TEXTS[y]) for y in years]
    found = next(s for s in slogans.extract(snaps, no_lexicon()) if s.slogan == "两学一做")
    assert marks(found, list(years))[2002] is mark


def test_the_html_timeline_says_left_out() -> None:
    from erqi_diff.views.html.render import _year_cells

    cells = _year_cells((2001, 2002, 2003), {2001: 1, 2003: 1}, {2002: Change.LEFT_OUT, 2003: Change.RETURNED})
    assert '<td class="num left-out"> <span class="tag out">left out</span></td>' in cells
    assert "retired" not in cells


@pytest.mark.parametrize("key, text, found", [
    # a series of three items or more re-spelt in one character, inside a sentence
    ("有理想、有道德、有文化、有纪律", "使职工成为有理想、有道德、有文化、守纪律的劳动者。", {"有理想、有道德、有文化、守纪律"}),
    # a separator is not a character re-spelt: 改革、发展和稳定 is another shape
    ("改革、发展、稳定", "处理好改革、发展和稳定的关系。", set()),
    # two items: only standing alone, as any key
    ("港人治港、澳人治澳", "坚持港人治港、澳人自澳的方针。", set()),
    # nor into a function word: 以“质量、品种、效益”为重点 is not the campaign 质量、品种、效益年
    ("质量、品种、效益年", "以质量、品种、效益为重点，选好项目。", set()),
])
def test_a_lexicon_series_respelt(key, text, found) -> None:
    assert respelt.one_char_variants(key, text) == found


def test_a_lexicon_series_respelt_is_the_same_slogan() -> None:
    snaps = [make_snapshot(2001, "使职工成为有理想、有道德、有文化、守纪律的劳动者。\n"),
             make_snapshot(2002, "培养“有理想、有道德、有文化、有纪律”的社会主义公民。\n")]
    moved = changes(slogans.extract(snaps), 2001, 2002)
    assert not moved.added and not moved.retired


def test_a_plan_named_in_full_is_its_short_name() -> None:
    """第七个五年计划 is 七五: neither retired nor added when a report writes one and the next the other."""
    snaps = [make_snapshot(1987, "“七五”计划的第一年已经过去。\n"),
             make_snapshot(1988, "第七个五年计划前两年的执行情况也是好的。\n")]
    step = changes(slogans.extract(snaps), 1987, 1988)
    assert not [c for c in step.retired if "七五" in c.old] and not [c for c in step.added if "五年计划" in c.new]


def test_a_joining_word_is_no_new_wording() -> None:
    """公有制为主体 (1987) and 以公有制为主体 (1988): one wording, not 'changed'; 东北振兴 → 东北全面振兴 is."""
    lexicon = Lexicon((Entry("公有制为主体", ("公有制为主体", "以公有制为主体"), "test"),
                       Entry("东北振兴", ("东北振兴", "东北全面振兴"), "test")))
    snaps = [make_snapshot(1987, "既符合公有制为主体的原则，推进东北振兴。\n"),
             make_snapshot(1988, "逐步形成以公有制为主体的所有制结构，推动东北全面振兴。\n")]
    step = changes(slogans.extract(snaps, lexicon), 1987, 1988)
    assert [(c.old, c.new) for c in step.changed] == [("东北振兴", "东北全面振兴")]


def test_a_series_formula_with_its_commas() -> None:
    """促进学生德、智、体、美全面发展 (2001) is 德智体美全面发展: not 'returned' in 2002."""
    snaps = [make_snapshot(2001, "促进学生德、智、体、美全面发展。\n"), make_snapshot(2002, "促进学生德智体美全面发展。\n")]
    step = changes(slogans.extract(snaps), 2001, 2002)
    assert not [c for c in step.added + step.returned + step.retired if "德" in (c.old or c.new)]


def test_a_series_restated_reordered_with_one_member_replaced_is_changed() -> None:
    lex = Lexicon((Entry("建机制、补短板、兜底线", ("建机制、补短板、兜底线",), "t"),
                   Entry("保基本、兜底线、建机制", ("保基本、兜底线、建机制",), "t"),
                   Entry("保基本、兜底线、促公平", ("保基本、兜底线、促公平",), "t")))
    snaps = [make_snapshot(2001, "要坚持建机制、补短板、兜底线。\n"),
             make_snapshot(2002, "我们保基本、兜底线、建机制。\n"),
             make_snapshot(2003, "坚持保基本、兜底线、促公平。\n")]
    found = slogans.extract(snaps, lex)
    step = changes(found, 2001, 2002)
    assert [(c.old, c.new) for c in step.changed] == [("建机制、补短板、兜底线", "保基本、兜底线、建机制")]
    assert not step.retired and not step.added
    # the shared members in the same order, one replaced: two slogans, one retired and one added
    step = changes(found, 2002, 2003)
    assert not step.changed and [c.old for c in step.retired] == ["保基本、兜底线、建机制"]
    assert [c.new for c in step.added] == ["保基本、兜底线、促公平"]


def test_a_two_clause_formula_restated_as_a_condition_is_one_slogan() -> None:
    snaps = [make_snapshot(2001, "贯彻“决不放松钢铁生产，积极开展多种经营”的方针。\n"),
             make_snapshot(2002, "推进改革。\n"),
             make_snapshot(2003, "我们必须在决不放松钢铁生产的前提下，积极发展多种经营，继续前进。\n")]
    found = slogans.extract(snaps, no_lexicon())
    (one,) = [s for s in found if "钢铁" in s.slogan]
    assert one.years == (2001, 2003) and one.slogan == "决不放松钢铁生产的前提下，积极发展多种经营"
    (left,) = changes(found, 2001, 2002).retired
    assert left.back == 2003
    # two changes to the second clause, or a clause running on: no restatement
    assert not similar("决不放松钢铁生产、积极开展多种经营", "决不放松钢铁生产的前提下、大力发展多种经营")
    assert conditional_forms("决不放松钢铁生产、积极开展多种经营", "决不放松钢铁生产的前提下、积极开展多种经营活动") == {}


def test_a_lexicon_series_of_three_run_in_is_the_same_slogan() -> None:
    """改革、发展、稳定 (1994) and 处理好改革发展稳定关系 (1995): one slogan, not retired;
    a lexicon series of two run in stays words."""
    snaps = [make_snapshot(1994, "认真处理好改革、发展、稳定三者之间的关系。\n"),
             make_snapshot(1995, "正确处理改革发展稳定的关系，保持社会稳定。\n")]
    found = slogans.extract(snaps)
    (line,) = [s for s in found if "改革" in s.slogan and "稳定" in s.slogan]
    assert tuple(line.years) == (1994, 1995) and {"改革、发展、稳定", "改革发展稳定"} <= set(line.forms())
    step = changes(found, 1994, 1995)
    assert not [c for c in step.retired + step.added if "稳定" in (c.old or c.new)]


@pytest.mark.parametrize(("older", "newer", "name"), [
    ("坚持为人民服务、为社会主义服务的方向。", "坚持“二为”方向，贯彻“双百”方针。", "为人民服务、为社会主义服务"),
    ("坚持百花齐放、百家争鸣的方针。", "坚持“二为”方向，贯彻“双百”方针。", "百花齐放、百家争鸣"),
])
def test_a_formula_and_its_short_name_are_one_slogan(older: str, newer: str, name: str) -> None:
    found = slogans.extract([make_snapshot(1998, older + "\n"), make_snapshot(1999, newer + "\n")])
    (line,) = [s for s in found if s.slogan == name]
    assert tuple(line.years) == (1998, 1999)


def test_held_years_are_the_years_a_slogan_is_only_an_item() -> None:
    from erqi_diff.extract.lineage import held_years

    lex = Lexicon((Entry("普惠金融", ("普惠金融",), "t"),
                   Entry("科技金融、绿色金融、普惠金融", ("科技金融、绿色金融、普惠金融",), "t")))
    snaps = [make_snapshot(2022, "发展普惠金融。\n"), make_snapshot(2023, "推进改革。\n"),
             make_snapshot(2024, "做好科技金融、绿色金融、普惠金融三篇文章。\n")]
    found = slogans.extract(snaps, lex)
    assert held_years(found, [2022, 2023, 2024]).get("普惠金融") == (2024,)
    (line,) = [s for s in found if s.slogan == "普惠金融"]
    assert marks(line, [2022, 2023, 2024], {y: frozenset() for y in (2022, 2023)} | {
        2024: frozenset({"科技金融、绿色金融、普惠金融"})})[2024] is Change.RETURNED


@pytest.mark.parametrize(("older", "newer", "changed"), [
    # one member replaced in its place: the formula said anew (1997 → 1998)
    ("坚持以公有制为主体、多种经济成份共同发展的方针。", "坚持以公有制为主体、多种所有制经济共同发展的基本经济制度。", True),
    # two members, both replaced: another formula
    ("坚持稳增长、调结构的方针。", "坚持防风险、惠民生的方针。", False),
])
def test_a_pair_formula_with_one_member_replaced_is_changed(older: str, newer: str, changed: bool) -> None:
    lex = Lexicon((Entry("以公有制为主体、多种经济成份共同发展", ("以公有制为主体、多种经济成份共同发展",), "t"),
                   Entry("公有制为主体、多种所有制经济共同发展", ("公有制为主体、多种所有制经济共同发展",), "t"),
                   Entry("稳增长、调结构", ("稳增长、调结构",), "t"), Entry("防风险、惠民生", ("防风险、惠民生",), "t")))
    snaps = [make_snapshot(1997, older + "\n"), make_snapshot(1998, newer + "\n")]
    step = changes(slogans.extract(snaps, lex), 1997, 1998)
    assert bool(step.changed) is changed
    assert bool(step.retired) is not changed and bool(step.added) is not changed

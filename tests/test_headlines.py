"""Headlines that stood after the stories they head (erqi_diff.core.headlines),
as the normalizer puts them back."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from erqi_diff.core.headlines import headlines_first
from erqi_diff.core.normalize import normalize

from conftest import REPO

# three stories of a page laid out in columns, each headline after its story
AFTER = """开头一段，说明会议的情况。

区卫计委认真履行计生工作牵头责任，在全市率先获评计划生育优质服务先进单位。

计生工作成功转型 在全市率先获评“新国优”

区工商联紧紧围绕五好目标积极工作，被确认为全国五好县级工商联。

主动服务发展大局 区工商联通过全国“五好”县级工商联验收

区残联严格落实惠残政策，被评为全国残疾人工作先进单位。

切实关爱困难群体 区残联喜获“全国残疾人工作先进单位”
"""

# the same stories with each headline before its story: nothing moves
BEFORE = """开头一段，说明会议的情况。

计生工作成功转型 在全市率先获评“新国优”

区卫计委认真履行计生工作牵头责任，在全市率先获评计划生育优质服务先进单位。

主动服务发展大局 区工商联通过全国“五好”县级工商联验收

区工商联紧紧围绕五好目标积极工作，被确认为全国五好县级工商联。

切实关爱困难群体 区残联喜获“全国残疾人工作先进单位”

区残联严格落实惠残政策，被评为全国残疾人工作先进单位。
"""


def _held(raw: str) -> dict[str, str]:
    return {s.heading: "".join(s.paragraphs) for s in normalize(raw).sections}


def test_headlines_after_their_stories_go_back_before_them() -> None:
    held = _held(AFTER)
    assert "计生工作" in held["计生工作成功转型在全市率先获评“新国优”"]
    assert held["主动服务发展大局区工商联通过全国“五好”县级工商联验收"].startswith("区工商联")
    assert held["切实关爱困难群体区残联喜获“全国残疾人工作先进单位”"].startswith("区残联")
    assert held[""] == "开头一段，说明会议的情况。"
    assert _held(BEFORE) == held  # the page as it should have been laid out reads the same


def test_headlines_before_their_stories_stay() -> None:
    assert [s.heading for s in normalize(BEFORE).sections][1:] == [
        "计生工作成功转型在全市率先获评“新国优”", "主动服务发展大局区工商联通过全国“五好”县级工商联验收",
        "切实关爱困难群体区残联喜获“全国残疾人工作先进单位”"]


def test_one_heading_sharing_words_with_the_text_above_stays() -> None:
    # a single heading whose words the section before happens to use is no run
    units = [(False, "今年扩大国内需求，促进消费。", 0), (True, "（一）着力扩大国内需求。", 3),
             (False, "多渠道增加城乡居民收入。", 0), (True, "（二）加快建设现代化产业体系。", 3),
             (False, "推进新型工业化。", 0)]
    assert headlines_first(units) == list(range(len(units)))


def test_markdown_headings_never_move() -> None:
    raw = "\n\n".join(f"## {line}" if " " in line else line for line in AFTER.strip().split("\n\n"))
    sections = normalize(raw).sections
    assert "".join(sections[1].paragraphs).startswith("区工商联")  # as written: the 工商联 story under 计生


def test_the_2016_seed_reads_story_by_story() -> None:
    raw = (REPO / "seeds" / "001_6bf828c3fc352534.txt").read_text(encoding="utf-8")
    held = _held(raw)
    assert "计划生育" in held["计生工作成功转型在全市率先获评“新国优”"]
    assert held["主动服务发展大局区工商联顺利通过全国“五好”县级工商联验收"].startswith("区工商联")
    assert "45个重大产业项目" in held["●突出重大产业项目攻坚"]
    assert "基础设施和公共配套项目171个" in held["●突出基础设施建设项目攻坚"]
    assert "温暖二七" in held["●突出社会民生项目攻坚"]
    # aligned sections of the same page stay as they were
    assert "区人民检察院" in held["法律监督和办案水平不断提升区人民检察院被评为“第六届全国先进基层检察院”"]


@given(st.lists(st.tuples(st.booleans(), st.text("计生工商联残民项目建设攻坚区全国，。", max_size=30),
                          st.integers(1, 4)), max_size=25))
def test_a_permutation_that_keeps_each_kind_in_order(units) -> None:
    order = headlines_first(units)
    assert sorted(order) == list(range(len(units)))
    assert [i for i in order if units[i][0]] == [i for i in range(len(units)) if units[i][0]]
    assert [i for i in order if not units[i][0]] == [i for i in range(len(units)) if not units[i][0]]

"""Whether a number in a report is a figure at all: the text counting itself
(三个方面), names (“三个二七”), words made with a numeral (城乡二元结构), a
countdown, a bracket of a tax (100万元至300万元部分), the size that defines a
class of things (年综合能耗5万吨标准煤以上的企业), or the people named to
rally them (八亿农民, 十亿人民) are not."""

from __future__ import annotations

import re

from erqi_diff.extract.numbers import Quantity

# a size that says which things are meant (5万吨标准煤以上的企业, 投资在五亿元以上的重大建设项目,
# 一百万吨以上的大型矿井): no figure of the economy, and never a goal
_THRESHOLD = re.compile(r"[^，。；、]{0,4}?(?:以上|以下)的[^，。；、]{0,6}?"
                        r"(?:企业|项目|矿井|工程|单位|电站|机组|城市|工厂|港口|泊位)")
_PROVINCES_OF = re.compile(r"省(?:、市、自治区|、自治区、直辖市|区市|（区、市）|\(区、市\))的")
# what 翻两番 doubles, named in its clause (工农业年总产值, 国民生产总值比1980年, 人均收入)
_DOUBLES = re.compile(r"值|产量|收入|总额|总量|规模|人均|比")
# the people as they are, named to rally them (八亿农民, 十亿人民, 三亿多农村劳动力); a count of the
# population (十亿多人口, 14亿多中国人) is read as a present stock instead (kinds.kind_of)
_PEOPLE = ("农民", "多农民", "人民", "多人民", "各族人民", "农村劳动力", "多农村劳动力")


def is_fact(text: str, q: Quantity, quoted: list[tuple[int, int]]) -> bool:
    """Whether the quantity ``q`` of ``text`` is a figure at all."""
    if any(s <= q.num_start and q.end <= e for s, e in quoted):
        return False  # “三个二七”, 《…》: a name
    if q.chinese and q.value < 20 and (q.is_count or q.unit == "") and q.high is None:
        return False  # 三个方面, 两项工作, 三大: the text counting itself
    if q.unit in ("岁", "度") or (q.unit in ("名", "位") and text.endswith("前", 0, q.start)):
        return False
    if q.unit == "个" and text.startswith(("方面", "环节", "层面", "维度"), q.end):
        return False  # 包括…等4个方面: the text counting itself
    if q.unit == "个" and _PROVINCES_OF.match(text, q.end):
        return False  # 二十九个省、市、自治区的总人口: where (试点扩大到20个省、自治区、直辖市 is a figure)
    if q.unit == "个" and text.startswith("民族", q.end):
        return False  # 56个民族: the nation as it is made up, not a figure measured
    if q.high is not None and text.startswith("部分", q.end):
        return False  # 年应纳税所得额100万元至300万元部分: a bracket, not a figure
    if q.unit == "天" and text.endswith(("只有", "还有", "仅有", "倒计时"), 0, q.start):
        return False  # 到1997年7月1日…只有849天了: a countdown, not a figure of the economy
    if q.chinese and ((q.value == 1 and q.unit in ("人", "户", "家", "名")) or
                      (q.unit == "元" and text.startswith(("结构", "经济", "化", "论"), q.end))):
        return False  # 至少有一人就业, 城乡二元结构: a word, not a figure
    if q.unit in ("", "亿", "万") and text.startswith(_PEOPLE, q.end):
        return False  # 八亿农民, 十亿人民: the people, as they are
    if q.unit == "番" and not _DOUBLES.search(text, max(text.rfind("，", 0, q.start), text.rfind("；", 0, q.start), 0), q.start):
        return False  # 翻两番，决不仅仅是一个量的概念: the goal named, nothing measured
    if _THRESHOLD.match(text, q.end) or (text.endswith(("以上", "以下"), 0, q.end) and _THRESHOLD.match(text, q.end - 2)):
        return False  # 5万吨标准煤以上的企业: which things are meant
    return not text.endswith(("年产", "日产", "时速", "型号"), 0, q.start)

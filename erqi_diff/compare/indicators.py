"""The economy's headline figures, cited in a section on another topic.

Every review of a government work report gives the year's headline
indicators, the same few names each time (地区生产总值, 一般公共预算收入,
固定资产投资, 规模以上工业增加值, 社会消费品零售总额), each with its figure. Where
the section's topic is the economy (its heading or opening sentence names
it: :func:`erqi_diff.compare.figures.on_economy`), they are its topic. A
section on another topic that cites some of them on the way (党的建设…疫情防控,
whose second paragraph ends 克难攻坚推动经济迅速恢复，预计全年GDP增长1.2%、固定资产
投资增长11.1%、规模以上工业增加值增长4.7%) tells the outcome of its own work in
the common measure: the names say nothing of its topic, but, being long
terms that few sections use, they weigh much and draw it to the section on
the economy of the other report. :func:`uncited` takes them out of such a
section's topic text; the figure stays.
"""

from __future__ import annotations

import re

from erqi_diff.core.document import Section

#: A headline indicator's name followed by its figure (增长1.2%, 完成282.8亿元, 773亿元).
_CITED = re.compile(r"(?:地区生产总值|生产总值|GDP|ＧＤＰ|经济总量|一般公共预算收入|财政收入|税收收入|固定资产投资|"
                    r"规模以上工业增加值|规模以上工业|工业增加值|社会消费品零售总额|社会消费品零售|消费品零售总额)"
                    r"(?=[^。；，、0-9]{0,8}[0-9])")


def uncited(section: Section, text: str) -> str:
    """``text`` (the section's topic text) without the names of the headline
    indicators it cites with their figures, unless the section's topic is
    the economy (see the module doc)."""
    if not _CITED.search(text):
        return text
    from erqi_diff.compare.figures import on_economy

    return text if on_economy(section) else _CITED.sub("，", text)

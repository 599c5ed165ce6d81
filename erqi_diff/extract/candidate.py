"""A slogan candidate and how it was found (:class:`Kind`), and the words
that carry out or name a programme: what the slogans' modules share with
:mod:`erqi_diff.extract.candidates` (which finds candidates in a report)
without compiling its patterns. Standard library only: this is on the diff
view's hot path when the candidates come from a report's derived file
(:mod:`erqi_diff.extract.derived`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Kind(str, enum.Enum):
    """How a slogan was found (the first that applies, in this order)."""

    QUOTED = "quoted"
    NUMBERED = "numbered"
    SERIES = "series"
    CAMPAIGN = "campaign"
    FORMULA = "formula"       # 现代化国际化生态化新城区
    MINED = "mined"           # a fixed phrase recurring in the series (erqi_diff.extract.mining)
    LEXICON = "lexicon"       # known in advance (erqi_diff.extract.lexicon)


@dataclass(frozen=True)
class Candidate:
    """A phrase that may be a slogan, as written, first found in ``year``.
    A quoted one counts its quoted ``uses``, how many of them are ``opposed``
    and whether one stood in a formula's position (``placed``): it is a
    slogan when placed and opposed in fewer than half its uses, over the
    whole series (:func:`accepted`)."""

    text: str
    kind: Kind
    year: int
    uses: int = 1
    opposed: int = 0
    placed: bool = True

    def joined(self, other: Candidate) -> Candidate:
        """This candidate with the uses of ``other`` (the same phrase elsewhere)."""
        return Candidate(self.text, self.kind, min(self.year, other.year), self.uses + other.uses,
                         self.opposed + other.opposed, self.placed or other.placed)

    @property
    def accepted(self) -> bool:
        return self.placed and 2 * self.opposed < self.uses


# verbs of carrying out a policy: a formula is what they take as object
CARRY = ("实施", "推进", "坚持", "贯彻", "落实", "推行", "开展", "深化", "做好", "抓好", "打好", "打赢",
         "巩固", "严格执行", "纠治", "纠正", "共建", "建设", "发展", "推动", "创建",
         "践行", "弘扬", "秉持", "坚定", "做到", "运用", "完善", "健全", "构建", "支持", "完成",
         "实行", "执行好", "落实好", "继续", "开展好", "组织", "制定", "部署", "提出", "按照", "围绕", "遵循",
         "搞好", "办好")
# what a programme's name is followed by
POLICY_NOUNS = ("工程", "工作", "战略", "规划", "计划", "建设", "行动", "改革", "政策", "原则", "方针", "机制",
                "制度", "要求", "活动", "品牌", "经验", "底线", "目标", "理念", "思想", "精神", "方略", "布局",
                "体系", "格局", "倡议", "攻坚", "保卫战", "主题教育", "学习教育", "专项", "模式", "任务",
                "路线", "理论", "经费", "负责制", "责任制", "挂钩", "措施", "重要思想", "方向", "战略布局",
                "行动计划", "示范")

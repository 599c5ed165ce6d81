"""Where a short formula stands as a name, not as an ordinary word.

A lexicon formula of two or three characters is often also a plain word or
an abbreviation of one: 严打 is the name of a campaign (“严打”斗争, 坚持“严打”
方针) and also "strike hard" (保持对非法金融活动的高压严打态势); 土特产 is a
policy formula and also the start of 土特产品. Such a form counts as the
slogan only where it stands as a name (:func:`as_name`):

- **quoted** on its own (“严打”), or on a **heading** line;
- **after a verb of carrying out** or a word that introduces a name
  (实行利改税, 推进保交楼, 创建双拥模范城, 向分税制过渡, 以分税制为核心);
- **before the head of a name** (…工作, …行动, …斗争, …方针, …政策, …制度,
  …改革, …试点, …活动, 第…: 碳达峰行动方案, 利改税第二步) or a word that
  closes it (的, 和, 等, 为, 而, 后...);
- **closing or opening its clause** (进入新常态，).

A formula of any length is the plain words, not the name, where it is
written right after the market or trade it is applied to (土地市场治理整顿,
资本市场改革开放: the rectification of one market, not the 治理整顿 line).

It is a plain word where it is run into the words on both sides, with no
verb before it and no name's head after it: 高压严打态势 (高压 before,
态势 after), 农副土特产品. And a formula of any length led by 新 is not
there where that 新 ends a word (创新发展理念 is 创新 + 发展理念, not
新发展理念). Only the lexicon's forms are judged so: a form the texts
themselves show as a formula (a quote, a numbered shape) was found where
it stands as a name already.
"""

from __future__ import annotations

from erqi_diff.extract.candidate import CARRY as _CARRY
from erqi_diff.extract.candidate import POLICY_NOUNS as _POLICY_NOUNS
from erqi_diff.extract.textkey import KeyText

#: the longest form judged by :func:`as_name` (longer forms are names wherever they stand)
SHORT = 3

# words ending in 新: a term led by 新 does not begin after them
_ENDS_IN_XIN = set("创更重革刷翻崭全")
# what a formula is applied to when written right before it: 土地市场治理整顿
_DOMAINS = ("市场", "行业", "秩序")
_LEFT_FREE = set("的和与及、等以在为向对从把将被即或了是就")
_RIGHT_FREE = set("的和与及、等为而后前中上下时第了是")
_VERBS = tuple(sorted(set(_CARRY + (
    "打好", "打赢", "坚决", "深入", "持续", "全面", "加快", "大力", "进入", "实现", "增强", "清理", "出台", "启动",
    "推出", "取消", "开展", "创建", "搞好", "办好", "抓", "搞", "促进", "加强", "强化", "扩大", "推广", "试行",
    "保持", "统筹", "提出", "稳步", "有序", "积极", "继续", "深化", "确保", "做到", "争取", "坚持")), key=len, reverse=True))
_HEADS = tuple(sorted(set(_POLICY_NOUNS + (
    "斗争", "试点", "平台", "活动", "模范", "共建", "方案", "成果", "政策", "战略", "问题", "任务", "标准", "水平",
    "项目", "资金", "领域", "地区", "城市", "示范", "要求", "进程", "阶段", "时期", "期间", "以来", "以后", "之后")),
    key=len, reverse=True))


def _cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def as_name(text: KeyText, start: int, end: int) -> bool:
    """The key span [start, end) of ``text`` stands as a name (see the module doc)."""
    key = text.key
    if key[start] == "新" and start > 0 and key[start - 1] in _ENDS_IN_XIN and not text.quoted_whole(start, end):
        return False
    if key.endswith(_DOMAINS, 0, start) and not text.quoted_whole(start, end):
        return False
    if end - start > SHORT or text.quoted_whole(start, end) or text.in_heading(start):
        return True
    before = key[start - 1] if start > 0 else ""
    after = key[end] if end < len(key) else ""
    if not before or not _cjk(before) or before in _LEFT_FREE or key.endswith(_VERBS, 0, start):
        return True
    return not after or not _cjk(after) or after in _RIGHT_FREE or key.startswith(_HEADS, end)

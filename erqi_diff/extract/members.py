"""The members of a slogan: what makes two forms one slogan or two.

Many formulas are parallel series: N members side by side, written with
commas (保基本、兜底线、促公平), run together (转方式调结构, 碳达峰碳中和),
counted (两不愁三保障: 两不愁 + 三保障), or coordinated on a shared head
(跨周期和逆周期调节: 跨周期调节 + 逆周期调节; 廉洁政府和服务型政府 closing a
series). A form of such a slogan keeps its members; their order may change
(医保、医疗、医药 / 医疗、医保、医药), and so may the spelling of one member
in one character (稳增长、调结构、促改革 / …推改革). A form that adds a member
(转方式调结构 / 转方式、调结构、提质量、增效益), drops one (两不愁三保障 /
三保障) or puts another in its place (保基本、兜底线、建机制 / 保基本、兜底线、
促公平) is another slogan: :func:`members_differ`.

Where the longer form stands, its members are *held* (present, not counted
again: one occurrence is one slogan's): :func:`held_by` gives what a form
holds. A name after a modifier is held too (中国特色现代企业制度 holds
现代企业制度, 新时代中国特色社会主义 holds 中国特色社会主义): the longer name
is a kind of the shorter. A name followed by more words is not held: the
words after it make another name (中国制造 in 中国制造2025, 互联网+ in
互联网+督查, 中国特色社会主义 in 习近平新时代中国特色社会主义思想).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache

from erqi_diff.extract.hanscan import is_han

_NUMERALS = "一二两三四五六七八九十百千"
# a counted compound: two or more parts, each a count and its words (两不愁三保障, 三去一降一补)
_COUNTED = re.compile(rf"(?:[{_NUMERALS}]+[^{_NUMERALS}、]+){{2,}}")
_COUNTED_PART = re.compile(rf"[{_NUMERALS}]+[^{_NUMERALS}、]+")
_JOINERS = "和与及"
#: a name extended by one of these is the same slogan (乡村振兴 / 乡村振兴战略), and holds it
GENERIC_HEADS = ("战略", "行动", "工程", "政策", "计划", "建设", "工作", "改革", "活动", "行动计划", "重要思想")
# 和 starting a word, not joining two: 和平, 和谐, 和睦, 和美
_NOT_JOINING = set("平谐睦美")
_ALL_NUMERALS = set(_NUMERALS) | set("0123456789")


def _cjk(text: str) -> bool:
    return all(map(is_han, text))


def _split_joined(item: str) -> list[str]:
    """An item closing a series, split where 和/与/及 joins two members
    (廉洁政府和服务型政府); itself when none does."""
    for i in range(2, len(item) - 2):
        if item[i] in _JOINERS and item[i + 1] not in _NOT_JOINING and _cjk(item[:i] + item[i + 1:]):
            return [item[:i], item[i + 1:]]
    return [item]


@lru_cache(maxsize=65536)
def members(key: str) -> tuple[str, ...]:
    """The members of the slogan form ``key`` (a key, :func:`textkey.key_of`)
    where its shape shows them; () for a single name.

    - a series: its items, the last split where 和/与/及 joins two;
    - a coordination on a shared head, X和Y+H with X and Y of one length
      (跨周期和逆周期调节 -> 跨周期调节, 逆周期调节; 物质文明和精神文明);
    - a counted compound of parts of one length (两不愁三保障 -> 两不愁, 三保障);
    - two halves of one length led by one character (碳达峰碳中和)."""
    if "、" in key:
        items = key.split("、")
        return tuple([*items[:-1], *_split_joined(items[-1])])
    for n in range(2, (len(key) - 1) // 2 + 1):
        if key[n] in _JOINERS and key[n + 1] not in _NOT_JOINING and _cjk(key):
            head = key[2 * n + 1:]
            if not head or len(head) >= 2:
                return key[:n] + head, key[n + 1:2 * n + 1] + head
    if _COUNTED.fullmatch(key) and not set(key) <= _ALL_NUMERALS:
        parts = _COUNTED_PART.findall(key)
        if len({len(p) for p in parts}) == 1:  # 两不愁|三保障, 三去|一降|一补; not 两个|一百年
            return tuple(parts)
    half = len(key) // 2
    if len(key) % 2 == 0 and 2 <= half <= 4 and key[0] == key[half] and key[:half] != key[half:] and _cjk(key):
        return key[:half], key[half:]
    return ()


def _segments(text: str, parts: Sequence[str]) -> list[int] | None:
    """Indices of ``parts`` (each once) that, run together in some order,
    spell ``text``; None when none do."""
    if not text:
        return []
    for i, part in enumerate(parts):
        if part and text.startswith(part):
            rest = _segments(text[len(part):], [p if j != i else "" for j, p in enumerate(parts)])
            if rest is not None:
                return [i, *rest]
    return None


def _one_respelt(a: Sequence[str], b: Sequence[str]) -> bool:
    """The same members in some order but one, re-spelt in one character
    (not a numeral) in a member of four characters or more or in the verb
    of a member of three, or its characters swapped (权责明确 / 责权明确)."""
    rest_a, rest_b = list(a), list(b)
    for item in a:
        if item in rest_b:
            rest_a.remove(item)
            rest_b.remove(item)
    if len(rest_a) != 1 or len(rest_b) != 1:
        return False
    x, y = rest_a[0], rest_b[0]
    if len(x) != len(y) or len(x) < 3:
        return False
    diff = [(p, q) for p, q in zip(x, y) if p != q]
    if sorted(x) == sorted(y):
        return True
    # one character, and in a member of three its verb (促改革 / 推改革; not 调结构 / 调机构)
    return len(diff) == 1 and not set(diff[0]) & _ALL_NUMERALS and (len(x) >= 4 or x[0] != y[0])


def _subsequence(short: str, long_: str) -> bool:
    chars = iter(long_)
    return all(c in chars for c in short)


def _words_added(a: Sequence[str], b: Sequence[str]) -> bool:
    """The same members in the same order, each the other with words added
    in it (对内搞活、对外开放 / 对内搞活经济、对外实行开放): a restatement."""
    return len(a) == len(b) and all(
        min(len(x), len(y)) >= 2 and (_subsequence(x, y) or _subsequence(y, x)) for x, y in zip(a, b))


def same_members(a: Sequence[str], b: Sequence[str]) -> bool:
    """Two lists of members are one slogan's (see the module doc)."""
    return sorted(a) == sorted(b) or _one_respelt(a, b) or _words_added(a, b)


def _counted(key: str) -> bool:
    return "、" not in key and bool(_COUNTED.fullmatch(key))


def members_differ(a: str, b: str) -> bool:
    """The forms ``a`` and ``b`` (keys) are detectably forms of two slogans:
    a member added, dropped or replaced (see the module doc). False where
    the shapes do not tell (放管服 / 简政放权、放管结合、优化服务; a counted
    name beside the series it counts: 一国两制 / 一个国家、两种制度)."""
    if a == b or a.replace("、", "") == b.replace("、", ""):
        return False
    ma, mb = members(a), members(b)
    if ma and mb:
        return _counted(a) == _counted(b) and not same_members(ma, mb)
    if not ma and not mb:
        return False
    parts, other = (ma, b) if ma else (mb, a)
    bare = [p.translate(_JOINING) for p in parts]
    used = _segments(other.replace("、", "").translate(_JOINING), bare)
    return used is not None and len(used) < len(parts)  # a member or some, not all: 三保障, 转方式调结构


# words that join rather than name: 以公有制为主体 is 公有制为主体
_JOINING = str.maketrans("", "", "的以之")


def _modified(name: str, form: str) -> bool:
    """``form`` is ``name`` after a modifier (中国特色 + 现代企业制度; a plan's
    code: “八七” + 扶贫攻坚计划): a modifier of two characters or more that is
    not a counted or parallel member of it (两不愁 before 三保障, 碳达峰 before
    碳中和 are members)."""
    if len(name) < 3 or len(form) - len(name) < 2 or not form.endswith(name) or "、" in form:
        return False
    modifier = form[:-len(name)]
    counted = modifier[0] in _ALL_NUMERALS and not set(modifier) <= _ALL_NUMERALS  # 两不愁; not a plan's code: 八七
    return not counted and not (len(modifier) == len(name) and modifier[0] == name[0]) and not members(form)


class Holders:
    """The slogan forms (keys) standing in one report, asked what they hold
    (see the module doc): :meth:`holds`."""

    def __init__(self, forms: Iterable[str]) -> None:
        self.forms = frozenset(forms)
        self.parts = [(form, members(form)) for form in self.forms]
        self.parts = [(form, parts) for form, parts in self.parts if parts]
        self.members = frozenset(m for _, parts in self.parts for m in parts)
        self.starts = frozenset(m[:1] for m in self.members)
        self.by_end: dict[str, list[str]] = {}
        for form in self.forms:
            self.by_end.setdefault(form[-2:], []).append(form)

    def holds(self, name: str) -> bool:
        """The slogan form ``name`` (a key) is held here (:meth:`holder`)."""
        return self.holder(name) is not None

    def holder(self, name: str) -> str | None:
        """The form standing here that holds the slogan form ``name`` (a
        key), or None: ``name`` is a member of it, a series or coordination
        whose members are all among its (保基本、兜底线 in 保基本、兜底线、促公平;
        物质文明和精神文明 in 物质文明、政治文明和精神文明), its members
        run together (转方式调结构 in 转方式、调结构、提质量、增效益), or a name it
        modifies (现代企业制度 in 中国特色现代企业制度) or extends with a generic
        head (扶贫攻坚 in 扶贫攻坚计划), or both (in 八七扶贫攻坚计划)."""
        if name in self.members:
            return next(form for form, parts in self.parts if name in parts)
        own = members(name)
        if len(own) >= 2 and all(m in self.members for m in own):  # 物质文明和精神文明 in 物质文明、政治文明和精神文明
            return next(form for form, parts in self.parts if own[0] in parts)
        if name[:1] in self.starts:
            for form, parts in self.parts:
                if _segments(name, parts) is not None:
                    return form
        for form in self.by_end.get(name[-2:], ()):
            if _modified(name, form):
                return form
        if len(name) >= 3:
            for head in GENERIC_HEADS:  # 扶贫攻坚 in 扶贫攻坚计划, and after a modifier: in “八七”扶贫攻坚计划
                if name + head in self.forms:
                    return name + head
                for form in self.by_end.get((name + head)[-2:], ()):
                    if _modified(name + head, form):
                        return form
        return None


def held_by(name: str, forms: Iterable[str]) -> bool:
    """``name`` is held where ``forms`` stand (:meth:`Holders.holds`)."""
    return Holders(forms).holds(name)


def partition(forms: Sequence[str], key: Callable[[str], str] = str) -> list[list[str]]:
    """``forms`` (of one lexicon entry, its name first) grouped into slogans:
    a form stays with the name unless it differs in members from one of its
    forms (:func:`members_differ`); one that does joins another such group
    only where it shows the same members (both shapes tell), else stands
    alone (港人治港 and 澳人治澳, each half of 港人治港、澳人治澳)."""
    groups: list[list[str]] = []
    for form in forms:
        k = key(form)
        for i, group in enumerate(groups):
            if any(members_differ(key(f), k) for f in group):
                continue
            if i == 0 or any(_same_shown(key(f), k) for f in group):
                group.append(form)
                break
        else:
            groups.append([form])
    return groups


def _same_shown(a: str, b: str) -> bool:
    if a.replace("、", "").translate(_JOINING) == b.replace("、", "").translate(_JOINING):
        return True
    ma, mb = members(a), members(b)
    return bool(ma and mb) and same_members(ma, mb)


__all__ = ["Holders", "held_by", "members", "members_differ", "partition", "same_members"]

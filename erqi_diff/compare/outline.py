"""The outline of a report: which section holds which, and what each is for.

A reader pairs the sections of two reports by what they are *for* before
what they are *about*: the review of the past year goes with the review,
this year's tasks with the tasks. Work reports say it in three places, in
this order of weight:

1. the section's own heading: 回顾, 过去, 成绩, 总结, 答卷, the years up to
   now (三年来, 五年来) ... for a review;
   任务, 部署, 建议, 打算, 蓝图, 今年, 下半年 ... for a plan. A year or a
   five-year period named in the heading counts by the report's own date:
   before the year the report was given is a review (2021年工作回顾 in a
   report of March 2022), that year or later a plan (2022年政府工作任务);
   “十三五”答卷 in a report of January 2021 is a review, “十四五”蓝图 a plan;
2. the headings above it: a task under 三、2024年政府工作任务 is a plan,
   an item under 一、过去一年和五年工作回顾 a review; a heading over
   (nearly) the whole report is its title and tells nothing. A short heading
   with no text at the same level as the sections after it (a part label in
   a flat outline, as 绘就“十四五”蓝图 before six tasks) counts as a heading
   above those;
3. its tense: what was done (了, 已, 取得, 实现, 完成, 同比, 增长8%, 年来)
   against what is to be done (将, 要, 力争, 确保, 计划, 下半年, 下一步),
   per thousand characters.

The evidence is summed with those weights; a section whose evidence is
weak or mixed (1998年工作回顾和1999年工作的总体要求) stays :attr:`Role.OTHER`
and may pair with either kind. A report's numbered parts run from the
review to the plan: a part after a sibling part that is a plan, whose role
no heading tells, is no review by its tense alone (it stays
:attr:`Role.OTHER`: the closing parts on diplomacy or reunification tell
what was done and what will be).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from erqi_diff.compare.vocab import Role  # defined there, still importable from here
from erqi_diff.core.document import Section


# the situation at home (当前国内形势, 关于经济形势) is what has come about; not 国际形势, nor 新形势 to adapt to;
# so are the years up to now (三年来的斗争, 五年来，…): 1978's review part is named so, with no other review word
_REVIEW_STRONG = re.compile(r"[一二两三四五六七八九十几多]+年(?:以)?来|回顾|过去|成绩|成就|成效|总结|答卷|业绩|殊荣|"
                            r"荣获|获评|被评为|回首|(?:当前|国内|经济)的?形势")
_REVIEW_WEAK = re.compile(r"取得|进展|以来|年来|上半年|执行情况")
_PLAN_STRONG = re.compile(r"任务|安排|部署|建议|打算|蓝图|总体要求|政策取向|重点工作|展望|下半年|今年|明年|下一步|今后")
_OVERALL = re.compile(r"(?:目标|方针)[、和与](?:方针|任务|政策)|总体(?:要求|部署|思路|安排)|总的要求|政策取向|"
                      r"指导(?:方针|思想)|基本方针|奋斗目标|主要(?:预期)?目标")
#: A comma inside a heading: it is a sentence of clauses, not the name of a part.
_CLAUSES = re.compile(r"[，,；;]")
_PLAN_WEAK = re.compile(r"目标|计划|方针|要求|思路")
# a result word after a word of intent is what is to be done (要取得新的突破, 力争实现, 确保完成): a plan
_INTENDED = re.compile(r"(?:要|将|力争|确保|争取|努力|必须)(?:取得|实现|完成|有)")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?![0-9])")
# a five-year period in quotes: “十三五”, "九五" -> its first year
_PERIOD = re.compile(r"[“\"‘「]((?:十[一二三四五]?|[六七八九]))五[”\"’」]")
_PERIOD_START = {"六": 1981, "七": 1986, "八": 1991, "九": 1996, "十": 2001, "十一": 2006, "十二": 2011,
                 "十三": 2016, "十四": 2021, "十五": 2026}

_PAST = re.compile(r"了|已|取得|实现|完成|累计|同比|比上年|增长[0-9.]+%|下降[0-9.]+%|荣获|获得|入选|年来|期间|"
                   r"去年|过去|先后|分别")
# ... but not 了解, nor 完成 and 实现 after a plan word (计划完成, 确保实现, 年底前完成): what is to be done
_NOT_PAST = re.compile("了解|" + "|".join(w + done for w in ("计划", "确保", "力争", "争取", "前", "将", "要", "努力")
                                          for done in ("实现", "完成")))
# a year in running text (found without a look behind, which is slow on a long text)
_TEXT_YEAR = re.compile(r"(?:19|20)[0-9]{2}(?![0-9])")
# 将 taking an object (将残疾人事业纳入, 将2017年确定为) and a programme's name (阳光家园计划等) tell no future
_FUTURE = re.compile(r"将(?![^，。；：]{0,20}(?:纳入|作为|列为|列入|确定为|定为|打造为|打造成))|要|力争|确保|"
                     r"计划(?![等、”」])|打算|下半年|明年|下一步|预期|争取|务必|必须|今后|年底前")

# the heading of a box beside a news story
_ASIDE = re.compile(r"(?:新闻|相关|背景|延伸)?(?:链接|阅读)|名词解释|记者手记|编者按|编后(?:语|记)?|小资料|短评|相关新闻")

#: Weights of the three kinds of evidence, and the sum that decides a role.
OWN_WEIGHT, ABOVE_WEIGHT, TENSE_CAP, DECIDES = 3.0, 3.0, 2.0, 1.0
#: Weight of the role of the parent, when no heading above tells one (a task list under a headline).
PARENT_WEIGHT = 1.0
_SIGN = {Role.REVIEW: 1, Role.PLAN: -1, Role.OTHER: 0}
#: Tense markers per thousand characters worth one unit of evidence.
TENSE_UNIT = 4.0
#: A part label is a heading of at most this many characters (“进、干、暖、严”, 绘就“十四五”蓝图).
LABEL_CHARS = 16
#: The number of a part of the report: 一、 二、 … (not an item's （一）).
_PART = re.compile(r"\s*([一二三四五六七八九十]+)、")
#: Any numbering of a heading: a part's, an item's （一）, an ordinal 第一，, 1., a bullet.
_NUMBERED = re.compile(r"\s*(?:[（(][一二三四五六七八九十0-9]+[）)]|[一二三四五六七八九十]+[、，,.]|第[一二三四五六七八九十]+|"
                       r"[0-9]+[.、，,]|[●○◆◇■□▲△★☆·•])")
#: A heading over this share of the report's sections or more is its title.
TITLE_SHARE = 0.8


def heading_cue(heading: str, present: int | None) -> int:
    """+1 when a heading names a review, -1 a plan, 0 neither or both: two
    points for a strong cue or a year (a five-year period) on that side of
    ``present``, one for a weak cue; a weak cue inside a strong one (要求
    in 总体要求) counts once, so 1998年工作回顾和1999年工作的总体要求 is both;
    a result word after a word of intent (要取得新的突破) is a weak plan cue."""
    intended = len(_INTENDED.findall(heading))
    heading = _INTENDED.sub("", heading)
    score = 2 * len(_REVIEW_STRONG.findall(heading)) + len(_REVIEW_WEAK.findall(_REVIEW_STRONG.sub("", heading)))
    score -= 2 * len(_PLAN_STRONG.findall(heading)) + len(_PLAN_WEAK.findall(_PLAN_STRONG.sub("", heading)))
    score -= intended
    if present is not None:
        for year in map(int, _YEAR.findall(heading)):
            score += 2 if year < present else -2
        for name in _PERIOD.findall(heading):
            start = _PERIOD_START[name]
            score += 2 if start + 4 < present else -2
    return (score > 0) - (score < 0)


def overall(heading: str, holds: bool = False) -> bool:
    """The heading names a plan as a whole: the year's or the period's overall
    requirements, targets and guidelines (二、2015年工作总体部署,
    二、“十五”期间的奋斗目标和指导方针, goals named with guidelines or tasks:
    今后五年建设和改革的目标、方针和任务), not a review that ends with them
    (一、1998年工作回顾和1999年工作的总体要求). A heading naming guidelines
    (方针) that ``holds`` sections, the guidelines set out one by one below
    it, names them as a whole too (1987's 二、坚持长期稳定发展经济的方针 over its
    第一…第六, 1986's 二、“七五”时期的基本任务和主要建设方针 over its 一…五); one with
    text only is a task carrying out one guideline (2000's 二、坚持实行扩大内需的方针).
    Such a heading names a part; a heading of clauses (a comma) is a sentence
    stating one lesson or task, whatever it names (1988's lesson
    一、牢固树立建设要依靠改革，改革要促进建设的指导思想，坚持把改革放在总揽全局的位置上)."""
    if _REVIEW_STRONG.search(heading) or _CLAUSES.search(heading):
        return False
    return bool(_OVERALL.search(heading)) or (holds and "方针" in heading)


def markers(text: str, present: int | None = None) -> tuple[int, int]:
    """The past and future markers of ``text``; a year named in it counts as
    a past marker before ``present`` (the year the report was given), as a
    future one from it on."""
    past = len(_PAST.findall(text)) - len(_NOT_PAST.findall(text))
    future = len(_FUTURE.findall(text))
    if present is not None:
        for m in _TEXT_YEAR.finditer(text):
            if m.start() and text[m.start() - 1].isdigit():
                continue
            if int(m.group()) < present:
                past += 1
            else:
                future += 1
    return past, future


def tense(text: str, present: int | None = None) -> float:
    """Past minus future markers (:func:`markers`) per thousand characters
    (positive: a review)."""
    return _rate(*markers(text, present), len(text))


def _rate(past: int, future: int, chars: int) -> float:
    if not chars or past + future < 2:
        return 0.0
    return 1000 * (past - future) / chars


@dataclass(frozen=True)
class Outline:
    """The structure of one report's sections (indices into its sections).

    ``parent``: the nearest section above of a lower level (None at the top);
    ``children``: the sections directly below; ``role``: see the module doc;
    ``cue``: what the heading alone says (+1 review, -1 plan, 0 neither);
    ``titles``: the headings over (nearly) the whole report;
    ``opening``: the first section with text (the opening address, a news
    lead), None when fewer than two sections have text (the report is all
    opening, or has none); ``asides``: a news report's boxes beside the
    story (新闻链接, 相关链接, 名词解释, 记者手记, 编者按: what the heading
    names is the box, not the work reported)."""

    parent: tuple[int | None, ...]
    children: tuple[tuple[int, ...], ...]
    role: tuple[Role, ...]
    cue: tuple[int, ...]
    titles: frozenset[int]
    opening: int | None
    asides: frozenset[int] = frozenset()

    def ancestors(self, i: int) -> list[int]:
        out = []
        p = self.parent[i]
        while p is not None:
            out.append(p)
            p = self.parent[p]
        return out

    def descendants(self, i: int) -> list[int]:
        out: list[int] = []
        stack = list(reversed(self.children[i]))
        while stack:
            k = stack.pop()
            out.append(k)
            stack.extend(reversed(self.children[k]))
        return out

    def related(self, i: int, j: int) -> bool:
        """One of the two sections holds the other."""
        return i in self.ancestors(j) or j in self.ancestors(i)

    def point(self, k: int) -> bool:
        """Section ``k`` is a point of a list: under a heading that holds several, with none below it."""
        p = self.parent[k]
        return p is not None and len(self.children[p]) > 1 and not self.children[k]


def _parents(sections: Sequence[Section]) -> list[int | None]:
    """Parents by heading level; a part label (a short heading with no text at
    the same level as the sections after it, in a flat outline) is the
    parent of those sections up to the next label or a higher heading."""
    parents: list[int | None] = []
    stack: list[int] = []
    label: int | None = None
    held = _held_by_parts(sections)
    for i, s in enumerate(sections):
        level = s.level
        while stack and sections[stack[-1]].level >= level:
            stack.pop()
        if label is not None and (sections[label].level != level or (not s.paragraphs and level)):
            label = None
        parent = stack[-1] if stack else None
        if label is not None and sections[label].level == level:
            parent = label
        parent = held.get(i, parent)
        parents.append(parent)
        if level:  # the lead (level 0, before any heading) holds nothing
            stack.append(i)
        if level and not s.paragraphs:
            nxt = sections[i + 1] if i + 1 < len(sections) else None
            label = i if nxt is not None and nxt.level == level and len(s.heading) <= LABEL_CHARS else None
    return parents


def _held_by_parts(sections: Sequence[Section]) -> dict[int, int]:
    """Headings without a part number standing between two numbered parts of
    their own level (一、… and 二、…, none higher between): the part before
    holds them (the end-of-term report's 五年来，… achievements under
    一、过去五年政府工作的回顾, set at the parts' level by the source's markup)."""
    held: dict[int, int] = {}
    run: list[int] = []  # unnumbered headings since the last numbered part of their level
    part: dict[int, tuple[int, int]] = {}  # level -> the last numbered part of that level and its number
    for i, s in enumerate(sections):
        if not s.level:
            continue
        for lv in [lv for lv in part if lv > s.level]:
            del part[lv]
        if m := _PART.match(s.heading):
            number = _ordinal(m.group(1))
            before = part.get(s.level)
            if before is not None and number == before[1] + 1:  # the next part, not a list begun anew
                held.update((k, before[0]) for k in run if sections[k].level == s.level)
            part[s.level] = (i, number)
            run = [k for k in run if sections[k].level < s.level]
        elif s.level in part and not _NUMBERED.match(s.heading):
            run.append(i)
        else:
            run = [k for k in run if sections[k].level < s.level]
    return held


def _ordinal(numeral: str) -> int:
    """一 … 十九 as a number (0 for anything else)."""
    digits = "一二三四五六七八九"
    if numeral in digits:
        return digits.index(numeral) + 1
    tens, _, ones = numeral.partition("十")
    if (tens and tens not in digits) or (ones and ones not in digits):
        return 0
    return 10 * (digits.index(tens) + 1 if tens else 1) + (digits.index(ones) + 1 if ones else 0)


def outline(sections: Sequence[Section], present: int | None = None) -> Outline:
    """The outline of ``sections``; ``present`` is the year the report was
    given (its date's year), which tells a past year from this one."""
    n = len(sections)
    parent = _parents(sections)
    children: list[list[int]] = [[] for _ in range(n)]
    for i, p in enumerate(parent):
        if p is not None:
            children[p].append(i)
    cues = [heading_cue(s.heading, present) for s in sections]
    # a heading over (nearly) the whole report is its title: it tells no part's role
    title = {i for i in range(n) if len(_below(children, i)) >= TITLE_SHARE * (n - 1) > 0}
    counts: dict[int, tuple[int, int, int]] = {}  # a section's markers, found when needed

    def count(k: int) -> tuple[int, int, int]:
        if k not in counts:
            text = sections[k].text
            counts[k] = (*markers(text, present), len(text))
        return counts[k]

    roles: list[Role] = []
    told_above: list[int] = []
    for i in range(n):
        above = 0
        p = parent[i]
        while p is not None and not above:
            above = 0 if p in title else cues[p]
            p = parent[p]
        told_above.append(above)
        evidence = OWN_WEIGHT * cues[i] + ABOVE_WEIGHT * above
        up = parent[i]
        if not above and up is not None and up not in title:  # the parent's role, told by its text
            evidence += PARENT_WEIGHT * _SIGN[roles[up]]
        if abs(evidence) < DECIDES + TENSE_CAP:  # the headings alone do not decide: the tense may
            past, future, chars = count(i)
            if not chars:  # an umbrella: the tense of what it holds
                held = [count(k) for k in _below(children, i)]
                past, future = sum(c[0] for c in held), sum(c[1] for c in held)
                chars = sum(c[2] for c in held) + len(held) - 1
            evidence += max(-TENSE_CAP, min(TENSE_CAP, _rate(past, future, chars) / TENSE_UNIT))
        roles.append(Role.REVIEW if evidence >= DECIDES else Role.PLAN if evidence <= -DECIDES else Role.OTHER)
    _plans_go_on(sections, parent, [cues[i] or told_above[i] for i in range(n)], roles)
    with_text = [i for i, s in enumerate(sections) if s.paragraphs]
    opening = with_text[0] if len(with_text) > 1 else None
    if opening == 0 and not sections[0].heading and roles[0] is Role.REVIEW \
            and not any(roles[k] is Role.REVIEW and parent[k] is None for k in range(1, n)):
        for k in range(1, n):  # the review told in the opening: a part after it leaning to the future is the plan
            if parent[k] is None and roles[k] is Role.OTHER and not cues[k] and _PART.match(sections[k].heading) \
                    and tense(sections[k].text, present) < 0:
                roles[k] = Role.PLAN
    asides = frozenset(i for i, s in enumerate(sections) if _ASIDE.fullmatch(s.heading.strip()))
    return Outline(tuple(parent), tuple(tuple(c) for c in children), tuple(roles), tuple(cues), frozenset(title),
                   opening, asides)


def _plans_go_on(sections: Sequence[Section], parent: Sequence[int | None], told: Sequence[int], roles: list[Role]) -> None:
    """A report's numbered parts run from the review to the plan: a part
    (一、 二、 …) after a sibling part that is a plan, whose role no heading
    tells (its own or one above), is a plan too, whatever its tense says
    (1997's 六、确保香港政权的顺利交接与平稳过渡 after four tasks tells much of
    what was done to prepare it; 1988's 十、…进一步加强国防建设)."""
    plan_seen: set[int | None] = set()  # parents under which a numbered part is a plan
    for i, s in enumerate(sections):
        if not s.level or not _PART.match(s.heading):
            continue
        if parent[i] in plan_seen and not told[i] and roles[i] is Role.REVIEW:
            roles[i] = Role.OTHER
        elif roles[i] is Role.PLAN:
            plan_seen.add(parent[i])


def _below(children: list[list[int]], i: int) -> list[int]:
    out: list[int] = []
    stack = list(children[i])
    while stack:
        k = stack.pop()
        out.append(k)
        stack.extend(children[k])
    return out

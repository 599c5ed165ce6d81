"""Goals a later report says were reached, in words (提前实现了本世纪末国民生产总值
比1980年翻两番的目标; 如期完成裁减员额50万的任务; “八七”扶贫攻坚目标基本实现),
as :mod:`erqi_diff.extract.links` reads them where no figure judges a goal.

A sentence says a goal was reached when a verb marked done (了, or 提前,
超额, 顺利, 圆满, 基本, 胜利, 如期 before it) leads to 目标/任务/计划/指标, or
目标/任务 is followed by 已/基本/提前… 实现/完成, and nothing in it speaks of
what is ahead (:data:`erqi_diff.extract.wording.AHEAD_WORDS`). Without 了 the
verb is done only under a heading that reviews (五年来，…: 如期完成裁减员额50万的任务);
elsewhere it is as often an instruction in a list of tasks (2005's plan:
继续推进国防科技工业改革和发展。圆满完成裁减军队员额20万的任务。). Every goal a
sentence says reached counts (顺利完成了“八五”计划，提前实现了…的目标: two).
A goal called only the year's (…的工作达到了年度目标; 实现了预定目标) is the
subject before the verb, and answers only goals of the year the report
reviews; one naming an indicator is :mod:`erqi_diff.extract.inwords`'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from erqi_diff.extract.indicators import mentions
from erqi_diff.extract.kinds import frame_goal
from erqi_diff.extract.sentences import split
from erqi_diff.extract.textkey import key_of
from erqi_diff.extract.wording import AHEAD_WORDS, DONE_ADVERBS, DONE_VERBS

# a sentence saying a goal, a task or a plan was reached (提前实现了…的目标, “八七”扶贫攻坚目标基本实现):
# the verb marked done (了, or 提前, 超额, 顺利, 圆满, 基本 before it), its object up to 目标/任务/计划
_DONE = re.compile(rf"(?:(?:{DONE_ADVERBS}|基本)(?:{DONE_VERBS})了?|(?:{DONE_VERBS})了)"
                   r"(?P<obj>[^，；。]{2,40}?)的?(?:目标|任务|计划|指标)"
                   r"|(?P<obj2>[^，；。]{2,30}?)(?:目标|任务|指标)(?:已经|已|基本|提前|如期|超额)(?:实现|完成)")
_SENTENCE = re.compile(r"[^。！？；\n]+")
_LARGELY = re.compile(r"基本(?:实现|完成|达到)|(?:目标|任务|指标)基本")
#: A sentence with these speaks of what is ahead or would be: no outcome.
_AHEAD = re.compile(AHEAD_WORDS + r"|前景|信心|今年")
_HAN4 = re.compile(r"[\u4e00-\u9fff]{4,}")
#: Four characters that name no particular goal: sharing them ties a sentence to none.
_GENERIC = frozenset({"国民经济", "经济社会", "社会发展", "人民生活", "进一步加", "一步加强", "全面建设", "现代化建",
                      "代化建设", "改革开放", "经济发展", "持续快速", "快速健康", "健康发展", "奋斗目标", "主要目标"})


@dataclass(frozen=True)
class Reached:
    """A ``sentence`` saying a goal was reached, and the goal's ``obj`` (its
    words); ``of_year``: the goal is called only the year's (达到了年度目标), its
    words the subject before the verb: it answers only goals of the year the
    report reviews."""

    sentence: str
    obj: str
    of_year: bool = False


def said_reached(body: str) -> list[Reached]:
    """Each goal ``body`` says was reached (see the module doc)."""
    out: list[Reached] = []
    for sent in split(body):
        if sent.heading:
            continue
        review = _reviews(sent.headings)
        for m in _SENTENCE.finditer(sent.text):
            sentence = m.group().strip()
            if _AHEAD.search(sentence):
                continue
            for done in _DONE.finditer(sentence):
                if not (review or done.group("obj2") or _PERFECTIVE.match(done.group())):
                    continue
                obj = done.group("obj") or done.group("obj2") or ""
                if _OF_YEAR.match(obj):  # …的工作达到了年度目标: the goal is the subject before the verb
                    subject = _subject(sentence, done.start())
                    if not mentions(subject):  # (an indicator's: read by erqi_diff.extract.inwords)
                        out.append(Reached(sentence, subject, True))
                else:
                    out.append(Reached(sentence, obj))
    return out


#: A goal's object that names only whose or when (年度, 预期, 年初确定的): the goal is the subject.
_OF_YEAR = re.compile(r"^(?:年度|全年|年初|预期|预定|既定|确定|规定|调控)+的?$")


def _subject(sentence: str, verb: int) -> str:
    """The words before the verb at ``verb`` in its clause, or in the clause
    before when its own has fewer than four characters (机构改革进展顺利，实现了预定目标)."""
    start = max(sentence.rfind(c, 0, verb) for c in "，,：:") + 1
    if verb - start >= 4 or start == 0:
        return sentence[start:verb]
    before = max(sentence.rfind(c, 0, start - 1) for c in "，,：:") + 1
    return sentence[before:verb]


#: The verb of :data:`_DONE`'s first form marked done by 了 (提前实现了, 超额完成了, 实现了).
_PERFECTIVE = re.compile(rf"(?:{DONE_ADVERBS}|基本)?(?:{DONE_VERBS})了")
#: A heading that reviews: a result needs no 了 under it (五年来，…: 如期完成裁减员额50万的任务).
_REVIEW_HEADING = re.compile(r"年来|以来|回顾|过去")


def _reviews(headings) -> bool:
    """The nearest heading that says reviews (see :func:`erqi_diff.extract.kinds.frame_goal`), or names a
    past run of years; a sentence under none, or under a plan, may be an instruction (圆满完成…的任务)."""
    return frame_goal(headings) is False or bool(headings and _REVIEW_HEADING.search(headings[0]))


def largely(sentence: str) -> bool:
    """The sentence says a goal was largely reached, not wholly (基本实现, 任务基本完成)."""
    return bool(_LARGELY.search(sentence))


def said_done(goal, later) -> tuple[int, str] | None:
    """(year, sentence) of the first of the ``later`` reports (each with its
    ``year``, ``frame`` and ``reached``, as :func:`said_reached` reads it) that says
    ``goal`` (a :class:`~erqi_diff.extract.facts.Fact`) was reached in words:
    the object shares six characters or more running with the goal's own
    clause (国民生产总值…翻两番), words that name no particular goal aside, and
    the sentence gives no figure other than the goal's; None when none does."""
    head = goal.text[:goal.quote_start - goal.start]
    clause = head[max(head.rfind(c) for c in "，；：") + 1:] + goal.text[goal.quote_end - goal.start:].split("，")[0]
    grams = {run[k:k + 4] for run in _HAN4.findall(clause) for k in range(len(run) - 3)} - _GENERIC
    if len(grams) < 3:
        return None
    year = goal.figure_span[1] if goal.figure_span else goal.figure_year
    names = programmes(goal.text[:goal.quote_start - goal.start])
    for report in later:
        for said in report.reached:
            if not goal.figure_span and report.frame.review == year and _group_done(goal, said):
                return report.year, said.sentence  # 钢铁、水泥等15个重点行业淘汰落后产能年度任务如期完成
            if said.of_year and report.frame.review != year:
                continue  # the year's target: of the year the report reviews only
            at = {said.obj.find(g) for g in grams if g in said.obj}
            if any(k + 1 in at and k + 2 in at for k in at) and not _other_figure(goal, said.sentence):
                return report.year, said.sentence  # six characters running: 国民生产总值
            obj = key_of(said.obj)
            if any(name in obj for name in names) and not _other_figure(goal, said.sentence):
                return report.year, said.sentence  # the programme the goal's sentence carries out: 扶贫攻坚
    return None


# the programme a goal's sentence carries out (要认真实施扶贫攻坚计划，…基本解决8000万人…): its name
_PROGRAMME = re.compile(r"(?:实施|执行|落实|推进)(?:好|了)?([“”\"\u4e00-\u9fff]{4,14}?)(?:计划|规划|纲要|工程)")


def programmes(lead: str) -> list[str]:
    """The names (quotes and a plan's number aside, four characters or more)
    of the programmes the words before a goal's figure say it carries out
    (扶贫攻坚 for 要认真实施扶贫攻坚计划, and for 实施“八七”扶贫攻坚计划): a later
    report saying that programme's goal was reached (“八七”扶贫攻坚目标基本实现)
    speaks of this goal."""
    out = []
    for m in _PROGRAMME.finditer(lead):
        name = re.sub(r"^(?:[一二三四五六七八九十]{2})", "", key_of(m.group(1)))
        if len(name) >= 4 and name not in _GENERIC:
            out.append(name)
    return out


#: A group of tasks said done (钢铁、水泥等15个重点行业淘汰落后产能年度任务如期完成): items listed, 等, a count of them.
_GROUP = re.compile(r"(?P<items>[\u4e00-\u9fff]{2,8}(?:、[\u4e00-\u9fff]{2,8})+)等(?P<count>\d+|[一二三四五六七八九十]+)个")
_FIGURE_START = re.compile(r"[\d一二两三四五六七八九十百千万]")


def _group_done(goal, said: Reached) -> bool:
    """``said`` reports a group of the year's tasks done, the goal's among them: its object
    lists items and a count of them (钢铁、水泥等15个重点行业…), two or more items, each a
    figure's item in the list the goal's clause gives (淘汰钢铁2700万吨、水泥4200万吨、平板玻璃
    3500万标准箱等落后产能: 平板玻璃 is one of the 等), four characters running of the rest
    of the object in that clause too (落后产能), and no figure in the sentence but the count."""
    group = _GROUP.search(said.obj)
    if group is None:
        return False
    at = goal.quote_start - goal.start
    text = goal.text
    start = max(text.rfind(c, 0, at) for c in "，；：。") + 1
    ends = [k for k in (text.find(c, at) for c in "，；。") if k >= 0]
    clause = text[start:min(ends) if ends else len(text)]
    items = group.group("items").split("、")
    if not all(any(_FIGURE_START.match(clause, m.end()) for m in re.finditer(re.escape(_tail(item, clause)), clause))
               for item in items):
        return False
    rest = said.obj[group.end():]
    grams = {run[k:k + 4] for run in _HAN4.findall(rest) for k in range(len(run) - 3)} - _GENERIC
    if not any(g in clause for g in grams):
        return False
    return not _other_figure(goal, said.sentence.replace(group.group(), ""))


def _tail(item: str, clause: str) -> str:
    """The longest end of ``item`` (two characters or more) that ``clause`` holds (全国钢铁: 钢铁), else the item."""
    for k in range(len(item) - 1):
        if item[k:] in clause:
            return item[k:]
    return item


def _other_figure(goal, sentence: str) -> bool:
    """The sentence gives figures, none the goal's own (完成裁减军队员额20万的任务
    does not speak of a reduction by 50万; 提前实现了…翻两番的目标 not of a growth by 7.5%)."""
    from erqi_diff.extract.numbers import find_quantities

    figures = [q for q in find_quantities(sentence) if q.value is not None]
    return bool(figures) and not any(q.value == goal.low and q.unit == goal.unit for q in figures)

"""The kind of a figure: an outcome (actual, estimate) or a goal (target, plan).

How these reports say which is which:

- the time of the figure against the report's date: a year before the
  report's is an outcome, a year after it a goal; a report given in
  January-March plans its own year; one given later in the year reviews the
  running part of it (上半年, 截至目前, 1-9月) and plans the rest (下半年);
  a goal the text gives no time, in a part on a plan ahead (绘就“十四五”蓝图),
  takes the plan's years, or an unstated year where that part also sets this
  year's goals, never the report's year by default; there a figure is ahead
  unless its clause says done, and a result takes nothing from the part
  (:mod:`erqi_diff.extract.planparts`);
- the words before the figure: a *strong* goal word (力争, 确保, 计划, 拟, 要…)
  sets a goal; a *weak* one (推进, 新建, 开工建设…) only where nothing says
  that the text reviews: not right under a heading that reviews (回顾, 成绩…),
  not in a sentence that has reported results before it, not for a running
  part of the year in a mid-year report, not for a span of years that has
  begun; a word of a result (完成, 实现, 建成, 已…) reports one;
  right under a heading that reviews, a goal word counts only in the figure's own
  clause (全年规划建设路网127条，开工建设61条: 127 planned, 61 started);
- a figure that follows from a condition (只要…就可以…, 如果…), or what a measure
  would bring (可以少用…, 可能增加…) or is expected (预计…) where the clause sets no
  goal, is a forecast;
- what was done is never a goal, whatever the frame: a verb with the
  perfective 了 right before the figure (把军队裁减了100万人), or what the figure
  brought after it (…，基本解决了…; …都发挥了重要作用), unless a strong goal word
  says otherwise (the level a planned change starts from, 由一九八○年的…增加到…,
  is that year's: bases.goal_start);
- what the country has (我国有2.9亿在校学生, 我国人均只有一亩半耕地) is a
  present stock, never a goal, of a year only where the text names one;
- 计划 as a noun is no goal word: the plan as a yardstick (占年度计划51%,
  比年初计划少了近500亿元) or
  in a name (天使救助计划、…);
- a goal is a *plan* when it is about the government's own means or actions
  (拟, 安排, 发行; investment, spending, funds, subsidies, taxes, bonds,
  pensions: the instruments) or a concrete count of things to do, and a
  *target* when it is about an outcome of the economy or of society (output,
  prices, incomes, consumption, jobs, population, poverty, emissions), a rate,
  or called a target (预期目标).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from erqi_diff.extract import hanscan
from erqi_diff.extract import wording as w
from erqi_diff.extract.facts import Kind, Period
from erqi_diff.extract.numbers import Quantity
from erqi_diff.extract.timing import Frame, When

TOTAL = re.compile(r"总投资额?$|计划总投资$")
# the plan as a yardstick: how far it got (占年度计划51%), by how much the year missed or beat it
# (全年货币发行还比年初计划少了近500亿元, 比计划多完成): a result
SHARE_OF_PLAN = re.compile(r"占[^，；]{0,6}计划|比[^，；。]{0,4}计划(?:多|少|超|增|减|节|提高|降低)")
# the things a plan holds (列入第六个五年计划的六十五种主要产品): which things, not a goal
LISTED_IN_PLAN = re.compile(r"(?:列入|纳入)[^，；。]{0,16}计划(?:中|内)?的")
PORTFOLIO = re.compile(r"^[^，；。]{0,10}项目[，,]?(?:[^，；。]{0,4})?(?:完成投资|已开工|开工率|完成年度投资|占年度)")
_TARGET_WORDS = r"预期目标|目标(?:是|为|定为|定在)|计划为|计划(?!生育|单列|经济)"
_FISCAL = {"财政赤字", "赤字率", "财政支出"}
_PUNCT = re.compile(r"[，；：。、,;:（）()]")
_PARTS = (Period.HALF, Period.QUARTER, Period.TO_DATE)
_PLAN_VERBS = re.compile(r"拟|安排(?!为)|发行")
_PROPOSED = re.compile(r"提出|确定|部署")
# what the country has (我国有2.9亿在校学生; 我国有13亿人口、9亿劳动力资源: the items of a list too)
_PRESENT = re.compile(r"(?:我国|全国|现)[^，；]{0,12}有(?:[^，；。、]{1,12}、){0,4}$"
                      r"|^(?:我国|全国)(?:的)?(?:人口|耕地)[^，；]{0,4}$")
_WILL_REACH = re.compile(r"将(?:达|达到)$")
# the cost against the estimate first made (现在要花的投资就比原来的概算增加一百八十五亿元): an overrun as
# things stand, no goal
_OVERRUN = re.compile(r"比原(?:来的?|先的?|定的?)?(?:概算|预算|计划投资)[^，；。]{0,4}(?:增加|超出|超过|多|突破)[了出]?$")
# work under way (政府正在组织…参加二百七十九项重大预备项目的前期准备工作): as things stand, no goal
_UNDER_WAY = re.compile(r"正在")
# the size of a cohort of people the year brings (今年高校毕业生超过1000万人): what is to come, no goal
# (the cohort as the clause's subject: 转移农村劳动力500万人 moves people, a plan)
_COHORT = re.compile(r"^(?:今年|明年|全年|届时)?(?:全国)?(?:高校|普通高校|大学)?(?:毕业生|新成长劳动力|适龄人口|考生)"
                     r"(?:人数|规模|总量)?(?:将|预计)?(?:超过|达到|达|约|近|有)?$")
# what follows a figure says what it brought (新建…学校18所，新增学位2万个，有效解决大班额问题): a result
_RESULTS_AFTER = re.compile(r"[，,][^。；]{0,30}(?:有效解决|基本解决|解决了|初步形成|受益|惠及|发挥了|起了|起到了)")
# what a measure would bring (即提高1%，可以少用标准煤600万吨; 还可能增加近百亿元) or is expected to come
# (五年内预计农民新建住宅二十五亿平方米): a forecast, not a goal, unless the clause sets one
_EFFECT = re.compile(r"(?:可以|可能|就能|能够)[^，；。]{0,6}$|(?<![年比])预计(?!的)[^，；。比由]{0,12}$")
_IF = re.compile(r"(?:只要|如果|假如|假若|倘若)[^。；]*[，,][^。；]*(?:就|便|将|可以|可)")
# what a figure would bring, said after it in its own clause (随着…，7%左右的速度可以实现比较充分的就业):
# the figure explains a goal set elsewhere, it sets none
# (a goal named after it, 翻两番的目标是完全可以做到的, is the goal itself, restated)
_EFFECT_AFTER = re.compile(r"(?:左右|以上|以内)?的(?!目标|任务|计划|指标)[^，；。、\d]{1,6}?(?:可以|能够|足以|就能|就可以)")
# a standing line the figure draws (严守18亿亩耕地红线, 坚决守住…红线): a rule that holds every year, no year's goal
_RED_LINE = re.compile(r"[^，；。、\d]{0,4}(?:红线|底线)")
# a named problem the figure is part of (以解决三个1亿人问题为着力点): a name, no amount to reach
_PROBLEM_NAME = re.compile(r"问题")
# the figure set against others' with the gap said (一亿吨石油所创造的价值同工业发达国家比较，相差很远):
# how things stand, no goal (set against a year's, 与上年相比, it is that year's figure, read as such)
_COMPARED = re.compile(r"[^。；]{0,30}?(?:同|与|和|跟)(?!上年|去年|前年|上一年|今年|本年)[^，；。\d年]{2,12}?"
                       r"(?:比较|相比|相较)[，,]?[^。；]{0,6}?"
                       r"(?:相差|差距|落后|不如|差得)")
_CALLED_TARGET = re.compile(r"预期目标|增长目标|调控目标|目标(?:是|为|定为|定在|拟定为)")


def strip_nouns(text: str) -> str:
    """``text`` without the uses of 计划 as a noun (占年度计划, 天使救助计划、)."""
    text = LISTED_IN_PLAN.sub("", SHARE_OF_PLAN.sub("", text))
    return hanscan.removed(text, hanscan.plan_nouns(text, w.PLAN_NOUN_FOLLOW))


def frame_goal(headings: Sequence[str]) -> bool | None:
    """The headings' frame: True under a heading that plans, False under one
    that reviews (the nearest heading that says either), None when none says."""
    for h in headings:
        if w.has_any(h, w.REVIEW_HEADINGS):
            return False
        if w.has_any(h, w.PLAN_HEADINGS):
            return True
    return None



# work already begun or done (已开工建设的…项目有九十三个), not a plan already made (已经提出了…的规划)
_BEGUN = re.compile(r"已(?:经)?(?:开工|建成|完成|投产|竣工|开始|启动|实施)")
_ALREADY = re.compile(r"已经|(?<!而)已(?!于|定|确定|列入|安排|下达)")
# a verb with the perfective 了 right before the figure says what has been done (把军队裁减了100万人,
# 安置了903万人); a list of projects drawn up (梳理了150个重大项目) is the size of the year's plan instead
_DONE = re.compile(r"(?<![为除])了(?:共|约|近|总共|总计|合计)?$")
#: A goal said reached before its time: a done verb before the figure, 的目标/任务 right after its clause's words.
_REACHED = re.compile(rf"(?:{w.DONE_ADVERBS})(?:{w.DONE_VERBS})了?|(?:{w.DONE_VERBS})了")
_GOAL_NAMED = re.compile(r"^[^，；。]{0,12}?的?(?:目标|任务)")

def goal_cue(text: str, q: Quantity, cs: int, headings: Sequence[str]) -> tuple[bool | None, bool]:
    """(cue, strong): cue is True when the words before the figure set a goal,
    False when they report a result, None when they say neither; ``strong``
    when a strong goal word says so (see the module doc)."""
    clause = text[cs:q.start]
    if SHARE_OF_PLAN.search(clause) or text.startswith(("的基础上", "基础上"), q.end):
        return False, False  # 占年度计划的117.5%: how far a plan got; 增长百分之十三的基础上: what was done
    review = bool(headings) and w.has_any(headings[0], w.REVIEW_HEADINGS)  # the nearest heading reviews
    scope = strip_nouns(clause if review else text[:q.start])
    if scope.endswith("安排") and text.startswith("就业", q.end):
        scope = scope[:-2]  # 五年安排三千八百多万人就业: jobs found, 安排 is no plan here
    if w.has_any(scope, w.GOAL_WORDS) or w.has_any(clause, w.CLAUSE_GOAL_WORDS):
        return True, True
    if w.has_any(clause, w.RESULT_WORDS):
        return False, False
    after = text[q.end:]
    cut = _PUNCT.search(after)
    if re.search(r"任务|目标", after[:cut.start()] if cut else after):
        return True, False  # 158个老旧小区整治提升任务
    if w.has_any(clause, w.WEAK_GOAL_WORDS) and headings and not review and not w.has_any(text[:cs], w.RESULT_WORDS) \
            and not _RESULTS_AFTER.search(text, q.end):
        return True, False  # 推进, 新建…: a goal, but not in the opening review, under a heading that reviews
    return None, False      # or in a sentence that reports results (…基本建成，打造微景观67处)


def kind_of(text: str, headings: Sequence[str], frame: Frame, para_estimate: bool, q: Quantity,
            name: str | None, when: When, cs: int) -> tuple[Kind, When]:
    """The kind of the figure ``q`` of ``text`` (its clause from ``cs``, its
    indicator ``name``), and its time with the report's date filling in a year
    the text leaves out."""
    before, clause_lead = text[:q.start], text[cs:q.start]
    offered = when if when.part else None  # the period of the figure's plan part: a goal's, if it is one
    if offered is not None:
        when = When(None, None, None, False)
    estimate = w.has_any(before, w.ESTIMATE_WORDS) or para_estimate or any(
        w.has_any(h, ("初步预计", "预计")) for h in headings[:1])
    cue, strong = goal_cue(text, q, cs, headings)
    take = False  # whether a goal takes the period its part offers
    last = when.span[1] if when.span else when.year
    if TOTAL.search(clause_lead) and (frame_goal(headings) is not False or cue or w.has_any(text, ("今年", "计划"))):
        # a list's total investment: the size of a plan; under a review heading, only in a sentence that
        # plans (今年…计划完成投资): else it is the size of projects begun (新开工10项…，总投资800亿元)
        return Kind.PLAN, when
    if _IF.search(before):
        return Kind.FORECAST, _offered(offered, when)  # 生产成本只要降低1%，一年就可以增加收入二十亿元: what would follow
    if _WILL_REACH.search(clause_lead) and not w.has_any(clause_lead, w.GOAL_WORDS) and \
            not w.has_any(clause_lead, w.INSTRUMENT_WORDS):  # (支出总额将达到664亿元: the government's own means, a plan)
        return Kind.FORECAST, when  # 高校毕业生将达727万人: what is expected to come, no goal
    if _RED_LINE.match(text, q.end) or _PROBLEM_NAME.match(text, q.end) or _COMPARED.match(text, q.end):
        # 严守18亿亩耕地红线, 三个1亿人问题, …同工业发达国家比较，相差很远: a standing line, a name, a comparison:
        # as things stand, of no year the text gives the figure (the context's years are a plan's)
        return Kind.ACTUAL, When(when.period, None, None, False)
    if text.startswith(("中国人", "多中国人", "人口", "多人口"), q.end):  # 14亿多中国人的饭碗: the people, as they are
        return Kind.ACTUAL, When(when.period, when.year if when.stated else None, when.span, when.stated)
    if _OVERRUN.search(clause_lead) or (_UNDER_WAY.search(before[max(0, cs - 30):q.start]) and not estimate
                                        and not w.has_any(clause_lead, w.GOAL_WORDS)):
        # as things stand: of a year the text says, never of a year ahead (a plan's years the paragraph names)
        dated = when.stated and when.year is not None and when.year <= frame.year and not when.span
        return Kind.ACTUAL, When(when.period, when.year, None, True) if dated else When(None, None, None, False)
    if _PRESENT.search(clause_lead) and not w.has_any(clause_lead, w.GOAL_WORDS):
        return Kind.ACTUAL, When(when.period, when.year if when.stated else None, when.span, when.stated)  # 我国有2.9亿在校学生
    if text.startswith(("的基础上", "基础上"), q.end) and not estimate:  # 在连续两年增长百分之十三的基础上: done
        if when.period is Period.MULTI_YEAR and not when.span:
            when = When(when.period, frame.review, None, False)
        return Kind.ACTUAL, when
    if when.period is Period.MULTI_YEAR and last is None:
        future = bool(cue) or when.future  # 今后一个时期…: years ahead the text does not count
        if not future:
            when = When(when.period, frame.review, None, False)  # 年均…: up to the year reviewed
    elif last is None:
        part = when.period in _PARTS
        if part and not frame.early:  # the running part of the year in a mid-year report: done, unless planned
            future = "下半年" in before or strong
        elif offered is not None:  # a part on a plan: ahead, as a year ahead is, unless its clause says done
            future = not (_ALREADY.search(clause_lead) or _done(text, q, clause_lead))
        else:
            future = (cue if cue is not None else bool(frame_goal(headings))) and not _done(text, q, clause_lead)
        # a goal with no time of its own takes its part's: the plan's years (绘就“十四五”蓝图), unstated where
        # the part sets this year's goals too (…今年…; 全力推进4个精品村建设: which, the text does not say)
        take = when.period is None
        if part or future:
            year = frame.year if frame.early or frame.month < 10 or part else frame.year + 1
        else:
            year = frame.review
        period = when.period
        if period is None:  # a report given late in the year it reviews: a running total
            period = Period.TO_DATE if (not future and year == frame.year) else Period.YEAR
        when = When(period, year, None, False)
    elif last > frame.year:
        future = True
    elif last < frame.year:
        future = False
    elif when.period in _PARTS and not frame.early:
        future = "下半年" in before or (strong and not w.has_any(clause_lead, w.RESULT_WORDS))
    elif frame.early:  # a report given early in the year: its year is ahead, unless its clause says already
        if estimate and w.has_any(clause_lead, ("预计今年", "预计全年")) and not w.has_any(clause_lead, w.INSTRUMENT_WORDS):
            return Kind.FORECAST, when  # 预计今年高校毕业生超过1170万人, in March: expected, no goal
        future = not (_ALREADY.search(clause_lead) or _done(text, q, clause_lead)
                      or _of_done_clause(text, cs, clause_lead))  # 已经加入17个国际人权公约: done
    elif when.span and when.span[0] < frame.year and not when.future:
        future = strong and not estimate  # 近三年…: a span begun before the report, done unless planned
    else:
        future = bool(cue) and not estimate
    if future and _reached_early(text, q, clause_lead):
        # 提前实现了本世纪末国民生产总值比1980年翻两番的目标: a goal for a year ahead, said reached: no target,
        # and the year it was reached is not said
        return Kind.ACTUAL, When(when.period, None, None, False)
    if future and not strong and (_done(text, q, clause_lead) or _RESULTS_AFTER.search(text, q.end)):
        future = False  # 把军队裁减了100万人; 共安排3700多万人就业，基本解决了…: what was done, whatever the frame
    if future and _BEGUN.search(clause_lead) and not w.has_any(clause_lead, w.GOAL_WORDS):
        # (“六五”计划安排的…项目共八百九十个，)其中已开工建设的…项目有九十三个: begun, its own clause says, by the
        # time of the report, not by the end of the plan
        future = False
        if last is not None and last >= frame.year:
            when = When(when.period, None, None, False)
    if not future:
        target_words = list(re.finditer(_TARGET_WORDS, strip_nouns(clause_lead)))
        target_word = target_words[-1] if target_words else None
        if target_word and cue and not estimate and \
                not re.search(r"完成|实现|达到|实际|超过|占", strip_nouns(clause_lead)[target_word.end():]):
            return Kind.TARGET, when  # a target restated (去年预期目标为5%左右): never an outcome
        proposed = _PROPOSED.search(strip_nouns(before))
        if proposed and w.has_any(strip_nouns(clause_lead), w.GOAL_WORDS) and not estimate and \
                not w.has_any(before[proposed.end():], w.RESULT_WORDS):
            return Kind.TARGET, when  # 去年…曾提出，要把…控制在百分之十以内: the goal set then, restated
        return (Kind.ESTIMATE if estimate else Kind.ACTUAL), when
    if _EFFECT.search(clause_lead) and not w.has_any(clause_lead, w.GOAL_WORDS) and \
            not w.has_any(clause_lead, w.INSTRUMENT_WORDS):
        return Kind.FORECAST, _offered(offered, when) if take else when
    if name is None and _EFFECT_AFTER.match(text, q.end) and not w.has_any(clause_lead, w.GOAL_WORDS):
        return Kind.FORECAST, when  # 7%左右的速度可以实现比较充分的就业: what the figure would bring
    if _COHORT.search(clause_lead) and not w.has_any(clause_lead, w.GOAL_WORDS):
        return Kind.FORECAST, when  # 今年高校毕业生超过1000万人，要加强就业创业指导: the cohort, not a goal
    return goal_kind(text, q, cs, name), _offered(offered, when) if take else when


def _offered(offered: When | None, when: When) -> When:
    """The period a plan part offers a goal (unstated where the part is mixed), else ``when``."""
    if offered is None:
        return when
    return When(None, None, None, False) if offered.unsure else replace(offered, part=False)


def _reached_early(text: str, q: Quantity, clause_lead: str) -> bool:
    """The figure is of a goal its clause says was reached (提前实现了…翻两番的目标),
    with no word of a goal still ahead before it."""
    reached = _REACHED.search(clause_lead)
    return bool(reached and _GOAL_NAMED.search(text[q.end:])
                and not w.has_any(clause_lead[reached.end():], w.GOAL_WORDS) and not w.has_any(clause_lead, w.AHEAD_WORDS))


#: A clause saying what the clause before it covers (…已由15.3%降到12%，涉及5300多个税目): of the same event.
_ELABORATES = re.compile(r"^(?:共|共计|共同)?(?:涉及|包括|覆盖|惠及)")


def _of_done_clause(text: str, cs: int, clause_lead: str) -> bool:
    """The figure's clause says what the clause before it covers, and that one says done (已), of no
    plan (实施方案已经基本成熟，共涉及…17个项目: a plan drawn up; what it covers is still ahead)."""
    if cs < 2 or text[cs - 1] not in "，,":
        return False
    before = text[max(text.rfind(c, 0, cs - 1) for c in "，,；。：") + 1:cs - 1]
    return bool(_ELABORATES.match(clause_lead) and _ALREADY.search(before) and not _A_PLAN.search(before))


_A_PLAN = re.compile(r"方案|规划|计划|意见|办法|预算")


def _done(text: str, q: Quantity, clause_lead: str) -> bool:
    """The figure follows a verb with the perfective 了 (see :data:`_DONE`)."""
    return bool(_DONE.search(clause_lead)) and not (q.is_count and "项目" in text[q.end:q.end + 8])


def goal_kind(text: str, q: Quantity, cs: int, name: str | None) -> Kind:
    """Target or plan, for a goal (see the module doc)."""
    before, clause_lead = text[:q.start], text[cs:q.start]
    if PORTFOLIO.search(text[q.end:q.end + 12]) and q.is_count:
        return Kind.PLAN  # 150个重大项目完成投资…: the size of the year's list of projects
    if name in _FISCAL:
        return Kind.PLAN
    if _CALLED_TARGET.search(clause_lead):
        return Kind.TARGET  # 广义货币M2预期增长目标拟定为13%左右
    if _PLAN_VERBS.search(clause_lead[-12:]) or w.has_any(before, ("拟安排", "拟按", "拟发行")):
        return Kind.PLAN
    if name is not None:
        return Kind.TARGET
    words = _subject_words(text, q, cs)
    if w.has_any(words, w.INSTRUMENT_WORDS):
        return Kind.PLAN
    if w.has_any(words, w.OUTCOME_WORDS) or q.is_percent:
        return Kind.TARGET
    return Kind.PLAN


def _subject_words(text: str, q: Quantity, cs: int) -> str:
    """The words of the figure's clause (the clause before too when its own
    lead names nothing: 社会商品零售总额2,200亿元，比1980年预计增加150亿元)."""
    cut = _PUNCT.search(text, q.end)
    words = text[cs:cut.start() if cut else len(text)]
    if cs > 0 and w.linking_only(re.sub(r"[，,：:；;]", "", text[cs:q.start])):
        words = text[max(0, text.rfind("，", 0, cs - 1) + 1):cs] + words
    return words

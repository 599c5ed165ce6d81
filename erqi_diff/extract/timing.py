"""When a figure is: its period and the calendar year it describes, read from
the words of time around it and the report's date.

A report states time in its own words: 2020年 (or 一九九○年), 去年 / 今年 /
明年 / 上年, 全年, 上半年, 前三季度, 1-10月, 年末, 五年来 / 过去五年 /
“十三五”期间 / 年均 / 累计. :func:`marks` finds them in a text; :func:`when`
decides the period and figure year of a figure from the marks before it
(its clause first, then its sentence, its paragraph, its headings) and, when
none says, from the report's date: a report given early in a year (Jan-Mar)
reviews the year before and plans its own; one given later speaks of its
own year. Years in a base (比2015年, 是2015年的1.67倍, 比上年, 超过去年水平) never
date a figure, nor does 全年 or 年度 in the name of a plan (占年度计划51%).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from erqi_diff.extract.facts import Period

_CN_YEAR_DIGITS = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8",
                   "九": "9", "○": "0", "〇": "0", "零": "0"}
#: Five-year plans: “六五” (1981-1985) ... “十四五” (2021-2025).
PLANS = {"一五": 1953, "二五": 1958, "三五": 1966, "四五": 1971, "五五": 1976, "六五": 1981, "七五": 1986,
         "八五": 1991, "九五": 1996, "十五": 2001, "十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021,
         "十五五": 2026}
_N_YEARS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

#: The number of a five-year plan (六五, 十四五, 第十个五年计划): 一 to 九, 十 to 十五.
_PLAN_NTH = "十[一二三四五]?|[一二三四五六七八九]"
_RE: dict[str, re.Pattern] = {}


def _re(name: str) -> re.Pattern:
    if not _RE:
        year = r"(?:(?:19|20)\d\d|[一二三四五六七八九][一二三四五六七八九○〇零]{3}|[12] [0-9] [0-9] [0-9])"
        _RE["mark"] = re.compile(
            rf"(?P<range>(?P<y1>{year})年?[-－—–~～至到](?:(?P<y2>{year})年|本世纪末))"
            rf"|(?P<base>(?:与|同)(?:去年|上年)同期相比|(?:{year}年|上年|去年|前年)的?水平|(?:比|较|同|与|是|相当于|为|占)(?:{year}年|上年|去年|前年|上一年|今年|本年|“[^”]{{1,3}}”(?:期间|时期))(?:同期|末)?|(?:比|较)(?:第?[一二三四]季度|上半年|前三季度|首季)|(?:同|与|和|跟)[^，,。；;\d年]{{1,12}}的{year}年(?=相比|比较)|按{year}年的?(?:不变|可比)?价格)"
            rf"|(?P<year>{year})年(?P<tail>底前|末|底|上半年|下半年|第?一季度|前三季度|前三个季度|以来|内|全年)?"
            r"|(?P<rel>今年|本年|去年|上年|上一年|明年|后年|前年|过去一年|当年)(?P<rtail>底前|末|底|上半年|下半年|第?一季度|前三季度|以来|全年)?"
            rf"|(?P<plan>(?:[“\"]?(?:{_PLAN_NTH})五[”\"]?|第(?P<nth>{_PLAN_NTH})个五年)"
            r"(?=期间|时期|以来|末|规划期内|计划期间|计划期内|(?:计划|规划)(?:草案|规定|提出|要求|安排|确定|的目标|，)))"
            r"(?:期间|时期|以来|规划期内|计划期间|计划期内)?"
            r"|(?P<half>上半年|下半年|前半年|后半年)"
            r"|(?P<quarter>第?[一二三四]季度|首季)"
            r"|(?P<todate>前三季度|前三个季度|前(?:\d{1,2}|[一二三四五六七八九十]{1,2})个月|1[-－—~至](?:\d{1,2})月(?:份)?|一至[一二三四五六七八九十]{1,2}月|年初以来|今年以来|截至目前|截止目前|截至\d{1,2}月底?)"
            r"|(?P<monthend>(?P<mon>\d{1,2}|[一二三四五六七八九十]{1,3})月(?:底|末)前?)"
            r"|(?P<fullyear>(?:全年|年度)(?!计划|目标|任务|预算|考核))"
            r"|(?P<yearend>年末|年底(?!前)|(?<=[\d月])底)"
            r"|(?P<deadline>年底前|年内)"
            r"|(?P<multi>(?:过去|这|近|今后|未来|最近)?(?<![一二两三四五六七八九十])(?P<n>[两二三]?十[一二三四五六七八九]?|[两二三四五六七八九十]|\d{1,2})(?:个)?年(?:来|间|内|中|里|共|合计|累计|以来|时间里)"
            r"|(?:过去|近|最近)(?P<n2>[两二三四五六七八九十]|\d{1,2})年(?!计划|规划)|这(?P<n3>[两二三四五六七八九十])年"
            # the years ahead, a plan's or not (今后八年计划建设的一百二十个大型项目: 计划 a verb)
            r"|(?:今后|未来)(?P<n6>[两二三四五六七八九十]|\d{1,2})年"
            r"|(?<![第个一二三四五六七八九十])(?P<n4>[两二三]?十[一二三四五六七八九]?|[两二三四五六七八九十])年"
            r"(?=为|共|增长|增加|年均|平均|累计|合计|新增|减少|下降|(?:接近|将近|近|超过)?翻|实现[^，。；]{0,12}翻)"
            r"|(?<![^，；。：\n])(?P<n5>[两三四五六七八九十])年(?=全[国社]|全部|国家|财政|城乡|农村|城镇)"
            r"|(?:过去|近)?一年(?:来|以来|中|里)"
            r"|本世纪末|本届政府|连年|(?:这个|这一|此)(?:期间|时期)|这期间|(?:近|这|今后|最近|前)几年(?:来|内|中|里)?|今后(?![一二两三四五六七八九十\d几]+个?年))"
            r"|(?P<avg>年均|平均每年|每年平均|年平均)"
            r"|(?P<cum>累计)")
    return _RE[name]


@dataclass(frozen=True)
class Mark:
    """A word of time in a text: its span, the period it gives, the year it
    names (or None), the span of years it names, and whether it binds only its
    own clause (年末, 年均, 累计) or the rest of its sentence."""

    start: int
    end: int
    period: Period | None
    year: int | None
    span: tuple[int, int] | None = None
    clause: bool = False
    relative: bool = False   # 今年, 去年...: the year comes from the report's date
    future: bool = False     # 明年, 今后五年, 五年内: the years ahead
    attached: bool = False   # 去年的2.1%: dates only the figure right after it
    local: bool = False      # “七五”计划草案规定: dates its own sentence only
    cumulative: bool = False  # 累计: several years unless another period stands with it
    unsure: bool = False     # a plan's part that also sets this year's goals: which, the text does not say
    part: bool = False       # the period of the plan part a heading opens (planparts): it dates goals only
    years: int | None = None  # 十年增加…: the years counted, their span left to the frame (see _combine)


def read_year(text: str) -> int | None:
    """1997, 一九九○, 1 9 9 7 -> the year; None if not a year."""
    text = text.replace(" ", "")
    if text.isdigit():
        return int(text)
    digits = "".join(_CN_YEAR_DIGITS.get(c, "?") for c in text)
    return int(digits) if digits.isdigit() else None


def _n(text: str | None) -> int | None:
    """1-39 in digits or Chinese numerals (五, 二十, 十二), else None."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if "十" in text and len(text) > 1:
        tens, _, ones = text.partition("十")
        return (_N_YEARS.get(tens, 0) if tens else 1) * 10 + (_N_YEARS.get(ones, 0) if ones else 0)
    return _N_YEARS.get(text)


@dataclass(frozen=True)
class Frame:
    """The report's date, as far as time words need it: ``year`` of the date,
    ``early`` when given in Jan-Mar (it reviews the year before and plans its
    own), and ``review``, the year it reviews: the year before for an early
    report; for one given later, the year its own words name most as done
    (去年 and the year before, or 今年 and this year)."""

    year: int
    month: int
    review: int
    plan: tuple[int, int] | None = None  # the five-year plan the report is about (关于…第六个五年计划的报告)

    @property
    def early(self) -> bool:
        return self.month <= 3

    @property
    def planned(self) -> int:
        """The year the report plans: its own, or the next for one given in Oct-Dec."""
        return self.year if self.early or self.month < 10 else self.year + 1

    @property
    def last_full(self) -> int:
        """The last year the report reviews (the end of its 五年来)."""
        return self.review

    @classmethod
    def of(cls, date: str, fallback_year: int, body: str = "") -> Frame:
        try:
            year, month = int(date[:4]), int(date[5:7])
        except ValueError:
            year, month = fallback_year + 1, 1
        plan = _plan_reported(body)
        if month <= 3 or not body:
            return cls(year, month, year - 1, plan)
        if month >= 10:  # given late in the year: it reviews that year (its figures estimates)
            return cls(year, month, year, plan)
        before = len(re.findall(rf"去年|上年(?!同期)|{year - 1}年", body))
        running = r"(?:以来|上半年|前三季度|1[-－—~至]\d{1,2}月)"
        this = len(re.findall(rf"今年{running}|截至目前|{year}年{running}|(?<!下)半年", body))
        return cls(year, month, year if this >= before else year - 1, plan)


_PLAN_REPORT = re.compile(rf"(?:第(?P<nth>{_PLAN_NTH})个五年"
                          rf"|[“\"](?P<abbr>{_PLAN_NTH})五[”\"])(?:计划|规划)(?:草案|纲要)?的报告")


def _plan_reported(body: str) -> tuple[int, int] | None:
    """The years of the five-year plan a report presents, when its opening says
    it is the report on that plan (作关于…第六个五年计划的报告): there, 五年内 and
    在这个期间 are the plan's years."""
    found = _PLAN_REPORT.search(body[:400])
    if found is None:
        return None
    first = PLANS.get(f"{found.group('nth') or found.group('abbr')}五")
    return (first, first + 4) if first else None


def marks(text: str, frame: Frame) -> list[Mark]:
    """The words of time in ``text``, in order (bases such as 比上年 left out)."""
    out: list[Mark] = []
    for m in _re("mark").finditer(text):
        mark = _mark(m, frame)
        if mark is not None and m.group("multi") and out and out[-1].span and \
                text[out[-1].end:mark.start] in ("", "的"):
            continue  # 从一九五三年至一九八○年的二十八年间: the years of the range before it
        if mark is not None and mark.span and out and out[-1].future and out[-1].span and not mark.future \
                and re.fullmatch(r"[，,]?(?:特别是|尤其是)", text[out[-1].end:mark.start]):
            # 今后八年，特别是近三年，…: the first years of the span ahead, dating its own sentence only
            n = mark.span[1] - mark.span[0] + 1
            first = out[-1].span[0]
            mark = replace(mark, year=first + n - 1, span=(first, first + n - 1), future=True, local=True)
        if mark is not None:
            attached = re.match(r"(?:预计|初步|计划)?的(?:[\d一二三四五六七八九十两]|百分之|千分之|约|近)",
                                text[mark.end:mark.end + 6])
            if attached and mark.year is not None and mark.span is None:
                mark = Mark(mark.start, mark.end, mark.period, mark.year, None, True, mark.relative, mark.future,
                            attached=True)
            out.append(mark)
    return out


_BARE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d年.%])")


def heading_time(text: str, frame: Frame) -> list[Mark]:
    """The marks of a heading, where a bare year also dates (2016，各项工作取得新突破; 总结2017)
    and so does the name of a plan ahead (绘就“十四五”蓝图: :func:`plan_named`)."""
    found = plan_named(text, frame, marks(text, frame))
    taken = [(m.start, m.end) for m in found]
    for m in _BARE_YEAR.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            year = int(m.group(1))
            found.append(Mark(m.start(), m.end(), Period.YEAR, year, future=year > frame.year))
    return sorted(found, key=lambda k: k.start)


def _mark(m: re.Match, frame: Frame) -> Mark | None:
    s, e = m.start(), m.end()
    if m.group("base"):
        return None
    if m.group("range"):
        y1 = read_year(m.group("y1"))
        y2 = read_year(m.group("y2")) if m.group("y2") else (2000 if frame.year < 2000 else None)  # …到本世纪末
        if y1 and y2 and y1 < y2:
            return Mark(s, e, Period.MULTI_YEAR, y2, (y1, y2))
        return None
    if m.group("year"):
        year = read_year(m.group("year"))
        if year is None or not 1949 <= year <= 2100:
            return None
        return _tailed(s, e, year, m.group("tail"), frame, relative=False)
    if m.group("rel"):
        word = m.group("rel")
        if word == "上年" and not m.group("rtail") and m.start() > 0:
            pass
        if word == "当年":  # that year: the one the context names, not the report's (当年新增加的生产能力)
            return Mark(s, e, Period.YEAR, None)
        delta = {"今年": 0, "本年": 0, "去年": -1, "过去一年": -1, "明年": 1, "后年": 2, "前年": -2}.get(word)
        if delta is None:  # 上年: the year before the one under review, in its own clause
            mark = _tailed(s, e, frame.review - 1, m.group("rtail"), frame, relative=True)
            return Mark(mark.start, mark.end, mark.period, mark.year, mark.span, True, True)
        return _tailed(s, e, frame.year + delta, m.group("rtail"), frame, relative=True, future=delta > 0)
    if m.group("plan"):
        key = f"{m.group('nth')}五" if m.group("nth") else m.group("plan").strip("“”\"")  # 第六个五年计划: “六五”
        first = PLANS.get(key)
        if first is None:
            return None
        if not m.group().endswith(("期间", "时期", "以来", "期内")) and first + 4 < frame.year:
            return None  # “十四五”规划重大工程项目 in 2023: a name, not the figure's time
        return Mark(s, e, Period.MULTI_YEAR, first + 4, (first, first + 4), future=first > frame.last_full,
                    local=not m.group().endswith(("期间", "时期", "以来", "期内")))
    if m.group("half"):
        return Mark(s, e, Period.HALF, None)
    if m.group("quarter"):
        return Mark(s, e, Period.QUARTER, None)
    if m.group("todate"):
        return Mark(s, e, Period.TO_DATE, None)
    if m.group("monthend"):  # 6月底前: the first half; 12月底前: the year; 1月底前, 9月底: a part of the year
        mon = m.group("mon")
        month = int(mon) if mon.isdigit() else {"十一": 11, "十二": 12}.get(mon) or _N_YEARS.get(mon)
        period = Period.HALF if month == 6 else Period.YEAR if month == 12 else Period.TO_DATE
        return Mark(s, e, period, None, clause=True)
    if m.group("fullyear"):
        return Mark(s, e, Period.YEAR, None)
    if m.group("yearend"):
        return Mark(s, e, Period.YEAR_END, None, clause=True)
    if m.group("deadline"):
        return Mark(s, e, Period.YEAR, None, clause=True)
    if m.group("multi"):
        return _multi(m, frame)
    if m.group("avg"):
        return Mark(s, e, Period.MULTI_YEAR, None, clause=True)
    if m.group("cum"):  # 累计: over several years, unless a shorter period stands with it (全年…累计)
        return Mark(s, e, None, None, clause=True, cumulative=True)
    return None


def _tailed(s: int, e: int, year: int, tail: str | None, frame: Frame, relative: bool,
            future: bool = False) -> Mark:
    period = {"末": Period.YEAR_END, "底": Period.YEAR_END, "上半年": Period.HALF, "下半年": Period.HALF,
              "一季度": Period.QUARTER, "第一季度": Period.QUARTER, "前三季度": Period.TO_DATE,
              "前三个季度": Period.TO_DATE, "全年": Period.YEAR, "底前": Period.YEAR, "内": Period.YEAR}.get(tail or "")
    if tail == "以来":
        return Mark(s, e, Period.MULTI_YEAR, None, (year, frame.last_full), relative=relative)
    return Mark(s, e, period, year, clause=tail in ("末", "底"), relative=relative,
                future=future or year > frame.year)


def _multi(m: re.Match, frame: Frame) -> Mark | None:
    s, e, word = m.start(), m.end(), m.group("multi")
    if word == "本世纪末":
        return Mark(s, e, Period.YEAR, 2000 if frame.year < 2000 else None, future=True)
    if word == "本届政府":
        return Mark(s, e, Period.MULTI_YEAR, None)
    if "几年" in word or word == "今后":  # 近几年把总产量稳定在一亿吨, 今后…: years the text does not count
        return Mark(s, e, Period.MULTI_YEAR, None, future=word == "今后", local=True)
    if word == "连年":  # 连年稳定在1.3万亿斤以上: several years, in its own clause
        return Mark(s, e, Period.MULTI_YEAR, None, clause=True)
    if word.endswith(("期间", "时期")):  # 在这个期间…计划增长百分之二十一点七: the period named before (“六五”)
        return Mark(s, e, Period.MULTI_YEAR, None)
    if m.group("n3") and frame.plan and m.string.startswith(("计划", "规划"), e):  # 这五年计划安排…: the plan's years
        return Mark(s, e, Period.MULTI_YEAR, frame.plan[1], frame.plan, future=frame.plan[1] > frame.last_full)
    if m.group("n4") or m.group("n5"):  # 五年为…, ，五年全社会固定资产投资…: several years, which the frame says
        return Mark(s, e, Period.MULTI_YEAR, None, years=_n(m.group("n4") or m.group("n5")))
    n = _n(m.group("n")) or _n(m.group("n2")) or _n(m.group("n3")) or _n(m.group("n6"))
    if n is None and re.match(r"(?:过去|近)?一年(?:来|以来|中|里)", word):
        return Mark(s, e, Period.YEAR, frame.review)  # 一年来: the year under review
    if not n or n > 30:
        return None
    ahead = word.startswith(("今后", "未来")) or (word.endswith(("内", "时间里")) and not word.startswith("过去"))
    if ahead and n == 5 and frame.plan:  # 五年内 in the report on a five-year plan: the plan's years
        return Mark(s, e, Period.MULTI_YEAR, frame.plan[1], frame.plan, future=frame.plan[1] > frame.last_full)
    if ahead:
        first = frame.year if frame.month <= 6 else frame.year + 1  # a report given by June counts its own year
        return Mark(s, e, Period.MULTI_YEAR, first + n - 1, (first, first + n - 1), future=True)
    last = frame.last_full
    return Mark(s, e, Period.MULTI_YEAR, last, (last - n + 1, last))


_CLAUSE_END = re.compile(r"[，；：,;:]")


@dataclass(frozen=True)
class When:
    """A figure's period, figure year and span, and whether the text stated
    its year (``stated``) or the report's date supplied it."""

    period: Period | None
    year: int | None
    span: tuple[int, int] | None
    stated: bool
    future: bool = False
    unsure: bool = False  # in a plan's part that also sets this year's goals (:class:`~erqi_diff.extract.planparts.PlanParts`)
    part: bool = False    # the period of the figure's plan part, not of its words: a goal's only (kinds.kind_of)


def clause_start(text: str, pos: int) -> int:
    """Start of the clause holding ``pos`` (after the last ，；： before it)."""
    last = 0
    for m in _CLAUSE_END.finditer(text, 0, pos):
        last = m.end()
    return last


def resolve(own: list[Mark], pos: int, clause_from: int, outer: list[list[Mark]],
            last_full: int | None = None) -> When | None:
    """The time of a figure at ``pos`` from the marks of its sentence
    (``own``; a clause-bound mark counts only from ``clause_from`` on) and,
    failing those, of ``outer`` contexts (earlier sentences of the paragraph,
    then the headings, innermost first). None when nothing says. A count
    of years before the figure re-spans a context's years all past
    (ending by ``last_full``, the last year the report reviews): :func:`_recounted`."""
    before = [m for m in own if m.end <= pos and (not m.clause or m.start >= clause_from)
              and (not m.attached or pos - m.end <= 3)]
    found = _combine(before)
    if found is not None and (found.year is not None or found.span is not None):
        return found
    fallback = None
    for context in outer:
        outer_found = _combine([m for m in context if not m.clause and not m.attached])
        if outer_found is None:
            continue
        if found is None:
            return outer_found
        if found.period is Period.MULTI_YEAR:
            if outer_found.span:  # 年均 under 过去五年: the span of the heading
                past = last_full is not None and outer_found.span[1] <= last_full
                counted = next((m.years for m in reversed(before) if m.years), None)
                if not past and counted and counted != outer_found.span[1] - outer_found.span[0] + 1:
                    # 二十年实现…翻两番 in a paragraph on “七五”期间: not those five years, and not said which twenty
                    return When(found.period, None, None, False, outer_found.future)
                span = _recounted(outer_found.span, before) if past else outer_found.span
                return When(found.period, outer_found.year, span, outer_found.stated, outer_found.future)
            fallback = fallback or outer_found
            continue
        return When(found.period, outer_found.year, None, outer_found.stated, outer_found.future)
    if found is not None and fallback is not None and fallback.year is not None and not found.future:
        return When(found.period, fallback.year, None, fallback.stated, fallback.future)  # (今后一个时期: unstated)
    return found


def _recounted(span: tuple[int, int], before: list[Mark]) -> tuple[int, int]:
    """``span`` (of a heading, 过去五年: years past), or as many years to its
    end as the nearest count of years before the figure says (五年年均增长5.2%，十年增加近
    70万亿元: 2013-2022 for the ten, under a review of 2018-2022)."""
    counted = next((m.years for m in reversed(before) if m.years), None)
    if counted and counted != span[1] - span[0] + 1:
        return (span[1] - counted + 1, span[1])
    return span


def _combine(found: list[Mark]) -> When | None:
    """The time of the nearest mark that dates (names a year or a span), with
    the period of that mark or of a nearer one (全年, 年均, 上半年 between it
    and the figure); a period alone when no mark dates."""
    if not found:
        return None
    period: Period | None = None
    if any(m.cumulative for m in found) and not any(m.period for m in found if not m.span and m.year is None):
        period = Period.MULTI_YEAR
    counted = None  # the years a nearer mark counts (十年增加… after 五年年均增长…: the ten years to the same end)
    for mark in reversed(found):
        if mark.year is None and mark.span is None:
            period = period or mark.period
            counted = counted or mark.years
            continue
        if mark.span is not None and (period is None or period is Period.MULTI_YEAR):
            if counted and counted != mark.span[1] - mark.span[0] + 1:
                span = (mark.span[1] - counted + 1, mark.span[1])
                return When(Period.MULTI_YEAR, mark.year, span, True, mark.future, part=mark.part)
            return When(Period.MULTI_YEAR, mark.year, mark.span, True, mark.future, part=mark.part)
        if mark.span is not None:
            return When(period, mark.span[1], None, True, mark.future)
        return When(period or mark.period or Period.YEAR, mark.year, None, True, mark.future)
    return When(period, None, None, False, any(m.future for m in found if m.year is None and m.span is None),
                unsure=any(m.unsure for m in found), part=any(m.unsure for m in found))


def within_past_frame(own: list[Mark], outer: list[list[Mark]], text: str, goal: bool) -> list[Mark]:
    """五年内 is the years ahead, except in a part the report frames as the
    years just past (under 五年来，… or after 过去五年，: the review a report
    gives at the end of a government's term), in a sentence that sets no
    goal: there it is that past span (五年内，全国造林面积2787万公顷 reviews
    the five years)."""
    if goal:
        return own
    past = next((m for ms in outer for m in ms if m.span and not m.future), None)
    if past is None or past.span is None:
        return own
    length = past.span[1] - past.span[0]
    out = []
    for m in own:
        word = text[m.start:m.end]
        if (m.future and m.span and word.endswith("内") and not word.startswith(("今后", "未来"))
                and m.span[1] - m.span[0] == length):
            m = Mark(m.start, m.end, m.period, past.year, past.span)
        out.append(m)
    return out


_PLAN_NAME = re.compile(rf"[“\"](?P<abbr>{_PLAN_NTH})五[”\"]"
                        rf"|第(?P<nth>{_PLAN_NTH})个五年(?:计划|规划)"
                        r"|(?<![一二三四五六七八九十\d])(?P<bare>十[一二三四五]?|[六七八九])五(?=计划|规划|时期|期间)")


_DRAFTING = re.compile(r"(?:编制|制定|谋划|起草|编好|研究|规划好)[^，。；：]{0,4}$")
_PLAN_START = re.compile(r"[^，。；：]{0,4}(?:开局|开好局|起步|起好步|第一年|首年)")


def plan_named(text: str, frame: Frame, found: list[Mark]) -> list[Mark]:
    """``found`` (the marks of a heading) with the five-year plans the heading
    names, when a plan begins after the years the report reviews (绘就“十四五”蓝图
    in January 2021: 2021-2025): what stands under it is of the plan's years.
    A plan begun or past (“十三五”答卷 in 2021), one to begin after the year
    planned or being drafted (科学编制“十四五”规划 in 2020) dates nothing here, nor one
    named beside the year planned (2021年工作：确保“十四五”开好局) or for its
    start (实现“十四五”良好开局): that is the year's work. Named beside another
    year (“十四五”规划和2035年远景目标), which of the two a goal is of the
    heading does not say: one unsure mark stands for both."""
    singles = [k for k in found if k.year is not None and k.span is None]
    if any(k.year is not None and k.year <= frame.planned for k in singles):
        return found
    plans = []
    for m in _PLAN_NAME.finditer(text):
        if any(k.start <= m.start() < k.end for k in found) or _PLAN_START.match(text, m.end()) or \
                _DRAFTING.search(text, max(0, m.start() - 6), m.start()):
            continue
        first = PLANS.get(f"{m.group('abbr') or m.group('nth') or m.group('bare')}五")
        if first and frame.last_full < first <= frame.planned:
            plans.append(Mark(m.start(), m.end(), Period.MULTI_YEAR, first + 4, (first, first + 4), future=True))
    if plans and singles:
        rest = [k for k in found if k not in singles]
        return sorted([*rest, Mark(plans[0].start, plans[0].end, None, None, unsure=True, part=True)],
                      key=lambda k: k.start)
    return sorted(found + plans, key=lambda k: k.start)

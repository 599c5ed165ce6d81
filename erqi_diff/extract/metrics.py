"""Metrics: indicator, value, unit, growth, period and qualifier, sentence by
sentence, from snapshots.

    全年地区生产总值完成567亿元，增长9%
      -> 地区生产总值 567 亿元, growth 9, period year
    今年上半年，全区地区生产总值完成282.8亿元，同比增长10.5%
      -> 地区生产总值 282.8 亿元, growth 10.5, period H1

Indicators are canonicalized by :data:`INDICATORS` (地区生产总值 = GDP =
国内生产总值), so one indicator lines up across years and series. A record
is made only where a number in the text stands right after an indicator the
table knows (or after 投资 following a named group of 项目): a sentence
without a number is never a metric, and no value is ever computed. Target
sentences (力争, 预期目标...) are goals (:mod:`erqi_diff.extract.goals`), not metrics.

Pure, regex only: this module is imported on the hot path of ``erqi-diff A B``.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass
from collections.abc import Iterable, Iterator

from erqi_diff.extract.numbers import Qualifier, Quantity, find_quantities

# canonical name -> aliases (regex). Longer, more specific names come first
# in the combined pattern, so 单位国内生产总值能耗 is not read as 国内生产总值.
INDICATORS: dict[str, tuple[str, ...]] = {
    "单位GDP能耗": ("单位国内生产总值能耗", "单位地区生产总值能耗", "单位生产总值能耗", "单位GDP能耗", "能耗强度"),
    "地区生产总值": ("地区生产总值", "国内生产总值", "生产总值", "GDP"),
    "一般公共预算收入": ("一般公共预算收入", "公共财政预算收入", "地方财政收入"),
    "一般公共预算支出": ("一般公共预算支出",),
    "民生支出": ("民生支出", "民生领域公共财政支出"),
    "固定资产投资": ("全社会固定资产投资", "固定资产投资"),
    "规模以上工业增加值": ("规模以上工业增加值", "规上工业增加值"),
    "高新技术产业增加值": ("高新技术产业增加值",),
    "社会消费品零售总额": ("社会消费品零售总额",),
    "居民消费价格": ("居民消费价格", "CPI"),
    "城镇新增就业": ("城镇新增就业人员", "城镇新增就业人数", "城镇新增就业"),
    "城镇调查失业率": ("城镇调查失业率",),
    "城镇登记失业率": ("城镇登记失业率",),
    "城镇居民人均可支配收入": ("城镇居民人均可支配收入", "城镇人均可支配收入"),
    "农村居民人均可支配收入": ("农村居民人均可支配收入", "农村人均可支配收入"),
    "进出口总额": ("进出口总额",),
    "粮食产量": ("粮食产量",),
    "优良天数": ("优良天数",),
    "专利申请量": ("专利申请量",),
    "新增绿化面积": ("新增绿化覆盖面积", "新增绿化面积", "新增绿地"),
    "新增市场主体": ("新增市场主体",),
}
KEY_INDICATORS = ("地区生产总值", "一般公共预算收入", "固定资产投资", "规模以上工业增加值",
                  "社会消费品零售总额", "居民消费价格", "城镇新增就业", "城镇调查失业率", "民生支出")

_CANON = {alias: name for name, aliases in INDICATORS.items() for alias in aliases}
_ALIAS_RE = re.compile("|".join(re.escape(a) for a in sorted(_CANON, key=len, reverse=True)))
# 投资 after a named group of projects: 150个重大项目完成投资470亿元
_INVEST_RE = re.compile(r"(?:总投资额?|(?:计划)?(?:完成)?(?:年度)?(?:计划)?投资)")
_PROJECT_RE = re.compile(r"([\u4e00-\u9fff]{1,4}?)项目")
_GROWTH_AFTER = re.compile(r"^[，,、]?(?:[一二三四五六七八九十\d]+年)?(?:同比|比上年|比去年|年均)?(?:增长|下降|增速|上涨)")
_FROM_TO = re.compile(r"^从[^，；]{1,16}(?:增加|提高|增长|上升|扩大|下降|减少|降低)到$")
_LEADING_VERB = re.compile(r"^(?:运作|推进|实施|开工|新建|建设|引进|纳入|梳理|启动|加快|签约)")
_GROWTH_RE = re.compile(r"(?:同比|比上年|比去年|年均)?(增长|增速|上涨|涨幅|提高|下降|降低|减少|回落)")
_NEGATIVE = ("下降", "降低", "减少")
_SHARE_RE = re.compile(r"占(?P<of>[^，；。]{2,16}?)的?(?:比重|比例)?(?:达到|为|达)?$")
_GAP_OK = re.compile(r"^(?:累计|预计|初步|同比|全年|年度|平均|年均)*(?:完成|实现|达到|达|为|突破|超过|增加到|提高到|控制在|回落到|降到|是)?"
                     r"(?:累计|预计)?(?:完成|实现|达到|达|为)?$")
_GOAL_RE = re.compile(r"力争|确保|(?<!年度)(?<!占)计划(?!的)|目标(?:是|为|：)|争取|年底前|月底前|要达到|将达到")

_SENTENCE_END = re.compile(r"[。！？!?]")
_YEAR_RE = re.compile(r"(20\d\d)(?:年(?![\d－\-~～至]|\d*月|上半年|一季度|前)|(?=[，,]))")
_REL_YEAR = (("今年", 0), ("本年", 0), ("去年", -1), ("过去一年", -1))


class Period(str, enum.Enum):
    """The span a figure covers. Only YEAR is a full year."""

    YEAR = "year"
    H1 = "H1"
    Q1 = "Q1"
    Q1_Q3 = "Q1-Q3"
    MONTHS = "months"          # 前N个月, 1-N月 (N in the record's period_detail)
    MULTI_YEAR = "multi-year"  # 年均, 五年来, “十三五”期间
    TO_DATE = "to-date"        # a mid-year report with no period in the text: never a full year


_PERIODS: tuple[tuple[re.Pattern, Period], ...] = (
    (re.compile(r"上半年|1[-－—~至]6月|前(?:6|六)个月|一至六月|\bH1\b"), Period.H1),
    (re.compile(r"前三季度|1[-－—~至]9月|前(?:9|九)个月"), Period.Q1_Q3),
    (re.compile(r"一季度|首季|1[-－—~至]3月|前(?:3|三)个月"), Period.Q1),
    (re.compile(r"前(?:\d+|[一二三四五六七八九十]+)个月|1[-－—~至]\d{1,2}月"), Period.MONTHS),
    (re.compile(r"年均|五年来|5年来|十年来|这五年|这5年|这十年|期间|以来"), Period.MULTI_YEAR),
    (re.compile(r"全年|年度(?!计划|目标)|20\d\d年(?![\d－\-~～至]|\d*月|上半年|一季度|前)|过去一年|去年"), Period.YEAR),
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a snapshot with what stands around it."""

    year: int
    date: str
    title: str
    section: str               # heading of its section ("" for the lead)
    headings: tuple[str, ...]  # the section's heading and its parents, innermost first
    paragraph: str
    start: int                 # offset of the sentence in the paragraph
    text: str                  # verbatim, without the closing 。


def sentences(snapshot) -> Iterator[Sentence]:
    """Every sentence of every paragraph (headings are context, not sentences)."""
    stack: list[tuple[int, str]] = []
    for section in snapshot.sections:
        if section.level:
            while stack and stack[-1][0] >= section.level:
                stack.pop()
            stack.append((section.level, section.heading))
        headings = tuple(h for _, h in reversed(stack))
        for paragraph in section.paragraphs:
            start = 0
            for m in _SENTENCE_END.finditer(paragraph + "。"):
                text = paragraph[start:m.start()]
                if text.strip():
                    yield Sentence(snapshot.year, snapshot.date, snapshot.title, section.heading, headings,
                                   paragraph, start, text)
                start = m.end()


def last_match(pattern: re.Pattern, text: str):
    """The last match of ``pattern`` in ``text``, or None."""
    found = None
    for found in pattern.finditer(text):  # noqa: B007 - the loop keeps the last
        pass
    return found


def period_of(sent: Sentence, pos: int) -> Period:
    """The period of a figure at ``pos`` in ``sent``: the nearest marker before it
    in the sentence, then the paragraph, the headings, the title; else full year
    for a report given in Jan-Mar (an annual review), to-date otherwise."""
    contexts = [sent.text[:pos], sent.paragraph[:sent.start], *sent.headings, sent.title]
    for i, context in enumerate(contexts):
        best, best_at = None, -1
        for pattern, period in _PERIODS:
            if i == len(contexts) - 1 and period is Period.YEAR:
                continue  # a year in the title (2018年…指数) says nothing of the period
            m = last_match(pattern, context)
            if m and m.start() > best_at:
                best, best_at = period, m.start()
        if best is not None:
            return best
    return Period.YEAR if month_of(sent.date) <= 3 else Period.TO_DATE


def reference_year(sent: Sentence, pos: int) -> int:
    """The calendar year a figure at ``pos`` speaks of: the nearest 2017年 /
    今年 / 去年 before it (sentence, paragraph, headings), else the year before
    the report's date for a report given in Jan-Mar, else the date's year."""
    year = year_of(sent.date)
    for context in (sent.text[:pos], sent.paragraph[:sent.start], *sent.headings):
        best, best_at = None, -1
        m = last_match(_YEAR_RE, context)
        if m:
            best, best_at = int(m.group(1)), m.start()
        for word, delta in _REL_YEAR:
            at = context.rfind(word)
            if at > best_at:
                best, best_at = year + delta, at
        if best is not None:
            return best
    return year - 1 if month_of(sent.date) <= 3 else year


def year_of(date: str) -> int:
    try:
        return int(date[:4])
    except ValueError:
        return 0


def month_of(date: str) -> int:
    try:
        return int(date[5:7])
    except ValueError:
        return 12


@dataclass(frozen=True)
class Metric:
    """One figure of one indicator, as ``erqi-diff metrics --json`` prints it."""

    year: int
    indicator: str
    value: float | list[float] | None
    unit: str | None
    growth_pct: float | None
    period: Period
    qualifier: str
    section: str
    text: str
    ref_year: int = 0

    def to_json(self) -> dict:
        return {"year": self.year, "indicator": self.indicator, "value": self.value, "unit": self.unit,
                "growth_pct": self.growth_pct, "period": self.period.value, "qualifier": self.qualifier,
                "section": self.section, "text": self.text}

    @property
    def full_year(self) -> bool:
        return self.period is Period.YEAR


def find_indicator(text: str, end: int) -> tuple[str, int, int] | None:
    """The indicator named right before ``end`` in ``text``: (canonical, start,
    end of the name), the nearest one; 投资 after ``N个X项目`` gives ``X项目投资``."""
    best = None
    for m in _ALIAS_RE.finditer(text, 0, end):
        best = (_CANON[m.group()], m.start(), m.end())
    inv = last_match(_INVEST_RE, text[:end])
    if inv and (best is None or inv.start() >= best[2]):
        project = last_match(_PROJECT_RE, text[:inv.start()])
        if project:
            name = re.sub(r"^.*[个等和及与]", "", project.group(1))
            name = _LEADING_VERB.sub("", name) if len(name) > 2 else name
            if name:
                kind = "总投资" if inv.group().startswith("总投资") else "投资"
                return (f"{name}项目{kind}", inv.start(), inv.end())
    return best


def is_goal_context(text: str) -> bool:
    return bool(_GOAL_RE.search(text))


def _growth_word(lead: str) -> str | None:
    m = last_match(_GROWTH_RE, lead[-8:])
    return m.group(1) if m else None


def extract_sentence(sent: Sentence) -> list[Metric]:
    """The metrics of one sentence, read number by number; reading stops
    where the sentence turns to targets (力争, 确保, 计划完成...)."""
    quantities = find_quantities(sent.text)
    if not quantities:
        return []
    reader = _Reader(sent)
    prev_end = 0
    for q in quantities:
        lead = sent.text[prev_end:q.start]
        if "从" in lead[-2:] or "由" in lead[-2:]:
            continue  # 从26.6万亿元增加到51.9万亿元: a start value; the lead runs on to the next number
        prev_end = q.end
        if is_goal_context(sent.text[:q.start]):
            break
        reader.read(q, lead)
    return [Metric(**r) for r in reader.records]


class _Reader:
    """Turns the numbers of one sentence into metric records (dicts until the end)."""

    def __init__(self, sent: Sentence) -> None:
        self.sent = sent
        self.records: list[dict] = []
        self.estimate = "预计" in sent.text or any("预计" in h for h in sent.headings)
        self.planning = is_goal_context(sent.text)

    def add(self, q: Quantity, indicator: str, growth=None) -> None:
        self.records.append(_record(self.sent, q, indicator, self.estimate, growth))

    def read(self, q: Quantity, lead: str) -> None:
        growth = _growth_word(lead)
        if self.share(q, lead, growth):
            return
        ind = find_indicator(self.sent.text, q.start)
        if ind and self.planning and ind[0].endswith("总投资"):
            return  # 项目171个，总投资75亿元，计划完成…: the size of a plan, not an outcome
        if ind and ind[1] >= q.start - len(lead) and self.named(q, ind, growth):
            return
        if growth and q.is_percent and self.records and _GROWTH_AFTER.match(lead):
            self.growth_after(q, growth)

    def share(self, q: Quantity, lead: str, growth) -> bool:
        """…25.2亿元，占一般公共预算支出的比重达到71.6%: a share of the last record."""
        m = _SHARE_RE.search(lead)
        if not (m and q.is_percent and self.records and not growth):
            return False
        of = find_indicator(m.group("of"), len(m.group("of")))
        base = self.records[-1]["indicator"]
        if of and base != of[0]:
            self.add(q, f"{base}占{of[0]}比重")
        return True

    def named(self, q: Quantity, ind: tuple[str, int, int], growth) -> bool:
        """A number right after an indicator's name: its value or its growth."""
        gap = self.sent.text[ind[2]:q.start]
        if any(word in gap for word in ("比重", "比例", "之比", "占")):
            return True  # a share of GDP is not GDP
        if growth and q.is_percent and _GROWTH_RE.search(gap) and len(gap) <= 14 and "，" not in gap:
            signed = _signed(q, growth)
            for other in _listed_before(self.sent.text, ind[1]):  # A、B均增长8%
                self.add(q, other, signed)
            rec = _find_open(self.records, ind[0])
            if rec is None:
                self.add(q, ind[0], signed)
            else:
                rec["growth_pct"] = signed
            return True
        if (_GAP_OK.match(gap) or _FROM_TO.match(gap)) and (not q.is_percent or ind[0] in _RATE_INDICATORS):
            self.add(q, ind[0])
            return True
        return False

    def growth_after(self, q: Quantity, growth: str) -> None:
        """…完成567亿元，增长9%: the growth of the last record, or a record of its
        own when its period differs (增加到121万亿元，五年年均增长5.2%)."""
        last = self.records[-1]
        if period_of(self.sent, q.start) is not last["period"]:
            self.add(q, last["indicator"], _signed(q, growth))
        elif last["growth_pct"] is None:
            last["growth_pct"] = _signed(q, growth)


def _listed_before(text: str, start: int) -> list[str]:
    """Indicators listed with 、 before the one at ``start`` (A、B均增长8%)."""
    names = []
    while start > 0 and text[start - 1] == "、":
        ind = find_indicator(text, start - 1)
        if not ind or ind[2] != start - 1:
            break
        names.insert(0, ind[0])
        start = ind[1]
    return names


_RATE_INDICATORS = {"城镇调查失业率", "城镇登记失业率"}


def _signed(q: Quantity, word: str) -> float | list[float]:
    value = q.json_value()
    if word in _NEGATIVE:
        return [-v for v in value] if isinstance(value, list) else -value
    return value


def _find_open(records: list[dict], indicator: str) -> dict | None:
    for rec in reversed(records):
        if rec["indicator"] == indicator and rec["growth_pct"] is None:
            return rec
    return None


def _record(sent: Sentence, q: Quantity, indicator: str, estimate: bool, growth=None) -> dict:
    qual = q.qualifier.value
    if estimate and q.qualifier is Qualifier.EXACT:
        qual = "estimate"
    return {"year": sent.year, "indicator": indicator,
            "value": None if growth is not None else q.json_value(),
            "unit": None if growth is not None else q.unit,
            "growth_pct": growth, "period": period_of(sent, q.start), "qualifier": qual,
            "section": sent.section, "text": sent.text, "ref_year": reference_year(sent, q.start)}


def is_plan(sent: Sentence, ref_year: int) -> bool:
    """A figure about the report's own year in a report given in Jan-Mar is a
    plan or target (that year has barely begun), not an outcome."""
    return month_of(sent.date) <= 3 and ref_year == year_of(sent.date)


def extract(snapshot) -> list[Metric]:
    """Every metric of one snapshot, in text order (a figure repeated with the
    same indicator, value and period is kept once, where it first stands)."""
    seen: set = set()
    out = []
    for sent in sentences(snapshot):
        for m in extract_sentence(sent):
            key = (m.indicator, str(m.value), m.unit, str(m.growth_pct), m.period)
            if key not in seen and not is_plan(sent, m.ref_year):
                seen.add(key)
                out.append(m)
    return out


def extract_many(snapshots: Iterable) -> list[Metric]:
    return [m for snap in snapshots for m in extract(snap)]


def indicators(records: Iterable[Metric]) -> list[str]:
    """Indicator names present, in the order of first appearance."""
    return list(dict.fromkeys(r.indicator for r in records))


def match_indicator(query: str, names: list[str]) -> list[str]:
    """Indicators answering to ``query``: an alias (GDP -> 地区生产总值) or a substring."""
    wanted = {name for alias, name in _CANON.items() if alias.lower() == query.lower()}
    hits = [n for n in names if n in wanted or query.lower() in n.lower()]
    return hits


def key_metric(records: Iterable[Metric], indicator: str) -> Metric | None:
    """The record shown for ``indicator`` in the diff strip: the first full-year
    one with a value, else the first full-year one, else the first at all."""
    candidates = [r for r in records if r.indicator == indicator]
    for test in (lambda r: r.full_year and r.value is not None, lambda r: r.full_year, lambda r: True):
        for r in candidates:
            if test(r):
                return r
    return None

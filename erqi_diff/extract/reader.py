"""The fact reader: every figure of a snapshot as a :class:`~erqi_diff.extract.facts.Fact`.

Sentence by sentence (:mod:`erqi_diff.extract.sentences`), every quantity
(:mod:`erqi_diff.extract.numbers`) that is a fact is read for

- its indicator: the canonical name standing before it in its clause with
  nothing but linking words between (国内生产总值比上年增长7.7%); a clause
  that starts with its verb (…，增长5.2%) continues the figure before it;
  ``A和B分别增长x、y`` gives x to A and y to B; ``A、B均增长8%`` is one figure
  of no single indicator;
- its measure (level, growth, change, ratio), sign and base from the verb
  before it (增长 / 下降 / 增加到 / 是…的X倍);
- its time (:mod:`erqi_diff.extract.timing`);
- its kind: an outcome of a past or running period (estimate when 预计 or
  初步 says so), a goal of a period ahead (a target for an outcome
  indicator or a rate, a plan for an allocation or a concrete action).

Not facts, never read: numbers inside quotes and titles (“三个二七”,
《…》), small counts in Chinese numerals (三个方面, 两项工作), ranks,
ages and ordinals.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, cast

from erqi_diff.extract import indicators as ind
from erqi_diff.extract import wording as w
from erqi_diff.extract.bases import (base_value, base_year, compared_year, dated_before, goal_start, part_year,
                                     since_a_year)
from erqi_diff.extract.coverage import acted_on, bare_rate, of_a_part, other_coverage
from erqi_diff.extract.facts import Fact, Kind, Measure, Period
from erqi_diff.extract.kinds import PORTFOLIO, kind_of, strip_nouns
from erqi_diff.extract.numbers import Modifier, Quantity, find_quantities, tidy
from erqi_diff.extract.qualitative import may_hold, read_words
from erqi_diff.extract.sentences import Sentence, split
from erqi_diff.extract.figure import is_fact
from erqi_diff.extract.what import what_of
from erqi_diff.extract.planparts import plan_parts
from erqi_diff.extract.timing import (Frame, Mark, When, clause_start, heading_time, marks, plan_named, resolve,
                                      within_past_frame)

_QUOTED = re.compile(r"“[^”]{0,40}”|《[^》]{0,60}》|‘[^’]{0,40}’|\"[^\"]{0,40}\"")
_BASE = re.compile(r"(?:同比|比上年同期|比上年年初预算|比去年预算|比上年预算|比上年|比去年|比上一年|较上年|"
                   r"比(?:(?:19|20)\d\d|[一二三四五六七八九][一二三四五六七八九○〇零]{3})年(?:末|预计)?|"
                   r"是(?:(?:19|20)\d\d)年的|比“[^”]{1,4}”期间|年均|平均每年|每年平均|每年)")
#: A level given as a yearly average over several years (城镇新增就业年均1270多万人): its base.
_PER_YEAR = re.compile(r"(?:年均|平均每年|每年平均)(?=[^，；。、\d]{0,6}$)")
_GROWTH_NOUN = re.compile(r"涨幅|增速|增幅|增长率|增长速度|降幅|上涨幅度|增长幅度")
_TO = re.compile(r"(?:到|至|为|达到|达)$")
_VERB_BEFORE = re.compile(r"(?:增加|减少|提高|降低|减收|增收)$")
_FROM = re.compile(r"(?:从|由)(?:上年的|去年的|(?:19|20)\d\d年(?:底|末)?的|"
                   r"[一二三四五六七八九][一二三四五六七八九○〇零]{3}年(?:底|末)?的|[^，；\d]{0,6})(?:[\d.]+%?、)*$")
_DATED = re.compile(r"\d{4}年|[一二三四五六七八九][一二三四五六七八九○〇零]{3}年|上年|去年|前年")
_LOST = re.compile(r"损失|少收|减收")
_COMPARING = ("比", "较", "同", "与")
_THIS_PERIOD = re.compile(r"(?:这个|这一|此|这)(?:期间|时期)")
_PERIOD_BASE = re.compile(r"(?:比|较|同|与)[^，；]{2,12}(?:期间|时期)的$")
_ADNOMINAL = re.compile(r"[^，。；：的\d]{1,6}的")
_EACH = re.compile(r"(?<![年平])均(?!价|衡|等)")
_CEILING = ("控制在", "不超过", "低于", "以内")
_PARTS = (Period.HALF, Period.QUARTER, Period.TO_DATE)
_ANNOUNCES = re.compile(r"(?:以下|如下)[^。；，]{0,8}[。：:]$|[：:]$")


def read_snapshot(snap) -> list[Fact]:
    """Every fact of ``snap`` (a :class:`~erqi_diff.core.snapshot.Snapshot`), in text order."""
    frame = Frame.of(snap.date, snap.year, snap.body)
    headline = ind.headline(snap.body)
    heading_marks: dict[str, list[Mark]] = {}
    plans = plan_parts(snap.body, frame)  # parts on a plan ahead (绘就“十四五”蓝图), mixed or not
    out: list[Fact] = []
    para, para_estimate = -1, False
    para_marks: list[list[Mark] | str] = []  # per earlier sentence: its marks, or its text until they are needed
    para_names: list[str | None] = []  # the indicator of each figure of the paragraph so far
    framing: list[Mark] = []  # the marks of the last heading that set a time (五年来, 今后五年…)
    opening: list[Mark] = []  # the span a paragraph opens with (过去五年，…), for the —— items after it
    outline: tuple[list[Mark], tuple[str, ...]] = ([], ())  # 五年来，…主要做了以下工作。: frames the outline
    for sent in split(snap.body):
        if sent.para_start != para:
            para, para_marks, para_estimate = sent.para_start, [], False
            unread = 0  # para_marks before this are marks, not text
            para_names = []
            if not sent.heading and not sent.paragraph.startswith("——"):
                opening = [m for m in marks(sent.text[:12], frame) if m.span and m.start == 0]
                if opening and _ANNOUNCES.search(sent.paragraph):
                    outline = (opening, sent.headings)
        quoted = _quoted_spans(sent.text)
        figures = [q for q in find_quantities(sent.text) if is_fact(sent.text, q, quoted)]
        if not figures and not sent.heading:
            para_marks.append(sent.text)  # its words of time are read only if a later figure needs them
            para_estimate = para_estimate or _leads_estimate(sent.text)
            if may_hold(sent.text):
                out.extend(read_words(snap.year, sent.text, sent.start, sent.headings, [], frame, headline))
            continue
        own = plan_named(sent.text, frame, marks(sent.text, frame)) if sent.heading else marks(sent.text, frame)
        heading_marks.update((h, heading_time(h, frame)) for h in sent.headings if h not in heading_marks)
        if sent.heading and any(m.year is not None or m.span or m.unsure for m in own):
            framing_next = [m for m in own if not m.attached]
        else:
            framing_next = framing
        if figures:
            for k in range(unread, len(para_marks)):  # (each read once: a long paragraph stays linear)
                if isinstance(text := para_marks[k], str):
                    para_marks[k] = _lead_marks(text, marks(text, frame), [])
            unread = len(para_marks)
            goal_sentence = w.has_any(strip_nouns(sent.text), w.GOAL_WORDS)
            outer = cast("list[list[Mark]]", para_marks[::-1])  # every one read just now
            if opening and sent.paragraph.startswith("——"):
                outer.append(opening)  # an item of the list a paragraph opened with 过去五年 announced
            heads = plans.settle([_one_year(heading_marks[h], goal_sentence) for h in sent.headings], sent.start)
            above = len(outline[1])
            if outline[0] and len(sent.headings) > above and tuple(sent.headings[len(sent.headings) - above:]) == outline[1]:
                heads.insert(len(heads) - above, outline[0])  # under the outline, before the headings above it
            outer += heads
            if framing and not any(m.year is not None or m.span or m.unsure for ms in outer[len(para_marks):] for m in ms):
                # a flat outline: the last heading that set a time frames what follows
                outer += plans.settle([framing], sent.start)
            own = within_past_frame(own, outer, sent.text, goal_sentence)
            reader = _SentenceReader(snap.year, sent, own, outer, frame, headline, para_estimate)
            reader.para_names = para_names
            found = reader.facts(figures)
            para_names += [f.indicator for f in found]
            words = read_words(snap.year, sent.text, sent.start, sent.headings, found, frame, headline)
            out.extend(sorted(found + words, key=lambda f: f.quote_start) if words else found)
        else:
            found = []
        framing = framing_next
        para_marks.append(_lead_marks(sent.text, own, found))
        para_estimate = para_estimate or (not found and _leads_estimate(sent.text))
    return _estimates_restated(out)


def _estimates_restated(facts: list[Fact]) -> list[Fact]:
    """A figure a report gives as an estimate anywhere (初步预计…GDP增长9%) is an
    estimate wherever the report restates it (a headline: GDP增长9%，…)."""
    def key(f: Fact) -> tuple:
        return f.indicator, f.measure, f.value, f.unit, f.period, f.figure_year

    estimated = {key(f) for f in facts if f.kind is Kind.ESTIMATE and f.indicator}
    if not estimated:
        return facts
    return [replace(f, kind=Kind.ESTIMATE) if f.kind is Kind.ACTUAL and key(f) in estimated else f for f in facts]


def _leads_estimate(text: str) -> bool:
    """A lead-in (初步预计：, 预计全年…) that makes the paragraph's figures estimates."""
    return w.has_any(text[:12], r"初步预计|预计全年|初步统计|初步核算")


def _one_year(found: list[Mark], goal: bool) -> list[Mark]:
    """A heading naming two years (1993年…的回顾和1994年工作的基本方针) dates
    a goal by the later and an outcome by the earlier."""
    years = sorted({m.year for m in found if m.year is not None and m.span is None})
    if len(years) < 2:
        return found
    keep = years[-1] if goal else years[0]
    return [m for m in found if m.year in (None, keep) or m.span is not None]


def _lead_marks(text: str, own: list[Mark], found: list[Fact]) -> list[Mark]:
    """The marks a sentence leaves for the sentences after it in its
    paragraph: all of a sentence without figures (1993年我国经济继续蓬勃发展;
    今年通货膨胀压力仍然较大), else those of its opening clause when that
    holds no figure (2012年，…; 过去五年，…); the marks of a figure are its own."""
    marks_ = [m for m in own if not m.clause and not m.attached and not m.local]
    if not found:
        if any(m.future and m.relative for m in marks_):
            return []  # 明年将…（由今年的…转为…）: about the year ahead, no frame for what follows
        # 把1984年末至1985年一度出现的经济过热…调整过来: a year inside a phrase naming a thing, not opening
        # its clause, frames nothing (今年国民经济计划的执行情况… opens it, and does)
        return [m for m in marks_ if m.start == clause_start(text, m.start) or not _ADNOMINAL.match(text, m.end)]
    first = min(f.quote_start - f.start for f in found)
    opening = text.index("，") if "，" in text else len(text)
    return [m for m in marks_ if m.end <= min(opening, first)]


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


class _SentenceReader:
    def __init__(self, year: int, sent: Sentence, own: list[Mark], outer: list[list[Mark]], frame: Frame,
                 headline: str, para_estimate: bool) -> None:
        self.year, self.sent, self.own, self.outer, self.frame = year, sent, own, outer, frame
        self.text = sent.text
        self.mentions = ind.mentions(self.text, headline)
        self.headline = headline
        self.para_estimate = para_estimate
        self.found: list[tuple[Fact, int]] = []  # fact, start of its clause
        self.para_names: list[str | None] = []   # indicators of the paragraph's earlier figures, in order
        self.qs: list[Quantity] = []             # the sentence's figures, set by facts()

    def facts(self, qs: list[Quantity]) -> list[Fact]:
        """The facts of the sentence's figures ``qs`` (the quantities that are facts, in order)."""
        out = []
        self.qs = qs
        for i, q in enumerate(qs):
            fact = self.read(q, qs[:i])
            if fact is not None:
                out.append(fact)
        return out

    # ---------------------------------------------------------- subject

    def subject(self, q: Quantity, cs: int, earlier: list[Quantity]) -> tuple[str | None, int, bool]:
        """(indicator, start of the words naming it, inherited?) for ``q`` in its clause from ``cs``."""
        text = self.text
        if self.found:
            prev = self.found[-1][0]
            between = text[prev.quote_end - self.sent.start:q.start]
            if between.startswith(("（", "(")) and not re.search(r"[）)]", between) and prev.indicator:
                return prev.indicator, q.start, True  # 增长百分之四（包括村办工业为百分之六）: the same, counted otherwise
        inside = [m for m in self.mentions if cs <= m.start and m.end <= q.start]
        lead = text[cs:q.start]
        if "分别" in lead or "、" in text[max(cs, (earlier[-1].end if earlier else cs)):q.start][:1]:
            split_name = self._respectively(q, cs, earlier, inside)
            if split_name is not None:
                return split_name
        if inside and _LOST.search(text, max(text.rfind("；", 0, inside[-1].start), 0), inside[-1].start):
            return None, inside[-1].start, False  # 损失工业总产值一千亿元，…财政收入四百亿元: what was lost, not the total
        if inside:
            m = inside[-1]
            gap = text[m.end:q.start]
            for e in reversed(earlier):
                if e.start >= m.end:
                    gap = gap.replace(e.text, "")
            if _EACH.search(gap) or (m.start > 0 and text[m.start - 1] == "、" and _EACH.search(text[m.end:q.start])):
                return None, m.start, False  # A、B均增长8%: of no single indicator
            if self._linking(m.end, q.start, earlier):
                if text[:m.start].rstrip("，,：: ").endswith("其中") and \
                        (m.name in self.para_names or any(f.indicator == m.name for f, _ in self.found)):
                    return None, m.start, False  # 其中中央财政赤字: a part of the whole
                if q.is_percent and not ind.is_rate(m.name) and not _growth_words(text[m.start:q.start]):
                    return None, m.start, False  # 财政支出70%以上用于民生: a share, not the level
                return m.name, m.start, False
            return None, m.start, False
        prev_clause_end = cs - 1
        if prev_clause_end > 0 and text[prev_clause_end] in "，：:":
            pcs = clause_start(text, prev_clause_end)
            named = [m for m in self.mentions if pcs <= m.start and m.end <= prev_clause_end]
            if named and not any(pcs <= e.start < prev_clause_end for e in earlier) and \
                    self._linking(named[-1].end, prev_clause_end) and self._linking(cs, q.start):
                return named[-1].name, named[-1].start, False  # 工农业总产值，比1980年预计增长5.5%
        carried = self._respectively_carried(q, cs)
        if carried is not None:
            return carried
        if self.found:
            prev, _ = self.found[-1]
            prev_end = prev.quote_end - self.sent.start
            start = cs if prev_end <= cs else prev_end
            own_lead = text[start:q.start]
            if own_lead.startswith("、"):
                start, own_lead = start + 1, own_lead[1:]
            if prev.indicator and own_lead and self._linking(start, q.start) and self._linking(prev_end, start) \
                    and not own_lead.startswith(("其中", "分别")):
                return prev.indicator, start, True
            if prev.indicator and _total_of(prev.indicator, own_lead) and self._linking(prev_end, start):
                return prev.indicator, start, True  # 财政收入…增加三百六十二亿元，全年总收入达到一千八百二十九亿元
        said = any(m.start < q.start for m in self.mentions)
        if not self.found and self.para_names and self.para_names[-1] and bare_rate(text, cs, q.start, said):
            return self.para_names[-1], cs, True  # …上涨幅度控制在百分之十以内。…，涨幅仍然高达百分之二十一点七
        return None, cs, False

    def _linking(self, start: int, end: int, earlier: Sequence[Quantity] = ()) -> bool:
        """Only linking words (and words of time, and earlier figures) between ``start`` and ``end``."""
        keep = [True] * (end - start)
        for m in self.own:
            for i in range(max(m.start, start), min(m.end, end)):
                keep[i - start] = False
        for e in earlier:
            for i in range(max(e.start, start), min(e.end, end)):
                keep[i - start] = False
        gap = "".join(c for c, k in zip(self.text[start:end], keep) if k)
        return w.linking_only(re.sub(r"[，,：:；;]", "", gap))

    def _respectively(self, q: Quantity, cs: int, earlier: list[Quantity], inside) -> tuple[str | None, int, bool] | None:
        """A和B…分别增长x、y: the n-th figure after 分别 is the n-th name before it."""
        text = self.text
        at = text.rfind("分别", cs, q.start)
        if at < 0:
            at = text.rfind("分别", 0, q.start)
            if at < 0:
                return None
        names = self._names_before(at)
        after = [e for e in earlier if e.start > at] + [q]
        if len(names) < 2 or len(after) > len(names):
            # 分别 with fewer names than figures: each figure is of something not named as an
            # indicator, never of the one name there is (unsure, so of none)
            return (None, cs, False) if at >= cs else None
        m = names[len(after) - 1]
        return m.name, m.start, False

    def _names_before(self, at: int) -> list:
        """The names a 分别 at ``at`` distributes: those of its clause, else of the clause before it."""
        text = self.text
        start = clause_start(text, at)
        names = [m for m in self.mentions if m.end <= at and m.start >= start]
        if not names and start > 0 and text[start - 1] in "，,":
            before = clause_start(text, start - 1)  # 农村…和城镇…，2000年分别达到2253元和6280元
            names = [m for m in self.mentions if before <= m.start and m.end < start]
        return names

    def _respectively_carried(self, q: Quantity, cs: int) -> tuple[str | None, int, bool] | None:
        """A clause naming nothing right after a 分别 clause goes on with its
        names: 分别达到2253元和6280元，平均每年实际增长4.7%和5.7% gives 4.7% to
        the first and 5.7% to the second when the clause has as many figures
        as there are names, and the figure to none when it has not (unsure:
        never the last name alone)."""
        text = self.text
        at = text.rfind("分别", 0, cs)
        if at < 0 or cs == 0 or at < clause_start(text, cs - 1) or any(at < m.start < cs for m in self.mentions):
            return None  # only the clause right after the one with 分别 goes on, and only when it names nothing
        names = self._names_before(at)
        if len(names) < 2:
            return None
        mine = [e for e in self.qs if clause_start(text, e.start) == cs]
        if len(mine) != len(names):
            return None, cs, False
        m = names[[e.start for e in mine].index(q.start)]
        return m.name, m.start, False

    # ---------------------------------------------------------- one figure

    def read(self, q: Quantity, earlier: list[Quantity]) -> Fact | None:
        text, sent = self.text, self.sent
        cs = clause_start(text, q.start)
        name, subj_start, inherited = self.subject(q, cs, earlier)
        lead = text[subj_start:q.start] if subj_start < q.start else ""
        clause_lead = text[cs:q.start]
        measure, value, base = self._measure(q, name, clause_lead if inherited else lead or clause_lead)
        if measure is None:
            return None
        speed = w.SPEED_AFTER.match(text, q.end) if name is None and measure is Measure.LEVEL and q.is_percent \
            and not clause_lead.strip() else None
        if speed:
            # ，7%左右的速度可以实现比较充分的就业: a bare 速度 after a figure opening its clause is the
            # economy's growth (after a verb, 实现7%左右的增长速度, restated.restatement reads it)
            name, measure = self.headline, Measure.GROWTH
        verb = _VERB_BEFORE.search(text, cs, subj_start) if measure is Measure.LEVEL and subj_start > cs else None
        if verb and not q.is_percent:  # 共计减少财政收入五百二十亿元: the change the verb before the indicator makes
            measure, value = Measure.CHANGE, _negate(value) if verb.group() in ("减少", "降低", "减收") else value
        if name and not inherited and (acted_on(text, cs, subj_start) or of_a_part(text, clause_start(text, subj_start),
                                                                                   subj_start)):
            name = None  # what a policy gave up (减少财政收入…); a part (三分之一的省…粮食产量): not the statistic
        if inherited and measure is Measure.LEVEL and q.is_percent and self.found and \
                self.found[-1][0].measure is Measure.GROWTH and not ind.is_rate(name):
            measure = Measure.GROWTH  # 计划为百分之四，预计可以达到百分之六点四: the growth goes on
        compared = compared_year(text, q.start)
        since = base if base is not None or compared is None else f"比{compared}年"
        if since is None and inherited and self.found and self.found[-1][0].base:
            since = self.found[-1][0].base  # 比一九七八年减少一百多亿元，减少近百分之十: the same comparison
        if since is None and measure is Measure.GROWTH and "；" in text[:cs]:  # …比一九八○年增长百分之十二点三；
            since = next((f.base for f, _ in self.found if base_year(f.base) is not None), None)  # 棉花…增长33%
        when = since_a_year(self._when(q, cs, measure, clause_lead), measure, since)
        kind, when = kind_of(text, sent.headings, self.frame, self.para_estimate, q, name, when, cs)
        if kind.is_goal and goal_start(text, q.start, q.end):
            # 物价涨幅要从14.8%降到10%左右: where the goal starts from, the year before, as it was
            kind = Kind.ACTUAL
            if when.year is not None and when.period is not Period.MULTI_YEAR and not dated_before(text, q.start):
                when = When(when.period, when.year - 1, None, when.stated, False)
        if kind.is_goal and when.span and when.span[1] < self.frame.year and _PERIOD_BASE.search(text[:q.start]):
            kind = Kind.ACTUAL  # 比第五个五年计划期间的五百七十七亿元增加: the period compared with, as it was
        past = base_value(text, q.start)
        if past and measure is Measure.LEVEL and past[0] < self.frame.year:
            # 比一九八○年的七千一百五十九亿元增加…: the value of that year, as it was
            kind = Kind.ACTUAL
            when = When(Period.YEAR_END if past[1] else Period.YEAR, past[0], None, True, False)
        if kind.is_outcome and q.is_count and PORTFOLIO.search(text[q.end:q.end + 14]):
            kind = Kind.PLAN  # 150个重大项目完成投资470亿元: the size of the year's list of projects
            if when.period in _PARTS:
                when = When(Period.YEAR, when.year, None, when.stated, when.future)
        if when.period is Period.YEAR and (ind.is_stock(name) or (
                measure is Measure.LEVEL and q.is_percent and re.search(r"年底前?|年末", clause_lead))):
            when = When(Period.YEAR_END, when.year, None, when.stated, when.future)  # a stock, a rate by 年底
        modifier = q.modifier
        if kind.is_goal and modifier is Modifier.POINT and w.has_any(clause_lead[-6:], _CEILING):
            modifier = Modifier.AT_MOST
        unit = q.unit
        what = what_of(self.text, self.qs, q, cs, subj_start, name) or (speed.group()[1:] if speed else "")
        if name and (covered := other_coverage(text, q.start)):
            what = f"{name}（{covered}）"  # 农业总产值…百分之四（包括村办工业为百分之六）: the statistic of another coverage
        fact = Fact(
            year=self.year, indicator=name, what=what, measure=measure, value=value, unit=unit,
            modifier=modifier, period=when.period, figure_year=when.year,
            figure_span=when.span if when.period is Period.MULTI_YEAR else None, kind=kind, base=base,
            quote=q.text, text=text, start=sent.start, end=sent.end, quote_start=sent.start + q.start,
            quote_end=sent.start + q.end, section=sent.headings[0] if sent.headings else "")
        self.found.append((fact, cs))
        return fact

    def _measure(self, q: Quantity, name: str | None, lead: str) -> tuple[Measure, Any, str | None]:
        """(measure, signed value, base) of ``q`` from the words before it."""
        raw = q.json_value()
        value: Any = tuple(raw) if isinstance(raw, list) else raw
        near = lead[-14:]
        direction = w.last_direction(near)
        if (direction and not (q.is_percent or q.unit in ("倍", "成")) and len(near) - direction[1] > 6
                and not _FUNDS_OBJECT.search(near[direction[1]:])):
            direction = None  # 降低可使农民减轻负担70亿元: the verb is not the figure's (but 增加…建设投资100亿元 is)
        to_after = direction is not None and bool(_TO.search(near[:direction[1] + 1]) or
                                                   re.match(r"^(?:到|至)", near[direction[1]:]))
        bases = _BASE.findall(lead)
        base = bases[-1] if bases else None
        if q.unit == "番":
            return Measure.RATIO, value, base
        if q.unit == "倍":
            if re.search(r"(?:是|相当于|为)[^，；]{0,12}$", near) and not (direction and not to_after):
                return Measure.RATIO, value, base
            measure = Measure.GROWTH
        elif q.is_percent or q.unit == "成":
            if _GROWTH_NOUN.search(lead) or (direction and not to_after) or name in ind.PRICE_INDEXES:
                measure = Measure.GROWTH  # a price index in % is always its rise
            else:
                return Measure.LEVEL, value, _per_year(lead)
        elif direction and not to_after:
            measure = Measure.CHANGE
        else:
            return Measure.LEVEL, value, _per_year(lead)
        down = direction is not None and direction[0] == "down" and not (to_after and measure is Measure.GROWTH)
        if "降幅" in near:
            down = True
        if down:
            value = _negate(value)
        return measure, value, base

    def _when(self, q: Quantity, cs: int, measure: Measure, clause_lead: str) -> When:
        own = self.own if measure is Measure.LEVEL else [  # 比第五个五年计划期间的577亿元增加68%: the base's time
            m for m in self.own if not (m.span and self.text.endswith(_COMPARING, 0, m.start))]
        when = resolve(own, q.start, cs, self.outer, self.frame.last_full)
        if any(m.end <= q.start and _THIS_PERIOD.fullmatch(self.text, m.start, m.end) for m in own):
            plan = self.frame.plan  # in the report on a plan, the plan when the text before names it or nothing
            if plan and (when is None or when.year is None or any(m.span == plan for ms in self.outer for m in ms)):
                return When(Period.MULTI_YEAR, plan[1], plan, True, True)
            return When(Period.MULTI_YEAR, None, None, False)  # 在这个期间: which period, the text before may not say
        if when is None:
            when = When(None, None, None, False)
        own_span = [m for m in self.own if m.end <= q.start and m.span]
        if when.period is Period.MULTI_YEAR and not own_span:  # 平均每年降低1个百分点以上，五年内取消…:
            after = [(m.span, m.future) for m in self.own if m.start >= q.end and m.period is Period.MULTI_YEAR and m.span
                     and not self.text.endswith(_COMPARING, 0, m.start)]  # 比第五个五年计划期间的…: what it is compared with
            if after:  # the span the sentence names after the figure
                (first, last), future = after[0]
                return When(Period.MULTI_YEAR, last, (first, last), True, future)
        held = part_year(self.text, q.end)  # 五年合计财政支出为6098亿元，其中一九八五年为…: the five years up to 1985
        if when.period is Period.MULTI_YEAR and when.span and held is not None and held > when.span[1] and \
                not any(_DATED.search(self.text[m.start:m.end]) for m in own_span):
            n = when.span[1] - when.span[0]
            return When(Period.MULTI_YEAR, held, (held - n, held), when.stated, held > self.frame.last_full)
        if re.search(r"总投资额?$|计划总投资$", clause_lead):
            return When(Period.MULTI_YEAR, None, None, False)  # a list's total investment: over the projects' lives
        frm = _FROM.search(clause_lead)
        if frm and measure is Measure.LEVEL and not _DATED.search(frm.group()) and when.year is not None and \
                when.period is not Period.MULTI_YEAR and re.search(r"(?:提高|增加|上升|下降|降低|减少|扩大)(?:到|至)",
                                                                    self.text[q.end:q.end + 12]):
            compared = compared_year(self.text, q.start)  # 1986年同1978年相比，…由3480亿元增加到9380亿元: 3480 is 1978's
            year = compared if compared is not None and compared < when.year else when.year - 1
            return When(when.period, year, None, when.stated, False)  # 由240元提高到280元: 240 is last year's
        if when.period is Period.MULTI_YEAR and when.span and measure is Measure.LEVEL:
            own_multi = any(m.end <= q.start and m.period is Period.MULTI_YEAR and m.clause and m.start >= cs
                            for m in self.own) or "合计" in clause_lead or "总计" in clause_lead \
                or "年平均" in self.text[:q.start]  # “六五”期间…合计达到; …的年平均产量由…增加到…，棉花由…增加到…
            if frm and not re.search(r"\d{4}年|[一二三四五六七八九][一二三四五六七八九○〇零]{3}年|上年|去年", frm.group()):
                return When(Period.YEAR, when.span[0] - 1, None, when.stated, when.future)
            if not own_multi and re.search(r"(?:(?:增加|提高|增长|扩大)[到至]|达到|跃升到|突破|超过|升至|上升到|下降到|降到|降至)"
                                           r"[^，；]{0,4}$", clause_lead):
                return When(Period.YEAR, when.span[1], None, when.stated, when.future)
        return when


def _growth_words(text: str) -> bool:
    return bool(_GROWTH_NOUN.search(text) or w.last_direction(text))


# a direction verb's object, the funds it changes by the figure after them (增加中央预算内经常性建设投资100亿元)
_FUNDS_OBJECT = re.compile(r"^[^，；。：、可使让把将到至为达]{1,12}(?:投资|资金|投入|支出|补助|经费|贷款|国债)$")


def _negate(value):
    if isinstance(value, tuple):
        return (tidy(-value[1]), tidy(-value[0]))
    return tidy(-value) if value else value


def _total_of(indicator: str, lead: str) -> bool:
    """Whether ``lead`` names the whole of ``indicator`` just told, by 总 and
    its head noun alone (全年总收入达到… after 财政收入…增加…: the year's total
    revenue); never of a figure per head (人均纯收入 … 总收入 is another total)."""
    head = indicator[-2:]
    return "人均" not in indicator and bool(re.fullmatch(rf"(?:全年|年度|当年)?(?:的)?总{head}(?:为|是|达到|达|共|计)?", lead))


def _per_year(lead: str) -> str | None:
    """The base of a level that is an average a year (see :data:`_PER_YEAR`), else None."""
    found = _PER_YEAR.search(lead)
    return found.group() if found else None

"""The fact model: one record for every number the tool reads, metrics and
goals alike.

A :class:`Fact` is one figure of one report: what it measures, its value,
the span of time it describes (``period``, ``figure_year``), whether it is
an outcome or a goal (``kind``), and where it stands (the sentence verbatim
and its offsets in the snapshot body). It is documented once, here, and
printed by ``erqi-diff metrics --json``, ``goals --json`` and ``targets
--json`` through the one encoder (:mod:`erqi_diff.views.encode`).

:func:`read_facts` reads them from a snapshot (see :mod:`erqi_diff.extract.reader`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, fields

from erqi_diff.extract.numbers import Modifier

__all__ = ["Fact", "Kind", "Measure", "Modifier", "Period", "read_facts", "read_many"]


class Measure(str, enum.Enum):
    """What the number is of the thing measured."""

    LEVEL = "level"    # the figure itself: 567亿元, 失业率5.2%
    GROWTH = "growth"  # a relative change: 增长9%, 下降0.3个百分点, 上涨2% (decreases negative)
    CHANGE = "change"  # an absolute change: 比上年增加120亿元, 减少1232万人 (decreases negative)
    RATIO = "ratio"    # a multiple: 是2015年的1.67倍, 翻两番


class Period(str, enum.Enum):
    """The span of time a figure covers."""

    YEAR = "year"              # a calendar year
    HALF = "half"              # 上半年, 下半年
    QUARTER = "quarter"        # 一季度
    TO_DATE = "to-date"        # 前三季度, 1-10月, 今年以来: a running total within a year
    YEAR_END = "year-end"      # a stock at the end of a year: 年末, 年底
    MULTI_YEAR = "multi-year"  # 五年来, 年均, 累计, “十三五”期间: several years


class Kind(str, enum.Enum):
    """Whether a figure is an outcome or a goal."""

    ACTUAL = "actual"      # an outcome reported as achieved
    ESTIMATE = "estimate"  # an outcome of a finished or running period marked 预计, 初步
    TARGET = "target"      # a goal value for an outcome indicator: 预期目标, 力争, 左右 in a plan
    PLAN = "plan"          # an allocation or an action scheduled: 拟安排, 计划完成投资, 新建学校5所
    FORECAST = "forecast"  # a projection that is neither a goal nor a plan (只要…就可以…)

    @property
    def is_goal(self) -> bool:
        return self in (Kind.TARGET, Kind.PLAN)

    @property
    def is_outcome(self) -> bool:
        return self in (Kind.ACTUAL, Kind.ESTIMATE)


@dataclass(frozen=True)
class Fact:
    """One figure of one report, as ``metrics``, ``goals`` and ``targets`` print it.

    - ``year``: the report (snapshot) the figure stands in.
    - ``indicator``: the canonical indicator (:mod:`erqi_diff.extract.indicators`:
      GDP, 城镇新增就业...), or null for a figure of anything else (a concrete
      count: 20条道路建成通车); ``what``: the words naming what is measured,
      as written (国内生产总值增长, 道路建成通车).
    - ``measure``: level, growth, change or ratio (:class:`Measure`).
    - ``value``: the number as written before its magnitude (567 for 567亿元),
      a range as ``[low, high]``; a growth or change that is a decrease is
      negative (下降0.3个百分点 -> -0.3). ``unit``: magnitude and unit as
      written (亿元, 万亿元, %, 个百分点, 万人, 条; "" for a bare count).
      ``growth_pct`` (added) is the value of a growth in %, else null; ``base``
      the base of a growth or change as written (同比, 比上年, 年均), else null.
    - ``modifier``: point, about (左右), at_least (以上, 超过), at_most (以内,
      控制在 in a goal), range, absent (a target the report says it does not
      set), qualitative (a target in words: 与经济增长基本同步); the last two
      have ``value`` null, ``unit`` "" and the words as ``quote``
      (:class:`~erqi_diff.extract.numbers.Modifier`, :mod:`erqi_diff.extract.qualitative`).
    - ``period`` (:class:`Period`, null when the text does not say) and
      ``figure_year``: the calendar year the figure describes, from the
      sentence's own 2020年 / 去年 / 今年 / 上年 / 全年 / 五年来 and the report's
      date; null when the text does not settle it (never a guess). For a
      multi-year figure, the last year of its span, and ``figure_span`` is
      ``[first, last]`` where the text says.
    - ``kind``: actual, estimate, target, plan or forecast (:class:`Kind`).
    - provenance: ``text`` is the sentence verbatim (a heading line without its
      ``#`` marks), ``start``/``end`` its offsets in the snapshot body
      (``body[start:end] == text``); ``quote`` is the number as it stands, with
      its hedge words, at ``quote_start``/``quote_end`` in the body;
      ``section`` the heading of its section ("" for the lead).
    """

    year: int
    indicator: str | None
    what: str
    measure: Measure
    value: float | tuple[float, float] | None
    unit: str
    modifier: Modifier
    period: Period | None
    figure_year: int | None
    figure_span: tuple[int, int] | None
    kind: Kind
    base: str | None
    quote: str
    text: str
    start: int
    end: int
    quote_start: int
    quote_end: int
    section: str = field(default="")

    __json_extra__ = ("growth_pct",)

    @property
    def growth_pct(self) -> float | tuple[float, float] | None:
        """The value of a growth rate in % (增长9% -> 9), else None."""
        return self.value if self.measure is Measure.GROWTH and self.unit == "%" else None

    @property
    def low(self) -> float | None:
        """The value, or the low end of a range."""
        return self.value[0] if isinstance(self.value, tuple) else self.value

    @property
    def is_range(self) -> bool:
        return isinstance(self.value, tuple)


#: The modules whose code reads facts: a change to any is a miss of the cache.
_READER_MODULES = ["extract/facts.py", "extract/reader.py", "extract/bases.py", "extract/kinds.py",
                   "extract/qualitative.py", "extract/timing.py", "extract/wording.py",
                   "extract/indicators.py", "extract/sentences.py", "extract/numbers.py", "extract/figure.py",
                   "extract/hanscan.py", "extract/states.py", "extract/verdicts.py", "extract/coverage.py",
                   "extract/what.py", "extract/planparts.py"]
_ENUMS = {"measure": Measure, "modifier": Modifier, "period": Period, "kind": Kind}


def read_facts(snapshot) -> list[Fact]:
    """Every fact of one snapshot, in text order. Cached by the snapshot's
    year, date and body and by the reader's code (:mod:`erqi_diff.core.cache`),
    as the diff strip is: a series is read again and again (metrics, goals,
    targets, the changelog)."""
    from erqi_diff.core.cache import cached_json
    from erqi_diff.extract.reader import read_snapshot

    def compute() -> list[list]:
        return [_stored(f) for f in read_snapshot(snapshot)]

    rows = cached_json("facts", [str(snapshot.year), snapshot.date, snapshot.body], _READER_MODULES, compute)
    return [_restored(row) for row in rows]


def _stored(fact: Fact) -> list:
    """A fact as the cache stores it: its field values in order (not a JSON output)."""
    out: list = []
    for name in _FIELDS:
        value = getattr(fact, name)
        out.append(value.value if isinstance(value, enum.Enum) else list(value) if isinstance(value, tuple) else value)
    return out


def _restored(row: list) -> Fact:
    values = dict(zip(_FIELDS, row))
    for name, kind in _ENUMS.items():
        if values[name] is not None:
            values[name] = kind(values[name])
    for name in ("value", "figure_span"):
        if isinstance(values[name], list):
            values[name] = tuple(values[name])
    return Fact(**values)


_FIELDS = tuple(f.name for f in fields(Fact))


def read_many(snapshots) -> list[Fact]:
    """The facts of several snapshots, report by report."""
    return [f for snap in snapshots for f in read_facts(snap)]

"""The canonical indicators: one documented table, read by the fact reader,
the links and the verdicts.

Each :class:`Indicator` has a canonical ``name`` (what ``--json`` prints and
``--indicator`` matches), the ``words`` it stands as in the reports, and the
direction in which it is better (:class:`Better`). A statistic with another
name or coverage is another indicator: 国民生产总值 (GNP) is not GDP,
工农业总产值 and 工业总产值 are not GDP, 单位GDP能耗 is not GDP, and a share
of GDP (赤字占国内生产总值的比重) is the deficit ratio, never GDP. The retail
price index (商品零售价格, 零售物价, 零售物价总水平: the reports' price figure
until the late 1990s) is not the consumer price index (居民消费价格), and a
bare 物价 (物价涨幅, 物价总水平) is neither: the words do not say which.

Direction (the verdict of a target with no 以上/以内 of its own):

======================  =====================================================
less is better          居民消费价格, 商品零售价格 (prices), 城镇调查失业率, 城镇登记失业率
                        (unemployment), 财政赤字, 赤字率 (deficits), 单位GDP能耗
                        (energy use per unit of GDP)
more is better          everything else: GDP and the other output totals,
                        incomes, jobs, revenue, investment, trade, grain...
======================  =====================================================

A verb of the target itself overrides the table (降到, 控制在 mean less is
better; 提高到, 达到 more), see :mod:`erqi_diff.extract.verdicts`.

The words of the headline aggregate (经济增长, 增长预期目标) are GDP in a
report that speaks of 国内生产总值 and 国民生产总值 in one that speaks only of
that (the reports of the 1980s and early 1990s): see :func:`headline`.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Better(str, enum.Enum):
    """Which way an indicator is better."""

    MORE = "more"
    LESS = "less"


@dataclass(frozen=True)
class Indicator:
    """A canonical indicator: ``name``, the ``words`` it stands as, which way
    it is ``better``, whether its level is a rate (a % of something:
    unemployment, the deficit ratio), so that a level in % can be its figure,
    and whether it is a ``stock`` measured at a date (外汇储备: the figure of
    a year is the year-end's)."""

    name: str
    words: tuple[str, ...]
    better: Better = Better.MORE
    rate: bool = False
    stock: bool = False


#: The table. Order does not matter: the longest word that stands in a text wins.
INDICATORS: tuple[Indicator, ...] = (
    Indicator("GDP", ("国内生产总值", "地区生产总值", "生产总值", "GDP")),
    Indicator("国民生产总值", ("国民生产总值",)),
    Indicator("工农业总产值", ("工农业总产值", "工农业生产总值")),
    Indicator("工业总产值", ("工业总产值",)),
    Indicator("农业总产值", ("农业总产值",)),
    Indicator("财政收入", ("一般公共预算收入", "公共财政收入", "公共财政预算收入", "地方财政收入", "全国财政收入",
                       "国内财政收入", "财政总收入", "财政收入")),
    Indicator("财政支出", ("一般公共预算支出", "公共财政支出", "财政支出")),
    Indicator("财政赤字", ("中央财政赤字", "国家财政赤字", "财政赤字", "赤字规模"), Better.LESS),
    Indicator("赤字率", ("财政赤字占国内生产总值的比重", "财政赤字率", "赤字率"), Better.LESS, rate=True),
    Indicator("固定资产投资", ("全社会固定资产投资", "固定资产投资")),
    Indicator("规模以上工业增加值", ("规模以上工业增加值", "规上工业增加值")),
    Indicator("社会消费品零售总额", ("全社会消费品零售总额", "社会消费品零售总额")),
    Indicator("进出口总额", ("进出口贸易总额", "外贸进出口总额", "货物进出口总额", "进出口总额", "外贸进出口",
                        "货物进出口", "进出口")),
    Indicator("居民消费价格", ("居民消费价格总水平", "居民消费价格", "CPI"), Better.LESS, rate=True),
    # the retail price index, the reports' price figure before the CPI (1980s-1990s): another statistic
    Indicator("商品零售价格", ("全国零售物价总水平", "市场零售物价总水平", "零售物价总水平", "商品零售价格总水平",
                         "社会商品零售价格", "商品零售物价", "商品零售价格", "零售物价"), Better.LESS, rate=True),
    Indicator("城镇新增就业", ("城镇新增就业人员", "城镇新增就业人数", "城镇新增就业", "新增城镇就业")),
    Indicator("城镇调查失业率", ("城镇调查失业率",), Better.LESS, rate=True),
    Indicator("城镇登记失业率", ("城镇登记失业率",), Better.LESS, rate=True),
    Indicator("居民人均可支配收入", ("全国居民人均可支配收入", "居民人均可支配收入")),
    Indicator("城镇居民人均可支配收入", ("城镇居民家庭人均可支配收入", "城镇居民人均可支配收入")),
    Indicator("农村居民人均可支配收入", ("农村居民人均可支配收入",)),
    Indicator("农民人均纯收入", ("农村居民家庭人均纯收入", "农村居民人均纯收入", "农民人均纯收入", "农民的纯收入")),
    Indicator("粮食产量", ("粮食总产量", "粮食产量", "粮食生产", "粮食增产")),
    Indicator("单位GDP能耗", ("单位国内生产总值能耗", "单位地区生产总值能耗", "单位生产总值能耗", "单位GDP能耗",
                           "能源消耗强度", "能耗强度"), Better.LESS),
    Indicator("外汇储备", ("国家外汇储备", "外汇储备"), stock=True),
    Indicator("实际使用外资", ("实际使用外资", "利用外资")),
    Indicator("广义货币", ("广义货币M2", "广义货币", "M2")),
    Indicator("民生支出", ("民生领域公共财政支出", "民生支出")),
)

#: Words of the headline aggregate's growth (经济增长预期目标为5%左右): see :func:`headline`.
HEADLINE_WORDS = ("国民经济增长速度", "经济增长速度", "经济增长", "经济增速", "经济年均增速", "经济年均增长速度", "经济年均增长",
                  "增长预期目标")

#: The price indexes: a figure of one in % is always its rise (上涨2%, 涨幅为0.8%, 上涨百分之二点九).
PRICE_INDEXES = ("居民消费价格", "商品零售价格")

BY_NAME: dict[str, Indicator] = {i.name: i for i in INDICATORS}
_BY_WORD: dict[str, str] = {w: i.name for i in INDICATORS for w in i.words}
_WORDS_RE: re.Pattern | None = None
# Words before or after an indicator's name that make it another statistic:
# 人均国内生产总值, 占国内生产总值的比重, 与国内生产总值之比, 国内生产总值能耗.
_NOT_BEFORE = ("人均", "占", "与", "单位", "每万元")
#: Words narrowing a statistic to a part of it (乡镇工业总产值, 中央财政收入,
#: 农村固定资产投资): another statistic, not the indicator. 轻/重 only before 工业
#: (轻工业总产值, 重工业总产值: light and heavy industry).
_PART_BEFORE = ("乡镇", "村办", "社队", "农村", "国有", "集体", "地方", "中央", "外资")
_BRANCH_BEFORE = ("轻", "重")
_NOT_AFTER = re.compile(r"^(?:的?比重|之比|的比例|能耗|中的?比重|的\d)")


def _words_re() -> re.Pattern:
    global _WORDS_RE
    if _WORDS_RE is None:
        words = sorted(list(_BY_WORD) + list(HEADLINE_WORDS), key=len, reverse=True)
        _WORDS_RE = re.compile("|".join(re.escape(w) for w in words))
    return _WORDS_RE


@dataclass(frozen=True)
class Mention:
    """An indicator named in a text: canonical ``name`` (None for a headline
    word the report does not settle), the ``word`` as written, its span."""

    name: str | None
    word: str
    start: int
    end: int


def mentions(text: str, headline_name: str | None = "GDP") -> list[Mention]:
    """Every indicator named in ``text``, in order; a name preceded by 人均 or
    a word of a part (地方, 乡镇, 轻/重 before 工业…) or followed by 的比重 is
    another statistic and left out. ``headline_name``
    is what 经济增长 stands for in this report (see :func:`headline`)."""
    out = []
    for m in _words_re().finditer(text):
        word = m.group()
        if text.endswith(_NOT_BEFORE, 0, m.start()) or _NOT_AFTER.match(text[m.end():m.end() + 4]):
            continue
        if text.endswith(_PART_BEFORE, 0, m.start()) or (word.startswith("工业")
                                                          and text.endswith(_BRANCH_BEFORE, 0, m.start())):
            continue  # 地方财政赤字, 轻工业总产值: a part, another statistic
        name = _BY_WORD.get(word)
        if name is None:
            if word in ("经济增长", "经济年均增长") and text.endswith("国民", 0, m.start()):
                continue
            name = headline_name
        out.append(Mention(name, word, m.start(), m.end()))
    return out


def headline(body: str) -> str:
    """What the headline words (经济增长…) stand for in a report: GDP when it
    names 国内生产总值 (or GDP, 地区生产总值) at least as often as 国民生产总值,
    else 国民生产总值."""
    gnp = body.count("国民生产总值")
    gdp = body.count("国内生产总值") + body.count("地区生产总值") + body.count("GDP")
    return "国民生产总值" if gnp > gdp else "GDP"


def better(name: str | None) -> Better | None:
    """The direction of a canonical indicator (None for a name not in the table)."""
    ind = BY_NAME.get(name or "")
    return ind.better if ind else None


def is_stock(name: str | None) -> bool:
    """Whether the indicator is a stock, measured at a date (外汇储备)."""
    ind = BY_NAME.get(name or "")
    return bool(ind and ind.stock)


def is_rate(name: str | None) -> bool:
    ind = BY_NAME.get(name or "")
    return bool(ind and ind.rate)


def names() -> list[str]:
    """The canonical names, in the table's order."""
    return [i.name for i in INDICATORS]


def resolve(query: str) -> set[str]:
    """The canonical names a user's ``--indicator TEXT`` asks for: the name
    itself or one of its words, case-insensitive (GDP, 国内生产总值 -> GDP;
    never 单位GDP能耗, which is a name of its own); else names containing it."""
    q = query.strip().casefold()
    exact = {i.name for i in INDICATORS if q == i.name.casefold() or q in (w.casefold() for w in i.words)}
    if exact:
        return exact
    return {i.name for i in INDICATORS if q and (q in i.name.casefold() or any(q in w.casefold() for w in i.words))}

"""What a concrete figure counts: its unit, the action done and the object,
so that a goal without a canonical indicator (22条道路年底建成通车) can be
matched with its outcome in a later report (望桥路等20条道路建成通车).

The object is the noun phrase naming what is counted or measured, read from
the figure's clause: the noun after a count (32个重大生态项目, 七百多万人就业),
else the subject before the verb (人口自然增长率由上年的1.2%下降到1.17%),
without words of time, bases, other figures, verbs of change and goal words.
A clause that names nothing takes the thing of the clause before it
(原煤产量增长百分之二十，达到11亿吨); a bare measure word (涨幅) the last
thing said to have that measure in the paragraph; a bare 项目 the thing of
the clause before, else the topic of the sentence (棚户区改造方面，…); 增产原煤
counts the output of coal (原煤产量).

Objects are normalized before they are compared: known synonyms (data:
:data:`SYNONYMS`: 保障性安居工程 = 保障性住房 = 保障房), a word of a rate
or a level at the end (零售物价上涨幅度 = 零售物价, 养老金水平 = 养老金,
钢产量 = 钢), 建设 and
purposes (用于“三农”的) dropped. Two objects name the same thing when equal, when
the shorter ends the longer (学校 in 中小学校: the head noun with a qualifier),
or when they share a long head (…医保财政补助标准), never by a general head
alone (资金, 项目: :data:`_GENERAL`); a qualifier of coverage
(:data:`COVERAGE`: 市管, 代建, 全民所有制…) on one side only makes them
another set of the thing (not comparable).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from erqi_diff.extract import wording as w
from erqi_diff.extract.facts import Fact
from erqi_diff.extract.numbers import COUNT_UNITS, find_quantities, to_base
from erqi_diff.extract.timing import clause_start

#: Names of one thing, written differently: each is read as the last.
SYNONYMS = (
    ("城镇保障性安居工程", "保障房"), ("保障性安居工程", "保障房"), ("保障性住房", "保障房"), ("保障房", "保障房"),
    ("基本医疗保险", "医保"), ("基本医保", "医保"), ("医疗保险", "医保"), ("人口自然增长率", "人口增长率"),
    ("上涨幅度", "涨幅"), ("增长幅度", "增幅"), ("增长速度", "增速"), ("财政投入", "财政支出"),
    ("总产量", "产量"), ("年产量", "产量"),
    ("商品零售额", "商品零售总额"), ("职工住房", "职工住宅"),
)
#: Qualifiers that restrict a thing to a part of it (who runs or owns it).
COVERAGE = ("市管", "省管", "区管", "代建", "市属", "省属", "区属", "市级", "省级", "区级", "县级", "国家级",
            "全民所有制", "集体所有制", "国有", "民营", "企业自建")
#: Measure words that name no thing by themselves (涨幅仍然高达…: the thing said before).
_MEASURES = ("总产量", "年产量", "产量", "总额", "总量", "总规模", "规模", "总水平", "水平", "涨幅", "增幅", "增速",
             "幅度", "率", "任务")
#: Words of a rate or a level at the end of an object: the thing is the same (零售物价涨幅 = 零售物价).
_RATES = ("涨幅", "增幅", "增速", "幅度", "率", "任务", "总水平", "水平", "产量")
_BARE = re.compile(r"^(?:项目|工程|任务|工作)?$")
#: Head nouns too general to name a thing by themselves (资金 in 专项补助资金).
_GENERAL = ("项目", "工程", "任务", "工作", "资金", "措施", "企业", "单位", "活动", "人员", "群众", "面积", "收入",
            "产值")
_PORTFOLIO = re.compile(r"^(?:重点|重大|在建|新建)(?:项目|工程)$")
_PUNCT = re.compile(r"[，；。：,;:]")
_TIME = re.compile(
    r"(?:19|20)\d\d年|[12] [0-9] [0-9] [0-9]年|[一二三四五六七八九][一二三四五六七八九○〇零]{3}年|"
    r"(?:今|去|明|上|本|当|前|后)年(?:底前|底|末|内)?|上一年|全年|年内|年底前?|年末|[上下]半年|"
    r"前三季度|第?[一二三四]季度|\d{1,2}[-－—~至]\d{1,2}月(?:份)?|\d{1,2}月份?|"
    r"(?:近|过去|今后|未来)?[一两二三四五六七八九十]年(?:来|内|间)?|连续(?:[一两二三四五六七八九十]|\d{1,2})年|"
    r"每年|年均|平均每年|每年平均|“[^”]{1,4}”(?:期间|时期)|期间|截至目前|目前")
_BASE = re.compile(r"(?:比|较|同|与)(?:上一?年|去年|今年|前年)(?:同期)?(?:相比)?|由上年的|从上年的|同比")
_PROCESS = re.compile(r"推进|促进|加快|启动|部署|实施|打造|打通|加大|抓好|做好")
_PURPOSE = re.compile(r"用于[\u4e00-\u9fff]{1,8}的")
_RESPECTIVE = re.compile(r"(?P<list>[^，；。：、]+(?:、[^，；。：、]+)+)分别")
_NOISE = re.compile(
    r"我们|我国|全国|全区|全市|全省|各地|力争|确保|争取|努力|保证|做到|计划|预计|初步|可以|可望|可|能够|将|要|"
    r"使|把|让|对|由|从|于|在|和|与|及|等|并|还|也|又|再|继续|进一步|全部|顺利|基本|其中|实际|累计|合计|"
    r"共计?|约有?|近|超过|突破|以上|左右|以内|多|余|达到?|为|是|有|了|的|仍然|高达|已经|已|首次|跃上|"
    r"增长(?!率)|下降[到至]?|降到|降至|降低|增加[到至]?|减少|提高[到至]?|分别|上涨|回落|增产|减产|控制在|保持在?|稳定在|"
    r"新开工|开工(?!率)|新增|实现|完成|建成|通车|投用|回迁(?!房)|安排|安置(?!房)|进行|实施|推进|加快|促进|打造|"
    r"人均|每人|平均|递增|比(?!重|例|率)|而|个|名|这方面|方面|做|很大|经过|通过|梳理|目前|同时|此外|另外|为此|总之|进度|进展|力度|成效|全面|情况")


@dataclass(frozen=True)
class Thing:
    """What a concrete figure counts (``obj``, normalized), in what ``unit``
    (the base unit: 元, 吨, 套, rate...), and the ``action`` done (open,
    start, finish, invest...; None for a state or a level); ``process`` when
    a goal names only work to be done (推进, 加快…建设), no result."""

    unit: str
    action: str | None
    obj: str
    process: bool = False
    topic: str = ""
    items: tuple[str, ...] = ()  # a figure said of a list respectively (A、B分别…): the items it is of


@dataclass(frozen=True)
class _Listed:
    """A list of things a clause gives figures for respectively (分别)."""

    items: tuple[str, ...]
    figures: int  # how many figures after 分别 are distributed one to an item (0: the figure is shared)


def normalize(phrase: str) -> str:
    """An object with its synonyms, measure words, 建设 and purposes resolved."""
    text = _PURPOSE.sub("", phrase)
    for word, canonical in SYNONYMS:
        text = text.replace(word, canonical)
    text = text.replace("建设", "")
    for suffix in _RATES:
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[:-len(suffix)]
    return text


@lru_cache(maxsize=4096)
def clean(text: str) -> str:
    """The words of ``text`` that may name a thing (figures, time, verbs... removed)."""
    for q in reversed(find_quantities(text)):
        text = text[:q.start] + "，" + text[q.end:]
    text = re.sub(r"（[^）]*）|\([^)]*\)|[“”‘’《》\"、\s]", lambda m: "，" if m.group() == "、" else "", text)
    text = _TIME.sub("，", _BASE.sub("，", text))
    for word, canonical in SYNONYMS:  # before the noise goes: 上涨幅度 is one word
        text = text.replace(word, canonical)
    return _NOISE.sub("，", _PURPOSE.sub("", text))


def _runs(text: str) -> list[str]:
    """The runs of words of ``text`` that may name a thing, in order."""
    return [r for r in re.split(r"[，,；;：:]+", clean(text)) if r]


def _phrase(text: str, last: bool) -> str:
    """The last (or first) run of words of ``text`` once cleaned."""
    runs = _runs(text)
    if not runs:
        return ""
    return runs[-1] if last else runs[0]


def _counted(after: str, act: tuple[str, str] | None) -> str:
    """What a count counts: the words after it up to its action or the next
    item (18个项目320万平方米安置房实现开工 -> 项目安置房; 七百多万人就业 -> 就业)."""
    noun = after[:after.find(act[0])] if act and act[0] in after else after
    noun = re.split(r"得到|得以", noun)[0]  # 6600多万农村人口饮水安全问题得到解决: the problem solved
    if noun[:1] in "，；、":
        return ""
    return "".join(_runs(noun.split("、")[0]))


def unit_class(unit: str) -> str:
    base = to_base(1.0, unit)[1]
    return "rate" if base in ("%", "‰", "个百分点") else base


def same_unit(a: str, b: str) -> bool:
    """Units of one kind: equal bases, a generic 个 against any count (6个项目,
    8所学校), a bare count against a count of people (减少1000万以上, 减少800万人)."""
    if a == b:
        return True
    counts = COUNT_UNITS | {"人", "人次", "户"}
    return (a in ("个", "") and b in counts) or (b in ("个", "") and a in counts)


def thing(fact: Fact, paragraph: str = "") -> Thing:
    """The :class:`Thing` of a concrete figure; ``paragraph`` is the text of
    its paragraph before its sentence (where a bare measure word looks back)."""
    text = fact.text
    q0, q1 = fact.quote_start - fact.start, fact.quote_end - fact.start
    cs = clause_start(text, q0)
    stop = _PUNCT.search(text, q1)
    after, lead = text[q1:stop.start() if stop else len(text)], text[cs:q0]
    near = w.action_of(lead[-6:], last=True)
    act = near if near and lead.endswith(near[0]) else (w.action_of(after) or w.action_of(lead, last=True))
    if act is None and cs > 0:  # 五年内新增发电装机容量…，采煤能力…，原油开采能力五千万吨: the list's verb
        act = _list_action(text, cs)
    if act and act[1] == "invest":
        head = _invested(text[:q0])
    else:
        head = _counted(after, act)
        if len(head) < 2:
            runs = _runs(lead)
            if runs and re.search(r"[增减]产$", lead[:lead.rfind(runs[-1])] if runs[-1] in lead else ""):
                runs[-1] += "产量"  # 每年增产原煤3000万吨: of the output of coal
            head = runs[-1] if runs else head
            if head in _MEASURES and len(runs) > 1:  # 省市重点项目开工率100%: the rate of the projects
                head = runs[-2]
    obj = normalize(head)
    if head in _MEASURES:  # 涨幅仍然高达…: the last thing said to have that measure
        obj = _looked_back(head, text[:cs], paragraph)
    if _BARE.match(obj):  # 达到11亿吨, 6个项目建成使用: the thing of the clause before
        obj = _clause_before(text, cs) or obj
    if _BARE.match(obj) or _PORTFOLIO.match(obj):  # 棚户区改造方面，…32个重点项目
        obj = _topic(text) + obj
    process = act is None and bool(_PROCESS.search(lead))
    action = act[1] if act and act[1] != "raise" else None  # 增加到, 提高到: a level reached, no act of its own
    return Thing(unit_class(fact.unit), action, obj[:16], process, _topic(text), respective(text, cs, q0, q1))


def respective(text: str, cs: int, q0: int, q1: int) -> tuple[str, ...]:
    """The items of a list a figure is of when its clause gives figures for
    the list respectively (将A、B分别从50%、75%提高至100%): the k-th figure of a
    run of as many figures as items (…、…) is the k-th item's; a figure that
    stands alone after 分别 (提高至100%) is every item's. () when the clause has
    no such list."""
    found = _RESPECTIVE.search(text, cs, q0)
    if found is None:
        return ()
    items = tuple(normalize(_phrase(part, last=True)) for part in w.LIST_SPLIT.split(found.group("list")))
    if len(items) < 2 or any(len(item) < 2 for item in items):
        return ()
    stop = _PUNCT.search(text, q1)
    after = text[found.end():stop.start() if stop else len(text)]
    run = find_quantities(after)
    mine = next((k for k, q in enumerate(run) if found.end() + q.start == q0), None)
    listed = w.joined_run(after, run)
    if mine is None or listed == 0:
        return ()
    if mine < listed:  # 分别从50%、75%: the k-th figure is the k-th item's; one figure alone is every item's
        return (items[mine],) if listed == len(items) else items if listed == 1 else ()
    return items if mine == listed else ()  # …提高至100%: the level the run went to, every item's


def _invested(before: str) -> str:
    """The projects an investment is of: the last …项目 named before it."""
    found = re.findall(r"[\u4e00-\u9fff]{1,10}?项目", re.sub(r"[\d.]+[个亿万元]*|“|”", "，", before).split("。")[-1])
    if not found:
        return ""
    return _phrase(found[-1], last=True) or found[-1]


def _list_action(text: str, cs: int) -> tuple[str, str] | None:
    """The action of a list's first clause, for a clause of the list that
    names only a thing and its figure: every clause between them holds a
    figure and no verb of its own."""
    first = text.find("，")
    if first <= 0 or not find_quantities(text[:first]):
        return None
    for part in re.split(r"[，、]", text[first + 1:cs]):
        if part and (w.action_of(part) or not find_quantities(part)):
            return None
    return w.action_of(text[:first], last=True)


def _clause_before(text: str, cs: int) -> str:
    """The thing of the clause before ``cs`` in its sentence (normalized), or ""."""
    if cs <= 1:
        return ""
    start = clause_start(text, cs - 1)
    clause = text[start:cs - 1]
    for q in find_quantities(clause):
        noun = _counted(clause[q.end:], w.action_of(clause[q.end:]))
        if len(noun) >= 2:
            return normalize(noun)
    runs = _runs(clause)
    return normalize(runs[0]) if runs else ""


def _looked_back(measure: str, *texts: str) -> str:
    """The last thing said to have ``measure`` (涨幅) in ``texts``, nearest first."""
    for text in texts:
        found = list(re.finditer(rf"([\u4e00-\u9fff]{{2,12}}){measure}", clean(text)))
        if found:
            return normalize(found[-1].group(1))
    return ""


@lru_cache(maxsize=1024)
def _topic(text: str) -> str:
    """The topic a sentence opens with (棚户区改造方面，; 劳动就业，), or ""."""
    m = re.match(r"([\u4e00-\u9fff]{2,8}?)(?:方面)?[，：]", text)
    if not m or _TIME.fullmatch(m.group(1)) or find_quantities(m.group(1)):
        return ""
    return normalize(_phrase(m.group(1), last=True))


def object_score(a: str, b: str) -> int:
    """How surely two objects name one thing: 3 equal, 2 when the shorter ends
    the longer (学校, 中小学校), 1 when they share a long head (4 characters
    or more, and most of the shorter), 0 when they do not."""
    if not a or not b:
        return 0
    if a == b:
        return 3
    short, long_ = sorted((a, b), key=len)
    if short in _GENERAL:
        return 0
    if len(short) >= 2 and long_.endswith(short):
        return 2
    common = 0
    while common < len(short) and a[-1 - common] == b[-1 - common]:
        common += 1
    return 1 if common >= 4 and common >= 0.75 * len(short) else 0


def coverage(a: str, b: str) -> str | None:
    """The qualifier of coverage one object has and the other has not (市管), or None."""
    for word in COVERAGE:
        if (word in a) != (word in b):
            return word
    return None


def same_thing(a: Thing, b: Thing) -> int:
    """How surely the thing of goal ``a`` is the thing of outcome ``b``
    (:func:`object_score` of their objects, or of the goal's topic and the
    outcome's object: 劳动就业，在城镇安排600万人)."""
    score = object_score(a.obj, b.obj)
    if score == 0 and a.topic:  # the topic of a goal in a list is a weaker sign than the figure's own words
        score = min(1, object_score(a.topic, b.obj))
    return score


# between 等 and a second figure of the same items: the count and its noun (齐礼阎等10个项目300万平方米)
_COUNT_BETWEEN = re.compile(r"[0-9.]+[个条所项家座处栋套]?[\u4e00-\u9fff]{0,4}")


def examples(fact: Fact) -> str | None:
    """The names a count gives as its examples, with the words before them
    in the clause (确保长江西路、双铁路 for 确保长江西路、双铁路等22条道路; the
    same for a second figure of those items, 齐礼阎等10个项目300万平方米), or
    None when the figure does not follow 等."""
    at = fact.quote_start - fact.start
    mark = fact.text.rfind("等", 0, at)
    if mark < 1 or (not _COUNT_BETWEEN.fullmatch(fact.text, mark + 1, at) and mark != at - 1):
        return None
    return fact.text[clause_start(fact.text, mark):mark] or None


def other_examples(a: Fact, b: Fact) -> bool:
    """Both counts name examples (A、B等N个) and the names share no two
    characters running: the reports count sets named apart (长江西路、双铁路等22条
    against 望桥路等20条), which the text does not say are the same."""
    x, y = examples(a), examples(b)
    if not x or not y:
        return False
    pairs = {x[k:k + 2] for k in range(len(x) - 1)}
    return not any(y[k:k + 2] in pairs for k in range(len(y) - 1))

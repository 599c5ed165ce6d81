"""Slogan candidates of one report, found from how a 提法 is written.

Quotes make a candidate, not a slogan. A quoted phrase is a slogan when it
has the shape of a formula and stands where one stands (:func:`_placed`):

- **numbered formulas** (三农, 四个意识, 两不愁三保障, 8个100%): led by a
  numeral that does not count anything (九连增, 十三个, 三年 are counts);
  a formula where it names its parts (两不愁三保障, 四个意识), names the
  items spelt out just before it (产业链、创新链、服务链“三链”; A和B“双X”)
  or opens its clause as an item of a list (5.“双X”、…), or in a position
  below;
- **series** of several items (增品种、提品质、创品牌), unless the items are
  single characters (医、护、康、养; but a heading of its own: ## “进、干、暖、严”)
  or the series describes what follows it (形成了“我为人人、人人为我”的社会
  氛围; not a way of working: “…”的工作格局, …的机制, …的管理办法);
- **campaign years** (消费促进年, 97中国旅游年) and **names ending in a
  programme's head** (“种子工程”, “…计划”);
- **other phrases** of three characters or more, in a formula's position at
  least once: naming a programme (followed by 工程, 战略, 行动, 机制, 工作,
  改革...), standing as the object of a verb of carrying out (实施, 坚持,
  推进, 落实, 推行, 开展, 做好, 搞好...), or 以“X”为…, 以“X”统揽….

Never a slogan, whatever the shape: an award or title (被评为“…”, “…”称号),
the name of a ship, craft, product or event (“梦想”号, 嫦娥六号, 辽宁舰,
C919, “…博览会”), a place's branding (…板块突出“…、…”), a position opposed
(反对“台独”, 所谓“弹性外交”, 严防“…”, 污蔑为“…”, “…”不是…; a candidate every quoted use
of which is opposed), a saying quoted to refute it (说什么“…”, 鼓吹“…”, 批判…“…”的谬论), an
event's name (a name ending in 革命, 运动, 事件, 战争... that the report uses as a date somewhere:
“文化大革命”前十七年, 十年“…运动”; all its uses in that report count as opposed), a faction of
persons (“…帮”, “…”反党集团), the name of a thing built or counted rather than coined: a category of
households or persons (“五保户”, “失独”家庭), a transfer project named by its places (“引黄济津”,
“西气东输”), a thing built
(“青藏铁路”, “三北”防护林), a code of colours (“红黄蓝绿”), the criteria of an award
(“班子团结好、队伍建设好、工作业绩好”: a 五好 title's), a funding programme
by its code or official title (“863计划”, “国家高技术研究发展计划”; a coined name such as
“星火计划” or “希望工程” is a programme's formula), quoted names given as instances of
projects (“…”、“…”等工程), a region named by a count of directions (“三北”) except
where it names its programme (“三北”工程), a single character or a two-character word with no numeral
(“稳”, “帽子”, “草根”), a quoted phrase holding 的 (“看得见的手”), a
quotation of speech (sentence punctuation inside).

Unquoted, the candidates are numbered chains (四梁八柱, 三定四推五落实),
parallel series sharing a suffix, a first character or a first word
(品质二七、田园二七、温暖二七; 控尘、控煤、控排、控企; 同步规划、同步实施、
同步发展) when the report names them by their count (三个二七) or calls
them a 方针, 原则 or 要求 (else they count only as forms of another slogan),
campaigns (项目建设奋力推进年; 办好…年), named programmes listed as
measures (甲计划、乙计划等五项制度) and modifier formulas
(现代化国际化生态化新城区).
"""

from __future__ import annotations

import re

from erqi_diff.extract import hanscan
from erqi_diff.extract.candidate import CARRY as _CARRY
from erqi_diff.extract.candidate import POLICY_NOUNS as _POLICY_NOUNS
from erqi_diff.extract.candidate import Candidate as Candidate  # re-exported: the candidates' type
from erqi_diff.extract.candidate import Kind as Kind
from erqi_diff.extract.textkey import NUMERALS, key_of


_QUOTE = re.compile(r"“([^“”\n]{1,60})”|‘([^‘’\n]{1,60})’|「([^「」\n]{1,60})」|『([^『』\n]{1,60})』")
_MAX_PLAIN = 16
_SPEECH = "。！？：:!?《》（）()"
# an award or title in quotes: 被评为“…”, 授予“…”称号, “…先进单位”
_AWARD_BEFORE = ("评为", "授予", "荣获", "获评", "获得", "确定为", "确认为", "认定为", "入选", "晋级", "称号", "誉为",
                 "列为", "荣登", "评选")
_AWARD_AFTER = ("称号", "荣誉", "奖", "殊荣", "评选", "评比", "评价", "的评价", "高度评价", "的高度评价")
_AWARD_END = ("单位", "先进", "称号", "基地", "奖", "杯", "标兵", "模范", "示范区", "百强区", "区", "县", "市")
# the name of a ship, craft, satellite or product
_CRAFT_END = re.compile(r"(?:[号舰艇轮星]|卫星|飞船|火箭|探测器|[A-Za-z]+[\d\-]*|[Ⅰ-Ⅻ])$")
_CRAFT_AFTER = ("号", "舰", "轮", "卫星", "飞船", "系列", "型")
# the name of an event (“中国’99昆明世界园艺博览会”)
_EVENT_END = ("博览会", "运动会", "亚运会", "奥运会", "大会", "峰会", "论坛", "交易会", "展览会", "艺术节", "文术节", "文化节",
              "旅游节")
_MODEL = re.compile(r"[—–]|^[A-Za-z0-9\-]+$")
# a position opposed or a thing done away with, in the clause before the quote
# or a saying quoted to refute it (说什么“…”, 鼓吹“…”, 揭批“…”, 批判…的“…”)
_OPPOSED = re.compile(r"反对|反|所谓|污蔑|诬蔑|诬陷|诬为|歪曲|制造|搞(?!好)|防止|[严谨]防|克服|取消|扫除|杜绝|避免|破除|遏制|"
                      r"打破|摒弃|分裂|打击|说什么|胡说|叫嚣|鼓吹|散布|揭批|批判|声讨")
# a view denied right after the quote: “基数大，速度就低”不是社会生产发展的规律
_DENIED = ("并不是", "根本不是", "绝不是", "不是", "并非", "绝非", "的谬论", "的反革命谬论", "谬论", "的论调", "的谬误")
# an event's name (“文化大革命”, “五四”运动): an event noun ends it, and the report uses it as a date
# somewhere (“文化大革命”前十七年, 十年“文化大革命”): every use of it in that report is the event's
_EVENT_NOUN = ("革命", "运动", "事件", "战争", "起义", "事变", "动乱", "暴乱")
_DATED_AFTER = ("前", "后", "以前", "以后", "以来", "期间", "时期", "中", "开始", "结束", "初期", "后期")
_DATED_BEFORE = re.compile(r"(?:[十一二三四五六七八九两几数]+年|经过|经历|在|自|从|历时)$")
# a faction or gang of persons (“四人帮”, “…”反党集团): persons, not a formula
_FACTION = re.compile(r"(?:帮|集团|分子)$")
_FACTION_AFTER = ("反党集团", "集团", "帮派", "分子")
_CLAUSE_END = "。！？；：，\n"
_CARRY_LONGEST = sorted(_CARRY, key=len, reverse=True)
_AFTER_DE = ("理念", "方针", "原则", "要求", "目标", "精神", "思想", "战略", "政策", "方略", "路线")
_NAMES = re.compile("^(?:等[^，。；、：！？\n“”]{0,4}|[^，。；、：！？\n“”的]{0,2})(?:" + "|".join(_POLICY_NOUNS) + ")")
# a quoted name ending so names a programme itself (“种子工程”, “863计划”)
_PROGRAMME_END = ("工程", "计划", "行动", "战略", "攻坚战", "保卫战")
# 以“X”统揽…: X is what leads the work
_LEADING = ("为", "统揽", "统领", "引领", "带动")
# a series describing a way of working: 构建“政府主导、部门联动…”的大环保工作格局
_DE_NAMES = re.compile("^的[^，。；、：！？\n“”]{0,6}?(?:格局|机制|体系|模式|方针|原则|理念|要求|目标|办法)")
# a place's branding: 二七商圈板块突出“精神家园、消费中心、复兴典范”
_PLACE_BEFORE = ("板块", "片区", "园区", "商圈", "小镇", "组团", "景区")
# names of things, not formulas, whatever their shape (the reports write them as they write
# formulas, in quotes, numbered, after 实施/开展): a category of households (“五保户”, 贫困户: 户 the
# head noun, not 到户/入户/落户, nor a model joining it to another: 公司加农户) or named so by the noun
# after the quote (“失独”家庭, “三无”人员), a transfer project named by its places (“引黄济津”, 引滦入津,
# 引江济淮; “西气东输”, 南水北调)
_HOUSEHOLD = re.compile(r"^[^加带联和与+]*[^到入落进开分每一加带联和与+]户$")
_CATEGORY_AFTER = ("户", "家庭", "人员", "群体", "人口", "对象")
_TRANSFER = re.compile(r"^引[^、，]{1,4}[济入][^、，]{1,4}$|^[东南西北][^东南西北、，][东南西北][^东南西北、，]$")
# a thing built, named (“青藏铁路”) or named by what is built there (“西气东输”管道, “三北”防护林)
_BUILT = ("铁路", "公路", "高速", "大桥", "水库", "电站", "机场", "港口", "码头", "枢纽", "管道", "管线", "干渠", "隧道",
          "防护林", "大坝", "运河")
# a code of colours (“红黄蓝绿”四色预警, 红黄绿码): the levels of a classification, not a formula
_COLOURS = re.compile(r"^[红橙黄绿青蓝紫白黑灰][红橙黄绿青蓝紫白黑灰、]+$")
# a funding programme by its code or its official title (“863计划”, 211工程, “国家高技术研究发展计划”):
# an administrative label of a budget line, not a coined name (星火计划, 希望工程, 菜篮子)
_FUNDING = re.compile(r"^(?:\d{3,4}(?:计划|工程)|国家[^、，]{2,14}计划)$")
# a place named by a count of directions (“三北”: 西北、华北、东北) is a region; a programme's name only
# where it names the programme itself (“三北”工程), not what is built there (“三北”防护林)
_PLACE_COUNT = re.compile(r"^[两二三四五六七八九十双][东南西北]{1,2}$")
# quoted names given as instances of projects (“油路到县”、“送电到乡”等工程, “引黄济津”等应急调水工程):
# what is built, not a formula; a run of quotes shares what follows its last
_NEXT_QUOTE = re.compile(r"[、和与及]?“[^“”\n]{1,60}”")
_PROJECTS = re.compile(r"等[^，。；、：！？\n“”]{0,6}?(?:工程|项目)")
# nothing before a quote in its clause but an item's number: 5.“双迎攻坚”、全面从严治党
_OPENS = re.compile(r"^\s*(?:[0-9０-９]{1,2}[.．、]|[（(][一二三四五六七八九十0-9]{1,2}[)）]|[一二三四五六七八九十]{1,2}、)?\s*$")
_LEAD_COUNT = {"双": 2, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_COUNT_AFTER = set("年月日天次批名位倍成元米吨斤亩家所座台辆人户条件种类门届期轮点级岁周连分层片部支股笔份本篇套张句字号楼是"
                   "百千万亿")  # 两千年: a number
_NUM_LEAD = NUMERALS | set("双")


def _quote_spans(body: str):
    """(start, end, inner text) of every quoted phrase, in order."""
    for m in _QUOTE.finditer(body):
        group = next(i for i in range(1, 5) if m.group(i) is not None)
        yield m.start(), m.end(), m.group(group)


def numbered(text: str) -> bool:
    """A numeral-led formula, not a count: 三农, 四个意识, 两不愁三保障, 8个100%;
    not 九连增, 三年, 十三个."""
    if not text or text[0] not in _NUM_LEAD:
        return False
    i = 0
    while i < len(text) and text[i] in _NUM_LEAD:
        i += 1
    rest = text[i:]
    if not rest or rest[0] in _COUNT_AFTER:
        return False
    if rest[0] in "个项":
        return len(rest) >= 3 or (len(rest) == 2 and rest[0] == "个" and rest[1] not in "月")
    return True


def _named_count(key: str) -> bool:
    """A numbered formula that names its parts: two numeral-led parts or more
    (两不愁三保障, 一老一小), or 个 and a name (四个意识, 三个1亿人)."""
    return _chain_ok(key) or (len(key) > 3 and key[1] in "个大项") or "、" in key


def _clause_before(body: str, start: int, previous: tuple[int, int] | None) -> str:
    """The words before a quote in its clause; a quote continuing a series of
    quotes (“一国两制”、“港人治港”) shares the context of the series' first."""
    if previous is not None and body[previous[1]:start] in ("", "、", "和", "与", "及", "或"):
        start = previous[0]
    window = body[max(0, start - 16):start]
    return window[_after_last(window, _CLAUSE_END):]


def _after_last(text: str, chars: str) -> int:
    """Where the text after the last of ``chars`` in ``text`` starts (0 when none is there)."""
    return max(text.rfind(c) for c in chars) + 1


def _ends_with(text: str, words: tuple[str, ...]) -> bool:
    """``text`` ends with one of ``words``, as ``(?:words)$`` finds (a final line break aside)."""
    return text.removesuffix("\n").endswith(words)


def _award(body: str, start: int, end: int, inner: str) -> bool:
    if _ends_with(body[max(0, start - 6):start], _AWARD_BEFORE) or body.startswith(_AWARD_AFTER, end):
        return True
    return _ends_with(inner, _AWARD_END) and len(inner) > 4


def _in_position(before: str, after: str, short: bool = False) -> bool:
    """A formula's position: naming a programme (a policy noun follows, right
    away or, for a name of four characters or more, a few characters on or
    after 等: “X”招商责任制, “X”等推进机制), the object of a verb of carrying
    out (实施“X”), or 以“X”为 (以“X”为抓手). A word of two or three
    characters in quotes is most often an ordinary word used figuratively
    (“黑名单”等工作机制): only the closest positions count for it."""
    if after.startswith(_POLICY_NOUNS) if short else _NAMES.match(after):
        return True
    if after.startswith("的") and after[1:].startswith(_AFTER_DE):
        return True
    return before.endswith(_CARRY) or (before.endswith("以") and after.startswith(_LEADING))


def _spelt_out(body: str, start: int, key: str) -> bool:
    """A numbered formula naming the items spelt out right before it in its
    clause: 产业链、创新链、服务链“三链”; 稳政策稳预期和促改革调结构“双结合”."""
    n = _LEAD_COUNT.get(key[0], 0)
    if not n or len(key) < 2 or key[1] in NUMERALS:
        return False
    window = body[max(0, start - 48):start]
    clause = window[_after_last(window, _CLAUSE_END):]
    clause = clause[:-1] if clause.endswith("的") else clause
    # two items are joined by 和 (稳政策稳预期和促改革调结构), more by 、
    items = clause.replace("与", "和").split("和") if n == 2 else clause.split("、")
    return len(items) == n and all(2 <= len(x) <= 12 for x in items[1:]) and len(items[0]) >= 2


def _placed(body: str, start: int, end: int, key: str, kind: Kind, before: str, after: str) -> bool:
    """The quoted phrase ``key`` of ``kind`` stands in a formula's position
    (:func:`_in_position`), or its shape and place make it one: a campaign
    year; a numbered formula naming its parts (:func:`_named_count`), the
    items spelt out before it, or opening its clause (5.“双迎攻坚”、…); a
    name ending in a programme's head (“种子工程”); a series, unless it
    describes what follows it (形成了“我为人人、人人为我”的社会氛围, but
    “政府主导、部门联动…”的大环保工作格局)."""
    if _PLACE_COUNT.match(key):
        return after.startswith("工程")
    if _PROJECTS.match(body, _run_end(body, end)) and not key.endswith(_PROGRAMME_END):
        return False  # a name carrying a programme's head names the programme (“种子工程”等项目)
    if _in_position(before, after, kind is Kind.QUOTED and len(key) <= 3) or kind is Kind.CAMPAIGN:
        return True
    if kind is Kind.NUMBERED and (_named_count(key) or _spelt_out(body, start, key) or (
            _OPENS.match(before) and (after.replace("、", "，")[:1] or "。") in _CLAUSE_END)):
        return True
    if len(key) >= 4 and "、" not in key and key.endswith(_PROGRAMME_END):
        return True
    return kind is Kind.SERIES and not (after.startswith("的") and not after[1:].startswith(_AFTER_DE)
                                        and not _DE_NAMES.match(body[end:end + 12]))


def _run_end(body: str, end: int) -> int:
    """Where the run of quotes that goes on at ``end`` ends (“甲”、“乙”和“丙”)."""
    while m := _NEXT_QUOTE.match(body, end):
        end = m.end()
    return end


def quoted(year: int, body: str) -> list[Candidate]:
    """The quoted candidates of one body (see the module doc), as written,
    with their uses (:attr:`Candidate.accepted` says which are slogans)."""
    seen: dict[str, Candidate] = {}
    previous = None
    dated: set[str] = set()
    for start, end, inner in _quote_spans(body):
        before = _clause_before(body, start, previous)
        previous = (start, end)
        after = body[end:end + 8]
        text = inner.strip()
        kind = _quoted_kind(body, start, end, text, after)
        if kind is None or (kind in (Kind.SERIES, Kind.QUOTED) and any(w in before for w in _PLACE_BEFORE)):
            continue
        key = key_of(text)
        placed = _placed(body, start, end, key, kind, before, after)
        opposed = bool(_OPPOSED.search(before)) or after.startswith(_DENIED)
        if key.endswith(_EVENT_NOUN) and (after.startswith(_DATED_AFTER) or _DATED_BEFORE.search(before)):
            dated.add(key)
        use = Candidate(text, kind, year, 1, int(opposed), placed)
        seen[key] = seen[key].joined(use) if key in seen else use
    # an event's name and the words quoted with it are not the report's formula: every use counts as opposed
    return [Candidate(c.text, c.kind, c.year, c.uses, c.uses, c.placed) if key in dated else c
            for key, c in seen.items()]


def _thing_named(key: str) -> bool:
    """A name of a thing written as a formula is: a category of households,
    a transfer project, a funding programme, a code of colours."""
    return bool(_HOUSEHOLD.search(key) or _TRANSFER.match(key) or _FUNDING.match(key) or _COLOURS.match(key))


def _whole_heading(body: str, start: int, end: int) -> bool:
    """The quote is all of a heading line: ## “进、干、暖、严”."""
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line = body[line_start:line_end if line_end >= 0 else len(body)]
    return line.startswith("#") and line.lstrip("#").strip() == body[start:end]


def _quoted_kind(body: str, start: int, end: int, text: str, after: str) -> Kind | None:
    """The kind a quoted phrase would be, or None when it cannot be a slogan."""
    key = key_of(text)
    if len(key) < 2 or any(c in text for c in _SPEECH) or not any("\u4e00" <= c <= "\u9fff" for c in text):
        return None
    if _award(body, start, end, text) or _CRAFT_END.search(text) or after.startswith(_CRAFT_AFTER) or \
            _MODEL.search(text) or _ends_with(text, _EVENT_END):
        return None
    items = key.split("、")
    if len(items) > 1:
        # single characters (医、护、康、养) are a list, unless the series is a heading of its own
        if len(key) > 48 or (any(len(x) < 2 for x in items) and not _whole_heading(body, start, end)):
            return None
        if len(items) >= 3 and all(len(x) >= 4 and x.endswith("好") for x in items):
            return None  # the criteria of a standard or an award (“五好”): 领导班子好、党员队伍好、…
        return Kind.NUMBERED if numbered(key) else Kind.SERIES
    if _ends_with(text, _BUILT) or after.startswith(_BUILT) or after.startswith(_CATEGORY_AFTER):
        return None
    if len(key) > _MAX_PLAIN or _thing_named(key) or _FACTION.search(key) or after.startswith(_FACTION_AFTER):
        return None
    if key.endswith("年") and len(key) >= 4 and key[-2] not in NUMERALS:
        return Kind.CAMPAIGN  # “消费促进年”, “97中国旅游年”
    if numbered(key):
        return Kind.NUMBERED
    if len(key) < 3 or "的" in key:
        return None
    return Kind.QUOTED


# ------------------------------------------------------------------ unquoted

_CN = "一二三四五六七八九十两"
# Numbered chains: a whole Han run of two to four parts, each a numeral and one to three other
# characters (四梁八柱), or such parts followed by a head (…工作), not after a character that makes
# the 一 a word's (进一步加强三农工作 holds no formula 一步加强三农). The Han scans (hanscan) stand in
# for the regular expressions: a Han class costs a millisecond to compile on the diff's first run.
_CHAIN_NUMERALS = frozenset(_CN)
_CHAIN_HEADS = ("的", "等", "项目", "机制", "工作", "体系", "格局", "要求", "措施")
_CHAIN_STOPS = frozenset("进统唯第之万逐")
# 现代化国际化复合型城区: two or more 2-char + 化/型 modifiers, up to two characters and a noun
_MODIFIED_NOUNS = frozenset(("城区", "城市", "新城", "强国", "国家", "社会", "体系", "都市"))
_SERIES_SUFFIX_STOP = ("街道", "社区", "小学", "中学", "学校", "幼儿园", "项目", "公司", "集团", "医院", "路", "街", "村", "镇",
                       "乡", "区", "县", "市", "省", "局", "委", "办", "站", "园", "馆", "中心", "公园", "大道", "快速路")
# 项目建设奋力推进年: four characters, a drive and an act, then 年
_CAMPAIGN_DRIVES = frozenset(("奋力", "全力", "全面", "品质", "加快", "深化", "集中", "强力", "质量"))
_CAMPAIGN_ACTS = frozenset(("推进", "攻坚", "提升", "突破", "落实", "提质", "服务", "创新"))
# 出台了甲乙计划、丙丁计划等五项制度: named programmes listed as measures
_PROGRAMME_HEADS = ("计划", "工程", "行动")
_PROGRAMMES_END = re.compile(rf"(?:计划|工程|行动)(?=等(?:[{_CN}\d]+|多)[项个类批])")
_LINES = ("方针", "原则", "要求", "理念", "路线", "方略")
_NAME_START = "了的和与及在对"
_FUNCTION_HEADS = set("各更最很都再也还")  # 各级、各界、各方 / 更舒心、更满意: phrasing, not a formula
# a numbered chain ending in a noun that names what kind of thing the formula is
_HEAD_NOUN = re.compile(r"(?<=.{4})(?:构想|方针|政策|原则|思想|战略|目标|精神|理念)$")


_COUNT_NAMES = "一两三四五六七八九十"


def unquoted(body: str) -> tuple[list[tuple[str, Kind]], list[str]]:
    """Numbered chains, campaigns and modifier formulas of one body written
    without quotes, and parallel series named by a numbered formula of the
    same report (品质二七、田园二七、温暖二七 where it says 三个二七); then the
    other parallel series, which are slogans only as forms of another slogan
    (控尘、控煤、控排、控企 beside “控尘、控煤、控烟、控车、控企”): most such
    series are plain lists (人民调解、行政调解、司法调解)."""
    plain = body
    for mark in "“”‘’「」『』":
        plain = plain.replace(mark, "")
    found: list[tuple[str, Kind]] = []
    weak: list[str] = []
    for start, end in hanscan.numbered_chains(plain, _CHAIN_NUMERALS, _CHAIN_HEADS, _CHAIN_STOPS):
        chain = _HEAD_NOUN.sub("", plain[start:end])  # 一国两制构想: the formula is 一国两制, 构想 names what it is
        if len(chain) >= 4 and _chain_ok(chain):
            if len(chain) == 4:
                weak.append(chain)  # 四通八达, 一心一意: four characters in two numbered halves are mostly idioms
            else:
                found.append((chain, Kind.NUMBERED))
    for start, end in hanscan.series(plain):  # three or more items of two to six characters
        series = _shared_series(plain[start:end].split("、"))
        if series:
            text = "、".join(series)
            suffix = series[0][-_common_suffix(series):] if _common_suffix(series) else ""
            count = _COUNT_NAMES[len(series) - 1] if len(series) <= len(_COUNT_NAMES) else ""
            after = plain.find(text, start) + len(text)
            named = bool(suffix and count and (f"{count}个{suffix}" in plain or f"{count}{suffix}" in plain))
            if named or _named_after(plain, after):
                found.append((text, Kind.SERIES))
            else:
                weak.append(text)
    for start, end in _prefix_series(plain):
        if _named_after(plain, end):
            found.append((plain[start:end], Kind.SERIES))
        else:
            weak.append(plain[start:end])
    for m in _PROGRAMMES_END.finditer(plain):
        found.extend((name, Kind.CAMPAIGN) for name in _programmes(plain, m.end()))
    found.extend((plain[start:end], Kind.CAMPAIGN)
                 for start, end in hanscan.campaign_years(plain, _CAMPAIGN_DRIVES, _CAMPAIGN_ACTS))
    found.extend((plain[start:end], Kind.FORMULA) for start, end in hanscan.modifier_formulas(plain, _MODIFIED_NOUNS))
    held = [plain[start + 2:end] for start, end in hanscan.held_years(plain)]  # 办好中国友好观光年: a campaign year held
    found.extend((name, Kind.CAMPAIGN) for name in held if name[-2] not in NUMERALS and "周年" not in name)
    return found, weak


def _prefix_series(plain: str):
    """(start, end) of each run of three or more four-character items sharing
    their first two characters: 同步规划、同步实施、同步发展."""
    at = plain.find("、")
    while at >= 0:
        start, end, count = at - 4, at, 1
        head = plain[start:start + 2] if start >= 0 else ""
        while head and plain.startswith("、" + head, end) and _item(plain[end + 1:end + 5]):
            end, count = end + 5, count + 1
        if count >= 3 and _item(plain[start:at]):
            yield start, end
        at = plain.find("、", max(end, at + 1))


def _item(text: str) -> bool:
    """Four to ten Han characters (U+4E00-U+9FFF), nothing else: tested
    without a regex, whose Han class costs a millisecond to compile."""
    return 4 <= len(text) <= 10 and all("\u4e00" <= c <= "\u9fff" for c in text)


def _programmes(plain: str, end: int) -> list[str]:
    """The names listed in the clause before ``end`` (甲乙计划、丙丁计划
    before 等五项制度), each ending in a programme's head; the first only
    where its start is seen (after 了, 的..., or a verb of carrying out
    opening the clause)."""
    window = plain[max(0, end - 64):end]
    cut = _after_last(window, _CLAUSE_END) or -1
    items = window[max(cut, 0):].split("、")
    names: list[str] = []
    for item in reversed(items):
        if not item.endswith(_PROGRAMME_HEADS):
            break
        names.insert(0, item)
    if len(names) < 2:
        return []
    first = names[0]
    at = _after_last(first, _NAME_START)
    if at:
        names[0] = first[at:]
    elif cut >= 0 and len(names) == len(items):  # the clause opens with the list
        names[0] = first[len(next((v for v in _CARRY_LONGEST if first.startswith(v)), "")):]
    else:
        names[0] = ""  # where the first name begins is not seen
    return [n for n in names if _item(n)]


def _named_after(plain: str, end: int) -> bool:
    """A series the report names as a line of policy: …的方针, …的原则 (not
    …的政策, …的思想教育: what it is about)."""
    return plain.startswith("的", end) and plain.startswith(_LINES, end + 1)


def _chain_ok(text: str) -> bool:
    """四梁八柱, 三定四推五落实: at least two numeral-led parts, not a count like 三年内."""
    starts = [i for i, c in enumerate(text) if c in _CHAIN_NUMERALS]
    parts = [text[i:j] for i, j in zip(starts, [*starts[1:], len(text)])]  # each numeral and what follows it
    return len(parts) >= 2 and not any(len(p) < 2 or p[1] in _COUNT_AFTER or p[1] in "个是" for p in parts)


def _shared_series(items: list[str]) -> list[str] | None:
    """Three or more items sharing a suffix of 2+ chars (品质二七、田园二七、温暖二七),
    or 2-3 char items sharing their first char (控尘、控煤、控排、控企). The
    regex run may start or end inside a clause (打造品质二七…, …温暖二七的): the
    outer items are cut to the shape of the middle ones."""
    if len(items) < 3:
        return None
    middle = items[1:-1]
    width = max(len(x) for x in middle)
    first = items[0][-width:]
    n = _common_suffix(middle) if len(middle) > 1 else _common_suffix([middle[0], first])
    if n >= 2:
        suffix = middle[0][-n:]
        at = items[-1].find(suffix)
        last = items[-1][:at + n] if at >= 0 else ""
        run = [first, *middle, last]
        if all(x.endswith(suffix) and len(x) > n for x in run) and not _ends_with(suffix, _SERIES_SUFFIX_STOP):
            return run
        return None
    if all(2 <= len(x) <= 3 for x in middle) and len({x[0] for x in middle}) == 1 and middle[0][0] not in _FUNCTION_HEADS:
        head = middle[0][0]
        first = items[0][-len(middle[0]):]
        last = items[-1][:len(middle[0])]
        run = [first, *middle, last]
        if all(x[0] == head for x in run):
            return run
    return None


def _common_suffix(items: list[str]) -> int:
    n = 0
    shortest = min(len(x) for x in items)
    while n < shortest and len({x[len(x) - 1 - n] for x in items}) == 1:
        n += 1
    return n


def candidates(year: int, body: str) -> tuple[list[Candidate], list[Candidate]]:
    """The slogan candidates of one report (quoted first), one per key; and
    the weak ones, slogans only as forms of another (see :func:`unquoted`)."""
    out: dict[str, Candidate] = {key_of(c.text): c for c in quoted(year, body)}
    strong, weak = unquoted(body)
    for text, kind in strong:
        key = key_of(text)
        out[key] = out[key].joined(Candidate(text, kind, year)) if key in out else Candidate(text, kind, year)
    return list(out.values()), [Candidate(t, Kind.NUMBERED if "、" not in t else Kind.SERIES, year)
                                for t in weak if key_of(t) not in out]

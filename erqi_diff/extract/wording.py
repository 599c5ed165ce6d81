"""The words the fact reader goes by: how these reports say that a figure
grows or falls, that it is a goal or a plan, an estimate, and what a
concrete goal counts and does. Word lists only, compiled on first use.
"""

from __future__ import annotations

import re

_RE: dict[str, re.Pattern] = {}

#: Words that may stand between an indicator's name and its figure
#: (国内生产总值比上年增长7.7%, 粮食产量保持在1.3万亿斤以上): anything else
#: there (another noun) means the figure is not the indicator's.
LINKING = (
    "按可比价格计算", "扣除价格因素", "按不变价格计算", "按一九八○年不变价格计算", "预期增长目标", "预期目标",
    "增长目标", "增长速度", "比上年同期", "比上年年初预算", "比去年预算", "比上年预算",
    "比上年", "比去年", "比上一年", "较上年", "同比", "年均", "平均每年", "每年平均", "年平均", "平均",
    "实际", "名义", "累计", "合计", "总计", "预期", "预计", "初步", "目标", "全年", "年度", "总额", "总量",
    "总规模", "规模", "总水平", "水平", "增长率", "增长", "增速", "增幅", "涨幅", "上涨", "下降", "降低",
    "降幅", "减少", "增加", "提高", "回落", "增产", "减产", "扩大", "上升", "跃升", "跃上", "首次", "连年",
    "达到", "达", "完成", "实现", "突破", "超过", "保持在", "保持", "稳定在", "控制在", "降到", "降至",
    "提高到", "增加到", "上升到", "回落到", "下降到", "定为", "定在", "拟定为", "拟按", "安排", "拟", "为", "是", "在",
    "要", "力争", "确保", "争取", "努力", "可以", "可", "将", "能", "有望", "已经", "已", "再", "继续", "分别",
    "也", "仍", "都", "又", "还", "共", "约", "的", "了", "由", "从", "于", "由上年的", "从上年的",
    "五年", "十年", "两年", "三年", "四年", "每年", "今年", "去年", "上年", "当年", "以上", "左右", "、",
    "计划", "原定", "预定", "调高到", "调整为", "宏观调控目标", "调控目标", "目标值", "速度", "大关", "首次", "历史性",
    "降低到", "减少到", "到", "至", "比", "幅度", "增长幅度", "与", "相比", "同期", "进一步", "又", "再次", "再",
    "必须", "能够", "可望", "却",
)
_UP = ("增长", "增速", "增幅", "上涨", "涨幅", "提高", "上升", "增加", "增产", "扩大", "多增", "上调", "跃升", "递增", "追加")
_DOWN = ("下降", "降低", "降幅", "减少", "回落", "减产", "下调", "少增", "压缩", "削减", "节约", "递减")

#: A goal: the sentence sets a target or schedules something.
GOAL_WORDS = (r"力争|确保|争取|加快完成|预期目标|目标(?:是|为|定为|定在|：)|计划(?!生育|单列|经济|内|外)|拟|"
              r"(?<![共已])安排(?!了|的|[^，；。]{0,10}就业)|必须|努力|年底前|月底前|底前|(?<![主重需纲首只简概提摘想紧])要(?![求素点闻害件是])|规定|预期")
#: Words of what is ahead or would be (a goal, an intention, a condition, an estimate): a sentence with
#: one says no outcome (links: a goal said reached; states: a state said held; kinds: a goal reached early).
AHEAD_WORDS = r"要|将|力争|确保|争取|努力|必须|预计|为了|以便|可以|可能|能够|如果|只要"
#: A goal word of its own clause only (全年规划建设路网127条，开工建设61条: the 61 are done).
CLAUSE_GOAL_WORDS = r"规划(?=建设|新建|改造|实施|开工)"
#: 计划 as a noun, no goal word: in a name (天使救助计划、阳光家园计划等; 科技攻关等计划): one to four
#: characters and 计划 followed by one of these (惠: 营养改善计划惠及3200万孩子, what the programme did), or 等计划
#: (:func:`erqi_diff.extract.hanscan.plan_nouns`).
PLAN_NOUN_FOLLOW = frozenset("、，；。等）)”惠")
#: Weaker: an action under way or ahead, a goal when no result is reported with it.
WEAK_GOAL_WORDS = r"推进|促进|加快|启动|新建|开工建设|部署|实施|打造|打通|建设"
#: A change with no thing named (比1980年预计增加, 增长): it is of the thing of the clause before.
BARE_CHANGE = re.compile(r"(?:比|较|同比|与)?(?:上年|去年|预计|“..”期间)?(?:又|还|再|将)?"
                         r"(?:增加|增长|减少|下降|提高|降低|增产|减产)了?")


def subject_of(lead: str) -> str:
    """The thing a clause's words before its figure name, without the words
    around it (其中…为, 到…将从…的, …将达到, …增加): 全日制高等学校招生数."""
    lead = re.sub(r"^(?:其中|同时|并|而|和|以及|到|全年|今年)+", "", lead)
    lead = re.sub(r"(?:将|要|计划|预计|平均每年)?(?:从|由|增加到|提高到)[^，；。]*$", "", lead)
    return re.sub(r"(?:将|要|计划|预计|平均每年)?(?:达到|为|增加到|提高到|增加|增长|减少)?$", "", lead)


#: A result: the figure reports what was done.
RESULT_WORDS = (r"完成|实现|新增|建成|达到|累计|已|取得|共计|合计|增长|下降|突破|超过|回迁|开工(?!建设)|竣工|惠及|受益|帮扶|解决"
                r"|先后")
#: A plan rather than a target: an allocation or an action scheduled.
PLAN_WORDS = ("拟", "安排", "发行", "计划完成", "计划", "新建", "建设", "开工", "改造", "投资", "投入", "推进",
              "实施", "启动")
#: A goal about the government's own means (a plan, not a target): investment, spending, funds...
INSTRUMENT_WORDS = ("投资", "投入", "支出", "资金", "经费", "补助", "补贴", "转移支付", "养老金", "税", "国债",
                    "债券", "贷款", "拨款", "预算", "赤字")
#: A goal about an outcome of the economy or of society (a target): output, prices, incomes, jobs...
OUTCOME_WORDS = ("产量", "增产", "减产", "产值", "零售", "收入", "物价", "价格", "工资", "消费", "积累", "人口",
                 "贫困", "温饱", "就业", "装机", "排放", "覆盖率", "利用率", "比例", "增长率", "发电量")
#: An estimate of an outcome: 预计, 初步.
ESTIMATE_WORDS = ("初步预计", "预计", "初步统计", "初步核算", "初步", "有望")
#: Headings that review a period, and headings that plan one.
REVIEW_HEADINGS = ("回顾", "年来", "成绩", "成效", "总结", "亮点", "取得", "过去", "执行情况", "完成情况", "进展", "回眸")
PLAN_HEADINGS = ("打算", "安排", "任务", "目标", "要求", "建议", "部署", "思路", "计划", "下半年", "政策取向", "展望",
                 "方针")

#: Actions of concrete goals and outcomes, by what they achieve.
ACTIONS = (
    ("建成通车", "open"), ("通车", "open"), ("建成投用", "finish"), ("建成使用", "finish"),
    ("投入使用", "finish"), ("建成投产", "finish"), ("基本建成", "finish"), ("竣工", "finish"), ("建成", "finish"),
    ("完工", "finish"), ("投用", "finish"), ("新开工", "start"), ("开工建设", "start"), ("开工", "start"),
    ("回迁", "move"), ("完成年度投资", "invest"), ("完成投资", "invest"), ("年度计划投资", "invest"),
    ("计划投资", "invest"), ("完成", "finish"), ("新增", "add"), ("安排", "arrange"), ("安置", "arrange"),
    ("减少", "reduce"), ("脱贫", "reduce"), ("改造", "renew"), ("整治", "renew"), ("提升改造", "renew"),
    ("提高", "raise"), ("增加到", "raise"), ("提高到", "raise"),
)


def _compile(name: str, words) -> re.Pattern:
    if name not in _RE:
        _RE[name] = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
    return _RE[name]


_BASES = re.compile(r"比(?:(?:19|20)\d\d|[一二三四五六七八九][一二三四五六七八九○〇零]{3})年(?:末|预计)?|"
                    r"比“[^”]{1,4}”(?:期间|时期)|比今年|比本年|比上年同期|比(?:第?[一二三四]季度|上半年|前三季度|首季)")


#: The words after a figure that restate the economy's growth with no subject of its own (实现7%左右的增长速度;
#: 7%左右的速度可以实现比较充分的就业): a bare 增长速度 or 速度 is the economy's in these reports; a bare 增长
#: may be of anything.
SPEED_AFTER = re.compile(r"的(?:经济)?(?:增长速度|增速|速度)(?![率目])|的经济增长(?![率目])")


def linking_only(gap: str) -> bool:
    """True when ``gap`` holds only linking words (see :data:`LINKING`) and bases (比1980年)."""
    rest = _compile("linking", LINKING).sub("", _BASES.sub("", gap))
    rest = re.sub(r"[\s（）()“”]|\d{4}年|[一二三四五六七八九○〇零]{4}年", "", rest)
    return rest == ""


def last_direction(text: str) -> tuple[str, int] | None:
    """The last word of growth or decline in ``text``: ("up" | "down", its end).
    增加值 (value added: 规模以上工业增加值完成45.7亿元) is a noun, no increase."""
    best = None
    for m in _compile("updown", _UP + _DOWN).finditer(text):
        if m.group() == "增加" and text.startswith("值", m.end()):
            continue
        best = ("down" if m.group() in _DOWN else "up", m.end(), m.group())
    return None if best is None else (best[0], best[1])


#: A goal reached: the adverbs that mark its verb done without 了 (提前实现, 圆满完成) and the verbs.
DONE_ADVERBS = "提前|超额|顺利|圆满|胜利|如期"
DONE_VERBS = "实现|完成|达到"

#: Words joining the items of a list, and the figures of a run given for them (30元和5元, 9.4%、9.1%).
LIST_JOINS = ("、", "和", "与", "及")
LIST_SPLIT = re.compile("|".join(LIST_JOINS))


def joined_run(text: str, spans) -> int:
    """How many of ``spans`` (figures of ``text`` in order, each with ``start``
    and ``end``) from the first stand joined as one list (30元和5元; 0 for none)."""
    listed = 1 if spans else 0
    while listed < len(spans) and text[spans[listed - 1].end:spans[listed].start] in LIST_JOINS:
        listed += 1
    return listed


def has_any(text: str, words) -> bool:
    if isinstance(words, str):
        if words not in _RE:
            _RE[words] = re.compile(words)
        return bool(_RE[words].search(text))
    return any(w in text for w in words)


def action_of(text: str, last: bool = False) -> tuple[str, str] | None:
    """The first (or ``last``) action word in ``text`` and its class (建成通车 -> open);
    安置 in 安置房 is a thing, not an action."""
    found = [m for m in _compile("actions", [w for w, _ in ACTIONS]).finditer(text)
             if not text.startswith("房", m.end())]
    if not found:
        return None
    m = found[-1] if last else found[0]
    return m.group(), dict(ACTIONS)[m.group()]

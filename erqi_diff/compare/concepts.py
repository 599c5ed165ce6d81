"""The policy areas and named indicators a reader recognises under
different words.

Two sections about the same area of work often share few words: a
district's 改善民生 tells of 补贴补助 and 家庭医生 where last year's text
told of 低保 and 慈善; 生态环境 speaks of PM2.5 and 优良天数 where the other
says 大气污染防治 and 控尘; one year writes GDP, the next 地区生产总值. A
reader knows these name one thing. Every government work report, national
or local, reports on the same areas of work, in the same terms, so the
areas are fixed here once: each :data:`CONCEPTS` entry is an area (or a
named indicator) with the terms that name it.

:func:`concept_terms` counts, for a text, each area whose terms it uses,
as a term of its own (``@生态``); :mod:`erqi_diff.compare.topics` adds them
to the n-grams of a section, where they are weighted like any other term
by how many sections use them: an area named by every section (发展,
改革 in a national report) weighs little, one named by two weighs much.
A term inside a longer term of the list counts as the longer one only
(养老保险 names 社保, not also 养老). The terms of two to four letters are
looked up among the section's n-grams, which are counted anyway; the few
others are counted in the text: no pattern to compile, which the start-up
of ``erqi-diff A B`` would pay.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

#: Area -> the terms that name it, separated by "|".
CONCEPTS: dict[str, str] = {
    # named indicators
    "生产总值": r"GDP|生产总值|经济总量",
    "财政收入": r"一般公共预算收入|财政收入|税收收入",
    "固定资产投资": r"固定资产投资",
    "工业增加值": r"规模以上工业|工业增加值",
    "消费品零售": r"社会消费品零售|消费品零售",
    "居民收入": r"可支配收入|居民收入|城乡居民收入",
    # areas of work
    "财政": r"财政|预算|赤字|专项债|国债|税费|减税|降费|转移支付",
    "金融": r"金融|货币|信贷|利率|贷款|银行|债务|化债",
    "项目": r"重大项目|重点项目|项目建设|项目投资|开工|投产|完成投资|总投资",
    "招商": r"招商|签约|引资|落户",
    "产业": r"产业|制造业|服务业|业态|总部经济|产业链|实体经济",
    "数字": r"数字经济|数字化转型|数字产业|数字政府|互联网|大数据|人工智能|信息化|5G|电子商务|网商",
    "商贸": r"商贸|商业|商圈|消费|零售|步行街|楼宇|夜经济",
    "文旅": r"旅游|文旅|景区|文创|文化产业|康养",
    "科技": r"科技|研发|专利|高新技术|创新创业|双创|成果转化|核心技术|技术攻关|孵化",
    "人才": r"人才|专家|聚才|引才",
    "改革": r"改革|体制|机制创新",
    "营商": r"放管服|营商环境|审批|政务服务|一网通办|一次办成|办事|市场主体|经营主体|简政",
    "企业": r"国有企业|国企|民营|非公|中小企业|小微企业|企业家",
    "开放": r"对外开放|开放型|外资|外贸|进出口|自贸|一带一路|跨境",
    "城镇化": r"城镇化|安置房|安置区|棚户区|棚改|回迁|拆迁|城中村|城市更新|百城提质",
    "交通": r"道路|路网|通车|断头路|交通|轨道|地铁|快速路|支路|背街|高铁|铁路|公路",
    "市政": r"基础设施|市政|管网|供水|供暖|供气|停车|公厕|地下管线",
    "城市管理": r"城市管理|城管|精细化|市容|垃圾|亮化|环境综合整治|路长制|智慧城管",
    "住房": r"住房|公租房|保障房|租赁|房地产|老旧小区|物业",
    "区域": r"区域协调|区域发展|区域|组团|板块|功能区|新区|集聚区|城乡融合",
    "大气": r"大气|空气质量|PM|扬尘|蓝天|控尘|控煤|治污|优良天数|雾霾|散乱污|污染源",
    "水": r"水系|河长|湿地|碧水|流域|河湖|水库|水污染|南水北调|黄河",
    "绿化": r"绿化|绿地|公园|游园|廊道|生态林|园林|见绿|森林|植树|造林",
    "生态": r"生态|环境保护|环保|污染防治|生态文明",
    "低碳": r"低碳|减排|节能|碳达峰|碳中和|新能源|清洁能源|能耗",
    "农业": r"农业|农村|农民|乡村|三农|粮食|耕地|种业|美丽乡村|田园|农田",
    "脱贫": r"脱贫|扶贫|返贫|贫困",
    "就业": r"就业|用工|失业|招聘|职业技能|农民工",
    "教育": r"教育|学校|学位|幼儿园|中小学|小学|校园|课后|学生|教师|高校",
    "医疗": r"医疗|卫生|健康|医保|医院|医生|疾病|药品|疫苗",
    "养老": r"养老|老人|老年|一老|日间照料|敬老|托育|婴幼儿",
    "救助": r"救助|低保|困难群众|困难群体|残疾|慈善|优抚|兜底|特困",
    "社保": r"社会保障|社保|养老保险|医疗保险|社会保险",
    "民生": r"民生|福祉|民生实事|获得感|幸福感|普惠|公益|志愿",
    "文化": r"文化|文艺|体育|文明|博物|图书|红色",
    "安全生产": r"安全生产|隐患|事故|应急|消防|防灾|减灾",
    "治理": r"社会治理|基层治理|社区治理|平安|信访|治安|网格|矛盾纠纷|扫黑",
    "法治": r"法治|法律|司法|检察|法院|依法",
    "疫情": r"疫情|防控|新冠",
    "党建": r"党建|党的建设|从严治党|党风廉政|廉政|政治生态|党员|党组织|基层党|纪律|反腐",
    "干部": r"干部|选人用人|作风|激励|担当|督查|考核|问责",
    "国防": r"国防|军队|退役军人|双拥",
    "民族": r"民族|宗教|港澳|台湾|侨务",
    "外交": r"外交|国际形势|多边|全球治理",
}

#: Every term :func:`concept_terms` gives.
CONCEPT_TERMS = frozenset("@" + area for area in CONCEPTS)
#: Term -> the area it names (the first area that lists it).
_AREA_OF: dict[str, str] = {}
for _area, _terms in CONCEPTS.items():
    for _term in _terms.split("|"):
        _AREA_OF.setdefault(_term, _area)


def _gram(term: str) -> bool:
    """An n-gram of :func:`erqi_diff.compare.topics.ngrams`: two to four Chinese characters or Latin letters."""
    return 2 <= len(term) <= 4 and all("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"
                                       or ("A" <= c <= "Z") or ("a" <= c <= "z") for c in term)


#: Terms an n-gram is (found in the n-gram counts), and the others (counted in the text).
_GRAM_TERMS = frozenset(t for t in _AREA_OF if _gram(t))
_OTHER_TERMS = tuple(t for t in _AREA_OF if t not in _GRAM_TERMS)
#: Term -> the terms inside it (生态文明 holds 生态): an occurrence of the longer is not one of those.
_INSIDE: dict[str, tuple[str, ...]] = {
    t: tuple({t[i:j] for i in range(len(t)) for j in range(i + 2, len(t) + (i > 0)) if t[i:j] in _AREA_OF})
    for t in _AREA_OF}


def concept_terms(text: str, grams: Mapping[str, int] | None = None) -> Counter:
    """How often ``text`` names each area, as terms ``@area``; a term inside
    a longer term found there counts as that one only. ``grams``: the
    text's n-gram counts (:func:`erqi_diff.compare.topics.ngrams`), when
    at hand: the short terms are looked up there."""
    if grams is None:
        from erqi_diff.compare.topics import ngrams

        grams = ngrams(text)
    found = {t: grams[t] for t in _GRAM_TERMS & grams.keys()}
    for t in _OTHER_TERMS:
        if t in text:
            found[t] = text.count(t)
    for t in sorted(found, key=len, reverse=True):  # the longest first: what is left of it holds its inner terms
        n = found[t]
        if n > 0:
            for inner in _INSIDE[t]:
                if inner in found:
                    found[inner] -= n * t.count(inner)
    out: Counter = Counter()
    for t, n in found.items():
        if n > 0:
            out["@" + _AREA_OF[t]] += n
    return out

"""Slogans (提法): the formulas a series of reports coins, repeats and drops.

Candidates come from four generic patterns, never from a list of names:

- quoted formulas: “三个二七”, ‘三个二七’, 「…」, 『…』 (short, no sentence
  punctuation inside, not an award title such as 被评为“…先进单位”);
- numbered formulas: numeral-led chains (三定四推五落实, 四梁八柱,
  四重点一稳定一保证) and 六个争先出彩 / 8个100% when quoted;
- parallel series: three or more 、-separated items sharing a suffix of two
  or more characters (品质二七、田园二七、温暖二七) or, for short items, a
  prefix (控尘、控煤、控排、控企);
- named campaigns: 项目建设奋力推进年 (topic + action + 年).

A slogan's key ignores quotes, punctuation and spacing. Once found in any
year, a slogan is counted in every year where its text occurs, quoted or
not. Variants (智慧督察 / 智慧督查; 控尘、控煤、控烟、控车、控企 /
控尘、控煤、控排、控企; 现代化国际化复合型城区 -> 现代化国际化生态化新城区)
are linked by similarity and shown as one lineage.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from collections.abc import Iterable

_QUOTES = (("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ('"', '"'))
_QUOTE_RES = [re.compile(re.escape(o) + r"([^" + re.escape(o + c) + r"\n]{2,48}?)" + re.escape(c)) for o, c in _QUOTES]
_MAX_PLAIN = 16          # a quoted formula without 、 is at most this long; a 、-series up to 48
_DIGIT_FORMULA = re.compile(r"^\d+[+＋][\dA-Z]+$")   # “5+1”, “1+N”
_NOT_INSIDE = re.compile(r"[。！？；：，,;:!?《》]")
_STRIP = re.compile(r"[\s“”‘’「」『』\"'·・•]")
# an award or title in quotes: 被评为“…”, 授予“…”称号, “…先进单位”
_AWARD_BEFORE = re.compile(r"(?:评为|授予|荣获|获评|获得|确定为|确认为|入选|晋级|称号|誉为|列为|荣登|评选)$")
_AWARD_AFTER = re.compile(r"^(?:称号|荣誉|奖|殊荣|评选|评比|的?(?:高度)?评价)")
_AWARD_END = re.compile(r"(?:单位|先进|称号|基地|奖|杯|标兵|模范|示范区|区|县|市)$")
_CN = "一二三四五六七八九十两"
_PART = rf"[{_CN}](?:(?![{_CN}])[\u4e00-\u9fff]){{1,3}}?"
_CHAIN = re.compile(rf"(?<![\u4e00-\u9fff])(?:{_PART}){{2,4}}(?![\u4e00-\u9fff])|(?:{_PART}){{2,4}}(?=的|等|项目|机制|工作|体系|格局|要求|措施)")
# 现代化国际化复合型城区: two or more 2-char + 化/型 modifiers and a noun
_MODIFIERS = re.compile(r"(?:[\u4e00-\u9fff]{2}[化型]){2,}[\u4e00-\u9fff]{0,2}(?:城区|城市|新城|强国|国家|社会|体系|都市)")
_NUMBERED = re.compile(rf"^(?:[{_CN}]|\d+)个")
_SERIES = re.compile(r"[\u4e00-\u9fff]{2,6}(?:、[\u4e00-\u9fff]{2,6}){2,}")
_SERIES_SUFFIX_STOP = re.compile(r"(?:街道|社区|小学|中学|学校|幼儿园|项目|公司|集团|医院|路|街|村|镇|乡|区|县|市|省|局|委|办|站|园|馆|中心|公园|大道|快速路)$")
_CAMPAIGN = re.compile(r"([\u4e00-\u9fff]{4})(奋力|全力|全面|品质|加快|深化|集中|强力|质量)(推进|攻坚|提升|突破|落实|提质|服务|创新)年")
_FUNCTION_HEADS = set("各更最很都再也还")  # 各级、各界、各方 / 更舒心、更满意: phrasing, not a formula
_NUMERAL_DIFF = set(_CN + "0123456789零百千万")


class Kind(str, enum.Enum):
    QUOTED = "quoted"
    NUMBERED = "numbered"
    SERIES = "series"
    CAMPAIGN = "campaign"
    FORMULA = "formula"       # 现代化国际化生态化新城区


def key_of(text: str) -> str:
    """The comparison key: no quotes, spaces or dots; ，,;； become 、."""
    return re.sub(r"[，,;；]", "、", _STRIP.sub("", text))


@dataclass(frozen=True)
class Candidate:
    text: str
    kind: Kind
    year: int


def _is_award(body: str, start: int, end: int, inner: str) -> bool:
    before = body[max(0, start - 6):start]
    if _AWARD_BEFORE.search(before) or _AWARD_AFTER.match(body[end:end + 6]):
        return True
    return bool(_AWARD_END.search(inner)) and len(inner) > 4


def candidates(snapshot) -> list[Candidate]:
    """Slogan candidates of one snapshot, each as written (quotes removed)."""
    body = "\n".join([s.heading for s in snapshot.sections] + [p for s in snapshot.sections for p in s.paragraphs])
    found: dict[str, Candidate] = {}

    def add(text: str, kind: Kind) -> None:
        key = key_of(text)
        if len(key) >= 2 and key not in found:
            found[key] = Candidate(text, kind, snapshot.year)

    for pattern in _QUOTE_RES:
        for m in pattern.finditer(body):
            inner = m.group(1).strip()
            if _NOT_INSIDE.search(inner) or ("、" not in inner and len(inner) > _MAX_PLAIN):
                continue
            if not re.search(r"[\u4e00-\u9fff]", inner) and not _DIGIT_FORMULA.match(inner):
                continue
            if _is_award(body, m.start(), m.end(), inner):
                continue
            kind = Kind.NUMBERED if (_NUMBERED.match(inner) or _CHAIN.fullmatch(inner)) else Kind.QUOTED
            add(inner, kind)
    quoted = list(found)

    def inside_quoted(text: str) -> bool:
        key = key_of(text)
        return any(key in q for q in quoted)

    for m in _CHAIN.finditer(body):
        text = m.group()
        if len(text) >= 4 and _chain_ok(text) and not inside_quoted(text):
            add(text, Kind.NUMBERED)
    for m in _SERIES.finditer(body):
        series = _shared_series(m.group().split("、"))
        if series:
            add("、".join(series), Kind.SERIES)
    for pattern, kind in ((_CAMPAIGN, Kind.CAMPAIGN), (_MODIFIERS, Kind.FORMULA)):
        for m in pattern.finditer(body):
            if not inside_quoted(m.group()):
                add(m.group(), kind)
    return list(found.values())


def _chain_ok(text: str) -> bool:
    """四梁八柱, 三定四推五落实: at least two numeral-led parts, not a count like 三年内."""
    parts = re.findall(rf"[{_CN}][^{_CN}]*", text)
    if len(parts) < 2 or any(len(p) < 2 or p[1] in "年月日次批名位" for p in parts):
        return False
    # 两个市场两种资源 is a formula, 成熟一个开工一个 a phrase: no bare "numeral + measure" part
    return not any(len(p) == 2 and p[1] in "个种项条件" for p in parts)


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
        if all(x.endswith(suffix) and len(x) > n for x in run) and not _SERIES_SUFFIX_STOP.search(suffix):
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


@dataclass(frozen=True)
class Variant:
    slogan: str
    years: tuple[int, ...]
    counts: dict = field(compare=False)

    def to_json(self) -> dict:
        return {"slogan": self.slogan, "years": list(self.years), "counts": {str(k): v for k, v in self.counts.items()}}


@dataclass(frozen=True)
class Slogan:
    """One slogan and its variants across the years, as ``slogans --json`` prints it."""

    slogan: str
    kind: Kind
    years: tuple[int, ...]
    counts: dict = field(compare=False)
    variants: tuple[Variant, ...] = ()

    @property
    def first(self) -> int:
        return self.years[0]

    @property
    def last(self) -> int:
        return self.years[-1]

    def to_json(self) -> dict:
        return {"slogan": self.slogan, "years": list(self.years),
                "counts": {str(k): v for k, v in self.counts.items()},
                "variants": [v.to_json() for v in self.variants]}


def _similar(a: str, b: str) -> bool:
    """Two forms of one slogan: series sharing most items, or strings of 4+
    chars alike enough (智慧督察/智慧督查) that differ in more than numerals."""
    if "、" in a and "、" in b:
        sa, sb = set(a.split("、")), set(b.split("、"))
        shared = len(sa & sb)
        return shared >= 2 and shared / min(len(sa), len(sb)) >= 0.6 and sa != sb
    if "、" in a or "、" in b or min(len(a), len(b)) < 4:
        return False
    diff = set(a) ^ set(b)
    if diff and diff <= _NUMERAL_DIFF:
        return False  # 十三五 / 十四五 are different plans, not variants
    if len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1:
        return True  # 智慧督察 / 智慧督查
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    blocks = [blk for blk in matcher.get_matching_blocks() if blk.size]
    if not blocks:
        return False
    same_start = blocks[0].a == 0 and blocks[0].b == 0 and blocks[0].size >= 2
    same_end = blocks[-1].a + blocks[-1].size == len(a) and blocks[-1].b + blocks[-1].size == len(b) and blocks[-1].size >= 2
    return matcher.ratio() >= 0.66 and same_start and same_end


_CJK_NOT_NUMERAL = re.compile(r"[\u4e00-\u9fff]")
_ALL_CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def _one_char_variants(key: str, text: str) -> set[str]:
    """Forms of ``key`` in ``text`` differing in one (non-numeral) character:
    智慧督察 for 智慧督查. Only for 4-12 character keys without a series."""
    if not 4 <= len(key) <= 12 or not _ALL_CJK.match(key) or any(c in _NUMERAL_DIFF for c in key):
        return set()
    n = len(key)
    out = set()
    for anchor, offset in ((key[:2], 0), (key[-2:], n - 2)):
        at = text.find(anchor)
        while at >= 0:
            start = at - offset
            window = text[start:start + n] if start >= 0 else ""
            if len(window) == n and window != key and _bounded(text, start, start + n):
                diffs = [i for i in range(n) if window[i] != key[i]]
                if len(diffs) == 1 and _CJK_NOT_NUMERAL.match(window[diffs[0]]) and window[diffs[0]] not in _NUMERAL_DIFF:
                    out.add(window)
            at = text.find(anchor, at + 1)
    return out


_DELIM = set("等和及与")


def _bounded(text: str, start: int, end: int) -> bool:
    """The window stands alone: punctuation, a line end or 等/和/及/与 on both sides."""
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    return all(not _CJK_NOT_NUMERAL.match(c) or c in _DELIM for c in (before, after))


def _count(haystack: str, key: str) -> int:
    return haystack.count(key)


def extract(snapshots: Iterable) -> list[Slogan]:
    """Slogans of ``snapshots`` (oldest first), variants grouped, in order of first year."""
    snaps = list(snapshots)
    found: dict[str, Candidate] = {}
    for snap in snaps:
        for cand in candidates(snap):
            found.setdefault(key_of(cand.text), cand)
    texts = {snap.year: key_of("\n".join([s.heading for s in snap.sections] + [p for s in snap.sections for p in s.paragraphs]))
             for snap in snaps}
    for key, cand in list(found.items()):
        for year, text in texts.items():
            for variant in _one_char_variants(key, text):
                found.setdefault(variant, Candidate(variant, cand.kind, year))
    counts: dict[str, dict[int, int]] = {}
    for key in found:
        per_year = {y: _count(t, key) for y, t in texts.items()}
        counts[key] = {y: n for y, n in per_year.items() if n}
    keys = [k for k in found if counts[k]]
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if len(a) == len(b) and "、" not in a and set(counts[a]) & set(counts[b]):
                continue  # 最初一公里 and 最后一公里 in one report: two slogans
            if _similar(a, b):
                parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for k in keys:
        groups.setdefault(root(k), []).append(k)
    result = []
    for members in groups.values():
        members.sort(key=lambda k: (min(counts[k]), -max(counts[k]), k))
        variants = tuple(Variant(found[k].text, tuple(sorted(counts[k])), dict(sorted(counts[k].items())))
                         for k in members)
        total: dict[int, int] = {}
        for k in members:
            for y, n in counts[k].items():
                total[y] = total.get(y, 0) + n
        latest = max(members, key=lambda k: (max(counts[k]), min(counts[k])))
        result.append(Slogan(found[latest].text, found[members[0]].kind, tuple(sorted(total)),
                             dict(sorted(total.items())), variants if len(members) > 1 else ()))
    result.sort(key=lambda s: (s.first, -len(s.years), s.slogan))
    return result


def added_retired(slogans: list[Slogan], a: int, b: int) -> tuple[list[str], list[str]]:
    """Slogans present in year ``b`` but not ``a`` (added) and the reverse (retired)."""
    added = [s.slogan for s in slogans if b in s.counts and a not in s.counts]
    retired = [s.slogan for s in slogans if a in s.counts and b not in s.counts]
    return added, retired

"""Lineages: the forms of one slogan, and what became of it between two years.

Two forms are one lineage (:func:`similar`) when one is the other

- **reordered**: the same items of a series in another order
  (医保、医疗、医药 / 医疗、医保、医药);
- **extended or shortened** by a modifier or a generic head, never by a
  member (:mod:`erqi_diff.extract.members`: 转方式调结构 and
  转方式、调结构、提质量、增效益 are two slogans): a name with a
  generic head added (放心消费 / 放心消费行动, 乡村振兴 / 乡村振兴战略);
- **re-spelt**: one character changed (智慧督察 / 智慧督查), the objects of
  two verbs swapped (减税降费 / 减费降税), or alike at both ends
  (现代化国际化复合型城区 / 现代化国际化生态化新城区).

Never when they differ only in numerals (十三五 / 十四五 are two plans),
nor two forms of the same length used side by side in one report
(最初一公里 and 最后一公里). The lexicon states lineages outright
(放管服 / 简政放权、放管结合、优化服务).

Between an older and a newer report a lineage is (:func:`changes`):
*added* (first seen in the newer), *returned* (in the newer and an earlier
report, not in the older), *retired* (in the older, not the newer; one
standing again in a later report of the series was only left out, and its
record says where it is back: :func:`back_in`),
*changed* (in both, its main form, the one used most, is another, newly
used or no longer used; or a series retired and one added that restates it,
its members reordered and one replaced: 建机制、补短板、兜底线 / 保基本、兜底线、
建机制, :func:`_restated`), or kept.
The diff strip, the changelog and the HTML report all use these words.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from erqi_diff.extract.hanscan import is_han
from erqi_diff.extract.members import GENERIC_HEADS, Holders, members, members_differ, same_members
from erqi_diff.extract.textkey import NUMERALS, KeyText, key_of

if TYPE_CHECKING:
    from erqi_diff.extract.slogans import Slogan

# a name extended by one of these is the same slogan (乡村振兴 / 乡村振兴战略)
_HEADS = GENERIC_HEADS
_NUMERAL_DIFF = NUMERALS | set("双")
# a numbered formula: a count and its measure word (两个确立, 三大攻坚战, 五项原则)
_COUNTED = re.compile(r"[一二两三四五六七八九十]+[个项大条种类]")


def similar(a: str, b: str) -> bool:
    """Two keys are forms of one slogan (see the module doc)."""
    if a == b:
        return False
    if a.replace("、", "") == b.replace("、", ""):
        return True  # 改革、发展、稳定 / 改革发展稳定: a series written with or without its commas
    if b in conditional_forms(a, b) or a in conditional_forms(b, a):
        return True  # 决不放松粮食生产，积极开展多种经营 / 决不放松粮食生产的前提下，积极发展多种经营
    if members_differ(a, b):
        return False  # a member added, dropped or replaced: another slogan (members.py)
    if "、" in a and "、" in b:
        return same_members(members(a), members(b))  # reordered, or one member re-spelt in one character
    if "、" in a or "、" in b:
        return False
    if len(a) == len(b) == 4 and a == b[0] + b[3] + b[2] + b[1]:
        return True  # 减税降费 / 减费降税: the objects of two verbs swapped
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) >= 3 and long_.startswith(short) and long_[len(short):] in _HEADS:
        return True
    if min(len(a), len(b)) < 4:
        return False
    diff = set(a) ^ set(b)
    if diff and diff <= _NUMERAL_DIFF:
        return False  # 十三五 / 十四五 are different plans, not variants
    if len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1:
        return not _COUNTED.match(a)  # 智慧督察 / 智慧督查; but 两个确保 is not 两个确立: a count's items differ
    if a[:2] != b[:2] or a[-2:] != b[-2:]:
        return False
    from difflib import SequenceMatcher  # here: most strips never get this far (difflib costs ~1 ms to import)

    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.66


# a two-clause formula restated as a condition: 决不放松粮食生产，积极发展多种经营 as 在决不放松粮食生产的前提下，积极发展多种经营
_CONDITION = ("的前提下、", "的前提下")


def conditional_forms(key: str, text: KeyText | str) -> dict[str, str]:
    """Forms of the two-clause formula ``key`` (A、B: two items of four
    characters or more, Han only) in ``text`` with its first clause made the
    second's condition: A的前提下，B, B as written or re-spelt in one
    character after its first two (积极开展多种经营 / 积极发展多种经营), then
    no more Han characters. Key -> the form as written (the key itself for a
    key text given as a string)."""
    items = key.split("、")
    if len(items) != 2 or min(map(len, items)) < 4 or not all(map(is_han, "".join(items))):
        return {}
    keys = text if isinstance(text, str) else text.key
    first, second = items
    out = {}
    for joint in _CONDITION:
        at = keys.find(first + joint)
        while at >= 0:
            start = at + len(first) + len(joint)
            end = start + len(second)
            said = keys[start:end]
            diffs = [i for i, (x, y) in enumerate(zip(said, second)) if x != y]
            if len(said) == len(second) and not is_han(keys[end:end + 1] or "、") and (not diffs or (
                    len(diffs) == 1 and diffs[0] >= 2 and is_han(said[diffs[0]]) and said[diffs[0]] not in NUMERALS)):
                where = (at, end) if isinstance(text, str) else text.span(at, end)
                out[keys[at:end]] = (keys if isinstance(text, str) else text.body)[where[0]:where[1]]
            at = keys.find(first + joint, at + 1)
    return out


def buckets(key: str) -> Iterable[tuple[str, str]]:
    """What two similar keys share at least one of: their first two or last
    two characters, a series item, the name a head extends, or their words
    without a series' commas."""
    yield ("bare", key.replace("、", ""))  # 改革、发展、稳定 and 改革发展稳定
    if "、" in key:
        for item in key.split("、"):
            yield ("item", item.removesuffix("的前提下"))  # A的前提下，B restates A，B
        return
    if len(key) == 4:
        yield ("swap", key[0] + key[2] + "".join(sorted(key[1] + key[3])))
    yield ("head", key[:2])
    yield ("tail", key[-2:])
    if key.endswith(_HEADS):  # (one test of all the heads first: this runs for every key of a strip)
        for head in _HEADS:
            if key.endswith(head) and len(key) - len(head) >= 3:
                yield ("name", key[:-len(head)])
    yield ("name", key)


class Change(str, enum.Enum):
    ADDED = "added"
    RETURNED = "returned"
    RETIRED = "retired"
    CHANGED = "changed"
    LEFT_OUT = "left_out"  # a mark only (marks): absent, but a later report of the years holds it again


@dataclass(frozen=True)
class SloganChange:
    """What became of one slogan from ``before`` to ``after`` (years):
    ``change``; ``slogan``, the lineage's name; ``old``/``new``, the main
    form in the older/newer report ("" where it does not stand); ``since``,
    for a returned slogan, the last earlier report it stood in; ``lineage``,
    every form, oldest first; ``back``, for a retired slogan, the first later
    report of the series it stands in again (None: none does, it is gone;
    a year: it was left out, not retired for good); ``since_form`` and
    ``back_form``, the form it stood in then, where that is another form
    ("" when the same or not known): 耕地红线 returned, last in 2022
    as 18亿亩耕地红线; ``since_within`` and ``back_within``, the longer slogan
    it stood in then only as part of, when it had no form of its own there
    and that report is among those read (逆周期调节 returned, last in 2022
    within 跨周期和逆周期调节)."""

    change: Change
    slogan: str
    old: str
    new: str
    since: int | None = None
    lineage: tuple[str, ...] = ()
    back: int | None = None
    since_form: str = ""
    back_form: str = ""
    since_within: str = ""
    back_within: str = ""


@dataclass(frozen=True)
class SloganChanges:
    """The slogans added, returned, retired and changed from report
    ``before`` to report ``after``, each list in the newer (or, retired, the
    older) report's order of first use."""

    before: int
    after: int
    added: tuple[SloganChange, ...] = ()
    returned: tuple[SloganChange, ...] = ()
    retired: tuple[SloganChange, ...] = ()
    changed: tuple[SloganChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.returned or self.retired or self.changed)


def _reworded(slogan: Slogan, before: int, after: int) -> bool:
    """The main form changed: to a form the older report did not use, from
    one the newer report no longer uses. Reports switch between a long and
    a short form within one report (政企分开 beside 政企职责分开): a form
    standing in both reports, the count tipping from one to the other, is
    no change."""
    old, new = slogan.main_form(before), slogan.main_form(after)
    if not old or not new or _bare(old) == _bare(new):
        return False  # “扫黄”、“打非” and “扫黄”“打非”: the same words, typeset otherwise
    if _bare(old).translate(_JOINERS) == _bare(new).translate(_JOINERS):
        return False  # 公有制为主体 / 以公有制为主体, 一个中国原则 / 一个中国的原则: a joining word, no new wording
    used = {v.slogan: v.counts for v in slogan.variants}
    return before not in used.get(new, {}) and after not in used.get(old, {})


_JOINERS = str.maketrans("", "", "的以之")


def _bare(form: str) -> str:
    """A form without its quotes and series commas."""
    return key_of(form).replace("、", "")


def changes(slogans: Sequence[Slogan], before: int, after: int,
            elsewhere: Mapping[str, Sequence[int]] | None = None,
            forms_elsewhere: Mapping[str, Mapping[int, tuple[str, str]]] | None = None) -> SloganChanges:
    """What became of ``slogans`` from report ``before`` to report ``after``
    (see the module doc). Years between them are not looked at; years
    before ``before`` tell a returned slogan from an added one: those of
    ``slogans`` and, by slogan name, those of reports they were not
    extracted from (``elsewhere``, as :func:`erqi_diff.extract.slogans.years_in` gives them);
    ``forms_elsewhere``: the forms it stood in there, by year, as
    :func:`erqi_diff.extract.slogans.forms_in` gives them (``(form, within)``),
    for the ``since_form``/``back_form`` and ``since_within``/``back_within`` of
    a year outside ``slogans``."""
    elsewhere = elsewhere or {}
    outside = forms_elsewhere or {}

    def then(s: Slogan, year: int | None, form: str) -> tuple[str, str]:
        """(another form, the slogan holding it) of ``s`` in ``year``."""
        other, within = outside.get(s.slogan, {}).get(year or 0, ("", ""))
        other = _other_form(s, year, form) or (other if other and _bare(other) != _bare(form) else "")
        return other, "" if other else _within(slogans, s, year) or within
    found: dict[Change, list[tuple[int, SloganChange]]] = {c: [] for c in Change}
    items = {year: series_items(slogans, year) for year in (before, after)}
    present = present_years(slogans)
    for s in slogans:
        old, new = s.main_form(before), s.main_form(after)
        lineage = tuple(v.slogan for v in s.variants) or (s.slogan,)
        if (new and not old and _an_item(s, items[before])) or (old and not new and _an_item(s, items[after])):
            continue  # 田园二七 in 2017's 品质二七、田园二七、温暖二七: it stands there, as an item
        if new and not old:
            earlier = sorted({y for y in (*present[s.slogan], *elsewhere.get(s.slogan, ())) if y < before})
            change = Change.RETURNED if earlier else Change.ADDED
            since = earlier[-1] if earlier else None
            since_form, since_within = then(s, since, new)
            record = SloganChange(change, s.slogan, "", new, since, lineage, since_form=since_form,
                                  since_within=since_within)
            found[change].append((s.first_offset(after), record))
        elif old and not new:
            back = back_in((*present[s.slogan], *elsewhere.get(s.slogan, ())), after)
            back_form, back_within = then(s, back, old)
            found[Change.RETIRED].append((s.first_offset(before), SloganChange(
                Change.RETIRED, s.slogan, old, "", None, lineage, back, back_form=back_form, back_within=back_within)))
        elif _reworded(s, before, after):
            found[Change.CHANGED].append((s.first_offset(after), SloganChange(Change.CHANGED, s.slogan, old, new,
                                                                               None, lineage)))

    _pair_restated(found)

    def ordered(change: Change) -> tuple[SloganChange, ...]:
        return tuple(r for _, r in sorted(found[change], key=lambda x: x[0]))

    return SloganChanges(before, after, ordered(Change.ADDED), ordered(Change.RETURNED),
                         ordered(Change.RETIRED), ordered(Change.CHANGED))


def _restated(old: str, new: str) -> bool:
    """``new`` restates the series ``old``: as many members, three or more,
    all but one the same, the shared ones in another order (建机制、补短板、
    兜底线 / 保基本、兜底线、建机制), or of two members, one the same in
    its place (a leading 以 aside), the other replaced, every member of four
    characters or more (以公有制为主体、多种经济成份共同发展 / 公有制为主体、
    多种所有制经济共同发展). Two slogans by their members (members.py), but
    between two reports one formula said anew, not one retired and another
    added."""
    a, b = members(key_of(old)), members(key_of(new))
    shared = [m for m in a if m in b]
    if len(a) == len(b) == 2:  # 以公有制为主体、多种经济成份共同发展 / 公有制为主体、多种所有制经济共同发展
        bare_a, bare_b = [m.removeprefix("以") for m in a], [m.removeprefix("以") for m in b]
        same = [k for k in range(2) if bare_a[k] == bare_b[k]]
        return len(same) == 1 and min(map(len, (*a, *b))) >= 4
    return len(a) == len(b) >= 3 and len(set(a)) == len(a) and len(shared) == len(a) - 1 and \
        shared != [m for m in b if m in a]


def _pair_restated(found: dict[Change, list[tuple[int, SloganChange]]]) -> None:
    """A retired series and an added one restating it (:func:`_restated`),
    each the other's only such, become one change."""
    retired, added = found[Change.RETIRED], found[Change.ADDED]
    pairs = [(i, j) for i, (_, r) in enumerate(retired) for j, (_, a) in enumerate(added) if _restated(r.old, a.new)]
    for i, j in pairs:
        if sum(p[0] == i for p in pairs) == 1 and sum(p[1] == j for p in pairs) == 1:
            (_, r), (at, a) = retired[i], added[j]
            found[Change.CHANGED].append((at, SloganChange(Change.CHANGED, a.slogan, r.old, a.new, None,
                                                           r.lineage + a.lineage)))
    gone = {i for i, j in pairs if sum(p[0] == i for p in pairs) == 1 and sum(p[1] == j for p in pairs) == 1}
    kept = {j for i, j in pairs if i in gone}
    found[Change.RETIRED] = [x for i, x in enumerate(retired) if i not in gone]
    found[Change.ADDED] = [x for j, x in enumerate(added) if j not in kept]


def _other_form(slogan: Slogan, year: int | None, form: str) -> str:
    """The form ``slogan`` stands in, in ``year``, when another than ``form``
    (the same words typeset otherwise are the same); "" else, or when that
    report is not among those read."""
    then = slogan.main_form(year) if year is not None else ""
    return then if then and _bare(then) != _bare(form) else ""


def _within(slogans: Sequence[Slogan], slogan: Slogan, year: int | None) -> str:
    """The slogan of ``slogans`` standing in ``year`` that holds ``slogan``
    (:class:`members.Holders`), when ``slogan`` has no form of its own
    there; "" else, or when that report is not among those read."""
    if year is None or slogan.main_form(year):
        return ""
    holders = _holders(series_items(slogans, year))
    key = next((h for h in (holders.holder(key_of(f)) for f in slogan.forms()) if h), None)
    if key is None:
        return ""
    # named by the form the holding slogan stands in that year (逆周期和跨周期调节 in 2024)
    return next((s.main_form(year) for s in slogans if year in s.counts and key in map(key_of, s.forms())), key)


def back_in(years: Iterable[int], after: int) -> int | None:
    """The first of ``years`` (those a slogan stands in, across the series)
    after ``after``, the first report without it: a slogan found there again
    was left out of some reports, not retired (以经济建设为中心, not in 1984,
    back in 1987). None when no later report holds it."""
    return min((y for y in years if y > after), default=None)


def series_items(slogans: Sequence[Slogan], year: int) -> frozenset[str]:
    """The forms (keys) of the slogans standing in ``year`` (all of a
    slogan's forms: they share its members): what holds the slogans absent there (:func:`held`). A slogan
    counts where it stands alone (matching.py: the longer form wins), but
    one held by another standing there has not left the report, nor come
    into it."""
    return frozenset(key_of(form) for s in slogans if year in s.counts for form in s.forms())


@lru_cache(maxsize=512)
def _holders(forms: frozenset[str]) -> Holders:
    return Holders(forms)


def held(slogan: Slogan, forms: frozenset[str]) -> bool:
    """One form of ``slogan`` is held by ``forms`` (:class:`members.Holders`:
    an item of a series, a member of a coordination or a counted compound, a
    name after a modifier), bare or with the generic head a list puts after
    an item (“项目推进落实、新型城镇化建设、…”六项工作: 新型城镇化)."""
    if not forms:
        return False
    holders = _holders(forms)
    keys = {key_of(form) for form in slogan.forms()}
    return any(holders.holds(k) for k in keys) or not _headless(forms).isdisjoint(keys)


@lru_cache(maxsize=512)
def _headless(forms: frozenset[str]) -> frozenset[str]:
    """The members of ``forms`` (:func:`_holders`) that end in a generic head of a list item, without it."""
    return frozenset(m[:-2] for m in _holders(forms).members if m.endswith(_ITEM_HEADS))


_an_item = held
_ITEM_HEADS = ("建设", "工作")


def listed(slogan: Slogan, forms: frozenset[str]) -> bool:
    """``slogan`` stands among ``forms`` as one item of a series written with
    、 (品质二七 in 品质二七、田园二七、温暖二七; 新型城镇化 as 新型城镇化建设 in
    “项目推进落实、新型城镇化建设、…”): there in its own right, not only as a
    part of a longer slogan (逆周期调节 in 跨周期和逆周期调节, 三保障 in 两不愁三保障,
    法治政府、创新政府、廉洁政府 in a series of four)."""
    keys = {key_of(form) for form in slogan.forms()}
    return any(item in keys or (item.endswith(_ITEM_HEADS) and item[:-2] in keys)
               for form in forms if "、" in form for item in form.split("、"))


def with_items(slogans: Sequence[Slogan], years: Mapping[str, Sequence[int]]) -> dict[str, tuple[int, ...]]:
    """``years`` (slogan name -> years of other reports it stands in) with
    the years a slogan of ``slogans`` stands in given to those it holds
    (:func:`held`): where 品质二七、田园二七、温暖二七 stands, 田园二七 does."""
    out = {name: set(ys) for name, ys in years.items()}
    # a form is held only by forms holding all its characters but the joiners (members.Holders): a cheap
    # test first, as every slogan is asked of every other
    chars = [(s, [frozenset(key_of(form)) - _JOINING_CHARS for form in s.forms()]) for s in slogans]
    for holder in slogans:
        if holder.slogan not in years:
            continue
        forms = frozenset(key_of(form) for form in holder.forms())
        present = frozenset("".join(forms))
        for s, own in chars:
            if s is not holder and any(c <= present for c in own) and held(s, forms):
                out.setdefault(s.slogan, set()).update(years[holder.slogan])
    return {name: tuple(sorted(ys)) for name, ys in out.items()}


#: What a held form may hold that its holder need not write (members.members: 物质文明和精神文明 is held
#: by 物质文明、政治文明、精神文明).
_JOINING_CHARS = frozenset("、和与及")


def present_years(slogans: Sequence[Slogan]) -> dict[str, tuple[int, ...]]:
    """The years each slogan stands in, alone or as an item of a series
    slogan (品质二七 in 品质二七、田园二七、温暖二七), by its name."""
    years = sorted({y for s in slogans for y in s.years})
    items = {year: series_items(slogans, year) for year in years}
    return {s.slogan: tuple(y for y in years if y in s.counts or _an_item(s, items[y])) for s in slogans}


def marks(slogan: Slogan, years: Sequence[int],
          items_by_year: Mapping[int, frozenset[str]] | None = None,
          elsewhere: Sequence[int] = ()) -> dict[int, Change]:
    """What became of ``slogan`` at each report of ``years`` (oldest first)
    compared with the report before it in ``years``: added, returned,
    retired or changed (as :func:`changes` says; ``items_by_year``: each
    year's :func:`series_items`), or left out where it is absent but a
    later report of ``years`` holds it again (:func:`back_in`: where
    :func:`changes` gives ``back``); reports where nothing did are left
    out, and so is the first report. A slogan held by a longer one (an item
    of a series) is there: it comes, returns and goes as a held item too
    (普惠金融 back in 2024 within 科技金融、绿色金融、普惠金融、养老金融、数字金融;
    品质二七 there from 2016 within 品质二七、田园二七、温暖二七, not new in 2021
    where it first stands alone).
    ``elsewhere``: the series' other reports (not in ``years``) it stands in
    (:func:`erqi_diff.extract.slogans.years_in`): one before is not new but
    returned, one after is not retired but left out, as the diff's strip says."""
    present = set(slogan.years) | held_as_item(slogan, items_by_year or {})
    out: dict[int, Change] = {}
    for before, after in zip(years, years[1:]):
        old, new = slogan.main_form(before), slogan.main_form(after)
        was, now = before in present, after in present
        if now and not was:
            earlier = any(y < before for y in present) or any(y < after for y in elsewhere)
            out[after] = Change.RETURNED if earlier else Change.ADDED
        elif was and not now:
            gone = back_in(present, after) is None and back_in(elsewhere, after) is None
            out[after] = Change.RETIRED if gone else Change.LEFT_OUT
        elif old and new and _reworded(slogan, before, after):
            out[after] = Change.CHANGED
    return out


def held_as_item(slogan: Slogan, items_by_year: Mapping[int, frozenset[str]]) -> set[int]:
    """The years (of ``items_by_year``: each year's :func:`series_items`)
    where ``slogan`` does not stand alone but is an item of a longer slogan
    standing there (普惠金融 in 科技金融、绿色金融、普惠金融、…; 品质二七 in
    品质二七、田园二七、温暖二七 of 2016-2018, before it stands alone in 2021):
    there for :func:`marks`, though it has no count of its own."""
    return {y for y, items in items_by_year.items() if y not in slogan.counts and _an_item(slogan, items)}


def held_years(slogans: Sequence[Slogan], years: Sequence[int]) -> dict[str, tuple[int, ...]]:
    """By slogan name, the years of ``years`` it is there only as an item
    (:func:`held_as_item`): what the table shows where it has no count."""
    items = {year: series_items(slogans, year) for year in years}
    out = {s.slogan: tuple(sorted(held_as_item(s, items))) for s in slogans}
    return {name: ys for name, ys in out.items() if ys}


def all_marks(slogans: Sequence[Slogan], years: Sequence[int],
              elsewhere: Mapping[str, Sequence[int]] | None = None) -> list[tuple[Slogan, dict[int, Change]]]:
    """:func:`marks` of each of ``slogans`` over ``years``, with the items of
    the series standing in each year (:func:`series_items`); ``elsewhere``:
    by slogan name, the series' other reports it stands in."""
    items = {year: series_items(slogans, year) for year in years}
    other = elsewhere or {}
    return [(s, marks(s, years, items, other.get(s.slogan, ()))) for s in slogans]

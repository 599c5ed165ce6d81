"""What a figure counts or measures (a Fact's ``what``), in the words of its
sentence: the words before it in its clause, or for a count the noun after
it (推进32个重大生态项目: 重大生态项目), as :mod:`erqi_diff.extract.reader`
reads them.

- with an indicator, the words from its subject to the figure;
- a count is of the noun after it, and one before a list of qualities
  counts the noun after them (10个布局合理、充满活力、特色突出的小微企业园:
  小微企业园);
- a bare change (纸520万吨，增加20万吨) is of the thing of the clause before;
- figures given respectively for a list (居民医保和基本公共卫生服务经费人均财政补助标准
  分别再提高30元和5元) are each of its item, the k-th figure of the k-th
  (居民医保…再提高 for 30元), when the list and the run of figures are as long;
- linking words, words of time and lists' 等 are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from erqi_diff.extract import wording as w
from erqi_diff.extract.hanscan import is_han
from erqi_diff.extract.numbers import Quantity
from erqi_diff.extract.timing import clause_start

_PUNCT = re.compile(r"[，；：。、,;:（）()]")
_LEADING = re.compile(r"^(?:其中|同时|并|而|和|以及|全年|今年|去年|力争|确保|争取|要|共|累计)+")


def strip_time(text: str) -> str:
    """``text`` without its words of time (2016年, 今年, 上半年, 年均, 五年来…)."""
    return re.sub(r"(?:19|20)\d\d年|[一二三四五六七八九][一二三四五六七八九○〇零]{3}年|今年|去年|全年|上半年|"
                  r"下半年|前三季度|1[-－—~至]\d{1,2}月|年均|五年来|过去五年", "", text)


def what_of(text: str, qs: Sequence[Quantity], q: Quantity, cs: int, subj_start: int, name: str | None) -> str:
    """What figure ``q`` of sentence ``text`` (its figures ``qs``; ``q``'s
    clause from ``cs``, its subject from ``subj_start``; ``name`` its
    indicator or None) counts or measures (see the module doc), at most 24
    characters."""
    own = _respective(text, qs, q, cs)
    if own:
        return own[:24]
    prev = [e.end + 1 for e in qs if cs <= e.start and e.end < q.start and text[e.end] == "、"]  # …公里、复线里程
    lead = text[subj_start:q.start] if name else strip_time(text[max([cs, *prev]):q.start])
    lead = _LEADING.sub("", lead)
    if lead and not name:
        lead = lead.split("等")[-1] if "等" in lead else lead
    if not name and cs > 1 and w.BARE_CHANGE.fullmatch(lead):  # 纸520万吨，增加20万吨: of the thing before
        before = [e.start for e in qs if clause_start(text, cs - 1) <= e.start < cs - 1]
        thing = w.subject_of(strip_time(text[clause_start(text, cs - 1):before[0]])) if before else ""
        lead = f"{thing}，{lead}" if any(map(is_han, thing)) else lead
    after = text[q.end:]
    cut = _PUNCT.search(after)
    tail = after[:cut.start()] if cut else after
    if name:
        return lead[-24:]
    if q.is_count and len(tail) >= 2:  # 推进32个重大生态项目: what is counted follows the count
        listed = re.match(r"[^，；。]*、[^，；。]*的([^，；。、的]{2,})", after)  # 10个布局合理、…、特色突出的小微企业园
        return (listed.group(1) if listed else tail)[:24]
    if len(lead) >= 2:
        return lead[-24:]
    return tail[:24]


def _respective(text: str, qs: Sequence[Quantity], q: Quantity, cs: int) -> str:
    """The what of a figure its clause gives respectively for a list (see the
    module doc): "item…words after 分别"; "" when the clause gives none so."""
    at = text.rfind("分别", cs, q.start)
    if at < 0:
        return ""
    run = [e for e in qs if e.start > at]  # the figures after 分别, in order
    run = run[:w.joined_run(text, run)]
    mine = next((k for k, e in enumerate(run) if e is q), None)
    items = [i for i in w.LIST_SPLIT.split(re.sub("^[将把对]", "", _LEADING.sub("", strip_time(text[cs:at]))))
             if i]
    if mine is None or len(run) < 2 or len(items) != len(run) or any(len(i) < 2 for i in items):
        return ""
    return f"{items[mine]}…{text[at + 2:run[0].start]}"


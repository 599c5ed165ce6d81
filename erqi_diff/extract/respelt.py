"""Forms of a slogan restated in a text with its wording varied: one
character re-spelt, a word inserted, its commas dropped, its halves swapped
(what :mod:`erqi_diff.extract.slogans` joins to a lineage), each standing
alone in the text."""

from __future__ import annotations

_NUMERAL_CHARS = set("一二三四五六七八九十两零百千万0123456789")


#: Characters that join words rather than make them: a form re-spelt into one is another phrase (效益年 / 效益为重点).
_NOT_RESPELT = _NUMERAL_CHARS | set("为的是了在和与及等之把被")


def one_char_variants(key: str, text: str) -> set[str]:
    """Forms of ``key`` in ``text`` differing in one (non-numeral) character,
    standing alone (punctuation, a line end or 等/和/及/与 either side):
    智慧督察 for 智慧督查. Only for 4-12 character keys of Chinese characters,
    and not in the first two (the leading word: “胡子”工程 is not 种子工程), nor
    into a function word (质量、品种、效益年 / 质量、品种、效益为重点).
    A series of three items or more is particular enough to be found inside
    a sentence, up to 24 characters (成为有理想、有道德、有文化、守纪律的劳动者)."""
    series = key.count("、") >= 2
    if not 4 <= len(key) <= (24 if series else 12) or any(c in _NUMERAL_CHARS for c in key) or \
            not all("\u4e00" <= c <= "\u9fff" or (series and c == "、") for c in key):
        return set()
    n = len(key)
    out = set()
    for anchor, offset in ((key[:2], 0), (key[-2:], n - 2)):
        at = text.find(anchor)
        while at >= 0:
            start = at - offset
            window = text[start:start + n] if start >= 0 else ""
            if len(window) == n and window != key and (series or alone(text, start, start + n)):
                diffs = [i for i in range(n) if window[i] != key[i]]
                changed = window[diffs[0]] if len(diffs) == 1 and diffs[0] >= 2 and key[diffs[0]] != "、" else ""
                if changed and "\u4e00" <= changed <= "\u9fff" and changed not in _NOT_RESPELT:
                    out.add(window)
            at = text.find(anchor, at + 1)
    return out


def inserted_variants(key: str, text: str) -> set[str]:
    """Forms of ``key`` in ``text`` with one to four characters inserted
    inside it, three or more of the key before and two after, standing alone
    (京津冀地区协同发展 for 京津冀协同发展): a formula restated with a word
    added; before a tail of two characters only one (精神文明的建设): words
    there name what the last noun is of (全面深化|事业单位|改革: another
    reform). Only for 5-12 character keys of Chinese characters (the caller
    looks only where the key's first and last two characters stand)."""
    if not 5 <= len(key) <= 12 or not all("\u4e00" <= c <= "\u9fff" for c in key) or \
            any(c in _NUMERAL_CHARS for c in key):
        return set()
    out: set[str] = set()
    for p in range(3, len(key) - 1):  # a head of three or more: 京津冀|地区|协同发展
        head, tail = key[:p], key[p:]
        if tail not in text:
            continue
        at = text.find(head)
        while at >= 0:
            end = at + p
            for gap in range(1, 5 if len(tail) >= 3 else 2):  # before a tail of two, one character: 精神文明的建设
                inserted = text[end:end + gap]
                if len(inserted) < gap or not all("\u4e00" <= c <= "\u9fff" and c not in _NUMERAL_CHARS for c in inserted):
                    break
                if text.startswith(tail, end + gap) and alone(text, at, end + gap + len(tail)):
                    out.add(text[at:end + gap + len(tail)])
            at = text.find(head, at + 1)
    return out


def uncommaed(key: str) -> str:
    """A series of two-character (or longer) items written without its
    commas (改革发展稳定 for 改革、发展、稳定: lineage.similar calls them one
    slogan); "" for another shape."""
    items = key.split("、")
    return "".join(items) if len(items) > 1 and all(len(i) >= 2 for i in items) else ""


def swapped(key: str) -> str:
    """The form of a four-character formula of two verb-object pairs with
    the objects swapped (减费降税 for 减税降费), or of a series of two items
    of four characters or more in the other order (为社会主义服务、为人民服务
    for 为人民服务、为社会主义服务): lineage.similar calls them one slogan;
    "" for another shape."""
    items = key.split("、")
    if len(items) == 2:
        return "、".join(items[::-1]) if min(map(len, items)) >= 4 else ""
    if len(key) != 4 or key[0] == key[2] or key[1] == key[3] or any(c in _NUMERAL_CHARS for c in key) or \
            not all("\u4e00" <= c <= "\u9fff" for c in key):
        return ""
    return key[0] + key[3] + key[2] + key[1]


def alone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    return all(not ("\u4e00" <= c <= "\u9fff") or c in "等和及与" for c in (before, after))

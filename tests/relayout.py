"""Lay a report out again as other sources would give the same text: hard
wraps at a column (PDF, newspaper), page breaks inside sentences, the other
script (OpenCC s2t), the other punctuation width, another encoding. Used by
the normalization invariance tests: the normalized body must not change."""

from __future__ import annotations

import random
import re
from functools import lru_cache

HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_MD_PREFIX = re.compile(r"^(\s*#{1,6}\s+)")
_WORD = re.compile(r"[0-9A-Za-z.%]")
_TERMINAL = "。！？…；：”’）》"
_FULL_TO_HALF = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?"}
_HALF_TO_FULL = {v: k for k, v in _FULL_TO_HALF.items()}


def hard_wrap(text: str, rng: random.Random, low: int = 20, high: int = 30) -> str:
    """Every line cut every ``low``-``high`` characters, as Chinese is typeset:
    anywhere but inside a number or a Latin word (a space at a cut is
    dropped). Markdown headings stay whole: in Markdown a heading is one line."""
    out = []
    for line in text.split("\n"):
        if _MD_PREFIX.match(line):
            out.append(line)
            continue
        indent = len(line) - len(line.lstrip(" \u3000\t"))
        prefix, line = line[:indent], line[indent:]
        chunks = []
        while len(line) > high:
            cut = rng.randint(low, high)
            while 0 < cut < len(line) and _WORD.match(line[cut - 1]) and _WORD.match(line[cut]):
                cut -= 1
            if cut == 0:
                cut = rng.randint(low, high)
            chunk, line = line[:cut], line[cut:]
            if chunk.endswith(" "):
                chunk = chunk.rstrip(" ")
            line = line.lstrip(" ") if chunk != chunk.rstrip() or line.startswith(" ") else line
            chunks.append(chunk)
        chunks.append(line)
        out.append(prefix + "\n".join(chunks))
    return "\n".join(out)


#: A page break falls this far into a paragraph at least: a shorter piece at
#: the foot of a page reads as a heading (short, no full stop), and nothing
#: in the text tells the two apart.
PAGE_BREAK_AFTER = 50
#: ... and this far from its end (a byline or the last words alone would read as a caption).
PAGE_BREAK_BEFORE_END = 16


def page_breaks(text: str, rng: random.Random, count: int) -> str:
    """``count`` blank lines put inside sentences of paragraphs: after a
    Chinese character or ，、, before a Chinese character, at least
    :data:`PAGE_BREAK_AFTER` characters into the line."""
    spots, start = [], 0
    ends = [m.start() for m in re.finditer("\n", text)] + [len(text)]
    end = iter(ends)
    line_end = next(end)
    for i in range(1, len(text) - 1):
        if text[i - 1] == "\n":
            start, line_end = i, next(end)
        elif (i - start >= PAGE_BREAK_AFTER and line_end - i >= PAGE_BREAK_BEFORE_END
              and (HAN.match(text[i - 1]) or text[i - 1] in "，、") and HAN.match(text[i])):
            spots.append(i)
    rng.shuffle(spots)
    chosen: list[int] = []
    for i in spots:  # pages are longer than a paragraph's opening
        if len(chosen) < count and all(abs(i - j) >= PAGE_BREAK_AFTER for j in chosen):
            chosen.append(i)
    spots = chosen
    for i in sorted(rng.sample(spots, min(count, len(spots))), reverse=True):
        text = text[:i] + "\n\n" + text[i:]
    return text


def swap_punctuation(text: str, rng: random.Random, share: float = 0.5) -> str:
    """Between Chinese characters, a share of the full-width marks made
    half-width and of the half-width ones made full-width; a share of the
    digits made full-width (１２３)."""
    chars = list(text)
    for i in range(1, len(chars) - 1):
        ch = chars[i]
        between = HAN.match(chars[i - 1] or "") and HAN.match(chars[i + 1] or "")
        if between and ch in _FULL_TO_HALF and rng.random() < share:
            chars[i] = _FULL_TO_HALF[ch]
        elif between and ch in _HALF_TO_FULL and rng.random() < share:
            chars[i] = _HALF_TO_FULL[ch]
        elif ch.isascii() and ch.isdigit() and rng.random() < share / 4:
            chars[i] = chr(ord(ch) + 0xFEE0)
    return "".join(chars)


@lru_cache(maxsize=1)
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")


def traditional(text: str) -> str:
    return _s2t().convert(text)


ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16")


def relayout(text: str, seed: int, *, wrap: bool = True, breaks: int = 5, script: bool = True,
             punctuation: bool = True, encoding: str = "utf-8") -> bytes:
    """All of the above, chosen by ``seed``; the raw bytes in ``encoding``."""
    rng = random.Random(seed)
    if script:
        text = traditional(text)
    if punctuation:
        text = swap_punctuation(text, rng)
    if wrap:
        low = rng.randint(12, 40)
        text = hard_wrap(text, rng, low, low + rng.randint(0, 10))
    if breaks:
        text = page_breaks(text, rng, breaks)
    return text.encode(encoding)

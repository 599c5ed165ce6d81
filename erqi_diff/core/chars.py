"""Character-level normalization (steps 1, 2 and 6 of :mod:`erqi_diff.core.normalize`):
characters, punctuation in Chinese context, spaces. Pure functions on text;
the structure is :mod:`erqi_diff.core.normalize`'s."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014\u00b7"
_CJK = _HAN + _CJK_PUNCT
HAN_RE = re.compile(f"[{_HAN}]")
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(
    map(ord, "\u3000\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\t\f\v"), " ")
_QUOTES = str.maketrans({"「": "“", "」": "”", "『": "‘", "』": "’"})

# ASCII punctuation -> canonical full-width form in Chinese context.
_FULL = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？", ".": "。", "(": "（", ")": "）"}
TERMINAL = "。！？…"

# --- step 1 and 2: characters ---------------------------------------------------


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # heavy: loaded only when a text is normalized

    return opencc.OpenCC("t2s")


def _halfwidth(ch: str) -> str:
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    return ch


_HALF = {c: _halfwidth(chr(c)) for c in range(0xFF01, 0xFF5F)}


def _to_simplified(text: str) -> str:
    """OpenCC t2s as if the line breaks were not there: a hard wrap inside a
    word (資金\n鏈) must not change how the word converts. The breaks go back
    where they were when the conversion keeps the length (it nearly always
    does); otherwise the text is converted as it stands."""
    if "\n" not in text:
        return _t2s().convert(text)
    breaks = [i for i, ch in enumerate(text) if ch == "\n"]
    flat = _t2s().convert(text.replace("\n", ""))
    if len(flat) != len(text) - len(breaks):
        return _t2s().convert(text)
    out, last = [], 0
    for k, i in enumerate(breaks):
        out.append(flat[last:i - k])
        last = i - k
    out.append(flat[last:])
    return "\n".join(out)


def normalize_chars(text: str) -> str:
    """Step 1: character-level normalization (no structure, no punctuation context)."""
    text = text.translate(_ZERO_WIDTH)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = unicodedata.normalize("NFC", text)
    text = text.translate(_HALF).translate(_SPACES)
    if HAN_RE.search(text):
        text = _to_simplified(text)
    text = text.translate(_QUOTES)
    text = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda m: m.group(1) or m.group(2), text)
    return text


def canonical_punctuation(line: str) -> str:
    """Step 2 on one line: ASCII punctuation next to Chinese becomes full-width;
    straight quotes in Chinese context become curly ones. Repeated until
    stable, since a converted mark is itself Chinese context for its neighbour."""
    for _ in range(8):
        converted = _canonical_punctuation_once(line)
        if converted == line:
            break
        line = converted
    return line


_ASCII_PUNCT = re.compile(r"[,;:!?.()\"']")
_CJK_CHAR = re.compile(f"[{_CJK}]")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_CHAR.match(ch) is not None


def _canonical_punctuation_once(line: str) -> str:
    if not _ASCII_PUNCT.search(line):
        return line
    out = list(line)
    pair_chinese = _paren_pairs(line)
    dquote_open = squote_open = False
    for match in _ASCII_PUNCT.finditer(line):
        i, ch = match.start(), match.group()
        prev = _neighbour(line, i, -1)
        nxt = _neighbour(line, i, 1)
        chinese = _is_cjk(prev) or _is_cjk(nxt)
        if ch in "()":
            out[i] = ("（" if ch == "(" else "）") if pair_chinese.get(i, chinese) else ch
        elif ch in ",:." and prev.isdigit() and nxt.isdigit():
            continue
        elif ch == "," and prev == "%":
            out[i] = "，"
        elif ch == "." and (not _is_cjk(prev) or nxt.isdigit() or (nxt.isascii() and nxt.isalnum())):
            continue
        elif ch in _FULL and chinese:
            out[i] = _FULL[ch]
        elif ch == '"' and chinese:
            out[i] = "”" if dquote_open else "“"
            dquote_open = not dquote_open
        elif ch == "'" and chinese:
            out[i] = "’" if squote_open else "‘"
            squote_open = not squote_open
    return "".join(out)


def _paren_pairs(line: str) -> dict[int, bool]:
    """Position of each paired ASCII parenthesis -> whether the pair is in
    Chinese context (either of its two ends touches Chinese)."""
    stack: list[int] = []
    result: dict[int, bool] = {}
    for i, ch in enumerate(line):
        if ch == "(":
            stack.append(i)
        elif ch == ")" and stack:
            j = stack.pop()
            chinese = any(_is_cjk(_neighbour(line, k, step)) for k in (i, j) for step in (-1, 1))
            result[i] = result[j] = chinese
    return result


def _neighbour(line: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(line) and line[j] == " ":
        j += step
    return line[j] if 0 <= j < len(line) else ""


_SPACE_RE = re.compile(
    f"(?<=[{_CJK}]) +(?=[{_CJK}0-9A-Za-z%])|(?<=[{_CJK}0-9A-Za-z%]) +(?=[{_CJK}])|(?<=[0-9]) +(?=[%‰])"
)
# Spaces inside a number typeset digit by digit (1 9 9 7年, 1 0 .3%), in a Chinese text.
_NUMBER_SPACE_RE = re.compile(r"(?<=[0-9.]) +(?=[0-9.%‰])")


def clean_spaces(text: str) -> str:
    """Step 6: drop spaces touching Chinese, and inside numbers spaced out in
    a Chinese text; keep single spaces between Latin words."""
    text = re.sub(" {2,}", " ", text.strip())
    if HAN_RE.search(text):
        text = _NUMBER_SPACE_RE.sub("", text)
    return _SPACE_RE.sub("", text)

"""Normalization: raw report text -> sections of clean paragraphs.

:func:`normalize` is pure and idempotent: ``normalize(normalize_text(x))``
gives the same sections as ``normalize(x)``. Bump
:data:`erqi_diff.core.document.NORMALIZER_VERSION` whenever its output can
change: every snapshot records the version it was made with, and
``erqi-diff snapshot --check`` then reports them stale.

What it does, in order:

1. Characters: BOM and zero-width characters removed; line ends unified;
   Unicode NFC; full-width Latin letters, digits and symbols to half-width
   (so ％ -> %, ＋ -> +, １ -> 1); ideographic and other odd spaces to a
   plain space; traditional script to simplified (OpenCC ``t2s``; simplified
   text passes through unchanged); 「」『』 to “”‘’; Markdown emphasis
   (``**567亿元**``) stripped.
2. Punctuation: ASCII punctuation in Chinese context (next to a Chinese
   character) becomes the canonical full-width form ，。；：！？（）“”‘’,
   while numbers keep their own (2.9万, 1,000, 6.5%, 10:30).
3. Boilerplate is taken out of the body and returned apart: licence
   footers (from a line starting 本作品 near the end), bylines
   (记者 景静, 通讯员 郭佳星/文 杨坤/图, also trailing a paragraph) and
   photo captions (short lines without punctuation standing after two or
   more blank lines).
4. Structure: Markdown headings (``#``) keep their level; numbered parts
   (一、 level 2, （一） level 3) and ● items are headings; in a text without
   Markdown headings, a short block with no sentence punctuation, and a
   newspaper headline line (two phrases separated by a space) opening a
   block, are headings too (level 2). In plain text, a run of headlines
   that each stand after the story they head (a page laid out in columns)
   is put back before their stories (:mod:`erqi_diff.core.headlines`).
   Numbered list items (a run of 一、…；二、…；三、…。, or 一、二、三 restarting
   between the parts 四 and 五) are paragraph text, not headings
   (:mod:`erqi_diff.core.lists`).
   Points inside a numbered part stand one level below it: a restarted
   一、 sequence while the parts' sequence goes on around it, and a run of
   第一，第二， right under a part (:mod:`erqi_diff.core.levels`). A numbered
   line alone in its block whose number fits the parts around it (k after a
   part k-1, or 一 before a part 二) is a part heading even when it is too
   long for a heading (up to 50 characters) or follows a sentence the page
   left open.
5. Layout healing, so that the same report gives the same body however it
   was wrapped: the lines of a block are first joined into logical lines
   (a hard wrap may fall anywhere, even before 一、 in 统一、); a line starts
   a new one only after a finished sentence (list item, numbered part,
   indented line) or at a Markdown heading, or after a newspaper headline.
   A paragraph cut by a blank line (a page break) is joined to the next one
   when it ends inside a sentence (on a Chinese character, a digit, a Latin
   letter, or ，、 and opening brackets), even when the next piece opens with
   what looks like a list marker or numbered part. OpenCC converts as if the
   line breaks were not there. Numbers typeset digit by digit (1 9 9 7年)
   are closed up.
   The front matter a report opens with (title lines, the dateline
   ——2024年3月5日在…会议上, the signature 国务院总理李强) is taken out of the
   body and returned apart, when the opening run holds a dateline or a
   signature.
6. Spaces between Chinese characters, or between them and digits, Latin
   letters or punctuation, are removed; spaces between Latin words stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from erqi_diff.core.chars import (  # noqa: F401 (_t2s, normalize_chars: part of this module's API)
    _CJK,
    _HAN,
    HAN_RE,
    TERMINAL,
    _t2s,
    canonical_punctuation,
    clean_spaces,
    normalize_chars,
)
from erqi_diff.core.document import HEADING_RE, Section, render_body
from erqi_diff.core.headlines import headlines_first
from erqi_diff.core.levels import continues_parts, relevel
from erqi_diff.core.lists import demote

# --- character classes (the rest: erqi_diff.core.chars) ---------------------


_CLOSERS = "”’）》」』"
# A paragraph cut at a blank line is continued when it ends on one of these.
_OPEN_END = "，、（“‘《"
# Characters a heading does not end on (function words, open punctuation).
_NOT_HEADING_END = set("的了和与及以在对为将把被从向于等并或而且是其之着也又就都个，、：:,;；（(“‘《—-%")
# Chinese ordinals 一 to 九十九 (not any run of numerals: 二七区 is a name).
_ORDINAL = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_LIST_START = re.compile(rf"^(?:\d{{1,2}}[.、．]\D|[-*+]\s|●|——|{_ORDINAL}、|[（(]{_ORDINAL}[）)])")
_NUMBERED = (
    (re.compile(rf"^{_ORDINAL}、"), 2),
    (re.compile(rf"^（{_ORDINAL}）"), 3),
    (re.compile(r"^●"), 3),
)
_HEADLINE_SPACE = re.compile(f"[{_HAN}”’）] +[{_HAN}“‘（]")
_NAME = f"[{_HAN}·]{{2,4}}"
_BYLINE_UNIT = (
    rf"(?:(?:本报)?(?:记者|通讯员|实习生|摄影|编辑|责编)(?: +{_NAME}(?:/[文图摄])?)+"
    rf"|{_NAME}/[文图摄]|文/图)"
)
# A byline whose spaces a hard wrap took away (记者张改华 通讯员郭佳星): only the
# roles that are no common words, and then two of them on a line of its own.
_TIGHT_UNIT = rf"(?:(?:本报)?(?:记者|通讯员|实习生) *{_NAME}(?:/[文图摄])?)"
_BYLINE_LINE = re.compile(rf"^(?:{_BYLINE_UNIT}(?: +{_BYLINE_UNIT})*|{_TIGHT_UNIT}(?: *{_TIGHT_UNIT})+)$")
_BYLINE_TAIL = re.compile(
    rf"(?<=[{TERMINAL}”）])\s*((?:{_BYLINE_UNIT}|{_TIGHT_UNIT})(?: *(?:{_BYLINE_UNIT}|{_TIGHT_UNIT}))*)$")
_FOOTER_START = re.compile(r"^(本作品(是|在|来自)|Public domain$|本文来源|来源[:：])")
_FOOTER_MAX_LINES = 80
_CAPTION_MAX = 20
_HEADING_MAX = 40
_HEADLINE_MAX = 50


@dataclass(frozen=True)
class Normalized:
    """Result of :func:`normalize`: the body's sections, the boilerplate
    lines taken out of it (bylines, captions, licence footer), in order, and
    the front matter: the title, dateline and signature lines a report opens
    with (政府工作报告 / ——2024年3月5日在…会议上 / 国务院总理李强), in order."""

    sections: tuple[Section, ...]
    boilerplate: tuple[str, ...]
    front: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        return render_body(self.sections)



# --- step 3-5: structure ---------------------------------------------------------


@dataclass
class _Unit:
    kind: str  # "heading" | "para"
    text: str
    level: int = 0
    gap: int = 0  # blank lines before this unit's first line (0: same block)
    candidate: str = ""  # a guessed heading: its raw text, in case context says otherwise
    indent: bool = False  # the line was indented (a paragraph may start there)
    numbered: str = ""  # a numbered part opening a block: its whole line, in case it continues a sentence
    rest_of_numbered: bool = False  # the text after such a part's heading, on the same line
    rest: bool = False  # the text after any numbered heading cut at its 。, on the same line
    marked: bool = False  # a Markdown heading (# …): its writer made it one, it stays
    long_part: int = 0  # a numbered line too long for a heading, alone in its block: the level it would have


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(_CLOSERS + " ")
    return (bool(stripped) and stripped[-1] in TERMINAL) or text.endswith("：") or text.endswith(":")


def _open_end(text: str) -> bool:
    ch = text[-1:]
    return bool(ch) and (bool(HAN_RE.match(ch)) or ch.isdigit() or (ch.isascii() and ch.isalpha()) or ch in _OPEN_END)


def _heading_like(text: str, headline: bool = False, limit: int = 0) -> bool:
    """A short line with no sentence punctuation that does not end mid-phrase:
    quotes balanced, a comma only between two real clauses, and no list of
    two or more 、 outside quotes unless the line has clauses (body text cut
    by a page break has such lists, headings rarely). It looks at the text
    only, never at how it was wrapped, so that normalizing is idempotent."""
    t = clean_spaces(text)
    outside = re.sub(r"“[^”]*”", "", t)
    last_clause = re.split(r"[，,]", t)[-1]
    return (
        t.count("“") == t.count("”")
        and (headline or "，" in t or outside.count("、") < 2)
        and (("，" not in t and "," not in t) or len(last_clause) >= 4)
        and
        2 <= len(t) <= (limit or (_HEADLINE_MAX if headline or _HEADLINE_SPACE.search(text) else _HEADING_MAX))
        and not any(c in t for c in "。！？；…")
        and t[-1] not in _NOT_HEADING_END
        and not t[-1].isdigit()
        and not t.startswith("——")
        and not t.startswith("- ")
        and HAN_RE.search(t) is not None
    )


def _numbered_heading(line: str) -> tuple[int, str, str] | None:
    """(level, heading, rest) when ``line`` opens a numbered part or a ● item."""
    for pattern, level in _NUMBERED:
        if pattern.match(line):
            t = clean_spaces(line)
            if len(t) <= _HEADING_MAX and not any(c in t[:-1] for c in "。！？；"):
                return level, t, ""
            cut = t.find("。")
            if 0 < cut < _HEADING_MAX:
                return level, t[: cut + 1], t[cut + 1 :]
    return None


def _is_caption(line: str, gap: int) -> bool:
    t = clean_spaces(line)
    return (
        gap >= 2
        and 1 < len(t) <= _CAPTION_MAX
        and HAN_RE.search(t) is not None
        and not re.search(r"[\W_]", t.replace(" ", ""), re.UNICODE)
    )


def _split_footer(lines: list[str]) -> tuple[list[str], list[str]]:
    for i, line in enumerate(lines):
        if _FOOTER_START.match(line.strip()):
            rest = [ln for ln in lines[i:] if ln.strip()]
            if len(rest) <= _FOOTER_MAX_LINES:
                return lines[:i], lines[i:]
    return lines, []


def normalize(raw: str) -> Normalized:
    """Normalize a raw report (see the module doc). Pure: no I/O.

    The result is the fixed point of :func:`normalize_once` (applied again
    to its own text form until nothing changes, which takes one or two more
    passes): layout heuristics look at lines and blocks, and a second look
    at healed text may see one more heading or join, so iterating is what
    makes normalization idempotent by construction.
    """
    result = normalize_once(raw)
    boilerplate, front = list(result.boilerplate), list(result.front)
    for _ in range(_MAX_PASSES):
        again = normalize_once(result.body)
        if again.sections == result.sections:
            break
        boilerplate.extend(again.boilerplate)
        front.extend(again.front)
        result = again
    return Normalized(result.sections, tuple(boilerplate), tuple(front))


_MAX_PASSES = 5


def normalize_once(raw: str) -> Normalized:
    """One pass of normalization (see the module doc)."""
    text = normalize_chars(raw)
    lines = [(" " if line[:1] == " " else "") + canonical_punctuation(line.strip(" ")) for line in text.split("\n")]
    lines, footer = _split_footer(lines)
    boilerplate: list[str] = []
    if footer:
        boilerplate.append(clean_spaces(" ".join(ln.strip() for ln in footer if ln.strip())))
    markdown = any(HEADING_RE.match(ln) for ln in lines)

    # Blocks of consecutive non-blank lines, with the blank lines before each.
    blocks: list[tuple[int, list[str]]] = []
    gap, current = 0, []
    for line in lines:
        if line.strip():
            # An indented line keeps one leading space: it may open a paragraph.
            current.append((" " if line[:1] == " " else "") + line.strip())
        else:
            if current:
                blocks.append((gap, current))
                current, gap = [], 0
            gap += 1
    if current:
        blocks.append((gap, current))

    front, blocks = _front_matter(blocks, markdown)
    units: list[_Unit] = []
    for gap, block in blocks:
        units.extend(_block_units(gap, block, markdown, boilerplate))
    units = demote(_join(units), lambda unit, text: _Unit("para", text, 0, unit.gap))
    for unit, level in zip(units, relevel(units)):  # points inside parts one level below them
        unit.level = level
    if not markdown:  # headlines that stood after their stories (a page in columns) go back before them
        units = [units[i] for i in headlines_first([(u.kind == "heading", u.text, u.level) for u in units])]
    return Normalized(_sections(units), tuple(boilerplate), tuple(front))


_CN_DIGIT = "〇○零一二三四五六七八九十"
# ——2024年3月5日在第十四届全国人民代表大会第二次会议上 (digits or Chinese numerals)
DATELINE_RE = re.compile(
    rf"^——\s*(?:\d{{4}}|[{_CN_DIGIT}]{{4}})年[\d{_CN_DIGIT}]{{1,3}}月[\d{_CN_DIGIT}]{{1,3}}日"
    rf"(?:在(?P<meeting>[^。！？]{{2,60}}?)上)?$")
# 国务院总理李强, 国务院总理 李 强: an office then a name of two to four characters
_OFFICES = "总理|副总理|主席|副主席|委员长|书记|副书记|省长|市长|区长|县长|部长|主任|院长|检察长|代表"
SIGNATURE_RE = re.compile(rf"^[{_HAN}、（）]{{0,16}}(?:{_OFFICES}) ?[{_HAN}·] ?[{_HAN}·]{{1,3}}$")
_TITLE_MAX = 20


def _front_matter(blocks: list[tuple[int, list[str]]], markdown: bool
                  ) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The title, dateline and signature lines a report opens with, and the
    blocks after them. Only a run of such blocks at the very start that holds
    a dateline or a signature counts: a title alone (a news headline) stays
    the first heading of the body. A block is judged by its text, its lines
    joined (国务院总理\n李克强 is one signature however it was wrapped)."""
    front: list[str] = []
    anchored = False
    for _, block in blocks:
        text = clean_spaces("".join(line.strip() for line in block))
        if DATELINE_RE.match(text) or (SIGNATURE_RE.match(text) and len(text) <= 24):
            anchored = True
        elif (markdown or len(text) > _TITLE_MAX or not _heading_like(text)
              or _LIST_START.match(text) or _numbered_heading(text)):
            break
        front.append(text)
    if not anchored:
        return [], blocks
    return front, blocks[len(front):]


def _logical_lines(block: list[str]) -> list[str]:
    """The lines of a block joined where the layout broke them: a line
    continues the one before unless it opens something of its own (a
    Markdown heading; a list item, numbered part or indented line after a
    finished sentence). A hard wrap (PDF, newspaper columns) can fall
    anywhere, even before 一、 in 统一、, so the text before decides."""
    out: list[str] = []
    headline = _headline_lines(block)
    for index, raw_line in enumerate(block):
        line = raw_line.strip()
        if not line:
            continue
        prev = out[-1].strip() if out else ""
        if index == headline:  # the paragraph after a newspaper headline (see _headline_lines)
            out.append(line)
            continue
        starts = (not out or HEADING_RE.match(line) is not None or HEADING_RE.match(prev) is not None
                  or ((_LIST_START.match(line) is not None or raw_line.startswith(" ")) and _ends_sentence(prev)))
        if starts:
            out.append((" " if raw_line.startswith(" ") else "") + line)
        else:
            latin = prev[-1:].isascii() and prev[-1:].isalpha() and line[:1].isascii() and line[:1].isalpha()
            out[-1] = out[-1] + (" " if latin else "") + line
    return out


def _headline_lines(block: list[str]) -> int:
    """When a block opens with a newspaper headline (two phrases apart, 大力发展慈善事业
    成为全国唯一…) and goes on with its paragraph: how many lines the headline
    takes (however it was wrapped: the most lines that still read as one
    headline), else 0."""
    lines = [ln.strip() for ln in block]
    whole = "".join(lines)
    if len(lines) < 2 or (_heading_like(whole, headline=True) and not any(c in whole for c in "，,")):
        return 0  # a headline alone, wrapped
    best = 0
    for j in range(1, len(lines)):
        head = "".join(lines[:j])
        if len(head) > _HEADLINE_MAX:
            break
        if (_HEADLINE_SPACE.search(head) and _heading_like(head, headline=True)
                and not any(c in head for c in "，,")):
            best = j  # a headline has no comma, its paragraph's first line mostly does
    return best


def _block_units(gap: int, block: list[str], markdown: bool, boilerplate: list[str]) -> list[_Unit]:
    block = _logical_lines(block)
    # Boilerplate lines first: they are transparent to everything else.
    kept: list[str] = []
    indented: set[int] = set()
    for raw_line in block:
        line = raw_line.strip()
        if raw_line.startswith(" "):
            indented.add(len(kept))
        if _BYLINE_LINE.match(line):
            boilerplate.append(clean_spaces(line) if " " not in line else line)
        elif len(block) == 1 and _is_caption(line, gap) and not HEADING_RE.match(line):
            boilerplate.append(clean_spaces(line))
        else:
            tail = _BYLINE_TAIL.search(line)
            if tail and not HEADING_RE.match(line):
                boilerplate.append(tail.group(1))
                line = line[: tail.start()].rstrip()
            kept.append(line)
    if not kept:
        return []
    whole = "".join(kept)
    if (not markdown and not (len(kept) > 1 and _HEADLINE_SPACE.search(kept[0]))
            and _heading_like(whole, headline=len(kept) == 1 and bool(_HEADLINE_SPACE.search(whole)))
            and not _LIST_START.match(kept[0])):
        return [_Unit("heading", clean_spaces(whole), 2, gap, candidate=whole)]
    units: list[_Unit] = []
    first = True
    for index, line in enumerate(kept):
        unit_gap = gap if first else 0
        md = HEADING_RE.match(line)
        numbered = _numbered_heading(line) if not md else None
        if md:
            if md.group(2).strip():
                units.append(_Unit("heading", clean_spaces(md.group(2)), len(md.group(1)), unit_gap, marked=True))
        elif numbered:
            level, head, rest = numbered
            units.append(_Unit("heading", head, level, unit_gap, numbered=line if first and gap else ""))
            if rest:
                units.append(_Unit("para", rest, 0, 1, rest_of_numbered=bool(first and gap), rest=True))
        elif (first and not markdown and len(kept) > 1 and _HEADLINE_SPACE.search(line)
              and _heading_like(line)):
            units.append(_Unit("heading", clean_spaces(line), 2, unit_gap))
        else:
            units.append(_Unit("para", line, 0, unit_gap, indent=index in indented,
                               long_part=_long_part(line) if len(kept) == 1 and gap else 0))
        first = False
    # A paragraph right after a heading in the same block starts afresh.
    for i in range(1, len(units)):
        if units[i - 1].kind == "heading" and units[i].gap == 0:
            units[i].gap = 1
    return units


def _long_part(line: str) -> int:
    """The level of the numbered part ``line`` opens when it reads as a heading
    but for its length (up to :data:`_LONG_PART_MAX`), else 0."""
    t = clean_spaces(line)
    if len(t) > _LONG_PART_MAX or any(c in t for c in "。！？；：:") or not _heading_like(t, limit=_LONG_PART_MAX):
        return 0
    return next((level for pattern, level in _NUMBERED[:2] if pattern.match(t)), 0)


_LONG_PART_MAX = 50


def _join(units: list[_Unit]) -> list[_Unit]:
    out: list[_Unit] = []
    merged = False  # the last numbered part was taken back into the sentence before it
    for index, unit in enumerate(units):
        prev = out[-1] if out else None
        if unit.rest_of_numbered and merged:
            continue  # already part of the paragraph
        merged = False
        continues = (prev is not None and prev.kind == "para" and unit.gap > 0 and _open_end(prev.text)
                     and not _ends_sentence(prev.text))
        alone = index + 1 == len(units) or units[index + 1].gap > 0  # a block of its own
        if ((unit.long_part or (unit.numbered and continues and unit.text == clean_spaces(unit.numbered)))
                and alone and continues_parts(out, units[index + 1:], unit.text, unit.long_part or unit.level)):
            # A whole line, alone in its block, numbered in sequence with the parts around it: a part
            # heading, however long (up to _LONG_PART_MAX) and even after a sentence the scraper left
            # open (a lead whose colon was lost, a page cut short).
            unit, continues = _Unit("heading", clean_spaces(unit.text), unit.long_part or unit.level, unit.gap), False
        if unit.numbered and continues:
            # 统一、 or 品质二七、田园二七、 cut by a page break before 一、 or 七、: not a numbered part
            unit, merged = _Unit("para", unit.numbered, 0, unit.gap), True
        if (unit.candidate and prev is not None and prev.kind == "para" and "，" in unit.text
                and HAN_RE.match(prev.text[-1:]) and not _ends_sentence(prev.text)):
            # A clause right after an unfinished sentence continues it.
            unit = _Unit("para", unit.candidate, 0, unit.gap)
        if (unit.kind == "para" and prev is not None and prev.kind == "para"
                and (not _LIST_START.match(unit.text) or continues)):
            if unit.gap == 0:
                join = not (unit.indent and _ends_sentence(prev.text))
            else:
                join = _open_end(prev.text) and not _ends_sentence(prev.text)
            if join:
                latin = prev.text[-1:].isascii() and prev.text[-1:].isalpha() and unit.text[:1].isascii()
                sep = " " if latin and unit.text[:1].isalpha() else ""
                prev.text = prev.text + sep + unit.text
                continue
        out.append(_Unit(unit.kind, unit.text, unit.level, unit.gap, rest=unit.rest, marked=unit.marked))
    return out


def _sections(units: list[_Unit]) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading, level = "", 0
    paragraphs: list[str] = []
    started = False
    for unit in units:
        if unit.kind == "heading":
            if started or paragraphs:
                sections.append(Section(heading, level, tuple(paragraphs)))
            heading, level, paragraphs, started = clean_spaces(canonical_punctuation(unit.text)), unit.level, [], True
        else:
            text = clean_spaces(canonical_punctuation(unit.text))
            if text:
                paragraphs.append(text)
    if started or paragraphs:
        sections.append(Section(heading, level, tuple(paragraphs)))
    return tuple(sections)


def normalize_text(raw: str) -> str:
    """The normalized body in text form (see :mod:`erqi_diff.core.document`)."""
    return normalize(raw).body

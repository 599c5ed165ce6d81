"""Guessing a report's year, date and title from its text and file name
(for ``erqi-diff init`` and ``add``), each with how sure the guess is.

Built from how these reports are written, most telling first:

- a file name holding a year (``2024.txt``, ``2024年政府工作报告.txt``): the
  year, sure; a name that is more than a year or a hash is a title, likely;
- the dateline under the title (``——2024年3月5日在第十四届全国人民代表大会第二次
  会议上``, also in Chinese numerals: ``二〇二一年一月十五日``, ``一九九○年``): the
  date, sure, and the year when no file name gives one;
- a title line at the top (``政府工作报告``) or the report's own words
  (``向大会报告政府工作``): a 政府工作报告, titled with its year;
- a meeting the lead says was held (``1月13日，二七区召开区委十一届四次全体(扩大)会议``):
  the title, likely, and the date, unsure when its year is not written
  (then the latest year the text names);
- the year the text names most (``2017年`` nine times): likely when it
  clearly leads, unsure when another year comes close;
- else nothing: a field not found is said so, never made up.
"""

from __future__ import annotations

import datetime as _dt
import enum
import re
from collections import Counter
from dataclasses import dataclass

from erqi_diff.core.normalize import DATELINE_RE, normalize


class Certainty(str, enum.Enum):
    SURE = "sure"
    LIKELY = "likely"
    UNSURE = "unsure"
    NOT_FOUND = "not found"


@dataclass(frozen=True)
class Guess:
    """One guessed field: ``value`` (None when not found), how sure, and
    where it came from (``source``, said to the user)."""

    value: int | str | None
    certainty: Certainty
    source: str


NOT_FOUND = Guess(None, Certainty.NOT_FOUND, "")


@dataclass(frozen=True)
class ReportGuess:
    """What ``init`` guessed for one report file (``file`` relative to seeds/)."""

    file: str
    year: Guess
    date: Guess
    title: Guess
    encoding: str | None = None


# --- Chinese numerals ----------------------------------------------------------------------

_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
           "八": 8, "九": 9}
_CN = "〇○零一二三四五六七八九十"
NUMBER = rf"(?:\d{{1,4}}|[{_CN}]{{1,4}})"


def cn_number(text: str) -> int | None:
    """``2024``, ``二〇二四`` / ``一九九○`` (digit by digit), ``十五``, ``二十``,
    ``三十一`` as an int; None when it is none of these."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return int("".join(str(_DIGITS[ch]) for ch in text))
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1:
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)


_FULL_DATE = re.compile(rf"({NUMBER})年({NUMBER})月({NUMBER})日")
_PART_DATE = re.compile(rf"(?<![年\d{_CN}])({NUMBER})月({NUMBER})日")
_YEAR_MENTION = re.compile(rf"(?<![\d{_CN}])(\d{{4}}|[{_CN}]{{4}})(?=年)")
_FILE_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_HASHY = re.compile(r"^[\W_]*(?:\d+[\W_]*)?[0-9a-f]{8,}[\W_]*$", re.I)
_MEETING = re.compile(r"召开(?:了)?的?([^，。！？；、\n]{4,60}(?:全会|会议|大会|座谈会|分析会|推进会|表彰会))")
_OWN_WORDS = re.compile(r"向(?:大会|本次会议|各位代表)?(?:作|报告)[^。！？]{0,12}政府工作")


def _date(year: int | None, month: int | None, day: int | None) -> str | None:
    try:
        return _dt.date(year or 0, month or 0, day or 0).isoformat()
    except (TypeError, ValueError):
        return None


def _plausible_year(year: int | None) -> bool:
    return year is not None and 1900 <= year <= _dt.date.today().year + 1


# --- the guesses ---------------------------------------------------------------------------

def guess_report(file: str, text: str, encoding: str | None = None) -> ReportGuess:
    """Year, date and title of the report in ``text`` (its file ``file``)."""
    normalized = normalize(text)
    flat = "\n".join(p for s in normalized.sections for p in (s.heading, *s.paragraphs))
    lead = flat[:600]
    front = normalized.front
    stem = file.rsplit("/", 1)[-1].rsplit(".", 1)[0]

    dateline = next((DATELINE_RE.match(line) for line in front if DATELINE_RE.match(line)), None)
    dated = _full_date(dateline.group(0)) if dateline else None

    year = _guess_year(stem, dated, flat)
    date = (Guess(dated, Certainty.SURE, "the dateline") if dated else _guess_date(lead, flat, year))
    title = _guess_title(stem, front, flat, year)
    return ReportGuess(file, year, date, title, encoding)


def _full_date(text: str) -> str | None:
    match = _FULL_DATE.search(text)
    if not match:
        return None
    year, month, day = (cn_number(g) for g in match.groups())
    return _date(year, month, day) if _plausible_year(year) else None


def _guess_year(stem: str, dated: str | None, flat: str) -> Guess:
    years = [int(y) for y in _FILE_YEAR.findall(stem)]
    if len(set(years)) == 1 and not _HASHY.match(stem):
        return Guess(years[0], Certainty.SURE, f"the file name {stem!r}")
    if dated:
        return Guess(int(dated[:4]), Certainty.SURE, "the dateline")
    counts = Counter(y for y in (cn_number(m) for m in _YEAR_MENTION.findall(flat)) if _plausible_year(y))
    if not counts:
        return NOT_FOUND
    (best, n), *rest = counts.most_common(2) + [(None, 0)]
    second = rest[0][1]
    named = ", ".join(f"{y} ×{c}" for y, c in counts.most_common(3))
    if n >= 3 and n >= 2 * second:
        return Guess(best, Certainty.LIKELY, f"the year the text names most ({named})")
    return Guess(best, Certainty.UNSURE, f"the year the text names most, not clearly ({named})")


def _guess_date(lead: str, flat: str, year: Guess) -> Guess:
    full = _FULL_DATE.search(lead)
    if full:
        value = _full_date(full.group(0))
        if value:
            return Guess(value, Certainty.LIKELY, f"the opening's date {full.group(0)!r}")
    part = _PART_DATE.search(lead)
    if part:
        mentioned = [y for y in (cn_number(m) for m in _YEAR_MENTION.findall(flat)) if y is not None and _plausible_year(y)]
        base = max(mentioned) if mentioned else None
        value = _date(base, cn_number(part.group(1)), cn_number(part.group(2)))
        if value:
            return Guess(value, Certainty.UNSURE,
                         f"the opening's {part.group(0)!r}, in the latest year the text names ({base})")
    return NOT_FOUND


def _guess_title(stem: str, front: tuple[str, ...], flat: str, year: Guess) -> Guess:
    prefix = f"{year.value}年" if isinstance(year.value, int) else ""
    if not _HASHY.match(stem) and not re.fullmatch(r"[\W_]*\d{4}[\W_]*", stem) and re.search(r"[^\W\d_]", stem):
        return Guess(stem, Certainty.LIKELY, "the file name")
    titles = [line for line in front if not DATELINE_RE.match(line) and "总理" not in line and len(line) <= 20]
    if titles:
        title = titles[0]
        return Guess(title if re.match(r"\d{4}年", title) else prefix + title, Certainty.SURE, "the title line")
    if _OWN_WORDS.search(flat[:400]):
        return Guess(prefix + "政府工作报告", Certainty.LIKELY, "the report's own words (向大会报告政府工作)")
    meeting = _MEETING.search(flat[:800])
    if meeting:
        return Guess(meeting.group(1), Certainty.LIKELY, "the meeting the opening names")
    first = next((line for line in flat.split("\n") if line.strip()), "")
    if first and len(first) <= 60 and not first.endswith(("。", "：", "！")):
        return Guess(first, Certainty.UNSURE, "the first heading")
    return NOT_FOUND

"""A statistics line said again with new figures is no reused wording.

Reports give their figures in a fixed form: a figure's name, a verb, the
number and its unit (社会消费品零售总额完成474亿元，增长11%; the next year
社会消费品零售总额完成250.2亿元，同比增长11%). Two such lines share most of
their characters, yet what they share is the form of reporting, not
wording carried from one report to the other. A copy is therefore
:attr:`~erqi_diff.reuse.model.Kind.STATISTIC` when

- at least one figure changed between its two sides, and every difference
  is a figure or a word that goes with one (同比, 比上年, 约, 近, 多, 余 …);
- without its figures, what the passage says is short: at most
  :data:`STATISTIC_CHARS` characters (a figure's name and its verbs). A
  long sentence repeated with its figures brought up to date stays a copy:
  that is reused wording.

A statistic counts in no share of reused wording and is shown only with
the formulas. The same line with the same figures (a news page saying its
lead again in the story) stays a copy."""

from __future__ import annotations

import re
from dataclasses import replace

from erqi_diff.reuse.model import Difference, Kind, Passage, wording

#: The most characters a passage may say besides its figures to be a statistics line.
STATISTIC_CHARS = 24
#: A template: this many figures or more on each side, at most a third the same on both, at most this many characters
#: of words a figure, and the words this alike (difflib's ratio).
TEMPLATE_FIGURES = 3
TEMPLATE_WORDS_PER_FIGURE = 12
TEMPLATE_LIKENESS = 0.8

# a figure: digits with their decimal point, per cent sign and multiplier (2.5万亿, 474亿, 11%)
_FIGURE = re.compile(r"[0-9０-９][0-9０-９.．]*(?:[%％‰]|[百千万亿]+)?|[.．%％‰]")
# the words that go with a figure: its comparison, its rounding
_WITH_FIGURE = re.compile(r"同比|比上年|比去年|比上年同期|约|近|超过|逾|多|余|左右|以上|达到|达|个百分点|百分点|倍")


def mark_statistics(found: list[tuple[int, int, Passage]]) -> None:
    """In place: each copy of ``found`` (``(x, y, passage)``) that is a
    statistics line said again with new figures becomes a statistic."""
    for n, (x, y, passage) in enumerate(found):
        if passage.kind is Kind.COPY and is_statistic(passage):
            found[n] = (x, y, replace(passage, kind=Kind.STATISTIC))


def is_statistic(passage: Passage) -> bool:
    """``passage`` is a statistics line with new figures (see the module doc)."""
    if not passage.differences or not any(_figure_changed(d) for d in passage.differences):
        return False
    if all(_figures_only(d.a) and _figures_only(d.b) for d in passage.differences) and \
            len(_words(passage.a.text)) <= STATISTIC_CHARS and len(_words(passage.b.text)) <= STATISTIC_CHARS:
        return True
    return _template(passage.a.text, passage.b.text)


def _template(a: str, b: str) -> bool:
    """Two lines of several figures each, most figures new, the words around
    them the same but for a word or two: one form of reporting filled in
    twice (今年拟安排财政赤字1.2万亿元，比去年预算增加4000亿元，其中中央财政赤字8500亿元… /
    …1.35万亿元，比上年增加1500亿元，其中中央财政赤字9500亿元…)."""
    from difflib import SequenceMatcher

    figures_a, figures_b = _FIGURE.findall(a), _FIGURE.findall(b)
    figures_a = [f for f in figures_a if any(c.isdigit() for c in f)]
    figures_b = [f for f in figures_b if any(c.isdigit() for c in f)]
    fewer = min(len(figures_a), len(figures_b))
    if fewer < TEMPLATE_FIGURES or 3 * len(set(figures_a) & set(figures_b)) > fewer:  # most figures new
        return False
    words_a, words_b = _words(a), _words(b)
    if max(len(words_a), len(words_b)) > TEMPLATE_WORDS_PER_FIGURE * min(len(figures_a), len(figures_b)):
        return False
    return SequenceMatcher(None, words_a, words_b, autojunk=False).ratio() >= TEMPLATE_LIKENESS


def _figure_changed(d: Difference) -> bool:
    return _FIGURE.search(d.a) is not None or _FIGURE.search(d.b) is not None


def _figures_only(text: str) -> bool:
    return not _words(text)


def _words(text: str) -> str:
    """``text`` without its figures, the words that go with them, and punctuation."""
    return wording(_WITH_FIGURE.sub("", _FIGURE.sub("", text)))

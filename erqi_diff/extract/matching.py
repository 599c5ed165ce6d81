"""Every place a set of slogans stands in a report, longest slogan first.

A :class:`Matcher` holds the forms of many slogans (keys, as
:func:`erqi_diff.extract.textkey.key_of` makes them) and finds where they
stand in a :class:`~erqi_diff.extract.textkey.KeyText`: each place passes
the boundary rules of :mod:`erqi_diff.extract.textkey`, and where two found
forms overlap, the longer wins and the other does not count there (三保 is
not counted inside 两不愁三保障, nor 中国特色社会主义 inside
习近平新时代中国特色社会主义思想; two forms of one slogan overlapping count
once). A tie keeps the earlier one. A form overlapping only the end of a
longer one of another slogan, and running on past it, counts too: the two
share words (物质文明和精神文明的建设 says 两个文明 and 精神文明的建设).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from erqi_diff.extract.textkey import KeyText

_END = ""  # the trie key that marks the end of a form


@dataclass(frozen=True)
class Hit:
    """A form of slogan ``slogan`` (an index given by the caller) standing at
    key offsets [start, end)."""

    slogan: int
    form: str
    start: int
    end: int


class Matcher:
    """Many forms, matched at once (a character trie walked along the text)."""

    def __init__(self, forms: Mapping[str, int]) -> None:
        self._trie: dict = {}
        for form, slogan in forms.items():
            if len(form) < 2:
                continue
            node = self._trie
            for char in form:
                node = node.setdefault(char, {})
            node[_END] = (form, slogan)

    def candidates(self, text: KeyText) -> Iterable[Hit]:
        """Every place a form occurs, before the boundary and longest rules
        (in no particular order). The walk starts only where the text holds
        the first two characters of a form (every form has two or more):
        the places of each pair of characters are indexed once a text, and
        a report is matched by many matchers (a slogan strip of each pair
        of a series)."""
        key = text.key
        n = len(key)
        at = _pairs_at(key)
        for first, node1 in self._trie.items():
            for second, node2 in node1.items():
                for i in at.get(first + second, ()) if second != _END else ():
                    node, j = node2, i + 2
                    while node is not None:
                        found = node.get(_END)
                        if found is not None:
                            yield Hit(found[1], found[0], i, j)
                        if j >= n:
                            break
                        node = node.get(key[j])
                        j += 1

    def find(self, text: KeyText) -> list[Hit]:
        """The forms standing in ``text``, in text order (see the module doc)."""
        hits = [h for h in self.candidates(text) if text.stands(h.start, h.end)]
        hits.sort(key=lambda h: (h.start - h.end, h.start))
        taken = bytearray(len(text.key))
        kept: list[Hit] = []
        for h in hits:
            if taken.find(1, h.start, h.end) < 0 or _shares_head(h, kept):
                taken[h.start:h.end] = b"\x01" * (h.end - h.start)
                kept.append(h)
        kept.sort(key=lambda h: h.start)
        return kept


@lru_cache(maxsize=64)
def _pairs_at(key: str) -> dict[str, list[int]]:
    """Where each pair of adjacent characters of ``key`` stands."""
    at: dict[str, list[int]] = {}
    for i in range(len(key) - 1):
        pair = key[i:i + 2]
        places = at.get(pair)
        if places is None:
            at[pair] = [i]
        else:
            places.append(i)
    return at


def _shares_head(hit: Hit, kept: list[Hit]) -> bool:
    """``hit`` overlaps only the end of one longer slogan of another lineage, and
    runs on past it: 物质文明和精神文明|的建设 holds 物质文明和精神文明 and
    精神文明的建设 (a conjunction sharing its last member's words, 两个文明 and
    精神文明的建设 both said)."""
    over = [k for k in kept if k.start < hit.end and hit.start < k.end]
    return len(over) == 1 and over[0].slogan != hit.slogan and over[0].start < hit.start < over[0].end < hit.end

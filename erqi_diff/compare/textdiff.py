"""The diff of two texts: exact, small and fast.

:func:`diff_text` diffs two paragraphs in two steps, so no single exact diff
is ever long:

1. **By unit.** The texts are cut into units: sentences, an overlong
   sentence into its clauses, an overlong clause into pieces of
   :data:`MAX_UNIT` characters (:func:`diff_units`). Units found once in
   each text and in the same order are anchors (as in patience diff):
   between two anchors, the units are diffed with diff-match-patch, each
   unit standing for one symbol. A paragraph of any length (a whole report
   on one line) is thereby diffed sentence by sentence in near linear time.
2. **Inside a changed stretch** the sentences are paired by similarity (in
   order, :func:`erqi_diff.compare.align.align_runs`) and each pair is
   diffed by character (``char``, the default; numbers and Latin words such
   as 567, 6.5%, PM2.5 stay whole) or by jieba word (``word``);
   ``sentence`` stops after the first step.

diff-match-patch runs exactly (``Diff_Timeout = 0``: a timeout would
silently return a coarser diff). Tokens longer than one character are
mapped to single code points of the supplementary private use planes
before diffing, as diff-match-patch's line mode does. The semantic cleanup
then shifts edits to Chinese boundaries: after a sentence end (。！？；),
after a clause mark (，、：), before an opening quote or bracket.

Joining the ``=`` and ``-`` texts of the ops gives the older text exactly,
the ``=`` and ``+`` texts the newer one.
"""

from __future__ import annotations

import enum
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from erqi_diff.errors import UsageError

EQUAL, DELETE, INSERT = "=", "-", "+"
Op = tuple[str, str]


class Granularity(str, enum.Enum):
    """The unit of the changes shown."""

    CHAR = "char"
    SENTENCE = "sentence"
    WORD = "word"


_SENTENCE = re.compile(r".*?(?:[。！？；!?;]+[”’」』）)]*|$)", re.DOTALL)
_CHAR_TOKEN = re.compile(r"[0-9A-Za-z]+(?:[.,:][0-9A-Za-z]+)*%?|.", re.DOTALL)
_PUA = 0xF0000
_PUA_SIZE = 0x10FFFE - _PUA


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``, each with its closing punctuation and quotes;
    they join back to ``text``."""
    return [s for s in _SENTENCE.findall(text) if s]


#: A sentence longer than this is diffed as its clauses, and a clause
#: longer than this in pieces of this size, so no single exact diff is long.
MAX_UNIT = 400
#: A changed stretch of more than this many (old x new) units is shown as
#: whole units removed and added: pairing them would grow quadratically.
MAX_RUN_PAIRS = 250_000
_CLAUSE = re.compile(r".*?(?:[，、：,:]+|$)", re.DOTALL)


def diff_units(text: str) -> list[str]:
    """The units of the first, coarse diff: sentences, except that an
    overlong sentence is cut at its clauses, and an overlong clause into
    pieces of :data:`MAX_UNIT` characters; they join back to ``text``."""
    units = []
    for sentence in split_sentences(text):
        if len(sentence) <= MAX_UNIT:
            units.append(sentence)
            continue
        for clause in _CLAUSE.findall(sentence):
            units.extend(clause[i:i + MAX_UNIT] for i in range(0, len(clause), MAX_UNIT))
    return units


def char_tokens(text: str) -> list[str]:
    """Characters, except that numbers and Latin words stay whole."""
    return _CHAR_TOKEN.findall(text)


def word_tokens(text: str) -> list[str]:
    """jieba words (jieba is imported only here: ``pip install 'erqi-diff[word]'``)."""
    try:
        import jieba
    except ImportError:
        raise UsageError("--granularity word needs jieba: pip install 'erqi-diff[word]'") from None
    jieba.setLogLevel(60)
    return jieba.lcut(text, HMM=True)


class _TooManyTokens(Exception):
    pass


class _Codec:
    """Tokens to single code points: a one-character token stands for itself,
    a longer one gets a private-use code point."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}
        self.tokens: dict[str, str] = {}

    def encode(self, tokens: Iterable[str]) -> str:
        out = []
        for token in tokens:
            if len(token) == 1 and ord(token) < _PUA:
                out.append(token)
                continue
            code = self.codes.get(token)
            if code is None:
                if len(self.codes) >= _PUA_SIZE:
                    raise _TooManyTokens
                code = chr(_PUA + len(self.codes))
                self.codes[token] = code
                self.tokens[code] = token
            out.append(code)
        return "".join(out)

    def decode(self, text: str) -> str:
        tokens = self.tokens
        return "".join(tokens.get(c, c) for c in text)


_SENTENCE_END = frozenset("。！？；!?;\n")
_CLAUSE_END = frozenset("，、：,:”’」』）)》")
_OPENING = frozenset("“‘「『（(《")


def _boundary_score(one: str, two: str) -> int:
    """How good a place the boundary between ``one`` and ``two`` is for an
    edit to start or end (6 best), in Chinese text."""
    if not one or not two:
        return 6
    last, first = one[-1], two[0]
    if last in _SENTENCE_END:
        return 5
    if last in _CLAUSE_END:
        return 4
    if first in _OPENING:
        return 3
    if not (last.isalnum() or ord(last) >= _PUA) or not (first.isalnum() or ord(first) >= _PUA):
        return 2
    if _is_han(last) != _is_han(first):
        return 1
    return 0


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


_DMP = None


def _dmp():
    """diff-match-patch, exact (no timeout), with a Chinese semantic cleanup."""
    global _DMP
    if _DMP is None:
        from diff_match_patch import diff_match_patch

        class ChineseDMP(diff_match_patch):
            def diff_cleanupSemanticLossless(self, diffs):
                _shift_to_boundaries(diffs)

        _DMP = ChineseDMP()
        _DMP.Diff_Timeout = 0
    return _DMP


def _shift_to_boundaries(diffs: list) -> None:
    """diff-match-patch's lossless cleanup with :func:`_boundary_score`: slide
    each edit lying between two equalities to the best boundary."""
    i = 1
    while i < len(diffs) - 1:
        if diffs[i - 1][0] == 0 and diffs[i + 1][0] == 0:
            eq1, edit, eq2 = diffs[i - 1][1], diffs[i][1], diffs[i + 1][1]
            common = _common_suffix(eq1, edit)
            if common:
                eq1, edit, eq2 = eq1[:-common], edit[-common:] + edit[:-common], edit[-common:] + eq2
            best = (eq1, edit, eq2)
            best_score = _boundary_score(eq1, edit) + _boundary_score(edit, eq2)
            while edit and eq2 and edit[0] == eq2[0]:
                eq1, edit, eq2 = eq1 + edit[0], edit[1:] + eq2[0], eq2[1:]
                score = _boundary_score(eq1, edit) + _boundary_score(edit, eq2)
                if score >= best_score:
                    best, best_score = (eq1, edit, eq2), score
            if diffs[i - 1][1] != best[0]:
                diffs[i] = (diffs[i][0], best[1])
                if best[2]:
                    diffs[i + 1] = (0, best[2])
                else:
                    del diffs[i + 1]
                if best[0]:
                    diffs[i - 1] = (0, best[0])
                else:
                    del diffs[i - 1]
                    i -= 1
        i += 1


def _common_suffix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(reversed(a), reversed(b)):
        if x != y:
            break
        n += 1
    return n


_OP = {0: EQUAL, -1: DELETE, 1: INSERT}


def _diff_tokens(a: list[str], b: list[str], cleanup: bool) -> list[tuple[str, list[str]]]:
    """Diff two token lists; each op carries its tokens."""
    codec = _Codec()
    ea, eb = codec.encode(a), codec.encode(b)
    dmp = _dmp()
    diffs = dmp.diff_main(ea, eb, False)
    if cleanup:
        dmp.diff_cleanupSemantic(diffs)
    return [(_OP[op], [codec.tokens.get(c, c) for c in text]) for op, text in diffs if text]


_WHOLE = re.compile(r"[0-9A-Za-z]+(?:[.,:][0-9A-Za-z]+)*%?")
_PRIVATE = re.compile("[\U000F0000-\U0010FFFF]")


def _fine_chars(a: str, b: str) -> list[Op] | None:
    """The character diff of :func:`_fine`, encoding only the tokens longer
    than a character (numbers, Latin words) in place; None when a text
    holds private-use characters of its own."""
    if _PRIVATE.search(a) or _PRIVATE.search(b):
        return None
    codes: dict[str, str] = {}

    def code(match: re.Match) -> str:
        token = match.group(0)
        if len(token) == 1:
            return token
        got = codes.get(token)
        if got is None:
            got = codes[token] = chr(_PUA + len(codes))
        return got

    ea, eb = _WHOLE.sub(code, a), _WHOLE.sub(code, b)
    dmp = _dmp()
    diffs = dmp.diff_main(ea, eb, False)
    dmp.diff_cleanupSemantic(diffs)
    if not codes:
        return [(_OP[op], text) for op, text in diffs if text]
    tokens = {ord(c): t for t, c in codes.items()}
    return [(_OP[op], text.translate(tokens)) for op, text in diffs if text]


def _fine(a: str, b: str, granularity: Granularity) -> list[Op]:
    if granularity is Granularity.CHAR:
        quick = _fine_chars(a, b)
        if quick is not None:
            return quick
    tokenize = word_tokens if granularity is Granularity.WORD else char_tokens
    try:
        return [(op, "".join(toks)) for op, toks in _diff_tokens(tokenize(a), tokenize(b), cleanup=True)]
    except _TooManyTokens:
        return [(DELETE, a), (INSERT, b)]


def diff_text(a: str, b: str, granularity: Granularity = Granularity.CHAR) -> list[Op]:
    """Ops turning ``a`` into ``b`` (see the module doc); "=" and "-" texts
    join to ``a``, "=" and "+" texts to ``b``."""
    if a == b:
        return [(EQUAL, a)] if a else []
    if not a or not b:
        return [(DELETE, a)] if a else [(INSERT, b)]
    # the sentences both begin and end with are kept as they are
    dmp = _dmp()
    head = _sentence_cut(a, dmp.diff_commonPrefix(a, b))
    tail = len(a) - _sentence_cut(a, len(a) - dmp.diff_commonSuffix(a[head:], b[head:]), forward=True)
    if head or tail:
        middle = diff_text(a[head:len(a) - tail], b[head:len(b) - tail], granularity)
        return merge_ops([(EQUAL, a[:head]), *middle, (EQUAL, a[len(a) - tail:])])
    units_a, units_b = diff_units(a), diff_units(b)
    if len(units_a) == len(units_b) == 1:  # one unit each, and they differ: what anchored_diff gives
        coarse = [(DELETE, units_a), (INSERT, units_b)]
    else:
        try:
            coarse = anchored_diff(units_a, units_b)
        except _TooManyTokens:
            coarse = [(DELETE, [a]), (INSERT, [b])]
    ops: list[Op] = []
    old: list[str] = []
    new: list[str] = []

    def flush() -> None:
        if granularity is Granularity.SENTENCE or not old or not new or len(old) * len(new) > MAX_RUN_PAIRS:
            ops.extend(o for o in ((DELETE, "".join(old)), (INSERT, "".join(new))) if o[1])
        else:
            from erqi_diff.compare.align import align_runs  # here: a stored diff's readers need not import it

            for i, j in align_runs(old, new):
                if i is not None and j is not None:
                    ops.extend(_fine(old[i], new[j], granularity))
                elif i is not None:
                    ops.append((DELETE, old[i]))
                elif j is not None:
                    ops.append((INSERT, new[j]))
        old.clear()
        new.clear()

    for op, tokens in coarse:
        if op == EQUAL:
            flush()
            ops.append((EQUAL, "".join(tokens)))
        else:
            (old if op == DELETE else new).extend(tokens)
    flush()
    return merge_ops(ops)


_END = re.compile("[。！？；!?;]")
_LAST_END = re.compile("(?s:.*)[。！？；!?;]")
_FOLLOWERS = frozenset("。！？；!?;”’」』）)")  # what may follow a sentence's end mark within the sentence


def _sentence_cut(text: str, at: int, forward: bool = False) -> int:
    """The sentence boundary of ``text`` nearest ``at``: at or before it, or
    at or after it with ``forward`` (0, or ``len(text)``, when there is none)."""
    if at <= 0 or at >= len(text):
        return max(0, min(at, len(text)))
    if forward:
        found = _END.search(text, at - 1)
        if found is None:
            return len(text)
        cut, limit = found.end(), len(text)
    else:
        last = _LAST_END.match(text, 0, at)
        if last is None:
            return 0
        cut, limit = last.end(), at
    while cut < limit and text[cut] in _FOLLOWERS:
        cut += 1
    return cut


def merge_ops(ops: Iterable[Op]) -> list[Op]:
    """Drop empty ops and join neighbours of the same kind; within a change,
    deletions come before insertions."""
    out: list[Op] = []
    for op, text in ops:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        elif op == DELETE and out and out[-1][0] == INSERT and len(out) >= 2 and out[-2][0] == DELETE:
            out[-2] = (DELETE, out[-2][1] + text)
        elif op == DELETE and out and out[-1][0] == INSERT:
            out.insert(len(out) - 1, (DELETE, text))
        else:
            out.append((op, text))
    return out


def old_text(ops: Iterable[Op]) -> str:
    return "".join(t for op, t in ops if op != INSERT)


def new_text(ops: Iterable[Op]) -> str:
    return "".join(t for op, t in ops if op != DELETE)




def anchored_diff(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, list[str]]]:
    """Diff two lists of units: the common head and tail, then the units
    found once in each and in the same order (the longest such run) as
    anchors, and diff-match-patch between anchors (recursively, while
    anchors are found). Each op carries its units."""
    ops: list[tuple[str, list[str]]] = []
    _anchored(list(a), list(b), ops)
    out: list[tuple[str, list[str]]] = []
    for op, units in ops:
        if not units:
            continue
        if out and out[-1][0] == op:
            out[-1][1].extend(units)
        else:
            out.append((op, list(units)))
    return out


def _anchored(a: list[str], b: list[str], ops: list[tuple[str, list[str]]]) -> None:
    head = 0
    while head < len(a) and head < len(b) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < len(a) - head and tail < len(b) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    ops.append((EQUAL, a[:head]))
    mid_a, mid_b = a[head:len(a) - tail], b[head:len(b) - tail]
    anchors = _unique_common(mid_a, mid_b)
    if not anchors:
        ops.extend(_diff_tokens(mid_a, mid_b, cleanup=False))
    else:
        i = j = 0
        for x, y in anchors:
            _anchored(mid_a[i:x], mid_b[j:y], ops)
            ops.append((EQUAL, [mid_a[x]]))
            i, j = x + 1, y + 1
        _anchored(mid_a[i:], mid_b[j:], ops)
    ops.append((EQUAL, a[len(a) - tail:]))


def _unique_common(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Positions of the units found once in ``a`` and once in ``b``, the
    longest run of them in the same order in both (patience sorting)."""
    if not a or not b:
        return []
    count_a: dict[str, int] = {}
    for unit in a:
        count_a[unit] = count_a.get(unit, 0) + 1
    where_b: dict[str, int] = {}
    count_b: dict[str, int] = {}
    for k, unit in enumerate(b):
        if count_a.get(unit) == 1:
            count_b[unit] = count_b.get(unit, 0) + 1
            where_b[unit] = k
    pairs = [(i, where_b[u]) for i, u in enumerate(a) if count_a[u] == 1 and count_b.get(u) == 1]
    if not pairs:
        return []
    # longest increasing subsequence of the b positions
    tails: list[int] = []
    tail_at: list[int] = []
    prev = [-1] * len(pairs)
    for k, (_, y) in enumerate(pairs):
        pos = bisect_left(tails, y)
        if pos == len(tails):
            tails.append(y)
            tail_at.append(k)
        else:
            tails[pos] = y
            tail_at[pos] = k
        prev[k] = tail_at[pos - 1] if pos else -1
    out = []
    k = tail_at[-1]
    while k >= 0:
        out.append(pairs[k])
        k = prev[k]
    return out[::-1]

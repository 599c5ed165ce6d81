"""What changed between two reports: the result behind ``erqi-diff A B``.

:func:`compare` pairs the sections of two snapshots (:mod:`erqi_diff.compare.align`),
pairs the paragraphs inside each pair of sections, and diffs each pair of
paragraphs with diff-match-patch, exactly (``Diff_Timeout = 0``: a timeout
would silently return a coarser diff). A paragraph is diffed in two steps,
so no single diff is ever long: first sentence by sentence (each sentence a
token), then, inside each changed stretch, the sentences are paired by
similarity and each pair is diffed by character (``char``, the default;
numbers and Latin words such as 567, 6.5%, PM2.5 stay whole) or by jieba
word (``word``); ``sentence`` stops after the first step.

Tokens longer than one character are mapped to single code points of the
supplementary private use planes before diffing, as diff-match-patch's line
mode does. The semantic cleanup then shifts edits to Chinese boundaries:
after a sentence end (。！？；), after a clause mark (，、：), before an
opening quote or bracket.

Every :class:`SectionDiff` carries ``ops``: joining the ``=`` and ``-``
texts gives the section's text in the older report exactly (its paragraphs
joined by newlines), the ``=`` and ``+`` texts the newer one.
"""

from __future__ import annotations

import enum
from erqi_diff.core.runtime import gc_paused
import re
from dataclasses import dataclass, field, replace
from collections.abc import Iterable, Sequence

from erqi_diff.compare.align import Kind, align_paragraphs, align_runs, align_sections
from erqi_diff.core.document import Section
from erqi_diff.errors import UsageError

EQUAL, DELETE, INSERT = "=", "-", "+"
Op = tuple[str, str]


class Granularity(str, enum.Enum):
    CHAR = "char"
    SENTENCE = "sentence"
    WORD = "word"


class Status(str, enum.Enum):
    MATCHED = "matched"
    ADDED = "added"
    REMOVED = "removed"


class BlockKind(str, enum.Enum):
    """One paragraph, or a pair of paragraphs, within a section's diff."""

    SAME = "same"
    CHANGED = "changed"
    REMOVED = "removed"
    ADDED = "added"
    MOVED_OUT = "moved_out"  # the older place of a moved paragraph
    MOVED_IN = "moved_in"    # its newer place; ``inner`` diffs old against new


# --- tokens and the diff of two texts ------------------------------------------

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


def _fine(a: str, b: str, granularity: Granularity) -> list[Op]:
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
    try:
        coarse = _diff_tokens(diff_units(a), diff_units(b), cleanup=False)
    except _TooManyTokens:
        coarse = [(DELETE, [a]), (INSERT, [b])]
    ops: list[Op] = []
    old: list[str] = []
    new: list[str] = []

    def flush() -> None:
        if granularity is Granularity.SENTENCE or len(old) * len(new) > MAX_RUN_PAIRS:
            ops.extend(o for o in ((DELETE, "".join(old)), (INSERT, "".join(new))) if o[1])
        else:
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


# --- the result ------------------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A paragraph (or a pair) of a section's diff, in reading order. ``ops``
    include the newline that follows the paragraph in its section."""

    kind: BlockKind
    ops: tuple[Op, ...]
    from_paragraph: int | None = None
    to_paragraph: int | None = None
    similarity: float | None = None
    inner: tuple[Op, ...] = ()  # MOVED_IN: old paragraph -> new paragraph


@dataclass(frozen=True)
class SectionDiff:
    status: Status
    from_heading: str | None
    to_heading: str | None
    from_index: int | None
    to_index: int | None
    similarity: float | None
    moved: bool
    blocks: tuple[Block, ...]

    @property
    def ops(self) -> list[Op]:
        return merge_ops(op for block in self.blocks for op in block.ops)

    @property
    def changed(self) -> bool:
        return (self.status is not Status.MATCHED or self.from_heading != self.to_heading
                or any(op != EQUAL for block in self.blocks for op, _ in block.ops))

    @property
    def moves(self) -> list[Block]:
        return [b for b in self.blocks if b.kind is BlockKind.MOVED_IN]

    def to_json(self) -> dict:
        return {
            "status": self.status.value,
            "from_heading": self.from_heading,
            "to_heading": self.to_heading,
            "similarity": self.similarity,
            "moved": self.moved,
            "ops": [[op, text] for op, text in self.ops],
            "moves": [{"from_paragraph": b.from_paragraph, "to_paragraph": b.to_paragraph,
                       "similarity": b.similarity, "ops": [[op, t] for op, t in b.inner]}
                      for b in self.moves],
        }


@dataclass(frozen=True)
class Stats:
    sections_from: int
    sections_to: int
    matched: int
    unchanged: int
    added: int
    removed: int
    moved: int
    paragraphs_moved: int
    chars_from: int
    chars_to: int
    chars_equal: int
    chars_deleted: int
    chars_inserted: int

    @property
    def changed_share(self) -> float:
        """Share of the text of both reports that is not kept: 0.0 same, 1.0 nothing in common."""
        total = self.chars_from + self.chars_to
        return round(1 - 2 * self.chars_equal / total, 4) if total else 0.0

    def to_json(self) -> dict:
        return {**self.__dict__, "changed_share": self.changed_share}


def _chars(text: str) -> int:
    return len(text) - text.count("\n")


def make_stats(sections: Sequence[SectionDiff]) -> Stats:
    counts = {EQUAL: 0, DELETE: 0, INSERT: 0}
    for s in sections:
        for block in s.blocks:
            for op, text in block.ops:
                counts[op] += _chars(text)
    matched = [s for s in sections if s.status is Status.MATCHED]
    return Stats(
        sections_from=sum(s.from_index is not None for s in sections),
        sections_to=sum(s.to_index is not None for s in sections),
        matched=len(matched),
        unchanged=sum(not s.changed for s in matched),
        added=sum(s.status is Status.ADDED for s in sections),
        removed=sum(s.status is Status.REMOVED for s in sections),
        moved=sum(s.moved for s in sections),
        paragraphs_moved=sum(len(s.moves) for s in sections),
        chars_from=counts[EQUAL] + counts[DELETE],
        chars_to=counts[EQUAL] + counts[INSERT],
        chars_equal=counts[EQUAL],
        chars_deleted=counts[DELETE],
        chars_inserted=counts[INSERT],
    )


@dataclass(frozen=True)
class DiffResult:
    """Two reports compared: serves ``--json``, the terminal view and the API."""

    from_meta: dict
    to_meta: dict
    granularity: Granularity
    sections: tuple[SectionDiff, ...]
    stats: Stats
    strip: dict | None = field(default=None, compare=False)

    @property
    def identical(self) -> bool:
        return not any(s.changed for s in self.sections)

    def headings(self) -> list[str]:
        out: list[str] = []
        for s in self.sections:
            for h in (s.from_heading, s.to_heading):
                if h and h not in out:
                    out.append(h)
        return out

    def select(self, text: str) -> DiffResult:
        """Only the sections whose older or newer heading contains ``text``;
        :class:`UsageError` listing the headings when none does."""
        needle = text.strip().casefold()
        kept = tuple(s for s in self.sections
                     if any(needle in h.casefold() for h in (s.from_heading, s.to_heading) if h is not None))
        if not kept:
            listed = "\n  ".join(h for h in self.headings()) or "(none)"
            raise UsageError(f"no section heading contains {text!r}; the headings are:\n  {listed}")
        return replace(self, sections=kept, stats=make_stats(kept))

    def to_json(self) -> dict:
        return {
            "from": self.from_meta,
            "to": self.to_meta,
            "granularity": self.granularity.value,
            "sections": [s.to_json() for s in self.sections],
            "stats": self.stats.to_json(),
            "strip": self.strip,
        }


def _sep_ops(sep_a: str, sep_b: str) -> list[Op]:
    if sep_a and sep_b:
        return [(EQUAL, "\n")]
    return [(DELETE, "\n")] if sep_a else ([(INSERT, "\n")] if sep_b else [])


def diff_paragraphs(a: Sequence[str], b: Sequence[str],
                    granularity: Granularity = Granularity.CHAR) -> tuple[Block, ...]:
    """Blocks of two sections' paragraphs, in reading order."""
    n, m = len(a), len(b)
    blocks = []
    for slot in align_paragraphs(a, b):
        i, j = slot.a, slot.b
        sep_a = "\n" if i is not None and i < n - 1 else ""
        sep_b = "\n" if j is not None and j < m - 1 else ""
        old = a[i] if i is not None else ""  # each kind of slot has the sides it uses
        new = b[j] if j is not None else ""
        if slot.kind is Kind.PAIRED:
            same = old == new
            ops = [(EQUAL, old)] if same else diff_text(old, new, granularity)
            blocks.append(Block(BlockKind.SAME if same else BlockKind.CHANGED,
                                tuple(merge_ops(ops + _sep_ops(sep_a, sep_b))), i, j, slot.similarity))
        elif slot.kind is Kind.REMOVED:
            blocks.append(Block(BlockKind.REMOVED, ((DELETE, old + sep_a),), i, None))
        elif slot.kind is Kind.ADDED:
            blocks.append(Block(BlockKind.ADDED, ((INSERT, new + sep_b),), None, j))
        elif slot.kind is Kind.MOVED_OUT:
            blocks.append(Block(BlockKind.MOVED_OUT, ((DELETE, old + sep_a),), i, j, slot.similarity))
        else:
            blocks.append(Block(BlockKind.MOVED_IN, ((INSERT, new + sep_b),), i, j, slot.similarity,
                                tuple(diff_text(old, new, granularity))))
    return tuple(blocks)


def diff_sections(a: Sequence[Section], b: Sequence[Section],
                  granularity: Granularity = Granularity.CHAR) -> tuple[SectionDiff, ...]:
    """Pair two reports' sections and diff each pair."""
    with gc_paused():
        return _diff_sections(a, b, granularity)


def _diff_sections(a: Sequence[Section], b: Sequence[Section], granularity: Granularity) -> tuple[SectionDiff, ...]:
    out = []
    for slot in align_sections(a, b):
        sa = a[slot.a] if slot.a is not None else None
        sb = b[slot.b] if slot.b is not None else None
        blocks = diff_paragraphs(sa.paragraphs if sa else (), sb.paragraphs if sb else (), granularity)
        status = Status.MATCHED if sa and sb else (Status.REMOVED if sa else Status.ADDED)
        out.append(SectionDiff(status, sa.heading if sa else None, sb.heading if sb else None,
                               slot.a, slot.b, slot.similarity, slot.kind is Kind.MOVED_IN, blocks))
    return tuple(out)


def compare(a, b, granularity: Granularity | str = Granularity.CHAR, strip: bool = True, project=None) -> DiffResult:
    """Compare two snapshots (:class:`erqi_diff.core.snapshot.Snapshot`), older
    first; with the strip of slogans and metrics unless ``strip`` is False,
    for ``project`` when given (its own lexicon; a slogan back after an
    absence is *returned*: :mod:`erqi_diff.extract.strip`)."""
    granularity = Granularity(granularity)
    sections = diff_sections(a.sections, b.sections, granularity)
    return DiffResult(a.meta(), b.meta(), granularity, sections, make_stats(sections),
                      _strip(a, b, project) if strip else None)


def _strip(a, b, project=None) -> dict | None:
    """The slogans and metrics strip (issue 4), cached by content."""
    from erqi_diff.extract.strip import cached_strip

    return cached_strip(a, b, project)

"""Synthetic corpora of government work reports, for the reuse benchmarks.

Every document is new text made from the sentences of the real reports (the
committed snapshots of the seeds and the national reports in
../shared/corpora/gwr/): each sentence joins two to six clauses (the pieces
between ，、；。) drawn at random from different real sentences, so the
documents have the reports' own words, digits and stock phrases (a long
clause such as 以习近平新时代中国特色社会主义思想为指导 turns up in many
documents, as formulas do in real reports) but no sentence carried over;
seven clauses in ten get one character replaced, so that, as between the
reports of different places, most wording is a document's own.

Regions of :data:`REGION` (1,000) documents: the pool of real clauses is
fixed (about 11,500 clauses), so two documents share a stretch by chance
(the same two clauses side by side, the same one-character change of a
clause) with a fixed probability, and with one pool for all the chance
matches of a corpus would grow with the square of its documents: measured
on seed 1 with one pool, 1,000 -> 10,000 documents, planted copies found
10.4 times, chance copies 28.7 times (2,202 -> 63,174: clauses side by
side 28.6, the same change 65), stock clauses aligned beside them 31
times (6,184 -> 193,130); ``benchmarks/bench_reuse.py`` prints this
breakdown. Real reports are not written from one fixed pool: more places
bring more of their own wording. So each region writes the clauses through
its own character mapping (every CJK character of the pool swapped for one
of about the same frequency in the reports, a fixed permutation per region;
region 0, the first 1,000 documents, unmapped): a document meets about as
many chance matches in a corpus of 10,000 as in one of 1,000 (its region),
and a corpus of at most 1,000 documents is the one made before regions were
added (the 1,000-report rows of bench_reuse and bench_corpus unchanged).
The stock formulas below are the same real sentences in every region, and
planted copies cross regions as they fall (the copy keeps its source's
wording; a clause the copier adds is in its own region's).

Into that text go, at random places:

- planted copies: for about ``copy_rate`` of the documents, one to three
  passages (60-400 characters) taken from an earlier document, with random
  edits (a number changed, two characters swapped for others, a clause
  added or dropped): the reuse the audit must find, recorded in
  :attr:`Corpus.planted`;
- stock formulas: ``formulas`` real sentences put into every document
  (boilerplate found everywhere: what the document-frequency cap is for).

Deterministic for a given ``seed``. Importable (the corpus benchmarks of
issue 7 use it too)::

    from gen_corpus import generate          # with benchmarks/ on sys.path
    corpus = generate(1000, chars=10_000, seed=1)
    corpus.docs        # {"doc0000": text, ...}, in time order
    corpus.planted     # [Planted(src, dst, src_start, src_end, dst_start, dst_end)]

Command line: ``python benchmarks/gen_corpus.py 1000 --chars 10000 --out corpus.jsonl``
writes JSON Lines ``{"id", "series", "year", "text"}`` (the corpus input).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GWR = REPO.parent / "shared" / "corpora" / "gwr"
_SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]")
_DIGITS = "0123456789"
_CLAUSE = re.compile(r"[^，、：；。！？]+[，、：；。！？]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
REGION = 1000  # documents per region (see the module doc): each region maps the pool's characters its own way
_BAND = 16  # a region maps a character to one of this many of about its frequency


@dataclass(frozen=True)
class Planted:
    """A planted copy: ``docs[src][src_start:src_end]`` was copied, with
    edits, to ``docs[dst][dst_start:dst_end]``."""

    src: str
    dst: str
    src_start: int
    src_end: int
    dst_start: int
    dst_end: int


@dataclass
class Corpus:
    docs: dict[str, str] = field(default_factory=dict)
    planted: list[Planted] = field(default_factory=list)
    formulas: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def real_sentences() -> tuple[str, ...]:
    """Sentences of the committed seed snapshots and the national reports."""
    sys.path.insert(0, str(REPO))
    from erqi_diff.core.normalize import normalize
    from erqi_diff.core.read import decode

    texts = []
    for path in sorted((REPO / "snapshots").glob("*.md")):
        texts.append(path.read_text(encoding="utf-8").split("\n---\n", 1)[-1])
    for path in sorted(GWR.glob("*.txt")):
        texts.append(normalize(decode(path.read_bytes(), path.name, None)).body)
    sentences: list[str] = []
    for text in texts:
        for line in text.splitlines():
            if line.startswith("#"):
                continue
            sentences.extend(s.strip() for s in _SENTENCE.findall(line) if len(s.strip()) >= 8)
    if not sentences:
        raise SystemExit("no real report sentences found: snapshots/ and ../shared/corpora/gwr/ are needed")
    return tuple(sentences)


class _Model:
    """Writes sentences by joining clauses (the stretches between ，、：；。！？)
    drawn at random from different real sentences."""

    def __init__(self, sentences: tuple[str, ...]):
        clauses = [c for s in sentences for c in _CLAUSE.findall(s) if len(c) >= 3]
        self.inner = [c[:-1] for c in clauses]
        self.sentences = sentences
        self.chars = "".join(self.inner)  # to draw characters as often as the reports use them
        self._mappings: dict[int, dict[int, int]] = {}

    def mapping(self, region: int) -> dict[int, int] | None:
        """The ``str.translate`` table of ``region`` (None for region 0): the
        pool's CJK characters by frequency, in bands of ``_BAND``, each band
        permuted at random (seeded by the region alone)."""
        if region == 0:
            return None
        if region not in self._mappings:
            counts = Counter(_CJK.findall(self.chars))
            ranked = sorted(counts, key=lambda c: (-counts[c], c))
            rng, table = random.Random(f"gen_corpus region {region}"), dict[int, int]()
            for lo in range(0, len(ranked), _BAND):
                band = ranked[lo:lo + _BAND]
                shuffled = rng.sample(band, len(band))
                table.update((ord(a), ord(b)) for a, b in zip(band, shuffled))
            self._mappings[region] = table
        return self._mappings[region]

    def clause(self, rng: random.Random, edit_rate: float = 0.7) -> str:
        """A real clause, with one character replaced at rate ``edit_rate``
        (documents of different places share phrases, not every clause)."""
        clause = rng.choice(self.inner)
        if rng.random() < edit_rate:
            pos = rng.randrange(len(clause))
            clause = clause[:pos] + rng.choice(self.chars) + clause[pos + 1:]
        return clause

    def sentence(self, rng: random.Random, limit: int = 120) -> str:
        parts: list[str] = []
        size = 0
        for _ in range(rng.randint(2, 6)):
            clause = self.clause(rng)
            if parts and size + len(clause) > limit:
                break
            parts.append(clause)
            size += len(clause) + 1
        return "".join(p + rng.choice("，，，、；") for p in parts[:-1]) + parts[-1] + "。"

    def text(self, rng: random.Random, chars: int) -> list[str]:
        """Paragraphs of about ``chars`` characters in all."""
        paragraphs, total = [], 0
        while total < chars:
            para = "".join(self.sentence(rng) for _ in range(rng.randint(2, 6)))
            para = para[:chars - total] if total + len(para) > chars else para
            paragraphs.append(para)
            total += len(para)
        return paragraphs


def edit(text: str, rng: random.Random, model: _Model, mapping: dict[int, int] | None = None) -> str:
    """The edits of a near-verbatim copy: one to three of a changed number,
    two characters replaced, a clause added, a few characters dropped (the
    added clause written through ``mapping``, the copier's region's)."""
    chars = list(text)
    for _ in range(rng.randint(1, 3)):
        kind = rng.choice(("number", "swap", "clause", "drop"))
        if not chars:
            break
        pos = rng.randrange(len(chars))
        if kind == "number":
            digits = [i for i, c in enumerate(chars) if c in _DIGITS]
            if digits:
                i = rng.choice(digits)
                chars[i] = rng.choice(_DIGITS.replace(chars[i], ""))
            else:
                chars[pos:pos] = list(str(rng.randint(2, 999)))
        elif kind == "swap":
            for i in (pos, min(pos + 1, len(chars) - 1)):
                chars[i] = rng.choice(rng.choice(model.sentences))
        elif kind == "clause":
            clause = rng.choice(model.inner) + "，"
            clause = clause.translate(mapping) if mapping else clause
            chars[pos:pos] = list(clause)
        else:
            del chars[pos:pos + rng.randint(1, 4)]
    return "".join(chars)


def generate(n: int, chars: int = 10_000, seed: int = 0, copy_rate: float = 0.5,
             formulas: int = 3) -> Corpus:
    """A corpus of ``n`` documents of about ``chars`` characters each (see module doc)."""
    rng = random.Random(seed)
    model = _Model(real_sentences())
    stock = [s for s in model.sentences if 30 <= len(s) <= 90]
    corpus = Corpus(formulas=rng.sample(stock, formulas) if formulas else [])
    keys = [f"doc{i:05d}" for i in range(n)]
    for j, key in enumerate(keys):
        mapping = model.mapping(j // REGION)
        paragraphs: list[str | tuple[str, int, int, str]] = [
            p.translate(mapping) if mapping else p for p in model.text(rng, chars)]
        for formula in corpus.formulas:
            paragraphs.insert(rng.randrange(len(paragraphs) + 1), formula)
        copies = []  # (paragraph index, source key, src_start, src_end, edited text)
        if j > 0 and rng.random() < copy_rate:
            for _ in range(rng.randint(1, 3)):
                src = keys[rng.randrange(j)]
                source = corpus.docs[src]
                length = rng.randint(60, 400)
                start = rng.randrange(max(1, len(source) - length))
                end = min(len(source), start + length)
                at = rng.randrange(len(paragraphs) + 1)
                copies.append((at, src, start, end, edit(source[start:end], rng, model, mapping)))
        for at, src, s0, s1, copied in sorted(copies, key=lambda c: c[0], reverse=True):
            paragraphs.insert(at, (src, s0, s1, copied))
        text_parts: list[str] = []
        offset = 0
        for part in paragraphs:
            if isinstance(part, tuple):
                src, s0, s1, para = part
                corpus.planted.append(Planted(src, key, s0, s1, offset, offset + len(para)))
            else:
                para = part
            text_parts.append(para)
            offset += len(para) + 1
        corpus.docs[key] = "\n".join(text_parts)
    return corpus


def generate_planted(n: int, chars: int = 3400, planted: int = 100, seed: int = 0, lengths: tuple[int, int] = (60, 300),
                     changed: tuple[int, int] = (1, 2), formulas: int = 3) -> Corpus:
    """``n`` documents with no copying but ``planted`` passages of
    ``lengths`` characters, each copied from an earlier document into a
    later one with ``changed`` characters replaced (a number, a word): the
    near-verbatim copies the corpus defaults must find (issue 16). The
    stock formulas stand in every document, as in :func:`generate`."""
    rng = random.Random(seed)
    corpus = generate(n, chars=chars, seed=seed, copy_rate=0.0, formulas=formulas)
    model = _Model(real_sentences())
    keys = list(corpus.docs)
    targets = sorted(rng.sample(range(1, n), planted))
    for dst_index in targets:
        src, dst = keys[rng.randrange(dst_index)], keys[dst_index]
        source, text = corpus.docs[src], corpus.docs[dst]
        length = rng.randint(*lengths)
        start = rng.randrange(max(1, len(source) - length))
        copied = list(source[start:start + length])
        for pos in rng.sample(range(len(copied)), rng.randint(*changed)):
            copied[pos] = rng.choice([c for c in rng.choice(model.sentences) if c != copied[pos]] or ["区"])
        breaks = [i + 1 for i, c in enumerate(text) if c == "\n"] or [0]
        at = rng.choice(breaks)
        corpus.docs[dst] = text[:at] + "".join(copied) + "\n" + text[at:]
        corpus.planted.append(Planted(src, dst, start, start + len(copied), at, at + len(copied)))
    return corpus


def write_jsonl(corpus: Corpus, path: Path, series: str = "synthetic") -> None:
    with open(path, "w", encoding="utf-8") as out:
        for i, (key, text) in enumerate(corpus.docs.items()):
            out.write(json.dumps({"id": key, "series": f"{series}-{i % 50:02d}", "year": 2000 + i % 20,
                                  "text": text}, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("--chars", type=int, default=10_000, help="characters per document (default 10000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--copy-rate", type=float, default=0.5)
    parser.add_argument("--out", type=Path, required=True, help="JSON Lines file to write")
    parser.add_argument("--planted", type=Path, help="also write the planted copies as JSON Lines")
    args = parser.parse_args(argv)
    corpus = generate(args.n, args.chars, args.seed, args.copy_rate)
    write_jsonl(corpus, args.out)
    if args.planted:
        with open(args.planted, "w", encoding="utf-8") as out:
            for p in corpus.planted:
                out.write(json.dumps(p.__dict__) + "\n")
    print(f"{args.out}: {len(corpus.docs)} documents, {len(corpus.planted)} planted copies", file=sys.stderr)


if __name__ == "__main__":
    main()

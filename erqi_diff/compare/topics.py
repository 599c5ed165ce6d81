"""What a section is about: its vocabulary, weighted by how telling it is.

Chinese has no spaces, so words are approximated by character n-grams of
two to four characters taken inside runs of Chinese characters and Latin
letters (punctuation, spaces and digits break a run: figures change every
year and say nothing of the topic): 新质生产力 gives 新质, 质生, ...,
新质生产, 质生产力; a shared four-character term counts more than a shared
pair of characters, as a shared word does for a reader.

Each n-gram is weighted by its inverse document frequency over the
sections of both reports (and of any other reports of the series passed
as background): 发展, 建设, 推进 or the district's name, which every
section uses, weigh little; 新质生产力, 粮食, 安置房 weigh much. An n-gram
found in a single section can match nothing and only lengthens that
section's vector, so the vocabulary is the n-grams found in two sections
or more. Term frequency is damped (1 + log tf). The topical similarity of
two sections is the cosine of their vectors.

A section's topic is told by the text its heading announces: when the
address 各位代表！ comes after some text, what follows it is a new,
unheaded topic (the national reports end their last task with the
government's own conduct, nationalities, defence, Hong Kong and Taiwan,
foreign policy, each opened so), and is left out of the vector; so is a
speaker's quote that follows some text (“……”区委书记某某表示。): a news
report closes its last section with the leader's words on the whole.

To the n-grams are added the areas of work a section names
(:mod:`erqi_diff.compare.concepts`: 生态 for 大气污染防治 as for 绿化,
生产总值 for GDP as for 地区生产总值), each weighted by its inverse
document frequency times :data:`CONCEPT_WEIGHT`: two sections on the same
area share them even when they share few words.

Headings are compared on their own weights (the inverse frequency over
the headings of both reports), without what only numbers a heading (一、,
（三）, 第二，, ●, 1.) and without years (2014年工作总体部署 and
2015年工作总体部署 are the same heading).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from operator import add, mul

from erqi_diff.compare.concepts import CONCEPT_TERMS, concept_terms
from erqi_diff.compare.indicators import uncited
from erqi_diff.core.document import Section

NGRAM_SIZES = (2, 3, 4)
#: An area of work named by both sections counts this many times a shared n-gram as rare.
CONCEPT_WEIGHT = 2.0
#: n-grams must be found in at least this many documents to count.
MIN_DF = 2
#: A section's topic is read from at most this many characters (a report on one line can be 700,000) ...
TOPIC_CHARS = 30_000
#: ... taken in this many pieces spread evenly over the text.
TOPIC_PIECES = 30
_RUN_BREAK = re.compile(r"[^\u3400-\u9fff\uf900-\ufaffA-Za-z]+")
_NUMBERING = re.compile(r"^\s*(?:[（(][一二三四五六七八九十百0-9]+[）)]|[一二三四五六七八九十百]+[、，,.]|"
                        r"第[一二三四五六七八九十百]+[、，,.]?|[0-9]+[.、，,]|[●○◆◇■□▲△★☆·•\-—])\s*")
_YEAR = re.compile(r"(?:19|20)[0-9]{2}年?")
_ADDRESS = re.compile(r"^(?:各位代表|同志们|代表们|各位委员)[！!：:，,。]?$")

_SAID = ("表示", "说", "指出", "强调", "认为", "介绍")


def _quoted_speech(paragraph: str) -> bool:
    """A speaker's words quoted whole: “……”区委书记陈红民表示。"""
    if not paragraph or paragraph[0] not in "“\"「":
        return False
    close = max(paragraph.rfind("”"), paragraph.rfind("」"), paragraph.rfind('"', 1))
    tail = paragraph[close + 1:].rstrip("。.！!")
    return close > 0 and len(tail) <= 40 and not any(q in tail for q in "“”\"「」") and tail.endswith(_SAID)

Vector = dict[str, float]


def ngrams(text: str) -> Counter:
    """Character n-grams (2 to 4) of ``text`` within runs of Chinese
    characters and Latin letters."""
    grams: Counter = Counter()
    for run in _RUN_BREAK.split(text):
        if len(run) < 2:
            continue
        two = list(map(add, run, run[1:]))
        grams.update(two)
        three = list(map(add, two, run[2:]))
        grams.update(three)
        grams.update(map(add, two, two[2:]))
    return grams


def topic_text(section: Section) -> str:
    """The text that tells a section's topic: its paragraphs up to an
    address (各位代表！) that follows some text; of a text longer than
    :data:`TOPIC_CHARS`, :data:`TOPIC_PIECES` pieces spread evenly over it
    and as long as that in all."""
    paragraphs = section.paragraphs
    for k, p in enumerate(paragraphs):
        if k and _ADDRESS.match(p):
            paragraphs = paragraphs[:k]
            break
    text = "\n".join(p for k, p in enumerate(paragraphs) if not (k and _quoted_speech(p)))
    text = uncited(section, text)
    if len(text) <= TOPIC_CHARS:
        return text
    size, stride = TOPIC_CHARS // TOPIC_PIECES, len(text) // TOPIC_PIECES
    return "\n".join(text[k * stride:k * stride + size] for k in range(TOPIC_PIECES))


def passages(section: Section) -> tuple[tuple[str, ...], ...]:
    """The unheaded topics of a section that :func:`topic_text` leaves out:
    the runs of paragraphs after each address (各位代表！) that follows
    some text, up to the next such address or the section's end."""
    out: list[tuple[str, ...]] = []
    run: list[str] | None = None
    for k, p in enumerate(section.paragraphs):
        if k and _ADDRESS.match(p):
            if run:
                out.append(tuple(run))
            run = []
        elif run is not None:
            run.append(p)
    if run:
        out.append(tuple(run))
    return tuple(out)


def section_terms(section: Section) -> Counter:
    """The terms of a section's topic: the n-grams of :func:`topic_text`
    and the areas of work it names (:mod:`erqi_diff.compare.concepts`)."""
    text = topic_text(section)
    terms = ngrams(text)
    terms.update(concept_terms(text, terms))
    return terms


def heading_words(heading: str) -> str:
    """A heading without its numbering and years."""
    return _YEAR.sub(" ", _NUMBERING.sub("", heading))


class Weights:
    """Inverse document frequencies over a set of documents."""

    def __init__(self, documents: Iterable[Iterable[str]], min_df: int = MIN_DF) -> None:
        df: Counter = Counter()
        total = 0
        for grams in documents:
            df.update(grams.keys() if isinstance(grams, dict) else set(grams))
            total += 1
        self.total = total
        self.idf = {g: math.log(1 + total / n) for g, n in df.items() if n >= min_df}
        for g in CONCEPT_TERMS & self.idf.keys():
            self.idf[g] *= CONCEPT_WEIGHT

    def vector(self, grams: Counter) -> Vector:
        """The unit vector of ``grams`` (damped term frequency times idf),
        n-grams found in fewer than ``min_df`` documents left out."""
        idf = self.idf
        weights = {g: idf[g] for g in grams.keys() & idf.keys()}
        for g, c in grams.items():
            if c > 1 and g in weights:
                weights[g] *= 1 + math.log(c)
        norm = math.sqrt(math.fsum(w * w for w in weights.values())) or 1.0
        return {g: w / norm for g, w in weights.items()}


#: From this many characters of topic text in the sections to pair, their vectors are made with numpy
#: (:mod:`erqi_diff.compare.bigtopics`: the same values, many times faster).
BIG_TEXT = 100_000
#: Above this many term lookups, :func:`cosines` takes them with numpy (the same values, many times faster).
BATCH_WORK = 2_000_000


def cosines(vec_a: Mapping[int, Vector], vec_b: Mapping[int, Vector], pairs: Iterable[tuple[int, int]],
            batch_work: int = BATCH_WORK) -> dict[tuple[int, int], float]:
    """:func:`cosine` of ``vec_a[i]`` and ``vec_b[j]`` for each pair ``(i, j)``,
    the same values to the last bit: each product is the one Python makes,
    and the products are summed by math.fsum. Many long vectors (two
    reports of 1,000,000 characters) are done with numpy, imported only
    then (above ``batch_work`` term lookups): one vector of a laid out
    densely over the vocabulary, each of its partners gathered from it, the
    terms they share kept."""
    pairs = list(pairs)
    if sum(min(len(vec_a[i]), len(vec_b[j])) for i, j in pairs) < batch_work:
        return {(i, j): cosine(vec_a[i], vec_b[j]) for i, j in pairs}
    import numpy as np

    partners: dict[int, list[int]] = {}
    for i, j in pairs:
        partners.setdefault(i, []).append(j)
    terms: set[str] = set()
    for v in (*(vec_a[i] for i in partners), *(vec_b[j] for j in {j for _, j in pairs})):
        terms.update(v)
    vocab = dict(zip(terms, range(len(terms))))

    def laid_out(v: Vector) -> tuple:
        ids = np.fromiter(map(vocab.__getitem__, v), dtype=np.int64, count=len(v))
        return ids, np.fromiter(v.values(), dtype=np.float64, count=len(v))
    side_a = {i: laid_out(vec_a[i]) for i in partners}
    side_b = {j: laid_out(vec_b[j]) for j in {j for _, j in pairs}}
    dense = np.zeros(len(vocab))
    out: dict[tuple[int, int], float] = {}
    for i, js in partners.items():
        ids, values = side_a[i]
        dense[ids] = values
        for j in js:
            ids_b, values_b = side_b[j]
            products = dense[ids_b] * values_b
            out[i, j] = math.fsum(products[products != 0.0].tolist())  # weights are > 0: 0 means not shared
        dense[ids] = 0.0
    return out


def cosine(u: Vector, v: Vector) -> float:
    """The dot product of two unit vectors, summed exactly (math.fsum), so
    that it does not depend on the order of the terms: a set of strings
    iterates in another order in another process."""
    common = u.keys() & v.keys()
    return math.fsum(map(mul, map(u.__getitem__, common), map(v.__getitem__, common)))

"""``corpus report``: what a finished run found, as one typed result.

- the most-reused sources: reports later reports copied from (characters
  and passages copied, how many reports copied them);
- the most-copying reports: the share of each report that already stood in
  an earlier one;
- the longest passages, with both sides' text;
- the widely shared formulas: stretches made of fingerprints found in more
  than ``maxdf`` documents, with their document counts.

The shares and the formulas are computed by the reuse audit's own code
(:mod:`erqi_diff.reuse.shares`, :func:`erqi_diff.reuse.formulas.stock_stretches`),
so a corpus run and :func:`erqi_diff.reuse.audit.find_reuse` with the same
seeding (k, w, ``formula_docs = maxdf + 1``) report the same shares and the
same formulas (tests/test_corpus.py checks it on the seeds and the national
reports). Characters are counted as the reuse audit counts them: whitespace
and heading markers left out (:func:`erqi_diff.reuse.fingerprint.prepare`).

"Earlier" is by ``year``; two reports of the same year, or without a year,
are a pair without a direction: their passages count among the longest,
not as copying.

JSON (``erqi-diff corpus report --json``) is :class:`CorpusReport` through
:mod:`erqi_diff.views.encode`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from erqi_diff.corpus import OutputFolderError
from erqi_diff.corpus.stages import STAGES, read_manifest

_BATCH = 1024  # documents prepared at once


@dataclass(frozen=True)
class DocRef:
    """A report of the corpus: ``doc`` (its number in the run), ``id``,
    ``series`` and ``year`` as given (None when not given)."""

    doc: int
    id: str
    series: str | None
    year: int | None


@dataclass(frozen=True)
class Source(DocRef):
    """A report later reports copied from: the report's fields, then
    ``copiers`` (reports that copied from it), ``passages`` and ``chars``
    (characters copied from it, summed over the passages)."""

    copiers: int
    passages: int
    chars: int


@dataclass(frozen=True)
class Copier(DocRef):
    """A report and what of it stood in an earlier one: the report's
    fields, then ``chars`` (its characters, whitespace not counted),
    ``before`` (those that stood in an earlier report: the union of its
    spans in passages with earlier reports), ``share`` (before / chars)
    and ``sources`` (the earlier reports it copied from)."""

    chars: int
    before: int
    sources: int

    __json_extra__ = ("share",)

    @property
    def share(self) -> float:
        return self.before / self.chars if self.chars else 0.0


@dataclass(frozen=True)
class Side(DocRef):
    """One side of a passage: the report's fields, then ``start`` and
    ``end`` (offsets into its text) and ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class PassageRow:
    """A passage: sides ``a`` and ``b`` (:class:`Side`), ``chars`` (shared
    characters) and ``similarity`` (1.0 verbatim)."""

    a: Side
    b: Side
    chars: int
    similarity: float


@dataclass(frozen=True)
class FormulaRow:
    """A stock stretch: ``text``, ``docs`` (the reports holding it) and
    ``example``, the report it was first seen in (:class:`DocRef`)."""

    text: str
    docs: int
    example: DocRef


@dataclass(frozen=True)
class CorpusReport:
    """The report of a finished run (``corpus report --json``): ``out``
    (the run's folder), ``params`` (its parameters), ``counts`` (docs,
    chars, skipped_lines, fingerprints, pair_hashes, pairs, passages),
    ``seconds`` per stage, ``sources`` (:class:`Source`, most characters
    copied first), ``copiers`` (:class:`Copier`, highest share first),
    ``shares`` (report id -> share written before, every report with a
    year), ``longest`` (:class:`PassageRow`) and ``formulas``
    (:class:`FormulaRow`, most reports first)."""

    out: str
    params: dict
    counts: dict
    seconds: dict
    sources: tuple[Source, ...]
    copiers: tuple[Copier, ...]
    reports: tuple[Copier, ...] = field(metadata={"json": None})  # every report with a year, in doc order
    longest: tuple[PassageRow, ...] = ()
    formulas: tuple[FormulaRow, ...] = ()

    __json_extra__ = ("shares",)

    @property
    def shares(self) -> dict[str, float]:
        return {c.id: c.share for c in self.reports}


def build_report(out: Path | str, top: int = 20) -> CorpusReport:
    """The report of the finished run in ``out``."""
    import duckdb

    from erqi_diff.corpus.ingest import TextStore

    out = Path(out)
    manifest = read_manifest(out) if out.is_dir() else None
    if manifest is None:
        raise OutputFolderError(f"{out} holds no corpus run: run `erqi-diff corpus run --in FILE --out {out}` first")
    missing = [s.title for s in STAGES if s.name not in manifest["stages"]]
    if missing:
        raise OutputFolderError(f"the run in {out} is not finished (missing: {', '.join(missing)}): "
                                f"run `erqi-diff corpus run` again with the same --in and --out to resume it")
    params = manifest["params"]
    stages = manifest["stages"]
    con = duckdb.connect()
    texts = TextStore(out / "texts.arrow")
    try:
        for name in ("docs", "passages", "formulas"):
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{out / (name + '.parquet') / '*.parquet'}')")
        refs = {doc: DocRef(doc, rid, series, year) for doc, rid, series, year in
                con.execute("SELECT doc, id, series, year FROM docs ORDER BY doc").fetchall()}
        # directed passages: src (earlier year) -> dst
        con.execute("""CREATE TEMP TABLE directed AS
            SELECT CASE WHEN d1.year < d2.year THEN p.doc1 ELSE p.doc2 END AS src,
                   CASE WHEN d1.year < d2.year THEN p.doc2 ELSE p.doc1 END AS dst,
                   p.chars AS chars
            FROM passages p JOIN docs d1 ON p.doc1 = d1.doc JOIN docs d2 ON p.doc2 = d2.doc
            WHERE d1.year IS NOT NULL AND d2.year IS NOT NULL AND d1.year <> d2.year""")
        sources = tuple(Source(*_fields(refs[src]), n_dst, n, total) for src, n_dst, n, total in con.execute(
            f"""SELECT src, COUNT(DISTINCT dst), COUNT(*), SUM(chars) FROM directed GROUP BY src
                ORDER BY SUM(chars) DESC, src LIMIT {int(top)}""").fetchall())
        rows = con.execute("SELECT doc1, doc2, start1, end1, start2, end2 FROM passages").fetchall()
        reports = _shares(refs, rows, texts)
        copiers = tuple(sorted((c for c in reports if c.before), key=lambda c: (-c.share, c.doc))[:top])
        longest = tuple(
            PassageRow(Side(*_fields(refs[d1]), s1, e1, texts[d1][s1:e1]), Side(*_fields(refs[d2]), s2, e2,
                                                                              texts[d2][s2:e2]), n, sim)
            for d1, d2, s1, e1, s2, e2, n, sim in con.execute(
                f"""SELECT doc1, doc2, start1, end1, start2, end2, chars, similarity FROM passages
                    ORDER BY chars DESC, doc1, doc2, start1 LIMIT {int(top)}""").fetchall())
        formulas = _formulas(con, texts, refs, int(params["k"]), int(params["w"]), top)
        counts = {"docs": stages["docs"]["rows"], "chars": stages["docs"].get("chars"),
                  "skipped_lines": stages["docs"].get("skipped_lines", 0), "fingerprints": stages["fp"]["rows"],
                  "pair_hashes": stages["df"]["rows"], "pairs": stages["pairs"]["rows"],
                  "passages": stages["passages"]["rows"]}
    finally:
        texts.close()
        con.close()
    return CorpusReport(str(out), params, counts, {n: s["seconds"] for n, s in stages.items()},
                        sources, copiers, reports, longest, formulas)


def _fields(ref: DocRef) -> tuple[int, str, str | None, int | None]:
    return ref.doc, ref.id, ref.series, ref.year


def _shares(refs: dict[int, DocRef], rows: list[tuple], texts) -> tuple[Copier, ...]:
    """Every report with a year as a :class:`Copier`: the reuse audit's
    shares (:func:`erqi_diff.reuse.shares.written_before`) over the
    passages, in prepared characters."""
    from erqi_diff.reuse.fingerprint_arrays import prepare_many
    from erqi_diff.reuse.shares import coverage, prepared_interval, written_before

    sides: dict[int, list[tuple[int, int, int, int]]] = defaultdict(list)  # doc -> (row, side, start, end)
    for n, (d1, d2, s1, e1, s2, e2) in enumerate(rows):
        sides[d1].append((n, 0, s1, e1))
        sides[d2].append((n, 1, s2, e2))
    mapped: list[list] = [[None, None] for _ in rows]
    lengths: dict[int, int] = {}
    dated = [d for d in sorted(refs) if refs[d].year is not None]
    wanted = sorted(set(dated) | set(sides))
    for lo in range(0, len(wanted), _BATCH):
        batch = wanted[lo:lo + _BATCH]
        for doc, p in zip(batch, prepare_many([texts[d] for d in batch])):
            lengths[doc] = len(p.text)
            for n, side, s, e in sides.get(doc, ()):
                mapped[n][side] = prepared_interval(p, s, e)
    cover = coverage((d1, d2, mapped[n][0], mapped[n][1]) for n, (d1, d2, *_) in enumerate(rows))

    def earlier(y: int, x: int) -> bool:
        a, b = refs[y].year, refs[x].year
        return a is not None and b is not None and a < b

    before = written_before(cover, earlier)
    return tuple(Copier(*_fields(refs[d]), lengths[d], *_before(before.get(d))) for d in dated)


def _before(found) -> tuple[int, int]:
    return (0, 0) if found is None else (found[0], len(found[1]))


def _formulas(con, texts, refs: dict[int, DocRef], k: int, w: int, top: int) -> tuple[FormulaRow, ...]:
    """The stock stretches of :func:`erqi_diff.reuse.formulas.stock_stretches`
    over stage 3's formula fingerprints (in more than maxdf documents)."""
    from erqi_diff.reuse.fingerprint import Prepared
    from erqi_diff.reuse.fingerprint_arrays import prepare_many
    from erqi_diff.reuse.formulas import stock_stretches

    rows = con.execute("SELECT doc, pos, ndocs, doc2, pos2 FROM formulas ORDER BY doc, pos").fetchall()
    docs = sorted({r[0] for r in rows} | {r[3] for r in rows})
    prepared: dict[int, Prepared] = {}
    for lo in range(0, len(docs), _BATCH):
        batch = docs[lo:lo + _BATCH]
        prepared.update(zip(batch, prepare_many([texts[d] for d in batch])))
    points = [(doc, prepared[doc].to_prepared(pos), ndocs, doc2, prepared[doc2].to_prepared(pos2))
              for doc, pos, ndocs, doc2, pos2 in rows]
    stretches = stock_stretches(points, prepared.__getitem__, k, w)
    return tuple(FormulaRow(s.text, s.docs, refs[s.doc]) for s in stretches[:top])

"""``corpus report``: what a finished run found, as one JSON-able result.

- the most-reused sources: reports later reports copied from (characters
  and passages copied, how many reports copied them);
- the most-copying reports: the share of each report that already stood in
  an earlier one (union of its copied spans over its characters);
- the longest passages, with both sides' text;
- the widely shared formulas: stretches made of fingerprints found in more
  than ``maxdf`` documents, with their document counts.

"Earlier" is by ``year``; two reports of the same year, or without a year,
are a pair without a direction: their passages count among the longest,
not as copying.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from erqi_diff.corpus import OutputFolderError
from erqi_diff.corpus.stages import STAGES, read_manifest
from erqi_diff.reuse.shares import union


@dataclass(frozen=True)
class DocRef:
    doc: int
    id: str
    series: str | None
    year: int | None

    def to_json(self) -> dict:
        return {"doc": self.doc, "id": self.id, "series": self.series, "year": self.year}


@dataclass(frozen=True)
class Source:
    doc: DocRef
    copiers: int      # reports that copied from it
    passages: int
    chars: int        # characters copied from it, summed over passages

    def to_json(self) -> dict:
        return {**self.doc.to_json(), "copiers": self.copiers, "passages": self.passages, "chars": self.chars}


@dataclass(frozen=True)
class Copier:
    doc: DocRef
    chars: int
    before: int       # characters of it that stood in an earlier report
    sources: int      # earlier reports it copied from

    @property
    def share(self) -> float:
        return self.before / self.chars if self.chars else 0.0

    def to_json(self) -> dict:
        return {**self.doc.to_json(), "chars": self.chars, "before": self.before, "share": round(self.share, 4),
                "sources": self.sources}


@dataclass(frozen=True)
class Side:
    doc: DocRef
    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {**self.doc.to_json(), "start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class PassageRow:
    a: Side
    b: Side
    chars: int
    similarity: float

    def to_json(self) -> dict:
        return {"a": self.a.to_json(), "b": self.b.to_json(), "chars": self.chars,
                "similarity": round(self.similarity, 4)}


@dataclass(frozen=True)
class FormulaRow:
    text: str
    docs: int
    example: DocRef

    def to_json(self) -> dict:
        return {"text": self.text, "docs": self.docs, "example": self.example.to_json()}


@dataclass(frozen=True)
class CorpusReport:
    out: str
    params: dict
    counts: dict       # docs, chars, fingerprints, pairs, passages
    seconds: dict      # per stage
    sources: tuple[Source, ...]
    copiers: tuple[Copier, ...]
    shares: tuple[Copier, ...]   # every report with a year, in doc order
    longest: tuple[PassageRow, ...]
    formulas: tuple[FormulaRow, ...]

    def to_json(self) -> dict:
        return {"out": self.out, "params": self.params, "counts": self.counts, "seconds": self.seconds,
                "sources": [s.to_json() for s in self.sources], "copiers": [c.to_json() for c in self.copiers],
                "shares": {c.doc.id: round(c.share, 4) for c in self.shares},
                "longest": [p.to_json() for p in self.longest], "formulas": [f.to_json() for f in self.formulas]}


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
    try:
        for name in ("docs", "passages", "formulas"):
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{out / (name + '.parquet') / '*.parquet'}')")
        refs = {doc: DocRef(doc, rid, series, year) for doc, rid, series, year in
                con.execute("SELECT doc, id, series, year FROM docs ORDER BY doc").fetchall()}
        chars = dict(con.execute("SELECT doc, chars FROM docs").fetchall())
        # directed passages: src (earlier year) -> dst
        con.execute("""CREATE TEMP TABLE directed AS
            SELECT CASE WHEN d1.year < d2.year THEN p.doc1 ELSE p.doc2 END AS src,
                   CASE WHEN d1.year < d2.year THEN p.doc2 ELSE p.doc1 END AS dst,
                   CASE WHEN d1.year < d2.year THEN p.start2 ELSE p.start1 END AS dst_start,
                   CASE WHEN d1.year < d2.year THEN p.end2 ELSE p.end1 END AS dst_end,
                   p.chars AS chars
            FROM passages p JOIN docs d1 ON p.doc1 = d1.doc JOIN docs d2 ON p.doc2 = d2.doc
            WHERE d1.year IS NOT NULL AND d2.year IS NOT NULL AND d1.year <> d2.year""")
        sources = tuple(Source(refs[src], n_dst, n, total) for src, n_dst, n, total in con.execute(
            f"""SELECT src, COUNT(DISTINCT dst), COUNT(*), SUM(chars) FROM directed GROUP BY src
                ORDER BY SUM(chars) DESC, src LIMIT {int(top)}""").fetchall())
        spans: dict[int, list[tuple[int, int]]] = {}
        n_sources: dict[int, set[int]] = {}
        for src, dst, s, e in con.execute("SELECT src, dst, dst_start, dst_end FROM directed").fetchall():
            spans.setdefault(dst, []).append((s, e))
            n_sources.setdefault(dst, set()).add(src)
        shares = tuple(Copier(refs[d], chars[d], union(spans.get(d, [])), len(n_sources.get(d, ())))
                       for d in sorted(refs) if refs[d].year is not None)
        copiers = tuple(sorted((c for c in shares if c.before), key=lambda c: (-c.share, c.doc.doc))[:top])
        texts = TextStore(out / "texts.arrow")
        try:
            longest = tuple(
                PassageRow(Side(refs[d1], s1, e1, texts[d1][s1:e1]), Side(refs[d2], s2, e2, texts[d2][s2:e2]), n, sim)
                for d1, d2, s1, e1, s2, e2, n, sim in con.execute(
                    f"""SELECT doc1, doc2, start1, end1, start2, end2, chars, similarity FROM passages
                        ORDER BY chars DESC, doc1, doc2, start1 LIMIT {int(top)}""").fetchall())
            formulas = _formulas(con, texts, refs, int(params["k"]), int(params["w"]), top)
        finally:
            texts.close()
        counts = {"docs": stages["docs"]["rows"], "chars": stages["docs"].get("chars"),
                  "skipped_lines": stages["docs"].get("skipped_lines", 0), "fingerprints": stages["fp"]["rows"],
                  "pair_hashes": stages["df"]["rows"], "pairs": stages["pairs"]["rows"],
                  "passages": stages["passages"]["rows"]}
    finally:
        con.close()
    return CorpusReport(str(out), params, counts, {n: s["seconds"] for n, s in stages.items()},
                        sources, copiers, shares, longest, formulas)


def _formulas(con, texts, refs: dict[int, DocRef], k: int, w: int, top: int) -> tuple[FormulaRow, ...]:
    """Stretches of the example documents made of formula fingerprints less
    than ``w`` apart and found in as many documents (where two formulas
    stand side by side, the fingerprints across the seam are in fewer)."""
    rows = con.execute("SELECT doc, pos, ndocs FROM formulas ORDER BY doc, pos").fetchall()
    stretches: list[tuple[int, int, int, int]] = []  # doc, start, end, docs
    for doc, pos, ndocs in rows:
        if stretches and stretches[-1][0] == doc and stretches[-1][3] == ndocs and pos <= stretches[-1][2] + w:
            d, s, e, n = stretches[-1]
            stretches[-1] = (d, s, max(e, pos + k), n)
        else:
            stretches.append((doc, pos, pos + k, ndocs))
    best: dict[str, FormulaRow] = {}
    for doc, s, e, n in stretches:
        text = texts[doc][s:e].strip()
        if text and (text not in best or best[text].docs < n):
            best[text] = FormulaRow(text, n, refs[doc])
    return tuple(sorted(best.values(), key=lambda f: (-f.docs, -len(f.text), f.text))[:top])

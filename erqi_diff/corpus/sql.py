"""Stages 3 and 4 as plain SQL, the same text on DuckDB and on Spark SQL.

Only GROUP BY, JOIN, COUNT and MIN, one heavy operator per statement (no
list aggregates: DuckDB cannot spill them), integers only (the hashes are
computed in Python: DuckDB's and Spark's hash functions differ). Each
statement reads tables by name and its result is written to Parquet by the
engine, so every statement's memory is bounded and spills on its own.

Tables: ``fp(doc, pos, hash)`` from stage 2; the statements below make
``dh`` (each hash once per document, at its first position), ``df``
(documents per hash), ``kept`` (hashes in 2..maxdf documents), ``formulas``
(hashes in more than maxdf documents, with one example position),
``shared`` (one row per hash two documents share) and ``pairs``; ``formulas``
also names, for each formula hash, its first place in the second document
holding it (``doc2``, ``pos2``): where ``corpus report`` grows the stock
stretches, as :func:`erqi_diff.reuse.formulas.stock_stretches` does for
find_reuse.
"""

from __future__ import annotations

from dataclasses import dataclass

_PACK = 1 << 32  # a (doc, pos) packed in one BIGINT, to take the smallest of both at once


@dataclass(frozen=True)
class Statement:
    """``output`` = the result of ``sql``, which reads the tables ``inputs``."""

    output: str
    inputs: tuple[str, ...]
    sql: str


def df_statements(maxdf: int) -> list[Statement]:
    """Stage 3, document frequency: outputs ``kept`` and ``formulas``."""
    maxdf = int(maxdf)
    return [
        Statement("dh", ("fp",),
                  "SELECT doc, hash, MIN(pos) AS pos FROM fp GROUP BY doc, hash"),
        Statement("df", ("dh",),
                  "SELECT hash, COUNT(*) AS ndocs, MIN(doc) AS doc FROM dh GROUP BY hash"),
        Statement("kept", ("dh", "df"),
                  "SELECT dh.doc AS doc, dh.hash AS hash, df.ndocs AS ndocs FROM dh JOIN df ON dh.hash = df.hash "
                  f"WHERE df.ndocs >= 2 AND df.ndocs <= {maxdf}"),
        # the first place in the second document holding each formula hash: doc * 2**32 + pos, smallest
        Statement("second", ("dh", "df"),
                  f"SELECT dh.hash AS hash, MIN(dh.doc * {_PACK} + dh.pos) AS packed "
                  f"FROM dh JOIN df ON dh.hash = df.hash WHERE df.ndocs > {maxdf} AND dh.doc > df.doc "
                  "GROUP BY dh.hash"),
        Statement("formulas", ("df", "dh", "second"),
                  "SELECT df.hash AS hash, df.ndocs AS ndocs, df.doc AS doc, dh.pos AS pos, "
                  f"CAST(FLOOR(s.packed / {_PACK}) AS BIGINT) AS doc2, "
                  f"s.packed - CAST(FLOOR(s.packed / {_PACK}) AS BIGINT) * {_PACK} AS pos2 "
                  "FROM df JOIN dh ON df.hash = dh.hash AND df.doc = dh.doc JOIN second s ON s.hash = df.hash "
                  f"WHERE df.ndocs > {maxdf}"),
    ]


def pair_statements(minmatch: int, minunique: int | None = None, other_series: bool = False,
                    other_years: bool = False) -> list[Statement]:
    """Stage 4, candidate pairs: outputs ``pairs(doc1, doc2, shared)``, doc1 < doc2:
    the pairs sharing ``minmatch`` kept hashes, or ``minunique`` hashes found
    in these two documents and no other (what a copy between the two leaves:
    a chance pairing of stock wording shares hashes many documents hold).
    ``other_series`` / ``other_years``: keep only pairs of reports of two
    series / two years (a report without one is kept); the filter joins
    the small ``docs`` columns to the counted pairs."""
    minmatch = int(minmatch)
    unique = f" OR SUM(CASE WHEN ndocs = 2 THEN 1 ELSE 0 END) >= {int(minunique)}" if minunique else ""
    filters = []
    if other_series:
        filters.append("(d1.series IS NULL OR d2.series IS NULL OR d1.series <> d2.series)")
    if other_years:
        filters.append("(d1.year IS NULL OR d2.year IS NULL OR d1.year <> d2.year)")
    counted = "pairs" if not filters else "counted"
    statements = [
        Statement("shared", ("kept",),
                  "SELECT a.doc AS doc1, b.doc AS doc2, a.ndocs AS ndocs FROM kept a JOIN kept b "
                  "ON a.hash = b.hash WHERE a.doc < b.doc"),
        Statement(counted, ("shared",),
                  "SELECT doc1, doc2, COUNT(*) AS shared FROM shared GROUP BY doc1, doc2 "
                  f"HAVING COUNT(*) >= {minmatch}{unique}"),
    ]
    if filters:
        statements.append(Statement(
            "pairs", ("counted", "docs"),
            "SELECT c.doc1 AS doc1, c.doc2 AS doc2, c.shared AS shared FROM counted c "
            "JOIN docs d1 ON c.doc1 = d1.doc JOIN docs d2 ON c.doc2 = d2.doc WHERE " + " AND ".join(filters)))
    return statements

"""Corpus scale: the reuse audit across thousands of reports.

A run is a chain of stages, each written to Parquet in the output folder and
skipped on a rerun once complete (see :mod:`.stages`):

1. ``docs``      JSON Lines -> one row per report (:mod:`.ingest`);
2. ``fp``        winnowed character k-gram fingerprints, one row per
                 (doc, pos, hash), from :mod:`erqi_diff.reuse.fingerprint`;
3. ``df``        document frequency of each hash; hashes in more than
                 ``maxdf`` documents are kept apart as ``formulas``;
4. ``pairs``     candidate pairs sharing at least ``minmatch`` hashes, or
                 ``minunique`` hashes found in those two documents only (a
                 copy between the two leaves such hashes; stock wording shared
                 by chance leaves hashes many documents hold);
5. ``passages``  each candidate pair seeded and aligned as :func:`erqi_diff.reuse.audit.find_reuse` does.

Stages 3 and 4 are plain SQL (:mod:`.sql`) that runs unchanged on DuckDB
(embedded, spills to disk; the default) and on Spark SQL (:mod:`.engines`).
Stages 2 and 5 are the same Python functions on both engines, on numpy
arrays (:mod:`erqi_diff.reuse.fingerprint_arrays`, :mod:`erqi_diff.reuse.seeds`).

Heavy modules (duckdb, pyarrow, pyspark, numpy) are imported inside functions only.
"""

from __future__ import annotations

from erqi_diff.errors import ErqiError


class CorpusError(ErqiError):
    """Base class of the corpus errors."""


class InputError(CorpusError):
    """The JSON Lines input is malformed: bad JSON, missing id/text, duplicate id, empty text."""


class ParamsError(CorpusError):
    """The output folder holds a run made with other parameters (use --force)."""


class EngineError(CorpusError):
    """The engine cannot run: missing package or Java, --memory too small..."""


class OutputFolderError(CorpusError):
    """The output folder is not a corpus run, or is missing a stage."""

"""The stage runner: resumable, atomic per stage, parameters checked.

The output folder holds one Parquet folder per table (``docs.parquet/``,
``fp.parquet/``...) and ``params.json``: the run's parameters and, for each
complete stage, the parameters it was made with, its row count and time.

A stage writes everything into ``.work/<stage>/`` and only then renames its
outputs into place and records itself in ``params.json`` (written
atomically). An interrupted run leaves at worst outputs that ``params.json``
does not list: a rerun makes that stage again, never trusts them. A rerun
with the same parameters skips every complete stage; with other parameters
it refuses (the folder would mix two runs) unless ``force``, which makes
again the first stage whose parameters changed and every later one.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from erqi_diff.core.fsutil import atomic_write_text
from erqi_diff.corpus import OutputFolderError
from erqi_diff.corpus import ParamsError
from erqi_diff.corpus.sql import df_statements, pair_statements

FORMAT = 1
MANIFEST = "params.json"
WORK = ".work"


@dataclass(frozen=True)
class Params:
    """What the results depend on (not the engine, memory or threads:
    both engines give the same rows)."""

    input_sha256: str
    skip_bad: bool = False
    k: int = 10
    w: int = 16
    maxdf: int = 100
    minmatch: int = 5
    minunique: int = 2
    min_chars: int = 15
    other_series: bool = False
    other_years: bool = False

    def __post_init__(self) -> None:
        from erqi_diff.corpus import CorpusError

        for name, low in (("k", 2), ("w", 1), ("maxdf", 2), ("minmatch", 1), ("minunique", 1), ("min_chars", 5)):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise CorpusError(f"--{name.replace('_', '-')} must be an integer of at least {low}, not {value!r}")


@dataclass(frozen=True)
class Stage:
    name: str
    keys: tuple[str, ...]      # the parameters this stage depends on (beside earlier stages')
    outputs: tuple[str, ...]   # files or Parquet folders it leaves in the output folder
    title: str
    version: int = 1           # raised when the stage's code gives other rows: older outputs are made again
    optional: tuple[str, ...] = ()  # files an engine may leave besides (a later stage uses them when there)


STAGES: tuple[Stage, ...] = (
    Stage("docs", ("input_sha256", "skip_bad"), ("docs.parquet", "texts.arrow"), "ingest"),
    Stage("fp", ("k", "w"), ("fp.parquet",), "fingerprint", optional=("prints.arrow",)),
    Stage("df", ("maxdf",), ("kept.parquet", "formulas.parquet"), "document frequency",
          version=2),  # 2: formulas name their first place in a second document
    Stage("pairs", ("minmatch", "minunique", "other_series", "other_years"), ("pairs.parquet",), "candidate pairs",
          version=2),  # 2: or minunique hashes of the two documents only
    Stage("passages", ("min_chars",), ("passages.parquet",), "alignment", version=2),  # 2: reuse.pair_seeds
)


def stage_key(params: Params, upto: Stage) -> dict:
    """The parameters ``upto`` and all earlier stages were made with."""
    key: dict = {}
    for stage in STAGES:
        key.update({k: getattr(params, k) for k in stage.keys})
        if stage.version != 1:
            key[f"{stage.name}_version"] = stage.version
        if stage is upto:
            break
    return key


@dataclass(frozen=True)
class StageResult:
    """One stage of a run: ``name``, ``title``, ``rows`` written, ``seconds``
    taken and whether it was ``skipped`` (complete from an earlier run)."""

    name: str
    title: str
    rows: int
    seconds: float
    skipped: bool


@dataclass(frozen=True)
class RunResult:
    """A corpus run (``corpus run --json``): ``out`` (the folder),
    ``engine``, ``params`` (:class:`Params`), ``stages``
    (:class:`StageResult`, in order) and ``skipped_lines``
    (:class:`erqi_diff.corpus.ingest.BadLine`)."""

    out: str
    engine: str
    params: Params
    stages: tuple[StageResult, ...]
    skipped_lines: tuple = field(default=())

    def rows(self, name: str) -> int:
        return next(s.rows for s in self.stages if s.name == name)


class Progress:
    """What the runner reports; the CLI draws it with rich, tests ignore it."""

    def start(self, stage: Stage, total: int | None) -> None: ...

    def advance(self, n: int) -> None: ...

    def finish(self, result: StageResult) -> None: ...


def file_sha256(path: Path) -> str:
    from erqi_diff.corpus import InputError

    digest = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    except FileNotFoundError:
        raise InputError(f"{path} does not exist: give --in a JSON Lines file") from None
    except IsADirectoryError:
        raise InputError(f"{path} is a folder: give --in a JSON Lines file") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror}") from None
    return digest.hexdigest()


def read_manifest(out: Path) -> dict | None:
    path = out / MANIFEST
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise OutputFolderError(f"{path} is damaged: remove the folder {out} and run again") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("stages"), dict):
        raise OutputFolderError(f"{path} is not a corpus run manifest: choose another --out folder")
    return data


def _write_manifest(out: Path, manifest: dict) -> None:
    atomic_write_text(out / MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2) + "\n")


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def prepare(out: Path, params: Params, force: bool) -> dict:
    """Create or check the output folder; returns the manifest to update.
    Stages whose parameters differ are dropped (with ``force``) or refused."""
    if out.exists() and not out.is_dir():
        raise OutputFolderError(f"{out} is a file: give --out a folder")
    manifest = read_manifest(out) if out.is_dir() else None
    if manifest is None:
        if out.is_dir() and any(p.name != WORK for p in out.iterdir()):
            raise OutputFolderError(f"{out} is not empty and holds no corpus run ({MANIFEST}): "
                                    "give --out a new or empty folder")
        out.mkdir(parents=True, exist_ok=True)
        manifest = {"format": FORMAT, "params": asdict(params), "stages": {}}
    old = manifest.get("params", {})
    changed = [k for k, v in asdict(params).items() if old.get(k) != v]
    if changed and manifest["stages"] and not force:
        what = ", ".join("the input file" if k == "input_sha256" else f"{k} {old.get(k)!r} -> {asdict(params)[k]!r}"
                         for k in changed)
        raise ParamsError(f"{out} holds a run made with other parameters ({what}): "
                          "pass --force to redo the stages they change, or choose another --out folder")
    drop = False
    for stage in STAGES:
        done = manifest["stages"].get(stage.name)
        if drop or (done is not None and done.get("key") != stage_key(params, stage)):
            drop = True
            manifest["stages"].pop(stage.name, None)
            for name in stage.outputs + stage.optional:
                _remove(out / name)
    manifest["params"] = asdict(params)
    _write_manifest(out, manifest)
    return manifest


def complete(out: Path, manifest: dict, stage: Stage, params: Params) -> bool:
    done = manifest["stages"].get(stage.name)
    return (done is not None and done.get("key") == stage_key(params, stage)
            and all((out / name).exists() for name in stage.outputs))


def parquet_rows(path: Path) -> int:
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(f).metadata.num_rows for f in sorted(path.glob("*.parquet")))


def run(input_path: Path | str, out: Path | str, params: Params, make_engine: Callable[[Path], object],
        force: bool = False, progress: Progress | None = None) -> RunResult:
    """Run (or resume) every stage; ``make_engine(temp_dir)`` is called only
    when a stage has work to do."""
    input_path, out = Path(input_path), Path(out)
    progress = progress or Progress()
    manifest = prepare(out, params, force)
    work = out / WORK
    engine: Any = None
    results: list[StageResult] = []
    skipped_lines: tuple = ()

    def get_engine():
        nonlocal engine
        if engine is None:
            engine = make_engine(work / "engine-tmp")
        return engine

    try:
        for stage in STAGES:
            if complete(out, manifest, stage, params):
                done = manifest["stages"][stage.name]
                result = StageResult(stage.name, stage.title, done["rows"], done["seconds"], True)
                progress.finish(result)
                results.append(result)
                continue
            tmp = work / stage.name
            _remove(tmp)
            tmp.mkdir(parents=True)
            started = time.perf_counter()
            extra = _execute(stage, get_engine, input_path, out, tmp, params, manifest, progress)
            skipped_lines = extra.pop("skipped", skipped_lines)
            seconds = time.perf_counter() - started
            for name in stage.outputs + stage.optional:
                _remove(out / name)
                if name in stage.outputs or (tmp / name).exists():
                    (tmp / name).rename(out / name)
            main = out / stage.outputs[0]
            rows = parquet_rows(main)
            manifest["stages"][stage.name] = {"key": stage_key(params, stage), "rows": rows,
                                              "seconds": round(seconds, 3), **extra}
            _write_manifest(out, manifest)
            _remove(tmp)
            result = StageResult(stage.name, stage.title, rows, seconds, False)
            progress.finish(result)
            results.append(result)
    finally:
        if engine is not None:
            engine.close()
    _remove(work)
    engine_name = getattr(engine, "name", None)
    return RunResult(str(out), engine_name.value if engine_name else "none", params, tuple(results), skipped_lines)


def _execute(stage: Stage, get_engine, input_path: Path, out: Path, tmp: Path, params: Params,
             manifest: dict, progress: Progress) -> dict:
    """Make ``stage``'s outputs in ``tmp``; returns what params.json records
    beside rows and seconds (and the skipped lines, under "skipped")."""
    from erqi_diff.corpus.ingest import ingest

    done = manifest["stages"]
    if stage.name == "docs":
        progress.start(stage, None)
        res = ingest(input_path, tmp, params.skip_bad, progress.advance)
        return {"chars": res.chars, "skipped_lines": len(res.skipped), "skipped": res.skipped}
    if stage.name == "fp":
        progress.start(stage, done["docs"]["rows"])
        get_engine().fingerprint(out / "docs.parquet", out / "texts.arrow", done["docs"]["rows"],
                                 tmp / "fp.parquet", params.k, params.w, progress.advance)
        return {}
    if stage.name == "passages":
        progress.start(stage, done["pairs"]["rows"])
        # seeded with stage 2's k and w and stage 3's counts: a hash in more than
        # maxdf documents is a formula's (find_reuse's formula_docs is maxdf + 1)
        get_engine().align(out / "docs.parquet", out / "texts.arrow", out / "pairs.parquet", done["pairs"]["rows"],
                           tmp / "passages.parquet", params.min_chars, progress.advance, params.k, params.w,
                           out / "formulas.parquet", params.maxdf + 1)
        return {}
    statements = (df_statements(params.maxdf) if stage.name == "df"
                  else pair_statements(params.minmatch, params.minunique, params.other_series, params.other_years))
    progress.start(stage, len(statements))
    tables = {name.removesuffix(".parquet"): out / name for s in STAGES for name in s.outputs}
    for statement in statements:
        get_engine().run_sql(statement, tables, tmp / f"{statement.output}.parquet")
        tables[statement.output] = tmp / f"{statement.output}.parquet"
        progress.advance(1)
    return {}

"""Stage 1: JSON Lines in, ``docs.parquet`` out; and ``corpus import``.

One JSON object per line, one report per object::

    {"id": "erqi:2017", "series": "二七区", "year": 2017, "text": "……", "title": "…"}

``id`` (string or integer) and ``text`` are required; ``series`` (or
``government``) and ``year`` are optional; any other key is kept as metadata
(JSON). Every report gets a dense integer ``doc`` number in input order: the
SQL stages join on it.

Besides ``docs.parquet`` the stage writes ``texts.arrow``: the texts alone,
uncompressed Arrow IPC in fixed batches of :data:`TEXT_BATCH`, which the
fingerprint and alignment workers memory-map, so that a worker reads the
texts it needs without holding the corpus in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from erqi_diff.corpus import InputError

TEXT_BATCH = 1024
_ROW_GROUP = 1024


@dataclass(frozen=True)
class BadLine:
    """A line of the input left out: ``line`` (its number) and ``reason``."""

    line: int
    reason: str


@dataclass(frozen=True)
class IngestResult:
    """Stage 1's result: ``docs`` and ``chars`` ingested, the ``skipped`` lines (:class:`BadLine`)."""

    docs: int
    chars: int
    skipped: tuple[BadLine, ...] = field(default=())


@dataclass(frozen=True)
class Record:
    id: str
    series: str | None
    year: int | None
    text: str
    meta: str  # JSON object of the other keys


def parse_line(line: str, number: int) -> Record:
    """One JSON Lines record; raises :class:`InputError` naming the line."""
    where = f"line {number}"
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a JSON object with `id` and `text`, got {type(obj).__name__}")
    if "id" not in obj:
        raise InputError(f"{where}: no `id`")
    rid = obj["id"]
    if isinstance(rid, bool) or not isinstance(rid, (str, int)) or (isinstance(rid, str) and not rid.strip()):
        raise InputError(f"{where}: `id` must be a non-empty string or an integer, not {rid!r}")
    if "text" not in obj:
        raise InputError(f"{where}: no `text`")
    text = obj["text"]
    if not isinstance(text, str):
        raise InputError(f"{where}: `text` must be a string, not {type(text).__name__}")
    if not text.strip():
        raise InputError(f"{where}: `text` is empty (id {rid!r})")
    series = obj.get("series", obj.get("government"))
    if series is not None and not isinstance(series, str):
        raise InputError(f"{where}: `series` must be a string, not {series!r}")
    year = obj.get("year")
    if isinstance(year, str) and year.strip().isdigit():
        year = int(year)
    if year is not None and (isinstance(year, bool) or not isinstance(year, int) or not 0 < year < 10000):
        raise InputError(f"{where}: `year` must be a year like 2017, not {year!r}")
    meta = {k: v for k, v in obj.items() if k not in ("id", "text", "series", "government", "year")}
    return Record(str(rid), series, year, text, json.dumps(meta, ensure_ascii=False, sort_keys=True))


def read_jsonl(path: Path, skip_bad: bool, bad: list[BadLine]) -> Iterator[Record]:
    """Records of ``path``; a bad line raises, or with ``skip_bad`` is
    appended to ``bad`` and skipped. Duplicate ids are bad lines too (the
    first one is kept)."""
    seen: dict[str, int] = {}
    hint = "; fix the line or pass --skip-bad to leave it out"
    try:
        fh = open(path, "rb")  # noqa: SIM115  closed by the with below
    except FileNotFoundError:
        raise InputError(f"{path} does not exist") from None
    except OSError as exc:
        raise InputError(f"{path} cannot be read: {exc.strerror}") from None
    with fh:
        for number, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                problem = BadLine(number, "not UTF-8 text")
            else:
                if not line.strip():
                    continue
                try:
                    record = parse_line(line, number)
                except InputError as exc:
                    problem = BadLine(number, str(exc).split(": ", 1)[1])
                else:
                    first = seen.get(record.id)
                    if first is None:
                        seen[record.id] = number
                        yield record
                        continue
                    problem = BadLine(number, f"duplicate id {record.id!r} (first on line {first})")
            if not skip_bad:
                raise InputError(f"{path}, line {problem.line}: {problem.reason}{hint}")
            bad.append(problem)


def ingest(path: Path, out_dir: Path, skip_bad: bool = False, progress=None) -> IngestResult:
    """Write ``out_dir/docs.parquet/part-0.parquet`` and ``out_dir/texts.arrow``
    from the JSON Lines file ``path``. ``out_dir`` is the stage's temporary
    folder (the stage runner renames it)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([("doc", pa.int32()), ("id", pa.string()), ("series", pa.string()),
                        ("year", pa.int32()), ("chars", pa.int32()), ("text", pa.string()), ("meta", pa.string())])
    text_schema = pa.schema([("text", pa.large_string())])
    (out_dir / "docs.parquet").mkdir(parents=True, exist_ok=True)
    bad: list[BadLine] = []
    n = chars = 0
    writer = pq.ParquetWriter(out_dir / "docs.parquet" / "part-0.parquet", schema, compression="zstd")
    sink = pa.OSFile(str(out_dir / "texts.arrow"), "wb")
    texts = pa.ipc.new_file(sink, text_schema)
    try:
        for chunk in _chunks(read_jsonl(path, skip_bad, bad), TEXT_BATCH):
            cols = {
                "doc": list(range(n, n + len(chunk))),
                "id": [r.id for r in chunk],
                "series": [r.series for r in chunk],
                "year": [r.year for r in chunk],
                "chars": [len(r.text) for r in chunk],
                "text": [r.text for r in chunk],
                "meta": [r.meta for r in chunk],
            }
            writer.write_table(pa.table(cols, schema=schema), row_group_size=_ROW_GROUP)
            texts.write_batch(pa.record_batch([pa.array(cols["text"], pa.large_string())], schema=text_schema))
            n += len(chunk)
            chars += sum(cols["chars"])
            if progress:
                progress(len(chunk))
    finally:
        writer.close()
        texts.close()
        sink.close()
    if n < 2:
        raise InputError(f"{path} holds {n} usable report(s): the audit needs at least 2")
    return IngestResult(n, chars, tuple(bad))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk: list = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


class TextStore:
    """Random access to the texts of ``texts.arrow`` by doc number, through a
    memory map: the pages a worker touches are shared with the page cache."""

    def __init__(self, path: Path) -> None:
        import pyarrow as pa

        self._source = pa.memory_map(str(path), "r")
        self._reader = pa.ipc.open_file(self._source)
        self.count = sum(self._reader.get_batch(i).num_rows for i in range(self._reader.num_record_batches))
        self._columns: dict = {}

    def __getitem__(self, doc: int) -> str:
        batch, row = divmod(doc, TEXT_BATCH)
        column = self._columns.get(batch)
        if column is None:  # a view of the memory map, read once (reading a batch costs a batch's worth)
            column = self._columns[batch] = self._reader.get_batch(batch).column(0)
        return column[row].as_py()

    def close(self) -> None:
        self._columns.clear()
        self._source.close()


# --- corpus import: erqi-diff projects -> JSON Lines ---------------------------------

def project_records(root: Path | str) -> Iterator[dict]:
    """One JSON Lines record per snapshot of the project at ``root``: the
    text is the snapshot body (the offsets of every passage refer to it), the
    series is the project folder's name."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many

    project = load_project(root)
    series = project.root.name
    for snap in load_many(project):
        yield {"id": f"{series}:{snap.year}", "series": series, "year": snap.year, "text": snap.body,
               "date": snap.date, "title": snap.title, "source": snap.source}


def import_projects(roots: Iterable[Path | str]) -> list[dict]:
    """The records of several projects; two projects with the same folder
    name would give the same ids, which is refused."""
    records: list[dict] = []
    seen: dict[str, str] = {}
    for root in roots:
        for record in project_records(root):
            if record["id"] in seen:
                raise InputError(f"two projects give the id {record['id']!r} ({seen[record['id']]} and {root}): "
                                 "their folders have the same name; rename one")
            seen[record["id"]] = str(root)
            records.append(record)
    return records


def dumps_jsonl(records: Iterable[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)

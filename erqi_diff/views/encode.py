"""The one JSON encoder: typed results (frozen dataclasses, enums, tuples)
become JSON here, at the edge, and nowhere else.

Every ``--json`` output is one object: ``{"schema": "erqi-diff/<kind>/<n>", ...}``
where ``<kind>`` names the command's result and ``<n>`` its version (bumped
when a field is renamed or removed; adding a field keeps it). The shape of
each record is documented once, on the dataclass that holds it
(``docs/json.md`` lists the kinds and where they are defined).

Encoding rules:

- a dataclass becomes an object of its fields, in order. A field's metadata
  may rename it (``field(metadata={"json": "from"})``) or leave it out
  (``{"json": None}``); a class may add computed properties to its object by
  naming them in ``__json_extra__``;
- an enum becomes its value; a tuple, list, set or frozenset a list; a
  mapping an object with string keys; a path a string; a float that is a
  whole number stays a float (JSON readers do not care; the text shows 9.0);
- anything else is an error: a result type the encoder does not know is a
  bug, never silently ``str()``-ed.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from collections.abc import Mapping
from pathlib import PurePath
from typing import Any

#: Version of each result kind's JSON shape.
SCHEMAS: dict[str, int] = {}

#: What each ``--json`` prints: kind -> (the record's class, as "module:Class",
#: and whether the payload is a list of them, under the key ``kind``). The
#: fields of that class (as this encoder names them) are the document's keys;
#: docs/json.md is generated from these classes (scripts/gen_json_reference.py).
KINDS: dict[str, tuple[str, bool]] = {
    "diff": ("erqi_diff.compare.diff:DiffResult", False),
    "sections": ("erqi_diff.compare.lineage:Lineage", False),
    "snapshot": ("erqi_diff.core.build_records:BuildResult", True),
    "snapshot-check": ("erqi_diff.core.build_records:YearStatus", True),
    "years": ("erqi_diff.core.build_records:YearInfo", True),
    "show": ("erqi_diff.core.snapshot:Snapshot", False),
    "init": ("erqi_diff.core.init:InitResult", False),
    "add": ("erqi_diff.core.init:Added", False),
    "slogans": ("erqi_diff.extract.slogans:Slogan", True),
    "trace": ("erqi_diff.extract.trace:Trace", False),
    "metrics": ("erqi_diff.extract.facts:Fact", True),
    "goals": ("erqi_diff.extract.links:Link", True),
    "targets": ("erqi_diff.extract.links:Link", True),
    "changelog": ("erqi_diff.summarize.changelog:Changelog", False),
    "reuse": ("erqi_diff.reuse.model:ReuseListing", False),
    "corpus-run": ("erqi_diff.corpus.stages:RunResult", False),
    "corpus-report": ("erqi_diff.corpus.report:CorpusReport", False),
}


def record_class(kind: str) -> type:
    """The class of the records of ``kind`` (see :data:`KINDS`)."""
    import importlib

    module, _, name = KINDS[kind][0].partition(":")
    return getattr(importlib.import_module(module), name)


def json_fields(cls: type) -> list[str]:
    """The keys this encoder gives an object of the dataclass ``cls``."""
    names = [f.metadata.get("json", f.name) for f in dataclasses.fields(cls)]
    return [n for n in names if n is not None] + list(getattr(cls, "__json_extra__", ()))


def schema_id(kind: str, version: int = 1) -> str:
    return f"erqi-diff/{kind}/{version}"


def to_data(obj: Any) -> Any:
    """``obj`` as plain JSON data (dicts, lists, str, numbers, bools, None)."""
    if obj is None or isinstance(obj, (bool, int, str)):
        return obj
    if isinstance(obj, float):
        return obj
    if isinstance(obj, enum.Enum):
        return to_data(obj.value)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return _dataclass(obj)
    if isinstance(obj, Mapping):
        return {_key(k): to_data(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_data(v) for v in obj]
    if isinstance(obj, (set, frozenset)):
        return sorted((to_data(v) for v in obj), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(obj, PurePath):
        return str(obj)
    raise TypeError(f"erqi-diff's JSON encoder does not know {type(obj).__name__}")


def _key(key: Any) -> str:
    if isinstance(key, enum.Enum):
        key = key.value
    return key if isinstance(key, str) else str(key)


def _dataclass(obj: Any) -> dict:
    out: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        name = f.metadata.get("json", f.name)
        if name is None:
            continue
        out[name] = to_data(getattr(obj, f.name))
    for prop in getattr(type(obj), "__json_extra__", ()):
        out[prop] = to_data(getattr(obj, prop))
    return out


def document(kind: str, payload: Any, version: int | None = None) -> dict:
    """The object a ``--json`` output prints: the schema first, then the
    payload's own fields (a payload that is not an object goes under ``kind``)."""
    data = to_data(payload)
    head = {"schema": schema_id(kind, version or SCHEMAS.get(kind, 1))}
    if isinstance(data, dict):
        return {**head, **data}
    return {**head, kind: data}


def dumps(kind: str, payload: Any, version: int | None = None) -> str:
    return json.dumps(document(kind, payload, version), ensure_ascii=False, indent=2)

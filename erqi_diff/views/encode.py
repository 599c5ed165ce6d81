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
    legacy = getattr(obj, "to_json", None)
    if callable(legacy):  # a shape not yet moved onto its dataclass's fields
        return to_data(legacy())
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

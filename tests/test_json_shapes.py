"""Every ``--json`` output carries its schema and has the keys of the
dataclass docs/json.md documents for it; docs/json.md is up to date."""

from __future__ import annotations

import dataclasses
import json
import runpy
import typing
from collections.abc import Mapping

import pytest
from click.testing import CliRunner

from conftest import REPO
from erqi_diff.cli import COMMANDS, cli
from erqi_diff.views.encode import KINDS, json_fields, record_class

# One run per kind on the seeds (the corpus kinds are checked in tests/test_corpus.py,
# init and add in tests/test_init.py).
RUNS = {
    "diff": ["2017", "2021"],
    "sections": ["sections"],
    "snapshot-check": ["snapshot", "--check"],
    "years": ["years"],
    "show": ["show", "2019"],
    "slogans": ["slogans"],
    "trace": ["trace", "三个二七"],
    "metrics": ["metrics"],
    "goals": ["goals"],
    "targets": ["targets"],
    "changelog": ["changelog", "2016", "2021"],
    "reuse": ["reuse"],
}


def _hints(cls: type) -> dict:
    import sys

    try:
        return typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))
    except Exception:  # a hint naming a type imported for type checking only
        return {}


def _check(value, cls: type, where: str) -> None:
    """``value`` (JSON data) has the keys of ``cls``, and so, one level down,
    has each nested record whose type the field's annotation names."""
    assert isinstance(value, dict), where
    assert list(value) == json_fields(cls), f"{where}: keys {list(value)} != {json_fields(cls)}"
    hints = _hints(cls)
    for f in dataclasses.fields(cls):
        key = f.metadata.get("json", f.name)
        if key is None or value.get(key) is None:
            continue
        hint = hints.get(f.name)
        inner = [a for a in typing.get_args(hint) if dataclasses.is_dataclass(a)] if hint else []
        if dataclasses.is_dataclass(hint):
            inner = [hint]
        if len(inner) != 1:
            continue
        item = value[key]
        origin = typing.get_origin(hint)
        if origin is not None and isinstance(origin, type) and issubclass(origin, Mapping):
            items = list(item.values())
        else:
            items = item if isinstance(item, list) else [item]
        for i, one in enumerate(items[:3]):
            assert isinstance(one, dict) and list(one) == json_fields(inner[0]), f"{where}.{key}[{i}]"


@pytest.mark.parametrize("kind", list(RUNS))
def test_json_has_its_schema_and_documented_keys(seeds_root, gwr_root, kind: str) -> None:
    root = gwr_root if kind == "targets" else seeds_root  # the seeds set no target of a known indicator
    result = CliRunner().invoke(cli, ["--root", str(root), *RUNS[kind], "--json"])
    assert result.exit_code in (0, 1), result.output
    data = json.loads(result.output)
    assert data.pop("schema") == f"erqi-diff/{kind}/1"
    cls, many = record_class(kind), KINDS[kind][1]
    if many:
        assert list(data) == [kind]
        assert isinstance(data[kind], list) and data[kind], kind
        for i, record in enumerate(data[kind][:20]):
            _check(record, cls, f"{kind}[{i}]")
    else:
        _check(data, cls, kind)


def test_every_json_kind_is_registered_and_run() -> None:
    """Each kind a command prints is in the registry (and so in docs/json.md)."""
    import re

    printed = set()
    for module in {m for m, _, _ in COMMANDS.values()}:
        path = REPO / (module.replace(".", "/") + ".py")
        printed |= set(re.findall(r'(?:emit_json|_links_out)\("([\w-]+)"', path.read_text(encoding="utf-8")))
        printed |= set(re.findall(r'dumps\("([\w-]+)"', path.read_text(encoding="utf-8")))
    assert printed == set(KINDS), printed ^ set(KINDS)
    assert set(RUNS) | {"snapshot", "init", "add", "corpus-run", "corpus-report"} == set(KINDS)


def test_the_json_reference_is_up_to_date() -> None:
    gen = runpy.run_path(str(REPO / "scripts" / "gen_json_reference.py"))
    current = (REPO / "docs" / "json.md").read_text(encoding="utf-8")
    assert current == gen["reference"](), "docs/json.md is stale: run python scripts/gen_json_reference.py"

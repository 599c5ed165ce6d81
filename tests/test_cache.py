"""The cache of derived results: a hit gives the computed value, and any
change of input or of the computing code is a miss."""

from __future__ import annotations

import json

from erqi_diff.core.cache import cached_json


def test_hit_miss_and_invalidation(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ERQI_DIFF_CACHE", str(tmp_path))
    calls = []

    def compute(value):
        def run():
            calls.append(value)
            return {"value": value, "text": "二七区"}
        return run

    assert cached_json("t", ["正文"], ["extract/numbers.py"], compute(1)) == {"value": 1, "text": "二七区"}
    assert cached_json("t", ["正文"], ["extract/numbers.py"], compute(2)) == {"value": 1, "text": "二七区"}
    assert calls == [1]
    assert cached_json("t", ["正文改了"], ["extract/numbers.py"], compute(3))["value"] == 3
    assert cached_json("t", ["正文"], ["extract/metrics.py"], compute(4))["value"] == 4
    files = list((tmp_path / "t").glob("*.json"))
    assert len(files) == 3 and all(json.loads(f.read_text(encoding="utf-8"))["value"]["text"] == "二七区" for f in files)


def test_off_and_unwritable(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ERQI_DIFF_CACHE", "off")
    calls = []
    for _ in range(2):
        cached_json("t", ["x"], ["extract/numbers.py"], lambda: calls.append(1) or 1)
    assert calls == [1, 1]
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ERQI_DIFF_CACHE", str(blocker))
    assert cached_json("t", ["x"], ["extract/numbers.py"], lambda: 7) == 7


def test_corrupt_entry_is_recomputed(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("ERQI_DIFF_CACHE", str(tmp_path))
    cached_json("t", ["x"], ["extract/numbers.py"], lambda: 1)
    (entry,) = (tmp_path / "t").glob("*.json")
    entry.write_text("{half", encoding="utf-8")
    assert cached_json("t", ["x"], ["extract/numbers.py"], lambda: 2) == 2


def test_entries_are_written_without_waiting_for_the_disk(tmp_path, monkeypatch) -> None:
    """An entry is renamed into place but not fsynced (a lost one is a miss);
    other atomic writes still are."""
    import os

    from erqi_diff.core.fsutil import atomic_write_text

    synced: list[int] = []
    monkeypatch.setattr(os, "fsync", synced.append)
    monkeypatch.setenv("ERQI_DIFF_CACHE", str(tmp_path))
    assert cached_json("t", ["x"], ["extract/numbers.py"], lambda: 1) == 1
    assert cached_json("t", ["x"], ["extract/numbers.py"], lambda: 2) == 1
    assert synced == [] and not list((tmp_path / "t").glob(".*.tmp"))
    atomic_write_text(tmp_path / "kept.txt", "二七区")
    assert len(synced) == 1 and (tmp_path / "kept.txt").read_text(encoding="utf-8") == "二七区"


def test_diff_strip_is_the_same_cached_or_not(seeds_project, monkeypatch, tmp_path) -> None:
    from erqi_diff.compare.diff import compare
    from erqi_diff.core.snapshot import load

    a, b = load(seeds_project, 2017), load(seeds_project, 2021)
    monkeypatch.setenv("ERQI_DIFF_CACHE", "off")
    fresh = compare(a, b).strip
    monkeypatch.setenv("ERQI_DIFF_CACHE", str(tmp_path))
    first = compare(a, b).strip
    second = compare(a, b).strip
    assert fresh == first == second
    assert fresh["slogans_added"] and fresh["metrics"]


def test_a_colliding_file_name_is_a_miss(tmp_path, monkeypatch) -> None:
    """Entries are found by a CRC of the key but must hold the very key."""
    monkeypatch.setenv("ERQI_DIFF_CACHE", str(tmp_path))
    cached_json("t", ["甲"], ["extract/numbers.py"], lambda: "甲的值")
    (entry,) = (tmp_path / "t").glob("*.json")
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["key"][2] = ["乙"]  # another key stored under this name
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cached_json("t", ["甲"], ["extract/numbers.py"], lambda: "重算") == "重算"


def test_a_changed_module_is_a_miss(tmp_path, monkeypatch) -> None:
    import erqi_diff.core.cache as cache

    monkeypatch.setenv("ERQI_DIFF_CACHE", str(tmp_path))
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "m.py").write_text("x = 1\n")
    monkeypatch.setattr(cache, "_PACKAGE", package)
    assert cached_json("t", ["x"], ["m.py"], lambda: 1) == 1
    (package / "m.py").write_text("x = 22\n")
    assert cached_json("t", ["x"], ["m.py"], lambda: 2) == 2

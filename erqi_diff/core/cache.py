"""A small on-disk cache of derived results, keyed by content (as mypy or
pytest cache theirs).

Where: ``$ERQI_DIFF_CACHE``, else ``$XDG_CACHE_HOME/erqi-diff``, else
``~/.cache/erqi-diff``; ``ERQI_DIFF_CACHE=off`` turns it off. One JSON file a
value, written atomically. A key mixes the erqi-diff version, the modules
that compute the value (size and modification time) and the inputs
(snapshot bodies), so an edited snapshot or a changed extractor is a miss,
never a stale hit. A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from collections.abc import Callable, Iterable

from erqi_diff import __version__

_PACKAGE = Path(__file__).resolve().parent.parent


def cache_dir() -> Path | None:
    setting = os.environ.get("ERQI_DIFF_CACHE")
    if setting is not None:
        return None if setting.strip().lower() in ("", "0", "off", "no", "false") else Path(setting)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "erqi-diff"


#: ``modules`` for a value that any of erqi-diff's code may change (a whole view).
WHOLE_PACKAGE = ["*"]
_SOURCES = (".py", ".toml", ".css", ".js", ".tcss")


def package_files() -> list[str]:
    """Every source and data file of the package, relative to it, sorted."""
    found: list[str] = []
    for folder, dirs, files in os.walk(_PACKAGE):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "__pycache__")))
        rel = os.path.relpath(folder, _PACKAGE)
        found.extend(os.path.normpath(os.path.join(rel, f)) for f in files if f.endswith(_SOURCES))
    return sorted(found)


def cached_json(kind: str, inputs: list[str], modules: list[str], compute: Callable[[], Any]) -> Any:
    """``compute()`` (a JSON-able value), or its cached value for the same
    ``inputs`` and the same ``modules`` (file names in the package, known by
    size and modification time, as Python knows its byte code;
    :data:`WHOLE_PACKAGE` for all of them).

    The entry's file is named by a CRC of the key and holds the whole key,
    which a hit must match exactly: a CRC collision is a miss, never a wrong
    value. A long input (a report's body) stands in the key as its 256-bit
    BLAKE2b digest and length (from the built-in ``_blake2``: importing
    hashlib would load OpenSSL, which costs more than the cache saves on
    the diff path)."""
    folder = cache_dir()
    if folder is None:
        return compute()
    import zlib

    try:
        names = package_files() if modules == WHOLE_PACKAGE else modules
        root = str(_PACKAGE)  # os.stat of strings: 141 Path objects cost a millisecond on the diff's first run
        stamps = [[name, *_stat(os.path.join(root, name))] for name in names]
    except OSError:
        return compute()
    key = [__version__, stamps, [_short(text) for text in inputs]]
    blob = json.dumps(key, ensure_ascii=False).encode("utf-8")
    path = folder / kind / f"{zlib.crc32(blob):08x}-{len(blob):x}.json"
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        if entry.get("key") == key:
            return entry["value"]
    except (OSError, ValueError, AttributeError, KeyError):
        pass
    value = compute()
    try:
        from erqi_diff.core.fsutil import atomic_write_text

        path.parent.mkdir(parents=True, exist_ok=True)
        # no fsync: an entry lost or torn in a crash is a miss (its key must match in full)
        atomic_write_text(path, json.dumps({"key": key, "value": value}, ensure_ascii=False), durable=False)
    except Exception:  # a read-only or full disk only costs the speed-up
        pass
    return value


#: Inputs longer than this are keyed by their BLAKE2b digest, not their text:
#: a report's body would otherwise be written into, and read back from, every entry.
_LONG = 4096


def _short(text: str) -> str:
    return text if len(text) <= _LONG else digest(text.encode("utf-8", "surrogatepass"))


def digest(data: bytes) -> str:
    """``data`` as a key input: its 256-bit BLAKE2b digest and length."""
    return digest_chunks((data,))


def files_digest(files: Iterable[tuple[str, str]]) -> str:
    """The digest of the content of ``files`` ((name, path) pairs, in order):
    each as ``b"<name>:<length>:<content>"``, joined by NUL; a file that
    cannot be read counts as empty. What derived files are keyed by (the
    code that made them), known by content so that a clone keeps them valid."""
    def chunks():
        for i, (name, path) in enumerate(files):
            try:
                with open(path, "rb") as fh:  # not pathlib: this is on the diff's hot path
                    data = fh.read()
            except OSError:
                data = b""
            yield (b"\0" if i else b"") + f"{name}:{len(data)}:".encode()
            yield data

    return digest_chunks(chunks())


def snapshot_digest(snap) -> str:
    """The digest of what is computed from a snapshot: its year, date and body."""
    return digest(json.dumps([snap.year, snap.date, snap.body], ensure_ascii=False).encode("utf-8", "surrogatepass"))


def digest_chunks(chunks: Iterable[bytes]) -> str:
    """:func:`digest` of the chunks joined, without joining them (no copy of a large input)."""
    try:
        from _blake2 import blake2b  # built in: importing hashlib would load OpenSSL
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    state, length = blake2b(digest_size=32), 0
    for chunk in chunks:
        state.update(chunk)
        length += len(chunk)
    return f"blake2b-256:{state.hexdigest()}:{length}"


def _stat(path: str) -> list[int]:
    info = os.stat(path)
    return [info.st_size, info.st_mtime_ns]

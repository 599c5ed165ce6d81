"""Reading raw reports: bytes to text, with a clear error for what cannot be read.

Order of attempts: the manifest's ``encoding`` if given; else a BOM (UTF-8,
UTF-16 LE/BE); else UTF-8; else GB18030. Empty files, files with NUL bytes
(binary) and text no encoding decodes raise :class:`SeedError` naming the file.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from erqi_diff.errors import ErqiError, SeedError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode the raw bytes of report ``name`` (used in error messages)."""
    if not data.strip():
        raise SeedError(f"{name} is empty: put the report's text in it or remove it from the manifest")
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise SeedError(f"{name}: unknown encoding {encoding!r} in the manifest") from None
        try:
            return _check_text(data.decode(encoding), name)
        except UnicodeDecodeError as exc:
            raise SeedError(
                f"{name} is not valid {encoding} (byte {exc.start}): fix the manifest's encoding") from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec), name)
            except UnicodeDecodeError:
                raise SeedError(f"{name} starts with a {codec} byte-order mark but does not decode") from None
    if b"\x00" in data:
        raise SeedError(f"{name} looks binary (it holds NUL bytes): it must be a text file")
    for codec in ("utf-8", "gb18030"):
        try:
            return _check_text(data.decode(codec), name)
        except UnicodeDecodeError:
            continue
    raise SeedError(
        f"{name} is neither UTF-8 nor GB18030: set `encoding` for it in seeds/manifest.toml")


def _check_text(text: str, name: str) -> str:
    text = text.lstrip("\ufeff")
    if "\x00" in text:
        raise SeedError(f"{name} looks binary (it holds NUL characters): it must be a text file")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    if controls > max(8, len(text) // 100):
        raise SeedError(f"{name} looks binary ({controls} control characters): it must be a text file")
    if not text.strip():
        raise SeedError(f"{name} is empty: put the report's text in it or remove it from the manifest")
    return text


def read_bytes(path: Path, name: str, missing: str, error: type[ErqiError] = SeedError) -> bytes:
    """The bytes of ``path``; ``error`` naming ``name`` when it cannot be read
    (``missing`` says what to do when it does not exist)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"{name} {missing}") from None
    except IsADirectoryError:
        raise error(f"{name} is a folder, not a file") from None
    except OSError as exc:
        raise error(f"{name} cannot be read: {exc.strerror}") from None

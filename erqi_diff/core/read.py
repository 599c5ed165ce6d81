"""Reading raw reports: bytes to text, with a clear error for what cannot be read.

Order of attempts: the manifest's ``encoding`` if given; else a BOM (UTF-8,
UTF-16 LE/BE); else UTF-8; else GB18030. Empty files, files with NUL bytes
(binary) and text no encoding decodes raise :class:`SeedError` naming the file.

GB18030 decodes almost any byte string, so a guessed GB18030 text is also
checked for sense: Big5 (or another double-byte encoding) read as GB18030
comes out as a mix of Chinese characters with kana, Greek, Cyrillic, box
drawing and private-use characters, which real report text has next to none
of. Such text is refused with the encoding to set in the manifest.
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
    try:
        return _check_text(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    try:
        text = _check_text(data.decode("gb18030"), name)
    except UnicodeDecodeError:
        raise SeedError(
            f"{name} is neither UTF-8 nor GB18030: set `encoding` for it in seeds/manifest.toml") from None
    share = nonsense_share(text)
    if share > NONSENSE_MAX:
        guess = next((codec for codec in ("big5", "shift_jis", "euc_kr") if _decodes_to_sense(data, codec)), None)
        fix = (f'it looks like {guess.replace("_", "-").upper()}: set `encoding = "{guess}"` for it in seeds/manifest.toml'
               if guess else "set its `encoding` in seeds/manifest.toml")
        raise SeedError(f"{name} decodes as GB18030 but reads as nonsense ({share:.0%} of its characters are "
                        f"kana, Greek, Cyrillic, box drawing or private-use): {fix}")
    return text


#: Highest share of :func:`nonsense_share` characters a GB18030 guess may hold.
NONSENSE_MAX = 0.08
_NONSENSE = ((0x0370, 0x03FF), (0x0400, 0x04FF), (0x2500, 0x257F), (0x3040, 0x30FF), (0x3100, 0x312F),
             (0xE000, 0xF8FF))


def nonsense_share(text: str) -> float:
    """Share of the non-ASCII characters of ``text`` that Chinese report text
    hardly ever holds (Greek, Cyrillic, box drawing, kana, bopomofo, private
    use): near 0 in real text, a third or more in Big5 read as GB18030."""
    wide = [ord(ch) for ch in text if ord(ch) > 0x7F and not ch.isspace()]
    if len(wide) < 20:
        return 0.0
    odd = sum(1 for code in wide if any(lo <= code <= hi for lo, hi in _NONSENSE))
    return odd / len(wide)


def _decodes_to_sense(data: bytes, codec: str) -> bool:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return False
    return nonsense_share(text) <= NONSENSE_MAX and sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") > 10


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
    import errno
    import stat

    try:
        info = path.stat()  # follows links: a loop or a dangling link fails here
        if stat.S_ISDIR(info.st_mode):
            raise error(f"{name} is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{name} is {_kind(info.st_mode)}, not a regular file: put the text in a plain file")
        return path.read_bytes()
    except FileNotFoundError:
        if path.is_symlink():
            raise error(f"{name} is a symbolic link to a file that does not exist: fix or replace the link") from None
        raise error(f"{name} {missing}") from None
    except IsADirectoryError:
        raise error(f"{name} is a folder, not a file") from None
    except NotADirectoryError:
        raise error(f"{name} cannot be read: a folder on its path is a file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise error(f"{name} is a symbolic link that loops (it leads back to itself): "
                        "replace it with the file it should point to") from None
        raise error(f"{name} cannot be read: {exc.strerror or exc}") from None


def _kind(mode: int) -> str:
    import stat

    for test, what in ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return what
    return "not a regular file"

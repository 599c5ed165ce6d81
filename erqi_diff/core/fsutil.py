"""Atomic file writes: a temp file in the same folder, fsync, then rename.

An interrupted run leaves either the old file or the new one, never half of
one (a killed run may leave its ``.NAME.*.tmp`` file, which ``snapshot``
removes next time). A file whose loss costs nothing may skip the fsync
(``durable=False``), which waits for the disk (a few milliseconds a file,
more on a busy disk): a cache entry lost or torn in a crash is read as a
miss. The file gets the mode a plain ``open(path, "w")`` would give it: an
existing file keeps its mode, a new one gets 0666 less the umask (the temp
file is made 0600, then set). Errors become :class:`OutputError` naming the
path.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from erqi_diff.errors import OutputError


def atomic_write_bytes(path: Path | str, data: bytes, durable: bool = True) -> None:
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise OutputError(f"cannot write {path}: folder {folder} does not exist")
    try:
        fd, tmp = _temporary(path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
        raise


def _temporary(path: Path) -> tuple[int, str]:
    """A new file ``.NAME.<random>.tmp`` beside ``path``, open for writing and
    readable by its owner alone, as :func:`tempfile.mkstemp` makes one (not
    imported: shutil, bz2, lzma and random would come with it, ~2 ms)."""
    while True:
        tmp = str(path.with_name(f".{path.name}.{os.urandom(6).hex()}.tmp"))
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), tmp
        except FileExistsError:
            continue


def _mode_for(path: Path) -> int:
    """The permission bits ``open(path, "w")`` would leave ``path`` with."""
    import stat

    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path | str, text: str, durable: bool = True) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), durable)

"""Every bad input and hostile environment of issue 11: exit 2 and a message
naming the file or the problem and what to do (Ctrl-C: 130), no traceback,
nothing lost."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from erqi_diff.cli import cli as main
from erqi_diff.core import snapshot as store
from erqi_diff.core.project import load_project
from erqi_diff.core.read import decode, nonsense_share
from erqi_diff.errors import SeedError

from conftest import REPO, make_project

SEED = REPO / "seeds" / "000_316189b98bfa6228.txt"
OTHER = REPO / "seeds" / "004_4bf64f3dfd69d62e.txt"


def run(root: Path, *args: str, **kwargs):
    result = CliRunner().invoke(main, ["--root", str(root), *args], **kwargs)
    assert "Traceback" not in result.output
    return result


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, {2017: SEED, 2021: OTHER})


def _replace_seed(project: Path, make) -> Path:
    """Replace the 2017 seed by what ``make(path)`` puts there."""
    path = project / "seeds" / SEED.name
    path.unlink()
    make(path)
    return path


def _snapshots_untouched(project: Path, before: dict[str, bytes]) -> None:
    assert {p.name: p.read_bytes() for p in (project / "snapshots").iterdir()} == before


def _files(project: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (project / "snapshots").iterdir()}


# --- seeds that are not regular files ----------------------------------------------------

def test_a_seed_that_is_a_symlink_loop(project) -> None:
    before = _files(project)
    link = _replace_seed(project, lambda p: os.symlink(p.name, p))
    assert link.is_symlink()
    for args in (["snapshot"], ["snapshot", "--check"], ["years"]):
        result = run(project, *args)
        assert result.exit_code == 2, (args, result.output)
        assert SEED.name in result.output and "loops" in result.output
    _snapshots_untouched(project, before)


@pytest.mark.slow  # a child process each
def test_a_seed_that_is_a_fifo_is_refused_not_waited_on(project) -> None:
    before = _files(project)
    _replace_seed(project, lambda p: os.mkfifo(p))
    # in a child process with a timeout: a hang would otherwise hang the suite
    code = ("import sys; from erqi_diff.cli import main; main(['--root', sys.argv[1], 'snapshot'])")
    proc = subprocess.run([sys.executable, "-c", code, str(project)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert SEED.name in proc.stderr and "named pipe (FIFO)" in proc.stderr and "regular file" in proc.stderr
    assert "Traceback" not in proc.stderr
    result = run(project, "snapshot", "--check")  # the status of a FIFO seed: read nothing, say stale
    assert result.exit_code == 1 and "seed changed" in result.output
    _snapshots_untouched(project, before)


def test_a_dangling_symlink_seed(project) -> None:
    _replace_seed(project, lambda p: os.symlink("nowhere.txt", p))
    result = run(project, "snapshot")
    assert result.exit_code == 2 and "symbolic link to a file that does not exist" in result.output


# --- the snapshots folder ----------------------------------------------------------------

@pytest.mark.parametrize("args", [["snapshot"], ["snapshot", "--check"], ["years"], ["show", "2017"], ["2017", "2021"]])
def test_snapshots_that_is_a_file(tmp_path, args) -> None:
    root = make_project(tmp_path, {2017: SEED, 2021: OTHER}, build=False)
    (root / "snapshots").write_text("not a folder", encoding="utf-8")
    result = run(root, *args)
    assert result.exit_code == 2, result.output
    assert "snapshots is a file, not a folder" in result.output and "move or rename" in result.output
    assert (root / "snapshots").read_text(encoding="utf-8") == "not a folder"


def test_stale_temporary_files_are_removed_by_the_next_snapshot(project) -> None:
    folder = project / "snapshots"
    stale = [folder / ".2017.md.k2j3h4.tmp", folder / ".2021.md.abc_12.tmp"]
    for path in stale:
        path.write_text("half a snapshot", encoding="utf-8")
    keep = [folder / "notes.tmp", folder / ".2017.md.bak", folder / "2017.md"]
    (folder / "notes.tmp").write_text("mine", encoding="utf-8")
    (folder / ".2017.md.bak").write_text("mine", encoding="utf-8")
    result = run(project, "snapshot")
    assert result.exit_code == 0, result.output
    assert not any(p.exists() for p in stale)
    assert all(p.exists() for p in keep)


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_files_get_the_users_usual_mode(tmp_path, umask) -> None:
    old = os.umask(umask)
    try:
        root = make_project(tmp_path, {2017: SEED, 2021: OTHER})
        changelog = tmp_path / "CHANGELOG.md"
        assert run(root, "changelog", "2017", "2021", "-o", str(changelog)).exit_code == 0
        written = [root / "snapshots" / "2017.md", root / "snapshots" / "2021.md", changelog]
        for path in written:
            assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask, path
        # an existing file keeps the mode its owner gave it, as with open(path, "w")
        changelog.chmod(0o640)
        assert run(root, "changelog", "2017", "2021", "-o", str(changelog)).exit_code == 0
        assert stat.S_IMODE(changelog.stat().st_mode) == 0o640
    finally:
        os.umask(old)


# --- encodings ---------------------------------------------------------------------------

def _big5(text: str) -> bytes:
    import opencc

    return opencc.OpenCC("s2t").convert(text).encode("big5", errors="replace")


@pytest.mark.parametrize("seed", sorted((REPO / "seeds").glob("*.txt")), ids=lambda p: p.name)
def test_a_big5_seed_without_encoding_is_stopped(seed: Path) -> None:
    data = _big5(seed.read_text(encoding="utf-8"))
    with pytest.raises(SeedError, match=r'reads as nonsense.*set `encoding = "big5"`'):
        decode(data, f"seeds/{seed.name}")
    # with the encoding given it reads (and normalizes back to the simplified text)
    assert "二七" in decode(data, f"seeds/{seed.name}", "big5")


@pytest.mark.parametrize("path", [*sorted((REPO / "seeds").glob("*.txt")),
                                  *sorted((REPO.parent / "shared" / "corpora" / "gwr").glob("*.txt"))],
                         ids=lambda p: p.name)
def test_real_reports_in_gb18030_read_as_sense(path: Path) -> None:
    """The check never stops a real report, simplified or traditional."""
    import opencc

    text = path.read_text(encoding="utf-8")
    for variant in (text, opencc.OpenCC("s2t").convert(text)):
        assert nonsense_share(variant) < 0.01
        assert decode(variant.encode("gb18030"), path.name).strip() == variant.replace("\ufeff", "").strip()


def test_big5_seed_in_a_project_exit_2_and_nothing_written(project) -> None:
    before = _files(project)
    path = project / "seeds" / SEED.name
    path.write_bytes(_big5(SEED.read_text(encoding="utf-8")))
    result = run(project, "snapshot")
    assert result.exit_code == 2
    assert SEED.name in result.output and 'encoding = "big5"' in result.output
    _snapshots_untouched(project, before)


# --- the output: encodings, closed, pipes, Ctrl-C ----------------------------------------------

def _cli(args: list[str], env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    code = "import sys; from erqi_diff.cli import main; main(sys.argv[1:])"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True,
                          env={**os.environ, **(env or {})}, timeout=120, **kwargs)


@pytest.mark.slow  # a child process each
@pytest.mark.parametrize("args", [["2017", "2021", "-y"], ["show", "2017"], ["slogans"], ["show", "2017", "--json"],
                                  ["changelog", "2017", "2021"]])
def test_an_output_that_cannot_encode_chinese(args) -> None:
    proc = _cli(["--root", str(REPO), *args], env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 2, proc.stderr
    err = proc.stderr.decode("ascii")
    assert "cannot write Chinese" in err and "PYTHONIOENCODING=utf-8" in err and "Traceback" not in err
    assert proc.stdout == b""


@pytest.mark.slow  # a child process each
def test_a_closed_stdout() -> None:
    code = "import sys; from erqi_diff.cli import main; main(sys.argv[1:])"
    proc = subprocess.run(["sh", "-c", '"$0" -c "$1" --root "$2" 2017 2021 >&-', sys.executable, code, str(REPO)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "standard output is closed" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.slow  # a child process each
def test_a_reader_that_goes_away() -> None:
    """`erqi-diff show 2017 | head -1`: exit 141 as git does, no message."""
    code = "import sys; from erqi_diff.cli import main; main(sys.argv[1:])"
    proc = subprocess.run(["bash", "-c", '"$0" -c "$1" --root "$2" show 2016 | head -c 10 >/dev/null; '
                           'echo "${PIPESTATUS[0]}"', sys.executable, code, str(REPO)],
                          capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip() in ("0", "141")  # 0: all written before head closed the pipe
    assert proc.stderr == ""


def test_ctrl_c_exits_130_without_aborted(monkeypatch) -> None:
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    # the project is read by every command (a finished view may come from the cache)
    monkeypatch.setattr("erqi_diff.cli.common.load_project", interrupted)
    result = CliRunner().invoke(main, ["--root", str(REPO), "2017", "2021"])
    assert result.exit_code == 130
    assert "Aborted" not in result.output


@pytest.mark.slow  # a child process each
def test_ctrl_c_on_a_real_process() -> None:
    """SIGINT while the process runs: 130 and no traceback, whenever it lands."""
    import signal
    import time

    # the signal is sent once Python has started and imported the CLI (before
    # that, Python's own start-up takes it)
    code = ("import sys; from erqi_diff.cli import main; print('ready', file=sys.stderr, flush=True); "
            "main(sys.argv[1:])")
    for delay in (0.05, 0.15, 0.3):
        proc = subprocess.Popen([sys.executable, "-c", code, "--root", str(REPO), "2016", "2021"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                env={**os.environ, "ERQI_DIFF_CACHE": "off"})
        assert proc.stderr is not None and proc.stderr.readline() == "ready\n"
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
        assert proc.returncode in (0, 130), err  # 0: it had finished
        assert "Traceback" not in err and "Aborted" not in err


def test_snapshot_command_is_atomic_when_interrupted(project, monkeypatch) -> None:
    """A Ctrl-C while writing leaves the old file, no temporary file, exit 130."""
    before = _files(project)
    import erqi_diff.core.fsutil as fsutil

    real = os.replace

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    (project / "seeds" / SEED.name).write_bytes(OTHER.read_bytes())  # something to write
    monkeypatch.setattr(fsutil.os, "replace", interrupted)
    result = CliRunner().invoke(main, ["--root", str(project), "snapshot"])
    monkeypatch.setattr(fsutil.os, "replace", real)
    assert result.exit_code == 130
    _snapshots_untouched(project, before)


def test_years_on_a_project_whose_seed_is_missing_still_lists(project) -> None:
    (project / "seeds" / SEED.name).unlink()
    result = run(project, "years")
    assert result.exit_code == 0 and "stale" in result.output
    assert store.status(load_project(project), load_project(project).report(2017)).reason == "seed changed"


def test_ctrl_c_inside_the_import_machinery_is_delivered_again(monkeypatch) -> None:
    """A Ctrl-C that lands in Python's import machinery (where a weak-reference
    callback would print it as "Exception ignored" and run on) is put off by a
    timer; anywhere else it raises KeyboardInterrupt at once."""
    import signal
    import types

    from erqi_diff.cli import RETRY_INTERRUPT, _catch_interrupts

    timers: list[float] = []
    monkeypatch.setattr(signal, "setitimer", lambda which, seconds: timers.append(seconds))
    saved = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGALRM)
    try:
        _catch_interrupts()
        handler = signal.getsignal(signal.SIGINT)
        assert signal.getsignal(signal.SIGALRM) is handler and callable(handler)

        def frame(filename: str, back=None):
            return types.SimpleNamespace(f_code=types.SimpleNamespace(co_filename=filename), f_back=back)

        handler(signal.SIGINT, frame("<frozen importlib._bootstrap>", frame(__file__)))
        assert timers == [RETRY_INTERRUPT]
        handler(signal.SIGALRM, frame(__file__, frame("<frozen importlib._bootstrap>")))  # a module being imported
        assert timers == [RETRY_INTERRUPT] * 2
        with pytest.raises(KeyboardInterrupt):
            handler(signal.SIGINT, frame(__file__, frame("<frozen runpy>")))
        assert len(timers) == 2
    finally:
        signal.signal(signal.SIGINT, saved[0])
        signal.signal(signal.SIGALRM, saved[1])

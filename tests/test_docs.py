"""The docs match the tool: every command has help, every option of every
command is named in the README, and the README's quick start is what CI runs."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from erqi_diff.cli import COMMANDS, cli as main

from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
# The README and the guides it links (docs/): together they name every command and option.
DOCS = README + "".join(p.read_text(encoding="utf-8") for p in sorted((REPO / "docs").glob("*.md")))


def _commands():
    ctx = click.Context(main)
    for name in COMMANDS:
        command = main.get_command(ctx, name)
        yield name, command
        if isinstance(command, click.Group):
            for sub in command.list_commands(ctx):
                yield f"{name} {sub}", command.get_command(ctx, sub)


ALL = list(_commands())


@pytest.mark.parametrize("name, command", ALL, ids=[n for n, _ in ALL])
def test_every_command_has_help(name: str, command: click.Command) -> None:
    assert command is not None, name
    result = CliRunner().invoke(main, [*name.split(), "--help"])
    assert result.exit_code == 0, result.output
    assert (command.help or "").strip(), f"{name} has no help text"
    assert "Usage:" in result.output


@pytest.mark.parametrize("name, command", ALL, ids=[n for n, _ in ALL])
def test_every_option_is_in_the_readme(name: str, command: click.Command) -> None:
    missing = []
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            longs = [o for o in param.opts if o.startswith("--")]
            if longs and not any(re.search(re.escape(o) + r"\b", DOCS) for o in longs) and "--help" not in longs:
                missing.append(longs[0])
    assert not missing, f"README does not mention {name} {missing}"


def test_every_command_is_in_the_readme() -> None:
    for name, _ in ALL:
        assert f"erqi-diff {name}" in DOCS, name


def test_quick_start_is_two_commands_and_ci_runs_the_test_one() -> None:
    block = re.search(r"## Quick start\s+```sh\n(.*?)```", README, re.S)
    assert block, "README must open with a quick start code block"
    lines = [ln for ln in block.group(1).splitlines() if ln.strip()]
    assert len(lines) == 2
    assert "erqi-diff 2017 2021" in lines[0]
    assert lines[1].strip() == "scripts/test"
    assert "pytest" in (REPO / "scripts" / "test").read_text(encoding="utf-8")
    ci = [ln.strip() for ln in (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert lines[1].strip() in ci


def _stub(folder, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)


@pytest.mark.parametrize("present, missing", [
    ((), ["chromium", "openjdk-17-jre-headless"]),
    (("chromium",), ["openjdk-17-jre-headless"]),
    (("chromium", "java"), []),
    (("chromium", "java", "no-venv"), ["python3-venv"]),
    (("no-venv",), ["chromium", "openjdk-17-jre-headless", "python3-venv"]),
])
def test_test_script_installs_what_is_missing(tmp_path, present, missing) -> None:
    """scripts/test on a machine without chromium or Java: it asks apt-get
    for exactly what is missing, then makes the venv, installs the test
    extras and runs pytest. (Every outside command is a stub that logs.)"""
    import os
    import shutil
    import subprocess

    bin_ = tmp_path / "bin"
    bin_.mkdir()
    log = tmp_path / "log"
    for tool in ("dirname", "cat", "rm"):
        os.symlink(shutil.which(tool), bin_ / tool)
    _stub(bin_, "id", "echo 0")
    ready = tmp_path / "venv-ready"  # Debian's Python makes venvs once python3-venv is in
    if "no-venv" not in present:
        ready.write_text("", encoding="utf-8")
    _stub(bin_, "apt-get", f'echo "apt-get $*" >> {log}; case "$*" in *python3-venv*) : > {ready};; esac')
    for tool in present:
        if tool != "no-venv":
            _stub(bin_, tool, "true")
    venv = tmp_path / "venv"
    _stub(bin_, "python3", f'echo "python3 $*" >> {log}; if [ "$1" = -m ] && [ "$2" = venv ]; then '
                           f'[ -f {ready} ] || exit 1; '
                           f'{shutil.which("mkdir")} -p "$3/bin" && {shutil.which("cp")} {bin_}/venvpython "$3/bin/python"; '
                           'fi; exit 0')
    _stub(bin_, "venvpython", f'echo "venv-python $*" >> {log}')
    env = {"PATH": str(bin_), "ERQI_VENV": str(venv), "HOME": str(tmp_path)}
    proc = subprocess.run(["/bin/bash", str(REPO / "scripts" / "test"), "-m", "not slow"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    calls = log.read_text(encoding="utf-8").splitlines()
    installs = [c for c in calls if c.startswith("apt-get install")]
    if missing:
        assert "apt-get update -qq" in calls
        assert len(installs) == 1 and sorted(installs[0].split()[-len(missing):]) == sorted(missing)
    else:
        assert not installs and "apt-get update -qq" not in calls
    assert f"python3 -m venv {venv}" in calls
    assert "venv-python -m pip install -q -e .[test]" in calls
    assert calls[-1] == "venv-python -m pytest -m not slow"


def test_help_lists_commands_without_importing_them() -> None:
    import subprocess
    import sys

    code = ("import sys; from click.testing import CliRunner; from erqi_diff.cli import cli; "
            "CliRunner().invoke(cli, ['--help']); "
            "print(sorted(m for m in sys.modules if m.startswith("
            "('erqi_diff.cli.', 'opencc', 'jieba', 'duckdb', 'pyspark', 'pygal'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['erqi_diff.cli.common']" or out.strip() == "[]", out


def test_cyclic_collector_is_on_for_corpus_scale_commands() -> None:
    """The CLI starts with the cyclic GC off (a faster start); commands that
    may run long over many documents switch it back on."""
    import subprocess
    import sys

    code = ("import gc; from erqi_diff.cli import main, LazyGroup\n"
            "seen = []\n"
            "orig = LazyGroup.invoke\n"
            "def spy(self, ctx):\n"
            "    try: return orig(self, ctx)\n"
            "    finally: seen.append(gc.isenabled())\n"
            "LazyGroup.invoke = spy\n"
            "for args in (['years', '--help'], ['reuse', '--help'], ['corpus', '--help']):\n"
            "    gc.disable()\n"
            "    try: main(args)\n"
            "    except SystemExit: pass\n"
            "print(seen)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[False, True, True]"


@pytest.mark.parametrize("package, args, extra", [
    ("pygal", ["report", "2016", "2021", "-o", "{tmp}/r.html"], "report"),
    ("duckdb", ["corpus", "run", "--in", "{tmp}/in.jsonl", "--out", "{tmp}/out"], "corpus"),
])
def test_a_missing_optional_package_is_a_clear_error(monkeypatch, tmp_path, package, args, extra) -> None:
    """Optional packages are imported only where used; without them the
    command says which extra to install (exit 2), no traceback."""
    import sys

    monkeypatch.setitem(sys.modules, package, None)  # import raises ModuleNotFoundError
    monkeypatch.setenv("ERQI_DIFF_CACHE", "off")
    (tmp_path / "in.jsonl").write_text(
        '{"id": "a", "year": 2020, "text": "全面推进乡村振兴，加快农业农村现代化。"}\n'
        '{"id": "b", "year": 2021, "text": "全面推进乡村振兴，加快农业农村现代化步伐。"}\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(REPO), *[a.format(tmp=tmp_path) for a in args]])
    assert result.exit_code == 2, result.output
    assert f"pip install 'erqi-diff[{extra}]'" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


def test_the_lexicon_example_of_the_docs_is_a_lexicon() -> None:
    """The slogans.toml example in docs/extract.md parses, with every top-level key it shows."""
    from erqi_diff.extract.lexicon import parse

    text = (REPO / "docs" / "extract.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```toml\n(.*?)```", text, re.S)
    lexicon = parse(block, "docs/extract.md")
    assert lexicon.exclude and lexicon.since and {e.name for e in lexicon.entries} >= {"放管服", "东城绿谷"}

"""The package's layout keeps its promises: the library never reaches into
the views or the CLI, and no module grows past a size a reader can hold."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "erqi_diff"
LIBRARY = ("core", "compare", "extract", "reuse", "corpus", "summarize")
MAX_LINES = 500


#: Entry points run as programs (``spark-submit erqi_diff/corpus/spark_main.py``):
#: command lines of their own, which print results as the CLI does.
ENTRY_POINTS = {"corpus/spark_main.py"}


def _modules(*packages: str) -> list[Path]:
    return sorted(p for name in packages for p in (PACKAGE / name).rglob("*.py")
                  if str(p.relative_to(PACKAGE)) not in ENTRY_POINTS)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("path", _modules(*LIBRARY), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_library_never_imports_views_or_cli(path: Path) -> None:
    bad = sorted(m for m in _imports(path) if m.startswith(("erqi_diff.views", "erqi_diff.cli")))
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}: results go to a view, views are not called"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_over_the_limit(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE)} has {lines} lines (limit {MAX_LINES}): split it by concept"


def test_views_do_not_import_the_cli() -> None:
    for path in _modules("views"):
        assert not any(m.startswith("erqi_diff.cli") for m in _imports(path)), path

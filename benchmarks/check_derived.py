"""Is the strip of ``erqi-diff A B`` the same with the derived files
(``snapshots/.derived``, :mod:`erqi_diff.extract.derived`) as computed from
the text? For every pair of snapshots of each project given, in a temporary
copy (the projects are not touched): the derived files are written there,
then the strip is computed with the cache off, once reading them and once
with them removed, and the two compared in full (slogans and metrics).
The same for the diffs stored (``diffs.json``, :mod:`erqi_diff.compare.stored`):
every pair's diff (and its ``--json``) read from the file and computed; and,
for every pair of the series (stored or not: a long series gets no file),
whether its stored form reads back equal to the diff computed.
Prints the pairs compared and every difference; exits 1 on any.

    python benchmarks/check_derived.py [ROOT ...]   (default: the repository's seeds)

e.g. ``python benchmarks/check_derived.py . /work/devsets/corpora/gwr /work/devsets/corpora/gwr-early``.
"""

from __future__ import annotations

import argparse
import itertools
import os
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def copy_project(root: Path, dest: Path) -> Path:
    """The project at ``root`` (its seeds, snapshots without derived files, and lexicon) copied under ``dest``."""
    for name in ("seeds", "snapshots"):
        if (root / name).is_dir():
            shutil.copytree(root / name, dest / name, ignore=shutil.ignore_patterns(".derived"))
    if (root / "slogans.toml").is_file():
        shutil.copyfile(root / "slogans.toml", dest / "slogans.toml")
    return dest


def check(root: Path) -> tuple[int, int, int, int, list[str]]:
    """(pairs compared, reports with a derived file used, pairs whose slogans the
    derived files hold (pairs.json), pairs whose diff they hold (diffs.json),
    differences) for the project at ``root``."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_available
    from erqi_diff.compare import stored as stored_diffs
    from erqi_diff.extract import derive, derived, pairstrip
    from erqi_diff.extract.strip import cached_strip

    with tempfile.TemporaryDirectory(prefix="erqi-derived-") as tmp:
        project = load_project(copy_project(root, Path(tmp)))
        derive.refresh(project)
        snaps = load_available(project, project.years)
        used = sum(derived.read(project, s) is not None for s in snaps)
        stored = sum(pairstrip.read(project, *pair) is not None for pair in pairstrip.chosen([s.year for s in snaps]))
        with_files = {(a.year, b.year): cached_strip(a, b, project) for a, b in itertools.combinations(snaps, 2)}
        diffs = {(a.year, b.year): _diff(a, b, project) for a, b in itertools.combinations(snaps, 2)}
        diffs_stored = sum(stored_diffs.read(project, a, b) is not None for a, b in itertools.combinations(snaps, 2))
        shutil.rmtree(project.snapshots_dir / derived.FOLDER)
        problems = []
        for a, b in itertools.combinations(snaps, 2):
            computed = cached_strip(a, b, project)
            if computed != with_files[a.year, b.year]:
                problems.append(f"{root.name or root}: {a.year} -> {b.year}: the strips differ")
            if _diff(a, b, project) != diffs[a.year, b.year]:
                problems.append(f"{root.name or root}: {a.year} -> {b.year}: the diffs differ")
        every = [(a.year, b.year) for a, b in itertools.combinations(snaps, 2)]
        kept = stored_diffs.compute(snaps, every)["pairs"]
        problems += [f"{root.name or root}: {x} -> {y}: the stored form does not read back"
                     for x, y in every if f"{x}-{y}" not in kept]
        return len(with_files), used, stored, diffs_stored, problems


def _diff(a, b, project) -> tuple:
    """The diff of ``a`` and ``b`` (with ``project``: from its stored diffs when current) and its --json."""
    from erqi_diff.compare.diff import compare
    from erqi_diff.views.encode import dumps

    result = compare(a, b, project=project, strip=False)
    return result, dumps("diff", result)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("roots", nargs="*", type=Path, default=[REPO])
    args = parser.parse_args()
    os.environ["ERQI_DIFF_CACHE"] = "off"  # every strip computed, none from the user's cache
    total, bad = 0, []
    for root in args.roots:
        pairs, used, stored, diffs, problems = check(root.resolve())
        total += pairs
        bad += problems
        print(f"{root}: {pairs} pairs, {used} derived files used, {stored} pairs' slogans stored, "
              f"{diffs} pairs' diffs stored, {len(problems)} differences")
    for line in bad:
        print("  " + line)
    print(f"all: {total} pairs, {len(bad)} differences")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

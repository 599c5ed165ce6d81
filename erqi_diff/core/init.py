"""Starting a series (``erqi-diff init``) and adding a report to it
(``erqi-diff add``): ``seeds/manifest.toml`` written from guesses
(:mod:`erqi_diff.core.guess`), each guess marked in the TOML.

``init DIR`` reads the raw reports in ``DIR/seeds/`` (or, when there is no
such folder yet, the files in ``DIR``, moved into a new ``DIR/seeds/``),
guesses each one's year, date and title, and writes the manifest for the
reports it could read and place: a file it cannot read, a year it cannot
guess, two files that look like the same year are each reported by name and
left out (``add FILE --year Y`` puts them in). It never overwrites a
manifest. Values come with a comment: where a sure value came from, or
``# guessed (likely|unsure): ...`` for the user to check; a date the text
does not give is written as the year's 1 January, marked ``# guessed (not
found)``, since the manifest needs one.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from erqi_diff.core.guess import Certainty, Guess, ReportGuess, guess_report
from erqi_diff.core.project import MANIFEST, parse_manifest
from erqi_diff.errors import ErqiError, ManifestError, ProjectNotFound, SeedError, UsageError

_NOT_REPORTS = {"manifest.toml", "readme", "readme.md", "readme.txt", "license", "license.txt"}
_RANK = {Certainty.SURE: 3, Certainty.LIKELY: 2, Certainty.UNSURE: 1, Certainty.NOT_FOUND: 0}


@dataclass(frozen=True)
class Problem:
    """A file ``init`` left out of the manifest, and why (what to do)."""

    file: str
    reason: str


@dataclass(frozen=True)
class InitResult:
    """What ``init`` did: the manifest written, the reports in it (oldest
    first), the files left out, and the files moved into seeds/."""

    manifest: str
    reports: tuple[ReportGuess, ...]
    problems: tuple[Problem, ...]
    moved: tuple[str, ...]


@dataclass(frozen=True)
class Added:
    """What ``add`` did: the ``report`` entry written (with what was guessed)
    and the name the file was copied as into seeds/ (``copied_to``; None when
    it was there already)."""

    report: ReportGuess
    copied_to: str | None


def candidate_files(folder: Path) -> list[Path]:
    """The files of ``folder`` that may be reports: not hidden, not the
    manifest, a README or a licence, not a backup; sorted by name."""
    files = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if name.startswith(".") or name.endswith("~") or name.lower() in _NOT_REPORTS or path.is_dir():
            continue
        files.append(path)
    return files


def read_report(path: Path, name: str, encoding: str | None = None) -> str:
    from erqi_diff.core.read import decode, read_bytes

    return decode(read_bytes(path, name, "does not exist"), name, encoding)


def init_series(root: Path | str) -> InitResult:
    """Write ``root/seeds/manifest.toml`` for the reports in ``root``."""
    root = Path(root)
    if not root.is_dir():
        raise UsageError(f"{root} is not a folder: give the folder that holds the reports")
    manifest = root / MANIFEST
    if manifest.exists():
        raise ManifestError(f"{manifest} already exists: init never overwrites a manifest; "
                            "add reports to it with `erqi-diff add FILE`")
    seeds = root / "seeds"
    if seeds.exists() and not seeds.is_dir():
        raise UsageError(f"{seeds} is a file, not a folder: move it away, then run init again")
    source = seeds if seeds.is_dir() else root
    files = candidate_files(source)
    if not files:
        raise UsageError(f"no report files in {source}: put the raw reports (text files) there, then run init again")
    guesses: list[ReportGuess] = []
    problems: list[Problem] = []
    for path in files:
        try:
            text = read_report(path, path.name)
        except ErqiError as exc:
            problems.append(Problem(path.name, str(exc)))
            continue
        guess = guess_report(path.name, text)
        if guess.year.value is None:
            problems.append(Problem(path.name, f"its year cannot be guessed (the file name and text give none): "
                                               f"add it with `erqi-diff add {path.name} --year YEAR`"))
            continue
        guesses.append(guess)
    kept = _one_per_year(guesses, problems)
    if not kept:
        listed = "; ".join(f"{p.file}: {p.reason}" for p in problems)
        raise SeedError(f"no report in {source} could be read and placed, so no manifest was written: {listed}")
    moved: list[str] = []
    if source is root:
        seeds.mkdir(exist_ok=True)
        for guess in kept:
            target = seeds / guess.file
            if target.exists():
                raise SeedError(f"seeds/{guess.file} already exists: move {guess.file} by hand")
            shutil.move(str(root / guess.file), str(target))
            moved.append(guess.file)
    from erqi_diff.core.fsutil import atomic_write_text

    text = _HEADER + "".join(render_entry(g) for g in kept)
    parse_check(text, manifest)
    atomic_write_text(manifest, text)
    return InitResult(str(manifest), tuple(kept), tuple(problems), tuple(moved))


def _one_per_year(guesses: list[ReportGuess], problems: list[Problem]) -> list[ReportGuess]:
    """One report per year: of files that look like the same year, the one
    guessed surest; when none is surer, none of them (each reported)."""
    by_year: dict[int, list[ReportGuess]] = {}
    for g in guesses:
        assert isinstance(g.year.value, int)
        by_year.setdefault(g.year.value, []).append(g)
    kept = []
    for year, group in sorted(by_year.items()):
        group.sort(key=lambda g: -_RANK[g.year.certainty])
        if len(group) == 1 or _RANK[group[0].year.certainty] > _RANK[group[1].year.certainty]:
            kept.append(group[0])
            rest = group[1:]
        else:
            rest = group
        names = ", ".join(g.file for g in group)
        for g in rest:
            problems.append(Problem(g.file, f"looks like {year} too ({names}): add the right one with "
                                            f"`erqi-diff add FILE --year {year}`, the other with its own year"))
    return kept


_HEADER = """\
# The series: one [[report]] table per raw report, written by `erqi-diff init`.
# year (int) the key every command uses; file (str) relative to this folder;
# date (str) ISO date of the meeting or publication; title (str);
# encoding (str, optional). Check every value marked "# guessed", then run
# `erqi-diff snapshot`.
"""


def _comment(guess: Guess) -> str:
    if guess.certainty is Certainty.SURE:
        return f"  # from {guess.source}"
    if guess.certainty is Certainty.NOT_FOUND:
        return "  # guessed (not found)"
    return f"  # guessed ({guess.certainty.value}): from {guess.source}"


def entry_values(guess: ReportGuess) -> tuple[int, str, str]:
    """The year, date and title written for ``guess`` (stand-ins for what
    was not found: 1 January of the year, the file's name)."""
    assert isinstance(guess.year.value, int)
    year = guess.year.value
    date = str(guess.date.value) if guess.date.value else f"{year}-01-01"
    title = str(guess.title.value) if guess.title.value else Path(guess.file).stem
    return year, date, title


def render_entry(guess: ReportGuess, given: frozenset[str] = frozenset()) -> str:
    """One ``[[report]]`` table; fields in ``given`` were set by the user
    (no comment)."""
    year, date, title = entry_values(guess)

    def note(name: str, g: Guess, fallback: str = "") -> str:
        if name in given:
            return ""
        if g.certainty is Certainty.NOT_FOUND:
            return f"  # guessed (not found): {fallback}"
        return _comment(g)

    lines = ["", "[[report]]",
             f"year = {year}{note('year', guess.year)}",
             f"file = {json.dumps(guess.file, ensure_ascii=False)}",
             f"date = {json.dumps(date)}{note('date', guess.date, 'the text gives no date; set the real one')}",
             f"title = {json.dumps(title, ensure_ascii=False)}"
             f"{note('title', guess.title, 'the file name stands in; set the real title')}"]
    if guess.encoding:
        lines.append(f"encoding = {json.dumps(guess.encoding)}")
    return "\n".join(lines) + "\n"


def parse_check(text: str, manifest: Path) -> None:
    """Parse ``text`` as ``manifest`` would be parsed (nothing is written
    when it would not load)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "seeds" / "manifest.toml"
        probe.parent.mkdir()
        probe.write_text(text, encoding="utf-8")
        try:
            parse_manifest(probe)
        except ManifestError as exc:
            raise ManifestError(str(exc).replace(str(probe), str(manifest))) from None


def add_report(root: Path | str, file: Path | str, year: int | None = None, date: str | None = None,
               title: str | None = None, encoding: str | None = None) -> tuple[ReportGuess, str | None]:
    """Add the report ``file`` to the manifest of the project at ``root``
    (copying it into seeds/ when it is elsewhere); guess what is not given.
    The guess and the name it was copied as (None when already in seeds/)."""
    import datetime as _dt

    root = Path(root)
    manifest = root / MANIFEST
    if not manifest.is_file():
        raise ProjectNotFound(f"{root} has no seeds/manifest.toml: start the series with `erqi-diff init`")
    reports = parse_manifest(manifest)
    path = Path(file)
    seeds = (root / "seeds").resolve()
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        raise SeedError(f"{path} is a symbolic link that loops: give the report file itself") from None
    inside = seeds in resolved.parents
    name = resolved.relative_to(seeds).as_posix() if inside else path.name
    text = read_report(resolved, str(path), encoding)
    if date is not None:
        try:
            _dt.date.fromisoformat(date)
        except ValueError:
            raise UsageError(f"--date must be an ISO date like 2024-03-05, not {date!r}") from None
    guess = guess_report(name, text, encoding)
    given = frozenset(k for k, v in (("year", year), ("date", date), ("title", title)) if v is not None)
    guess = ReportGuess(
        name,
        Guess(year, Certainty.SURE, "--year") if year is not None else guess.year,
        Guess(date, Certainty.SURE, "--date") if date is not None else guess.date,
        Guess(title, Certainty.SURE, "--title") if title is not None else guess.title,
        encoding)
    if guess.year.value is None:
        raise UsageError(f"the year of {path} cannot be guessed (the file name and text give none): "
                         "give it with --year YEAR")
    taken = {r.year: r.file for r in reports}
    if guess.year.value in taken:
        raise ManifestError(f"{manifest} already has a report for {guess.year.value} ({taken[guess.year.value]}); "
                            "give another year with --year, or edit the manifest")
    if any(r.file == name for r in reports):
        raise ManifestError(f"seeds/{name} is already in the manifest")
    copied = None
    if not inside:
        target = root / "seeds" / name
        if target.exists() and target.read_bytes() != resolved.read_bytes():
            raise SeedError(f"seeds/{name} already exists and differs from {path}: rename one of them")
        copied = f"seeds/{name}"
    from erqi_diff.core.fsutil import atomic_write_text

    new = manifest.read_text(encoding="utf-8").rstrip("\n") + "\n" + render_entry(guess, given)
    if copied:
        shutil.copyfile(resolved, root / "seeds" / name)
    try:
        parse_check(new, manifest)
    except ManifestError:
        if copied:
            (root / "seeds" / name).unlink()
        raise
    atomic_write_text(manifest, new)
    return guess, copied

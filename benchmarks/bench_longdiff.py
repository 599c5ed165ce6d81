"""A pair of 1,000,000-character reports against git's character word diff,
in one run: time and characters marked changed (issue 15). Prints figures;
asserts nothing.

The pair is made reproducibly from the national reports of
../shared/corpora/ (gwr-early, then gwr): all of them in order, then all of
them again with the sentences of each paragraph in reverse order, cut to
1,000,000 characters; the newer report is the older one edited with a
fixed random seed as a year's redrafting edits a report: a quarter of the
paragraphs touched (a phrase inserted, a figure changed, a clause dropped),
2% dropped, 2% added, 1% moved two to five paragraphs on, one heading in
twenty reworded.

1. ``git diff --no-index --word-diff=porcelain --word-diff-regex=.`` on the
   two snapshot bodies against ``compare()`` in this process and against
   ``erqi-diff diff --stat`` end to end (the view computed, its
   slogans/metrics strip taken from the cache; and again with the finished
   view from the cache, as on a repeated call): best of N wall times, and
   the characters each marks changed (the three timed in turn, best of
   N). Targets: time within 5x git's,
   changed characters within 1.3x git's.
2. The same reports on a single line each, cut to 2 MB: ``erqi-diff diff
   --stat`` end to end, first run (strip computed) and again (strip cached).
   Target: under 10 s.
3. Each pair of consecutive national reports: characters marked changed,
   ours against git's.

    python benchmarks/bench_longdiff.py [--runs 5] [--chars 1000000]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CORPORA

_SENTENCE = re.compile(r".*?(?:[。！？；]+[”’」』）)]*|$)")
_PHRASES = ["进一步", "全面", "着力", "切实", "加快", "持续", "大力", "稳步", "深入", "坚定不移地"]


def _reports() -> list[str]:
    return [p.read_text(encoding="utf-8") for name in ("gwr-early", "gwr")
            for p in sorted((CORPORA / name).glob("*.txt"))]


def _reversed_sentences(text: str) -> str:
    out = []
    for line in text.split("\n"):
        sentences = [s for s in _SENTENCE.findall(line) if s]
        out.append("".join(reversed(sentences)) if len(line) > 60 else line)
    return "\n".join(out)


def older_report(chars: int) -> str:
    """The older report: the national reports, then again with their
    sentences reversed, cut at the line end where it holds ``chars``
    characters (spaces aside)."""
    reports = _reports()
    text = "\n".join(reports) + "\n" + "\n".join(_reversed_sentences(r) for r in reports)
    while len(re.sub(r"\s", "", text)) < chars:
        text += "\n" + text
    lines, held = [], 0
    for line in text.split("\n"):
        if held >= chars:
            break
        lines.append(line)
        held += len(re.sub(r"\s", "", line))
    return "\n".join(lines) + "\n"


def _edit(line: str, rng: random.Random) -> str:
    for _ in range(rng.randint(1, 3)):
        roll = rng.random()
        k = rng.randrange(max(1, len(line) - 12))
        if roll < 0.4:  # a phrase inserted
            line = line[:k] + rng.choice(_PHRASES) + line[k:]
        elif roll < 0.7:  # a figure changed, or one put in
            figure = re.search(r"[0-9]+(?:\.[0-9]+)?", line[k:])
            new = str(rng.randint(2, 999))
            line = (line[:k + figure.start()] + new + line[k + figure.end():]) if figure else line[:k] + new + line[k:]
        else:  # a clause dropped
            end = line.find("，", k + 1)
            if end > k:
                line = line[:k] + line[end:]
    return line


def newer_report(older: str, seed: int = 15) -> str:
    """The older report redrafted (see the module doc), reproducibly."""
    rng = random.Random(seed)
    lines = older.split("\n")
    pool = [line for line in lines if len(line) > 60]
    out: list[str] = []
    for line in lines:
        if len(line) <= 60:  # a heading, an address, a blank line
            if line.strip() and rng.random() < 0.05:
                line = line[:len(line) // 2] + rng.choice(_PHRASES) + line[len(line) // 2:]
            out.append(line)
            continue
        roll = rng.random()
        if roll < 0.02:
            continue
        if roll < 0.27:
            line = _edit(line, rng)
        out.append(line)
        if rng.random() < 0.02:
            out.append(_edit(rng.choice(pool), rng))
    # 1% of the paragraphs moved two to five paragraphs on
    for k in range(len(out) - 1, -1, -1):
        if len(out[k]) > 60 and rng.random() < 0.01:
            line = out.pop(k)
            out.insert(min(len(out), k + rng.randint(2, 5)), line)
    return "\n".join(out)


def _project(root: Path, older: str, newer: str) -> Path:
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import build_all

    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    (seeds / "older.txt").write_text(older, encoding="utf-8")
    (seeds / "newer.txt").write_text(newer, encoding="utf-8")
    (seeds / "manifest.toml").write_text(
        '[[report]]\nyear = 2001\nfile = "older.txt"\ndate = "2001-03-05"\ntitle = "older"\n\n'
        '[[report]]\nyear = 2002\nfile = "newer.txt"\ndate = "2002-03-05"\ntitle = "newer"\n', encoding="utf-8")
    build_all(load_project(root))
    return root


def _best(fn, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def git_word_diff(a: Path, b: Path) -> str:
    proc = subprocess.run(["git", "diff", "--no-index", "--word-diff=porcelain", "--word-diff-regex=.", str(a), str(b)],
                          capture_output=True, text=True, encoding="utf-8")
    if proc.returncode not in (0, 1):
        raise RuntimeError(proc.stderr)
    return proc.stdout


def git_changed(porcelain: str) -> int:
    """Characters git marks removed or added (its porcelain lines starting - or +, headers aside)."""
    changed = 0
    body = porcelain.split("\n@@", 1)[1] if "\n@@" in porcelain else ""
    for line in body.split("\n"):
        if line[:1] in "+-" and not line.startswith(("+++ ", "--- ")):
            changed += len(line) - 1
    return changed


def long_pair(root: Path, chars: int, runs: int) -> None:
    from erqi_diff.compare.diff import compare
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    older = older_report(chars)
    newer = newer_report(older)
    project = load_project(_project(root, older, newer))
    a, b = load(project, 2001), load(project, 2002)
    bodies = root / "bodies"
    bodies.mkdir()
    (bodies / "older.md").write_text(a.body, encoding="utf-8")
    (bodies / "newer.md").write_text(b.body, encoding="utf-8")
    env = _cli_env(root)
    argv = [sys.executable, "-m", "erqi_diff", "--root", str(root), "diff", "2001", "2002", "--stat", "--no-pager"]
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)  # fills the strip's cache
    # interleaved, so that a busy moment of the machine weighs on all three alike
    times: dict[str, float] = {"git": float("inf"), "ours": float("inf"), "cli": float("inf"), "cached": float("inf")}
    jobs = {"git": lambda: git_word_diff(bodies / "older.md", bodies / "newer.md"),
            "ours": lambda: compare(a, b, strip=False),
            "cli": lambda: _view_computed(argv, env, root / "cache"),
            "cached": lambda: subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)}
    for _ in range(runs):
        for key, job in jobs.items():
            times[key] = min(times[key], _best(job, 1))
    git_time, ours_time, cli_time = times["git"], times["ours"], times["cli"]
    git_chars = git_changed(git_word_diff(bodies / "older.md", bodies / "newer.md"))
    stats = compare(a, b, strip=False).stats
    ours_chars = stats.chars_deleted + stats.chars_inserted
    print(f"1. two reports of {a.chars:,} and {b.chars:,} characters ({len(a.sections)} and {len(b.sections)} "
          f"sections), best of {runs}")
    print(f"   git diff --word-diff-regex=.       {git_time:7.3f} s   {git_chars:>9,} characters changed")
    print(f"   compare() in process              {ours_time:7.3f} s   {ours_chars:>9,} characters changed   "
          f"time x{ours_time / git_time:.1f} (target <= 5), changed x{ours_chars / max(git_chars, 1):.2f} "
          f"(target <= 1.3)")
    print(f"   erqi-diff diff --stat, end to end {cli_time:7.3f} s   (the view computed, the strip from the cache)   "
          f"time x{cli_time / git_time:.1f} (target <= 5)")
    print(f"   the same, repeated                {times['cached']:7.3f} s   (the finished view from the cache)   "
          f"time x{times['cached'] / git_time:.1f}")
    print(f"   ({stats.matched} units paired, {stats.moved} moved, {stats.paragraphs_moved} paragraphs moved, "
          f"{stats.added} added, {stats.removed} removed)")


def _cli_env(root: Path) -> dict:
    """The environment of the timed runs: byte code cached (in a folder of
    ``root``, so the work tree stays clean) as an installed package has it,
    even where PYTHONDONTWRITEBYTECODE is set; otherwise every run would
    compile erqi_diff from source."""
    env = {**os.environ, "COLUMNS": "100", "PAGER": "cat", "ERQI_DIFF_CACHE": str(root / "cache"),
           "PYTHONPYCACHEPREFIX": str(root / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _view_computed(argv: list[str], env: dict, cache: Path) -> None:
    """``argv`` run with the finished view's cache entries removed first
    (the strip's kept): the view is computed, the extraction is not."""
    shutil.rmtree(cache / "view-diff", ignore_errors=True)
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)


def one_line(root: Path, megabytes: float) -> None:
    limit = int(megabytes * 1_000_000)
    older = older_report(1_000_000).replace("\n", "")
    older = older.encode("utf-8")[:limit].decode("utf-8", "ignore")
    newer = newer_report(older_report(1_000_000)).replace("\n", "")
    newer = newer.encode("utf-8")[:limit].decode("utf-8", "ignore")
    _project(root, older, newer)
    env = _cli_env(root)
    argv = [sys.executable, "-m", "erqi_diff", "--root", str(root), "diff", "2001", "2002", "--stat", "--no-pager"]
    start = time.perf_counter()
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    first = time.perf_counter() - start
    start = time.perf_counter()
    _view_computed(argv, env, root / "cache")
    computed = time.perf_counter() - start
    print(f"2. one line of {len(older.encode('utf-8')) / 1e6:.1f} MB ({len(older):,} characters) against its "
          f"redraft: erqi-diff diff --stat {first:.2f} s first run (strip computed), {computed:.2f} s with the "
          f"strip cached (target < 10 s)")


def real_pairs(root: Path) -> None:
    """Characters changed, ours against git's, on each pair of consecutive national reports."""
    from common import series_project

    from erqi_diff.compare.diff import compare
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many

    snaps = load_many(load_project(series_project("gwr", root)))
    print("3. consecutive national reports (rewritten more than edited), characters marked changed:")
    for a, b in zip(snaps, snaps[1:]):
        (root / "a.md").write_text(a.body, encoding="utf-8")
        (root / "b.md").write_text(b.body, encoding="utf-8")
        git = git_changed(git_word_diff(root / "a.md", root / "b.md"))
        stats = compare(a, b, strip=False).stats
        ours = stats.chars_deleted + stats.chars_inserted
        print(f"   {a.year} -> {b.year}: git {git:>7,}  erqi-diff {ours:>7,}  x{ours / max(git, 1):.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--megabytes", type=float, default=2.0)
    args = parser.parse_args()
    if not shutil.which("git"):
        sys.exit("git is needed for the baseline")
    with tempfile.TemporaryDirectory() as tmp:
        long_pair(Path(tmp) / "long", args.chars, args.runs)
        one_line(Path(tmp) / "line", args.megabytes)
        real_pairs(Path(tmp) / "gwr")


if __name__ == "__main__":
    main()

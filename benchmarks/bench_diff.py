"""Speed of ``erqi-diff A B`` (issue 3). Prints figures; asserts nothing.

1. End to end: ``erqi-diff 2017 2021`` on the seeds, wall time as a ratio to
   ``python -c "import rich.console, click"`` measured in the same run
   (medians of interleaved runs): repeated (the finished view comes from
   the user cache, target <= 1.3); the first run with an empty user cache,
   the snapshots with their derived files (snapshots/.derived, as committed
   and as ``erqi-diff snapshot`` leaves them: target <= 1.6); the first run
   with an empty user cache and no derived files (a copy of the project
   without them: everything computed from the text); and with no cache and
   no strip (the diff alone).
2. Two national reports (~18,000 characters each) compared in process, every
   pair of the seven. Target: well under 1 s.
3. Two synthetic reports of 125,000 to 1,000,000 characters (an older one and
   an edited newer one: sentences rewritten, paragraphs added, dropped and
   moved, sections added, dropped and moved). Target: time about doubles
   when the size doubles (no quadratic blow-up).

    python benchmarks/bench_diff.py [--runs 15] [--skip-synthetic]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GWR = REPO.parent / "shared" / "corpora" / "gwr"
GWR_YEARS = [2013, 2014, 2015, 2022, 2023, 2024, 2025]


def _script() -> list[str]:
    exe = Path(sys.executable).parent / "erqi-diff"
    return [str(exe)] if exe.exists() else [sys.executable, "-c", "from erqi_diff.cli import main; main()"]


def _wall(cmd: list[str], env: dict) -> tuple[float, float]:
    """The wall time of ``cmd`` and its CPU time (user and system: less
    swayed than the wall time when other jobs load the machine)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True, cwd=REPO)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def end_to_end(runs: int, cache: str) -> None:
    # Byte code is cached as an installed package has it (in a temporary
    # folder, so the work tree stays clean), even if PYTHONDONTWRITEBYTECODE
    # is set here: otherwise every run would compile erqi_diff from source
    # while rich and click come precompiled from site-packages.
    env = {**os.environ, "COLUMNS": "100", "PAGER": "cat", "PYTHONPYCACHEPREFIX": cache}
    env.pop("NO_COLOR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    baseline_cmd = [sys.executable, "-c", "import rich.console, click"]
    args = ["--root", str(REPO), "2017", "2021", "--no-pager"]
    diff_cmd = [*_script(), *args]
    # the same command with the strip (issue 4) switched off and no cache at all, to tell the costs apart
    no_strip = ("import sys, erqi_diff.compare.diff as d; from erqi_diff.cli import main; "
                "d._strip = lambda a, b, project=None: None; main(sys.argv[1:])")
    no_strip_cmd = [sys.executable, "-c", no_strip, *args]
    # the same project without its derived files: a copy (the work tree is left as it is)
    bare = Path(tempfile.mkdtemp(prefix="erqi-bare-"))
    shutil.copytree(REPO / "seeds", bare / "seeds")
    shutil.copytree(REPO / "snapshots", bare / "snapshots", ignore=shutil.ignore_patterns(".derived"))
    bare_cmd = [*_script(), "--root", str(bare), "2017", "2021", "--no-pager"]
    cmds = {"base": baseline_cmd, "diff": diff_cmd, "nostrip": no_strip_cmd, "cold": diff_cmd, "bare": bare_cmd}
    env["ERQI_DIFF_CACHE"] = tempfile.mkdtemp(prefix="erqi-cache-")
    for cmd in cmds.values():
        _wall(cmd, env)  # warm the file cache (and erqi-diff's own: the strip is cached by content)
    times: dict[str, list[float]] = {k: [] for k in cmds}
    cpu: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for key, cmd in cmds.items():
            # "cold", "bare": an empty erqi-diff cache, as the first run after a snapshot or code change
            run_env = {**env, "ERQI_DIFF_CACHE": tempfile.mkdtemp(prefix="erqi-cold-")} \
                if key in ("cold", "bare") else env
            run_env = {**env, "ERQI_DIFF_CACHE": "off"} if key == "nostrip" else run_env
            wall, used = _wall(cmd, run_env)
            times[key].append(wall)
            cpu[key].append(used)
    shutil.rmtree(bare, ignore_errors=True)
    b, d, n, c, r = (statistics.median(times[k]) for k in ("base", "diff", "nostrip", "cold", "bare"))
    bc, dc, nc, cc, rc = (statistics.median(cpu[k]) for k in ("base", "diff", "nostrip", "cold", "bare"))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"1. end to end, median of {runs} interleaved runs (load average {load}, {os.cpu_count()} CPUs);")
    print("   wall time, and CPU time (user + system: less swayed by other jobs on the machine)")
    print(f"   python -c 'import rich.console, click'   {b * 1000:7.1f} ms                cpu {bc * 1000:6.1f} ms")
    print(f"   erqi-diff 2017 2021 (seeds), repeated   {d * 1000:7.1f} ms   ratio {d / b:.2f}   "
          f"cpu {dc * 1000:6.1f} ms   ratio {dc / bc:.2f}  (target <= 1.3)")
    print(f"   first run, empty user cache             {c * 1000:7.1f} ms   ratio {c / b:.2f}   "
          f"cpu {cc * 1000:6.1f} ms   ratio {cc / bc:.2f}  (target <= 1.6)")
    print("     (snapshots with their derived files)")
    print(f"   first run, no derived files, empty cache {r * 1000:6.1f} ms   ratio {r / b:.2f}   "
          f"cpu {rc * 1000:6.1f} ms   ratio {rc / bc:.2f}")
    print(f"   no cache at all, without the strip      {n * 1000:7.1f} ms   ratio {n / b:.2f}   "
          f"cpu {nc * 1000:6.1f} ms   ratio {nc / bc:.2f}")
    _in_process_breakdown()


def _in_process_breakdown() -> None:
    """Where the time of one run goes, measured in this process."""
    import erqi_diff.compare.sections  # noqa: F401 (compare imports the pairing where it computes: not timed here)
    from erqi_diff.compare.diff import _strip, compare
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    t0 = time.perf_counter()
    project = load_project(REPO)
    a, b = load(project, 2017), load(project, 2021)
    t1 = time.perf_counter()
    compare(a, b, strip=False)
    t2 = time.perf_counter()
    os.environ["ERQI_DIFF_CACHE"] = "off"  # the extractors' own cost, as on a first run
    try:
        _strip(a, b, project)  # first call includes importing (compiling) the slogans' modules
        t3 = time.perf_counter()
        from erqi_diff.extract import derived
        from erqi_diff.extract.strip import diff_strip

        derived.read(project, a)
        derived.read(project, b)
        t4 = time.perf_counter()
        diff_strip(a, b)  # the figures computed from the text (extractors imported here)
        t5 = time.perf_counter()
    finally:
        os.environ.pop("ERQI_DIFF_CACHE", None)
    _strip(a, b, project)  # fills the cache
    t6 = time.perf_counter()
    _strip(a, b, project)  # the cached strip, as on every later run
    t7 = time.perf_counter()
    print(f"   in process: load snapshots {1000 * (t1 - t0):.1f} ms, diff {1000 * (t2 - t1):.1f} ms, "
          f"strip with the derived files (slogans' imports included) {1000 * (t3 - t2):.1f} ms "
          f"(reading the two files {1000 * (t4 - t3):.1f} ms), the strip computed from the text "
          f"(the figures' imports included) {1000 * (t5 - t4):.1f} ms, from the cache {1000 * (t7 - t6):.1f} ms")


def _gwr_project(tmp: Path) -> Path:
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import build_all

    seeds = tmp / "seeds"
    seeds.mkdir(parents=True)
    entries = []
    for year in GWR_YEARS:
        shutil.copyfile(GWR / f"{year}.txt", seeds / f"{year}.txt")
        entries.append(f'[[report]]\nyear = {year}\nfile = "{year}.txt"\ndate = "{year}-03-05"\n'
                       f'title = "政府工作报告 {year}"\n')
    (seeds / "manifest.toml").write_text("\n".join(entries), encoding="utf-8")
    build_all(load_project(tmp))
    return tmp


def national(runs: int) -> None:
    from erqi_diff.compare.diff import compare
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load

    with tempfile.TemporaryDirectory() as tmp:
        project = load_project(_gwr_project(Path(tmp)))
        snaps = {y: load(project, y) for y in GWR_YEARS}
    times = []
    for _ in range(max(1, runs // 5)):
        start = time.perf_counter()
        compare(snaps[2024], snaps[2025], strip=False)
        times.append(time.perf_counter() - start)
    pairs = []
    for y1, y2 in itertools.combinations(GWR_YEARS, 2):
        start = time.perf_counter()
        compare(snaps[y1], snaps[y2], strip=False)
        pairs.append(time.perf_counter() - start)
    print(f"2. national reports ({snaps[2024].chars:,} and {snaps[2025].chars:,} characters), diff without the strip")
    print(f"   2024 -> 2025 median {statistics.median(times) * 1000:.0f} ms; all 21 pairs: "
          f"median {statistics.median(pairs) * 1000:.0f} ms, max {max(pairs) * 1000:.0f} ms  (target well under 1 s)")


# --- synthetic reports -----------------------------------------------------------

_HAN = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_HAN) for _ in range(rng.choice((2, 2, 3, 4))))


def _sentence(rng: random.Random, vocab: list[str]) -> str:
    words = [rng.choice(vocab) for _ in range(rng.randint(6, 14))]
    if rng.random() < 0.3:
        words.insert(rng.randint(0, len(words)), f"{rng.randint(1, 999)}亿元")
    cut = rng.randint(2, len(words) - 2)
    return "".join(words[:cut]) + "，" + "".join(words[cut:]) + "。"


def _paragraph(rng: random.Random, vocab: list[str]) -> str:
    return "".join(_sentence(rng, vocab) for _ in range(rng.randint(3, 7)))


def synthetic_pair(chars: int, seed: int = 1):
    """An older report of about ``chars`` characters and an edited newer one."""
    from erqi_diff.core.document import Section

    rng = random.Random(seed)
    vocab = [_word(rng) for _ in range(20000)]
    old: list[Section] = []
    size = 0
    while size < chars:
        paragraphs = tuple(_paragraph(rng, vocab) for _ in range(rng.randint(4, 10)))
        heading = "".join(rng.choice(vocab) for _ in range(rng.randint(3, 6)))
        old.append(Section(heading, 2, paragraphs))
        size += sum(map(len, paragraphs))
    new: list[Section] = []
    for section in old:
        roll = rng.random()
        if roll < 0.04:
            continue  # dropped
        kept: list[str] = []
        for p in section.paragraphs:
            r = rng.random()
            if r < 0.05:
                continue
            if r < 0.25:  # rewrite a sentence, add a number
                sentences = p.split("。")
                k = rng.randrange(len(sentences) - 1)
                sentences[k] = sentences[k][: len(sentences[k]) // 2] + rng.choice(vocab) + f"{rng.randint(1, 99)}%"
                p = "。".join(sentences)
            kept.append(p)
            if r > 0.95:
                kept.append(_paragraph(rng, vocab))
        if len(kept) > 3 and rng.random() < 0.2:
            kept.append(kept.pop(0))  # a paragraph moved to the end
        heading = section.heading if rng.random() < 0.8 else section.heading[:4] + rng.choice(vocab)
        new.append(Section(heading, 2, tuple(kept)))
        if roll > 0.96:
            new.append(Section(rng.choice(vocab), 2, tuple(_paragraph(rng, vocab) for _ in range(5))))
    for _ in range(len(new) // 50):  # a few sections moved
        i, j = rng.randrange(len(new)), rng.randrange(len(new))
        new.insert(j, new.pop(i))
    return old, new


def _git_time(old, new) -> float | None:
    """``git diff --no-index --word-diff-regex=.`` on the two reports written
    as Markdown, best of three; None without git."""
    if not shutil.which("git"):
        return None

    def body(sections) -> str:
        return "\n\n".join(f"## {s.heading}\n\n" + "\n\n".join(s.paragraphs) for s in sections)

    with tempfile.TemporaryDirectory() as tmp:
        a, b = Path(tmp) / "a.md", Path(tmp) / "b.md"
        a.write_text(body(old), encoding="utf-8")
        b.write_text(body(new), encoding="utf-8")
        cmd = ["git", "diff", "--no-index", "--word-diff=porcelain", "--word-diff-regex=.", str(a), str(b)]
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(cmd, stdout=subprocess.DEVNULL, check=False)
            best = min(best, time.perf_counter() - start)
    return best


def synthetic(sizes: list[int]) -> None:
    from erqi_diff.compare.diff import diff_sections, make_stats

    print("3. synthetic reports (older vs edited newer), diff of the whole reports")
    previous = None
    for chars in sizes:
        old, new = synthetic_pair(chars)
        start = time.perf_counter()
        sections = diff_sections(old, new)
        elapsed = time.perf_counter() - start
        stats = make_stats(sections)
        growth = f"x{elapsed / previous:.2f} for x2 size" if previous else ""
        git = _git_time(old, new)
        against = f", git word diff {git:.2f} s (x{elapsed / git:.0f})" if git else ""
        print(f"   {stats.chars_from:>9,} vs {stats.chars_to:>9,} characters, {len(old):4} vs {len(new):4} sections: "
              f"{elapsed:6.2f} s  {growth}  (kept {stats.chars_equal / stats.chars_from:.1%}, "
              f"{stats.moved} sections and {stats.paragraphs_moved} paragraphs moved{against})")
        previous = elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--skip-synthetic", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        end_to_end(args.runs, cache)
    national(args.runs)
    if not args.skip_synthetic:
        synthetic([125_000, 250_000, 500_000, 1_000_000])


if __name__ == "__main__":
    main()

"""The corpus path (issue 7): ingest, stages, both engines, report, CLI.

The Spark tests run whenever pyspark and a Java runtime are present, and
fail (never skip) on CI (CI=true) when they are not: .ci/run installs them.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.cli import cli
from erqi_diff.corpus import EngineError, InputError, OutputFolderError, ParamsError
from erqi_diff.corpus.api import run_corpus
from erqi_diff.corpus.engines import EngineName, check_memory, parse_memory

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

N_DOCS = 240
DOC_CHARS = 2000
FAST = {"threads": 2, "memory": "1GB"}
# the synthetic text shares many phrases by chance: a low cap and two shared hashes
SYN = {"maxdf": 10, "minmatch": 2}


def table(out: Path, name: str) -> list[tuple]:
    import duckdb

    return duckdb.sql(f"SELECT * FROM read_parquet('{out / (name + '.parquet') / '*.parquet'}') ORDER BY ALL").fetchall()


def write_jsonl(path: Path, lines: list) -> Path:
    path.write_text("".join((x if isinstance(x, str) else json.dumps(x, ensure_ascii=False)) + "\n" for x in lines),
                    encoding="utf-8")
    return path


# --- fixtures: one synthetic corpus, run once per engine ------------------------------------

@pytest.fixture(scope="session")
def synthetic(tmp_path_factory):
    from gen_corpus import generate
    from gen_corpus import write_jsonl as gen_write

    corpus = generate(N_DOCS, chars=DOC_CHARS, seed=7)
    path = tmp_path_factory.mktemp("syn") / "reports.jsonl"
    gen_write(corpus, path)
    return corpus, path


@pytest.fixture(scope="session")
def duck_run(synthetic, tmp_path_factory):
    _, path = synthetic
    out = tmp_path_factory.mktemp("duck") / "run"
    result = run_corpus(path, out, engine="duckdb", **SYN, **FAST)
    return out, result


@pytest.fixture(scope="session")
def spark():
    from erqi_diff.corpus.engines import java_command

    try:
        import pyspark
    except ImportError:
        pyspark = None
    if pyspark is None or java_command() is None:
        what = "pyspark" if pyspark is None else "a Java runtime"
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing on CI: .ci/run must install it (the Spark test never skips there)")
        pytest.skip(f"{what} is not installed")
    from erqi_diff.corpus.engines import spark_session

    session = spark_session("local[2]", 2 << 30, 2, shuffle_partitions=4)
    yield session
    session.stop()


@pytest.fixture(scope="session")
def spark_run(synthetic, spark, tmp_path_factory):
    _, path = synthetic
    out = tmp_path_factory.mktemp("spark") / "run"
    result = run_corpus(path, out, engine="spark", spark=spark, threads=2, **SYN)
    return out, result


# --- both engines, same rows ---------------------------------------------------------------

def test_engines_give_identical_pairs_and_passages(duck_run, spark_run):
    duck, spark = duck_run[0], spark_run[0]
    assert spark_run[1].engine == "spark" and duck_run[1].engine == "duckdb"
    for name in ("kept", "formulas", "pairs", "passages"):
        rows = table(duck, name)
        assert rows, f"{name} is empty: the comparison would prove nothing"
        assert table(spark, name) == rows, name


def test_spark_without_pandas_gives_the_same_rows(duck_run, spark, tmp_path):
    """pyspark's mapInArrow needs pandas; without it the same functions run
    over rdd.mapPartitions. (With the pair filters: their SQL on both engines.)"""
    from erqi_diff.corpus.engines import SparkEngine
    from erqi_diff.corpus.stages import Params, file_sha256, run

    duck = duck_run[0]
    source = tmp_path / "few.jsonl"
    docs = table(duck, "docs")[:40]
    write_jsonl(source, [{"id": d[1], "series": d[2], "year": d[3], "text": d[5]} for d in docs])
    params = Params(file_sha256(source), minmatch=2, other_series=True, other_years=True)

    def plain(_tmp):
        engine = SparkEngine(spark, threads=2)
        engine.arrow = False
        return engine

    a = run(source, tmp_path / "a", params, plain)
    run_corpus(source, tmp_path / "b", minmatch=2, other_series=True, other_years=True, **FAST)
    assert a.rows("passages") > 0
    for name in ("pairs", "passages"):
        assert table(tmp_path / "a", name) == table(tmp_path / "b", name)


@pytest.mark.parametrize("flags", [{"other_series": True}, {"other_years": True},
                                   {"other_series": True, "other_years": True}])
def test_pair_filters(flags, synthetic, duck_run, tmp_path):
    _, path = synthetic
    out = tmp_path / "out"
    run_corpus(path, out, **SYN, **FAST, **flags)
    docs = {d[0]: d for d in table(out, "docs")}
    pairs = table(out, "pairs")
    everything = set(table(duck_run[0], "pairs"))
    assert pairs and set(pairs) < everything
    for doc1, doc2, _shared in pairs:
        if flags.get("other_series"):
            assert docs[doc1][2] != docs[doc2][2]
        if flags.get("other_years"):
            assert docs[doc1][3] != docs[doc2][3]
    dropped = everything - set(pairs)
    assert all((flags.get("other_series") and docs[a][2] == docs[b][2])
               or (flags.get("other_years") and docs[a][3] == docs[b][3]) for a, b, _ in dropped)


# --- what is found ---------------------------------------------------------------------------

def test_planted_passages_found(synthetic, duck_run):
    corpus, _ = synthetic
    assert len(corpus.planted) > 100
    from bench_corpus import planted_recall

    recall, missed = planted_recall(corpus, table(duck_run[0], "passages"))
    assert recall >= 0.99, missed[:5]


@pytest.mark.slow
def test_defaults_find_planted_near_verbatim_copies(tmp_path):
    """At the defaults (maxdf 100, minmatch 5, minunique 2): passages of
    60-300 characters copied with a character or two changed are found
    (issue 16: at least 99 in 100), without opening the pairs that stock
    wording shares by chance: a copy leaves hashes found in its two
    documents only, chance sharing hashes many documents hold."""
    from bench_corpus import planted_recall
    from gen_corpus import generate_planted
    from gen_corpus import write_jsonl as gen_write

    corpus = generate_planted(400, chars=3400, planted=60, seed=3)
    gen_write(corpus, tmp_path / "in.jsonl")
    result = run_corpus(tmp_path / "in.jsonl", tmp_path / "out", **FAST)
    recall, missed = planted_recall(corpus, table(tmp_path / "out", "passages"))
    assert recall >= 0.98, missed
    without = run_corpus(tmp_path / "in.jsonl", tmp_path / "out2", minunique=1000, **FAST)
    assert planted_recall(corpus, table(tmp_path / "out2", "passages"))[0] < recall  # the rule finds more
    assert result.rows("pairs") < 1.2 * without.rows("pairs")  # and opens few more pairs


def test_report_on_synthetic(synthetic, duck_run):
    from erqi_diff.corpus.report import build_report

    corpus, _ = synthetic
    from erqi_diff.views.encode import document

    report = build_report(duck_run[0], top=10)
    data = document("corpus-report", report)
    json.dumps(data)
    assert data["schema"] == "erqi-diff/corpus-report/1" and set(data["shares"]) == {c.id for c in report.reports}
    assert data["counts"]["docs"] == N_DOCS
    assert [p.chars for p in report.longest] == sorted((p.chars for p in report.longest), reverse=True)
    for p in report.longest:
        assert p.a.text and p.b.text
    assert all(0 <= c.share <= 1 for c in report.reports)
    assert [c.share for c in report.copiers] == sorted((c.share for c in report.copiers), reverse=True)
    assert report.sources and all(s.copiers >= 1 for s in report.sources)
    # the stock formulas put in every document are the most widely shared
    assert report.formulas and report.formulas[0].docs == N_DOCS
    formula_texts = " ".join(f.text for f in report.formulas if f.docs == N_DOCS)
    for stock in corpus.formulas:
        assert stock[20:30] in formula_texts


# --- find_reuse and the corpus path agree ---------------------------------------------------

def cross_passages_of_find_reuse(docs: dict[str, str]) -> list[tuple]:
    from erqi_diff.reuse.audit import find_reuse

    keys = list(docs)
    return sorted((keys.index(p.a.key), keys.index(p.b.key), p.a.start, p.a.end, p.b.start, p.b.end, p.a.text, p.b.text)
                  for p in find_reuse(docs, min_chars=15).passages if p.a.key != p.b.key)


def corpus_passages(out: Path, texts: list[str]) -> list[tuple]:
    return sorted((d1, d2, s1, e1, s2, e2, texts[d1][s1:e1], texts[d2][s2:e2])
                  for d1, d2, s1, e1, s2, e2, _c, _s in table(out, "passages"))


@pytest.fixture(scope="module", params=["seeds_root", "gwr_root"])
def series_jsonl(request, tmp_path_factory):
    from erqi_diff.corpus.ingest import dumps_jsonl, import_projects

    records = import_projects([request.getfixturevalue(request.param)])
    source = tmp_path_factory.mktemp("series") / "in.jsonl"
    source.write_text(dumps_jsonl(records), encoding="utf-8")
    return records, source


# find_reuse's seeding in corpus terms: its k and w for 15 characters, a hash
# in 3 documents or more is a formula's (maxdf 2), one rare hash pairs two documents
AS_FIND_REUSE = {"k": 10, "w": 6, "maxdf": 2, "minmatch": 1}


def test_find_reuse_and_corpus_path_agree(series_jsonl, tmp_path):
    """The corpus path and find_reuse give the same passages between two
    reports: same documents, offsets and text. Both seed each pair with
    reuse.pair_seeds (the corpus with stage 3's document counts) and align
    it with reuse.align_prepared."""
    from erqi_diff.reuse.fingerprint import params_for

    assert (AS_FIND_REUSE["k"], AS_FIND_REUSE["w"]) == params_for(15)
    records, source = series_jsonl
    texts = [r["text"] for r in records]
    run_corpus(source, tmp_path / "out", **AS_FIND_REUSE, **FAST)
    expected = cross_passages_of_find_reuse({r["id"]: r["text"] for r in records})
    assert len(expected) >= 10, "find_reuse found little: the comparison would prove little"
    assert table(tmp_path / "out", "formulas"), "no formula hashes: their seeding would go untested"
    assert corpus_passages(tmp_path / "out", texts) == expected


def test_reuse_and_corpus_report_agree(series_jsonl, tmp_path):
    """`reuse` and `corpus report` agree: with the same seeding, every
    report's characters and share written before (the corpus does not tell
    formulas from copies: find_reuse's count with formulas), and the same
    stock stretches with the same document counts, in the same order. Both
    compute them with reuse.shares and reuse.formulas.stock_stretches."""
    from erqi_diff.corpus.report import build_report
    from erqi_diff.reuse.audit import find_reuse

    records, source = series_jsonl
    run_corpus(source, tmp_path / "out", **AS_FIND_REUSE, **FAST)
    report = build_report(tmp_path / "out", top=10_000)
    result = find_reuse({r["id"]: r["text"] for r in records}, min_chars=15)
    assert [(c.id, c.chars, c.before) for c in report.reports] == \
        [(key, r.chars, r.before_formulas) for key, r in result.ratios.items()]
    assert sum(c.before for c in report.reports) > 100, "little written before: the comparison would prove little"
    assert [(f.text, f.docs, f.example.id) for f in report.formulas] == \
        [(f.span.text, f.docs, f.span.key) for f in result.formulas]
    assert len(report.formulas) >= 2


def test_find_reuse_and_spark_agree(series_jsonl, spark, tmp_path):
    """The same through Spark SQL and mapInArrow (the broadcast counts)."""
    records, source = series_jsonl
    texts = [r["text"] for r in records]
    run_corpus(source, tmp_path / "out", engine="spark", spark=spark, threads=2, **AS_FIND_REUSE)
    assert corpus_passages(tmp_path / "out", texts) == cross_passages_of_find_reuse(
        {r["id"]: r["text"] for r in records})


def test_formula_seeding_changes_the_passages(series_jsonl, tmp_path):
    """Without the counts (every shared hash seeding everywhere, as when no
    hash is in more than maxdf documents) the passages differ: the equality
    above depends on the seeding rule, not on luck."""
    records, source = series_jsonl
    texts = [r["text"] for r in records]
    run_corpus(source, tmp_path / "out", **{**AS_FIND_REUSE, "maxdf": 100}, **FAST)
    assert corpus_passages(tmp_path / "out", texts) != cross_passages_of_find_reuse(
        {r["id"]: r["text"] for r in records})


# --- resumability ------------------------------------------------------------------------------

@pytest.fixture
def small(tmp_path, synthetic):
    corpus, _ = synthetic
    keys = list(corpus.docs)[:30]
    return write_jsonl(tmp_path / "small.jsonl",
                       [{"id": k, "year": 2000 + i, "text": corpus.docs[k]} for i, k in enumerate(keys)])


def test_rerun_skips_complete_stages(small, tmp_path):
    first = run_corpus(small, tmp_path / "out", minmatch=2, **FAST)
    assert not any(s.skipped for s in first.stages)
    again = run_corpus(small, tmp_path / "out", minmatch=2, **FAST)
    assert all(s.skipped for s in again.stages)
    assert [s.rows for s in again.stages] == [s.rows for s in first.stages]
    assert again.engine == "none"  # nothing to do: no engine started


def test_other_parameters_refused_unless_force(small, tmp_path):
    out = tmp_path / "out"
    run_corpus(small, out, minmatch=2, **FAST)
    before = table(out, "passages")
    with pytest.raises(ParamsError, match=r"minmatch 2 -> 3.*--force"):
        run_corpus(small, out, minmatch=3, **FAST)
    redone = run_corpus(small, out, minmatch=3, force=True, **FAST)
    skipped = {s.name: s.skipped for s in redone.stages}
    assert skipped == {"docs": True, "fp": True, "df": True, "pairs": False, "passages": False}
    assert set(table(out, "passages")) <= set(before)


def test_interrupted_stage_is_made_again(small, tmp_path):
    """A crash in a stage leaves its outputs unlisted in params.json: the
    rerun redoes that stage, keeps the earlier ones."""
    from erqi_diff.corpus.engines import DuckDBEngine
    from erqi_diff.corpus.stages import Params, file_sha256, run

    out = tmp_path / "out"
    params = Params(file_sha256(small), minmatch=2)

    class Crash(DuckDBEngine):
        def align(self, *args, **kwargs):
            (args[4]).mkdir(parents=True)
            (args[4] / "part-0.parquet").write_bytes(b"PAR1 cut short")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(small, out, params, lambda tmp: Crash(1 << 30, 2, tmp))
    manifest = json.loads((out / "params.json").read_text())
    assert "passages" not in manifest["stages"] and "pairs" in manifest["stages"]
    assert not (out / "passages.parquet").exists()
    # a half-written output left in place by hand is not trusted either
    shutil.copytree(out / ".work" / "passages" / "passages.parquet", out / "passages.parquet")
    result = run(small, out, params, lambda tmp: DuckDBEngine(1 << 30, 2, tmp))
    assert [s.name for s in result.stages if not s.skipped] == ["passages"]
    assert table(out, "passages")


def test_stage_made_by_older_code_is_made_again(small, tmp_path):
    """A stage recorded without its current version (made before its code
    changed the rows it gives) is made again on a rerun, the earlier kept."""
    out = tmp_path / "out"
    run_corpus(small, out, minmatch=2, **FAST)
    manifest = json.loads((out / "params.json").read_text())
    assert manifest["stages"]["passages"]["key"].pop("passages_version") == 2
    (out / "params.json").write_text(json.dumps(manifest))
    again = run_corpus(small, out, minmatch=2, **FAST)
    assert [s.name for s in again.stages if not s.skipped] == ["passages"]


def test_foreign_folder_refused(small, tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("mine")
    with pytest.raises(OutputFolderError, match="not empty"):
        run_corpus(small, tmp_path / "busy", **FAST)


# --- bad input ----------------------------------------------------------------------------------

GOOD = {"id": "a", "text": "政府工作报告"}
BAD_LINES = [
    ("{not json", "line 2: not valid JSON"),
    ("[1, 2]", "line 2: expected a JSON object"),
    ({"text": "文本"}, "line 2: no `id`"),
    ({"id": "b"}, "line 2: no `text`"),
    ({"id": "b", "text": "  \n "}, "line 2: `text` is empty"),
    ({"id": "b", "text": 5}, "line 2: `text` must be a string"),
    ({"id": "a", "text": "重复"}, "line 2: duplicate id 'a' (first on line 1)"),
    ({"id": "b", "text": "文本", "year": "去年"}, "line 2: `year` must be a year"),
    ({"id": True, "text": "文本"}, "line 2: `id` must be"),
]


@pytest.mark.parametrize("line,message", BAD_LINES)
def test_bad_line_named(line, message, tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [GOOD, line, {"id": "c", "text": "另一份报告"}])
    with pytest.raises(InputError) as info:
        run_corpus(source, tmp_path / "out", **FAST)
    assert message in str(info.value) and "--skip-bad" in str(info.value)


def test_skip_bad_goes_on_and_lists(tmp_path, synthetic):
    corpus, _ = synthetic
    texts = list(corpus.docs.values())
    source = write_jsonl(tmp_path / "in.jsonl", [{"id": "a", "text": texts[0]}, "{oops", {"id": "a", "text": "x"},
                                                 {"id": "b", "text": ""}, {"id": "c", "text": texts[1]}])
    result = run_corpus(source, tmp_path / "out", skip_bad=True, **FAST)
    assert result.rows("docs") == 2
    assert [b.line for b in result.skipped_lines] == [2, 3, 4]
    assert [r[1] for r in table(tmp_path / "out", "docs")] == ["a", "c"]


def test_too_few_reports(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [GOOD])
    with pytest.raises(InputError, match="at least 2"):
        run_corpus(source, tmp_path / "out", **FAST)


def test_missing_input(tmp_path):
    with pytest.raises(InputError, match="does not exist"):
        run_corpus(tmp_path / "nope.jsonl", tmp_path / "out", **FAST)


@pytest.mark.parametrize("text,value", [("4GB", 4 << 30), ("512MB", 512 << 20), ("2g", 2 << 30), ("1.5GB", 3 << 29)])
def test_parse_memory(text, value):
    assert parse_memory(text) == value


@pytest.mark.parametrize("text", ["lots", "4 parsecs", ""])
def test_parse_memory_refuses(text):
    with pytest.raises(EngineError, match="not a size"):
        parse_memory(text)


def test_memory_too_small_said_before_starting(small, tmp_path):
    with pytest.raises(EngineError, match=r"--memory 100MB is too small.*at least"):
        run_corpus(small, tmp_path / "out", memory="100MB", threads=2)
    assert not (tmp_path / "out").exists()
    with pytest.raises(EngineError, match="more than this machine has"):
        check_memory(EngineName.DUCKDB, 1 << 50, 1)


def test_missing_java_says_what_to_install(monkeypatch):
    from erqi_diff.corpus import engines

    monkeypatch.setattr(engines, "java_command", lambda: None)
    with pytest.raises(EngineError, match=r"apt-get install openjdk-17-jre-headless"):
        engines.spark_session("local[1]", 2 << 30, 1)


# --- the command line ---------------------------------------------------------------------------

def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_run_report_import(seeds_root, tmp_path):
    res = invoke("corpus", "import", str(seeds_root), "-o", str(tmp_path / "seeds.jsonl"))
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in (tmp_path / "seeds.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [x["year"] for x in lines] == [2016, 2017, 2018, 2019, 2021]
    assert all(x["id"] == f"{seeds_root.name}:{x['year']}" and x["text"] for x in lines)
    res = invoke("corpus", "run", "--in", str(tmp_path / "seeds.jsonl"), "--out", str(tmp_path / "out"),
                 "--minmatch", "1", "--threads", "2", "--memory", "1GB", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert [s["name"] for s in data["stages"]] == ["docs", "fp", "df", "pairs", "passages"]
    res = invoke("corpus", "report", str(tmp_path / "out"), "--json")
    report = json.loads(res.stdout)
    assert report["counts"]["docs"] == 5 and report["counts"]["passages"] > 0
    assert set(report["shares"]) == {x["id"] for x in lines}
    assert report["shares"][f"{seeds_root.name}:2016"] == 0  # the first year copies from no earlier one
    res = invoke("corpus", "report", str(tmp_path / "out"), "--no-pager")
    assert res.exit_code == 0 and "Longest passages" in res.stdout and "Most-reused sources" in res.stdout


@pytest.mark.parametrize("args,message", [
    (["--memory", "10MB"], "is too small"),
    (["--memory", "plenty"], "is not a size"),
    (["--k", "1"], "--k must be an integer of at least 2"),
])
def test_cli_bad_options_exit_2(args, message, small, tmp_path):
    res = invoke("corpus", "run", "--in", str(small), "--out", str(tmp_path / "out"), "--threads", "2", *args)
    assert res.exit_code == 2 and message in res.output, res.output


def test_cli_bad_line_exit_2(tmp_path):
    source = write_jsonl(tmp_path / "in.jsonl", [GOOD, "{oops"])
    res = invoke("corpus", "run", "--in", str(source), "--out", str(tmp_path / "out"), "--memory", "1GB")
    assert res.exit_code == 2 and "line 2: not valid JSON" in res.output and "Traceback" not in res.output


def test_cli_report_of_unfinished_run(tmp_path):
    res = invoke("corpus", "report", str(tmp_path))
    assert res.exit_code == 2 and "holds no corpus run" in res.output


# --- invariants ---------------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 200), st.integers(0, 60)), max_size=30))
def test_union_of_spans(spans):
    from erqi_diff.reuse.shares import union

    intervals = [(s, s + n) for s, n in spans]
    assert union(intervals) == len({i for s, e in intervals for i in range(s, e)})


def test_batch_seeds_equal_align_pair_own(synthetic):
    """Stage 5 prepares and fingerprints each document once per batch; with
    no counts (no formula hashes) and align_pair's own k and w the passages
    are exactly align_pair's without seeds."""
    from erqi_diff.corpus.pystages import align_batch, align_texts
    from erqi_diff.reuse.fingerprint import params_for

    corpus, _ = synthetic
    texts = list(corpus.docs.values())
    pairs = [(p_src, p_dst) for p_src, p_dst in
             ((list(corpus.docs).index(p.src), list(corpus.docs).index(p.dst)) for p in corpus.planted[:15])]
    pairs = [(min(a, b), max(a, b)) for a, b in pairs] + [(0, 1), (0, 2)]
    batch = align_batch(pairs, texts.__getitem__, 15, *params_for(15)).to_pylist()
    own = [dict(zip(("doc1", "doc2", "start1", "end1", "start2", "end2", "chars", "similarity"), (a, b, *row)))
           for a, b in pairs for row in align_texts(texts[a], texts[b], 15)]
    assert len(batch) > 15 and batch == own


def test_prints_store_gives_what_stage_5_would_make(duck_run, synthetic):
    """Stage 2's prints.arrow (read by stage 5's workers instead of preparing
    and fingerprinting each document again) holds exactly what they would make."""
    import numpy as np

    from erqi_diff.corpus.pystages import PrintsStore
    from erqi_diff.reuse.fingerprint import fingerprints_prepared, prepare
    from erqi_diff.reuse.seeds import DocPrints

    out, result = duck_run
    corpus, _ = synthetic
    texts = list(corpus.docs.values())
    store = PrintsStore(out / "prints.arrow")
    try:
        for doc in (0, 1, 77, 1023 % len(texts), len(texts) - 1):
            prepared, prints = store.get(doc, texts[doc])
            assert prepared == prepare(texts[doc])
            fp = fingerprints_prepared(prepared.text, result.params.k, result.params.w)
            own = DocPrints.of([p for p, _ in fp], [h for _, h in fp])
            for mine, theirs in zip((prints.hashes, prints.start, prints.pos), (own.hashes, own.start, own.pos)):
                assert np.array_equal(mine, theirs)
    finally:
        store.close()

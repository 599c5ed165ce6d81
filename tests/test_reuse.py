"""The reuse audit: hand-made CJK cases, bad input, the document-frequency
cap, and the passages found by reading the seeds and the national reports
(tests/data/reuse_*.json)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from erqi_diff.reuse.audit import align_pair, find_reuse
from erqi_diff.reuse.model import Kind
from erqi_diff.reuse.snapshots import audit_snapshots
from erqi_diff.views.encode import document

DATA = Path(__file__).parent / "data"
SENTENCE = ("全区上下紧紧围绕全市工作格局，坚持目标导向、问题导向和项目带动，"
            "150个重大项目完成投资470亿元，攻坚克难、务实重干。")


def noise(seed: int, n: int) -> str:
    """Random CJK characters: text no other text shares by chance."""
    rng = random.Random(seed)
    return "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(n))


# ---------------------------------------------------------------- one pair

@pytest.mark.parametrize("name,copy,differences", [
    ("verbatim", SENTENCE, []),
    ("changed number", SENTENCE.replace("470亿元", "520亿元"), [("47", "52")]),
    ("swapped word", SENTENCE.replace("紧紧围绕", "始终围绕"), [("紧紧", "始终")]),
    ("added clause", SENTENCE.replace("攻坚克难", "持续深化“放管服”改革，攻坚克难"), [("", "持续深化“放管服”改革，")]),
    ("dropped clause", SENTENCE.replace("问题导向和", ""), [("问题导向和", "")]),
])
def test_align_pair_near_verbatim(name, copy, differences):
    a = noise(1, 80) + "\n\n" + SENTENCE + "\n\n" + noise(2, 80)
    b = noise(3, 50) + copy + noise(4, 50)
    passages = align_pair(a, b)
    assert len(passages) == 1, name
    p = passages[0]
    assert p.a.text == SENTENCE and a[p.a.start:p.a.end] == SENTENCE
    assert p.b.text == copy and b[p.b.start:p.b.end] == copy
    assert [(d.a, d.b) for d in p.differences] == differences
    assert p.similarity == pytest.approx(2 * p.chars / (len(SENTENCE) + len(copy)))
    assert (p.similarity == 1.0) == (not differences)
    for d in p.differences:
        assert a[d.a_start:d.a_end] == d.a and b[d.b_start:d.b_end] == d.b


def test_align_pair_nothing_shared():
    assert align_pair(noise(1, 300), noise(2, 300)) == []


def test_align_pair_min_chars():
    a = noise(1, 40) + "社会消费品零售总额" + noise(2, 40)  # 9 characters shared
    b = noise(3, 40) + "社会消费品零售总额" + noise(4, 40)
    assert align_pair(a, b, min_chars=15) == []
    (p,) = align_pair(a, b, min_chars=8)
    assert p.a.text == "社会消费品零售总额" and p.chars == 9


@pytest.mark.parametrize("heading, before, after", [
    # a shared heading and the shared opening of two different paragraphs: no passage
    ("#### 总结2017·直接引语", "2017年，我们围绕市委、市政府部署", "2017年，在市委、市政府和区委的坚强领导下"),
    ("## 一、2023年工作回顾", "过去一年，我们", "过去一年，全国"),
])
def test_no_passage_runs_across_a_heading(heading, before, after):
    a = noise(1, 60) + "\n\n" + heading + "\n\n" + before + noise(2, 60)
    b = noise(3, 60) + "\n\n" + heading + "\n\n" + after + noise(4, 60)
    assert align_pair(a, b, min_chars=15) == []


def test_a_passage_stops_at_a_heading_line():
    body = "坚持绿水青山就是金山银山的理念，统筹推进山水林田湖草沙一体化保护和系统治理。"
    a = noise(1, 60) + body + "\n\n### （八）加强生态环境保护\n\n" + noise(2, 60)
    b = noise(3, 60) + body + "\n\n### （八）加强生态环境保护\n\n" + noise(4, 60)
    (p,) = align_pair(a, b, min_chars=15)
    assert p.a.text == body and p.b.text == body  # the heading after it is not part of it (10 characters)
    (h,) = align_pair(a.replace("保护", "保护，促进绿色低碳发展"), b.replace("保护", "保护，促进绿色低碳发展"), min_chars=15)[1:]
    assert h.a.text == "（八）加强生态环境保护，促进绿色低碳发展"  # a heading of 15 characters or more is a passage of its own


@pytest.mark.parametrize("old, new", [
    # two short matches on each side of a paragraph break: a coincidence, no passage
    ("强化消费者权益保护，着力适应群众需求。\n\n积极扩大有效投资。围绕国家重大战略",
     "强化消费者权益保护，营造放心消费环境。\n\n积极扩大有效投资。紧扣国家发展战略"),
    ("。\n\n继续实行适度从紧的货币政策，", "。\n\n继续实行适度从紧的货币政策，"),  # 14 of its 15 in one paragraph
])
def test_no_passage_of_short_matches_across_a_paragraph_break(old, new):
    a = noise(1, 60) + old + noise(2, 60)
    b = noise(3, 60) + new + noise(4, 60)
    assert align_pair(a, b, min_chars=15) == []


def test_a_passage_across_a_paragraph_break_with_one_paragraph_enough():
    first, second = "坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。", "各位代表！"
    a = noise(1, 60) + first + "\n\n" + second + noise(2, 60)
    b = noise(3, 60) + first + "\n\n" + second + noise(4, 60)
    (p,) = align_pair(a, b, min_chars=15)
    assert first in p.a.text and second in p.a.text


def test_align_pair_same_text_finds_the_repeat_once():
    text = noise(1, 60) + SENTENCE + noise(2, 200) + "\n\n" + SENTENCE.replace("470", "480") + noise(3, 30)
    (p,) = align_pair(text, text, same_doc=True)
    assert p.a.end <= p.b.start
    assert p.a.text == SENTENCE and p.b.text == SENTENCE.replace("470", "480")


def test_align_pair_seeds_in_original_offsets():
    from erqi_diff.reuse.fingerprint import fingerprints

    a = "## 标题\n\n" + noise(1, 30) + SENTENCE
    b = noise(2, 10) + "\n" + SENTENCE
    fa, fb = dict((h, o) for o, h in fingerprints(a, 10, 6)), dict((h, o) for o, h in fingerprints(b, 10, 6))
    seeds = [(fa[h], fb[h]) for h in fa.keys() & fb.keys()]
    assert seeds
    (p,) = align_pair(a, b, seeds=seeds)
    assert p.a.text == SENTENCE == p.b.text

# ---------------------------------------------------------------- the seeding rule

# hash 1 is rare (2 documents), 2 a formula's (3), 3 a widespread formula's (40)
DF = {1: 2, 2: 3, 3: 40}
SHARED = [(1, [10, 50], [12]), (2, [100, 130], [90, 95]), (3, [400], [402]), (3 + 1, [900], [3000])]


@pytest.mark.parametrize("df,widespread,same_doc,expected", [
    # no counts: every shared hash is rare and seeds every pair of places
    (None, None, False, {(10, 12), (50, 12), (100, 90), (100, 95), (130, 90), (130, 95), (400, 402), (900, 3000)}),
    # a formula's hash seeds once, first place with first place
    (DF, None, False, {(10, 12), (50, 12), (100, 90), (400, 402), (900, 3000)}),
    # a widespread one only near a rare seed: 400/402 is within NEAR of 10/12 on a near diagonal
    (DF, 40, False, {(10, 12), (50, 12), (100, 90), (400, 402), (900, 3000)}),
    # a text against itself: rare hashes repeated in it, formulas nothing
    (DF, None, True, {(10, 50)}),
])
def test_pair_seeds_rule(df, widespread, same_doc, expected):
    from erqi_diff.reuse.seeds import pair_seeds

    shared = [(h, pa, pa) for h, pa, _ in SHARED if len(pa) > 1] if same_doc else SHARED
    assert set(pair_seeds(shared, df, formula_docs=3, widespread_docs=widespread, same_doc=same_doc)) == expected


def test_widespread_formula_far_from_rare_wording_seeds_nothing():
    from erqi_diff.reuse.seeds import NEAR, pair_seeds

    shared = [(1, [10], [12]), (3, [10 + NEAR + 500], [12 + NEAR + 500])]
    assert pair_seeds(shared, DF, formula_docs=3, widespread_docs=40) == [(10, 12)]


def test_shared_prints_first_places_capped():
    from erqi_diff.reuse.seeds import MAX_SEEDS_PER_HASH, shared_prints

    fa = [(p, 7) for p in range(0, 400, 10)] + [(401, 8), (402, 9)]
    fb = [(p, 7) for p in range(1, 401, 10)] + [(5, 9)]
    shared = {h: (list(pa), list(pb)) for h, pa, pb in shared_prints(fa, fb)}
    assert set(shared) == {7, 9}
    assert shared[7] == (list(range(0, 10 * MAX_SEEDS_PER_HASH, 10)), list(range(1, 10 * MAX_SEEDS_PER_HASH, 10)))
    assert shared[9] == ([402], [5])
    assert [h for h, _, _ in shared_prints(fa, fa, same_doc=True)] == [7]



# ---------------------------------------------------------------- bad input

@pytest.mark.parametrize("docs,min_chars,message", [
    ({}, 15, "at least two documents, got 0"),
    ({"2021": SENTENCE}, 15, "at least two documents, got 1"),
    ({"a": SENTENCE, "b": " \n\u3000 "}, 15, "document 'b' is empty"),
    ({"a": SENTENCE, "b": ""}, 15, "document 'b' is empty"),
    ({"a": SENTENCE, "b": SENTENCE}, 4, "min_chars must be at least 5"),
    ({"a": SENTENCE, "b": "二七区"}, len(SENTENCE) + 1, f"longest document has only {len(SENTENCE)} characters"),
    ({"a": SENTENCE, "b": 17}, 15, "document 'b' is not text"),
    ([SENTENCE, SENTENCE], 15, "must be a mapping"),
    ({2021: SENTENCE, "2021": SENTENCE}, 15, "same key once written as text: 2021"),
])
def test_bad_input(docs, min_chars, message):
    with pytest.raises(ValueError, match=message):
        find_reuse(docs, min_chars)


def test_min_chars_equal_to_longest_is_allowed():
    result = find_reuse({"a": SENTENCE, "b": SENTENCE}, min_chars=len(SENTENCE))
    assert [(p.a.key, p.b.key, p.chars) for p in result.passages] == [("a", "b", len(SENTENCE))]


# ---------------------------------------------------------------- many documents

def test_stock_passage_in_every_document_is_capped_and_listed():
    from erqi_diff.reuse.fingerprint import fingerprints_prepared, params_for, prepare
    from erqi_diff.reuse.index import build_index

    stock = "各位代表：现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。"
    docs = {f"d{i:02d}": noise(10 + i, 300) + stock + noise(50 + i, 300) for i in range(30)}
    copied = noise(99, 120)
    docs["d03"] += copied
    docs["d17"] = docs["d17"][:200] + copied.replace(copied[60], "二") + docs["d17"][200:]
    result = find_reuse(docs, formula_docs=3)
    copies = result.copies()
    assert [(p.a.key, p.b.key) for p in copies] == [("d03", "d17")]
    assert copies[0].chars == 119
    # the stock passage is listed once, with its document count, not in 435 pairs
    assert any(f.docs == 30 and stock[5:25] in f.span.text for f in result.formulas)
    assert not any(stock in p.a.text for p in result.passages if (p.a.key, p.b.key) != ("d03", "d17"))
    # what one k-gram pulls in stays bounded: its count, its first place and one other
    from erqi_diff.reuse.fingerprint_arrays import fingerprint_table

    k, w = params_for(15)
    index = build_index(fingerprint_table([prepare(t).text for t in docs.values()], k, w), len(docs), 3)
    stock_hashes = {h for _, h in fingerprints_prepared(prepare(stock).text, k, w)}
    formula = dict(zip(index.formulas.hash.tolist(), index.formulas.docs.tolist()))
    assert stock_hashes & set(formula) and all(formula[h] == 30 for h in stock_hashes & set(formula))
    # and it pairs no documents
    assert not stock_hashes & set(index.shared.hash.tolist())



@pytest.mark.parametrize("seed", [5, 6])
def test_widespread_seeds_equal_the_seeds_pair_by_pair(seeds_root, seed):
    """The seeds of all candidate pairs at once (every formula widespread,
    the default above SMALL_CORPUS documents) are, pair by pair, those of
    seeds_from on the pair's shared formulas: the same set."""
    import sys

    import numpy as np

    from erqi_diff.reuse.fingerprint import params_for
    from erqi_diff.reuse.fingerprint_arrays import fingerprint_table, prepare_many
    from erqi_diff.reuse.index import build_index
    from erqi_diff.reuse.seeds import seeds_from

    sys.path.insert(0, str(seeds_root / "benchmarks"))
    from gen_corpus import generate

    texts = [p.text for p in prepare_many(list(generate(60, chars=3000, seed=seed).docs.values()))]
    texts[7] += texts[7][100:700]  # a long passage repeated inside one document
    index = build_index(fingerprint_table(texts, *params_for(15)), len(texts), 3)
    rows = np.arange(len(index.shared.pairs))
    starts, p, q = index.widespread_seeds(rows)
    assert len(rows) > 100 and any(x == y for x, y in index.shared.pairs.tolist())
    for row, (x, y) in enumerate(index.shared.pairs.tolist()):
        lo, hi = int(index.shared.starts[row]), int(index.shared.starts[row + 1])
        rare_p, rare_q = index.shared.p[lo:hi], index.shared.q[lo:hi]
        want = seeds_from(rare_p, rare_q, *index.shared_formulas(x, y), widespread_docs=3) if x != y else \
            (rare_p, rare_q)
        got = set(zip(p[starts[row]:starts[row + 1]].tolist(), q[starts[row]:starts[row + 1]].tolist()))
        assert got == set(zip(*(a.tolist() for a in want))), (x, y)

def test_ratios_and_matrix():
    a = SENTENCE + noise(1, 200)
    b = noise(2, 100) + SENTENCE
    c = noise(3, 300)
    result = find_reuse({"2019": a, "2020": b, "2021": c})
    assert result.ratios["2019"].before == 0
    assert result.ratios["2020"].before == len(SENTENCE)
    assert result.ratios["2020"].share == pytest.approx(len(SENTENCE) / (100 + len(SENTENCE)))
    assert result.ratios["2021"].share == 0
    assert result.matrix["2020"]["2019"] == pytest.approx(result.ratios["2020"].share)
    assert result.matrix["2019"]["2020"] == pytest.approx(len(SENTENCE) / len(a))
    assert result.matrix["2021"] == {}
    data = document("reuse", result.listing())
    assert data["schema"] == "erqi-diff/reuse/1"
    assert data["matrix"]["2021"] == {"2019": 0.0, "2020": 0.0, "2021": 0.0}
    assert data["ratio_detail"]["2020"] == {"chars": 100 + len(SENTENCE), "before": len(SENTENCE),
                                            "before_formulas": len(SENTENCE),
                                            "share": result.ratios["2020"].share,
                                            "share_formulas": result.ratios["2020"].share_formulas}
    assert set(data["spans"][0]) == {"a", "b", "chars", "similarity", "differences", "kind", "docs", "also", "also_share"}
    assert set(data["spans"][0]["a"]) == {"key", "start", "end", "text", "section"}
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_maxdf_aligns_formula_wording_everywhere():
    stock = "坚持以人民为中心的发展思想，坚持稳中求进工作总基调，完整准确全面贯彻新发展理念。"
    docs = {f"d{i}": noise(i, 200) + (SENTENCE if i < 2 else "") + noise(50 + i, 2000) + stock for i in range(4)}
    narrow = find_reuse(docs, maxdf=3)  # the default above SMALL_CORPUS documents
    assert [(p.a.key, p.b.key, p.kind) for p in narrow.passages] == [("d0", "d1", Kind.COPY)]
    assert any(stock[5:20] in f.span.text and f.docs == 4 for f in narrow.formulas)
    wide = find_reuse(docs)  # the stock sentence seeds every aligned pair of a short series
    assert [(p.a.key, p.b.key, p.kind) for p in wide.passages] == [("d0", "d1", Kind.COPY), ("d0", "d1", Kind.FORMULA)]
    with pytest.raises(ValueError, match="maxdf must be at least formula_docs"):
        find_reuse(docs, maxdf=2)


def test_workers_give_the_same_result():
    other = "城乡居民基本医保财政补助标准提高到人均320元，加强全科医生培养，推进分级诊疗。"
    docs = {f"d{i}": noise(i, 400) + {0: SENTENCE, 3: SENTENCE, 4: other, 8: other}.get(i, "") + noise(100 + i, 200)
            for i in range(9)}
    docs["d5"] += SENTENCE[:40]  # with d0 and d3: in three documents, a formula
    one, two = find_reuse(docs, workers=1), find_reuse(docs, workers=2)
    assert one == two
    assert find_reuse(docs, maxdf=3, workers=1) == find_reuse(docs, maxdf=3, workers=2)  # seeds made many pairs at once
    # d0 and d3 share the sentence, half of which d5 holds too: in three documents, a formula of the series
    assert {(p.a.key, p.b.key, p.kind) for p in one.passages} == {("d0", "d3", Kind.FORMULA), ("d4", "d8", Kind.COPY)}
    assert any(SENTENCE[10:30] in f.span.text and f.docs == 3 for f in one.formulas)


PHRASES = ["全区上下紧紧围绕全市工作格局", "坚持目标导向、问题导向和项目带动", "150个重大项目完成投资470亿元",
           "攻坚克难、务实重干", "取得了瞩目的业绩", "二七区", "，", "。"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.one_of(st.sampled_from(PHRASES), st.sampled_from(["\n", "\n\n## ", " ", "\u3000"]),
                                   st.text("经济社会发展建设的一二三456", max_size=6)), min_size=1, max_size=25),
                min_size=2, max_size=4),
       st.integers(5, 20))
def test_every_span_is_the_text_it_points_at(bodies, min_chars):
    from erqi_diff.reuse.fingerprint import prepare

    docs = {f"k{i}": "".join(parts) + "二七区发展" for i, parts in enumerate(bodies)}
    longest = max(len(prepare(t).text) for t in docs.values())
    if min_chars > longest:
        return
    result = find_reuse(docs, min_chars)
    for p in result.passages:
        for span in (p.a, p.b):
            assert docs[span.key][span.start:span.end] == span.text
        assert p.chars >= min_chars and 0 < p.similarity <= 1
        if p.a.key == p.b.key:
            assert p.a.end <= p.b.start
        for d in p.differences:
            assert docs[p.a.key][d.a_start:d.a_end] == d.a and docs[p.b.key][d.b_start:d.b_end] == d.b
            assert p.a.start <= d.a_start <= d.a_end <= p.a.end and p.b.start <= d.b_start <= d.b_end <= p.b.end
    for f in result.formulas:
        assert docs[f.span.key][f.span.start:f.span.end] == f.span.text


# ---------------------------------------------------------------- real reports

def _expected(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _find(result, entry):
    return [p for p in result.passages
            if (int(p.a.key), int(p.b.key)) == (entry["a"], entry["b"])
            and entry["a_text"] in p.a.text and entry["b_text"] in p.b.text]


@pytest.fixture(scope="module")
def seeds_audit(seeds_project):
    from erqi_diff.core.snapshot import load_many

    snaps = load_many(seeds_project)
    return audit_snapshots(snaps), {str(s.year): s for s in snaps}


@pytest.fixture(scope="module")
def gwr_audit(gwr_project):
    from erqi_diff.core.snapshot import load_many

    snaps = load_many(gwr_project)
    return audit_snapshots(snaps), {str(s.year): s for s in snaps}


@pytest.mark.parametrize("entry", _expected("reuse_seeds.json")["passages"], ids=lambda e: e["note"][:40])
def test_seeds_passages_found(seeds_audit, entry):
    result, snaps = seeds_audit
    assert entry["a_text"] in snaps[str(entry["a"])].body and entry["b_text"] in snaps[str(entry["b"])].body
    found = _find(result, entry)
    assert found, f"{entry['a']} -> {entry['b']}: {entry['note']}"
    if entry.get("kind"):
        assert found[0].kind is Kind(entry["kind"])
    if "differences" in entry:
        assert [[d.a, d.b] for d in found[0].differences] == entry["differences"]


def test_seeds_2017_paragraph_stated_twice(seeds_audit):
    result, snaps = seeds_audit
    body = snaps["2017"].body
    (p,) = [p for p in result.passages if p.a.key == p.b.key == "2017" and "四重点一稳定一保证" in p.a.text]
    assert p.kind is Kind.COPY and p.chars > 100 and p.similarity > 0.95
    assert body[p.a.start:p.a.end] == p.a.text and body[p.b.start:p.b.end] == p.b.text
    # the first near the top, the second the closing quotation of the report
    assert p.a.start < len(body) // 5 and p.b.end > len(body) - 200
    assert p.b.section == "总结2017·直接引语"
    assert "记者从现场了解到" in body[p.a.start - 40:p.a.start]


def test_seeds_repeated_heading_joins_no_two_quotes(seeds_audit):
    # 2017 has the heading 总结2017·直接引语 twice, each over a different quotation
    # opening with 2017年， and naming 市委、市政府: no copy between them
    result, _snaps = seeds_audit
    assert not [p for p in result.passages if p.a.key == p.b.key == "2017" and "直接引语" in p.a.text]


def test_seeds_sections_and_offsets(seeds_audit):
    from erqi_diff.core.document import section_offsets

    result, snaps = seeds_audit
    assert result.passages
    for p in result.passages:
        for span in (p.a, p.b):
            snap = snaps[span.key]
            assert snap.body[span.start:span.end] == span.text
            starts = [s for s, _ in section_offsets(snap.body, snap.sections)]
            index = max(i for i, s in enumerate(starts) if s <= span.start) if starts[0] <= span.start else None
            assert span.section == (snap.sections[index].heading if index is not None else "")


def test_seeds_ratios(seeds_audit):
    result, _snaps = seeds_audit
    assert result.ratios["2016"].before == 0  # nothing stands before the first report
    for ratio in result.ratios.values():
        assert 0 <= ratio.before <= ratio.before_formulas <= ratio.chars
    assert result.ratios["2018"].share > 0.02  # 2018 carries 2017's 政务服务 sentence over


@pytest.mark.parametrize("entry", _expected("reuse_gwr.json")["passages"], ids=lambda e: e["note"][:40])
def test_gwr_passages_found(gwr_audit, entry):
    result, snaps = gwr_audit
    assert entry["a_text"] in snaps[str(entry["a"])].body and entry["b_text"] in snaps[str(entry["b"])].body
    found = _find(result, entry)
    assert found, f"{entry['a']} -> {entry['b']}: {entry['note']}"
    if entry.get("kind"):
        assert any(p.kind is Kind(entry["kind"]) for p in found)


@pytest.mark.parametrize("entry", _expected("reuse_gwr.json")["formulas"], ids=lambda e: e["note"][:40])
def test_gwr_formulas(gwr_audit, entry):
    result, _ = gwr_audit
    assert any(entry["text"] in f.span.text and f.docs >= entry["min_docs"] for f in result.formulas)


def test_gwr_carried_over_share(gwr_audit):
    result, _ = gwr_audit
    # consecutive national reports carry a part of their wording over (besides what three reports or more hold)
    assert result.ratios["2025"].share > 0.05
    assert result.matrix["2025"]["2024"] > result.matrix["2025"].get("2013", 0.0)


EDITS = st.lists(st.tuples(st.integers(0, 80), st.sampled_from(["delete", "insert", "replace"]),
                           st.text("经济社会发展1234", min_size=1, max_size=4)), max_size=3)


@settings(max_examples=60, deadline=None)
@given(EDITS)
def test_differences_turn_span_a_into_span_b(edits):
    from erqi_diff.reuse.fingerprint import prepare

    base = SENTENCE + "坚定不移推进改革开放，着力稳就业、稳物价。"
    copy = base
    for at, kind, text in sorted(edits, reverse=True):
        at = min(at, len(copy))
        if kind == "delete":
            copy = copy[:at] + copy[at + len(text):]
        elif kind == "insert":
            copy = copy[:at] + text + copy[at:]
        else:
            copy = copy[:at] + text + copy[at + len(text):]
    a = noise(1, 40) + base + noise(2, 40)
    b = noise(3, 30) + copy + noise(4, 30)
    for p in align_pair(a, b):
        rebuilt, pos = [], p.a.start
        for d in p.differences:
            rebuilt.append(a[pos:d.a_start] + d.b)
            pos = d.a_end
        rebuilt.append(a[pos:p.a.end])
        assert prepare("".join(rebuilt)).text == prepare(p.b.text).text


# ---------------------------------------------------------------- the series as background

def test_background_makes_stock_wording_a_formula():
    """Two reports share a stock sentence that three more reports of the
    series hold: audited alone, the two see a copy; with the others as
    background, a formula. The background is neither aligned nor reported."""
    stock = "我们要高举中国特色社会主义伟大旗帜，团结奋斗，为全面建设社会主义现代化国家而努力。"
    docs = {"2001": noise(1, 300) + stock + noise(2, 300), "2002": noise(3, 300) + stock + noise(4, 300)}
    others = {f"19{i}": noise(10 + i, 200) + stock + noise(20 + i, 200) for i in (97, 98, 99)}
    alone = find_reuse(docs)
    assert [p.kind for p in alone.passages if stock[:20] in p.a.text] == [Kind.COPY]
    result = find_reuse(docs, background=others)
    # stock wording pairs no reports: listed once among the formulas, with the series' count
    assert result.copies() == []
    assert any(stock[5:25] in f.span.text and f.docs == 5 for f in result.formulas)
    assert result.keys == ("2001", "2002") and set(result.ratios) == {"2001", "2002"}
    assert set(result.matrix) == {"2001", "2002"}
    assert all(p.a.key in docs and p.b.key in docs for p in result.passages)
    assert all(f.span.key in docs for f in result.formulas)


def test_background_leaves_a_real_copy_a_copy():
    copied = noise(7, 150)
    docs = {"2001": noise(1, 300) + copied, "2002": copied + noise(2, 300)}
    others = {str(1990 + i): noise(30 + i, 400) for i in range(4)}
    alone, with_others = find_reuse(docs), find_reuse(docs, background=others)
    assert [(p.a.text, p.kind) for p in with_others.passages] == [(p.a.text, p.kind) for p in alone.passages]
    assert with_others.ratios == alone.ratios


def _held_share(text: str, body: str, piece: int = 8) -> float:
    """Share of ``text``'s characters inside a piece of ``piece`` characters that ``body`` holds."""
    held = [False] * len(text)
    for i in range(len(text) - piece + 1):
        if text[i:i + piece] in body:
            held[i:i + piece] = [True] * piece
    return sum(held) / max(len(text), 1)


def test_copies_recurring_in_other_reports_of_the_series(gwr_project):
    """2014 -> 2015 with the series' other reports as background: the targets
    sentence, restated with new figures, stands in 2013 too, so in three
    reports: a formula of the series, not a copy; every report a passage is
    said to recur in holds about half its wording or more; a copy inside one
    report held by one other report stays a copy, marked recurring."""
    from erqi_diff.core.snapshot import load_available

    snaps = load_available(gwr_project, [2014, 2015])
    others = load_available(gwr_project, [y for y in gwr_project.years if y not in (2014, 2015)])
    bodies = {str(s.year): s.body for s in (*snaps, *others)}
    result = audit_snapshots(snaps, background=others)
    between = [p for p in result.passages if p.a.key != p.b.key]
    (targets,) = [p for p in between if "主要预期目标是" in p.a.text and p.chars > 60]
    assert "2013" in targets.also and targets.kind is Kind.FORMULA
    for p in result.passages:
        assert all(key in bodies and key not in (p.a.key, p.b.key) for key in p.also)
        assert all(_held_share(p.a.text, bodies[key]) >= 0.4 for key in p.also)
        assert 0.5 <= p.also_share <= 1 if p.also else p.also_share == 0
        if p.also:  # in three texts or more: a formula; in two (a copy inside one report and one other): a copy
            assert p.kind is (Kind.FORMULA if len(p.also) + len({p.a.key, p.b.key}) >= 3 else Kind.COPY)
    assert not any(p.also for p in result.copies() if p.a.key != p.b.key)
    assert sum(1 for p in between if p.kind is Kind.COPY) > 5  # most copies between the two recur nowhere


def test_no_recurring_mark_outside_a_series(monkeypatch, gwr_project):
    """A corpus (more documents than a series) is not read text by text: no ``also``."""
    from erqi_diff.core.snapshot import load_available
    from erqi_diff.reuse import audit

    snaps = load_available(gwr_project, gwr_project.years)
    docs = {str(s.year): s.body for s in snaps}
    assert any(p.also for p in find_reuse(docs).passages)
    monkeypatch.setattr(audit, "SMALL_CORPUS", 2)
    assert find_reuse(docs).passages and not any(p.also for p in find_reuse(docs).passages)


@pytest.mark.parametrize("background, message", [
    ({"1999": 5}, "background document '1999' is not text"),
])
def test_background_bad_input(background, message):
    with pytest.raises(ValueError, match=message):
        find_reuse({"a": noise(1, 100), "b": noise(2, 100)}, background=background)


def test_blank_background_document_is_left_out():
    docs = {"a": noise(1, 200), "b": noise(1, 200)}
    assert find_reuse(docs, background={"c": "  \n"}).passages == find_reuse(docs).passages


def test_two_years_of_a_long_series_tell_its_stock_phrases(gwr_early_root):
    """1998 and 1999 audited alone share the opening request to the deputies
    and the foreign-policy formula with each other only as far as they can
    see; the series holds them in many other years: formulas, not copies."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many

    project = load_project(gwr_early_root)
    snaps = load_many(project)
    asked = [s for s in snaps if s.year in (1998, 1999)]
    others = [s for s in snaps if s.year not in (1998, 1999)]
    alone, result = audit_snapshots(asked), audit_snapshots(asked, background=others)
    stock = "请予审议，并请全国政协各位委员提出意见"
    assert any(stock in p.a.text for p in alone.copies())
    assert not any(stock in p.a.text for p in result.copies())
    assert any(stock in p.a.text for p in result.passages if p.kind is Kind.FORMULA)
    assert len(result.copies()) < len(alone.copies())
    assert result.keys == ("1998", "1999")
    # every copy still points at its text
    bodies = {str(s.year): s.body for s in asked}
    assert all(bodies[p.a.key][p.a.start:p.a.end] == p.a.text for p in result.passages)


def test_a_series_phrase_with_a_variant_of_two_reports_is_a_formula(gwr_early_root):
    """1993 and 1994 open with the request of every report (现在，我代表国务院
    向大会作政府工作报告，请予审议，并请全国政协各位委员…) plus words only they
    have (和其他列席人员): verbatim between the two, yet a formula of the series."""
    from erqi_diff.core.project import load_project
    from erqi_diff.core.snapshot import load_many

    snaps = load_many(load_project(gwr_early_root))
    asked = [s for s in snaps if s.year in (1993, 1994)]
    result = audit_snapshots(asked, background=[s for s in snaps if s.year not in (1993, 1994)])
    (opening,) = [p for p in result.passages if "和其他列席人员提出意见" in p.a.text]
    assert opening.kind is Kind.FORMULA and opening.similarity == 1.0 and opening.docs >= 6
    assert result.copies()  # the two reports' own copies stay copies


def test_a_stock_passage_edited_in_many_places_is_a_formula():
    """The closing thanks of a series, edited in small places from year to
    year: between two years its unchanged pieces are shorter than a k-gram,
    but each stands in three reports or more: formula wording, not a copy."""
    years = {
        "2001": "我代表国务院，向全国工人、农民、知识分子、干部和解放军指战员，表示崇高的敬意！向各民主党派、各人民团体和各界人士，表示衷心的感谢！",
        "2002": "我代表国务院，向全国工人、农民、知识分子和干部，向解放军指战员，表示崇高的敬意！向各民主党派、各人民团体以及各界人士，表示衷心的感谢！",
        "2003": "我代表国务院，向全国工人、农民、知识分子、干部，解放军指战员，表示崇高的敬意！向各民主党派、各人民团体、各界人士，表示衷心的感谢！",
    }
    docs = {year: noise(int(year), 300) + text + noise(int(year) + 50, 300) for year, text in years.items()}
    result = find_reuse(docs)
    thanks = [p for p in result.passages if "知识分子" in p.a.text]
    assert thanks and all(p.kind is Kind.FORMULA for p in thanks)
    # the same pieces in two reports only are their own wording: a copy
    two = find_reuse({k: docs[k] for k in ("2001", "2002")})
    assert [p.kind for p in two.passages if "知识分子" in p.a.text] == [Kind.COPY]


def test_digits_are_no_stock_piece():
    """A metric line said again with its figure changed (社会消费品零售总额完成474亿元，增长11):
    the piece 增长11 stands in many reports, but digits say no stock wording: a
    statistics line (erqi_diff.reuse.statistics), not a formula."""
    line_a, line_b = "社会消费品零售总额完成474亿元，增长11.2%", "社会消费品零售总额完成250.2亿元，同比增长11.5%"
    others = {str(y): noise(y, 300) + "工业增加值增长11.8%，" + noise(y + 7, 300) for y in (2013, 2014, 2015)}
    docs = {"2017": noise(1, 300) + line_a + noise(2, 300), "2018": noise(3, 300) + line_b + noise(4, 300)}
    result = find_reuse(docs, background=others)
    assert [p.kind for p in result.passages if "社会消费品零售总额" in p.a.text] == [Kind.STATISTIC]

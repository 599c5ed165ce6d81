"""A heading restating the text under it is a headline passage, not a copy
(erqi_diff.reuse.headlines): inside one text only, and never in texts
without heading lines."""

from __future__ import annotations

import pytest

from erqi_diff.reuse.audit import find_reuse
from erqi_diff.reuse.model import Kind

STORY = ("## 二七区荣获全国四个“百强”市辖区称号\n\n"
         "10月8日，《2018年中国中小城市科学发展指数研究成果》发布，二七区获得全国四个“百强”市辖区称号，"
         "展示了二七快速发展的良好势头。\n")
OTHER = "今年以来，全区上下紧紧围绕中心工作，坚持稳中求进，推动经济持续健康发展，人民生活水平不断提高。\n"


def _kinds(docs: dict[str, str]) -> list[tuple[str, str, Kind]]:
    result = find_reuse(docs, 12)
    return [(p.a.key, p.b.key, p.kind) for p in result.passages]


def test_a_headline_restating_its_story_is_no_copy() -> None:
    kinds = _kinds({"2018": STORY, "2019": OTHER})
    assert ("2018", "2018", Kind.HEADLINE) in kinds
    assert all(kind is not Kind.COPY for _, _, kind in kinds)


def test_the_same_words_in_the_body_twice_stay_a_copy() -> None:
    body = STORY.replace("## ", "")  # no heading line: a sentence said twice
    assert ("2018", "2018", Kind.COPY) in _kinds({"2018": body, "2019": OTHER})


@pytest.mark.parametrize("later", [
    "据悉，二七区获得全国四个“百强”市辖区称号，这是该区发展的又一成果，全区上下倍受鼓舞。\n",
])
def test_a_heading_found_again_in_another_text_stays_a_copy(later: str) -> None:
    kinds = _kinds({"2018": STORY, "2019": later})
    assert ("2018", "2019", Kind.COPY) in kinds


def test_the_seeds_news_headlines(seeds_project) -> None:
    """2018's page: 二七区荣获全国四个“百强”市辖区称号 over its story; no share of reused wording counts it."""
    from erqi_diff.core.snapshot import load_many
    from erqi_diff.reuse.snapshots import audit_snapshots

    result = audit_snapshots(load_many(seeds_project, None))
    headlines = [p for p in result.passages if p.kind is Kind.HEADLINE]
    assert any(p.a.year == p.b.year == 2018 and "四个“百强”市辖区称号" in p.a.text for p in headlines)
    assert all(p.a.key == p.b.key for p in headlines)
    assert result.matrix["2018"].get("2018", 0.0) == 0.0  # its only repeat within the report was the headline

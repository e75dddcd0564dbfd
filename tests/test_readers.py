"""What readers meet in the generated pages (issue 17), checked in-process on the real guideline:
checklist labels, citations and the home page without 未記載, the draft banner of a 新旧対照表,
and Japanese running text without the spaces of source line breaks."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from datetime import date

import markdown as md
import pytest
from conftest import ROOT

from guideline.model.guideline import Guideline
from guideline.model.project import load
from guideline.site import compare_page
from guideline.site.checklist import render_checklist
from guideline.site.cite import citation, edition_name
from guideline.site.document import Document
from guideline.site.editions import render_editions_index
from guideline.site.home import render_latest_change
from guideline.site.text import render_edition_page
from guideline.site.typography import join_japanese_lines


@pytest.fixture(scope="module", params=["ja", "en"])
def guideline(request: pytest.FixtureRequest) -> Guideline:
    original = load(ROOT, "ja", drafts=True)
    return original if request.param == "ja" else load(ROOT, request.param, drafts=True, original=original)


def _html(document: Document) -> str:
    converted = md.markdown(document.markdown, extensions=["attr_list", "md_in_html", "toc"])
    return document.fill(converted)


def test_every_checklist_checkbox_has_its_own_label(guideline: Guideline) -> None:
    page = _html(render_checklist(guideline, ""))
    ids = Counter(re.findall(r'\bid="([^"]+)"', page))
    assert [i for i, n in ids.items() if n > 1] == []
    boxes = re.findall(r'<input type="checkbox" id="([^"]+)">', page)
    labels = dict(re.findall(r'<label for="([^"]+)">([^<]+)</label>', page))
    assert boxes and "check-purpose" in boxes, "the first chapter, itself a provision, has a question"
    for box in boxes:
        assert labels.get(box, "").strip(), f"checkbox {box} has no label text"


def test_citation_leaves_out_a_date_the_original_does_not_state(guideline: Guideline) -> None:
    edition = guideline.current
    provision = edition.provisions["accuracy"]
    undated = dataclasses.replace(edition, effective=None)
    cited = citation(guideline, provision, undated)
    assert "未記載" not in cited and "not stated" not in cited
    assert cited.endswith("（第1版）" if guideline.lang == "ja" else " (Edition 1)")
    dated = dataclasses.replace(edition, effective=date(2026, 4, 1))
    expected = (
        "（第1版、施行日：令和8年(2026年)4月1日）"
        if guideline.lang == "ja"
        else "(Edition 1, in force from April 1, 2026)"
    )
    assert citation(guideline, provision, dated).endswith(expected)


def test_home_page_says_once_that_the_date_is_not_stated(guideline: Guideline) -> None:
    assert guideline.current.effective is None
    home = render_latest_change(guideline, "index.md")
    assert "未記載" not in home and "not stated" not in home
    first = home.splitlines()[0]
    assert first.endswith(
        "です。原文に施行日の記載はありません。"
        if guideline.lang == "ja"
        else ". The original text does not state the date it came into force."
    )


def test_draft_banner_of_a_comparison_does_not_link_to_itself(guideline: Guideline) -> None:
    draft = guideline.drafts[0]
    page = _html(compare_page.render_compare(guideline, draft))
    banner = re.search(r'<div class="edition-banner edition-banner--draft".*?</div>', page, re.DOTALL)
    assert banner is not None
    assert "compare/" not in banner.group(0) and "text/" in banner.group(0)
    edition_page = _html(render_edition_page(guideline, draft))
    assert 'href="compare/"' in edition_page, "the draft's own page still points at its 新旧対照表"


def test_editions_index_links_each_edition_by_its_name(guideline: Guideline) -> None:
    table = render_editions_index(guideline)
    for edition in guideline.editions:
        assert f"| [{edition_name(guideline, edition)}]({edition.name}/index.md) |" in table


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("<p>ガイドライン」）と、\nその逐条解説です。</p>", "<p>ガイドライン」）と、その逐条解説です。</p>"),
        ("<p>条文は<a href='x'>全文</a>\nにあります。</p>", "<p>条文は<a href='x'>全文</a>にあります。</p>"),
        ("<p>「はにぼん」の\n<strong>公式</strong>です。</p>", "<p>「はにぼん」の<strong>公式</strong>です。</p>"),
        ("<p>Read the\ntext 全文\nand</p>", "<p>Read the\ntext 全文\nand</p>"),  # English keeps its spaces
        ("<pre><code>一行目\n二行目</code></pre>", "<pre><code>一行目\n二行目</code></pre>"),
        ("<p>一。</p>\n<p>二。</p>", "<p>一。</p>\n<p>二。</p>"),  # between blocks: no text, nothing to join
    ],
)
def test_line_breaks_between_japanese_characters_leave_no_space(source: str, expected: str) -> None:
    assert join_japanese_lines(source) == expected

"""The real site, built once with --strict: the official text, the commentary, every link and anchor."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import ROOT
from pagetext import PageText, parse

from guideline.model.project import load

SOURCE = Path(__file__).parent / "fixtures/guideline.ja.txt"  # the official text as received, untouched


def source_lines() -> list[str]:
    """Each heading, paragraph and item of the source, without its Markdown markers."""
    lines = []
    for raw in SOURCE.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"^\s*(#+|-)\s+", "", raw).strip()
        if line:
            lines.append(line)
    return lines


def page_text(site: Path, url: str) -> str:
    """The visible text of a page's article, without navigation or header."""
    html = (site / url / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article") : html.index("</article>")]
    parser = PageText()
    parser.feed(article)
    return "".join(parser.text)


def test_every_line_of_the_source_appears_verbatim_on_the_full_text(built_site: Path) -> None:
    text = page_text(built_site, "text")
    lines = source_lines()
    assert len(lines) == 29
    missing = [line for line in lines if line not in text]
    assert missing == []
    assert "場合にあつては" in text


def test_every_sentence_appears_in_source_order(built_site: Path) -> None:
    text = page_text(built_site, "text")
    sentences = [sentence for line in source_lines() for sentence in re.findall(r"[^。]+。?", line)]
    positions = [text.find(s) for s in sentences]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_every_provision_is_anchored_by_its_id_on_the_full_text(built_site: Path) -> None:
    ids = parse(built_site / "text/index.html").ids
    provisions = load(ROOT, drafts=False).current.provisions
    assert set(provisions) <= ids


def test_every_commentary_page_carries_its_examples_and_faqs(built_site: Path) -> None:
    guideline = load(ROOT, drafts=False)
    assert len(guideline.commentaries) == 20
    for clause, commentary in guideline.commentaries.items():
        html = (built_site / f"clauses/{clause}/index.html").read_text(encoding="utf-8")
        ids = parse(built_site / f"clauses/{clause}/index.html").ids
        assert len(commentary.examples) >= 2 and len(commentary.faqs) >= 2, clause
        for example in commentary.examples:
            assert example.anchor in ids, (clause, example.anchor)
        for faq in commentary.faqs:
            assert faq.anchor in ids, (clause, faq.anchor)
        assert html.count('class="example example--') == len(commentary.examples), clause
        assert html.count("<dd>") == 2 * len(commentary.examples), clause  # 場面 and 理由, Markdown converted
        assert 'class="example example--ok"' in html and 'class="example example--ng"' in html, clause
        assert guideline.provision(clause).paragraphs[0] in "".join(
            parse(built_site / f"clauses/{clause}/index.html").text
        )


def test_no_cross_reference_or_placeholder_is_left_unrendered(built_site: Path) -> None:
    unrendered = re.compile(r'\]\(clause:|href="clause:|guideline-block-')
    leftovers = [p for p in built_site.rglob("*.html") if unrendered.search(p.read_text(encoding="utf-8"))]
    assert leftovers == []


def test_checklist_has_a_question_for_every_commentary(built_site: Path) -> None:
    guideline = load(ROOT, drafts=False)
    html = (built_site / "checklist/index.html").read_text(encoding="utf-8")
    for clause in guideline.commentaries:
        assert f'<input type="checkbox" id="check-{clause}">' in html
        assert f'href="../clauses/{clause}/"' in html


def test_production_build_has_no_draft(built_site: Path) -> None:
    assert not (built_site / "editions/2").exists()
    assert "はにぽん" not in page_text(built_site, "text")


@pytest.mark.parametrize("language", ["", "en"])
def test_commentary_navigation_follows_the_text(built_site: Path, language: str) -> None:
    html = (built_site / language / "clauses/rumors/index.html").read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"') : html.index('class="md-content"')]
    order = [pid for pid in load(ROOT, drafts=False).current.provisions if f'href="../{pid}/"' in nav]
    positions = [nav.index(f'href="../{pid}/"') for pid in order]
    assert len(order) >= 8  # the chapter being read, at least
    assert positions == sorted(positions)

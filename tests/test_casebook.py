"""事例集 (/cases/): every worked example, by situation and verdict, linking to its place (the real site)."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from conftest import ROOT

from guideline.model.commentary import VOCABULARIES, situation_labels
from guideline.model.project import load
from guideline.site.cite import citation_label
from tools import sitecheck

CASES = {"ja": "cases/index.html", "en": "en/cases/index.html"}
ITEM = re.compile(r'<li class="case" data-situations="([^"]*)" data-verdict="([^"]*)">(.*?)</li>', re.DOTALL)
GROUP = re.compile(r'<ul class="cases" data-situation="([^"]+)">(.*?)</ul>', re.DOTALL)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_casebook_lists_every_example_under_each_of_its_situations(built_site: Path, lang: str) -> None:
    guideline = load(ROOT, lang)
    page = (built_site / CASES[lang]).read_text(encoding="utf-8")
    groups = dict(GROUP.findall(page))
    assert list(groups) == [s.id for s in guideline.situations if groups.get(s.id)]
    ids = {s.label(lang): s.id for s in guideline.situations}
    verdicts = VOCABULARIES[lang]
    expected = 0
    for pid, commentary in guideline.commentaries.items():
        for example in commentary.examples:
            expected += 1
            href = f'href="../clauses/{pid}/#{example.anchor}"'
            tags = [ids[t] for t in situation_labels(example, lang)]
            for sid in ids.values():
                assert (href in groups.get(sid, "")) == (sid in tags), (pid, example.anchor, sid)
            item = next(body for _, _, body in ITEM.findall(groups[tags[0]]) if href in body)
            text = unescape(re.sub(r"<[^>]+>", "", item))
            assert example.title in text
            assert verdicts.verdict(example.verdict) in text  # the verdict in words, not only a colour
            assert citation_label(guideline, pid) in text  # the provision, by its current number and title
    links = set(re.findall(r'<p class="case__title"><a href="([^"]+)"', page))
    assert len(links) == expected >= 85


def test_every_link_and_anchor_of_the_casebook_resolves(built_site: Path) -> None:
    problems = sitecheck.check(built_site, "http://127.0.0.1:8000/").problems
    assert [p for p in problems if "cases" in str(p)] == []
    assert problems == []


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_casebook_works_without_javascript(built_site: Path, lang: str) -> None:
    page = (built_site / CASES[lang]).read_text(encoding="utf-8")
    # The filters can do nothing without the script, so the HTML hides them; the full list is there.
    assert re.search(r'<form class="casebook-filters" id="casebook-filters" hidden', page)
    assert page.count('<li class="case"') >= 85
    assert 'class="casebook-index"' in page
    for situation in load(ROOT, lang).situations:
        assert f'<a href="#{situation.id}">' in page
        assert f'id="{situation.id}"' in page


@pytest.mark.parametrize(("home", "word"), [("index.html", "事例集"), ("en/index.html", "casebook")])
def test_the_home_page_links_the_casebook_next_to_the_checklist(built_site: Path, home: str, word: str) -> None:
    page = (built_site / home).read_text(encoding="utf-8")
    where = page.index("checklist/", page.index('class="md-content"'))
    link = re.search(rf'<a href="(\./)?cases/">{word}</a>', page)
    assert link is not None and 0 < link.start() - where < 600
    nav = page[page.index('<nav class="md-nav md-nav--primary"') :]
    assert re.search(r'<a href="(\./)?cases/" class="md-nav__link', nav)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_each_example_on_its_page_links_to_its_situations_in_the_casebook(built_site: Path, lang: str) -> None:
    guideline = load(ROOT, lang)
    ids = {s.label(lang): s.id for s in guideline.situations}
    prefix = "" if lang == "ja" else "en/"
    for pid, commentary in guideline.commentaries.items():
        page = (built_site / prefix / "clauses" / pid / "index.html").read_text(encoding="utf-8")
        shown = re.findall(r'<p class="example__situations">(.*?)</p>', page)
        assert len(shown) == len(commentary.examples), pid
        for example, links in zip(commentary.examples, shown, strict=True):
            expected = [f'<a href="../../cases/#{ids[t]}">{t}</a>' for t in situation_labels(example, lang)]
            assert re.findall(r"<a [^>]*>[^<]*</a>", links) == expected, (pid, example.anchor)

"""The site's plan (guideline/site/plan.py), in-process: which pages there are, titled, placed and searched how."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import BUILD_DATE, ROOT

from guideline import cli
from guideline.labels import label
from guideline.model.guideline import Guideline
from guideline.model.project import load
from guideline.site import pages, plan

TODAY = date.fromisoformat(BUILD_DATE)


def loaded(drafts: bool) -> dict[str, Guideline]:
    ja = load(ROOT, "ja", drafts=drafts, today=TODAY)
    return {"ja": ja, "en": load(ROOT, "en", drafts=drafts, original=ja, today=TODAY)}


@pytest.fixture(scope="module")
def published() -> dict[str, Guideline]:
    return loaded(drafts=False)


@pytest.fixture(scope="module")
def site(published: dict[str, Guideline]) -> dict[str, list[plan.Page]]:
    return {lang: plan.plan(guideline, lang) for lang, guideline in published.items()}


def test_drafts_add_their_edition_pages_out_of_the_search_but_the_full_text(site: dict[str, list[plan.Page]]) -> None:
    with_drafts = loaded(drafts=True)
    draft = with_drafts["ja"].drafts[-1].name
    shown = {page.doc: page for page in plan.plan(with_drafts["ja"], "ja")}
    assert pages.edition(draft) not in {page.doc for page in site["ja"]}
    assert shown[pages.edition(draft)].in_search  # a draft's text is searched until it is published
    assert not shown[pages.comparison(draft)].in_search
    assert shown[pages.comparison(draft)].nav is None  # reached from the revision history


def test_the_navigation_follows_the_reader_then_the_current_edition(
    published: dict[str, Guideline], site: dict[str, list[plan.Page]]
) -> None:
    for lang, planned in site.items():
        guideline = published[lang]
        in_nav = [page for page in planned if page.nav is not None]
        assert [page.doc for page in in_nav[:2]] == [pages.HOME, pages.TEXT]
        clauses = [page for page in in_nav if page.kind == plan.COMMENTARY]
        assert {page.nav[0] for page in clauses if page.nav} == {label(guideline, "clauses_section")}
        order = list(guideline.current.provisions)
        ids = [Path(page.doc).stem for page in clauses]
        assert ids == sorted(ids, key=order.index)
        assert all(page.nav is None for page in planned if page.kind in ("edition", "compare"))


def test_each_page_is_read_from_its_translation_or_written_in_the_language(site: dict[str, list[plan.Page]]) -> None:
    english = {page.doc: page for page in site["en"]}
    assert english[pages.clause("accuracy")].source == "clauses/accuracy.en.md"
    assert english[pages.clause("accuracy")].url == "en/clauses/accuracy/"
    edition = english[pages.edition("1")]
    assert edition.source == "editions/1/index.md" and not edition.fallback  # a stub the build writes in English
    assert not english[pages.CASES].in_search  # every example is searched on its commentary page


def test_render_refuses_a_language_with_no_edition(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert cli.main(["render", "--out", str(tmp_path), "--lang", "fr"]) == 2
    assert not any(tmp_path.iterdir())

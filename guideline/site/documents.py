"""Each planned page's Markdown: the one place that turns a page of the plan into its content, by kind.

The MkDocs hooks and ``guideline render`` both call ``document`` for each page ``plan`` lists.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from guideline.model.guideline import Guideline
from guideline.model.paths import DEFAULT_LANG
from guideline.site import casebook, compare_page, pages, postcheck
from guideline.site.banners import notice
from guideline.site.checklist import render_checklist
from guideline.site.cite import render_references
from guideline.site.commentary import render_commentary
from guideline.site.document import Document
from guideline.site.editions import render_editions_index
from guideline.site.glossary import render_glossary
from guideline.site.home import render_clause_index, render_latest_change
from guideline.site.plan import COMMENTARY, Page, edition_of
from guideline.site.text import render_edition_page, render_text


def document(guideline: Guideline, page: Page, markdown: str) -> Document:
    """The page's Markdown, from its source's body ``markdown``, with the HTML the build writes beside it."""
    original_href = pages.between(page.url, page.url.removeprefix(f"{guideline.lang}/"))
    if page.fallback and guideline.original is not None:
        return _untranslated(guideline, DEFAULT_LANG, _render(guideline.original, page, markdown, ""))
    body = _render(guideline, page, markdown, original_href)
    if page.stale:  # the notice opens the page's first line of Markdown
        stale = notice(guideline, "stale_translation", original_href)
        first, rest = (body.parts[:1], body.parts[1:]) if body.parts else ([""], [])
        opened = [stale + first[0]] if isinstance(first[0], str) else [stale, first[0]]
        return Document([*opened, *rest])
    return body


def _untranslated(guideline: Guideline, lang: str, document: Document) -> Document:
    """A page with no translation yet: the original, marked as such for screen readers and the browser."""
    untranslated = notice(guideline, "untranslated")
    return Document([untranslated, f'<div lang="{lang}" markdown="1">', "", *document.parts, "", "</div>"])


def _render(guideline: Guideline, page: Page, markdown: str, original_href: str) -> Document:
    kind = page.kind
    if kind == COMMENTARY:
        return render_commentary(guideline, guideline.commentaries[PurePosixPath(page.doc).stem])
    if kind == "text":
        return render_text(guideline, original_href)
    if kind == "editions":
        return Document([render_editions_index(guideline)])
    if kind in ("edition", "compare"):
        edition = edition_of(guideline, page.meta)
        if kind == "edition":
            body = render_edition_page(guideline, edition)
        elif page.meta.get("against") is not None:
            # /editions/<n>/compare/<m>/: the later of the two after, the earlier before
            other = guideline.edition(str(page.meta["against"]))
            if guideline.editions.index(other) > guideline.editions.index(edition):
                edition, other = other, edition
            body = compare_page.render_compare(guideline, edition, other)
        else:
            body = compare_page.render_compare(guideline, edition)
        return _untranslated(guideline, edition.lang, body) if edition.lang != guideline.lang else body
    if kind == "checklist":
        return render_checklist(guideline, markdown)
    if kind == "glossary":
        return render_glossary(guideline, markdown)
    if kind == "cases":
        return casebook.render_casebook(guideline, markdown)
    if kind == "postcheck":
        return postcheck.render_postcheck(guideline, markdown)
    src = page.source  # links are written relative to it
    if kind == "home":
        markdown = markdown.replace("<!-- latest-change -->", render_latest_change(guideline, src))
        markdown = markdown.replace("<!-- clause-index -->", render_clause_index(guideline, src))
    # Other hand-written pages (相談先, the division's pages) may cite provisions by id too.
    return Document([render_references(guideline, markdown, src)])

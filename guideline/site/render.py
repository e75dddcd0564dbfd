"""Each generated page as Markdown: the page renderers by the names the hooks and the CLI call.

Each page kind has its module (``text``, ``commentary``, ``checklist``, ``glossary``, ``editions``,
``home``; ``casebook``, ``compare_page``, ``postcheck`` beside them); they share ``cite`` (how a
provision is named, linked and cited), ``banners``, ``review`` (要確認), ``document`` (``Document``,
``Html``), ``labels`` (every interface string) and ``templating`` (the HTML templates). This module
only gathers their public functions, so the hooks need not know where each lives.

The renderers take the validated ``Guideline`` and the source path of the page they write, and
return Markdown for MkDocs (or any other Markdown site generator) to turn into HTML. Links to other
pages are written as relative ``.md`` links so that the generator checks them; raw HTML attributes
get final relative URLs. The generated HTML travels beside the Markdown in a ``Document``.
"""

from __future__ import annotations

from guideline.labels import label
from guideline.site.banners import notice, scheduled_banners
from guideline.site.checklist import render_checklist
from guideline.site.cite import (
    account_name,
    citation,
    copy_button,
    edition_name,
    page_title,
    provision_doc,
    render_references,
    site_name,
    status,
)
from guideline.site.commentary import render_commentary
from guideline.site.document import Document, Html, Part
from guideline.site.editions import render_corrections, render_editions_index
from guideline.site.glossary import annotate_terms, render_glossary
from guideline.site.home import render_clause_index, render_latest_change
from guideline.site.review import removed_reference_messages, review_note
from guideline.site.text import render_edition_page, render_text

__all__ = [
    "Document",
    "Html",
    "Part",
    "account_name",
    "annotate_terms",
    "citation",
    "copy_button",
    "edition_name",
    "label",
    "notice",
    "page_title",
    "provision_doc",
    "removed_reference_messages",
    "render_checklist",
    "render_clause_index",
    "render_commentary",
    "render_corrections",
    "render_edition_page",
    "render_editions_index",
    "render_glossary",
    "render_latest_change",
    "render_references",
    "render_text",
    "review_note",
    "scheduled_banners",
    "site_name",
    "status",
]

"""What the home page (index.md) is given: the edition in force and what it changed, and every provision."""

from __future__ import annotations

import html

from guideline.labels import label
from guideline.model.dates import wareki
from guideline.model.guideline import Guideline
from guideline.site import pages
from guideline.site.banners import scheduled_banners
from guideline.site.cite import edition_name, page_title, reference
from guideline.site.document import Html


def render_latest_change(guideline: Guideline, from_doc: str) -> str:
    """The edition in force, what it changed, and any draft under consideration (shown only with drafts)."""
    current = guideline.current
    when = wareki(current.effective, guideline.lang)
    link = pages.md_link(from_doc, pages.edition(current.name))
    key = "home_current" if current.effective is not None else "home_current_undated"
    out = [label(guideline, key, edition=f"[{edition_name(guideline, current)}]({link})", date=when), ""]
    comparison = guideline.comparison(current)
    if comparison is not None:
        changed = [row for row in comparison.changed_rows if row.new is not None and row.new.numbered]
        compare_link = pages.md_link(from_doc, pages.comparison(current.name))
        out += [label(guideline, "home_changed", href=compare_link), ""]
        out += [f"- {reference(guideline, row.id, from_doc)}" for row in changed]
        out.append("")
    out += [part.markup if isinstance(part, Html) else part for part in scheduled_banners(guideline, from_doc)]
    for draft in guideline.drafts:
        href = pages.md_link(from_doc, pages.comparison(draft.name))
        out += [label(guideline, "home_draft", edition=edition_name(guideline, draft), href=href), ""]
    return "\n".join(out)


def render_clause_index(guideline: Guideline, from_doc: str) -> str:
    """A list of every provision with commentary, in the order of the text."""
    out = []
    for provision in guideline.current.provisions.values():
        if provision.id in guideline.commentaries:
            indent = "    " if provision.kind == "subitem" else ""
            link = pages.md_link(from_doc, pages.clause(provision.id))
            out.append(f"{indent}- [{html.escape(page_title(guideline, provision.id))}]({link})")
    return "\n".join(out) + "\n"

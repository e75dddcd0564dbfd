"""投稿前チェックリスト (/checklist/): one question per provision, by chapter, each linking its provision."""

from __future__ import annotations

from guideline.labels import label, strings
from guideline.model.guideline import Guideline
from guideline.site import pages
from guideline.site.cite import citation_label, markdown_text
from guideline.site.document import Document, Html, Part
from guideline.site.templating import fragment


def render_checklist(guideline: Guideline, markdown: str) -> Document:
    """投稿前チェックリスト, after the page's own ``markdown``: one question per provision, by chapter."""
    from_doc = pages.CHECKLIST
    edition = guideline.current
    intro = label(guideline, "checklist_intro")
    if (guideline.root / "docs" / pages.CONTACTS).exists():  # a guideline that says whom to ask links it
        intro += ("" if guideline.lang == "ja" else " ") + label(guideline, "checklist_contacts")
    out: list[Part] = [markdown, "", intro, ""]
    for top in edition.top_level():
        ids = [top.id, *[d for c in top.children for d in (c, *edition.provisions[c].children)]]
        commentaries = [guideline.commentaries[i] for i in ids if i in guideline.commentaries]
        if not commentaries:
            continue
        # Not "check-<id>": that is the checkbox's id when the chapter is itself a provision with a question.
        out += [f"## {markdown_text(top.label)} {markdown_text(top.heading)} {{#chapter-{top.id}}}", ""]
        items = [
            (
                c.clause,
                c.checklist,
                pages.url_link(from_doc, pages.clause(c.clause)),
                citation_label(guideline, c.clause),
            )
            for c in commentaries
        ]
        out += [Html(fragment("checklist.html", "questions", items=items, l=strings(guideline))), ""]
    return Document(out)

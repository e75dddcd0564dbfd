"""How a provision is named, linked and cited: on every page kind, and in the copy buttons.

Also the names the pages share: an edition's name and status, the account's and the site's.
"""

from __future__ import annotations

import html

from markupsafe import Markup

from guideline.labels import label
from guideline.model import references
from guideline.model.dates import wareki
from guideline.model.edition import Edition, Provision
from guideline.model.guideline import Guideline
from guideline.site import pages
from guideline.site.templating import fragment


def markdown_text(value: str) -> str:
    """Words from the sources as Markdown text: ``<`` and ``&`` are written as text, never as HTML."""
    return html.escape(value, quote=False)


def _named(guideline: Guideline, key: str) -> str | None:
    """A name the edition in force, or the last edition before it that set one, gives (``site_name``, ``account``)."""
    upto = guideline.published[: guideline.published.index(guideline.current) + 1]
    named = [str(getattr(e, key)) for e in upto if getattr(e, key) and e.lang == guideline.lang]
    return named[-1] if named else None


def account_name(guideline: Guideline) -> str:
    """The account's display name on post cards, as the edition in force gives it (a renaming edition may)."""
    return _named(guideline, "account") or label(guideline, "account")


def site_name(guideline: Guideline) -> str | None:
    """The site's short name, as the edition in force gives it, or None when no edition renamed it."""
    return _named(guideline, "site_name")


def edition_name(guideline: Guideline, edition: Edition) -> str:
    return label(guideline, "edition", name=edition.name)


def status(guideline: Guideline, edition: Edition) -> str:
    """改正案, 現行, 旧版 …: as the revision history says it."""
    return label(guideline, f"status_{guideline.status(edition)}")


def citation_label(guideline: Guideline, provision_id: str) -> str:
    """How a provision is named in running text: 3(4)「正確に書き…」, or 3(4) “Write accurately…”."""
    provision = guideline.provision(provision_id)
    if not provision.numbered:
        return provision.heading
    number = provision.number
    if guideline.is_removed(provision_id):
        number = label(guideline, "cited_removed", number=number)
    cited = label(guideline, "cited", number=number, title=guideline.title(provision_id))
    if guideline.is_draft_only(provision_id):
        cited += label(guideline, "cited_draft")
    return cited


def page_title(guideline: Guideline, provision_id: str) -> str:
    if guideline.is_removed(provision_id):
        return f"{label(guideline, 'deleted_title')} {citation_label(guideline, provision_id)}"
    provision = guideline.provision(provision_id)
    return f"{provision.number} {guideline.title(provision_id)}".strip()


def provision_doc(guideline: Guideline, provision_id: str) -> tuple[str, str | None]:
    """The page and anchor where a provision is explained: its commentary, else the full text."""
    if guideline.has_commentary(provision_id):
        return pages.clause(provision_id), None
    if guideline.is_not_yet_in_force(provision_id):
        return pages.edition(guideline.edition_of(provision_id).name), provision_id
    return pages.TEXT, provision_id


def reference(guideline: Guideline, target: str, from_doc: str, text: str = "", anchor: str | None = None) -> str:
    """A link to a provision showing its current number and title (or ``text``, the editor's Markdown).

    A provision of a draft that is not shown does not exist on the site: its reference keeps only
    the words an editor wrote, unlinked, or disappears.
    """
    if target in guideline.hidden:
        return text
    doc, at = provision_doc(guideline, target)
    if doc != pages.clause(target) and at is not None and guideline.is_not_yet_in_force(target):
        # The draft's or scheduled edition's full text holds its provisions' anchors in generated HTML, which MkDocs does not see.
        # Trust point: the editor's words are Markdown, which the page allows to hold inline HTML.
        shown = Markup(text) if text else citation_label(guideline, target)
        return str(fragment("cite.html", "link", href=pages.url_link(from_doc, doc, at), text=shown))
    shown = text or markdown_text(citation_label(guideline, target))
    return f"[{shown}]({pages.md_link(from_doc, doc, anchor or at)})"


def render_references(guideline: Guideline, markdown: str, from_doc: str) -> str:
    """Turn ``[](clause:id)`` into links showing the provision's current number and title."""
    return references.replace(markdown, lambda ref: reference(guideline, ref.target, from_doc, ref.text, ref.anchor))


def citation(guideline: Guideline, provision: Provision, edition: Edition) -> str:
    """The citation copied with a link: guideline title, number and title, edition and its date."""
    number = provision.number or provision.heading
    if provision.numbered and provision.id in edition.provisions and edition is guideline.current:
        number = citation_label(guideline, provision.id)
    elif provision.numbered:
        number = label(guideline, "cited", number=provision.number, title=guideline.title(provision.id))
    when = edition_name(guideline, edition)
    if edition.effective is not None:  # an unstated date is said once, on the home page, not in every citation
        when = label(guideline, "cite_edition", edition=when, date=wareki(edition.effective, guideline.lang))
    return f"{edition.title} {number}" + label(guideline, "paren", text=when)


def copy_button(guideline: Guideline, provision: Provision, edition: Edition, from_doc: str) -> Markup:
    """Copies the permanent link with its citation, and a link pinned to this edition."""
    doc, anchor = provision_doc(guideline, provision.id)
    return fragment(
        "cite.html",
        "copy_button",
        href=pages.url_link(from_doc, doc, anchor),
        citation=citation(guideline, provision, edition),
        pinned=pages.url_link(from_doc, pages.edition(edition.name), provision.id),
        pinned_label=label(guideline, "pinned"),
        copied=label(guideline, "copied"),
        by_hand=label(guideline, "copy_by_hand"),
        title=label(guideline, "copy_title", number=provision.number or provision.heading),
        text=label(guideline, "copy"),
    )

"""The full text: /text/ (the edition in force) and each edition's own page, as it was."""

from __future__ import annotations

from markupsafe import Markup

from guideline import compare
from guideline.labels import label, strings
from guideline.model.dates import wareki
from guideline.model.edition import Edition, Provision
from guideline.model.guideline import Guideline
from guideline.site import pages
from guideline.site.banners import edition_banner, notice, scheduled_banners
from guideline.site.cite import copy_button, edition_name, markdown_text
from guideline.site.document import Document, Html, Part
from guideline.site.templating import fragment


def _edition_meta(guideline: Guideline, edition: Edition) -> Markup:
    lang = guideline.lang
    name = edition_name(guideline, edition)
    enacted, effective = wareki(edition.enacted, lang), wareki(edition.effective, lang)
    return fragment("text.html", "edition_meta", name=name, enacted=enacted, effective=effective, l=strings(guideline))


def _differs_now(guideline: Guideline, provision: Provision) -> bool:
    """Whether the current text of a provision differs from this edition's (changed, moved or removed)."""
    now = guideline.current.provisions.get(provision.id)
    return now is None or compare.wording(now) != compare.wording(provision) or now.number != provision.number


def _actions(guideline: Guideline, edition: Edition, provision: Provision, from_doc: str) -> Markup:
    commentary = current = None
    if guideline.has_commentary(provision.id):
        commentary = pages.url_link(from_doc, pages.clause(provision.id))
    if (
        edition is not guideline.current
        and not guideline.is_not_yet_in_force(provision.id)
        and _differs_now(guideline, provision)
    ):
        removed = guideline.is_removed(provision.id)
        doc, anchor = (pages.clause(provision.id), None) if removed else (pages.TEXT, provision.id)
        current = pages.url_link(from_doc, doc, anchor)
    copy = copy_button(guideline, provision, edition, from_doc)
    return fragment("text.html", "actions", commentary=commentary, current=current, copy=copy, l=strings(guideline))


def _provision_block(guideline: Guideline, edition: Edition, provision: Provision, from_doc: str) -> Markup:
    """One item or sub-item of the full text, with its children nested inside."""
    children = Markup("").join(
        _provision_block(guideline, edition, edition.provisions[c], from_doc) for c in provision.children
    )
    actions = _actions(guideline, edition, provision, from_doc)
    return fragment("text.html", "provision", p=provision, actions=actions, children=children)


def edition_text(guideline: Guideline, edition: Edition, from_doc: str, original_href: str = "") -> list[Part]:
    """The full official text of an edition, every provision anchored by its id."""
    out: list[Part] = [f"# {markdown_text(edition.title)}", "", Html(_edition_meta(guideline, edition)), ""]
    if guideline.original is not None:
        out[2:2] = [Html(notice(guideline, "reference_translation", original_href).strip()), ""]
    for top in edition.top_level():
        heading = markdown_text(top.heading)
        if top.kind == "preamble":
            out += [f"## {heading} {{#{top.id} .provision-heading .provision-heading--preamble}}", ""]
        else:
            out += [f"## {markdown_text(top.label)} {heading} {{#{top.id} .provision-heading}}", ""]
        blocks = []
        if top.paragraphs or top.numbered:
            blocks.append(fragment("text.html", "top", p=top, actions=_actions(guideline, edition, top, from_doc)))
        blocks += [_provision_block(guideline, edition, edition.provisions[c], from_doc) for c in top.children]
        if blocks:
            out += [Html(Markup("\n").join(blocks)), ""]
    return out


def render_text(guideline: Guideline, original_href: str = "") -> Document:
    """The current text; links to provisions removed since land on their tombstones (see guideline.js)."""
    out = edition_text(guideline, guideline.current, pages.TEXT, original_href)
    at = 6 if guideline.original is not None else 4  # after the edition's dates (and the translation notice)
    out[at:at] = scheduled_banners(guideline, pages.TEXT)
    removed = {pid: pages.url_link(pages.TEXT, pages.clause(pid)) for pid in guideline.tombstones}
    if removed:
        out.append(Html(fragment("text.html", "removed", urls=removed)))
    return Document(out)


def render_edition_page(guideline: Guideline, edition: Edition) -> Document:
    """The full text of one edition as it was, with a banner when it is not the current text."""
    from_doc = pages.edition(edition.name)
    title, *rest = edition_text(guideline, edition, from_doc)
    heading = f"{title} {label(guideline, 'paren', text=edition_name(guideline, edition))}"
    banner: list[Part] = [Html(b), ""] if (b := edition_banner(guideline, edition, from_doc)) else []
    if (current := guideline.against_current(edition)) is not None:
        href = pages.md_link(from_doc, pages.comparison_with(edition.name, current.name))
        banner += [f"[{label(guideline, 'compare_current')}]({href})", ""]
    return Document([heading, "", *banner, *rest])

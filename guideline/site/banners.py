"""The notes above a page: what state an edition is in, a change still to come, a translation's standing."""

from __future__ import annotations

from markupsafe import Markup

from guideline.labels import markup
from guideline.model.dates import wareki
from guideline.model.edition import Edition
from guideline.model.guideline import Guideline
from guideline.site import pages
from guideline.site.cite import edition_name
from guideline.site.document import Html, Part
from guideline.site.templating import fragment


def banner(kind: str, message: str) -> Markup:
    """``edition-banner--draft``, ``--scheduled``, ``--superseded``, ``--deleted``: one paragraph."""
    return fragment("banners.html", "banner", kind=kind, message=message)


def notice(guideline: Guideline, key: str, href: str = "") -> str:
    """A note above a page's content, e.g. that English is a reference translation; empty when none applies."""
    text = markup(guideline, key, href=href)
    if not text:
        return ""
    return str(fragment("banners.html", "notice", kind=key.replace("_", "-"), message=text)) + "\n\n"


def scheduled_banners(guideline: Guideline, from_doc: str, provision_id: str | None = None) -> list[Part]:
    """A banner for each edition released but not yet in force (施行予定), linking its 新旧対照表.

    With ``provision_id``, only the editions that change that provision (e-Gov's 未施行, legislation.gov.uk's
    prospective changes).
    """
    out: list[Part] = []
    for edition in guideline.scheduled:
        comparison = guideline.comparison(edition)
        key = "scheduled"
        if provision_id is not None:
            row = comparison.by_id.get(provision_id) if comparison is not None else None
            if row is None or not row.changed:
                continue
            key = "scheduled_new" if row.kind == "added" else key
        href = pages.url_link(from_doc, pages.comparison(edition.name))
        message = markup(guideline, key, date=wareki(edition.effective, guideline.lang), href=href)
        out += [Html(banner("scheduled", message)), ""]
    return out


def edition_banner(guideline: Guideline, edition: Edition, from_doc: str) -> str:
    """On an edition's pages: that it is a draft, still to come into force, or superseded; else nothing."""
    text = pages.url_link(from_doc, pages.TEXT)
    if edition.is_draft:
        message = markup(guideline, "draft_banner", href=text)
        if from_doc != pages.comparison(edition.name):  # the 新旧対照表 does not point at itself
            compare = pages.url_link(from_doc, pages.comparison(edition.name))
            message += markup(guideline, "draft_banner_compare", compare=compare)
        kind = "draft"
    elif guideline.status(edition) == "scheduled":
        current = edition_name(guideline, guideline.current)
        when = wareki(edition.effective, guideline.lang)
        message, kind = markup(guideline, "scheduled_edition", href=text, current=current, date=when), "scheduled"
    elif edition is not guideline.current:
        current = edition_name(guideline, guideline.current)
        message, kind = markup(guideline, "not_current", href=text, current=current), "superseded"
    else:
        return ""
    return str(banner(kind, message))

"""改正履歴 (/editions/): every edition with its status, dates, full text and 新旧対照表, and the
corrections recorded after publication."""

from __future__ import annotations

from datetime import date

from guideline.labels import label
from guideline.model.dates import wareki
from guideline.model.guideline import Guideline
from guideline.site import pages
from guideline.site.banners import scheduled_banners
from guideline.site.cite import edition_name, status
from guideline.site.document import Html
from guideline.site.templating import fragment


def render_corrections(guideline: Guideline) -> str:
    """Each correction recorded after publication (dates, 正誤), with its reason: never a silent rewrite."""
    lang = guideline.lang
    out = [
        f"## {label(guideline, 'corrections_title')} {{#corrections}}",
        "",
        label(guideline, "corrections_intro"),
        "",
    ]
    rows = []
    for name, entry in guideline.releases.items():
        for item in entry.history:
            kind = str(item.get("kind", ""))
            if kind == "release":
                continue
            day = wareki(date.fromisoformat(str(item.get("date"))), lang)
            cells = [label(guideline, "edition", name=name), day, label(guideline, f"kind_{kind}")]
            changes = [str(c) for c in item.get("changes") or []]
            rows.append((cells, str(item.get("reason", "")), changes))
    if not rows:
        return "\n".join([*out, label(guideline, "corrections_none"), ""])
    keys = ("col_edition", "col_date", "col_kind", "col_reason", "col_changes")
    table = fragment("editions.html", "corrections", columns=[label(guideline, k) for k in keys], rows=rows)
    return "\n".join([*out, table, ""])


def render_editions_index(guideline: Guideline) -> str:
    """改正履歴: every edition, newest first, with its status, dates, full text and comparison."""
    from_doc = pages.EDITIONS
    lang = guideline.lang
    keys = ("col_edition", "col_status", "enacted", "effective", "col_text", "col_compare")
    out = [f"# {label(guideline, 'editions_title')}", "", label(guideline, "editions_intro"), ""]
    out += [part.markup if isinstance(part, Html) else part for part in scheduled_banners(guideline, from_doc)]
    out += ["| " + " | ".join(label(guideline, key) for key in keys) + " |", "|" + " --- |" * len(keys)]
    for edition in reversed(guideline.editions):
        text = f"[{label(guideline, 'full_text')}]({pages.md_link(from_doc, pages.edition(edition.name))})"
        compared = label(guideline, "compare_first")
        if guideline.previous(edition) is not None:
            compared = (
                f"[{label(guideline, 'compare_link')}]({pages.md_link(from_doc, pages.comparison(edition.name))})"
            )
        if (current := guideline.against_current(edition)) is not None:
            href = pages.md_link(from_doc, pages.comparison_with(edition.name, current.name))
            compared += f"<br>[{label(guideline, 'compare_current')}]({href})"
        shown = status(guideline, edition)
        if guideline.status(edition) != "superseded":
            shown = f"**{shown}**"
        cells = [
            f"[{edition_name(guideline, edition)}]({pages.md_link(from_doc, pages.edition(edition.name))})",
            shown,
            wareki(edition.enacted, lang),
            wareki(edition.effective, lang),
        ]
        out.append("| " + " | ".join([*cells, text, compared]) + " |")
    out.append("")
    out.append(render_corrections(guideline))
    return "\n".join(out)

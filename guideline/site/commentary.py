"""A provision's page (/clauses/<id>/): its official text, 趣旨, examples, FAQs, links and history.

A provision an edition deleted keeps its page as a tombstone: when it went, its last text and where
its subject went.
"""

from __future__ import annotations

from markupsafe import Markup

from guideline import compare
from guideline.labels import label, markup, strings, verdict_note
from guideline.model.commentary import (
    CAUTION,
    FIX,
    NG,
    OK,
    POST,
    REASON,
    SCENE,
    VOCABULARIES,
    Commentary,
    Example,
    situation_labels,
)
from guideline.model.dates import wareki
from guideline.model.edition import Edition, Provision
from guideline.model.guideline import Guideline
from guideline.site import pages
from guideline.site.banners import banner, scheduled_banners
from guideline.site.cite import (
    account_name,
    citation_label,
    copy_button,
    edition_name,
    markdown_text,
    page_title,
    reference,
    render_references,
)
from guideline.site.document import Document, Html, Part
from guideline.site.review import review_note
from guideline.site.templating import fragment

VERDICT_CLASS = {OK: "ok", NG: "ng", CAUTION: "caution"}
VERDICT_ICON = {OK: "○", NG: "✕", CAUTION: "△"}


def _html(macro: str, **values: object) -> Markup:
    return fragment("commentary.html", macro, **values)


def _official_text(guideline: Guideline, provision: Provision, from_doc: str, edition: Edition | None = None) -> Html:
    """The provision's official text as the edition has it (the current one by default), with its context."""
    edition = edition or guideline.current
    context = [
        (a.number or a.heading, a.text or a.heading) for a in edition.ancestors(provision.id) if a.kind != "chapter"
    ]
    caption = f"{label(guideline, 'provision_text')} {provision.number}" + label(
        guideline, "paren", text=edition_name(guideline, edition)
    )
    read_in = pages.url_link(
        from_doc, pages.TEXT if edition is guideline.current else pages.edition(edition.name), provision.id
    )
    return Html(
        _html(
            "official_text",
            caption=caption,
            context=context,
            paragraphs=provision.paragraphs,
            children=[edition.provisions[cid] for cid in provision.children],
            read_in=read_in,
            copy=copy_button(guideline, provision, edition, from_doc),
            l=strings(guideline),
        )
    )


def _status_line(guideline: Guideline, provision_id: str) -> list[Part]:
    """Former numbers, a badge when the current edition revised it, and 要確認 when the commentary trails."""
    former = guideline.former_numbers(provision_id)
    numbers = "、".join(f"{n}{label(guideline, 'paren', text=edition_name(guideline, e))}" for e, n in former)
    former_text = label(guideline, "former_number", numbers=numbers) if former else ""
    badge = ""
    change = guideline.change_in_current(provision_id)
    if change is not None:
        key = {"added": "added_badge", "modified": "changed_badge"}.get(change.kind, "renumbered_badge")
        badge = label(guideline, key, edition=edition_name(guideline, guideline.current))
    out: list[Part] = [Html(_html("status", former=former_text, badge=badge))] if former or badge else []
    out += _draft_note(guideline, provision_id)
    note = review_note(guideline, provision_id)
    if note is not None:
        out.append(Html(_html("review_due", note=note[0])))
    return out


def _draft_note(guideline: Guideline, provision_id: str) -> list[Part]:
    """With drafts shown: what the draft would do to the provision, above its commentary."""
    draft = guideline.index.draft
    entry = guideline.index.entry(provision_id)
    if draft is None or entry.draft_row is None:
        return []
    from_doc = pages.clause(provision_id)
    values = {
        "edition": edition_name(guideline, draft),
        "compare": pages.url_link(from_doc, pages.comparison(draft.name), f"row-{provision_id}"),
    }
    row = entry.draft_row
    if row.kind in ("added", "deleted", "modified"):
        key = f"draft_{row.kind}"
    else:
        key, values["number"] = "draft_moved", row.new.number if row.new else ""
    out: list[Part] = [Html(banner("draft", markup(guideline, key, **values)))]
    stone = entry.draft_tombstone
    if stone is not None and stone.successors:
        out += ["", label(guideline, "draft_successors"), ""]
        out += [f"- {reference(guideline, s, from_doc)}" for s in stone.successors]
        out.append("")
    return out


def _changes(segments: tuple[compare.Segment, ...], tag: str) -> list[tuple[str, str]]:
    return [(tag if segment.changed else "", segment.text) for segment in segments]


def _history(guideline: Guideline, provision_id: str, from_doc: str) -> list[Part]:
    """Each edition in which the provision changed, with the change shown inline."""
    entries = []
    for change in guideline.history(provision_id):
        row = change.row
        href = pages.url_link(from_doc, pages.edition(change.edition.name), provision_id if row.new else None)
        when = wareki(change.edition.effective, guideline.lang)
        if change.edition.is_draft:
            when = label(guideline, "history_draft")
        parts: list[tuple[str, str]] = []
        breaks = True
        if change.previous is None:
            what = label(guideline, "history_added")
        elif row.kind == "added":
            what, parts = label(guideline, "history_added_in"), _changes(row.new_segments, "ins")
        elif row.kind == "deleted":
            what, parts = label(guideline, "history_deleted"), _changes(row.old_segments, "del")
        else:
            what = label(guideline, "history_modified") if row.kind == "modified" else ""
            if row.renumbered and row.old is not None and row.new is not None:
                moved = label(guideline, "history_renumbered", old=row.old.number, new=row.new.number)
                what = f"{what} {moved}".strip()
            if row.kind == "modified" and row.old is not None and row.new is not None:
                diff = compare.inline_diff(compare.wording(row.old), compare.wording(row.new))
                parts, breaks = [("" if kind == "equal" else kind[:3], text) for kind, text in diff], False
        name = edition_name(guideline, change.edition)
        entries.append((href, name, label(guideline, "paren", text=when), what, parts, breaks))
    heading = f"## {label(guideline, 'history')} {{#history}}"
    return [heading, "", Html(_html("history", entries=entries)), ""]


def _tombstone(guideline: Guideline, provision_id: str) -> Document:
    """What a removed provision's page keeps: when it went, its last text and where its subject went."""
    from_doc = pages.clause(provision_id)
    stone = guideline.tombstones[provision_id]
    title = f"{label(guideline, 'deleted_title')} {citation_label(guideline, provision_id)}"
    out: list[Part] = [f"# {markdown_text(title)}", ""]
    message = label(
        guideline,
        "tombstone",
        edition=edition_name(guideline, stone.removed_in),
        last=edition_name(guideline, stone.last_edition),
    )
    out += [Html(banner("deleted", message)), ""]
    out += [_official_text(guideline, stone.last, from_doc, stone.last_edition), ""]
    if stone.successors:
        out += [label(guideline, "successors"), ""]
        out += [f"- {reference(guideline, s, from_doc)}" for s in stone.successors]
    else:
        out.append(label(guideline, "no_successors"))
    out.append("")
    out += _history(guideline, provision_id, from_doc)
    return Document(out)


def _post_card(guideline: Guideline, text: str, kind: str) -> Html:
    caption = label(guideline, "post" if kind == "post" else "fix")
    lines = text.splitlines()
    account = account_name(guideline)
    return Html(_html("post_card", kind=kind, caption=caption, account=account, lines=lines, l=strings(guideline)))


def _example(guideline: Guideline, example: Example, from_doc: str) -> list[Part]:
    verdict = example.verdict
    css = VERDICT_CLASS.get(verdict, "caution")

    def field(key: str, label_key: str) -> list[Part]:
        """A definition list of one field; its value is the editor's, so it stays Markdown."""
        value = render_references(guideline, example.fields.get(key, ""), from_doc)
        return [label(guideline, label_key), f":   {value}", ""]

    shown = _html(
        "verdict",
        css=css,
        icon=VERDICT_ICON.get(verdict, ""),
        value=VOCABULARIES[guideline.lang].verdict(verdict),
        note=label(guideline, "paren", text=verdict_note(guideline, verdict)),
        l=strings(guideline),
    )
    parts: list[Part] = [
        f"### {markdown_text(example.title)} {{#{example.anchor}}}",
        "",
        f'<div class="example example--{css}" markdown="1">',
        Html(shown),
        *_situations(guideline, example, from_doc),
        *field(SCENE, "scene"),
        _post_card(guideline, example.fields.get(POST, ""), "post"),
        *field(REASON, "reason"),
    ]
    if example.fields.get(FIX):
        parts.append(_post_card(guideline, example.fields[FIX], "fix"))
    parts += ["</div>", ""]
    return parts


def _situations(guideline: Guideline, example: Example, from_doc: str) -> list[Part]:
    """The example's situations, each linking to the casebook's list of the same situation."""
    known = {s.label(guideline.lang): s for s in guideline.situations}
    tags = [known[t] for t in situation_labels(example, guideline.lang) if t in known]
    if not tags:
        return []
    links = [(pages.url_link(from_doc, pages.CASES, s.id), s.label(guideline.lang)) for s in tags]
    caption = f"{label(guideline, 'situations')}{label(guideline, 'colon')}"
    separator = label(guideline, "situation_separator")
    return [Html(_html("situations", caption=caption, links=links, separator=separator))]


def render_commentary(guideline: Guideline, commentary: Commentary) -> Document:
    """A provision's commentary page: its official text, 趣旨, examples, FAQs and links."""
    if guideline.is_removed(commentary.clause):
        return _tombstone(guideline, commentary.clause)
    from_doc = pages.clause(commentary.clause)
    provision = guideline.provision(commentary.clause)
    edition = guideline.edition_of(commentary.clause)  # the current one, else the 施行予定 one or the draft
    title = markdown_text(page_title(guideline, commentary.clause))
    out: list[Part] = [f"# {title}", "", *_status_line(guideline, commentary.clause)]
    out += scheduled_banners(guideline, from_doc, commentary.clause)
    out += [_official_text(guideline, provision, from_doc, edition), ""]
    out += [f"## {label(guideline, 'intent')} {{#intent}}", ""]
    out += [render_references(guideline, p, from_doc) + "\n" for p in commentary.purpose]
    out += [f"## {label(guideline, 'examples')} {{#examples}}", ""]
    for example in commentary.examples:
        out += _example(guideline, example, from_doc)
    out += [f"## {label(guideline, 'faq')} {{#faq}}", ""]
    for faq in commentary.faqs:
        out += [f"### {markdown_text(faq.question)} {{#{faq.anchor} .faq-question}}", ""]
        out += [render_references(guideline, p, from_doc) + "\n" for p in faq.answer]
    out += [f"## {label(guideline, 'related')} {{#related}}", ""]
    related = (render_references(guideline, item, from_doc) for _, item in commentary.related)
    out += [f"- {item}" for item in related if item.strip()]  # a reference to a hidden draft's provision is dropped
    out += ["", f"## {label(guideline, 'backlinks')} {{#backlinks}}", ""]
    links = guideline.index.backlinks(commentary.clause)
    if not links:
        out.append(label(guideline, "no_backlinks"))
    else:  # generated from the validated references, so already correct: HTML, not links for MkDocs to check
        items = [
            (pages.url_link(from_doc, pages.clause(link.source), link.anchor), citation_label(guideline, link.source))
            for link in links
        ]
        out.append(Html(_html("backlinks", links=items)))
    out.append("")
    out += _history(guideline, commentary.clause, from_doc)
    return Document(out)

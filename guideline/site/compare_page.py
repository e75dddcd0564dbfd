"""The 新旧対照表 as a page: on the site, and in the printed document the division circulates for approval.

The convention (CONTENT.md, and the usual practice of Japanese 例規 revisions): 改正後 on the left,
改正前 on the right; changed words underlined (傍線) on both sides; a new provision reads （新設） on
the 改正前 side and a deleted one （削る） on the 改正後 side; a provision whose number changed has
its number underlined on both sides and says how (繰下げ, 繰上げ, 移動) and from or to which number;
only provisions unchanged in both text and number fold into （略）.
"""

from __future__ import annotations

import html

from guideline import compare
from guideline.model.dates import wareki
from guideline.model.edition import Edition, Provision
from guideline.model.project import Guideline
from guideline.site import pages, render
from guideline.site.render import Document, Html, edition_name, label

LABELS = {
    "ja": {
        "heading": "{title} 新旧対照表",
        "side": "{side}：{edition}（{status}）",
        "dates": "制定日：{enacted} ／ 施行日：{effective}",
        "new_side": "改正後",
        "old_side": "改正前",
        "legend": "（傍線部分は改正部分）",
        "order_note": "左欄が改正後、右欄が改正前です。",
        "convention": "新設する条項は改正前の欄に（新設）、削る条項は改正後の欄に（削る）と示します。"
        "番号が変わる条項は、番号に傍線を付し、繰下げ・繰上げ・移動の別と元の番号を示します。"
        "文言も番号も変わらない条項は（略）としています。",
        "added": "（新設）",
        "deleted": "（削る）",
        "omitted": "（略）",
        "down_from": "（{number}から繰下げ）",
        "down_to": "（{number}へ繰下げ）",
        "up_from": "（{number}から繰上げ）",
        "up_to": "（{number}へ繰上げ）",
        "moved_from": "（{number}から移動）",
        "moved_to": "（{number}へ移動）",
        "title_label": "題名",
        "show_all": "改正のない条項も表示する",
        "no_changes": "この二つの版の間に条文の変更はありません。",
        "reasons": "改正理由",
        "reasons_of": "{edition}の改正理由",
        "with_current": "現行の版（{edition}）との新旧対照表",
        "caption": "改正後：{new} ／ 改正前：{old}",
    },
    "en": {
        "heading": "{title}: old/new comparison",
        "side": "{side}: {edition} ({status})",
        "dates": "Enacted: {enacted} / In force from: {effective}",
        "new_side": "After revision",
        "old_side": "Before revision",
        "legend": "(Underlined parts are revised.)",
        "order_note": "The left column shows the text after revision, the right column before.",
        "convention": "A new provision reads (new) in the column before revision; a deleted one reads (deleted) "
        "in the column after revision. A provision whose number changes has its number underlined and says "
        "whether it moved down, up or elsewhere, and from which number. Provisions unchanged in both text "
        "and number are shown as (omitted).",
        "added": "(new)",
        "deleted": "(deleted)",
        "omitted": "(omitted)",
        "down_from": "(moved down from {number})",
        "down_to": "(moved down to {number})",
        "up_from": "(moved up from {number})",
        "up_to": "(moved up to {number})",
        "moved_from": "(moved from {number})",
        "moved_to": "(moved to {number})",
        "title_label": "Title",
        "show_all": "Show unchanged provisions too",
        "no_changes": "The text does not differ between these two editions.",
        "reasons": "Reasons for the revision",
        "reasons_of": "Reasons for {edition}",
        "with_current": "Old/new comparison with the edition in force ({edition})",
        "caption": "After revision: {new} / Before revision: {old}",
    },
}


def text(guideline: Guideline, key: str, **values: str) -> str:
    return LABELS.get(guideline.lang, LABELS["ja"])[key].format(**values)


def status(guideline: Guideline, edition: Edition) -> str:
    """改正案, 現行, 旧版 …: as the revision history says it (one rule, in ``render``)."""
    return render._status(guideline, edition)


def side_lines(guideline: Guideline, new: Edition, old: Edition) -> list[str]:
    """Both editions with their 制定日 and 施行日 (和暦 with 西暦): the heading of the 新旧対照表."""
    lang = guideline.lang
    out = []
    for key, edition in (("new_side", new), ("old_side", old)):
        name = text(
            guideline,
            "side",
            side=text(guideline, key),
            edition=edition_name(guideline, edition),
            status=status(guideline, edition),
        )
        when = text(
            guideline, "dates", enacted=wareki(edition.enacted, lang), effective=wareki(edition.effective, lang)
        )
        out.append(f"{name} {when}")
    return out


def reasons(guideline: Guideline, edition: Edition) -> tuple[list[str], str]:
    """The edition's 改正理由 and their language: an untranslated one is shown in Japanese."""
    if edition.reasons or guideline.original is None:
        return edition.reasons, edition.lang
    try:
        original = guideline.original.edition(edition.name)
    except StopIteration:
        return [], edition.lang
    return original.reasons, original.lang


def _segments(segments: tuple[compare.Segment, ...], tag: str, skip: str = "") -> str:
    """Text with the changed parts underlined (傍線) and marked as inserted or deleted.

    ``skip`` is a heading already shown as the row's label, left out when unchanged.
    """
    out = []
    for segment in segments:
        value = segment.text
        if skip and not segment.changed and value.startswith(skip):
            value = value[len(skip) :]
        skip = ""
        escaped = html.escape(value).replace("\n", "<br>")
        if escaped:
            out.append(f'<{tag} class="compare-change">{escaped}</{tag}>' if segment.changed else escaped)
    return "".join(out)


def _number(provision: Provision, changed: bool, tag: str) -> str:
    """The provision's number (or 前文), underlined when it changed."""
    number = html.escape(provision.number or provision.heading)
    if changed:
        number = f'<{tag} class="compare-change">{number}</{tag}>'
    return f'<span class="compare-number">{number}</span> '


def _cell(provision: Provision, segments: tuple[compare.Segment, ...], renumbered: bool, tag: str) -> str:
    if not segments:  # unchanged wording, as most rows have: its paragraphs as they are
        if provision.kind == "preamble":  # its heading (前文) is its label, not repeated as text
            lines = provision.paragraphs
        else:
            lines = [provision.heading, *provision.paragraphs] if provision.heading else provision.paragraphs
        return _number(provision, renumbered, tag) + "<br>".join(html.escape(line) for line in lines)
    skip = f"{provision.heading}\n" if provision.kind == "preamble" else ""
    return _number(provision, renumbered, tag) + _segments(segments, tag, skip)


def _mark(value: str) -> str:
    return f'<span class="compare-mark">{value}</span>'


def cells(guideline: Guideline, row: compare.Row) -> tuple[str, str]:
    """The 改正後 and 改正前 cells of one row."""
    if row.kind == "added" and row.new is not None:
        return _cell(row.new, row.new_segments, True, "ins"), _mark(text(guideline, "added"))
    if row.kind == "deleted" and row.old is not None:
        return _mark(text(guideline, "deleted")), _cell(row.old, row.old_segments, True, "del")
    assert row.new is not None and row.old is not None
    if not row.changed:  # most rows: the same on both sides, so written once
        same = _cell(row.new, row.new_segments, False, "ins")
        return same, same
    renumbered = row.renumbered or row.move == "moved"
    new = _cell(row.new, row.new_segments, renumbered, "ins")
    old = _cell(row.old, row.old_segments, renumbered, "del")
    if row.move:
        new += " " + _mark(text(guideline, f"{row.move}_from", number=html.escape(row.old.number)))
        old += " " + _mark(text(guideline, f"{row.move}_to", number=html.escape(row.new.number)))
    return new, old


def _reasons_block(guideline: Guideline, edition: Edition) -> str:
    lines, lang = reasons(guideline, edition)
    if not lines:
        return ""
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    heading = text(guideline, "reasons_of", edition=edition_name(guideline, edition))
    return f'<section class="compare-reasons" lang="{lang}"><h2 id="reasons">{heading}</h2><ol>{items}</ol></section>'


def table(guideline: Guideline, comparison: compare.Comparison) -> str:
    """The two-column table; unchanged rows are there but folded into （略） until shown."""
    lang = guideline.lang
    rows: list[str] = []
    new, old = comparison.new, comparison.old
    if comparison.title_changed:
        title_before, title_after = compare.char_diff(old.title, new.title)
        name = f'<span class="compare-number">{text(guideline, "title_label")}</span> '
        rows.append(
            '<tr class="compare-row compare-row--modified compare-row--title" id="row-title">'
            f'<td lang="{lang}">{name}{_segments(title_after, "ins")}</td>'
            f'<td lang="{lang}">{name}{_segments(title_before, "del")}</td></tr>'
        )
    omitted = False
    for row in comparison.rows:
        classes = [f"compare-row--{row.kind}"]
        if row.move:
            classes.append(f"compare-row--{'moved' if row.move == 'moved' else 'renumbered'}")
        if not row.changed:
            classes.append("compare-row--same")
            if not omitted:
                rows.append(
                    f'<tr class="compare-omitted"><td>{text(guideline, "omitted")}</td>'
                    f"<td>{text(guideline, 'omitted')}</td></tr>"
                )
                omitted = True
        else:
            omitted = False
        shown = row.new or row.old
        depth = shown.kind if shown is not None else "item"
        after, before = cells(guideline, row)
        rows.append(
            f'<tr class="compare-row {" ".join(classes)} compare-depth--{depth}" id="row-{row.id}">'
            f'<td lang="{lang}">{after}</td><td lang="{lang}">{before}</td></tr>'
        )
    caption = text(guideline, "caption", new=edition_name(guideline, new), old=edition_name(guideline, old))
    return (
        f'<table class="compare-table is-collapsed" id="compare-table"><caption class="compare-caption">{caption}</caption>'
        f'<thead><tr><th scope="col">{text(guideline, "new_side")}</th>'
        f'<th scope="col">{text(guideline, "old_side")}</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def heading(guideline: Guideline, new: Edition) -> str:
    return text(guideline, "heading", title=new.title)


def body(guideline: Guideline, comparison: compare.Comparison, *, controls: bool = True) -> str:
    """Everything under the page's heading: both editions and their dates, the legend, the 改正理由, the table."""
    new, old = comparison.new, comparison.old
    meta = "".join(f"<p>{line}</p>" for line in side_lines(guideline, new, old))
    changed = comparison.changed_rows or comparison.title_changed
    blocks = [
        f'<div class="compare-meta">{meta}'
        f'<p>{text(guideline, "order_note")} <strong class="compare-legend">{text(guideline, "legend")}</strong></p>'
        f'<p class="compare-convention">{text(guideline, "convention")}</p></div>',
        _reasons_block(guideline, new),
        f"<p>{text(guideline, 'no_changes')}</p>" if not changed else "",
        f'<p class="compare-controls"><button type="button" class="compare-toggle" aria-controls="compare-table" '
        f'aria-pressed="false">{text(guideline, "show_all")}</button></p>'
        if controls
        else "",
        table(guideline, comparison),
    ]
    return "\n".join(block for block in blocks if block)


def render_compare(guideline: Guideline, edition: Edition, old: Edition | None = None) -> Document:
    """新旧対照表 of ``edition`` against ``old`` (by default the edition it revises), as a site page."""
    comparison = compare.compare(old, edition) if old is not None else guideline.comparison(edition)
    assert comparison is not None, f"edition {edition.name} has no earlier edition to compare with"
    from_doc = pages.comparison(edition.name)
    banner = ""
    if edition.is_draft:
        href = pages.url_link(from_doc, pages.TEXT)
        message = label(guideline, "draft_banner", href=href, compare=pages.url_link(from_doc, from_doc))
        banner = f'<div class="edition-banner edition-banner--draft" role="note"><p>{message}</p></div>\n'
    return Document([f"# {heading(guideline, edition)}", "", Html(banner + body(guideline, comparison)), ""])

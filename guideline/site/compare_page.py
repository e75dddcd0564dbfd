"""The 新旧対照表 as a page: on the site, and in the printed document the division circulates for approval.

The convention (CONTENT.md, and the usual practice of Japanese 例規 revisions): 改正後 on the left,
改正前 on the right; changed words underlined (傍線) on both sides; a new provision reads （新設） on
the 改正前 side and a deleted one （削る） on the 改正後 side; a provision whose number changed has
its number underlined on both sides and says how (繰下げ, 繰上げ, 移動) and from or to which number;
only provisions unchanged in both text and number fold into （略）.
"""

from __future__ import annotations

from markupsafe import Markup

from guideline import compare
from guideline.labels import HasLang, markup, strings
from guideline.labels import text as _text
from guideline.model.dates import wareki
from guideline.model.edition import Edition, Provision
from guideline.model.guideline import Guideline
from guideline.site import cite, pages
from guideline.site.banners import banner
from guideline.site.cite import edition_name, markdown_text
from guideline.site.document import Document, Html
from guideline.site.templating import fragment


def text(guideline: HasLang, key: str, **values: str) -> str:
    return _text(guideline.lang, key, "COMPARE", **values)


def status(guideline: Guideline, edition: Edition) -> str:
    """改正案, 現行, 旧版 …: as the revision history says it (one rule, in ``cite``)."""
    return cite.status(guideline, edition)


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


def _html(macro: str, **values: object) -> Markup:
    return fragment("compare.html", macro, **values)


def _parts(segments: tuple[compare.Segment, ...], tag: str, skip: str = "") -> list[tuple[str, str]]:
    """The changed parts to underline (傍線), marked as inserted or deleted.

    ``skip`` is a heading already shown as the row's label, left out when unchanged.
    """
    out = []
    for segment in segments:
        value = segment.text
        if skip and not segment.changed and value.startswith(skip):
            value = value[len(skip) :]
        skip = ""
        if value:
            out.append((tag if segment.changed else "", value))
    return out


def _cell(provision: Provision, segments: tuple[compare.Segment, ...], renumbered: bool, tag: str) -> Markup:
    number = provision.number or provision.heading
    underline = tag if renumbered else ""
    if not segments:  # unchanged wording, as most rows have: its paragraphs as they are
        if provision.kind == "preamble":  # its heading (前文) is its label, not repeated as text
            lines = provision.paragraphs
        else:
            lines = [provision.heading, *provision.paragraphs] if provision.heading else provision.paragraphs
        return _html("cell", number=number, tag=underline, lines=lines, parts=None)
    skip = f"{provision.heading}\n" if provision.kind == "preamble" else ""
    return _html("cell", number=number, tag=underline, lines=[], parts=_parts(segments, tag, skip))


def _mark(value: str) -> Markup:
    return _html("mark", value=value)


def cells(guideline: Guideline, row: compare.Row) -> tuple[Markup, Markup]:
    """The 改正後 and 改正前 cells of one row, as HTML."""
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
        new += Markup(" ") + _mark(text(guideline, f"{row.move}_from", number=row.old.number))
        old += Markup(" ") + _mark(text(guideline, f"{row.move}_to", number=row.new.number))
    return new, old


def _reasons_block(guideline: Guideline, edition: Edition) -> Markup:
    lines, lang = reasons(guideline, edition)
    if not lines:
        return Markup("")
    heading = text(guideline, "reasons_of", edition=edition_name(guideline, edition))
    return _html("reasons", lang=lang, heading=heading, lines=lines)


def table(guideline: Guideline, comparison: compare.Comparison) -> Markup:
    """The two-column table; unchanged rows are there but folded into （略） until shown."""
    rows: list[tuple[str, str, str, str, str]] = []
    new, old = comparison.new, comparison.old
    if comparison.title_changed:
        title_before, title_after = compare.char_diff(old.title, new.title)
        name = text(guideline, "title_label")
        after = _html("cell", number=name, tag="", lines=[], parts=_parts(title_after, "ins"))
        before = _html("cell", number=name, tag="", lines=[], parts=_parts(title_before, "del"))
        rows.append(("title", "compare-row compare-row--modified compare-row--title", "title", after, before))
    omitted = False
    for row in comparison.rows:
        classes = [f"compare-row--{row.kind}"]
        if row.move:
            classes.append(f"compare-row--{'moved' if row.move == 'moved' else 'renumbered'}")
        if not row.changed:
            classes.append("compare-row--same")
            if not omitted:
                rows.append(("omitted", "", "", "", ""))
                omitted = True
        else:
            omitted = False
        shown = row.new or row.old
        depth = shown.kind if shown is not None else "item"
        after, before = cells(guideline, row)
        rows.append(("row", f"compare-row {' '.join(classes)} compare-depth--{depth}", row.id, after, before))
    caption = text(guideline, "caption", new=edition_name(guideline, new), old=edition_name(guideline, old))
    return _html("table", rows=rows, lang=guideline.lang, caption=caption, l=strings(guideline, "COMPARE"))


def heading(guideline: Guideline, new: Edition) -> str:
    return text(guideline, "heading", title=new.title)


def body(guideline: Guideline, comparison: compare.Comparison, *, controls: bool = True) -> Markup:
    """Everything under the page's heading: both editions and their dates, the legend, the 改正理由, the table."""
    new, old = comparison.new, comparison.old
    words = strings(guideline, "COMPARE")
    changed = comparison.changed_rows or comparison.title_changed
    blocks = [
        _html("meta", sides=side_lines(guideline, new, old), l=words),
        _reasons_block(guideline, new),
        _html("no_changes", l=words) if not changed else Markup(""),
        _html("controls", l=words) if controls else Markup(""),
        table(guideline, comparison),
    ]
    return Markup("\n").join(block for block in blocks if block)


def render_compare(guideline: Guideline, edition: Edition, old: Edition | None = None) -> Document:
    """新旧対照表 of ``edition`` against ``old`` (by default the edition it revises), as a site page."""
    comparison = compare.compare(old, edition) if old is not None else guideline.comparison(edition)
    assert comparison is not None, f"edition {edition.name} has no earlier edition to compare with"
    from_doc = pages.comparison(edition.name)
    page = body(guideline, comparison)
    if edition.is_draft:
        href = pages.url_link(from_doc, pages.TEXT)
        message = markup(guideline, "draft_banner", href=href, compare=pages.url_link(from_doc, from_doc))
        page = banner("draft", message) + Markup("\n") + page
    return Document([f"# {markdown_text(heading(guideline, edition))}", "", Html(page), ""])

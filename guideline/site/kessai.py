"""What a revision asks the reviewer to approve (決裁), in words: for a pull request's summary and the terminal.

Plain data from the comparison; the site's page and the PDF are in ``compare_page`` and ``printing``.
"""

from __future__ import annotations

from guideline import compare
from guideline.labels import HasLang
from guideline.model.edition import Edition
from guideline.model.guideline import Guideline
from guideline.site import pages
from guideline.site.cite import edition_name
from guideline.site.compare_page import text as _word

KINDS = {"added": "change_added", "deleted": "change_deleted", "modified": "change_modified"}
MOVES = {"down": "change_down", "up": "change_up", "moved": "change_moved"}


def what_changed(guideline: HasLang, row: compare.Row) -> str:
    """改正 / 新設 / 削除, and 繰下げ / 繰上げ / 移動 with the numbers: 「改正・繰下げ（2(4) → 2(5)）」."""
    words = [_word(guideline, table[key]) for table, key in ((KINDS, row.kind), (MOVES, row.move)) if key in table]
    if row.move and row.old is not None and row.new is not None:
        words[-1] += _word(guideline, "change_numbers", old=row.old.number, new=row.new.number)
    return _word(guideline, "change_and").join(words)


def row_name(guideline: Guideline, row: compare.Row) -> str:
    """The provision's number (after the revision, or before it if deleted) and its title."""
    provision = row.new or row.old
    assert provision is not None
    plain = not provision.numbered or (provision.kind == "chapter" and row.id not in guideline.commentaries)
    title = provision.heading if plain else _title(guideline, row)
    return f"{provision.number} {title}".strip()


def _title(guideline: Guideline, row: compare.Row) -> str:
    commentary = guideline.commentaries.get(row.id)
    if commentary is not None and commentary.title:
        return _word(guideline, "quoted", text=commentary.title)
    provision = row.new or row.old
    assert provision is not None
    words = provision.heading or provision.text
    return _word(guideline, "quoted", text=f"{words[:20]}…" if len(words) > 20 else words)


def counts(guideline: HasLang, comparison: compare.Comparison) -> str:
    """改正 3、新設 1、削除 0、繰下げ・繰上げ 2、移動 1."""
    summary = compare.summarize(comparison)
    return _word(
        guideline,
        "counts",
        modified=str(len(summary.modified)),
        added=str(len(summary.added)),
        deleted=str(len(summary.deleted)),
        renumbered=str(len(summary.renumbered)),
        moved=str(len(summary.moved)),
    )


def changed(guideline: HasLang, comparison: compare.Comparison) -> str:
    """変わる条項：6（改正 6、新設 0、…）: the terminal's last line and the summary's first."""
    return _word(
        guideline, "terminal_count", count=str(len(comparison.changed_rows)), counts=counts(guideline, comparison)
    )


def summary_markdown(guideline: Guideline, new: Edition | None, old: Edition | None) -> str:
    """The pull request's job summary: what the draft changes and which pages of the preview to read."""
    if new is None or old is None:
        return _word(guideline, "summary_no_draft")
    comparison = compare.compare(old, new)
    out = [
        _word(guideline, "summary_heading", new=edition_name(guideline, new), old=edition_name(guideline, old)),
        "",
        changed(guideline, comparison)
        + _word(guideline, "summary_title_too" if comparison.title_changed else "summary_end"),
        "",
        _word(guideline, "summary_artifacts"),
        "",
    ]
    if new.reasons:
        out += [f"### {_word(guideline, 'reasons')}", "", *[f"1. {line}" for line in new.reasons], ""]
    if comparison.changed_rows:
        out += [f"### {_word(guideline, 'summary_rows')}", "", _word(guideline, "summary_columns"), "| --- | --- |"]
        title_row = f"| {_word(guideline, 'title_label')} | {_word(guideline, 'change_modified')} |"
        out += [title_row] if comparison.title_changed else []
        out += [f"| {row_name(guideline, row)} | {what_changed(guideline, row)} |" for row in comparison.changed_rows]
        out.append("")
    review = [_word(guideline, "summary_compare", url=_url(pages.comparison(new.name)))]
    review += [
        _word(guideline, "summary_commentary", row=row_name(guideline, row), url=_url(pages.clause(row.id)))
        for row in comparison.changed_rows
        if row.id in guideline.commentaries
    ]
    due = [c for c in guideline.commentaries if guideline.review_due(c) is not None]
    out += [f"### {_word(guideline, 'summary_pages')}", "", *review, ""]
    if due:
        out += [f"### {_word(guideline, 'summary_due')}", "", *[f"- `{_url(pages.clause(c))}`" for c in due], ""]
    return "\n".join(out)


def _url(doc: str) -> str:
    return pages.url_of(doc) + "index.html"

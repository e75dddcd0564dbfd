"""What a revision asks the reviewer to approve (決裁), in words: for a pull request's summary and the terminal.

Plain data from the comparison; the site's page and the PDF are in ``compare_page`` and ``printing``.
"""

from __future__ import annotations

from guideline import compare
from guideline.model.edition import Edition
from guideline.model.guideline import Guideline
from guideline.site import pages

WHAT = {"added": "新設", "deleted": "削除", "modified": "改正", "unchanged": ""}
MOVES = {"down": "繰下げ", "up": "繰上げ", "moved": "移動", "": ""}


def what_changed(row: compare.Row) -> str:
    """改正 / 新設 / 削除, and 繰下げ / 繰上げ / 移動 with the numbers: 「改正・繰下げ（2(4) → 2(5)）」."""
    words = [w for w in (WHAT[row.kind], MOVES[row.move]) if w]
    if row.move and row.old is not None and row.new is not None:
        words[-1] += f"（{row.old.number} → {row.new.number}）"
    return "・".join(words)


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
        return f"「{commentary.title}」"
    provision = row.new or row.old
    assert provision is not None
    text = provision.heading or provision.text
    return f"「{text[:20]}…」" if len(text) > 20 else f"「{text}」"


def counts(comparison: compare.Comparison) -> str:
    """改正 3、新設 1、削除 0、繰下げ・繰上げ 2、移動 1."""
    summary = compare.summarize(comparison)
    return (
        f"改正 {len(summary.modified)}、新設 {len(summary.added)}、削除 {len(summary.deleted)}、"
        f"繰下げ・繰上げ {len(summary.renumbered)}、移動 {len(summary.moved)}"
    )


def summary_markdown(guideline: Guideline, new: Edition | None, old: Edition | None) -> str:
    """The pull request's job summary: what the draft changes and which pages of the preview to read."""
    if new is None or old is None:
        return (
            "## 改正案のプレビュー\n\n改正案（status: draft の版）はありません。サイトのプレビューだけを作りました。\n"
        )
    comparison = compare.compare(old, new)
    name, before = f"第{new.name}版（改正案）", f"第{old.name}版（現行）"
    out = [
        f"## {name}の新旧対照表（{before}との比較）",
        "",
        f"変わる条項：{len(comparison.changed_rows)}（{counts(comparison)}）"
        + ("。ほかに題名を改正します。" if comparison.title_changed else "。"),
        "",
        "成果物（Artifacts）の `kessai-pdf` が決裁用の新旧対照表（A4 横）、`preview-site` がプレビューのサイトです。",
        "",
    ]
    if new.reasons:
        out += ["### 改正理由", "", *[f"1. {line}" for line in new.reasons], ""]
    if comparison.changed_rows:
        out += ["### 変わる条項", "", "| 条項 | 変更 |", "| --- | --- |"]
        out += ["| 題名 | 改正 |"] if comparison.title_changed else []
        out += [f"| {row_name(guideline, row)} | {what_changed(row)} |" for row in comparison.changed_rows]
        out.append("")
    review = [f"- 新旧対照表：`{_url(pages.comparison(new.name))}`"]
    review += [
        f"- 解説 {row_name(guideline, row)}：`{_url(pages.clause(row.id))}`"
        for row in comparison.changed_rows
        if row.id in guideline.commentaries
    ]
    due = [c for c in guideline.commentaries if guideline.review_due(c) is not None]
    out += ["### 確認するページ（preview-site の中）", "", *review, ""]
    if due:
        out += ["### 要確認の解説", "", *[f"- `{_url(pages.clause(c))}`" for c in due], ""]
    return "\n".join(out)


def _url(doc: str) -> str:
    return pages.url_of(doc) + "index.html"

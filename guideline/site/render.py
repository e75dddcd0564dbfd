"""Each generated page as Markdown, one function per page kind.

The renderers take the validated ``Guideline`` and the source path of the page they
write, and return Markdown for MkDocs (or any other Markdown site generator) to turn
into HTML. Links to other pages are written as relative ``.md`` links so that the
generator checks them; raw HTML attributes get final relative URLs. The generated HTML
travels beside the Markdown in a ``Document`` (see there).
"""

from __future__ import annotations

import html
import json
import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from guideline import compare
from guideline.model import references
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
from guideline.model.glossary import Term
from guideline.model.project import Guideline
from guideline.site import pages

LABELS = {
    "ja": {
        "edition": "第{name}版",
        "clauses_section": "逐条解説",
        "chapter_range": "{first}〜{last}",  # a run of chapters in the navigation of a long guideline
        "division_section": "担当課向け",
        "paren": "（{text}）",
        "colon": "：",
        "separator": " ／ ",
        "enacted": "制定日",
        "effective": "施行日",
        "copy": "リンクをコピー",
        "copy_title": "リンクをコピー（{number}、出典つき）",  # starts with the visible label (WCAG 2.5.3)
        "read_commentary": "解説と事例",
        "read_in_text": "全文の中で読む",
        "provision_text": "条文",
        "intent": "趣旨",
        "examples": "事例",
        "faq": "よくある質問",
        "related": "関連条項",
        "backlinks": "この条項を参照している解説",
        "no_backlinks": "この条項を参照している解説はまだありません。",
        "verdict": "判断",
        "scene": "場面",
        "post": "投稿案",
        "reason": "理由",
        "fix": "改善案",
        "situations": "状況",
        "situation_separator": "、",
        "account": "はにぼん",
        "account_note": "本庄市公式",
        "preamble": "前文",
        "checklist_intro": "投稿する前に、次の問いに一つずつ答えてください。"
        "どの問いにも「はい」と答えられることを確かめてから投稿してください。「いいえ」や迷うものがあれば、リンク先の条項と事例を読んでください。",
        "checklist_contacts": "それでも迷うときは、[相談先](contacts.md)のとおり確かめてください。",
        "checklist_provision": "根拠",
        "cite_edition": "{edition}、施行日：{date}",
        "pinned": "この版の条文",
        "current_text": "現行の条文",
        "editions_title": "改正履歴",
        "editions_intro": "このガイドラインの版の一覧です。制定された版は後から変更されることなく残り、いつでも当時の条文を確認できます。",
        "status_current": "現行",
        "status_superseded": "旧版",
        "status_draft": "改正案",
        "status_scheduled": "施行予定",
        "scheduled": '{date}施行の改正があります（<a href="{href}">新旧対照表</a>）。',
        "scheduled_new": '{date}施行の改正で新設される条項です（<a href="{href}">新旧対照表</a>）。まだ効力はありません。',
        "scheduled_edition": "この版は{date}に施行されます。それまでは{current}が現行です。"
        '現行の条文は<a href="{href}">全文</a>で確認してください。',
        "corrections_title": "公開後の訂正の記録",
        "corrections_intro": "公開した版の日付の訂正や、誤字の訂正（正誤）は、理由とともにここに記録されます。",
        "corrections_none": "公開後に訂正した版はありません。",
        "kind_amend-release": "日付の訂正",
        "kind_correction": "正誤",
        "kind_record-format": "記録形式の更新",
        "col_date": "記録日",
        "col_kind": "種類",
        "col_reason": "理由",
        "col_changes": "訂正の内容",
        "col_edition": "版",
        "col_status": "状態",
        "col_text": "条文",
        "col_compare": "新旧対照表",
        "full_text": "全文",
        "compare_link": "新旧対照表",
        "compare_first": "（制定）",
        "compare_current": "現行の版との新旧対照表",
        "not_current": 'この版は現行の版ではありません（{current}が現行です）。現行の条文は<a href="{href}">全文</a>で確認してください。',
        "draft_banner": '改正案：この版は検討中の改正案で、まだ効力はありません。現行の条文は<a href="{href}">全文</a>のとおりです。',
        "draft_banner_compare": '改正点は<a href="{compare}">新旧対照表</a>で確認できます。',
        "compare_title": "新旧対照表",
        "former_number": "旧番号：{numbers}",
        "changed_badge": "{edition}で改正",
        "added_badge": "{edition}で新設",
        "renumbered_badge": "{edition}で番号変更",
        "review_due": "要確認：この解説は{reviewed}の条文をもとに書かれています。{changed}で条文が改正されたため、内容が現在の条文に合っているか確認が必要です。",
        "history": "改正履歴",
        "history_added": "制定",
        "history_added_in": "新設",
        "history_modified": "改正",
        "history_renumbered": "番号変更（{old}→{new}）",
        "history_deleted": "削除",
        "history_draft": "改正案",
        "draft_added": "改正案：この条項は{edition}（改正案）で新設される予定で、まだ効力はありません。"
        '改正点は<a href="{compare}">新旧対照表</a>で確認できます。',
        "draft_modified": '改正案：この条項の条文は{edition}（改正案）で改正される予定です（<a href="{compare}">新旧対照表</a>）。',
        "draft_moved": '改正案：この条項は{edition}（改正案）で{number}に移る予定です（<a href="{compare}">新旧対照表</a>）。',
        "draft_deleted": '改正案：この条項は{edition}（改正案）で削除される予定です（<a href="{compare}">新旧対照表</a>）。'
        "施行されると、このページは削除された条項の案内になります。",
        "draft_successors": "この条項の内容は、改正案では次の条項に引き継がれます：",
        "review_future_modified": "要確認：{changed}でこの条項の条文が改正されます。解説・事例・よくある質問が改正後の条文に合っているか確認が必要です（この解説は{reviewed}の条文をもとに書かれています）。",
        "review_future_added": "要確認：{changed}でこの条項が新設されます。解説・事例・よくある質問が新しい条文に合っているか確認が必要です（この解説は{reviewed}の条文をもとに書かれています）。",
        "review_future_deleted": "要確認：{changed}でこの条項は削除されます。この解説の事例やよくある質問のうち残すべきものを、内容を引き継ぐ条項の解説に移す必要がないか確認が必要です。",
        "review_future_moved": "要確認：{changed}でこの条項は{number}に移ります。解説の中で条項の位置や前後の条項に触れているところが、移った後も正しいか確認が必要です。",
        "review_future_successor": "要確認：{changed}で削除される{taken}の内容を、この条項が引き継ぎます。引き継ぐ内容が解説・事例・よくある質問に書かれているか確認が必要です。",
        "review_past_added": "要確認：この解説は{reviewed}の条文をもとに書かれています。この条項は{changed}で新設されたため、内容が現在の条文に合っているか確認が必要です。",
        "review_past_moved": "要確認：この条項は{changed}で{number}に移りました。解説の中で条項の位置や前後の条項に触れているところが正しいか確認が必要です。",
        "review_past_successor": "要確認：{changed}で削除された{taken}の内容を、この条項が引き継いでいます。引き継いだ内容が解説・事例・よくある質問に書かれているか確認が必要です。",
        "review_draft": "{edition}（改正案）",
        "review_reference_future": "要確認：'clause:{target}' は{changed}で削除される条項を指しています。施行後、このリンクは削除された条項の案内ページに向かいます。{then}",
        "review_reference_past": "要確認：'clause:{target}' は{changed}で削除された条項を指しています。このリンクは削除された条項の案内ページに向かいます。{then}",
        "review_reference_successors_future": "施行日の後で、内容を引き継ぐ {successors} を指すように書き換えてください（それまでは今の参照が正しい表示です）。",
        "review_reference_successors_past": "内容を引き継いだ {successors} を指すように書き換えてください。",
        "review_reference_none_future": "引き継ぐ条項はありません。施行日の後で、この参照を削るか書き換えてください。",
        "review_reference_none_past": "引き継いだ条項はありません。この参照を削るか書き換えてください。",
        "review_scheduled": "{edition}（施行予定）",
        "review_set": '確認したら、前付けの reviewed を "{name}" にしてください。',
        "tombstone": "この条項は{edition}で削除されました。以下は削除される前の条文（{last}）です。",
        "successors": "この条項の内容は次の条項に引き継がれています：",
        "no_successors": "この条項の内容を引き継いだ条項はありません。",
        "deleted_title": "（削除）",
        "home_current": "現在の条文は{edition}（施行日：{date}）です。",
        "home_current_undated": "現在の条文は{edition}です。原文に施行日の記載はありません。",
        "home_changed": "この版で改正された条項は次のとおりです（[新旧対照表]({href})）。",
        "home_draft": "改正案として{edition}を検討中です（[新旧対照表]({href})）。改正案はまだ効力がありません。",
        "reference_translation": "",
        "untranslated": "",
        "stale_translation": "",
        "glossary_intro": "ガイドラインや解説に出てくる用語の説明です。本文中の用語にカーソルを合わせるか、"
        "フォーカスすると説明が表示されます。",
    },
}
LABELS["en"] = {
    "edition": "Edition {name}",
    "clauses_section": "Commentary",
    "chapter_range": "{first}–{last}",
    "division_section": "For the division",
    "paren": " ({text})",
    "colon": ": ",
    "separator": " / ",
    "enacted": "Enacted",
    "effective": "In force from",
    "copy": "Copy link",
    "copy_title": "Copy link to {number} with its citation",  # starts with the visible label (WCAG 2.5.3)
    "read_commentary": "Commentary and examples",
    "read_in_text": "Read in the full text",
    "provision_text": "Provision",
    "intent": "Purpose",
    "examples": "Examples",
    "faq": "Frequently asked questions",
    "related": "Related provisions",
    "backlinks": "Commentary that refers to this provision",
    "no_backlinks": "No commentary refers to this provision yet.",
    "verdict": "Verdict",
    "scene": "Scene",
    "post": "Draft post",
    "reason": "Reasoning",
    "fix": "Improved post",
    "situations": "Situations",
    "situation_separator": ", ",
    "account": "Hanibon",
    "account_note": "Honjo City official",
    "preamble": "Preamble",
    "checklist_intro": "Before you post, answer each of these questions, and post only when you can answer yes to every one. "
    "If the answer is no, or you are unsure, read the linked provision and its examples.",
    "checklist_contacts": "If you are still unsure, check with the people on [Whom to ask](contacts.md).",
    "checklist_provision": "Provision",
    "cite_edition": "{edition}, in force from {date}",
    "pinned": "This edition",
    "current_text": "Current text",
    "editions_title": "Revision history",
    "editions_intro": "Every edition of this guideline. Published editions never change, so the text as it stood can always be read.",
    "status_current": "Current",
    "status_superseded": "Superseded",
    "status_draft": "Draft revision",
    "status_scheduled": "Not yet in force",
    "scheduled": 'An amendment comes into force on {date} (<a href="{href}">old/new comparison</a>).',
    "scheduled_new": "This provision is added by an amendment that comes into force on {date} "
    '(<a href="{href}">old/new comparison</a>); it is not yet in force.',
    "scheduled_edition": "This edition comes into force on {date}; until then {current} is current. "
    'Read the current text in the <a href="{href}">full text</a>.',
    "corrections_title": "Corrections recorded after publication",
    "corrections_intro": "Corrections to the dates of a published edition, and typographical corrections (正誤), "
    "are recorded here with their reason.",
    "corrections_none": "No published edition has been corrected.",
    "kind_amend-release": "Dates corrected",
    "kind_correction": "Correction (正誤)",
    "kind_record-format": "Record format updated",
    "col_date": "Recorded",
    "col_kind": "Kind",
    "col_reason": "Reason",
    "col_changes": "What changed",
    "col_edition": "Edition",
    "col_status": "Status",
    "col_text": "Text",
    "col_compare": "Comparison",
    "full_text": "Full text",
    "compare_link": "Old/new comparison",
    "compare_first": "(first edition)",
    "compare_current": "Comparison with the edition in force",
    "not_current": "This is not the current edition ({current} is current). Read the current text in the "
    '<a href="{href}">full text</a>.',
    "draft_banner": "Draft revision: this edition is under consideration and not yet in force. The current text is "
    'in the <a href="{href}">full text</a>.',
    "draft_banner_compare": ' See the changes in the <a href="{compare}">old/new comparison</a>.',
    "compare_title": "Old/new comparison",
    "former_number": "Formerly: {numbers}",
    "changed_badge": "Revised in {edition}",
    "added_badge": "Added in {edition}",
    "renumbered_badge": "Renumbered in {edition}",
    "review_due": "To be reviewed: this commentary was written for the text of {reviewed}. The provision was revised "
    "in {changed}, so the commentary must be checked against the current text.",
    "history": "Revision history",
    "history_added": "Enacted",
    "history_added_in": "Added",
    "history_modified": "Revised",
    "history_renumbered": "Renumbered ({old} → {new})",
    "history_deleted": "Deleted",
    "history_draft": "draft revision",
    "draft_added": "Draft revision: this provision is proposed in {edition} (a draft revision) and is not yet in force. "
    'See the changes in the <a href="{compare}">old/new comparison</a>.',
    "draft_modified": "Draft revision: {edition} (a draft revision) would revise the text of this provision "
    '(<a href="{compare}">old/new comparison</a>).',
    "draft_moved": "Draft revision: {edition} (a draft revision) would move this provision to {number} "
    '(<a href="{compare}">old/new comparison</a>).',
    "draft_deleted": "Draft revision: {edition} (a draft revision) would delete this provision "
    '(<a href="{compare}">old/new comparison</a>). Once in force, this page will record the deleted provision.',
    "draft_successors": "In the draft revision, its subject is covered by:",
    "review_future_modified": "To be reviewed: {changed} revises the text of this provision. The commentary, examples "
    "and FAQs must be checked against the revised text (this commentary was written for the text of {reviewed}).",
    "review_future_added": "To be reviewed: {changed} adds this provision. The commentary, examples and FAQs must be "
    "checked against its text (this commentary was written for the text of {reviewed}).",
    "review_future_deleted": "To be reviewed: {changed} deletes this provision. Check whether examples or FAQs worth "
    "keeping should move to the commentary of the provision that takes over its subject.",
    "review_future_moved": "To be reviewed: {changed} moves this provision to {number}. Check that what the commentary "
    "says about its place or the provisions around it is still right.",
    "review_future_successor": "To be reviewed: {changed} deletes {taken} and hands its subject to this provision. "
    "Check that the commentary, examples and FAQs cover what it takes over.",
    "review_past_added": "To be reviewed: this commentary was written for the text of {reviewed}. The provision was "
    "added in {changed}, so the commentary must be checked against the current text.",
    "review_past_moved": "To be reviewed: this provision moved to {number} in {changed}. Check that what the "
    "commentary says about its place or the provisions around it is right.",
    "review_past_successor": "To be reviewed: {changed} deleted {taken} and handed its subject to this provision. "
    "Check that the commentary, examples and FAQs cover what it took over.",
    "review_draft": "{edition} (a draft revision)",
    "review_reference_future": "To be reviewed: 'clause:{target}' refers to a provision that {changed} deletes. Once "
    "that is in force, the link leads to the page of the deleted provision. {then}",
    "review_reference_past": "To be reviewed: 'clause:{target}' refers to a provision deleted in {changed}. The link "
    "leads to the page of the deleted provision. {then}",
    "review_reference_successors_future": "After its date of effect, refer instead to what takes over its subject: "
    "{successors} (until then the reference is right as it is).",
    "review_reference_successors_past": "Refer instead to what took over its subject: {successors}.",
    "review_reference_none_future": "No provision takes over its subject: after its date of effect, remove or rewrite "
    "the reference.",
    "review_reference_none_past": "No provision took over its subject: remove or rewrite the reference.",
    "review_scheduled": "{edition} (not yet in force)",
    "review_set": "Once reviewed, set 'reviewed: \"{name}\"' in the front matter.",
    "tombstone": "This provision was deleted in {edition}. Below is its last text ({last}).",
    "successors": "Its subject is now covered by:",
    "no_successors": "No provision took over its subject.",
    "deleted_title": "(deleted)",
    "home_current": "The text in force is {edition} (in force from: {date}).",
    "home_current_undated": "The text in force is {edition}. The original text does not state the date it came into force.",
    "home_changed": "This edition revised the following provisions ([old/new comparison]({href})).",
    "home_draft": "{edition} is under consideration as a draft revision ([old/new comparison]({href})). "
    "A draft is not in force.",
    "reference_translation": "This is a reference translation. The Japanese text is authoritative: "
    '<a href="{href}" lang="ja" hreflang="ja">read it in Japanese</a>.',
    "untranslated": "This page has not been translated into English yet, so the Japanese original is shown.",
    "stale_translation": "The Japanese original of this page has changed since it was translated; this English "
    'text may be out of date. <a href="{href}" lang="ja" hreflang="ja">Read the current Japanese</a>.',
    "glossary_intro": "Terms used in the guideline and its commentary. Hover over or focus a term in the text "
    "to see its explanation.",
}
VERDICT_NOTES = {
    "ja": {OK: "発信してよい", NG: "発信してはならない", CAUTION: "発信する前に見直す"},
    "en": {OK: "fine to post", NG: "must not be posted", CAUTION: "review before posting"},
}
_VERDICT_CLASS = {OK: "ok", NG: "ng", CAUTION: "caution"}
_VERDICT_ICON = {OK: "○", NG: "✕", CAUTION: "△"}


@dataclass(frozen=True)
class Html:
    """A block of finished HTML with no Markdown in it."""

    markup: str


Part = str | Html
# A word no editor writes: each build process draws its own.
_PLACEHOLDER = f"guideline-block-{secrets.token_hex(6)}"
_PLACEHOLDER_HTML = re.compile(rf"(?:<p>)?{_PLACEHOLDER}-(\d+)(?:</p>)?")


class Document:
    """A generated page: lines of Markdown, with blocks of finished HTML among them.

    Python-Markdown parses raw HTML once more, tag by tag, though there is nothing in it to
    convert; most of a generated page is HTML (the official text, post cards, histories, whole
    editions), and converting it inline made the build a third slower than plain Material. So
    ``markdown`` holds a one-word paragraph in place of each block, and ``fill`` puts the blocks
    into the converted page. ``text`` is the page as plain Markdown, with the HTML inline.
    """

    def __init__(self, parts: Iterable[Part]) -> None:
        self.parts = list(parts)
        self.blocks: list[str] = []
        lines = []
        for part in self.parts:
            if isinstance(part, Html):
                lines.append(f"\n{_PLACEHOLDER}-{len(self.blocks)}\n")
                self.blocks.append(part.markup)
            else:
                lines.append(part)
        self.markdown = "\n".join(lines)

    @property
    def text(self) -> str:
        return "\n".join(part.markup if isinstance(part, Html) else part for part in self.parts)

    def fill(self, converted: str) -> str:
        """The HTML converted from ``markdown``, with each block in its place."""
        filled, found = _PLACEHOLDER_HTML.subn(lambda match: self.blocks[int(match.group(1))], converted)
        if found != len(self.blocks):
            raise ValueError(f"{len(self.blocks)} HTML blocks to put back, {found} placeholders found")
        return filled


def label(guideline: Guideline, key: str, **values: str) -> str:
    """An interface string in the guideline's language."""
    return LABELS.get(guideline.lang, LABELS["ja"])[key].format(**values)


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


def provision_doc(guideline: Guideline, provision_id: str) -> tuple[str, str | None]:
    """The page and anchor where a provision is explained: its commentary, else the full text."""
    if guideline.has_commentary(provision_id):
        return pages.clause(provision_id), None
    if guideline.is_not_yet_in_force(provision_id):
        return pages.edition(guideline.edition_of(provision_id).name), provision_id
    return pages.TEXT, provision_id


def render_references(guideline: Guideline, markdown: str, from_doc: str) -> str:
    """Turn ``[](clause:id)`` into links showing the provision's current number and title.

    A provision of a draft that is not shown does not exist on the site: its reference keeps only
    the words an editor wrote, unlinked, or disappears.
    """

    def render(ref: references.Reference) -> str:
        if ref.target in guideline.hidden:
            return ref.text
        doc, anchor = provision_doc(guideline, ref.target)
        text = ref.text or guideline.citation_label(ref.target)
        if doc != pages.clause(ref.target) and anchor is not None and guideline.is_not_yet_in_force(ref.target):
            # The draft's or scheduled edition's full text holds its provisions' anchors in generated HTML, which MkDocs does not see.
            return f'<a href="{pages.url_link(from_doc, doc, anchor)}">{text if ref.text else html.escape(text)}</a>'
        return f"[{text}]({pages.md_link(from_doc, doc, ref.anchor or anchor)})"

    return references.replace(markdown, render)


def citation(guideline: Guideline, provision: Provision, edition: Edition) -> str:
    """The citation copied with a link: guideline title, number and title, edition and its date."""
    number = provision.number or provision.heading
    if provision.numbered and provision.id in edition.provisions and edition is guideline.current:
        number = guideline.citation_label(provision.id)
    elif provision.numbered:
        quoted = (
            f"「{guideline.title(provision.id)}」" if guideline.lang == "ja" else f" “{guideline.title(provision.id)}”"
        )
        number = f"{provision.number}{quoted}"
    when = edition_name(guideline, edition)
    if edition.effective is not None:  # an unstated date is said once, on the home page, not in every citation
        when = label(guideline, "cite_edition", edition=when, date=wareki(edition.effective, guideline.lang))
    return f"{edition.title} {number}" + label(guideline, "paren", text=when)


def copy_button(guideline: Guideline, provision: Provision, edition: Edition, from_doc: str) -> str:
    """Copies the permanent link with its citation, and a link pinned to this edition."""
    doc, anchor = provision_doc(guideline, provision.id)
    shown = provision.number or provision.heading
    pinned = pages.url_link(from_doc, pages.edition(edition.name), provision.id)
    return (
        f'<button type="button" class="copy-link" data-href="{pages.url_link(from_doc, doc, anchor)}" '
        f'data-citation="{html.escape(citation(guideline, provision, edition))}" '
        f'data-pinned="{pinned}" data-pinned-label="{label(guideline, "pinned")}" '
        f'aria-label="{html.escape(label(guideline, "copy_title", number=shown))}">'
        f"{label(guideline, 'copy')}</button>"
    )


def _edition_meta(guideline: Guideline, edition: Edition) -> str:
    lang = guideline.lang
    return (
        f'<p class="edition-meta"><span class="edition-meta__name">{edition_name(guideline, edition)}</span>'
        f" {label(guideline, 'enacted')}{label(guideline, 'colon')}{wareki(edition.enacted, lang)}"
        f"{label(guideline, 'separator')}{label(guideline, 'effective')}{label(guideline, 'colon')}"
        f"{wareki(edition.effective, lang)}</p>"
    )


def _provision_block(guideline: Guideline, edition: Edition, provision: Provision, from_doc: str) -> str:
    """One item or sub-item of the full text, with its children nested inside."""
    number = html.escape(provision.label)
    gap = " " if provision.kind == "item" else ""
    paragraphs = [html.escape(p) for p in provision.paragraphs]
    first = f'<span class="provision__number">{number}</span>{gap}{paragraphs[0] if paragraphs else ""}'
    body = "".join(f"<p>{p}</p>" for p in [first, *paragraphs[1:]])
    children = "".join(
        _provision_block(guideline, edition, edition.provisions[c], from_doc) for c in provision.children
    )
    return (
        f'<div class="provision provision--{provision.kind}" id="{provision.id}">'
        f'<div class="provision__text">{body}</div>{_actions(guideline, edition, provision, from_doc)}'
        f"{children}</div>"
    )


def _actions(guideline: Guideline, edition: Edition, provision: Provision, from_doc: str) -> str:
    parts = []
    if guideline.has_commentary(provision.id):
        href = pages.url_link(from_doc, pages.clause(provision.id))
        parts.append(f'<a class="provision__commentary" href="{href}">{label(guideline, "read_commentary")}</a>')
    if (
        edition is not guideline.current
        and not guideline.is_not_yet_in_force(provision.id)
        and _differs_now(guideline, edition, provision)
    ):
        doc, anchor = (
            (pages.clause(provision.id), None) if guideline.is_removed(provision.id) else (pages.TEXT, provision.id)
        )
        href = pages.url_link(from_doc, doc, anchor)
        parts.append(f'<a class="provision__current" href="{href}">{label(guideline, "current_text")}</a>')
    parts.append(copy_button(guideline, provision, edition, from_doc))
    return f'<div class="provision__actions">{"".join(parts)}</div>'


def _differs_now(guideline: Guideline, edition: Edition, provision: Provision) -> bool:
    """Whether the current text of a provision differs from this edition's (changed, moved or removed)."""
    now = guideline.current.provisions.get(provision.id)
    return now is None or compare.wording(now) != compare.wording(provision) or now.number != provision.number


def notice(guideline: Guideline, key: str, href: str = "") -> str:
    """A note above a page's content, e.g. that English is a reference translation; empty when none applies."""
    text = label(guideline, key, href=html.escape(href))
    return (
        f'<div class="page-notice page-notice--{key.replace("_", "-")}" role="note"><p>{text}</p></div>\n\n'
        if text
        else ""
    )


def _edition_text(guideline: Guideline, edition: Edition, from_doc: str, original_href: str = "") -> list[Part]:
    """The full official text of an edition, every provision anchored by its id."""
    out: list[Part] = [f"# {edition.title}", "", Html(_edition_meta(guideline, edition)), ""]
    if guideline.original is not None:
        out[2:2] = [Html(notice(guideline, "reference_translation", original_href).strip()), ""]
    for top in edition.top_level():
        if top.kind == "preamble":
            out += [f"## {top.heading} {{#{top.id} .provision-heading .provision-heading--preamble}}", ""]
        else:
            out += [f"## {top.label} {top.heading} {{#{top.id} .provision-heading}}", ""]
        blocks = []
        if top.paragraphs:
            text = "".join(f"<p>{html.escape(p)}</p>" for p in top.paragraphs)
            blocks.append(
                f'<div class="provision provision--{top.kind}"><div class="provision__text">{text}</div>'
                f"{_actions(guideline, edition, top, from_doc)}</div>"
            )
        elif top.numbered:
            blocks.append(
                f'<div class="provision provision--chapter">{_actions(guideline, edition, top, from_doc)}</div>'
            )
        blocks += [_provision_block(guideline, edition, edition.provisions[c], from_doc) for c in top.children]
        if blocks:
            out += [Html("\n".join(blocks)), ""]
    return out


def render_text(guideline: Guideline, original_href: str = "") -> Document:
    """The current text; links to provisions removed since land on their tombstones (see guideline.js)."""
    out = _edition_text(guideline, guideline.current, pages.TEXT, original_href)
    at = 6 if guideline.original is not None else 4  # after the edition's dates (and the translation notice)
    out[at:at] = scheduled_banners(guideline, pages.TEXT)
    removed = {pid: pages.url_link(pages.TEXT, pages.clause(pid)) for pid in guideline.tombstones}
    if removed:
        out.append(Html(f'<script type="application/json" id="removed-provisions">{json.dumps(removed)}</script>'))
    return Document(out)


def _official_text(guideline: Guideline, provision: Provision, from_doc: str, edition: Edition | None = None) -> Html:
    """The provision's official text as the edition has it (the current one by default), with its context."""
    edition = edition or guideline.current
    context = "".join(
        f'<p class="provision-box__context"><span class="provision__number">{html.escape(a.number or a.heading)}</span> '
        f"{html.escape(a.text or a.heading)}</p>"
        for a in edition.ancestors(provision.id)
        if a.kind != "chapter"
    )
    own = "".join(f"<p>{html.escape(p)}</p>" for p in provision.paragraphs)
    children = "".join(
        f'<p class="provision-box__child"><span class="provision__number">{html.escape(c.label)}</span>'
        f"{html.escape(c.text)}</p>"
        for c in (edition.provisions[cid] for cid in provision.children)
    )
    caption = f"{label(guideline, 'provision_text')} {provision.number}" + label(
        guideline, "paren", text=edition_name(guideline, edition)
    )
    read_in = pages.url_link(
        from_doc, pages.TEXT if edition is guideline.current else pages.edition(edition.name), provision.id
    )
    return Html(
        f'<section class="provision-box" aria-label="{html.escape(caption)}">'
        f'<p class="provision-box__label">{html.escape(caption)}</p>{context}'
        f'<div class="provision-box__text">{own}{children}</div>'
        f'<div class="provision__actions"><a href="{read_in}">{label(guideline, "read_in_text")}</a>'
        f"{copy_button(guideline, provision, edition, from_doc)}</div></section>"
    )


def _status_line(guideline: Guideline, provision_id: str) -> list[Part]:
    """Former numbers, a badge when the current edition revised it, and 要確認 when the commentary trails."""
    parts = []
    former = guideline.former_numbers(provision_id)
    if former:
        numbers = "、".join(
            f"{html.escape(n)}{label(guideline, 'paren', text=edition_name(guideline, e))}" for e, n in former
        )
        parts.append(f'<span class="former-number">{label(guideline, "former_number", numbers=numbers)}</span>')
    change = guideline.change_in_current(provision_id)
    if change is not None:
        key = {"added": "added_badge", "modified": "changed_badge"}.get(change.kind, "renumbered_badge")
        badge = label(guideline, key, edition=edition_name(guideline, guideline.current))
        parts.append(f'<span class="badge badge--changed">{badge}</span>')
    out: list[Part] = [Html(f'<p class="provision-status">{" ".join(parts)}</p>')] if parts else []
    out += _draft_note(guideline, provision_id)
    note = review_note(guideline, provision_id)
    if note is not None:
        out.append(Html(f'<div class="review-due" role="note"><p><strong>{html.escape(note[0])}</strong></p></div>'))
    return out


def _listed(guideline: Guideline, values: list[str]) -> str:
    return ("、" if guideline.lang == "ja" else ", ").join(values)


def _when(guideline: Guideline, edition: Edition) -> tuple[str, bool]:
    """An edition as 要確認 names it, and whether its change is still to come (改正案 or 施行予定)."""
    name = edition_name(guideline, edition)
    if edition.is_draft:
        return label(guideline, "review_draft", edition=name), True
    if edition in guideline.scheduled:
        return label(guideline, "review_scheduled", edition=name), True
    return name, False


def review_note(guideline: Guideline, provision_id: str) -> tuple[str, str] | None:
    """要確認: what the edition does to the provision and what to check in its commentary, and the
    edition its ``reviewed:`` should name once that is done; or None."""
    due = guideline.review(provision_id)
    commentary = guideline.commentaries.get(provision_id)
    if due is None or commentary is None:
        return None
    name, future = _when(guideline, due.edition)
    key = f"review_{'future' if future else 'past'}_{due.reason}"
    if key == "review_past_modified":
        key = "review_due"
    values = {
        "changed": name,
        "reviewed": label(guideline, "edition", name=commentary.reviewed),
        "number": due.row.new.number if due.row is not None and due.row.new is not None else "",
        "taken": _listed(guideline, [guideline.citation_label(pid) for pid in due.taken_from]),
    }
    return label(guideline, key, **values), due.edition.name if future else guideline.current.name


def removed_reference_messages(guideline: Guideline) -> list[str]:
    """要確認: ``file:line: …`` for each cross-reference to a provision an edition deletes."""
    out = []
    for ref in guideline.removed_references:
        name, future = _when(guideline, ref.edition)
        tense = "future" if future else "past"
        joined = _listed(guideline, [f"'clause:{s}'" for s in ref.successors])
        then = label(
            guideline, f"review_reference_{'successors' if ref.successors else 'none'}_{tense}", successors=joined
        )
        message = label(guideline, f"review_reference_{tense}", target=ref.target, changed=name, then=then)
        out.append(f"{ref.path}:{ref.line}: {message}")
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
    out: list[Part] = []
    if row.kind == "added":
        key = "draft_added"
    elif row.kind == "deleted":
        key = "draft_deleted"
    elif row.kind == "modified":
        key = "draft_modified"
    else:
        key, values["number"] = "draft_moved", html.escape(row.new.number if row.new else "")
    out.append(
        Html(
            f'<div class="edition-banner edition-banner--draft" role="note"><p>{label(guideline, key, **values)}</p></div>'
        )
    )
    stone = entry.draft_tombstone
    if stone is not None and stone.successors:
        out += ["", label(guideline, "draft_successors"), ""]
        out += [f"- {render_references(guideline, f'[](clause:{s})', from_doc)}" for s in stone.successors]
        out.append("")
    return out


def _history(guideline: Guideline, provision_id: str, from_doc: str) -> list[Part]:
    """Each edition in which the provision changed, with the change shown inline."""
    changes = guideline.history(provision_id)
    items = []
    for change in changes:
        row = change.row
        link = pages.url_link(from_doc, pages.edition(change.edition.name), provision_id if row.new else None)
        name = f'<a href="{link}">{edition_name(guideline, change.edition)}</a>'
        when = wareki(change.edition.effective, guideline.lang)
        if change.edition.is_draft:
            when = label(guideline, "history_draft")
        if change.previous is None:
            what, body = label(guideline, "history_added"), ""
        elif row.kind == "added":
            what, body = label(guideline, "history_added_in"), _segments(row.new_segments, "ins")
        elif row.kind == "deleted":
            what, body = label(guideline, "history_deleted"), _segments(row.old_segments, "del")
        else:
            what = label(guideline, "history_modified") if row.kind == "modified" else ""
            if row.renumbered and row.old is not None and row.new is not None:
                moved = label(guideline, "history_renumbered", old=row.old.number, new=row.new.number)
                what = f"{what} {moved}".strip()
            body = ""
            if row.kind == "modified" and row.old is not None and row.new is not None:
                body = "".join(
                    html.escape(text)
                    if kind == "equal"
                    else f'<{kind[:3]} class="compare-change">{html.escape(text)}</{kind[:3]}>'
                    for kind, text in compare.inline_diff(compare.wording(row.old), compare.wording(row.new))
                )
        diff = f'<p class="provision-history__diff">{body}</p>' if body else ""
        items.append(
            f'<li><p class="provision-history__edition">{name}{label(guideline, "paren", text=when)} {what}</p>{diff}</li>'
        )
    heading = f"## {label(guideline, 'history')} {{#history}}"
    return [heading, "", Html(f'<ol class="provision-history">{"".join(items)}</ol>'), ""]


def _tombstone(guideline: Guideline, provision_id: str) -> Document:
    """What a removed provision's page keeps: when it went, its last text and where its subject went."""
    from_doc = pages.clause(provision_id)
    stone = guideline.tombstones[provision_id]
    title = f"{label(guideline, 'deleted_title')} {guideline.citation_label(provision_id)}"
    out: list[Part] = [f"# {title}", ""]
    message = label(
        guideline,
        "tombstone",
        edition=edition_name(guideline, stone.removed_in),
        last=edition_name(guideline, stone.last_edition),
    )
    out += [Html(f'<div class="edition-banner edition-banner--deleted" role="note"><p>{message}</p></div>'), ""]
    out += [_official_text(guideline, stone.last, from_doc, stone.last_edition), ""]
    if stone.successors:
        out += [label(guideline, "successors"), ""]
        out += [f"- {render_references(guideline, f'[](clause:{s})', from_doc)}" for s in stone.successors]
    else:
        out.append(label(guideline, "no_successors"))
    out.append("")
    out += _history(guideline, provision_id, from_doc)
    return Document(out)


def _post_card(guideline: Guideline, text: str, kind: str) -> Html:
    body = "<br>".join(html.escape(line) for line in text.splitlines())
    caption = label(guideline, "post" if kind == "post" else "fix")
    return Html(
        f'<figure class="post-card post-card--{kind}"><figcaption class="post-card__label">{caption}</figcaption>'
        f'<div class="post-card__header"><span class="post-card__avatar" aria-hidden="true">は</span>'
        f'<span class="post-card__name">{html.escape(account_name(guideline))}</span>'
        f'<span class="post-card__account">{label(guideline, "account_note")}</span></div>'
        f'<p class="post-card__body">{body}</p></figure>'
    )


def _example(guideline: Guideline, example: Example, from_doc: str) -> list[Part]:
    verdict = example.verdict
    css = _VERDICT_CLASS.get(verdict, "caution")
    notes = VERDICT_NOTES.get(guideline.lang, VERDICT_NOTES["ja"])

    def field(key: str, label_key: str) -> list[Part]:
        """A definition list of one field; its value is the editor's, so it stays Markdown."""
        value = render_references(guideline, example.fields.get(key, ""), from_doc)
        return [label(guideline, label_key), f":   {value}", ""]

    parts: list[Part] = [
        f"### {example.title} {{#{example.anchor}}}",
        "",
        f'<div class="example example--{css}" markdown="1">',
        Html(
            f'<p class="verdict verdict--{css}"><span class="verdict__icon" aria-hidden="true">'
            f'{_VERDICT_ICON.get(verdict, "")}</span><span class="verdict__label">'
            f"{label(guideline, 'verdict')}{label(guideline, 'colon')}</span>"
            f'<strong class="verdict__value">{VOCABULARIES[guideline.lang].verdict(verdict)}</strong>'
            f'<span class="verdict__note">{label(guideline, "paren", text=notes.get(verdict, ""))}</span></p>'
        ),
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
    links = label(guideline, "situation_separator").join(
        f'<a href="{pages.url_link(from_doc, pages.CASES, s.id)}">{html.escape(s.label(guideline.lang))}</a>'
        for s in tags
    )
    caption = f"{label(guideline, 'situations')}{label(guideline, 'colon')}"
    return [Html(f'<p class="example__situations">{caption}{links}</p>')]


def render_commentary(guideline: Guideline, commentary: Commentary) -> Document:
    """A provision's commentary page: its official text, 趣旨, examples, FAQs and links."""
    if guideline.is_removed(commentary.clause):
        return _tombstone(guideline, commentary.clause)
    from_doc = pages.clause(commentary.clause)
    provision = guideline.provision(commentary.clause)
    edition = guideline.edition_of(commentary.clause)  # the current one, else the 施行予定 one or the draft
    out: list[Part] = [f"# {page_title(guideline, commentary.clause)}", "", *_status_line(guideline, commentary.clause)]
    out += scheduled_banners(guideline, from_doc, commentary.clause)
    out += [_official_text(guideline, provision, from_doc, edition), ""]
    out += [f"## {label(guideline, 'intent')} {{#intent}}", ""]
    out += [render_references(guideline, p, from_doc) + "\n" for p in commentary.purpose]
    out += [f"## {label(guideline, 'examples')} {{#examples}}", ""]
    for example in commentary.examples:
        out += _example(guideline, example, from_doc)
    out += [f"## {label(guideline, 'faq')} {{#faq}}", ""]
    for faq in commentary.faqs:
        out += [f"### {faq.question} {{#{faq.anchor} .faq-question}}", ""]
        out += [render_references(guideline, p, from_doc) + "\n" for p in faq.answer]
    out += [f"## {label(guideline, 'related')} {{#related}}", ""]
    related = (render_references(guideline, item, from_doc) for _, item in commentary.related)
    out += [f"- {item}" for item in related if item.strip()]  # a reference to a hidden draft's provision is dropped
    out += ["", f"## {label(guideline, 'backlinks')} {{#backlinks}}", ""]
    links = guideline.index.backlinks(commentary.clause)
    if not links:
        out.append(label(guideline, "no_backlinks"))
    else:  # generated from the validated references, so already correct: HTML, not links for MkDocs to check
        items = "".join(
            f'<li><a href="{pages.url_link(from_doc, pages.clause(link.source), link.anchor)}">'
            f"{html.escape(guideline.citation_label(link.source), quote=False)}</a></li>"
            for link in links
        )
        out.append(Html(f"<ul>{items}</ul>"))
    out.append("")
    out += _history(guideline, commentary.clause, from_doc)
    return Document(out)


def page_title(guideline: Guideline, provision_id: str) -> str:
    if guideline.is_removed(provision_id):
        return f"{label(guideline, 'deleted_title')} {guideline.citation_label(provision_id)}"
    provision = guideline.provision(provision_id)
    return f"{provision.number} {guideline.title(provision_id)}".strip()


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
        items = [guideline.commentaries[i] for i in ids if i in guideline.commentaries]
        if not items:
            continue
        # Not "check-<id>": that is the checkbox's id when the chapter is itself a provision with a question.
        out += [f"## {top.label} {top.heading} {{#chapter-{top.id}}}", ""]
        lines = []
        for commentary in items:
            pid = commentary.clause
            href = pages.url_link(from_doc, pages.clause(pid))
            lines.append(
                f'<li class="checklist__item"><input type="checkbox" id="check-{pid}">'
                f'<label for="check-{pid}">{html.escape(commentary.checklist)}</label> '
                f'<a class="checklist__provision" href="{href}">{label(guideline, "checklist_provision")}{label(guideline, "colon")}'
                f"{html.escape(guideline.citation_label(pid))}</a></li>"
            )
        out += [Html("\n".join(['<ul class="checklist">', *lines, "</ul>"])), ""]
    return Document(out)


def render_glossary(guideline: Guideline, markdown: str) -> Document:
    """用語集, after the page's own ``markdown``: each term with its other spellings and its definition."""
    lines = ['<dl class="glossary">']
    for term in guideline.glossary:
        aliases = "".join(
            f'<span class="glossary__alias">{label(guideline, "paren", text=html.escape(a))}</span>'
            for a in term.aliases
        )
        lines.append(
            f'<dt id="{term.id}">{html.escape(term.term)}{aliases}</dt><dd>{html.escape(term.definition)}</dd>'
        )
    lines.append("</dl>")
    return Document([markdown, "", label(guideline, "glossary_intro"), "", Html("\n".join(lines)), ""])


def render_latest_change(guideline: Guideline, from_doc: str) -> str:
    """The edition in force, what it changed, and any draft under consideration (shown only with drafts)."""
    current = guideline.current
    lang = guideline.lang
    when = wareki(current.effective, lang)
    link = pages.md_link(from_doc, pages.edition(current.name))
    key = "home_current" if current.effective is not None else "home_current_undated"
    out = [label(guideline, key, edition=f"[{edition_name(guideline, current)}]({link})", date=when), ""]
    comparison = guideline.comparison(current)
    if comparison is not None:
        changed = [row for row in comparison.changed_rows if row.new is not None and row.new.numbered]
        compare_link = pages.md_link(from_doc, pages.comparison(current.name))
        out += [label(guideline, "home_changed", href=compare_link), ""]
        out += [f"- {render_references(guideline, f'[](clause:{row.id})', from_doc)}" for row in changed]
        out.append("")
    out += [part.markup if isinstance(part, Html) else part for part in scheduled_banners(guideline, from_doc)]
    for draft in guideline.drafts:
        href = pages.md_link(from_doc, pages.comparison(draft.name))
        out += [label(guideline, "home_draft", edition=edition_name(guideline, draft), href=href), ""]
    return "\n".join(out)


def render_clause_index(guideline: Guideline, from_doc: str) -> str:
    """A list of every provision with commentary, in the order of the text."""
    out = []
    for provision in guideline.current.provisions.values():
        if provision.id in guideline.commentaries:
            indent = "    " if provision.kind == "subitem" else ""
            link = pages.md_link(from_doc, pages.clause(provision.id))
            out.append(f"{indent}- [{html.escape(page_title(guideline, provision.id))}]({link})")
    return "\n".join(out) + "\n"


_SKIP_TAGS = {
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "code",
    "pre",
    "button",
    "script",
    "style",
    "abbr",
    "title",
    "dt",
    "label",
    "figcaption",
}
_TAG = re.compile(r"(<[^>]+>)")
_TAG_NAME = re.compile(r"^</?\s*([a-zA-Z0-9]+)")


def annotate_terms(content: str, terms: list[Term], glossary_url: str) -> str:
    """Link the first occurrence of each glossary term on a page, with its definition as a tooltip.

    Text inside links, headings, code, buttons and labels is left alone. At each place the longest
    spelling of any term or compound wins, so a term is never linked inside a longer one (glossary.py).
    """
    words: list[tuple[str, Term | None]] = [(s, t) for t in terms for s in t.spellings]
    words += [(c, None) for t in terms for c in t.compounds]
    spellings = sorted(words, key=lambda pair: -len(pair[0]))
    if not words:
        return content
    by_spelling = dict(words[::-1])  # a compound that is also a term's spelling is the term

    def alternative(spelling: str) -> str:
        # Latin words match whole words only ("stake" is not in "mistake"); Japanese has no word boundaries.
        escaped = re.escape(spelling)
        return rf"(?<![A-Za-z]){escaped}(?![A-Za-z])" if spelling.isascii() else escaped

    pattern = re.compile("|".join(alternative(s) for s, _ in spellings))
    every = len({term.id for term in terms})
    used: set[str] = set()
    depth = 0
    out: list[str] = []
    chunks = _TAG.split(content)
    for index, chunk in enumerate(chunks):
        if len(used) == every:  # each term is linked once: the rest of a long page stays as it is
            out += chunks[index:]
            break
        if chunk.startswith("<"):
            name = _TAG_NAME.match(chunk)
            if name and name.group(1).lower() in _SKIP_TAGS and not chunk.endswith("/>"):
                depth += -1 if chunk.startswith("</") else 1
            out.append(chunk)
            continue
        if depth > 0:
            out.append(chunk)
            continue

        def link(match: re.Match[str]) -> str:
            term = by_spelling[match.group(0)]
            if term is None or term.id in used:
                return match.group(0)
            used.add(term.id)
            return (
                f'<a class="glossary-term" href="{glossary_url}#{term.id}" title="{html.escape(term.definition)}">'
                f"{match.group(0)}</a>"
            )

        out.append(pattern.sub(link, chunk))
    return "".join(out)


def _status(guideline: Guideline, edition: Edition) -> str:
    return label(guideline, f"status_{guideline.status(edition)}")


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
        message = label(guideline, key, date=wareki(edition.effective, guideline.lang), href=href)
        out += [Html(f'<div class="edition-banner edition-banner--scheduled" role="note"><p>{message}</p></div>'), ""]
    return out


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
            changes = "<br>".join(html.escape(str(c)) for c in item.get("changes") or [])
            cells = [label(guideline, "edition", name=html.escape(name)), day, label(guideline, f"kind_{kind}")]
            rows.append(
                "<tr>"
                + "".join(f"<td>{c}</td>" for c in cells)
                + f'<td lang="ja">{html.escape(str(item.get("reason", "")))}</td><td lang="ja">{changes}</td></tr>'
            )
    if not rows:
        return "\n".join([*out, label(guideline, "corrections_none"), ""])
    keys = ("col_edition", "col_date", "col_kind", "col_reason", "col_changes")
    head = "".join(f'<th scope="col">{label(guideline, k)}</th>' for k in keys)
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
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
        status = _status(guideline, edition)
        if guideline.status(edition) != "superseded":
            status = f"**{status}**"
        cells = [
            f"[{edition_name(guideline, edition)}]({pages.md_link(from_doc, pages.edition(edition.name))})",
            status,
            wareki(edition.enacted, lang),
            wareki(edition.effective, lang),
        ]
        out.append("| " + " | ".join([*cells, text, compared]) + " |")
    out.append("")
    out.append(render_corrections(guideline))
    return "\n".join(out)


def _banner(guideline: Guideline, edition: Edition, from_doc: str) -> str:
    text = pages.url_link(from_doc, pages.TEXT)
    if edition.is_draft:
        message = label(guideline, "draft_banner", href=text)
        if from_doc != pages.comparison(edition.name):  # the 新旧対照表 does not point at itself
            message += label(
                guideline, "draft_banner_compare", compare=pages.url_link(from_doc, pages.comparison(edition.name))
            )
        css = "draft"
    elif guideline.status(edition) == "scheduled":
        current = edition_name(guideline, guideline.current)
        message = label(
            guideline, "scheduled_edition", href=text, current=current, date=wareki(edition.effective, guideline.lang)
        )
        css = "scheduled"
    elif edition is not guideline.current:
        message = label(guideline, "not_current", href=text, current=edition_name(guideline, guideline.current))
        css = "superseded"
    else:
        return ""
    return f'<div class="edition-banner edition-banner--{css}" role="note"><p>{message}</p></div>'


def render_edition_page(guideline: Guideline, edition: Edition) -> Document:
    """The full text of one edition as it was, with a banner when it is not the current text."""
    from_doc = pages.edition(edition.name)
    title, *rest = _edition_text(guideline, edition, from_doc)
    heading = f"{title} {label(guideline, 'paren', text=edition_name(guideline, edition))}"
    banner: list[Part] = [Html(b), ""] if (b := _banner(guideline, edition, from_doc)) else []
    if (current := guideline.against_current(edition)) is not None:
        href = pages.md_link(from_doc, pages.comparison_with(edition.name, current.name))
        banner += [f"[{label(guideline, 'compare_current')}]({href})", ""]
    return Document([heading, "", *banner, *rest])


def _segments(segments: tuple[compare.Segment, ...], tag: str) -> str:
    """Text with the changed parts underlined (傍線) and marked as inserted or deleted."""
    out = []
    for segment in segments:
        text = html.escape(segment.text).replace("\n", "<br>")
        out.append(f'<{tag} class="compare-change">{text}</{tag}>' if segment.changed else text)
    return "".join(out)

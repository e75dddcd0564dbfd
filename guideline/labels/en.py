"""The interface strings in English: every word the site, the CLI and the printed documents show.

Data only, and long for that reason. Placeholders in braces are filled by ``str.format``; a string
with HTML in it (a link) is used through ``labels.markup``, which escapes what fills it.
"""

from __future__ import annotations

# Pages, by key (render's page kinds, the navigation, the banners and notes above a page).
PAGE = {
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
    "pinned": "This edition: ",  # before the pinned link in the copied text
    "copied": "Link copied",  # announced after a copy
    "copy_by_hand": "Copy this link:",  # when the browser refuses to copy: a prompt with the text
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
    "not_stated": "not stated",
    "cited": "{number} “{title}”",
    "cited_removed": "former {number}",
    "cited_draft": " (draft)",
}
# What each kind of text the post check's script recognises is called (guideline/model/signals.py PATTERNS)
PATTERNS = {
    "phone": "phone number",
    "email": "e-mail address",
    "address": "postal address",
    "plate": "number plate",
    "url": "URL",
    "shortener": "shortened URL",
    "datetime": "date or time",
    "weekday": "date whose weekday is wrong",
    "mention": "@mention of a person",
    "election-hashtag": "election hashtag",
}

# The verdicts' notes; keyed by ``commentary.OK``, ``NG`` and ``CAUTION`` (this module imports nothing).
VERDICT_NOTES = {"OK": "fine to post", "NG": "must not be posted", "caution": "review before posting"}
# 事例集 (casebook.py).
CASEBOOK = {
    "intro": "Every worked example in the guideline's commentary, listed by situation. Choose the situation "
    "closest to yours and follow an example's heading to its commentary page. An example that fits more "
    "than one situation is listed under each.",
    "situations": "Find by situation",
    "count": "{count}",
    "total": "There are {count} examples in all.",
    "filter": "Narrow down the examples",
    "filter_situations": "Situation",
    "filter_verdicts": "Verdict",
    "filter_hint": "With nothing selected, everything is shown.",
    "reset": "Clear selection",
    "shown": "Showing {count} examples.",
    "provision": "Provision",
    "scene": "Scene",
    "paren": " ({text})",
    "colon": ": ",
    "none": "No example of this situation yet.",
}
# 新旧対照表 on the site, in print and in the terminal (compare_page.py, printing.py, cli.py).
COMPARE = {
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
    "terminal_heading": "Old/new comparison: {new} (after revision) ← {old} (before revision)  (Underlined parts are revised.)",
    "terminal_title": "Title revised",
    "terminal_new": "After revision: ",
    "terminal_old": "Before revision: ",
    "terminal_count": "Provisions changed: {count} ({counts})",
    "change_modified": "revised",
    "change_added": "new",
    "change_deleted": "deleted",
    "change_down": "moved down",
    "change_up": "moved up",
    "change_moved": "moved",
    "change_and": ", ",
    "change_numbers": " ({old} → {new})",
    "counts": "revised {modified}, new {added}, deleted {deleted}, moved down or up {renumbered}, moved {moved}",
    "quoted": "“{text}”",
    "summary_no_draft": "## Preview of the draft revision\n\nThere is no draft revision (no edition with status: draft). "
    "Only the preview site was made.\n",
    "summary_heading": "## Old/new comparison of {new} (draft revision) with {old} (in force)",
    "summary_title_too": ". The title is revised too.",
    "summary_end": ".",
    "summary_artifacts": "In the run's artifacts, `kessai-pdf` is the old/new comparison for approval (A4 landscape) "
    "and `preview-site` is the preview site.",
    "summary_rows": "Provisions changed",
    "summary_columns": "| Provision | Change |",
    "summary_compare": "- Old/new comparison: `{url}`",
    "summary_commentary": "- Commentary {row}: `{url}`",
    "summary_pages": "Pages to read (in preview-site)",
    "summary_due": "Commentary to review",
}

"""投稿案チェック (/check/): the page where staff paste a draft post before posting.

The page carries, as a JSON data block, every provision's signals (declared in the Japanese
commentary, see ``signals``), its current number and title, its checklist question, and the
worked examples with their draft posts. ``docs/assets/post-check.js`` reads the draft in the
browser, where it stays: nothing is sent, stored or logged.

Beside the signals, a second and weaker mechanism: similarity. Every worked example is a labelled
case (an NG or 要注意 draft points at its provision; an OK draft and every 改善案 point at none), and
so is every labelled draft (``glossary/labelled/*.yml``, ``guideline/model/labelled.py``: ``flag:`` points at a provision,
``not:`` and a draft with nothing to flag point away). The page ships their texts, and the script
compares the draft with them (character bigrams and trigrams weighted by TF-IDF, cosine): a
provision whose closest case points at it, closer than ``SIMILARITY["threshold"]`` and closer than
any case that points away from it, is shown as "似ている事例があります" with that case, at most
``SIMILARITY["most"]`` provisions (a second only when nearly as close as the first). Measured, leaving out each set and each example in turn, by
``tests/test_postcheck.py``.
"""

from __future__ import annotations

from typing import Any

from guideline.labels import text as label_text
from guideline.model.commentary import CAUTION, FIX, NG, OK, POST, VOCABULARIES
from guideline.model.guideline import Guideline
from guideline.model.signals import PATTERNS, signal_data
from guideline.site import pages
from guideline.site.cite import account_name, citation_label
from guideline.site.document import Document, Html
from guideline.site.templating import fragment

CHECK = "check.md"
# Chosen on the development sets, each measured while left out (tests/test_postcheck.py --set).
SIMILARITY = {"threshold": 0.06, "most": 2, "near": 0.8}
KINDS = {NG: "ng", CAUTION: "caution", OK: "ok"}  # an example's verdict as the script reads it

STRINGS = {
    "ja": {
        "privacy": "入力した文章は、このページの中（お使いのブラウザー）だけで調べます。"
        "どこにも送信・保存・記録しません。",
        "limits": "このチェックは、ガイドラインの解説に登録された語句や書き方の型を探し、あわせて、"
        "文章が似ている事例や試験用の投稿案を示す補助です。投稿の承認ではありません。"
        "見つからなかった点に問題がないとは限りません。「似ている事例」は、語句が見つかった場合より弱い手がかりです。"
        "このチェックの作成に使っていない試験用の投稿案90件で測ったところ、確認すべき条項のおよそ6割を見つけ、"
        "指摘してはならない条項を指摘したのは1割弱でした。関係の薄い条項をあわせて示すこともあります"
        "（令和8年(2026年)12月の測定）。",
        "draft": "投稿案",
        "draft_hint": "投稿しようとしている文章を貼り付けるか、入力してください。",
        "images": "添付する写真・画像に写っているもの（任意）",
        "images_hint": "例：申込フォームの管理画面のスクリーンショット、子どもの顔と名札が写った教室の写真。",
        "noscript": "このチェックはブラウザーのJavaScriptで動きます。使えない場合は、投稿前チェックリストで確かめてください。",
        "facts": "投稿の目安",
        "length": "文字数（Xの数え方）",
        "length_note": "日本語などの全角文字は2、半角英数字は1、URLは長さにかかわらず23と数え、上限は280です"
        "（2026年12月に確認したXの数え方）。",
        "over": "上限を超えています",
        "links": "リンク",
        "none": "なし",
        "images_count": "写真・画像への言及",
        "voice": "口調（目安）",
        "voice_mascot": "{account}の口調",
        "voice_notice": "職員からのお知らせ",
        "voice_unknown": "判別できません",
        "findings": "見直したい点",
        "found": "見つかった語句",
        "ask": "確かめること",
        "similar": "似ている事例があります",
        "similar_note": "登録された語句は見つかりませんでしたが、文章全体が、次の条項の事例に似ています。"
        "語句が見つかった場合より弱い手がかりです。当てはまるか、事例と見比べてください。",
        "resembles": "似ている事例",
        "resembles_draft": "似ている投稿案（条項に当たると判断された試験用の例）",
        "nearest": "いちばん近い事例",
        "none_found": "登録された語句や型は見つかりませんでした。これは承認ではありません。"
        "投稿する前に、次のチェックリストで確かめてください。",
        "count": "{count}件の条項に関わる可能性があります。",
        "empty": "投稿案を入力すると、ここに結果が表示されます。",
        "checklist": "投稿前チェックリスト",
        "colon": "：",
        "sep": "、",
        "open": "（",
        "close": "）",
    },
    "en": {
        "privacy": "What you type is examined only on this page, in your browser. Nothing is sent, stored or logged.",
        "limits": "This check is an aid: it looks for words and kinds of text registered in the guideline's "
        "commentary and shows the worked examples and test drafts whose wording the draft resembles. It is not an "
        "approval, and a problem it does not find may still be there. A similar case is a weaker hint than a word "
        "found. Measured on 90 test drafts not used to build it, it found about six in ten of the provisions a "
        "reviewer would name, and pointed at a provision it should not have in fewer than one case in ten; it may "
        "also name provisions that barely apply (measured in December 2026).",
        "draft": "Draft post",
        "draft_hint": "Paste or type the text you are about to post (the account posts in Japanese).",
        "images": "What the attached photos or images show (optional)",
        "images_hint": "For example: a screenshot of the form's admin screen; a classroom photo with children's faces and name tags.",
        "noscript": "This check runs in your browser's JavaScript. Without it, use the pre-posting checklist.",
        "facts": "About the post",
        "length": "Length (as X counts it)",
        "length_note": "Japanese and other full-width characters count 2, Latin letters and digits 1, and a URL "
        "23 whatever its length; the limit is 280 (X's rule as checked in December 2026).",
        "over": "over the limit",
        "links": "Links",
        "none": "none",
        "images_count": "Photos or images mentioned",
        "voice": "Voice (a rough guess)",
        "voice_mascot": "the mascot speaking",
        "voice_notice": "a notice from staff",
        "voice_unknown": "cannot tell",
        "findings": "Worth a second look",
        "found": "Found",
        "ask": "Ask yourself",
        "similar": "Similar cases",
        "similar_note": "No registered words were found for these provisions, but the draft as a whole resembles "
        "one of their cases. This is a weaker hint than a word found: compare the draft with the case.",
        "resembles": "Resembles",
        "resembles_draft": "Resembles a test draft a reviewer judged to touch the provision",
        "nearest": "Closest worked example",
        "none_found": "None of the registered words or kinds of text were found. This is not an approval: "
        "before posting, go through the checklist below.",
        "count": "The draft may touch {count} provision(s).",
        "empty": "Type or paste a draft post and the results appear here.",
        "checklist": "Pre-posting checklist",
        "colon": ": ",
        "sep": ", ",
        "open": " (",
        "close": ")",
    },
}


def _strings(guideline: Guideline) -> dict[str, str]:
    strings = dict(STRINGS.get(guideline.lang, STRINGS["ja"]))
    strings["voice_mascot"] = strings["voice_mascot"].format(account=account_name(guideline))
    return strings


def page_data(guideline: Guideline, from_doc: str = CHECK) -> dict[str, Any]:
    """What the page's script needs: provisions with signals and questions, and the worked examples."""
    japanese = guideline.original or guideline
    verdicts = VOCABULARIES[guideline.lang]
    provisions: list[dict[str, Any]] = []
    examples: list[dict[str, Any]] = []
    for pid in guideline.current.provisions:
        commentary = guideline.commentaries.get(pid)
        if commentary is None:
            continue
        href = pages.url_link(from_doc, pages.clause(pid))
        source = japanese.commentaries.get(pid, commentary)
        provisions.append(
            {
                "id": pid,
                "label": citation_label(guideline, pid),
                "href": href,
                "question": commentary.checklist,
                "signals": [signal_data(signal, japanese.lexicons) for signal in source.signals],
            }
        )
        titles = {example.anchor: example.title for example in commentary.examples}
        for example in source.examples:  # the Japanese draft posts: the drafts pasted here are Japanese
            shown = source.attachments.get(example.anchor)
            entry = {
                "provision": pid,
                "title": titles.get(example.anchor, example.title),
                "verdict": verdicts.verdict(example.verdict) if example.verdict else "",
                "kind": KINDS.get(example.verdict, ""),
                "href": pages.url_link(from_doc, pages.clause(pid), example.anchor),
                "post": example.fields.get(POST, ""),
            }
            # What the similarity compares besides the draft: its photo, and the 改善案 (which points at nothing).
            extra = {
                "shown": shown.post if shown else "",
                "fix": example.fields.get(FIX, ""),
                "fixShown": shown.fix if shown else "",
            }
            entry.update({key: value for key, value in extra.items() if value})
            examples.append(entry)
    checklist = pages.url_link(from_doc, pages.CHECKLIST)
    kinds = {name: label_text(guideline.lang, name, "PATTERNS") for name in PATTERNS}
    return {
        "provisions": provisions,
        "examples": examples,
        "checklist": checklist,
        "patterns": kinds,
        "drafts": labelled_drafts(japanese),
        "similarity": SIMILARITY,
        "strings": _strings(guideline),
    }


def labelled_drafts(guideline: Guideline) -> dict[str, list[dict[str, Any]]]:
    """The labelled drafts by file, as the similarity reads them: text (with what its photos show), flag, not."""
    sets: dict[str, list[dict[str, Any]]] = {}
    for name, drafts in guideline.labelled.items():
        sets[name] = []
        for draft in drafts:
            entry: dict[str, Any] = {"text": draft.text + ("\n" + draft.images if draft.images else "")}
            entry.update({key: list(ids) for key, ids in (("flag", draft.flag), ("not", draft.not_)) if ids})
            sets[name].append(entry)
    return sets


def render_postcheck(guideline: Guideline, markdown: str) -> Document:
    """The page's own ``markdown`` (title and introduction), then the form the script brings to life."""
    checklist = pages.url_link(CHECK, pages.CHECKLIST)
    form = fragment("postcheck.html", "form", text=_strings(guideline), checklist=checklist, data=page_data(guideline))
    return Document([markdown, "", Html(form), ""])

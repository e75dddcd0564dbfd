"""投稿案チェック (/check/): the page where staff paste a draft post before posting.

The page carries, as a JSON data block, every provision's signals (declared in the Japanese
commentary, see ``signals``), its current number and title, its checklist question, and the
worked examples with their draft posts. ``docs/assets/post-check.js`` reads the draft in the
browser, where it stays: nothing is sent, stored or logged.
"""

from __future__ import annotations

from typing import Any

from guideline.model.commentary import POST, VOCABULARIES
from guideline.model.project import Guideline
from guideline.model.signals import PATTERNS, signal_data
from guideline.site import pages
from guideline.site.cite import account_name, citation_label
from guideline.site.document import Document, Html
from guideline.site.templating import fragment

CHECK = "check.md"

STRINGS = {
    "ja": {
        "privacy": "入力した文章は、このページの中（お使いのブラウザー）だけで調べます。"
        "どこにも送信・保存・記録しません。",
        "limits": "このチェックは、ガイドラインの解説に登録された語句や書き方の型を探す補助です。"
        "投稿の承認ではありません。見つからなかった点に問題がないとは限りません。"
        "このチェックの作成に使っていない試験用の投稿案では、確認すべき条項のおよそ半分を見つけました"
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
        "similar": "似ている事例",
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
        "limits": "This check is an aid that looks for words and kinds of text registered in the guideline's "
        "commentary. It is not an approval, and a problem it does not find may still be there. On test drafts "
        "not used to build it, it found about half of the provisions a reviewer would name (measured in "
        "December 2026).",
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
        "similar": "Similar worked examples",
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
        examples.extend(  # the Japanese draft posts: the drafts pasted here are Japanese
            {
                "provision": pid,
                "title": titles.get(example.anchor, example.title),
                "verdict": verdicts.verdict(example.verdict) if example.verdict else "",
                "href": pages.url_link(from_doc, pages.clause(pid), example.anchor),
                "post": example.fields.get(POST, ""),
            }
            for example in source.examples
        )
    checklist = pages.url_link(from_doc, pages.CHECKLIST)
    english = guideline.lang == "en"
    kinds = {name: words[1] if english else words[0] for name, words in PATTERNS.items()}
    return {
        "provisions": provisions,
        "examples": examples,
        "checklist": checklist,
        "patterns": kinds,
        "strings": _strings(guideline),
    }


def render_postcheck(guideline: Guideline, markdown: str) -> Document:
    """The page's own ``markdown`` (title and introduction), then the form the script brings to life."""
    checklist = pages.url_link(CHECK, pages.CHECKLIST)
    form = fragment("postcheck.html", "form", text=_strings(guideline), checklist=checklist, data=page_data(guideline))
    return Document([markdown, "", Html(form), ""])

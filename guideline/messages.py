"""Every message a clerk reads, in Japanese (the default) and English, keyed by a stable id.

The division reads ``file:line: 何が問題か。どう直すか。`` from `guideline` and from the build's checks;
a problem carries an id and named parameters, and is put into words only when it is reported, in the
language chosen once: ``guideline --lang en`` or, absent that, the environment (``LC_ALL``,
``LC_MESSAGES``, ``LANG``: a value starting with ``en`` means English, anything else Japanese).

This module is longer than the others on purpose: the catalogue is one table, so that a translator or a
reviewer reads every message in both languages in one place, and the test that checks that both languages
carry the same parameters reads one dictionary. The machinery is first, the catalogue (by area) after it.

Words kept the same everywhere (as the division's page 改正の手順 uses them): 版, 改正案, 公開済み,
条項, ID, 解説ページ, 事例, よくある質問, 前付け (the lines between the two ``---`` at the top of a file),
見出し, 用語集, 英語版の参考訳 (translation), 公開記録 (editions/releases.yml).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal, Union

LANGUAGES = ("ja", "en")

_chosen: str | None = None


def choose(lang: str | None) -> None:
    """Fix the language for this process (``guideline --lang``); None goes back to the environment."""
    global _chosen
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(lang)
    _chosen = lang


def language() -> str:
    """The chosen language, else the environment's: the first set of LC_ALL, LC_MESSAGES, LANG."""
    if _chosen is not None:
        return _chosen
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "en" if value.lower().startswith("en") else "ja"
    return "ja"


@dataclass(frozen=True)
class Day:
    """A date parameter: 令和9年(2027年)1月1日 in Japanese, January 1, 2027 in English; None is 未記載."""

    value: date | None


@dataclass(frozen=True)
class Items:
    """A list parameter, joined as each language lists things."""

    values: tuple[Param, ...]
    join: Literal["list", "and", "lines"] = "list"


Param = Union[str, int, "Text", Items, Day]
_JOINERS = {"list": ("、", ", "), "and": ("と", " and "), "lines": ("\n", "\n")}


@dataclass(frozen=True)
class Text:
    """A message: its id in the catalogue and its named parameters, put into words when shown."""

    id: str
    params: tuple[tuple[str, Param], ...] = ()

    def render(self, lang: str | None = None) -> str:
        lang = lang or language()
        template = CATALOGUE[self.id][LANGUAGES.index(lang) if lang in LANGUAGES else 0]
        return template.format(**{key: _render(value, lang) for key, value in self.params})

    def __str__(self) -> str:
        return self.render()


def msg(message_id: str, /, **params: Param | None) -> Text:
    """The message ``message_id`` with its parameters; an unknown id fails at once, not when shown."""
    if message_id not in CATALOGUE:
        raise KeyError(message_id)
    return Text(message_id, tuple(sorted((k, "" if v is None else v) for k, v in params.items())))


def _render(value: Param, lang: str) -> str:
    if isinstance(value, Text):
        return value.render(lang)
    if isinstance(value, Items):
        return _JOINERS[value.join][LANGUAGES.index(lang)].join(_render(v, lang) for v in value.values)
    if isinstance(value, Day):
        from guideline.model.dates import wareki  # dates' own errors are messages: imported here, not at the top

        return wareki(value.value, lang)
    return str(value)


def items(values: Iterable[Param], join: Literal["list", "and", "lines"] = "list") -> Items:
    """A list parameter from any iterable of parameters."""
    return Items(tuple(values), join)


class MessageError(Exception):
    """An error whose message is a catalogue text, shown in the chosen language."""

    def __init__(self, message: Text) -> None:
        super().__init__(message.id)
        self.message = message

    def __str__(self) -> str:
        return self.message.render()


# The catalogue: id -> (Japanese, English). Parameters are named alike in both; tests/test_messages.py
# checks it, and that every id is used in the code and every problem is reported by id.
CATALOGUE: dict[str, tuple[str, str]] = {
    # How problems are reported
    "report.problem": ("{location}: エラー: {message}", "{location}: error: {message}"),
    "report.summary": (
        "ガイドラインの原稿に {count} 件の問題があります。上の各行のファイルと行を直してください。",
        "{count} problem(s) found in the guideline sources; fix each file and line above.",
    ),
    "hint.did_you_mean": ("「{id}」のことですか。", " Did you mean '{id}'?"),
    # Front matter (前付け) of every Markdown source
    "frontmatter.missing": (
        "前付けがありません。ファイルの1行目を「---」にし、「key: 値」の行を書いて「---」の行で閉じてください。",
        "missing front matter: the file must start with a line '---'",
    ),
    "frontmatter.unclosed": (
        "前付けが閉じていません。最後の「key: 値」の行の後に「---」の行を加えてください。",
        "front matter is not closed: add a line '---' after the last key",
    ),
    "frontmatter.unreadable": (
        "前付けのこの行の{column}文字目あたりが読めません。かっこ（[ ] や {{ }}）や引用符（\" '）の閉じ忘れ、"
        "「: 」の後の空白がないかを確かめ、「key: 値」の形で書いてください。",
        "malformed front matter near column {column}: look for an unclosed bracket or quote, or a missing "
        "space after ':'; write it as 'key: value' lines",
    ),
    # A file of declarations (the glossary, the casebook's situations, the 投稿案チェック's vocabularies)
    "declarations.unreadable": (
        "{what}が YAML として読めません（この行の{column}文字目あたり）。かっこや引用符の閉じ忘れ、字下げを確かめてください。",
        "{what} is not valid YAML near column {column} of this line: look for an unclosed bracket or quote, "
        "and check the indentation",
    ),
    "glossary.what": ("用語集", "the glossary"),
    "situations.what": ("状況の一覧", "the list of situations"),
    "lexicons.what": ("語彙の一覧", "the list of vocabularies"),
    "frontmatter.not_mapping": (
        "前付けは「key: 値」の行で書いてください。",
        "malformed front matter: expected 'key: value' lines",
    ),
    "frontmatter.missing_key": (
        "前付けに「{key}:」がありません。「{key}: …」の行を加えてください。",
        "front matter has no '{key}'; add '{key}: …'",
    ),
    # Editions (版)
    "edition.bad_name": (
        "「{key}:」は一行の文字列で書いてください（例：{key}: はにぽん）。名前を変えないときは、この行を削除します。",
        "'{key}:' must be one line of text (e.g. {key}: Hanipon); to keep the name, delete the line",
    ),
    "edition.bad_date": (
        "「{key}: {value}」は日付として読めません。2027-01-01 のように年-月-日で書くか、"
        "分からないときは null（未記載）と書いてください。",
        "'{key}' must be a date written YYYY-MM-DD or null (未記載), not '{value}'",
    ),
    "edition.bad_successors": (
        "「successors:」には、削除した条項の ID ごとに、その内容を引き継ぐ条項の ID を書いてください"
        "（例：「old-id: [new-id]」）。",
        "'successors' must map a removed id to the ids that took over its subject (e.g. 'old-id: [new-id]')",
    ),
    "edition.bad_reasons": (
        "「reasons:」（改正理由）は「- 何をどう改めるか、その理由」の形の行を並べた一覧で書いてください。",
        "'reasons:' (改正理由) must be a list of lines '- what the revision changes, and why'",
    ),
    "edition.bad_status": (
        "「status: {status}」は使えません。{allowed} のどれかにしてください。",
        "unknown status '{status}'; use one of: {allowed}",
    ),
    "edition.bad_id": (
        "条項の ID「{id}」は使えません。英小文字と数字をハイフンでつないだ名前にしてください（例：accuracy）。",
        "invalid id '{id}': use lowercase ASCII words joined by hyphens, e.g. 'accuracy'",
    ),
    "edition.duplicate_id": (
        "条項の ID「{id}」は{first}行目でも使われています。この条項には新しい ID を付けてください。",
        "duplicate id '{id}' (first used on line {first}); give it a new id",
    ),
    "edition.outside_chapter": (
        "この項目は章の外にあります。章の見出し（「## 見出し {{#id}}」）の下に移してください。",
        "this provision is outside a chapter ('## title {{#id}}'); move it under one",
    ),
    "edition.outside_item": (
        "この号は項目の外にあります。項目の下に移してください。",
        "this provision is outside an item; move it under one",
    ),
    "edition.no_id": (
        "条項の行末に ID がありません。行末に「{{#accuracy}}」のような ID を付けてください。",
        "a provision needs an id at the end of its line, like '{{#accuracy}}'",
    ),
    "edition.stray_text": (
        "どの条項にも属さない文があります。項目の下に字下げして書くか、「## 見出し {{#id}}」で章を始めてください。",
        "text outside any provision; indent it under an item or start a chapter with '## title {{#id}}'",
    ),
    "edition.indented_heading": (
        "章の見出しの前に字下げ（{indent}）があります。「##」は行頭から書いてください。",
        "the chapter heading is indented ({indent}); write '##' at the start of the line",
    ),
    "edition.indented_item": (
        "項目の前の字下げ（{indent}）は使えません。項目 (1) は行頭から、号 ① は半角空白 {spaces} 個で字下げして書いてください。",
        "this indent ({indent}) is not allowed: write an item (1) at the start of the line and a sub-item ① "
        "indented by {spaces} spaces",
    ),
    "edition.indent_characters": (
        "行頭の字下げに半角空白以外の文字（{indent}）があります。半角空白だけで字下げしてください。",
        "the indent has characters other than spaces ({indent}); indent with spaces only",
    ),
    "indent.run": ("{what} {count} 個", "{count} × {what}"),
    "indent.space": ("半角空白", "space"),
    "indent.ideographic_space": ("全角空白", "full-width space"),
    "indent.tab": ("タブ", "tab"),
    # Markup: no script from content
    "markup.tag_refused": (
        "HTML タグ <{tag}> は書けません。Markdown で書いてください（使えるタグは {allowed} だけです）。",
        "the HTML tag <{tag}> is not allowed; write it in Markdown (only {allowed} may be used)",
    ),
    "markup.tag_attribute": (
        "HTML タグ <{tag}> に属性「{attribute}」は付けられません。属性を消して <{tag}> とだけ書いてください。",
        "the HTML tag <{tag}> may not carry the attribute '{attribute}'; remove it and write just <{tag}>",
    ),
    "markup.event_attribute": (
        "属性「{attribute}」は書けません（スクリプトや書式を埋め込めるため）。{attributes} から消してください。",
        "the attribute '{attribute}' is not allowed (it can embed script or styling); remove it from {attributes}",
    ),
    "markup.refused_link": (
        "リンク先「{target}」は使えません（{scheme}: はスクリプトや埋め込みを実行します）。"
        "サイト内のページ（clause:ID など）か http(s) のアドレスにしてください。",
        "the link target '{target}' is not allowed ({scheme}: runs script or embeds content); link to a page "
        "of the site (clause:ID…) or an http(s) address",
    ),
    # Commentary pages (解説ページ)
    "commentary.unknown_key": (
        "前付けの「{key}:」は使えません。使えるのは {keys} です。",
        "unknown front matter key '{key}'; the keys are {keys}",
    ),
    "commentary.unknown_section": (
        "「## {name}」という見出しは使えません。見出しは {names} です。",
        "unknown section '{name}'; the sections are {names}",
    ),
    "commentary.section_twice": (
        "見出し「## {name}」が2回あります。一つにまとめてください。",
        "section '{name}' appears twice; merge the two",
    ),
    "commentary.page_title": (
        "ページの題（「# …」の行）は書かないでください。題は条項の番号と前付けの「title:」から自動で付きます。",
        "do not write a page title: the build writes it from the provision's number and 'title'",
    ),
    "commentary.outside_section": (
        "見出しの外に文があります。{names} のどれかの見出しの下に移してください。",
        "text outside a section; put it under one of: {names}",
    ),
    "commentary.section_missing": (
        "見出し「## {name}」がありません。加えてください（見出しは {names} の順です）。",
        "section '## {name}' is missing; add it (sections in order: {names})",
    ),
    "commentary.example_no_anchor": (
        "事例の見出しの行末に「{{#delete-or-correct}}」のような名前がありません。英小文字の名前を付けてください。",
        "example heading needs an anchor at the end, like '### … {{#delete-or-correct}}'",
    ),
    "commentary.question_no_anchor": (
        "質問の見出しの行末に「{{#delete-or-correct}}」のような名前がありません。英小文字の名前を付けてください。",
        "question heading needs an anchor at the end, like '### … {{#delete-or-correct}}'",
    ),
    "commentary.bad_anchor": (
        "見出しの名前「{{#{anchor}}}」は使えません。英小文字と数字をハイフンでつないだ名前にしてください。",
        "invalid anchor '{anchor}': use lowercase ASCII words joined by hyphens",
    ),
    "commentary.duplicate_anchor": (
        "見出しの名前「{{#{anchor}}}」は{first}行目でも使われています。どちらかの名前を変えてください。",
        "duplicate anchor '{anchor}' (first used on line {first}); rename one",
    ),
    "commentary.text_before_example": (
        "最初の事例の前に文があります。事例は「### 題 {{#名前}}」の見出しで始めてください。",
        "text before the first example; start each example with '### title {{#anchor}}'",
    ),
    "commentary.text_before_question": (
        "最初の質問の前に文があります。質問は「### 質問 {{#名前}}」の見出しで始めてください。",
        "text before the first question; start each question with '### title {{#anchor}}'",
    ),
    "commentary.unknown_field": (
        "事例の項目「{name}」は使えません。使えるのは {fields} です。",
        "unknown example field '{name}'; the fields are {fields}",
    ),
    "commentary.field_twice": (
        "この事例に「{name}」が2回あります。一つにまとめてください。",
        "field '{name}' appears twice in this example",
    ),
    "commentary.stray_example_text": (
        "事例の文は「- {first}: …」のような項目にするか、項目の下に半角空白2個で字下げして書いてください。",
        "example text must be a field ('- {first}: …') or indented under one",
    ),
    "commentary.no_verdict": (
        "事例「{title}」に判断がありません。「- {field}: …」の行を加え、{allowed} のどれかを書いてください。",
        "example '{title}' has no verdict; add '- {field}: …' with one of: {allowed}",
    ),
    "commentary.unknown_verdict": (
        "判断「{verdict}」は使えません。{allowed} のどれかにしてください。",
        "unknown verdict '{verdict}'; use one of: {allowed}",
    ),
    "commentary.missing_field": (
        "事例「{title}」に「{name}」がありません。「- {name}: …」の行を加えてください。",
        "example '{title}' has no '{name}'; add '- {name}: …'",
    ),
    "commentary.ng_without_fix": (
        "NG の事例「{title}」に「{name}」がありません。直した投稿を「- {name}:」の下に書いてください。",
        "NG example '{title}' has no '{name}'; add the corrected post",
    ),
    "commentary.no_answer": (
        "質問「{question}」に回答がありません。見出しの下に回答を書いてください。",
        "question '{question}' has no answer; write it below the heading",
    ),
    "commentary.too_few_examples": (
        "事例が {count} 件です。「## {section}」の下に {minimum} 件以上書いてください。",
        "{count} worked example(s); write at least {minimum} under '## {section}'",
    ),
    "commentary.lacking_verdicts": (
        "判断が {lacking} の事例がありません。事例には OK と NG をそれぞれ1件以上含めてください。",
        "no {lacking} example; a rule needs at least one OK and one NG example",
    ),
    "commentary.too_few_faqs": (
        "よくある質問が {count} 件です。「## {section}」の下に {minimum} 件以上書いてください。",
        "{count} FAQ(s); write at least {minimum} under '## {section}'",
    ),
    # Draft-post signals (signals:) on a commentary page
    "signals.fix": (
        "「- words: [語, 語]」か「- pattern: 種類」の並びで書いてください。",
        "Write a list of '- words: [word, word]' or '- pattern: kind'.",
    ),
    "signals.where": ("signals の{number}番目", "signals entry {number}"),
    "signals.not_list": ("signals が一覧になっていません。{fix}", "signals is not a list. {fix}"),
    "signals.not_entry": (
        "{where}（{entry}）が項目になっていません。{fix}",
        "{where} ({entry}) is not an entry. {fix}",
    ),
    "signals.unknown_keys": (
        "{where}に知らないキー {keys} があります。使えるのは {known} です。",
        "{where} has unknown keys {keys}; the keys are {known}",
    ),
    "signals.bad_list": (
        "{where}の {key} は、空でない語の一覧にしてください（例：{key}: [語, 語]）。",
        "{where}: '{key}' must be a list of words, not empty (e.g. {key}: [word, word])",
    ),
    "signals.unknown_pattern": (
        "{where}の pattern「{pattern}」は知らない種類です。使える種類：{kinds}。",
        "{where}: unknown pattern '{pattern}'; the kinds are: {kinds}",
    ),
    "signals.words_or_pattern": (
        "{where}には words か pattern のどちらか一方を書いてください。",
        "{where}: write either words or pattern, not both and not neither",
    ),
    # What an example's images show (attachments:) on a commentary page
    "attachments.fix": (
        "「attachments:」の下に「事例のアンカー:」、その下に「post: 投稿案の画像に写っているもの」と"
        "「fix: 改善案の画像に写っているもの」を書いてください。",
        "Under 'attachments:' write the example's anchor, and under it 'post: what the draft's image shows' and "
        "'fix: what the improved draft's image shows'.",
    ),
    "attachments.not_mapping": (
        "attachments が事例ごとの項目になっていません。{fix}",
        "attachments is not a mapping of examples. {fix}",
    ),
    "attachments.unknown_anchor": (
        "attachments の「{anchor}」はこのページの事例のアンカーではありません。事例のアンカー：{known}。",
        "attachments: '{anchor}' is not the anchor of an example on this page; the anchors are: {known}",
    ),
    "attachments.not_entry": (
        "attachments の「{anchor}」が項目になっていません。{fix}",
        "attachments: '{anchor}' is not an entry. {fix}",
    ),
    "attachments.where": ("attachments の「{anchor}」", "attachments '{anchor}'"),
    "attachments.missing_post": (
        "attachments の「{anchor}」の post に、投稿案の画像に写っているものを書いてください。",
        "attachments '{anchor}': write under 'post' what the draft's image shows",
    ),
    "attachments.missing_fix": (
        "attachments の「{anchor}」の fix に、改善案の画像に写っているもの（画像を替えないなら投稿案と同じもの）を"
        "書いてください。",
        "attachments '{anchor}': write under 'fix' what the improved draft's image shows (the draft's, if the image "
        "stays the same)",
    ),
    # Labelled drafts of the 投稿案チェック (glossary/labelled/*.yml)
    "labelled.what": ("ラベル付きの投稿案", "the labelled drafts"),
    "labelled.no_posts": (
        "「posts:」の下に、投稿案の一覧を書いてください（例：- text: 投稿案の文章）。",
        "write the list of drafts under 'posts:' (e.g. '- text: the draft')",
    ),
    "labelled.bad_post": (
        "この投稿案の書き方が違います。「text: 文章」と、必要なら「images: 写真に写っているもの」"
        "「flag: [条項ID]」「not: [条項ID]」だけを書いてください。",
        "this draft is not written as expected: give 'text: the draft' and, if needed, 'images: what its photos "
        "show', 'flag: [provision id]' and 'not: [provision id]', nothing else",
    ),
    "labelled.unknown_id": (
        "条項ID「{id}」はどの版にもありません。{hint}",
        "no edition has a provision with id '{id}'.{hint}",
    ),
    # Shared vocabularies of the 投稿案チェック (glossary/signals.yml)
    "lexicons.fix": (
        "「名前:」の下に「title: 説明」「words: [語, 語]」（必要なら「except: [語, 語]」）を書いてください。",
        "Under 'name:' write 'title: description' and 'words: [word, word]' (and, if needed, 'except: [word, word]').",
    ),
    "lexicons.not_mapping": (
        "語彙の一覧が、名前ごとの項目になっていません。{fix}",
        "the list of vocabularies is not a mapping of names. {fix}",
    ),
    "lexicons.bad_name": (
        "語彙の名前「{name}」は使えません。小文字の英数字をハイフンでつないでください。",
        "the vocabulary name '{name}' cannot be used: join lowercase letters and digits with hyphens",
    ),
    "lexicons.not_entry": ("語彙「{name}」が項目になっていません。{fix}", "vocabulary '{name}' is not an entry. {fix}"),
    "lexicons.where": ("語彙「{name}」", "vocabulary '{name}'"),
    "lexicons.bad_list": (
        "語彙「{name}」の {key} は、空でない語の一覧にしてください（例：{key}: [語, 語]）。",
        "vocabulary '{name}': '{key}' must be a list of words, not empty (e.g. {key}: [word, word])",
    ),
    "lexicons.nested": (
        "語彙「{name}」の {key} に別の語彙 {nested} があります。語彙の中には語だけを書いてください。",
        "vocabulary '{name}': '{key}' names another vocabulary, {nested}; write words only",
    ),
    "lexicons.none": ("なし", "none"),
    "lexicons.unknown": (
        "語彙 {item} は {file} にありません。ある語彙：{known}。",
        "vocabulary {item} is not in {file}; the vocabularies are: {known}",
    ),
    # Search keywords (keywords:) on a commentary page
    "keywords.not_list": (
        "keywords が空か、リストではありません。「keywords: [炎上, 言い返す]」のように職員が検索で使う言葉を"
        "1つ以上書くか、keywords の行を削除してください。",
        "keywords is empty or not a list; write one or more words staff search with, like "
        "'keywords: [炎上, 言い返す]', or delete the keywords line",
    ),
    "keywords.bad_item": (
        "keywords に空の項目か、文字でない項目（{item}）があります。言葉だけを書いてください。",
        "keywords has an empty or non-text item ({item}); write words only",
    ),
    "keywords.twice": (
        "keywords に「{word}」が2回あります。1つを削除してください。",
        "keywords lists '{word}' twice; delete one",
    ),
    "keywords.shared": (
        "keywords の「{word}」は {others} にもあります。検索がどちらの条項を指すか決められないため、"
        "その言葉で探す職員に答える1ページだけに残してください。",
        "the keyword '{word}' is also on {others}; search cannot tell which provision it means, so keep it "
        "only on the page that answers staff searching for it",
    ),
    # Glossary (用語集)
    "glossary.not_list": (
        "用語集は、id・term・definition をもつ項目（「- id: …」）を並べた一覧にしてください。",
        "the glossary must be a list of entries with id, term, definition",
    ),
    "glossary.incomplete": (
        "用語集の項目には id・term・definition の三つを書いてください。",
        "a glossary entry needs 'id', 'term' and 'definition'",
    ),
    "glossary.bad_id": (
        "用語集の id「{id}」は使えません。英小文字と数字をハイフンでつないだ名前にしてください。",
        "invalid glossary id '{id}': use lowercase ASCII words joined by hyphens",
    ),
    "glossary.duplicate_id": (
        "用語集の id「{id}」は{first}行目でも使われています。どちらかの id を変えてください。",
        "duplicate glossary id '{id}' (first used on line {first})",
    ),
    "glossary.compound_not_longer": (
        "compounds の「{compound}」は用語「{term}」を含む、より長い語ではありません。用語を含む複合語だけを書いてください。",
        "the compound '{compound}' is not a longer word containing the term '{term}'; list only compounds "
        "that contain the term",
    ),
    # Situations of the casebook (事例集の状況)
    "situations.not_list": (
        "状況の一覧は、id・ja・en をもつ項目のリストにしてください。",
        "the situations must be a list of entries with id, ja, en",
    ),
    "situations.incomplete": (
        "状況には id・ja・en の三つを書いてください。",
        "a situation needs 'id', 'ja' and 'en'",
    ),
    "situations.bad_id": (
        "状況の id「{id}」は使えません。小文字の英数字をハイフンでつないでください。",
        "invalid situation id '{id}': use lowercase ASCII words joined by hyphens",
    ),
    "situations.duplicate": (
        "状況の {key}「{value}」が重複しています（{first}行目）。どちらかを直してください。",
        "the situation's {key} '{value}' is used twice (also on line {first}); change one",
    ),
    "situations.untagged": (
        "事例「{title}」に状況がありません。判断の次の行に「- {field}: {example}」のように、"
        "{file} にある名前を一つ以上書いてください。",
        "example '{title}' names no situation; below its verdict add a line like '- {field}: {example}' "
        "with one or more names from {file}",
    ),
    "situations.unknown": (
        "状況「{tag}」は {file} にありません。{hint}一覧の名前（{known}）から選ぶか、一覧に加えてください。",
        "the situation '{tag}' is not in {file}.{hint} Choose from its names ({known}) or add it there.",
    ),
    # The guideline as a whole
    "project.no_published": (
        "「{lang}」の公開済みの版がありません。editions/1.{lang}.md を加えてください。",
        "no published edition in language '{lang}'; add editions/1.{lang}.md",
    ),
    "project.edition_name_mismatch": (
        "前付けの版の名前「{name}」がファイル名と合いません。ファイル名を {name}.{lang}.md にしてください。",
        "edition '{name}' does not match its file name; name the file {name}.{lang}.md",
    ),
    "project.draft_older": (
        "改正案の第{draft}版は、公開済みの第{published}版より前の名前です。第{published}版より後の名前にしてください。",
        "draft {draft} is older than published edition {published}; give it a later name",
    ),
    "project.clause_name_mismatch": (
        "「clause: {clause}」がファイル名と合いません。ファイル名か clause の値のどちらかを直してください。",
        "'clause: {clause}' does not match the file name; rename the file or the clause",
    ),
    "project.no_commentary": (
        "条項 {number}「{id}」に解説ページがありません。{path} を作り、見出し 趣旨・事例・よくある質問・関連条項 を書いてください。",
        "provision {number} '{id}' has no commentary; create {path} with sections 趣旨, 事例, よくある質問, 関連条項",
    ),
    "project.tombstone_missing": (
        "第{edition}版で公開した条項「{id}」の解説ページがありません。このファイルを版管理から戻してください"
        "（削除した条項も、そのページを案内として残します）。",
        "provision '{id}' of edition {edition} had a published page; restore this file from version control "
        "(a removed provision keeps its page as a tombstone)",
    ),
    "project.reason_number": (
        "改正理由の「{cited}」に当たる条項が、改正前の第{old}版にも改正案の第{new}版にもありません。改正理由では"
        "条項を改正前の第{old}版の番号で示し、新設する条項だけを改正後の番号で示してください。",
        "the reasons cite {cited}, which is a provision of neither edition {old} (before the revision) nor the draft "
        "{new}; cite provisions by their number in edition {old}, and only a provision the revision adds by its new "
        "number",
    ),
    "project.no_reasons": (
        "改正案に改正理由がありません。前付けに「reasons:」を加え、改正する点ごとに"
        "「- 何をどう改めるか。その理由。」を一行ずつ書いてください（新旧対照表と一緒に決裁に回ります）。",
        "the draft gives no reasons for the revision (改正理由); add 'reasons:' to the front matter with one "
        "line '- what changes, and why' per change (it goes to approval with the 新旧対照表)",
    ),
    "project.unknown_clause": (
        "「clause: {clause}」という条項はどの版にもありません。{hint}{path} にある ID を書いてください。",
        "commentary for unknown provision '{clause}'.{hint} Use an id from {path}.",
    ),
    "project.unknown_reviewed": (
        "「reviewed: {reviewed}」という版はありません。{names} のどれかにしてください。",
        "'reviewed: {reviewed}' names no edition; use one of: {names}",
    ),
    "project.edition_page_missing": (
        '第{edition}版のページがありません。このファイルを作り、「---」「render: {kind}」「edition: "{edition}"」'
        "「---」の4行を書いてください。",
        'edition {edition} has no page; create it with the lines: ---, render: {kind}, edition: "{edition}", ---',
    ),
    "project.compare_page_unknown": (
        "この新旧対照表のページは、ない版（第{old}版と第{new}版のどちらか）を比べています。"
        "ファイルを削除するか、ある版の番号に直してください。",
        "this 新旧対照表 page compares an edition that does not exist (edition {old} or {new}); delete the "
        "file or name existing editions",
    ),
    "project.successor_missing": (
        "「successors:」で「{old}」を引き継ぐ「{new}」は、この版にない条項です。{hint}",
        "successor '{new}' of '{old}' is not in this edition.{hint}",
    ),
    "project.no_japanese_original": (
        "第{name}版に日本語の原文がありません。editions/{name}.ja.md を加えてください。",
        "edition '{name}' has no Japanese original; add editions/{name}.ja.md",
    ),
    "project.not_in_original": (
        "条項「{id}」は日本語の {path} にありません。{hint}日本語と同じ ID にしてください。",
        "provision '{id}' is not in {path}.{hint} Use the Japanese ids.",
    ),
    "project.untranslated_provision": (
        "日本語の {path}:{line} にある条項「{id}」が訳されていません。同じ ID で訳を加えてください。",
        "provision '{id}' of {path}:{line} is missing; translate it with the same id",
    ),
    "project.translated_out_of_order": (
        "第{earlier}版の翻訳 {wanted} がないまま、後の第{edition}版が翻訳されています。"
        "{path} を {wanted} に翻訳してください（版は古い順に翻訳します）。",
        "edition {edition} is translated but the earlier edition {earlier} is not; translate {path} into "
        "{wanted} first (editions are translated oldest first)",
    ),
    "project.unknown_reference": (
        "リンク先「clause:{target}」という条項はありません。{hint}",
        "unknown cross-reference 'clause:{target}'.{hint}",
    ),
    "project.unknown_anchor": (
        "リンク先「clause:{target}#{anchor}」の事例やよくある質問は、そのページにありません。{hint}",
        "'clause:{target}#{anchor}' names no example or FAQ on that page.{hint}",
    ),
    # Published editions are frozen (公開記録, editions/releases.yml)
    "freeze.fix_record": (
        "元に戻すには「git checkout -- editions/releases.yml」を実行してください（この記録は手で書き換えません）。",
        "To restore it, run 'git checkout -- editions/releases.yml' (this record is never edited by hand).",
    ),
    "freeze.fix_published": (
        "公開済みの版は変更できません。元に戻すか、改正は新しい版で行ってください（guideline new-edition）。"
        '誤字の訂正（正誤）なら「guideline correct {name} --reason "理由"」、日付の訂正なら'
        '「guideline amend-release {name} --enacted 日付 --effective 日付 --reason "理由"」で記録してください。',
        "A published edition cannot change: undo the change, or revise in a new edition (guideline new-edition). "
        "Record a typo fix (正誤) with 'guideline correct {name} --reason \"why\"' and a date fix with "
        "'guideline amend-release {name} --enacted DATE --effective DATE --reason \"why\"'.",
    ),
    "freeze.record_unreadable": (
        "公開記録が YAML として読めません（この行の{column}文字目あたり）。{fix}",
        "the release record is not valid YAML near column {column} of this line. {fix}",
    ),
    "freeze.record_shape": (
        "公開記録は「editions:」の下に版ごとの記録を並べる形でなければなりません。{fix}",
        "the release record must list each edition's record under 'editions:'. {fix}",
    ),
    "freeze.record_no_editions": (
        "公開記録に「editions:」がありません。{fix}",
        "the release record has no 'editions:'. {fix}",
    ),
    "freeze.record_editions_shape": (
        "「editions:」の下は版の名前ごとの記録でなければなりません。{fix}",
        "under 'editions:' each edition's name must carry its record. {fix}",
    ),
    "freeze.entry_shape": (
        "第{name}版の記録の形が違います（{shown}）。{fix}",
        "the record of edition {name} has the wrong shape ({shown}). {fix}",
    ),
    "freeze.entry_shape_detail": ("checksums または history の形", "the shape of checksums or history"),
    "freeze.entry_missing_keys": ("{keys} がない記録", "a record without {keys}"),
    "freeze.entry_unreadable": (
        "第{name}版の記録の日付または形が読めません。{fix}",
        "the dates or shape of the record of edition {name} cannot be read. {fix}",
    ),
    "freeze.what.front": ("前付け（題名・状態・日付・後継）", "front matter (title, status, dates, successors)"),
    "freeze.what.added": ("条項 {where} の追加", "provision {where} added"),
    "freeze.what.wording": ("条項 {where} の文言", "wording of provision {where}"),
    "freeze.what.place": (
        "条項 {where} の番号・位置・親・後継",
        "number, place, parent or successors of provision {where}",
    ),
    "freeze.what.removed": ("条項「{id}」の削除", "provision '{id}' removed"),
    "freeze.what.translation_added": ("翻訳の追加", "a translation added"),
    "freeze.legacy.front": ("前付け", "front matter"),
    "freeze.legacy.provision": ("条項「{id}」", "provision '{id}'"),
    "freeze.legacy.file": ("ファイル", "the file"),
    "freeze.edition_deleted": (
        "第{name}版は公開済みで、削除できません。ファイルを版管理から戻してください。",
        "edition {name} is published and cannot be deleted; restore the file from version control",
    ),
    "freeze.legacy_record": (
        "第{name}版の記録が古い形式です（条項の位置と英語版を固定していません）。"
        '「guideline correct {name} --reason "記録形式の更新"」で新しい形式に記録し直してください。',
        "the record of edition {name} is in the old format (it does not pin the provisions' places or the "
        "English edition); record it again with 'guideline correct {name} --reason \"記録形式の更新\"'",
    ),
    "freeze.unrecorded_published": (
        "第{name}版は「status: published」ですが、公開の記録（{record}）がありません。"
        "記録を消した場合は版管理から戻してください。まだ公開していない版なら「status: draft」にして"
        "「guideline release {name} --date 制定日 --effective 施行日」で公開してください。",
        "edition {name} says 'status: published' but {record} has no record of it: if the record was deleted, "
        "restore it from version control; if the edition was never released, set 'status: draft' and release "
        "it with 'guideline release {name} --date DATE --effective DATE'",
    ),
    "freeze.back_to_draft": (
        "公開済みの第{name}版が「status: draft」に戻されています。{fix}",
        "published edition {name} was set back to 'status: draft'. {fix}",
    ),
    "freeze.date_changed": (
        "{label}が記録（{recorded}）と違います（{now}）。日付の訂正は"
        '「guideline amend-release {name} --{key} 日付 --reason "理由"」で記録してください。',
        "the {label} ({now}) differs from the record ({recorded}); record a date fix with "
        "'guideline amend-release {name} --{key} DATE --reason \"why\"'",
    ),
    "freeze.language_missing": (
        "公開済みの第{name}版（{lang}）のファイルがありません。版管理から戻してください。",
        "the file of published edition {name} ({lang}) is missing; restore it from version control",
    ),
    "freeze.changed": (
        "公開済みの第{name}版の{what}が、記録された公開時の内容と違います。{fix}",
        "published edition {name}: the {what} differs from what was recorded at release. {fix}",
    ),
    "freeze.translation_unrecorded": (
        "第{name}版の翻訳（{lang}）は公開後に加わったもので、記録がありません。"
        '「guideline correct {name} --reason "翻訳の追加"」で記録してください。',
        "the translation ({lang}) of edition {name} was added after its release and is not recorded; record "
        "it with 'guideline correct {name} --reason \"翻訳の追加\"'",
    ),
    "freeze.name_before_published": (
        "第{name}版は、公開済みの第{newest}版より前の名前です。新しい版は公開済みの版の後の名前"
        "（例：{suggested}）で作ってください（guideline new-edition）。",
        "edition {name} is named before published edition {newest}; name a new edition after it "
        "(e.g. {suggested}) with guideline new-edition",
    ),
    "freeze.effective_before_enacted": (
        "第{name}版の施行日（{effective}）が制定日（{enacted}）より前です。施行日は制定日と同じ日か、その後にしてください。",
        "edition {name} comes into force ({effective}) before it is enacted ({enacted}); the date in force "
        "must be the date of enactment or later",
    ),
    "freeze.date_before_previous": (
        "第{name}版の{label}（{mine}）が、前の第{previous}版の{label}（{theirs}）より前です。"
        "日付を確かめてください（前の版の日付の誤りなら「guideline amend-release {previous}」で訂正します）。",
        "the {label} of edition {name} ({mine}) is before that of the previous edition {previous} ({theirs}); "
        "check the dates (fix the previous edition's with 'guideline amend-release {previous}')",
    ),
    "label.enacted": ("制定日", "date of enactment"),
    "label.effective": ("施行日", "date in force"),
    "freeze.record_lost": (
        "第{name}版は公開済みです（{day} のコミット {commit} で記録）が、その記録がありません。"
        "「git checkout {latest} -- {record}」で記録を戻してください。{fix}",
        "edition {name} was released (recorded on {day} in commit {commit}) but its record is gone; restore "
        "it with 'git checkout {latest} -- {record}'. {fix}",
    ),
    "freeze.record_rewritten": (
        "第{name}版の記録が、{day} のコミット {commit} で記録された公開時の内容とつながりません"
        "（記録を消して公開し直した形跡があります）。「git checkout {commit} -- {record}」で記録を戻し、"
        "版も元に戻してください。{fix}",
        "the record of edition {name} does not follow from the one recorded on {day} in commit {commit} (it "
        "looks deleted and released again); restore it with 'git checkout {commit} -- {record}' and undo "
        "the edition's changes. {fix}",
    ),
    # guideline new-edition, release, amend-release, correct
    "editing.bad_name": (
        "版の名前「{name}」は使えません。「2」のような数字にしてください（後に英小文字とハイフンを続けられます）。",
        "edition name '{name}': use a number such as '2' (letters and hyphens may follow)",
    ),
    "editing.draft_open": (
        "改正案の第{name}版がまだあります。新しく作らずにその改正案を続けて直すか、公開するか、削除してください。",
        "draft {name} is still open; release it or remove it first",
    ),
    "editing.name_not_after": (
        "第{name}版は、現行の第{current}版より後の名前にしてください。",
        "edition '{name}' must come after the current edition '{current}'",
    ),
    "editing.exists": (
        "{path} はもうあります。改正案を続けて直すか、このファイルを削除してから作り直してください。",
        "{path} already exists; continue that draft, or delete the file first",
    ),
    "editing.no_draft": (
        "第{name}版の改正案がありません（{path} がありません）。先に guideline new-edition {name} で作ってください。",
        "there is no draft {name} ({path} is missing); start it with guideline new-edition {name}",
    ),
    "editing.proper_way": (
        "公開済みの版を改めるときは、新しい版を作るか（guideline new-edition）、"
        "記録を残して訂正してください（guideline correct / guideline amend-release）。",
        "To change a published edition, start a new edition (guideline new-edition) or record a correction "
        "(guideline correct / guideline amend-release).",
    ),
    "editing.not_a_draft": (
        "第{name}版は改正案ではありません。公開済みの版をもう一度公開することはできません。{proper}",
        "edition {name} is not a draft: a published edition cannot be released again. {proper}",
    ),
    "editing.released_before": (
        "第{name}版は {day} のコミット {commit} で公開済みとして記録されています。"
        "公開済みの版をもう一度公開することはできません。{proper}",
        "edition {name} was recorded as released on {day} in commit {commit}: a published edition cannot be "
        "released again. {proper}",
    ),
    "editing.name_before_published": (
        "第{name}版は、公開済みの第{newest}版より前の名前です。改正案は第{newest}版より後の名前で作ってください"
        "（guideline new-edition）。",
        "edition {name} is named before published edition {newest}; start the draft with a later name "
        "(guideline new-edition)",
    ),
    "editing.no_dates": (
        "訂正する日付がありません。--enacted 制定日 と --effective 施行日 の一方または両方を指定してください。",
        "no date to correct: give --enacted DATE, --effective DATE or both",
    ),
    "editing.dates_unchanged": (
        "第{name}版の日付はすでにそのとおり記録されています。訂正するものはありません。",
        "edition {name} already records these dates; there is nothing to correct",
    ),
    "editing.changed_besides_dates": (
        "第{name}版は公開時の記録と違います（{changed}）。元に戻してから日付を訂正してください。"
        '誤字の訂正なら先に「guideline correct {name} --reason "理由"」で記録します。',
        "edition {name} differs from its record ({changed}); undo that before correcting the dates, or record "
        "a typo fix first with 'guideline correct {name} --reason \"why\"'",
    ),
    "editing.changed_where": ("{path}:{line}: {what}", "{path}:{line}: {what}"),
    "editing.legacy_changed": (
        "第{name}版は公開時の記録と違います（{wrong}）。元に戻してから記録形式を更新してください。",
        "edition {name} differs from its record ({wrong}); undo that before updating the record's format",
    ),
    "editing.nothing_corrected": (
        "第{name}版は公開時の記録のとおりで、訂正されたところはありません。",
        "edition {name} is as recorded at release; nothing was corrected",
    ),
    "editing.not_a_wording_fix": (
        "{path}: {what}は正誤では直せません（正誤は文言の訂正だけです）。"
        "条項の追加・削除・移動は新しい版で行ってください（guideline new-edition）。",
        "{path}: the {what} cannot be changed by a correction (正誤 fixes wording only); add, remove or move "
        "provisions in a new edition (guideline new-edition)",
    ),
    "editing.dates_by_correction": (
        "{path}: 日付は正誤では直せません。"
        '「guideline amend-release {name} --enacted 日付 --effective 日付 --reason "理由"」で訂正してください。',
        "{path}: dates are not corrected by 正誤; use 'guideline amend-release {name} --enacted DATE "
        '--effective DATE --reason "why"\'',
    ),
    "editing.no_reason": (
        '訂正の理由がありません。--reason "理由" で、なぜ訂正するのかを書いてください（改正履歴に載ります）。',
        'no reason given: write why with --reason "why" (it is shown on 改正履歴)',
    ),
    "editing.not_published": (
        "第{name}版は公開されていません（公開済みの版：{known}）。改正案の日付は release で決めます。",
        "edition {name} is not published (published: {known}); a draft's dates are set by release",
    ),
    "editing.none": ("なし", "none"),
    "editing.several": ("{problems}", "{problems}"),
    "editing.legacy_first": (
        '第{name}版の記録が古い形式です。先に「guideline correct {name} --reason "記録形式の更新"」を実行してください。',
        "the record of edition {name} is in the old format; first run "
        "'guideline correct {name} --reason \"記録形式の更新\"'",
    ),
    # Dates as the division writes them
    "dates.hint": (
        "2027-01-01 または 令和9年1月1日 のように書いてください。",
        "Write it as 2027-01-01 or 令和9年1月1日.",
    ),
    "dates.before_era": (
        "「{value}」は{era}の始まり（{start}）より前の日付です。{hint}",
        "'{value}' is before the start of the {era} era ({start}). {hint}",
    ),
    "dates.no_such_day": (
        "「{value}」という日付はありません（月日を確かめてください）。{hint}",
        "there is no such day as '{value}' (check the month and day). {hint}",
    ),
    "dates.unreadable": ("「{value}」は日付として読めません。{hint}", "'{value}' cannot be read as a date. {hint}"),
    "dates.build_date": (
        "環境変数 GUIDELINE_BUILD_DATE: {problem}",
        "environment variable GUIDELINE_BUILD_DATE: {problem}",
    ),
    # Printing PDFs
    "printing.no_browser": (
        "PDF を作るためのブラウザー（Chromium、Google Chrome または Microsoft Edge）が見つかりません。"
        "どれかを入れるか、環境変数 GUIDELINE_BROWSER にその実行ファイルの場所を書いてください"
        "（この PC で入れるには make chromium）。",
        "no browser to print the PDF with (Chromium, Google Chrome or Microsoft Edge): install one, or set "
        "GUIDELINE_BROWSER to its program file (make chromium installs one here)",
    ),
    "printing.no_folder": (
        "{path}: 保存先のフォルダー {folder} がありません。あるフォルダーを指定してください。",
        "{path}: the folder {folder} does not exist; choose one that does",
    ),
    "printing.cannot_start": (
        "ブラウザー {browser} を起動できず、PDF を作れませんでした。ブラウザーが起動できるか確かめてください。",
        "the browser {browser} could not be started to print the PDF; check that it runs",
    ),
    "printing.timeout": (
        "ブラウザー {browser} が {minutes} 分たっても PDF を作り終えませんでした。もう一度実行してください。",
        "the browser {browser} did not finish the PDF within {minutes} minutes; run the command again",
    ),
    "printing.failed": (
        "ブラウザー {browser} で PDF を作れませんでした（終了コード {code}）。ブラウザーが起動できるか確かめてください。",
        "the browser {browser} failed to print the PDF (exit code {code}); check that it runs",
    ),
    "printing.cannot_write": (
        "{path}: 書き込めません。ほかのアプリで開いていないか、書き込みの権限があるか確かめてください。",
        "{path}: cannot write it; check that no other program has it open and that you may write there",
    ),
    # The guideline command's --help (argparse's own words, "usage:" and "options:", stay its own)
    "cli.help.description": (
        "ガイドラインの原稿を検査し、版を管理します。",
        "Check and maintain the guideline's sources.",
    ),
    "cli.help.lang": (
        "メッセージの言語（ja、en）。既定は日本語で、環境変数 LC_ALL、LC_MESSAGES、LANG が en で始まるときは英語です。"
        "コマンドの前に書きます：guideline --lang en check",
        "the language of messages (ja, en); Japanese unless LC_ALL, LC_MESSAGES or LANG starts with en. "
        "Give it before the command: guideline --lang en check",
    ),
    "cli.help.check": (
        "サイトを作らずに、すべての原稿を検査します（問題があれば終了コード 1）",
        "validate every source without building; exit 1 on any problem",
    ),
    "cli.help.new_edition": ("現行の版をもとに、改正案を作ります", "start a draft edition from the current one"),
    "cli.help.new_edition_name": ("新しい版の番号、例: 2", "the new edition's name, e.g. 2"),
    "cli.help.release": (
        "改正案を公開します：日付を記録し、以後は変更できないようにします",
        "publish a draft: set its dates and freeze it",
    ),
    "cli.help.release_name": ("公開する改正案の版の番号、例: 2", "the draft edition to publish, e.g. 2"),
    "cli.help.date": ("制定日：2027-01-01 または 令和9年1月1日", "date of enactment: 2027-01-01 or 令和9年1月1日"),
    "cli.help.effective": (
        "施行日（書き方は --date と同じ）。省略すると制定日と同じ日です",
        "date in force, written as --date; the date of enactment if left out",
    ),
    "cli.help.amend": (
        "公開済みの版の日付を、理由とともに訂正・補記します",
        "correct or fill in a published edition's dates, with a reason",
    ),
    "cli.help.amend_name": ("日付を訂正する版の番号、例: 1", "the edition whose dates to correct, e.g. 1"),
    "cli.help.amend_effective": ("施行日（書き方は --enacted と同じ）", "date in force, written as --enacted"),
    "cli.help.reason": ("理由。改正履歴にこのとおり表示されます", "why, as it will read on the revision history"),
    "cli.help.correct": (
        "公開済みの版の正誤（文言の誤りの訂正）を、理由とともに記録します",
        "record a correction of wording (正誤) in a published edition, with a reason",
    ),
    "cli.help.correct_name": ("正誤を記録する版の番号、例: 2", "the edition corrected, e.g. 2"),
    "cli.help.diff": (
        "新旧対照表：二つの版を比べます（古い版、新しい版の順）",
        "old/new comparison (新旧対照表) of two editions, the older first",
    ),
    "cli.help.diff_old": ("改正前の版（古い版）、例: 1", "the edition before revision (the older), e.g. 1"),
    "cli.help.diff_new": ("改正後の版（新しい版）、例: 2", "the edition after revision (the newer), e.g. 2"),
    "cli.help.reverse": (
        "新しい版を改正前として、逆向きに比べます",
        "compare the other way round, the newer edition as before revision",
    ),
    "cli.help.html": ("印刷用の HTML も書きます（A4 横）", "also write the HTML for printing (A4 landscape)"),
    "cli.help.diff_pdf": (
        "決裁用の PDF も書きます（A4 横、ページ番号つき）",
        "also write the PDF for approval (A4 landscape, numbered pages)",
    ),
    "cli.help.text": ("版の全文を PDF にします", "print an edition's full text to a PDF"),
    "cli.help.text_name": ("版の番号、例: 1", "the edition, e.g. 1"),
    "cli.help.text_pdf": ("書き出す PDF（A4 縦、ページ番号つき）", "the PDF to write (A4 portrait, numbered pages)"),
    "cli.help.preview": (
        "プルリクエストの確認用に、改正案の決裁用 PDF と変更の要約を書きます",
        "for a pull request: the draft's PDF for approval and a summary of the change",
    ),
    "cli.help.preview_out": (
        "書き出すフォルダー（既定: build/preview）",
        "the folder to write into (default: build/preview)",
    ),
    "cli.help.render": (
        "サイトのページを、ほかのサイト生成ツール向けの Markdown として書き出します：OUT/<言語>/mkdocs.yml、docs/",
        "write the site's pages as plain Markdown for another generator: OUT/<lang>/mkdocs.yml, docs/",
    ),
    "cli.help.render_out": (
        "書き出すフォルダー（OUT/<言語> はそれぞれ置き換えます）",
        "the folder to write into (each OUT/<lang> is replaced)",
    ),
    "cli.help.render_lang": (
        "書き出す言語（ja、en）。既定はすべての言語",
        "a language to write (ja, en); every one by default",
    ),
    "cli.help.drafts": (
        "改正案の版も含めます（GUIDELINE_DRAFTS=1 と同じ）",
        "include draft editions, as GUIDELINE_DRAFTS=1 does",
    ),
    "cli.help.translations": (
        "訳がないもの、日本語より古い訳を一覧にします",
        "list translations that are missing or trail the Japanese",
    ),
    "cli.help.translation": (
        "訳の言語（既定: en）。--lang は以前の書き方で、今も使えます。"
        "メッセージの言語は、コマンドの前に書きます：guideline --lang en translations",
        "the translation's language (default: en); --lang is its former spelling, kept working. "
        "The language of messages is the top-level option: guideline --lang en translations",
    ),
    "cli.help.mark_current": (
        "FILE が今の日本語を訳したものだと記録します",
        "record FILE as translating the current Japanese",
    ),
    # The guideline command
    "cli.failed": ("guideline {command}: {problem}", "guideline {command}: {problem}"),
    "cli.outside_project": (
        "{here} はガイドラインのプロジェクトの中ではありません（editions/ が見つかりません）。"
        "プロジェクトのフォルダ（editions/ があるフォルダ）か、その下で実行してください。",
        "{here} is not inside the guideline's project (no editions/ folder here or above); run the command "
        "in the project's folder (the one with editions/) or below it",
    ),
    "cli.check_clean": (
        "{lang}: 第{edition}版{drafts}、条項 {provisions}、解説ページ {pages}：問題はありません。",
        "{lang}: edition {edition}{drafts}, {provisions} provisions, {pages} commentary pages: no problems.",
    ),
    "cli.check_drafts": ("、改正案 第{names}版", ", draft {names}"),
    "cli.scheduled": (
        "ja: 第{name}版は施行予定です（施行日 {effective}、現行は第{current}版）。",
        "ja: edition {name} is scheduled to come into force on {effective} (in force now: edition {current}).",
    ),
    "cli.before_release": (
        "改正案 第{drafts}版の公開前に直すこと：{problem}",
        "before releasing draft {drafts}: {problem}",
    ),
    "cli.not_a_language": (
        "「{lang}」は翻訳の言語コードではありません。en のような言語コードを指定してください"
        "（翻訳のファイル名 editions/1.en.md の en の部分です）。",
        "'{lang}' is not a translation's language code; give a code such as en (the en of editions/1.en.md)",
    ),
    "cli.marked_current": (
        "{path}: {original} の最新の訳として記録しました。",
        "{path}: now records {original} as translated",
    ),
    "cli.not_a_translation": (
        "{path}: 日本語の原稿の訳ではありません。editions/ か docs/clauses/ の英語版のファイル（例：editions/1.en.md）を指定してください。",
        "{path}: not a translation of any Japanese source; name an English file in editions/ or docs/clauses/",
    ),
    "cli.translation_missing": (
        "{translated}: 訳がありません。{original} を訳してください（前付けの source: {expected}）。",
        "{translated}: missing; translate {original} (source: {expected})",
    ),
    "cli.translation_stale": (
        "{translated}: 古い訳です。訳した後に {original} が変わりました。訳を直してください（前付けの source: {expected}）。",
        "{translated}: stale; {original} changed since it was translated (source: {expected})",
    ),
    "cli.translations_trailing": (
        "日本語に追いついていない訳が {count} 件あります。",
        "{count} translation(s) trail the Japanese.",
    ),
    "cli.created": ("{path} を作りました。", "created {path}"),
    "cli.draft_started": (
        "第{name}版の改正案を作りました。editions/{name}.ja.md を直し、make serve で確かめてください。",
        "Draft {name} started. Edit editions/{name}.ja.md, then preview with 'make serve'.",
    ),
    "cli.not_released": ("第{name}版は公開していません。{problem}", "edition {name} was not released. {problem}"),
    "cli.not_released_unchanged": (
        "第{name}版は公開していません（ファイルは何も変えていません）。\n{problem}",
        "edition {name} was not released (no file was changed).\n{problem}",
    ),
    "cli.released": (
        "第{name}版を公開しました（制定日 {enacted}、施行日 {effective}）。確認用の値を editions/releases.yml に記録しました。",
        "Edition {name} released (enacted {enacted}, in force {effective}); its checksums are recorded in "
        "editions/releases.yml.",
    ),
    "cli.unchanged": ("何も変えていません。\n{problem}", "nothing was changed.\n{problem}"),
    "cli.corrected": (
        "第{name}版の訂正を改正履歴（editions/releases.yml、/editions/）に記録しました：{changes}",
        "the correction of edition {name} is recorded in the history (editions/releases.yml, /editions/): {changes}",
    ),
    "cli.no_edition": (
        "第{name}版はありません。ある版は {names} です。",
        "there is no edition {name}; the editions are {names}",
    ),
    "cli.same_edition": (
        "同じ版（第{name}版）どうしは比べられません。二つの違う版を指定してください。",
        "cannot compare edition {name} with itself; name two different editions",
    ),
    "cli.reversed": (
        "第{old}版は第{new}版より新しい版です。古い版を先に書いてください（guideline diff {new} {old}）。"
        "新しい版を改正前として比べたいときは --reverse を付けてください。",
        "edition {old} is newer than edition {new}: name the older first (guideline diff {new} {old}), or add "
        "--reverse to compare the newer as the text before revision",
    ),
    "cli.cannot_write": (
        "{path}: {what}を書き込めません。保存先のフォルダーがあるか、書き込みの権限があるか確かめてください。",
        "{path}: cannot write the {what}; check that the folder exists and that you may write there",
    ),
    "cli.written": ("{what}を {path} に書きました。", "wrote the {what} to {path}"),
    "cli.what.print_html": ("印刷用の新旧対照表", "新旧対照表 for printing"),
    "cli.what.kessai_pdf": ("決裁用の新旧対照表（A4 横）", "新旧対照表 for approval (A4 landscape)"),
    "cli.what.summary": ("変更の要約", "summary of the change"),
    "cli.what.site_markdown": ("Markdown 版のサイト", "site as Markdown"),
    "cli.no_site_language": (
        "「{lang}」の版はありません。書き出せる言語は {languages} です。",
        "there is no edition in '{lang}'; the languages to write are {languages}",
    ),
    "cli.rendered": (
        "{lang} のサイトの {pages} ページを Markdown で {path} に書きました（mkdocs.yml と docs/）。",
        "wrote the {pages} pages of the {lang} site as Markdown to {path} (mkdocs.yml and docs/)",
    ),
    "cli.what.text_pdf": ("第{name}版の全文（A4 縦）", "full text of edition {name} (A4 portrait)"),
    # The site's build (mkdocs build / make serve)
    "build.sources_have_problems": (
        "ガイドラインの原稿に問題があるため、サイトを作れません。\n{report}",
        "The guideline's sources have problems:\n{report}",
    ),
    "build.translation_state": (
        "{state}: {path}（日本語：{original}）",
        "translation {state}: {path} (Japanese: {original})",
    ),
    "build.state.missing": ("訳がありません", "missing"),
    "build.state.stale": ("古い訳です", "stale"),
    "build.translations_trailing": (
        "「{lang}」の訳のうち {count} 件が日本語に追いついていません。guideline translations で一覧にできます。",
        "{count} '{lang}' translation(s) trail the Japanese; run 'guideline translations'",
    ),
    "build.plan_mismatch": (
        "{pages}: サイトのページの一覧と MkDocs のファイルが合いません（サイトを作るプログラムの不具合です）。"
        "このメッセージを担当の開発者に伝えてください。",
        "{pages}: the site's list of pages and MkDocs's files disagree (a fault in the site's build, not in the "
        "sources); report this message to the developers",
    ),
    "build.page_assembly": (
        "{page}: ページの組み立てに失敗しました（サイトを作るプログラムの不具合です）。このメッセージを担当の開発者に伝えてください。",
        "{page}: the page could not be assembled (a fault in the site's build, not in the sources); "
        "report this message to the developers",
    ),
}

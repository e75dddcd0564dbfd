"""Each generated page as Markdown (with md_in_html blocks), one function per page kind.

The renderers take the validated ``Guideline`` and the source path of the page they
write, and return Markdown for MkDocs (or any other Markdown site generator) to turn
into HTML. Links to other pages are written as relative ``.md`` links so that the
generator checks them; raw HTML attributes get final relative URLs.
"""

from __future__ import annotations

import html
import re

from . import pages, references
from .commentary import CAUTION, FIX, NG, OK, POST, REASON, SCENE, VOCABULARIES, Commentary, Example
from .dates import wareki
from .edition import Edition, Provision
from .glossary import Term
from .project import Guideline

LABELS = {
    "ja": {
        "edition": "第{name}版",
        "clauses_section": "逐条解説",
        "paren": "（{text}）",
        "colon": "：",
        "separator": " ／ ",
        "enacted": "制定日",
        "effective": "施行日",
        "copy": "リンクをコピー",
        "copy_title": "{number}へのリンクと出典をコピー",
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
        "account": "はにぼん",
        "account_note": "本庄市公式",
        "preamble": "前文",
        "checklist_intro": "投稿する前に、次の問いに一つずつ答えてください。"
        "「いいえ」や迷うものがあれば、リンク先の条項と事例を読み、必要なら市民活動推進課に相談してください。",
        "checklist_provision": "根拠",
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
    "paren": " ({text})",
    "colon": ": ",
    "separator": " / ",
    "enacted": "Enacted",
    "effective": "In force from",
    "copy": "Copy link",
    "copy_title": "Copy a link to {number} with its citation",
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
    "account": "Hanibon",
    "account_note": "Honjo City official",
    "preamble": "Preamble",
    "checklist_intro": "Before you post, answer each of these questions. If the answer is no, or you are unsure, "
    "read the linked provision and its examples, and consult the Civic Activities Promotion Division if needed.",
    "checklist_provision": "Provision",
    "reference_translation": "This is a reference translation. The Japanese text is authoritative: "
    "<a href=\"{href}\" lang=\"ja\" hreflang=\"ja\">read it in Japanese</a>.",
    "untranslated": "This page has not been translated into English yet, so the Japanese original is shown.",
    "stale_translation": "The Japanese original of this page has changed since it was translated; this English "
    "text may be out of date. <a href=\"{href}\" lang=\"ja\" hreflang=\"ja\">Read the current Japanese</a>.",
    "glossary_intro": "Terms used in the guideline and its commentary. Hover over or focus a term in the text "
    "to see its explanation.",
}
VERDICT_NOTES = {
    "ja": {OK: "発信してよい", NG: "発信してはならない", CAUTION: "発信する前に見直す"},
    "en": {OK: "fine to post", NG: "must not be posted", CAUTION: "review before posting"},
}
_VERDICT_CLASS = {OK: "ok", NG: "ng", CAUTION: "caution"}
_VERDICT_ICON = {OK: "○", NG: "✕", CAUTION: "△"}


def label(guideline: Guideline, key: str, **values: str) -> str:
    """An interface string in the guideline's language."""
    return LABELS.get(guideline.lang, LABELS["ja"])[key].format(**values)


def edition_name(guideline: Guideline, edition: Edition) -> str:
    return label(guideline, "edition", name=edition.name)


def provision_doc(guideline: Guideline, provision_id: str) -> tuple[str, str | None]:
    """The page and anchor where a provision is explained: its commentary, else the full text."""
    if guideline.has_commentary(provision_id):
        return pages.clause(provision_id), None
    return pages.TEXT, provision_id


def render_references(guideline: Guideline, markdown: str, from_doc: str) -> str:
    """Turn ``[](clause:id)`` into links showing the provision's current number and title."""

    def render(ref: references.Reference) -> str:
        doc, anchor = provision_doc(guideline, ref.target)
        text = ref.text or guideline.citation_label(ref.target)
        return f"[{text}]({pages.md_link(from_doc, doc, ref.anchor or anchor)})"

    return references.replace(markdown, render)


def citation(guideline: Guideline, provision: Provision, edition: Edition) -> str:
    """The citation copied with a link: guideline title, number, title and edition."""
    parts = [edition.title]
    if provision.numbered:
        parts.append(guideline.citation_label(provision.id))
    else:
        parts.append(provision.heading)
    return " ".join(parts) + label(guideline, "paren", text=edition_name(guideline, edition))


def copy_button(guideline: Guideline, provision: Provision, edition: Edition, from_doc: str) -> str:
    doc, anchor = provision_doc(guideline, provision.id)
    shown = provision.number or provision.heading
    return (
        f'<button type="button" class="copy-link" data-href="{pages.url_link(from_doc, doc, anchor)}" '
        f'data-citation="{html.escape(citation(guideline, provision, edition))}" '
        f'aria-label="{html.escape(label(guideline, "copy_title", number=shown))}">'
        f'{label(guideline, "copy")}</button>'
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
    parts.append(copy_button(guideline, provision, edition, from_doc))
    return f'<div class="provision__actions">{"".join(parts)}</div>'


def notice(guideline: Guideline, key: str, href: str = "") -> str:
    """A note above a page's content, e.g. that English is a reference translation; empty when none applies."""
    text = label(guideline, key, href=html.escape(href))
    return f'<div class="page-notice page-notice--{key.replace("_", "-")}" role="note"><p>{text}</p></div>\n\n' if text else ""


def render_edition_text(guideline: Guideline, edition: Edition, from_doc: str, original_href: str = "") -> str:
    """The full official text of an edition, every provision anchored by its id."""
    out = [f"# {edition.title}", "", _edition_meta(guideline, edition), ""]
    if guideline.original is not None:
        out.insert(2, notice(guideline, "reference_translation", original_href))
    for top in edition.top_level():
        if top.kind == "preamble":
            out += [f"## {top.heading} {{#{top.id} .provision-heading .provision-heading--preamble}}", ""]
        else:
            out += [f"## {top.label} {top.heading} {{#{top.id} .provision-heading}}", ""]
        if top.paragraphs:
            text = "".join(f"<p>{html.escape(p)}</p>" for p in top.paragraphs)
            out += [
                f'<div class="provision provision--{top.kind}"><div class="provision__text">{text}</div>'
                f"{_actions(guideline, edition, top, from_doc)}</div>",
                "",
            ]
        elif top.numbered:
            out += [
                f'<div class="provision provision--chapter">{_actions(guideline, edition, top, from_doc)}</div>',
                "",
            ]
        out += [_provision_block(guideline, edition, edition.provisions[c], from_doc) for c in top.children]
        out.append("")
    return "\n".join(out)


def render_text(guideline: Guideline, original_href: str = "") -> str:
    return render_edition_text(guideline, guideline.current, pages.TEXT, original_href)


def _official_text(guideline: Guideline, provision: Provision, from_doc: str) -> str:
    """The provision's current official text, pulled from the edition, with its context."""
    edition = guideline.current
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
    read_in_text = pages.url_link(from_doc, pages.TEXT, provision.id)
    return (
        f'<section class="provision-box" aria-label="{html.escape(caption)}">'
        f'<p class="provision-box__label">{html.escape(caption)}</p>{context}'
        f'<div class="provision-box__text">{own}{children}</div>'
        f'<div class="provision__actions"><a href="{read_in_text}">{label(guideline, "read_in_text")}</a>'
        f"{copy_button(guideline, provision, edition, from_doc)}</div></section>"
    )


def _post_card(guideline: Guideline, text: str, kind: str) -> str:
    body = "<br>".join(html.escape(line) for line in text.splitlines())
    caption = label(guideline, "post" if kind == "post" else "fix")
    return (
        f'<figure class="post-card post-card--{kind}"><figcaption class="post-card__label">{caption}</figcaption>'
        f'<div class="post-card__header"><span class="post-card__avatar" aria-hidden="true">は</span>'
        f'<span class="post-card__name">{label(guideline, "account")}</span>'
        f'<span class="post-card__account">{label(guideline, "account_note")}</span></div>'
        f'<p class="post-card__body">{body}</p></figure>'
    )


def _example(guideline: Guideline, example: Example, from_doc: str) -> str:
    verdict = example.verdict
    css = _VERDICT_CLASS.get(verdict, "caution")
    notes = VERDICT_NOTES.get(guideline.lang, VERDICT_NOTES["ja"])

    def field(key: str, label_key: str) -> str:
        value = render_references(guideline, example.fields.get(key, ""), from_doc)
        return f'<dt>{label(guideline, label_key)}</dt>\n<dd markdown="span">{value}</dd>'

    parts = [
        f"### {example.title} {{#{example.anchor}}}",
        "",
        f'<div class="example example--{css}" markdown="1">',
        f'<p class="verdict verdict--{css}"><span class="verdict__icon" aria-hidden="true">{_VERDICT_ICON.get(verdict, "")}'
        f'</span><span class="verdict__label">{label(guideline, "verdict")}{label(guideline, "colon")}</span>'
        f'<strong class="verdict__value">{VOCABULARIES[guideline.lang].verdict(verdict)}</strong>'
        f'<span class="verdict__note">{label(guideline, "paren", text=notes.get(verdict, ""))}</span></p>',
        f'<dl class="example__fields" markdown="1">\n{field(SCENE, "scene")}\n</dl>',
        _post_card(guideline, example.fields.get(POST, ""), "post"),
        f'<dl class="example__fields" markdown="1">\n{field(REASON, "reason")}\n</dl>',
    ]
    if example.fields.get(FIX):
        parts.append(_post_card(guideline, example.fields[FIX], "fix"))
    parts += ["</div>", ""]
    return "\n".join(parts)


def render_commentary(guideline: Guideline, commentary: Commentary) -> str:
    """A provision's commentary page: its official text, 趣旨, examples, FAQs and links."""
    from_doc = pages.clause(commentary.clause)
    provision = guideline.provision(commentary.clause)
    out = [f"# {page_title(guideline, commentary.clause)}", "", _official_text(guideline, provision, from_doc), ""]
    out += [f"## {label(guideline, 'intent')} {{#intent}}", ""]
    out += [render_references(guideline, p, from_doc) + "\n" for p in commentary.purpose]
    out += [f"## {label(guideline, 'examples')} {{#examples}}", ""]
    out += [_example(guideline, e, from_doc) for e in commentary.examples]
    out += [f"## {label(guideline, 'faq')} {{#faq}}", ""]
    for faq in commentary.faqs:
        out += [f"### {faq.question} {{#{faq.anchor} .faq-question}}", ""]
        out += [render_references(guideline, p, from_doc) + "\n" for p in faq.answer]
    out += [f"## {label(guideline, 'related')} {{#related}}", ""]
    out += [f"- {render_references(guideline, item, from_doc)}" for _, item in commentary.related]
    out += ["", f"## {label(guideline, 'backlinks')} {{#backlinks}}", ""]
    links = guideline.backlinks.get(commentary.clause, [])
    if not links:
        out.append(label(guideline, "no_backlinks"))
    for link in links:
        target = pages.md_link(from_doc, pages.clause(link.source), link.anchor)
        out.append(f"- [{guideline.citation_label(link.source)}]({target})")
    out.append("")
    return "\n".join(out)


def page_title(guideline: Guideline, provision_id: str) -> str:
    provision = guideline.provision(provision_id)
    return f"{provision.number} {guideline.title(provision_id)}".strip()


def render_checklist(guideline: Guideline, intro: str = "") -> str:
    """投稿前チェックリスト: one question per provision, grouped by chapter, each linking its provision."""
    from_doc = pages.CHECKLIST
    edition = guideline.current
    out = [intro or label(guideline, "checklist_intro"), ""]
    for top in edition.top_level():
        ids = [top.id, *[d for c in top.children for d in (c, *edition.provisions[c].children)]]
        items = [guideline.commentaries[i] for i in ids if i in guideline.commentaries]
        if not items:
            continue
        out += [f"## {top.label} {top.heading} {{#check-{top.id}}}", "", '<ul class="checklist">']
        for commentary in items:
            pid = commentary.clause
            href = pages.url_link(from_doc, pages.clause(pid))
            out.append(
                f'<li class="checklist__item"><input type="checkbox" id="check-{pid}">'
                f'<label for="check-{pid}">{html.escape(commentary.checklist)}</label> '
                f'<a class="checklist__provision" href="{href}">{label(guideline, "checklist_provision")}{label(guideline, "colon")}'
                f"{html.escape(guideline.citation_label(pid))}</a></li>"
            )
        out += ["</ul>", ""]
    return "\n".join(out)


def render_glossary(guideline: Guideline, intro: str = "") -> str:
    out = [intro or label(guideline, "glossary_intro"), "", '<dl class="glossary">']
    for term in guideline.glossary:
        aliases = "".join(f'<span class="glossary__alias">{label(guideline, "paren", text=html.escape(a))}</span>' for a in term.aliases)
        out.append(f'<dt id="{term.id}">{html.escape(term.term)}{aliases}</dt><dd>{html.escape(term.definition)}</dd>')
    out += ["</dl>", ""]
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

    Text inside links, headings, code, buttons and labels is left alone.
    """
    spellings = sorted(((s, t) for t in terms for s in t.spellings), key=lambda pair: -len(pair[0]))
    if not spellings:
        return content
    by_spelling = dict(spellings)
    pattern = re.compile("|".join(re.escape(s) for s, _ in spellings))
    used: set[str] = set()
    depth = 0
    out: list[str] = []
    for chunk in _TAG.split(content):
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
            if term.id in used:
                return match.group(0)
            used.add(term.id)
            return (
                f'<a class="glossary-term" href="{glossary_url}#{term.id}" title="{html.escape(term.definition)}">'
                f"{match.group(0)}</a>"
            )

        out.append(pattern.sub(link, chunk))
    return "".join(out)

"""事例集 (casebook): every worked example of the guideline, by situation and verdict.

The page is complete without JavaScript: a list of the situations, then one section per
situation listing its examples, each with its verdict in words, a short scene, the
provision it illustrates and a link to it on its commentary page. ``casebook.js``
reveals a form of checkboxes that narrows the list by situation and verdict; the
``data-`` attributes written here are what it filters on.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from guideline.model import references
from guideline.model.commentary import SCENE, VOCABULARIES, Example, situation_labels
from guideline.model.project import Guideline
from guideline.model.situations import Situation, by_label
from guideline.site import pages
from guideline.site.render import _VERDICT_CLASS, _VERDICT_ICON, VERDICT_NOTES, Document, Html, Part

LABELS = {
    "ja": {
        "intro": "ガイドラインの逐条解説にあるすべての事例を、状況ごとに並べています。"
        "自分の場面に近い状況を選び、事例の見出しから解説のページへ進んでください。"
        "一つの事例が複数の状況に当てはまるときは、それぞれの状況に載せています。",
        "situations": "状況から探す",
        "count": "{count}件",
        "total": "事例は全部で{count}件です。",
        "filter": "事例を絞り込む",
        "filter_situations": "状況",
        "filter_verdicts": "判断",
        "filter_hint": "何も選ばないときは、すべてを表示します。",
        "reset": "選択を解除",
        "shown": "{count}件の事例を表示しています。",
        "provision": "条項",
        "scene": "場面",
        "paren": "（{text}）",
        "colon": "：",
        "none": "この状況の事例はまだありません。",
    },
    "en": {
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
    },
}
SCENE_LENGTH = 90  # characters of a scene shown in the list; the full scene is on the commentary page
_SENTENCE = re.compile(r"(?<=[。．！？])|(?<=[.!?])\s")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|`)")


@dataclass(frozen=True)
class Case:
    """One worked example as the casebook lists it."""

    provision_id: str
    example: Example
    situations: tuple[Situation, ...]


def cases(guideline: Guideline) -> list[Case]:
    """Every example of every current provision, in the order of the current text."""
    known = by_label(guideline.situations, guideline.lang)
    order = list(guideline.current.provisions)
    found: list[Case] = []
    for pid in order:
        commentary = guideline.commentaries.get(pid)
        if commentary is None or guideline.is_removed(pid):
            continue
        for example in commentary.examples:
            tags = tuple(known[t] for t in situation_labels(example, guideline.lang) if t in known)
            found.append(Case(pid, example, tags))
    return found


def _label(guideline: Guideline, key: str, **values: str) -> str:
    return LABELS.get(guideline.lang, LABELS["ja"])[key].format(**values)


def short_scene(guideline: Guideline, example: Example) -> str:
    """The scene's first sentence as plain text, cut at SCENE_LENGTH characters."""

    def plain(ref: references.Reference) -> str:
        return ref.text or guideline.citation_label(ref.target)

    text = _MARKDOWN_EMPHASIS.sub("", references.replace(example.fields.get(SCENE, ""), plain))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # other Markdown links: their words only
    first = _SENTENCE.split(text.strip(), maxsplit=1)[0].strip()
    return first if len(first) <= SCENE_LENGTH else first[: SCENE_LENGTH - 1].rstrip() + "…"


def _verdict(guideline: Guideline, verdict: str) -> str:
    css = _VERDICT_CLASS.get(verdict, "caution")
    note = VERDICT_NOTES.get(guideline.lang, VERDICT_NOTES["ja"]).get(verdict, "")
    return (
        f'<p class="case__verdict verdict verdict--{css}"><span class="verdict__icon" aria-hidden="true">'
        f'{_VERDICT_ICON.get(verdict, "")}</span><strong class="verdict__value">'
        f"{html.escape(VOCABULARIES[guideline.lang].verdict(verdict))}</strong>"
        f'<span class="verdict__note">{html.escape(_label(guideline, "paren", text=note))}</span></p>'
    )


def _case(guideline: Guideline, case: Case, from_doc: str) -> str:
    example = case.example
    href = pages.url_link(from_doc, pages.clause(case.provision_id), example.anchor)
    tags = " ".join(s.id for s in case.situations)
    colon = _label(guideline, "colon")
    return (
        f'<li class="case" data-situations="{tags}" data-verdict="{_VERDICT_CLASS.get(example.verdict, "caution")}">'
        f'<p class="case__title"><a href="{href}">{html.escape(example.title)}</a></p>'
        f"{_verdict(guideline, example.verdict)}"
        f'<p class="case__scene">{html.escape(_label(guideline, "scene") + colon + short_scene(guideline, example))}</p>'
        f'<p class="case__provision">{html.escape(_label(guideline, "provision") + colon)}'
        f'<a href="{pages.url_link(from_doc, pages.clause(case.provision_id))}">'
        f"{html.escape(guideline.citation_label(case.provision_id))}</a></p></li>"
    )


def _filters(guideline: Guideline, counts: dict[str, int]) -> Html:
    """The filter form: hidden until casebook.js runs, since without it the form could do nothing."""
    words = VOCABULARIES[guideline.lang]
    situations = "".join(
        f'<label class="casebook-filter"><input type="checkbox" name="situation" value="{s.id}">'
        f"{html.escape(s.label(guideline.lang))}{html.escape(_label(guideline, 'paren', text=_label(guideline, 'count', count=str(counts[s.id]))))}</label>"
        for s in guideline.situations
    )
    verdicts = "".join(
        f'<label class="casebook-filter"><input type="checkbox" name="verdict" value="{_VERDICT_CLASS[v]}">'
        f"{html.escape(words.verdict(v))}</label>"
        for v in _VERDICT_CLASS
    )
    return Html(
        f'<form class="casebook-filters" id="casebook-filters" hidden aria-labelledby="casebook-filters-title">'
        f'<h2 id="casebook-filters-title" class="casebook-filters__title">{html.escape(_label(guideline, "filter"))}</h2>'
        f'<p class="casebook-filters__hint">{html.escape(_label(guideline, "filter_hint"))}</p>'
        f"<fieldset><legend>{html.escape(_label(guideline, 'filter_situations'))}</legend>{situations}</fieldset>"
        f"<fieldset><legend>{html.escape(_label(guideline, 'filter_verdicts'))}</legend>{verdicts}</fieldset>"
        f'<button type="reset" class="md-button">{html.escape(_label(guideline, "reset"))}</button>'
        f'<p class="casebook-filters__status" role="status" aria-live="polite" '
        f'data-template="{html.escape(_label(guideline, "shown", count="{count}"))}"></p></form>'
    )


def render_casebook(guideline: Guideline, markdown: str) -> Document:
    """事例集, after the page's own ``markdown``: the situations, the filters, then each situation's examples."""
    from_doc = pages.CASES
    every = cases(guideline)
    counts = {s.id: sum(1 for c in every if s in c.situations) for s in guideline.situations}
    out: list[Part] = [
        markdown,
        "",
        _label(guideline, "intro"),
        "",
        _label(guideline, "total", count=str(len(every))),
        "",
    ]
    index = "".join(
        f'<li><a href="#{s.id}">{html.escape(s.label(guideline.lang))}</a>'
        f"{html.escape(_label(guideline, 'paren', text=_label(guideline, 'count', count=str(counts[s.id]))))}</li>"
        for s in guideline.situations
    )
    out += [
        f"## {_label(guideline, 'situations')} {{#situations}}",
        "",
        Html(f'<ul class="casebook-index">{index}</ul>'),
        "",
    ]
    out += [_filters(guideline, counts), ""]
    for situation in guideline.situations:
        members = [c for c in every if situation in c.situations]
        count = _label(guideline, "count", count=str(len(members)))
        out += [
            f"## {situation.label(guideline.lang)}{_label(guideline, 'paren', text=count)} {{#{situation.id} .casebook-group}}",
            "",
        ]
        if not members:
            out += [_label(guideline, "none"), ""]
            continue
        items = "".join(_case(guideline, c, from_doc) for c in members)
        out += [Html(f'<ul class="cases" data-situation="{situation.id}">{items}</ul>'), ""]
    return Document(out)

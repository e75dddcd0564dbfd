"""事例集 (casebook): every worked example of the guideline, by situation and verdict.

The page is complete without JavaScript: a list of the situations, then one section per
situation listing its examples, each with its verdict in words, a short scene, the
provision it illustrates and a link to it on its commentary page. ``casebook.js``
reveals a form of checkboxes that narrows the list by situation and verdict; the
``data-`` attributes written here are what it filters on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from guideline.labels import strings, text, verdict_note
from guideline.model import references
from guideline.model.commentary import SCENE, VOCABULARIES, Example, situation_labels
from guideline.model.guideline import Guideline
from guideline.model.situations import Situation, by_label
from guideline.site import pages
from guideline.site.cite import citation_label, markdown_text
from guideline.site.commentary import VERDICT_CLASS, VERDICT_ICON
from guideline.site.document import Document, Html, Part
from guideline.site.templating import fragment

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
    return text(guideline.lang, key, "CASEBOOK", **values)


def short_scene(guideline: Guideline, example: Example) -> str:
    """The scene's first sentence as plain text, cut at SCENE_LENGTH characters."""

    def plain(ref: references.Reference) -> str:
        return ref.text or citation_label(guideline, ref.target)

    text = _MARKDOWN_EMPHASIS.sub("", references.replace(example.fields.get(SCENE, ""), plain))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # other Markdown links: their words only
    first = _SENTENCE.split(text.strip(), maxsplit=1)[0].strip()
    return first if len(first) <= SCENE_LENGTH else first[: SCENE_LENGTH - 1].rstrip() + "…"


def _case(guideline: Guideline, case: Case, from_doc: str) -> dict[str, str]:
    """What the list shows of one case (casebook.html)."""
    example = case.example
    colon = _label(guideline, "colon")
    return {
        "situations": " ".join(s.id for s in case.situations),
        "css": VERDICT_CLASS.get(example.verdict, "caution"),
        "href": pages.url_link(from_doc, pages.clause(case.provision_id), example.anchor),
        "title": example.title,
        "icon": VERDICT_ICON.get(example.verdict, ""),
        "verdict": VOCABULARIES[guideline.lang].verdict(example.verdict),
        "note": _label(guideline, "paren", text=verdict_note(guideline, example.verdict)),
        "scene": _label(guideline, "scene") + colon + short_scene(guideline, example),
        "provision": _label(guideline, "provision") + colon,
        "provision_href": pages.url_link(from_doc, pages.clause(case.provision_id)),
        "cited": citation_label(guideline, case.provision_id),
    }


def _situations(guideline: Guideline, counts: dict[str, int]) -> list[tuple[str, str, str]]:
    """Each situation's id, name and number of cases, as the index and the filters show them."""
    return [
        (
            s.id,
            s.label(guideline.lang),
            _label(guideline, "paren", text=_label(guideline, "count", count=str(counts[s.id]))),
        )
        for s in guideline.situations
    ]


def _filters(guideline: Guideline, counts: dict[str, int]) -> Html:
    """The filter form: hidden until casebook.js runs, since without it the form could do nothing."""
    words = VOCABULARIES[guideline.lang]
    return Html(
        fragment(
            "casebook.html",
            "filters",
            situations=_situations(guideline, counts),
            verdicts=[(css, words.verdict(v)) for v, css in VERDICT_CLASS.items()],
            l=strings(guideline, "CASEBOOK"),
            shown=_label(guideline, "shown", count="{count}"),
        )
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
    index = fragment("casebook.html", "index", situations=_situations(guideline, counts))
    out += [
        f"## {_label(guideline, 'situations')} {{#situations}}",
        "",
        Html(index),
        "",
    ]
    out += [_filters(guideline, counts), ""]
    for situation in guideline.situations:
        members = [c for c in every if situation in c.situations]
        count = _label(guideline, "count", count=str(len(members)))
        out += [
            f"## {markdown_text(situation.label(guideline.lang))}{_label(guideline, 'paren', text=count)} {{#{situation.id} .casebook-group}}",
            "",
        ]
        if not members:
            out += [_label(guideline, "none"), ""]
            continue
        listed = [_case(guideline, c, from_doc) for c in members]
        out += [Html(fragment("casebook.html", "cases", situation=situation.id, cases=listed)), ""]
    return Document(out)

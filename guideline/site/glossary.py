"""用語集 (/glossary/), and the glossary terms linked where they first appear on every page."""

from __future__ import annotations

import re

from markupsafe import Markup

from guideline.labels import label
from guideline.model.glossary import Term
from guideline.model.guideline import Guideline
from guideline.site.document import Document, Html
from guideline.site.templating import fragment


def render_glossary(guideline: Guideline, markdown: str) -> Document:
    """用語集, after the page's own ``markdown``: each term with its other spellings and its definition."""
    entries = [
        (term.id, term.term, [label(guideline, "paren", text=a) for a in term.aliases], term.definition)
        for term in guideline.glossary
    ]
    terms = Html(fragment("glossary.html", "terms", entries=entries))
    return Document([markdown, "", label(guideline, "glossary_intro"), "", terms, ""])


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
            # Trust point: the words matched are the page's HTML text already, escaped as it is.
            text = Markup(match.group(0))
            return str(
                fragment(
                    "glossary.html",
                    "term_link",
                    href=f"{glossary_url}#{term.id}",
                    definition=term.definition,
                    text=text,
                )
            )

        out.append(pattern.sub(link, chunk))
    return "".join(out)

"""The one catalogue of interface strings, one module per language (``ja``, ``en``).

Pages, the CLI, the printed documents and the model's few words for people (how a provision is
cited, a date not stated) all look their strings up here, so a word is changed in one place. This
package imports nothing of the guideline: the model uses it too. The clerk's error messages are a
catalogue of their own, ``guideline.messages``.
"""

from __future__ import annotations

from types import ModuleType
from typing import Protocol

from markupsafe import Markup

from guideline.labels import en, ja

CATALOGUES: dict[str, ModuleType] = {"ja": ja, "en": en}


class HasLang(Protocol):
    """A guideline, or anything that knows the language it is shown in."""

    @property
    def lang(self) -> str: ...


def _section(lang: str, section: str) -> dict[str, str]:
    strings: dict[str, str] = getattr(CATALOGUES.get(lang, ja), section)
    return strings


def strings(guideline: HasLang, section: str = "PAGE") -> dict[str, str]:
    """A whole section of the catalogue, for a template that writes several fixed strings."""
    return _section(guideline.lang, section)


def text(lang: str, key: str, section: str = "PAGE", **values: str) -> str:
    """A plain-text string in ``lang`` (Japanese for a language without a catalogue)."""
    return _section(lang, section)[key].format(**values)


def label(guideline: HasLang, key: str, **values: str) -> str:
    """A page's plain-text string in the guideline's language."""
    return text(guideline.lang, key, **values)


def markup(guideline: HasLang, key: str, section: str = "PAGE", **values: str) -> Markup:
    """A string that holds HTML (a link), with every value that fills it escaped.

    Trust point: the catalogue's own markup is trusted; nothing from the guideline's sources is.
    """
    return Markup(_section(guideline.lang, section)[key]).format(**values)


def verdict_note(guideline: HasLang, verdict: str) -> str:
    """What a verdict means for the post (「発信してよい」), or nothing for an unknown verdict."""
    notes: dict[str, str] = CATALOGUES.get(guideline.lang, ja).VERDICT_NOTES
    return notes.get(verdict, "")

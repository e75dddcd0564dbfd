"""Cross-references: commentary refers to provisions by id, never by number.

Syntax is a plain Markdown link with the ``clause:`` scheme: ``[](clause:accuracy)``,
or ``[](clause:accuracy#delete-or-correct)`` for an example or FAQ on that page.
An empty link text is filled with the provision's current number and title.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from guideline.messages import Param, msg

REFERENCE = re.compile(r"\[(?P<text>[^\]]*)\]\(clause:(?P<id>[^)#\s]*)(?:#(?P<anchor>[^)\s]*))?\)")


@dataclass(frozen=True)
class Reference:
    target: str
    anchor: str | None
    text: str


def find(markdown: str) -> list[Reference]:
    return [Reference(m.group("id"), m.group("anchor"), m.group("text")) for m in REFERENCE.finditer(markdown)]


def replace(markdown: str, render: Callable[[Reference], str]) -> str:
    """Replace every reference with what ``render`` makes of it."""

    def sub(match: re.Match[str]) -> str:
        return render(Reference(match.group("id"), match.group("anchor"), match.group("text")))

    return REFERENCE.sub(sub, markdown)


def did_you_mean(wrong: str, known: Iterable[str]) -> Param:
    """A hint naming the closest known id (a message parameter), or an empty string."""
    close = difflib.get_close_matches(wrong, list(known), n=1, cutoff=0.5)
    return msg("hint.did_you_mean", id=close[0]) if close else ""

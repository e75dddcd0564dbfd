"""A generated page: lines of Markdown, with blocks of finished HTML among them (see ``Document``)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Html:
    """A block of finished HTML with no Markdown in it."""

    markup: str


Part = str | Html
# A word no editor writes: each build process draws its own.
_PLACEHOLDER = f"guideline-block-{secrets.token_hex(6)}"
_PLACEHOLDER_HTML = re.compile(rf"(?:<p>)?{_PLACEHOLDER}-(\d+)(?:</p>)?")


class Document:
    """A generated page: lines of Markdown, with blocks of finished HTML among them.

    Python-Markdown parses raw HTML once more, tag by tag, though there is nothing in it to
    convert; most of a generated page is HTML (the official text, post cards, histories, whole
    editions), and converting it inline made the build a third slower than plain Material. So
    ``markdown`` holds a one-word paragraph in place of each block, and ``fill`` puts the blocks
    into the converted page. ``text`` is the page as plain Markdown, with the HTML inline.
    """

    def __init__(self, parts: Iterable[Part]) -> None:
        self.parts = list(parts)
        self.blocks: list[str] = []
        lines = []
        for part in self.parts:
            if isinstance(part, Html):
                lines.append(f"\n{_PLACEHOLDER}-{len(self.blocks)}\n")
                self.blocks.append(part.markup)
            else:
                lines.append(part)
        self.markdown = "\n".join(lines)

    @property
    def text(self) -> str:
        return "\n".join(part.markup if isinstance(part, Html) else part for part in self.parts)

    def fill(self, converted: str) -> str:
        """The HTML converted from ``markdown``, with each block in its place."""
        filled, found = _PLACEHOLDER_HTML.subn(lambda match: self.blocks[int(match.group(1))], converted)
        if found != len(self.blocks):
            raise ValueError(f"{len(self.blocks)} HTML blocks to put back, {found} placeholders found")
        return filled

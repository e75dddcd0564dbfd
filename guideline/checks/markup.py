"""No script from content: raw HTML and link targets in editions and commentary are checked.

Editors write Markdown. Raw HTML is refused except a few inert tags written bare (no attributes),
because a tag or an attribute is the way a page could carry script (``<script>``, ``onerror=``,
``<iframe>``) or a request outside the site (``<img src=…>``). A link may not use a scheme that runs
or embeds content (``javascript:``, ``vbscript:``, ``data:``). The site's own scripts are allowed by the
server's Content-Security-Policy by hash; content never adds to that list.
"""

from __future__ import annotations

import html
import re

from guideline.messages import items
from guideline.problems import Problems

# Inert tags an editor may need in running Japanese text: a line break, ruby (振り仮名), sub/superscript.
ALLOWED_TAGS = ("br", "wbr", "ruby", "rt", "rp", "sub", "sup")
REFUSED_SCHEMES = ("javascript", "vbscript", "data")

_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_TAG = re.compile(r"<(?P<close>/)?(?P<name>[A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)(?P<rest>[^<>]*)")
_COMMENT = re.compile(r"<!--.*?(-->|$)")
# ](target), ]: target (a reference definition) and attr_list's {href=…}
_LINK_TARGET = re.compile(
    r"\]\(\s*<?(?P<a>[^)\s>]*)|^\s*\[[^\]]+\]:\s*<?(?P<b>\S*)|\b(?:href|src)\s*=\s*[\"']?(?P<c>[^\"'\s}]*)"
)
_ATTR_LIST = re.compile(r"\{:?[^{}]*\}")
_EVENT_ATTR = re.compile(r"(?<![\w-])(?P<name>on[a-z]+|style)\s*=", re.IGNORECASE)


def _scheme(target: str) -> str:
    """The scheme a browser would see: entities decoded, whitespace and control characters dropped."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(target)).lower()
    return cleaned.split(":", 1)[0] if ":" in cleaned else ""


def check(lines: list[str], start: int, path: str, problems: Problems) -> None:
    """Add a problem for each raw tag outside the allow-list, each event attribute and each refused link."""
    fenced = False
    for offset, raw in enumerate(lines):
        line = start + offset
        if _FENCE.match(raw):
            fenced = not fenced
            continue
        if fenced:
            continue  # code is shown as text, never run
        text = _COMMENT.sub("", _CODE_SPAN.sub("", raw))
        for match in _TAG.finditer(text):
            name = match.group("name").lower()
            if name not in ALLOWED_TAGS:
                problems.add(path, line, "markup.tag_refused", tag=name, allowed=items(f"<{t}>" for t in ALLOWED_TAGS))
            elif match.group("rest").strip(" /"):
                problems.add(path, line, "markup.tag_attribute", tag=name, attribute=match.group("rest").strip())
        for attrs in _ATTR_LIST.findall(text):
            for attr in _EVENT_ATTR.finditer(attrs):
                problems.add(path, line, "markup.event_attribute", attribute=attr.group("name"), attributes=attrs)
        for link in _LINK_TARGET.finditer(text):
            target = link.group("a") or link.group("b") or link.group("c") or ""
            scheme = _scheme(target)
            if scheme in REFUSED_SCHEMES:
                problems.add(path, line, "markup.refused_link", target=target, scheme=scheme)

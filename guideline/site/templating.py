"""HTML fragments from Jinja2 templates (``templates/``), escaped by construction.

Every value a template writes is escaped unless it is ``markupsafe.Markup``; each place that makes
Markup says why the markup is trusted (a fragment from another template, the catalogue's own links,
Markdown already converted). Values are escaped as ``html.escape`` does (``&quot;``, ``&#x27;``), so the
pages read the same as when they were assembled by hand. Each template file holds the macros of one
page kind; a Python function calls one macro and gets its HTML back.
"""

from __future__ import annotations

import html
import json
from functools import cache
from typing import Any

import jinja2
from markupsafe import Markup


def _escape(value: Any) -> Any:
    """What a template writes: Markup as it is, anything else escaped with quotes (``html.escape``)."""
    if hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value)))


def script_json(value: Any, compact: bool = False) -> Markup:
    """JSON to put inside ``<script>``: ``<``, ``>`` and ``&`` as ``\\u`` escapes, so nothing in it can
    close the element or open a comment (as Jinja's ``tojson``, but keeping the keys' order)."""
    if compact:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps(value)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def text_only(value: str) -> Markup:
    """Text for an element's content, where quotes need no escaping: only ``&``, ``<`` and ``>``."""
    return Markup(html.escape(value, quote=False))


ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("guideline.site", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    finalize=_escape,
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["script_json"] = script_json
ENV.filters["text_only"] = text_only


@cache
def _macros(template: str) -> Any:
    return ENV.get_template(template).module


def fragment(template: str, macro: str, **values: Any) -> Markup:
    """The HTML of one macro of a template, with ``values`` escaped unless they are Markup."""
    return Markup(getattr(_macros(template), macro)(**values))

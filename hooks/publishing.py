"""MkDocs adapter for serving the site under a sub-path with a strict Content-Security-Policy.

- Material's inline bootstrap script names the storage scope as the page's relative way home
  (``"."``, ``"../.."``), so every folder depth gets its own script text, and the CSP would need a
  hash for each. Setting Material's documented ``extra.scope`` to the site's path (from
  ``site_url``) makes it one script, the same on every page, the 404 page included.
- mkdocs-static-i18n builds each extra language into the same ``site_dir``, so the English build
  writes its ``404.html`` over the Japanese one. The other languages' 404 pages go to
  ``<lang>/404.html`` instead (nginx serves them for missing pages under ``/<lang>/``), and their
  language selector points at each language's home, not at whichever page was built last.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.utils.templates import TemplateContext

log = get_plugin_logger("publishing")

NOT_FOUND = "404.html"


def _i18n(config: MkDocsConfig) -> Any:  # mkdocs-static-i18n's plugin: the package ships no type hints
    return config.plugins.get("i18n")


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if "scope" not in config.extra:
        config.extra["scope"] = urlsplit(config.site_url or "/").path or "/"
    return config


@event_priority(-110)  # after mkdocs-static-i18n (50) has filled in this language's template context
def on_template_context(context: TemplateContext, template_name: str, config: MkDocsConfig) -> TemplateContext:
    i18n = _i18n(config)
    homes = getattr(i18n, "extra_alternate", None)
    if template_name == NOT_FOUND and homes:
        # Each language's home page. The theme reads the attribute if i18n has set one, else the item.
        config.extra["alternate"] = copy.deepcopy(homes)
        config.extra.alternate = copy.deepcopy(homes)  # type: ignore[attr-defined]  # i18n's own attribute, see above
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    i18n = _i18n(config)
    if template_name != NOT_FOUND or i18n is None or i18n.current_language == i18n.default_language:
        return output
    target = Path(config.site_dir) / i18n.current_language / NOT_FOUND
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    log.debug("wrote %s", target)
    return ""  # MkDocs skips an empty template, so the default language's 404.html stays at the root

"""MkDocs adapter: one search index per language for this site's search (docs/assets/search-ja.js).

Material writes one index of every language (search/search_index.json, with Japanese as \\uXXXX
escapes) and fetches it on every page load. After the last language is built, this hook splits it
into ``search/index.<lang>.json``, plain UTF-8, one per language, adds to each commentary page its
``keywords:`` (the words staff use, a boosted field), and leaves Material's file with its
configuration only. The search worker fetches its language's file only when the reader first goes
to the search box (docs/assets/search-ja-setup.js).

A page not yet translated is searched in its default-language text at its translated address,
as mkdocs-static-i18n serves it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from guideline.model.glossary import parse_glossary
from guideline.problems import Problems

_keywords: dict[str, list[str]] = {}  # page URL ('en/clauses/rumors/') -> its keywords


def _languages(config: MkDocsConfig) -> tuple[str, list[str]]:
    """The default language and the others, as mkdocs-static-i18n builds them."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return str(config.theme.get("language") or "ja"), []
    languages = [str(lang.locale) for lang in plugin.config.languages if lang.build]
    default = next((str(lang.locale) for lang in plugin.config.languages if lang.default), languages[0])
    return default, [lang for lang in languages if lang != default]


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get("i18n")
    if plugin is None or not getattr(plugin, "building", False):
        _keywords.clear()  # a new build (each save under `mkdocs serve`), not the next language of this one
    return config


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    words = page.meta.get("keywords")
    if isinstance(words, list):
        _keywords[page.url] = [str(w) for w in words if str(w).strip()]
    return context


def split_index(
    docs: list[dict[str, Any]], default: str, others: list[str], keywords: dict[str, list[str]]
) -> dict[str, list[dict[str, Any]]]:
    """The entries of each language: its own, plus the default language's pages it has not translated."""
    own: dict[str, list[dict[str, Any]]] = {default: []}
    for lang in others:
        own[lang] = []
    for doc in docs:
        location = str(doc["location"])
        lang = next((lang for lang in others if location.startswith(f"{lang}/")), default)
        own[lang].append(doc)
    out: dict[str, list[dict[str, Any]]] = {}
    for lang, entries in own.items():
        if lang != default:
            translated = {str(d["location"]).split("#")[0][len(lang) + 1 :] for d in entries}
            entries = entries + [
                {**d, "location": f"{lang}/{d['location']}"}
                for d in own[default]
                if str(d["location"]).split("#")[0] not in translated
            ]
        out[lang] = with_kinds([_entry(d, keywords) for d in entries])
    return out


# The commentary's sections by the anchor of their heading (guideline/site/commentary.py), and the kind of
# question each answers: the worker weighs them by the intent of a query (なぜ, 〜していい？).
SECTION_KINDS = {"intent": "purpose", "examples": "example", "faq": "faq"}


def with_kinds(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each section of a commentary page marked with the kind of its part: purpose, example or faq."""
    kind = ""
    page = ""
    for entry in entries:
        path, _, anchor = str(entry["location"]).partition("#")
        if path != page:
            page, kind = path, ""
        if not anchor:
            continue
        if anchor in SECTION_KINDS or anchor in ("related", "backlinks", "history"):
            kind = SECTION_KINDS.get(anchor, "")
        if kind:
            entry["kind"] = kind
    return entries


def site_terms(config: MkDocsConfig, lang: str) -> list[str]:
    """Words the search keeps whole: the glossary's terms and aliases, and extra.search_terms."""
    root = Path(config.config_file_path).parent
    words = [str(w) for w in config.extra.get("search_terms") or []]
    path = root / "glossary" / f"terms.{lang}.yml"
    if path.is_file():
        problems = Problems()  # the guideline hook reports the glossary's problems
        for term in parse_glossary(path.read_text(encoding="utf-8"), path.name, problems):
            words += term.spellings
    return sorted(set(words))


def _entry(doc: dict[str, Any], keywords: dict[str, list[str]]) -> dict[str, Any]:
    entry = {"location": doc["location"], "title": doc.get("title", ""), "text": doc.get("text", "")}
    if doc.get("tags"):
        entry["tags"] = doc["tags"]
    words = keywords.get(str(doc["location"])) if "#" not in str(doc["location"]) else None
    if words:
        entry["keywords"] = words
    return entry


@event_priority(-120)  # after mkdocs-static-i18n (-100) has built every language and written Material's index
def on_post_build(config: MkDocsConfig) -> None:
    plugin = config.plugins.get("i18n")
    if plugin is not None and getattr(plugin, "building", False):
        return  # another language of this build: the index is complete only at the end
    if config.extra.get("guideline_search") == "material":
        return
    folder = Path(config.site_dir) / "search"
    source = folder / "search_index.json"
    if not source.is_file():
        return
    data = json.loads(source.read_text(encoding="utf-8"))
    default, others = _languages(config)
    for lang, entries in split_index(data["docs"], default, others, _keywords).items():
        index = {"lang": lang, "terms": site_terms(config, lang), "docs": entries}
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / f"index.{lang}.json").write_text(text, encoding="utf-8")
    # Material's own index keeps only its configuration: a page opened from a result (?h=) fetches it
    # to mark the words found, and needs nothing else of it.
    source.write_text(json.dumps({"config": data["config"], "docs": []}, ensure_ascii=False), encoding="utf-8")

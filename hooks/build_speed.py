"""MkDocs adapter: two costs of the stack itself, cut without changing what is built.

- Duplicate search entries. After the last language is built, mkdocs-static-i18n 1.3.1 drops each
  entry of another language that repeats an entry of the default language (same title, same text,
  same page under ``/<lang>/``). It compares every entry of the default language with every entry
  of the others: at 2,000 provisions in two languages that is over a billion comparisons, longer
  than the rest of the build. The plugin is given the same comparison keyed by (title, text), so
  each entry is looked at once. The entries kept are the same, except where the plugin's loop
  skips a duplicate that follows another one (it removes from the list it is iterating over).
- Theme templates. Every build compiles Material's templates again, once per language, and
  `mkdocs serve` does it on every save. Jinja's own bytecode cache (a folder in the system's
  temporary directory, keyed by each template's source) keeps the compiled templates.
- Search entries under `mkdocs serve`. Material's search parses the HTML of every page again on
  every save, in both languages, though one save changes one page or a few. The entries of a page
  are kept, keyed by everything Material reads to make them (the page's address, title, front
  matter, table of contents and HTML), and reused when all of that is unchanged; so the index is
  the same as a full parse would give.
- Theme files. Every build lists the files of every theme folder (Material's holds some ten
  thousand icons) and matches each name against MkDocs's patterns, once per language. The list is
  kept for as long as the names in the project's own theme folder (`overrides/`) stay the same;
  Material's and MkDocs's folders are installed packages, which do not change under a build.
- Noticing a save. `mkdocs serve` polls the watched folders every 0.5 s, which is a quarter of the
  2 s a clerk may wait for the preview. The folders are polled every 0.1 s (a few hundred files:
  a snapshot takes about a millisecond).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import types
from collections import defaultdict
from collections.abc import Callable, Collection
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

POLL_SECONDS = 0.1

# The theme's file list, by what it depends on (see listed_once).
_theme_files: dict[tuple[Any, ...], list[str]] = {}

# Each page's search entries at its address (one slot per page, so the memory holds one site's
# entries however long `mkdocs serve` runs), with the digest of what Material read to make them.
_entries: dict[str, tuple[str, list[dict[str, Any]]]] = {}


def deduplicate(plugin: Any, entries: list[dict[str, Any]]) -> None:  # mkdocs-static-i18n ships no type hints
    """Remove from ``entries`` each other-language entry that repeats a default-language one."""
    prefixes = tuple(f"{lang}/" for lang in plugin.build_languages)
    others: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for entry in entries:
        if entry["location"].startswith(prefixes):
            others[(entry["title"], entry["text"])].append(entry)
    dropped: set[int] = set()
    for entry in entries:
        if entry["location"].startswith(prefixes):
            continue
        for other in others.get((entry["title"], entry["text"]), ()):
            if id(other) not in dropped and other["location"].endswith(entry["location"]):
                dropped.add(id(other))
    entries[:] = [entry for entry in entries if id(entry) not in dropped]


def _headings(links: list[AnchorLink]) -> list[Any]:
    return [[link.id, link.title, link.url, _headings(link.children)] for link in links]


def _digest(page: Page) -> str:
    """Everything Material's search reads from a page to make its entries."""
    read = [page.url, page.title, page.meta, _headings(list(page.toc)), page.content]
    return hashlib.sha256(json.dumps(read, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()


def remembered(
    index: Any, original: Callable[[Any, Page], None], page: Page
) -> None:  # Material's SearchIndex: untyped
    """``SearchIndex.add_entry_from_context``, reusing a page's entries when nothing it reads has changed."""
    digest = _digest(page)
    before, kept = _entries.get(page.url, ("", []))
    if before == digest:
        index.entries.extend(copy.deepcopy(kept))
        return
    start = len(index.entries)
    original(index, page)
    _entries[page.url] = (digest, copy.deepcopy(index.entries[start:]))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get("i18n")
    if plugin is not None and hasattr(plugin, "reconfigure_search_duplicates"):
        plugin.reconfigure_search_duplicates = types.MethodType(deduplicate, plugin)
    search = config.plugins.get("material/search")
    index = getattr(search, "search_index", None)
    if index is not None and isinstance(getattr(index, "entries", None), list):
        original = type(index).add_entry_from_context
        index.add_entry_from_context = lambda page: remembered(index, original, page)
    get_env = config.theme.get_env
    config.theme.get_env = lambda: listed_once(get_env(), config)  # type: ignore[method-assign]
    return config


def _names_under(folder: str) -> tuple[str, ...]:
    return tuple(sorted(os.path.join(top, name) for top, _, names in os.walk(folder) for name in names))


def listed_once(env: jinja2.Environment, config: MkDocsConfig) -> jinja2.Environment:
    """``env`` whose ``list_templates(filter_func=…)`` lists the theme once per set of project theme files."""
    original = env.list_templates
    custom_dir = config.theme.custom_dir  # the project's own theme folder; the others are installed packages

    def list_templates(
        extensions: Collection[str] | None = None, filter_func: Callable[[str], bool] | None = None
    ) -> list[str]:
        if extensions is not None or filter_func is None:
            return original(extensions, filter_func)
        dirs = tuple(config.theme.dirs)
        own = _names_under(custom_dir) if custom_dir else ()
        # The filter is MkDocs's closure over static_templates and the Markdown extensions.
        key = (dirs, own, filter_func.__code__, tuple(config.theme.static_templates))
        if key not in _theme_files:
            if len(_theme_files) > 8:  # overrides/ changed names many times: forget the old lists
                _theme_files.clear()
            _theme_files[key] = original(None, filter_func)
        return list(_theme_files[key])

    env.list_templates = list_templates  # type: ignore[method-assign]
    return env


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    """Poll the watched folders every POLL_SECONDS rather than MkDocs's fixed 0.5 s.

    MkDocs 1.6 gives no setting for it: the observer's and each folder's emitter's interval are set
    here, after MkDocs and the other hooks have started watching and before the server starts.
    """
    observer = server.observer
    if hasattr(observer, "_timeout"):
        observer._timeout = POLL_SECONDS  # folders watched from now on
    for emitter in getattr(observer, "emitters", ()):
        if hasattr(emitter, "_timeout"):
            emitter._timeout = POLL_SECONDS
    return server


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = jinja2.FileSystemBytecodeCache()  # in the temporary directory, one per user
    return env

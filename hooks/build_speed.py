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
"""

from __future__ import annotations

import types
from collections import defaultdict
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files


def deduplicate(plugin: Any, entries: list[dict[str, Any]]) -> None:
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


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    plugin = config.plugins.get("i18n")
    if plugin is not None and hasattr(plugin, "reconfigure_search_duplicates"):
        plugin.reconfigure_search_duplicates = types.MethodType(deduplicate, plugin)
    return config


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = jinja2.FileSystemBytecodeCache()  # in the temporary directory, one per user
    return env

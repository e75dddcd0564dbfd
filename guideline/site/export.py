"""The site as plain Markdown, for a generator other than MkDocs (``guideline render --out DIR``).

Each language is a project of its own, ``DIR/<lang>/``: ``docs/`` holds the plan's pages (``plan.py``)
as Markdown with the generated HTML inline, and the assets of ``docs/``; ``mkdocs.yml`` names no hooks and
no plugins, only what Material-compatible generators (Zensical) read: the site's name, the theme's
language and features, the Markdown extensions, the stylesheets and scripts, and the navigation from the
plan. The pages of a language other than the default are written under ``docs/<lang>/``, so each page
keeps its URL: building each project and laying the other languages' output over the default
language's gives every address of the MkDocs site.

What MkDocs does through the hooks after the Markdown is converted is not here: the glossary's
tooltips and the joining of Japanese lines (``on_page_content``), this site's search index, the 404 page
per language and the theme's overrides.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from guideline.model.guideline import Guideline
from guideline.model.paths import DEFAULT_LANG
from guideline.site import documents, plan
from guideline.site.cite import site_name
from guideline.site.document import Document, Html

CONFIG = "mkdocs.yml"
# What a Material-compatible generator reads from the project's mkdocs.yml, as it is.
_COPIED = ("site_description", "markdown_extensions", "extra_css", "extra_javascript")
_THEME = ("name", "font", "icon", "palette", "features")


@dataclass(frozen=True)
class Written:
    lang: str
    project: Path  # DIR/<lang>: its mkdocs.yml, docs/
    pages: int


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: ``!ENV [NAME, default]`` reads the variable's default, as a build without it would."""


def _env_default(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None
    return None


_ConfigLoader.add_constructor("!ENV", _env_default)


def project_config(root: Path) -> dict[str, Any]:
    with open(root / CONFIG, encoding="utf-8") as file:
        data = yaml.load(file, Loader=_ConfigLoader)  # a SafeLoader with one more tag
    return data if isinstance(data, dict) else {}


def page_markdown(page: plan.Page, document: Document) -> str:
    """The page as one Markdown file: its front matter, then each HTML block as a block of its own."""
    meta: dict[str, Any] = {}
    if page.title is not None:
        meta["title"] = page.title
    if not page.in_search:
        meta["search"] = {"exclude": True}
    # Blank lines around each block, as Document.markdown sets its placeholders: a block stays a block.
    body = "\n".join(f"\n{part.markup}\n" if isinstance(part, Html) else part for part in document.parts)
    head = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n" if meta else ""
    return head + body


def _nav(pages: list[plan.Page], prefix: str) -> list[Any]:
    """The plan's navigation as mkdocs.yml writes it: sections are one-key mappings of their entries."""
    out: list[Any] = []
    for page in pages:
        if page.nav is None:
            continue
        level = out
        for title in page.nav:
            last = level[-1] if level else None
            if not (isinstance(last, dict) and list(last) == [title] and isinstance(last[title], list)):
                last = {title: []}
                level.append(last)
            level = last[title]
        path = prefix + page.doc
        level.append({page.title: path} if page.title is not None else path)
    return out


def _language_config(config: dict[str, Any], lang: str) -> dict[str, Any]:
    """mkdocs-static-i18n's settings for ``lang`` (site_name, theme), if it has any."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for language in plugin["i18n"].get("languages") or []:
                if language.get("locale") == lang and language.get("default") is not True:
                    return dict(language)
    return {}


def write_config(root: Path, guideline: Guideline, pages: list[plan.Page], project: Path, lang: str) -> None:
    source = project_config(root)
    own = _language_config(source, lang)
    theme = {key: value for key, value in (source.get("theme") or {}).items() if key in _THEME}
    theme.update({key: value for key, value in (own.get("theme") or {}).items() if key in _THEME})
    theme["language"] = lang
    config: dict[str, Any] = {"site_name": site_name(guideline) or own.get("site_name") or source["site_name"]}
    config.update({key: source[key] for key in _COPIED if key in source})
    config.update(
        {
            "docs_dir": "docs",
            "site_dir": "site",
            "use_directory_urls": True,
            "theme": theme,
            "nav": _nav(pages, "" if lang == DEFAULT_LANG else f"{lang}/"),
        }
    )
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    (project / CONFIG).write_text(text, encoding="utf-8")


def copy_assets(docs: Path, target: Path) -> None:
    """Every file of docs/ that is not a page (stylesheets, scripts, images), as MkDocs copies it."""
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs)
        if path.is_dir() or path.suffix in (".md", ".txt") or any(p.startswith(".") for p in relative.parts):
            continue
        (target / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, target / relative)


def write(guideline: Guideline, lang: str, stale: set[str], out: Path) -> Written:
    """Write the site in ``lang`` to ``out/<lang>/`` (emptied first) as a project of plain Markdown."""
    root = guideline.root
    project = out / lang
    if project.exists():
        shutil.rmtree(project)
    docs = project / "docs"
    docs.mkdir(parents=True)
    copy_assets(root / "docs", docs)
    planned = plan.plan(guideline, lang, stale)
    prefix = docs if lang == DEFAULT_LANG else docs / lang
    for page in planned:
        _, markdown = plan.read_source(root / "docs", page.source)
        target = prefix / page.doc
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page_markdown(page, documents.document(guideline, page, markdown)), encoding="utf-8")
    write_config(root, guideline, planned, project, lang)
    return Written(lang, project, len(planned))

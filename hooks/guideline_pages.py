"""MkDocs adapter: loads the guideline once per build and hands MkDocs the site's plan.

Which pages the site has, their titles, their place in the navigation, whether the search indexes
them and the Markdown each becomes are decided by the domain (``guideline/site/plan.py``), which
``guideline render`` reads too; this module only connects it to MkDocs events. Pages are real files
in ``docs/`` (commentary, and stubs whose front matter says ``render: text`` and so on), so
mkdocs-static-i18n sees them like any other.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure import StructureItem
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from guideline.checks import translation
from guideline.messages import msg
from guideline.model import dates
from guideline.model.guideline import Guideline
from guideline.model.paths import DEFAULT_LANG, EDITIONS_DIR, GLOSSARY_DIR
from guideline.model.project import load
from guideline.problems import GuidelineError
from guideline.site import documents, pages, plan, typography
from guideline.site.cite import site_name
from guideline.site.document import Document
from guideline.site.glossary import annotate_terms

log = get_plugin_logger("guideline")


@dataclass
class BuildState:
    """All that this hook keeps between the events of a build, declared in one place.

    Where it is reset, and why: MkDocs keeps a hook module loaded across the builds of `mkdocs serve`
    (one per save), and mkdocs-static-i18n runs every event again for each other language, from inside
    its own ``on_post_build`` with its ``building`` flag set. So ``on_config`` makes a new BuildState
    when a build starts (the flag unset: a first build or a save), reading the drafts setting and the
    build date once; for each other language of the same build it keeps ``loaded`` (the default
    language's guideline is the original each translation reuses, instead of reading every source
    again) and starts the language's own fields afresh (``for_language``).
    """

    root: Path
    drafts: bool  # extra.guideline_drafts in mkdocs.yml (GUIDELINE_DRAFTS=1): draft editions shown
    today: date  # GUIDELINE_BUILD_DATE, else today in Japan: status comes from 施行日 and this
    loaded: dict[str, Guideline] = field(default_factory=dict)  # by language
    lang: str = DEFAULT_LANG  # the language being built
    pages: dict[str, plan.Page] = field(default_factory=dict)  # this language's plan, by source under docs/
    documents: dict[str, Document] = field(default_factory=dict)  # by source: HTML blocks to put back

    def for_language(self, lang: str) -> None:
        self.lang = lang
        self.pages = {}
        self.documents = {}

    def guideline(self) -> Guideline:
        if self.lang not in self.loaded:
            original = self.loaded.get(DEFAULT_LANG)
            try:
                self.loaded[self.lang] = load(
                    self.root, self.lang, drafts=self.drafts, original=original, today=self.today
                )
            except GuidelineError as error:
                raise PluginError(str(msg("build.sources_have_problems", report=error.problems.report()))) from None
        return self.loaded[self.lang]


_state: BuildState | None = None


def _build() -> BuildState:
    assert _state is not None, "on_config runs before every other event"
    return _state


def _language(config: MkDocsConfig) -> str:
    return str(config.theme.get("language") or "ja")


def _starts_build(config: MkDocsConfig) -> bool:
    """Whether this on_config starts a build, rather than another language of the build under way."""
    i18n = config.plugins.get("i18n")
    return i18n is None or not getattr(i18n, "building", False)


@event_priority(-110)  # after mkdocs-static-i18n (-100) has set theme.language for this build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _state
    root = Path(config.config_file_path).parent
    if _state is None or _starts_build(config) or root != _state.root:
        try:
            today = dates.build_date(os.environ.get("GUIDELINE_BUILD_DATE"))
        except dates.DateError as error:
            raise PluginError(str(error.message)) from None
        _state = BuildState(root, drafts=str(config.extra.get("guideline_drafts")) == "1", today=today)
    state = _state
    lang = _language(config)
    state.for_language(lang)
    guideline = state.guideline()  # fails early, before any page is read
    named = site_name(guideline)
    if named:
        config.site_name = named  # an edition in force renamed the guideline
    trailing = [t for t in translation.status(root, lang) if t.state != "current"] if lang != DEFAULT_LANG else []
    if trailing:
        for item in trailing:
            state_name = msg("build.state.missing") if item.state == "missing" else msg("build.state.stale")
            where = {
                "path": item.translation.relative_to(root).as_posix(),
                "original": item.original.relative_to(root).as_posix(),
            }
            log.info(str(msg("build.translation_state", state=state_name, **where)))
        log.info(str(msg("build.translations_trailing", count=len(trailing), lang=lang)))
    stale = plan.stale_sources(root, trailing)
    state.pages = {page.source: page for page in plan.plan(guideline, lang, stale)}
    return config


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    """`make serve` rebuilds when an edition or the glossary is saved, as it does for docs/ and overrides/.

    Watched from here rather than by `watch:` in mkdocs.yml, which fails on a folder that does not
    exist (a guideline without a glossary, the benchmark's plain-Material control). hooks/ and
    guideline/ are Python that `mkdocs serve` imports once: a change to them takes a restart.
    """
    root = Path(config.config_file_path).parent
    for folder in (EDITIONS_DIR, GLOSSARY_DIR):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    return server


@event_priority(-110)  # after mkdocs-static-i18n has chosen this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Leave out the pages the plan does not have: editions not shown (drafts, unless GUIDELINE_DRAFTS=1), and their new provisions."""
    planned = _build().pages
    for file in list(files):
        if file.is_documentation_page() and file.src_uri not in planned:
            files.remove(file)
    missing = sorted(set(planned) - {file.src_uri for file in files})
    if missing:  # the plan and mkdocs-static-i18n disagree on the files: a fault of the build itself
        raise PluginError(str(msg("build.plan_mismatch", pages=", ".join(missing))))
    return files


@event_priority(-110)  # after mkdocs-static-i18n has built this language's navigation
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """The navigation as the plan orders and groups it: the reader's path first, the commentary by chapter."""
    items: list[StructureItem] = []
    by_source = {file.src_uri: file.page for file in files.documentation_pages()}
    for planned in _build().pages.values():
        if planned.nav is None:
            continue  # reached by links only (each edition's pages, from the revision history)
        page = by_source.get(planned.source)
        if not isinstance(page, Page):
            raise PluginError(str(msg("build.plan_mismatch", pages=planned.source)))
        _place(items, planned.nav, page)
    nav.items = items
    nav.pages = [page for item in nav.items for page in _pages(item)]
    for i, page in enumerate(nav.pages):  # the footer's previous/next follow the new order
        page.previous_page = nav.pages[i - 1] if i > 0 else None
        page.next_page = nav.pages[i + 1] if i + 1 < len(nav.pages) else None
    return nav


def _place(items: list[StructureItem], sections: tuple[str, ...], page: Page) -> None:
    """Append ``page`` under the sections titled ``sections``, opening a section unless the last one has the title."""
    parent: Section | None = None
    level = items
    for title in sections:
        last = level[-1] if level else None
        if not (isinstance(last, Section) and last.title == title):
            last = Section(title, [])
            last.parent = parent
            level.append(last)
        parent = last
        level = last.children
    page.parent = parent
    level.append(page)


def _pages(item: object) -> list[Page]:
    if isinstance(item, Page):
        return [item]
    if isinstance(item, Section):
        return [page for child in item.children for page in _pages(child)]
    return []


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _build()
    planned = state.pages[page.file.src_uri]
    document = documents.document(state.guideline(), planned, markdown)
    if planned.title is not None:
        page.meta["title"] = planned.title
    if not planned.in_search:
        page.meta["search"] = {"exclude": True}
    if document.blocks:  # put back by on_page_content (see Document)
        state.documents[page.file.src_uri] = document
    return document.markdown


@event_priority(40)  # after mkdocs-static-i18n (50) has pointed the language selector at this page
def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    """Make the language selector's links relative, so that the site works under a sub-path."""
    # i18n sets the attribute, which the theme reads, not the dict item. Its home links start with
    # the site's own path ("/" or "/guidelines/hanibon/"), which the relative link must drop.
    root = urlsplit(config.site_url or "/").path or "/"
    for alternate in getattr(config.extra, "alternate", None) or []:
        link = str(alternate.get("link", ""))
        if link.startswith(root):
            alternate["link"] = link[len(root) :] or "./"
    return context


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Link glossary terms where they first appear, except on the glossary and the 新旧対照表.

    In a 新旧対照表 an underline means a revision, so nothing else may be underlined there.
    """
    state = _build()
    document = state.documents.pop(page.file.src_uri, None)
    if document is not None:
        try:
            html = document.fill(html)
        except ValueError:  # a fault of the build itself: its Python wording would tell a clerk nothing
            raise PluginError(str(msg("build.page_assembly", page=page.file.src_uri))) from None
    html = typography.join_japanese_lines(html)
    if state.pages[page.file.src_uri].kind in ("glossary", "compare"):
        return html
    guideline = state.guideline()
    return annotate_terms(html, guideline.glossary, pages.url_link(page.file.src_uri, pages.GLOSSARY))

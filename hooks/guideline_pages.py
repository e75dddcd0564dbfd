"""MkDocs adapter: loads the guideline once per build and renders its pages.

All domain work happens in the ``guideline`` package; this module only connects it to
MkDocs events. Pages are real files in ``docs/`` (commentary, and stubs whose front
matter says ``render: text`` and so on), so mkdocs-static-i18n sees them like any other.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from guideline.checks import translation
from guideline.messages import msg
from guideline.model import dates
from guideline.model.paths import DEFAULT_LANG, EDITIONS_DIR, GLOSSARY_DIR
from guideline.model.project import Guideline, load
from guideline.problems import GuidelineError
from guideline.site import casebook, compare_page, pages, postcheck, render, typography

log = get_plugin_logger("guideline")

# One Guideline per language for the build under way: each build of the default language (each save under
# `mkdocs serve` starts one) loads it afresh; the other languages, built right after it by
# mkdocs-static-i18n, reuse it as their Japanese original instead of reading every source again.
GENERATED = {"text", "editions", "edition", "compare"}  # stub pages whose whole content the build writes
_loaded: dict[str, Guideline] = {}
_stale: set[Path] = set()  # translations whose Japanese original changed since
_documents: dict[str, render.Document] = {}  # by page: the HTML blocks its Markdown holds places for
_root: Path = Path()
_build_date: date | None = None  # GUIDELINE_BUILD_DATE, read once per build in on_config


def _language(config: MkDocsConfig) -> str:
    return str(config.theme.get("language") or "ja")


def _guideline(config: MkDocsConfig) -> Guideline:
    lang = _language(config)
    if lang not in _loaded:
        drafts = os.environ.get("GUIDELINE_DRAFTS") == "1"
        try:
            _loaded[lang] = load(_root, lang, drafts=drafts, original=_loaded.get(DEFAULT_LANG), today=_build_date)
        except GuidelineError as error:
            raise PluginError(str(msg("build.sources_have_problems", report=error.problems.report()))) from None
    return _loaded[lang]


@event_priority(-110)  # after mkdocs-static-i18n (-100) has set theme.language for this build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _root, _build_date
    try:
        _build_date = dates.build_date(os.environ.get("GUIDELINE_BUILD_DATE"))
    except dates.DateError as error:
        raise PluginError(str(error.message)) from None
    root = Path(config.config_file_path).parent
    if _language(config) == DEFAULT_LANG or root != _root:
        _loaded.clear()
    _stale.clear()
    _documents.clear()
    _root = root
    named = render.site_name(_guideline(config))  # fails early, before any page is read
    if named:
        config.site_name = named  # an edition in force renamed the guideline
    lang = _language(config)
    if lang != DEFAULT_LANG:
        trailing = [t for t in translation.status(_root, lang) if t.state != "current"]
        _stale.update(t.translation.resolve() for t in trailing if t.state == "stale")
        for item in trailing:
            state = msg("build.state.missing") if item.state == "missing" else msg("build.state.stale")
            where = {
                "path": item.translation.relative_to(_root).as_posix(),
                "original": item.original.relative_to(_root).as_posix(),
            }
            log.info(str(msg("build.translation_state", state=state, **where)))
        if trailing:
            log.info(str(msg("build.translations_trailing", count=len(trailing), lang=lang)))
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
    """Leave out the pages of editions that are not shown (drafts, unless GUIDELINE_DRAFTS=1), and of their new provisions."""
    guideline = _guideline(config)
    shown = {edition.name for edition in guideline.editions}
    for file in list(files):
        parts = file.src_uri.split("/")
        if len(parts) == 2 and parts[0] == pages.CLAUSES_DIR and parts[1].split(".")[0] in guideline.hidden:
            files.remove(file)
        # editions/<n>/compare/<m>.md compares two editions: both must be shown.
        elif parts[0] == pages.EDITIONS_DIR and len(parts) >= 3:
            if parts[1] not in shown or (len(parts) == 4 and parts[3].split(".")[0] not in shown):
                files.remove(file)
    return files


@event_priority(-110)  # after mkdocs-static-i18n has built this language's navigation
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Put the reader's path first and the commentary in the order of the current edition."""
    guideline = _guideline(config)
    order = {pid: i for i, pid in enumerate(guideline.current.provisions)}
    for item in nav.items:
        children = item.children if isinstance(item, Section) else []
        clauses = [c for c in children if isinstance(c, Page) and c.file.src_uri.startswith(f"{pages.CLAUSES_DIR}/")]
        if clauses and len(clauses) == len(children):
            item.title = render.label(guideline, "clauses_section")
            # By provision id: the English sources are clauses/<id>.en.md, the Japanese clauses/<id>.md.
            in_order = sorted(clauses, key=lambda page: order.get(_provision_id(page), len(order)))
            item.children = _by_chapter(guideline, in_order)
            for child in item.children:
                child.parent = item
    for item in nav.items:
        first = _pages(item)[:1]
        if isinstance(item, Section) and first and first[0].file.src_uri.startswith(f"{pages.DIVISION_DIR}/"):
            item.title = render.label(guideline, "division_section")
    for i, item in enumerate(nav.items):
        # One entry for the revision history; each edition's pages are reached from it.
        first = _pages(item)[:1]
        if isinstance(item, Section) and first and first[0].file.src_uri.startswith(f"{pages.EDITIONS_DIR}/"):
            index = next((p for p in _pages(item) if p.file.src_uri.split(".")[0] == "editions/index"), None)
            if index is not None:
                index.parent = None
                nav.items[i] = index
    nav.items.sort(key=_nav_rank)
    nav.pages = [page for item in nav.items for page in _pages(item)]
    for i, page in enumerate(nav.pages):  # the footer's previous/next follow the new order
        page.previous_page = nav.pages[i - 1] if i > 0 else None
        page.next_page = nav.pages[i + 1] if i + 1 < len(nav.pages) else None
    return nav


FOLD = 10  # a navigation level longer than FOLD + 2 entries is folded into runs of FOLD


def _by_chapter(guideline: Guideline, clauses: list[Page]) -> list[Page | Section]:
    """The commentary pages grouped in a section per chapter, so that `navigation.prune` folds the others.

    A top-level section is never pruned; without chapters every page would carry every commentary
    link, and the site would grow with the square of the number of provisions. A long run of
    chapters is folded again into runs of ten ("1〜10"), so a page's navigation grows with the
    logarithm of the chapters. Removed provisions stay in the chapter they last stood in.
    """
    current = guideline.current
    groups: dict[str, list[Page]] = {}
    for page in clauses:
        pid = Path(page.file.src_uri).name.split(".")[0]
        editions = [current, *reversed(guideline.editions)]  # removed or only in a draft: where it last stood
        if guideline.original is not None:  # a draft's provision not translated yet: where the Japanese has it
            editions += reversed(guideline.original.editions)
        edition = next((e for e in editions if pid in e.provisions), None)
        chain = edition.ancestors(pid) if edition else []
        top = chain[0].id if chain else pid
        groups.setdefault(top if top in current.provisions else "", []).append(page)
    chapters: list[tuple[str, str, Page | Section]] = []  # (first and last chapter number, navigation item)
    removed: list[Page | Section] = []
    for top, members in groups.items():
        chapter = current.provisions.get(top)
        if chapter is None:
            removed.append(_section(render.label(guideline, "deleted_title"), members))
            continue
        number = chapter.number or chapter.heading
        if len(members) == 1 and Path(members[0].file.src_uri).name.split(".")[0] == top:
            chapters.append((number, number, members[0]))  # a chapter with no items, like 目的: its own page
        else:
            chapters.append((number, number, _section(f"{chapter.number} {chapter.heading}".strip(), members)))
    while len(chapters) > FOLD + 2:
        runs = [chapters[i : i + FOLD] for i in range(0, len(chapters), FOLD)]
        chapters = []
        for run in runs:
            first, last = run[0][0], run[-1][1]
            title = render.label(guideline, "chapter_range", first=first, last=last)
            chapters.append((first, last, _section(title, [item for _, _, item in run])))
    return [item for _, _, item in chapters] + removed


def _section(title: str, children: list[Page] | list[Page | Section]) -> Section:
    section = Section(title, list(children))
    for child in children:
        child.parent = section
    return section


def _provision_id(page: Page) -> str:
    return Path(page.file.src_uri).name.split(".")[0]


def _nav_rank(item: object) -> int:
    """A page ranks by its name, a section by the folder of its first page."""
    first = _pages(item)[:1]
    if not first:
        return len(pages.NAV_ORDER)
    src = first[0].file.src_uri
    name = src.split("/")[0] if "/" in src else src.split(".")[0]
    return pages.NAV_ORDER.index(name) if name in pages.NAV_ORDER else len(pages.NAV_ORDER)


def _pages(item: object) -> list[Page]:
    if isinstance(item, Page):
        return [item]
    if isinstance(item, Section):
        return [page for child in item.children for page in _pages(child)]
    return []


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    guideline = _guideline(config)
    source = Path(page.file.abs_src_path or "").resolve()
    generated = page.meta.get("render") in GENERATED  # no prose of its own: always in the build's language
    fallback = guideline.lang != DEFAULT_LANG and f".{guideline.lang}." not in source.name and not generated
    original_href = pages.between(page.url, page.url.removeprefix(f"{guideline.lang}/"))
    if fallback and guideline.original is not None:
        return _set_aside(page, _untranslated(guideline, DEFAULT_LANG, _render(markdown, page, guideline.original, "")))
    body = _set_aside(page, _render(markdown, page, guideline, original_href))
    if source in _stale:
        return render.notice(guideline, "stale_translation", original_href) + body
    return body


def _set_aside(page: Page, document: render.Document) -> str:
    """The page's Markdown; its HTML blocks wait for ``on_page_content`` (see ``render.Document``)."""
    if document.blocks:
        _documents[page.file.src_uri] = document
    return document.markdown


def _untranslated(guideline: Guideline, lang: str, document: render.Document) -> render.Document:
    """A page with no translation yet: the original, marked as such for screen readers and the browser."""
    notice = render.notice(guideline, "untranslated")
    return render.Document([notice, f'<div lang="{lang}" markdown="1">', "", *document.parts, "", "</div>"])


def _render(markdown: str, page: Page, guideline: Guideline, original_href: str) -> render.Document:
    src = page.file.src_uri
    kind = page.meta.get("render")
    if src.startswith(f"{pages.CLAUSES_DIR}/"):
        clause = Path(src).name.split(".")[0]
        page.meta["title"] = render.page_title(guideline, clause)
        return render.render_commentary(guideline, guideline.commentaries[clause])
    if kind == "text":
        return render.render_text(guideline, original_href)
    if kind == "editions":
        page.meta["title"] = render.label(guideline, "editions_title")
        return render.Document([render.render_editions_index(guideline)])
    if kind in ("edition", "compare"):
        edition = guideline.edition(str(page.meta.get("edition")))
        if kind == "edition":
            page.meta["title"] = f"{render.edition_name(guideline, edition)} {render.label(guideline, 'full_text')}"
            body = render.render_edition_page(guideline, edition)
        else:
            page.meta["title"] = f"{render.edition_name(guideline, edition)} {render.label(guideline, 'compare_title')}"
            against = page.meta.get("against")
            if against is not None:  # /editions/<n>/compare/<m>/: the later of the two after, the earlier before
                other = guideline.edition(str(against))
                page.meta["title"] += f" / {render.edition_name(guideline, other)}"
                edition, other = (
                    (other, edition)
                    if guideline.editions.index(other) > guideline.editions.index(edition)
                    else (edition, other)
                )
                body = compare_page.render_compare(guideline, edition, other)
            else:
                body = compare_page.render_compare(guideline, edition)
        if kind == "compare" or not edition.is_draft:
            # Searched elsewhere: the text in force on /text/, removed provisions on their tombstones. Indexed,
            # every edition would answer the same sentence again, and the index would grow with each edition.
            page.meta["search"] = {"exclude": True}
        return _untranslated(guideline, edition.lang, body) if edition.lang != guideline.lang else body
    if kind == "checklist":
        return render.render_checklist(guideline, markdown)
    if kind == "glossary":
        return render.render_glossary(guideline, markdown)
    if kind == "cases":
        # Every example here is searched on its own commentary page (#examples), where its reason is:
        # indexed again, the casebook would answer the same scene before the provision it explains.
        page.meta["search"] = {"exclude": True}
        return casebook.render_casebook(guideline, markdown)
    if kind == "postcheck":
        return postcheck.render_postcheck(guideline, markdown)
    if kind == "home":
        markdown = markdown.replace("<!-- latest-change -->", render.render_latest_change(guideline, src))
        markdown = markdown.replace("<!-- clause-index -->", render.render_clause_index(guideline, src))
        return render.Document([render.render_references(guideline, markdown, src)])
    # Other hand-written pages (相談先, the division's pages) may cite provisions by id too.
    return render.Document([render.render_references(guideline, markdown, src)])


@event_priority(40)  # after mkdocs-static-i18n (50) has pointed the language selector at this page
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
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
    document = _documents.pop(page.file.src_uri, None)
    if document is not None:
        try:
            html = document.fill(html)
        except ValueError:  # a fault of the build itself: its Python wording would tell a clerk nothing
            raise PluginError(str(msg("build.page_assembly", page=page.file.src_uri))) from None
    html = typography.join_japanese_lines(html)
    if page.meta.get("render") in ("glossary", "compare"):
        return html
    guideline = _guideline(config)
    return render.annotate_terms(html, guideline.glossary, pages.url_link(page.file.src_uri, pages.GLOSSARY))

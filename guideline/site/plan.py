"""Which pages the site has, for any generator: the one answer both adapters consume.

``plan`` lists the pages of one language of the site from ``docs/`` and the loaded guideline: for each,
the file it is read from, what kind of page it is, the title the build gives it, where it sits in the
navigation and whether the search indexes it (``documents.document`` gives the Markdown it becomes). The MkDocs hooks
(``hooks/guideline_pages.py``) and ``guideline render`` (plain Markdown for another generator) read this
list and decide none of it themselves.

Pages are real files in ``docs/``: commentary, hand-written pages, and stubs whose front matter says
``render: text`` and so on. A translation is ``<name>.<lang>.md`` beside its original; a page not yet
translated is shown in the original's language at the translated address, as mkdocs-static-i18n serves it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from guideline.checks import translation
from guideline.labels import label
from guideline.model.edition import Edition
from guideline.model.frontmatter import SAFE_LOADER
from guideline.model.guideline import Guideline
from guideline.model.paths import DEFAULT_LANG
from guideline.site import pages
from guideline.site.cite import edition_name, page_title

GENERATED = frozenset({"text", "editions", "edition", "compare"})  # stubs whose whole content the build writes
COMMENTARY = "commentary"  # the kind of a page in docs/clauses/
PROSE = ""  # the kind of a hand-written page (相談先, the division's pages)
FOLD = 10  # a navigation level longer than FOLD + 2 entries is folded into runs of FOLD

# The front matter as MkDocs reads it (mkdocs.utils.meta): the body starts after it, blank lines dropped.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


@dataclass(frozen=True)
class Page:
    """One page of the site in one language."""

    doc: str  # as pages.py names it, without a language suffix ("clauses/accuracy.md"): it gives the URL
    source: str  # the file under docs/ read for it ("clauses/accuracy.en.md"; the original's when untranslated)
    lang: str  # the language of the site it belongs to: its URL is under /<lang>/ unless the default
    kind: str  # the front matter's `render:`, COMMENTARY for docs/clauses/, PROSE for a hand-written page
    title: str | None  # the title the build gives it; None keeps the source's own (front matter, first heading)
    nav: tuple[str, ...] | None  # the sections above it in the navigation; None: reached only by links
    in_search: bool
    fallback: bool  # no translation yet: the original is shown, marked as such
    stale: bool  # a translation whose original changed since it was translated
    meta: dict[str, Any] = field(default_factory=dict, compare=False)  # the source's front matter

    @property
    def url(self) -> str:
        """The page's directory URL, as MkDocs and mkdocs-static-i18n give it (``en/clauses/accuracy/``)."""
        url = pages.url_of(self.doc)
        return url if self.lang == DEFAULT_LANG else f"{self.lang}/{url}"


def split_source(text: str) -> tuple[dict[str, Any], str]:
    """The front matter and the Markdown body of a page's source, as MkDocs separates them."""
    match = _FRONT_MATTER.match(text)
    if match:
        data = yaml.load(match.group(1), Loader=SAFE_LOADER)
        if isinstance(data, dict):
            return data, text[match.end() :].lstrip("\n")
    return {}, text


def read_source(docs: Path, source: str) -> tuple[dict[str, Any], str]:
    with open(docs / source, encoding="utf-8-sig") as file:  # as MkDocs reads it: BOM dropped, newlines \n
        return split_source(file.read())


def stale_sources(root: Path, statuses: Iterable[translation.Translation]) -> set[str]:
    """The stale translations among ``statuses`` (``translation.status``), as paths under docs/."""
    docs = (root / "docs").resolve()
    out = set()
    for item in statuses:
        path = item.translation.resolve()
        if item.state == "stale" and path.is_relative_to(docs):
            out.add(path.relative_to(docs).as_posix())
    return out


def _sources(docs: Path) -> Iterator[tuple[str, str]]:
    """Each Markdown file under ``docs/`` as (doc, language of the file), dot files left out as MkDocs does."""
    for path in sorted(docs.rglob("*.md")):
        relative = PurePosixPath(path.relative_to(docs).as_posix())
        if any(part.startswith(".") for part in relative.parts):
            continue
        stem, _, lang = relative.name.removesuffix(".md").rpartition(".")
        if stem and re.fullmatch(r"[a-z]{2,3}", lang):
            yield (relative.parent / f"{stem}.md").as_posix(), lang
        else:
            yield relative.as_posix(), DEFAULT_LANG


def plan(guideline: Guideline, lang: str, stale: Collection[str] = ()) -> list[Page]:
    """The pages of the site in ``lang``, in navigation order (pages out of the navigation last).

    ``guideline`` is the one loaded for ``lang`` (with its original for a translation); ``stale`` names
    the translations (paths under docs/) whose original changed, as ``stale_sources`` finds them.
    """
    docs = guideline.root / "docs"
    found: dict[str, set[str]] = {}
    for doc, file_lang in _sources(docs):
        found.setdefault(doc, set()).add(file_lang)
    shown = {edition.name for edition in guideline.editions}
    out: list[Page] = []
    for doc in sorted(found, key=_mkdocs_order):
        if not _shown(guideline, doc, shown):
            continue
        translated = lang != DEFAULT_LANG and lang in found[doc]
        if not translated and DEFAULT_LANG not in found[doc]:
            continue  # a page of another language only
        source = doc.removesuffix(".md") + f".{lang}.md" if translated else doc
        # A commentary page's front matter is the guideline's, already read: only the others' is read here.
        commentary = doc.startswith(f"{pages.CLAUSES_DIR}/")
        meta = {} if commentary else read_source(docs, source)[0]
        kind = COMMENTARY if commentary else str(meta.get("render") or PROSE)
        # A stub the build writes is always in the build's language; other untranslated pages show the original.
        fallback = guideline.lang != DEFAULT_LANG and not translated and kind not in GENERATED
        writer = guideline.original if fallback and guideline.original is not None else guideline
        title, in_search = _title(writer, doc, kind, meta)
        page = Page(doc, source, lang, kind, title, None, in_search, fallback, source in stale, meta)
        out.append(page)
    return _navigation(guideline, out)


def _shown(guideline: Guideline, doc: str, shown: set[str]) -> bool:
    """Whether a page is part of the site: not the commentary of a hidden provision, nor of a hidden edition."""
    parts = doc.split("/")
    if len(parts) == 2 and parts[0] == pages.CLAUSES_DIR:
        return parts[1].removesuffix(".md") not in guideline.hidden
    # editions/<n>/compare/<m>.md compares two editions: both must be shown.
    if parts[0] == pages.EDITIONS_DIR and len(parts) >= 3:
        return parts[1] in shown and (len(parts) != 4 or parts[3].removesuffix(".md") in shown)
    return True


def _mkdocs_order(doc: str) -> tuple[tuple[str, ...], bool, str]:
    """MkDocs's order of files (``file_sort_key``): the files of a folder before its subfolders, an index first."""
    parts = tuple(doc.split("/"))
    return parts[:-1], parts[-1] != "index.md", parts[-1]


def edition_of(guideline: Guideline, meta: dict[str, Any]) -> Edition:
    """The edition a stub's front matter names (``edition:``)."""
    return guideline.edition(str(meta.get("edition")))


def _title(guideline: Guideline, doc: str, kind: str, meta: dict[str, Any]) -> tuple[str | None, bool]:
    """The title the build gives a page (None: its own), and whether the search indexes it."""
    if kind == COMMENTARY:
        return page_title(guideline, PurePosixPath(doc).stem), True
    if kind == "editions":
        return label(guideline, "editions_title"), True
    if kind in ("edition", "compare"):
        edition = edition_of(guideline, meta)
        name = edition_name(guideline, edition)
        if kind == "edition":
            title = f"{name} {label(guideline, 'full_text')}"
        else:
            title = f"{name} {label(guideline, 'compare_title')}"
            if meta.get("against") is not None:
                title += f" / {edition_name(guideline, guideline.edition(str(meta['against'])))}"
        # Searched elsewhere: the text in force on /text/, removed provisions on their tombstones. Indexed,
        # every edition would answer the same sentence again, and the index would grow with each edition.
        return title, kind == "edition" and edition.is_draft
    # Every example of the casebook is searched on its own commentary page (#examples), where its reason
    # is: indexed again, the casebook would answer the same scene before the provision it explains.
    own = meta.get("title")
    return (str(own) if own is not None else None), kind != "cases"


def _navigation(guideline: Guideline, planned: list[Page]) -> list[Page]:
    """The pages with their place in the navigation, in its order: the reader's path first, reference last.

    The revision history has one entry; each edition's pages are reached from it. The commentary
    follows the current edition, grouped by chapter. Pages out of the navigation come last.
    """
    folders: dict[str, list[Page]] = {}
    entries: list[str | Page] = []  # a top-level page, or a folder where its first page stands
    for page in planned:
        if "/" not in page.doc:
            entries.append(page)
            continue
        top = page.doc.split("/")[0]
        if top not in folders:
            folders[top] = []
            entries.append(top)
        folders[top].append(page)
    ranked: list[tuple[int, list[tuple[Page, tuple[str, ...]]]]] = []
    for entry in entries:
        if isinstance(entry, str):
            ranked.append((_rank(entry), _folder(guideline, entry, folders[entry])))
        else:
            ranked.append((_rank(entry.doc.removesuffix(".md")), [(entry, ())]))
    ranked.sort(key=lambda item: item[0])  # stable: the same rank keeps MkDocs's order
    in_nav = [_placed(page, where) for _, listed in ranked for page, where in listed]
    docs = {page.doc for page in in_nav}
    return in_nav + [page for page in planned if page.doc not in docs]


def _placed(page: Page, where: tuple[str, ...]) -> Page:
    return replace(page, nav=where)


def _rank(name: str) -> int:
    return pages.NAV_ORDER.index(name) if name in pages.NAV_ORDER else len(pages.NAV_ORDER)


def _folder(guideline: Guideline, folder: str, members: list[Page]) -> list[tuple[Page, tuple[str, ...]]]:
    if folder == pages.EDITIONS_DIR:
        index = [page for page in members if page.doc == pages.EDITIONS]
        if index:
            return [(index[0], ())]
        return [(page, (_folder_title(folder),)) for page in members]
    if folder == pages.CLAUSES_DIR:
        return _by_chapter(guideline, members)
    title = label(guideline, "division_section") if folder == pages.DIVISION_DIR else _folder_title(folder)
    return [(page, (title,)) for page in members]


def _folder_title(folder: str) -> str:
    """MkDocs's title for a folder it makes a section of."""
    title = folder.replace("-", " ").replace("_", " ")
    return title.capitalize() if title.lower() == title else title


def _by_chapter(guideline: Guideline, clauses: list[Page]) -> list[tuple[Page, tuple[str, ...]]]:
    """The commentary pages in the order of the current edition, grouped in a section per chapter.

    Grouped, `navigation.prune` folds the other chapters: a top-level section is never pruned, so
    without chapters every page would carry every commentary link, and the site would grow with the
    square of the number of provisions. A long run of chapters is folded again into runs of ten
    ("1〜10"), so a page's navigation grows with the logarithm of the chapters. Removed provisions
    stay in the chapter they last stood in.
    """
    current = guideline.current
    order = {pid: i for i, pid in enumerate(current.provisions)}
    in_order = sorted(clauses, key=lambda page: order.get(PurePosixPath(page.doc).stem, len(order)))
    groups: dict[str, list[Page]] = {}
    for page in in_order:
        pid = PurePosixPath(page.doc).stem
        editions = [current, *reversed(guideline.editions)]  # removed or only in a draft: where it last stood
        if guideline.original is not None:  # a draft's provision not translated yet: where the Japanese has it
            editions += reversed(guideline.original.editions)
        edition = next((e for e in editions if pid in e.provisions), None)
        chain = edition.ancestors(pid) if edition else []
        top = chain[0].id if chain else pid
        groups.setdefault(top if top in current.provisions else "", []).append(page)
    # (first and last chapter number, the pages with their sections below the chapter level)
    chapters: list[tuple[str, str, list[tuple[Page, tuple[str, ...]]]]] = []
    removed: list[tuple[Page, tuple[str, ...]]] = []
    for top, members in groups.items():
        chapter = current.provisions.get(top)
        if chapter is None:
            removed += [(page, (label(guideline, "deleted_title"),)) for page in members]
            continue
        number = chapter.number or chapter.heading
        if len(members) == 1 and PurePosixPath(members[0].doc).stem == top:
            chapters.append((number, number, [(members[0], ())]))  # a chapter with no items, like 目的: its own page
        else:
            title = f"{chapter.number} {chapter.heading}".strip()
            chapters.append((number, number, [(page, (title,)) for page in members]))
    while len(chapters) > FOLD + 2:
        runs = [chapters[i : i + FOLD] for i in range(0, len(chapters), FOLD)]
        chapters = []
        for run in runs:
            first, last = run[0][0], run[-1][1]
            title = label(guideline, "chapter_range", first=first, last=last)
            chapters.append(
                (first, last, [(page, (title, *where)) for _, _, entries in run for page, where in entries])
            )
    section = label(guideline, "clauses_section")
    ordered = [entry for _, _, listed in chapters for entry in listed] + removed
    return [(page, (section, *where)) for page, where in ordered]

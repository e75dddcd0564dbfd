"""Where each page lives, as a Markdown source path relative to ``docs/``.

Every link the build writes goes through here, so a page's address is decided once.
"""

from __future__ import annotations

import posixpath

HOME = "index.md"
TEXT = "text.md"
CHECKLIST = "checklist.md"
CASES = "cases.md"
CONTACTS = "contacts.md"
GLOSSARY = "glossary.md"
CLAUSES_DIR = "clauses"
EDITIONS_DIR = "editions"
DIVISION_DIR = "division"
EDITIONS = f"{EDITIONS_DIR}/index.md"
# The order of the top-level navigation: the reader's path first, reference last.
NAV_ORDER = (
    "index",
    "text",
    CLAUSES_DIR,
    "checklist",
    "check",
    "cases",
    "contacts",
    "glossary",
    EDITIONS_DIR,
    DIVISION_DIR,
)


def clause(provision_id: str) -> str:
    return f"{CLAUSES_DIR}/{provision_id}.md"


def edition(name: str) -> str:
    return f"{EDITIONS_DIR}/{name}/index.md"


def comparison(name: str) -> str:
    return f"{EDITIONS_DIR}/{name}/compare.md"


def comparison_with(name: str, against: str) -> str:
    """The 新旧対照表 of edition ``name`` and edition ``against`` (the one in force)."""
    return f"{EDITIONS_DIR}/{name}/compare/{against}.md"


def url_of(doc: str) -> str:
    """The directory URL MkDocs gives a Markdown source (``use_directory_urls``)."""
    stem = doc.removesuffix(".md")
    if stem == "index":
        return ""
    return f"{stem.removesuffix('/index')}/"


def md_link(from_doc: str, to_doc: str, anchor: str | None = None) -> str:
    """A relative link to another Markdown source, which MkDocs checks and rewrites."""
    path = posixpath.relpath(to_doc, posixpath.dirname(from_doc) or ".")
    return f"{path}#{anchor}" if anchor else path


def url_link(from_doc: str, to_doc: str, anchor: str | None = None) -> str:
    """A relative URL for raw HTML attributes, which MkDocs does not rewrite."""
    base = url_of(from_doc) or "."
    target = url_of(to_doc) or "."
    path = posixpath.relpath(target, base)
    path = "./" if path == "." else f"{path}/"
    return f"{path}#{anchor}" if anchor else path


def between(from_url: str, to_url: str) -> str:
    """A relative link between two final directory URLs (``en/clauses/x/`` → ``clauses/x/``)."""
    path = posixpath.relpath(to_url or ".", from_url or ".")
    return "./" if path == "." else f"{path}/"

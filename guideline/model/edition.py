"""Editions: the official text as enacted, parsed into numbered provisions.

An edition file is Markdown with a small, strict grammar::

    ## 前文 {#preamble .unnumbered}      an unnumbered part (its paragraphs follow)
    ## <chapter title> {#id}              a chapter, numbered 1, 2, 3 … by position
    - <item text> {#id}                   an item of the chapter: (1), (2) …
        - <sub-item text> {#id}           a sub-item of the item: ①, ② …

Numbers are never typed: they are derived from the position, so inserting a
provision renumbers the rest while ids stay.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from guideline.messages import Items, Param, items, msg
from guideline.model.frontmatter import split
from guideline.problems import Problems

ID_PATTERN = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*"
_ID = re.compile(rf"^{ID_PATTERN}$")
_HEADING = re.compile(r"^##\s+(?P<title>.+?)\s*\{#(?P<id>[^\s}]+)(?P<unnumbered>\s+\.unnumbered)?\s*\}\s*$")
_ITEM = re.compile(r"^(?P<indent> *)-\s+(?P<text>.+?)\s*\{#(?P<id>[^\s}]+)\s*\}\s*$")
_CONTINUATION = re.compile(r"^ {2,}\S")
_INDENT = re.compile(r"^\s*")
SUBITEM_INDENT = " " * 4  # the one documented indent of a sub-item (README, docs/division/revising.md)

Kind = Literal["preamble", "chapter", "item", "subitem"]
STATUSES = ("draft", "published")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


@dataclass
class Provision:
    """A unit of the official text. ``id`` is its identity; ``number`` is display only."""

    id: str
    kind: Kind
    heading: str
    paragraphs: list[str]
    line: int
    parent: str | None = None
    children: list[str] = field(default_factory=list)
    number: str = ""
    label: str = ""

    @property
    def text(self) -> str:
        """The provision's own text, paragraphs separated by newlines."""
        return "\n".join(self.paragraphs)

    @property
    def numbered(self) -> bool:
        return self.kind != "preamble"


@dataclass(eq=False)  # an edition is itself, not its contents: hashable for caching comparisons
class Edition:
    """The official text of one edition in one language."""

    name: str
    lang: str
    path: str
    title: str
    status: str
    enacted: date | None
    effective: date | None
    provisions: dict[str, Provision]
    meta_lines: dict[str, int]
    successors: dict[str, list[str]] = field(default_factory=dict)  # removed id -> where its subject went
    reasons: list[str] = field(default_factory=list)  # 改正理由: what the revision changes and why, one line each
    # The names this edition gives, when it renames them: the site's short name and the account's
    # display name on the worked examples' post cards. The site uses those of the edition in force.
    site_name: str = ""
    account: str = ""

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def top_level(self) -> list[Provision]:
        return [p for p in self.provisions.values() if p.parent is None]

    def ancestors(self, provision_id: str) -> list[Provision]:
        """The provision's parents, outermost first."""
        chain: list[Provision] = []
        parent = self.provisions[provision_id].parent
        while parent is not None:
            chain.insert(0, self.provisions[parent])
            parent = self.provisions[parent].parent
        return chain


def edition_sort_key(name: str) -> tuple[int, str]:
    """Editions are ordered by their number when they have one, else by name."""
    match = re.match(r"\d+", name)
    return (int(match.group()) if match else 1_000_000, name)


def _parse_date(value: object, path: str, line: int, key: str, problems: Problems) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    problems.add(path, line, "edition.bad_date", key=key, value=str(value))
    return None


def _successors(value: object, path: str, line: int, problems: Problems) -> dict[str, list[str]]:
    """``successors: {old-id: [new-id, …]}``: where the subject of a removed provision went."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add(path, line, "edition.bad_successors")
        return {}
    out: dict[str, list[str]] = {}
    for old, new in value.items():
        out[str(old)] = [str(n) for n in new] if isinstance(new, list) else ([str(new)] if new else [])
    return out


def _reasons(value: object, path: str, line: int, problems: Problems) -> list[str]:
    """``reasons:`` (改正理由), a list of lines: each says what the revision changes and why."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        problems.add(path, line, "edition.bad_reasons")
        return []
    return [v.strip() for v in value]


def _name(meta: dict[str, object], key: str, path: str, lines: dict[str, int], problems: Problems) -> str:
    """``site_name:`` or ``account:``: one line of text, or absent (the names stay as they were)."""
    value = meta.get(key)
    if value is None:
        return ""
    if not isinstance(value, str) or not value.strip() or "\n" in value:
        problems.add(path, lines.get(key, 2), "edition.bad_name", key=key)
        return ""
    return value.strip()


def parse_edition(text: str, path: str, lang: str, problems: Problems) -> Edition:
    """Parse one edition file, adding every problem found to ``problems``."""
    doc = split(text, path, problems)
    meta = doc.meta
    name = str(meta.get("edition", Path(path).name.split(".")[0]))
    for key in ("edition", "title", "status"):
        if meta and key not in meta:
            problems.add(path, 2, "frontmatter.missing_key", key=key)
    status = str(meta.get("status", "draft"))
    if status not in STATUSES:
        problems.add(path, doc.key_lines.get("status", 2), "edition.bad_status", status=status, allowed=items(STATUSES))
    edition = Edition(
        name=name,
        lang=lang,
        path=path,
        title=str(meta.get("title", "")),
        status=status,
        enacted=_parse_date(meta.get("enacted"), path, doc.key_lines.get("enacted", 2), "enacted", problems),
        effective=_parse_date(meta.get("effective"), path, doc.key_lines.get("effective", 2), "effective", problems),
        provisions={},
        meta_lines=doc.key_lines,
        successors=_successors(meta.get("successors"), path, doc.key_lines.get("successors", 2), problems),
        reasons=_reasons(meta.get("reasons"), path, doc.key_lines.get("reasons", 2), problems),
        site_name=_name(meta, "site_name", path, doc.key_lines, problems),
        account=_name(meta, "account", path, doc.key_lines, problems),
    )
    _parse_body(edition, doc.body, doc.body_start, problems)
    _number(edition)
    return edition


def _parse_body(edition: Edition, body: list[str], start: int, problems: Problems) -> None:
    path = edition.path
    current: Provision | None = None  # the provision that continuation text belongs to
    chapter: Provision | None = None
    item: Provision | None = None

    def add(provision: Provision) -> bool:
        if not _ID.match(provision.id):
            problems.add(path, provision.line, "edition.bad_id", id=provision.id)
        if provision.id in edition.provisions:
            first = edition.provisions[provision.id].line
            problems.add(path, provision.line, "edition.duplicate_id", id=provision.id, first=first)
            return False
        edition.provisions[provision.id] = provision
        return True

    for offset, raw in enumerate(body):
        line = start + offset
        if not raw.strip():
            continue
        if not _indent_ok(raw, path, line, problems):
            continue
        heading = _HEADING.match(raw)
        item_match = _ITEM.match(raw)
        if heading:
            kind: Kind = "preamble" if heading.group("unnumbered") else "chapter"
            chapter = Provision(heading.group("id"), kind, heading.group("title"), [], line)
            item = None
            current = chapter if add(chapter) else None
        elif item_match:
            text = item_match.group("text")
            nested = item_match.group("indent") == SUBITEM_INDENT
            parent = item if nested else chapter
            if parent is None:
                problems.add(path, line, "edition.outside_item" if nested else "edition.outside_chapter")
                continue
            provision = Provision(item_match.group("id"), "subitem" if nested else "item", "", [text], line, parent.id)
            if add(provision):
                parent.children.append(provision.id)
                current = provision
                if not nested:
                    item = provision
        elif raw.lstrip().startswith(("-", "#")):
            problems.add(path, line, "edition.no_id")
        elif current is not None and (current.kind in ("chapter", "preamble") and not current.children):
            current.paragraphs.append(raw.strip())
        elif current is not None and _CONTINUATION.match(raw):
            current.paragraphs.append(raw.strip())
        else:
            problems.add(path, line, "edition.stray_text")


def _describe_indent(indent: str) -> Items:
    """The characters of an indent in words an editor can find them by: 全角空白 2 個、タブ 1 個."""
    names: dict[str, Param] = {
        " ": msg("indent.space"),
        "\u3000": msg("indent.ideographic_space"),
        "\t": msg("indent.tab"),
    }
    runs: list[tuple[str, int]] = []
    for char in indent:
        if runs and runs[-1][0] == char:
            runs[-1] = (char, runs[-1][1] + 1)
        else:
            runs.append((char, 1))
    return items(msg("indent.run", what=names.get(char, f"U+{ord(char):04X}"), count=count) for char, count in runs)


def _indent_ok(raw: str, path: str, line: int, problems: Problems) -> bool:
    """Indentation decides structure, so it is exact: an item at the margin, a sub-item four spaces in.

    Anything else (a full-width space, a tab, two or eight spaces) would silently make an item a sub-item
    or the reverse, and renumber every provision after it; it is an error that names the line.
    """
    indent = _INDENT.match(raw).group()  # type: ignore[union-attr]  # \s* always matches
    rest = raw[len(indent) :]
    if not indent:
        return True
    if rest.startswith("#"):
        problems.add(path, line, "edition.indented_heading", indent=_describe_indent(indent))
        return False
    if rest.startswith("-") and indent != SUBITEM_INDENT:
        problems.add(path, line, "edition.indented_item", indent=_describe_indent(indent), spaces=len(SUBITEM_INDENT))
        return False
    if indent.strip(" "):
        problems.add(path, line, "edition.indent_characters", indent=_describe_indent(indent))
        return False
    return True


def _number(edition: Edition) -> None:
    chapter_no = 0
    for top in edition.top_level():
        if top.kind == "preamble":
            top.number, top.label = "", "前文"
            continue
        chapter_no += 1
        top.number = top.label = str(chapter_no)
        for i, item_id in enumerate(top.children, start=1):
            item = edition.provisions[item_id]
            item.label = f"({i})"
            item.number = f"{top.number}{item.label}"
            for j, sub_id in enumerate(item.children, start=1):
                sub = edition.provisions[sub_id]
                sub.label = CIRCLED[j - 1] if j <= len(CIRCLED) else f"({j})"
                sub.number = f"{item.number}{sub.label}"

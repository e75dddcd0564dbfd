"""Checks of the loaded guideline as a whole: each only reports problems, with file and line."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from guideline import compare
from guideline.messages import items
from guideline.model import references
from guideline.model.paths import COMMENTARY_DIR, EDITION_PAGES_DIR, EDITIONS_DIR
from guideline.problems import Problems, display_path

if TYPE_CHECKING:
    from guideline.model.guideline import Guideline


def commentary_coverage(guideline: Guideline, problems: Problems) -> None:
    """Every provision ever published keeps a commentary page: removed ones become tombstones."""
    reported: set[str] = set()
    for edition in reversed(guideline.published):
        for provision in edition.provisions.values():
            pid = provision.id
            if pid in reported or not guideline.needs_commentary(provision) or pid in guideline.commentaries:
                continue
            reported.add(pid)
            if edition is guideline.current or edition in guideline.scheduled:
                problems.add(
                    edition.path,
                    provision.line,
                    "project.no_commentary",
                    number=provision.number,
                    id=pid,
                    path=f"{COMMENTARY_DIR}/{pid}.md",
                )
            else:
                problems.add(f"{COMMENTARY_DIR}/{pid}.md", 1, "project.tombstone_missing", id=pid, edition=edition.name)


# A provision's number as 改正理由 cite it: 3(4), 3(6)① (a bare chapter number cannot be told from other figures).
CITED_NUMBER = re.compile(r"\d+\(\d+\)[①-⑳]?")


def reasons(guideline: Guideline, problems: Problems) -> None:
    """A draft that changes the text says why (改正理由): it is printed with its 新旧対照表 for approval."""
    for draft in guideline.drafts:
        previous = guideline.previous(draft)
        if previous is None:
            continue
        if not draft.reasons:
            comparison = compare.compare(previous, draft)
            if comparison.changed_rows or comparison.title_changed:
                problems.add(draft.path, draft.meta_lines.get("status", 1), "project.no_reasons")
            continue
        numbers = {p.number for p in previous.provisions.values()} | {p.number for p in draft.provisions.values()}
        first = draft.meta_lines.get("reasons", 1) + 1  # one line per reason, below the key
        for i, reason in enumerate(draft.reasons):
            for cited in dict.fromkeys(CITED_NUMBER.findall(reason)):
                if cited not in numbers:
                    problems.add(
                        draft.path, first + i, "project.reason_number", cited=cited, old=previous.name, new=draft.name
                    )


def known_clauses(guideline: Guideline, problems: Problems) -> None:
    known = {pid for edition in guideline.editions for pid in edition.provisions} | guideline.hidden
    for clause, commentary in guideline.commentaries.items():
        if clause not in known:
            hint = references.did_you_mean(clause, known)
            problems.add(
                commentary.path,
                commentary.meta_lines.get("clause", 1),
                "project.unknown_clause",
                clause=clause,
                hint=hint,
                path=guideline.current.path,
            )
        names = guideline.known_editions
        if commentary.reviewed and commentary.reviewed not in names:
            problems.add(
                commentary.path,
                commentary.meta_lines.get("reviewed", 1),
                "project.unknown_reviewed",
                reviewed=commentary.reviewed,
                names=items(names),
            )


def edition_pages(guideline: Guideline, problems: Problems) -> None:
    """Each edition has its page, and each revision its 新旧対照表 page."""
    for edition in guideline.editions:
        wanted = ["index.md"] + (["compare.md"] if guideline.previous(edition) is not None else [])
        for name in wanted:
            stub = guideline.root / EDITION_PAGES_DIR / edition.name / name
            if not stub.exists():
                kind = "edition" if name == "index.md" else "compare"
                problems.add(
                    f"{EDITION_PAGES_DIR}/{edition.name}/{name}",
                    1,
                    "project.edition_page_missing",
                    edition=edition.name,
                    kind=kind,
                )
    known = {path.name.split(".")[0] for path in (guideline.root / EDITIONS_DIR).glob("*.md")}
    for stub in sorted((guideline.root / EDITION_PAGES_DIR).glob("*/compare/*.md")):
        if len(stub.name.split(".")) == 2 and not {stub.parent.parent.name, stub.stem} <= known:
            problems.add(
                display_path(stub, guideline.root),
                1,
                "project.compare_page_unknown",
                old=stub.parent.parent.name,
                new=stub.stem,
            )


def successors(guideline: Guideline, problems: Problems) -> None:
    for edition in guideline.editions:
        for old, new_ids in edition.successors.items():
            for new in new_ids:
                if new not in edition.provisions:
                    hint = references.did_you_mean(new, edition.provisions)
                    line = edition.meta_lines.get("successors", 1)
                    problems.add(edition.path, line, "project.successor_missing", new=new, old=old, hint=hint)


def page_references(guideline: Guideline, problems: Problems) -> None:
    """Hand-written pages (home, the division's pages) may cite provisions too; check those ids."""
    known = guideline.current.provisions
    docs = guideline.root / "docs"
    suffix = ".md" if guideline.original is None else f".{guideline.lang}.md"
    for path in sorted(docs.rglob(f"*{suffix}")):
        if path.parent.name == "clauses" or (guideline.original is None and len(path.name.split(".")) != 2):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            for ref in references.find(line):
                if ref.target not in known:
                    hint = references.did_you_mean(ref.target, known)
                    problems.add(
                        display_path(path, guideline.root),
                        number,
                        "project.unknown_reference",
                        target=ref.target,
                        hint=hint,
                    )


def cross_references(guideline: Guideline, problems: Problems) -> None:
    """Every cross-reference names a provision shown (施行予定 included), and an anchor it has."""
    index = guideline.index
    for commentary in guideline.commentaries.values():
        for line, ref in commentary.cross_references:
            if ref.target in index.tombstones or ref.target in guideline.hidden:
                continue  # a deleted provision leads to its 削除 page; a hidden draft's is left unlinked
            if ref.target not in index:
                known = guideline.current.provisions
                problems.add(
                    commentary.path,
                    line,
                    "project.unknown_reference",
                    target=ref.target,
                    hint=references.did_you_mean(ref.target, known),
                )
            elif ref.anchor and ref.anchor not in guideline.anchors(ref.target):
                hint = references.did_you_mean(ref.anchor, guideline.anchors(ref.target))
                problems.add(
                    commentary.path,
                    line,
                    "project.unknown_anchor",
                    target=ref.target,
                    anchor=ref.anchor,
                    hint=hint,
                )

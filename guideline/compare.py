"""Comparing editions: the 新旧対照表, each provision's history, tombstones and former numbers.

Provisions are matched by id, never by number, so a renumbered provision is the same
provision and an inserted one does not make the rest look changed. Text is compared
by character, because Japanese has no spaces between words.
"""

from __future__ import annotations

import difflib
import itertools
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from .edition import Edition, Provision

Kind = Literal["unchanged", "modified", "added", "deleted"]


@dataclass(frozen=True)
class Segment:
    """A run of text, marked when it is part of the change."""

    text: str
    changed: bool


@dataclass(frozen=True)
class Row:
    """One line of the 新旧対照表: a provision as it stands after and before the revision."""

    id: str
    kind: Kind
    new: Provision | None
    old: Provision | None
    new_segments: tuple[Segment, ...] = ()
    old_segments: tuple[Segment, ...] = ()

    @property
    def renumbered(self) -> bool:
        return self.new is not None and self.old is not None and self.new.number != self.old.number

    @property
    def changed(self) -> bool:
        return self.kind != "unchanged" or self.renumbered


@dataclass(frozen=True)
class Comparison:
    old: Edition
    new: Edition
    rows: tuple[Row, ...]
    by_id: dict[str, Row] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {row.id: row for row in self.rows})

    @property
    def changed_rows(self) -> list[Row]:
        return [row for row in self.rows if row.changed]


def wording(provision: Provision) -> str:
    """What a reader sees of a provision: its heading and its text."""
    return "\n".join(part for part in (provision.heading, provision.text) if part)


def char_diff(old: str, new: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Mark the characters that differ, on both sides."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    old_out: list[Segment] = []
    new_out: list[Segment] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i2 > i1:
            old_out.append(Segment(old[i1:i2], tag != "equal"))
        if j2 > j1:
            new_out.append(Segment(new[j1:j2], tag != "equal"))
    return tuple(_merge(old_out)), tuple(_merge(new_out))


def inline_diff(old: str, new: str) -> list[tuple[str, str]]:
    """One running text with deletions and insertions in place: ("equal" | "delete" | "insert", text)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    out: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(("equal", old[i1:i2]))
            continue
        if i2 > i1:
            out.append(("delete", old[i1:i2]))
        if j2 > j1:
            out.append(("insert", new[j1:j2]))
    return out


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if merged and merged[-1].changed == segment.changed:
            merged[-1] = Segment(merged[-1].text + segment.text, segment.changed)
        else:
            merged.append(segment)
    return merged


@lru_cache(maxsize=64)  # editions compare by identity; a history asks for the same pairs again and again
def compare(old: Edition, new: Edition) -> Comparison:
    """Every provision of both editions, in the new edition's order; deleted ones where they stood."""
    rows: list[Row] = []
    old_ids = list(old.provisions)
    position = {pid: i for i, pid in enumerate(old_ids)}
    cursor = 0  # old provisions before this index have been placed or passed

    def flush_deleted_before(index: int) -> None:
        # Deleted provisions go where they stood: before the first survivor that followed them.
        nonlocal cursor
        while cursor < index:
            pid = old_ids[cursor]
            cursor += 1
            if pid not in new.provisions:
                text = wording(old.provisions[pid])
                rows.append(Row(pid, "deleted", None, old.provisions[pid], (), (Segment(text, True),)))

    for pid, provision in new.provisions.items():
        before = old.provisions.get(pid)
        if before is None:
            rows.append(Row(pid, "added", provision, None, (Segment(wording(provision), True),), ()))
            continue
        flush_deleted_before(position[pid])
        old_text, new_text = wording(before), wording(provision)
        if old_text == new_text:
            same = (Segment(new_text, False),)
            rows.append(Row(pid, "unchanged", provision, before, same, same))
        else:
            segments_old, segments_new = char_diff(old_text, new_text)
            rows.append(Row(pid, "modified", provision, before, segments_new, segments_old))
    flush_deleted_before(len(old_ids))
    return Comparison(old, new, tuple(rows))


@dataclass(frozen=True)
class Change:
    """What happened to one provision in one edition."""

    edition: Edition
    previous: Edition | None
    row: Row


def history(editions: list[Edition], provision_id: str) -> list[Change]:
    """The editions in which a provision was added, changed, renumbered or removed, oldest first."""
    changes: list[Change] = []
    for previous, edition in zip([None, *editions[:-1]], editions, strict=True):
        if previous is None:
            if provision_id in edition.provisions:
                provision = edition.provisions[provision_id]
                row = Row(provision_id, "added", provision, None, (Segment(wording(provision), False),), ())
                changes.append(Change(edition, None, row))
            continue
        found = compare(previous, edition).by_id.get(provision_id)
        if found is not None and found.changed:
            changes.append(Change(edition, previous, found))
    return changes


@dataclass(frozen=True)
class Tombstone:
    """What remains of a removed provision: when it went, its last text, where its subject went."""

    id: str
    removed_in: Edition
    last: Provision
    last_edition: Edition
    successors: tuple[str, ...] = field(default=())


def tombstones(editions: list[Edition], current: Edition) -> dict[str, Tombstone]:
    """Provisions that stood in an earlier edition but not in ``current``."""
    out: dict[str, Tombstone] = {}
    upto = editions[: editions.index(current) + 1]
    for previous, edition in itertools.pairwise(upto):
        for pid, provision in previous.provisions.items():
            if pid not in edition.provisions and pid not in current.provisions and pid not in out:
                successors = tuple(edition.successors.get(pid, ()))
                out[pid] = Tombstone(pid, edition, provision, previous, successors)
    return out


def former_numbers(editions: list[Edition], current: Edition, provision_id: str) -> list[tuple[Edition, str]]:
    """Numbers the provision had in earlier editions that differ from its current number, newest first."""
    number = current.provisions[provision_id].number
    seen: list[tuple[Edition, str]] = []
    for edition in reversed(editions[: editions.index(current)]):
        old = edition.provisions.get(provision_id)
        if old is not None and old.number != number and all(n != old.number for _, n in seen):
            seen.append((edition, old.number))
    return seen

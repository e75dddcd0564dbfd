"""Comparing editions: the 新旧対照表, each provision's history, tombstones and former numbers.

Provisions are matched by id, never by number, so a renumbered provision is the same
provision and an inserted one does not make the rest look changed. A provision whose
number changed is a change too: pushed down (繰下げ) or up (繰上げ) by an insertion or
deletion before it, or moved (移動) to another place.

Wording is compared by character, because Japanese has no spaces between words, then
cleaned up semantically (diff-match-patch's ``diff_cleanupSemantic``): a short run that
happens to be equal inside a replaced word is folded into the change, so that
ネットワーク → インターネット is one mark, not 「[インター]ネット」 against 「ネット[ワーク]」.
A change inside a katakana or Latin word then grows to the whole word.

Longer than most modules: matching, moves, wording and histories are one algorithm that the
新旧対照表, the histories and the tombstones share, and reading it whole is how it is checked.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

from diff_match_patch import diff_match_patch

from guideline.model.edition import Edition, Provision

Kind = Literal["unchanged", "modified", "added", "deleted"]
# How a provision's number changed: not at all, pushed down (繰下げ), pushed up (繰上げ), moved (移動).
Move = Literal["", "down", "up", "moved"]


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
    # The wording, marked; empty for an unchanged wording (read it from the provision), which most rows have.
    new_segments: tuple[Segment, ...] = ()
    old_segments: tuple[Segment, ...] = ()
    move: Move = ""

    @property
    def renumbered(self) -> bool:
        return self.new is not None and self.old is not None and self.new.number != self.old.number

    @property
    def changed(self) -> bool:
        """Only a provision unchanged in both its text and its number (and place) may fold into (略)."""
        return self.kind != "unchanged" or self.move != ""  # a number changes only with its place


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

    @property
    def title_changed(self) -> bool:
        return self.old.title != self.new.title


def wording(provision: Provision) -> str:
    """What a reader sees of a provision: its heading and its text."""
    return "\n".join(part for part in (provision.heading, provision.text) if part)


_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0  # no time limit: a document someone signs must come out the same on every machine
_EQUAL, _DELETE, _INSERT = 0, -1, 1


def _word_class(char: str) -> str:
    """The kind of word a character belongs to, where words are runs of one script; '' for none."""
    if not char:
        return ""
    if "\u30a1" <= char <= "\u30fa" or char in "ーヽヾ":
        return "katakana"
    if (char.isascii() and char.isalnum()) or "\uff10" <= char <= "\uff5a":
        return "latin"
    return ""


def _operations(old: str, new: str) -> list[tuple[int, str]]:
    """Character diff, semantically cleaned up, with changes grown to whole katakana and Latin words.

    diff-match-patch's clean-up keeps an overlap such as the ネット shared by ネットワーク and
    インターネット as equal; inside one katakana or Latin word that is a fragment, not a word, so
    such an equality is folded into the change around it.
    """
    diffs = _DMP.diff_main(old, new, False)  # False: character by character, no line-mode speed-up
    _DMP.diff_cleanupSemantic(diffs)
    # Regroup as equal text and edits: equals[0], edits[0], equals[1], edits[1], …, equals[-1].
    equals: list[str] = [""]
    edits: list[tuple[str, str]] = []  # (deleted, inserted)
    for op, text in diffs:
        if op == _EQUAL:
            if len(equals) == len(edits):
                equals.append("")
            equals[-1] += text
        else:
            if len(edits) < len(equals):
                edits.append(("", ""))
            deleted, inserted = edits[-1]
            edits[-1] = (deleted + text, inserted) if op == _DELETE else (deleted, inserted + text)
    if len(equals) == len(edits):
        equals.append("")
    # Fold an equality that lies inside one word between two edits.
    index = 1
    while index < len(edits):
        (del1, ins1), middle, (del2, ins2) = edits[index - 1], equals[index], edits[index]
        kind = _word_class(middle[0]) if middle else ""
        if (
            kind
            and all(_word_class(char) == kind for char in middle)
            and kind in {_word_class(del1[-1:]), _word_class(ins1[-1:])}
            and kind in {_word_class(del2[:1]), _word_class(ins2[:1])}
        ):
            edits[index - 1 : index + 1] = [(del1 + middle + del2, ins1 + middle + ins2)]
            del equals[index]
        else:
            index += 1
    # Grow each edit over the rest of a word it starts or ends inside.
    for index, (deleted, inserted) in enumerate(edits):
        before, after = equals[index], equals[index + 1]
        first = {_word_class(deleted[:1]), _word_class(inserted[:1])} - {""}
        run = 0
        while run < len(before) and _word_class(before[-run - 1]) in first:
            run += 1
        if run:
            deleted, inserted, equals[index] = before[-run:] + deleted, before[-run:] + inserted, before[:-run]
        last = {_word_class(deleted[-1:]), _word_class(inserted[-1:])} - {""}
        run = 0
        while run < len(after) and _word_class(after[run]) in last:
            run += 1
        if run:
            deleted, inserted, equals[index + 1] = deleted + after[:run], inserted + after[:run], after[run:]
        edits[index] = (deleted, inserted)
    out: list[tuple[int, str]] = []
    for index, text in enumerate(equals):
        if text:
            out.append((_EQUAL, text))
        if index < len(edits):
            deleted, inserted = edits[index]
            if deleted:
                out.append((_DELETE, deleted))
            if inserted:
                out.append((_INSERT, inserted))
    return out


def char_diff(old: str, new: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Mark the words that differ, on both sides (see the module's docstring for what a word is)."""
    old_out: list[Segment] = []
    new_out: list[Segment] = []
    for op, text in _operations(old, new):
        if op != _INSERT:
            old_out.append(Segment(text, op == _DELETE))
        if op != _DELETE:
            new_out.append(Segment(text, op == _INSERT))
    return tuple(_merge(old_out)), tuple(_merge(new_out))


def inline_diff(old: str, new: str) -> list[tuple[str, str]]:
    """One running text with deletions and insertions in place: ("equal" | "delete" | "insert", text)."""
    names = {_EQUAL: "equal", _DELETE: "delete", _INSERT: "insert"}
    return [(names[op], text) for op, text in _operations(old, new)]


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for segment in segments:
        if merged and merged[-1].changed == segment.changed:
            merged[-1] = Segment(merged[-1].text + segment.text, segment.changed)
        else:
            merged.append(segment)
    return merged


def _positions(edition: Edition) -> dict[str, tuple[int, ...]]:
    """Each provision's place as a path of indexes (chapter, item, sub-item): what its number encodes."""
    out: dict[str, tuple[int, ...]] = {}
    for index, top in enumerate(edition.top_level()):
        out[top.id] = (index,)
    for provision in edition.provisions.values():  # parents come before their children
        for index, child in enumerate(provision.children):
            out[child] = (*out[provision.id], index)
    return out


def _out_of_order(ids: list[str], old_index: dict[str, int]) -> set[str]:
    """The fewest of ``ids`` (in their new order) that must have moved for the rest to keep their old order.

    The rest is a longest increasing subsequence of their old positions (patience sorting, n log n).
    """
    tails: list[int] = []  # tails[k]: old position ending the best run of length k + 1
    tail_at: list[int] = []  # index in ids of that tail
    before: list[int] = [-1] * len(ids)
    for i, pid in enumerate(ids):
        k = bisect.bisect_left(tails, old_index[pid])
        if k == len(tails):
            tails.append(old_index[pid])
            tail_at.append(i)
        else:
            tails[k], tail_at[k] = old_index[pid], i
        before[i] = tail_at[k - 1] if k > 0 else -1
    kept: set[str] = set()
    i = tail_at[-1] if tail_at else -1
    while i >= 0:
        kept.add(ids[i])
        i = before[i]
    return set(ids) - kept


def _moves(old: Edition, new: Edition) -> dict[str, Move]:
    """How the number of each provision in both editions changed, by its place in each; unchanged ones left out."""
    old_place, new_place = _positions(old), _positions(new)
    moved: set[str] = set()
    siblings: dict[str | None, list[str]] = {}
    for pid, provision in new.provisions.items():
        before = old.provisions.get(pid)
        if before is None:
            continue
        if before.parent != provision.parent:
            moved.add(pid)
        else:
            siblings.setdefault(provision.parent, []).append(pid)
    for ids in siblings.values():
        order = [old_place[pid][-1] for pid in ids]  # each one's index among its siblings before
        if any(a > b for a, b in itertools.pairwise(order)):  # rare: most revisions keep the order
            moved |= _out_of_order(ids, dict(zip(ids, order, strict=True)))
    out: dict[str, Move] = {}
    for pid, provision in new.provisions.items():  # parents first: a child moved with its parent moved too
        if pid in moved or (provision.parent is not None and out.get(provision.parent) == "moved"):
            out[pid] = "moved"
        elif pid in old_place and new_place[pid] != old_place[pid]:
            if provision.number != old.provisions[pid].number:
                out[pid] = "down" if new_place[pid] > old_place[pid] else "up"
    return out


def compare(old: Edition, new: Edition) -> Comparison:
    """Every provision of both editions, in the new edition's order; deleted ones where they stood."""
    rows: list[Row] = []
    old_ids = list(old.provisions)
    position = {pid: i for i, pid in enumerate(old_ids)}
    moves = _moves(old, new)
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
        move = moves.get(pid, "")
        if move != "moved":  # a moved provision's old place says nothing about where deletions stood
            flush_deleted_before(position[pid])
        if before.heading == provision.heading and before.paragraphs == provision.paragraphs:
            rows.append(Row(pid, "unchanged", provision, before, (), (), move))
        else:
            segments_old, segments_new = char_diff(wording(before), wording(provision))
            rows.append(Row(pid, "modified", provision, before, segments_new, segments_old, move))
    flush_deleted_before(len(old_ids))
    return Comparison(old, new, tuple(rows))


@dataclass(frozen=True)
class Summary:
    """What a revision does, counted: for a pull request's summary and the end of ``guideline diff``."""

    modified: list[Row]
    added: list[Row]
    deleted: list[Row]
    renumbered: list[Row]  # pushed down or up, wording aside
    moved: list[Row]


def summarize(comparison: Comparison) -> Summary:
    rows = comparison.changed_rows
    return Summary(
        modified=[r for r in rows if r.kind == "modified"],
        added=[r for r in rows if r.kind == "added"],
        deleted=[r for r in rows if r.kind == "deleted"],
        renumbered=[r for r in rows if r.move in ("down", "up")],
        moved=[r for r in rows if r.move == "moved"],
    )


@dataclass(frozen=True)
class Change:
    """What happened to one provision in one edition."""

    edition: Edition
    previous: Edition | None
    row: Row


def history(
    editions: list[Edition], provision_id: str, compared: Callable[[Edition, Edition], Comparison] = compare
) -> list[Change]:
    """The editions in which a provision was added, changed, renumbered or removed, oldest first.

    ``compared`` gives the comparison of two editions: the index passes its own, made once per pair per load.
    """
    changes: list[Change] = []
    for previous, edition in zip([None, *editions[:-1]], editions, strict=True):
        if previous is None:
            if provision_id in edition.provisions:
                provision = edition.provisions[provision_id]
                row = Row(provision_id, "added", provision, None, (Segment(wording(provision), False),), ())
                changes.append(Change(edition, None, row))
            continue
        found = compared(previous, edition).by_id.get(provision_id)
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

"""One index of every provision of every edition, drafts included, built once per load.

A provision's identity is its id; everything the site says about it (the text as it stands, its
versions and numbers edition by edition, its history, its tombstone, its former numbers, the
commentary that refers to it, and what the open draft does to it) is looked up here, so that the
renderers and the checks ask one place instead of comparing editions again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from guideline import compare
from guideline.model.edition import Edition, Provision

# in force; removed by an edition in force; only in an edition released but not yet in force (施行予定);
# only in a draft
State = Literal["current", "removed", "scheduled", "draft"]


@dataclass(frozen=True)
class Backlink:
    """A commentary page that refers to a provision."""

    source: str  # the referring provision's id
    anchor: str | None


@dataclass
class Entry:
    """Everything about one provision id across the editions."""

    id: str
    versions: list[tuple[Edition, Provision]] = field(default_factory=list)  # oldest edition first
    state: State = "current"
    tombstone: compare.Tombstone | None = None  # removed by a published edition
    draft_row: compare.Row | None = None  # what the open draft does to it, when it changes it
    draft_tombstone: compare.Tombstone | None = None  # the open draft removes it
    backlinks: list[Backlink] = field(default_factory=list)
    _history: list[compare.Change] | None = None
    _former: list[tuple[Edition, str]] | None = None

    def version(self, edition: Edition) -> Provision | None:
        return next((p for e, p in self.versions if e is edition), None)


class ProvisionIndex:
    """Every provision id of the editions shown, with what the site says about it.

    ``published`` are the editions in force or superseded in the guideline's own language (those that
    compare with each other), oldest first, ending with ``current``, the one in force on the build date;
    ``editions`` every edition shown, drafts included and untranslated ones in Japanese; ``draft`` the
    open draft in the guideline's own language, when drafts are shown; ``scheduled`` the editions
    released with a 施行日 still to come (施行予定), oldest first, which are neither current nor drafts;
    ``draft_base`` the edition the draft is compared with (the newest released, scheduled or not).
    """

    def __init__(
        self,
        published: list[Edition],
        editions: list[Edition],
        current: Edition,
        draft: Edition | None,
        scheduled: list[Edition] | None = None,
        draft_base: Edition | None = None,
    ):
        self.published = published
        self.current = current
        self.draft = draft
        self.scheduled = scheduled or []
        # Each pair of editions compared once per load (a history asks for the same pairs again and again)
        self._comparisons: dict[tuple[int, int], tuple[Edition, Edition, compare.Comparison]] = {}
        base = draft_base or current
        self.entries: dict[str, Entry] = {}
        for edition in editions:
            for pid, provision in edition.provisions.items():
                self.entries.setdefault(pid, Entry(pid)).versions.append((edition, provision))
        self.tombstones = compare.tombstones(published, published[-1]) if published else {}
        for pid, entry in self.entries.items():
            if pid in current.provisions:
                entry.state = "current"
            elif pid in self.tombstones:
                entry.state, entry.tombstone = "removed", self.tombstones[pid]
            elif any(pid in e.provisions for e in self.scheduled):
                entry.state = "scheduled"
            else:
                entry.state = "draft"
        self.draft_base = base
        self.draft_tombstones: dict[str, compare.Tombstone] = {}
        if draft is not None and draft.lang == base.lang:
            for row in self.compared(base, draft).rows:
                if row.changed:
                    self.entries[row.id].draft_row = row
                if row.kind == "deleted" and row.old is not None:
                    stone = compare.Tombstone(row.id, draft, row.old, base, tuple(draft.successors.get(row.id, ())))
                    self.draft_tombstones[row.id] = self.entries[row.id].draft_tombstone = stone

    def compared(self, old: Edition, new: Edition) -> compare.Comparison:
        """The comparison of two editions of this load, made once (editions are keyed by identity, and
        kept with their comparison so that an identity is never reused while it is a key)."""
        key = (id(old), id(new))
        if key not in self._comparisons:
            self._comparisons[key] = (old, new, compare.compare(old, new))
        return self._comparisons[key][2]

    def __contains__(self, provision_id: str) -> bool:
        return provision_id in self.entries

    def entry(self, provision_id: str) -> Entry:
        return self.entries[provision_id]

    def latest(self, provision_id: str) -> tuple[Edition, Provision]:
        """The provision as it stands now, as it last stood if removed, as the first edition to bring it
        into force has it (施行予定), or as the draft proposes it."""
        entry = self.entries[provision_id]
        if entry.state == "current":
            return self.current, self.current.provisions[provision_id]
        if entry.tombstone is not None:
            return entry.tombstone.last_edition, entry.tombstone.last
        if entry.state == "scheduled":
            edition = next(e for e in self.scheduled if provision_id in e.provisions)
            return edition, edition.provisions[provision_id]
        return entry.versions[-1]

    def history(self, provision_id: str) -> list[compare.Change]:
        """The published editions in which the provision changed, then the open draft's change, if any."""
        entry = self.entries[provision_id]
        if entry._history is None:
            entry._history = compare.history(self.published, provision_id, self.compared)
            if self.draft is not None and entry.draft_row is not None:
                entry._history.append(compare.Change(self.draft, self.draft_base, entry.draft_row))
        return entry._history

    def former_numbers(self, provision_id: str) -> list[tuple[Edition, str]]:
        """Numbers a provision in force had in earlier editions, newest first."""
        entry = self.entries[provision_id]
        if entry._former is None:
            published = self.published
            in_force = entry.state == "current" and published and provision_id in published[-1].provisions
            entry._former = compare.former_numbers(published, published[-1], provision_id) if in_force else []
        return entry._former

    def backlinks(self, provision_id: str) -> list[Backlink]:
        entry = self.entries.get(provision_id)
        return entry.backlinks if entry is not None else []

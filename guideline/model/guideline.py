"""The whole guideline, loaded: every edition, commentary page and glossary term, and what the site asks of them.

``Guideline`` is the aggregate that ``guideline.model.project.load`` returns once every source has
been read and checked: which edition is in force, which are 施行予定 or drafts, each provision's
title, history and former numbers (through its one ``index``), and what a later edition means for a
commentary page (``review``, 要確認).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from guideline import compare
from guideline.model import releases
from guideline.model.commentary import Commentary
from guideline.model.dates import today_in_japan
from guideline.model.edition import Edition, Provision
from guideline.model.glossary import Term
from guideline.model.index import Backlink, ProvisionIndex
from guideline.model.labelled import LabelledDraft
from guideline.model.paths import EDITION_PAGES_DIR
from guideline.model.signals import Lexicon
from guideline.model.situations import Situation

SHORT_TITLE = 20  # characters of official text used as a title when a provision has no commentary


@dataclass(frozen=True)
class Review:
    """要確認: an edition changes a provision in a way its commentary must be read against.

    ``reason`` is ``modified``, ``added``, ``deleted``, ``moved`` (to another place, not only a new
    number) or ``successor`` (the edition deletes ``taken_from`` and hands their subject to it).
    """

    edition: Edition
    reason: str
    row: compare.Row | None
    taken_from: tuple[str, ...] = ()


@dataclass(frozen=True)
class RemovedReference:
    """A cross-reference to a provision that ``edition`` deletes. The link still works: it leads to
    the provision while it is in force, then to its 削除 page, which names its successors. It is
    for review, not an error, so that a page never has to change before the deletion's 施行日."""

    path: str
    line: int
    target: str
    edition: Edition
    successors: tuple[str, ...]


@dataclass(eq=False)
class Guideline:
    root: Path
    lang: str
    editions: list[Edition]  # published editions, and drafts when they are shown, oldest first
    commentaries: dict[str, Commentary]
    glossary: list[Term]
    original: Guideline | None = None  # for a translation: the authoritative Japanese guideline
    # Every edition's name in order, drafts left out of the build included: `reviewed:` may name any.
    known_editions: list[str] = field(default_factory=list)
    # Provisions only in a draft that is not shown: the build leaves out their pages and links.
    hidden: set[str] = field(default_factory=set)
    situations: list[Situation] = field(default_factory=list)  # the casebook's tags, in declared order
    today: date = field(default_factory=today_in_japan)  # the build date: status comes from 施行日 and this
    releases: dict[str, releases.Entry] = field(default_factory=dict)  # the record of each published edition
    # 要確認: cross-references to a provision an edition deletes (in force, 施行予定 or the draft shown)
    removed_references: list[RemovedReference] = field(default_factory=list)
    lexicons: dict[str, Lexicon] = field(default_factory=dict)  # the 投稿案チェック's shared vocabularies
    labelled: dict[str, list[LabelledDraft]] = field(default_factory=dict)  # its labelled drafts, by file

    @cached_property  # built once per load; everything below asks it
    def index(self) -> ProvisionIndex:
        """In force means `current` by date: an edition released with a 施行日 still to come is in the
        index as scheduled, neither current nor a draft; a draft is compared with the newest release."""
        own_drafts = [e for e in self.drafts if e.lang == self.lang]
        draft = own_drafts[-1] if own_drafts else None
        base = self.previous(draft) if draft is not None else None
        return ProvisionIndex(self._comparable, self.editions, self.current, draft, self.scheduled, base)

    @property
    def current(self) -> Edition:
        """The text in force: the newest published edition whose 施行日 has come (unknown: long since).

        A draft is never current, nor an edition released with a 施行日 still to come (施行予定).
        """
        published = self.published
        in_force = [e for e in published if e.effective is None or e.effective <= self.today]
        return in_force[-1] if in_force else published[0]

    @property
    def scheduled(self) -> list[Edition]:
        """Published editions whose 施行日 is still to come, oldest first."""
        published = self.published
        return published[published.index(self.current) + 1 :]

    def status(self, edition: Edition) -> str:
        """改正案, 施行予定, 現行 or 旧版, as ``draft``, ``scheduled``, ``current`` or ``superseded``."""
        if edition.is_draft:
            return "draft"
        if edition is self.current:
            return "current"
        return "scheduled" if edition in self.scheduled else "superseded"

    @property
    def published(self) -> list[Edition]:
        return [e for e in self.editions if not e.is_draft]

    @property
    def drafts(self) -> list[Edition]:
        return [e for e in self.editions if e.is_draft]

    def edition(self, name: str) -> Edition:
        return next(e for e in self.editions if e.name == name)

    def previous(self, edition: Edition) -> Edition | None:
        """The edition a revision is compared against: for a draft, the current text."""
        if edition.is_draft:
            return self.published[-1]
        index = self.published.index(edition)
        return self.published[index - 1] if index > 0 else None

    def against_current(self, edition: Edition) -> Edition | None:
        """The edition in force, when ``edition`` has a page comparing it with it (``guideline release`` writes
        one for each earlier edition); none where that is already its or the current's own 新旧対照表."""
        current = self.current
        if edition is current or self.previous(edition) is current or self.previous(current) is edition:
            return None
        stub = self.root / EDITION_PAGES_DIR / edition.name / "compare" / f"{current.name}.md"
        return current if stub.exists() else None

    def comparison(self, edition: Edition) -> compare.Comparison | None:
        if edition.lang != self.lang and self.original is not None:  # untranslated: compare the originals
            return self.original.comparison(self.original.edition(edition.name))
        previous = self.previous(edition)
        if previous is not None and previous.lang != edition.lang:
            return None
        return self.index.compared(previous, edition) if previous is not None else None

    @property
    def _comparable(self) -> list[Edition]:
        """Published editions in force or superseded, in this guideline's own language; not those scheduled."""
        published = self.published
        return [e for e in published[: published.index(self.current) + 1] if e.lang == self.lang]

    @property
    def tombstones(self) -> dict[str, compare.Tombstone]:
        return self.index.tombstones

    def is_removed(self, provision_id: str) -> bool:
        """Removed by a published edition (a provision only in a draft is not removed)."""
        return provision_id in self.index.tombstones

    def is_draft_only(self, provision_id: str) -> bool:
        """Proposed by the draft shown, not yet in any published edition."""
        return provision_id in self.index and self.index.entry(provision_id).state == "draft"

    def is_not_yet_in_force(self, provision_id: str) -> bool:
        """Only in an edition released with a 施行日 to come (施行予定), or only in the draft shown."""
        return provision_id in self.index and self.index.entry(provision_id).state in ("scheduled", "draft")

    def provision(self, provision_id: str) -> Provision:
        """The provision as it stands now, as it last stood if it was removed, or as it will stand (施行予定, draft)."""
        return self.index.latest(provision_id)[1]

    def edition_of(self, provision_id: str) -> Edition:
        """The edition whose text ``provision`` returns."""
        return self.index.latest(provision_id)[0]

    @property
    def backlinks(self) -> dict[str, list[Backlink]]:
        return {pid: entry.backlinks for pid, entry in self.index.entries.items() if entry.backlinks}

    def has_commentary(self, provision_id: str) -> bool:
        """Whether the provision has a commentary page, translated or shown in Japanese."""
        if provision_id in self.commentaries:
            return True
        return self.original is not None and provision_id in self.original.commentaries

    def title(self, provision_id: str) -> str:
        """The editorial title of a provision, or its official heading when it has no commentary."""
        commentary = self.commentaries.get(provision_id)
        if commentary is not None and commentary.title:
            return commentary.title
        provision = self.provision(provision_id)
        if provision.heading:
            return provision.heading
        text = provision.text
        return text if len(text) <= SHORT_TITLE else f"{text[:SHORT_TITLE]}…"

    def needs_commentary(self, provision: Provision) -> bool:
        """Every numbered provision with text of its own is explained; bare chapter headings are not."""
        return provision.numbered and (provision.kind != "chapter" or bool(provision.paragraphs))

    def anchors(self, provision_id: str) -> set[str]:
        commentary = self.commentaries.get(provision_id)
        if commentary is None and self.original is not None:  # untranslated: the Japanese page is shown
            commentary = self.original.commentaries.get(provision_id)
        if commentary is None:
            return set()
        return {e.anchor for e in commentary.examples} | {f.anchor for f in commentary.faqs}

    def history(self, provision_id: str) -> list[compare.Change]:
        """The published editions in which the provision changed, then the draft's change when drafts are shown."""
        return self.index.history(provision_id)

    def former_numbers(self, provision_id: str) -> list[tuple[Edition, str]]:
        return self.index.former_numbers(provision_id)

    def change_in_current(self, provision_id: str) -> compare.Row | None:
        """What the edition in force did to the provision (新設, 改正, a new number), or None."""
        comparison = self.comparison(self.current)
        row = comparison.by_id.get(provision_id) if comparison is not None else None
        return row if row is not None and row.changed else None

    def review_due(self, provision_id: str) -> Edition | None:
        """The edition whose change to the provision its commentary has not been reviewed against."""
        due = self.review(provision_id)
        return due.edition if due is not None else None

    def review(self, provision_id: str) -> Review | None:
        """要確認: the first edition, later than the one the commentary names in ``reviewed:``, that
        rewords the provision, adds or deletes it, moves it to another place, or hands it the subject
        of a provision it deletes; with what it does. A provision already removed has a 削除 page,
        which nothing needs to review.
        """
        commentary = self.commentaries.get(provision_id)
        if commentary is None or self.is_removed(provision_id):
            return None
        # Ordered over every edition, hidden drafts included: 'reviewed: "2"' written during draft 2 is
        # later than edition 1 even in the build that leaves the draft out.
        names = self.known_editions or [e.name for e in self.editions]
        reviewed = names.index(commentary.reviewed) if commentary.reviewed in names else -1
        rows = [(c.edition, c.row) for c in self.history(provision_id)]
        for edition in self.scheduled:  # 施行予定: released, so reviewed before it comes into force
            comparison = self.comparison(edition) if edition.lang == self.lang else None
            row = comparison.by_id.get(provision_id) if comparison is not None else None
            if row is not None:
                rows.append((edition, row))
        found = [Review(edition, reason, row) for edition, row in rows if (reason := _review_reason(row))]
        for edition in self.editions:
            taken = [old for old, new in edition.successors.items() if provision_id in new]
            if taken and not any(r.edition is edition for r in found):
                found.append(Review(edition, "successor", None, tuple(taken)))
        later = [r for r in found if r.edition.name in names and names.index(r.edition.name) > reviewed]
        return min(later, key=lambda r: names.index(r.edition.name)) if later else None


def deletions_ahead(guideline: Guideline) -> dict[str, compare.Tombstone]:
    """Provisions in force today that an edition 施行予定, or the draft shown, deletes."""
    coming = [guideline.current, *guideline.scheduled]  # matched by id, so an untranslated edition counts too
    return {**guideline.index.draft_tombstones, **compare.tombstones(coming, coming[-1])}


def _review_reason(row: compare.Row) -> str | None:
    """Why an edition's change to a provision makes its commentary due for review (a new number alone does not)."""
    if row.kind != "unchanged":
        return row.kind  # modified, added or deleted
    return "moved" if row.move == "moved" else None

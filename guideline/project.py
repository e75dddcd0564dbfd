"""The whole guideline: every edition, commentary page and glossary term, validated together.

``load`` reads the sources from a project root, checks them all and either returns a
``Guideline`` or raises ``GuidelineError`` carrying every problem at once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from . import compare, freeze, references
from .commentary import Commentary, parse_commentary
from .dates import today_in_japan
from .edition import Edition, Provision, edition_sort_key, parse_edition
from .glossary import Term, parse_glossary
from .problems import GuidelineError, Problems, display_path

EDITIONS_DIR = "editions"
COMMENTARY_DIR = "docs/clauses"
GLOSSARY_DIR = "glossary"
EDITION_PAGES_DIR = "docs/editions"  # one stub per edition page; `guideline new-edition` writes them
DEFAULT_LANG = "ja"
SHORT_TITLE = 20  # characters of official text used as a title when a provision has no commentary


@dataclass(frozen=True)
class Backlink:
    """A commentary page that refers to a provision."""

    source: str  # the referring provision's id
    anchor: str | None


@dataclass(eq=False)
class Guideline:
    root: Path
    lang: str
    editions: list[Edition]  # published editions, and drafts when they are shown, oldest first
    commentaries: dict[str, Commentary]
    glossary: list[Term]
    backlinks: dict[str, list[Backlink]] = field(default_factory=dict)
    original: Guideline | None = None  # for a translation: the authoritative Japanese guideline
    today: date = field(default_factory=today_in_japan)  # the build date: status comes from 施行日 and this
    releases: dict[str, freeze.Entry] = field(default_factory=dict)  # the record of each published edition

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

    def comparison(self, edition: Edition) -> compare.Comparison | None:
        if edition.lang != self.lang and self.original is not None:  # untranslated: compare the originals
            return self.original.comparison(self.original.edition(edition.name))
        previous = self.previous(edition)
        if previous is not None and previous.lang != edition.lang:
            return None
        return compare.compare(previous, edition) if previous is not None else None

    @property
    def _comparable(self) -> list[Edition]:
        """Published editions in force or superseded, in this guideline's own language; not those scheduled."""
        published = self.published
        return [e for e in published[: published.index(self.current) + 1] if e.lang == self.lang]

    @cached_property  # the editions never change after load; every removed provision's page asks
    def tombstones(self) -> dict[str, compare.Tombstone]:
        editions = self._comparable
        return compare.tombstones(editions, editions[-1]) if editions else {}

    def is_removed(self, provision_id: str) -> bool:
        return provision_id not in self.current.provisions and provision_id in self.tombstones

    def provision(self, provision_id: str) -> Provision:
        """The provision as it stands now, or as it last stood if it was removed."""
        if provision_id in self.current.provisions:
            return self.current.provisions[provision_id]
        if provision_id in self.tombstones:
            return self.tombstones[provision_id].last
        return next(e.provisions[provision_id] for e in reversed(self.editions) if provision_id in e.provisions)

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

    def citation_label(self, provision_id: str) -> str:
        """How a provision is named in running text: 3(4)「正確に書き…」, or 3(4) “Write accurately…”."""
        provision = self.provision(provision_id)
        if not provision.numbered:
            return provision.heading
        number = provision.number
        if self.is_removed(provision_id):
            number = f"旧{number}" if self.lang == "ja" else f"former {number}"
        title = self.title(provision_id)
        return f"{number}「{title}」" if self.lang == "ja" else f"{number} “{title}”"

    def needs_commentary(self, provision: Provision) -> bool:
        """Every numbered provision with text of its own is explained; bare chapter headings are not."""
        return provision.numbered and (provision.kind != "chapter" or bool(provision.paragraphs))

    def anchors(self, provision_id: str) -> set[str]:
        commentary = self.commentaries.get(provision_id)
        if commentary is None:
            return set()
        return {e.anchor for e in commentary.examples} | {f.anchor for f in commentary.faqs}

    def history(self, provision_id: str) -> list[compare.Change]:
        """The published editions up to the current one in which the provision changed."""
        return compare.history(self._comparable, provision_id)

    def former_numbers(self, provision_id: str) -> list[tuple[Edition, str]]:
        editions = self._comparable
        if self.is_removed(provision_id) or not editions or provision_id not in editions[-1].provisions:
            return []
        return compare.former_numbers(editions, editions[-1], provision_id)

    def changed_in_current(self, provision_id: str) -> bool:
        comparison = self.comparison(self.current)
        if comparison is None:
            return False
        row = comparison.by_id.get(provision_id)
        return row is not None and row.kind != "unchanged"

    def review_due(self, provision_id: str) -> Edition | None:
        """The edition whose change to the provision's wording its commentary has not been reviewed against."""
        commentary = self.commentaries.get(provision_id)
        if commentary is None or self.is_removed(provision_id):
            return None
        names = [e.name for e in self._comparable]
        reviewed = names.index(commentary.reviewed) if commentary.reviewed in names else -1
        for change in self.history(provision_id):
            if names.index(change.edition.name) > reviewed and change.row.kind != "unchanged":
                return change.edition
        return None


def _language_of(path: Path) -> tuple[str, str]:
    """Split ``name.lang.md`` into (name, lang); ``name.md`` is the default language."""
    parts = path.name.split(".")
    if len(parts) >= 3:
        return parts[0], parts[1]
    return parts[0], DEFAULT_LANG


def languages(root: Path) -> list[str]:
    """The languages that have an edition, the default first."""
    found = {_language_of(path)[1] for path in (root / EDITIONS_DIR).glob("*.md")}
    return sorted(found, key=lambda lang: (lang != DEFAULT_LANG, lang))


def load(
    root: Path,
    lang: str = DEFAULT_LANG,
    drafts: bool = True,
    original: Guideline | None = None,
    today: date | None = None,
) -> Guideline:
    """Read and validate every source of the guideline in ``lang``; drafts are left out unless asked for.

    ``today`` is the build date that status is computed on (default: today in Japan).

    A translation is loaded with its Japanese original: ``original`` when the caller has just loaded
    it (with the same ``drafts``), else read again.
    """
    if lang == DEFAULT_LANG:
        original = None
    elif original is None:
        original = load(root, DEFAULT_LANG, drafts, today=today)
    if original is not None:
        if not any(_language_of(p)[1] == lang for p in (root / EDITIONS_DIR).glob("*.md")):
            return original  # nothing translated yet: the site shows the authoritative Japanese
    problems = Problems()
    every_edition = _load_editions(root, lang, problems)
    if original is not None:
        # An edition not yet translated is shown in the authoritative Japanese.
        translated = {e.name for e in every_edition}
        every_edition += [e for e in original.editions if e.name not in translated]
        every_edition.sort(key=lambda e: edition_sort_key(e.name))
    editions = [e for e in every_edition if drafts or not e.is_draft]
    commentaries = _load_commentaries(root, lang, problems)
    glossary_path = root / GLOSSARY_DIR / f"terms.{lang}.yml"
    glossary: list[Term] = []
    if glossary_path.exists():
        glossary = parse_glossary(
            glossary_path.read_text(encoding="utf-8"), display_path(glossary_path, root), problems
        )
    if not [e for e in editions if not e.is_draft]:
        problems.add(f"{EDITIONS_DIR}/", 1, f"no published edition in language '{lang}'; add editions/1.{lang}.md")
        if original is None:  # say why, if a published edition was set back to draft
            freeze.verify(root, every_edition, problems)
        raise GuidelineError(problems)
    guideline = Guideline(root, lang, editions, commentaries, glossary, original=original)
    guideline.today = today or (original.today if original is not None else today_in_japan())
    _check_successors(guideline, problems)
    if original is None:
        guideline.releases = freeze.verify(root, every_edition, problems)
        _check_commentary_coverage(guideline, problems)
    else:
        guideline.releases = original.releases
        _check_same_provisions(guideline, original, problems)
    _check_known_clauses(guideline, problems)
    _check_edition_pages(guideline, problems)
    guideline.backlinks = _check_references(guideline, problems)
    _check_page_references(guideline, problems)
    if problems:
        raise GuidelineError(problems)
    return guideline


def _sources(root: Path, folder: str, lang: str) -> Iterator[tuple[str, str, str]]:
    """(name, path as shown to editors, text) of each Markdown source in ``folder`` written in ``lang``."""
    for path in sorted((root / folder).glob("*.md")):
        name, file_lang = _language_of(path)
        if file_lang == lang:
            yield name, display_path(path, root), path.read_text(encoding="utf-8")


def _load_editions(root: Path, lang: str, problems: Problems) -> list[Edition]:
    editions: list[Edition] = []
    for name, shown, text in _sources(root, EDITIONS_DIR, lang):
        edition = parse_edition(text, shown, lang, problems)
        if edition.name != name:
            problems.add(
                shown,
                edition.meta_lines.get("edition", 2),
                f"edition {edition.name!r} does not match its file name; name the file {edition.name}.{lang}.md",
            )
        editions.append(edition)
    editions.sort(key=lambda e: edition_sort_key(e.name))
    published = [e for e in editions if not e.is_draft]
    for draft in (e for e in editions if e.is_draft):
        if published and edition_sort_key(draft.name) < edition_sort_key(published[-1].name):
            problems.add(draft.path, 1, f"draft {draft.name} is older than published edition {published[-1].name}")
    return editions


def _load_commentaries(root: Path, lang: str, problems: Problems) -> dict[str, Commentary]:
    commentaries: dict[str, Commentary] = {}
    for name, shown, text in _sources(root, COMMENTARY_DIR, lang):
        commentary = parse_commentary(text, shown, problems, lang)
        if commentary.clause and commentary.clause != name:
            problems.add(
                shown,
                commentary.meta_lines.get("clause", 2),
                f"'clause: {commentary.clause}' does not match the file name; rename the file or the clause",
            )
        commentaries[name] = commentary
    return commentaries


def _check_commentary_coverage(guideline: Guideline, problems: Problems) -> None:
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
                    f"provision {provision.number} '{pid}' has no commentary; "
                    f"create {COMMENTARY_DIR}/{pid}.md with sections 趣旨, 事例, よくある質問, 関連条項",
                )
            else:
                problems.add(
                    f"{COMMENTARY_DIR}/{pid}.md",
                    1,
                    f"provision '{pid}' of edition {edition.name} had a published page; restore this file from "
                    "version control (a removed provision keeps its page as a tombstone)",
                )


def _check_known_clauses(guideline: Guideline, problems: Problems) -> None:
    known = {pid for edition in guideline.editions for pid in edition.provisions}
    for clause, commentary in guideline.commentaries.items():
        if clause not in known:
            hint = references.did_you_mean(clause, known)
            problems.add(
                commentary.path,
                commentary.meta_lines.get("clause", 1),
                f"commentary for unknown provision '{clause}'{hint} Use an id from {guideline.current.path}",
            )
        names = [e.name for e in guideline.editions]
        if commentary.reviewed and commentary.reviewed not in names:
            problems.add(
                commentary.path,
                commentary.meta_lines.get("reviewed", 1),
                f"'reviewed: {commentary.reviewed}' names no edition; use one of: {', '.join(names)}",
            )


def _check_edition_pages(guideline: Guideline, problems: Problems) -> None:
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
                    f"edition {edition.name} has no page; create it with the lines: "
                    f'---, render: {kind}, edition: "{edition.name}", ---',
                )


def _check_successors(guideline: Guideline, problems: Problems) -> None:
    for edition in guideline.editions:
        for old, new_ids in edition.successors.items():
            for new in new_ids:
                if new not in edition.provisions:
                    hint = references.did_you_mean(new, edition.provisions)
                    line = edition.meta_lines.get("successors", 1)
                    problems.add(edition.path, line, f"successor '{new}' of '{old}' is not in this edition{hint}")


def _check_same_provisions(translation: Guideline, original: Guideline, problems: Problems) -> None:
    """A translated edition has exactly the provisions of the Japanese edition of the same name."""
    japanese = {edition.name: edition for edition in original.editions}
    for edition in translation.editions:
        if edition.lang != translation.lang:
            continue  # untranslated: it is the original itself
        source = japanese.get(edition.name)
        if source is None:
            problems.add(
                edition.path, 1, f"edition {edition.name!r} has no Japanese original; add editions/{edition.name}.ja.md"
            )
            continue
        for provision in edition.provisions.values():
            if provision.id not in source.provisions:
                hint = references.did_you_mean(provision.id, source.provisions)
                problems.add(edition.path, provision.line, f"provision '{provision.id}' is not in {source.path}{hint}")
        for provision in source.provisions.values():
            if provision.id not in edition.provisions:
                problems.add(
                    edition.path,
                    1,
                    f"provision '{provision.id}' of {source.path}:{provision.line} is missing; translate it with the same id",
                )


def _check_page_references(guideline: Guideline, problems: Problems) -> None:
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
                        f"unknown cross-reference 'clause:{ref.target}'{hint}",
                    )


def _check_references(guideline: Guideline, problems: Problems) -> dict[str, list[Backlink]]:
    known = {pid: None for e in [guideline.current, *guideline.scheduled] for pid in e.provisions}
    removed = guideline.tombstones
    backlinks: dict[str, list[Backlink]] = defaultdict(list)
    for clause, commentary in guideline.commentaries.items():
        for line, text in commentary.prose():
            for ref in references.find(text):
                if ref.target in removed:
                    went = removed[ref.target].successors
                    hint = f"; refer to {', '.join(repr(s) for s in went)} instead" if went else ""
                    edition = removed[ref.target].removed_in.name
                    problems.add(commentary.path, line, f"'clause:{ref.target}' was removed in edition {edition}{hint}")
                    continue
                if ref.target not in known:
                    problems.add(
                        commentary.path,
                        line,
                        f"unknown cross-reference 'clause:{ref.target}'{references.did_you_mean(ref.target, known)}",
                    )
                    continue
                if ref.anchor and ref.anchor not in guideline.anchors(ref.target):
                    hint = references.did_you_mean(ref.anchor, guideline.anchors(ref.target))
                    problems.add(
                        commentary.path,
                        line,
                        f"'clause:{ref.target}#{ref.anchor}' names no example or FAQ on that page{hint}",
                    )
                    continue
                if ref.target != clause and clause not in removed:
                    link = Backlink(clause, None)
                    if link not in backlinks[ref.target]:
                        backlinks[ref.target].append(link)
    return dict(backlinks)

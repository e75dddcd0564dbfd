"""Reading a project: every edition, commentary page and glossary term from its files, validated together.

``load`` reads the sources from a project root, checks them all and either returns a
``Guideline`` or raises ``GuidelineError`` carrying every problem at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

from guideline.checks import freeze, markup, sources, translated
from guideline.model.commentary import Commentary, parse_commentary
from guideline.model.dates import today_in_japan
from guideline.model.edition import Edition, edition_sort_key, parse_edition
from guideline.model.frontmatter import source_lines
from guideline.model.glossary import Term, parse_glossary
from guideline.model.guideline import Guideline, RemovedReference, deletions_ahead
from guideline.model.index import Backlink
from guideline.model.labelled import check_ids, load_labelled
from guideline.model.paths import COMMENTARY_DIR, DEFAULT_LANG, EDITIONS_DIR, GLOSSARY_DIR
from guideline.model.signals import check_references, load_lexicons
from guideline.model.situations import check_tags, load_situations
from guideline.model.vocabulary import check_shared_keywords
from guideline.problems import GuidelineError, Problems, display_path


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
    as_released: bool = False,
    today: date | None = None,
) -> Guideline:
    """Read and validate every source of the guideline in ``lang``; drafts are left out unless asked for.

    ``today`` is the build date that status is computed on (default: today in Japan).

    A translation is loaded with its Japanese original: ``original`` when the caller has just loaded
    it (with the same ``drafts``), else read again. ``as_released`` reads each draft as if it had just
    been released, so that every check `guideline release` would make applies to it now.
    """
    if lang == DEFAULT_LANG:
        original = None
    problems = Problems()
    if lang != DEFAULT_LANG and original is None:
        try:
            original = load(root, DEFAULT_LANG, drafts, as_released=as_released, today=today)
        except GuidelineError as error:
            problems.extend(error.problems)  # reported with the translation's own, in the same run
            if as_released:  # a draft not yet releasable: check the translation against the draft as it reads
                original = _loads(root, drafts, today)
            if original is None:  # the translation's own files can still be read
                _load_editions(root, lang, problems)
                _load_commentaries(root, lang, problems)
                raise GuidelineError(problems) from None
    if original is not None:
        if not any(_language_of(p)[1] == lang for p in (root / EDITIONS_DIR).glob("*.md")):
            if problems:
                raise GuidelineError(problems)
            return original  # nothing translated yet: the site shows the authoritative Japanese
    every_edition = _load_editions(root, lang, problems)
    releasing = [e for e in every_edition if e.is_draft] if as_released else []
    for edition in releasing:
        edition.status = "published"
    if original is not None:
        # An edition not yet translated is shown in the authoritative Japanese.
        translated_names = {e.name for e in every_edition}
        every_edition += [e for e in original.editions if e.name not in translated_names]
        every_edition.sort(key=lambda e: edition_sort_key(e.name))
    editions = [e for e in every_edition if drafts or not e.is_draft]
    shown = {pid for e in editions for pid in e.provisions}
    hidden = {pid for e in every_edition for pid in e.provisions if pid not in shown}
    if original is not None:
        hidden |= original.hidden - shown
    commentaries = _load_commentaries(root, lang, problems)
    check_shared_keywords(commentaries.values(), problems)
    glossary_path = root / GLOSSARY_DIR / f"terms.{lang}.yml"
    glossary: list[Term] = []
    if glossary_path.exists():
        glossary = parse_glossary(
            glossary_path.read_text(encoding="utf-8"), display_path(glossary_path, root), problems
        )
    if not [e for e in editions if not e.is_draft]:
        problems.add(f"{EDITIONS_DIR}/", 1, "project.no_published", lang=lang)
        if original is None:  # say why, if a published edition was set back to draft
            freeze.verify(root, every_edition, problems)
        raise GuidelineError(problems)
    known_editions = [e.name for e in every_edition]
    if original is not None:
        known_editions = sorted({*known_editions, *original.known_editions}, key=edition_sort_key)
    situations = load_situations(root, problems)
    check_tags(commentaries.values(), situations, lang, problems)
    lexicons = load_lexicons(root, problems) if original is None else original.lexicons
    labelled = load_labelled(root, problems) if original is None else original.labelled
    if original is None:
        check_ids(labelled, {pid for e in every_edition for pid in e.provisions}, problems)
    check_references(((c.path, c.signals) for c in commentaries.values()), lexicons, problems)
    today = today or (original.today if original is not None else today_in_japan())
    guideline = Guideline(
        root,
        lang,
        editions,
        commentaries,
        glossary,
        original,
        known_editions,
        hidden,
        situations,
        today,
        lexicons=lexicons,
        labelled=labelled,
    )
    sources.successors(guideline, problems)
    if original is None:
        guideline.releases = freeze.verify(root, [e for e in every_edition if e not in releasing], problems)
        sources.commentary_coverage(guideline, problems)
        sources.reasons(guideline, problems)
    else:
        guideline.releases = original.releases
        translated.same_provisions(guideline, original, problems)
    sources.known_clauses(guideline, problems)
    # A draft's own commentary is not part of the site without the draft: no page, no link, no check
    # (`guideline check` reads it with the draft).
    hidden_paths = {c.path for k, c in commentaries.items() if k in hidden}
    problems.items = [p for p in problems.items if p.location.path not in hidden_paths]
    guideline.commentaries = {k: v for k, v in commentaries.items() if k not in hidden}
    sources.edition_pages(guideline, problems)
    sources.cross_references(guideline, problems)
    sources.page_references(guideline, problems)
    if not problems:
        _link_references(guideline)
    if problems:
        raise GuidelineError(problems)
    return guideline


def _loads(root: Path, drafts: bool, today: date | None) -> Guideline | None:
    """The Japanese original with its drafts as drafts, or None when even that has problems."""
    try:
        return load(root, DEFAULT_LANG, drafts, today=today)
    except GuidelineError:
        return None


def _sources(root: Path, folder: str, lang: str) -> Iterator[tuple[str, str, str]]:
    """(name, path as shown to editors, text) of each Markdown source in ``folder`` written in ``lang``."""
    for path in sorted((root / folder).glob("*.md")):
        name, file_lang = _language_of(path)
        if file_lang == lang:
            yield name, display_path(path, root), path.read_text(encoding="utf-8")


def _load_editions(root: Path, lang: str, problems: Problems) -> list[Edition]:
    editions: list[Edition] = []
    for name, shown, text in _sources(root, EDITIONS_DIR, lang):
        markup.check(source_lines(text), 1, shown, problems)
        edition = parse_edition(text, shown, lang, problems)
        if edition.name != name:
            problems.add(
                shown,
                edition.meta_lines.get("edition", 2),
                "project.edition_name_mismatch",
                name=edition.name,
                lang=lang,
            )
        editions.append(edition)
    editions.sort(key=lambda e: edition_sort_key(e.name))
    published = [e for e in editions if not e.is_draft]
    for draft in (e for e in editions if e.is_draft):
        if published and edition_sort_key(draft.name) < edition_sort_key(published[-1].name):
            problems.add(draft.path, 1, "project.draft_older", draft=draft.name, published=published[-1].name)
    return editions


def _load_commentaries(root: Path, lang: str, problems: Problems) -> dict[str, Commentary]:
    commentaries: dict[str, Commentary] = {}
    for name, shown, text in _sources(root, COMMENTARY_DIR, lang):
        markup.check(source_lines(text), 1, shown, problems)
        commentary = parse_commentary(text, shown, problems, lang)
        if commentary.clause and commentary.clause != name:
            problems.add(
                shown, commentary.meta_lines.get("clause", 2), "project.clause_name_mismatch", clause=commentary.clause
            )
        commentaries[name] = commentary
    return commentaries


def _link_references(guideline: Guideline) -> None:
    """Record each cross-reference: as a backlink of the provision it cites, and as 要確認 when an
    edition deletes that provision (in force, 施行予定 or the draft shown)."""
    index = guideline.index
    removed = index.tombstones
    ahead = deletions_ahead(guideline)
    for clause, commentary in guideline.commentaries.items():
        for line, ref in commentary.cross_references:
            if ref.target == clause:
                continue
            gone = removed.get(ref.target) or ahead.get(ref.target)
            if gone is not None:
                guideline.removed_references.append(
                    RemovedReference(commentary.path, line, ref.target, gone.removed_in, gone.successors)
                )
            if ref.target in removed or ref.target not in index or clause in removed:
                continue
            backlinks = index.entry(ref.target).backlinks
            if Backlink(clause, None) not in backlinks:
                backlinks.append(Backlink(clause, None))

"""Checks of a translation against its Japanese original: the same provisions, translated oldest first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from guideline.model import references
from guideline.model.edition import edition_sort_key
from guideline.model.paths import EDITIONS_DIR
from guideline.problems import Problems

if TYPE_CHECKING:
    from guideline.model.guideline import Guideline


def same_provisions(translation: Guideline, original: Guideline, problems: Problems) -> None:
    """A translated edition has exactly the provisions of the Japanese edition of the same name.

    A draft's translation may trail while the clerk writes the Japanese: the preview still builds
    (the English pages show what is translated); `guideline check` and `release` hold it to this.
    """
    japanese = {edition.name: edition for edition in original.editions}
    translated_in_order(translation, problems)
    for edition in translation.editions:
        if edition.lang != translation.lang or edition.is_draft:
            continue  # untranslated: it is the original itself; a draft: checked as released
        source = japanese.get(edition.name)
        if source is None:
            problems.add(edition.path, 1, "project.no_japanese_original", name=edition.name)
            continue
        for provision in edition.provisions.values():
            if provision.id not in source.provisions:
                hint = references.did_you_mean(provision.id, source.provisions)
                problems.add(
                    edition.path,
                    provision.line,
                    "project.not_in_original",
                    id=provision.id,
                    path=source.path,
                    hint=hint,
                )
        for provision in source.provisions.values():
            if provision.id not in edition.provisions:
                problems.add(
                    edition.path,
                    1,
                    "project.untranslated_provision",
                    id=provision.id,
                    path=source.path,
                    line=provision.line,
                )


def translated_in_order(translation: Guideline, problems: Problems) -> None:
    """Editions are translated oldest first: a translated edition is compared with the one before it."""
    untranslated = [e for e in translation.editions if e.lang != translation.lang]
    for edition in (e for e in translation.editions if e.lang == translation.lang):
        for earlier in untranslated:
            if edition_sort_key(earlier.name) < edition_sort_key(edition.name):
                wanted = f"{EDITIONS_DIR}/{earlier.name}.{translation.lang}.md"
                problems.add(
                    edition.path,
                    1,
                    "project.translated_out_of_order",
                    earlier=earlier.name,
                    wanted=wanted,
                    edition=edition.name,
                    path=earlier.path,
                )

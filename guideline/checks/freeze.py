"""Published editions are frozen: each matches its record, and the record keeps every edition it ever had.

The record (``editions/releases.yml``, read by ``guideline/model/releases.py``) is written only at
release and correction. How the build knows an edition was published, even if its record is emptied:

- each published edition file says ``status: published`` and must have a record;
- an edition may not sort before, or be dated before, a recorded one;
- git: every edition ever recorded in a commit of ``editions/releases.yml`` must still be
  recorded, with a seal that is the recorded one or one its corrections led to. This works in any
  clone with its history (CI checks out with ``fetch-depth: 0``); a copy without git keeps the
  two checks above.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

from guideline.messages import Day, Text, msg
from guideline.model.edition import Edition, edition_sort_key
from guideline.model.paths import EDITIONS_DIR
from guideline.model.releases import RECORD, Entry, fingerprint, history, read_record, translations
from guideline.problems import Problems


def differences(edition: Edition, pinned: dict[str, Any]) -> list[tuple[int, Text]]:
    """(line, what changed) between an edition and its recorded checksums.

    What changed is a message (``freeze.what.*``): a problem shows it in the chosen language, and a
    correction records it in Japanese (``Text.render("ja")``) in the history the site shows.
    """
    now = fingerprint(edition)
    out: list[tuple[int, Text]] = []
    if now["front"] != pinned.get("front"):
        out.append((1, msg("freeze.what.front")))
    old: dict[str, list[str]] = pinned.get("provisions") or {}
    for pid, (text, place) in now["provisions"].items():
        provision = edition.provisions[pid]
        where = f"{provision.number or provision.heading} '{pid}'"
        if pid not in old:
            out.append((provision.line, msg("freeze.what.added", where=where)))
        elif list(old[pid]) != [text, place]:
            what = "freeze.what.wording" if old[pid][0] != text else "freeze.what.place"
            out.append((provision.line, msg(what, where=where)))
    out += [(1, msg("freeze.what.removed", id=pid)) for pid in old if pid not in now["provisions"]]
    return out


def _fix(name: str) -> Text:
    return msg("freeze.fix_published", name=name)


def verify(root: Path, editions: list[Edition], problems: Problems) -> dict[str, Entry]:
    """Every published edition matches its record; every recorded edition still exists; return the record."""
    entries = read_record(root, problems)
    present = {e.name: e for e in editions}
    for name, entry in entries.items():
        edition = present.get(name)
        if edition is None:
            problems.add(f"{EDITIONS_DIR}/{name}.ja.md", 1, "freeze.edition_deleted", name=name)
            continue
        if entry.legacy is not None:
            problems.add(RECORD, entry.line, "freeze.legacy_record", name=name)
            continue
        _compare(root, edition, entry, problems)
    for edition in editions:
        if not edition.is_draft and edition.name not in entries:
            problems.add(
                edition.path,
                edition.meta_lines.get("status", 1),
                "freeze.unrecorded_published",
                name=edition.name,
                record=RECORD,
            )
    _check_order(editions, entries, problems)
    _check_history(root, entries, problems)
    return entries


def _compare(root: Path, edition: Edition, entry: Entry, problems: Problems) -> None:
    name = edition.name
    if edition.is_draft:
        line = edition.meta_lines.get("status", 1)
        problems.add(edition.path, line, "freeze.back_to_draft", name=name, fix=_fix(name))
        return
    for key, recorded in (("enacted", entry.enacted), ("effective", entry.effective)):
        if getattr(edition, key) != recorded:
            problems.add(
                edition.path,
                edition.meta_lines.get(key, 1),
                "freeze.date_changed",
                label=msg("label.enacted" if key == "enacted" else "label.effective"),
                recorded=Day(recorded),
                now=Day(getattr(edition, key)),
                name=name,
                key=key,
            )
    languages = translations(root, name)
    for lang, pinned in entry.checksums.items():
        current = edition if lang == edition.lang else languages.get(lang)
        if current is None:
            path = str(pinned.get("file", f"{EDITIONS_DIR}/{name}.{lang}.md"))
            problems.add(path, 1, "freeze.language_missing", name=name, lang=lang)
            continue
        for line, what in differences(current, pinned):
            problems.add(current.path, line, "freeze.changed", name=name, what=what, fix=_fix(name))
    for lang, current in languages.items():
        if lang not in entry.checksums:
            problems.add(current.path, 1, "freeze.translation_unrecorded", name=name, lang=lang)


def _check_order(editions: list[Edition], entries: dict[str, Entry], problems: Problems) -> None:
    """Editions and their dates only go forward: 施行日 ≥ 制定日, and neither before the edition before."""
    published = [e for e in editions if not e.is_draft]
    newest = max(entries, key=edition_sort_key, default=None)
    previous: Edition | None = None
    for edition in published:
        for problem in date_problems(edition.name, edition.enacted, edition.effective, previous):
            problems.add_text(edition.path, edition.meta_lines.get("enacted", 1), problem)
        previous = edition
    for edition in editions:
        if edition.name in entries or newest is None:
            continue
        if edition_sort_key(edition.name) < edition_sort_key(newest):
            problems.add(
                edition.path,
                edition.meta_lines.get("edition", 1),
                "freeze.name_before_published",
                name=edition.name,
                newest=newest,
                suggested=int(edition_sort_key(newest)[0]) + 1,
            )


def date_problems(name: str, enacted: date | None, effective: date | None, previous: Edition | None) -> list[Text]:
    """What is wrong with an edition's dates, in words the division reads; empty when they hold."""
    out = []
    if enacted and effective and effective < enacted:
        out.append(msg("freeze.effective_before_enacted", name=name, effective=Day(effective), enacted=Day(enacted)))
    if previous is not None:
        for label, mine, theirs in (
            ("label.enacted", enacted, previous.enacted),
            ("label.effective", effective, previous.effective),
        ):
            if mine and theirs and mine < theirs:
                out.append(
                    msg(
                        "freeze.date_before_previous",
                        name=name,
                        label=msg(label),
                        mine=Day(mine),
                        previous=previous.name,
                        theirs=Day(theirs),
                    )
                )
    return out


def _check_history(root: Path, entries: dict[str, Entry], problems: Problems) -> None:
    for name, seen in history(root).items():
        first = seen[-1]
        entry = entries.get(name)
        if entry is None:
            problems.add(
                RECORD,
                1,
                "freeze.record_lost",
                name=name,
                day=first.day,
                commit=first.commit,
                latest=seen[0].commit,
                record=RECORD,
                fix=_fix(name),
            )
            continue
        if entry.legacy is not None:
            continue
        foreign = [r for r in seen if r.seal and r.seal not in entry.seals()]
        if foreign:
            problems.add(
                RECORD,
                entry.line,
                "freeze.record_rewritten",
                name=name,
                day=foreign[0].day,
                commit=foreign[0].commit,
                record=RECORD,
                fix=_fix(name),
            )


def legacy_differences(edition: Edition, pinned: dict[str, Any]) -> list[Text]:
    """What differs from a record in the first format (wording and parent only), to migrate it safely."""

    def old_digest(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    front = "\n".join(str(v) for v in (edition.title, edition.status, edition.enacted, edition.effective))
    out = [msg("freeze.legacy.front")] if old_digest(front) != pinned.get("front") else []
    old: dict[str, str] = pinned.get("provisions") or {}
    out += [
        msg("freeze.legacy.provision", id=p.id)
        for p in edition.provisions.values()
        if old.get(p.id) != old_digest("\n".join([p.kind, p.parent or "", p.heading, p.text]))
    ]
    out += [msg("freeze.legacy.provision", id=pid) for pid in old if pid not in edition.provisions]
    return out

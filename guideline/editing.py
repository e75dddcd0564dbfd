"""The division's edits to the edition files: start a draft, release it. No MkDocs here either.

Slightly over the usual length: each edit (new edition, release, amend-release, correct) is one function
that reads, checks and writes the files together, so that a clerk's command either does all or nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from guideline.checks import freeze
from guideline.messages import MessageError, items, msg
from guideline.model import releases
from guideline.model.dates import today_in_japan, wareki
from guideline.model.edition import Edition, edition_sort_key, parse_edition
from guideline.model.paths import EDITION_PAGES_DIR, EDITIONS_DIR
from guideline.model.project import languages, load
from guideline.problems import GuidelineError, Problems


class EditingError(MessageError):
    """A request the division must change: the message says what and how."""


def _set_front(text: str, key: str, value: str) -> str:
    """Replace ``key: …`` in the front matter (it must be there)."""
    head, sep, body = text.partition("\n---\n")
    head, count = re.subn(rf"(?m)^{key}:.*$", f"{key}: {value}", head, count=1)
    if not count:
        head = f"{head}\n{key}: {value}"
    return head + sep + body


def _drop_front(text: str, key: str) -> str:
    """Remove ``key:`` and any indented lines under it from the front matter."""
    head, sep, body = text.partition("\n---\n")
    head = re.sub(rf"(?m)^{key}:.*\n?(?:^[ \t-].*\n?)*", "", head)
    return head + sep + body


def stubs(name: str) -> dict[str, str]:
    """The page stubs of an edition: its full text and its 新旧対照表."""
    return {
        f"{EDITION_PAGES_DIR}/{name}/index.md": f'---\nrender: edition\nedition: "{name}"\n---\n',
        f"{EDITION_PAGES_DIR}/{name}/compare.md": f'---\nrender: compare\nedition: "{name}"\n---\n',
    }


def comparison_stub(name: str, against: str) -> tuple[str, str]:
    """The page comparing edition ``name`` with edition ``against`` (the one in force): path and text."""
    return (
        f"{EDITION_PAGES_DIR}/{name}/compare/{against}.md",
        f'---\nrender: compare\nedition: "{name}"\nagainst: "{against}"\n---\n',
    )


def write_comparison_stubs(root: Path) -> list[Path]:
    """Each earlier edition's page comparing it with the edition in force, where missing (after a release).

    Worked out from the files, not ``load``: the guideline does not load while these pages are missing.
    """
    published = sorted(
        (
            p.name.split(".")[0]
            for p in (root / EDITIONS_DIR).glob("*.ja.md")
            if _PUBLISHED.search(p.read_text("utf-8"))
        ),
        key=edition_sort_key,
    )
    written = []
    for name in published[:-2]:  # the one before the current is compared with it on the current's own page
        relative, text = comparison_stub(name, published[-1])
        path = root / relative
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


_PUBLISHED = re.compile(r"(?m)^status:\s*published\s*$")


def new_edition(root: Path, name: str) -> list[Path]:
    """Start draft ``name`` from the current edition, in every language; return the files written."""
    if not re.fullmatch(r"[0-9]+[a-z0-9-]*", name):
        raise EditingError(msg("editing.bad_name", name=name))
    guideline = load(root, drafts=True)
    if guideline.drafts:
        raise EditingError(msg("editing.draft_open", name=guideline.drafts[0].name))
    current = guideline.published[-1]  # the newest released edition, even if not yet in force (施行予定)
    if edition_sort_key(name) <= edition_sort_key(current.name):
        raise EditingError(msg("editing.name_not_after", name=name, current=current.name))
    written: list[Path] = []
    for lang in languages(root):
        source = root / EDITIONS_DIR / f"{current.name}.{lang}.md"
        target = root / EDITIONS_DIR / f"{name}.{lang}.md"
        if not source.exists():
            continue
        if target.exists():
            raise EditingError(msg("editing.exists", path=target.relative_to(root).as_posix()))
        text = source.read_text(encoding="utf-8")
        text = _set_front(text, "edition", f'"{name}"')
        for key, value in (("status", "draft"), ("enacted", "null"), ("effective", "null")):
            text = _set_front(text, key, value)
        text = _drop_front(text, "successors")
        text = _drop_front(text, "reasons")  # the draft's own 改正理由 is written for it
        target.write_text(text, encoding="utf-8")
        written.append(target)
    for relative, text in stubs(name).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def release(root: Path, name: str, enacted: date, effective: date | None = None, today: date | None = None) -> None:
    """Publish draft ``name``: check and set its dates, record its checksums; write every file or none."""
    path = root / EDITIONS_DIR / f"{name}.ja.md"
    if not path.exists():
        raise EditingError(msg("editing.no_draft", name=name, path=path.relative_to(root).as_posix()))
    problems = Problems()
    draft = parse_edition(path.read_text(encoding="utf-8"), f"{EDITIONS_DIR}/{name}.ja.md", "ja", problems)
    entries = releases.read_record(root, problems)
    if problems:
        raise GuidelineError(problems)
    if not draft.is_draft or name in entries:
        raise EditingError(msg("editing.not_a_draft", name=name, proper=msg("editing.proper_way")))
    earlier = releases.released_before(root, name)
    if earlier is not None:
        raise EditingError(
            msg(
                "editing.released_before",
                name=name,
                day=earlier.day,
                commit=earlier.commit,
                proper=msg("editing.proper_way"),
            )
        )
    newest = max(entries, key=edition_sort_key, default=None)
    if newest is not None and edition_sort_key(name) <= edition_sort_key(newest):
        raise EditingError(msg("editing.name_before_published", name=name, newest=newest))
    effective = effective or enacted
    previous = _edition(root, newest) if newest is not None else None
    wrong = freeze.date_problems(name, enacted, effective, previous)
    if wrong:
        raise EditingError(msg("editing.several", problems=items(wrong, "lines")))
    recorded = today or today_in_japan()

    def change(stage: Path) -> list[str]:
        written = []
        for edition_path in sorted((stage / EDITIONS_DIR).glob(f"{name}.*.md")):
            text = edition_path.read_text(encoding="utf-8")
            for key, value in (("status", "published"), ("enacted", enacted), ("effective", effective)):
                text = _set_front(text, key, str(value))
            edition_path.write_text(text, encoding="utf-8")
            written.append(f"{EDITIONS_DIR}/{edition_path.name}")
        released = _edition(stage, name)
        (stage / releases.RECORD).write_text(releases.record_release(stage, released, recorded), encoding="utf-8")
        # Each earlier edition's page comparing it with the one now in force (kessai's any-two comparison).
        stubs = [path.relative_to(stage).as_posix() for path in write_comparison_stubs(stage)]
        return [*written, releases.RECORD, *stubs]

    _apply(root, change)


def amend_release(
    root: Path,
    name: str,
    reason: str,
    enacted: date | None = None,
    effective: date | None = None,
    today: date | None = None,
) -> list[str]:
    """Correct or fill in a published edition's dates, recording the reason; return what changed."""
    entry = _recorded(root, name, reason)
    if enacted is None and effective is None:
        raise EditingError(msg("editing.no_dates"))
    new_enacted = enacted or entry.enacted
    new_effective = effective or entry.effective
    changes = [
        f"{label}：{wareki(old)} → {wareki(new)}"
        for label, old, new in (("制定日", entry.enacted, new_enacted), ("施行日", entry.effective, new_effective))
        if old != new
    ]
    if not changes:
        raise EditingError(msg("editing.dates_unchanged", name=name))
    if new_enacted and new_effective and new_effective < new_enacted:
        raise EditingError(freeze.date_problems(name, new_enacted, new_effective, None)[0])
    languages = releases.translations(root, name)
    changed = [
        msg("editing.changed_where", path=edition.path, line=line, what=what)
        for lang, edition in languages.items()
        for line, what in (
            freeze.differences(edition, entry.checksums[lang])
            if lang in entry.checksums
            else [(1, msg("freeze.what.translation_added"))]
        )
    ]
    if changed:  # only the dates may change here: anything else would be frozen again unseen
        raise EditingError(msg("editing.changed_besides_dates", name=name, changed=items(changed)))

    def change(stage: Path) -> list[str]:
        written = []
        for edition_path in sorted((stage / EDITIONS_DIR).glob(f"{name}.*.md")):
            text = edition_path.read_text(encoding="utf-8")
            for key, value in (("enacted", new_enacted), ("effective", new_effective)):
                text = _set_front(text, key, value.isoformat() if value else "null")
            edition_path.write_text(text, encoding="utf-8")
            written.append(f"{EDITIONS_DIR}/{edition_path.name}")
        _rerecord(stage, name, entry, "amend-release", reason, changes, today)
        return [*written, releases.RECORD]

    _apply(root, change)
    return changes


def correct(root: Path, name: str, reason: str, today: date | None = None) -> list[str]:
    """Record a 正誤 to a published edition's wording (or a translation added later); return what changed."""
    entry = _recorded(root, name, reason, legacy_ok=True)
    languages = releases.translations(root, name)
    if entry.legacy is not None:
        japanese = languages.get("ja")
        wrong = (
            freeze.legacy_differences(japanese, entry.legacy) if japanese is not None else [msg("freeze.legacy.file")]
        )
        if wrong:
            raise EditingError(msg("editing.legacy_changed", name=name, wrong=items(wrong)))
        changes, kind = ["記録形式の更新（条項の番号・位置・親・後継、前付け、翻訳を固定）"], "record-format"
    else:
        changes, kind = _corrections(name, entry, languages), "correction"
        if not changes:
            raise EditingError(msg("editing.nothing_corrected", name=name))

    def change(stage: Path) -> list[str]:
        _rerecord(stage, name, entry, kind, reason, changes, today)
        return [releases.RECORD]

    _apply(root, change)
    return changes


def _corrections(name: str, entry: releases.Entry, languages: dict[str, Edition]) -> list[str]:
    """What a 正誤 changed; a change of structure or dates is refused, with the proper way to make it."""
    changes = []
    for lang, edition in languages.items():
        pinned = entry.checksums.get(lang)
        if pinned is None:
            changes.append(f"翻訳（{lang}）の追加")
            continue
        for _, what in freeze.differences(edition, pinned):
            if what.id not in ("freeze.what.wording", "freeze.what.front"):
                raise EditingError(msg("editing.not_a_wording_fix", path=edition.path, what=what))
            if (edition.enacted, edition.effective) != (entry.enacted, entry.effective):
                raise EditingError(msg("editing.dates_by_correction", path=edition.path, name=name))
            changes.append(f"{what.render('ja')}（{lang}）")  # the history on 改正履歴 is in Japanese
    return changes


def _recorded(root: Path, name: str, reason: str, legacy_ok: bool = False) -> releases.Entry:
    problems = Problems()
    entries = releases.read_record(root, problems)
    if problems:
        raise GuidelineError(problems)
    if not reason.strip():
        raise EditingError(msg("editing.no_reason"))
    entry = entries.get(name)
    if entry is None:
        known = items(entries) if entries else msg("editing.none")
        raise EditingError(msg("editing.not_published", name=name, known=known))
    if entry.legacy is not None and not legacy_ok:
        raise EditingError(msg("editing.legacy_first", name=name))
    return entry


def _rerecord(
    stage: Path, name: str, entry: releases.Entry, kind: str, reason: str, changes: list[str], today: date | None
) -> None:
    entries = releases.read_record(stage, Problems())
    new = releases.entry_for(
        stage, _edition(stage, name), today or today_in_japan(), entry if entry.legacy is None else None
    )
    if entry.legacy is not None:
        new.released = entry.released
        new.history = [{"date": entry.released, "kind": "release", "seal": []}]
    new.history.append(
        {
            "date": (today or today_in_japan()).isoformat(),
            "kind": kind,
            "reason": reason.strip(),
            "changes": changes,
            "seal": [entry.seal, new.seal] if entry.seal else [new.seal],
        }
    )
    entries[name] = new
    (stage / releases.RECORD).write_text(releases.record_text(entries), encoding="utf-8")


def _edition(root: Path, name: str) -> Edition:
    problems = Problems()
    path = f"{EDITIONS_DIR}/{name}.ja.md"
    edition = parse_edition((root / path).read_text(encoding="utf-8"), path, "ja", problems)
    if problems:
        raise GuidelineError(problems)
    return edition


def _apply(root: Path, change: Callable[[Path], list[str]]) -> None:
    """Make a change in a copy of the sources, prove the whole guideline holds there, then install it.

    The real files are replaced only after every check passed, each through a temporary file and a rename,
    so an error leaves every file as it was.
    """
    with tempfile.TemporaryDirectory(prefix="guideline-") as folder:
        stage = Path(folder)
        for part in (EDITIONS_DIR, "docs", "glossary"):
            if (root / part).is_dir():
                shutil.copytree(root / part, stage / part)
        written = change(stage)
        for lang in languages(stage):
            load(stage, lang, drafts=False)
        temporary = []
        try:
            for relative in written:
                target = root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                temp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
                temp.write_bytes((stage / relative).read_bytes())
                temporary.append((temp, target))
        except OSError:
            for temp, _ in temporary:
                temp.unlink(missing_ok=True)
            raise
        for temp, target in temporary:
            os.replace(temp, target)

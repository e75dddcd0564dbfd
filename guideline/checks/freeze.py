"""Published editions are frozen: their checksums, dates and corrections are recorded at release.

The record lives in ``editions/releases.yml`` and is written only by ``guideline release``,
``guideline amend-release`` (dates) and ``guideline correct`` (正誤). For each published edition
it keeps the checksum of every provision's wording and place (number, position, parent,
successors), of the front matter, and of every translation published with it, plus a history of
each recorded correction with its reason and its old and new seal.

How the build knows an edition was published, even if its record is emptied:

- each published edition file says ``status: published`` and must have a record;
- an edition may not sort before, or be dated before, a recorded one;
- git: every edition ever recorded in a commit of ``editions/releases.yml`` must still be
  recorded, with a seal that is the recorded one or one its corrections led to. This works in any
  clone with its history (CI checks out with ``fetch-depth: 0``); a copy without git keeps the
  two checks above.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from guideline.messages import Day, Text, items, msg
from guideline.model.edition import Edition, edition_sort_key, parse_edition
from guideline.model.frontmatter import SAFE_LOADER, yaml_position
from guideline.problems import Problems

RECORD = "editions/releases.yml"
EDITIONS_DIR = "editions"
_HEADER = (
    "# Written by `guideline release`, `guideline amend-release` and `guideline correct`; never edit by hand.\n"
    "# Each published edition: its dates, the checksums that freeze it, and every recorded correction.\n"
)
KINDS = {"release": "制定", "amend-release": "日付の訂正", "correction": "正誤", "record-format": "記録形式の更新"}


def _digest(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def fingerprint(edition: Edition) -> dict[str, Any]:
    """The checksums of one language of an edition: its front matter, and each provision's text and place."""
    successors = json.dumps(edition.successors, sort_keys=True, ensure_ascii=False)
    went_to: dict[str, list[str]] = {}
    for old, new_ids in edition.successors.items():
        for new in new_ids:
            went_to.setdefault(new, []).append(old)
    provisions = {}
    for position, p in enumerate(edition.provisions.values()):
        text = _digest(p.heading, p.text)
        place = _digest(p.kind, p.number, position, p.parent or "", sorted(went_to.get(p.id, [])))
        provisions[p.id] = [text, place]
    front = _digest(edition.name, edition.title, edition.status, edition.enacted, edition.effective, successors)
    return {"file": edition.path, "front": front, "provisions": provisions}


def seal(checksums: dict[str, Any]) -> str:
    """One checksum over every language of an edition: what history and corrections compare."""
    return _digest(
        json.dumps({lang: {k: v for k, v in c.items() if k != "file"} for lang, c in checksums.items()}, sort_keys=True)
    )


@dataclass
class Entry:
    """The record of one published edition."""

    name: str
    line: int
    released: str = ""
    enacted: date | None = None
    effective: date | None = None
    checksums: dict[str, dict[str, Any]] = field(default_factory=dict)  # by language
    history: list[dict[str, Any]] = field(default_factory=list)
    seal: str = ""
    legacy: dict[str, Any] | None = None  # the record before checksums pinned place and translations

    def seals(self) -> set[str]:
        """Every seal this edition has legitimately had: the current one and those its corrections replaced."""
        out = {self.seal}
        for item in self.history:
            out.update(str(s) for s in item.get("seal") or [])
        return out

    def as_yaml(self) -> dict[str, Any]:
        return {
            "released": self.released,
            "enacted": self.enacted.isoformat() if self.enacted else None,
            "effective": self.effective.isoformat() if self.effective else None,
            "seal": self.seal,
            "checksums": self.checksums,
            "history": self.history,
        }


def _node_line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _as_date(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def parse_record(text: str, problems: Problems) -> dict[str, Entry]:
    """Read the record, reporting any part of the wrong shape at its line."""
    fix = msg("freeze.fix_record")
    try:
        node = yaml.compose(text, Loader=SAFE_LOADER)
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as error:
        line, column = yaml_position(error)
        problems.add(RECORD, line + 1, "freeze.record_unreadable", column=column, fix=fix)
        return {}
    if data is None:
        return {}
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        problems.add(RECORD, 1, "freeze.record_shape", fix=fix)
        return {}
    keys = {str(k.value): (k, v) for k, v in node.value}
    if "editions" not in keys:
        legacy = [k for k in keys if isinstance(data.get(k), dict) and "provisions" in data[k]]
        if legacy and len(legacy) == len(keys):  # the format before place and translations were pinned
            return {
                name: Entry(
                    name, _node_line(keys[name][0]), released=str(data[name].get("recorded", "")), legacy=data[name]
                )
                for name in legacy
            }
        problems.add(RECORD, 1, "freeze.record_no_editions", fix=fix)
        return {}
    editions_node = keys["editions"][1]
    if not isinstance(editions_node, yaml.MappingNode) or not isinstance(data["editions"], dict):
        problems.add(RECORD, _node_line(editions_node), "freeze.record_editions_shape", fix=fix)
        return {}
    entries: dict[str, Entry] = {}
    by_name = {str(k): v for k, v in data["editions"].items()}
    for key_node, value_node in editions_node.value:
        name, line = str(key_node.value), _node_line(key_node)
        value = by_name.get(name)
        wanted = ("released", "seal", "checksums")
        if isinstance(value, dict) and not _well_formed(value):
            value = msg("freeze.entry_shape_detail")
        if not isinstance(value, dict) or any(k not in value for k in wanted):
            shown = (
                (value if isinstance(value, Text) else str(value))
                if not isinstance(value, dict)
                else msg("freeze.entry_missing_keys", keys=items(k for k in wanted if k not in value))
            )
            problems.add(RECORD, _node_line(value_node), "freeze.entry_shape", name=name, shown=shown, fix=fix)
            continue
        try:
            entry = Entry(
                name,
                line,
                released=str(value["released"]),
                enacted=_as_date(value.get("enacted")),
                effective=_as_date(value.get("effective")),
                checksums=dict(value["checksums"]),
                history=list(value.get("history") or []),
                seal=str(value["seal"]),
            )
        except (TypeError, ValueError):
            problems.add(RECORD, line, "freeze.entry_unreadable", name=name, fix=fix)
            continue
        entries[name] = entry
    return entries


def _well_formed(value: dict[Any, Any]) -> bool:
    checksums, history = value.get("checksums", {}), value.get("history") or []
    return (
        isinstance(checksums, dict)
        and all(isinstance(c, dict) for c in checksums.values())
        and isinstance(history, list)
        and all(isinstance(h, dict) and _is_date(h.get("date")) for h in history)
    )


def _is_date(value: object) -> bool:
    try:
        return _as_date(value) is not None
    except ValueError:
        return False


def read_record(root: Path, problems: Problems) -> dict[str, Entry]:
    path = root / RECORD
    if not path.exists():
        return {}
    return parse_record(path.read_text(encoding="utf-8"), problems)


def record_text(entries: dict[str, Entry]) -> str:
    data = {"editions": {name: entries[name].as_yaml() for name in sorted(entries, key=edition_sort_key)}}
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: a long guideline's record in a blink
    return _HEADER + yaml.dump(
        data, Dumper=dumper, allow_unicode=True, sort_keys=False, default_flow_style=None, width=120
    )


def translations(root: Path, name: str) -> dict[str, Edition]:
    """Every language of edition ``name`` on disk, parsed (their own problems are reported by their load)."""
    out: dict[str, Edition] = {}
    for path in sorted((root / EDITIONS_DIR).glob(f"{name}.*.md")):
        parts = path.name.split(".")
        if len(parts) != 3:
            continue
        out[parts[1]] = parse_edition(
            path.read_text(encoding="utf-8"), f"{EDITIONS_DIR}/{path.name}", parts[1], Problems()
        )
    return out


def entry_for(root: Path, edition: Edition, released: date, previous: Entry | None = None) -> Entry:
    """The record of ``edition`` as it stands now, in every language on disk."""
    checksums = {lang: fingerprint(e) for lang, e in translations(root, edition.name).items()}
    checksums.setdefault(edition.lang, fingerprint(edition))
    entry = Entry(
        edition.name,
        1,
        released=previous.released if previous else released.isoformat(),
        enacted=edition.enacted,
        effective=edition.effective,
        checksums=checksums,
        history=list(previous.history) if previous else [],
    )
    entry.seal = seal(checksums)
    return entry


def record_release(root: Path, edition: Edition, released: date) -> str:
    """The record's new text with ``edition`` added (on release); the caller writes it."""
    entries = read_record(root, Problems())
    entry = entry_for(root, edition, released)
    entry.history = [{"date": released.isoformat(), "kind": "release", "seal": [entry.seal]}]
    entries[edition.name] = entry
    return record_text(entries)


# What changed, in words the division reads.


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


# Git history: an edition once recorded stays recorded.


@dataclass(frozen=True)
class Recorded:
    """An edition as one commit of the record had it."""

    commit: str
    day: str
    seal: str  # empty for the legacy format, which had none


def history(root: Path) -> dict[str, list[Recorded]]:
    """Every edition named in any commit of the record reachable from HEAD; empty without git."""
    try:
        log = subprocess.run(
            ["git", "log", "--format=%H %cs", "--", RECORD],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout.split()
        commits = list(zip(log[::2], log[1::2], strict=True))
        if not commits:
            return {}
        batch = subprocess.run(
            ["git", "cat-file", "--batch"],
            cwd=root,
            input="".join(f"{commit}:{RECORD}\n" for commit, _ in commits).encode(),
            capture_output=True,
            check=True,
            timeout=30,
        ).stdout
    except (OSError, subprocess.SubprocessError, ValueError):
        return {}
    out: dict[str, list[Recorded]] = {}
    for commit, day in commits:
        header, _, batch = batch.partition(b"\n")
        parts = header.split()
        if len(parts) < 3 or parts[1] != b"blob":
            continue
        size = int(parts[2])
        body, batch = batch[:size], batch[size + 1 :]
        for name, entry in parse_record(body.decode("utf-8", "replace"), Problems()).items():
            out.setdefault(name, []).append(Recorded(commit[:10], day, entry.seal))
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


def released_before(root: Path, name: str) -> Recorded | None:
    """The commit that first recorded edition ``name``, if git remembers one."""
    seen = history(root).get(name)
    return seen[-1] if seen else None


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

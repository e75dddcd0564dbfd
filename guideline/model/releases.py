"""The record of published editions (``editions/releases.yml``): their dates, checksums and corrections.

It is written only by ``guideline release``, ``guideline amend-release`` (dates) and ``guideline correct``
(正誤). For each published edition it keeps the checksum of every provision's wording and place (number,
position, parent, successors), of the front matter, and of every translation published with it, plus a
history of each recorded correction with its reason and its old and new seal. ``history`` reads what
every commit of the record said, for the check that an edition once recorded stays recorded
(``guideline/checks/freeze.py``).
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

from guideline.messages import Text, items, msg
from guideline.model.edition import Edition, edition_sort_key, parse_edition
from guideline.model.frontmatter import compose_and_load, yaml_position
from guideline.model.paths import EDITIONS_DIR
from guideline.problems import Problems

RECORD = "editions/releases.yml"


_HEADER = (
    "# Written by `guideline release`, `guideline amend-release` and `guideline correct`; never edit by hand.\n"
    "# Each published edition: its dates, the checksums that freeze it, and every recorded correction.\n"
)


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
        node, data = compose_and_load(text)
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


def released_before(root: Path, name: str) -> Recorded | None:
    """The commit that first recorded edition ``name``, if git remembers one."""
    seen = history(root).get(name)
    return seen[-1] if seen else None

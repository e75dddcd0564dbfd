"""Published editions are frozen: a checksum of every provision is recorded at release.

The record lives in ``editions/releases.yml`` and is written only by ``guideline release``.
Any later change to a published edition, its front matter or its provisions, or the
removal of its file, is a build error that names what changed.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .edition import Edition
from .frontmatter import SAFE_LOADER
from .problems import Problems

RECORD = "editions/releases.yml"
_HEADER = (
    "# Written by `guideline release`; never edit by hand.\n"
    "# The checksum of every provision of each published edition: the build fails if one changes.\n"
)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def fingerprint(edition: Edition) -> dict[str, Any]:
    """The checksums that pin an edition: its front matter and each provision's place and wording."""
    front = "\n".join(str(v) for v in (edition.title, edition.status, edition.enacted, edition.effective))
    return {
        "file": edition.path,
        "front": _digest(front),
        "provisions": {
            p.id: _digest("\n".join([p.kind, p.parent or "", p.heading, p.text])) for p in edition.provisions.values()
        },
    }


def read_record(root: Path, problems: Problems) -> dict[str, dict[str, Any]]:
    path = root / RECORD
    if not path.exists():
        return {}
    try:
        text = path.read_text(encoding="utf-8")
        try:
            data = yaml.load(text, Loader=SAFE_LOADER) or {}
        except yaml.YAMLError:
            data = yaml.safe_load(text) or {}  # PyYAML's own wording of the error, for the message below
    except yaml.YAMLError as error:
        problems.add(RECORD, 1, f"the release record is unreadable ({error}); restore it from version control")
        return {}
    if not isinstance(data, dict):
        problems.add(
            RECORD, 1, "the release record must map edition names to checksums; restore it from version control"
        )
        return {}
    return {str(k): v for k, v in data.items()}


def record_release(root: Path, edition: Edition, recorded: date) -> None:
    """Add an edition's checksums to the record (on release)."""
    data = read_record(root, Problems())
    data[edition.name] = {"recorded": recorded.isoformat(), **fingerprint(edition)}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=True)
    (root / RECORD).write_text(_HEADER + text, encoding="utf-8")


def verify(root: Path, editions: list[Edition], problems: Problems) -> None:
    """Every published edition matches its record; every recorded edition still exists."""
    record = read_record(root, problems)
    present = {e.name: e for e in editions}
    for name, pinned in record.items():
        edition = present.get(name)
        if edition is None:
            problems.add(
                str(pinned.get("file", RECORD)),
                1,
                f"edition {name} was published and must never be removed; restore the file from version control",
            )
            continue
        _compare(edition, pinned, problems)
    for edition in editions:
        if not edition.is_draft and edition.name not in record:
            problems.add(
                edition.path,
                edition.meta_lines.get("status", 1),
                f"edition {edition.name} says 'status: published' but was never released; "
                f"set 'status: draft', or run 'guideline release {edition.name} --date YYYY-MM-DD'",
            )


def _compare(edition: Edition, pinned: dict[str, Any], problems: Problems) -> None:
    fix = (
        f"edition {edition.name} is published and frozen; undo the change, "
        f"or make it in a new edition ('guideline new-edition NAME')"
    )
    now = fingerprint(edition)
    if edition.is_draft:
        problems.add(edition.path, edition.meta_lines.get("status", 1), f"status changed back to draft; {fix}")
        return
    if now["front"] != pinned.get("front"):
        problems.add(edition.path, 1, f"the title, status or dates changed since release; {fix}")
    old: dict[str, str] = pinned.get("provisions") or {}
    for pid, digest in now["provisions"].items():
        provision = edition.provisions[pid]
        if pid not in old:
            problems.add(edition.path, provision.line, f"provision '{pid}' was added after release; {fix}")
        elif old[pid] != digest:
            problems.add(
                edition.path, provision.line, f"provision {provision.number} '{pid}' changed after release; {fix}"
            )
    for pid in old:
        if pid not in now["provisions"]:
            problems.add(edition.path, 1, f"provision '{pid}' was removed after release; {fix}")

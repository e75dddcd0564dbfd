"""The division's edits to the edition files: start a draft, release it. No MkDocs here either."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from . import freeze
from .edition import edition_sort_key, parse_edition
from .problems import GuidelineError, Problems
from .project import EDITION_PAGES_DIR, EDITIONS_DIR, languages, load


class EditingError(Exception):
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
        raise EditingError(f"edition name {name!r}: use a number such as '2' (letters and hyphens may follow)")
    guideline = load(root, drafts=True)
    if guideline.drafts:
        raise EditingError(f"draft {guideline.drafts[0].name} is still open; release it or remove it first")
    current = guideline.current
    if edition_sort_key(name) <= edition_sort_key(current.name):
        raise EditingError(f"edition {name!r} must come after the current edition {current.name!r}")
    written: list[Path] = []
    for lang in languages(root):
        source = root / EDITIONS_DIR / f"{current.name}.{lang}.md"
        target = root / EDITIONS_DIR / f"{name}.{lang}.md"
        if not source.exists():
            continue
        if target.exists():
            raise EditingError(f"{target.relative_to(root)} already exists")
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


def release(root: Path, name: str, enacted: date, effective: date | None = None) -> None:
    """Publish draft ``name``: set its dates, record its checksums, and prove the whole guideline still holds."""
    path = root / EDITIONS_DIR / f"{name}.ja.md"
    if not path.exists():
        raise EditingError(f"no draft {name}: {path.relative_to(root)} does not exist")
    record = root / freeze.RECORD
    before_record = record.read_text(encoding="utf-8") if record.exists() else None
    originals = {p: p.read_text(encoding="utf-8") for p in (root / EDITIONS_DIR).glob(f"{name}.*.md")}
    parsed = parse_edition(originals[path], f"{EDITIONS_DIR}/{name}.ja.md", "ja", Problems())
    if not parsed.is_draft:
        raise EditingError(f"edition {name} is not a draft; a published edition cannot be released again")
    stubs_written: list[Path] = []
    try:
        for edition_path, text in originals.items():
            text = _set_front(text, "status", "published")
            text = _set_front(text, "enacted", enacted.isoformat())
            text = _set_front(text, "effective", (effective or enacted).isoformat())
            edition_path.write_text(text, encoding="utf-8")
        problems = Problems()
        edition = parse_edition(path.read_text(encoding="utf-8"), f"{EDITIONS_DIR}/{name}.ja.md", "ja", problems)
        if problems:
            raise GuidelineError(problems)
        freeze.record_release(root, edition, date.today())
        stubs_written = write_comparison_stubs(root)
        for lang in languages(root):
            load(root, lang, drafts=False)
    except GuidelineError:
        for edition_path, text in originals.items():
            edition_path.write_text(text, encoding="utf-8")
        for stub in stubs_written:
            stub.unlink()
        if before_record is None:
            record.unlink(missing_ok=True)
        else:
            record.write_text(before_record, encoding="utf-8")
        raise

"""Translation tracking: each translated file records the hash of the Japanese text it translates.

When the Japanese changes, the recorded hash no longer matches and the translation is
stale; a Japanese file with no counterpart is missing. The Japanese stays authoritative.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

SOURCE_KEY = "source"
_MARKDOWN_SOURCE = re.compile(r"^source:\s*[\"']?(?P<hash>[0-9a-f]*)[\"']?\s*$", re.MULTILINE)
_YAML_SOURCE = re.compile(r"^#\s*source:\s*(?P<hash>[0-9a-f]*)\s*$", re.MULTILINE)

State = Literal["current", "stale", "missing"]


# Search vocabulary (commentary `keywords:`, glossary `aliases:`) is each language's own words, not a
# translation: adding a word staff use in Japanese does not make the English page stale.
_VOCABULARY = re.compile(
    r"^(?P<indent>[ \t]*)(?:- )?(?:keywords|aliases):[^\n]*\n(?:(?P=indent)[ \t]*- [^\n]*\n)*", re.MULTILINE
)
# Signals (投稿案チェック) and what the examples' attachments show are data about Japanese drafts for
# that check, not text to translate either.
_SIGNALS = re.compile(r"^(?:signals|attachments):\n(?:(?: |- ).*\n)*", re.MULTILINE)


def source_hash(text: str) -> str:
    """A short, stable fingerprint of a Japanese source file, less what is not translated."""
    return hashlib.sha256(_SIGNALS.sub("", _VOCABULARY.sub("", text)).encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Translation:
    original: Path
    translation: Path
    state: State
    recorded: str
    expected: str


def counterpart(original: Path, lang: str) -> Path:
    """Where the ``lang`` translation of a Japanese file lives: ``x.md`` → ``x.en.md``, ``1.ja.md`` → ``1.en.md``."""
    name = original.name
    if ".ja." in name:
        return original.with_name(name.replace(".ja.", f".{lang}."))
    stem, _, suffix = name.rpartition(".")
    return original.with_name(f"{stem}.{lang}.{suffix}")


def originals(root: Path) -> list[Path]:
    """Every Japanese source that a complete translation covers."""
    # Edition page stubs carry no prose: the build writes them in each language.
    docs = [p for p in (root / "docs").rglob("*.md") if len(p.name.split(".")) == 2 and "editions" not in p.parts]
    return sorted([*(root / "editions").glob("*.ja.md"), *docs, *(root / "glossary").glob("*.ja.yml")])


def recorded_hash(text: str, path: Path) -> str:
    """The hash a translation says it was made from; an empty string when it says nothing."""
    if path.suffix == ".md":
        end = text.find("\n---", 3) if text.startswith("---") else -1
        match = _MARKDOWN_SOURCE.search(text[:end]) if end > 0 else None
    else:
        match = _YAML_SOURCE.search(text)
    return match.group("hash") if match else ""


def status(root: Path, lang: str) -> list[Translation]:
    out = []
    for original in originals(root):
        translated = counterpart(original, lang)
        expected = source_hash(original.read_text(encoding="utf-8"))
        if not translated.exists():
            out.append(Translation(original, translated, "missing", "", expected))
            continue
        recorded = recorded_hash(translated.read_text(encoding="utf-8"), translated)
        state: State = "current" if recorded == expected else "stale"
        out.append(Translation(original, translated, state, recorded, expected))
    return out


def mark_current(translated: Path, original: Path) -> None:
    """Record that ``translated`` now matches ``original`` (after a translator has updated it)."""
    expected = source_hash(original.read_text(encoding="utf-8"))
    text = translated.read_text(encoding="utf-8")
    if translated.suffix == ".md":
        if _MARKDOWN_SOURCE.search(text.split("\n---", 1)[0]):
            text = _MARKDOWN_SOURCE.sub(f"source: {expected}", text, count=1)
        else:
            text = text.replace("---\n", f"---\n{SOURCE_KEY}: {expected}\n", 1)
    elif _YAML_SOURCE.search(text):
        text = _YAML_SOURCE.sub(f"# source: {expected}", text, count=1)
    else:
        text = f"# source: {expected}\n{text}"
    translated.write_text(text, encoding="utf-8")

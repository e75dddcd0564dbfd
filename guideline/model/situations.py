"""Situations (状況): the tags that sort worked examples in the casebook (事例集).

The list is declared once, in ``glossary/situations.yml``; every example names one or more
of its labels in its ``状況`` / ``Situations`` field, and a label not in the list is an error
at the example's line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from guideline.messages import items, msg
from guideline.model.commentary import SITUATIONS, VERDICT, VOCABULARIES, Commentary, situation_labels
from guideline.model.frontmatter import parse_declarations
from guideline.problems import Problems, display_path

SITUATIONS_FILE = "glossary/situations.yml"
_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
LANGS = ("ja", "en")


@dataclass(frozen=True)
class Situation:
    id: str
    labels: dict[str, str]  # language -> label

    def label(self, lang: str) -> str:
        return self.labels.get(lang) or self.labels["ja"]


def parse_situations(text: str, path: str, problems: Problems) -> list[Situation]:
    node, data = parse_declarations(text, path, problems, msg("situations.what"))
    if node is None:
        return []
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        problems.add(path, 1, "situations.not_list")
        return []
    situations: list[Situation] = []
    seen: dict[str, int] = {}
    for entry, entry_node in zip(data, node.value, strict=True):
        line = entry_node.start_mark.line + 1
        if not isinstance(entry, dict) or not all(entry.get(k) for k in ("id", *LANGS)):
            problems.add(path, line, "situations.incomplete")
            continue
        sid = str(entry["id"])
        if not _ID.match(sid):
            problems.add(path, line, "situations.bad_id", id=sid)
        for key in ("id", *LANGS):
            first = next((s for s in situations if (s.id if key == "id" else s.labels[key]) == str(entry[key])), None)
            if first is not None:
                problems.add(path, line, "situations.duplicate", key=key, value=str(entry[key]), first=seen[first.id])
        seen[sid] = line
        situations.append(Situation(sid, {lang: str(entry[lang]).strip() for lang in LANGS}))
    return situations


def load_situations(root: Path, problems: Problems) -> list[Situation]:
    path = root / SITUATIONS_FILE
    if not path.exists():
        return []
    return parse_situations(path.read_text(encoding="utf-8"), display_path(path, root), problems)


def check_tags(commentaries: Iterable[Commentary], situations: list[Situation], lang: str, problems: Problems) -> None:
    """Once a guideline declares its situations, every example names one or more of them, in its language."""
    if not situations:
        return
    known = [s.label(lang) for s in situations]
    field_name = VOCABULARIES[lang].field(SITUATIONS)
    for commentary in commentaries:
        for example in commentary.examples:
            line = example.field_lines.get(SITUATIONS, example.line)
            if not situation_labels(example, lang):
                problems.add(
                    commentary.path,
                    example.field_lines.get(VERDICT, example.line),
                    "situations.untagged",
                    title=example.title,
                    field=field_name,
                    example=known[0],
                    file=SITUATIONS_FILE,
                )
            for tag in situation_labels(example, lang):
                if tag in known:
                    continue
                close = difflib.get_close_matches(tag, known, n=1, cutoff=0.3)
                problems.add(
                    commentary.path,
                    line,
                    "situations.unknown",
                    tag=tag,
                    file=SITUATIONS_FILE,
                    hint=msg("hint.did_you_mean", id=close[0]) if close else "",
                    known=items(known),
                )


def by_label(situations: list[Situation], lang: str) -> dict[str, Situation]:
    """Situations keyed by their label in ``lang``."""
    return {s.label(lang): s for s in situations}

"""The glossary (用語集): terms staff stumble on, shown as tooltips where they appear."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .frontmatter import parse_yaml
from .problems import Problems

_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    aliases: tuple[str, ...]
    definition: str
    line: int

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.term, *self.aliases)


def parse_glossary(text: str, path: str, problems: Problems) -> list[Term]:
    try:
        node, data = parse_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problems.add(path, 1 + (mark.line if mark else 0), f"malformed glossary: {getattr(error, 'problem', error)}")
        return []
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        problems.add(path, 1, "the glossary must be a list of entries with id, term, definition")
        return []
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for entry, entry_node in zip(data, node.value, strict=True):
        line = entry_node.start_mark.line + 1
        if not isinstance(entry, dict) or not all(entry.get(k) for k in ("id", "term", "definition")):
            problems.add(path, line, "a glossary entry needs 'id', 'term' and 'definition'")
            continue
        term_id = str(entry["id"])
        if not _ID.match(term_id):
            problems.add(path, line, f"invalid glossary id {term_id!r}: use lowercase ASCII words joined by hyphens")
        if term_id in seen:
            problems.add(path, line, f"duplicate glossary id {term_id!r} (first used on line {seen[term_id]})")
            continue
        seen[term_id] = line
        aliases = tuple(str(a) for a in entry.get("aliases") or ())
        terms.append(Term(term_id, str(entry["term"]), aliases, str(entry["definition"]).strip(), line))
    return terms

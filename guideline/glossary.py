"""The glossary (用語集): terms staff stumble on, shown as tooltips where they appear.

Japanese has no spaces between words, so where a term is linked is decided by two rules: the longest
spelling wins at each place (of every term and every compound), and ``compounds:`` lists the longer
words that contain a term but mean something else (著作権法 is a law, not 著作権): they are matched,
and never linked.
"""

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
    compounds: tuple[str, ...] = ()  # longer words containing the term that are not it: never linked inside

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
        compounds = tuple(str(c) for c in entry.get("compounds") or ())
        for compound in compounds:
            if not any(spelling in compound and spelling != compound for spelling in (entry["term"], *aliases)):
                problems.add(
                    path,
                    line,
                    f"compounds の '{compound}' は用語 '{entry['term']}' を含む、より長い語ではありません。"
                    "用語を含む複合語だけを書いてください。",
                )
        terms.append(Term(term_id, str(entry["term"]), aliases, str(entry["definition"]).strip(), line, compounds))
    return terms

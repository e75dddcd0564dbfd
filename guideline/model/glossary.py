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

from guideline.messages import msg
from guideline.model.frontmatter import parse_declarations
from guideline.problems import Problems

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
    node, data = parse_declarations(text, path, problems, msg("glossary.what"))
    if node is None:
        return []
    if not isinstance(data, list) or not isinstance(node, yaml.SequenceNode):
        problems.add(path, 1, "glossary.not_list")
        return []
    terms: list[Term] = []
    seen: dict[str, int] = {}
    for entry, entry_node in zip(data, node.value, strict=True):
        line = entry_node.start_mark.line + 1
        if not isinstance(entry, dict) or not all(entry.get(k) for k in ("id", "term", "definition")):
            problems.add(path, line, "glossary.incomplete")
            continue
        term_id = str(entry["id"])
        if not _ID.match(term_id):
            problems.add(path, line, "glossary.bad_id", id=term_id)
        if term_id in seen:
            problems.add(path, line, "glossary.duplicate_id", id=term_id, first=seen[term_id])
            continue
        seen[term_id] = line
        aliases = tuple(str(a) for a in entry.get("aliases") or ())
        compounds = tuple(str(c) for c in entry.get("compounds") or ())
        for compound in compounds:
            if not any(spelling in compound and spelling != compound for spelling in (entry["term"], *aliases)):
                problems.add(path, line, "glossary.compound_not_longer", compound=compound, term=str(entry["term"]))
        terms.append(Term(term_id, str(entry["term"]), aliases, str(entry["definition"]).strip(), line, compounds))
    return terms

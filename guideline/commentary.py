"""Commentary (逐条解説): one Markdown page per provision, parsed into its parts.

The page's sections are fixed (趣旨, 事例, よくある質問, 関連条項) so that every provision
is explained the same way and the build can check that none is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .frontmatter import split
from .problems import Problems

SECTION_PURPOSE = "趣旨"
SECTION_EXAMPLES = "事例"
SECTION_FAQ = "よくある質問"
SECTION_RELATED = "関連条項"
SECTIONS = (SECTION_PURPOSE, SECTION_EXAMPLES, SECTION_FAQ, SECTION_RELATED)

FIELD_SCENE = "場面"
FIELD_POST = "投稿案"
FIELD_VERDICT = "判断"
FIELD_REASON = "理由"
FIELD_FIX = "改善案"
FIELDS = (FIELD_SCENE, FIELD_POST, FIELD_VERDICT, FIELD_REASON, FIELD_FIX)
VERDICTS = ("OK", "NG", "要注意")
REQUIRED_KEYS = ("clause", "title", "reviewed", "checklist")
MIN_EXAMPLES = 2
MIN_FAQS = 2

_SUBHEADING = re.compile(r"^###\s+(?P<title>.+?)\s*\{#(?P<anchor>[^\s}]+)\s*\}\s*$")
_FIELD = re.compile(r"^-\s+(?P<key>[^:：\s]+)\s*[:：]\s*(?P<value>.*)$")
_ANCHOR = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass
class Example:
    """A worked example: a scene, a draft post, a verdict and its reasons."""

    anchor: str
    title: str
    line: int
    fields: dict[str, str] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        return self.fields.get(FIELD_VERDICT, "")


@dataclass
class Faq:
    anchor: str
    question: str
    line: int
    answer: list[str] = field(default_factory=list)


@dataclass
class Commentary:
    """The commentary page of one provision."""

    clause: str
    path: str
    title: str
    reviewed: str
    checklist: str
    purpose: list[str]
    examples: list[Example]
    faqs: list[Faq]
    related: list[tuple[int, str]]  # (line, Markdown) of each bullet
    meta_lines: dict[str, int]
    lines: dict[str, int]  # section name -> line of its heading

    def prose(self) -> list[tuple[int, str]]:
        """Every piece of Markdown prose with its line, for cross-reference checks."""
        line = self.lines.get(SECTION_PURPOSE, 1)
        out = [(line, text) for text in self.purpose]
        for example in self.examples:
            out += [(example.field_lines[k], v) for k, v in example.fields.items()]
        for faq in self.faqs:
            out += [(faq.line, text) for text in [faq.question, *faq.answer]]
        out += self.related
        return out


def parse_commentary(text: str, path: str, problems: Problems) -> Commentary:
    """Parse a commentary page, adding every problem found to ``problems``."""
    doc = split(text, path, problems)
    meta = doc.meta
    if doc.meta or doc.key_lines:
        for key in REQUIRED_KEYS:
            value = meta.get(key)
            if value is None or str(value).strip() == "":
                problems.add(path, doc.key_lines.get(key, 2), f"front matter has no '{key}'; add '{key}: …'")
        for key in meta:
            if key not in REQUIRED_KEYS:
                problems.add(
                    path,
                    doc.key_lines[key],
                    f"unknown front matter key '{key}'; the keys are {', '.join(REQUIRED_KEYS)}",
                )
    commentary = Commentary(
        clause=str(meta.get("clause", "")),
        path=path,
        title=str(meta.get("title", "")),
        reviewed=str(meta.get("reviewed", "")),
        checklist=str(meta.get("checklist", "")),
        purpose=[],
        examples=[],
        faqs=[],
        related=[],
        meta_lines=doc.key_lines,
        lines={},
    )
    sections = _sections(doc.body, doc.body_start, path, problems)
    for name, (line, body) in sections.items():
        commentary.lines[name] = line
        if name == SECTION_PURPOSE:
            commentary.purpose = _paragraphs(body)
        elif name == SECTION_EXAMPLES:
            commentary.examples = _examples(body, path, problems)
        elif name == SECTION_FAQ:
            commentary.faqs = _faqs(body, path, problems)
        elif name == SECTION_RELATED:
            commentary.related = [
                (line, text.removeprefix("- ").strip()) for line, text in body if text.startswith("- ")
            ]
    _check_counts(commentary, problems)
    return commentary


def _sections(
    body: list[str], start: int, path: str, problems: Problems
) -> dict[str, tuple[int, list[tuple[int, str]]]]:
    sections: dict[str, tuple[int, list[tuple[int, str]]]] = {}
    current: list[tuple[int, str]] | None = None
    for offset, raw in enumerate(body):
        line = start + offset
        if raw.startswith("## "):
            name = raw[3:].strip()
            if name not in SECTIONS:
                problems.add(path, line, f"unknown section '{name}'; the sections are {', '.join(SECTIONS)}")
                current = None
            elif name in sections:
                problems.add(path, line, f"section '{name}' appears twice; merge the two")
                current = None
            else:
                current = []
                sections[name] = (line, current)
        elif raw.startswith("# "):
            problems.add(
                path, line, "do not write a page title: the build writes it from the provision's number and 'title'"
            )
        elif current is not None:
            current.append((line, raw))
        elif raw.strip():
            problems.add(path, line, f"text outside a section; put it under one of: {', '.join(SECTIONS)}")
    missing = [name for name in SECTIONS if name not in sections]
    for name in missing:
        problems.add(path, start, f"section '## {name}' is missing; add it (sections in order: {', '.join(SECTIONS)})")
    return sections


def _paragraphs(body: list[tuple[int, str]]) -> list[str]:
    paragraphs: list[str] = []
    buffer: list[str] = []
    for _, raw in [*body, (0, "")]:
        if raw.strip():
            buffer.append(raw.strip())
        elif buffer:
            paragraphs.append("".join(buffer))
            buffer = []
    return paragraphs


def _blocks(
    body: list[tuple[int, str]], path: str, problems: Problems, what: str
) -> list[tuple[int, str, str, list[tuple[int, str]]]]:
    """Split a section into ``### title {#anchor}`` blocks."""
    blocks: list[tuple[int, str, str, list[tuple[int, str]]]] = []
    seen: dict[str, int] = {}
    for line, raw in body:
        if raw.startswith("###"):
            match = _SUBHEADING.match(raw)
            if not match:
                problems.add(
                    path, line, f"{what} heading needs an anchor at the end, like '### … {{#delete-or-correct}}'"
                )
                blocks.append((line, raw.lstrip("# ").strip(), "", []))
                continue
            anchor = match.group("anchor")
            if not _ANCHOR.match(anchor):
                problems.add(path, line, f"invalid anchor {anchor!r}: use lowercase ASCII words joined by hyphens")
            if anchor in seen:
                problems.add(path, line, f"duplicate anchor {anchor!r} (first used on line {seen[anchor]}); rename one")
            seen[anchor] = line
            blocks.append((line, match.group("title"), anchor, []))
        elif blocks:
            blocks[-1][3].append((line, raw))
        elif raw.strip():
            problems.add(path, line, f"text before the first {what}; start each {what} with '### title {{#anchor}}'")
    return blocks


def _examples(body: list[tuple[int, str]], path: str, problems: Problems) -> list[Example]:
    examples = []
    for line, title, anchor, lines in _blocks(body, path, problems, "example"):
        example = Example(anchor, title, line)
        key = ""
        for field_line, raw in lines:
            match = _FIELD.match(raw)
            if match:
                key = match.group("key")
                if key not in FIELDS:
                    problems.add(path, field_line, f"unknown example field '{key}'; the fields are {', '.join(FIELDS)}")
                    key = ""
                    continue
                if key in example.fields:
                    problems.add(path, field_line, f"field '{key}' appears twice in this example")
                example.fields[key] = match.group("value").strip()
                example.field_lines[key] = field_line
            elif key and raw.startswith("  ") and raw.strip():
                joiner = "\n" if key in (FIELD_POST, FIELD_FIX) else ""
                value = example.fields[key]
                example.fields[key] = f"{value}{joiner}{raw.strip()}" if value else raw.strip()
            elif raw.strip():
                problems.add(path, field_line, "example text must be a field ('- 場面: …') or indented under one")
        _check_example(example, path, problems)
        examples.append(example)
    return examples


def _check_example(example: Example, path: str, problems: Problems) -> None:
    verdict = example.fields.get(FIELD_VERDICT)
    if verdict is None or not verdict:
        problems.add(
            path, example.line, f"example '{example.title}' has no verdict; add '- 判断: OK', 'NG' or '要注意'"
        )
    elif verdict not in VERDICTS:
        problems.add(
            path, example.field_lines[FIELD_VERDICT], f"unknown verdict {verdict!r}; use one of: {', '.join(VERDICTS)}"
        )
    for required in (FIELD_SCENE, FIELD_POST, FIELD_REASON):
        if not example.fields.get(required):
            problems.add(path, example.line, f"example '{example.title}' has no '{required}'; add '- {required}: …'")
    if verdict == "NG" and not example.fields.get(FIELD_FIX):
        problems.add(path, example.line, f"NG example '{example.title}' has no '{FIELD_FIX}'; add the corrected post")


def _faqs(body: list[tuple[int, str]], path: str, problems: Problems) -> list[Faq]:
    faqs = []
    for line, question, anchor, lines in _blocks(body, path, problems, "question"):
        faq = Faq(anchor, question, line, _paragraphs(lines))
        if not faq.answer:
            problems.add(path, line, f"question '{question}' has no answer; write it below the heading")
        faqs.append(faq)
    return faqs


def _check_counts(commentary: Commentary, problems: Problems) -> None:
    path = commentary.path
    if SECTION_EXAMPLES in commentary.lines and len(commentary.examples) < MIN_EXAMPLES:
        problems.add(
            path,
            commentary.lines[SECTION_EXAMPLES],
            f"{len(commentary.examples)} worked example(s); write at least {MIN_EXAMPLES} under '## {SECTION_EXAMPLES}'",
        )
    verdicts = {example.verdict for example in commentary.examples}
    if commentary.examples and not {"OK", "NG"} <= verdicts:
        lacking = " and ".join(v for v in ("OK", "NG") if v not in verdicts)
        problems.add(
            path,
            commentary.lines.get(SECTION_EXAMPLES, 1),
            f"no {lacking} example; a rule needs at least one OK and one NG example",
        )
    if SECTION_FAQ in commentary.lines and len(commentary.faqs) < MIN_FAQS:
        problems.add(
            path,
            commentary.lines[SECTION_FAQ],
            f"{len(commentary.faqs)} FAQ(s); write at least {MIN_FAQS} under '## {SECTION_FAQ}'",
        )

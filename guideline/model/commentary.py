"""Commentary (逐条解説): one Markdown page per provision, parsed into its parts.

The page's sections are fixed (趣旨, 事例, よくある質問, 関連条項; in English Purpose, Examples,
FAQ, Related provisions) so that every provision is explained the same way and the
build can check that none is missing.

Longer than most modules: it is the parser of one file format, sections and worked examples, with
the file:line of every problem; signals and situations, which the format names, have their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property

from guideline.messages import items
from guideline.model import references
from guideline.model.frontmatter import source_lines, split
from guideline.model.signals import ATTACHMENTS_KEY, Attachment, Signal, entry_lines, parse_attachments, parse_signals
from guideline.model.signals import KEY as SIGNALS_KEY
from guideline.model.vocabulary import search_keywords
from guideline.problems import Problems

# Sections and fields have fixed internal keys; each language names them in its own words.
PURPOSE, EXAMPLES, FAQ, RELATED = "purpose", "examples", "faq", "related"
SECTIONS = (PURPOSE, EXAMPLES, FAQ, RELATED)
SCENE, POST, VERDICT, REASON, FIX = "scene", "post", "verdict", "reason", "fix"
SITUATIONS = "situations"  # the casebook's tags, declared in glossary/situations.yml (see situations.py)
FIELDS = (SCENE, POST, VERDICT, SITUATIONS, REASON, FIX)
# How the labels in a situations field are separated: Japanese lists with 、, English with ;.
TAG_SEPARATORS = {"ja": "、", "en": ";"}
OK, NG, CAUTION = "OK", "NG", "caution"


@dataclass(frozen=True)
class Vocabulary:
    """How one language writes the section names, example fields and verdicts."""

    sections: dict[str, str]
    fields: dict[str, str]
    verdicts: dict[str, str]

    def section(self, key: str) -> str:
        return next(word for word, k in self.sections.items() if k == key)

    def field(self, key: str) -> str:
        return next(word for word, k in self.fields.items() if k == key)

    def verdict(self, key: str) -> str:
        return next(word for word, k in self.verdicts.items() if k == key)


VOCABULARIES = {
    "ja": Vocabulary(
        sections={"趣旨": PURPOSE, "事例": EXAMPLES, "よくある質問": FAQ, "関連条項": RELATED},
        fields={"場面": SCENE, "投稿案": POST, "判断": VERDICT, "状況": SITUATIONS, "理由": REASON, "改善案": FIX},
        verdicts={"OK": OK, "NG": NG, "要注意": CAUTION},
    ),
    "en": Vocabulary(
        sections={"Purpose": PURPOSE, "Examples": EXAMPLES, "FAQ": FAQ, "Related provisions": RELATED},
        fields={
            "Scene": SCENE,
            "Draft post": POST,
            "Verdict": VERDICT,
            "Situations": SITUATIONS,
            "Reasoning": REASON,
            "Improved post": FIX,
        },
        verdicts={"OK": OK, "NG": NG, "Caution": CAUTION},
    ),
}
REQUIRED_KEYS = ("clause", "title", "reviewed", "checklist")
KEYWORDS_KEY = "keywords"  # optional: the words staff use for the subject, a boosted field of the search index
TRANSLATION_KEY = "source"  # in a translation: the hash of the Japanese page it translates
MIN_EXAMPLES = 4  # staff learn a rule from its cases: at least one OK and one NG among them
MIN_FAQS = 3

_SUBHEADING = re.compile(r"^###\s+(?P<title>.+?)\s*\{#(?P<anchor>[^\s}]+)\s*\}\s*$")
_FIELD = re.compile(r"^-\s+(?P<key>[^:：]+?)\s*[:：]\s*(?P<value>.*)$")
_ANCHOR = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass
class Example:
    """A worked example: a scene, a draft post, a verdict and its reasons (keyed by internal field names)."""

    anchor: str
    title: str
    line: int
    fields: dict[str, str] = field(default_factory=dict)
    field_lines: dict[str, int] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        """The internal verdict: OK, NG or caution; empty when missing or unknown."""
        return self.fields.get(VERDICT, "")


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
    lang: str
    title: str
    reviewed: str
    checklist: str
    keywords: tuple[str, ...]
    source: str  # a translation's record of the Japanese text it translates; empty in Japanese
    purpose: list[str]
    examples: list[Example]
    faqs: list[Faq]
    related: list[tuple[int, str]]  # (line, Markdown) of each bullet
    meta_lines: dict[str, int]
    lines: dict[str, int]  # internal section key -> line of its heading
    source_lines: list[tuple[int, str]] = field(default_factory=list)  # every line inside a section, as written
    signals: list[Signal] = field(default_factory=list)  # what in a draft post points at this provision
    attachments: dict[str, Attachment] = field(default_factory=dict)  # example anchor -> what its images show

    def prose(self) -> list[tuple[int, str]]:
        """Every line of Markdown in the sections with its own line number, for cross-reference checks.

        Line by line, not paragraph by paragraph: a problem in a paragraph's third line names that line.
        """
        return self.source_lines

    @cached_property
    def cross_references(self) -> list[tuple[int, references.Reference]]:
        """Every cross-reference in the sections, with its line: found once, read by the checks and by the
        load that records backlinks."""
        return [(line, ref) for line, text in self.prose() for ref in references.find(text)]


def situation_labels(example: Example, lang: str) -> list[str]:
    """The situation labels an example names, in the order written."""
    raw = example.fields.get(SITUATIONS, "")
    return [tag.strip() for tag in raw.split(TAG_SEPARATORS.get(lang, "、")) if tag.strip()]


def parse_commentary(text: str, path: str, problems: Problems, lang: str = "ja") -> Commentary:
    """Parse a commentary page, adding every problem found to ``problems``."""
    words = VOCABULARIES[lang]
    doc = split(text, path, problems)
    meta = doc.meta
    # Signals are patterns in Japanese draft posts, attachments what the examples' images show for the
    # same check: declared once, on the Japanese page.
    allowed = (
        (*REQUIRED_KEYS, KEYWORDS_KEY, SIGNALS_KEY, ATTACHMENTS_KEY)
        if lang == "ja"
        else (*REQUIRED_KEYS, KEYWORDS_KEY, TRANSLATION_KEY)
    )
    if doc.meta or doc.key_lines:
        for key in REQUIRED_KEYS:  # a translation without 'source' is reported as stale, not rejected
            value = meta.get(key)
            if value is None or str(value).strip() == "":
                problems.add(path, doc.key_lines.get(key, 2), "frontmatter.missing_key", key=key)
        for key in meta:
            if key not in allowed:
                problems.add(path, doc.key_lines[key], "commentary.unknown_key", key=key, keys=items(allowed))
    commentary = Commentary(
        clause=str(meta.get("clause", "")),
        path=path,
        lang=lang,
        title=str(meta.get("title", "")),
        reviewed=str(meta.get("reviewed", "")),
        checklist=str(meta.get("checklist", "")),
        keywords=search_keywords(meta, doc.key_lines, path, problems),
        source=str(meta.get(TRANSLATION_KEY) or ""),
        purpose=[],
        examples=[],
        faqs=[],
        related=[],
        meta_lines=doc.key_lines,
        lines={},
    )
    if SIGNALS_KEY in meta:
        commentary.signals = parse_signals(meta[SIGNALS_KEY], doc.key_lines[SIGNALS_KEY], path, problems)
    sections = _sections(doc.body, doc.body_start, path, problems, words)
    for key, (line, lines) in sections.items():
        commentary.lines[key] = line
        commentary.source_lines += lines
        if key == PURPOSE:
            commentary.purpose = _paragraphs(lines)
        elif key == EXAMPLES:
            commentary.examples = _examples(lines, path, problems, words)
        elif key == FAQ:
            commentary.faqs = _faqs(lines, path, problems)
        elif key == RELATED:
            commentary.related = [(n, raw.removeprefix("- ").strip()) for n, raw in lines if raw.startswith("- ")]
    if ATTACHMENTS_KEY in meta:
        line = doc.key_lines[ATTACHMENTS_KEY]
        anchors = {example.anchor for example in commentary.examples}
        entries = entry_lines(source_lines(text), line, 1)
        commentary.attachments = parse_attachments(meta[ATTACHMENTS_KEY], entries, line, path, problems, anchors)
    _check_counts(commentary, problems, words)
    return commentary


Lines = list[tuple[int, str]]


def _sections(
    body: list[str], start: int, path: str, problems: Problems, words: Vocabulary
) -> dict[str, tuple[int, Lines]]:
    names = items(words.sections)
    sections: dict[str, tuple[int, Lines]] = {}
    current: Lines | None = None
    for offset, raw in enumerate(body):
        line = start + offset
        if raw.startswith("## "):
            name = raw[3:].strip()
            key = words.sections.get(name)
            if key is None:
                problems.add(path, line, "commentary.unknown_section", name=name, names=names)
                current = None
            elif key in sections:
                problems.add(path, line, "commentary.section_twice", name=name)
                current = None
            else:
                current = []
                sections[key] = (line, current)
        elif raw.startswith("# "):
            problems.add(path, line, "commentary.page_title")
        elif current is not None:
            current.append((line, raw))
        elif raw.strip():
            problems.add(path, line, "commentary.outside_section", names=names)
    for key in SECTIONS:
        if key not in sections:
            problems.add(path, start, "commentary.section_missing", name=words.section(key), names=names)
    return sections


def _paragraphs(body: Lines) -> list[str]:
    paragraphs: list[str] = []
    buffer: list[str] = []
    for _, raw in [*body, (0, "")]:
        if raw.strip():
            buffer.append(raw.strip())
        elif buffer:
            paragraphs.append(" ".join(buffer) if buffer[0].isascii() else "".join(buffer))
            buffer = []
    return paragraphs


def _blocks(body: Lines, path: str, problems: Problems, what: str) -> list[tuple[int, str, str, Lines]]:
    """Split a section into ``### title {#anchor}`` blocks; ``what`` is ``example`` or ``question``."""
    blocks: list[tuple[int, str, str, Lines]] = []
    seen: dict[str, int] = {}
    for line, raw in body:
        if raw.startswith("###"):
            match = _SUBHEADING.match(raw)
            if not match:
                problems.add(
                    path, line, "commentary.example_no_anchor" if what == "example" else "commentary.question_no_anchor"
                )
                blocks.append((line, raw.lstrip("# ").strip(), "", []))
                continue
            anchor = match.group("anchor")
            if not _ANCHOR.match(anchor):
                problems.add(path, line, "commentary.bad_anchor", anchor=anchor)
            if anchor in seen:
                problems.add(path, line, "commentary.duplicate_anchor", anchor=anchor, first=seen[anchor])
            seen[anchor] = line
            blocks.append((line, match.group("title"), anchor, []))
        elif blocks:
            blocks[-1][3].append((line, raw))
        elif raw.strip():
            problems.add(
                path, line, "commentary.text_before_example" if what == "example" else "commentary.text_before_question"
            )
    return blocks


def _examples(body: Lines, path: str, problems: Problems, words: Vocabulary) -> list[Example]:
    examples = []
    for line, title, anchor, lines in _blocks(body, path, problems, "example"):
        example = Example(anchor, title, line)
        key = ""
        for field_line, raw in lines:
            match = _FIELD.match(raw)
            if match:
                name = match.group("key").strip()
                key = words.fields.get(name, "")
                if not key:
                    problems.add(path, field_line, "commentary.unknown_field", name=name, fields=items(words.fields))
                    continue
                if key in example.fields:
                    problems.add(path, field_line, "commentary.field_twice", name=name)
                example.fields[key] = match.group("value").strip()
                example.field_lines[key] = field_line
            elif key and raw.startswith("  ") and raw.strip():
                value = example.fields[key]
                joiner = "\n" if key in (POST, FIX) else ("" if not value or not value[-1].isascii() else " ")
                example.fields[key] = f"{value}{joiner}{raw.strip()}" if value else raw.strip()
            elif raw.strip():
                first = words.field(SCENE)
                problems.add(path, field_line, "commentary.stray_example_text", first=first)
        _check_example(example, path, problems, words)
        examples.append(example)
    return examples


def _check_example(example: Example, path: str, problems: Problems, words: Vocabulary) -> None:
    written = example.fields.get(VERDICT)
    allowed = items(words.verdicts)
    if not written:
        problems.add(
            path,
            example.line,
            "commentary.no_verdict",
            title=example.title,
            field=words.field(VERDICT),
            allowed=allowed,
        )
    elif written not in words.verdicts:
        problems.add(path, example.field_lines[VERDICT], "commentary.unknown_verdict", verdict=written, allowed=allowed)
        del example.fields[VERDICT]
    else:
        example.fields[VERDICT] = words.verdicts[written]
    for required in (SCENE, POST, REASON):
        if not example.fields.get(required):
            name = words.field(required)
            problems.add(path, example.line, "commentary.missing_field", title=example.title, name=name)
    if example.verdict == NG and not example.fields.get(FIX):
        problems.add(path, example.line, "commentary.ng_without_fix", title=example.title, name=words.field(FIX))


def _faqs(body: Lines, path: str, problems: Problems) -> list[Faq]:
    faqs = []
    for line, question, anchor, lines in _blocks(body, path, problems, "question"):
        faq = Faq(anchor, question, line, _paragraphs(lines))
        if not faq.answer:
            problems.add(path, line, "commentary.no_answer", question=question)
        faqs.append(faq)
    return faqs


def _check_counts(commentary: Commentary, problems: Problems, words: Vocabulary) -> None:
    path = commentary.path
    if EXAMPLES in commentary.lines and len(commentary.examples) < MIN_EXAMPLES:
        problems.add(
            path,
            commentary.lines[EXAMPLES],
            "commentary.too_few_examples",
            count=len(commentary.examples),
            minimum=MIN_EXAMPLES,
            section=words.section(EXAMPLES),
        )
    verdicts = {example.verdict for example in commentary.examples}
    if commentary.examples and not {OK, NG} <= verdicts:
        lacking = items((v for v in (OK, NG) if v not in verdicts), "and")
        problems.add(path, commentary.lines.get(EXAMPLES, 1), "commentary.lacking_verdicts", lacking=lacking)
    if FAQ in commentary.lines and len(commentary.faqs) < MIN_FAQS:
        problems.add(
            path,
            commentary.lines[FAQ],
            "commentary.too_few_faqs",
            count=len(commentary.faqs),
            minimum=MIN_FAQS,
            section=words.section(FAQ),
        )

"""YAML front matter with line numbers, so errors point at the right line."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from guideline.messages import Text
from guideline.problems import Problems

# libyaml's loader when PyYAML was built with it: the same documents, parsed about ten times faster,
# which matters once a guideline has thousands of commentary pages and a long release record.
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    """The node tree (for line numbers) and the data of a YAML text.

    Fast with libyaml; a text it rejects is parsed again by PyYAML itself, so that the error
    raised, its wording and its line are PyYAML's, as editors and tests have always seen them.
    """
    try:
        return compose_and_load(text, SAFE_LOADER)
    except yaml.YAMLError:
        return compose_and_load(text, yaml.SafeLoader)


def compose_and_load(text: str, loader_class: Any = SAFE_LOADER) -> tuple[yaml.Node | None, Any]:
    """The node tree and the data of a YAML text, parsed once: the data is constructed from the tree, as
    ``yaml.load`` does (``yaml.compose`` then ``yaml.load`` parsed every file twice)."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


def yaml_position(error: yaml.YAMLError) -> tuple[int, int]:
    """Where PyYAML stopped: (0-based line, 1-based column), so a message can name them in plain words.

    PyYAML's own wording (``mapping values are not allowed here``) is never shown to a clerk.
    """
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return (mark.line, mark.column + 1) if mark is not None else (0, 1)


def parse_declarations(text: str, path: str, problems: Problems, what: Text) -> tuple[yaml.Node | None, Any]:
    """``parse_yaml`` for a file of declarations (``what``: the glossary, the casebook's situations, the
    投稿案チェック's vocabularies); a text that is not YAML is reported at its line and column, and gives
    (None, None)."""
    try:
        return parse_yaml(text)
    except yaml.YAMLError as error:
        line, column = yaml_position(error)
        problems.add(path, 1 + line, "declarations.unreadable", what=what, column=column)
        return None, None


def source_lines(text: str) -> list[str]:
    """The lines of a source file as its editor sees them: a leading BOM dropped, CRLF and CR read as LF.

    Only these three end a line. ``str.splitlines`` would also break at U+2028, U+0085 or a form feed,
    which no editor shows as a new line, and so silently split a provision in two.
    """
    text = text.removeprefix("\ufeff")
    lines = re.split(r"\r\n|\r|\n", text)
    return lines[:-1] if lines and lines[-1] == "" else lines


@dataclass(frozen=True)
class Document:
    """A Markdown file split into its front matter and body."""

    meta: dict[str, Any]
    key_lines: dict[str, int]
    body: list[str]
    body_start: int  # 1-based line number of body[0]


def split(text: str, path: str, problems: Problems) -> Document:
    """Split ``---``-delimited front matter from the body.

    A file without front matter, or with front matter that is not a YAML mapping,
    is reported; the body is still returned so that later checks can run.
    """
    lines = source_lines(text)
    if not lines or lines[0].strip() != "---":
        problems.add(path, 1, "frontmatter.missing")
        return Document({}, {}, lines, 1)
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        problems.add(path, 1, "frontmatter.unclosed")
        return Document({}, {}, [], len(lines) + 1)
    source = "\n".join(lines[1:end])
    body = lines[end + 1 :]
    try:
        node, data = parse_yaml(source)
    except yaml.YAMLError as error:
        line, column = yaml_position(error)
        problems.add(path, 2 + line, "frontmatter.unreadable", column=column)
        return Document({}, {}, body, end + 2)
    if data is None:
        data = {}
    if not isinstance(data, dict) or not isinstance(node, (yaml.MappingNode, type(None))):
        problems.add(path, 2, "frontmatter.not_mapping")
        return Document({}, {}, body, end + 2)
    key_lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            key_lines[str(key_node.value)] = key_node.start_mark.line + 2
    return Document({str(k): v for k, v in data.items()}, key_lines, body, end + 2)

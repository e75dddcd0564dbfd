"""Labelled drafts (``glossary/labelled/*.yml``): draft posts a reviewer has marked with the provisions
they touch (``flag:``) and those they must not be taken for (``not:``).

投稿案チェック compares a draft with them as well as with the worked examples (``guideline/site/postcheck.py``),
and ``tests/test_postcheck.py`` measures the check on them, each file left out of the cases in turn. The
three files here were written as measuring sets and are hash-pinned by that test; the division may add a
file of its own. Every problem is reported with its file and line, as for the other declarations.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from guideline.messages import msg
from guideline.model import references
from guideline.model.frontmatter import parse_declarations
from guideline.problems import Problems, display_path

LABELLED_DIR = "glossary/labelled"
_KEYS = {"text", "images", "flag", "not"}


@dataclass(frozen=True)
class LabelledDraft:
    path: str
    line: int
    text: str
    images: str = ""  # what the post's photos show, as staff would describe them
    flag: tuple[str, ...] = ()
    not_: tuple[str, ...] = ()


def parse_labelled(text: str, path: str, problems: Problems) -> list[LabelledDraft]:
    """One file: ``posts:``, a list of ``{text, images?, flag?, not?}``."""
    node, data = parse_declarations(text, path, problems, msg("labelled.what"))
    if node is None:
        return []
    pairs = node.value if isinstance(node, yaml.MappingNode) else []
    posts_node = next((v for k, v in pairs if k.value == "posts"), None)
    if not isinstance(data, dict) or not isinstance(posts_node, yaml.SequenceNode):
        problems.add(path, 1, "labelled.no_posts")
        return []
    out: list[LabelledDraft] = []
    for item, post in zip(posts_node.value, data["posts"], strict=True):
        line = item.start_mark.line + 1
        lists = {key: post.get(key) or [] for key in ("flag", "not")} if isinstance(post, dict) else {}
        if (
            not isinstance(post, dict)
            or not isinstance(post.get("text"), str)
            or not post["text"].strip()
            or set(post) - _KEYS
            or not isinstance(post.get("images", ""), str)
            or not all(isinstance(ids, list) and all(isinstance(i, str) for i in ids) for ids in lists.values())
        ):
            problems.add(path, line, "labelled.bad_post")
            continue
        out.append(
            LabelledDraft(path, line, post["text"], post.get("images", ""), tuple(lists["flag"]), tuple(lists["not"]))
        )
    return out


def load_labelled(root: Path, problems: Problems) -> dict[str, list[LabelledDraft]]:
    """Every file of labelled drafts, by name (its stem), in name order."""
    found: dict[str, list[LabelledDraft]] = {}
    for path in sorted((root / LABELLED_DIR).glob("*.yml")):
        found[path.stem] = parse_labelled(path.read_text(encoding="utf-8"), display_path(path, root), problems)
    return found


def check_ids(labelled: dict[str, list[LabelledDraft]], known: Iterable[str], problems: Problems) -> None:
    """Every id a labelled draft names is a provision's."""
    ids = set(known)
    for drafts in labelled.values():
        for draft in drafts:
            for pid in (*draft.flag, *draft.not_):
                if pid not in ids:
                    hint = references.did_you_mean(pid, ids)
                    problems.add(draft.path, draft.line, "labelled.unknown_id", id=pid, hint=hint)

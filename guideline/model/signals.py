"""Signals: what in a draft post points at a provision, as its commentary page declares them.

Staff paste a draft post into the check page; a script in their browser looks for the signals
that each provision's commentary declares in its front matter, and shows which provisions and
worked examples the draft touches. Nothing leaves the browser. The signals live in the content,
so the division adds one without touching code:

    signals:
      - words: [中止, 延期]        # any of these in the draft …
        unless: [ホームページ, http]  # … unless the draft also names its source
      - words: [応援]
        with: [候補, 選挙]           # only together with one of these
      - pattern: phone            # a kind of text the script recognises (PATTERNS)
      - words: [$hearsay]        # a lexicon: a family of expressions declared once, by its name
        unless: [$public-source]

Lexicons (語彙) are declared once, in ``glossary/signals.yml``, for the families of expressions
that several provisions share (hearsay, cancellations, emergencies, jokes…); any list of a signal
may name one as ``$name``. A lexicon may say which of its matches are not members of the family
(``except:``: 「本庄らしい景色」 is not hearsay). Two marks make a word general: ``〇〇`` stands for a
name or noun (kanji or katakana: 〇〇教, らしい〇〇) and ``…`` for a few characters within a sentence
(会議で…聞いた, とか…とか).

A worked example whose problem is in its photo rather than its words can say what that photo shows,
as staff would describe it in the page's optional field for attachments; the measurement passes it
with the example's draft, so the signals are measured on what staff would really give the page:

    attachments:
      quotation-in-photo:          # an example's anchor on this page
        post: 打ち合わせの写真。机の上の見積書の金額が読める   # what the 投稿案's image shows
        fix: 書類のない机で撮り直した打ち合わせの写真          # and the 改善案's

This module checks the declarations (file:line, in Japanese) and gathers what the page needs;
the matching itself is in ``docs/assets/post-check.js``, which the tests run on a frozen set of
draft posts. A little over the usual length: the three declarations (signals, lexicons, attachments)
share one grammar of lists and one way of naming the line of each problem.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from guideline.labels import text as label_text
from guideline.messages import Text, msg
from guideline.messages import items as listed
from guideline.model.frontmatter import parse_declarations
from guideline.model.paths import DEFAULT_LANG
from guideline.problems import Problems, display_path

KEY = "signals"
ATTACHMENTS_KEY = "attachments"
_SIDES = ("post", "fix")  # the 投稿案's attachment and the 改善案's
# The kinds of text the script recognises, by the name a commentary page uses for them.
# What each is called is in the catalogue of labels (section PATTERNS).
PATTERNS = (
    "phone",
    "email",
    "address",
    "plate",
    "url",
    "shortener",
    "datetime",
    "weekday",
    "mention",
    "election-hashtag",
)
_LISTS = ("words", "with", "unless")
LEXICONS_FILE = "glossary/signals.yml"
_LEXICON_KEYS = ("title", "words", "except")
_REFERENCE = re.compile(r"^\$([a-z][a-z0-9]*(?:-[a-z0-9]+)*)$")
# 〇〇 in a word: a name or noun, written in kanji or katakana (or the placeholders drafts use for one).
_NOUN = "[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fc\u3007\u25cb\u25b3\u25a1\u00d7]{1,10}"
# … in a word: a few characters, not across the end of a sentence (the text is NFKC: ！？ are !?).
_GAP = "[^\u3002!?\n]{0,12}?"
_MARKS = re.compile(r"(〇〇+|…)")
_SPECIAL = re.compile(r"([\\^$.*+?()\[\]{}|/])")


@dataclass(frozen=True)
class Signal:
    """One thing in a draft that points at a provision: any of ``words``, or a ``pattern``."""

    line: int
    words: tuple[str, ...] = ()
    pattern: str = ""
    with_: tuple[str, ...] = ()  # the signal needs one of these too
    unless: tuple[str, ...] = ()  # the signal is silent when one of these is there


def parse_signals(value: object, line: int, path: str, problems: Problems) -> list[Signal]:
    """The ``signals:`` list of a commentary page; every malformed entry is reported at ``line``."""
    if value is None:
        return []
    fix = msg("signals.fix")
    if not isinstance(value, list) or not value:
        problems.add(path, line, "signals.not_list", fix=fix)
        return []
    signals = []
    for number, entry in enumerate(value, start=1):
        where = msg("signals.where", number=number)
        if not isinstance(entry, dict):
            problems.add(path, line, "signals.not_entry", where=where, entry=str(entry), fix=fix)
            continue
        _unknown_keys(entry, (*_LISTS, "pattern"), where, path, line, problems)
        lists: dict[str, tuple[str, ...]] = {}
        for key in _LISTS:
            items = entry.get(key, [])
            empty = key in entry and not items
            if empty or not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
                problems.add(path, line, "signals.bad_list", where=where, key=key)
                items = []
            lists[key] = tuple(i.strip() for i in items)
        pattern = entry.get("pattern", "")
        if pattern and pattern not in PATTERNS:
            kinds = listed(f"{name}（{label_text(DEFAULT_LANG, name, 'PATTERNS')}）" for name in PATTERNS)
            problems.add(path, line, "signals.unknown_pattern", where=where, pattern=str(pattern), kinds=kinds)
            continue
        if bool(pattern) == bool(lists["words"]):
            problems.add(path, line, "signals.words_or_pattern", where=where)
            continue
        signals.append(Signal(line, lists["words"], str(pattern), lists["with"], lists["unless"]))
    return signals


def _unknown_keys(
    entry: dict[Any, Any], known: tuple[str, ...], where: Text, path: str, line: int, problems: Problems
) -> None:
    unknown = sorted(set(map(str, entry)) - set(known))
    if unknown:
        problems.add(path, line, "signals.unknown_keys", where=where, keys=listed(unknown), known=listed(known))


@dataclass(frozen=True)
class Attachment:
    """What the photos or images attached to a worked example's 投稿案 and 改善案 show, in staff's words."""

    line: int
    post: str
    fix: str


def parse_attachments(
    value: object, lines: dict[str, int], line: int, path: str, problems: Problems, anchors: set[str]
) -> dict[str, Attachment]:
    """The ``attachments:`` of a commentary page, keyed by example anchor; ``lines`` locates each anchor's entry."""
    fix = msg("attachments.fix")
    if not isinstance(value, dict) or not value:
        problems.add(path, line, "attachments.not_mapping", fix=fix)
        return {}
    attachments = {}
    for anchor, entry in value.items():
        where = lines.get(str(anchor), line)
        if str(anchor) not in anchors:
            known = listed(sorted(anchors))
            problems.add(
                path,
                where,
                "attachments.unknown_anchor",
                anchor=str(anchor),
                known=known,
            )
            continue
        if not isinstance(entry, dict):
            problems.add(path, where, "attachments.not_entry", anchor=str(anchor), fix=fix)
            continue
        _unknown_keys(entry, _SIDES, msg("attachments.where", anchor=str(anchor)), path, where, problems)
        sides = {}
        for side in _SIDES:
            text = entry.get(side)
            if not isinstance(text, str) or not text.strip():
                problems.add(
                    path,
                    where,
                    "attachments.missing_post" if side == "post" else "attachments.missing_fix",
                    anchor=str(anchor),
                )
                text = ""
            sides[side] = text.strip()
        if all(sides.values()):
            attachments[str(anchor)] = Attachment(where, sides["post"], sides["fix"])
    return attachments


def entry_lines(front_matter: list[str], key_line: int, first_line: int) -> dict[str, int]:
    """The line of each ``name:`` nested under the top-level key at ``key_line`` (front matter from ``first_line``)."""
    found: dict[str, int] = {}
    indent = 0
    for number, raw in enumerate(front_matter[key_line - first_line + 1 :], start=key_line + 1):
        if raw and not raw[0].isspace():
            break
        depth = len(raw) - len(raw.lstrip())
        name, colon, _ = raw.strip().partition(":")
        indent = indent or depth
        if colon and name and depth == indent:
            found[name.strip()] = number
    return found


@dataclass(frozen=True)
class Lexicon:
    """A family of expressions that several provisions' signals share, declared once and named."""

    name: str
    line: int
    title: str
    words: tuple[str, ...]
    except_: tuple[str, ...] = ()  # matches of ``words`` that are not of the family


def parse_lexicons(text: str, path: str, problems: Problems) -> dict[str, Lexicon]:
    """``glossary/signals.yml``: each lexicon's name, title, words and exceptions, checked at their lines."""
    fix = msg("lexicons.fix")
    node, data = parse_declarations(text, path, problems, msg("lexicons.what"))
    if node is None:
        return {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        problems.add(path, 1, "lexicons.not_mapping", fix=fix)
        return {}
    lexicons: dict[str, Lexicon] = {}
    for key_node, _ in node.value:
        name, line = str(key_node.value), key_node.start_mark.line + 1
        entry = data.get(key_node.value)
        if not _REFERENCE.match(f"${name}"):
            problems.add(path, line, "lexicons.bad_name", name=name)
            continue
        if not isinstance(entry, dict):
            problems.add(path, line, "lexicons.not_entry", name=name, fix=fix)
            continue
        _unknown_keys(entry, _LEXICON_KEYS, msg("lexicons.where", name=name), path, line, problems)
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("words", "except"):
            items = entry.get(key, [])
            if (
                (key == "words" and not items)
                or not isinstance(items, list)
                or not all(isinstance(i, str) and i.strip() for i in items)
            ):
                problems.add(path, line, "lexicons.bad_list", name=name, key=key)
                items = []
            nested = [i for i in items if _REFERENCE.match(i.strip())]
            if nested:
                problems.add(path, line, "lexicons.nested", name=name, key=key, nested=nested[0])
            lists[key] = tuple(i.strip() for i in items if i not in nested)
        if lists["words"]:
            lexicons[name] = Lexicon(name, line, str(entry.get("title") or name), lists["words"], lists["except"])
    return lexicons


def load_lexicons(root: Path, problems: Problems) -> dict[str, Lexicon]:
    path = root / LEXICONS_FILE
    if not path.exists():
        return {}
    return parse_lexicons(path.read_text(encoding="utf-8"), display_path(path, root), problems)


def check_references(
    pages: Iterable[tuple[str, list[Signal]]], lexicons: dict[str, Lexicon], problems: Problems
) -> None:
    """Every ``$name`` a signal names is a lexicon of ``glossary/signals.yml``, reported at the signal's line."""
    known = listed(sorted(lexicons)) if lexicons else msg("lexicons.none")
    for path, signals in pages:
        for signal in signals:
            for item in (*signal.words, *signal.with_, *signal.unless):
                found = _REFERENCE.match(item)
                if found and found[1] not in lexicons:
                    problems.add(path, signal.line, "lexicons.unknown", item=item, file=LEXICONS_FILE, known=known)


def word_pattern(word: str) -> str:
    """A word as a regular expression that Python and the browser read alike, on text folded as the page folds it."""
    parts = []
    for part in _MARKS.split(word):
        if part == "…":
            parts.append(_GAP)
        elif part.startswith("〇〇"):
            parts.append(_NOUN)
        elif part:
            parts.append(_SPECIAL.sub(r"\\\1", unicodedata.normalize("NFKC", part).lower()))
    return "".join(parts)


def _terms(items: tuple[str, ...], lexicons: dict[str, Lexicon]) -> list[dict[str, str]]:
    """A signal's list as the page's script reads it: one term for its own words, one per lexicon named."""
    words = [i for i in items if not _REFERENCE.match(i)]
    terms = [{"re": "|".join(map(word_pattern, words)), "not": ""}] if words else []
    for item in items:
        found = _REFERENCE.match(item)
        if found and found[1] in lexicons:
            lexicon = lexicons[found[1]]
            terms.append(
                {"re": "|".join(map(word_pattern, lexicon.words)), "not": "|".join(map(word_pattern, lexicon.except_))}
            )
    return terms


def signal_data(signal: Signal, lexicons: dict[str, Lexicon]) -> dict[str, Any]:
    """What the page's script needs of one signal, with the lexicons it names spelled out."""
    data: dict[str, Any] = {key: _terms(getattr(signal, "with_" if key == "with" else key), lexicons) for key in _LISTS}
    if signal.pattern:
        data["pattern"] = signal.pattern
    return data

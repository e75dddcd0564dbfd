"""Search vocabulary: the words staff use for a provision's subject (`keywords:` in commentary front matter).

The search index boosts these words on their page, so the division adds a word staff type without
touching the search script. The build checks them: a list of non-empty words, none repeated on the
page, and none on two pages of the same language (the search could not tell which page it means).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from guideline.messages import items
from guideline.problems import Problems

if TYPE_CHECKING:
    from guideline.model.commentary import Commentary

KEY = "keywords"


def fold(word: str) -> str:
    """The form two spellings of one word share: NFKC, lower case, katakana as hiragana."""
    text = unicodedata.normalize("NFKC", word).casefold().strip()
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


def search_keywords(meta: dict[str, Any], key_lines: dict[str, int], path: str, problems: Problems) -> tuple[str, ...]:
    """The page's `keywords:`, each problem reported at the key's line; () when the page has none."""
    if KEY not in meta:
        return ()
    line = key_lines.get(KEY, 2)
    value = meta[KEY]
    if not isinstance(value, list) or not value:
        problems.add(path, line, "keywords.not_list")
        return ()
    words: list[str] = []
    seen: set[str] = set()
    for item in value:
        word = str(item).strip() if isinstance(item, (str, int, float)) else ""
        if not word:
            problems.add(path, line, "keywords.bad_item", item=repr(item))
            continue
        if fold(word) in seen:
            problems.add(path, line, "keywords.twice", word=word)
            continue
        seen.add(fold(word))
        words.append(word)
    return tuple(words)


def check_shared_keywords(commentaries: Iterable[Commentary], problems: Problems) -> None:
    """A word on two pages of one language is reported on both, naming the other."""
    owners: dict[str, list[Commentary]] = {}
    for commentary in commentaries:
        for word in commentary.keywords:
            owners.setdefault(fold(word), []).append(commentary)
    for pages in owners.values():
        if len(pages) < 2:
            continue
        for page in pages:
            others = items(other.path for other in pages if other is not page)
            word = next(w for w in page.keywords if fold(w) in owners and owners[fold(w)] is pages)
            problems.add(page.path, page.meta_lines.get(KEY, 2), "keywords.shared", word=word, others=others)

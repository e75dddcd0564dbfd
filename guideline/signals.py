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

This module checks the declarations (file:line, in Japanese) and gathers what the page needs;
the matching itself is in ``docs/assets/post-check.js``, which the tests run on a frozen set of
draft posts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .messages import items as listed
from .messages import msg
from .problems import Problems

KEY = "signals"
# The kinds of text the script recognises, by the name a commentary page uses for them.
PATTERNS = {  # name: (Japanese, English) of what it finds, as the check page shows it
    "phone": ("電話番号", "phone number"),
    "email": ("メールアドレス", "e-mail address"),
    "address": ("住所", "postal address"),
    "plate": ("車のナンバー", "number plate"),
    "url": ("URL", "URL"),
    "shortener": ("短縮URL", "shortened URL"),
    "datetime": ("日付・時刻", "date or time"),
    "weekday": ("曜日の合わない日付", "date whose weekday is wrong"),
    "mention": ("個人への@メンション", "@mention of a person"),
    "election-hashtag": ("選挙のハッシュタグ", "election hashtag"),
}
_LISTS = ("words", "with", "unless")


@dataclass(frozen=True)
class Signal:
    """One thing in a draft that points at a provision: any of ``words``, or a ``pattern``."""

    line: int
    words: tuple[str, ...] = ()
    pattern: str = ""
    with_: tuple[str, ...] = ()  # the signal needs one of these too
    unless: tuple[str, ...] = ()  # the signal is silent when one of these is there

    def as_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"words": list(self.words), "with": list(self.with_), "unless": list(self.unless)}
        if self.pattern:
            data["pattern"] = self.pattern
        return data


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
            problems.add(path, line, "signals.not_entry", where=where, entry=repr(entry), fix=fix)
            continue
        unknown = sorted(set(entry) - {*_LISTS, "pattern"})
        if unknown:
            problems.add(path, line, "signals.unknown_keys", where=where, keys=listed(unknown))
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
            kinds = listed(f"{name}（{what}）" for name, (what, _) in PATTERNS.items())
            problems.add(path, line, "signals.unknown_pattern", where=where, pattern=str(pattern), kinds=kinds)
            continue
        if bool(pattern) == bool(lists["words"]):
            problems.add(path, line, "signals.words_or_pattern", where=where)
            continue
        signals.append(Signal(line, lists["words"], str(pattern), lists["with"], lists["unless"]))
    return signals

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

A worked example whose problem is in its photo rather than its words can say what that photo shows,
as staff would describe it in the page's optional field for attachments; the measurement passes it
with the example's draft, so the signals are measured on what staff would really give the page:

    attachments:
      quotation-in-photo:          # an example's anchor on this page
        post: 打ち合わせの写真。机の上の見積書の金額が読める   # what the 投稿案's image shows
        fix: 書類のない机で撮り直した打ち合わせの写真          # and the 改善案's

This module checks the declarations (file:line, in Japanese) and gathers what the page needs;
the matching itself is in ``docs/assets/post-check.js``, which the tests run on a frozen set of
draft posts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .problems import Problems

KEY = "signals"
ATTACHMENTS_KEY = "attachments"
_SIDES = ("post", "fix")  # the 投稿案's attachment and the 改善案's
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
    fix = "「- words: [語, 語]」か「- pattern: 種類」の並びで書いてください。"
    if not isinstance(value, list) or not value:
        problems.add(path, line, f"signals が一覧になっていません。{fix}")
        return []
    signals = []
    for number, entry in enumerate(value, start=1):
        where = f"signals の{number}番目"
        if not isinstance(entry, dict):
            problems.add(path, line, f"{where}（{entry!r}）が項目になっていません。{fix}")
            continue
        unknown = sorted(set(entry) - {*_LISTS, "pattern"})
        if unknown:
            problems.add(
                path,
                line,
                f"{where}に知らないキー {', '.join(unknown)} があります。使えるのは words, pattern, with, unless です。",
            )
        lists: dict[str, tuple[str, ...]] = {}
        for key in _LISTS:
            items = entry.get(key, [])
            empty = key in entry and not items
            if empty or not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
                problems.add(path, line, f"{where}の {key} は、空でない語の一覧にしてください（例：{key}: [語, 語]）。")
                items = []
            lists[key] = tuple(i.strip() for i in items)
        pattern = entry.get("pattern", "")
        if pattern and pattern not in PATTERNS:
            kinds = "、".join(f"{name}（{what}）" for name, (what, _) in PATTERNS.items())
            problems.add(path, line, f"{where}の pattern {pattern!r} は知らない種類です。使える種類：{kinds}。")
            continue
        if bool(pattern) == bool(lists["words"]):
            problems.add(path, line, f"{where}には words か pattern のどちらか一方を書いてください。")
            continue
        signals.append(Signal(line, lists["words"], str(pattern), lists["with"], lists["unless"]))
    return signals


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
    fix = "「attachments:」の下に「事例のアンカー:」、その下に「post: 投稿案の画像に写っているもの」と「fix: 改善案の画像に写っているもの」を書いてください。"
    if not isinstance(value, dict) or not value:
        problems.add(path, line, f"attachments が事例ごとの項目になっていません。{fix}")
        return {}
    attachments = {}
    for anchor, entry in value.items():
        where = lines.get(str(anchor), line)
        if str(anchor) not in anchors:
            known = "、".join(sorted(anchors)) or "なし"
            problems.add(
                path,
                where,
                f"attachments の {anchor!r} はこのページの事例のアンカーではありません。事例のアンカー：{known}。",
            )
            continue
        if not isinstance(entry, dict):
            problems.add(path, where, f"attachments の {anchor} が項目になっていません。{fix}")
            continue
        unknown = sorted(set(map(str, entry)) - set(_SIDES))
        if unknown:
            problems.add(
                path,
                where,
                f"attachments の {anchor} に知らないキー {', '.join(unknown)} があります。使えるのは post, fix です。",
            )
        sides = {}
        for side in _SIDES:
            text = entry.get(side)
            if not isinstance(text, str) or not text.strip():
                what = "投稿案" if side == "post" else "改善案（画像を替えないなら投稿案と同じもの）"
                problems.add(
                    path, where, f"attachments の {anchor} の {side} に、{what}の画像に写っているものを書いてください。"
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

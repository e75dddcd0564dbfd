"""投稿案チェック: the signals declared in the commentary, measured on draft posts.

Two sets of drafts measure the check. The worked examples' own 投稿案 and 改善案 are what the
signals were written from (a draft the guideline calls NG should be flagged by its provision; its
改善案 should not). ``tests/postcheck_posts.yml`` is frozen: written before any signal existed and
never tuned on. Its figures are the honest ones. ``python tests/test_postcheck.py`` prints both.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from guideline.commentary import FIX, NG, POST, parse_commentary
from guideline.postcheck import page_data
from guideline.problems import Problems
from guideline.project import load
from guideline.translation import source_hash

ROOT = Path(__file__).resolve().parents[1]
FROZEN = ROOT / "tests" / "postcheck_posts.yml"
FROZEN_SHA256 = "0fac3af76c46de5ac50110e4da48c840b1e9d290d58fae372c287c923fa2f7b3"
RUNNER = ROOT / "tests" / "js" / "postcheck_run.js"
TODAY = "2026-12-02"  # the weekday check reads the date; the figures must not move with the calendar


def analyse(drafts: list[str]) -> list[dict[str, object]]:
    """What docs/assets/post-check.js finds in each draft, run by Node over the real guideline's data."""
    with tempfile.TemporaryDirectory(prefix="postcheck-") as tmp:
        data, posts = Path(tmp) / "data.json", Path(tmp) / "posts.json"
        data.write_text(json.dumps(_data(), ensure_ascii=False), encoding="utf-8")
        posts.write_text(json.dumps(drafts, ensure_ascii=False), encoding="utf-8")
        out = subprocess.run(
            ["node", str(RUNNER), str(data), str(posts), TODAY], capture_output=True, text=True, check=True
        )
    result: list[dict[str, object]] = json.loads(out.stdout)
    return result


@cache
def _data() -> dict[str, object]:
    return page_data(load(ROOT, "ja", drafts=False))


def flagged(drafts: list[str]) -> list[set[str]]:
    return [set(map(str, r["flagged"])) for r in analyse(drafts)]  # type: ignore[call-overload]


@dataclass(frozen=True)
class Figures:
    ng_flagged: float  # NG examples' drafts flagged by their own provision
    fix_flagged: float  # their 改善案 flagged by that provision
    frozen_recall: float  # frozen drafts: expected provisions found
    frozen_false_alarms: float  # frozen drafts: provisions named as must-not that were flagged
    misses: list[str]


def measure() -> Figures:
    guideline = load(ROOT, "ja", drafts=False)
    ng = [(c.clause, e) for c in guideline.commentaries.values() for e in c.examples if e.verdict == NG]
    posts = flagged([e.fields[POST] for _, e in ng])
    fixes = flagged([e.fields[FIX] for _, e in ng])
    frozen = yaml.safe_load(FROZEN.read_text(encoding="utf-8"))["posts"]
    found = flagged([p["text"] for p in frozen])
    expected = [(i, pid) for i, p in enumerate(frozen) for pid in p.get("flag", [])]
    forbidden = [(i, pid) for i, p in enumerate(frozen) for pid in p.get("not", [])]
    misses = [f"{frozen[i]['text']} → {pid}" for i, pid in expected if pid not in found[i]]
    return Figures(
        ng_flagged=sum(pid in f for (pid, _), f in zip(ng, posts, strict=True)) / len(ng),
        fix_flagged=sum(pid in f for (pid, _), f in zip(ng, fixes, strict=True)) / len(ng),
        frozen_recall=sum(pid in found[i] for i, pid in expected) / len(expected),
        frozen_false_alarms=sum(pid in found[i] for i, pid in forbidden) / len(forbidden),
        misses=misses,
    )


def test_the_frozen_set_is_unchanged() -> None:
    assert hashlib.sha256(FROZEN.read_bytes()).hexdigest() == FROZEN_SHA256, (
        "tests/postcheck_posts.yml is frozen: add new drafts to the worked examples instead"
    )


def test_figures_hold() -> None:
    """Floors set from the measurement of 2026-12-02 on 78 NG examples and the frozen set: a fall is a regression."""
    figures = measure()
    print(figures)
    assert figures.ng_flagged >= 0.75  # measured 0.77; the aim is 0.9 (see README: what text cannot show)
    assert figures.fix_flagged <= 0.05  # measured 0.01; the ceiling is 0.2
    assert figures.frozen_recall >= 0.95  # measured 1.00
    assert figures.frozen_false_alarms <= 0.05  # measured 0.02


def test_a_draft_with_nothing_to_flag_gets_no_finding() -> None:
    (result,) = analyse(["今日はいいお天気だね。公園のお花がきれいに咲いているよ"])
    assert result["flagged"] == []


def test_each_kind_of_pattern_is_found() -> None:
    drafts = {
        "rights": "担当の山田（090-1234-5678）までどうぞ",
        "accuracy": "8月2日(水)は花火大会！",  # 2027-08-02 is a Monday, 2026-08-02 a Sunday
        "obscene-links": "くわしくはこちら https://bit.ly/3xyz",
        "compliance": "#市長選 いよいよだね",
    }
    for (pid, draft), found in zip(drafts.items(), flagged(list(drafts.values())), strict=True):
        assert pid in found, (draft, found)
    wrong, right = analyse(["8月2日(水)は花火大会！", "8月2日(月)は花火大会！"])  # 2027-08-02 is a Monday
    assert "8月2日(水)（曜日の合わない日付）" in wrong["found"]["accuracy"]  # type: ignore[index]
    assert not any("(月" in m for m in right["found"].get("accuracy", []))  # type: ignore[attr-defined]


def test_post_facts() -> None:
    results = analyse(
        ["あいう", "abc", "詳しくは https://www.city.honjo.lg.jp/abcdefghijklmnopqrstuvwxyz", "👍", "写真と画像📷"]
    )
    lengths = [r["facts"]["length"] for r in results]  # type: ignore[index]
    assert lengths[:4] == [6, 3, 4 * 2 + 1 + 23, 2]
    assert results[2]["facts"]["links"] == ["city.honjo.lg.jp"]  # type: ignore[index]
    assert results[4]["facts"]["images"] == 3  # type: ignore[index]


def test_a_malformed_signal_is_reported_with_its_line() -> None:
    page = (ROOT / "docs" / "clauses" / "all-staff.md").read_text(encoding="utf-8")
    bad = page.replace("---\n", "---\nsignals:\n  - pattern: fax\n  - words: []\n  - {words: [a], pattern: url}\n", 1)
    problems = Problems()
    parse_commentary(bad, "docs/clauses/all-staff.md", problems)
    messages = [str(p) for p in problems.items]
    assert any(
        m.startswith("docs/clauses/all-staff.md:2: ") and "pattern「fax」は知らない種類" in m for m in messages
    ), messages
    assert any("words は、空でない語の一覧" in m for m in messages), messages
    assert any("どちらか一方" in m for m in messages), messages


def test_signals_leave_the_english_page_current() -> None:
    """Signals are about Japanese drafts: declaring one must not mark the English commentary stale."""
    page = (ROOT / "docs" / "clauses" / "all-staff.md").read_text(encoding="utf-8")
    declared = page.replace("---\n", "---\nsignals:\n- words: [中止]\n  unless: [公式]\n", 1)
    assert source_hash(declared) == source_hash(page)
    assert source_hash(declared.replace("趣旨", "目的", 1)) != source_hash(page)


if __name__ == "__main__":
    figures = measure()
    print(f"NG examples flagged by their own provision: {figures.ng_flagged:.2f} (floor 0.90)")
    print(f"their 改善案 flagged by that provision:      {figures.fix_flagged:.2f} (ceiling 0.20)")
    print(f"frozen set, expected provisions found:     {figures.frozen_recall:.2f}")
    print(f"frozen set, false alarms:                  {figures.frozen_false_alarms:.2f}")
    print("\n".join(f"  missed: {m}" for m in figures.misses))

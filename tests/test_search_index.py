"""Issue 14: the search vocabulary in the content (`keywords:`), checked by the build, and one plain
UTF-8 index per language written from it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, Site, commentary

from guideline.checks.translation import source_hash
from guideline.model.commentary import parse_commentary
from guideline.model.project import load
from guideline.problems import Problems
from hooks.search_index import split_index, with_kinds


def parse(meta: str) -> tuple[tuple[str, ...], list[str]]:
    problems = Problems()
    page = parse_commentary(commentary("rumors", extra_meta=meta), "docs/clauses/rumors.md", problems)
    return page.keywords, [str(p) for p in problems.items]


def test_keywords_are_read_from_the_front_matter() -> None:
    keywords, problems = parse("keywords: [デマ, ガセネタ, 噂話]\n")
    assert keywords == ("デマ", "ガセネタ", "噂話")
    assert problems == []


@pytest.mark.parametrize(
    ("meta", "message"),
    [
        ("keywords: []\n", "keywords が空か、リストではありません"),
        ("keywords: デマ\n", "keywords が空か、リストではありません"),
        ("keywords: [デマ, '']\n", "空の項目"),
        ("keywords: [デマ, でま]\n", "「でま」が2回あります"),  # katakana and hiragana are one word to the search
    ],
)
def test_bad_keywords_are_reported_in_japanese_at_their_line(meta: str, message: str) -> None:
    _, problems = parse(meta)
    assert len(problems) == 1, problems
    # The front matter is clause, title, reviewed, checklist, then keywords: line 6.
    assert problems[0].startswith("docs/clauses/rumors.md:6: エラー: "), problems
    assert message in problems[0]


def test_a_keyword_on_two_pages_is_reported_on_both(tiny_site: Site) -> None:
    tiny_site.write("docs/clauses/rumors.md", commentary("rumors", extra_meta="keywords: [デマ, 炎上, ステマ]\n"))
    tiny_site.write("docs/clauses/accuracy.md", commentary("accuracy", extra_meta="keywords: [誤字, 炎上, すてま]\n"))
    result = tiny_site.guideline("check")
    assert result.returncode != 0
    assert (
        "docs/clauses/rumors.md:6: エラー: keywords の「炎上」は docs/clauses/accuracy.md にもあります"
        in result.stdout + result.stderr
    )
    assert (
        "docs/clauses/accuracy.md:6: エラー: keywords の「炎上」は docs/clauses/rumors.md にもあります"
        in result.stdout + result.stderr
    )
    # Katakana and hiragana are one word to the search, so one to the check.
    assert "keywords の「すてま」は docs/clauses/rumors.md にもあります" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_adding_keywords_does_not_make_the_translation_stale() -> None:
    page = commentary("rumors")
    with_words = page.replace("reviewed:", "keywords: [デマ, ガセ]\nreviewed:", 1)
    block = page.replace("reviewed:", "keywords:\n  - デマ\n  - ガセ\nreviewed:", 1)
    assert source_hash(page) == source_hash(with_words) == source_hash(block)
    assert source_hash(page) != source_hash(page.replace("の趣旨です", "の目的です"))


def test_the_real_commentary_has_keywords_in_both_languages() -> None:
    for lang in ("ja", "en"):
        guideline = load(ROOT, lang)
        bare = [c.path for c in guideline.commentaries.values() if not c.keywords]
        assert bare == [], f"{lang}: pages without keywords: {bare}"


def test_the_index_is_split_by_language_with_fallbacks_keywords_and_kinds() -> None:
    docs = [
        {"location": "clauses/rumors/", "title": "噂", "text": "噂です。"},
        {"location": "clauses/rumors/#intent", "title": "趣旨", "text": "なぜ"},
        {"location": "clauses/rumors/#faq", "title": "よくある質問", "text": ""},
        {"location": "clauses/rumors/#hedged", "title": "らしい、と書けば？", "text": "だめです。"},
        {"location": "clauses/rumors/#related", "title": "関連条項", "text": ""},
        {"location": "only-ja/", "title": "掲示板", "text": "掲示板です。"},
        {"location": "en/clauses/rumors/", "title": "Rumours", "text": "Rumours."},
    ]
    keywords = {"clauses/rumors/": ["デマ"], "en/clauses/rumors/": ["hoax"]}
    index = split_index(docs, "ja", ["en"], keywords)
    assert [d["location"] for d in index["ja"]] == [d["location"] for d in docs[:-1]]
    assert [d["location"] for d in index["en"]] == ["en/clauses/rumors/", "en/only-ja/"]
    assert index["ja"][0]["keywords"] == ["デマ"] and index["en"][0]["keywords"] == ["hoax"]
    kinds = {d["location"]: d.get("kind") for d in with_kinds(index["ja"])}
    assert kinds["clauses/rumors/#intent"] == "purpose"
    assert kinds["clauses/rumors/#hedged"] == "faq"
    assert kinds["clauses/rumors/#related"] is None


def test_the_real_build_writes_one_plain_utf8_index_per_language(built_site: Path) -> None:
    for lang, other in (("ja", "en/"), ("en", None)):
        raw = (built_site / "search" / f"index.{lang}.json").read_text(encoding="utf-8")
        assert not re.search(r"\\u[0-9a-fA-F]{4}", raw), "escaped characters: the index must be plain UTF-8"
        data = json.loads(raw)
        locations = [d["location"] for d in data["docs"]]
        if other:
            assert not any(loc.startswith(other) for loc in locations)
        else:
            assert all(loc.startswith("en/") for loc in locations)
        with_keywords = [d["location"] for d in data["docs"] if d.get("keywords")]
        assert len(with_keywords) >= 20 and all("#" not in loc for loc in with_keywords)
    assert "はにぼん" in json.loads((built_site / "search" / "index.ja.json").read_text(encoding="utf-8"))["terms"]


def test_the_vendored_stemmer_is_the_pinned_lunr() -> None:
    """docs/assets/vendor/lunr.min.js is lunr as package-lock.json pins it (`make vendor` copies it)."""
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"]["node_modules/lunr"]["version"]
    assert json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["lunr"] == version
    vendored = (ROOT / "docs/assets/vendor/lunr.min.js").read_bytes()
    assert f"- {version}\n".encode() in vendored[:200]
    installed = ROOT / "node_modules/lunr/lunr.min.js"
    if installed.is_file():  # after `npm ci` (make test installs it)
        assert installed.read_bytes() == vendored, "run `make vendor`"

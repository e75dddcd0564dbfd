"""English beside the authoritative Japanese: tracking, fallbacks and errors, on tiny sites built for real."""

from __future__ import annotations

import re
import subprocess

import pytest
from conftest import TINY_CLAUSES, TINY_EDITION, Site

from guideline.checks.translation import source_hash

EDITION_EN = """\
---
edition: "1"
title: Test Guideline
status: published
enacted: null
effective: null
---

## Preamble {#preamble .unnumbered}

This is the preamble.

## Purpose {#purpose}

This document is for testing.

## Basic principles {#principles}

- Staff must write accurately. {#accuracy}
- Staff must not post the following. {#prohibited}
    - Mere rumours {#rumors}
"""


def commentary_en(clause: str, source: str) -> str:
    return f"""\
---
clause: {clause}
title: Heading in English
reviewed: "1"
checklist: Have you checked {clause}?
source: {source}
---

## Purpose

Why {clause} matters.

## Examples

### A good example {{#good}}

- Scene: A scene.
- Draft post:
  Hanibon here!
- Verdict: OK
- Reasoning: Nothing wrong.

### A bad example {{#bad}}

- Scene: Another scene.
- Draft post:
  Hanibon here?
- Verdict: NG
- Reasoning: Something wrong.
- Improved post:
  Hanibon here!

### An unsure example {{#unsure}}

- Scene: An unsure scene.
- Draft post:
  Hanibon maybe?
- Verdict: Caution
- Reasoning: Something to check.

### Another unsure example {{#unsure-too}}

- Scene: Another unsure scene.
- Draft post:
  Hanibon perhaps?
- Verdict: Caution
- Reasoning: Something else to check.

## FAQ

### First question? {{#q1}}

An answer.

### Second question? {{#q2}}

An answer.

### Third question? {{#q3}}

An answer.

## Related provisions

- [](clause:purpose)
"""


@pytest.fixture
def bilingual(tiny_site: Site) -> Site:
    """The tiny site with an English edition and an up-to-date English page for 'accuracy' only."""
    tiny_site.write("editions/1.en.md", EDITION_EN)
    tiny_site.release("1")  # published with its English edition, which the record freezes too
    japanese = (tiny_site.root / "docs/clauses/accuracy.md").read_text(encoding="utf-8")
    tiny_site.write("docs/clauses/accuracy.en.md", commentary_en("accuracy", source_hash(japanese)))
    return tiny_site


def build(site: Site) -> subprocess.CompletedProcess[str]:
    result = site.build()
    assert result.returncode == 0, result.stderr
    return result


def test_english_text_is_marked_as_reference_translation(bilingual: Site) -> None:
    build(bilingual)
    page = bilingual.html("en/text")
    assert '<html lang="en"' in page
    assert "This is a reference translation. The Japanese text is authoritative" in page
    assert '<a href="../../text/" lang="ja" hreflang="ja">read it in Japanese</a>' in page
    assert '<span class="provision__number">(1)</span> Staff must write accurately.' in page


def test_translated_commentary_uses_english_words(bilingual: Site) -> None:
    build(bilingual)
    page = bilingual.html("en/clauses/accuracy")
    assert "2(1) Heading in English</h1>" in page
    assert "<dt>Scene</dt>" in page and "Draft post</figcaption>" in page
    assert '<strong class="verdict__value">NG</strong><span class="verdict__note"> (must not be posted)</span>' in page
    assert "has not been translated" not in page and "may be out of date" not in page


def test_missing_translation_falls_back_to_japanese_with_a_notice(bilingual: Site) -> None:
    result = build(bilingual)
    page = bilingual.html("en/clauses/rumors")
    assert "This page has not been translated into English yet, so the Japanese original is shown." in page
    assert '<div lang="ja">' in page
    assert "次に掲げる情報は発信してはなりません。" in page
    assert "訳がありません: docs/clauses/rumors.en.md（日本語：docs/clauses/rumors.md）" in result.stderr


def test_stale_translation_is_reported_and_links_the_current_japanese(bilingual: Site) -> None:
    page = bilingual.root / "docs/clauses/accuracy.md"
    page.write_text(page.read_text(encoding="utf-8").replace("回答です。", "新しい回答です。", 1), encoding="utf-8")
    result = build(bilingual)
    assert "古い訳です: docs/clauses/accuracy.en.md（日本語：docs/clauses/accuracy.md）" in result.stderr
    html = bilingual.html("en/clauses/accuracy")
    assert "The Japanese original of this page has changed since it was translated" in html
    assert '<a href="../../../clauses/accuracy/" lang="ja" hreflang="ja">Read the current Japanese</a>' in html
    listed = bilingual.guideline("translations")
    assert listed.returncode == 0, listed.stderr
    assert (
        "docs/clauses/accuracy.en.md: 古い訳です。訳した後に docs/clauses/accuracy.md が変わりました。" in listed.stdout
    )
    assert bilingual.guideline("translations", "--mark-current", "docs/clauses/accuracy.en.md").returncode == 0
    build(bilingual)
    assert "may be out of date" not in bilingual.html("en/clauses/accuracy")


def test_missing_provision_id_in_a_translation_is_an_error(bilingual: Site) -> None:
    bilingual.write("editions/1.en.md", EDITION_EN.replace("    - Mere rumours {#rumors}\n", ""))
    bilingual.release("1")  # as if published so: what the English load reports, not the freeze
    result = bilingual.build()
    assert result.returncode == 1
    line = TINY_EDITION.splitlines().index("    - 単なる噂 {#rumors}") + 1
    assert (
        f"editions/1.en.md:1: エラー: 日本語の editions/1.ja.md:{line} にある条項「rumors」が訳されていません。"
        "同じ ID で訳を加えてください。"
    ) in result.stderr


def test_unknown_provision_id_in_a_translation_names_the_file_and_line(bilingual: Site) -> None:
    bilingual.write("editions/1.en.md", EDITION_EN.replace("{#rumors}", "{#rumours}"))
    bilingual.release("1")  # as if published so: what the English load reports, not the freeze
    result = bilingual.build()
    assert result.returncode == 1
    line = EDITION_EN.splitlines().index("    - Mere rumours {#rumors}") + 1
    assert (
        f"editions/1.en.md:{line}: エラー: 条項「rumours」は日本語の editions/1.ja.md にありません。「rumors」のことですか。"
        "日本語と同じ ID にしてください。" in (result.stderr)
    )


def test_untranslated_edition_is_shown_in_japanese_and_compared_with_the_japanese(bilingual: Site) -> None:
    draft = TINY_EDITION.replace('edition: "1"', 'edition: "2"').replace(
        "status: published", "status: draft\nreasons: [2(2)①に「や憶測」を加える。]"
    )
    bilingual.write_edition(draft.replace("単なる噂", "単なる噂や憶測"), name="2")
    assert bilingual.build(env={"GUIDELINE_DRAFTS": "1"}).returncode == 0
    page = bilingual.html("en/editions/2/compare")
    assert "has not been translated into English yet" in page
    assert '<ins class="compare-change">や憶測</ins>' in page
    assert "Staff must" not in page  # never an English edition against a Japanese one


def test_every_tiny_clause_is_listed_when_nothing_is_translated(tiny_site: Site) -> None:
    listed = tiny_site.guideline("translations")
    assert listed.returncode == 0, listed.stderr
    for clause in TINY_CLAUSES:
        assert (
            f"docs/clauses/{clause}.en.md: 訳がありません。docs/clauses/{clause}.md を訳してください" in listed.stdout
        )
    assert "editions/1.en.md: 訳がありません。editions/1.ja.md を訳してください" in listed.stdout


def test_check_reports_english_problems_while_the_japanese_has_some(bilingual: Site) -> None:
    """One run of `guideline check` lists both: a clerk fixes everything in one pass, not language by language."""
    japanese = (bilingual.root / "docs/clauses/rumors.md").read_text(encoding="utf-8")
    bilingual.write("docs/clauses/rumors.md", japanese.replace("- 判断: NG", "- 判断: だめ", 1))
    english = (bilingual.root / "docs/clauses/accuracy.en.md").read_text(encoding="utf-8")
    bilingual.write("docs/clauses/accuracy.en.md", english.replace("- Verdict: NG", "- Verdict: bad", 1))
    result = bilingual.guideline("check")
    assert result.returncode == 1
    assert re.search(r"docs/clauses/rumors\.md:\d+: ", result.stderr), result.stderr
    assert re.search(r"docs/clauses/accuracy\.en\.md:\d+: ", result.stderr), result.stderr

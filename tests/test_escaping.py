"""Escaping by construction: words from the sources that look like HTML are shown as words.

Each case renders a page kind in-process from sources holding ``<script>``, ``</script>`` and ``&``,
and compares the HTML a reader gets with the exact expected HTML (a diff on failure, as
pymdown-extensions' ``MdCase``). Before the templates, a heading reached the full text raw, an
edition's name went into the HTML unescaped and a ``</script>`` in JSON could close its element.
"""

from __future__ import annotations

import dataclasses
import difflib
import textwrap
from pathlib import Path

import markdown as md
import pytest
from conftest import TINY_EDITION, commentary

from guideline import compare
from guideline.model.commentary import parse_commentary
from guideline.model.edition import Edition, parse_edition
from guideline.model.guideline import Guideline
from guideline.problems import Problems
from guideline.site import compare_page, printing
from guideline.site.commentary import render_commentary
from guideline.site.document import Document
from guideline.site.templating import fragment, script_json
from guideline.site.text import render_text

EVIL = "</script><script>alert(1)</script> & <b>"
SHOWN = "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;"


def assert_html(actual: str, expected: str) -> None:
    """``actual`` is ``expected`` (both dedented and stripped), or the test fails with a diff."""
    want, got = textwrap.dedent(expected).strip(), textwrap.dedent(actual).strip()
    if got != want:
        diff = "\n".join(difflib.unified_diff(want.splitlines(), got.splitlines(), "expected", "actual", lineterm=""))
        pytest.fail(f"HTML differs:\n{diff}", pytrace=False)


def _lines(html: str, *starts: str) -> str:
    return "\n".join(line.strip() for line in html.splitlines() if line.lstrip().startswith(starts))


def _page(document: Document) -> str:
    converted = md.markdown(document.markdown, extensions=["attr_list", "md_in_html", "toc", "def_list"])
    return document.fill(converted)


def _edition(text: str, name: str) -> Edition:
    problems = Problems()
    edition = parse_edition(text, "editions/1.ja.md", "ja", problems)
    assert not problems, problems.report()
    return dataclasses.replace(edition, name=name)


@pytest.fixture(scope="module")
def hostile() -> Guideline:
    """A title, a heading, an edition's name, an example's heading and draft post that look like HTML."""
    text = TINY_EDITION.replace("## 目的 {#purpose}", f"## 目的 {EVIL} {{#purpose}}")
    text = text.replace("title: テスト用ガイドライン", "title: 'テスト <i>&</i>'")
    page = commentary("purpose").replace("  はにぼんだよ！", f"  はにぼんだよ！{EVIL}", 1)
    page = page.replace("### よい例 {#good}", f"### よい例 {EVIL} {{#good}}")
    problems = Problems()
    purpose = parse_commentary(page, "docs/clauses/purpose.md", problems)
    assert not problems, problems.report()
    return Guideline(Path("."), "ja", [_edition(text, "1<script>")], {"purpose": purpose}, [])


def test_a_heading_of_the_full_text_is_text(hostile: Guideline) -> None:
    assert_html(
        _lines(_page(render_text(hostile)), "<h1", "<h2"),
        f"""
        <h1 id="ii">テスト &lt;i&gt;&amp;&lt;/i&gt;</h1>
        <h2 class="provision-heading provision-heading--preamble" id="preamble">前文</h2>
        <h2 class="provision-heading" id="purpose">1 目的 {SHOWN}</h2>
        <h2 class="provision-heading" id="principles">2 基本原則</h2>
        """,
    )


def test_an_editions_name_is_text(hostile: Guideline) -> None:
    assert_html(
        _lines(_page(render_text(hostile)), '<p class="edition-meta"'),
        '<p class="edition-meta"><span class="edition-meta__name">第1&lt;script&gt;版</span> '
        "制定日：未記載 ／ 施行日：未記載</p>",
    )
    history = _page(render_commentary(hostile, hostile.commentaries["purpose"]))
    assert_html(
        _lines(history, '<ol class="provision-history"'),
        '<ol class="provision-history"><li><p class="provision-history__edition">'
        '<a href="../../editions/1&lt;script&gt;/#purpose">第1&lt;script&gt;版</a>（未記載） 制定</p></li></ol>',
    )


def test_an_examples_heading_and_draft_post_are_text(hostile: Guideline) -> None:
    page = _page(render_commentary(hostile, hostile.commentaries["purpose"]))
    shown = [line for line in page.splitlines() if line.startswith('<h3 id="good"') or "はにぼんだよ！&lt;" in line]
    assert_html(
        "\n".join(shown),
        f"""
        <h3 id="good">よい例 {SHOWN}</h3>
        <figure class="post-card post-card--post"><figcaption class="post-card__label">投稿案</figcaption><div class="post-card__header"><span class="post-card__avatar" aria-hidden="true">は</span><span class="post-card__name">はにぼん</span><span class="post-card__account">本庄市公式</span></div><p class="post-card__body">はにぼんだよ！{SHOWN}</p></figure>
        """,
    )


def test_json_in_a_script_cannot_close_it() -> None:
    assert_html(
        fragment("text.html", "removed", urls={"gone": "</script><!--&"}),
        r'<script type="application/json" id="removed-provisions">{"gone": "\u003c/script\u003e\u003c!--\u0026"}</script>',
    )
    assert script_json({"post": "</script>投稿"}, compact=True) == r'{"post":"\u003c/script\u003e投稿"}'


def test_the_printed_text_escapes_its_title_in_the_page_and_in_the_running_header(hostile: Guideline) -> None:
    page = printing.text_html(hostile, hostile.current)
    assert_html(
        _lines(page, "<title>", "@top-left", "<h2>1"),
        rf"""
        <title>テスト &lt;i&gt;&amp;&lt;/i&gt; （第1&lt;script&gt;版）</title>
        @top-left {{ content: "テスト \00003ci>&\00003c/i>（第1\00003cscript>版）"; font-size: 8pt; color: #333; }}
        <h2>1 目的 {SHOWN}</h2>
        """,
    )


def test_the_comparison_escapes_a_changed_heading_and_the_editions_names() -> None:
    old = _edition(TINY_EDITION, "1")
    new = _edition(TINY_EDITION.replace("## 目的 {#purpose}", "## 目的 & <i> {#purpose}"), "2<i>")
    guideline = Guideline(Path("."), "ja", [old, new], {}, [])
    body = str(compare_page.body(guideline, compare.compare(old, new)))
    assert '<caption class="compare-caption">改正後：第2&lt;i&gt;版 ／ 改正前：第1版</caption>' in body
    after, _ = compare_page.cells(guideline, compare.compare(old, new).by_id["purpose"])
    assert_html(
        after,
        '<span class="compare-number">1</span> 目的<ins class="compare-change"> &amp; &lt;i&gt;</ins><br>'
        "この文書は試験のためのものです。",
    )

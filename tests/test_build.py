"""Tiny guideline sites built for real with ``mkdocs build --strict``: the HTML and the errors an editor sees."""

from __future__ import annotations

import os
import re
from datetime import date

import pytest
from conftest import BUILD_DATE, TINY_EDITION, Site, assert_snapshot, commentary

from guideline.model.project import load
from guideline.problems import GuidelineError


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def assert_fails_with(site: Site, *messages: str) -> str:
    """The real build fails (exit 1 under --strict) with every message: what MkDocs and the hook are responsible for."""
    result = site.build()
    assert result.returncode == 1, result.stderr
    for message in messages:
        assert message in result.stderr
    return result.stderr


def assert_rejected_with(site: Site, *messages: str) -> str:
    """Loading the sources as the production build does (Japanese, drafts left out, on the tests' build date)
    fails with every message, in milliseconds: the report the build prints (``assert_fails_with`` shows once
    that the build does print it and exits 1). The whole report is held to its snapshot,
    tests/snapshots/test_build/<test>.txt: no other problem is reported, and none twice."""
    with pytest.raises(GuidelineError) as error:
        load(site.root, drafts=False, today=date.fromisoformat(BUILD_DATE))
    report = error.value.problems.report()
    missing = [message for message in messages if message not in report]
    assert not missing, f"missing {missing} in:\n{report}"
    test = os.environ["PYTEST_CURRENT_TEST"].split("::")[-1].split(" ")[0]
    assert_snapshot(f"test_build/{test}.txt", report + "\n")
    return report


def test_valid_site_builds_without_warnings(tiny_site: Site) -> None:
    result = tiny_site.build()
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


def test_text_page_anchors_every_provision_by_id(tiny_site: Site) -> None:
    tiny_site.build()
    page = tiny_site.html("text")
    for provision_id in ("preamble", "purpose", "principles", "accuracy", "prohibited", "rumors"):
        assert re.search(rf'id="{provision_id}"', page), provision_id
    assert '<span class="provision__number">(1)</span> 正確に書かなければなりません。' in page
    assert '<span class="provision__number">①</span>単なる噂' in page


def test_commentary_page_injects_the_official_text(tiny_site: Site) -> None:
    tiny_site.build()
    page = tiny_site.html("clauses/rumors")
    assert "<h1" in page and "2(2)① 見出し</h1>" in page
    box = page[page.index('class="provision-box"') :]
    assert "次に掲げる情報は発信してはなりません。" in box[:2000]  # the parent gives context
    assert "単なる噂" in box[:2000]


def test_official_text_follows_the_edition_not_the_commentary(tiny_site: Site) -> None:
    tiny_site.write_edition(TINY_EDITION.replace("単なる噂", "単なる噂や憶測"))
    assert tiny_site.build().returncode == 0
    assert "単なる噂や憶測" in tiny_site.html("clauses/rumors")


def test_cross_reference_shows_current_number_and_title(tiny_site: Site) -> None:
    tiny_site.write("docs/clauses/purpose.md", commentary("purpose", title="目的の解説"))
    tiny_site.write(
        "docs/clauses/accuracy.md",
        commentary("accuracy").replace("- [](clause:purpose)", "- [](clause:rumors)\n- [](clause:purpose#q2)"),
    )
    assert tiny_site.build().returncode == 0
    page = tiny_site.html("clauses/accuracy")
    assert '<a href="../rumors/">2(2)①「見出し」</a>' in page
    assert '<a href="../purpose/#q2">1「目的の解説」</a>' in page


def test_cross_reference_number_follows_renumbering(tiny_site: Site) -> None:
    tiny_site.write_edition(
        TINY_EDITION.replace("- 正確に", "- 新設の条項です。 {#new-rule}\n- 正確に"),
    )
    tiny_site.write("docs/clauses/new-rule.md", commentary("new-rule"))
    tiny_site.write("docs/clauses/accuracy.md", commentary("accuracy").replace("clause:purpose", "clause:rumors"))
    assert tiny_site.build().returncode == 0
    assert "2(3)①「見出し」" in tiny_site.html("clauses/accuracy")


def test_target_lists_the_pages_that_refer_to_it(tiny_site: Site) -> None:
    tiny_site.build()
    page = tiny_site.html("clauses/purpose")
    backlinks = page[page.index('id="backlinks"') :]
    assert '<a href="../accuracy/">2(1)「見出し」</a>' in backlinks
    assert '<a href="../rumors/">2(2)①「見出し」</a>' in backlinks


def test_examples_render_as_cards_with_verdict_in_text(tiny_site: Site) -> None:
    tiny_site.build()
    page = tiny_site.html("clauses/accuracy")
    assert 'class="example example--ng"' in page
    assert '<strong class="verdict__value">NG</strong>' in page
    assert 'class="post-card post-card--fix"' in page
    assert 'id="q1"' in page and 'id="q2"' in page


def test_checklist_has_a_question_per_provision_linking_it(tiny_site: Site) -> None:
    tiny_site.build()
    page = tiny_site.html("checklist")
    for clause in ("purpose", "accuracy", "prohibited", "rumors"):
        assert f'<label for="check-{clause}">{clause}を確かめましたか。</label>' in page
        assert f'href="../clauses/{clause}/"' in page


def test_glossary_term_gets_a_tooltip_where_it_appears(tiny_site: Site) -> None:
    tiny_site.build()
    page = tiny_site.html("text")
    assert '<a class="glossary-term" href="../glossary/#test" title="ためしに行うことです。">試験</a>' in page
    assert page.count('class="glossary-term"') == 1  # the first occurrence only
    assert 'id="test"' in tiny_site.html("glossary")


def test_copy_link_carries_permanent_url_citation_and_pinned_link(tiny_site: Site) -> None:
    tiny_site.build()
    page = tiny_site.html("text")
    button = re.search(
        r'<button type="button" class="copy-link" data-href="([^"]+)" data-citation="([^"]+)" data-pinned="([^"]+)"',
        page[page.index('id="accuracy"') :],
    )
    assert button is not None
    assert button.group(1) == "../clauses/accuracy/"
    assert button.group(2) == "テスト用ガイドライン 2(1)「見出し」（第1版）"
    assert button.group(3) == "../editions/1/#accuracy"
    # Its words come from the catalogue of labels, in the page's language, for the script to say.
    words = re.search(r'data-pinned-label="([^"]+)" data-copied="([^"]+)" data-by-hand="([^"]+)"', page)
    assert words is not None
    assert words.groups() == ("この版の条文：", "リンクをコピーしました", "次のリンクをコピーしてください：")


# Each kind of bad input: the sources are refused, naming the file, the line and the fix; the build fails on
# them all at once (test_every_problem_is_reported_in_one_build builds for real).


def test_provision_without_commentary(tiny_site: Site) -> None:
    tiny_site.remove("docs/clauses/rumors.md")
    line = line_of(TINY_EDITION, "{#rumors}")
    assert_rejected_with(
        tiny_site,
        f"editions/1.ja.md:{line}: エラー: 条項 2(2)①「rumors」に解説ページがありません。docs/clauses/rumors.md を作り、",
    )


def test_commentary_for_unknown_id(tiny_site: Site) -> None:
    tiny_site.write("docs/clauses/rumours.md", commentary("rumours"))
    assert_rejected_with(
        tiny_site,
        "docs/clauses/rumours.md:2: エラー: 「clause: rumours」という条項はどの版にもありません。「rumors」のことですか。",
    )


def test_provision_without_examples_or_faqs(tiny_site: Site) -> None:
    body = "## 趣旨\n\n趣旨。\n\n## 事例\n\n## よくある質問\n\n## 関連条項\n\n- [](clause:purpose)\n"
    text = commentary("rumors", body=body)
    tiny_site.write("docs/clauses/rumors.md", text)
    assert_rejected_with(
        tiny_site,
        f"docs/clauses/rumors.md:{line_of(text, '## 事例')}: エラー: 事例が 0 件です。「## 事例」の下に 4 件以上書いてください。",
        f"docs/clauses/rumors.md:{line_of(text, '## よくある質問')}: エラー: よくある質問が 0 件です。"
        "「## よくある質問」の下に 3 件以上書いてください。",
    )


def test_example_without_verdict(tiny_site: Site) -> None:
    text = commentary("rumors").replace("- 判断: OK\n", "")
    tiny_site.write("docs/clauses/rumors.md", text)
    assert_rejected_with(
        tiny_site,
        f"docs/clauses/rumors.md:{line_of(text, '### よい例')}: エラー: 事例「よい例」に判断がありません。"
        "「- 判断: …」の行を加え、OK、NG、要注意 のどれかを書いてください。",
    )


def test_duplicate_id(tiny_site: Site) -> None:
    text = TINY_EDITION.replace("{#prohibited}", "{#accuracy}")
    tiny_site.write("editions/1.ja.md", text)
    assert_rejected_with(
        tiny_site,
        f"editions/1.ja.md:{line_of(text, '次に掲げる')}: エラー: 条項の ID「accuracy」は"
        f"{line_of(text, '正確に')}行目でも使われています。この条項には新しい ID を付けてください。",
    )


def test_unknown_cross_reference_with_did_you_mean(tiny_site: Site) -> None:
    text = commentary("accuracy").replace("clause:purpose", "clause:prohibitted")
    tiny_site.write("docs/clauses/accuracy.md", text)
    assert_rejected_with(
        tiny_site,
        f"docs/clauses/accuracy.md:{line_of(text, 'prohibitted')}: エラー: "
        "リンク先「clause:prohibitted」という条項はありません。「prohibited」のことですか。",
    )


def test_malformed_front_matter(tiny_site: Site) -> None:
    text = commentary("accuracy").replace("checklist: accuracyを確かめましたか。", "checklist: [accuracy")
    tiny_site.write("docs/clauses/accuracy.md", text)
    assert_rejected_with(tiny_site, f"docs/clauses/accuracy.md:{line_of(text, 'checklist:')}: エラー: 前付けのこの行の")


def test_every_problem_is_reported_in_one_build(tiny_site: Site) -> None:
    tiny_site.remove("docs/clauses/rumors.md")
    tiny_site.write("docs/clauses/accuracy.md", commentary("accuracy").replace("- 判断: NG", "- 判断: ダメ"))
    tiny_site.write("docs/clauses/purpose.md", commentary("purpose").replace("clause:purpose", "clause:nowhere"))
    assert_fails_with(
        tiny_site,
        "「rumors」に解説ページがありません。",
        "判断「ダメ」は使えません。",
        "判断が NG の事例がありません。事例には OK と NG をそれぞれ1件以上含めてください。",
        "リンク先「clause:nowhere」という条項はありません。",
        "ガイドラインの原稿に 4 件の問題があります。",
    )


@pytest.mark.parametrize("status", ["draft", "published"])
def test_drafts_are_left_out_of_the_production_build(tiny_site: Site, status: str) -> None:
    """A draft edition never becomes the current text."""
    tiny_site.write_edition(
        TINY_EDITION.replace('edition: "1"', 'edition: "2"')
        .replace("status: published", f"status: {status}")
        .replace("単なる噂", "単なる噂や憶測"),
        name="2",
    )
    assert tiny_site.build().returncode == 0
    assert ("単なる噂や憶測" in tiny_site.html("text")) is (status == "published")


def test_unknown_reference_on_a_hand_written_page(tiny_site: Site) -> None:
    text = (tiny_site.root / "docs/index.md").read_text(encoding="utf-8") + "\n迷ったら[](clause:consultation)へ。\n"
    tiny_site.write("docs/index.md", text)
    assert_rejected_with(
        tiny_site,
        f"docs/index.md:{line_of(text, 'consultation')}: エラー: リンク先「clause:consultation」という条項はありません。",
    )

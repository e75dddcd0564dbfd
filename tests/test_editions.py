"""Editions end to end: a revision that modifies, inserts, deletes, moves and splits provisions.

Each test builds a tiny site for real and reads the HTML a person would see.
"""

from __future__ import annotations

import re

import pytest
from conftest import Site, commentary

from tools import sitecheck

EDITION_1 = """\
---
edition: "1"
title: テスト用ガイドライン
status: published
enacted: null
effective: null
---

## 前文 {#preamble .unnumbered}

これは前文です。

## 目的 {#purpose}

この文書は試験のためのものです。

## 基本原則 {#principles}

- 正確に書かなければなりません。 {#accuracy}
- 写真と文章の権利を守らなければなりません。 {#rights}
- 古い決まりです。 {#old-rule}
- 次に掲げる情報は発信してはなりません。 {#prohibited}
    - 単なる噂 {#rumors}

## 手続 {#procedure}

- 担当課に相談します。 {#consult}
- 結果を報告します。 {#report}
"""

# Modified (accuracy, consult), inserted (new-rule), split (rights → rights + text-rights), deleted with a
# successor (old-rule → new-rule), moved to another chapter (consult), renumbered (prohibited, rumors, report).
EDITION_2 = """\
---
edition: "2"
title: テスト用ガイドライン
status: published
enacted: 2027-04-01
effective: 2027-04-01
successors:
  old-rule: [new-rule]
---

## 前文 {#preamble .unnumbered}

これは前文です。

## 目的 {#purpose}

この文書は試験のためのものです。

## 基本原則 {#principles}

- 正確に、分かりやすく書かなければなりません。 {#accuracy}
- 新しい決まりです。 {#new-rule}
- 写真の権利を守らなければなりません。 {#rights}
- 文章の権利を守らなければなりません。 {#text-rights}
- 次に掲げる情報は発信してはなりません。 {#prohibited}
    - 単なる噂 {#rumors}
- 市民活動推進課に相談します。 {#consult}

## 手続 {#procedure}

- 結果を報告します。 {#report}
"""

FIRST = ("purpose", "accuracy", "rights", "old-rule", "prohibited", "rumors", "consult", "report")
ADDED = ("new-rule", "text-rights")


@pytest.fixture
def revised(tiny_site: Site) -> Site:
    """A site whose edition 1 was revised by a published edition 2."""
    for path in (tiny_site.root / "docs/clauses").glob("*.md"):
        path.unlink()
    tiny_site.write_edition(EDITION_1)
    tiny_site.write_edition(EDITION_2, name="2")
    for clause in FIRST:
        tiny_site.write(f"docs/clauses/{clause}.md", commentary(clause, title=f"{clause}の解説"))
    for clause in ADDED:
        tiny_site.write(f"docs/clauses/{clause}.md", commentary(clause, title=f"{clause}の解説").replace('"1"', '"2"'))
    result = tiny_site.build()
    assert result.returncode == 0, result.stderr
    return tiny_site


def row(page: str, provision_id: str) -> tuple[str, str]:
    """The (改正後, 改正前) cells of a provision's row in a 新旧対照表."""
    match = re.search(
        rf'<tr class="compare-row[^"]*" id="row-{provision_id}"><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td></tr>', page
    )
    assert match, f"no row for {provision_id}"
    return match.group(1), match.group(2)


def test_compare_puts_after_left_before_right_with_legend(revised: Site) -> None:
    page = revised.html("editions/2/compare")
    assert re.search(r'<th scope="col">改正後</th>\s*<th scope="col">改正前</th>', page)
    assert "（傍線部分は改正部分）" in page
    assert "改正後：第2版（現行） 制定日：令和9年(2027年)4月1日 ／ 施行日：令和9年(2027年)4月1日" in page
    assert "改正前：第1版（旧版） 制定日：未記載 ／ 施行日：未記載" in page


def test_modified_wording_is_underlined_by_character(revised: Site) -> None:
    after, before = row(revised.html("editions/2/compare"), "accuracy")
    assert (
        after
        == '<span class="compare-number">2(1)</span> 正確に<ins class="compare-change">、分かりやすく</ins>書かなければなりません。'
    )
    assert before == '<span class="compare-number">2(1)</span> 正確に書かなければなりません。'


def test_replaced_words_are_underlined_on_both_sides_and_move_is_marked(revised: Site) -> None:
    after, before = row(revised.html("editions/2/compare"), "consult")
    assert '<ins class="compare-change">2(6)</ins>' in after
    assert '<ins class="compare-change">市民活動推進</ins>課に相談します。' in after
    assert "（3(1)から移動）" in after
    assert '<del class="compare-change">3(1)</del>' in before
    assert '<del class="compare-change">担当</del>課に相談します。' in before


def test_inserted_and_split_provisions_are_marked_new(revised: Site) -> None:
    page = revised.html("editions/2/compare")
    for added in ADDED:
        after, before = row(page, added)
        assert after.startswith('<span class="compare-number"><ins class="compare-change">')
        assert before == '<span class="compare-mark">（新設）</span>'
    after, before = row(page, "rights")  # the part that stayed is a modification
    assert '<del class="compare-change">と文章</del>' in before


def test_deleted_provision_is_marked_and_keeps_its_old_text(revised: Site) -> None:
    after, before = row(revised.html("editions/2/compare"), "old-rule")
    assert after == '<span class="compare-mark">（削る）</span>'
    assert "古い決まりです。" in before and "compare-change" in before


def test_renumbered_provision_shows_both_numbers(revised: Site) -> None:
    after, before = row(revised.html("editions/2/compare"), "rumors")
    assert '<ins class="compare-change">2(5)①</ins>' in after
    assert '<del class="compare-change">2(4)①</del>' in before


def test_unchanged_provisions_are_collapsed_as_omitted(revised: Site) -> None:
    page = revised.html("editions/2/compare")
    assert '<table class="compare-table is-collapsed"' in page
    assert '<tr class="compare-omitted"><td>（略）</td><td>（略）</td></tr>' in page
    assert 'id="row-purpose"' in page  # still there, shown by the toggle
    assert 'class="compare-toggle" aria-controls="compare-table" aria-pressed="false"' in page


def test_removed_provision_keeps_its_page_as_a_tombstone(revised: Site) -> None:
    page = revised.html("clauses/old-rule")
    assert "この条項は第2版で削除されました。" in page
    assert "古い決まりです。" in page
    assert '<a href="../new-rule/">2(2)「new-ruleの解説」</a>' in page
    text = revised.html("text")
    assert (
        '<script type="application/json" id="removed-provisions">{"old-rule": "../clauses/old-rule/"}</script>' in text
    )


def test_renumbered_provision_shows_its_former_number(revised: Site) -> None:
    page = revised.html("clauses/prohibited")
    assert "旧番号：2(4)（第1版）" in page
    assert "旧番号" not in revised.html("clauses/accuracy")


def test_history_lists_each_change_with_its_diff(revised: Site) -> None:
    page = revised.html("clauses/accuracy")
    history = page[page.index('id="history"') :]
    assert '<a href="../../editions/1/#accuracy">第1版</a>（未記載） 制定' in history
    assert '<a href="../../editions/2/#accuracy">第2版</a>（令和9年(2027年)4月1日） 改正' in history
    assert '正確に<ins class="compare-change">、分かりやすく</ins>書かなければ' in history
    assert "第2版で改正" in page  # the badge


def test_commentary_written_for_an_older_text_is_flagged_for_review(revised: Site) -> None:
    assert "要確認：この解説は第1版の条文をもとに書かれています。第2版で条文が改正された" in revised.html(
        "clauses/accuracy"
    )
    assert "要確認" not in revised.html("clauses/rumors")  # only renumbered
    assert "要確認" not in revised.html("clauses/new-rule")  # written for edition 2


def test_check_lists_commentary_to_review(revised: Site) -> None:
    result = revised.guideline("check")
    assert result.returncode == 0, result.stderr
    assert (
        "docs/clauses/accuracy.md:4: 要確認：この解説は第1版の条文をもとに書かれています。第2版で条文が改正されたため、"
        '内容が現在の条文に合っているか確認が必要です。確認したら、前付けの reviewed を "2" にしてください。'
    ) in result.stdout
    assert "rumors.md" not in result.stdout


def test_old_edition_says_it_is_not_current_and_links_current_text(revised: Site) -> None:
    page = revised.html("editions/1")
    assert "この版は現行の版ではありません（第2版が現行です）。" in page
    block = page[page.index('id="accuracy"') :]
    assert '<a class="provision__current" href="../../text/#accuracy">現行の条文</a>' in block[:1500]
    old = page[page.index('id="old-rule"') :]
    assert '<a class="provision__current" href="../../clauses/old-rule/">現行の条文</a>' in old[:1500]
    assert "現行の版ではありません" not in revised.html("editions/2")


def test_editions_index_lists_every_edition(revised: Site) -> None:
    page = revised.html("editions")
    assert re.search(
        r"<td><a href=\"2/\">第2版</a></td>\s*<td><strong>現行</strong></td>\s*<td>令和9年\(2027年\)4月1日</td>", page
    )
    assert re.search(r"<td><a href=\"1/\">第1版</a></td>\s*<td>旧版</td>\s*<td>未記載</td>", page)
    assert '<a href="2/compare/">新旧対照表</a>' in page


def test_editing_a_published_edition_fails_naming_the_provision(revised: Site) -> None:
    revised.write("editions/1.ja.md", EDITION_1.replace("古い決まりです。", "古い決まりでした。"))
    result = revised.build()
    assert result.returncode == 1
    line = EDITION_1.splitlines().index("- 古い決まりです。 {#old-rule}") + 1
    assert (
        f"editions/1.ja.md:{line}: エラー: 公開済みの第1版の条項 2(3) 'old-rule' の文言が、記録された公開時の内容と違います。"
        "公開済みの版は変更できません。元に戻すか、改正は新しい版で行ってください（guideline new-edition）。"
    ) in result.stderr


def test_removing_a_published_edition_fails(revised: Site) -> None:
    revised.remove("editions/1.ja.md")
    result = revised.build()
    assert result.returncode == 1
    assert "editions/1.ja.md:1: エラー: 第1版は公開済みで、削除できません。" in result.stderr


def test_removing_a_tombstone_page_fails(revised: Site) -> None:
    revised.remove("docs/clauses/old-rule.md")
    result = revised.build()
    assert result.returncode == 1
    assert (
        "docs/clauses/old-rule.md:1: エラー: 第1版で公開した条項「old-rule」の解説ページがありません。"
        "このファイルを版管理から戻してください" in result.stderr
    )


def test_reference_to_a_removed_provision_leads_to_its_page_and_names_its_successor(revised: Site) -> None:
    revised.write("docs/clauses/accuracy.md", commentary("accuracy").replace("clause:purpose", "clause:old-rule"))
    result = revised.build()
    assert result.returncode == 0, result.stderr
    assert '<a href="../old-rule/">旧' in revised.html("clauses/accuracy")
    check = revised.guideline("check")
    assert "'clause:old-rule' は第2版で削除された条項を指しています。" in check.stdout
    assert "内容を引き継いだ 'clause:new-rule' を指すように書き換えてください。" in check.stdout


def test_draft_shows_only_when_asked_and_is_never_current(revised: Site) -> None:
    draft = EDITION_2.replace('edition: "2"', 'edition: "3"').replace(
        "status: published", "status: draft\nreasons: [3(1)に「速やかに」を加える。]"
    )
    revised.write_edition(draft.replace("結果を報告します。", "結果を速やかに報告します。"), name="3")
    assert revised.build().returncode == 0
    assert not (revised.root / "site/editions/3").exists()
    assert "第3版" not in revised.html("editions")
    assert revised.build(env={"GUIDELINE_DRAFTS": "1"}).returncode == 0
    page = revised.html("editions/3")
    assert "改正案：この版は検討中の改正案で、まだ効力はありません。" in page
    assert "速やかに" not in revised.html("text")
    after, _ = row(revised.html("editions/3/compare"), "report")
    assert '<ins class="compare-change">速やかに</ins>' in after


def test_every_link_on_every_edition_page_resolves(revised: Site) -> None:
    """Histories, tombstones, 新旧対照表 and copied links across three editions (the checker: test_sitecheck.py)."""
    assert revised.build(env={"GUIDELINE_DRAFTS": "1"}).returncode == 0
    site = revised.root / "site"
    assert (site / "editions/1/index.html").is_file() and (site / "en/editions/2/compare/index.html").is_file()
    assert sitecheck.check(site, "http://127.0.0.1:8000/").problems == []


# The division's commands, run as the division would.


def test_new_edition_starts_a_draft_with_its_pages(tiny_site: Site) -> None:
    result = tiny_site.guideline("new-edition", "2")
    assert result.returncode == 0, result.stderr
    text = (tiny_site.root / "editions/2.ja.md").read_text(encoding="utf-8")
    assert 'edition: "2"' in text and "status: draft" in text and "enacted: null" in text
    assert (tiny_site.root / "docs/editions/2/compare.md").exists()
    again = tiny_site.guideline("new-edition", "3")
    assert again.returncode == 1 and "改正案の第2版がまだあります。" in again.stderr


def test_diff_prints_the_comparison_and_writes_printable_html(revised: Site) -> None:
    out = revised.root / "compare.html"
    result = revised.guideline("diff", "1", "2", "--html", str(out))
    assert result.returncode == 0, result.stderr
    assert "2(1) 改正\n  改正後：正確に[[、分かりやすく]]書かなければなりません。" in result.stdout
    assert "2(3) 削除" in result.stdout
    assert "\n変わる条項：9（改正 3、新設 2、削除 1、繰下げ・繰上げ 4、移動 1）\n" in result.stdout
    page = out.read_text(encoding="utf-8")
    assert "size: A4 landscape" in page and '<main class="print-page">' in page
    assert "<script" not in page and "http" not in page.replace("http-equiv", "")


def test_release_sets_dates_and_freezes(tiny_site: Site) -> None:
    assert tiny_site.guideline("new-edition", "2").returncode == 0
    draft = tiny_site.root / "editions/2.ja.md"
    draft.write_text(draft.read_text(encoding="utf-8").replace("単なる噂", "単なる噂や憶測"), encoding="utf-8")
    result = tiny_site.guideline("release", "2", "--date", "2027-04-01")
    assert result.returncode == 0, result.stderr
    text = draft.read_text(encoding="utf-8")
    assert "status: published" in text and "enacted: 2027-04-01" in text and "effective: 2027-04-01" in text
    assert "'2':" in (tiny_site.root / "editions/releases.yml").read_text(encoding="utf-8")
    assert tiny_site.build().returncode == 0
    assert "単なる噂や憶測" in tiny_site.html("text")
    draft.write_text(text.replace("単なる噂や憶測", "噂"), encoding="utf-8")
    assert "の文言が、記録された公開時の内容と違います" in tiny_site.build().stderr


def test_failed_release_leaves_everything_as_it_was(tiny_site: Site) -> None:
    assert tiny_site.guideline("new-edition", "2").returncode == 0
    draft = tiny_site.root / "editions/2.ja.md"
    draft.write_text(
        draft.read_text(encoding="utf-8").replace("- 単なる噂", "- 新しい条項です。 {#brand-new}\n    - 単なる噂"),
        encoding="utf-8",
    )
    before = draft.read_text(encoding="utf-8")
    record = (tiny_site.root / "editions/releases.yml").read_text(encoding="utf-8")
    result = tiny_site.guideline("release", "2", "--date", "2027-04-01")
    assert result.returncode == 1
    assert "条項 2(2)①「brand-new」に解説ページがありません。" in result.stderr
    assert draft.read_text(encoding="utf-8") == before
    assert (tiny_site.root / "editions/releases.yml").read_text(encoding="utf-8") == record

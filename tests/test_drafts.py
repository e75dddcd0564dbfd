"""Drafts are first-class: they preview whole, never touch the production site, and `check` sees them.

The drill (test_drill.py) walks the whole path on the real guideline; these pin each rule on a tiny one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import TINY_EDITION, Site, commentary
from test_translation import EDITION_EN

from guideline.model.project import load
from guideline.site.commentary import render_commentary

# Draft 2 adds a provision mid-chapter (accuracy's neighbour) and rewords rumors.
DRAFT = (
    TINY_EDITION.replace('edition: "1"', 'edition: "2"')
    .replace("status: published", "status: draft\nreasons:\n  - 災害時の発信を新設し、噂に憶測を加える。")
    .replace("- 次に掲げる", "- 災害時は防災情報を優先しなければなりません。 {#disaster}\n- 次に掲げる")
    .replace("単なる噂", "単なる噂や憶測")
)


def open_draft(site: Site, new_commentary: bool = True) -> None:
    site.write_edition(DRAFT, name="2")
    if new_commentary:
        # The new provision's page, in both languages, referring to published provisions (backlinks).
        page = commentary("disaster", title="災害時の発信").replace('"1"', '"2"')
        site.write("docs/clauses/disaster.md", page.replace("clause:purpose", "clause:accuracy"))
        site.write("docs/clauses/disaster.en.md", page.replace("clause:purpose", "clause:accuracy"))


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_production_build_is_the_site_without_the_draft(tiny_site: Site, tmp_path: Path) -> None:
    """Page for page: the draft, its pages and its new provision's commentary leave no trace."""
    open_draft(tiny_site)
    result = tiny_site.build()
    assert result.returncode == 0, result.stderr
    with_draft = files(tiny_site.root / "site")
    assert "clauses/disaster/index.html" not in with_draft and "editions/2/index.html" not in with_draft
    for relative in ("editions/2.ja.md", "docs/editions/2", "docs/clauses/disaster.md", "docs/clauses/disaster.en.md"):
        path = tiny_site.root / relative
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    shutil.rmtree(tiny_site.root / "site")
    result = tiny_site.build()
    assert result.returncode == 0, result.stderr
    without = files(tiny_site.root / "site")
    assert sorted(with_draft) == sorted(without)
    assert [name for name in with_draft if with_draft[name] != without[name]] == []


def test_preview_shows_the_new_provision_and_links_to_it(tiny_site: Site) -> None:
    open_draft(tiny_site, new_commentary=False)  # written later: until then, links go to the draft's text
    tiny_site.write("docs/clauses/accuracy.md", commentary("accuracy").replace("clause:purpose", "clause:disaster"))
    result = tiny_site.build(env={"GUIDELINE_DRAFTS": "1"})
    assert result.returncode == 0, result.stderr
    assert '<a href="../../editions/2/#disaster">2(2)「災害時は防災情報を優先しなければなりませ…」（改正案）</a>' in (
        tiny_site.html("clauses/accuracy")
    )
    assert 'id="disaster"' in tiny_site.html("editions/2")
    open_draft(tiny_site)
    result = tiny_site.build(env={"GUIDELINE_DRAFTS": "1"})
    assert result.returncode == 0, result.stderr
    page = tiny_site.html("clauses/disaster")
    assert "改正案：この条項は第2版（改正案）で新設される予定で、まだ効力はありません。" in page
    assert "条文 2(2)（第2版）" in page and 'href="../../editions/2/#disaster"' in page
    assert '<a href="../../editions/2/compare/#row-disaster">新旧対照表</a>' in page
    assert '<a href="../disaster/">2(2)「災害時の発信」（改正案）</a>' in tiny_site.html("clauses/accuracy")
    # Without drafts, the same reference is gone: the production site has no such provision.
    result = tiny_site.build()
    assert result.returncode == 0, result.stderr
    accuracy = tiny_site.html("clauses/accuracy")
    assert "disaster" not in accuracy and "改正案" not in accuracy


def test_review_is_due_from_the_draft_and_the_banner_fits_each_stage(tiny_site: Site) -> None:
    open_draft(tiny_site)
    root = tiny_site.root

    def due(drafts: bool, as_released: bool = False) -> str | None:
        edition = load(root, drafts=drafts, as_released=as_released).review_due("rumors")
        return edition.name if edition is not None else None

    def banner(drafts: bool) -> str:
        guideline = load(root, drafts=drafts)
        text = render_commentary(guideline, guideline.commentaries["rumors"]).text
        return "".join(line for line in text.splitlines() if "要確認" in line)

    # Written for edition 1, the draft rewords it: listed in the preview, silent on the production site.
    assert (due(True), due(False), due(True, as_released=True)) == ("2", None, "2")
    assert "要確認：第2版（改正案）でこの条項の条文が改正されます。" in banner(True)
    assert "（この解説は第1版の条文をもとに書かれています）" in banner(True)
    assert banner(False) == ""
    # Reviewed for the draft before release: nothing to say anywhere ("reviewed: 2" is later than edition 1).
    page = root / "docs/clauses/rumors.md"
    page.write_text(page.read_text(encoding="utf-8").replace('reviewed: "1"', 'reviewed: "2"'), encoding="utf-8")
    assert (due(True), due(False), due(True, as_released=True)) == (None, None, None)
    assert banner(True) == banner(False) == ""


def test_check_reports_what_release_would_refuse_while_the_site_builds(tiny_site: Site) -> None:
    open_draft(tiny_site, new_commentary=False)
    tiny_site.write("docs/clauses/rumors.md", commentary("rumors"))
    result = tiny_site.guideline("check")
    assert result.returncode == 1
    line = DRAFT.splitlines().index("- 災害時は防災情報を優先しなければなりません。 {#disaster}") + 1
    assert (
        f"editions/2.ja.md:{line}: エラー: 改正案 第2版の公開前に直すこと：条項 2(2)「disaster」に解説ページがありません。"
        "docs/clauses/disaster.md を作り、"
    ) in result.stderr
    assert (
        "docs/clauses/rumors.md:4: 要確認：第2版（改正案）でこの条項の条文が改正されます。解説・事例・よくある質問が"
        "改正後の条文に合っているか確認が必要です（この解説は第1版の条文をもとに書かれています）。"
        '確認したら、前付けの reviewed を "2" にしてください。'
    ) in result.stdout
    assert result.stderr.count("に解説ページがありません") == 1  # once, though two languages were checked
    assert tiny_site.build().returncode == 0  # the draft's problem never stops the production site
    refused = tiny_site.guideline("release", "2", "--date", "2027-04-01")
    assert refused.returncode == 1 and "条項 2(2)「disaster」に解説ページがありません。" in refused.stderr


def test_release_reads_the_status_not_a_substring(tiny_site: Site) -> None:
    quoted = TINY_EDITION.replace('edition: "1"', 'edition: "2"').replace("status: published", 'status: "draft"')
    tiny_site.write_edition(quoted.replace("単なる噂", "単なる噂や憶測"), "2")  # "status: draft" is not in the text
    result = tiny_site.guideline("release", "2", "--date", "2027-04-01")
    assert result.returncode == 0, result.stderr
    again = tiny_site.guideline("release", "2", "--date", "2027-04-01")
    assert again.returncode == 1 and "第2版は改正案ではありません" in again.stderr


def test_preview_builds_while_the_drafts_translation_trails(tiny_site: Site) -> None:
    """The clerk writes the Japanese first: the English preview shows the new provision's page in Japanese."""
    tiny_site.write("editions/1.en.md", EDITION_EN)
    tiny_site.release("1")  # published with its English edition, which the record freezes too
    draft_en = EDITION_EN.replace('edition: "1"', 'edition: "2"').replace("status: published", "status: draft")
    tiny_site.write("editions/2.en.md", draft_en)
    open_draft(tiny_site)
    tiny_site.remove("docs/clauses/disaster.en.md")
    result = tiny_site.build(env={"GUIDELINE_DRAFTS": "1"})
    assert result.returncode == 0, result.stderr
    page = tiny_site.html("en/clauses/disaster")
    assert "改正案：この条項は第2版（改正案）で新設される予定で" in page
    nav = page[page.index('<nav class="md-nav md-nav--primary"') : page.index("md-sidebar--secondary")]
    assert "(deleted)" not in nav  # under its chapter, not among removed provisions
    check = tiny_site.guideline("check")
    assert check.returncode == 1
    line = DRAFT.splitlines().index("- 災害時は防災情報を優先しなければなりません。 {#disaster}") + 1
    assert (
        f"editions/2.en.md:1: エラー: 改正案 第2版の公開前に直すこと：日本語の editions/2.ja.md:{line} にある条項"
        "「disaster」が訳されていません。同じ ID で訳を加えてください。"
    ) in check.stderr


def test_check_reports_the_draft_and_its_translation_in_one_run(tiny_site: Site) -> None:
    """The Japanese draft lacks a page and its English lacks the provision: one check says both."""
    tiny_site.write("editions/1.en.md", EDITION_EN)
    tiny_site.release("1")
    draft_en = EDITION_EN.replace('edition: "1"', 'edition: "2"').replace("status: published", "status: draft")
    tiny_site.write("editions/2.en.md", draft_en)
    open_draft(tiny_site, new_commentary=False)
    check = tiny_site.guideline("check")
    assert check.returncode == 1
    assert check.stderr.count("条項 2(2)「disaster」に解説ページがありません。") == 1, check.stderr
    assert "「disaster」が訳されていません。" in check.stderr, check.stderr

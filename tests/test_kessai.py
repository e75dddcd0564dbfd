"""The 新旧対照表 a 課長 signs: exact rows in-process, the site's pages, the 決裁 PDF read back, the preview
that a pull request carries, and the 改正理由 a draft must state."""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import GUIDELINE, ROOT, Site, commentary

from guideline import compare
from guideline.model.edition import Edition, parse_edition
from guideline.model.guideline import Guideline
from guideline.model.project import load
from guideline.problems import GuidelineError, Problems
from guideline.site import compare_page, kessai

HEAD = '---\nedition: "{name}"\ntitle: テスト用ガイドライン\nstatus: {status}\nenacted: {date}\neffective: {date}\n{extra}---\n\n'
OLD = """\
## 前文 {#preamble .unnumbered}

これは前文です。

## 目的 {#purpose}

目的です。

## 原則 {#principles}

- 一度ネットワーク上に公開された情報は削除できません。 {#accuracy}
- 権利を守ります。 {#rights}
- 古い決まりです。 {#old-rule}
- 次の情報は発信しません。 {#prohibited}
    - 噂 {#rumors}
    - 差別 {#discrimination}

## 手続 {#procedure}

- 相談します。 {#consult}
- 報告します。 {#report}
- 記録します。 {#records}
"""
# A chapter inserted before 原則 pushes it and all that follows down (繰下げ); old-rule is deleted; 差別
# moves before 噂 (移動: out of order, not merely renumbered); 報告 moves to another chapter (移動).
NEW = """\
## 前文 {#preamble .unnumbered}

これは前文です。

## 目的 {#purpose}

目的です。

## 新しい章 {#new-chapter}

- 新しい決まりです。 {#new-rule}

## 原則 {#principles}

- 一度インターネット上に公開された情報は削除できません。 {#accuracy}
- 権利を守ります。 {#rights}
- 次の情報は発信しません。 {#prohibited}
    - 差別 {#discrimination}
    - 噂 {#rumors}
- 報告します。 {#report}

## 手続 {#procedure}

- 相談します。 {#consult}
- 記録します。 {#records}
"""


def edition(body: str, name: str, status: str = "published", date: str = "null", extra: str = "") -> Edition:
    problems = Problems()
    text = HEAD.format(name=name, status=status, date=date, extra=extra) + body
    parsed = parse_edition(text, f"editions/{name}.ja.md", "ja", problems)
    assert not problems, problems.report()
    return parsed


@dataclass(frozen=True)
class Reader:
    """Whoever reads the words: only their language matters."""

    lang: str


def shape(comparison: compare.Comparison) -> list[tuple[str, str, str, str, str]]:
    return [
        (row.id, row.kind, row.move, row.old.number if row.old else "-", row.new.number if row.new else "-")
        for row in comparison.rows
    ]


def test_every_change_is_a_row_renumbered_and_moved_ones_too() -> None:
    comparison = compare.compare(edition(OLD, "1"), edition(NEW, "2"))
    assert shape(comparison) == [
        ("preamble", "unchanged", "", "", ""),
        ("purpose", "unchanged", "", "1", "1"),
        ("new-chapter", "added", "", "-", "2"),
        ("new-rule", "added", "", "-", "2(1)"),
        ("principles", "unchanged", "down", "2", "3"),
        ("accuracy", "modified", "down", "2(1)", "3(1)"),
        ("rights", "unchanged", "down", "2(2)", "3(2)"),
        ("old-rule", "deleted", "", "2(3)", "-"),
        ("prohibited", "unchanged", "down", "2(4)", "3(3)"),
        ("discrimination", "unchanged", "moved", "2(4)②", "3(3)①"),
        ("rumors", "unchanged", "down", "2(4)①", "3(3)②"),
        ("report", "unchanged", "moved", "3(2)", "3(4)"),
        ("procedure", "unchanged", "down", "3", "4"),
        ("consult", "unchanged", "down", "3(1)", "4(1)"),
        ("records", "unchanged", "down", "3(3)", "4(2)"),
    ]
    # Only what is unchanged in both text and number folds into (略).
    assert [row.id for row in comparison.rows if not row.changed] == ["preamble", "purpose"]
    summary = compare.summarize(comparison)
    assert kessai.counts(Reader("ja"), comparison) == "改正 1、新設 2、削除 1、繰下げ・繰上げ 8、移動 2"
    assert kessai.counts(Reader("en"), comparison) == "revised 1, new 2, deleted 1, moved down or up 8, moved 2"
    moved = next(row for row in comparison.rows if row.id == "report")
    assert kessai.what_changed(Reader("ja"), moved) == "移動（3(2) → 3(4)）"
    assert kessai.what_changed(Reader("en"), moved) == "moved (3(2) → 3(4))"
    assert [row.id for row in summary.moved] == ["discrimination", "report"]


def test_a_deletion_pulls_the_rest_up() -> None:
    after = edition(OLD.replace("- 古い決まりです。 {#old-rule}\n", ""), "2")
    comparison = compare.compare(edition(OLD, "1"), after)
    moves = {
        row.id: (row.move, row.old.number if row.old else "", row.new.number if row.new else "")
        for row in comparison.rows
    }
    assert moves["prohibited"] == ("up", "2(4)", "2(3)")
    assert moves["rumors"] == ("up", "2(4)①", "2(3)①")
    assert moves["consult"] == ("", "3(1)", "3(1)")


@pytest.mark.parametrize(
    ("old", "new", "old_marked", "new_marked"),
    [
        ("一度ネットワーク上に", "一度インターネット上に", ["ネットワーク"], ["インターネット"]),
        ("公式ツイッターを", "公式Xアカウントを", ["ツイッター"], ["Xアカウント"]),
        ("場合にあつては、", "場合にあっては、", ["つ"], ["っ"]),
        ("正確に書きます。", "正確に、分かりやすく書きます。", [], ["、分かりやすく"]),
        ("担当課に相談します。", "市民活動推進課に相談します。", ["担当"], ["市民活動推進"]),
    ],
)
def test_a_changed_word_is_one_mark(old: str, new: str, old_marked: list[str], new_marked: list[str]) -> None:
    before, after = compare.char_diff(old, new)
    assert [s.text for s in before if s.changed] == old_marked
    assert [s.text for s in after if s.changed] == new_marked
    assert "".join(s.text for s in before) == old and "".join(s.text for s in after) == new


def cells(comparison: compare.Comparison, provision_id: str) -> tuple[str, str]:
    guideline = Guideline(Path("."), "ja", [comparison.old, comparison.new], {}, [])
    return compare_page.cells(guideline, comparison.by_id[provision_id])


def test_cells_follow_the_convention() -> None:
    comparison = compare.compare(edition(OLD, "1"), edition(NEW, "2"))
    number = '<span class="compare-number"><{tag} class="compare-change">{n}</{tag}></span> '
    assert cells(comparison, "rights") == (
        number.format(tag="ins", n="3(2)") + '権利を守ります。 <span class="compare-mark">（2(2)から繰下げ）</span>',
        number.format(tag="del", n="2(2)") + '権利を守ります。 <span class="compare-mark">（3(2)へ繰下げ）</span>',
    )
    assert cells(comparison, "report") == (
        number.format(tag="ins", n="3(4)") + '報告します。 <span class="compare-mark">（3(2)から移動）</span>',
        number.format(tag="del", n="3(2)") + '報告します。 <span class="compare-mark">（3(4)へ移動）</span>',
    )
    after, before = cells(comparison, "accuracy")
    assert after.endswith(
        '一度<ins class="compare-change">インターネット</ins>上に公開された情報は削除できません。 '
        '<span class="compare-mark">（2(1)から繰下げ）</span>'
    )
    assert '一度<del class="compare-change">ネットワーク</del>上に' in before
    assert cells(comparison, "new-rule") == (
        number.format(tag="ins", n="2(1)") + '<ins class="compare-change">新しい決まりです。</ins>',
        '<span class="compare-mark">（新設）</span>',
    )
    assert cells(comparison, "old-rule") == (
        '<span class="compare-mark">（削る）</span>',
        number.format(tag="del", n="2(3)") + '<del class="compare-change">古い決まりです。</del>',
    )
    same = '<span class="compare-number">前文</span> これは前文です。'  # labelled, its heading not repeated
    assert cells(comparison, "preamble") == (same, same)


# --- the site ------------------------------------------------------------------------------------------


def body(text: str) -> str:
    return text.split("---\n\n", 1)[1]


@pytest.fixture
def three(tiny_site: Site) -> Site:
    """Editions 1, 2 and 3 released with `guideline release`, as the division does; 3 is in force: both dates
    come before the pinned build date (conftest.BUILD_DATE), so status by 施行日 makes 2 旧版 and 3 現行."""
    for clause in ("purpose", "accuracy", "prohibited", "rumors"):
        tiny_site.remove(f"docs/clauses/{clause}.md")
    tiny_site.write_edition(HEAD.format(name="1", status="published", date="null", extra="") + OLD)
    for clause in (
        "purpose",
        "accuracy",
        "rights",
        "old-rule",
        "prohibited",
        "rumors",
        "discrimination",
        "consult",
        "report",
        "records",
    ):
        tiny_site.write(f"docs/clauses/{clause}.md", commentary(clause, title=f"{clause}の解説"))
    for name, text, when in (
        ("2", NEW, "2026-04-01"),
        ("3", NEW.replace("記録します。", "記録を残します。"), "2027-04-01"),
    ):
        assert tiny_site.guideline("new-edition", name).returncode == 0
        reasons = f"reasons:\n  - 第{name}版の改正の理由です。\n"
        tiny_site.write(
            f"editions/{name}.ja.md", HEAD.format(name=name, status="draft", date="null", extra=reasons) + text
        )
        for clause in ("new-rule",):
            tiny_site.write(f"docs/clauses/{clause}.md", commentary(clause, title="新しい決まりの解説"))
        result = tiny_site.guideline("release", name, "--date", when)
        assert result.returncode == 0, result.stderr
    result = tiny_site.build()
    assert result.returncode == 0, result.stderr
    return tiny_site


def row(page: str, provision_id: str) -> tuple[str, str, str]:
    """(classes, 改正後, 改正前) of a provision's row."""
    found = re.search(rf'<tr class="([^"]*)" id="row-{provision_id}"><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td></tr>', page)
    assert found, provision_id
    return found.group(1), found.group(2), found.group(3)


def test_default_view_shows_every_changed_row_with_both_editions_dated(three: Site) -> None:
    page = three.html("editions/2/compare")
    assert "改正後：第2版（旧版） 制定日：令和8年(2026年)4月1日 ／ 施行日：令和8年(2026年)4月1日" in page
    assert "改正前：第1版（旧版） 制定日：未記載 ／ 施行日：未記載" in page
    assert "新設する条項は改正前の欄に（新設）、削る条項は改正後の欄に（削る）と示します。" in page
    assert '<h2 id="reasons">第2版の改正理由</h2><ol><li>第2版の改正の理由です。</li></ol>' in page
    hidden = [pid for pid in ("preamble", "purpose") if "compare-row--same" in row(page, pid)[0]]
    assert hidden == ["preamble", "purpose"]
    for pid in ("rights", "consult", "records", "procedure", "discrimination", "report"):
        assert "compare-row--same" not in row(page, pid)[0], pid  # renumbered or moved: never folded
    css = (three.root / "site/assets/compare.css").read_text(encoding="utf-8")
    assert ".compare-table.is-collapsed .compare-row--same {\n  display: none;" in css


def test_an_older_edition_compares_with_the_one_in_force(three: Site) -> None:
    assert (three.root / "docs/editions/1/compare/3.md").is_file()  # written by `guideline release 3`
    page = three.html("editions/1/compare/3")
    assert "改正後：第3版（現行）" in page and "改正前：第1版（旧版）" in page
    _, after, before = row(page, "records")
    assert (
        '<ins class="compare-change">4(2)</ins>' in after
        and '記録<ins class="compare-change">を残</ins>します。' in after
    )
    assert '<del class="compare-change">3(3)</del>' in before
    assert '<a href="compare/3/">現行の版との新旧対照表</a>' in three.html("editions/1")
    assert '<a href="1/compare/3/">現行の版との新旧対照表</a>' in three.html("editions")
    assert not (three.root / "docs/editions/2/compare/3.md").exists()  # 3's own page compares it with 2


def test_a_draft_that_changes_the_text_must_state_its_reasons(tiny_site: Site) -> None:
    draft = (tiny_site.root / "editions/1.ja.md").read_text(encoding="utf-8")
    draft = draft.replace('edition: "1"', 'edition: "2"').replace("status: published", "status: draft")
    tiny_site.write_edition(draft.replace("単なる噂", "単なる噂や憶測"), name="2")
    with pytest.raises(GuidelineError) as raised:
        load(tiny_site.root)
    assert str(raised.value).startswith("editions/2.ja.md:4: エラー: 改正案に改正理由がありません。")
    result = tiny_site.build(env={"GUIDELINE_DRAFTS": "1"})
    assert result.returncode == 1 and "editions/2.ja.md:4: エラー: 改正案に改正理由がありません。" in result.stderr
    tiny_site.write_edition(draft.replace("status: draft", "status: draft\nreasons: 4行目を改める。"), name="2")
    assert load(tiny_site.root).edition("2").reasons == ["4行目を改める。"]
    unchanged = draft.replace('edition: "1"', 'edition: "2"')
    tiny_site.write_edition(unchanged, name="2")
    load(tiny_site.root)  # a draft that changes nothing yet needs no reasons


def test_edition_2_states_its_reasons_including_the_small_tsu() -> None:
    guideline = load(ROOT)
    draft = guideline.edition("2")
    comparison = compare.compare(guideline.current, draft)
    indirect = comparison.by_id["indirect-matters"]
    assert [s.text for s in indirect.old_segments if s.changed] == ["つ"]
    assert [s.text for s in indirect.new_segments if s.changed] == ["っ"]
    assert draft.reasons[-1].startswith("4(5)中の「あつては」を「あっては」に改める。")
    changed = [r.new.number or r.new.heading for r in comparison.changed_rows if r.new is not None]
    assert changed == ["前文", "1", "3", "3(1)", "4", "4(5)"]
    said = "".join(draft.reasons)
    assert all(part in said for part in ("題名", "前文", "1、", "3の見出し", "3(1)", "4の見出し", "4(5)"))
    english = load(ROOT, "en").edition("2")
    assert len(english.reasons) == len(draft.reasons) and "「あつては」 becomes 「あっては」" in english.reasons[-1]


# --- the command line and the PDF ------------------------------------------------------------------------


def pdf_text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_info(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def test_diff_refuses_a_reversed_pair_unless_asked(three: Site) -> None:
    refused = three.guideline("diff", "2", "1")
    assert refused.returncode == 2 and refused.stdout == ""
    assert refused.stderr == (
        "guideline diff: 第2版は第1版より新しい版です。古い版を先に書いてください（guideline diff 1 2）。"
        "新しい版を改正前として比べたいときは --reverse を付けてください。\n"
    )
    reversed_ = three.guideline("diff", "2", "1", "--reverse")
    assert reversed_.returncode == 0 and reversed_.stdout.startswith("新旧対照表：第1版（改正後） ← 第2版（改正前）")
    unknown = three.guideline("diff", "1", "9")
    assert unknown.returncode == 1 and unknown.stderr == "guideline diff: 第9版はありません。ある版は 1、2、3 です。\n"
    any_pair = three.guideline("diff", "1", "3")
    assert any_pair.returncode == 0 and "\n4(2) 改正・繰下げ（3(3) → 4(2)）\n" in any_pair.stdout


def test_unwritable_output_is_a_message_not_a_traceback(three: Site) -> None:
    for option in ("--html", "--pdf"):
        result = three.guideline("diff", "1", "2", option, "/nonexistent/x.html")
        assert result.returncode == 1
        assert "Traceback" not in result.stderr and "/nonexistent/x.html" in result.stderr
        assert "保存先のフォルダー" in result.stderr


@pytest.fixture
def long_preamble(three: Site) -> Site:
    """A draft whose first changed row, the preamble, is longer than a page: the case that left page 1 blank."""
    assert three.guideline("new-edition", "4").returncode == 0
    paragraph = "これは長い前文です。" * 30
    text = NEW.replace("これは前文です。", "\n\n".join([paragraph] * 8) + "\n\nネットワークの時代です。")
    three.write(
        "editions/4.ja.md",
        HEAD.format(name="4", status="draft", date="null", extra="reasons: [前文を改める。]\n") + text,
    )
    return three


def test_kessai_pdf_is_a4_landscape_numbered_with_headers_and_no_blank_first_page(long_preamble: Site) -> None:
    out = long_preamble.root / "kessai.pdf"
    result = long_preamble.guideline("diff", "3", "4", "--pdf", str(out))
    assert result.returncode == 0, result.stderr
    info = pdf_info(out)
    width, height = (float(v) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert "A4" in info["Page size"] and width > height  # landscape
    pages = int(info["Pages"])
    assert pages >= 2
    first = pdf_text(out, 1)
    assert "テスト用ガイドライン 新旧対照表" in first
    assert "改正後：第4版（改正案） 制定日：未記載 ／ 施行日：未記載" in first
    assert "改正前：第3版（現行） 制定日：令和9年(2027年)4月1日 ／ 施行日：令和9年(2027年)4月1日" in first
    assert "（傍線部分は改正部分）" in first and "第4版の改正理由" in first
    assert first.count("これは長い前文です。") >= 10  # the long row starts on page 1, it is not pushed off it
    for number in range(1, pages + 1):
        text = pdf_text(out, number)
        assert re.search(rf"^\s*{number}\s*/\s*{pages}\s*$", text, re.MULTILINE), (number, text[-200:])
        assert re.search(r"改正後\s+改正前", text), number  # the header row repeats on every page
    whole = pdf_text(out)
    assert "ネットワークの時代です。" in whole  # the end of the long row: nothing clipped
    assert "（略）" in whole


def test_full_text_pdf(three: Site) -> None:
    out = three.root / "text.pdf"
    result = three.guideline("text", "3", "--pdf", str(out))
    assert result.returncode == 0, result.stderr
    info = pdf_info(out)
    width, height = (float(v) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert "A4" in info["Page size"] and width < height
    text = pdf_text(out)
    assert "テスト用ガイドライン" in text and "第3版（現行） 制定日：令和9年(2027年)4月1日" in text
    assert "(2) 記録を残します。" in text and re.search(r"^\s*1\s*/\s*1\s*$", text, re.MULTILINE)


def test_diff_states_status_on_the_build_date_as_the_site_does(three: Site) -> None:
    """The printed 新旧対照表 computes 現行/施行予定/旧版 on GUIDELINE_BUILD_DATE, not on the day it is run."""
    out = three.root / "compare.html"
    for build_date, after, before in (("2027-01-01", "施行予定", "現行"), ("2027-04-01", "現行", "旧版")):
        env = {**os.environ, "GUIDELINE_BUILD_DATE": build_date}
        result = subprocess.run(
            [GUIDELINE, "diff", "2", "3", "--html", str(out)],
            cwd=three.root,
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        page = out.read_text(encoding="utf-8")
        assert f"改正後：第3版（{after}）" in page and f"改正前：第2版（{before}）" in page, build_date


# --- the pull request's preview ------------------------------------------------------------------------


def test_make_preview_builds_what_a_reviewer_reads(tmp_path: Path) -> None:
    """The target the CI job calls, on the real project: site with drafts, the 決裁 PDF and the summary."""
    out = tmp_path / "preview"
    result = subprocess.run(["make", "-C", str(ROOT), "preview", f"PREVIEW={out}"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "site/editions/2/compare/index.html").is_file()
    page = (out / "site/editions/2/compare/index.html").read_text(encoding="utf-8")
    assert "第2版の改正理由" in page and "「あつては」を「あっては」に改める。" in page
    text = pdf_text(out / "kessai.pdf")
    assert "第2版の改正理由" in text and "4(5)中の「あつては」を「あっては」に改める。" in text
    assert "改正前：第1版（現行） 制定日：未記載 ／ 施行日：未記載" in text
    summary = (out / "summary.md").read_text(encoding="utf-8")
    assert summary.startswith("## 第2版（改正案）の新旧対照表（第1版（現行）との比較）\n")
    assert "変わる条項：6（改正 6、新設 0、削除 0、繰下げ・繰上げ 0、移動 0）。ほかに題名を改正します。" in summary
    table = [line for line in summary.splitlines() if line.startswith("| ") and line.endswith(" | 改正 |")]
    assert [line.split(" ")[1] for line in table] == ["題名", "前文", "1", "3", "3(1)", "4", "4(5)"]
    assert "- 新旧対照表：`editions/2/compare/index.html`" in summary
    for line in re.findall(r"`([^`]+/index\.html)`", summary):
        assert (out / "site" / line).is_file(), line


def load_ci() -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((ROOT / ".github/workflows/ci.yml").read_text(encoding="utf-8"))
    return data


def test_pull_requests_that_change_the_guideline_get_the_preview_as_artifacts() -> None:
    job = load_ci()["jobs"]["preview"]
    assert job["if"] == "github.event_name == 'pull_request'"
    steps = job["steps"]
    changes = next(step for step in steps if step.get("id") == "changes")
    assert "-- editions docs/clauses" in changes["run"]
    runs = [step.get("run", "") for step in steps]
    assert "make preview PREVIEW=build/preview" in runs
    assert 'cat build/preview/summary.md >> "$GITHUB_STEP_SUMMARY"' in runs
    uploads = {
        step["with"]["name"]: step["with"]["path"] for step in steps if "upload-artifact" in step.get("uses", "")
    }
    assert uploads == {"preview-site": "build/preview/site", "kessai-pdf": "build/preview/kessai.pdf"}
    guarded = [
        step
        for step in steps
        if step.get("run", "").startswith(("make preview", "cat ")) or "upload" in step.get("uses", "")
    ]
    assert all(step["if"] == "steps.changes.outputs.guideline == 'true'" for step in guarded)

"""The hardening matrix (issue 16): bad input and faults, each with its exit status, its message (file:line and
wording) and the proof that nothing else changed. In-process: ``load()`` and its problems, the ``guideline``
command's ``main()`` with its output captured, ``tools.publish.main()`` against a real DEST on this machine.

Sections: the sources (no traceback, no silent change), script from content, the glossary, the command line,
publishing faults. nginx's side is in tests/test_publish_nginx.py.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from conftest import BUILD_DATE, ROOT, TINY_EDITION, Site, commentary
from conftest import PUBLISH_URL as SITE_URL
from test_editions import EDITION_1, EDITION_2
from test_translation import EDITION_EN, commentary_en

from guideline import cli
from guideline.model.edition import parse_edition
from guideline.model.glossary import Term, parse_glossary
from guideline.model.project import load
from guideline.model.releases import fingerprint
from guideline.problems import GuidelineError, Problems
from guideline.site.glossary import annotate_terms
from guideline.site.review import removed_reference_messages
from tools import publish, sitecheck


def problems_of(site: Site, lang: str = "ja", today: date | None = None) -> list[str]:
    """Every problem ``load`` reports, as the editor reads them; [] when the sources load."""
    try:
        load(site.root, lang, today=today)
    except GuidelineError as error:
        return [str(p) for p in sorted(set(error.problems.items))]
    return []


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` and its bytes: to show that a failed command changed nothing."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run_cli(
    site: Site, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], *args: str
) -> tuple[int, str, str]:
    """``guideline <args>`` run in the site's folder: (exit status, stdout, stderr)."""
    monkeypatch.chdir(site.root)
    status = cli.main(list(args))
    out = capsys.readouterr()
    return status, out.out, out.err


# --- the sources: indentation is exact, BOM and CRLF are read as the editor sees them ------------------

ITEM = "- 次に掲げる情報は発信してはなりません。 {#prohibited}"
SUB = "    - 単なる噂 {#rumors}"


@pytest.mark.parametrize(
    ("indent", "described"),
    [
        ("\u3000", "全角空白 1 個"),
        (" " * 8, "半角空白 8 個"),
        (" " * 2, "半角空白 2 個"),
        ("\t", "タブ 1 個"),
        ("  \u3000", "半角空白 2 個、全角空白 1 個"),
    ],
)
def test_an_item_indented_other_than_four_spaces_is_an_error_naming_the_line(
    tiny_site: Site, indent: str, described: str
) -> None:
    """Before, U+3000 or eight spaces silently made an item a sub-item and renumbered the rest."""
    text = TINY_EDITION.replace(SUB, indent + SUB.lstrip())
    line = text.splitlines().index(indent + SUB.lstrip()) + 1
    tiny_site.write("editions/1.ja.md", text)
    before = snapshot(tiny_site.root)
    problems = problems_of(tiny_site)
    assert (
        f"editions/1.ja.md:{line}: エラー: 項目の前の字下げ（{described}）は使えません。"
        "項目 (1) は行頭から、号 ① は半角空白 4 個で字下げして書いてください。"
    ) in problems
    assert snapshot(tiny_site.root) == before


def test_non_space_indentation_of_text_and_headings_is_named(tiny_site: Site) -> None:
    text = TINY_EDITION.replace("これは前文です。", "\u3000これは前文です。").replace(
        "## 目的 {#purpose}", "\t## 目的 {#purpose}"
    )
    tiny_site.write("editions/1.ja.md", text)
    lines = text.splitlines()
    problems = problems_of(tiny_site)
    assert (
        f"editions/1.ja.md:{lines.index(chr(0x3000) + 'これは前文です。') + 1}: エラー: 行頭の字下げに半角空白以外の文字"
        "（全角空白 1 個）があります。半角空白だけで字下げしてください。"
    ) in problems
    assert (
        f"editions/1.ja.md:{lines.index(chr(9) + '## 目的 {#purpose}') + 1}: エラー: 章の見出しの前に字下げ（タブ 1 個）が"
        "あります。「##」は行頭から書いてください。"
    ) in problems


def test_the_documented_indent_still_makes_a_sub_item(tiny_site: Site) -> None:
    guideline = load(tiny_site.root)
    assert guideline.current.provisions["rumors"].number == "2(2)①"


@pytest.mark.parametrize(
    "encode",
    [
        pytest.param(lambda text: "\ufeff" + text, id="utf-8 BOM"),
        pytest.param(lambda text: text.replace("\n", "\r\n"), id="CRLF"),
        pytest.param(lambda text: "\ufeff" + text.replace("\n", "\r\n"), id="BOM and CRLF"),
        pytest.param(lambda text: text.replace("\n", "\r"), id="CR"),
    ],
)
def test_bom_and_line_endings_are_read_as_the_editor_sees_them_and_the_checksum_agrees(
    tiny_site: Site, encode: Callable[[str], str]
) -> None:
    """The release record was written from the LF text: the same text saved by another editor still matches."""
    plain = load(tiny_site.root)
    for path in [tiny_site.root / "editions/1.ja.md", *sorted((tiny_site.root / "docs/clauses").glob("*.md"))]:
        path.write_bytes(encode(path.read_text(encoding="utf-8")).encode("utf-8"))
    again = load(tiny_site.root)  # no 'changed after release', no 'missing front matter'
    assert fingerprint(again.current) == fingerprint(plain.current)
    assert [p.number for p in again.current.provisions.values()] == [
        p.number for p in plain.current.provisions.values()
    ]
    assert again.commentaries["accuracy"].examples[0].fields == plain.commentaries["accuracy"].examples[0].fields


def test_a_unicode_line_separator_does_not_split_a_provision(tiny_site: Site) -> None:
    """str.splitlines() would break at U+2028 and make half the sentence 'text outside any provision'."""
    text = TINY_EDITION.replace("正確に書かなければ", "正確に\u2028書かなければ").replace("published", "draft")
    tiny_site.write("editions/1.ja.md", text)
    tiny_site.remove("editions/releases.yml")
    problems = problems_of(tiny_site)
    assert not [p for p in problems if "outside any provision" in p], problems


# --- problems reported once, at the right line, in whole sentences ------------------------------------


def test_check_reports_a_japanese_problem_once_not_again_for_each_translation(
    tiny_site: Site, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    tiny_site.write("editions/1.en.md", EDITION_EN)
    rumors = tiny_site.root / "docs/clauses/rumors.md"
    rumors.write_text(rumors.read_text(encoding="utf-8").replace("clause: rumors", "clause: rumours"), encoding="utf-8")
    status, out, err = run_cli(tiny_site, monkeypatch, capsys, "check")
    assert (status, out) == (1, "")
    wanted = (
        "docs/clauses/rumors.md:2: エラー: 「clause: rumours」がファイル名と合いません。"
        "ファイル名か clause の値のどちらかを直してください。"
    )
    assert err.count(wanted) == 1, err


def test_commentary_for_an_unknown_provision_reads_as_two_sentences(tiny_site: Site) -> None:
    tiny_site.write("docs/clauses/zzz.md", commentary("zzz"))
    assert problems_of(tiny_site) == [
        "docs/clauses/zzz.md:2: エラー: 「clause: zzz」という条項はどの版にもありません。editions/1.ja.md にある ID を書いてください。"
    ]


def test_a_reference_to_a_removed_provision_names_its_own_line(tiny_site: Site) -> None:
    tiny_site.write_edition(EDITION_1)
    tiny_site.write_edition(EDITION_2, "2")
    for clause in ("rights", "old-rule", "consult", "report", "new-rule", "text-rights"):
        tiny_site.write(f"docs/clauses/{clause}.md", commentary(clause))
    page = commentary("accuracy").replace(
        "accuracy の趣旨です。", "accuracy の趣旨です。\n\n二段落目です。\n[](clause:old-rule) を見てください。"
    )
    tiny_site.write("docs/clauses/accuracy.md", page)
    line = page.splitlines().index("[](clause:old-rule) を見てください。") + 1
    # Edition 2 removes 'old-rule' from its 施行日 (2027-04-01): built after it, the provision is removed.
    # The link leads to its 削除 page, so the build holds (the scheduled rebuild on the 施行日 must not
    # fail), and `guideline check` lists the line for review.
    assert problems_of(tiny_site, today=date.fromisoformat(BUILD_DATE)) == []
    guideline = load(tiny_site.root, today=date.fromisoformat(BUILD_DATE))
    assert removed_reference_messages(guideline) == [
        f"docs/clauses/accuracy.md:{line}: 要確認：'clause:old-rule' は第2版で削除された条項を指しています。"
        "このリンクは削除された条項の案内ページに向かいます。内容を引き継いだ 'clause:new-rule' を指すように書き換えてください。"
    ]


def _translate(site: Site, names: tuple[str, ...]) -> None:
    for name in names:
        text = (site.root / f"editions/{name}.ja.md").read_text(encoding="utf-8")
        site.write(f"editions/{name}.en.md", text.replace("テスト用ガイドライン", "Test guideline"))


def test_an_untranslated_commentary_falls_back_to_japanese_without_errors(tiny_site: Site) -> None:
    """Before: four 'names no example or FAQ' errors on the English pages that link into the missing page."""
    tiny_site.write("editions/1.en.md", EDITION_EN)
    tiny_site.release("1")  # published with its English edition, which the record freezes too
    for clause in ("purpose", "prohibited", "rumors"):
        page = commentary_en(clause, "").replace("[](clause:purpose)", "[](clause:accuracy#bad)")
        tiny_site.write(f"docs/clauses/{clause}.en.md", page)
    english = load(tiny_site.root, "en")
    assert "accuracy" not in english.commentaries and english.has_commentary("accuracy")
    assert english.anchors("accuracy") == {"good", "bad", "unsure", "unsure-too", "q1", "q2", "q3"}


def test_a_later_edition_translated_before_the_first_is_a_message_not_a_traceback(tiny_site: Site) -> None:
    tiny_site.write_edition(EDITION_1)
    draft = EDITION_2.replace("status: published", "status: draft\nreasons:\n  - 条項を改める。")
    tiny_site.write_edition(draft, "2")
    for clause in ("rights", "old-rule", "consult", "report", "new-rule", "text-rights"):
        tiny_site.write(f"docs/clauses/{clause}.md", commentary(clause))
    _translate(tiny_site, ("2",))
    assert problems_of(tiny_site, "en") == [
        "editions/2.en.md:1: エラー: 第1版の翻訳 editions/1.en.md がないまま、後の第2版が翻訳されています。"
        "editions/1.ja.md を editions/1.en.md に翻訳してください（版は古い順に翻訳します）。"
    ]


# --- no script from content ----------------------------------------------------------------------------

BAD_CONTENT = [
    ("<script>alert(1)</script>", "HTML タグ <script> は書けません。"),
    ('<img src="x" onerror="alert(1)">', "HTML タグ <img> は書けません。"),
    ("<iframe src=https://example.org/></iframe>", "HTML タグ <iframe> は書けません。"),
    ('<div markdown="1">x</div>', "HTML タグ <div> は書けません。"),
    ("<br onclick=alert(1)>", "HTML タグ <br> に属性「onclick=alert(1)」は付けられません。"),
    ("[ここ](javascript:alert(1))", "リンク先「javascript:alert(1」は使えません（javascript: は"),
    ("[ここ]( JaVaScRiPt:alert(1))", "リンク先「JaVaScRiPt:alert(1」は使えません（javascript: は"),
    ("[ここ](jav&#x61;script:alert(1))", "（javascript: はスクリプトや埋め込みを実行します）"),
    (
        "[ここ](data:text/html;base64,PHNjcmlwdD4=)",
        "リンク先「data:text/html;base64,PHNjcmlwdD4=」は使えません（data: は",
    ),
    ("[ここ][x]\n\n[x]: javascript:alert(1)", "リンク先「javascript:alert(1)」は使えません"),
    ("[ここ](https://example.org/){onclick=alert(1)}", "属性「onclick」は書けません"),
    ('[ここ](https://example.org/){style="color:red"}', "属性「style」は書けません"),
]


@pytest.mark.parametrize(("markdown", "message"), BAD_CONTENT, ids=[m for m, _ in BAD_CONTENT])
def test_raw_html_and_script_links_in_commentary_are_refused_with_file_and_line(
    tiny_site: Site, markdown: str, message: str
) -> None:
    page = commentary("accuracy").replace("accuracy の趣旨です。", f"accuracy の趣旨です。\n\n{markdown}")
    tiny_site.write("docs/clauses/accuracy.md", page)
    line = next(n for n, text in enumerate(page.splitlines(), 1) if markdown.splitlines()[-1] in text)
    problems = problems_of(tiny_site)
    assert any(p.startswith(f"docs/clauses/accuracy.md:{line}: エラー: ") and message in p for p in problems), problems


def test_raw_html_in_an_edition_is_refused_too(tiny_site: Site) -> None:
    text = TINY_EDITION.replace("これは前文です。", "これは前文です。<script>alert(1)</script>")
    tiny_site.write("editions/1.ja.md", text)
    line = text.splitlines().index("これは前文です。<script>alert(1)</script>") + 1
    assert f"editions/1.ja.md:{line}: エラー: HTML タグ <script> は書けません。Markdown で書いてください" in "\n".join(
        problems_of(tiny_site)
    )


@pytest.mark.parametrize(
    "markdown",
    [
        "改行<br>します",
        "<ruby>本庄<rp>（</rp><rt>ほんじょう</rt><rp>）</rp></ruby>市",
        "H<sub>2</sub>O",
        "`<script>` はコードとして書けます",
        "```html\n<script>alert(1)</script>\n```",
        "<!-- 編集メモ -->",
        "<https://example.org/> と 1 < 2 と a < b",
        "[市のサイト](https://www.city.honjo.lg.jp/)",
    ],
)
def test_inert_markup_and_code_pass(tiny_site: Site, markdown: str) -> None:
    page = commentary("accuracy").replace("accuracy の趣旨です。", f"accuracy の趣旨です。\n\n{markdown}")
    tiny_site.write("docs/clauses/accuracy.md", page)
    assert problems_of(tiny_site) == []


def test_the_real_content_has_no_raw_html() -> None:
    load(ROOT)
    load(ROOT, "en")


# --- the glossary respects Japanese words -----------------------------------------------------------------

COPYRIGHT = Term("copyright", "著作権", (), "権利です。", 1, ("著作権法", "著作権者"))
INTERESTED = Term("interested-parties", "利害関係", (), "関係です。", 2, ("利害関係者",))
PRIVACY = Term("privacy", "プライバシー", (), "私生活です。", 3)
PRIVACY_RIGHTS = Term("privacy-rights", "プライバシー権", (), "権利です。", 4)


def _linked(html: str) -> list[str]:
    import re

    return re.findall(r'<a class="glossary-term" href="g/#([a-z-]+)"[^>]*>([^<]+)</a>', html)


def test_a_term_is_not_linked_inside_a_listed_compound() -> None:
    html = annotate_terms("<p>著作権法と利害関係者。著作権者の利害関係。著作権</p>", [COPYRIGHT, INTERESTED], "g/")
    assert _linked(html) == [("interested-parties", "利害関係"), ("copyright", "著作権")]
    assert html.startswith("<p>著作権法と利害関係者。著作権者の")


def test_a_term_is_not_linked_inside_a_longer_term_the_longest_wins() -> None:
    html = annotate_terms("<p>プライバシー権とプライバシー</p>", [PRIVACY, PRIVACY_RIGHTS], "g/")
    assert _linked(html) == [("privacy-rights", "プライバシー権"), ("privacy", "プライバシー")]


def test_a_compound_must_contain_its_term() -> None:
    problems = Problems()
    text = "- id: copyright\n  term: 著作権\n  compounds: [著作物]\n  definition: 権利です。\n"
    parse_glossary(text, "glossary/terms.ja.yml", problems)
    assert [str(p) for p in problems.items] == [
        "glossary/terms.ja.yml:1: エラー: compounds の「著作物」は用語「著作権」を含む、より長い語ではありません。"
        "用語を含む複合語だけを書いてください。"
    ]


def test_the_real_glossary_declares_the_compounds_found_in_the_text() -> None:
    guideline = load(ROOT)
    terms = {t.id: t for t in guideline.glossary}
    assert "著作権法" in terms["copyright"].compounds and "利害関係者" in terms["interested-parties"].compounds


# --- the command line: messages, never a traceback, never a silent exit 0 ------------------------------


def test_translations_with_a_path_for_a_language_is_refused(
    tiny_site: Site, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _translate(tiny_site, ("1",))
    before = snapshot(tiny_site.root)
    status, out, err = run_cli(tiny_site, monkeypatch, capsys, "translations", "--lang", "../../etc")
    assert (status, out) == (1, "")
    assert err == (
        "guideline translations: 「../../etc」は翻訳の言語コードではありません。"
        "en のような言語コードを指定してください（翻訳のファイル名 editions/1.en.md の en の部分です）。\n"
    )
    assert snapshot(tiny_site.root) == before


def test_check_outside_a_project_fails_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    status = cli.main(["check"])
    err = capsys.readouterr().err
    assert status == 1
    assert err == (
        f"guideline: {tmp_path.resolve()} はガイドラインのプロジェクトの中ではありません（editions/ が見つかりません）。"
        "プロジェクトのフォルダ（editions/ があるフォルダ）か、その下で実行してください。\n"
    )


# --- what already worked, kept in the matrix --------------------------------------------------------------

WORKING = [  # (file, text replaced, replacement, the message, with {line} the replacement's line)
    ("editions/1.ja.md", "{#rumors}", "{#accuracy}", "{line}: エラー: 条項の ID「accuracy」は"),
    ("editions/1.ja.md", "{#rumors}", "{#Rumors}", "{line}: エラー: 条項の ID「Rumors」は使えません。英小文字と数字"),
    (
        "editions/1.ja.md",
        "単なる噂 {#rumors}",
        "単なる噂",
        "{line}: エラー: 条項の行末に ID がありません。",
    ),
    (
        "editions/1.ja.md",
        "単なる噂",
        "単なるうわさ",
        (
            "{line}: エラー: 公開済みの第1版の条項 2(2)① 'rumors' の文言が、記録された公開時の内容と違います。"
            "公開済みの版は変更できません。元に戻すか、改正は新しい版で行ってください"
        ),
    ),
    ("editions/1.ja.md", "status: published", "status: publish", "{line}: エラー: 「status: publish」は使えません。"),
    (
        "docs/clauses/accuracy.md",
        "title: 見出し",
        "title: [見出し",
        "4: エラー: 前付けのこの行の9文字目あたりが読めません。かっこ",
    ),
    (
        "docs/clauses/accuracy.md",
        "- 判断: OK",
        "- 判断: たぶんOK",
        "{line}: エラー: 判断「たぶんOK」は使えません。OK、NG、要注意 のどれかに",
    ),
    (
        "docs/clauses/accuracy.md",
        "(clause:purpose)",
        "(clause:purpse)",
        "{line}: エラー: リンク先「clause:purpse」という条項はありません。「purpose」のことですか。",
    ),
    (
        "docs/clauses/accuracy.md",
        "## 関連条項",
        "## 関係条項",
        "{line}: エラー: 「## 関係条項」という見出しは使えません。見出しは 趣旨、事例",
    ),
    (
        "docs/clauses/accuracy.md",
        "---\nclause",
        "clause",
        "{line}: エラー: 前付けがありません。ファイルの1行目を「---」にし",
    ),
]


@pytest.mark.parametrize(
    ("path", "old", "new", "message"), WORKING, ids=[m.split("エラー: ")[1][:40] for *_, m in WORKING]
)
def test_what_already_worked_still_names_the_file_the_line_and_the_fix(
    tiny_site: Site, path: str, old: str, new: str, message: str
) -> None:
    target = tiny_site.root / path
    original = target.read_text(encoding="utf-8")
    target.write_text(original.replace(old, new, 1), encoding="utf-8")
    line = original[: original.index(old)].count("\n") + 1
    problems = problems_of(tiny_site)
    assert any(p.startswith(f"{path}:" + message.format(line=line)) for p in problems), problems


# --- publishing faults, against a real DEST on this machine ---------------------------------------------


def quiet(message: str) -> None:
    pass


def run_publish(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """``python -m tools.publish <args>``, in process: (exit status, what it printed to stderr)."""
    status = publish.main(list(args))
    return status, capsys.readouterr().err


def dest_state(dest: publish.Dest) -> dict[str, bytes]:
    """Every file of DEST and where current points: what a failed command must leave as it was."""
    state = snapshot(dest.root)
    state.pop(".publish.lock", None)  # the lock file is created empty by the first run, never read
    state["-> current"] = os.readlink(dest.current_link).encode() if dest.current_link.is_symlink() else b""
    return state


def journal(dest: publish.Dest) -> list[tuple[str, str, str | None]]:
    return [(e["action"], e["live"], e["was"]) for e in publish._journal(dest)]


def test_rollback_follows_what_was_live_and_pruning_keeps_its_target(fast: Path, tmp_path: Path) -> None:
    """Before: after rollback TO=<oldest>, the next publish pruned it and the next rollback went to the one
    rolled away from. Now the journal says what was live, in what order."""
    dest = publish.Dest(tmp_path / "dest")
    first = publish.publish(ROOT, dest, SITE_URL, keep=2, log=quiet)
    second = publish.publish(ROOT, dest, SITE_URL, keep=2, log=quiet)
    assert publish.rollback(dest, to=first, log=quiet) == first
    third = publish.publish(ROOT, dest, SITE_URL, keep=2, log=quiet)
    assert dest.releases() == [first, third]  # second pruned, first kept: rollback returns to it
    assert publish.rollback(dest, log=quiet) == first  # not to second, which was rolled away from
    assert journal(dest) == [
        ("publish", first, None),
        ("publish", second, first),
        ("rollback", first, second),
        ("publish", third, first),
        ("rollback", first, third),
    ]
    with pytest.raises(publish.PublishError, match=f"no release before {first}"):
        publish.rollback(dest, log=quiet)  # third was rolled away from: never returned to by default
    assert dest.current() == first


def test_a_journal_line_cut_short_by_a_crash_is_skipped_and_current_has_the_last_word(
    fast: Path, tmp_path: Path
) -> None:
    dest = publish.Dest(tmp_path / "dest")
    first = publish.publish(ROOT, dest, SITE_URL, log=quiet)
    second = publish.publish(ROOT, dest, SITE_URL, log=quiet)
    third = publish.publish(ROOT, dest, SITE_URL, log=quiet)
    with open(dest.journal, "a", encoding="utf-8") as out:
        out.write('{"time": "2026-12-02T07:00:00+00:00", "action": "publ')  # killed mid-write
    publish.switch(dest, second)  # by hand, or a run killed between its journal line and its switch
    assert publish.live_history(dest) == [first, second]
    assert publish.rollback(dest, log=quiet) == first
    assert third in dest.releases()
    assert journal(dest)[-1] == ("rollback", first, second)  # on a line of its own after the cut one


def test_keep_below_two_is_refused_and_nothing_changes(
    fast: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = publish.Dest(tmp_path / "dest")
    publish.publish(ROOT, dest, SITE_URL, log=quiet)
    before = dest_state(dest)
    status, err = run_publish(capsys, "publish", "--dest", str(dest.root), "--site-url", SITE_URL, "--keep", "1")
    assert status == 1
    assert err == "publish: KEEP=1 は少なすぎます。公開中とロールバック先を残すため 2 以上にしてください。\n"
    assert dest_state(dest) == before


def test_rollback_refuses_an_incomplete_release(fast: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = publish.Dest(tmp_path / "dest")
    first = publish.publish(ROOT, dest, SITE_URL, log=quiet)
    second = publish.publish(ROOT, dest, SITE_URL, log=quiet)
    (dest.releases_dir / first / "text/index.html").unlink()  # half deleted by hand, or by an old prune
    before = dest_state(dest)
    status, err = run_publish(capsys, "rollback", "--dest", str(dest.root))
    assert status == 1
    assert err == (
        f"rollback: {dest.releases_dir / first}: 不完全なリリースなので公開できません（text/index.html がありません）。"
        f"公開中の {second} のままです。完全なリリースを TO= で選ぶか、make publish で公開し直してください。\n"
    )
    (dest.releases_dir / first / publish.MANIFEST).unlink()
    status, err = run_publish(capsys, "rollback", "--dest", str(dest.root), "--to", first)
    assert status == 1 and f"（{publish.MANIFEST} がありません（コピーか削除が途中で止まったリリースです））" in err
    del before[f"releases/{first}/{publish.MANIFEST}"]
    assert dest_state(dest) == before


KILLED_MID_PRUNE = textwrap.dedent(
    """
    import os, shutil, signal, sys
    from pathlib import Path
    from tools import publish

    removed = []
    def unlink(path, *args, **kwargs):
        if len(removed) == 5:
            os.kill(os.getpid(), signal.SIGKILL)  # no cleanup: a power cut or kill -9 halfway through a delete
        removed.append(path)
        return os.unlink(path, *args, **kwargs)

    shutil.os.unlink = unlink  # what shutil.rmtree deletes files with
    publish.prune(publish.Dest(Path(sys.argv[1])), keep=2)
    """
)


def test_a_kill_mid_prune_never_leaves_half_a_release_under_its_name(fast: Path, tmp_path: Path) -> None:
    dest = publish.Dest(tmp_path / "dest")
    releases = [publish.publish(ROOT, dest, SITE_URL, log=quiet) for _ in range(4)]
    live = dest.current()
    result = subprocess.run(
        [sys.executable, "-c", KILLED_MID_PRUNE, str(dest.root)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == -signal.SIGKILL, result.stderr
    leftovers = sorted(p.name for p in dest.releases_dir.iterdir() if p.name.startswith(".pruned-"))
    assert leftovers == [f".pruned-{releases[0]}"]  # renamed first: no longer a release, never put live
    assert dest.releases() == releases[1:] and dest.current() == live
    with pytest.raises(publish.PublishError, match=f"no release {releases[0]!r}"):
        publish.rollback(dest, to=releases[0], log=quiet)
    assert publish.rollback(dest, log=quiet) == releases[2]  # the one live before, complete
    assert not [p for p in dest.releases_dir.iterdir() if p.name.startswith(".")]  # the next run cleaned up


KILLED_MID_COPY = textwrap.dedent(
    """
    import os, shutil, signal, sys
    from pathlib import Path
    from tools import publish

    prebuilt, how = Path(sys.argv[3]), sys.argv[4]
    # Ctrl-C as in a terminal, even when the tests run in the background (which starts them ignoring SIGINT)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    publish.build = lambda project, site_url, out: shutil.copytree(prebuilt, out)
    publish.check = lambda site, site_url, dest=None: []
    copied = []
    def copy(src, dst):
        if len(copied) == 10:
            os.kill(os.getpid(), getattr(signal, how))
        copied.append(src)
        return shutil.copy2(src, dst)

    publish._copy = copy
    print(os.getpid(), flush=True)
    publish.publish(Path(sys.argv[1]), publish.Dest(Path(sys.argv[2])), sys.argv[5])
    """
)


def _work_folders(pid: int) -> list[Path]:
    return list(Path(tempfile.gettempdir()).glob(f"{publish.WORK_PREFIX}{pid}-*"))


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "SIGINT", "SIGKILL"])
def test_a_killed_publish_leaves_the_live_site_and_no_build_folder(fast: Path, tmp_path: Path, how: str) -> None:
    dest = publish.Dest(tmp_path / "dest")
    publish.publish(ROOT, dest, SITE_URL, log=quiet)
    before = dest_state(dest)
    result = subprocess.run(
        [sys.executable, "-c", KILLED_MID_COPY, str(ROOT), str(dest.root), str(fast), how, SITE_URL],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    pid = int(result.stdout.split()[0])
    assert result.returncode != 0
    after = dest_state(dest)
    partial = [name for name in after if name.startswith("releases/.partial-")]
    assert {k: v for k, v in after.items() if k not in partial} == before
    if how == "SIGKILL":  # nothing runs on SIGKILL: the next run removes what it left
        assert len(_work_folders(pid)) == 1 and partial
        publish.publish(ROOT, dest, SITE_URL, log=quiet)
    assert _work_folders(pid) == []
    assert not [p for p in dest.releases_dir.iterdir() if p.name.startswith(".partial-")]


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB tmpfs: smaller than the site (about 6 MB), larger than a release written by hand."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount)]).returncode:
        pytest.skip("mounting a tmpfs needs root")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def _hand_release(dest: publish.Dest, release: str) -> None:
    folder = dest.releases_dir / release
    for name in publish.REQUIRED:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(json.dumps({"release": release, "site_url": SITE_URL}), encoding="utf-8")
    publish.write_manifest(folder, release, publish._files(folder))


def _two_releases(disk: Path) -> publish.Dest:
    """A DEST on ``disk`` with two releases switched in turn: the second live, the first to roll back to."""
    dest = publish.Dest(disk / "dest")
    for release in ("20260101T000000Z", "20260102T000000Z"):
        _hand_release(dest, release)
        publish.switch(dest, release)
    return dest


def test_a_full_disk_fails_publish_and_rollback_with_a_message_and_changes_nothing(
    fast: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = _two_releases(small_disk)
    (dest.root / ".publish.lock").touch()
    free = shutil.disk_usage(small_disk).free
    before = dest_state(dest)
    status, err = run_publish(capsys, "publish", "--dest", str(dest.root), "--site-url", SITE_URL)
    assert status == 1 and "Traceback" not in err
    assert err.startswith(f"publish: {dest.releases_dir}/.partial-")
    assert err.endswith(
        ": ディスクの空き（またはクォータ）が足りません。公開中のリリース 20260102T000000Z はそのままです。"
        "古いリリースを make releases で確かめて空きを作るか、KEEP を減らしてからもう一度実行してください。\n"
    )
    assert dest_state(dest) == before and shutil.disk_usage(small_disk).free == free
    filler = small_disk / "filler"
    with open(filler, "wb", buffering=0) as out:  # the disk full to the last byte: even the journal's line does not fit
        try:
            while True:
                out.write(b"x" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC
    status, err = run_publish(capsys, "rollback", "--dest", str(dest.root))
    assert (
        status == 1
        and "ディスクの空き（またはクォータ）が足りません。公開中のリリース 20260102T000000Z はそのままです。" in err
    )
    filler.unlink()
    assert dest_state(dest) == before


def test_a_read_only_dest_fails_publish_and_rollback_with_a_message(
    fast: Path, small_disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = _two_releases(small_disk)
    before = dest_state(dest)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    for args in (("publish", "--site-url", SITE_URL), ("rollback",)):
        status, err = run_publish(capsys, args[0], "--dest", str(dest.root), *args[1:])
        assert status == 1
        assert err == (
            f"{args[0]}: {dest.root / '.publish.lock'}: 読み取り専用でマウントされています。"
            "公開中のリリース 20260102T000000Z はそのままです。書き込めるようにマウントし直してからもう一度実行してください。\n"
        )
    assert dest_state(dest) == before


def test_two_at_once_the_second_waits_for_no_one_and_changes_nothing(
    fast: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dest = publish.Dest(tmp_path / "dest")
    publish.publish(ROOT, dest, SITE_URL, log=quiet)
    publish.publish(ROOT, dest, SITE_URL, log=quiet)
    before = dest_state(dest)
    with publish._locked(dest):
        for args in (("publish", "--site-url", SITE_URL), ("rollback",)):
            status, err = run_publish(capsys, args[0], "--dest", str(dest.root), *args[1:])
            assert (status, err) == (1, f"{args[0]}: another publication or rollback is running on {dest.root}\n")
    assert dest_state(dest) == before


def test_smoke_with_the_server_down_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # closed when the block ends: nothing listens there
    url = f"http://127.0.0.1:{port}/guidelines/hanibon/"
    status, err = run_publish(capsys, "smoke", "--dest", str(tmp_path), "--site-url", url)
    assert status == 1
    assert err == (
        f"smoke: {url}{publish.RELEASE_FILE}: サーバーに接続できません（[Errno 111] Connection refused）。"
        "nginx が動いているか、SITE_URL が正しいかを確かめてください。\n"
    )


def test_the_csp_allows_the_sites_own_scripts_only(
    prebuilt: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, `make nginx-conf` hashed every inline script of the build, a content page's too."""

    def with_content_script(project: Path, site_url: str, out: Path) -> None:
        shutil.copytree(prebuilt, out)
        page = out / "text" / "index.html"
        page.write_text(
            page.read_text(encoding="utf-8").replace("</main>", "<script>alert(1)</script></main>"), encoding="utf-8"
        )

    own = publish.theme_scripts(prebuilt, SITE_URL)
    assert len(own) >= 2  # Material's bootstraps
    monkeypatch.setattr(publish, "build", with_content_script)
    dest = publish.Dest(tmp_path / "dest")
    conf = publish.nginx_conf(ROOT, dest, SITE_URL, log=quiet).read_text(encoding="utf-8")
    csp = sitecheck.parse_csp(publish.installed_csp(dest) or "")
    assert set(csp["script-src"]) == {"'self'", *(f"'{h}'" for h in own)}
    assert sitecheck.csp_hash("alert(1)") not in conf
    with pytest.raises(publish.PublishError) as refused:
        publish.publish(ROOT, dest, SITE_URL, log=quiet)
    assert "text/index.html" in str(refused.value) and "make nginx-conf" not in str(refused.value)
    assert "サイト自身のものではないインラインスクリプト" in str(refused.value)


def test_a_malformed_name_of_an_edition_names_its_line() -> None:
    problems = Problems()
    text = TINY_EDITION.replace("status: published\n", "status: published\naccount: [はにぽん, はにぼん]\n", 1)
    assert "account: [" in text
    edition = parse_edition(text, "editions/1.ja.md", "ja", problems)
    line = text.splitlines().index("account: [はにぽん, はにぼん]") + 1
    assert [str(p) for p in problems.items] == [
        f"editions/1.ja.md:{line}: エラー: 「account:」は一行の文字列で書いてください（例：account: はにぽん）。"
        "名前を変えないときは、この行を削除します。"
    ]
    assert edition.account == ""

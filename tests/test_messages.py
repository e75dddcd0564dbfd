"""The catalogue of messages: both languages, every id used, every problem reported by id; and a clerk's view.

A clerk reads `guideline` and the build in Japanese unless they ask for English (`guideline --lang en`, or an
English locale), and never reads Python's own words.
"""

from __future__ import annotations

import ast
import os
import string
import subprocess

import pytest
from conftest import GUIDELINE, ROOT, Site, commentary

from guideline import messages
from guideline.messages import CATALOGUE, msg
from guideline.problems import Problems

# Every module that may report a message; the catalogue itself is left out, or every id would count as used.
SOURCES = sorted(
    path
    for path in [*(ROOT / "guideline").rglob("*.py"), *(ROOT / "hooks").glob("*.py")]
    if path != ROOT / "guideline" / "messages.py"
)
REPORTERS = ("problems", "found")  # the names a Problems collection goes by in the code


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def literals() -> set[str]:
    """Every string constant in the domain package and the hooks."""
    out: set[str] = set()
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.add(node.value)
    return out


@pytest.mark.parametrize("message_id", sorted(CATALOGUE))
def test_every_message_has_both_languages_with_the_same_parameters(message_id: str) -> None:
    japanese, english = CATALOGUE[message_id]
    assert japanese.strip() and english.strip()
    assert fields(japanese) == fields(english), message_id
    example = msg(message_id, **dict.fromkeys(fields(japanese), "X"))
    assert example.render("ja") and example.render("en")  # no stray brace breaks the template


def test_japanese_messages_quote_with_kagikakko() -> None:
    """Quoted text in Japanese is 「…」, as on the division's pages; ASCII quotes are for English."""
    quoted = [k for k, (ja, _) in CATALOGUE.items() if "'" in ja.replace("引用符（\" '）", "")]
    assert quoted == []


def test_no_message_id_is_unused() -> None:
    used = literals()
    assert sorted(k for k in CATALOGUE if k not in used) == []


def test_every_problem_is_reported_by_a_catalogue_id() -> None:
    """``problems.add(path, line, "id", …)``: never a sentence, an f-string or a variable made elsewhere."""
    wrong = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add"):
                continue
            owner = node.func.value
            if not (isinstance(owner, ast.Name) and owner.id in REPORTERS):
                continue
            message = node.args[2] if len(node.args) > 2 else None
            choices = [message.body, message.orelse] if isinstance(message, ast.IfExp) else [message]
            if not all(isinstance(c, ast.Constant) and c.value in CATALOGUE for c in choices):
                wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert wrong == []


def test_no_clerk_facing_text_is_built_from_an_exception() -> None:
    """``str(error)``, ``{error}`` or PyYAML's ``problem`` would put Python's words in front of a clerk."""
    wrong = []
    for path in SOURCES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if "str(error)" in line or "{error}" in line or "'problem', error" in line or "__name__}" in line:
                wrong.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert wrong == []


def test_the_language_comes_from_the_option_then_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    assert messages.language() == "ja"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert messages.language() == "en"
    monkeypatch.setenv("LC_MESSAGES", "ja_JP.UTF-8")  # the more specific variable wins, as in POSIX
    assert messages.language() == "ja"
    monkeypatch.setenv("LC_ALL", "en_GB.UTF-8")
    assert messages.language() == "en"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    assert messages.language() == "ja"
    messages.choose("en")
    try:
        assert messages.language() == "en"
    finally:
        messages.choose(None)


def test_a_report_names_file_and_line_and_counts_in_the_chosen_language() -> None:
    problems = Problems()
    problems.add("docs/clauses/a.md", 3, "commentary.no_answer", question="消せますか。")
    assert problems.report("ja") == (
        "docs/clauses/a.md:3: エラー: 質問「消せますか。」に回答がありません。見出しの下に回答を書いてください。\n"
        "ガイドラインの原稿に 1 件の問題があります。上の各行のファイルと行を直してください。"
    )
    assert problems.report("en").startswith("docs/clauses/a.md:3: error: question '消せますか。' has no answer")
    assert problems.items[0].id == "commentary.no_answer"


# A clerk's path: a commentary page broken as a clerk would break it, read by `guideline check` and the build.


def break_a_page(site: Site) -> int:
    """An NG example without its 改善案, and an unclosed bracket in the front matter; the line YAML stops at.

    PyYAML notices the unclosed ``[`` at the next key's colon: that line and column are the ones named.
    """
    text = (
        commentary("accuracy").replace("- 改善案:\n  はにぼんだよ！\n", "").replace("title: 見出し", "title: [見出し")
    )
    page = site.write("docs/clauses/accuracy.md", text)
    return page.read_text(encoding="utf-8").splitlines().index("title: [見出し") + 2


def run(site: Site, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run(
        [GUIDELINE, *args], cwd=site.root, capture_output=True, text=True, env={**clean, **env}, check=False
    )


def test_help_speaks_the_language_of_messages_too(tiny_site: Site) -> None:
    """`guideline --help` and each command's help are the catalogue's words, in the language chosen before the
    command (a --lang after it is the command's own, as `translations --lang` is)."""
    japanese = run(tiny_site, "--help")
    assert japanese.returncode == 0
    assert "ガイドラインの原稿を検査し、版を管理します。" in japanese.stdout
    assert "サイトを作らずに、すべての原稿を検査します" in japanese.stdout
    for english in (run(tiny_site, "--lang", "en", "release", "--help"), run(tiny_site, "release", "-h", LANG="en_US")):
        assert english.returncode == 0
        assert "the draft edition to publish, e.g. 2" in english.stdout and "改正案" not in english.stdout
    own = run(tiny_site, "translations", "--lang", "en", "--help")
    assert "訳の言語（既定: en）" in own.stdout  # Japanese: this --lang names the translation


def test_check_speaks_japanese_by_default_and_english_on_request(tiny_site: Site) -> None:
    line = break_a_page(tiny_site)
    japanese = run(tiny_site, "check")
    assert japanese.returncode == 1
    assert (
        f"docs/clauses/accuracy.md:{line}: エラー: 前付けのこの行の9文字目あたりが読めません。"
        "かっこ（[ ] や { }）や引用符（\" '）の閉じ忘れ、「: 」の後の空白がないかを確かめ、「key: 値」の形で書いてください。"
    ) in japanese.stderr
    assert japanese.stderr.rstrip().endswith(
        "ガイドラインの原稿に 2 件の問題があります。上の各行のファイルと行を直してください。"
    )
    assert "NG の事例「悪い例」に「改善案」がありません。" in japanese.stderr
    for english in (run(tiny_site, "--lang", "en", "check"), run(tiny_site, "check", LANG="en_US.UTF-8")):
        assert english.returncode == 1
        assert f"docs/clauses/accuracy.md:{line}: error: malformed front matter near column 9" in english.stderr
        assert "NG example '悪い例' has no 'Improved post'" not in english.stderr  # a Japanese page's own words stay
        assert "NG example '悪い例' has no '改善案'; add the corrected post" in english.stderr
        assert "2 problem(s) found in the guideline sources" in english.stderr
    for result in (japanese, english):
        assert "Traceback" not in result.stderr and "flow sequence" not in result.stderr  # PyYAML's words


def test_the_build_fails_in_japanese_naming_file_and_line(tiny_site: Site) -> None:
    tiny_site.write("docs/clauses/accuracy.md", commentary("accuracy").replace("- 改善案:\n  はにぼんだよ！\n", ""))
    text = (tiny_site.root / "docs/clauses/accuracy.md").read_text(encoding="utf-8")
    line = text.splitlines().index("### 悪い例 {#bad}") + 1
    result = tiny_site.build()
    assert result.returncode == 1
    assert "ガイドラインの原稿に問題があるため、サイトを作れません。" in result.stderr
    assert (
        f"docs/clauses/accuracy.md:{line}: エラー: NG の事例「悪い例」に「改善案」がありません。"
        "直した投稿を「- 改善案:」の下に書いてください。"
    ) in result.stderr


def test_the_translation_language_keeps_its_old_spelling(tiny_site: Site) -> None:
    """`translations --lang en` (the translation's language) still works; `--translation` is its name now."""
    old, new = run(tiny_site, "translations", "--lang", "en"), run(tiny_site, "translations", "--translation", "en")
    assert old.returncode == new.returncode == 0
    assert old.stdout == new.stdout and "件あります。" in old.stdout
    english = run(tiny_site, "--lang", "en", "translations", "--lang", "en")
    assert "translation(s) trail the Japanese." in english.stdout
    refused = run(tiny_site, "translations", "--translation", "ja")
    assert refused.returncode == 1 and "「ja」は翻訳の言語コードではありません。" in refused.stderr


def test_a_date_a_clerk_mistypes_is_explained_not_quoted_from_python(tiny_site: Site) -> None:
    tiny_site.guideline("new-edition", "2")
    result = run(tiny_site, "release", "2", "--date", "2026/12/01")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "guideline release: 第2版は公開していません。「2026/12/01」は日付として読めません。"
        "2027-01-01 または 令和9年1月1日 のように書いてください。"
    )
    day = run(tiny_site, "--lang", "en", "release", "2", "--date", "2026-02-30")
    assert "there is no such day as '2026-02-30'" in day.stderr and "isoformat" not in day.stderr

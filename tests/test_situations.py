"""Situation tags (状況): declared once in glossary/situations.yml, checked on every worked example."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, Site, commentary

from guideline.model.commentary import situation_labels
from guideline.model.project import load
from guideline.model.situations import SITUATIONS_FILE, load_situations
from guideline.problems import Problems

TINY_SITUATIONS = "- id: photos\n  ja: 写真・画像\n  en: Photos and images\n- id: events\n  ja: イベント・告知\n  en: Events and announcements\n"


def tagged(clause: str, tags: str = "イベント・告知") -> str:
    return (
        commentary(clause)
        .replace("- 判断: OK\n", f"- 判断: OK\n- 状況: {tags}\n")
        .replace("- 判断: NG\n", "- 判断: NG\n- 状況: 写真・画像\n")
        .replace("- 判断: 要注意\n", "- 判断: 要注意\n- 状況: 写真・画像\n")
    )


def test_the_declared_list_is_the_one_everyone_uses() -> None:
    problems = Problems()
    situations = load_situations(ROOT, problems)
    assert not problems, problems.report()
    assert [s.id for s in situations] == [
        "photos", "disaster", "elections", "mistakes", "replies", "personal-data", "copyright",
        "security", "partnerships", "events", "humour", "internal", "wording",
    ]  # fmt: skip
    assert situations[0].labels == {"ja": "写真・画像", "en": "Photos and images"}


def test_every_example_of_the_real_guideline_is_tagged() -> None:
    for lang in ("ja", "en"):
        guideline = load(ROOT, lang)
        labels = {s.label(lang) for s in guideline.situations}
        for page in guideline.commentaries.values():
            for example in page.examples:
                tags = example.fields["situations"].split("、" if lang == "ja" else ";")
                assert tags and {t.strip() for t in tags} <= labels, (page.path, example.anchor)


def test_an_unknown_tag_is_an_error_at_its_line_with_a_suggestion(tiny_site: Site) -> None:
    tiny_site.write(SITUATIONS_FILE, TINY_SITUATIONS)
    for clause in ("purpose", "accuracy", "prohibited"):
        tiny_site.write(f"docs/clauses/{clause}.md", tagged(clause))
    page = tiny_site.write("docs/clauses/rumors.md", tagged("rumors", "イベント・告知、写真画像"))
    line = page.read_text(encoding="utf-8").splitlines().index("- 状況: イベント・告知、写真画像") + 1
    result = tiny_site.guideline("check")
    assert result.returncode == 1
    assert (
        f"docs/clauses/rumors.md:{line}: エラー: 状況「写真画像」は {SITUATIONS_FILE} にありません。" in result.stderr
    )
    assert "「写真・画像」のことですか。" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    build = tiny_site.build()
    assert build.returncode != 0
    assert f"docs/clauses/rumors.md:{line}: エラー: 状況「写真画像」" in build.stderr


def test_a_missing_tag_is_an_error_once_situations_are_declared(tiny_site: Site) -> None:
    assert tiny_site.guideline("check").returncode == 0  # no list declared: nothing required
    tiny_site.write(SITUATIONS_FILE, TINY_SITUATIONS)
    result = tiny_site.guideline("check")
    assert result.returncode == 1
    assert "docs/clauses/rumors.md:" in result.stderr
    assert "事例「悪い例」に状況がありません。判断の次の行に「- 状況: 写真・画像」のように" in result.stderr


def test_a_duplicate_label_in_the_list_is_reported(tmp_path: Path) -> None:
    (tmp_path / "glossary").mkdir()
    (tmp_path / SITUATIONS_FILE).write_text(TINY_SITUATIONS + "- id: pictures\n  ja: 写真・画像\n  en: Pictures\n")
    problems = Problems()
    load_situations(tmp_path, problems)
    assert "glossary/situations.yml:7: エラー: 状況の ja「写真・画像」が重複しています（1行目）。" in problems.report()


def test_each_english_example_has_the_situations_and_verdict_of_its_japanese_one() -> None:
    """The casebook groups an example the same way in both languages."""
    ja = load(ROOT, "ja")
    en = load(ROOT, "en", original=ja)
    ids = {lang: {s.label(lang): s.id for s in ja.situations} for lang in ("ja", "en")}
    for pid, page in ja.commentaries.items():
        english = {e.anchor: e for e in en.commentaries[pid].examples}
        assert list(english) == [e.anchor for e in page.examples], pid
        for example in page.examples:
            translated = english[example.anchor]
            assert translated.verdict == example.verdict, (pid, example.anchor)
            assert [ids["en"][t] for t in situation_labels(translated, "en")] == [
                ids["ja"][t] for t in situation_labels(example, "ja")
            ], (pid, example.anchor)

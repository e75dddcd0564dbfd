"""The freeze holds: no documented command, nor a hand edit of the record, re-freezes a changed published edition."""

from __future__ import annotations

import hashlib
import subprocess
from datetime import date

import pytest
import yaml
from conftest import TINY_EDITION, Site
from test_translation import EDITION_EN

from guideline import editing
from guideline.model import releases
from guideline.model.project import load
from guideline.problems import GuidelineError, Problems

TODAY = date(2026, 12, 2)
RECORD = "editions/releases.yml"


def problems_of(site: Site) -> list[str]:
    with pytest.raises(GuidelineError) as error:
        load(site.root, today=TODAY)
    return [str(p) for p in error.value.problems.items]


def edit(site: Site, relative: str, old: str, new: str) -> None:
    path = site.root / relative
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def git(site: Site, *args: str) -> str:
    command = ["git", "-c", "user.name=課員", "-c", "user.email=clerk@example.invalid", *args]
    return subprocess.run(command, cwd=site.root, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def committed(tiny_site: Site) -> Site:
    """The tiny site, edition 1 published in both languages, committed to git as the division's repository."""
    tiny_site.write("editions/1.en.md", EDITION_EN)
    tiny_site.release("1")
    git(tiny_site, "init", "-q")
    git(tiny_site, "add", "-A")
    git(tiny_site, "commit", "-qm", "第1版を公開")
    return tiny_site


# What the checksum pins.


def test_swapping_two_items_is_caught(tiny_site: Site) -> None:
    edit(
        tiny_site,
        "editions/1.ja.md",
        "- 正確に書かなければなりません。 {#accuracy}\n- 次に掲げる情報は発信してはなりません。 {#prohibited}\n    - 単なる噂 {#rumors}\n",
        "- 次に掲げる情報は発信してはなりません。 {#prohibited}\n    - 単なる噂 {#rumors}\n- 正確に書かなければなりません。 {#accuracy}\n",
    )
    found = problems_of(tiny_site)
    assert any(
        "公開済みの第1版の条項 2(2) 'accuracy' の番号・位置・親・後継が、記録された公開時の内容と違います。" in p
        for p in found
    )
    assert any("条項 2(1) 'prohibited' の番号・位置・親・後継" in p for p in found), found
    assert all("の文言" not in p for p in found)


def test_moving_a_sub_item_to_another_parent_is_caught(tiny_site: Site) -> None:
    edit(tiny_site, "editions/1.ja.md", "    - 単なる噂 {#rumors}", "- 単なる噂 {#rumors}")
    assert any("条項 2(3) 'rumors' の番号・位置・親・後継" in p for p in problems_of(tiny_site))


def test_front_matter_is_pinned(tiny_site: Site) -> None:
    edit(tiny_site, "editions/1.ja.md", "title: テスト用ガイドライン", "title: 試験用ガイドライン")
    found = problems_of(tiny_site)
    assert any(
        p.startswith("editions/1.ja.md:1: エラー: 公開済みの第1版の前付け（題名・状態・日付・後継）") for p in found
    )


def test_the_published_english_edition_is_frozen(tiny_site: Site) -> None:
    tiny_site.write("editions/1.en.md", EDITION_EN)
    tiny_site.release("1")
    load(tiny_site.root, "en", today=TODAY)
    edit(tiny_site, "editions/1.en.md", "Staff must write accurately.", "Staff should write accurately.")
    line = EDITION_EN.splitlines().index("- Staff must write accurately. {#accuracy}") + 1
    found = problems_of(tiny_site)
    assert any(
        p.startswith(f"editions/1.en.md:{line}: エラー: 公開済みの第1版の条項 2(1) 'accuracy' の文言が") for p in found
    ), found
    result = tiny_site.guideline("correct", "1", "--reason", "英訳の誤りを訂正")
    assert result.returncode == 0, result.stderr
    assert "条項 2(1) 'accuracy' の文言（en）" in result.stdout
    load(tiny_site.root, "en", today=TODAY)


def test_a_translation_added_after_release_must_be_recorded(tiny_site: Site) -> None:
    tiny_site.write("editions/1.en.md", EDITION_EN)
    found = problems_of(tiny_site)
    assert any(p.startswith("editions/1.en.md:1: エラー: 第1版の翻訳（en）は公開後に加わったもので") for p in found)
    assert tiny_site.guideline("correct", "1", "--reason", "英訳を追加").returncode == 0
    entry = releases.read_record(tiny_site.root, Problems())["1"]
    assert set(entry.checksums) == {"ja", "en"} and entry.history[-1]["changes"] == ["翻訳（en）の追加"]


# How the build knows an edition was published.


def test_a_published_edition_set_back_to_draft_fails(tiny_site: Site) -> None:
    edit(tiny_site, "editions/1.ja.md", "status: published", "status: draft")
    found = problems_of(tiny_site)
    assert any(
        p.startswith("editions/1.ja.md:4: エラー: 公開済みの第1版が「status: draft」に戻されています。") for p in found
    )


def test_emptying_the_record_fails_without_git(tiny_site: Site) -> None:
    tiny_site.write(RECORD, "")
    found = problems_of(tiny_site)
    assert any(
        p.startswith("editions/1.ja.md:4: エラー: 第1版は「status: published」ですが、公開の記録") for p in found
    ), found


def test_emptying_the_record_fails_naming_the_commit(committed: Site) -> None:
    commit = git(committed, "rev-parse", "--short=10", "HEAD").strip()
    committed.write(RECORD, "")
    found = problems_of(committed)
    assert any(
        "第1版は公開済みです（" in p
        and f"のコミット {commit} で記録）が、その記録がありません。" in p
        and f"「git checkout {commit} -- editions/releases.yml」" in p
        for p in found
    ), found


def test_no_sequence_of_commands_refreezes_a_changed_edition(committed: Site) -> None:
    """Empty the record, set 'status: draft', edit, release again: refused, and a hand-made record fails the build."""
    committed.write(RECORD, "")
    edit(committed, "editions/1.ja.md", "status: published", "status: draft")
    edit(committed, "editions/1.en.md", "status: published", "status: draft")
    edit(committed, "editions/1.ja.md", "正確に書かなければ", "なるべく正確に書かなければ")
    before = (committed.root / "editions/1.ja.md").read_text(encoding="utf-8")
    result = committed.guideline("release", "1", "--date", "2026-12-01")
    assert result.returncode == 1
    assert (
        "第1版は " in result.stderr
        and "で公開済みとして記録されています。公開済みの版をもう一度公開することはできません。" in (result.stderr)
    )
    assert "新しい版を作るか（guideline new-edition）" in result.stderr
    assert (committed.root / "editions/1.ja.md").read_text(encoding="utf-8") == before
    # Recording it by hand, as release would have: the history still knows the edition as it was.
    edit(committed, "editions/1.ja.md", "status: draft", "status: published")
    edit(committed, "editions/1.en.md", "status: draft", "status: published")
    committed.release("1")
    found = problems_of(committed)
    assert any("第1版の記録が、" in p and "で記録された公開時の内容とつながりません" in p for p in found), found
    # Even once committed: the first record stays in the history.
    git(committed, "commit", "-qam", "第1版を公開し直す")
    assert any("つながりません" in p for p in problems_of(committed))


def test_recorded_corrections_keep_the_chain(committed: Site) -> None:
    edit(committed, "editions/1.ja.md", "正確に書かなければ", "正確に書かなけれぱ")
    committed.release("1")  # as if the typo had been published: commit it
    git(committed, "commit", "-qam", "第1版（誤字のまま）")
    edit(committed, "editions/1.ja.md", "なけれぱ", "なければ")
    assert committed.guideline("correct", "1", "--reason", "誤字").returncode == 0
    git(committed, "commit", "-qam", "正誤")
    load(committed.root, today=TODAY)


def test_an_edition_older_than_a_published_one_is_refused(tiny_site: Site) -> None:
    older = TINY_EDITION.replace('edition: "1"', 'edition: "0"')
    tiny_site.write("editions/0.ja.md", older)
    tiny_site.write("docs/editions/0/index.md", '---\nrender: edition\nedition: "0"\n---\n')
    found = problems_of(tiny_site)
    assert any(p.startswith("editions/0.ja.md:2: エラー: 第0版は、公開済みの第1版より前の名前です。") for p in found), (
        found
    )
    assert any("第0版は「status: published」ですが、公開の記録" in p for p in found)
    edit(tiny_site, "editions/0.ja.md", "status: published", "status: draft")
    result = tiny_site.guideline("release", "0", "--date", "2020-01-01")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "第0版は、公開済みの第1版より前の名前です。" in result.stderr


def test_a_record_of_the_wrong_shape_is_explained_everywhere(tiny_site: Site) -> None:
    tiny_site.write(RECORD, "editions:\n  '1': published\n")
    expected = "editions/releases.yml:2: エラー: 第1版の記録の形が違います（published）。"
    assert any(p.startswith(expected) for p in problems_of(tiny_site))
    check = tiny_site.guideline("check")
    assert check.returncode == 1 and expected in check.stderr and "Traceback" not in check.stderr
    # The draft is started by hand: new-edition needs a sound guideline.
    tiny_site.write("editions/2.ja.md", TINY_EDITION.replace('"1"', '"2"').replace("published", "draft"))
    release = tiny_site.guideline("release", "2", "--date", "2027-01-01")
    assert release.returncode == 1 and expected in release.stderr and "Traceback" not in release.stderr
    build = tiny_site.build()
    assert build.returncode == 1 and expected in build.stderr and "Traceback" not in build.stderr
    tiny_site.write(
        RECORD, "editions:\n  1:\n    released: x\n    seal: y\n    checksums: {}\n    history: [made by hand]\n"
    )
    assert any(
        p.startswith("editions/releases.yml:3: エラー: 第1版の記録の形が違います（checksums または history の形）。")
        for p in problems_of(tiny_site)
    )
    tiny_site.write(RECORD, "'1': published\n")
    assert any(
        "editions/releases.yml:1: エラー: 公開記録に「editions:」がありません。" in p for p in problems_of(tiny_site)
    )
    tiny_site.write(RECORD, "editions: [1\n")
    assert any(p.startswith("editions/releases.yml:") and "YAML として読めません" in p for p in problems_of(tiny_site))


def test_a_failed_release_writes_nothing_and_leaves_no_temporary_file(tiny_site: Site) -> None:
    editing.new_edition(tiny_site.root, "2")
    edit(tiny_site, "editions/2.ja.md", "- 単なる噂", "- 新しい条項です。 {#brand-new}\n    - 単なる噂")
    before = {p.name: p.read_bytes() for p in (tiny_site.root / "editions").iterdir()}
    with pytest.raises(GuidelineError, match="「brand-new」に解説ページがありません"):
        editing.release(tiny_site.root, "2", date(2027, 1, 1))
    assert {p.name: p.read_bytes() for p in (tiny_site.root / "editions").iterdir()} == before


def test_the_old_record_format_is_migrated_only_for_an_unchanged_text(tiny_site: Site) -> None:
    """Edition 1 of the real guideline was recorded before place and translations were pinned."""
    problems = Problems()
    edition = editing._edition(tiny_site.root, "1")
    legacy = {"file": "editions/1.ja.md", "recorded": "2026-04-01", "front": "", "provisions": {}}

    def old(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    legacy["front"] = old("\n".join(str(v) for v in (edition.title, edition.status, None, None)))
    legacy["provisions"] = {
        p.id: old("\n".join([p.kind, p.parent or "", p.heading, p.text])) for p in edition.provisions.values()
    }
    tiny_site.write(RECORD, yaml.safe_dump({"1": legacy}, allow_unicode=True))
    assert any("第1版の記録が古い形式です" in p for p in problems_of(tiny_site))
    edit(tiny_site, "editions/1.ja.md", "単なる噂", "単なるうわさ")
    refused = tiny_site.guideline("correct", "1", "--reason", "記録形式の更新")
    assert refused.returncode == 1 and "第1版は公開時の記録と違います（条項「rumors」）" in refused.stderr
    edit(tiny_site, "editions/1.ja.md", "単なるうわさ", "単なる噂")
    assert tiny_site.guideline("correct", "1", "--reason", "記録形式の更新").returncode == 0
    entry = releases.read_record(tiny_site.root, problems)["1"]
    assert entry.released == "2026-04-01" and entry.history[-1]["kind"] == "record-format"
    load(tiny_site.root, today=TODAY)

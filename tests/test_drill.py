"""The division's whole revision path as one test, on a copy of the real guideline.

A clerk follows 改正の手順 with the `guideline` command and real builds: revise the open draft
(insert a provision mid-chapter, delete one with a successor, move one to another chapter, split
one, reword one, in Japanese and English), let `guideline check` say what is missing, write it,
preview the draft while the production site keeps building, release it with its dates, and start
the next draft on top. Each step is asserted on what the clerk and the readers see.

Status by date (施行予定/現行) is pinned by GUIDELINE_BUILD_DATE: built on ``BEFORE``, a day before
edition 2's 施行日, the site shows edition 1 in force and edition 2 as 施行予定 with its banners; built
on ``BUILD_DATE``, after it, edition 2 is 現行.
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

from conftest import ROOT, Site, commentary
from pagetext import parse

from guideline.model.project import load
from guideline.site.commentary import render_commentary
from guideline.site.review import removed_reference_messages

BUILD_DATE = "2026-12-01"  # GUIDELINE_BUILD_DATE for every build: a released edition's status depends on it
ENACTED, EFFECTIVE = "2026-10-01", "2026-11-01"
BEFORE = "2026-10-31"  # the day before edition 2's 施行日: released, not yet in force
DRAFT = "2"  # the real repository's open draft (the X rename): the drill revises it further


def drill_site(target: Path) -> Site:
    """A copy of the real guideline: what `make serve` and `make build` read."""
    for folder in ("docs", "editions", "glossary", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return Site(target)


def build(site: Site, drafts: bool, on: str = BUILD_DATE) -> str:
    result = site.build(env={"GUIDELINE_DRAFTS": "1" if drafts else "0", "GUIDELINE_BUILD_DATE": on})
    assert result.returncode == 0, result.stderr
    return result.stderr


# --- editing an edition file as a clerk does: by the id at the end of each line ---------------------------


def _index(lines: list[str], pid: str) -> int:
    return next(i for i, line in enumerate(lines) if re.search(rf"\{{#{pid}(?:\s[^}}]*)?\}}\s*$", line))


def reword(text: str, pid: str, new: str) -> str:
    lines = text.split("\n")
    i = _index(lines, pid)
    indent = re.match(r"\s*- ", lines[i])
    assert indent, lines[i]
    lines[i] = f"{indent.group(0)}{new} {{#{pid}}}"
    return "\n".join(lines)


def insert_after(text: str, pid: str, line: str) -> str:
    lines = text.split("\n")
    lines.insert(_index(lines, pid) + 1, line)
    return "\n".join(lines)


def remove(text: str, pid: str) -> tuple[str, str]:
    lines = text.split("\n")
    removed = lines.pop(_index(lines, pid))
    return "\n".join(lines), removed


def add_front(text: str, yaml: str) -> str:
    head, sep, body = text.partition("\n---\n")
    return f"{head}\n{yaml}{sep}{body}"


REVISION = {
    # id: (Japanese, English) of the drill's new and reworded provisions
    "rights": (
        "基本的人権、肖像権、プライバシー権等に関して十分留意しなければなりません。",
        "Staff must pay full attention to fundamental human rights, portrait rights, the right to privacy and so on.",
    ),
    "copyright": (
        "写真、イラスト、音楽等を使用する場合は、著作権その他の権利を確認しなければなりません。",
        "When using photos, illustrations, music and the like, staff must check the copyright and other rights.",
    ),
    "accuracy": (
        "発信する情報は正確に記述するとともに、その内容について誤解を招かぬよう留意する必要があります。"
        "一度インターネット上に公開された情報は完全には削除できないことを理解しておく必要があります。",
        "Information posted must be written accurately, and care must be taken that its content does not cause "
        "misunderstanding. Staff must understand that information once made public on the internet can never be "
        "completely deleted.",
    ),
    "disaster-posts": (
        "災害その他の緊急時には、市の防災情報を優先し、それ以外の発信を控えなければなりません。",
        "In a disaster or other emergency, staff must give priority to the City's disaster information and refrain "
        "from other posts.",
    ),
}


def revise(text: str, lang: int) -> str:
    """The drill's revision of one language's draft: every kind of change a revision makes."""
    text = reword(text, "rights", REVISION["rights"][lang])  # split: rights keeps its id ...
    text = insert_after(text, "rights", f"- {REVISION['copyright'][lang]} {{#copyright}}")  # ... copyright is new
    text = reword(text, "accuracy", REVISION["accuracy"][lang])  # reworded (and pushed down by the split)
    text, moved = remove(text, "consultation")  # moved from chapter 2 to the end of chapter 3
    text = insert_after(text, "public-order", moved)
    text = insert_after(text, "secrets", f"- {REVISION['disaster-posts'][lang]} {{#disaster-posts}}")  # mid-chapter
    text, _ = remove(text, "indirect-matters")  # deleted; its subject goes to accuracy
    return add_front(text, "successors:\n  indirect-matters: [accuracy]")


def set_reviewed(site: Site, clause: str, edition: str) -> None:
    path = site.root / f"docs/clauses/{clause}.md"
    text = re.sub(r"(?m)^reviewed: .*$", f'reviewed: "{edition}"', path.read_text(encoding="utf-8"), count=1)
    path.write_text(text, encoding="utf-8")


def add_related(site: Site, clause: str, target: str) -> None:
    """Add ``- [](clause:target)`` to a commentary page's 関連条項 (its last section)."""
    path = site.root / f"docs/clauses/{clause}.md"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + f"\n- [](clause:{target})\n", encoding="utf-8")


def seen(site: Site, url: str) -> str:
    """The text a reader sees on a page (glossary links and markup split the HTML's text)."""
    return "".join(parse(site.root / "site" / url / "index.html").text)


def page_urls(site_dir: Path) -> list[str]:
    return sorted(p.parent.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html"))


def test_the_division_revises_previews_releases_and_starts_again(tmp_path: Path, built_site: Path) -> None:
    site = drill_site(tmp_path / "drill")
    start = site.guideline("check")
    assert start.returncode == 0, start.stderr

    # 1. The clerk revises the open draft, in both languages.
    for lang, file in enumerate((f"editions/{DRAFT}.ja.md", f"editions/{DRAFT}.en.md")):
        path = site.root / file
        path.write_text(revise(path.read_text(encoding="utf-8"), lang), encoding="utf-8")
    for clause in ("accuracy", "rights"):
        set_reviewed(site, clause, "1")  # written for the text in force
    add_related(site, "confidentiality", "indirect-matters")  # a link to the provision the draft deletes
    add_related(site, "secrets", "disaster-posts")  # a link to a provision only the draft has

    # 2. `guideline check` says, before release, everything release would refuse and what to review.
    check = site.guideline("check")
    assert check.returncode == 1
    for pid, number in (("copyright", "3(4)"), ("disaster-posts", "4(2)")):
        assert (
            f"改正案 第2版の公開前に直すこと：条項 {number}「{pid}」に解説ページがありません。docs/clauses/{pid}.md を作り、"
        ) in check.stderr
    linking = sorted(
        p.name for p in (site.root / "docs/clauses").glob("*.md") if "clause:indirect-matters" in p.read_text("utf-8")
    )
    assert "confidentiality.md" in linking and "confidentiality.en.md" in linking
    # A link to the provision the draft deletes stays as it is until the 施行日 (it is right until then),
    # and is listed for review, in both languages, in the same run as the Japanese problems.
    for name in linking:
        future = (
            "To be reviewed: 'clause:indirect-matters' refers to a provision that Edition 2 (a draft revision) deletes"
            if name.endswith(".en.md")
            else "要確認：'clause:indirect-matters' は第2版（改正案）で削除される条項を指しています。"
        )
        assert re.search(rf"docs/clauses/{re.escape(name)}:\d+: {re.escape(future)}", check.stdout), name
    assert "施行日の後で、内容を引き継ぐ 'clause:accuracy' を指すように書き換えてください" in check.stdout
    for clause in ("accuracy", "rights"):
        assert re.search(
            rf"docs/clauses/{clause}\.md:\d+: 要確認：第2版（改正案）でこの条項の条文が改正されます。.*"
            rf"確認したら、前付けの reviewed を \"2\" にしてください。",
            check.stdout,
        ), check.stdout
    assert re.search(
        r"docs/clauses/consultation\.md:\d+: 要確認：第2版（改正案）でこの条項は3\(8\)に移ります。", check.stdout
    )
    assert re.search(
        r"docs/clauses/indirect-matters\.md:\d+: 要確認：第2版（改正案）でこの条項は削除されます。", check.stdout
    )

    # 3. The clerk writes what is missing and reviews the pages.
    for pid in ("copyright", "disaster-posts"):
        page = commentary(pid, title=f"{pid}の解説").replace('"1"', '"2"')
        page = re.sub(r"^(- 判断: .*)$", r"\1\n- 状況: 災害・緊急時", page, flags=re.MULTILINE)  # the casebook's tag
        site.write(f"docs/clauses/{pid}.md", page)
    add_related(site, "copyright", "rights")  # a draft-only page refers to a published provision
    for clause in ("rights", "consultation", "indirect-matters"):
        set_reviewed(site, clause, "2")
    check = site.guideline("check")
    assert check.returncode == 0, check.stderr
    assert "ja: 第1版、改正案 第2版、" in check.stdout and "問題はありません。" in check.stdout
    assert "rights.md" not in check.stdout and "consultation.md" not in check.stdout
    assert re.search(
        r"docs/clauses/accuracy\.md:\d+: 要確認：第2版（改正案）でこの条項の条文が改正されます", check.stdout
    )

    # 4. The preview shows the whole draft.
    build(site, drafts=True)
    assert REVISION["disaster-posts"][1] in seen(site, f"en/editions/{DRAFT}")
    full = seen(site, f"editions/{DRAFT}")
    assert REVISION["copyright"][0] in full and REVISION["disaster-posts"][0] in full
    assert 'id="indirect-matters"' not in site.html(f"editions/{DRAFT}")
    new = site.html("clauses/copyright")
    assert "改正案：この条項は第2版（改正案）で新設される予定で、まだ効力はありません。" in new
    assert "条文 3(4)（第2版）" in new and REVISION["copyright"][0] in seen(site, "clauses/copyright")
    doomed = site.html("clauses/indirect-matters")
    assert "改正案：この条項は第2版（改正案）で削除される予定です" in doomed
    assert "この条項の内容は、改正案では次の条項に引き継がれます" in doomed and 'href="../accuracy/"' in doomed
    accuracy = site.html("clauses/accuracy")
    assert "要確認：第2版（改正案）でこの条項の条文が改正されます。" in accuracy
    assert "改正案：この条項の条文は第2版（改正案）で改正される予定です" in accuracy
    assert "要確認" not in site.html("clauses/rights")  # reviewed for the draft
    assert "第2版（改正案）で3(8)に移る予定です" in site.html("clauses/consultation")
    secrets = site.html("clauses/secrets")
    assert re.search(r'<a href="\.\./disaster-posts/">4\(2\)「disaster-postsの解説」（改正案）</a>', secrets)
    assert 'href="../copyright/"' in site.html("clauses/rights")  # the backlink from the draft's page
    preview_history = accuracy[accuracy.index('id="history"') :]
    assert "第2版</a>（改正案） 改正 番号変更（3(4)→3(5)）" in preview_history

    # 5. The production build, meanwhile, is the site without the draft.
    build(site, drafts=False)
    assert not (site.root / "site/clauses/copyright").exists()
    assert not (site.root / f"site/editions/{DRAFT}").exists()
    assert "disaster-posts" not in site.html("clauses/secrets")
    accuracy = site.html("clauses/accuracy")
    assert "要確認" not in accuracy and "改正案" not in accuracy
    assert "要確認" not in site.html("clauses/rights")  # 'reviewed: "2"' before release: nothing to say yet
    assert "../copyright/" not in site.html("clauses/rights")  # no backlink from the hidden draft's page

    # 6. Release with its dates. Built the day before its 施行日, edition 2 is 施行予定: edition 1 stays in
    #    force, and the pages it changes say when the amendment comes.
    released = site.guideline("release", DRAFT, "--date", ENACTED, "--effective", EFFECTIVE)
    assert released.returncode == 0, released.stderr
    set_reviewed(site, "accuracy", "2")
    assert site.guideline("check").returncode == 0
    build(site, drafts=False, on=BEFORE)
    editions = site.html("editions")
    assert re.search(r"<td><a href=\"2/\">第2版</a></td>\s*<td><strong>施行予定</strong></td>", editions)
    assert re.search(r"<td><a href=\"1/\">第1版</a></td>\s*<td><strong>現行</strong></td>", editions)
    coming = "令和8年(2026年)11月1日施行の改正があります（新旧対照表）。"
    assert coming in seen(site, "text") and coming in seen(site, "clauses/accuracy")
    assert 'id="indirect-matters"' in site.html("text") and 'id="copyright"' not in site.html("text")
    assert coming in seen(site, "clauses/indirect-matters")  # deleted on the 施行日, in force until then
    assert "令和8年(2026年)11月1日施行の改正で新設される条項です" in seen(site, "clauses/copyright")
    assert "施行の改正" not in seen(site, "clauses/compliance")  # neither reworded nor renumbered by edition 2
    assert "この版は令和8年(2026年)11月1日に施行されます。それまでは第1版が現行です。" in seen(site, "editions/2")
    scheduled = load(site.root, drafts=False, today=date.fromisoformat(BEFORE))  # the links wait for the 施行日
    assert any(
        "'clause:indirect-matters' は第2版（施行予定）で削除される条項を指しています。" in line
        for line in removed_reference_messages(scheduled)
    )
    rumors = site.html("clauses/rumors")  # the names stay those of the edition in force
    assert "<title>" in rumors and "はにぼん公式ツイッター利用ガイドライン</title>" in rumors
    assert '<span class="post-card__name">はにぼん</span>' in rumors

    # From its 施行日 on, the production site shows edition 2 as the text in force.
    build(site, drafts=False)
    editions = site.html("editions")
    assert (
        re.search(r"<td><a href=\"2/\">第2版</a></td>\s*<td><strong>現行</strong></td>", editions)
        and "施行予定" not in editions
    )
    assert "施行の改正" not in seen(site, "text") and "施行の改正" not in seen(site, "clauses/accuracy")
    rumors = site.html("clauses/rumors")  # edition 2 renames the site and the account (site_name:, account:)
    assert "はにぽん公式X利用ガイドライン</title>" in rumors and "はにぼん公式ツイッター" not in rumors
    assert '<span class="post-card__name">はにぽん</span>' in rumors
    assert "Hanipon Official X Guideline</title>" in site.html("en/clauses/rumors")
    text = site.html("text")
    numbers = {
        "copyright": "(4)",
        "accuracy": "(5)",
        "prohibited": "(7)",
        "consultation": "(8)",
        "disaster-posts": "(2)",
        "infringement": "(3)",
    }
    for pid, label in numbers.items():
        block = text[text.index(f'id="{pid}"') :][:400]
        assert f'<span class="provision__number">{label}</span>' in block, pid
    assert 'id="indirect-matters"' not in text
    assert '"indirect-matters": "../clauses/indirect-matters/"' in text  # old links to /text/#… find the tombstone
    citation = re.search(r'data-href="../clauses/copyright/" data-citation="([^"]+)"', text)
    assert citation and citation.group(1).endswith("3(4)「copyrightの解説」（第2版、施行日：令和8年(2026年)11月1日）")
    tomb = site.html("clauses/indirect-matters")
    assert "この条項は第2版で削除されました。以下は削除される前の条文（第1版）です。" in tomb
    assert "この条項の内容は次の条項に引き継がれています" in tomb and 'href="../accuracy/"' in tomb
    accuracy = site.html("clauses/accuracy")
    assert "旧番号：3(4)（第1版）" in accuracy and "第2版で改正" in accuracy
    assert "番号変更（3(4)→3(5)）" in accuracy and "要確認" not in accuracy
    assert "旧番号：2(2)（第1版）" in site.html("clauses/consultation")
    assert "第2版で番号変更" in site.html("clauses/consultation") and "第2版で新設" in site.html("clauses/copyright")
    # The link to the deleted provision was left as it was: it now leads to its 削除 page, and is listed
    # for review until the clerk points it at the successor.
    assert re.search(r'<a href="\.\./indirect-matters/">旧4\(5\)', site.html("clauses/confidentiality"))
    check = site.guideline("check")
    assert check.returncode == 0, check.stderr
    assert "'clause:indirect-matters' は第2版で削除された条項を指しています。" in check.stdout
    assert "内容を引き継いだ 'clause:accuracy' を指すように書き換えてください。" in check.stdout
    for name in linking:
        path = site.root / "docs/clauses" / name
        path.write_text(path.read_text("utf-8").replace("clause:indirect-matters", "clause:accuracy"), "utf-8")
    check = site.guideline("check")
    assert check.returncode == 0 and "clause:indirect-matters" not in check.stdout, check.stdout
    assert re.search(r'<a href="\.\./disaster-posts/">4\(2\)「disaster-postsの解説」</a>', site.html("clauses/secrets"))
    assert "この版は現行の版ではありません（第2版が現行です）。" in site.html("editions/1")
    assert "Provision 3(5) (Edition 2)" in site.html("en/clauses/accuracy")
    assert REVISION["copyright"][1] in seen(site, "en/text")

    # 7. Every URL of the site before the revision still resolves, to the same provision.
    after = site.root / "site"
    missing = [url for url in page_urls(built_site) if not (after / url / "index.html").is_file()]
    assert not missing
    before_text = (built_site / "text/index.html").read_text(encoding="utf-8")
    for pid in re.findall(r'class="provision provision--(?:item|subitem)" id="([^"]+)"', before_text):
        assert f'id="{pid}"' in text or f'"{pid}": "../clauses/{pid}/"' in text, pid
        page = site.html(f"clauses/{pid}")
        assert f'href="../../text/#{pid}"' in page or "この条項は第2版で削除されました" in page, pid

    # 8. The next draft starts on top of the released edition.
    started = site.guideline("new-edition", "3")
    assert started.returncode == 0, started.stderr
    path = site.root / "editions/3.ja.md"
    path.write_text(
        reword(path.read_text(encoding="utf-8"), "security", "セキュリティを脅かす情報を発信してはなりません。")
    )
    path = site.root / "editions/3.en.md"
    path.write_text(reword(path.read_text(encoding="utf-8"), "security", "Staff must not post threats to security."))
    check = site.guideline("check")
    assert "editions/3.ja.md:4: エラー: 改正案に改正理由がありません" in check.stderr  # 決裁 needs the reasons
    for lang, reason in (("ja", "4(9)の文言を簡潔に改める。"), ("en", "4(3) is worded more briefly.")):
        path = site.root / f"editions/3.{lang}.md"
        path.write_text(
            path.read_text(encoding="utf-8").replace("status: draft", f"status: draft\nreasons:\n  - {reason}", 1)
        )
    check = site.guideline("check")  # a number the reasons cite is checked against both editions
    line = (site.root / "editions/3.ja.md").read_text(encoding="utf-8").splitlines().index(
        "  - 4(9)の文言を簡潔に改める。"
    ) + 1
    assert (
        f"editions/3.ja.md:{line}: エラー: 改正理由の「4(9)」に当たる条項が、改正前の第2版にも改正案の第3版にもありません。"
    ) in check.stderr
    path = site.root / "editions/3.ja.md"
    path.write_text(path.read_text(encoding="utf-8").replace("4(9)の文言", "4(3)の文言"), encoding="utf-8")
    check = site.guideline("check")
    assert check.returncode == 0, check.stderr
    assert re.search(
        r"docs/clauses/security\.md:\d+: 要確認：第3版（改正案）でこの条項の条文が改正されます", check.stdout
    )
    # Its preview, rendered in-process (the builds above proved the pipeline): draft 3 revises edition 2.
    preview = load(site.root, drafts=True, today=date.fromisoformat(BUILD_DATE))
    assert [e.name for e in preview.editions] == ["1", "2", "3"] and preview.current.name == "2"
    page = render_commentary(preview, preview.commentaries["security"]).text
    assert "要確認：第3版（改正案）でこの条項の条文が改正されます。" in page
    history = page[page.index("{#history}") :]
    assert (
        "第2版</a>（令和8年(2026年)11月1日） 番号変更（4(3)→4(4)）" in history and "第3版</a>（改正案） 改正" in history
    )
    compared = preview.comparison(preview.edition("3"))
    assert compared is not None and [row.id for row in compared.changed_rows] == ["security"]

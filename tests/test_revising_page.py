"""改正の手順 (docs/division/revising.md) as a test: every command the page shows, run in page order.

The page is the clerk's procedure. This test reads it, not a copy of it: it takes every command from
its ```sh blocks, every edit from its 改正前/改正後 pairs of ```markdown blocks and the commentary
template, and walks them in the order the page gives them, on a copy of the real guideline in a
temporary git repository (with a bare repository as ``origin``). It starts where the page starts:
edition 1 in force and no draft open, so the real repository's open draft is left out of the copy.

Commands run verbatim through a shell in the copy (``.venv`` there is a link to this checkout's), and
only the page's placeholders are filled: ``<ID>`` by each provision the page's edits add, and in the
template every other ``<…>``. Each command is asserted on what the page says it does. Not run:
``make serve`` (a server that never exits); it is checked as a real Makefile target instead, by
``make -n``. The English page must show the same commands and blocks, in the same order.

The messages the page's 困ったときは table quotes are provoked here, each as a clerk would meet it,
and must appear verbatim (``…`` stands for the part that varies).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT, Site
from test_drill import insert_after, remove, reword

PAGE = ROOT / "docs/division/revising.md"
PAGE_EN = ROOT / "docs/division/revising.en.md"
BUILD_DATE = "2027-01-01"  # before the page's release dates: the release is 施行予定 when it is made
NOT_RUN = {"make serve", "GUIDELINE_BUILD_DATE=2027-04-01 make serve"}  # servers: checked with make -n

FENCE = re.compile(r"^(?P<indent>[ ]*)```(?P<lang>\w*)[^\n]*\n(?P<body>.*?)^(?P=indent)```[ ]*$", re.M | re.S)


@dataclass(frozen=True)
class Block:
    lang: str
    body: str
    label: str  # the last paragraph line before the block


def blocks(text: str) -> list[Block]:
    out = []
    for m in FENCE.finditer(text):
        indent = len(m.group("indent"))
        body = "".join(line[indent:] for line in m.group("body").splitlines(keepends=True))
        before = [line for line in text[: m.start()].splitlines() if line.strip()]
        out.append(Block(m.group("lang"), body, before[-1].strip() if before else ""))
    return out


def commands(text: str) -> list[str]:
    return [line for b in blocks(text) if b.lang == "sh" for line in b.body.splitlines() if line.strip()]


def table_quotes(text: str) -> list[str]:
    """The first column of the 困ったときは table: the messages the page quotes."""
    section = text[text.index("\n## 困ったときは" if "困ったときは" in text else "\n## If something goes wrong") :]
    return re.findall(r"^\| `([^`]+)` \|", section, re.M)


def test_the_english_page_shows_the_same_commands_and_blocks() -> None:
    ja, en = PAGE.read_text("utf-8"), PAGE_EN.read_text("utf-8")
    assert commands(en) == commands(ja)
    assert [(b.lang, b.body) for b in blocks(en)] == [(b.lang, b.body) for b in blocks(ja)]
    assert table_quotes(en) == table_quotes(ja)
    # A command written only in the prose would not be run: the prose names the commands of the ```sh blocks.
    shown = commands(ja)
    for page in (ja, en):
        prose = FENCE.sub("", page)
        for span in re.findall(r"`((?:\.venv/bin/|make |git )[^`]*)`", prose):
            assert any(c.startswith(span) for c in shown), span


def test_make_serve_is_a_real_target() -> None:
    env = {**os.environ, "GUIDELINE_BUILD_DATE": "2027-04-01"}
    dry = subprocess.run(["make", "-n", "serve"], cwd=ROOT, capture_output=True, text=True, check=False, env=env)
    assert dry.returncode == 0, dry.stderr
    assert "GUIDELINE_DRAFTS=1" in dry.stdout and "mkdocs serve --dev-addr 127.0.0.1:8000" in dry.stdout


# --- the scenario --------------------------------------------------------------------------------------


def sh(*args: str, cwd: Path) -> None:
    subprocess.run(args, cwd=cwd, check=True, capture_output=True, text=True)


def clerk_site(target: Path) -> Site:
    """The real guideline as it stands with edition 1 in force and no draft, in a git repository."""
    for folder in ("docs", "editions", "glossary", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "Makefile", ".gitignore"):
        shutil.copy(ROOT / name, target / name)
    for draft in target.glob("editions/*.md"):
        if "status: draft" in draft.read_text("utf-8"):
            shutil.rmtree(target / "docs/editions" / draft.name.split(".")[0], ignore_errors=True)
            draft.unlink()
    (target / ".venv").symlink_to(ROOT / ".venv")
    origin = target.parent / "origin.git"
    sh("git", "init", "-q", "--bare", str(origin), cwd=target.parent)
    sh("git", "init", "-q", "-b", "main", cwd=target)
    sh("git", "config", "user.email", "clerk@example.invalid", cwd=target)
    sh("git", "config", "user.name", "clerk", cwd=target)
    sh("git", "add", "-A", cwd=target)
    sh("git", "commit", "-q", "-m", "edition 1 in force", cwd=target)
    sh("git", "remote", "add", "origin", str(origin), cwd=target)
    return Site(target)


def run(site: Site, command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GUIDELINE_BUILD_DATE": BUILD_DATE, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, shell=True, cwd=site.root, capture_output=True, text=True, check=False, env=env)


def said(result: subprocess.CompletedProcess[str]) -> str:
    return result.stdout + result.stderr


def quoted(quote: str, output: str) -> bool:
    """A quote from the page appears verbatim, ``…`` standing for what varies."""
    return re.search(".*?".join(re.escape(part) for part in quote.split("…")), output) is not None


# The English file, translated as the clerk translates it: the page's edits, mirrored by id.
ENGLISH = {
    "copyright": "When using photos, illustrations, music and the like, staff must check the copyright and other rights.",
    "disaster-posts": "In a disaster or other emergency, staff must give priority to the City's disaster information "
    "and refrain from other posts.",
    "political-activity": "Information amounting to election campaigning or political activity",
}


def mirror_in_english(text: str) -> str:
    text = reword(
        text,
        "rights",
        "Staff must pay full attention to fundamental human rights, portrait rights, the right to privacy and so on.",
    )
    text = insert_after(text, "rights", f"- {ENGLISH['copyright']} {{#copyright}}")
    text = insert_after(text, "secrets", f"- {ENGLISH['disaster-posts']} {{#disaster-posts}}")
    text = insert_after(text, "obscene-links", f"    - {ENGLISH['political-activity']} {{#political-activity}}")
    text, moved = remove(text, "consultation")
    text = insert_after(text, "public-order", moved)
    text, _ = remove(text, "indirect-matters")
    return text.replace("effective: null\n", "effective: null\nsuccessors:\n  indirect-matters: [accuracy]\n", 1)


def fill(template: str, pid: str) -> str:
    """The template with its placeholders filled: ``<ID>`` by the provision, the rest by unique words."""
    fixed = {"<ID>": pid}
    counter = iter(range(1000))

    def one(m: re.Match[str]) -> str:
        if m.group(0) in fixed:
            return fixed[m.group(0)]
        n = next(counter)
        inside = m.group(1)
        return f"{pid}-{n}" if inside.endswith("ID") or inside.startswith("検索語") else f"{inside}（{pid}）"

    return re.sub(r"<([^<>\n]+)>", one, template)


def english_page(japanese: str) -> str:
    """A commentary page in the English form the page describes, from a filled Japanese one."""
    words = {
        "## 趣旨": "## Purpose",
        "## 事例": "## Examples",
        "## よくある質問": "## FAQ",
        "## 関連条項": "## Related provisions",
        "- 場面:": "- Scene:",
        "- 投稿案:": "- Draft post:",
        "- 判断:": "- Verdict:",
        "- 状況: 著作権・素材": "- Situations: Copyright and materials",
        "- 理由:": "- Reasoning:",
        "- 改善案:": "- Improved post:",
        "判断: 要注意": "判断: Caution",
    }
    for ja, en in words.items():
        japanese = japanese.replace(ja, en)
    return japanese.replace("- Verdict: 要注意", "- Verdict: Caution")


def test_every_command_of_the_page_runs_as_it_says(tmp_path: Path) -> None:
    site = clerk_site(tmp_path / "site")
    root = site.root
    text = PAGE.read_text("utf-8")
    events: list[tuple[int, str, object]] = []
    page_blocks = list(FENCE.finditer(text))
    parsed = blocks(text)
    pending: str | None = None
    for m, block in zip(page_blocks, parsed, strict=True):
        if block.lang == "sh":
            events += [(m.start(), "command", line) for line in block.body.splitlines() if line.strip()]
        elif block.lang == "markdown" and block.body.startswith("---\nclause: <ID>"):
            events.append((m.start(), "template", block.body))
        elif block.lang == "markdown" and "改正前" in block.label:
            pending = block.body
        elif block.lang == "markdown" and "改正後" in block.label:
            assert pending is not None, block.label
            events.append((m.start(), "change", (pending, block.body)))
            pending = None
    changes = [e for e in events if e[1] == "change"]
    assert len(changes) == 10 and len([e for e in events if e[1] == "template"]) == 1
    typo = changes[-1][2]  # the 正誤 example: a typo that slipped into the released text
    added = ["copyright", "political-activity", "disaster-posts"]
    ja, en = root / "editions/2.ja.md", root / "editions/2.en.md"
    run_commands = []
    quotes = table_quotes(text)
    seen_quotes: set[str] = set()

    def note(output: str) -> None:
        seen_quotes.update(q for q in quotes if quoted(q, output))

    def check() -> subprocess.CompletedProcess[str]:
        result = run(site, ".venv/bin/guideline check")
        note(said(result))
        return result

    def provoke(path: Path, old: str, new: str, command: str = ".venv/bin/guideline check") -> str:
        """Make a clerk's mistake, run the command, undo the mistake; what the command said."""
        kept = path.read_text("utf-8")
        assert old in kept, (path, old)
        path.write_text(kept.replace(old, new, 1), "utf-8")
        output = said(run(site, command))
        path.write_text(kept, "utf-8")
        note(output)
        return output

    for _, kind, item in events:
        if kind == "change":
            before, after = item  # type: ignore[misc]
            if (before, after) == typo:
                continue  # applied after the release, where the page shows it
            content = ja.read_text("utf-8")
            assert content.count(before) == 1, before
            ja.write_text(content.replace(before, after), "utf-8")
            continue
        if kind == "template":
            for pid in added:
                page = fill(str(item), pid)
                site.write(f"docs/clauses/{pid}.md", page)
                site.write(f"docs/clauses/{pid}.en.md", english_page(page))
            # Now the draft is complete: check passes, with the 要確認 left to review (not errors).
            done = check()
            assert done.returncode == 0, said(done)
            # The clerk's mistakes in a commentary page, and what they are told.
            page = root / "docs/clauses/copyright.md"
            kept = page.read_text("utf-8")
            fix = kept[kept.index("- 改善案:") : kept.index("\n### ", kept.index("- 改善案:"))]
            provoke(page, fix, "")
            provoke(page, "- 判断: NG", "- 判断: 要注意")
            provoke(page, "- [](clause:rights)", "- [](clause:acuracy)")
            continue
        command = str(item)
        run_commands.append(command)
        if command in NOT_RUN:
            continue
        if "<ID>" in command:
            for pid in added:
                result = run(site, command.replace("<ID>", pid))
                assert result.returncode == 0, said(result)
                assert f"docs/clauses/{pid}.en.md" in said(result)
            continue
        if command.startswith(".venv/bin/guideline release"):
            # Mistaken dates first: nothing is written.
            note(said(run(site, ".venv/bin/guideline release 2 --date 2026/12/01")))
            note(said(run(site, ".venv/bin/guideline release 2 --date 令和9年4月1日 --effective 令和9年3月1日")))
            assert "status: draft" in ja.read_text("utf-8")
            ja.write_text(ja.read_text("utf-8").replace(typo[1], typo[0]), "utf-8")
        if command.startswith(".venv/bin/guideline correct"):
            ja.write_text(ja.read_text("utf-8").replace(typo[0], typo[1]), "utf-8")
        if command.startswith("git checkout editions/1.ja.md"):
            sh("git", "add", "-A", cwd=root)  # the release, as the page says, committed first
            sh("git", "commit", "-q", "-m", "第2版を公開", cwd=root)
            edition = root / "editions/1.ja.md"
            edition.write_text(edition.read_text("utf-8").replace("ネットワーク上", "インターネット上"), "utf-8")
            assert check().returncode == 1
        if command == ".venv/bin/guideline check":
            en.write_text(mirror_in_english(en.read_text("utf-8")), "utf-8")
            note(said(run(site, ".venv/bin/guideline new-edition 3")))
            reasons = ja.read_text("utf-8")
            listed = reasons[reasons.index("reasons:\n") : reasons.index("---", reasons.index("reasons:\n"))]
            provoke(ja, listed, "")
            provoke(ja, "3(4)中の「ネットワーク」", "3(9)中の「ネットワーク」")
            provoke(ja, "    - 選挙運動", "　　- 選挙運動")
            provoke(ja, "indirect-matters: [accuracy]", "indirect-matters: [acuracy]")
        result = run(site, command)
        output = said(result)
        note(output)
        expect(site, command, result, output)

    assert run_commands == commands(text)
    missing = [q for q in quotes if q not in seen_quotes]
    assert not missing, missing


def expect(site: Site, command: str, result: subprocess.CompletedProcess[str], output: str) -> None:
    """What the page says each command does."""
    root = site.root
    if command == ".venv/bin/guideline check":  # before the new provisions have their pages
        assert result.returncode == 1, output
        assert "ガイドラインの原稿に" in output and "件の問題があります。" in output
        for pid, number in (("copyright", "3(4)"), ("political-activity", "3(7)⑥"), ("disaster-posts", "4(2)")):
            assert f"改正案 第2版の公開前に直すこと：条項 {number}「{pid}」に解説ページがありません。" in output, pid
        assert "要確認：第2版（改正案）でこの条項の条文が改正されます。" in output
        assert "要確認：'clause:indirect-matters' は第2版（改正案）で削除される条項を指しています。" in output
        return
    assert result.returncode == 0, (command, output)
    if command.endswith("new-edition 2"):
        assert "第2版の改正案を作りました。" in output
        for name in ("editions/2.ja.md", "editions/2.en.md", "docs/editions/2/index.md", "docs/editions/2/compare.md"):
            assert (root / name).is_file(), name
    elif command == ".venv/bin/guideline translations":
        assert "editions/2.en.md: 古い訳です。" in output
    elif command.endswith("--mark-current editions/2.en.md"):
        assert "日本語に追いついていない訳が 0 件あります。" in said(site.guideline("translations"))
    elif command == "mkdir -p build":
        assert (root / "build").is_dir()
    elif "--pdf " in command:
        pdf = root / command.split("--pdf ")[1]
        assert pdf.read_bytes().startswith(b"%PDF"), command
        if " diff " in command:
            assert "[[インターネット]]" in output or "[[インター" in output
    elif command.startswith("git push"):
        branches = subprocess.run(
            ["git", "branch", "--list"], cwd=root.parent / "origin.git", capture_output=True, text=True, check=True
        ).stdout
        assert "kaisei-2" in branches
    elif command.startswith(".venv/bin/guideline release"):
        assert "第2版を公開しました" in output
        releases = (root / "editions/releases.yml").read_text("utf-8")
        assert (
            "'2':" in releases
            and "2027-04-01" in releases
            and "status: published" in (root / "editions/2.ja.md").read_text("utf-8")
        )
    elif command.startswith(".venv/bin/guideline amend-release") or command.startswith(".venv/bin/guideline correct"):
        reason = re.search(r'--reason "([^"]+)"', command)
        assert reason and reason.group(1) in (root / "editions/releases.yml").read_text("utf-8")
    elif command.startswith("git checkout"):
        assert site.guideline("check").returncode == 0

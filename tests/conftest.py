"""Shared fixtures: tiny guideline sites built for real in a temporary folder, and the real site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from guideline.editing import stubs
from guideline.model.edition import parse_edition
from guideline.model.releases import record_release
from guideline.problems import Problems

ROOT = Path(__file__).resolve().parent.parent
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
GUIDELINE = str(Path(sys.executable).parent / "guideline")
# Tiny sites are built as on this day, after every date their editions carry: status by 施行日 is pinned.
BUILD_DATE = "2028-01-01"

# A two-chapter edition: enough to exercise numbering, sub-items and cross-references.
TINY_EDITION = """\
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
- 次に掲げる情報は発信してはなりません。 {#prohibited}
    - 単なる噂 {#rumors}
"""


def commentary(clause: str, *, title: str = "見出し", body: str | None = None, extra_meta: str = "") -> str:
    """A valid commentary page for ``clause``; ``body`` replaces the sections when given."""
    sections = (
        body
        if body is not None
        else f"""\
## 趣旨

{clause} の趣旨です。

## 事例

### よい例 {{#good}}

- 場面: ある場面。
- 投稿案:
  はにぼんだよ！
- 判断: OK
- 理由: 問題がない。

### 悪い例 {{#bad}}

- 場面: 別の場面。
- 投稿案:
  はにぼんだよ？
- 判断: NG
- 理由: 問題がある。
- 改善案:
  はにぼんだよ！

### 迷う例 {{#unsure}}

- 場面: 迷う場面。
- 投稿案:
  はにぼんかな？
- 判断: 要注意
- 理由: 確かめる点がある。

### もう一つの迷う例 {{#unsure-too}}

- 場面: もう一つの迷う場面。
- 投稿案:
  はにぼんかも？
- 判断: 要注意
- 理由: これも確かめる点がある。

## よくある質問

### 質問その1ですか。 {{#q1}}

回答です。

### 質問その2ですか。 {{#q2}}

回答です。

### 質問その3ですか。 {{#q3}}

回答です。

## 関連条項

- [](clause:purpose)
"""
    )
    return (
        f'---\nclause: {clause}\ntitle: {title}\nreviewed: "1"\nchecklist: {clause}を確かめましたか。\n{extra_meta}---\n\n'
        + textwrap.dedent(sections)
    )


TINY_CLAUSES = ("purpose", "accuracy", "prohibited", "rumors")


@dataclass
class Site:
    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def release(self, name: str = "1") -> None:
        """Record an edition's checksums as `guideline release` does, freezing its current text."""
        problems = Problems()
        path = self.root / f"editions/{name}.ja.md"
        edition = parse_edition(path.read_text(encoding="utf-8"), f"editions/{name}.ja.md", "ja", problems)
        assert not problems, problems.report()
        self.write("editions/releases.yml", record_release(self.root, edition, date(2026, 4, 1)))

    def write_edition(self, text: str, name: str = "1") -> None:
        """Write an edition and its page stubs; a published one is released with that text."""
        self.write(f"editions/{name}.ja.md", text)
        for relative, stub in stubs(name).items():
            if name != "1" or relative.endswith("index.md"):
                self.write(relative, stub)
        if "status: published" in text:
            self.release(name)

    def remove(self, relative: str) -> None:
        (self.root / relative).unlink()

    def build(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [MKDOCS, "build", "--strict", "--site-dir", "site", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDELINE_BUILD_DATE": BUILD_DATE, **(env or {})},
            check=False,
        )

    def guideline(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the division's `guideline` command in this site, as the division would."""
        env = {**os.environ, "GUIDELINE_BUILD_DATE": BUILD_DATE}
        return subprocess.run([GUIDELINE, *args], cwd=self.root, capture_output=True, text=True, check=False, env=env)

    def html(self, url_path: str) -> str:
        path = self.root / "site" / url_path.strip("/") / "index.html"
        return path.read_text(encoding="utf-8")


def copy_skeleton(target: Path) -> None:
    """The real configuration, hooks, theme overrides and page stubs, without the content."""
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("hooks", "overrides", "docs/assets"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for stub in ("text.md", "checklist.md", "glossary.md"):
        shutil.copy(ROOT / "docs" / stub, target / "docs" / stub)
    home = "---\nrender: home\ntitle: ホーム\n---\n\n# ホーム\n\n<!-- latest-change -->\n\n<!-- clause-index -->\n"
    (target / "docs/index.md").write_text(home, encoding="utf-8")
    (target / "docs/editions").mkdir(parents=True)
    shutil.copy(ROOT / "docs/editions/index.md", target / "docs/editions/index.md")


@pytest.fixture(autouse=True)
def japanese_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages are Japanese by default: a developer's English locale must not change what the tests read."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(variable, "").lower().startswith("en"):
            monkeypatch.setenv(variable, "C.UTF-8")


@pytest.fixture
def tiny_site(tmp_path: Path) -> Site:
    """A small but complete, valid guideline site."""
    (tmp_path / "docs").mkdir()
    copy_skeleton(tmp_path)
    site = Site(tmp_path)
    site.write_edition(TINY_EDITION)
    for clause in TINY_CLAUSES:
        site.write(f"docs/clauses/{clause}.md", commentary(clause))
    site.write("glossary/terms.ja.yml", "- id: test\n  term: 試験\n  definition: ためしに行うことです。\n")
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once for the whole session with --strict."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [MKDOCS, "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDELINE_BUILD_DATE": BUILD_DATE},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return out

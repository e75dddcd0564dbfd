"""Shared fixtures: tiny guideline sites built for real in a temporary folder, and the real site."""

from __future__ import annotations

import contextlib
import difflib
import fcntl
import hashlib
import io
import logging
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from unittest import mock

import mkdocs.utils as mkdocs_utils
import pytest
from browser.harness import launch
from mkdocs.__main__ import cli as mkdocs_cli
from mkdocs.config import config_options
from mkdocs.config.defaults import MkDocsConfig
from playwright.sync_api import Browser, sync_playwright

from guideline import cli, messages
from guideline.editing import stubs
from guideline.model.edition import parse_edition
from guideline.model.releases import record_release
from guideline.problems import Problems
from tools import publish

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
        """``mkdocs build --strict`` into ``site/``, for real; replayed when these very sources were built already."""
        environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDELINE_BUILD_DATE": BUILD_DATE, **(env or {})}
        command = [MKDOCS, "build", "--strict", "--site-dir", "site", *args]
        key = _fingerprint(self.root, command, environment)
        built = _BUILDS.get(key)
        if built is None:
            result = mkdocs_in_process(command, self.root, environment)
            _BUILDS[key] = _Built(self.root, result, _keep(key, self.root / "site"))
            return result
        built.restore(self.root / "site")
        return built.replay(self.root)

    def guideline(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run the division's `guideline` command in this site, as the division would: its ``main`` in this
        process (a new Python for each command spent more on imports than the command on its work), in the
        site's folder, on the tests' build date, with what it prints captured. tests/test_revising_page.py
        runs the installed command itself."""
        out, err = io.StringIO(), io.StringIO()
        with _inside(self.root, {"GUIDELINE_BUILD_DATE": BUILD_DATE}):
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    code = cli.main(list(args))
                except SystemExit as exit_:  # argparse refusing the arguments
                    code = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
                finally:
                    messages.choose(None)  # `--lang` fixes the language for the process: not for the next test
        return subprocess.CompletedProcess([GUIDELINE, *args], code, out.getvalue(), err.getvalue())

    def html(self, url_path: str) -> str:
        path = self.root / "site" / url_path.strip("/") / "index.html"
        return path.read_text(encoding="utf-8")


@contextlib.contextmanager
def _inside(folder: Path, env: Mapping[str, str]) -> Iterator[None]:
    """Run in ``folder`` with ``env`` set, as a subprocess there would; both restored after."""
    saved, here = dict(os.environ), Path.cwd()
    os.environ.update(env)
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(here)
        os.environ.clear()
        os.environ.update(saved)


def mkdocs_in_process(command: list[str], folder: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    """``command`` (``mkdocs build …``) run by MkDocs' own command line in this process, as a new process
    would run it: what it prints and exits with, without the 0.6 s a new Python spends on imports and on
    finding the plugins. MkDocs keeps some state for the process, as `mkdocs serve` needs it; each build
    starts without it and leaves none behind:
    - plugin instances, cached by the configuration's schema (``Plugins.plugin_cache``), and hook
      modules, cached by path (``Hooks._load_hook``): a build gets new ones, as a new process does;
    - ``mkdocs.utils.clean_directory``, which mkdocs-static-i18n replaces with a no-op while it builds the
      other languages and puts back only when that succeeds: a failed build left it off, and the next
      build of a folder kept the pages of the one before (the drill once saw a draft's page survive a
      production build);
    - logging: the handlers and filters MkDocs and i18n add, and the DuplicateFilter's memory of messages
      already logged (it would hide the next build's errors)."""
    plugins = next(option for _, option in MkDocsConfig._schema if isinstance(option, config_options.Plugins))
    plugins.plugin_cache.clear()
    config_options.Hooks._load_hook.cache_clear()
    loggers = [logging.getLogger(name) for name in ("mkdocs", "mkdocs.commands.build", "mkdocs.plugins")]
    saved = [(logger, logger.level, list(logger.handlers), list(logger.filters)) for logger in loggers]
    clean_directory = mkdocs_utils.clean_directory
    out, err = io.StringIO(), io.StringIO()
    with (
        _inside(folder, env),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
        # Messages unwrapped, as in a pipe: the worker's own output may be a terminal.
        mock.patch("shutil.get_terminal_size", return_value=os.terminal_size((0, 0))),
    ):
        try:
            mkdocs_cli.main(command[1:], prog_name="mkdocs")
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
        finally:
            mkdocs_utils.clean_directory = clean_directory
            for logger, level, handlers, filters in saved:
                logger.setLevel(level)
                logger.handlers[:] = handlers
                logger.filters[:] = filters
            plugins.plugin_cache.clear()
            config_options.Hooks._load_hook.cache_clear()
    return subprocess.CompletedProcess(command, code, out.getvalue(), err.getvalue())


# Build memo: many tests build the very same tiny site (the `tiny_site` or `revised` fixture untouched) and
# only read it. A build is keyed by every source file, the command and the environment it reads; for a key
# built before, that build's output and messages are replayed: the result of a real build of exactly these
# sources. The memo lives for one test session (code outside the tree, guideline/, may change between).
_ENVIRONMENT = ("GUIDELINE_", "LANG", "LC_", "LANGUAGE", "NO_MKDOCS", "SITE_URL")
_memo_dir: list[Path] = []  # set once per session by the fixture below


@dataclass
class _Built:
    root: Path  # where it was built: absolute paths in messages are replaced by the new site's
    result: subprocess.CompletedProcess[str]
    output: Path | None

    def replay(self, root: Path) -> subprocess.CompletedProcess[str]:
        def moved(text: str) -> str:
            return text.replace(str(self.root), str(root))

        args, code = self.result.args, self.result.returncode
        return subprocess.CompletedProcess(args, code, moved(self.result.stdout), moved(self.result.stderr))

    def restore(self, out: Path) -> None:
        shutil.rmtree(out, ignore_errors=True)  # as `mkdocs build` cleans the site folder first
        if self.output is not None:
            shutil.copytree(self.output, out)


_BUILDS: dict[str, _Built] = {}


def _keep(key: str, out: Path) -> Path | None:
    """A copy of the build output ``out`` kept for replay, if the build wrote one."""
    if not out.is_dir() or not _memo_dir:
        return None
    return Path(shutil.copytree(out, _memo_dir[0] / key))


def _settings(command: list[str], env: Mapping[str, str]) -> str:
    """The command and the environment variables a build reads."""
    return repr((command, sorted((k, v) for k, v in env.items() if k.startswith(_ENVIRONMENT))))


def _fingerprint(root: Path, command: list[str], env: dict[str, str]) -> str:
    digest = hashlib.sha256(_settings(command, env).encode())
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if relative.parts[0] == "site" or "__pycache__" in relative.parts or not path.is_file():
            continue
        digest.update(relative.as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@pytest.fixture(scope="session", autouse=True)
def build_memo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Where the memo keeps build outputs, and the real project's publishing build (tools/publish.py) memoised
    too: tests/test_publish.py and tests/test_hardening.py publish the unchanged project several times."""
    _memo_dir.append(tmp_path_factory.mktemp("builds"))
    real = publish.build

    def build(project: Path, site_url: str, out: Path) -> None:
        if project.resolve() != ROOT:  # a copy a test broke on purpose: built for real
            real(project, site_url, out)
            return
        key = hashlib.sha256(_settings(["publish", site_url], os.environ).encode()).hexdigest()
        built = _BUILDS.get(key)
        if built is None:
            real(project, site_url, out)  # raises on failure: only a successful build is kept
            _BUILDS[key] = _Built(ROOT, subprocess.CompletedProcess([], 0), _keep(key, out))
            return
        built.restore(out)

    publish.build = build
    yield
    publish.build = real


SNAPSHOTS = Path(__file__).parent / "snapshots"


def assert_snapshot(name: str, text: str) -> None:
    """``text`` is exactly tests/snapshots/``name``, with a line diff when it is not.

    ``UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_x.py`` writes the snapshots anew instead: read the
    diff (git diff tests/snapshots) before committing it, as it is what the test will hold the code to."""
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.is_file(), f"no snapshot {path.relative_to(ROOT)}: write it with UPDATE_SNAPSHOTS=1"
    expected = path.read_text(encoding="utf-8")
    if text != expected:
        diff = difflib.unified_diff(expected.splitlines(), text.splitlines(), "snapshot", "now", lineterm="")
        pytest.fail(f"{path.relative_to(ROOT)} differs (UPDATE_SNAPSHOTS=1 rewrites it):\n" + "\n".join(diff))


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


def shared_build(config: pytest.Config, name: str, build: Callable[[Path], object]) -> Path:
    """``build(out)`` once per test run, its output shared by the pytest-xdist workers: the first to ask builds
    while the other waits for it (a lock in the run's temporary folder, which pytest removes in time)."""
    base = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    folder = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base
    out, done = folder / "shared" / name, folder / "shared" / f"{name}.done"
    out.parent.mkdir(exist_ok=True)
    with (folder / "shared" / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(out, ignore_errors=True)  # a build that failed half-way in the other worker
            build(out)
            done.touch()
    return out


def build_real_site(out: Path, **env: str) -> None:
    """``mkdocs build --strict`` of the real project into ``out``, on the tests' build date."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDELINE_BUILD_DATE": BUILD_DATE, **env}
    result = mkdocs_in_process([MKDOCS, "build", "--strict", "--site-dir", str(out)], ROOT, environment)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Chromium, started once per worker for every module that drives it (a thread can run one Playwright at
    a time): the browser tests and tests/test_publish_nginx.py."""
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest) -> Path:
    """The real site, built once for the whole run with --strict."""
    return shared_build(request.config, "site", build_real_site)


def drafts_site(config: pytest.Config) -> Path:
    """The real site with its drafts (GUIDELINE_DRAFTS=1), as `make serve` and `make preview` show it, built once
    for the whole run: what the browser tests see (every kind of page, a draft's 新旧対照表 included)."""
    return shared_build(config, "drafts-site", lambda out: build_real_site(out, GUIDELINE_DRAFTS="1"))


@pytest.fixture(scope="session")
def built_drafts_site(request: pytest.FixtureRequest) -> Path:
    return drafts_site(request.config)


# The address the publishing tests publish to (tests/test_publish.py, tests/test_hardening.py).
PUBLISH_URL = "http://intranet.example/guidelines/hanibon/"


@pytest.fixture(scope="session")
def prebuilt(request: pytest.FixtureRequest) -> Path:
    """The real site as publishing builds it for PUBLISH_URL, once for the whole run."""
    return shared_build(request.config, "published-site", lambda out: publish.build(ROOT, PUBLISH_URL, out))


def copying(site: Path) -> Callable[[Path, str, Path], object]:
    """A stand-in for ``publish.build``: ``site``, built before, copied where the build would write."""
    return lambda project, site_url, out: shutil.copytree(site, out)


@pytest.fixture
def fast(prebuilt: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Publishing copies the prebuilt site, and skips the site check (tests/test_publish.py covers it) when
    the test is about what happens around it: a build and a check of the whole site cost seconds each."""
    monkeypatch.setattr(publish, "build", copying(prebuilt))
    monkeypatch.setattr(publish, "check", lambda site, site_url, dest=None: [])
    return prebuilt

"""A second generator builds the same site: `guideline render --out` written out, built with Zensical.

The MkDocs site is built through the hooks; `guideline render` writes the same plan (guideline/site/plan.py)
as plain Markdown, one project per language, which Zensical builds with no hook at all. Every page of the
MkDocs site must have its address in Zensical's output, and every provision (found by its id) the same
official text there. What only MkDocs writes is left out of the comparison, each for its reason (IGNORED).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Collection
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import BUILD_DATE, GUIDELINE, ROOT

from guideline import cli
from guideline.model.guideline import Guideline
from guideline.model.paths import DEFAULT_LANG
from guideline.model.project import languages, load
from guideline.site import pages, plan

ZENSICAL = Path(sys.executable).parent / "zensical"
# Files of the MkDocs site that are not pages of the guideline, and why they are not compared.
IGNORED = {
    "404.html": "Material's not-found page (hooks/publishing.py writes one per language); not a page of the plan",
    "sitemap.xml": "Material's sitemap, with build dates",
    "sitemap.xml.gz": "the same, compressed",
    "search/": "the search indexes: Material's, and this site's per language (hooks/search_index.py)",
    "assets/": "the theme's and the site's stylesheets and scripts, compared as files by no one",
}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_SECTION_END = {"h1", "h2"}


class ProvisionTexts(HTMLParser):
    """The text of each element whose id is a provision's; a provision heading's runs to the next heading."""

    def __init__(self, ids: set[str]) -> None:
        super().__init__()
        self.ids = ids
        self.texts: dict[str, list[str]] = {}
        self.depth = 0
        self.open: list[tuple[str, int, bool]] = []  # (id, depth it closes at, a heading's section)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SECTION_END:
            self.open = [entry for entry in self.open if not entry[2]]
        if tag in _VOID:
            return
        self.depth += 1
        found = dict(attrs).get("id")
        if found in self.ids:
            self.texts[found] = []
            self.open.append((found, self.depth - 1, tag in _SECTION_END))

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        self.depth -= 1
        self.open = [entry for entry in self.open if entry[2] or entry[1] < self.depth]
        if tag == "article":  # the page's content ends: so does a heading's section
            self.open = []

    def handle_data(self, data: str) -> None:
        for found, _, _ in self.open:
            self.texts[found].append(data)


def provision_texts(page: Path, ids: set[str]) -> dict[str, str]:
    parser = ProvisionTexts(ids)
    parser.feed(page.read_text(encoding="utf-8"))
    # White space only: MkDocs's build joins Japanese lines (guideline/site/typography.py), which is spacing.
    return {found: re.sub(r"\s+", "", "".join(parts)) for found, parts in parser.texts.items()}


def page_urls(site: Path) -> list[str]:
    """Every page address of a built site: the folder of each index.html, less what IGNORED names."""
    urls = []
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix()
        url = "" if url == "." else f"{url}/"
        if not any(f"/{url}".startswith((f"/{ignored}", f"/en/{ignored}")) for ignored in IGNORED):
            urls.append(url)
    return urls


def zensical_page(out: Path, url: str) -> Path:
    """Where Zensical wrote a page: each language's project builds its own pages (others under /<lang>/)."""
    first = url.split("/")[0]
    lang = first if first in languages(ROOT) and first != DEFAULT_LANG else DEFAULT_LANG
    return out / lang / "site" / url / "index.html"


def render(out: Path, *args: str) -> None:
    env = {**os.environ, "GUIDELINE_BUILD_DATE": BUILD_DATE}
    result = subprocess.run(
        [GUIDELINE, "render", "--out", str(out), *args], cwd=ROOT, capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, result.stderr


def build(out: Path, only: Collection[str] = ()) -> float:
    """A Zensical build of each language's project (of those in ``only``, if given); the seconds it took."""
    assert ZENSICAL.is_file(), "zensical is pinned in requirements.txt: `make test` installs it"
    took = 0.0
    for project in sorted(p for p in out.iterdir() if (p / "mkdocs.yml").is_file() and (not only or p.name in only)):
        start = time.monotonic()
        built = subprocess.run([str(ZENSICAL), "build"], cwd=project, capture_output=True, text=True, check=False)
        took += time.monotonic() - start
        assert built.returncode == 0, built.stdout + built.stderr
    return took


def compare(mkdocs_site: Path, out: Path) -> tuple[list[str], list[str], int]:
    """(pages missing from Zensical's output, provisions whose text differs, provisions compared)."""
    guideline = load(ROOT, drafts=True, today=date.fromisoformat(BUILD_DATE))  # every id, a draft's new ones too
    ids = {pid for edition in guideline.editions for pid in edition.provisions}
    missing, differing, compared = [], [], 0
    for url in page_urls(mkdocs_site):
        theirs = zensical_page(out, url)
        if not theirs.is_file():
            missing.append(url)
            continue
        ours = provision_texts(mkdocs_site / url / "index.html", ids)
        other = provision_texts(theirs, ids)
        compared += len(ours)
        differing += [f"{url}#{pid}" for pid, text in ours.items() if other.get(pid) != text]
    return missing, differing, compared


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, float]:
    """`guideline render` of the published site, built with Zensical; the seconds the builds took."""
    out = tmp_path_factory.mktemp("zensical") / "render"
    render(out)
    return out, build(out)


def test_zensical_builds_every_page_with_the_same_provision_text(
    built_site: Path, zensical_site: tuple[Path, float]
) -> None:
    out, took = zensical_site
    missing, differing, compared = compare(built_site, out)
    pages = len(page_urls(built_site))
    print(f"Zensical: {took:.1f} s for both languages; {pages} pages and {compared} provision texts compared")
    assert pages > 50 and compared > 50  # both languages, /text/ and every edition's page
    assert missing == []
    assert differing == []


def test_with_drafts_too(built_drafts_site: Path, tmp_path: Path) -> None:
    """The site `make serve` and `make preview` show: the draft's full text and its 新旧対照表 as well."""
    site = built_drafts_site
    out = tmp_path / "render"
    render(out, "--drafts")
    build(out)
    missing, differing, compared = compare(site, out)
    assert any(url.endswith("/compare/") for url in page_urls(site))
    assert compared > 100
    assert missing == []
    assert differing == []


def test_the_comparison_fails_when_the_plan_drops_a_page_or_a_text_differs(
    built_site: Path, zensical_site: tuple[Path, float], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check above can fail: the plan leaves out the Japanese /text/, and one provision is reworded on the
    Japanese page of edition 1. Only the Japanese project is built again: the English one renders as before."""
    planned = plan.plan

    def without_text(guideline: Guideline, lang: str, stale: Collection[str] = ()) -> list[plan.Page]:
        return [p for p in planned(guideline, lang, stale) if not (lang == DEFAULT_LANG and p.doc == pages.TEXT)]

    monkeypatch.setattr(plan, "plan", without_text)
    monkeypatch.setenv("GUIDELINE_BUILD_DATE", BUILD_DATE)
    monkeypatch.chdir(ROOT)
    out = tmp_path / "render"
    assert cli.main(["render", "--out", str(out)]) == 0
    before, _ = zensical_site
    english = [p.relative_to(out) for p in (out / "en").rglob("*") if p.is_file()]
    assert english and all((out / p).read_bytes() == (before / p).read_bytes() for p in english)
    shutil.copytree(before / "en" / "site", out / "en" / "site")
    edition = out / "ja" / "docs" / "editions" / "1" / "index.md"
    wording = edition.read_text(encoding="utf-8")
    assert "ネットワーク上" in wording
    edition.write_text(wording.replace("ネットワーク上", "ネット上", 1), encoding="utf-8")
    build(out, only=["ja"])
    missing, differing, _ = compare(built_site, out)
    assert missing == ["text/"]
    assert differing and all(found.startswith("editions/1/#") for found in differing)

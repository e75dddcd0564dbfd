"""tools/sitecheck.py: links, anchors and external references in a built site, on small hand-made sites
and on the real one (built for real, Material's defaults included)."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from conftest import Site

from tools import sitecheck

SITE_URL = "http://intranet.example/guidelines/hanibon/"
FIRST_SCRIPT = "__md_scope=1"
CSP = f"default-src 'self'; script-src 'self' '{sitecheck.csp_hash(FIRST_SCRIPT)}'; style-src 'self'"

PAGES = {
    "index.html": f"""\
        <!doctype html><html><head>
        <link rel="stylesheet" href="assets/site.css">
        <link rel="canonical" href="{SITE_URL}">
        <script>{FIRST_SCRIPT}</script>
        <script id="__config" type="application/json">{{"base": "https://not-a-request.example/"}}</script>
        </head><body>
        <a href="text/#intro">full text</a> <a href="#top" id="top">top</a>
        <a href="https://www.soumu.go.jp/">a law</a>
        <svg xmlns="http://www.w3.org/2000/svg"></svg>
        <script src="assets/site.js"></script>
        </body></html>""",
    "text/index.html": '<h1 id="intro">全文</h1><a href="../">home</a><img src="../assets/logo.png" alt="">',
    "404.html": '<link rel="stylesheet" href="/guidelines/hanibon/assets/site.css"><a href="/guidelines/hanibon/">home</a>',
    "assets/site.css": "/* see https://fontawesome.com/license */ body { background: url('logo.png') }",
    "assets/site.js": '// from https://example.com/snippet\nvar ns = "http://www.w3.org/2000/svg";',
    "assets/logo.png": "",
}


def make_site(root: Path, additions: dict[str, str] | None = None) -> Path:
    """The clean site in ``root``, with ``additions`` appended to (or written as) the files they name."""
    additions = additions or {}
    for relative in {**PAGES, **additions}:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(PAGES.get(relative, "")) + "\n" + additions.get(relative, ""), encoding="utf-8")
    return root


def messages(report: sitecheck.Report) -> list[str]:
    return [f"{p.path}: {p.message}" for p in report.problems]


def test_a_clean_site_has_no_problems_and_lists_its_outbound_links(tmp_path: Path) -> None:
    report = sitecheck.check(make_site(tmp_path), SITE_URL)
    assert messages(report) == []
    assert [ref.url for ref in report.outbound] == ["https://www.soumu.go.jp/"]
    assert list(report.inline_scripts) == [sitecheck.csp_hash(FIRST_SCRIPT)]
    assert sitecheck.check_csp(report, CSP) == []


BROKEN = [
    pytest.param(
        {"text/index.html": '<a href="../checklist/">x</a>'},
        r"text/index.html: '../checklist/' points to checklist/, which is not in the site",
        id="missing-page",
    ),
    pytest.param(
        {"text/index.html": '<a href="../text/#nowhere">x</a>'},
        r"text/index.html: '../text/#nowhere': no element with id 'nowhere' in text/index.html",
        id="missing-anchor",
    ),
    pytest.param(
        {"text/index.html": '<button class="copy-link" data-href="./" data-pinned="../editions/9/#x">c</button>'},
        r"text/index.html: '../editions/9/#x' points to editions/9/, which is not in the site",
        id="copied-link",
    ),
    pytest.param(
        {"text/index.html": '<a href="/text/">x</a>'},
        r"text/index.html: '/text/' leads to /text/, outside the site's path /guidelines/hanibon/",
        id="root-path-under-sub-path",
    ),
    pytest.param(
        {"404.html": '<link rel="stylesheet" href="assets/site.css">'},
        r"404.html: relative reference 'assets/site.css' on the 404 page",
        id="relative-404",
    ),
    pytest.param(
        {"text/index.html": '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'},
        r"loads https://fonts.googleapis.com/css\?family=Roboto from outside the site",
        id="web-font",
    ),
    pytest.param(
        {"text/index.html": '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>'},
        r"loads https://fonts.gstatic.com from outside",
        id="preconnect",
    ),
    pytest.param(
        {"text/index.html": '<script src="https://unpkg.com/iframe-worker/shim"></script>'},
        r"loads https://unpkg.com/iframe-worker/shim from outside",
        id="cdn-script",
    ),
    pytest.param(
        {"text/index.html": '<img srcset="../assets/logo.png 1x, //cdn.example/logo@2x.png 2x">'},
        r"loads //cdn.example/logo@2x.png from outside",
        id="srcset",
    ),
    pytest.param(
        {"assets/site.css": '@import "https://cdn.example/x.css";'},
        r"assets/site.css: loads https://cdn.example/x.css from outside",
        id="css-import",
    ),
    pytest.param(
        {"assets/site.css": "b { background: url(//cdn.example/b.png) }"},
        r"assets/site.css: loads //cdn.example/b.png from outside",
        id="css-url",
    ),
    pytest.param(
        {"assets/site.js": 'fetch("https://stats.example/hit?p=" + location)'},
        r"assets/site.js: script refers to https://stats.example/hit\?p= outside",
        id="js-fetch",
    ),
    pytest.param(
        {
            "text/index.html": '<script>var t=document.createElement("script");t.src="https://www.googletagmanager.com/gtag/js?id=G-1"</script>'
        },
        r"text/index.html: script refers to https://www.googletagmanager.com/gtag/js\?id=G-1 outside",
        id="analytics",
    ),
    pytest.param(
        {"text/index.html": '<div style="background:url(https://cdn.example/bg.png)"></div>'},
        r"loads https://cdn.example/bg.png from outside",
        id="style-attribute",
    ),
    pytest.param(
        {"assets/site.js": 'var m = "https://unpkg.com/mermaid@11/dist/mermaid.min.js";'},
        r"assets/site.js: script refers to https://unpkg.com/mermaid",
        id="dormant-only-in-material",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), BROKEN)
def test_each_broken_or_external_reference_is_reported(tmp_path: Path, changes: dict[str, str], expected: str) -> None:
    found = messages(sitecheck.check(make_site(tmp_path, changes), SITE_URL))
    assert len(found) == 1 and re.search(expected, found[0]), found


def test_a_reference_reports_its_line(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"text/index.html": "<p>\n\n<a href='../missing/'>x</a>"})
    assert [(p.path, p.line) for p in sitecheck.check(site, SITE_URL).problems] == [("text/index.html", 4)]


def test_materials_dormant_code_paths_wake_up_with_the_page_that_needs_them(tmp_path: Path) -> None:
    bundle = {
        "assets/javascripts/bundle.0123abcd.min.js": 'function as(){return _t("https://unpkg.com/mermaid@11/dist/mermaid.min.js")}'
    }
    assert sitecheck.check(make_site(tmp_path, bundle), SITE_URL).ok
    with_diagram = {**bundle, "text/index.html": '<pre class="mermaid">graph LR; a-->b</pre>'}
    found = messages(sitecheck.check(make_site(tmp_path, with_diagram), SITE_URL))
    assert len(found) == 1 and "Mermaid only for a page with a diagram, and a page does" in found[0]


def test_the_csp_check_names_what_the_policy_would_block(tmp_path: Path) -> None:
    site = make_site(tmp_path, {"text/index.html": '<script>other()</script><p style="color:red" onclick="x()">x</p>'})
    blocked = [p.message for p in sitecheck.check_csp(sitecheck.check(site, SITE_URL), CSP)]
    assert sorted(blocked) == [
        "event handler attribute onclick is blocked by the CSP",
        f"inline script '{sitecheck.csp_hash('other()')}' (in 1 page(s)) is not allowed by script-src",
        "inline style is blocked by style-src",
    ]
    assert (
        sitecheck.check_csp(sitecheck.check(site, SITE_URL), "script-src 'unsafe-inline'; style-src 'unsafe-inline'")
        == []
    )


def test_the_command_line_fails_on_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = make_site(tmp_path, {"text/index.html": '<a href="../nowhere/">x</a>'})
    assert sitecheck.main([str(site), "--site-url", SITE_URL]) == 1
    assert "text/index.html:2: error: '../nowhere/' points to nowhere/" in capsys.readouterr().err
    make_site(tmp_path)
    assert sitecheck.main([str(site), "--site-url", SITE_URL, "--csp", CSP]) == 0


def test_the_real_site_is_self_contained_with_every_link_and_anchor_resolving(built_site: Path) -> None:
    report = sitecheck.check(built_site, "http://127.0.0.1:8000/")
    assert report.problems == []
    pages = len(list(built_site.rglob("*.html")))
    # Material's bootstrap scripts: one text on every page, thanks to extra.scope (hooks/publishing.py).
    assert any(len(places) == pages for places in report.inline_scripts.values())


def test_the_scanner_catches_materials_default_web_fonts(tiny_site: Site) -> None:
    """The real mkdocs.yml without ``font: false``: Material links Google Fonts, and the scan says so."""
    config = tiny_site.root / "mkdocs.yml"
    config.write_text(re.sub(r"\n  font: false[^\n]*", "", config.read_text(encoding="utf-8")), encoding="utf-8")
    result = tiny_site.build()
    assert result.returncode == 0, result.stderr
    found = messages(sitecheck.check(tiny_site.root / "site", "http://127.0.0.1:8000/"))
    assert any("loads https://fonts.googleapis.com/css?family=" in m for m in found), found
    assert any("loads https://fonts.gstatic.com from outside" in m for m in found), found

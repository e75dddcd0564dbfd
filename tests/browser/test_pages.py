"""Every kind of page, in both languages, as Chromium loads it: no console error, no request off the
site, and a keyboard path through the site. (axe at WCAG 2.2 AA on every page: test_readers.py.)"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .harness import ROOT, PageType, Visit, open_search, page_types, search

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_JA = ROOT / "node_modules" / "axe-core" / "locales" / "ja.json"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def load(visit: Visit, page_type: PageType, wait_until: str = "load") -> Page:
    page = visit.page()
    response = page.goto(page_type.path, wait_until=wait_until)  # type: ignore[arg-type]
    assert response is not None and response.status == page_type.status, page_type.path
    return page


def test_page_loads_without_console_errors(visit: Visit, page_type: PageType) -> None:
    page = load(visit, page_type, wait_until="networkidle")
    expect(page.locator("html")).to_have_attribute("lang", "en" if page_type.lang == "en" else "ja")
    expect(page.locator("article h1").first).to_be_visible()
    open_search(page)  # the search worker and its index load without error too
    assert visit.errors == []
    assert visit.foreign_requests() == []


def test_no_request_leaves_the_site(visit: Visit, site: Path) -> None:
    """Every kind of page, searched and printed, in one browser: every request stays on the site."""
    page = visit.page()
    for page_type in page_types(site):
        page.goto(page_type.path)  # each kind also waits for the network to settle in the test above
    open_search(page)
    search(page, "噂")
    page.emulate_media(media="print")
    page.wait_for_load_state("networkidle")
    assert visit.requests, "the request log is empty: requests are not being recorded"
    # The index of the last page's language is fetched by the search worker: its requests are recorded too.
    assert any(re.search(r"/search/index\.[a-z]+\.json$", url) for url in visit.requests), (
        "the search worker's requests"
    )
    assert visit.foreign_requests() == []


def test_a_request_off_the_site_is_caught(visit: Visit) -> None:
    """The recorder sees what a page would fetch from elsewhere (and the route stops it)."""
    page = visit.page()
    page.goto("/")
    page.evaluate("fetch('https://unpkg.com/x.js').catch(() => null)")
    page.evaluate(
        "document.head.append(Object.assign(document.createElement('link'), {rel: 'stylesheet', href: 'https://fonts.googleapis.com/css'}))"
    )
    page.wait_for_timeout(300)
    assert visit.foreign_requests() == ["https://unpkg.com/x.js", "https://fonts.googleapis.com/css"]


def axe_violations(page: Page, context: str = "document") -> list[str]:
    assert AXE.is_file(), "axe-core is not installed: run `npm ci` (`make test` does)"
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(
        """async ([locale, tags, context]) => {
            axe.configure({ locale: JSON.parse(locale) });
            const result = await axe.run(context === "document" ? document : document.querySelector(context),
                                         { runOnly: { type: "tag", values: tags } });
            return result.violations.map(v => `${v.id} (${v.impact}): ${v.help}\\n    ` +
                v.nodes.slice(0, 5).map(n => `${n.target.join(" ")}: ${n.failureSummary.replace(/\\s+/g, " ")}`)
                    .join("\\n    "));
        }""",
        [AXE_JA.read_text(encoding="utf-8"), WCAG_22_AA, context],
    )
    return list(violations)


def test_axe_reports_in_japanese(visit: Visit) -> None:
    """The locale really is applied: a page with a known violation is described in Japanese."""
    page = visit.page()
    page.goto("/")
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    violations = axe_violations(page, "article")
    assert any(v.startswith("image-alt") and "代替テキスト" in v for v in violations), violations


def test_search_results_have_no_axe_violation(visit: Visit) -> None:
    page = visit.page()
    page.goto("/clauses/rumors/")
    open_search(page)
    assert search(page, "写真に子どもが写っている")
    violations = axe_violations(page, ".md-search")
    assert not violations, "\n".join(violations)


def focused(page: Page, selector: str) -> bool:
    return bool(page.evaluate("selector => document.activeElement.matches(selector)", selector))


def test_keyboard_reaches_content_and_navigation(visit: Visit) -> None:
    page = visit.page()
    page.goto("/")
    page.keyboard.press("Tab")
    skip = page.locator("a.md-skip")
    assert focused(page, "a.md-skip"), "the first Tab does not land on the skip link"
    expect(skip).to_be_visible()
    target = skip.get_attribute("href") or ""
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))  # the jump to the anchor lands a moment later
    assert page.locator(f"article [id='{target[1:]}']").count() == 1
    # Forward through header and navigation to the full text, and follow it.
    nav_link = "nav.md-nav--primary a.md-nav__link[href$='text/']"
    page.goto("/")
    for _ in range(60):
        page.keyboard.press("Tab")
        if focused(page, nav_link):
            break
    else:
        pytest.fail("the navigation link to the full text cannot be reached with Tab")
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none", "no focus indicator"
    page.keyboard.press("Enter")
    page.wait_for_url("**/text/")
    expect(page.locator("article h1").first).to_contain_text("本庄市職員の")

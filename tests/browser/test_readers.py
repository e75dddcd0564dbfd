"""Readers with other needs, on every kind of page in both languages (issue 17): axe at WCAG 2.2 AA plus
best practice in the light and the dark scheme on a desktop and a phone; form controls that all have a
name and ids that are unique; forced colours that still show where a link landed; the checklist by
keyboard alone.

Each page is loaded once and seen in all four ways (scheme and viewport change in place), so the
suite stays quick as pages are added.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .harness import PageType, Visit, page_types
from .test_pages import AXE, AXE_JA, WCAG_22_AA, load
from .test_print import WHITE, print_to_pdf

# What the colour scheme changes: the dark scheme is checked for these; everything else does not depend on it.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]
DESKTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def axe(page: Page, tags: list[str] = WCAG_22_AA, rules: list[str] | None = None) -> list[str]:
    """axe-core's violations on the page as it is now (of ``rules`` only, if given), one line each."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
        page.evaluate("locale => axe.configure({ locale: JSON.parse(locale) })", AXE_JA.read_text(encoding="utf-8"))
    violations = page.evaluate(
        """async ([tags, rules]) => {
            const only = rules ? { type: "rule", values: rules } : { type: "tag", values: tags };
            const result = await axe.run(document, { runOnly: only, resultTypes: ["violations"] });
            return result.violations
                .filter(v => !rules || v.tags.some(t => tags.includes(t)))
                .map(v => `${v.id} (${v.impact}): ${v.help}\\n    ` +
                    v.nodes.slice(0, 5).map(n => `${n.target.join(" ")}: ${n.failureSummary.replace(/\\s+/g, " ")}`)
                        .join("\\n    "));
        }""",
        [tags, rules],
    )
    return list(violations)


def see(page: Page, scheme: str, viewport: dict[str, int]) -> None:
    """Switch the system's colour scheme and the window size, and wait until Material has followed."""
    if not page.evaluate("!!document.getElementById('test-no-transitions')"):
        # Material fades colours in over 250 ms; axe would measure a colour halfway through.
        page.add_style_tag(content="*, *::before, *::after { transition: none !important; }")
        page.evaluate("document.querySelector('style:last-of-type').id = 'test-no-transitions'")
    page.set_viewport_size(viewport)  # type: ignore[arg-type]
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    material = "slate" if scheme == "dark" else "default"
    page.wait_for_function("s => document.body.getAttribute('data-md-color-scheme') === s", arg=material)


NAMES_AND_IDS = r"""() => {
    const problems = [];
    const seen = new Map();
    for (const el of document.querySelectorAll("[id]")) seen.set(el.id, (seen.get(el.id) || 0) + 1);
    for (const [id, n] of seen) if (n > 1) problems.push(`id "${id}" is used ${n} times`);
    const controls = document.querySelectorAll(
        "input:not([type=hidden]), select, textarea, button, [role=checkbox], [role=radio], [role=switch]");
    for (const el of controls) {
        // Not rendered, so no one meets it (Material's state checkboxes are display: none)
        if (el.closest("[aria-hidden=true]") || !el.checkVisibility({ visibilityProperty: true })) continue;
        const labelled = (el.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean)
            .map(id => document.getElementById(id)?.textContent.trim() || "").join(" ");
        const labels = [...(el.labels || [])].map(l => l.textContent.trim()).join(" ");
        const name = (el.getAttribute("aria-label") || "").trim() || labelled || labels
            || (el.tagName === "BUTTON" ? el.textContent.trim() : "") || (el.getAttribute("title") || "").trim();
        if (!name) problems.push(`${el.outerHTML.slice(0, 120)} has no accessible name`);
    }
    return problems;
}"""


def test_every_page_meets_wcag_22_aa_in_both_schemes_on_desktop_and_phone(visit: Visit, page_type: PageType) -> None:
    """axe (WCAG 2.2 AA and best practice) in the light scheme on a desktop and a phone, its colour rules
    in the dark scheme on both; and, which axe only asks to review, every form control has a name and
    every id is unique (a checkbox whose label points at a heading of the same id has no name)."""
    page = load(visit, page_type)
    found = []
    for scheme, viewport, rules in [
        ("light", DESKTOP, None),
        ("dark", DESKTOP, COLOUR_RULES),
        ("dark", PHONE, COLOUR_RULES),
        ("light", PHONE, None),
    ]:
        see(page, scheme, viewport)
        found += [f"[{scheme}, {viewport['width']}px] {v}" for v in axe(page, rules=rules)]
    found += page.evaluate(NAMES_AND_IDS)
    assert not found, "\n".join(found)


def test_the_dark_schemes_colour_check_sees_a_colour_that_fails(visit: Visit) -> None:
    """The dark passes run only the colour rules: they still find text too dark on the slate background."""
    page = visit.page()
    page.goto("/")
    see(page, "dark", DESKTOP)
    page.evaluate(
        "document.querySelector('article').insertAdjacentHTML('beforeend', '<p style=\"color:#333\">暗い文字</p>')"
    )
    assert any(v.startswith("color-contrast ") for v in axe(page, rules=COLOUR_RULES))


def _pixels(page: Page, x: float, y: float, width: float, height: float) -> list[tuple[int, int, int]]:
    """The colours of a screen area, as Chromium shows it (decoded by Chromium too: no image library)."""
    clip = {"x": max(x, 0), "y": max(y, 0), "width": width, "height": height}
    png = base64.b64encode(page.screenshot(clip=clip)).decode("ascii")  # type: ignore[arg-type]
    decoder = page.context.new_page()
    try:
        data: list[int] = decoder.evaluate(
            """async png => {
                const image = new Image();
                image.src = "data:image/png;base64," + png;
                await image.decode();
                const canvas = new OffscreenCanvas(image.width, image.height);
                const context = canvas.getContext("2d");
                context.drawImage(image, 0, 0);
                return Array.from(context.getImageData(0, 0, image.width, image.height).data);
            }""",
            png,
        )
    finally:
        decoder.close()
    return [(data[i], data[i + 1], data[i + 2]) for i in range(0, len(data), 4)]


def _marked(page: Page, selector: str, side: str) -> float:
    """The share of a band along the element's ``side`` edge that is not the page's background: 6 pixels
    outside it (an outline) and, on the left, its 3-pixel border too."""
    element = page.locator(selector).first
    element.scroll_into_view_if_needed()
    box = element.bounding_box()
    assert box is not None
    background = _pixels(page, 2, box["y"], 1, 1)[0]  # the page's margin, left of everything
    x, width = (box["x"] - 6, 9) if side == "left" else (box["x"] + box["width"], 6)
    band = _pixels(page, x, box["y"] + 4, width, min(box["height"], 100) - 8)
    return sum(pixel != background for pixel in band) / len(band)


def test_forced_colours_show_where_a_provision_link_landed(visit: Visit, site: Path) -> None:
    """In Windows high contrast, backgrounds are dropped: the target keeps an outline, the others no bar."""
    page = visit.page()
    page.emulate_media(forced_colors="active")
    page.goto("/text/#accuracy")
    page.wait_for_function("document.querySelector(':target')?.id === 'accuracy'")
    assert _marked(page, "#accuracy", "right") > 0.3, "the target has no visible outline in forced colours"
    assert _marked(page, "#accuracy ~ .provision", "left") == 0, "a provision that is not the target shows a bar"
    page.goto("/text/")  # no target: no provision shows a bar where its transparent border is
    page.wait_for_function("!document.querySelector(':target')")
    assert _marked(page, "#accuracy", "left") == 0, "a provision shows a bar in forced colours"
    assert _marked(page, "#accuracy", "right") == 0
    current = page.locator("nav.md-nav--primary .md-nav__link--active").first
    expect(current).to_have_css("font-weight", "700")
    assert "underline" in current.evaluate("el => getComputedStyle(el).textDecorationLine")
    # A verdict keeps a frame (its coloured background is gone); a revision keeps its 傍線.
    page.goto("/clauses/rumors/")
    expect(page.locator(".verdict").first).to_have_css("border-top-style", "solid")
    compare = next((t.path for t in page_types(site) if t.kind == "editions/*/compare"), None)
    if compare:
        page.goto(compare)
        change = page.locator(".compare-change").first
        assert "underline" in change.evaluate("el => getComputedStyle(el).textDecorationLine")


def test_checklist_by_keyboard_alone(visit: Visit) -> None:
    """Tab from the top reaches every question in order; Space ticks it; its label names it."""
    page = visit.page()
    page.goto("/checklist/")
    boxes = page.locator("ul.checklist input[type=checkbox]")
    count = boxes.count()
    assert count > 5
    names = [boxes.nth(i).evaluate("el => el.labels[0]?.textContent.trim()") for i in range(count)]
    assert all(names), names
    page.keyboard.press("Tab")
    reached = []
    for _ in range(400):
        page.keyboard.press("Tab")
        active = page.evaluate("document.activeElement.matches('ul.checklist input') && document.activeElement.id")
        if active:
            reached.append(active)
            expect(page.locator(f"[id='{active}']")).not_to_be_checked()
            page.keyboard.press("Space")
            expect(page.locator(f"[id='{active}']")).to_be_checked()
            assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        if len(reached) == count:
            break
    assert reached == [boxes.nth(i).get_attribute("id") for i in range(count)]
    # Clicking the question itself ticks its box, the first chapter's included.
    page.reload()
    page.locator("label[for='check-purpose']").click()
    expect(page.locator("#check-purpose")).to_be_checked()


def test_copy_message_leaves_and_keeps_its_words_whole(visit: Visit) -> None:
    """「リンクをコピーしました」 is one line on a phone and a desktop, and goes away by itself."""
    page = visit.page()
    page.clock.install()
    page.goto("/text/")
    status = page.locator("#copy-link-status")
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)  # type: ignore[arg-type]
        page.locator(".copy-link").first.click()
        expect(status).to_have_text("リンクをコピーしました")
        lines = status.evaluate(
            "el => { const r = document.createRange(); r.selectNodeContents(el); return r.getClientRects().length; }"
        )
        assert lines == 1, f"the message wraps at {viewport['width']} px"
        page.clock.run_for(5000)
        expect(status).to_be_hidden()


def _lowest_ink(pixels: tuple[int, int, bytes]) -> float:
    """How far down the page the print reaches, as a share of its height."""
    width, height, grey = pixels
    rows = [y for y in range(height) if min(grey[y * width : (y + 1) * width]) <= WHITE]
    return rows[-1] / height if rows else 0.0


def test_printed_pages_are_full_but_the_last(visit: Visit, tmp_path: Path, page_type: PageType) -> None:
    """A commentary's examples flow from page to page and a 新旧対照表 starts on its first page: no page
    but the last ends before two thirds of its height (one example per half-empty page, before)."""
    if page_type.lang != "ja" or page_type.kind not in ("clauses/*", "editions/*/compare"):
        pytest.skip("printed in Japanese, for the page kinds that once printed half-empty pages")
    path = "/clauses/rumors/" if page_type.kind == "clauses/*" else page_type.path  # the one with most examples
    page = visit.page()
    printed = print_to_pdf(page, path, tmp_path / "printed.pdf")
    reach = [round(_lowest_ink(pixels), 2) for pixels in printed.pixels]
    assert printed.pages >= 2 and all(r > 2 / 3 for r in reach[:-1]), f"{path}: print reaches {reach} of each page"


def test_print_shows_neither_glossary_underlines_nor_the_dark_scheme(visit: Visit) -> None:
    page = visit.page()
    page.emulate_media(color_scheme="dark")
    page.goto("/clauses/rumors/")
    term = page.locator("article a.glossary-term").first
    expect(term).to_have_css("text-decoration-line", "underline")
    page.emulate_media(media="print", color_scheme="dark")
    expect(term).to_have_css("text-decoration-line", "none")
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")


def test_japanese_lines_break_as_japanese_typesetting_asks(visit: Visit) -> None:
    """No line starts with ー or a small kana; headings and navigation break between phrases; the home
    page's wrapped source lines leave no space in the text."""
    page = visit.page()
    page.goto("/")
    starts = page.evaluate(
        """() => {
            const p = document.createElement("p");
            p.textContent = "ツイッターネットワークでフォローするチェックリスト";
            p.style.cssText = "font-size: 16px; letter-spacing: 0";
            document.querySelector("article").append(p);
            const starts = [];
            for (let width = 3; width <= 12; width++) {  // every width from 3 to 12 characters
                p.style.width = width * 16 + "px";
                const node = p.firstChild;
                let top = null;
                for (let i = 0; i < node.length; i++) {
                    const range = document.createRange();
                    range.setStart(node, i);
                    range.setEnd(node, i + 1);
                    const y = range.getBoundingClientRect().top;
                    if (top !== null && y > top + 1) starts.push(node.data[i]);
                    top = y;
                }
            }
            p.remove();
            return starts;
        }"""
    )
    assert starts and not set(starts) & set("ーッャュョァィゥェォ"), f"lines start with {sorted(set(starts))}"
    for selector in ("article h1", "nav.md-nav--primary .md-nav__link"):
        assert page.locator(selector).first.evaluate("el => getComputedStyle(el).wordBreak") == "auto-phrase"
    text = page.locator("article p").first.inner_text()
    assert "と、その逐条解説" in text and not re.search(r"[\u3000-\u9fff] [\u3000-\u9fff]", text), text


def test_content_comes_before_the_page_contents_and_closed_search_has_no_tab_stop(visit: Visit) -> None:
    page = visit.page()
    page.goto("/clauses/rumors/")
    order = page.evaluate(
        "() => document.querySelector('article').compareDocumentPosition(document.querySelector('.md-sidebar--secondary'))"
    )
    assert order & 4, "the right-hand contents come before the content in the document (and in tab order)"
    toc = page.locator(".md-sidebar--secondary").bounding_box()
    article = page.locator("article").bounding_box()
    assert toc is not None and article is not None and toc["x"] > article["x"] + article["width"] - 1, (
        "not on the right"
    )
    results = page.locator(".md-search__scrollwrap")
    assert not results.evaluate("el => el.checkVisibility({ visibilityProperty: true })"), "a hidden tab stop"
    page.keyboard.press("/")
    expect(results).to_be_visible()


@pytest.mark.parametrize("path", ["/editions/", "/en/editions/"])
def test_revision_history_shows_every_column_on_a_phone(visit: Visit, path: str) -> None:
    """On a phone (390 px) no column of the 改正履歴 is scrolled out of view, and each edition's name is a link."""
    page = visit.page()
    page.set_viewport_size(PHONE)  # type: ignore[arg-type]
    page.goto(path)
    table = page.locator("article table").first
    hidden = table.evaluate(
        "t => { const box = t.closest('.md-typeset__scrollwrap'); return box.scrollWidth - box.clientWidth; }"
    )
    assert hidden <= 0, f"{hidden}px of the table are scrolled out of view"
    names = page.locator("article table tbody tr td:first-child a")
    assert names.count() >= 1 and names.first.get_attribute("href"), "the edition's name is not a link"

"""A link to a provision opens on it and marks it, in either language and across a language switch."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from .harness import Visit

SHOWN_AND_MARKED = """id => {
    const target = document.querySelector(":target");
    const element = document.getElementById(id);
    const header = document.querySelector(".md-header").getBoundingClientRect();
    const box = element.getBoundingClientRect();
    const other = [...document.querySelectorAll(".provision, .provision-heading, [id]")]
        .find(e => e !== element && !element.contains(e) && !e.contains(element) && e.tagName === element.tagName);
    return {
        target: target && target.id,
        top: box.top, bottom: box.bottom, headerBottom: header.bottom, viewport: innerHeight,
        background: getComputedStyle(element).backgroundColor,
        otherBackground: other ? getComputedStyle(other).backgroundColor : null,
    };
}"""


def assert_opens_on(page: Page, anchor: str) -> None:
    state = page.evaluate(SHOWN_AND_MARKED, anchor)
    assert state["target"] == anchor, f":target is {state['target']!r}, expected {anchor!r}"
    assert state["headerBottom"] <= state["top"] < state["viewport"], (
        f"#{anchor} is not in view below the header: {state}"
    )
    assert state["background"] != state["otherBackground"], f"#{anchor} is not marked: {state}"


@pytest.mark.parametrize("path", ["/text/#accuracy", "/en/text/#accuracy", "/text/#disrespect", "/text/#principles"])
def test_link_to_a_provision_opens_on_it(visit: Visit, path: str) -> None:
    page = visit.page()
    page.goto(path)
    assert_opens_on(page, path.split("#")[1])


def test_link_to_a_question_opens_on_it(visit: Visit) -> None:
    page = visit.page()
    page.goto("/clauses/rumors/")
    anchor = page.locator("article h3.faq-question").first.get_attribute("id")
    assert anchor
    page.goto(f"/clauses/rumors/#{anchor}")
    state = page.evaluate(SHOWN_AND_MARKED, anchor)
    assert state["target"] == anchor
    assert state["headerBottom"] <= state["top"] < state["viewport"], state


def switch_language(page: Page, name: str) -> None:
    """Material's language selector in the header: point at it, choose the language."""
    page.locator(".md-header .md-select").hover()
    link = page.locator(".md-header .md-select a.md-select__link", has_text=name)
    expect(link).to_be_visible()
    link.click()
    page.wait_for_load_state()


def test_language_switch_keeps_the_provision(visit: Visit) -> None:
    page = visit.page()
    page.goto("/text/#accuracy")
    assert_opens_on(page, "accuracy")
    switch_language(page, "English")
    assert page.url.endswith("/en/text/#accuracy"), page.url
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert_opens_on(page, "accuracy")
    switch_language(page, "日本語")
    assert page.url.endswith("/text/#accuracy") and "/en/" not in page.url, page.url
    assert_opens_on(page, "accuracy")
    assert visit.errors == []


def test_language_switch_by_keyboard(visit: Visit) -> None:
    page = visit.page()
    page.goto("/clauses/rumors/")
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.md-select__link[hreflang=en]')"):
            break
    else:
        pytest.fail("the language selector cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/clauses/rumors/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

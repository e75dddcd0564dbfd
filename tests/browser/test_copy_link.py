"""Copy link: what lands in the clipboard, by mouse and by keyboard, with and without the Clipboard API.

The intranet is plain http, where browsers give pages no navigator.clipboard (it needs a secure
context); 127.0.0.1 counts as secure, so the plain-http case is made by deleting the API before
the page's scripts run. guideline.js then copies with a selected textarea and execCommand("copy"),
which fires the document's 'copy' event: the test reads the selection there, as the browser copies it.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from .harness import Visit, visiting

PLAIN_HTTP = """
delete Navigator.prototype.clipboard;
window.__copied = [];
document.addEventListener("copy", () => {
    const element = document.activeElement;
    const text = element && "selectionStart" in element && element.value !== undefined
        ? element.value.slice(element.selectionStart, element.selectionEnd)
        : String(document.getSelection());
    window.__copied.push(text);
}, true);
"""

MESSAGES = {"ja": "リンクをコピーしました", "en": "Link copied"}


@pytest.fixture(scope="module", params=["clipboard-api", "plain-http"])
def copy_context(request: pytest.FixtureRequest, browser: Browser, base_url: str) -> Iterator[tuple[Visit, str]]:
    with visiting(browser, base_url) as visit:
        if request.param == "clipboard-api":
            visit.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=visit.origin)
        else:
            visit.context.add_init_script(PLAIN_HTTP)
        yield visit, request.param


@pytest.fixture
def copy_visit(copy_context: tuple[Visit, str]) -> tuple[Visit, str]:
    """A visit with the Clipboard API granted, or without it (plain http); and which of the two."""
    copy_context[0].reset()
    return copy_context


def empty_clipboard(page: Page, mode: str) -> None:
    """The clipboard outlives a test in the module's context: emptied, so that a copy that fails is seen."""
    if mode == "clipboard-api":
        page.evaluate("navigator.clipboard.writeText('')")


def copied_text(page: Page, mode: str) -> str:
    if mode == "clipboard-api":
        return str(page.evaluate("navigator.clipboard.readText()"))
    page.wait_for_function("window.__copied.length > 0")
    copies = page.evaluate("window.__copied")
    assert len(copies) == 1, copies
    return str(copies[0])


def activate(page: Page, how: str, button_selector: str) -> None:
    if how == "mouse":
        page.locator(button_selector).click()
        return
    # Keyboard: a link to a provision puts the focus navigation start on it, so Tab walks its actions.
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", button_selector):
            break
    else:
        pytest.fail(f"Tab from the provision does not reach its copy button {button_selector}")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused copy button shows no focus indicator"
    page.keyboard.press(how)


def check_copied(page: Page, text: str, button: str, origin: str, commentary: str, anchor: str, number: str) -> None:
    """The citation, the provision's permanent address, and the address of the provision in this
    edition when the page shows one; each address opens on the provision."""
    citation = page.locator(button).get_attribute("data-citation") or ""
    lines = text.split("\n")
    assert lines[:2] == [citation, f"{origin}{commentary}"], lines
    assert len(lines) in (2, 3), lines
    addresses = [lines[1]]
    if len(lines) == 3:
        label, _, address = lines[2].partition("http")
        assert label == page.locator(button).get_attribute("data-pinned-label"), lines[2]
        assert address and f"#{anchor}" in address, lines[2]
        addresses.append("http" + address)
    for address in addresses:
        response = page.goto(address)
        assert response is not None and response.status == 200, address
        if "#" in address:
            assert page.evaluate("document.querySelector(':target')?.id") == anchor, address
        else:
            expect(page.locator("article h1").first).to_contain_text(number)


@pytest.mark.parametrize("how", ["mouse", "Enter", " "], ids=["mouse", "Enter", "Space"])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_copy_link_copies_citation_and_address(copy_visit: tuple[Visit, str], how: str, lang: str) -> None:
    visit, mode = copy_visit
    page = visit.page()
    prefix = "/en" if lang == "en" else ""
    page.goto(f"{prefix}/text/#accuracy")
    empty_clipboard(page, mode)
    button = "#accuracy .copy-link"
    citation = page.locator(button).get_attribute("data-citation") or ""
    title = page.locator("article h1").first.inner_text().strip()
    assert citation.startswith(title) and "3(4)" in citation, citation

    activate(page, how, button)

    expect(page.locator("#copy-link-status")).to_have_text(MESSAGES[lang])
    assert visit.dialogs == [], f"the fallback prompt was shown: {visit.dialogs}"
    check_copied(page, copied_text(page, mode), button, visit.origin, f"{prefix}/clauses/accuracy/", "accuracy", "3(4)")
    assert visit.errors == []


def test_copy_link_on_a_commentary_page(copy_visit: tuple[Visit, str]) -> None:
    visit, mode = copy_visit
    page = visit.page()
    page.goto("/clauses/rumors/")
    empty_clipboard(page, mode)
    button = ".provision-box .copy-link"
    page.locator(button).click()
    check_copied(page, copied_text(page, mode), button, visit.origin, "/clauses/rumors/", "rumors", "3(6)④")


@pytest.mark.parametrize(("lang", "words"), [("ja", "次のリンクをコピーしてください："), ("en", "Copy this link:")])
def test_when_the_browser_will_not_copy_the_text_is_offered_to_copy_by_hand(
    copy_visit: tuple[Visit, str], lang: str, words: str
) -> None:
    """The words of the prompt come from the catalogue of labels, in the page's language."""
    visit, _ = copy_visit
    page = visit.page()
    page.goto(("/en" if lang == "en" else "") + "/text/#accuracy")
    page.evaluate(
        "() => { Object.defineProperty(navigator, 'clipboard', { value: undefined }); document.execCommand = () => false; }"
    )
    page.locator("#accuracy .copy-link").click()
    page.wait_for_function("() => true")  # the click's handler has run; the dialog is recorded as it opens
    for _ in range(100):
        if visit.dialogs:
            break
        page.wait_for_timeout(20)
    assert visit.dialogs == [words]
    assert page.locator("#copy-link-status", has_text=MESSAGES[lang]).count() == 0  # not announced as copied

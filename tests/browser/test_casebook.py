"""事例集 in a real browser: the filters narrow the list by situation and verdict, by mouse and keyboard."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .harness import Visit
from .test_pages import axe_violations


def visible_verdicts(page: Page) -> set[str]:
    return set(page.eval_on_selector_all("li.case:not([hidden])", "items => items.map(i => i.dataset.verdict)"))


def visible_groups(page: Page) -> list[str]:
    return list(page.eval_on_selector_all("ul.cases:not([hidden])", "lists => lists.map(l => l.dataset.situation)"))


def test_filters_narrow_the_list_and_announce_the_count(visit: Visit) -> None:
    page = visit.page()
    page.goto("cases/")
    form = page.locator("#casebook-filters")
    expect(form).to_be_visible()  # revealed by the script; hidden in the HTML
    status = page.locator(".casebook-filters__status")
    total = page.eval_on_selector_all("li.case .case__title a", "links => new Set(links.map(a => a.href)).size")
    expect(status).to_have_text(f"{total}件の事例を表示しています。")
    page.get_by_label("NG", exact=True).check()
    assert visible_verdicts(page) == {"ng"}
    page.get_by_label("写真・画像（", exact=False).check()
    assert visible_groups(page) == ["photos"]
    assert visible_verdicts(page) == {"ng"}
    shown = page.eval_on_selector_all("li.case:not([hidden])", "items => items.length")
    expect(status).to_have_text(f"{shown}件の事例を表示しています。")
    assert 0 < shown < total
    page.get_by_role("button", name="選択を解除").click()
    expect(status).to_have_text(f"{total}件の事例を表示しています。")
    assert len(visible_groups(page)) >= 10
    assert visit.errors == []


def test_filters_work_from_the_keyboard(visit: Visit) -> None:
    page = visit.page()
    page.goto("cases/")
    box = page.get_by_label("要注意", exact=True)
    box.focus()
    page.keyboard.press("Space")
    expect(box).to_be_checked()
    assert visible_verdicts(page) == {"caution"}


def test_the_casebook_has_no_axe_violation_with_filters_shown(visit: Visit) -> None:
    page = visit.page()
    page.goto("en/cases/")
    page.get_by_label("NG", exact=True).check()
    assert axe_violations(page, "article") == []

"""投稿案チェック in Chromium: findings as the draft is typed, nothing sent anywhere, an honest empty state."""

from __future__ import annotations

from playwright.sync_api import expect

from .harness import Visit


def test_a_rumour_is_found_and_nothing_leaves_the_page(visit: Visit) -> None:
    page = visit.page()
    page.goto("/check/", wait_until="networkidle")
    before = len(visit.requests)
    result = page.locator("#postcheck-result")
    expect(result).to_have_attribute("aria-live", "polite")
    page.get_by_label("投稿案", exact=True).fill("駅前に大きなスーパーができるらしいよ！楽しみだね")
    finding = result.locator(".postcheck__finding").first
    expect(finding).to_contain_text("らしい")
    link = finding.get_by_role("link")
    expect(link).to_contain_text("噂")
    assert link.get_attribute("href") == "../clauses/rumors/"
    expect(result).to_contain_text("文字数")
    assert len(visit.requests) == before, visit.requests[before:]  # the draft is examined here, never sent
    assert visit.errors == []
    link.click()
    expect(page).to_have_url(visit.origin + "/clauses/rumors/")


def test_what_the_photo_shows_is_read_too(visit: Visit) -> None:
    page = visit.page()
    page.goto("/check/")
    page.get_by_label("投稿案", exact=True).fill("秋のウォーキング大会の受付が始まったよ")
    page.get_by_label("添付する写真・画像に写っているもの（任意）").fill("申込フォームの管理画面のスクリーンショット")
    expect(page.locator(".postcheck__finding").filter(has_text="セキュリティ")).to_have_count(1)


def test_no_finding_is_not_an_approval(visit: Visit) -> None:
    page = visit.page()
    page.goto("/check/")
    page.get_by_label("投稿案", exact=True).fill("今日はいいお天気だね。公園のお花がきれいに咲いているよ")
    result = page.locator("#postcheck-result")
    expect(result.locator(".postcheck__none")).to_contain_text("承認ではありません")
    expect(result.locator(".postcheck__checklist li")).not_to_have_count(0)
    expect(result.get_by_role("link", name="投稿前チェックリスト")).to_have_count(1)


def test_the_english_page_speaks_english(visit: Visit) -> None:
    page = visit.page()
    page.goto("/en/check/")
    page.get_by_label("Draft post", exact=True).fill("〇〇候補の演説会に応援に行ってきたよ")
    finding = page.locator(".postcheck__finding").first
    expect(finding).to_contain_text("Found: ")
    assert finding.get_by_role("link").get_attribute("href") == "../clauses/compliance/"


def test_a_draft_like_a_judged_case_is_shown_as_a_weaker_hint(visit: Visit) -> None:
    """No registered word, but the draft resembles a case judged to touch a provision: shown apart, with that case."""
    page = visit.page()
    page.goto("/check/")
    page.get_by_label("投稿案", exact=True).fill("草とかゴミは畑で燃やしちゃえば早いよ")
    result = page.locator("#postcheck-result")
    expect(result.locator(".postcheck__none")).to_contain_text("承認ではありません")  # no signal: still no approval
    similar = result.locator(".postcheck__similar li").first
    expect(result.locator("#postcheck-similar")).to_have_text("似ている事例があります")
    expect(similar).to_contain_text("似ている投稿案")
    expect(similar).to_contain_text("燃やしちゃえば")
    expect(result.locator("#postcheck-checklist")).to_be_visible()  # the checklist follows the resemblances
    links = similar.get_by_role("link")
    assert links.first.get_attribute("href") == "../clauses/illegal-acts/"
    assert visit.errors == []

"""Search as staff use it: Japanese typed as they would say it, in the real search box, in Chromium.

The hit rate is measured on tests/search_queries.yml for this site's search and for Material's own
search (the same site built with GUIDELINE_SEARCH=material), in the same run.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import build_real_site, shared_build
from playwright.sync_api import Browser, Page, Route, expect

from .harness import (
    MKDOCS,
    ROOT,
    Outcome,
    Visit,
    hit_rate,
    load_queries,
    missed,
    open_search,
    run_queries,
    search,
    serve,
    visiting,
)

# The development set (tests/search_queries.yml, which the search is tuned on): 184 queries, all of
# which this site's search answers in the top 3 (Material's own: 0.19). The floor leaves room for
# a few queries to slip while the commentary is edited; `make bench-search` shows which: fix the
# search or add the words staff use to the page's `keywords:`, never lower the floor to pass. How the
# search does on queries nobody tuned for is measured on the frozen held-out set
# (test_search_heldout.py).
HIT_RATE_FLOOR = 0.97


@pytest.fixture(scope="session")
def material_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """The same site with Material's own search, for comparison."""
    out = shared_build(
        request.config,
        "material-search",
        lambda out: build_real_site(out, GUIDELINE_SEARCH="material", GUIDELINE_DRAFTS="1"),
    )
    with serve(out) as url:
        yield url


def misses(outcomes: list[Outcome]) -> str:
    return "\n".join(
        f"  {o.query.text} -> {' '.join(o.query.expected)}; got {' '.join(o.pages[:3]) or 'nothing'}"
        for o in outcomes
        if not o.hit()
    )


def test_hit_rate_at_3_beats_materials_search(browser: Browser, base_url: str, material_url: str) -> None:
    queries = load_queries()
    assert len(queries) >= 40
    ours = run_queries(browser, base_url, queries)
    ours_rate = hit_rate(ours)
    assert ours_rate >= HIT_RATE_FLOOR, f"hit rate@3 {ours_rate:.3f} < {HIT_RATE_FLOOR}; missed:\n{misses(ours)}"
    # Material's search answers the same queries until the comparison is settled: once it has missed more
    # of them than ours did, its rate over all of them is below ours whatever the rest give, and it has
    # answered one, so its search runs for real. (`make bench-search` measures it on every query.)
    our_misses = missed(ours)

    def settled(outcomes: list[Outcome]) -> bool:
        return missed(outcomes) > our_misses and any(o.hit() for o in outcomes)

    material = run_queries(browser, material_url, queries, until=settled)
    print(
        f"hit rate@3: this site's search {ours_rate:.3f} ({len(queries)} queries); Material's missed "
        f"{missed(material)} of the first {len(material)}, more than ours missed of all"
    )
    assert missed(material) > our_misses, "Material's search does as well as this site's"
    assert any(o.hit() for o in material), "Material's search answered nothing: is its worker running?"


@pytest.fixture
def search_page(visit: Visit) -> Page:
    page = visit.page()
    page.goto("/")
    open_search(page)
    return page


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # The phrases of the issue: Material's search finds none of them.
        ("ネットワーク上", "/clauses/accuracy/"),
        ("公開された情報", "/clauses/accuracy/"),
        ("守秘義務を遵守", "/clauses/confidentiality/"),
        ("情報セキュリティ", "/clauses/security/"),
        # Part of a compound word, and a phrase with its particles.
        ("推進課長", "/clauses/consultation/"),
        ("噂を広めない", "/clauses/rumors/"),
        # Kana as typed: hiragana for a katakana word, half-width katakana, full-width letters.
        ("ぱすわーど", "/clauses/security/"),
        ("ﾊﾟｽﾜｰﾄﾞ", "/clauses/security/"),
        ("ＵＲＬ", "/clauses/obscene-links/"),
    ],
)
def test_japanese_as_typed_finds_the_provision_first(search_page: Page, query: str, first: str) -> None:
    pages = search(search_page, query)
    assert pages[:1] == [first], pages


def test_results_mark_what_matched(search_page: Page) -> None:
    search(search_page, "守秘義務を遵守")
    first = search_page.locator("li.md-search-result__item").first
    marks = first.locator("mark").all_inner_texts()
    assert "守秘義務を遵守" in marks or {"守秘義務", "遵守"} <= set(marks), marks


def test_search_by_keyboard(visit: Visit) -> None:
    page = visit.page()
    page.goto("/checklist/")
    page.keyboard.press("/")
    expect(page.locator("input.md-search__input")).to_be_focused()
    # An input method commits the word, and the key that commits it is released in the box.
    page.keyboard.insert_text("パスワードの管理")
    page.keyboard.press("End")
    first = page.locator("li.md-search-result__item a.md-search-result__link").first
    expect(first).to_be_visible()
    href = first.get_attribute("href") or ""
    assert "/clauses/security/" in href, href
    page.keyboard.press("ArrowDown")
    expect(first).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_url("**/clauses/security/**")
    # Material marks the words on the page it opens.
    expect(page.locator("article mark[data-md-highlight]").first).to_contain_text("パスワード")
    assert visit.errors == []


def test_a_reader_who_never_searches_downloads_no_index(visit: Visit) -> None:
    """The index of the page's language is fetched when the search box is first focused, never before,
    and Material's index of every language never."""
    page = visit.page()
    page.goto("/clauses/accuracy/")
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 600)  # reading: scrolling, following the table of contents
    page.wait_for_timeout(300)
    assert [u for u in visit.requests if "/search/" in u] == []
    with page.expect_request("**/search/index.ja.json"):
        page.keyboard.press("/")
    page.goto("/en/clauses/accuracy/")
    with page.expect_request("**/search/index.en.json"):
        page.locator("input.md-search__input").focus()
    assert not [u for u in visit.requests if u.endswith("search_index.json")]
    assert visit.errors == []


def test_the_index_loads_when_the_worker_starts_after_the_reader_reached_the_box(visit: Visit) -> None:
    """A reader quick to the search box, on a slow machine, reaches it before the search worker listens:
    the index is still fetched then, not at the first query (the worker says when it listens)."""
    page = visit.page()
    held: list[Route] = []

    def hold(route: Route) -> None:
        held.append(route)

    page.route("**/assets/search-ja.js*", hold)  # the worker's script, held back
    page.goto("/clauses/accuracy/")
    page.wait_for_function("() => true")  # let the held request reach the test
    assert held, "the worker's script was not requested"
    page.locator("input.md-search__input").focus()
    with page.expect_request("**/search/index.ja.json", timeout=10_000):
        held[0].continue_()
    page.unroute("**/assets/search-ja.js*")
    assert visit.errors == []


def test_english_words_are_stemmed_and_stray_letters_ignored(visit: Visit) -> None:
    page = visit.page()
    page.goto("/en/")
    open_search(page)
    assert search(page, "hijacking")[:1] == ["/en/clauses/security/"]  # the page says "hijacked"
    # The t of "don't" is no word: it would otherwise mark hundreds of letters on the page.
    search(page, "don't share the password")
    marks = page.eval_on_selector_all("li.md-search-result__item mark", "marks => marks.map(m => m.textContent)")
    assert marks and all(len(m) > 1 for m in marks), marks


def test_enter_in_the_box_opens_the_first_result(search_page: Page) -> None:
    pages = search(search_page, "アカウントが乗っ取られた")
    search_page.locator("input.md-search__input").press("Enter")
    search_page.wait_for_url(f"**{pages[0]}**")


def test_each_language_searches_its_own_pages(visit: Visit) -> None:
    """From /en/ every result is an English address (a translated page, or an untranslated one's
    fallback); from / none is."""
    page = visit.page()
    for home in ("/", "/en/"):
        page.goto(home)
        open_search(page)
        found = [p for query in ("噂", "rumor", "パスワード", "password") for p in search(page, query)]
        assert found, f"nothing found from {home}"
        english = [p for p in found if p.startswith("/en/")]
        assert english == (found if home == "/en/" else []), f"from {home}: {found}"


def test_english_pages_are_found_in_english(visit: Visit, site: Path) -> None:
    """Every translated page in the real site's index is found from /en/ by words of its title."""
    index = json.loads((site / "search" / "index.en.json").read_text(encoding="utf-8"))
    articles = [d for d in index["docs"] if d["location"].startswith("en/") and "#" not in d["location"]]
    # The real site is translated (editions/*.en.md, docs/**/*.en.md): an English index without English
    # pages means the English pages fell back to Japanese or left the index, which this test is here to catch.
    assert len(articles) >= 10, f"{len(articles)} English pages in the English search index"
    searched = 0
    page = visit.page()
    page.goto("/en/")
    open_search(page)
    for article in articles[:10]:
        words = [w for w in article["title"].split() if w.isascii() and w.isalpha() and len(w) > 3]
        if not words:
            continue
        pages = search(page, " ".join(words[:4]))
        assert f"/{article['location']}" in pages[:3], (article["title"], pages[:3])
        searched += 1
    assert searched >= 5, f"only {searched} of the English titles had English words to search for"


# A tiny bilingual site: the same theme, i18n and search set-up as the real one, two languages, one
# page translated and one not, so that the per-language search is tested with real English text.
TINY_MKDOCS = """\
site_name: テスト
site_url: http://127.0.0.1/
theme:
  name: material
  custom_dir: overrides
  language: ja
  font: false
  features: [search.highlight]
extra:
  guideline_search: ja
hooks:
  - hooks/search_index.py
extra_javascript:
  - assets/language-switch.js
plugins:
  - search:
      lang: ja
  - i18n:
      docs_structure: suffix
      fallback_to_default: true
      reconfigure_material: true
      reconfigure_search: true
      languages:
        - {locale: ja, default: true, name: 日本語, build: true}
        - {locale: en, name: English, build: true}
"""
TINY_PAGES = {
    "index.md": "# ホーム\n\nはじめに。\n",
    "index.en.md": "# Home\n\nWelcome.\n",
    "rumors.md": "# 噂\n\n確かめられていない噂を発信してはなりません。\n",
    "rumors.en.md": "# Rumours\n\nDo not post rumours that nobody has confirmed.\n",
    "only-ja.md": "# 掲示板\n\n庁舎の掲示板の使い方です。\n",
}


@pytest.fixture(scope="module")
def bilingual_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("bilingual")
    (root / "mkdocs.yml").write_text(TINY_MKDOCS, encoding="utf-8")
    shutil.copytree(ROOT / "overrides", root / "overrides")
    (root / "hooks").mkdir()
    shutil.copy(ROOT / "hooks" / "search_index.py", root / "hooks" / "search_index.py")
    shutil.copytree(ROOT / "docs" / "assets" / "vendor", root / "docs" / "assets" / "vendor")
    for asset in ("search-ja.js", "search-ja-setup.js", "language-switch.js"):
        shutil.copy(ROOT / "docs" / "assets" / asset, root / "docs" / "assets" / asset)
    for name, text in TINY_PAGES.items():
        (root / "docs" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    result = subprocess.run(
        [MKDOCS, "build", "--strict", "--site-dir", "site"], cwd=root, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


@pytest.fixture(scope="module")
def bilingual_module_visit(browser: Browser, bilingual_url: str) -> Iterator[Visit]:
    with visiting(browser, bilingual_url) as visit:
        yield visit


@pytest.fixture
def bilingual_visit(bilingual_module_visit: Visit) -> Visit:
    bilingual_module_visit.reset()
    return bilingual_module_visit


@pytest.mark.parametrize(
    ("home", "query", "expected"),
    [
        ("/en/", "rumour", ["/en/rumors/"]),  # English text, found from the English site
        ("/en/", "confirmed", ["/en/rumors/"]),  # inflected English, from the start of the word
        ("/", "rumour", []),  # ... and not from the Japanese one
        ("/", "噂", ["/rumors/"]),  # Japanese text, from the Japanese site
        ("/en/", "噂", []),  # ... not from the English one, where the page is translated
        ("/en/", "掲示板", ["/en/only-ja/"]),  # an untranslated page: found at its English address
        ("/", "掲示板", ["/only-ja/"]),
    ],
)
def test_search_follows_the_readers_language(
    bilingual_visit: Visit, home: str, query: str, expected: list[str]
) -> None:
    page = bilingual_visit.page()
    page.goto(home)
    open_search(page)
    assert search(page, query) == expected
    assert bilingual_visit.errors == []

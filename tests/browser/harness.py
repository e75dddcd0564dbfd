"""The real site in a real browser: build it, serve it on loopback, drive Debian's Chromium, search it.

Shared by the browser tests (conftest.py) and the search benchmark (bench/search.py).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

import yaml
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Playwright, ViewportSize

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = str(Path(sys.executable).parent / "mkdocs")
QUERIES = ROOT / "tests" / "search_queries.yml"  # the development set: the search is tuned on it
HELDOUT = ROOT / "tests" / "search_heldout.yml"  # written blind and frozen: the search is measured on it
# Chromium's headless shell (Debian's chromium-headless-shell, installed by `make chromium`): the same Blink
# without the browser around it, as Playwright drives by default. The browser suite takes about a sixth
# less time than in the full browser.
CHROMIUM = "/usr/bin/chromium-headless-shell"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # The intranet has no internet: a request to any other host fails at once, as it would there
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def build_site(out: Path, **env: str) -> Path:
    """``mkdocs build --strict`` of the real project into ``out``; extra environment variables on top."""
    result = subprocess.run(
        [MKDOCS, "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build failed:\n{result.stderr}")
    return out


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files like the intranet's web server (deploy/nginx): for a missing path, the nearest
    404.html above it (en/404.html under /en/), with status 404."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
    }

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        root = Path(self.directory)
        folders = [p for p in urlsplit(self.path).path.strip("/").split("/") if p]
        pages = [root.joinpath(*folders[:depth], "404.html") for depth in range(len(folders), -1, -1)]
        page = next((p for p in pages if p.is_file()), root / "404.html")
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the standard library's name)
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # the browser closing a connection early is normal
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yields the base URL, ending in '/'."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@dataclass
class Visit:
    """A browser context on the site with one tab, recording every request, console error and dialog.

    A visit serves a whole test module: each test gets the tab back as a new one would be (``reset``).
    Opening a tab costs Chromium more than most tests' own work (a new renderer loads the fonts and
    compiles the scripts again), and the browser tests are most of the suite's time."""

    context: BrowserContext
    origin: str
    viewport: ViewportSize
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)  # messages of alert(), prompt()... (each is dismissed)
    _tab: Page | None = None

    def page(self) -> Page:
        """The visit's tab: blank, as a new tab is, at the start of each test."""
        if self._tab is None or self._tab.is_closed():
            tab = self._tab = self.context.new_page()
            tab.on("console", lambda message: self._console(tab, message))
            tab.on("pageerror", lambda error: self.errors.append(f"{tab.url}: uncaught {error}"))
            tab.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        return self._tab

    def reset(self) -> None:
        """Back to a new tab: other tabs closed, the site's storage and cookies cleared, no media emulated,
        the window at its first size, on about:blank (so that the next test's first page is loaded, never
        reached by a jump within a page), and nothing recorded."""
        for other in self.context.pages:
            if other is not self._tab:
                other.close()
        tab = self._tab
        if tab is not None and not tab.is_closed():
            if _same_origin(tab.url, self.origin) and tab.url.startswith("http"):
                tab.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
            tab.goto("about:blank")
            # Playwright's defaults for a new context
            tab.emulate_media(media="null", color_scheme="light", forced_colors="none", reduced_motion="no-preference")
            tab.set_viewport_size(self.viewport)
        self.context.clear_cookies()
        self.requests.clear()
        self.errors.clear()
        self.dialogs.clear()

    def _console(self, page: Page, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        # The browser logs the 404 status of the 404 page itself; that one is expected.
        if "404" in message.text and message.location.get("url") == page.url and page.url.endswith(MISSING_PATH):
            return
        self.errors.append(f"{page.url}: {message.text} ({message.location.get('url')})")

    def foreign_requests(self) -> list[str]:
        return [url for url in self.requests if not _same_origin(url, self.origin)]


def _same_origin(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob", "about"):
        return True
    return f"{parts.scheme}://{parts.netloc}" == origin


@contextlib.contextmanager
def visiting(browser: Browser, base_url: str, **options: object) -> Iterator[Visit]:
    """A visit of the site at ``base_url`` (context ``options`` on top of the defaults), closed after."""
    origin = base_url.rstrip("/")
    viewport: ViewportSize = {"width": 1280, "height": 900}
    context = browser.new_context(locale="ja-JP", base_url=base_url, viewport=viewport, **options)
    visit = Visit(context, origin, viewport)

    # Every request the pages and their workers make (the search index, the segmenter), seen as an event:
    # intercepting each one (context.route) cost the browser, Playwright's driver and the test a round
    # trip per request, a quarter of a page load's time. Nothing can leave: CHROMIUM_ARGS resolve every
    # other host to nothing, as on the intranet, which has no internet.
    context.on("request", lambda request: visit.requests.append(request.url))
    try:
        yield visit
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------
# The kinds of page a site has, found in the build, so that new kinds are tested when they appear
# ---------------------------------------------------------------------------------------------

MISSING_PATH = "no-such-page/"
# Pages of a collection are one kind; the page named first stands for it when it exists.
COLLECTIONS = (
    ("clauses/*", re.compile(r"^clauses/[^/]+/$"), "clauses/accuracy/"),
    ("editions/*/compare", re.compile(r"^editions/[^/]+/compare/$"), ""),
    ("editions/*", re.compile(r"^editions/[^/]+/$"), ""),
)


@dataclass(frozen=True)
class PageType:
    lang: str
    kind: str  # "home", "text", "clauses/*", "404", ...
    path: str  # site path of the page that stands for the kind, e.g. "/en/text/"

    @property
    def id(self) -> str:
        return f"{self.lang}:{self.kind}"

    @property
    def status(self) -> int:
        return 404 if self.kind == "404" else 200


def kind_of(path: str) -> tuple[str, str]:
    """The kind of the page at site path ``path`` ('clauses/rumors/'), and the page preferred to stand for it."""
    if path == "":
        return "home", ""
    for name, pattern, preferred in COLLECTIONS:
        if pattern.match(path):
            return name, preferred
    return path.rstrip("/"), path


def page_types(site: Path, languages: tuple[str, ...] = ("ja", "en")) -> list[PageType]:
    """One page of every kind the built site has, in each language, and the 404 page."""
    default = languages[0]
    found: list[PageType] = []
    for lang in languages:
        prefix = "" if lang == default else f"{lang}/"
        root = site / prefix
        if not (root / "index.html").is_file():
            continue
        paths = []
        for index in root.rglob("index.html"):
            folder = index.parent.relative_to(root).as_posix()
            path = "" if folder == "." else f"{folder}/"
            if lang == default and path.split("/")[0] in languages[1:]:
                continue  # the other languages' pages
            paths.append(path)
        chosen: dict[str, str] = {}
        for path in sorted(paths):
            kind, preferred = kind_of(path)
            if kind not in chosen or path == preferred:
                chosen[kind] = path
        found += [PageType(lang, kind, f"/{prefix}{path}") for kind, path in chosen.items()]
        if (site / "404.html").is_file():
            found.append(PageType(lang, "404", f"/{prefix}{MISSING_PATH}"))
    return found


# ---------------------------------------------------------------------------------------------
# Search, as a person uses it: type into Material's search box, read the result list
# ---------------------------------------------------------------------------------------------


@dataclass
class Query:
    text: str
    expected: list[str]
    lang: str = "ja"
    note: str = ""


@dataclass
class Outcome:
    query: Query
    pages: list[str] = field(default_factory=list)

    def rank(self) -> int | None:
        """1-based rank of the first expected page, or None."""
        for i, page in enumerate(self.pages, start=1):
            if page in self.query.expected:
                return i
        return None

    def hit(self, k: int = 3) -> bool:
        rank = self.rank()
        return rank is not None and rank <= k


def load_queries(path: Path = QUERIES) -> list[Query]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = []
    for entry in data["queries"]:
        expected = entry["expect"] if isinstance(entry["expect"], list) else [entry["expect"]]
        queries.append(
            Query(str(entry["q"]), [str(e) for e in expected], entry.get("lang", "ja"), entry.get("note", ""))
        )
    return queries


SEARCH_INPUT = "input.md-search__input"
RESULT_META = ".md-search-result__meta"
RESULT_ITEMS = "ol.md-search-result__list > li.md-search-result__item"


def open_search(page: Page) -> None:
    """Open the search box the way a keyboard user does, and wait until the index is ready."""
    page.keyboard.press("/")
    page.wait_for_selector(f"{SEARCH_INPUT}:focus")
    placeholder = page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations")[
        "search.result.placeholder"
    ]
    page.wait_for_function(
        "([meta, text]) => document.querySelector(meta).textContent.trim() === text",
        arg=[RESULT_META, placeholder],
    )


def search(page: Page, text: str) -> list[str]:
    """Type ``text`` into the open search box; the result pages, in order, as site paths ('/text/').

    Material searches on keyup; a Japanese input method ends each conversion with a key press
    (Enter) whose keyup reaches the box, so the test inserts the text and then releases a key.
    """
    config = page.evaluate("JSON.parse(document.getElementById('__config').textContent)")
    placeholder = config["translations"]["search.result.placeholder"]
    box = page.locator(SEARCH_INPUT)
    box.fill("")
    box.dispatch_event("keyup")
    page.wait_for_function(
        "([meta, text]) => document.querySelector(meta).textContent.trim() === text",
        arg=[RESULT_META, placeholder],
    )
    box.fill(text)
    box.dispatch_event("keyup")
    page.wait_for_function(
        "([meta, text]) => document.querySelector(meta).textContent.trim() !== text",
        arg=[RESULT_META, placeholder],
    )
    # One list item per page: its first link is the page, the others are its sections.
    hrefs: list[str] = page.eval_on_selector_all(
        RESULT_ITEMS, "items => items.map(li => li.querySelector('a.md-search-result__link').href)"
    )
    return [site_path(href, page.url) for href in hrefs]


# ``search`` in one round trip to the browser instead of eight: the same steps in the page itself (clear the
# box, wait for the placeholder, insert the text with its input event, release a key, wait for the results),
# for the hundreds of queries of a hit-rate measurement. The results are read from the same list.
_SEARCH_IN_PAGE = """async ([text, box, meta, items]) => {
    const input = document.querySelector(box);
    const placeholder = JSON.parse(document.getElementById("__config").textContent)
        .translations["search.result.placeholder"];
    const shown = () => document.querySelector(meta).textContent.trim();
    const until = (ready) => new Promise((resolve, reject) => {
        const started = performance.now();
        // A timer, not animation frames: the page of the other language is in the background, where
        // frames wait up to a second (Playwright starts Chromium with background timers unthrottled).
        const poll = () => ready() ? resolve() : performance.now() - started > 30000
            ? reject(new Error(`search for ${text}: no answer in 30 s`)) : setTimeout(poll, 5);
        poll();
    });
    const type = (value) => {
        input.value = value;
        input.dispatchEvent(new InputEvent("input", { bubbles: true, data: value, inputType: "insertText" }));
        input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    };
    type("");
    await until(() => shown() === placeholder);
    type(text);
    await until(() => shown() !== placeholder);
    return [...document.querySelectorAll(items)].map(li => li.querySelector("a.md-search-result__link").href);
}"""


def search_in_page(page: Page, text: str) -> list[str]:
    """What ``search`` returns, with the steps run inside the page (the search box open)."""
    hrefs: list[str] = page.evaluate(_SEARCH_IN_PAGE, [text, SEARCH_INPUT, RESULT_META, RESULT_ITEMS])
    return [site_path(href, page.url) for href in hrefs]


def site_path(url: str, base: str) -> str:
    """The path of ``url`` on the site served at ``base``'s origin, without query or fragment."""
    return urlsplit(url).path


def run_queries(
    browser: Browser, base_url: str, queries: list[Query], until: Callable[[list[Outcome]], bool] | None = None
) -> list[Outcome]:
    """Every query through the search box of the home page of its language, in order; if ``until`` is given,
    only as many as it takes for ``until(outcomes so far)`` to be true."""
    outcomes: list[Outcome] = []
    context = browser.new_context(locale="ja-JP", base_url=base_url)
    try:
        pages: dict[str, Page] = {}
        for query in queries:
            if until is not None and until(outcomes):
                break
            if query.lang not in pages:
                page = context.new_page()
                page.goto("/" if query.lang == "ja" else f"/{query.lang}/")
                open_search(page)
                pages[query.lang] = page
            outcomes.append(Outcome(query, search_in_page(pages[query.lang], query.text)))
    finally:
        context.close()
    return outcomes


def hit_rate(outcomes: list[Outcome], k: int = 3) -> float:
    return sum(o.hit(k) for o in outcomes) / len(outcomes) if outcomes else 0.0


def missed(outcomes: list[Outcome], k: int = 3) -> int:
    """How many queries found none of their pages in the first ``k`` results."""
    return sum(not o.hit(k) for o in outcomes)

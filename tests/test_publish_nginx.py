"""The published site served by Debian's nginx at a sub-path, with the configuration in deploy/nginx, then
seen through Chromium: types, compression, caching, the 404 page, security headers, and a CSP the site
runs under without a single violation, with no request leaving the site.

The site is published for real (tools/publish.py) with SITE_URL=http://127.0.0.1:<port>/guidelines/hanibon/,
and nginx runs as the current user on that loopback port, from a temporary folder.
"""

from __future__ import annotations

import gzip
import http.client
import json
import os
import pwd
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT
from playwright.sync_api import Browser, Page, Route

from tools import publish, sitecheck

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SUB_PATH = "/guidelines/hanibon/"
CONTROL_PATH = "/csp-control/"  # the same release, under a CSP without the hashes: proves violations are seen

pytestmark = pytest.mark.skipif(not Path(NGINX).exists(), reason="nginx is not installed; `make chromium` installs it")


@dataclass
class Served:
    dest: publish.Dest
    origin: str  # http://127.0.0.1:<port>
    site_url: str  # origin + SUB_PATH

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        """One request without following redirects; header names in lower case."""
        host, port = self.origin.removeprefix("http://").split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=10)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _server_conf(folder: Path, port: int, includes: list[Path]) -> Path:
    user = f"user {pwd.getpwuid(os.getuid()).pw_name};" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {folder / 'tmp' / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = folder / "nginx.conf"
    conf.write_text(
        f"""\
{user}
worker_processes 1;
pid {folder / "nginx.pid"};
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder / "access.log"};
{temp}
    server {{
        listen 127.0.0.1:{port};
        server_name localhost;
{chr(10).join(f"        include {path};" for path in includes)}
    }}
}}
""",
        encoding="utf-8",
    )
    (folder / "tmp").mkdir(exist_ok=True)
    return conf


def _wait_for(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx stopped:\n{log.read_text(errors='replace')}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("nginx did not start listening")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    dest = publish.Dest(folder / "dest")
    publish.publish(ROOT, dest, origin + SUB_PATH, log=lambda _: None)
    site_conf = publish.nginx_conf(ROOT, dest, origin + SUB_PATH, log=lambda _: None)  # the operator's command
    control = folder / "control.conf"
    control.write_text(
        publish.render_nginx_conf(origin + CONTROL_PATH, dest.current_link.absolute(), set()), encoding="utf-8"
    )
    conf = _server_conf(folder, port, [site_conf, control])
    log = folder / "error.log"
    test = subprocess.run(
        [NGINX, "-t", "-p", str(folder), "-c", str(conf), "-e", str(log)], capture_output=True, text=True, check=False
    )
    assert test.returncode == 0, test.stderr
    process = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(conf), "-e", str(log), "-g", "daemon off;"])
    try:
        _wait_for(port, process, log)
        yield Served(dest, origin, origin + SUB_PATH)
    finally:
        process.terminate()
        process.wait(timeout=10)


EXPECTED_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".xml": "text/xml; charset=utf-8",
}
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml")


def _one_file_per_type(site: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in EXPECTED_TYPES and path.stat().st_size > 1024:
            found.setdefault(path.suffix, path)
    return found


def test_each_type_of_file_is_served_with_its_type_and_text_compressed(served: Served) -> None:
    site = served.dest.current_link
    files = _one_file_per_type(site)
    assert {".html", ".css", ".js", ".json"} <= set(files)
    for suffix, path in files.items():
        url = SUB_PATH + path.relative_to(site).as_posix()
        status, headers, body = served.get(url, {"Accept-Encoding": "gzip"})
        assert status == 200, url
        assert headers["content-type"] == EXPECTED_TYPES[suffix], url
        if suffix in COMPRESSED:
            assert headers.get("content-encoding") == "gzip" and "Accept-Encoding" in headers.get("vary", ""), url
            assert gzip.decompress(body) == path.read_bytes(), url
        else:
            assert "content-encoding" not in headers, url


def test_hashed_material_assets_are_cached_for_long_and_the_rest_revalidated(served: Served) -> None:
    site = served.dest.current_link
    hashed = [*site.glob("assets/javascripts/bundle.*.min.js"), *site.glob("assets/stylesheets/*.min.css")]
    assert len(hashed) >= 2
    for path in hashed:
        status, headers, _ = served.get(SUB_PATH + path.relative_to(site).as_posix())
        match = re.fullmatch(r"max-age=(\d+)", headers.get("cache-control", ""))
        assert status == 200 and match and int(match.group(1)) >= 365 * 24 * 3600, (path, headers)
    for url in ("", "text/", "assets/guideline.css", "search/search_index.json", publish.RELEASE_FILE):
        status, headers, _ = served.get(SUB_PATH + url)
        assert status == 200 and headers.get("cache-control") == "no-cache", (url, headers)


def test_a_missing_page_gets_the_japanese_404_page_with_working_links(served: Served) -> None:
    status, headers, body = served.get(SUB_PATH + "clauses/no-such-provision/deeper/")
    page = body.decode("utf-8")
    assert status == 404 and headers["content-type"].startswith("text/html")
    assert '<html lang="ja"' in page and "ページが見つかりません" in page
    links = dict(re.findall(r'<a href="([^"]+)">([^<]+)</a>', page))
    assert links[SUB_PATH] == "ホーム" and links[SUB_PATH + "text/"] == "ガイドライン全文"
    for url in [*links, *re.findall(r'<(?:link|script)[^>]+(?:href|src)="(/[^"]+)"', page)]:
        if url.startswith(SUB_PATH):
            assert served.get(url)[0] == 200, url
    status, _, body = served.get(SUB_PATH + "en/no-such-page/")
    assert status == 404 and "Page not found" in body.decode("utf-8")


SECURITY_HEADERS = (
    "content-security-policy",
    "x-content-type-options",
    "x-frame-options",
    "referrer-policy",
    "permissions-policy",
    "cross-origin-resource-policy",
)


def test_security_headers_are_sent_with_pages_assets_and_errors(served: Served) -> None:
    hashed = next(served.dest.current_link.glob("assets/javascripts/bundle.*.min.js")).name
    for url in ("", "assets/guideline.js", f"assets/javascripts/{hashed}", "no-such-page/", "en/no-such-page/"):
        _, headers, _ = served.get(SUB_PATH + url)
        csp = sitecheck.parse_csp(headers["content-security-policy"])
        assert csp["default-src"] == ["'self'"] and csp["object-src"] == ["'none'"], url
        assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"], url
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "SAMEORIGIN"
        assert headers["referrer-policy"] == "same-origin"
        assert "server" not in headers or "/" not in headers["server"]  # no version number


def test_the_sub_path_without_its_slash_and_folders_redirect_within_the_site(served: Served) -> None:
    status, headers, _ = served.get(SUB_PATH.rstrip("/"))
    assert status == 301 and headers["location"] == SUB_PATH
    status, headers, _ = served.get(SUB_PATH + "text")
    assert status == 301 and headers["location"] == SUB_PATH + "text/"


def test_every_answer_carries_the_security_headers_and_a_cache_control(served: Served) -> None:
    """Before, the bare-path redirect had none of the headers and the 404 page no Cache-Control."""
    _, page, _ = served.get(SUB_PATH)
    for url, status in ((SUB_PATH.rstrip("/"), 301), (SUB_PATH + "text", 301), (SUB_PATH + "no/such/page/", 404)):
        got, headers, _ = served.get(url)
        assert got == status, url
        assert {name: headers.get(name) for name in SECURITY_HEADERS} == {name: page[name] for name in SECURITY_HEADERS}
        assert headers.get("cache-control") == "no-cache", url


def test_cross_origin_opener_policy_only_over_https(served: Served) -> None:
    """Browsers ignore COOP on plain http, with a console error on every page: it is sent over https only."""
    _, headers, _ = served.get(SUB_PATH)
    assert "cross-origin-opener-policy" not in headers
    https = publish.render_nginx_conf("https://intranet.example/guidelines/hanibon/", Path("/srv/h/current"), set())
    plain = publish.render_nginx_conf("http://intranet.example/guidelines/hanibon/", Path("/srv/h/current"), set())
    assert https.count('add_header Cross-Origin-Opener-Policy "same-origin" always;') == 3  # redirect, site, assets
    assert "Cross-Origin-Opener-Policy" not in plain


def test_a_symlink_inside_a_release_is_not_followed(served: Served, tmp_path: Path) -> None:
    """Only DEST/current is a link; one inside a release must not serve a file from outside DEST."""
    secret = tmp_path / "secret.txt"
    secret.write_text("not for readers", encoding="utf-8")
    os.chmod(tmp_path, 0o755)
    link = served.dest.current_link / "leak.txt"
    folder_link = served.dest.current_link / "leak"
    link.symlink_to(secret)
    folder_link.symlink_to(tmp_path)
    try:
        for url in ("leak.txt", "leak/secret.txt"):
            status, _, body = served.get(SUB_PATH + url)
            assert status in (403, 404) and b"not for readers" not in body, url
        status, _, _ = served.get(SUB_PATH + "text/")
        assert status == 200  # the current link itself is followed
    finally:
        link.unlink()
        folder_link.unlink()


def test_nginx_follows_a_switch_of_current_at_once_and_the_smoke_check_sees_it(served: Served, tmp_path: Path) -> None:
    dest, live = served.dest, served.dest.current()
    assert live is not None and publish.smoke(dest, served.site_url, log=lambda _: None) == []
    other = "20000101T000000Z"
    shutil.copytree(dest.releases_dir / live, dest.releases_dir / other)
    (dest.releases_dir / other / publish.RELEASE_FILE).write_text(json.dumps({"release": other}), encoding="utf-8")
    try:
        publish.switch(dest, other)  # no reload: nginx resolves the symlink on each request
        assert json.loads(served.get(SUB_PATH + publish.RELEASE_FILE)[2])["release"] == other
    finally:
        publish.switch(dest, live)
        shutil.rmtree(dest.releases_dir / other)
    assert json.loads(served.get(SUB_PATH + publish.RELEASE_FILE)[2])["release"] == live
    # A DEST whose live release is not the one the server answers with: the smoke check fails.
    elsewhere = publish.Dest(tmp_path)
    (elsewhere.releases_dir / other).mkdir(parents=True)
    publish.switch(elsewhere, other)
    failures = publish.smoke(elsewhere, served.site_url, log=lambda _: None)
    assert failures == [
        f"{served.site_url}{publish.RELEASE_FILE}: the server has release {live!r} (status 200), DEST/current is {other!r}"
    ]


def test_readers_see_no_error_while_the_live_release_switches(served: Served) -> None:
    """Requests keep coming while `current` switches back and forth (publish, rollback): every one is answered."""
    import threading

    dest, live = served.dest, served.dest.current()
    assert live is not None
    other = "20000101T000000Z"
    shutil.copytree(dest.releases_dir / live, dest.releases_dir / other)
    failures: list[str] = []
    done = threading.Event()
    answered = 0

    def read() -> None:
        nonlocal answered
        while not done.is_set():
            for url in (SUB_PATH, SUB_PATH + "text/", SUB_PATH + "assets/guideline.css"):
                status, _, body = served.get(url)
                answered += 1
                if status != 200 or not body:
                    failures.append(f"{url}: {status}")

    readers = [threading.Thread(target=read) for _ in range(4)]
    for thread in readers:
        thread.start()
    try:
        for turn in range(14):
            publish.switch(dest, other if turn % 2 == 0 else live)
            time.sleep(0.05)
    finally:
        done.set()
        for thread in readers:
            thread.join()
        publish.switch(dest, live)
        shutil.rmtree(dest.releases_dir / other)
    assert failures == [] and answered >= 100


# --- the browser -------------------------------------------------------------------------------------

PAGES = ["", "text/", "clauses/accuracy/", "checklist/", "glossary/", "editions/", "en/", "en/text/", "no/such/page/"]
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} in ${e.sourceFile}:${e.lineNumber}`);
});
"""


@dataclass
class Visit:
    violations: list[str]
    console: list[str]
    outside: list[str]
    statuses: dict[str, int]


def visit(browser: Browser, base: str, paths: list[str], *, bypass_csp: bool = False, then: str | None = None) -> Visit:
    """Load each page (and run ``then`` on the last), recording CSP violations, console errors and requests."""
    context = browser.new_context(bypass_csp=bypass_csp)
    context.add_init_script(LISTEN)
    seen = Visit([], [], [], {})

    def route(route: Route) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            seen.outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page: Page = context.new_page()
    page.on(
        "console", lambda message: seen.console.append(message.text) if message.type in ("error", "warning") else None
    )
    try:
        for path in paths:
            response = page.goto(base + path, wait_until="networkidle")
            assert response is not None
            seen.statuses[path] = response.status
            if then:
                page.evaluate(then)
                page.wait_for_load_state("networkidle")
            seen.violations += page.evaluate("window.__violations")
        if not then:  # search from the last page, the 404 page, which suggests it: worker, index and all
            page.keyboard.press("/")
            box = page.locator("input.md-search__input:focus")
            box.fill("正確")
            box.dispatch_event("keyup")  # Material searches on keyup
            page.wait_for_selector(".md-search-result__item", timeout=15000)
            seen.violations += page.evaluate("window.__violations")
    finally:
        context.close()
    return seen


def _not_404(console: list[str]) -> list[str]:
    return [m for m in console if "status of 404" not in m]  # the 404 page's own document


@pytest.mark.browser
def test_pages_and_search_run_under_the_csp_with_no_request_leaving_the_site(served: Served, browser: Browser) -> None:
    seen = visit(browser, served.site_url, PAGES)
    assert seen.statuses == {path: 404 if path.startswith("no/") else 200 for path in PAGES}
    assert seen.violations == []
    assert _not_404(seen.console) == []
    assert seen.outside == []


@pytest.mark.browser
def test_the_browser_checks_can_fail(served: Served, browser: Browser) -> None:
    """Controls: without the hashes the CSP blocks Material's inline scripts, and a request out is caught."""
    blocked = visit(browser, served.origin + CONTROL_PATH, [""], then="0")
    assert any(v.startswith("script-src") and "blocked inline" in v for v in blocked.violations), blocked.violations
    leaking = visit(
        browser,
        served.site_url,
        [""],
        bypass_csp=True,
        then="document.body.append(Object.assign(new Image(), {src: 'http://192.0.2.1/x.png'}))",
    )
    assert leaking.outside == ["http://192.0.2.1/x.png"]

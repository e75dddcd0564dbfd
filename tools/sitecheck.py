"""Checks a built site from its files alone, before it is published (no MkDocs import).

One pass over every HTML, SVG, CSS and JS file answers three questions:

- Does every internal link, resource and anchor resolve to a file (and an id) inside the site's
  path? The site lives under a sub-path (``SITE_URL``), so a reference that climbs out of it, or a
  relative reference on the 404 page (served at any missing address), is a broken page.
- Does anything load from outside the site: web fonts, CDN scripts, analytics? The intranet has no
  internet, so such a resource is a broken or slow page at best and tells a third party who reads
  what at worst. Hyperlinks to other sites are not requests; they are listed, never failures.
- Which inline scripts and styles does the site run? The Content-Security-Policy allows inline
  scripts by hash, so a publication must not bring one the policy does not know.

Run it on a folder: ``python -m tools.sitecheck build/site --site-url http://host/path/``.

Longer than most modules: the one pass over the files and its three questions share what it has read.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit


@dataclass(frozen=True, order=True)
class Problem:
    """Something that fails the check, at a place in a built file (path relative to the site root)."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: error: {self.message}"


@dataclass(frozen=True)
class Reference:
    """A URL found in a built file. A resource is loaded by the browser on its own; a link waits for a click."""

    path: str
    line: int
    url: str
    resource: bool


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    outbound: list[Reference] = field(default_factory=list)  # hyperlinks to other sites
    inline_scripts: dict[str, list[Reference]] = field(default_factory=dict)  # 'sha256-…' -> where it runs
    inline_styles: list[Reference] = field(default_factory=list)  # style="…" and <style> elements
    event_handlers: list[Reference] = field(default_factory=list)  # onclick="…" and the like

    @property
    def ok(self) -> bool:
        return not self.problems


# Scripts with these types are data, not code: the browser neither runs them nor applies the CSP.
_DATA_SCRIPT = re.compile(r"^(application/(ld\+)?json|text/template|text/x-template)$", re.IGNORECASE)
_NOT_REQUESTED = frozenset({"data", "blob", "about", "javascript", "mailto", "tel", "sms"})
_LINK_RELS = frozenset({"canonical", "alternate", "next", "prev", "author", "license", "help", "bookmark", "search"})

# A string literal that begins with an absolute URL: "https://…", `https://${host}/…`, "//cdn.example/…".
# Comments and messages mention URLs in mid-sentence; code that fetches one starts the literal with it.
_JS_URL = re.compile(
    r"""(["'`])((?:(?:https?|wss?|ftp):)//[^"'`\s]*|//(?:\$\{|[\w-]+(?:\.[\w-]+)+)[^"'`\s]*)""",
    re.IGNORECASE,
)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_CSS_URL = re.compile(
    r"""url\(\s*(?:'([^']*)'|"([^"]*)"|([^)'"\s]*))\s*\)|@import\s+(?:'([^']*)'|"([^"]*)")""", re.IGNORECASE
)

# XML namespace names identify a vocabulary; no browser ever requests them.
_NAMESPACES = ("http://www.w3.org/",)


@dataclass(frozen=True)
class Dormant:
    """An external URL inside Material's bundle on a code path this site never takes.

    ``live_when`` is what in a page would wake the path up; if any page has it, the URL is a problem.
    """

    prefix: str
    why: str
    live_when: re.Pattern[str] | None = None


_MATERIAL_BUNDLE = re.compile(r"^assets/javascripts/bundle\.[0-9a-f]{8}\.min\.js$")
_REPOSITORY = re.compile(r'data-md-component="source"')
DORMANT = (
    Dormant(
        "https://unpkg.com/mermaid@",
        "Material loads Mermaid only for a page with a diagram",
        re.compile(r'class="[^"]*\bmermaid\b'),
    ),
    Dormant("https://api.github.com/", "repository facts, fetched only when repo_url is set", _REPOSITORY),
    Dormant("https://${", "GitLab repository facts, fetched only when repo_url is set", _REPOSITORY),
    # Every browser since 2020 has ResizeObserver; the CSP would block the polyfill anyway.
    Dormant("https://unpkg.com/resize-observer-polyfill", "a polyfill for browsers without ResizeObserver"),
)


class _Page(HTMLParser):
    """Collects ids, references, inline scripts, inline styles and event handlers of one HTML or SVG file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[int, str, bool]] = []  # line, url, resource
        self.css: list[tuple[int, str]] = []  # line, CSS text (style attributes and <style> elements)
        self.scripts: list[tuple[int, str]] = []  # line, inline script text
        self.styles: list[int] = []
        self.handlers: list[tuple[int, str]] = []
        self.base: str | None = None
        self._inline: tuple[str, int] | None = None  # "script" or "style" being read, and its line
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name" if tag == "a" else ""):
            if name and values.get(name):
                self.ids.add(values[name])
        for name in values:
            if name.startswith("on"):
                self.handlers.append((line, name))
        if "style" in values:
            self.styles.append(line)
            self.css.append((line, values["style"]))
        for url, resource in _references(tag, values):
            self.refs.append((line, url, resource))
        if tag == "base" and values.get("href"):
            self.base = values["href"]
        if tag == "script" and "src" not in values and not _DATA_SCRIPT.match(values.get("type", "").strip()):
            self._inline, self._text = ("script", line), []
        elif tag == "style":
            self._inline, self._text = ("style", line), []
            self.styles.append(line)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._inline = None

    def handle_data(self, data: str) -> None:
        if self._inline:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._inline and tag == self._inline[0]:
            kind, line = self._inline
            (self.scripts if kind == "script" else self.css).append((line, "".join(self._text)))
            self._inline = None


def _references(tag: str, values: dict[str, str]) -> Iterator[tuple[str, bool]]:
    """The URLs an element carries, each with whether the browser loads it without a click."""
    if tag in ("a", "area") and "href" in values:
        yield values["href"], False
    elif tag == "link" and "href" in values:
        rels = set(values.get("rel", "").lower().split())
        yield values["href"], not rels or not rels <= _LINK_RELS
    elif tag == "form" and "action" in values:
        yield values["action"], False
    elif tag in ("use", "image", "feimage") and ("href" in values or "xlink:href" in values):
        yield values.get("href") or values["xlink:href"], True
    elif tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
        match = re.search(r"url\s*=\s*['\"]?([^'\"]+)", values.get("content", ""), re.IGNORECASE)
        if match:
            yield match.group(1), True
    for name in ("data-href", "data-pinned"):  # a copy button's links: what a reader pastes must lead somewhere
        if name in values:
            yield values[name], False
    for name in ("src", "poster", "data", "formaction", "background"):
        if name in values and not (tag == "object" and name != "data"):
            yield values[name], name != "formaction"
    for candidate in values.get("srcset", "").split(","):
        if candidate.strip():
            yield candidate.split()[0], True


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _css_urls(css: str) -> Iterator[tuple[int, str]]:
    """``url(…)`` and ``@import`` targets, with their line within ``css``; comments are skipped."""
    blanked = _CSS_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), css)
    for match in _CSS_URL.finditer(blanked):
        url = next(group for group in match.groups() if group is not None)
        yield _line_at(blanked, match.start()), url


def _js_urls(js: str) -> Iterator[tuple[int, str]]:
    for match in _JS_URL.finditer(js):
        if not match.group(2).startswith(_NAMESPACES):
            yield _line_at(js, match.start()), match.group(2)


def csp_hash(script: str) -> str:
    """The CSP source that allows this inline script: sha256 of its text as UTF-8, base64."""
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


class Site:
    """A built site in ``root`` that will be served at ``site_url`` (scheme, host and sub-path)."""

    def __init__(self, root: Path, site_url: str) -> None:
        parts = urlsplit(site_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(
                f"site URL must be absolute, like http://intranet.example/guidelines/hanibon/, not {site_url!r}"
            )
        self.root = root
        self.origin = f"{parts.scheme}://{parts.netloc}".lower()
        self.path = parts.path if parts.path.endswith("/") else parts.path + "/"
        self.report = Report()
        self._pages: dict[str, _Page] = {}
        self._files: dict[str, str | None] = {}
        self._resolved_root = root.resolve()

    def url_of(self, relative: str) -> str:
        return f"{self.origin}{self.path}{relative}"

    def check(self) -> Report:
        files = sorted(p for p in self.root.rglob("*") if p.is_file())
        for path in files:
            relative = path.relative_to(self.root).as_posix()
            if path.suffix in (".html", ".svg"):
                self._pages[relative] = self._parse(path.read_text(encoding="utf-8", errors="replace"))
        all_html = "\n".join(
            path.read_text(encoding="utf-8", errors="replace") for path in files if path.suffix == ".html"
        )
        for path in files:
            relative = path.relative_to(self.root).as_posix()
            if relative in self._pages:
                self._check_page(relative, self._pages[relative], all_html)
            elif path.suffix == ".css":
                self._check_css(relative, 0, path.read_text(encoding="utf-8", errors="replace"))
            elif path.suffix in (".js", ".mjs"):
                self._check_js(relative, 0, path.read_text(encoding="utf-8", errors="replace"), all_html)
            elif relative == "sitemap.xml":
                self._check_sitemap(relative, path.read_text(encoding="utf-8", errors="replace"))
        self.report.problems.sort()
        return self.report

    @staticmethod
    def _parse(text: str) -> _Page:
        page = _Page()
        page.feed(text)
        page.close()
        return page

    def _check_page(self, relative: str, page: _Page, all_html: str) -> None:
        base = urljoin(self.url_of(relative), page.base) if page.base else self.url_of(relative)
        for line, url, resource in page.refs:
            if relative.endswith("404.html") and _is_relative(url):
                self._problem(
                    relative,
                    line,
                    f"relative reference {url!r} on the 404 page, which is served at any missing address",
                )
            self._check_reference(relative, line, url, base, resource=resource)
        for line, css in page.css:
            self._check_css(relative, line - 1, css, base=base)
        for line, script in page.scripts:
            self.report.inline_scripts.setdefault(csp_hash(script), []).append(
                Reference(relative, line, "", resource=True)
            )
            self._check_js(relative, line - 1, script, all_html)
        self.report.inline_styles.extend(Reference(relative, line, "", resource=True) for line in page.styles)
        self.report.event_handlers.extend(
            Reference(relative, line, name, resource=False) for line, name in page.handlers
        )

    def _check_css(self, relative: str, first_line: int, css: str, base: str | None = None) -> None:
        for line, url in _css_urls(css):
            if not url.startswith("#"):  # url(#id) points into an SVG of the same document
                self._check_reference(relative, first_line + line, url, base or self.url_of(relative), resource=True)

    def _check_js(self, relative: str, first_line: int, js: str, all_html: str) -> None:
        for line, url in _js_urls(js):
            dormant = next((d for d in DORMANT if url.startswith(d.prefix)), None)
            if dormant and _MATERIAL_BUNDLE.match(relative):
                if dormant.live_when is None or not dormant.live_when.search(all_html):
                    continue
                self._problem(
                    relative, first_line + line, f"loads {url} from outside the site: {dormant.why}, and a page does"
                )
            else:
                self._problem(relative, first_line + line, f"script refers to {url} outside the site")

    def _check_sitemap(self, relative: str, xml: str) -> None:
        for match in re.finditer(r"<loc>\s*([^<\s]+)\s*</loc>", xml):
            self._check_reference(
                relative, _line_at(xml, match.start()), match.group(1), self.url_of(relative), resource=False
            )

    def _check_reference(self, relative: str, line: int, url: str, base: str, *, resource: bool) -> None:
        url = url.strip()
        scheme = urlsplit(url).scheme.lower()
        if not url or scheme in _NOT_REQUESTED:
            return
        target = urlsplit(urljoin(base, url))
        if f"{target.scheme}://{target.netloc}".lower() != self.origin:
            if resource:
                self._problem(relative, line, f"loads {url} from outside the site")
            else:
                self.report.outbound.append(Reference(relative, line, url, resource=False))
            return
        if not target.path.startswith(self.path):
            if scheme and not resource:  # an address written out in full to another part of the same server
                self.report.outbound.append(Reference(relative, line, url, resource=False))
            else:
                self._problem(relative, line, f"{url!r} leads to {target.path}, outside the site's path {self.path}")
            return
        inside = unquote(target.path[len(self.path) :])
        file = self._file(inside)
        if file is None:
            self._problem(relative, line, f"{url!r} points to {inside or '(site root)'}, which is not in the site")
            return
        fragment = unquote(target.fragment)
        if (
            fragment
            and not fragment.startswith(":~:")
            and file in self._pages
            and fragment not in self._pages[file].ids
        ):
            self._problem(relative, line, f"{url!r}: no element with id {fragment!r} in {file}")

    def _file(self, inside: str) -> str | None:
        """The file the path ``inside`` the site is served from, if any; looked up once per path (a page
        links to the same few hundred files thousands of times, and the tree does not change under a check)."""
        if inside not in self._files:
            self._files[inside] = self._find(inside)
        return self._files[inside]

    def _find(self, inside: str) -> str | None:
        candidate = self.root / inside
        if not inside or inside.endswith("/") or candidate.is_dir():
            candidate = candidate / "index.html"
        try:
            candidate.resolve().relative_to(self._resolved_root)
        except ValueError:
            return None
        return candidate.relative_to(self.root).as_posix() if candidate.is_file() else None

    def _problem(self, relative: str, line: int, message: str) -> None:
        self.report.problems.append(Problem(relative, line, message))


def _is_relative(url: str) -> bool:
    url = url.strip()
    return bool(url) and not url.startswith(("/", "#")) and not urlsplit(url).scheme


def check(root: Path, site_url: str) -> Report:
    """Check the built site in ``root`` as it will be served at ``site_url``."""
    return Site(root, site_url).check()


def parse_csp(policy: str) -> dict[str, list[str]]:
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        tokens = part.split()
        if tokens:
            directives.setdefault(tokens[0].lower(), tokens[1:])
    return directives


def _sources(directives: dict[str, list[str]], *names: str) -> list[str]:
    """The sources of the first directive present, falling back as browsers do (…-elem, then …-src, then default-src)."""
    return next((directives[name] for name in (*names, "default-src") if name in directives), [])


def _allows_inline(sources: list[str]) -> bool:
    # A hash or nonce switches 'unsafe-inline' off, as browsers do.
    return "'unsafe-inline'" in sources and not any(s.startswith(("'sha", "'nonce-")) for s in sources)


def check_csp(report: Report, policy: str) -> list[Problem]:
    """Inline code in the site that ``policy`` would block: each would be a CSP violation in the browser."""
    directives = parse_csp(policy)
    problems: list[Problem] = []
    scripts = _sources(directives, "script-src-elem", "script-src")
    if not _allows_inline(scripts):
        for digest, places in sorted(report.inline_scripts.items()):
            if f"'{digest}'" not in scripts:
                first = places[0]
                message = f"inline script '{digest}' (in {len(places)} page(s)) is not allowed by script-src"
                problems.append(Problem(first.path, first.line, message))
    if not _allows_inline(_sources(directives, "script-src-attr", "script-src")):
        problems.extend(
            Problem(h.path, h.line, f"event handler attribute {h.url} is blocked by the CSP")
            for h in report.event_handlers
        )
    if not _allows_inline(_sources(directives, "style-src-attr", "style-src")):
        problems.extend(Problem(s.path, s.line, "inline style is blocked by style-src") for s in report.inline_styles)
    return sorted(problems)


def _summary(outbound: Iterable[Reference]) -> list[str]:
    counts: dict[str, int] = {}
    for ref in outbound:
        counts[ref.url] = counts.get(ref.url, 0) + 1
    return [f"  {url} ({n} page(s))" for url, n in sorted(counts.items())]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.sitecheck", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site folder")
    parser.add_argument(
        "--site-url",
        required=True,
        help="the address it is served at, e.g. http://intranet.example/guidelines/hanibon/",
    )
    parser.add_argument("--csp", help="also check inline code against this Content-Security-Policy")
    args = parser.parse_args(argv)
    report = check(args.site, args.site_url)
    problems = report.problems + (check_csp(report, args.csp) if args.csp else [])
    for problem in problems:
        print(problem, file=sys.stderr)
    if report.outbound:
        print(
            "Links to other sites (readers without internet cannot follow them):", *_summary(report.outbound), sep="\n"
        )
    print(f"{len(problems)} problem(s) in {args.site}", file=sys.stderr if problems else sys.stdout)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

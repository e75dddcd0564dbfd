"""A small checker for built sites: every internal link lands on a page and, if it names one, an anchor."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class PageLinks(HTMLParser):
    """The links (including copy-link targets) and ids of one HTML page, and its visible text."""

    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(str(values["id"]))
        for key in ("href", "data-href", "data-pinned"):
            if tag != "link" and values.get(key):
                self.hrefs.append(str(values[key]))
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


def parse(path: Path) -> PageLinks:
    parser = PageLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site_dir: Path, pages: list[Path]) -> list[str]:
    """Every internal link on ``pages`` that does not land on a page and anchor, as 'page: href'."""
    broken = []
    cache: dict[Path, PageLinks] = {}
    for page in pages:
        for href in parse(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme:  # another site, or mailto:
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site_dir)}: {href}")
            elif parts.fragment and target.suffix == ".html":
                if target not in cache:
                    cache[target] = parse(target)
                if unquote(parts.fragment) not in cache[target].ids:
                    broken.append(f"{page.relative_to(site_dir)}: {href} (no anchor)")
    return broken

"""Printing, as the division prints: the full text on A4, the 新旧対照表 on A4 landscape.

Chromium prints each page to PDF as its print dialog would (the page's own @page rules apply);
poppler's pdfinfo, pdftotext and pdftoppm then give the page sizes, the text of each page and its
pixels, so the test sees what lands on paper: nothing cut off at the edges, no blank page, no
heading left alone at the foot of a page, and a page count that fits the text.
"""

from __future__ import annotations

import math
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page

from .harness import PageType, Visit

A4 = (595, 842)  # points, portrait
WHITE = 245  # a grey level above this is paper


@dataclass
class Printed:
    pdf: Path
    sizes: list[tuple[float, float]]  # points, per page
    texts: list[str]  # per page
    pixels: list[tuple[int, int, bytes]]  # width, height, grey levels, per page

    @property
    def pages(self) -> int:
        return len(self.sizes)


def print_to_pdf(page: Page, path: str, out: Path) -> Printed:
    page.goto(path, wait_until="networkidle")
    page.pdf(path=str(out), format="A4", print_background=True, prefer_css_page_size=True)
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(out)], capture_output=True, text=True, check=True)
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info.stdout)]
    # One pdftotext for the whole document: it ends each page with a form feed.
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    texts = text.split("\f")[: len(sizes)]
    assert len(texts) == len(sizes), f"{len(texts)} pages of text for {len(sizes)} pages"
    subprocess.run(["pdftoppm", "-r", "40", "-gray", str(out), str(out.with_suffix(""))], check=True)
    pixels = [
        read_pgm(p) for p in sorted(out.parent.glob(f"{out.stem}-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    ]
    assert len(pixels) == len(sizes)
    return Printed(out, sizes, texts, pixels)


def read_pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert match, path
    width, height = int(match.group(1)), int(match.group(2))
    return width, height, data[match.end() : match.end() + width * height]


def blank(pixels: tuple[int, int, bytes]) -> bool:
    return min(pixels[2]) > WHITE


def inked_columns(pixels: tuple[int, int, bytes], share: float) -> list[str]:
    """Where ink touches the strips of paper along the left and right edges (share of the width)."""
    width, height, grey = pixels
    strip = max(2, int(width * share))
    found = []
    for side, columns in (("left", range(strip)), ("right", range(width - strip, width))):
        if any(grey[y * width + x] <= WHITE for y in range(height) for x in columns):
            found.append(side)
    return found


def check_paper(printed: Printed, headings: list[str], landscape: bool) -> None:
    for n, (width, height) in enumerate(printed.sizes, start=1):
        expected = (A4[1], A4[0]) if landscape else A4
        assert abs(width - expected[0]) <= 2 and abs(height - expected[1]) <= 2, (
            f"page {n} is {width:.0f} x {height:.0f} pt, not A4 {'landscape' if landscape else 'portrait'}"
        )
    for n, pixels in enumerate(printed.pixels, start=1):
        assert not blank(pixels), f"page {n} is blank"
        edges = inked_columns(pixels, 0.03)
        assert not edges, f"page {n}: print reaches the {' and '.join(edges)} edge of the paper: content is cut off"
    for n, text in enumerate(printed.texts[:-1], start=1):
        tail = "".join(line.strip() for line in text.strip().splitlines()[-3:])
        for heading in headings:
            assert not tail.endswith(heading.replace(" ", "")[-10:]), f"page {n} ends with the heading {heading!r}"


def check_layout(page: Page, width: int, height: int) -> None:
    """In print, only the content shows, and nothing in it is wider than the paper."""
    page.set_viewport_size({"width": width, "height": height})
    page.emulate_media(media="print")
    state = page.evaluate(
        """() => {
            const shown = s => [...document.querySelectorAll(s)].filter(e => e.offsetParent !== null).length;
            const article = document.querySelector("article").getBoundingClientRect();
            const wide = [...document.querySelectorAll("article *")]
                .filter(e => e.offsetParent !== null)
                .filter(e => e.getBoundingClientRect().right > article.right + 1 || e.scrollWidth > e.clientWidth + 1
                             && getComputedStyle(e).overflowX !== "visible")
                .map(e => e.tagName + "." + e.className);
            return {
                chrome: shown(".md-header, .md-sidebar, .md-footer, .provision__actions, .copy-link"),
                overflow: document.documentElement.scrollWidth - innerWidth,
                wide: wide.slice(0, 5),
            };
        }"""
    )
    assert state["chrome"] == 0, "navigation, footer or buttons are printed"
    assert state["overflow"] <= 0, f"the printed page is {state['overflow']}px wider than the paper"
    assert state["wide"] == [], f"elements wider than the printed text: {state['wide']}"


def headings_of(page: Page) -> list[str]:
    return [h.strip() for h in page.locator("article h2, article h3").all_inner_texts() if h.strip()]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_full_text_prints_on_a4(visit: Visit, tmp_path: Path, lang: str) -> None:
    page = visit.page()
    path = "/text/" if lang == "ja" else "/en/text/"
    printed = print_to_pdf(page, path, tmp_path / "text.pdf")
    check_paper(printed, headings_of(page), landscape=False)
    characters = len(re.sub(r"\s", "", page.locator("article").inner_text()))
    # A printed A4 page holds 800 to 2,000 characters of this text: the count must fall in between.
    assert math.ceil(characters / 2000) <= printed.pages <= math.ceil(characters / 800) + 1, (
        f"{printed.pages} pages for {characters} characters"
    )
    # The first page carries the guideline's title, in the page's language.
    title = re.sub(r"\s", "", page.locator("article h1").first.inner_text())
    assert title and title in re.sub(r"\s", "", printed.texts[0]), f"{title!r} is not on the first page"
    assert {"ja": "ツイッター", "en": "Twitter"}[lang] in title
    check_layout(page, 794, 1123)


def test_compare_prints_on_a4_landscape(visit: Visit, tmp_path: Path, compare_page: PageType) -> None:
    page = visit.page()
    printed = print_to_pdf(page, compare_page.path, tmp_path / "compare.pdf")
    # A named page set on a box inside the document once started a new, empty portrait page.
    assert not blank(printed.pixels[0]), "the first printed page is empty"
    check_paper(printed, headings_of(page), landscape=True)
    first = printed.texts[0]
    assert "新旧対照表" in first or "comparison" in first.lower(), "the title is not on the first page"
    for label in page.locator(".compare-table thead th").all_inner_texts():
        assert label.strip() in first, f"the column {label!r} is not on the first page"
    rows = page.locator(".compare-table tbody tr").count()
    assert printed.pages <= max(2, rows), f"{printed.pages} pages for {rows} rows"
    check_layout(page, 1123, 794)

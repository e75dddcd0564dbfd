"""Printed documents: the 新旧対照表 for approval (決裁) and an edition's full text, as HTML and as PDF.

The PDF is printed by Chromium (or Chrome, or Microsoft Edge on a Windows PC), headless: the same
engine that shows the site, so the page on paper is the page on screen, and nothing more is
installed on the division's PCs. Chromium (since version 131) draws CSS page-margin boxes, which
carry the running title and the page numbers (n / total); the table's header row repeats on
every page by ``display: table-header-group``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from markupsafe import Markup

from guideline import compare
from guideline.labels import label
from guideline.messages import MessageError, msg
from guideline.model.dates import wareki
from guideline.model.edition import Edition, Provision
from guideline.model.guideline import Guideline
from guideline.site import compare_page
from guideline.site.cite import edition_name
from guideline.site.templating import fragment

ASSETS = Path(__file__).resolve().parent.parent / "docs" / "assets"
# Where the browser is looked for, in order: GUIDELINE_BROWSER, then these names on PATH, then the usual
# places on Windows. Last, Chromium's headless shell: the same engine without the browser around it, which
# is all a server or a test machine needs (`make chromium` installs Debian's).
BROWSERS = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "msedge",
    "chromium-headless-shell",
)
WINDOWS_BROWSERS = (
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
)


class PrintError(MessageError):
    """The PDF could not be written; the message says why and what to do, in the division's words."""


def _css_string(value: str) -> Markup:
    """A CSS string literal for generated content (page headers), safe inside ``<style>``: no ``<`` in it
    can close the element."""
    quoted = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\00003c")
    return Markup(f'"{quoted}"')


def _page(guideline: Guideline, title: str, running: str, size: str, content: Markup) -> str:
    own = guideline.root / "docs" / "assets" / "compare.css"  # the project's, as on its site
    # Trust point: the stylesheet is the project's own file, as the site serves it.
    css = Markup((own if own.exists() else ASSETS / "compare.css").read_text(encoding="utf-8"))
    values = {"lang": guideline.lang, "title": title, "css": css, "size": size, "running": _css_string(running)}
    return str(fragment("printing.html", "page", content=content, **values))


def compare_html(guideline: Guideline, new: Edition, old: Edition) -> str:
    """The 新旧対照表 as one self-contained page, every changed provision shown, for printing (A4 landscape)."""
    comparison = compare.compare(old, new)
    title = compare_page.heading(guideline, new)
    body = compare_page.body(guideline, comparison, controls=False)
    running = f"{title}　" + compare_page.text(
        guideline, "caption", new=edition_name(guideline, new), old=edition_name(guideline, old)
    )
    return _page(guideline, title, running, "landscape", fragment("printing.html", "compare", title=title, body=body))


def _provision(provision: Provision, edition: Edition) -> Markup:
    children = Markup("").join(_provision(edition.provisions[c], edition) for c in provision.children)
    return fragment("printing.html", "provision", p=provision, children=children)


def text_html(guideline: Guideline, edition: Edition) -> str:
    """The full text of one edition for printing (A4 portrait): title, edition, dates, every provision."""
    lang = guideline.lang
    name = edition_name(guideline, edition)
    dates = compare_page.text(
        guideline, "dates", enacted=wareki(edition.enacted, lang), effective=wareki(edition.effective, lang)
    )
    shown = compare_page.status(guideline, edition)
    meta = f"{name}（{shown}） {dates}" if lang == "ja" else f"{name} ({shown}). {dates}"
    tops = [
        (
            top.heading if top.kind == "preamble" else f"{top.label} {top.heading}",
            top.paragraphs,
            [_provision(edition.provisions[c], edition) for c in top.children],
        )
        for top in edition.top_level()
    ]
    content = fragment("printing.html", "text", title=edition.title, meta=meta, tops=tops)
    running = f"{edition.title}（{name}）" if lang == "ja" else f"{edition.title} ({name})"
    title = f"{edition.title} {label(guideline, 'paren', text=name)}"
    return _page(guideline, title, running, "portrait", content)


def find_browser() -> str | None:
    """The Chromium, Chrome or Edge that prints the PDF: GUIDELINE_BROWSER, else the first one found."""
    chosen = os.environ.get("GUIDELINE_BROWSER")
    if chosen:
        return chosen if Path(chosen).exists() or shutil.which(chosen) else None
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return next((path for path in WINDOWS_BROWSERS if Path(path).exists()), None)


def write_pdf(document: str, target: Path) -> None:
    """Print ``document`` (a self-contained HTML page) to ``target`` with headless Chromium."""
    browser = find_browser()
    if browser is None:
        raise PrintError(msg("printing.no_browser"))
    if not target.parent.is_dir():
        raise PrintError(msg("printing.no_folder", path=str(target), folder=str(target.parent)))
    with tempfile.TemporaryDirectory(prefix="guideline-print-") as work:
        page = Path(work) / "page.html"
        page.write_text(document, encoding="utf-8")
        out = Path(work) / "out.pdf"
        command = [
            browser,
            "--headless",
            "--no-sandbox",  # run as root in CI containers; the page is our own, with no script
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-pdf-header-footer",  # the page's own margin boxes carry the title and the page numbers
            f"--user-data-dir={Path(work) / 'profile'}",
            f"--print-to-pdf={out}",
            page.as_uri(),
        ]
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
        except subprocess.TimeoutExpired:
            raise PrintError(msg("printing.timeout", browser=browser, minutes=3)) from None
        except OSError:
            raise PrintError(msg("printing.cannot_start", browser=browser)) from None
        if result.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
            raise PrintError(msg("printing.failed", browser=browser, code=result.returncode))
        try:
            shutil.copyfile(out, target)
        except OSError:
            raise PrintError(msg("printing.cannot_write", path=str(target))) from None

"""Browser fixtures: the real site built once per session, served on loopback, seen through Chromium.

The site is built with drafts (GUIDELINE_DRAFTS=1), so every kind of page the division uses,
the draft's 新旧対照表 included, is tested. Test functions that take ``page_type`` run once per
kind of page found in that build, in both languages: a new kind of page is tested as it appears.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import drafts_site
from playwright.sync_api import Browser

from .harness import Visit, page_types, serve, visiting


def _site(config: pytest.Config) -> Path:
    """Build the site on first use (collection needs it to list the page types), once for the workers."""
    return drafts_site(config)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "page_type" in metafunc.fixturenames:
        types = page_types(_site(metafunc.config))
        metafunc.parametrize("page_type", types, ids=[t.id for t in types])
    if "compare_page" in metafunc.fixturenames:  # 新旧対照表: skipped until the build has one
        types = [t for t in page_types(_site(metafunc.config)) if t.kind == "editions/*/compare"]
        metafunc.parametrize("compare_page", types, ids=[t.id for t in types])


@pytest.fixture(scope="session")
def site(request: pytest.FixtureRequest) -> Path:
    return _site(request.config)


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def module_visit(browser: Browser, base_url: str) -> Iterator[Visit]:
    with visiting(browser, base_url) as visit:
        yield visit


@pytest.fixture
def visit(module_visit: Visit) -> Visit:
    """The module's visit, its tab as a new one (Visit.reset)."""
    module_visit.reset()
    return module_visit

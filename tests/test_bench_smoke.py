"""The build benchmark at its smallest: the generator writes a valid guideline, the site stays small, the script runs.

`make bench` itself takes minutes and is not part of `make test`.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from conftest import MKDOCS, mkdocs_in_process

from bench import perf, synthetic
from guideline.checks import translation
from guideline.model.project import load


def test_generated_guideline_is_valid_in_both_languages(tmp_path: Path) -> None:
    generated = synthetic.generate(tmp_path / "site", 80, 3)
    japanese = load(generated.root, "ja", drafts=False)
    english = load(generated.root, "en", drafts=False)
    assert [e.name for e in japanese.editions] == ["1", "2", "3"]
    assert len(japanese.current.provisions) == generated.provisions
    assert english.current.lang == "en" and set(english.current.provisions) == set(japanese.current.provisions)
    # Each revision rewords, inserts and deletes provisions; removed ones keep their commentary page.
    kinds = {row.kind for edition in japanese.editions[1:] for row in japanese.comparison(edition).rows}  # type: ignore[union-attr]
    assert {"unchanged", "modified", "added", "deleted"} <= kinds
    assert japanese.tombstones and set(japanese.tombstones) <= set(japanese.commentaries)
    assert len(japanese.commentaries) == len(english.commentaries) == generated.commentary_pages
    assert sum(len(links) for links in japanese.backlinks.values()) > generated.commentary_pages
    stale = [t for t in translation.status(generated.root, "en") if t.state == "stale"]
    assert not stale, stale


def nav_hrefs(page: str) -> list[str]:
    # The primary sidebar ends where the page's content begins (the contents sidebar comes after it).
    start = page.index('<nav class="md-nav md-nav--primary"')
    nav = page[start : page.index('<div class="md-content"', start)]
    return re.findall(r'href="([^"]+)"', nav)


def test_long_guideline_keeps_pages_small(tmp_path: Path) -> None:
    """Commentary grouped by chapter, long runs of chapters folded, navigation pruned; old editions not indexed."""
    generated = synthetic.generate(tmp_path / "site", 70, 2, chapter_items=(1, 2))
    result = mkdocs_in_process(
        [MKDOCS, "build", "--strict", "--site-dir", str(tmp_path / "out")],
        generated.root,
        {k: v for k, v in os.environ.items() if k != "GUIDELINE_DRAFTS"} | {"NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    guideline = load(generated.root, "ja", drafts=False)
    chapters = [p for p in guideline.current.top_level() if p.kind == "chapter"]
    assert len(chapters) > 12
    first, *_, last = [p for p in chapters if p.children]
    page = (out / "clauses" / first.children[0] / "index.html").read_text(encoding="utf-8")
    links = {href for href in nav_hrefs(page) if re.fullmatch(r"\.\./[a-z0-9-]+/", href)}
    assert "1〜10" in page  # the first run of ten chapters
    assert len(links) < len(list((out / "clauses").iterdir())) / 3
    assert f"../{first.children[-1]}/" in links  # its own chapter is listed in full
    assert f"../{last.children[-1]}/" not in links  # a chapter far away is folded away
    index = json.loads((out / "search" / "index.ja.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("clauses/") for loc in locations)
    assert not [loc for loc in locations if loc.startswith(("editions/1/", "editions/2/"))]


def test_benchmark_runs_at_the_smallest_size(tmp_path: Path) -> None:
    out = tmp_path / "BENCHMARK.md"
    assert perf.main(["--quick", "--out", str(out), "--work", str(tmp_path / "work")]) == 0
    table = out.read_text(encoding="utf-8")
    for heading in ("## 1. Build time", "## 3. Navigation", "## 4. Diffs", "## 6. Readers"):
        assert heading in table
    row = next(line for line in table.splitlines() if line.startswith("| 20 provisions × 1 edition |"))
    ratio = float(row.split("|")[6])
    assert 0.3 < ratio < 5, row
    commentary = next(line for line in table.splitlines() if line.startswith("| commentary "))
    assert re.search(r"\d+\.\d KB \| [+-]\d+\.\d KB", commentary), commentary

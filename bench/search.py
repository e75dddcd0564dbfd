"""Search benchmark: hit rate at 3 of this site's search and of Material's own, in one run.

Builds the site twice (this project's search; GUIDELINE_SEARCH=material for Material's worker),
serves both on loopback and types every query of tests/search_queries.yml into the search box
of each in Debian's Chromium. Prints each query's rank on both and the two hit rates.

    make bench-search            # or: .venv/bin/python bench/search.py [--k 3] [--only-misses]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "browser"))

from harness import Outcome, build_site, hit_rate, launch, load_queries, run_queries, serve
from playwright.sync_api import sync_playwright


def measure(k: int) -> tuple[list[Outcome], list[Outcome]]:
    queries = load_queries()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        # The site the browser tests see: drafts included, every page a reader can meet.
        ours = build_site(Path(tmp) / "ours", GUIDELINE_DRAFTS="1")
        material = build_site(Path(tmp) / "material", GUIDELINE_DRAFTS="1", GUIDELINE_SEARCH="material")
        with serve(ours) as ours_url, serve(material) as material_url, sync_playwright() as playwright:
            browser = launch(playwright)
            try:
                return run_queries(browser, ours_url, queries), run_queries(browser, material_url, queries)
            finally:
                browser.close()


def rank_label(outcome: Outcome) -> str:
    rank = outcome.rank()
    return "-" if rank is None else str(rank)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--k", type=int, default=3, help="a query is answered when an expected page ranks <= k")
    parser.add_argument("--only-misses", action="store_true", help="list only the queries this site's search misses")
    args = parser.parse_args()
    started = time.monotonic()
    ours, material = measure(args.k)
    print(f"{'ours':>4} {'mat.':>4}  query -> expected  |  this site's first results")
    for o, m in zip(ours, material, strict=True):
        if args.only_misses and o.hit(args.k):
            continue
        mark = " " if o.hit(args.k) else "!"
        print(
            f"{rank_label(o):>4} {rank_label(m):>4} {mark} {o.query.text} -> {' '.join(o.query.expected)}"
            f"  |  {' '.join(o.pages[:3]) or '(nothing)'}"
        )
    n = len(ours)
    print()
    print(f"queries: {n}   k = {args.k}   ({time.monotonic() - started:.0f} s)")
    print(
        f"hit rate@{args.k}  this site's search: {hit_rate(ours, args.k):.3f} ({sum(o.hit(args.k) for o in ours)}/{n})"
    )
    print(
        f"hit rate@{args.k}  Material's search:  {hit_rate(material, args.k):.3f} ({sum(m.hit(args.k) for m in material)}/{n})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

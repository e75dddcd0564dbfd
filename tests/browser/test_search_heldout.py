"""The search measured on queries nobody tuned it on: tests/search_heldout.yml.

The set was written blind (by someone who had not seen the search code), committed before it was
first run, and is frozen here by its hash: the search is never tuned on it. A query it misses is a
kind of miss to understand (words staff use, a question form), fixed in general and checked on the
development set (tests/search_queries.yml), never fixed for the query itself.
"""

from __future__ import annotations

import hashlib

from playwright.sync_api import Browser

from .harness import HELDOUT, hit_rate, load_queries, run_queries

HELDOUT_SHA256 = "08c242856e310be7ca6513f7b7d9d45a5097d56ad8c43b88568e99704210cc0d"

# Measured by `make bench-search` when the scoring was final (see BENCHMARK.md): hit@3 0.96 (65 of 68),
# hit@1 0.85 (58 of 68); Material's own search 0.16 and 0.12.
# The floors leave room for one or two queries to slip as the commentary is rewritten; lowering them
# to pass is not a fix.
HIT_AT_3_FLOOR = 0.92
HIT_AT_1_FLOOR = 0.80


def test_the_heldout_set_is_frozen() -> None:
    digest = hashlib.sha256(HELDOUT.read_bytes()).hexdigest()
    assert digest == HELDOUT_SHA256, "tests/search_heldout.yml changed: the held-out set is frozen"
    queries = load_queries(HELDOUT)
    assert len(queries) >= 60 and sum(q.lang == "en" for q in queries) >= 10


def test_heldout_hit_rates_stay_above_their_floors(browser: Browser, base_url: str) -> None:
    outcomes = run_queries(browser, base_url, load_queries(HELDOUT))
    at3, at1 = hit_rate(outcomes, 3), hit_rate(outcomes, 1)
    missed = "\n".join(f"  {o.query.text}: {' '.join(o.pages[:3]) or 'nothing'}" for o in outcomes if not o.hit(3))
    assert at3 >= HIT_AT_3_FLOOR, f"held-out hit@3 {at3:.3f} < {HIT_AT_3_FLOOR}; missed:\n{missed}"
    assert at1 >= HIT_AT_1_FLOOR, f"held-out hit@1 {at1:.3f} < {HIT_AT_1_FLOOR}"

"""The provision index with status by date: a 施行予定 edition is neither in force nor a draft."""

from __future__ import annotations

import os
import subprocess
from datetime import date

from conftest import GUIDELINE, Site, commentary
from test_dates import BEFORE, DAY, scheduled

from guideline import editing
from guideline.model.project import load
from guideline.site.cite import citation_label
from guideline.site.commentary import render_commentary

__all__ = ["scheduled"]  # the fixture, shared with test_dates


def add_sources(site: Site) -> None:
    """Edition 2 adds provision 'sources' and is released in force from DAY."""
    editing.new_edition(site.root, "2")
    path = site.root / "editions/2.ja.md"
    text = path.read_text(encoding="utf-8").replace("{#rumors}", "{#rumors}\n- 出典を示します。 {#sources}")
    path.write_text(text, "utf-8")
    site.write("docs/clauses/sources.md", commentary("sources", title="出典"))
    editing.release(site.root, "2", date(2026, 11, 20), DAY)


def test_a_provision_of_a_scheduled_edition_is_not_called_a_draft(tiny_site: Site) -> None:
    add_sources(tiny_site)
    before = load(tiny_site.root, today=BEFORE)
    assert before.index.entry("sources").state == "scheduled"
    assert not before.is_draft_only("sources") and before.is_not_yet_in_force("sources")
    assert citation_label(before, "sources") == "2(3)「出典」"  # no （改正案）: it is released
    assert before.edition_of("sources").name == "2"
    on_the_day = load(tiny_site.root, today=DAY)
    assert on_the_day.index.entry("sources").state == "current" and not on_the_day.is_not_yet_in_force("sources")


def test_a_draft_on_top_of_a_scheduled_edition_is_compared_with_it(tiny_site: Site) -> None:
    add_sources(tiny_site)
    editing.new_edition(tiny_site.root, "3")
    path = tiny_site.root / "editions/3.ja.md"
    text = path.read_text(encoding="utf-8").replace("出典を示します。", "出典を必ず示します。")
    path.write_text(text.replace("status: draft", "status: draft\nreasons: [2(3)に「必ず」を加える。]", 1), "utf-8")
    preview = load(tiny_site.root, drafts=True, today=BEFORE)
    assert preview.current.name == "1" and [e.name for e in preview.scheduled] == ["2"]
    assert preview.index.draft_base is not None and preview.index.draft_base.name == "2"
    change = preview.history("sources")[-1]
    assert change.edition.name == "3" and change.previous is not None and change.previous.name == "2"
    assert change.row.kind == "modified"
    page = render_commentary(preview, preview.commentaries["sources"]).text
    assert "施行の改正で新設される条項です" in page and "出典を示します。" in page  # the text edition 2 brings


def test_a_change_made_by_a_scheduled_edition_is_to_be_reviewed_before_it_comes_into_force(scheduled: Site) -> None:
    guideline = load(scheduled.root, today=BEFORE)
    due = guideline.review_due("rumors")  # edition 2 rewords it; its page was written for edition 1
    assert due is not None and due.name == "2"
    env = {**os.environ, "GUIDELINE_BUILD_DATE": BEFORE.isoformat()}
    check = subprocess.run([GUIDELINE, "check"], cwd=scheduled.root, capture_output=True, text=True, env=env)
    assert (
        "docs/clauses/rumors.md:4: 要確認：第2版（施行予定）でこの条項の条文が改正されます。解説・事例・よくある質問が"
        "改正後の条文に合っているか確認が必要です（この解説は第1版の条文をもとに書かれています）。"
        '確認したら、前付けの reviewed を "2" にしてください。'
    ) in check.stdout

"""Status by 施行日 and the build date; dates checked at release; dates and 正誤 corrected on the record."""

from __future__ import annotations

import os
import re
import subprocess
from datetime import date

import pytest
import yaml
from conftest import GUIDELINE, ROOT, Site, commentary
from test_translation import EDITION_EN

from guideline import editing
from guideline.model import releases
from guideline.model.dates import DateError, build_date, parse_date
from guideline.model.project import load
from guideline.problems import GuidelineError
from guideline.site.commentary import render_commentary
from guideline.site.editions import render_editions_index
from guideline.site.home import render_latest_change
from guideline.site.text import render_edition_page, render_text

BEFORE = date(2026, 12, 2)  # the day the issue was filed: edition 2 released, not yet in force
DAY = date(2027, 1, 1)  # edition 2's 施行日


def problems_of(site: Site, today: date = BEFORE) -> list[str]:
    """Every problem ``load`` reports, as the editor reads them."""
    with pytest.raises(GuidelineError) as error:
        load(site.root, today=today)
    return [str(p) for p in error.value.problems.items]


def revise(site: Site) -> None:
    """Start draft 2 with one reworded sub-item, in every language, as the division would."""
    editing.new_edition(site.root, "2")
    for lang, old, new in (("ja", "単なる噂", "単なる噂や憶測"), ("en", "Mere rumours", "Mere rumours or speculation")):
        draft = site.root / f"editions/2.{lang}.md"
        if draft.exists():
            draft.write_text(draft.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


@pytest.fixture
def scheduled(tiny_site: Site) -> Site:
    """Edition 2 enacted on 2026-11-20, in force from 2027-01-01; edition 1 published in English too."""
    tiny_site.write("editions/1.en.md", EDITION_EN)
    tiny_site.release("1")
    revise(tiny_site)
    editing.release(tiny_site.root, "2", date(2026, 11, 20), DAY, today=date(2026, 11, 20))
    return tiny_site


# Reading dates as a 決裁 is dated.


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2027-01-01", date(2027, 1, 1)),
        ("令和9年1月1日", date(2027, 1, 1)),
        ("令和９年１月１日", date(2027, 1, 1)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("平成31年4月30日", date(2019, 4, 30)),
        (" 令和8年12月2日 ", date(2026, 12, 2)),
    ],
)
def test_dates_are_read_in_both_calendars(written: str, expected: date) -> None:
    assert parse_date(written) == expected


@pytest.mark.parametrize(
    ("written", "said"),
    [
        ("2027-02-30", "「2027-02-30」という日付はありません"),
        ("令和9年2月30日", "「令和9年2月30日」という日付はありません"),
        ("2027/01/01", "「2027/01/01」は日付として読めません"),
        ("令和元年4月30日", "令和の始まり（令和元年(2019年)5月1日）より前の日付です"),
    ],
)
def test_a_bad_date_says_what_and_how_in_japanese(written: str, said: str) -> None:
    with pytest.raises(DateError) as error:
        parse_date(written)
    assert said in str(error.value)
    assert "2027-01-01 または 令和9年1月1日 のように書いてください" in str(error.value)
    assert "isoformat" not in str(error.value)


def test_build_date_defaults_to_today_in_japan_and_names_the_variable() -> None:
    assert build_date("2027-01-01") == DAY
    assert build_date(None) >= date(2026, 12, 1)
    with pytest.raises(DateError, match="環境変数 GUIDELINE_BUILD_DATE: 「tomorrow」は日付として読めません"):
        build_date("tomorrow")


# Status by 施行日.


def test_status_follows_the_effective_date_not_the_release(scheduled: Site) -> None:
    before = load(scheduled.root, today=BEFORE)
    assert before.current.name == "1"
    assert [before.status(e) for e in before.editions] == ["current", "scheduled"]
    assert "単なる噂や憶測" not in before.provision("rumors").text
    on_the_day = load(scheduled.root, today=DAY)
    assert on_the_day.current.name == "2"
    assert [on_the_day.status(e) for e in on_the_day.editions] == ["superseded", "current"]
    assert on_the_day.provision("rumors").text == "単なる噂や憶測"
    assert load(scheduled.root, today=date(2026, 12, 31)).current.name == "1"


def test_scheduled_banner_names_the_day_and_links_the_comparison(scheduled: Site) -> None:
    guideline = load(scheduled.root, today=BEFORE)
    text = render_text(guideline).text
    assert '令和9年(2027年)1月1日施行の改正があります（<a href="../editions/2/compare/">新旧対照表</a>）。' in text
    assert "施行の改正があります" in render_commentary(guideline, guideline.commentaries["rumors"]).text
    assert "施行の改正" not in render_commentary(guideline, guideline.commentaries["accuracy"]).text
    index = render_editions_index(guideline)
    assert re.search(
        r"\| \[第2版\]\(2/index\.md\) \| \*\*施行予定\*\* \| 令和8年\(2026年\)11月20日 \| 令和9年\(2027年\)1月1日 \|",
        index,
    )
    assert "| [第1版](1/index.md) | **現行** |" in index and "施行の改正があります" in index
    assert "施行の改正" not in render_text(load(scheduled.root, today=DAY)).text


def test_scheduled_edition_page_says_when_it_comes_into_force(scheduled: Site) -> None:
    guideline = load(scheduled.root, today=BEFORE)
    page = render_edition_page(guideline, guideline.edition("2")).text
    assert "この版は令和9年(2027年)1月1日に施行されます。それまでは第1版が現行です。" in page


def test_built_site_shows_the_edition_in_force_on_the_build_date(scheduled: Site) -> None:
    """The real build, both languages: the date comes from GUIDELINE_BUILD_DATE, read by the hook."""
    assert scheduled.build(env={"GUIDELINE_BUILD_DATE": "2026-12-02"}).returncode == 0
    text = scheduled.html("text")
    assert "単なる噂や憶測" not in text and "令和9年(2027年)1月1日施行の改正があります" in text
    assert 'href="../editions/2/compare/">新旧対照表</a>' in text
    assert "令和9年(2027年)1月1日施行の改正があります" in scheduled.html("clauses/rumors")
    assert "施行の改正" not in scheduled.html("clauses/accuracy")
    editions = scheduled.html("editions")
    assert re.search(r"<td><a href=\"2/\">第2版</a></td>\s*<td><strong>施行予定</strong></td>", editions)
    assert re.search(r"<td><a href=\"1/\">第1版</a></td>\s*<td><strong>現行</strong></td>", editions)
    english = scheduled.html("en/text")
    assert "An amendment comes into force on January 1, 2027" in english and "or speculation" not in english
    assert scheduled.build(env={"GUIDELINE_BUILD_DATE": "令和9年1月1日"}).returncode == 0
    assert "単なる噂や憶測" in scheduled.html("text") and "施行の改正" not in scheduled.html("text")
    assert re.search(r"<td><a href=\"2/\">第2版</a></td>\s*<td><strong>現行</strong></td>", scheduled.html("editions"))
    bad = scheduled.build(env={"GUIDELINE_BUILD_DATE": "2027-13-01"})
    assert bad.returncode == 1 and "環境変数 GUIDELINE_BUILD_DATE: 「2027-13-01」という日付はありません" in bad.stderr


def test_english_banner_and_status(scheduled: Site) -> None:
    english = load(scheduled.root, "en", today=BEFORE)
    text = render_text(english).text
    assert (
        'An amendment comes into force on January 1, 2027 (<a href="../editions/2/compare/">old/new comparison</a>).'
    ) in text
    assert "Mere rumours or speculation" not in text
    assert "| [Edition 2](2/index.md) | **Not yet in force** |" in render_editions_index(english)


# Dates checked at release.


def test_release_accepts_wareki_and_full_width_digits(tiny_site: Site) -> None:
    revise(tiny_site)
    result = tiny_site.guideline("release", "2", "--date", "令和８年１１月２０日", "--effective", "令和9年1月1日")
    assert result.returncode == 0, result.stderr
    text = (tiny_site.root / "editions/2.ja.md").read_text(encoding="utf-8")
    assert "enacted: 2026-11-20" in text and "effective: 2027-01-01" in text


def test_release_refuses_effective_before_enacted_and_writes_nothing(tiny_site: Site) -> None:
    revise(tiny_site)
    before = {p.name: p.read_text(encoding="utf-8") for p in (tiny_site.root / "editions").iterdir()}
    result = tiny_site.guideline("release", "2", "--date", "2027-04-01", "--effective", "2027-03-31")
    assert result.returncode == 1
    assert (
        "第2版の施行日（令和9年(2027年)3月31日）が制定日（令和9年(2027年)4月1日）より前です。"
        "施行日は制定日と同じ日か、その後にしてください"
    ) in result.stderr
    assert {p.name: p.read_text(encoding="utf-8") for p in (tiny_site.root / "editions").iterdir()} == before


def test_release_refuses_dates_before_the_previous_edition(scheduled: Site) -> None:
    editing.new_edition(scheduled.root, "3")
    result = scheduled.guideline("release", "3", "--date", "2026-11-01")
    assert result.returncode == 1
    assert "第3版の制定日（令和8年(2026年)11月1日）が、前の第2版の制定日（令和8年(2026年)11月20日）より前です。" in (
        result.stderr
    )
    assert "第3版の施行日（令和8年(2026年)11月1日）が、前の第2版の施行日" in result.stderr


def test_a_bad_date_at_release_is_explained(tiny_site: Site) -> None:
    revise(tiny_site)
    result = tiny_site.guideline("release", "2", "--date", "2027-4-1")
    assert result.returncode == 1
    assert "「2027-4-1」は日付として読めません。2027-01-01 または 令和9年1月1日 のように書いてください" in result.stderr
    assert "Traceback" not in result.stderr and "isoformat" not in result.stderr


# Recorded corrections: dates, and 正誤.


def test_amend_release_records_dates_with_the_reason_and_shows_them(tiny_site: Site) -> None:
    result = tiny_site.guideline(
        "amend-release", "1", "--enacted", "令和2年4月1日", "--effective", "2020-04-01", "--reason", "決裁文書で確認"
    )
    assert result.returncode == 0, result.stderr
    assert "制定日：未記載 → 令和2年(2020年)4月1日" in result.stdout
    edition = (tiny_site.root / "editions/1.ja.md").read_text(encoding="utf-8")
    assert "enacted: 2020-04-01" in edition and "effective: 2020-04-01" in edition
    entry = releases.read_record(tiny_site.root, releases.Problems())["1"]
    assert entry.enacted == date(2020, 4, 1)
    amended = entry.history[-1]
    assert amended["kind"] == "amend-release" and amended["reason"] == "決裁文書で確認"
    assert len(amended["seal"]) == 2 and amended["seal"][1] == entry.seal and amended["seal"][0] != entry.seal
    guideline = load(tiny_site.root, today=BEFORE)
    index = render_editions_index(guideline)
    assert re.search(r"<td>第1版</td><td>令和\d+年\(\d+年\)\d+月\d+日</td><td>日付の訂正</td>", index)
    assert '<td lang="ja">決裁文書で確認</td>' in index and "施行日：未記載 → 令和2年(2020年)4月1日" in index
    assert "| [第1版](1/index.md) | **現行** | 令和2年(2020年)4月1日 | 令和2年(2020年)4月1日 |" in index


def test_amend_release_needs_a_reason_and_sound_dates(tiny_site: Site) -> None:
    record = (tiny_site.root / "editions/releases.yml").read_text(encoding="utf-8")
    no_reason = tiny_site.guideline("amend-release", "1", "--enacted", "2020-04-01", "--reason", " ")
    assert no_reason.returncode == 1 and "訂正の理由がありません" in no_reason.stderr
    backwards = tiny_site.guideline(
        "amend-release", "1", "--enacted", "2020-04-01", "--effective", "2020-03-01", "--reason", "確認"
    )
    assert backwards.returncode == 1 and "施行日は制定日と同じ日か、その後にしてください" in backwards.stderr
    draft = tiny_site.guideline("amend-release", "2", "--enacted", "2020-04-01", "--reason", "確認")
    assert draft.returncode == 1 and "第2版は公開されていません" in draft.stderr
    assert (tiny_site.root / "editions/releases.yml").read_text(encoding="utf-8") == record


def test_hand_edited_dates_fail_and_point_to_amend_release(tiny_site: Site) -> None:
    path = tiny_site.root / "editions/1.ja.md"
    path.write_text(path.read_text(encoding="utf-8").replace("enacted: null", "enacted: 2020-04-01"), "utf-8")
    found = problems_of(tiny_site)
    assert any(
        p.startswith("editions/1.ja.md:5: エラー: 制定日が記録（未記載）と違います（令和2年(2020年)4月1日）。")
        and "guideline amend-release 1 --enacted 日付" in p
        for p in found
    ), found


def test_a_correction_is_recorded_with_its_reason_and_both_checksums(tiny_site: Site) -> None:
    path = tiny_site.root / "editions/1.ja.md"
    path.write_text(path.read_text(encoding="utf-8").replace("正確に書かなければ", "正確に書かなけれぱ"), "utf-8")
    tiny_site.release("1")  # the typo as published
    old_seal = releases.read_record(tiny_site.root, releases.Problems())["1"].seal
    path.write_text(path.read_text(encoding="utf-8").replace("書かなけれぱ", "書かなければ"), "utf-8")
    assert any("条項 2(1) 'accuracy' の文言が" in p and "guideline correct 1" in p for p in problems_of(tiny_site))
    result = tiny_site.guideline("correct", "1", "--reason", "「なけれぱ」は「なければ」の誤り")
    assert result.returncode == 0, result.stderr
    entry = releases.read_record(tiny_site.root, releases.Problems())["1"]
    assert entry.history[-1]["seal"] == [old_seal, entry.seal]
    assert entry.history[-1]["changes"] == ["条項 2(1) 'accuracy' の文言（ja）"]
    index = render_editions_index(load(tiny_site.root, today=BEFORE))
    assert "<td>正誤</td>" in index and "「なけれぱ」は「なければ」の誤り" in index
    again = tiny_site.guideline("correct", "1", "--reason", "もう一度")
    assert again.returncode == 1 and "訂正されたところはありません" in again.stderr


def test_a_correction_cannot_move_or_add_provisions(tiny_site: Site) -> None:
    path = tiny_site.root / "editions/1.ja.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("- 正確に書かなければなりません。 {#accuracy}\n", "")
        + "- 正確に書かなければなりません。 {#accuracy}\n",
        "utf-8",
    )
    result = tiny_site.guideline("correct", "1", "--reason", "順序を直す")
    assert result.returncode == 1
    assert "の番号・位置・親・後継は正誤では直せません（正誤は文言の訂正だけです）。" in result.stderr
    assert "新しい版で行ってください（guideline new-edition）" in result.stderr


# The status flips on the day: the published site is rebuilt daily.


def test_the_live_commit_is_rebuilt_daily_just_after_midnight_in_japan() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert workflow[True]["schedule"] == [{"cron": "5 15 * * *"}]  # 00:05 JST; YAML 1.1 reads `on` as true
    daily = workflow["jobs"]["daily"]
    assert daily["if"] == "github.event_name == 'schedule'" and daily["runs-on"] == ["self-hosted", "intranet"]
    runs = [step.get("run", "") for step in daily["steps"]]
    checkout = next(i for i, run in enumerate(runs) if "git checkout --detach" in run)
    rebuild = next(
        i for i, run in enumerate(runs) if 'GUIDELINE_BUILD_DATE="$(TZ=Asia/Tokyo date +%F)" make publish' in run
    )
    assert '"$DEST/current/release.json"' in runs[checkout] and checkout < rebuild
    assert all(step.get("with", {}).get("fetch-depth") == 0 for step in daily["steps"] if "uses" in step)


def test_a_provision_added_by_a_scheduled_edition_is_announced_not_in_force(tiny_site: Site) -> None:
    editing.new_edition(tiny_site.root, "2")
    path = tiny_site.root / "editions/2.ja.md"
    path.write_text(
        path.read_text(encoding="utf-8").replace("{#rumors}", "{#rumors}\n- 出典を示します。 {#sources}"),
        "utf-8",
    )
    tiny_site.write("docs/clauses/sources.md", commentary("sources", title="出典"))
    editing.release(tiny_site.root, "2", date(2026, 11, 20), DAY)
    guideline = load(tiny_site.root, today=BEFORE)
    assert "sources" not in guideline.current.provisions and not guideline.is_removed("sources")
    page = render_commentary(guideline, guideline.commentaries["sources"]).text
    assert page.startswith("# 2(3) 出典")
    assert "令和9年(2027年)1月1日施行の改正で新設される条項です（" in page and "まだ効力はありません。" in page
    assert "令和9年(2027年)1月1日施行の改正があります" in render_latest_change(guideline, "index.md")
    assert editing.new_edition(tiny_site.root, "3")  # a new draft starts from edition 2, not yet in force
    assert "出典を示します。" in (tiny_site.root / "editions/3.ja.md").read_text(encoding="utf-8")
    built = tiny_site.build(env={"GUIDELINE_BUILD_DATE": "2026-12-02"})
    assert built.returncode == 0, built.stderr
    assert "施行の改正で新設される条項です" in tiny_site.html("clauses/sources")
    assert "出典を示します。" not in tiny_site.html("text")


def test_amend_release_never_freezes_an_edited_text_again(tiny_site: Site) -> None:
    path = tiny_site.root / "editions/1.ja.md"
    path.write_text(path.read_text(encoding="utf-8").replace("単なる噂", "噂"), encoding="utf-8")
    result = tiny_site.guideline("amend-release", "1", "--enacted", "2020-04-01", "--reason", "確認")
    assert result.returncode == 1
    assert "第1版は公開時の記録と違います（editions/1.ja.md:21: 条項 2(2)① 'rumors' の文言）。" in result.stderr
    assert "enacted: null" in path.read_text(encoding="utf-8")


def test_check_reads_the_build_date_and_explains_a_bad_one(scheduled: Site) -> None:
    def check(build_date: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "GUIDELINE_BUILD_DATE": build_date}
        return subprocess.run([GUIDELINE, "check"], cwd=scheduled.root, capture_output=True, text=True, env=env)

    before = check("2026-12-31").stdout
    assert "ja: 第1版、条項 6、" in before
    assert "ja: 第2版は施行予定です（施行日 令和9年(2027年)1月1日、現行は第1版）。" in before
    assert "ja: 第2版、条項 6、" in check("2027-01-01").stdout
    bad = check("明日")
    assert bad.returncode == 1 and "環境変数 GUIDELINE_BUILD_DATE: 「明日」は日付として読めません" in bad.stderr

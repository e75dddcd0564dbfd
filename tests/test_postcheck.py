"""投稿案チェック: the signals declared in the commentary and the similarity to labelled cases, measured on drafts.

Two mechanisms find provisions: the signals (words and kinds of text each commentary declares) and,
weaker and more general, the similarity of the draft to labelled cases (the worked examples and the
development sets' drafts, see guideline/site/postcheck.py). Every figure is printed for each alone
and for both together; every similarity figure is measured with the draft's own case left out (each
worked example left out of the cases, each development set left out of them), never as a training fit.

The worked examples' own 投稿案 and 改善案 are what the signals were written from (a draft the guideline
calls NG should be flagged by its provision; its 改善案 should not). Where an example's problem is in its
photo, its commentary says what the photo shows (``attachments:``, as staff would type it into the
page's optional field), and the measurement gives the page that too: never the example's 場面 or 理由.

Three sets of labelled drafts, all now DEVELOPMENT sets and cases of the similarity, hash-pinned and
never edited (``glossary/labelled/``): ``frozen.yml`` was written before any signal existed; ``blind1.yml``
was measured once unseen (found 0.44, false alarms 0.29), then read to write the lexicons; ``blind2.yml``
was measured once unseen after that (found 0.47, false alarms 0.17), then read to choose the similarity.
Their figures since show what the rules and the choice hold, not how the check meets drafts nobody tuned
it for. ``tests/postcheck_blind3.yml`` (blind set 3, 90 drafts) measures that: written by a third writer
who saw only the official text and the provision ids, sealed before the similarity was built, and
measured once, on 2026-12-02, when it was done: found 0.60, false alarms 0.09 (signals alone 0.40 / 0.09).
It is not a case of the similarity and nobody develops on it; once someone tunes on it, it is spent, and
a fourth set written blind takes its place. ``python tests/test_postcheck.py`` prints all figures, every
miss and every false alarm; ``--set PATH`` measures any file in the same format.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import yaml

from guideline.checks.translation import source_hash
from guideline.model.commentary import FIX, NG, POST, parse_commentary
from guideline.model.labelled import check_ids, parse_labelled
from guideline.model.project import load
from guideline.model.signals import Lexicon, Signal, check_references, parse_lexicons, signal_data
from guideline.problems import Problems
from guideline.site.postcheck import SIMILARITY, labelled_drafts, page_data
from guideline.site.templating import script_json

ROOT = Path(__file__).resolve().parents[1]
LABELLED = ROOT / "glossary" / "labelled"
FROZEN = LABELLED / "frozen.yml"
FROZEN_SHA256 = "0fac3af76c46de5ac50110e4da48c840b1e9d290d58fae372c287c923fa2f7b3"
BLIND = LABELLED / "blind1.yml"
BLIND_SHA256 = "2194a3ebf0cbe7f4467a38c0170a4a35865932db5a2f044c7f07935c4878dadf"
# The second blind set: written by another writer who saw neither the signals, the code nor blind set
# 1, sealed while the lexicons were developed on blind set 1, and measured once after: the honest figure.
BLIND2 = LABELLED / "blind2.yml"
BLIND2_SHA256 = "93366d3e08e5d84eccf6f829b41266b7b9b6da43eda5001384ef2c8874219d6a"
# The third blind set: written by a third writer from the official text and the provision ids alone, sealed
# before the similarity existed, measured once after it was done. The honest figure; never a case.
BLIND3 = ROOT / "tests" / "postcheck_blind3.yml"
BLIND3_SHA256 = "afbf02cdc8987f423a858e471cf48086f4b8c3cc44fcf9e2d74c89179b6fd562"
RUNNER = ROOT / "tests" / "js" / "postcheck_run.js"
TODAY = "2026-12-02"  # the weekday check reads the date; the figures must not move with the calendar


def analyse(
    drafts: list[str],
    images: list[str] | None = None,
    page: dict[str, object] | None = None,
    without: list[str] | None = None,
) -> list[dict[str, object]]:
    """What docs/assets/post-check.js finds in each draft (with what its images show), run by Node.

    ``without``: for each draft, the href of a worked example the similarity leaves out of its cases
    (the example the draft comes from), or "".
    """
    with tempfile.TemporaryDirectory(prefix="postcheck-") as tmp:
        data, posts = Path(tmp) / "data.json", Path(tmp) / "posts.json"
        data.write_text(json.dumps(page or _data(), ensure_ascii=False), encoding="utf-8")
        rows = zip(drafts, images or [""] * len(drafts), without or [""] * len(drafts), strict=True)
        posts.write_text(json.dumps(list(rows), ensure_ascii=False), encoding="utf-8")
        out = subprocess.run(
            ["node", str(RUNNER), str(data), str(posts), TODAY], capture_output=True, text=True, check=True
        )
    result: list[dict[str, object]] = json.loads(out.stdout)
    return result


@cache
def _data() -> dict[str, object]:
    return page_data(load(ROOT, "ja", drafts=False))


def _data_without(path: Path) -> dict[str, object]:
    """The page's data less the drafts of ``path``, if it is one of the sets the similarity compares with."""
    data = dict(_data())
    drafts = dict(data["drafts"])  # type: ignore[call-overload]
    drafts.pop(path.stem, None)
    data["drafts"] = drafts
    return data


def flagged(drafts: list[str], images: list[str] | None = None) -> list[set[str]]:
    return [set(map(str, r["flagged"])) for r in analyse(drafts, images)]  # type: ignore[call-overload]


MECHANISMS = ("signals", "similarity", "combined")


@dataclass(frozen=True)
class Found:
    """What each mechanism flags on one draft: the signals, the similarity, and both together."""

    signals: set[str]
    similarity: set[str]

    @property
    def combined(self) -> set[str]:
        return self.signals | self.similarity

    def by(self, mechanism: str) -> set[str]:
        return set(getattr(self, mechanism))


def found(
    drafts: list[str], images: list[str], page: dict[str, object], without: list[str] | None = None
) -> list[Found]:
    return [
        Found(set(map(str, r["flagged"])), set(map(str, r["similar"])))  # type: ignore[call-overload]
        for r in analyse(drafts, images, page, without)
    ]


@dataclass(frozen=True)
class SetFigures:
    """One set of drafts: expected provisions found and must-not provisions flagged, per mechanism."""

    name: str
    recall: dict[str, float]
    false_alarms: dict[str, float]
    others: dict[str, float]  # provisions flagged that the draft's flag: does not name, per draft (noise)
    misses: list[str]  # by the combined check: expected provisions not found, and false alarms


@dataclass(frozen=True)
class Figures:
    ng_flagged: dict[str, float]  # NG examples' drafts flagged by their own provision, per mechanism
    fix_flagged: dict[str, float]  # their 改善案 flagged by that provision
    sets: dict[str, SetFigures]  # frozen, blind, blind2: each measured while left out of the similarity's cases

    @property
    def misses(self) -> list[str]:
        return [m for figures in self.sets.values() for m in figures.misses]


def measure() -> Figures:
    """The worked examples, each left out of the similarity's cases; each development set, left out of them too."""
    guideline = load(ROOT, "ja", drafts=False)
    ng = [(c, e) for c in guideline.commentaries.values() for e in c.examples if e.verdict == NG]
    shown = [c.attachments.get(e.anchor) for c, e in ng]  # what the examples' images show, where they say
    hrefs = [_data_href(c.clause, e.anchor) for c, e in ng]
    # The drafts and their 改善案 in one run: each example's left-out cases are indexed once for both.
    both = found(
        [e.fields[POST] for _, e in ng] + [e.fields[FIX] for _, e in ng],
        [a.post if a else "" for a in shown] + [a.fix if a else "" for a in shown],
        _data(),
        hrefs + hrefs,
    )
    posts, fixes = both[: len(ng)], both[len(ng) :]

    def share(results: list[Found], mechanism: str) -> float:
        return sum(c.clause in f.by(mechanism) for (c, _), f in zip(ng, results, strict=True)) / len(ng)

    return Figures(
        ng_flagged={m: share(posts, m) for m in MECHANISMS},
        fix_flagged={m: share(fixes, m) for m in MECHANISMS},
        sets={path.stem: measure_set(path) for path in (FROZEN, BLIND, BLIND2, BLIND3)},
    )


def _data_href(pid: str, anchor: str) -> str:
    """The href the page's data gives a worked example (as post-check.js names it)."""
    examples = _data()["examples"]
    return next(e["href"] for e in examples if e["provision"] == pid and e["href"].endswith("#" + anchor))  # type: ignore[attr-defined]


def measure_set(path: Path) -> SetFigures:
    """A set of drafts in the format of glossary/labelled/*.yml, measured with the similarity's cases less its own drafts."""
    drafts = yaml.safe_load(path.read_text(encoding="utf-8"))["posts"]
    results = found([p["text"] for p in drafts], [p.get("images", "") for p in drafts], _data_without(path))
    expected = [(i, pid) for i, p in enumerate(drafts) for pid in p.get("flag", [])]
    forbidden = [(i, pid) for i, p in enumerate(drafts) for pid in p.get("not", [])]
    combined = [r.combined for r in results]
    misses = [f"{path.name}: {drafts[i]['text']} → {pid}" for i, pid in expected if pid not in combined[i]]
    misses += [f"{path.name}: {drafts[i]['text']} → {pid} (false alarm)" for i, pid in forbidden if pid in combined[i]]

    def share(pairs: list[tuple[int, str]], mechanism: str) -> float:
        return sum(pid in results[i].by(mechanism) for i, pid in pairs) / len(pairs) if pairs else 0.0

    return SetFigures(
        name=path.name,
        recall={m: share(expected, m) for m in MECHANISMS},
        false_alarms={m: share(forbidden, m) for m in MECHANISMS},
        others={
            m: sum(len(r.by(m) - set(p.get("flag", []))) for p, r in zip(drafts, results, strict=True)) / len(drafts)
            for m in MECHANISMS
        },
        misses=misses,
    )


def test_the_frozen_sets_are_unchanged() -> None:
    for path, digest in (
        (FROZEN, FROZEN_SHA256),
        (BLIND, BLIND_SHA256),
        (BLIND2, BLIND2_SHA256),
        (BLIND3, BLIND3_SHA256),
    ):
        assert hashlib.sha256(path.read_bytes()).hexdigest() == digest, (
            f"{path.name} is frozen: add new drafts to the worked examples instead"
        )


def test_figures_hold() -> None:
    """Floors set from the measurement of 2026-12-02: a fall is a regression.

    Every figure of the similarity is measured with the draft's own case left out: each worked example
    without its own example, each development set without its own drafts (so, as on drafts it never saw).
    """
    figures = measure()
    print(figures)
    assert figures.ng_flagged["signals"] >= 0.90  # measured 0.91 (71 of 78); README says what text cannot show
    assert figures.ng_flagged["combined"] >= 0.90
    assert figures.fix_flagged["combined"] <= 0.10  # the ceiling is 0.2
    frozen, blind, blind2, blind3 = (figures.sets[path.stem] for path in (FROZEN, BLIND, BLIND2, BLIND3))
    assert frozen.recall["signals"] >= 0.95  # measured 1.00
    assert frozen.false_alarms["combined"] <= 0.05  # measured 0.00
    # The first blind set is now a DEVELOPMENT set: measured once unseen (recall 0.44, false alarms 0.29),
    # then read to write the lexicons of glossary/signals.yml. Its figures below show the rules hold, not
    # how the check does on drafts nobody tuned it for.
    assert blind.recall["signals"] >= 0.95  # 1.00 after development (0.44 unseen)
    assert blind.false_alarms["combined"] <= 0.20
    # Blind set 2 was measured once unseen, on 2026-12-02 (0.47 found, 0.17 false alarms), then became a
    # DEVELOPMENT set too: the similarity was chosen on it. A third set, sealed, measures the result.
    assert blind2.recall["combined"] >= 0.55
    assert blind2.false_alarms["combined"] <= 0.20
    # Blind set 3, sealed before the similarity was built and measured once after: 0.60 found, 0.09 false
    # alarms (signals alone 0.40 / 0.09). The page's limits quote it. Never tune on it.
    assert blind3.recall["combined"] >= 0.55
    assert blind3.recall["signals"] >= 0.35
    assert blind3.false_alarms["combined"] <= 0.15


def test_a_draft_with_nothing_to_flag_gets_no_finding() -> None:
    (result,) = analyse(["今日はいいお天気だね。公園のお花がきれいに咲いているよ"])
    assert result["flagged"] == []
    assert result["similar"] == []  # nor a resemblance: it shares little more than particles with any case


def test_each_kind_of_pattern_is_found() -> None:
    drafts = [
        ("rights", "担当の山田（090-1234-5678）までどうぞ"),
        ("accuracy", "8月2日(水)は花火大会！"),  # 2027-08-02 is a Monday, 2026-08-02 a Sunday
        ("obscene-links", "くわしくはこちら https://bit.ly/3xyz"),
        ("obscene-links", "くわしくはこちら→bit.ly/3xyz"),  # a shortened link pasted without its scheme
        ("compliance", "#市長選 いよいよだね"),
    ]
    for (pid, draft), found in zip(drafts, flagged([d for _, d in drafts]), strict=True):
        assert pid in found, (draft, found)
    wrong, right = analyse(["8月2日(水)は花火大会！", "8月2日(月)は花火大会！"])  # 2027-08-02 is a Monday
    assert "8月2日(水)（曜日の合わない日付）" in wrong["found"]["accuracy"]  # type: ignore[index]
    assert not any("(月" in m for m in right["found"].get("accuracy", []))  # type: ignore[attr-defined]


def test_post_facts() -> None:
    results = analyse(
        ["あいう", "abc", "詳しくは https://www.city.honjo.lg.jp/abcdefghijklmnopqrstuvwxyz", "👍", "写真と画像📷"]
    )
    lengths = [r["facts"]["length"] for r in results]  # type: ignore[index]
    assert lengths[:4] == [6, 3, 4 * 2 + 1 + 23, 2]
    assert results[2]["facts"]["links"] == ["city.honjo.lg.jp"]  # type: ignore[index]
    assert results[4]["facts"]["images"] == 3  # type: ignore[index]


def _bare_page() -> str:
    """A real commentary page less its own signals and attachments, for the cases to declare theirs."""
    page = (ROOT / "docs" / "clauses" / "all-staff.md").read_text(encoding="utf-8")
    return re.sub(r"^(?:signals|attachments):\n(?:(?: |- ).*\n)*", "", page, flags=re.MULTILINE)


def test_a_malformed_signal_is_reported_with_its_line() -> None:
    page = _bare_page()
    bad = page.replace("---\n", "---\nsignals:\n  - pattern: fax\n  - words: []\n  - {words: [a], pattern: url}\n", 1)
    problems = Problems()
    parse_commentary(bad, "docs/clauses/all-staff.md", problems)
    messages = [str(p) for p in problems.items]
    assert any(
        m.startswith("docs/clauses/all-staff.md:2: ") and "pattern「fax」は知らない種類" in m for m in messages
    ), messages
    assert any("words は、空でない語の一覧" in m for m in messages), messages
    assert any("どちらか一方" in m for m in messages), messages


def test_a_malformed_attachment_is_reported_with_its_line() -> None:
    page = _bare_page()
    bad = page.replace(
        "---\n",
        "---\nattachments:\n  no-such-example:\n    post: 写真\n    fix: 写真\n"
        "  briefing-helpers:\n    post: ちょうちんの写真\n    caption: x\n",
        1,
    )
    problems = Problems()
    commentary = parse_commentary(bad, "docs/clauses/all-staff.md", problems)
    messages = [str(p) for p in problems.items]
    assert any(m.startswith("docs/clauses/all-staff.md:3: ") and "事例のアンカーではありません" in m for m in messages)
    assert any(m.startswith("docs/clauses/all-staff.md:6: ") and "知らないキー caption" in m for m in messages)
    assert any(m.startswith("docs/clauses/all-staff.md:6: ") and "の fix に" in m for m in messages), messages
    assert commentary.attachments == {}
    (good,) = parse_commentary(
        page.replace("---\n", "---\nattachments:\n  briefing-helpers: {post: ちょうちん, fix: ちょうちん}\n", 1),
        "docs/clauses/all-staff.md",
        Problems(),
    ).attachments.values()
    assert (good.line, good.post) == (3, "ちょうちん")


def test_a_malformed_lexicon_is_reported_with_its_line() -> None:
    text = (
        "hearsay:\n  title: 伝聞\n  words: [らしい]\n  except: [らしい〇〇]\n"
        "Bad_Name:\n  words: [x]\n"
        "empty:\n  words: []\n"
        "nested:\n  words: [$hearsay]\n  note: x\n"
    )
    problems = Problems()
    lexicons = parse_lexicons(text, "glossary/signals.yml", problems)
    messages = [str(p) for p in problems.items]
    assert list(lexicons) == ["hearsay"], messages
    assert any(m.startswith("glossary/signals.yml:5: ") and "Bad_Name" in m for m in messages), messages
    assert any(m.startswith("glossary/signals.yml:7: ") and "空でない語の一覧" in m for m in messages), messages
    assert any(m.startswith("glossary/signals.yml:9: ") and "別の語彙 $hearsay" in m for m in messages), messages
    assert any(m.startswith("glossary/signals.yml:9: ") and "知らないキー note" in m for m in messages), messages
    (signal,) = parse_commentary(
        _bare_page().replace("---\n", "---\nsignals:\n- words: [$hearsay, $rumour]\n", 1),
        "docs/clauses/all-staff.md",
        Problems(),
    ).signals
    problems = Problems()
    check_references([("docs/clauses/all-staff.md", [signal])], lexicons, problems)
    (message,) = [str(p) for p in problems.items]
    assert message.startswith("docs/clauses/all-staff.md:2: ") and "$rumour" in message and "hearsay" in message


def test_malformed_labelled_drafts_are_reported_with_file_and_line(tmp_path: Path) -> None:
    """A file of labelled drafts the division adds is checked like any declaration: all problems, file:line, no traceback."""
    text = (
        "posts:\n"
        "  - text: 花火大会は中止だよ\n    flag: [accuracy]\n"
        "  - text: 写真です\n    image: 子どもの顔\n"  # images misspelt
        "  - flag: [rights]\n"  # no text
        "  - text: 会議で聞いた話\n    flag: [rumours]\n"  # an id no edition has
    )
    problems = Problems()
    drafts = parse_labelled(text, "glossary/labelled/division.yml", problems)
    check_ids({"division": drafts}, load(ROOT, "ja", drafts=False).current.provisions, problems)
    messages = [p.render("ja") for p in sorted(problems.items)]
    assert [d.line for d in drafts] == [2, 7], messages
    assert messages[0].startswith("glossary/labelled/division.yml:4: エラー: この投稿案の書き方が違います"), messages
    assert messages[1].startswith("glossary/labelled/division.yml:6: エラー: この投稿案の書き方が違います"), messages
    assert messages[2] == (
        "glossary/labelled/division.yml:7: エラー: 条項ID「rumours」はどの版にもありません。「rumors」のことですか。"
    ), messages
    problems = Problems()
    assert parse_labelled("posts: [\n", "glossary/labelled/x.yml", problems) == []
    assert [p.location.path for p in problems.items] == ["glossary/labelled/x.yml"]
    assert parse_labelled("- text: x\n", "glossary/labelled/y.yml", problems) == []
    assert "「posts:」の下に" in problems.items[-1].render("ja")


def test_a_lexicon_word_generalises_and_its_exceptions_hold() -> None:
    """〇〇 stands for a name or noun, … for a few characters; ``except:`` takes back what is not of the family."""
    lexicons = {"hearsay": Lexicon("hearsay", 1, "伝聞", ("らしい", "とか…とか"), ("らしい〇〇",))}
    terms = signal_data(Signal(1, words=("$hearsay",)), lexicons)["words"]
    found = check_words(terms, ["できるらしいよ", "本庄らしい景色", "いるとかいないとか", "〇〇教のひと"])
    assert found == [["らしい"], [], ["とかいないとか"], []]
    (term,) = signal_data(Signal(1, words=("〇〇教のひと", "a.b")), {})["words"]
    assert check_words([term], ["〇〇教のひとたち", "キリスト教のひと", "のひと", "axb", "A.B"]) == [
        ["〇〇教のひと"],
        ["キリスト教のひと"],
        [],
        [],
        ["a.b"],
    ]


def check_words(terms: list[dict[str, str]], texts: list[str]) -> list[list[str]]:
    """What the page's script finds of ``terms`` in each text (as the page folds it)."""
    signal = {"words": terms, "with": [], "unless": []}
    page = {"provisions": [{"id": "x", "signals": [signal]}], "examples": [], "strings": {}, "patterns": {}}
    return [r["found"].get("x", []) for r in analyse(texts, page=page)]  # type: ignore[attr-defined]


def test_what_the_images_show_is_read_with_the_draft() -> None:
    """The page's second field: a screenshot's content is what the security signals look for."""
    draft = "新しい申込フォームができたよ！"
    alone, described = flagged([draft, draft], ["", "職員が作った申込フォームの管理画面のスクリーンショット"])
    assert "security" not in alone
    assert "security" in described


def _similarity_page(drafts: dict[str, list[dict[str, object]]] | None = None, **settings: float) -> dict[str, object]:
    """A page of two provisions without signals, whose worked examples are the similarity's only cases."""
    examples = [
        {
            "provision": "rumors",
            "kind": "ng",
            "href": "rumors#shop",
            "title": "店の噂",
            "verdict": "NG",
            "post": "駅前に大きなお店ができるってうわさだよ！楽しみ",
            "fix": "駅前の空き地の活用について、市のホームページでお知らせが出たよ",
        },
        {
            "provision": "rights",
            "kind": "ng",
            "href": "rights#photo",
            "title": "写真",
            "verdict": "NG",
            "post": "運動会のようすだよ",
            "shown": "子どもの顔と名札が写った写真",
        },
        {
            "provision": "rights",
            "kind": "ok",
            "href": "rights#back",
            "title": "後ろ姿",
            "verdict": "OK",
            "post": "運動会のようすだよ",
            "shown": "子どもの後ろ姿の写真。顔は写っていない",
        },
    ]
    provisions = [
        {"id": pid, "label": pid, "href": pid, "question": "?", "signals": []} for pid in ("rumors", "rights")
    ]
    return {
        "provisions": provisions,
        "examples": examples,
        "drafts": drafts or {},
        "similarity": {**SIMILARITY, **settings},
        "strings": {},
        "patterns": {},
    }


def test_a_draft_like_an_ng_example_is_shown_with_that_example() -> None:
    """Similarity names the provision and the case it resembles; a draft like the 改善案 or like nothing, none."""
    like_ng, like_fix, unlike = analyse(
        [
            "駅前に新しいお店ができるって、うわさ！",
            "空き地の活用のお知らせが市のホームページに出たよ",
            "今日はいいお天気",
        ],
        page=_similarity_page(),
    )
    assert (like_ng["flagged"], like_ng["similar"], like_ng["like"]) == ([], ["rumors"], ["rumors#shop"])
    assert like_fix["similar"] == []  # closer to the 改善案, which points at nothing
    assert unlike["similar"] == []


def test_what_the_photo_shows_decides_between_ng_and_ok() -> None:
    """The same words with another photo: the OK example's photo keeps the provision away."""
    faces, backs = analyse(
        ["運動会のようすだよ", "運動会のようすだよ"],
        ["子どもたちの顔と名札の写真", "子どもの後ろ姿の写真。顔は写っていない"],
        page=_similarity_page(),
    )
    assert faces["similar"] == ["rights"] and faces["like"] == ["rights#photo"]
    assert backs["similar"] == []


def test_labelled_drafts_point_at_and_away_from_provisions() -> None:
    """A development set's draft is a case too: flag points at a provision, not (or nothing to flag) away."""
    drafts = {"dev": [{"text": "新しい図書館システムの管理画面のパスワードを共有するね", "flag": ["rights"]}]}
    (near,) = analyse(["図書館システムの管理画面のパスワード共有"], page=_similarity_page(drafts))
    assert near["similar"] == ["rights"] and near["like"] == [drafts["dev"][0]["text"]]
    safe = {"dev": drafts["dev"] + [{"text": "図書館システムの管理画面のパスワードを共有しないで", "not": ["rights"]}]}
    (kept_away,) = analyse(["図書館システムの管理画面のパスワードを共有しないで！"], page=_similarity_page(safe))
    assert kept_away["similar"] == []
    rumour = {"dev": [{"text": "駅前に新しいお店ができるって、うわさ！本当？", "flag": ["rumors"]}]}
    (both,) = analyse(["駅前に新しいお店ができるって、うわさ！"], page=_similarity_page(rumour))
    # The closest case is the test draft; the page links the provision's closest worked example too.
    assert (both["like"], both["nearest"]) == ([rumour["dev"][0]["text"]], ["rumors#shop"])


def test_a_threshold_and_a_limit_keep_the_hint_weak() -> None:
    draft = "駅前に新しいお店ができるって、うわさ！"
    (strict,) = analyse([draft], page=_similarity_page(threshold=0.99))
    assert strict["similar"] == []
    drafts = {"dev": [{"text": "駅前に新しいお店ができるって", "flag": ["rights"]}]}
    (both,) = analyse([draft], page=_similarity_page(drafts, near=0))
    (one,) = analyse([draft], page=_similarity_page(drafts, most=1))
    assert len(both["similar"]) == 2 and len(one["similar"]) == 1


def test_an_example_left_out_is_not_its_own_case() -> None:
    """The measurement leaves each worked example out of the cases before scoring it: no self-match."""
    post = "駅前に大きなお店ができるってうわさだよ！楽しみ"
    kept, left_out = analyse([post, post], page=_similarity_page(), without=["", "rumors#shop"])
    assert kept["similar"] == ["rumors"] and left_out["similar"] == []


def test_the_page_ships_every_case_once_and_compactly() -> None:
    data = _data()
    drafts = labelled_drafts(load(ROOT, "ja", drafts=False))
    assert list(drafts) == ["blind1", "blind2", "frozen"] == list(data["drafts"])  # type: ignore[call-overload]
    blind2 = yaml.safe_load(BLIND2.read_text(encoding="utf-8"))["posts"]
    assert len(drafts[BLIND2.stem]) == len(blind2)
    with_image = next(i for i, p in enumerate(blind2) if p.get("images"))
    assert drafts[BLIND2.stem][with_image]["text"] == blind2[with_image]["text"] + "\n" + blind2[with_image]["images"]
    kinds = {e["kind"] for e in data["examples"]}  # type: ignore[attr-defined]
    assert kinds == {"ng", "ok", "caution"}
    assert any("shown" in e and "fixShown" in e for e in data["examples"])  # type: ignore[attr-defined]
    assert script_json(page_data(load(ROOT, "ja", drafts=False)), compact=True) == script_json(data, compact=True)
    assert (
        len(script_json(data, compact=True).encode()) < 140_000
    )  # 72,575 bytes before the similarity, 123,102 with it


def test_any_set_can_be_measured(tmp_path: Path) -> None:
    """``--set PATH``: a sealed set in the same format, with any valid id, images and not: lists."""
    sealed = tmp_path / "sealed.yml"
    sealed.write_text(
        "posts:\n"
        "  - text: 駅前に大きなスーパーができるらしいよ！\n    flag: [rumors]\n    not: [consultation]\n"
        "  - text: 運動会のようすだよ\n    images: 子どもの顔と名札が写った写真\n    flag: [rights, consultation]\n"
        "  - text: 今日はいいお天気だね\n    not: [rumors, consultation]\n",
        encoding="utf-8",
    )
    figures = measure_set(sealed)
    assert set(figures.recall) == set(figures.false_alarms) == set(MECHANISMS)
    assert figures.recall["combined"] >= figures.recall["signals"] >= 2 / 3  # rumors and rights, not consultation
    assert figures.false_alarms["combined"] == 0.0
    out = subprocess.run(
        [sys.executable, str(Path(__file__)), "--set", str(sealed)], capture_output=True, text=True, check=True
    ).stdout
    assert "sealed.yml:" in out and "combined   found" in out and "similarity found" in out


def test_signals_leave_the_english_page_current() -> None:
    """Signals and attachments are about Japanese drafts: declaring one must not mark the English page stale."""
    page = _bare_page()
    declared = page.replace("---\n", "---\nsignals:\n- words: [中止]\n  unless: [公式]\n", 1)
    assert source_hash(declared) == source_hash(page)
    shown = page.replace("---\n", "---\nattachments:\n  briefing-helpers:\n    post: 写真\n    fix: 写真\n", 1)
    assert source_hash(shown) == source_hash(page)
    assert source_hash(declared.replace("趣旨", "目的", 1)) != source_hash(page)


def report(figures: list[SetFigures]) -> str:
    """Each set's figures, a line per mechanism, then what the combined check missed or flagged wrongly."""
    lines = []
    for f in figures:
        lines.append(f"{f.name}:")
        lines += [
            f"  {m:<10} found {f.recall[m]:.2f}  false alarms {f.false_alarms[m]:.2f}"
            f"  (other provisions named, per draft: {f.others[m]:.2f})"
            for m in MECHANISMS
        ]
    misses = [m for f in figures for m in f.misses]
    lines += [
        f"  {'false alarm' if m.endswith('(false alarm)') else 'missed'}: {m.removesuffix(' (false alarm)')}"
        for m in misses
    ]
    return "\n".join(lines)


LABELS = {
    FROZEN.stem: "frozen set (development)",
    BLIND.stem: "blind set 1 (now development; 0.44 / 0.29 unseen)",
    BLIND2.stem: "blind set 2 (now development; 0.47 / 0.17 unseen, measured once)",
    BLIND3.stem: "blind set 3 (sealed, never developed on; measured once: 0.60 / 0.09)",
}


def main(argv: list[str]) -> None:
    """``--set PATH``: the figures of any set in the format of glossary/labelled/*.yml; without it, all figures."""
    if argv[:1] == ["--set"] and len(argv) == 2:
        print(report([measure_set(Path(argv[1]))]))
        return
    figures = measure()
    print("NG examples flagged by their own provision (each left out of the similarity's cases):")
    print("\n".join(f"  {m:<10} {figures.ng_flagged[m]:.2f}" for m in MECHANISMS) + "  (floor 0.90)")
    print("their 改善案 flagged by that provision:")
    print("\n".join(f"  {m:<10} {figures.fix_flagged[m]:.2f}" for m in MECHANISMS) + "  (ceiling 0.20)")
    print("Each set measured with its own drafts left out of the similarity's cases:")
    print(report([replace(f, name=f"{f.name}, {LABELS[stem]}") for stem, f in figures.sets.items()]))


if __name__ == "__main__":
    main(sys.argv[1:])

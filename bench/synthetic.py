"""Synthetic guidelines for the build benchmark, and the plain-Material control built from them.

``generate`` writes a complete, valid guideline project (the real ``mkdocs.yml``, hooks, theme
overrides and page stubs; generated editions, commentary and glossary in Japanese and English)
into a folder. Its text is made from the real guideline's vocabulary and sentence shapes, varied
by a seeded random generator, so the same arguments always give the same files. Each edition
after the first modifies, inserts and deletes a few percent of the provisions, and is released
(its checksums recorded) as ``guideline release`` would.

``plain_control`` writes the same pages as a plain MkDocs + Material site: no hooks, no
validation, no generated content. Commentary is pasted in as Markdown, each edition page is
the edition's Markdown, each 新旧対照表 a plain two-column table of the two texts.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from guideline.checks.translation import mark_current, source_hash
from guideline.editing import stubs
from guideline.model import releases
from guideline.model.edition import edition_sort_key, parse_edition
from guideline.model.frontmatter import SAFE_LOADER
from guideline.problems import Problems

ROOT = Path(__file__).resolve().parents[1]
LANGS = ("ja", "en")

# --- vocabulary: the guideline's own nouns, concerns and verbs, in both languages -------------

ACTORS = [
    ("職員", "staff"),
    ("投稿を担当する職員", "the staff member who posts"),
    ("所属長", "the head of the section"),
    ("市民活動推進課長", "the Head of the Civic Activities Promotion Division"),
    ("各課の職員", "staff of each section"),
    ("広報担当者", "the public relations officer"),
]
INFO = [
    ("個人情報", "personal information"),
    ("イベントの告知", "event announcements"),
    ("災害時の情報", "information during a disaster"),
    ("意思形成過程の情報", "information still under deliberation"),
    ("委託事業者の情報", "information about contractors"),
    ("市民の写真", "photos of residents"),
    ("施設の案内", "information about facilities"),
    ("行事の日程", "the dates of events"),
    ("肖像を含む画像", "images showing people"),
    ("他者の著作物", "works of others"),
    ("未確定の情報", "unconfirmed information"),
    ("他者の投稿", "posts by others"),
    ("地域の話題", "local topics"),
    ("選挙に関する情報", "information about elections"),
    ("庁舎内部の様子", "views inside the city hall"),
    ("管理画面の画像", "screenshots of admin screens"),
    ("子どもの写真", "photos of children"),
    ("観光情報", "tourist information"),
]
CONCERNS = [
    ("関係法令", "the relevant laws"),
    ("情報の正確性", "the accuracy of the information"),
    ("公開の範囲", "who may see it"),
    ("権利関係", "the rights involved"),
    ("守秘義務", "the duty of confidentiality"),
    ("政治的中立性", "political neutrality"),
    ("プライバシー", "privacy"),
    ("著作権", "copyright"),
    ("肖像権", "portrait rights"),
    ("情報セキュリティ", "information security"),
    ("市民への影響", "the effect on residents"),
    ("誤解のおそれ", "the risk of misunderstanding"),
]
DUTIES = [
    ("十分留意しなければなりません", "must take full care"),
    ("事前に確認しなければなりません", "must check beforehand"),
    ("十分留意する必要があります", "need to take full care"),
    ("所属長に相談するものとします", "shall consult the head of the section"),
    ("記録を残さなければなりません", "must keep a record"),
]
PLACES = [
    ("駅前広場", "the station square"),
    ("市民文化会館", "the civic hall"),
    ("中央公民館", "the central community centre"),
    ("児童センター", "the children's centre"),
    ("総合公園", "the city park"),
    ("図書館", "the library"),
    ("商店街", "the shopping street"),
]
EVENTS = [
    ("花火大会", "the fireworks festival"),
    ("市民まつり", "the city festival"),
    ("防災訓練", "the disaster drill"),
    ("健康講座", "the health seminar"),
    ("古墳めぐり", "the burial mound walk"),
    ("読み聞かせ会", "the story time"),
    ("マラソン大会", "the marathon"),
]
SOURCES = [
    ("担当課から届いたメール", "an e-mail from the section in charge"),
    ("観光協会のチラシ", "a flyer from the tourism association"),
    ("会議の配布資料", "a handout from a meeting"),
    ("知人から聞いた話", "something an acquaintance said"),
    ("他の自治体の投稿", "another city's post"),
]
SLUGS = (
    "accuracy privacy photo event disaster rumor notice copyright portrait security reply election "
    "contract draft facility schedule children tourism record consult correction schedule account "
    "password template delete quote link map data survey budget festival library park school"
).split()
GLOSSARY = [
    ("local-public-service-act", "地方公務員法", "Local Public Service Act"),
    ("duty-of-confidentiality", "守秘義務", "duty of confidentiality"),
    ("decision-making-process", "意思形成過程", "decision-making process"),
    ("personal-information", "個人情報", "personal information"),
    ("portrait-rights", "肖像権", "portrait rights"),
    ("copyright", "著作権", "copyright"),
    ("information-security", "情報セキュリティ", "information security"),
    ("political-neutrality", "政治的中立性", "political neutrality"),
    ("public-order", "公序良俗", "public order and morals"),
    ("contractor", "委託事業者", "contractor"),
    ("privacy", "プライバシー", "privacy"),
    ("retweet", "リツイート", "retweet"),
    ("social-media", "ソーシャルメディア", "social media"),
    ("service-discipline", "服務", "service discipline"),
    ("regular-service", "一般職", "regular service"),
    ("special-service", "特別職", "special service"),
]


def _ja(pair: tuple[str, str]) -> str:
    return pair[0]


def _en(pair: tuple[str, str]) -> str:
    return pair[1]


class Writer:
    """Sentences in both languages from the same random choices, so the English translates the Japanese."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def pick(self, options: list[tuple[str, str]]) -> tuple[str, str]:
        return self.rng.choice(options)

    def item(self) -> tuple[str, str]:
        actor, info, concern, duty = self.pick(ACTORS), self.pick(INFO), self.pick(CONCERNS), self.pick(DUTIES)
        shape = self.rng.randrange(4)
        if shape == 0:
            ja = f"{_ja(actor)}は、{_ja(info)}を発信する場合には、{_ja(concern)}について{_ja(duty)}。"
            en = f"When posting {_en(info)}, {_en(actor)} {_en(duty)} about {_en(concern)}."
        elif shape == 1:
            ja = f"{_ja(info)}を発信するときは、{_ja(concern)}を確かめ、必要に応じて{_ja(actor)}に相談しなければなりません。"
            en = f"Before posting {_en(info)}, check {_en(concern)} and consult {_en(actor)} where needed."
        elif shape == 2:
            ja = f"{_ja(concern)}に反するおそれのある{_ja(info)}は、発信してはなりません。"
            en = f"Do not post {_en(info)} that may go against {_en(concern)}."
        else:
            other = self.pick(INFO)
            ja = (
                f"{_ja(info)}及び{_ja(other)}を発信する場合には、{_ja(concern)}に{_ja(duty)}。"
                f"一度ネットワーク上に公開された情報は完全には削除できないことを理解しておく必要があります。"
            )
            en = (
                f"When posting {_en(info)} or {_en(other)}, staff {_en(duty)} about {_en(concern)}. "
                "Information once published on the network can never be fully deleted."
            )
        return ja, en

    def lead_in(self) -> tuple[str, str]:
        return "次に掲げる情報は発信してはなりません。", "Do not post the following."

    def subitem(self) -> tuple[str, str]:
        info, concern = self.pick(INFO), self.pick(CONCERNS)
        if self.rng.random() < 0.5:
            return f"{_ja(concern)}に反する{_ja(info)}", f"{_en(info).capitalize()} that goes against {_en(concern)}"
        return f"{_ja(info)}又は{_ja(info)}を助長させる情報", f"{_en(info).capitalize()}, or what encourages it"

    def chapter(self) -> tuple[str, str]:
        info, concern = self.pick(INFO), self.pick(CONCERNS)
        if self.rng.random() < 0.5:
            return (
                f"「はにぼん」公式ツイッターで{_ja(info)}を発信する際の留意事項",
                f"Points to note when posting {_en(info)} from the official Hanibon account",
            )
        return f"{_ja(concern)}に関する基本原則", f"Basic principles on {_en(concern)}"

    def paragraph(self, sentences: int = 3) -> tuple[str, str]:
        ja, en = [], []
        for _ in range(sentences):
            j, e = self.purpose_sentence()
            ja.append(j)
            en.append(e)
        return "".join(ja), " ".join(en)

    def purpose_sentence(self) -> tuple[str, str]:
        info, concern, actor = self.pick(INFO), self.pick(CONCERNS), self.pick(ACTORS)
        shapes = [
            (
                "「はにぼん」の投稿は、マスコットの言葉であっても本庄市の発信として受け取られます。",
                "A Hanibon post is read as the city speaking, even in the mascot's voice.",
            ),
            (
                f"{_ja(info)}は、誤りがあればそのまま市民の行動に影響し、訂正しても引用やスクリーンショットで残り続けます。",
                f"A mistake in {_en(info)} changes what residents do, and it lives on in quotes and screenshots after a correction.",
            ),
            (
                f"この条項は、投稿する前に{_ja(concern)}を確かめることを求めています。",
                f"This provision asks you to check {_en(concern)} before you post.",
            ),
            (
                f"迷ったときは、投稿する前に{_ja(actor)}に相談してください。",
                f"When in doubt, consult {_en(actor)} before you post.",
            ),
            (
                f"{_ja(concern)}への配慮は、{_ja(info)}を扱うときに特に重要です。",
                f"Care for {_en(concern)} matters most when handling {_en(info)}.",
            ),
        ]
        return self.rng.choice(shapes)

    def scene(self) -> tuple[str, str]:
        place, event, source = self.pick(PLACES), self.pick(EVENTS), self.pick(SOURCES)
        return (
            f"{_ja(place)}で開かれる{_ja(event)}の告知を、{_ja(source)}をもとに作った。担当課にはまだ確認していない。",
            f"A staff member wrote the announcement of {_en(event)} at {_en(place)} from {_en(source)}, "
            "without checking with the section in charge.",
        )

    def post(self) -> tuple[str, str]:
        place, event = self.pick(PLACES), self.pick(EVENTS)
        month, day = self.rng.randint(1, 12), self.rng.randint(1, 28)
        return (
            f"はにぼんだよ！\n{month}月{day}日は{_ja(place)}で{_ja(event)}があるよ。みんなで来てね！",
            f"Hanibon here!\n{_en(event).capitalize()} is on {month}/{day} at {_en(place)}. Come along!",
        )

    def reason(self, ref: str) -> tuple[str, str]:
        concern, info = self.pick(CONCERNS), self.pick(INFO)
        return (
            f"{_ja(concern)}を確かめないまま{_ja(info)}を発信しており、誤った内容が広まるおそれがある。"
            f"あわせて{ref}にも関わる。",
            f"It posts {_en(info)} without checking {_en(concern)}, so a mistake could spread. It also touches on {ref}.",
        )

    def question(self) -> tuple[str, str]:
        info = self.pick(INFO)
        shapes = [
            (f"{_ja(info)}をリツイートするのは、発信に当たりますか。", f"Is retweeting {_en(info)} posting?"),
            (
                f"間違えて{_ja(info)}を投稿したら、削除すればよいですか。",
                f"If I post {_en(info)} by mistake, may I just delete it?",
            ),
            (f"{_ja(info)}について、誰に相談すればよいですか。", f"Whom do I consult about {_en(info)}?"),
            (
                f"職員個人のアカウントで{_ja(info)}を発信するのも対象ですか。",
                f"Does this cover {_en(info)} on a personal account?",
            ),
        ]
        return self.rng.choice(shapes)

    def title(self) -> tuple[str, str]:
        info, concern = self.pick(INFO), self.pick(CONCERNS)
        return f"{_ja(info)}と{_ja(concern)}", f"{_en(info).capitalize()} and {_en(concern)}"


# --- the guideline's structure across editions ------------------------------------------------


@dataclass
class Structure:
    """One edition's provisions: chapters, their items, and the items' sub-items, in order."""

    preamble: list[str]
    chapters: list[tuple[str, list[tuple[str, list[str]]]]]  # (chapter id, [(item id, [sub-item ids])])

    def ids(self) -> list[str]:
        out = ["preamble"]
        for chapter, items in self.chapters:
            out.append(chapter)
            for item, subs in items:
                out += [item, *subs]
        return out

    def copy(self) -> Structure:
        return Structure(list(self.preamble), [(c, [(i, list(s)) for i, s in items]) for c, items in self.chapters])


@dataclass
class Plan:
    """Everything the files are written from."""

    provisions: int
    editions: list[Structure]
    texts: list[dict[str, tuple[str, str]]]  # per edition: id -> (ja, en) wording
    successors: list[dict[str, list[str]]]  # per edition: removed id -> ids that took over
    kinds: dict[str, str] = field(default_factory=dict)  # id -> preamble | chapter | item | subitem
    chapter_paragraphs: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    last_changed: dict[str, int] = field(default_factory=dict)  # id -> index of the edition that last changed it

    @property
    def final(self) -> Structure:
        return self.editions[-1]

    def ever(self) -> list[str]:
        """Every provision id that stood in any edition, first appearance order."""
        seen: dict[str, None] = {}
        for structure in self.editions:
            seen.update(dict.fromkeys(structure.ids()))
        return list(seen)

    def explained(self, pid: str) -> bool:
        """Whether the provision gets a commentary page (as ``Guideline.needs_commentary`` asks)."""
        kind = self.kinds[pid]
        return kind in ("item", "subitem") or (kind == "chapter" and pid in self.chapter_paragraphs)


class Ids:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = {"preamble"}

    def new(self) -> str:
        while True:
            candidate = f"{self.rng.choice(SLUGS)}-{self.rng.choice(SLUGS)}-{self.rng.randrange(1000)}"
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate


def plan(provisions: int, editions: int, seed: int = 7, chapter_items: tuple[int, int] = (6, 14)) -> Plan:
    """The structure and wording of every edition: ``provisions`` in the first, a few percent changed in each next.

    Each chapter has between ``chapter_items`` items; a fifth of the items have two to six sub-items.
    """
    rng = random.Random(seed)
    writer = Writer(rng)
    ids = Ids(rng)
    texts: dict[str, tuple[str, str]] = {"preamble": ("前文", "Preamble")}
    kinds = {"preamble": "preamble"}
    preamble = [writer.paragraph(4)[0] for _ in range(2)]
    result = Plan(provisions, [], [], [], kinds)
    result.chapter_paragraphs["preamble"] = [writer.paragraph(4) for _ in range(2)]
    chapters: list[tuple[str, list[tuple[str, list[str]]]]] = []
    count = 1
    while count < provisions:
        chapter = ids.new()
        texts[chapter], kinds[chapter] = writer.chapter(), "chapter"
        count += 1
        if not chapters:  # the first chapter has its own text, like 目的 in the real guideline
            result.chapter_paragraphs[chapter] = [writer.paragraph(3)]
        items: list[tuple[str, list[str]]] = []
        for _ in range(rng.randint(*chapter_items)):
            if count >= provisions:
                break
            item = ids.new()
            kinds[item] = "item"
            count += 1
            subs: list[str] = []
            if rng.random() < 0.2 and provisions - count >= 2:
                texts[item] = writer.lead_in()
                for _ in range(min(rng.randint(2, 6), provisions - count)):
                    sub = ids.new()
                    texts[sub], kinds[sub] = writer.subitem(), "subitem"
                    subs.append(sub)
                    count += 1
            else:
                texts[item] = writer.item()
            items.append((item, subs))
        chapters.append((chapter, items))
    structure = Structure(preamble, chapters)
    result.editions.append(structure)
    result.texts.append(texts)
    result.successors.append({})
    result.last_changed = dict.fromkeys(structure.ids(), 0)
    for index in range(1, editions):
        _revise(result, index, rng, writer, ids)
    return result


def _revise(result: Plan, index: int, rng: random.Random, writer: Writer, ids: Ids) -> None:
    """The next edition: about 3% of provisions reworded, 1.5% inserted, 1% deleted (at least one of each)."""
    structure = result.editions[-1].copy()
    texts = dict(result.texts[-1])
    successors: dict[str, list[str]] = {}
    n = len(structure.ids())
    leaves = [
        (ci, ii, None)
        for ci, (_, items) in enumerate(structure.chapters)
        for ii, (_, subs) in enumerate(items)
        if not subs
    ] + [
        (ci, ii, si)
        for ci, (_, items) in enumerate(structure.chapters)
        for ii, (_, subs) in enumerate(items)
        for si in range(len(subs))
        if len(subs) > 1
    ]
    protected = {s for earlier in result.successors for went in earlier.values() for s in went}
    # Deleted: leaves only (an item with sub-items goes with them, which a division would split up).
    deleted: set[str] = set()
    for ci, ii, si in rng.sample(leaves, min(len(leaves), max(1, n // 100))):
        _, items = structure.chapters[ci]
        pid = items[ii][0] if si is None else items[ii][1][si]
        if pid not in protected and len(items) > 1:
            deleted.add(pid)
    for chapter_index, (chapter, items) in enumerate(structure.chapters):
        kept = [(i, [s for s in subs if s not in deleted]) for i, subs in items if i not in deleted]
        structure.chapters[chapter_index] = (chapter, kept)
    # Inserted: new items at random places.
    inserted: list[str] = []
    for _ in range(max(1, n * 3 // 200)):
        ci = rng.randrange(len(structure.chapters))
        _, items = structure.chapters[ci]
        pid = ids.new()
        texts[pid], result.kinds[pid] = writer.item(), "item"
        items.insert(rng.randint(0, len(items)), (pid, []))
        inserted.append(pid)
        result.last_changed[pid] = index
    for pid in sorted(deleted):
        if inserted and rng.random() < 0.5:
            successors[pid] = [rng.choice(inserted)]
    # Reworded: a clause added to, or a concern swapped in, the wording.
    current = [pid for pid in structure.ids() if result.kinds[pid] in ("item", "subitem") and pid not in inserted]
    for pid in rng.sample(current, min(len(current), max(1, n * 3 // 100))):
        ja, en = texts[pid]
        concern = writer.pick(CONCERNS)
        if "。" in ja and rng.random() < 0.6:
            ja = ja.replace("。", f"。なお、{_ja(concern)}にも留意しなければなりません。", 1)
            en = f"{en} Staff must also take care of {_en(concern)}."
        else:
            old = next((c for c in CONCERNS if c[0] in ja), None)
            if old is not None:
                ja, en = ja.replace(old[0], concern[0]), en.replace(old[1], concern[1])
            else:
                ja, en = f"{ja}（{_ja(concern)}に関するものを含む。）", f"{en} (including matters of {_en(concern)})"
        texts[pid] = (ja, en)
        result.last_changed[pid] = index
    result.editions.append(structure)
    result.texts.append(texts)
    result.successors.append(successors)


# --- files ---------------------------------------------------------------------------------------

TITLE = (
    "本庄市職員の「はにぼん」公式ツイッターの利用に関するガイドライン",
    "Guideline on Honjo City Staff Use of the Official Hanibon Twitter Account",
)


def _enacted(index: int) -> date:
    return date(2014 + index // 2, 4 if index % 2 == 0 else 10, 1)


def edition_markdown(result: Plan, index: int, lang: str) -> str:
    structure, texts = result.editions[index], result.texts[index]
    side = 0 if lang == "ja" else 1
    when = _enacted(index).isoformat()
    front = [
        "---",
        f'edition: "{index + 1}"',
        f"title: {TITLE[side]}",
        "status: published",
        f"enacted: {when}",
        f"effective: {when}",
    ]
    if result.successors[index]:
        front.append("successors:")
        front += [f"  {old}: [{', '.join(new)}]" for old, new in sorted(result.successors[index].items())]
    out = [*front, "---", ""]
    out += [f"## {texts['preamble'][side]} {{#preamble .unnumbered}}", ""]
    for paragraph in result.chapter_paragraphs["preamble"]:
        out += [paragraph[side], ""]
    for chapter, items in structure.chapters:
        out += [f"## {texts[chapter][side]} {{#{chapter}}}", ""]
        for paragraph in result.chapter_paragraphs.get(chapter, []):
            out += [paragraph[side], ""]
        for item, subs in items:
            out.append(f"- {texts[item][side]} {{#{item}}}")
            out += [f"    - {texts[sub][side]} {{#{sub}}}" for sub in subs]
        out.append("")
    return "\n".join(out)


@dataclass
class Page:
    """One commentary page's parts, in both languages, with references already chosen."""

    anchors: list[str]
    text: dict[str, str]


def commentary_pages(result: Plan, seed: int = 11) -> dict[str, dict[str, str]]:
    """Every commentary page: id -> {lang: Markdown}. References go only to provisions still in force."""
    rng = random.Random(seed)
    writer = Writer(rng)
    survivors = [pid for pid in result.final.ids() if result.explained(pid)]
    every = [pid for pid in result.ever() if result.explained(pid)]
    anchors: dict[str, tuple[list[str], list[str]]] = {}
    for pid in every:
        examples = [f"{rng.choice(SLUGS)}-case-{k}" for k in range(1, 5)]
        faqs = [f"{rng.choice(SLUGS)}-faq-{k}" for k in range(1, 4)]
        anchors[pid] = (examples, faqs)
    out: dict[str, dict[str, str]] = {}
    for pid in every:
        out[pid] = _commentary(result, pid, writer, rng, survivors, anchors)
    return out


def _commentary(
    result: Plan,
    pid: str,
    writer: Writer,
    rng: random.Random,
    survivors: list[str],
    anchors: dict[str, tuple[list[str], list[str]]],
) -> dict[str, str]:
    def ref() -> str:
        target = rng.choice(survivors)
        if target == pid or rng.random() < 0.7:
            return f"[](clause:{target})"
        return f"[](clause:{target}#{rng.choice(anchors[target][rng.randrange(2)])})"

    title = writer.title()
    checklist = writer.pick(CONCERNS)
    parts: dict[str, list[str]] = {"ja": [], "en": []}
    ja_heads = ("趣旨", "事例", "よくある質問", "関連条項")
    en_heads = ("Purpose", "Examples", "FAQ", "Related provisions")
    fields_ja = ("場面", "投稿案", "判断", "理由", "改善案")
    fields_en = ("Scene", "Draft post", "Verdict", "Reasoning", "Improved post")

    def add(ja: str, en: str) -> None:
        parts["ja"].append(ja)
        parts["en"].append(en)

    add(f"## {ja_heads[0]}\n", f"## {en_heads[0]}\n")
    for _ in range(2):
        ja, en = writer.paragraph(3)
        link = ref()
        add(f"{ja}あわせて{link}も参照してください。\n", f"{en} See also {link}.\n")
    add(f"## {ja_heads[1]}\n", f"## {en_heads[1]}\n")
    examples, faqs = anchors[pid]
    for k, (anchor, verdict) in enumerate(zip(examples, ("NG", "OK", "要注意", "OK"), strict=True)):
        title_ja, title_en = writer.scene()[0][:24], f"Case {k + 1}: {writer.pick(EVENTS)[1]}"
        scene, post, reason = writer.scene(), writer.post(), writer.reason(ref())
        verdict_en = {"要注意": "Caution"}.get(verdict, verdict)
        for lang, side, names, shown in (("ja", 0, fields_ja, verdict), ("en", 1, fields_en, verdict_en)):
            heading = title_ja if lang == "ja" else title_en
            lines = [
                f"### {heading} {{#{anchor}}}",
                "",
                f"- {names[0]}: {scene[side]}",
                f"- {names[1]}:",
                *(f"  {line}" for line in post[side].splitlines()),
                f"- {names[2]}: {shown}",
                f"- {names[3]}: {reason[side]}",
            ]
            if verdict == "NG":
                fix = writer.post()
                lines += [f"- {names[4]}:", *(f"  {line}" for line in fix[side].splitlines())]
            parts[lang].append("\n".join(lines) + "\n")
    add(f"## {ja_heads[2]}\n", f"## {en_heads[2]}\n")
    for anchor in faqs:
        question = writer.question()
        answer = writer.paragraph(3)
        link = ref()
        add(
            f"### {question[0]} {{#{anchor}}}\n\n{answer[0]}詳しくは{link}を参照してください。\n",
            f"### {question[1]} {{#{anchor}}}\n\n{answer[1]} For details, see {link}.\n",
        )
    add(f"## {ja_heads[3]}\n", f"## {en_heads[3]}\n")
    related = "\n".join(f"- {ref()}" for _ in range(rng.randint(2, 4))) + "\n"
    add(related, related)
    reviewed = result.last_changed.get(pid, 0) + 1
    if rng.random() < 0.1:
        reviewed = 1  # a few pages trail a revision: 要確認
    reviewed = min(reviewed, len(result.editions))
    ja_page = (
        f'---\nclause: {pid}\ntitle: {title[0]}\nreviewed: "{reviewed}"\nchecklist: {_ja(checklist)}を確かめましたか。\n---\n\n'
        + "\n".join(parts["ja"])
    )
    en_page = (
        f"---\nsource: {source_hash(ja_page)}\nclause: {pid}\ntitle: {title[1]}\n"
        f'reviewed: "{reviewed}"\nchecklist: Have you checked {_en(checklist)}?\n---\n\n' + "\n".join(parts["en"])
    )
    return {"ja": ja_page, "en": en_page}


def glossary_files() -> dict[str, str]:
    ja = []
    en = []
    for term_id, term_ja, term_en in GLOSSARY:
        ja.append(
            {
                "id": term_id,
                "term": term_ja,
                "aliases": [],
                "definition": f"{term_ja}とは、職員が「はにぼん」公式ツイッターで発信するときに踏まえる考え方の一つです。"
                "迷ったときは市民活動推進課に相談してください。",
            }
        )
        en.append(
            {
                "id": term_id,
                "term": term_en,
                "aliases": [],
                "definition": f"{term_en.capitalize()} is one of the ideas staff keep in mind when posting from the "
                "official Hanibon account. When in doubt, consult the Civic Activities Promotion Division.",
            }
        )
    ja_text = yaml.safe_dump(ja, allow_unicode=True, sort_keys=False)
    en_text = f"# source: {source_hash(ja_text)}\n" + yaml.safe_dump(en, allow_unicode=True, sort_keys=False)
    return {"glossary/terms.ja.yml": ja_text, "glossary/terms.en.yml": en_text}


def copy_skeleton(target: Path, refer_to: str) -> None:
    """The real configuration, hooks, theme overrides, assets and top-level pages, without the content.

    The top-level pages (home, stubs) keep their prose; their references to provisions of the real
    guideline are pointed at ``refer_to``, a provision of the synthetic one.
    """
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("hooks", "overrides", "docs/assets"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for stub in ROOT.glob("docs/*.md"):
        text = _REFERENCE.sub(f"[\\g<text>](clause:{refer_to})", stub.read_text(encoding="utf-8"))
        (target / "docs" / stub.name).write_text(text, encoding="utf-8")
    for stub in (target / "docs").glob("*.*.md"):  # translated like their Japanese pages: record it
        original = stub.with_name(stub.name.split(".")[0] + ".md")
        if original.exists():
            mark_current(stub, original)
    (target / "docs/editions").mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "docs/editions/index.md", target / "docs/editions/index.md")


@dataclass(frozen=True)
class Generated:
    root: Path
    provisions: int  # in the current (last) edition
    commentary_pages: int  # per language, tombstones included
    editions: int
    source_bytes: int  # every generated source file, both languages


def generate(
    root: Path, provisions: int, editions: int, seed: int = 7, chapter_items: tuple[int, int] = (6, 14)
) -> Generated:
    """Write a complete, valid guideline project with ``provisions`` provisions and ``editions`` editions."""
    if root.exists():
        shutil.rmtree(root)
    result = plan(provisions, editions, seed, chapter_items)
    copy_skeleton(root, next(pid for pid in result.final.ids() if result.explained(pid)))
    files: dict[str, str] = {}
    for index in range(editions):
        japanese = edition_markdown(result, index, "ja")
        files[f"editions/{index + 1}.ja.md"] = japanese
        english = edition_markdown(result, index, "en")
        files[f"editions/{index + 1}.en.md"] = english.replace("---\n", f"---\nsource: {source_hash(japanese)}\n", 1)
        files.update({k: v for k, v in stubs(str(index + 1)).items() if index > 0 or k.endswith("index.md")})
    for pid, pages in commentary_pages(result, seed + 4).items():
        files[f"docs/clauses/{pid}.md"] = pages["ja"]
        files[f"docs/clauses/{pid}.en.md"] = pages["en"]
    files.update(glossary_files())
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _release_all(root, editions)
    return Generated(
        root,
        len(result.final.ids()),
        sum(1 for pid in result.ever() if result.explained(pid)),
        editions,
        sum(len(text.encode("utf-8")) for text in files.values()),
    )


def _release_all(root: Path, editions: int) -> None:
    """Record every edition's checksums in one write, as ``guideline release`` does one at a time."""
    record: dict[str, releases.Entry] = {}
    for index in range(editions):
        name = str(index + 1)
        path = f"editions/{name}.ja.md"
        problems = Problems()
        edition = parse_edition((root / path).read_text(encoding="utf-8"), path, "ja", problems)
        if problems:
            raise ValueError(problems.report())
        record[name] = releases.entry_for(root, edition, _enacted(index))
    (root / releases.RECORD).write_text(releases.record_text(record), encoding="utf-8")


# --- the control: the same pages, plain MkDocs + Material ---------------------------------------

_REFERENCE = re.compile(r"\[(?P<text>[^\]]*)\]\(clause:(?P<id>[^)#\s]*)(?P<anchor>#[^)\s]*)?\)")
_FRONT = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)


def _body(text: str) -> str:
    return _FRONT.sub("", text, count=1)


def _meta(text: str) -> dict[str, Any]:
    match = _FRONT.match(text)
    if not match:
        return {}
    data = yaml.load(match.group(0).strip("-\n"), Loader=SAFE_LOADER)
    return data if isinstance(data, dict) else {}


def plain_config(source: Path) -> str:
    """The project's mkdocs.yml without hooks, theme overrides or validation; same theme, plugins, extensions."""
    config = (source / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^hooks:\n(?:[ \t]+.*\n|\n)*", "", config)
    config = re.sub(r"(?m)^validation:\n(?:[ \t]+.*\n|\n)*", "", config)
    config = re.sub(r"(?m)^strict: true\n", "", config)
    config = re.sub(r"(?m)^[ \t]*custom_dir: .*\n", "", config)
    return config


def plain_control(source: Path, target: Path) -> None:
    """The same pages as plain Markdown: commentary pasted in with its provision's text, editions as written."""
    if target.exists():
        shutil.rmtree(target)
    (target / "docs").mkdir(parents=True)
    (target / "mkdocs.yml").write_text(plain_config(source), encoding="utf-8")
    shutil.copytree(source / "docs/assets", target / "docs/assets")
    for path in sorted((source / "docs").glob("*.md")):
        _write(target / "docs" / path.name, _body(path.read_text(encoding="utf-8")))
    texts: dict[str, dict[str, str]] = {}  # lang -> id -> wording in the newest edition
    editions: dict[str, list[Path]] = {}
    for path in sorted((source / "editions").glob("*.md")):
        name, lang = path.name.split(".")[:2]
        editions.setdefault(lang, []).append(path)
    for lang, paths in editions.items():
        paths.sort(key=lambda p: edition_sort_key(p.name.split(".")[0]))
        problems = Problems()
        newest = parse_edition(paths[-1].read_text(encoding="utf-8"), str(paths[-1]), lang, problems)
        texts[lang] = {pid: p.text or p.heading for pid, p in newest.provisions.items()}
        suffix = "" if lang == "ja" else f".{lang}"
        bodies = [_body(p.read_text(encoding="utf-8")) for p in paths]
        _write(target / f"docs/text{suffix}.md", bodies[-1])
        for i, (path, body) in enumerate(zip(paths, bodies, strict=True)):
            name = path.name.split(".")[0]
            _write(target / f"docs/editions/{name}/index{suffix}.md", body)
            if i > 0:
                _write(target / f"docs/editions/{name}/compare{suffix}.md", _plain_compare(bodies[i - 1], body))
        rows = "\n".join(f"| {p.name.split('.')[0]} | [text]({p.name.split('.')[0]}/index.md) |" for p in paths)
        _write(target / f"docs/editions/index{suffix}.md", f"# Editions\n\n| edition | text |\n| --- | --- |\n{rows}\n")
    for path in sorted((source / "docs/clauses").glob("*.md")):
        raw = path.read_text(encoding="utf-8")
        lang = path.name.split(".")[1] if path.name.count(".") == 2 else "ja"
        pid = path.name.split(".")[0]
        meta = _meta(raw)
        wording = texts.get(lang, texts["ja"]).get(pid) or texts["ja"].get(pid, "")
        body = _REFERENCE.sub(
            lambda m: f"[{m.group('text') or m.group('id')}]({m.group('id')}.md{m.group('anchor') or ''})", _body(raw)
        )
        _write(target / "docs/clauses" / path.name, f"# {meta.get('title', pid)}\n\n> {wording}\n\n{body}")


def _plain_compare(old: str, new: str) -> str:
    """Both texts side by side, line by line, as a Markdown table: no diff, no markup."""
    old_lines = [line for line in old.splitlines() if line.strip()]
    new_lines = [line for line in new.splitlines() if line.strip()]
    width = max(len(old_lines), len(new_lines))
    old_lines += [""] * (width - len(old_lines))
    new_lines += [""] * (width - len(new_lines))

    def cell(line: str) -> str:
        return re.sub(r"\s*\{[^}]*\}\s*$", "", line.lstrip("#- ")).replace("|", "\\|")

    rows = "\n".join(f"| {cell(n)} | {cell(o)} |" for n, o in zip(new_lines, old_lines, strict=True))
    return f"# Compare\n\n| new | old |\n| --- | --- |\n{rows}\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")

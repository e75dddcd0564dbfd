"""The division's edits to the edition files: start a draft, release it. No MkDocs here either."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from . import freeze
from .dates import today_in_japan, wareki
from .edition import Edition, edition_sort_key, parse_edition
from .problems import GuidelineError, Problems
from .project import EDITION_PAGES_DIR, EDITIONS_DIR, languages, load


class EditingError(Exception):
    """A request the division must change: the message says what and how."""


def _set_front(text: str, key: str, value: str) -> str:
    """Replace ``key: …`` in the front matter (it must be there)."""
    head, sep, body = text.partition("\n---\n")
    head, count = re.subn(rf"(?m)^{key}:.*$", f"{key}: {value}", head, count=1)
    if not count:
        head = f"{head}\n{key}: {value}"
    return head + sep + body


def _drop_front(text: str, key: str) -> str:
    """Remove ``key:`` and any indented lines under it from the front matter."""
    head, sep, body = text.partition("\n---\n")
    head = re.sub(rf"(?m)^{key}:.*\n?(?:^[ \t-].*\n?)*", "", head)
    return head + sep + body


def stubs(name: str) -> dict[str, str]:
    """The page stubs of an edition: its full text and its 新旧対照表."""
    return {
        f"{EDITION_PAGES_DIR}/{name}/index.md": f'---\nrender: edition\nedition: "{name}"\n---\n',
        f"{EDITION_PAGES_DIR}/{name}/compare.md": f'---\nrender: compare\nedition: "{name}"\n---\n',
    }


def comparison_stub(name: str, against: str) -> tuple[str, str]:
    """The page comparing edition ``name`` with edition ``against`` (the one in force): path and text."""
    return (
        f"{EDITION_PAGES_DIR}/{name}/compare/{against}.md",
        f'---\nrender: compare\nedition: "{name}"\nagainst: "{against}"\n---\n',
    )


def write_comparison_stubs(root: Path) -> list[Path]:
    """Each earlier edition's page comparing it with the edition in force, where missing (after a release).

    Worked out from the files, not ``load``: the guideline does not load while these pages are missing.
    """
    published = sorted(
        (
            p.name.split(".")[0]
            for p in (root / EDITIONS_DIR).glob("*.ja.md")
            if _PUBLISHED.search(p.read_text("utf-8"))
        ),
        key=edition_sort_key,
    )
    written = []
    for name in published[:-2]:  # the one before the current is compared with it on the current's own page
        relative, text = comparison_stub(name, published[-1])
        path = root / relative
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


_PUBLISHED = re.compile(r"(?m)^status:\s*published\s*$")


def new_edition(root: Path, name: str) -> list[Path]:
    """Start draft ``name`` from the current edition, in every language; return the files written."""
    if not re.fullmatch(r"[0-9]+[a-z0-9-]*", name):
        raise EditingError(f"edition name {name!r}: use a number such as '2' (letters and hyphens may follow)")
    guideline = load(root, drafts=True)
    if guideline.drafts:
        raise EditingError(f"draft {guideline.drafts[0].name} is still open; release it or remove it first")
    current = guideline.published[-1]  # the newest released edition, even if not yet in force (施行予定)
    if edition_sort_key(name) <= edition_sort_key(current.name):
        raise EditingError(f"edition {name!r} must come after the current edition {current.name!r}")
    written: list[Path] = []
    for lang in languages(root):
        source = root / EDITIONS_DIR / f"{current.name}.{lang}.md"
        target = root / EDITIONS_DIR / f"{name}.{lang}.md"
        if not source.exists():
            continue
        if target.exists():
            raise EditingError(f"{target.relative_to(root)} already exists")
        text = source.read_text(encoding="utf-8")
        text = _set_front(text, "edition", f'"{name}"')
        for key, value in (("status", "draft"), ("enacted", "null"), ("effective", "null")):
            text = _set_front(text, key, value)
        text = _drop_front(text, "successors")
        text = _drop_front(text, "reasons")  # the draft's own 改正理由 is written for it
        target.write_text(text, encoding="utf-8")
        written.append(target)
    for relative, text in stubs(name).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def release(root: Path, name: str, enacted: date, effective: date | None = None, today: date | None = None) -> None:
    """Publish draft ``name``: check and set its dates, record its checksums; write every file or none."""
    path = root / EDITIONS_DIR / f"{name}.ja.md"
    if not path.exists():
        raise EditingError(f"第{name}版の改正案がありません（{path.relative_to(root)} がありません）")
    problems = Problems()
    draft = parse_edition(path.read_text(encoding="utf-8"), f"{EDITIONS_DIR}/{name}.ja.md", "ja", problems)
    entries = freeze.read_record(root, problems)
    if problems:
        raise GuidelineError(problems)
    if not draft.is_draft or name in entries:
        raise EditingError(
            f"第{name}版は改正案ではありません。公開済みの版をもう一度公開することはできません。{_PROPER}"
        )
    earlier = freeze.released_before(root, name)
    if earlier is not None:
        raise EditingError(
            f"第{name}版は {earlier.day} のコミット {earlier.commit} で公開済みとして記録されています。"
            f"公開済みの版をもう一度公開することはできません。{_PROPER}"
        )
    newest = max(entries, key=edition_sort_key, default=None)
    if newest is not None and edition_sort_key(name) <= edition_sort_key(newest):
        raise EditingError(
            f"第{name}版は、公開済みの第{newest}版より前の名前です。改正案は第{newest}版より後の名前で作ってください"
            "（guideline new-edition）"
        )
    effective = effective or enacted
    previous = _edition(root, newest) if newest is not None else None
    wrong = freeze.date_problems(name, enacted, effective, previous)
    if wrong:
        raise EditingError("。\n".join(wrong))
    recorded = today or today_in_japan()

    def change(stage: Path) -> list[str]:
        written = []
        for edition_path in sorted((stage / EDITIONS_DIR).glob(f"{name}.*.md")):
            text = edition_path.read_text(encoding="utf-8")
            for key, value in (("status", "published"), ("enacted", enacted), ("effective", effective)):
                text = _set_front(text, key, str(value))
            edition_path.write_text(text, encoding="utf-8")
            written.append(f"{EDITIONS_DIR}/{edition_path.name}")
        released = _edition(stage, name)
        (stage / freeze.RECORD).write_text(freeze.record_release(stage, released, recorded), encoding="utf-8")
        # Each earlier edition's page comparing it with the one now in force (kessai's any-two comparison).
        stubs = [path.relative_to(stage).as_posix() for path in write_comparison_stubs(stage)]
        return [*written, freeze.RECORD, *stubs]

    _apply(root, change)


_PROPER = (
    "公開済みの版を改めるときは、新しい版を作るか（guideline new-edition）、"
    "記録を残して訂正してください（guideline correct / guideline amend-release）"
)


def amend_release(
    root: Path,
    name: str,
    reason: str,
    enacted: date | None = None,
    effective: date | None = None,
    today: date | None = None,
) -> list[str]:
    """Correct or fill in a published edition's dates, recording the reason; return what changed."""
    entry = _recorded(root, name, reason)
    if enacted is None and effective is None:
        raise EditingError(
            "訂正する日付がありません。--enacted 制定日 と --effective 施行日 の一方または両方を指定してください"
        )
    new_enacted = enacted or entry.enacted
    new_effective = effective or entry.effective
    changes = [
        f"{label}：{wareki(old)} → {wareki(new)}"
        for label, old, new in (("制定日", entry.enacted, new_enacted), ("施行日", entry.effective, new_effective))
        if old != new
    ]
    if not changes:
        raise EditingError(f"第{name}版の日付はすでにそのとおり記録されています。訂正するものはありません")
    if new_enacted and new_effective and new_effective < new_enacted:
        raise EditingError(freeze.date_problems(name, new_enacted, new_effective, None)[0])
    languages = freeze.translations(root, name)
    changed = [
        f"{edition.path}:{line}: {what}"
        for lang, edition in languages.items()
        for line, what in (
            freeze.differences(edition, entry.checksums[lang]) if lang in entry.checksums else [(1, "翻訳の追加")]
        )
    ]
    if changed:  # only the dates may change here: anything else would be frozen again unseen
        raise EditingError(
            f"第{name}版は公開時の記録と違います（{'、'.join(changed)}）。元に戻してから日付を訂正してください。"
            f"誤字の訂正なら先に 'guideline correct {name} --reason \"理由\"' で記録します"
        )

    def change(stage: Path) -> list[str]:
        written = []
        for edition_path in sorted((stage / EDITIONS_DIR).glob(f"{name}.*.md")):
            text = edition_path.read_text(encoding="utf-8")
            for key, value in (("enacted", new_enacted), ("effective", new_effective)):
                text = _set_front(text, key, value.isoformat() if value else "null")
            edition_path.write_text(text, encoding="utf-8")
            written.append(f"{EDITIONS_DIR}/{edition_path.name}")
        _rerecord(stage, name, entry, "amend-release", reason, changes, today)
        return [*written, freeze.RECORD]

    _apply(root, change)
    return changes


def correct(root: Path, name: str, reason: str, today: date | None = None) -> list[str]:
    """Record a 正誤 to a published edition's wording (or a translation added later); return what changed."""
    entry = _recorded(root, name, reason, legacy_ok=True)
    languages = freeze.translations(root, name)
    if entry.legacy is not None:
        japanese = languages.get("ja")
        wrong = freeze.legacy_differences(japanese, entry.legacy) if japanese is not None else ["ファイル"]
        if wrong:
            raise EditingError(
                f"第{name}版は公開時の記録と違います（{'、'.join(wrong)}）。元に戻してから記録形式を更新してください"
            )
        changes, kind = ["記録形式の更新（条項の番号・位置・親・後継、前付け、翻訳を固定）"], "record-format"
    else:
        changes, kind = _corrections(name, entry, languages), "correction"
        if not changes:
            raise EditingError(f"第{name}版は公開時の記録のとおりで、訂正されたところはありません")

    def change(stage: Path) -> list[str]:
        _rerecord(stage, name, entry, kind, reason, changes, today)
        return [freeze.RECORD]

    _apply(root, change)
    return changes


def _corrections(name: str, entry: freeze.Entry, languages: dict[str, Edition]) -> list[str]:
    """What a 正誤 changed; a change of structure or dates is refused, with the proper way to make it."""
    changes = []
    for lang, edition in languages.items():
        pinned = entry.checksums.get(lang)
        if pinned is None:
            changes.append(f"翻訳（{lang}）の追加")
            continue
        for _, what in freeze.differences(edition, pinned):
            if not what.endswith("の文言") and not what.startswith("前付け"):
                raise EditingError(
                    f"{edition.path}: {what}は正誤では直せません（正誤は文言の訂正だけです）。"
                    "条項の追加・削除・移動は新しい版で行ってください（guideline new-edition）"
                )
            if (edition.enacted, edition.effective) != (entry.enacted, entry.effective):
                raise EditingError(
                    f"{edition.path}: 日付は正誤では直せません。"
                    f"'guideline amend-release {name} --enacted 日付 --effective 日付 --reason \"理由\"' で訂正してください"
                )
            changes.append(f"{what}（{lang}）")
    return changes


def _recorded(root: Path, name: str, reason: str, legacy_ok: bool = False) -> freeze.Entry:
    problems = Problems()
    entries = freeze.read_record(root, problems)
    if problems:
        raise GuidelineError(problems)
    if not reason.strip():
        raise EditingError(
            '訂正の理由がありません。--reason "理由" で、なぜ訂正するのかを書いてください（改正履歴に載ります）'
        )
    entry = entries.get(name)
    if entry is None:
        known = "、".join(entries) or "なし"
        raise EditingError(
            f"第{name}版は公開されていません（公開済みの版：{known}）。改正案の日付は release で決めます"
        )
    if entry.legacy is not None and not legacy_ok:
        raise EditingError(
            f"第{name}版の記録が古い形式です。先に 'guideline correct {name} --reason \"記録形式の更新\"' を実行してください"
        )
    return entry


def _rerecord(
    stage: Path, name: str, entry: freeze.Entry, kind: str, reason: str, changes: list[str], today: date | None
) -> None:
    entries = freeze.read_record(stage, Problems())
    new = freeze.entry_for(
        stage, _edition(stage, name), today or today_in_japan(), entry if entry.legacy is None else None
    )
    if entry.legacy is not None:
        new.released = entry.released
        new.history = [{"date": entry.released, "kind": "release", "seal": []}]
    new.history.append(
        {
            "date": (today or today_in_japan()).isoformat(),
            "kind": kind,
            "reason": reason.strip(),
            "changes": changes,
            "seal": [entry.seal, new.seal] if entry.seal else [new.seal],
        }
    )
    entries[name] = new
    (stage / freeze.RECORD).write_text(freeze.record_text(entries), encoding="utf-8")


def _edition(root: Path, name: str) -> Edition:
    problems = Problems()
    path = f"{EDITIONS_DIR}/{name}.ja.md"
    edition = parse_edition((root / path).read_text(encoding="utf-8"), path, "ja", problems)
    if problems:
        raise GuidelineError(problems)
    return edition


def _apply(root: Path, change: Callable[[Path], list[str]]) -> None:
    """Make a change in a copy of the sources, prove the whole guideline holds there, then install it.

    The real files are replaced only after every check passed, each through a temporary file and a rename,
    so an error leaves every file as it was.
    """
    with tempfile.TemporaryDirectory(prefix="guideline-") as folder:
        stage = Path(folder)
        for part in (EDITIONS_DIR, "docs", "glossary"):
            if (root / part).is_dir():
                shutil.copytree(root / part, stage / part)
        written = change(stage)
        for lang in languages(stage):
            load(stage, lang, drafts=False)
        temporary = []
        try:
            for relative in written:
                target = root / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                temp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
                temp.write_bytes((stage / relative).read_bytes())
                temporary.append((temp, target))
        except OSError:
            for temp, _ in temporary:
                temp.unlink(missing_ok=True)
            raise
        for temp, target in temporary:
            os.replace(temp, target)

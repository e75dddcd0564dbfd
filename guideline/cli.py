"""The division's command line: ``guideline check`` and friends.

Each subcommand is a thin wrapper over the domain package, so the division gets
the same answers without building the site.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from . import compare, dates, editing, render, translation
from .edition import Edition
from .problems import GuidelineError, Problems, display_path
from .project import Guideline, languages, load


def _root() -> Path:
    """The project root: the nearest folder above the current one that has ``editions/``."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "editions").is_dir():
            return folder
    return here


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every language as the site, as the preview and, for a draft, as `release` would; report it all."""
    root = _root()
    try:
        today = dates.build_date(os.environ.get("GUIDELINE_BUILD_DATE"))
    except dates.DateError as error:
        print(f"guideline check: {error}", file=sys.stderr)
        return 1
    every = Problems()  # a translation reports its original's problems too: each is printed once
    for lang in languages(root):
        found, loaded = _check_language(root, lang, today)
        every.extend(found)
        preview = loaded.get("preview")
        if preview is None:
            continue
        if not found:
            edition = preview.current
            drafts = "".join(f", draft {d.name}" for d in preview.drafts if d.lang == lang)
            print(
                f"{lang}: edition {edition.name}{drafts}, {len(edition.provisions)} provisions, "
                f"{len(preview.commentaries)} commentary pages: no problems."
            )
        for scheduled in preview.scheduled if lang == "ja" else []:
            print(
                f"ja: 第{scheduled.name}版は施行予定です（施行日 {dates.wareki(scheduled.effective)}、"
                f"現行は第{preview.current.name}版）。"
            )
        for line in _to_review(preview):
            print(line)
    if every:
        print(every.report(), file=sys.stderr)
    return 1 if every else 0


def _check_language(root: Path, lang: str, today: date) -> tuple[Problems, dict[str, Guideline]]:
    """Every problem of one language: the site as published, the preview with drafts, and each draft as released.

    A draft's problems do not stop the site from building, but `release` refuses them: they are
    reported here first, each marked with the draft it belongs to.
    """
    found = Problems()
    loaded: dict[str, Guideline] = {}
    drafts = ""
    for mode in ("site", "preview", "release"):
        try:
            guideline = load(root, lang, drafts=mode != "site", as_released=mode == "release", today=today)
        except GuidelineError as error:
            if mode == "release":
                known = set(found.items)
                for problem in error.problems.items:
                    if problem not in known:
                        found.add(
                            problem.location.path,
                            problem.location.line,
                            f"before releasing draft {drafts}: {problem.message}",
                        )
            else:
                found.extend(error.problems)
            if mode == "preview":
                break  # fixed first: the preview shows the draft
            continue
        loaded[mode] = guideline
        if mode == "preview":
            drafts = ", ".join(d.name for d in guideline.drafts)
            if not drafts:
                break  # no draft: the release check is the site's
    return found, loaded


def _to_review(guideline: Guideline) -> list[str]:
    """要確認: commentary whose provision was revised, or is revised by the draft, since it was last reviewed."""
    out = []
    for clause, commentary in guideline.commentaries.items():
        due = guideline.review_due(clause)
        if due is None:
            continue
        where = f"{commentary.path}:{commentary.meta_lines.get('reviewed', 1)}"
        if due.is_draft:
            out.append(
                f"{where}: 要確認: draft {due.name} changes the provision (the page was reviewed for edition "
                f"{commentary.reviewed}); review the page against the draft, then set 'reviewed: \"{due.name}\"'"
            )
        else:  # in force, or 施行予定: reviewed against the edition that changed it
            newest = due if due in guideline.scheduled else guideline.current
            out.append(
                f"{where}: 要確認: written for edition {commentary.reviewed}, but edition {due.name} changed the "
                f"provision; review the page, then set 'reviewed: \"{newest.name}\"'"
            )
    return out


def cmd_translations(args: argparse.Namespace) -> int:
    """List translations that trail the Japanese; with --mark-current, record one as up to date."""
    root = _root()
    if args.mark_current:
        target = Path(args.mark_current).resolve()
        for item in translation.status(root, args.lang):
            if item.translation.resolve() == target:
                translation.mark_current(item.translation, item.original)
                print(f"{display_path(target, root)}: now records {display_path(item.original, root)} as translated")
                return 0
        print(f"{args.mark_current}: not a translation of any Japanese source", file=sys.stderr)
        return 1
    trailing = [t for t in translation.status(root, args.lang) if t.state != "current"]
    for item in trailing:
        original = display_path(item.original, root)
        translated = display_path(item.translation, root)
        if item.state == "missing":
            print(f"{translated}: missing; translate {original} (source: {item.expected})")
        else:
            print(f"{translated}: stale; {original} changed since it was translated (source: {item.expected})")
    print(f"{len(trailing)} translation(s) trail the Japanese.")
    return 0


def cmd_new_edition(args: argparse.Namespace) -> int:
    root = _root()
    try:
        written = editing.new_edition(root, args.name)
    except (editing.EditingError, GuidelineError) as error:
        print(f"guideline new-edition: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"created {display_path(path, root)}")
    print(f"Draft {args.name} started. Edit editions/{args.name}.ja.md, then preview with 'make serve'.")
    return 0


def cmd_release(args: argparse.Namespace) -> int:
    root = _root()
    try:
        enacted = dates.parse_date(args.date)
        effective = dates.parse_date(args.effective) if args.effective else None
        editing.release(root, args.name, enacted, effective)
    except dates.DateError as error:
        print(f"guideline release: 第{args.name}版は公開していません。{error}", file=sys.stderr)
        return 1
    except (editing.EditingError, GuidelineError) as error:
        print(
            f"guideline release: 第{args.name}版は公開していません（ファイルは何も変えていません）。\n{error}",
            file=sys.stderr,
        )
        return 1
    print(
        f"第{args.name}版を公開しました（制定日 {dates.wareki(enacted)}、施行日 {dates.wareki(effective or enacted)}）。"
        "確認用の値を editions/releases.yml に記録しました。"
    )
    return 0


def cmd_amend_release(args: argparse.Namespace) -> int:
    """Correct or fill in a published edition's dates, with the reason, in the record and on 改正履歴."""

    def amend() -> list[str]:
        enacted = dates.parse_date(args.enacted) if args.enacted else None
        effective = dates.parse_date(args.effective) if args.effective else None
        return editing.amend_release(_root(), args.name, args.reason, enacted, effective)

    return _record_correction("amend-release", args.name, amend)


def cmd_correct(args: argparse.Namespace) -> int:
    """Record a 正誤 (a typo fixed in a published edition) with its reason and the new checksums."""
    return _record_correction("correct", args.name, lambda: editing.correct(_root(), args.name, args.reason))


def _record_correction(command: str, name: str, record: Callable[[], list[str]]) -> int:
    try:
        changes = record()
    except (dates.DateError, editing.EditingError, GuidelineError) as error:
        print(f"guideline {command}: 何も変えていません。\n{error}", file=sys.stderr)
        return 1
    print(f"第{name}版の訂正を改正履歴（editions/releases.yml、/editions/）に記録しました：{'、'.join(changes)}")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """The 新旧対照表 between any two editions, in the terminal and optionally as a printable HTML file."""
    root = _root()
    try:
        guideline = load(root, drafts=True)
        old, new = guideline.edition(args.old), guideline.edition(args.new)
    except GuidelineError as error:
        print(error, file=sys.stderr)
        return 1
    except StopIteration:
        names = ", ".join(e.name for e in load(root, drafts=True).editions)
        print(f"guideline diff: unknown edition; the editions are {names}", file=sys.stderr)
        return 1
    comparison = compare.compare(old, new)
    underline = sys.stdout.isatty()
    print(f"新旧対照表：第{new.name}版（改正後） ← 第{old.name}版（改正前）  （傍線部分は改正部分）")
    if old.title != new.title:
        before, after = compare.char_diff(old.title, new.title)
        print(f"\n題名 改正\n  改正後：{_terminal(after, underline)}\n  改正前：{_terminal(before, underline)}")
    for row in comparison.changed_rows:
        shown = row.new or row.old
        number = shown.number if shown is not None else ""
        mark = {"added": "新設", "deleted": "削除", "modified": "改正", "unchanged": "移動"}[row.kind]
        print(f"\n{number} {mark}")
        if row.renumbered and row.old is not None:
            print(f"  番号：{row.old.number} → {number}")
        if row.kind != "deleted":
            print(f"  改正後：{_terminal(row.new_segments, underline)}")
        if row.kind != "added":
            print(f"  改正前：{_terminal(row.old_segments, underline)}")
    print(f"\n{len(comparison.changed_rows)} provision(s) changed.")
    if args.html:
        Path(args.html).write_text(standalone_compare(root, guideline, new, old), encoding="utf-8")
        print(f"Printable comparison written to {args.html} (A4 landscape).")
    return 0


def _terminal(segments: tuple[compare.Segment, ...], underline: bool) -> str:
    left, right = ("\x1b[4m", "\x1b[24m") if underline else ("[[", "]]")
    return "".join(f"{left}{s.text}{right}" if s.changed else s.text for s in segments).replace("\n", " ")


def standalone_compare(root: Path, guideline: Guideline, new: Edition, old: Edition) -> str:
    """A self-contained HTML page of the 新旧対照表 for printing and circulating."""
    body = render.render_compare(guideline, new, old).text
    title_line, _, rest = body.partition("\n")
    title = title_line.removeprefix("# ")
    rest = re.sub(r'<p class="compare-controls">.*?</p>', "", rest, flags=re.DOTALL)
    rest = re.sub(r'<div class="edition-banner.*?</div>', "", rest, flags=re.DOTALL)
    css = (root / "docs/assets/compare.css").read_text(encoding="utf-8")
    return (
        f'<!doctype html>\n<html lang="ja">\n<head>\n<meta charset="utf-8">\n<title>{html.escape(title)}</title>\n'
        f"<style>\nbody {{ font-family: 'Yu Mincho', 'Hiragino Mincho ProN', 'Noto Serif CJK JP', serif; margin: 0; }}\n"
        f"main {{ page: compare; }}\nh1 {{ font-size: 1.2rem; }}\n{css}</style>\n</head>\n"
        f'<body>\n<main class="compare-page">\n<h1>{html.escape(title)}</h1>\n{rest}\n</main>\n</body>\n</html>\n'
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guideline", description="Check and maintain the guideline's sources.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every source without building; exit 1 on any problem")
    check.set_defaults(func=cmd_check)
    new = sub.add_parser("new-edition", help="start a draft edition from the current one")
    new.add_argument("name", help="the new edition's name, e.g. 2")
    new.set_defaults(func=cmd_new_edition)
    rel = sub.add_parser("release", help="publish a draft: set its dates and freeze it")
    rel.add_argument("name")
    rel.add_argument("--date", required=True, help="制定日 (date of enactment): 2027-01-01 or 令和9年1月1日")
    rel.add_argument("--effective", help="施行日 (date in force), as --date; defaults to --date")
    rel.set_defaults(func=cmd_release)
    amend = sub.add_parser("amend-release", help="correct or fill in a published edition's dates, with a reason")
    amend.add_argument("name")
    amend.add_argument("--enacted", help="制定日: 2027-01-01 or 令和9年1月1日")
    amend.add_argument("--effective", help="施行日, as --enacted")
    amend.add_argument("--reason", required=True, help="why, as it will read on 改正履歴")
    amend.set_defaults(func=cmd_amend_release)
    fix = sub.add_parser("correct", help="record a 正誤 (typo fixed in a published edition) with a reason")
    fix.add_argument("name")
    fix.add_argument("--reason", required=True, help="why, as it will read on 改正履歴")
    fix.set_defaults(func=cmd_correct)
    diff = sub.add_parser("diff", help="the 新旧対照表 between two editions")
    diff.add_argument("old", help="the earlier edition, e.g. 1")
    diff.add_argument("new", help="the later edition, e.g. 2")
    diff.add_argument("--html", metavar="FILE", help="also write a printable HTML file (A4 landscape)")
    diff.set_defaults(func=cmd_diff)
    translations = sub.add_parser("translations", help="list translations that are missing or trail the Japanese")
    translations.add_argument("--lang", default="en", help="the translation's language (default: en)")
    translations.add_argument("--mark-current", metavar="FILE", help="record FILE as translating the current Japanese")
    translations.set_defaults(func=cmd_translations)
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())

"""The division's command line: ``guideline check`` and friends.

Each subcommand is a thin wrapper over the domain package, so the division gets
the same answers without building the site. Every line it prints is a message of the catalogue
(``messages.py``), in Japanese unless ``--lang en`` or an English locale asks otherwise; the 新旧対照表
it prints is the document itself, in the guideline's language.

Longer than most modules: one short function per subcommand, then the parser that names them all in
one place, as `guideline --help` shows them.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from guideline import compare, editing, messages
from guideline.checks import translation
from guideline.labels import label
from guideline.messages import Day, Text, items, msg
from guideline.model import dates
from guideline.model.edition import Edition, Provision
from guideline.model.guideline import Guideline
from guideline.model.paths import DEFAULT_LANG
from guideline.model.project import languages, load
from guideline.problems import GuidelineError, Problems, display_path
from guideline.site import compare_page, export, kessai, plan, printing
from guideline.site.cite import edition_name
from guideline.site.review import removed_reference_messages, review_note

LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")  # as in the file names: 1.en.md, accuracy.en.md


def _root() -> Path:
    """The project root: the nearest folder above the current one that has ``editions/``."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "editions").is_dir():
            return folder
    return here


def _say(message: Text) -> None:
    print(message)


def _fail(command: str, problem: Text | str) -> None:
    """``guideline COMMAND: what is wrong`` on stderr."""
    print(msg("cli.failed", command=command, problem=problem), file=sys.stderr)


def _outside_project() -> Text | None:
    """Why the command cannot run here (no ``editions/`` in this folder or above), or None."""
    here = Path.cwd().resolve()
    if any((folder / "editions").is_dir() for folder in (here, *here.parents)):
        return None
    return msg("cli.outside_project", here=str(here))


def _build_date(command: str) -> date | None:
    """GUIDELINE_BUILD_DATE, else today in Japan, as the site's build reads it; None after saying what is wrong."""
    try:
        return dates.build_date(os.environ.get("GUIDELINE_BUILD_DATE"))
    except dates.DateError as error:
        _fail(command, error.message)
        return None


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every language as the site, as the preview and, for a draft, as `release` would; report it all."""
    root = _root()
    today = _build_date("check")
    if today is None:
        return 1
    every = Problems()  # a translation reports its original's problems too: each is printed once
    originals: dict[str, Guideline] = {}
    for lang in languages(root):
        found, loaded = _check_language(root, lang, today, originals)
        if lang == DEFAULT_LANG:
            originals = loaded  # what each translation is checked against, read once
        every.extend(found)
        preview = loaded.get("preview")
        if preview is None:
            continue
        if not found:
            edition = preview.current
            names = [d.name for d in preview.drafts if d.lang == lang]
            _say(
                msg(
                    "cli.check_clean",
                    lang=lang,
                    edition=edition.name,
                    drafts=msg("cli.check_drafts", names=items(names)) if names else "",
                    provisions=len(edition.provisions),
                    pages=len(preview.commentaries),
                )
            )
        for scheduled in preview.scheduled if lang == "ja" else []:
            _say(
                msg(
                    "cli.scheduled",
                    name=scheduled.name,
                    effective=Day(scheduled.effective),
                    current=preview.current.name,
                )
            )
        for line in _to_review(preview):
            print(line)
    if every:
        print(every.report(), file=sys.stderr)
    return 1 if every else 0


def _check_language(
    root: Path, lang: str, today: date, originals: dict[str, Guideline]
) -> tuple[Problems, dict[str, Guideline]]:
    """Every problem of one language: the site as published, the preview with drafts, and each draft as released.

    A draft's problems do not stop the site from building, but `release` refuses them: they are
    reported here first, each marked with the draft it belongs to. A translation is loaded with the
    Japanese of the same mode in ``originals`` when that loaded without error (else it is read again, and
    its problems reported with the translation's).
    """
    found = Problems()
    loaded: dict[str, Guideline] = {}
    drafts = ""
    for mode in ("site", "preview", "release"):
        try:
            guideline = load(
                root,
                lang,
                drafts=mode != "site",
                original=originals.get(mode),
                as_released=mode == "release",
                today=today,
            )
        except GuidelineError as error:
            if mode == "release":
                known = set(found.items)
                for problem in error.problems.items:
                    if problem not in known:
                        found.add(
                            problem.location.path,
                            problem.location.line,
                            "cli.before_release",
                            drafts=drafts,
                            problem=problem.message,
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
    """要確認: commentary whose provision an edition later than its ``reviewed:`` changes, and what to check."""
    out = []
    for clause, commentary in guideline.commentaries.items():
        note = review_note(guideline, clause)
        if note is None:
            continue
        message, to_set = note
        where = f"{commentary.path}:{commentary.meta_lines.get('reviewed', 1)}"
        then = label(guideline, "review_set", name=to_set)
        out.append(f"{where}: {message}{'' if guideline.lang == 'ja' else ' '}{then}")
    return out + removed_reference_messages(guideline)


def cmd_translations(args: argparse.Namespace) -> int:
    """List translations that trail the Japanese; with --mark-current, record one as up to date."""
    root = _root()
    lang = args.translation
    if not LANGUAGE_CODE.match(lang) or lang == DEFAULT_LANG:
        _fail("translations", msg("cli.not_a_language", lang=lang))
        return 1
    if args.mark_current:
        target = Path(args.mark_current).resolve()
        for item in translation.status(root, lang):
            if item.translation.resolve() == target:
                translation.mark_current(item.translation, item.original)
                _say(
                    msg(
                        "cli.marked_current",
                        path=display_path(target, root),
                        original=display_path(item.original, root),
                    )
                )
                return 0
        print(msg("cli.not_a_translation", path=args.mark_current), file=sys.stderr)
        return 1
    trailing = [t for t in translation.status(root, lang) if t.state != "current"]
    for item in trailing:
        state = "cli.translation_missing" if item.state == "missing" else "cli.translation_stale"
        where = {"original": display_path(item.original, root), "translated": display_path(item.translation, root)}
        _say(msg(state, expected=item.expected, **where))
    _say(msg("cli.translations_trailing", count=len(trailing)))
    return 0


def cmd_new_edition(args: argparse.Namespace) -> int:
    root = _root()
    try:
        written = editing.new_edition(root, args.name)
    except (editing.EditingError, GuidelineError) as error:
        _fail("new-edition", _words(error))
        return 1
    for path in written:
        _say(msg("cli.created", path=display_path(path, root)))
    _say(msg("cli.draft_started", name=args.name))
    return 0


def _words(error: messages.MessageError | GuidelineError) -> Text | str:
    """What an error says: its message, or every problem and their count."""
    return error.problems.report() if isinstance(error, GuidelineError) else error.message


def cmd_release(args: argparse.Namespace) -> int:
    root = _root()
    try:
        enacted = dates.parse_date(args.date)
        effective = dates.parse_date(args.effective) if args.effective else None
        editing.release(root, args.name, enacted, effective)
    except dates.DateError as error:
        _fail("release", msg("cli.not_released", name=args.name, problem=error.message))
        return 1
    except (editing.EditingError, GuidelineError) as error:
        _fail("release", msg("cli.not_released_unchanged", name=args.name, problem=_words(error)))
        return 1
    _say(msg("cli.released", name=args.name, enacted=Day(enacted), effective=Day(effective or enacted)))
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
        _fail(command, msg("cli.unchanged", problem=_words(error)))
        return 1
    _say(msg("cli.corrected", name=name, changes=items(changes)))
    return 0


def _load_with_drafts() -> Guideline | None:
    """Every edition, drafts too, or None after printing every problem in the sources. Status (現行, 施行予定,
    旧版) is computed on the build date, as the site's, so a 新旧対照表 or PDF says what the site says."""
    try:
        return load(_root(), drafts=True, today=dates.build_date(os.environ.get("GUIDELINE_BUILD_DATE")))
    except (dates.DateError, GuidelineError) as error:
        print(_words(error), file=sys.stderr)
        return None


def _edition(guideline: Guideline, name: str, command: str) -> Edition | None:
    try:
        return guideline.edition(name)
    except StopIteration:
        _fail(command, msg("cli.no_edition", name=name, names=items(e.name for e in guideline.editions)))
        return None


def cmd_diff(args: argparse.Namespace) -> int:
    """The 新旧対照表 between any two editions: in the terminal, and as printable HTML or a 決裁 PDF."""
    guideline = _load_with_drafts()
    if guideline is None:
        return 1
    old, new = _edition(guideline, args.old, "diff"), _edition(guideline, args.new, "diff")
    if old is None or new is None:
        return 1
    if old is new:
        _fail("diff", msg("cli.same_edition", name=old.name))
        return 2
    order = guideline.editions.index
    if order(old) > order(new) and not args.reverse:
        _fail("diff", msg("cli.reversed", old=old.name, new=new.name))
        return 2
    comparison = compare.compare(old, new)
    underline = sys.stdout.isatty()

    def words(key: str, **values: str) -> str:
        return compare_page.text(guideline, f"terminal_{key}", **values)

    name = edition_name
    print(words("heading", new=name(guideline, new), old=name(guideline, old)))
    for line in compare_page.side_lines(guideline, new, old):
        print(f"  {line}")
    after_side, before_side = words("new"), words("old")
    if comparison.title_changed:
        before, after = compare.char_diff(old.title, new.title)
        print(
            f"\n{words('title')}\n  {after_side}{_terminal(after, underline)}\n  {before_side}{_terminal(before, underline)}"
        )
    for row in comparison.changed_rows:
        shown = row.new or row.old
        number = (shown.number or shown.heading) if shown is not None else ""
        print(f"\n{number} {kessai.what_changed(guideline, row)}")
        if row.new is not None:
            print(f"  {after_side}{_terminal(row.new_segments, underline, row.new)}")
        if row.old is not None:
            print(f"  {before_side}{_terminal(row.old_segments, underline, row.old)}")
    print("\n" + kessai.changed(guideline, comparison))
    failed = 0
    if args.html:
        failed |= _write(Path(args.html), printing.compare_html(guideline, new, old), msg("cli.what.print_html"))
    if args.pdf:
        failed |= _pdf(Path(args.pdf), printing.compare_html(guideline, new, old), msg("cli.what.kessai_pdf"))
    return failed


def cmd_text(args: argparse.Namespace) -> int:
    """An edition's full text, printed to a PDF (A4 portrait)."""
    guideline = _load_with_drafts()
    if guideline is None:
        return 1
    edition = _edition(guideline, args.name, "text")
    if edition is None:
        return 1
    return _pdf(Path(args.pdf), printing.text_html(guideline, edition), msg("cli.what.text_pdf", name=edition.name))


def cmd_preview(args: argparse.Namespace) -> int:
    """For a pull request: the 決裁 PDF of the draft against the edition in force, and a summary of the change."""
    guideline = _load_with_drafts()
    if guideline is None:
        return 1
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    draft = guideline.drafts[-1] if guideline.drafts else None
    old = guideline.previous(draft) if draft is not None else None
    failed = _write(out / "summary.md", kessai.summary_markdown(guideline, draft, old), msg("cli.what.summary"))
    if draft is not None and old is not None:
        failed |= _pdf(out / "kessai.pdf", printing.compare_html(guideline, draft, old), msg("cli.what.kessai_pdf"))
    return failed


def cmd_render(args: argparse.Namespace) -> int:
    """The site's pages as plain Markdown with their assets, one project per language, for another generator."""
    root = _root()
    today = _build_date("render")
    if today is None:
        return 1
    found = languages(root)
    wanted = args.languages or found
    unknown = [lang for lang in wanted if lang not in found]
    if unknown:
        _fail("render", msg("cli.no_site_language", lang=unknown[0], languages=items(found)))
        return 2
    out = Path(args.out)
    loaded: dict[str, Guideline] = {}
    for lang in sorted(set(wanted) | ({DEFAULT_LANG} if len(wanted) > 1 else set()), key=found.index):
        try:
            loaded[lang] = load(root, lang, drafts=args.drafts, original=loaded.get(DEFAULT_LANG), today=today)
        except GuidelineError as error:
            print(_words(error), file=sys.stderr)
            return 1
        if lang not in wanted:
            continue
        stale = plan.stale_sources(root, translation.status(root, lang)) if lang != DEFAULT_LANG else set()
        try:
            written = export.write(loaded[lang], lang, stale, out)
        except OSError:
            print(msg("cli.cannot_write", path=str(out / lang), what=msg("cli.what.site_markdown")), file=sys.stderr)
            return 1
        _say(msg("cli.rendered", lang=lang, pages=written.pages, path=str(written.project)))
    return 0


def _write(path: Path, text: str, what: Text) -> int:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError:
        print(msg("cli.cannot_write", path=str(path), what=what), file=sys.stderr)
        return 1
    _say(msg("cli.written", what=what, path=str(path)))
    return 0


def _pdf(path: Path, document: str, what: Text) -> int:
    try:
        printing.write_pdf(document, path)
    except printing.PrintError as error:
        print(f"guideline: {error.message}", file=sys.stderr)
        return 1
    _say(msg("cli.written", what=what, path=str(path)))
    return 0


def _terminal(segments: tuple[compare.Segment, ...], underline: bool, provision: Provision | None = None) -> str:
    if not segments and provision is not None:  # wording unchanged: only the number moved
        segments = (compare.Segment(compare.wording(provision), False),)
    left, right = ("\x1b[4m", "\x1b[24m") if underline else ("[[", "]]")
    return "".join(f"{left}{s.text}{right}" if s.changed else s.text for s in segments).replace("\n", " ")


def _message_lang(argv: list[str]) -> str | None:
    """``--lang`` as given before the command, read ahead so that ``--help`` speaks it too."""
    for i, arg in enumerate(argv):
        if arg == "--lang":
            value = argv[i + 1] if i + 1 < len(argv) else ""
        elif arg.startswith("--lang="):
            value = arg.partition("=")[2]
        elif arg.startswith("-"):
            continue
        else:
            return None  # the command: a --lang after it is the command's own
        return value if value in messages.LANGUAGES else None
    return None


def _help(message_id: str) -> str:
    return str(msg(message_id))


def main(argv: list[str] | None = None) -> int:
    messages.choose(_message_lang(sys.argv[1:] if argv is None else argv))
    parser = argparse.ArgumentParser(prog="guideline", description=_help("cli.help.description"))
    parser.add_argument("--lang", dest="message_lang", choices=messages.LANGUAGES, help=_help("cli.help.lang"))
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help=_help("cli.help.check"))
    check.set_defaults(func=cmd_check)
    new = sub.add_parser("new-edition", help=_help("cli.help.new_edition"))
    new.add_argument("name", help=_help("cli.help.new_edition_name"))
    new.set_defaults(func=cmd_new_edition)
    rel = sub.add_parser("release", help=_help("cli.help.release"))
    rel.add_argument("name", help=_help("cli.help.release_name"))
    rel.add_argument("--date", required=True, help=_help("cli.help.date"))
    rel.add_argument("--effective", help=_help("cli.help.effective"))
    rel.set_defaults(func=cmd_release)
    amend = sub.add_parser("amend-release", help=_help("cli.help.amend"))
    amend.add_argument("name", help=_help("cli.help.amend_name"))
    amend.add_argument("--enacted", help=_help("cli.help.date"))
    amend.add_argument("--effective", help=_help("cli.help.amend_effective"))
    amend.add_argument("--reason", required=True, help=_help("cli.help.reason"))
    amend.set_defaults(func=cmd_amend_release)
    fix = sub.add_parser("correct", help=_help("cli.help.correct"))
    fix.add_argument("name", help=_help("cli.help.correct_name"))
    fix.add_argument("--reason", required=True, help=_help("cli.help.reason"))
    fix.set_defaults(func=cmd_correct)
    diff = sub.add_parser("diff", help=_help("cli.help.diff"))
    diff.add_argument("old", help=_help("cli.help.diff_old"))
    diff.add_argument("new", help=_help("cli.help.diff_new"))
    diff.add_argument("--reverse", action="store_true", help=_help("cli.help.reverse"))
    diff.add_argument("--html", metavar="FILE", help=_help("cli.help.html"))
    diff.add_argument("--pdf", metavar="FILE", help=_help("cli.help.diff_pdf"))
    diff.set_defaults(func=cmd_diff)
    text = sub.add_parser("text", help=_help("cli.help.text"))
    text.add_argument("name", help=_help("cli.help.text_name"))
    text.add_argument("--pdf", metavar="FILE", required=True, help=_help("cli.help.text_pdf"))
    text.set_defaults(func=cmd_text)
    preview = sub.add_parser("preview", help=_help("cli.help.preview"))
    preview.add_argument("--out", default="build/preview", help=_help("cli.help.preview_out"))
    preview.set_defaults(func=cmd_preview)
    render_ = sub.add_parser("render", help=_help("cli.help.render"))
    render_.add_argument("--out", required=True, help=_help("cli.help.render_out"))
    render_.add_argument("--lang", dest="languages", action="append", help=_help("cli.help.render_lang"))
    render_.add_argument("--drafts", action="store_true", help=_help("cli.help.drafts"))
    render_.set_defaults(func=cmd_render)
    translations = sub.add_parser("translations", help=_help("cli.help.translations"))
    translations.add_argument(
        "--translation", "--lang", dest="translation", default="en", help=_help("cli.help.translation")
    )
    translations.add_argument("--mark-current", metavar="FILE", help=_help("cli.help.mark_current"))
    translations.set_defaults(func=cmd_translations)
    args = parser.parse_args(argv)
    messages.choose(args.message_lang)
    outside = _outside_project()
    if outside is not None:
        print(f"guideline: {outside}", file=sys.stderr)
        return 1
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())

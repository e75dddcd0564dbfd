"""The division's command line: ``guideline check`` and friends.

Each subcommand is a thin wrapper over the domain package, so the division gets
the same answers without building the site.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import translation
from .problems import GuidelineError, display_path
from .project import languages, load


def _root() -> Path:
    """The project root: the nearest folder above the current one that has ``editions/``."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "editions").is_dir():
            return folder
    return here


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every language; report all problems, then the translations that trail."""
    root = _root()
    failed = False
    for lang in languages(root):
        try:
            guideline = load(root, lang)
        except GuidelineError as error:
            print(error, file=sys.stderr)
            failed = True
            continue
        edition = guideline.current
        print(
            f"{lang}: edition {edition.name}, {len(edition.provisions)} provisions, "
            f"{len(guideline.commentaries)} commentary pages: no problems."
        )
    return 1 if failed else 0


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guideline", description="Check and maintain the guideline's sources.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every source without building; exit 1 on any problem")
    check.set_defaults(func=cmd_check)
    translations = sub.add_parser("translations", help="list translations that are missing or trail the Japanese")
    translations.add_argument("--lang", default="en", help="the translation's language (default: en)")
    translations.add_argument("--mark-current", metavar="FILE", help="record FILE as translating the current Japanese")
    translations.set_defaults(func=cmd_translations)
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())

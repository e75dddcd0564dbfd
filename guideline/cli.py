"""The division's command line: ``guideline check`` and friends.

Each subcommand is a thin wrapper over the domain package, so the division gets
the same answers without building the site.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import GuidelineError
from .project import load


def _root() -> Path:
    """The project root: the nearest folder above the current one that has ``editions/``."""
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "editions").is_dir():
            return folder
    return here


def cmd_check(args: argparse.Namespace) -> int:
    root = _root()
    try:
        guideline = load(root)
    except GuidelineError as error:
        print(error, file=sys.stderr)
        return 1
    pages = len(guideline.commentaries)
    print(
        f"OK: edition {guideline.current.name}, {len(guideline.current.provisions)} provisions, {pages} commentary pages."
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="guideline", description="Check and maintain the guideline's sources.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate every source without building; exit 1 on any problem")
    check.set_defaults(func=cmd_check)
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


if __name__ == "__main__":
    sys.exit(main())

"""Problems found in the sources, reported together as ``file:line: エラー: message``.

A problem holds a message id of the catalogue (``messages.py``) and its parameters; it is put into
words, in the language chosen for this run, only when it is reported.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from guideline.messages import Param, Text, msg


@dataclass(frozen=True, order=True)
class Location:
    """A line in a source file, relative to the project root when possible."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix: where, what is wrong, and how to fix it."""

    location: Location
    message: Text

    @property
    def id(self) -> str:
        """The message's id in the catalogue: what tests and tools match on, in any language."""
        return self.message.id

    def render(self, lang: str | None = None) -> str:
        return msg("report.problem", location=str(self.location), message=self.message).render(lang)

    def __str__(self) -> str:
        return self.render()

    def __lt__(self, other: Problem) -> bool:
        """By file and line, then by what is wrong: the order an editor walks the files in."""
        return (self.location, self.message.id, str(self.message)) < (
            other.location,
            other.message.id,
            str(other.message),
        )


@dataclass
class Problems:
    """Collects every problem so that an editor can fix them all in one pass."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, message_id: str, /, **params: Param | None) -> None:
        """Report the catalogue's message ``message_id`` with its parameters at ``path:line``."""
        self.items.append(Problem(Location(path, line), msg(message_id, **params)))

    def add_text(self, path: str, line: int, message: Text) -> None:
        """Report a message already made (one that a function returns for several callers)."""
        self.items.append(Problem(Location(path, line), message))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def report(self, lang: str | None = None) -> str:
        """Every problem, once, in file order, then how many there are."""
        lines = [p.render(lang) for p in sorted(set(self.items))]
        lines.append(msg("report.summary", count=len(lines)).render(lang))
        return "\n".join(lines)


class GuidelineError(Exception):
    """Raised when the sources have problems; carries all of them."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems

    def __str__(self) -> str:
        return self.problems.report()


def display_path(path: Path, root: Path) -> str:
    """Show a path relative to the project root, as editors see it in their tree."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()

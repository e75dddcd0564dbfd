"""Problems found in the sources, reported together as ``file:line: message``."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Location:
    """A line in a source file, relative to the project root when possible."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor must fix: where, what is wrong, and how to fix it."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: error: {self.message}"


@dataclass
class Problems:
    """Collects every problem so that an editor can fix them all in one pass."""

    items: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, message: str) -> None:
        self.items.append(Problem(Location(path, line), message))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def report(self) -> str:
        lines = [str(p) for p in sorted(set(self.items))]
        count = len(lines)
        lines.append(f"{count} problem{'s' if count != 1 else ''} found in the guideline sources.")
        return "\n".join(lines)


class GuidelineError(Exception):
    """Raised when the sources have problems; carries all of them."""

    def __init__(self, problems: Problems) -> None:
        super().__init__(problems.report())
        self.problems = problems


def display_path(path: Path, root: Path) -> str:
    """Show a path relative to the project root, as editors see it in their tree."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()

"""Exceptions that own their message and exit status.

`cli.main` is the one place that turns them into output; every other module
raises, so a problem is never swallowed or downgraded to a log line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self

from briefing_site.safetext import printable

if TYPE_CHECKING:  # only for hints: `--help` need not import the model and dataclasses
    from collections.abc import Iterable

    from briefing_site.model import Location


class BriefingError(Exception):
    """Base class: a problem the user can fix, with its exit status."""

    exit_code = 1

    def lines(self) -> list[str]:
        """The lines to print, one problem each."""
        return [str(self)]


class Problem:
    """One `path:line: message` problem, collected before anything is written."""

    __slots__ = ("location", "message")

    def __init__(self, location: Location, message: str) -> None:
        self.location = location
        self.message = message

    def __str__(self) -> str:
        """One line, as stored: a newline or a bidi control in a file name is shown escaped."""
        return printable(f"{self.location}: {self.message}")

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"


class ContentError(BriefingError):
    """One or more problems in content, config or templates (exit 1)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]

    @classmethod
    def at(cls, location: Location, message: str) -> Self:
        """A single problem, the common case."""
        return cls([Problem(location, message)])

    @classmethod
    def unreadable(cls, location: Location, exc: OSError) -> Self:
        """A file the build may not read (no permission): the file's fault, named as
        such, not the output folder's."""
        return cls.at(location, f"cannot read: {exc.strerror or exc}")


class OutputError(ContentError):
    """The output folder cannot be used or written: held by another build, unsafe, or
    the disk refused (exit 1). Not a content problem, but printed the same way, so
    `main` and every `except ContentError` treat it alike."""


class UsageError(BriefingError):
    """The command line itself is wrong (exit 2)."""

    exit_code = 2


class ProblemList:
    """Collects problems across a stage; `raise_if_any` decides once, at the end."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, location: Location, message: str) -> None:
        self.items.append(Problem(location, message))

    def extend(self, error: ContentError) -> None:
        self.items.extend(error.problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def raise_if_any(self) -> None:
        """Raise every problem at once, sorted by file and line (stable within a line)."""
        if self.items:
            raise ContentError(sorted(self.items, key=lambda p: (p.location.path, p.location.line)))


class DeployError(BriefingError):
    """Publishing failed: no git repository, no remote, a rejected push (exit 1)."""

"""The exception tree. Library code raises these; only cli.py turns them into messages."""

from __future__ import annotations


class KcheckError(Exception):
    """Base class: anything the CLI reports as a one-line cause with exit code 2."""


class UsageError(KcheckError):
    """Bad options or arguments (a path that does not exist, an unknown id)."""


class RulesError(KcheckError):
    """A rules directory that does not validate. ``problems`` holds one ``file:line: msg`` each."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = list(problems)
        first = self.problems[0] if self.problems else "invalid rules"
        more = f" (and {len(self.problems) - 1} more)" if len(self.problems) > 1 else ""
        super().__init__(first + more)


class LoadError(KcheckError):
    """One input file could not be decoded or parsed; the message names the file."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class OutputError(KcheckError):
    """A report or baseline could not be written."""

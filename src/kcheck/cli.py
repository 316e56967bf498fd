"""Command line: parse options, call the pipeline, print, map errors to exit codes.

Nothing here knows Chinese or checks anything; it only talks to people.
"""

from __future__ import annotations

import functools
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kcheck.errors import KcheckError, RulesError
from kcheck.models import Report, Severity
from kcheck.output import write_atomic
from kcheck.pipeline import Settings, run
from kcheck.report import FORMATS, render
from kcheck.rules import RuleSet, check_rules, load_rules

log = logging.getLogger("kcheck")
F = TypeVar("F", bound=Callable[..., Any])

SEVERITIES = ["error", "warning", "info", "never"]


def exit_code(report: Report, fail_on: str) -> int:
    """0 when no (non-baselined) finding is at or above ``fail_on``, else 1."""
    if fail_on == "never":
        return 0
    floor = Severity(fail_on).rank
    failing = [c for c in report.conflicts if not c.baselined and c.severity.rank >= floor]
    return 1 if failing else 0


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = (
        logging.ERROR
        if quiet
        else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("kcheck: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(level)


def common_options(func: F) -> F:
    """Options every command shares: rules, verbosity."""

    @click.option(
        "--rules",
        "rules_dir",
        type=click.Path(path_type=Path),
        default=None,
        help="Rules directory (default ./rules if present, else the built-in rules).",
    )
    @click.option("-v", "--verbose", count=True, help="More detail on stderr; -v also shows tracebacks.")
    @click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
    @functools.wraps(func)
    def wrapper(*args: Any, rules_dir: Path | None, verbose: int, quiet: bool, **kwargs: Any) -> Any:
        _setup_logging(verbose, quiet)
        try:
            return func(*args, rules_dir=rules_dir, verbose=verbose, **kwargs)
        except RulesError as exc:
            for problem in exc.problems[1:]:
                log.debug(problem)
            raise click.ClickException(str(exc)) from None
        except KcheckError as exc:
            raise click.ClickException(str(exc)) from None
        except click.exceptions.Exit:
            raise
        except click.ClickException:
            raise
        except Exception as exc:
            if verbose:
                traceback.print_exc(file=sys.stderr)
            raise click.ClickException(f"internal error: {type(exc).__name__}: {exc}") from None

    return wrapper  # type: ignore[return-value]


def resolve_rules(rules_dir: Path | None) -> RuleSet:
    if rules_dir is None and Path("rules").is_dir():
        rules_dir = Path("rules")
    return load_rules(rules_dir)


def emit(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text)
        log.info("wrote %s", output)


class KcheckGroup(click.Group):
    def main(self, *args: Any, **kwargs: Any) -> Any:
        # usage errors and ClickExceptions exit 2 (click's default for usage errors is 2,
        # for ClickException 1); the contract reserves 1 for findings
        kwargs.setdefault("standalone_mode", True)
        try:
            return super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Abort:
            click.echo("kcheck: aborted", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            click.echo(f"kcheck: {exc.format_message()}", err=True)
            if isinstance(exc, click.UsageError) and exc.ctx is not None:
                click.echo(exc.ctx.get_usage(), err=True)
            sys.exit(2)


@click.group(cls=KcheckGroup)
@click.version_option(package_name="kcheck")
def main() -> None:
    """kcheck: check that articles agree on figures and dates.

    \b
    Example:
      kcheck report corpus/ --format markdown --output report.md
    """


@main.command("report")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="text" if "text" in FORMATS else "json",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(path_type=Path),
    default=None,
    help="Write the report to FILE (atomically) instead of stdout.",
)
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default="error",
    show_default=True,
    help="Exit 1 when a finding at or above this severity is present.",
)
@common_options
def report_cmd(
    paths: tuple[Path, ...], fmt: str, output: Path | None, fail_on: str, rules_dir: Path | None, verbose: int
) -> None:
    """Load every article under PATHS (default ./corpus), check the claims, print the report.

    \b
    Example:
      kcheck report corpus/ --format json --fail-on warning
    """
    rules = resolve_rules(rules_dir)
    settings = Settings(paths=tuple(str(p) for p in paths) or ("corpus",))
    report = run(settings, rules)
    for problem in report.unreadable:
        log.warning("%s: %s", problem.path, problem.error)
    emit(render(report, fmt), output)
    sys.exit(exit_code(report, fail_on))


@main.group("rules")
def rules_group() -> None:
    """Inspect and validate rules directories."""


@rules_group.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
def rules_check_cmd(directory: Path | None) -> None:
    """Validate a rules directory (default ./rules); print every problem as file:line.

    \b
    Example:
      kcheck rules check rules/
    """
    if directory is None:
        directory = Path("rules") if Path("rules").is_dir() else None
    rules, problems = check_rules(directory)
    if problems:
        for problem in problems:
            click.echo(problem)
        click.echo(f"kcheck: {len(problems)} problem(s) in rules", err=True)
        sys.exit(2)
    assert rules is not None
    for section, path in sorted(rules.files.items()):
        click.echo(f"ok  {section:<12} {path}")

"""Command line: parse options, call the pipeline, print, map errors to exit codes.

Nothing here knows Chinese or checks anything; it only talks to people. Library code
raises kcheck.errors; this module turns them into one line on stderr and exit code 2.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kcheck import baseline as baselines
from kcheck import escape, pipeline
from kcheck.cache import default_dir as default_cache_dir
from kcheck.errors import KcheckError, RulesError, UsageError
from kcheck.models import Severity
from kcheck.output import append_step_summary, check_target, write_atomic, write_stdout
from kcheck.pipeline import Settings, View
from kcheck.report import FORMATS, github, render
from kcheck.report.claims import FORMATS as CLAIM_FORMATS
from kcheck.report.claims import render as render_claims
from kcheck.report.explain import as_json, explain, find
from kcheck.rules import RuleSet, check_rules, load_rules

log = logging.getLogger("kcheck")
F = TypeVar("F", bound=Callable[..., Any])

SEVERITIES = ["error", "warning", "info", "never"]
DEFAULT_CORPUS = "corpus"


class SafeFormatter(logging.Formatter):
    """Log records as one line each, with every control character from an input escaped and
    workflow commands defused: a file name can neither forge lines nor drive a terminal."""

    def format(self, record: logging.LogRecord) -> str:
        return escape.guard(escape.visible(super().format(record)))


def _setup_logging(verbose: int, quiet: bool) -> None:
    level = (
        logging.ERROR
        if quiet
        else (logging.DEBUG if verbose > 1 else logging.INFO if verbose else logging.WARNING)
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(SafeFormatter("kcheck: %(message)s"))
    log.handlers[:] = [handler]
    log.setLevel(level)
    log.propagate = False


# --------------------------------------------------------------------------- shared options


def common_options(func: F) -> F:
    """Options every corpus command shares (rules, verbosity) and the error-to-exit-code map."""

    @click.option(
        "--rules",
        "rules_dir",
        type=click.Path(path_type=Path),
        metavar="DIR",
        default=None,
        help="Rules directory (default ./rules if present, else the built-in rules).",
    )
    @click.option(
        "-v",
        "--verbose",
        count=True,
        help="More detail on stderr (-vv for debug); -v also shows tracebacks of internal errors.",
    )
    @click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
    @functools.wraps(func)
    def wrapper(*args: Any, rules_dir: Path | None, verbose: int, quiet: bool, **kwargs: Any) -> Any:
        _setup_logging(verbose, quiet)
        try:
            return func(*args, rules_dir=rules_dir, quiet=quiet, **kwargs)
        except RulesError as exc:
            for problem in exc.problems[1:]:
                log.debug(problem)
            raise click.ClickException(str(exc)) from None
        except KcheckError as exc:
            raise click.ClickException(str(exc)) from None
        except (click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:
            if verbose:  # the traceback quotes inputs too: escaped like every other line
                sys.stderr.write(escape.guard(traceback.format_exc()))
            raise click.ClickException(f"internal error: {type(exc).__name__}: {exc}") from None

    return wrapper  # type: ignore[return-value]


def run_options(func: F) -> F:
    """How load + extract run: worker processes, the cache, the engine (report and claims)."""

    @click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=None,
        help="Worker processes that load and extract files (default: the machine's cores).",
    )
    @click.option(
        "--cache-dir",
        type=click.Path(file_okay=False, path_type=Path),
        envvar="KCHECK_CACHE_DIR",
        default=None,
        help="Directory of the incremental cache (default: the platform's user cache directory, "
        "e.g. ~/.cache/kcheck; env KCHECK_CACHE_DIR).",
    )
    @click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
    @click.option(
        "--engine",
        type=click.Choice(["local", "dask"]),
        default="local",
        show_default=True,
        help="local: this machine; dask: a Dask cluster (pip install 'kcheck[dask]').",
    )
    @click.option(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="The Dask scheduler (tcp://host:8786) for --engine dask; default: a local cluster.",
    )
    @functools.wraps(func)
    def wrapper(
        *args: Any,
        jobs: int | None,
        cache_dir: Path | None,
        no_cache: bool,
        engine: str,
        scheduler: str | None,
        **kwargs: Any,
    ) -> Any:
        if scheduler is not None and engine != "dask":
            raise UsageError("--scheduler needs --engine dask")
        running = {
            "jobs": jobs,
            "cache_dir": None if no_cache else (cache_dir or default_cache_dir()),
            "engine": engine,
            "scheduler": scheduler,
        }
        return func(*args, running=running, **kwargs)

    return wrapper  # type: ignore[return-value]


def output_option(func: F) -> F:
    return click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write to FILE (atomically: readers never see half a file) instead of stdout; "
        "never onto or inside an input, a symbolic link, a device or a FIFO.",
    )(func)


def paths_argument(func: F) -> F:
    return click.argument("paths", nargs=-1, type=click.Path(path_type=Path))(func)


def resolve_rules(rules_dir: Path | None) -> RuleSet:
    if rules_dir is None and Path("rules").is_dir():
        rules_dir = Path("rules")
    return load_rules(rules_dir)


def corpus_settings(
    paths: tuple[Path, ...], running: dict[str, Any] | None = None, quiet: bool = False
) -> Settings:
    """Settings for the given PATHs (default ./corpus); a PATH that does not exist is a usage error."""
    chosen = tuple(str(p) for p in paths) or (DEFAULT_CORPUS,)
    for path in chosen:
        if not Path(path).exists():
            hint = " (give the articles' PATH)" if not paths else ""
            raise UsageError(f"{path}: no such file or directory{hint}")
    return Settings(paths=chosen, progress=not quiet, **(running or {}))


def require_documents(documents: int, unreadable: int, settings: Settings) -> None:
    """Nothing readable is not a clean corpus: exit 2 rather than report "No conflicts"."""
    if documents:
        return
    where = ", ".join(escape.display_path(p) for p in settings.paths)
    why = f"all {unreadable} file(s) unreadable" if unreadable else "no files"
    raise UsageError(f"nothing to check: no readable article under {where} ({why})")


def emit(text: str, output: Path | None, inputs: tuple[str, ...] = ()) -> None:
    """The finished output to stdout (every write checked) or to ``output`` (never onto an
    input, a link or a device; see kcheck.output)."""
    if output is None:
        try:
            write_stdout(text)
        except BrokenPipeError:
            # the reader stopped early (`| head`): not an error, and the exit code stays the
            # one the findings decide; point stdout at devnull so the final flush is silent
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    else:
        write_atomic(output, text, inputs)
        log.info("wrote %s", output)


def use_color(output: Path | None) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return output is None and not os.environ.get("NO_COLOR") and sys.stdout.isatty()


# --------------------------------------------------------------------------- the group


class KcheckGroup(click.Group):
    def main(self, *args: Any, **kwargs: Any) -> Any:
        # every error exits 2 with one line on stderr (click's default for ClickException
        # is 1, which the contract reserves for findings)
        try:
            return super().main(*args, **{**kwargs, "standalone_mode": False})
        except click.exceptions.Abort:
            click.echo("kcheck: aborted", err=True)
            sys.exit(2)
        except click.ClickException as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # bare `kcheck` (click >= 8.2): the help
                click.echo(exc.format_message(), err=True)
                sys.exit(2)
            hint = ""
            if isinstance(exc, click.UsageError) and exc.ctx is not None:
                hint = f" (see '{exc.ctx.command_path} --help')"
            # messages quote paths, ids and rule text: one safe line whatever they hold
            click.echo(escape.guard(escape.visible(f"kcheck: {exc.format_message()}{hint}")), err=True)
            sys.exit(2)


@click.group(cls=KcheckGroup)
@click.version_option(package_name="kcheck")
def main() -> None:
    """kcheck: check that articles agree on figures and dates.

    \b
    Example:
      kcheck report corpus/ --format markdown --output report.md
    """


# --------------------------------------------------------------------------- report


@main.command("report")
@paths_argument
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="text for a terminal, json (see schemas/report.schema.json), markdown, sarif (2.1.0), "
    "github (workflow annotations; also appends Markdown to $GITHUB_STEP_SUMMARY when set).",
)
@output_option
@click.option(
    "--fail-on",
    type=click.Choice(SEVERITIES),
    default="error",
    show_default=True,
    help="Exit 1 when a finding at or above this severity is present (baselined findings never count).",
)
@click.option(
    "--min-severity",
    type=click.Choice(SEVERITIES[:3]),
    default="info",
    show_default=True,
    help="Show only findings at or above this severity; the exit code still counts all findings.",
)
@click.option(
    "--baseline",
    "baseline_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Mark findings listed in FILE as baselined: shown, but never failing the run.",
)
@click.option(
    "--write-baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write this run's findings to FILE (atomically) for later --baseline runs.",
)
@click.option(
    "--changed-since",
    metavar="GIT_REF",
    default=None,
    help="Only findings involving a document changed since GIT_REF (git diff --name-only GIT_REF, "
    "plus untracked files); the exit code counts only those. git runs in the directory of the first PATH.",
)
@common_options
@run_options
def report_cmd(
    paths: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    fail_on: str,
    min_severity: str,
    baseline_file: Path | None,
    write_baseline: Path | None,
    changed_since: str | None,
    running: dict[str, Any],
    rules_dir: Path | None,
    quiet: bool,
) -> None:
    """Load every article under PATHS (default ./corpus), check the claims, print the report.

    Exit code: 0 when no finding is at or above --fail-on, 1 when one is, 2 on a usage
    error, unreadable rules, an output that cannot be written, nothing readable under PATHS
    or an internal error. Files that cannot be read are listed in the report and do not
    change the exit code; links leading out of a PATH directory are skipped and listed.

    \b
    Examples:
      kcheck report corpus/ --format sarif --output kcheck.sarif --fail-on warning
      kcheck report corpus/ --write-baseline .kcheck-baseline.json
      kcheck report corpus/ --baseline .kcheck-baseline.json --changed-since origin/main
      kcheck report archive/ --jobs 8 --engine dask --scheduler tcp://10.0.0.5:8786
    """
    settings = corpus_settings(paths, running, quiet)
    for target in (output, write_baseline):
        if target is not None:  # refuse before the run, not after minutes of work
            check_target(target, settings.paths)
    view = View(changed_since=changed_since, baseline=baseline_file, min_severity=Severity(min_severity))
    outcome = pipeline.report(settings, resolve_rules(rules_dir), view)
    report = outcome.counted
    log.info(
        "%d documents, %d claims, %d conflicts",
        len(report.documents),
        len(report.claims),
        len(report.conflicts),
    )
    for problem in report.unreadable:
        log.warning("%s: %s", problem.path, problem.error)
    for doc in report.documents:
        for note in doc.notes:
            log.warning("%s: %s", doc.path, note)
    require_documents(len(report.documents), len(report.unreadable), settings)
    if write_baseline is not None:
        count = baselines.write(write_baseline, report, settings.paths)
        if not quiet:
            click.echo(f"kcheck: wrote {count} finding(s) to baseline {write_baseline}", err=True)

    code = outcome.exit_code(None if fail_on == "never" else Severity(fail_on))
    emit(render(outcome.shown, fmt, color=use_color(output)), output, settings.paths)
    if fmt == "github":
        append_step_summary(github.step_summary(outcome.shown))
    sys.exit(code)


# --------------------------------------------------------------------------- claims


@main.command("claims")
@paths_argument
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(CLAIM_FORMATS)),
    default="table",
    show_default=True,
    help="table for a terminal; jsonl (one claim object per line) and csv carry every claim field.",
)
@output_option
@common_options
@run_options
def claims_cmd(
    paths: tuple[Path, ...],
    fmt: str,
    output: Path | None,
    running: dict[str, Any],
    rules_dir: Path | None,
    quiet: bool,
) -> None:
    """List every claim extracted from the articles under PATHS (default ./corpus).

    \b
    Example:
      kcheck claims corpus/ --format jsonl | jq 'select(.metric == "gmv")'
    """
    settings = corpus_settings(paths, running, quiet)
    if output is not None:
        check_target(output, settings.paths)
    extraction = pipeline.collect(settings, resolve_rules(rules_dir))
    for problem in extraction.problems:
        log.warning("%s: %s", problem.path, problem.error)
    require_documents(len(extraction.documents), len(extraction.problems), settings)
    emit(render_claims(extraction.claims, fmt), output, settings.paths)


# --------------------------------------------------------------------------- explain


@main.command("explain")
@click.argument("ident", metavar="ID")
@paths_argument
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for a reader; json for the object itself.",
)
@common_options
def explain_cmd(ident: str, paths: tuple[Path, ...], fmt: str, rules_dir: Path | None, quiet: bool) -> None:
    """Show one conflict, claim or topic in full: every source sentence with file:line:column,
    the normalised values and intervals, the period or date, and why the claims were grouped.

    ID is an id from `kcheck report` or `kcheck claims`, or any prefix of one that names a
    single item. The articles under PATHS (default ./corpus) are checked again to find it.

    \b
    Example:
      kcheck explain v5b932a9 corpus/
    """
    settings = corpus_settings(paths)
    report = pipeline.run(settings, resolve_rules(rules_dir))
    require_documents(len(report.documents), len(report.unreadable), settings)
    emit(as_json(find(report, ident)) if fmt == "json" else explain(report, ident), None)


# --------------------------------------------------------------------------- rules


@main.group("rules")
def rules_group() -> None:
    """Inspect and validate rules directories.

    \b
    Example:
      kcheck rules check rules/
    """


@rules_group.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
def rules_check_cmd(directory: Path | None) -> None:
    """Validate a rules directory (default ./rules); print every problem as file:line.

    Exit code 0 when the rules are valid, 2 when there is any problem.

    \b
    Example:
      kcheck rules check rules/
    """
    if directory is None:
        directory = Path("rules") if Path("rules").is_dir() else None
    rules, problems = check_rules(directory)
    if problems:
        for problem in problems:
            click.echo(escape.guard(escape.visible(problem)))
        click.echo(f"kcheck: {len(problems)} problem(s) in rules", err=True)
        sys.exit(2)
    assert rules is not None
    for section, path in sorted(rules.files.items()):
        click.echo(escape.guard(escape.visible(f"ok  {section:<12} {path}")))

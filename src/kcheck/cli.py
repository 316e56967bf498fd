"""Command line: parse options, call the pipeline, print, map errors to exit codes.

Nothing here knows Chinese or checks anything; it only talks to people. Library code
raises kcheck.errors; this module turns them into one line on stderr and exit code 2.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from kcheck import config, escape, progress, rerun
from kcheck.cache import Cache
from kcheck.errors import KcheckError, RulesError, UsageError
from kcheck.load import Listing
from kcheck.load.select import DEFAULT_INCLUDE
from kcheck.output import (
    Text,
    append_step_summary,
    check_target,
    color_wanted,
    terminal_width,
    write_atomic,
    write_stdout,
)
from kcheck.settings import Settings, default_rules_dir

# The checking itself (kcheck.pipeline, the models, the rules, the report formats) is imported
# by the commands that check, when they check: a kept run replayed (kcheck.rerun) needs only
# the settings, the listing, the cache and the output, and starts in a fraction of the time.

# the names of kcheck.report.FORMATS and kcheck.report.claims.FORMATS, for the options'
# choices (tests/engine/test_rerun.py holds them equal)
REPORT_FORMATS = ("text", "json", "markdown", "sarif", "github", "html", "checkstyle", "junit", "rdjson")
CLAIM_FORMATS = ("table", "jsonl", "csv")

log = logging.getLogger("kcheck")
F = TypeVar("F", bound=Callable[..., Any])

SEVERITIES = ["error", "warning", "info", "never"]

# the types of the path options, made once for every option of every command (each one
# made asks gettext for its name, stat'ing locale files: 27 of them cost a replay ~1 ms)
A_FILE = click.Path(dir_okay=False, path_type=Path)
A_DIRECTORY = click.Path(file_okay=False, path_type=Path)
A_PATH = click.Path(path_type=Path)


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
    """Options every corpus command shares (configuration, file selection, rules, verbosity),
    and the error-to-exit-code map. Each option defaults to None ("not given"), so that a
    configuration file's value applies unless the command line says otherwise."""

    @click.option(
        "--config",
        "config_file",
        type=A_FILE,
        default=None,
        help="Read settings from FILE (a kcheck.toml, or a pyproject.toml's [tool.kcheck]) "
        "instead of the one found walking up from the working directory.",
    )
    @click.option(
        "--rules",
        "rules",
        type=A_PATH,
        metavar="DIR",
        default=None,
        help="Rules directory (default ./rules when it holds only kcheck rules files, else the built-in rules).",
    )
    @click.option(
        "--include",
        multiple=True,
        metavar="GLOB",
        help="Read only files matching GLOB (gitignore syntax; repeatable) when walking a directory; "
        "default: " + " ".join(DEFAULT_INCLUDE) + ".",
    )
    @click.option(
        "--exclude",
        multiple=True,
        metavar="GLOB",
        help="Skip files and directories matching GLOB (repeatable).",
    )
    @click.option(
        "--no-ignore",
        "respect_gitignore",
        flag_value=False,
        default=None,
        help="Read files that .gitignore ignores too.",
    )
    @click.option(
        "--root",
        type=A_DIRECTORY,
        default=None,
        help="Directory every path in the report is relative to, whatever the working directory "
        "(default: the git work tree, else the configuration's directory, else the working directory).",
    )
    @click.option(
        "-v",
        "--verbose",
        count=True,
        help="More detail on stderr (-vv for debug); -v also shows tracebacks of internal errors.",
    )
    @click.option("-q", "--quiet", is_flag=True, default=None, help="Only errors on stderr.")
    @functools.wraps(func)
    def wrapper(*args: Any, config_file: Path | None, verbose: int, **kwargs: Any) -> Any:
        _setup_logging(verbose, bool(kwargs.get("quiet")))
        try:
            given = {k: v for k, v in kwargs.items() if k in config.DEFAULTS}
            given["verbose"] = verbose or None
            given["paths"] = [str(p) for p in kwargs.get("paths", ())] or None
            settings = config.resolve(given, config_path=config_file)
            _setup_logging(settings["verbose"], bool(settings["quiet"]))
            rest = {k: v for k, v in kwargs.items() if k not in config.DEFAULTS and k != "paths"}
            return func(*args, settings=settings, **rest)
        except RulesError as exc:
            for problem in exc.problems[1:]:
                log.debug(problem)
            raise click.ClickException(str(exc)) from None
        except KcheckError as exc:
            raise click.ClickException(str(exc)) from None
        except (click.exceptions.Exit, click.ClickException):
            raise
        except ModuleNotFoundError as exc:
            # a checkout updated without reinstalling: a library the new code needs is missing
            if verbose:
                traceback.print_exc(file=sys.stderr)
            raise click.ClickException(
                f"a library kcheck needs is not installed ({exc.name}): reinstall kcheck "
                "(`pip install -e .` in a checkout)"
            ) from None
        except Exception as exc:
            if verbose:
                traceback.print_exc(file=sys.stderr)
            raise click.ClickException(f"internal error: {type(exc).__name__}: {exc}") from None

    return wrapper  # type: ignore[return-value]


def run_options(func: F) -> F:
    """How load + extract run: worker processes, the cache, the engine (report and claims).
    Like every option they default to None, so a configuration file's value applies."""
    options = [
        click.option(
            "--jobs",
            "-j",
            type=click.IntRange(min=1),
            default=None,
            help="Worker processes that load and extract files (default: the machine's cores).",
        ),
        click.option(
            "--cache-dir",
            type=A_DIRECTORY,
            default=None,
            help="Directory of the incremental cache (default: env KCHECK_CACHE_DIR, else the "
            "platform's user cache directory, e.g. ~/.cache/kcheck).",
        ),
        click.option(
            "--no-cache", "cache", flag_value=False, default=None, help="Neither read nor write the cache."
        ),
        click.option(
            "--engine",
            type=click.Choice(["local", "dask"]),
            default=None,
            help="local (default): this machine; dask: a Dask cluster (pip install 'kcheck[dask]').",
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            default=None,
            help="The Dask scheduler (tcp://host:8786) for --engine dask; default: a local cluster.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def output_option(func: F) -> F:
    return click.option(
        "--output",
        "-o",
        type=A_FILE,
        default=None,
        help="Write to FILE (atomically: readers never see half a file) instead of stdout; "
        "its directory must exist; never onto or inside an input, a symbolic link, a device or a FIFO.",
    )(func)


def paths_argument(func: F) -> F:
    return click.argument("paths", nargs=-1, type=A_PATH)(func)


def require_documents(documents: int, unreadable: int, settings: Settings) -> None:
    """Nothing readable is not a clean corpus: exit 2 rather than report "No conflicts"."""
    if documents:
        return
    where = ", ".join(escape.display_path(p) for p in settings.paths)
    why = f"all {unreadable} file(s) unreadable" if unreadable else "no files"
    raise UsageError(f"nothing to check: no readable article under {where} ({why})")


def emit(text: Text, output: Path | None, inputs: tuple[str, ...] = ()) -> None:
    """The finished output (a string, the chunks a format streams, or a kept report's UTF-8
    blocks) to stdout (every write checked) or to ``output`` (never onto an input, a link or
    a device; see kcheck.output).
    The text holds exactly the styles chosen (--color), so it is written as it is."""
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


def use_color(output: Path | None, choice: str = "auto") -> bool:
    """Colour for --color always; for auto, only on a terminal (see output.color_wanted)."""
    return color_wanted(choice, sys.stdout, to_file=output is not None)


def _path(value: Any) -> Path | None:
    return Path(value) if value is not None else None


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


@click.group(cls=KcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kcheck")
def main() -> None:
    """kcheck: check that articles agree on figures and dates.

    \b
    Example:
      kcheck report corpus/ --format markdown --output report.md
    """


# --------------------------------------------------------------------------- report


def report_options(func: F) -> F:
    """The options of `kcheck report` (and of `kcheck config`, which shows their values)."""
    options = [
        click.option(
            "--format",
            "format",
            type=click.Choice(list(REPORT_FORMATS)),
            default=None,
            help="text for a terminal (default), json (see schemas/report.schema.json), markdown, "
            "sarif (2.1.0), github (workflow annotations; also appends Markdown to "
            "$GITHUB_STEP_SUMMARY when set), html (one self-contained page to browse offline; "
            "use with --output), checkstyle, junit, rdjson (reviewdog).",
        ),
        output_option,
        click.option(
            "--fail-on",
            type=click.Choice(SEVERITIES),
            default=None,
            help="Exit 1 when a finding at or above this severity is present (default error; "
            "baselined and suppressed findings never count).",
        ),
        click.option(
            "--min-severity",
            type=click.Choice(SEVERITIES[:3]),
            default=None,
            help="Show only findings at or above this severity (default info); a hidden finding "
            "that fails the run is counted in one line on stderr.",
        ),
        click.option(
            "--baseline",
            type=A_FILE,
            default=None,
            help="Mark findings listed in FILE as baselined: shown, but never failing the run; "
            "entries no finding matches are reported as stale.",
        ),
        click.option(
            "--write-baseline",
            type=A_FILE,
            default=None,
            help="Write this run's findings to FILE (atomically); they count as baselined, so the run passes.",
        ),
        click.option(
            "--update-baseline",
            is_flag=True,
            default=None,
            help="Remove the stale entries from the --baseline FILE.",
        ),
        click.option(
            "--changed-since",
            metavar="GIT_REF",
            default=None,
            help="Only findings involving a document changed since GIT_REF (git diff --name-only "
            "GIT_REF, plus untracked files); the exit code counts only those.",
        ),
        click.option(
            "--corroborated/--no-corroborated",
            default=None,
            help="List the topics several sources agree on (default) or only count them.",
        ),
        click.option(
            "--color",
            type=click.Choice(["auto", "always", "never"]),
            default=None,
            help="Colour the text report: auto (default) on a terminal unless NO_COLOR is set or "
            "TERM=dumb; FORCE_COLOR forces it.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@main.command("report")
@paths_argument
@report_options
@run_options
@common_options
def report_cmd(settings: config.Config) -> None:
    """Load every article under PATHS (default ./corpus), check the claims, print the report.

    PATH - reads one article from standard input. Settings come from the command line, then
    a kcheck.toml or a pyproject.toml's [tool.kcheck] found walking up from the working
    directory (see `kcheck config`).

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
    corpus = config.corpus_settings(settings)
    fmt = settings["format"]
    if fmt not in REPORT_FORMATS:
        raise UsageError(f"format {fmt!r} is not one of {', '.join(REPORT_FORMATS)}")
    output = _path(settings["output"])
    baseline, write_baseline = _path(settings["baseline"]), _path(settings["write_baseline"])
    update_baseline, changed_since = bool(settings["update_baseline"]), settings["changed_since"]
    root = config.report_root(settings)
    rules_dir = config.rules_dir(settings)
    for target in (output, write_baseline, baseline if update_baseline else None):
        if target is not None:  # refuse before the run, not after minutes of work
            check_target(target, corpus.paths)
    # how the report is rendered (kcheck.report.RenderOptions, made by _report when it checks)
    rendering = Rendering(
        color=use_color(output, settings["color"]),
        width=terminal_width(output) if fmt == "text" else None,
        root=root,
        corroborated=bool(settings["corroborated"]),
        paths=corpus.paths,
        fail_on=settings["fail_on"],
        min_severity=settings["min_severity"],
        changed_since=changed_since,
        cwd=str(root) if root is not None else os.getcwd(),
        output_dir=str(output.resolve().parent) if output is not None else None,
    )
    store = Cache(corpus.cache_dir) if corpus.cache_dir is not None else None
    # a run that writes a baseline or asks git is not replayed: its output is not only its inputs'
    key = None
    if store is not None and write_baseline is None and not update_baseline and not changed_since:
        rules_dirs = [default_rules_dir(), *([rules_dir] if rules_dir is not None else [])]
        key = rerun.key(store, corpus, rules_dirs, baseline, (fmt, rendering))
    done = rerun.recall(store, key) if store is not None and key is not None else None
    replayed = done is not None
    copies: list[Path] = []  # the file the run is kept in, once it is
    if done is not None:
        log.info("nothing changed since a run kept in the cache: its report")
        chunks = done.text
    else:
        keeps = store is not None and key is not None and not store.readonly
        done = _report(
            settings, corpus, rules_dir, fmt, rendering, key.listing if key is not None else None, keeps
        )
        # the report goes out as it is rendered; a copy is kept on the way for the next run
        chunks = (
            rerun.keeping(store, key, done, copies.append)
            if store is not None and key is not None
            else done.text
        )
    for level, message in done.messages:
        log.log(level, "%s", message)
    # a fresh run's report is rendered as it is written (``_lazily``), with the cycle
    # collector paused: pipeline.without_cycle_collection, the marked speed trick
    with contextlib.nullcontext() if replayed else _collector_paused():
        emit(chunks, output, corpus.paths)
    if done.finish is not None:  # not after an interrupted output: a report no one reads
        done.finish(copies[-1] if copies else None)
    if store is not None:
        store.close()
    if done.summary is not None:
        append_step_summary(done.summary)
    if done.hidden is not None:
        click.echo(f"kcheck: {done.hidden}", err=True)
        if fmt == "github" and output is None:  # shown on the run's page, not only in its log
            click.echo(f"::error title=kcheck::{escape.github_data(done.hidden)}")
    sys.exit(done.code)


@dataclasses.dataclass(frozen=True)
class Rendering:
    """The settings that shape a report's text besides its format: plain values, part of a
    kept run's key (by ``repr``), so a replay needs none of kcheck.report."""

    color: bool
    width: int | None
    root: Path | None
    corroborated: bool
    paths: tuple[str, ...]
    fail_on: str
    min_severity: str
    changed_since: str | None
    cwd: str
    output_dir: str | None


def _collector_paused() -> contextlib.AbstractContextManager[None]:
    from kcheck.pipeline import without_cycle_collection  # a fresh run has imported it

    return without_cycle_collection()


def _lazily(render: Callable[[], Iterable[str]]) -> Iterator[str]:
    """The chunks of ``render()``, rendered when the first is drawn: inside ``emit``, where
    the collector is paused (``stream`` renders the text and HTML formats when called)."""
    yield from render()


def _report(
    settings: config.Config,
    corpus: Settings,
    rules_dir: Path | None,
    fmt: str,
    rendering: Rendering,
    listing: Listing | None = None,
    keeps: bool = False,
) -> rerun.Transcript:
    """Check the corpus: the rendered report, exit code and messages of `kcheck report`
    (``listing``: its files as the re-run key listed them, so they are not listed twice;
    ``keeps``: the re-run cache keeps the rendered report, which `kcheck explain` then reads
    when it is this Report as JSON, instead of a copy of its own)."""
    from kcheck import lastrun, pipeline
    from kcheck.models import Severity
    from kcheck.report import RenderOptions, RunInfo, github, stream
    from kcheck.rules import load_rules

    view = pipeline.View(
        changed_since=rendering.changed_since,
        baseline=_path(settings["baseline"]),
        min_severity=Severity(rendering.min_severity),
        write_baseline=_path(settings["write_baseline"]),
        update_baseline=bool(settings["update_baseline"]),
    )
    fail_on = None if rendering.fail_on == "never" else Severity(rendering.fail_on)
    rules = load_rules(rules_dir)
    with progress.showing(not settings["quiet"]):
        recorder = lastrun.Recorder(
            settings.project, rules_dir, listing, wait_for_copy=keeps and fmt == "json"
        )
        outcome = pipeline.report(corpus, rules, view, recorder)
    report = outcome.counted
    said: list[tuple[int, str]] = []

    def say(level: int, message: str, *args: object) -> None:
        said.append((level, message % args))

    say(
        logging.INFO,
        "%d documents, %d claims, %d conflicts",
        len(report.documents),
        len(report.claims),
        len(report.conflicts),
    )
    for problem in report.unreadable:
        say(logging.WARNING, "%s: %s", problem.path, problem.error)
    for doc in report.documents:
        for note in doc.notes:
            say(logging.WARNING, "%s: %s", doc.path, note)
    if not report.documents:
        for level, message in said:
            log.log(level, "%s", message)
    require_documents(len(report.documents), len(report.unreadable), corpus)
    for marker in report.suppressions:
        if marker.error is not None:
            say(
                logging.WARNING,
                "%s:%d: kcheck-disable-%s %s",
                marker.path,
                marker.line,
                marker.scope,
                marker.error,
            )
        elif not marker.used:
            say(
                logging.WARNING,
                "%s:%d: unused suppression (kcheck-disable-%s)",
                marker.path,
                marker.line,
                marker.scope,
            )
    if report.stale and not outcome.removed_stale:
        say(
            logging.WARNING,
            "%s: %d stale entr%s (no finding matches; --update-baseline removes them)",
            report.baseline,
            len(report.stale),
            "y" if len(report.stale) == 1 else "ies",
        )
    if outcome.removed_stale is not None:
        say(
            logging.WARNING,
            "%s: removed %d stale entr%s",
            report.baseline,
            outcome.removed_stale,
            "y" if outcome.removed_stale == 1 else "ies",
        )
    if outcome.wrote_baseline is not None:
        say(
            logging.WARNING, "wrote %d finding(s) to baseline %s", outcome.wrote_baseline, view.write_baseline
        )
    rules_from = ", ".join(sorted({os.path.dirname(f) or "." for f in rules.files.values()})) or "built-in"
    options = RenderOptions(
        color=rendering.color,
        width=rendering.width,
        root=rendering.root,
        corroborated=rendering.corroborated,
        run=RunInfo(
            paths=rendering.paths,
            rules=rules_from,
            fail_on=rendering.fail_on,
            min_severity=rendering.min_severity,
            changed_since=rendering.changed_since,
            cwd=rendering.cwd,
            output_dir=rendering.output_dir,
        ),
    )

    def finish(copy: Path | None) -> None:
        # the kept run's text is the JSON of the Report `kcheck explain` reads: a reference will do
        recorded = recorder.report
        json_of_it = fmt == "json" and recorded is not None and lastrun.is_json_of(outcome.shown, recorded)
        recorder.keep(copy if json_of_it else None)

    return rerun.Transcript(
        text=_lazily(lambda: stream(outcome.shown, fmt, options)),
        code=outcome.exit_code(fail_on),
        messages=said,
        hidden=outcome.hidden_failure(fail_on),
        summary=github.step_summary(outcome.shown, options) if fmt == "github" else None,
        finish=finish,
    )


# --------------------------------------------------------------------------- config


@main.command("config")
@paths_argument
@report_options
@run_options
@common_options
def config_cmd(settings: config.Config) -> None:
    """Show the settings in effect and where each came from (the command line, a
    configuration file, or the default), as TOML a kcheck.toml could hold.

    \b
    Example:
      kcheck config --fail-on warning
    """
    emit(config.show(settings), None)


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
@click.option(
    "--output",
    "-o",
    "listing",
    type=A_FILE,
    default=None,
    help="Write to FILE (atomically) instead of stdout; its directory must exist.",
)
@run_options
@common_options
def claims_cmd(settings: config.Config, fmt: str, listing: Path | None) -> None:
    """List every claim extracted from the articles under PATHS (default ./corpus).

    \b
    Example:
      kcheck claims corpus/ --format jsonl | jq 'select(.metric == "gmv")'
    """
    from kcheck import pipeline
    from kcheck.report.claims import stream as stream_claims
    from kcheck.rules import load_rules

    corpus = config.corpus_settings(settings)
    if listing is not None:
        check_target(listing, corpus.paths)
    with progress.showing(not settings["quiet"]):
        extraction = pipeline.collect(corpus, load_rules(config.rules_dir(settings)))
    for problem in extraction.problems:
        log.warning("%s: %s", problem.path, problem.error)
    require_documents(len(extraction.documents), len(extraction.problems), corpus)
    emit(stream_claims(extraction.claims, fmt, width=terminal_width(listing)), listing, corpus.paths)


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
def explain_cmd(ident: str, settings: config.Config, fmt: str) -> None:
    """Show one conflict, claim or topic in full: every source sentence with file:line:column,
    the normalised values and intervals, the period or date, and why the claims were grouped.

    ID is an id from `kcheck report` or `kcheck claims`, or any prefix of one that names a
    single item. The articles under PATHS (default ./corpus) are checked again to find it,
    unless the last run's results (kept in .kcheck_cache/) are for the same files and rules.

    \b
    Example:
      kcheck explain v5b932a9 corpus/
    """
    from kcheck import lastrun
    from kcheck.report.explain import as_json, explain, find

    corpus = config.corpus_settings(settings)
    with progress.showing(not settings["quiet"]):
        report = lastrun.run(corpus, config.rules_dir(settings), settings.project, ident)
    require_documents(len(report.documents), len(report.unreadable), corpus)
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
@click.argument("directory", required=False, type=A_PATH)
def rules_check_cmd(directory: Path | None) -> None:
    """Validate a rules directory; print every problem as file:line.

    Without DIR: the `rules` of the configuration, else ./rules when it holds only kcheck
    rules files, else the built-in rules (what `kcheck report` would use).
    Exit code 0 when the rules are valid, 2 when there is any problem.

    \b
    Example:
      kcheck rules check rules/
    """
    from kcheck.rules import check_rules

    if directory is None:
        try:
            directory = config.rules_dir(config.resolve({}))
        except KcheckError as exc:
            raise click.ClickException(str(exc)) from None
    rules, problems = check_rules(directory)
    if problems:
        for problem in problems:
            click.echo(escape.guard(escape.visible(problem)))
        click.echo(f"kcheck: {len(problems)} problem(s) in rules", err=True)
        sys.exit(2)
    assert rules is not None
    for section, path in sorted(rules.files.items()):
        click.echo(escape.guard(escape.visible(f"ok  {section:<12} {path}")))

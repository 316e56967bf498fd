"""Settings from a configuration file, discovered the way ruff discovers its own.

Starting in the working directory and walking up, the first ``kcheck.toml`` (settings at its
top level) or ``pyproject.toml`` holding a ``[tool.kcheck]`` table is the configuration;
``--config FILE`` names one instead. Every option of `kcheck report` has a key of the same
name (``fail-on = "warning"``); a value given on the command line wins over the file, the
file over the default. Paths in a file are relative to the file's directory; paths on the
command line are relative to the working directory.

``resolve`` returns a :class:`Config`: each setting's value and where it came from, which
`kcheck config` prints.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kcheck.cache import default_dir as default_cache_dir
from kcheck.errors import LoadError, UsageError
from kcheck.escape import display_path
from kcheck.load import STDIN
from kcheck.load.select import DEFAULT_INCLUDE, Selection, repository_root
from kcheck.readfile import read_bytes
from kcheck.settings import RULE_SECTIONS, Settings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads TOML with the backport
    import tomli as tomllib

log = logging.getLogger("kcheck")

CONFIG_NAMES = ("kcheck.toml", "pyproject.toml")

# a configuration is a few hundred bytes; a larger file is a mistake (or an attack on the parser)
MAX_CONFIG_BYTES = 1024 * 1024

# keys whose values are paths, resolved against the directory of the file that sets them
PATH_KEYS = frozenset({"rules", "root", "output", "baseline", "write_baseline", "cache_dir"})

DEFAULTS: dict[str, Any] = {
    "paths": ["corpus"],
    "rules": None,
    "include": None,
    "exclude": [],
    "respect_gitignore": True,
    "root": None,
    "format": "text",
    "output": None,
    "fail_on": "error",
    "min_severity": "info",
    "baseline": None,
    "write_baseline": None,
    "update_baseline": False,
    "changed_since": None,
    "corroborated": True,
    "color": "auto",
    "verbose": 0,
    "quiet": False,
    "jobs": None,
    "cache_dir": None,
    "cache": True,
    "engine": "local",
    "scheduler": None,
}


def key_name(name: str) -> str:
    """The name a key has in the file: ``fail_on`` -> ``fail-on``."""
    return name.replace("_", "-")


@dataclass(frozen=True)
class ConfigFile:
    path: Path
    table: str | None  # "tool.kcheck" for pyproject.toml, None for kcheck.toml

    @property
    def where(self) -> str:
        return f"{self.path} [{self.table}]" if self.table else str(self.path)


@dataclass(frozen=True)
class Config:
    """Every setting in effect, and where each came from (``default``, ``command line``, a file)."""

    values: dict[str, Any]
    sources: dict[str, str]
    file: ConfigFile | None = None
    # the project directory: the configuration file's, else the working directory; an implicit
    # ./rules and include/exclude globs are relative to it
    project: Path = field(default_factory=Path)

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


def discover(start: Path) -> ConfigFile | None:
    """The nearest configuration at or above ``start``: kcheck.toml first in each directory."""
    here = start.resolve()
    for directory in (here, *here.parents):
        found = config_in(directory)
        if found is not None:
            return found
    return None


def config_in(directory: Path) -> ConfigFile | None:
    own = directory / "kcheck.toml"
    if own.is_file():
        return ConfigFile(own, None)
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            # a broken pyproject.toml without kcheck settings is someone else's problem;
            # one that names [tool.kcheck] is read (and its error reported) by read()
            return ConfigFile(pyproject, "tool.kcheck") if _mentions_table(pyproject) else None
        if isinstance(data.get("tool"), dict) and "kcheck" in data["tool"]:
            return ConfigFile(pyproject, "tool.kcheck")
    return None


def _mentions_table(path: Path) -> bool:
    try:
        return "[tool.kcheck]" in path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def named(path: Path) -> ConfigFile:
    """The configuration ``--config FILE`` names: a pyproject.toml is read at [tool.kcheck]."""
    if not path.is_file():
        raise UsageError(f"{path}: configuration file not found")
    return ConfigFile(path, "tool.kcheck" if path.name == "pyproject.toml" else None)


def _line_of(text: str, key: str) -> int | None:
    match = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def read(config: ConfigFile) -> dict[str, Any]:
    """The settings the file sets (by field name), validated; a mistake raises UsageError
    naming the file, the line where it can be found, and the key."""
    shown = display_path(config.path)
    try:
        # like every input: a regular file only (a FIFO never blocks), of bounded size
        text = read_bytes(config.path, shown, limit=MAX_CONFIG_BYTES).decode("utf-8-sig")
    except LoadError as exc:
        raise UsageError(f"{shown}: cannot read configuration: {exc.reason}") from None
    except UnicodeDecodeError as exc:
        raise UsageError(f"{shown}: cannot read configuration: not UTF-8 text (byte {exc.start})") from None
    try:
        data: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{config.path}: invalid TOML: {exc}") from None
    if config.table:
        for part in config.table.split("."):
            data = data.get(part, {}) if isinstance(data, dict) else {}
    if not isinstance(data, dict):
        raise UsageError(f"{config.where}: expected a table of settings")
    # the keys' model is imported only here: a run without a configuration file (and the
    # replay of a kept run, kcheck.rerun) starts without pydantic
    from pydantic import ValidationError

    from kcheck.filesettings import FileSettings

    try:
        settings = FileSettings.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        key = str(err["loc"][0]) if err["loc"] else ""
        line = _line_of(text, key) if key else None
        where = f"{config.path}:{line}" if line else str(config.path)
        table = f" in [{config.table}]" if config.table else ""
        if err["type"] == "extra_forbidden":
            known = ", ".join(key_name(k) for k in DEFAULTS)
            raise UsageError(f"{where}: unknown key {key!r}{table} (known: {known})") from None
        raise UsageError(f"{where}: {key}{table}: {err['msg']}") from None
    found = settings.model_dump(exclude_none=True)
    base = config.path.parent
    for name in PATH_KEYS & found.keys():
        found[name] = _relative_to_cwd(base / found[name])
    if "paths" in found:
        found["paths"] = [_relative_to_cwd(base / p) for p in found["paths"]]
    return found


def _relative_to_cwd(path: Path) -> str:
    """A path from the file, as the working directory sees it (``../posts`` from a subfolder),
    so that every location kcheck prints can be opened from where it runs."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def resolve(
    given: Mapping[str, Any],
    *,
    config_path: Path | None = None,
    cwd: Path | None = None,
) -> Config:
    """Settings in effect: ``given`` (command-line values; None = not given) over the
    configuration file (``config_path`` or the one discovered from ``cwd``) over defaults."""
    cwd = cwd or Path.cwd()
    file = named(config_path) if config_path is not None else discover(cwd)
    from_file = read(file) if file is not None else {}
    values: dict[str, Any] = {}
    sources: dict[str, str] = {}
    for name, default in DEFAULTS.items():
        cli_value = given.get(name)
        if cli_value is not None and cli_value != () and cli_value != []:
            values[name], sources[name] = cli_value, "command line"
        elif name in from_file:
            values[name], sources[name] = from_file[name], file.where if file else "default"
        else:
            values[name], sources[name] = default, "default"
    project = file.path.parent if file is not None else cwd
    return Config(values=values, sources=sources, file=file, project=project)


def show(config: Config) -> str:
    """The settings in effect as TOML a kcheck.toml could hold, each with where it came from.
    Settings left to a default that depends on the directory (the rules, the root) show
    what the default chose."""
    import json

    effective = dict(config.values)
    sources = dict(config.sources)
    if effective["rules"] is None:
        implicit = rules_dir(config)
        if implicit is not None:
            effective["rules"], sources["rules"] = str(implicit), "default: ./rules holds kcheck rules files"
        else:
            sources["rules"] = "default: the built-in rules"
    if effective["include"] is None:
        effective["include"] = list(DEFAULT_INCLUDE)
    if effective["root"] is None:
        effective["root"] = str(report_root(config))
        sources["root"] = "default: the git work tree, else the configuration's directory"
    if effective["jobs"] is None:
        sources["jobs"] = "default: the machine's cores"
    if effective["cache_dir"] is None:
        env = os.environ.get("KCHECK_CACHE_DIR")
        effective["cache_dir"] = env or str(default_cache_dir())
        sources["cache_dir"] = "default: $KCHECK_CACHE_DIR" if env else "default: the user cache directory"
    lines = [f"# configuration: {config.file.where if config.file else 'none found (defaults)'}"]
    for name, value in effective.items():
        if value is None:
            lines.append(f"# {key_name(name)} = (not set)  # {sources[name]}")
        else:
            lines.append(f"{key_name(name)} = {json.dumps(value, ensure_ascii=False)}  # {sources[name]}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- what the settings mean


def rules_dir(config: Config) -> Path | None:
    """The rules directory: ``rules`` when set; else ``rules/`` of the project directory when
    it holds only kcheck's own rules files (a Vale ``rules/Avoid.yml`` is someone else's);
    else None, the built-in rules."""
    if config["rules"] is not None:
        return Path(config["rules"])
    implicit = config.project / "rules"
    if not implicit.is_dir():
        return None
    files = sorted(p.name for p in implicit.glob("*.y*ml"))
    foreign = [name for name in files if Path(name).stem not in RULE_SECTIONS]
    if not files or foreign:
        log.info(
            '%s: not kcheck rules (%s); using the built-in rules (set rules = "rules" to use it)',
            _relative_to_cwd(implicit),
            ", ".join(foreign[:3]) or "no rules files",
        )
        return None
    return Path(_relative_to_cwd(implicit))


def corpus_settings(config: Config) -> Settings:
    """What to read: the paths (each must exist; ``-`` is standard input) and how to pick
    the files of a directory."""
    paths = tuple(str(p) for p in config["paths"])
    for path in paths:
        if path != STDIN and not Path(path).exists():
            hint = " (give the articles' PATH)" if config.sources["paths"] == "default" else ""
            raise UsageError(f"{path}: no such file or directory{hint}")
    if paths.count(STDIN) and len(paths) > 1:
        raise UsageError("- (standard input) must be the only PATH")
    include = config["include"]
    selection = Selection(
        include=tuple(include) if include else DEFAULT_INCLUDE,
        exclude=tuple(config["exclude"]),
        respect_gitignore=bool(config["respect_gitignore"]),
        project=str(config.project),
    )
    if config["scheduler"] is not None and config["engine"] != "dask":
        raise UsageError("--scheduler needs --engine dask")
    cache_dir = None
    if config["cache"]:
        named_dir = config["cache_dir"] or os.environ.get("KCHECK_CACHE_DIR")
        cache_dir = Path(named_dir) if named_dir else default_cache_dir()
    return Settings(
        paths=paths,
        selection=selection,
        root=str(report_root(config)),
        jobs=config["jobs"],
        cache_dir=cache_dir,
        engine=config["engine"],
        scheduler=config["scheduler"],
    )


def report_root(config: Config) -> Path:
    """The directory report paths are relative to: ``root``, else the git work tree around
    the working directory, else the project directory."""
    if config["root"] is not None:
        root = Path(config["root"])
        if not root.is_dir():
            raise UsageError(f"{root}: --root is not a directory")
        return root.resolve()
    return repository_root(Path.cwd()) or config.project.resolve()

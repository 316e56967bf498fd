"""The keys a configuration file (kcheck.toml, [tool.kcheck]) may set, as a pydantic model.

Apart from kcheck.config, which imports it when it reads a file: a run without one needs
no model.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]


class FileSettings(BaseModel):
    """The keys a configuration file may set; each is the long name of a command-line option."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    paths: list[str] | None = Field(default=None, description="what to check (PATH...), default corpus")
    rules: str | None = Field(default=None, description="rules directory (--rules)")
    include: list[str] | None = Field(default=None, description="gitignore-style globs of files to read")
    exclude: list[str] | None = Field(default=None, description="gitignore-style globs of files to skip")
    respect_gitignore: bool | None = Field(
        default=None, alias="respect-gitignore", description="skip what .gitignore ignores (--no-ignore)"
    )
    root: str | None = Field(default=None, description="the directory report paths are relative to (--root)")
    format: str | None = Field(default=None, description="report format (--format)")
    output: str | None = Field(default=None, description="write the report to this file (--output)")
    fail_on: Literal["error", "warning", "info", "never"] | None = Field(default=None, alias="fail-on")
    min_severity: Severity | None = Field(default=None, alias="min-severity")
    baseline: str | None = None
    write_baseline: str | None = Field(default=None, alias="write-baseline")
    update_baseline: bool | None = Field(default=None, alias="update-baseline")
    changed_since: str | None = Field(default=None, alias="changed-since")
    corroborated: bool | None = Field(
        default=None, description="list corroborated topics (--no-corroborated)"
    )
    color: Literal["auto", "always", "never"] | None = None
    verbose: int | None = Field(default=None, ge=0)
    quiet: bool | None = None
    jobs: int | None = Field(default=None, ge=1, description="worker processes for load + extract (--jobs)")
    cache_dir: str | None = Field(default=None, alias="cache-dir", description="the cache's directory")
    cache: bool | None = Field(default=None, description="use the incremental cache (--no-cache)")
    engine: Literal["local", "dask"] | None = None
    scheduler: str | None = Field(default=None, description="a Dask scheduler's address (--scheduler)")

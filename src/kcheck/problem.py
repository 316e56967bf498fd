"""What listing the inputs needs of the data model: a file problem (and standard input's
names, kcheck.readfile's).

Kept apart from kcheck.models so that a listing that meets a problem does not build every
model; a listing that meets none (and a replayed run, see kcheck.rerun) builds no model at
all. kcheck.models re-exports all of it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from kcheck.readfile import STDIN as STDIN
from kcheck.readfile import STDIN_NAME as STDIN_NAME

FROZEN = ConfigDict(frozen=True, extra="forbid")


class FileProblem(BaseModel):
    """A file that could not be read; the others are still checked."""

    model_config = FROZEN

    path: str
    error: str

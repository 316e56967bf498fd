"""What listing the inputs needs of the data model: standard input's names and a file problem.

Kept apart from kcheck.models so that listing the files (and replaying a kept run, see
kcheck.rerun) does not build every model; kcheck.models re-exports all of it.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

FROZEN = ConfigDict(frozen=True, extra="forbid")

# the PATH that means "one article on standard input", and how that article is named
STDIN = "-"
STDIN_NAME = "stdin"


class FileProblem(BaseModel):
    """A file that could not be read; the others are still checked."""

    model_config = FROZEN

    path: str
    error: str

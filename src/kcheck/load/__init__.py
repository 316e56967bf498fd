"""Load article files into Documents. (Placeholder until the loader lands: issue 2.)"""

from __future__ import annotations

from collections.abc import Sequence

from kcheck.models import Document, FileProblem
from kcheck.rules import RuleSet


def load_paths(paths: Sequence[str], rules: RuleSet) -> tuple[list[Document], list[FileProblem]]:
    raise NotImplementedError

"""Is a figure an actual, a target or a forecast; does it revise an earlier one.

The nearest target / forecast / revision cue before the figure in its clause; a figure
in a clause with no metric and no time of its own continues the kind of the previous
figure (``目标——打造10个...，100个...``), and so does a second figure of the same clause.
A revision (``后又上调至2500亿元``) is a target; the earlier figure of the same measure in
the sentence gets ``superseded``.
"""

from __future__ import annotations

from kcheck.extract.claims.draft import Draft
from kcheck.extract.claims.sentence import KIND_CUES, Figure, Parsed, last_hit
from kcheck.extract.lexicon import Cue
from kcheck.models import ClaimKind


def kind_of(
    s: Parsed, f: Figure, prev: Draft | None, parallel: bool, own_words: bool
) -> tuple[ClaimKind, str | None]:
    """(kind, the revision cue as written when the figure revises an earlier one)."""
    cs, clause_hits, clause_times = f.cs, f.hits, f.times
    cue = last_hit(clause_hits, KIND_CUES)
    if cue is not None and (cue.mask & Cue.REVISION):
        kind = prev.kind if prev is not None and prev.kind is not ClaimKind.ACTUAL else ClaimKind.TARGET
        return kind, s.text[cue.start : cue.end]
    if cue is not None:
        return (ClaimKind.TARGET if (cue.mask & Cue.TARGET) else ClaimKind.FORECAST), None
    if prev is not None and (parallel or (not own_words and not clause_times) or prev.start >= cs):
        # an enumeration (目标——打造10个...，100个...) or a second figure of the clause
        return prev.kind, None
    return ClaimKind.ACTUAL, None


def mark_superseded(prev: Draft | None, draft: Draft) -> None:
    """A revision of the same kind supersedes the figure before it (目标是2000亿元，后又上调至2500亿元)."""
    if draft.revision is not None and prev is not None and prev.kind is draft.kind:
        prev.superseded = True

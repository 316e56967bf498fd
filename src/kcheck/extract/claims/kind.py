"""Is a figure an actual, a target or a forecast; does it revise an earlier one.

A target noun right after the figure and 的 (``年初设定的3%左右的调控目标``, ``kinds.target_nouns``:
``有望完成3300万标准箱的目标`` too, whatever cue came before but a revision's), else the nearest
target / forecast / revision cue before the figure in its clause; a figure
in a clause with no metric and no time of its own continues the kind of the previous
figure (``目标——打造10个...，100个...``), and so does a second figure of the same clause.
A clause writing what has been done (``kinds.achieved``: 已完成) is an actual whatever came before.
A revision (``后又上调至2500亿元``) is a target, unless a correction word comes before it
(``经核对调整为3.12万辆``, ``kinds.corrected``: a published actual corrected, an actual); the earlier figure of the same measure in
the sentence gets ``superseded``. Every target and forecast also records where the last
revision cue before it stands in the sentence (``revision_at``), wherever its own kind came
from: grouping, not this stage, knows which earlier figures share its topic, and the checks
retire those that end before the cue (``由2000亿元下调至1800亿元``).
"""

from __future__ import annotations

from kcheck.extract.claims.draft import Draft
from kcheck.extract.claims.sentence import KIND_CUES, Figure, Parsed, last_hit
from kcheck.extract.claims.words import Words
from kcheck.extract.lexicon import Cue
from kcheck.models import ClaimKind


def kind_of(
    s: Parsed, f: Figure, prev: Draft | None, parallel: bool, own_words: bool, w: Words | None = None
) -> tuple[ClaimKind, str | None]:
    """(kind, the revision cue as written when the figure revises an earlier one)."""
    cs, clause_hits, clause_times = f.cs, f.hits, f.times
    cue = last_hit(clause_hits, KIND_CUES)
    if (
        (cue is None or not (cue.mask & Cue.REVISION))
        and w is not None
        and w.target_after is not None
        and w.target_after.match(s.folded, f.q.end) is not None
    ):
        # 年初设定的3%左右的调控目标: the target's value, whatever is said of reaching it
        # (全年有望完成3300万标准箱的目标: 有望 forecasts the reaching, 3300万 is the target)
        return ClaimKind.TARGET, None
    if cue is not None and (cue.mask & Cue.REVISION):
        if w is not None and w.corrected_re is not None and w.corrected_re.search(s.folded, cs, cue.start):
            # 此前公布的9月交付量经核对调整为3.12万辆: a published actual corrected, still an actual
            return ClaimKind.ACTUAL, s.text[cue.start : cue.end]
        kind = prev.kind if prev is not None and prev.kind is not ClaimKind.ACTUAL else ClaimKind.TARGET
        return kind, s.text[cue.start : cue.end]
    if cue is not None:
        return (ClaimKind.TARGET if (cue.mask & Cue.TARGET) else ClaimKind.FORECAST), None
    if w is not None and w.achieved_re is not None and w.achieved_re.search(s.folded, cs, f.q.start):
        return ClaimKind.ACTUAL, None  # 全年目标为240亿票，1-10月已完成196.52亿票: done, not the target
    if prev is not None and (parallel or (not own_words and not clause_times) or prev.start >= cs):
        # an enumeration (目标——打造10个...，100个...) or a second figure of the clause
        return prev.kind, None
    return ClaimKind.ACTUAL, None


def mark_superseded(prev: Draft | None, draft: Draft) -> None:
    """A revision of the same kind supersedes the figure before it (目标是2000亿元，后又上调至2500亿元)."""
    if draft.revision is not None and prev is not None and prev.kind is draft.kind:
        prev.superseded = True


def revision_cue_before(w: Words, folded: str, pos: int) -> int | None:
    """Where the last revision cue that ends by ``pos`` starts (``调至`` inside ``上调至``
    counts as its own, later cue), or None."""
    at = max((folded.rfind(cue, 0, pos) for cue in w.revision), default=-1)
    return at if at >= 0 else None


def mark_revision_cues(w: Words, s: Parsed, drafts: list[Draft]) -> None:
    """Give every target and forecast of the sentence the place of its last revision cue."""
    for draft in drafts:
        if draft.kind is not ClaimKind.ACTUAL:
            draft.revision_at = revision_cue_before(w, s.folded, draft.start)

"""What each kind of finding means, for SARIF rule metadata and `kcheck explain`.

A check type the table does not know (a check added later) still gets a rule, named
after its type, so no finding is ever dropped for lack of documentation.
"""

from __future__ import annotations

from dataclasses import dataclass

from kcheck.models import CheckType


@dataclass(frozen=True)
class CheckHelp:
    type: str
    name: str
    short: str
    help: str


KNOWN: dict[str, CheckHelp] = {
    h.type: h
    for h in (
        CheckHelp(
            type=CheckType.VALUE_MISMATCH.value,
            name="ValueMismatch",
            short="Sources state different values for the same figure.",
            help=(
                "Two or more claims about the same entity, measure, period and kind (actual, "
                "target, forecast) commit to intervals that do not overlap, after units, "
                "magnitudes and qualifiers (超过, 约, 近) are normalised and rounding is allowed "
                "for. Check the sources and correct the wrong figure."
            ),
        ),
        CheckHelp(
            type=CheckType.DATE_MISMATCH.value,
            name="DateMismatch",
            short="Sources give different dates for the same event.",
            help=(
                "Two or more claims date the same event (resolved against each article's "
                "publication date) to days that do not overlap. Check which date is right."
            ),
        ),
        CheckHelp(
            type=CheckType.REUSED_FIGURE.value,
            name="ReusedFigure",
            short="The same figure is attached to different measures or periods.",
            help=(
                "An identical figure appears for different measures, entities or periods, which "
                "often means it was copied to the wrong place. Confirm each use."
            ),
        ),
        CheckHelp(
            type=CheckType.HEADLINE_MISMATCH.value,
            name="HeadlineMismatch",
            short="An article's title gives a figure its own body contradicts.",
            help=(
                "A figure read from the title (same entity, measure, period, kind and unit as "
                "figures of the article's body) agrees with none of them, after rounding and "
                "qualifiers (超, 近, 约) are allowed for. Correct the headline or the body. "
                "Never above a warning."
            ),
        ),
        CheckHelp(
            type=CheckType.SELF_CONTRADICTION.value,
            name="SelfContradiction",
            short="One article gives two values for one figure; the other sources agree with one.",
            help=(
                "An article states one figure (the same named entity, measure as written and "
                "period of its own) with two values that do not overlap, and the other sources "
                "that state it agree with exactly one of them. Nothing in either sentence makes one "
                "a restatement (初步核算 / 最终核实, 调整为, 更正) or another coverage (按可比口径, "
                "剔除), and neither is rounded or bounded (约, 超过, 近). At most a warning: check "
                "which of the article's two places is wrong."
            ),
        ),
        CheckHelp(
            type=CheckType.GROWTH_MISMATCH.value,
            name="GrowthMismatch",
            short="A stated growth rate does not follow from the stated figures.",
            help=(
                "A change (同比, 环比) stated in the text disagrees with the change computed from "
                "the figures the corpus gives for the two periods, beyond the tolerance in "
                "rules/checks.yaml (growth_tolerance_pp)."
            ),
        ),
    )
}


def check_help(check_type: str) -> CheckHelp:
    known = KNOWN.get(check_type)
    if known is not None:
        return known
    words = check_type.replace("_", " ").strip() or "finding"
    return CheckHelp(
        type=check_type,
        name="".join(w.capitalize() for w in words.split()),
        short=f"{words[0].upper()}{words[1:]}.",
        help=f"kcheck reported a {words} between claims that were grouped under one topic.",
    )

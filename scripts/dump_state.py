"""Dump everything kcheck produces for the bundled corpora, so a restructuring can prove it
changed nothing.

    python scripts/dump_state.py > /tmp/dump-after.txt
    diff /tmp/dump-before.txt /tmp/dump-after.txt     # empty: same claims, topics, reports

A change that only adds claim fields shows it with ``scripts/drop_claim_fields.py``, which
takes the new fields out of the later dump before the diff.

For ``corpus/``, ``../shared/realnews/corpus/`` (skipped when absent) and every golden case
in ``tests/cases/``, it writes every claim with all its fields, every topic, every finding,
the report in each output format, the ``kcheck claims`` listing in each format and the
``kcheck explain`` text of every finding and topic. Everything is in pipeline order (itself
deterministic) with sorted JSON keys, so two runs of the same code give the same bytes.
Run it from the repository root.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

import kcheck
from kcheck.models import Report
from kcheck.report import FORMATS, render
from kcheck.report.claims import FORMATS as CLAIM_FORMATS
from kcheck.report.claims import render as render_claims

try:  # where `kcheck explain` renders from (kcheck.explain before the restructuring)
    from kcheck.report.explain import explain
except ImportError:  # pragma: no cover - the layout before issue 8
    from kcheck.explain import explain  # type: ignore[no-redef]

ROOT = Path(__file__).resolve().parent.parent


def targets() -> Iterator[tuple[str, Path, list[str], Path | None]]:
    """(name, directory to run in, paths, rules directory) for every corpus to dump."""
    yield "corpus", ROOT, ["corpus"], None
    realnews = ROOT.parent / "shared" / "realnews"
    if (realnews / "corpus").is_dir():
        yield "realnews", realnews, ["corpus"], None
    cases = ROOT / "tests" / "cases"
    for case in sorted(p for p in cases.iterdir() if (p / "case.yaml").is_file()):
        config = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8")) or {}
        rules = case / "rules" if (case / "rules").is_dir() else None
        where = (case / config.get("cwd", ".")).resolve()
        yield f"case {case.name}", where, list(config.get("paths", ["articles"])), rules


def line(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


def dump(report: Report) -> Iterator[str]:
    for claim in report.claims:
        yield "claim " + line(claim.model_dump(mode="json"))
    for topic in report.topics:
        yield "topic " + line(topic.model_dump(mode="json"))
    for conflict in report.conflicts:
        yield "finding " + line(conflict.model_dump(mode="json"))
    yield "summary " + line(report.summary.model_dump(mode="json"))
    for fmt in FORMATS:
        yield f"--- report --format {fmt}"
        yield render(report, fmt)
    for fmt in CLAIM_FORMATS:
        yield f"--- claims --format {fmt}"
        yield render_claims(report.claims, fmt)
    for ident in [c.id for c in report.conflicts] + [t.id for t in report.topics]:
        yield f"--- explain {ident}"
        yield explain(report, ident)


def main() -> int:
    out = sys.stdout
    for name, where, paths, rules in targets():
        previous = Path.cwd()
        os.chdir(where)
        try:
            report = kcheck.check(paths, rules=rules)
        finally:
            os.chdir(previous)
        out.write(f"=== {name}\n")
        for chunk in dump(report):
            out.write(chunk.rstrip("\n") + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

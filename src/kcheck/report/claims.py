"""`kcheck claims` listings: every extracted claim as a terminal table, JSON Lines or CSV.

JSON Lines and CSV carry every Claim field (the contract's and the extras); the table
shows what fits a terminal and ids long enough to pass to `kcheck explain`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Sequence
from enum import Enum
from typing import Any

from pydantic import BaseModel

from kcheck import escape
from kcheck.models import Claim, Span
from kcheck.report import describe
from kcheck.report import json as report_json

QUOTE_COLUMNS = 24


def jsonl(claims: Sequence[Claim]) -> str:
    """One JSON object per line, the contract's Claim fields first."""
    return "".join(jsonl_chunks(claims))


def jsonl_chunks(claims: Sequence[Claim]) -> Iterator[str]:
    """``jsonl``'s text in chunks of whole lines (report.json.batched)."""
    return report_json.batched(
        json.dumps(c.model_dump(mode="json"), ensure_ascii=False) + "\n" for c in claims
    )


def csv_columns() -> list[str]:
    """CSV header: Claim fields in model order, spans split into ``_start`` and ``_end``."""
    out = []
    for name, field in Claim.model_fields.items():
        if _is_span(field.annotation):
            out += [f"{name}_start", f"{name}_end"]
        else:
            out.append(name)
    return out


def csv_text(claims: Sequence[Claim]) -> str:
    return "".join(csv_chunks(claims))


def csv_chunks(claims: Sequence[Claim]) -> Iterator[str]:
    """``csv_text`` in chunks of whole rows, each guarded (escape.guard works line by line,
    and a chunk ends with a row's line break)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(csv_columns())
    for claim in claims:
        row: list[str] = []
        for name, field in Claim.model_fields.items():
            value = getattr(claim, name)
            if _is_span(field.annotation):
                row += [value.start.isoformat(), value.end.isoformat()] if value is not None else ["", ""]
            else:
                row.append(_cell(value))
        writer.writerow(row)
        if buf.tell() >= report_json.BATCH:
            yield escape.guard(buf.getvalue())
            buf.seek(0)
            buf.truncate()
    yield escape.guard(buf.getvalue())


# columns a narrow terminal loses first (the rest: id, source, as written, value)
DROP_ORDER = ("interval", "kind", "measure", "entity", "time")


def table(claims: Sequence[Claim], width: int | None = None) -> str:
    """Aligned columns for a terminal; CJK characters count two columns. Given the
    terminal's ``width``, the columns that do not fit are left out (`jsonl` has them all)."""
    if not claims:
        return "No claims.\n"
    n = id_length([c.id for c in claims])
    header = ["id", "source", "as written", "value", "interval", "time", "entity", "measure", "kind"]
    rows = [
        [
            c.id[:n],
            describe.location(c),
            describe.truncate(describe.one_line(c.quote), QUOTE_COLUMNS),
            describe.value(c),
            describe.interval(c) or "",
            describe.when(c) or "",
            describe.one_line(c.entity or ""),
            " ".join(x for x in (c.metric or c.event, c.change, c.scope) if x),
            c.kind.value,
        ]
        for c in claims
    ]
    widths = [max(describe.width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    if width is not None:
        keep = list(range(len(header)))
        for name in DROP_ORDER:
            if sum(widths[i] + 2 for i in keep) - 2 <= width:
                break
            keep.remove(header.index(name))
        header = [header[i] for i in keep]
        rows = [[r[i] for i in keep] for r in rows]
        widths = [widths[i] for i in keep]
    lines = [
        "  ".join(describe.pad(cell, widths[i]) for i, cell in enumerate(r)).rstrip() for r in [header, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append(describe.plural(len(claims), "claim"))
    return escape.guard("\n".join(lines) + "\n")


def id_length(ids: Sequence[str], minimum: int = 8) -> int:
    """Shortest prefix length (at least ``minimum``) that keeps every distinct id distinct."""
    distinct = set(ids)
    longest = max((len(i) for i in distinct), default=0)
    for n in range(minimum, longest + 1):
        if len({i[:n] for i in distinct}) == len(distinct):
            return n
    return max(longest, minimum)


FORMATS: dict[str, Callable[[Sequence[Claim]], str]] = {"table": table, "jsonl": jsonl, "csv": csv_text}


def stream(claims: Sequence[Claim], fmt: str, width: int | None = None) -> Iterator[str]:
    """``render``'s text in chunks: JSON Lines and CSV a few hundred claims at a time."""
    if fmt == "jsonl":
        return jsonl_chunks(claims)
    if fmt == "csv":
        return csv_chunks(claims)
    return iter((render(claims, fmt, width),))


def render(claims: Sequence[Claim], fmt: str, width: int | None = None) -> str:
    """``claims`` in ``fmt``; ``width`` (a terminal's columns) narrows the table only."""
    if fmt == "table":
        return table(claims, width)
    return FORMATS[fmt](claims)


def _is_span(annotation: Any) -> bool:
    return annotation is Span or Span in getattr(annotation, "__args__", ())


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, BaseModel):
        value = value.model_dump(mode="json")
    if isinstance(value, (dict, list)):
        return escape.csv_cell(json.dumps(value, ensure_ascii=False))
    return escape.csv_cell(str(value))

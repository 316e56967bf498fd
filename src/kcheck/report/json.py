"""The machine report: the Report model as JSON, and the JSON Schema that describes it.

Field names follow ../shared/CONTRACT.md; fields are added freely, never renamed.
The committed schemas/report.schema.json is ``schema()``; a test keeps the two equal.

``chunks`` writes the report a piece at a time: the top-level object is laid out without
its lists, then each list item (a claim, a topic, a finding) is serialised on its own and
indented into place, so the whole report never exists as one string (a 100,000-article
archive's is gigabytes). The text is the same as ``model_dump_json(indent=2)`` would give.
"""

from __future__ import annotations

import json as stdlib_json
import re
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from pydantic import BaseModel, TypeAdapter

from kcheck import escape
from kcheck.models import Report

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

BATCH = 1 << 18  # characters per chunk handed to the writer (about 0.5-1 MiB of UTF-8)
ITEMS = 256  # list items serialised together (a claim is about 1.5 KB of JSON)

# a top-level list emptied for the layout: two spaces, the key, ``[]``, a comma unless last
_EMPTY_LIST = re.compile(r'  "(\w+)": \[\](,?)')


def render(report: Report) -> str:
    return "".join(chunks(report))


def chunks(report: Report) -> Iterator[str]:
    """``render``'s text in pieces of about ``BATCH`` characters, escaped (escape.json_text)."""
    return batched(_pieces(report))


def _pieces(report: Report) -> Iterator[str]:
    lists = {name for name, value in report if isinstance(value, list) and value}
    layout = report.model_copy(update={name: [] for name in lists}).model_dump_json(indent=2)
    for line in layout.split("\n"):
        emptied = _EMPTY_LIST.fullmatch(line)
        if emptied is None or emptied[1] not in lists:
            yield line + "\n"
            continue
        yield f'  "{emptied[1]}": [\n'
        items: list[BaseModel] = getattr(report, emptied[1])
        adapter = _list_adapter(type(items[0]))
        for start in range(0, len(items), ITEMS):
            if start:
                yield ",\n"
            # one serialiser call per run of items (a call per item was a quarter of the
            # render): ``[\n  {...},\n  {...}\n]`` without its brackets, moved right
            text = adapter.dump_json(items[start : start + ITEMS], indent=2).decode()
            yield indented(text[2:-2], "  ")
        yield f"\n  ]{emptied[2]}\n"


@cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


def indented(text: str, pad: str) -> str:
    """Every line of ``text`` (JSON: no line break inside a string) moved right by ``pad``."""
    return pad + text.replace("\n", "\n" + pad)


def batched(pieces: Iterable[str], escaped: bool = True) -> Iterator[str]:
    """Pieces of JSON joined into chunks of about ``BATCH`` characters, each escaped
    (``escaped``) as escape.json_text escapes a whole text.

    A chunk ends where a piece ends: a JSON token (a string, a number, a bracket) is never
    cut, so escaping chunk by chunk (``##[`` included) gives the text escaping the whole would.
    """
    buffer: list[str] = []
    size = 0
    for piece in pieces:
        buffer.append(piece)
        size += len(piece)
        if size >= BATCH:
            text = "".join(buffer)
            yield escape.json_text(text) if escaped else text
            buffer, size = [], 0
    if buffer:
        text = "".join(buffer)
        yield escape.json_text(text) if escaped else text


def encoded(data: object) -> Iterator[str]:
    """``json.dumps(data, ensure_ascii=False, indent=2)`` + a line break, as the encoder's pieces
    (the same text: with an indent, ``dumps`` joins these very pieces)."""
    yield from stdlib_json.JSONEncoder(ensure_ascii=False, indent=2).iterencode(data)
    yield "\n"


def schema() -> dict[str, Any]:
    """JSON Schema (2020-12) of ``render``'s output, generated from the model."""
    body = Report.model_json_schema(mode="serialization")
    for node in [body, *body.get("$defs", {}).values()]:
        if "properties" in node:
            # render() never drops a field, so every property is present in every object
            node["required"] = list(node["properties"])
            # fields are added freely (CONTRACT.md): output of a later kcheck must still
            # validate against this schema
            node.pop("additionalProperties", None)
    return {
        "$schema": SCHEMA_DIALECT,
        "title": "kcheck report",
        "description": "Output of `kcheck report --format json`.",
        **{k: v for k, v in body.items() if k not in ("title", "description")},
    }

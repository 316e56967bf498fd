"""The machine report: the Report model as JSON, and the JSON Schema that describes it.

Field names follow ../shared/CONTRACT.md; fields are added freely, never renamed.
The committed schemas/report.schema.json is ``schema()``; a test keeps the two equal.

``chunks`` writes the report a piece at a time: the top-level object is laid out without
its lists, then the list items (claims, topics, findings) are serialised a run at a time at
the depth they sit at, so the whole report never exists as one string (a 100,000-article
archive's is gigabytes). The text is the same as ``model_dump_json(indent=2)`` would give.

``Layout`` reads that text back a piece at a time (`kcheck explain` on a kept report): the
layout makes every top-level list item findable without a JSON parser, since a raw line
break in JSON kcheck writes is always the layout's own (a string's is written ``\\n``).
"""

from __future__ import annotations

import json as stdlib_json
import mmap
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, get_args

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


def chunks(report: Report, escaped: bool = True) -> Iterator[str]:
    """``render``'s text in pieces of about ``BATCH`` characters, escaped (escape.json_text)
    unless ``escaped`` is False (a copy only kcheck reads back: the same JSON values)."""
    return batched(_pieces(report), escaped)


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
        adapter = _nested_list_adapter(type(items[0]))
        for start in range(0, len(items), ITEMS):
            if start:
                yield ",\n"
            # one serialiser call per run of items (a call per item was a quarter of the
            # render), the run wrapped in one more list so that the serialiser indents the
            # items as deep as the report's lists hold them: ``[\n  [\n    {...},\n    {...}\n  ]\n]``
            # without its two opening and two closing lines (moving every line of the text
            # right afterwards was a tenth of the render)
            text = adapter.dump_json((items[start : start + ITEMS],), indent=2).decode()
            yield text[len(_NESTED_OPEN) : -len(_NESTED_CLOSE)]
        yield f"\n  ]{emptied[2]}\n"


@cache
def _list_adapter(model: type[BaseModel]) -> TypeAdapter[list[Any]]:
    return TypeAdapter(list[model])  # type: ignore[valid-type]


# what the serialiser writes around the items of a one-list tuple, at ``indent=2``
_NESTED_OPEN = "[\n  [\n"
_NESTED_CLOSE = "\n  ]\n]"


@cache
def _nested_list_adapter(model: type[BaseModel]) -> TypeAdapter[tuple[list[Any]]]:
    return TypeAdapter(tuple[list[model]])  # type: ignore[valid-type,arg-type]


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


# --------------------------------------------------------------------------- reading back

# where an item of a top-level list starts, and its id when that is its first field (as in
# a claim, a topic and a finding; a nested object's fields are deeper than six spaces)
_ITEM = re.compile(rb'\n    \{\n      (?:"id": "([^"\\]*)")?')


@dataclass(frozen=True)
class Item:
    """One item of a top-level list, where it lies in the text."""

    id: str
    start: int
    end: int


class Layout:
    """The text ``render`` wrote (from byte ``offset`` of ``data``, e.g. a mapped file), read
    a list item at a time: items are found by the layout, and only those asked for are
    parsed (and validated). ValueError when the text does not have the layout."""

    def __init__(self, data: bytes | mmap.mmap, offset: int = 0) -> None:
        self.data = data
        self.offset = offset
        self._lists: dict[str, tuple[int, int]] = {}  # name -> (first item, end of the last)
        skeleton = bytearray()
        at = offset
        if bytes(data[offset : offset + 2]) != b"{\n":
            raise ValueError("not a JSON report")
        while True:
            found = _LIST_OPENS.search(data, at)
            if found is None:
                break
            name = found[1].decode()
            close = data.find(b"\n  ]", found.end())
            if close < 0:
                raise ValueError(f"list {name!r} is not closed")
            skeleton += data[at : found.start()] + b'\n  "' + found[1] + b'": []'
            self._lists[name] = (found.end() - 1, close)  # from the line break before the first item
            at = close + len(b"\n  ]")
        skeleton += data[at:]
        self._top = Report.model_validate_json(bytes(skeleton))  # every list empty
        self._items: dict[str, list[Item]] = {}

    def report(self, chosen: dict[str, Sequence[Item]]) -> Report:
        """The Report with, in each list named in ``chosen``, only those items (in the order
        given), every other list empty."""
        parsed = {}
        for name, items in chosen.items():
            if items:
                (model,) = get_args(Report.model_fields[name].annotation)
                parsed[name] = _list_adapter(model).validate_json(
                    b"[" + b",".join(bytes(self.data[i.start : i.end]) for i in items) + b"]"
                )
        return self._top.model_copy(update=parsed)

    def everything(self) -> Report:
        """The whole Report."""
        return self.report({name: self.items(name) for name in self._lists})

    def items(self, name: str) -> list[Item]:
        """Every item of the top-level list ``name``, with its ``id`` ("" for a model without one)."""
        if name in self._items:
            return self._items[name]
        if name not in self._lists:
            if name not in Report.model_fields:
                raise ValueError(f"no list {name!r} in a report")
            return []  # written empty: ``"name": []``
        start, end = self._lists[name]
        items: list[Item] = []
        begun, ident = -1, ""
        for match in _ITEM.finditer(self.data, start, end):
            if begun >= 0:
                items.append(Item(ident, begun, _item_end(self.data, begun, match.start())))
            begun, ident = match.start() + 1, (match[1] or b"").decode()
        if begun >= 0:
            items.append(Item(ident, begun, end))
        self._items[name] = items
        return items

    def containing(self, name: str, needle: bytes) -> list[Item]:
        """The items of list ``name`` whose text contains ``needle`` (in list order, once each)."""
        items = self.items(name)
        if not items:
            return []
        starts = [i.start for i in items]
        start, end = items[0].start, items[-1].end
        found: list[Item] = []
        at = self.data.find(needle, start, end)
        while at >= 0:
            item = items[bisect_right(starts, at) - 1]
            if not found or found[-1] is not item:
                found.append(item)
            at = self.data.find(needle, item.end, end)
        return found


# a top-level list with items: its key line (an empty one is written ``"name": []``)
_LIST_OPENS = re.compile(rb'\n  "(\w+)": \[\n')


def _item_end(data: bytes | mmap.mmap, start: int, next_start: int) -> int:
    """Where the item from ``start`` ends: before the ``,`` that separates it from the next."""
    end = next_start
    while end > start and data[end - 1 : end] in (b",", b"\n", b" "):
        end -= 1
    return end

"""``sources.yaml``: what an editor knows about the articles in a corpus directory.

The most trusted source of a publication date, title and source. One entry per file,
keyed by its path relative to the manifest's directory::

    # sources.yaml
    000_61c9e254a7eeece8.txt:
      published: 2022-05-23
      source: 鸟哥笔记
      title: 抖音快手相继断外链，是走窄了还是走对了？
      url: https://www.niaogebiji.com/article-xxx-1.html

Every mistake is reported with the manifest's line (``line 3: unknown key 'publishd'``);
the entries that validate are still used.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from kcheck.errors import LoadError
from kcheck.load.formats import yaml_compose, yaml_load
from kcheck.readfile import read_bytes

MAX_MANIFEST_BYTES = 8 * 1024 * 1024  # ~100 bytes an entry: 80,000 articles


class ManifestEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    published: dt.date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None


def _describe(err: Any) -> str:
    loc = err["loc"]
    where = loc[-1] if loc else ""
    if err["type"] == "extra_forbidden":
        return f"unknown key {where!r}"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{where}: {msg}" if where else msg


def _key_line(node: yaml.Node, key: str) -> int:
    if isinstance(node, yaml.MappingNode):
        for k, _ in node.value:
            if str(k.value) == key:
                return int(k.start_mark.line) + 1
    return int(node.start_mark.line) + 1


def read_manifest(path: Path) -> tuple[dict[str, ManifestEntry], list[str]]:
    """Entries by relative path, and problems as ``line N: message``."""
    try:
        text = read_bytes(path, str(path), limit=MAX_MANIFEST_BYTES).decode("utf-8-sig")
    except LoadError as exc:
        if exc.reason != "empty file":
            return {}, [exc.reason]
        text = ""
    except UnicodeDecodeError as exc:
        return {}, [f"cannot read: not UTF-8 text (byte {exc.start})"]
    try:
        root = yaml_compose(text)
        data = yaml_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        return {}, [f"{where}invalid YAML: {getattr(exc, 'problem', None) or exc}"]
    if data is None or root is None:
        return {}, []
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        return {}, ["line 1: expected a mapping of file name -> {published, source, title, url}"]
    entries: dict[str, ManifestEntry] = {}
    problems: list[str] = []
    nodes = {str(k.value): (k, v) for k, v in root.value}
    for name, value in data.items():
        key_node, value_node = nodes.get(str(name), (root, root))
        line = int(key_node.start_mark.line) + 1
        rel = str(name).replace("\\", "/").removeprefix("./")
        if not rel or rel.startswith("/") or ".." in Path(rel).parts:
            problems.append(f"line {line}: {name!r} is not a path inside the manifest's directory")
            continue
        if not (path.parent / rel).is_file():
            problems.append(f"line {line}: no such file {rel!r} next to the manifest")
            continue
        if not isinstance(value, dict):
            problems.append(f"line {line}: {rel!r}: expected keys published, source, title, url")
            continue
        try:
            entries[rel] = ManifestEntry.model_validate(value)
        except ValidationError as exc:
            for err in exc.errors():
                field = str(err["loc"][0]) if err["loc"] else ""
                problems.append(f"line {_key_line(value_node, field)}: {rel!r}: {_describe(err)}")
    return entries, problems

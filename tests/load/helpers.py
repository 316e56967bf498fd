"""Shared helpers for the loader tests: the run check and generators of bad files."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from kcheck.load.decode import decode
from kcheck.models import Document
from kcheck.rules import RuleSet, load_rules

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
LINE_BREAK = re.compile(r"\r\n|\r|\n")


@lru_cache(maxsize=1)
def rules() -> RuleSet:
    """The project's rules, read once (a RuleSet is frozen)."""
    return load_rules(REPO / "rules")


def run_mismatches(doc: Document, original: str) -> list[str]:
    """Every run whose text differs from the original file at its line and column.

    ``original`` is the decoded file; lines end at CRLF, CR or LF, columns count code points.
    """
    lines = LINE_BREAK.split(original)
    bad = []
    for sentence in doc.sentences:
        for run in sentence.runs:
            want = sentence.text[run.offset : run.offset + run.length]
            line = lines[run.line - 1] if 0 < run.line <= len(lines) else ""
            got = line[run.column - 1 : run.column - 1 + run.length]
            if got != want:
                bad.append(f"{doc.path}:{run.line}:{run.column}: run {want!r} but file has {got!r}")
    return bad


def original_text(path: Path) -> str:
    return decode(path.read_bytes()).text


def write_bad_corpus(root: Path) -> dict[str, str]:
    """Bad files next to two good ones; returns file name -> expected reason (a substring)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "good_utf8.txt").write_text("快手电商交易总额达1758亿元，同比增长86.1%。\n", encoding="utf-8")
    (root / "good_gbk.txt").write_bytes(
        "2021年第三季度，快手电商交易总额达1758.87亿元，同比增长约86%。".encode("gbk")
    )
    (root / "empty.txt").write_bytes(b"")
    (root / "blank.txt").write_text("  \n\n\t\n", encoding="utf-8")
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (root / "front_matter_open.txt").write_text(
        "---\ntitle: '快手电商，还缺什么？'\ndate: Mon, 26 Jul 2021 22:56:00 GMT\n\n<p>正文。</p>\n",
        encoding="utf-8",
    )
    (root / "front_matter_bad_yaml.txt").write_text(
        "---\ntitle: [快手电商\ndate: 2022-03-01\n---\n正文。\n", encoding="utf-8"
    )
    (root / "undecodable.txt").write_bytes(b"\xff\xfe\xfd"[1:] + b"\x80\x81\xfe\xff" * 50)
    with (root / "huge.txt").open("wb") as fh:  # 20 MB (sparse): refused by its size, never read
        fh.write("快手电商交易总额达1758亿元。".encode())
        fh.truncate(20 * 1024 * 1024)
    sub = root / "with_manifest"
    sub.mkdir()
    (sub / "article.txt").write_text("3月1日，快手电商与淘宝、京东正式“分手”。\n", encoding="utf-8")
    (sub / "sources.yaml").write_text(
        "article.txt:\n  publishd: 2022-05-23\n  source: 鸟哥笔记\nmissing.txt:\n  published: 2022-05-23\n",
        encoding="utf-8",
    )
    return {
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "binary.txt": "binary file (NUL bytes)",
        "front_matter_open.txt": "front matter is not closed (no closing ---)",
        "front_matter_bad_yaml.txt": "front matter is not valid YAML",
        "undecodable.txt": "cannot decode",
        "huge.txt": "file too large (20.0 MB > limit 16 MB)",
        "with_manifest/sources.yaml": "line 2: 'article.txt': unknown key 'publishd'",
    }

"""Encodings: the bytes are built here from real sentences; the decoded text must be exact."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from kcheck.errors import LoadError
from kcheck.load import load_file
from kcheck.load.decode import DecodeError, declared_charset, decode

from .helpers import original_text, rules, run_mismatches

SIMPLIFIED = "快手电商交易总额达1758亿元"
TRADITIONAL = "快手電商交易總額達1758億元"
# corpus/001, a longer paragraph with full-width punctuation
PARAGRAPH = "第三季度电商交易额达1758.87亿元，同比增长约86%；而作为快手电商业务闭环模式的快手小店，对电商交易总额的贡献率也从2020年第三季度的71.4%增长至2021年同期的90%。"


@pytest.mark.parametrize(
    ("raw", "text", "encoding"),
    [
        (SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
        (codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig"),
        (SIMPLIFIED.encode("utf-16"), SIMPLIFIED, "utf-16"),  # with its BOM, native order
        (codecs.BOM_UTF16_BE + SIMPLIFIED.encode("utf-16-be"), SIMPLIFIED, "utf-16"),
        (codecs.BOM_UTF16_LE + SIMPLIFIED.encode("utf-16-le"), SIMPLIFIED, "utf-16"),
        (SIMPLIFIED.encode("utf-32"), SIMPLIFIED, "utf-32"),
        # undeclared legacy encodings: charset-normalizer between GB18030 and Big5
        (SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),
        (SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030"),
        (PARAGRAPH.encode("gbk"), PARAGRAPH, "gb18030"),
        (TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
        (TRADITIONAL.encode("gb18030"), TRADITIONAL, "gb18030"),
        # a declared charset wins (GB2312/GBK read as their superset GB18030)
        (
            f'<meta charset="gb2312"><p>{SIMPLIFIED}</p>'.encode("gb2312"),
            f'<meta charset="gb2312"><p>{SIMPLIFIED}</p>',
            "gb18030",
        ),
        (
            f'<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>{TRADITIONAL}</p>'.encode(
                "big5"
            ),
            f'<meta http-equiv="Content-Type" content="text/html; charset=big5"><p>{TRADITIONAL}</p>',
            "big5",
        ),
    ],
)
def test_decode(raw: bytes, text: str, encoding: str) -> None:
    decoded = decode(raw)
    assert (decoded.text, decoded.encoding) == (text, encoding)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (NUL bytes)"),
        (SIMPLIFIED.encode("utf-16-le"), "binary file (NUL bytes)"),  # UTF-16 needs its BOM
        (b"\x80\x81\xfe\xff" * 20, "cannot decode: not valid UTF-8/GB18030/Big5/UTF-16 text"),
        (
            codecs.BOM_UTF8 + b"\xff\xfe\xfa",
            "cannot decode: invalid utf-8-sig text after its byte-order mark",
        ),
    ],
)
def test_undecodable(raw: bytes, reason: str) -> None:
    with pytest.raises(DecodeError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode(raw)


@pytest.mark.parametrize(
    ("head", "codec"),
    [
        (b'<meta charset="GBK">', "gb18030"),
        (b"<meta charset=utf-8>", "utf-8"),
        (b'<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GB2312">', "gb18030"),
        (b'<?xml version="1.0" encoding="big5"?>', "big5"),
        (b'<meta charset="no-such-codec">', None),
        (b"<p>no declaration</p>", None),
    ],
)
def test_declared_charset(head: bytes, codec: str | None) -> None:
    assert declared_charset(head) == codec


@pytest.mark.parametrize(
    ("name", "raw", "encoding"),
    [
        (
            "gbk.txt",
            ("快手财报显示，2022年第二季度，快手电商交易总额达1912亿元，同比增长31.5%。\n").encode("gbk"),
            "gb18030",
        ),
        (
            "big5.txt",
            ("快手財報顯示，2022年第二季度，快手電商交易總額達1912億元，同比增長31.5%。\n").encode("big5"),
            "big5",
        ),
        (
            "utf16.txt",
            ("快手财报显示，2022年第二季度，快手电商交易总额达1912亿元，同比增长31.5%。\r\n").encode(
                "utf-16"
            ),
            "utf-16",
        ),
        ("bom.txt", codecs.BOM_UTF8 + "快手财报显示，快手电商交易总额达1912亿元。\n".encode(), "utf-8-sig"),
    ],
)
def test_documents_in_legacy_encodings_map_back_exactly(
    tmp_path: Path, name: str, raw: bytes, encoding: str
) -> None:
    path = tmp_path / name
    path.write_bytes(raw)
    doc = load_file(path, name, rules())
    assert doc.encoding == encoding
    assert doc.sentences and "1912" in doc.sentences[0].text
    assert run_mismatches(doc, original_text(path)) == []
    # the BOM is not a column: the first character of the file is column 1
    assert (doc.sentences[0].line, doc.sentences[0].column) == (1, 1)


def test_a_decoding_failure_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\x80\x81\xfe\xff" * 20)
    with pytest.raises(LoadError, match=r"^corpus/x.txt: cannot decode"):
        load_file(path, "corpus/x.txt", rules())

"""Bytes -> text: BOMs, UTF-8, a declared charset, then detection for legacy Chinese encodings.

Order: a byte-order mark decides (UTF-8/16/32); NUL bytes without one mean a binary file;
strict UTF-8; a charset the file declares (``<meta charset>``, ``<?xml encoding?>``);
charset-normalizer restricted to GB18030 and Big5 (the undeclared legacy encodings Chinese
articles come in; letting it pick among all code pages turns GBK into UTF-16 mojibake).
A file none of these decode cleanly is reported, never guessed at.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# GB2312 and GBK are subsets of GB18030: decoding with the superset never loses a character
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "euc_cn": "gb18030", "hz": "hz"}
DETECTABLE = ["gb18030", "big5"]
DECLARED = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""",
    re.IGNORECASE,
)
SNIFF_BYTES = 4096


class DecodeError(ValueError):
    """The bytes are not text kcheck can read; the message is the one-line reason."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str


def _codec(name: str) -> str | None:
    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        return None
    return SUPERSETS.get(canonical, canonical)


def declared_charset(raw: bytes) -> str | None:
    """The charset a page declares in its first few kilobytes, as a Python codec name."""
    match = DECLARED.search(raw[:SNIFF_BYTES])
    if not match:
        return None
    return _codec((match.group(1) or match.group(2)).decode("ascii"))


def decode(raw: bytes) -> Decoded:
    """Decode a whole file; raise DecodeError with a one-line reason."""
    for bom, codec, label in BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw[len(bom) :].decode(codec), label)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"cannot decode: invalid {label} text after its byte-order mark "
                    f"(byte {exc.start + len(bom)})"
                ) from None
    if b"\x00" in raw:
        raise DecodeError("binary file (NUL bytes)")
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(raw)
    if declared is not None and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            return Decoded(raw.decode(declared), declared)
        except (UnicodeDecodeError, LookupError):
            pass  # a wrong declaration: fall back to detection
    best = from_bytes(raw, cp_isolation=DETECTABLE).best()
    if best is not None:
        detected = _codec(best.encoding)
        if detected is not None:
            try:
                return Decoded(raw.decode(detected), detected)
            except UnicodeDecodeError:
                pass
    raise DecodeError("cannot decode: not valid UTF-8/GB18030/Big5/UTF-16 text")

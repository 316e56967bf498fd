"""Untrusted text made safe for where it goes: terminals, CI logs, Markdown, CSV, JSON.

Article text, titles, file names and rule text come from people kcheck does not know. One
escape sequence (``ESC [2J`` clears a screen, ``ESC ]8;;`` plants a hyperlink, ``ESC ]0;``
retitles a window, BEL rings), one line break in a file name (``e\\n::warning::x``) or one
``::stop-commands::`` at the start of a line (GitHub Actions runs it as a workflow command)
is enough to forge what an editor or a CI log shows. Every printer and the stderr logger go
through this module:

- :func:`visible` for one field on one line: control characters (C0, DEL, C1), bidirectional
  overrides, line and paragraph separators and undecodable file-name bytes are shown as
  ``\\x1b``, ``\\n``, ``\\u202e``, ``\\xff``;
- :func:`guard` for a whole rendered output as a last line of defence: the same characters
  shown escaped except the line breaks the printer made (and, for a colour terminal, the
  SGR colour codes kcheck itself adds), and workflow commands (``::`` at a line's start,
  ``##[`` anywhere) defused;
- :func:`github_data` / :func:`github_property` encode per the workflow-command rules
  (``%25 %0D %0A``; properties also ``%3A %2C``);
- :func:`markdown` escapes Markdown punctuation; :func:`csv_cell` neutralises cells a
  spreadsheet would run as a formula (OWASP "CSV injection");
- :func:`json_text` writes the same characters as ``\\uXXXX`` inside JSON (the value a
  parser reads back is unchanged; only the bytes on the wire lose their raw control codes).
"""

from __future__ import annotations

import functools
import os
import re

# C0 controls, DEL, C1 controls (0x9b is a one-byte CSI), bidi embeddings/overrides/isolates
# and marks (Trojan Source), line/paragraph separators, and lone surrogates (undecodable
# bytes of a file name under surrogateescape; they cannot even be encoded for output)
_OTHER_UNSAFE = "\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = f"[\x00-\x1f{_OTHER_UNSAFE}]"
# the same but the line break a printer puts between its own lines
_UNSAFE_IN_LINES = f"[\x00-\x09\x0b-\x1f{_OTHER_UNSAFE}]"
# and without CR either, for the workflow-command encoding that writes both as %0A / %0D
_UNSAFE_BUT_BREAKS = f"[\x00-\x09\x0b\x0c\x0e-\x1f{_OTHER_UNSAFE}]"
# an SGR sequence (colour, bold, reset): the only escape kcheck writes itself
_SGR = r"\x1b\[[0-9;]*m"
# GitHub Actions workflow commands: ``::name ...::`` at a line's start (after blanks, which
# the runner trims) and the legacy ``##[name ...]`` anywhere in a line
_COMMAND_START = r"(?m)^([ \t]*):(?=:)"
_LEGACY_COMMAND = r"##\["
# Markdown punctuation that would change how a line renders
_MARKDOWN = r"([\\`*_\[\]<>|~#])"
# a spreadsheet runs a cell starting with one of these as a formula
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """One of the patterns above, compiled when first used: a replayed run (kcheck.rerun)
    starts without compiling those it never uses (a class of code points costs ~1 ms)."""
    return re.compile(pattern)


def _show(match: re.Match[str]) -> str:
    ch = match.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` for one line of a terminal or log: every control character shown escaped."""
    # most text has none of them (str.isprintable is false for every one): no regex then
    return text if text.isprintable() else _compiled(_UNSAFE).sub(_show, text)


def display_path(path: str | os.PathLike[str]) -> str:
    """A file name as kcheck prints and records it: undecodable bytes and control
    characters escaped (``e\\n.txt``, ``\\xff.txt``), so it is valid text on one line."""
    return visible(os.fspath(path))


def guard(text: str, *, color: bool = False, commands: bool = False) -> str:
    """A whole rendered output made safe for a terminal or a CI log.

    Control characters other than line breaks are shown escaped (with ``color`` the SGR
    codes kcheck adds are kept); a line that would start a workflow command gets its first
    colon escaped (``\\x3a:warning::``) unless ``commands`` (the ``github`` format, whose
    annotations are commands by design and encode everything they carry).
    """
    if color:
        parts = _compiled(_SGR).split(text)
        codes = _compiled(_SGR).findall(text)
        text = "".join(
            _compiled(_UNSAFE_IN_LINES).sub(_show, part) + (codes[i] if i < len(codes) else "")
            for i, part in enumerate(parts)
        )
    else:
        text = _compiled(_UNSAFE_IN_LINES).sub(_show, text)
    if not commands:
        text = _compiled(_COMMAND_START).sub(lambda m: m.group(1) + "\\x3a", text)
    return _compiled(_LEGACY_COMMAND).sub(lambda _: "##\\x5b", text)


def github_data(text: str) -> str:
    """A workflow command's message (actions/toolkit ``escapeData``); other controls shown
    escaped first (the runner's log is a terminal too)."""
    shown = _compiled(_UNSAFE_BUT_BREAKS).sub(_show, text)
    return shown.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A workflow command's property value (``escapeProperty``): also ``:`` and ``,``."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def markdown(text: str) -> str:
    """Text shown literally in Markdown on one line: controls escaped, punctuation backslashed."""
    return _compiled(_MARKDOWN).sub(r"\\\1", visible(text))


def csv_cell(text: str) -> str:
    """A CSV cell from an input: controls escaped, and a leading ``= + - @`` defused with
    ``'`` so a spreadsheet shows the text instead of running it."""
    text = visible(text)
    return "'" + text if text.startswith(_FORMULA_START) else text


def json_text(text: str) -> str:
    """Rendered JSON with the characters :func:`visible` escapes written as ``\\uXXXX``.

    ``json.dumps`` already escapes C0 controls; DEL, C1, bidi controls and separators it
    writes raw. Inside a JSON string ``\\u0085`` decodes to the same character, and none of
    these characters can occur outside a string in JSON kcheck writes. ``##[`` (a legacy
    workflow command anywhere in a CI log line) is written ``##\\u005b`` for the same reason.
    """
    # a raw line break is the layout's own (a string's is already \\n): it is left alone, and
    # so not even matched (a report of 100,000 claims has millions of them)
    return _compiled(_UNSAFE_IN_LINES).sub(_json_escape, text).replace("##[", "##\\u005b")


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"

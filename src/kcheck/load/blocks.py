"""The loader's intermediate form: blocks of lines of traced text, before furniture is removed.

Every reader (HTML, Markdown, plain text) turns a file body into a list of :class:`Block`;
:mod:`kcheck.load.furniture` decides which lines are article content, and
:mod:`kcheck.load.sentences` cuts the kept paragraphs into sentences.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from kcheck.load.traced import Traced
from kcheck.models import TableCell


def wide(ch: str) -> bool:
    """A CJK (East Asian wide or full-width) character: a line break next to two of them
    joins them without a space (CSS Text 3, segment break transformation)."""
    return bool(ch) and unicodedata.east_asian_width(ch) in ("W", "F")


@dataclass(slots=True)
class Line:
    text: Traced  # stripped; never empty
    indent: int = 0  # leading spaces in a plain-text dump (list items nest by indentation)
    bullet: bool = False  # the line started with a list bullet (removed from ``text``)
    # a figure cell of a data table, written with its column header, row label and unit
    # (kcheck.load.tables): article content like prose, though it does not read as a sentence
    table_figure: bool = False
    cell: TableCell | None = None  # what the table says of that figure (its owner, its measure)


@dataclass(slots=True)
class Block:
    """A paragraph: an HTML block element, a blank-line separated block of text."""

    lines: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class PageMeta:
    """What the markup itself says about the article (HTML meta tags, <title>, <h1>)."""

    title: str | None = None
    source: str | None = None
    published: str | None = None  # the raw value
    published_field: str | None = None  # where it came from, e.g. meta article:published_time

"""A table of figures -> one line of traced text per figure cell, for the extractor to read.

A data table (``<table>``) states each figure by its place: the row's first cell names one
thing (a measure, ``营业收入``, or a period, ``2023年7月``), the column header the other
(``2023年``, ``CPI同比``), and the caption or a header says the unit (``单位：亿元``,
``（%）``). Read cell by cell as prose, ``86.42`` means nothing. So each figure cell
becomes a line of its own, its own paragraph, written as a reader says it: the column
header, the row label, the figure and the table's unit (``2023年 营业收入 86.42亿元``,
``CPI同比 2023年7月 -0.3%``). Every piece keeps its place in the file (the header, the
label, the figure and the unit are each traced to where they are written); only the spaces
between them are inserted. A cell that writes its own unit (``14.30%``) keeps it.

The layout says more than the words of such a line (``kcheck.models.TableCell``, carried on
the line's sentence to the extractor): a row label under a header naming a kind of place
(``城市``, ``地区``, ``省份``), or one written as a place (``江澜市``), owns its row's figures
(``深圳 -0.8`` is 深圳's); a label saying the row is the total (``合计``) names no part; and the
caption names the measure of every cell (``10月一线城市新建商品住宅销售价格指数变动（单位：%）``:
新建商品住宅销售价格指数, without its period, its unit, the group of places the rows break it
into and the words closing a caption, ``变动``, ``情况``). The words are the rules'
(``boilerplate.table_*``).

Only plain data grids are read this way: one header row over rows of as many cells, no
cell spanning rows or columns, no table inside, and a figure in the first body row. Any
other table (a layout table, a list of links, a statistical table with two header rows) is
read as before, a line per cell: which header a figure is under is then not sure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from kcheck.load.blocks import Block, Line
from kcheck.load.traced import Builder, Traced
from kcheck.models import TableCell
from kcheck.rules import BoilerplateSection

# a cell that is one figure: 86.42, -0.3, 1,258.36, 14.30%, －2.6
FIGURE_CELL = re.compile(r"^[-+−－]?\d[\d,，]*(?:[.．]\d+)?\s*[%％]?$")
# a pattern matching nothing: the period words of a grammar built without rules
_NO_PERIOD = re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class TableGrammar:
    """The rules' words for reading a table's layout (``boilerplate.table_*``)."""

    unit_cues: tuple[str, ...] = ()
    place_headers: tuple[str, ...] = ()  # 城市, 地区: a first-column header naming a kind of place
    place_ends: str = ""  # 省市县区州: a label ending with one is a place
    place_chars: tuple[int, int] = (2, 6)  # how long a place's name is
    totals: tuple[str, ...] = ()  # 合计: a row label saying the row is the total
    caption_ends: tuple[str, ...] = ()  # 情况, 变动: words closing a caption, naming no measure
    # the calendar spans a caption names for every cell (boilerplate.table_periods, one pattern)
    periods: re.Pattern[str] = _NO_PERIOD


def table_grammar(rules: BoilerplateSection) -> TableGrammar:
    """The table words of the boilerplate rules, longest first where one may hold another."""

    def longest_first(words: list[str]) -> tuple[str, ...]:
        return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))

    return TableGrammar(
        unit_cues=tuple(rules.table_units),
        place_headers=longest_first(rules.table_place_headers),
        place_ends="".join(rules.table_place_ends),
        place_chars=rules.table_place_chars,
        totals=tuple(rules.table_totals),
        caption_ends=longest_first(rules.table_caption_ends),
        periods=re.compile("|".join(f"(?:{p})" for p in rules.table_periods))
        if rules.table_periods
        else _NO_PERIOD,
    )


@dataclass(slots=True)
class Cell:
    text: Traced
    header: bool  # a <th>


@dataclass(slots=True)
class Table:
    """A table as the HTML pass reads it: its caption and its rows of cells."""

    caption: list[Traced] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    spanned: bool = False  # a cell spans rows or columns, or a table is nested: not a plain grid


def is_figure(text: str) -> bool:
    return FIGURE_CELL.match(text.strip()) is not None


def table_unit(texts: Sequence[Traced], cues: Sequence[str]) -> Traced | None:
    """The unit the caption or a header states (``单位：亿元``, ``涨跌幅（%）``), traced."""
    for traced in texts:
        text = traced.text
        for cue in cues:
            at = text.find(cue)
            if at >= 0:
                m = re.match(r"\s*[:：]?\s*([^\s:：,，;；)）\]】]+)", text[at + len(cue) :])
                if m:
                    start = at + len(cue) + m.start(1)
                    return traced.slice(start, start + len(m.group(1)))
        m = re.search(r"[（(]\s*([%％]|[万亿千百]*[元吨股头台个件人次]+)\s*[)）]\s*$", text)
        if m:
            return traced.slice(m.start(1), m.end(1))
    return None


def caption_period(
    caption: Sequence[Traced], names: Sequence[Traced], periods: re.Pattern[str]
) -> Traced | None:
    """The period the caption states for every cell (``1—10月``全国…支出情况), traced; None when
    a header or a row label names a period of its own (then each cell has one) or none is stated.
    ``periods``: the calendar spans a caption may name (``boilerplate.table_periods``)."""
    if any(periods.search(t.text) for t in names):
        return None
    for traced in caption:
        m = periods.search(traced.text)
        if m:
            return traced.slice(m.start(), m.end())
    return None


_CAPTION_UNIT = re.compile(r"[（(][^（）()]*[)）]\s*$")


def caption_measure(
    caption: Sequence[Traced], grammar: TableGrammar, place_word: str | None, places: bool
) -> str | None:
    """The measure the caption names for every cell: the caption without the unit it ends with
    (``（单位：%）``), its periods, the group of places the rows break it into (the words up to the
    first column's header word, ``一线城市`` under ``城市``; up to a word naming a kind of place when
    ``places``, rows written as places: ``分地区``) and the words closing a caption (``变动``,
    ``情况``); None when nothing is left that could name a measure."""
    text = "".join(t.text for t in caption).strip()
    text = _CAPTION_UNIT.sub("", text)
    for cue in grammar.unit_cues:  # 单位：亿元 written after the words, not in brackets
        at = text.find(cue)
        if at > 0:
            text = text[:at]
    text = grammar.periods.sub("", text)
    words = (place_word,) if place_word is not None else grammar.place_headers if places else ()
    for word in words:
        at = text.rfind(word)
        if at >= 0:
            text = text[at + len(word) :]
            break
    text = text.strip(" \u3000：:，,、")
    for end in grammar.caption_ends:  # longest first
        if text.endswith(end) and len(text) > len(end):
            text = text[: -len(end)]
    return text if len(text) >= 2 and not is_figure(text) else None


def place_header(header: Cell, grammar: TableGrammar) -> str | None:
    """The word of the first column's header naming a kind of place (城市), if it names one."""
    return next((w for w in grammar.place_headers if w in header.text.text), None)


def is_place(label: str, grammar: TableGrammar) -> bool:
    """A row label written as a place's name (江澜市, 广东省): a short run of Chinese characters
    ending with a place's kind."""
    lo, hi = grammar.place_chars
    return (
        lo <= len(label) <= hi
        and label[-1] in grammar.place_ends
        and all("\u4e00" <= ch <= "\u9fff" for ch in label)
    )


def _header_row(table: Table) -> list[Cell] | None:
    first = table.rows[0]
    if any(c.header for c in first) or not any(is_figure(c.text.text) for c in first[1:]):
        return first
    return None


def figure_lines(table: Table, grammar: TableGrammar) -> list[Block] | None:
    """One block per figure cell (see the module docstring); None when the table is not data."""
    rows = [r for r in table.rows if r]
    if table.spanned or len(rows) < 2 or len(rows[0]) < 2:
        return None
    table = Table(table.caption, rows)
    header = _header_row(table)
    if header is None or any(len(r) != len(header) for r in rows):
        return None  # not one header row over a plain grid: which header a cell is under is unsure
    if not any(is_figure(c.text.text) for c in rows[1]):
        return None  # a second header row (1-11月（亿元）| 同比增长（%）) under the first
    unit = table_unit([*table.caption, *(c.text for c in header)], grammar.unit_cues)
    names = [c.text for c in header] + [r[0].text for r in rows[1:]]
    period = caption_period(table.caption, names, grammar.periods)
    place_word = place_header(header[0], grammar)
    places = place_word is not None or any(is_place(r[0].text.text.strip(), grammar) for r in rows[1:])
    measure = caption_measure(table.caption, grammar, place_word, places) if table.caption else None
    blocks: list[Block] = []
    for row in rows[1:]:
        label = row[0].text
        if is_figure(label.text):
            continue  # no label: nothing says what the row is
        name = label.text.strip()
        total = name in grammar.totals
        owner = None if total or not (place_word is not None or is_place(name, grammar)) else name
        for j, cell in enumerate(row[1:], start=1):
            if j >= len(header) or not is_figure(cell.text.text) or not header[j].text:
                continue
            line = Builder()
            if period is not None:
                line.extend(period)
                line.inserted(" ")
            line.extend(header[j].text)
            line.inserted(" ")
            line.extend(label)
            line.inserted(" ")
            line.extend(cell.text)
            own_unit = cell.text.text.rstrip().endswith(("%", "％"))
            if unit is not None and not own_unit:
                line.extend(unit)
            cell_of = TableCell(
                header=header[j].text.text, label=name, owner=owner, caption=measure, total=total
            )
            blocks.append(Block([Line(line.build(), table_figure=True, cell=cell_of)]))
    return blocks if blocks else None


def cell_lines(table: Table) -> list[Block]:
    """The table read as before: the caption, then a line per cell, one block per row."""
    blocks = [Block([Line(t)]) for t in table.caption]
    for row in table.rows:
        if row:
            blocks.append(Block([Line(c.text) for c in row]))
    return blocks

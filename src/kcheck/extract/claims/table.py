"""A data table's figure cell: what its layout says over what the words of its line say.

The loader writes each figure cell of a data table as a line of its own (``10月 环比 深圳
-0.8%``: the caption's period, the column header, the row label, the figure) and hands what the
table's layout says with it (``kcheck.models.TableCell``). Read as a phrase, the line names no
owner and no change: a reader of the table knows more.

- A row label that names a place (深圳 under 城市) owns the figure: the place is its entity,
  read as written (as a subject is), so 深圳's figure never meets another city's or the
  country's.
- A column header holding a change word (``kinds.header_changes``: 环比, 同比, 比上月, 比上年
  同期) makes the figure a change of that kind, as the same words before a figure do in a sentence.
- Under a change header, a row label that is no place and no total names the measure (营业收入
  under 本期比上年同期增减); the header's other words (增减) name none.
- Where the row label and the column header name no measure of their own (a place's row, the
  total's row, under a change or under the caption's own head 支出), the caption names it
  (新建商品住宅销售价格指数, 全国基本医疗保险统筹基金支出).
- A caption naming the country (全国…) makes its figures the country's: the article's company
  or city never stands in for their owner.
"""

from __future__ import annotations

from kcheck.extract.claims.draft import Draft
from kcheck.extract.claims.measure import alias_metric
from kcheck.extract.claims.words import Words
from kcheck.models import ClaimType, TableCell
from kcheck.text.fold import fold


def header_change(w: Words, header: str) -> str | None:
    """The kind of change (yoy, qoq) a column header makes its cells, else None."""
    folded = fold(header)
    return next((kind for word, kind in w.header_changes if word in folded), None)


def read_cell(w: Words, cell: TableCell, drafts: list[Draft]) -> None:
    """Set the figures of a table cell's line (``drafts``, in place) from what the table says."""
    change = header_change(w, cell.header)
    caption = cell.caption
    country = caption is not None and w.country_re.match(fold(caption)) is not None
    # the caption names the measure when neither the label (a place, the total) nor the header
    # (a change, the caption's own head) names one of its own
    header_names_none = change is not None or (caption is not None and fold(cell.header) in fold(caption))
    measured = caption is not None and (cell.owner is not None or cell.total) and header_names_none
    for d in drafts:
        if d.type is ClaimType.EVENT:
            continue
        if cell.owner is not None:
            d.entity, d.entity_from, d.subject = cell.owner, "subject", cell.owner
        elif country and d.entity_from == "document":
            d.entity, d.entity_from = None, None  # 全国…: the country's, not the article's company
        if change is not None and d.type is ClaimType.FIGURE:
            d.type, d.change = ClaimType.CHANGE, change
        if measured:
            d.measure, d.metric = caption, alias_metric(w, caption)
        elif (
            change is not None
            and cell.owner is None
            and not cell.total
            and cell.label
            and not (d.time_quote and d.time_quote in cell.label)  # a row of a period (2025年10月)
        ):
            # 本期比上年同期增减 | 营业收入: the header says how it changed, the label what
            d.measure, d.metric = cell.label, alias_metric(w, cell.label)

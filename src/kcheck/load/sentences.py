"""Paragraphs -> sentences, each with the runs that map it back to the original file.

Where a sentence ends is ``kcheck.text.sentences`` (shared with ``kcheck.extract``); this
module only carries each piece's map back to the file and notes a sentence split for length.
"""

from __future__ import annotations

from collections.abc import Iterator

from kcheck.load.traced import LineIndex, Traced
from kcheck.models import Sentence, TableCell, TextRun
from kcheck.text.sentences import MAX_SENTENCE_CHARS, sentence_pieces


def sentences(
    paragraphs: list[list[Traced]],
    index: LineIndex,
    notes: list[str] | None = None,
    cells: dict[tuple[int, int], TableCell] | None = None,
) -> list[Sentence]:
    """Every sentence of the paragraphs; ``notes`` collects what was done to abnormal ones;
    ``cells``: what a data table says of the figure on a line, by (paragraph, line)."""
    out: list[Sentence] = []
    for number, lines in enumerate(paragraphs):
        for j, line in enumerate(lines):
            spans, splits = sentence_pieces(line.text)
            first = len(out)
            cell = cells.get((number, j)) if cells else None
            for (start, end), runs in zip(spans, _runs(line.stretches(index), spans), strict=True):
                # the loader's own pieces, valid by construction (see Sentence.model_construct)
                out.append(
                    Sentence.model_construct(
                        index=len(out), paragraph=number, text=line.text[start:end], runs=runs, table=cell
                    )
                )
            if notes is not None and splits:
                where = f"line {out[first].line}: " if len(out) > first and out[first].line else ""
                notes.extend(
                    f"{where}a sentence of {length:,} characters was split into {parts} "
                    f"parts of at most {MAX_SENTENCE_CHARS:,} characters at clause marks"
                    for length, parts in splits
                )
    return out


def _runs(
    stretches: list[tuple[int, int, int, int]], spans: list[tuple[int, int]]
) -> Iterator[list[TextRun]]:
    """The runs of each sentence ``(start, end)`` of a line: the line's stretches (each from
    one line of the file, see ``Traced.stretches``) cut at the sentence's ends. One pass, for
    ``spans`` in order and apart, as the splitter gives them."""
    if len(stretches) == 1:  # most lines: one stretch of one line of the file
        off, length, line, column = stretches[0]
        stop = off + length
        for start, end in spans:
            lo, hi = max(off, start), min(stop, end)
            yield (
                [
                    TextRun.model_construct(
                        offset=lo - start, length=hi - lo, line=line, column=column + lo - off
                    )
                ]
                if lo < hi
                else []
            )
        return
    i = 0
    for start, end in spans:
        while i < len(stretches) and stretches[i][0] + stretches[i][1] <= start:
            i += 1
        runs: list[TextRun] = []
        j = i
        while j < len(stretches) and stretches[j][0] < end:
            off, length, line, column = stretches[j]
            lo, hi = max(off, start), min(off + length, end)
            runs.append(
                TextRun.model_construct(
                    offset=lo - start, length=hi - lo, line=line, column=column + lo - off
                )
            )
            j += 1
        yield runs

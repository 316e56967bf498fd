"""Paragraphs -> sentences, each with the runs that map it back to the original file.

Where a sentence ends is ``kcheck.text.sentences`` (shared with ``kcheck.extract``); this
module only carries each piece's map back to the file.
"""

from __future__ import annotations

from kcheck.load.traced import LineIndex, Traced
from kcheck.models import Sentence
from kcheck.text.sentences import sentence_spans


def split_line(line: Traced) -> list[Traced]:
    """The sentences of one line, stripped; empty ones and stray punctuation dropped."""
    return [line.slice(a, b) for a, b in sentence_spans(line.text)]


def sentences(paragraphs: list[list[Traced]], index: LineIndex) -> list[Sentence]:
    out: list[Sentence] = []
    for number, lines in enumerate(paragraphs):
        for line in lines:
            for piece in split_line(line):
                out.append(
                    Sentence(index=len(out), paragraph=number, text=piece.text, runs=piece.runs(index))
                )
    return out

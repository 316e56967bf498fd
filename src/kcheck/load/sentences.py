"""Paragraphs -> sentences, each with the runs that map it back to the original file.

Where a sentence ends is ``kcheck.text.sentences`` (shared with ``kcheck.extract``); this
module only carries each piece's map back to the file and notes a sentence split for length.
"""

from __future__ import annotations

from kcheck.load.traced import LineIndex, Traced
from kcheck.models import Sentence
from kcheck.text.sentences import MAX_SENTENCE_CHARS, sentence_pieces


def split_line(line: Traced, notes: list[str] | None = None) -> list[Traced]:
    """The sentences of one line, stripped; empty ones and stray punctuation dropped; one
    longer than MAX_SENTENCE_CHARS split (and a note added to ``notes``)."""
    spans, splits = sentence_pieces(line.text)
    if notes is not None:
        notes.extend(
            f"a sentence of {length:,} characters was split into {parts} "
            f"parts of at most {MAX_SENTENCE_CHARS:,} characters at clause marks"
            for length, parts in splits
        )
    return [line.slice(a, b) for a, b in spans]


def sentences(
    paragraphs: list[list[Traced]], index: LineIndex, notes: list[str] | None = None
) -> list[Sentence]:
    """Every sentence of the paragraphs; ``notes`` collects what was done to abnormal ones."""
    out: list[Sentence] = []
    for number, lines in enumerate(paragraphs):
        for line in lines:
            found: list[str] = []
            first = len(out)
            for piece in split_line(line, found):
                out.append(
                    Sentence(index=len(out), paragraph=number, text=piece.text, runs=piece.runs(index))
                )
            if notes is not None and found:
                where = f"line {out[first].line}: " if len(out) > first and out[first].line else ""
                notes.extend(where + note for note in found)
    return out

"""Streamed formats: the chunks the CLI writes one by one are the text ``render`` gives."""

from __future__ import annotations

import json

import pytest

from kcheck import escape
from kcheck.models import Report
from kcheck.report import STREAMS, render, stream
from kcheck.report import claims as claims_listing
from kcheck.report import json as report_json

from .builders import claim, clean_report, sample_report


def _hostile() -> Report:
    """The sample report with text a CI log or terminal would act on, in every list."""
    report = sample_report()
    nasty = claim("h1", "doc/##[e\u202e.md", 3, 1, "5亿", "##[error]x\x1b[2J \u2028 5亿 \x85 ::warning::")
    return report.model_copy(update={"claims": [*report.claims, nasty], "unreadable": []})


@pytest.mark.parametrize("build", [sample_report, clean_report, _hostile, Report])
@pytest.mark.parametrize("fmt", sorted(STREAMS))
@pytest.mark.parametrize("batch", [1, 64, report_json.BATCH])
def test_chunks_join_to_the_rendered_text(
    build: object, fmt: str, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = build()  # type: ignore[operator]
    whole = render(report, fmt)  # small: one chunk, escaped as a whole
    monkeypatch.setattr(report_json, "BATCH", batch)
    chunks = list(stream(report, fmt))
    assert "".join(chunks) == whole
    if batch == 1 and report.claims:
        assert len(chunks) > 10  # written a piece at a time, not as one string


@pytest.mark.parametrize("build", [sample_report, clean_report, _hostile, Report])
def test_streamed_json_is_the_models_own_json(build: object) -> None:
    report = build()  # type: ignore[operator]
    expected = escape.json_text(report.model_dump_json(indent=2)) + "\n"
    assert report_json.render(report) == expected


@pytest.mark.parametrize("build", [sample_report, _hostile, Report])
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "table"])
@pytest.mark.parametrize("batch", [1, 200, report_json.BATCH])
def test_claim_listings_stream_the_same_text(
    build: object, fmt: str, batch: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = build().claims  # type: ignore[operator]
    whole = claims_listing.render(listed, fmt)  # small: one chunk, escaped as a whole
    if fmt == "jsonl":
        lines = "".join(json.dumps(c.model_dump(mode="json"), ensure_ascii=False) + "\n" for c in listed)
        assert whole == escape.json_text(lines)
    monkeypatch.setattr(report_json, "BATCH", batch)
    chunks = list(claims_listing.stream(listed, fmt))
    assert "".join(chunks) == whole
    if batch == 1 and fmt != "table" and listed:
        assert len(chunks) > len(listed) // 2


def _hostile_finding() -> Report:
    """The sample report whose first finding rests on a claim with hostile text."""
    report = sample_report()
    first = report.conflicts[0]
    nasty = first.claims[0].model_copy(
        update={"doc": "doc/##[e\u202e.md", "quote": "5亿\x1b[2J\u2028##[error]\x85\x7f"}
    )
    conflict = first.model_copy(update={"claims": [nasty, *first.claims[1:]], "message": "x\u202ey"})
    return report.model_copy(update={"conflicts": [conflict, *report.conflicts[1:]]})


@pytest.mark.parametrize("build", [sample_report, clean_report, _hostile_finding])
def test_rdjson_is_escaped_like_every_json_output(build: object) -> None:
    from kcheck.report import rdjson

    report = build()  # type: ignore[operator]
    text = rdjson.render(report)
    plain = "".join(report_json.encoded(rdjson._data(report)))
    assert text == escape.json_text(plain)
    assert json.loads(text) == json.loads(plain)  # the values read back are the same
    if build is _hostile_finding:
        assert text != plain
        for raw in ("\x1b", "\u202e", "\u2028", "\x85", "\x7f", "##["):
            assert raw not in text
    else:  # nothing to escape: the bytes are those of json.dumps
        assert text == plain

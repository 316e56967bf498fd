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

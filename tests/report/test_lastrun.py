"""The last run's Report kept for `kcheck explain` (kcheck.lastrun): the JSON report's own
text, read back a list item at a time (kcheck.report.json.Layout), equal to what was kept;
and explaining an id from the few items it needs gives what the whole report gives."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kcheck import lastrun, rerun
from kcheck.errors import UsageError
from kcheck.models import Report
from kcheck.report import json as json_report
from kcheck.report.explain import as_json, explain, explained, find
from kcheck.report.json import Layout

from .builders import claim, clean_report, sample_report


def _hostile() -> Report:
    report = sample_report()
    nasty = claim(
        "h1", "doc/##[e\u202e.md", 3, 1, "5亿", '##[error]x\x1b[2J \u2028 5亿 \x85 "引号" \\\n    {'
    )
    # a title and a topic label that look like the layout's own lines, were they not escaped
    docs = [report.documents[0].model_copy(update={"title": '\n  "claims": [\n    {\n      "id": "x"'})]
    return report.model_copy(
        update={
            "claims": [*report.claims, nasty],
            "baseline": 'b"ase.yaml',
            "documents": docs + report.documents,
        }
    )


BUILDS = [sample_report, clean_report, _hostile, Report]


@pytest.mark.parametrize("build", BUILDS)
def test_the_layout_reads_back_every_item(build: object) -> None:
    report = build()  # type: ignore[operator]
    layout = Layout(json_report.render(report).encode())
    assert layout.everything() == report
    for name in ("documents", "topics", "conflicts", "claims"):
        items = layout.items(name)
        assert [i.id for i in items] == [getattr(x, "id", "") for x in getattr(report, name)]
        # any choice of items, in any order asked, parses to those very items
        picked = items[::2]
        assert getattr(layout.report({name: picked}), name) == getattr(report, name)[::2]


def test_a_text_without_the_layout_is_refused() -> None:
    with pytest.raises(ValueError):
        Layout(sample_report().model_dump_json().encode())  # compact JSON: no layout
    with pytest.raises(ValueError):
        Layout(json_report.render(sample_report()).encode()[:-200])  # cut short


def _ids(report: Report) -> list[str]:
    ids = [x.id for x in [*report.conflicts, *report.claims, *report.topics]]
    prefixes = {i[:n] for i in ids for n in (1, 2, 4)}
    return [*ids, *sorted(prefixes), "nope", "  ", f"  {ids[0]}  "]


def _explains(report: Report, ident: str) -> tuple[str, str]:
    try:
        return explain(report, ident), as_json(find(report, ident))
    except UsageError as exc:
        return "error", str(exc)


@pytest.mark.parametrize("build", [sample_report, clean_report, _hostile])
def test_explaining_from_the_items_it_needs_is_explaining_from_all(build: object) -> None:
    report = build()  # type: ignore[operator]
    layout = Layout(json_report.render(report).encode())
    for ident in _ids(report):
        part = explained(layout, ident)
        assert _explains(part, ident) == _explains(report, ident), ident
    one = report.claims[0].id
    assert len(explained(layout, one).claims) < len(report.claims)  # not everything was parsed


@settings(max_examples=30, deadline=None)
@given(st.permutations(range(8)), st.integers(0, 7))
def test_any_order_of_topics_and_claims(order: list[int], pick: int) -> None:
    report = sample_report()
    topics = [report.topics[i % len(report.topics)] for i in order][: len(report.topics)]
    claims = [report.claims[i] for i in order if i < len(report.claims)]
    shuffled = report.model_copy(update={"topics": topics, "claims": claims})
    layout = Layout(json_report.render(shuffled).encode())
    for ident in itertools.islice(_ids(shuffled), pick, None, 3):
        assert _explains(explained(layout, ident), ident) == _explains(shuffled, ident), ident


@pytest.mark.parametrize("build", BUILDS)
def test_a_written_report_is_read_back_equal(build: object, tmp_path: Path) -> None:
    report = build()  # type: ignore[operator]
    lastrun._write(tmp_path / "c", "key1", report)
    assert lastrun._read(tmp_path / "c" / lastrun.FILE, "key1") == report
    assert lastrun._read(tmp_path / "c" / lastrun.FILE, "key2") is None
    assert sorted(p.name for p in (tmp_path / "c").iterdir()) == [".gitignore", lastrun.FILE]


def test_a_reference_to_a_kept_run_is_read_while_the_file_is_unchanged(tmp_path: Path) -> None:
    report = _hostile()
    text = json_report.render(report).encode()

    header = b'{"format": "kcheck-run/1"}\n'
    checksum = rerun.CHECKSUM(header + text).hexdigest()
    kept = tmp_path / "runs" / checksum
    kept.parent.mkdir()
    kept.write_bytes(header + text)
    lastrun._write(tmp_path / "c", "key1", None, kept)
    assert (tmp_path / "c" / lastrun.FILE).stat().st_size < 300  # a reference, not a copy
    assert lastrun._read(tmp_path / "c" / lastrun.FILE, "key1") == report
    ident = report.conflicts[0].id
    assert _explains(
        lastrun._read(tmp_path / "c" / lastrun.FILE, "key1", ident) or Report(), ident
    ) == _explains(report, ident)
    kept.write_bytes(header + text.replace(b"5", b"6"))  # the same size, other figures
    assert lastrun._read(tmp_path / "c" / lastrun.FILE, "key1") is None
    kept.unlink()  # pruned by the re-run cache
    assert lastrun._read(tmp_path / "c" / lastrun.FILE, "key1") is None


def test_a_write_that_fails_midway_leaves_the_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / "c"
    lastrun._write(directory, "key1", sample_report())

    def broken(report: Report, escaped: bool = True):  # type: ignore[no-untyped-def]
        yield "{"
        raise OSError("disk full")

    monkeypatch.setattr(json_report, "chunks", broken)
    lastrun._write(directory, "key2", clean_report())
    assert lastrun._read(directory / lastrun.FILE, "key1") == sample_report()
    assert sorted(p.name for p in directory.iterdir()) == [".gitignore", lastrun.FILE]  # no temporary left


def test_an_older_compact_copy_is_not_read(tmp_path: Path) -> None:
    directory = tmp_path / "c"
    directory.mkdir()
    (directory / lastrun.FILE).write_text("key1\n" + sample_report().model_dump_json(), encoding="utf-8")
    assert lastrun._read(directory / lastrun.FILE, "key1") is None

"""One file -> one Document: bytes, text, format, blocks, article, sentences, metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kcheck import suppress
from kcheck.errors import LoadError
from kcheck.load.blocks import Block, Line, PageMeta
from kcheck.load.dates import Stamp, infer_from_body, parse_stamp
from kcheck.load.decode import DecodeError, decode
from kcheck.load.formats import FrontMatter, detect_format, split_front_matter
from kcheck.load.furniture import CLOSING, chars, is_prose, keep_article
from kcheck.load.headline import locate_headline
from kcheck.load.html import read_html
from kcheck.load.manifest import ManifestEntry
from kcheck.load.markdown import read_markdown
from kcheck.load.patterns import Boilerplate, compile_boilerplate
from kcheck.load.sentences import sentences as split_sentences
from kcheck.load.text import read_text
from kcheck.load.traced import LineIndex
from kcheck.models import Document, PublishedFrom, Sentence
from kcheck.readfile import read_bytes
from kcheck.rules import RuleSet

# Hexo and Jekyll front matter keys, in order of preference
FRONT_MATTER_DATES = (
    "date",
    "published",
    "pubDate",
    "publishDate",
    "published_at",
    "publish_date",
    "created",
)
FRONT_MATTER_TITLES = ("title",)
FRONT_MATTER_SOURCES = ("source", "author", "site", "publisher")

BYLINE_LINES = 30  # a byline is among the first lines of a page
TITLE_LINES = 10  # a plain-text title is among the first lines
TITLE_CHARS = 80
NOT_TITLE_ENDINGS = tuple("。，,；;：:")


def _tidy(text: str | None) -> str | None:
    """One line, single spaces (titles and sources carry no-break spaces and line breaks)."""
    return " ".join(text.split()) or None if text else None


def _first(data: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The first of ``keys`` with a usable text value in a front matter mapping."""
    for key in keys:
        value = _text_value(data.get(key))
        if value:
            return value
    return None


def _text_value(value: Any) -> str | None:
    if isinstance(value, (list, tuple)):
        parts = [str(v).strip() for v in value if v is not None and str(v).strip()]
        return ", ".join(parts) or None
    if value is None or isinstance(value, dict):
        return None
    return str(value).strip() or None


@dataclass(frozen=True)
class Byline:
    index: int  # position of the line in reading order
    text: str
    line: int  # 1-based line in the file
    stamp: Stamp | None
    source: str | None


def _lines(blocks: list[Block]) -> list[Line]:
    return [line for block in blocks for line in block.lines]


def find_bylines(lines: list[Line], patterns: Boilerplate, timezone: str, index: LineIndex) -> list[Byline]:
    """The lines near the top that match a byline pattern, in reading order."""
    found: list[Byline] = []
    for i, line in enumerate(lines[:BYLINE_LINES]):
        for pattern in patterns.bylines:
            m = pattern.search(line.text.text)
            if not m:
                continue
            groups = m.groupdict()
            date_text = groups.get("date") or m.group()
            source = (groups.get("source") or "").strip() or None
            runs = line.text.runs(index)
            where = runs[0].line if runs else 0
            found.append(Byline(i, line.text.text, where, parse_stamp(date_text, timezone), source))
            break
    return found


def plain_title(lines: list[Line], patterns: Boilerplate) -> str | None:
    """A plain-text page's title: its first line, when that line looks like a heading and
    prose follows (a one-line note is its own content, not a title)."""
    for i, line in enumerate(lines[:TITLE_LINES]):
        text = line.text.text
        if patterns.drop_lines.search(text) or any(p.search(text) for p in patterns.bylines):
            continue
        heading = chars(text) <= TITLE_CHARS and not text.rstrip(CLOSING).endswith(NOT_TITLE_ENDINGS)
        if heading and any(is_prose(later.text.text) for later in lines[i + 1 :]):
            return " ".join(text.split())
        return None
    return None


@dataclass(frozen=True)
class Dating:
    published: dt.date | None
    origin: PublishedFrom
    note: str


def _date(
    manifest: ManifestEntry | None,
    front: FrontMatter | None,
    meta: PageMeta,
    bylines: list[Byline],
    sentences: list[Sentence],
    rules: RuleSet,
) -> Dating:
    timezone = rules.time.timezone
    rejected: list[str] = []
    if manifest is not None and manifest.published is not None:
        return Dating(
            manifest.published, PublishedFrom.MANIFEST, f"sources.yaml: published {manifest.published}"
        )
    if front is not None:
        for key in FRONT_MATTER_DATES:
            if key in front.data and front.data[key] is not None:
                value = front.data[key]
                stamp = parse_stamp(value, timezone)
                if stamp is not None:
                    how = f" {stamp.how}" if stamp.how else ""
                    return Dating(
                        stamp.day, PublishedFrom.FRONT_MATTER, f"front matter {key}: {value!s}{how}"
                    )
                rejected.append(f"front matter {key} {str(value)!r} is not a full date")
    if meta.published:
        stamp = parse_stamp(meta.published, timezone)
        if stamp is not None:
            how = f" {stamp.how}" if stamp.how else ""
            return Dating(stamp.day, PublishedFrom.META, f"{meta.published_field}: {meta.published}{how}")
        rejected.append(f"{meta.published_field} {meta.published!r} is not a full date")
    for byline in bylines:
        if byline.stamp is not None:
            return Dating(
                byline.stamp.day, PublishedFrom.BYLINE, f"byline (line {byline.line}): {byline.text}"
            )
    cues = [*rules.boilerplate.future_cues, *rules.kinds.target, *rules.kinds.forecast]
    inferred = infer_from_body(sentences, cues)
    if inferred is not None:
        line, column = inferred.sentence.locate(inferred.offset)
        note = (
            f"inferred: no date in manifest, front matter, meta tags or byline; the latest full date "
            f"the article states is {inferred.quote} (line {line}, column {column}), so it was "
            f"published on or after {inferred.day} (a lower bound)"
        )
        return Dating(inferred.day, PublishedFrom.INFERRED, "; ".join([*rejected, note]))
    note = "no date in manifest, front matter, meta tags or byline, and no full date stated in the article"
    return Dating(None, PublishedFrom.UNKNOWN, "; ".join([*rejected, note]))


def load_file(
    path: Path,
    display_path: str,
    rules: RuleSet,
    manifest: ManifestEntry | None = None,
    raw: bytes | None = None,
) -> Document:
    """Read one article; raise LoadError (naming ``display_path``) when it cannot be read.
    ``raw``: its bytes when the caller has read them already (stdin, or the cache hashed them)."""
    if raw is None:
        raw = read_bytes(path, display_path)
    elif not raw:
        raise LoadError(display_path, "empty file")
    try:
        decoded = decode(raw)
    except DecodeError as exc:
        raise LoadError(display_path, str(exc)) from None
    text = decoded.text
    if not text.strip():
        raise LoadError(display_path, "empty file (only whitespace)")
    markers = suppress.parse(text, display_path)
    text = suppress.blank(text)
    front = split_front_matter(text, display_path)
    base = front.body_start if front else 0
    body = text[base:]
    kind = detect_format(body, front is not None)
    meta = PageMeta()
    boilerplate = rules.boilerplate
    try:
        if kind == "html":
            blocks, meta = read_html(body, base, boilerplate)
        elif kind == "markdown":
            blocks = read_markdown(body, base)
        else:
            blocks = read_text(body, base)
    except (RecursionError, ValueError, AssertionError, IndexError, TypeError) as exc:
        # html.parser and BeautifulSoup give up on rare malformed markup
        raise LoadError(display_path, f"cannot parse {kind}: {type(exc).__name__}: {exc}") from None
    patterns = compile_boilerplate(boilerplate)
    lines = _lines(blocks)
    index = LineIndex(text)
    bylines = find_bylines(lines, patterns, rules.time.timezone, index)

    title = manifest.title if manifest is not None and manifest.title else None
    if title is None and front is not None:
        title = _first(front.data, FRONT_MATTER_TITLES)
    title = title or meta.title
    heading = plain_title(lines, patterns) if kind != "html" else None
    title = title or heading
    # lines repeating the title are furniture (a page dump's heading lines, an <h1>)
    titles = [t for t in (title, heading) if t]

    kept = keep_article(blocks, titles, patterns, {b.index for b in bylines}, dump=kind == "text")
    notes: list[str] = []
    sentences = split_sentences(kept.paragraphs, index, notes, kept.cells)
    dating = _date(manifest, front, meta, bylines, sentences, rules)

    source = manifest.source if manifest is not None and manifest.source else None
    if source is None and front is not None:
        source = _first(front.data, FRONT_MATTER_SOURCES)
    source = source or meta.source or next((b.source for b in bylines if b.source), None)
    source = source or (kept.sources[0] if kept.sources else None)
    title, source = _tidy(title), _tidy(source)
    headline = locate_headline(text, title, index, len(sentences))

    return Document(
        path=display_path,
        title=title,
        source=source,
        published=dating.published,
        published_from=dating.origin,
        published_note=dating.note,
        format=f"front_matter+{kind}" if front else kind,
        encoding=decoded.encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        sentences=sentences,
        headline=headline,
        notes=notes,
        suppressions=markers,
    )

"""What a file is, decided by its content: front matter, then HTML, Markdown or plain text.

Every corpus file is called ``.txt`` whatever it holds, so the extension says nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from kcheck import safeyaml
from kcheck.errors import LoadError

FRONT_MATTER_OPEN = re.compile(r"\A(?:[ \t]*(?:\r\n|\r|\n))*---[ \t]*(?:\r\n|\r|\n)")
FRONT_MATTER_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)

HTML_PAGE = re.compile(r"<!doctype\s+html|<html[\s>]", re.IGNORECASE)
HTML_TAG = re.compile(
    r"</?(?:html|head|body|p|div|span|a|img|br|hr|h[1-6]|ul|ol|li|table|tr|td|th|section|article|"
    r"strong|em|b|i|u|blockquote|pre|figure|figcaption|meta|title|script|style|iframe|header|footer|"
    r"nav|aside|main|font|center|sup|sub|small|label|button|form|input|svg|video|audio|source)"
    r"(?=[\s/>])[^<>]{0,2000}>",
    re.IGNORECASE,
)
# Markdown that a plain-text page dump would not contain: a heading, a fence or a link
# definition at the start of a line, a link or strong text anywhere. No two alternatives
# match at one place, so their order changes nothing; the line-start ones come under one
# ``^`` (tried at every character, four of them took twice as long)
MD_STRONG = re.compile(
    r"^(?:#{1,6}[ \t]+\S|```|~~~|[ \t]*\[[^\]\n]+\]:[ \t]*\S)|\[[^\]\n]+\]\([^)\n]+\)|\*\*[^*\n]+\*\*",
    re.MULTILINE,
)
# every match of MD_STRONG holds one of these: a text without them has no strong mark
MD_STRONG_CHARS = "#`~[*"
MD_WEAK = re.compile(r"^[ \t]{0,3}(?:[-*+][ \t]+\S|\d{1,3}[.)][ \t]+\S|>[ \t]?\S)", re.MULTILINE)


# front matter holds a title, a date, a few tags: 64 KB is generous, and bounds the parse
MAX_FRONT_MATTER = 64 * 1024


def yaml_load(text: str) -> Any:
    """YAML as kcheck reads it: no aliases, dates left as written (see kcheck.safeyaml)."""
    return safeyaml.load(text)


def yaml_compose(text: str) -> yaml.Node | None:
    return safeyaml.compose(text)


def _field(value: Any) -> Any:
    """A front matter value kcheck uses: a scalar, or a list of scalars (tags, authors).
    Mappings, sets (``!!set``, whose order varies between runs) and binary are dropped."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, list) and all(isinstance(v, (str, int, float, bool)) or v is None for v in value):
        return value
    return None


@dataclass(frozen=True)
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0  # offset of the body in the decoded text


def split_front_matter(text: str, display: str) -> FrontMatter | None:
    """Front matter: ``---`` as the first non-blank line, YAML, then ``---`` (or ``...``)."""
    opening = FRONT_MATTER_OPEN.match(text)
    if opening is None:
        return None
    closing = FRONT_MATTER_CLOSE.search(text, opening.end())
    if closing is None:
        raise LoadError(display, "front matter is not closed (no closing ---)")
    source = text[opening.end() : closing.start()]
    if len(source) > MAX_FRONT_MATTER:
        raise LoadError(display, f"front matter too large ({len(source)} characters > {MAX_FRONT_MATTER})")
    try:
        data = yaml_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        # the YAML starts on the line after the opening ---
        line = text.count("\n", 0, opening.end()) + mark.line + 1 if mark is not None else None
        problem = getattr(exc, "problem", None) or "invalid YAML"
        where = f"line {line}: " if line else ""
        raise LoadError(display, f"front matter is not valid YAML ({where}{problem})") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise LoadError(display, "front matter is not a mapping of keys")
    end = closing.end()
    # the body starts after the closing line's line break
    if text.startswith("\r\n", end):
        end += 2
    elif text.startswith(("\n", "\r"), end):
        end += 1
    fields = {str(k): _field(v) for k, v in data.items() if isinstance(k, (str, int, float, bool))}
    return FrontMatter({k: v for k, v in fields.items() if v is not None}, end)


def detect_format(body: str, front_matter: bool) -> str:
    """``html``, ``markdown`` or ``text`` for the body of a file: HTML when it has at least
    two tags and no fewer than Markdown marks (strong and weak), else Markdown when it has
    front matter (Hexo and Jekyll bodies are Markdown by definition) or a strong mark and
    one more. Marks are counted only where the answer depends on them (counting them took
    most of telling a Markdown article from a text one)."""
    if HTML_PAGE.search(body, 0, 4096):
        return "html"
    html_tags = sum(1 for _ in HTML_TAG.finditer(body))
    if html_tags < 2 and front_matter:
        return "markdown"
    strong = sum(1 for _ in MD_STRONG.finditer(body)) if any(c in body for c in MD_STRONG_CHARS) else 0
    if html_tags < 2 and strong == 0:
        return "text"
    weak = sum(1 for _ in MD_WEAK.finditer(body))
    if html_tags >= 2 and html_tags >= strong + weak:
        return "html"
    if front_matter or (strong >= 1 and strong + weak >= 2):
        return "markdown"
    return "text"

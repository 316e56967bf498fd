"""The html format without a browser: one self-contained page, escaped, with a strict CSP.

What the page does when it runs (filters, charts, hostile text staying text) is tested in a
real browser in test_html_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import kcheck
from kcheck.cli import main
from kcheck.report import html, render

from .builders import sample_report
from .hostile import ATTACK, HOSTILE_DOC, PAYLOADS, hostile

ROOT = Path(__file__).resolve().parents[2]


class Page(HTMLParser):
    """Every element with its attributes, the text of each <script>/<style>, and the text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.raw: list[tuple[str, dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._open: tuple[str, dict[str, str | None]] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs))

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self.raw.append((*self._open, data))
            self._open = None
        else:
            self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and tag == self._open[0]:  # an empty element
            self.raw.append((*self._open, ""))
            self._open = None

    def scripts(self) -> list[tuple[dict[str, str | None], str]]:
        return [(attrs, body) for tag, attrs, body in self.raw if tag == "script"]

    def csp(self) -> dict[str, list[str]]:
        for tag, attrs in self.elements:
            if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
                policy = attrs.get("content") or ""
                return {d.split()[0]: d.split()[1:] for d in (p.strip() for p in policy.split(";")) if d}
        raise AssertionError("no Content-Security-Policy meta tag")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_one_self_contained_page() -> None:
    text = render(sample_report(), "html")
    page = Page(text)
    tags = {tag for tag, _ in page.elements}
    assert text.startswith("<!DOCTYPE html>")
    assert "link" not in tags and "iframe" not in tags and "img" not in tags
    assert not [attrs for _, attrs in page.elements if "src" in attrs], "nothing is loaded from elsewhere"
    assert "@import" not in text and "url(" not in text
    # the only URL is the SVG namespace the chart code creates elements in
    assert set(re.findall(r"https?://[^\s\"'<>)]+", text)) == {"http://www.w3.org/2000/svg"}
    kinds = [attrs.get("type") for attrs, _ in page.scripts()]
    assert kinds == ["application/json", None]


def test_csp_allows_exactly_the_inline_code_written() -> None:
    page = Page(render(sample_report(), "html"))
    csp = page.csp()
    (style,) = [body for tag, _, body in page.raw if tag == "style"]
    code = [body for attrs, body in page.scripts() if attrs.get("type") is None]
    assert csp["default-src"] == ["'none'"]
    assert csp["script-src"] == [_hash(code[0])]
    assert csp["style-src"] == [_hash(style)]
    assert csp["base-uri"] == ["'none'"] and csp["form-action"] == ["'none'"]
    policy = " ".join(v for values in csp.values() for v in values)
    assert "unsafe" not in policy and "*" not in policy and "http" not in policy
    # the policy comes before anything it governs
    names = [tag for tag, _ in page.elements]
    assert names.index("meta") < names.index("style") < names.index("script")


def test_the_data_block_round_trips() -> None:
    report = hostile(sample_report())
    page = Page(render(report, "html"))
    (block,) = [body for attrs, body in page.scripts() if attrs.get("type") == "application/json"]
    assert "<" not in block and ">" not in block and "&" not in block
    assert json.loads(block) == json.loads(json.dumps(html.data(report)))


def test_hostile_strings_stay_text() -> None:
    report = hostile(sample_report())
    text = render(report, "html")
    page = Page(text)
    allowed = {
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "nav", "a",
        "span", "main", "noscript", "form", "label", "select", "option", "input", "button", "datalist",
        "section", "div", "b", "i", "table", "thead", "tbody", "tr", "th", "td", "code", "script",
    }  # fmt: skip
    assert {tag for tag, _ in page.elements} <= allowed
    assert len(page.scripts()) == 2
    for _, attrs in page.elements:
        assert not [name for name in attrs if name.startswith("on")]
        link = (attrs.get("href") or "").strip().lower()
        assert not link.startswith(("javascript:", "data:", "vbscript:"))
    shown = "".join(page.text)
    # the overview (written here, not by the script) shows the payloads as text
    assert ATTACK in shown  # the unreadable file's reason
    assert f"{PAYLOADS[1]}.html" in shown  # its name
    assert PAYLOADS[4] in shown  # the baseline setting
    assert HOSTILE_DOC in [d[0] for d in html.data(report)["docs"]]


@pytest.mark.parametrize(
    ("path", "cwd", "out", "expected"),
    [
        ("corpus/a.txt", None, None, "./corpus/a.txt"),
        ("corpus/a.txt", "/work/repo", "/work/repo", "./corpus/a.txt"),
        ("corpus/a.txt", "/work/repo", "/work/repo/site", "../corpus/a.txt"),
        ("/data/news/b.md", "/work/repo", "/work/repo", "../../data/news/b.md"),
        ("corpus/快手 财报.md", None, None, "./corpus/%E5%BF%AB%E6%89%8B%20%E8%B4%A2%E6%8A%A5.md"),
        ("javascript:alert(1)", None, None, "./javascript%3Aalert%281%29"),
        ('a"b<c>#d?e.txt', None, None, "./a%22b%3Cc%3E%23d%3Fe.txt"),
    ],
)
def test_source_links_are_relative_and_encoded(
    path: str, cwd: str | None, out: str | None, expected: str
) -> None:
    run = html.RunInfo(cwd=cwd, output_dir=out) if cwd else None
    assert html.href(path, run) == expected


@pytest.mark.parametrize(
    ("reason", "weak"),
    [
        ("same entity 快手 (快手电商 -> 快手)", ""),
        ("same metric gmv (电商交易总额（GMV）, 电商交易额)", ""),
        ("entity names 86% similar (蔚来汽车, 蔚来)", "fuzzy match"),
        ("measure text 91% similar (累计打击清退, 打击清退)", "fuzzy match"),
        ("same sentence apart from the figure: “…其中□来自快手小店”", "matched by sentence text"),
        ("same entity 某公司 (as written)", "entity from the clause subject, not the rules"),
        (
            "agree when 1758亿元 (corpus/000_61c9e254a7eeece8.txt:17) cut off rather than rounded (checks.truncation)",
            "agrees only if truncated",
        ),
    ],
)
def test_weak_links_are_named(reason: str, weak: str) -> None:
    assert html._weak(reason) == weak


def test_bundled_corpus_topics_become_charts() -> None:
    report = kcheck.check([str(ROOT / "corpus")], rules=str(ROOT / "rules"))
    payload = html.data(report)
    series = {s["label"]: s for s in payload["series"]}
    gmv = series["快手 GMV"]
    q3 = gmv["cols"].index("2021-Q3")
    agreed = [p for p in gmv["pts"] if p[0] == q3]
    assert sorted(p[5] for p in agreed) == ["1758.87亿元", "1758亿元"]
    assert {p[7] for p in agreed} == {1}  # corroborated
    assert len(gmv["cols"]) > 1, "a figure over several periods"
    cut = series["抖音 断外链"]
    assert cut["dim"] == "date" and {p[7] for p in cut["pts"]} == {2}  # both sides of the finding
    assert [f["type"] for f in payload["findings"]] == [c.type for c in report.conflicts]


def test_cli_writes_the_page(tmp_path: Path) -> None:
    out = tmp_path / "site" / "report.html"
    out.parent.mkdir()  # -o never creates a directory
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(
            main, ["report", "corpus", "--format", "html", "-o", str(out), "--fail-on", "warning"]
        )
    finally:
        os.chdir(old)
    assert result.exit_code == 1, result.output
    assert result.stdout == ""
    page = Page(out.read_text(encoding="utf-8"))
    shown = " ".join(" ".join(page.text).split())
    assert "fail on warning" in shown and "paths corpus" in shown and "rules rules" in shown
    (block,) = [body for attrs, body in page.scripts() if attrs.get("type") == "application/json"]
    docs = json.loads(block)["docs"]
    target = Path(os.path.normpath(out.parent / docs[0][1]))
    assert target == ROOT / docs[0][0] and target.is_file()


def test_a_missing_browser_skips_locally_but_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    from . import browser

    monkeypatch.setattr(browser.shutil, "which", lambda name: None)
    monkeypatch.delenv("KCHECK_CHROMIUM", raising=False)
    monkeypatch.delenv("KCHECK_CHROMEDRIVER", raising=False)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true but no chromium"):
        browser.find()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium chromium-driver"):
        browser.find()


# any text at all, with the characters that matter to HTML, JSON and URLs made likely
_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from("<>&\"'/!-=:;`\\ \n\u2028\u2029scriptSCRIPT"), st.characters()),
    max_size=60,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=_TEXT, sentence=_TEXT, path=_TEXT.filter(lambda p: "\x00" not in p and p.strip()))
@example(title="t", sentence="s", path="\ud800")  # a lone surrogate in a file name
def test_any_text_stays_text(title: str, sentence: str, path: str) -> None:
    report = sample_report()
    docs = [report.documents[0].model_copy(update={"title": title, "path": path}), *report.documents[1:]]
    claims = [c.model_copy(update={"sentence": sentence + c.sentence, "doc": path}) for c in report.claims]
    report = report.model_copy(update={"documents": docs, "claims": claims})
    page = Page(render(report, "html"))
    assert len(page.scripts()) == 2
    assert not [n for _, attrs in page.elements for n in attrs if n.startswith("on")]
    (block,) = [body for attrs, body in page.scripts() if attrs.get("type") == "application/json"]
    decoded = json.loads(block)
    assert decoded["docs"][0][0] == path and decoded["docs"][0][2] == title
    assert re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", decoded["docs"][0][1]) is None  # a path, never a scheme
    # the link is the path itself, percent-encoded, made explicitly relative
    assert unquote(decoded["docs"][0][1], errors="surrogatepass") == (
        path if path.startswith(("/", ".")) else "./" + path
    )

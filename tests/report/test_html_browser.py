"""The html report in real headless Chromium: loads clean, filters, and runs no article text.

Skipped when chromium or chromedriver is missing, except under CI=true (see browser.py).
Screenshots of the bundled corpus's report go to tests/artifacts/ (or $KCHECK_ARTIFACTS).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kcheck.cli import main
from kcheck.report import render
from kcheck.report.select import recount

from . import browser as chromium
from .builders import sample_report
from .hostile import HOSTILE_DOC, PAYLOADS, hostile

ROOT = Path(__file__).resolve().parents[2]
VIEWS = ["overview", "findings", "topics", "corroborated", "documents"]


@pytest.fixture(scope="module")
def browser() -> Iterator[chromium.Browser]:
    yield from chromium.session()


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kcheck report corpus --format html -o ...` run from the repository root."""
    out = tmp_path_factory.mktemp("html") / "report.html"
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(main, ["report", "corpus", "--format", "html", "-o", str(out)])
    finally:
        os.chdir(old)
    assert result.exit_code == 1, result.output
    return out


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made report of builders.py: three findings, one corroborated topic, 3 documents."""
    out = tmp_path_factory.mktemp("html") / "sample.html"
    out.write_text(render(sample_report(), "html"), encoding="utf-8")
    return out


def _cards(b: chromium.Browser, view: str) -> list[str]:
    """The text of each finding, chart or topic the view shows."""
    return list(
        b.js(
            "return Array.from(document.querySelectorAll(arguments[0])).map(function (e) { return e.textContent; })",
            f"#view-{view} .items > *:not(.empty)",
        )
    )


def _assert_clean(b: chromium.Browser, page: Path) -> None:
    """No console message at error level and no request but the page itself."""
    errors = [m for m in b.console() if m.get("level") in ("SEVERE", "ERROR")]
    assert errors == []
    requested = {url.split("#")[0] for url in b.requests()}
    assert requested == {page.resolve().as_uri()}


def test_bundled_report_loads_without_errors_or_requests(browser: chromium.Browser, bundled: Path) -> None:
    for view in VIEWS:
        browser.open(bundled, f"#view={view}")
        assert browser.js("return document.body.getAttribute('data-ready')") == "1"
        _assert_clean(browser, bundled)
        visible = browser.js(
            "return Array.from(document.querySelectorAll('section.view')).filter(function (s) {"
            " return !s.hidden; }).map(function (s) { return s.id; })"
        )
        assert visible == [f"view-{view}"]
    findings = browser.js(
        "return JSON.parse(document.getElementById('kcheck-data').textContent).findings.length"
    )
    browser.open(bundled, "#view=findings")
    assert len(_cards(browser, "findings")) == findings > 0
    browser.open(bundled, "#view=topics")
    assert browser.js("return document.querySelectorAll('#view-topics svg.chart circle').length") > 10


def test_screenshots_of_the_bundled_report(browser: chromium.Browser, bundled: Path) -> None:
    target = chromium.artifacts()
    shots = []
    for view, width in [("overview", 1280), ("findings", 1280), ("topics", 1280), ("findings", 390)]:
        browser.open(bundled, f"#view={view}", width=width)
        # usable at this width: nothing sticks out sideways
        assert browser.js("return document.documentElement.scrollWidth <= window.innerWidth + 1")
        shot = target / f"report-{view}-{width}.png"
        browser.screenshot(shot)
        shots.append(shot)
    assert all(s.stat().st_size > 10_000 for s in shots)


def test_filters_change_what_is_shown_and_live_in_the_url(browser: chromium.Browser, sample: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.open(sample, "#view=findings")
    assert len(_cards(browser, "findings")) == 3
    Select(browser.driver.find_element(By.NAME, "sev")).select_by_value("warning")
    cards = _cards(browser, "findings")
    assert len(cards) == 1 and "reused_figure" in cards[0]
    assert "sev=warning" in browser.js("return location.hash")
    shared = browser.js("return location.href")

    # a shared link restores the view and the form
    browser.open(sample)
    browser.driver.get(shared)
    assert len(_cards(browser, "findings")) == 1
    assert browser.js("return document.querySelector('select[name=sev]').value") == "warning"

    cases = {
        "#view=findings&check=date_mismatch": ["date_mismatch"],
        "#view=findings&sev=error": ["value_mismatch", "date_mismatch"],
        "#view=findings&q=1785.87": ["value_mismatch"],  # the mistyped figure
        "#view=findings&q=%E5%88%86%E6%89%8B": ["date_mismatch"],  # q=分手, in one sentence only
        "#view=findings&source=000_": ["value_mismatch", "date_mismatch"],
        "#view=findings&metric=gmv": ["value_mismatch", "reused_figure"],
        "#view=findings&entity=%E5%BF%AB%E6%89%8B&check=reused_figure": ["reused_figure"],  # 快手
        "#view=findings&entity=%E6%8A%96%E9%9F%B3": [],  # 抖音
        "#view=findings&sev=info": [],
        "#view=findings&status=baselined": [],
        "#view=findings&status=new&sev=warning": ["reused_figure"],
    }
    for fragment, expected in cases.items():
        browser.open(sample, fragment)
        cards = _cards(browser, "findings")
        assert len(cards) == len(expected), fragment
        assert all(kind in card for kind, card in zip(expected, cards, strict=True)), fragment

    browser.open(sample, "#view=topics")
    charts = _cards(browser, "topics")
    assert len(charts) == 3  # GMV over two quarters, its growth rate, the cut-off date
    browser.open(sample, "#view=topics&metric=%E6%96%AD%E5%A4%96%E9%93%BE")  # metric=断外链
    assert [c.split(" ")[0] for c in _cards(browser, "topics")] == ["快手"]
    assert "断外链" in _cards(browser, "topics")[0]
    browser.open(sample, "#view=topics&check=reused_figure")
    assert len(_cards(browser, "topics")) == 1

    # typing in the search box filters at once and updates the fragment
    browser.open(sample, "#view=corroborated")
    assert len(_cards(browser, "corroborated")) == 1
    browser.driver.find_element(By.NAME, "q").send_keys("86.05..")  # the growth rate's interval
    assert len(_cards(browser, "corroborated")) == 1
    assert "q=86.05.." in browser.js("return location.hash")
    browser.driver.find_element(By.NAME, "q").send_keys("9")
    assert len(_cards(browser, "corroborated")) == 0

    # tabs are links that keep the filters
    browser.driver.find_element(By.ID, "tab-documents").click()
    assert "view=documents" in browser.js("return location.hash")
    assert "q=86.05..9" in browser.js("return location.hash")
    _assert_clean(browser, sample)


def test_baselined_findings_are_marked(browser: chromium.Browser, tmp_path: Path) -> None:
    report = sample_report()
    marked = [report.conflicts[0].model_copy(update={"baselined": True}), *report.conflicts[1:]]
    page = tmp_path / "baselined.html"
    page.write_text(render(recount(report, marked), "html"), encoding="utf-8")
    browser.open(page, "#view=findings&status=baselined")
    (card,) = _cards(browser, "findings")
    assert "value_mismatch" in card and "baselined · suppressed" in card
    browser.open(page, "#view=findings&status=new")
    assert not [c for c in _cards(browser, "findings") if "baselined" in c]


def test_printing_shows_every_section_without_the_controls(browser: chromium.Browser, sample: Path) -> None:
    browser.open(sample, "#view=findings")
    browser.js("window.dispatchEvent(new Event('beforeprint'))")
    assert browser.js("return document.querySelectorAll('details.why:not([open])').length") == 0
    assert len(_cards(browser, "corroborated")) == 1  # every list is drawn, not only the open tab
    browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = browser.js(
            "return ['view-overview', 'view-findings', 'view-topics', 'filters'].map(function (id) {"
            " return getComputedStyle(document.getElementById(id)).display; })"
        )
    finally:
        browser.driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert shown[:3] == ["block", "block", "block"] and shown[3] == "none"


def _assert_inert(b: chromium.Browser, page: Path) -> None:
    assert b.js("return document.body.getAttribute('data-ready')") == "1", "the page's own script ran"
    assert b.js("return typeof window.__pwned") == "undefined"
    _assert_clean(b, page)
    bad = b.js(
        "return Array.from(document.querySelectorAll('*')).filter(function (e) {"
        " return Array.from(e.attributes).some(function (a) { return /^on/i.test(a.name); })"
        " || /^\\s*javascript:/i.test(e.getAttribute('href') || ''); }).map(function (e) { return e.outerHTML; })"
    )
    assert bad == []
    assert b.js("return document.querySelectorAll('script').length") == 2
    assert b.js("return document.querySelectorAll('img, iframe, textarea, svg:not(.chart)').length") == 0


def test_a_hostile_report_executes_nothing(browser: chromium.Browser, tmp_path: Path) -> None:
    page = tmp_path / "hostile.html"
    page.write_text(render(hostile(sample_report()), "html"), encoding="utf-8")
    for view in VIEWS:
        browser.open(page, f"#view={view}")
        _assert_inert(browser, page)
    browser.open(page, "#view=findings")
    # open every "why grouped", hover every chart mark's parent: still nothing runs
    browser.js("document.querySelectorAll('details').forEach(function (d) { d.open = true; })")
    text = browser.js("return document.getElementById('view-findings').innerText")
    for payload in (PAYLOADS[0], PAYLOADS[3], PAYLOADS[4], HOSTILE_DOC):
        assert payload in text
    browser.open(page, "#view=findings&q=" + "%3Cscript%3E")  # a search for <script>
    assert len(_cards(browser, "findings")) == 3
    _assert_inert(browser, page)
    browser.open(page, "#view=documents&source=__pwned%3D9")  # the hostile file name
    assert browser.js("return document.querySelectorAll('#view-documents tbody tr').length") == 1
    _assert_inert(browser, page)


def test_a_hostile_article_executes_nothing(browser: chromium.Browser, tmp_path: Path) -> None:
    """The same, through the real pipeline: payloads in a file name, front matter and text."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    title = "快手财报 " + PAYLOADS[0]
    body = "快手2021年第三季度电商交易总额（GMV）达到{}亿元，同比增长86.1%。 {}"
    (corpus / "a.md").write_text(
        f"---\ntitle: '{title}'\ndate: 2021-11-23\n---\n\n{body.format('1758.87', PAYLOADS[7])}\n",
        encoding="utf-8",
    )
    (corpus / '<img src=x onerror="window.__pwned=1">.md').write_text(
        f"---\ntitle: '{PAYLOADS[3]}'\ndate: 2021-12-01\n---\n\n{body.format('1958.87', PAYLOADS[3])}\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.html"
    old = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["report", "corpus", "--format", "html", "-o", str(out)])
    finally:
        os.chdir(old)
    assert result.exit_code == 1, result.output  # the GMV figures disagree
    for view in VIEWS:
        browser.open(out, f"#view={view}")
        _assert_inert(browser, out)
    browser.open(out, "#view=findings")
    text = browser.js("return document.getElementById('view-findings').innerText")
    assert '<img src=x onerror="window.__pwned=1">.md' in text


def test_a_finding_over_many_claims_shows_the_first_few(browser: chromium.Browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    report = sample_report()
    first = report.conflicts[0]
    copies = [
        c.model_copy(update={"id": f"{c.id}-{n}", "line": c.line + 100 * n})
        for n in range(3)
        for c in first.claims
    ]
    report = report.model_copy(update={"conflicts": [first.model_copy(update={"claims": copies})]})
    page = tmp_path / "many.html"
    page.write_text(render(report, "html"), encoding="utf-8")
    browser.open(page, "#view=findings")
    sides = "return document.querySelectorAll('#view-findings .side').length"
    assert browser.js(sides) == 4
    button = browser.driver.find_element(By.CSS_SELECTOR, "#view-findings .more-sides")
    assert button.text == "show the other 5 claims"
    button.click()
    assert browser.js(sides) == 9
    _assert_clean(browser, page)


def test_documents_follow_the_finding_filters(browser: chromium.Browser, sample: Path) -> None:
    rows = "return document.querySelectorAll('#view-documents tbody tr:not(:has(.empty))').length"
    browser.open(sample, "#view=documents")
    assert browser.js(rows) == 3
    browser.open(sample, "#view=documents&sev=warning")  # the reused figure: documents 001 and 005
    assert browser.js(rows) == 2
    browser.open(sample, "#view=documents&check=date_mismatch&source=000_")
    assert browser.js(rows) == 1
    browser.open(sample, "#view=documents&sev=info")
    assert browser.js(rows) == 0


def test_the_real_articles_report_loads_clean(browser: chromium.Browser, tmp_path: Path) -> None:
    corpus = ROOT.parent / "shared" / "realnews" / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/realnews/corpus is not here")
    out = tmp_path / "realnews.html"
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        result = CliRunner().invoke(main, ["report", str(corpus), "--format", "html", "-o", str(out)])
    finally:
        os.chdir(old)
    assert result.exit_code in (0, 1), result.output
    for view in VIEWS:
        browser.open(out, f"#view={view}")
        assert browser.js("return document.body.getAttribute('data-ready')") == "1"
        _assert_clean(browser, out)
    browser.open(out, "#view=topics")
    assert browser.js("return document.querySelectorAll('#view-topics svg.chart').length") > 0

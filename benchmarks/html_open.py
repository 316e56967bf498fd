"""How fast the HTML report opens in headless Chromium (not run in CI).

Writes `kcheck report --format html` pages for the bundled corpus (the baseline), the real
articles in ../shared/realnews/corpus (when present) and a synthetic archive of 10,000
articles (benchmarks/report.py's generator), then opens each in Debian's headless Chromium
several times through selenium and prints, per page, its size and the median time from
navigation start to

- ``ready``: the page's script has parsed the data and drawn the first view (the
  ``kcheck-ready`` performance mark), which is when an editor can read it;
- ``load``: the load event has finished;

with the ratio against the bundled corpus's page, measured in the same run. The target is
that every page is ready and loaded in under 2 seconds.

    python benchmarks/html_open.py
    python benchmarks/html_open.py --articles 2000 --runs 3 --views findings,topics
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from kcheck.pipeline import Settings, run
from kcheck.report.html import RunInfo, render
from kcheck.rules import load_rules
from report import build  # benchmarks/report.py: the synthetic corpus generator

ROOT = Path(__file__).resolve().parents[1]
REALNEWS = ROOT.parent / "shared" / "realnews" / "corpus"
sys.path.insert(0, str(ROOT / "tests" / "report"))
from chromium_flags import FLAGS  # noqa: E402  (shared with the browser tests)

TIMING = """
var nav = performance.getEntriesByType('navigation')[0];
var ready = performance.getEntriesByName('kcheck-ready')[0];
return [ready ? ready.startTime : null, nav.loadEventEnd, document.querySelectorAll('.items > *').length];
"""


@dataclass
class Page:
    name: str
    path: Path
    findings: int
    charts: int
    mb: float
    ready: dict[str, float] = field(default_factory=dict)  # view -> median seconds
    load: dict[str, float] = field(default_factory=dict)


def write_page(name: str, corpus: Path, out: Path) -> Page:
    rules = load_rules(ROOT / "rules")
    start = time.perf_counter()
    report = run(Settings(paths=(str(corpus),)), rules)
    text = render(report, run=RunInfo(paths=(str(corpus),), cwd=str(ROOT), output_dir=str(out.parent)))
    out.write_text(text, encoding="utf-8")
    print(f"  {name}: checked and rendered in {time.perf_counter() - start:.1f}s", file=sys.stderr)
    data = json.loads(text.split('id="kcheck-data">', 1)[1].split("</script>", 1)[0])
    return Page(name, out, len(data["findings"]), len(data["series"]), out.stat().st_size / 1e6)


def open_times(pages: list[Page], runs: int, views: list[str]) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not chromium or not driver:
        sys.exit("needs chromium and chromedriver on PATH (apt-get install chromium chromium-driver)")
    with tempfile.TemporaryDirectory(prefix="kcheck-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in [*FLAGS, f"--user-data-dir={profile}", "--window-size=1280,900"]:
            options.add_argument(flag)
        browser = webdriver.Chrome(options=options, service=Service(driver))
        try:
            for page in pages:
                for view in views:
                    ready, load = [], []
                    for _ in range(runs + 1):  # the first open warms the disk cache and is dropped
                        browser.get("about:blank")
                        browser.get(page.path.as_uri() + f"#view={view}")
                        r, lo, shown = browser.execute_script(TIMING)
                        if r is None or (view != "overview" and not shown):
                            sys.exit(f"{page.name}: the page did not render (no kcheck-ready mark)")
                        ready.append(r / 1000)
                        load.append(lo / 1000)
                    page.ready[view] = statistics.median(ready[1:])
                    page.load[view] = statistics.median(load[1:])
                    print(
                        f"  {page.name} #view={view}: ready {page.ready[view]:.2f}s, load {page.load[view]:.2f}s",
                        file=sys.stderr,
                    )
        finally:
            browser.quit()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="size of the synthetic archive")
    parser.add_argument("--runs", type=int, default=5, help="opens per page (median)")
    parser.add_argument("--views", default="overview,findings,topics", help="the views to open the page on")
    parser.add_argument("--seed", type=int, default=20220301)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kcheck-html-bench-") as tmp:
        root = Path(tmp)
        pages = [write_page("bundled corpus (baseline)", ROOT / "corpus", root / "bundled.html")]
        if REALNEWS.is_dir():
            pages.append(write_page("shared/realnews/corpus", REALNEWS, root / "realnews.html"))
        start = time.perf_counter()
        build(root, args.articles, 12, args.seed, load_rules(ROOT / "rules"))
        print(f"  built {args.articles} articles in {time.perf_counter() - start:.1f}s", file=sys.stderr)
        pages.append(
            write_page(f"synthetic, {args.articles:,} articles", root / "all", root / "synthetic.html")
        )
        views = args.views.split(",")
        open_times(pages, args.runs, views)
    base = pages[0]
    print("| page | MB | findings | charts | view | ready s | x ready | load s | x load | under 2 s |")
    print("|---|---:|---:|---:|---|---:|---:|---:|---:|---|")
    for p in pages:
        for view in views:
            ready, load = p.ready[view], p.load[view]
            ok = "yes" if max(ready, load) < 2 else "NO"
            print(
                f"| {p.name} | {p.mb:.1f} | {p.findings:,} | {p.charts:,} | {view} | {ready:.2f} | "
                f"{ready / base.ready[view]:.1f} | {load:.2f} | {load / base.load[view]:.1f} | {ok} |"
            )
    print(
        f"\n(median of {args.runs} opens per view after one warm-up; x = ratio against the baseline's view)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

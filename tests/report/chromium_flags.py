"""The command-line flags every headless Chromium kcheck starts gets: the browser tests
(tests/report/browser.py) and the page-opening benchmark (benchmarks/html_open.py) share them.

Root in a container needs --no-sandbox; the rest keep Chromium from talking to Google on its
own, so that every network request the log shows comes from the page."""

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

"""Headless Chromium through selenium, for the html report's browser tests.

Debian's ``chromium`` and ``chromium-driver`` (installed by .ci/run); KCHECK_CHROMIUM and
KCHECK_CHROMEDRIVER point elsewhere. Without them the tests skip, except under CI=true,
where they fail: a broken install must not pass as "skipped".
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .chromium_flags import FLAGS


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI=true but {reason}: .ci/run installs chromium and chromium-driver")
    pytest.skip(f"{reason} (apt-get install chromium chromium-driver to run the browser tests)")


def find() -> tuple[str, str]:
    """(chromium, chromedriver) paths, or skip/fail."""
    chromium = (
        os.environ.get("KCHECK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    )
    driver = os.environ.get("KCHECK_CHROMEDRIVER") or shutil.which("chromedriver")
    if not chromium:
        _missing("no chromium executable on PATH")
    if not driver:
        _missing("no chromedriver executable on PATH")
    assert chromium and driver
    return chromium, driver


class Browser:
    """One Chromium for the session; each ``open`` starts from a blank page with empty logs."""

    def __init__(self, chromium: str, driver: str, profile: str) -> None:
        try:
            from selenium import webdriver
            from selenium.webdriver.chrome.service import Service
        except ImportError:
            _missing("selenium is not installed")
        options = webdriver.ChromeOptions()
        options.binary_location = chromium
        for flag in [*FLAGS, f"--user-data-dir={profile}", "--window-size=1280,900"]:
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        # an explicit driver path: Selenium Manager never goes looking on the network
        self.driver = webdriver.Chrome(options=options, service=Service(driver))

    def open(self, path: Path, fragment: str = "", width: int = 1280) -> None:
        self.driver.set_window_size(width, 900)
        self.driver.get("about:blank")
        self.driver.get_log("browser")
        self.driver.get_log("performance")
        self.driver.get(path.resolve().as_uri() + fragment)

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def console(self) -> list[dict[str, Any]]:
        """Console messages and page errors since ``open``."""
        return list(self.driver.get_log("browser"))

    def requests(self) -> list[str]:
        """URLs the page asked for since ``open`` (Chrome DevTools Network events)."""
        urls = []
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                urls.append(message["params"]["request"]["url"])
        return urls

    def screenshot(self, target: Path, max_height: int = 6000) -> None:
        """The whole page (down to ``max_height`` CSS pixels) as PNG, beyond the window."""
        size = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], max_height), "scale": 1}
        shot = self.driver.execute_cdp_cmd(
            "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(shot["data"]))

    def quit(self) -> None:
        self.driver.quit()


def session() -> Iterator[Browser]:
    chromium, driver = find()
    with tempfile.TemporaryDirectory(prefix="kcheck-chromium-") as profile:
        browser = Browser(chromium, driver, profile)
        try:
            yield browser
        finally:
            browser.quit()


def artifacts() -> Path:
    """Where screenshots go: $KCHECK_ARTIFACTS, else tests/artifacts/ (git-ignored)."""
    return Path(os.environ.get("KCHECK_ARTIFACTS") or Path(__file__).resolve().parents[1] / "artifacts")

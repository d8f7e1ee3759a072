"""Headless Chromium for the browser tests: Debian's /usr/bin/chromium driven by Playwright,
with every request that is not to a file or to the loopback interface blocked and recorded."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = "/usr/bin/chromium"
#: Without the background-networking flags Chromium stalls on a closed network.
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LOOPBACK = {"127.0.0.1", "localhost", "::1", "[::1]"}

needs_browser = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="Chromium is not installed (scripts/setup.sh installs it)")


class Page:
    """A browser page with what happened on it: dialogs opened, requests blocked, errors."""

    def __init__(self, page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.blocked: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def _route(page: Page):
    def handle(route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("file", "data", "about") or (
                parts.scheme in ("http", "https", "ws") and parts.hostname in LOOPBACK):
            route.continue_()
        else:
            page.blocked.append(url)
            route.abort()
    return handle


@contextmanager
def browser_page(width: int = 1280, height: int = 900):
    """A fresh Chromium page (temporary profile) that cannot reach the network."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with tempfile.TemporaryDirectory(prefix="crossbearing-chromium-") as profile, \
            sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport={"width": width, "height": height}, env={**os.environ, "TZ": "UTC"})
        try:
            page = Page(context.new_page())
            context.route("**/*", _route(page))
            yield page
        finally:
            context.close()


#: JavaScript that lists what the hostile article tried to inject into a page.
INJECTED = r"""() => ({
  scripts: Array.from(document.scripts).filter(s => s.type !== "application/json").length,
  pwned: typeof window.__pwned !== "undefined",
  javascriptLinks: Array.from(document.querySelectorAll("a[href]"))
      .filter(a => (a.getAttribute("href") || "").replace(/[\s\x00-\x20]/g, "")
          .toLowerCase().startsWith("javascript:")).length,
  handlers: Array.from(document.querySelectorAll("*")).filter(
      el => Array.from(el.attributes).some(a => a.name.startsWith("on"))).length,
  foreign: document.querySelectorAll("img, iframe, object, embed, style:not(head style)").length,
})"""

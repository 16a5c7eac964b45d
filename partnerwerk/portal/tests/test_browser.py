"""The map in a real browser: markers drawn, keyboard-focusable, no CSP violations.

Needs Debian's chromium and the copied front-end files; `make test` provides both.
"""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
VENDOR = Path(settings.BASE_DIR) / "partnerwerk" / "static" / "vendor" / "leaflet" / "leaflet.js"


@pytest.fixture(autouse=True)
def _browser_and_vendor_files():
    assert CHROMIUM, "Browser tests need Debian's chromium (make test installs it)."
    assert VENDOR.exists(), "The front-end files are missing: run `npm ci && npm run vendor`."


def render(url: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=8000",
            "--dump-dom",
            url,
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )


@pytest.mark.django_db(transaction=True)
def test_the_map_draws_a_focusable_marker_per_partner_city(live_server, kumasi):
    result = render(live_server.url + "/en/")
    dom = result.stdout
    assert 'id="partner-map"' in dom
    assert "leaflet-container" in dom, result.stderr[-2000:]
    assert dom.count("partner-marker") >= 1
    assert 'aria-label="Kumasi: climate partnership (active)"' in dom
    assert 'tabindex="0"' in dom
    assert "Content Security Policy" not in result.stderr

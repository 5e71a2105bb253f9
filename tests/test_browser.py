"""A real browser against ``streamlit run app.py``: Debian's Chromium driven by Playwright.

Skips with a clear reason when Chromium is not installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from tests.conftest import ROOT, SAMPLE

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    env = os.environ | {"SPREIDING_DB": str(tmp_path / "db.sqlite3")}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.kill()
        pytest.fail("streamlit did not start: " + proc.stdout.read().decode()[-2000:])
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def test_upload_and_manual_scenario_in_a_real_browser(server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    from calculator.validate import load
    from dashboard.formatting import percent
    from optimizer.scenario import manual_scenario

    expected = (
        manual_scenario(load(SAMPLE), 2025)
        .capacity_after.hospitals.set_index("hospital_id")
        .loc["ACR", "or_utilisation"]
    )
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        started = time.monotonic()
        page.goto(server)
        page.get_by_text("Pagina").wait_for(timeout=60_000)
        page.get_by_text("Data", exact=True).first.click()
        page.locator("input[type=file]").set_input_files(str(SAMPLE))
        expect(page.get_by_text("regio_voorbeeld.xlsx").first).to_be_visible(timeout=60_000)
        page.get_by_text("Scenario", exact=True).first.click()
        metric = page.locator("[data-testid=stMetric]").filter(has_text="ACR").first
        expect(metric).to_contain_text(percent(expected), timeout=60_000)
        page.wait_for_timeout(1500)
        shot = tmp_path / "scenario.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        print(f"first scenario figure after {time.monotonic() - started:.1f} s; {shot}")
        browser.close()

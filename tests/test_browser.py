"""A real browser against ``streamlit run app.py``: Debian's Chromium driven by Playwright.

One server and one Chromium serve both tests of this module (starting them is most of a browser
test's cost): the board story, then a hostile upload (issue 21) in two sessions of that server.
Skips with a clear reason when Chromium is not installed (``.ci/run`` installs it).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from messages.dashboard import TEXTS
from tests.conftest import ROOT, SAMPLE
from tests.corner_cells import corner_workbook

BOARD_WAIT = 10_000  # a board member sees the region map and its euro figures within 10 s
ALWAYS_SHOT = {"regio_nl", "scenario_nl", "optimiser_nl", "regio_en"}
COLD_WAIT = 60_000  # the first session of a fresh server also imports pandas, altair, …
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


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    env = os.environ | {"SPREIDING_DB": str(tmp_path_factory.mktemp("server") / "db.sqlite3")}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "serve.py"),  # app.py, with the start-up cache
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
    deadline = time.monotonic() + 180  # seen above 60 s on a machine loaded 10 times over
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


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def shoot(page, folder: Path, name: str) -> Path | None:
    """A full-page screenshot of the main pages, and of every page when $SPREIDING_SCREENSHOTS
    names a folder to keep them in (to look at)."""
    if name not in ALWAYS_SHOT and not os.environ.get("SPREIDING_SCREENSHOTS"):
        return None
    page.wait_for_timeout(1500)  # a dataframe needs a moment after it appears to show its rows
    shot = folder / f"{name}.png"
    # the main area scrolls inside the page: make the window as tall as its content
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(max(int(height), 1000), 8000)})
    page.wait_for_timeout(1000)
    page.screenshot(path=str(shot), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 1000})
    assert shot.stat().st_size > 10_000
    if os.environ.get("SPREIDING_SCREENSHOTS"):
        keep = Path(os.environ["SPREIDING_SCREENSHOTS"])
        keep.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, keep / shot.name)
    return shot


def goto(page, title: str) -> None:
    """Open a page from the sidebar. A click that lands while the app is still rerunning (after
    an upload, on a loaded machine) can be lost: click again until the address is the page's."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    link = page.locator("[data-testid=stSidebarNav]").get_by_role("link", name=title, exact=True)
    address = link.get_attribute("href")
    opened = re.compile(re.escape(address) + r"(\?.*)?$")  # the workbook token may follow
    for _ in range(3):
        link.click()
        try:
            page.wait_for_url(opened, timeout=20_000)
            return
        except PlaywrightTimeout:
            continue
    raise AssertionError(f"page {title!r} did not open ({address})")


def finished(page) -> None:
    """Wait until the page's script run has ended: Streamlit marks its root element with the
    run's state, and sends that state after every element of the run."""
    from playwright.sync_api import expect

    app = page.locator("[data-testid=stApp]")
    expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=60_000)


def dutch_only_texts() -> list[re.Pattern[str]]:
    """Dashboard texts whose Dutch differs from every English text (whole words, without
    placeholders), as patterns to look for on a page in English."""
    english = " ".join(e["en"] for e in TEXTS.values())
    return [
        re.compile(rf"\b{re.escape(e['nl'])}\b")
        for e in TEXTS.values()
        if "{" not in e["nl"] and len(e["nl"]) > 3 and e["nl"] != e["en"] and e["nl"] not in english
    ]


def test_the_board_story_in_a_real_browser(server, browser, tmp_path):
    from playwright.sync_api import expect

    from calculator.validate import load
    from dashboard.formatting import percent
    from optimizer.scenario import manual_scenario

    expected = (
        manual_scenario(load(SAMPLE), 2025)
        .capacity_after.hospitals.set_index("hospital_id")
        .loc["ACR", "or_utilisation"]
    )
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    started = time.monotonic()
    page.goto(server)
    region_map = page.locator(".vega-embed canvas, .vega-embed svg").first
    settled = page.locator("[data-testid=stMetric]").filter(has_text="Verrekend")
    expect(region_map).to_be_visible(timeout=COLD_WAIT)
    expect(settled).to_contain_text("€ ", timeout=COLD_WAIT)
    cold = time.monotonic() - started
    # a new session (a board member opening the link): map and euro figures within 10 s
    started = time.monotonic()
    page.reload()
    expect(region_map).to_be_visible(timeout=BOARD_WAIT)
    expect(settled).to_contain_text("€ ", timeout=BOARD_WAIT)
    warm = time.monotonic() - started
    print(f"first chart: cold {cold:.1f} s, new session {warm:.1f} s")
    shoot(page, tmp_path, "regio_nl")

    goto(page, "Data")
    page.locator("input[type=file]").set_input_files(str(SAMPLE))
    expect(page.get_by_text("regio_voorbeeld.xlsx").first).to_be_visible(timeout=60_000)
    shoot(page, tmp_path, "data_nl")

    goto(page, "Scenario")
    expect(page.get_by_text("Er verschuift nog niets").first).to_be_visible(timeout=60_000)
    page.get_by_text("Begin met de geplande aandelen").click()
    expect(page.get_by_text("Wie wint, wie verliest").first).to_be_visible(timeout=60_000)
    page.get_by_text("Details: OK-bezetting").click()
    metric = page.locator("[data-testid=stMetric]").filter(has_text="ACR").first
    expect(metric).to_contain_text(percent(expected), timeout=60_000)
    shoot(page, tmp_path, "scenario_nl")

    page.get_by_role("tab", name="Geoptimaliseerd").click()
    page.get_by_role("button", name="Optimaliseren").click()
    # the sample's 2025 agreements cannot meet every norm: the optimiser proposes new ones
    expect(page.get_by_text("Voorgestelde nieuwe afspraken").first).to_be_visible(timeout=120_000)
    expect(page.get_by_text("Wie wint, wie verliest").last).to_be_visible(timeout=30_000)
    shoot(page, tmp_path, "optimiser_nl")
    # the deal's terms under the plan, then the plan saved and taken to the board
    expect(page.get_by_text("Voorwaarden per afspraak").first).to_be_visible(timeout=60_000)
    save_the_plan(page, "Regioplan 2025", "Scenario bewaren", "Bewaard")
    goto(page, "Scenario's vergelijken")
    finished(page)
    words = board_pack_text(page, "Bestuursdocument van 'Regioplan 2025' (PDF)", tmp_path)
    # the plan saved is the optimiser's: the region gains € 118.514 a year (as optimize says)
    assert "+€ 118.514" in words and "Businesscase 2025–2029" in words
    assert "het scenario 'Regioplan 2025'" in words

    for title, heading, name in [
        ("Uitgangssituatie", "Uitgangssituatie", "baseline_nl"),
        ("Verrekening", "Verrekening", "settlement_nl"),
        ("Scenario's vergelijken", "Scenario's vergelijken", "compare_nl"),
    ]:
        goto(page, title)
        expect(page.locator("[data-testid=stHeading]").first).to_contain_text(heading)
        finished(page)  # the rest of the page below its heading
        expect(page.locator("[data-testid=stException]")).to_have_count(0)
        shoot(page, tmp_path, name)

    page.locator("[data-testid=stSidebar]").get_by_text("English").click()
    expect(page.get_by_text("Compare scenarios").first).to_be_visible(timeout=30_000)
    dutch = dutch_only_texts()
    for title, heading, name in [
        ("Scenario", "Scenario", "scenario_en"),
        ("Region", "The region", "regio_en"),
        ("Baseline", "Baseline", "baseline_en"),
        ("Settlement", "Settlement", "settlement_en"),
        ("Compare scenarios", "Compare scenarios", "compare_en"),
        ("Data", "Data", "data_en"),
    ]:
        goto(page, title)
        expect(page.locator("[data-testid=stHeading]").first).to_contain_text(heading)
        finished(page)  # the rest of the page below its heading
        expect(page.locator("[data-testid=stException]")).to_have_count(0)
        shoot(page, tmp_path, name)
        body = page.locator("[data-testid=stMain]").inner_text()
        body += page.locator("[data-testid=stSidebar]").inner_text()
        found = [text.pattern for text in dutch if text.search(body)]
        assert found == [], (title, found)
    # the board meeting again in English: optimise, the terms, save, compare, the pack
    goto(page, "Scenario")
    page.get_by_role("tab", name="Optimised").click()
    page.get_by_role("button", name="Optimise").click()
    expect(page.get_by_text("Terms per agreement").first).to_be_visible(timeout=120_000)
    save_the_plan(page, "Regional plan", "Save scenario", "Saved as")
    goto(page, "Compare scenarios")
    finished(page)
    words = board_pack_text(page, "Board pack of 'Regional plan' (PDF)", tmp_path)
    assert "+€ 118,514" in words and "Business case 2025–2029" in words
    assert "the scenario 'Regional plan'" in words
    page.close()


def save_the_plan(page, name: str, button: str, confirmation: str) -> None:
    """Save the plan on screen under ``name`` with the optimised tab's form (the visible one)."""
    from playwright.sync_api import expect

    form = page.locator("[data-testid=stForm]:visible").last
    form.get_by_role("textbox").fill(name)
    form.get_by_role("button", name=button).click()
    expect(page.get_by_text(confirmation).first).to_be_visible(timeout=30_000)


def board_pack_text(page, label: str, folder: Path) -> str:
    """Press the board pack's download button and read the PDF as a reader would
    (``pdftotext``; its words on one line)."""
    with page.expect_download(timeout=120_000) as download:
        page.get_by_role("button", name=label).click()
    pdf = folder / download.value.suggested_filename
    download.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    read = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    return " ".join(read.stdout.split())


def test_a_corner_cell_upload_stops_no_other_session(server, browser, tmp_path):
    """A hostile upload in a real browser (issue 21): the corner-cell workbook is refused for the
    session that uploads it, while a second session of the same server keeps working."""
    from playwright.sync_api import expect

    hostile = corner_workbook(tmp_path, "lower_case")
    attacker = browser.new_context().new_page()
    colleague = browser.new_context().new_page()
    for page in (attacker, colleague):
        page.set_viewport_size({"width": 1400, "height": 1000})
        page.goto(server)
        expect(page.locator("[data-testid=stMetric]").first).to_be_visible(timeout=COLD_WAIT)
    goto(attacker, "Data")
    attacker.locator("input[type=file]").set_input_files(str(hostile))
    expect(attacker.get_by_text("is niet ingelezen").first).to_be_visible(timeout=60_000)
    # the other session still works: it uploads the sample and sees it in use
    goto(colleague, "Data")
    colleague.locator("input[type=file]").set_input_files(str(SAMPLE))
    expect(colleague.get_by_text("regio_voorbeeld.xlsx").first).to_be_visible(timeout=60_000)
    with urllib.request.urlopen(f"{server}/_stcore/health", timeout=5) as health:
        assert health.status == 200
    for page in (attacker, colleague):
        page.context.close()

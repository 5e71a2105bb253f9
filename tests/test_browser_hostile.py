"""A hostile upload in a real browser (issue 21): the corner-cell workbook is refused for the
session that uploads it, while a second session of the same server keeps working."""

from __future__ import annotations

import urllib.request

import pytest

from tests.conftest import SAMPLE
from tests.corner_cells import corner_workbook
from tests.test_browser import CHROMIUM, COLD_WAIT, FLAGS, goto, server  # noqa: F401

pytestmark = [pytest.mark.browser]


def test_a_corner_cell_upload_stops_no_other_session(server, tmp_path):  # noqa: F811
    from playwright.sync_api import expect, sync_playwright

    hostile = corner_workbook(tmp_path, "lower_case")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
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
        browser.close()

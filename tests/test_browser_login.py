"""The login in a real browser: ``streamlit run app.py`` with an ``[auth]`` section against a
local OpenID Connect provider (``oidc-provider-mock``) started by the test, a roles file with two
hospitals, and Debian's Chromium. Each user signs in through the provider's form and sees what
their role allows: their own hospital in the sidebar, their own scenarios and the shared ones;
a user without a role sees nothing of the region."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request

import pandas as pd
import pytest

from dashboard.audit import entries
from dashboard.store import ScenarioStore
from tests.conftest import ROOT
from tests.test_browser import CHROMIUM, COLD_WAIT, FLAGS, free_port, goto

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not os.path.exists(CHROMIUM),
        reason="Debian's chromium is not installed (apt-get install chromium)",
    ),
]
ROLES = """
[[user]]
email = "anna@rsz.nl"
role = "hospital"
hospital_id = "RSZ"

[[user]]
email = "bram@mog.nl"
role = "hospital"
hospital_id = "MOG"
"""


def summary(hospital: str) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "hospital_id": hospital,
                "or_utilisation": 0.8,
                "norms_met": 1,
                "norms_total": 2,
                "margin_cents_after": 100,
            }
        ]
    )


def started(proc: subprocess.Popen, url: str) -> None:
    """Wait until ``url`` answers (60 s at most); fail with the process's output otherwise."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    proc.kill()
    assert proc.stdout is not None
    pytest.fail(f"{url} did not start: " + proc.stdout.read().decode()[-2000:])


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture
def region(tmp_path):
    """The OpenID provider and the dashboard with a login, its roles file and a store with one
    private scenario of each hospital and one of MOG shared with the region."""
    store = tmp_path / "db.sqlite3"
    ScenarioStore(store, owner="anna@rsz.nl").save("RSZ eigen", 2025, "manual", "-", summary("RSZ"))
    mog = ScenarioStore(store, owner="bram@mog.nl")
    mog.save("MOG eigen", 2025, "manual", "-", summary("MOG"))
    mog.save("MOG gedeeld", 2025, "manual", "-", summary("MOG"), shared=True)
    roles = tmp_path / "rollen.toml"
    roles.write_text(ROLES, encoding="utf-8")
    issuer = f"http://localhost:{free_port()}"
    provider = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--port", issuer.rsplit(":", 1)[1]],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    started(provider, f"{issuer}/.well-known/openid-configuration")
    url = f"http://127.0.0.1:{free_port()}"
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(  # as the README's "Deploying for a region" has it
        f'roles_file = "{roles}"\n'
        "[auth]\n"
        f'redirect_uri = "{url}/oauth2callback"\n'
        'cookie_secret = "a-test-only-cookie-secret-of-enough-length"\n'
        'client_id = "spreiding"\n'
        'client_secret = "test-only"\n'
        f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    env = os.environ | {
        "SPREIDING_DB": str(store),
        "SPREIDING_AUDIT_DB": str(tmp_path / "audit.sqlite3"),
    }
    dashboard = subprocess.Popen(
        [
            sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
            "--server.port", url.rsplit(":", 1)[1], "--server.headless", "true",
            "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
            "--secrets.files", str(secrets),
        ],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        started(dashboard, f"{url}/_stcore/health")
        yield url, tmp_path / "audit.sqlite3"
    finally:
        stop(dashboard)
        stop(provider)


def sign_in(browser, url: str, email: str):
    """A new browser (its own cookies) signed in as ``email`` through the provider's form."""
    from playwright.sync_api import expect

    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(url)
    expect(page.get_by_text("vraagt om in te loggen")).to_be_visible(timeout=COLD_WAIT)
    page.get_by_role("button", name="Inloggen").click()
    page.locator("input[name=sub]").fill(email)
    page.get_by_role("button", name="Authorize").click()
    return page


def test_two_hospitals_sign_in_and_see_their_own(region):
    from playwright.sync_api import expect, sync_playwright

    url, audit_log = region
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        seen = {}
        for email, hospital in (("anna@rsz.nl", "RSZ"), ("bram@mog.nl", "MOG")):
            page = sign_in(browser, url, email)
            sidebar = page.locator("[data-testid=stSidebar]")
            expect(sidebar).to_contain_text(f"Ingelogd als {email} (ziekenhuis {hospital})",
                                            timeout=COLD_WAIT)  # fmt: skip
            goto(page, "Scenario's vergelijken")
            chosen = page.locator("[data-testid=stMultiSelect]")
            expect(chosen).to_contain_text("MOG gedeeld", timeout=COLD_WAIT)
            seen[hospital] = chosen.inner_text()
        assert "RSZ eigen" in seen["RSZ"] and "MOG eigen" not in seen["RSZ"]
        assert "MOG eigen" in seen["MOG"] and "RSZ eigen" not in seen["MOG"]

        stranger = sign_in(browser, url, "eve@elders.nl")
        expect(stranger.get_by_text("heeft geen rol in dit dashboard")).to_be_visible(
            timeout=COLD_WAIT
        )
        assert stranger.locator("[data-testid=stSidebarNav]").count() == 0
        browser.close()
    logins = entries(audit_log).query("action.str.startswith('login')")
    assert logins[["user", "action", "subject"]].values.tolist() == [
        ["anna@rsz.nl", "login", "hospital RSZ"],
        ["bram@mog.nl", "login", "hospital MOG"],
        ["eve@elders.nl", "login_refused", "eve@elders.nl"],
    ]

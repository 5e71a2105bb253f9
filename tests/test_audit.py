"""The audit log, the retention of uploads and the local mode of the dashboard (issue 21,
item 5, without the login: the user is ``lokaal``)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.audit import entries, record
from tests.conftest import ROOT, SAMPLE, tiny_sheets, write_xlsx
from tests.test_app import all_text, goto, save, upload

APP = str(ROOT / "app.py")


@pytest.fixture
def logged(tmp_path, monkeypatch):
    monkeypatch.setenv("SPREIDING_DB", str(tmp_path / "scenarios.sqlite3"))
    monkeypatch.setenv("SPREIDING_AUDIT_DB", str(tmp_path / "audit.sqlite3"))
    return tmp_path / "audit.sqlite3"


def test_uploads_saves_deletes_and_downloads_are_logged_without_data(logged, tmp_path):
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    assert "Lokaal gebruik: zonder inlog" in all_text(app)
    goto(app, "data")
    bad = tiny_sheets()
    bad["hospitals"].loc[0, "type"] = "kliniek"
    upload(app, "fout.xlsx", write_xlsx(tmp_path / "fout.xlsx", bad).read_bytes())
    app.run()  # a rerun with the same refused file is not a second upload
    upload(app, "eigen.xlsx", SAMPLE.read_bytes())
    goto(app, "scenario")
    app.toggle(key="planned_shares").set_value(True).run()
    save(app, "Plan A")
    goto(app, "vergelijken")
    app.selectbox(key="delete_name").set_value("Plan A").run()
    app.button(key="delete").click().run()
    app.button(key="delete_yes").click().run()
    log = entries(logged)
    assert log["action"].tolist() == ["upload_refused", "upload", "save", "delete"]
    assert set(log["user"]) == {"lokaal"}
    assert log["subject"].iloc[0] == "fout.xlsx (1 problems)"
    assert log["subject"].iloc[1].startswith("eigen.xlsx (SHA-256 ")
    assert log["subject"].iloc[2] == "Plan A (manual, 2025)"
    registrations = app.session_state["book"][0]
    assert registrations and not any("P-" in s for s in log["subject"])  # no pseudonyms


def test_an_unknown_action_is_a_bug(logged):
    with pytest.raises(ValueError):
        record("login_attempt", "x")


def test_an_upload_older_than_the_retention_is_gone_after_a_reload(logged, monkeypatch):
    monkeypatch.setenv("SPREIDING_RETENTION_DAYS", "0")
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    goto(app, "data")
    upload(app, "eigen.xlsx", SAMPLE.read_bytes())
    assert "In gebruik: eigen.xlsx" in all_text(app)  # this session keeps its workbook
    again = AppTest.from_file(APP, default_timeout=120)
    again.query_params["werkmap"] = app.query_params["werkmap"]
    again.run()
    assert "niet meer beschikbaar" in all_text(again)


def test_a_download_is_logged(logged):
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    goto(app, "data")
    template = next(d for d in app.get("download_button") if d.proto.id.endswith("template"))
    template.click().run()
    assert entries(logged)[["user", "action", "subject"]].values.tolist() == [
        ["lokaal", "download", "template"]
    ]

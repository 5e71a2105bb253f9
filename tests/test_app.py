"""Streamlit AppTest tests for every page of the dashboard."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT, SAMPLE, write_xlsx

APP = str(ROOT / "app.py")
PAGES = ["page_data", "page_baseline", "page_scenario", "page_settlement", "page_compare"]


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("SPREIDING_DB", str(tmp_path / "scenarios.sqlite3"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def goto(at: AppTest, page: str) -> AppTest:
    at.sidebar.radio(key="page").set_value(page).run()
    assert not at.exception, at.exception
    return at


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption]
    parts += [s.value for s in at.success] + [e.value for e in at.error]
    parts += [w.value for w in at.warning] + [i.value for i in at.info]
    parts += [h.value for h in at.header] + [h.value for h in at.subheader]
    return "\n".join(str(p) for p in parts)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_on_the_sample(app, page):
    goto(app, page)
    assert app.header[0].value


def test_opens_on_the_sample_in_dutch(app):
    text = all_text(app)
    assert "Voorbeeldregio" in text
    app.sidebar.radio(key="lang").set_value("en").run()
    assert "Sample region" in all_text(app)


def test_baseline_shows_charts_and_money(app):
    goto(app, "page_baseline")
    assert len(app.get("vega_lite_chart")) >= 2
    money = app.dataframe[-1].value
    assert money.iloc[:, 1].str.startswith("€").all()


def test_changing_the_year_changes_the_figures(app):
    goto(app, "page_baseline")
    before = app.dataframe[-1].value.copy()
    app.sidebar.selectbox(key="year").set_value(2026).run()
    assert not app.exception
    assert "2026" in app.header[0].value
    assert not before.equals(app.dataframe[-1].value)


def test_scenario_shows_before_and_after(app):
    goto(app, "page_scenario")
    assert len(app.get("vega_lite_chart")) >= 5
    margins = app.dataframe[1].value
    assert list(margins.columns) == [
        "Ziekenhuis",
        "Marge voor",
        "Marge na",
        "Verandering van de marge",
    ]


def test_optimiser_runs_and_explains_infeasibility(app):
    goto(app, "page_scenario")
    app.sidebar.selectbox(key="year").set_value(2026).run()
    app.button(key="run").click().run()
    assert not app.exception
    assert "optimal" in all_text(app)
    app.number_input(key="norm_value_rectumcarcinoom").set_value(40).run()
    app.button(key="run").click().run()
    text = all_text(app)
    assert "niet haalbaar" in text and "rectumcarcinoom" in text and "norm 40" in text


def test_settlement_page_lists_exceptions_and_offers_the_workbook(app):
    goto(app, "page_settlement")
    assert "in orde" in all_text(app)
    exceptions = [d.value for d in app.dataframe if "Soort" in d.value.columns]
    assert exceptions and {"odv_unmatched", "double_declaration"} <= set(exceptions[0]["Soort"])
    app.radio(key="source").set_value("volumes").run()
    assert not app.exception


def test_save_compare_and_delete_a_scenario(app):
    goto(app, "page_scenario")
    app.text_input(key="name_manual").input("Basis met aandelen")
    submit = [b for b in app.button if "save_manual" in str(b.id) or b.label == "Scenario bewaren"]
    submit[0].click().run()
    assert "Bewaard" in all_text(app)
    goto(app, "page_compare")
    assert "Basis met aandelen" in app.multiselect(key="compare").value
    app.selectbox(key="delete_name").set_value("Basis met aandelen").run()
    app.button(key="delete").click().run()
    assert "Nog geen" in all_text(app)


def test_invalid_upload_shows_the_report_and_keeps_the_sample(app, tmp_path, tiny):
    goto(app, "page_data")
    tiny["hospitals"].loc[0, "type"] = "kliniek"
    bad = write_xlsx(tmp_path / "fout.xlsx", tiny).read_bytes()
    app.file_uploader(key="upload").set_value(("fout.xlsx", bad, "application/octet-stream"))
    app.run()
    assert not app.exception
    assert "fout.xlsx" in all_text(app)
    report = [d.value for d in app.dataframe if "Probleem" in d.value.columns][0]
    assert report.iloc[0]["Tabblad"] == "hospitals" and report.iloc[0]["Rij"] == 2
    assert "Voorbeeldregio" in all_text(app)


def test_valid_upload_replaces_the_data(app, tmp_path):
    goto(app, "page_data")
    app.file_uploader(key="upload").set_value(
        ("eigen.xlsx", SAMPLE.read_bytes(), "application/octet-stream")
    )
    app.run()
    assert not app.exception
    assert "eigen.xlsx" in all_text(app)

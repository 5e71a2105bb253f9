"""The deal on the Scenario page (issue 18): the terms beside each new agreement, the
compensation table with its rule, and a saved scenario that keeps them."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from dashboard.store import ScenarioStore
from tests.test_app import APP, all_text


def test_the_scenario_page_shows_terms_and_compensation(tmp_path, monkeypatch):
    """2025's default plan: five new agreements, each with its ODV range and advice (MOG → RSZ
    aorta € 11.500,00 – € 12.736,92, advice € 12.118,46, each +€ 14.225); after the
    proportional split no hospital is below today; the equal split gives every hospital the
    same; a saved scenario keeps flows and terms."""
    monkeypatch.setenv("SPREIDING_DB", str(tmp_path / "scenarios.sqlite3"))
    app = AppTest.from_file(APP, default_timeout=180)
    app.run()
    app.switch_page("app_pages/scenario.py").run()
    app.button(key="run").click().run()
    assert not app.exception, app.exception
    terms = next(d.value for d in app.dataframe if "Advies" in d.value.columns)
    assert len(terms) == 6  # five proposals and ZVL → KZH thyroid grown under SAMEN-SCHILD
    aorta = terms[terms["Van → naar"] == "MOG → RSZ"].iloc[0]
    assert aorta["ODV-prijs zonder verlies"] == "€ 11.500,00 – € 12.736,92"
    assert aorta["Advies"] == "ODV à € 12.118,46 (0,4757)"
    assert (aorta["Marge verwijzer"], aorta["Marge uitvoerder"]) == ("+€ 14.225", "+€ 14.225")
    colon = terms[terms["Overdracht nodig"] != "–"]
    assert list(colon["Overdracht nodig"]) == ["€ 11.589"]
    split = next(d.value for d in app.dataframe if "Na overdrachten" in d.value.columns)
    assert not split["Na overdrachten"].str.startswith("-").any()
    assert "De regio wint **+€ 118.514** per jaar" in all_text(app)
    # the board pack of this plan, a download under it (issue 19)
    assert any(d.proto.label == "Bestuursdocument (PDF)" for d in app.get("download_button"))
    app.radio(key="deal_rule_nl").set_value("equal").run()
    split = next(d.value for d in app.dataframe if "Na overdrachten" in d.value.columns)
    assert set(split["Na overdrachten"]) <= {"+€ 19.752", "+€ 19.753"}
    app.text_input(key="name_opt").input("met afspraken")
    save = next(b for b in app.button if b.label == "Scenario bewaren" and "opt" in b.proto.form_id)
    save.click().run()
    assert not app.exception, app.exception
    flows, deal = ScenarioStore(tmp_path / "scenarios.sqlite3").details("met afspraken")
    assert flows is not None and len(flows) > 0
    assert deal is not None and deal["compensation"]["rule"] == "equal"
    assert len(deal["terms"]) == 6

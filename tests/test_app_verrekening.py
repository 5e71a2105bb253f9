"""AppTest of the Verrekening page's settlement cycle: consent per insurer, secondment
contracts and network costs, and the Kwartaalsturing tab."""

from __future__ import annotations

import datetime as dt

from tests.test_app import all_text, app, goto  # noqa: F401 (app is a fixture)


def test_settlement_tab_shows_consent_contracts_and_network_costs(app):  # noqa: F811
    goto(app, "verrekening")
    assert [tab.label for tab in app.tabs] == ["Verrekening", "Kwartaalsturing"]
    frames = [d.value for d in app.dataframe]
    insurers, between = frames[0], frames[1]  # the summary, in cents as the workbook
    assert "Netwerkkosten" in between.columns  # between the hospitals: the balance per kind
    contracts = between.set_index("Ziekenhuis")["Detacheringscontracten"]
    # ACR receives € 110.013,70 for its contract with ZVL, which pays it (the workbook's
    # receivable and payable columns)
    assert contracts["ACR"] == "€ 110.013,70" and contracts["ZVL"] == "-€ 110.013,70"
    # a totals row under each: every kind and the net positions of the region sum to € 0,00
    assert list(insurers["Ziekenhuis"])[-1] == list(between["Ziekenhuis"])[-1] == "Totaal"
    assert (between.iloc[-1, 1:] == "€ 0,00").all()
    # a payment between two hospitals without a care agreement says why it is paid
    pairs = next(f for f in frames if "Grond" in f.columns)
    kzh_rsz = pairs[
        (pairs["Betaler"].isin(["KZH", "RSZ"]) & pairs["Ontvanger"].isin(["KZH", "RSZ"]))
    ]
    assert kzh_rsz["Grond"].str.startswith("netwerkkosten (").all()
    assert "door de penvoerder" in all_text(app)  # why, once below the table
    consent = next(f for f in frames if "Toestemming" in f.columns)
    lies = consent[consent["Afspraak"] == "AMS-LIES"]
    assert set(lies["Toestemming"]) == {"gegeven", "een deel van het jaar"}
    contracts = next(f for f in frames if "Uurtarief" in f.columns)
    assert "DET-VAAT-ACR-ZVL" in set(contracts["Contract"])
    costs = next(f for f in frames if "Verdeelsleutel" in f.columns)
    assert {"patiënten", "omzet", "gelijke delen", "vaste aandelen"} == set(costs["Verdeelsleutel"])
    exceptions = next(f for f in frames if "Soort" in f.columns)
    assert "Parallel gedeclareerd zonder toestemming van de verzekeraar" in set(exceptions["Soort"])


def test_steering_tab_warns_about_a_cap_and_follows_the_day(app):  # noqa: F811
    goto(app, "verrekening")
    assert any("ZDL / Delta Polis" in w.value for w in app.warning)
    steering = next(d.value for d in app.dataframe if "Prognose jaar" in d.value.columns)
    assert "AMS-LIES" in set(steering["Afspraak"])
    app.date_input(key="until_2025").set_value(dt.date(2025, 3, 31)).run()
    assert not app.exception
    assert "90 van de 365 dagen" in all_text(app)
    app.selectbox(key="steering_agreement").set_value("SAMEN-GAL").run()
    assert not app.exception and app.get("vega_lite_chart")

"""Streamlit AppTest tests for every page of the dashboard."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df
from streamlit.testing.v1 import AppTest

from dashboard.charts import PALETTE
from tests.conftest import ROOT, SAMPLE, write_xlsx

APP = str(ROOT / "app.py")
PAGES = sorted(
    f"app_pages/{p.name}" for p in (ROOT / "app_pages").glob("*.py") if p.name != "__init__.py"
)


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("SPREIDING_DB", str(tmp_path / "scenarios.sqlite3"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def goto(at: AppTest, page: str) -> AppTest:
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption]
    parts += [s.value for s in at.success] + [e.value for e in at.error]
    parts += [w.value for w in at.warning] + [i.value for i in at.info]
    parts += [h.value for h in at.header] + [h.value for h in at.subheader]
    parts += [f"{m.label} {m.value}" for m in at.metric]
    return "\n".join(str(p) for p in parts)


def chart_specs(at: AppTest) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


def chart_data(at: AppTest, index: int) -> list[pd.DataFrame]:
    """The data sets of the page's ``index``-th chart (Streamlit sends them apart from the spec)."""
    chart = at.get("vega_lite_chart")[index]
    return [convert_arrow_bytes_to_pandas_df(d.data.data) for d in chart.proto.datasets]


def test_every_page_is_registered_and_renders_on_the_sample(app):
    app_py = (ROOT / "app.py").read_text(encoding="utf-8")
    for page in PAGES:
        assert f'"{page}"' in app_py, f"{page} is not in app.py's PAGES"
        app.switch_page(page).run()
        assert not app.exception, (page, app.exception)
        assert app.header[0].value


def tooltips(spec: object) -> list[object]:
    """Every tooltip field of a Vega-Lite spec, its layers included."""
    if isinstance(spec, list):
        return [tip for item in spec for tip in tooltips(item)]
    if not isinstance(spec, dict):
        return []
    found = []
    for key, value in spec.items():
        if key == "tooltip" and isinstance(value, list):
            found += value
        elif key == "tooltip" and isinstance(value, dict):
            found.append(value)
        else:
            found += tooltips(value)
    return found


def test_chart_tooltips_are_titled_in_the_readers_words(app):
    app.sidebar.selectbox(key="year").set_value(
        2026
    ).run()  # the multi-year page needs a later year
    for page in ["regio", "uitgangssituatie", "scenario", "meerjarig"]:
        goto(app, page)
        if page == "scenario":  # the story of the planned shares: moves, gains, map, flows
            app.toggle(key="planned_shares").set_value(True).run()
        tips = tooltips(chart_specs(app))
        assert tips, page
        for tip in tips:
            assert isinstance(tip, dict) and tip.get("title"), (page, tip)
            assert "_" not in tip["title"], (page, tip)


def test_opens_on_the_region_in_dutch(app):
    text = all_text(app)
    assert "De regio in 2025" in text and "Voorbeeldregio" in text
    assert "Wat aandacht vraagt" in text
    app.sidebar.radio(key="lang").set_value("en").run()
    text = all_text(app)
    assert "The region in 2025" in text and "Sample region" in text
    assert "locale" not in chart_specs(app)[0].get("config", {})  # English notation: 60%


def test_the_language_outlives_a_reload(tmp_path, monkeypatch):
    """English is kept in the address (``?taal=en``): a new session on that address (a
    reload) opens in English; Dutch, the default, leaves the address as it was."""
    monkeypatch.setenv("SPREIDING_DB", str(tmp_path / "scenarios.sqlite3"))
    reloaded = AppTest.from_file(APP, default_timeout=120)
    reloaded.query_params["taal"] = "en"
    reloaded.run()
    assert "The region in 2025" in all_text(reloaded)
    reloaded.sidebar.radio(key="lang").set_value("nl").run()
    assert "De regio in 2025" in all_text(reloaded)
    assert "taal" not in reloaded.query_params


def test_region_shows_key_figures_map_and_attention(app):
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Verrekend tussen ziekenhuizen"].startswith("€ ")
    assert " van " in metrics["Volumenormen gehaald"]
    assert metrics["OK-bezetting regio"].endswith(" %")
    spec = chart_specs(app)[0]
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    # labels above their circles, on a white halo (a second text layer below them)
    assert marks == ["geoshape", "rule", "circle", "text", "text"]
    assert spec["layer"][0]["data"]["values"][0]["geometry"]["type"] == "MultiPolygon"
    # percentages as the reader writes them: the legend's 60 % (d3's locale), in English 60%
    assert spec["config"]["locale"]["number"]["percent"] == " %"
    frames = chart_data(app, 0)
    points = next(f for f in frames if "or_utilisation" in f.columns)
    assert set(points["hospital_id"]) == {"ACR", "RSZ", "MOG", "ZVL", "KZH", "ZDL"}
    assert points["lat"].between(50.7, 53.6).all() and points["cases"].gt(0).all()
    lines = next(f for f in frames if "lat2" in f.columns)
    assert not lines.empty
    assert (lines["sending_hospital"] != lines["performing_hospital"]).all() and lines["cases"].gt(
        0
    ).all()
    text = all_text(app)
    assert "norm 20" in text and "Dubbele declaratie" in text
    links = {link.proto.page for link in app.get("page_link")}
    assert links == {"uitgangssituatie", "scenario", "verrekening"}


def test_baseline_shows_charts_and_money(app):
    goto(app, "uitgangssituatie")
    assert len(chart_specs(app)) >= 2
    money = app.dataframe[-1].value
    assert money.iloc[:, 1].str.startswith("€").all()


def test_changing_the_year_changes_the_figures(app):
    goto(app, "uitgangssituatie")
    before = app.dataframe[-1].value.copy()
    app.sidebar.selectbox(key="year").set_value(2026).run()
    assert not app.exception
    assert "2026" in app.header[0].value
    assert not before.equals(app.dataframe[-1].value)


def test_scenario_starts_from_today_and_tells_the_story_of_the_planned_shares(app):
    goto(app, "scenario")
    assert "Er verschuift nog niets" in all_text(app)
    app.toggle(key="planned_shares").set_value(True).run()
    assert not app.exception
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Marge van de regio"].startswith(("€ ", "-€ "))
    assert metrics["Casussen verplaatst"] == "200"
    assert metrics["Patiënten dichter bij huis"] == "0"
    assert metrics["Reizen verder"].endswith(" min") and " · +" in metrics["Reizen verder"]
    moves = next(d.value for d in app.dataframe if "Patiënten van" in d.value.columns)
    assert {"Zorgvorm", "Naar", "Casussen", "Op grond van"} <= set(moves.columns)
    assert set(moves["Op grond van"]) == {"bestaande afspraak"}
    assert "Liesbreukcorrectie" in set(moves["Zorgvorm"])
    margins = next(d.value for d in app.dataframe if "Marge na" in d.value.columns)
    assert list(margins.columns) == [
        "Ziekenhuis",
        "Marge voor",
        "Marge na",
        "Verandering van de marge",
    ]
    specs = chart_specs(app)
    gains = next(s for s in specs if s.get("title") == "Verandering van de marge")
    assert [layer["mark"]["type"] for layer in gains["layer"]] == ["bar", "rule"]
    assert "€" in gains["layer"][0]["encoding"]["x"]["axis"]["labelExpr"]
    maps = [s for s in specs if s.get("layer") and s["layer"][0]["mark"]["type"] == "geoshape"]
    assert len(maps) == 2  # before and after


def test_choices_survive_a_visit_to_another_page(app):
    goto(app, "scenario")
    app.toggle(key="planned_shares").set_value(True).run()
    goto(app, "regio")
    goto(app, "scenario")
    assert app.toggle(key="planned_shares").value is True
    assert "Wie wint, wie verliest" in all_text(app)


def test_optimiser_speaks_plain_dutch(app):
    goto(app, "scenario")
    app.sidebar.selectbox(key="year").set_value(2026).run()
    app.button(key="run").click().run()
    assert not app.exception
    text = all_text(app)
    assert "verdeling" in text and "Doelfunctie" not in text and "optimal" not in text
    assert "OK-uur" in text or "OK-grens" in text
    app.checkbox(key="caps_follow").check().run()  # cap room moves with the patients
    app.button(key="run").click().run()
    assert not app.exception and "verdeling" in all_text(app)
    app.checkbox(key="caps_follow").uncheck().run()
    app.number_input(key="norm_value_rectumcarcinoom").set_value(40).run()
    app.button(key="run").click().run()
    text = all_text(app)  # new agreements make norm 40 possible
    assert "nieuwe afspraken" in text and "Voorgestelde nieuwe afspraken" in text
    proposals = next(d.value for d in app.dataframe if "Marge verwijzer" in d.value.columns)
    assert "Rectumresectie bij rectumcarcinoom" in set(proposals["Zorgvorm"])
    app.number_input(key="norm_value_rectumcarcinoom").set_value(400).run()
    app.button(key="run").click().run()
    text = all_text(app)
    assert "niet haalbaar" in text and "norm 400" in text
    assert "verlaag de norm voor Rectumresectie bij rectumcarcinoom" in text  # by name, as the CLI
    assert "voor rectumcarcinoom" not in text
    assert "infeasible" not in text and "optimal" not in text


def test_optimiser_shows_its_goals_and_why_each_patient_moves(app):
    """The default plan of 2026: the goals in words in their order, every move with its reason,
    every agreement in force kept, and no hospital above its ceiling on the map of the plan."""
    goto(app, "scenario")
    app.sidebar.selectbox(key="year").set_value(2026).run()
    app.button(key="run").click().run()
    assert not app.exception
    text = all_text(app)
    assert "Doelen van deze berekening" in text
    goals = [line for line in text.splitlines() if line.startswith("- (")]
    assert [g[:5] for g in goals] == ["- (1)", "- (2)", "- (3)"]
    assert "zo min mogelijk patiënten in een ander ziekenhuis dan vandaag" in text
    assert "Alle bestaande afspraken blijven zoals ze zijn." in text
    assert "Hele patiënten." in text
    moves = next(d.value for d in app.dataframe if "Uit ziekenhuis" in d.value.columns)
    assert set(moves["Uit ziekenhuis"]) <= {"ACR", "RSZ", "MOG", "ZVL", "KZH", "ZDL"}
    # every move of the table with its reasons in full, one line each below it
    move = re.compile(r"^- .+, [A-Z]+ → [A-Z]+ \([\d.,]+\): ")
    why = [line for line in text.splitlines() if move.match(line)]
    assert len(why) == len(moves)
    assert all(re.search("planningsplafond|OK-plafond|norm", line) for line in why)
    assert "houdt RSZ binnen het OK-plafond van 90 %" in text
    # the same plan in English, from the same catalogue (the page keeps it: no second solve)
    app.sidebar.radio(key="lang").set_value("en").run()
    assert not app.exception
    text = all_text(app)
    assert "Goals of this run" in text and "Every agreement in force stays as it is." in text
    assert "keeps RSZ within its OR ceiling of 90 %" in text


def test_settlement_page_lists_exceptions_and_offers_the_workbook(app):
    goto(app, "verrekening")
    text = all_text(app)
    assert "in orde" in text and "registraties en productie" in text
    exceptions = next(d.value for d in app.dataframe if "Soort" in d.value.columns)
    assert {"Dubbele declaratie", "ODV dubbel"} <= set(exceptions["Soort"])
    assert not exceptions["Toelichting"].str.contains("_").any()
    keys = exceptions["Sleutel (dbc of regel)"]
    assert keys.str.startswith("productie rij ").any()  # a volumes row in words, as on the workbook
    assert not keys.str.contains("volumes row").any()
    monitoring = next(d.value for d in app.dataframe if "Gepland" in d.value.columns)
    assert "verwijzing" in set(monitoring["Vorm"])
    assert not monitoring["Zorgvorm"].str.contains("_").any()
    app.radio(key="source_combined_registrations_volumes").set_value("volumes").run()
    assert not app.exception


def test_a_year_without_registrations_settles_from_volumes_with_a_note(app):
    goto(app, "verrekening")
    app.sidebar.selectbox(key="year").set_value(2026).run()
    assert not app.exception
    assert "geen registraties; de verrekening volgt uit de volumes" in all_text(app)
    assert app.dataframe[0].value.iloc[:, 1].str.startswith("€").all()


def save(app: AppTest, name: str) -> None:
    app.text_input(key="name_manual").input(name)
    next(b for b in app.button if b.label == "Scenario bewaren").click().run()
    assert not app.exception


def test_save_protects_names_then_compare_and_delete_after_asking(app):
    goto(app, "scenario")
    app.toggle(key="planned_shares").set_value(True).run()
    save(app, "   ")
    assert "Geef het scenario eerst een naam" in all_text(app)
    save(app, "Basis met aandelen")
    assert "Bewaard" in all_text(app)
    save(app, "Basis met aandelen")
    assert "Overschrijven?" in all_text(app)
    app.button(key="overwrite_yes_manual").click().run()
    assert "Bewaard" in all_text(app)
    downloads = [d for d in app.get("download_button") if d.proto.label.startswith("Scenario")]
    assert downloads, "the scenario can be downloaded as a workbook"
    app.sidebar.selectbox(key="year").set_value(2026).run()
    app.toggle(key="planned_shares").set_value(True).run()
    save(app, "Plan 2026")
    goto(app, "vergelijken")
    assert "verschillende jaren (2025, 2026)" in all_text(app)
    app.multiselect(key="compare").set_value(["Basis met aandelen"]).run()
    assert "verschillende jaren" not in all_text(app)
    # one table per measure, today of the same workbook and year first, then the scenario
    norms = app.dataframe[1].value
    assert list(norms.columns) == ["vandaag (2025)", "Basis met aandelen"]
    assert norms.iloc[0, 1].count(" van ") == 1
    listed = app.dataframe[-1].value  # the saved scenarios, in words
    assert set(listed["Soort"]) == {"handmatig"}
    assert listed["Bewaard op"].str.fullmatch(r"\d{1,2} [a-z]+ 20\d\d \d\d:\d\d").all()
    labels = [d.proto.label for d in app.get("download_button")]
    assert "Bestuursdocument van 'Basis met aandelen' (PDF)" in labels
    app.selectbox(key="delete_name").set_value("Basis met aandelen").run()
    app.button(key="delete").click().run()
    assert "definitief verwijderen" in all_text(app)
    app.button(key="delete_yes").click().run()
    assert app.multiselect(key="compare").options == ["Plan 2026"]


def upload(app: AppTest, name: str, data: bytes) -> None:
    generation = app.session_state["upload_generation"]
    app.file_uploader(key=f"upload_{generation}").set_value(
        (name, data, "application/octet-stream")
    )
    app.run()
    assert not app.exception


def test_invalid_upload_shows_its_own_report_and_keeps_the_sample(app, tmp_path, tiny):
    goto(app, "data")
    tiny["hospitals"].loc[0, "type"] = "kliniek"
    upload(app, "fout.xlsx", write_xlsx(tmp_path / "fout.xlsx", tiny).read_bytes())
    assert "fout.xlsx" in all_text(app) and not app.success  # no green line beside the report
    report = next(d.value for d in app.dataframe if "Probleem" in d.value.columns)
    assert report.iloc[0]["Tabblad"] == "ziekenhuizen (hospitals)" and report.iloc[0]["Rij"] == 2
    assert "De andere pagina's tonen nog: Voorbeeldregio" in all_text(app)


def test_follow_on_findings_are_grouped_under_their_cause(app, tmp_path):
    from openpyxl import load_workbook

    book = load_workbook(SAMPLE)
    book["hospitals"].cell(row=3, column=1).value = None  # RSZ's code
    book.save(tmp_path / "leeg.xlsx")
    goto(app, "data")
    upload(app, "leeg.xlsx", (tmp_path / "leeg.xlsx").read_bytes())
    report = next(d.value for d in app.dataframe if "Probleem" in d.value.columns)
    assert len(report) == 1 and report.iloc[0]["Rij"] == 3
    text = all_text(app)
    # 803 rows, and RSZ's secondment contract, network cost (treasurer), network share and its
    # own variable cost of aorta surgery (hospital_care_forms)
    assert "807 rijen verwijzen naar een code die niet op blad ziekenhuizen" in text
    assert "('RSZ')" in text
    assert "waarschijnlijk door het probleem op blad 'hospitals', rij 3" in text


def test_valid_upload_replaces_the_data_and_back_to_the_sample_works(app, tmp_path):
    goto(app, "data")
    upload(app, "eigen.xlsx", SAMPLE.read_bytes())
    assert "In gebruik: eigen.xlsx" in all_text(app)
    hospitals = app.dataframe[-1].value
    assert list(hospitals.columns)[:3] == ["Code", "Naam", "Soort ziekenhuis"]
    assert hospitals["OK-minuten per jaar"].iloc[0] == "117.800"
    app.button(key="use_sample").click().run()
    assert "In gebruik: Voorbeeldregio" in all_text(app)
    app.run()  # the upload box is empty now: the sample stays
    assert "In gebruik: Voorbeeldregio" in all_text(app)


def test_a_reload_keeps_the_upload_or_says_it_is_gone(app):
    goto(app, "data")
    upload(app, "eigen.xlsx", SAMPLE.read_bytes())
    token = app.query_params["werkmap"]
    again = AppTest.from_file(APP, default_timeout=120)
    again.query_params["werkmap"] = token
    again.run()
    assert "eigen.xlsx" in all_text(again)
    gone = AppTest.from_file(APP, default_timeout=120)
    gone.query_params["werkmap"] = "verlopen"
    gone.run()
    assert "niet meer beschikbaar" in all_text(gone) and "Voorbeeldregio" in all_text(gone)


def test_the_manual_scenario_has_its_business_case_too(app):
    """The workbook's planned shares of 2025 as the plan over 2025–2030: the same table as for
    the optimised plan, the region's verdict in words, and the same figures as
    ``spreiding business-case --from 2025 --to 2030 --manual --split proportional`` would give
    for those shares (the page's plan is the manual scenario on screen)."""
    goto(app, "scenario")
    app.toggle(key="planned_shares").set_value(True).run()
    app.toggle(key="bc_show_manual").set_value(True).run()
    assert not app.exception, app.exception
    text = all_text(app)
    assert "Businesscase over de jaren" in text and "Regio: " in text
    summary = next(d.value for d in app.dataframe if "netto contante waarde" in d.value.columns)
    assert list(summary["ziekenhuis"]) == ["ACR", "KZH", "MOG", "RSZ", "ZDL", "ZVL", "regio"]
    from calculator.validate import load
    from messages.numbers import euro
    from optimizer.business_case import business_case
    from optimizer.scenario import manual_flows

    wb = load(SAMPLE)
    case = business_case(wb, 2025, 2030, manual_flows(wb, 2025), rule="proportional")
    region = euro(int(case.region["npv_cents"].iloc[0]))
    assert summary.set_index("ziekenhuis").loc["regio", "netto contante waarde"] == region


def test_scenario_page_shows_the_business_case_of_the_plan(app):
    """The optimised plan of 2025 over 2025–2030: one cumulative line per hospital in the
    map's colours, labelled at its end, the break-even years marked; the verdict per hospital
    and the region in the table; the notes."""
    goto(app, "scenario")
    app.button(key="run").click().run()
    app.toggle(key="bc_show_opt").set_value(True).run()
    assert not app.exception, app.exception
    text = all_text(app)
    assert "Businesscase over de jaren" in text
    assert "Regio: terugverdiend in 2025" in text
    summary = next(d.value for d in app.dataframe if "netto contante waarde" in d.value.columns)
    assert list(summary["ziekenhuis"]) == ["ACR", "KZH", "MOG", "RSZ", "ZDL", "ZVL", "regio"]
    assert {"2025", "2030"} <= set(summary.columns)
    spec = next(s for s in chart_specs(app) if "Cumulatieve positie" in json.dumps(s))
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert {"line", "text", "point", "rule"} <= set(marks)
    colours = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "line")
    assert (
        colours["encoding"]["color"]["scale"]["range"][0] == PALETTE[0]
    )  # the first hospital's colour, as on every chart
    app.radio(key="bc_rule_opt").set_value("equal").run()
    assert not app.exception
    summary = next(d.value for d in app.dataframe if "netto contante waarde" in d.value.columns)
    assert summary["voorfinanciering"].str.startswith("€").all()

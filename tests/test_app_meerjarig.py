"""The Meerjarig page: the projection's lines per hospital and a norm sweep with its curves."""

from __future__ import annotations

from tests.test_app import all_text, app, chart_data, chart_specs, goto  # noqa: F401  (fixture)


def test_projection_lines_and_capacity_warning(app):  # noqa: F811
    goto(app, "meerjarig")
    assert app.header[0].value.startswith("Meerjarig")
    text = all_text(app)
    assert "ACR komt in 2026 boven het planningsplafond van zijn OK-capaciteit" in text
    specs = chart_specs(app)
    assert specs and ("layer" in specs[0] or specs[0]["mark"]["type"] == "line")
    assert app.get("download_button")
    # beds run out too, and each run-out year is marked on its line (not colour alone)
    assert "ACR komt in 2027 boven het planningsplafond van zijn bedden" in text
    for topic, mark in (("my_topic_or", "vol in 2026"), ("my_topic_beds", "vol in 2027")):
        app.radio(key="my_topic").set_value(topic).run()
        labels = [
            label
            for frame in chart_data(app, 0)
            if "label" in frame.columns
            for label in frame["label"]
        ]
        assert mark in labels, (topic, labels)
    app.radio(key="my_topic").set_value("my_topic_margin").run()
    assert not app.exception


def test_sweep_draws_curves_with_the_current_norm_marked(app):  # noqa: F811
    goto(app, "meerjarig")
    app.number_input(key="my_low").set_value(20)
    app.number_input(key="my_high").set_value(30)
    app.number_input(key="my_step").set_value(10)
    app.button(key="my_run").click().run()
    assert not app.exception, app.exception
    specs = chart_specs(app)
    curves = [
        s for s in specs if "layer" in s and any("rule" in str(layer) for layer in s["layer"])
    ]
    assert len(curves) >= 5
    assert "Normverkenning Rectumresectie bij rectumcarcinoom in 2025" in all_text(app)
    labels = [
        df["label"].tolist()
        for i in range(len(specs))
        for df in chart_data(app, i)
        if "label" in df.columns
    ]
    assert ["nu 20"] in labels


def test_page_in_english(app):  # noqa: F811
    app.sidebar.radio(key="lang").set_value("en").run()
    goto(app, "meerjarig")
    assert "Years ahead" in app.header[0].value
    assert "above the planning ceiling of its OR capacity in 2026" in all_text(app)

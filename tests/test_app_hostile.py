"""Text from data is data on the dashboard (issue 21, item 6): ids, names, scenario and file
names are escaped before Markdown, the tables' CSV download carries no formula, a damaged store
is a Dutch message, and a hostile upload is refused for that session only."""

from __future__ import annotations

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.formatting import escape_markdown, formula_safe
from tests.conftest import ROOT, SAMPLE, tiny_sheets, write_xlsx
from tests.corner_cells import corner_workbook
from tests.test_app import all_text, goto, save, upload

APP = str(ROOT / "app.py")
IMAGE = "![x](http://example.invalid/pixel.png)"


@pytest.fixture
def app(tmp_path, monkeypatch):
    monkeypatch.setenv("SPREIDING_DB", str(tmp_path / "scenarios.sqlite3"))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    assert not at.exception, at.exception
    return at


def markdown_sources(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption]
    parts += [e.value for e in at.success] + [e.value for e in at.error]
    parts += [w.value for w in at.warning] + [i.value for i in at.info]
    return "\n".join(str(p) for p in parts)


def test_escape_markdown_leaves_no_link_image_html_or_formula():
    shown = escape_markdown(f"{IMAGE} <img src=x> :red[rood] $x$ **vet** www.x.nl")
    assert "![x](" not in shown and "\\[x\\]" in shown
    assert " <img" not in shown and "\\<img" in shown
    assert "http://" not in shown and "www." not in shown
    assert "\\$x\\$" in shown and "\\*\\*vet\\*\\*" in shown
    assert escape_markdown("eigen.xlsx ('RSZ') 1.234,5 -3") == "eigen.xlsx ('RSZ') 1.234,5 -3"


def test_a_scenario_name_is_escaped_where_it_is_shown(app):
    goto(app, "scenario")
    app.toggle(key="planned_shares").set_value(True).run()
    save(app, IMAGE)
    text = markdown_sources(app)
    assert "\\[x\\](http\\:\\/\\/example.invalid" in text and IMAGE not in text
    save(app, IMAGE)  # the overwrite question names it too
    assert IMAGE not in markdown_sources(app)


def test_an_upload_named_as_markdown_and_with_markdown_ids_is_escaped(app, tmp_path):
    goto(app, "data")
    sheets = tiny_sheets()
    sheets["hospitals"].loc[0, "type"] = "kliniek"  # refused: the report names the file
    name = f"{IMAGE}.xlsx"
    upload(app, name, write_xlsx(tmp_path / "b.xlsx", sheets).read_bytes())
    text = markdown_sources(app)
    assert name not in text and "\\[x\\]" in text
    sheets = tiny_sheets()
    sheets["hospitals"].loc[0, "name"] = "@SUM(1+1)*cmd|' /C calc'!A0"
    upload(app, "goed.xlsx", write_xlsx(tmp_path / "c.xlsx", sheets).read_bytes())
    hospitals = app.dataframe[-1].value
    assert "In gebruik: goed.xlsx" in all_text(app)
    assert hospitals["Naam"].iloc[0] == "'@SUM(1+1)*cmd|' /C calc'!A0"  # text in the CSV too


def test_formula_safe_quotes_formulas_but_not_numbers_as_shown():
    frame = pd.DataFrame(
        {"a": ["=1+1", "@SUM(A1)", "-€ 1.235", "-3,5", "+31 6", "tekst"], "b": range(6)},
        index=["=x", "B", "C", "D", "E", "F"],
    )
    safe = formula_safe(frame)
    assert safe["a"].tolist() == ["'=1+1", "'@SUM(A1)", "-€ 1.235", "-3,5", "'+31 6", "tekst"]
    assert safe.index[0] == "'=x" and safe["b"].tolist() == list(range(6))


def test_a_damaged_store_is_a_dutch_message_not_a_traceback(tmp_path, monkeypatch):
    store = tmp_path / "kapot.sqlite3"
    store.write_bytes(b"dit is geen database" * 100)
    monkeypatch.setenv("SPREIDING_DB", str(store))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/vergelijken.py").run()
    assert not at.exception, at.exception
    assert "is beschadigd en is niet aangeraakt" in markdown_sources(at)
    assert store.read_bytes().startswith(b"dit is geen database")  # left as it was


def test_a_corner_cell_upload_is_refused_and_another_session_keeps_working(app, tmp_path):
    other = AppTest.from_file(APP, default_timeout=120)
    other.run()
    goto(app, "data")
    upload(app, "hoek.xlsx", corner_workbook(tmp_path, "single_quotes").read_bytes())
    report = next(d.value for d in app.dataframe if "Probleem" in d.value.columns)
    assert "A1:XFD1048576" in report.to_string()
    other.switch_page("app_pages/data.py").run()
    assert not other.exception
    upload(other, "eigen.xlsx", SAMPLE.read_bytes())
    assert "In gebruik: eigen.xlsx" in all_text(other)

"""The template a finance team fills in, and findings grouped by cause (issue 19, item 4)."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from openpyxl import load_workbook

from calculator.schema import ENUM_ALIASES, SHEETS, SHEETS_BY_NAME, canonical_column_name
from calculator.template import choice_word, sheet_title, write_template
from calculator.validate import load
from messages import CATALOGUE, text
from tests.conftest import tiny_sheets, write_xlsx
from tests.test_app import all_text, app, goto, upload  # noqa: F401 (app is a fixture)
from tests.test_cli import cli  # noqa: F401 (a fixture)

BAD_CODES = [f"12-345-{i:03d}" for i in range(22)]


def fill(path, sheets: dict[str, pd.DataFrame], lang: str) -> None:
    """Type ``sheets`` (canonical names and values) into the template at ``path`` as a person
    would: under the template's own headers, choices in the template's words, yes/no."""
    book = load_workbook(path)
    for name, frame in sheets.items():
        sheet = SHEETS_BY_NAME[name]
        ws = book[sheet_title(sheet, lang)]
        where = {
            canonical_column_name(sheet, str(cell.value)): cell.column for cell in ws[1] if cell
        }
        for i, row in enumerate(frame.to_dict("records"), start=2):
            for column, value in row.items():
                if value is None or (isinstance(value, float) and pd.isna(value)):
                    continue
                if sheet.column(column).choices:
                    value = choice_word(value, lang)
                ws.cell(row=i, column=where[column], value=value)
    book.save(path)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_template_round_trip_fill_it_in_and_it_validates_clean(cli, tmp_path, lang):  # noqa: F811
    path = tmp_path / "sjabloon.xlsx"
    assert cli("--lang", lang, "template", "--out", path).exit_code == 0
    book = load_workbook(path)
    titles = [s.alias if lang == "nl" else s.name for s in SHEETS]
    assert book.sheetnames == [text("tpl_sheet_explanation", lang), *titles]
    products = book[titles[2]]
    assert [c.value for c in products[1]] == (
        ["zorgproductcode", "omschrijving", "zorgvorm_id", "onderdeel"]
        if lang == "nl"
        else ["product_code", "description", "care_form_id", "component"]
    )
    assert products["A2"].number_format == "@"  # a typed code keeps its leading zero
    sheets = tiny_sheets()
    fill(path, sheets, lang)
    result = cli("--lang", lang, "validate", path)
    assert result.exit_code == 0, result.output
    wb = load(path)
    assert wb.products["component"].tolist() == sheets["products"]["component"].tolist()
    assert wb.agreements["mode"].tolist() == ["odv"]
    assert wb.products["product_code"].tolist() == sheets["products"]["product_code"].tolist()
    assert len(wb.volumes) == 2 and wb.volumes["cases"].sum() == 14


def drop_downs(ws) -> dict[str, tuple[str, str]]:
    """Header → (list formula, error style) of every drop-down on a sheet."""
    headers = {cell.column_letter: cell.value for cell in ws[1]}
    out = {}
    for rule in ws.data_validations.dataValidation:
        letter = str(rule.sqref).split(":")[0].rstrip("0123456789")
        out[headers[letter]] = (rule.formula1, rule.errorStyle)
        assert rule.type == "list" and str(rule.sqref).endswith("1001")
    return out


def test_drop_downs_offer_the_templates_own_codes_choices_and_yes_no(tmp_path):
    path = tmp_path / "sjabloon.xlsx"
    write_template(path)
    book = load_workbook(path)
    volumes = drop_downs(book["productie"])
    assert volumes["ziekenhuis_id"] == ("'ziekenhuizen'!$A$2:$A$1001", "warning")
    assert volumes["uitvoerend_ziekenhuis_id"][0] == "'ziekenhuizen'!$A$2:$A$1001"
    assert volumes["zorgvorm_id"][0] == "'zorgvormen'!$A$2:$A$1001"
    agreements = drop_downs(book["afspraken"])
    assert agreements["vorm"] == ('"verwijzing,parallel,odv"', "stop")
    assert agreements["verwijzend_ziekenhuis"][0] == "'ziekenhuizen'!$A$2:$A$1001"
    assert drop_downs(book["registraties"])["odv"] == ('"ja,nee"', "stop")
    assert drop_downs(book["registraties"])["zorgproductcode"][0] == (
        "'zorgproducten'!$A$2:$A$1001"
    )
    assert drop_downs(book["ziekenhuizen"])["type"][0] == '"umc,topklinisch,algemeen"'
    assert drop_downs(book["zorgproducten"])["onderdeel"][0] == (
        '"volledig,diagnostiek,ingreep,nazorg"'
    )
    english = tmp_path / "template.xlsx"
    write_template(english, "en")
    book = load_workbook(english)
    assert drop_downs(book["agreements"])["mode"][0] == '"referral,parallel,odv"'
    assert drop_downs(book["registrations"])["odv"][0] == '"yes,no"'
    assert drop_downs(book["volumes"])["hospital_id"][0] == "'hospitals'!$A$2:$A$1001"


def test_every_word_a_drop_down_offers_is_read_as_its_value():
    for sheet in SHEETS:
        for col in sheet.columns:
            for value in col.choices:
                for lang in ("nl", "en"):
                    word = choice_word(value, lang).casefold()
                    assert ENUM_ALIASES.get(word, word) == value, (sheet.name, col.name, lang)


def test_the_explanation_sheet_speaks_the_readers_language(tmp_path):
    from calculator.template import explanation

    dutch = explanation("nl")
    assert list(dutch.columns)[:3] == ["blad", "blad verplicht", "over dit blad"]
    row = dutch[(dutch["blad"] == "zorgproducten") & (dutch["kolom"] == "zorgproductcode")]
    assert row["betekenis"].iloc[0] == "DBC-zorgproductcode van 9 cijfers, als tekst"
    assert row["ook gelezen als"].iloc[0] == "product_code"
    assert row["verwacht"].iloc[0] == "een code van 9 cijfers, opgeslagen als tekst"
    mode = dutch[(dutch["blad"] == "afspraken") & (dutch["kolom"] == "vorm")]
    assert mode["keuzelijst"].iloc[0] == "verwijzing, parallel, odv"
    # the English texts are the schema's descriptions, word for word
    for sheet in SHEETS:
        assert CATALOGUE[f"sheet_meaning_{sheet.name}"]["en"] == sheet.description
        for col in sheet.columns:
            assert CATALOGUE[f"meaning_{sheet.name}_{col.name}"]["en"] == col.description


def test_the_filled_example_is_the_sample_region_and_validates(cli, tmp_path):  # noqa: F811
    path = tmp_path / "voorbeeld.xlsx"
    assert cli("template", "--example", "--out", path).exit_code == 0
    result = cli("validate", path)
    assert result.exit_code == 0, result.output
    wb = load(path)
    assert len(wb.hospitals) == 6 and len(wb.registrations) > 1000
    book = load_workbook(path, read_only=True)
    assert "volledig" in {
        r[3] for r in book["zorgproducten"].iter_rows(min_row=2, values_only=True)
    }


def bad_codes(tmp_path) -> bytes:
    """The tiny workbook with 22 more prices whose product code is typed with dashes."""
    sheets = tiny_sheets()
    extra = pd.DataFrame(
        {"product_code": BAD_CODES, "year": [2025] * 22, "benchmark_price": [10.0] * 22}
    )
    sheets["prices"] = pd.concat([sheets["prices"], extra], ignore_index=True)
    sheets["hospitals"].loc[1, "type"] = "kliniek"  # a problem of its own
    return write_xlsx(tmp_path / "fout.xlsx", sheets).read_bytes()


def test_22_bad_cells_in_one_column_are_one_group_of_22(cli, tmp_path):  # noqa: F811
    path = tmp_path / "b.xlsx"
    path.write_bytes(bad_codes(tmp_path))
    result = cli("validate", path)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    head = next(i for i, line in enumerate(lines) if "22 cellen" in line)
    assert lines[head] == (
        "  - 22 cellen in kolom 'product_code' (zorgproductcode) op blad 'prices': verwacht een "
        "code van 9 cijfers, opgeslagen als tekst; oplossing: typ in elke cel hieronder een "
        "code van 9 cijfers, opgeslagen als tekst"
    )
    cells = lines[head + 1 : head + 23]
    assert cells == [f"      rij {i + 6}: '{code}'" for i, code in enumerate(BAD_CODES)]
    assert "kolom 'type': gevonden 'kliniek'" in result.output  # alone: a line of its own
    doc = json.loads(cli("--lang", "en", "validate", path, "--json").output)
    assert doc["problems"] == 23 and len(doc["findings"]) == 23  # the findings themselves stay
    (group,) = doc["groups"]
    assert group["count"] == 22 and group["rows"] == list(range(6, 28))
    assert group["column"] == "product_code" and group["code"] == "cell_bad"
    assert group["message"].startswith("22 cells in column 'product_code' (zorgproductcode)")
    assert {doc["findings"][i]["row"] for i in group["findings"]} == set(range(6, 28))


def test_the_data_page_shows_the_group_with_its_cells(app, tmp_path):  # noqa: F811
    goto(app, "data")
    upload(app, "fout.xlsx", bad_codes(tmp_path))
    shown = all_text(app)
    assert "22 cellen in kolom 'product\\_code' (zorgproductcode) op blad 'prices'" in shown
    assert "oplossing: typ in elke cel hieronder" in shown
    cells = next(d.value for d in app.dataframe if len(d.value) == 22)
    assert cells["Gevonden"].tolist() == BAD_CODES and cells["Rij"].tolist() == list(range(6, 28))
    singles = next(d.value for d in app.dataframe if "Probleem" in d.value.columns)
    assert singles["Gevonden"].tolist() == ["kliniek"]
    assert {"template", "template_example"} <= {
        b.proto.id.split("-")[-1] for b in app.get("download_button")
    }


def test_only_findings_of_one_cause_are_grouped():
    """Duplicate keys share a cause (each names its own first row); insurer spellings differ
    per cell and have no cause text of their own: they stay one by one."""
    from calculator.errors import Finding
    from calculator.finding_groups import FindingGroup, group_findings

    spellings = [
        Finding("registrations", row, "insurer", name, code="insurer_spelling",
                params={"written": name, "canonical": name.title(), "count": 1})
        for row, name in ((3, "alfa"), (5, "BETA"))
    ]  # fmt: skip
    duplicates = [
        Finding("prices", row, "year", "2025", code="key_duplicate", params={"first_row": row - 1})
        for row in (3, 5, 7)
    ]
    lone = Finding("hospitals", 2, "type", "kliniek", code="cell_bad", params={"expected": "x"})
    items = group_findings([*spellings, lone, *duplicates])
    assert items[:3] == [*spellings, lone]
    (group,) = items[3:]
    assert isinstance(group, FindingGroup) and group.count == 3
    assert group.headline("nl") == (
        "3 cellen in kolom 'year' (jaar) op blad 'prices': dezelfde sleutel staat al op een "
        "eerdere rij; oplossing: geef elke rij een eigen sleutel, of verwijder de dubbele rijen"
    )
    assert group.cell_lines("en")[0] == (
        "row 3: '2025' — must be unique; the same key is already on row 2"
    )

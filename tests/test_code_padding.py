"""Product codes typed as numbers (issue 19, item 4): Excel drops a code's leading zeros when its
column is not text, so a whole number of at most nine digits is read as the nine-digit code it
stands for, with one warning per column saying how many cells were padded. A number with
decimals or more than nine digits is no code and stays an error naming its cell."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from click.testing import CliRunner
from openpyxl import Workbook as XlsxBook

from calculator.errors import SpreidingInputError
from calculator.validate import load
from spreiding.cli import main
from tests.conftest import tiny_sheets, write_csv_folder


def registrations(codes: list[object]) -> pd.DataFrame:
    n = len(codes)
    return pd.DataFrame(
        {
            "dbc_id": [f"D{i}" for i in range(n)],
            "patient_id": [f"P{i}" for i in range(n)],
            "hospital_id": ["AAA"] * n,
            "product_code": codes,
            "insurer": ["VGZ"] * n,
            "start_date": ["2025-02-01"] * n,
            "end_date": ["2025-03-01"] * n,
            "odv": ["nee"] * n,
        }
    )


def handmade(path: Path, codes: list[object]) -> Path:
    """The tiny region written cell by cell with openpyxl; registrations' codes as given (a
    Python int or float becomes a number cell, as Excel stores a code typed into a General
    column)."""
    book = XlsxBook()
    book.remove(book.active)
    for name, frame in {**tiny_sheets(), "registrations": registrations(codes)}.items():
        sheet = book.create_sheet(name)
        sheet.append(list(frame.columns))
        for row in frame.astype(object).itertuples(index=False, name=None):
            sheet.append(
                [None if v is None or (isinstance(v, float) and v != v) else v for v in row]
            )
    book.save(path)
    return path


def test_codes_typed_as_numbers_are_padded_with_one_warning_per_column(tmp_path):
    """Rows 2–5 hold 12345678 (int), 12345678.0 (float), "012345678" (text), 12345679 (int):
    three number cells → three codes padded, one warning naming the first (row 2)."""
    wb = load(handmade(tmp_path / "b.xlsx", [12345678, 12345678.0, "012345678", 12345679]))
    assert wb.registrations["product_code"].tolist() == [
        "012345678",
        "012345678",
        "012345678",
        "012345679",
    ]
    (warning,) = [w for w in wb.warnings if w.code == "code_padded"]
    assert (warning.sheet, warning.row, warning.column, warning.value) == (
        "registrations",
        2,
        "product_code",
        "12345678",
    )
    assert warning.params == {"count": 3, "code": "012345678"}
    assert "3 cells" in warning.expected and "012345678" in warning.expected


def test_the_warning_is_dutch_by_default_and_english_on_request(tmp_path):
    book = handmade(tmp_path / "b.xlsx", [12345678, 12345679.0])
    dutch = CliRunner().invoke(main, ["validate", str(book)])
    assert dutch.exit_code == 0, dutch.output
    assert "2 cellen in deze kolom bevatten de code als getal" in dutch.output
    assert "aangevuld tot 9 cijfers, deze werd 012345678" in dutch.output
    english = CliRunner().invoke(main, ["--lang", "en", "validate", str(book), "--json"])
    warnings = json.loads(english.output)["warnings"]
    assert [w["code"] for w in warnings] == ["code_padded"]
    assert warnings[0]["row"] == 2 and warnings[0]["value"] == "12345678"


def test_a_number_with_decimals_or_ten_digits_is_an_error_naming_its_cell(tmp_path):
    book = handmade(tmp_path / "b.xlsx", [12345678, 12345678.5, 1234567890, -12345678])
    try:
        load(book)
    except SpreidingInputError as exc:
        found = [(f.row, f.column, f.value, f.code) for f in exc.findings]
    else:
        raise AssertionError("a number with decimals was accepted as a code")
    assert found == [
        (3, "product_code", "12345678.5", "code_stored_as_number"),
        (4, "product_code", "1234567890", "code_stored_as_number"),
        (5, "product_code", "-12345678", "code_stored_as_number"),
    ]


def test_a_csv_code_that_lost_its_zeros_is_padded_too(tmp_path):
    """In a CSV every cell is text: a code of only digits, fewer than nine, is the number as a
    spreadsheet wrote it out (12345678 → 012345678); nine digits stay as they are."""
    sheets = {**tiny_sheets(), "registrations": registrations(["12345678", "012345679"])}
    wb = load(write_csv_folder(tmp_path / "csv", sheets))
    assert wb.registrations["product_code"].tolist() == ["012345678", "012345679"]
    (warning,) = [w for w in wb.warnings if w.code == "code_padded"]
    assert (warning.row, warning.value, warning.params["count"]) == (2, "12345678", 1)


def test_text_in_a_workbook_is_not_padded(tmp_path):
    """A text cell of eight digits was typed as text: a wrong code, not a lost zero."""
    try:
        load(handmade(tmp_path / "b.xlsx", ["12345678"]))
    except SpreidingInputError as exc:
        assert [(f.row, f.code) for f in exc.findings] == [(2, "cell_bad")]
    else:
        raise AssertionError("an eight-digit text was accepted as a code")

"""Output safety: hostile names never become formulas in any workbook export, a result that
breaks an invariant writes no file, a bad ``--out`` path is a clear message."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import calculator.settle
from calculator.xlsx_writer import SheetOut, write_book
from spreiding.cli import main
from tests.conftest import SAMPLE

HOSTILE = ("=", "+", "-", "@", "\t", "\r")


def hostile_book(tiny: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The tiny workbook with hospitals, a care form and an agreement named like formulas."""
    ids = {"AAA": "=AAA", "BBB": "+BBB"}
    book = {name: frame.replace(ids) for name, frame in tiny.items()}
    book = {name: frame.replace({"lies": "@lies", "AG1": "-AG1"}) for name, frame in book.items()}
    book["hospitals"]["name"] = ['=HYPERLINK("http://x","klik")', "+31 20 123"]
    book["care_forms"]["name"] = ["-2+3"]
    return book


def formula_cells(path_or_bytes) -> tuple[int, int]:
    """(formula cells, text cells that start like a formula) over every sheet."""
    book = load_workbook(
        io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    )
    formulas = texts = 0
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                formulas += cell.data_type == "f"
                texts += isinstance(cell.value, str) and cell.value.startswith(HOSTILE)
    return formulas, texts


def test_every_text_that_starts_like_a_formula_is_stored_as_text():
    frame = pd.DataFrame({"name": [f"{c}SUM(A1)" for c in HOSTILE], "n": range(6)})
    buffer = io.BytesIO()
    write_book(buffer, [SheetOut("t", frame), SheetOut("=x", frame.set_index("name").T)])
    formulas, texts = formula_cells(buffer.getvalue())
    # 12 hostile texts; the two starting with a carriage return read back as a line feed (XML
    # normalises line ends), so 10 still start like a formula — all of them as text
    assert formulas == 0 and texts >= 10


@pytest.mark.parametrize(
    "command",
    [
        ["settle", "--year", "2025"],
        ["scenario", "--year", "2025"],
        ["optimize", "--year", "2025", "--time-limit", "5"],
    ],
    ids=["settle", "scenario", "optimize"],
)
def test_hostile_names_in_every_workbook_export_stay_text(tmp_path, tiny, command):
    book = tmp_path / "b.xlsx"  # written by the product's own writer: '=AAA' stays text
    write_book(book, [SheetOut(name, frame) for name, frame in hostile_book(tiny).items()])
    out = tmp_path / "out.xlsx"
    result = CliRunner().invoke(main, [command[0], str(book), *command[1:], "--out", str(out)])
    assert result.exit_code in (0, 2), result.output
    formulas, texts = formula_cells(out)
    assert formulas == 0
    assert texts > 0  # the hostile names did reach the workbook


def test_a_result_that_breaks_an_invariant_writes_no_file(tmp_path, monkeypatch):
    real = calculator.settle.settle

    def broken(*args, **kwargs):
        result = real(*args, **kwargs)
        result.invariants["positions_sum_to_zero"].append("positions sum to 1 cent")
        return result

    monkeypatch.setattr(calculator.settle, "settle", broken)
    out = tmp_path / "v.xlsx"
    result = CliRunner().invoke(
        main, ["--lang", "en", "settle", str(SAMPLE), "--year", "2025", "--out", str(out)]
    )
    assert result.exit_code == 3
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert "was not written" in result.output


@pytest.mark.parametrize(
    "where, code",
    [
        ("missing/folder/v.xlsx", "the folder does not exist"),
        (".", "names a folder"),
    ],
)
def test_a_bad_out_path_is_a_clear_message(tmp_path, where, code):
    out = tmp_path / where
    result = CliRunner().invoke(
        main, ["--lang", "en", "settle", str(SAMPLE), "--year", "2025", "--out", str(out)]
    )
    assert result.exit_code == 64, result.output  # a usage error
    assert code in result.output and "Traceback" not in result.output

"""The empty input workbook with every sheet, its headers and a 'toelichting' sheet."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import pandas as pd

from calculator.schema import SHEETS
from calculator.xlsx_writer import SheetOut, write_book


def explanation() -> pd.DataFrame:
    """One row per column of every sheet: what it means, generated from the declarations."""
    rows = []
    for sheet in SHEETS:
        need = "verplicht" if sheet.required else "optioneel"
        for col in sheet.columns:
            rows.append(
                {
                    "sheet": sheet.name,
                    "tabblad (NL)": sheet.alias,
                    "sheet required": need,
                    "column": col.name,
                    "kolom (NL)": col.alias,
                    "required": "yes" if col.required else "no",
                    "expected": col.expected(),
                    "unit": col.unit,
                    "meaning": col.description,
                }
            )
    return pd.DataFrame(rows)


def write_template(target: str | Path | IO[bytes]) -> None:
    """Write the empty workbook: 'toelichting' first, then one sheet per declared sheet."""
    note = (
        "Required sheets: hospitals, care_forms, products, prices, and volumes or "
        "registrations. Dutch sheet and column names are accepted too. Codes (product_code) "
        "as text with their leading zeros; dates as 31-12-2025 or 2025-12-31."
    )
    sheets = [SheetOut("toelichting", explanation(), note=note)]
    for sheet in SHEETS:
        sheets.append(SheetOut(sheet.name, pd.DataFrame(columns=list(sheet.names))))
    write_book(target, sheets)

"""The input workbook a finance team fills in (``spreiding template``), generated from the
declarations in :mod:`calculator.schema`.

Dutch by default: sheet and column names are the Dutch aliases the reader accepts, the
explanation sheet and the words in the drop-down lists are Dutch; ``lang="en"`` gives the
canonical English names. Drop-down lists (Excel data validation) offer the codes of the
template's own hospitals, care forms, products and agreements sheets for every column that refers
to them, the choices of every enumerated column and yes/no for every yes/no column. Code columns
are formatted as text, so that a typed code keeps its leading zeros. With ``example=True`` the
sheets are filled with the sample region.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

import pandas as pd

from calculator.checks import REFERENCES
from calculator.schema import SHEETS, SHEETS_BY_NAME, Column, Sheet
from calculator.validate import expectation
from calculator.xlsx_writer import DropDown, SheetOut, write_book
from messages import text

FILL_ROWS = 1000  # rows below the data that keep the drop-downs and text formats
# sheets whose codes other sheets choose from (the first column holds the code)
LISTED = ("hospitals", "care_forms", "products", "agreements", "network_costs")


def sheet_title(sheet: Sheet, lang: str) -> str:
    """The sheet's name in the template: the Dutch alias, or the canonical name in English."""
    return sheet.alias if lang == "nl" and sheet.alias else sheet.name


def column_header(col: Column, lang: str) -> str:
    """The column's header in the template (both are read: see ``canonical_column_name``)."""
    return col.alias if lang == "nl" and col.alias else col.name


def choice_word(value: str, lang: str) -> str:
    """An enumerated value as the template offers it (the reader maps the Dutch word back)."""
    return text(f"choice_{value}", lang)


def _yes_no(lang: str) -> tuple[str, str]:
    return text("settlement_yes", lang), text("settlement_no", lang)


def _references() -> dict[tuple[str, str], str]:
    """(sheet, column) → the sheet whose codes it takes, for the listed sheets."""
    return {
        (sheet, column): target
        for sheet, column, target, target_column in REFERENCES
        if target in LISTED and SHEETS_BY_NAME[target].columns[0].name == target_column
    }


def _range(target: Sheet, rows: int, lang: str) -> str:
    """The list formula for the codes in the first column of ``target`` (below its header)."""
    return f"'{sheet_title(target, lang)}'!$A$2:$A${rows + 1}"


def drop_downs(sheet: Sheet, rows: dict[str, int], lang: str) -> list[DropDown]:
    """The drop-down lists of one sheet; ``rows`` is the number of rows each sheet offers."""
    refers = _references()
    title = text("tpl_drop_down_title", lang)
    out = []
    for col in sheet.columns:
        header = column_header(col, lang)
        target = refers.get((sheet.name, col.name))
        if target is not None:
            listed = SHEETS_BY_NAME[target]
            name = sheet_title(listed, lang)
            out.append(
                DropDown(
                    header,
                    _range(listed, rows[target], lang),
                    title,
                    text("tpl_drop_down_ids_message", lang, sheet=name),
                    strict=False,  # a code may be typed before its sheet is filled in
                )
            )
            continue
        words = (
            [choice_word(c, lang) for c in col.choices]
            if col.choices
            else list(_yes_no(lang))
            if col.kind == "bool"
            else []
        )
        if words:
            shown = ", ".join(words)
            out.append(
                DropDown(
                    header,
                    '"' + ",".join(words) + '"',
                    title,
                    text("tpl_drop_down_choices_message", lang, choices=shown),
                )
            )
    return out


def _drop_down_words(sheet: Sheet, col: Column, lang: str) -> str:
    """What the drop-down of a column offers, in words, for the explanation sheet."""
    target = _references().get((sheet.name, col.name))
    if target is not None:
        return text("tpl_drop_down_ids", lang, sheet=sheet_title(SHEETS_BY_NAME[target], lang))
    if col.choices:
        return ", ".join(choice_word(c, lang) for c in col.choices)
    if col.kind == "bool":
        return ", ".join(_yes_no(lang))
    return ""


def explanation(lang: str = "nl") -> pd.DataFrame:
    """One row per column of every sheet: names, whether required, what it holds and means."""
    yes, no = _yes_no(lang)
    rows = []
    for sheet in SHEETS:
        for k, col in enumerate(sheet.columns):
            other = col.name if lang == "nl" else col.alias
            rows.append(
                {
                    "tpl_col_sheet": sheet_title(sheet, lang),
                    "tpl_col_sheet_required": yes if sheet.required else no,
                    "tpl_col_sheet_meaning": (
                        text(f"sheet_meaning_{sheet.name}", lang) if k == 0 else ""
                    ),
                    "tpl_col_column": column_header(col, lang),
                    "tpl_col_other_name": other if other != column_header(col, lang) else "",
                    "tpl_col_required": yes if col.required else no,
                    "tpl_col_expected": _expected(col, lang),
                    "tpl_col_unit": text(f"unit_{col.unit}", lang) if col.unit else "",
                    "tpl_col_meaning": text(f"meaning_{sheet.name}_{col.name}", lang),
                    "tpl_col_drop_down": _drop_down_words(sheet, col, lang),
                }
            )
    frame = pd.DataFrame(rows)
    return frame.rename(columns={code: text(code, lang) for code in frame.columns})


def _expected(col: Column, lang: str) -> str:
    if col.choices:  # the words of the language, not the canonical codes
        return text(
            "expect_choice", lang, choices=", ".join(choice_word(c, lang) for c in col.choices)
        )
    return expectation(col).render(lang)


def _example_frame(sheet: Sheet, frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A sample sheet as the template shows it: the template's headers, choices in words."""
    out = frame.reindex(columns=list(sheet.names)).copy()
    for col in sheet.columns:
        if col.choices:
            words = {c: choice_word(c, lang) for c in col.choices}
            out[col.name] = [words.get(v, v) if isinstance(v, str) else v for v in out[col.name]]
    return out.rename(columns={c.name: column_header(c, lang) for c in sheet.columns})


def template_sheets(lang: str = "nl", example: bool = False) -> list[SheetOut]:
    """The sheets of the template: the explanation first, then one sheet per declared sheet
    (empty, or with the sample region's rows when ``example``)."""
    filled: dict[str, pd.DataFrame] = {}
    if example:
        from calculator.sample_region import build_sample

        filled = build_sample()
    frames = {
        sheet.name: (
            _example_frame(sheet, filled[sheet.name], lang)
            if sheet.name in filled
            else pd.DataFrame(columns=[column_header(c, lang) for c in sheet.columns])
        )
        for sheet in SHEETS
    }
    rows = {name: len(frame) + FILL_ROWS for name, frame in frames.items()}
    note = text("tpl_note", lang)
    if example:
        note = text("tpl_example_note", lang) + "\n" + note
    sheets = [SheetOut(text("tpl_sheet_explanation", lang), explanation(lang), note=note)]
    for sheet in SHEETS:
        sheets.append(
            SheetOut(
                sheet_title(sheet, lang),
                frames[sheet.name],
                euro=[column_header(c, lang) for c in sheet.columns if c.kind == "money"],
                drop_downs=drop_downs(sheet, rows, lang),
                fill_rows=FILL_ROWS,
                text_columns=[
                    column_header(c, lang)
                    for c in sheet.columns
                    if c.kind == "code9" or c.name == "specialism"
                ],
            )
        )
    return sheets


def write_template(target: str | Path | IO[bytes], lang: str = "nl", example: bool = False) -> None:
    """Write the template (in ``lang``; filled with the sample region when ``example``)."""
    write_book(target, template_sheets(lang, example), lang)

"""Writing workbooks in the house style (SPEC §8).

Header row bold and frozen, filters on, column widths that fit, euro amounts as numbers with a
euro number format, dates as dates, and no formulas from user text: a text cell starting with
``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written as a text cell explicitly (never
a formula, whatever a hospital, care form or agreement is called). A workbook written to a path
appears whole or not at all (written beside it, then renamed).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
from openpyxl import Workbook as XlsxBook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

EURO_FORMAT = '"€" #,##0.00;[Red]-"€" #,##0.00'
SHARE_FORMAT = "0.0%"
DATE_FORMAT = "dd-mm-yyyy"
_HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class SheetOut:
    """A sheet to write: a frame, and which columns are euros or shares.

    ``euro_cents`` columns hold integer cents and are written as euros; ``euro`` columns hold
    Decimal or float euros.
    """

    title: str
    frame: pd.DataFrame
    euro_cents: Sequence[str] = ()
    euro: Sequence[str] = ()
    shares: Sequence[str] = ()
    note: str = ""
    # further tables written below the first one on the same sheet (title, SheetOut)
    below: Sequence[tuple[str, SheetOut]] = field(default_factory=tuple)


def _cell_value(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime().date() if value == value.normalize() else value.to_pydatetime()
    if isinstance(value, Decimal):
        return float(value)
    return value


def looks_like_formula(value: str) -> bool:
    """True when a spreadsheet would read ``value`` as a formula (``=…``, ``+…``, ``-…``,
    ``@…``, or a tab or carriage return first)."""
    return value.startswith(_FORMULA_START)


def _set_text(cell: Any, value: str) -> None:
    """Text as text: what starts like a formula is stored as a string cell, never evaluated."""
    cell.value = value
    if looks_like_formula(value):
        cell.data_type = TYPE_STRING


def write_sheet(ws: Worksheet, spec: SheetOut) -> None:
    """Fill one worksheet with a frame (and any tables below it) in the house style."""
    widths: dict[int, int] = {}
    header_row, end = _write_table(ws, spec, 1, widths)
    for title, block in spec.below:
        ws.cell(row=end + 2, column=1, value=title).font = Font(bold=True, size=12)
        _write_table(ws, block, end + 3, widths)
        end = end + 3 + len(block.frame) + (1 if block.note else 0)
    for j, width in widths.items():
        ws.column_dimensions[get_column_letter(j)].width = width
    columns = len(spec.frame.columns)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    if columns:
        last = get_column_letter(columns)
        ws.auto_filter.ref = f"A{header_row}:{last}{header_row + max(len(spec.frame), 1)}"


def _write_table(
    ws: Worksheet, spec: SheetOut, top: int, widths: dict[int, int]
) -> tuple[int, int]:
    """Write one table from row ``top``; return its header row and last row."""
    frame = spec.frame
    offset = 0
    if spec.note:
        ws.cell(row=top, column=1, value=spec.note).font = Font(italic=True)
        offset = 1
    header_row = top + offset
    columns = [str(c) for c in frame.columns]
    for j, name in enumerate(columns, start=1):
        cell = ws.cell(row=header_row, column=j)
        _set_text(cell, name)  # a header may be a hospital or care form (a pivot)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="top")
    for j, c in enumerate(columns, start=1):
        widths[j] = max(widths.get(j, 0), len(c) + 2)
    euro_cents = set(spec.euro_cents)
    euro = set(spec.euro)
    shares = set(spec.shares)
    for i, row in enumerate(frame.itertuples(index=False, name=None), start=header_row + 1):
        for j, (name, raw) in enumerate(zip(columns, row, strict=True), start=1):
            value = _cell_value(raw)
            if name in euro_cents and value is not None:
                value = float(Decimal(int(value)) / 100)  # type: ignore[call-overload]
            cell = ws.cell(row=i, column=j)
            if isinstance(value, str):
                _set_text(cell, value)
            else:
                cell.value = value
            if name in euro_cents or name in euro:
                cell.number_format = EURO_FORMAT
            elif name in shares:
                cell.number_format = SHARE_FORMAT
            elif isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
            shown = len(f"{value:,.2f}") + 3 if isinstance(value, float) else len(str(value or ""))
            widths[j] = max(widths.get(j, 0), min(shown + 2, 60))
    return header_row, header_row + len(frame)


def write_book(target: str | Path | IO[bytes], sheets: Iterable[SheetOut]) -> None:
    """Write sheets to a new workbook at ``target`` (path or binary file object)."""
    book = XlsxBook()
    book.remove(book.active)
    for spec in sheets:
        write_sheet(book.create_sheet(spec.title[:31]), spec)
    if not isinstance(target, str | Path):
        book.save(target)
        return
    target = Path(target)
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        book.save(partial)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)

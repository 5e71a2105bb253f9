"""Writing workbooks in the house style (README, Command line).

Header row bold and frozen, filters on, column widths that fit, euro amounts as numbers with a
euro number format, other fractions with two decimals, dates as dates, yes/no in the reader's
words (never True/False), and no formulas from user text: a text cell starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return is written as a text cell explicitly (never a formula,
whatever a hospital, care form or agreement is called). Every sheet prints on A4 landscape, fit
to the page width, with its header rows repeated on each page. A table may end in a totals row
(sums of exact cents), carry drop-down lists (Excel data validation) and a signing block below
it. A workbook written to a path appears whole or not at all (written beside it, then renamed).
"""

from __future__ import annotations

import datetime as dt
import os
import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd
from openpyxl import Workbook as XlsxBook
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from messages import DEFAULT_LANGUAGE, text

EURO_FORMAT = '"€" #,##0.00;[Red]-"€" #,##0.00'
SHARE_FORMAT = "0.0%"
DATE_FORMAT = "dd-mm-yyyy"
DECIMAL_FORMAT = "#,##0.00"
HEADER_WIDTH = 16  # characters of a header line before it wraps
MAX_WIDTH = 60  # characters of the widest column; longer text wraps
_WRAP = Alignment(wrap_text=True, vertical="top")
TEXT_FORMAT = "@"
_THIN = Side(style="thin")
_TOTAL_BORDER = Border(top=_THIN, bottom=Side(style="double"))
_SIGN_BORDER = Border(bottom=_THIN)
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
    # a totals row under the table with this label in its first column and the ``summed``
    # columns added up (euro cents exactly); empty = no totals row
    total: str = ""
    summed: Sequence[str] = ()
    # a bold title above the note (the note's lines, split at line breaks, are wrapped across
    # the table's width)
    heading: str = ""
    # drop-down lists on columns of the (first) table, and the rows left for filling in
    drop_downs: Sequence[DropDown] = ()
    fill_rows: int = 0
    # columns kept as text when a person types in them (codes with leading zeros)
    text_columns: Sequence[str] = ()
    # a signing block below everything: one row per signer under these headers
    signers: Sequence[str] = ()
    signing_headers: Sequence[str] = ()


@dataclass(frozen=True)
class DropDown:
    """A drop-down list on one column: ``source`` is an Excel list formula, either a quoted
    list (``'"ja,nee"'``) or a range on another sheet (``"'ziekenhuizen'!$A$2:$A$1001"``).

    ``strict`` refuses a value not in the list; otherwise Excel only warns (an id list that is
    still being filled in). ``title`` and ``message`` are what Excel shows then.
    """

    column: str
    source: str
    title: str = ""
    message: str = ""
    strict: bool = True


def _cell_value(value: object, lang: str = DEFAULT_LANGUAGE) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, bool):  # a reader sees ja/nee (yes/no), never True/False
        return text("settlement_yes" if value else "settlement_no", lang)
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


@dataclass(frozen=True)
class _Layout:
    """Rows whose height is set once the column widths are known: wrapped note rows
    (row → characters, points per line) and rows with wrapped cells, such as a header row
    (row → (column, text) of each wrapped cell)."""

    notes: dict[int, tuple[int, int]]
    cells: dict[int, list[tuple[int, str]]]


def write_sheet(ws: Worksheet, spec: SheetOut, lang: str = DEFAULT_LANGUAGE) -> None:
    """Fill one worksheet with a frame (and any tables below it) in the house style."""
    widths: dict[int, int] = {}
    layout = _Layout({}, {})
    header_row, end = _write_table(ws, spec, 1, widths, lang, layout)
    _add_drop_downs(ws, spec, header_row)
    for title, block in spec.below:
        ws.cell(row=end + 2, column=1, value=title).font = Font(bold=True, size=12)
        _, end = _write_table(ws, block, end + 3, widths, lang, layout)
    if spec.signers:
        end = _write_signing(ws, spec, end + 2, widths)
    for j, width in widths.items():
        ws.column_dimensions[get_column_letter(j)].width = width
    across = sum(widths.values()) or 1
    for row, (chars, points) in layout.notes.items():  # points per line of wrapped text
        ws.row_dimensions[row].height = points * max(1, -(-chars // across))
    for row, texts in layout.cells.items():  # as many lines as its longest wrapped cell
        lines = max(len(textwrap.wrap(t, max(widths[j] - 2, 1)) or [""]) for j, t in texts)
        if lines > 1:
            ws.row_dimensions[row].height = 15 * lines
    columns = len(spec.frame.columns)
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    if columns:
        last = get_column_letter(columns)
        ws.auto_filter.ref = f"A{header_row}:{last}{header_row + max(len(spec.frame), 1)}"
    _print_setup(ws, header_row)
    if spec.fill_rows and columns:  # the empty rows kept for filling in do not print
        ws.print_area = f"A1:{get_column_letter(columns)}{end}"


def _print_setup(ws: Worksheet, header_row: int) -> None:
    """A4 landscape, as wide as the page, header rows on every page, page numbers below."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the rows need
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = f"1:{header_row}"
    ws.print_options.gridLines = False
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddFooter.left.text = "&A"
    ws.oddFooter.right.text = "&P / &N"


def _total_cell(values: pd.Series, cents: bool) -> object:
    """The exact sum of a column: integer cents as euros, else the plain sum (None if empty)."""
    present = [v for v in values if v is not None and not pd.isna(v)]
    if cents:
        return float(Decimal(sum(int(v) for v in present)) / 100)
    if present and all(isinstance(v, Decimal) for v in present):
        return float(sum(present, Decimal(0)))
    return _cell_value(sum(present)) if present else 0


def _write_table(
    ws: Worksheet,
    spec: SheetOut,
    top: int,
    widths: dict[int, int],
    lang: str,
    layout: _Layout,
) -> tuple[int, int]:
    """Write one table from row ``top``; return its header row and last row (the totals row
    when there is one). ``widths`` collects column widths, ``layout`` the rows whose height
    follows from them."""
    frame = spec.frame
    columns = [str(c) for c in frame.columns]
    span = max(len(columns), len(spec.signing_headers), 1)
    lines = [(spec.heading, Font(bold=True, size=13), 20)] if spec.heading else []
    lines += [(line, Font(italic=True), 15) for line in spec.note.split("\n") if line]
    for k, (line, font, points) in enumerate(lines):
        cell = ws.cell(row=top + k, column=1)
        _set_text(cell, line)
        cell.font = font
        if span > 1:  # wrapped across the table, so that it prints within the page width
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            ws.merge_cells(start_row=top + k, start_column=1, end_row=top + k, end_column=span)
            layout.notes[top + k] = (len(line), points)
    header_row = top + len(lines)
    for j, name in enumerate(columns, start=1):
        cell = ws.cell(row=header_row, column=j)
        _set_text(cell, name)  # a header may be a hospital or care form (a pivot)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    layout.cells[header_row] = list(enumerate(columns, start=1))
    for j, c in enumerate(columns, start=1):
        # a long header wraps over lines (at most HEADER_WIDTH wide, never narrower than its
        # longest word), so that a wide table still prints legibly on one page width
        longest_word = max((len(w) for w in c.split()), default=0)
        widths[j] = max(widths.get(j, 0), min(len(c), max(HEADER_WIDTH, longest_word)) + 2)
    euro_cents = set(spec.euro_cents)
    euro = set(spec.euro)
    shares = set(spec.shares)
    decimals = {
        name
        for name, dtype in zip(columns, frame.dtypes, strict=True)
        if pd.api.types.is_float_dtype(dtype)
        and not frame[name].dropna().map(float.is_integer).all()
    }
    for i, row in enumerate(frame.itertuples(index=False, name=None), start=header_row + 1):
        for j, (name, raw) in enumerate(zip(columns, row, strict=True), start=1):
            value = _cell_value(raw, lang)
            if name in euro_cents and value is not None:
                value = float(Decimal(int(value)) / 100)  # type: ignore[call-overload]
            cell = ws.cell(row=i, column=j)
            if isinstance(value, str):
                _set_text(cell, value)
                if len(value) > MAX_WIDTH:  # a long explanation wraps within its column
                    cell.alignment = _WRAP
                    layout.cells.setdefault(i, []).append((j, value))
            else:
                cell.value = value
            _format(cell, name, value, euro_cents | euro, shares, decimals)
            shown = len(f"{value:,.2f}") + 3 if isinstance(value, float) else len(str(value or ""))
            widths[j] = max(widths.get(j, 0), min(shown + 2, MAX_WIDTH))
    end = header_row + len(frame)
    text_columns = set(spec.text_columns)
    for j, name in enumerate(columns, start=1):
        if name in text_columns:  # typed codes keep their leading zeros
            for i in range(header_row + 1, end + spec.fill_rows + 1):
                ws.cell(row=i, column=j).number_format = TEXT_FORMAT
    if spec.total:
        end += 1
        summed = set(spec.summed)
        label = ws.cell(row=end, column=1)
        _set_text(label, spec.total)
        for j, name in enumerate(columns, start=1):
            cell = ws.cell(row=end, column=j)
            if j > 1 and name in summed:
                cell.value = _total_cell(frame[name], cents=name in euro_cents)
                _format(cell, name, cell.value, euro_cents | euro, shares, decimals)
            cell.font = Font(bold=True)
            cell.border = _TOTAL_BORDER
        widths[1] = max(widths.get(1, 0), len(spec.total) + 2)
    return header_row, end


def _format(
    cell: Any, name: str, value: object, money: set[str], shares: set[str], decimals: set[str]
) -> None:
    if name in money:
        cell.number_format = EURO_FORMAT
    elif name in shares:
        cell.number_format = SHARE_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    elif name in decimals and isinstance(value, float):
        cell.number_format = DECIMAL_FORMAT


def _add_drop_downs(ws: Worksheet, spec: SheetOut, header_row: int) -> None:
    """Excel drop-down lists on the table's columns, from the header down past the rows left
    for filling in."""
    columns = [str(c) for c in spec.frame.columns]
    last = header_row + max(len(spec.frame), 0) + max(spec.fill_rows, 1)
    for drop in spec.drop_downs:
        if drop.column not in columns:
            continue
        letter = get_column_letter(columns.index(drop.column) + 1)
        rule = DataValidation(
            type="list",
            formula1=drop.source,
            allow_blank=True,
            showDropDown=False,  # False shows the arrow (the attribute means "hide it")
            showErrorMessage=True,
            errorStyle="stop" if drop.strict else "warning",
            errorTitle=drop.title or None,
            error=drop.message or None,
        )
        rule.add(f"{letter}{header_row + 1}:{letter}{last}")
        ws.add_data_validation(rule)


def _write_signing(ws: Worksheet, spec: SheetOut, top: int, widths: dict[int, int]) -> int:
    """A signing block from row ``top``: headers, then one tall row per signer with lines to
    write on (every column after the first). Returns the last row."""
    for j, name in enumerate(spec.signing_headers, start=1):
        cell = ws.cell(row=top, column=j)
        _set_text(cell, name)
        cell.font = Font(bold=True)
        cell.fill = _HEADER_FILL
        widths[j] = max(widths.get(j, 0), len(name) + 2, 24 if j > 1 else 0)
    row = top
    for signer in spec.signers:
        row += 1
        ws.row_dimensions[row].height = 42  # room for a signature
        first = ws.cell(row=row, column=1)
        _set_text(first, signer)
        first.alignment = Alignment(vertical="bottom", wrap_text=True)
        widths[1] = max(widths.get(1, 0), min(len(signer) + 2, 40))
        for j in range(2, len(spec.signing_headers) + 1):
            ws.cell(row=row, column=j).border = _SIGN_BORDER
    return row


def write_book(
    target: str | Path | IO[bytes], sheets: Iterable[SheetOut], lang: str = DEFAULT_LANGUAGE
) -> None:
    """Write sheets to a new workbook at ``target`` (path or binary file object); yes/no and
    other words the writer adds are in ``lang``."""
    book = XlsxBook()
    book.remove(book.active)
    for spec in sheets:
        write_sheet(book.create_sheet(spec.title[:31]), spec, lang)
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

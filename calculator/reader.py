"""Reading input files into raw tables (README, Input).

A raw table is a DataFrame whose columns carry canonical names (unknown headers are kept under
their own name) and whose values are still as the file held them: text, numbers, dates, booleans,
:class:`~calculator.coerce.ExcelError` for an error cell, or missing. A column ``_row`` holds the
row number as Excel (or a text editor, for CSV) shows it. Typing and checking happen in
:mod:`calculator.validate`; this module only reads, and refuses files that are not safe or not
readable, with a finding instead of a traceback.

Safety first: an xlsx archive is checked with :mod:`zipfile` before any reader inflates it — total
and per-part size, compression ratio (zip bombs), macros — and every XML part is parsed with a
defused XML parser (a DTD or entity declaration is refused); every sheet read is streamed through
that parser for its used range, error cells and formulas without a value
(:mod:`calculator.xlsx_scan`; a large sheet spelt plainly is recognised whole,
:mod:`calculator.xlsx_plain`). The reader (calamine) allocates a dense grid of the used range, so
a sheet whose range would not fit the cell limit is refused before it is read.
"""

from __future__ import annotations

import io
import stat
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from calculator.coerce import (
    DATE,
    DATETIME,
    FLOAT,
    NONE,
    OTHER,
    TEXT,
    ExcelError,
    cell_kinds,
)
from calculator.errors import Finding
from calculator.schema import SHEETS_BY_NAME, canonical_column_name, canonical_sheet_name
from calculator.xlsx_plain import scan_worksheet
from calculator.xlsx_scan import (
    MAX_COLUMNS,
    XML_ERRORS,
    SheetScan,
    column_letters,
    longest_text_over,
    refuses_dtd,
    sheet_parts,
)

ROW = "_row"

# Limits that stop a zip bomb or a huge grid before any reader allocates it.
MAX_UNCOMPRESSED_BYTES = 1 << 30  # 1 GiB for the whole workbook
MAX_COMPRESSION_RATIO = 200  # per member larger than 1 MiB
MAX_CELLS = 5_000_000  # cells of the used ranges of the sheets read, together (≈ 0.4 GB)
MAX_TEXT_BYTES = 1 << 20  # one text node of XML (Excel itself stops at 32,767 characters)
MAX_CSV_BYTES = 512 << 20  # one CSV file (read whole, as text)
MAX_FILE_BYTES = 256 << 20  # one workbook file (read whole into memory before it is checked)
MAX_PARQUET_CELLS = 60_000_000  # rows × columns of one Parquet file, from its metadata
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class RawBook:
    """Raw tables of one input, keyed by canonical sheet name, plus problems found while reading.

    ``convention`` says how numbers written as text are read per sheet (see
    :func:`calculator.coerce.number_text`): ``"any"`` for workbooks, ``"nl"``/``"en"`` for CSV.
    """

    tables: dict[str, pd.DataFrame]
    findings: list[Finding]
    source: str
    convention: dict[str, str] = field(default_factory=dict)


def read_any(path: str | Path) -> RawBook:
    """Read an ``.xlsx`` file, a folder of CSV files, or a ``.csv``/``.parquet`` set in a folder."""
    path = Path(path)
    try:
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            return RawBook({}, [_file_finding(str(path), "file_missing")], str(path))
        if stat.S_ISDIR(mode):
            return read_folder(path)
        problem = _not_a_regular_file(path, MAX_FILE_BYTES)
        if problem is not None:
            return RawBook({}, [problem], str(path))
        data = path.read_bytes()
    except OSError as exc:
        return RawBook(
            {}, [_file_finding(str(path), "file_unreadable", detail=exc.strerror)], str(path)
        )
    return read_xlsx_bytes(data, path.name)


def _not_a_regular_file(path: Path, limit: int) -> Finding | None:
    """A finding when ``path`` is not a regular file (a FIFO would block the read, a device
    such as /dev/zero would never end) or is larger than ``limit`` bytes; else None."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        return _file_finding(str(path), "file_not_regular")
    if info.st_size > limit:
        return _file_finding(str(path), "file_too_big", size=info.st_size, limit=limit)
    return None


# --------------------------------------------------------------------------- xlsx


def _file_finding(value: str, code: str, **params: object) -> Finding:
    return Finding("", None, "", value, code=code, params=params)


def _check_archive(data: bytes, name: str) -> tuple[list[Finding], zipfile.ZipFile | None]:
    """Refuse what is not a safe xlsx archive: empty, encrypted, legacy, corrupt, bombs, macros."""
    if not data:
        return [_file_finding(name, "file_empty")], None
    if data.startswith(_OLE_MAGIC):
        return [_file_finding(name, "file_password_or_xls")], None
    if not data.startswith(_ZIP_MAGIC):
        return [_file_finding(name, "file_not_xlsx")], None
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        return [_file_finding(name, "file_damaged", detail=str(exc))], None
    if any(m.flag_bits & 0x1 for m in members):
        return [_file_finding(name, "file_encrypted")], None
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        return [_file_finding(name, "file_no_workbook_part")], None
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        return [_file_finding(name, "file_macros")], None
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        return [
            _file_finding(name, "file_too_large", size=total, limit=MAX_UNCOMPRESSED_BYTES)
        ], None
    for m in members:
        if m.file_size > (1 << 20) and m.file_size > MAX_COMPRESSION_RATIO * max(
            m.compress_size, 1
        ):
            return [
                _file_finding(name, "file_zip_bomb", part=m.filename, ratio=MAX_COMPRESSION_RATIO)
            ], None
    for m in members:
        if m.filename.lower().endswith((".xml", ".rels", ".vml")):
            try:
                complaint = refuses_dtd(archive, m)
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError) as exc:
                return [
                    _file_finding(name, "file_part_damaged", part=m.filename, detail=str(exc))
                ], None
            if complaint.startswith(("DTDForbidden", "EntitiesForbidden", "ExternalReference")):
                return [_file_finding(name, "file_xml_entities", part=m.filename)], None
            if complaint and m.filename.lower().endswith((".xml", ".rels")):
                return [
                    _file_finding(name, "file_part_damaged", part=m.filename, detail=complaint)
                ], None
    return [], archive


def check_archive(data: bytes, name: str) -> list[Finding]:
    """Why ``data`` is not a safe xlsx archive to open (empty list: it is)."""
    findings, archive = _check_archive(data, name)
    if archive is not None:
        archive.close()
    return findings


def read_xlsx_bytes(data: bytes, name: str = "upload.xlsx") -> RawBook:
    """Read an xlsx workbook given as bytes (file or upload)."""
    findings, archive = _check_archive(data, name)
    if archive is None:
        return RawBook({}, findings, name)
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        parts = sheet_parts(archive)
        long_text = longest_text_over(archive, "xl/sharedStrings.xml", MAX_TEXT_BYTES)
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        meta = {m.name: str(m.visible).rsplit(".", 1)[-1].lower() for m in book.sheets_metadata}
        names = list(book.sheet_names)
    except (CalamineError, KeyError, OSError, zipfile.BadZipFile, *XML_ERRORS) as exc:
        return RawBook({}, [_file_finding(name, "file_unreadable", detail=str(exc))], name)
    if long_text:
        return RawBook(
            {},
            [_file_finding(name, "text_too_long", limit=MAX_TEXT_BYTES, excel=32767)],
            name,
        )
    chosen: dict[str, str] = {}
    scans: dict[str, SheetScan] = {}
    for raw_name in names:
        canonical = canonical_sheet_name(raw_name)
        if canonical is None:
            continue
        if canonical in chosen:
            findings.append(Finding(canonical, None, "", raw_name, code="sheet_twice"))
            continue
        if meta.get(raw_name, "visible") != "visible":
            findings.append(Finding(canonical, None, "", raw_name, code="sheet_hidden"))
        chosen[canonical] = raw_name
        part = parts.get(raw_name)
        if part is None or part not in archive.namelist():
            # the workbook names no part for this sheet that the scan can check: never read
            findings.append(
                Finding(canonical, None, "", raw_name, code="sheet_unreadable",
                        params={"detail": "no worksheet part"})
            )  # fmt: skip
            continue
        scan = scan_worksheet(archive, part, MAX_CELLS, MAX_TEXT_BYTES)
        scans[canonical] = scan
        if scan.problem == "row_too_many_cells":
            findings.append(
                Finding(
                    canonical,
                    None,
                    "",
                    "",
                    code="row_too_many_cells",
                    params={"limit": MAX_COLUMNS},
                )
            )
        elif scan.problem == "sheet_xml_damaged":
            findings.append(
                Finding(canonical, None, "", raw_name, code="sheet_unreadable",
                        params={"detail": scan.detail})
            )  # fmt: skip
        elif scan.problem == "text_too_long":
            findings.append(
                Finding(
                    canonical,
                    None,
                    "",
                    "",
                    code="text_too_long",
                    params={"limit": MAX_TEXT_BYTES, "excel": 32767},
                )
            )
        elif scan.problem == "sheet_range_too_large" or scan.cells > MAX_CELLS:
            findings.append(
                Finding(
                    canonical,
                    None,
                    "",
                    f"A1:{column_letters(scan.max_col)}{scan.max_row}",
                    code="sheet_range_too_large",
                    params={
                        "last_cell": f"{column_letters(scan.max_col)}{scan.max_row}",
                        "cells": scan.cells,
                        "limit": MAX_CELLS,
                    },
                )
            )
    refused = {f.sheet for f in findings if f.code in _REFUSING} | (chosen.keys() - scans.keys())
    total = sum(s.cells for c, s in scans.items() if c not in refused)
    if total > MAX_CELLS:
        findings.append(_file_finding(name, "file_too_many_cells", cells=total, limit=MAX_CELLS))
        return RawBook({}, findings, name)
    tables: dict[str, pd.DataFrame] = {}
    for canonical, raw_name in chosen.items():
        if canonical in refused:
            continue
        try:
            sheet = book.get_sheet_by_name(raw_name)
            rows = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or []
        except (CalamineError, ValueError, OverflowError) as exc:
            findings.append(
                Finding(
                    canonical,
                    None,
                    "",
                    raw_name,
                    code="sheet_unreadable",
                    params={"detail": str(exc)},
                )
            )
            continue
        for (r0, c0), (r1, c1) in merged:
            findings.append(
                Finding(
                    canonical,
                    r0 + 1,
                    "",
                    f"{column_letters(c0 + 1)}{r0 + 1}:{column_letters(c1 + 1)}{r1 + 1}",
                    code="merged_cells",
                )
            )
        scan = scans[canonical]
        _place_errors(rows, scan.errors)
        table, names_by_col = _rows_to_frame(rows, canonical, findings)
        for row, col in scan.lost_formulas:
            findings.append(
                Finding(
                    canonical,
                    row,
                    names_by_col.get(col, ""),
                    f"{column_letters(col)}{row}",
                    code="formula_without_value",
                )
            )
        if table is not None:
            tables[canonical] = table
    return RawBook(tables, findings, name, {sheet: "any" for sheet in tables})


_REFUSING = frozenset(
    {"row_too_many_cells", "text_too_long", "sheet_range_too_large", "sheet_unreadable"}
)


def _place_errors(rows: list[list[Any]], errors: list[tuple[int, int, str]]) -> None:
    """Put an :class:`ExcelError` where the XML held an error cell (the reader gives a blank)."""
    for row, col, code in errors:
        if row - 1 < len(rows) and col - 1 < len(rows[row - 1]):
            rows[row - 1][col - 1] = ExcelError(code)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _column(values: np.ndarray, dated: bool = False) -> tuple[pd.Series, np.ndarray]:
    """One column of a sheet's body as a raw column, and which of its cells are blank.

    Whole columns at once: each cell's type is taken in one pass, text cells are stripped
    together. A column of text alone becomes a text column (``str``), and a column declared as
    dates (``dated``) that holds only dates and blanks a date column (``datetime64[s]``, a blank
    is missing): both are typed by the vectorised paths for such columns. Any other column keeps
    each cell as read (``object``). A number cell
    holding NaN (``<v>NaN</v>``, which Excel never writes) becomes the text ``NaN`` — a finding
    — never a blank that takes a column's default.
    """
    if pd.api.types.infer_dtype(values, skipna=False) in ("string", "empty"):
        column = pd.Series(values, dtype="str")
        return column, (column.str.strip() == "").to_numpy(dtype=bool, na_value=True)
    kinds = cell_kinds(values)
    text = kinds == TEXT
    blank = kinds == NONE
    if text.any():
        stripped = pd.Series(values[text], dtype="str").str.strip()
        blank[text] = (stripped == "").to_numpy(dtype=bool)
    dates = (kinds == DATE) | (kinds == DATETIME)
    if dated and dates.any() and (dates | blank).all():
        days = values.copy()
        days[~dates] = None
        return pd.Series(days, dtype="datetime64[s]"), blank
    nan = (kinds == FLOAT) & pd.isna(values)
    if nan.any():
        values[nan] = "NaN"
    # a cell of a type calamine does not give (a subclass of str, say): asked as ever
    for i in np.flatnonzero(kinds == OTHER):
        blank[i] = _is_blank(values[i])
    return pd.Series(values, dtype=object), blank


def _rows_to_frame(
    rows: Sequence[Sequence[object]], sheet_name: str, findings: list[Finding]
) -> tuple[pd.DataFrame | None, dict[int, str]]:
    """Turn a sheet's cells into a raw table; the first non-empty row is the header.

    Returns the table and the canonical column name per 1-based column index.
    """
    header_index = next((i for i, r in enumerate(rows) if any(not _is_blank(v) for v in r)), None)
    if header_index is None:
        findings.append(Finding(sheet_name, None, "", "", code="sheet_empty"))
        return None, {}
    header = rows[header_index]
    body = rows[header_index + 1 :]
    names = _canonical_headers(
        sheet_name, [_header_text(h) for h in header], header_index + 1, findings
    )
    width = max(map(len, body), default=0)
    if min(map(len, body), default=0) != width:  # a ragged grid: pad with blanks
        body = [[*r, *([None] * (width - len(r)))] for r in body]
    grid = np.empty((len(body), width), dtype=object)
    if width:
        grid[:] = body
    blank_rows = np.ones(len(body), dtype=bool)
    data: dict[str, pd.Series] = {}
    dated = {c.name for c in SHEETS_BY_NAME[sheet_name].columns if c.kind == "date"}
    for j in range(width):
        column, blank = _column(grid[:, j], j < len(names) and names[j] in dated)
        blank_rows &= blank
        if j < len(names) and names[j]:
            data[names[j]] = column
    keep = np.flatnonzero(~blank_rows)
    if len(keep) == len(body):  # no blank row: every column as it is
        frame = pd.DataFrame({n: data.get(n, _blanks(len(keep))) for n in names if n})
    elif len(keep):
        frame = pd.DataFrame(
            {
                n: (data[n].take(keep).reset_index(drop=True) if n in data else _blanks(len(keep)))
                for n in names
                if n
            }
        )
    else:
        frame = pd.DataFrame({n: pd.Series([], dtype=object) for n in names if n})
    frame[ROW] = header_index + 2 + keep
    return frame, {j + 1: n for j, n in enumerate(names) if n}


def _blanks(n: int) -> pd.Series:
    """A column the grid has no cells for (a header wider than every row): blank."""
    return pd.Series([None] * n, dtype=object)


def _header_text(value: object) -> str:
    if value is None or isinstance(value, ExcelError):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _canonical_headers(
    sheet_name: str, header: list[str], header_row: int, findings: list[Finding]
) -> list[str]:
    """Canonical names for a header row; unknown headers keep their own name, blanks are ''.

    Linear in the number of headers: each is looked up once in a dictionary.
    """
    sheet = SHEETS_BY_NAME[sheet_name]
    names: list[str] = []
    seen: set[str] = set()
    for raw in header:
        if raw == "":
            names.append("")
            continue
        name = canonical_column_name(sheet, raw) or raw
        if name in seen or name == ROW:
            if name in sheet.names:
                findings.append(
                    Finding(sheet_name, header_row, name, raw[:100], code="column_twice")
                )
            names.append("")
            continue
        seen.add(name)
        names.append(name)
    return names


# --------------------------------------------------------------------------- CSV / Parquet


def read_folder(folder: Path) -> RawBook:
    """Read a folder of ``<sheet>.csv`` files (and ``registrations.parquet``)."""
    findings: list[Finding] = []
    tables: dict[str, pd.DataFrame] = {}
    conventions: dict[str, str] = {}
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".parquet"))
    if not files:
        findings.append(_file_finding(str(folder), "folder_empty"))
    for path in files:
        canonical = canonical_sheet_name(path.stem)
        if canonical is None:
            continue
        if canonical in tables:
            findings.append(Finding(canonical, None, "", path.name, code="sheet_twice_in_folder"))
            continue
        if path.suffix.lower() == ".parquet":
            table = _read_parquet(path, canonical, findings)
            convention = "en"
        else:
            table, convention = _read_csv(path, canonical, findings)
        if table is not None:
            tables[canonical] = table
            conventions[canonical] = convention
    return RawBook(tables, findings, str(folder), conventions)


def _read_csv(
    path: Path, sheet_name: str, findings: list[Finding]
) -> tuple[pd.DataFrame | None, str]:
    """A CSV file as text cells; ``;`` declares Dutch numbers (``1.234,56``), ``,`` English."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        findings.append(Finding(sheet_name, None, "", path.name, code="file_not_regular"))
        return None, "any"
    size = info.st_size
    if size > MAX_CSV_BYTES:
        findings.append(
            Finding(
                sheet_name,
                None,
                "",
                path.name,
                code="csv_too_large",
                params={"size": size, "limit": MAX_CSV_BYTES},
            )
        )
        return None, "any"
    raw = path.read_bytes()
    if not raw.strip():
        findings.append(Finding(sheet_name, None, "", path.name, code="csv_empty"))
        return None, "any"
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        findings.append(
            Finding(
                sheet_name, None, "", path.name, code="csv_not_utf8", params={"offset": exc.start}
            )
        )
        return None, "any"
    lines = text.splitlines()
    first_line = lines[0] if lines else ""
    sep = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=sep,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
        )
    except (pd.errors.ParserError, ValueError, pd.errors.EmptyDataError) as exc:
        findings.append(
            Finding(
                sheet_name,
                None,
                "",
                path.name,
                code="csv_unreadable",
                params={"detail": str(exc)[:200]},
            )
        )
        return None, "any"
    names = _canonical_headers(sheet_name, [str(c).strip() for c in frame.columns], 1, findings)
    frame.columns = pd.Index([n or f"_blank{i}" for i, n in enumerate(names)])
    frame = frame[[c for c in frame.columns if not c.startswith("_blank")]].copy()
    frame[ROW] = range(2, 2 + len(frame))
    values = frame.drop(columns=ROW)
    if len(values.columns):
        blank = (values.apply(lambda s: s.str.strip() == "")).all(axis=1)
        frame = frame[~blank]
    return frame.reset_index(drop=True), ("nl" if sep == ";" else "en")


def _mark_nan(table: Any, frame: pd.DataFrame) -> None:
    """A NaN in a Parquet float column (not a null) becomes the text ``NaN``, a finding: pandas
    would show both as missing, and a missing optional number takes the column's default."""
    import pyarrow.compute as pc
    import pyarrow.types as pt

    for name, column in zip(table.column_names, table.columns, strict=True):
        if not pt.is_floating(column.type):
            continue
        nan = pc.fill_null(pc.is_nan(column), False).to_numpy(zero_copy_only=False)
        if nan.any():
            frame[name] = frame[name].astype(object)
            frame.loc[nan, name] = "NaN"


def _read_parquet(path: Path, sheet_name: str, findings: list[Finding]) -> pd.DataFrame | None:
    if not path.is_file():  # a FIFO or device named *.parquet would block the reader
        findings.append(Finding(sheet_name, None, "", path.name, code="file_not_regular"))
        return None
    try:
        import pyarrow.parquet as pq

        meta = pq.ParquetFile(path).metadata
        cells = meta.num_rows * meta.num_columns
        if cells > MAX_PARQUET_CELLS:
            findings.append(
                Finding(
                    sheet_name,
                    None,
                    "",
                    path.name,
                    code="parquet_too_large",
                    params={"cells": cells, "limit": MAX_PARQUET_CELLS},
                )
            )
            return None
        table = pq.read_table(path)
        frame = table.to_pandas()
        _mark_nan(table, frame)
    except Exception as exc:  # pyarrow raises many types for a bad file
        findings.append(
            Finding(
                sheet_name,
                None,
                "",
                path.name,
                code="parquet_unreadable",
                params={"detail": f"{type(exc).__name__}: {str(exc)[:200]}"},
            )
        )
        return None
    names = _canonical_headers(sheet_name, [str(c).strip() for c in frame.columns], 1, findings)
    frame.columns = pd.Index([n or f"_blank{i}" for i, n in enumerate(names)])
    frame = frame[[c for c in frame.columns if not c.startswith("_blank")]].copy()
    frame[ROW] = range(2, 2 + len(frame))
    return frame

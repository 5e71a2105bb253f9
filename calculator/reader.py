"""Reading input files into raw tables (SPEC §3).

A raw table is a DataFrame whose columns carry canonical names (unknown headers are kept under
their own name) and whose values are still as the file held them: text, numbers, dates, booleans,
:class:`~calculator.coerce.ExcelError` for an error cell, or missing. A column ``_row`` holds the
row number as Excel (or a text editor, for CSV) shows it. Typing and checking happen in
:mod:`calculator.validate`; this module only reads, and refuses files that are not safe or not
readable, with a finding instead of a traceback.

Safety first: an xlsx archive is checked with :mod:`zipfile` before any reader inflates it — total
and per-part size, compression ratio (zip bombs), XML entity declarations, macros — and every
sheet's XML is scanned in bounded chunks for its used range, error cells and formulas without a
value. The reader (calamine) allocates a dense grid of the used range, so a sheet whose range
would not fit the cell limit is refused before it is read.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import Any

import pandas as pd

from calculator.coerce import ExcelError
from calculator.errors import Finding
from calculator.schema import SHEETS_BY_NAME, canonical_column_name, canonical_sheet_name

ROW = "_row"

# Limits that stop a zip bomb or a huge grid before any reader allocates it.
MAX_UNCOMPRESSED_BYTES = 1 << 30  # 1 GiB for the whole workbook
MAX_COMPRESSION_RATIO = 200  # per member larger than 1 MiB
MAX_CELLS = 5_000_000  # cells of the used ranges of the sheets read, together (≈ 0.4 GB)
MAX_ROW_BYTES = 64 << 20  # one row of sheet XML
MAX_TEXT_BYTES = 1 << 20  # one text node of XML (Excel itself stops at 32,767 characters)
MAX_RECORDED = 10_000  # error cells or lost formulas recorded per sheet
MAX_CSV_BYTES = 512 << 20  # one CSV file (read whole, as text)
MAX_PARQUET_CELLS = 60_000_000  # rows × columns of one Parquet file, from its metadata
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"
_CHUNK = 4 << 20


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
        if path.is_dir():
            return read_folder(path)
        if not path.exists():
            return RawBook({}, [_file_finding(str(path), "file_missing")], str(path))
        data = path.read_bytes()
    except OSError as exc:
        return RawBook(
            {}, [_file_finding(str(path), "file_unreadable", detail=exc.strerror)], str(path)
        )
    return read_xlsx_bytes(data, path.name)


# --------------------------------------------------------------------------- xlsx


def _file_finding(value: str, code: str, **params: object) -> Finding:
    return Finding("", None, "", value, code=code, params=params)


def _xml_head_is_safe(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """True when the part declares no DTD or entities before its root element."""
    with archive.open(member) as fh:
        head = fh.read(1 << 16)
    root = re.search(rb"<[A-Za-z_]", head)
    prolog = head if root is None else head[: root.start()]
    return b"<!DOCTYPE" not in prolog.upper() and b"<!ENTITY" not in prolog.upper()


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
        if m.filename.endswith((".xml", ".rels", ".vml")):
            try:
                safe = _xml_head_is_safe(archive, m)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
                return [
                    _file_finding(name, "file_part_damaged", part=m.filename, detail=str(exc))
                ], None
            if not safe:
                return [_file_finding(name, "file_xml_entities", part=m.filename)], None
    return [], archive


def check_archive(data: bytes, name: str) -> list[Finding]:
    """Why ``data`` is not a safe xlsx archive to open (empty list: it is)."""
    findings, archive = _check_archive(data, name)
    if archive is not None:
        archive.close()
    return findings


_SHEET_RE = re.compile(rb"<sheet\b([^>]*)>", re.S)
_ATTR_RE = re.compile(rb'([\w:]+)="([^"]*)"')
_REL_RE = re.compile(rb"<Relationship\b([^>]*)>", re.S)


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Map each sheet's name (as in the file) to its XML part."""
    book = archive.read("xl/workbook.xml")
    try:
        rels = archive.read("xl/_rels/workbook.xml.rels")
    except KeyError:
        rels = b""
    targets = {}
    for attrs in _REL_RE.findall(rels):
        a = dict(_ATTR_RE.findall(attrs))
        if b"Id" in a and b"Target" in a:
            targets[a[b"Id"]] = a[b"Target"].decode("utf-8", "replace")
    parts = {}
    for attrs in _SHEET_RE.findall(book):
        a = dict(_ATTR_RE.findall(attrs))
        raw_name = a.get(b"name", b"").decode("utf-8", "replace")
        target = targets.get(a.get(b"r:id", b""), "")
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        parts[unescape(raw_name)] = target
    return parts


# one cell: its reference, its attributes and (when not self-closing) its body
_CELL_RE = re.compile(rb'<c\b[^>]*?\br="([A-Z]{1,3})(\d{1,7})"([^>]*?)(/>|>(.*?)</c>)', re.S)
_CELL_REF = {n: re.compile(rb'<c r="([A-Z]{%d})(\d+)"' % n) for n in (3, 2, 1)}
_ROW_REF = re.compile(rb'<row r="(\d+)"')
_ERROR_VALUE = re.compile(rb"<v>([^<]*)</v>")
_LONG_TEXT = re.compile(rb"[^<]{%d}" % MAX_TEXT_BYTES)


def column_index(letters: str) -> int:
    """``A`` → 1, ``XFD`` → 16384."""
    index = 0
    for ch in letters:
        index = index * 26 + (ord(ch) - 64)
    return index


def column_letters(index: int) -> str:
    """1 → ``A``, 16384 → ``XFD``."""
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class SheetScan:
    """What a sheet's XML holds, found without building it: range, errors, lost formulas."""

    max_row: int = 0
    max_col: int = 0
    errors: list[tuple[int, int, str]] = field(default_factory=list)  # (row, col, #REF! …)
    lost_formulas: list[tuple[int, int]] = field(default_factory=list)  # (row, col)
    problem: str = ""  # a code that refuses the whole sheet ("row_too_long", "text_too_long")

    @property
    def cells(self) -> int:
        return self.max_row * self.max_col


def _scan_chunk(chunk: bytes, scan: SheetScan) -> None:
    rows = _ROW_REF.findall(chunk)
    if rows:
        scan.max_row = max(scan.max_row, max(map(int, rows)))
    for width, pattern in _CELL_REF.items():
        refs = pattern.findall(chunk)
        if refs:
            scan.max_col = max(scan.max_col, max(column_index(a.decode()) for a, _ in set(refs)))
            scan.max_row = max(scan.max_row, max(int(r) for _, r in refs[-1:]))
            break
        if width == 1 and b"<c" in chunk and not scan.max_col:
            scan.max_col = 1
    if _LONG_TEXT.search(chunk):
        scan.problem = "text_too_long"
    if (b't="e"' not in chunk and b"<f" not in chunk) or (
        len(scan.errors) >= MAX_RECORDED and len(scan.lost_formulas) >= MAX_RECORDED
    ):
        return
    for letters, row, attrs, _, body in _CELL_RE.findall(chunk):
        position = (int(row), column_index(letters.decode()))
        if b't="e"' in attrs and len(scan.errors) < MAX_RECORDED:
            value = _ERROR_VALUE.search(body or b"")
            code = value.group(1).decode("utf-8", "replace") if value else "#N/A"
            scan.errors.append((*position, code))
        elif (
            body and b"<f" in body and b"<v>" not in body and len(scan.lost_formulas) < MAX_RECORDED
        ):
            scan.lost_formulas.append(position)


def scan_sheet(archive: zipfile.ZipFile, part: str) -> SheetScan:
    """Stream one worksheet part in bounded chunks (cut between cells) and record what it holds."""
    scan = SheetScan()
    try:
        fh = archive.open(part)
    except KeyError:
        return scan
    with fh:
        carry = b""
        while True:
            block = fh.read(_CHUNK)
            data = carry + block
            if not block:
                if data:
                    _scan_chunk(data, scan)
                break
            cut = max(data.rfind(b"<c "), data.rfind(b"<row "), data.rfind(b"<c>"))
            if cut <= 0:
                carry = data
                if len(carry) > MAX_ROW_BYTES:
                    scan.problem = "row_too_long"
                    break
                continue
            _scan_chunk(data[:cut], scan)
            carry = data[cut:]
            if scan.problem:
                break
    return scan


def _long_text_in(archive: zipfile.ZipFile, part: str) -> bool:
    """True when a text node of ``part`` (e.g. the shared strings) exceeds MAX_TEXT_BYTES."""
    try:
        fh = archive.open(part)
    except KeyError:
        return False
    with fh:
        carry = b""
        while block := fh.read(_CHUNK):
            data = carry + block
            if _LONG_TEXT.search(data):
                return True
            cut = data.rfind(b"<")
            carry = data[cut:] if cut >= 0 else data
            if len(carry) > MAX_TEXT_BYTES:
                return True
    return False


def read_xlsx_bytes(data: bytes, name: str = "upload.xlsx") -> RawBook:
    """Read an xlsx workbook given as bytes (file or upload)."""
    findings, archive = _check_archive(data, name)
    if archive is None:
        return RawBook({}, findings, name)
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        parts = _sheet_parts(archive)
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        meta = {m.name: str(m.visible).rsplit(".", 1)[-1].lower() for m in book.sheets_metadata}
        names = list(book.sheet_names)
    except (CalamineError, KeyError, ValueError, OSError, zipfile.BadZipFile) as exc:
        return RawBook({}, [_file_finding(name, "file_unreadable", detail=str(exc))], name)
    if any(_long_text_in(archive, p) for p in ("xl/sharedStrings.xml",)):
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
        scan = scan_sheet(archive, parts.get(raw_name, ""))
        scans[canonical] = scan
        if scan.problem == "row_too_long":
            findings.append(
                Finding(
                    canonical, None, "", "", code="row_too_long", params={"limit": MAX_ROW_BYTES}
                )
            )
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
        elif scan.cells > MAX_CELLS:
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
    refused = {f.sheet for f in findings if f.code in _REFUSING}
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


_REFUSING = frozenset({"row_too_long", "text_too_long", "sheet_range_too_large"})


def _place_errors(rows: list[list[Any]], errors: list[tuple[int, int, str]]) -> None:
    """Put an :class:`ExcelError` where the XML held an error cell (the reader gives a blank)."""
    for row, col, code in errors:
        if row - 1 < len(rows) and col - 1 < len(rows[row - 1]):
            rows[row - 1][col - 1] = ExcelError(code)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


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
    keep = [i for i, r in enumerate(body) if any(not _is_blank(v) for v in r)]
    data = {
        name: [body[i][j] if j < len(body[i]) else None for i in keep]
        for j, name in enumerate(names)
        if name
    }
    frame = (
        pd.DataFrame(data, dtype=object)
        if keep
        else pd.DataFrame({n: pd.Series([], dtype=object) for n in names if n})
    )
    frame[ROW] = [header_index + 2 + i for i in keep]
    return frame, {j + 1: n for j, n in enumerate(names) if n}


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
    size = path.stat().st_size
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


def _read_parquet(path: Path, sheet_name: str, findings: list[Finding]) -> pd.DataFrame | None:
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
        frame = pd.read_parquet(path)
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

"""Reading input files into raw tables (SPEC §3).

A raw table is a DataFrame whose columns carry canonical names (unknown headers are kept under
their own name) and whose values are still as the file held them: text, numbers, dates, booleans
or missing. A column ``_row`` holds the row number as Excel (or a text editor, for CSV) shows it.
Typing and checking happen in :mod:`calculator.validate`; this module only reads, and refuses
files that are not safe or not readable, with a finding instead of a traceback.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from calculator.errors import Finding
from calculator.schema import SHEETS_BY_NAME, canonical_column_name, canonical_sheet_name

ROW = "_row"

# Limits that stop a zip bomb before any reader inflates it.
MAX_UNCOMPRESSED_BYTES = 1 << 30  # 1 GiB for the whole workbook
MAX_COMPRESSION_RATIO = 200  # per member larger than 1 MiB
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class RawBook:
    """Raw tables of one input, keyed by canonical sheet name, plus problems found while reading."""

    tables: dict[str, pd.DataFrame]
    findings: list[Finding]
    source: str


def read_any(path: str | Path) -> RawBook:
    """Read an ``.xlsx`` file, a folder of CSV files, or a ``.csv``/``.parquet`` set in a folder."""
    path = Path(path)
    if path.is_dir():
        return read_folder(path)
    if not path.exists():
        return RawBook({}, [Finding("", None, "", str(path), "no such file or folder")], str(path))
    return read_xlsx_bytes(path.read_bytes(), path.name)


# --------------------------------------------------------------------------- xlsx


def _file_finding(value: str, expected: str) -> Finding:
    return Finding("", None, "", value, expected)


def _check_archive(data: bytes, name: str) -> tuple[list[Finding], zipfile.ZipFile | None]:
    """Refuse what is not a safe xlsx archive: empty, encrypted, legacy, corrupt, bombs."""
    if not data:
        return [_file_finding(name, "the file is empty; expected an Excel workbook (.xlsx)")], None
    if data.startswith(_OLE_MAGIC):
        return [
            _file_finding(
                name,
                "the file is password-protected or an old .xls workbook; "
                "remove the password and save it as .xlsx",
            )
        ], None
    if not data.startswith(_ZIP_MAGIC):
        return [
            _file_finding(
                name,
                "the file is not an Excel workbook (.xlsx); save it from "
                "Excel as 'Excel-werkmap (.xlsx)'",
            )
        ], None
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        return [_file_finding(name, f"the file is damaged and cannot be opened ({exc})")], None
    if any(m.flag_bits & 0x1 for m in members):
        return [_file_finding(name, "the archive is encrypted; remove the password")], None
    names = {m.filename for m in members}
    if "xl/workbook.xml" not in names:
        return [
            _file_finding(name, "the archive is not an Excel workbook (no xl/workbook.xml)")
        ], None
    total = sum(m.file_size for m in members)
    if total > MAX_UNCOMPRESSED_BYTES:
        return [
            _file_finding(
                name,
                f"the workbook unpacks to {total:,} bytes, more than the "
                f"limit of {MAX_UNCOMPRESSED_BYTES:,}; use a CSV folder or "
                "Parquet for large data",
            )
        ], None
    for m in members:
        if m.file_size > (1 << 20) and m.file_size > MAX_COMPRESSION_RATIO * max(
            m.compress_size, 1
        ):
            return [
                _file_finding(
                    name,
                    f"part {m.filename} is compressed more than "
                    f"{MAX_COMPRESSION_RATIO}:1; refused as a possible zip bomb",
                )
            ], None
    for m in members:
        if m.filename.endswith((".xml", ".rels")):
            try:
                with archive.open(m) as fh:
                    head = fh.read(4096)
            except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
                return [_file_finding(name, f"part {m.filename} is damaged ({exc})")], None
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                return [
                    _file_finding(
                        name, f"part {m.filename} declares XML entities; refused as unsafe"
                    )
                ], None
    return [], archive


_SHEET_RE = re.compile(rb'<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"', re.S)
_REL_RE = re.compile(rb'<Relationship\b[^>]*?Id="([^"]*)"[^>]*?Target="([^"]*)"', re.S)
_REL_RE2 = re.compile(rb'<Relationship\b[^>]*?Target="([^"]*)"[^>]*?Id="([^"]*)"', re.S)
_VALUE_RE = re.compile(rb"<v>[^<]+</v>")
_CELL_RE = re.compile(rb'<c\b[^>]*?\br="([A-Z]+)(\d+)"[^>]*?(?:/>|>(.*?)</c>)', re.S)


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Map each sheet's name (as in the file) to its XML part."""
    from html import unescape

    book = archive.read("xl/workbook.xml")
    rels = archive.read("xl/_rels/workbook.xml.rels")
    targets = {i: t for i, t in _REL_RE.findall(rels)}
    targets.update({i: t for t, i in _REL_RE2.findall(rels)})
    parts = {}
    for raw_name, rid in _SHEET_RE.findall(book):
        target = targets.get(rid, b"").decode()
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        parts[unescape(raw_name.decode())] = target
    return parts


def _lost_formula_cells(archive: zipfile.ZipFile, part: str) -> list[tuple[str, int]]:
    """Cells holding a formula without a stored result (their value is lost to any reader)."""
    try:
        xml = archive.read(part)
    except KeyError:
        return []
    if b"<f" not in xml:
        return []
    lost = []
    for col, row, body in _CELL_RE.findall(xml):
        if body and b"<f" in body and not _VALUE_RE.search(body):
            lost.append((col.decode(), int(row)))
    return lost


def read_xlsx_bytes(data: bytes, name: str = "upload.xlsx") -> RawBook:
    """Read an xlsx workbook given as bytes (file or upload)."""
    findings, archive = _check_archive(data, name)
    if archive is None:
        return RawBook({}, findings, name)
    import io

    from python_calamine import CalamineError, CalamineWorkbook

    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        parts = _sheet_parts(archive)
    except (CalamineError, KeyError, ValueError, OSError) as exc:
        return RawBook({}, [_file_finding(name, f"the workbook cannot be read ({exc})")], name)
    tables: dict[str, pd.DataFrame] = {}
    for raw_name in book.sheet_names:
        canonical = canonical_sheet_name(raw_name)
        if canonical is None:
            continue
        if canonical in tables:
            findings.append(
                Finding(
                    canonical,
                    None,
                    "",
                    raw_name,
                    "this sheet appears twice (canonical and Dutch name); keep one",
                )
            )
            continue
        try:
            sheet = book.get_sheet_by_name(raw_name)
            rows = sheet.to_python(skip_empty_area=False)
            merged = sheet.merged_cell_ranges or []
        except (CalamineError, ValueError) as exc:
            findings.append(Finding(canonical, None, "", raw_name, f"sheet cannot be read ({exc})"))
            continue
        for (r0, c0), (r1, c1) in merged:
            findings.append(
                Finding(
                    canonical,
                    r0 + 1,
                    "",
                    f"{_a1(r0, c0)}:{_a1(r1, c1)}",
                    "merged cells: only the first cell keeps its value; "
                    "unmerge and fill every cell",
                )
            )
        table = _rows_to_frame(rows, canonical, findings)
        lost = _lost_formula_cells(archive, parts.get(raw_name, ""))
        for col_letters, row in lost:
            findings.append(
                Finding(
                    canonical,
                    row,
                    _header_at(table, col_letters),
                    f"formula in {col_letters}{row}",
                    "a formula without a stored result: open and save the file in Excel, or paste "
                    "the values",
                )
            )
        if table is not None:
            tables[canonical] = table
    return RawBook(tables, findings, name)


def _a1(row: int, col: int) -> str:
    letters = ""
    col += 1
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row + 1}"


def _header_at(table: pd.DataFrame | None, col_letters: str) -> str:
    if table is None:
        return ""
    index = 0
    for ch in col_letters:
        index = index * 26 + (ord(ch) - 64)
    names = table.attrs.get("excel_columns", [])
    return names[index - 1] if 0 < index <= len(names) else ""


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def _rows_to_frame(
    rows: Sequence[Sequence[object]], sheet_name: str, findings: list[Finding]
) -> pd.DataFrame | None:
    """Turn a sheet's cells into a raw table; the first non-empty row is the header."""
    header_index = next((i for i, r in enumerate(rows) if any(not _is_blank(v) for v in r)), None)
    if header_index is None:
        findings.append(
            Finding(
                sheet_name,
                None,
                "",
                "",
                "the sheet is empty; expected a header row with the column names",
            )
        )
        return None
    header = rows[header_index]
    body = rows[header_index + 1 :]
    excel_rows = list(range(header_index + 2, header_index + 2 + len(body)))
    names = _canonical_headers(
        sheet_name, [str(h).strip() for h in header], header_index + 1, findings
    )
    width = len(header)
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
    frame[ROW] = [excel_rows[i] for i in keep]
    frame.attrs["excel_columns"] = [n or "" for n in names] + [""] * (width - len(names))
    return frame


def _canonical_headers(
    sheet_name: str, header: list[str], header_row: int, findings: list[Finding]
) -> list[str]:
    """Canonical names for a header row; unknown headers keep their own name, blanks are ''."""
    sheet = SHEETS_BY_NAME[sheet_name]
    names: list[str] = []
    seen: set[str] = set()
    for raw in header:
        if raw == "":
            names.append("")
            continue
        name = canonical_column_name(sheet, raw) or raw
        if name in seen:
            findings.append(
                Finding(sheet_name, header_row, name, raw, "this column appears twice; keep one")
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
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".csv", ".parquet"))
    if not files:
        findings.append(
            _file_finding(
                str(folder), "the folder holds no .csv or .parquet files named after the sheets"
            )
        )
    for path in files:
        canonical = canonical_sheet_name(path.stem)
        if canonical is None:
            continue
        if canonical in tables:
            findings.append(
                Finding(
                    canonical,
                    None,
                    "",
                    path.name,
                    "this sheet is given twice in the folder; keep one file",
                )
            )
            continue
        table = (
            _read_parquet(path, canonical, findings)
            if path.suffix.lower() == ".parquet"
            else _read_csv(path, canonical, findings)
        )
        if table is not None:
            tables[canonical] = table
    return RawBook(tables, findings, str(folder))


def _read_csv(path: Path, sheet_name: str, findings: list[Finding]) -> pd.DataFrame | None:
    raw = path.read_bytes()
    if not raw.strip():
        findings.append(
            Finding(
                sheet_name,
                None,
                "",
                path.name,
                "the file is empty; expected a header line with the column names",
            )
        )
        return None
    text_head = raw[:4096].decode("utf-8-sig", errors="replace")
    first_line = text_head.splitlines()[0] if text_head.splitlines() else ""
    sep = ";" if first_line.count(";") > first_line.count(",") else ","
    try:
        frame = pd.read_csv(
            path,
            sep=sep,
            dtype=str,
            keep_default_na=False,
            encoding="utf-8-sig",
            skip_blank_lines=False,
        )
    except (UnicodeDecodeError, pd.errors.ParserError, ValueError) as exc:
        findings.append(
            Finding(sheet_name, None, "", path.name, f"cannot be read as UTF-8 CSV ({exc})")
        )
        return None
    names = _canonical_headers(sheet_name, [str(c).strip() for c in frame.columns], 1, findings)
    frame.columns = pd.Index([n or f"_blank{i}" for i, n in enumerate(names)])
    frame = frame[[c for c in frame.columns if not c.startswith("_blank")]]
    frame[ROW] = range(2, 2 + len(frame))
    values = frame.drop(columns=ROW)
    if len(values.columns):
        blank = (values.apply(lambda s: s.str.strip() == "")).all(axis=1)
        frame = frame[~blank]
    return frame.reset_index(drop=True)


def _read_parquet(path: Path, sheet_name: str, findings: list[Finding]) -> pd.DataFrame | None:
    try:
        frame = pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises many types for a bad file
        findings.append(
            Finding(
                sheet_name,
                None,
                "",
                path.name,
                f"cannot be read as Parquet ({type(exc).__name__}: {exc})",
            )
        )
        return None
    names = _canonical_headers(sheet_name, [str(c).strip() for c in frame.columns], 1, findings)
    frame.columns = pd.Index([n or f"_blank{i}" for i, n in enumerate(names)])
    frame = frame[[c for c in frame.columns if not c.startswith("_blank")]]
    frame[ROW] = range(2, 2 + len(frame))
    return frame

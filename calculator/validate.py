"""Validation of an input workbook (SPEC §3.10): every check, every problem at once.

``load(path)`` is the one way in for files and folders, ``load_bytes`` for uploads; both return a
:class:`~calculator.workbook.Workbook` or raise :class:`~calculator.errors.SpreidingInputError`
with all findings. ``check(raw)`` returns the findings without raising.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd

from calculator.checks import cross_checks
from calculator.coerce import COERCERS, blank_mask, normalise_choice
from calculator.errors import Finding, SpreidingInputError
from calculator.reader import ROW, RawBook, read_any, read_xlsx_bytes
from calculator.schema import SHEETS, SHEETS_BY_NAME, Sheet, canonical_sheet_name
from calculator.workbook import SOURCE_ROW, Workbook

REQUIRED_SHEETS = tuple(s.name for s in SHEETS if s.required)
MAX_LISTED_PER_CHECK = 1000  # more findings of one check on one column are summarised


def load(path: str | Path) -> Workbook:
    """Read and validate a workbook file or CSV folder; raise with every finding if invalid."""
    path = Path(path)
    raw = read_any(path)
    return _finish(raw, _digest_path(path))


def load_bytes(data: bytes, name: str) -> Workbook:
    """Read and validate an uploaded ``.xlsx`` given as bytes."""
    return _finish(read_xlsx_bytes(data, name), hashlib.sha256(data).hexdigest())


def load_frames(tables: dict[str, pd.DataFrame], name: str = "frames") -> Workbook:
    """Validate frames keyed by sheet name (as a reader would give them; any dtypes).

    Row numbers are counted as if each frame were a sheet with its header on row 1.
    """
    raw = {}
    for sheet_name, frame in tables.items():
        canonical = canonical_sheet_name(sheet_name) or sheet_name
        frame = frame.reset_index(drop=True).astype(object)
        frame[ROW] = range(2, 2 + len(frame))
        raw[canonical] = frame
    digest = hashlib.sha256(repr(sorted((k, v.to_csv()) for k, v in raw.items())).encode())
    return _finish(RawBook(raw, [], name), digest.hexdigest())


def check(path: str | Path) -> list[Finding]:
    """All findings for a workbook file or folder (empty when it is clean)."""
    try:
        load(path)
    except SpreidingInputError as exc:
        return exc.findings
    return []


def _digest_path(path: Path) -> str:
    digest = hashlib.sha256()
    files = (
        sorted(p for p in path.iterdir() if p.is_file())
        if path.is_dir()
        else ([path] if path.exists() else [])
    )
    for file in files:
        if path.is_dir():
            digest.update(file.name.encode() + b"\0")
        with file.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _finish(raw: RawBook, sha256: str) -> Workbook:
    findings = list(raw.findings)
    if findings and not raw.tables:
        raise SpreidingInputError(findings)
    frames, more = type_sheets(raw.tables)
    findings += more
    findings += cross_checks(frames, present=set(raw.tables))
    if findings:
        raise SpreidingInputError(_summarised(findings))
    return Workbook(
        **frames, source_name=Path(raw.source).name, sha256=sha256, present=frozenset(raw.tables)
    )


def _summarised(findings: list[Finding]) -> list[Finding]:
    """Keep at most MAX_LISTED_PER_CHECK findings per (sheet, column, expected); count the rest."""
    counts: dict[tuple[str, str, str], int] = {}
    kept: list[Finding] = []
    for f in findings:
        key = (f.sheet, f.column, f.expected)
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= MAX_LISTED_PER_CHECK:
            kept.append(f)
    for (sheet, column, expected), n in counts.items():
        if n > MAX_LISTED_PER_CHECK:
            kept.append(
                Finding(
                    sheet,
                    None,
                    column,
                    f"{n - MAX_LISTED_PER_CHECK} more rows",
                    f"the same problem as above: {expected}",
                )
            )
    return kept


# --------------------------------------------------------------------------- typing per sheet


def empty_frame(sheet: Sheet) -> pd.DataFrame:
    """A frame with the sheet's columns, typed, and no rows."""
    dtypes = {
        "text": "str",
        "code9": "str",
        "int": "Int64",
        "number": "float64",
        "money": object,
        "date": "datetime64[s]",
        "bool": "boolean",
    }
    frame = pd.DataFrame({c.name: pd.Series([], dtype=dtypes[c.kind]) for c in sheet.columns})
    frame[SOURCE_ROW] = pd.Series([], dtype="int64")
    return frame


def type_sheets(tables: dict[str, pd.DataFrame]) -> tuple[dict[str, pd.DataFrame], list[Finding]]:
    """Type every declared column of every sheet; report missing sheets, columns and bad cells."""
    findings: list[Finding] = []
    frames: dict[str, pd.DataFrame] = {}
    for name in REQUIRED_SHEETS:
        if name not in tables:
            sheet = SHEETS_BY_NAME[name]
            findings.append(
                Finding(
                    name,
                    None,
                    "",
                    "",
                    f"required sheet is missing (name it '{sheet.name}' or '{sheet.alias}')",
                )
            )
    if "volumes" not in tables and "registrations" not in tables:
        findings.append(
            Finding(
                "",
                None,
                "",
                "",
                "the workbook needs a 'volumes' (productie) or "
                "a 'registrations' (registraties) sheet",
            )
        )
    for sheet in SHEETS:
        raw = tables.get(sheet.name)
        if raw is None:
            frames[sheet.name] = empty_frame(sheet)
            continue
        frame, more = _type_sheet(sheet, raw)
        findings += more
        frames[sheet.name] = frame
    return frames, findings


def _type_sheet(sheet: Sheet, raw: pd.DataFrame) -> tuple[pd.DataFrame, list[Finding]]:
    findings: list[Finding] = []
    rows = raw[ROW].to_numpy()
    if sheet.required and len(raw) == 0:
        findings.append(Finding(sheet.name, None, "", "", "the sheet has a header but no rows"))
    out = {}
    for col in sheet.columns:
        if col.name not in raw.columns:
            if col.required:
                findings.append(
                    Finding(
                        sheet.name,
                        1,
                        col.name,
                        "",
                        f"required column is missing (header '{col.name}' or '{col.alias}')",
                    )
                )
            out[col.name] = empty_frame(sheet)[col.name].reindex(range(len(raw)))
            continue
        cells = raw[col.name].reset_index(drop=True)
        values, bad = COERCERS[col.kind](cells)
        blank = blank_mask(cells)
        if col.choices:
            values, bad_choice = normalise_choice(values, col)
            bad = bad | (bad_choice & ~blank)
        for i in np.flatnonzero(bad):
            findings.append(
                Finding(
                    sheet.name,
                    int(rows[i]),
                    col.name,
                    _shown(cells.iloc[i]),
                    f"expected {col.expected()}" + _hint(col, cells.iloc[i]),
                )
            )
        if col.required:
            for i in np.flatnonzero(blank):
                findings.append(
                    Finding(
                        sheet.name,
                        int(rows[i]),
                        col.name,
                        "",
                        f"the cell is empty; expected {col.expected()}",
                    )
                )
        findings += _range_findings(sheet, col, values, rows, bad | blank)
        if col.default is not None:
            values = values.where(~pd.Series(blank), col.default)
            values = (
                values.astype(empty_frame(sheet)[col.name].dtype) if col.kind != "money" else values
            )
        out[col.name] = values
    frame = pd.DataFrame(out)
    frame[SOURCE_ROW] = rows.astype("int64")
    extra = [c for c in raw.columns if c not in frame.columns and c != ROW]
    for c in extra:  # unknown columns are kept and ignored
        frame[c] = raw[c].reset_index(drop=True)
    return frame, findings


def _shown(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _hint(col, value: object) -> str:  # type: ignore[no-untyped-def]
    if col.kind == "code9" and not isinstance(value, str):
        return (
            "; the cell holds a number, so leading zeros may be lost — format the column as "
            "text and type the code with its zeros"
        )
    if col.kind == "date" and isinstance(value, str) and "/" in value:
        return "; a date with slashes is ambiguous (day or month first?) — write 31-12-2025"
    if col.kind == "date" and isinstance(value, str):
        return "; write 31-12-2025 (day-month-year) or 2025-12-31"
    return ""


def _range_findings(
    sheet: Sheet,
    col,
    values: pd.Series,
    rows: np.ndarray,  # type: ignore[no-untyped-def]
    skip: np.ndarray,
) -> list[Finding]:
    if col.minimum is None and col.maximum is None:
        return []
    if col.kind == "money":
        numeric = pd.Series([float(v) if v is not None else np.nan for v in values], dtype=float)
    elif col.kind in ("number", "int"):
        numeric = values.astype("float64")
    else:
        return []
    low = (
        numeric < col.minimum if col.minimum is not None else pd.Series(False, index=numeric.index)
    )
    high = (
        numeric > col.maximum if col.maximum is not None else pd.Series(False, index=numeric.index)
    )
    bad = (low | high).to_numpy(dtype=bool, na_value=False) & ~skip
    return [
        Finding(
            sheet.name,
            int(rows[i]),
            col.name,
            _shown(numeric.iloc[i]),
            f"expected {col.expected()}",
        )
        for i in np.flatnonzero(bad)
    ]

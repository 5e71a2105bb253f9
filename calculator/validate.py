"""Validation of an input workbook (README, Input): every check, every problem at once.

``load(path)`` is the one way in for files and folders, ``load_bytes`` for uploads; both return a
:class:`~calculator.workbook.Workbook` or raise :class:`~calculator.errors.SpreidingInputError`
with all findings. ``check(raw)`` returns the findings without raising.

Every cell goes through one checked path (:func:`calculator.coerce.coerce`): a cell that is not
of its column's kind, an Excel error cell, a number that is not finite or outside the column's
range is a finding *and* missing in the typed frame, so the checks across sheets never see it. A
required column that is missing is one finding, and the checks that need that sheet are skipped.
Findings never show a value of a column that may hold patient pseudonyms.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from pathlib import Path

import numpy as np
import pandas as pd

from calculator.checks import cross_checks, placeholder_pseudonyms
from calculator.coerce import (
    OK,
    blank_mask,
    coerce,
    foreign_character,
    normalise_choice,
    padding_warnings,
)
from calculator.errors import Finding, SpreidingInputError
from calculator.isolation import READ_SECONDS, run_isolated
from calculator.reader import ROW, RawBook, read_any, read_xlsx_bytes
from calculator.schema import SHEETS, SHEETS_BY_NAME, Column, Sheet, canonical_sheet_name
from calculator.workbook import SOURCE_ROW, Workbook, years_of
from messages import Message

REQUIRED_SHEETS = tuple(s.name for s in SHEETS if s.required)
MAX_LISTED_PER_CHECK = 1000  # more findings of one check on one column are summarised
MAX_SHOWN_CHARS = 100  # a value longer than this is shortened in a finding
WITHHELD = "***"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def load(path: str | Path) -> Workbook:
    """Read and validate a workbook file or CSV folder; raise with every finding if invalid."""
    path = Path(path)
    raw = read_any(path)
    return _finish(raw, _digest_path(path))


def load_bytes(data: bytes, name: str) -> Workbook:
    """Read and validate an uploaded ``.xlsx`` given as bytes."""
    return _finish(read_xlsx_bytes(data, name), hashlib.sha256(data).hexdigest())


def load_isolated(path: str | Path) -> Workbook:
    """:func:`load` in a worker process with memory and time limits (see
    :mod:`calculator.isolation`): a file that would exhaust memory or never end is a finding
    for it, not the end of the caller."""
    return run_isolated(load, Path(path), seconds=READ_SECONDS, source=str(path))


def load_bytes_isolated(data: bytes, name: str) -> Workbook:
    """:func:`load_bytes` in a worker process with memory and time limits."""
    return run_isolated(load_bytes, data, name, seconds=READ_SECONDS, source=name)


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
    try:
        files = (
            sorted(p for p in path.iterdir() if p.is_file())
            if path.is_dir()
            else ([path] if path.is_file() else [])  # never a FIFO or device: it would block
        )
        for file in files:
            if path.is_dir():
                digest.update(file.name.encode() + b"\0")
            with file.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(block)
    except OSError:
        pass  # the reader has already reported what cannot be read
    return digest.hexdigest()


def _finish(raw: RawBook, sha256: str) -> Workbook:
    findings = list(raw.findings)
    if findings and not raw.tables:
        raise SpreidingInputError(_presentable(findings))
    typed = type_sheets(raw.tables, raw.convention)
    findings += typed.findings
    frames = typed.frames
    warnings = padding_warnings(raw.tables, raw.convention, ROW)
    warnings += _match_insurers(frames) + contract_gaps(frames) + placeholder_pseudonyms(frames)
    findings += cross_checks(
        frames, present=set(raw.tables), skip=typed.broken, typed_clean=not findings
    )
    if findings:
        raise SpreidingInputError(_presentable(_summarised(findings)))
    return Workbook(
        **frames,
        source_name=Path(raw.source).name,
        sha256=sha256,
        present=frozenset(raw.tables),
        warnings=tuple(_presentable(warnings)),
    )


def contract_gaps(frames: dict[str, pd.DataFrame]) -> list[Finding]:
    """A warning per hospital and year with data but no insurer contracts, where the hospital
    has contracts in other years: the settlement would use factor 1 and no cap for that year."""
    contracts = frames["insurer_contracts"].dropna(subset=["hospital_id", "year"])
    if not len(contracts):
        return []
    years = set(frames["volumes"]["year"].dropna().astype(int))
    for column in ("start_date", "end_date"):
        years |= years_of(frames["registrations"][column])
    out = []
    for hospital, group in contracts.groupby("hospital_id", sort=True):
        have = sorted({int(y) for y in group["year"]})
        for year in sorted(years - set(have)):
            out.append(
                Finding(
                    "insurer_contracts",
                    None,
                    "year",
                    str(year),
                    code="contracts_missing_year",
                    params={
                        "hospital": hospital,
                        "year": str(year),
                        "years": ", ".join(map(str, have)),
                    },
                )
            )
    return out


def _presentable(findings: list[Finding]) -> list[Finding]:
    """Values as a person may see them: no pseudonyms, no control characters, not too long."""
    out = []
    for f in findings:
        value = f.value
        sheet = SHEETS_BY_NAME.get(f.sheet)
        private = sheet is not None and any(
            c.private and c.name in f.column.split(", ") for c in sheet.columns
        )
        if private and value:
            value = WITHHELD
        if _CONTROL.search(value):
            value = value.encode("unicode_escape").decode("ascii")
        if len(value) > MAX_SHOWN_CHARS:
            value = value[:MAX_SHOWN_CHARS] + "…"
        out.append(f if value == f.value else dataclasses.replace(f, value=value))
    return out


def _summarised(findings: list[Finding]) -> list[Finding]:
    """Keep at most MAX_LISTED_PER_CHECK findings per (sheet, column, code); count the rest."""
    counts: dict[tuple[str, str, str], int] = {}
    first: dict[tuple[str, str, str], Finding] = {}
    kept: list[Finding] = []
    for f in findings:
        key = (f.sheet, f.column, f.code or f.expected)
        counts[key] = counts.get(key, 0) + 1
        first.setdefault(key, f)
        if counts[key] <= MAX_LISTED_PER_CHECK:
            kept.append(f)
    for key, n in counts.items():
        if n > MAX_LISTED_PER_CHECK:
            kept.append(_more_rows(first[key], n - MAX_LISTED_PER_CHECK))
    return kept


def _more_rows(example: Finding, count: int) -> Finding:
    expected = Message(example.code, example.params) if example.code else example.expected
    return Finding(
        example.sheet,
        None,
        example.column,
        "",
        code="same_problem_more_rows",
        params={"count": count, "expected": expected},
    )


# --------------------------------------------------------------------------- typing per sheet


@dataclasses.dataclass(frozen=True)
class Typed:
    """Typed frames of every declared sheet, the findings, and sheets whose checks are skipped."""

    frames: dict[str, pd.DataFrame]
    findings: list[Finding]
    broken: frozenset[str]


def empty_frame(sheet: Sheet) -> pd.DataFrame:
    """A frame with the sheet's columns, typed, and no rows."""
    frame = pd.DataFrame({c.name: pd.Series([], dtype=_DTYPES[c.kind]) for c in sheet.columns})
    frame[SOURCE_ROW] = pd.Series([], dtype="int64")
    return frame


_DTYPES: dict[str, object] = {
    "text": "str",
    "code9": "str",
    "int": "Int64",
    "number": "float64",
    "money": object,
    "date": "datetime64[s]",
    "bool": "boolean",
}


def type_sheets(
    tables: dict[str, pd.DataFrame], conventions: dict[str, str] | None = None
) -> Typed:
    """Type every declared column of every sheet; report missing sheets, columns and bad cells."""
    conventions = conventions or {}
    findings: list[Finding] = []
    frames: dict[str, pd.DataFrame] = {}
    broken: set[str] = set()
    for name in REQUIRED_SHEETS:
        if name not in tables:
            sheet = SHEETS_BY_NAME[name]
            findings.append(
                Finding(
                    name,
                    None,
                    "",
                    "",
                    code="sheet_missing",
                    params={"name": sheet.name, "alias": sheet.alias},
                )
            )
            broken.add(name)
    if "volumes" not in tables and "registrations" not in tables:
        findings.append(Finding("", None, "", "", code="needs_volumes_or_registrations"))
    for sheet in SHEETS:
        raw = tables.get(sheet.name)
        if raw is None:
            frames[sheet.name] = empty_frame(sheet)
            continue
        frame, more, complete = _type_sheet(sheet, raw, conventions.get(sheet.name, "any"))
        findings += more
        frames[sheet.name] = frame
        if not complete:
            broken.add(sheet.name)
    return Typed(frames, findings, frozenset(broken))


def expectation(col: Column) -> Message:
    """What a valid cell of ``col`` holds, as a message (kind or choices, and its range)."""
    what = (
        Message("expect_choice", {"choices": ", ".join(col.choices)})
        if col.choices
        else Message(f"expect_{col.kind}")
    )
    if col.minimum is not None and col.maximum is not None:
        return Message(
            "expect_between", {"what": what, "minimum": col.minimum, "maximum": col.maximum}
        )
    if col.minimum is not None:
        return Message("expect_at_least", {"what": what, "minimum": col.minimum})
    if col.maximum is not None:
        return Message("expect_at_most", {"what": what, "maximum": col.maximum})
    return what


def _params(reason: str, col: Column, cell: object, convention: str) -> dict[str, object]:
    if reason == "cell_error":
        return {"error": str(cell).strip().upper()}
    if reason == "number_ambiguous":
        return {"hint": Message("hint_number_any")}
    if reason == "number_convention":
        return {
            "convention": Message(f"convention_{convention}"),
            "hint": Message(f"hint_number_{convention}"),
        }
    if reason == "text_too_long":
        return {"limit": 32767, "excel": 32767}
    if reason == "control_characters":
        return {}
    if reason == "id_foreign_character":
        return {"character": foreign_character(str(cell))}
    return {"expected": expectation(col)}


def _cell_findings(
    sheet: Sheet,
    col: Column,
    rows: np.ndarray,
    cells: pd.Series | None,
    where: np.ndarray,
    code: str,
    convention: str = "any",
) -> list[Finding]:
    """Findings for the cells in ``where`` (at most MAX_LISTED_PER_CHECK, then one count).

    ``cells`` gives the values shown (None: the value is not shown, e.g. an empty cell).
    """
    hits = np.flatnonzero(where)
    out = []
    for i in hits[:MAX_LISTED_PER_CHECK]:
        cell = cells.iloc[i] if cells is not None else None
        out.append(
            Finding(
                sheet.name,
                int(rows[i]),
                col.name,
                _shown(cell),
                code=code,
                params=_params(code, col, cell, convention),
            )
        )
    if len(hits) > MAX_LISTED_PER_CHECK:
        out.append(_more_rows(out[-1], len(hits) - MAX_LISTED_PER_CHECK))
    return out


def _type_sheet(
    sheet: Sheet, raw: pd.DataFrame, convention: str
) -> tuple[pd.DataFrame, list[Finding], bool]:
    findings: list[Finding] = []
    rows = raw[ROW].to_numpy()
    complete = True
    if sheet.required and len(raw) == 0:
        findings.append(Finding(sheet.name, None, "", "", code="sheet_no_rows"))
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
                        code="column_missing",
                        params={"name": col.name, "alias": col.alias},
                    )
                )
                complete = False
            absent = pd.Series([], dtype=_DTYPES[col.kind]).reindex(range(len(raw)))
            if not col.required and col.default is not None:  # an absent column is all blank
                absent = pd.Series([col.default] * len(raw), dtype=object)
                if col.kind != "money":
                    absent = absent.astype(_DTYPES[col.kind])  # type: ignore[call-overload]
            out[col.name] = absent
            continue
        cells = raw[col.name].reset_index(drop=True)
        values, reasons, blank = _typed_column(col, cells, convention)
        for reason in sorted(set(reasons.tolist()) - {OK}):
            where = reasons == reason
            findings += _cell_findings(sheet, col, rows, cells, where, reason, convention)
        if col.required:
            findings += _cell_findings(sheet, col, rows, None, blank, "cell_empty")
        values, more = _in_range(sheet, col, values, rows)
        findings += more
        if col.default is not None:
            filled = values.where(~pd.Series(blank, index=values.index), col.default)
            values = filled.astype(_DTYPES[col.kind]) if col.kind != "money" else filled  # type: ignore[call-overload]
        out[col.name] = values
    frame = pd.DataFrame(out)
    frame[SOURCE_ROW] = rows.astype("int64")
    extra = [c for c in raw.columns if c not in frame.columns and c != ROW]
    if extra:  # unknown columns are kept and ignored (added at once: linear in their number)
        frame = pd.concat([frame, raw[extra].reset_index(drop=True)], axis=1)
    return frame, findings, complete


def _typed_cells(
    col: Column, cells: pd.Series, convention: str
) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """(typed values, reason per cell, blank per cell) of one column; choices normalised."""
    values, reasons = coerce(col, cells, convention)
    blank = blank_mask(cells)
    if col.choices:
        values, bad_choice = normalise_choice(values, col)
        reasons[bad_choice & ~blank & (reasons == OK)] = "cell_bad"
    return values, reasons, blank


# A text column of a CSV or Parquet file with at least this many rows, whose first rows repeat
# their values (hospitals, product codes, insurers, dates), is typed once per distinct value.
_DISTINCT_FROM = 50_000
_DISTINCT_SAMPLE = 5_000


def _typed_column(
    col: Column, cells: pd.Series, convention: str
) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """:func:`_typed_cells`, once per distinct value where a long text column repeats them.

    Typing is cell by cell (a cell's type and reason depend on that cell alone), and cells of a
    string column are equal only when their text is, so typing each distinct text once and
    handing the outcome to its cells gives the same column: 1,000,000 registrations name 30
    hospitals and 40 products.
    """
    if not isinstance(cells.dtype, pd.StringDtype) or len(cells) < _DISTINCT_FROM:
        return _typed_cells(col, cells, convention)
    if cells.iloc[:_DISTINCT_SAMPLE].nunique(dropna=False) > _DISTINCT_SAMPLE // 10:
        return _typed_cells(col, cells, convention)
    codes, uniques = pd.factorize(cells)
    distinct = pd.Series([*uniques, None], dtype=cells.dtype)  # the last one: a missing cell
    codes = np.where(codes < 0, len(uniques), codes)
    values, reasons, blank = _typed_cells(col, distinct, convention)
    typed = values.take(codes)
    typed.index = cells.index
    return typed, reasons[codes], blank[codes]


def _shown(value: object) -> str:
    if isinstance(value, float) and np.isfinite(value) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value)


def _in_range(
    sheet: Sheet, col: Column, values: pd.Series, rows: np.ndarray
) -> tuple[pd.Series, list[Finding]]:
    """Findings for values outside the column's range; those values become missing."""
    if col.minimum is None and col.maximum is None:
        return values, []
    if col.kind == "money":
        numeric = pd.Series([float(v) if v is not None else np.nan for v in values], dtype=float)
    elif col.kind in ("number", "int"):
        numeric = values.astype("float64")
    else:
        return values, []
    array = numeric.to_numpy(dtype=float, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        low = array < col.minimum if col.minimum is not None else np.zeros(len(array), bool)
        high = array > col.maximum if col.maximum is not None else np.zeros(len(array), bool)
    bad = low | high
    findings = _cell_findings(sheet, col, rows, pd.Series(array), bad, "out_of_range")
    if bad.any():
        values = values.copy()
        values[bad] = None if col.kind == "money" else pd.NA
    return values, findings


# --------------------------------------------------------------------------- insurer spelling


def _insurer_key(name: object) -> str:
    return " ".join(str(name).split()).casefold()


def _match_insurers(frames: dict[str, pd.DataFrame]) -> list[Finding]:
    """Read an insurer written in another case or spacing as the contracts' spelling (warned)."""
    contracts = frames["insurer_contracts"]
    if not len(contracts):
        return []
    spelling: dict[str, str] = {}
    for name in contracts["insurer"].dropna():
        spelling.setdefault(_insurer_key(name), name)
    warnings: list[Finding] = []
    for sheet in ("insurer_contracts", "registrations"):
        frame = frames[sheet]
        if not len(frame):
            continue
        names = frame["insurer"]
        distinct = names.dropna().unique()
        mapping = {
            n: spelling[_insurer_key(n)]
            for n in distinct
            if _insurer_key(n) in spelling and spelling[_insurer_key(n)] != n
        }
        if not mapping:
            continue
        for written, canonical in mapping.items():
            hits = names == written
            warnings.append(
                Finding(
                    sheet,
                    int(frame.loc[hits, SOURCE_ROW].iloc[0]),
                    "insurer",
                    written,
                    code="insurer_spelling",
                    params={
                        "written": written,
                        "canonical": canonical,
                        "count": int(hits.sum()),
                    },
                )
            )
        frame = frame.copy()
        frame["insurer"] = names.replace(mapping).astype("str")
        frames[sheet] = frame
    return warnings

"""Typing raw cells by their declared kind (see :mod:`calculator.schema`): the one checked path.

Each ``to_*`` function takes a raw column (any dtype: object cells from Excel, text from CSV,
typed columns from Parquet) and returns the typed column plus an array of *reasons*: ``""`` for a
cell that is fine or blank, else the message code of what is wrong with it (``cell_bad``,
``cell_error``, ``number_not_finite``, ``number_ambiguous``, ``number_convention``, …). Blank
cells become missing and are not marked here (the caller decides whether a blank is allowed); a
bad cell is missing in the typed column, so no later check sees a value that failed.

Numbers written as text follow the file's *convention*: ``"nl"`` (a ``;``-separated CSV:
``1.234,56``), ``"en"`` (a ``,``-separated CSV: ``1234.56``) or ``"any"`` (text cells in a
workbook: either, and a form that reads both ways, such as ``1.234`` or ``1,234``, is ambiguous).
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from calculator.errors import Finding
from calculator.schema import ENUM_ALIASES, SHEETS_BY_NAME, Column

CENT = Decimal("0.01")
_TRUE = {"yes", "ja", "true", "waar", "1", "y", "j"}
_FALSE = {"no", "nee", "false", "onwaar", "0", "n"}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]00:00(?::00)?)?$")
_DUTCH = re.compile(r"^\d{1,2}-\d{1,2}-\d{4}$")
# the largest whole number a float holds exactly; beyond it a whole-number column is refused
_MAX_EXACT_INT = float(2**53)
MAX_TEXT_CHARS = 32_767  # Excel's own limit for one cell

EXCEL_ERRORS = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#UNKNOWN!",
        "#BUSY!",
        "#EXTERNAL!",
        "#PYTHON!",
    }
)
# control characters: never in any text; tab, line feed and carriage return only outside ids
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_IN_ID = re.compile(r"[\x00-\x1f\x7f-\x9f]")

OK = ""


@dataclass(frozen=True)
class ExcelError:
    """An error cell of a workbook (``#REF!``, ``#N/A`` …); the reader puts it where it was."""

    code: str

    def __str__(self) -> str:
        return self.code


def _none(n: int) -> np.ndarray:
    return np.full(n, OK, dtype=object)


# --------------------------------------------------------------------------- cells by type

# the types a reader gives (calamine, pandas, pyarrow): for a cell of one of these, its type alone
# says whether it is text, a date, an error cell; a cell of any other type (a subclass of str, a
# pandas Timestamp) is asked one at a time
OTHER, TEXT, NONE, FLOAT, INT, BOOL, DATE, DATETIME, TIME, TIMEDELTA, DECIMAL, ERROR = range(12)
_KIND = {
    str: TEXT,
    type(None): NONE,
    float: FLOAT,
    int: INT,
    bool: BOOL,
    dt.date: DATE,
    dt.datetime: DATETIME,
    dt.time: TIME,
    dt.timedelta: TIMEDELTA,
    Decimal: DECIMAL,
    ExcelError: ERROR,
}
_TYPE_OF = np.frompyfunc(type, 1, 1)
_KIND_OF = np.frompyfunc(_KIND.get, 2, 1)


def cell_kinds(values: np.ndarray) -> np.ndarray:
    """Each cell's exact type as a small number (:data:`TEXT`, :data:`FLOAT` … :data:`OTHER`),
    in two passes in C: no Python call per cell."""
    if not len(values):
        return np.empty(0, dtype=np.int8)
    return _KIND_OF(_TYPE_OF(values), OTHER).astype(np.int8)


def _census(raw: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """An object column's cells and their kinds (:func:`cell_kinds`)."""
    values = raw.to_numpy(dtype=object)
    return values, cell_kinds(values)


def _per_cell(values: np.ndarray, where: np.ndarray, test: Callable[[Any], bool]) -> np.ndarray:
    """``test`` of the cells ``where`` is set (False elsewhere)."""
    out = np.zeros(len(values), dtype=bool)
    for i in np.flatnonzero(where):
        out[i] = test(values[i])
    return out


def _text_of(values: np.ndarray, text: np.ndarray) -> pd.Series:
    """The text cells (``text``) as one text column, to work on them together."""
    return pd.Series(values[text], dtype="str")


def blank_mask(raw: pd.Series) -> np.ndarray:
    """Cells that hold nothing: missing, or only spaces."""
    missing = raw.isna().to_numpy().copy()
    if raw.dtype == object:
        values, kinds = _census(raw)
        text = kinds == TEXT
        if text.any():
            missing[text] |= (_text_of(values, text).str.strip() == "").to_numpy(dtype=bool)
        spaces = _per_cell(values, kinds == OTHER, lambda v: isinstance(v, str) and not v.strip())
        missing |= spaces
    elif pd.api.types.is_string_dtype(raw.dtype):
        as_text = raw.str.strip() == ""
        missing = missing | as_text.to_numpy(dtype=bool, na_value=True)
    return missing


def _error_literal(text: pd.Series) -> np.ndarray:
    return text.str.strip().str.upper().isin(EXCEL_ERRORS).to_numpy(dtype=bool, na_value=False)


def error_mask(raw: pd.Series) -> np.ndarray:
    """Excel error cells, or text that is an Excel error literal (``#REF!`` typed or in a CSV)."""
    if raw.dtype == object:
        values, kinds = _census(raw)
        errors = kinds == ERROR
        text = kinds == TEXT
        if text.any():
            errors[text] = _error_literal(_text_of(values, text))
        return errors | _per_cell(
            values,
            kinds == OTHER,
            lambda v: (
                isinstance(v, ExcelError)
                or (isinstance(v, str) and v.strip().upper() in EXCEL_ERRORS)
            ),
        )
    if pd.api.types.is_string_dtype(raw.dtype):
        return _error_literal(raw)
    return np.zeros(len(raw), dtype=bool)


def _is_number(v: object) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, bool)


def _text_cells(raw: pd.Series) -> pd.Series:
    """Every cell as text (None where missing); whole-number floats lose their ``.0``."""
    if pd.api.types.is_string_dtype(raw.dtype) and raw.dtype != object:
        return raw.astype(object).where(raw.notna(), None)
    if raw.dtype == object and pd.api.types.infer_dtype(raw, skipna=True) in ("string", "empty"):
        return raw.where(raw.notna(), None)

    def one(v: object) -> object:
        if v is None or v is pd.NA or (isinstance(v, float) and np.isnan(v)):
            return None
        if _is_number(v) and np.isfinite(float(v)) and float(v).is_integer():  # type: ignore[arg-type]
            return str(int(v))  # type: ignore[call-overload]
        return str(v)

    return raw.map(one)


def _maybe_control(text: pd.Series) -> np.ndarray:
    """Cells that may hold a control character: all but those Arrow finds printable (a control
    character never is); every cell of a column not held by Arrow."""
    if not (text.dtype == "str" and getattr(text.dtype, "storage", None) == "pyarrow"):
        return np.ones(len(text), dtype=bool)
    printable = pc.fill_null(pc.utf8_is_printable(pa.array(text)), False)
    return ~np.asarray(printable, dtype=bool)


# invisible format characters (zero-width space and joiners, word joiner, byte-order mark, soft
# hyphen, direction marks): removed from an id, where they only make one code look like another
_INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
_SPACES = re.compile(r"\s+")


def id_character_allowed(ch: str) -> bool:
    """Characters an id, code or insurer may hold (after NFKC): Latin letters with their
    accents, digits, spaces, ASCII punctuation, and the typographic dashes and quotes a word
    processor puts in. Not Cyrillic, Greek or any other script that has look-alikes of Latin
    letters (a Cyrillic ``А`` looks like ``A`` but is another id)."""
    code = ord(ch)
    return (
        0x20 <= code < 0x7F
        or 0xA0 <= code < 0x250  # Latin-1 supplement, Latin extended A and B
        or 0x1E00 <= code < 0x1F00  # Latin extended additional
        or 0x2010 <= code <= 0x2019  # dashes and single quotes
    )


def normalise_id(text: str) -> str:
    """One spelling per id: Unicode NFKC (full-width ``ＡＣＲ`` → ``ACR``, a no-break space → a
    space), invisible format characters removed, runs of white space as one space, stripped."""
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    return _SPACES.sub(" ", text).strip()


def foreign_character(text: str) -> str:
    """The first character of ``text`` that is not allowed in an id, described for a person
    (``'А' (U+0410 CYRILLIC CAPITAL LETTER A)``); ``""`` when there is none."""
    for ch in normalise_id(text):
        if not id_character_allowed(ch):
            return f"'{ch}' (U+{ord(ch):04X} {unicodedata.name(ch, '?')})"
    return ""


def _normalised_ids(stripped: pd.Series, usable: np.ndarray) -> tuple[pd.Series, np.ndarray]:
    """Ids normalised (see :func:`normalise_id`) and the cells holding a foreign character.

    Plain ASCII is already in NFKC and holds no invisible character, so only the other cells
    (and ASCII cells with a double space) go through Python: 1,000,000 ASCII DBC ids cost one
    vectorised test."""
    if stripped.dtype == "str" and getattr(stripped.dtype, "storage", None) == "pyarrow":
        ascii_ = np.asarray(pc.fill_null(pc.string_is_ascii(pa.array(stripped)), True), bool)
    else:
        ascii_ = stripped.map(lambda v: not isinstance(v, str) or v.isascii()).to_numpy(bool)
    spaced = stripped.str.contains("  ", regex=False).to_numpy(dtype=bool, na_value=False)
    todo = usable & (~ascii_ | spaced)
    foreign = np.zeros(len(stripped), dtype=bool)
    if not todo.any():
        return stripped, foreign
    changed = stripped[todo].map(normalise_id)
    foreign[todo] = changed.map(lambda v: not all(id_character_allowed(ch) for ch in v)).to_numpy(
        dtype=bool
    )
    out = stripped.astype(object)
    out[todo] = changed
    return out.astype("str"), foreign


def to_text(raw: pd.Series, identifier: bool = False) -> tuple[pd.Series, np.ndarray]:
    """Text, stripped; a whole number stored as a number becomes its digits (``12.0`` → ``12``).

    Control characters are refused (in an id also tab and line breaks), and so is a text longer
    than Excel allows in a cell. An id (``identifier``) has one spelling: normalised by
    :func:`normalise_id`, and a character of another script than Latin is refused
    (``id_foreign_character``).
    """
    # one vectorised pass over the column as text (1M registrations: seconds, not minutes); a
    # column read as text (CSV, Parquet) is text already
    text = raw if raw.dtype == "str" else _text_cells(raw).astype("str")
    stripped = text.str.strip()
    blank = (stripped.isna() | (stripped == "")).to_numpy(dtype=bool, na_value=True)
    reasons = _none(len(raw))
    # checked before stripping: strip() would silently drop a vertical tab (Excel's _x000B_).
    # Control characters are not printable, so only a text that is not printable (or empty)
    # can hold one: the pattern is searched in those alone.
    maybe = _maybe_control(text)
    control = np.zeros(len(text), dtype=bool)
    if maybe.any():
        found = text[maybe].str.contains(_CONTROL.pattern, regex=True)
        control[maybe] = found.to_numpy(dtype=bool, na_value=False)
        if identifier:
            in_id = stripped[maybe].str.contains(_CONTROL_IN_ID.pattern, regex=True)
            control[maybe] |= in_id.to_numpy(dtype=bool, na_value=False)
    long = (stripped.str.len() > MAX_TEXT_CHARS).to_numpy(dtype=bool, na_value=False)
    reasons[control] = "control_characters"
    reasons[long] = "text_too_long"
    if identifier:
        stripped, foreign = _normalised_ids(stripped, ~(blank | control | long))
        reasons[foreign] = "id_foreign_character"
        # nothing but invisible characters: not a blank cell, and no id either
        invisible = ~blank & (stripped == "").to_numpy(dtype=bool, na_value=True)
        reasons[invisible] = "control_characters"
        control = control | foreign | invisible
    out = stripped.where(~(blank | control | long), None).astype("str")
    return out, reasons


CODE_DIGITS = 9
_DIGITS_ONLY = re.compile(rf"\d{{1,{CODE_DIGITS - 1}}}")


def padded_codes(raw: pd.Series, convention: str = "any") -> tuple[np.ndarray, pd.Series]:
    """Codes written as numbers, and the 9-digit text each one stands for (``29089018`` or
    ``29089018.0`` → ``029089018``): a number cell holding a whole number from 0 to 999,999,999
    (Excel drops a code's leading zeros when the column is not text), and in a CSV or Parquet
    file (``convention`` ``"nl"``/``"en"``) a text of only digits, fewer than nine (the number as
    it was written out). A number with decimals or more digits is no code: not padded here.

    Returns (which cells are padded, their codes; None elsewhere).
    """
    padded = np.zeros(len(raw), dtype=bool)
    codes = np.full(len(raw), None, dtype=object)
    if raw.dtype == object:
        values, kinds = _census(raw)
        number = (kinds == FLOAT) | (kinds == INT)
        number |= _per_cell(values, kinds == OTHER, _is_number)
        text = kinds == TEXT
    elif pd.api.types.is_numeric_dtype(raw.dtype) and raw.dtype != bool:
        values = raw.to_numpy(dtype=object, na_value=None)
        number = raw.notna().to_numpy()
        text = np.zeros(len(raw), dtype=bool)
    else:
        values = raw.to_numpy(dtype=object, na_value=None)
        number = np.zeros(len(raw), dtype=bool)
        text = raw.notna().to_numpy() if pd.api.types.is_string_dtype(raw.dtype) else number
    for i in np.flatnonzero(number):
        value = values[i]
        whole = float(value).is_integer() if isinstance(value, float) else True
        if whole and 0 <= value < 10**CODE_DIGITS:
            padded[i], codes[i] = True, f"{int(value):0{CODE_DIGITS}d}"
    if convention != "any" and text.any():
        digits = pd.Series(values[text], dtype="str").str.strip()
        short = digits.str.fullmatch(_DIGITS_ONLY.pattern).to_numpy(dtype=bool, na_value=False)
        where = np.flatnonzero(text)[short]
        padded[where] = True
        codes[where] = digits[short].str.zfill(CODE_DIGITS).to_numpy(dtype=object)
    return padded, pd.Series(codes, index=raw.index, dtype=object)


def to_code9(
    raw: pd.Series, identifier: bool = True, convention: str = "any"
) -> tuple[pd.Series, np.ndarray]:
    """A 9-digit code as text. A code written as a number is padded to nine digits (see
    :func:`padded_codes`; validation warns once per column); any other number cell is bad."""
    blank = blank_mask(raw)
    if raw.dtype == object:
        values, kinds = _census(raw)
        numeric = (kinds == FLOAT) | (kinds == INT)
        numeric |= _per_cell(values, kinds == OTHER, _is_number)
    else:
        numeric = np.full(len(raw), pd.api.types.is_numeric_dtype(raw.dtype))
    padded, codes = padded_codes(raw, convention)
    text, reasons = to_text(raw, identifier=True)
    if padded.any():
        text = text.astype(object)
        text[padded] = codes[padded]
        text = text.astype("str")
    ok = text.str.fullmatch(r"\d{9}").to_numpy(dtype=bool, na_value=False)
    reasons[~blank & ~ok & (reasons == OK)] = "cell_bad"
    reasons[~blank & numeric & ~padded] = "code_stored_as_number"
    return text.where(reasons == OK, None).astype("str"), reasons


def padding_warnings(
    tables: dict[str, pd.DataFrame], conventions: dict[str, str], row_column: str
) -> list[Finding]:
    """One warning per code column in which codes written as numbers were padded to nine
    digits (:func:`padded_codes`): how many cells, the first of them (its row and the value
    found) and the code it became. ``row_column`` holds each raw row's number as Excel shows it.
    """
    out = []
    for sheet_name, table in tables.items():
        sheet = SHEETS_BY_NAME.get(sheet_name)
        if sheet is None:
            continue
        for column in sheet.columns:
            if column.kind != "code9" or column.name not in table:
                continue
            cells = table[column.name].reset_index(drop=True)
            padded, codes = padded_codes(cells, conventions.get(sheet_name, "any"))
            if not padded.any():
                continue
            first = int(np.argmax(padded))
            value = cells.iloc[first]
            shown = str(int(value)) if isinstance(value, float) else str(value).strip()
            out.append(
                Finding(
                    sheet_name,
                    int(table[row_column].iloc[first]),
                    column.name,
                    shown,
                    code="code_padded",
                    params={"count": int(padded.sum()), "code": codes.iloc[first]},
                )
            )
    return out


# --------------------------------------------------------------------------- numbers as text

_SIGN = r"[+-]?"
_PLAIN = re.compile(_SIGN + r"\d+")
_POINT = re.compile(_SIGN + r"(?:\d+\.\d*|\.\d+)(?:[eE][+-]?\d+)?|" + _SIGN + r"\d+[eE][+-]?\d+")
_COMMA = re.compile(_SIGN + r"\d*,\d+")
_DOT_GROUP1 = re.compile(_SIGN + r"\d{1,3}\.\d{3}")
_DOT_GROUPS = re.compile(_SIGN + r"\d{1,3}(?:\.\d{3}){2,}")
_COMMA_GROUP1 = re.compile(_SIGN + r"\d{1,3},\d{3}")
_DUTCH_FULL = re.compile(_SIGN + r"\d{1,3}(?:\.\d{3})+,\d+")
_ENGLISH_FULL = re.compile(_SIGN + r"\d{1,3}(?:,\d{3})+\.\d+")
_COMMA_GROUPS = re.compile(_SIGN + r"\d{1,3}(?:,\d{3}){2,}")
_MAX_NUMBER_TEXT = 60  # longer is no number a person types (and int() of it would be slow)
_NON_FINITE = {"inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "nan", "-nan", "+nan"}


def number_text(value: str, convention: str = "any") -> tuple[str | None, str]:
    """A number written as text → (``"1234.5"``-style text or None, reason code or ``""``)."""
    s = value.strip().replace("\u00a0", "").replace(" ", "").replace("\u202f", "")
    if len(s) > _MAX_NUMBER_TEXT:
        return None, "cell_bad"
    if s.casefold() in _NON_FINITE:
        return None, "number_not_finite"

    def match(p: re.Pattern[str]) -> bool:
        return p.fullmatch(s) is not None

    def dutch(t: str) -> str:
        return t.replace(".", "").replace(",", ".")

    if match(_PLAIN):
        return s, OK
    if convention == "nl":
        if match(_COMMA):
            return dutch(s), OK
        if match(_DOT_GROUP1) or match(_DOT_GROUPS) or match(_DUTCH_FULL):
            return dutch(s), OK
        if match(_POINT) or match(_ENGLISH_FULL):
            return None, "number_convention"
        return None, "cell_bad"
    if convention == "en":
        if match(_POINT):
            return s, OK
        if match(_ENGLISH_FULL) or match(_COMMA_GROUPS):
            return s.replace(",", ""), OK
        if match(_COMMA) or match(_DUTCH_FULL) or match(_DOT_GROUPS):
            return None, "number_convention"
        return None, "cell_bad"
    # a text cell in a workbook: either convention, unless it reads both ways
    if match(_DOT_GROUP1) or match(_COMMA_GROUP1):
        return None, "number_ambiguous"
    if match(_POINT):
        return s, OK
    if match(_COMMA) or match(_DOT_GROUPS) or match(_DUTCH_FULL):
        return dutch(s), OK
    if match(_ENGLISH_FULL) or match(_COMMA_GROUPS):
        return s.replace(",", ""), OK
    return None, "cell_bad"


def _numbers(raw: pd.Series, convention: str) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """(canonical text per cell or None, reasons, blank) for a column read as numbers."""
    blank = blank_mask(raw)
    errors = error_mask(raw)
    reasons = _none(len(raw))
    reasons[errors] = "cell_error"
    if pd.api.types.is_numeric_dtype(raw.dtype) and raw.dtype != bool:
        values = raw.astype("float64")
        canonical = values.map(lambda v: None if np.isnan(v) else repr(float(v)))
        return canonical, reasons, blank
    canonical_list: list[str | None] = []
    for v, b, e, i in zip(raw.tolist(), blank, errors, range(len(raw)), strict=True):
        if b or e:
            canonical_list.append(None)
        elif _is_number(v):
            canonical_list.append(repr(float(v)) if isinstance(v, float) else str(int(v)))  # type: ignore[call-overload]
        elif isinstance(v, str):
            text, reason = number_text(v, convention)
            canonical_list.append(text)
            reasons[i] = reason
        else:  # a date, a boolean or anything else in a number column
            canonical_list.append(None)
            reasons[i] = "cell_bad"
    return pd.Series(canonical_list, index=raw.index, dtype=object), reasons, blank


def to_number(raw: pd.Series, convention: str = "any") -> tuple[pd.Series, np.ndarray]:
    """A float column; text cells follow the convention; inf and NaN are refused."""
    canonical, reasons, blank = _numbers(raw, convention)
    out = pd.to_numeric(canonical, errors="coerce").astype("float64")
    finite = np.isfinite(out.to_numpy())
    not_finite = ~finite & ~blank & (reasons == OK) & canonical.notna().to_numpy()
    reasons[not_finite] = "number_not_finite"
    out[reasons != OK] = np.nan
    out[blank] = np.nan
    return out, reasons


def to_int(raw: pd.Series, convention: str = "any") -> tuple[pd.Series, np.ndarray]:
    """A whole-number column (nullable ``Int64``); beyond ±2⁵³ is not a whole number we keep."""
    number, reasons = to_number(raw, convention)
    values = number.to_numpy()
    present = ~np.isnan(values)
    whole = np.zeros(len(values), dtype=bool)
    whole[present] = (np.floor(values[present]) == values[present]) & (
        np.abs(values[present]) <= _MAX_EXACT_INT
    )
    reasons[present & ~whole] = "cell_bad"
    keep = present & whole
    out = pd.Series(pd.NA, index=raw.index, dtype="Int64")
    out[keep] = values[keep].astype("int64")
    return out, reasons


def to_money(raw: pd.Series, convention: str = "any") -> tuple[pd.Series, np.ndarray]:
    """EUR amounts as exact ``Decimal`` values (object column; missing is None)."""
    canonical, reasons, _ = _numbers(raw, convention)
    values: list[Decimal | None] = []
    for i, text in enumerate(canonical.tolist()):
        amount = None
        if text is not None and reasons[i] == OK:
            try:
                amount = Decimal(text)
            except InvalidOperation:
                reasons[i] = "cell_bad"
            else:
                if not amount.is_finite():
                    reasons[i] = "number_not_finite"
                    amount = None
        values.append(amount)
    return pd.Series(values, index=raw.index, dtype=object), reasons


def cents(amount: Decimal) -> int:
    """EUR → integer cents, rounded half-up (the one rounding of docs/settlement.md, Money)."""
    return int((amount / CENT).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def to_date(raw: pd.Series, convention: str = "any") -> tuple[pd.Series, np.ndarray]:
    """Dates (``datetime64[s]`` at midnight). Text: ``2025-12-31`` or Dutch ``31-12-2025``.

    Slashed or two-digit-year forms are ambiguous (day or month first?) and are refused.
    """
    blank = blank_mask(raw)
    reasons = _none(len(raw))
    reasons[error_mask(raw)] = "cell_error"
    if pd.api.types.is_datetime64_any_dtype(raw.dtype):
        out = raw.dt.tz_localize(None) if getattr(raw.dt, "tz", None) else raw
        try:
            return out.dt.normalize().astype("datetime64[s]"), reasons
        except (OverflowError, ValueError, pd.errors.OutOfBoundsDatetime):
            raw = raw.astype(object)
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[s]")
    if raw.dtype == object:
        values, kinds = _census(raw)
        unknown = kinds == OTHER
        is_date = (kinds == DATE) | (kinds == DATETIME)
        is_date |= _per_cell(values, unknown, lambda v: isinstance(v, dt.date))
        if is_date.any():
            with_time = is_date & (kinds != DATE)
            days = values[is_date]
            days[with_time[is_date]] = [v.date() for v in values[with_time]]
            days = pd.Series(days, index=raw.index[is_date], dtype=object)
            out[is_date] = pd.to_datetime(days).astype("datetime64[s]")
        is_text = (kinds == TEXT) | _per_cell(values, unknown, lambda v: isinstance(v, str))
    else:
        is_text = ~blank
    is_text = is_text & ~blank & (reasons == OK)
    if is_text.any():
        text = raw[is_text].astype("str").str.strip()
        iso = text.str.match(_ISO.pattern).fillna(False).to_numpy(dtype=bool)
        dutch = text.str.fullmatch(_DUTCH.pattern).fillna(False).to_numpy(dtype=bool)
        parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[s]")
        if iso.any():
            parsed[iso] = pd.to_datetime(
                text[iso].str.slice(0, 10), format="%Y-%m-%d", errors="coerce"
            )
        if dutch.any():
            parsed[dutch] = pd.to_datetime(text[dutch], format="%d-%m-%Y", errors="coerce")
        out[is_text] = parsed
        failed = is_text & out.isna().to_numpy()
        slashed = np.zeros(len(raw), dtype=bool)
        slashed[is_text] = text.str.contains("/", regex=False).to_numpy(dtype=bool)
        reasons[failed & slashed] = "date_with_slashes"
        reasons[failed & ~slashed] = "date_text"
    other = ~blank & out.isna().to_numpy() & (reasons == OK)
    reasons[other] = "cell_bad"
    out[reasons != OK] = pd.NaT
    return out, reasons


def to_bool(raw: pd.Series, convention: str = "any") -> tuple[pd.Series, np.ndarray]:
    """yes/no, ja/nee, true/false, 1/0 in any case (nullable ``boolean``)."""
    blank = blank_mask(raw)
    reasons = _none(len(raw))
    if raw.dtype == bool or str(raw.dtype) == "boolean":
        return raw.astype("boolean"), reasons
    reasons[error_mask(raw)] = "cell_error"

    def one(v: object) -> object:
        if isinstance(v, bool | np.bool_):
            return bool(v)
        if _is_number(v) and float(v) in (0.0, 1.0):  # type: ignore[arg-type]
            return bool(v)
        if isinstance(v, str):
            word = v.strip().casefold()
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
        return None

    values = raw.astype(object).map(one)
    out = values.astype("boolean")
    failed = ~blank & out.isna().to_numpy() & (reasons == OK)
    reasons[failed] = "cell_bad"
    out[reasons != OK] = pd.NA
    return out, reasons


def to_text_checked(raw: pd.Series, identifier: bool = False) -> tuple[pd.Series, np.ndarray]:
    """Text with error cells refused (the text path of :data:`COERCERS`)."""
    errors = error_mask(raw)
    out, reasons = to_text(raw, identifier=identifier)
    if not errors.any():
        return out, reasons
    reasons[errors] = "cell_error"
    return out.where(~errors, None).astype("str"), reasons


def normalise_choice(text: pd.Series, column: Column) -> tuple[pd.Series, np.ndarray]:
    """Enumerated text: lower-cased, Dutch words mapped; bad where not one of the choices."""
    low = text.str.strip().str.casefold()
    low = low.map(lambda w: ENUM_ALIASES.get(w, w) if isinstance(w, str) else w).astype("str")
    bad = ~low.isin(column.choices).to_numpy() & low.notna().to_numpy()
    return low.where(~bad, None).astype("str"), bad


def coerce(column: Column, raw: pd.Series, convention: str = "any") -> tuple[pd.Series, np.ndarray]:
    """Type one raw column by its declared kind: (typed column, reason code per cell)."""
    if column.kind == "text":
        return to_text_checked(raw, identifier=column.identifier)
    if column.kind == "code9":
        errors = error_mask(raw)
        out, reasons = to_code9(raw, convention=convention)
        reasons[errors] = "cell_error"
        return out, reasons
    return {
        "int": to_int,
        "number": to_number,
        "money": to_money,
        "date": to_date,
        "bool": to_bool,
    }[column.kind](raw, convention)

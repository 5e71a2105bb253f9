"""Typing raw cells by their declared kind (see :mod:`calculator.schema`).

Each ``to_*`` function takes a raw column (any dtype: object cells from Excel, text from CSV,
typed columns from Parquet) and returns the typed column plus a boolean mask of cells that are
present but not of the kind; blank cells become missing and are not marked bad here (the caller
decides whether a blank is allowed). The functions are vectorised where the data can be large.
"""

from __future__ import annotations

import datetime as dt
import numbers
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

import numpy as np
import pandas as pd

from calculator.schema import ENUM_ALIASES, Column

CENT = Decimal("0.01")
_TRUE = {"yes", "ja", "true", "waar", "1", "y", "j"}
_FALSE = {"no", "nee", "false", "onwaar", "0", "n"}
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]00:00(?::00)?)?$")
_DUTCH = re.compile(r"^\d{1,2}-\d{1,2}-\d{4}$")
_NUMBER_TEXT = re.compile(r"^[+-]?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?$")


def blank_mask(raw: pd.Series) -> np.ndarray:
    """Cells that hold nothing: missing, or only spaces."""
    missing = raw.isna().to_numpy()
    if raw.dtype == object or pd.api.types.is_string_dtype(raw.dtype):
        as_text = raw.astype("str").str.strip() == ""
        missing = missing | as_text.to_numpy(dtype=bool, na_value=True)
    return missing


def _is_number(v: object) -> bool:
    return isinstance(v, numbers.Real) and not isinstance(v, bool)


def to_text(raw: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Text, stripped; a whole number stored as a number becomes its digits (``12.0`` → ``12``)."""
    blank = blank_mask(raw)
    if pd.api.types.is_string_dtype(raw.dtype) and raw.dtype != object:
        out = raw.str.strip()
    else:

        def one(v: object) -> object:
            if v is None or (isinstance(v, float) and np.isnan(v)):
                return None
            if _is_number(v) and float(v).is_integer():  # type: ignore[arg-type]
                return str(int(v))  # type: ignore[call-overload]
            return str(v).strip()

        out = raw.map(one).astype("str")
    out = out.where(~blank, None).astype("str")
    return out, np.zeros(len(raw), dtype=bool)


def to_code9(raw: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """A 9-digit code as text. A number cell is bad: its leading zeros may already be lost."""
    blank = blank_mask(raw)
    if raw.dtype == object:
        numeric = raw.map(_is_number).to_numpy(dtype=bool)
    else:
        numeric = np.full(len(raw), pd.api.types.is_numeric_dtype(raw.dtype))
    text, _ = to_text(raw)
    ok = text.str.fullmatch(r"\d{9}").to_numpy(dtype=bool, na_value=False)
    bad = ~blank & (numeric | ~ok)
    return text, bad


def parse_number_text(text: pd.Series) -> pd.Series:
    """Numbers written as text, with a decimal comma (``12,5``, ``1.234,5``) or point."""
    s = text.str.strip().str.replace("\u00a0", "", regex=False).str.replace(" ", "", regex=False)
    dutch = s.str.fullmatch(_NUMBER_TEXT.pattern).fillna(False) & s.str.contains(",", regex=False)
    dotted_thousands = s.str.fullmatch(r"[+-]?\d{1,3}(\.\d{3}){2,}").fillna(False)
    s = s.where(
        ~(dutch | dotted_thousands),
        s.str.replace(".", "", regex=False).str.replace(",", ".", regex=False),
    )
    return pd.to_numeric(s, errors="coerce")


def to_number(raw: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """A float column; text cells may use a decimal comma."""
    blank = blank_mask(raw)
    if pd.api.types.is_numeric_dtype(raw.dtype) and raw.dtype != bool:
        out = raw.astype("float64")
        return out, np.zeros(len(raw), dtype=bool)
    if raw.dtype == object:
        is_num = raw.map(_is_number).to_numpy(dtype=bool)
        numeric = pd.Series(np.nan, index=raw.index, dtype="float64")
        numeric[is_num] = raw[is_num].astype("float64")
        is_text = raw.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
        if is_text.any():
            numeric[is_text] = parse_number_text(raw[is_text].astype("str")).to_numpy()
    else:
        numeric = parse_number_text(raw.astype("str")).astype("float64")
    out = numeric.astype("float64")
    bad = ~blank & out.isna().to_numpy()
    out[blank] = np.nan
    return out, bad


def to_int(raw: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """A whole-number column (nullable ``Int64``)."""
    number, bad = to_number(raw)
    whole = number.isna() | (number == np.floor(number))
    bad = bad | ~whole.to_numpy()
    out = number.where(whole & number.notna()).round().astype("Int64")
    return out, bad


def decimal_of(v: object) -> Decimal | None:
    """An exact ``Decimal`` for a cell value, or None when it is not a number."""
    if _is_number(v):
        return Decimal(repr(float(v))) if isinstance(v, float) else Decimal(int(v))  # type: ignore[call-overload]
    if isinstance(v, str):
        parsed = parse_number_text(pd.Series([v], dtype="str"))
        if pd.isna(parsed.iloc[0]):
            return None
        s = v.strip().replace(" ", "")
        if "," in s:
            s = s.replace(".", "").replace(",", ".")
        try:
            return Decimal(s)
        except InvalidOperation:
            return None
    return None


def to_money(raw: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """EUR amounts as exact ``Decimal`` values (object column; missing is None)."""
    blank = blank_mask(raw)
    values = [None if b else decimal_of(v) for v, b in zip(raw.tolist(), blank, strict=True)]
    bad = np.array([v is None for v in values], dtype=bool) & ~blank
    return pd.Series(values, index=raw.index, dtype=object), bad


def cents(amount: Decimal) -> int:
    """EUR → integer cents, rounded half-up (the one rounding of SPEC §4.1)."""
    return int((amount / CENT).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def to_date(raw: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Dates (``datetime64[s]`` at midnight). Text: ``2025-12-31`` or Dutch ``31-12-2025``.

    Slashed or two-digit-year forms are ambiguous (day or month first?) and are refused.
    """
    blank = blank_mask(raw)
    if pd.api.types.is_datetime64_any_dtype(raw.dtype):
        out = raw.dt.tz_localize(None) if getattr(raw.dt, "tz", None) else raw
        return out.dt.normalize().astype("datetime64[s]"), np.zeros(len(raw), dtype=bool)
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[s]")
    if raw.dtype == object:
        is_date = raw.map(lambda v: isinstance(v, dt.date)).to_numpy(dtype=bool)
        if is_date.any():
            out[is_date] = pd.to_datetime(
                raw[is_date].map(lambda v: v.date() if isinstance(v, dt.datetime) else v)
            ).astype("datetime64[s]")
        is_text = raw.map(lambda v: isinstance(v, str)).to_numpy(dtype=bool)
    else:
        is_text = ~blank
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
    bad = ~blank & out.isna().to_numpy()
    return out, bad


def to_bool(raw: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """yes/no, ja/nee, true/false, 1/0 in any case (nullable ``boolean``)."""
    blank = blank_mask(raw)
    if raw.dtype == bool or str(raw.dtype) == "boolean":
        return raw.astype("boolean"), np.zeros(len(raw), dtype=bool)

    def one(v: object) -> object:
        if isinstance(v, bool):
            return v
        if _is_number(v) and float(v) in (0.0, 1.0):  # type: ignore[arg-type]
            return bool(v)
        if isinstance(v, str):
            word = v.strip().casefold()
            if word in _TRUE:
                return True
            if word in _FALSE:
                return False
        return None

    values = (
        raw.map(one)
        if raw.dtype == object
        else raw.astype("str")
        .str.strip()
        .str.casefold()
        .map(lambda w: True if w in _TRUE else (False if w in _FALSE else None))
    )
    out = values.astype("boolean")
    bad = ~blank & out.isna().to_numpy()
    return out, bad


def normalise_choice(text: pd.Series, column: Column) -> tuple[pd.Series, np.ndarray]:
    """Enumerated text: lower-cased, Dutch words mapped; bad where not one of the choices."""
    low = text.str.strip().str.casefold()
    low = low.map(lambda w: ENUM_ALIASES.get(w, w) if isinstance(w, str) else w).astype("str")
    bad = ~low.isin(column.choices).to_numpy() & low.notna().to_numpy()
    return low, bad


COERCERS = {
    "text": to_text,
    "code9": to_code9,
    "int": to_int,
    "number": to_number,
    "money": to_money,
    "date": to_date,
    "bool": to_bool,
}

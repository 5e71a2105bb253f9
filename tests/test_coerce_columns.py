"""Typing works on whole columns (issue 23, item 4): a column typed at once gives, cell for cell,
what each cell gives typed alone — whatever the mix of types a reader hands over."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.coerce import ExcelError, blank_mask, coerce, error_mask
from calculator.reader import _column
from calculator.schema import SHEETS_BY_NAME

CELLS = [
    "",
    "  ",
    "\u00a0",
    "AAA",
    " 029089018 ",
    "#REF!",
    " #n/a ",
    "2025-01-05",
    "5-1-2025",
    "1/2/2025",
    "1.234",
    "ja",
    "NaN",
    None,
    3.0,
    29089018.0,
    float("nan"),
    7,
    True,
    dt.date(2025, 1, 2),
    dt.datetime(2025, 3, 4, 5, 6),
    dt.time(1, 2),
    Decimal("1.5"),
    ExcelError("#DIV/0!"),
    pd.Timestamp("2025-02-02"),
    np.str_("  "),
    np.str_("BBB"),
]
columns = st.lists(st.sampled_from(CELLS), min_size=1, max_size=12)


def alone(function, cells):
    return [function(pd.Series([c], dtype=object)) for c in cells]


@given(columns)
@settings(max_examples=60, deadline=None)
def test_blank_and_error_cells_are_found_as_cell_by_cell(cells):
    column = pd.Series(cells, dtype=object)
    assert blank_mask(column).tolist() == [m[0] for m in alone(blank_mask, cells)]
    assert error_mask(column).tolist() == [m[0] for m in alone(error_mask, cells)]


@given(
    columns,
    st.sampled_from(
        [
            ("registrations", "start_date"),
            ("registrations", "odv"),
            ("registrations", "hospital_id"),
            ("volumes", "cases"),
            ("prices", "benchmark_price"),
            ("registrations", "product_code"),
            ("prices", "year"),
        ]
    ),
)
@settings(max_examples=60, deadline=None)
def test_a_column_is_typed_as_its_cells_alone(cells, where):
    sheet, name = where
    col = next(c for c in SHEETS_BY_NAME[sheet].columns if c.name == name)
    values, reasons = coerce(col, pd.Series(cells, dtype=object))
    for i, cell in enumerate(cells):
        one, why = coerce(col, pd.Series([cell], dtype=object))
        assert reasons[i] == why[0], (cell, reasons[i], why[0])
        assert (pd.isna(values.iloc[i]) and pd.isna(one.iloc[0])) or values.iloc[i] == one.iloc[0]


@given(st.one_of(columns, st.lists(st.sampled_from(CELLS[:3] + CELLS[19:21] + [None]), min_size=1)))
@settings(max_examples=80, deadline=None)
def test_the_reader_keeps_every_cell_and_finds_the_blank_ones(cells):
    column, blank = _column(np.array(cells + [None], dtype=object)[:-1], dated=True)
    expected = [c is None or (isinstance(c, str) and not c.strip()) for c in cells]
    assert blank.tolist() == expected
    text_only = all(isinstance(c, str) for c in cells)
    dates = [type(c) in (dt.date, dt.datetime) for c in cells]
    if text_only:
        assert column.dtype == "str" and column.tolist() == cells
    elif any(dates) and all(d or b for d, b in zip(dates, expected, strict=True)):
        assert column.dtype == "datetime64[s]"
        stamps = [pd.Timestamp(c) if d else pd.NaT for c, d in zip(cells, dates, strict=True)]
        assert column.tolist() == stamps
    else:
        assert column.dtype == object
        assert column.tolist() == ["NaN" if isinstance(c, float) and c != c else c for c in cells]


def test_dates_in_a_column_not_declared_as_dates_stay_as_read():
    """A date typed into a text column is that cell's text, and a blank beside it stays blank
    (never the text of a missing date)."""
    column, blank = _column(np.array([dt.date(2025, 1, 2), ""], dtype=object))
    assert column.dtype == object and column.tolist() == [dt.date(2025, 1, 2), ""]
    assert blank.tolist() == [False, True]

"""Secondment contracts (issue 20, item 3): staff of one hospital working at another, per hour.

A row of the optional sheet ``secondments`` (from_hospital, to_hospital, role, valid_from,
valid_to, fte or hours_per_month, rate, indexation) yields one settlement line per year it is in
force: ``to_hospital`` pays ``from_hospital``

    hours × hourly rate,  hours = (fte × 1.872, or hours_per_month × 12) × days in force / days
    in the year,

with the hours exact (a fraction) and the amount rounded half-up to cents once. The rate is that
of the year of ``valid_from``; with ``indexation`` it follows the ``indexation`` sheet in later
years as a benchmark price does (× (1 + rate of each year), rounded half-up to cents per year).
These lines are of kind ``secondment_contract``, beside ODV and per-case secondment, and are
netted with them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pandas as pd

from calculator.errors import Finding, SpreidingInputError
from calculator.lines import LINE_COLUMNS
from calculator.money import eur_to_cents, exact, indexed_price, round_half_up

# hours of one full-time post a year: 36 hours a week (cao ziekenhuizen) × 52 weeks
FTE_HOURS_PER_YEAR = 1872

DETAIL_COLUMNS = [
    "secondment_id",
    "from_hospital",
    "to_hospital",
    "role",
    "year",
    "days",
    "days_in_year",
    "hours",
    "rate_cents",
    "indexed",
    "amount_cents",
    "source_rows",
]


def _days(start: dt.date, end: dt.date) -> int:
    return max((end - start).days + 1, 0)


def secondment_lines(
    secondments: pd.DataFrame, indexation: pd.DataFrame, year: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The lines of every secondment contract in force in ``year``, and their details.

    Returns (lines, details): LINE_COLUMNS with amounts (kind ``secondment_contract``,
    ``agreement_id`` the contract's id, ``count`` the hours) and DETAIL_COLUMNS (days in force,
    hours, the hourly rate used [cents] and whether it was indexed).
    """
    rates = {
        int(y): Decimal(repr(float(r)))
        for y, r in indexation[["year", "rate"]].dropna().itertuples(index=False)
    }
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    in_year = _days(first, last)
    lines, details, missing = [], [], []
    for row in secondments.itertuples(index=False):
        start = max(first, pd.Timestamp(row.valid_from).date())
        end = last if pd.isna(row.valid_to) else min(last, pd.Timestamp(row.valid_to).date())
        days = _days(start, end)
        if days == 0:
            continue
        per_year = (
            exact(row.fte) * FTE_HOURS_PER_YEAR
            if not pd.isna(row.fte)
            else exact(row.hours_per_month) * 12
        )
        hours = per_year * Fraction(days, in_year)
        base_year = pd.Timestamp(row.valid_from).year
        indexed = not pd.isna(row.indexation) and bool(row.indexation) and year > base_year
        rate = Decimal(row.rate)
        if indexed:
            gap = [y for y in range(base_year + 1, year + 1) if y not in rates]
            if gap:
                missing.append(
                    Finding(
                        "indexation",
                        None,
                        "rate",
                        str(gap[0]),
                        code="secondment_no_rate",
                        params={
                            "secondment": row.secondment_id,
                            "year": str(year),
                            "rate_year": str(gap[0]),
                        },
                    )
                )
                continue
            rate = indexed_price(rate, [rates[y] for y in range(base_year + 1, year + 1)])
        unit = eur_to_cents(rate) or 0
        amount = round_half_up(hours * unit)
        rows = str(row.excel_row)
        lines.append(
            (
                "secondment_contract",
                "",
                row.to_hospital,
                row.from_hospital,
                "",
                float(hours),
                unit,
                amount,
                row.secondment_id,
                year,
                "secondments",
                rows,
                "",
            )
        )
        details.append(
            (
                row.secondment_id,
                row.from_hospital,
                row.to_hospital,
                row.role,
                year,
                days,
                in_year,
                float(hours),
                unit,
                indexed,
                amount,
                rows,
            )
        )
    if missing:
        raise SpreidingInputError(missing)
    return (
        pd.DataFrame(lines, columns=LINE_COLUMNS),
        pd.DataFrame(details, columns=DETAIL_COLUMNS),
    )

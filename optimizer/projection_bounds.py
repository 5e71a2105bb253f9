"""How far a projection can go before its money no longer fits exact integer cents.

Growth compounds per year and indexation per year on top of it: cases × (1 + g)^n × price ×
Π(1 + index). Amounts are integer cents held in 64-bit columns, so a workbook with growth 100 %
a year through 2100 would overflow them. Before projecting, an upper bound of the region's
money in each year — all base cases × the highest price × the highest growth compounded × every
positive index compounded — is compared with :data:`MAX_CENTS`; the first year over it is a
finding on the ``growth`` sheet, never an overflow.
"""

from __future__ import annotations

import math

from calculator.errors import Finding, SpreidingInputError
from calculator.workbook import Workbook

MAX_CENTS = 10**18  # well inside a 64-bit integer (9.2 × 10^18) [EUR cents]


def first_year_too_large(wb: Workbook, first: int, last: int) -> int | None:
    """The first year in ``first..last`` whose bound on money exceeds :data:`MAX_CENTS`."""
    cases = float(wb.volumes.loc[wb.volumes["year"] == first, "cases"].sum())
    prices = wb.prices["benchmark_price"]
    price_cents = float(max(prices, default=0)) * 100
    if cases <= 0 or price_cents <= 0:
        return None
    rates = [float(r) for r in wb.growth["rate"]] if len(wb.growth) else []
    growth = math.log1p(max([0.0, *rates]))
    first_price_year = int(wb.prices["year"].min())
    index = {int(y): float(r) for y, r in wb.indexation[["year", "rate"]].itertuples(index=False)}
    log_limit = math.log(MAX_CENTS)
    log_base = math.log(cases) + math.log(price_cents)
    log_index = sum(
        math.log1p(r) for y, r in index.items() if r > 0 and first_price_year < y <= first
    )
    for year in range(first, last + 1):
        if year > first and index.get(year, 0.0) > 0:
            log_index += math.log1p(index[year])
        if log_base + growth * (year - first) + log_index > log_limit:
            return year
    return None


def check_projection_size(wb: Workbook, first: int, last: int) -> None:
    """Refuse a projection whose amounts would not fit exact cents (a finding naming the year)."""
    year = first_year_too_large(wb, first, last)
    if year is not None:
        raise SpreidingInputError(
            [
                Finding(
                    "growth",
                    None,
                    "rate",
                    f"--to {last}",
                    code="proj_amounts_too_large",
                    params={"year": str(year), "last_ok": str(year - 1)},
                )
            ]
        )

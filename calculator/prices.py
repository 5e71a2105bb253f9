"""Benchmark prices per product and year, with indexation (README, Input).

A price missing for year Y is the price of Y−1 × (1 + rate of Y), rounded half-up to cents,
applied year by year from the last known year before Y. A price that cannot be derived (no earlier
price, or no rate for a year on the way) is reported, naming the product and the year.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from calculator.coerce import CENT
from messages import Message


@dataclass(frozen=True)
class PriceLookup:
    """Resolved prices for the (product, year) pairs asked for.

    ``table`` has columns product_code, year, benchmark_price [EUR, Decimal], source_year (year of
    the known price it derives from) and indexed (bool). ``missing`` lists (product_code, year,
    reason) for pairs that have no price; the reason is a catalogue message.
    """

    table: pd.DataFrame
    missing: list[tuple[str, int, Message]]


def resolve_prices(
    prices: pd.DataFrame, indexation: pd.DataFrame, needed: pd.DataFrame
) -> PriceLookup:
    """Prices for every (product_code, year) row of ``needed``.

    Parameters
    ----------
    prices : product_code, year, benchmark_price [EUR, Decimal]
    indexation : year, rate
    needed : product_code, year
    """
    known: dict[str, dict[int, Decimal]] = {}
    for code, year, price in prices[["product_code", "year", "benchmark_price"]].itertuples(
        index=False
    ):
        known.setdefault(code, {})[int(year)] = price
    rates = {
        int(y): Decimal(repr(float(r)))
        for y, r in indexation[["year", "rate"]].itertuples(index=False)
    }
    rows = []
    missing: list[tuple[str, int, Message]] = []
    pairs = needed[["product_code", "year"]].drop_duplicates()
    for code, year in pairs.itertuples(index=False):
        year = int(year)
        by_year = known.get(code, {})
        if year in by_year:
            rows.append((code, year, by_year[year], year, False))
            continue
        earlier = [y for y in by_year if y < year]
        if not earlier:
            missing.append(
                (
                    code,
                    year,
                    Message("price_reason_none_earlier", {"product": code, "year": str(year)}),
                )
            )
            continue
        base_year = max(earlier)
        price = by_year[base_year]
        for y in range(base_year + 1, year + 1):
            if y not in rates:
                missing.append(
                    (
                        code,
                        year,
                        Message(
                            "price_reason_no_rate",
                            {
                                "product": code,
                                "year": str(year),
                                "rate_year": str(y),
                                "base_year": str(base_year),
                            },
                        ),
                    )
                )
                price = None
                break
            price = (price * (1 + rates[y])).quantize(CENT, rounding=ROUND_HALF_UP)
        if price is not None:
            rows.append((code, year, price, base_year, True))
    table = pd.DataFrame(
        rows, columns=["product_code", "year", "benchmark_price", "source_year", "indexed"]
    )
    table["product_code"] = table["product_code"].astype("str")
    table["year"] = table["year"].astype("int64")
    table["source_year"] = table["source_year"].astype("int64")
    table["benchmark_price"] = table["benchmark_price"].astype(object)
    return PriceLookup(table, missing)

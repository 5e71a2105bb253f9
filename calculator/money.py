"""Exact money (SPEC §4.1): integer euro cents, a unit price rounded half-up once.

A unit price is computed with ``Decimal`` and rounded half-up to cents once; a line amount is
unit price × count, where a fractional count (scenarios) rounds the amount half-up to cents.
Sums are sums of integer cents. No float arithmetic touches money.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import numpy as np
import pandas as pd

from calculator.coerce import CENT, cents


def decimal(value: float | int | Decimal | str) -> Decimal:
    """An exact Decimal for a factor read from the input (floats through their shortest repr)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def unit_price_cents(price_eur: Decimal, *factors: float | Decimal) -> int:
    """``price × factor × …`` [EUR] rounded half-up once to integer cents."""
    amount = price_eur
    for factor in factors:
        amount *= decimal(factor)
    return cents(amount)


def eur_to_cents(amount: Decimal | None) -> int | None:
    return None if amount is None else int((amount / CENT).to_integral_value(ROUND_HALF_UP))


def line_amounts(counts: pd.Series, unit_cents: pd.Series) -> pd.Series:
    """unit price × count [cents]; exact for whole counts, rounded half-up for fractional ones."""
    counts_f = counts.astype("float64").to_numpy()
    units = unit_cents.astype("int64").to_numpy()
    whole = np.equal(np.floor(counts_f), counts_f)
    out = np.zeros(len(counts_f), dtype=np.int64)
    out[whole] = counts_f[whole].astype(np.int64) * units[whole]
    for i in np.flatnonzero(~whole):
        out[i] = int((decimal(float(counts_f[i])) * units[i]).to_integral_value(ROUND_HALF_UP))
    return pd.Series(out, index=counts.index, dtype="int64")


def share_of(amount_cents: int, rate: float | Decimal) -> int:
    """``amount × rate`` [cents], rounded half-up."""
    return int((Decimal(amount_cents) * decimal(rate)).to_integral_value(ROUND_HALF_UP))


def euro_text(amount_cents: int) -> str:
    """Dutch notation: ``€ 1.234.567,89`` (negative: ``-€ 12,00``)."""
    sign = "-" if amount_cents < 0 else ""
    whole, rest = divmod(abs(int(amount_cents)), 100)
    return f"{sign}€ {whole:,}".replace(",", ".") + f",{rest:02d}"

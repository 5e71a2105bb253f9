"""Exact money (docs/settlement.md, Money): integer euro cents, a unit price rounded half-up once.

A unit price is computed with ``Decimal`` and rounded half-up to cents once; a line amount is
unit price × count, where a fractional count (scenarios) rounds the amount half-up to cents.
Sums are sums of integer cents. No float arithmetic touches money.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import numpy as np
import pandas as pd

from calculator.coerce import CENT, cents


def decimal(value: float | int | Decimal | str) -> Decimal:
    """An exact Decimal for a factor read from the input (floats through their shortest repr)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):  # numpy's float64 too: its repr is not a number
        return Decimal(repr(float(value)))
    return Decimal(value)


def exact(value: float | int | Decimal | str | Fraction) -> Fraction:
    """An exact fraction for a count, share or factor read from the input (floats through their
    shortest repr, so 0.7 is 7/10, not the binary neighbour of 0.7)."""
    if isinstance(value, Fraction):
        return value
    return Fraction(decimal(value))


def round_half_up(value: Fraction) -> int:
    """An exact amount [cents] rounded half-up (away from zero) to whole cents."""
    sign = -1 if value < 0 else 1
    return sign * int(abs(value) + Fraction(1, 2))


def largest_remainder(weights: list[Fraction], total: int) -> list[int]:
    """Split ``total`` [cents] in proportion to ``weights``: each part rounded down, the cents left
    go one by one to the largest fractional parts (ties: the earlier part). Σ parts = total."""
    whole = sum(weights, Fraction(0))
    if whole == 0:
        return [0] * len(weights)
    quotas = [total * w / whole for w in weights]
    parts = [q.numerator // q.denominator for q in quotas]
    left = total - sum(parts)
    order = sorted(range(len(quotas)), key=lambda i: (-(quotas[i] - parts[i]), i))
    for i in order[:left]:
        parts[i] += 1
    return parts


def weighted_unit_cents(shares: list[Fraction], units: list[int]) -> int:
    """The share-weighted unit price [cents]: Σ share_i × contract unit price_i (each already
    rounded to cents), rounded half-up once. One price for every use: cases spread over the
    insurers by share and a DBC whose insurer is blank or has no contract."""
    return round_half_up(sum((s * u for s, u in zip(shares, units, strict=True)), Fraction(0)))


def unit_price_cents(price_eur: Decimal, *factors: float | Decimal) -> int:
    """``price × factor × …`` [EUR] rounded half-up once to integer cents."""
    amount = price_eur
    for factor in factors:
        amount *= decimal(factor)
    return cents(amount)


def indexed_price(price_eur: Decimal, rates: list[Decimal]) -> Decimal:
    """A price [EUR] carried through yearly indexation rates: × (1 + rate) per year, rounded
    half-up to cents each year (as a benchmark price is indexed, README, Input)."""
    for rate in rates:
        price_eur = (price_eur * (1 + rate)).quantize(CENT, rounding=ROUND_HALF_UP)
    return price_eur


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

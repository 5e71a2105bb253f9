"""Dutch notation for the dashboard: € 1.234.567, 85,3 %, 1.234 cases."""

from __future__ import annotations

import math


def _group(whole: int) -> str:
    return f"{whole:,}".replace(",", ".")


def euro(cents: float | int | None, with_cents: bool = False) -> str:
    """``€ 1.234.567`` from cents (``-€ 12.345`` when negative)."""
    if cents is None or (isinstance(cents, float) and math.isnan(cents)):
        return "–"
    sign = "-" if cents < 0 else ""
    value = abs(int(cents))
    if with_cents:
        return f"{sign}€ {_group(value // 100)},{value % 100:02d}"
    return f"{sign}€ {_group((value + 50) // 100)}"


def number(value: float | None, decimals: int = 0) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    text = f"{abs(value):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return ("-" if value < 0 and round(abs(value), decimals) else "") + text


def percent(share: float | None, decimals: int = 1) -> str:
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    return f"{number(100 * share, decimals)} %"

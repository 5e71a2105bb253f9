"""Numbers as a reader expects them: Dutch ``€ 1.234.567,89`` and ``85,3 %``, English
``€ 1,234,567.89``. The one place of number formatting for the CLI, the workbooks and the dashboard.
"""

from __future__ import annotations

import datetime as dt
import math


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number(value: float | None, decimals: int = 0, *, lang: str = "nl") -> str:
    """``1.234,5`` (nl) or ``1,234.5`` (en); ``–`` for a missing value."""
    if value is None or _missing(value):
        return "–"
    text = f"{abs(value):,.{decimals}f}"
    if lang == "nl":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return ("-" if value < 0 and round(abs(value), decimals) else "") + text


def euro(cents: float | int | None, with_cents: bool = False, *, lang: str = "nl") -> str:
    """``€ 1.234.567`` from cents (``-€ 12.345`` when negative); ``with_cents`` adds ``,89``."""
    if cents is None or _missing(cents):
        return "–"
    sign = "-" if cents < 0 else ""
    value = abs(int(cents))
    if with_cents:
        return f"{sign}€ {number(value // 100, lang=lang)}{',' if lang == 'nl' else '.'}" + (
            f"{value % 100:02d}"
        )
    return f"{sign}€ {number((value + 50) // 100, lang=lang)}"


def percent(share: float | None, decimals: int = 1, *, lang: str = "nl") -> str:
    """``85,3 %`` from a share 0.853."""
    if share is None or _missing(share):
        return "–"
    return f"{number(100 * share, decimals, lang=lang)} %"


def long_date(day: dt.date, lang: str = "nl") -> str:
    """``7 december 2026`` / ``7 December 2026``."""
    from messages import text

    month = text(f"pack_month_{day.month}", lang)
    return text("pack_date", lang, day=str(day.day), month=month, year=str(day.year))


def long_datetime(moment: str, lang: str = "nl") -> str:
    """``7 december 2026 10:51`` from an ISO time ``2026-12-07T10:51:00``; a text that is not
    one is shown as it is."""
    try:
        at = dt.datetime.fromisoformat(moment)
    except (TypeError, ValueError):
        return str(moment)
    return f"{long_date(at.date(), lang)} {at:%H:%M}"

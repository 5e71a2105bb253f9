"""The tables a settlement produces, declared once, and the unit prices between hospitals."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd

from calculator.money import decimal, eur_to_cents, line_amounts, unit_price_cents
from calculator.pricing import OTHER_INSURER, Pricing

# Money between hospitals: one row per source (flow row, ODV row, parallel pair).
LINE_COLUMNS = [
    "kind",
    "care_form_id",
    "payer",
    "payee",
    "product_code",
    "count",
    "unit_price_cents",
    "amount_cents",
    "agreement_id",
    "price_year",
    "source",
]
# A line before its amount is computed (unit price × count, see ``with_amounts``).
UNPRICED_LINE_COLUMNS = [c for c in LINE_COLUMNS if c != "amount_cents"]
# Revenue declared to insurers.
REVENUE_COLUMNS = [
    "hospital_id",
    "insurer",
    "care_form_id",
    "product_code",
    "component",
    "price_year",
    "count",
    "unit_price_cents",
    "amount_cents",
    "source",
]
EXCEPTION_COLUMNS = [
    "kind",
    "key",
    "hospital_id",
    "partner_hospital",
    "care_form_id",
    "patient_id",
    "source",
    "message",
]
KINDS = ("odv", "secondment")


def empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})


def typed_lines(frame: pd.DataFrame) -> pd.DataFrame:
    if not len(frame):
        frame = empty(LINE_COLUMNS)
    frame = frame[LINE_COLUMNS].copy()
    for col in ("kind", "care_form_id", "payer", "payee", "product_code", "agreement_id", "source"):
        frame[col] = frame[col].astype("str")
    frame["count"] = frame["count"].astype("float64")
    frame["unit_price_cents"] = frame["unit_price_cents"].astype("int64")
    frame["amount_cents"] = frame["amount_cents"].astype("int64")
    frame["price_year"] = frame["price_year"].astype("Int64")
    return frame.reset_index(drop=True)


def odv_unit_cents(
    pricing: Pricing,
    product_code: str,
    price_year: int,
    fixed_price: Decimal | None,
    price_share: float | None,
) -> int:
    """ODV unit price: a fixed price, else benchmark of the ODV product × share (default 1)."""
    if fixed_price is not None and not pd.isna(fixed_price):
        return eur_to_cents(fixed_price)  # type: ignore[return-value]
    share = 1.0 if price_share is None or pd.isna(price_share) else price_share
    return unit_price_cents(pricing.benchmark(product_code, price_year), share)


def secondment_unit_cents(hours: float | None, rate: Decimal | None) -> int:
    """hours per case × hourly rate [cents/case]; 0 without hours or rate."""
    if hours is None or rate is None or pd.isna(hours) or pd.isna(rate) or hours == 0:
        return 0
    return unit_price_cents(rate, decimal(float(hours)))


def with_amounts(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["amount_cents"] = line_amounts(frame["count"], frame["unit_price_cents"])
    return frame


def declare(items: pd.DataFrame, pricing: Pricing, year: int) -> pd.DataFrame:
    """Insurer revenue of declared products (SPEC §4.2–4.3).

    Parameters
    ----------
    items : hospital_id, product_code, price_year, count, insurer (missing = spread over the
        hospital's contracts by share), source
    year : settlement year (its contracts apply)

    Returns
    -------
    REVENUE_COLUMNS; a known insurer pays benchmark × its price factor, an insurer without a
    contract the hospital's share-weighted factor (insurer ``(overig)``).
    """
    if not len(items):
        return empty(REVENUE_COLUMNS)
    contracts = pricing.contracts(year)[["hospital_id", "insurer", "share", "price_factor"]]
    spread = (
        items[items["insurer"].isna()].drop(columns="insurer").merge(contracts, on="hospital_id")
    )
    spread["count"] = spread["count"] * spread["share"]
    named = items[items["insurer"].notna()].merge(
        contracts.drop(columns="share"), on=["hospital_id", "insurer"], how="left"
    )
    weighted = pricing.weighted_factors(year)
    unknown = named["price_factor"].isna()
    named.loc[unknown, "insurer"] = OTHER_INSURER
    named["factor"] = [
        weighted[h] if u else decimal(f)
        for h, u, f in zip(named["hospital_id"], unknown, named["price_factor"], strict=True)
    ]
    spread["factor"] = [decimal(f) for f in spread["price_factor"]]
    rows = pd.concat([spread.drop(columns="share"), named], ignore_index=True)
    pricing.load(rows[["product_code", "price_year"]].rename(columns={"price_year": "year"}))
    keys = rows[["product_code", "price_year", "factor"]].drop_duplicates()
    keys["unit_price_cents"] = [
        unit_price_cents(pricing.benchmark(c, int(y)), f)
        for c, y, f in keys.itertuples(index=False)
    ]
    rows = rows.merge(keys, on=["product_code", "price_year", "factor"])
    rows["care_form_id"] = rows["product_code"].map(pricing.care_form_of)
    rows["component"] = rows["product_code"].map(pricing.component_of)
    rows = with_amounts(rows)
    group = [
        "hospital_id",
        "insurer",
        "care_form_id",
        "product_code",
        "component",
        "price_year",
        "unit_price_cents",
    ]
    out = rows.groupby(group, as_index=False, sort=True).agg(
        count=("count", "sum"),
        amount_cents=("amount_cents", "sum"),
        source=("source", _join_sources),
    )
    out["price_year"] = out["price_year"].astype("int64")
    return out[REVENUE_COLUMNS]


def _join_sources(sources: pd.Series) -> str:
    unique = sources.drop_duplicates()
    if len(unique) <= 5:
        return "; ".join(unique)
    return f"{'; '.join(unique.iloc[:5])}; … ({len(unique)} sources)"

"""The tables a settlement produces, declared once, and the unit prices between hospitals."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

import pandas as pd

from calculator.money import (
    decimal,
    eur_to_cents,
    exact,
    largest_remainder,
    line_amounts,
    round_half_up,
    unit_price_cents,
    weighted_unit_cents,
)
from calculator.tariffs import OTHER_INSURER, Tariffs
from messages import text

# Money between hospitals: one row per source (flow row, ODV row, parallel pair). The audit trail
# is data: the sheet, its row numbers (as Excel shows them, ";"-separated) and the DBC ids.
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
    "source_sheet",
    "source_rows",
    "source_keys",
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
    "price_basis",
    "basis_count",
    "share",
    "source",
]
# Listed, not settled. ``message_code`` and ``params`` name the text in the catalogue
# (:mod:`messages.settlement`); ``message`` is that text in Dutch, the workbook's language.
EXCEPTION_COLUMNS = [
    "kind",
    "key",
    "hospital_id",
    "partner_hospital",
    "care_form_id",
    "patient_id",
    "source_sheet",
    "source_rows",
    "message_code",
    "params",
    "message",
]
# kinds of money that follow moved cases (what the optimiser weighs), and every kind of line
KINDS = ("odv", "secondment")
LINE_KINDS = (*KINDS, "secondment_contract", "network_costs", "compensation")
ONE = Fraction(1)


def empty(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})


def exception_rows(
    kind: str,
    params: list[dict[str, object]],
    *,
    key: Sequence[object],
    hospital_id: Sequence[object],
    partner_hospital: Sequence[object],
    care_form_id: Sequence[object],
    source_sheet: str,
    source_rows: Sequence[object],
    patient_id: Sequence[object] | None = None,
    message_code: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Exceptions of one kind (EXCEPTION_COLUMNS); the message is the catalogue's
    ``settlement_exception_<kind>`` (or ``message_code`` per row) filled with ``params``."""
    codes = (
        list(message_code)
        if message_code is not None
        else [f"settlement_exception_{kind}"] * len(params)
    )
    return pd.DataFrame(
        {
            "kind": kind,
            "key": list(key),
            "hospital_id": list(hospital_id),
            "partner_hospital": list(partner_hospital),
            "care_form_id": list(care_form_id),
            "patient_id": list(patient_id) if patient_id is not None else None,
            "source_sheet": source_sheet,
            "source_rows": [str(r) for r in source_rows],
            "message_code": codes,
            "params": params,
            "message": [text(c, "nl", **p) for c, p in zip(codes, params, strict=True)],
        },
        columns=EXCEPTION_COLUMNS,
    )


def exception_messages(exceptions: pd.DataFrame, lang: str) -> pd.Series:
    """The exceptions' messages in ``lang``."""
    return pd.Series(
        [
            text(c, lang, **p)
            for c, p in zip(exceptions["message_code"], exceptions["params"], strict=True)
        ],
        index=exceptions.index,
        dtype=object,
    )


def exception_keys(exceptions: pd.DataFrame, lang: str) -> pd.Series:
    """The exceptions' keys as a reader sees them: a DBC (or pair of DBCs) as it is, a row of
    the volumes sheet in words in ``lang`` (from ``source_rows``, not from the key's text)."""
    volumes = exceptions["source_sheet"] == "volumes"
    return exceptions["key"].where(
        ~volumes,
        pd.Series(
            [
                text("settlement_key_volumes_row", lang, rows=str(r))
                for r in exceptions["source_rows"]
            ],
            index=exceptions.index,
            dtype=object,
        ),
    )


def exception_kind_label(kind: str, lang: str) -> str:
    return text(f"settlement_kind_{kind}", lang)


def typed_lines(frame: pd.DataFrame) -> pd.DataFrame:
    if not len(frame):
        frame = empty(LINE_COLUMNS)
    frame = frame[LINE_COLUMNS].copy()
    for col in (
        "kind",
        "care_form_id",
        "payer",
        "payee",
        "product_code",
        "agreement_id",
        "source_sheet",
        "source_rows",
        "source_keys",
    ):
        frame[col] = frame[col].astype("str")
    frame["count"] = frame["count"].astype("float64")
    frame["unit_price_cents"] = frame["unit_price_cents"].astype("int64")
    frame["amount_cents"] = frame["amount_cents"].astype("int64")
    frame["price_year"] = frame["price_year"].astype("Int64")
    return frame.reset_index(drop=True)


def odv_unit_cents(
    tariffs: Tariffs,
    product_code: str,
    price_year: int,
    fixed_price: Decimal | None,
    price_share: float | None,
) -> int:
    """ODV unit price: a fixed price, else benchmark of the ODV product × share (default 1)."""
    if fixed_price is not None and not pd.isna(fixed_price):
        return eur_to_cents(fixed_price)  # type: ignore[return-value]
    share = 1.0 if price_share is None or pd.isna(price_share) else price_share
    return unit_price_cents(tariffs.benchmark(product_code, price_year), share)


def secondment_unit_cents(hours: float | None, rate: Decimal | None) -> int:
    """hours per case × hourly rate [cents/case]; 0 without hours or rate."""
    if hours is None or rate is None or pd.isna(hours) or pd.isna(rate) or hours == 0:
        return 0
    return unit_price_cents(rate, decimal(float(hours)))


def dbc_unit_cents(
    tariffs: Tariffs, hospital: str, code: str, price_year: int, insurer: object, year: int
) -> int:
    """What one declared DBC earns [cents]: benchmark × the insurer's price factor at the
    hospital, the one contract's when the insurer is blank and there is one, else the
    share-weighted price (as :func:`declare` prices it)."""
    contracts = tariffs.shares(year)[hospital]
    bench = exact(tariffs.benchmark(code, price_year)) * 100
    units = [round_half_up(bench * f) for _, _, f in contracts]
    name = insurer if isinstance(insurer, str) else ""
    if name == "" and len(contracts) == 1:
        return units[0]
    for (i, _, _), unit in zip(contracts, units, strict=True):
        if i == name:
            return unit
    return weighted_unit_cents([sh for _, sh, _ in contracts], units)


def with_amounts(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["amount_cents"] = line_amounts(frame["count"], frame["unit_price_cents"])
    return frame


def declare(
    items: pd.DataFrame, tariffs: Tariffs, year: int, blank_insurer: str = "spread"
) -> pd.DataFrame:
    """Insurer revenue of declared products (docs/settlement.md, Flows and Registrations;
    shares exact).

    Parameters
    ----------
    items : hospital_id, product_code, price_year, count, insurer (missing = not known), source
    year : the year whose contracts apply
    blank_insurer : what a missing insurer means: ``spread`` (flows: the cases are spread over
        the hospital's insurers by share) or ``weighted`` (a DBC of an unknown insurer: priced
        once at the hospital's share-weighted price)

    Returns
    -------
    REVENUE_COLUMNS. A contracted insurer pays count × benchmark × its price factor (basis
    ``contract``); an insurer without a contract, or a blank one on a DBC, count × the
    share-weighted unit price under insurer ``(overig)`` (basis ``weighted``). Cases spread over
    insurers (basis ``share``): insurer i gets count × share_i (exact, shares normalised to 1)
    at its contract unit price u_i; the total is count × the share-weighted unit price
    W = Σ share_i × u_i (rounded half-up once to cents, the same W as for a blank insurer),
    split over the insurers by largest remainder, so no cent is lost or invented
    (``basis_count`` holds the count before the split, ``share`` the exact share). A hospital
    with one contract gets everything under that contract.
    """
    if not len(items):
        return empty(REVENUE_COLUMNS)
    shares = tariffs.shares(year)
    groups = _group_items(items)
    factors_of = {h: {i: f for i, _, f in contracts} for h, contracts in shares.items()}
    unit_of: dict[tuple[str, int, Fraction], int] = {}

    def unit_price(code: str, price_year: int, factor: Fraction) -> int:
        """benchmark × factor [cents], rounded half-up once; computed once per product, price
        year and factor, however many hospitals and insurers share it."""
        key = (code, price_year, factor)
        if key not in unit_of:
            bench = exact(tariffs.benchmark(code, price_year)) * 100  # [cents]
            unit_of[key] = round_half_up(bench * factor)
        return unit_of[key]

    rows: list[tuple] = []
    for hospital, code, price_year, insurer, count, source in groups.itertuples(index=False):
        n = exact(count)
        contracts = shares[hospital]
        factors = factors_of[hospital]
        key = (hospital, code, price_year)
        if insurer == "" and len(contracts) == 1:
            insurer = contracts[0][0]
        if insurer in factors:
            unit = unit_price(code, int(price_year), factors[insurer])
            rows.append(
                (*key, insurer, n, unit, round_half_up(n * unit), "contract", n, ONE, source)
            )
            continue
        units = [unit_price(code, int(price_year), f) for _, _, f in contracts]
        weighted_unit = weighted_unit_cents([s for _, s, _ in contracts], units)
        if insurer != "" or blank_insurer == "weighted":
            amount = round_half_up(n * weighted_unit)
            rows.append(
                (
                    *key,
                    OTHER_INSURER,
                    n,
                    weighted_unit,
                    amount,
                    "weighted",
                    n,
                    ONE,
                    source,
                )
            )
            continue
        weights = [share * unit for (_, share, _), unit in zip(contracts, units, strict=True)]
        parts = largest_remainder(weights, round_half_up(n * weighted_unit))
        for (name, share, _), unit, part in zip(contracts, units, parts, strict=True):
            rows.append((*key, name, n * share, unit, part, "share", n, share, source))
    frame = pd.DataFrame(
        [(*r[:4], float(r[4]), *r[5:8], float(r[8]), *r[9:]) for r in rows],
        columns=[
            "hospital_id",
            "product_code",
            "price_year",
            "insurer",
            "count",
            "unit_price_cents",
            "amount_cents",
            "price_basis",
            "basis_count",
            "share",
            "source",
        ],
    )
    frame["care_form_id"] = frame["product_code"].map(tariffs.care_form_of)
    frame["component"] = frame["product_code"].map(tariffs.component_of)
    group = [
        "hospital_id",
        "insurer",
        "care_form_id",
        "product_code",
        "component",
        "price_year",
        "unit_price_cents",
        "price_basis",
        "share",
    ]
    out = frame.groupby(group, as_index=False, sort=True).agg(
        count=("count", "sum"),
        amount_cents=("amount_cents", "sum"),
        basis_count=("basis_count", "sum"),
    )
    # each group's distinct sources in order of appearance, without a pandas call per group
    by_key: dict[tuple, list[str]] = {}
    for *k, source in frame[[*group, "source"]].drop_duplicates().itertuples(index=False):
        by_key.setdefault(tuple(k), []).append(source)
    out["source"] = [_join_texts(by_key[k]) for k in out[group].itertuples(index=False, name=None)]
    out["amount_cents"] = out["amount_cents"].astype("int64")
    out["unit_price_cents"] = out["unit_price_cents"].astype("int64")
    out["price_year"] = out["price_year"].astype("int64")
    return out[REVENUE_COLUMNS]


def _group_items(items: pd.DataFrame) -> pd.DataFrame:
    """Items summed per hospital, product, price year and insurer ('' = not known); counts
    summed exactly (whole counts as integers, fractional ones as fractions)."""
    keyed = items.assign(
        insurer=items["insurer"].astype(object).where(items["insurer"].notna(), "")
    )
    key = ["hospital_id", "product_code", "price_year", "insurer"]
    counts = keyed["count"].astype("float64")
    if bool((counts == counts.round()).all()):
        summed = keyed.assign(count=counts.astype("int64")).groupby(key, sort=True)["count"].sum()
        count = summed.map(int)
    else:
        count = keyed.groupby(key, sort=True)["count"].agg(
            lambda s: sum((exact(float(x)) for x in s), Fraction(0))
        )
    # each group's distinct sources in order of appearance, without a pandas call per group
    by_key: dict[tuple, list[str]] = {}
    for *k, source in keyed[[*key, "source"]].drop_duplicates().itertuples(index=False):
        by_key.setdefault(tuple(k), []).append(source)
    sources = pd.Series([_join_texts(by_key[k]) for k in count.index], index=count.index)
    return pd.DataFrame({"count": count, "source": sources}).reset_index()[
        [*key, "count", "source"]
    ]


def _join_texts(unique: list[str]) -> str:
    """Distinct sources joined with ``; ``, the first five and a count when there are more."""
    if len(unique) <= 5:
        return "; ".join(unique)
    return f"{'; '.join(unique[:5])}; … ({len(unique)} sources)"

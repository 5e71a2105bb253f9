"""Which agreement applies to a move (README, Input; docs/settlement.md)."""

from __future__ import annotations

import pandas as pd

KEY = ["care_form_id", "sending_hospital", "performing_hospital"]


def in_force_in_year(agreements: pd.DataFrame, year: int) -> pd.DataFrame:
    """Every agreement whose validity period overlaps ``year`` (two of one pair when one ends
    and the next starts within it)."""
    start = pd.Timestamp(year, 1, 1)
    end = pd.Timestamp(year, 12, 31)
    return agreements[
        (agreements["valid_from"] <= end)
        & (agreements["valid_to"].isna() | (agreements["valid_to"] >= start))
    ]


def valid_in_year(agreements: pd.DataFrame, year: int) -> pd.DataFrame:
    """Agreements whose validity period overlaps ``year``, one per (care form, S, P).

    Two agreements of one pair can both touch a year when one ends and the next starts within
    it; the one in force at the end of the year (the later start) applies to the whole year.
    """
    return (
        in_force_in_year(agreements, year)
        .sort_values("valid_from", kind="stable")
        .drop_duplicates(KEY, keep="last")
        .reset_index(drop=True)
    )


def yearly_share(agreements: pd.DataFrame, phases: pd.DataFrame, year: int) -> pd.Series:
    """The share of each agreement in ``year`` (aligned with ``agreements``).

    A ``phases`` row (agreement_id, year, share) sets the share from its year on; the latest
    phase on or before ``year`` applies, else the agreement's own ``share`` (NaN = none).
    """
    p = phases.dropna(subset=["agreement_id", "year", "share"])
    p = p[p["year"] <= year].sort_values("year", kind="stable")
    latest = p.drop_duplicates("agreement_id", keep="last").set_index("agreement_id")["share"]
    phased = agreements["agreement_id"].map(latest).astype("float64")
    return phased.fillna(agreements["share"].astype("float64"))


def in_force(agreements: pd.DataFrame, phases: pd.DataFrame, year: int) -> pd.DataFrame:
    """:func:`valid_in_year` with each agreement's ``share`` of that year (``yearly_share``)."""
    valid = valid_in_year(agreements, year)
    return valid.assign(share=yearly_share(valid, phases, year).to_numpy())


def valid_on(agreements: pd.DataFrame, moves: pd.DataFrame, date_column: str) -> pd.DataFrame:
    """For each move (care_form_id, sending_hospital, performing_hospital, date), its agreement.

    Returns ``moves`` with the agreement's columns added (missing where none is valid on that
    date). Validation guarantees at most one agreement is valid on any date.
    """
    cols = [
        *KEY,
        "agreement_id",
        "mode",
        "valid_from",
        "valid_to",
        "odv_price_share",
        "odv_fixed_price",
        "secondment_hours_per_case",
        "secondment_rate",
    ]
    merged = moves.reset_index().merge(agreements[cols], on=KEY, how="left")
    date = merged[date_column]
    ok = (merged["valid_from"] <= date) & (merged["valid_to"].isna() | (merged["valid_to"] >= date))
    hit = merged[ok.fillna(False)].drop_duplicates("index")
    out = moves.reset_index().merge(hit[["index", *cols[3:]]], on="index", how="left")
    return out.set_index("index").rename_axis(moves.index.name).loc[moves.index]

"""Monitoring of agreements (docs/settlement.md, Monitoring): planned vs realised moved cases
per agreement and year."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from calculator.agreements import in_force_in_year
from calculator.consent import ASSUMED, GIVEN, WITHHELD, Consents


def monitor(
    agreements: pd.DataFrame, year: int, realised: pd.Series, referrals_seen: bool = True
) -> pd.DataFrame:
    """Planned and realised cases of each agreement in force in ``year``: one row per agreement
    and year, also when two agreements of one pair share the year.

    Parameters
    ----------
    realised : moved cases per agreement_id
    referrals_seen : False when registrations alone were settled: they see a referral case only
        where the sending hospital declared a diagnostics DBC beside the performer's DBC, so a
        referral agreement with none seen shows no realised count (missing, not 0)

    Returns agreement_id, care_form_id, sending_hospital, performing_hospital, mode, year,
    planned_cases, realised_cases, deviation_cases, deviation_share.
    """
    valid = in_force_in_year(agreements, year)
    out = valid[
        [
            "agreement_id",
            "care_form_id",
            "sending_hospital",
            "performing_hospital",
            "mode",
            "planned_cases",
        ]
    ].copy()
    out.insert(5, "year", year)
    out["realised_cases"] = out["agreement_id"].map(realised).fillna(0.0).astype("float64")
    if not referrals_seen:
        unseen = (out["mode"] == "referral") & (out["realised_cases"] == 0)
        out.loc[unseen, "realised_cases"] = float("nan")
    out["deviation_cases"] = out["realised_cases"] - out["planned_cases"]
    out["deviation_share"] = out["deviation_cases"] / out["planned_cases"].where(
        out["planned_cases"] > 0
    )
    return out.sort_values("agreement_id", ignore_index=True)


PARTLY = "partly"


def monitor_insurers(
    agreements: pd.DataFrame, year: int, realised: pd.Series, consents: Consents
) -> pd.DataFrame:
    """Realised cases per agreement in force in ``year`` and insurer, with the insurer's
    consent to parallel declaration over the agreement's days in the year (``given``,
    ``withheld``, ``partly``, ``assumed``; blank for an agreement that is not parallel).

    Parameters
    ----------
    realised : moved cases per (agreement_id, insurer)

    Returns agreement_id, care_form_id, sending_hospital, performing_hospital, mode, year,
    insurer, realised_cases, consent.
    """
    columns = [
        "agreement_id",
        "care_form_id",
        "sending_hospital",
        "performing_hospital",
        "mode",
        "year",
        "insurer",
        "realised_cases",
        "consent",
    ]
    if not len(realised):
        return pd.DataFrame(columns=columns)
    valid = in_force_in_year(agreements, year)
    cases = realised.rename("realised_cases").reset_index()
    out = cases.merge(
        valid[
            [
                "agreement_id",
                "care_form_id",
                "sending_hospital",
                "performing_hospital",
                "mode",
                "valid_from",
                "valid_to",
            ]
        ],
        on="agreement_id",
    )
    out["year"] = year
    out["realised_cases"] = out["realised_cases"].astype("float64")
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    status = []
    for agreement, insurer, mode, start, end in out[
        ["agreement_id", "insurer", "mode", "valid_from", "valid_to"]
    ].itertuples(index=False):
        if mode != "parallel":
            status.append("")
        elif not consents.applies(agreement):
            status.append(ASSUMED)
        else:
            lo = max(first, pd.Timestamp(start).date())
            hi = last if pd.isna(end) else min(last, pd.Timestamp(end).date())
            days = consents.days_given(agreement, insurer, lo, hi)
            whole = (hi - lo).days + 1
            status.append(GIVEN if days == whole else WITHHELD if days == 0 else PARTLY)
    out["consent"] = status
    out = out[columns]
    return out.sort_values(["agreement_id", "insurer"], ignore_index=True)

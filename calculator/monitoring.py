"""Monitoring of agreements (SPEC §4.6): planned vs realised moved cases per agreement and year."""

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
    valid = in_force_in_year(agreements, year).set_index("agreement_id")
    rows = []
    for (agreement, insurer), cases in realised.items():
        if agreement not in valid.index:
            continue
        a = valid.loc[agreement]
        status = ""
        if a["mode"] == "parallel":
            start = max(dt.date(year, 1, 1), pd.Timestamp(a["valid_from"]).date())
            end = dt.date(year, 12, 31)
            if not pd.isna(a["valid_to"]):
                end = min(end, pd.Timestamp(a["valid_to"]).date())
            if not consents.applies(agreement):
                status = ASSUMED
            else:
                days = consents.days_given(agreement, insurer, start, end)
                whole = (end - start).days + 1
                status = GIVEN if days == whole else WITHHELD if days == 0 else PARTLY
        rows.append(
            (
                agreement,
                a["care_form_id"],
                a["sending_hospital"],
                a["performing_hospital"],
                a["mode"],
                year,
                insurer,
                float(cases),
                status,
            )
        )
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["agreement_id", "insurer"], ignore_index=True)

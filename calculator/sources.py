"""The combined run (README "Sources"): where registrations and volumes meet.

In a combined run registrations settle what they show and volumes add the referral flows. An ODV
or parallel flow on ``volumes`` whose pair the registrations do not cover at all (no DBC of that
care form at either hospital in the year) would otherwise be lost: it is settled from volumes,
with a note. Where both sources cover an ODV or parallel agreement and count a different number
of moved cases, that is an exception per agreement (``sources_disagree``): the settlement follows
the registrations, and the difference is there to be explained.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from calculator.consent import NO_CONSENTS, Consents
from calculator.flows import agreement_parts, settle_flows
from calculator.lines import EXCEPTION_COLUMNS, empty, exception_rows
from calculator.registrations import map_distinct
from calculator.tariffs import Tariffs
from messages import Message


@dataclass(frozen=True)
class Reconciled:
    """What volumes add to a combined run beyond the referral flows.

    ``settled`` is the (revenue, lines, exceptions, realised) of the flows settled from volumes;
    ``exceptions`` the ``sources_disagree`` rows; ``notes`` one per agreement settled from volumes.
    """

    settled: tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.Series] | None
    exceptions: pd.DataFrame
    notes: tuple[Message, ...]


def covered_pairs(
    registrations: pd.DataFrame, tariffs: Tariffs, year: int, year_basis: str
) -> set[tuple[str, str]]:
    """(care_form_id, hospital_id) of every DBC (declared or ODV) of the settlement year."""
    date = registrations["end_date" if year_basis == "end" else "start_date"]
    r = registrations.loc[date.dt.year == year, ["product_code", "hospital_id"]]
    r = r.drop_duplicates()
    care_form = map_distinct(r["product_code"], tariffs.care_form_of)
    return set(zip(care_form, r["hospital_id"], strict=True))


def reconcile(
    flows: pd.DataFrame,
    agreements: pd.DataFrame,
    tariffs: Tariffs,
    year: int,
    covered: set[tuple[str, str]],
    realised_registrations: pd.Series,
    consents: Consents = NO_CONSENTS,
) -> Reconciled:
    """Settle the ODV and parallel flows registrations do not cover; list the agreements whose
    moved cases differ between the two sources.

    Parameters
    ----------
    flows : the year's flows (:func:`calculator.flows.flows_of_year`)
    covered : see :func:`covered_pairs`
    realised_registrations : moved cases per agreement_id seen in the registrations
    """
    parts = agreement_parts(flows, agreements, year)
    moved = parts[
        (parts["sending_hospital"] != parts["performing_hospital"])
        & parts["agreement_id"].notna()
        & parts["mode"].isin(["odv", "parallel"])
    ]
    if not len(moved):
        return Reconciled(None, empty(EXCEPTION_COLUMNS), ())
    uncovered = [
        (cf, s) not in covered and (cf, p) not in covered
        for cf, s, p in moved[
            ["care_form_id", "sending_hospital", "performing_hospital"]
        ].itertuples(index=False)
    ]
    loose = moved[uncovered]
    # a flow row is settled from volumes only when every part of it is an uncovered ODV or
    # parallel part (a part under a referral agreement is settled with the referral flows)
    whole = loose.groupby("flow")["flow"].transform("size") == loose["parts"]
    loose = loose[whole]
    settled = None
    notes: list[Message] = []
    if len(loose):
        rows = sorted(set(loose["flow"]))
        settled = settle_flows(flows.iloc[rows], agreements, tariffs, year, consents)
        for agreement, group in loose.groupby("agreement_id", sort=True):
            first = group.iloc[0]
            notes.append(
                Message(
                    "settlement_note_from_volumes",
                    {
                        "agreement": str(agreement),
                        "care_form": first["care_form_id"],
                        "sending": first["sending_hospital"],
                        "performing": first["performing_hospital"],
                        "cases": float(group["cases"].sum()),
                        "rows": ", ".join(dict.fromkeys(group["source_rows"].astype(str))),
                        "year": str(year),
                    },
                )
            )
    both = moved[[not u for u in uncovered]]
    volume_cases = both.groupby("agreement_id")["cases"].sum()
    differ = []
    for agreement, cases in volume_cases.items():
        seen = float(realised_registrations.get(agreement, 0.0))
        if seen != float(cases):
            first = both[both["agreement_id"] == agreement].iloc[0]
            differ.append((str(agreement), first, seen, float(cases)))
    exceptions = exception_rows(
        "sources_disagree",
        [
            {
                "agreement": a,
                "care_form": row["care_form_id"],
                "sending": row["sending_hospital"],
                "performing": row["performing_hospital"],
                "registrations": seen,
                "volumes": cases,
                "rows": ", ".join(
                    dict.fromkeys(both.loc[both["agreement_id"] == a, "source_rows"].astype(str))
                ),
                "year": str(year),
            }
            for a, row, seen, cases in differ
        ],
        key=[a for a, *_ in differ],
        hospital_id=[row["sending_hospital"] for _, row, *_ in differ],
        partner_hospital=[row["performing_hospital"] for _, row, *_ in differ],
        care_form_id=[row["care_form_id"] for _, row, *_ in differ],
        source_sheet="agreements",  # the key is the agreement; its volumes rows are in the text
        source_rows=[""] * len(differ),
    )
    return Reconciled(settled, exceptions, tuple(notes))

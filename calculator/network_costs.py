"""The network's shared costs (issue 20, item 4), and the region's agreed compensation.

A row of the optional sheet ``network_costs`` (cost_id, year, description, amount, key,
treasurer_hospital) is a cost the treasurer hospital paid for the network. Its amount is split
over every hospital of the workbook by the key, to the cent by largest remainder (ties: the
hospital first in id order):

- ``cases``: the cases each hospital performed in the year (volumes by performing hospital; a
  year without volumes counts the declared DBCs of registrations);
- ``revenue``: the insurer revenue each hospital declared in the settlement;
- ``equal``: the same part for each;
- ``shares``: the shares on sheet ``network_shares`` (summing to 1).

Each hospital other than the treasurer pays its part to the treasurer: lines of kind
``network_costs``, netted with the rest; the treasurer's own part is not a payment.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import pandas as pd

from calculator.lines import LINE_COLUMNS
from calculator.money import eur_to_cents, exact, largest_remainder
from messages import Message

DETAIL_COLUMNS = [
    "cost_id",
    "year",
    "description",
    "key",
    "treasurer_hospital",
    "hospital_id",
    "weight",  # cases, revenue [EUR], 1 (equal) or the share
    "part_cents",
    "source_rows",
]


def cases_performed(
    volumes: pd.DataFrame, registrations: pd.DataFrame, year: int, year_basis: str
) -> dict[str, Fraction]:
    """Cases each hospital performed in ``year``: from volumes, else declared DBCs."""
    v = volumes[volumes["year"] == year]
    if len(v):
        performer = v["performing_hospital_id"].fillna(v["hospital_id"])
        out: dict[str, Fraction] = {}
        for h, n in zip(performer, v["cases"], strict=True):
            out[str(h)] = out.get(str(h), Fraction(0)) + exact(float(n))
        return out
    date = registrations["end_date" if year_basis == "end" else "start_date"]
    declared = registrations[(date.dt.year == year) & ~registrations["odv"].fillna(False)]
    return {str(h): Fraction(int(n)) for h, n in declared.groupby("hospital_id").size().items()}


def network_cost_lines(
    costs: pd.DataFrame,
    shares: pd.DataFrame,
    hospitals: list[str],
    year: int,
    cases: Callable[[], dict[str, Fraction]],
    revenue_cents: dict[str, int],
) -> tuple[pd.DataFrame, pd.DataFrame, list[Message]]:
    """Lines (LINE_COLUMNS with amounts, kind ``network_costs``, ``agreement_id`` the cost's id),
    details (DETAIL_COLUMNS: every hospital's weight and part) and notes of the costs of
    ``year``. A cost whose key gives every hospital 0 is shared equally, with a note.
    ``cases`` gives the cases per hospital when a cost is shared by cases (counted only then)."""
    order = sorted(hospitals)
    lines, details = [], []
    notes: list[Message] = []
    for row in costs[costs["year"] == year].itertuples(index=False):
        if row.key == "cases":
            performed = cases()
            weights = [performed.get(h, Fraction(0)) for h in order]
        elif row.key == "revenue":
            weights = [Fraction(revenue_cents.get(h, 0)) for h in order]
        elif row.key == "equal":
            weights = [Fraction(1)] * len(order)
        else:
            mine = shares[shares["cost_id"] == row.cost_id]
            given = {
                str(h): exact(float(s))
                for h, s in zip(mine["hospital_id"], mine["share"], strict=True)
            }
            weights = [given.get(h, Fraction(0)) for h in order]
        if not sum(weights, Fraction(0)):  # nothing to weigh by: shared equally, and said
            notes.append(
                Message(
                    "settlement_note_network_equal",
                    {"cost": row.cost_id, "key": Message(f"settlement_network_key_{row.key}")},
                )
            )
            weights = [Fraction(1)] * len(order)
        total = eur_to_cents(row.amount) or 0
        parts = largest_remainder(weights, total)
        rows = str(row.excel_row)
        for h, weight, part in zip(order, weights, parts, strict=True):
            details.append(
                (
                    row.cost_id,
                    year,
                    row.description,
                    row.key,
                    row.treasurer_hospital,
                    h,
                    float(weight / 100 if row.key == "revenue" else weight),  # revenue in EUR
                    part,
                    rows,
                )
            )
            if h != row.treasurer_hospital and part > 0:
                lines.append(
                    (
                        "network_costs",
                        "",
                        h,
                        row.treasurer_hospital,
                        "",
                        1.0,
                        part,
                        part,
                        row.cost_id,
                        year,
                        "network_costs",
                        rows,
                        "",
                    )
                )
    return (
        pd.DataFrame(lines, columns=LINE_COLUMNS),
        pd.DataFrame(details, columns=DETAIL_COLUMNS),
        notes,
    )


def compensation_lines(compensation: pd.DataFrame, year: int) -> pd.DataFrame:
    """The agreed transfers of ``year`` (sheet ``compensation``) as lines of kind
    ``compensation``: the payer pays the payee the amount, netted with the rest."""
    rows = compensation[compensation["year"] == year]
    lines = [
        (
            "compensation",
            "",
            row.payer_hospital,
            row.payee_hospital,
            "",
            1.0,
            eur_to_cents(row.amount) or 0,
            eur_to_cents(row.amount) or 0,
            "",
            year,
            "compensation",
            str(row.excel_row),
            "" if pd.isna(row.description) else str(row.description),
        )
        for row in rows.itertuples(index=False)
    ]
    return pd.DataFrame(lines, columns=LINE_COLUMNS)

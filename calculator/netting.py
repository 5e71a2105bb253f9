"""Insurer caps, pair statements, positions and clearing (docs/settlement.md: Insurer caps;
Netting and clearing)."""

from __future__ import annotations

import pandas as pd

from calculator.lines import LINE_KINDS
from calculator.money import eur_to_cents, share_of
from calculator.tariffs import Tariffs


def apply_caps(revenue: pd.DataFrame, tariffs: Tariffs, year: int) -> pd.DataFrame:
    """Declared, paid and unpaid revenue per hospital and insurer.

    paid = min(declared, cap) + overcap_rate × max(0, declared − cap) [cents, half-up].
    Returns hospital_id, insurer, declared_cents, revenue_cap_cents (<NA> = none),
    overcap_rate, paid_cents, unpaid_cents.
    """
    declared = revenue.groupby(["hospital_id", "insurer"], as_index=False)["amount_cents"].sum()
    declared = declared.rename(columns={"amount_cents": "declared_cents"})
    contracts = tariffs.contracts(year)[["hospital_id", "insurer", "revenue_cap", "overcap_rate"]]
    out = declared.merge(contracts, on=["hospital_id", "insurer"], how="left")
    caps = [
        eur_to_cents(c) if c is not None and not pd.isna(c) else None for c in out["revenue_cap"]
    ]
    paid = []
    for d, cap, rate in zip(
        out["declared_cents"], caps, out["overcap_rate"].fillna(0.0), strict=True
    ):
        d = int(d)
        paid.append(d if cap is None else min(d, cap) + share_of(max(0, d - cap), rate))
    out["revenue_cap_cents"] = pd.array(caps, dtype="Int64")
    out["overcap_rate"] = out["overcap_rate"].fillna(0.0)
    out["paid_cents"] = pd.array(paid, dtype="int64")
    out["unpaid_cents"] = out["declared_cents"] - out["paid_cents"]
    return out[
        [
            "hospital_id",
            "insurer",
            "declared_cents",
            "revenue_cap_cents",
            "overcap_rate",
            "paid_cents",
            "unpaid_cents",
        ]
    ]


def pair_statements(lines: pd.DataFrame) -> pd.DataFrame:
    """Per unordered pair (a < b): what a owes b and b owes a per kind, and the net payment.

    Columns: hospital_a, hospital_b, a_owes_b_<kind>_cents, b_owes_a_<kind>_cents for each
    kind, a_owes_b_cents, b_owes_a_cents, payer, payee, net_cents (≥ 0).
    """
    cols = ["hospital_a", "hospital_b"]
    for kind in LINE_KINDS:
        cols += [f"a_owes_b_{kind}_cents", f"b_owes_a_{kind}_cents"]
    if not len(lines):
        return pd.DataFrame(
            columns=[*cols, "a_owes_b_cents", "b_owes_a_cents", "payer", "payee", "net_cents"]
        )
    sums = lines.groupby(["payer", "payee", "kind"])["amount_cents"].sum()
    pairs: dict[tuple[str, str], dict[str, int]] = {}
    for (payer, payee, kind), amount in sums.items():
        a, b = sorted((payer, payee))
        side = "a_owes_b" if payer == a else "b_owes_a"
        row = pairs.setdefault((a, b), {c: 0 for c in cols[2:]})
        row[f"{side}_{kind}_cents"] += int(amount)
    rows = []
    for (a, b), row in sorted(pairs.items()):
        ab = sum(row[f"a_owes_b_{k}_cents"] for k in LINE_KINDS)
        ba = sum(row[f"b_owes_a_{k}_cents"] for k in LINE_KINDS)
        payer, payee = (a, b) if ab >= ba else (b, a)
        rows.append(
            {
                "hospital_a": a,
                "hospital_b": b,
                **row,
                "a_owes_b_cents": ab,
                "b_owes_a_cents": ba,
                "payer": payer,
                "payee": payee,
                "net_cents": abs(ab - ba),
            }
        )
    return pd.DataFrame(rows)


def positions(lines: pd.DataFrame, hospitals: list[str]) -> pd.Series:
    """Net position per hospital: receivable − payable [cents]; every hospital listed."""
    receivable = lines.groupby("payee")["amount_cents"].sum()
    payable = lines.groupby("payer")["amount_cents"].sum()
    out = pd.Series(0, index=pd.Index(sorted(hospitals), name="hospital_id"), dtype="int64")
    out = out.add(receivable, fill_value=0).sub(payable, fill_value=0).astype("int64")
    return out


def clearing(position: pd.Series) -> pd.DataFrame:
    """At most n − 1 payments settling all positions: the largest debtor pays the largest
    creditor, repeatedly; ties go to the smaller hospital_id, compared as whole strings."""
    balance = {h: int(v) for h, v in position.items() if v}
    payments = []
    while balance:
        debtor = min(balance, key=lambda h: (balance[h], h))
        creditor = min(balance, key=lambda h: (-balance[h], h))
        if balance[debtor] >= 0 or balance[creditor] <= 0:
            break
        amount = min(-balance[debtor], balance[creditor])
        payments.append((debtor, creditor, amount))
        for h, delta in ((debtor, amount), (creditor, -amount)):
            balance[h] += delta
            if balance[h] == 0:
                del balance[h]
    return pd.DataFrame(payments, columns=["payer", "payee", "amount_cents"]).astype(
        {"amount_cents": "int64"}
    )

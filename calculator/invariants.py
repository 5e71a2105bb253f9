"""Invariants every settlement checks (SPEC §4.5), as a list of checks returning findings.

Each check returns a list of messages (empty = holds). The zero-sum check runs last.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import pandas as pd

from calculator.errors import InvariantError
from calculator.lines import KINDS
from calculator.money import exact, round_half_up

Check = Callable[[dict[str, pd.DataFrame]], list[str]]


def odv_lines_trace_to_input(t: dict[str, pd.DataFrame]) -> list[str]:
    odv = t["lines"][t["lines"]["kind"] == "odv"]
    bad = odv[~odv["source_sheet"].isin(["volumes", "registrations"]) | (odv["source_rows"] == "")]
    return [f"ODV line without a source row: {r}" for r in bad.to_dict("records")]


def no_hospital_pays_itself(t: dict[str, pd.DataFrame]) -> list[str]:
    lines, payments = t["lines"], t["payments"]
    bad = [
        *lines[lines["payer"] == lines["payee"]]["source_rows"],
        *payments[payments["payer"] == payments["payee"]]["payer"],
    ]
    return [f"a hospital pays itself: {b}" for b in bad]


def totals_per_kind_equal_lines(t: dict[str, pd.DataFrame]) -> list[str]:
    out = []
    hospitals, pairs, lines = t["hospitals"], t["pairs"], t["lines"]
    for kind in KINDS:
        total = int(lines.loc[lines["kind"] == kind, "amount_cents"].sum())
        for side in ("receivable", "payable"):
            col = f"{kind}_{side}_cents"
            if int(hospitals[col].sum()) != total:
                out.append(f"{col} sums to {int(hospitals[col].sum())}, lines to {total}")
        in_pairs = (
            int(pairs[f"a_owes_b_{kind}_cents"].sum() + pairs[f"b_owes_a_{kind}_cents"].sum())
            if len(pairs)
            else 0
        )
        if in_pairs != total:
            out.append(f"pair statements hold {in_pairs} of {kind}, lines {total}")
    return out


def caps_paid_within_declared(t: dict[str, pd.DataFrame]) -> list[str]:
    caps = t["caps"]
    bad = caps[(caps["paid_cents"] > caps["declared_cents"]) | (caps["paid_cents"] < 0)]
    return [
        f"paid outside 0..declared for {h} / {i}"
        for h, i in bad[["hospital_id", "insurer"]].itertuples(index=False)
    ]


def clearing_settles_positions(t: dict[str, pd.DataFrame]) -> list[str]:
    hospitals, payments = t["hospitals"], t["payments"]
    settled = pd.Series(0, index=hospitals["hospital_id"], dtype="int64")
    settled = settled.add(payments.groupby("payee")["amount_cents"].sum(), fill_value=0)
    settled = settled.sub(payments.groupby("payer")["amount_cents"].sum(), fill_value=0)
    wanted = hospitals.set_index("hospital_id")["net_position_cents"]
    out = [
        f"clearing leaves {h} at {int(settled[h] - wanted[h])} cents"
        for h in wanted.index
        if int(settled[h]) != int(wanted[h])
    ]
    if len(payments) > max(len(hospitals) - 1, 0):
        out.append(f"{len(payments)} clearing payments for {len(hospitals)} hospitals")
    return out


def pair_nets_match_lines(t: dict[str, pd.DataFrame]) -> list[str]:
    pairs = t["pairs"]
    if not len(pairs):
        return []
    bad = pairs[(pairs["a_owes_b_cents"] - pairs["b_owes_a_cents"]).abs() != pairs["net_cents"]]
    return [
        f"pair {a}-{b} nets wrongly"
        for a, b in bad[["hospital_a", "hospital_b"]].itertuples(index=False)
    ]


def declared_equals_count_times_price(t: dict[str, pd.DataFrame]) -> list[str]:
    """Σ declared = Σ count × unit price, to the cent.

    A line priced per DBC or per contract holds count × unit price exactly (half-up for a
    fractional count); the insurer lines of cases spread by share add up, per hospital, product
    and price year, to the cases × the share-weighted unit price.
    """
    revenue = t["revenue"]
    out = []
    single = revenue[revenue["price_basis"] != "share"]
    for h, code, n, unit, amount in single[
        ["hospital_id", "product_code", "count", "unit_price_cents", "amount_cents"]
    ].itertuples(index=False):
        if round_half_up(exact(float(n)) * int(unit)) != int(amount):
            out.append(f"{h} {code}: {n:g} × {unit} cents declared as {amount} cents")
    spread = revenue[revenue["price_basis"] == "share"]
    key = ["hospital_id", "product_code", "price_year"]
    for (h, code, _), group in spread.groupby(key, sort=True):
        n = float(group["basis_count"].iloc[0])
        unit = sum(
            (s * int(u) for s, u in zip(group["share"], group["unit_price_cents"], strict=True)),
            Fraction(0),
        )
        want = round_half_up(exact(n) * unit)
        got = int(group["amount_cents"].sum())
        if got != want:
            out.append(f"{h} {code}: {n:g} × {float(unit):.2f} cents spread as {got} cents")
    return out


def positions_sum_to_zero(t: dict[str, pd.DataFrame]) -> list[str]:
    total = int(t["hospitals"]["net_position_cents"].sum())
    return [] if total == 0 else [f"positions sum to {total} cents, not 0"]


CHECKS: dict[str, Check] = {
    "odv_lines_trace_to_input": odv_lines_trace_to_input,
    "no_hospital_pays_itself": no_hospital_pays_itself,
    "totals_per_kind_equal_lines": totals_per_kind_equal_lines,
    "caps_paid_within_declared": caps_paid_within_declared,
    "declared_equals_count_times_price": declared_equals_count_times_price,
    "pair_nets_match_lines": pair_nets_match_lines,
    "clearing_settles_positions": clearing_settles_positions,
    "positions_sum_to_zero": positions_sum_to_zero,  # last
}


def run_checks(tables: dict[str, pd.DataFrame], strict: bool = False) -> dict[str, list[str]]:
    """Run every check; with ``strict`` a broken invariant raises :class:`InvariantError`."""
    findings = {name: check(tables) for name, check in CHECKS.items()}
    broken = {k: v for k, v in findings.items() if v}
    if strict and broken:
        raise InvariantError("; ".join(f"{k}: {v[0]}" for k, v in broken.items()))
    return findings

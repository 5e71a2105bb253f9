"""Invariants every settlement checks (docs/settlement.md, Invariants), as a list of checks
returning findings.

Each check returns a list of problems (empty = holds), each a :class:`Problem`: a message code
and parameters from the catalogue, rendered at the edge with :func:`describe`. The zero-sum check
runs last.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

import pandas as pd

from calculator.errors import InvariantError
from calculator.lines import LINE_KINDS
from calculator.money import exact, round_half_up
from messages import DEFAULT_LANGUAGE, Message


class Problem(Message):
    """Why an invariant does not hold (a catalogue message); ``str()`` gives the Dutch text."""

    def __str__(self) -> str:
        return self.render(DEFAULT_LANGUAGE)


def describe(problem: object, lang: str = DEFAULT_LANGUAGE) -> str:
    """A problem in ``lang`` (free text, from older callers, as it is)."""
    return problem.render(lang) if isinstance(problem, Message) else str(problem)


def _p(code: str, **params: object) -> Problem:
    return Problem(f"settlement_invariant_detail_{code}", params)


def _kind(kind: str) -> Message:
    return Message(f"settlement_line_kind_{kind}")


Check = Callable[[dict[str, pd.DataFrame]], list[Problem]]


def odv_lines_trace_to_input(t: dict[str, pd.DataFrame]) -> list[Problem]:
    odv = t["lines"][t["lines"]["kind"] == "odv"]
    bad = odv[~odv["source_sheet"].isin(["volumes", "registrations"]) | (odv["source_rows"] == "")]
    return [
        _p("odv_without_source", payer=payer, payee=payee, care_form=cf)
        for payer, payee, cf in bad[["payer", "payee", "care_form_id"]].itertuples(index=False)
    ]


def no_hospital_pays_itself(t: dict[str, pd.DataFrame]) -> list[Problem]:
    lines, payments = t["lines"], t["payments"]
    own = lines[lines["payer"] == lines["payee"]]
    return [
        *(
            _p("line_pays_itself", hospital=h, sheet=sheet, rows=str(rows))
            for h, sheet, rows in own[["payer", "source_sheet", "source_rows"]].itertuples(
                index=False
            )
        ),
        *(
            _p("payment_pays_itself", hospital=h)
            for h in payments.loc[payments["payer"] == payments["payee"], "payer"]
        ),
    ]


def totals_per_kind_equal_lines(t: dict[str, pd.DataFrame]) -> list[Problem]:
    out = []
    hospitals, pairs, lines = t["hospitals"], t["pairs"], t["lines"]
    for kind in LINE_KINDS:
        total = int(lines.loc[lines["kind"] == kind, "amount_cents"].sum())
        for side in ("receivable", "payable"):
            col = f"{kind}_{side}_cents"
            if int(hospitals[col].sum()) != total:
                out.append(
                    _p(
                        f"{side}_total",
                        kind=_kind(kind),
                        hospitals_cents=int(hospitals[col].sum()),
                        lines_cents=total,
                    )
                )
        in_pairs = (
            int(pairs[f"a_owes_b_{kind}_cents"].sum() + pairs[f"b_owes_a_{kind}_cents"].sum())
            if len(pairs)
            else 0
        )
        if in_pairs != total:
            out.append(_p("pairs_total", kind=_kind(kind), pairs_cents=in_pairs, lines_cents=total))
    return out


def caps_paid_within_declared(t: dict[str, pd.DataFrame]) -> list[Problem]:
    caps = t["caps"]
    bad = caps[(caps["paid_cents"] > caps["declared_cents"]) | (caps["paid_cents"] < 0)]
    return [
        _p("paid_outside_declared", hospital=h, insurer=str(i))
        for h, i in bad[["hospital_id", "insurer"]].itertuples(index=False)
    ]


def clearing_settles_positions(t: dict[str, pd.DataFrame]) -> list[Problem]:
    hospitals, payments = t["hospitals"], t["payments"]
    settled = pd.Series(0, index=hospitals["hospital_id"], dtype="int64")
    settled = settled.add(payments.groupby("payee")["amount_cents"].sum(), fill_value=0)
    settled = settled.sub(payments.groupby("payer")["amount_cents"].sum(), fill_value=0)
    wanted = hospitals.set_index("hospital_id")["net_position_cents"]
    out = [
        _p("clearing_leaves", hospital=h, difference_cents=int(settled[h] - wanted[h]))
        for h in wanted.index
        if int(settled[h]) != int(wanted[h])
    ]
    if len(payments) > max(len(hospitals) - 1, 0):
        out.append(_p("too_many_payments", payments=len(payments), hospitals=len(hospitals)))
    return out


def pair_nets_match_lines(t: dict[str, pd.DataFrame]) -> list[Problem]:
    pairs = t["pairs"]
    if not len(pairs):
        return []
    bad = pairs[(pairs["a_owes_b_cents"] - pairs["b_owes_a_cents"]).abs() != pairs["net_cents"]]
    return [
        _p("pair_nets_wrongly", hospital_a=a, hospital_b=b)
        for a, b in bad[["hospital_a", "hospital_b"]].itertuples(index=False)
    ]


def declared_equals_count_times_price(t: dict[str, pd.DataFrame]) -> list[Problem]:
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
            out.append(
                _p(
                    "declared_amount",
                    hospital=h,
                    product=code,
                    count=float(n),
                    unit_cents=int(unit),
                    amount_cents=int(amount),
                )
            )
    spread = revenue[revenue["price_basis"] == "share"]
    key = ["hospital_id", "product_code", "price_year"]
    for (h, code, _), group in spread.groupby(key, sort=True):
        n = float(group["basis_count"].iloc[0])
        unit = sum(
            (s * int(u) for s, u in zip(group["share"], group["unit_price_cents"], strict=True)),
            Fraction(0),
        )
        want = round_half_up(exact(n) * round_half_up(unit))
        got = int(group["amount_cents"].sum())
        if got != want:
            out.append(
                _p(
                    "spread_amount",
                    hospital=h,
                    product=code,
                    count=n,
                    unit_cents=round_half_up(unit),
                    amount_cents=got,
                    expected_cents=want,
                )
            )
    return out


def positions_sum_to_zero(t: dict[str, pd.DataFrame]) -> list[Problem]:
    total = int(t["hospitals"]["net_position_cents"].sum())
    return [] if total == 0 else [_p("positions_sum", total_cents=total)]


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


def run_checks(tables: dict[str, pd.DataFrame], strict: bool = False) -> dict[str, list[Problem]]:
    """Run every check; with ``strict`` a broken invariant raises :class:`InvariantError`."""
    findings = {name: check(tables) for name, check in CHECKS.items()}
    broken = {k: v for k, v in findings.items() if v}
    if strict and broken:
        raise InvariantError(
            "; ".join(
                f"{Message(f'settlement_invariant_{k}').render('en')}: {describe(v[0], 'en')}"
                for k, v in broken.items()
            )
        )
    return findings

"""The deal (issue 18): terms per agreement and compensation in the region, on cases small
enough to compute by hand, and the invariants of every split."""

from __future__ import annotations

import datetime as dt
import json
from fractions import Fraction
from itertools import combinations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.validate import load_frames
from optimizer.compensation import EXACT_PLAYERS, shapley_values, split
from optimizer.terms import agreement_terms

KEY = ["care_form_id", "sending_hospital", "performing_hospital"]


def pair_region(cost_at_p: float, mode: str | None = None, sent_today: int = 0):
    """S and P, one care form (benchmark € 1.000 for its full product, no intervention, so the
    ODV product is the full one; variable cost share 0,40 → € 400 a case), P's own variable
    cost ``cost_at_p`` [EUR]; no contracts (insurers pay the benchmark), no caps, no fixed
    costs, no value of freed OR time. Today S treats its 30 patients (``sent_today`` of them
    at P) and P its 50; ``mode`` adds an agreement in force S → P (ODV at the full price)."""
    s = {
        "hospitals": pd.DataFrame(
            {"hospital_id": ["P", "S"], "name": ["P", "S"], "type": "algemeen", "or_minutes": 1e6}
        ),
        "care_forms": pd.DataFrame(
            {
                "care_form_id": ["gal"],
                "name": ["Galblaas"],
                "or_minutes_per_case": [60],
                "variable_cost_share": [0.4],
            }
        ),
        "products": pd.DataFrame(
            {
                "product_code": ["100000001"],
                "description": ["gal"],
                "care_form_id": ["gal"],
                "component": ["full"],
            }
        ),
        "prices": pd.DataFrame(
            {"product_code": ["100000001"], "year": [2025], "benchmark_price": [1000.0]}
        ),
        "volumes": pd.DataFrame(
            {
                "hospital_id": ["S", "S", "P"],
                "performing_hospital_id": ["S", "P", "P"],
                "care_form_id": "gal",
                "cases": [30 - sent_today, sent_today, 50],
                "year": 2025,
            }
        ),
        "hospital_care_forms": pd.DataFrame(
            {"hospital_id": ["P"], "care_form_id": ["gal"], "variable_cost_per_case": [cost_at_p]}
        ),
    }
    if mode:
        s["agreements"] = pd.DataFrame(
            {
                "agreement_id": ["AG1"],
                "care_form_id": ["gal"],
                "sending_hospital": ["S"],
                "performing_hospital": ["P"],
                "mode": [mode],
                "valid_from": [dt.date(2025, 1, 1)],
            }
        )
    return load_frames(s)


def plan(moved: float) -> pd.DataFrame:
    """The plan: S sends ``moved`` of its 30 patients to P."""
    return pd.DataFrame(
        {
            "sending_hospital": ["S", "S", "P"],
            "performing_hospital": ["S", "P", "P"],
            "care_form_id": "gal",
            "cases": [30 - moved, moved, 50],
            "source": "plan",
        }
    )


def proposal(n: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "care_form_id": ["gal"],
            "sending_hospital": ["S"],
            "performing_hospital": ["P"],
            "cases": [n],
            "agreement_id": [""],
        }
    )


def test_the_odv_range_of_a_pair_by_hand():
    """10 patients S → P; v_S = € 400, v_P = € 300, b = € 1.000 a case.

    ODV at price u: S still declares (revenue unchanged), saves 10 × 400 = € 4.000 and pays
    10·u: Δ_S = 4.000 − 10u; P is paid 10·u and spends 10 × 300 = € 3.000: Δ_P = 10u − 3.000.
    Both ≥ 0 ⇔ 300 ≤ u ≤ 400, shares 0,30–0,40 (v_P/b ≤ s ≤ v_S/b). The middle: u = € 350,
    s = 0,35, each gains 10 × 50 = € 500. Referral: S loses the revenue 10 × 1.000 and saves
    4.000: −€ 6.000; P declares 10.000 and spends 3.000: +€ 7.000."""
    terms = agreement_terms(pair_region(300.0), 2025, plan(10), proposal(10))
    t = terms.terms.iloc[0]
    assert (t.odv_benchmark_cents, t.odv_price_min_cents, t.odv_price_max_cents) == (
        100_000,
        30_000,
        40_000,
    )
    assert (t.odv_share_min, t.odv_share_max) == (0.30, 0.40)
    assert (t.recommended_mode, t.recommended_price_cents, t.recommended_share) == (
        "odv",
        35_000,
        0.35,
    )
    assert (t.margin_sending_cents, t.margin_performing_cents) == (50_000, 50_000)
    assert t.transfer_to_sending_cents == 0
    modes = terms.modes.set_index("mode")
    assert list(modes.index) == ["referral", "odv"]  # no intervention product: no parallel
    assert (
        modes.loc["referral", "margin_sending_cents"],
        modes.loc["referral", "margin_performing_cents"],
    ) == (-600_000, 700_000)


def test_an_empty_range_states_the_transfer_the_sender_needs():
    """v_P = € 450 > v_S = € 400: P needs u ≥ 450, S can pay u ≤ 400 — no price leaves both
    whole (together they lose 10 × 50 = € 500 a year). Advice: ODV at € 450 (s = 0,45, P
    covers its costs): Δ_P = 4.500 − 4.500 = 0, Δ_S = 4.000 − 4.500 = −€ 500, the yearly
    transfer S needs."""
    t = agreement_terms(pair_region(450.0), 2025, plan(10), proposal(10)).terms.iloc[0]
    assert pd.isna(t.odv_price_min_cents) and pd.isna(t.odv_share_min)
    assert (t.recommended_price_cents, t.recommended_share) == (45_000, 0.45)
    assert (t.margin_sending_cents, t.margin_performing_cents) == (-50_000, 0)
    assert t.transfer_to_sending_cents == 50_000


def test_a_grown_agreement_in_force_is_priced_on_the_added_patients():
    """Today S sends 4 to P under ODV agreement AG1 (share 1: € 1.000 a case); the plan sends
    10. The terms are about the 6 added: with v_S = 400 and v_P = 300 the range is again
    € 300–400 a case and the advice € 350: each gains 6 × 50 = € 300."""
    wb = pair_region(300.0, mode="odv", sent_today=4)
    changes = proposal(6).assign(agreement_id="AG1")
    t = agreement_terms(wb, 2025, plan(10), changes).terms.iloc[0]
    assert (t.agreement_id, t.mode_in_force) == ("AG1", "odv")
    assert (t.odv_price_min_cents, t.odv_price_max_cents, t.recommended_price_cents) == (
        30_000,
        40_000,
        35_000,
    )
    assert (t.margin_sending_cents, t.margin_performing_cents) == (30_000, 30_000)


GAINS = {"A": 90_000, "B": -30_000, "C": 60_000}  # G = € 1.200


def payments(s) -> list[tuple[str, str, int]]:
    return [tuple(p) for p in s.payments.itertuples(index=False)]


def test_the_proportional_split_by_hand():
    """G = 1.200. Losers made whole: B ends at 0; the gainers share G in proportion to
    900 : 600 → A 720, C 480. Transfers A −180, B +300, C −120; the largest payer A pays the
    largest receiver B first: A → B 180, then C → B 120."""
    s = split(GAINS, "proportional")
    assert dict(zip(s.table["hospital_id"], s.table["final_cents"], strict=True)) == {
        "A": 72_000,
        "B": 0,
        "C": 48_000,
    }
    assert list(s.table["transfer_cents"]) == [-18_000, 30_000, -12_000]
    assert payments(s) == [("A", "B", 18_000), ("C", "B", 12_000)]
    lines = s.lines(2025)
    assert set(lines["kind"]) == {"compensation"} and lines["amount_cents"].sum() == 30_000


def test_the_equal_split_by_hand():
    """G/3 = 400 each: transfers A −500, B +700, C −200; A → B 500, C → B 200."""
    s = split(GAINS, "equal")
    assert list(s.table["final_cents"]) == [40_000, 40_000, 40_000]
    assert payments(s) == [("A", "B", 50_000), ("C", "B", 20_000)]


# a game for three hospitals: v(AB) = 600, v(AC) = 300, v(BC) = 0, v(ABC) = 1.200 [EUR]
GAME = {frozenset("AB"): 60_000, frozenset("AC"): 30_000, frozenset("BC"): 0}


def test_the_shapley_split_by_enumerating_the_orders():
    """Marginal contributions per order (A, B, C) [EUR]:
    ABC: 0, 600, 600 · ACB: 0, 900, 300 · BAC: 600, 0, 600 · BCA: 1.200, 0, 0 ·
    CAB: 300, 900, 0 · CBA: 1.200, 0, 0.
    φ_A = 3.300/6 = 550, φ_B = 2.400/6 = 400, φ_C = 1.500/6 = 250 (Σ = 1.200 = G).
    Transfers against A 900, B −300, C 600: A −350, B +700, C −350."""
    values = shapley_values(["A", "B", "C"], lambda cs: {c: GAME[c] for c in cs}, 120_000)
    assert values.values == {"A": Fraction(55_000), "B": Fraction(40_000), "C": Fraction(25_000)}
    assert values.orders is None and values.error_cents is None
    s = split(GAINS, "shapley", values)
    assert list(s.table["final_cents"]) == [55_000, 40_000, 25_000]
    assert payments(s) == [("A", "B", 35_000), ("C", "B", 35_000)]


def test_a_negative_shapley_value_ends_at_today():
    """v(AB) = 0, v(AC) = −900, v(BC) = 0, v(ABC) = 300 [EUR]. Marginal contributions (A, B, C):
    ABC: 0, 0, 300 · ACB: 0, 1.200, −900 · BAC: 0, 0, 300 · BCA: 300, 0, 0 ·
    CAB: −900, 1.200, 0 · CBA: 300, 0, 0.
    φ_A = −300/6 = −50, φ_B = 2.400/6 = 400, φ_C = −300/6 = −50. A and C end at today (0)
    and B takes the whole gain of 300, with a note."""
    game = {frozenset("AB"): 0, frozenset("AC"): -90_000, frozenset("BC"): 0}
    values = shapley_values(["A", "B", "C"], lambda cs: {c: game[c] for c in cs}, 30_000)
    assert values.values == {"A": Fraction(-5_000), "B": Fraction(40_000), "C": Fraction(-5_000)}
    s = split({"A": 0, "B": 0, "C": 30_000}, "shapley", values)
    assert list(s.table["final_cents"]) == [0, 30_000, 0]
    assert payments(s) == [("C", "B", 30_000)]
    assert [n.code for n in s.notes] == ["deal_shapley_bounded"]
    assert s.notes[0].params["hospitals"] == "A, C"


def test_a_region_that_loses_shares_nothing_and_says_so():
    s = split({"A": 10_000, "B": -30_000}, "proportional")
    assert not s.gains and s.payments.empty
    assert list(s.table["transfer_cents"]) == [0, 0]
    assert s.notes[0].code == "deal_region_loses" and s.notes[0].params["loss_cents"] == 20_000


def test_a_sampled_shapley_value_states_its_error():
    """Nine hospitals (above the exact limit): a game of pairs, v(C) = Σ over pairs in C of
    w(pair), whose Shapley value is exactly half the weights of a hospital's pairs. The
    seeded estimate lies within four standard errors of it."""
    players = [f"H{i}" for i in range(EXACT_PLAYERS + 1)]
    weight = {
        frozenset(p): 100 * (i + 1) for i, p in enumerate(combinations(players, 2)) if i % 3 == 0
    }

    def v(c: frozenset[str]) -> int:
        return sum(w for pair, w in weight.items() if pair <= c)

    values = shapley_values(
        players, lambda cs: {c: v(c) for c in cs}, v(frozenset(players)), orders=300
    )
    assert values.orders == 300 and values.error_cents is not None and values.error_cents > 0
    for h in players:
        exact = sum(w for pair, w in weight.items() if h in pair) / 2
        assert abs(float(values.values[h]) - exact) <= 4 * values.error_cents


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.integers(-(10**7), 10**7), min_size=2, max_size=6),
    st.sampled_from(["proportional", "equal", "shapley"]),
    st.integers(0, 2**31),
)
def test_every_split_sums_to_zero_and_leaves_nobody_below_today(gains, rule, seed):
    """Transfers sum to zero, payments carry exactly the transfers, and when the region gains
    every hospital ends at or above today and the shares add up to the gain."""
    import random

    hospitals = [f"H{i}" for i in range(len(gains))]
    g = dict(zip(hospitals, gains, strict=True))
    values = None
    if rule == "shapley":
        draw = random.Random(seed)
        values = shapley_values(
            hospitals,
            lambda cs: {c: draw.randint(-(10**6), 10**6) for c in cs},
            sum(gains),
        )
    s = split(g, rule, values)
    t = s.table.set_index("hospital_id")
    assert t["transfer_cents"].sum() == 0
    net = {h: 0 for h in hospitals}
    for payer, payee, amount in payments(s):
        assert amount > 0
        net[payer] -= amount
        net[payee] += amount
    assert net == {h: int(t.loc[h, "transfer_cents"]) for h in hospitals}
    assert len(s.payments) <= max(len(hospitals) - 1, 0)
    if sum(gains) > 0:
        assert (t["final_cents"] >= 0).all() and t["final_cents"].sum() == sum(gains)
    else:
        assert (t["transfer_cents"] == 0).all()


def test_an_unknown_rule_is_refused():
    with pytest.raises(ValueError, match="unknown split rule"):
        split(GAINS, "biggest_first")


def test_the_compensation_sheet_of_a_plan_settles_as_lines_of_its_own(tmp_path, sample_settled):
    """The optimiser's workbook carries the payments as the input sheet ``compensatie``; copied
    into the region's workbook, the yearly settlement has one line of kind compensation per
    payment, in the pair statements, and every hospital's net position moves by exactly its
    transfer (positions still sum to zero)."""
    from click.testing import CliRunner
    from openpyxl import load_workbook

    from calculator.settle import settle
    from calculator.validate import load
    from spreiding.cli import main
    from tests.conftest import SAMPLE

    plan_book = tmp_path / "plan.xlsx"
    run = CliRunner().invoke(
        main,
        ["optimize", str(SAMPLE), "--year", "2025", "--split", "equal", "--json"]
        + ["--out", str(plan_book)],
    )
    assert run.exit_code == 0, run.output
    document = json.loads(run.stdout)
    deal = document["deal"]
    assert document["audit"]["command"] == "optimize"
    assert document["audit"]["options"]["split"] == "equal"
    assert "Uitgangspunten" in load_workbook(plan_book).sheetnames
    assert deal["compensation"]["rule"] == "equal"
    finals = [h["final_cents"] for h in deal["compensation"]["hospitals"]]
    assert (
        sum(finals) == deal["compensation"]["region_gain_cents"] and max(finals) - min(finals) <= 1
    )
    assert {t["recommended_mode"] for t in deal["terms"]} == {"odv"}
    assert {m["mode"] for m in deal["modes"]} == {"referral", "parallel", "odv"}
    source = load_workbook(plan_book)["compensatie"]
    region = load_workbook(SAMPLE)
    target = region.create_sheet("compensatie")
    for row in source.iter_rows(values_only=True):
        target.append(list(row))
    with_deal = tmp_path / "regio_met_compensatie.xlsx"
    region.save(with_deal)
    before = sample_settled  # settle(load(SAMPLE), 2025), computed once per worker
    after = settle(load(with_deal), 2025)
    paid = after.lines[after.lines["kind"] == "compensation"]
    assert len(paid) == source.max_row - 1 and (paid["amount_cents"] > 0).all()
    transfer = (
        paid.groupby("payee")["amount_cents"]
        .sum()
        .sub(paid.groupby("payer")["amount_cents"].sum(), fill_value=0)
    )
    moved = (
        after.hospitals.set_index("hospital_id")["net_position_cents"]
        - before.hospitals.set_index("hospital_id")["net_position_cents"]
    )
    assert moved.to_dict() == transfer.reindex(moved.index, fill_value=0).astype(int).to_dict()
    assert after.hospitals["net_position_cents"].sum() == 0
    assert "a_owes_b_compensation_cents" in after.pairs.columns
    assert after.invariants_hold

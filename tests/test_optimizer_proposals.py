"""Proposed agreements, the story of a scenario, solver names, the shadow-price copy, moves
measured against today's flows and whole cases: every constraint re-checked from the output."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from calculator.errors import SpreidingInputError
from calculator.validate import load_frames
from optimizer.build import build
from optimizer.goals import shadow_prices
from optimizer.inputs import Options, prepare
from optimizer.optimize import optimize
from optimizer.solver import solve_model
from spreiding.cli import main
from tests.conftest import SAMPLE, tiny_sheets
from tests.test_optimizer import recheck, two_hospitals


@pytest.fixture(scope="module")
def sample(sample_book):
    return sample_book


@pytest.fixture(scope="module")
def proposed_2025(sample):
    return optimize(sample, 2025)


def test_sample_2025_is_solved_with_proposed_agreements(sample, proposed_2025):
    """2025 has seven norm shortfalls that the agreements in force cannot mend: the answer is a
    handful of new agreements, each within 60 minutes, and every constraint holds."""
    r = proposed_2025
    assert r.status == "optimal_with_proposals"
    assert 0 < len(r.proposals) <= 7
    assert (r.proposals["travel_minutes"] <= 60).all()
    recheck(sample, 2025, Options(), r)
    # each proposal: the sender loses margin, the performer gains it
    assert (r.proposals["margin_sending_cents"] < 0).all()
    assert (r.proposals["margin_performing_cents"] > 0).all()
    # fewest agreements first: without any one of them the year has no solution
    assert optimize(sample, 2025, Options(propose=False)).status == "infeasible"


def test_the_story_adds_up(sample, proposed_2025):
    """Moves are the increases against today; the region's margin change is the sum of the
    hospitals'; travel counts only moved cases."""
    r = proposed_2025
    story = r.story
    new = story.moves[story.moves["agreement"] == "new"]
    merged = new.merge(r.proposals, on=["care_form_id", "sending_hospital", "performing_hospital"])
    assert len(merged) == len(r.proposals)
    assert (merged["cases_x"] - merged["cases_y"]).abs().max() < 1e-6
    assert story.region["margin_change_cents"] == int(r.money["margin_cents_change"].sum())
    assert story.region["cases_moved"] == pytest.approx(story.moves["cases"].sum())
    assert story.region["new_agreements"] == len(r.proposals)
    h = story.hospitals.set_index("hospital_id")
    assert (h["cases_after"].sum()) == pytest.approx(h["cases_before"].sum())
    performed = r.flows.groupby("performing_hospital")["cases"].sum()
    for hospital, cases in performed.items():
        assert h.at[hospital, "cases_after"] == pytest.approx(cases)
    t = story.travel
    assert t["max_extra_minutes"] <= 60 + 1e-9
    assert t["cases_over_60"] == 0
    over_30 = story.moves.loc[story.moves["extra_minutes"] > 30, "cases"].sum()
    assert t["cases_over_30"] == pytest.approx(over_30)


def test_cli_sample_2025_exits_0_with_proposals_and_the_story(tmp_path):
    runner = CliRunner()
    out = tmp_path / "opt.xlsx"
    r = runner.invoke(
        main, ["optimize", str(SAMPLE), "--year", "2025", "--json", "--out", str(out)]
    )
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["status"] == "optimal_with_proposals"
    keys = {"care_form_id", "sending_hospital", "performing_hospital", "cases", "travel_minutes"}
    assert doc["proposals"] and keys <= set(doc["proposals"][0])
    assert {"average_extra_minutes", "max_extra_minutes", "cases_over_30", "cases_over_60"} <= set(
        doc["travel"]
    )
    assert doc["region"]["new_agreements"] == len(doc["proposals"])
    # the goals in words, whole patients, and every move with its reasons
    assert len(doc["goals"]) == 3 and doc["goals"][0].startswith("(1) een haalbaar plan")
    assert doc["whole_patients"] is True
    assert all(m["reasons"] and m["reason_codes"] and m["left"] for m in doc["moves"])
    assert doc["changed_agreements"] == []
    assert {"cases_further", "cases_closer"} <= set(doc["travel"])
    from openpyxl import load_workbook

    names = load_workbook(out).sheetnames
    assert {"Voorstellen", "Verschuivingen", "Ziekenhuizen", "Regio"} <= set(names)
    human = runner.invoke(main, ["optimize", str(SAMPLE), "--year", "2025"])
    assert human.exit_code == 0
    for words in ("Voorgestelde nieuwe afspraken", "nieuwe afspraak", "Per ziekenhuis", "Regio:"):
        assert words in human.output
    assert "Reistijd van verplaatste patiënten" in human.output


def test_sample_plans_keep_the_agreements_and_the_ceilings(sample, proposed_2025):
    """The sample's default answers (issue: a plan a board would sign): no agreement in force
    undone, no hospital above its planning ceiling, whole patients, every move with a reason
    that is not the catch-all."""
    wb = sample
    plans = {2025: proposed_2025, 2026: optimize(wb, 2026)}
    for year, r in plans.items():
        assert r.solved and r.whole
        recheck(wb, year, Options(), r)
        assert r.story.changed_agreements.empty, year
        assert not r.capacity_after.hospitals["above_ceiling"].any(), year
        assert (r.flows["cases"] % 1 == 0).all()
        for reasons in r.story.moves["reasons"]:
            assert reasons and "reason_other" not in {m.code for m in reasons}, year
    # RSZ is above its 90 % ceiling today in 2026 and comes under it
    r = plans[2026]
    before = r.capacity_before.hospitals.set_index("hospital_id")
    assert before.at["RSZ", "above_ceiling"]
    codes = {m.code for reasons in r.story.moves["reasons"] for m in reasons}
    assert {"reason_ceiling_or", "reason_norm_closed", "reason_norm_reached"} <= codes


def test_propose_on_request_and_never():
    """Agreement A → B exists; with --propose a feasible year stays without proposals."""
    wb = two_hospitals()
    r = optimize(wb, 2025, Options(propose=True))
    assert r.status == "optimal" and r.proposals.empty
    recheck(wb, 2025, Options(propose=True), r)


def test_a_norm_no_hospital_can_reach_is_infeasible_with_advice():
    """Norm 30 with 20 cases in the region: no set of agreements helps; lower the norm to 20."""
    wb = two_hospitals(cap_a=5000, cap_b=5000, norm=30)
    r = optimize(wb, 2025)
    assert r.status == "infeasible" and r.proposals.empty
    advice = " ".join(m.render("en") for m in r.advice)
    assert "lower the lies norm to 20" in advice


def test_capacity_or_norm_alternatives_are_both_advised():
    """A: 20 cases, 900 minutes (15 cases); B: 5 cases, 600 minutes (10 cases); norm 12. The
    region has 1,500 minutes for 25 × 60 = 1,500: both must perform, so B needs 12 cases = 720
    minutes. Either lower the norm to 10 (A 15, B 10) or raise B's OR time by 120 minutes."""
    wb = two_hospitals(cap_a=900, cap_b=600, demand_a=20, demand_b=5, norm=12)
    r = optimize(wb, 2025)
    assert r.status == "infeasible"
    advice = " ".join(m.render("en") for m in r.advice)
    assert advice == (
        "Needed: lower the lies norm to 10, or else: raise OR capacity of BBB by 120 minutes."
    )


def test_solver_names_come_from_keys(tmp_path):
    inputs = prepare(two_hospitals(norm=5), 2025, Options())
    model = build(inputs)
    assert model.constraints[("or_capacity", "AAA")].name == "or_capacity_AAA_"
    path = tmp_path / "model.lp"
    model.prob.writeLP(str(path))
    lp = path.read_text()
    for name in ("or_capacity_AAA_", "demand_AAA,lies_", "x_AAA,lies,BBB_", "y_BBB,lies_"):
        assert name in lp


def test_shadow_prices_leave_the_solved_model_alone():
    inputs = prepare(two_hospitals(norm=5), 2025, Options())
    model = build(inputs)
    assert solve_model(model, Options())[0] == "optimal"
    before = [v.varValue for v in model.x] + [v.varValue for v in model.y.values()]
    prices = shadow_prices(model, Options())
    assert prices.set_index("hospital_id").at["AAA", "dual"] == pytest.approx(-0.5)
    assert [v.varValue for v in model.x] + [v.varValue for v in model.y.values()] == before
    assert all(v.cat == "Integer" for v in model.y.values())


def test_move_share_counts_moves_against_todays_flows():
    """Today AAA sends 4 of its 14 cases to BBB. With a move share of 0 the status quo is still
    possible (it moves nothing), and it is the answer."""
    s = tiny_sheets()
    s["care_forms"]["volume_norm"] = [0]
    wb = load_frames(s)
    options = Options(max_move_share=0.0, w_travel=0.0, w_move=1.0)
    r = optimize(wb, 2025, options)
    assert r.status == "optimal"
    flows = r.flows.set_index("performing_hospital")["cases"]
    assert flows["AAA"] == pytest.approx(10) and flows["BBB"] == pytest.approx(4)
    recheck(wb, 2025, options, r)


def test_integer_with_fractional_demand_says_so():
    s = tiny_sheets()
    s["volumes"]["cases"] = [10.5, 4]
    wb = load_frames(s)
    with pytest.raises(SpreidingInputError) as err:
        optimize(wb, 2025, Options(integer=True))
    assert "fractional" in str(err.value) and "AAA lies: 14.5" in str(err.value)


def test_proposals_are_rechecked_on_random_instances():
    """Three hospitals, no agreements, norms and tight capacity: solved with proposals (each
    re-checked) or infeasible with advice."""
    ids = ["AAA", "BBB", "CCC"]
    for demand, capacity, norm in [
        ([12, 3, 7], [900, 400, 1200], 10),
        ([5, 5, 5], [600, 600, 0], 8),
        ([30, 2, 1], [1200, 1200, 600], 15),
    ]:
        s = tiny_sheets()
        s["hospitals"] = pd.DataFrame(
            {
                "hospital_id": ids,
                "name": ids,
                "type": ["algemeen"] * 3,
                "or_minutes": capacity,
                "or_max_utilisation": 1.0,  # the hand maths uses the whole capacity
                "lat": [52.0, 52.1, 52.3],
                "lon": [4.5, 4.7, 4.6],
            }
        )
        s["care_forms"]["volume_norm"] = [norm]
        s["volumes"] = pd.DataFrame(
            {"year": 2025, "hospital_id": ids, "care_form_id": "lies", "cases": demand}
        )
        s["agreements"] = s["agreements"].iloc[0:0]
        wb = load_frames(s)
        r = optimize(wb, 2025)
        if r.status in ("optimal", "optimal_with_proposals"):
            recheck(wb, 2025, Options(), r)
        else:
            assert r.status == "infeasible" and r.advice


def test_large_instances_choose_among_the_pairs_the_lp_relaxation_uses(
    sample, proposed_2025, monkeypatch
):
    """The heuristic path of stage 1 (forced here on the sample) still gives a solution whose
    every constraint holds, with no fewer agreements than the exact stage."""
    import optimizer.optimize as orchestrator

    exact = proposed_2025
    monkeypatch.setattr(orchestrator, "EXACT_CANDIDATES", 0)
    r = optimize(sample, 2025)
    assert r.status == "optimal_with_proposals"
    recheck(sample, 2025, Options(), r)
    assert len(r.proposals) >= len(exact.proposals)


def test_a_proposal_outside_the_focus_is_found_by_the_full_stage():
    """BBB (300 minutes) cannot reach the hernia norm of 10 with its 5 cases, so it sends them to
    AAA; AAA (1.400 minutes, full today with 15 × 60 + 5 × 100) then runs 300 minutes over and
    must send 3 knee cases (no norm, so not among the focused candidates) to BBB. The focused
    stage has no solution; the full one proposes both agreements."""
    s = tiny_sheets()
    s["hospitals"]["or_minutes"] = [1400, 300]
    s["hospitals"]["type"] = ["algemeen", "algemeen"]
    s["hospitals"]["bed_days"] = [None, None]
    s["care_forms"] = pd.concat(
        [
            s["care_forms"],
            s["care_forms"].assign(
                care_form_id="knie", name="Knie", or_minutes_per_case=100, volume_norm=0
            ),
        ],
        ignore_index=True,
    )
    s["products"] = pd.concat(
        [
            s["products"],
            pd.DataFrame(
                {
                    "product_code": ["022345678"],
                    "description": ["knie"],
                    "care_form_id": ["knie"],
                    "component": ["full"],
                }
            ),
        ],
        ignore_index=True,
    )
    s["prices"] = pd.concat(
        [
            s["prices"],
            pd.DataFrame({"product_code": ["022345678"], "year": [2025], "benchmark_price": [2e3]}),
        ],
        ignore_index=True,
    )
    s["volumes"] = pd.DataFrame(
        {
            "year": 2025,
            "hospital_id": ["AAA", "AAA", "BBB"],
            "care_form_id": ["lies", "knie", "lies"],
            "cases": [15, 5, 5],
        }
    )
    s["agreements"] = s["agreements"].iloc[0:0]
    wb = load_frames(s)
    r = optimize(wb, 2025)
    assert r.status == "optimal_with_proposals"
    got = {
        (p.care_form_id, p.sending_hospital, p.performing_hospital): p.cases
        for p in r.proposals.itertuples(index=False)
    }
    assert got == pytest.approx({("lies", "BBB", "AAA"): 5.0, ("knie", "AAA", "BBB"): 3.0})
    recheck(wb, 2025, Options(), r)


def test_cli_objective_travel_and_the_ceiling_option():
    """--objective travel is the analyst's travel-first answer (it takes patients off agreements
    and says so); --max-utilisation 1 lets every hospital use all its OR time; --integer with
    --fractional is a usage error."""
    runner = CliRunner()
    r = runner.invoke(
        main, ["optimize", str(SAMPLE), "--year", "2025", "--objective", "travel", "--json"]
    )
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["goals"][1].startswith("(2) zo weinig mogelijk reistijd voor alle patiënten")
    assert doc["changed_agreements"]  # travel first sends agreement patients back home
    assert "reason_shorter_travel" in {c for m in doc["moves"] for c in m["reason_codes"]}
    full = runner.invoke(
        main, ["optimize", str(SAMPLE), "--year", "2026", "--max-utilisation", "1", "--json"]
    )
    assert full.exit_code == 0, full.output
    used = {h["hospital_id"]: h for h in json.loads(full.output)["hospitals"]}
    assert used["RSZ"]["or_ceiling"] == 1.0
    both = runner.invoke(
        main, ["optimize", str(SAMPLE), "--year", "2025", "--integer", "--fractional"]
    )
    assert both.exit_code != 0 and "sluiten elkaar uit" in both.output


def _three_hospitals(demand, capacity, norm, types=("algemeen",) * 3):
    ids = ["AAA", "BBB", "CCC"]
    s = tiny_sheets()
    s["hospitals"] = pd.DataFrame(
        {
            "hospital_id": ids,
            "name": ids,
            "type": list(types),
            "or_minutes": capacity,
            "or_max_utilisation": 1.0,  # the hand maths uses the whole capacity
            "lat": [52.0, 52.1, 52.3],
            "lon": [4.5, 4.7, 4.6],
        }
    )
    s["care_forms"]["volume_norm"] = [norm]
    s["volumes"] = pd.DataFrame(
        {"year": 2025, "hospital_id": ids, "care_form_id": "lies", "cases": demand}
    )
    s["agreements"] = s["agreements"].iloc[0:0]
    return s


def test_a_norm_supply_row_counts_the_agreements_a_norm_needs():
    """Norm 10, no agreements, patients 4 (AAA), 3 (BBB), 5 (CCC). BBB performing needs
    10 − 3 = 7 more: CCC's 5 alone are short, 5 + 4 reach it, k = 2: z[AAA→BBB] + z[CCC→BBB]
    ≥ 2·y[BBB]. AAA needs 6 (5 short, 5 + 3), CCC needs 5 (4 short, 4 + 3): k = 2 for each.
    The stage's answer: all 12 patients to one hospital, two new agreements."""
    wb = load_frames(_three_hospitals([4, 3, 5], [5000, 5000, 5000], 10))
    inputs = prepare(wb, 2025, Options(), candidates=True)
    m = build(inputs, stage="proposals")
    for h, others in {"BBB": ["AAA", "CCC"], "AAA": ["BBB", "CCC"], "CCC": ["AAA", "BBB"]}.items():
        row = m.constraints[("norm_supply", h, "lies")]
        terms = {v.name: a for v, a in row.expr.items()}
        assert terms == {**{f"z_{o},lies,{h}_": 1.0 for o in others}, f"y_{h},lies_": -2.0}
        assert row.sense == 1 and row.constant == 0
    assert solve_model(m, Options())[0] == "optimal"
    assert sum(round(z.varValue) for z in m.z.values()) == 2


@pytest.mark.parametrize(
    ("demand", "capacity", "norm"),
    [
        ([12, 3, 7], [900, 400, 1200], 10),
        ([4, 3, 5], [5000, 5000, 5000], 10),
        ([30, 2, 1], [1200, 1200, 600], 15),
        ([6, 6, 2], [600, 700, 400], 7),
        ([9, 4, 4], [700, 400, 500], 5),
    ],
)
def test_the_norm_supply_rows_keep_the_fewest_agreements(demand, capacity, norm, monkeypatch):
    """Stage 1 solved exactly with and without the norm-supply rows: the same fewest number of
    new agreements (the rows cut off fractional solutions only)."""
    import optimizer.constraints as families

    wb = load_frames(_three_hospitals(demand, capacity, norm))
    inputs = prepare(wb, 2025, Options(), candidates=True)
    answers = []
    for rows in (True, False):
        if not rows:
            monkeypatch.setattr(families, "add_norm_supply_cuts", lambda m: None)
        m = build(inputs, stage="proposals")
        status, _ = solve_model(m, Options())
        count = sum(round(z.varValue or 0.0) for z in m.z.values()) if status == "optimal" else None
        answers.append((status, count))
    assert answers[0] == answers[1]


def test_a_choice_that_does_not_round_to_whole_patients_is_made_again_on_whole_ones():
    """AAA (umc) performs 10 hernias of 100 minutes and 3 knees of 300: 1.900 minutes on 1.750,
    150 over. Hernias may go to BBB (topklinisch, 200 minutes free), knees to CCC (algemeen,
    150 free). On fractional flows the fewest agreements with the fewest cases is half a knee
    to CCC (1 agreement, 0,5 case, against 1,5 hernias to BBB); in whole patients a knee takes
    300 minutes, more than CCC has: no plan. Chosen again on whole patients: 2 hernias to BBB
    (200 minutes, AAA at 1.700)."""
    s = tiny_sheets()
    s["hospitals"] = pd.DataFrame(
        {
            "hospital_id": ["AAA", "BBB", "CCC"],
            "name": ["AAA", "BBB", "CCC"],
            "type": ["umc", "topklinisch", "algemeen"],
            "or_minutes": [1750, 300, 450],
            "or_max_utilisation": 1.0,
            "lat": [52.0, 52.1, 52.3],
            "lon": [4.5, 4.7, 4.6],
        }
    )
    s["care_forms"] = pd.concat(
        [
            s["care_forms"].assign(
                or_minutes_per_case=100, volume_norm=0, allowed_types="umc,topklinisch"
            ),
            s["care_forms"].assign(
                care_form_id="knie",
                name="Knie",
                or_minutes_per_case=300,
                volume_norm=0,
                allowed_types="umc,algemeen",
            ),
        ],
        ignore_index=True,
    )
    s["products"] = pd.concat(
        [
            s["products"],
            pd.DataFrame(
                {
                    "product_code": ["022345678"],
                    "description": ["knie"],
                    "care_form_id": ["knie"],
                    "component": ["full"],
                }
            ),
        ],
        ignore_index=True,
    )
    s["prices"] = pd.concat(
        [
            s["prices"],
            pd.DataFrame({"product_code": ["022345678"], "year": [2025], "benchmark_price": [2e3]}),
        ],
        ignore_index=True,
    )
    s["volumes"] = pd.DataFrame(
        {
            "year": 2025,
            "hospital_id": ["AAA", "AAA", "BBB", "CCC"],
            "care_form_id": ["lies", "knie", "lies", "knie"],
            "cases": [10, 3, 1, 1],
        }
    )
    s["agreements"] = s["agreements"].iloc[0:0]
    wb = load_frames(s)
    r = optimize(wb, 2025)
    assert r.status == "optimal_with_proposals" and r.whole
    got = {
        (p.care_form_id, p.sending_hospital, p.performing_hospital): p.cases
        for p in r.proposals.itertuples(index=False)
    }
    assert got == {("lies", "AAA", "BBB"): 2.0}
    recheck(wb, 2025, Options(), r)

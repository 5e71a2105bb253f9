"""The default goals of a plan, on instances small enough to solve by hand (issue: a plan a board
would sign): today is the anchor, a planning ceiling, the fewest patients moved, whole patients.
Every optimum is re-checked constraint by constraint (:func:`tests.test_optimizer.recheck`)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from calculator.validate import load_frames
from optimizer.inputs import Options
from optimizer.optimize import optimize
from tests.test_optimizer import recheck


def region(
    care_forms: list[tuple[str, float, int]],
    hospitals: list[tuple[str, float, float]],
    volumes: list[tuple[str, str, float, str | None]],
    agreements: list[tuple[str, str, str]],
    travel: float = 30.0,
    per_hospital: list[tuple[str, str, float]] | None = None,
):
    """A region for 2025: care forms (id, OR minutes per case, norm), hospitals (id, OR minutes,
    planning ceiling), volumes (sending, care form, cases, performer or None), referral
    agreements (care form, sending, performing), every pair ``travel`` minutes apart;
    ``per_hospital``: (hospital, care form, OR minutes per case there)."""
    ids = [c for c, _, _ in care_forms]
    codes = [f"{100_000_001 + i:09d}" for i in range(len(ids))]
    names = [h for h, _, _ in hospitals]
    s = {
        "hospitals": pd.DataFrame(
            {
                "hospital_id": names,
                "name": names,
                "type": "algemeen",
                "or_minutes": [m for _, m, _ in hospitals],
                "or_max_utilisation": [r for _, _, r in hospitals],
            }
        ),
        "care_forms": pd.DataFrame(
            {
                "care_form_id": ids,
                "name": ids,
                "or_minutes_per_case": [m for _, m, _ in care_forms],
                "volume_norm": [n for _, _, n in care_forms],
            }
        ),
        "products": pd.DataFrame(
            {"product_code": codes, "description": ids, "care_form_id": ids, "component": "full"}
        ),
        "prices": pd.DataFrame({"product_code": codes, "year": 2025, "benchmark_price": 1000.0}),
        "volumes": pd.DataFrame(
            volumes, columns=["hospital_id", "care_form_id", "cases", "performing_hospital_id"]
        ).assign(year=2025),
        "agreements": pd.DataFrame(
            {
                "agreement_id": [f"AG{i}" for i in range(len(agreements))],
                "care_form_id": [c for c, _, _ in agreements],
                "sending_hospital": [a for _, a, _ in agreements],
                "performing_hospital": [b for _, _, b in agreements],
                "mode": "referral",
                "valid_from": dt.date(2025, 1, 1),
            }
        ),
        "travel": pd.DataFrame(
            [(a, b, travel) for a in names for b in names if a != b],
            columns=["from_hospital", "to_hospital", "minutes"],
        ),
    }
    if per_hospital:
        s["hospital_care_forms"] = pd.DataFrame(
            per_hospital, columns=["hospital_id", "care_form_id", "or_minutes_per_case"]
        )
    return load_frames(s)


def moved(result) -> dict[tuple[str, str, str], float]:
    """Patients moved per (sending, care form, performing) against today."""
    m = result.story.moves
    return {
        (s, c, p): n
        for s, c, p, n in zip(
            m["sending_hospital"],
            m["care_form_id"],
            m["performing_hospital"],
            m["cases"],
            strict=True,
        )
    }


def codes(result) -> set[str]:
    return {r.code for reasons in result.story.moves["reasons"] for r in reasons}


def test_travel_first_undoes_an_agreement_the_default_keeps_it():
    """Today A sends 10 hernia patients to B (30 minutes) under agreement AG0; A has room
    (10 × 60 = 600 of 6.000 minutes). Travel first: all 10 come home (travel 10 × 30 = 300 →
    0), the agreement's flow 10 → 0. The default goals: nothing needs to change, so nothing
    moves (0 patients) and the agreement stays."""
    wb = region(
        [("lies", 60, 0)],
        [("A", 6000, 1.0), ("B", 6000, 1.0)],
        [("A", "lies", 20, None), ("A", "lies", 10, "B")],
        [("lies", "A", "B")],
    )
    travel = optimize(wb, 2025, Options(objective="travel"))
    assert moved(travel) == {("A", "lies", "A"): 10}
    assert travel.objective == pytest.approx(0)
    assert list(travel.story.changed_agreements["agreement_id"]) == ["AG0"]
    assert codes(travel) == {"reason_shorter_travel"}
    default = optimize(wb, 2025)
    assert default.status == "optimal" and default.story.moves.empty
    assert default.objective_parts["moves"] == 0
    assert default.objective == pytest.approx(300)  # the travel step: today's 10 × 30
    assert default.story.changed_agreements.empty
    for r, o in ((travel, Options(objective="travel")), (default, Options())):
        recheck(wb, 2025, o, r)


def test_a_ceiling_forces_the_fewest_patients_out():
    """A has 10.000 OR minutes and a ceiling of 90 % (9.000). Today it performs 10 × 300
    (colon) + 110 × 60 (hernia) = 9.600 minutes: 600 over. Agreements A → B exist for both.
    The fewest patients: 2 colon patients (2 × 300 = 600) rather than 10 hernia patients
    (10 × 60): the care form with the most minutes per case goes first. A ends at 9.000 (90 %)."""
    wb = region(
        [("colon", 300, 0), ("lies", 60, 0)],
        [("A", 10_000, 0.9), ("B", 20_000, 0.9)],
        [("A", "colon", 10, None), ("A", "lies", 110, None), ("B", "lies", 50, None)],
        [("colon", "A", "B"), ("lies", "A", "B")],
    )
    r = optimize(wb, 2025)
    assert r.status == "optimal"
    assert moved(r) == {("A", "colon", "B"): 2}
    after = r.capacity_after.hospitals.set_index("hospital_id")
    assert after.at["A", "or_minutes_used"] == pytest.approx(9000)
    assert r.capacity_before.hospitals.set_index("hospital_id").at["A", "above_ceiling"]
    assert not after["above_ceiling"].any()
    reasons = r.story.moves["reasons"][0]
    assert [m.code for m in reasons] == ["reason_ceiling_or"]
    assert reasons[0].render("en") == "keeps A within its OR ceiling of 90 % (today 96 %)"
    recheck(wb, 2025, Options(), r)
    # with the whole capacity (--max-utilisation 1) nothing has to move
    assert optimize(wb, 2025, Options(max_utilisation=1.0)).story.moves.empty


def test_a_norm_is_met_by_moving_the_smaller_group():
    """Norm 20; A performs 15 and B 12 today: 27 cases cannot keep both at 20. Either A's 15
    move to B or B's 12 move to A: the fewest patients is B's 12 (A then performs 27)."""
    wb = region(
        [("rectum", 300, 20)],
        [("A", 20_000, 1.0), ("B", 20_000, 1.0)],
        [("A", "rectum", 15, None), ("B", "rectum", 12, None)],
        [("rectum", "A", "B"), ("rectum", "B", "A")],
    )
    r = optimize(wb, 2025)
    assert moved(r) == {("B", "rectum", "A"): 12}
    assert codes(r) == {"reason_norm_reached", "reason_norm_closed"}
    text = "; ".join(m.render("en") for m in r.story.moves["reasons"][0])
    assert text == (
        "A reaches the norm of 20 for rectum with it; "
        "B stops rectum: 12 cases, below the norm of 20"
    )
    recheck(wb, 2025, Options(), r)


def test_per_hospital_minutes_change_the_plan():
    """As the ceiling case: A is 600 minutes over its 90 % with colon at the care form's 300
    minutes (2 colon patients move). When A needs only 100 minutes for colon
    (hospital_care_forms), A performs 10 × 100 + 110 × 60 = 7.600 (76 %): under its ceiling,
    nothing moves. With hernia at 70 minutes at A: 3.000 + 110 × 70 = 10.700, 1.700 over 9.000:
    6 colon patients (1.800) rather than 25 hernia patients (1.750) or 5 colon + 3 hernia
    (1.710, 8 patients): 6 colon patients move."""
    care_forms = [("colon", 300, 0), ("lies", 60, 0)]
    hospitals = [("A", 10_000, 0.9), ("B", 20_000, 0.9)]
    volumes = [("A", "colon", 10, None), ("A", "lies", 110, None), ("B", "lies", 50, None)]
    agreements = [("colon", "A", "B"), ("lies", "A", "B")]
    quick = region(care_forms, hospitals, volumes, agreements, per_hospital=[("A", "colon", 100)])
    r = optimize(quick, 2025)
    assert r.story.moves.empty
    assert r.capacity_before.hospitals.set_index("hospital_id").at["A", "or_minutes_used"] == 7600
    slow = region(
        care_forms,
        hospitals,
        volumes,
        agreements,
        per_hospital=[("A", "lies", 70), ("B", "colon", 200)],
    )
    r = optimize(slow, 2025)
    assert moved(r) == {("A", "colon", "B"): 6}
    recheck(slow, 2025, Options(), r)
    # B needs 200 minutes a colon case: 6 × 300 freed at A, 6 × 200 used at B, 600 saved
    move = r.story.moves.iloc[0]
    assert (move.or_minutes_freed, move.or_minutes_used) == (1800, 1200)
    assert r.story.region["efficiency_minutes"] == 600
    used = r.capacity_after.hospitals.set_index("hospital_id")["or_minutes_used"]
    assert used["B"] == 50 * 60 + 6 * 200 and used["A"] == 4 * 300 + 110 * 70


def test_whole_patients_unless_asked_otherwise():
    """A is 500 minutes over its ceiling with colon at 300 minutes: 500 / 300 = 1,67 patients.
    Whole patients (the default, every volume whole): 2 move. With --fractional: 1,67."""
    wb = region(
        [("colon", 300, 0), ("lies", 60, 0)],
        [("A", 10_000, 0.9), ("B", 20_000, 0.9)],
        [("A", "colon", 10, None), ("A", "lies", 2500 / 60 + 40, None)],
        [("colon", "A", "B")],
    )
    # A's hernia volume is fractional: the answer says so and stays fractional
    fractional_input = optimize(wb, 2025)
    assert not fractional_input.whole
    wb = region(
        [("colon", 300, 0), ("lies", 50, 0)],
        [("A", 10_000, 0.9), ("B", 20_000, 0.9)],
        [("A", "colon", 10, None), ("A", "lies", 130, None)],
        [("colon", "A", "B")],
    )
    # 3.000 + 130 × 50 = 9.500: 500 over
    whole = optimize(wb, 2025)
    assert whole.whole and moved(whole) == {("A", "colon", "B"): 2}
    part = optimize(wb, 2025, Options(fractional=True))
    assert not part.whole
    assert moved(part) == {("A", "colon", "B"): pytest.approx(500 / 300)}
    recheck(wb, 2025, Options(), whole)
    recheck(wb, 2025, Options(fractional=True), part)

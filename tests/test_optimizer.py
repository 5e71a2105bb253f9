"""Optimizer tests: optima derived on paper, every constraint re-checked from the output tables
(independently of the model code), infeasible instances explained, solvers agreeing."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from calculator.agreements import valid_in_year
from calculator.errors import SpreidingInputError
from calculator.validate import load_frames
from messages import text
from optimizer.errors import OptimizerError
from optimizer.inputs import Options
from optimizer.optimize import optimize
from optimizer.scenario import manual_flows
from spreiding.cli import main
from tests.conftest import SAMPLE, tiny_sheets

EPS = 1e-6


def two_hospitals(cap_a=600, cap_b=1000, demand_a=15, demand_b=5, norm=0):
    """A and B, one care form of 60 OR minutes, 30 travel minutes apart, agreement A → B."""
    s = tiny_sheets()
    s["hospitals"] = pd.DataFrame(
        {
            "hospital_id": ["AAA", "BBB"],
            "name": ["A", "B"],
            "type": ["algemeen", "algemeen"],
            "or_minutes": [cap_a, cap_b],
            "or_max_utilisation": 1.0,  # the hand maths uses the whole capacity
        }
    )
    s["care_forms"]["volume_norm"] = [norm]
    s["travel"] = pd.DataFrame(
        {"from_hospital": ["AAA", "BBB"], "to_hospital": ["BBB", "AAA"], "minutes": [30, 30]}
    )
    s["volumes"] = pd.DataFrame(
        {
            "year": [2025, 2025],
            "hospital_id": ["AAA", "BBB"],
            "care_form_id": ["lies", "lies"],
            "cases": [demand_a, demand_b],
        }
    )
    s["agreements"]["mode"] = ["referral"]
    return load_frames(s)


def test_paper_optimum_and_shadow_price():
    """A needs 15 × 60 = 900 minutes but has 600: it keeps 10 and sends 5 to B (30 minutes
    each): objective 5 × 30 = 150. One more OR minute at A keeps 1/60 case home and saves
    30/60 = 0.5: the dual of A's OR row is −0.5; B's OR row is slack: 0."""
    r = optimize(two_hospitals(), 2025)
    assert r.status == "optimal"
    assert r.objective == pytest.approx(150)
    flows = r.flows.set_index(["sending_hospital", "performing_hospital"])["cases"]
    assert flows[("AAA", "AAA")] == pytest.approx(10)
    assert flows[("AAA", "BBB")] == pytest.approx(5)
    prices = r.shadow_prices.set_index(["constraint", "hospital_id"])["dual"]
    assert prices[("or_capacity", "AAA")] == pytest.approx(-0.5)
    assert prices[("or_capacity", "BBB")] == pytest.approx(0)
    # the unit is a catalogue code (SPEC §7 names no unit values), rendered at the edge
    units = r.shadow_prices.set_index(["constraint", "hospital_id"])["unit"]
    assert units[("or_capacity", "AAA")] == "opt_unit_or_capacity"
    assert text(units[("or_capacity", "AAA")], "nl") == "per OK-minuut"
    assert text(units[("or_capacity", "AAA")], "en") == "per OR minute"


def test_norm_closes_a_small_unit():
    """Norm 12, A 15 cases, B 5 cases, no agreement B → A. B cannot send its cases away, so B
    stays open and needs 12: A sends 7, keeping 8 < 12, so A must close and send all 15:
    B performs 20 (1,200 of 1,500 minutes); objective 15 × 30 = 450."""
    r = optimize(two_hospitals(cap_a=900, cap_b=1500, norm=12), 2025)
    assert r.status == "optimal"
    flows = r.flows.set_index(["sending_hospital", "performing_hospital"])["cases"]
    assert flows[("AAA", "BBB")] == pytest.approx(15)
    assert ("AAA", "AAA") not in flows.index
    assert r.objective == pytest.approx(450)


def rendered(messages, lang="en"):
    return pd.Series([m.render(lang) for m in messages], dtype=str)


def test_infeasible_capacity_is_explained():
    """Both full: 20 cases × 60 = 1,200 minutes against 600 + 300 available: 300 short. No
    agreement can help (the region is short), so the answer is infeasible, with what to change."""
    r = optimize(two_hospitals(cap_a=600, cap_b=300, demand_a=15, demand_b=5), 2025)
    assert r.status == "infeasible" and r.flows.empty and r.proposals.empty
    assert r.violations["amount"].sum() == pytest.approx(300)
    messages = rendered(r.violations["message"])
    assert messages.str.contains("OR capacity of").all()
    assert messages.str.contains("short by 300 minutes").any()
    advice = " ".join(rendered(r.advice))
    assert "raise OR capacity of" in advice and "by 300 minutes" in advice
    assert "verhoog de OK-capaciteit van" in " ".join(rendered(r.advice, "nl"))


def recheck(wb, year, options, result):
    """Every constraint recomputed from the output flows and the workbook alone."""
    flows = result.flows
    base = wb.volumes[wb.volumes["year"] == year].copy()
    base["performing_hospital"] = base["performing_hospital_id"].fillna(base["hospital_id"])
    demand = base.groupby(["hospital_id", "care_form_id"])["cases"].sum()
    got = flows.groupby(["sending_hospital", "care_form_id"])["cases"].sum()
    for key, d in demand.items():
        if d > 0:
            assert got.get(key, 0) == pytest.approx(d, abs=1e-5), f"demand {key}"
    cf = wb.care_forms.set_index("care_form_id")
    hospitals = wb.hospitals.set_index("hospital_id")
    f = flows.merge(wb.care_forms, on="care_form_id")
    minutes = (f["cases"] * f["or_minutes_per_case"]).groupby(f["performing_hospital"]).sum()
    beds = (f["cases"] * f["los_days"].fillna(0)).groupby(f["performing_hospital"]).sum()
    for h, row in hospitals.iterrows():
        # the planning ceiling: the run's --max-utilisation, else the sheet's, blank = 0.90
        or_ceiling, bed_ceiling = (
            (options.max_utilisation,) * 2
            if options.max_utilisation is not None
            else (
                0.9 if pd.isna(row.get("or_max_utilisation")) else row["or_max_utilisation"],
                0.9 if pd.isna(row.get("beds_max_utilisation")) else row["beds_max_utilisation"],
            )
        )
        assert minutes.get(h, 0) <= row["or_minutes"] * or_ceiling + 1e-4, f"OR {h}"
        if not pd.isna(row["bed_days"]):
            assert beds.get(h, 0) <= row["bed_days"] * bed_ceiling + 1e-4, f"beds {h}"
    # whole patients when every volume of the year is whole (unless asked otherwise)
    if not options.fractional and (base["cases"] % 1 == 0).all():
        assert (flows["cases"] - flows["cases"].round()).abs().max() < 1e-6, "whole"
    norms = dict(cf["volume_norm"].fillna(0))
    norms.update(options.norms)
    performed = flows.groupby(["performing_hospital", "care_form_id"])["cases"].sum()
    for (h, c), cases in performed.items():
        assert cases <= EPS or cases >= norms[c] - 1e-5, f"norm {h} {c}: {cases}"
        allowed = cf.loc[c, "allowed_types"]
        if isinstance(allowed, str):
            assert hospitals.loc[h, "type"] in [t.strip() for t in allowed.split(",")], (h, c)
    for c, k in cf["max_hospitals"].dropna().items():
        assert (
            (performed.xs(c, level=1) > EPS).sum() <= k
            if c in performed.index.get_level_values(1)
            else True
        )
    if not options.free_moves:
        agreed = set(
            valid_in_year(wb.agreements, year)[
                ["care_form_id", "sending_hospital", "performing_hospital"]
            ].itertuples(index=False, name=None)
        )
        status_quo = set(
            base[["care_form_id", "hospital_id", "performing_hospital"]].itertuples(
                index=False, name=None
            )
        )
        proposed = {
            (p.care_form_id, p.sending_hospital, p.performing_hospital): p
            for p in result.proposals.itertuples(index=False)
        }
        if options.propose is False:
            assert not proposed
        for o, c, h, cases in flows[FLOW_KEY].itertuples(index=False):
            if o != h and cases > EPS:
                key = (c, o, h)
                if key in agreed or key in status_quo:
                    assert key not in proposed, key
                    continue
                # a move no agreement covers is a proposal, with its cases and travel
                assert key in proposed, key
                assert proposed[key].cases == pytest.approx(cases)
                assert proposed[key].travel_minutes <= options.proposal_travel + 1e-9
                assert proposed[key].travel_minutes == pytest.approx(travel(wb, o, h))
        flows_of = flows.set_index(["care_form_id", "sending_hospital", "performing_hospital"])[
            "cases"
        ]
        for key, p in proposed.items():
            assert flows_of.get(key, 0.0) == pytest.approx(p.cases) and p.cases > EPS
    else:
        assert result.proposals.empty
    for h, c, k in wb.keep[["hospital_id", "care_form_id", "min_cases"]].itertuples(index=False):
        assert performed.get((h, c), 0) >= k - 1e-5
    if options.max_move_share is not None:
        # moves against today's flows: cases above today's on every arc, own arcs included
        today = base.groupby(["hospital_id", "care_form_id", "performing_hospital"])["cases"].sum()
        today.index.names = ["sending_hospital", "care_form_id", "performing_hospital"]
        now = flows.groupby(["sending_hospital", "care_form_id", "performing_hospital"])[
            "cases"
        ].sum()
        excess = now.sub(today, fill_value=0.0).clip(lower=0)
        moved = excess.groupby(level=0).sum()
        total = base.groupby("hospital_id")["cases"].sum()
        for o, m in moved.items():
            assert m <= options.max_move_share * total[o] + 1e-5, o
    if options.max_travel is not None:
        for o, _c, h, cases in flows[FLOW_KEY].itertuples(index=False):
            assert o == h or cases <= EPS or travel(wb, o, h) <= options.max_travel + 1e-9


FLOW_KEY = ["sending_hospital", "care_form_id", "performing_hospital", "cases"]


def travel(wb, o, h):
    """Minutes from the travel sheet, else 1.3 × great-circle km (SPEC §6.2), recomputed here."""
    t = wb.travel[(wb.travel["from_hospital"] == o) & (wb.travel["to_hospital"] == h)]
    if len(t):
        return float(t["minutes"].iloc[0])
    pos = wb.hospitals.set_index("hospital_id")
    lat1, lon1, lat2, lon2 = np.radians(
        [pos.at[o, "lat"], pos.at[o, "lon"], pos.at[h, "lat"], pos.at[h, "lon"]]
    )
    a = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return 1.3 * 2 * 6371.0 * float(np.arcsin(np.sqrt(a)))


@pytest.fixture(scope="module")
def sample(sample_book):
    return sample_book


@pytest.mark.parametrize(
    "options",
    [
        Options(),
        Options(integer=True),
        Options(free_moves=True, w_move=10, norms={"rectumcarcinoom": 40}),
        Options(free_moves=True, max_travel=25, max_move_share=0.3),
        Options(max_margin_loss=0.5, w_move=5),
    ],
    ids=["default", "integer", "free-norm40", "travel-share", "margin"],
)
def test_sample_optimum_satisfies_every_constraint(sample, options):
    r = optimize(sample, 2026, options)
    assert r.status == "optimal", r.violations
    recheck(sample, 2026, options, r)
    if options.integer:
        assert np.allclose(r.flows["cases"], r.flows["cases"].round())


def test_raising_a_norm_forces_concentration(sample):
    def performers(options):
        f = optimize(sample, 2026, options).flows
        rectum = f[(f["care_form_id"] == "rectumcarcinoom") & (f["cases"] > EPS)]
        return rectum["performing_hospital"].nunique()

    at_20 = performers(Options(free_moves=True))
    at_40 = performers(Options(free_moves=True, norms={"rectumcarcinoom": 40}))
    total = sample.volumes.query("year == 2026 and care_form_id == 'rectumcarcinoom'")[
        "cases"
    ].sum()
    assert at_40 < at_20
    assert at_40 <= total // 40


def test_highs_and_cbc_agree(sample):
    a = optimize(sample, 2026, Options(solver="highs"))
    b = optimize(sample, 2026, Options(solver="cbc"))
    assert a.status == b.status == "optimal"
    assert a.objective == pytest.approx(b.objective, rel=1e-6)


def test_norm_40_without_proposals_is_explained(sample):
    r = optimize(sample, 2026, Options(norms={"rectumcarcinoom": 40}, propose=False))
    assert r.status == "infeasible"
    messages = rendered(r.violations["message"])
    assert messages.str.contains("rectumcarcinoom at .*norm 40", regex=True).any()
    assert "lower the rectumcarcinoom norm to" in " ".join(rendered(r.advice))


def test_manual_scenario_moves_the_agreed_share():
    """Share 0.5 of AAA's 10 own cases moves to BBB: AAA keeps 5, BBB performs 4 + 5 = 9."""
    s = tiny_sheets()
    wb = load_frames(s)
    f = manual_flows(wb, 2025).groupby("performing_hospital")["cases"].sum()
    assert f.to_dict() == {"AAA": 5.0, "BBB": 9.0}


def test_cli_optimize_exit_codes_and_json():
    runner = CliRunner()
    ok = runner.invoke(main, ["optimize", str(SAMPLE), "--year", "2026", "--json"])
    assert ok.exit_code == 0, ok.output
    doc = json.loads(ok.output)
    assert doc["status"] == "optimal" and doc["flows"] and doc["shadow_prices"]
    # the JSON keeps the SPEC's names (§8)
    assert {"origin", "care_form_id", "performing_hospital_id", "cases"} <= set(doc["flows"][0])
    assert {"hospital_id", "care_form_id", "cases", "norm", "meets_norm"} <= set(doc["norms"][0])
    bad = runner.invoke(
        main,
        [
            "optimize",
            str(SAMPLE),
            "--year",
            "2026",
            "--norm",
            "rectumcarcinoom=40",
            "--no-propose",
            "--json",
        ],
    )
    assert bad.exit_code == 2
    doc = json.loads(bad.output)
    assert doc["status"] == "infeasible" and doc["violations"] and not doc["flows"]
    assert doc["advice"] and "verlaag de norm voor rectumcarcinoom" in doc["advice"][0]
    unknown = runner.invoke(main, ["optimize", str(SAMPLE), "--year", "2026", "--norm", "knie=3"])
    assert unknown.exit_code == 1 and "knie" in unknown.output


def test_cli_scenario_and_exports(tmp_path):
    runner = CliRunner()
    out = tmp_path / "scenario.xlsx"
    r = runner.invoke(main, ["scenario", str(SAMPLE), "--year", "2026", "--out", str(out)])
    assert r.exit_code == 0, r.output
    from openpyxl import load_workbook

    assert load_workbook(out).sheetnames == [
        "Stromen",
        "Capaciteit",
        "Normen",
        "Geld",
        "Uitgangspunten",
    ]
    out2 = tmp_path / "opt.xlsx"
    r = runner.invoke(main, ["optimize", str(SAMPLE), "--year", "2026", "--out", str(out2)])
    assert r.exit_code == 0
    assert "Schaduwprijzen" in load_workbook(out2).sheetnames


def test_agreements_valid_only_later_do_not_open_moves():
    """AAA has OR time for 1 of its 10 cases; the agreement with BBB starts only in 2026: without
    proposals that is infeasible; with them, AAA → BBB is proposed as a *new* agreement."""
    s = tiny_sheets()
    s["agreements"]["valid_from"] = [dt.date(2026, 1, 1)]
    s["volumes"] = s["volumes"].iloc[[0]]
    s["hospitals"]["or_minutes"] = [100, 20000]
    wb = load_frames(s)
    assert optimize(wb, 2025, Options(propose=False)).status == "infeasible"
    r = optimize(wb, 2025)
    assert r.status == "optimal_with_proposals"
    p = r.proposals.iloc[0]
    assert (p.care_form_id, p.sending_hospital, p.performing_hospital) == ("lies", "AAA", "BBB")
    assert p.cases == pytest.approx(10)  # norm 10: AAA cannot keep 1 case, all 10 go
    recheck(wb, 2025, Options(), r)


def test_time_limit_without_incumbent_reports_no_flows(sample):
    """A time limit far too short for any incumbent: status time_limit, no flows, exit 2."""
    options = Options(time_limit=0.001, free_moves=True, norms={"rectumcarcinoom": 40})
    r = optimize(sample, 2026, options)
    assert r.status == "time_limit" and r.flows.empty and r.gap is None
    runner = CliRunner()
    out = runner.invoke(
        main,
        [
            "optimize",
            str(SAMPLE),
            "--year",
            "2026",
            "--free-moves",
            "--norm",
            "rectumcarcinoom=40",
            "--time-limit",
            "0.001",
            "--json",
        ],
    )
    assert out.exit_code == 2
    assert json.loads(out.output)["status"] == "time_limit"


def test_a_tight_margin_guardrail_is_blamed_on_the_margin(sample):
    """Norms force KZH to give up colon surgery; a 5 % guardrail cannot hold for KZH. The
    slacks are weighed relative to their limits, so the margin, not a norm, is reported."""
    r = optimize(sample, 2026, Options(max_margin_loss=0.05, propose=False))
    assert r.status == "infeasible"
    assert r.violations["constraint"].str.startswith("margin[").all()
    assert rendered(r.violations["message"]).str.contains("margin of KZH drops").any()


def test_scenario_for_a_year_without_volumes_is_invalid_input():
    runner = CliRunner()
    out = runner.invoke(main, ["scenario", str(SAMPLE), "--year", "2019"])
    assert out.exit_code == 1 and "2019" in out.output


def test_optimize_workbook_reads_back_the_same_flows(sample, tmp_path):
    from optimizer.report import write_optimize

    result = optimize(sample, 2026)
    path = tmp_path / "opt.xlsx"
    write_optimize(result, path)
    back = pd.read_excel(path, sheet_name="Stromen", engine="calamine")
    assert back["patiënten"].to_numpy() == pytest.approx(result.flows["cases"].to_numpy())
    assert back["verwijzend ziekenhuis"].tolist() == result.flows["sending_hospital"].tolist()


@settings(max_examples=10, deadline=None)  # new instances every run; ~0.3 s each
@given(
    demand=st.lists(st.integers(0, 30), min_size=3, max_size=3),
    capacity=st.lists(st.integers(0, 3000), min_size=3, max_size=3),
    norm=st.integers(0, 25),
)
def test_random_three_hospital_instances(demand, capacity, norm):
    """Any small instance is either solved with every constraint holding, or explained."""
    s = tiny_sheets()
    ids = ["AAA", "BBB", "CCC"]
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
    options = Options(free_moves=True)
    if sum(demand) == 0:
        return
    r = optimize(wb, 2025, options)
    if r.status == "optimal":
        recheck(wb, 2025, options, r)
    else:
        assert r.status == "infeasible" and len(r.violations) > 0
        assert (r.violations["amount"] > 0).all()


def test_a_solver_that_cannot_be_used_is_the_users_choice_in_their_language(monkeypatch):
    """An unknown or missing solver is a finding (exit 1) by code, not English free text."""
    from optimizer.solver import make_solver

    with pytest.raises(SpreidingInputError) as unknown:
        make_solver(Options(solver="gurobi"))
    finding = unknown.value.findings[0]
    assert finding.code == "opt_unknown_solver" and finding.params == {"solver": "gurobi"}
    assert finding.render("nl") == "onbekende solver 'gurobi'; kies highs of cbc"
    assert finding.render("en") == "unknown solver 'gurobi'; choose highs or cbc"
    import pulp

    monkeypatch.setattr(pulp.PULP_CBC_CMD, "available", lambda self: False)
    # the patch lives in this process: the CLI's solve runs here, not in a worker process
    monkeypatch.setenv("SPREIDING_ISOLATION", "off")
    with pytest.raises(SpreidingInputError) as missing:
        make_solver(Options(solver="cbc"))
    finding = missing.value.findings[0]
    assert finding.code == "opt_solver_missing"
    assert "niet beschikbaar" in finding.render("nl") and "not available" in finding.render("en")
    for lang, words in (("nl", "niet beschikbaar"), ("en", "not available")):
        done = CliRunner().invoke(
            main,
            ["--lang", lang, "optimize", str(SAMPLE), "--year", "2026", "--solver", "cbc"],
        )
        assert done.exit_code == 1 and words in done.output, done.output


def test_an_optimizer_bug_is_a_code_rendered_per_language_and_survives_pickling():
    import pickle

    exc = OptimizerError("opt_worker_failed", kind="MemoryError", detail="")
    back = pickle.loads(pickle.dumps(exc))
    assert type(back) is OptimizerError and back.code == exc.code and back.params == exc.params
    assert back.render("nl").startswith("een rekenproces kon het model niet opbouwen")
    assert str(back) == back.render("en")
    bug = OptimizerError("opt_unbounded")
    assert "onbegrensd" in bug.render("nl") and "unbounded" in bug.render("en")


def test_an_optimizer_bug_in_the_cli_is_exit_3_in_the_readers_language(monkeypatch):
    import optimizer.goals as goals_module

    def unbounded(*args, **kwargs):
        raise OptimizerError("opt_unbounded")

    monkeypatch.setattr(goals_module, "solve_model", unbounded)
    monkeypatch.setenv("SPREIDING_ISOLATION", "off")  # the patch lives in this process
    for lang, words in (("nl", "fout: het model is onbegrensd"), ("en", "error: the model is")):
        done = CliRunner().invoke(main, ["--lang", lang, "optimize", str(SAMPLE), "--year", "2026"])
        assert done.exit_code == 3 and words in done.output, done.output

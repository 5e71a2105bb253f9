"""Multi-year projection: arithmetic checked on paper, the exports, the CLI and a clean Ctrl-C."""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from calculator.errors import SpreidingInputError
from calculator.validate import load_frames
from optimizer.projection import grown, growth_rates, project
from spreiding.cli import main
from tests.conftest import ROOT, SAMPLE, tiny_sheets, write_xlsx


def two_year_sheets() -> dict[str, pd.DataFrame]:
    """A sends 20 % of its 100 patients to B in 2025 (referral); the share rises to 50 % from
    2027 (phase). Growth 10 %/year, 20 % for B's own patients. Full price € 1.000,00 in 2025,
    indexed +10 % in 2026 and +5 % in 2027. B has one insurer paying 90 % of the benchmark in
    2025 only; the projection keeps that contract. Norm 61 cases, 100 OR minutes a case."""
    s = tiny_sheets()
    s["hospitals"] = pd.DataFrame(
        {
            "hospital_id": ["AAA", "BBB"],
            "name": ["A", "B"],
            "type": ["algemeen", "algemeen"],
            "or_minutes": [20000, 12000],
            "or_max_utilisation": 1.0,  # the hand maths uses the whole capacity
        }
    )
    s["care_forms"] = s["care_forms"].assign(
        or_minutes_per_case=[100], los_days=[0.0], volume_norm=[61], variable_cost_share=[0.5]
    )
    s["products"] = s["products"].iloc[:1]
    s["prices"] = s["prices"].iloc[:1]
    s["indexation"] = pd.DataFrame({"year": [2026, 2027], "rate": [0.10, 0.05]})
    s["volumes"] = pd.DataFrame(
        {
            "year": [2025, 2025, 2025],
            "hospital_id": ["AAA", "AAA", "BBB"],
            "care_form_id": ["lies"] * 3,
            "cases": [80, 20, 50],
            "performing_hospital_id": [None, "BBB", None],
        }
    )
    s["agreements"] = s["agreements"].assign(mode=["referral"], share=[0.2])
    s["phases"] = pd.DataFrame({"agreement_id": ["AG1"], "year": [2027], "share": [0.5]})
    s["growth"] = pd.DataFrame(
        {"care_form_id": ["lies", "lies"], "hospital_id": [None, "BBB"], "rate": [0.10, 0.20]}
    )
    s["insurer_contracts"] = pd.DataFrame(
        {
            "hospital_id": ["BBB"],
            "year": [2025],
            "insurer": ["Alfa"],
            "share": [1.0],
            "price_factor": [0.9],
        }
    )
    return s


@pytest.fixture(scope="module")
def projection():
    return project(load_frames(two_year_sheets()), 2025, 2027)


def cell(frame: pd.DataFrame, year: int, hospital: str, column: str) -> object:
    row = frame[(frame["year"] == year) & (frame["hospital_id"] == hospital)]
    return row[column].iloc[0]


def test_cases_grow_exactly_and_shares_shift_by_phase(projection):
    """2026: A→A 80 × 1,1 = 88, A→B 20 × 1,1 = 22, B→B 50 × 1,2 = 60.
    2027: the share rises 0,2 → 0,5, so 0,3 × 100 = 30 more of A's base demand moves:
    A→A (80 − 30) × 1,1² = 60,5; A→B (20 + 30) × 1,21 = 60,5; B→B 50 × 1,44 = 72."""
    f = projection.flows.set_index(["year", "sending_hospital", "performing_hospital"])["cases"]
    assert f[(2026, "AAA", "AAA")] == Decimal("88")
    assert f[(2026, "AAA", "BBB")] == Decimal("22")
    assert f[(2026, "BBB", "BBB")] == Decimal("60")
    assert f[(2027, "AAA", "AAA")] == Decimal("60.5")
    assert f[(2027, "AAA", "BBB")] == Decimal("60.5")
    assert f[(2027, "BBB", "BBB")] == Decimal("72")
    assert all(isinstance(v, Decimal) for v in projection.flows["cases"])
    assert cell(projection.hospitals, 2027, "BBB", "cases") == Decimal("132.5")


def test_growth_is_exact_decimal_over_years():
    """100 × 1,03³ = 109,272700 exactly; a hospital row wins over the care form's row."""
    wb = load_frames(two_year_sheets())
    origins = pd.DataFrame({"sending_hospital": ["AAA", "BBB"], "care_form_id": ["lies", "lies"]})
    assert list(growth_rates(wb, origins)) == [0.10, 0.20]
    flows = pd.DataFrame({"cases": [Decimal("100")]})
    assert grown(flows, pd.Series([0.03]), 3).iloc[0] == Decimal("109.272700")


def test_money_capacity_and_norms_per_year(projection):
    """2027: price € 1.000 × 1,1 × 1,05 = € 1.155,00. B declares 132,5 cases at 90 % (the 2025
    contract kept): 132,5 × 103.950 cents = 13.773.375; A 60,5 × 115.500 = 6.987.750.
    Variable cost at B 132,5 × 57.750 = 7.651.875, margin 6.121.500. OR at B: 13.250 of 12.000
    minutes in 2027 (8.200 in 2026): above its ceiling (the whole capacity here) in 2027.
    A performs 60,5 < 61."""
    h = projection.hospitals
    assert cell(h, 2027, "BBB", "revenue_cents") == 13_773_375
    assert cell(h, 2027, "AAA", "revenue_cents") == 6_987_750
    assert cell(h, 2027, "BBB", "variable_cost_cents") == 7_651_875
    assert cell(h, 2027, "BBB", "margin_cents") == 6_121_500
    assert cell(h, 2027, "BBB", "settlement_cents") == 0
    assert cell(h, 2026, "BBB", "or_minutes_used") == pytest.approx(8200)
    assert cell(h, 2027, "BBB", "or_minutes_used") == pytest.approx(13250)
    cap = projection.capacity.set_index("hospital_id")
    assert cap.loc["BBB", "or_full_year"] == 2027
    assert pd.isna(cap.loc["AAA", "or_full_year"])
    assert cell(h, 2027, "AAA", "norms_missed") == 1
    assert cell(h, 2026, "AAA", "norms_met") == 1
    assert ("proj_note_contracts", {"hospital": "BBB", "year": 2027, "source_year": 2025}) in (
        projection.notes
    )


def test_base_year_is_the_volumes_themselves(projection):
    base = projection.flows[projection.flows["year"] == 2025]
    assert sorted(base["cases"]) == [Decimal("20"), Decimal("50"), Decimal("80")]


def test_a_share_that_falls_returns_cases_home():
    s = two_year_sheets()
    s["phases"] = pd.DataFrame({"agreement_id": ["AG1"], "year": [2026], "share": [0.0]})
    s["growth"] = s["growth"].iloc[:0]
    p = project(load_frames(s), 2025, 2026)
    f = p.flows[p.flows["year"] == 2026].set_index(["sending_hospital", "performing_hospital"])[
        "cases"
    ]
    assert f[("AAA", "AAA")] == Decimal("100")
    assert ("AAA", "BBB") not in f.index


def test_phases_are_checked_on_input():
    """A phase of an unknown agreement, and phases that lift A's shares above 1 in 2027."""
    s = two_year_sheets()
    s["hospitals"] = pd.concat(
        [s["hospitals"], s["hospitals"].iloc[[1]].assign(hospital_id="CCC", name="C")]
    ).reset_index(drop=True)
    s["agreements"] = pd.concat(
        [s["agreements"], s["agreements"].assign(agreement_id="AG2", performing_hospital="CCC")]
    ).reset_index(drop=True)
    s["phases"] = pd.DataFrame(
        {
            "agreement_id": ["AG1", "AG2", "AG9"],
            "year": [2027, 2027, 2027],
            "share": [0.6, 0.5, 0.1],
        }
    )
    with pytest.raises(SpreidingInputError) as err:
        load_frames(s)
    found = {(f.sheet, f.column): f.expected for f in err.value.findings}
    assert "on sheet 'agreements'" in found[("phases", "agreement_id")]
    assert "in 2027 sum to more than 1" in found[("agreements", "share")]


def test_sample_projects_to_2030_with_capacity_running_out(sample_book):
    p = project(sample_book, 2025, 2030)
    assert p.years == (2025, 2026, 2027, 2028, 2029, 2030)
    assert p.capacity["or_full_year"].notna().any()
    region = p.hospitals.groupby("year")["cases"].agg(lambda s: float(sum(s)))
    assert region.is_monotonic_increasing


@pytest.fixture
def cli():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_cli_json_and_workbook(cli, tmp_path):
    book = write_xlsx(tmp_path / "b.xlsx", two_year_sheets())
    out = tmp_path / "p.xlsx"
    result = cli("project", book, "--from", 2025, "--to", 2027, "--json", "--out", out)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["years"] == [2025, 2026, 2027]
    row = next(r for r in doc["hospitals"] if r["year"] == 2027 and r["hospital_id"] == "BBB")
    assert row["cases_exact"] == "132.5"
    assert row["revenue_cents"] == 13_773_375
    assert any("2025" in a for a in doc["assumptions"])
    sheets = load_workbook(out).sheetnames
    assert sheets[:3] == ["Casussen", "OK-minuten", "OK-benutting"]
    assert {"Omzet", "Verrekening", "Marge", "Capaciteit", "Uitgangspunten"} <= set(sheets)
    ws = load_workbook(out)["Omzet"]
    header = [c.value for c in ws[1]]
    assert header == ["Ziekenhuis", "2025", "2026", "2027"]
    rows = {r[0]: r[1:] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["BBB"][2] == pytest.approx(137_733.75)
    assert rows["Regio"][2] == pytest.approx(137_733.75 + 69_877.50)


def test_cli_human_output_in_both_languages(cli, tmp_path):
    book = write_xlsx(tmp_path / "b.xlsx", two_year_sheets())
    nl = cli("project", book, "--from", 2025, "--to", 2027)
    assert nl.exit_code == 0, nl.output
    assert "Meerjarige projectie 2025–2027" in nl.output
    assert "BBB komt in 2027 boven het planningsplafond van zijn OK-capaciteit" in nl.output
    en = cli("--lang", "en", "project", book, "--from", 2025, "--to", 2027)
    assert "BBB goes above the planning ceiling of its OR capacity in 2027" in en.output


def test_cli_year_without_volumes_is_invalid_input(cli):
    result = cli("project", SAMPLE, "--from", 2031, "--to", 2032)
    assert result.exit_code == 1
    assert "aanwezige jaren: 2024, 2025, 2026" in result.output


def test_cli_missing_indexation_names_product_and_year(cli, tmp_path):
    book = write_xlsx(tmp_path / "b.xlsx", two_year_sheets())
    result = cli("project", book, "--from", 2025, "--to", 2028)
    assert result.exit_code == 1
    assert "2028" in result.output and "012345678" in result.output


def run_and_interrupt(args: list[str], wait_for: str, tmp_path) -> subprocess.CompletedProcess:
    """Start ``spreiding ARGS`` with progress as lines, send SIGINT once ``wait_for`` appears
    on stderr, and collect what it printed."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "SPREIDING_PROGRESS": "lines"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "spreiding.cli", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 60
    seen = ""
    assert proc.stderr is not None
    while wait_for not in seen and time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        seen += line
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(args, proc.returncode, out, seen + err)


def test_ctrl_c_stops_cleanly(tmp_path):
    out = tmp_path / "p.xlsx"
    done = run_and_interrupt(
        ["project", str(SAMPLE), "--from", "2025", "--to", "2030", "--out", str(out)],
        "1/6",
        tmp_path,
    )
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr
    assert "Afgebroken met Ctrl-C" in done.stderr
    assert not out.exists()
    assert not list(tmp_path.glob(".p.xlsx.*"))


def test_agreement_dates_need_no_phase():
    """Without phases or growth the projection of a year equals its base flows grown by 0."""
    s = two_year_sheets()
    s["phases"] = s["phases"].iloc[:0]
    s["growth"] = s["growth"].iloc[:0]
    s["agreements"].loc[0, "valid_to"] = dt.date(2026, 12, 31)
    p = project(load_frames(s), 2025, 2027)
    f = p.flows[p.flows["year"] == 2027].set_index(["sending_hospital", "performing_hospital"])[
        "cases"
    ]
    # the agreement ended: its share 0,2 of A's demand returns home
    assert f[("AAA", "AAA")] == Decimal("100")

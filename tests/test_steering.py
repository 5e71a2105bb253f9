"""Quarterly steering (issue 20, item 2): golden cases by hand, and the CLI."""

from __future__ import annotations

import datetime as dt
import json

import pandas as pd
import pytest
from click.testing import CliRunner

from calculator.steering import steer
from calculator.validate import load_frames
from spreiding.cli import main
from tests.conftest import tiny_sheets, write_xlsx
from tests.test_settle_findings import FULL, ING, registrations

D = dt.date


def odv_year():
    """ODV agreement AG1 AAA → BBB; AAA's insurer Z has a cap of € 8.000 (full product
    € 1.000). Moved cases (a declared DBC at AAA with BBB's ODV DBC) start on 10 Feb, 20 Feb,
    10 Mar (Q1), 5 May, 10 Jun (Q2) and 15 Jul (Q3). Plan: 4 cases a quarter."""
    s = tiny_sheets()
    s["insurer_contracts"] = pd.DataFrame(
        {
            "hospital_id": ["AAA"],
            "year": [2025],
            "insurer": ["Z"],
            "share": [1.0],
            "revenue_cap": [8000.0],
        }
    )
    days = [D(2025, 2, 10), D(2025, 2, 20), D(2025, 3, 10), D(2025, 5, 5), D(2025, 6, 10),
            D(2025, 7, 15)]  # fmt: skip
    rows = []
    for i, day in enumerate(days):
        rows.append(
            (f"A{i}", f"P{i}", "AAA", FULL, "Z", day, day + dt.timedelta(days=5), "nee", None)
        )
        rows.append((f"B{i}", f"P{i}", "BBB", ING, None, day, day, "ja", "AAA"))
    s["registrations"] = registrations(rows)
    s["planning"] = pd.DataFrame(
        {"agreement_id": "AG1", "year": 2025, "quarter": [1, 2, 3, 4], "planned_cases": 4.0}
    )
    return s


def test_quarters_forecast_and_a_cap_warning():
    """Until 30 June 2025 (181 of 365 days): Q1 realised 3 of 4, Q2 2 of 4, Q3 and Q4 not
    begun (the July case is not counted). Planned to date 8, realised 5; forecast at this pace
    5 × 365 / 181 = 10,08 cases (plan 16).

    Cap: AAA declared 5 × € 1.000 = € 5.000 to Z by 30 June; at this pace € 5.000 × 365 / 181
    = € 10.082,87 for the year, over the € 8.000 cap: reached on day ⌈8.000 × 181 / 5.000⌉ =
    ⌈289,6⌉ = 290, 17 October."""
    s = steer(load_frames(odv_year()), 2025, D(2025, 6, 30))
    q = s.quarters.set_index("quarter")
    assert q["status"].tolist() == ["closed", "closed", "ahead", "ahead"]
    assert q["realised_cases"].tolist()[:2] == [3.0, 2.0]
    assert q["realised_cases"].isna().tolist() == [False, False, True, True]
    a = s.agreements.set_index("agreement_id").loc["AG1"]
    assert (a["planned_to_date"], a["realised_to_date"], a["planned_year"]) == (8.0, 5.0, 16.0)
    assert a["forecast_year"] == pytest.approx(5 * 365 / 181)
    w = s.warnings.iloc[0]
    assert (w["hospital_id"], w["insurer"], w["revenue_cap_cents"]) == ("AAA", "Z", 800_000)
    assert (w["declared_to_date_cents"], w["forecast_year_cents"]) == (500_000, 1_008_287)
    assert w["reached_on"] == D(2025, 10, 17) and w["reached_month"] == 10
    assert not w["already_reached"]


def test_the_current_quarter_counts_its_days_so_far():
    """Until 15 August: Q3 is current with the 15 July case; planned to date 4 + 4 + 4 × 46/92
    (1 July – 15 August is 46 of Q3's 92 days) = 10."""
    s = steer(load_frames(odv_year()), 2025, D(2025, 8, 15))
    q = s.quarters.set_index("quarter")
    assert q["status"].tolist() == ["closed", "closed", "current", "ahead"]
    assert q["realised_cases"].tolist()[:3] == [3.0, 2.0, 1.0]
    a = s.agreements.set_index("agreement_id").loc["AG1"]
    assert a["planned_to_date"] == pytest.approx(10.0)


def test_period_tagged_volumes_count_pro_rata_up_to_the_day():
    """Referral AAA → BBB, volumes only: 12 cases from 1 May to 31 August (123 days). Until
    30 June: 61 of the 123 days are in, 12 × 61/123 = 5,95 cases, all in Q2. No planning
    sheet: the agreement's 20 planned cases a year are 5 a quarter."""
    s = tiny_sheets()
    s["agreements"] = s["agreements"].assign(mode="referral", planned_cases=[20.0])
    s["volumes"] = pd.DataFrame(
        {
            "year": [2025],
            "hospital_id": ["AAA"],
            "care_form_id": ["lies"],
            "cases": [12],
            "performing_hospital_id": ["BBB"],
            "period_from": [D(2025, 5, 1)],
            "period_to": [D(2025, 8, 31)],
        }
    )
    st = steer(load_frames(s), 2025, D(2025, 6, 30))
    q = st.quarters.set_index("quarter")["realised_cases"]
    assert q[1] == 0 and q[2] == pytest.approx(12 * 61 / 123)
    a = st.agreements.set_index("agreement_id").loc["AG1"]
    assert (a["planned_year"], a["planned_to_date"], a["plan_source"]) == (20.0, 10.0, "yearly")
    assert [n.code for n in st.notes] == ["monitor_note_plan_yearly"]


def test_monitor_cli_json_workbook_and_a_day_outside_the_year(tmp_path):
    book = write_xlsx(tmp_path / "b.xlsx", odv_year())
    out = tmp_path / "m.xlsx"
    runner = CliRunner()
    r = runner.invoke(
        main,
        [
            "monitor",
            str(book),
            "--year",
            "2025",
            "--until",
            "2025-06-30",
            "--json",
            "--out",
            str(out),
        ],
    )
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["cap_warnings"][0]["reached_month"] == "oktober"
    assert "in oktober bereikt" in doc["warnings"][0]
    assert [q["realised_cases"] for q in doc["quarters"]] == [3.0, 2.0, None, None]
    sheets = pd.read_excel(out, sheet_name=None, engine="calamine")
    assert list(sheets) == ["Kwartaalsturing", "Plafondsignalen", "Uitgangspunten"]
    assert sheets["Plafondsignalen"]["maand"].tolist() == ["oktober"]
    text = runner.invoke(
        main, ["--lang", "en", "monitor", str(book), "--year", "2025", "--until", "30-06-2025"]
    )
    assert text.exit_code == 0 and "reached in October" in text.output
    bad = runner.invoke(main, ["monitor", str(book), "--year", "2025", "--until", "2026-01-05"])
    assert bad.exit_code == 1 and "--until moet een dag in 2025 zijn" in bad.output


def test_the_sample_region_warns_before_year_end(sample_book):
    """The sample's plan (sheet planning) and ZDL's cap with Delta Polis, already reached by
    30 September 2025 (its 2025 settlement leaves revenue unpaid above the cap)."""

    s = steer(sample_book, 2025, D(2025, 9, 30))
    assert set(s.agreements["plan_source"]) >= {"planning"}
    assert ("ZDL", "Delta Polis") in set(
        zip(s.warnings["hospital_id"], s.warnings["insurer"], strict=True)
    )

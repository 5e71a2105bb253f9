"""Audit for horizontal supervision (issue 20, item 6): every output carries the run id, the
input's SHA-256, the version and the options; ``settle --compare`` lists what changed."""

from __future__ import annotations

import json

import pandas as pd
from click.testing import CliRunner

from spreiding.cli import main
from tests.conftest import tiny_sheets, write_xlsx


def basis(path) -> dict[str, str]:
    frame = pd.read_excel(path, sheet_name="Uitgangspunten", engine="calamine").dropna(how="all")
    return dict(zip(frame.iloc[:, 0], frame.iloc[:, 1].astype(str), strict=True))


def test_json_and_workbooks_carry_the_audit_record(tmp_path):
    book = write_xlsx(tmp_path / "b.xlsx", tiny_sheets())
    runner = CliRunner()
    out = tmp_path / "v.xlsx"
    r = runner.invoke(
        main,
        ["settle", str(book), "--year", "2025", "--source", "volumes", "--json", "--out", str(out)],
    )
    assert r.exit_code == 0, r.output
    audit = json.loads(r.output)["audit"]
    assert len(audit["run_id"]) == 32 and audit["command"] == "settle"
    assert audit["input_sha256"] == json.loads(r.output)["input"]["sha256"]
    assert audit["options"] == {"year": "2025", "source": "volumes", "year_basis": "start"}
    assert audit["version"]
    rows = basis(out)
    assert rows["run-id"] == audit["run_id"]
    assert (
        rows["opdracht en opties"]
        == "spreiding settle --year 2025 --source volumes --year-basis start"
    )
    assert rows["SHA-256 invoer"] == audit["input_sha256"]
    steering = tmp_path / "m.xlsx"
    m = runner.invoke(
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
            str(steering),
        ],
    )
    assert m.exit_code == 0, m.output
    maudit = json.loads(m.output)["audit"]
    assert maudit["options"] == {"year": "2025", "until": "2025-06-30"}
    assert maudit["run_id"] != audit["run_id"]
    assert basis(steering)["run-id"] == maudit["run_id"]


def test_compare_lists_what_changed_per_hospital_and_kind(tmp_path):
    """Before: AAA sends 4 lies cases to BBB under ODV (4 × € 700 = € 2.800). Now 6 cases:
    ODV € 4.200; AAA declares 16 × € 1.000 = € 16.000 instead of € 14.000. Changes: AAA
    declared and paid +2.000, ODV payable +1.400, net position −1.400; BBB ODV receivable and
    net position +1.400. Nothing else."""
    runner = CliRunner()
    before = write_xlsx(tmp_path / "voor.xlsx", tiny_sheets())
    previous = tmp_path / "vorige.xlsx"
    args = ["--year", "2025", "--source", "volumes"]
    assert (
        runner.invoke(main, ["settle", str(before), *args, "--out", str(previous)]).exit_code == 0
    )
    s = tiny_sheets()
    s["volumes"] = s["volumes"].assign(cases=[10, 6])
    after = write_xlsx(tmp_path / "na.xlsx", s)
    out = tmp_path / "nu.xlsx"
    r = runner.invoke(
        main, ["settle", str(after), *args, "--compare", str(previous), "--json", "--out", str(out)]
    )
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)["comparison"]
    assert doc["previous"] == "vorige.xlsx" and doc["previous_run_id"] == basis(previous)["run-id"]
    changes = {(c["hospital_id"], c["item"]): c["change_cents"] for c in doc["changes"]}
    assert changes == {
        ("AAA", "insurer_declared_cents"): 200_000,
        ("AAA", "insurer_paid_cents"): 200_000,
        ("AAA", "odv_payable_cents"): 140_000,
        ("AAA", "net_position_cents"): -140_000,
        ("BBB", "odv_receivable_cents"): 140_000,
        ("BBB", "net_position_cents"): 140_000,
    }
    sheet = pd.read_excel(out, sheet_name="Vergelijking", engine="calamine", header=1)
    assert "ODV te betalen" in set(sheet["soort"])
    text = runner.invoke(main, ["settle", str(after), *args, "--compare", str(previous)])
    assert "6 verschillen per ziekenhuis en soort" in text.output
    assert "AAA, ODV te betalen: € 2.800,00 → € 4.200,00 (€ 1.400,00)" in text.output


def test_compare_with_a_file_that_is_no_settlement_workbook(tmp_path):
    book = write_xlsx(tmp_path / "b.xlsx", tiny_sheets())
    r = CliRunner().invoke(main, ["settle", str(book), "--year", "2025", "--compare", str(book)])
    assert r.exit_code == 1
    assert "is geen verrekenwerkboek van spreiding settle" in r.output
    text = tmp_path / "x.xlsx"
    text.write_text("geen werkboek")
    r = CliRunner().invoke(main, ["settle", str(book), "--year", "2025", "--compare", str(text)])
    assert r.exit_code == 1 and "Traceback" not in r.output

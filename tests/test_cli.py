"""The command line through click's runner: exit codes, messages, JSON shape, exports."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from calculator.settlement_export import read_settlement
from spreiding.cli import main
from tests.conftest import SAMPLE, write_xlsx


@pytest.fixture
def cli():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_validate_sample_is_clean(cli):
    result = cli("validate", SAMPLE)
    assert result.exit_code == 0, result.output
    assert "geldig" in result.output
    result = cli("--lang", "en", "validate", SAMPLE)
    assert result.exit_code == 0, result.output
    assert ": valid (" in result.output


def test_findings_render_in_the_chosen_language(cli, tmp_path, tiny):
    tiny["volumes"].loc[1, "cases"] = -2
    book = write_xlsx(tmp_path / "b.xlsx", tiny)
    dutch = cli("validate", book)
    english = cli("--lang", "en", "validate", book)
    assert dutch.exit_code == english.exit_code == 1
    assert "blad 'volumes', rij 3" in dutch.output and "per blad" in dutch.output
    assert "sheet 'volumes', row 3" in english.output and "per sheet" in english.output
    doc = json.loads(cli("--lang", "en", "validate", book, "--json").output)
    assert doc["findings"][0]["code"] and doc["findings"][0]["message"].startswith("sheet")


def test_validate_reports_every_problem_located(cli, tmp_path, tiny):
    tiny["hospitals"].loc[0, "type"] = "kliniek"
    tiny["volumes"].loc[1, "cases"] = -2
    result = cli("validate", write_xlsx(tmp_path / "b.xlsx", tiny), "--json")
    assert result.exit_code == 1
    doc = json.loads(result.output)
    assert doc["problems"] == 2
    assert {(f["sheet"], f["row"], f["column"]) for f in doc["findings"]} == {
        ("hospitals", 2, "type"),
        ("volumes", 3, "cases"),
    }
    assert "2 problemen gevonden:" in cli("validate", tmp_path / "b.xlsx").output


@pytest.mark.parametrize("content", [b"", b"not a workbook", b"PK\x03\x04broken"])
def test_bad_files_exit_1_without_traceback(cli, tmp_path, content):
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    result = cli("validate", path)
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_template_round_trips_through_validation(cli, tmp_path):
    out = tmp_path / "t.xlsx"
    assert cli("template", "--out", out).exit_code == 0
    from openpyxl import load_workbook

    book = load_workbook(out)
    assert "toelichting" in book.sheetnames and "registraties" in book.sheetnames
    assert cli("validate", out).exit_code == 1  # empty sheets: a clear report, not a crash


def test_sample_command_writes_the_sample(cli, tmp_path):
    out = tmp_path / "s.xlsx"
    assert cli("sample", "--out", out).exit_code == 0
    assert cli("validate", out).exit_code == 0


@pytest.mark.parametrize("source", ["combined", "registrations", "volumes"])
def test_settle_json_shape(cli, source):
    result = cli("settle", SAMPLE, "--year", "2025", "--source", source, "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert doc["year"] == 2025 and doc["source"] == source
    hospital = doc["hospitals"][0]
    for field in (
        "hospital_id",
        "insurer_declared_cents",
        "insurer_paid_cents",
        "odv_receivable_cents",
        "odv_payable_cents",
        "secondment_receivable_cents",
        "secondment_payable_cents",
        "net_position_cents",
    ):
        assert isinstance(hospital[field], (int, str)), field
    assert sum(h["net_position_cents"] for h in doc["hospitals"]) == 0
    assert all(p["amount_cents"] > 0 for p in doc["pairs"])
    assert set(doc["lines"][0]) >= {
        "kind",
        "care_form_id",
        "payer",
        "payee",
        "product_code",
        "count",
        "unit_price_cents",
        "amount_cents",
    }
    assert all(doc["invariants"].values())
    assert "patient_id" not in json.dumps(doc["exceptions"])
    kinds = {e["kind"] for e in doc["exceptions"]}
    registration_kinds = {
        "odv_unmatched",
        "odv_duplicate",
        "odv_no_agreement",
        "double_declaration",
        # Delta Polis withdrew its consent to AMS-LIES from 1 October 2025
        "parallel_without_consent",
    }
    if source == "registrations":
        assert kinds == registration_kinds
    if source == "combined":
        # the sample's SAMEN-GAL counts 45 moved cases in registrations and 38 on volumes
        assert kinds == registration_kinds | {"no_agreement", "sources_disagree"}
        assert doc["year_basis"] == "start"


def test_settle_workbook_reads_back_the_same_figures(cli, tmp_path, sample_settled):

    out = tmp_path / "verrekening.xlsx"
    assert cli("settle", SAMPLE, "--year", "2025", "--out", out).exit_code == 0
    back = read_settlement(out)
    result = sample_settled
    for column in result.hospitals.columns[1:]:
        assert back["hospitals"][column].tolist() == result.hospitals[column].tolist(), column
    assert back["payments"]["amount_cents"].tolist() == result.payments["amount_cents"].tolist()
    assert back["pairs"]["net_cents"].tolist() == result.pairs["net_cents"].tolist()
    assert back["lines"]["amount_cents"].tolist() == result.lines["amount_cents"].tolist()
    assert back["caps"]["paid_cents"].tolist() == result.caps["paid_cents"].tolist()
    from openpyxl import load_workbook

    book = load_workbook(out)
    assert book.sheetnames == [
        "Samenvatting",
        "Ondertekening",
        "Omzet",
        "Verrekening",
        "Regels",
        "Uitzonderingen",
        "Monitoring",
        "Detacheringen",
        "Netwerkkosten",
        "Uitgangspunten",
    ]
    summary = book["Samenvatting"]
    assert summary.freeze_panes == "A2" and summary.auto_filter.ref
    assert "€" in summary["B2"].number_format
    basis = [c.value for c in book["Uitgangspunten"]["B"]]
    assert result.input_sha256 in basis


def test_text_that_looks_like_a_formula_is_written_as_text(tmp_path):
    import pandas as pd
    from openpyxl import load_workbook

    from calculator.xlsx_writer import SheetOut, write_book

    path = tmp_path / "x.xlsx"
    write_book(path, [SheetOut("s", pd.DataFrame({"t": ["=1+1", "+31", "-x", "@SUM(A1)"]}))])
    cells = list(load_workbook(path)["s"]["A"])[1:]
    assert [c.data_type for c in cells] == ["s"] * 4
    assert [c.value for c in cells] == ["=1+1", "+31", "-x", "@SUM(A1)"]


def test_settle_unknown_year_is_invalid_input(cli):
    result = cli("settle", SAMPLE, "--year", "2019")
    assert result.exit_code == 1
    assert "2019" in result.output


def test_internal_error_is_one_line_with_exit_3(monkeypatch):
    import calculator.settle

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(calculator.settle, "settle", broken)
    runner = CliRunner()
    quiet = runner.invoke(main, ["--lang", "en", "settle", str(SAMPLE), "--year", "2025"])
    assert quiet.exit_code == 3
    assert "internal error: RuntimeError: boom" in quiet.output
    assert "Traceback" not in quiet.output
    loud = runner.invoke(main, ["--debug", "settle", str(SAMPLE), "--year", "2025"])
    assert loud.exit_code == 3 and "Traceback" in loud.output


def test_validate_a_csv_folder(cli, tmp_path, tiny):
    from tests.conftest import write_csv_folder

    folder = write_csv_folder(tmp_path / "csv", tiny)
    assert cli("validate", folder).exit_code == 0
    assert cli("settle", folder, "--year", "2025", "--json").exit_code == 0


def test_a_reader_that_stops_reading_is_no_error():
    """``spreiding validate BOOK | head -1``: the closed pipe is not reported as a file error."""
    import shutil
    import subprocess

    command = [shutil.which("spreiding") or "spreiding", "validate", str(SAMPLE)]
    run = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert run.stdout is not None and run.stderr is not None
    run.stdout.close()  # before the command writes: its every write meets a closed pipe
    errors = run.stderr.read().decode()
    assert run.wait(timeout=60) == 1
    assert errors == ""

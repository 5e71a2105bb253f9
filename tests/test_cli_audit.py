"""Every output carries the run's audit record (issue 20, item 6): run id, the input's SHA-256,
the product version and the options, in the JSON, the workbook's basis sheet and the text."""

from __future__ import annotations

import hashlib
import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from spreiding.cli import main
from tests.conftest import SAMPLE

SHA = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("command", "args", "shown"),
    [
        ("scenario", ["--year", "2025"], "spreiding scenario --year 2025"),
        ("project", ["--from", "2025", "--to", "2026"], "spreiding project --from 2025 --to 2026"),
        (
            "business-case",
            ["--from", "2025", "--to", "2026"],
            "spreiding business-case --from 2025 --to 2026",
        ),
        (
            "sweep",
            ["--year", "2026", "--care-form", "rectumcarcinoom", "--norms", "20:25:5"],
            "spreiding sweep --year 2026 --care-form rectumcarcinoom --norms 20,25 --solver highs",
        ),
    ],
)
def test_json_workbook_and_text_carry_the_audit_record(tmp_path, command, args, shown):
    runner = CliRunner()
    out = tmp_path / "uit.xlsx"
    run = runner.invoke(main, [command, str(SAMPLE), *args, "--json", "--out", str(out)])
    assert run.exit_code == 0, run.output
    audit = json.loads(run.stdout)["audit"]
    assert audit["command"] == command and audit["input_sha256"] == SHA
    assert len(audit["run_id"]) == 32 and audit["version"]
    basis = load_workbook(out)["Uitgangspunten"]
    cells = [str(c) for row in basis.iter_rows(values_only=True) for c in row if c is not None]
    assert SHA in cells and audit["run_id"] in cells
    assert any(c.startswith(shown) for c in cells)
    text = runner.invoke(main, [command, str(SAMPLE), *args]).stdout
    assert text.rstrip().splitlines()[-1].startswith("Run ")
    assert SHA in text.rstrip().splitlines()[-1] and shown in text

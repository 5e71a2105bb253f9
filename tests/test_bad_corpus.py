"""The bad-input corpus (tests/data/bad, written by its generate.py plus hand-made cases): each
case makes ``spreiding validate`` exit 1 with a located message, the finding it is about, no
traceback and no pseudonym — and the process stays within a bounded amount of memory."""

from __future__ import annotations

import json
import resource
from pathlib import Path

import pytest
from click.testing import CliRunner

from spreiding.cli import main
from tests.data.bad.generate import EXPECTED, LARGE, write_large_cases

BAD = Path(__file__).resolve().parent / "data" / "bad"
MAX_PEAK_RSS_MB = 1500  # the whole test process, after reading every case


def validate(path: Path, *options: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, [*options, "validate", str(path)], catch_exceptions=False)
    return result.exit_code, result.output


def _json(path: Path) -> str:
    result = CliRunner().invoke(
        main, ["--lang", "en", "validate", str(path), "--json"], catch_exceptions=False
    )
    assert result.exit_code == 1, result.output
    return result.output


def assert_refused_with(path: Path, code: str, absent: tuple[str, ...]) -> None:
    output = _json(path)
    assert "Traceback" not in output and "internal error" not in output
    assert "SECRET" not in output  # the corpus' pseudonyms are P-SECRET-…
    doc = json.loads(output)
    codes = {f["code"] for f in doc["findings"]}
    assert code in codes, (code, [f["message"] for f in doc["findings"]])
    assert not codes.intersection(absent), codes
    for finding in doc["findings"]:
        assert finding["message"].startswith(("sheet '", "file")), finding["message"]
        assert finding["code"], finding


def test_the_corpus_has_at_least_forty_cases_and_each_is_described():
    on_disk = {p.name for p in BAD.iterdir() if p.name not in ("generate.py", "__pycache__")}
    assert on_disk == set(EXPECTED), on_disk ^ set(EXPECTED)
    assert len(EXPECTED) + len(LARGE) >= 40


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_each_bad_case_exits_1_with_a_located_finding(case):
    code, absent = EXPECTED[case]
    assert_refused_with(BAD / case, code, absent)


@pytest.mark.parametrize(
    "case", ["zip_bomb.xlsx", "hidden_sheet.xlsx", "swapped_patient_and_hospital_columns.xlsx"]
)
def test_the_report_is_dutch_by_default(case):
    exit_code, output = validate(BAD / case)
    assert exit_code == 1 and ("blad '" in output or "bestand" in output), output
    assert "SECRET" not in output and "Traceback" not in output


def test_large_cases_are_refused_in_bounded_memory(tmp_path):
    for name, path in write_large_cases(tmp_path).items():
        code, absent = LARGE[name]
        assert_refused_with(path, code, absent)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert peak_mb < MAX_PEAK_RSS_MB, f"peak memory {peak_mb:.0f} MB"

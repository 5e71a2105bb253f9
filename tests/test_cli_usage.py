"""Usage errors and files: every option is bounded (exit 64, never 2 or 3), ``--out`` and the
input are checked before any work, and writes are atomic (issue 21, items 2 and 4)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from optimizer.projection_bounds import MAX_CENTS, first_year_too_large
from spreiding.cli import main
from spreiding.options import EXIT_USAGE, MAX_NORM_POINTS, available_cores
from tests.conftest import SAMPLE, write_xlsx

S = str(SAMPLE)
SWEEP = ["sweep", S, "--year", "2026", "--care-form", "rectumcarcinoom"]
OPT = ["optimize", S, "--year", "2026"]


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    "args",
    [
        # norm ranges: at most a few hundred points, each norm at most 100,000
        [*SWEEP, "--norms", "0:1000000000:1"],
        [*SWEEP, "--norms", "0:1000000:1"],
        [*SWEEP, "--norms", f"0:{MAX_NORM_POINTS}:1"],  # 301 points
        [*SWEEP, "--norms", "10:5:1"],
        [*SWEEP, "--norms", "10:20:0"],
        [*SWEEP, "--norms", "-5:20:1"],
        [*SWEEP, "--norms", "1e3:2e3:1"],
        [*SWEEP, "--norms", "99999999999999999999"],
        # years 2000–2100
        ["project", S, "--from", "2025", "--to", "1000000"],
        ["project", S, "--from", "2025", "--to", "99999999999999999999"],
        ["project", S, "--from", "1999", "--to", "2025"],
        ["project", S, "--from", "2030", "--to", "2025"],
        ["settle", S, "--year", "2101"],
        ["settle", S, "--year", "nan"],
        ["scenario", S, "--year", "-2025"],
        # weights finite and ≥ 0
        [*OPT, "--w-travel", "-1"],
        [*OPT, "--w-travel", "nan"],
        [*OPT, "--w-move", "inf"],
        [*OPT, "--w-fixed", "-inf"],
        [*OPT, "--w-travel", "1e300"],
        # shares in [0, 1]
        [*OPT, "--gap", "nan"],
        [*OPT, "--gap", "1.5"],
        [*OPT, "--max-move-share", "-0.1"],
        [*OPT, "--max-margin-loss", "nan"],
        # time limits finite, > 0 and at most an hour; travel finite
        [*OPT, "--time-limit", "nan"],
        [*OPT, "--time-limit", "inf"],
        [*OPT, "--time-limit", "0"],
        [*OPT, "--time-limit", "3601"],
        [*OPT, "--max-travel", "nan"],
        [*SWEEP, "--norms", "10:20", "--time-limit", "1e9"],
        # norm overrides
        [*OPT, "--norm", "rectumcarcinoom=1e9"],
        [*OPT, "--norm", "rectumcarcinoom=-3"],
        [*OPT, "--norm", "rectumcarcinoom"],
        [*OPT, "--norm", "=40"],
        # workers 1..cores
        [*SWEEP, "--norms", "10:20", "--workers", "0"],
        [*SWEEP, "--norms", "10:20", "--workers", str(available_cores() + 1)],
        # click's own usage errors
        ["settle", S, "--bogus"],
        ["settle"],
        ["--lang", "fr", "validate", S],
        ["nonsense"],
    ],
    ids=lambda a: " ".join(a[2:] if len(a) > 2 else a)[:60],
)
def test_every_option_out_of_bounds_is_a_usage_error_with_exit_64(args):
    result = run(*args)
    assert result.exit_code == EXIT_USAGE, result.output
    assert "Traceback" not in result.output and "interne fout" not in result.output


def test_a_usage_error_says_what_was_expected_in_the_chosen_language():
    dutch = run(*OPT, "--w-travel", "nan")
    assert "nan is geen getal van 0 tot en met 1.000.000" in dutch.output
    english = run("--lang", "en", *SWEEP, "--norms", "0:1000000:1")
    assert "FROM ≤ TO ≤ 100,000" in english.output
    many = run("--lang", "en", *SWEEP, "--norms", "0:600:1")
    assert "--norms gives 601 norms; at most 300 per sweep" in many.output
    year = run("project", S, "--from", "2025", "--to", "99999999999999999999")
    assert "geen heel getal van 2000 tot en met 2100" in year.output


def test_bounds_still_accept_their_edges(tmp_path):
    """The edges are allowed: a sweep of exactly 300 norms parses, and a decimal comma works."""
    from spreiding.options import NORMS, SHARE, YEAR_TYPE

    assert len(NORMS.convert("1:300:1", None, None)) == MAX_NORM_POINTS
    assert SHARE.convert("0,25", None, None) == 0.25
    assert YEAR_TYPE.convert("2100", None, None) == 2100


# --------------------------------------------------------------------------- files


def test_out_refuses_a_fifo_a_device_and_the_input_itself(tmp_path):
    fifo = tmp_path / "uit.xlsx"
    os.mkfifo(fifo)
    piped = run("settle", S, "--year", "2025", "--out", str(fifo))
    assert piped.exit_code == EXIT_USAGE and "geen gewoon bestand" in piped.output
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # not replaced by a regular file
    device = run("sample", "--out", "/dev/null")
    assert device.exit_code == EXIT_USAGE and "geen gewoon bestand" in device.output
    book = tmp_path / "regio.xlsx"
    book.write_bytes(SAMPLE.read_bytes())
    before = book.read_bytes()
    for command in (
        ["settle", str(book), "--year", "2025"],
        ["scenario", str(book), "--year", "2026"],
        ["optimize", str(book), "--year", "2026"],
        ["project", str(book), "--from", "2025", "--to", "2026"],
        [*SWEEP[:1], str(book), *SWEEP[2:], "--norms", "20"],
    ):
        same = run(*command, "--out", str(book))
        assert same.exit_code == EXIT_USAGE, same.output
        assert "is het invoerbestand zelf" in same.output
    link = tmp_path / "link.xlsx"
    link.symlink_to(book)
    assert run("settle", str(book), "--year", "2025", "--out", str(link)).exit_code == EXIT_USAGE
    assert book.read_bytes() == before


def test_out_refuses_a_csv_file_of_the_input_folder(tmp_path):
    from tests.conftest import tiny_sheets, write_csv_folder

    folder = write_csv_folder(tmp_path / "map", tiny_sheets())
    target = folder / "volumes.csv"
    before = target.read_bytes()
    result = run("settle", str(folder), "--year", "2025", "--out", str(target))
    assert result.exit_code == EXIT_USAGE and target.read_bytes() == before


def test_input_that_is_a_fifo_or_a_device_is_a_clear_error_not_a_hang(tmp_path):
    fifo = tmp_path / "regio.xlsx"
    os.mkfifo(fifo)
    for book in (fifo, Path("/dev/zero")):
        result = run("validate", str(book))
        assert result.exit_code == 1, result.output
        assert "geen gewoon bestand of map" in result.output
    folder = tmp_path / "map"
    folder.mkdir()
    os.mkfifo(folder / "volumes.csv")
    result = run("validate", str(folder))
    assert result.exit_code == 1 and "geen gewoon bestand of map" in result.output
    source = run("orlib", "/dev/zero", "--out", str(tmp_path / "cap.xlsx"))
    assert source.exit_code == EXIT_USAGE and "geen gewoon bestand" in source.output


def test_a_write_goes_through_a_temporary_file_and_keeps_the_old_one_on_failure(tmp_path):
    out = tmp_path / "verrekening.xlsx"
    out.write_bytes(b"old")
    out.chmod(0o640)
    bad = tmp_path / "kapot.xlsx"
    bad.write_bytes(b"not a workbook")
    failed = run("settle", str(bad), "--year", "2025", "--out", str(out))
    assert failed.exit_code == 1 and out.read_bytes() == b"old"
    done = run("sample", "--out", str(out))
    assert done.exit_code == 0, done.output
    assert out.read_bytes()[:2] == b"PK" and stat.S_IMODE(out.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kapot.xlsx", "verrekening.xlsx"]


# --------------------------------------------------------------------------- growth × indexation


def test_growth_and_indexation_at_their_maximum_through_2100_are_a_finding_not_an_overflow(
    tmp_path,
):
    """Growth 100 %/year and indexation 100 %/year on 150 base cases at most € 1.000 a case:
    the bound is 150 × 100.000 cents × 2^n × 2^n = 1,5 × 10^7 × 4^n, over 10^18 first at
    n = 18 (4^18 ≈ 6,9 × 10^10 > 6,67 × 10^10): the year 2043, so up to 2042 is projected."""
    from tests.test_projection import two_year_sheets

    s = two_year_sheets()
    s["growth"] = s["growth"].assign(rate=[1.0, 1.0])
    s["indexation"] = pd.DataFrame({"year": list(range(2026, 2101)), "rate": [1.0] * 75})
    book = write_xlsx(tmp_path / "groei.xlsx", s)
    result = run("project", str(book), "--from", "2025", "--to", "2100")
    assert result.exit_code == 1, result.output
    assert "te groot om tot op de cent te rekenen" in result.output
    assert "projecteer tot en met 2042" in result.output
    assert 150 * 100_000 * 2.0 ** (2 * 18) > MAX_CENTS > 150 * 100_000 * 2.0 ** (2 * 17)
    from calculator.validate import load

    assert first_year_too_large(load(book), 2025, 2100) == 2043
    ok = run("project", str(book), "--from", "2025", "--to", "2027", "--json")
    assert ok.exit_code == 0, ok.output


def test_an_ordinary_projection_is_far_from_the_bound(sample_book):

    assert first_year_too_large(sample_book, 2025, 2100) is None

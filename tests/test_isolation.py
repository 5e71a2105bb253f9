"""Heavy work runs in a worker process with memory and time limits (issue 21, item 1): what
exhausts them is a finding for that input, and the caller goes on."""

from __future__ import annotations

import multiprocessing as mp
import time

import pytest
from click.testing import CliRunner

import calculator.isolation as isolation
import calculator.reader as reader
from calculator.errors import Finding, SpreidingInputError
from calculator.isolation import run_isolated
from calculator.xlsx_scan import SheetScan
from spreiding.cli import main
from tests.corner_cells import corner_workbook


def allocate(megabytes: int) -> int:
    return len(bytearray(megabytes << 20))


def refuse() -> None:
    raise SpreidingInputError([Finding("volumes", 3, "cases", "-2", code="file_empty")])


def spin(seconds: float) -> None:
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def abort() -> None:
    import os

    os.abort()


@pytest.fixture
def small_worker(monkeypatch):
    monkeypatch.setenv("SPREIDING_WORKER_MEMORY_MB", "1024")


def codes(exc: pytest.ExceptionInfo) -> list[str]:
    return [f.code for f in exc.value.findings]


def test_a_result_and_an_input_error_come_back_whole(small_worker):
    assert run_isolated(allocate, 10, seconds=30) == 10 << 20
    with pytest.raises(SpreidingInputError) as refused:
        run_isolated(refuse, seconds=30)
    (finding,) = refused.value.findings
    assert (finding.sheet, finding.row, finding.code) == ("volumes", 3, "file_empty")


def test_memory_time_and_a_crash_are_findings_for_that_input(small_worker):
    with pytest.raises(SpreidingInputError) as memory:
        run_isolated(allocate, 4096, seconds=30, source="groot.xlsx")
    assert codes(memory) == ["work_memory_limit"]
    assert "1.024 MB" in memory.value.findings[0].message("nl")
    with pytest.raises(SpreidingInputError) as slow:
        run_isolated(spin, 30.0, seconds=1, source="traag.xlsx")
    assert codes(slow) == ["work_time_limit"]
    with pytest.raises(SpreidingInputError) as crashed:
        run_isolated(abort, seconds=30, source="kapot.xlsx")
    assert codes(crashed) == ["work_memory_limit"]  # an abort is how a reader fails to allocate
    assert run_isolated(allocate, 1, seconds=30) == 1 << 20  # and the caller goes on


def test_a_corner_cell_that_escaped_the_scan_stops_the_worker_not_the_cli(
    tmp_path, monkeypatch, small_worker
):
    """Defence in depth: with the used-range check switched off, the reader asks for 17
    billion cells; the worker dies and the CLI reports it as a problem of the file (exit 1)."""
    monkeypatch.setattr(reader, "scan_worksheet", lambda *args, **kwargs: SheetScan())
    monkeypatch.setattr(isolation, "_context", lambda: mp.get_context("fork"))
    book = corner_workbook(tmp_path, "single_quotes")
    result = CliRunner().invoke(main, ["validate", str(book)])
    assert result.exit_code == 1, result.output
    assert "meer geheugen nodig dan de grens van 1.024 MB" in result.output


def counted(n: int, progress=None) -> int:
    for i in range(n):
        progress(i + 1, n, f"stap {i + 1}")
    return n


def test_progress_of_the_worker_reaches_the_caller(small_worker):
    steps = []
    assert run_isolated(counted, 3, seconds=30, progress=lambda *s: steps.append(s)) == 3
    assert steps == [(1, 3, "stap 1"), (2, 3, "stap 2"), (3, 3, "stap 3")]

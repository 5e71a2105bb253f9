"""Proof on a published optimum: OR-Library cap41 (Beasley) as a workbook of this product."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from calculator.validate import load
from optimizer.inputs import Options
from optimizer.optimize import optimize
from spreiding.cli import main
from tests.conftest import ROOT
from tests.test_optimizer import recheck

CAP41 = ROOT.parent / "shared" / "data" / "orlib" / "cap41.txt"
CAP41_OPTIMUM = 1_040_444.375  # published optimum (splittable demand)

needs_cap41 = pytest.mark.skipif(
    not CAP41.exists(), reason=f"OR-Library data not found at {CAP41} (shared/ beside the repo)"
)


@pytest.fixture(scope="module")
def cap41_book(tmp_path_factory):
    book = tmp_path_factory.mktemp("orlib") / "cap41.xlsx"
    r = CliRunner().invoke(main, ["orlib", str(CAP41), "--out", str(book)])
    assert r.exit_code == 0, r.output
    assert "16" in r.output and "50" in r.output
    return book


@needs_cap41
def test_cap41_matches_the_published_optimum(cap41_book):
    """objective = travel (cost/demand per case × cases) + fixed costs of the open warehouses."""
    r = CliRunner().invoke(
        main,
        ["optimize", str(cap41_book), "--year", "2025", "--free-moves", "--fractional", "--json"],
    )
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert doc["status"] == "optimal"
    assert doc["objective"] == pytest.approx(CAP41_OPTIMUM, rel=1e-6)
    parts = doc["objective_parts"]
    assert parts["travel"] + parts["fixed_costs"] == pytest.approx(doc["objective"], rel=1e-12)
    assert parts["fixed_costs"] > 0


@needs_cap41
def test_cap41_solution_holds_every_constraint_and_fixed_costs_count(cap41_book):
    """Every constraint re-checked; without the fixed costs (--w-fixed 0) the optimum is pure
    travel, which cannot be dearer than the travel part of the full optimum."""
    wb = load(cap41_book)
    options = Options(free_moves=True, fractional=True)
    r = optimize(wb, 2025, options)
    recheck(wb, 2025, options, r)
    # fixed cost paid exactly for the warehouses that serve anyone
    open_ = set(r.flows["performing_hospital"])
    fixed = wb.service_costs.set_index("hospital_id")["fixed_cost"]
    assert r.objective_parts["fixed_costs"] == pytest.approx(sum(fixed[h] for h in open_))
    free = optimize(wb, 2025, Options(free_moves=True, fractional=True, w_fixed=0.0))
    assert free.objective_parts["fixed_costs"] == 0
    assert free.objective <= r.objective_parts["travel"] + 1e-6


def test_a_file_that_is_not_orlib_is_invalid_input(tmp_path):
    bad = tmp_path / "cap.txt"
    bad.write_text("16 50\n5000 7500.\n")
    r = CliRunner().invoke(main, ["orlib", str(bad), "--out", str(tmp_path / "x.xlsx")])
    assert r.exit_code == 1 and "OR-Library" in r.output

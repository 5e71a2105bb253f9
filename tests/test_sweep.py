"""Norm sweep: answers derived on paper, the literature's shape on a reduced national instance,
the parallel path equal to the single one, the CLI and a clean Ctrl-C."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from benchmarks.national import national_sheets
from calculator.validate import load, load_frames
from calculator.xlsx_writer import SheetOut, write_book
from optimizer.inputs import Options
from optimizer.sweep import parse_norm_range, sweep
from spreiding.cli import main
from tests.conftest import SAMPLE, tiny_sheets
from tests.test_projection import run_and_interrupt

EPS = 1e-6


def three_hospitals() -> dict[str, pd.DataFrame]:
    """A, B, C with 30, 20 and 10 own patients; A–B 20, B–C 30, A–C 40 minutes; norm 10."""
    s = tiny_sheets()
    s["hospitals"] = pd.DataFrame(
        {
            "hospital_id": ["AAA", "BBB", "CCC"],
            "name": ["A", "B", "C"],
            "type": ["algemeen"] * 3,
            "or_minutes": [100_000] * 3,
            "or_max_utilisation": 1.0,  # the hand maths uses the whole capacity
        }
    )
    s["care_forms"] = s["care_forms"].assign(volume_norm=[10])
    pairs = [("AAA", "BBB", 20), ("BBB", "CCC", 30), ("AAA", "CCC", 40)]
    s["travel"] = pd.DataFrame(
        [(a, b, m) for a, b, m in pairs] + [(b, a, m) for a, b, m in pairs],
        columns=["from_hospital", "to_hospital", "minutes"],
    )
    s["volumes"] = pd.DataFrame(
        {
            "year": [2025] * 3,
            "hospital_id": ["AAA", "BBB", "CCC"],
            "care_form_id": ["lies"] * 3,
            "cases": [30, 20, 10],
        }
    )
    s["agreements"] = s["agreements"].assign(mode=["referral"])
    return s


@pytest.fixture(scope="module")
def paper():
    wb = load_frames(three_hospitals())
    return sweep(wb, 2025, "lies", [10, 15, 25, 35, 61], Options(free_moves=True))


def test_paper_answers_per_norm(paper):
    """10: everyone keeps its own. 15: C reaches the norm with 5 of B's patients (5 × 30 = 150
    beats closing C: 10 × 30 = 300). 25: three hospitals cannot all reach 25 (60 patients), so
    C closes and its 10 go to B (300 < 400 to A): A 30, B 30. 35: one hospital takes all 60: A
    is cheapest (20 × 20 + 10 × 40 = 800):
    30 moved, mean (400 + 400) / 30 = 26,7 minutes, max 40, 10 of 60 patients over 30 minutes.
    61: more than all 60 patients: infeasible, explained."""
    p = paper.points.set_index("norm")
    assert list(p["hospitals_performing"].iloc[:4]) == [3, 3, 2, 1]
    assert list(p["cases_moved"].iloc[:4]) == pytest.approx([0, 5, 10, 30])
    assert p.loc[15, "travel_mean_minutes"] == pytest.approx(30)
    assert p.loc[35, "travel_mean_minutes"] == pytest.approx(800 / 30)
    assert p.loc[35, "travel_max_minutes"] == pytest.approx(40)
    assert p.loc[35, "share_over_30"] == pytest.approx(10 / 60)
    assert p.loc[35, "share_over_60"] == 0
    assert p.loc[15, "share_over_30"] == 0  # 30 minutes is not more than 30
    assert p.loc[61, "status"] == "infeasible"
    assert [m.code for m in p.loc[61, "reason"]] == ["opt_short_norm"]
    performers = paper.performers.set_index(["norm", "hospital_id"])["cases"]
    assert performers[15].to_dict() == pytest.approx({"AAA": 30, "BBB": 15, "CCC": 15})
    assert performers[25].to_dict() == pytest.approx({"AAA": 30, "BBB": 30})
    assert paper.current_norm == 10


def test_margin_change_is_zero_when_nothing_moves(paper):
    """Norm 10 keeps the baseline: the region's margin does not change; moving cases to a
    hospital with the same prices keeps it too (one price, no contracts)."""
    p = paper.points.set_index("norm")
    assert p.loc[10, "margin_change_cents"] == 0
    assert p.loc[35, "margin_change_cents"] == 0


def test_norm_ranges():
    assert parse_norm_range("10:60:5") == list(range(10, 61, 5))
    assert parse_norm_range("20:22") == [20, 21, 22]
    assert parse_norm_range("30") == [30]
    for bad in ("60:10:5", "a:b", "10:20:0", "1:2:3:4", "-5:5:5"):
        with pytest.raises(Exception, match="FROM:TO:STEP"):
            parse_norm_range(bad)


REDUCED = {"n_hospitals": 20, "n_care_forms": 12, "n_norms": 6}
# with 20 hospitals some lie more than 60 minutes from any other: 90 keeps every norm reachable
# the literature's shape (fewer hospitals as the norm rises) is that of the travel-first,
# continuous relaxation with the whole capacity: with the fewest moves first, whole patients or a
# ceiling, a higher norm may keep a hospital open by filling it (seen: 15, 15, 15, 14, 15, 14)
OPTIONS = Options(
    free_moves=True,
    max_travel=90,
    gap=0.01,
    objective="travel",
    fractional=True,
    max_utilisation=1.0,
)


@pytest.fixture(scope="module")
def reduced():
    """The national benchmark instance reduced to 20 hospitals × 12 care forms (6 with a norm):
    the full one takes minutes per solve, too long for the suite (see benchmarks). Swept: the
    largest care form that every type of hospital may perform."""
    sheets = national_sheets(**REDUCED)
    wb = load_frames(sheets, "national (reduced)")
    cf = wb.care_forms[(wb.care_forms["volume_norm"] > 0) & wb.care_forms["allowed_types"].isna()]
    demand = wb.volumes.groupby("care_form_id")["cases"].sum()
    care_form = max(cf["care_form_id"], key=lambda c: demand[c])
    return wb, care_form


def test_literature_shape_on_the_national_instance(reduced):
    """As the norm rises, hospitals performing never increase. While the other care forms are
    held at the current optimum (method ``held``; a prefix of the range: a higher norm only
    shrinks what fits), the swept care form's cases moved, the region's cases moved and the
    objective never decrease (within 0,1 %). Past it the others' cases shift to make room, which
    can shorten their trips: the point says so."""
    wb, care_form = reduced
    result = sweep(wb, 2026, care_form, parse_norm_range("10:80:10"), OPTIONS)
    p = result.points
    assert p["hospitals_performing"].notna().all()
    hospitals = p["hospitals_performing"].astype(int).tolist()
    assert all(b <= a for a, b in zip(hospitals, hospitals[1:], strict=False)), hospitals
    held = p["method"].eq("held").tolist()
    assert held == sorted(held, reverse=True) and sum(held) >= 5, p["method"].tolist()
    for column in ("cases_moved", "cases_moved_region", "objective"):
        values = p.loc[p["method"] == "held", column].astype(float).tolist()
        assert all(b >= a * 0.999 for a, b in zip(values, values[1:], strict=False)), values
    others = p[p["method"] != "held"]
    assert all(len(reason) for reason in others["reason"])
    shifted = others[others["method"] == "shifted"]
    for reason in shifted["reason"]:
        assert reason[0].render("nl").startswith(f"{care_form} past niet bij de ongewijzigde")
    moved = p["cases_moved_region"].astype(float).tolist()
    assert hospitals[0] > hospitals[-1] and moved[-1] > moved[0]


def test_two_processes_give_the_same_answers(reduced):
    wb, care_form = reduced
    norms = parse_norm_range("10:40:10")
    one = sweep(wb, 2026, care_form, norms, OPTIONS, workers=1)
    two = sweep(wb, 2026, care_form, norms, OPTIONS, workers=2)
    assert two.workers == 2
    cols = ["norm", "hospitals_performing", "cases_moved", "margin_change_cents"]
    pd.testing.assert_frame_equal(one.points[cols], two.points[cols], check_exact=False)


@pytest.fixture
def cli():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)

    return invoke


def test_cli_on_the_sample(cli, tmp_path):
    out = tmp_path / "s.xlsx"
    result = cli(
        "sweep", SAMPLE, "--year", 2026, "--care-form", "rectumcarcinoom", "--norms", "20:40:10",
        "--json", "--out", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    doc = json.loads(result.output)
    assert [p["norm"] for p in doc["points"]] == [20, 30, 40]
    assert doc["current_norm"] == 20
    first = doc["points"][0]
    assert {"hospitals_performing", "cases_moved", "travel_mean_minutes", "share_over_60"} <= set(
        first
    )
    book = load_workbook(out)
    assert book.sheetnames == ["Normverkenning", "Ziekenhuizen per norm", "Uitgangspunten"]
    header = [c.value for c in book["Normverkenning"][2]]
    assert header[:3] == ["Norm", "Huidige norm", "Status"]


def test_cli_human_table(cli):
    result = cli(
        "sweep", SAMPLE, "--year", 2026, "--care-form", "rectumcarcinoom", "--norms", "20:40:20",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Normverkenning rectumcarcinoom in 2026" in result.output
    assert "20*" in result.output


def test_cli_bad_input(cli):
    bad_range = cli(
        "sweep", SAMPLE, "--year", 2026, "--care-form", "rectumcarcinoom", "--norms", "x"
    )
    assert bad_range.exit_code == 64  # a usage error
    assert "VAN:TOT:STAP" in bad_range.output
    unknown = cli("sweep", SAMPLE, "--year", 2026, "--care-form", "nier", "--norms", "10:20:5")
    assert unknown.exit_code == 1
    assert "onbekende zorgvorm" in unknown.output


def test_ctrl_c_stops_the_workers_cleanly(tmp_path, reduced):
    sheets = national_sheets(**REDUCED)
    book = tmp_path / "national.xlsx"
    write_book(book, [SheetOut(name, frame) for name, frame in sheets.items()])
    assert load(book).care_forms is not None
    _, care_form = reduced
    done = run_and_interrupt(
        [
            "sweep",
            str(book),
            "--year",
            "2026",
            "--care-form",
            care_form,
            "--norms",
            "5:200:1",
            "--free-moves",
            "--max-travel",
            "60",
            "--workers",
            "2",
        ],  # fmt: skip
        "1/",
        tmp_path,
    )
    assert done.returncode == 130, done.stderr
    assert "Traceback" not in done.stderr
    assert "Afgebroken met Ctrl-C" in done.stderr


class FailedJob:
    """A worker's answer that failed (e.g. the worker could not build the model)."""

    def ready(self) -> bool:
        return True

    def successful(self) -> bool:
        return False

    def wait(self, timeout: float) -> None:
        return None


def test_a_norm_a_worker_cannot_solve_is_solved_here():
    from optimizer.sweep import _collect

    reported, solved_here = [], []
    left = _collect([(25, FailedJob())], reported.append, solved_here.append, wait=True)
    assert left == [] and solved_here == [25] and reported == []


def test_a_worker_that_could_not_build_the_model_says_so_by_code(monkeypatch):
    import optimizer.sweep as sweep_module
    from optimizer.errors import OptimizerError

    monkeypatch.setattr(sweep_module, "_WORKER", None)
    monkeypatch.setattr(sweep_module, "_WORKER_ERROR", ("MemoryError", "out of memory"))
    with pytest.raises(OptimizerError) as failed:
        sweep_module._solve_in_worker(25, [])
    assert failed.value.code == "opt_worker_failed"
    assert failed.value.params == {"kind": "MemoryError", "detail": "out of memory"}
    assert failed.value.render("nl") == (
        "een rekenproces kon het model niet opbouwen (MemoryError: out of memory)"
    )
    assert failed.value.render("en") == (
        "a worker process could not build the model (MemoryError: out of memory)"
    )

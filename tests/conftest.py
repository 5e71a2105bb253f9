"""Shared helpers: a tiny valid workbook built in code, written to xlsx or CSV on demand."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook as XlsxBook

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_data" / "regio_voorbeeld.xlsx"

# The slowest modules, longest first (seconds on the 2-core machine): ``make test`` gives each
# worker whole modules (``--dist loadfile``, pyproject.toml) in collection order, so these start
# first and the short ones fill in at the end; the other modules keep their order after them.
SLOW_FIRST = (
    "test_browser.py",  # a Streamlit server and Chromium: ~40 s, much of it waiting on pages
    "test_fuzz.py",  # 120 mutants of the sample: ~25 s
    "test_app.py",  # AppTest on every page, the optimiser four times: ~30 s
    "test_board_pack.py",  # three board packs (plan, deal, business case, charts): ~45 s
    "test_browser_login.py",  # a second Streamlit server with a login provider: ~40 s
    "test_app_deal.py",
    "test_business_case.py",
    "test_optimizer.py",
    "test_code_quality.py",  # mypy without its cache (a fresh clone): ~20 s
    "test_settle_properties.py",
    "test_sweep.py",
    "test_optimizer_workbooks.py",
    "test_optimizer_proposals.py",
    "test_cli.py",
    "test_national_sample.py",
    "test_validate.py",
    "test_bad_corpus.py",
    "test_settle_partitioned.py",
    "test_projection.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slowest modules first (a stable sort: every module stays whole and in its order)."""
    rank = {name: i for i, name in enumerate(SLOW_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A run that collected no test fails (exit 1, not pytest's 5): a suite that tests nothing
    is never a pass, and CI reads any non-zero exit as a failure."""
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.write_line("no test ran: that is a failure (exit 1)", red=True)


def tiny_sheets() -> dict[str, pd.DataFrame]:
    """Two hospitals, one care form with all four products, prices for 2025, one ODV agreement."""
    return {
        "hospitals": pd.DataFrame(
            {
                "hospital_id": ["AAA", "BBB"],
                "name": ["Ziekenhuis A", "Ziekenhuis B"],
                "type": ["algemeen", "topklinisch"],
                "or_minutes": [10000, 20000],
                "or_max_utilisation": 1.0,  # the hand maths uses the whole capacity
                "bed_days": [500, None],
                "lat": [52.0, 52.1],
                "lon": [4.5, 4.6],
            }
        ),
        "care_forms": pd.DataFrame(
            {
                "care_form_id": ["lies"],
                "name": ["Liesbreuk"],
                "specialism": ["0303"],
                "or_minutes_per_case": [60],
                "los_days": [0.5],
                "volume_norm": [10],
                "norm_source": ["test"],
                "allowed_types": [None],
                "variable_cost_share": [0.3],
                "max_hospitals": [None],
            }
        ),
        "products": pd.DataFrame(
            {
                "product_code": ["012345678", "012345679", "012345680", "012345681"],
                "description": ["vol", "dia", "ing", "naz"],
                "care_form_id": ["lies"] * 4,
                "component": ["full", "diagnostics", "intervention", "aftercare"],
            }
        ),
        "prices": pd.DataFrame(
            {
                "product_code": ["012345678", "012345679", "012345680", "012345681"],
                "year": [2025] * 4,
                "benchmark_price": [1000.00, 200.00, 700.00, 100.00],
            }
        ),
        "volumes": pd.DataFrame(
            {
                "year": [2025, 2025],
                "hospital_id": ["AAA", "AAA"],
                "care_form_id": ["lies", "lies"],
                "cases": [10, 4],
                "performing_hospital_id": [None, "BBB"],
            }
        ),
        "agreements": pd.DataFrame(
            {
                "agreement_id": ["AG1"],
                "care_form_id": ["lies"],
                "sending_hospital": ["AAA"],
                "performing_hospital": ["BBB"],
                "mode": ["odv"],
                "share": [0.5],
                "valid_from": [dt.date(2025, 1, 1)],
                "valid_to": [None],
            }
        ),
    }


def write_xlsx(path: Path, sheets: dict[str, pd.DataFrame]) -> Path:
    """Write frames cell by cell (values keep their Python type: a number stays a number)."""
    book = XlsxBook()
    book.remove(book.active)
    for name, frame in sheets.items():
        ws = book.create_sheet(name)
        ws.append(list(frame.columns))
        for row in frame.itertuples(index=False, name=None):
            ws.append(
                [None if (isinstance(v, float) and pd.isna(v)) or v is pd.NA else v for v in row]
            )
    book.save(path)
    return path


def write_csv_folder(folder: Path, sheets: dict[str, pd.DataFrame]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in sheets.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    return folder


@pytest.fixture
def tiny() -> dict[str, pd.DataFrame]:
    return tiny_sheets()


@pytest.fixture(scope="session")
def sample_book():
    """The sample region, read and validated once per worker: tests only read it. A Workbook's
    frames must not be mutated (calculator/workbook.py); at the end of the session they are
    compared with a fresh read, so a rule that changes its input in place fails here."""
    from dataclasses import fields

    from calculator.validate import load

    book = load(SAMPLE)
    yield book
    fresh = load(SAMPLE)
    for field in fields(fresh):
        mine, theirs = getattr(book, field.name), getattr(fresh, field.name)
        if isinstance(theirs, pd.DataFrame):
            pd.testing.assert_frame_equal(mine, theirs, obj=f"sample {field.name}")


@pytest.fixture(scope="session")
def sample_settled(sample_book):
    """The sample's 2025 settlement (combined source, the default run), computed once."""
    from calculator.settle import settle

    return settle(sample_book, 2025)


@pytest.fixture(scope="session")
def sample_optimised(sample_book):
    """The optimiser's default plan of the sample for 2025 (``Options()``), solved once per
    worker: an OptimizeResult is only read (its frames are never changed by a test)."""
    from optimizer.inputs import Options
    from optimizer.optimize import optimize

    return optimize(sample_book, 2025, Options())

"""Cached state of the dashboard: the workbook in use, the language and year, and every heavy
computation, cached on the input's SHA-256.

The one place where the dashboard caches; pages ask this module and never cache themselves.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import streamlit as st

from calculator.errors import SpreidingInputError
from calculator.settle import SettlementResult, settle
from calculator.settlement_export import write_settlement
from calculator.template import write_template
from calculator.validate import load_bytes
from calculator.workbook import Workbook
from dashboard.store import ScenarioStore
from dashboard.story import edited_agreements
from optimizer.capacity import CapacityReport, baseline_flows, capacity, money
from optimizer.scenario import ScenarioResult, manual_scenario

SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "regio_voorbeeld.xlsx"


def lang() -> str:
    """The reader's language: ``nl`` (default) or ``en``."""
    return str(st.session_state.get("lang", "nl"))


@st.cache_data(show_spinner=False, max_entries=8)
def load_input(data: bytes, name: str) -> tuple[Workbook | None, list[dict[str, object]]]:
    """(Workbook, []) for a valid input, (None, findings as records) otherwise."""
    try:
        return load_bytes(data, name), []
    except SpreidingInputError as exc:
        return None, [f.to_dict() for f in exc.findings]


@st.cache_data(show_spinner=False)
def sample_bytes() -> bytes:
    return SAMPLE.read_bytes()


def is_sample(wb: Workbook) -> bool:
    return wb.source_name == SAMPLE.name


def current_book() -> Workbook:
    """The last valid workbook: the sample until a valid upload replaces it."""
    data, name = st.session_state.get("book", (None, None))
    if data is not None:
        wb, _ = load_input(data, name)
        if wb is not None:
            return wb
    wb, _ = load_input(sample_bytes(), SAMPLE.name)
    assert wb is not None, "the shipped sample region is valid"
    return wb


def use_upload(data: bytes, name: str) -> None:
    """Make a valid upload the workbook of every page."""
    st.session_state["book"] = (data, name)


def use_sample() -> None:
    st.session_state.pop("book", None)


def default_year(years: list[int]) -> int:
    """The year a visitor sees first: 2025 when the data has it, else the latest."""
    return 2025 if 2025 in years else years[-1]


def year() -> int:
    """The year chosen in the sidebar."""
    return int(st.session_state["year"])


@st.cache_data(show_spinner=False, max_entries=16)
def baseline(
    _wb: Workbook, sha: str, year: int
) -> tuple[pd.DataFrame, CapacityReport, pd.DataFrame]:
    """Flows, capacity and money of the year as the volumes show them."""
    flows = baseline_flows(_wb, year)
    return flows, capacity(_wb, flows), money(_wb, flows, year)


@st.cache_data(show_spinner=False, max_entries=16)
def settlement(_wb: Workbook, sha: str, year: int, source: str) -> SettlementResult:
    return settle(_wb, year, source)


@st.cache_data(show_spinner=False, max_entries=16)
def settlement_workbook(_wb: Workbook, sha: str, year: int, source: str) -> bytes:
    buffer = io.BytesIO()
    write_settlement(settlement(_wb, sha, year, source), buffer)
    return buffer.getvalue()


@st.cache_data(show_spinner=False)
def template_bytes() -> bytes:
    buffer = io.BytesIO()
    write_template(buffer)
    return buffer.getvalue()


@st.cache_data(show_spinner=False, max_entries=32)
def manual(_wb: Workbook, sha: str, year: int, edits_json: str) -> ScenarioResult:
    """The manual scenario with the shares and modes edited on the page (JSON, orient split)."""
    edits = pd.read_json(io.StringIO(edits_json), orient="split", dtype=False)
    return manual_scenario(_wb, year, edited_agreements(_wb.agreements, edits))


def store() -> ScenarioStore:
    if "store" not in st.session_state:
        st.session_state["store"] = ScenarioStore()
    store: ScenarioStore = st.session_state["store"]
    return store


def settlement_sources(wb: Workbook, year: int) -> list[str]:
    """Sources that can settle ``year``, the preferred first: registrations when they cover the
    year, else volumes (a year without registrations falls back to volumes)."""
    return [s for s in ("registrations", "volumes") if wb.has(s) and year in wb.years_in(s)]


def year_settlement(wb: Workbook, year: int) -> SettlementResult | None:
    """The year's settlement from its preferred source; None when no source covers the year."""
    sources = settlement_sources(wb, year)
    return settlement(wb, wb.sha256, year, sources[0]) if sources else None

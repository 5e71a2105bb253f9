"""Cached state of the dashboard: the workbook in use, the language and year, and every heavy
computation, cached on the input's SHA-256.

The one place where the dashboard caches; pages ask this module and never cache themselves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st

from calculator.audit import Audit
from calculator.errors import Finding, SpreidingInputError
from calculator.isolation import run_isolated
from calculator.settle import SettlementResult, settle
from calculator.settlement_export import write_settlement
from calculator.steering import Steering, steer
from calculator.steering_report import write_steering
from calculator.template import write_template
from calculator.validate import load_bytes_isolated
from calculator.workbook import Workbook
from dashboard import access, audit
from dashboard.audit import AuditedStore
from dashboard.formatting import escape_markdown
from dashboard.store import ScenarioStore
from dashboard.story import edited_agreements
from messages import LANGUAGES, escaping
from optimizer.capacity import CapacityReport, baseline_flows, capacity, money
from optimizer.deal import Deal, deal_for
from optimizer.inputs import Options
from optimizer.optimize import OptimizeResult, optimize
from optimizer.projection import Progress, Projection, project
from optimizer.projection_report import write_projection
from optimizer.scenario import ScenarioResult, manual_scenario
from optimizer.sweep import SweepResult, sweep

T = TypeVar("T")
SAMPLE = Path(__file__).resolve().parent.parent / "sample_data" / "regio_voorbeeld.xlsx"
URL_KEY = "werkmap"  # the address names the session's upload: ?werkmap=<token>
KEPT_UPLOADS = 20
RETENTION_DAYS = 7.0
MAX_TIME_LIMIT = 3600.0  # the optimiser's time limit in the dashboard [seconds]


def has_login() -> bool:
    """True when the deployment configures a login (see :func:`access.has_login`)."""
    return access.has_login()


def user() -> access.User:
    """This session's user (the local user without a login). The login gate in ``app.py`` has
    stopped the run of anyone without a role before a page asks."""
    known = st.session_state.get("_user")
    if isinstance(known, access.User):
        return known
    found = access.current_user()
    if found is None:
        st.stop()
    assert found is not None  # st.stop() ends the script run
    return found


def lang() -> str:
    """The reader's language: ``nl`` (default) or ``en``."""
    return str(st.session_state.get("lang", "nl"))


@st.cache_data(show_spinner=False, max_entries=8)
def load_input(data: bytes, name: str) -> tuple[Workbook | None, list[Finding]]:
    """(Workbook, []) for a valid input, (None, findings) otherwise."""
    try:  # in a worker process: an upload that exhausts memory stops that process only
        return load_bytes_isolated(data, name), []
    except SpreidingInputError as exc:
        return None, list(exc.findings)


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


@st.cache_resource(show_spinner=False)
def kept_uploads() -> OrderedDict[str, tuple[bytes, str]]:
    """Valid uploads of this server's sessions by a random token in the page address, so that
    reloading the page (F5) keeps the workbook while the server runs; the oldest go first."""
    return OrderedDict()


@st.cache_resource(show_spinner=False)
def upload_times() -> dict[str, float]:
    """When each kept upload came in (token → seconds since the epoch), for the retention."""
    return {}


@st.cache_resource(show_spinner=False)
def upload_owners() -> dict[str, str]:
    """Who made each kept upload (token → the user's e-mail, ``lokaal`` without a login): the
    ``?werkmap=`` link opens it for its owner only."""
    return {}


def retention_seconds() -> float:
    """How long a kept upload (it may hold patient pseudonyms) stays on the server:
    ``SPREIDING_RETENTION_DAYS`` days, 7 by default."""
    try:
        days = float(os.environ.get("SPREIDING_RETENTION_DAYS", RETENTION_DAYS))
    except ValueError:
        days = RETENTION_DAYS
    return max(days, 0.0) * 86_400


def forget_expired() -> None:
    """Remove the kept uploads older than the retention (and those beyond the newest 20)."""
    uploads, times = kept_uploads(), upload_times()
    oldest = time.time() - retention_seconds()
    for token in [t for t in uploads if times.get(t, 0.0) < oldest]:
        uploads.pop(token, None)
    while len(uploads) > KEPT_UPLOADS:
        uploads.popitem(last=False)
    for token in [t for t in times if t not in uploads]:
        times.pop(token, None)
    owners = upload_owners()
    for token in [t for t in owners if t not in uploads]:
        owners.pop(token, None)


def use_upload(data: bytes, name: str) -> None:
    """Make a valid upload the workbook of every page (and keep it for a reload)."""
    token = secrets.token_urlsafe(16)
    uploads = kept_uploads()
    uploads[token] = (data, name)
    upload_times()[token] = time.time()
    upload_owners()[token] = user().email
    forget_expired()
    audit.record("upload", f"{name} (SHA-256 {hashlib.sha256(data).hexdigest()[:16]})")
    st.session_state["book"] = (data, name)
    st.session_state["book_token"] = token


def use_sample() -> None:
    st.session_state.pop("book", None)
    st.session_state.pop("book_token", None)
    st.query_params.pop(URL_KEY, None)


LANG_KEY = "taal"  # the address keeps the reader's language: ?taal=en


def restore_language() -> None:
    """The reader's language outlives a reload: taken from the address when the session
    starts, and written back to it on every run (Dutch, the default, leaves it out)."""
    asked = st.query_params.get(LANG_KEY)
    if "lang" not in st.session_state and asked in LANGUAGES:
        st.session_state["lang"] = asked
    if lang() == "nl":
        st.query_params.pop(LANG_KEY, None)
    else:
        st.query_params[LANG_KEY] = lang()


def restore_upload() -> bool | None:
    """After a reload: take the upload back by the token in the address. False when the
    address names an upload this server no longer has, None when it names another user's
    (the sample is used then)."""
    token = st.query_params.get(URL_KEY)
    forget_expired()
    if token and "book" not in st.session_state:
        kept = kept_uploads().get(token)
        if kept is None:
            st.query_params.pop(URL_KEY, None)
            return False
        if upload_owners().get(token, access.LOCAL_USER) != user().email:
            st.query_params.pop(URL_KEY, None)
            audit.record("upload_not_yours", kept[1])
            return None
        st.session_state["book"] = kept
        st.session_state["book_token"] = token
    if "book_token" in st.session_state:
        st.query_params[URL_KEY] = st.session_state["book_token"]
    return True


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
def settlement_workbook(
    _wb: Workbook,
    sha: str,
    year: int,
    source: str,
    pseudonyms: str = access.ALL,
    lang: str = "nl",
) -> bytes:
    """The settlement workbook in ``lang``, with the patient pseudonyms of the exceptions sheet
    blanked outside ``pseudonyms`` (see :attr:`access.User.pseudonyms`)."""
    result = settlement(_wb, sha, year, source)
    if pseudonyms != access.ALL:
        result = replace(result, exceptions=access.mask_pseudonyms(result.exceptions, pseudonyms))
    buffer = io.BytesIO()
    names = dict(zip(_wb.hospitals["hospital_id"], _wb.hospitals["name"], strict=True))
    write_settlement(result, buffer, lang=lang, names=names)
    return buffer.getvalue()


@st.cache_data(show_spinner=False, max_entries=16)
def steering(_wb: Workbook, sha: str, year: int, until: dt.date) -> Steering:
    """Quarterly steering of ``year`` up to ``until``."""
    return steer(_wb, year, until)


@st.cache_data(show_spinner=False, max_entries=16)
def steering_workbook(_wb: Workbook, sha: str, year: int, until: dt.date) -> bytes:
    buffer = io.BytesIO()
    write_steering(steering(_wb, sha, year, until), buffer)
    return buffer.getvalue()


@st.cache_data(show_spinner=False)
def template_bytes(lang: str = "nl", example: bool = False) -> bytes:
    """The input template in ``lang`` (with the sample region filled in when ``example``)."""
    buffer = io.BytesIO()
    write_template(buffer, lang, example)
    return buffer.getvalue()


@st.cache_data(show_spinner=False, max_entries=32)
def manual(_wb: Workbook, sha: str, year: int, edits_json: str) -> ScenarioResult:
    """The manual scenario with the shares and modes edited on the page (JSON, orient split)."""
    edits = pd.read_json(io.StringIO(edits_json), orient="split", dtype=False)
    return manual_scenario(_wb, year, edited_agreements(_wb.agreements, edits))


def optimize_isolated(wb: Workbook, year: int, options: Options) -> OptimizeResult:
    """The optimiser in a worker process with memory and time limits: a model that exhausts
    them stops with a message for this user, never the server. Stops the page with the
    message when it does."""
    seconds = 8 * float(options.time_limit or MAX_TIME_LIMIT) + 300
    audit.record("run_optimise", f"{wb.source_name}, {year}")
    return _solved_isolated(optimize, wb, year, options, seconds=seconds)


def _solved_isolated(func: Callable[..., T], *args: object, seconds: float) -> T:
    """``func(*args)`` in a worker with limits; a finding (a limit reached, a crash) is shown
    to this user and stops the page."""
    try:
        return run_isolated(func, *args, seconds=seconds, what="solve")
    except SpreidingInputError as exc:
        for finding in exc.findings:
            with escaping(escape_markdown):
                st.error(finding.render(lang()))
        st.stop()
        raise  # st.stop() ends the script run


def deal_isolated(wb: Workbook, result: OptimizeResult, rule: str) -> Deal | None:
    """The plan's deal under ``rule`` (terms and compensation) in a worker process, kept per
    session for this workbook, plan and rule (a Shapley split solves every coalition once)."""
    kept: dict[tuple, Deal | None] = st.session_state.setdefault("deals", {})
    key = (wb.sha256, result.year, repr(result.options), rule, result.objective)
    if key not in kept:
        seconds = (8 * float(result.options.time_limit or MAX_TIME_LIMIT) + 300) * (
            4 if rule == "shapley" else 1
        )
        audit.record("run_deal", f"{wb.source_name}, {result.year}, {rule}")
        kept[key] = _solved_isolated(deal_for, wb, result, rule, seconds=seconds)
    return kept[key]


def store() -> ScenarioStore:
    """The scenario store, opened for this session's user (saves and deletes in the audit
    log)."""
    who = user()
    kept = st.session_state.get("store")
    scope = (who.email, who.reads_all, who.manages_all)
    if not isinstance(kept, ScenarioStore) or scope != (
        kept.owner,
        kept.reads_all,
        kept.manages_all,
    ):
        st.session_state["store"] = AuditedStore(**who.store_scope())
    store: ScenarioStore = st.session_state["store"]
    return store


def year_settlement(wb: Workbook, year: int) -> SettlementResult | None:
    """The year's settlement from registrations and volumes together (or the one of them that
    has the year); None when neither has it."""
    try:
        return settlement(wb, wb.sha256, year, "combined")
    except SpreidingInputError:
        return None


def _kept(name: str) -> dict:
    """Results of long runs this session, by input and question (kept while the session runs)."""
    return st.session_state.setdefault(name, {})


def projection(wb: Workbook, first: int, last: int, progress: Progress | None = None) -> Projection:
    """The projection ``first``–``last``, computed once per session and question."""
    kept = _kept("projections")
    key = (wb.sha256, first, last)
    if key not in kept:
        kept[key] = project(wb, first, last, progress=progress)
    return kept[key]


def projection_workbook(wb: Workbook, first: int, last: int) -> bytes:
    kept = _kept("projection_books")
    key = (wb.sha256, first, last, lang())
    if key not in kept:
        buffer = io.BytesIO()
        audit = Audit("project", wb.source_name, wb.sha256, {"from": first, "to": last})
        write_projection(projection(wb, first, last), buffer, lang(), audit)
        kept[key] = buffer.getvalue()
    return kept[key]


def has_sweep(wb: Workbook, year: int, care_form: str, norms: tuple[int, ...], free: bool) -> bool:
    return (wb.sha256, year, care_form, norms, free) in _kept("sweeps")


def norm_sweep(
    wb: Workbook,
    year: int,
    care_form: str,
    norms: tuple[int, ...],
    free_moves: bool,
    progress: Progress | None = None,
) -> SweepResult:
    """A norm sweep, computed once per session and question, in one worker process."""
    kept = _kept("sweeps")
    key = (wb.sha256, year, care_form, norms, free_moves)
    if key not in kept:
        options = Options(free_moves=free_moves)
        audit.record("run_sweep", f"{wb.source_name}, {year}, {care_form}, {len(norms)} norms")
        # in a worker process with limits (one solve per norm, each within the time limit)
        seconds = 2 * float(options.time_limit or MAX_TIME_LIMIT) * (len(norms) + 2) + 300
        try:
            kept[key] = run_isolated(
                partial(sweep, workers=1), wb, year, care_form, norms, options,
                seconds=seconds, what="solve", progress=progress,
            )  # fmt: skip
        except SpreidingInputError as exc:
            for finding in exc.findings:
                with escaping(escape_markdown):
                    st.error(finding.render(lang()))
            st.stop()
            raise
    return kept[key]

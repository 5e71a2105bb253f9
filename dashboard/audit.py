"""The dashboard's audit log: who did what, and when, in SQLite beside the scenario store.

One row per action: ``at`` (UTC, ISO seconds), ``user``, ``action`` and ``subject``. Actions:
``login`` (the role the roles file gives) and ``login_refused`` (signed in, but not in the roles
file, or the roles file cannot be used), ``upload_not_yours`` (a ``?werkmap=`` link of another
user), ``upload`` and ``upload_refused`` (the file name and, when read, its SHA-256),
``run_optimise``, ``run_deal`` (year and split rule) and ``run_sweep`` (year and care form),
``save`` and ``delete`` (the scenario's name),
``download`` (which workbook). Never a row of the data, a figure or a patient pseudonym.

The user is the signed-in user's e-mail when the dashboard has a login, else ``lokaal`` (the
local, single-user tool on 127.0.0.1). The log lives at ``SPREIDING_AUDIT_DB``, else
``audit.sqlite3`` in the store's folder. A log that cannot be written is said on the server's
log, and the work goes on (the store's own errors still stop a save).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pandas as pd

from dashboard.store import ScenarioStore, default_path

LOCAL_USER = "lokaal"
SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL
)
"""
ACTIONS = frozenset(
    {
        "login",
        "login_refused",
        "upload",
        "upload_refused",
        "upload_not_yours",
        "run_optimise",
        "run_deal",
        "run_sweep",
        "save",
        "delete",
        "download",
    }
)
_log = logging.getLogger(__name__)


def audit_path() -> Path:
    """Where the audit log lives: ``SPREIDING_AUDIT_DB``, else beside the scenario store."""
    if os.environ.get("SPREIDING_AUDIT_DB"):
        return Path(os.environ["SPREIDING_AUDIT_DB"])
    return default_path().parent / "audit.sqlite3"


def current_user() -> str:
    """The signed-in user's e-mail (as the roles file spells it once the login gate has let them
    in), or ``lokaal`` without a login."""
    try:
        import streamlit as st

        known = st.session_state.get("_user")
        if known is not None:
            return str(known.email)
        if getattr(st.user, "is_logged_in", False):
            return str(st.user.get("email") or st.user.get("name") or LOCAL_USER)
    except Exception:  # outside a session (tests, warm-up) there is no user
        pass
    return LOCAL_USER


def record(action: str, subject: str, user: str | None = None) -> None:
    """Append one action to the audit log (never raises: a failure is logged)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    path = audit_path()
    row = (
        dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        user or current_user(),
        action,
        subject[:500],
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(path, timeout=10, isolation_level=None)) as con:
            con.execute(SCHEMA)
            con.execute("INSERT INTO audit (at, user, action, subject) VALUES (?, ?, ?, ?)", row)
    except (OSError, sqlite3.Error) as exc:
        _log.warning("audit log %s cannot be written (%s): %s %s", path, exc, action, subject)


def entries(path: Path | None = None) -> pd.DataFrame:
    """The audit log, oldest first (columns at, user, action, subject)."""
    path = path or audit_path()
    if not path.exists():
        return pd.DataFrame(columns=["at", "user", "action", "subject"])
    with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as con:
        rows = con.execute("SELECT at, user, action, subject FROM audit ORDER BY id").fetchall()
    return pd.DataFrame(rows, columns=["at", "user", "action", "subject"])


class AuditedStore(ScenarioStore):
    """The scenario store, with every save and delete in the audit log."""

    def save(
        self,
        name: str,
        year: int,
        kind: str,
        input_sha256: str,
        per_hospital: pd.DataFrame,
        flows: pd.DataFrame | None = None,
        deal: dict[str, Any] | None = None,
        shared: bool = False,
    ) -> None:
        super().save(name, year, kind, input_sha256, per_hospital, flows, deal, shared)
        record("save", f"{name.strip()} ({kind}, {year}{', shared' if shared else ''})")

    def delete(self, name: str) -> None:
        super().delete(name)
        record("delete", name)

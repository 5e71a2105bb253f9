"""Saved scenarios in an embedded SQLite database that survives restarts.

The path comes from ``SPREIDING_DB``, else the user's data folder. Every save (and delete) runs in
one immediate transaction: two processes saving at once wait for each other (busy timeout), a
process killed mid-save leaves the last committed state (SQLite's journal rolls the rest back), and
a failed save leaves earlier saves untouched. Every failure is a :class:`StoreError` with a
message from the catalogue — a read-only, damaged, busy or unreachable database file is reported,
never overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Any

import pandas as pd

from calculator.errors import SpreidingError
from messages import DEFAULT_LANGUAGE, Message

SCHEMA = """
CREATE TABLE IF NOT EXISTS scenario (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    saved_at TEXT NOT NULL,
    year INTEGER NOT NULL,
    kind TEXT NOT NULL,
    input_sha256 TEXT NOT NULL,
    per_hospital TEXT NOT NULL,
    flows TEXT,
    deal TEXT
)
"""
# columns added after the first release: (name, declaration), added to an older database
LATER_COLUMNS = (("flows", "TEXT"), ("deal", "TEXT"))
FLOW_FIELDS = ["sending_hospital", "performing_hospital", "care_form_id", "cases"]
BUSY_TIMEOUT_S = 10


class StoreError(SpreidingError, ValueError):
    """The store cannot do what was asked; ``message`` says why in the reader's language."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message.render("en"))

    def render(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return self.message.render(lang)


def default_path() -> Path:
    if os.environ.get("SPREIDING_DB"):
        return Path(os.environ["SPREIDING_DB"])
    base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / "spreiding" / "scenarios.sqlite3"


class ScenarioStore:
    """Scenario summaries per hospital, keyed by a unique name."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or default_path()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._error("store_cannot_open", exc) from exc
        if self.path.exists() and not os.access(self.path, os.W_OK):
            self.read_only = True
            self._check_readable()
            return
        self.read_only = False
        with self._transaction() as con:
            con.execute(SCHEMA)
            have = {row[1] for row in con.execute("PRAGMA table_info(scenario)")}
            for column, kind in LATER_COLUMNS:
                if column not in have:
                    con.execute(f"ALTER TABLE scenario ADD COLUMN {column} {kind}")

    # ----------------------------------------------------------------- connections

    def _error(self, code: str, exc: BaseException | None = None) -> StoreError:
        detail = str(exc) if exc is not None else ""
        return StoreError(Message(code, {"path": str(self.path), "detail": detail}))

    def _classify(self, exc: sqlite3.Error) -> StoreError:
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text:
            return self._error("store_read_only", exc)
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return self._error("store_damaged", exc)
        if "locked" in text or "busy" in text:
            return self._error("store_busy", exc)
        if "unable to open" in text:
            return self._error("store_cannot_open", exc)
        return self._error("store_failed", exc)

    def _connect(self) -> sqlite3.Connection:
        uri = self.path.resolve().as_uri() + ("?mode=ro" if self.read_only else "")
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, isolation_level=None)

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        try:
            with closing(self._connect()) as con:
                yield con
        except sqlite3.Error as exc:
            raise self._classify(exc) from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One immediate write transaction: committed whole, or rolled back whole."""
        if self.read_only:
            raise self._error("store_read_only")
        try:
            with closing(self._connect()) as con:
                con.execute("BEGIN IMMEDIATE")
                try:
                    yield con
                except BaseException:
                    con.execute("ROLLBACK")
                    raise
                con.execute("COMMIT")
        except sqlite3.Error as exc:
            raise self._classify(exc) from exc

    @staticmethod
    def _has_column(con: sqlite3.Connection, column: str) -> bool:
        """An older store opened read-only may lack a later column."""
        return any(row[1] == column for row in con.execute("PRAGMA table_info(scenario)"))

    def _check_readable(self) -> None:
        with self._reading() as con:
            con.execute("SELECT count(*) FROM scenario").fetchone()

    # ----------------------------------------------------------------- operations

    def save(
        self,
        name: str,
        year: int,
        kind: str,
        input_sha256: str,
        per_hospital: pd.DataFrame,
        flows: pd.DataFrame | None = None,
        deal: dict[str, Any] | None = None,
    ) -> None:
        """Save (or replace) a scenario: its summary per hospital, its patient flows
        (sending_hospital, performing_hospital, care_form_id, cases: the business case is made
        of them) and its deal (terms and compensation as the JSON output has them) where given;
        raises StoreError with a readable reason on failure."""
        name = name.strip()
        if not name:
            raise StoreError(Message("store_name_empty"))
        payload = per_hospital.to_json(orient="records")
        flow_payload = (
            None
            if flows is None
            else flows[FLOW_FIELDS]
            .assign(cases=flows["cases"].astype(float))
            .to_json(orient="records")
        )
        deal_json = json.dumps(deal) if deal is not None else None
        with self._transaction() as con:
            con.execute("DELETE FROM scenario WHERE name = ?", (name,))
            con.execute(
                "INSERT INTO scenario (name, saved_at, year, kind, input_sha256, "
                "per_hospital, flows, deal) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    name,
                    dt.datetime.now().isoformat(timespec="seconds"),
                    int(year),
                    kind,
                    input_sha256,
                    payload,
                    flow_payload,
                    deal_json,
                ),
            )

    def details(self, name: str) -> tuple[pd.DataFrame | None, dict[str, Any] | None]:
        """A saved scenario's flows and deal (None where it was saved without them)."""
        flows = self.flows(name)
        with self._reading() as con:
            if not self._has_column(con, "deal"):
                return flows, None
            row = con.execute("SELECT deal FROM scenario WHERE name = ?", (name,)).fetchone()
        if row is None or row[0] is None:
            return flows, None
        try:
            deal = json.loads(row[0])
            if not isinstance(deal, dict):
                raise TypeError("deal is not an object")
        except (ValueError, TypeError, RecursionError) as exc:  # a row changed outside the app
            raise self._error("store_damaged", exc) from exc
        return flows, deal

    def list(self) -> pd.DataFrame:
        with self._reading() as con:
            rows = con.execute(
                "SELECT name, saved_at, year, kind FROM scenario ORDER BY saved_at, name"
            ).fetchall()
        return pd.DataFrame(rows, columns=["name", "saved_at", "year", "kind"])

    def load(self, name: str) -> pd.DataFrame:
        with self._reading() as con:
            row = con.execute(
                "SELECT per_hospital FROM scenario WHERE name = ?", (name,)
            ).fetchone()
        if row is None:
            raise KeyError(name)
        try:
            records: list[dict[str, Any]] = json.loads(row[0])
            if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
                raise TypeError("per_hospital is not a list of records")
            return pd.DataFrame(records)
        except (ValueError, TypeError, RecursionError) as exc:  # a row changed outside the app
            raise self._error("store_damaged", exc) from exc

    def info(self, name: str) -> dict[str, Any]:
        """name, saved_at, year, kind and input_sha256 of a saved scenario."""
        with self._reading() as con:
            row = con.execute(
                "SELECT name, saved_at, year, kind, input_sha256 FROM scenario WHERE name = ?",
                (name,),
            ).fetchone()
        if row is None:
            raise KeyError(name)
        return dict(zip(["name", "saved_at", "year", "kind", "input_sha256"], row, strict=True))

    def flows(self, name: str) -> pd.DataFrame | None:
        """The patient flows saved with a scenario (None: saved without them)."""
        with self._reading() as con:
            if not self._has_column(con, "flows"):
                return None
            row = con.execute("SELECT flows FROM scenario WHERE name = ?", (name,)).fetchone()
        if row is None:
            raise KeyError(name)
        if row[0] is None:
            return None
        try:
            records = json.loads(row[0])
            frame = pd.DataFrame(records, columns=FLOW_FIELDS)
            frame["cases"] = frame["cases"].astype(float)
            return frame
        except (ValueError, TypeError, RecursionError, KeyError) as exc:
            raise self._error("store_damaged", exc) from exc

    def delete(self, name: str) -> None:
        with self._transaction() as con:
            con.execute("DELETE FROM scenario WHERE name = ?", (name,))
